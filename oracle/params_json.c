/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* params_json.c -- parameters given as a JSON object (spec cases, claims) into the name=value list every quantity's
 * parser reads: strings as they are, a matrix object or an array of objects (baths) as its compact JSON text, kept
 * alive in a pool until the caller clears it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

void
qo_pool_init(qo_pool *pool)
{
    pool->s = NULL;
    pool->n = pool->cap = 0;
}

const char *
qo_pool_own(qo_pool *pool, char *s)
{
    if (pool->n == pool->cap)
    {
        pool->cap = pool->cap ? 2 * pool->cap : 16;
        pool->s = realloc(pool->s, pool->cap * sizeof *pool->s);
    }
    pool->s[pool->n++] = s;
    return s;
}

void
qo_pool_clear(qo_pool *pool)
{
    while (pool->n > 0)
        free(pool->s[--pool->n]);
    free(pool->s);
    qo_pool_init(pool);
}

int
qo_kv_from_json(qo_kv *kv, qo_pool *pool, json_t *common, json_t *params, const char *where, char *err, size_t errlen)
{
    json_t *objs[2];
    int k;
    objs[0] = common;
    objs[1] = params;
    kv->n = 0;
    for (k = 0; k < 2; k++)
    {
        const char *key;
        json_t *v;
        if (objs[k] == NULL)
            continue;
        if (!json_is_object(objs[k]))
        {
            snprintf(err, errlen, "%s: %s must be an object", where, k ? "params" : "common");
            return 1;
        }
        json_object_foreach(objs[k], key, v)
        {
            int i, found = -1;
            if (!json_is_string(v) && !json_is_object(v) && !json_is_array(v))
            {
                snprintf(err, errlen, "%s: parameter %s must be a string (exact decimal or rational), a matrix object "
                         "or an array (baths)", where, key);
                return 1;
            }
            for (i = 0; i < kv->n; i++)
                if (strcmp(kv->key[i], key) == 0)
                    found = i;
            if (found < 0)
            {
                if (kv->n >= QO_MAX_PARAMS)
                {
                    snprintf(err, errlen, "%s: too many parameters", where);
                    return 1;
                }
                found = kv->n++;
            }
            kv->key[found] = key;
            if (json_is_object(v) || json_is_array(v))
                kv->val[found] = qo_pool_own(pool, json_dumps(v, JSON_COMPACT));   /* a matrix or baths array */
            else
                kv->val[found] = json_string_value(v);
        }
    }
    return 0;
}
