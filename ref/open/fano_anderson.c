/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fano_anderson.c -- M4 of docs/physics/open_systems.md §3: a mode (or two-level emitter) coupled at resonance
 * to a Lorentzian Fano-Anderson reservoir at T = 0, exact non-Markovian dynamics, initial state
 * c0|0> + c1|1> with real c0 = sqrt(1 - p1), c1 = sqrt(p1).  Lemmas F1-F4 of proofs/open_systems.md.
 *   G(t) = e^{-lambda t/2} [cosh(x) + (lambda t/2) sinh(x)/x],  x = d t/2,  d^2 = lambda^2 - 2 gamma0 lambda
 *   G'(t) = -(gamma0 lambda t/2) e^{-lambda t/2} sinh(x)/x
 * cosh(x) and sinh(x)/x are entire functions of x^2, evaluated through acb at x = sqrt(x^2). */
#include <string.h>
#include "traj_internal.h"

void
qt_fano_anderson_init(qt_fano_anderson_t P)
{
    fmpq_init(P->gamma0); fmpq_init(P->lambda); fmpq_init(P->omega0); fmpq_init(P->p1);
}

void
qt_fano_anderson_clear(qt_fano_anderson_t P)
{
    fmpq_clear(P->gamma0); fmpq_clear(P->lambda); fmpq_clear(P->omega0); fmpq_clear(P->p1);
}

int
qt_fano_anderson_validate(const qt_fano_anderson_struct *P, char *reason)
{
    if (fmpq_sgn(P->gamma0) < 0)
        return qt_fail(reason, QT_DOMAIN, "gamma0: must be >= 0 (the spectral density gamma0 lambda^2/((w-w0)^2+lambda^2) is nonnegative)");
    if (fmpq_sgn(P->lambda) <= 0)
        return qt_fail(reason, QT_DOMAIN, "lambda: the Lorentzian width must be > 0");
    if (fmpq_sgn(P->omega0) <= 0)
        return qt_fail(reason, QT_DOMAIN, "omega0: must be > 0");
    if (fmpq_sgn(P->p1) < 0 || fmpz_cmp(fmpq_numref(P->p1), fmpq_denref(P->p1)) > 0)
        return qt_fail(reason, QT_DOMAIN, "p1: the initial excited population |c1|^2 must lie in [0, 1]");
    return QT_OK;
}

/* C = cosh(x), Sc = sinh(x)/x as functions of y = x^2 (real ball) */
static void
cosh_sinhc(arb_t C, arb_t Sc, const arb_t y, slong prec)
{
    acb_t s, c, z;
    acb_init(s); acb_init(c); acb_init(z);
    acb_set_arb(z, y);
    acb_sqrt(z, z, prec);                  /* either branch: both functions are even in x */
    acb_cosh(c, z, prec);
    acb_mul_onei(z, z);
    acb_sinc(s, z, prec);                  /* sinh(x)/x = sin(ix)/(ix) */
    arb_set(C, acb_realref(c));            /* real for real y */
    arb_set(Sc, acb_realref(s));
    acb_clear(s); acb_clear(c); acb_clear(z);
}

void
qt_fano_anderson_G(arb_t G, arb_t Gd, const qt_fano_anderson_struct *P, const arb_t t, slong prec)
{
    arb_t lam, g0, y, C, Sc, e, w;
    arb_init(lam); arb_init(g0); arb_init(y); arb_init(C); arb_init(Sc); arb_init(e); arb_init(w);
    arb_set_fmpq(lam, P->lambda, prec);
    arb_set_fmpq(g0, P->gamma0, prec);
    /* y = (d t / 2)^2 = (lambda^2 - 2 gamma0 lambda) t^2 / 4 */
    arb_mul(y, g0, lam, prec);
    arb_mul_2exp_si(y, y, 1);
    arb_submul(y, lam, lam, prec);
    arb_neg(y, y);
    arb_mul(y, y, t, prec);
    arb_mul(y, y, t, prec);
    arb_mul_2exp_si(y, y, -2);
    cosh_sinhc(C, Sc, y, prec);
    arb_mul(e, lam, t, prec);
    arb_mul_2exp_si(e, e, -1);
    arb_neg(e, e);
    arb_exp(e, e, prec);
    /* G = e (C + (lambda t / 2) Sc) */
    arb_mul(w, lam, t, prec);
    arb_mul_2exp_si(w, w, -1);
    arb_mul(w, w, Sc, prec);
    arb_add(w, w, C, prec);
    arb_mul(G, w, e, prec);
    /* G' = -(gamma0 lambda t / 2) e Sc */
    arb_mul(w, g0, lam, prec);
    arb_mul(w, w, t, prec);
    arb_mul_2exp_si(w, w, -1);
    arb_mul(w, w, e, prec);
    arb_mul(Gd, w, Sc, prec);
    arb_neg(Gd, Gd);
    arb_clear(lam); arb_clear(g0); arb_clear(y); arb_clear(C); arb_clear(Sc); arb_clear(e); arb_clear(w);
}

int
qt_fano_anderson_tzero(arb_t t, const qt_fano_anderson_struct *P, slong prec, char *reason)
{
    /* d = i kappa, kappa^2 = 2 gamma0 lambda - lambda^2 > 0:
       G = e^{-lambda t/2} [cos(kappa t/2) + (lambda/kappa) sin(kappa t/2)] = 0 first at
       kappa t/2 = pi - atan(kappa/lambda)  (lemma F2) */
    fmpq_t k2;
    arb_t k, a;
    fmpq_init(k2);
    fmpq_mul(k2, P->gamma0, P->lambda);
    fmpq_mul_2exp(k2, k2, 1);
    fmpq_submul(k2, P->lambda, P->lambda);
    if (fmpq_sgn(k2) <= 0)
    {
        fmpq_clear(k2);
        return qt_fail(reason, QT_DOMAIN, "t=tzero: G(t) has no zero unless gamma0 > lambda/2 (memory-dominated regime)");
    }
    arb_init(k); arb_init(a);
    arb_set_fmpq(k, k2, prec);
    arb_sqrt(k, k, prec);
    arb_set_fmpq(a, P->lambda, prec);
    arb_div(a, k, a, prec);
    arb_atan(a, a, prec);
    arb_const_pi(t, prec);
    arb_sub(t, t, a, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div(t, t, k, prec);
    arb_clear(k); arb_clear(a);
    fmpq_clear(k2);
    return QT_OK;
}

void
qt_fano_anderson_trajectory(qt_record_t R, const qt_fano_anderson_struct *P, const arb_t t, int tkind, slong prec)
{
    arb_t G, Gd, p10, p1, p1d, z, zd, rp2, r2, r, om, v, w, x, rrd;
    /* no dynamics beyond a phase at t = 0, or for gamma0 = 0 (G = 1 identically): exact */
    int t0 = (tkind == QT_T_ZERO) || fmpq_is_zero(P->gamma0), at_zero = (tkind == QT_T_STAR);
    int pure0 = fmpq_is_zero(P->p1) || fmpq_is_one(P->p1);
    int ground0 = fmpq_is_zero(P->p1);

    qt_traj_record_set_nbaths(R, 1);
    snprintf(R->reference, sizeof R->reference, "none");
    arb_init(G); arb_init(Gd); arb_init(p10); arb_init(p1); arb_init(p1d); arb_init(z); arb_init(zd);
    arb_init(rp2); arb_init(r2); arb_init(r); arb_init(om); arb_init(v); arb_init(w); arb_init(x); arb_init(rrd);

    if (t0)
    {
        arb_one(G);
        arb_zero(Gd);                       /* G'(0) = 0 exactly */
    }
    else
        qt_fano_anderson_G(G, Gd, P, t, prec);
    if (at_zero)
        arb_zero(G);                        /* t = tzero: G = 0 exactly (lemma F2) */
    arb_set_fmpq(p10, P->p1, prec);
    arb_set_fmpq(om, P->omega0, prec);
    /* p1 = p10 G^2, p1' = 2 p10 G G'; z = 2 p1 - 1; r_perp^2 = 4 p10 (1 - p10) G^2 */
    arb_mul(p1, G, G, prec);
    arb_mul(p1, p1, p10, prec);
    arb_mul(p1d, G, Gd, prec);
    arb_mul(p1d, p1d, p10, prec);
    arb_mul_2exp_si(p1d, p1d, 1);
    arb_mul_2exp_si(z, p1, 1);
    arb_sub_ui(z, z, 1, prec);
    arb_mul_2exp_si(zd, p1d, 1);
    arb_sub_ui(w, p10, 1, prec);
    arb_neg(w, w);
    arb_mul(rp2, p10, w, prec);
    arb_mul_2exp_si(rp2, rp2, 2);
    arb_mul(rp2, rp2, G, prec);
    arb_mul(rp2, rp2, G, prec);
    /* r^2 = 1 + 4 p10^2 G^2 (G^2 - 1)  (lemma F3) */
    arb_mul(r2, G, G, prec);
    arb_sub_ui(w, r2, 1, prec);
    arb_mul(r2, r2, w, prec);
    arb_mul(r2, r2, p10, prec);
    arb_mul(r2, r2, p10, prec);
    arb_mul_2exp_si(r2, r2, 2);
    arb_add_ui(r2, r2, 1, prec);
    if (t0 || at_zero || ground0)
        arb_one(r2);                        /* pure: the initial state, |0> at a zero of G, or |0> forever */
    /* r r' = z z' + (1/2) d(r_perp^2)/dt, d(r_perp^2)/dt = 8 p10 (1 - p10) G G' */
    arb_mul(rrd, z, zd, prec);
    arb_sub_ui(x, p10, 1, prec);
    arb_neg(x, x);
    arb_mul(x, x, p10, prec);
    arb_mul(x, x, G, prec);
    arb_mul(x, x, Gd, prec);
    arb_mul_2exp_si(x, x, 2);
    arb_add(rrd, rrd, x, prec);
    arb_sqrtpos(r, r2, prec);
    if (arb_is_one(r2))
        arb_one(r);

    /* S and its rate: -S_dot = atanh(r) r_dot = A(r) (z z' + r_perp r_perp') */
    {
        arb_t pm;
        arb_init(pm);
        arb_sub_ui(pm, r, 1, prec);
        arb_neg(pm, pm);
        arb_mul_2exp_si(pm, pm, -1);        /* smaller eigenvalue (1 - r)/2 */
        qt_arb_binary_entropy(v, pm, prec);
        if (arb_is_one(r))
            arb_zero(v);
        qt_record_set(R, QT_TR_S, v, QT_OK, "");
        arb_clear(pm);
    }
    if (arb_is_one(r2))
    {
        /* lemma F3: at t = 0 (G' = 0) and at a zero of G (p1' = 0, r_perp r_perp' = 0) the kernel
           population has zero rate: S_dot = 0 exactly; |0> forever: 0 */
        arb_zero(v);
        qt_record_set(R, QT_TR_S_DOT, v, QT_OK, "");
    }
    else
    {
        qt_arb_atanh_over(x, r, prec);
        arb_mul(v, rrd, x, prec);
        arb_neg(v, v);
        qt_tr_set_finite(R, QT_TR_S_DOT, v, "rho(t) cannot be separated from a pure state at this precision (t near a zero of G?)");
    }
    qt_record_set(R, QT_TR_DS_EXTERIOR, &R->out[QT_TR_S_DOT].value, R->out[QT_TR_S_DOT].status, R->out[QT_TR_S_DOT].reason);
    arb_zero(v);
    qt_record_set(R, QT_TR_DS_INTERIOR, v, QT_OK, "");

    /* energy entropy of the populations (p1, 1 - p1) */
    qt_arb_binary_entropy(v, p1, prec);
    if (ground0 || at_zero || (t0 && fmpq_is_one(P->p1)))
        arb_zero(v);
    qt_record_set(R, QT_TR_S_E, v, QT_OK, "");
    if (ground0 || at_zero || t0)
    {
        arb_zero(v);                        /* p1' = 0 exactly there (G' = 0 or G = 0 or p10 = 0) */
        qt_record_set(R, QT_TR_S_E_DOT, v, QT_OK, "");
    }
    else
    {
        /* -p1' ln(p1/(1 - p1)) */
        arb_sub_ui(w, p1, 1, prec);
        arb_neg(w, w);
        arb_div(w, p1, w, prec);
        arb_log(w, w, prec);
        arb_mul(v, w, p1d, prec);
        arb_neg(v, v);
        qt_tr_set_finite(R, QT_TR_S_E_DOT, v, "p1(t) cannot be separated from 0 or 1 at this precision");
    }
    qt_tr_combine(R, QT_TR_C_REL, QT_TR_S_E, -1, QT_TR_S, prec);
    qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    if (pure0)
    {
        arb_zero(v);                        /* no coherence ever */
        qt_record_set(R, QT_TR_C_REL, v, QT_OK, "");
        qt_record_set(R, QT_TR_C_REL_DOT, v, QT_OK, "");
    }
    qt_tr_negate(R, QT_TR_PI_C, QT_TR_C_REL_DOT);

    /* energy and heat: E = omega0 p1 (no work at resonance: omega' = omega0) */
    arb_mul(v, om, p1, prec);
    qt_record_set(R, QT_TR_E, v, QT_OK, "");
    arb_mul(w, om, p1d, prec);
    if (t0 || at_zero || ground0)
        arb_zero(w);
    qt_record_set(R, QT_TR_J, w, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 0, w, QT_OK, "");
    /* Q = E(t) - E(0) */
    arb_mul(v, om, p1, prec);
    arb_mul(w, om, p10, prec);
    arb_sub(v, v, w, prec);
    if (t0 || ground0)
        arb_zero(v);
    qt_record_set(R, QT_TR_Q, v, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 1, v, QT_OK, "");

    /* T = 0: the reservoir's fixed point |0><0| is pure */
    if (ground0 || at_zero)
    {
        arb_zero(v);
        qt_record_set(R, QT_TR_D_REL, v, QT_OK, "");
    }
    else if (t0 || !arb_contains_zero(G))
    {
        arb_pos_inf(v);                     /* p1 > 0: supp rho not inside span{|0>} */
        qt_record_set(R, QT_TR_D_REL, v, QT_OK, "");
    }
    else
    {
        arb_zero_pm_inf(v);
        qt_record_set(R, QT_TR_D_REL, v, QT_UNCERTIFIED, "G(t) cannot be separated from 0: D is 0 at a zero of G and +inf elsewhere");
    }
    qt_record_domain(R, QT_TR_SIGMA, "undefined: the T = 0 reservoir's fixed point |0><0| is pure, so D(rho||rho_ss) is infinite and Spohn's sigma is undefined (docs/physics/open_systems.md §3 M4)");
    qt_record_domain(R, QT_TR_PI_D, "undefined: beta = inf at T = 0 (the flux term J/T is not defined)");
    qt_record_domain(R, QT_TR_SIGMA_INT, "undefined: D(rho_0||rho_ss) - D(rho_t||rho_ss) is inf - inf at T = 0");

    /* eigenvalue heat: eigenvectors along +-r^; Qdot_R = (omega0/2)(z/r) r_dot, r r_dot = z z' + r_perp r_perp'
       (the Bloch formula of the qubit with H = omega0 |1><1| = omega0/2 (1 + sigma_z)) */
    if (arb_is_one(r2))
    {
        /* pure: eigenvector |psi> with p = 1 and its complement with p = 0; both rates 0 here */
        arb_zero(v);
        qt_record_set(R, QT_TR_QDOT_R, v, QT_OK, "");
    }
    else if (arb_contains_zero(r2))
    {
        arb_zero_pm_inf(v);
        qt_record_set(R, QT_TR_QDOT_R, v, QT_UNCERTIFIED, "rho(t) cannot be separated from I/2");
    }
    else
    {
        arb_div(w, rrd, r2, prec);
        arb_mul(v, w, z, prec);
        arb_mul(v, v, om, prec);
        arb_mul_2exp_si(v, v, -1);
        qt_record_set(R, QT_TR_QDOT_R, v, QT_OK, "");
    }
    qt_tr_ratios(R, prec);

    arb_clear(G); arb_clear(Gd); arb_clear(p10); arb_clear(p1); arb_clear(p1d); arb_clear(z); arb_clear(zd);
    arb_clear(rp2); arb_clear(r2); arb_clear(r); arb_clear(om); arb_clear(v); arb_clear(w); arb_clear(x); arb_clear(rrd);
}
