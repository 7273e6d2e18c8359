/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lorentzian.c -- closed forms for the Breit-Wigner level (docs/physics/landauer.md §4.2):
 * w = 1/2 + (gamma + i(eps0 - mu))/(2 pi T), gamma = (gL + gR)/2,
 * N(w) = 1/2 - Im psi(w)/pi, s(w) = ln 2pi + 1 - 2 Re w - 2 Re lnGamma(w) + 2 Re[(w - 1/2) psi(w)].
 * Re w > 1/2, so no pole or branch cut is ever met (acb_lgamma's real part is ln|Gamma|). */
#include "landauer_internal.h"

void
qt_lorentz_w(acb_t w, const arb_t eps0, const arb_t hwidth, const arb_t mu, const arb_t T, slong prec)
{
    arb_t d;
    arb_init(d);
    arb_const_pi(d, prec);
    arb_mul(d, d, T, prec);
    arb_mul_2exp_si(d, d, 1);                       /* 2 pi T */
    arb_div(acb_realref(w), hwidth, d, prec);
    arb_sub(acb_imagref(w), eps0, mu, prec);
    arb_div(acb_imagref(w), acb_imagref(w), d, prec);
    arb_set_d(d, 0.5);
    arb_add(acb_realref(w), acb_realref(w), d, prec);
    arb_clear(d);
}

void
qt_lorentz_occupation(arb_t res, const acb_t w, slong prec)
{
    acb_t psi;
    arb_t pi;
    acb_init(psi);
    arb_init(pi);
    acb_digamma(psi, w, prec);
    arb_const_pi(pi, prec);
    arb_div(res, acb_imagref(psi), pi, prec);
    arb_neg(res, res);
    arb_set_d(pi, 0.5);
    arb_add(res, res, pi, prec);
    acb_clear(psi);
    arb_clear(pi);
}

void
qt_lorentz_entropy(arb_t res, const acb_t w, slong prec)
{
    acb_t psi, lg, wm;
    arb_t t;
    acb_init(psi);
    acb_init(lg);
    acb_init(wm);
    arb_init(t);
    acb_digamma(psi, w, prec);
    acb_lgamma(lg, w, prec);
    acb_set(wm, w);
    arb_set_d(t, 0.5);
    arb_sub(acb_realref(wm), acb_realref(wm), t, prec);
    acb_mul(wm, wm, psi, prec);                     /* (w - 1/2) psi(w) */
    arb_const_pi(t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_log(res, t, prec);                          /* ln 2pi */
    arb_add_ui(res, res, 1, prec);
    arb_submul_ui(res, acb_realref(w), 2, prec);
    arb_submul_ui(res, acb_realref(lg), 2, prec);
    arb_addmul_ui(res, acb_realref(wm), 2, prec);
    acb_clear(psi);
    acb_clear(lg);
    acb_clear(wm);
    arb_clear(t);
}

int
qt_landauer_level_entropy(arb_t res, const qt_landauer_params_t p, slong prec, char *reason)
{
    /* S_d = sum_a (G_a / G) s(w_a)  (NESS level entropy, docs/physics/landauer.md §4.2) */
    qt_landauer_ctx_t c;
    arb_t hw, s, G;
    acb_t w;
    int a, st;
    st = qt_landauer_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    if (p->model != QT_MODEL_LORENTZIAN || p->stats != QT_FERMION)
        return qt_fail(reason, QT_DOMAIN, "level_entropy needs model=lorentzian and stats=fermion");
    qt_landauer_ctx_init(c, p, prec);
    arb_init(hw); arb_init(s); arb_init(G);
    acb_init(w);
    arb_add(G, c->gL, c->gR, prec);
    arb_mul_2exp_si(hw, G, -1);
    arb_zero(res);
    for (a = 0; a < 2; a++)
    {
        qt_lorentz_w(w, c->eps0, hw, c->mu[a], c->T[a], prec);
        qt_lorentz_entropy(s, w, prec);
        arb_mul(s, s, a == 0 ? c->gL : c->gR, prec);
        arb_add(res, res, s, prec);
    }
    arb_div(res, res, G, prec);
    arb_clear(hw); arb_clear(s); arb_clear(G);
    acb_clear(w);
    qt_landauer_ctx_clear(c);
    return QT_OK;
}

int
qt_landauer_lorentzian_closed_form(arb_t res, int quantity, const qt_landauer_params_t p, slong prec, char *reason)
{
    /* prefactor 2 pi gL gR / G (h = 1);  I_N = K [N_L - N_R],
       I_E = K { eps0 [N_L - N_R] + (gamma/pi) [Re psi(w_L) - Re psi(w_R) + ln(T_L/T_R)] },
       I_S = K [s_L - s_R]; heats and Q from these (difference form). */
    qt_landauer_ctx_t c;
    arb_t K, G, hw, N, Sd, Ed, t, IN, IE, IS;
    acb_t w, psi;
    int a, st;

    st = qt_landauer_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    if (p->model != QT_MODEL_LORENTZIAN || p->stats != QT_FERMION)
        return qt_fail(reason, QT_DOMAIN, "the digamma closed forms need model=lorentzian and stats=fermion");
    if (quantity == QT_LQ_LEVEL_ENTROPY)
        return qt_landauer_level_entropy(res, p, prec, reason);
    if (quantity == QT_LQ_REDUCED_R)
        return qt_fail(reason, QT_DOMAIN, "no closed form for the reduced entropy current");

    qt_landauer_ctx_init(c, p, prec);
    arb_init(K); arb_init(G); arb_init(hw); arb_init(N); arb_init(Sd); arb_init(Ed); arb_init(t);
    arb_init(IN); arb_init(IE); arb_init(IS);
    acb_init(w); acb_init(psi);

    arb_add(G, c->gL, c->gR, prec);
    arb_mul_2exp_si(hw, G, -1);
    arb_mul(K, c->gL, c->gR, prec);
    arb_div(K, K, G, prec);
    arb_const_pi(t, prec);
    arb_mul(K, K, t, prec);
    arb_mul_2exp_si(K, K, 1);

    arb_zero(N);
    arb_zero(Sd);
    arb_zero(Ed);
    for (a = 0; a < 2; a++)
    {
        int sgn = a == 0 ? 1 : -1;
        qt_lorentz_w(w, c->eps0, hw, c->mu[a], c->T[a], prec);
        qt_lorentz_occupation(t, w, prec);
        if (sgn > 0) arb_add(N, N, t, prec); else arb_sub(N, N, t, prec);
        qt_lorentz_entropy(t, w, prec);
        if (sgn > 0) arb_add(Sd, Sd, t, prec); else arb_sub(Sd, Sd, t, prec);
        acb_digamma(psi, w, prec);
        if (sgn > 0) arb_add(Ed, Ed, acb_realref(psi), prec); else arb_sub(Ed, Ed, acb_realref(psi), prec);
    }
    arb_div(t, c->T[0], c->T[1], prec);
    arb_log(t, t, prec);
    arb_add(Ed, Ed, t, prec);                        /* ln(T_L / T_R) */
    arb_const_pi(t, prec);
    arb_div(Ed, Ed, t, prec);
    arb_mul(Ed, Ed, hw, prec);                       /* (gamma/pi)[...] */
    arb_addmul(Ed, c->eps0, N, prec);

    arb_mul(IN, K, N, prec);
    arb_mul(IE, K, Ed, prec);
    arb_mul(IS, K, Sd, prec);

    switch (quantity)
    {
        case QT_LQ_PARTICLE: arb_set(res, IN); break;
        case QT_LQ_ENERGY: arb_set(res, IE); break;
        case QT_LQ_HEAT_R: arb_submul(IE, c->mu[1], IN, prec); arb_set(res, IE); break;
        case QT_LQ_HEAT_L: arb_submul(IE, c->mu[0], IN, prec); arb_set(res, IE); break;
        case QT_LQ_ENTROPY: arb_set(res, IS); break;
        case QT_LQ_CORRECTION_R:   /* I_Q^R - T_R I_S */
            arb_submul(IE, c->mu[1], IN, prec);
            arb_submul(IE, c->T[1], IS, prec);
            arb_set(res, IE);
            break;
        case QT_LQ_CORRECTION_L:   /* -(I_E - mu_L I_N) + T_L I_S */
            arb_submul(IE, c->mu[0], IN, prec);
            arb_neg(IE, IE);
            arb_addmul(IE, c->T[0], IS, prec);
            arb_set(res, IE);
            break;
        case QT_LQ_PRODUCTION:     /* (I_Q^R - T_R I_S)/T_R + (T_L I_S - I_Q^L)/T_L = I_Q^R/T_R - I_Q^L/T_L */
            arb_set(t, IE);
            arb_submul(t, c->mu[1], IN, prec);
            arb_div(res, t, c->T[1], prec);
            arb_set(t, IE);
            arb_submul(t, c->mu[0], IN, prec);
            arb_div(t, t, c->T[0], prec);
            arb_sub(res, res, t, prec);
            break;
        default:
            st = qt_fail(reason, QT_DOMAIN, "unknown quantity");
    }

    arb_clear(K); arb_clear(G); arb_clear(hw); arb_clear(N); arb_clear(Sd); arb_clear(Ed); arb_clear(t);
    arb_clear(IN); arb_clear(IE); arb_clear(IS);
    acb_clear(w); acb_clear(psi);
    qt_landauer_ctx_clear(c);
    return st;
}
