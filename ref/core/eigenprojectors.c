/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* eigenprojectors.c -- spectral projectors of an exact Hermitian matrix (lemma E4):
 * H is diagonalizable with distinct eigenvalues lambda_1..lambda_K, so its minimal polynomial
 * is prod (x - lambda_j) and P_k = prod_{j != k} (H - lambda_j)/(lambda_k - lambda_j) is the
 * orthogonal projector onto the k-th eigenspace.  Evaluated on balls (the eigenvalue balls of
 * herm_spectrum.c contain the exact eigenvalues) it encloses the exact P_k; when every
 * eigenvalue is rational the same product is also formed exactly; for a diagonal H both are the 0/1 diagonals
 * that product reduces to. */
#include <stdlib.h>
#include "qtoracle/matrix.h"

void
qt_eigenprojectors_init(qt_eigenprojectors_t E)
{
    E->n = E->k = 0;
    E->lambda = NULL;
    E->mult = NULL;
    E->all_exact = 0;
    E->lambda_q = NULL;
    E->P = NULL;
    E->Pq = NULL;
}

void
qt_eigenprojectors_clear(qt_eigenprojectors_t E)
{
    slong k;
    if (E->lambda != NULL)
        _arb_vec_clear(E->lambda, E->k);
    if (E->lambda_q != NULL)
        _fmpq_vec_clear(E->lambda_q, E->k);
    for (k = 0; E->P != NULL && k < E->k; k++)
        acb_mat_clear(E->P + k);
    for (k = 0; E->Pq != NULL && k < E->k; k++)
        qt_qmat_clear(E->Pq + k);
    free(E->P);
    free(E->Pq);
    free(E->mult);
    qt_eigenprojectors_init(E);
}

int
qt_eigenprojectors(qt_eigenprojectors_t E, const qt_qmat_t H, slong prec, char *reason)
{
    qt_spectrum_t s;
    slong n = H->n, K, k, j, i, pos = 0;
    acb_mat_t Hb, T;
    acb_t d;
    int st;

    qt_eigenprojectors_clear(E);
    qt_spectrum_init(s);
    st = qt_herm_spectrum(s, H, prec, reason);
    if (st != QT_OK)
    {
        qt_spectrum_clear(s);
        return st;
    }
    K = s->ndistinct + (s->zero_mult > 0);
    E->n = n;
    E->k = K;
    E->lambda = _arb_vec_init(K);
    E->mult = calloc(K, sizeof(slong));
    E->lambda_q = _fmpq_vec_init(K);
    E->all_exact = 1;
    /* merge 0 into the ascending list */
    for (k = 0, j = 0; k < K; k++)
    {
        int take_zero = s->zero_mult > 0 && pos == 0
                        && (j >= s->ndistinct || arf_sgn(arb_midref(s->value + j)) > 0);
        if (take_zero)
        {
            arb_zero(E->lambda + k);
            E->mult[k] = s->zero_mult;
            fmpq_zero(E->lambda_q + k);
            pos = 1;
        }
        else
        {
            arb_set(E->lambda + k, s->value + j);
            E->mult[k] = s->mult[j];
            if (s->exact[j])
                fmpq_set(E->lambda_q + k, s->rational + j);
            else
                E->all_exact = 0;
            j++;
        }
    }
    qt_spectrum_clear(s);

    /* a diagonal H (with its eigenvalues found rational): P_k is the exact 0/1 diagonal of the entries equal to
       lambda_k, the same matrix as the Lagrange product, at O(K n) instead of O(K^2 n^3) */
    if (E->all_exact && qt_qmat_is_diagonal(H))
    {
        E->P = malloc(sizeof(acb_mat_struct) * K);
        E->Pq = malloc(sizeof(qt_qmat_struct) * K);
        for (k = 0; k < K; k++)
        {
            acb_mat_init(E->P + k, n, n);
            qt_qmat_init(E->Pq + k, n);
            for (i = 0; i < n; i++)
                if (fmpq_equal(H->re + i * n + i, E->lambda_q + k))
                {
                    acb_one(acb_mat_entry(E->P + k, i, i));
                    fmpq_one(E->Pq[k].re + i * n + i);
                }
        }
        return QT_OK;
    }

    /* ball projectors */
    E->P = malloc(sizeof(acb_mat_struct) * K);
    acb_mat_init(Hb, n, n);
    acb_mat_init(T, n, n);
    acb_init(d);
    qt_qmat_get_acb_mat(Hb, H, prec);
    for (k = 0; k < K; k++)
    {
        acb_mat_init(E->P + k, n, n);
        acb_mat_one(E->P + k);
        for (j = 0; j < K; j++)
        {
            if (j == k)
                continue;
            acb_mat_set(T, Hb);
            for (i = 0; i < n; i++)
                acb_sub_arb(acb_mat_entry(T, i, i), acb_mat_entry(T, i, i), E->lambda + j, prec);
            acb_set_arb(d, E->lambda + k);
            acb_sub_arb(d, d, E->lambda + j, prec);
            acb_inv(d, d, prec);
            acb_mat_scalar_mul_acb(T, T, d, prec);
            acb_mat_mul(E->P + k, E->P + k, T, prec);
        }
    }
    acb_mat_clear(Hb);
    acb_mat_clear(T);
    acb_clear(d);

    /* exact projectors when every eigenvalue is rational */
    if (E->all_exact)
    {
        qt_qmat_t Tq;
        fmpq_t c;
        E->Pq = malloc(sizeof(qt_qmat_struct) * K);
        qt_qmat_init(Tq, n);
        fmpq_init(c);
        for (k = 0; k < K; k++)
        {
            qt_qmat_init(E->Pq + k, n);
            for (i = 0; i < n; i++)
                fmpq_one(E->Pq[k].re + i * n + i);
            for (j = 0; j < K; j++)
            {
                if (j == k)
                    continue;
                fmpq_sub(c, E->lambda_q + k, E->lambda_q + j);
                fmpq_inv(c, c);
                for (i = 0; i < n * n; i++)
                {
                    fmpq_mul(Tq->re + i, H->re + i, c);
                    fmpq_mul(Tq->im + i, H->im + i, c);
                }
                for (i = 0; i < n; i++)
                {
                    fmpq_t t;
                    fmpq_init(t);
                    fmpq_mul(t, E->lambda_q + j, c);
                    fmpq_sub(Tq->re + i * n + i, Tq->re + i * n + i, t);
                    fmpq_clear(t);
                }
                qt_qmat_mul(E->Pq + k, E->Pq + k, Tq);
            }
        }
        qt_qmat_clear(Tq);
        fmpq_clear(c);
    }
    return QT_OK;
}

/* lev[i] = m if the projectors are coordinate projectors (every P_m diagonal with exact entries 0 or 1) and e_i lies in
   the range of P_m, -1 if in none; returns 0 if some P_m is not of that form */
int
qt_projectors_coordinate_levels(slong *lev, const acb_mat_struct *P, slong K)
{
    slong d = acb_mat_nrows(P), m, i, j;
    for (i = 0; i < d; i++)
        lev[i] = -1;
    for (m = 0; m < K; m++)
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
            {
                const acb_struct *e = acb_mat_entry(P + m, i, j);
                if (acb_is_zero(e))
                    continue;
                if (i != j || !acb_is_one(e) || lev[i] >= 0)
                    return 0;
                lev[i] = m;
            }
    return 1;
}

/* 1 if every entry of A is finite with a midpoint of at most prec bits (then products with exact 0 and 1 and sums
   with exact zeros round nothing) */
int
qt_acb_mat_fits_prec(const acb_mat_t A, slong prec)
{
    slong i, j;
    for (i = 0; i < acb_mat_nrows(A); i++)
        for (j = 0; j < acb_mat_ncols(A); j++)
        {
            const acb_struct *e = acb_mat_entry(A, i, j);
            if (!acb_is_finite(e) || arf_bits(arb_midref(acb_realref(e))) > prec
                || arf_bits(arb_midref(acb_imagref(e))) > prec)
                return 0;
        }
    return 1;
}
