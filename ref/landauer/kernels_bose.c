/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* kernels_bose.c -- Bose-Einstein kernels of x = E/T (mu = 0), proofs/landauer.md L2.
 * Far forms are holomorphic away from x = 2 pi i k; the "near" building blocks
 * q(x) = x/(e^x - 1) = e^{-x/2}/S(x) and ln S(x), S(x) = sinh(x/2)/(x/2) = sinc(i x/2),
 * are holomorphic at x = 0 and let the integrands be written without the 1/x and
 * ln x singularities, which cancel exactly in every integrand we use. */
#include "landauer_internal.h"

/* n(x) = 1/(e^x - 1): poles at 2 pi i k give non-finite output.  On a ball with Re x > 0 and a wide imaginary part
   the rectangle enclosing e^x - 1 may contain 0 although the function is finite there; then the equal expression
   e^-x / (1 - e^-x) is taken (lemma Q2: either is valid on any ball) */
void
qt_bose(acb_t n, const acb_t x, slong prec)
{
    acb_expm1(n, x, prec);
    acb_inv(n, n, prec);
    if (!acb_is_finite(n) && arf_sgn(arb_midref(acb_realref(x))) > 0)
    {
        acb_t t;
        acb_init(t);
        acb_neg(t, x);
        acb_expm1(n, t, prec);
        acb_neg(n, n);                         /* 1 - e^-x */
        acb_exp(t, t, prec);
        acb_div(n, t, n, prec);
        acb_clear(t);
    }
}

/* ell(x) = -log(1 - e^-x) = ln(1+n) */
void
qt_bose_ell(acb_t l, const acb_t x, int analytic, slong prec)
{
    acb_t t;
    acb_init(t);
    acb_neg(t, x);
    acb_exp(t, t, prec);
    acb_neg(t, t);
    qt_acb_log1p_analytic(l, t, analytic, prec);
    acb_neg(l, l);
    acb_clear(t);
}

void
qt_bose_q(acb_t q, acb_t lnS, const acb_t x, int analytic, slong prec)
{
    acb_t S, h;
    acb_init(S);
    acb_init(h);
    acb_mul_onei(h, x);
    acb_mul_2exp_si(h, h, -1);
    acb_sinc(S, h, prec);                      /* S(x) = sinc(i x / 2), entire */
    acb_mul_2exp_si(h, x, -1);
    acb_neg(h, h);
    acb_exp(h, h, prec);
    acb_div(q, h, S, prec);                    /* non-finite at zeros of S (x = 2 pi i k, k != 0) */
    qt_acb_log_analytic(lnS, S, analytic, prec);
    acb_clear(S);
    acb_clear(h);
}

/* sigma_B(n) = (1+n) log(1+n) - n log n */
void
qt_bose_entropy_of_n(acb_t s, const acb_t n, int analytic, slong prec)
{
    acb_t t, u;
    acb_init(t);
    acb_init(u);
    qt_acb_log1p_analytic(t, n, analytic, prec);
    acb_add_ui(u, n, 1, prec);
    acb_mul(s, t, u, prec);
    qt_acb_log_analytic(t, n, analytic, prec);
    acb_submul(s, t, n, prec);
    acb_clear(t);
    acb_clear(u);
}

/* log(1+u)/u = 2F1(1,1;2;-u): holomorphic off u in (-inf, -1] */
void
qt_log1p_over(acb_t r, const acb_t u, int analytic, slong prec)
{
    acb_t one, two, z;
    if (analytic && qt_acb_one_plus_may_touch_cut(u, prec))
    {
        acb_indeterminate(r);
        return;
    }
    acb_init(one);
    acb_init(two);
    acb_init(z);
    acb_one(one);
    acb_set_ui(two, 2);
    acb_neg(z, u);
    acb_hypgeom_2f1(r, one, one, two, z, 0, prec);
    acb_clear(one);
    acb_clear(two);
    acb_clear(z);
}
