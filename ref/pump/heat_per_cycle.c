/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* heat_per_cycle.c -- Q_a = oint sum_k Lambda_{a,k} dlambda_k over the boundary of a protocol, each
 * piece parametrised on u in [0, 1] and integrated by certified quadrature (ref/core/integrate.c) with the integrand
 * continued holomorphically to complex u (lemmas P3-P5 of proofs/pumping.md). */
#include <string.h>
#include <math.h>
#include "pump_internal.h"

typedef struct
{
    const qt_pump_params_struct *P;
    qt_pump_plan_struct *plan;   /* Lambda's route and its constant part, kept between points */
    const qt_pump_piece_struct *g;   /* the geometry */
    slong pair;                      /* the baths 2 pair, 2 pair + 1 (L, R; then 3, 4) */
}
piece;

/* integrand Lambda_L(lambda(u)) . lambda'(u) + i Lambda_R(lambda(u)) . lambda'(u): both terms are real on the real
   segment, so the real and imaginary parts of the integral are the heats of baths L and R (one evaluation of Lambda
   serves both); for the second pair the same with baths 3 and 4 */
static int
integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    piece *p = param;
    acb_t Bx, Bz, dx, dz, t;
    acb_ptr Lam;
    char why[QT_REASON_LEN];
    if (order > 1)
        flint_abort();
    acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz); acb_init(t);
    Lam = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
    qt_pump_piece_eval(Bx, Bz, dx, dz, p->g, u, prec);
    qt_pump_lambda_plan_acb(Lam, p->plan, Bx, Bz, order != 0, prec, why);
    qt_pump_lambda_pair(res, Lam, qt_pump_n_baths(p->P), p->pair, 2, 0, prec);
    acb_mul(res, res, dx, prec);
    qt_pump_lambda_pair(t, Lam, qt_pump_n_baths(p->P), p->pair, 2, 1, prec);
    acb_addmul(res, t, dz, prec);
    acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz); acb_clear(t);
    _acb_vec_clear(Lam, 2 * QT_PUMP_MAX_BATHS);
    return 0;
}

static int
integrate_piece(acb_t res, piece *p, slong prec)
{
    arf_t a, b;
    int st;
    arf_init(a); arf_init(b);
    arf_zero(a);
    arf_one(b);
    if (qt_pump_single_like(p->P))
        st = qt_integrate_complex(res, integrand, p, a, b, NULL, 0, prec);
    else
    {
        /* several qubits: Lambda's evaluation (a linear solve) stays finite only on small balls (radius ~5e-3 for
           the closed route of P13, ~1e-2 and ~1e-3 for the eigen route of P9 with two and three qubits), far inside
           its domain of holomorphy, so the ellipse bound comes from a cover by smaller balls (lemma L6 of
           proofs/open_systems.md, depth 2), on pieces of length ~1/2 cut up front; a piece whose ellipse bound fails
           is halved (gl_piece), so shorter pieces appear only where needed (the depth and the piece count are effort,
           not rigour: on the two-qubit circle this takes 40 % fewer instructions than the bare integrand on pieces of
           ~1/12) */
        qt_integrand_cover_struct c;
        qt_integrand_cover_init(&c, integrand, p, 2);
        st = qt_integrate_pieces(res, qt_integrand_cover, &c, a, b, qt_pump_piece_count(p->g, 2), prec);
    }
    arf_clear(a); arf_clear(b);
    return st;
}

/* Q[0..nb): the sums of the integrals over the pieces of a boundary, two baths at a time */
static int
integrate_boundary(arb_ptr Q, const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec)
{
    piece p;
    qt_pump_plan_struct plan;
    acb_t v, w;
    slong i, nb = qt_pump_n_baths(P);
    int st = QT_OK, s2;
    acb_init(v); acb_init(w);
    p.P = P;
    qt_pump_plan_init(&plan, P);
    p.plan = &plan;
    for (p.pair = 0; 2 * p.pair < nb; p.pair++)
    {
        acb_zero(w);
        for (i = 0; i < np; i++)
        {
            p.g = g + i;
            if ((s2 = integrate_piece(v, &p, prec)) != QT_OK)
                st = s2;
            acb_add(w, w, v, prec);
        }
        arb_set(Q + 2 * p.pair, acb_realref(w));
        if (2 * p.pair + 1 < nb)
            arb_set(Q + 2 * p.pair + 1, acb_imagref(w));
    }
    qt_pump_plan_clear(&plan);
    acb_clear(v); acb_clear(w);
    return st;
}

/* the quarter disc |B| <= R in the first quadrant, counter-clockwise: out along the B_x axis, the arc
 * phi = 0 .. pi/2 (phi from the B_x axis), back along the B_z axis.  Two qubits with Delta = 1: the closed
 * route of lemma P13 in polar form (exact directions on the legs, r = R u a ball that may contain 0): the
 * integrand is holomorphic in u near [0, 1] including the corner B = 0 and the crossing |B| = Bc */
typedef struct
{
    const qt_pump_params_struct *P;
    int bath, which;          /* which: 0 leg along B_x (out), 1 arc, 2 leg along B_z (in) */
    arb_t R;
}
polar_piece;

static int
polar_integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    polar_piece *p = param;
    acb_t r, nx, nz, phi, t;
    acb_ptr Lam = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
    char why[QT_REASON_LEN];
    if (order > 1)
        flint_abort();
    acb_init(r); acb_init(nx); acb_init(nz); acb_init(phi); acb_init(t);
    if (p->which == 1)
    {
        acb_set_arb(r, p->R);
        acb_const_pi(phi, prec);
        acb_mul_2exp_si(phi, phi, -1);
        acb_mul(phi, phi, u, prec);
        acb_sin_cos(nz, nx, phi, prec);
        qt_pump_lambda_heis2_polar_acb(Lam, p->P, r, nx, nz, prec, why);
        /* (pi/2) R (-Lambda_x sin phi + Lambda_z cos phi) */
        acb_mul(res, Lam + 2 * p->bath + 1, nx, prec);
        acb_submul(res, Lam + 2 * p->bath, nz, prec);
        acb_mul_arb(res, res, p->R, prec);
        acb_const_pi(t, prec);
        acb_mul_2exp_si(t, t, -1);
        acb_mul(res, res, t, prec);
    }
    else
    {
        acb_mul_arb(r, u, p->R, prec);
        if (p->which == 0)
        {
            acb_one(nx);
            acb_zero(nz);
        }
        else
        {
            acb_zero(nx);
            acb_one(nz);
        }
        qt_pump_lambda_heis2_polar_acb(Lam, p->P, r, nx, nz, prec, why);
        /* leg x outwards: R Lambda_x; leg z inwards: -R Lambda_z */
        acb_mul_arb(res, Lam + 2 * p->bath + (p->which == 0 ? 0 : 1), p->R, prec);
        if (p->which == 2)
            acb_neg(res, res);
    }
    acb_clear(r); acb_clear(nx); acb_clear(nz); acb_clear(phi); acb_clear(t);
    _acb_vec_clear(Lam, 2 * QT_PUMP_MAX_BATHS);
    return 0;
}

static int
quarter_disc_heis2(arb_t Qa, const qt_pump_params_struct *P, int bath, const fmpq_t R, slong prec)
{
    polar_piece pp;
    arf_t a, b;
    arb_t v;
    int w, st = QT_OK;
    double len;
    pp.P = P;
    pp.bath = bath;
    arb_init(pp.R); arb_init(v);
    arf_init(a); arf_init(b);
    arb_set_fmpq(pp.R, R, prec);
    arf_zero(a);
    arf_one(b);
    arb_zero(Qa);
    for (w = 0; w < 3 && st == QT_OK; w++)
    {
        pp.which = w;
        len = fmpq_get_d(R) * (w == 1 ? 1.5707963267948966 : 1.0);
        st = qt_integrate_real_pieces(v, polar_integrand, &pp, a, b, (slong) (len * 50) + 1, prec);
        arb_add(Qa, Qa, v, prec);
    }
    arb_clear(pp.R); arb_clear(v);
    arf_clear(a); arf_clear(b);
    return st;
}

/* a leg of the quadrant, B = r e_axis with r = R u, u in [0, 1]: Lambda_{a,r} + i Lambda_{a',r} for the pair of baths
 * (a, a') = (2 pair, 2 pair + 1) (both real on the real segment; the second term absent if there is no bath a'), times
 * R, negated on the B_z leg (traversed inwards).  X == NULL: the closed route of lemma P13 (two qubits, a sigma_x /
 * sigma_z layout, baths L and R); else the multiplet route of lemma P26 on the model X of that axis.  Both follow the
 * levels as analytic branches, so the integrand is holomorphic in u near [0, 1], through B = 0 and the crossings. */
typedef struct
{
    const qt_pump_params_struct *P;
    const qt_pump_axis_struct *X;
    int axis;
    slong pair;
    arb_t R;
    slong evals, fails;       /* integrand evaluations, and those whose enclosure was not finite (effort caps below) */
}
quadrant_leg;

/* effort only: a leg whose integrand enclosures failed this often, or that took this many evaluations, is given up
   at this precision (a nearly reducible rate matrix, e.g. a metastable level, makes the enclosures on balls useless;
   a normal leg takes about 2 10^4 evaluations) */
#define QUADRANT_LEG_MAX_FAILS 20000
#define QUADRANT_LEG_MAX_EVALS 150000

static int
leg_integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    quadrant_leg *p = param;
    acb_t r, nx, nz;
    acb_ptr Lam;
    char why[QT_REASON_LEN];
    if (order > 1)
        flint_abort();
    if (p->fails > QUADRANT_LEG_MAX_FAILS || ++p->evals > QUADRANT_LEG_MAX_EVALS)
    {
        acb_indeterminate(res);
        return 0;
    }
    Lam = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
    acb_init(r); acb_init(nx); acb_init(nz);
    acb_mul_arb(r, u, p->R, prec);
    if (p->X == NULL)
    {
        /* both directions per bath: the component along this axis */
        acb_set_si(nx, p->axis == 0);
        acb_set_si(nz, p->axis == 1);
        qt_pump_lambda_heis2_polar_acb(Lam, p->P, r, nx, nz, prec, why);
        qt_pump_lambda_pair(res, Lam, qt_pump_n_baths(p->P), p->pair, 2, p->axis, prec);
    }
    else
    {
        /* one component per bath, Lambda_{a,r} */
        qt_pump_lambda_axis_acb(Lam, p->X, p->P, r, prec, why);
        qt_pump_lambda_pair(res, Lam, qt_pump_n_baths(p->P), p->pair, 1, 0, prec);
    }
    acb_mul_arb(res, res, p->R, prec);
    if (p->axis == 1)
        acb_neg(res, res);
    if (!acb_is_finite(res))
        p->fails++;
    acb_clear(r); acb_clear(nx); acb_clear(nz);
    _acb_vec_clear(Lam, 2 * QT_PUMP_MAX_BATHS);
    return 0;
}

/* Q[a] += int_0^R Lambda_{a,x}(r e_x) dr - int_0^R Lambda_{a,z}(r e_z) dr for every bath a, on about npieces pieces
   per leg; X[axis] the models of lemma P26, or NULL for the closed route of P13 */
static int
axis_legs(arb_ptr Q, const qt_pump_params_struct *P, const qt_pump_axis_struct *X, const arb_t R, slong npieces,
          slong prec, char *reason)
{
    quadrant_leg leg;
    arf_t a, b;
    acb_t v;
    slong nb = qt_pump_n_baths(P);
    int st = QT_OK, w;
    arb_init(leg.R); acb_init(v);
    arf_init(a); arf_init(b);
    arf_zero(a);
    arf_one(b);
    leg.P = P;
    arb_set(leg.R, R);
    for (leg.pair = 0; 2 * leg.pair < nb && st == QT_OK; leg.pair++)
        for (w = 0; w < 2 && st == QT_OK; w++)
        {
            leg.axis = w;
            leg.X = X == NULL ? NULL : X + w;
            leg.fails = leg.evals = 0;
            if ((st = qt_integrate_pieces(v, leg_integrand, &leg, a, b, npieces, prec)) != QT_OK)
                qt_integration_fail(reason, st, w == 0 ? "the integral along the B_x axis" : "the integral along the B_z axis", prec);
            arb_add(Q + 2 * leg.pair, Q + 2 * leg.pair, acb_realref(v), prec);
            if (2 * leg.pair + 1 < nb)
                arb_add(Q + 2 * leg.pair + 1, Q + 2 * leg.pair + 1, acb_imagref(v), prec);
        }
    arb_clear(leg.R); acb_clear(v);
    arf_clear(a); arf_clear(b);
    return st;
}

/* the models of lemma P26 on both axes (X[0]: B_x, X[1]: B_z), and step = 1/alpha = T/gap (the same on both axes) */
static void
axis_models(qt_pump_axis_struct *X, fmpq_t step, const qt_pump_params_struct *P)
{
    slong d = (slong) 1 << P->n_qubits;
    int w;
    for (w = 0; w < 2; w++)
    {
        qt_pump_axis_init(X + w, d);
        qt_pump_axis_model(X + w, P, w, NULL);
    }
    qt_pump_axis_gap(step, X + 1);
    fmpq_div(step, P->T, step);
}

/* lemmas P23, P26 and P28: the quadrant for two or three Heisenberg qubits at equal temperatures.  Arcs about B = 0
 * carry no heat (P28), so Q_a = int_0^inf Lambda_{a,x}(r e_x) dr - int_0^inf Lambda_{a,z}(r e_z) dr: the legs [0, R]
 * by the closed polar route (P13: two qubits in a sigma_x / sigma_z layout, baths L and R) or the multiplet route
 * (P26: three qubits, coupling=matrix, further baths), the parts beyond R bounded by the envelope of P23/P26 and added
 * to the radius.  R (effort, not rigour) is the first of R_c + (prec + 8) ln 2/alpha + j/alpha (R_c the last level
 * crossing on the axes, alpha = gap/T) whose tail bounds (two axes) are at most 2^-prec for every bath. */
static int
quadrant_heisenberg(arb_ptr Q, const qt_pump_params_struct *P, slong prec, char *reason)
{
    qt_pump_axis_struct X[2];
    arb_t Rb;
    mag_t tail[QT_PUMP_MAX_BATHS], goal;
    mag_ptr tw = _mag_vec_init(QT_PUMP_MAX_BATHS);
    fmpq_t R, step, k;
    slong j, npieces, nb = qt_pump_n_baths(P);
    int st = QT_OK, w, bath, ok;
    arb_init(Rb);
    for (bath = 0; bath < QT_PUMP_MAX_BATHS; bath++)
        mag_init(tail[bath]);
    mag_init(goal);
    fmpq_init(R); fmpq_init(step); fmpq_init(k);
    /* step = 1/alpha = T/gap, gap = min_{n != g} (sl_n - sl_g) (the same on both axes); R = R_c + ceil(0.7 (prec + 8)) step */
    axis_models(X, step, P);
    qt_pump_axis_crossing_radius(R, X + 1);
    fmpq_set_si(k, (slong) (0.7 * (prec + 8)) + 1, 1);
    fmpq_addmul(R, k, step);
    mag_set_ui_2exp_si(goal, 1, -prec);
    for (j = 0; ; j++)
    {
        int small = 1;
        arb_set_fmpq(Rb, R, prec);
        ok = 1;
        for (bath = 0; bath < nb; bath++)
            mag_zero(tail[bath]);
        for (w = 0; w < 2 && ok; w++)
        {
            ok = (st = qt_pump_axis_tails(tw, X + w, P, Rb, prec, reason)) == QT_OK;
            for (bath = 0; bath < nb && ok; bath++)
                mag_add(tail[bath], tail[bath], tw + bath);
        }
        for (bath = 0; bath < nb && ok; bath++)
            small = small && mag_cmp(tail[bath], goal) <= 0;
        if (!ok)
        {
            if (j < 64)
            {
                st = QT_OK;       /* the dominance margin grows with R: try further out */
                fmpq_add(R, R, step);
                fmpq_add(R, R, step);
                continue;
            }
            break;
        }
        if (small || j >= 4096)
            break;
        fmpq_add(R, R, step);
    }
    _arb_vec_zero(Q, nb);
    if (st == QT_OK)
    {
        /* about 4 pieces per 1/alpha (effort: the integrator bisects where needed) */
        npieces = (slong) (4.0 * fmpq_get_d(R) / fmpq_get_d(step)) + 8;
        if ((st = axis_legs(Q, P, qt_pump_heis2_like(P) ? NULL : X, Rb, npieces, prec, reason)) != QT_OK)
            qt_integration_fail(reason, st, "protocol=quadrant: a leg integral", prec);
        /* lemmas P23, P26: |the legs beyond R| <= the tails of both axes */
        for (bath = 0; bath < nb; bath++)
            mag_add(arb_radref(Q + bath), arb_radref(Q + bath), tail[bath]);
    }
    if (st != QT_OK)
        _arb_vec_indeterminate(Q, nb);
    for (w = 0; w < 2; w++)
        qt_pump_axis_clear(X + w);
    arb_clear(Rb);
    for (bath = 0; bath < QT_PUMP_MAX_BATHS; bath++)
        mag_clear(tail[bath]);
    mag_clear(goal);
    _mag_vec_clear(tw, QT_PUMP_MAX_BATHS);
    fmpq_clear(R); fmpq_clear(step); fmpq_clear(k);
    return st;
}

/* lemmas P26 and P28: the quarter disc |B| <= R for Heisenberg qubits outside the closed polar route of P13 (three
 * qubits, coupling=matrix, further baths) at equal temperatures: the arc carries no heat (P28), the legs [0, R] by the
 * multiplet route, with no tail */
static int
quarter_disc_axes(arb_ptr Q, const qt_pump_params_struct *P, const fmpq_t R, slong prec, char *reason)
{
    qt_pump_axis_struct X[2];
    fmpq_t step;
    arb_t Rb;
    slong npieces, nb = qt_pump_n_baths(P);
    int st, w;
    fmpq_init(step);
    arb_init(Rb);
    axis_models(X, step, P);
    arb_set_fmpq(Rb, R, prec);
    _arb_vec_zero(Q, nb);
    npieces = (slong) (4.0 * fmpq_get_d(R) / fmpq_get_d(step)) + 8;
    if ((st = axis_legs(Q, P, X, Rb, npieces, prec, reason)) != QT_OK)
        _arb_vec_indeterminate(Q, nb);
    for (w = 0; w < 2; w++)
        qt_pump_axis_clear(X + w);
    arb_clear(Rb);
    fmpq_clear(step);
    return st;
}

/* radii of the certified part of the quadrant: r0 = T 2^-(prec/2 + 8), r1 = T (prec + 16) ln 2 / s' */
static void
quadrant_radii(arb_t r0, arb_t r1, const qt_pump_params_struct *P, slong prec)
{
    arb_set_fmpq(r0, P->T, prec);
    arb_mul_2exp_si(r0, r0, -(prec / 2 + 8));
    arb_set_fmpq(r1, P->T, prec);
    arb_mul_si(r1, r1, prec + 16, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(r1, r1, 1);
}

/* lemma P11: for one qubit Lambda_a = -T x_a(theta) grad S(B) exactly, so the parts of the quadrant boundary
 * left out (the legs on [0, r0] and [r1, inf] of both axes; arcs carry no dS) contribute
 * -T [x_a(pi/2) - x_a(0)] ([S(r0) - S(0)] + [S(inf) - S(r1)]), of modulus at most
 * T ((ln 2 - S(r0)) + S(r1)) (|x_a(pi/2) - x_a(0)| <= 1); added to the radius */
static void
quadrant_add_excluded(arb_t Qa, const qt_pump_params_struct *P, const arb_t r0, const arb_t r1, int tail, slong prec)
{
    arb_t S0, S1, l2, T;
    mag_t m;
    arb_init(S0); arb_init(S1); arb_init(l2); arb_init(T);
    mag_init(m);
    qt_pump_qubit_gibbs_entropy(S0, P, r0, prec);
    if (tail)
        qt_pump_qubit_gibbs_entropy(S1, P, r1, prec);
    else
        arb_zero(S1);                 /* quarter disc: the outer arc r1 = R is part of the protocol */
    arb_const_log2(l2, prec);
    arb_sub(S0, l2, S0, prec);
    arb_abs(S0, S0);
    arb_add(S0, S0, S1, prec);
    arb_set_fmpq(T, P->T, prec);
    arb_mul(S0, S0, T, prec);
    if (qt_pump_is_product(P))
        arb_mul_si(S0, S0, P->n_qubits, prec);     /* lemma P16: one such bound per qubit */
    arb_get_mag(m, S0);
    mag_add(arb_radref(Qa), arb_radref(Qa), m);
    arb_clear(S0); arb_clear(S1); arb_clear(l2); arb_clear(T);
    mag_clear(m);
}

int
qt_pump_quadrant_supported(const qt_pump_params_struct *P, char *reason)
{
    int st;
    if (P->n_extra > 0 && !qt_pump_axis_route_like(P))
        return qt_fail(reason, QT_DOMAIN, "gamma_3: protocol=quadrant with baths beyond L and R is proven for one qubit and for two or three qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths; lemmas P26, P27) only; use protocol=circle, sector or polygon");
    if (!qt_pump_single_like(P) && !qt_pump_axis_route_like(P))
        return qt_fail(reason, QT_DOMAIN, "protocol=quadrant: the excluded-disc and tail bounds are proven for n_qubits=1, coupling=local (P11, P16) and two or three qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths; P23, P26) only; use protocol=sector or quarter_disc otherwise");
    if (!qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "%s: protocol=quadrant: the excluded-disc and tail bounds (proofs/pumping.md P11, P23, P26) need equal temperatures; use protocol=sector", qt_pump_unequal_temperature_field(P));
    if ((st = qt_pump_parity_sectors_dark(P, reason)) != QT_OK)
        return st;
    return QT_OK;
}

int
qt_pump_quarter_disc_supported(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits >= 2 && !qt_pump_is_product(P) && fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "protocol=quarter_disc: the corner B = 0 is handled by the closed route of lemma P13, which needs J != 0 (at J = 0 the levels T_0 and S coincide); use protocol=circle, sector or polygon (lemma P25)");
    if (P->n_extra > 0 && !qt_pump_axis_route_like(P))
        return qt_fail(reason, QT_DOMAIN, "gamma_3: protocol=quarter_disc with baths beyond L and R is proven for one qubit and for two or three qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths; lemmas P26, P27, P28) only; use protocol=circle, sector or polygon");
    if (!qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "%s: protocol=quarter_disc: the corner B = 0 is handled at equal temperatures only (lemmas P11, P13, P28); use protocol=sector", qt_pump_unequal_temperature_field(P));
    if (qt_pump_single_like(P))
        return QT_OK;
    if (qt_pump_axis_route_like(P))
        return qt_pump_parity_sectors_dark(P, reason);
    return qt_fail(reason, QT_DOMAIN, "protocol=quarter_disc: the corner B = 0 is handled for one qubit (lemma P11) and for two or three qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths; lemmas P13, P26, P28) only; use protocol=circle, sector or polygon");
}

int
qt_pump_protocol_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason)
{
    if (qt_pump_singlet_is_dark(P, reason) != QT_OK)
        return QT_DOMAIN;
    if ((C->kind == QT_PROTOCOL_QUADRANT || C->kind == QT_PROTOCOL_QUARTER_DISC) && qt_pump_j0_corner_like(P))
        return qt_pump_j0_corner_supported(P, reason);          /* lemma P30 */
    if (qt_pump_shared_levels_degenerate(P, reason) != QT_OK)
        return QT_DOMAIN;
    if (C->kind == QT_PROTOCOL_QUADRANT)
        return qt_pump_quadrant_supported(P, reason);
    if (C->kind == QT_PROTOCOL_QUARTER_DISC)
        return qt_pump_quarter_disc_supported(P, reason);
    return QT_OK;
}

int
qt_pump_heat_per_cycle(arb_ptr Q, const qt_pump_params_struct *P, const qt_protocol_struct *C,
                       slong prec, char *reason)
{
    int st = QT_OK, a;
    slong nb = qt_pump_n_baths(P);
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK || (st = qt_protocol_validate(C, reason)) != QT_OK
        || (st = qt_pump_protocol_supported(P, C, reason)) != QT_OK)
    {
        _arb_vec_indeterminate(Q, nb);
        return st;
    }
    _arb_vec_zero(Q, nb);
    if ((C->kind == QT_PROTOCOL_QUADRANT || C->kind == QT_PROTOCOL_QUARTER_DISC) && qt_pump_j0_corner_like(P))
        st = qt_pump_j0_corner_heat(Q, P, C->kind == QT_PROTOCOL_QUADRANT ? NULL : C->radius, prec, reason);  /* P30 */
    else if ((C->kind == QT_PROTOCOL_QUADRANT || C->kind == QT_PROTOCOL_QUARTER_DISC) && !qt_pump_single_like(P))
    {
        if (C->kind == QT_PROTOCOL_QUADRANT)
            st = quadrant_heisenberg(Q, P, prec, reason);      /* lemmas P23, P26, P28 */
        else if (!qt_pump_heis2_like(P))
            st = quarter_disc_axes(Q, P, C->radius, prec, reason);      /* lemmas P26, P28 */
        else
            for (a = 0; a < 2; a++)
            {
                /* two Heisenberg qubits: the polar route of P13, bath by bath */
                int s2;
                if ((s2 = quarter_disc_heis2(Q + a, P, a, C->radius, prec)) != QT_OK)
                    st = qt_integration_fail(reason, s2, "the line integral", prec);
            }
    }
    else
    {
        qt_pump_piece_struct *g;
        slong np;
        arb_t r0, r1, t0, t1;
        int corner = (C->kind == QT_PROTOCOL_QUADRANT || C->kind == QT_PROTOCOL_QUARTER_DISC);
        arb_init(r0); arb_init(r1); arb_init(t0); arb_init(t1);
        if (corner)
        {
            /* one qubit or coupling=local: the sector [r0, r1] x [0, pi/2] and the proven bounds of P11 */
            quadrant_radii(r0, r1, P, prec);
            if (C->kind == QT_PROTOCOL_QUARTER_DISC)
                arb_set_fmpq(r1, C->radius, prec);
            arb_zero(t0);
            arb_const_pi(t1, prec);
            arb_mul_2exp_si(t1, t1, -1);
            qt_pump_sector_pieces(&g, &np, r0, r1, t0, t1, prec);
        }
        else
            qt_pump_protocol_pieces(&g, &np, C, prec);      /* circle, sector, polygon (lemma P4) */
        /* lemma P9 (iv): the eigen route integrates only along paths on which the levels are proven simple; a
           crossing is named here instead of exhausting the integrator on it */
        if ((st = qt_pump_protocol_levels_simple(P, g, np, prec, reason)) != QT_OK)
            _arb_vec_indeterminate(Q, nb);
        else if ((st = integrate_boundary(Q, P, g, np, prec)) != QT_OK)
            qt_integration_fail(reason, st, "the line integral", prec);
        qt_pump_pieces_clear(g, np);
        for (a = 0; a < 2 && corner; a++)
            quadrant_add_excluded(Q + a, P, r0, r1, C->kind == QT_PROTOCOL_QUADRANT, prec);
        arb_clear(r0); arb_clear(r1); arb_clear(t0); arb_clear(t1);
    }
    return st;
}
