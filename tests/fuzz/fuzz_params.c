/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_params.c -- name=value parameters of every quantity (inline matrix, baths and strokes JSON included): the
 * first byte picks the quantity, the rest is lines "name=value"; parsed and validated, never evaluated.  Values
 * naming a file (@path) are skipped: the harness checks the parser, not the file system. */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int nq = 0;
    const qo_quantity *q;
    char *s, *line, *save = NULL, err[1024];
    qo_kv kv;
    qo_params p;
    if (size < 1)
        return 0;
    while (qo_quantity_at(nq) != NULL)
        nq++;
    q = qo_quantity_at(data[0] % nq);
    s = fuzz_string(data + 1, size - 1);
    kv.n = 0;
    for (line = strtok_r(s, "\n", &save); line != NULL && kv.n < QO_MAX_PARAMS; line = strtok_r(NULL, "\n", &save))
    {
        char *eq = strchr(line, '=');
        if (eq == NULL || eq == line || eq[1] == '@')
            continue;
        *eq = '\0';
        kv.key[kv.n] = line;
        kv.val[kv.n] = eq + 1;
        kv.n++;
    }
    qo_params_init(&p);
    (void) qo_params_parse(&p, q, &kv, err, sizeof err);
    qo_params_clear(&p);
    free(s);
    flint_cleanup();
    return 0;
}
