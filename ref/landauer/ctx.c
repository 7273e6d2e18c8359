/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* ctx.c -- Landauer parameters as balls at one working precision. */
#include "landauer_internal.h"

void
qt_landauer_ctx_init(qt_landauer_ctx_t c, const qt_landauer_params_t p, slong prec)
{
    int i;
    c->stats = p->stats;
    c->model = p->model;
    c->kind = LK_N;
    c->near0 = 0;
    c->prec = prec;
    for (i = 0; i < 2; i++)
    {
        arb_init(c->mu[i]);
        arb_init(c->T[i]);
    }
    arb_init(c->tau); arb_init(c->eps0); arb_init(c->gL); arb_init(c->gR);
    arb_init(c->hw2); arb_init(c->hw); arb_init(c->Elo); arb_init(c->Ehi); arb_init(c->lnTLTR);

    arb_set_fmpq(c->mu[0], p->mu_L, prec);
    arb_set_fmpq(c->mu[1], p->mu_R, prec);
    arb_set_fmpq(c->T[0], p->T_L, prec);
    arb_set_fmpq(c->T[1], p->T_R, prec);
    arb_set_fmpq(c->tau, p->tau, prec);
    arb_set_fmpq(c->eps0, p->eps0, prec);
    arb_set_fmpq(c->gL, p->gamma_L, prec);
    arb_set_fmpq(c->gR, p->gamma_R, prec);
    arb_add(c->hw, c->gL, c->gR, prec);
    arb_mul_2exp_si(c->hw, c->hw, -1);        /* (gL + gR) / 2 */
    arb_sqr(c->hw2, c->hw, prec);             /* (gL + gR)^2 / 4 */
    arb_set_fmpq(c->Elo, p->E_lo, prec);
    arb_set_fmpq(c->Ehi, p->E_hi, prec);
    if (p->stats == QT_BOSON)
    {
        arb_div(c->lnTLTR, c->T[0], c->T[1], prec);
        arb_log(c->lnTLTR, c->lnTLTR, prec);
    }
    else
        arb_indeterminate(c->lnTLTR);         /* read by the boson integrands only */
    for (i = 0; i < 2; i++)
    {
        arb_init(c->invT[i]);
        arb_inv(c->invT[i], c->T[i], prec);
    }
    arb_init(c->gLgR);
    arb_mul(c->gLgR, c->gL, c->gR, prec);
    c->scratch = _arb_vec_init(QT_LANDAUER_SCRATCH);
}

void
qt_landauer_ctx_clear(qt_landauer_ctx_t c)
{
    int i;
    for (i = 0; i < 2; i++)
    {
        arb_clear(c->mu[i]);
        arb_clear(c->T[i]);
    }
    arb_clear(c->tau); arb_clear(c->eps0); arb_clear(c->gL); arb_clear(c->gR);
    arb_clear(c->hw2); arb_clear(c->hw); arb_clear(c->Elo); arb_clear(c->Ehi); arb_clear(c->lnTLTR);
    arb_clear(c->invT[0]); arb_clear(c->invT[1]); arb_clear(c->gLgR);
    _arb_vec_clear(c->scratch, QT_LANDAUER_SCRATCH);
}

void
qt_landauer_transmission(acb_t t, const acb_t E, const qt_landauer_ctx_t c, slong prec)
{
    if (c->model == QT_MODEL_LORENTZIAN && !arb_is_zero(acb_imagref(E)))
    {
        /* a complex ball (the probes of an ellipse): gamma_L gamma_R / ((d - i G)(d + i G)), d = E - eps0,
           G = (gamma_L + gamma_R)/2, inverting each factor first; the expanded square d^2 + G^2 of a wide ball
           contains 0 far from the poles, the factors do not (an equal expression, lemma Q1b's M stays finite) */
        acb_t d, e;
        acb_init(d);
        acb_init(e);
        acb_sub_arb(d, E, c->eps0, prec);
        acb_set(e, d);
        arb_sub(acb_imagref(d), acb_imagref(d), c->hw, prec);
        arb_add(acb_imagref(e), acb_imagref(e), c->hw, prec);
        acb_inv(d, d, prec);
        acb_inv(e, e, prec);
        acb_mul(t, d, e, prec);
        acb_mul_arb(t, t, c->gLgR, prec);
        acb_clear(d);
        acb_clear(e);
    }
    else if (c->model == QT_MODEL_LORENTZIAN)
    {
        acb_t d;
        acb_init(d);
        acb_sub_arb(d, E, c->eps0, prec);
        acb_sqr(d, d, prec);
        acb_add_arb(d, d, c->hw2, prec);
        acb_inv(d, d, prec);                   /* non-finite on the poles eps0 +- i gamma */
        acb_mul_arb(t, d, c->gLgR, prec);
        acb_clear(d);
    }
    else
        acb_set_arb(t, c->tau);                /* ideal, and box inside [E_lo, E_hi] */
}
