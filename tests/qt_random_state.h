/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_random_state.h -- reproducible random exact density matrices for the Check suites. */
#ifndef QT_RANDOM_STATE_H
#define QT_RANDOM_STATE_H
#include "qtoracle/matrix.h"

/* rho = sum_k w_k psi_k psi_k^dagger / |psi_k|^2 with Gaussian-integer psi_k: exact, PSD, trace 1 */
static inline void
random_state(qt_qmat_t rho, flint_rand_t st, slong n, slong terms)
{
    slong k, i, j, tot = 0;
    slong *w = flint_malloc(sizeof(slong) * terms);
    fmpz *a = _fmpz_vec_init(n), *b = _fmpz_vec_init(n);
    fmpq_t t, u, c;
    fmpq_init(t); fmpq_init(u); fmpq_init(c);
    for (i = 0; i < n * n; i++)
    {
        fmpq_zero(rho->re + i);
        fmpq_zero(rho->im + i);
    }
    for (k = 0; k < terms; k++)
        tot += (w[k] = 1 + n_randint(st, 5));
    for (k = 0; k < terms; k++)
    {
        fmpz_t norm;
        fmpz_init(norm);
        do
        {
            fmpz_zero(norm);
            for (i = 0; i < n; i++)
            {
                fmpz_set_si(a + i, (slong) n_randint(st, 7) - 3);
                fmpz_set_si(b + i, (slong) n_randint(st, 7) - 3);
                fmpz_addmul(norm, a + i, a + i);
                fmpz_addmul(norm, b + i, b + i);
            }
        }
        while (fmpz_is_zero(norm));
        /* c = w_k / (tot |psi|^2); entry (i,j) += c psi_i conj(psi_j) */
        fmpz_mul_si(fmpq_denref(c), norm, tot);
        fmpz_set_si(fmpq_numref(c), w[k]);
        fmpq_canonicalise(c);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                /* (a_i + i b_i)(a_j - i b_j) = a_i a_j + b_i b_j + i (b_i a_j - a_i b_j) */
                fmpz_mul(fmpq_numref(t), a + i, a + j);
                fmpz_addmul(fmpq_numref(t), b + i, b + j);
                fmpz_one(fmpq_denref(t));
                fmpq_mul(t, t, c);
                fmpq_add(rho->re + i * n + j, rho->re + i * n + j, t);
                fmpz_mul(fmpq_numref(u), b + i, a + j);
                fmpz_submul(fmpq_numref(u), a + i, b + j);
                fmpz_one(fmpq_denref(u));
                fmpq_mul(u, u, c);
                fmpq_add(rho->im + i * n + j, rho->im + i * n + j, u);
            }
        fmpz_clear(norm);
    }
    flint_free(w);
    _fmpz_vec_clear(a, n);
    _fmpz_vec_clear(b, n);
    fmpq_clear(t); fmpq_clear(u); fmpq_clear(c);
}

#endif
