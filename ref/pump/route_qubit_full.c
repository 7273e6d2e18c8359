/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_qubit_full.c -- Lambda_{a,k} and the friction tensor of one qubit by the full Lindblad route (the 4 x 4
 * superoperator of the Davies generator with its coherence block and a Drazin solve), holomorphic in (B_x, B_z)
 * (lemmas P1-P3, P8 of proofs/pumping.md); the second method for the closed routes and the factor of the
 * product route's friction tensor:
 *   H = s (B_x sx + B_z sz), B = sqrt(B_x^2 + B_z^2) (principal branch, Re B^2 > 0), u = H/(sB),
 *   P_e = (1 + u)/2, P_g = (1 - u)/2, one Bohr frequency w = 2 s B;
 *   D_a = G_a(w) D[P_g A_a P_e] + G_a(-w) D[P_e A_a P_g] + G_a(0) D[P_e A_a P_e + P_g A_a P_g],
 *   G_a(w) = gamma_a w / (1 - e^{-w/T}), G_a(-w) = G_a(w) e^{-w/T}, G_a(0) = gamma_a T;
 *   rho0 = (1 - tanh(sB/T) u)/2 (the Gibbs state, KMS), d_k rho0 in closed form;
 *   X_k = L^+ d_k rho0 (Drazin solve), Lambda_{a,k} = -tr(H D_a(X_k)).
 * Every operator is a real analytic function of (B_x, B_z); adjoints are plain transposes. */
#include "pump_internal.h"

static void
set2(acb_mat_t A, const acb_t a, const acb_t b, const acb_t c, const acb_t d)
{
    acb_set(acb_mat_entry(A, 0, 0), a);
    acb_set(acb_mat_entry(A, 0, 1), b);
    acb_set(acb_mat_entry(A, 1, 0), c);
    acb_set(acb_mat_entry(A, 1, 1), d);
}

/* the full route; if zeta != NULL also the friction tensor zeta_{kl} = tr(d_k H L^+ d_l rho0)
 * (zeta[2k + l]) */
static int
full_route(acb_ptr Lam, acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
           int analytic, slong prec, char *reason)
{
    acb_t s, B2, B, w, T, e, g, r, f, df, t, one, zero, x;
    acb_mat_t H, u, Pe, Pg, A, Al, Au, A0, Alt, Aut, A0t, M, D, rho_d, X, Y, sig[2];
    qt_lindblad_t G;
    slong a, k;
    int st = QT_OK;

    acb_init(s); acb_init(B2); acb_init(B); acb_init(w); acb_init(T); acb_init(e); acb_init(g);
    acb_init(r); acb_init(f); acb_init(df); acb_init(t); acb_init(one); acb_init(zero); acb_init(x);
    acb_mat_init(H, 2, 2); acb_mat_init(u, 2, 2); acb_mat_init(Pe, 2, 2); acb_mat_init(Pg, 2, 2);
    acb_mat_init(A, 2, 2); acb_mat_init(Al, 2, 2); acb_mat_init(Au, 2, 2); acb_mat_init(A0, 2, 2);
    acb_mat_init(Alt, 2, 2); acb_mat_init(Aut, 2, 2); acb_mat_init(A0t, 2, 2); acb_mat_init(M, 4, 4);
    acb_mat_init(D, 2, 2); acb_mat_init(rho_d, 2, 4); acb_mat_init(X, 2, 4); acb_mat_init(Y, 2, 2);
    acb_mat_init(sig[0], 2, 2); acb_mat_init(sig[1], 2, 2);
    qt_lindblad_init(G, 2);
    acb_one(one);

    if (!qt_pump_equal_temperatures(P))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        st = qt_fail(reason, QT_DOMAIN, "T_R: the full Lindblad route (and the friction tensor) is implemented at equal temperatures only");
        goto done;
    }
    if ((st = qt_pump_qubit_field(B2, B, s, T, Lam, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    /* sigma_x, sigma_z; H = s (B_x sx + B_z sz); u = H/(s B) */
    set2(sig[0], zero, one, one, zero);
    acb_neg(t, one);
    set2(sig[1], one, zero, zero, t);
    acb_mul(x, s, Bx, prec);
    acb_mul(t, s, Bz, prec);
    acb_neg(e, t);
    set2(H, t, x, x, e);
    acb_div(x, Bx, B, prec);
    acb_div(t, Bz, B, prec);
    acb_neg(e, t);
    set2(u, t, x, x, e);
    acb_mat_one(Pe);
    acb_mat_add(Pe, Pe, u, prec);
    acb_mat_scalar_mul_2exp_si(Pe, Pe, -1);
    acb_mat_one(Pg);
    acb_mat_sub(Pg, Pg, u, prec);
    acb_mat_scalar_mul_2exp_si(Pg, Pg, -1);

    /* w = 2 s B; G(w) = gamma w / (1 - e^{-w/T}) = -gamma w / expm1(-w/T); G(-w) = G(w) e^{-w/T} */
    acb_mul(w, s, B, prec);
    acb_mul_2exp_si(w, w, 1);
    acb_div(e, w, T, prec);
    acb_neg(e, e);
    qt_lindblad_set_hamiltonian(G, H);
    for (a = 0; a < 2; a++)
    {
        qt_pump_bath_rate(g, P, a, prec);
        acb_mat_set(A, sig[a == 0 ? 0 : 1]);            /* A_L = sigma_x, A_R = sigma_z */
        acb_mat_mul(Al, Pg, A, prec);
        acb_mat_mul(Al, Al, Pe, prec);                  /* lowering: gives w to the bath */
        acb_mat_mul(Au, Pe, A, prec);
        acb_mat_mul(Au, Au, Pg, prec);
        acb_mat_mul(A0, Pe, A, prec);
        acb_mat_mul(A0, A0, Pe, prec);
        acb_mat_mul(Y, Pg, A, prec);
        acb_mat_mul(Y, Y, Pg, prec);
        acb_mat_add(A0, A0, Y, prec);
        acb_mat_transpose(Alt, Al);
        acb_mat_transpose(Aut, Au);
        acb_mat_transpose(A0t, A0);
        /* rates */
        acb_expm1(t, e, prec);
        acb_div(r, w, t, prec);
        acb_neg(r, r);
        acb_mul(r, r, g, prec);                         /* G(w) */
        qt_lindblad_add_with_adjoint(G, Al, Alt, r, a, prec);
        acb_exp(t, e, prec);
        acb_mul(r, r, t, prec);                         /* G(-w) */
        qt_lindblad_add_with_adjoint(G, Au, Aut, r, a, prec);
        acb_mul(r, g, T, prec);                         /* G(0) = gamma T */
        qt_lindblad_add_with_adjoint(G, A0, A0t, r, a, prec);
    }

    /* d_k rho0 = -(1/2) (d_k f u + f d_k u), f = tanh(sB/T), d_k f = (s/T)(1 - f^2) lambda_k / B,
       d_k u = sigma_k / B - u lambda_k / B^2 (lemma P2) */
    acb_mul(t, s, B, prec);
    acb_div(t, t, T, prec);
    acb_tanh(f, t, prec);
    for (k = 0; k < 2; k++)
    {
        const acb_struct *lk = k == 0 ? Bx : Bz;
        slong i, j;
        acb_mul(df, f, f, prec);
        acb_sub(df, one, df, prec);
        acb_mul(df, df, s, prec);
        acb_div(df, df, T, prec);
        acb_mul(df, df, lk, prec);
        acb_div(df, df, B, prec);
        for (i = 0; i < 2; i++)
            for (j = 0; j < 2; j++)
            {
                /* d_k u entry */
                acb_div(x, acb_mat_entry(sig[k], i, j), B, prec);
                acb_mul(t, acb_mat_entry(u, i, j), lk, prec);
                acb_div(t, t, B2, prec);
                acb_sub(x, x, t, prec);
                acb_mul(x, x, f, prec);
                acb_addmul(x, df, acb_mat_entry(u, i, j), prec);
                acb_mul_2exp_si(x, x, -1);
                acb_neg(acb_mat_entry(rho_d, i, 2 * k + j), x);
            }
    }
    qt_lindblad_superop(M, G, prec);
    st = qt_lindblad_drazin_solve(X, M, rho_d, prec, reason);
    if (st != QT_OK)
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        goto done;
    }
    for (a = 0; a < 2; a++)
        for (k = 0; k < 2; k++)
        {
            slong i, j;
            acb_mat_t Xk;
            acb_mat_init(Xk, 2, 2);
            for (i = 0; i < 2; i++)
                for (j = 0; j < 2; j++)
                    acb_set(acb_mat_entry(Xk, i, j), acb_mat_entry(X, i, 2 * k + j));
            qt_lindblad_apply(D, G, Xk, a, prec);
            acb_mat_mul(Y, H, D, prec);
            acb_mat_trace(Lam + 2 * a + k, Y, prec);
            acb_neg(Lam + 2 * a + k, Lam + 2 * a + k);
            acb_mat_clear(Xk);
        }
    if (zeta != NULL)
        for (k = 0; k < 2; k++)
        {
            slong l, i, j;
            for (l = 0; l < 2; l++)
            {
                /* tr(d_k H X_l), d_k H = s sigma_k */
                acb_zero(zeta + 2 * k + l);
                for (i = 0; i < 2; i++)
                    for (j = 0; j < 2; j++)
                        acb_addmul(zeta + 2 * k + l, acb_mat_entry(sig[k], i, j), acb_mat_entry(X, j, 2 * l + i), prec);
                acb_mul(zeta + 2 * k + l, zeta + 2 * k + l, s, prec);
            }
        }
done:
    acb_clear(s); acb_clear(B2); acb_clear(B); acb_clear(w); acb_clear(T); acb_clear(e); acb_clear(g);
    acb_clear(r); acb_clear(f); acb_clear(df); acb_clear(t); acb_clear(one); acb_clear(zero); acb_clear(x);
    acb_mat_clear(H); acb_mat_clear(u); acb_mat_clear(Pe); acb_mat_clear(Pg);
    acb_mat_clear(A); acb_mat_clear(Al); acb_mat_clear(Au); acb_mat_clear(A0);
    acb_mat_clear(Alt); acb_mat_clear(Aut); acb_mat_clear(A0t); acb_mat_clear(M);
    acb_mat_clear(D); acb_mat_clear(rho_d); acb_mat_clear(X); acb_mat_clear(Y);
    acb_mat_clear(sig[0]); acb_mat_clear(sig[1]);
    qt_lindblad_clear(G);
    return st;
}

int
qt_pump_lambda_full_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                        int analytic, slong prec, char *reason)
{
    if (qt_pump_is_product(P))
        return qt_pump_product_sum(Lam, 4, qt_pump_lambda_full_acb, P, Bx, Bz, analytic, prec, reason);
    if (!qt_pump_single_like(P))
    {
        /* interacting qubits: the global Davies route at exact real points (lemma P17) */
        fmpq_t x, z;
        int st;
        if (!acb_is_exact(Bx) || !acb_is_exact(Bz) || !acb_is_real(Bx) || !acb_is_real(Bz))
        {
            slong k;
            for (k = 0; k < 4; k++)
                acb_indeterminate(Lam + k);
            return qt_fail(reason, QT_DOMAIN, "n_qubits: the full route for interacting qubits needs an exact real point (the exact Bohr-frequency grouping of lemma P17)");
        }
        fmpq_init(x); fmpq_init(z);
        arf_get_fmpq(x, arb_midref(acb_realref(Bx)));
        arf_get_fmpq(z, arb_midref(acb_realref(Bz)));
        st = qt_pump_davies_route(Lam, NULL, P, x, z, prec, reason);
        fmpq_clear(x); fmpq_clear(z);
        return st;
    }
    return full_route(Lam, NULL, P, Bx, Bz, analytic, prec, reason);
}

/* the friction tensor of one qubit by the full route (the factor of the product route) */
int
qt_pump_friction_qubit_full_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz, int analytic,
                    slong prec, char *reason)
{
    acb_ptr L = _acb_vec_init(4);
    int st = full_route(L, zeta, P, Bx, Bz, analytic, prec, reason);
    _acb_vec_clear(L, 4);
    return st;
}
