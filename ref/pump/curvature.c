/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* curvature.c -- the rotor Omega_a = d_x Lambda_{a,z} - d_z Lambda_{a,x} at a real point, from exact
 * derivatives: Cauchy's formula on a circle of radius rho = B/4 in one complex variable,
 *   d_x f(x0, z0) = (1/(2 pi rho)) int_0^{2 pi} f(x0 + rho e^{it}, z0) e^{-it} dt,
 * integrated by certified quadrature (lemma P7 of proofs/pumping.md). */
#include "pump_internal.h"

typedef struct
{
    const qt_pump_params_struct *P;
    qt_pump_plan_struct *plan;   /* Lambda's route and its constant part, kept between points */
    arb_t x0, z0, rho;
    int dir;        /* 0: vary B_x, differentiate Lambda_{a,z}; 1: vary B_z, differentiate Lambda_{a,x} */
    slong pair;     /* the baths 2 pair (real part) and 2 pair + 1 (imaginary part) */
}
cauchy_param;

static int
cauchy_integrand(acb_ptr res, const acb_t t, void *param, slong order, slong prec)
{
    cauchy_param *c = param;
    acb_t e, bx, bz;
    acb_ptr L;
    char why[QT_REASON_LEN];
    acb_init(e); acb_init(bx); acb_init(bz);
    L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
    acb_mul_onei(e, t);
    acb_exp(e, e, prec);                        /* e^{it} */
    acb_mul_arb(bx, e, c->rho, prec);
    acb_set_arb(bz, c->dir == 0 ? c->z0 : c->x0);
    if (c->dir == 0)
    {
        acb_add_arb(bx, bx, c->x0, prec);
        qt_pump_lambda_plan_acb(L, c->plan, bx, bz, 1, prec, why);
        qt_pump_lambda_pair(res, L, qt_pump_n_baths(c->P), c->pair, 2, 1, prec);   /* Lambda_{L,z} + i Lambda_{R,z} */
    }
    else
    {
        acb_add_arb(bx, bx, c->z0, prec);       /* bx holds B_z here */
        qt_pump_lambda_plan_acb(L, c->plan, bz, bx, 1, prec, why);
        qt_pump_lambda_pair(res, L, qt_pump_n_baths(c->P), c->pair, 2, 0, prec);   /* Lambda_{L,x} + i Lambda_{R,x} */
    }
    acb_div(res, res, e, prec);                 /* e^{-it} */
    (void) order;
    acb_clear(e); acb_clear(bx); acb_clear(bz);
    _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
    return 0;
}

int
qt_pump_curvature(arb_ptr Omega, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec, char *reason)
{
    cauchy_param c;
    qt_pump_plan_struct plan;
    acb_t lo, hi, r;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    arb_t d, e, twopi;
    int dir, st = QT_OK;
    slong a, nb = qt_pump_n_baths(P);
    _arb_vec_indeterminate(Omega, nb);
    if (fmpq_is_zero(Bx) && fmpq_is_zero(Bz))
        return qt_fail(reason, QT_DOMAIN, "Bx, Bz: B = 0 is the level degeneracy (refused)");
    if (qt_pump_singlet_is_dark(P, reason) != QT_OK || qt_pump_shared_levels_degenerate(P, reason) != QT_OK)
        return QT_DOMAIN;
    arb_init(c.x0); arb_init(c.z0); arb_init(c.rho); arb_init(d); arb_init(e); arb_init(twopi);
    acb_init(lo); acb_init(hi); acb_init(r);
    mag_init(tol);
    acb_calc_integrate_opt_init(opt);
    c.P = P;
    c.plan = &plan;
    qt_pump_plan_init(&plan, P);
    arb_set_fmpq(c.x0, Bx, prec);
    arb_set_fmpq(c.z0, Bz, prec);
    /* rho = B/4: on the circle |B^2 - B0^2| <= 2 B0 rho + rho^2 < B0^2, so Re B^2 > 0 (lemma P7) */
    arb_sqr(c.rho, c.x0, prec);
    arb_addmul(c.rho, c.z0, c.z0, prec);
    arb_sqrt(c.rho, c.rho, prec);
    arb_mul_2exp_si(c.rho, c.rho, -2);
    if (!qt_pump_single_like(P))
    {
        /* several qubits: the eigen-route stays finite only on small balls (about 1e-3), so a small
           circle keeps the number of quadrature pieces low; any rho that avoids the singularities
           (level crossings, checked by the evaluation itself) gives the exact derivative */
        arb_t r;
        arb_init(r);
        arb_set_ui(r, 1);
        arb_mul_2exp_si(r, r, -6);
        arb_min(c.rho, c.rho, r, prec);
        arb_clear(r);
    }
    arb_const_pi(twopi, prec);
    arb_mul_2exp_si(twopi, twopi, 1);
    acb_zero(lo);
    acb_set_arb(hi, twopi);
    mag_set_ui_2exp_si(tol, 1, -prec);
    opt->eval_limit = 100000 + 200 * prec;
    _arb_vec_zero(Omega, nb);
    arb_mul(d, twopi, c.rho, prec);
    for (c.pair = 0; 2 * c.pair < nb; c.pair++)
        for (dir = 0; dir < 2; dir++)
        {
            c.dir = dir;
            if (acb_calc_integrate(r, cauchy_integrand, &c, lo, hi, prec, tol, opt, prec) != ARB_CALC_SUCCESS)
                st = QT_UNCERTIFIED;
            /* the integral of f_a e^{-it} is 2 pi rho f_a' = d f_a', real for a function real on the real axis; so
               with f_a + i f_b in the integrand, Re(r) / d = f_a' and Im(r) / d = f_b' (lemma P7) */
            for (a = 2 * c.pair; a < nb && a < 2 * c.pair + 2; a++)
            {
                arb_div(e, a % 2 == 0 ? acb_realref(r) : acb_imagref(r), d, prec);
                if (dir == 0)
                    arb_add(Omega + a, Omega + a, e, prec);
                else
                    arb_sub(Omega + a, Omega + a, e, prec);
            }
        }
    qt_pump_plan_clear(&plan);
    arb_clear(c.x0); arb_clear(c.z0); arb_clear(c.rho); arb_clear(d); arb_clear(e); arb_clear(twopi);
    acb_clear(lo); acb_clear(hi); acb_clear(r);
    mag_clear(tol);
    if (st != QT_OK)
        return qt_fail(reason, QT_UNCERTIFIED, "the Cauchy integral for the derivative did not reach the requested accuracy");
    return QT_OK;
}
