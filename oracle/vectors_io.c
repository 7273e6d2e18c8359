/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* vectors_io.c -- read a vector file (format v1) into a flat list of expected outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vectors_io.h"

/* a plain decimal as the vector format writes it ([+-]digits[.digits][e[+-]digits]) or an infinity */
static int
is_decimal(const char *s)
{
    const char *p = s;
    int nd = 0;
    if (s == NULL)
        return 0;
    if (strcmp(s, "inf") == 0 || strcmp(s, "-inf") == 0)
        return 1;
    if (*p == '+' || *p == '-')
        p++;
    for (; *p >= '0' && *p <= '9'; p++)
        nd++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            nd++;
    if (nd == 0)
        return 0;
    if (*p == 'e' || *p == 'E')
    {
        int ne = 0;
        p++;
        if (*p == '+' || *p == '-')
            p++;
        for (; *p >= '0' && *p <= '9'; p++)
            ne++;
        if (ne == 0)
            return 0;
    }
    return *p == '\0';
}

/* every field an output needs, checked before anything reads it; 1 and a message naming the field */
static int
check_output(json_t *o, const char *path, const char *caseId, const char *name, char *err, size_t errlen)
{
    static const char *const fields[] = {"mid", "rad", "lo", "hi", "lo_f64", "hi_f64", NULL};
    const char *status;
    int k;
    if (!json_is_object(o))
    {
        snprintf(err, errlen, "%s: case %s output %s: an output must be an object", path, caseId, name);
        return 1;
    }
    status = json_string_value(json_object_get(o, "status"));
    if (status == NULL)
    {
        snprintf(err, errlen, "%s: case %s output %s: status must be a string", path, caseId, name);
        return 1;
    }
    if (strcmp(status, "ok") != 0 && strcmp(status, "domain-error") != 0)
    {
        snprintf(err, errlen, "%s: case %s output %s: status \"%.40s\" is neither ok nor domain-error", path, caseId,
                 name, status);
        return 1;
    }
    if (strcmp(status, "ok") != 0)
        return 0;
    for (k = 0; fields[k] != NULL; k++)
    {
        json_t *f = json_object_get(o, fields[k]);
        if (!json_is_string(f) || !is_decimal(json_string_value(f)))
        {
            snprintf(err, errlen, "%s: case %s output %s: %s must be a string holding a decimal number%s", path, caseId,
                     name, fields[k], f == NULL ? " (missing)" : "");
            return 1;
        }
    }
    return 0;
}

void
qo_vecs_clear(qo_vecs *v)
{
    free(v->e);
    json_decref(v->root);
    memset(v, 0, sizeof *v);
}

int
qo_vecs_load(qo_vecs *v, const char *path, char *err, size_t errlen)
{
    json_t *root = qo_json_load_path(path, err, errlen);
    if (root == NULL)
    {
        memset(v, 0, sizeof *v);
        return 1;
    }
    return qo_vecs_from_json(v, root, path, err, errlen);
}

int
qo_vecs_from_json(qo_vecs *v, json_t *root, const char *path, char *err, size_t errlen)
{
    json_t *groups, *g, *t, *outs, *o;
    size_t gi, ti;
    const char *name;

    memset(v, 0, sizeof *v);
    v->root = root;
    groups = json_object_get(v->root, "testGroups");
    if (!json_is_array(groups))
    {
        snprintf(err, errlen, "%s: not a qtoracle vector file (no testGroups array)", path);
        return 1;
    }
    json_array_foreach(groups, gi, g)
    {
        if (!json_is_object(g) || !json_is_array(json_object_get(g, "tests")))
        {
            snprintf(err, errlen, "%s: testGroups[%zu] must be an object with a tests array", path, gi);
            return 1;
        }
        json_array_foreach(json_object_get(g, "tests"), ti, t)
        {
            const char *caseId = json_string_value(json_object_get(t, "caseId"));
            json_t *flags = json_object_get(t, "flags");
            outs = json_object_get(t, "outputs");
            if (caseId == NULL || !json_is_object(outs))
            {
                snprintf(err, errlen, "%s: testGroups[%zu].tests[%zu] lacks caseId or outputs", path, gi, ti);
                return 1;
            }
            if (flags != NULL)
            {
                size_t k;
                json_t *f;
                int ok = json_is_array(flags);
                json_array_foreach(flags, k, f)
                    ok = ok && json_is_string(f);
                if (!ok)
                {
                    snprintf(err, errlen, "%s: case %s: flags must be an array of strings", path, caseId);
                    return 1;
                }
            }
            json_object_foreach(outs, name, o)
            {
                qo_vec_entry *e;
                if (check_output(o, path, caseId, name, err, errlen))
                    return 1;
                if (v->n == v->alloc)
                {
                    v->alloc = v->alloc ? 2 * v->alloc : 64;
                    v->e = realloc(v->e, v->alloc * sizeof *v->e);
                }
                e = v->e + v->n++;
                e->caseId = caseId;
                e->output = name;
                e->status = json_string_value(json_object_get(o, "status"));
                e->mid = json_string_value(json_object_get(o, "mid"));
                e->rad = json_string_value(json_object_get(o, "rad"));
                e->lo = json_string_value(json_object_get(o, "lo"));
                e->hi = json_string_value(json_object_get(o, "hi"));
                e->lo_f64 = json_string_value(json_object_get(o, "lo_f64"));
                e->hi_f64 = json_string_value(json_object_get(o, "hi_f64"));
                e->flags = json_object_get(t, "flags");
                e->group = g;
                e->seen = 0;
                if (e->status == NULL || (strcmp(e->status, "ok") == 0 && (e->lo == NULL || e->hi == NULL)))
                {
                    snprintf(err, errlen, "%s: case %s output %s lacks status or enclosure", path, caseId, name);
                    return 1;
                }
            }
        }
    }
    return 0;
}

qo_vec_entry *
qo_vecs_find(qo_vecs *v, const char *caseId, const char *output)
{
    size_t i;
    for (i = 0; i < v->n; i++)
        if (strcmp(v->e[i].caseId, caseId) == 0 && strcmp(v->e[i].output, output) == 0)
            return v->e + i;
    return NULL;
}

int
qo_vecs_has_case(qo_vecs *v, const char *caseId)
{
    size_t i;
    for (i = 0; i < v->n; i++)
        if (strcmp(v->e[i].caseId, caseId) == 0)
            return 1;
    return 0;
}
