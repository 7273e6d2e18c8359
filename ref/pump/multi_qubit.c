/* multi_qubit.c -- Lambda_{a,k} for N_q = 1..3 qubits by the secular population route (lemma P9 of
 * proofs/pumping.md), holomorphic in (B_x, B_z):
 *   H = sum_j s (B_x sx_j + B_z sz_j) + J_c sum_<ij> (sx_i sx_j + sy_i sy_j + Delta sz_i sz_j), chain
 *   neighbours, s = 1 and J_c = J (pauli) or s = 1/2 and J_c = J/4 (spin: S = sigma/2);
 *   A_L = sum_j cL_j sx_j, A_R = sum_j cR_j sz_j (coupling layouts in pump.h; default c = (1, b, 1));
 *   eigen-decomposition H = sum_n E_n P_n: for two qubits with Delta = 1 the closed form of lemma P13
 *   (triplet along n = B/|B| and singlet; levels followed as analytic branches), otherwise every matrix in the
 *   basis of the approximate eigenvectors R0 of H at the ball's centre (X -> R0^{-1} X R0, so H is nearly
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

/* coupling amplitudes of qubit j to bath a (0 = L, 1 = R) in the named layout */
static void
coupling_amp(acb_t c, const qt_pump_params_struct *P, const fmpq_t b, int a, slong j, slong prec)
{
    fmpq_t q;
    fmpq_init(q);
    qt_pump_coupling_amplitude(q, P, b, a, j);
    acb_set_fmpq(c, q, prec);
    fmpq_clear(q);
}

static void
field_and_exchange_scale(acb_t s, acb_t Jc, const qt_pump_params_struct *P, const fmpq_t J, slong prec)
{
    fmpq_t sq, Jq;
    fmpq_init(sq); fmpq_init(Jq);
    qt_pump_convention_scales(sq, Jq, P, J);
    acb_set_fmpq(s, sq, prec);
    acb_set_fmpq(Jc, Jq, prec);
    fmpq_clear(sq); fmpq_clear(Jq);
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
/* the diagonal of a rate matrix (or of its derivative): minus the sum of the off-diagonal column entries */
static void
column_sums_to_zero(acb_mat_t W, slong prec)
{
    slong d = acb_mat_nrows(W), m, n;
    acb_t t;
    acb_init(t);
    for (n = 0; n < d; n++)
    {
        acb_zero(t);
        for (m = 0; m < d; m++)
            if (m != n)
                acb_add(t, t, acb_mat_entry(W, m, n), prec);
        acb_neg(acb_mat_entry(W, n, n), t);
    }
    acb_clear(t);
}

/* the Pauli rate matrices W_a (rate n -> m is G_a(E_n - E_m) C_a[m][n], bath a at temperature Ta[a]) and, if dC is
 * given, their derivatives dW[2a + k] (d_k E = dE[2n + k], d_k C_a = dC[2a + k]; lemma P19) */
static void
rate_matrices(acb_mat_struct *Wa, acb_mat_struct *dW, const qt_pump_params_struct *P, acb_srcptr E,
              const acb_mat_struct *C, const acb_mat_struct *dC, acb_srcptr dE, acb_srcptr Ta, slong prec)
{
    slong d = acb_mat_nrows(C + 0), a, m, n, k;
    acb_t g, om, t, u;
    acb_init(g); acb_init(om); acb_init(t); acb_init(u);
    for (a = 0; a < qt_pump_n_baths(P); a++)
    {
        acb_mat_zero(Wa + a);
        if (dC != NULL)
            for (k = 0; k < 2; k++)
                acb_mat_zero(dW + 2 * a + k);
        qt_pump_bath_rate(g, P, a, prec);
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                if (m == n)
                    continue;
                /* rate n -> m is G_a(E_n - E_m) C_a[m][n] (energy E_n - E_m to the bath) */
                acb_sub(om, E + n, E + m, prec);
                qt_ohmic_rate_acb(t, g, om, Ta + a, prec);
                acb_mul(acb_mat_entry(Wa + a, m, n), t, acb_mat_entry(C + a, m, n), prec);
                if (dC == NULL)
                    continue;
                /* d_k: G'_a (d_k E_n - d_k E_m) C_a[m][n] + G_a d_k C_a[m][n] */
                qt_ohmic_rate_derivative_acb(u, g, om, Ta + a, prec);
                for (k = 0; k < 2; k++)
                {
                    acb_ptr w = acb_mat_entry(dW + 2 * a + k, m, n);
                    acb_sub(w, dE + 2 * n + k, dE + 2 * m + k, prec);
                    acb_mul(w, w, u, prec);
                    acb_mul(w, w, acb_mat_entry(C + a, m, n), prec);
                    acb_addmul(w, t, acb_mat_entry(dC + 2 * a + k, m, n), prec);
                }
            }
        column_sums_to_zero(Wa + a, prec);
        for (k = 0; dC != NULL && k < 2; k++)
            column_sums_to_zero(dW + 2 * a + k, prec);
    }
    acb_clear(g); acb_clear(om); acb_clear(t); acb_clear(u);
}

/* the stationary populations W p = 0, sum p = 1, and d_k p = -W^+ (d_k W) p (lemma P19), M1 = W with row 0 replaced
 * by ones, dW[2a + k] = d_k W_a (a < nb); 0 if a system cannot be proven nonsingular */
static int
nes_populations(acb_mat_t pv, acb_mat_struct *dpv, const acb_mat_t M1, const acb_mat_struct *dW, slong nb, slong prec)
{
    slong d = acb_mat_nrows(M1), k, a;
    acb_mat_t y, M2;
    int ok;
    acb_mat_init(y, d, 1); acb_mat_init(M2, d, d);
    acb_one(acb_mat_entry(y, 0, 0));
    ok = acb_mat_solve_precond(pv, M1, y, prec);
    for (k = 0; ok && k < 2; k++)
    {
        /* W z = -(d_k W) p (traceless: the columns of d_k W sum to 0), sum z = 0 */
        acb_mat_set(M2, dW + k);
        for (a = 1; a < nb; a++)
            acb_mat_add(M2, M2, dW + 2 * a + k, prec);
        acb_mat_mul(y, M2, pv, prec);
        acb_mat_neg(y, y);
        acb_zero(acb_mat_entry(y, 0, 0));
        ok = acb_mat_solve_precond(dpv + k, M1, y, prec);
    }
    acb_mat_clear(y); acb_mat_clear(M2);
    return ok;
}

void
qt_pump_gibbs_populations(acb_ptr p, acb_ptr dp, acb_srcptr E, acb_srcptr dE, slong d, slong ref, const acb_t T,
                          slong prec)
{
    slong n, k;
    acb_t t, u;
    acb_init(t); acb_init(u);
    /* p_n = e^{-(E_n - E_ref)/T} / Z, shifted by E_ref for stability */
    acb_zero(u);
    for (n = 0; n < d; n++)
    {
        acb_sub(t, E + n, E + ref, prec);
        acb_div(t, t, T, prec);
        acb_neg(t, t);
        acb_exp(p + n, t, prec);
        acb_add(u, u, p + n, prec);
    }
    for (n = 0; n < d; n++)
        acb_div(p + n, p + n, u, prec);
    /* d_k p_n = -p_n (d_k E_n - <d_k E>)/T */
    for (k = 0; k < 2; k++)
    {
        acb_zero(u);
        for (n = 0; n < d; n++)
            acb_addmul(u, p + n, dE + 2 * n + k, prec);
        for (n = 0; n < d; n++)
        {
            acb_sub(t, u, dE + 2 * n + k, prec);
            acb_div(t, t, T, prec);
            acb_mul(dp + 2 * n + k, t, p + n, prec);
        }
    }
    acb_clear(t); acb_clear(u);
}

/* the rate matrices Wa (each bath at its temperature), their derivatives dW if dC != NULL, and M1 = sum_a W_a with
 * row 0 replaced by ones (the trace row: lemma L5 on the population block) */
static void
pauli_system(acb_mat_struct *Wa, acb_mat_struct *dW, acb_mat_t M1, const qt_pump_params_struct *P, acb_srcptr E,
             const acb_mat_struct *C, const acb_mat_struct *dC, acb_srcptr dE, slong prec)
{
    slong n, a, nb = qt_pump_n_baths(P);
    acb_ptr Ta = _acb_vec_init(nb);
    for (a = 0; a < nb; a++)
        qt_pump_bath_temperature(Ta + a, P, a, prec);
    rate_matrices(Wa, dW, P, E, C, dC, dE, Ta, prec);
    acb_mat_set(M1, Wa + 0);
    for (a = 1; a < nb; a++)
        acb_mat_add(M1, M1, Wa + a, prec);
    for (n = 0; n < acb_mat_nrows(M1); n++)
        acb_one(acb_mat_entry(M1, 0, n));
    _acb_vec_clear(Ta, nb);
}

/* the rate matrices Wa (bath a at its temperature), the stationary populations p and the Drazin solutions
 * x[k] = W^+ d_k p (sum x = 0; lemma P9).  Equal temperatures: p is the Gibbs law (levels shifted by E_ref) and d_k p
 * its closed derivative.  Unequal temperatures (dC given, lemma P19): p is the kernel of W = sum_a W_a with sum 1 and
 * d_k p = -W^+ (d_k W) p.  Returns 0 if W cannot be proven to have a unique stationary state. */
int
qt_pump_population_solve(acb_mat_struct *x, acb_mat_struct *Wa, acb_ptr p, const qt_pump_params_struct *P,
                         acb_srcptr E, const acb_mat_struct *C, const acb_mat_struct *dC, acb_srcptr dE, slong ref,
                         slong prec)
{
    slong d = acb_mat_nrows(C + 0), n, k, nb = qt_pump_n_baths(P);
    acb_mat_t M1, y, pv;
    acb_mat_struct dW[2 * QT_PUMP_MAX_BATHS], dpv[2];
    acb_ptr dp = _acb_vec_init(2 * d);
    acb_t T;
    int ok = 1, neq = (dC != NULL);
    acb_mat_init(M1, d, d); acb_mat_init(y, d, 1);
    acb_mat_init(pv, d, 1); acb_mat_init(dpv + 0, d, 1); acb_mat_init(dpv + 1, d, 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_init(dW + k, d, d);
    acb_init(T);
    acb_set_fmpq(T, P->T, prec);
    /* W^+ with sum x = 0: the trace row replaces row 0, rhs 0 */
    pauli_system(Wa, dW, M1, P, E, C, dC, dE, prec);
    if (!neq)
        qt_pump_gibbs_populations(p, dp, E, dE, d, ref, T, prec);
    else
    {
        ok = nes_populations(pv, dpv, M1, dW, nb, prec);
        for (n = 0; n < d; n++)
        {
            acb_set(p + n, acb_mat_entry(pv, n, 0));
            for (k = 0; k < 2; k++)
                acb_set(dp + 2 * n + k, acb_mat_entry(dpv + k, n, 0));
        }
    }
    for (k = 0; k < 2 && ok; k++)
    {
        for (n = 0; n < d; n++)
            acb_set(acb_mat_entry(y, n, 0), dp + 2 * n + k);
        acb_zero(acb_mat_entry(y, 0, 0));
        ok = acb_mat_solve_precond(x + k, M1, y, prec);
    }
    acb_mat_clear(M1); acb_mat_clear(y); acb_mat_clear(pv);
    acb_mat_clear(dpv + 0); acb_mat_clear(dpv + 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_clear(dW + k);
    _acb_vec_clear(dp, 2 * d);
    acb_clear(T);
    return ok;
}

/* Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n (lemma P9) from qt_pump_population_solve */
static int
population_route(acb_ptr Lam, const qt_pump_params_struct *P, acb_srcptr E, const acb_mat_struct *C,
                 const acb_mat_struct *dC, acb_srcptr dE, slong ref, slong prec, char *reason)
{
    slong d = acb_mat_nrows(C + 0), a, m, n, k, i, nb = qt_pump_n_baths(P);
    acb_mat_struct Wa[QT_PUMP_MAX_BATHS], x[2];
    acb_ptr p;
    acb_t t, u;
    int st = QT_OK;
    for (a = 0; a < nb; a++)
        acb_mat_init(Wa + a, d, d);
    acb_mat_init(x + 0, d, 1); acb_mat_init(x + 1, d, 1);
    p = _acb_vec_init(d);
    acb_init(t); acb_init(u);
    if (!qt_pump_population_solve(x, Wa, p, P, E, C, dC, dE, ref, prec))
    {
        for (i = 0; i < 2 * nb; i++)
            acb_indeterminate(Lam + i);
        st = qt_fail(reason, QT_UNCERTIFIED, "the population rate matrix could not be proven to have a unique stationary state (a dark level makes the Drazin inverse undefined)");
    }
    else
        for (k = 0; k < 2; k++)
            /* -sum_n E_n (W_a x)_n = -sum_m x_m h_a[m], h_a[m] = sum_{n != m} (E_n - E_m) W_a[n][m] (columns of
               W_a sum to 0): no cancellation against the large diagonal */
            for (a = 0; a < nb; a++)
            {
                acb_zero(Lam + 2 * a + k);
                for (m = 0; m < d; m++)
                {
                    acb_zero(u);
                    for (n = 0; n < d; n++)
                    {
                        if (n == m)
                            continue;
                        acb_sub(t, E + n, E + m, prec);
                        acb_addmul(u, t, acb_mat_entry(Wa + a, n, m), prec);
                    }
                    acb_submul(Lam + 2 * a + k, u, acb_mat_entry(x + k, m, 0), prec);
                }
            }
    for (a = 0; a < nb; a++)
        acb_mat_clear(Wa + a);
    acb_mat_clear(x + 0); acb_mat_clear(x + 1);
    _acb_vec_clear(p, d);
    acb_clear(t); acb_clear(u);
    return st;
}

/* the sandwiches S[a d + n] = A_a P_n A_a, shared by the weights and their derivatives */
static void
sandwiches(acb_mat_struct *S, const acb_mat_struct *Pr, const acb_mat_struct *A, slong nb, slong prec)
{
    slong d = acb_mat_nrows(A + 0), a, n;
    acb_mat_t M;
    acb_mat_init(M, d, d);
    for (a = 0; a < nb; a++)
        for (n = 0; n < d; n++)
        {
            acb_mat_mul(M, A + a, Pr + n, prec);
            acb_mat_mul(S + a * d + n, M, A + a, prec);
        }
    acb_mat_clear(M);
}

/* C_a[m][n] = tr(P_m A_a P_n A_a) = tr(P_m S[a d + n]) */
static void
weights_from_projectors(acb_mat_struct *C, const acb_mat_struct *Pr, const acb_mat_struct *S, slong nb, slong prec)
{
    slong d = acb_mat_nrows(Pr + 0), a, m, n;
    for (a = 0; a < nb; a++)
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                acb_zero(acb_mat_entry(C + a, m, n));
                if (m != n)
                    qt_acb_mat_trace_product(acb_mat_entry(C + a, m, n), Pr + m, S + a * d + n, prec);
            }
}

/* d_k C_a[m][n] = tr(d_k P_m A P_n A) + tr(P_m A d_k P_n A) = tr(d_k P_m S[a d + n]) + tr(d_k P_n S[a d + m]) with
 * the first-order perturbation of the simple projectors d_k P_n = sum_{j != n} (P_n d_kH P_j + P_j d_kH P_n)/(E_n - E_j)
 * (lemma P19); each pair {n, j} is formed once and enters d_k P_n and d_k P_j with opposite signs */
static void
weight_derivatives(acb_mat_struct *dC, const acb_mat_struct *Pr, const acb_mat_struct *S, acb_srcptr E,
                   const acb_mat_struct *dH, slong nb, slong prec)
{
    slong d = acb_mat_nrows(Pr + 0), a, k, m, n, j;
    acb_mat_t M1, M2;
    acb_mat_struct *dP;
    acb_t t, u;
    acb_mat_init(M1, d, d); acb_mat_init(M2, d, d);
    acb_init(t); acb_init(u);
    dP = flint_malloc(2 * d * sizeof(acb_mat_struct));
    for (n = 0; n < 2 * d; n++)
        acb_mat_init(dP + n, d, d);
    for (k = 0; k < 2; k++)
        for (n = 0; n < d; n++)
            for (j = n + 1; j < d; j++)
            {
                acb_mat_mul(M1, Pr + n, dH + k, prec);
                acb_mat_mul(M2, M1, Pr + j, prec);
                acb_mat_mul(M1, Pr + j, dH + k, prec);
                acb_mat_mul(M1, M1, Pr + n, prec);
                acb_mat_add(M1, M1, M2, prec);
                acb_sub(t, E + n, E + j, prec);
                acb_inv(t, t, prec);
                acb_mat_scalar_addmul_acb(dP + 2 * n + k, M1, t, prec);
                acb_neg(t, t);
                acb_mat_scalar_addmul_acb(dP + 2 * j + k, M1, t, prec);
            }
    for (a = 0; a < nb; a++)
        for (k = 0; k < 2; k++)
            for (m = 0; m < d; m++)
                for (n = 0; n < d; n++)
                {
                    acb_ptr c = acb_mat_entry(dC + 2 * a + k, m, n);
                    acb_zero(c);
                    if (m == n)
                        continue;
                    qt_acb_mat_trace_product(c, dP + 2 * m + k, S + a * d + n, prec);
                    qt_acb_mat_trace_product(u, dP + 2 * n + k, S + a * d + m, prec);
                    acb_add(c, c, u, prec);
                }
    for (n = 0; n < 2 * d; n++)
        acb_mat_clear(dP + n);
    flint_free(dP);
    acb_mat_clear(M1); acb_mat_clear(M2);
    acb_clear(t); acb_clear(u);
}

int
qt_pump_stationary_populations_from_weights(acb_ptr p, acb_ptr dp, const qt_pump_params_struct *P, acb_srcptr E,
                                            acb_srcptr dE, const acb_mat_struct *C, const acb_mat_struct *dC,
                                            slong prec, char *reason)
{
    slong d = acb_mat_nrows(C + 0), k, n, nb = qt_pump_n_baths(P);
    acb_mat_struct Wa[QT_PUMP_MAX_BATHS], dW[2 * QT_PUMP_MAX_BATHS], dpv[2];
    acb_mat_t M1, pv;
    int st = QT_OK;
    for (k = 0; k < nb; k++)
        acb_mat_init(Wa + k, d, d);
    for (k = 0; k < 2; k++)
        acb_mat_init(dpv + k, d, 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_init(dW + k, d, d);
    acb_mat_init(M1, d, d); acb_mat_init(pv, d, 1);
    pauli_system(Wa, dW, M1, P, E, C, dC, dE, prec);
    if (!nes_populations(pv, dpv, M1, dW, nb, prec))
    {
        _acb_vec_indeterminate(p, d);
        _acb_vec_indeterminate(dp, 2 * d);
        st = qt_fail(reason, QT_UNCERTIFIED, "the population rate matrix could not be proven to have a unique stationary state (a dark level)");
    }
    else
        for (n = 0; n < d; n++)
        {
            acb_set(p + n, acb_mat_entry(pv, n, 0));
            for (k = 0; k < 2; k++)
                acb_set(dp + 2 * n + k, acb_mat_entry(dpv + k, n, 0));
        }
    for (k = 0; k < nb; k++)
        acb_mat_clear(Wa + k);
    for (k = 0; k < 2; k++)
        acb_mat_clear(dpv + k);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_clear(dW + k);
    acb_mat_clear(M1); acb_mat_clear(pv);
    return st;
}

int
qt_pump_stationary_populations(acb_ptr p, acb_ptr dp, const qt_pump_params_struct *P, acb_srcptr E, acb_srcptr dE,
                               const acb_mat_struct *Pr, const acb_mat_struct *A, const acb_mat_struct *dH,
                               slong prec, char *reason)
{
    slong d = acb_mat_nrows(A + 0), k, n, nb = qt_pump_n_baths(P);
    acb_mat_struct C[QT_PUMP_MAX_BATHS], dC[2 * QT_PUMP_MAX_BATHS], *S;
    int st;
    for (k = 0; k < nb; k++)
        acb_mat_init(C + k, d, d);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_init(dC + k, d, d);
    S = flint_malloc(nb * d * sizeof(acb_mat_struct));
    for (n = 0; n < nb * d; n++)
        acb_mat_init(S + n, d, d);
    sandwiches(S, Pr, A, nb, prec);
    weights_from_projectors(C, Pr, S, nb, prec);
    weight_derivatives(dC, Pr, S, E, dH, nb, prec);
    st = qt_pump_stationary_populations_from_weights(p, dp, P, E, dE, C, dC, prec, reason);
    for (k = 0; k < nb; k++)
        acb_mat_clear(C + k);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_clear(dC + k);
    for (n = 0; n < nb * d; n++)
        acb_mat_clear(S + n);
    flint_free(S);
    return st;
}

/* lemma P13 (weights): A = c1 s_1 + c2 s_2 = u Sigma + v Delta, u = (c1 + c2)/2, v = (c1 - c2)/2,
 * Delta = s_1 - s_2.  In the basis (+, 0, -, S) along n = (nx, nz) (perp = (nz, -nx)):
 * |<0|Sigma_perp|+->|^2 = 2, |<S|Delta_n|0>|^2 = 4, |<S|Delta_perp|+->|^2 = 2, Sigma_n and the + <-> -
 * pair give nothing.  sigma_x = nx (.)_n + nz (.)_perp, sigma_z = nz (.)_n - nx (.)_perp, so for bath L (x):
 * C[+-][0] = 2u^2 nz^2, C[0][S] = 4v^2 nx^2, C[+-][S] = 2v^2 nz^2; bath R (z): nx <-> nz. */
static void
heis2_fill(acb_mat_t C, const acb_t u2, const acb_t v2, const acb_t p2, const acb_t q2, slong prec)
{
    acb_t t;
    acb_init(t);
    acb_mat_zero(C);
    acb_mul(t, u2, p2, prec);
    acb_mul_2exp_si(t, t, 1);                 /* 2 u^2 p^2: + <-> 0, - <-> 0 */
    acb_set(acb_mat_entry(C, 0, 1), t); acb_set(acb_mat_entry(C, 1, 0), t);
    acb_set(acb_mat_entry(C, 2, 1), t); acb_set(acb_mat_entry(C, 1, 2), t);
    acb_mul(t, v2, q2, prec);
    acb_mul_2exp_si(t, t, 2);                 /* 4 v^2 q^2: 0 <-> S */
    acb_set(acb_mat_entry(C, 1, 3), t); acb_set(acb_mat_entry(C, 3, 1), t);
    acb_mul(t, v2, p2, prec);
    acb_mul_2exp_si(t, t, 1);                 /* 2 v^2 p^2: + <-> S, - <-> S */
    acb_set(acb_mat_entry(C, 0, 3), t); acb_set(acb_mat_entry(C, 3, 0), t);
    acb_set(acb_mat_entry(C, 2, 3), t); acb_set(acb_mat_entry(C, 3, 2), t);
    acb_clear(t);
}

/* the weights C_a and, if dC != NULL, their derivatives dC[2a + k] (lemma P19: with n = B/r,
 * d_x(n_x^2) = 2 n_x n_z^2 / r, d_z(n_x^2) = -2 n_x^2 n_z / r, d_k(n_z^2) = -d_k(n_x^2)) */
void
qt_pump_heis2_weights(acb_mat_struct *C, acb_mat_struct *dC, const qt_pump_params_struct *P, const acb_t r,
              const acb_t nx, const acb_t nz, slong prec)
{
    slong a, k;
    acb_t c1, c2, u2, v2, p2, q2, dp2, dq2;
    acb_ptr dx2 = _acb_vec_init(2);
    acb_init(c1); acb_init(c2); acb_init(u2); acb_init(v2); acb_init(p2); acb_init(q2);
    acb_init(dp2); acb_init(dq2);
    qt_pump_nx2_gradient(dx2, nx, nz, r, prec);
    for (a = 0; a < 2; a++)
    {
        coupling_amp(c1, P, P->b, (int) a, 0, prec);
        coupling_amp(c2, P, P->b, (int) a, 1, prec);
        acb_add(u2, c1, c2, prec);
        acb_mul_2exp_si(u2, u2, -1);
        acb_mul(u2, u2, u2, prec);
        acb_sub(v2, c1, c2, prec);
        acb_mul_2exp_si(v2, v2, -1);
        acb_mul(v2, v2, v2, prec);
        /* p = component along perp that multiplies Sigma_perp (nz for x, -nx for z), q = along n */
        acb_mul(p2, a == 0 ? nz : nx, a == 0 ? nz : nx, prec);
        acb_mul(q2, a == 0 ? nx : nz, a == 0 ? nx : nz, prec);
        heis2_fill(C + a, u2, v2, p2, q2, prec);
        for (k = 0; dC != NULL && k < 2; k++)
        {
            /* bath L: p2 = n_z^2, q2 = n_x^2; bath R: p2 = n_x^2, q2 = n_z^2 */
            acb_set(dq2, dx2 + k);
            if (a == 1)
                acb_neg(dq2, dq2);
            acb_neg(dp2, dq2);
            heis2_fill(dC + 2 * a + k, u2, v2, dp2, dq2, prec);
        }
    }
    acb_clear(c1); acb_clear(c2); acb_clear(u2); acb_clear(v2); acb_clear(p2); acb_clear(q2);
    _acb_vec_clear(dx2, 2);
    acb_clear(dp2); acb_clear(dq2);
}

/* lemma P13: two qubits, H = s r (n.Sigma) + J_c sigma_1.sigma_2 (Delta = 1), Sigma = sigma_1 + sigma_2.  The
 * spectral projectors are P_S = (1 - sigma_1.sigma_2)/4, P_+- = M(M +- 1)/2, P_0 = 1 - M^2 - P_S with M = (n.Sigma)/2;
 * they enter only through the closed weights of qt_pump_heis2_weights, so only the levels are formed here:
 * E_+ = 2sr + J_c, E_0 = J_c, E_- = -2sr + J_c, E_S = -3 J_c; d_k E_+- = +-2 s n_k, d_k E_0 = d_k E_S = 0.
 * Polynomials in (r, n): holomorphic, no eigenvalue enclosure needed, and the same formulas on both sides of
 * the crossing E_- = E_S. */
static void
heis2_levels(acb_ptr E, acb_ptr dE, const qt_pump_params_struct *P, const acb_t r, const acb_t nx,
             const acb_t nz, slong prec)
{
    acb_t s, Jc, t;
    slong k;
    acb_init(s); acb_init(Jc); acb_init(t);
    field_and_exchange_scale(s, Jc, P, P->J, prec);
    /* energies (order +, 0, -, S) and d_k E */
    acb_mul(t, s, r, prec);
    acb_mul_2exp_si(t, t, 1);                    /* 2 s r */
    acb_add(E + 0, Jc, t, prec);
    acb_set(E + 1, Jc);
    acb_sub(E + 2, Jc, t, prec);
    acb_mul_si(E + 3, Jc, -3, prec);
    for (k = 0; k < 2; k++)
    {
        acb_mul(t, s, k == 0 ? nx : nz, prec);
        acb_mul_2exp_si(dE + 0 + k, t, 1);
        acb_zero(dE + 2 + k);
        acb_neg(dE + 4 + k, dE + 0 + k);
        acb_zero(dE + 6 + k);
    }
    acb_clear(s); acb_clear(Jc); acb_clear(t);
}

static int
heis2_applies(const qt_pump_params_struct *P, const fmpq_t Delta)
{
    /* the closed weights of P13 assume the sigma_x / sigma_z layouts; coupling=matrix takes the eigen route */
    return P->n_qubits == 2 && fmpq_is_one(Delta) && P->route == QT_PUMP_ROUTE_AUTO && P->coupling != QT_PUMP_COUPLING_MATRIX
           && P->n_extra == 0;
}

int
qt_pump_uses_eigen_route(const qt_pump_params_struct *P)
{
    return !qt_pump_single_like(P) && !qt_pump_collective_j0(P) && !heis2_applies(P, P->Delta);
}

int
qt_pump_level_crossing_radius(fmpq_t Bc, const qt_pump_params_struct *P)
{
    if (P->n_qubits != 2 || !fmpq_is_one(P->Delta) || fmpq_is_zero(P->J))
        return 0;
    /* E_- = E_S at 2 s r = 4 J_c (J_c > 0); E_+ = E_S at 2 s r = -4 J_c (J_c < 0): r = 2 |J_c| / s
       (pauli: 2|J|; spin: 2 (|J|/4) / (1/2) = |J|) */
    fmpq_t s;
    fmpq_init(s);
    qt_pump_convention_scales(s, Bc, P, P->J);
    fmpq_abs(Bc, Bc);
    fmpq_mul_2exp(Bc, Bc, 1);
    fmpq_div(Bc, Bc, s);
    fmpq_clear(s);
    return 1;
}

int
qt_pump_lambda_heis2_polar_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t r, const acb_t nx,
                               const acb_t nz, slong prec, char *reason)
{
    acb_mat_struct C[2], dC[4];
    acb_ptr E, dE;
    slong k;
    int st, neq = !qt_pump_equal_temperatures(P);
    if (P->n_qubits != 2 || !fmpq_is_one(P->Delta) || P->coupling == QT_PUMP_COUPLING_MATRIX || P->n_extra != 0)
        return qt_fail(reason, QT_DOMAIN, "the closed two-qubit route needs n_qubits = 2, Delta = 1, a sigma_x / sigma_z coupling layout and the two baths L, R");
    if (fmpq_is_zero(P->J))
    {
        _acb_vec_indeterminate(Lam, 4);
        return qt_fail(reason, QT_DOMAIN, "J: the closed two-qubit route (lemma P13) needs J != 0 (at J = 0 the levels T_0 and S coincide everywhere; circles, sectors and polygons use the field-frame route of lemma P25)");
    }
    E = _acb_vec_init(4);
    dE = _acb_vec_init(8);
    acb_mat_init(C + 0, 4, 4); acb_mat_init(C + 1, 4, 4);
    for (k = 0; k < 4; k++)
        acb_mat_init(dC + k, 4, 4);
    heis2_levels(E, dE, P, r, nx, nz, prec);
    qt_pump_heis2_weights(C, neq ? dC : NULL, P, r, nx, nz, prec);
    /* Gibbs reference: E_- (the ground branch at large r) */
    st = population_route(Lam, P, E, C, neq ? dC : NULL, dE, 2, prec, reason);
    acb_mat_clear(C + 0); acb_mat_clear(C + 1);
    for (k = 0; k < 4; k++)
        acb_mat_clear(dC + k);
    _acb_vec_clear(E, 4); _acb_vec_clear(dE, 8);
    return st;
}

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
qt_pump_lambda_multi_acb(acb_ptr Lam, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                         const fmpq_t b, const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    slong N = P->n_qubits, d = (slong) 1 << N, k, nb = qt_pump_n_baths(P);
    qt_pump_eigen_struct D[1];
    int st = QT_OK;

    if (qt_pump_singlet_is_dark(P, reason) != QT_OK
        || (fmpq_is_zero(J) && fmpq_is_zero(P->J) && qt_pump_shared_levels_degenerate(P, reason) != QT_OK))
    {
        _acb_vec_indeterminate(Lam, 2 * nb);
        return QT_DOMAIN;
    }
    if (fmpq_is_zero(J) && fmpq_is_zero(P->J) && qt_pump_collective_j0(P))
        return qt_pump_lambda_frame_acb(Lam, P, Bx, Bz, analytic, prec, reason);     /* lemma P25 */
    if (heis2_applies(P, Delta) && fmpq_equal(J, P->J))
    {
        /* lemma P13 in polar form: r = sqrt(B_x^2 + B_z^2) (principal branch: Re r^2 > 0 required), n = B / r */
        acb_t r, nx, nz;
        acb_init(r); acb_init(nx); acb_init(nz);
        acb_mul(r, Bx, Bx, prec);
        acb_addmul(r, Bz, Bz, prec);
        if (!arb_is_positive(acb_realref(r)))
        {
            for (k = 0; k < 4; k++)
                acb_indeterminate(Lam + k);
            st = qt_fail(reason, analytic ? QT_UNCERTIFIED : QT_DOMAIN, "B = 0 (or B^2 not certified positive): the level degeneracy of the triplet, where the secular generator is discontinuous");
        }
        else
        {
            qt_acb_sqrt_right_half(r, r, analytic, prec);
            acb_div(nx, Bx, r, prec);
            acb_div(nz, Bz, r, prec);
            st = qt_pump_lambda_heis2_polar_acb(Lam, P, r, nx, nz, prec, reason);
        }
        acb_clear(r); acb_clear(nx); acb_clear(nz);
        return st;
    }

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
        st = population_route(Lam, P, D->E, C, neq ? dC : NULL, D->dE, 0, prec, reason);
        for (k = 0; k < nb; k++)
            acb_mat_clear(C + k);
        for (k = 0; k < 2 * nb; k++)
            acb_mat_clear(dC + k);
    }
    qt_pump_eigen_clear(D);
    return st;
}
