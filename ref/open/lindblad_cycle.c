/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_cycle.c -- a cyclic sequence of strokes, each with its own Hamiltonian H_k and at most
 * one bath, sudden quenches in between; heats and work per cycle on the certified limit cycle, and
 * the efficiency forms of docs/physics/open_systems.md §2.9 side by side (lemmas C1-C3 of proofs/open_systems.md).
 * The strokes' superoperators are exponentiated whole (C1) or block by block where that costs less, always beyond
 * QT_LIOUVILLE_MAX_DIM levels (C1 (b), the blocks of lindblad_blocks.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/state.h"
#include "traj_internal.h"

void
qt_cycle_init(qt_cycle_t C, slong n, slong nbaths, slong nstrokes)
{
    slong k;
    qt_open_model_init(C->M, n, nbaths);
    C->nstrokes = nstrokes;
    C->stroke = calloc(nstrokes > 0 ? nstrokes : 1, sizeof(qt_stroke_struct));
    for (k = 0; k < nstrokes; k++)
    {
        qt_qmat_init(C->stroke[k].H, n);
        fmpq_init(C->stroke[k].duration);
        C->stroke[k].bath = -1;
    }
    C->thermal_ok = 0;
    C->thermal_why[0] = '\0';
}

void
qt_cycle_clear(qt_cycle_t C)
{
    slong k;
    for (k = 0; k < C->nstrokes; k++)
    {
        qt_qmat_clear(C->stroke[k].H);
        fmpq_clear(C->stroke[k].duration);
    }
    free(C->stroke);
    qt_open_model_clear(C->M);
}

int
qt_cycle_validate(qt_cycle_t C, char *reason)
{
    slong j, k, n = C->M->n;
    char r[QT_REASON_LEN];
    int st;
    if (C->M->nbaths < 1 || C->M->nbaths > QT_MAX_BATHS)
        return qt_fail(reason, QT_DOMAIN, "baths: 1 to %d baths, got %ld", QT_MAX_BATHS, (long) C->M->nbaths);
    if (C->nstrokes < 1)
        return qt_fail(reason, QT_DOMAIN, "strokes: at least one stroke");
    if (n < 1 || n > QT_LINDBLAD_MAX_DIM)
        return qt_fail(reason, QT_DOMAIN, "strokes[0].H: dimension %ld is beyond the budget of cycles (1 to %d levels; "
                       "beyond %d levels the strokes' superoperators are exponentiated block by block, lemma C1 (b))",
                       (long) n, QT_LINDBLAD_MAX_DIM, QT_LIOUVILLE_MAX_DIM);
    for (j = 0; j < C->M->nbaths; j++)
        if ((st = qt_bath_validate(C->M->bath + j, j, n, reason)) != QT_OK)
            return st;
    C->thermal_ok = 1;
    for (k = 0; k < C->nstrokes; k++)
    {
        qt_stroke_struct *S = C->stroke + k;
        if (qt_hamiltonian_validate(S->H, n, r) != QT_OK)
            return qt_fail(reason, QT_DOMAIN, "strokes[%ld].H: %s", (long) k, r);
        if (fmpq_sgn(S->duration) <= 0)
            return qt_fail(reason, QT_DOMAIN, "strokes[%ld].duration: must be > 0", (long) k);
        if (S->bath < -1 || S->bath >= C->M->nbaths)
            return qt_fail(reason, QT_DOMAIN, "strokes[%ld].bath: must name one of the %ld baths (1-based) or be omitted", (long) k, (long) C->M->nbaths);
        if (S->bath >= 0 && C->thermal_ok && !qt_bath_fixes_gibbs(S->H, C->M->bath + S->bath, S->bath, r))
        {
            C->thermal_ok = 0;
            snprintf(C->thermal_why, QT_REASON_LEN, "strokes[%ld]: %.280s", (long) k, r);
        }
    }
    return QT_OK;
}

/* the generator of stroke k: H_k and, if it has one, its bath */
static void
stroke_generator(qt_lindblad_t G, const qt_cycle_struct *C, slong k, slong prec)
{
    const qt_stroke_struct *S = C->stroke + k;
    acb_mat_t H;
    acb_mat_init(H, C->M->n, C->M->n);
    qt_qmat_get_acb_mat(H, S->H, prec);
    qt_lindblad_set_hamiltonian(G, H);
    if (S->bath >= 0)
        qt_bath_add_to_generator(G, C->M->bath + S->bath, S->bath, prec);
    acb_mat_clear(H);
}

/* E = exp(tau_k S) for stroke k's superoperator S (whole, or restricted to a block) */
static void
stroke_exp(acb_mat_t E, const qt_cycle_struct *C, slong k, slong prec)
{
    arb_t tau;
    arb_init(tau);
    arb_set_fmpq(tau, C->stroke[k].duration, prec);
    acb_mat_scalar_mul_arb(E, E, tau, prec);
    acb_mat_exp(E, E, prec);
    arb_clear(tau);
}

/* the pairs U[0..m) that carry the limit cycle's state (U[0] = (0,0)) and the strokes' maps E[k] on them (m x m).
   Every pair and the dense superoperators (lemma C1), or, where the blocks of the strokes' generators cost less
   (qt_lindblad_blocks_cheaper) and always beyond QT_LIOUVILLE_MAX_DIM levels, block 0 of them (lindblad_blocks.c)
   after every other block's M_c - I is proven nonsingular, so that the state is 0 there (lemma C1 (b)).  Returns
   QT_OK or QT_UNCERTIFIED with a reason; *E and *U are allocated in either case */
static int
stroke_maps(slong *m, slong **U, acb_mat_struct **E, const qt_cycle_struct *C, slong prec, char *reason)
{
    slong n = C->M->n, N = n * n, K = C->nstrokes, k, q, c, nb;
    qt_lindblad_struct *G = flint_malloc(sizeof(qt_lindblad_struct) * K);
    slong *idx, *pos, *first;
    qt_lindblad_block_ops_struct **B;
    int st = QT_OK;
    for (k = 0; k < K; k++)
    {
        qt_lindblad_init(G + k, n);
        stroke_generator(G + k, C, k, prec);
    }
    *E = flint_malloc(sizeof(acb_mat_struct) * K);
    if (n <= QT_LIOUVILLE_MAX_DIM && !qt_lindblad_blocks_cheaper(G, K))
    {
        *m = N;
        *U = flint_malloc(sizeof(slong) * N);
        for (q = 0; q < N; q++)
            (*U)[q] = q;
        for (k = 0; k < K; k++)
        {
            acb_mat_init(*E + k, N, N);
            qt_lindblad_superop(*E + k, G + k, prec);
            stroke_exp(*E + k, C, k, prec);
        }
        goto done;
    }
    pos = flint_malloc(sizeof(slong) * N);
    idx = flint_malloc(sizeof(slong) * N);
    first = flint_malloc(sizeof(slong) * (N + 1));
    nb = qt_lindblad_blocks(idx, pos, first, G, K);
    *m = first[1];
    *U = flint_malloc(sizeof(slong) * *m);
    for (q = 0; q < *m; q++)
        (*U)[q] = idx[q];
    for (k = 0; k < K; k++)
        acb_mat_init(*E + k, *m, *m);
    st = qt_lindblad_blocks_fit(first, nb, n, K, "the limit cycle", reason);
    B = flint_malloc(sizeof(qt_lindblad_block_ops_struct *) * K);
    for (k = 0; k < K; k++)
        B[k] = st == QT_OK ? qt_lindblad_block_ops_init(G + k, prec) : NULL;
    for (c = 0; c < nb && st == QT_OK; c++)
    {
        slong mc = first[c + 1] - first[c];
        acb_mat_t Ek, Mc;
        acb_mat_init(Ek, mc, mc); acb_mat_init(Mc, mc, mc);
        acb_mat_one(Mc);
        for (k = 0; k < K; k++)
        {
            qt_lindblad_block_matrix(Ek, B[k], idx + first[c], pos, prec);
            stroke_exp(Ek, C, k, prec);
            if (c == 0)
                acb_mat_set(*E + k, Ek);       /* the state's block: its fixed point is solved by the caller */
            else
                acb_mat_mul(Mc, Ek, Mc, prec);
        }
        if (c > 0)
        {
            /* M_c - I nonsingular: no fixed state of the one-cycle map lives in block c (lemma C1 (b)) */
            for (q = 0; q < mc; q++)
                acb_sub_ui(acb_mat_entry(Mc, q, q), acb_mat_entry(Mc, q, q), 1, prec);
            if (!qt_lindblad_block_nonsingular(Mc, prec))
                st = qt_fail(reason, QT_UNCERTIFIED, "the limit cycle could not be proven unique at this precision "
                             "(the one-cycle map may have several fixed states): its block of %ld unknowns", (long) mc);
        }
        acb_mat_clear(Ek); acb_mat_clear(Mc);
    }
    for (k = 0; k < K; k++)
        if (B[k] != NULL)
            qt_lindblad_block_ops_clear(B[k]);
    flint_free(B);
    flint_free(pos); flint_free(idx); flint_free(first);
done:
    for (k = 0; k < K; k++)
        qt_lindblad_clear(G + k);
    flint_free(G);
    return st;
}

/* X (n x n) = the column x on the pairs U[0..m) (pair q = (U[q] mod n, U[q] / n)), 0 elsewhere */
static void
pairs_to_mat(acb_mat_t X, const acb_mat_t x, const slong *U, slong m, slong n)
{
    slong q;
    acb_mat_zero(X);
    for (q = 0; q < m; q++)
        acb_set(acb_mat_entry(X, U[q] % n, U[q] / n), acb_mat_entry(x, q, 0));
}

void
qt_cycle_evaluate(qt_record_t R, const qt_cycle_struct *C, slong prec)
{
    slong n = C->M->n, nb = C->M->nbaths, K = C->nstrokes, k, j, i, m, q;
    slong *U;
    acb_mat_struct *E;
    acb_mat_t Mc, A, b, x, X, Y, Hb;
    char why[QT_REASON_LEN];
    arb_t v, w, W;
    arb_ptr Q;
    static const char *names[5] = {"W", "eta", "eta_quoted", "eta_carnot", "clausius"};
    int ok;

    R->vocabulary = &qt_cycle_vocabulary;
    R->nout = nb + 5;
    for (j = 0; j < nb; j++)
    {
        R->name[j][0] = 'Q'; R->name[j][1] = '_'; R->name[j][2] = (char) ('1' + j); R->name[j][3] = '\0';
    }
    for (i = 0; i < 5; i++)
        strcpy(R->name[nb + i], names[i]);
    snprintf(R->reference, sizeof R->reference, "limit cycle");

    ok = stroke_maps(&m, &U, &E, C, prec, why) == QT_OK;
    acb_mat_init(Mc, m, m); acb_mat_init(A, m, m); acb_mat_init(b, m, 1); acb_mat_init(x, m, 1);
    acb_mat_init(X, n, n); acb_mat_init(Y, n, n); acb_mat_init(Hb, n, n);
    arb_init(v); arb_init(w); arb_init(W);
    Q = _arb_vec_init(nb);

    /* lemma C1: the one-cycle map M = E_K ... E_1 on the pairs U; its fixed point with trace 1 (trace row replacing
       the row of (0,0), U[0], in M - I) is the limit cycle's state at the start of stroke 1 */
    if (ok)
    {
        acb_mat_one(Mc);
        for (k = 0; k < K; k++)
            acb_mat_mul(Mc, E + k, Mc, prec);
        acb_mat_one(A);
        acb_mat_sub(A, Mc, A, prec);
        for (q = 0; q < m; q++)
            acb_set_si(acb_mat_entry(A, 0, q), U[q] % n == U[q] / n);
        acb_mat_zero(b);
        acb_one(acb_mat_entry(b, 0, 0));
        ok = acb_mat_solve(x, A, b, prec);
        if (!ok)
            snprintf(why, sizeof why, "%s", "the limit cycle could not be proven unique at this precision (the "
                     "one-cycle map may have several fixed states)");
    }
    if (!ok)
    {
        for (i = 0; i < R->nout; i++)
        {
            arb_zero_pm_inf(v);
            qt_record_set(R, i, v, QT_UNCERTIFIED, why);
        }
        goto done;
    }
    /* lemma C2: go round once; heat of stroke k = tr(H_k (rho_end - rho_start)); work at the quench
       into stroke k = tr(rho (H_k - H_{k-1})); the state is 0 off the pairs U */
    pairs_to_mat(X, x, U, m, n);
    arb_zero(W);
    for (k = 0; k < K; k++)
    {
        const qt_stroke_struct *S = C->stroke + k, *Sp = C->stroke + (k + K - 1) % K;
        /* quench H_{k-1} -> H_k with the state X */
        qt_qmat_get_acb_mat(Hb, S->H, prec);
        qt_acb_mat_trace_product_re(v, X, Hb, prec);
        qt_qmat_get_acb_mat(Y, Sp->H, prec);
        qt_acb_mat_trace_product_re(w, X, Y, prec);
        arb_sub(v, v, w, prec);
        arb_add(W, W, v, prec);
        /* the stroke */
        for (q = 0; q < m; q++)
            acb_set(acb_mat_entry(x, q, 0), acb_mat_entry(X, U[q] % n, U[q] / n));
        acb_mat_mul(b, E + k, x, prec);
        pairs_to_mat(Y, b, U, m, n);
        acb_mat_sub(X, Y, X, prec);
        qt_acb_mat_trace_product_re(v, X, Hb, prec);
        if (S->bath >= 0)
            arb_add(Q + S->bath, Q + S->bath, v, prec);
        else
            arb_add(W, W, v, prec);        /* a closed stroke: exactly 0 (H_k is conserved) */
        acb_mat_set(X, Y);
    }
    for (j = 0; j < nb; j++)
        qt_record_set(R, j, Q + j, QT_OK, "");
    qt_record_set(R, nb, W, QT_OK, "");

    /* efficiencies: two baths with temperatures */
    if (nb != 2 || !C->M->bath[0].has_beta || !C->M->bath[1].has_beta || fmpq_equal(C->M->bath[0].beta, C->M->bath[1].beta))
    {
        for (i = 1; i < 4; i++)
            qt_record_domain(R, nb + i, "undefined: the efficiencies need two baths at different temperatures");
    }
    else
    {
        slong h = fmpq_cmp(C->M->bath[0].beta, C->M->bath[1].beta) < 0 ? 0 : 1, c = 1 - h;
        arb_t bh, bc;
        arb_init(bh); arb_init(bc);
        arb_set_fmpq(bh, C->M->bath[h].beta, prec);
        arb_set_fmpq(bc, C->M->bath[c].beta, prec);
        if (arb_is_nonpositive(Q + h))
        {
            qt_record_domain(R, nb + 1, "undefined: Q_h <= 0, the cycle takes no heat from the hot bath (not an engine)");
            qt_record_domain(R, nb + 2, "undefined: Q_h <= 0, the cycle takes no heat from the hot bath (not an engine)");
        }
        else if (!arb_is_positive(Q + h))
        {
            arb_zero_pm_inf(v);
            qt_record_set(R, nb + 1, v, QT_UNCERTIFIED, "the sign of Q_h is not decided at this precision");
            qt_record_set(R, nb + 2, v, QT_UNCERTIFIED, "the sign of Q_h is not decided at this precision");
        }
        else
        {
            arb_add(v, Q + h, Q + c, prec);
            arb_div(v, v, Q + h, prec);
            qt_record_set(R, nb + 1, v, QT_OK, "");
            arb_abs(w, Q + c);
            arb_div(w, w, Q + h, prec);
            arb_sub_ui(w, w, 1, prec);
            arb_neg(w, w);
            qt_record_set(R, nb + 2, w, QT_OK, "");
        }
        arb_div(v, bh, bc, prec);
        arb_sub_ui(v, v, 1, prec);
        arb_neg(v, v);
        qt_record_set(R, nb + 3, v, QT_OK, "");
        arb_clear(bh); arb_clear(bc);
    }
    if (nb >= 1)
    {
        int all = 1;
        arb_zero(v);
        for (j = 0; j < nb; j++)
        {
            if (!C->M->bath[j].has_beta)
                all = 0;
            else
            {
                arb_set_fmpq(w, C->M->bath[j].beta, prec);
                arb_addmul(v, w, Q + j, prec);
            }
        }
        if (all)
            qt_record_set(R, nb + 4, v, QT_OK, "");
        else
            qt_record_domain(R, nb + 4, "undefined: a bath has no temperature");
    }
done:
    for (k = 0; k < K; k++)
        acb_mat_clear(E + k);
    flint_free(E);
    flint_free(U);
    acb_mat_clear(Mc); acb_mat_clear(A); acb_mat_clear(b); acb_mat_clear(x);
    acb_mat_clear(X); acb_mat_clear(Y); acb_mat_clear(Hb);
    arb_clear(v); arb_clear(w); arb_clear(W);
    _arb_vec_clear(Q, nb);
}
