/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* herm_spectrum.c -- certified spectrum of an exact Hermitian matrix A = X + iY.
 * The real symmetric embedding M = [[X, -Y], [Y, X]] has characteristic polynomial
 * chi_A(x)^2 (proofs/open_systems.md, lemma E1).  chi_M is computed exactly over Q,
 * factored over Z into irreducibles f_j^{e_j}; every root of f_j is an eigenvalue of A of
 * multiplicity e_j/2, and Arb isolates the roots of each (squarefree) f_j.  Zero
 * eigenvalues are exact (the factor x), so no ball of a zero eigenvalue ever appears. */
#include <stdlib.h>
#include "qtoracle/matrix.h"

void
qt_spectrum_init(qt_spectrum_t s)
{
    s->n = 0;
    s->ndistinct = 0;
    s->zero_mult = 0;
    s->value = NULL;
    s->mult = NULL;
    s->exact = NULL;
    s->rational = NULL;
}

void
qt_spectrum_clear(qt_spectrum_t s)
{
    if (s->value != NULL)
        _arb_vec_clear(s->value, s->n);
    if (s->rational != NULL)
        _fmpq_vec_clear(s->rational, s->n);
    free(s->mult);
    free(s->exact);
    qt_spectrum_init(s);
}

/* the integer polynomial with the roots of chi_M (primitive numerator) */
static void
embedding_charpoly(fmpz_poly_t out, const qt_qmat_t A)
{
    slong n = A->n;
    fmpq_mat_t M;
    fmpq_poly_t chi;
    fmpq_mat_init(M, 2 * n, 2 * n);
    fmpq_poly_init(chi);
    qt_qmat_real_embedding(M, A);
    fmpq_mat_charpoly(chi, M);
    fmpq_poly_get_numerator(out, chi);
    fmpz_poly_primitive_part(out, out);
    fmpq_mat_clear(M);
    fmpq_poly_clear(chi);
}

int
qt_herm_is_psd(const qt_qmat_t A)
{
    /* chi_M is real-rooted; all roots >= 0 iff, from the lowest nonzero coefficient up,
       the coefficients are nonzero with strictly alternating signs (Descartes' rule is exact
       for real-rooted polynomials): lemma E2 */
    fmpz_poly_t p;
    slong k, m, d;
    int ok = 1;
    fmpz_poly_init(p);
    embedding_charpoly(p, A);
    d = fmpz_poly_degree(p);
    for (m = 0; m <= d && fmpz_is_zero(fmpz_poly_get_coeff_ptr(p, m)); m++)
        ;
    for (k = m; k <= d && ok; k++)
    {
        const fmpz *c = fmpz_poly_get_coeff_ptr(p, k);
        int want = ((d - k) % 2 == 0) ? fmpz_sgn(fmpz_poly_get_coeff_ptr(p, d)) : -fmpz_sgn(fmpz_poly_get_coeff_ptr(p, d));
        if (c == NULL || fmpz_sgn(c) != want)
            ok = 0;
    }
    fmpz_poly_clear(p);
    return ok;
}

static int
cmp_root(const void *a, const void *b)
{
    const arb_struct *x = a, *y = b;
    return arf_cmp(arb_midref(x), arb_midref(y));
}

int
qt_herm_spectrum(qt_spectrum_t s, const qt_qmat_t A, slong prec, char *reason)
{
    fmpz_poly_t p;
    fmpz_poly_factor_t fac;
    slong j, k, n = A->n, cnt = 0;
    typedef struct { arb_struct v; slong m; int ex; fmpq q; } item;
    item *it;

    if (!qt_qmat_is_hermitian(A, NULL, 0))
        return qt_fail(reason, QT_DOMAIN, "the matrix is not Hermitian");

    qt_spectrum_clear(s);
    fmpz_poly_init(p);
    fmpz_poly_factor_init(fac);
    embedding_charpoly(p, A);
    fmpz_poly_factor(fac, p);

    it = malloc(sizeof(item) * (n + 1));
    s->zero_mult = 0;
    for (j = 0; j < fac->num; j++)
    {
        fmpz_poly_struct *f = fac->p + j;
        slong e = fac->exp[j], d = fmpz_poly_degree(f);
        if (d == 1 && fmpz_is_zero(fmpz_poly_get_coeff_ptr(f, 0)))
        {
            s->zero_mult = e / 2;
            continue;
        }
        if (d == 1)
        {
            /* exact rational root -c0/c1 */
            fmpq_t r;
            fmpq_init(r);
            fmpq_set_fmpz_frac(r, fmpz_poly_get_coeff_ptr(f, 0), fmpz_poly_get_coeff_ptr(f, 1));
            fmpq_neg(r, r);
            arb_init(&it[cnt].v);
            arb_set_fmpq(&it[cnt].v, r, prec);
            it[cnt].m = e / 2;
            it[cnt].ex = 1;
            fmpq_init(&it[cnt].q);
            fmpq_set(&it[cnt].q, r);
            cnt++;
            fmpq_clear(r);
        }
        else
        {
            acb_ptr roots = _acb_vec_init(d);
            arb_fmpz_poly_complex_roots(roots, f, 0, prec);
            for (k = 0; k < d; k++)
            {
                /* A is Hermitian, so every root is real: dropping Im is rigorous */
                arb_init(&it[cnt].v);
                arb_set(&it[cnt].v, acb_realref(roots + k));
                it[cnt].m = e / 2;
                it[cnt].ex = 0;
                fmpq_init(&it[cnt].q);
                cnt++;
            }
            _acb_vec_clear(roots, d);
        }
    }
    qsort(it, cnt, sizeof(item), cmp_root);

    s->n = n;
    s->ndistinct = cnt;
    s->value = _arb_vec_init(n);
    s->mult = calloc(n, sizeof(slong));
    s->exact = calloc(n, sizeof(int));
    s->rational = _fmpq_vec_init(n);
    for (k = 0; k < cnt; k++)
    {
        arb_set(s->value + k, &it[k].v);
        s->mult[k] = it[k].m;
        s->exact[k] = it[k].ex;
        fmpq_set(s->rational + k, &it[k].q);
        arb_clear(&it[k].v);
        fmpq_clear(&it[k].q);
    }
    free(it);
    fmpz_poly_clear(p);
    fmpz_poly_factor_clear(fac);
    return QT_OK;
}
