/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* ohmic_rate.c -- the ohmic rate gamma w / (1 - e^{-w/T}) and its derivative in w, holomorphic in w, finite on
 * balls through w = 0. */
#include "qtoracle/core.h"

/* g(x) = (1 - e^{-x})/x = sum_{n>=0} (-x)^n/(n+1)!.  For |x| <= 1/2 the terms n >= N are bounded by
 * |x|^N/(N+1)! sum_j (|x|/(N+2))^j <= 2 |x|^N/(N+1)! (lemma P13); N is chosen so that this is below 2^-prec. */
static void
g_series(acb_t g, const acb_t x, slong prec)
{
    mag_t ax, tail, t;
    acb_t term;
    slong n, N;
    if (acb_is_zero(x))
    {
        acb_one(g);                            /* every term n >= 1 and the tail bound vanish exactly */
        return;
    }
    mag_init(ax); mag_init(tail); mag_init(t);
    acb_init(term);
    acb_get_mag(ax, x);
    /* |x| <= 1/2: each term gains a factor <= 1/2 / (n + 2), so N = prec/2 + 8 terms are ample */
    N = prec / 2 + 8;
    acb_one(g);
    acb_one(term);
    for (n = 1; n < N; n++)
    {
        /* term_n = term_{n-1} * (-x)/(n + 1) */
        acb_mul(term, term, x, prec);
        acb_neg(term, term);
        acb_div_ui(term, term, n + 1, prec);
        acb_add(g, g, term, prec);
    }
    /* tail <= 2 |x|^N / (N+1)! */
    mag_pow_ui(tail, ax, N);
    mag_rfac_ui(t, N + 1);
    mag_mul(tail, tail, t);
    mag_mul_2exp_si(tail, tail, 1);
    acb_add_error_mag(g, tail);
    mag_clear(ax); mag_clear(tail); mag_clear(t);
    acb_clear(term);
}

void
qt_ohmic_rate_acb(acb_t G, const acb_t gamma, const acb_t omega, const acb_t T, slong prec)
{
    acb_t x, g;
    mag_t ax;
    acb_init(x); acb_init(g);
    mag_init(ax);
    acb_div(x, omega, T, prec);
    acb_get_mag(ax, x);
    if (mag_cmp_2exp_si(ax, -1) <= 0)
        g_series(g, x, prec);
    else
    {
        /* g = -expm1(-x)/x */
        acb_neg(g, x);
        acb_expm1(g, g, prec);
        acb_neg(g, g);
        acb_div(g, g, x, prec);
    }
    acb_mul(G, gamma, T, prec);
    acb_div(G, G, g, prec);
    acb_clear(x); acb_clear(g);
    mag_clear(ax);
}

/* G(omega) and G(-omega) from one exponential: G(w) - G(-w) = gamma w for every w (lemma P13), and for Re y >= 0,
   y = s omega/T (s = +-1), G(-s omega) = gamma T y / expm1(y) is a quotient of like-signed quantities (no cancellation
   when y is large: e^{-y} is never formed) and G(s omega) = G(-s omega) + s gamma omega a sum of them; near 0
   (|omega/T| <= 1/2) the series route of qt_ohmic_rate_acb and the same identity */
void
qt_ohmic_rate_pair_acb(acb_t Gp, acb_t Gm, const acb_t gamma, const acb_t omega, const acb_t T, slong prec)
{
    acb_t x, q, gw;
    mag_t ax;
    acb_init(x); acb_init(q); acb_init(gw);
    mag_init(ax);
    acb_div(x, omega, T, prec);
    acb_get_mag(ax, x);
    acb_mul(gw, gamma, omega, prec);
    if (mag_cmp_2exp_si(ax, -1) <= 0)
    {
        qt_ohmic_rate_acb(Gp, gamma, omega, T, prec);
        acb_sub(Gm, Gp, gw, prec);
    }
    else
    {
        int s = arf_sgn(arb_midref(acb_realref(x))) >= 0 ? 1 : -1;
        if (s < 0)
            acb_neg(x, x);
        acb_expm1(q, x, prec);
        acb_div(q, x, q, prec);
        acb_mul(q, q, T, prec);
        acb_mul(q, q, gamma, prec);          /* G(-s omega) */
        if (s > 0)
        {
            acb_add(Gp, q, gw, prec);
            acb_swap(Gm, q);
        }
        else
        {
            acb_sub(Gm, q, gw, prec);
            acb_swap(Gp, q);
        }
    }
    acb_clear(x); acb_clear(q); acb_clear(gw);
    mag_clear(ax);
}

/* g'(x) = sum_{n>=1} (-1)^n n x^{n-1}/(n+1)!.  For |x| <= 1/2 successive term moduli have ratio
 * (n+1)|x|/(n(n+2)) <= 1/2, so the terms n >= N sum to at most 2 N |x|^{N-1}/(N+1)! (proofs/pumping.md P19). */
static void
dg_series(acb_t dg, const acb_t x, slong prec)
{
    mag_t ax, tail, t;
    acb_t term;
    slong n, N = prec / 2 + 8;
    mag_init(ax); mag_init(tail); mag_init(t);
    acb_init(term);
    acb_get_mag(ax, x);
    /* term_1 = -1/2; term_{n+1} = term_n * (-x) (n+1) / (n (n+2)) */
    acb_set_si(term, -1);
    acb_mul_2exp_si(term, term, -1);
    acb_set(dg, term);
    for (n = 1; n + 1 < N; n++)
    {
        acb_mul(term, term, x, prec);
        acb_neg(term, term);
        acb_mul_ui(term, term, n + 1, prec);
        acb_div_ui(term, term, n * (n + 2), prec);
        acb_add(dg, dg, term, prec);
    }
    /* tail <= 2 N |x|^{N-1} / (N+1)! */
    mag_pow_ui(tail, ax, N - 1);
    mag_rfac_ui(t, N + 1);
    mag_mul(tail, tail, t);
    mag_mul_ui(tail, tail, 2 * N);
    acb_add_error_mag(dg, tail);
    mag_clear(ax); mag_clear(tail); mag_clear(t);
    acb_clear(term);
}

void
qt_ohmic_rate_derivative_acb(acb_t dG, const acb_t gamma, const acb_t omega, const acb_t T, slong prec)
{
    /* G = gamma T h(x), h = x/(1 - e^{-x}) = 1/g(x), x = omega/T: dG/domega = gamma h'(x) = -gamma g'(x)/g(x)^2;
       away from 0, h'(x) = ((1 - e) - x e)/(1 - e)^2 with e = e^{-x} */
    acb_t x, g, dg, e;
    mag_t ax;
    acb_init(x); acb_init(g); acb_init(dg); acb_init(e);
    mag_init(ax);
    acb_div(x, omega, T, prec);
    acb_get_mag(ax, x);
    if (mag_cmp_2exp_si(ax, -1) <= 0)
    {
        g_series(g, x, prec);
        dg_series(dg, x, prec);
        acb_mul(g, g, g, prec);
        acb_div(dG, dg, g, prec);
        acb_neg(dG, dG);
    }
    else
    {
        acb_neg(e, x);
        acb_expm1(g, e, prec);
        acb_neg(g, g);                            /* 1 - e */
        acb_exp(e, e, prec);
        acb_mul(dg, x, e, prec);
        acb_sub(dG, g, dg, prec);
        acb_div(dG, dG, g, prec);
        acb_div(dG, dG, g, prec);
    }
    acb_mul(dG, dG, gamma, prec);
    acb_clear(x); acb_clear(g); acb_clear(dg); acb_clear(e);
    mag_clear(ax);
}
