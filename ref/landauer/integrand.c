/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrand.c -- the Landauer integrands as holomorphic functions of the energy E
 * (acb_calc_func_t contract).  Formulas: proofs/landauer.md, section 2.  At a real node the real forms of
 * integrand_real.c; on the ball of a probe (order 1) the fermion integrands of I_N and I_Q^R take the bound of
 * integrand_bound.c (lemma L4), every other kind the complex forms below. */
#include "landauer_internal.h"

/* x_a = (E - mu_a) / T_a, as (E - mu_a) (1/T_a) */
static void
reduced_energy(acb_t x, const acb_t E, const qt_landauer_ctx_struct *c, int a, slong prec)
{
    acb_sub_arb(x, E, c->mu[a], prec);
    acb_mul_arb(x, x, c->invT[a], prec);
}

static void
fermion_integrand(acb_t r, const acb_t E, const acb_t x0, const acb_t x1,
                  const qt_landauer_ctx_struct *c, int an, slong prec)
{
    acb_t t, a, b, m;
    acb_init(t);
    acb_init(a);
    acb_init(b);
    acb_init(m);
    qt_landauer_transmission(t, E, c, prec);

    switch (c->kind)
    {
        case LK_N:
        case LK_HR:
            qt_fermi(a, x0, prec);
            qt_fermi(b, x1, prec);
            acb_sub(r, a, b, prec);
            acb_mul(r, r, t, prec);
            if (c->kind == LK_HR)
            {
                acb_sub_arb(m, E, c->mu[1], prec);
                acb_mul(r, r, m, prec);
            }
            break;
        case LK_S:
            qt_fermi_entropy(a, x0, an, prec);
            qt_fermi_entropy(b, x1, an, prec);
            acb_sub(r, a, b, prec);
            acb_mul(r, r, t, prec);
            break;
        case LK_QR:
            qt_fermi_kl(r, x0, x1, an, prec);
            acb_mul(r, r, t, prec);
            acb_mul_arb(r, r, c->T[1], prec);
            break;
        case LK_QL:
            qt_fermi_kl(r, x1, x0, an, prec);
            acb_mul(r, r, t, prec);
            acb_mul_arb(r, r, c->T[0], prec);
            break;
        case LK_SRED:
        {
            /* p = T f_L + (1-T) f_R,  1 - p = T f(-x_L) + (1-T) f(-x_R) */
            acb_t p, pb, omt;
            acb_init(p);
            acb_init(pb);
            acb_init(omt);
            acb_sub_ui(omt, t, 1, prec);
            acb_neg(omt, omt);
            qt_fermi(a, x0, prec);
            qt_fermi(b, x1, prec);
            acb_mul(p, t, a, prec);
            acb_addmul(p, omt, b, prec);
            acb_neg(m, x0);
            qt_fermi(a, m, prec);
            acb_neg(m, x1);
            qt_fermi(b, m, prec);
            acb_mul(pb, t, a, prec);
            acb_addmul(pb, omt, b, prec);
            qt_binary_entropy(r, p, pb, an, prec);
            if (!acb_is_finite(r) && acb_is_one(t))
                qt_fermi_entropy(r, x0, an, prec);  /* T = 1 exactly: p = f_L, an equal expression (lemma Q2) */
            qt_fermi_entropy(a, x1, an, prec);
            acb_sub(r, r, a, prec);
            acb_clear(p);
            acb_clear(pb);
            acb_clear(omt);
            break;
        }
        case LK_SRED_UP:
        case LK_SRED_DOWN:
        {
            /* binary entropy of a = T f(+-x_L), with 1 - a = (1 - T) + T f(-+x_L) */
            acb_t p, pb, omt;
            acb_init(p);
            acb_init(pb);
            acb_init(omt);
            acb_sub_ui(omt, t, 1, prec);
            acb_neg(omt, omt);
            if (c->kind == LK_SRED_UP)
                acb_set(m, x0);
            else
                acb_neg(m, x0);
            qt_fermi(a, m, prec);
            acb_mul(p, t, a, prec);
            acb_neg(m, m);
            qt_fermi(a, m, prec);
            acb_mul(pb, t, a, prec);
            acb_add(pb, pb, omt, prec);
            qt_binary_entropy(r, p, pb, an, prec);
            qt_fermi_entropy(a, x1, an, prec);
            acb_sub(r, r, a, prec);
            acb_clear(p);
            acb_clear(pb);
            acb_clear(omt);
            break;
        }
        case LK_LEVEL:
        {
            /* (gL s(f_L) + gR s(f_R)) / G  *  L(E),  L(E) = (gamma/pi)/((E-eps0)^2 + gamma^2);
               with T(E) = 2 pi (gL gR / G) L(E):  L = T G / (2 pi gL gR), so
               integrand = T (gL s_L + gR s_R) / (2 pi gL gR) */
            arb_t w;
            arb_init(w);
            qt_fermi_entropy(a, x0, an, prec);
            qt_fermi_entropy(b, x1, an, prec);
            acb_mul_arb(a, a, c->gL, prec);
            acb_mul_arb(b, b, c->gR, prec);
            acb_add(r, a, b, prec);
            acb_mul(r, r, t, prec);
            arb_mul(w, c->gL, c->gR, prec);
            arb_const_pi(acb_realref(m), prec);
            arb_mul(w, w, acb_realref(m), prec);
            arb_mul_2exp_si(w, w, 1);
            acb_div_arb(r, r, w, prec);
            arb_clear(w);
            break;
        }
        default:
            acb_indeterminate(r);
    }
    acb_clear(t);
    acb_clear(a);
    acb_clear(b);
    acb_clear(m);
}

/* Bosons, mu = 0.  Far from E = 0: n = 1/(e^x - 1), ell = ln(1+n).  Near E = 0 (c->near0):
 * E n_a = T_a q(x_a) and the regular forms of proofs/landauer.md L2. */
static void
boson_integrand(acb_t r, const acb_t E, const acb_t x0, const acb_t x1,
                const qt_landauer_ctx_struct *c, int an, slong prec)
{
    acb_t t, a, b, q0, q1, s0, s1, m;
    acb_init(t); acb_init(a); acb_init(b); acb_init(q0); acb_init(q1);
    acb_init(s0); acb_init(s1); acb_init(m);
    qt_landauer_transmission(t, E, c, prec);

    if (!c->near0)
    {
        switch (c->kind)
        {
            case LK_N:
            case LK_HR:
                qt_bose(a, x0, prec);
                qt_bose(b, x1, prec);
                acb_sub(r, a, b, prec);
                acb_mul(r, r, t, prec);
                if (c->kind == LK_HR)
                    acb_mul(r, r, E, prec);    /* mu_R = 0 */
                break;
            case LK_S:
                /* sigma_B(x) = x n(x) + ell(x) */
                qt_bose(a, x0, prec);
                acb_mul(a, a, x0, prec);
                qt_bose_ell(m, x0, an, prec);
                acb_add(a, a, m, prec);
                qt_bose(b, x1, prec);
                acb_mul(b, b, x1, prec);
                qt_bose_ell(m, x1, an, prec);
                acb_add(b, b, m, prec);
                acb_sub(r, a, b, prec);
                acb_mul(r, r, t, prec);
                break;
            case LK_QR:
            case LK_QL:
            {
                /* D(n_p || n_q) = ell_q - ell_p + n_p (x_q - x_p) */
                const acb_struct *xp = (c->kind == LK_QR) ? x0 : x1;
                const acb_struct *xq = (c->kind == LK_QR) ? x1 : x0;
                qt_bose_ell(a, xq, an, prec);
                qt_bose_ell(b, xp, an, prec);
                acb_sub(r, a, b, prec);
                qt_bose(a, xp, prec);
                acb_sub(m, xq, xp, prec);
                acb_addmul(r, a, m, prec);
                acb_mul(r, r, t, prec);
                acb_mul_arb(r, r, c->T[c->kind == LK_QR ? 1 : 0], prec);
                break;
            }
            case LK_SRED:
            {
                acb_t n, omt;
                acb_init(n);
                acb_init(omt);
                acb_sub_ui(omt, t, 1, prec);
                acb_neg(omt, omt);
                qt_bose(a, x0, prec);
                qt_bose(b, x1, prec);
                acb_mul(n, t, a, prec);
                acb_addmul(n, omt, b, prec);
                qt_bose_entropy_of_n(r, n, an, prec);
                if (!acb_is_finite(r) && acb_is_one(t))
                {
                    /* T = 1 exactly: n_out = n_L, sigma_B = x n + ell, an equal expression (lemma Q2) */
                    acb_mul(r, a, x0, prec);
                    qt_bose_ell(m, x0, an, prec);
                    acb_add(r, r, m, prec);
                }
                qt_bose_entropy_of_n(a, b, an, prec);
                acb_sub(r, r, a, prec);
                acb_clear(n);
                acb_clear(omt);
                break;
            }
            case LK_SRED_UP:
                /* sigma_B(T n_L) - sigma_B(n_R), sigma_B(n_R) = x_R n_R + ell_R */
                qt_bose(a, x0, prec);
                acb_mul(a, a, t, prec);
                qt_bose_entropy_of_n(r, a, an, prec);
                qt_bose(b, x1, prec);
                acb_mul(b, b, x1, prec);
                qt_bose_ell(m, x1, an, prec);
                acb_add(b, b, m, prec);
                acb_sub(r, r, b, prec);
                break;
            default:
                acb_indeterminate(r);
        }
    }
    else
    {
        qt_bose_q(q0, s0, x0, an, prec);
        qt_bose_q(q1, s1, x1, an, prec);
        switch (c->kind)
        {
            case LK_HR:
                /* E (n_L - n_R) = T_L q_L - T_R q_R */
                acb_mul_arb(a, q0, c->T[0], prec);
                acb_mul_arb(b, q1, c->T[1], prec);
                acb_sub(r, a, b, prec);
                acb_mul(r, r, t, prec);
                break;
            case LK_S:
                /* q_L - q_R + ln(T_L/T_R) + (x_L - x_R)/2 - lnS_L + lnS_R */
                acb_sub(r, q0, q1, prec);
                acb_add_arb(r, r, c->lnTLTR, prec);
                acb_sub(m, x0, x1, prec);
                acb_mul_2exp_si(m, m, -1);
                acb_add(r, r, m, prec);
                acb_sub(r, r, s0, prec);
                acb_add(r, r, s1, prec);
                acb_mul(r, r, t, prec);
                break;
            case LK_QR:
            case LK_QL:
            {
                /* D(n_p||n_q) = ln(T_q/T_p) + (x_q - x_p)/2 + lnS_p - lnS_q + q_p (T_p/T_q - 1) */
                int P = (c->kind == LK_QR) ? 0 : 1, Q = 1 - P;
                const acb_struct *xp = P ? x1 : x0, *xq = P ? x0 : x1;
                const acb_struct *qp = P ? q1 : q0;
                const acb_struct *sp = P ? s1 : s0, *sq = P ? s0 : s1;
                arb_t ratio;
                arb_init(ratio);
                acb_set_arb(r, c->lnTLTR);
                if (P == 0)
                    acb_neg(r, r);              /* ln(T_R/T_L) */
                acb_sub(m, xq, xp, prec);
                acb_mul_2exp_si(m, m, -1);
                acb_add(r, r, m, prec);
                acb_add(r, r, sp, prec);
                acb_sub(r, r, sq, prec);
                arb_div(ratio, c->T[P], c->T[Q], prec);
                arb_sub_ui(ratio, ratio, 1, prec);
                acb_mul_arb(m, qp, ratio, prec);
                acb_add(r, r, m, prec);
                acb_mul(r, r, t, prec);
                acb_mul_arb(r, r, c->T[Q], prec);
                arb_clear(ratio);
                break;
            }
            case LK_SRED:
            {
                /* m = T T_L q_L + (1-T) T_R q_R, mR = T_R q_R:
                   ln((E+m)/(E+mR)) + phi(E/m) - phi(E/mR), phi(u) = log(1+u)/u */
                acb_t mm, mR, omt, u;
                acb_init(mm); acb_init(mR); acb_init(omt); acb_init(u);
                acb_sub_ui(omt, t, 1, prec);
                acb_neg(omt, omt);
                acb_mul_arb(mR, q1, c->T[1], prec);
                acb_mul_arb(mm, q0, c->T[0], prec);
                acb_mul(mm, mm, t, prec);
                acb_addmul(mm, omt, mR, prec);
                acb_add(a, E, mm, prec);
                acb_add(b, E, mR, prec);
                acb_div(u, a, b, prec);
                qt_acb_log_analytic(r, u, an, prec);
                acb_div(u, E, mm, prec);
                qt_log1p_over(a, u, an, prec);
                acb_add(r, r, a, prec);
                acb_div(u, E, mR, prec);
                qt_log1p_over(a, u, an, prec);
                acb_sub(r, r, a, prec);
                acb_clear(mm); acb_clear(mR); acb_clear(omt); acb_clear(u);
                break;
            }
            default:
                acb_indeterminate(r);   /* LK_N has a pole at E = 0 unless T_L = T_R */
        }
    }
    acb_clear(t); acb_clear(a); acb_clear(b); acb_clear(q0); acb_clear(q1);
    acb_clear(s0); acb_clear(s1); acb_clear(m);
}

int
qt_landauer_integrand(acb_ptr res, const acb_t E, void *param, slong order, slong prec)
{
    const qt_landauer_ctx_struct *c = param;
    acb_t x0, x1;
    int an = (order != 0);

    if (order > 1)
        flint_abort();
    if (!an && arb_is_zero(acb_imagref(E)) && qt_landauer_integrand_real(acb_realref(res), acb_realref(E), param, prec))
    {
        arb_zero(acb_imagref(res));             /* a node: the same expressions in real arithmetic */
        return 0;
    }

    if (an && qt_landauer_integrand_bound(res, E, c))
        return 0;                               /* a probe: a bound of |f| on the ball (lemma L4) */

    acb_init(x0);
    acb_init(x1);
    reduced_energy(x0, E, c, 0, prec);
    reduced_energy(x1, E, c, 1, prec);
    if (c->stats == QT_FERMION)
        fermion_integrand(res, E, x0, x1, c, an, prec);
    else
        boson_integrand(res, E, x0, x1, c, an, prec);
    acb_clear(x0);
    acb_clear(x1);
    return 0;
}
