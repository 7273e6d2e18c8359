/* heat_per_cycle.c -- Q_a = oint sum_k Lambda_{a,k} dlambda_k over the boundary of a protocol, each
 * piece parametrised on u in [0, 1] and integrated by acb_calc_integrate with the integrand continued
 * holomorphically to complex u (lemmas P3-P5 of proofs/pumping.md). */
#include <string.h>
#include <math.h>
#include "pump_internal.h"

typedef struct
{
    const qt_pump_params_struct *P;
    const qt_pump_piece_struct *g;   /* the geometry */
}
piece;

/* integrand Lambda_L(lambda(u)) . lambda'(u) + i Lambda_R(lambda(u)) . lambda'(u): both terms are real on the real
   segment, so the real and imaginary parts of the integral are the heats of baths L and R (one evaluation of Lambda
   serves both) */
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
    Lam = _acb_vec_init(4);
    qt_pump_piece_eval(Bx, Bz, dx, dz, p->g, u, prec);
    qt_pump_lambda_acb(Lam, p->P, Bx, Bz, order != 0, prec, why);
    acb_mul(res, Lam + 0, dx, prec);
    acb_addmul(res, Lam + 1, dz, prec);
    acb_mul(t, Lam + 2, dx, prec);
    acb_addmul(t, Lam + 3, dz, prec);
    acb_mul_onei(t, t);
    acb_add(res, res, t, prec);
    acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz); acb_clear(t);
    _acb_vec_clear(Lam, 4);
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
        /* several qubits: the integrand stays finite only on small balls (radius ~5e-3 for the closed route of P13,
           ~1e-2 and ~1e-3 for the eigen route of P9 with two and three qubits), so cut the path into pieces of
           length ~1/50 up front (the piece count is effort, not rigour) */
        st = qt_integrate_pieces(res, integrand, p, a, b, qt_pump_piece_count(p->g, 50), prec);
    arf_clear(a); arf_clear(b);
    return st;
}

/* Q[0], Q[1]: the sums of the integrals over the pieces of a boundary, for both baths at once */
static int
integrate_boundary(arb_ptr Q, const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec)
{
    piece p;
    acb_t v, w;
    slong i;
    int st = QT_OK, s2;
    acb_init(v); acb_init(w);
    p.P = P;
    for (i = 0; i < np; i++)
    {
        p.g = g + i;
        if ((s2 = integrate_piece(v, &p, prec)) != QT_OK)
            st = s2;
        acb_add(w, w, v, prec);
    }
    arb_set(Q + 0, acb_realref(w));
    arb_set(Q + 1, acb_imagref(w));
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
    acb_ptr Lam = _acb_vec_init(4);
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
    _acb_vec_clear(Lam, 4);
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

/* lemma P23: the quadrant for two Heisenberg qubits at equal temperatures.  Arcs about B = 0 carry no heat (the
 * Gibbs populations depend on r = |B| only), so Q_a = int_0^inf Lambda_{a,x}(r e_x) dr - int_0^inf Lambda_{a,z}(r e_z) dr:
 * the legs [0, R] by the polar route (holomorphic through B = 0 and the crossing, P13), the parts beyond R bounded by
 * the envelope of P23 and added to the radius.  R (effort, not rigour) is the first of crossing_B + (prec + 8) ln 2/alpha
 * + j/alpha, alpha = 2s/T, whose two tail bounds are below 2^-prec. */
static int
quadrant_heis2(arb_t Qa, const qt_pump_params_struct *P, int bath, slong prec, char *reason)
{
    polar_piece pp;
    arf_t a, b;
    arb_t v;
    mag_t tx, tz, tsum, goal;
    fmpq_t R, step, sq, Jq, k;
    slong j, npieces;
    int st = QT_OK, w;
    arb_init(pp.R); arb_init(v);
    arf_init(a); arf_init(b);
    mag_init(tx); mag_init(tz); mag_init(tsum); mag_init(goal);
    fmpq_init(R); fmpq_init(step); fmpq_init(sq); fmpq_init(Jq); fmpq_init(k);
    pp.P = P;
    pp.bath = bath;
    /* step = 1/alpha = T/(2s); R = crossing_B + ceil(0.7 (prec + 8)) step */
    qt_pump_convention_scales(sq, Jq, P, P->J);
    fmpq_div(step, P->T, sq);
    fmpq_div_2exp(step, step, 1);
    qt_pump_level_crossing_radius(R, P);
    fmpq_set_si(k, (slong) (0.7 * (prec + 8)) + 1, 1);
    fmpq_addmul(R, k, step);
    mag_set_ui_2exp_si(goal, 1, -prec);
    for (j = 0; ; j++)
    {
        arb_set_fmpq(pp.R, R, prec);
        if ((st = qt_pump_heis2_axis_tail(tx, P, bath, 0, pp.R, prec, reason)) != QT_OK
            || (st = qt_pump_heis2_axis_tail(tz, P, bath, 1, pp.R, prec, reason)) != QT_OK)
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
        mag_add(tsum, tx, tz);
        if (mag_cmp(tsum, goal) <= 0 || j >= 4096)
            break;
        fmpq_add(R, R, step);
    }
    arb_zero(Qa);
    if (st == QT_OK)
    {
        arf_zero(a);
        arf_one(b);
        /* about 4 pieces per 1/alpha (effort: the integrator bisects where needed) */
        npieces = (slong) (4.0 * fmpq_get_d(R) / fmpq_get_d(step)) + 8;
        for (w = 0; w < 3 && st == QT_OK; w += 2)
        {
            pp.which = w;
            if ((st = qt_integrate_real_pieces(v, polar_integrand, &pp, a, b, npieces, prec)) != QT_OK)
                qt_fail(reason, st, "protocol=quadrant: a leg integral did not reach the requested accuracy");
            arb_add(Qa, Qa, v, prec);
        }
        /* lemma P23: |the legs beyond R| <= tail_x + tail_z */
        mag_add(arb_radref(Qa), arb_radref(Qa), tx);
        mag_add(arb_radref(Qa), arb_radref(Qa), tz);
    }
    if (st != QT_OK)
        arb_indeterminate(Qa);
    arb_clear(pp.R); arb_clear(v);
    arf_clear(a); arf_clear(b);
    mag_clear(tx); mag_clear(tz); mag_clear(tsum); mag_clear(goal);
    fmpq_clear(R); fmpq_clear(step); fmpq_clear(sq); fmpq_clear(Jq); fmpq_clear(k);
    return st;
}

/* S(B) of the one-qubit Gibbs state, x = sB/T: ln(2 cosh x) - x tanh x */
static void
qubit_gibbs_entropy(arb_t S, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t x, t;
    arb_init(x); arb_init(t);
    arb_set_fmpq(t, P->T, prec);
    arb_div(x, B, t, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(x, x, -1);
    arb_cosh(S, x, prec);
    arb_mul_2exp_si(S, S, 1);
    arb_log(S, S, prec);
    arb_tanh(t, x, prec);
    arb_submul(S, x, t, prec);
    arb_clear(x); arb_clear(t);
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
    qubit_gibbs_entropy(S0, P, r0, prec);
    if (tail)
        qubit_gibbs_entropy(S1, P, r1, prec);
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
    if (!qt_pump_single_like(P) && !qt_pump_heis2_like(P))
        return qt_fail(reason, QT_DOMAIN, "protocol=quadrant: the excluded-disc and tail bounds are proven for n_qubits=1, coupling=local (P11, P16) and two qubits with Heisenberg exchange (Delta = 1, J != 0, a sigma_x / sigma_z layout; P23) only; use protocol=sector or quarter_disc otherwise");
    if (!qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "protocol=quadrant: the excluded-disc and tail bounds (proofs/pumping.md P11, P23) need equal temperatures; with T_R != T use protocol=sector");
    return QT_OK;
}

int
qt_pump_quarter_disc_supported(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits >= 2 && !qt_pump_is_product(P) && fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "protocol=quarter_disc: the corner B = 0 is handled by the closed route of lemma P13, which needs J != 0 (at J = 0 the levels T_0 and S coincide); use protocol=circle, sector or polygon (lemma P25)");
    if (qt_pump_equal_temperatures(P)
        && (qt_pump_single_like(P) || (P->n_qubits == 2 && fmpq_is_one(P->Delta) && P->coupling != QT_PUMP_COUPLING_MATRIX)))
        return QT_OK;
    return qt_fail(reason, QT_DOMAIN, "protocol=quarter_disc: the corner B = 0 is handled at equal temperatures, for one qubit (lemma P11) and for two qubits with Delta = 1 and a sigma_x / sigma_z coupling layout (lemma P13) only");
}

int
qt_pump_protocol_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason)
{
    if (qt_pump_singlet_is_dark(P, reason) != QT_OK || qt_pump_shared_levels_degenerate(P, reason) != QT_OK)
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
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK || (st = qt_protocol_validate(C, reason)) != QT_OK
        || (st = qt_pump_protocol_supported(P, C, reason)) != QT_OK)
    {
        arb_indeterminate(Q + 0);
        arb_indeterminate(Q + 1);
        return st;
    }
    arb_zero(Q + 0);
    arb_zero(Q + 1);
    if ((C->kind == QT_PROTOCOL_QUADRANT || C->kind == QT_PROTOCOL_QUARTER_DISC) && !qt_pump_single_like(P))
    {
        /* two Heisenberg qubits: the polar routes of P13/P23, bath by bath */
        for (a = 0; a < 2; a++)
        {
            int s2;
            if (C->kind == QT_PROTOCOL_QUADRANT)
            {
                if ((st = quadrant_heis2(Q + a, P, a, prec, reason)) != QT_OK)
                {
                    arb_indeterminate(Q + 1 - a);
                    return st;
                }
            }
            else if ((s2 = quarter_disc_heis2(Q + a, P, a, C->radius, prec)) != QT_OK)
                st = qt_fail(reason, s2, "the line integral did not reach the requested accuracy");
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
        {
            arb_indeterminate(Q + 0);
            arb_indeterminate(Q + 1);
        }
        else if ((st = integrate_boundary(Q, P, g, np, prec)) != QT_OK)
            qt_fail(reason, st, "the line integral did not reach the requested accuracy");
        qt_pump_pieces_clear(g, np);
        for (a = 0; a < 2 && corner; a++)
            quadrant_add_excluded(Q + a, P, r0, r1, C->kind == QT_PROTOCOL_QUADRANT, prec);
        arb_clear(r0); arb_clear(r1); arb_clear(t0); arb_clear(t1);
    }
    return st;
}
