/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_blocks.c -- the blocks that the operators' exact zeros cut the superoperators of generators into (lemma
 * L3 (c) of proofs/open_systems.md).  In the basis of matrix units E_ij (column stacking, (i, j) at i + j n) the
 * superoperator of L(X) = -i[H, X] + sum_k r_k (L_k X L_k^* - 1/2 {L_k^* L_k, X}) has an entry in row (a, b) and
 * column (i, j) only where a product of operator entries puts a term: (a, j) through H_ai or (L_k^* L_k)_ai, (i, b)
 * through H_jb or (L_k^* L_k)_jb, (a, b) through (L_k)_ai (L_k^*)_jb.  The connected components of these pairs, over
 * every generator of a list and with (0,0) joined to every (i, i) (the trace row of lemma L3), are the blocks: each
 * generator maps the matrices supported on a block into themselves, and so does every exponential and product of
 * them.  Here: the blocks (union-find), their budget, and one generator's superoperator restricted to one block,
 * assembled from the operators' nonzero entries (prepared once per generator) without the n^2 x n^2 matrix. */
#include "lindblad_internal.h"

/* union-find over the pairs, path halving, the smaller root kept (so (0,0), pair 0, roots its block) */
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

/* the pattern lists of one generator: H by columns and rows; per operator L_k by columns, L_k^* by rows, L_k^* L_k by
   columns and rows */
typedef struct
{
    slong nk;
    _qt_nz_lists Hc, Hr, *Lc, *Ldr, *Dc, *Dr;
}
gen_lists;

static void
gen_lists_init(gen_lists *g, const qt_lindblad_struct *G)
{
    slong k;
    g->nk = G->nops;
    _qt_nz_lists_init(&g->Hc, G->H, 1, 0, G->n);
    _qt_nz_lists_init(&g->Hr, G->H, 1, 1, G->n);
    g->Lc = flint_malloc(sizeof(_qt_nz_lists) * (g->nk + 1));
    g->Ldr = flint_malloc(sizeof(_qt_nz_lists) * (g->nk + 1));
    g->Dc = flint_malloc(sizeof(_qt_nz_lists) * (g->nk + 1));
    g->Dr = flint_malloc(sizeof(_qt_nz_lists) * (g->nk + 1));
    for (k = 0; k < g->nk; k++)
    {
        _qt_nz_lists_init(g->Lc + k, G->L + k, 1, 0, G->n);
        _qt_nz_lists_init(g->Ldr + k, G->Ld + k, 1, 1, G->n);
        _qt_nz_lists_init(g->Dc + k, G->LdL + k, 1, 0, G->n);
        _qt_nz_lists_init(g->Dr + k, G->LdL + k, 1, 1, G->n);
    }
}

static void
gen_lists_clear(gen_lists *g)
{
    slong k;
    _qt_nz_lists_clear(&g->Hc);
    _qt_nz_lists_clear(&g->Hr);
    for (k = 0; k < g->nk; k++)
    {
        _qt_nz_lists_clear(g->Lc + k);
        _qt_nz_lists_clear(g->Ldr + k);
        _qt_nz_lists_clear(g->Dc + k);
        _qt_nz_lists_clear(g->Dr + k);
    }
    flint_free(g->Lc); flint_free(g->Ldr); flint_free(g->Dc); flint_free(g->Dr);
}

/* the budget of the pattern (effort only): at most 2^26 joins over all generators (about a second here); beyond,
   every pair is put in one block, which is always a valid (if useless) cut */
#define QT_BLOCKS_PATTERN_MAX_JOINS 67108864.0

slong
qt_lindblad_blocks(slong *idx, slong *pos, slong *first, const qt_lindblad_struct *G, slong ng)
{
    slong n = G[0].n, N = n * n, i, j, k, q, r, c, nb, g;
    slong *par = flint_malloc(sizeof(slong) * N), *blk = flint_malloc(sizeof(slong) * N), *fill;
    gen_lists *z = flint_malloc(sizeof(gen_lists) * (ng + 1));
    double joins = 0;
    for (q = 0; q < N; q++)
        par[q] = q;
    for (g = 0; g < ng; g++)
    {
        gen_lists_init(z + g, G + g);
        /* n joins per nonzero of H and of each L_k^* L_k (twice: by columns and by rows), and per column pair (i, j)
           the product of column i's nonzeros of L_k with row j's of L_k^* */
        joins += 2.0 * n * z[g].Hc.start[n];
        for (k = 0; k < z[g].nk; k++)
            joins += 2.0 * n * z[g].Dc[k].start[n] + (double) z[g].Lc[k].start[n] * z[g].Ldr[k].start[n];
    }
    if (joins > QT_BLOCKS_PATTERN_MAX_JOINS)
        for (q = 1; q < N; q++)
            par[q] = 0;
    for (g = 0; g < ng && joins <= QT_BLOCKS_PATTERN_MAX_JOINS; g++)
    {
        const gen_lists *y = z + g;
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                q = i + j * n;
                for (k = -1; k < y->nk; k++)
                {
                    const _qt_nz_lists *C = k < 0 ? &y->Hc : y->Dc + k, *R = k < 0 ? &y->Hr : y->Dr + k;
                    for (r = C->start[i]; r < C->start[i + 1]; r++)
                        join(par, C->idx[r] + j * n, q);
                    for (r = R->start[j]; r < R->start[j + 1]; r++)
                        join(par, i + R->idx[r] * n, q);
                }
                for (k = 0; k < y->nk; k++)
                    for (r = y->Lc[k].start[i]; r < y->Lc[k].start[i + 1]; r++)
                        for (c = y->Ldr[k].start[j]; c < y->Ldr[k].start[j + 1]; c++)
                            join(par, y->Lc[k].idx[r] + y->Ldr[k].idx[c] * n, q);
            }
    }
    for (g = 0; g < ng; g++)
        gen_lists_clear(z + g);
    flint_free(z);
    for (i = 1; i < n; i++)
        join(par, 0, i + i * n);
    /* number the blocks by their roots, ascending (block 0 holds (0,0)); list the pairs block by block */
    for (q = 0, nb = 0; q < N; q++)
        blk[q] = (root(par, q) == q) ? nb++ : -1;
    for (c = 0; c <= nb; c++)
        first[c] = 0;
    for (q = 0; q < N; q++)
    {
        blk[q] = blk[root(par, q)];
        first[blk[q] + 1]++;
    }
    for (c = 0; c < nb; c++)
        first[c + 1] += first[c];
    fill = flint_calloc(nb, sizeof(slong));
    for (q = 0; q < N; q++)
    {
        pos[q] = fill[blk[q]]++;
        idx[first[blk[q]] + pos[q]] = q;
    }
    flint_free(fill);
    flint_free(blk);
    flint_free(par);
    return nb;
}

int
qt_lindblad_blocks_fit(const slong *first, slong nb, slong n, slong reps, const char *what, char *reason)
{
    slong c, m, big = 0;
    double work = 0, D2 = (double) QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM;
    for (c = 0; c < nb; c++)
    {
        m = first[c + 1] - first[c];
        big = FLINT_MAX(big, m);
        work += (double) m * m * m;
    }
    /* reps passes over the blocks (the strokes of a cycle) may cost at most 4 min(reps, 16) dense systems of
       QT_LIOUVILLE_MAX_DIM levels: never more than 64 dense strokes, the most a cycle of that size could take */
    if (big > QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM || work * reps > 4 * D2 * D2 * D2 * FLINT_MIN(reps, 16))
        return qt_fail(reason, QT_UNCERTIFIED, "%s of a model with %ld levels is not computed: its system splits into "
                       "blocks of up to %ld unknowns (%ld blocks, %ld passes), beyond the budget of the dense "
                       "Liouvillian of %d levels", what, (long) n, (long) big, (long) nb, (long) reps,
                       QT_LIOUVILLE_MAX_DIM);
    return QT_OK;
}

int
qt_lindblad_blocks_cheaper(const qt_lindblad_struct *G, slong ng)
{
    slong N = G[0].n * G[0].n, nb, c;
    slong *pos = flint_malloc(sizeof(slong) * N), *idx = flint_malloc(sizeof(slong) * N);
    slong *first = flint_malloc(sizeof(slong) * (N + 1));
    double work = 0, m;
    nb = qt_lindblad_blocks(idx, pos, first, G, ng);
    for (c = 0; c < nb; c++)
    {
        m = (double) (first[c + 1] - first[c]);
        work += m * m * m;
    }
    flint_free(pos); flint_free(idx); flint_free(first);
    return 8 * work < (double) N * N * N;
}

struct qt_lindblad_block_ops_struct
{
    slong n, nk;
    gen_lists z;
    acb_mat_t iH;
    acb_mat_struct *rL, *hD, *Ld;
};

qt_lindblad_block_ops_struct *
qt_lindblad_block_ops_init(const qt_lindblad_t G, slong prec)
{
    qt_lindblad_block_ops_struct *B = flint_malloc(sizeof(qt_lindblad_block_ops_struct));
    slong n = G->n, nk = G->nops, i, j, k;
    B->n = n;
    B->nk = nk;
    gen_lists_init(&B->z, G);
    /* the scaled operators: i H, rate_k L_k and rate_k/2 L_k^* L_k (exact zeros stay exact zeros); L_k^* as given */
    acb_mat_init(B->iH, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            acb_mul_onei(acb_mat_entry(B->iH, i, j), acb_mat_entry(G->H, i, j));
    B->rL = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    B->hD = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    B->Ld = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    for (k = 0; k < nk; k++)
    {
        acb_mat_init(B->rL + k, n, n);
        acb_mat_init(B->hD + k, n, n);
        acb_mat_init(B->Ld + k, n, n);
        acb_mat_scalar_mul_acb(B->rL + k, G->L + k, G->rate + k, prec);
        acb_mat_scalar_mul_acb(B->hD + k, G->LdL + k, G->rate + k, prec);
        acb_mat_scalar_mul_2exp_si(B->hD + k, B->hD + k, -1);
        acb_mat_set(B->Ld + k, G->Ld + k);
    }
    return B;
}

void
qt_lindblad_block_ops_clear(qt_lindblad_block_ops_struct *B)
{
    slong k;
    acb_mat_clear(B->iH);
    for (k = 0; k < B->nk; k++)
    {
        acb_mat_clear(B->rL + k);
        acb_mat_clear(B->hD + k);
        acb_mat_clear(B->Ld + k);
    }
    flint_free(B->rL);
    flint_free(B->hD);
    flint_free(B->Ld);
    gen_lists_clear(&B->z);
    flint_free(B);
}

void
qt_lindblad_block_matrix(acb_mat_t A, const qt_lindblad_block_ops_struct *B, const slong *idx, const slong *pos,
                         slong prec)
{
    slong n = B->n, m = acb_mat_nrows(A), nk = B->nk, i, j, a, b, k, q, r, c;
    const gen_lists *z = &B->z;
    acb_mat_zero(A);
    for (q = 0; q < m; q++)                         /* column q: L(E_ij), (i, j) the block's q-th pair */
    {
        i = idx[q] % n;
        j = idx[q] / n;
        /* -i [H, E_ij]: -i H_ai at (a, j), +i H_jb at (i, b) */
        for (r = z->Hc.start[i]; r < z->Hc.start[i + 1]; r++)
        {
            a = z->Hc.idx[r];
            acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                    acb_mat_entry(B->iH, a, i), prec);
        }
        for (r = z->Hr.start[j]; r < z->Hr.start[j + 1]; r++)
        {
            b = z->Hr.idx[r];
            acb_add(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                    acb_mat_entry(B->iH, j, b), prec);
        }
        /* rate (L E_ij L^* - 1/2 {L^* L, E_ij}) */
        for (k = 0; k < nk; k++)
        {
            for (r = z->Lc[k].start[i]; r < z->Lc[k].start[i + 1]; r++)
            {
                a = z->Lc[k].idx[r];
                for (c = z->Ldr[k].start[j]; c < z->Ldr[k].start[j + 1]; c++)
                {
                    b = z->Ldr[k].idx[c];
                    acb_addmul(acb_mat_entry(A, pos[a + b * n], q), acb_mat_entry(B->rL + k, a, i),
                               acb_mat_entry(B->Ld + k, j, b), prec);
                }
            }
            for (r = z->Dc[k].start[i]; r < z->Dc[k].start[i + 1]; r++)
            {
                a = z->Dc[k].idx[r];
                acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                        acb_mat_entry(B->hD + k, a, i), prec);
            }
            for (r = z->Dr[k].start[j]; r < z->Dr[k].start[j + 1]; r++)
            {
                b = z->Dr[k].idx[r];
                acb_sub(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                        acb_mat_entry(B->hD + k, j, b), prec);
            }
        }
    }
}

int
qt_lindblad_block_nonsingular(const acb_mat_t A, slong prec)
{
    slong m = acb_mat_nrows(A), *perm = flint_malloc(sizeof(slong) * (m + 1));
    acb_mat_t LU, x, b;
    int ok;
    acb_mat_init(LU, m, m);
    ok = acb_mat_lu(perm, LU, A, prec);                 /* pivots proven nonzero */
    acb_mat_clear(LU);
    flint_free(perm);
    if (!ok)
    {
        acb_mat_init(x, m, 1); acb_mat_init(b, m, 1);
        ok = acb_mat_solve_precond(x, A, b, prec);
        acb_mat_clear(x); acb_mat_clear(b);
    }
    return ok;
}
