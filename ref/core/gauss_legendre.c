/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* gauss_legendre.c -- one Gauss-Legendre piece with a proven error bound (lemma Q1b of proofs/landauer.md): f is
 * bounded on a ball enclosing a Bernstein ellipse, and the degree is the smallest on a fine ladder (steps of at most
 * 1/8) whose bound meets the tolerance.  Arb's acb_calc_integrate_gl_auto_deg does the same with degrees a factor
 * up to 1.41 apart; the finer ladder saves the difference in evaluations where each costs much.  The ellipses, too,
 * grow in small steps at first (X = 5/4, 3/2, 7/4, 2, ...), so a piece gets nearly the largest one its integrand allows;
 * qt_gl_piece_hint searches them from the ellipse that served the previous piece of a run (effort only).
 * Nodes and weights are enclosed by arb_hypgeom_legendre_p_ui_root: up to QT_GL_TABLE_PREC bits read from the table
 * computed when the library was built (gauss_legendre_internal.h), above it computed; cached per thread and degree. */
#include "qtoracle/core.h"
#include <arb_hypgeom.h>
#include "gauss_legendre_internal.h"

typedef struct
{
    slong prec[QT_GL_LADDER];
    arb_ptr x[QT_GL_LADDER], w[QT_GL_LADDER];      /* the (n + 1)/2 nodes >= 0 and their weights */
}
gl_cache_struct;

static FLINT_TLS_PREFIX gl_cache_struct *gl_cache = NULL;

static void
gl_cache_cleanup(void)
{
    slong i;
    if (gl_cache == NULL)
        return;
    for (i = 0; i < QT_GL_LADDER; i++)
        if (gl_cache->prec[i] != 0)
        {
            slong h = (_qt_gl_ladder_degree(i) + 1) / 2;
            _arb_vec_clear(gl_cache->x[i], h);
            _arb_vec_clear(gl_cache->w[i], h);
        }
    flint_free(gl_cache);
    gl_cache = NULL;
}

/* node k (0 <= k < n) of the ladder's degree n = _qt_gl_ladder_degree(i), and its weight, at prec */
static void
gl_node(arb_t x, arb_t w, slong i, slong n, slong k, slong prec)
{
    slong h = (n + 1) / 2, kk = 2 * k < n ? k : n - 1 - k, j;
    if (gl_cache == NULL)
    {
        gl_cache = flint_calloc(1, sizeof(gl_cache_struct));
        flint_register_cleanup_function(gl_cache_cleanup);
    }
    if (gl_cache->prec[i] < prec)
    {
        slong wp = FLINT_MAX(prec, 2 * gl_cache->prec[i] + 30);
        if (gl_cache->prec[i] == 0)
        {
            gl_cache->x[i] = _arb_vec_init(h);
            gl_cache->w[i] = _arb_vec_init(h);
        }
        if (prec <= QT_GL_TABLE_PREC && _qt_gl_table_start[i] >= 0)
        {
            const _qt_gl_ball_struct *t = _qt_gl_table + _qt_gl_table_start[i];
            for (j = 0; j < h; j++)
            {
                _qt_gl_ball_get(gl_cache->x[i] + j, t + j);
                _qt_gl_ball_get(gl_cache->w[i] + j, t + h + j);
            }
            wp = QT_GL_TABLE_PREC;
        }
        else
            for (j = 0; j < h; j++)
                arb_hypgeom_legendre_p_ui_root(gl_cache->x[i] + j, gl_cache->w[i] + j, n, j, wp);
        gl_cache->prec[i] = wp;
    }
    if (2 * k < n)
        arb_set_round(x, gl_cache->x[i] + kk, prec);
    else
        arb_neg_round(x, gl_cache->x[i] + kk, prec);
    arb_set_round(w, gl_cache->w[i] + kk, prec);
}

/* the first ellipses' X, in quarters: 5/4 (rho = 2), 3/2, 7/4, 2, 5/2, 3, 4 and 8, so that a piece whose
   integrand reaches a singularity or a failing enclosure between two of them loses little; the probes of the cover
   (qt_integrand_cover) cost up to 4^depth evaluations each, so it tries only 5/4, 2, 4 and 8; those of the boundary
   bound (qt_integrand_halfplane) cost about the perimeter over the length of a segment, which grows with X faster than
   the degree falls: 5/4 only.  0 ends a ladder with X = 32, 512, 2^17, ...; -1 ends it there */
static const slong ladder_fine[] = {5, 6, 7, 8, 10, 12, 16, 32, 0};
static const slong ladder_cover[] = {5, 8, 16, 32, 0};
static const slong ladder_boundary[] = {5, -1};

/* (64/15) M / ((rho - 1) rho^(2n - 1)), an upper bound (lemma Q1b) */
static void
gl_error_bound(mag_t err, const mag_t M, const mag_t rho, slong n)
{
    mag_t t, u;
    mag_init(t); mag_init(u);
    mag_pow_ui_lower(t, rho, 2 * n - 1);
    mag_one(u);
    mag_sub_lower(u, rho, u);
    mag_mul_lower(t, t, u);
    mag_mul_ui_lower(t, t, 15);
    mag_div(err, M, t);
    mag_mul_2exp_si(err, err, 6);
    mag_clear(t); mag_clear(u);
}

/* X of ellipse i of the ladder xq: its quarters, then (an entry 0) X = 32, 512, 2^17, ... while the exponent stays
   below prec, or (an entry -1) the end; 0 if there is no ellipse i */
static int
ladder_X(mag_t X, const slong *xq, slong i, slong prec)
{
    slong k, j, Xexp = 2;
    for (k = 0; k < i && xq[k] > 0; k++)
        ;
    if (k == i && xq[i] > 0)
    {
        mag_set_ui_2exp_si(X, xq[i], -2);
        return 1;
    }
    if (xq[k] < 0)
        return 0;
    for (j = k; j <= i; j++)
    {
        Xexp *= 2;                             /* X = 2^(Xexp + 1) while Xexp < prec */
        if (Xexp >= prec)
            return 0;
    }
    mag_one(X);
    mag_mul_2exp_si(X, X, Xexp + 1);
    return 1;
}

/* f on ellipse i of the ladder xq about [mid - delta, mid + delta]: -2 if there is no ellipse i, -1 if f is not
   finite there, else the smallest index k < lim of the degree ladder deg whose error bound (lemma Q1b) meets tol, with
   that bound in err, or lim if none does */
static slong
probe(mag_t err, acb_calc_func_t f, void *param, const acb_t mid, const acb_t delta, const slong *xq, slong i,
      const slong *deg, slong lim, const mag_t tol, slong *evals, slong prec)
{
    mag_t X, Y, rho, t, M;
    acb_t wide, v;
    slong lo, hi, k;
    mag_init(X); mag_init(Y); mag_init(rho); mag_init(t); mag_init(M);
    acb_init(wide); acb_init(v);
    if (!ladder_X(X, xq, i, prec))
        lo = -2;
    else
    {
        /* ellipse with semi-axes X and sqrt(X^2 - 1): rho >= X + sqrt(X^2 - 1) (lower bound); Y >= sqrt(X^2 - 1) */
        mag_mul_lower(rho, X, X);
        mag_one(t);
        mag_sub_lower(rho, rho, t);
        mag_sqrt_lower(rho, rho);
        mag_add_lower(rho, rho, X);
        mag_mul(Y, X, X);
        mag_one(t);
        mag_sub(Y, Y, t);
        mag_sqrt(Y, Y);
        mag_set(arb_radref(acb_realref(wide)), X);
        mag_set(arb_radref(acb_imagref(wide)), Y);
        acb_mul(wide, wide, delta, prec);
        acb_add(wide, wide, mid, prec);
        f(v, wide, param, 1, prec);
        (*evals)++;
        if (!acb_is_finite(v))
            lo = -1;
        else
        {
            /* M = |delta| max |f| on the ellipse; the bound decreases with the degree (rho > 1, lemma Q1b), so a
               bisection finds the index a walk up the ladder would (effort only: the bound of the index chosen is the
               one checked) */
            acb_get_mag(M, v);
            acb_get_mag(t, delta);
            mag_mul(M, M, t);
            for (lo = 0, hi = lim; lo < hi; )
            {
                k = lo + (hi - lo) / 2;
                gl_error_bound(err, M, rho, deg[k]);
                if (mag_cmp(err, tol) < 0)
                    hi = k;
                else
                    lo = k + 1;
            }
            if (lo < lim)
                gl_error_bound(err, M, rho, deg[lo]);
        }
    }
    mag_clear(X); mag_clear(Y); mag_clear(rho); mag_clear(t); mag_clear(M);
    acb_clear(wide); acb_clear(v);
    return lo;
}

int
qt_gl_piece(acb_t res, slong *evals, acb_calc_func_t f, void *param, const acb_t a, const acb_t b, const mag_t tol,
            slong deg_limit, slong prec)
{
    return qt_gl_piece_hint(res, evals, f, param, a, b, tol, deg_limit, NULL, prec);
}

int
qt_gl_piece_hint(acb_t res, slong *evals, acb_calc_func_t f, void *param, const acb_t a, const acb_t b,
                 const mag_t tol, slong deg_limit, slong *xhint, slong prec)
{
    acb_t mid, delta, wide, v, s;
    mag_t err, best_err;
    arb_t x, w;
    slong i, n, k, best = -1, lim, deg[QT_GL_LADDER], q;
    const slong *xq;
    int ok = 0, real;
    acb_init(mid); acb_init(delta); acb_init(wide); acb_init(v); acb_init(s);
    mag_init(err); mag_init(best_err);
    arb_init(x); arb_init(w);
    *evals = 0;
    /* the ladder's lim degrees up to deg_limit */
    for (lim = 0, n = 1; lim < QT_GL_LADDER && n <= deg_limit; lim++, n = _qt_gl_ladder_next(n))
        deg[lim] = n;
    acb_sub(delta, b, a, prec);
    acb_mul_2exp_si(delta, delta, -1);
    acb_add(mid, a, b, prec);
    acb_mul_2exp_si(mid, mid, -1);
    /* ellipses with semi-axes X and sqrt(X^2 - 1) (rho = X + sqrt(X^2 - 1)), X from the ladder below and then
       X = 32, 512, 2^17, ..., as long as f stays finite on the enclosing ball: the smallest degree that any of them
       certifies.  The flat first ellipse lets a piece through whose integrand is finite only on small balls (a cover)
       at a higher degree, where the larger ellipses would make it split */
    xq = f == qt_integrand_cover ? ladder_cover : f == qt_integrand_halfplane ? ladder_boundary : ladder_fine;
    if (xhint == NULL)
    {
        /* every ellipse from the flattest up, until f is not finite or the degree is the first of the ladder */
        for (i = 0; best != 0; i++)
        {
            q = probe(err, f, param, mid, delta, xq, i, deg, best < 0 ? lim : best, tol, evals, prec);
            if (q < 0)
                break;
            if (q < (best < 0 ? lim : best))
            {
                best = q;
                mag_set(best_err, err);
            }
        }
    }
    else
    {
        /* effort only, for a run of similar pieces (qt_integrate_pieces): start at the ellipse that served the last
           piece; if f is not finite there or no degree meets tol, go to flatter ellipses until one certifies a
           degree; then (or if it served) go to wider ones while the degree falls.  *xhint: the ellipse chosen */
        slong h = FLINT_MAX(*xhint, 0);
        q = probe(err, f, param, mid, delta, xq, h, deg, lim, tol, evals, prec);
        if (q == -2 && h > 0)
        {
            h = 0;                             /* the hint lies beyond this ladder: start at the flattest */
            q = probe(err, f, param, mid, delta, xq, 0, deg, lim, tol, evals, prec);
        }
        if (q >= 0 && q < lim)
        {
            best = q;
            mag_set(best_err, err);
            *xhint = h;
        }
        else
            for (i = h - 1; i >= 0; i--)
            {
                slong r = probe(err, f, param, mid, delta, xq, i, deg, lim, tol, evals, prec);
                if (r >= 0 && r < lim)
                {
                    best = r;
                    mag_set(best_err, err);
                    *xhint = i;
                    break;
                }
            }
        if (q >= 0 && best != 0 && (best < 0 || best == q))
            for (i = h + 1; ; i++)
            {
                slong r = probe(err, f, param, mid, delta, xq, i, deg, best < 0 ? lim : best, tol, evals, prec);
                if (r < 0)
                    break;
                if (r < (best < 0 ? lim : best))
                {
                    best = r;
                    mag_set(best_err, err);
                    *xhint = i;
                    if (best == 0)
                        break;
                }
                else if (best >= 0)
                    break;
            }
    }
    if (best >= 0)
    {
        n = deg[best];
        acb_zero(s);
        /* on a real segment the nodes are real: the real parts by real ball arithmetic (the imaginary parts would be
           products and sums of exact zeros, the same balls) */
        real = arb_is_zero(acb_imagref(delta)) && arb_is_zero(acb_imagref(mid));
        acb_zero(wide);
        for (k = 0; k < n; k++)
        {
            gl_node(x, w, best, n, k, prec);
            if (real)
            {
                arb_mul(acb_realref(wide), acb_realref(delta), x, prec);
                arb_add(acb_realref(wide), acb_realref(wide), acb_realref(mid), prec);
            }
            else
            {
                acb_mul_arb(wide, delta, x, prec);
                acb_add(wide, wide, mid, prec);
            }
            f(v, wide, param, 0, prec);
            acb_addmul_arb(s, v, w, prec);
        }
        *evals += n;
        acb_mul(res, s, delta, prec);
        acb_add_error_mag(res, best_err);
        ok = 1;
    }
    else
        acb_indeterminate(res);
    acb_clear(mid); acb_clear(delta); acb_clear(wide); acb_clear(v); acb_clear(s);
    mag_clear(err); mag_clear(best_err);
    arb_clear(x); arb_clear(w);
    return ok;
}
