/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* kernels_fermi.c -- Fermi-Dirac kernels as holomorphic functions of x = (E-mu)/T.
 * Each picks, by the sign of Re(mid x), one of two expressions that are equal as
 * holomorphic functions on the strip |Im x| < pi, so no exponential overflows and
 * no cancellation occurs for large |x| (proofs/landauer.md, L1). */
#include "landauer_internal.h"

/* f(x) = 1/(1+e^x) = e^-x/(1+e^-x); meromorphic, poles at i pi (2k+1) give non-finite output */
void
qt_fermi(acb_t f, const acb_t x, slong prec)
{
    acb_t t;
    acb_init(t);
    if (qt_acb_mid_re_negative(x))
    {
        acb_exp(t, x, prec);
        acb_add_ui(t, t, 1, prec);
        acb_inv(f, t, prec);
    }
    else
    {
        acb_neg(t, x);
        acb_exp(t, t, prec);
        acb_add_ui(f, t, 1, prec);
        acb_div(f, t, f, prec);
    }
    acb_clear(t);
}

/* softplus(y) = log(1 + e^y) = y + log(1 + e^-y) */
void
qt_softplus(acb_t r, const acb_t y, int analytic, slong prec)
{
    acb_t t;
    acb_init(t);
    if (qt_acb_mid_re_negative(y))
    {
        acb_exp(t, y, prec);
        qt_acb_log1p_analytic(r, t, analytic, prec);
    }
    else
    {
        acb_neg(t, y);
        acb_exp(t, t, prec);
        qt_acb_log1p_analytic(r, t, analytic, prec);
        acb_add(r, r, y, prec);
    }
    acb_clear(t);
}

/* sigma_F(f(x)) = -f ln f - (1-f) ln(1-f) = log(1+e^-y) + y e^-y/(1+e^-y), y = +-x (even in x) */
void
qt_fermi_entropy(acb_t s, const acb_t x, int analytic, slong prec)
{
    acb_t y, t, u;
    acb_init(y);
    acb_init(t);
    acb_init(u);
    if (qt_acb_mid_re_negative(x))
        acb_neg(y, x);
    else
        acb_set(y, x);
    acb_neg(t, y);
    acb_exp(t, t, prec);
    qt_acb_log1p_analytic(s, t, analytic, prec);
    acb_add_ui(u, t, 1, prec);
    acb_div(u, t, u, prec);
    acb_mul(u, u, y, prec);
    acb_add(s, s, u, prec);
    acb_clear(y);
    acb_clear(t);
    acb_clear(u);
}

/* D(f(xp) || f(xq)) = f(xp)[sp(xq) - sp(xp)] + f(-xp)[sp(-xq) - sp(-xp)]  (docs/physics/landauer.md §2) */
void
qt_fermi_kl(acb_t d, const acb_t xp, const acb_t xq, int analytic, slong prec)
{
    acb_t fp, a, b, m;
    acb_init(fp);
    acb_init(a);
    acb_init(b);
    acb_init(m);

    qt_fermi(fp, xp, prec);
    qt_softplus(a, xq, analytic, prec);
    qt_softplus(b, xp, analytic, prec);
    acb_sub(a, a, b, prec);
    acb_mul(d, fp, a, prec);

    acb_neg(m, xp);
    qt_fermi(fp, m, prec);
    qt_softplus(b, m, analytic, prec);
    acb_neg(m, xq);
    qt_softplus(a, m, analytic, prec);
    acb_sub(a, a, b, prec);
    acb_addmul(d, fp, a, prec);

    acb_clear(fp);
    acb_clear(a);
    acb_clear(b);
    acb_clear(m);
}

/* -p ln p - pbar ln pbar, with pbar = 1 - p supplied separately (no cancellation) */
void
qt_binary_entropy(acb_t s, const acb_t p, const acb_t pbar, int analytic, slong prec)
{
    acb_t t;
    acb_init(t);
    qt_acb_log_analytic(t, p, analytic, prec);
    acb_mul(s, t, p, prec);
    qt_acb_log_analytic(t, pbar, analytic, prec);
    acb_addmul(s, t, pbar, prec);
    acb_neg(s, s);
    acb_clear(t);
}
