/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* matrix_json.c -- operators as explicit matrices in JSON:
 *   {"dims": [n, n], "re": ["...", ...], "im": ["...", ...]}   (row-major, n*n exact strings;
 *   "im" may be omitted for a real matrix).  A parameter value is either such an object
 *   inline or "@path" to a file holding one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

static int
string_array(const char ***out, json_t *a, slong count, const char *name, const char *field,
             char *err, size_t errlen)
{
    size_t i;
    json_t *v;
    if (!json_is_array(a) || (slong) json_array_size(a) != count)
    {
        snprintf(err, errlen, "%s.%s must be an array of %ld exact strings (row-major)", name, field, (long) count);
        return 1;
    }
    *out = malloc(sizeof(char *) * count);
    json_array_foreach(a, i, v)
    {
        if (!json_is_string(v))
        {
            snprintf(err, errlen, "%s.%s[%zu] must be a string (exact decimal or rational)", name, field, i);
            free(*out);
            return 1;
        }
        (*out)[i] = json_string_value(v);
    }
    return 0;
}

int
qo_matrix_from_json(qt_qmat_t A, json_t **canon, json_t *o, const char *name, char *err, size_t errlen)
{
    json_t *dims = json_object_get(o, "dims"), *re = json_object_get(o, "re"), *im = json_object_get(o, "im");
    const char **res = NULL, **ims = NULL;
    const char *key;
    json_t *v;
    json_int_t n;
    char msg[400];

    if (!json_is_object(o))
    {
        snprintf(err, errlen, "%s must be a matrix object {\"dims\": [n, n], \"re\": [...], \"im\": [...]}", name);
        return 1;
    }
    json_object_foreach(o, key, v)
        if (strcmp(key, "dims") && strcmp(key, "re") && strcmp(key, "im"))
        {
            snprintf(err, errlen, "%s has an unknown field \"%s\" (expected dims, re, im)", name, key);
            return 1;
        }
    if (!json_is_array(dims) || json_array_size(dims) != 2 || !json_is_integer(json_array_get(dims, 0))
        || !json_is_integer(json_array_get(dims, 1)))
    {
        snprintf(err, errlen, "%s.dims must be [n, n] with integers", name);
        return 1;
    }
    n = json_integer_value(json_array_get(dims, 0));
    if (n != json_integer_value(json_array_get(dims, 1)))
    {
        snprintf(err, errlen, "%s must be square, got dims [%lld, %lld]", name, (long long) n,
                 (long long) json_integer_value(json_array_get(dims, 1)));
        return 1;
    }
    if (n < 1 || n > QT_QMAT_MAX_DIM)
    {
        snprintf(err, errlen, "%s dimension must be from 1 to %d, got %lld", name, QT_QMAT_MAX_DIM, (long long) n);
        return 1;
    }
    if (string_array(&res, re, n * n, name, "re", err, errlen))
        return 1;
    if (im != NULL && string_array(&ims, im, n * n, name, "im", err, errlen))
    {
        free(res);
        return 1;
    }
    qt_qmat_init(A, n);
    if (qt_qmat_set_strings(A, res, ims, msg, sizeof msg))
    {
        snprintf(err, errlen, "%s %s", name, msg);
        qt_qmat_clear(A);
        A->n = 0;                      /* nothing left for the owner to clear */
        free(res);
        free(ims);
        return 1;
    }
    free(res);
    free(ims);
    if (canon != NULL)
    {
        *canon = json_object();
        json_object_set(*canon, "dims", dims);
        json_object_set(*canon, "re", re);
        if (im != NULL)
            json_object_set(*canon, "im", im);
    }
    return 0;
}

/* parse a parameter value: inline JSON object or @file */
int
qo_matrix_from_param(qt_qmat_t A, json_t **canon, const char *value, const char *name, char *err, size_t errlen)
{
    json_t *o;
    json_error_t je;
    int r;
    if (value[0] == '@')
    {
        char m[400];
        o = qo_json_load_path(value + 1, m, sizeof m);
        if (o == NULL)
        {
            snprintf(err, errlen, "%s: the matrix file: %s", name, m);
            return 1;
        }
    }
    else if (value[0] == '{')
    {
        o = json_loads(value, JSON_REJECT_DUPLICATES, &je);
        if (o == NULL)
        {
            snprintf(err, errlen, "%s is not valid JSON: %s", name, je.text);
            return 1;
        }
    }
    else
    {
        snprintf(err, errlen, "%s must be a matrix: @file.json or an inline JSON object {\"dims\": [n, n], \"re\": [...], \"im\": [...]}", name);
        return 1;
    }
    r = qo_matrix_from_json(A, canon, o, name, err, errlen);
    json_decref(o);
    return r;
}
