/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_steady_blocks.c -- the stationary state by the blocks of its system (lemma L3 (c) of proofs/open_systems.md).
 * The unit-trace system of lemma L3 (a), the superoperator with the equation of (0,0) replaced by the trace, has an
 * entry in row (a,b) and column (i,j) that is not an exact zero only where a product of the generator's operator
 * entries puts a term (the pattern of lindblad_solve.c's superoperator) or, in row (0,0), at a diagonal (i,i).  The
 * connected components of that pattern cut the system into blocks, principal submatrices, each assembled here from the
 * operators' nonzero entries without the n^2 x n^2 matrix.  The right-hand side e_(0,0) lives in the block of (0,0):
 * solved there; every other block is proven nonsingular, so its part of the solution is exactly 0.  The system is
 * nonsingular iff every block is, so this certifies the unique stationary state that the dense solve would, at a cost
 * of sum |C|^3 over the blocks C instead of n^6. */
#include <string.h>
#include "qtoracle/lindblad.h"

/* union-find over the n^2 index pairs (column stacking, (i, j) at i + j n), path halving, the smaller root kept */
static slong
root(slong *p, slong x)
{
    while (p[x] != x)
    {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void
join(slong *p, slong a, slong b)
{
    a = root(p, a);
    b = root(p, b);
    if (a < b)
        p[b] = a;
    else if (b < a)
        p[a] = b;
}

/* the nonzero pattern of a matrix by columns (by_row = 0: for column i, the a with M_ai not an exact zero) or by rows
   (by_row = 1: for row j, the b with M_jb not an exact zero): idx[start[i] .. start[i + 1]) */
typedef struct
{
    slong *start, *idx;
}
nz_lists;

static void
nz_init(nz_lists *z, const acb_mat_t M, int by_row)
{
    slong n = acb_mat_nrows(M), i, a, c = 0;
    z->start = flint_malloc(sizeof(slong) * (n + 1));
    z->idx = flint_malloc(sizeof(slong) * (n * n + 1));
    for (i = 0; i < n; i++)
    {
        z->start[i] = c;
        for (a = 0; a < n; a++)
            if (!acb_is_zero(by_row ? acb_mat_entry(M, i, a) : acb_mat_entry(M, a, i)))
                z->idx[c++] = a;
    }
    z->start[n] = c;
}

static void
nz_clear(nz_lists *z)
{
    flint_free(z->start);
    flint_free(z->idx);
}

/* A x = b proven nonsingular (preconditioned, else plain LU) */
static int
solve(acb_mat_t x, const acb_mat_t A, const acb_mat_t b, slong prec)
{
    return acb_mat_solve_precond(x, A, b, prec) || acb_mat_solve(x, A, b, prec);
}

int
qt_lindblad_steady_state_blocks(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason)
{
    slong n = G->n, N = n * n, nk = G->nops, i, j, a, b, k, q, r, m, c, nb, big = 0;
    slong *par, *first, *idx, *pos, *blk;
    double work = 0;
    nz_lists Hc, Hr, *Lc, *Ldr, *Dc, *Dr;
    acb_mat_struct *rL, *hD;
    acb_mat_t iH;
    int st = QT_OK;

    acb_mat_zero(X);
    par = flint_malloc(sizeof(slong) * N);
    for (q = 0; q < N; q++)
        par[q] = q;
    Lc = flint_malloc(sizeof(nz_lists) * (nk + 1));
    Ldr = flint_malloc(sizeof(nz_lists) * (nk + 1));
    Dc = flint_malloc(sizeof(nz_lists) * (nk + 1));
    Dr = flint_malloc(sizeof(nz_lists) * (nk + 1));
    nz_init(&Hc, G->H, 0);
    nz_init(&Hr, G->H, 1);
    for (k = 0; k < nk; k++)
    {
        nz_init(Lc + k, G->L + k, 0);
        nz_init(Ldr + k, G->Ld + k, 1);
        nz_init(Dc + k, G->LdL + k, 0);
        nz_init(Dr + k, G->LdL + k, 1);
    }

    /* the pattern: column (i, j) reaches row (a, j) through M_ai and row (i, b) through M_jb for M = H and every
       L_k^* L_k (the products M X and X M), row (a, b) through (L_k)_ai (L_k^*)_jb (L_k X L_k^*); the trace row joins
       (0,0) to every (i, i) */
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            q = i + j * n;
            for (k = -1; k < nk; k++)
            {
                const nz_lists *C = k < 0 ? &Hc : Dc + k, *R = k < 0 ? &Hr : Dr + k;
                for (r = C->start[i]; r < C->start[i + 1]; r++)
                    join(par, C->idx[r] + j * n, q);
                for (r = R->start[j]; r < R->start[j + 1]; r++)
                    join(par, i + R->idx[r] * n, q);
            }
            for (k = 0; k < nk; k++)
                for (r = Lc[k].start[i]; r < Lc[k].start[i + 1]; r++)
                    for (c = Ldr[k].start[j]; c < Ldr[k].start[j + 1]; c++)
                        join(par, Lc[k].idx[r] + Ldr[k].idx[c] * n, q);
        }
    for (i = 1; i < n; i++)
        join(par, 0, i + i * n);

    /* the blocks: blk[q] numbers q's component, idx lists the pairs block by block (ascending within a block), pos[q]
       is q's place in its block */
    blk = flint_malloc(sizeof(slong) * N);
    pos = flint_malloc(sizeof(slong) * N);
    idx = flint_malloc(sizeof(slong) * N);
    first = flint_calloc(N + 1, sizeof(slong));
    for (q = 0, nb = 0; q < N; q++)
        blk[q] = (root(par, q) == q) ? nb++ : -1;
    for (q = 0; q < N; q++)
    {
        blk[q] = blk[root(par, q)];
        first[blk[q] + 1]++;
    }
    for (c = 0; c < nb; c++)
        first[c + 1] += first[c];
    {
        slong *fill = flint_calloc(nb, sizeof(slong));
        for (q = 0; q < N; q++)
        {
            pos[q] = fill[blk[q]]++;
            idx[first[blk[q]] + pos[q]] = q;
        }
        flint_free(fill);
    }
    for (c = 0; c < nb; c++)
    {
        m = first[c + 1] - first[c];
        big = FLINT_MAX(big, m);
        work += (double) m * m * m;
    }
    /* the budget: no block larger than the dense system of QT_LIOUVILLE_MAX_DIM levels, and sum |C|^3 at most four
       times its cost (effort only) */
    if (big > (slong) QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM
        || work > 4.0 * QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM
                  * QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM)
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "the stationary state of a model with %ld levels is not computed: its "
                     "unit-trace system splits into blocks of up to %ld unknowns (%ld blocks), beyond the budget of "
                     "the dense solve of %d levels", (long) n, (long) big, (long) nb, QT_LIOUVILLE_MAX_DIM);
        goto cleanup_pattern;
    }

    /* the scaled operators: i H, rate_k L_k and rate_k/2 L_k^* L_k (exact zeros stay exact zeros) */
    acb_mat_init(iH, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            acb_mul_onei(acb_mat_entry(iH, i, j), acb_mat_entry(G->H, i, j));
    rL = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    hD = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    for (k = 0; k < nk; k++)
    {
        acb_mat_init(rL + k, n, n);
        acb_mat_init(hD + k, n, n);
        acb_mat_scalar_mul_acb(rL + k, G->L + k, G->rate + k, prec);
        acb_mat_scalar_mul_acb(hD + k, G->LdL + k, G->rate + k, prec);
        acb_mat_scalar_mul_2exp_si(hD + k, hD + k, -1);
    }

    for (c = 0; c < nb && st == QT_OK; c++)
    {
        acb_mat_t A, x, rhs;
        slong has00 = (blk[0] == c);
        m = first[c + 1] - first[c];
        acb_mat_init(A, m, m);
        acb_mat_init(x, m, 1);
        acb_mat_init(rhs, m, 1);
        for (q = 0; q < m; q++)                     /* column q: L(E_ij), (i, j) the block's q-th pair */
        {
            slong u = idx[first[c] + q];
            i = u % n;
            j = u / n;
            /* -i [H, E_ij]: -i H_ai at (a, j), +i H_jb at (i, b) */
            for (r = Hc.start[i]; r < Hc.start[i + 1]; r++)
            {
                a = Hc.idx[r];
                acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                        acb_mat_entry(iH, a, i), prec);
            }
            for (r = Hr.start[j]; r < Hr.start[j + 1]; r++)
            {
                b = Hr.idx[r];
                acb_add(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                        acb_mat_entry(iH, j, b), prec);
            }
            for (k = 0; k < nk; k++)
            {
                /* rate (L E_ij L^* - 1/2 {L^* L, E_ij}) */
                for (r = Lc[k].start[i]; r < Lc[k].start[i + 1]; r++)
                {
                    a = Lc[k].idx[r];
                    for (b = Ldr[k].start[j]; b < Ldr[k].start[j + 1]; b++)
                        acb_addmul(acb_mat_entry(A, pos[a + Ldr[k].idx[b] * n], q), acb_mat_entry(rL + k, a, i),
                                   acb_mat_entry(G->Ld + k, j, Ldr[k].idx[b]), prec);
                }
                for (r = Dc[k].start[i]; r < Dc[k].start[i + 1]; r++)
                {
                    a = Dc[k].idx[r];
                    acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                            acb_mat_entry(hD + k, a, i), prec);
                }
                for (r = Dr[k].start[j]; r < Dr[k].start[j + 1]; r++)
                {
                    b = Dr[k].idx[r];
                    acb_sub(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                            acb_mat_entry(hD + k, j, b), prec);
                }
            }
        }
        if (has00)
        {
            /* the equation of (0,0) becomes sum_i X_ii = 1 (lemma L3 (a)) */
            for (q = 0; q < m; q++)
            {
                slong u = idx[first[c] + q];
                acb_set_si(acb_mat_entry(A, pos[0], q), u % n == u / n);
            }
            acb_one(acb_mat_entry(rhs, pos[0], 0));
        }
        if (!solve(x, A, rhs, prec))
            st = qt_fail(reason, QT_UNCERTIFIED, "the stationary-state system could not be proven nonsingular (the "
                         "stationary state may not be unique): its block of %ld unknowns%s", (long) m,
                         has00 ? " holding the trace" : "");
        else if (has00)
            for (q = 0; q < m; q++)
            {
                slong u = idx[first[c] + q];
                acb_set(acb_mat_entry(X, u % n, u / n), acb_mat_entry(x, q, 0));
            }
        acb_mat_clear(A);
        acb_mat_clear(x);
        acb_mat_clear(rhs);
    }
    if (st == QT_OK && qt_lindblad_is_gksl(G))
        qt_acb_mat_hermitian_part(X, X, prec);     /* lemma L3 (b): the stationary state is Hermitian */

    acb_mat_clear(iH);
    for (k = 0; k < nk; k++)
    {
        acb_mat_clear(rL + k);
        acb_mat_clear(hD + k);
    }
    flint_free(rL);
    flint_free(hD);
cleanup_pattern:
    if (st != QT_OK)
        acb_mat_indeterminate(X);
    nz_clear(&Hc);
    nz_clear(&Hr);
    for (k = 0; k < nk; k++)
    {
        nz_clear(Lc + k);
        nz_clear(Ldr + k);
        nz_clear(Dc + k);
        nz_clear(Dr + k);
    }
    flint_free(Lc); flint_free(Ldr); flint_free(Dc); flint_free(Dr);
    flint_free(par); flint_free(blk); flint_free(pos); flint_free(idx); flint_free(first);
    return st;
}
