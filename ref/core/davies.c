/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* davies.c -- the global secular (Davies) generator of an exact Hermitian H: exact Bohr-frequency grouping
 * (lemma P17a), the dissipator of one bath, the Gibbs state and its derivative (lemma P17b). */
#include <stdlib.h>
#include "qtoracle/davies.h"

void
qt_bohr_groups_init(qt_bohr_groups_t B)
{
    B->K = B->ngroups = 0;
    B->omega = NULL;
    B->group = NULL;
}

void
qt_bohr_groups_clear(qt_bohr_groups_t B)
{
    if (B->omega != NULL)
        _arb_vec_clear(B->omega, B->ngroups);
    free(B->group);
    qt_bohr_groups_init(B);
}

/* ad_H = H (x) 1 - 1 (x) H^T on row-major vec: (HX - XH)_{ij} = sum_k H_ik X_kj - sum_l X_il H_lj */
static void
commutator_superop(qt_qmat_t S, const qt_qmat_t H)
{
    slong d = H->n, i, j, k, l;
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            for (k = 0; k < d; k++)
                for (l = 0; l < d; l++)
                {
                    slong r = (i * d + j) * d * d + (k * d + l);
                    fmpq_zero(S->re + r);
                    fmpq_zero(S->im + r);
                    if (j == l)
                    {
                        fmpq_add(S->re + r, S->re + r, H->re + i * d + k);
                        fmpq_add(S->im + r, S->im + r, H->im + i * d + k);
                    }
                    if (i == k)
                    {
                        fmpq_sub(S->re + r, S->re + r, H->re + l * d + j);
                        fmpq_sub(S->im + r, S->im + r, H->im + l * d + j);
                    }
                }
}

int
qt_bohr_groups(qt_bohr_groups_t B, const qt_qmat_t H, const qt_eigenprojectors_t E, slong prec, char *reason)
{
    slong d = H->n, K = E->k, m, n, g, h;
    qt_qmat_t S;
    qt_spectrum_t s;
    slong *count;
    arb_t w;
    int st;

    qt_bohr_groups_clear(B);
    if (d * d > QT_QMAT_MAX_DIM)
        return qt_fail(reason, QT_DOMAIN, "the Bohr-frequency grouping is implemented for dimension <= 8");
    qt_qmat_init(S, d * d);
    qt_spectrum_init(s);
    arb_init(w);
    commutator_superop(S, H);
    /* the exact Bohr frequencies: roots of chi(ad_H), factored over Q, isolated by Arb */
    if ((st = qt_herm_spectrum(s, S, prec, reason)) != QT_OK)
        goto out;
    B->K = K;
    B->ngroups = s->ndistinct;
    B->omega = _arb_vec_init(s->ndistinct);
    B->group = malloc(sizeof(slong) * K * K);
    count = calloc(s->ndistinct, sizeof(slong));
    for (g = 0; g < s->ndistinct; g++)
    {
        arb_set(B->omega + g, s->value + g);
        for (h = 0; h < g && st == QT_OK; h++)
            if (arb_overlaps(B->omega + g, B->omega + h))
                st = qt_fail(reason, QT_UNCERTIFIED, "two Bohr frequencies of H could not be isolated at this precision");
    }
    for (m = 0; m < K && st == QT_OK; m++)
        for (n = 0; n < K && st == QT_OK; n++)
        {
            slong found = -1, hits = 0;
            B->group[m * K + n] = -1;
            if (m == n)
                continue;
            /* the exact E_n - E_m is one of the (nonzero, distinct levels) roots: the only ball it can meet */
            arb_sub(w, E->lambda + n, E->lambda + m, prec);
            for (g = 0; g < s->ndistinct; g++)
                if (arb_overlaps(w, B->omega + g))
                {
                    found = g;
                    hits++;
                }
            if (hits != 1)
                st = qt_fail(reason, QT_UNCERTIFIED, "a transition of H could not be assigned to one Bohr frequency at this precision (grouping not proven)");
            else
            {
                B->group[m * K + n] = found;
                count[found] += E->mult[m] * E->mult[n];
            }
        }
    /* every root of chi(ad_H) is a difference of levels, with its exact multiplicity */
    for (g = 0; g < s->ndistinct && st == QT_OK; g++)
        if (count[g] != s->mult[g])
            st = qt_fail(reason, QT_UNCERTIFIED, "the transition counts do not match the multiplicities of the Bohr frequencies (internal check)");
    free(count);
out:
    if (st != QT_OK)
        qt_bohr_groups_clear(B);
    qt_qmat_clear(S);
    qt_spectrum_clear(s);
    arb_clear(w);
    return st;
}

/* Aw = A(w_g) = sum over the transitions n -> m of group g of P_m A P_n (g = -1: the dephasing part sum_m P_m A P_m).
   For coordinate projectors (lev from qt_projectors_coordinate_levels, the eigenframe case) P_m A P_n keeps the entries (i, j) with
   lev[i] = m, lev[j] = n and zeros the rest exactly: the entries are selected instead of multiplied */
static void
bohr_component(acb_mat_t Aw, const acb_mat_struct *P, slong K, const slong *group, slong g, const acb_mat_t A,
               acb_mat_t M, const slong *lev, slong prec)
{
    slong m, n;
    acb_mat_zero(Aw);
    if (lev != NULL)
    {
        slong d = acb_mat_nrows(A), i, j;
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                if (lev[i] >= 0 && lev[j] >= 0
                    && ((g < 0 && lev[i] == lev[j]) || (g >= 0 && lev[i] != lev[j] && group[lev[i] * K + lev[j]] == g)))
                    acb_set(acb_mat_entry(Aw, i, j), acb_mat_entry(A, i, j));
        return;
    }
    for (m = 0; m < K; m++)
        for (n = 0; n < K; n++)
            if ((g < 0 && m == n) || (g >= 0 && group[m * K + n] == g))
            {
                acb_mat_mul(M, P + m, A, prec);
                acb_mat_mul(M, M, P + n, prec);
                acb_mat_add(Aw, Aw, M, prec);
            }
}

/* the coordinate levels of P if A may take the selection route of bohr_component, else NULL (lev has d entries) */
static const slong *
selection_levels(slong *lev, const acb_mat_struct *P, slong K, const acb_mat_t A, slong prec)
{
    return qt_projectors_coordinate_levels(lev, P, K) && qt_acb_mat_fits_prec(A, prec) ? lev : NULL;
}

void
qt_davies_add_grouped(qt_lindblad_t G, const acb_mat_struct *P, slong K, const slong *group, acb_srcptr omega,
                      slong ngroups, const acb_mat_t A, const acb_t gamma, const acb_t T, int holomorphic,
                      slong label, slong prec)
{
    slong d = acb_mat_nrows(A), g;
    slong *levbuf = flint_malloc(sizeof(slong) * d);
    const slong *lev = selection_levels(levbuf, P, K, A, prec);
    acb_mat_t Aw, Awt, M;
    acb_t w, r;
    acb_mat_init(Aw, d, d); acb_mat_init(Awt, d, d); acb_mat_init(M, d, d);
    acb_init(w); acb_init(r);
    /* g = -1: the dephasing channel A(0) = sum_m P_m A P_m; then one channel per nonzero Bohr frequency */
    for (g = -1; g < ngroups; g++)
    {
        bohr_component(Aw, P, K, group, g, A, M, lev, prec);
        if (acb_mat_is_zero(Aw))
            continue;                          /* no transition of this group couples: a channel that does nothing */
        if (g < 0)
            acb_zero(w);
        else
            acb_set(w, omega + g);
        qt_ohmic_rate_acb(r, gamma, w, T, prec);
        if (holomorphic)
        {
            /* real-analytic operators continued to complex parameters: the plain transpose */
            acb_mat_transpose(Awt, Aw);
            qt_lindblad_add_with_adjoint(G, Aw, Awt, r, label, prec);
        }
        else
            qt_lindblad_add(G, Aw, r, label, prec);
    }
    acb_mat_clear(Aw); acb_mat_clear(Awt); acb_mat_clear(M);
    acb_clear(w); acb_clear(r);
    flint_free(levbuf);
}

/* Y += c (L X M^T + M X L^T - {M^T L + L^T M, X}/2) / 2 for c = 2: the polarisation of D[L](X) = L X L^T - {L^T L, X}/2 */
static void
dissipator_polarised(acb_mat_t Y, const acb_mat_t L, const acb_mat_t M, const acb_mat_t X, const acb_t c,
                     acb_mat_t T1, acb_mat_t T2, slong prec)
{
    acb_mat_t Mt, Lt, T3;
    slong d = acb_mat_nrows(X);
    acb_mat_init(Mt, d, d); acb_mat_init(Lt, d, d); acb_mat_init(T3, d, d);
    acb_mat_transpose(Mt, M);
    acb_mat_transpose(Lt, L);
    acb_mat_mul(T1, L, X, prec);
    acb_mat_mul(T1, T1, Mt, prec);
    acb_mat_mul(T2, M, X, prec);
    acb_mat_mul(T2, T2, Lt, prec);
    acb_mat_add(T1, T1, T2, prec);                 /* L X M^T + M X L^T */
    acb_mat_mul(T2, Mt, L, prec);
    acb_mat_mul(T3, Lt, M, prec);
    acb_mat_add(T2, T2, T3, prec);                 /* M^T L + L^T M */
    acb_mat_mul(T3, T2, X, prec);
    acb_mat_mul(T2, X, T2, prec);
    acb_mat_add(T2, T2, T3, prec);
    acb_mat_scalar_mul_2exp_si(T2, T2, -1);
    acb_mat_sub(T1, T1, T2, prec);
    acb_mat_scalar_mul_acb(T1, T1, c, prec);
    acb_mat_add(Y, Y, T1, prec);
    acb_mat_clear(Mt); acb_mat_clear(Lt); acb_mat_clear(T3);
}

void
qt_davies_grouped_derivative_apply(acb_mat_t Y, const acb_mat_struct *P, slong K, const slong *group,
                                   acb_srcptr omega, acb_srcptr domega, slong ngroups, const acb_mat_t A,
                                   const acb_mat_t dA, const acb_t gamma, const acb_t T, const acb_mat_t X,
                                   slong prec)
{
    slong d = acb_mat_nrows(A), g;
    slong *levbuf = flint_malloc(sizeof(slong) * d), *dlevbuf = flint_malloc(sizeof(slong) * d);
    const slong *lev = selection_levels(levbuf, P, K, A, prec);
    const slong *dlev = dA == NULL ? NULL : selection_levels(dlevbuf, P, K, dA, prec);
    acb_mat_t Aw, dAw, M, T1, T2;
    acb_t w, r, dr;
    acb_mat_init(Aw, d, d); acb_mat_init(dAw, d, d); acb_mat_init(M, d, d); acb_mat_init(T1, d, d);
    acb_mat_init(T2, d, d);
    acb_init(w); acb_init(r); acb_init(dr);
    for (g = -1; g < ngroups; g++)
    {
        /* d/dt [G(w) D[A(w)]] X = G'(w) w' D[A(w)] X + G(w) (A' X A^T + A X A'^T - {A'^T A + A^T A', X}/2):
           D[L](X) = L X L^T - {L^T L, X}/2 is a quadratic form in L (transposes: holomorphic), and the bracket is
           its derivative, the polarisation (lemma P29); A'(w) is the same Bohr component of A' (the projectors are
           constant); the dephasing channel has w = 0 fixed */
        bohr_component(Aw, P, K, group, g, A, M, lev, prec);
        acb_zero(w);
        if (g >= 0)
            acb_set(w, omega + g);
        if (g >= 0 && domega != NULL)
        {
            qt_ohmic_rate_derivative_acb(dr, gamma, w, T, prec);
            acb_mul(dr, dr, domega + g, prec);
            acb_mul_2exp_si(dr, dr, -1);
            dissipator_polarised(Y, Aw, Aw, X, dr, T1, T2, prec);     /* (G'w'/2) 2 D[A(w)] X */
        }
        if (dA != NULL)
        {
            bohr_component(dAw, P, K, group, g, dA, M, dlev, prec);
            qt_ohmic_rate_acb(r, gamma, w, T, prec);
            dissipator_polarised(Y, Aw, dAw, X, r, T1, T2, prec);
        }
    }
    acb_mat_clear(Aw); acb_mat_clear(dAw); acb_mat_clear(M); acb_mat_clear(T1); acb_mat_clear(T2);
    acb_clear(w); acb_clear(r); acb_clear(dr);
    flint_free(levbuf); flint_free(dlevbuf);
}

void
qt_davies_add_bath(qt_lindblad_t G, const qt_eigenprojectors_t E, const qt_bohr_groups_t B, const acb_mat_t A,
                   const acb_t gamma, const acb_t T, slong label, slong prec)
{
    acb_ptr w = _acb_vec_init(B->ngroups);
    slong g;
    for (g = 0; g < B->ngroups; g++)
        acb_set_arb(w + g, B->omega + g);
    qt_davies_add_grouped(G, E->P, E->k, B->group, w, B->ngroups, A, gamma, T, 0, label, prec);
    _acb_vec_clear(w, B->ngroups);
}

void
qt_gibbs_weights(arb_ptr p, const qt_eigenprojectors_t E, const arb_t T, slong prec)
{
    slong K = E->k, k;
    arb_t Z, t;
    arb_init(Z); arb_init(t);
    for (k = 0; k < K; k++)
    {
        arb_sub(t, E->lambda + k, E->lambda + 0, prec);
        arb_div(t, t, T, prec);
        arb_neg(t, t);
        arb_exp(p + k, t, prec);
        arb_addmul_si(Z, p + k, E->mult[k], prec);
    }
    for (k = 0; k < K; k++)
        arb_div(p + k, p + k, Z, prec);
    arb_clear(Z); arb_clear(t);
}

/* rho = sum_k p_k P_k */
static void
weighted_projectors(acb_mat_t rho, const qt_eigenprojectors_t E, arb_srcptr p, slong prec)
{
    slong k;
    acb_mat_t M;
    acb_mat_init(M, E->n, E->n);
    acb_mat_zero(rho);
    for (k = 0; k < E->k; k++)
    {
        acb_mat_scalar_mul_arb(M, E->P + k, p + k, prec);
        acb_mat_add(rho, rho, M, prec);
    }
    acb_mat_clear(M);
}

void
qt_weighted_state_derivative(acb_mat_t drho, const qt_eigenprojectors_t E, const acb_mat_t dH, acb_srcptr p,
                             acb_srcptr dp, slong prec)
{
    slong K = E->k, m, n;
    acb_mat_t M;
    acb_t F, d;
    acb_mat_init(M, E->n, E->n);
    acb_init(F); acb_init(d);
    acb_mat_zero(drho);
    for (m = 0; m < K; m++)
        for (n = 0; n < K; n++)
        {
            if (m == n)
            {
                acb_mat_scalar_mul_acb(M, E->P + m, dp + m, prec);
                acb_mat_add(drho, drho, M, prec);
                continue;
            }
            /* (p_m - p_n)/(E_m - E_n): the levels are certified distinct */
            acb_sub(F, p + m, p + n, prec);
            arb_sub(acb_realref(d), E->lambda + m, E->lambda + n, prec);
            arb_zero(acb_imagref(d));
            acb_div(F, F, d, prec);
            acb_mat_mul(M, E->P + m, dH, prec);
            acb_mat_mul(M, M, E->P + n, prec);
            acb_mat_scalar_mul_acb(M, M, F, prec);
            acb_mat_add(drho, drho, M, prec);
        }
    acb_mat_clear(M);
    acb_clear(F); acb_clear(d);
}

void
qt_gibbs_state(acb_mat_t rho, const qt_eigenprojectors_t E, const arb_t T, slong prec)
{
    arb_ptr p = _arb_vec_init(E->k);
    qt_gibbs_weights(p, E, T, prec);
    weighted_projectors(rho, E, p, prec);
    _arb_vec_clear(p, E->k);
}

void
qt_gibbs_derivative(acb_mat_t drho, const qt_eigenprojectors_t E, const acb_mat_t dH, const arb_t T, slong prec)
{
    slong K = E->k, m, n;
    arb_ptr p = _arb_vec_init(K);
    acb_mat_t M, rho;
    arb_t F, d;
    acb_t t;
    acb_mat_init(M, E->n, E->n); acb_mat_init(rho, E->n, E->n);
    arb_init(F); arb_init(d); acb_init(t);
    qt_gibbs_weights(p, E, T, prec);
    acb_mat_zero(drho);
    for (m = 0; m < K; m++)
        for (n = 0; n < K; n++)
        {
            /* F_mn = (p_m - p_n)/(E_m - E_n) (distinct levels: the difference is certified nonzero), F_mm = -p_m/T */
            if (m == n)
            {
                arb_div(F, p + m, T, prec);
                arb_neg(F, F);
            }
            else
            {
                arb_sub(F, p + m, p + n, prec);
                arb_sub(d, E->lambda + m, E->lambda + n, prec);
                arb_div(F, F, d, prec);
            }
            acb_mat_mul(M, E->P + m, dH, prec);
            acb_mat_mul(M, M, E->P + n, prec);
            acb_mat_scalar_mul_arb(M, M, F, prec);
            acb_mat_add(drho, drho, M, prec);
        }
    /* + rho tr(rho dH)/T (the derivative of 1/Z) */
    weighted_projectors(rho, E, p, prec);
    acb_mat_mul(M, rho, dH, prec);
    acb_mat_trace(t, M, prec);
    acb_div_arb(t, t, T, prec);
    acb_mat_scalar_mul_acb(M, rho, t, prec);
    acb_mat_add(drho, drho, M, prec);
    acb_mat_clear(M); acb_mat_clear(rho);
    arb_clear(F); arb_clear(d); acb_clear(t);
    _arb_vec_clear(p, K);
}
