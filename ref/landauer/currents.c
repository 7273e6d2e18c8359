/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* currents.c -- the public Landauer quantities (docs/physics/landauer.md §3.1-3.4), each from the
 * certified integrals of integral.c.  Combinations are ball arithmetic on exact
 * parameters, so every enclosure holds. */
#include "landauer_internal.h"

int
qt_landauer_particle_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_N, prec, reason);
}

int
qt_landauer_heat_current_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_HR, prec, reason);
}

static int
shifted_heat(arb_t res, const qt_landauer_params_t p, const fmpq_t shift, slong prec, char *reason)
{
    /* I_Q^R + shift * I_N; for bosons mu = 0 and the shift vanishes exactly */
    int st, st2;
    arb_t n, s;
    st = qt_landauer_integral(res, p, LK_HR, prec, reason);
    if (st == QT_DOMAIN || fmpq_is_zero(shift))
        return st;
    arb_init(n);
    arb_init(s);
    st2 = qt_landauer_integral(n, p, LK_N, prec, reason);
    arb_set_fmpq(s, shift, prec);
    arb_addmul(res, s, n, prec);
    arb_clear(n);
    arb_clear(s);
    return (st2 != QT_OK) ? st2 : st;
}

int
qt_landauer_energy_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    /* I_E = I_Q^R + mu_R I_N */
    return shifted_heat(res, p, p->mu_R, prec, reason);
}

int
qt_landauer_heat_current_L(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    /* I_E - mu_L I_N = I_Q^R + (mu_R - mu_L) I_N */
    fmpq_t d;
    int st;
    fmpq_init(d);
    fmpq_sub(d, p->mu_R, p->mu_L);
    st = shifted_heat(res, p, d, prec, reason);
    fmpq_clear(d);
    return st;
}

int
qt_landauer_entropy_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_S, prec, reason);
}

int
qt_landauer_heat_correction_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_QR, prec, reason);
}

int
qt_landauer_heat_correction_L(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_QL, prec, reason);
}

int
qt_landauer_entropy_production(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    /* Q^R/T_R + Q^L/T_L  (docs/physics/landauer.md §3.3, consequence 1) */
    int st, st2;
    arb_t q, t;
    arb_init(q);
    arb_init(t);
    st = qt_landauer_integral(q, p, LK_QR, prec, reason);
    if (st != QT_DOMAIN)
    {
        arb_set_fmpq(t, p->T_R, prec);
        arb_div(res, q, t, prec);
        st2 = qt_landauer_integral(q, p, LK_QL, prec, reason);
        arb_set_fmpq(t, p->T_L, prec);
        arb_div(q, q, t, prec);
        arb_add(res, res, q, prec);
        if (st2 != QT_OK)
            st = st2;
    }
    arb_clear(q);
    arb_clear(t);
    return st;
}

int
qt_landauer_reduced_entropy_current_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_SRED, prec, reason);
}

int
qt_landauer_reduced_entropy_current_R_plain(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    return qt_landauer_integral(res, p, LK_SRED_PLAIN, prec, reason);
}

int
qt_landauer_level_entropy_quad(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    if (p->model != QT_MODEL_LORENTZIAN || p->stats != QT_FERMION)
        return qt_fail(reason, QT_DOMAIN, "level_entropy needs model=lorentzian and stats=fermion");
    return qt_landauer_integral(res, p, LK_LEVEL, prec, reason);
}
