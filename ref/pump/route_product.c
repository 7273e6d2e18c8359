/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_product.c -- N_q non-interacting qubits, each with its own copies of the baths (coupling=local, J = 0):
 * the global Davies generator is the sum of the one-qubit generators (lemma P16 of proofs/pumping.md), so every
 * first- and second-order coefficient is the sum over the qubits of the one-qubit value with qubit j's rates
 * scaled by c_j^2 (c = (1, b, 1)); equal factors are evaluated once. */
#include "pump_internal.h"

void
qt_pump_product_factor(qt_pump_params_t F, const qt_pump_params_struct *P, slong j)
{
    fmpq_t b2;
    fmpq_init(b2);
    F->n_qubits = 1;
    fmpq_set(F->gamma_L, P->gamma_L);
    fmpq_set(F->gamma_R, P->gamma_R);
    fmpq_set(F->T, P->T);
    fmpq_set(F->T_R, P->T_R);
    fmpq_zero(F->J);
    fmpq_one(F->Delta);
    fmpq_one(F->b);
    F->convention = P->convention;
    F->coupling = QT_PUMP_COUPLING_DEFAULT;
    F->route = P->route;
    if (j == 1)
    {
        fmpq_mul(b2, P->b, P->b);
        fmpq_mul(F->gamma_L, F->gamma_L, b2);
        fmpq_mul(F->gamma_R, F->gamma_R, b2);
    }
    fmpq_clear(b2);
}

int
qt_pump_product_sum(acb_ptr out, slong nout, qt_pump_factor_fn fn, const qt_pump_params_struct *P, const acb_t Bx,
                    const acb_t Bz, int analytic, slong prec, char *reason)
{
    qt_pump_params_t F;
    acb_ptr v = _acb_vec_init(nout);
    slong j;
    int st = QT_OK;
    fmpq_t b2;
    slong same;
    qt_pump_params_init(F);
    fmpq_init(b2);
    _acb_vec_zero(out, nout);
    /* qubits 0 and 2 have c = 1 and give the same factor; qubit 1 has c = b and gives it too when b^2 = 1 (decided
       exactly): each distinct factor is evaluated once and counted with its multiplicity */
    fmpq_mul(b2, P->b, P->b);
    same = fmpq_is_one(b2) ? P->n_qubits : P->n_qubits - 1;
    for (j = 0; j < 2 && st == QT_OK; j++)
    {
        slong mult = j == 0 ? same : P->n_qubits - same;
        if (mult == 0)
            continue;
        qt_pump_product_factor(F, P, j);
        st = fn(v, F, Bx, Bz, analytic, prec, reason);
        _acb_vec_scalar_mul_ui(v, v, nout, (ulong) mult, prec);
        _acb_vec_add(out, out, v, nout, prec);
    }
    fmpq_clear(b2);
    if (st != QT_OK)
        _acb_vec_indeterminate(out, nout);
    qt_pump_params_clear(F);
    _acb_vec_clear(v, nout);
    return st;
}
