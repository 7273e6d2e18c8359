/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* integral.c -- an integral of the Landauer family over the energy axis:
 * certified quadrature on the window [A, B] (split at mu_L, mu_R, eps0, the box
 * edges and, for bosons, at E = c where the regular-at-zero forms take over) plus
 * the proven tail bound of tail.c added to the radius. */
#include "landauer_internal.h"

static void
edge_correction(arb_t res, qt_landauer_ctx_t c, const arb_t edge, slong prec)
{
    acb_t E, g;
    mag_t m;
    arf_t cut;
    if (arb_is_exact(edge))
        return;
    acb_init(E);
    acb_init(g);
    mag_init(m);
    arf_init(cut);
    acb_set_arb(E, edge);
    arf_min(cut, arb_midref(c->T[0]), arb_midref(c->T[1]));
    arf_mul_2exp_si(cut, cut, -1);
    c->near0 = (c->stats == QT_BOSON && c->kind != LK_N && arf_cmp(arb_midref(edge), cut) < 0);
    qt_landauer_integrand(g, E, c, 0, prec);
    c->near0 = 0;
    acb_get_mag(m, g);
    mag_mul(m, m, arb_radref(edge));
    arb_add_error_mag(res, m);
    acb_clear(E);
    acb_clear(g);
    mag_clear(m);
    arf_clear(cut);
}

/* the cold-sink decomposition (lemma T8) needs T_L > T_R and T(E) > 0 on the support */
static int
cold_sink_applies(const qt_landauer_params_t p)
{
    if (fmpq_cmp(p->T_L, p->T_R) <= 0)
        return 0;
    return p->model == QT_MODEL_LORENTZIAN || fmpq_sgn(p->tau) > 0;
}

/* E_* = min(mu_L, mu_R - W_R), E* = max(mu_L, mu_R + W_R), W_R = (0.7 prec + 30) T_R */
static void
cold_sink_points(arf_t Edn, arf_t Eup, const qt_landauer_ctx_t c, slong prec)
{
    arf_t w;
    arf_init(w);
    arf_mul_si(w, arb_midref(c->T[1]), (slong) (0.7 * prec) + 30, 64, ARF_RND_UP);
    arf_add(Eup, arb_midref(c->mu[1]), w, 64, ARF_RND_UP);
    arf_max(Eup, Eup, arb_midref(c->mu[0]));
    arf_sub(Edn, arb_midref(c->mu[1]), w, 64, ARF_RND_DOWN);
    arf_min(Edn, Edn, arb_midref(c->mu[0]));
    arf_clear(w);
}

/* add [0, int sigma(f_R)] beyond the edge (side +1: E > edge; -1: E < edge), as a radius:
   T_R (2 + X) e^-X with X = |edge - mu_R| / T_R (x2 for bosons, X >= 2), lemma T8 */
static void
add_cold_sink_bound(arb_t res, const qt_landauer_ctx_t c, const arf_t edge, int side, slong prec)
{
    arb_t X, t;
    mag_t m;
    arb_init(X);
    arb_init(t);
    mag_init(m);
    arb_set_arf(X, edge);
    if (side > 0)
        arb_sub(X, X, c->mu[1], prec);
    else
        arb_sub(X, c->mu[1], X, prec);
    arb_div(X, X, c->T[1], prec);
    arb_sub_ui(t, X, 2, prec);
    if (!arb_is_nonnegative(t))
        mag_inf(m);
    else
    {
        arb_neg(t, X);
        arb_exp(t, t, prec);
        arb_add_ui(X, X, 2, prec);
        arb_mul(t, t, X, prec);
        arb_mul(t, t, c->T[1], prec);
        if (c->stats == QT_BOSON)
            arb_mul_2exp_si(t, t, 1);
        arb_get_mag(m, t);
    }
    arb_add_error_mag(res, m);
    arb_clear(X);
    arb_clear(t);
    mag_clear(m);
}

/* The mean value theorem on a box too narrow for the working precision: when mid(E_lo) >= mid(E_hi) the exact
   integral is (E_hi - E_lo) g(xi) for some xi in [E_lo, E_hi], which lies in the union H of the two edge balls
   (lemma T9 (v)). */
static void
box_by_mean_value(arb_t res, qt_landauer_ctx_t c, const qt_landauer_params_t p, slong prec)
{
    acb_t E, g;
    arb_t w;
    arf_t cut;
    acb_init(E);
    acb_init(g);
    arb_init(w);
    arf_init(cut);
    arb_union(acb_realref(E), c->Elo, c->Ehi, prec);
    arb_zero(acb_imagref(E));
    arf_min(cut, arb_midref(c->T[0]), arb_midref(c->T[1]));
    arf_mul_2exp_si(cut, cut, -1);
    c->near0 = (c->stats == QT_BOSON && c->kind != LK_N && arf_cmp(arb_midref(acb_realref(E)), cut) < 0);
    qt_landauer_integrand(g, E, c, 0, prec);
    c->near0 = 0;
    {
        fmpq_t d;
        fmpq_init(d);
        fmpq_sub(d, p->E_hi, p->E_lo);
        arb_set_fmpq(w, d, prec);
        fmpq_clear(d);
    }
    arb_mul(res, w, acb_realref(g), prec);
    acb_clear(E);
    acb_clear(g);
    arb_clear(w);
    arf_clear(cut);
}
/* x clamped to [lo, hi] (lo <= hi) */
static void
clamp(arf_t x, const arf_t lo, const arf_t hi)
{
    if (arf_cmp(x, lo) < 0)
        arf_set(x, lo);
    if (arf_cmp(x, hi) > 0)
        arf_set(x, hi);
}

/* add the integral of the current kind over [a, b] (a < b) to res; the status joins st */
static int
add_piece(arb_t res, qt_landauer_ctx_t c, const arf_t a, const arf_t b, const arf_struct *splits, slong ns,
          int st, slong prec)
{
    arb_t piece;
    arb_init(piece);
    st = qt_status_join(st, qt_integrate_real(piece, qt_landauer_integrand, c, a, b, splits, ns, prec));
    arb_add(res, res, piece, prec);
    arb_clear(piece);
    return st;
}

int
qt_landauer_integral(arb_t res, const qt_landauer_params_t p, int kind, slong prec, char *reason)
{
    qt_landauer_ctx_t c;
    arf_t A, B, lo, hi, cut;
    arf_struct splits[3];
    slong ns = 0, i;
    int st, lower, upper, split = 1;
    mag_t tail;

    if (kind == LK_SRED_PLAIN)
    {
        kind = LK_SRED;                        /* the same integral without the cold-sink split of lemma T8 */
        split = 0;
    }
    st = qt_landauer_params_validate(p, reason);
    if (st != QT_OK)
        return st;

    if (p->stats == QT_BOSON && kind == LK_N)
    {
        if (fmpq_equal(p->T_L, p->T_R))
        {
            arb_zero(res);                     /* n_L = n_R identically (mu = 0) */
            return QT_OK;
        }
        if (!(p->model == QT_MODEL_BOX && fmpq_sgn(p->E_lo) > 0))
        {
            arb_indeterminate(res);
            return qt_fail(reason, QT_DOMAIN,
                "the boson particle current diverges: T(0) > 0 and T_L != T_R give n_L - n_R ~ (T_L - T_R)/E "
                "as E -> 0 (use model=box with E_lo > 0; energy, heat and entropy currents are finite)");
        }
    }

    qt_landauer_ctx_init(c, p, prec);
    c->kind = kind;
    arf_init(A); arf_init(B); arf_init(lo); arf_init(hi); arf_init(cut);
    mag_init(tail);
    for (i = 0; i < 3; i++)
        arf_init(splits + i);
    arb_zero(res);
    st = QT_OK;

    /* Lemma T9: the support S (R; bosons E > 0; a box [E_lo, E_hi]) meets the window [A, B] in the core [lo, hi]
       with dyadic ends; a tail bound is owed below A (lower) and above B (upper) where S extends beyond the window,
       an edge piece at each inexact box edge used as an end (T7) */
    qt_landauer_window(A, B, c, prec);
    arf_set(lo, A);
    arf_set(hi, B);
    lower = (p->stats == QT_FERMION);          /* bosons live on E > 0 */
    upper = 1;
    if (p->stats == QT_BOSON)
        arf_zero(lo);
    if (p->model == QT_MODEL_BOX)
    {
        if (arf_cmp(arb_midref(c->Elo), arb_midref(c->Ehi)) >= 0)
        {
            /* the box is narrower than the rounding of its edges at this precision: T9 (v) */
            box_by_mean_value(res, c, p, prec);
            goto done;
        }
        /* T = 0 outside [E_lo, E_hi]: a tail only where the box leaves the window */
        if (arf_cmp(arb_midref(c->Elo), lo) >= 0)
        {
            arf_set(lo, arb_midref(c->Elo));
            lower = 0;
        }
        if (arf_cmp(arb_midref(c->Ehi), hi) <= 0)
        {
            arf_set(hi, arb_midref(c->Ehi));
            upper = 0;
        }
    }

    arf_set(splits + ns++, arb_midref(c->mu[0]));
    arf_set(splits + ns++, arb_midref(c->mu[1]));
    if (p->model == QT_MODEL_LORENTZIAN)
        arf_set(splits + ns++, arb_midref(c->eps0));

    /* an empty core (a box wholly beyond one end of the window) leaves only its tail bound and edge piece (T9 (iv)) */
    if (arf_cmp(lo, hi) < 0)
    {
        if (p->stats == QT_BOSON && kind != LK_N)
        {
            /* [lo, cut] with the forms regular at E = 0; cut = min(T_L, T_R)/2 clipped to the core (T9 (ii)) */
            arf_min(cut, arb_midref(c->T[0]), arb_midref(c->T[1]));
            arf_mul_2exp_si(cut, cut, -1);
            if (arf_cmp(cut, hi) > 0)
                arf_set(cut, hi);
            if (arf_cmp(lo, cut) < 0)
            {
                c->near0 = 1;
                st = add_piece(res, c, lo, cut, NULL, 0, st, prec);
                c->near0 = 0;
                arf_set(lo, cut);
            }
        }
        if (kind == LK_SRED && split && cold_sink_applies(p) && arf_cmp(lo, hi) < 0)
        {
            /* Lemma T8: beyond E* = max(mu_L, mu_R + W_R) (and, fermions, below E_* = min(mu_L, mu_R - W_R))
               replace sigma(T f_L + (1-T) f_R) by sigma(T f_L) (resp. via 1 - p); the neglected part lies
               in [0, sigma(f_R)], whose integral beyond E* is bounded by lemma T3 for reservoir R alone.
               Both points are clamped to the core, so lo <= E_* <= E* <= hi and the three pieces tile it (T9 (iii)). */
            arf_t Eup, Edn;
            arf_init(Eup);
            arf_init(Edn);
            cold_sink_points(Edn, Eup, c, prec);
            clamp(Edn, lo, hi);
            clamp(Eup, lo, hi);
            if (p->stats == QT_FERMION && arf_cmp(lo, Edn) < 0)
            {
                c->kind = LK_SRED_DOWN;
                st = add_piece(res, c, lo, Edn, splits, ns, st, prec);
                add_cold_sink_bound(res, c, Edn, -1, prec);
                arf_set(lo, Edn);
            }
            if (arf_cmp(Eup, hi) < 0)
            {
                c->kind = LK_SRED_UP;
                st = add_piece(res, c, Eup, hi, splits, ns, st, prec);
                add_cold_sink_bound(res, c, Eup, +1, prec);
                arf_set(hi, Eup);
            }
            c->kind = LK_SRED;
            arf_clear(Eup);
            arf_clear(Edn);
        }
        if (arf_cmp(lo, hi) < 0)
            st = add_piece(res, c, lo, hi, splits, ns, st, prec);
    }

    /* box edges that are not dyadic: we integrated up to mid(edge); the missing piece
       between mid(edge) and the exact edge is rad(edge) * g(xi) for some xi in the
       edge ball (mean value theorem), enclosed by rad(edge) * g(edge ball). Lemma T7. */
    if (p->model == QT_MODEL_BOX)
    {
        if (!lower)
            edge_correction(res, c, c->Elo, prec);
        if (!upper)
            edge_correction(res, c, c->Ehi, prec);
    }

    /* tails beyond the window: lemmas T1-T6 of proofs/landauer.md */
    qt_landauer_tail_bound(tail, c, A, B, lower, upper, prec);
    arb_add_error_mag(res, tail);

done:
    if (st == QT_INTERNAL)
        arb_indeterminate(res);
    qt_integration_fail(reason, st, "certified quadrature over the energy axis", prec);

    for (i = 0; i < 3; i++)
        arf_clear(splits + i);
    arf_clear(A); arf_clear(B); arf_clear(lo); arf_clear(hi); arf_clear(cut);
    mag_clear(tail);
    qt_landauer_ctx_clear(c);
    return st;
}
