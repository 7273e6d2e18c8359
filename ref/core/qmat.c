/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qmat.c -- exact complex matrices (entries in Q(i)), row-major. */
#include <stdio.h>
#include "qtoracle/matrix.h"

void
qt_qmat_init(qt_qmat_t A, slong n)
{
    A->n = n;
    A->re = _fmpq_vec_init(n * n);
    A->im = _fmpq_vec_init(n * n);
}

void
qt_qmat_clear(qt_qmat_struct *A)
{
    _fmpq_vec_clear(A->re, A->n * A->n);
    _fmpq_vec_clear(A->im, A->n * A->n);
}

int
qt_qmat_set_strings(qt_qmat_t A, const char *const *re, const char *const *im, char *err, size_t errlen)
{
    slong k, n = A->n;
    char msg[256];
    for (k = 0; k < n * n; k++)
    {
        if (qt_exact_parse(A->re + k, re[k], msg, sizeof msg))
        {
            snprintf(err, errlen, "entry (%ld,%ld) real part %s", (long) (k / n), (long) (k % n), msg);
            return 1;
        }
        if (im == NULL)
            fmpq_zero(A->im + k);
        else if (qt_exact_parse(A->im + k, im[k], msg, sizeof msg))
        {
            snprintf(err, errlen, "entry (%ld,%ld) imaginary part %s", (long) (k / n), (long) (k % n), msg);
            return 1;
        }
    }
    return 0;
}

int
qt_qmat_is_hermitian(const qt_qmat_t A, char *where, size_t len)
{
    slong i, j, n = A->n;
    fmpq_t t;
    fmpq_init(t);
    for (i = 0; i < n; i++)
        for (j = i; j < n; j++)
        {
            fmpq_add(t, A->im + i * n + j, A->im + j * n + i);
            if (!fmpq_equal(A->re + i * n + j, A->re + j * n + i) || !fmpq_is_zero(t))
            {
                if (where != NULL)
                    snprintf(where, len, "entry (%ld,%ld) is not the complex conjugate of entry (%ld,%ld)",
                             (long) i, (long) j, (long) j, (long) i);
                fmpq_clear(t);
                return 0;
            }
        }
    fmpq_clear(t);
    return 1;
}

int
qt_qmat_is_diagonal(const qt_qmat_t A)
{
    slong i, n = A->n;
    for (i = 0; i < n * n; i++)
        if ((i % n != i / n && !fmpq_is_zero(A->re + i)) || !fmpq_is_zero(A->im + i))
            return 0;
    return 1;
}

void
qt_qmat_trace(fmpq_t re, fmpq_t im, const qt_qmat_t A)
{
    slong i, n = A->n;
    fmpq_zero(re);
    fmpq_zero(im);
    for (i = 0; i < n; i++)
    {
        fmpq_add(re, re, A->re + i * n + i);
        fmpq_add(im, im, A->im + i * n + i);
    }
}

void
qt_qmat_trace_product(fmpq_t re, fmpq_t im, const qt_qmat_t A, const qt_qmat_t B)
{
    /* tr(AB) = sum_ij A_ij B_ji */
    slong i, j, n = A->n;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(re);
    fmpq_zero(im);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            const fmpq *ar = A->re + i * n + j, *ai = A->im + i * n + j;
            const fmpq *br = B->re + j * n + i, *bi = B->im + j * n + i;
            fmpq_mul(t, ar, br);
            fmpq_add(re, re, t);
            fmpq_mul(t, ai, bi);
            fmpq_sub(re, re, t);
            fmpq_mul(t, ar, bi);
            fmpq_add(im, im, t);
            fmpq_mul(t, ai, br);
            fmpq_add(im, im, t);
        }
    fmpq_clear(t);
}

void
qt_qmat_get_acb_mat(acb_mat_t M, const qt_qmat_t A, slong prec)
{
    slong i, j, n = A->n;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            arb_set_fmpq(acb_realref(acb_mat_entry(M, i, j)), A->re + i * n + j, prec);
            arb_set_fmpq(acb_imagref(acb_mat_entry(M, i, j)), A->im + i * n + j, prec);
        }
}
