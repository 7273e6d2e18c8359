/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* ideal.c -- closed forms for a constant transmission tau (docs/physics/landauer.md §4.1).
 * Fermions: I_N = tau dmu, I_E = tau[(mu_L^2 - mu_R^2)/2 + pi^2 (T_L^2 - T_R^2)/6],
 * I_S = tau pi^2 (T_L - T_R)/3, Q^R = Q^L = tau[dmu^2/2 + pi^2 (T_L - T_R)^2/6].
 * Bosons (mu = 0): the same with the mu terms absent; I_N diverges unless T_L = T_R.
 * The reduced entropy current equals I_S when tau = 1 (f_out = f_L). */
#include "landauer_internal.h"

int
qt_landauer_ideal_closed_form(arb_t res, int quantity, const qt_landauer_params_t p, slong prec, char *reason)
{
    qt_landauer_ctx_t c;
    arb_t pi2, dmu, t, u, IN, IE, IS;
    int st;

    st = qt_landauer_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    if (p->model != QT_MODEL_IDEAL)
        return qt_fail(reason, QT_DOMAIN, "the ideal-channel closed forms need model=ideal");
    if (quantity == QT_LQ_LEVEL_ENTROPY)
        return qt_fail(reason, QT_DOMAIN, "level_entropy needs model=lorentzian");
    if (quantity == QT_LQ_REDUCED_R && !fmpq_is_one(p->tau))
        return qt_fail(reason, QT_DOMAIN, "no closed form for the reduced entropy current when tau < 1");
    if (quantity == QT_LQ_PARTICLE && p->stats == QT_BOSON)
        return qt_landauer_particle_current(res, p, prec, reason);   /* 0 or divergent */

    qt_landauer_ctx_init(c, p, prec);
    arb_init(pi2); arb_init(dmu); arb_init(t); arb_init(u);
    arb_init(IN); arb_init(IE); arb_init(IS);

    arb_const_pi(pi2, prec);
    arb_sqr(pi2, pi2, prec);
    arb_sub(dmu, c->mu[0], c->mu[1], prec);

    arb_mul(IN, c->tau, dmu, prec);

    arb_sqr(t, c->mu[0], prec);
    arb_sqr(u, c->mu[1], prec);
    arb_sub(IE, t, u, prec);
    arb_mul_2exp_si(IE, IE, -1);
    arb_sqr(t, c->T[0], prec);
    arb_sqr(u, c->T[1], prec);
    arb_sub(t, t, u, prec);
    arb_mul(t, t, pi2, prec);
    arb_div_ui(t, t, 6, prec);
    arb_add(IE, IE, t, prec);
    arb_mul(IE, IE, c->tau, prec);

    arb_sub(IS, c->T[0], c->T[1], prec);
    arb_mul(IS, IS, pi2, prec);
    arb_div_ui(IS, IS, 3, prec);
    arb_mul(IS, IS, c->tau, prec);

    switch (quantity)
    {
        case QT_LQ_PARTICLE: arb_set(res, IN); break;
        case QT_LQ_ENERGY: arb_set(res, IE); break;
        case QT_LQ_HEAT_R: arb_submul(IE, c->mu[1], IN, prec); arb_set(res, IE); break;
        case QT_LQ_HEAT_L: arb_submul(IE, c->mu[0], IN, prec); arb_set(res, IE); break;
        case QT_LQ_ENTROPY:
        case QT_LQ_REDUCED_R:
            arb_set(res, IS);
            break;
        case QT_LQ_CORRECTION_R:
        case QT_LQ_CORRECTION_L:
        case QT_LQ_PRODUCTION:
            arb_sqr(t, dmu, prec);
            arb_mul_2exp_si(t, t, -1);
            arb_sub(u, c->T[0], c->T[1], prec);
            arb_sqr(u, u, prec);
            arb_mul(u, u, pi2, prec);
            arb_div_ui(u, u, 6, prec);
            arb_add(t, t, u, prec);
            arb_mul(res, t, c->tau, prec);
            if (quantity == QT_LQ_PRODUCTION)
            {
                arb_inv(t, c->T[0], prec);
                arb_inv(u, c->T[1], prec);
                arb_add(t, t, u, prec);
                arb_mul(res, res, t, prec);
            }
            break;
        default:
            st = qt_fail(reason, QT_DOMAIN, "unknown quantity");
    }

    arb_clear(pi2); arb_clear(dmu); arb_clear(t); arb_clear(u);
    arb_clear(IN); arb_clear(IE); arb_clear(IS);
    qt_landauer_ctx_clear(c);
    return st;
}
