/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* baths_json.c -- the JSON inputs shared by lindblad.trajectory and lindblad.cycle: baths
 * [{"beta": "1", "channels": [{"L": matrix, "gamma": "0.2", "omega": "1", "kind": "thermal"}]}], exact fields,
 * no unknown field, JSON text or @file. */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

int
qo_json_exact_field(fmpq_t q, json_t *o, const char *key, const char *where, int required, char *err, size_t errlen)
{
    json_t *v = json_object_get(o, key);
    char msg[256];
    if (v == NULL)
    {
        if (required)
        {
            snprintf(err, errlen, "%s.%s is missing", where, key);
            return 1;
        }
        fmpq_zero(q);
        return 0;
    }
    if (!json_is_string(v))
    {
        snprintf(err, errlen, "%s.%s must be a string (exact decimal or rational)", where, key);
        return 1;
    }
    if (qt_exact_parse(q, json_string_value(v), msg, sizeof msg))
    {
        snprintf(err, errlen, "%s.%s %s", where, key, msg);
        return 1;
    }
    return 0;
}

int
qo_json_only_fields(json_t *o, const char *const *allowed, const char *where, char *err, size_t errlen)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        int j, ok = 0;
        for (j = 0; allowed[j]; j++)
            if (strcmp(allowed[j], key) == 0)
                ok = 1;
        if (!ok)
        {
            snprintf(err, errlen, "%s has an unknown field \"%s\"", where, key);
            return 1;
        }
    }
    return 0;
}

int
qo_json_baths(qt_open_model_struct *M, json_t **canon, json_t *a, char *err, size_t errlen)
{
    static const char *const bath_fields[] = {"beta", "channels", NULL};
    static const char *const ch_fields[] = {"L", "gamma", "omega", "kind", NULL};
    size_t j, k;
    json_t *b, *c;
    if (!json_is_array(a) || json_array_size(a) < 1 || json_array_size(a) > QT_MAX_BATHS)
    {
        snprintf(err, errlen, "baths must be an array of 1 to %d bath objects", QT_MAX_BATHS);
        return 1;
    }
    *canon = json_array();
    M->nbaths = (slong) json_array_size(a);
    json_array_foreach(a, j, b)
    {
        char where[64];
        json_t *chs = json_object_get(b, "channels"), *cb = json_object(), *cchs;
        snprintf(where, sizeof where, "baths[%zu]", j);
        json_array_append_new(*canon, cb);
        if (!json_is_object(b))
        {
            snprintf(err, errlen, "%s must be an object {\"beta\": ..., \"channels\": [...]}", where);
            return 1;
        }
        if (qo_json_only_fields(b, bath_fields, where, err, errlen))
            return 1;
        M->bath[j].has_beta = json_object_get(b, "beta") != NULL;
        if (M->bath[j].has_beta)
        {
            if (qo_json_exact_field(M->bath[j].beta, b, "beta", where, 1, err, errlen))
                return 1;
            json_object_set(cb, "beta", json_object_get(b, "beta"));
        }
        if (!json_is_array(chs) || json_array_size(chs) < 1)
        {
            snprintf(err, errlen, "%s.channels must be a non-empty array of channels", where);
            return 1;
        }
        cchs = json_array();
        json_object_set_new(cb, "channels", cchs);
        qt_open_model_bath_channels(M, (slong) j, (slong) json_array_size(chs));
        json_array_foreach(chs, k, c)
        {
            char w2[96];
            qt_channel_struct *ch = M->bath[j].ch + k;
            json_t *kind = json_object_get(c, "kind"), *cc = json_object(), *mc = NULL;
            const char *ks;
            snprintf(w2, sizeof w2, "%s.channels[%zu]", where, k);
            json_array_append_new(cchs, cc);
            if (!json_is_object(c))
            {
                snprintf(err, errlen, "%s must be an object {\"L\": matrix, \"gamma\": ..., \"omega\": ..., \"kind\": ...}", w2);
                return 1;
            }
            if (qo_json_only_fields(c, ch_fields, w2, err, errlen))
                return 1;
            ks = kind ? json_string_value(kind) : "thermal";
            if (ks == NULL || (strcmp(ks, "thermal") && strcmp(ks, "plain")))
            {
                snprintf(err, errlen, "%s.kind must be \"thermal\" (L at gamma (nbar+1) and L^* at gamma nbar) or \"plain\" (L at gamma)", w2);
                return 1;
            }
            ch->kind = strcmp(ks, "thermal") == 0 ? QT_CH_THERMAL : QT_CH_PLAIN;
            {
                char w3[112];
                qt_qmat_t L;
                snprintf(w3, sizeof w3, "%s.L", w2);
                if (json_object_get(c, "L") == NULL)
                {
                    snprintf(err, errlen, "%s is missing", w3);
                    return 1;
                }
                if (qo_matrix_from_json(L, &mc, json_object_get(c, "L"), w3, err, errlen))
                    return 1;
                if (L->n != M->n)
                {
                    snprintf(err, errlen, "%s must be %ld x %ld like H, got %ld x %ld", w3, (long) M->n, (long) M->n, (long) L->n, (long) L->n);
                    qt_qmat_clear(L);
                    json_decref(mc);
                    return 1;
                }
                qt_qmat_set(ch->L, L);
                qt_qmat_clear(L);
                json_object_set_new(cc, "L", mc);
            }
            if (qo_json_exact_field(ch->gamma, c, "gamma", w2, 1, err, errlen))
                return 1;
            json_object_set(cc, "gamma", json_object_get(c, "gamma"));
            if (qo_json_exact_field(ch->omega, c, "omega", w2, ch->kind == QT_CH_THERMAL, err, errlen))
                return 1;
            if (ch->kind == QT_CH_THERMAL)
                json_object_set(cc, "omega", json_object_get(c, "omega"));
            else if (json_object_get(c, "omega") != NULL)
            {
                snprintf(err, errlen, "%s.omega is only used by thermal channels", w2);
                return 1;
            }
            json_object_set_new(cc, "kind", json_string(ks));
        }
    }
    return 0;
}

/* JSON text or @file */
json_t *
qo_json_param(const char *v, const char *name, char *err, size_t errlen)
{
    json_error_t je;
    json_t *o;
    char m[400];
    if (v[0] == '@')
    {
        o = qo_json_load_path(v + 1, m, sizeof m);
        if (o == NULL)
            snprintf(err, errlen, "%s: %s", name, m);
        return o;
    }
    o = json_loads(v, JSON_REJECT_DUPLICATES, &je);
    if (o == NULL)
        snprintf(err, errlen, "%s: not valid JSON: %s (column %d)", name, je.text, je.column);
    return o;
}
