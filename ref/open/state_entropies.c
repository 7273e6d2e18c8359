/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* state_entropies.c -- energy entropy (both definitions), coherence, relative entropy
 * (docs/physics/open_systems.md §2.2, 2.3; proofs/open_systems.md E4-E6). */
#include <stdio.h>
#include "qtoracle/state.h"

/* tr(A P) for an exact A and a ball matrix P; the exact value is real here */
static void
trace_product_real(arb_t res, const qt_qmat_t A, const acb_mat_t P, slong prec)
{
    slong i, j, n = A->n;
    acb_t a, t;
    acb_init(a);
    acb_init(t);
    acb_zero(t);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            arb_set_fmpq(acb_realref(a), A->re + i * n + j, prec);
            arb_set_fmpq(acb_imagref(a), A->im + i * n + j, prec);
            acb_addmul(t, a, acb_mat_entry(P, j, i), prec);
        }
    arb_set(res, acb_realref(t));        /* Hermitian A and P: the trace is real */
    acb_clear(a);
    acb_clear(t);
}

/* p_k = tr(rho P_k): exact when the projectors are, else a ball */
static void
projector_weight(arb_t p, const qt_qmat_t rho, const qt_eigenprojectors_t E, slong k, slong prec)
{
    if (E->all_exact)
    {
        fmpq_t re, im;
        fmpq_init(re);
        fmpq_init(im);
        qt_qmat_trace_product(re, im, rho, E->Pq + k);
        arb_set_fmpq(p, re, prec);
        fmpq_clear(re);
        fmpq_clear(im);
    }
    else
        trace_product_real(p, rho, E->P + k, prec);
}

/* Shannon entropy of p_k = tr(rho P_k), each exactly in [0, 1] (lemma E3) */
static void
outcome_entropy(arb_t res, const qt_qmat_t rho, const qt_eigenprojectors_t E, slong prec)
{
    slong k;
    arb_t p, g;
    arb_init(p);
    arb_init(g);
    arb_zero(res);
    for (k = 0; k < E->k; k++)
    {
        projector_weight(p, rho, E, k, prec);
        qt_arb_neg_xlogx_unit(g, p, prec);
        arb_add(res, res, g, prec);
    }
    arb_clear(p);
    arb_clear(g);
}

static int
dephased_entropy(arb_t res, const qt_qmat_t rho, const qt_eigenprojectors_t E, slong prec, char *reason)
{
    slong k;
    int degenerate = 0, st;
    qt_qmat_t D, T;
    for (k = 0; k < E->k; k++)
        if (E->mult[k] > 1)
            degenerate = 1;
    if (!degenerate)
    {
        outcome_entropy(res, rho, E, prec);   /* Delta_H rho is diagonal in the energy basis */
        return QT_OK;
    }
    if (!E->all_exact)
    {
        arb_indeterminate(res);
        return qt_fail(reason, QT_UNCERTIFIED,
            "the dephased energy entropy for a degenerate H with irrational eigenvalues is not implemented yet "
            "(use definition=outcome, or give H with rational eigenvalues)");
    }
    /* Delta_H rho = sum_k P_k rho P_k, exactly */
    qt_qmat_init(D, rho->n);
    qt_qmat_init(T, rho->n);
    for (k = 0; k < E->k; k++)
    {
        qt_qmat_mul(T, E->Pq + k, rho);
        qt_qmat_mul(T, T, E->Pq + k);
        qt_qmat_add(D, D, T);
    }
    st = qt_state_von_neumann_entropy(res, D, prec, reason);
    qt_qmat_clear(D);
    qt_qmat_clear(T);
    return st;
}

int
qt_state_energy_entropy(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, int definition, slong prec, char *reason)
{
    qt_eigenprojectors_t E;
    int st = qt_state_and_hamiltonian_validate(rho, H, reason);
    if (st != QT_OK)
        return st;
    qt_eigenprojectors_init(E);
    st = qt_eigenprojectors(E, H, prec, reason);
    if (st == QT_OK)
    {
        if (definition == QT_EE_OUTCOME)
            outcome_entropy(res, rho, E, prec);
        else
            st = dephased_entropy(res, rho, E, prec, reason);
    }
    qt_eigenprojectors_clear(E);
    return st;
}

int
qt_state_coherence(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, slong prec, char *reason)
{
    arb_t s;
    int st = qt_state_energy_entropy(res, rho, H, QT_EE_DEPHASED, prec, reason);
    if (st != QT_OK)
        return st;
    arb_init(s);
    st = qt_state_von_neumann_entropy(s, rho, prec, reason);
    arb_sub(res, res, s, prec);
    arb_clear(s);
    return st;
}

int
qt_state_relative_entropy(arb_t res, const qt_qmat_t rho, const qt_qmat_t sigma, slong prec, char *reason)
{
    qt_eigenprojectors_t E;
    qt_qmat_t sum;
    slong k, r1, r2;
    arb_t t, l;
    int st = qt_state_validate(rho, reason);
    if (st != QT_OK)
        return st;
    if (sigma->n != rho->n)
        return qt_fail(reason, QT_DOMAIN, "sigma must be %ld x %ld like rho, got %ld x %ld",
                       (long) rho->n, (long) rho->n, (long) sigma->n, (long) sigma->n);
    st = qt_state_validate(sigma, reason);
    if (st != QT_OK)
    {
        /* the message says rho; it is about sigma */
        char tmp[QT_REASON_LEN];
        snprintf(tmp, sizeof tmp, "sigma: %s", reason);
        return qt_fail(reason, QT_DOMAIN, "%s", tmp);
    }
    /* supp rho within supp sigma  <=>  ker sigma within ker rho  <=>  rank(sigma) = rank(sigma + rho)
       for PSD matrices (lemma E5), decided exactly */
    qt_qmat_init(sum, rho->n);
    qt_qmat_add(sum, sigma, rho);
    r1 = qt_qmat_rank2(sigma);
    r2 = qt_qmat_rank2(sum);
    qt_qmat_clear(sum);
    if (r1 != r2)
    {
        arb_pos_inf(res);
        qt_fail(reason, QT_OK, "supp rho is not contained in supp sigma: D = +inf exactly");
        return QT_OK;
    }
    /* D = -S(rho) - sum_k ln(s_k) tr(rho Q_k) over the nonzero eigenvalues s_k of sigma (E6) */
    st = qt_state_von_neumann_entropy(res, rho, prec, reason);
    if (st != QT_OK)
        return st;
    arb_neg(res, res);
    qt_eigenprojectors_init(E);
    st = qt_eigenprojectors(E, sigma, prec, reason);
    arb_init(t);
    arb_init(l);
    for (k = 0; st == QT_OK && k < E->k; k++)
    {
        if (arb_is_zero(E->lambda + k))
            continue;                       /* exact zero eigenvalue: tr(rho Q_0) = 0 (support) */
        projector_weight(t, rho, E, k, prec);
        arb_log(l, E->lambda + k, prec);    /* non-finite if the ball still touches 0 */
        arb_submul(res, l, t, prec);
    }
    if (st == QT_OK && !arb_is_finite(res))
        st = qt_fail(reason, QT_UNCERTIFIED, "an eigenvalue of sigma is not yet separated from 0 at %ld bits", (long) prec);
    arb_clear(t);
    arb_clear(l);
    qt_eigenprojectors_clear(E);
    return st;
}
