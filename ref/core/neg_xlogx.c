/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* neg_xlogx.c -- g(x) = -x ln x on [0, 1] for a ball x whose exact value is known to lie in
 * [0, 1] (lemma E3): clamp the ball to [0, 1]; g(0) = 0; g increases on [0, 1/e] and
 * decreases on [1/e, 1]; so g([lo, hi]) is the hull of g(lo), g(hi) and, if lo < 1/e < hi,
 * the maximum 1/e.  Never NaN, never narrower than the truth. */
#include "qtoracle/matrix.h"

static void
g_point(arb_t r, const arf_t x, slong prec)
{
    arb_t t;
    if (arf_is_zero(x))
    {
        arb_zero(r);
        return;
    }
    arb_init(t);
    arb_set_arf(t, x);
    arb_log(r, t, prec);
    arb_mul(r, r, t, prec);
    arb_neg(r, r);
    arb_clear(t);
}

void
qt_arb_neg_xlogx_unit(arb_t res, const arb_t x, slong prec)
{
    arf_t lo, hi;
    arb_t a, b, ie;
    if (arb_is_exact(x) || (arb_is_positive(x) && arb_is_finite(x)))
    {
        arb_t c;
        if (arb_is_zero(x))
        {
            arb_zero(res);
            return;
        }
        arb_init(c);
        arb_log(c, x, prec);
        arb_mul(c, c, x, prec);
        arb_neg(res, c);
        arb_clear(c);
        /* the ball may extend beyond [0, 1]; the value is still valid since x > 0 exactly */
        return;
    }
    arf_init(lo); arf_init(hi);
    arb_init(a); arb_init(b); arb_init(ie);
    arb_get_lbound_arf(lo, x, prec);
    arb_get_ubound_arf(hi, x, prec);
    if (arf_sgn(lo) < 0)
        arf_zero(lo);
    if (arf_cmp_si(hi, 1) > 0)
        arf_one(hi);
    if (arf_cmp(lo, hi) > 0)
        arf_set(lo, hi);
    g_point(a, lo, prec);
    g_point(b, hi, prec);
    arb_union(res, a, b, prec);
    arb_set_si(ie, -1);
    arb_exp(ie, ie, prec);                 /* 1/e */
    arb_set_arf(a, lo);
    arb_set_arf(b, hi);
    if (!arb_ge(a, ie) && !arb_le(b, ie))  /* 1/e may lie inside [lo, hi] */
        arb_union(res, res, ie, prec);
    arf_clear(lo); arf_clear(hi);
    arb_clear(a); arb_clear(b); arb_clear(ie);
}
