/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_support.c -- exact bounds on the support of rho(t) = exp(tL) rho0 for t > 0 (lemma E12,
 * proofs/open_systems.md).  With K = -iH - 1/2 sum_k r_k A_k^* A_k, the Dyson expansion of the
 * semigroup puts supp rho(t) inside exp(Kt) V, V the smallest subspace containing range(rho0) and
 * invariant under every ad_K^m(A_k).  The rates r_k are transcendental in general (r = gamma nbar),
 * so we use rate-free spaces:
 *   C  = the smallest operator space containing every A_k and closed under X -> [H, X] and
 *        X -> [A_k^* A_k, X]: it contains every ad_K^m(A_k);
 *   U  = the smallest subspace containing range(rho0) and invariant under C: V lies in U, so
 *        rank rho(t) <= dim U for every t > 0;
 *   U2 = the smallest subspace containing U and invariant under H and every A_k^* A_k (hence
 *        under K and exp(Kt)): supp rho(t) lies in U2 for every t >= 0.
 * Everything is exact (Gaussian rationals, qt_qspan). */
#include <stdlib.h>
#include "qtoracle/lindblad.h"

/* w = column col of A */
static void
get_col(fmpq *wr, fmpq *wi, const qt_qmat_t A, slong col)
{
    slong i, n = A->n;
    for (i = 0; i < n; i++)
    {
        fmpq_set(wr + i, A->re + i * n + col);
        fmpq_set(wi + i, A->im + i * n + col);
    }
}

static void
set_col(qt_qmat_t V, slong col, const fmpq *wr, const fmpq *wi)
{
    slong i, n = V->n;
    for (i = 0; i < n; i++)
    {
        fmpq_set(V->re + i * n + col, wr + i);
        fmpq_set(V->im + i * n + col, wi + i);
    }
}

/* closes the column span of V (its first *dim columns, registered in S) under the operators X[0..m); the
 * columns of X V are taken from the exact product (n <= QT_SUPPORT_MAX_DIM, so recomputing it is cheap) */
static void
close_columns(qt_qmat_t V, slong *dim, qt_qspan_t S, const qt_qmat_struct *X, slong m)
{
    slong n = V->n, k, j;
    fmpq *wr = _fmpq_vec_init(n), *wi = _fmpq_vec_init(n);
    qt_qmat_t XV;
    qt_qmat_init(XV, n);
    for (k = 0; k < *dim; k++)
        for (j = 0; j < m; j++)
        {
            qt_qmat_mul(XV, X + j, V);
            get_col(wr, wi, XV, k);
            if (qt_qspan_insert(S, wr, wi))
                set_col(V, (*dim)++, wr, wi);
        }
    _fmpq_vec_clear(wr, n); _fmpq_vec_clear(wi, n);
    qt_qmat_clear(XV);
}

slong
qt_lindblad_support_bound(slong *dim_U2, qt_qmat_t U2, const qt_qmat_t H, const qt_qmat_struct *A, slong nA,
                          const qt_qmat_t rho0)
{
    slong n = H->n, nX = 1 + nA, nC = 0, k, j, i, dimU = 0, d2;
    qt_qmat_struct *X, *C;
    qt_qmat_t T, Ad, V;
    qt_qspan_t SC, SU;
    fmpq *wr, *wi;

    if (n > QT_SUPPORT_MAX_DIM)
        return -1;
    X = malloc(nX * sizeof(qt_qmat_struct));
    C = malloc(n * n * sizeof(qt_qmat_struct));
    qt_qmat_init(T, n); qt_qmat_init(Ad, n); qt_qmat_init(V, n);
    qt_qspan_init(SC, n * n); qt_qspan_init(SU, n);
    wr = _fmpq_vec_init(n); wi = _fmpq_vec_init(n);

    /* X = {H, A_k^* A_k} */
    qt_qmat_init(X + 0, n);
    qt_qmat_set(X + 0, H);
    for (k = 0; k < nA; k++)
    {
        qt_qmat_init(X + 1 + k, n);
        qt_qmat_adjoint(Ad, A + k);
        qt_qmat_mul(X + 1 + k, Ad, A + k);
    }

    /* C: the A_k, closed under commutators with X (generators processed in order) */
    for (k = 0; k < nA; k++)
        if (qt_qspan_insert(SC, A[k].re, A[k].im))
        {
            qt_qmat_init(C + nC, n);
            qt_qmat_set(C + nC++, A + k);
        }
    for (k = 0; k < nC; k++)
        for (j = 0; j < nX; j++)
        {
            qt_qmat_mul(T, X + j, C + k);
            qt_qmat_mul(Ad, C + k, X + j);
            for (i = 0; i < n * n; i++)
            {
                fmpq_sub(T->re + i, T->re + i, Ad->re + i);
                fmpq_sub(T->im + i, T->im + i, Ad->im + i);
            }
            if (qt_qspan_insert(SC, T->re, T->im))
            {
                qt_qmat_init(C + nC, n);
                qt_qmat_set(C + nC++, T);
            }
        }

    /* U: the columns of rho0 (its range, rho0 being Hermitian), closed under C */
    for (k = 0; k < n; k++)
    {
        get_col(wr, wi, rho0, k);
        if (qt_qspan_insert(SU, wr, wi))
            set_col(V, dimU++, wr, wi);
    }
    close_columns(V, &dimU, SU, C, nC);

    /* U2: U closed under H and the A_k^* A_k */
    d2 = dimU;
    close_columns(V, &d2, SU, X, nX);
    if (dim_U2 != NULL)
        *dim_U2 = d2;
    if (U2 != NULL)
        qt_qmat_set(U2, V);

    for (k = 0; k < nX; k++)
        qt_qmat_clear(X + k);
    for (k = 0; k < nC; k++)
        qt_qmat_clear(C + k);
    free(X); free(C);
    qt_qmat_clear(T); qt_qmat_clear(Ad); qt_qmat_clear(V);
    qt_qspan_clear(SC); qt_qspan_clear(SU);
    _fmpq_vec_clear(wr, n); _fmpq_vec_clear(wi, n);
    return dimU;
}
