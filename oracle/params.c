/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* params.c -- the shared name=value machinery: parse exactly, reject unknown, duplicate, missing, unused and
 * out-of-domain parameters with a message that names the parameter and the reason.  What each family accepts is
 * in its own file (family_*.c); this file only asks the quantity's family. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

void
qo_params_init(qo_params *p)
{
    memset(p, 0, sizeof *p);
}

void
qo_params_clear(qo_params *p)
{
    if (p->fp != NULL)
    {
        p->family->clear(p->fp);
        free(p->fp);
        p->fp = NULL;
    }
    while (p->nowned > 0)
        free(p->owned[--p->nowned]);
}

int
qo_params_parse(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    if (p->fp != NULL)
        qo_params_clear(p);
    p->family = q->family;
    p->fp = calloc(1, q->family->size);
    q->family->init(p->fp);
    p->echo.n = 0;
    return q->family->parse(p, q, kv, err, errlen);
}

const char *
qo_lookup(const qo_kv *kv, const char *key)
{
    int i;
    for (i = 0; i < kv->n; i++)
        if (strcmp(kv->key[i], key) == 0)
            return kv->val[i];
    return NULL;
}

void
qo_echo_add(qo_params *p, const char *key, const char *val)
{
    if (p->echo.n < QO_MAX_PARAMS)
    {
        p->echo.key[p->echo.n] = key;
        p->echo.val[p->echo.n] = val;
        p->echo.n++;
    }
}

const char *
qo_echo_own(qo_params *p, char *s)
{
    p->owned[p->nowned++] = s;
    return s;
}

int
qo_exact_param(qo_params *p, fmpq_t q, const qo_kv *kv, const char *key, const char *def,
               const char *why, char *err, size_t errlen)
{
    const char *v = qo_lookup(kv, key);
    char msg[256];
    if (v == NULL)
    {
        if (def == NULL)
        {
            snprintf(err, errlen, "missing parameter %s (%s)", key, why);
            return 1;
        }
        v = def;
    }
    if (qt_exact_parse(q, v, msg, sizeof msg))
    {
        snprintf(err, errlen, "%s %s", key, msg);
        return 1;
    }
    qo_echo_add(p, key, v);
    return 0;
}

int
qo_check_known(const qo_kv *kv, const char *const *allowed, const qo_quantity *q,
               const char *context, char *err, size_t errlen)
{
    int i, j, k;
    for (i = 0; i < kv->n; i++)
    {
        int ok = 0;
        for (k = 0; k < i; k++)
            if (strcmp(kv->key[k], kv->key[i]) == 0)
            {
                snprintf(err, errlen, "parameter %s is given twice", kv->key[i]);
                return 1;
            }
        for (j = 0; allowed[j] != NULL; j++)
            if (strcmp(allowed[j], kv->key[i]) == 0)
                ok = 1;
        if (!ok)
        {
            const char *near = qo_closest(kv->key[i], allowed, -1);
            char hint[96] = "";
            if (near != NULL)
                snprintf(hint, sizeof hint, "; did you mean %s?", near);
            snprintf(err, errlen, "parameter %s is not used by %s%s%s (parameters: %s)",
                     kv->key[i], q->name, context, hint, qo_quantity_params(q));
            return 1;
        }
    }
    return 0;
}

int
qo_matrix_param(qo_params *p, qt_qmat_t A, const qo_kv *kv, const char *key, char *err, size_t errlen)
{
    const char *v = qo_lookup(kv, key);
    json_t *canon = NULL;
    char *s;
    if (v == NULL)
    {
        snprintf(err, errlen, "missing parameter %s (a matrix: @file.json or inline JSON)", key);
        return 1;
    }
    if (qo_matrix_from_param(A, &canon, v, key, err, errlen))
        return 1;
    s = json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(canon);
    qo_echo_add(p, key, qo_echo_own(p, s));
    return 0;
}

int
qo_choice_param(qo_params *p, const qo_kv *kv, const char *key, const char *const *opts, const char *def, int *out,
                char *err, size_t errlen)
{
    const char *v = qo_lookup(kv, key);
    int i;
    if (v == NULL)
        v = def;
    for (i = 0; opts[i]; i++)
        if (strcmp(opts[i], v) == 0)
        {
            *out = i;
            qo_echo_add(p, key, opts[i]);
            return 0;
        }
    {
        char list[200] = "";
        for (i = 0; opts[i]; i++)
        {
            strcat(list, i ? " | " : "");
            strcat(list, opts[i]);
        }
        snprintf(err, errlen, "%s must be %s, got \"%s\"", key, list, v);
    }
    return 1;
}

json_t *
qo_params_json(const qo_params *p)
{
    json_t *o = json_object();
    int i;
    for (i = 0; i < p->echo.n; i++)
    {
        json_t *m = NULL;
        if (p->echo.val[i][0] == '{' || p->echo.val[i][0] == '[')
            m = json_loads(p->echo.val[i], 0, NULL);     /* a canonical matrix object */
        json_object_set_new(o, p->echo.key[i], m ? m : json_string(p->echo.val[i]));
    }
    return o;
}
