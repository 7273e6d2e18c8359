/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_pattern.c -- the structural support of exp(tL) X0 (lemma L7 (f) of proofs/open_systems.md): the least set
 * S of index pairs that contains every pair where the ball X0 is not an exact zero and is closed under the
 * generator's products with the exact-zero pattern of its ball operators,
 *   (i, j) -> (a, j) where H_ai or some (L_k^* L_k)_ai is not an exact zero    (H X, L^*L X)
 *   (i, j) -> (i, b) where H_jb or some (L_k^* L_k)_jb is not an exact zero    (X H, X L^*L)
 *   (i, j) -> (a, b) where (L_k)_ai and (L_k^*)_jb are not exact zeros        (L X L^*, with L^* the operator given).
 * Matrices supported on S form a space that every generator in the ball maps into itself, so it holds exp(tL) X0 for
 * every t.  A breadth-first search over the pairs: each pair is taken once, O(|S| (n + sum_k d_k d_k')) for operator
 * columns and rows of d_k, d_k' entries.  Also the line-by-line nonzero lists of matrices (_qt_nz_lists,
 * lindblad_internal.h) that lindblad_blocks.c reads the same moves from. */
#include <stdlib.h>
#include <string.h>
#include "lindblad_internal.h"

void
_qt_nz_lists_init(_qt_nz_lists *p, const acb_mat_struct *M, slong nm, int by_row, slong n)
{
    slong i, a, m, q = 0;
    p->start = flint_malloc((n + 1) * sizeof(slong));
    p->idx = flint_malloc((n * n + 1) * sizeof(slong));
    for (i = 0; i < n; i++)
    {
        p->start[i] = q;
        for (a = 0; a < n; a++)
            for (m = 0; m < nm; m++)
                if (!acb_is_zero(by_row ? acb_mat_entry(M + m, i, a) : acb_mat_entry(M + m, a, i)))
                {
                    p->idx[q++] = a;
                    break;
                }
    }
    p->start[n] = q;
}

void
_qt_nz_lists_clear(_qt_nz_lists *p)
{
    flint_free(p->start);
    flint_free(p->idx);
}

slong
qt_lindblad_support_pattern(char *S, const qt_lindblad_t G, const acb_mat_t X0)
{
    slong n = G->n, i, j, k, q, r, top = 0, count = 0;
    slong *stack = malloc(n * n * sizeof(slong));
    acb_mat_struct *drift = malloc((1 + G->nops) * sizeof(acb_mat_struct));
    _qt_nz_lists left, right;
    _qt_nz_lists *jl = malloc((G->nops + 1) * sizeof(_qt_nz_lists)), *jr = malloc((G->nops + 1) * sizeof(_qt_nz_lists));

    /* shallow copies: only read */
    drift[0] = *G->H;
    for (k = 0; k < G->nops; k++)
        drift[1 + k] = G->LdL[k];
    _qt_nz_lists_init(&left, drift, 1 + G->nops, 0, n);     /* by column i: the a with H_ai or (L^*L)_ai */
    _qt_nz_lists_init(&right, drift, 1 + G->nops, 1, n);    /* by row j: the b with H_jb or (L^*L)_jb */
    for (k = 0; k < G->nops; k++)
    {
        _qt_nz_lists_init(jl + k, G->L + k, 1, 0, n);
        _qt_nz_lists_init(jr + k, G->Ld + k, 1, 1, n);
    }
    memset(S, 0, n * n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            if (!acb_is_zero(acb_mat_entry(X0, i, j)))
            {
                S[i * n + j] = 1;
                stack[top++] = i * n + j;
            }
#define VISIT(a, b) do { slong p_ = (a) * n + (b); if (!S[p_]) { S[p_] = 1; stack[top++] = p_; } } while (0)
    while (top > 0)
    {
        slong p = stack[--top];
        count++;
        i = p / n;
        j = p % n;
        for (q = left.start[i]; q < left.start[i + 1]; q++)
            VISIT(left.idx[q], j);
        for (q = right.start[j]; q < right.start[j + 1]; q++)
            VISIT(i, right.idx[q]);
        for (k = 0; k < G->nops; k++)
            for (q = jl[k].start[i]; q < jl[k].start[i + 1]; q++)
                for (r = jr[k].start[j]; r < jr[k].start[j + 1]; r++)
                    VISIT(jl[k].idx[q], jr[k].idx[r]);
    }
#undef VISIT
    _qt_nz_lists_clear(&left);
    _qt_nz_lists_clear(&right);
    for (k = 0; k < G->nops; k++)
    {
        _qt_nz_lists_clear(jl + k);
        _qt_nz_lists_clear(jr + k);
    }
    free(jl); free(jr); free(drift); free(stack);
    return count;
}
