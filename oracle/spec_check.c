/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* spec_check.c -- a spec (vectors/specs/ files) checked whole before gen computes anything: known fields only, a known
 * family whose quantities every group's outputs are, each output listed once, caseIds unique across the file, flags
 * arrays of strings named in notes, digits in range, and every case's parameters accepted by every output's quantity
 * (except in expectError groups, whose parameters are meant to be refused). A spec that passes cannot make gen write
 * a file its own selfcheck rejects. */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

static const char *const top_fields[] = {"schema", "family", "header", "notes", "groups", NULL};
static const char *const group_fields[] = {"name", "comment", "digits", "outputs", "cases", "common", "expectError",
                                           NULL};
static const char *const case_fields[] = {"caseId", "comment", "flags", "params", NULL};

int
qo_spec_validate(json_t *root, const char *path, char *err, size_t errlen)
{
    const char *family = json_string_value(json_object_get(root, "family"));
    json_t *groups = json_object_get(root, "groups"), *notes = json_object_get(root, "notes"), *g, *ids;
    size_t gi;
    int bad = 0;
    char where[200];
    if (!json_is_object(root))
    {
        snprintf(err, errlen, "%s: a spec must be a JSON object", path);
        return 1;
    }
    if (qo_json_known_fields(root, top_fields, path, err, errlen))
        return 1;
    if (family == NULL || qo_family_of_vectors(family) == NULL)
    {
        snprintf(err, errlen, "%s: family must name a vector family (landauer, state, trajectory, pump), got %s%.40s%s",
                 path, family ? "\"" : "", family ? family : "nothing", family ? "\"" : "");
        return 1;
    }
    if (!json_is_array(groups) || json_array_size(groups) == 0)
    {
        snprintf(err, errlen, "%s: the spec needs \"groups\" (a non-empty array)", path);
        return 1;
    }
    if (notes != NULL && !json_is_object(notes))
    {
        snprintf(err, errlen, "%s: notes must be an object", path);
        return 1;
    }
    ids = json_object();
    json_array_foreach(groups, gi, g)
    {
        json_t *cases = json_object_get(g, "cases"), *outputs = json_object_get(g, "outputs"), *o, *c;
        const char *digits = json_string_value(json_object_get(g, "digits"));
        int expect_error = json_is_true(json_object_get(g, "expectError"));
        size_t oi, ci;
        slong d;
        snprintf(where, sizeof where, "%s: groups[%zu]", path, gi);
        if (!json_is_object(g))
        {
            snprintf(err, errlen, "%s: a group must be an object", where);
            bad = 1;
            break;
        }
        if ((bad = qo_json_known_fields(g, group_fields, where, err, errlen)))
            break;
        if (!json_is_string(json_object_get(g, "name")) || !json_is_array(cases) || !json_is_array(outputs)
            || json_array_size(outputs) == 0)
        {
            snprintf(err, errlen, "%s needs \"name\" (string), \"outputs\" (non-empty array) and \"cases\" (array)", where);
            bad = 1;
            break;
        }
        if (json_object_get(g, "digits") != NULL && (digits == NULL || qo_parse_digits(&d, digits)))
        {
            snprintf(err, errlen, "%s: digits must be a string holding an integer from 1 to %d", where, QT_DIGITS_MAX);
            bad = 1;
            break;
        }
        if (json_object_get(g, "expectError") != NULL && !json_is_boolean(json_object_get(g, "expectError")))
        {
            snprintf(err, errlen, "%s: expectError must be true or false", where);
            bad = 1;
            break;
        }
        json_array_foreach(outputs, oi, o)
        {
            const char *name = json_string_value(o);
            const qo_quantity *q = name ? qo_quantity_find(name) : NULL;
            size_t k;
            if (q == NULL)
            {
                snprintf(err, errlen, "%s: outputs[%zu]: unknown quantity %s%.60s%s", where, oi, name ? "\"" : "",
                         name ? name : "(not a string)", name ? "\"" : "");
                bad = 1;
            }
            else if (strcmp(q->family->vectors, family) != 0)
            {
                snprintf(err, errlen, "%s: outputs[%zu]: %s belongs in %s vectors, not %s", where, oi, name,
                         q->family->vectors, family);
                bad = 1;
            }
            for (k = 0; !bad && k < oi; k++)
                if (strcmp(json_string_value(json_array_get(outputs, k)), name) == 0)
                {
                    snprintf(err, errlen, "%s: outputs: %s is listed twice", where, name);
                    bad = 1;
                }
            if (bad)
                break;
        }
        if (bad)
            break;
        json_array_foreach(cases, ci, c)
        {
            const char *id = json_string_value(json_object_get(c, "caseId"));
            json_t *flags = json_object_get(c, "flags"), *f;
            size_t fi;
            char w2[260];
            snprintf(w2, sizeof w2, "%s.cases[%zu]", where, ci);
            if (!json_is_object(c))
            {
                snprintf(err, errlen, "%s: a case must be an object", w2);
                bad = 1;
                break;
            }
            if ((bad = qo_json_known_fields(c, case_fields, w2, err, errlen)))
                break;
            if (id == NULL || id[0] == '\0')
            {
                snprintf(err, errlen, "%s: caseId must be a non-empty string", w2);
                bad = 1;
                break;
            }
            if (json_object_get(ids, id) != NULL)
            {
                snprintf(err, errlen, "%s: caseId \"%.100s\" is used twice (first at %s)", w2, id,
                         json_string_value(json_object_get(ids, id)));
                bad = 1;
                break;
            }
            json_object_set_new(ids, id, json_string(w2));
            if (json_object_get(c, "comment") != NULL && !json_is_string(json_object_get(c, "comment")))
            {
                snprintf(err, errlen, "%s (%s): comment must be a string", w2, id);
                bad = 1;
                break;
            }
            if (flags != NULL && !json_is_array(flags))
            {
                snprintf(err, errlen, "%s (%s): flags must be an array of strings", w2, id);
                bad = 1;
                break;
            }
            json_array_foreach(flags, fi, f)
            {
                if (!json_is_string(f))
                {
                    snprintf(err, errlen, "%s (%s): flags must be an array of strings", w2, id);
                    bad = 1;
                }
                else if (!json_is_object(json_object_get(notes, json_string_value(f))))
                {
                    snprintf(err, errlen, "%s (%s): flag \"%.60s\" is not described in the spec's notes", w2, id,
                             json_string_value(f));
                    bad = 1;
                }
                if (bad)
                    break;
            }
            if (bad)
                break;
            if (!expect_error)
            {
                /* every output's quantity accepts the case's parameters */
                qo_pool pool;
                qo_kv kv;
                qo_pool_init(&pool);
                bad = qo_kv_from_json(&kv, &pool, json_object_get(g, "common"), json_object_get(c, "params"), w2, err,
                                      errlen);
                json_array_foreach(outputs, oi, o)
                {
                    qo_params p;
                    char m[512];
                    if (bad)
                        break;
                    qo_params_init(&p);
                    if (qo_params_parse(&p, qo_quantity_find(json_string_value(o)), &kv, m, sizeof m))
                    {
                        snprintf(err, errlen, "%s (%s), %s: %s", w2, id, json_string_value(o), m);
                        bad = 1;
                    }
                    qo_params_clear(&p);
                }
                qo_pool_clear(&pool);
                if (bad)
                    break;
            }
        }
        if (bad)
            break;
    }
    json_decref(ids);
    return bad;
}
