/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_blocks.c -- the blocks that the operators' exact zeros cut the superoperators of generators into (lemma
 * L3 (c) of proofs/open_systems.md).  In the basis of matrix units E_ij (column stacking, (i, j) at i + j n) the
 * superoperator of L(X) = -i[H, X] + sum_k r_k (L_k X L_k^* - 1/2 {L_k^* L_k, X}) has an entry in row (a, b) and
 * column (i, j) only where a product of operator entries puts a term: (a, j) through H_ai or (L_k^* L_k)_ai, (i, b)
 * through H_jb or (L_k^* L_k)_jb, (a, b) through (L_k)_ai (L_k^*)_jb.  The connected components of these pairs, over
 * every generator of a list and with (0,0) joined to every (i, i) (the trace row of lemma L3), are the blocks: each
 * generator maps the matrices supported on a block into themselves, and so does every exponential and product of
 * them.  Here: the blocks (union-find), their budget, and one generator's superoperator restricted to one block,
 * assembled from the operators' nonzero entries without the n^2 x n^2 matrix. */
#include "qtoracle/lindblad.h"

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

/* the nonzero pattern of M by columns (by_row = 0: for column i, the a with M_ai not an exact zero) or by rows
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

/* the pattern lists of one generator: H by columns and rows; per operator L_k by columns, L_k^* by rows, L_k^* L_k by
   columns and rows */
typedef struct
{
    slong nk;
    nz_lists Hc, Hr, *Lc, *Ldr, *Dc, *Dr;
}
gen_lists;

static void
gen_lists_init(gen_lists *g, const qt_lindblad_struct *G)
{
    slong k;
    g->nk = G->nops;
    nz_init(&g->Hc, G->H, 0);
    nz_init(&g->Hr, G->H, 1);
    g->Lc = flint_malloc(sizeof(nz_lists) * (g->nk + 1));
    g->Ldr = flint_malloc(sizeof(nz_lists) * (g->nk + 1));
    g->Dc = flint_malloc(sizeof(nz_lists) * (g->nk + 1));
    g->Dr = flint_malloc(sizeof(nz_lists) * (g->nk + 1));
    for (k = 0; k < g->nk; k++)
    {
        nz_init(g->Lc + k, G->L + k, 0);
        nz_init(g->Ldr + k, G->Ld + k, 1);
        nz_init(g->Dc + k, G->LdL + k, 0);
        nz_init(g->Dr + k, G->LdL + k, 1);
    }
}

static void
gen_lists_clear(gen_lists *g)
{
    slong k;
    nz_clear(&g->Hc);
    nz_clear(&g->Hr);
    for (k = 0; k < g->nk; k++)
    {
        nz_clear(g->Lc + k);
        nz_clear(g->Ldr + k);
        nz_clear(g->Dc + k);
        nz_clear(g->Dr + k);
    }
    flint_free(g->Lc); flint_free(g->Ldr); flint_free(g->Dc); flint_free(g->Dr);
}

slong
qt_lindblad_blocks(slong *blk, slong *idx, slong *pos, slong *first, const qt_lindblad_struct *G, slong ng)
{
    slong n = G[0].n, N = n * n, i, j, k, q, r, c, nb, g;
    slong *par = flint_malloc(sizeof(slong) * N), *fill;
    for (q = 0; q < N; q++)
        par[q] = q;
    for (g = 0; g < ng; g++)
    {
        gen_lists z;
        gen_lists_init(&z, G + g);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                q = i + j * n;
                for (k = -1; k < z.nk; k++)
                {
                    const nz_lists *C = k < 0 ? &z.Hc : z.Dc + k, *R = k < 0 ? &z.Hr : z.Dr + k;
                    for (r = C->start[i]; r < C->start[i + 1]; r++)
                        join(par, C->idx[r] + j * n, q);
                    for (r = R->start[j]; r < R->start[j + 1]; r++)
                        join(par, i + R->idx[r] * n, q);
                }
                for (k = 0; k < z.nk; k++)
                    for (r = z.Lc[k].start[i]; r < z.Lc[k].start[i + 1]; r++)
                        for (c = z.Ldr[k].start[j]; c < z.Ldr[k].start[j + 1]; c++)
                            join(par, z.Lc[k].idx[r] + z.Ldr[k].idx[c] * n, q);
            }
        gen_lists_clear(&z);
    }
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
    flint_free(par);
    return nb;
}

int
qt_lindblad_blocks_fit(const slong *first, slong nb, slong n, const char *what, char *reason)
{
    slong c, m, big = 0;
    double work = 0, D2 = (double) QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM;
    for (c = 0; c < nb; c++)
    {
        m = first[c + 1] - first[c];
        big = FLINT_MAX(big, m);
        work += (double) m * m * m;
    }
    if (big > QT_LIOUVILLE_MAX_DIM * QT_LIOUVILLE_MAX_DIM || work > 4 * D2 * D2 * D2)
        return qt_fail(reason, QT_UNCERTIFIED, "%s of a model with %ld levels is not computed: its system splits into "
                       "blocks of up to %ld unknowns (%ld blocks), beyond the budget of the dense Liouvillian of %d "
                       "levels", what, (long) n, (long) big, (long) nb, QT_LIOUVILLE_MAX_DIM);
    return QT_OK;
}

void
qt_lindblad_block_matrix(acb_mat_t A, const qt_lindblad_t G, const slong *idx, const slong *pos, slong prec)
{
    slong n = G->n, m = acb_mat_nrows(A), nk = G->nops, i, j, a, b, k, q, r;
    gen_lists z;
    acb_mat_struct *rL = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    acb_mat_struct *hD = flint_malloc(sizeof(acb_mat_struct) * (nk + 1));
    acb_mat_t iH;
    gen_lists_init(&z, G);
    /* the scaled operators: i H, rate_k L_k and rate_k/2 L_k^* L_k (exact zeros stay exact zeros) */
    acb_mat_init(iH, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            acb_mul_onei(acb_mat_entry(iH, i, j), acb_mat_entry(G->H, i, j));
    for (k = 0; k < nk; k++)
    {
        acb_mat_init(rL + k, n, n);
        acb_mat_init(hD + k, n, n);
        acb_mat_scalar_mul_acb(rL + k, G->L + k, G->rate + k, prec);
        acb_mat_scalar_mul_acb(hD + k, G->LdL + k, G->rate + k, prec);
        acb_mat_scalar_mul_2exp_si(hD + k, hD + k, -1);
    }
    acb_mat_zero(A);
    for (q = 0; q < m; q++)                         /* column q: L(E_ij), (i, j) the block's q-th pair */
    {
        i = idx[q] % n;
        j = idx[q] / n;
        /* -i [H, E_ij]: -i H_ai at (a, j), +i H_jb at (i, b) */
        for (r = z.Hc.start[i]; r < z.Hc.start[i + 1]; r++)
        {
            a = z.Hc.idx[r];
            acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                    acb_mat_entry(iH, a, i), prec);
        }
        for (r = z.Hr.start[j]; r < z.Hr.start[j + 1]; r++)
        {
            b = z.Hr.idx[r];
            acb_add(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                    acb_mat_entry(iH, j, b), prec);
        }
        /* rate (L E_ij L^* - 1/2 {L^* L, E_ij}) */
        for (k = 0; k < nk; k++)
        {
            for (r = z.Lc[k].start[i]; r < z.Lc[k].start[i + 1]; r++)
            {
                slong c;
                a = z.Lc[k].idx[r];
                for (c = z.Ldr[k].start[j]; c < z.Ldr[k].start[j + 1]; c++)
                {
                    b = z.Ldr[k].idx[c];
                    acb_addmul(acb_mat_entry(A, pos[a + b * n], q), acb_mat_entry(rL + k, a, i),
                               acb_mat_entry(G->Ld + k, j, b), prec);
                }
            }
            for (r = z.Dc[k].start[i]; r < z.Dc[k].start[i + 1]; r++)
            {
                a = z.Dc[k].idx[r];
                acb_sub(acb_mat_entry(A, pos[a + j * n], q), acb_mat_entry(A, pos[a + j * n], q),
                        acb_mat_entry(hD + k, a, i), prec);
            }
            for (r = z.Dr[k].start[j]; r < z.Dr[k].start[j + 1]; r++)
            {
                b = z.Dr[k].idx[r];
                acb_sub(acb_mat_entry(A, pos[i + b * n], q), acb_mat_entry(A, pos[i + b * n], q),
                        acb_mat_entry(hD + k, j, b), prec);
            }
        }
    }
    acb_mat_clear(iH);
    for (k = 0; k < nk; k++)
    {
        acb_mat_clear(rL + k);
        acb_mat_clear(hD + k);
    }
    flint_free(rL);
    flint_free(hD);
    gen_lists_clear(&z);
}
