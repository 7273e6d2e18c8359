/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_eigen.c -- Lambda_{a,k} for N_q = 1..3 qubits by the secular population route on a certified
 * eigen-decomposition (lemma P9 of proofs/pumping.md), holomorphic in (B_x, B_z):
 *   H = sum_j s (B_x sx_j + B_z sz_j) + J_c sum_<ij> (sx_i sx_j + sy_i sy_j + Delta sz_i sz_j), chain
 *   neighbours, s = 1 and J_c = J (pauli) or s = 1/2 and J_c = J/4 (spin: S = sigma/2);
 *   A_L = sum_j cL_j sx_j, A_R = sum_j cR_j sz_j (coupling layouts in pump.h; default c = (1, b, 1));
 *   eigen-decomposition H = sum_n E_n P_n (two Heisenberg qubits also have the closed form of route_heis2_closed.c):
 *   every matrix in the basis of the approximate eigenvectors R0 of H at the ball's centre (X -> R0^{-1} X R0, so H is nearly
 *   diagonal), certified simple eigenvalues (Rump discs, pairwise disjoint; a repeated level is refused) and the
 *   spectral projectors P_n = x_n y_n^T / (y_n^T x_n) from Rump enclosures of the right and left eigenvectors
 *   with x_n[n] = y_n[n] = 1 (holomorphic: no conjugation);
 *   W_a[m][n] = G_a(E_n - E_m) tr(P_m A_a P_n A_a), p = Gibbs, d_k p from d_k E_n = tr(P_n d_k H);
 *   Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n. */
#include <stdlib.h>
#include "pump_internal.h"

/* one Rump enclosure (acb_mat_eig_enclosure_rump) of the eigenpair of H (nearly diagonal) whose eigenvalue is near
 * lam and whose approximate eigenvector is the unit vector e_n: rows and columns n and d-1 are swapped first, since
 * Rump's method freezes the last component (the eigenvector enclosed is the one with x_n = 1, lemma P9); x = d x 1 */
static void
rump_unit_pair(acb_t E, acb_mat_t x, const acb_mat_t H, const acb_t lam, slong n, int transpose, slong prec)
{
    slong d = acb_mat_nrows(H), i, j;
    acb_mat_t Hp, Xa, X;
    acb_mat_init(Hp, d, d); acb_mat_init(Xa, d, 1); acb_mat_init(X, d, 1);
#define SWAP_ND(i) ((i) == n ? d - 1 : (i) == d - 1 ? n : (i))
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            acb_set(acb_mat_entry(Hp, SWAP_ND(i), SWAP_ND(j)), transpose ? acb_mat_entry(H, j, i) : acb_mat_entry(H, i, j));
    acb_one(acb_mat_entry(Xa, d - 1, 0));
    acb_mat_eig_enclosure_rump(E, NULL, X, Hp, lam, Xa, prec);
    for (i = 0; i < d; i++)
        acb_set(acb_mat_entry(x, SWAP_ND(i), 0), acb_mat_entry(X, i, 0));
#undef SWAP_ND
    acb_mat_clear(Hp); acb_mat_clear(Xa); acb_mat_clear(X);
}

/* certified simple levels of a nearly diagonal H (the model in the basis of its approximate eigenvectors): one Rump
 * disc per level (a disc that contains an eigenvalue of every matrix in the ball), pairwise disjoint (so d discs hold
 * d distinct eigenvalues), the right eigenvectors x_n (columns of X) and the left ones y_n (rows of Yt, divided by
 * y_n^T x_n), normalised by x_n[n] = y_n[n] = 1 (holomorphic: no conjugation; lemma P9).  Yt = X^{-1}, and the
 * spectral projectors are P_n = X e_n e_n^T Yt.  Returns 0 when the levels cannot be separated. */
static int
simple_levels(acb_ptr E, acb_mat_t X, acb_mat_t Yt, const acb_mat_t H, acb_srcptr Ea, slong prec)
{
    slong d = acb_mat_nrows(H), n, m, i;
    acb_mat_t x, y;
    acb_ptr El = _acb_vec_init(d);
    acb_t lam, s;
    int ok = 1;
    acb_mat_init(x, d, 1); acb_mat_init(y, d, 1);
    acb_init(lam); acb_init(s);
    for (n = 0; n < d && ok; n++)
    {
        acb_get_mid(lam, Ea + n);
        rump_unit_pair(E + n, x, H, lam, n, 0, prec);
        rump_unit_pair(El + n, y, H, lam, n, 1, prec);
        ok = acb_is_finite(E + n) && acb_is_finite(El + n) && acb_mat_is_finite(x) && acb_mat_is_finite(y);
        acb_zero(s);
        for (i = 0; i < d && ok; i++)
            acb_addmul(s, acb_mat_entry(y, i, 0), acb_mat_entry(x, i, 0), prec);
        ok = ok && !acb_contains_zero(s);
        for (i = 0; i < d && ok; i++)
        {
            acb_set(acb_mat_entry(X, i, n), acb_mat_entry(x, i, 0));
            acb_div(acb_mat_entry(Yt, n, i), acb_mat_entry(y, i, 0), s, prec);
        }
    }
    /* d pairwise disjoint discs E_n: each holds exactly one level, a simple one; the left disc El_n (an eigenvalue
       of H^T, i.e. of H) must meet no E_m with m != n, so that y_n belongs to the same level as x_n */
    for (n = 0; n < d && ok; n++)
        for (m = 0; m < d && ok; m++)
            if (m != n && (acb_overlaps(E + n, E + m) || acb_overlaps(El + n, E + m)))
                ok = 0;
    acb_mat_clear(x); acb_mat_clear(y);
    _acb_vec_clear(El, d);
    acb_clear(lam); acb_clear(s);
    return ok;
}

/* d_x H, d_z H (per unit field), A_L, A_R (and A_3, A_4) and the exchange part X (the exact model of model_exact.c) */
static void
model_matrices(acb_mat_struct *dH, acb_mat_struct *A, acb_mat_t X, const qt_pump_params_struct *P, const fmpq_t J,
               const fmpq_t Delta, const fmpq_t b, slong prec)
{
    qt_pump_model_t M;
    slong c;
    qt_pump_model_init(M, P, J, Delta, b);
    qt_qmat_get_acb_mat(dH + 0, M->dH + 0, prec);
    qt_qmat_get_acb_mat(dH + 1, M->dH + 1, prec);
    qt_qmat_get_acb_mat(X, M->X, prec);
    for (c = 0; c < qt_pump_n_baths(P); c++)
        acb_mat_zero(A + c);
    for (c = 0; c < M->nch; c++)
    {
        acb_mat_t T;
        acb_mat_init(T, M->d, M->d);
        qt_qmat_get_acb_mat(T, M->A + c, prec);
        acb_mat_add(A + M->bath[c], A + M->bath[c], T, prec);
        acb_mat_clear(T);
    }
    qt_pump_model_clear(M);
}

/* the population route (lemma P3/P9) from a decomposition (E_n, d_k E_n) and the transition weights
 * C_a[m][n] = tr(P_m A_a P_n A_a), reference level ref for the Gibbs weights:
 * Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n */

void
qt_pump_eigen_init(qt_pump_eigen_struct *D, slong d)
{
    slong k;
    D->d = d;
    acb_mat_init(D->H, d, d);
    acb_mat_init(D->dH + 0, d, d); acb_mat_init(D->dH + 1, d, d);
    for (k = 0; k < QT_PUMP_MAX_BATHS; k++)
        acb_mat_init(D->A + k, d, d);
    D->nb = 2;
    D->E = _acb_vec_init(d);
    D->dE = _acb_vec_init(2 * d);
}

void
qt_pump_eigen_clear(qt_pump_eigen_struct *D)
{
    slong k;
    acb_mat_clear(D->H);
    acb_mat_clear(D->dH + 0); acb_mat_clear(D->dH + 1);
    for (k = 0; k < QT_PUMP_MAX_BATHS; k++)
        acb_mat_clear(D->A + k);
    _acb_vec_clear(D->E, D->d);
    _acb_vec_clear(D->dE, 2 * D->d);
}

/* X <- Ri X R0 (a similarity by the exact point matrix R0, Ri an enclosure of its inverse) */
static void
similar(acb_mat_t X, const acb_mat_t Ri, const acb_mat_t R0, slong prec)
{
    acb_mat_mul(X, Ri, X, prec);
    acb_mat_mul(X, X, R0, prec);
}

int
qt_pump_eigen_at(qt_pump_eigen_struct *D, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                 const fmpq_t b, const acb_t Bx, const acb_t Bz, slong prec)
{
    slong d = D->d, n, k;
    acb_mat_t X, M1, R0, Ri;
    acb_ptr Ea;
    int ok;
    acb_mat_init(X, d, d); acb_mat_init(M1, d, d); acb_mat_init(R0, d, d); acb_mat_init(Ri, d, d);
    Ea = _acb_vec_init(d);
    /* X: the exchange part here, the right eigenvectors below */
    D->nb = qt_pump_n_baths(P);
    model_matrices(D->dH, D->A, X, P, J, Delta, b, prec);
    /* approximate eigenvectors R0 of H at the centre (an exact point matrix) and an enclosure Ri of R0^{-1} */
    acb_mat_scalar_mul_acb(M1, D->dH + 0, Bx, prec);
    acb_mat_scalar_addmul_acb(M1, D->dH + 1, Bz, prec);
    acb_mat_add(M1, M1, X, prec);
    acb_mat_get_mid(M1, M1);
    ok = acb_mat_approx_eig_qr(Ea, NULL, R0, M1, NULL, 0, prec);
    acb_mat_get_mid(R0, R0);
    ok = ok && acb_mat_inv(Ri, R0, prec);
    /* every matrix in that basis (lemma P9: the similarity leaves the levels and every trace of products of
       H, d_k H, A_a and the projectors unchanged; H' = Ri H R0 is nearly diagonal, so the ball products below
       overestimate far less than in the qubit basis) */
    if (ok)
    {
        similar(X, Ri, R0, prec);
        for (k = 0; k < 2; k++)
            similar(D->dH + k, Ri, R0, prec);
        for (k = 0; k < D->nb; k++)
            similar(D->A + k, Ri, R0, prec);
    }
    /* H' = B_x d_x H' + B_z d_z H' + X' */
    acb_mat_scalar_mul_acb(D->H, D->dH + 0, Bx, prec);
    acb_mat_scalar_addmul_acb(D->H, D->dH + 1, Bz, prec);
    acb_mat_add(D->H, D->H, X, prec);
    /* certified simple levels, the right eigenvectors (into X) and Yt = X^{-1} (the normalised left ones, into Ri;
       lemma P9); then d_k H and A_a in the eigenbasis (Yt (.) X, where P_n = e_n e_n^T) and d_k E_n = (d_k H)_nn
       (Hellmann-Feynman) */
    ok = ok && simple_levels(D->E, X, Ri, D->H, Ea, prec);
    for (k = 0; k < 2 && ok; k++)
    {
        similar(D->dH + k, Ri, X, prec);
        for (n = 0; n < d; n++)
            acb_set(D->dE + 2 * n + k, acb_mat_entry(D->dH + k, n, n));
    }
    for (k = 0; k < D->nb && ok; k++)
        similar(D->A + k, Ri, X, prec);
    acb_mat_clear(X); acb_mat_clear(M1); acb_mat_clear(R0); acb_mat_clear(Ri);
    _acb_vec_clear(Ea, d);
    return ok;
}

/* in the eigenbasis (P_n = e_n e_n^T, A = D->A[a], K = D->dH[k]): C_a[m][n] = tr(P_m A P_n A) = A_mn A_nm and, with
 * d_k P_m = sum_{j != m} (P_m K P_j + P_j K P_m)/(E_m - E_j) (lemma P19),
 *   d_k C_a[m][n] = sum_{j != m} (K_mj A_jn A_nm + K_jm A_mn A_nj)/(E_m - E_j) + (the same with m and n exchanged) */
void
qt_pump_eigen_weights(acb_mat_struct *C, acb_mat_struct *dC, const qt_pump_eigen_struct *D, slong prec)
{
    slong d = D->d, a, k, m, n, j;
    acb_ptr inv = _acb_vec_init(d * d);
    acb_t t, u;
    acb_init(t); acb_init(u);
    for (a = 0; a < D->nb; a++)
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                acb_zero(acb_mat_entry(C + a, m, n));
                if (m != n)
                    acb_mul(acb_mat_entry(C + a, m, n), acb_mat_entry(D->A + a, m, n), acb_mat_entry(D->A + a, n, m), prec);
            }
    if (dC == NULL)
        goto cleanup;
    /* inv[m d + j] = 1/(E_m - E_j) */
    for (m = 0; m < d; m++)
        for (j = 0; j < d; j++)
            if (j != m)
            {
                acb_sub(inv + m * d + j, D->E + m, D->E + j, prec);
                acb_inv(inv + m * d + j, inv + m * d + j, prec);
            }
    for (a = 0; a < D->nb; a++)
        for (k = 0; k < 2; k++)
            for (m = 0; m < d; m++)
                for (n = 0; n < d; n++)
                {
                    acb_ptr c = acb_mat_entry(dC + 2 * a + k, m, n);
                    slong r, q, side;
                    acb_zero(c);
                    if (m == n)
                        continue;
#define KE(i, l) acb_mat_entry(D->dH + k, i, l)
                    for (side = 0; side < 2; side++)
                    {
                        r = side ? n : m;          /* the projector differentiated */
                        q = side ? m : n;          /* the other one */
                        for (j = 0; j < d; j++)
                        {
                            if (j == r)
                                continue;
                            acb_mul(t, KE(r, j), acb_mat_entry(D->A + a, j, q), prec);
                            acb_mul(t, t, acb_mat_entry(D->A + a, q, r), prec);
                            acb_mul(u, KE(j, r), acb_mat_entry(D->A + a, r, q), prec);
                            acb_addmul(t, u, acb_mat_entry(D->A + a, q, j), prec);
                            acb_addmul(c, t, inv + r * d + j, prec);
                        }
                    }
#undef KE
                }
cleanup:
    _acb_vec_clear(inv, d * d);
    acb_clear(t); acb_clear(u);
}

int
qt_pump_lambda_eigen_acb(acb_ptr Lam, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                         const fmpq_t b, const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    slong N = P->n_qubits, d = (slong) 1 << N, k, nb = qt_pump_n_baths(P);
    qt_pump_eigen_struct D[1];
    int st = QT_OK;
    (void) analytic;     /* the eigen-decomposition fails (non-finite) wherever it is not holomorphic */

    qt_pump_eigen_init(D, d);
    if (!qt_pump_eigen_at(D, P, J, Delta, b, Bx, Bz, prec))
    {
        _acb_vec_indeterminate(Lam, 2 * nb);
        st = qt_fail(reason, QT_UNCERTIFIED,
                     "the levels of H could not be proven simple here (a level crossing or degeneracy; the secular population route needs non-degenerate levels)");
    }
    else
    {
        acb_mat_struct C[QT_PUMP_MAX_BATHS], dC[2 * QT_PUMP_MAX_BATHS];
        int neq = !qt_pump_equal_temperatures(P);
        for (k = 0; k < nb; k++)
            acb_mat_init(C + k, d, d);
        for (k = 0; k < 2 * nb; k++)
            acb_mat_init(dC + k, d, d);
        qt_pump_eigen_weights(C, neq ? dC : NULL, D, prec);
        st = qt_pump_population_lambda(Lam, P, D->E, C, neq ? dC : NULL, D->dE, 0, prec, reason);
        for (k = 0; k < nb; k++)
            acb_mat_clear(C + k);
        for (k = 0; k < 2 * nb; k++)
            acb_mat_clear(dC + k);
    }
    qt_pump_eigen_clear(D);
    return st;
}
