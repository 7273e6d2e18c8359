/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_davies.c -- Lambda_{a,k} and the friction tensor zeta_{kl} of the N_q-qubit pump model at an exact real
 * point by the global Davies generator (lemma P17 of proofs/pumping.md):
 *   the exact H (model_exact.c), its levels and projectors from the characteristic polynomial factored over Q
 *   (qt_eigenprojectors), the exact Bohr-frequency grouping (qt_bohr_groups, lemma P17a), the dissipator of each
 *   coupling channel (qt_davies_add_bath), rho0 the Gibbs state and d_k rho0 by Daleckii-Krein (lemma P17b),
 *   X_k = L^+ d_k rho0 (certified Drazin solve), Lambda_{a,k} = -tr(H D_a X_k), zeta_{kl} = tr(d_k H X_l).
 * Degenerate levels are allowed (their projectors have rank > 1); the steady state must be unique (else the
 * Drazin solve reports it).  At T_R != T (simple levels only) rho0 is the non-equilibrium steady state and d_k rho0
 * comes from the population route (lemma P21). */
#include "pump_internal.h"

/* the exact H at (Bx, Bz), its levels and Bohr groups, and the global Davies generator of every coupling
   channel at its bath's temperature (lemma P17; lemma P20 at T_R != T) */
static int
davies_generator(qt_lindblad_t G, qt_eigenprojectors_t E, qt_bohr_groups_t Bg, qt_qmat_t Hq, acb_mat_t H,
                 const qt_pump_model_t M, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                 slong prec, char *reason)
{
    acb_mat_t A;
    acb_t T, g;
    slong c;
    int st;
    qt_pump_model_hamiltonian(Hq, M, Bx, Bz);
    if ((st = qt_eigenprojectors(E, Hq, prec, reason)) != QT_OK)
        return st;
    if ((st = qt_bohr_groups(Bg, Hq, E, prec, reason)) != QT_OK)
        return st;
    acb_mat_init(A, M->d, M->d);
    acb_init(T); acb_init(g);
    qt_qmat_get_acb_mat(H, Hq, prec);
    qt_lindblad_set_hamiltonian(G, H);
    for (c = 0; c < M->nch; c++)
    {
        qt_qmat_get_acb_mat(A, M->A + c, prec);
        qt_pump_bath_rate(g, P, M->bath[c], prec);
        qt_pump_bath_temperature(T, P, M->bath[c], prec);
        qt_davies_add_bath(G, E, Bg, A, g, T, M->bath[c], prec);
    }
    acb_mat_clear(A);
    acb_clear(T); acb_clear(g);
    return QT_OK;
}

/* lemma P21: at T_R != T with simple levels the stationary state is sum_n p_n P_n (the secular generator keeps
   populations and coherences apart, and the coherences decay), p from the Pauli rate matrix and d_k p = -W^+ (d_k W) p
   (lemma P19, qt_pump_stationary_populations), and d_k rho0 = sum_n d_k p_n P_n + sum_{m != n} (p_m - p_n)/(E_m - E_n)
   P_m d_kH P_n (qt_weighted_state_derivative); Y = [d_x rho0 | d_z rho0] */
static int
nes_derivatives(acb_mat_t Y, const qt_eigenprojectors_t E, const qt_pump_model_t M, const acb_mat_struct *dH,
                const qt_pump_params_struct *P, slong prec, char *reason)
{
    slong d = M->d, n, k, i, j, a, nb = qt_pump_n_baths(P);
    acb_ptr Ev, dE, p, dp, dpk;
    acb_mat_struct A[QT_PUMP_MAX_BATHS];
    acb_mat_t D;
    int st;
    if (E->k != d)
        return qt_fail(reason, QT_DOMAIN, "%s: at unequal temperatures the friction tensor needs simple levels (lemma P21); this point has a degenerate level",
                       qt_pump_unequal_temperature_field(P));
    Ev = _acb_vec_init(d); dE = _acb_vec_init(2 * d); p = _acb_vec_init(d); dp = _acb_vec_init(2 * d);
    dpk = _acb_vec_init(d);
    for (a = 0; a < nb; a++)
        acb_mat_init(A + a, d, d);
    acb_mat_init(D, d, d);
    for (n = 0; n < d; n++)
    {
        acb_set_arb(Ev + n, E->lambda + n);
        for (k = 0; k < 2; k++)
            qt_acb_mat_trace_product(dE + 2 * n + k, E->P + n, dH + k, prec);     /* Hellmann-Feynman */
    }
    for (a = 0; a < nb; a++)
        qt_qmat_get_acb_mat(A + a, M->A + a, prec);      /* one channel per bath: bath[c] = c */
    st = qt_pump_stationary_populations(p, dp, P, Ev, dE, E->P, A, dH, prec, reason);
    for (k = 0; st == QT_OK && k < 2; k++)
    {
        for (n = 0; n < d; n++)
            acb_set(dpk + n, dp + 2 * n + k);
        qt_weighted_state_derivative(D, E, dH + k, p, dpk, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                acb_set(acb_mat_entry(Y, i, k * d + j), acb_mat_entry(D, i, j));
    }
    _acb_vec_clear(Ev, d); _acb_vec_clear(dE, 2 * d); _acb_vec_clear(p, d); _acb_vec_clear(dp, 2 * d);
    _acb_vec_clear(dpk, d);
    for (a = 0; a < nb; a++)
        acb_mat_clear(A + a);
    acb_mat_clear(D);
    return st;
}

int
qt_pump_davies_generator(qt_lindblad_t G, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t Bx,
                         const fmpq_t Bz, slong prec, char *reason)
{
    qt_pump_model_t M;
    qt_qmat_t Hq;
    qt_eigenprojectors_t E;
    qt_bohr_groups_t Bg;
    int st;
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK)
        return st;
    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    qt_qmat_init(Hq, M->d);
    qt_eigenprojectors_init(E);
    qt_bohr_groups_init(Bg);
    st = davies_generator(G, E, Bg, Hq, H, M, P, Bx, Bz, prec, reason);
    qt_pump_model_clear(M);
    qt_qmat_clear(Hq);
    qt_eigenprojectors_clear(E);
    qt_bohr_groups_clear(Bg);
    return st;
}

int
qt_pump_davies_steady_state(acb_mat_t rho, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t Bx,
                            const fmpq_t Bz, slong prec, char *reason)
{
    qt_lindblad_t G;
    int st;
    acb_mat_indeterminate(rho);
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK || (st = qt_pump_singlet_is_dark(P, reason)) != QT_OK)
        return st;
    qt_lindblad_init(G, acb_mat_nrows(rho));
    st = qt_pump_davies_generator(G, H, P, Bx, Bz, prec, reason);
    if (st == QT_OK)
        st = qt_lindblad_steady_state(rho, G, prec, reason);    /* lemma L3: certified, unique or refused */
    qt_lindblad_clear(G);
    return st;
}

int
qt_pump_davies_route(acb_ptr Lam, acb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                     slong prec, char *reason)
{
    qt_pump_model_t M;
    qt_qmat_t Hq;
    qt_eigenprojectors_t E;
    qt_bohr_groups_t Bg;
    qt_lindblad_t G;
    acb_mat_t H, dH[2], S, Y, X, Xk, D, T1;
    acb_t T, t;
    slong d, k, l, a, i, j, nb = qt_pump_n_baths(P);
    int st, neq = !qt_pump_equal_temperatures(P);

    if (Lam != NULL)
        for (k = 0; k < 2 * nb; k++)
            acb_indeterminate(Lam + k);
    if (zeta != NULL)
        for (k = 0; k < 4; k++)
            acb_indeterminate(zeta + k);
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK)
        return st;
    if (neq && qt_pump_is_product(P))
        return qt_fail(reason, QT_DOMAIN, "T_R: with coupling=local at T_R != T the Davies route is not used (the product route of lemma P16 sums one-qubit values)");

    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    d = M->d;
    qt_qmat_init(Hq, d);
    qt_eigenprojectors_init(E);
    qt_bohr_groups_init(Bg);
    qt_lindblad_init(G, d);
    acb_mat_init(H, d, d); acb_mat_init(dH[0], d, d); acb_mat_init(dH[1], d, d);
    acb_mat_init(S, d * d, d * d); acb_mat_init(Y, d, 2 * d); acb_mat_init(X, d, 2 * d); acb_mat_init(Xk, d, d);
    acb_mat_init(D, d, d); acb_mat_init(T1, d, d);
    acb_init(T); acb_init(t);

    if ((st = davies_generator(G, E, Bg, Hq, H, M, P, Bx, Bz, prec, reason)) != QT_OK)
        goto done;
    qt_qmat_get_acb_mat(dH[0], M->dH + 0, prec);
    qt_qmat_get_acb_mat(dH[1], M->dH + 1, prec);
    acb_set_fmpq(T, P->T, prec);
    /* Y = [d_x rho0 | d_z rho0]: the Gibbs derivative (lemma P17b), or at T_R != T the derivative of the
       non-equilibrium steady state sum_n p_n P_n from the population route (lemma P21) */
    if (neq && (st = nes_derivatives(Y, E, M, (const acb_mat_struct *) dH, P, prec, reason)) != QT_OK)
        goto done;
    for (k = 0; !neq && k < 2; k++)
    {
        qt_gibbs_derivative(D, E, dH[k], acb_realref(T), prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                acb_set(acb_mat_entry(Y, i, k * d + j), acb_mat_entry(D, i, j));
    }
    qt_lindblad_superop(S, G, prec);
    if ((st = qt_lindblad_drazin_solve(X, S, Y, prec, reason)) != QT_OK)
        goto done;
    for (k = 0; k < 2; k++)
    {
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                acb_set(acb_mat_entry(Xk, i, j), acb_mat_entry(X, i, k * d + j));
        if (Lam != NULL)
            for (a = 0; a < nb; a++)
            {
                qt_lindblad_apply(D, G, Xk, a, prec);
                acb_mat_mul(T1, H, D, prec);
                acb_mat_trace(t, T1, prec);
                acb_neg(Lam + 2 * a + k, t);
            }
        if (zeta != NULL)
            for (l = 0; l < 2; l++)
            {
                /* zeta_{lk} = tr(d_l H X_k) */
                acb_mat_mul(T1, dH[l], Xk, prec);
                acb_mat_trace(zeta + 2 * l + k, T1, prec);
            }
    }
done:
    qt_pump_model_clear(M);
    qt_qmat_clear(Hq);
    qt_eigenprojectors_clear(E);
    qt_bohr_groups_clear(Bg);
    qt_lindblad_clear(G);
    acb_mat_clear(H); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
    acb_mat_clear(S); acb_mat_clear(Y); acb_mat_clear(X); acb_mat_clear(Xk); acb_mat_clear(D); acb_mat_clear(T1);
    acb_clear(T); acb_clear(t);
    return st;
}
