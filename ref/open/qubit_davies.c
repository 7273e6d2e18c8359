/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qubit_davies.c -- M1/M2 of docs/physics/open_systems.md §3: a qubit H = (omega/2) sigma_z with thermal
 * amplitude damping gamma (nbar+1) D[sigma_-] + gamma nbar D[sigma_+] and dephasing
 * (gamma_phi/2) D[sigma_z]; every trajectory output in closed form (lemmas M1-M4 of
 * proofs/open_systems.md).  Exact decisions (purity, gamma = 0, x0 = y0 = 0, the point t*)
 * are made on the exact inputs; everything else is ball arithmetic. */
#include <string.h>
#include "traj_internal.h"

void
qt_qubit_davies_init(qt_qubit_davies_t P)
{
    fmpq_init(P->omega); fmpq_init(P->beta); fmpq_init(P->gamma); fmpq_init(P->gamma_phi);
    fmpq_init(P->x0); fmpq_init(P->y0); fmpq_init(P->z0);
}

void
qt_qubit_davies_clear(qt_qubit_davies_t P)
{
    fmpq_clear(P->omega); fmpq_clear(P->beta); fmpq_clear(P->gamma); fmpq_clear(P->gamma_phi);
    fmpq_clear(P->x0); fmpq_clear(P->y0); fmpq_clear(P->z0);
}

int
qt_qubit_davies_validate(const qt_qubit_davies_struct *P, char *reason)
{
    fmpq_t r2, p2;
    int bad;
    if (fmpq_sgn(P->omega) <= 0)
        return qt_fail(reason, QT_DOMAIN, "omega: must be > 0");
    if (fmpq_sgn(P->beta) <= 0)
        return qt_fail(reason, QT_DOMAIN, "beta: must be > 0 (beta <= 0 makes the thermal rates negative, not a semigroup)");
    if (fmpq_sgn(P->gamma) < 0)
        return qt_fail(reason, QT_DOMAIN, "gamma: must be >= 0 (a Lindblad semigroup needs nonnegative rates)");
    if (fmpq_sgn(P->gamma_phi) < 0)
        return qt_fail(reason, QT_DOMAIN, "gamma_phi: must be >= 0 (a Lindblad semigroup needs nonnegative rates)");
    fmpq_init(r2); fmpq_init(p2);
    qt_qubit_bloch_norms(r2, p2, P);
    bad = fmpq_cmp_ui(r2, 1) > 0;
    fmpq_clear(r2); fmpq_clear(p2);
    if (bad)
        return qt_fail(reason, QT_DOMAIN, "x0, y0, z0: the Bloch vector must have length <= 1 (x0^2 + y0^2 + z0^2 > 1 is not a state)");
    return QT_OK;
}

static void
nbar(arb_t nb, const qt_qubit_davies_struct *P, slong prec)
{
    arb_t x;
    arb_init(x);
    arb_set_fmpq(x, P->beta, prec);
    arb_set_fmpq(nb, P->omega, prec);
    arb_mul(x, x, nb, prec);
    arb_expm1(x, x, prec);
    arb_inv(nb, x, prec);
    arb_clear(x);
}

int
qt_qubit_davies_tstar(arb_t t, const qt_qubit_davies_struct *P, slong prec, char *reason)
{
    arb_t nb, d;
    if (!fmpq_is_one(P->z0) || fmpq_sgn(P->gamma) <= 0)
        return qt_fail(reason, QT_DOMAIN, "t=tstar: the point t* exists for z0 = 1 (start in |e>) and gamma > 0");
    arb_init(nb); arb_init(d);
    nbar(nb, P, prec);
    arb_add_ui(t, nb, 1, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_log(t, t, prec);                       /* ln(2 (nbar + 1)) */
    arb_mul_2exp_si(d, nb, 1);
    arb_add_ui(d, d, 1, prec);
    arb_mul_fmpz(d, d, fmpq_numref(P->gamma), prec);
    arb_div_fmpz(d, d, fmpq_denref(P->gamma), prec);
    arb_div(t, t, d, prec);
    arb_clear(nb); arb_clear(d);
    return QT_OK;
}

void
qt_qubit_davies_trajectory(qt_record_t R, const qt_qubit_davies_struct *P, const arb_t t, int tkind, slong prec)
{
    qt_qubit_instant_t I;
    arb_t e, v;
    fmpq_t r02, p02;

    qt_qubit_instant_init(I, P);
    arb_init(e); arb_init(v);
    fmpq_init(r02); fmpq_init(p02);
    qt_qubit_bloch_norms(r02, p02, P);
    I->t0 = (tkind == QT_T_ZERO);
    arb_set_fmpq(I->om, P->omega, prec);
    arb_set(I->om0, I->om);
    arb_set_fmpq(I->be, P->beta, prec);
    qt_qubit_instant_rates(I, prec);

    /* z(t) = z_inf + (z0 - z_inf) e^{-Gamma t}, r_perp^2(t) = r_perp^2(0) e^{-2 Gamma_2 t} (lemma M1) */
    if (I->t0)
    {
        arb_set_fmpq(I->z, P->z0, prec);
        arb_set_fmpq(I->rp2, p02, prec);
    }
    else
    {
        arb_mul(e, I->G, t, prec);
        arb_neg(e, e);
        arb_exp(e, e, prec);
        arb_set_fmpq(v, P->z0, prec);
        arb_sub(v, v, I->zinf, prec);
        arb_mul(I->z, v, e, prec);
        arb_add(I->z, I->z, I->zinf, prec);
        if (fmpq_is_zero(P->gamma))
            arb_set_fmpq(I->z, P->z0, prec);
        arb_mul(e, I->G2, t, prec);
        arb_mul_2exp_si(e, e, 1);
        arb_neg(e, e);
        arb_exp(e, e, prec);
        arb_set_fmpq(I->rp2, p02, prec);
        arb_mul(I->rp2, I->rp2, e, prec);
    }
    if (tkind == QT_T_STAR)
        arb_zero(I->z);     /* z(t*) = 0 exactly (lemma M3); x = y = 0 since z0 = 1 */
    qt_qubit_outputs(R, I, prec);
    snprintf(R->reference, sizeof R->reference, "gibbs");

    qt_qubit_instant_clear(I);
    arb_clear(e); arb_clear(v);
    fmpq_clear(r02); fmpq_clear(p02);
}

void
qt_qubit_davies_as_open_model(qt_open_model_t M, const qt_qubit_davies_struct *P)
{
    fmpq_t h;
    fmpq_init(h);
    qt_open_model_init(M, 2, 1);
    fmpq_div_2exp(h, P->omega, 1);
    fmpq_set(M->H->re + 0, h);
    fmpq_neg(M->H->re + 3, h);
    /* rho0 = (1 + x sx + y sy + z sz)/2 in the basis (|e>, |g>) */
    fmpq_add_si(h, P->z0, 1); fmpq_div_2exp(M->rho0->re + 0, h, 1);
    fmpq_sub_si(h, P->z0, 1); fmpq_neg(h, h); fmpq_div_2exp(M->rho0->re + 3, h, 1);
    fmpq_div_2exp(M->rho0->re + 1, P->x0, 1);
    fmpq_div_2exp(M->rho0->re + 2, P->x0, 1);
    fmpq_div_2exp(h, P->y0, 1);
    fmpq_neg(M->rho0->im + 1, h);
    fmpq_set(M->rho0->im + 2, h);
    M->bath[0].has_beta = 1;
    fmpq_set(M->bath[0].beta, P->beta);
    qt_open_model_bath_channels(M, 0, 2);
    /* sigma_- = |g><e|: entry (1, 0) */
    fmpq_one(M->bath[0].ch[0].L->re + 2);
    fmpq_set(M->bath[0].ch[0].gamma, P->gamma);
    fmpq_set(M->bath[0].ch[0].omega, P->omega);
    M->bath[0].ch[0].kind = QT_CH_THERMAL;
    /* (gamma_phi / 2) D[sigma_z] */
    fmpq_one(M->bath[0].ch[1].L->re + 0);
    fmpq_set_si(M->bath[0].ch[1].L->re + 3, -1, 1);
    fmpq_div_2exp(M->bath[0].ch[1].gamma, P->gamma_phi, 1);
    M->bath[0].ch[1].kind = QT_CH_PLAIN;
    fmpq_clear(h);
}
