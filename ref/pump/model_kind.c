/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* model_kind.c -- what kind of model this is, decided once from the parameters: the class that the two dispatchers
 * (lambda.c for Lambda, friction.c for the friction tensor) switch on, the finer predicates the protocols and
 * records ask, and the models whose stationary state is not unique (refused, naming the field). */
#include "pump_internal.h"

/* two qubits on the shared baths L, R only, in a named sigma_x / sigma_z layout (not local, not matrices, no bath 3) */
static int
two_qubits_named_layout(const qt_pump_params_struct *P)
{
    return P->n_qubits == 2 && P->coupling != QT_PUMP_COUPLING_LOCAL && P->coupling != QT_PUMP_COUPLING_MATRIX
           && P->n_extra == 0;
}

qt_pump_kind
qt_pump_model_kind(const qt_pump_params_struct *P)
{
    if (P->n_qubits == 1 && P->n_extra == 0)
        return QT_PUMP_KIND_QUBIT;
    if (P->n_qubits > 1 && P->coupling == QT_PUMP_COUPLING_LOCAL)
        return QT_PUMP_KIND_PRODUCT;
    if (two_qubits_named_layout(P))
    {
        if (fmpq_is_zero(P->J))
            return QT_PUMP_KIND_J0_PAIR;
        if (fmpq_is_one(P->Delta))
            return QT_PUMP_KIND_HEIS2;
    }
    if (P->n_qubits == 3 && fmpq_is_one(P->Delta) && !fmpq_is_zero(P->J) && P->coupling != QT_PUMP_COUPLING_MATRIX
        && P->n_extra == 0)
        return QT_PUMP_KIND_HEIS3;
    return QT_PUMP_KIND_GENERIC;
}

int
qt_pump_is_product(const qt_pump_params_struct *P)
{
    return qt_pump_model_kind(P) == QT_PUMP_KIND_PRODUCT;
}

int
qt_pump_single_like(const qt_pump_params_struct *P)
{
    /* further baths (lemma P27) take the eigen route, also for one qubit */
    qt_pump_kind k = qt_pump_model_kind(P);
    return k == QT_PUMP_KIND_QUBIT || (k == QT_PUMP_KIND_PRODUCT && P->n_extra == 0);
}

int
qt_pump_heis2_like(const qt_pump_params_struct *P)
{
    return qt_pump_model_kind(P) == QT_PUMP_KIND_HEIS2;
}

int
qt_pump_collective_j0(const qt_pump_params_struct *P)
{
    return qt_pump_model_kind(P) == QT_PUMP_KIND_J0_PAIR;
}

int
qt_pump_field_frame_like(const qt_pump_params_struct *P)
{
    return qt_pump_heis2_like(P) || qt_pump_collective_j0(P);
}

int
qt_pump_heis3_like(const qt_pump_params_struct *P)
{
    return qt_pump_model_kind(P) == QT_PUMP_KIND_HEIS3;
}

int
qt_pump_heisenberg_like(const qt_pump_params_struct *P)
{
    return (P->n_qubits == 2 || P->n_qubits == 3) && fmpq_is_one(P->Delta) && !fmpq_is_zero(P->J)
           && P->coupling != QT_PUMP_COUPLING_LOCAL;
}

int
qt_pump_axis_route_like(const qt_pump_params_struct *P)
{
    /* one qubit: no exchange (X = 0), so the lemma holds trivially; with baths L and R only the closed routes of
       P6/P11 are used instead */
    return qt_pump_heisenberg_like(P) || (P->n_qubits == 1 && P->n_extra > 0);
}

int
qt_pump_j0_corner_like(const qt_pump_params_struct *P)
{
    return P->n_qubits >= 2 && fmpq_is_zero(P->J) && !qt_pump_is_product(P) && P->coupling != QT_PUMP_COUPLING_MATRIX
           && P->n_extra == 0;
}

int
qt_pump_uses_eigen_route(const qt_pump_params_struct *P)
{
    qt_pump_kind k = qt_pump_model_kind(P);
    return !qt_pump_single_like(P) && k != QT_PUMP_KIND_J0_PAIR && !(k == QT_PUMP_KIND_HEIS2 && P->route == QT_PUMP_ROUTE_AUTO);
}

int
qt_pump_singlet_is_dark(const qt_pump_params_struct *P, char *reason)
{
    /* a further bath (lemma P27) may break the exchange symmetry: there the certified uniqueness check of the
       population solve decides */
    if (two_qubits_named_layout(P) && fmpq_is_one(P->b))
        return qt_fail(reason, QT_DOMAIN, "b: with b = 1 every coupling is symmetric under the exchange of the qubits, the singlet is dark (a second stationary state), and the geometric quantities are undefined");
    return QT_OK;
}

int
qt_pump_parity_sectors_dark(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits == 3 && P->n_extra == 0 && (P->coupling == QT_PUMP_COUPLING_DEFAULT || P->coupling == QT_PUMP_COUPLING_B_ON_R
                             || P->coupling == QT_PUMP_COUPLING_B_ON_L))
        return qt_fail(reason, QT_DOMAIN, "coupling: with this layout the three-qubit chain and both couplings are symmetric under the reflection 1 <-> 3, so two parity sectors never exchange population (no unique stationary state) and the friction tensor and the quadrant are undefined; use coupling=crossed or matrix");
    return QT_OK;
}

int
qt_pump_shared_levels_degenerate(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits < 2 || qt_pump_is_product(P) || !fmpq_is_zero(P->J))
        return QT_OK;
    if (qt_pump_collective_j0(P))
        return QT_OK;               /* lemmas P25 (equal T), P29 (T_R != T): the field-frame route, exact grouping */
    return qt_fail(reason, QT_DOMAIN, "J: with J = 0 and shared baths the levels of the qubits are degenerate at every field, and the secular routes (proofs/pumping.md P9, P13, P18, P24) are proven for non-degenerate levels only (two qubits in a named layout: lemmas P25, P29); for independent qubits use coupling=local");
}
