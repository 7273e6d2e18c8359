/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrand_bound.c -- an upper bound of |f| for the fermion integrands of I_N and I_Q^R on a complex ball, the probes
 * of an ellipse (proofs/landauer.md, lemma L4), in magnitude arithmetic: two real exponentials of magnitude precision
 * per Fermi function instead of a complex exponential and divisions at the working precision.  The probe needs only
 * max |f| on the ball and that f have no pole there (lemma Q1b); the ball returned is 0 +/- M in both parts. */
#include "landauer_internal.h"

#define BOUND_PREC 30

/* e^x for a (finite) arf x: a lower bound (lower = 1) or an upper bound (lower = 0), as a mag */
static void
exp_mag(mag_t r, const arf_t x, int lower)
{
    mag_t a;
    mag_init(a);
    if (arf_sgn(x) >= 0)
    {
        if (lower)
        {
            arf_get_mag_lower(a, x);
            mag_exp_lower(r, a);
        }
        else
        {
            arf_get_mag(a, x);
            mag_exp(r, a);
        }
    }
    else
    {
        /* e^x = e^{-|x|} */
        if (lower)
        {
            arf_get_mag(a, x);
            mag_expinv_lower(r, a);
        }
        else
        {
            arf_get_mag_lower(a, x);
            mag_expinv(r, a);
        }
    }
    mag_clear(a);
}

/* 1/D for D = max(Dy, e^{x_l} - 1 where x_l > 0, 1 - e^{x_h} where x_h < 0, and max(1, e^{x_l}) if small), the real
   part of w in [x_l, x_h]; Dy and small carry what the imaginary part gives (lemma L4); +inf if D = 0 */
static void
inv_lower(mag_t r, const arf_t xl, const arf_t xh, int small, const mag_t Dy)
{
    mag_t D, t, one;
    mag_init(D); mag_init(t); mag_init(one);
    mag_one(one);
    mag_set(D, Dy);
    /* |1 + e^w| >= |1 - e^x|: e^{x_l} - 1 where x_l > 0, 1 - e^{x_h} where x_h < 0 */
    if (arf_sgn(xl) > 0)
    {
        exp_mag(t, xl, 1);
        mag_sub_lower(t, t, one);
        mag_max(D, D, t);
    }
    else if (arf_sgn(xh) < 0)
    {
        exp_mag(t, xh, 0);
        mag_sub_lower(t, one, t);
        mag_max(D, D, t);
    }
    /* |Im w| < pi/2: Re e^w > 0, |1 + e^w|^2 >= 1 + e^{2x}, so |1 + e^w| >= max(1, e^{x_l}) */
    if (small)
    {
        exp_mag(t, xl, 1);
        mag_max(t, t, one);
        mag_max(D, D, t);
    }
    if (mag_is_zero(D))
        mag_inf(r);
    else
        mag_div(r, one, D);
    mag_clear(D); mag_clear(t); mag_clear(one);
}

/* upper bounds of 1/|1 + e^w| (rp) and of 1/|1 + e^{-w}| (rm) over the ball w, lemma L4; +inf where none is proven */
static void
fermi_ubounds(mag_t rp, mag_t rm, const acb_t w)
{
    arf_t xl, xh, Y, u;
    mag_t Dy, t;
    int small;
    arf_init(xl); arf_init(xh); arf_init(Y); arf_init(u);
    mag_init(Dy); mag_init(t);
    arb_get_lbound_arf(xl, acb_realref(w), BOUND_PREC);
    arb_get_ubound_arf(xh, acb_realref(w), BOUND_PREC);
    arb_get_abs_ubound_arf(Y, acb_imagref(w), BOUND_PREC);
    if (!arf_is_finite(xl) || !arf_is_finite(xh) || !arf_is_finite(Y))
    {
        mag_inf(rp);
        mag_inf(rm);
        goto out;
    }
    /* Y < 15707/10000 < pi/2, or else for Y < pi: |1 + e^w| >= sin Y >= v - v^3/6 with v = 333/106 - Y (<= pi - Y) */
    arf_set_si(u, 15707);
    arf_div_si(u, u, 10000, BOUND_PREC, ARF_RND_DOWN);
    small = arf_cmp(Y, u) < 0;
    mag_zero(Dy);
    if (!small)
    {
        arf_set_si(u, 333);
        arf_div_si(u, u, 106, BOUND_PREC, ARF_RND_DOWN);
        arf_sub(u, u, Y, BOUND_PREC, ARF_RND_DOWN);
        if (arf_sgn(u) > 0)
        {
            mag_t v;
            mag_init(v);
            arf_get_mag_lower(v, u);
            mag_pow_ui(t, v, 3);
            mag_div_ui(t, t, 6);                    /* upper bound of v^3/6 */
            mag_sub_lower(Dy, v, t);
            mag_clear(v);
        }
    }
    inv_lower(rp, xl, xh, small, Dy);
    /* e^{-w}: the real part in [-x_h, -x_l], the same imaginary extent */
    arf_neg(xl, xl);
    arf_neg(xh, xh);
    inv_lower(rm, xh, xl, small, Dy);
out:
    arf_clear(xl); arf_clear(xh); arf_clear(Y); arf_clear(u);
    mag_clear(Dy); mag_clear(t);
}

int
qt_landauer_integrand_bound(acb_t res, const acb_t E, const qt_landauer_ctx_struct *c)
{
    acb_t w0, w1, z;
    mag_t M, a, b, t;
    if (c->stats != QT_FERMION || !(c->kind == LK_N || c->kind == LK_HR))
        return 0;
    acb_init(w0); acb_init(w1); acb_init(z);
    mag_init(M); mag_init(a); mag_init(b); mag_init(t);
    acb_sub_arb(w0, E, c->mu[0], BOUND_PREC);
    acb_mul_arb(w0, w0, c->invT[0], BOUND_PREC);
    acb_sub_arb(w1, E, c->mu[1], BOUND_PREC);
    acb_mul_arb(w1, w1, c->invT[1], BOUND_PREC);
    /* |f(w_L) - f(w_R)| <= min(|f(w_L)| + |f(w_R)|, |f(-w_L)| + |f(-w_R)|), as f(w) + f(-w) = 1 */
    fermi_ubounds(a, b, w0);
    fermi_ubounds(M, t, w1);
    mag_add(a, a, M);
    mag_add(b, b, t);
    mag_min(M, a, b);
    /* |T(E)|: gamma_L gamma_R / (|E - eps0 - i G| |E - eps0 + i G|) for the Lorentzian, tau otherwise */
    if (c->model == QT_MODEL_LORENTZIAN)
    {
        acb_sub_arb(z, E, c->eps0, BOUND_PREC);
        arb_sub(acb_imagref(z), acb_imagref(z), c->hw, BOUND_PREC);
        acb_get_mag_lower(a, z);
        arb_add(acb_imagref(z), acb_imagref(z), c->hw, BOUND_PREC);
        arb_add(acb_imagref(z), acb_imagref(z), c->hw, BOUND_PREC);
        acb_get_mag_lower(b, z);
        mag_mul_lower(a, a, b);
        arb_get_mag(t, c->gLgR);
        if (mag_is_zero(a))
            mag_inf(M);
        else
        {
            mag_mul(M, M, t);
            mag_div(M, M, a);
        }
    }
    else
    {
        arb_get_mag(t, c->tau);
        mag_mul(M, M, t);
    }
    if (c->kind == LK_HR)
    {
        acb_sub_arb(z, E, c->mu[1], BOUND_PREC);
        acb_get_mag(t, z);
        mag_mul(M, M, t);
    }
    if (mag_is_finite(M))
    {
        acb_zero(res);
        mag_set(arb_radref(acb_realref(res)), M);
        mag_set(arb_radref(acb_imagref(res)), M);
    }
    else
        acb_indeterminate(res);
    acb_clear(w0); acb_clear(w1); acb_clear(z);
    mag_clear(M); mag_clear(a); mag_clear(b); mag_clear(t);
    return 1;
}
