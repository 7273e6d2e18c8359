/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_population.c -- the secular population route (lemmas P3, P9, P19 of proofs/pumping.md), shared by the
 * eigen route and the closed two-qubit route: from levels E_n, their derivatives d_k E_n and the transition weights
 * C_a[m][n] = tr(P_m A_a P_n A_a), the Pauli rate matrices W_a[m][n] = G_a(E_n - E_m) C_a[m][n] (bath a at its
 * temperature), the stationary populations p (Gibbs at equal temperatures, the certified solve W p = 0 otherwise),
 * d_k p and Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n. */
#include <stdlib.h>
#include <string.h>
#include "pump_internal.h"

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

/* 1 if the coupling makes the transition c -> r (C[r][c] or, with dC, one of its derivatives not an exact zero) */
static int
transition_made(const acb_mat_t C, const acb_mat_struct *dC, slong r, slong c)
{
    return !acb_is_zero(acb_mat_entry(C, r, c))
           || (dC != NULL && (!acb_is_zero(acb_mat_entry(dC + 0, r, c)) || !acb_is_zero(acb_mat_entry(dC + 1, r, c))));
}

/* the Pauli rate matrices W_a (rate n -> m is G_a(E_n - E_m) C_a[m][n], bath a at temperature Ta[a]) and, if dC is
 * given, their derivatives dW[2a + k] (d_k E = dE[2n + k], d_k C_a = dC[2a + k]; lemma P19).  G_a = gamma_a G_1 (the
 * ohmic rate is linear in gamma): the pair G_1(+-omega) of a transition is computed once for the baths at one
 * temperature (the same ball) */
static void
rate_matrices(acb_mat_struct *Wa, acb_mat_struct *dW, const qt_pump_params_struct *P, acb_srcptr E,
              const acb_mat_struct *C, const acb_mat_struct *dC, acb_srcptr dE, acb_srcptr Ta, slong prec)
{
    slong d = acb_mat_nrows(C + 0), a, m, n, k, cached = -1;
    acb_t g, one, om, t, t2, u;
    acb_ptr up = _acb_vec_init(d * d), um = _acb_vec_init(d * d);
    char *have = flint_calloc(d * d, 1);
    acb_init(g); acb_init(one); acb_init(om); acb_init(t); acb_init(t2); acb_init(u);
    acb_one(one);
    for (a = 0; a < qt_pump_n_baths(P); a++)
    {
        if (cached < 0 || !acb_equal(Ta + a, Ta + cached))
        {
            memset(have, 0, d * d);
            cached = a;
        }
        acb_mat_zero(Wa + a);
        if (dC != NULL)
            for (k = 0; k < 2; k++)
                acb_mat_zero(dW + 2 * a + k);
        qt_pump_bath_rate(g, P, a, prec);
        for (m = 0; m < d; m++)
            for (n = m + 1; n < d; n++)
            {
                /* the pair n -> m (rate G_a(E_n - E_m) C_a[m][n], energy E_n - E_m to the bath) and m -> n (rate
                   G_a(E_m - E_n) C_a[n][m]); a transition the coupling does not make (C_a and its derivatives exact
                   zeros there): rate 0 and derivative 0, whatever G_a is (not computed) */
                int use[2];
                slong e;
                use[0] = transition_made(C + a, dC == NULL ? NULL : dC + 2 * a, m, n);
                use[1] = transition_made(C + a, dC == NULL ? NULL : dC + 2 * a, n, m);
                if (!use[0] && !use[1])
                    continue;
                if (!have[m * d + n])
                {
                    acb_sub(om, E + n, E + m, prec);
                    qt_ohmic_rate_pair_acb(up + m * d + n, um + m * d + n, one, om, Ta + a, prec);
                    have[m * d + n] = 1;
                }
                acb_mul(t, g, up + m * d + n, prec);
                acb_mul(t2, g, um + m * d + n, prec);
                for (e = 0; e < 2; e++)
                {
                    slong r = e == 0 ? m : n, c = e == 0 ? n : m;      /* W[r][c]: c -> r */
                    acb_srcptr rate = e == 0 ? t : t2;
                    if (!use[e])
                        continue;
                    acb_mul(acb_mat_entry(Wa + a, r, c), rate, acb_mat_entry(C + a, r, c), prec);
                    if (dC == NULL)
                        continue;
                    /* d_k: G'_a(E_c - E_r) (d_k E_c - d_k E_r) C_a[r][c] + G_a d_k C_a[r][c] */
                    acb_sub(om, E + c, E + r, prec);
                    qt_ohmic_rate_derivative_acb(u, g, om, Ta + a, prec);
                    for (k = 0; k < 2; k++)
                    {
                        acb_ptr w = acb_mat_entry(dW + 2 * a + k, r, c);
                        acb_sub(w, dE + 2 * c + k, dE + 2 * r + k, prec);
                        acb_mul(w, w, u, prec);
                        acb_mul(w, w, acb_mat_entry(C + a, r, c), prec);
                        acb_addmul(w, rate, acb_mat_entry(dC + 2 * a + k, r, c), prec);
                    }
                }
            }
        column_sums_to_zero(Wa + a, prec);
        for (k = 0; dC != NULL && k < 2; k++)
            column_sums_to_zero(dW + 2 * a + k, prec);
    }
    acb_clear(g); acb_clear(one); acb_clear(om); acb_clear(t); acb_clear(t2); acb_clear(u);
    _acb_vec_clear(up, d * d); _acb_vec_clear(um, d * d);
    flint_free(have);
}

/* the stationary populations W p = 0, sum p = 1, and d_k p = -W^+ (d_k W) p (lemma P19), M1 = W with row 0 replaced
 * by ones, dW[2a + k] = d_k W_a (a < nb); 0 if a system cannot be proven nonsingular */
static int
nes_populations(acb_mat_t pv, acb_mat_struct *dpv, const qt_pump_system_struct *F, const acb_mat_struct *dW, slong nb,
                slong prec)
{
    slong d = F->d, k, a, n;
    acb_mat_t y, M2, y2, z2;
    int ok;
    acb_mat_init(y, d, 1); acb_mat_init(M2, d, d); acb_mat_init(y2, d, 2); acb_mat_init(z2, d, 2);
    acb_one(acb_mat_entry(y, 0, 0));
    ok = qt_pump_system_apply(pv, F, y, prec);
    for (k = 0; ok && k < 2; k++)
    {
        /* W z = -(d_k W) p (traceless: the columns of d_k W sum to 0), sum z = 0: column k of one solve */
        acb_mat_set(M2, dW + k);
        for (a = 1; a < nb; a++)
            acb_mat_add(M2, M2, dW + 2 * a + k, prec);
        acb_mat_mul(y, M2, pv, prec);
        for (n = 1; n < d; n++)
            acb_neg(acb_mat_entry(y2, n, k), acb_mat_entry(y, n, 0));
    }
    if (ok)
        ok = qt_pump_system_apply(z2, F, y2, prec);
    for (k = 0; ok && k < 2; k++)
        for (n = 0; n < d; n++)
            acb_set(acb_mat_entry(dpv + k, n, 0), acb_mat_entry(z2, n, k));
    acb_mat_clear(y); acb_mat_clear(M2); acb_mat_clear(y2); acb_mat_clear(z2);
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
    acb_mat_t M1, pv;
    acb_mat_struct dW[2 * QT_PUMP_MAX_BATHS], dpv[2];
    acb_ptr dp = _acb_vec_init(2 * d);
    acb_t T;
    qt_pump_system_struct F;
    int ok = 1, neq = (dC != NULL);
    acb_mat_init(M1, d, d);
    acb_mat_init(pv, d, 1); acb_mat_init(dpv + 0, d, 1); acb_mat_init(dpv + 1, d, 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_init(dW + k, d, d);
    acb_init(T);
    acb_set_fmpq(T, P->T, prec);
    /* W^+ with sum x = 0: the trace row replaces row 0, rhs 0; M1 factored once for p, d_k p and x */
    pauli_system(Wa, dW, M1, P, E, C, dC, dE, prec);
    qt_pump_system_init(&F, M1, 0, prec);
    if (!neq)
        qt_pump_gibbs_populations(p, dp, E, dE, d, ref, T, prec);
    else
    {
        ok = nes_populations(pv, dpv, &F, dW, nb, prec);
        for (n = 0; n < d; n++)
        {
            acb_set(p + n, acb_mat_entry(pv, n, 0));
            for (k = 0; k < 2; k++)
                acb_set(dp + 2 * n + k, acb_mat_entry(dpv + k, n, 0));
        }
    }
    if (ok)
    {
        /* both right-hand sides at once */
        acb_mat_t y2, x2;
        acb_mat_init(y2, d, 2); acb_mat_init(x2, d, 2);
        for (k = 0; k < 2; k++)
            for (n = 1; n < d; n++)
                acb_set(acb_mat_entry(y2, n, k), dp + 2 * n + k);
        ok = qt_pump_system_apply(x2, &F, y2, prec);
        for (k = 0; k < 2 && ok; k++)
            for (n = 0; n < d; n++)
                acb_set(acb_mat_entry(x + k, n, 0), acb_mat_entry(x2, n, k));
        acb_mat_clear(y2); acb_mat_clear(x2);
    }
    qt_pump_system_clear(&F);
    acb_mat_clear(M1); acb_mat_clear(pv);
    acb_mat_clear(dpv + 0); acb_mat_clear(dpv + 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_clear(dW + k);
    _acb_vec_clear(dp, 2 * d);
    acb_clear(T);
    return ok;
}

/* Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n (lemma P9) from qt_pump_population_solve */
int
qt_pump_population_lambda(acb_ptr Lam, const qt_pump_params_struct *P, acb_srcptr E, const acb_mat_struct *C,
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
        /* -sum_n E_n (W_a x)_n = -sum_m x_m h_a[m], h_a[m] = sum_{n != m} (E_n - E_m) W_a[n][m] (columns of W_a sum
           to 0): no cancellation against the large diagonal; h_a[m] serves both directions k */
        for (a = 0; a < nb; a++)
        {
            acb_zero(Lam + 2 * a);
            acb_zero(Lam + 2 * a + 1);
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
                for (k = 0; k < 2; k++)
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
    qt_pump_system_struct F;
    int st = QT_OK;
    for (k = 0; k < nb; k++)
        acb_mat_init(Wa + k, d, d);
    for (k = 0; k < 2; k++)
        acb_mat_init(dpv + k, d, 1);
    for (k = 0; k < 2 * nb; k++)
        acb_mat_init(dW + k, d, d);
    acb_mat_init(M1, d, d); acb_mat_init(pv, d, 1);
    pauli_system(Wa, dW, M1, P, E, C, dC, dE, prec);
    qt_pump_system_init(&F, M1, 0, prec);
    if (!nes_populations(pv, dpv, &F, dW, nb, prec))
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
    qt_pump_system_clear(&F);
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
