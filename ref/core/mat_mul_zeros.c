/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* mat_mul_zeros.c -- the product of two ball matrices with many exact zeros (the jump operators of a secular
 * generator in an eigenbasis): each entry is one acb_dot over the terms whose factors are both nonzero (a term with an
 * exact zero factor is an exact zero with zero radius), its exact sum rounded once. */
#include "qtoracle/matrix.h"

void
qt_acb_mat_mul_zeros(acb_mat_t C, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    slong m = acb_mat_nrows(A), n = acb_mat_ncols(A), p = acb_mat_ncols(B), i, j, k, len;
    acb_struct *x, *y;
    if (C == A || C == B)
    {
        acb_mat_t T;
        acb_mat_init(T, m, p);
        qt_acb_mat_mul_zeros(T, A, B, prec);
        acb_mat_swap(T, C);
        acb_mat_clear(T);
        return;
    }
    /* shallow copies of the nonzero factors (read only, never cleared) */
    x = flint_malloc(sizeof(acb_struct) * FLINT_MAX(n, 1));
    y = flint_malloc(sizeof(acb_struct) * FLINT_MAX(n, 1));
    for (i = 0; i < m; i++)
        for (j = 0; j < p; j++)
        {
            for (k = len = 0; k < n; k++)
                if (!acb_is_zero(acb_mat_entry(A, i, k)) && !acb_is_zero(acb_mat_entry(B, k, j)))
                {
                    x[len] = *acb_mat_entry(A, i, k);
                    y[len++] = *acb_mat_entry(B, k, j);
                }
            acb_dot(acb_mat_entry(C, i, j), NULL, 0, x, 1, y, 1, len, prec);
        }
    flint_free(x);
    flint_free(y);
}
