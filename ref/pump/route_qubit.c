/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_qubit.c -- Lambda_{a,k} of one qubit with baths L and R by the closed secular route (lemmas P2, P3, P12),
 * holomorphic in (B_x, B_z) for Re B^2 > 0.
 *
 * Lemma P3 (secular block structure): with non-degenerate levels the Davies generator maps populations
 * to populations by the Pauli rate matrix W = sum_a W_a, W_a[m][n] = G_a(E_n - E_m) tr(P_m A_a P_n A_a)
 * (m != n), and coherences to coherences; L^+ keeps the blocks, and tr(H D_a X) depends only on the
 * populations of X.  Hence Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n with d_k p the derivative of the
 * Gibbs populations (Hellmann-Feynman: d_k E_n = tr(P_n d_k H)).  For one qubit: levels e (E = sB),
 * g (E = -sB); tr(P_g A P_e A) = tr(P_e A P_g A) =: c_a. */
#include "pump_internal.h"

int
qt_pump_lambda_qubit_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
             int analytic, slong prec, char *reason)
{
    acb_t s, B2, B, w, T, e, g, r, up, dn, E, dE, pe, pg, dpe, t, c;
    acb_t Wd[2], Wu[2], Gd[2], Gdp[2], Ea[2], Tb[2];
    slong a, k;
    int st = QT_OK;
    acb_init(s); acb_init(B2); acb_init(B); acb_init(w); acb_init(T); acb_init(e); acb_init(g);
    acb_init(r); acb_init(up); acb_init(dn); acb_init(E); acb_init(dE); acb_init(pe); acb_init(pg);
    acb_init(dpe); acb_init(t); acb_init(c);
    for (a = 0; a < 2; a++)
    {
        acb_init(Wd[a]); acb_init(Wu[a]); acb_init(Gd[a]); acb_init(Gdp[a]); acb_init(Ea[a]); acb_init(Tb[a]);
    }
    if ((st = qt_pump_qubit_field(B2, B, s, T, Lam, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    acb_mul(E, s, B, prec);                      /* E_e = sB = -E_g */
    acb_mul_2exp_si(w, E, 1);                    /* Bohr frequency */
    /* per bath a (temperature T_a): e_a = e^{-w/T_a}, G_a = gamma_a w/(1 - e_a),
       G'_a = dG_a/dw = gamma_a [(1 - e_a) - (w/T_a) e_a]/(1 - e_a)^2 (qt_ohmic_rate_derivative_acb); decay e -> g at G_a c_a, excitation at
       G_a e_a c_a; c_L = (B_z/B)^2, c_R = (B_x/B)^2 = 1 - c_L (lemma P3, P12) */
    for (a = 0; a < 2; a++)
    {
        acb_t Ta, ea, om1;
        acb_init(Ta); acb_init(ea); acb_init(om1);
        qt_pump_bath_temperature(Ta, P, (int) a, prec);
        qt_pump_bath_rate(g, P, a, prec);
        acb_div(e, w, Ta, prec);
        acb_neg(e, e);                           /* -w/T_a */
        acb_expm1(om1, e, prec);
        acb_neg(om1, om1);                       /* 1 - e_a */
        acb_exp(ea, e, prec);
        acb_div(r, w, om1, prec);
        acb_mul(r, r, g, prec);                  /* G_a(w) */
        acb_mul(c, a == 0 ? Bz : Bx, a == 0 ? Bz : Bx, prec);
        acb_div(c, c, B2, prec);
        acb_mul(Wd[a], r, c, prec);
        acb_mul(Wu[a], Wd[a], ea, prec);
        if (!qt_pump_equal_temperatures(P))
            qt_ohmic_rate_derivative_acb(Gdp[a], g, w, Ta, prec);   /* G'_a: only the T_R != T branch uses it */
        acb_set(Gd[a], r);
        acb_set(Ea[a], ea);
        acb_set(Tb[a], Ta);
        acb_clear(Ta); acb_clear(ea); acb_clear(om1);
    }
    acb_add(dn, Wd[0], Wd[1], prec);
    acb_add(up, Wu[0], Wu[1], prec);
    /* stationary populations: the Gibbs state at equal temperatures (stable closed forms, lemma P2);
       otherwise p_e = U/(D + U) (D = dn, U = up) and its derivative (lemma P12) */
    if (qt_pump_equal_temperatures(P))
    {
        acb_div(e, w, T, prec);
        acb_neg(e, e);
        acb_exp(t, e, prec);
        acb_add_ui(pe, t, 1, prec);
        acb_div(pe, t, pe, prec);
        acb_sub_ui(pg, pe, 1, prec);
        acb_neg(pg, pg);
    }
    for (k = 0; k < 2; k++)
    {
        if (qt_pump_equal_temperatures(P))
        {
            /* d_k p_e = -2 p_e p_g d_k E_e / T, d_k E_e = s lambda_k / B */
            acb_mul(dE, s, k == 0 ? Bx : Bz, prec);
            acb_div(dE, dE, B, prec);
            acb_mul(dpe, pe, pg, prec);
            acb_mul(dpe, dpe, dE, prec);
            acb_mul_2exp_si(dpe, dpe, 1);
            acb_div(dpe, dpe, T, prec);
            acb_neg(dpe, dpe);
        }
        else
        {
        /* d_k p_e = (d_k U D - U d_k D)/(D + U)^2, d_k w = 2 s lambda_k / B,
           d_x c_L = -2 B_z^2 B_x / B^4, d_z c_L = 2 B_z B_x^2 / B^4, d_k c_R = -d_k c_L */
        acb_t dw, dcL, dD, dU, q;
        acb_init(dw); acb_init(dcL); acb_init(dD); acb_init(dU); acb_init(q);
        acb_mul(dw, s, k == 0 ? Bx : Bz, prec);
        acb_mul_2exp_si(dw, dw, 1);
        acb_div(dw, dw, B, prec);
        acb_mul(dcL, Bx, Bz, prec);
        acb_mul(dcL, dcL, k == 0 ? Bz : Bx, prec);
        acb_mul_2exp_si(dcL, dcL, 1);
        acb_div(dcL, dcL, B2, prec);
        acb_div(dcL, dcL, B2, prec);
        if (k == 0)
            acb_neg(dcL, dcL);
        acb_zero(dD);
        acb_zero(dU);
        for (a = 0; a < 2; a++)
        {
            acb_mul(c, a == 0 ? Bz : Bx, a == 0 ? Bz : Bx, prec);
            acb_div(c, c, B2, prec);             /* c_a */
            /* d(G_a c_a) = G'_a dw c_a + G_a dc_a */
            acb_mul(q, Gdp[a], dw, prec);
            acb_mul(q, q, c, prec);
            if (a == 0)
                acb_addmul(q, Gd[a], dcL, prec);
            else
                acb_submul(q, Gd[a], dcL, prec);
            acb_add(dD, dD, q, prec);
            /* d(G_a e_a c_a) = e_a d(G_a c_a) - G_a e_a c_a dw / T_a */
            acb_mul(q, q, Ea[a], prec);
            acb_mul(t, Gd[a], Ea[a], prec);
            acb_mul(t, t, c, prec);
            acb_mul(t, t, dw, prec);
            acb_div(t, t, Tb[a], prec);
            acb_sub(q, q, t, prec);
            acb_add(dU, dU, q, prec);
        }
        acb_mul(dpe, dU, dn, prec);
        acb_submul(dpe, up, dD, prec);
        acb_add(t, dn, up, prec);
        acb_div(dpe, dpe, t, prec);
        acb_div(dpe, dpe, t, prec);
        acb_clear(dw); acb_clear(dcL); acb_clear(dD); acb_clear(dU); acb_clear(q);
        }
        /* W = [[-dn, up], [dn, -up]] on (p_e, p_g); W^+ on (y, -y) with x_e + x_g = 0:
           (W x)_e = -dn x_e + up x_g = -(dn + up) x_e = y  =>  x_e = -y/(dn + up) */
        acb_add(t, dn, up, prec);
        acb_div(t, dpe, t, prec);
        acb_neg(t, t);                           /* x_e; x_g = -x_e */
        for (a = 0; a < 2; a++)
        {
            /* (W_a x)_e = -(Wd_a + Wu_a) x_e, (W_a x)_g = +(Wd_a + Wu_a) x_e;
               Lambda = -(E_e (W_a x)_e + E_g (W_a x)_g) = 2 E (Wd_a + Wu_a) x_e */
            acb_add(c, Wd[a], Wu[a], prec);
            acb_mul(c, c, t, prec);
            acb_mul(c, c, E, prec);
            acb_mul_2exp_si(Lam + 2 * a + k, c, 1);
        }
    }
done:
    acb_clear(s); acb_clear(B2); acb_clear(B); acb_clear(w); acb_clear(T); acb_clear(e); acb_clear(g);
    acb_clear(r); acb_clear(up); acb_clear(dn); acb_clear(E); acb_clear(dE); acb_clear(pe); acb_clear(pg);
    acb_clear(dpe); acb_clear(t); acb_clear(c);
    for (a = 0; a < 2; a++)
    {
        acb_clear(Wd[a]); acb_clear(Wu[a]); acb_clear(Gd[a]); acb_clear(Gdp[a]); acb_clear(Ea[a]); acb_clear(Tb[a]);
    }
    return st;
}
