/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_landauer_ref.h -- independent references for the Landauer tests: the currents through a box channel
 * (T(E) = tau on [E_lo, E_hi], 0 elsewhere) from antiderivatives of the occupation and entropy kernels, in
 * dilogarithms.  Nothing here shares code with ref/landauer: no quadrature, no window, no tail bound.
 *
 * Fermions, x = (E - mu)/T, sp(y) = ln(1 + e^y), f = 1/(1 + e^x), sigma = x f + sp(-x):
 *   int f dx       = -sp(-x)
 *   int x f dx     = x^2/2 - x sp(x) - Li2(-e^x)                (x < 0)
 *                  = pi^2/6 - x sp(-x) + Li2(-e^-x)             (x >= 0; the same function, by Li2 inversion)
 *   int_0^x sigma  = sign(x) [pi^2/6 - y sp(-y) + 2 Li2(-e^-y)], y = |x|   (sigma is even)
 * Bosons (mu = 0, x = E/T >= 0), l(x) = -ln(1 - e^-x), n = 1/(e^x - 1), sigma_B = x n + l:
 *   int n dx       = -l(x)
 *   int x n dx     = -x l(x) - Li2(e^-x)                        (x l(x) -> 0 as x -> 0)
 *   int sigma_B dx = -x l(x) - 2 Li2(e^-x)
 * Each is checked by differentiation in the comments of proofs/landauer.md, section 5 (test references). */
#ifndef QT_LANDAUER_REF_H
#define QT_LANDAUER_REF_H

#include "qtoracle/qtoracle.h"

/* sp(y) = ln(1 + e^y), either form (they are equal; the one without overflow is chosen by the midpoint) */
static inline void
ref_softplus(arb_t r, const arb_t y, slong prec)
{
    arb_t t;
    arb_init(t);
    if (arf_sgn(arb_midref(y)) > 0)
    {
        arb_neg(t, y);
        arb_exp(t, t, prec);
        arb_log1p(t, t, prec);
        arb_add(r, y, t, prec);
    }
    else
    {
        arb_exp(t, y, prec);
        arb_log1p(r, t, prec);
    }
    arb_clear(t);
}

static inline void
ref_li2(arb_t r, const arb_t z, slong prec)
{
    arb_polylog_si(r, 2, z, prec);
}

/* the three antiderivatives at x (fermions): P = int f, F = int x f, G = int_0^x sigma */
static inline void
ref_fermi_anti(arb_t P, arb_t F, arb_t G, const arb_t x, slong prec)
{
    arb_t y, s, z, l, pi2;
    arb_init(y); arb_init(s); arb_init(z); arb_init(l); arb_init(pi2);
    arb_const_pi(pi2, prec);
    arb_sqr(pi2, pi2, prec);
    arb_div_ui(pi2, pi2, 6, prec);                       /* pi^2/6 */
    arb_neg(y, x);
    ref_softplus(s, y, prec);
    arb_neg(P, s);                                       /* -sp(-x) */
    if (arf_sgn(arb_midref(x)) < 0)
    {
        arb_exp(z, x, prec);
        arb_neg(z, z);
        ref_li2(l, z, prec);                             /* Li2(-e^x) */
        ref_softplus(s, x, prec);
        arb_sqr(F, x, prec);
        arb_mul_2exp_si(F, F, -1);
        arb_submul(F, x, s, prec);
        arb_sub(F, F, l, prec);
    }
    else
    {
        arb_exp(z, y, prec);
        arb_neg(z, z);
        ref_li2(l, z, prec);                             /* Li2(-e^-x) */
        arb_mul(F, x, s, prec);
        arb_sub(F, pi2, F, prec);
        arb_add(F, F, l, prec);
    }
    /* G: y = |x| */
    arb_abs(y, x);
    arb_neg(z, y);
    ref_softplus(s, z, prec);                            /* sp(-y) */
    arb_exp(z, z, prec);
    arb_neg(z, z);
    ref_li2(l, z, prec);                                 /* Li2(-e^-y) */
    arb_mul(G, y, s, prec);
    arb_sub(G, pi2, G, prec);
    arb_addmul_si(G, l, 2, prec);
    if (arf_sgn(arb_midref(x)) < 0)
        arb_neg(G, G);
    arb_clear(y); arb_clear(s); arb_clear(z); arb_clear(l); arb_clear(pi2);
}

/* bosons at x >= 0 (x exactly 0 allowed: the limits): mP = l(x) (= -int n; +inf at 0), F = int x n, G = int sigma_B */
static inline void
ref_bose_anti(arb_t mP, arb_t F, arb_t G, const arb_t x, slong prec)
{
    arb_t l, xl, z, li;
    arb_init(l); arb_init(xl); arb_init(z); arb_init(li);
    arb_neg(z, x);
    arb_exp(z, z, prec);
    ref_li2(li, z, prec);                                /* Li2(e^-x) */
    if (arb_is_zero(x))
    {
        arb_pos_inf(mP);
        arb_zero(xl);
    }
    else
    {
        arb_neg(z, x);
        arb_expm1(z, z, prec);
        arb_neg(z, z);
        arb_log(l, z, prec);
        arb_neg(l, l);                                   /* l = -ln(1 - e^-x) */
        arb_set(mP, l);
        arb_mul(xl, x, l, prec);
    }
    arb_neg(F, xl);
    arb_sub(F, F, li, prec);
    arb_neg(G, xl);
    arb_submul_ui(G, li, 2, prec);
    arb_clear(l); arb_clear(xl); arb_clear(z); arb_clear(li);
}

/* reservoir integrals over the box: N = int f dE, M = int (E - mu) f dE, S = int sigma dE */
static inline void
ref_box_reservoir(arb_t N, arb_t M, arb_t S, int stats, const fmpq_t mu, const fmpq_t T, const fmpq_t a,
                  const fmpq_t b, slong prec)
{
    arb_t x, P0, F0, G0, P1, F1, G1, Tb;
    fmpq_t d;
    int e;
    arb_init(x); arb_init(P0); arb_init(F0); arb_init(G0); arb_init(P1); arb_init(F1); arb_init(G1); arb_init(Tb);
    fmpq_init(d);
    arb_set_fmpq(Tb, T, prec);
    for (e = 0; e < 2; e++)
    {
        fmpq_sub(d, e ? b : a, mu);
        fmpq_div(d, d, T);
        arb_set_fmpq(x, d, prec);
        if (stats == QT_FERMION)
            ref_fermi_anti(e ? P1 : P0, e ? F1 : F0, e ? G1 : G0, x, prec);
        else
            ref_bose_anti(e ? P1 : P0, e ? F1 : F0, e ? G1 : G0, x, prec);
    }
    if (stats == QT_FERMION)
        arb_sub(N, P1, P0, prec);
    else
        arb_sub(N, P0, P1, prec);                        /* int n = l(x_a) - l(x_b) */
    arb_mul(N, N, Tb, prec);
    arb_sub(M, F1, F0, prec);
    arb_mul(M, M, Tb, prec);
    arb_mul(M, M, Tb, prec);
    arb_sub(S, G1, G0, prec);
    arb_mul(S, S, Tb, prec);
    arb_clear(x); arb_clear(P0); arb_clear(F0); arb_clear(G0); arb_clear(P1); arb_clear(F1); arb_clear(G1);
    arb_clear(Tb);
    fmpq_clear(d);
}

/* the quantity q (QT_LQ_PARTICLE .. QT_LQ_PRODUCTION, or QT_LQ_REDUCED_R when tau = 1) for a box, at working
   precision prec (the differences cancel: callers raise prec until the ball is narrow) */
static inline void
ref_box_quantity(arb_t res, int q, const qt_landauer_params_t p, slong prec)
{
    arb_t NL, ML, SL, NR, MR, SR, IN, IE, IS, t, muL, muR, TL, TR;
    arb_init(NL); arb_init(ML); arb_init(SL); arb_init(NR); arb_init(MR); arb_init(SR);
    arb_init(IN); arb_init(IE); arb_init(IS); arb_init(t);
    arb_init(muL); arb_init(muR); arb_init(TL); arb_init(TR);
    arb_set_fmpq(muL, p->mu_L, prec);
    arb_set_fmpq(muR, p->mu_R, prec);
    arb_set_fmpq(TL, p->T_L, prec);
    arb_set_fmpq(TR, p->T_R, prec);
    ref_box_reservoir(NL, ML, SL, p->stats, p->mu_L, p->T_L, p->E_lo, p->E_hi, prec);
    ref_box_reservoir(NR, MR, SR, p->stats, p->mu_R, p->T_R, p->E_lo, p->E_hi, prec);
    arb_set_fmpq(t, p->tau, prec);
    arb_sub(IN, NL, NR, prec);
    arb_mul(IN, IN, t, prec);
    arb_addmul(ML, muL, NL, prec);
    arb_addmul(MR, muR, NR, prec);
    arb_sub(IE, ML, MR, prec);
    arb_mul(IE, IE, t, prec);
    arb_sub(IS, SL, SR, prec);
    arb_mul(IS, IS, t, prec);
    switch (q)
    {
        case QT_LQ_PARTICLE: arb_set(res, IN); break;
        case QT_LQ_ENERGY: arb_set(res, IE); break;
        case QT_LQ_HEAT_R: arb_set(res, IE); arb_submul(res, muR, IN, prec); break;
        case QT_LQ_HEAT_L: arb_set(res, IE); arb_submul(res, muL, IN, prec); break;
        case QT_LQ_ENTROPY: arb_set(res, IS); break;
        case QT_LQ_REDUCED_R:
            if (fmpq_is_one(p->tau))
                arb_set(res, IS);
            else
                arb_indeterminate(res);
            break;
        case QT_LQ_CORRECTION_R:                         /* I_Q^R - T_R I_S */
            arb_set(res, IE);
            arb_submul(res, muR, IN, prec);
            arb_submul(res, TR, IS, prec);
            break;
        case QT_LQ_CORRECTION_L:                         /* -I_Q^L + T_L I_S */
            arb_set(res, IE);
            arb_submul(res, muL, IN, prec);
            arb_neg(res, res);
            arb_addmul(res, TL, IS, prec);
            break;
        case QT_LQ_PRODUCTION:                           /* I_Q^R/T_R - I_Q^L/T_L */
            arb_set(t, IE);
            arb_submul(t, muR, IN, prec);
            arb_div(res, t, TR, prec);
            arb_set(t, IE);
            arb_submul(t, muL, IN, prec);
            arb_div(t, t, TL, prec);
            arb_sub(res, res, t, prec);
            break;
        default:
            arb_indeterminate(res);
    }
    arb_clear(NL); arb_clear(ML); arb_clear(SL); arb_clear(NR); arb_clear(MR); arb_clear(SR);
    arb_clear(IN); arb_clear(IE); arb_clear(IS); arb_clear(t);
    arb_clear(muL); arb_clear(muR); arb_clear(TL); arb_clear(TR);
}

/* the reference at the first working precision from 2 prec + 64 (doubling, at most 2^15 bits) whose radius is at
   most 2^-prec max(1, |value|) */
static inline void
ref_box_quantity_narrow(arb_t res, int q, const qt_landauer_params_t p, slong prec)
{
    slong wp;
    for (wp = 2 * prec + 64; wp <= 32768; wp *= 2)
    {
        ref_box_quantity(res, q, p, wp);
        if (arb_is_finite(res) && arb_rel_accuracy_bits(res) >= prec)
            return;
        if (arb_is_finite(res) && mag_cmp_2exp_si(arb_radref(res), -prec) <= 0)
            return;
    }
}

#endif
