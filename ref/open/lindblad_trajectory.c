/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_trajectory.c -- every bookkeeping of docs/physics/open_systems.md §2.1-2.11 at one time t of a
 * Lindblad trajectory, by the general route: rho(t) = exp(tL) rho0 (acb_mat_exp), rho_dot =
 * L(rho(t)), certified spectral clusters of rho(t) and of Delta_H rho(t) (lemmas E7, E8),
 * exact decisions at t = 0 for zero eigenvalues (lemma E10) and exact rank bounds at t > 0 (lemma E12). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/state.h"
#include "traj_internal.h"

/* the exact jump operators of baths j0 <= j < j1 that act with a positive rate: L for every channel with
 * gamma > 0, and also L^* for a thermal one (beta finite, so nbar > 0); returns how many (array from malloc) */
static slong
positive_rate_operators(qt_qmat_struct **ops, const qt_open_model_struct *M, slong j0, slong j1)
{
    slong j, k, a, m = 0, cap = 0;
    for (j = j0; j < j1; j++)
        cap += 2 * M->bath[j].nch;
    *ops = malloc((cap > 0 ? cap : 1) * sizeof(qt_qmat_struct));
    for (j = j0; j < j1; j++)
        for (k = 0; k < M->bath[j].nch; k++)
        {
            const qt_channel_struct *c = M->bath[j].ch + k;
            if (fmpq_is_zero(c->gamma))
                continue;
            for (a = 0; a < (c->kind == QT_CH_THERMAL ? 2 : 1); a++, m++)
            {
                qt_qmat_init(*ops + m, M->n);
                if (a == 0)
                    qt_qmat_set(*ops + m, c->L);
                else
                    qt_qmat_adjoint(*ops + m, c->L);
            }
        }
    return m;
}

static void
free_operators(qt_qmat_struct *ops, slong m)
{
    slong i;
    for (i = 0; i < m; i++)
        qt_qmat_clear(ops + i);
    free(ops);
}

/* lemma E12, computed once per call and only where a cluster meets 0: the exact rank bound of rho(t),
 * t > 0, and a subspace U2 holding supp rho(s) for every s >= 0 (rank < 0: not attempted) */
typedef struct
{
    int done;
    slong rank, dim2;
    qt_qmat_t U2;
}
support_info;

static void
support_compute(support_info *S, const qt_open_model_struct *M)
{
    qt_qmat_struct *ops;
    slong nops;
    if (S->done)
        return;
    S->done = 1;
    nops = positive_rate_operators(&ops, M, 0, M->nbaths);
    S->rank = qt_lindblad_support_bound(&S->dim2, S->U2, M->H, ops, nops, M->rho0);
    free_operators(ops, nops);
}

/* dim P U2 (exact) */
static slong
projected_dim(const qt_qmat_t P, const support_info *S)
{
    slong r;
    qt_qmat_t T;
    qt_qmat_init(T, P->n);
    qt_qmat_mul(T, P, S->U2);
    r = qt_qmat_rank2(T) / 2;
    qt_qmat_clear(T);
    return r;
}

/* lemma E12: 1 iff every operator of bath j acting with a nonzero rate annihilates U2, so that
 * D_j(rho(s)) = 0 exactly for every s >= 0 (the bath never acts on the state) */
static int
bath_is_inert(const qt_open_model_struct *M, slong j, const support_info *S)
{
    slong m, i, n = M->n, nops;
    int inert = S->rank >= 0;
    qt_qmat_struct *ops;
    qt_qmat_t Y;
    qt_qmat_init(Y, n);
    nops = positive_rate_operators(&ops, M, j, j + 1);
    for (m = 0; inert && m < nops; m++)
    {
        qt_qmat_mul(Y, ops + m, S->U2);
        for (i = 0; i < n * n; i++)
            if (!fmpq_is_zero(Y->re + i) || !fmpq_is_zero(Y->im + i))
                inert = 0;
    }
    free_operators(ops, nops);
    qt_qmat_clear(Y);
    return inert;
}

/* lemma E10: with X exact PSD, P0 its kernel projector and P0 rho0 = 0, tr(P0 L(rho0)) is
 * sum_k r_k tr(P0 A_k rho0 A_k^*) >= 0, and it is 0 iff every A_k with r_k > 0 maps
 * range(rho0) into range(X), i.e. rank(X X + (A rho0)(A rho0)^*) = rank(X).
 * If P is given (exact projector onto one level of a non-degenerate H), the test is P A rho0 = 0. */
static int
zero_weight_sign(const qt_qmat_t X, const qt_qmat_struct *P, const qt_open_model_struct *M)
{
    slong n = M->n, m, i, rX = 0, nops;
    qt_qmat_struct *ops;
    qt_qmat_t XX, Y, Yd;
    int sign = 0;
    qt_qmat_init(XX, n); qt_qmat_init(Y, n); qt_qmat_init(Yd, n);
    nops = positive_rate_operators(&ops, M, 0, M->nbaths);
    if (P == NULL)
    {
        qt_qmat_mul(XX, X, X);
        rX = qt_qmat_rank2(XX);
    }
    for (m = 0; m < nops && !sign; m++)
    {
        qt_qmat_mul(Y, ops + m, M->rho0);
        if (P != NULL)
        {
            qt_qmat_mul(Y, P, Y);
            for (i = 0; i < n * n; i++)
                if (!fmpq_is_zero(Y->re + i) || !fmpq_is_zero(Y->im + i))
                    sign = 1;
        }
        else
        {
            qt_qmat_adjoint(Yd, Y);
            qt_qmat_mul(Y, Y, Yd);
            qt_qmat_add(Y, Y, XX);
            sign = qt_qmat_rank2(Y) > rX;
        }
    }
    free_operators(ops, nops);
    qt_qmat_clear(XX); qt_qmat_clear(Y); qt_qmat_clear(Yd);
    return sign;
}

static void
set_or_fail(qt_record_t R, slong i, const arb_t v, int st, const char *reason)
{
    if (st == QT_OK)
        qt_record_set(R, i, v, QT_OK, "");
    else
    {
        arb_t w;
        arb_init(w);
        arb_set(w, v);
        if (!arb_is_finite(w) && !qt_arb_is_exact_inf(w))
            arb_zero_pm_inf(w);
        qt_record_set(R, i, w, st, reason);
        arb_clear(w);
    }
}

/* Delta(X) = sum_E P_E X P_E; for coordinate projectors (lev, from qt_projectors_coordinate_levels; NULL otherwise) the
   entries within one eigenvalue's levels are selected, the same balls as the products */
static void
dephase(acb_mat_t Y, const qt_eigenprojectors_t EH, const slong *lev, const acb_mat_t X, slong prec)
{
    slong n = acb_mat_nrows(X), k;
    acb_mat_t T, U;
    if (lev != NULL && qt_acb_mat_fits_prec(X, prec))
    {
        slong i, j;
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                if (lev[i] >= 0 && lev[i] == lev[j])
                    acb_set(acb_mat_entry(Y, i, j), acb_mat_entry(X, i, j));
                else
                    acb_zero(acb_mat_entry(Y, i, j));
        return;
    }
    acb_mat_init(T, n, n); acb_mat_init(U, n, n);
    acb_mat_zero(Y);
    for (k = 0; k < EH->k; k++)
    {
        acb_mat_mul(T, EH->P + k, X, prec);
        acb_mat_mul(U, T, EH->P + k, prec);
        acb_mat_add(Y, Y, U, prec);
    }
    acb_mat_clear(T); acb_mat_clear(U);
}

/* lemma E13: 1 if H's eigenprojectors are exact coordinate projectors (lev, else NULL) and every pair (i, j) of the
   structural support of rho(s) joins two levels of one eigenvalue: then every rho(s) is block diagonal in H's
   eigenspaces */
static int
no_coherence_ever(const char *support, const slong *lev, slong n)
{
    slong i;
    if (lev == NULL)
        return 0;
    for (i = 0; i < n * n; i++)
        if (support[i] && (lev[i / n] < 0 || lev[i / n] != lev[i % n]))
            return 0;
    return 1;
}

void
qt_lindblad_trajectory(qt_record_t R, const qt_open_model_struct *M, const arb_t t, int t0, slong prec)
{
    slong n = M->n, nb = M->nbaths, j, c;
    qt_lindblad_t G;
    acb_mat_t rho, I, rd, Dr, Hb, Y, T, drho, ddot;
    qt_herm_clusters_t Cr, Cd;
    qt_eigenprojectors_t EH;
    arb_t v, w, E0, S0, bJ;
    int zs[QT_QMAT_MAX_DIM], zd[QT_QMAT_MAX_DIM], zint[QT_QMAT_MAX_DIM];
    int st_r, st_d, all_ok, same_beta, nondeg, pure_t = 0, after0;
    char *support;                          /* the structural support of rho(s), every s (lemma L7 (f)) */
    slong *lev = NULL;                      /* H's coordinate levels (qt_projectors_coordinate_levels), or NULL */
    slong n_inert;
    support_info sup;
    char why[QT_REASON_LEN], why_d[QT_REASON_LEN], tmp[QT_REASON_LEN];

    qt_traj_record_set_nbaths(R, nb);
    qt_lindblad_init(G, n);
    acb_mat_init(rho, n, n); acb_mat_init(I, n, n); acb_mat_init(rd, n, n); acb_mat_init(Dr, n, n);
    acb_mat_init(Hb, n, n); acb_mat_init(Y, n, n); acb_mat_init(T, n, n);
    acb_mat_init(drho, n, n); acb_mat_init(ddot, n, n);
    qt_herm_clusters_init(Cr); qt_herm_clusters_init(Cd);
    qt_eigenprojectors_init(EH);
    arb_init(v); arb_init(w); arb_init(E0); arb_init(S0); arb_init(bJ);
    memset(zs, 0xff, sizeof zs); memset(zd, 0xff, sizeof zd); memset(zint, 0, sizeof zint);
    sup.done = 0;
    after0 = !t0 && arb_is_positive(t);     /* lemma E12 (c)-(e) need every time of the ball t to be > 0 */
    qt_qmat_init(sup.U2, n);
    why[0] = why_d[0] = '\0';

    qt_open_model_generator(G, M, prec);
    qt_qmat_get_acb_mat(Hb, M->H, prec);

    /* the state, its derivative, the dissipative part */
    qt_qmat_get_acb_mat(rho, M->rho0, prec);
    support = malloc(n * n);
    qt_lindblad_support_pattern(support, G, rho);
    if (!t0)
    {
        if (qt_lindblad_propagate(T, I, G, rho, t, prec, why) != QT_OK)
        {
            /* the propagator's effort cap: nothing of the state at t is known */
            arb_zero_pm_inf(v);
            for (j = 0; j < R->nout; j++)
                qt_record_set(R, j, v, QT_UNCERTIFIED, why);
            goto cleanup;
        }
        qt_acb_mat_hermitian_part(rho, T, prec);
    }
    qt_lindblad_apply(T, G, rho, -1, prec);
    qt_acb_mat_hermitian_part(rd, T, prec);
    acb_mat_zero(Dr);
    n_inert = 0;
    for (j = 0; j < nb; j++)
    {
        int inert = 0;
        qt_lindblad_apply(T, G, rho, j, prec);
        qt_acb_mat_trace_product_re(v, T, Hb, prec);
        if (arb_contains_zero(v))
        {
            /* lemma E12: a bath whose operators annihilate U2 has D_j(rho(s)) = 0 exactly for every s */
            support_compute(&sup, M);
            inert = bath_is_inert(M, j, &sup);
        }
        if (inert)
        {
            acb_mat_zero(T);
            arb_zero(v);
            n_inert++;
        }
        acb_mat_add(Dr, Dr, T, prec);
        qt_record_set(R, QT_TR_NCORE + j, v, QT_OK, "");                     /* J_j */
        if (t0 || inert)
            arb_zero(v);
        else
        {
            qt_lindblad_apply(T, G, I, j, prec);
            qt_acb_mat_trace_product_re(v, T, Hb, prec);
        }
        qt_record_set(R, QT_TR_NCORE + nb + j, v, QT_OK, "");                /* Q_j */
    }

    /* energy and heat */
    {
        fmpq_t re, im;
        fmpq_init(re); fmpq_init(im);
        qt_qmat_trace_product(re, im, M->rho0, M->H);
        arb_set_fmpq(E0, re, prec);
        fmpq_clear(re); fmpq_clear(im);
    }
    qt_acb_mat_trace_product_re(v, rho, Hb, prec);
    if (t0)
        arb_set(v, E0);
    qt_record_set(R, QT_TR_E, v, QT_OK, "");
    arb_sub(w, v, E0, prec);
    if (t0 || n_inert == nb)
        arb_zero(w);                    /* no bath acts: tr(H rho(s)) is constant (E12) */
    qt_record_set(R, QT_TR_Q, w, QT_OK, "");
    qt_acb_mat_trace_product_re(v, rd, Hb, prec);
    if (n_inert == nb)
        arb_zero(v);                    /* J = sum_j J_j, as tr(-i[H, rho] H) = 0 */
    qt_record_set(R, QT_TR_J, v, QT_OK, "");

    /* von Neumann entropy and its rates */
    qt_state_von_neumann_entropy(S0, M->rho0, prec, tmp);
    if (t0)
    {
        qt_eigenprojectors_t Er;
        qt_eigenprojectors_init(Er);
        st_r = qt_eigenprojectors(Er, M->rho0, prec, why);
        if (st_r == QT_OK)
        {
            qt_herm_clusters_from_projectors(Cr, Er);
            for (c = 0; c < Cr->k; c++)
                if (Cr->exact_zero[c])
                    zs[c] = zero_weight_sign(M->rho0, NULL, M);
        }
        qt_eigenprojectors_clear(Er);
    }
    else
    {
        st_r = qt_herm_clusters(Cr, rho, prec, why);
        if (st_r == QT_OK && after0 && qt_herm_clusters_touch_zero(Cr))
        {
            /* lemma E12: rho(t) has at least n - rank zero eigenvalues; where the cluster at 0 holds exactly that
               many, they are exactly 0, and at t > 0 their weight in rho_dot and D(rho) is 0 (a minimum of
               tr(P0 rho(s)) >= 0 at an interior time) */
            support_compute(&sup, M);
            if (sup.rank >= 0 && qt_herm_clusters_mark_zero(Cr, n - sup.rank))
            {
                zs[0] = 0;
                if (sup.rank == 1 && Cr->k == 2 && Cr->mult[1] == 1)
                {
                    /* rank <= 1 and trace 1 at every s > 0: rho(s) is pure, its spectrum is (1, 0, ..., 0) */
                    arb_one(Cr->lambda + 1);
                    pure_t = 1;
                }
            }
        }
    }
    if (st_r == QT_OK)
    {
        qt_herm_clusters_entropy(v, Cr, prec);
        if (t0)
            arb_set(v, S0);
        set_or_fail(R, QT_TR_S, v, QT_OK, "");
        st_r = qt_herm_clusters_log_trace(v, Cr, rd, zs, prec, why);
        arb_neg(v, v);
        set_or_fail(R, QT_TR_S_DOT, v, st_r, why);
        st_r = qt_herm_clusters_log_trace(v, Cr, Dr, zs, prec, why);
        arb_neg(v, v);
        set_or_fail(R, QT_TR_DS_EXTERIOR, v, st_r, why);
        /* interior term: tr(i[H, rho] ln rho); at an exact zero eigenvalue tr(P0 [H, rho]) = 0 */
        acb_mat_mul(T, Hb, rho, prec);
        acb_mat_mul(Y, rho, Hb, prec);
        acb_mat_sub(T, T, Y, prec);
        {
            slong a, b;
            for (a = 0; a < n; a++)
                for (b = 0; b < n; b++)
                    acb_mul_onei(acb_mat_entry(Y, a, b), acb_mat_entry(T, a, b));
        }
        st_r = qt_herm_clusters_log_trace(v, Cr, Y, zint, prec, why);
        set_or_fail(R, QT_TR_DS_INTERIOR, v, st_r, why);
        /* eigenvalue heat: needs a simple spectrum */
        arb_zero(v);
        for (c = 0; c < Cr->k; c++)
        {
            if (after0 && Cr->exact_zero[c])
                continue;          /* lemma E12: these eigenvalues are 0 at every time near t, so p_dot = 0 */
            if (Cr->mult[c] > 1)
                break;
            qt_acb_mat_trace_product_re(w, Cr->P + c, rd, prec);
            acb_mat_mul(T, Cr->P + c, Hb, prec);
            acb_mat_trace(acb_mat_entry(Y, 0, 0), T, prec);
            arb_addmul(v, w, acb_realref(acb_mat_entry(Y, 0, 0)), prec);
        }
        if (pure_t)
            arb_zero(v);        /* E12: the eigenvalues are constant near t, so every p_dot is 0 */
        if (c < Cr->k && !pure_t)
        {
            if (t0)
                qt_record_domain(R, QT_TR_QDOT_R, "undefined: rho has a degenerate eigenvalue (multiplicity %ld, exact), so the eigenvalue heat has no eigenvectors to follow", (long) Cr->mult[c]);
            else
            {
                arb_zero_pm_inf(v);
                qt_record_set(R, QT_TR_QDOT_R, v, QT_UNCERTIFIED, "rho(t) has a cluster of eigenvalues that cannot be separated: the eigenvalue heat needs a simple spectrum");
            }
        }
        else
            qt_record_set(R, QT_TR_QDOT_R, v, QT_OK, "");
    }
    else
    {
        arb_zero_pm_inf(v);
        qt_record_set(R, QT_TR_S, v, st_r, why);
        qt_record_set(R, QT_TR_S_DOT, v, st_r, why);
        qt_record_set(R, QT_TR_DS_EXTERIOR, v, st_r, why);
        qt_record_set(R, QT_TR_DS_INTERIOR, v, st_r, why);
        qt_record_set(R, QT_TR_QDOT_R, v, st_r, why);
    }

    /* energy entropy: S(Delta_H rho) */
    st_d = qt_eigenprojectors(EH, M->H, prec, why_d);
    /* the levels of H's eigenprojectors when they are coordinate projectors with exact 0, 1 entries (H diagonal): these
       are the exact projectors; else NULL */
    lev = flint_malloc(n * sizeof(slong));
    if (st_d != QT_OK || EH->k == 0 || !qt_projectors_coordinate_levels(lev, EH->P, EH->k))
    {
        flint_free(lev);
        lev = NULL;
    }
    nondeg = 1;
    for (c = 0; st_d == QT_OK && c < EH->k; c++)
        if (EH->mult[c] > 1)
            nondeg = 0;
    if (st_d == QT_OK && nondeg)
    {
        /* one cluster per level: lambda = p_E = tr(P_E rho) (the balls need not be disjoint here) */
        qt_herm_clusters_from_projectors(Cd, EH);
        for (c = 0; c < Cd->k; c++)
        {
            Cd->exact_zero[c] = 0;
            if (t0 && EH->all_exact)
            {
                fmpq_t re, im;
                fmpq_init(re); fmpq_init(im);
                qt_qmat_trace_product(re, im, M->rho0, EH->Pq + c);
                arb_set_fmpq(Cd->lambda + c, re, prec);
                if (fmpq_is_zero(re))
                {
                    Cd->exact_zero[c] = 1;
                    zd[c] = zero_weight_sign(M->rho0, EH->Pq + c, M);
                }
                fmpq_clear(re); fmpq_clear(im);
            }
            else
            {
                qt_acb_mat_trace_product_re(Cd->lambda + c, EH->P + c, rho, prec);
                if (after0 && EH->all_exact && !arb_is_positive(Cd->lambda + c))
                {
                    /* lemma E12: P_E U2 = 0 means p_E(s) = 0 for every s >= 0, and so is its rate */
                    support_compute(&sup, M);
                    if (sup.rank >= 0 && projected_dim(EH->Pq + c, &sup) == 0)
                    {
                        Cd->exact_zero[c] = 1;
                        arb_zero(Cd->lambda + c);
                        zd[c] = 0;
                    }
                }
            }
        }
    }
    else if (st_d == QT_OK && t0 && EH->all_exact)
    {
        qt_qmat_t D0, U;
        qt_eigenprojectors_t Ed;
        qt_qmat_init(D0, n); qt_qmat_init(U, n);
        qt_eigenprojectors_init(Ed);
        for (c = 0; c < EH->k; c++)
        {
            qt_qmat_mul(U, EH->Pq + c, M->rho0);
            qt_qmat_mul(U, U, EH->Pq + c);
            qt_qmat_add(D0, D0, U);
        }
        st_d = qt_eigenprojectors(Ed, D0, prec, why_d);
        if (st_d == QT_OK)
        {
            qt_herm_clusters_from_projectors(Cd, Ed);
            for (c = 0; c < Cd->k; c++)
                if (Cd->exact_zero[c])
                    zd[c] = zero_weight_sign(D0, NULL, M);
        }
        qt_eigenprojectors_clear(Ed);
        qt_qmat_clear(D0); qt_qmat_clear(U);
    }
    else if (st_d == QT_OK)
    {
        dephase(drho, EH, lev, rho, prec);
        st_d = qt_herm_clusters(Cd, drho, prec, why_d);
        if (st_d == QT_OK && after0 && EH->all_exact && qt_herm_clusters_touch_zero(Cd))
        {
            /* lemma E12: rank Delta rho(s) <= sum_E dim P_E U2 for every s >= 0 */
            slong r = 0;
            support_compute(&sup, M);
            for (c = 0; sup.rank >= 0 && c < EH->k; c++)
                r += projected_dim(EH->Pq + c, &sup);
            if (sup.rank >= 0 && qt_herm_clusters_mark_zero(Cd, n - r))
                zd[0] = 0;
        }
    }
    if (st_d == QT_OK)
    {
        dephase(ddot, EH, lev, rd, prec);
        qt_herm_clusters_entropy(v, Cd, prec);
        set_or_fail(R, QT_TR_S_E, v, QT_OK, "");
        st_d = qt_herm_clusters_log_trace(v, Cd, ddot, zd, prec, why_d);
        arb_neg(v, v);
        set_or_fail(R, QT_TR_S_E_DOT, v, st_d, why_d);
    }
    else
    {
        arb_zero_pm_inf(v);
        qt_record_set(R, QT_TR_S_E, v, st_d, why_d);
        qt_record_set(R, QT_TR_S_E_DOT, v, st_d, why_d);
    }
    qt_tr_combine(R, QT_TR_C_REL, QT_TR_S_E, -1, QT_TR_S, prec);
    qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    if (no_coherence_ever(support, lev, n))
    {
        /* lemma E13: Delta_H rho(s) = rho(s) and [H, rho(s)] = 0 at every s: C_rel = 0 identically, so its rate, and
           the interior term, are exactly 0 (a domain error of the rates, inf - inf, stays) */
        arb_zero(v);
        qt_record_set(R, QT_TR_C_REL, v, QT_OK, "");
        if (R->out[QT_TR_C_REL_DOT].status != QT_DOMAIN)
            qt_record_set(R, QT_TR_C_REL_DOT, v, QT_OK, "");
        if (R->out[QT_TR_DS_INTERIOR].status != QT_DOMAIN)
            qt_record_set(R, QT_TR_DS_INTERIOR, v, QT_OK, "");
    }
    qt_tr_negate(R, QT_TR_PI_C, QT_TR_C_REL_DOT);

    /* Spohn(-Lebowitz) production and the population part: need every bath's fixed point */
    all_ok = nb > 0;
    same_beta = nb > 0;
    for (j = 0; j < nb; j++)
    {
        if (!M->reference_ok[j] && all_ok)
        {
            all_ok = 0;
            snprintf(why, QT_REASON_LEN, "%s", M->reference_why[j]);
        }
        if (j > 0 && !fmpq_equal(M->bath[j].beta, M->bath[0].beta))
            same_beta = 0;
    }
    if (nb == 0)
        snprintf(why, QT_REASON_LEN, "no bath: there is no reference temperature");
    if (all_ok)
    {
        arb_zero(bJ);
        for (j = 0; j < nb; j++)
        {
            arb_set_fmpq(w, M->bath[j].beta, prec);
            arb_addmul(bJ, w, &R->out[QT_TR_NCORE + j].value, prec);
        }
        qt_tr_sub_ball(R, QT_TR_SIGMA, QT_TR_S_DOT, bJ, prec);
        qt_tr_sub_ball(R, QT_TR_PI_D, QT_TR_S_E_DOT, bJ, prec);
    }
    else
    {
        qt_record_domain(R, QT_TR_SIGMA, "undefined: %s", why);
        qt_record_domain(R, QT_TR_PI_D, "undefined: %s", why);
    }

    /* relative entropy to the reference state and its decrease */
    if (all_ok && same_beta)
    {
        /* Gibbs reference: D(rho || rho_beta) = -S + beta E + ln Z (lemma E11) */
        arb_t beta, lnZ;
        arb_init(beta); arb_init(lnZ);
        snprintf(R->reference, sizeof R->reference, "gibbs");
        arb_set_fmpq(beta, M->bath[0].beta, prec);
        arb_zero(lnZ);
        if (st_d == QT_OK || EH->k > 0)
            for (c = 0; c < EH->k; c++)
            {
                arb_mul(w, beta, EH->lambda + c, prec);
                arb_neg(w, w);
                arb_exp(w, w, prec);
                arb_mul_si(w, w, EH->mult[c], prec);
                arb_add(lnZ, lnZ, w, prec);
            }
        arb_log(lnZ, lnZ, prec);
        if (EH->k == 0)
            arb_indeterminate(lnZ);
        /* D_t */
        arb_mul(w, beta, &R->out[QT_TR_E].value, prec);
        arb_add(w, w, lnZ, prec);
        arb_sub(v, w, &R->out[QT_TR_S].value, prec);
        set_or_fail(R, QT_TR_D_REL, v, R->out[QT_TR_S].status, R->out[QT_TR_S].reason);
        /* D_0 - D_t */
        arb_mul(w, beta, E0, prec);
        arb_add(w, w, lnZ, prec);
        arb_sub(w, w, S0, prec);
        arb_sub(v, w, v, prec);
        if (t0)
            arb_zero(v);
        set_or_fail(R, QT_TR_SIGMA_INT, v, R->out[QT_TR_S].status, R->out[QT_TR_S].reason);
        arb_clear(beta); arb_clear(lnZ);
    }
    else
    {
        acb_mat_t ss;
        qt_herm_clusters_t Cs;
        int st;
        acb_mat_init(ss, n, n);
        qt_herm_clusters_init(Cs);
        snprintf(R->reference, sizeof R->reference, "stationary");
        st = qt_lindblad_steady_state(ss, G, prec, tmp);
        if (st == QT_OK)
            st = qt_herm_clusters(Cs, ss, prec, tmp);
        if (st == QT_OK)
            st = qt_herm_clusters_log_trace(w, Cs, rho, NULL, prec, tmp);
        if (st == QT_OK && R->out[QT_TR_S].status == QT_OK)
        {
            arb_add(v, w, &R->out[QT_TR_S].value, prec);
            arb_neg(v, v);
            set_or_fail(R, QT_TR_D_REL, v, QT_OK, "");
            qt_qmat_get_acb_mat(Y, M->rho0, prec);
            st = qt_herm_clusters_log_trace(w, Cs, Y, NULL, prec, tmp);
            arb_add(w, w, S0, prec);
            arb_neg(w, w);                              /* D_0 */
            arb_sub(v, w, v, prec);
            if (t0)
                arb_zero(v);
            set_or_fail(R, QT_TR_SIGMA_INT, v, st, tmp);
        }
        else
        {
            if (st == QT_OK)
                snprintf(tmp, sizeof tmp, "%s", R->out[QT_TR_S].reason);
            arb_zero_pm_inf(v);
            qt_record_set(R, QT_TR_D_REL, v, QT_UNCERTIFIED, tmp);
            qt_record_set(R, QT_TR_SIGMA_INT, v, QT_UNCERTIFIED, tmp);
        }
        qt_herm_clusters_clear(Cs);
        acb_mat_clear(ss);
    }
    qt_tr_ratios(R, prec);

cleanup:
    qt_lindblad_clear(G);
    free(support);
    flint_free(lev);
    acb_mat_clear(rho); acb_mat_clear(I); acb_mat_clear(rd); acb_mat_clear(Dr);
    acb_mat_clear(Hb); acb_mat_clear(Y); acb_mat_clear(T); acb_mat_clear(drho); acb_mat_clear(ddot);
    qt_herm_clusters_clear(Cr); qt_herm_clusters_clear(Cd);
    qt_eigenprojectors_clear(EH);
    qt_qmat_clear(sup.U2);
    arb_clear(v); arb_clear(w); arb_clear(E0); arb_clear(S0); arb_clear(bJ);
}
