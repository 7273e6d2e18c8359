/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrand_cover.c -- an integrand bounded on a wide complex ball through a cover by smaller balls.
 * A Gauss-Legendre piece (qt_gl_piece) asks for f (with order >= 1: holomorphic) on a ball enclosing a Bernstein
 * ellipse.  Integrands evaluated through linear solves lose that enclosure on balls much smaller than their domain of
 * holomorphy (interval Gaussian elimination treats the entries as independent).  If f fails on a ball, the ball's
 * rectangle is split into 2 x 2 sub-rectangles, each enclosed by a ball, recursively up to a depth; f is holomorphic on
 * the union of the pieces (each piece certifies it on a neighbourhood of itself, lemma L6 of proofs/open_systems.md),
 * and the union of the piece enclosures contains f on the whole ball. */
#include "qtoracle/core.h"

#define QT_COVER_BOUND_PREC 64

void
qt_integrand_cover_init(qt_integrand_cover_struct *c, acb_calc_func_t f, void *param, slong depth)
{
    c->f = f;
    c->param = param;
    c->depth = depth;
    c->fail_exp = WORD_MAX;
}

/* 2-exponent of the larger radius of z (WORD_MIN for a point) */
static slong
radius_exp(const acb_t z)
{
    mag_srcptr a = arb_radref(acb_realref(z)), b = arb_radref(acb_imagref(z));
    mag_srcptr m = mag_cmp(a, b) >= 0 ? a : b;
    if (mag_is_zero(m))
        return WORD_MIN;
    return MAG_EXP(m);
}

static int
cover(acb_t res, const acb_t z, qt_integrand_cover_struct *c, slong order, slong depth, slong prec)
{
    acb_t w, v;
    mag_t rx, ry;
    slong i, j, e = radius_exp(z);
    int ok = 1;
    /* effort only: balls at least as wide as one that failed before are split without a try */
    if (order == 0 || depth <= 0 || e == WORD_MIN || e < c->fail_exp)
    {
        c->f(res, z, c->param, order, prec);
        if (order == 0 || acb_is_finite(res) || depth <= 0 || e == WORD_MIN)
            return acb_is_finite(res);
        c->fail_exp = e;
    }
    acb_init(w); acb_init(v);
    mag_init(rx); mag_init(ry);
    /* sub-rectangle (i, j): centre mid +- rad/2 in each coordinate, radius rad/2 (rounded up: the four pieces cover
       the rectangle; the centre's rounding error becomes part of its radius) */
    mag_mul_2exp_si(rx, arb_radref(acb_realref(z)), -1);
    mag_mul_2exp_si(ry, arb_radref(acb_imagref(z)), -1);
    for (i = 0; i < 2 && ok; i++)
        for (j = 0; j < 2 && ok; j++)
        {
            arb_set_arf(acb_realref(w), arb_midref(acb_realref(z)));
            arb_set_arf(acb_imagref(w), arb_midref(acb_imagref(z)));
            {
                arb_t d;
                arb_init(d);
                arf_set_mag(arb_midref(d), rx);
                if (i == 0)
                    arb_neg(d, d);
                arb_add(acb_realref(w), acb_realref(w), d, prec);
                arf_set_mag(arb_midref(d), ry);
                if (j == 0)
                    arb_neg(d, d);
                arb_add(acb_imagref(w), acb_imagref(w), d, prec);
                arb_clear(d);
            }
            arb_add_error_mag(acb_realref(w), rx);
            arb_add_error_mag(acb_imagref(w), ry);
            ok = cover(v, w, c, order, depth - 1, prec);
            if (i == 0 && j == 0)
                acb_set(res, v);
            else
                acb_union(res, res, v, prec);
        }
    if (!ok)
        acb_indeterminate(res);
    acb_clear(w); acb_clear(v);
    mag_clear(rx); mag_clear(ry);
    return ok;
}

int
qt_integrand_cover(acb_ptr res, const acb_t z, void *param, slong order, slong prec)
{
    qt_integrand_cover_struct *c = param;
    /* on a wide ball (order >= 1) the enclosure only bounds |f| for the quadrature error (and certifies holomorphy):
       its width comes from the ball's radius, not from rounding, so a working precision of 64 bits is as good and
       cheaper (ball arithmetic is rigorous at any precision) */
    cover(res, z, c, order, c->depth, order == 0 ? prec : FLINT_MIN(prec, QT_COVER_BOUND_PREC));
    return 0;
}
