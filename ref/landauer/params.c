/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* params.c -- Landauer parameters: init, clear and domain validation. */
#include "landauer_internal.h"

void
qt_landauer_params_init(qt_landauer_params_t p)
{
    p->stats = QT_FERMION;
    p->model = QT_MODEL_IDEAL;
    fmpq_init(p->tau); fmpq_init(p->eps0); fmpq_init(p->gamma_L); fmpq_init(p->gamma_R);
    fmpq_init(p->E_lo); fmpq_init(p->E_hi);
    fmpq_init(p->mu_L); fmpq_init(p->T_L); fmpq_init(p->mu_R); fmpq_init(p->T_R);
    fmpq_one(p->tau);
}

void
qt_landauer_params_clear(qt_landauer_params_t p)
{
    fmpq_clear(p->tau); fmpq_clear(p->eps0); fmpq_clear(p->gamma_L); fmpq_clear(p->gamma_R);
    fmpq_clear(p->E_lo); fmpq_clear(p->E_hi);
    fmpq_clear(p->mu_L); fmpq_clear(p->T_L); fmpq_clear(p->mu_R); fmpq_clear(p->T_R);
}

static int
positive(const fmpq_t q, const char *name, char *reason)
{
    if (fmpq_sgn(q) <= 0)
    {
        char *s = qt_fmpq_get_str_exact(q);
        qt_fail(reason, QT_DOMAIN, "%s must be > 0, got \"%s\"", name, s);
        flint_free(s);
        return 0;
    }
    return 1;
}

static int
in_unit(const fmpq_t q, const char *name, char *reason)
{
    if (fmpq_sgn(q) < 0 || fmpq_cmp_ui(q, 1) > 0)
    {
        char *s = qt_fmpq_get_str_exact(q);
        qt_fail(reason, QT_DOMAIN, "%s must satisfy 0 <= %s <= 1, got \"%s\"", name, name, s);
        flint_free(s);
        return 0;
    }
    return 1;
}

int
qt_landauer_params_validate(const qt_landauer_params_t p, char *reason)
{
    if (p->stats != QT_FERMION && p->stats != QT_BOSON)
        return qt_fail(reason, QT_DOMAIN, "stats must be fermion or boson");
    if (!positive(p->T_L, "T_L", reason) || !positive(p->T_R, "T_R", reason))
        return QT_DOMAIN;
    if (p->stats == QT_BOSON)
    {
        if (!fmpq_is_zero(p->mu_L))
            return qt_fail(reason, QT_DOMAIN, "mu_L must be 0 for stats=boson (photons/phonons)");
        if (!fmpq_is_zero(p->mu_R))
            return qt_fail(reason, QT_DOMAIN, "mu_R must be 0 for stats=boson (photons/phonons)");
    }
    switch (p->model)
    {
        case QT_MODEL_IDEAL:
            if (!in_unit(p->tau, "tau", reason)) return QT_DOMAIN;
            break;
        case QT_MODEL_LORENTZIAN:
            if (!positive(p->gamma_L, "gamma_L", reason) || !positive(p->gamma_R, "gamma_R", reason))
                return QT_DOMAIN;
            break;
        case QT_MODEL_BOX:
            if (!in_unit(p->tau, "tau", reason)) return QT_DOMAIN;
            if (fmpq_cmp(p->E_lo, p->E_hi) >= 0)
                return qt_fail(reason, QT_DOMAIN, "E_lo must be < E_hi");
            if (p->stats == QT_BOSON && fmpq_sgn(p->E_lo) < 0)
                return qt_fail(reason, QT_DOMAIN, "E_lo must be >= 0 for stats=boson (energies are positive)");
            break;
        default:
            return qt_fail(reason, QT_DOMAIN, "model must be ideal, lorentzian or box");
    }
    return QT_OK;
}
