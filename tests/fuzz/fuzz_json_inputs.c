/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_json_inputs.c -- the JSON inputs of the open-system families: the first byte picks a matrix (H of
 * lindblad.trajectory), a baths array, or a strokes array (lindblad.cycle), the rest is its JSON text */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s, err[1024];
    json_t *o;
    if (size < 1)
        return 0;
    s = fuzz_string(data + 1, size - 1);
    if (s[0] != '@' && (o = qo_json_param(s, "x", err, sizeof err)) != NULL)
    {
        if (data[0] % 3 == 0)
        {
            qt_qmat_t A;
            json_t *canon = NULL;
            if (qo_matrix_from_json(A, &canon, o, "H", err, sizeof err) == 0)
                qt_qmat_clear(A);
            json_decref(canon);
        }
        else if (data[0] % 3 == 1)
        {
            qt_open_model_t M;
            json_t *canon = NULL;
            qt_open_model_init(M, 2, 0);
            (void) qo_json_baths(M, &canon, o, err, sizeof err);
            json_decref(canon);
            qt_open_model_clear(M);
        }
        else
        {
            /* strokes go through the cycle's own parser with a fixed bath */
            const qo_quantity *q = qo_quantity_find("lindblad.cycle");
            qo_kv kv;
            qo_params p;
            char k0[] = "strokes", k1[] = "baths";
            char b[] = "[{\"beta\":\"1\",\"channels\":[{\"L\":{\"dims\":[2,2],\"re\":[\"0\",\"1\",\"0\",\"0\"]},"
                       "\"gamma\":\"1\",\"omega\":\"1\",\"kind\":\"thermal\"}]}]";
            kv.n = 2;
            kv.key[0] = k0; kv.val[0] = s;
            kv.key[1] = k1; kv.val[1] = b;
            qo_params_init(&p);
            if (q != NULL)
                (void) qo_params_parse(&p, q, &kv, err, sizeof err);
            qo_params_clear(&p);
        }
        json_decref(o);
    }
    free(s);
    flint_cleanup();
    return 0;
}
