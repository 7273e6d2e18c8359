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

int qt_landauer_cold_sink_split = 1;

/* the cold-sink decomposition (lemma T8) needs T_L > T_R and T(E) > 0 on the support */
static int
cold_sink_applies(const qt_landauer_params_t p)
{
    if (!qt_landauer_cold_sink_split)
        return 0;
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

int
qt_landauer_integral(arb_t res, const qt_landauer_params_t p, int kind, slong prec, char *reason)
{
    qt_landauer_ctx_t c;
    arf_t A, B, lo, hi, cut;
    arf_struct splits[3];
    slong ns = 0, i;
    int st, lower, upper;
    arb_t piece;
    mag_t tail;

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
    arb_init(piece);
    mag_init(tail);
    for (i = 0; i < 3; i++)
        arf_init(splits + i);

    qt_landauer_window(A, B, c, prec);
    arf_set(lo, A);
    arf_set(hi, B);
    lower = (p->stats == QT_FERMION);          /* bosons live on E > 0 */
    upper = 1;
    if (p->stats == QT_BOSON)
        arf_zero(lo);
    if (p->model == QT_MODEL_BOX)
    {
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

    arb_zero(res);
    st = QT_OK;
    if (p->stats == QT_BOSON && kind != LK_N)
    {
        /* [lo, cut] with the forms regular at E = 0; cut = min(T_L, T_R)/2 */
        arf_min(cut, arb_midref(c->T[0]), arb_midref(c->T[1]));
        arf_mul_2exp_si(cut, cut, -1);
        if (arf_cmp(cut, hi) > 0)
            arf_set(cut, hi);
        if (arf_cmp(lo, cut) < 0)
        {
            c->near0 = 1;
            if (qt_integrate_real(piece, qt_landauer_integrand, c, lo, cut, NULL, 0, prec) != QT_OK)
                st = QT_UNCERTIFIED;
            arb_add(res, res, piece, prec);
            c->near0 = 0;
            arf_set(lo, cut);
        }
    }
    if (kind == LK_SRED && cold_sink_applies(p))
    {
        /* Lemma T8: beyond E* = max(mu_L, mu_R + W_R) (and, fermions, below E_* = min(mu_L, mu_R - W_R))
           replace sigma(T f_L + (1-T) f_R) by sigma(T f_L) (resp. via 1 - p); the neglected part lies
           in [0, sigma(f_R)], whose integral beyond E* is bounded by lemma T3 for reservoir R alone. */
        arf_t Eup, Edn;
        arf_init(Eup);
        arf_init(Edn);
        cold_sink_points(Edn, Eup, c, prec);
        if (arf_cmp(Eup, lo) < 0)
            arf_set(Eup, lo);
        if (p->stats == QT_FERMION && arf_cmp(Edn, lo) > 0 && arf_cmp(Edn, Eup) < 0)
        {
            c->kind = LK_SRED_DOWN;
            if (qt_integrate_real(piece, qt_landauer_integrand, c, lo, Edn, splits, ns, prec) != QT_OK)
                st = QT_UNCERTIFIED;
            arb_add(res, res, piece, prec);
            add_cold_sink_bound(res, c, Edn, -1, prec);
            arf_set(lo, Edn);
        }
        if (arf_cmp(Eup, hi) < 0)
        {
            c->kind = LK_SRED_UP;
            if (qt_integrate_real(piece, qt_landauer_integrand, c, Eup, hi, splits, ns, prec) != QT_OK)
                st = QT_UNCERTIFIED;
            arb_add(res, res, piece, prec);
            add_cold_sink_bound(res, c, Eup, +1, prec);
            arf_set(hi, Eup);
        }
        c->kind = LK_SRED;
        arf_clear(Eup);
        arf_clear(Edn);
    }
    if (qt_integrate_real(piece, qt_landauer_integrand, c, lo, hi, splits, ns, prec) != QT_OK)
        st = QT_UNCERTIFIED;
    arb_add(res, res, piece, prec);

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
    if (st != QT_OK)
        qt_fail(reason, QT_UNCERTIFIED, "certified quadrature did not reach the working tolerance at %ld bits", (long) prec);

    for (i = 0; i < 3; i++)
        arf_clear(splits + i);
    arf_clear(A); arf_clear(B); arf_clear(lo); arf_clear(hi); arf_clear(cut);
    arb_clear(piece);
    mag_clear(tail);
    qt_landauer_ctx_clear(c);
    return st;
}
