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

/* f(y), f(-y), sp(y), sp(-y) from one exponential and one log1p: for Re(mid y) < 0 the expressions qt_fermi and
   qt_softplus choose are f(y) = 1/(1+t), f(-y) = t/(1+t), sp(y) = log1p(t), sp(-y) = log1p(t) + (-y) with t = e^y,
   and for Re(mid y) > 0 the mirror with t = e^-y: the same operations on the same balls, so the same values.  At
   Re(mid y) = 0 both y and -y take the second branch with different exponentials: computed one by one */
static void
fermi_pair(acb_t fy, acb_t fmy, acb_t spy, acb_t spmy, const acb_t y, int analytic, slong prec)
{
    acb_t t, u, m;
    int neg = qt_acb_mid_re_negative(y);
    acb_init(m);
    acb_neg(m, y);
    if (!neg && !qt_acb_mid_re_negative(m))
    {
        qt_fermi(fy, y, prec);
        qt_fermi(fmy, m, prec);
        qt_softplus(spy, y, analytic, prec);
        qt_softplus(spmy, m, analytic, prec);
        acb_clear(m);
        return;
    }
    acb_init(t); acb_init(u);
    acb_exp(t, neg ? y : m, prec);              /* e^{-|y|} */
    {
        acb_ptr fin = neg ? fy : fmy;           /* the argument with negative midpoint: 1/(1+t) */
        acb_ptr fout = neg ? fmy : fy;          /* the other: t/(1+t) */
        acb_ptr sin = neg ? spy : spmy;         /* log1p(t) */
        acb_ptr sout = neg ? spmy : spy;        /* log1p(t) + (its argument) */
        acb_add_ui(u, t, 1, prec);
        acb_inv(fin, u, prec);
        acb_add_ui(fout, t, 1, prec);
        acb_div(fout, t, fout, prec);
        qt_acb_log1p_analytic(sin, t, analytic, prec);
        acb_add(sout, sin, neg ? m : y, prec);
    }
    acb_clear(t); acb_clear(u); acb_clear(m);
}

/* D(f(xp) || f(xq)) = f(xp)[sp(xq) - sp(xp)] + f(-xp)[sp(-xq) - sp(-xp)]  (docs/physics/landauer.md §2); the kernels
   of each argument from one exponential (fermi_pair) */
void
qt_fermi_kl(acb_t d, const acb_t xp, const acb_t xq, int analytic, slong prec)
{
    acb_t fp, fmp, spp, spmp, fq, fmq, spq, spmq, a;
    acb_init(fp); acb_init(fmp); acb_init(spp); acb_init(spmp);
    acb_init(fq); acb_init(fmq); acb_init(spq); acb_init(spmq); acb_init(a);
    fermi_pair(fp, fmp, spp, spmp, xp, analytic, prec);
    fermi_pair(fq, fmq, spq, spmq, xq, analytic, prec);
    acb_sub(a, spq, spp, prec);
    acb_mul(d, fp, a, prec);
    acb_sub(a, spmq, spmp, prec);
    acb_addmul(d, fmp, a, prec);
    acb_clear(fp); acb_clear(fmp); acb_clear(spp); acb_clear(spmp);
    acb_clear(fq); acb_clear(fmq); acb_clear(spq); acb_clear(spmq); acb_clear(a);
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
