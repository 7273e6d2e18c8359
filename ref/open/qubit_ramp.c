/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qubit_ramp.c -- identity 11 of docs/physics/open_systems.md §5 (the driven rate of 2.5) on an exactly solvable
 * driven model: a qubit H(t) = (omega(t)/2) sigma_z with the linear ramp omega(t) = omega0 + omega1 t,
 * under the Davies generator at the instantaneous frequency (thermal damping gamma, dephasing
 * gamma_phi, one bath at beta), so that L_t fixes the instantaneous Gibbs state rho^eq_t.
 *
 * Lemma R1 (proofs/open_systems.md 8d): with a(s) = beta omega(s)/2 and m = 2 gamma/(beta omega1),
 *   E(s) = exp(-int_0^s Gamma) = (sinh a(0) / sinh a(s))^m,
 *   z(s) = E(s) (z0 - gamma I(s)),  I(s) = int_0^s du / E(u),
 *   x^2 + y^2 = (x0^2 + y0^2) E(s) e^{-2 gamma_phi s}.
 * I(s) is a certified integral (acb_calc_integrate); the work W = (omega1/2) int_0^t z is a second
 * certified integral over the holomorphic continuation of z (lemma R3). */
#include <string.h>
#include "traj_internal.h"

void
qt_qubit_ramp_init(qt_qubit_ramp_t P)
{
    qt_qubit_davies_init(P->base);
    fmpq_init(P->omega1);
}

void
qt_qubit_ramp_clear(qt_qubit_ramp_t P)
{
    qt_qubit_davies_clear(P->base);
    fmpq_clear(P->omega1);
}

int
qt_qubit_ramp_validate(const qt_qubit_ramp_struct *P, const fmpq_t t, char *reason)
{
    fmpq_t w;
    int bad;
    if (fmpq_sgn(P->base->omega) <= 0)
        return qt_fail(reason, QT_DOMAIN, "omega0: must be > 0");
    if (fmpq_sgn(t) < 0)
        return qt_fail(reason, QT_DOMAIN, "t: must be >= 0 (the dynamics runs forward from t = 0)");
    fmpq_init(w);
    fmpq_mul(w, P->omega1, t);
    fmpq_add(w, w, P->base->omega);
    bad = fmpq_sgn(w) <= 0;
    fmpq_clear(w);
    if (bad)
        return qt_fail(reason, QT_DOMAIN, "omega1, t: omega(t) = omega0 + omega1 t must stay > 0 on [0, t] (the thermal rates diverge at omega = 0 and the Gibbs state is not defined beyond)");
    return qt_qubit_davies_validate(P->base, reason);
}

/* ---- the holomorphic solution ---- */
typedef struct
{
    const qt_qubit_ramp_struct *P;
    arb_t a0, hb1, m, pi;    /* a(s) = a0 + hb1 s; m = 2 gamma / (beta omega1) */
    arb_t L0;                /* ln sinh a0 */
    acb_t s;                 /* the inner integral runs over [0, s] */
}
ramp_ctx;

static void
ctx_init(ramp_ctx *c, const qt_qubit_ramp_struct *P, slong prec)
{
    arb_t b;
    c->P = P;
    arb_init(c->a0); arb_init(c->hb1); arb_init(c->m); arb_init(c->pi); arb_init(c->L0); acb_init(c->s);
    arb_init(b);
    arb_set_fmpq(b, P->base->beta, prec);
    arb_mul_2exp_si(b, b, -1);
    arb_set_fmpq(c->a0, P->base->omega, prec);
    arb_mul(c->a0, c->a0, b, prec);
    arb_set_fmpq(c->hb1, P->omega1, prec);
    arb_mul(c->hb1, c->hb1, b, prec);
    if (!fmpq_is_zero(P->omega1))
    {
        arb_set_fmpq(c->m, P->base->gamma, prec);
        arb_div(c->m, c->m, c->hb1, prec);
    }
    arb_const_pi(c->pi, prec);
    arb_sinh(c->L0, c->a0, prec);
    arb_log(c->L0, c->L0, prec);
    arb_clear(b);
}

static void
ctx_clear(ramp_ctx *c)
{
    arb_clear(c->a0); arb_clear(c->hb1); arb_clear(c->m); arb_clear(c->pi); arb_clear(c->L0); acb_clear(c->s);
}

/* 1 iff a(s) lies in the strip Re a > 0, |Im a| < pi for every s in the ball.  The strip is convex
   and contains a(0) = a0 > 0, and sinh maps it off (-inf, 0], so ln sinh a(.) is holomorphic on
   every segment [0, s] (lemma R3) */
static int
in_strip(const ramp_ctx *c, const acb_t s, slong prec)
{
    acb_t a;
    arb_t y;
    int ok;
    acb_init(a); arb_init(y);
    acb_mul_arb(a, s, c->hb1, prec);
    arb_add(acb_realref(a), acb_realref(a), c->a0, prec);
    arb_abs(y, acb_imagref(a));
    ok = arb_is_positive(acb_realref(a)) && arb_lt(y, c->pi);
    acb_clear(a); arb_clear(y);
    return ok;
}

/* sgn * m (ln sinh a(s) - ln sinh a0): ln(1/E(s)) for sgn = +1; s must lie in the strip */
static void
log_inv_E(acb_t res, const ramp_ctx *c, const acb_t s, int sgn, slong prec)
{
    acb_mul_arb(res, s, c->hb1, prec);
    arb_add(acb_realref(res), acb_realref(res), c->a0, prec);
    acb_sinh(res, res, prec);
    acb_log(res, res, prec);
    arb_sub(acb_realref(res), acb_realref(res), c->L0, prec);
    acb_mul_arb(res, res, c->m, prec);
    if (sgn < 0)
        acb_neg(res, res);
}

/* u -> 1/E(s u) on u in [0, 1] (acb_calc_func_t) */
static int
inner_integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    const ramp_ctx *c = param;
    acb_t w;
    if (order > 1)
        flint_abort();
    acb_init(w);
    acb_mul(w, c->s, u, prec);
    if (!in_strip(c, w, prec))
        acb_indeterminate(res);
    else
    {
        log_inv_E(res, c, w, 1, prec);
        acb_exp(res, res, prec);
    }
    acb_clear(w);
    return 0;
}

/* I(s) = int_0^s du / E(u) along the segment: s int_0^1 (1/E)(s u) du at the midpoint of s, plus
   |s - mid| sup_{ball s} |1/E| for the rest of the ball (lemma R3) */
static int
ramp_I(acb_t I, ramp_ctx *c, const acb_t s, slong prec)
{
    acb_t lo, hi, f;
    mag_t tol, err;
    acb_calc_integrate_opt_t opt;
    int st = QT_OK;
    if (!in_strip(c, s, prec))
    {
        acb_indeterminate(I);
        return QT_UNCERTIFIED;
    }
    acb_init(lo); acb_init(hi); acb_init(f); mag_init(tol); mag_init(err);
    acb_calc_integrate_opt_init(opt);
    acb_get_mid(c->s, s);
    acb_zero(lo);
    acb_one(hi);
    mag_set_ui_2exp_si(tol, 1, -prec);
    if (acb_calc_integrate(I, inner_integrand, c, lo, hi, prec, tol, opt, prec) != ARB_CALC_SUCCESS)
        st = QT_UNCERTIFIED;
    acb_mul(I, I, c->s, prec);
    if (!acb_is_exact(s))
    {
        log_inv_E(f, c, s, 1, prec);
        acb_exp(f, f, prec);
        acb_get_mag(err, f);
        mag_add(tol, arb_radref(acb_realref(s)), arb_radref(acb_imagref(s)));    /* >= |s - mid| */
        mag_mul(err, err, tol);
        acb_add_error_mag(I, err);
    }
    acb_clear(lo); acb_clear(hi); acb_clear(f); mag_clear(tol); mag_clear(err);
    return st;
}

int
qt_qubit_ramp_bloch_acb(acb_t z, acb_t rp2, const qt_qubit_ramp_struct *P, const acb_t s, slong prec)
{
    const qt_qubit_davies_struct *B = P->base;
    ramp_ctx c;
    acb_t E, Is;
    arb_t g;
    int st = QT_OK;
    ctx_init(&c, P, prec);
    acb_init(E); acb_init(Is); arb_init(g);
    arb_set_fmpq(g, B->gamma, prec);
    if (fmpq_is_zero(B->gamma))
    {
        acb_one(E);
        acb_set_fmpq(z, B->z0, prec);
    }
    else if (fmpq_is_zero(P->omega1))
    {
        /* constant frequency: E = e^{-Gamma s}, z = z_inf + (z0 - z_inf) E (lemma M1) */
        arb_t G, zi;
        arb_init(G); arb_init(zi);
        arb_tanh(zi, c.a0, prec);
        arb_div(G, g, zi, prec);
        arb_neg(zi, zi);
        acb_mul_arb(E, s, G, prec);
        acb_neg(E, E);
        acb_exp(E, E, prec);
        acb_set_fmpq(z, B->z0, prec);
        acb_sub_arb(z, z, zi, prec);
        acb_mul(z, z, E, prec);
        acb_add_arb(z, z, zi, prec);
        arb_clear(G); arb_clear(zi);
    }
    else if (!in_strip(&c, s, prec))
    {
        acb_indeterminate(E);
        acb_indeterminate(z);
        st = QT_UNCERTIFIED;
    }
    else
    {
        /* z = E (z0 - gamma I) */
        log_inv_E(E, &c, s, -1, prec);
        acb_exp(E, E, prec);
        st = ramp_I(Is, &c, s, prec);
        acb_mul_arb(Is, Is, g, prec);
        acb_set_fmpq(z, B->z0, prec);
        acb_sub(z, z, Is, prec);
        acb_mul(z, z, E, prec);
    }
    /* r_perp^2 = p0 E e^{-2 gamma_phi s} */
    {
        fmpq_t r02, p02;
        arb_t gp;
        fmpq_init(r02); fmpq_init(p02); arb_init(gp);
        qt_qubit_bloch_norms(r02, p02, B);
        if (fmpq_is_zero(p02))
            acb_zero(rp2);
        else
        {
            arb_set_fmpq(gp, B->gamma_phi, prec);
            arb_mul_2exp_si(gp, gp, 1);
            acb_mul_arb(rp2, s, gp, prec);
            acb_neg(rp2, rp2);
            acb_exp(rp2, rp2, prec);
            acb_mul(rp2, rp2, E, prec);
            acb_mul_fmpz(rp2, rp2, fmpq_numref(p02), prec);
            acb_div_fmpz(rp2, rp2, fmpq_denref(p02), prec);
        }
        fmpq_clear(r02); fmpq_clear(p02); arb_clear(gp);
    }
    acb_clear(E); acb_clear(Is); arb_clear(g);
    ctx_clear(&c);
    return st;
}

/* ---- the work W = (omega1/2) t int_0^1 z(t u) du ---- */
typedef struct
{
    const qt_qubit_ramp_struct *P;
    arb_struct *t;
}
work_ctx;

static int
work_integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    const work_ctx *c = param;
    acb_t s, r;
    if (order > 1)
        flint_abort();
    acb_init(s); acb_init(r);
    acb_mul_arb(s, u, c->t, prec);
    qt_qubit_ramp_bloch_acb(res, r, c->P, s, prec);    /* holomorphic in the strip, else indeterminate */
    acb_clear(s); acb_clear(r);
    return 0;
}

static int
ramp_work(arb_t W, const qt_qubit_ramp_struct *P, const arb_t t, slong prec)
{
    int st = QT_OK;
    arb_t h;
    arb_init(h);
    arb_set_fmpq(h, P->omega1, prec);
    arb_mul_2exp_si(h, h, -1);
    if (fmpq_is_zero(P->omega1))
        arb_zero(W);
    else if (fmpq_is_zero(P->base->gamma))
    {
        arb_set_fmpq(W, P->base->z0, prec);              /* z = z0 for all s */
        arb_mul(W, W, t, prec);
        arb_mul(W, W, h, prec);
    }
    else
    {
        work_ctx c;
        arf_t a, b;
        arb_t tt;
        arf_init(a); arf_init(b); arb_init(tt);
        arb_set(tt, t);
        c.P = P;
        c.t = tt;
        arf_zero(a);
        arf_one(b);
        st = qt_integrate_real(W, work_integrand, &c, a, b, NULL, 0, prec);
        arb_mul(W, W, t, prec);
        arb_mul(W, W, h, prec);
        arf_clear(a); arf_clear(b); arb_clear(tt);
    }
    arb_clear(h);
    return st;
}

/* ---- the record ---- */
enum { RAMP_W_DOT = 0, RAMP_W, RAMP_F_DOT, RAMP_DELTA_F, RAMP_D_REL_DOT, RAMP_NEXTRA };
static const char *const extra_names[RAMP_NEXTRA] = {"W_dot", "W", "F_dot", "Delta_F", "D_rel_dot"};

void
qt_qubit_ramp_trajectory(qt_record_t R, const qt_qubit_ramp_struct *P, const arb_t t, int tkind, slong prec)
{
    const qt_qubit_davies_struct *B = P->base;
    qt_qubit_instant_t I;
    arb_t v, w, h;
    slong k0, k;
    int st_z = QT_OK, st_w = QT_OK;

    qt_qubit_instant_init(I, B);
    arb_init(v); arb_init(w); arb_init(h);
    I->t0 = (tkind == QT_T_ZERO);
    I->ramp = 1;
    arb_set_fmpq(h, P->omega1, prec);
    arb_mul_2exp_si(h, h, -1);                           /* omega1 / 2 */
    arb_set_fmpq(I->om0, B->omega, prec);
    arb_set_fmpq(I->om, P->omega1, prec);
    arb_mul(I->om, I->om, t, prec);
    arb_add(I->om, I->om, I->om0, prec);
    if (I->t0)
        arb_set(I->om, I->om0);
    arb_set_fmpq(I->be, B->beta, prec);
    qt_qubit_instant_rates(I, prec);

    if (I->t0)
    {
        fmpq_t r02, p02;
        fmpq_init(r02); fmpq_init(p02);
        qt_qubit_bloch_norms(r02, p02, B);
        arb_set_fmpq(I->z, B->z0, prec);
        arb_set_fmpq(I->rp2, p02, prec);
        arb_zero(I->W);
        fmpq_clear(r02); fmpq_clear(p02);
    }
    else
    {
        acb_t zc, rc, tc;
        acb_init(zc); acb_init(rc); acb_init(tc);
        acb_set_arb(tc, t);
        st_z = qt_qubit_ramp_bloch_acb(zc, rc, P, tc, prec);
        arb_set(I->z, acb_realref(zc));                  /* z and r_perp^2 are real on the real axis */
        arb_set(I->rp2, acb_realref(rc));
        if (fmpq_is_zero(B->gamma))
            arb_set_fmpq(I->z, B->z0, prec);
        st_w = ramp_work(I->W, P, t, prec);
        acb_clear(zc); acb_clear(rc); acb_clear(tc);
    }
    qt_qubit_outputs(R, I, prec);
    snprintf(R->reference, sizeof R->reference, "instantaneous gibbs");
    if (st_z != QT_OK || st_w != QT_OK)
        for (k = 0; k < R->nout; k++)
            if (R->out[k].status == QT_OK && !arb_is_finite(&R->out[k].value))
                qt_record_set(R, k, &R->out[k].value, QT_UNCERTIFIED, "the certified integral for z(t) or W did not converge at this precision");

    /* the driven extras after J_1, Q_1 */
    k0 = R->nout;
    for (k = 0; k < RAMP_NEXTRA; k++)
        strcpy(R->name[k0 + k], extra_names[k]);
    R->nout = k0 + RAMP_NEXTRA;
    R->vocabulary = &qt_ramp_vocabulary;
    /* W_dot = tr(rho dH/dt) = (omega1/2) z */
    arb_mul(v, h, I->z, prec);
    qt_tr_set_finite(R, k0 + RAMP_W_DOT, v, "z(t) was not certified at this precision");
    qt_tr_set_finite(R, k0 + RAMP_W, I->W, "the work integral was not certified at this precision");
    /* F_dot = tr(rho^eq dH/dt) = (omega1/2) z_inf */
    arb_mul(w, h, I->zinf, prec);
    qt_record_set(R, k0 + RAMP_F_DOT, w, QT_OK, "");
    /* Delta F = -(1/beta) ln(cosh(beta omega(t)/2) / cosh(beta omega0/2)) */
    {
        arb_t c0;
        arb_init(c0);
        arb_mul(c0, I->be, I->om0, prec);
        arb_mul_2exp_si(c0, c0, -1);
        arb_cosh(c0, c0, prec);
        arb_mul(v, I->be, I->om, prec);
        arb_mul_2exp_si(v, v, -1);
        arb_cosh(v, v, prec);
        arb_div(v, v, c0, prec);
        arb_log(v, v, prec);
        arb_div(v, v, I->be, prec);
        arb_neg(v, v);
        if (I->t0 || fmpq_is_zero(P->omega1))
            arb_zero(v);
        qt_record_set(R, k0 + RAMP_DELTA_F, v, QT_OK, "");
        arb_clear(c0);
    }
    /* dD(rho_t || rho^eq_t)/dt = -sigma + beta (W_dot - F_dot) (identity 11, lemma R2) */
    arb_sub(v, &R->out[k0 + RAMP_W_DOT].value, w, prec);
    arb_mul(v, v, I->be, prec);
    {
        const qt_result_struct *sg = R->out + QT_TR_SIGMA;
        if (sg->status == QT_DOMAIN)
            qt_record_domain(R, k0 + RAMP_D_REL_DOT, "undefined: sigma is undefined (%s)", sg->reason);
        else
        {
            if (qt_arb_is_exact_inf(&sg->value))
                arb_neg(w, &sg->value);                  /* a pure state being mixed: -inf */
            else
            {
                arb_sub(w, v, &sg->value, prec);
                if (!arb_is_finite(w))
                    arb_zero_pm_inf(w);
            }
            qt_record_set(R, k0 + RAMP_D_REL_DOT, w, sg->status, sg->reason);
        }
    }

    qt_qubit_instant_clear(I);
    arb_clear(v); arb_clear(w); arb_clear(h);
}
