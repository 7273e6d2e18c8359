/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrate.c -- certified integration over a real segment split at given points.
 * Each piece is an adaptive bisection search of Gauss-Legendre pieces with a proven error bound on a
 * Bernstein ellipse (qt_gl_piece, lemma Q1b).  The integrand must be real on the real axis, so the real
 * part of the complex enclosure encloses the real integral. */
#include <stdlib.h>
#include "qtoracle/core.h"

/* the endpoints of every integral: finite and a <= b, else the caller has a bug (QT_INTERNAL; res indeterminate,
   never a silent 0: proofs/landauer.md lemma T9) */
static int
ordered(const arf_t a, const arf_t b)
{
    return arf_is_finite(a) && arf_is_finite(b) && arf_cmp(a, b) <= 0;
}

static int
cmp_arf(const void *a, const void *b)
{
    return arf_cmp((const arf_struct *) a, (const arf_struct *) b);
}

/* the adaptive search over one segment [lo, hi] (lemma Q1): a stack of intervals, each by one Gauss-Legendre piece
   (qt_gl_piece, lemma Q1b) of degree <= prec/3, bisected where no ellipse and degree meet the tolerance (effort
   only: the cap trades a few more evaluations, about 4 % on a Landauer current, for fewer distinct degrees, whose
   Gauss-Legendre nodes cost O(n^2) each the first time: a one-shot `qtoracle eval` a third cheaper); the
   tolerance is 2^-prec max(1, |partial sum|), as in Arb's acb_calc_integrate.  Beyond the evaluation or depth
   budget (effort only) an interval left over contributes (hi - lo) f([lo, hi]) (the mean value theorem for each part:
   the integral lies in the interval's length times the convex hull of its values, which the ball f([lo, hi]) contains)
   and the result is QT_UNCERTIFIED */
#define QT_ADAPTIVE_STACK 4096

/* the stack of intervals [as_i, bs_i] at bisection depth depth_i, grown on demand (depth first, it holds at most one
   more interval than the current depth) */
typedef struct
{
    acb_ptr as, bs;
    slong *depth, alloc;
}
interval_stack;

static void
stack_fit(interval_stack *S, slong n)
{
    slong m = S->alloc, i;
    if (n <= m)
        return;
    S->alloc = FLINT_MAX(n, 2 * m);
    S->as = flint_realloc(S->as, sizeof(acb_struct) * S->alloc);
    S->bs = flint_realloc(S->bs, sizeof(acb_struct) * S->alloc);
    S->depth = flint_realloc(S->depth, sizeof(slong) * S->alloc);
    for (i = m; i < S->alloc; i++)
    {
        acb_init(S->as + i);
        acb_init(S->bs + i);
    }
}

static int
adaptive(acb_t res, acb_calc_func_t f, void *param, const acb_t lo, const acb_t hi, slong eval_limit, slong prec)
{
    interval_stack S = {NULL, NULL, NULL, 0};
    slong top = 0, evals = 0, e, deg_limit = FLINT_MAX(prec / 3, 16);
    acb_t v, w, mid;
    mag_t tol, t;
    int ok = 1;
    acb_init(v); acb_init(w); acb_init(mid);
    mag_init(tol); mag_init(t);
    acb_zero(res);
    stack_fit(&S, 16);
    acb_set(S.as, lo);
    acb_set(S.bs, hi);
    S.depth[0] = 0;
    top = 1;
    while (top > 0)
    {
        top--;
        /* tolerance: absolute 2^-prec, relaxed to 2^-prec times the partial sum once that is larger than 1 */
        acb_get_mag_lower(t, res);
        mag_mul_2exp_si(t, t, -prec);
        mag_set_ui_2exp_si(tol, 1, -prec);
        if (mag_cmp(t, tol) > 0)
            mag_set(tol, t);
        e = 0;
        if (evals < eval_limit && qt_gl_piece(v, &e, f, param, S.as + top, S.bs + top, tol, deg_limit, prec))
        {
            evals += e;
            acb_add(res, res, v, prec);
            continue;
        }
        evals += e;
        if (evals >= eval_limit || S.depth[top] >= 2 * prec || top + 2 > QT_ADAPTIVE_STACK)
        {
            /* the leftover interval: (hi - lo) f([lo, hi]) */
            acb_union(w, S.as + top, S.bs + top, prec);
            f(v, w, param, 0, prec);
            acb_sub(w, S.bs + top, S.as + top, prec);
            acb_mul(v, v, w, prec);
            acb_add(res, res, v, prec);
            ok = 0;
            continue;
        }
        stack_fit(&S, top + 2);
        acb_add(mid, S.as + top, S.bs + top, ARF_PREC_EXACT);
        acb_mul_2exp_si(mid, mid, -1);           /* exact: the halves tile the interval */
        acb_set(S.as + top + 1, mid);
        acb_set(S.bs + top + 1, S.bs + top);
        acb_set(S.bs + top, mid);
        S.depth[top + 1] = ++S.depth[top];
        top += 2;
    }
    _acb_vec_clear(S.as, S.alloc);
    _acb_vec_clear(S.bs, S.alloc);
    flint_free(S.depth);
    acb_clear(v); acb_clear(w); acb_clear(mid);
    mag_clear(tol); mag_clear(t);
    return ok;
}

int
qt_integrate_complex(acb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b,
                     const arf_struct *splits, slong nsplits, slong prec)
{
    arf_struct *pts;
    slong i, n = 0;
    acb_t lo, hi, piece;
    int status = QT_OK;

    if (!ordered(a, b))
    {
        acb_indeterminate(res);
        return QT_INTERNAL;
    }
    acb_zero(res);
    if (arf_equal(a, b))
        return QT_OK;

    pts = flint_malloc(sizeof(arf_struct) * (nsplits + 2));
    for (i = 0; i < nsplits + 2; i++)
        arf_init(pts + i);
    arf_set(pts + n++, a);
    for (i = 0; i < nsplits; i++)
        if (arf_cmp(splits + i, a) > 0 && arf_cmp(splits + i, b) < 0)
            arf_set(pts + n++, splits + i);
    arf_set(pts + n++, b);
    qsort(pts + 1, n - 2, sizeof(arf_struct), cmp_arf);

    acb_init(lo);
    acb_init(hi);
    acb_init(piece);

    for (i = 0; i + 1 < n; i++)
    {
        if (arf_equal(pts + i, pts + i + 1))
            continue;
        acb_zero(lo);
        acb_zero(hi);
        arb_set_arf(acb_realref(lo), pts + i);
        arb_set_arf(acb_realref(hi), pts + i + 1);
        if (!adaptive(piece, f, param, lo, hi, 200000 + 400 * prec, prec))     /* the budget is effort only */
            status = QT_UNCERTIFIED;
        acb_add(res, res, piece, prec);
    }

    for (i = 0; i < nsplits + 2; i++)
        arf_clear(pts + i);
    flint_free(pts);
    acb_clear(lo);
    acb_clear(hi);
    acb_clear(piece);
    return status;
}

int
qt_integrate_real(arb_t res, acb_calc_func_t f, void *param,
                  const arf_t a, const arf_t b,
                  const arf_struct *splits, slong nsplits, slong prec)
{
    acb_t v;
    int status;
    acb_init(v);
    status = qt_integrate_complex(v, f, param, a, b, splits, nsplits, prec);
    arb_set(res, acb_realref(v));
    acb_clear(v);
    return status;
}

/* one piece by Gauss-Legendre with the error bound from f on a ball enclosing a Bernstein ellipse (qt_gl_piece_hint,
 * lemma Q1b: the ellipse search starts where the previous piece's ended, *xhint); bisect on failure, at most depth more
 * levels and *budget pieces in all (effort only: an integrand that needs ever smaller pieces towards a point, such as
 * a square root of a function with a zero there, would otherwise bisect about 2^depth times) */
static int
gl_piece(acb_t res, acb_calc_func_t f, void *param, const acb_t lo, const acb_t hi, const mag_t tol,
         slong depth, slong *budget, slong *xhint, slong prec)
{
    slong evals;
    acb_t mid, r2;
    int st;
    if (*budget <= 0)
    {
        acb_indeterminate(res);
        return QT_UNCERTIFIED;
    }
    (*budget)--;
    if (qt_gl_piece_hint(res, &evals, f, param, lo, hi, tol, 4 * prec + 32, xhint, prec))
        return QT_OK;
    acb_init(mid); acb_init(r2);
    acb_add(mid, lo, hi, prec);
    acb_mul_2exp_si(mid, mid, -1);           /* exact: dyadic endpoints */
    /* effort only: if f is not finite at the (exact) midpoint, smaller pieces cannot help at this precision (the
       caller retries at a higher one); fail now instead of bisecting to the full depth */
    if (depth > 0)
    {
        f(r2, mid, param, 0, prec);
        if (!acb_is_finite(r2))
            depth = 0;
    }
    if (depth <= 0)
    {
        acb_clear(mid); acb_clear(r2);
        acb_indeterminate(res);
        return QT_UNCERTIFIED;
    }
    st = gl_piece(res, f, param, lo, mid, tol, depth - 1, budget, xhint, prec);
    if (st == QT_OK)
        st = gl_piece(r2, f, param, mid, hi, tol, depth - 1, budget, xhint, prec);
    acb_add(res, res, r2, prec);
    acb_clear(mid); acb_clear(r2);
    return st;
}

int
qt_integrate_pieces(acb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b, slong npieces,
                    slong prec)
{
    acb_t lo, hi, piece;
    arf_t h, x;
    mag_t tol;
    slong i, budget, xhint = 0;
    int status = QT_OK;
    if (!ordered(a, b))
    {
        acb_indeterminate(res);
        return QT_INTERNAL;
    }
    acb_zero(res);
    if (arf_equal(a, b))
        return QT_OK;
    if (npieces < 1)
        npieces = 1;
    budget = 64 * FLINT_MIN(npieces, WORD(1) << 20) + 4096;         /* pieces tried in all (effort only) */
    acb_init(lo); acb_init(hi); acb_init(piece);
    arf_init(h); arf_init(x);
    mag_init(tol);
    /* each piece's quadrature error below 2^-prec / npieces: their sum stays below 2^-prec */
    mag_set_ui_2exp_si(tol, 1, -prec - (slong) FLINT_CLOG2(npieces));
    /* piece boundaries a + i (b - a)/npieces, rounded to nearby dyadic numbers (any partition is exact:
       consecutive pieces share their endpoints) */
    arf_sub(h, b, a, 2 * prec, ARF_RND_NEAR);
    arf_div_si(h, h, npieces, 2 * prec, ARF_RND_NEAR);
    acb_zero(lo);
    arb_set_arf(acb_realref(lo), a);
    for (i = 1; i <= npieces && status == QT_OK; i++)
    {
        acb_zero(hi);
        if (i == npieces)
            arb_set_arf(acb_realref(hi), b);
        else
        {
            arf_mul_si(x, h, i, 2 * prec, ARF_RND_NEAR);
            arf_add(x, x, a, 2 * prec, ARF_RND_NEAR);
            arb_set_arf(acb_realref(hi), x);
        }
        status = gl_piece(piece, f, param, lo, hi, tol, 40, &budget, &xhint, prec);
        acb_add(res, res, piece, prec);
        acb_swap(lo, hi);
    }
    if (status != QT_OK)
        acb_indeterminate(res);
    acb_clear(lo); acb_clear(hi); acb_clear(piece);
    arf_clear(h); arf_clear(x);
    mag_clear(tol);
    return status;
}

int
qt_integrate_real_pieces(arb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b,
                         slong npieces, slong prec)
{
    acb_t v;
    int status;
    acb_init(v);
    status = qt_integrate_pieces(v, f, param, a, b, npieces, prec);
    arb_set(res, acb_realref(v));
    acb_clear(v);
    return status;
}
