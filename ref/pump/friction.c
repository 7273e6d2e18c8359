/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* friction.c -- the dispatchers of the friction tensor zeta_kl = tr(d_k H L^+ d_l rho0): the one place that chooses a
 * route for zeta, holomorphic (the dissipation integrand) or at an exact point (pump.friction), by the kind of model
 * (model_kind.c). */
#include "pump_internal.h"

int
qt_pump_friction_plan_acb(acb_ptr zeta, qt_pump_plan_struct *F, const acb_t Bx, const acb_t Bz, int analytic,
                          slong prec, char *reason)
{
    const qt_pump_params_struct *P = F->P;
    qt_pump_kind kind = qt_pump_model_kind(P);
    int st;
    if (qt_pump_single_like(P))
        st = qt_pump_friction_qubit_acb(zeta, P, Bx, Bz, analytic, prec, reason);        /* P14, P16, P22 */
    else if (kind == QT_PUMP_KIND_HEIS3 && qt_pump_equal_temperatures(P))
        st = qt_pump_friction_heis3_acb(zeta, P, Bx, Bz, analytic, prec, reason);        /* lemma P31 */
    else if (kind == QT_PUMP_KIND_HEIS2 || kind == QT_PUMP_KIND_J0_PAIR)
        st = qt_pump_friction_heis2_frame_acb(zeta, F->frame, P, Bx, Bz, analytic, prec, reason);   /* P18, P25, P29 */
    else
        st = qt_pump_friction_multi_acb(zeta, P, Bx, Bz, analytic, prec, reason);        /* lemma P24 */
    /* the dissipation integrand reads zeta without the status: no finite number after a refusal or failure */
    if (st != QT_OK)
        _acb_vec_indeterminate(zeta, 4);
    return st;
}

int
qt_pump_friction_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                     int analytic, slong prec, char *reason)
{
    qt_pump_plan_struct F;
    int st;
    qt_pump_plan_init(&F, P);
    st = qt_pump_friction_plan_acb(zeta, &F, Bx, Bz, analytic, prec, reason);
    qt_pump_plan_clear(&F);
    return st;
}

/* T_R != T (lemma P21): the global Davies route at the exact point, for coupling=local summed over the one-qubit
   factors (lemma P16); two qubits with J = 0 on shared baths by the field frame (lemma P29) */
static int
friction_unequal_temperatures(acb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                              slong prec, char *reason)
{
    qt_pump_params_t F;
    acb_ptr v;
    slong j;
    int st = QT_OK;
    if (qt_pump_model_kind(P) == QT_PUMP_KIND_J0_PAIR)
    {
        /* J = 0 on shared baths: the degenerate pair T_0, S may hold stationary coherences, outside P21; the
           field-frame route of lemma P29 at the exact point */
        acb_t bx, bz;
        acb_init(bx); acb_init(bz);
        acb_set_fmpq(bx, Bx, prec);
        acb_set_fmpq(bz, Bz, prec);
        st = qt_pump_friction_heis2_acb(zeta, P, bx, bz, 0, prec, reason);
        acb_clear(bx); acb_clear(bz);
        return st;
    }
    if (qt_pump_model_kind(P) != QT_PUMP_KIND_PRODUCT)
        return qt_pump_davies_route(NULL, zeta, P, Bx, Bz, prec, reason);
    v = _acb_vec_init(4);
    qt_pump_params_init(F);
    _acb_vec_zero(zeta, 4);
    for (j = 0; j < P->n_qubits && st == QT_OK; j++)
    {
        qt_pump_product_factor(F, P, j);
        st = qt_pump_davies_route(NULL, v, F, Bx, Bz, prec, reason);
        _acb_vec_add(zeta, zeta, v, 4, prec);
    }
    qt_pump_params_clear(F);
    _acb_vec_clear(v, 4);
    return st;
}

int
qt_pump_friction(arb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec, char *reason)
{
    acb_t bx, bz;
    acb_ptr Z = _acb_vec_init(4);
    slong k;
    qt_pump_kind kind = qt_pump_model_kind(P);
    int st;
    acb_init(bx); acb_init(bz);
    acb_set_fmpq(bx, Bx, prec);
    acb_set_fmpq(bz, Bz, prec);
    if ((st = qt_pump_singlet_is_dark(P, reason)) != QT_OK)
        _acb_vec_indeterminate(Z, 4);
    else if (!qt_pump_equal_temperatures(P))
        st = friction_unequal_temperatures(Z, P, Bx, Bz, prec, reason);
    else if (kind == QT_PUMP_KIND_PRODUCT)
        st = qt_pump_product_sum(Z, 4, qt_pump_friction_qubit_full_acb, P, bx, bz, 0, prec, reason);   /* lemma P16 */
    else if (kind == QT_PUMP_KIND_QUBIT)
        st = qt_pump_friction_qubit_full_acb(Z, P, bx, bz, 0, prec, reason);                          /* lemma P8 */
    else
        st = qt_pump_davies_route(NULL, Z, P, Bx, Bz, prec, reason);    /* interacting qubits, further baths: P17 */
    for (k = 0; k < 4; k++)
        arb_set(zeta + k, acb_realref(Z + k));   /* real at real points */
    acb_clear(bx); acb_clear(bz);
    _acb_vec_clear(Z, 4);
    return st;
}
