/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qmat_arith.c -- exact arithmetic on matrices over Q(i). */
#include "qtoracle/matrix.h"

void
qt_qmat_set(qt_qmat_t B, const qt_qmat_t A)
{
    slong k;
    for (k = 0; k < A->n * A->n; k++)
    {
        fmpq_set(B->re + k, A->re + k);
        fmpq_set(B->im + k, A->im + k);
    }
}

void
qt_qmat_add(qt_qmat_t C, const qt_qmat_t A, const qt_qmat_t B)
{
    slong k;
    for (k = 0; k < A->n * A->n; k++)
    {
        fmpq_add(C->re + k, A->re + k, B->re + k);
        fmpq_add(C->im + k, A->im + k, B->im + k);
    }
}

void
qt_qmat_mul(qt_qmat_t C, const qt_qmat_t A, const qt_qmat_t B)
{
    slong n = A->n, i, j, l;
    qt_qmat_t T;
    fmpq_t t;
    qt_qmat_init(T, n);
    fmpq_init(t);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            for (l = 0; l < n; l++)
            {
                const fmpq *ar = A->re + i * n + l, *ai = A->im + i * n + l;
                const fmpq *br = B->re + l * n + j, *bi = B->im + l * n + j;
                fmpq_mul(t, ar, br);
                fmpq_add(T->re + i * n + j, T->re + i * n + j, t);
                fmpq_mul(t, ai, bi);
                fmpq_sub(T->re + i * n + j, T->re + i * n + j, t);
                fmpq_mul(t, ar, bi);
                fmpq_add(T->im + i * n + j, T->im + i * n + j, t);
                fmpq_mul(t, ai, br);
                fmpq_add(T->im + i * n + j, T->im + i * n + j, t);
            }
    qt_qmat_set(C, T);
    qt_qmat_clear(T);
    fmpq_clear(t);
}

void
qt_qmat_real_embedding(fmpq_mat_t M, const qt_qmat_t A)
{
    slong i, j, n = A->n;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpq_set(fmpq_mat_entry(M, i, j), A->re + i * n + j);
            fmpq_set(fmpq_mat_entry(M, i + n, j + n), A->re + i * n + j);
            fmpq_neg(fmpq_mat_entry(M, i, j + n), A->im + i * n + j);
            fmpq_set(fmpq_mat_entry(M, i + n, j), A->im + i * n + j);
        }
}

slong
qt_qmat_rank2(const qt_qmat_t A)
{
    slong n = A->n, r;
    fmpq_mat_t M;
    fmpq_mat_init(M, 2 * n, 2 * n);
    qt_qmat_real_embedding(M, A);
    {
        /* rank over Q = rank of the integer matrix after clearing one common denominator */
        fmpz_mat_t Z;
        fmpz_t den;
        fmpz_mat_init(Z, 2 * n, 2 * n);
        fmpz_init(den);
        fmpq_mat_get_fmpz_mat_matwise(Z, den, M);
        r = fmpz_mat_rank(Z);
        fmpz_mat_clear(Z);
        fmpz_clear(den);
    }
    fmpq_mat_clear(M);
    return r;
}

void
qt_qmat_adjoint(qt_qmat_t B, const qt_qmat_t A)
{
    slong n = A->n, i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpq_set(B->re + j * n + i, A->re + i * n + j);
            fmpq_neg(B->im + j * n + i, A->im + i * n + j);
        }
}
