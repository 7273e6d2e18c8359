/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lambda.c -- the dispatcher of the geometric coefficients Lambda_{a,k} = -tr(H D_a L^+ d_k rho0): the one place
 * that chooses a route for Lambda, by the kind of model (model_kind.c); along a curve the plan keeps the route's
 * constant part from point to point (the field frame of J = 0 pairs). */
#include "pump_internal.h"

/* interacting or shared-bath models: a stationary state proven unique first (a dark singlet, or J = 0 with shared
   baths outside the field frame, is refused), then the route of the kind */
static int
lambda_shared(acb_ptr Lam, qt_pump_kind kind, qt_pump_plan_struct *F, const acb_t Bx, const acb_t Bz,
              int analytic, slong prec, char *reason)
{
    const qt_pump_params_struct *P = F->P;
    if (qt_pump_singlet_is_dark(P, reason) != QT_OK || qt_pump_shared_levels_degenerate(P, reason) != QT_OK)
        return QT_DOMAIN;
    if (kind == QT_PUMP_KIND_J0_PAIR)
        return qt_pump_lambda_frame_plan_acb(Lam, F->frame, P, Bx, Bz, analytic, prec, reason);   /* P25, P29 */
    if (kind == QT_PUMP_KIND_HEIS2 && P->route == QT_PUMP_ROUTE_AUTO)
        return qt_pump_lambda_heis2_acb(Lam, P, Bx, Bz, analytic, prec, reason);            /* lemma P13 */
    return qt_pump_lambda_eigen_acb(Lam, P, P->J, P->Delta, P->b, Bx, Bz, analytic, prec, reason);   /* P9, P19 */
}

int
qt_pump_lambda_plan_acb(acb_ptr Lam, qt_pump_plan_struct *F, const acb_t Bx, const acb_t Bz, int analytic,
                        slong prec, char *reason)
{
    const qt_pump_params_struct *P = F->P;
    qt_pump_kind kind = qt_pump_model_kind(P);
    int st;
    if (kind == QT_PUMP_KIND_QUBIT)
        st = qt_pump_lambda_qubit_acb(Lam, P, Bx, Bz, analytic, prec, reason);              /* P2, P3, P12 */
    else if (kind == QT_PUMP_KIND_PRODUCT)
        st = qt_pump_product_sum(Lam, 4, qt_pump_lambda_qubit_acb, P, Bx, Bz, analytic, prec, reason);   /* P16 */
    else
        st = lambda_shared(Lam, kind, F, Bx, Bz, analytic, prec, reason);
    /* the integrands (heat, Cauchy derivatives) read Lam without the status: a refused or failed evaluation must
       leave no finite number behind */
    if (st != QT_OK)
        _acb_vec_indeterminate(Lam, 2 * qt_pump_n_baths(P));
    return st;
}

int
qt_pump_lambda_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                   int analytic, slong prec, char *reason)
{
    qt_pump_plan_struct F;
    int st;
    qt_pump_plan_init(&F, P);
    st = qt_pump_lambda_plan_acb(Lam, &F, Bx, Bz, analytic, prec, reason);
    qt_pump_plan_clear(&F);
    return st;
}
