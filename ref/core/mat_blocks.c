/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* mat_blocks.c -- the blocks that exact zeros cut a square ball matrix into: the connected components of the graph on
 * its indices with an edge i - j wherever the entry (i, j) or (j, i) is not an exact zero.  Every member of the ball
 * is block diagonal over them up to a permutation (an exact zero is 0 in every member).  The indices grouped by block,
 * and the principal submatrix on a list of indices (a block, or a permuted matrix). */
#include "qtoracle/matrix.h"

slong
qt_acb_mat_zero_blocks(slong *comp, const acb_mat_t A)
{
    slong n = acb_mat_nrows(A), i, j, k, nc = 0;
    slong *stack = flint_malloc(sizeof(slong) * (n + 1));
    for (i = 0; i < n; i++)
        comp[i] = -1;
    for (i = 0; i < n; i++)
    {
        slong top = 0;
        if (comp[i] >= 0)
            continue;
        comp[i] = nc;
        stack[top++] = i;
        while (top > 0)
        {
            k = stack[--top];
            for (j = 0; j < n; j++)
                if (comp[j] < 0 && (!acb_is_zero(acb_mat_entry(A, k, j)) || !acb_is_zero(acb_mat_entry(A, j, k))))
                {
                    comp[j] = nc;
                    stack[top++] = j;
                }
        }
        nc++;
    }
    flint_free(stack);
    return nc;
}

void
qt_blocks_group(slong *idx, slong *first, const slong *comp, slong n, slong nc)
{
    slong i, b;
    /* a counting sort: block sizes, their prefix sums, then each index in ascending order into its block */
    for (b = 0; b <= nc; b++)
        first[b] = 0;
    for (i = 0; i < n; i++)
        first[comp[i] + 1]++;
    for (b = 0; b < nc; b++)
        first[b + 1] += first[b];
    for (i = 0; i < n; i++)
        idx[first[comp[i]]++] = i;
    for (b = nc; b > 0; b--)
        first[b] = first[b - 1];
    first[0] = 0;
}

void
qt_acb_mat_principal(acb_mat_t B, const acb_mat_t A, const slong *idx)
{
    slong m = acb_mat_nrows(B), i, j;
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
            acb_set(acb_mat_entry(B, i, j), acb_mat_entry(A, idx[i], idx[j]));
}
