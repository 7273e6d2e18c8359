/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_selfcheck.c -- qtoracle selfcheck VECTORS.json: what a schema cannot check.
 * numberOfTests matches, caseIds unique, and for every certified output the three
 * encodings [lo, hi], [lo_f64, hi_f64] and [mid - rad, mid + rad] are ordered and
 * share a point (each encloses the same exact value), all in exact arithmetic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vectors_io.h"

/* lo_f64/hi_f64 denote binary64 numbers: the double nearest to the 17-digit string */
static int
parse_f64(fmpq_t q, const char *s)
{
    char *end;
    double d = strtod(s, &end);
    arf_t a;
    if (*s == '\0' || *end != '\0' || d != d || d - d != 0)
        return 1;
    arf_init(a);
    arf_set_d(a, d);
    arf_get_fmpq(q, a);
    arf_clear(a);
    return 0;
}

static int
lint_entry(const qo_vec_entry *e)
{
    fmpq_t lo, hi, l2, h2, m, r, a, b;
    int ok = 1;
    if (strcmp(e->status, "ok") != 0)
        return 1;
    if (strcmp(e->mid, "inf") == 0 || strcmp(e->mid, "-inf") == 0)
    {
        /* an exact infinity: every bound is that infinity and rad is 0 */
        if (strcmp(e->lo, e->mid) || strcmp(e->hi, e->mid) || strcmp(e->lo_f64, e->mid)
            || strcmp(e->hi_f64, e->mid) || strcmp(e->rad, "0"))
        {
            printf("selfcheck: %s %s: an infinite value must have inf in every bound and rad 0\n", e->caseId, e->output);
            return 0;
        }
        return 1;
    }
    fmpq_init(lo); fmpq_init(hi); fmpq_init(l2); fmpq_init(h2);
    fmpq_init(m); fmpq_init(r); fmpq_init(a); fmpq_init(b);
    if (qo_parse_value(lo, e->lo) || qo_parse_value(hi, e->hi) || parse_f64(l2, e->lo_f64)
        || parse_f64(h2, e->hi_f64) || qo_parse_value(m, e->mid) || qo_parse_value(r, e->rad))
    {
        printf("selfcheck: %s %s: a field is not a finite exact number\n", e->caseId, e->output);
        ok = 0;
        goto done;
    }
    fmpq_sub(a, m, r);
    fmpq_add(b, m, r);
    if (fmpq_sgn(r) < 0 || fmpq_cmp(lo, hi) > 0 || fmpq_cmp(l2, h2) > 0)
    {
        printf("selfcheck: %s %s: an enclosure is empty or rad < 0\n", e->caseId, e->output);
        ok = 0;
        goto done;
    }
    /* common point: max of lower ends <= min of upper ends */
    if (fmpq_cmp(l2, a) > 0) fmpq_set(a, l2);
    if (fmpq_cmp(lo, a) > 0) fmpq_set(a, lo);
    if (fmpq_cmp(h2, b) < 0) fmpq_set(b, h2);
    if (fmpq_cmp(hi, b) < 0) fmpq_set(b, hi);
    if (fmpq_cmp(a, b) > 0)
    {
        printf("selfcheck: %s %s: [lo,hi], [lo_f64,hi_f64] and mid+-rad do not overlap\n", e->caseId, e->output);
        ok = 0;
    }
done:
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(l2); fmpq_clear(h2);
    fmpq_clear(m); fmpq_clear(r); fmpq_clear(a); fmpq_clear(b);
    return ok;
}

int
qo_cmd_selfcheck(int argc, char **argv)
{
    qo_vecs v;
    char err[1024];
    size_t i, j, ncases = 0;
    json_t *groups, *g, *t;
    int ok = 1;
    json_int_t declared;

    if (argc != 1)
    {
        qo_error("selfcheck: usage: qtoracle selfcheck VECTORS.json");
        return QO_EXIT_USAGE;
    }
    if (qo_vecs_load(&v, argv[0], err, sizeof err))
    {
        qo_error("selfcheck: %s", err);
        qo_vecs_clear(&v);
        return QO_EXIT_USAGE;
    }
    declared = json_integer_value(json_object_get(v.root, "numberOfTests"));
    if (declared != (json_int_t) v.n)
    {
        printf("selfcheck: numberOfTests is %lld but the file holds %zu outputs\n", (long long) declared, v.n);
        ok = 0;
    }
    groups = json_object_get(v.root, "testGroups");
    json_array_foreach(groups, i, g)
    {
        json_array_foreach(json_object_get(g, "tests"), j, t)
        {
            const char *id = json_string_value(json_object_get(t, "caseId"));
            size_t i2, j2, seen = 0;
            json_t *g2, *t2;
            ncases++;
            json_array_foreach(groups, i2, g2)
                json_array_foreach(json_object_get(g2, "tests"), j2, t2)
                    if (strcmp(id, json_string_value(json_object_get(t2, "caseId"))) == 0)
                        seen++;
            if (seen != 1)
            {
                printf("selfcheck: caseId %s occurs %zu times\n", id, seen);
                ok = 0;
            }
        }
    }
    for (i = 0; i < v.n; i++)
        ok = lint_entry(v.e + i) && ok;
    printf("selfcheck %s: %zu cases, %zu outputs: %s\n", argv[0], ncases, v.n, ok ? "consistent" : "INCONSISTENT");
    qo_vecs_clear(&v);
    return ok ? QO_EXIT_OK : QO_EXIT_FAIL;
}
