/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrand_halfplane.c -- sqrt(q) or q + i sqrt(q) bounded on a wide complex ball through the boundary (lemma L6b of
 * proofs/open_systems.md).  Where q is small and its ball enclosures are wide (an evaluation through linear solves
 * treats dependent entries as independent), q's enclosure on a ball reaches Re q <= 0 long before q itself does, and
 * the square root cannot be certified holomorphic there.  Instead: q holomorphic on the ball's rectangle Z (the cover
 * of lemma L6: wide enclosures suffice), Re q > 0 on the boundary of Z from q on short segments covering it (each
 * enclosure narrow), hence on Z (minimum principle for the harmonic Re q), and |q| <= max over the boundary (maximum
 * principle): the square root is holomorphic on Z and bounded by the root of that maximum. */
#include "qtoracle/core.h"

/* the boundary's segments: at most this many evaluations of q per ball (effort only: more fails the ball, and the
   Gauss-Legendre piece then tries a smaller ellipse or is bisected) */
#define QT_HALFPLANE_EVALS 384
#define QT_HALFPLANE_DEEPER 4       /* bisections of a segment below the length that sufficed before */
#define QT_HALFPLANE_SPLIT 8        /* at most 2^8 segments per side to start with */
#define QT_HALFPLANE_PREC 64

/* F(q) at a point or on a ball with the analytic checks of qt_acb_sqrt_right_half */
static void
outer(acb_t res, const acb_t q, int kind, int analytic, slong prec)
{
    acb_t s;
    acb_init(s);
    qt_acb_sqrt_right_half(s, q, analytic, prec);
    if (kind == 2)
    {
        /* q + i sqrt(q): both parts real on the real segment */
        acb_mul_onei(s, s);
        acb_add(res, q, s, prec);
    }
    else
        acb_set(res, s);
    acb_clear(s);
}

/* the segment from (x0, y0) to (x1, y1) (one coordinate fixed) enclosed by a ball */
static void
segment_ball(acb_t w, const arf_t x0, const arf_t y0, const arf_t x1, const arf_t y1, slong prec)
{
    if (arf_cmp(x0, x1) <= 0)
        arb_set_interval_arf(acb_realref(w), x0, x1, prec);
    else
        arb_set_interval_arf(acb_realref(w), x1, x0, prec);
    if (arf_cmp(y0, y1) <= 0)
        arb_set_interval_arf(acb_imagref(w), y0, y1, prec);
    else
        arb_set_interval_arf(acb_imagref(w), y1, y0, prec);
}

/* one segment a -> b of the boundary and its bisections, at most QT_HALFPLANE_DEEPER levels: Re q > 0 on each piece,
   M raised to a bound of |q| there, *emin lowered to the 2-exponent of the shortest piece that sufficed; 0 on a
   piece that fails at the last level or beyond the budget */
static int
segment_positive(mag_t M, slong *emin, slong *evals, qt_integrand_cover_struct *c, const arf_t ax, const arf_t ay,
                 const arf_t bx, const arf_t by, slong level, slong prec)
{
    acb_t w, v;
    mag_t t;
    int ok;
    if (*evals >= QT_HALFPLANE_EVALS)
        return 0;
    acb_init(w); acb_init(v);
    mag_init(t);
    segment_ball(w, ax, ay, bx, by, prec);
    c->f(v, w, c->param, 1, prec);
    (*evals)++;
    ok = acb_is_finite(v) && arb_is_positive(acb_realref(v));
    if (ok)
    {
        acb_get_mag(t, v);
        mag_max(M, M, t);
        /* the piece's length is below twice the larger radius of its ball (the other is 0 or a rounding error) */
        mag_max(t, arb_radref(acb_realref(w)), arb_radref(acb_imagref(w)));
        if (!mag_is_zero(t))
            *emin = FLINT_MIN(*emin, MAG_EXP(t) + 1);
    }
    else if (level < QT_HALFPLANE_DEEPER)
    {
        /* bisect at the exact midpoint (dyadic endpoints) */
        arf_t mx, my;
        arf_init(mx); arf_init(my);
        arf_add(mx, ax, bx, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(mx, mx, -1);
        arf_add(my, ay, by, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(my, my, -1);
        ok = segment_positive(M, emin, evals, c, ax, ay, mx, my, level + 1, prec)
             && segment_positive(M, emin, evals, c, mx, my, bx, by, level + 1, prec);
        arf_clear(mx); arf_clear(my);
    }
    acb_clear(w); acb_clear(v);
    mag_clear(t);
    return ok;
}

/* k such that the side from (ax, ay) to (bx, by) in 2^k equal pieces has pieces no longer than 2^seg_exp (at most
   2^QT_HALFPLANE_SPLIT pieces; one piece if seg_exp is WORD_MAX) */
static slong
side_splits(const arf_t ax, const arf_t ay, const arf_t bx, const arf_t by, slong seg_exp)
{
    arf_t L;
    slong e;
    if (seg_exp == WORD_MAX)
        return 0;
    arf_init(L);
    arf_sub(L, bx, ax, ARF_PREC_EXACT, ARF_RND_DOWN);
    if (arf_is_zero(L))
        arf_sub(L, by, ay, ARF_PREC_EXACT, ARF_RND_DOWN);
    e = arf_is_zero(L) ? WORD_MIN : arf_abs_bound_lt_2exp_si(L);
    arf_clear(L);
    return e <= seg_exp ? 0 : FLINT_MIN(e - seg_exp, QT_HALFPLANE_SPLIT);
}

/* Re q > 0 on the boundary of the rectangle [x0, x1] + i[y0, y1] and M >= |q| there: each side cut into 2^k equal
   segments, k the smallest with pieces no longer than 2^(h->seg_exp) (the length that sufficed on the last ball,
   doubled: effort only), each bisected where its enclosure fails.  Returns 1 on success */
static int
boundary_positive(mag_t M, qt_integrand_halfplane_struct *h, const arf_t x0, const arf_t x1, const arf_t y0,
                  const arf_t y1, slong prec)
{
    const arf_struct *cx[5] = {x0, x1, x1, x0, x0}, *cy[5] = {y0, y0, y1, y1, y0};
    arf_t ax, ay, bx, by, dx, dy;
    slong side, j, k, evals = 0, emin = WORD_MAX;
    int ok = 1;
    arf_init(ax); arf_init(ay); arf_init(bx); arf_init(by); arf_init(dx); arf_init(dy);
    mag_zero(M);
    /* effort only: a rectangle that needs more than half the budget at the start length fails untried (the piece is
       bisected, or its ellipse shrunk; after a region where q was small, the pieces' successes double the start
       length each, and qt_integrate_pieces bounds the pieces in all) */
    for (side = 0, j = 0; side < 4; side++)
        j += (slong) 1 << side_splits(cx[side], cy[side], cx[side + 1], cy[side + 1], h->seg_exp);
    if (j > QT_HALFPLANE_EVALS / 2)
        ok = 0;
    for (side = 0; side < 4 && ok; side++)
    {
        /* the side from corner side to corner side + 1, in 2^k pieces (exact: dyadic corners) */
        arf_sub(dx, cx[side + 1], cx[side], ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_sub(dy, cy[side + 1], cy[side], ARF_PREC_EXACT, ARF_RND_DOWN);
        k = side_splits(cx[side], cy[side], cx[side + 1], cy[side + 1], h->seg_exp);
        arf_mul_2exp_si(dx, dx, -k);
        arf_mul_2exp_si(dy, dy, -k);
        for (j = 0; j < ((slong) 1 << k) && ok; j++)
        {
            arf_set(ax, cx[side]);
            arf_addmul_si(ax, dx, j, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_set(ay, cy[side]);
            arf_addmul_si(ay, dy, j, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_add(bx, ax, dx, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_add(by, ay, dy, ARF_PREC_EXACT, ARF_RND_DOWN);
            ok = segment_positive(M, &emin, &evals, &h->q, ax, ay, bx, by, 0, prec);
        }
    }
    /* effort only: next time start from twice the shortest length that sufficed (after a failure the piece is
       bisected or its ellipse shrunk: the same start suits the smaller rectangle) */
    if (ok)
        h->seg_exp = emin + 1;
    arf_clear(ax); arf_clear(ay); arf_clear(bx); arf_clear(by); arf_clear(dx); arf_clear(dy);
    return ok;
}

void
qt_integrand_halfplane_init(qt_integrand_halfplane_struct *h, acb_calc_func_t f, void *param, slong depth, int outer)
{
    qt_integrand_cover_init(&h->q, f, param, depth);
    h->outer = outer;
    h->seg_exp = WORD_MAX;
}

int
qt_integrand_halfplane(acb_ptr res, const acb_t z, void *param, slong order, slong prec)
{
    qt_integrand_halfplane_struct *h = param;
    qt_integrand_cover_struct *c = &h->q;
    acb_t v;
    arf_t x0, x1, y0, y1;
    mag_t M, s;
    slong wp = FLINT_MIN(prec, QT_HALFPLANE_PREC);
    acb_init(v);
    if (order == 0 || acb_is_exact(z))
    {
        c->f(v, z, c->param, order, prec);
        outer(res, v, h->outer, order != 0, prec);
        acb_clear(v);
        return 0;
    }
    /* q holomorphic on the rectangle Z of z (lemma L6): its enclosure there may be as wide as it likes */
    qt_integrand_cover(v, z, c, order, prec);
    if (!acb_is_finite(v))
    {
        acb_indeterminate(res);
        acb_clear(v);
        return 0;
    }
    arf_init(x0); arf_init(x1); arf_init(y0); arf_init(y1);
    mag_init(M); mag_init(s);
    /* the corners of Z, exactly */
    arf_set_mag(x1, arb_radref(acb_realref(z)));
    arf_sub(x0, arb_midref(acb_realref(z)), x1, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(x1, arb_midref(acb_realref(z)), x1, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_set_mag(y1, arb_radref(acb_imagref(z)));
    arf_sub(y0, arb_midref(acb_imagref(z)), y1, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(y1, arb_midref(acb_imagref(z)), y1, ARF_PREC_EXACT, ARF_RND_DOWN);
    if (boundary_positive(M, h, x0, x1, y0, y1, wp))
    {
        /* |F(q)| <= sqrt(M) or M + sqrt(M) on Z: the ball about 0 of that radius */
        mag_sqrt(s, M);
        if (h->outer == 2)
            mag_add(s, s, M);
        acb_zero(res);
        mag_set(arb_radref(acb_realref(res)), s);
        mag_set(arb_radref(acb_imagref(res)), s);
    }
    else
        acb_indeterminate(res);
    acb_clear(v);
    arf_clear(x0); arf_clear(x1); arf_clear(y0); arf_clear(y1);
    mag_clear(M); mag_clear(s);
    return 0;
}
