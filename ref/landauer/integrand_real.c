/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integrand_real.c -- the fermion integrands of the currents (N, HR, S, QR, QL) at a real point, the Gauss-Legendre
 * nodes, in real ball arithmetic on the context's scratch balls, without the complex dispatch and without allocating
 * per call.  S, QR and QL take the expressions of integrand.c and kernels_fermi.c (lemma L1, the same branch by the
 * sign of the midpoint); N and HR take T (f(x_L) - f(x_R)) over one denominator (lemma L1: one division per node
 * instead of three, and no cancellation in the numerator).  Either way the ball encloses the documented integrand at
 * the point (tests/t_landauer.c: real_nodes_against_formula). */
#include "landauer_internal.h"

/* u = e^{-|x|} and p = 1 (mid x < 0) or u (otherwise), so that f(x) = p/(1+u) (lemma L1's two branches); returns
   1 for the branch p = 1 */
static int
fermi_parts(arb_t u, const arb_t x, slong prec)
{
    int neg = arf_sgn(arb_midref(x)) < 0;
    if (neg)
        arb_exp(u, x, prec);
    else
    {
        arb_neg(u, x);
        arb_exp(u, u, prec);
    }
    return neg;
}

/* sigma_F = log1p(e^-y) + y e^-y/(1+e^-y), y = -x for mid x < 0, else x; y, t, u are scratch */
static void
fermi_entropy(arb_t s, const arb_t x, arb_t y, arb_t t, arb_t u, slong prec)
{
    if (arf_sgn(arb_midref(x)) < 0)
        arb_neg(y, x);
    else
        arb_set(y, x);
    arb_neg(t, y);
    arb_exp(t, t, prec);
    arb_log1p(s, t, prec);
    arb_add_ui(u, t, 1, prec);
    arb_div(u, t, u, prec);
    arb_mul(u, u, y, prec);
    arb_add(s, s, u, prec);
}

/* f(y), f(-y), sp(y), sp(-y) as fermi_pair of kernels_fermi.c (mid y != 0; the caller takes the complex path at 0) */
static void
fermi_pair(arb_ptr out, const arb_t y, arb_t t, arb_t m, slong prec)
{
    int neg = arf_sgn(arb_midref(y)) < 0;
    arb_ptr fin = neg ? out : out + 1, fout = neg ? out + 1 : out;
    arb_ptr sin = neg ? out + 2 : out + 3, sout = neg ? out + 3 : out + 2;
    arb_neg(m, y);
    arb_exp(t, neg ? y : m, prec);              /* e^{-|y|} */
    arb_add_ui(fout, t, 1, prec);
    arb_inv(fin, fout, prec);
    arb_div(fout, t, fout, prec);
    arb_log1p(sin, t, prec);
    arb_add(sout, sin, neg ? m : y, prec);
}

int
qt_landauer_integrand_real(arb_t r, const arb_t E, qt_landauer_ctx_struct *c, slong prec)
{
    arb_ptr s = c->scratch;                     /* QT_LANDAUER_SCRATCH balls */
    arb_ptr x0 = s, x1 = s + 1, t = s + 2, a = s + 3, b = s + 4, w = s + 5, y = s + 6, u = s + 7, p = s + 8;
    int k = c->kind;
    if (c->stats != QT_FERMION || !(k == LK_N || k == LK_HR || k == LK_S || k == LK_QR || k == LK_QL))
        return 0;
    arb_sub(x0, E, c->mu[0], prec);
    arb_mul(x0, x0, c->invT[0], prec);
    arb_sub(x1, E, c->mu[1], prec);
    arb_mul(x1, x1, c->invT[1], prec);
    if ((k == LK_QR || k == LK_QL) && (arf_is_zero(arb_midref(x0)) || arf_is_zero(arb_midref(x1))))
        return 0;                                /* fermi_pair's midpoint-zero case: the complex path */
    if (k == LK_N || k == LK_HR)
    {
        /* T (f(x0) - f(x1)) over one denominator (lemma L1): with f = p/(1+u) on each side,
           f(x0) - f(x1) = [p0 (1+u1) - p1 (1+u0)] / ((1+u0)(1+u1)), whose numerator is u1 - u0, u0 - u1, 1 - u0 u1 or
           u0 u1 - 1 by the two branches; the Lorentzian's (E - eps0)^2 + Gamma^2/4 joins the denominator */
        int n0 = fermi_parts(a, x0, prec), n1 = fermi_parts(b, x1, prec);
        if (n0 == n1)
            arb_sub(r, n0 ? b : a, n0 ? a : b, prec);
        else
        {
            arb_mul(r, a, b, prec);
            arb_sub_ui(r, r, 1, prec);
            if (n0)
                arb_neg(r, r);
        }
        arb_add_ui(a, a, 1, prec);
        arb_add_ui(b, b, 1, prec);
        arb_mul(a, a, b, prec);
        if (c->model == QT_MODEL_LORENTZIAN)
        {
            arb_sub(t, E, c->eps0, prec);
            arb_sqr(t, t, prec);
            arb_add(t, t, c->hw2, prec);
            arb_mul(a, a, t, prec);
            arb_mul(r, r, c->gLgR, prec);
        }
        else
            arb_mul(r, r, c->tau, prec);
        if (k == LK_HR)
        {
            arb_sub(w, E, c->mu[1], prec);
            arb_mul(r, r, w, prec);
        }
        arb_div(r, r, a, prec);
        return 1;
    }
    /* the transmission, as qt_landauer_transmission on a real ball */
    if (c->model == QT_MODEL_LORENTZIAN)
    {
        arb_sub(t, E, c->eps0, prec);
        arb_sqr(t, t, prec);
        arb_add(t, t, c->hw2, prec);
        arb_inv(t, t, prec);
        arb_mul(t, t, c->gLgR, prec);
    }
    else
        arb_set(t, c->tau);
    switch (k)
    {
        case LK_S:
            fermi_entropy(a, x0, y, w, u, prec);
            fermi_entropy(b, x1, y, w, u, prec);
            arb_sub(r, a, b, prec);
            arb_mul(r, r, t, prec);
            break;
        default:
        {
            /* D(f(xp) || f(xq)) = f(xp)[sp(xq) - sp(xp)] + f(-xp)[sp(-xq) - sp(-xp)], times T_q */
            arb_srcptr xp = (k == LK_QR) ? x0 : x1, xq = (k == LK_QR) ? x1 : x0;
            arb_ptr P = p, Q = p + 4;          /* f, f(-.), sp, sp(-.) of xp and of xq */
            fermi_pair(P, xp, w, y, prec);
            fermi_pair(Q, xq, w, y, prec);
            arb_sub(a, Q + 2, P + 2, prec);
            arb_mul(r, P, a, prec);
            arb_sub(a, Q + 3, P + 3, prec);
            arb_addmul(r, P + 1, a, prec);
            arb_mul(r, r, t, prec);
            arb_mul(r, r, c->T[k == LK_QR ? 1 : 0], prec);
            break;
        }
    }
    return 1;
}
