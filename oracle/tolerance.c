/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* tolerance.c -- the tolerance a careful double-precision solver should meet on a group of vectors, written into the
 * group as "tolerance": {rtol, atol, why} and used by `qtoracle check` when no tolerance option is given.
 *   rtol: 1e-10 (double precision with room for a quadrature's error); 1e-8 where a case is ill-conditioned
 *         (cancellations, linear response) or in the quantum limit (Fermi functions nearly steps), hazards named by
 *         the spec's notes;
 *   atol: 1e-12 times the largest finite |value| of the group (an exact zero or a cancelling sum can only be matched
 *         to the rounding of the terms that make it, which are of the group's scale), at least 1e-300. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

static int
hazardous(json_t *flags, json_t *notes)
{
    size_t i;
    json_t *f;
    json_array_foreach(flags, i, f)
    {
        const char *name = json_string_value(f);
        const char *hz = json_string_value(json_object_get(json_object_get(notes, name ? name : ""), "hazard"));
        if ((hz && strcmp(hz, "ILL_CONDITIONED") == 0) || (name && strcmp(name, "QuantumLimit") == 0))
            return 1;
    }
    return 0;
}

json_t *
qo_group_tolerance(json_t *tests, json_t *notes)
{
    size_t ti;
    json_t *t, *tol;
    double scale = 0;
    int any = 0, hard = 0;
    char buf[64];
    json_array_foreach(tests, ti, t)
    {
        const char *key;
        json_t *o;
        json_object_foreach(json_object_get(t, "outputs"), key, o)
        {
            const char *lo = json_string_value(json_object_get(o, "lo_f64"));
            const char *hi = json_string_value(json_object_get(o, "hi_f64"));
            const char *st = json_string_value(json_object_get(o, "status"));
            double a, b;
            if (st == NULL || strcmp(st, "ok") != 0 || lo == NULL || hi == NULL)
                continue;
            a = fabs(strtod(lo, NULL));
            b = fabs(strtod(hi, NULL));
            if (isfinite(a) && a > scale)
                scale = a;
            if (isfinite(b) && b > scale)
                scale = b;
            any = 1;
        }
        if (hazardous(json_object_get(t, "flags"), notes))
            hard = 1;
    }
    if (!any)
        return NULL;
    tol = json_object();
    json_object_set_new(tol, "rtol", json_string(hard ? "1e-8" : "1e-10"));
    scale *= 1e-12;
    if (!(scale > 1e-300))
        scale = 1e-300;
    snprintf(buf, sizeof buf, "%.0e", scale * 1.0000000001);      /* one significant digit, rounded up below */
    if (strtod(buf, NULL) < scale)
    {
        double m = strtod(buf, NULL);
        int e = (int) floor(log10(m));
        snprintf(buf, sizeof buf, "%.0e", m + pow(10, e));
    }
    json_object_set_new(tol, "atol", json_string(buf));
    json_object_set_new(tol, "why", json_string(hard
        ? "a careful double-precision solver: relative 1e-8 (this group has ill-conditioned or quantum-limit cases, where "
          "double quadrature loses digits), absolute 1e-12 times the group's largest value (exact zeros, cancellations)"
        : "a careful double-precision solver: relative 1e-10, absolute 1e-12 times the group's largest value (exact "
          "zeros, cancellations)"));
    return tol;
}
