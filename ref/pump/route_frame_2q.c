/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_frame_2q.c -- the friction tensor of two qubits with Heisenberg exchange (Delta = 1, J != 0), holomorphic in
 * (B_x, B_z) for Re B^2 > 0 (lemma P18 of proofs/pumping.md), the integrand of the dissipation integrals.
 * In the frame of the field (the global rotation R about y taking z to n = B/r, r = sqrt(B_x^2 + B_z^2)) and in the
 * constant eigenbasis T+ = |00>, T0 = (|01> + |10>)/sqrt2, T- = |11>, S = (|01> - |10>)/sqrt2 of that frame:
 *   H' = diag(E), E_+- = J_c +- 2sr, E_0 = J_c, E_S = -3 J_c;
 *   sigma^x_j -> n_x sigma^z_j + n_z sigma^x_j, sigma^z_j -> n_z sigma^z_j - n_x sigma^x_j (couplings and d_k H);
 *   d_k rho0' = sum_m d_k p_m P_m + (d_k theta / 2) [K, rho0'], K = -i Sigma_y (real), d_x theta = n_z/r,
 *   d_z theta = -n_x/r, d_k E_+- = +-2 s n_k; p the Gibbs law at equal T, else the stationary law of the Pauli
 *   matrix from the closed weights of P13 with d_k p = -W^+ (d_k W) p (lemma P19), each bath at its temperature;
 *   the generic Bohr grouping (the Zeeman ladder 0 <- +, - <- 0 at 2sr and its reverse; every other transition
 *   alone), the Davies generator with transposed adjoints, a Drazin solve, zeta_{lk} = tr(d_l H' X'_k).
 * The operators are carried to the eigenbasis exactly (rational sums, then the factors 1 and 1/sqrt2), so the
 * superoperator's secular block structure consists of exact zeros and the Drazin solve works block by block
 * (lemma L5b): the 4 x 4 population block and coherence blocks of size 1 or 2.  Only n_x, n_z, r and the rates are
 * balls: little overestimation on complex parameter balls.  Off the finitely many radii where Bohr frequencies
 * coincide accidentally or levels cross (qt_pump_heis2_special_radii) this is the secular friction tensor; on a curve
 * those are isolated points, which do not change a line integral.
 * J = 0 (lemma P25): the same frame with the eigenspaces P_+, P_0 + P_S, P_- and their exact grouping; at T_R != T
 * (lemma P29) the stationary state of that generator by a Drazin solve and its exact derivative
 * d_k rho0' = -L'^+ (d_k L') rho0' (frame_stationary_derivatives). */
#include <stdlib.h>
#include "pump_internal.h"

/* level order +, 0, -, S; group ids: 0 = ladder down (w = 2sr), 1 = ladder up, then one per other transition */
static void
generic_grouping(slong *group, acb_ptr omega, slong *ngroups, acb_srcptr E, slong prec)
{
    slong m, n, g = 2;
    for (m = 0; m < 4; m++)
        for (n = 0; n < 4; n++)
        {
            if (m == n)
                group[m * 4 + n] = -1;
            else if ((m == 1 && n == 0) || (m == 2 && n == 1))
                group[m * 4 + n] = 0;
            else if ((m == 0 && n == 1) || (m == 1 && n == 2))
                group[m * 4 + n] = 1;
            else
            {
                group[m * 4 + n] = g;
                acb_sub(omega + g, E + n, E + m, prec);
                g++;
            }
        }
    acb_sub(omega + 0, E + 0, E + 1, prec);
    acb_sub(omega + 1, E + 1, E + 0, prec);
    *ngroups = g;
}

/* J = 0 (lemma P25): levels 2sr, 0, -2sr on the eigenspaces P_+, P_0 + P_S, P_-; every Bohr frequency is an integer
   multiple of 2sr, so the exact grouping is the same for every r > 0: 2sr (+ -> 0S, 0S -> -), -2sr, 4sr (+ -> -), -4sr */
static void
j0_grouping(slong *group, acb_ptr omega, slong *ngroups, const acb_t s, const acb_t r, slong prec)
{
    static const slong lb[3] = {2, 0, -2};
    slong m, n;
    acb_t t;
    acb_init(t);
    acb_mul(t, s, r, prec);
    for (m = 0; m < 3; m++)
        for (n = 0; n < 3; n++)
        {
            slong v = lb[n] - lb[m];            /* omega = E_n - E_m = v s r */
            group[m * 3 + n] = m == n ? -1 : v == 2 ? 0 : v == -2 ? 1 : v == 4 ? 2 : 3;
        }
    acb_mul_si(omega + 0, t, 2, prec);
    acb_mul_si(omega + 1, t, -2, prec);
    acb_mul_si(omega + 2, t, 4, prec);
    acb_mul_si(omega + 3, t, -4, prec);
    *ngroups = 4;
    acb_clear(t);
}

/* the eigenbasis projectors e_m e_m^T (exact) */
static void
frame_projectors(acb_mat_struct *Pr)
{
    slong m;
    for (m = 0; m < 4; m++)
    {
        acb_mat_zero(Pr + m);
        acb_one(acb_mat_entry(Pr + m, m, m));
    }
}

/* M' = U^T M U for the eigenbasis U = (v_a / |v_a|), v = (e0, e1 + e2, e3, e1 - e2) in the computational basis |00>,
 * |01>, |10>, |11> (qubit 1 most significant; P26's basis of two qubits): v_a^T M v_b is summed exactly, so an entry
 * that vanishes is an exact zero; then the factor 1/(|v_a| |v_b|) (1, 1/sqrt2 or 1/2) */
static void
eigenframe(acb_mat_t Mp, const qt_qmat_t M, slong prec)
{
    fmpz *wv = _fmpz_vec_init(16), *nrm = _fmpz_vec_init(4);
    slong n, i;
    qt_pump_multiplet_vectors(wv, 2);
    for (n = 0; n < 4; n++)
        for (i = 0; i < 4; i++)
            fmpz_addmul(nrm + n, wv + 4 * n + i, wv + 4 * n + i);
    qt_pump_multiplet_frame(Mp, M, wv, nrm, prec);
    _fmpz_vec_clear(wv, 16); _fmpz_vec_clear(nrm, 4);
}

/* the part of the route that depends on the model and the precision only, built once per curve (not per point): the
   model, its operators carried to the eigenbasis (eigenframe), each channel's rate and temperature */
struct qt_pump_frame2_struct
{
    slong prec;
    qt_pump_model_t Mq;
    acb_mat_t SX, SZ, X, K;
    acb_mat_struct *Az, *Ax;
    acb_ptr g, u;
    acb_t Jc;
};

static void
frame2_build(qt_pump_frame2_struct *F, const qt_pump_params_struct *P, slong prec)
{
    qt_qmat_t Kq;
    slong c;
    F->prec = prec;
    eigenframe(F->SX, F->Mq->dH + 0, prec);
    eigenframe(F->SZ, F->Mq->dH + 1, prec);
    eigenframe(F->X, F->Mq->X, prec);
    /* K = -i Sigma_y = sum_j (-i sigma_y)_j, (-i sigma_y) = [[0, -1], [1, 0]] on each qubit */
    qt_qmat_init(Kq, 4);
    qt_pump_rotation_generator(Kq, 2);
    eigenframe(F->K, Kq, prec);
    qt_qmat_clear(Kq);
    for (c = 0; c < F->Mq->nch; c++)
    {
        eigenframe(F->Az + c, F->Mq->Az + c, prec);
        eigenframe(F->Ax + c, F->Mq->Ax + c, prec);
        qt_pump_bath_rate(F->g + c, P, F->Mq->bath[c], prec);
        qt_pump_bath_temperature(F->u + c, P, (int) F->Mq->bath[c], prec);      /* each bath at its own temperature */
    }
    acb_set_fmpq(F->Jc, P->J, prec);
    if (P->convention == QT_PUMP_SPIN)
        acb_mul_2exp_si(F->Jc, F->Jc, -2);
}

static qt_pump_frame2_struct *
frame2_new(const qt_pump_params_struct *P)
{
    qt_pump_frame2_struct *F = flint_malloc(sizeof(qt_pump_frame2_struct));
    slong c;
    qt_pump_model_init(F->Mq, P, P->J, P->Delta, P->b);
    acb_mat_init(F->SX, 4, 4); acb_mat_init(F->SZ, 4, 4); acb_mat_init(F->X, 4, 4); acb_mat_init(F->K, 4, 4);
    F->Az = flint_malloc(sizeof(acb_mat_struct) * F->Mq->nch);
    F->Ax = flint_malloc(sizeof(acb_mat_struct) * F->Mq->nch);
    for (c = 0; c < F->Mq->nch; c++)
    {
        acb_mat_init(F->Az + c, 4, 4);
        acb_mat_init(F->Ax + c, 4, 4);
    }
    F->g = _acb_vec_init(F->Mq->nch);
    F->u = _acb_vec_init(F->Mq->nch);
    acb_init(F->Jc);
    F->prec = 0;                       /* built at the first precision asked for */
    return F;
}

static void
frame2_free(qt_pump_frame2_struct *F)
{
    slong c;
    if (F == NULL)
        return;
    for (c = 0; c < F->Mq->nch; c++)
    {
        acb_mat_clear(F->Az + c);
        acb_mat_clear(F->Ax + c);
    }
    flint_free(F->Az); flint_free(F->Ax);
    _acb_vec_clear(F->g, F->Mq->nch);
    _acb_vec_clear(F->u, F->Mq->nch);
    acb_mat_clear(F->SX); acb_mat_clear(F->SZ); acb_mat_clear(F->X); acb_mat_clear(F->K);
    acb_clear(F->Jc);
    qt_pump_model_clear(F->Mq);
    flint_free(F);
}

void
qt_pump_plan_init(qt_pump_plan_struct *F, const qt_pump_params_struct *P)
{
    F->P = P;
    F->frame = qt_pump_field_frame_like(P) ? frame2_new(P) : NULL;
}

void
qt_pump_plan_clear(qt_pump_plan_struct *F)
{
    frame2_free(F->frame);
    F->frame = NULL;
}

/* lemma P29 (J = 0 at T_R != T): the stationary state rho0' of the grouped frame generator L' (superoperator S) and
   Y_k = R^T d_k rho0 R = d_k rho0' + (d_k theta / 2) [K, rho0'] with d_k rho0' = -L'^+ (d_k L') rho0'.
   rho0' = 1/4 - L'^+ L'(1/4) (the unique traceless correction; the Drazin solve proves the stationary state unique).
   In the frame the projectors and the grouping are constant, L' depends on r through H' = r S_z' and the Bohr
   frequencies w_g (w_g' = w_g / r) and on theta through the couplings only (n = (sin theta, cos theta), so
   d_theta n_x = n_z, d_theta n_z = -n_x): d_k L' = n_k d_r L' + (d_k theta) d_theta L', d_k theta = (n_z, -n_x)_k / r */
static int
frame_stationary_derivatives(acb_mat_t Y, const acb_mat_t S, const qt_pump_frame2_struct *F,
                             const acb_mat_struct *Pr3, const slong *group, acb_srcptr omega, slong ngroups,
                             const acb_mat_t SZ, const acb_mat_t K, const acb_t r, const acb_t nx, const acb_t nz,
                             slong prec, char *reason)
{
    acb_mat_t I4, Y0, X0, rho, A, dA, Zr, Zt, Z, D, T1, T2;
    acb_ptr domega = _acb_vec_init(16);
    acb_t mnx, t, dth, invr;
    slong k, c, i, j, q;
    int st;
    acb_mat_init(I4, 4, 4); acb_mat_init(Y0, 16, 1); acb_mat_init(X0, 4, 4); acb_mat_init(rho, 4, 4);
    acb_mat_init(A, 4, 4); acb_mat_init(dA, 4, 4);
    acb_mat_init(Zr, 4, 4); acb_mat_init(Zt, 4, 4); acb_mat_init(Z, 4, 8); acb_mat_init(D, 4, 8);
    acb_mat_init(T1, 4, 4); acb_mat_init(T2, 4, 4);
    acb_init(mnx); acb_init(t); acb_init(dth); acb_init(invr);
    /* L'(1/4) = S vec(1/4) = (1/4) sum_i S[:, i + 4 i] */
    for (q = 0; q < 16; q++)
    {
        for (i = 0; i < 4; i++)
            acb_add(acb_mat_entry(Y0, q, 0), acb_mat_entry(Y0, q, 0), acb_mat_entry(S, q, 5 * i), prec);
        acb_mul_2exp_si(acb_mat_entry(Y0, q, 0), acb_mat_entry(Y0, q, 0), -2);
    }
    qt_mat_unvec(T1, Y0);
    if ((st = qt_lindblad_drazin_solve(X0, S, T1, prec, reason)) != QT_OK)
        goto done;
    acb_mat_one(I4);
    acb_mat_scalar_mul_2exp_si(I4, I4, -2);
    acb_mat_sub(rho, I4, X0, prec);
    acb_neg(mnx, nx);
    acb_inv(invr, r, prec);
    for (q = 0; q < ngroups; q++)
        acb_mul(domega + q, omega + q, invr, prec);
    /* Zr = (d_r L') rho0' = -i [S_z', rho0'] + the rates' derivatives; Zt = (d_theta L') rho0' */
    acb_mat_mul(T1, SZ, rho, prec);
    acb_mat_mul(T2, rho, SZ, prec);
    acb_mat_sub(Zr, T1, T2, prec);
    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
            acb_div_onei(acb_mat_entry(Zr, i, j), acb_mat_entry(Zr, i, j));      /* -i z = z / i */
    for (c = 0; c < F->Mq->nch; c++)
    {
        const acb_mat_struct *Az = F->Az + c, *Ax = F->Ax + c;
        if (F->Mq->bath[c] == 0)
        {
            qt_pump_frame_combination(A, nx, Az, nz, Ax, prec);         /* n_x S_z-part + n_z S_x-part */
            qt_pump_frame_combination(dA, nz, Az, mnx, Ax, prec);
        }
        else
        {
            qt_pump_frame_combination(A, nz, Az, mnx, Ax, prec);        /* n_z S_z-part - n_x S_x-part */
            acb_neg(t, nz);
            qt_pump_frame_combination(dA, mnx, Az, t, Ax, prec);
        }
        qt_davies_grouped_derivative_apply(Zr, Pr3, 3, group, omega, domega, ngroups, A, NULL, F->g + c, F->u + c, rho,
                                           prec);
        qt_davies_grouped_derivative_apply(Zt, Pr3, 3, group, omega, NULL, ngroups, A, dA, F->g + c, F->u + c, rho,
                                           prec);
    }
    for (k = 0; k < 2; k++)
    {
        acb_mul(dth, k == 0 ? nz : mnx, invr, prec);
        for (i = 0; i < 4; i++)
            for (j = 0; j < 4; j++)
            {
                acb_mul(t, acb_mat_entry(Zr, i, j), k == 0 ? nx : nz, prec);
                acb_addmul(t, acb_mat_entry(Zt, i, j), dth, prec);
                acb_set(acb_mat_entry(Z, i, 4 * k + j), t);
            }
    }
    if ((st = qt_lindblad_drazin_solve(D, S, Z, prec, reason)) != QT_OK)
        goto done;
    qt_pump_half_commutator(T1, K, rho, prec);
    for (k = 0; k < 2; k++)
    {
        acb_mul(dth, k == 0 ? nz : mnx, invr, prec);
        for (i = 0; i < 4; i++)
            for (j = 0; j < 4; j++)
            {
                acb_mul(t, acb_mat_entry(T1, i, j), dth, prec);
                acb_sub(acb_mat_entry(Y, i, 4 * k + j), t, acb_mat_entry(D, i, 4 * k + j), prec);
            }
    }
done:
    acb_mat_clear(I4); acb_mat_clear(Y0); acb_mat_clear(X0); acb_mat_clear(rho);
    acb_mat_clear(A); acb_mat_clear(dA);
    acb_mat_clear(Zr); acb_mat_clear(Zt); acb_mat_clear(Z); acb_mat_clear(D); acb_mat_clear(T1); acb_mat_clear(T2);
    acb_clear(mnx); acb_clear(t); acb_clear(dth); acb_clear(invr);
    _acb_vec_clear(domega, 16);
    return st;
}

/* lemmas P18 (J != 0), P25 (J = 0, equal T) and P29 (J = 0, T_R != T): zeta and, if Lam != NULL,
   Lambda_{a,k} = -tr(H' D'_a X'_k) from the same Drazin solve (the dissipator of bath a alone, in the frame: the trace
   is invariant under R) */
static int
frame_route(acb_ptr Lam, acb_ptr zeta, qt_pump_frame2_struct *F, const qt_pump_params_struct *P, const acb_t Bx,
            const acb_t Bz, int analytic, slong prec, char *reason)
{
    qt_lindblad_t G;
    acb_mat_struct Pr[4], Pr3[3];
    acb_mat_t H, dH[2], A, K, rho, T1, T2, S, Y, Xs;
    acb_t B2, r, s, T, nx, nz, mnx, t, dth;
    const acb_mat_struct *SX, *SZ, *X;
    acb_ptr E, p, dE, omega, dp;
    int neq = !qt_pump_equal_temperatures(P), j0 = qt_pump_collective_j0(P), ness = j0 && neq;
    slong group[16], ngroups, m, k, i, j, c;
    int st = QT_OK;

    for (k = 0; k < 4; k++)
    {
        acb_indeterminate(zeta + k);
        if (Lam != NULL)
            acb_indeterminate(Lam + k);
    }
    if (!qt_pump_field_frame_like(P))
        return qt_fail(reason, QT_DOMAIN, "n_qubits: the holomorphic two-qubit field-frame route (lemmas P18, P25) needs two qubits on shared baths in a sigma_x / sigma_z layout with Heisenberg exchange (Delta = 1) or J = 0");
    E = _acb_vec_init(4); p = _acb_vec_init(4); dE = _acb_vec_init(8); omega = _acb_vec_init(16);
    dp = _acb_vec_init(8);
    if (F->prec != prec)
        frame2_build(F, P, prec);
    SX = F->SX;
    SZ = F->SZ;
    X = F->X;
    qt_lindblad_init(G, 4);
    for (m = 0; m < 4; m++)
        acb_mat_init(Pr + m, 4, 4);
    for (m = 0; m < 3; m++)
        acb_mat_init(Pr3 + m, 4, 4);
    acb_mat_init(H, 4, 4); acb_mat_init(dH[0], 4, 4); acb_mat_init(dH[1], 4, 4);
    acb_mat_init(A, 4, 4); acb_mat_init(K, 4, 4); acb_mat_init(rho, 4, 4); acb_mat_init(T1, 4, 4);
    acb_mat_init(T2, 4, 4); acb_mat_init(S, 16, 16); acb_mat_init(Y, 4, 8); acb_mat_init(Xs, 4, 8);
    acb_init(B2); acb_init(r); acb_init(s); acb_init(T); acb_init(nx); acb_init(nz); acb_init(mnx);
    acb_init(t); acb_init(dth);

    if ((st = qt_pump_qubit_field(B2, r, s, T, zeta, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    acb_div(nx, Bx, r, prec);
    acb_div(nz, Bz, r, prec);
    acb_neg(mnx, nx);
    /* s Sigma_x, s Sigma_z (the model's d_k H), X in the eigenframe (F); the field-frame H' and d_k H' */
    acb_mat_scalar_mul_acb(H, SZ, r, prec);
    acb_mat_add(H, H, X, prec);
    qt_pump_frame_combination(dH[0], nx, SZ, nz, SX, prec);
    qt_pump_frame_combination(dH[1], nz, SZ, mnx, SX, prec);
    frame_projectors(Pr);
    acb_mat_set(K, F->K);                  /* K = -i Sigma_y in the eigenframe */
    /* levels, d_k E */
    acb_mul(t, s, r, prec);
    acb_mul_2exp_si(t, t, 1);
    acb_add(E + 0, F->Jc, t, prec);
    acb_set(E + 1, F->Jc);
    acb_sub(E + 2, F->Jc, t, prec);
    acb_mul_si(E + 3, F->Jc, -3, prec);
    for (k = 0; k < 2; k++)
    {
        const acb_struct *nk = k == 0 ? nx : nz;
        acb_mul(t, s, nk, prec);
        acb_mul_2exp_si(dE + 0 * 2 + k, t, 1);
        acb_zero(dE + 1 * 2 + k);
        acb_neg(dE + 2 * 2 + k, dE + 0 * 2 + k);
        acb_zero(dE + 3 * 2 + k);
    }
    /* ness (J = 0 at T_R != T, lemma P29): no populations; Y comes after the generator */
    if (!ness && !neq)
    {
        /* Gibbs weights (reference E_-) and their closed derivative */
        qt_pump_gibbs_populations(p, dp, E, dE, 4, 2, T, prec);
    }
    else if (!ness)
    {
        /* T_R != T: p the stationary law of the Pauli matrix built from the closed weights of P13 (the same basis
           +, 0, -, S), d_k p = -W^+ (d_k W) p (lemma P19); the frame rotation term below is unchanged */
        acb_mat_struct C[2], dC[4];
        for (i = 0; i < 2; i++)
            acb_mat_init(C + i, 4, 4);
        for (i = 0; i < 4; i++)
            acb_mat_init(dC + i, 4, 4);
        qt_pump_heis2_weights(C, dC, P, r, nx, nz, prec);
        st = qt_pump_stationary_populations_from_weights(p, dp, P, E, dE, C, dC, prec, reason);
        for (i = 0; i < 2; i++)
            acb_mat_clear(C + i);
        for (i = 0; i < 4; i++)
            acb_mat_clear(dC + i);
        if (st != QT_OK)
        {
            if (analytic)
                st = QT_UNCERTIFIED;
            goto done;
        }
    }
    if (!ness)
    {
        acb_mat_zero(rho);
        for (m = 0; m < 4; m++)
        {
            acb_mat_scalar_mul_acb(T1, Pr + m, p + m, prec);
            acb_mat_add(rho, rho, T1, prec);
        }
        qt_pump_half_commutator(K, K, rho, prec);
        for (k = 0; k < 2; k++)
        {
            /* R^T d_k rho0 R = sum_m d_k p_m P_m + (d_k theta / 2) [K, rho0'], d_k theta = (n_z, -n_x)_k / r */
            acb_div(dth, k == 0 ? nz : mnx, r, prec);
            acb_mat_scalar_mul_acb(rho, K, dth, prec);
            for (m = 0; m < 4; m++)
            {
                acb_mat_scalar_mul_acb(T1, Pr + m, dp + 2 * m + k, prec);
                acb_mat_add(rho, rho, T1, prec);
            }
            for (i = 0; i < 4; i++)
                for (j = 0; j < 4; j++)
                    acb_set(acb_mat_entry(Y, i, 4 * k + j), acb_mat_entry(rho, i, j));
        }
    }
    /* the generator with the generic grouping (J = 0: the eigenspaces P_+, P_0 + P_S, P_- and their exact grouping;
       rho0' and d_k rho0' above are unchanged, since E_0 = E_S and d_k E_0 = d_k E_S give p_0 = p_S, d_k p_0 = d_k p_S);
       bath L couples through sigma^x, bath R through sigma^z */
    if (j0)
    {
        acb_mat_set(Pr3 + 0, Pr + 0);
        acb_mat_add(Pr3 + 1, Pr + 1, Pr + 3, prec);
        acb_mat_set(Pr3 + 2, Pr + 2);
        j0_grouping(group, omega, &ngroups, s, r, prec);
    }
    else
        generic_grouping(group, omega, &ngroups, E, prec);
    qt_lindblad_set_hamiltonian(G, H);
    for (c = 0; c < F->Mq->nch; c++)
    {
        if (F->Mq->bath[c] == 0)
            qt_pump_frame_combination(A, nx, F->Az + c, nz, F->Ax + c, prec);
        else
            qt_pump_frame_combination(A, nz, F->Az + c, mnx, F->Ax + c, prec);
        qt_davies_add_grouped(G, j0 ? Pr3 : Pr, j0 ? 3 : 4, group, omega, ngroups, A, F->g + c, F->u + c, 1,
                              F->Mq->bath[c], prec);
    }
    qt_lindblad_superop(S, G, prec);
    if (ness)
        st = frame_stationary_derivatives(Y, S, F, Pr3, group, omega, ngroups, SZ, K, r, nx, nz, prec, reason);
    if (st != QT_OK || (st = qt_lindblad_drazin_solve(Xs, S, Y, prec, reason)) != QT_OK)
    {
        if (analytic)
            st = QT_UNCERTIFIED;
        goto done;
    }
    qt_pump_frame_zeta(zeta, dH[0], dH[1], Xs, prec);
    for (c = 0; Lam != NULL && c < 2; c++)
    {
        /* Lambda_{a,k} = -tr(H' D'_a X'_k) = -tr(D'_a^dual(H') X'_k) (lemma L1b; T2 = the dual applied to H' once per
           bath, T1 = X'_k) */
        qt_lindblad_apply_dual(T2, G, H, c, prec);
        for (k = 0; k < 2; k++)
        {
            for (i = 0; i < 4; i++)
                for (j = 0; j < 4; j++)
                    acb_set(acb_mat_entry(T1, i, j), acb_mat_entry(Xs, i, 4 * k + j));
            qt_acb_mat_trace_product(t, T2, T1, prec);
            acb_neg(Lam + 2 * c + k, t);
        }
    }
done:
    qt_lindblad_clear(G);
    for (m = 0; m < 4; m++)
        acb_mat_clear(Pr + m);
    for (m = 0; m < 3; m++)
        acb_mat_clear(Pr3 + m);
    acb_mat_clear(H); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
    acb_mat_clear(A); acb_mat_clear(K); acb_mat_clear(rho); acb_mat_clear(T1);
    acb_mat_clear(T2); acb_mat_clear(S); acb_mat_clear(Y); acb_mat_clear(Xs);
    acb_clear(B2); acb_clear(r); acb_clear(s); acb_clear(T); acb_clear(nx); acb_clear(nz); acb_clear(mnx);
    acb_clear(t); acb_clear(dth);
    _acb_vec_clear(E, 4); _acb_vec_clear(p, 4); _acb_vec_clear(dE, 8); _acb_vec_clear(omega, 16);
    _acb_vec_clear(dp, 8);
    if (st != QT_OK)
        for (k = 0; k < 4; k++)
        {
            acb_indeterminate(zeta + k);
            if (Lam != NULL)
                acb_indeterminate(Lam + k);
        }
    return st;
}

int
qt_pump_friction_heis2_frame_acb(acb_ptr zeta, qt_pump_frame2_struct *F, const qt_pump_params_struct *P,
                                 const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    return frame_route(NULL, zeta, F, P, Bx, Bz, analytic, prec, reason);
}

int
qt_pump_friction_heis2_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                           int analytic, slong prec, char *reason)
{
    qt_pump_plan_struct F;
    int st;
    qt_pump_plan_init(&F, P);
    st = qt_pump_friction_heis2_frame_acb(zeta, F.frame, P, Bx, Bz, analytic, prec, reason);
    qt_pump_plan_clear(&F);
    return st;
}

int
qt_pump_lambda_frame_plan_acb(acb_ptr Lam, qt_pump_frame2_struct *F, const qt_pump_params_struct *P, const acb_t Bx,
                              const acb_t Bz, int analytic, slong prec, char *reason)
{
    acb_ptr Z = _acb_vec_init(4);
    int st = frame_route(Lam, Z, F, P, Bx, Bz, analytic, prec, reason);
    _acb_vec_clear(Z, 4);
    return st;
}

int
qt_pump_lambda_frame_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                         int analytic, slong prec, char *reason)
{
    qt_pump_plan_struct F;
    int st;
    qt_pump_plan_init(&F, P);
    st = qt_pump_lambda_frame_plan_acb(Lam, F.frame, P, Bx, Bz, analytic, prec, reason);
    qt_pump_plan_clear(&F);
    return st;
}

slong
qt_pump_heis2_special_radii(fmpq *radii, const qt_pump_params_struct *P)
{
    /* the generic grouping's frequencies and the levels E_+- = J_c +- 2sr, E_0 = J_c, E_S = -3 J_c are affine in r */
    return qt_pump_frame_special_radii(radii, 16, P);
}
