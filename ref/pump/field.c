/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* field.c -- the one-qubit field: B^2 and B on the principal branch (lemma P1), the gradient of n_x^2 in the field
 * plane, and the entropy of the one-qubit Gibbs state at field magnitude B. */
#include "pump_internal.h"

void
qt_pump_nx2_gradient(acb_ptr g, const acb_t nx, const acb_t nz, const acb_t r, slong prec)
{
    acb_mul(g + 0, nz, nz, prec);
    acb_mul(g + 0, g + 0, nx, prec);
    acb_mul_2exp_si(g + 0, g + 0, 1);
    acb_div(g + 0, g + 0, r, prec);
    acb_mul(g + 1, nx, nx, prec);
    acb_mul(g + 1, g + 1, nz, prec);
    acb_mul_2exp_si(g + 1, g + 1, 1);
    acb_div(g + 1, g + 1, r, prec);
    acb_neg(g + 1, g + 1);
}

int
qt_pump_qubit_field(acb_t B2, acb_t B, acb_t s, acb_t T, acb_ptr out, slong nout, const qt_pump_params_struct *P,
                    const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    slong k;
    acb_mul(B2, Bx, Bx, prec);
    acb_addmul(B2, Bz, Bz, prec);
    if (!arb_is_positive(acb_realref(B2)))
    {
        for (k = 0; k < nout; k++)
            acb_indeterminate(out + k);
        return qt_fail(reason, analytic ? QT_UNCERTIFIED : QT_DOMAIN, "B = 0 (or B^2 not certified positive): the level degeneracy of the qubit, where the secular generator is discontinuous");
    }
    qt_acb_sqrt_right_half(B, B2, analytic, prec);
    if (P->convention == QT_PUMP_SPIN)
        acb_set_d(s, 0.5);
    else
        acb_one(s);
    acb_set_fmpq(T, P->T, prec);
    return QT_OK;
}

/* S(B) of the one-qubit Gibbs state, x = sB/T: ln(2 cosh x) - x tanh x */
void
qt_pump_qubit_gibbs_entropy(arb_t S, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t x, t;
    arb_init(x); arb_init(t);
    arb_set_fmpq(t, P->T, prec);
    arb_div(x, B, t, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(x, x, -1);
    arb_cosh(S, x, prec);
    arb_mul_2exp_si(S, S, 1);
    arb_log(S, S, prec);
    arb_tanh(t, x, prec);
    arb_submul(S, x, t, prec);
    arb_clear(x); arb_clear(t);
}
