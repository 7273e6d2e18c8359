/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* tail.c -- the integration window and rigorous bounds for the integrals over
 * E < A and E > B (proofs/landauer.md, section 3, lemmas T1-T6).  Uses only
 * 0 <= T(E) <= 1, f(x) <= e^-x, 1 - f(x) <= e^x, sigma_F(x) <= (1+|x|) e^-|x|,
 * and, for bosons with x >= X >= 2, n(x) <= 2 e^-x, sigma_B(x) <= 2 (1+x) e^-x. */
#include "landauer_internal.h"

void
qt_landauer_window(arf_t A, arf_t B, const qt_landauer_ctx_t c, slong prec)
{
    arf_t lo, hi, tmax, w;
    arf_init(lo);
    arf_init(hi);
    arf_init(tmax);
    arf_init(w);
    arf_min(lo, arb_midref(c->mu[0]), arb_midref(c->mu[1]));
    arf_max(hi, arb_midref(c->mu[0]), arb_midref(c->mu[1]));
    arf_max(tmax, arb_midref(c->T[0]), arb_midref(c->T[1]));
    /* X = 0.7 prec + 30 units of the largest temperature: e^-X < 2^-prec e^-30 */
    arf_mul_si(w, tmax, (slong) (0.7 * prec) + 30, 64, ARF_RND_UP);
    arf_sub(A, lo, w, 64, ARF_RND_DOWN);
    arf_add(B, hi, w, 64, ARF_RND_UP);
    arf_clear(lo);
    arf_clear(hi);
    arf_clear(tmax);
    arf_clear(w);
}

/* e^-X * poly, for one lead; all arguments balls */
static void
term(arb_t r, const arb_t X, const arb_t factor, slong prec)
{
    arb_neg(r, X);
    arb_exp(r, r, prec);
    arb_mul(r, r, factor, prec);
}

/* one side (upper if side = +1: X_a = (B - mu_a)/T_a; lower: X_a = (mu_a - A)/T_a) */
static int
side_bound(arb_t out, const qt_landauer_ctx_t c, const arf_t edge, int side, slong prec)
{
    arb_t X[2], f, t, tmax, Xm, e;
    int a, ok = 1;
    for (a = 0; a < 2; a++)
        arb_init(X[a]);
    arb_init(f); arb_init(t); arb_init(tmax); arb_init(Xm); arb_init(e);

    arb_set_arf(e, edge);
    for (a = 0; a < 2; a++)
    {
        if (side > 0)
            arb_sub(X[a], e, c->mu[a], prec);
        else
            arb_sub(X[a], c->mu[a], e, prec);
        arb_div(X[a], X[a], c->T[a], prec);
        if (!arb_is_nonnegative(X[a]))
            ok = 0;
        if (c->stats == QT_BOSON)
        {
            arb_sub_ui(t, X[a], 2, prec);
            if (!arb_is_nonnegative(t))          /* the boson bounds need X_a >= 2 */
                ok = 0;
        }
    }
    arb_zero(out);
    if (!ok)
    {
        arb_clear(f); arb_clear(t); arb_clear(tmax); arb_clear(Xm); arb_clear(e);
        for (a = 0; a < 2; a++)
            arb_clear(X[a]);
        return 0;
    }

    for (a = 0; a < 2; a++)
    {
        switch (c->kind)
        {
            case LK_N:                                   /* T1: T_a e^-X_a */
                term(t, X[a], c->T[a], prec);
                break;
            case LK_HR:                                  /* T2: [T_a^2 (1+X_a) + |mu_a - mu_R| T_a] e^-X_a */
            case LK_QR:
            case LK_QL:
            {
                int ref = (c->kind == LK_QL) ? 0 : 1;
                arb_add_ui(f, X[a], 1, prec);
                arb_mul(f, f, c->T[a], prec);
                arb_sub(t, c->mu[a], c->mu[ref], prec);
                arb_abs(t, t);
                arb_add(f, f, t, prec);
                arb_mul(f, f, c->T[a], prec);
                term(t, X[a], f, prec);
                if (c->kind != LK_HR)
                {
                    /* T5: T_ref * (T_a (2 + X_a) e^-X_a), the entropy part */
                    arb_t g;
                    arb_init(g);
                    arb_add_ui(f, X[a], 2, prec);
                    arb_mul(f, f, c->T[a], prec);
                    arb_mul(f, f, c->T[ref], prec);
                    term(g, X[a], f, prec);
                    arb_add(t, t, g, prec);
                    arb_clear(g);
                }
                break;
            }
            case LK_S:                                   /* T3: T_a (2 + X_a) e^-X_a */
            case LK_LEVEL:
                arb_add_ui(f, X[a], 2, prec);
                arb_mul(f, f, c->T[a], prec);
                term(t, X[a], f, prec);
                break;
            case LK_SRED:                                /* T6: sigma(f_R) part here, see below */
                if (a == 1)
                {
                    arb_add_ui(f, X[a], 2, prec);
                    arb_mul(f, f, c->T[a], prec);
                    term(t, X[a], f, prec);
                }
                else
                    arb_zero(t);
                break;
            default:
                arb_pos_inf(t);
        }
        arb_add(out, out, t, prec);
    }

    if (c->kind == LK_SRED)
    {
        /* T6: sigma(f_out) <= 2 (2 + y) e^-y with y >= (E - mu_max)/T_max  =>  2 T_max (3 + X) e^-X */
        arb_max(tmax, c->T[0], c->T[1], prec);
        if (side > 0)
            arb_max(Xm, c->mu[0], c->mu[1], prec), arb_sub(Xm, e, Xm, prec);
        else
            arb_min(Xm, c->mu[0], c->mu[1], prec), arb_sub(Xm, Xm, e, prec);
        arb_div(Xm, Xm, tmax, prec);
        if (!arb_is_nonnegative(Xm))
            ok = 0;
        arb_add_ui(f, Xm, 3, prec);
        arb_mul(f, f, tmax, prec);
        arb_mul_2exp_si(f, f, 1);
        term(t, Xm, f, prec);
        arb_add(out, out, t, prec);
    }

    if (c->kind == LK_LEVEL)
    {
        /* L(E) <= 1/(pi gamma) = 2/(pi (gL + gR)) replaces T(E) <= 1 */
        arb_add(f, c->gL, c->gR, prec);
        arb_const_pi(t, prec);
        arb_mul(f, f, t, prec);
        arb_div(out, out, f, prec);
        arb_mul_2exp_si(out, out, 1);
    }

    if (c->stats == QT_BOSON)
        arb_mul_2exp_si(out, out, 1);        /* n <= 2 e^-x and sigma_B <= 2(1+x)e^-x for x >= 2 */

    arb_clear(f); arb_clear(t); arb_clear(tmax); arb_clear(Xm); arb_clear(e);
    for (a = 0; a < 2; a++)
        arb_clear(X[a]);
    return ok;
}

void
qt_landauer_tail_bound(mag_t bound, const qt_landauer_ctx_t c, const arf_t A, const arf_t B,
                       int lower, int upper, slong prec)
{
    arb_t s, t;
    int ok = 1;
    arb_init(s);
    arb_init(t);
    arb_zero(s);
    if (upper)
    {
        ok = ok && side_bound(t, c, B, +1, prec);
        arb_add(s, s, t, prec);
    }
    if (lower)
    {
        ok = ok && side_bound(t, c, A, -1, prec);
        arb_add(s, s, t, prec);
    }
    if (!ok)
        mag_inf(bound);
    else
        arb_get_mag(bound, s);
    arb_clear(s);
    arb_clear(t);
}
