/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* vectors_io.c -- read a vector file (format v1) into a flat list of expected outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vectors_io.h"

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
    json_error_t jerr;
    json_t *groups, *g, *t, *outs, *o;
    size_t gi, ti;
    const char *name;

    memset(v, 0, sizeof *v);
    v->root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (v->root == NULL)
    {
        snprintf(err, errlen, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
        return 1;
    }
    groups = json_object_get(v->root, "testGroups");
    if (!json_is_array(groups))
    {
        snprintf(err, errlen, "%s: not a qtoracle vector file (no testGroups array)", path);
        return 1;
    }
    json_array_foreach(groups, gi, g)
    {
        json_array_foreach(json_object_get(g, "tests"), ti, t)
        {
            const char *caseId = json_string_value(json_object_get(t, "caseId"));
            outs = json_object_get(t, "outputs");
            if (caseId == NULL || !json_is_object(outs))
            {
                snprintf(err, errlen, "%s: testGroups[%zu].tests[%zu] lacks caseId or outputs", path, gi, ti);
                return 1;
            }
            json_object_foreach(outs, name, o)
            {
                qo_vec_entry *e;
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
