/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* params.c -- the pump model's parameters: init, clear, coupling matrices, further baths, validation (each message
 * naming the field), and the rate and temperature of each bath. */
#include <string.h>
#include "pump_internal.h"

void
qt_pump_params_init(qt_pump_params_t P)
{
    P->n_qubits = 1;
    fmpq_init(P->gamma_L); fmpq_init(P->gamma_R); fmpq_init(P->T);
    fmpq_init(P->J); fmpq_init(P->Delta); fmpq_init(P->b); fmpq_init(P->T_R);
    fmpq_set_si(P->T_R, -1, 1);           /* unset: equal to T */
    fmpq_one(P->Delta);
    fmpq_one(P->b);
    P->convention = QT_PUMP_PAULI;
    P->coupling = QT_PUMP_COUPLING_DEFAULT;
    P->route = QT_PUMP_ROUTE_AUTO;
    qt_qmat_init(P->A_mat + 0, 0);
    qt_qmat_init(P->A_mat + 1, 0);
    P->n_extra = 0;
    for (slong i = 0; i < QT_PUMP_MAX_BATHS - 2; i++)
    {
        fmpq_init(P->gamma_x + i);
        fmpq_init(P->T_x + i);
        qt_qmat_init(P->A_x + i, 0);
    }
}

/* B <- a copy of A, resized to A's dimension */
static void
qmat_assign(qt_qmat_struct *B, const qt_qmat_struct *A)
{
    qt_qmat_clear(B);
    qt_qmat_init(B, A->n);
    qt_qmat_set(B, A);
}

int
qt_pump_params_add_bath(qt_pump_params_struct *P, const fmpq_t gamma, const fmpq_t T, const qt_qmat_struct *A)
{
    slong i = P->n_extra;
    if (i >= QT_PUMP_MAX_BATHS - 2)
        return 0;
    fmpq_set(P->gamma_x + i, gamma);
    fmpq_set(P->T_x + i, T);
    qmat_assign(P->A_x + i, A);
    P->n_extra = i + 1;
    return 1;
}

slong
qt_pump_n_baths(const qt_pump_params_struct *P)
{
    return 2 + P->n_extra;
}

const char *
qt_pump_bath_name(slong a)
{
    static const char *const names[QT_PUMP_MAX_BATHS] = {"L", "R", "3", "4"};
    return (a >= 0 && a < QT_PUMP_MAX_BATHS) ? names[a] : "?";
}

void
qt_pump_params_set_coupling_matrices(qt_pump_params_struct *P, const qt_qmat_struct *AL, const qt_qmat_struct *AR)
{
    slong a;
    for (a = 0; a < 2; a++)
        qmat_assign(P->A_mat + a, a == 0 ? AL : AR);
    P->coupling = QT_PUMP_COUPLING_MATRIX;
}

void
qt_pump_params_clear(qt_pump_params_t P)
{
    fmpq_clear(P->gamma_L); fmpq_clear(P->gamma_R); fmpq_clear(P->T);
    fmpq_clear(P->J); fmpq_clear(P->Delta); fmpq_clear(P->b); fmpq_clear(P->T_R);
    qt_qmat_clear(P->A_mat + 0);
    qt_qmat_clear(P->A_mat + 1);
    for (slong i = 0; i < QT_PUMP_MAX_BATHS - 2; i++)
    {
        fmpq_clear(P->gamma_x + i);
        fmpq_clear(P->T_x + i);
        qt_qmat_clear(P->A_x + i);
    }
}

/* the first bath (1 = R, 2, 3 = baths 3, 4) whose temperature differs from T, or 0 if none does */
static slong
first_bath_off_T(const qt_pump_params_struct *P)
{
    slong i;
    if (fmpq_sgn(P->T_R) >= 0 && !fmpq_equal(P->T_R, P->T))
        return 1;
    for (i = 0; i < P->n_extra; i++)
        if (!fmpq_equal(P->T_x + i, P->T))
            return 2 + i;
    return 0;
}

int
qt_pump_equal_temperatures(const qt_pump_params_struct *P)
{
    return first_bath_off_T(P) == 0;
}

const char *
qt_pump_unequal_temperature_field(const qt_pump_params_struct *P)
{
    static const char *const names[QT_PUMP_MAX_BATHS] = {"T", "T_R", "T_3", "T_4"};
    return names[first_bath_off_T(P)];
}

/* an exact coupling matrix: d x d, Hermitian, nonzero (name: the parameter) */
static int
check_coupling_matrix(const qt_qmat_struct *A, const char *name, const qt_pump_params_struct *P, char *reason)
{
    slong k, d = (slong) 1 << P->n_qubits;
    int zero = 1;
    if (A->n != d)
    {
        snprintf(reason, QT_REASON_LEN, "%s: must be %ld x %ld for n_qubits = %ld, got %ld x %ld", name, (long) d, (long) d,
                 (long) P->n_qubits, (long) A->n, (long) A->n);
        return QT_DOMAIN;
    }
    if (!qt_qmat_is_hermitian(A, NULL, 0))
    {
        snprintf(reason, QT_REASON_LEN, "%s: the coupling operator must be Hermitian (exactly)", name);
        return QT_DOMAIN;
    }
    for (k = 0; k < d * d; k++)
        zero = zero && fmpq_is_zero(A->re + k) && fmpq_is_zero(A->im + k);
    if (zero)
    {
        snprintf(reason, QT_REASON_LEN, "%s: the zero matrix couples nothing (that bath's rate would be idle and the steady state not unique)", name);
        return QT_DOMAIN;
    }
    return QT_OK;
}

/* baths 3, 4 (lemma P27) */
static int
validate_extra_baths(const qt_pump_params_struct *P, char *reason)
{
    slong i;
    int st;
    char name[32];
    if (P->n_extra < 0 || P->n_extra > QT_PUMP_MAX_BATHS - 2)
        return qt_fail(reason, QT_DOMAIN, "baths: at most 4 baths (L, R, 3, 4)");
    if (P->n_extra == 0)
        return QT_OK;
    if (P->n_qubits == 1 && P->coupling != QT_PUMP_COUPLING_DEFAULT)
        return qt_fail(reason, QT_DOMAIN, "coupling: one qubit with further baths couples bath L through sigma_x and bath R through sigma_z (coupling=default); give other operators as baths 3, 4");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL)
        return qt_fail(reason, QT_DOMAIN, "gamma_3: baths beyond L and R act on the whole register and cannot be combined with coupling=local (the product route of lemma P16)");
    for (i = 0; i < P->n_extra; i++)
    {
        snprintf(name, sizeof name, "gamma_%ld", (long) i + 3);
        if (fmpq_sgn(P->gamma_x + i) <= 0)
            return qt_fail(reason, QT_DOMAIN, "%s: must be > 0 (a zero rate makes the bath idle; negative rates are not a semigroup)", name);
        snprintf(name, sizeof name, "T_%ld", (long) i + 3);
        if (fmpq_sgn(P->T_x + i) <= 0)
            return qt_fail(reason, QT_DOMAIN, "%s: the temperature of bath %ld must be > 0", name, (long) i + 3);
        snprintf(name, sizeof name, "A_%ld", (long) i + 3);
        if ((st = check_coupling_matrix(P->A_x + i, name, P, reason)) != QT_OK)
            return st;
    }
    return QT_OK;
}

int
qt_pump_params_validate(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits < 1 || P->n_qubits > 3)
        return qt_fail(reason, QT_DOMAIN, "n_qubits: must be 1, 2 or 3");
    if (P->n_qubits == 1 && !fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "J: must be 0 for n_qubits = 1 (there is no pair to couple)");
    if (fmpq_sgn(P->gamma_L) <= 0)
        return qt_fail(reason, QT_DOMAIN, "gamma_L: must be > 0 (a zero rate makes the stationary state of that bath's channel non-unique; negative rates are not a semigroup)");
    if (fmpq_sgn(P->gamma_R) <= 0)
        return qt_fail(reason, QT_DOMAIN, "gamma_R: must be > 0 (a zero rate makes the stationary state of that bath's channel non-unique; negative rates are not a semigroup)");
    if (fmpq_sgn(P->T) <= 0)
        return qt_fail(reason, QT_DOMAIN, "T: the common bath temperature must be > 0");
    if (!qt_pump_equal_temperatures(P) && fmpq_is_zero(P->T_R))
        return qt_fail(reason, QT_DOMAIN, "T_R: the temperature of bath R must be > 0");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL && P->n_qubits > 1 && !fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "J: coupling=local is implemented for non-interacting qubits (J = 0, the product route of lemma P16)");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL && P->n_qubits > 1 && fmpq_is_zero(P->b))
        return qt_fail(reason, QT_DOMAIN, "b: must be nonzero for coupling=local (qubit 2 would have no bath and no unique steady state)");
    if (P->coupling == QT_PUMP_COUPLING_MATRIX)
    {
        slong a;
        if (P->n_qubits < 2)
            return qt_fail(reason, QT_DOMAIN, "coupling=matrix: implemented for n_qubits = 2 or 3 (one qubit: bath L through sigma_x and bath R through sigma_z)");
        for (a = 0; a < 2; a++)
        {
            int st = check_coupling_matrix(P->A_mat + a, a == 0 ? "A_L" : "A_R", P, reason);
            if (st != QT_OK)
                return st;
        }
    }
    return validate_extra_baths(P, reason);
}

void
qt_pump_bath_temperature(acb_t Ta, const qt_pump_params_struct *P, int a, slong prec)
{
    if (a >= 2)
        acb_set_fmpq(Ta, P->T_x + (a - 2), prec);
    else
        acb_set_fmpq(Ta, (a == 1 && fmpq_sgn(P->T_R) >= 0) ? P->T_R : P->T, prec);
}

void
qt_pump_bath_rate(acb_t g, const qt_pump_params_struct *P, int a, slong prec)
{
    acb_set_fmpq(g, a == 0 ? P->gamma_L : a == 1 ? P->gamma_R : P->gamma_x + (a - 2), prec);
}
