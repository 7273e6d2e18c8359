/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_claims.c -- a claims file through `qtoracle audit` up to the end of its validation (the fuzzing build,
 * QO_FUZZING, stops audit there: the harness checks the parser and the bound expressions' syntax, not the physics);
 * and the first claim's bound, if any, evaluated as an expression over two variables */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64], err[512];
    char *argv[1];
    if (fuzz_file(path, sizeof path, data, size))
        return 0;
    argv[0] = path;
    (void) qo_cmd_audit(1, argv);
    unlink(path);
    {
        /* the expression language alone on the raw input */
        char *s = fuzz_string(data, size > 400 ? 400 : size), k0[] = "T", k1[] = "n_qubits", v0[] = "1/3", v1[] = "2";
        qo_kv vars;
        arb_t r;
        vars.n = 2;
        vars.key[0] = k0; vars.val[0] = v0;
        vars.key[1] = k1; vars.val[1] = v1;
        arb_init(r);
        (void) qo_expr_eval(r, s, &vars, 64, err, sizeof err);
        arb_clear(r);
        free(s);
    }
    flint_cleanup();
    return 0;
}
