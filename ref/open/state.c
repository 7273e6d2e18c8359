/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* state.c -- functions of an exact density matrix (docs/physics/open_systems.md §2.1, 2.4). */
#include <stdio.h>
#include "qtoracle/state.h"

int
qt_state_validate(const qt_qmat_t rho, char *reason)
{
    char where[160];
    fmpq_t tr, ti;
    int ok;
    if (!qt_qmat_is_hermitian(rho, where, sizeof where))
        return qt_fail(reason, QT_DOMAIN, "rho is not Hermitian: %s", where);
    fmpq_init(tr);
    fmpq_init(ti);
    qt_qmat_trace(tr, ti, rho);
    ok = fmpq_is_one(tr);
    if (!ok)
    {
        char *s = qt_fmpq_get_str_exact(tr);
        qt_fail(reason, QT_DOMAIN, "rho must have trace 1, got %s", s);
        flint_free(s);
    }
    fmpq_clear(tr);
    fmpq_clear(ti);
    if (!ok)
        return QT_DOMAIN;
    if (!qt_herm_is_psd(rho))
        return qt_fail(reason, QT_DOMAIN, "rho is not positive semidefinite (it has a negative eigenvalue; decided exactly)");
    return QT_OK;
}

int
qt_hamiltonian_validate(const qt_qmat_t H, slong n, char *reason)
{
    char where[160];
    if (H->n != n)
        return qt_fail(reason, QT_DOMAIN, "H must be %ld x %ld like rho, got %ld x %ld", (long) n, (long) n,
                       (long) H->n, (long) H->n);
    if (!qt_qmat_is_hermitian(H, where, sizeof where))
        return qt_fail(reason, QT_DOMAIN, "H is not Hermitian: %s", where);
    return QT_OK;
}

int
qt_state_and_hamiltonian_validate(const qt_qmat_t rho, const qt_qmat_t H, char *reason)
{
    int st = qt_state_validate(rho, reason);
    if (st != QT_OK)
        return st;
    return qt_hamiltonian_validate(H, rho->n, reason);
}

int
qt_state_von_neumann_entropy(arb_t res, const qt_qmat_t rho, slong prec, char *reason)
{
    /* S = sum_k m_k g(lambda_k), g(x) = -x ln x, over the nonzero distinct eigenvalues; the
       exact eigenvalues lie in [0, 1] because rho is PSD with trace 1 (lemma E3) */
    qt_spectrum_t s;
    arb_t t;
    slong k;
    int st = qt_state_validate(rho, reason);
    if (st != QT_OK)
        return st;
    qt_spectrum_init(s);
    st = qt_herm_spectrum(s, rho, prec, reason);
    if (st != QT_OK)
    {
        qt_spectrum_clear(s);
        return st;
    }
    arb_init(t);
    arb_zero(res);
    for (k = 0; k < s->ndistinct; k++)
    {
        qt_arb_neg_xlogx_unit(t, s->value + k, prec);
        arb_mul_si(t, t, s->mult[k], prec);
        arb_add(res, res, t, prec);
    }
    arb_clear(t);
    qt_spectrum_clear(s);
    return QT_OK;
}

int
qt_state_purity(arb_t res, const qt_qmat_t rho, slong prec, char *reason)
{
    fmpq_t re, im;
    int st = qt_state_validate(rho, reason);
    if (st != QT_OK)
        return st;
    fmpq_init(re);
    fmpq_init(im);
    qt_qmat_trace_product(re, im, rho, rho);
    arb_set_fmpq(res, re, prec);
    fmpq_clear(re);
    fmpq_clear(im);
    return QT_OK;
}

int
qt_state_energy(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, slong prec, char *reason)
{
    fmpq_t re, im;
    int st = qt_state_and_hamiltonian_validate(rho, H, reason);
    if (st != QT_OK)
        return st;
    fmpq_init(re);
    fmpq_init(im);
    qt_qmat_trace_product(re, im, rho, H);    /* real for Hermitian rho, H: im = 0 exactly */
    arb_set_fmpq(res, re, prec);
    fmpq_clear(re);
    fmpq_clear(im);
    return QT_OK;
}
