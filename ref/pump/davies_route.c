/* davies_route.c -- Lambda_{a,k} and the friction tensor zeta_{kl} of the N_q-qubit pump model at an exact real
 * point by the global Davies generator (lemma P17 of proofs/pumping.md):
 *   the exact H (model_exact.c), its levels and projectors from the characteristic polynomial factored over Q
 *   (qt_eigenprojectors), the exact Bohr-frequency grouping (qt_bohr_groups, lemma P17a), the dissipator of each
 *   coupling channel (qt_davies_add_bath), rho0 the Gibbs state and d_k rho0 by Daleckii-Krein (lemma P17b),
 *   X_k = L^+ d_k rho0 (certified Drazin solve), Lambda_{a,k} = -tr(H D_a X_k), zeta_{kl} = tr(d_k H X_l).
 * Degenerate levels are allowed (their projectors have rank > 1); the steady state must be unique (else the
 * Drazin solve reports it).  Equal temperatures only (rho0 is then the Gibbs state). */
#include "pump_internal.h"

/* the temperature of bath a (0 = L at T, 1 = R at T_R, which defaults to T) */
static void
bath_temperature(acb_t T, const qt_pump_params_struct *P, int a, slong prec)
{
    acb_set_fmpq(T, (a == 1 && !qt_pump_equal_temperatures(P)) ? P->T_R : P->T, prec);
}

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
        acb_set_fmpq(g, M->bath[c] == 0 ? P->gamma_L : P->gamma_R, prec);
        bath_temperature(T, P, M->bath[c], prec);
        qt_davies_add_bath(G, E, Bg, A, g, T, M->bath[c], prec);
    }
    acb_mat_clear(A);
    acb_clear(T); acb_clear(g);
    return QT_OK;
}

int
qt_pump_davies_steady_state(acb_mat_t rho, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t Bx,
                            const fmpq_t Bz, slong prec, char *reason)
{
    qt_pump_model_t M;
    qt_qmat_t Hq;
    qt_eigenprojectors_t E;
    qt_bohr_groups_t Bg;
    qt_lindblad_t G;
    int st;
    acb_mat_indeterminate(rho);
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK)
        return st;
    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    qt_qmat_init(Hq, M->d);
    qt_eigenprojectors_init(E);
    qt_bohr_groups_init(Bg);
    qt_lindblad_init(G, M->d);
    st = davies_generator(G, E, Bg, Hq, H, M, P, Bx, Bz, prec, reason);
    if (st == QT_OK)
        st = qt_lindblad_steady_state(rho, G, prec, reason);    /* lemma L3: certified, unique or refused */
    qt_pump_model_clear(M);
    qt_qmat_clear(Hq);
    qt_eigenprojectors_clear(E);
    qt_bohr_groups_clear(Bg);
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
    slong d, k, l, a, i, j;
    int st;

    if (Lam != NULL)
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
    if (zeta != NULL)
        for (k = 0; k < 4; k++)
            acb_indeterminate(zeta + k);
    if (!qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "T_R: the global Davies route (and the friction tensor) is implemented at equal temperatures only");
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK)
        return st;

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
    /* Y = [d_x rho0 | d_z rho0] */
    for (k = 0; k < 2; k++)
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
            for (a = 0; a < 2; a++)
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
