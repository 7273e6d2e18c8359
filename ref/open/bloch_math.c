/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bloch_math.c -- two small functions of the Bloch-vector closed forms, shared by the qubit
 * models (qubit_davies.c, fano_anderson.c). */
#include "traj_internal.h"

/* A(u) = atanh(u)/u: even, increasing in |u| on [0, 1), A(0) = 1 (lemma M4); for a ball
 * containing 0 the hull [1, A(max |u|)] */
void
qt_arb_atanh_over(arb_t res, const arb_t u, slong prec)
{
    arb_t h;
    arf_t m;
    if (arb_is_zero(u))
    {
        arb_one(res);
        return;
    }
    if (!arb_contains_zero(u))
    {
        arb_atanh(res, u, prec);
        arb_div(res, res, u, prec);
        return;
    }
    arb_init(h); arf_init(m);
    arb_get_abs_ubound_arf(m, u, prec);
    arb_set_arf(h, m);
    arb_atanh(res, h, prec);
    arb_div(res, res, h, prec);
    arb_one(h);
    arb_union(res, res, h, prec);
    arb_clear(h); arf_clear(m);
}

/* g(p) + g(1 - p), g = -x ln x, for p known to lie in [0, 1] (lemma E3 clamps the balls) */
void
qt_arb_binary_entropy(arb_t S, const arb_t p, slong prec)
{
    arb_t q, g;
    arb_init(q); arb_init(g);
    qt_arb_neg_xlogx_unit(S, p, prec);
    arb_sub_ui(q, p, 1, prec);
    arb_neg(q, q);
    qt_arb_neg_xlogx_unit(g, q, prec);
    arb_add(S, S, g, prec);
    arb_clear(q); arb_clear(g);
}
