/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_friction_generic.c -- lemma P24 of proofs/pumping.md: the friction tensor of 2-3 interacting qubits in a holomorphic
 * form, for the dissipation integrals (any temperatures: at T_R != T, p is the stationary law of W and d_l p =
 * -W^+ (d_l W) p, lemma P19; G_a(0) is taken at bath a's temperature).  At simple levels (certified Rump discs and
 * spectral projectors P_n, lemma P9) and where no two Bohr frequencies E_m - E_n coincide, the Davies generator maps
 * populations to populations (the Pauli matrix W) and multiplies each coherence block P_m X P_n (m != n) by
 *   lambda_mn = -i (E_m - E_n) - Gamma_mn,
 *   Gamma_mn = (out_m + out_n)/2 + sum_a G_a(0) (A_a,mm - A_a,nn)^2 / 2,  out_m = sum_{j != m} W[j][m],
 * A_a,mm = tr(P_m A_a).  With P_m d_l rho0 P_n = (p_n - p_m)/(E_n - E_m) P_m d_l H P_n,
 *   zeta_kl = sum_n d_k E_n (W^+ d_l p)_n + sum_{m != n} (p_n - p_m)/((E_n - E_m) lambda_mn) tr(d_k H P_m d_l H P_n). */
#include "pump_internal.h"

int
qt_pump_friction_multi_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                           int analytic, slong prec, char *reason)
{
    slong d = (slong) 1 << P->n_qubits, a, m, n, k, l, j, nb = qt_pump_n_baths(P);
    qt_pump_eigen_struct D[1];
    acb_mat_struct C[QT_PUMP_MAX_BATHS], dC[2 * QT_PUMP_MAX_BATHS], Wa[QT_PUMP_MAX_BATHS], x[2];
    acb_ptr p, Adiag, out, g0;
    acb_t t, u, zero, T, gam, c;
    int st = QT_OK, neq = !qt_pump_equal_temperatures(P);
    (void) analytic;
    _acb_vec_indeterminate(zeta, 4);
    if (qt_pump_single_like(P))
        return qt_fail(reason, QT_DOMAIN, "n_qubits: the interacting-qubit friction route needs 2 or 3 qubits on shared baths (or further baths, lemma P27)");
    if ((st = qt_pump_singlet_is_dark(P, reason)) != QT_OK)
        return st;
    qt_pump_eigen_init(D, d);
    if (!qt_pump_eigen_at(D, P, P->J, P->Delta, P->b, Bx, Bz, prec))
    {
        qt_pump_eigen_clear(D);
        return qt_fail(reason, QT_UNCERTIFIED, "the levels of H could not be proven simple here (a level crossing or degeneracy)");
    }
    for (a = 0; a < nb; a++)
    {
        acb_mat_init(C + a, d, d); acb_mat_init(Wa + a, d, d);
    }
    acb_mat_init(x + 0, d, 1); acb_mat_init(x + 1, d, 1);
    for (a = 0; a < 2 * nb; a++)
        acb_mat_init(dC + a, d, d);
    p = _acb_vec_init(d); Adiag = _acb_vec_init(nb * d); out = _acb_vec_init(d); g0 = _acb_vec_init(nb);
    acb_init(t); acb_init(u); acb_init(zero); acb_init(T); acb_init(gam); acb_init(c);
    /* unequal temperatures: the weights' derivatives enter d_l W (lemma P19) */
    qt_pump_eigen_weights(C, neq ? dC : NULL, D, prec);
    if (!qt_pump_population_solve(x, Wa, p, P, D->E, C, neq ? dC : NULL, D->dE, 0, prec))
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "the population rate matrix could not be proven to have a unique stationary state (a dark level makes the Drazin inverse undefined)");
        goto cleanup;
    }
    /* populations: zeta_kl = sum_n d_k E_n x_l[n] */
    for (k = 0; k < 2; k++)
        for (l = 0; l < 2; l++)
        {
            acb_zero(zeta + 2 * k + l);
            for (n = 0; n < d; n++)
                acb_addmul(zeta + 2 * k + l, D->dE + 2 * n + k, acb_mat_entry(x + l, n, 0), prec);
        }
    /* out-rates and diagonal amplitudes A_a,mm = tr(P_m A_a) (D holds A_a in the eigenbasis) */
    for (m = 0; m < d; m++)
    {
        acb_zero(out + m);
        for (a = 0; a < nb; a++)
            for (j = 0; j < d; j++)
                if (j != m)
                    acb_add(out + m, out + m, acb_mat_entry(Wa + a, j, m), prec);
        for (a = 0; a < nb; a++)
            acb_set(Adiag + a * d + m, acb_mat_entry(D->A + a, m, m));
    }
    /* the dephasing rates G_a(0) = gamma_a T_a */
    for (a = 0; a < nb; a++)
    {
        qt_pump_bath_temperature(T, P, a, prec);
        qt_pump_bath_rate(u, P, a, prec);
        qt_ohmic_rate_acb(g0 + a, u, zero, T, prec);
    }
    for (m = 0; m < d; m++)
        for (n = 0; n < d; n++)
        {
            if (m == n)
                continue;
            /* Gamma_mn = (out_m + out_n)/2 + sum_a G_a(0) (A_a,mm - A_a,nn)^2 / 2 */
            acb_add(gam, out + m, out + n, prec);
            for (a = 0; a < nb; a++)
            {
                acb_sub(t, Adiag + a * d + m, Adiag + a * d + n, prec);
                acb_mul(t, t, t, prec);
                acb_addmul(gam, g0 + a, t, prec);
            }
            acb_mul_2exp_si(gam, gam, -1);
            /* c = (p_n - p_m) / ((E_n - E_m) lambda_mn), lambda_mn = -i (E_m - E_n) - Gamma_mn */
            acb_sub(t, D->E + m, D->E + n, prec);
            acb_mul_onei(u, t);
            acb_neg(u, u);
            acb_sub(u, u, gam, prec);
            acb_neg(t, t);                                   /* E_n - E_m */
            acb_mul(u, u, t, prec);
            acb_sub(c, p + n, p + m, prec);
            acb_div(c, c, u, prec);
            for (k = 0; k < 2; k++)
                for (l = 0; l < 2; l++)
                {
                    /* tr(d_k H P_m d_l H P_n) = (d_k H)_nm (d_l H)_mn in the eigenbasis */
                    acb_mul(t, acb_mat_entry(D->dH + k, n, m), acb_mat_entry(D->dH + l, m, n), prec);
                    acb_addmul(zeta + 2 * k + l, c, t, prec);
                }
        }
cleanup:
    if (st != QT_OK)
        _acb_vec_indeterminate(zeta, 4);
    for (a = 0; a < nb; a++)
    {
        acb_mat_clear(C + a); acb_mat_clear(Wa + a);
    }
    acb_mat_clear(x + 0); acb_mat_clear(x + 1);
    for (a = 0; a < 2 * nb; a++)
        acb_mat_clear(dC + a);
    _acb_vec_clear(p, d); _acb_vec_clear(Adiag, nb * d); _acb_vec_clear(out, d); _acb_vec_clear(g0, nb);
    acb_clear(t); acb_clear(u); acb_clear(zero); acb_clear(T); acb_clear(gam); acb_clear(c);
    qt_pump_eigen_clear(D);
    return st;
}

int
qt_pump_bohr_frequencies_distinct(const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz, slong prec)
{
    slong d = (slong) 1 << P->n_qubits, i, j;
    qt_pump_eigen_struct D[1];
    acb_ptr w = _acb_vec_init(d * d);
    int ok;
    qt_pump_eigen_init(D, d);
    ok = qt_pump_eigen_at(D, P, P->J, P->Delta, P->b, Bx, Bz, prec);
    /* omega_mn = E_m - E_n at index m d + n (m != n); each pair of them compared once */
    for (i = 0; i < d * d && ok; i++)
        if (i / d != i % d)
            acb_sub(w + i, D->E + i / d, D->E + i % d, prec);
    for (i = 0; i < d * d && ok; i++)
        for (j = i + 1; j < d * d && ok; j++)
            if (i / d != i % d && j / d != j % d && acb_overlaps(w + i, w + j))
                ok = 0;
    _acb_vec_clear(w, d * d);
    qt_pump_eigen_clear(D);
    return ok;
}
