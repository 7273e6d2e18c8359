/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* holo.c -- holomorphic building blocks for acb_calc_integrate integrands.
 * With order >= 1, an integrand must output a non-finite value unless it is
 * holomorphic on the input ball; logarithms therefore check their branch cut. */
#include "qtoracle/core.h"

int
qt_acb_mid_re_negative(const acb_t z)
{
    return arf_sgn(arb_midref(acb_realref(z))) < 0;
}

void
qt_acb_log_analytic(acb_t r, const acb_t t, int analytic, slong prec)
{
    if (analytic && arb_contains_nonpositive(acb_realref(t))
        && arb_contains_zero(acb_imagref(t)))
    {
        acb_indeterminate(r);
        return;
    }
    acb_log(r, t, prec);
}

int
qt_acb_one_plus_may_touch_cut(const acb_t t, slong prec)
{
    acb_t u;
    int bad;
    acb_init(u);
    acb_add_ui(u, t, 1, prec);
    bad = arb_contains_nonpositive(acb_realref(u)) && arb_contains_zero(acb_imagref(u));
    acb_clear(u);
    return bad;
}

void
qt_acb_log1p_analytic(acb_t r, const acb_t t, int analytic, slong prec)
{
    if (analytic && qt_acb_one_plus_may_touch_cut(t, prec))
    {
        acb_indeterminate(r);
        return;
    }
    acb_log1p(r, t, prec);
}

void
qt_acb_sqrt_right_half(acb_t r, const acb_t z, int analytic, slong prec)
{
    /* acb_sqrt bounds the imaginary part of the root of a ball whose imaginary part contains 0 by a root-size
       interval (radius ~ sqrt(rad) instead of rad / (2 sqrt|z|)); on Re z > 0 the principal root is 1/rsqrt(z),
       which Arb propagates to first order.  Elsewhere the branch-checked acb_sqrt_analytic. */
    if (arb_is_positive(acb_realref(z)))
    {
        acb_rsqrt(r, z, prec);
        acb_inv(r, r, prec);
    }
    else
        acb_sqrt_analytic(r, z, analytic, prec);
}
