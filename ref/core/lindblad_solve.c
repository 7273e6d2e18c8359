/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_solve.c -- superoperator, certified propagation exp(tL) and its time integral by the dense route and the
 * choice between it and the action route (lindblad_action.c), certified stationary state (lemmas L1-L3, L7 of
 * proofs/open_systems.md). */
#include <math.h>
#include "lindblad_internal.h"

void
qt_mat_vec(acb_mat_t v, const acb_mat_t X)
{
    slong n = acb_mat_nrows(X), i, j;
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(v, i + j * n, 0), acb_mat_entry(X, i, j));
}

void
qt_mat_unvec(acb_mat_t X, const acb_mat_t v)
{
    slong n = acb_mat_nrows(X), i, j;
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(X, i, j), acb_mat_entry(v, i + j * n, 0));
}

void
qt_trace_row_system(acb_mat_t A, acb_mat_t b, slong n)
{
    slong i;
    for (i = 0; i < n * n; i++)
        acb_zero(acb_mat_entry(A, 0, i));
    for (i = 0; i < n; i++)
        acb_one(acb_mat_entry(A, 0, i + i * n));
    acb_mat_zero(b);
    acb_one(acb_mat_entry(b, 0, 0));
}

void
qt_lindblad_superop(acb_mat_t S, const qt_lindblad_t G, slong prec)
{
    /* column-stacked vec (entry (i, j) at i + j n), entry by entry (lemma L1):
         -i[H, X]:                 S[(a,b),(i,b)] += -i H_ai,  S[(a,b),(a,j)] += i H_jb;
         D_k(X) = L X L^* - 1/2 {L^*L, X}: T[(a,b),(i,j)] += L_ai L^*_jb, T[(a,b),(i,b)] -= 1/2 (L^*L)_ai,
                                   T[(a,b),(a,j)] -= 1/2 (L^*L)_jb;  S += rate_k T.
       Entries of the operators that are exact zeros are skipped, and each dissipator is formed before its rate
       multiplies it (as the product route qt_lindblad_apply does), so structural zeros of S stay exact zeros. */
    slong n = G->n, N = n * n, a, b, i, j, k, e, nt;
    acb_mat_t T;
    acb_t c;
    slong *touched = flint_malloc(sizeof(slong) * N * N);
    char *mark = flint_calloc(N * N, 1);
    acb_mat_init(T, N, N);
    acb_init(c);
    acb_mat_zero(S);
    for (a = 0; a < n; a++)
        for (i = 0; i < n; i++)
        {
            if (acb_is_zero(acb_mat_entry(G->H, a, i)))
                continue;
            acb_mul_onei(c, acb_mat_entry(G->H, a, i));
            for (b = 0; b < n; b++)
            {
                /* -i H_ai at ((a,b),(i,b)); +i H_ai at ((b,i),(b,a)) (the right product, H_jb with j = a, b = i) */
                acb_sub(acb_mat_entry(S, a + b * n, i + b * n), acb_mat_entry(S, a + b * n, i + b * n), c, prec);
                acb_add(acb_mat_entry(S, b + i * n, b + a * n), acb_mat_entry(S, b + i * n, b + a * n), c, prec);
            }
        }
    /* T holds one dissipator at a time; only its touched entries (listed once each) are read and reset */
#define TOUCH(r, q) do { slong _e = (r) * N + (q); if (!mark[_e]) { mark[_e] = 1; touched[nt++] = _e; } } while (0)
    for (k = 0; k < G->nops; k++)
    {
        nt = 0;
        for (a = 0; a < n; a++)
            for (i = 0; i < n; i++)
                if (!acb_is_zero(acb_mat_entry(G->L + k, a, i)))
                    for (j = 0; j < n; j++)
                        for (b = 0; b < n; b++)
                            if (!acb_is_zero(acb_mat_entry(G->Ld + k, j, b)))
                            {
                                TOUCH(a + b * n, i + j * n);
                                acb_addmul(acb_mat_entry(T, a + b * n, i + j * n), acb_mat_entry(G->L + k, a, i),
                                           acb_mat_entry(G->Ld + k, j, b), prec);
                            }
        for (a = 0; a < n; a++)
            for (i = 0; i < n; i++)
            {
                if (acb_is_zero(acb_mat_entry(G->LdL + k, a, i)))
                    continue;
                acb_mul_2exp_si(c, acb_mat_entry(G->LdL + k, a, i), -1);
                for (b = 0; b < n; b++)
                {
                    TOUCH(a + b * n, i + b * n);
                    acb_sub(acb_mat_entry(T, a + b * n, i + b * n), acb_mat_entry(T, a + b * n, i + b * n), c, prec);
                    TOUCH(b + i * n, b + a * n);
                    acb_sub(acb_mat_entry(T, b + i * n, b + a * n), acb_mat_entry(T, b + i * n, b + a * n), c, prec);
                }
            }
        for (e = 0; e < nt; e++)
        {
            acb_ptr t = acb_mat_entry(T, touched[e] / N, touched[e] % N);
            if (!acb_is_zero(t))
                acb_addmul(acb_mat_entry(S, touched[e] / N, touched[e] % N), G->rate + k, t, prec);
            acb_zero(t);
            mark[touched[e]] = 0;
        }
    }
#undef TOUCH
    acb_mat_clear(T);
    acb_clear(c);
    flint_free(touched);
    flint_free(mark);
}

/* lemma L2: exp(t [[S, v], [0, 0]]) = [[exp(tS), int_0^t exp(sS) v ds], [0, 1]] */
void
qt_lindblad_propagate_dense(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                            const arb_t t, slong prec)
{
    slong n = G->n, N = n * n, m = (I != NULL) ? N + 1 : N, r, c;
    acb_mat_t S, A, v, w;
    acb_mat_init(S, N, N); acb_mat_init(A, m, m); acb_mat_init(v, N, 1); acb_mat_init(w, N, 1);
    qt_lindblad_superop(S, G, prec);
    qt_mat_vec(v, X0);
    for (r = 0; r < N; r++)
    {
        for (c = 0; c < N; c++)
            acb_mul_arb(acb_mat_entry(A, r, c), acb_mat_entry(S, r, c), t, prec);
        if (I != NULL)
            acb_mul_arb(acb_mat_entry(A, r, N), acb_mat_entry(v, r, 0), t, prec);
    }
    acb_mat_exp(A, A, prec);
    for (r = 0; r < N; r++)
    {
        acb_zero(acb_mat_entry(w, r, 0));
        for (c = 0; c < N; c++)
            acb_addmul(acb_mat_entry(w, r, 0), acb_mat_entry(A, r, c), acb_mat_entry(v, c, 0), prec);
    }
    qt_mat_unvec(Xt, w);
    if (I != NULL)
    {
        /* the augmented column holds int_0^1 exp(u tS) (t v) du = int_0^t exp(sS) v ds */
        for (r = 0; r < N; r++)
            acb_set(acb_mat_entry(w, r, 0), acb_mat_entry(A, r, N));
        qt_mat_unvec(I, w);
    }
    acb_mat_clear(S); acb_mat_clear(A); acb_mat_clear(v); acb_mat_clear(w);
}

/* lemma L3 (b): for a GKSL generator (Hermitian-preserving) the stationary state is Hermitian; its n^2 real parameters
   (X_aa; Re X_ab, Im X_ab for a < b) solve the real system of the equations Re L(X)_aa (the first replaced by the
   trace), Re L(X)_ab and Im L(X)_ab (a < b), built from the superoperator's columns: a real solve of the same size
   instead of a complex one.  Returns 1 with X Hermitian if arb_mat_solve proves the system nonsingular */
static int
steady_state_hermitian(acb_mat_t X, const acb_mat_t S, slong n, slong prec)
{
    slong N = n * n, a, b, c, d, r, q;
    slong *pa = flint_malloc(N * sizeof(slong)), *pb = flint_malloc(N * sizeof(slong));
    int *pk = flint_malloc(N * sizeof(int));      /* parameter / equation q: (pa, pb) and kind 0 diagonal, 1 Re, 2 Im */
    arb_mat_t Sr, br, xr;
    acb_t u;
    int ok;
    for (q = 0, a = 0; a < n; a++)
    {
        pa[q] = a; pb[q] = a; pk[q++] = 0;
        for (b = a + 1; b < n; b++)
        {
            pa[q] = a; pb[q] = b; pk[q++] = 1;
            pa[q] = a; pb[q] = b; pk[q++] = 2;
        }
    }
    arb_mat_init(Sr, N, N); arb_mat_init(br, N, 1); arb_mat_init(xr, N, 1);
    acb_init(u);
    for (q = 0; q < N; q++)                       /* column q: L(E) for the parameter's basis matrix E */
    {
        c = pa[q]; d = pb[q];
        for (r = 0; r < N; r++)                   /* row r: the equation's entry of L(E) */
        {
            const acb_struct *s1 = acb_mat_entry(S, pa[r] + pb[r] * n, c + d * n);
            if (pk[q] == 0)
                acb_set(u, s1);                   /* E = E_cc */
            else
            {
                const acb_struct *s2 = acb_mat_entry(S, pa[r] + pb[r] * n, d + c * n);
                if (pk[q] == 1)
                    acb_add(u, s1, s2, prec);     /* E = E_cd + E_dc */
                else
                {
                    acb_sub(u, s1, s2, prec);     /* E = i (E_cd - E_dc) */
                    acb_mul_onei(u, u);
                }
            }
            arb_set(arb_mat_entry(Sr, r, q), pk[r] == 2 ? acb_imagref(u) : acb_realref(u));
        }
    }
    /* the equation of X_00 replaced by the trace: sum_a X_aa = 1 */
    for (q = 0; q < N; q++)
        arb_set_si(arb_mat_entry(Sr, 0, q), pk[q] == 0);
    arb_one(arb_mat_entry(br, 0, 0));
    ok = arb_mat_solve(xr, Sr, br, prec);
    if (ok)
        for (q = 0; q < N; q++)
        {
            a = pa[q]; b = pb[q];
            if (pk[q] == 0)
                acb_set_arb(acb_mat_entry(X, a, a), arb_mat_entry(xr, q, 0));
            else if (pk[q] == 1)
            {
                arb_set(acb_realref(acb_mat_entry(X, a, b)), arb_mat_entry(xr, q, 0));
                arb_set(acb_realref(acb_mat_entry(X, b, a)), arb_mat_entry(xr, q, 0));
            }
            else
            {
                arb_set(acb_imagref(acb_mat_entry(X, a, b)), arb_mat_entry(xr, q, 0));
                arb_neg(acb_imagref(acb_mat_entry(X, b, a)), arb_mat_entry(xr, q, 0));
            }
        }
    arb_mat_clear(Sr); arb_mat_clear(br); arb_mat_clear(xr);
    acb_clear(u);
    flint_free(pa); flint_free(pb); flint_free(pk);
    return ok;
}

int
qt_lindblad_steady_state(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason)
{
    if (G->n > QT_LIOUVILLE_MAX_DIM || qt_lindblad_blocks_cheaper(G, 1))
        return qt_lindblad_steady_state_blocks(X, G, prec, reason);    /* lemma L3 (c) */
    return qt_lindblad_steady_state_dense(X, G, prec, reason);
}

int
qt_lindblad_steady_state_dense(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason)
{
    slong n = G->n, N = n * n;
    acb_mat_t S;
    int ok;
    if (n > QT_LIOUVILLE_MAX_DIM)
    {
        acb_mat_indeterminate(X);
        return qt_fail(reason, QT_UNCERTIFIED, "the stationary state of a model with %ld levels is not computed by the "
                       "dense n^2 x n^2 solve, beyond its budget of %d levels", (long) n, QT_LIOUVILLE_MAX_DIM);
    }
    acb_mat_init(S, N, N);
    qt_lindblad_superop(S, G, prec);
    if (qt_lindblad_is_gksl(G))
        ok = steady_state_hermitian(X, S, n, prec);            /* lemma L3 (b) */
    else
    {
        acb_mat_t b, x;
        acb_mat_init(b, N, 1); acb_mat_init(x, N, 1);
        qt_trace_row_system(S, b, n);                          /* lemma L3 */
        ok = acb_mat_solve(x, S, b, prec);
        if (ok)
        {
            acb_mat_t T;
            acb_mat_init(T, n, n);
            qt_mat_unvec(T, x);
            qt_acb_mat_hermitian_part(X, T, prec);
            acb_mat_clear(T);
        }
        acb_mat_clear(b); acb_mat_clear(x);
    }
    acb_mat_clear(S);
    if (!ok)
    {
        acb_mat_indeterminate(X);
        return qt_fail(reason, QT_UNCERTIFIED, "the stationary-state system could not be proven nonsingular (the stationary state may not be unique)");
    }
    return QT_OK;
}

int
_qt_acb_mat_solve_certified(acb_mat_t x, const acb_mat_t A, const acb_mat_t b, slong prec)
{
    if (acb_mat_nrows(A) == 1)
    {
        /* a 1 x 1 block (a coherence of a secular generator): x = b / a, nonsingular iff a excludes 0 */
        slong c;
        if (acb_contains_zero(acb_mat_entry(A, 0, 0)))
            return 0;
        for (c = 0; c < acb_mat_ncols(b); c++)
            acb_div(acb_mat_entry(x, 0, c), acb_mat_entry(b, 0, c), acb_mat_entry(A, 0, 0), prec);
        return 1;
    }
    return acb_mat_solve_precond(x, A, b, prec) || acb_mat_solve(x, A, b, prec);
}

/* lemma L5 (Drazin inverse on traceless operators): when the stationary state is unique, the range
 * of S is the traceless subspace and S restricted to it is invertible; replacing the (0,0) row by the
 * trace functional with right-hand side 0 keeps every equation (the dropped one is minus the sum of
 * the other diagonal ones, since S is trace preserving and tr Y = 0) and adds tr X = 0.
 * Lemma L5b: where S is exactly block diagonal (exact zeros, e.g. a secular generator written in the eigenbasis of
 * H), each block is solved on its own: blocks without diagonal indices are plain systems; the block holding the
 * diagonal indices gets the trace row (each block is trace preserving on its own, so the argument above applies to it);
 * diagonal indices split over several blocks mean several stationary states (QT_UNCERTIFIED with that reason). */
int
qt_lindblad_drazin_solve(acb_mat_t X, const acb_mat_t S, const acb_mat_t Y, slong prec, char *reason)
{
    slong n = acb_mat_nrows(Y), N = n * n, i, c, m = acb_mat_ncols(Y) / n, ncomp, q, r;
    slong *comp = flint_malloc(sizeof(slong) * N), *idx = flint_malloc(sizeof(slong) * N), *first;
    acb_mat_t b, x;
    int ok = 1, connected = 1;
    /* Y may hold several right-hand sides side by side (n x (m n)) */
    acb_mat_init(b, N, m); acb_mat_init(x, N, m);
    for (c = 0; c < m; c++)
        for (q = 0; q < n; q++)
            for (r = 0; r < n; r++)
                acb_set(acb_mat_entry(b, r + q * n, c), acb_mat_entry(Y, r, c * n + q));
    ncomp = qt_acb_mat_zero_blocks(comp, S);     /* S is block diagonal (exactly) over them */
    first = flint_malloc(sizeof(slong) * (ncomp + 1));
    qt_blocks_group(idx, first, comp, N, ncomp);
    for (i = 1; i < n; i++)
        if (comp[i + i * n] != comp[0])
            ok = connected = 0;
    for (q = 0; q < ncomp && ok; q++)
    {
        slong sz = first[q + 1] - first[q], a, e;
        const slong *iq = idx + first[q];              /* the block's indices, ascending */
        acb_mat_t A, bq, xq;
        acb_mat_init(A, sz, sz); acb_mat_init(bq, sz, m); acb_mat_init(xq, sz, m);
        qt_acb_mat_principal(A, S, iq);
        for (a = 0; a < sz; a++)
            for (c = 0; c < m; c++)
                acb_set(acb_mat_entry(bq, a, c), acb_mat_entry(b, iq[a], c));
        if (q == comp[0])
        {
            /* iq[0] = 0 = the (0,0) index: its row becomes the trace functional, right-hand side 0 */
            for (e = 0; e < sz; e++)
                acb_zero(acb_mat_entry(A, 0, e));
            for (e = 0; e < sz; e++)
                if (iq[e] % (n + 1) == 0)
                    acb_one(acb_mat_entry(A, 0, e));
            for (c = 0; c < m; c++)
                acb_zero(acb_mat_entry(bq, 0, c));
        }
        ok = _qt_acb_mat_solve_certified(xq, A, bq, prec);
        for (a = 0; a < sz && ok; a++)
            for (c = 0; c < m; c++)
                acb_set(acb_mat_entry(x, iq[a], c), acb_mat_entry(xq, a, c));
        acb_mat_clear(A); acb_mat_clear(bq); acb_mat_clear(xq);
    }
    if (ok)
        for (c = 0; c < m; c++)
            for (q = 0; q < n; q++)
                for (r = 0; r < n; r++)
                    acb_set(acb_mat_entry(X, r, c * n + q), acb_mat_entry(x, r + q * n, c));
    else
        acb_mat_indeterminate(X);
    acb_mat_clear(b); acb_mat_clear(x);
    flint_free(comp); flint_free(idx); flint_free(first);
    if (!connected)
        return qt_fail(reason, QT_UNCERTIFIED, "the stationary state is not unique: the populations split into exactly uncoupled blocks (a dark level or sector, lemma L5b), so the Drazin inverse is undefined");
    if (!ok)
        return qt_fail(reason, QT_UNCERTIFIED, "the Drazin-inverse system could not be proven nonsingular (the stationary state may not be unique)");
    return QT_OK;
}

/* the one place that chooses the propagation route: by operation counts in scalar multiplications, the action route
   s K (2 + 2k) n^3 (s steps of degree K, lemma L7) against the dense exponential about
   (12 + log2(1 + s)) (n^2 + 1)^3, and always the dense route for a generator not of GKSL form (the action route's
   error bound is loose there, lemma L7 (c)); beyond QT_LIOUVILLE_MAX_DIM levels only the action route, within its
   work cap */
int
qt_lindblad_propagate(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0, const arb_t t,
                      slong prec, char *reason)
{
    slong n = G->n, K, s = qt_lindblad_action_steps(&K, G, t, prec), N = n * n + 1, max_steps;
    double per_step = (double) K * (2 + 2 * G->nops) * n * n * n;
    double action = s == WORD_MAX ? 1e300 : (double) s * per_step;
    double dense = (12 + log2(1.0 + (double) s)) * (double) N * N * N;
    if (n <= QT_LIOUVILLE_MAX_DIM && (dense < action || !qt_lindblad_is_gksl(G)))
    {
        qt_lindblad_propagate_dense(Xt, I, G, X0, t, prec);
        return QT_OK;
    }
    max_steps = (slong) (QT_LINDBLAD_ACTION_MAX_WORK / ((double) (1 + G->nops) * n * n * n)) + 1;
    return qt_lindblad_propagate_action(Xt, I, G, X0, t, max_steps, prec, reason);
}
