/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* family_cycle.c -- the tool's family lindblad.cycle: baths and strokes as JSON, the record of per-cycle heats and
 * efficiency forms (ref/open/lindblad_cycle.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

typedef struct
{
    qt_cycle_struct *cy;          /* NULL when unset */
}
cycle_params;

static void cycle_init(void *fp) { ((cycle_params *) fp)->cy = NULL; }

static void
cycle_clear(void *fp)
{
    cycle_params *X = fp;
    if (X->cy != NULL)
    {
        qt_cycle_clear(X->cy);
        free(X->cy);
    }
}

static int
parse_cycle(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"baths", "strokes", NULL};
    static const char *const stroke_fields[] = {"H", "bath", "duration", NULL};
    const char *bv = qo_lookup(kv, "baths"), *sv = qo_lookup(kv, "strokes");
    json_t *bo = NULL, *so = NULL, *canon = NULL, *scanon = NULL, *st;
    char reason[QT_REASON_LEN];
    cycle_params *X = p->fp;
    size_t k;
    slong n;
    int bad = 1;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (sv == NULL || bv == NULL)
    {
        snprintf(err, errlen, "missing parameter %s (a JSON array: @file.json or inline)", sv == NULL ? "strokes" : "baths");
        return 1;
    }
    if ((so = qo_json_param(sv, "strokes", err, errlen)) == NULL)
        return 1;
    if (!json_is_array(so) || json_array_size(so) < 1 || json_array_size(so) > 64)
    {
        snprintf(err, errlen, "strokes must be an array of 1 to 64 strokes {\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}");
        json_decref(so);
        return 1;
    }
    /* the dimension comes from the first stroke's H */
    {
        qt_qmat_t H0;
        json_t *h = json_object_get(json_array_get(so, 0), "H");
        if (h == NULL || qo_matrix_from_json(H0, NULL, h, "strokes[0].H", err, errlen))
        {
            if (h == NULL)
                snprintf(err, errlen, "strokes[0].H is missing");
            json_decref(so);
            return 1;
        }
        n = H0->n;
        qt_qmat_clear(H0);
    }
    if ((bo = qo_json_param(bv, "baths", err, errlen)) == NULL)
    {
        json_decref(so);
        return 1;
    }
    X->cy = malloc(sizeof(qt_cycle_struct));
    qt_cycle_init(X->cy, n, 0, (slong) json_array_size(so));
    if (qo_json_baths(X->cy->M, &canon, bo, err, errlen))
        goto out;
    scanon = json_array();
    json_array_foreach(so, k, st)
    {
        char where[64], w2[80];
        qt_stroke_struct *S = X->cy->stroke + k;
        json_t *cs = json_object(), *mc = NULL, *bj = json_object_get(st, "bath");
        qt_qmat_t H;
        json_array_append_new(scanon, cs);
        snprintf(where, sizeof where, "strokes[%zu]", k);
        if (!json_is_object(st))
        {
            snprintf(err, errlen, "%s must be an object {\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}", where);
            goto out;
        }
        if (qo_json_only_fields(st, stroke_fields, where, err, errlen))
            goto out;
        snprintf(w2, sizeof w2, "%s.H", where);
        if (json_object_get(st, "H") == NULL)
        {
            snprintf(err, errlen, "%s is missing", w2);
            goto out;
        }
        if (qo_matrix_from_json(H, &mc, json_object_get(st, "H"), w2, err, errlen))
            goto out;
        if (H->n != n)
        {
            snprintf(err, errlen, "%s must be %ld x %ld like strokes[0].H, got %ld x %ld", w2, (long) n, (long) n, (long) H->n, (long) H->n);
            qt_qmat_clear(H);
            json_decref(mc);
            goto out;
        }
        qt_qmat_set(S->H, H);
        qt_qmat_clear(H);
        json_object_set_new(cs, "H", mc);
        if (bj != NULL)
        {
            if (!json_is_integer(bj) || json_integer_value(bj) < 1 || json_integer_value(bj) > X->cy->M->nbaths)
            {
                snprintf(err, errlen, "%s.bath must be an integer from 1 to %ld (the baths array, 1-based), or omitted for a unitary stroke", where, (long) X->cy->M->nbaths);
                goto out;
            }
            S->bath = (slong) json_integer_value(bj) - 1;
            json_object_set_new(cs, "bath", json_integer(json_integer_value(bj)));
        }
        if (qo_json_exact_field(S->duration, st, "duration", where, 1, err, errlen))
            goto out;
        json_object_set(cs, "duration", json_object_get(st, "duration"));
    }
    if (qt_cycle_validate(X->cy, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        goto out;
    }
    {
        qo_echo_add(p, "baths", qo_echo_own(p, json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII)));
        qo_echo_add(p, "strokes", qo_echo_own(p, json_dumps(scanon, JSON_COMPACT | JSON_ENSURE_ASCII)));
    }
    bad = 0;
out:
    json_decref(bo);
    json_decref(so);
    json_decref(canon);
    json_decref(scanon);
    return bad;
}

static void
cycle_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const cycle_params *X = fp;
    (void) q;
    qt_cycle_evaluate(R, X->cy, prec);
}

const qo_family qo_family_cycle = {
    "trajectory", qt_trajectory_conventions,
    "baths strokes (strokes: @file.json or inline JSON [{\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}, ...]; omit bath for a unitary stroke)",
    sizeof(cycle_params), cycle_init, cycle_clear, parse_cycle, NULL, cycle_record, NULL, NULL
};
