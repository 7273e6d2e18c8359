/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_frame_3q.c -- the friction tensor of three qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths
 * in a named layout at equal temperatures, holomorphic in (B_x, B_z) for Re B^2 > 0 (lemma P31 of proofs/pumping.md),
 * the integrand of the dissipation integrals: lemma P18 with the multiplet basis of P26 in place of T+, T0, T-, S.
 * In the frame of the field (the rotation R about y taking z to n = B/r) X and s r Sigma_z share the constant basis
 * w_n (the integer vectors of P26, checked exactly there), H' = diag(of_n + sl_n r); sigma^x_j -> n_x sigma^z_j +
 * n_z sigma^x_j, sigma^z_j -> n_z sigma^z_j - n_x sigma^x_j; the Gibbs law with d_k E_n = sl_n n_k and the rotation
 * term (d_k theta / 2) [K, rho0'], K = -i Sigma_y; the generic Bohr grouping: two transitions share a group iff their
 * frequencies of_n - of_m + (sl_n - sl_m) r agree as functions of r (the quartet's Zeeman ladder); a Drazin solve,
 * zeta_{lk} = tr(d_l H' X'_k).  The operators are carried to the basis exactly (integer sums, then 1/|w_m||w_n|), so
 * the secular block structure consists of exact zeros.  Off the finitely many radii of qt_pump_frame_special_radii
 * (groups coincide or levels cross) this is the secular friction tensor.  The pieces shared with the two-qubit route
 * are in frame_pieces.c. */
#include "pump_internal.h"

int
qt_pump_friction_heis3_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                           int analytic, slong prec, char *reason)
{
    const slong d = 8;
    qt_pump_model_t Mq;
    qt_pump_axis_struct X[1];
    qt_lindblad_t G;
    qt_qmat_t Kq;
    acb_mat_struct Pr[8];
    acb_mat_t H, dH[2], SX, SZ, Xf, Az, Ax, A, K, rho, T1, S, Y, Xs;
    acb_t B2, r, s, T, nx, nz, mnx, t, g, u, dth;
    acb_ptr E = _acb_vec_init(8), dE = _acb_vec_init(16), p = _acb_vec_init(8), dp = _acb_vec_init(16),
            omega = _acb_vec_init(64);
    fmpz *wv = _fmpz_vec_init(64), *nrm = _fmpz_vec_init(8);
    slong m, n, k, i, j, c, ref;
    int st = QT_OK;

    _acb_vec_indeterminate(zeta, 4);
    qt_pump_axis_init(X, d);
    qt_pump_model_init(Mq, P, P->J, P->Delta, P->b);
    qt_lindblad_init(G, d);
    for (m = 0; m < d; m++)
    {
        acb_mat_init(Pr + m, d, d);
        acb_one(acb_mat_entry(Pr + m, m, m));
    }
    acb_mat_init(H, d, d); acb_mat_init(dH[0], d, d); acb_mat_init(dH[1], d, d); acb_mat_init(SX, d, d);
    acb_mat_init(SZ, d, d); acb_mat_init(Xf, d, d); acb_mat_init(Az, d, d); acb_mat_init(Ax, d, d);
    acb_mat_init(A, d, d); acb_mat_init(K, d, d); acb_mat_init(rho, d, d); acb_mat_init(T1, d, d);
    acb_mat_init(S, d * d, d * d); acb_mat_init(Y, d, 2 * d); acb_mat_init(Xs, d, 2 * d);
    acb_init(B2); acb_init(r); acb_init(s); acb_init(T); acb_init(nx); acb_init(nz); acb_init(mnx);
    acb_init(t); acb_init(g); acb_init(u); acb_init(dth);
    qt_qmat_init(Kq, d);

    if (!qt_pump_heis3_like(P))
    {
        st = qt_fail(reason, QT_DOMAIN, "n_qubits: the three-qubit field-frame route (lemma P31) needs three qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths in a named layout");
        goto done;
    }
    if (!qt_pump_equal_temperatures(P))
    {
        st = qt_fail(reason, QT_DOMAIN, "%s: the three-qubit field-frame route (lemma P31) is proven at equal temperatures only", qt_pump_unequal_temperature_field(P));
        goto done;
    }
    if ((st = qt_pump_parity_sectors_dark(P, reason)) != QT_OK || (st = qt_pump_axis_model(X, P, 1, reason)) != QT_OK)
        goto done;
    if ((st = qt_pump_qubit_field(B2, r, s, T, zeta, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    acb_div(nx, Bx, r, prec);
    acb_div(nz, Bz, r, prec);
    acb_neg(mnx, nx);
    qt_pump_multiplet_vectors(wv, 3);
    for (n = 0; n < d; n++)
        for (i = 0; i < d; i++)
            fmpz_addmul(nrm + n, wv + n * d + i, wv + n * d + i);
    /* the field-frame operators in the multiplet basis: s Sigma_x, s Sigma_z, X, K = -i Sigma_y (real) */
    qt_pump_multiplet_frame(SX, Mq->dH + 0, wv, nrm, prec);
    qt_pump_multiplet_frame(SZ, Mq->dH + 1, wv, nrm, prec);
    qt_pump_multiplet_frame(Xf, Mq->X, wv, nrm, prec);
    qt_pump_rotation_generator(Kq, 3);
    qt_pump_multiplet_frame(K, Kq, wv, nrm, prec);
    acb_mat_scalar_mul_acb(H, SZ, r, prec);
    acb_mat_add(H, H, Xf, prec);
    qt_pump_frame_combination(dH[0], nx, SZ, nz, SX, prec);
    qt_pump_frame_combination(dH[1], nz, SZ, mnx, SX, prec);
    /* levels of_n + sl_n r, d_k E_n = sl_n n_k; the Gibbs law (shifted by the lowest level at the midpoint) */
    ref = 0;
    for (n = 0; n < d; n++)
    {
        acb_set_fmpq(E + n, X->sl + n, prec);
        acb_mul(dE + 2 * n + 0, E + n, nx, prec);
        acb_mul(dE + 2 * n + 1, E + n, nz, prec);
        acb_mul(E + n, E + n, r, prec);
        acb_set_fmpq(t, X->of + n, prec);
        acb_add(E + n, E + n, t, prec);
        if (arf_cmp(arb_midref(acb_realref(E + n)), arb_midref(acb_realref(E + ref))) < 0)
            ref = n;
    }
    qt_pump_gibbs_populations(p, dp, E, dE, d, ref, T, prec);
    acb_mat_zero(rho);
    for (n = 0; n < d; n++)
        acb_set(acb_mat_entry(rho, n, n), p + n);
    /* Y_k = R^T d_k rho0 R = diag(d_k p) + (d_k theta / 2) [K, rho0'], d_k theta = (n_z, -n_x)_k / r */
    qt_pump_half_commutator(T1, K, rho, prec);
    for (k = 0; k < 2; k++)
    {
        acb_div(dth, k == 0 ? nz : mnx, r, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                acb_mul(acb_mat_entry(Y, i, d * k + j), acb_mat_entry(T1, i, j), dth, prec);
                if (i == j)
                    acb_add(acb_mat_entry(Y, i, d * k + j), acb_mat_entry(Y, i, d * k + j), dp + 2 * i + k, prec);
            }
    }
    /* the generator with the generic grouping; bath L couples through sigma^x, bath R through sigma^z */
    for (i = 0; i < X->ng; i++)
    {
        acb_set_fmpq(omega + i, X->db + i, prec);
        acb_mul(omega + i, omega + i, r, prec);
        acb_set_fmpq(t, X->da + i, prec);
        acb_add(omega + i, omega + i, t, prec);
    }
    qt_lindblad_set_hamiltonian(G, H);
    for (c = 0; c < Mq->nch; c++)
    {
        qt_pump_multiplet_frame(Az, Mq->Az + c, wv, nrm, prec);
        qt_pump_multiplet_frame(Ax, Mq->Ax + c, wv, nrm, prec);
        qt_pump_frame_combination(A, Mq->bath[c] == 0 ? nx : nz, Az, Mq->bath[c] == 0 ? nz : mnx, Ax, prec);
        qt_pump_bath_rate(g, P, Mq->bath[c], prec);
        acb_set(u, T);
        qt_davies_add_grouped(G, Pr, d, X->group, omega, X->ng, A, g, u, 1, Mq->bath[c], prec);
    }
    qt_lindblad_superop(S, G, prec);
    if ((st = qt_lindblad_drazin_solve(Xs, S, Y, prec, reason)) != QT_OK)
    {
        if (analytic)
            st = QT_UNCERTIFIED;
        goto done;
    }
    qt_pump_frame_zeta(zeta, dH[0], dH[1], Xs, prec);
done:
    if (st != QT_OK)
        _acb_vec_indeterminate(zeta, 4);
    qt_pump_axis_clear(X);
    qt_pump_model_clear(Mq);
    qt_lindblad_clear(G);
    for (m = 0; m < d; m++)
        acb_mat_clear(Pr + m);
    acb_mat_clear(H); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]); acb_mat_clear(SX);
    acb_mat_clear(SZ); acb_mat_clear(Xf); acb_mat_clear(Az); acb_mat_clear(Ax);
    acb_mat_clear(A); acb_mat_clear(K); acb_mat_clear(rho); acb_mat_clear(T1);
    acb_mat_clear(S); acb_mat_clear(Y); acb_mat_clear(Xs);
    acb_clear(B2); acb_clear(r); acb_clear(s); acb_clear(T); acb_clear(nx); acb_clear(nz); acb_clear(mnx);
    acb_clear(t); acb_clear(g); acb_clear(u); acb_clear(dth);
    qt_qmat_clear(Kq);
    _acb_vec_clear(E, 8); _acb_vec_clear(dE, 16); _acb_vec_clear(p, 8); _acb_vec_clear(dp, 16);
    _acb_vec_clear(omega, 64);
    _fmpz_vec_clear(wv, 64); _fmpz_vec_clear(nrm, 8);
    return st;
}
