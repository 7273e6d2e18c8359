/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qubit_outputs.c -- every trajectory output of a qubit H = (om/2) sigma_z under the Davies
 * generator at om (thermal amplitude damping, dephasing) from its Bloch data at one instant:
 * z, the transverse part rp2 = x^2 + y^2 and the instantaneous rates.  Shared by qubit_davies
 * (constant om, lemmas M1-M4 of proofs/open_systems.md) and qubit_ramp (om = omega0 + omega1 t,
 * lemmas R1-R4).  Exact decisions (purity, gamma = 0, x0 = y0 = 0, t = 0, t*) are made on the
 * exact inputs; everything else is ball arithmetic. */
#include "traj_internal.h"

void
qt_qubit_instant_init(qt_qubit_instant_t I, const qt_qubit_davies_struct *P)
{
    I->P = P;
    arb_init(I->om); arb_init(I->om0); arb_init(I->be); arb_init(I->G); arb_init(I->G2);
    arb_init(I->zinf); arb_init(I->z); arb_init(I->rp2); arb_init(I->W);
    I->t0 = I->ramp = 0;
}

void
qt_qubit_instant_clear(qt_qubit_instant_t I)
{
    arb_clear(I->om); arb_clear(I->om0); arb_clear(I->be); arb_clear(I->G); arb_clear(I->G2);
    arb_clear(I->zinf); arb_clear(I->z); arb_clear(I->rp2); arb_clear(I->W);
}

void
qt_qubit_bloch_norms(fmpq_t r2, fmpq_t p2, const qt_qubit_davies_struct *P)
{
    fmpq_mul(p2, P->x0, P->x0);
    fmpq_addmul(p2, P->y0, P->y0);
    fmpq_set(r2, p2);
    fmpq_addmul(r2, P->z0, P->z0);
}

/* Gamma = gamma (2 nbar + 1), Gamma_2 = Gamma/2 + gamma_phi, z_inf = -1/(2 nbar + 1),
   nbar = 1/(e^{beta om} - 1), all at the instantaneous om */
void
qt_qubit_instant_rates(qt_qubit_instant_t I, slong prec)
{
    arb_t w, v;
    arb_init(w); arb_init(v);
    arb_mul(w, I->be, I->om, prec);
    arb_expm1(w, w, prec);
    arb_inv(w, w, prec);                       /* nbar */
    arb_mul_2exp_si(w, w, 1);
    arb_add_ui(w, w, 1, prec);
    arb_set_fmpq(I->G, I->P->gamma, prec);
    arb_mul(I->G, I->G, w, prec);
    arb_inv(I->zinf, w, prec);
    arb_neg(I->zinf, I->zinf);
    arb_mul_2exp_si(I->G2, I->G, -1);
    arb_set_fmpq(v, I->P->gamma_phi, prec);
    arb_add(I->G2, I->G2, v, prec);
    arb_clear(w); arb_clear(v);
}

/* h(r) = binary entropy of the eigenvalues (1 +- r)/2 */
static void
qubit_entropy_r(arb_t S, const arb_t r, slong prec)
{
    arb_t p;
    arb_init(p);
    arb_add_ui(p, r, 1, prec);
    arb_mul_2exp_si(p, p, -1);
    qt_arb_binary_entropy(S, p, prec);
    arb_clear(p);
}

void
qt_qubit_outputs(qt_record_t R, const qt_qubit_instant_t I, slong prec)
{
    const qt_qubit_davies_struct *P = I->P;
    const arb_struct *om = I->om, *be = I->be, *G = I->G, *G2 = I->G2, *zinf = I->zinf, *z = I->z, *rp2 = I->rp2;
    int t0 = I->t0;
    arb_t zd, r2, r, v, w, e, S0;
    fmpq_t r02, p02;
    int pure0, gamma0, stays_pure, diag, zpm1;

    qt_traj_record_set_nbaths(R, 1);
    arb_init(zd); arb_init(r2); arb_init(r); arb_init(v); arb_init(w); arb_init(e); arb_init(S0);
    fmpq_init(r02); fmpq_init(p02);
    qt_qubit_bloch_norms(r02, p02, P);
    pure0 = fmpq_is_one(r02);
    gamma0 = fmpq_is_zero(P->gamma);
    diag = fmpq_is_zero(p02);
    stays_pure = pure0 && gamma0 && (fmpq_is_zero(P->gamma_phi) || diag);
    zpm1 = fmpq_is_one(P->z0) || (fmpq_sgn(P->z0) < 0 && fmpz_is_one(fmpq_denref(P->z0)) && fmpz_equal_si(fmpq_numref(P->z0), -1));

    /* dz/dt = -Gamma (z - z_inf); exactly 0 when gamma = 0 */
    arb_sub(zd, z, zinf, prec);
    arb_mul(zd, zd, G, prec);
    arb_neg(zd, zd);
    if (gamma0)
        arb_zero(zd);
    arb_mul(r2, z, z, prec);
    arb_add(r2, r2, rp2, prec);
    if (t0)
        arb_set_fmpq(r2, r02, prec);
    if (stays_pure)
        arb_one(r2);
    arb_sqrtpos(r, r2, prec);
    if (arb_is_one(r2))
        arb_one(r);
    if (diag && !arb_contains_zero(z))
        arb_abs(r, z);                               /* r = |z| exactly when x = y = 0 */

    /* S, S_dot */
    qubit_entropy_r(v, r, prec);
    if (pure0 && (t0 || stays_pure))
        arb_zero(v);
    qt_record_set(R, QT_TR_S, v, QT_OK, "");
    arb_set_fmpq(w, r02, prec);
    arb_sqrtpos(w, w, prec);
    qubit_entropy_r(S0, w, prec);
    if (pure0)
        arb_zero(S0);
    if (stays_pure)
        qt_record_set(R, QT_TR_S_DOT, v, QT_OK, "");     /* v = 0 */
    else if (t0 && pure0)
    {
        /* lemma M2: r r_dot < 0 strictly for a pure state unless it stays pure: dS/dt = +inf */
        arb_pos_inf(v);
        qt_record_set(R, QT_TR_S_DOT, v, QT_OK, "");
    }
    else
    {
        /* S_dot = A(r) (Gamma_2 r_perp^2 - z z_dot) */
        qt_arb_atanh_over(w, r, prec);
        arb_mul(v, G2, rp2, prec);
        arb_submul(v, z, zd, prec);
        arb_mul(v, v, w, prec);
        qt_tr_set_finite(R, QT_TR_S_DOT, v, "r(t) cannot be separated from 1 at this precision");
    }
    qt_record_set(R, QT_TR_DS_EXTERIOR, &R->out[QT_TR_S_DOT].value, R->out[QT_TR_S_DOT].status, R->out[QT_TR_S_DOT].reason);
    arb_zero(v);
    qt_record_set(R, QT_TR_DS_INTERIOR, v, QT_OK, "");   /* Theorem 1, exactly (lemma E1) */

    /* S_E, S_E_dot */
    arb_abs(w, z);
    qubit_entropy_r(v, w, prec);
    if (zpm1 && (t0 || gamma0))
        arb_zero(v);
    qt_record_set(R, QT_TR_S_E, v, QT_OK, "");
    if (zpm1 && gamma0)
    {
        arb_zero(v);
        qt_record_set(R, QT_TR_S_E_DOT, v, QT_OK, "");
    }
    else if (zpm1 && t0)
    {
        arb_pos_inf(v);                              /* the empty level is being populated */
        qt_record_set(R, QT_TR_S_E_DOT, v, QT_OK, "");
    }
    else
    {
        arb_atanh(v, z, prec);
        arb_mul(v, v, zd, prec);
        arb_neg(v, v);
        if (gamma0)
            arb_zero(v);
        qt_tr_set_finite(R, QT_TR_S_E_DOT, v, "z(t) cannot be separated from +-1 at this precision");
    }
    qt_tr_combine(R, QT_TR_C_REL, QT_TR_S_E, -1, QT_TR_S, prec);
    if (diag)
    {
        arb_zero(v);                                 /* no coherence ever: C_rel = 0 exactly */
        qt_record_set(R, QT_TR_C_REL, v, QT_OK, "");
        if (!(t0 && pure0 && !gamma0))
            qt_record_set(R, QT_TR_C_REL_DOT, v, QT_OK, "");
        else
            qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    }
    else
        qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    qt_tr_negate(R, QT_TR_PI_C, QT_TR_C_REL_DOT);

    /* energy, heat */
    arb_mul(v, om, z, prec);
    arb_mul_2exp_si(v, v, -1);
    qt_record_set(R, QT_TR_E, v, QT_OK, "");
    arb_mul(v, om, zd, prec);
    arb_mul_2exp_si(v, v, -1);
    qt_record_set(R, QT_TR_J, v, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 0, v, QT_OK, "");     /* J_1 = J: one bath */
    arb_set_fmpq(w, P->z0, prec);
    if (I->ramp)
    {
        /* Q = int_0^t J = E(t) - E(0) - W (lemma R2) */
        arb_mul(v, om, z, prec);
        arb_mul(w, w, I->om0, prec);
        arb_sub(v, v, w, prec);
        arb_mul_2exp_si(v, v, -1);
        arb_sub(v, v, I->W, prec);
    }
    else
    {
        arb_sub(v, z, w, prec);
        arb_mul(v, v, om, prec);
        arb_mul_2exp_si(v, v, -1);
    }
    if (t0 || gamma0)
        arb_zero(v);
    qt_record_set(R, QT_TR_Q, v, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 1, v, QT_OK, "");     /* Q_1 = Q */

    /* D(rho || rho_beta) = -h(r) + ln(2 cosh(beta omega / 2)) + beta omega z / 2 */
    arb_mul(e, be, om, prec);
    arb_mul_2exp_si(e, e, -1);
    arb_cosh(w, e, prec);
    arb_mul_2exp_si(w, w, 1);
    arb_log(w, w, prec);                             /* ln Z */
    arb_mul(v, e, z, prec);
    arb_add(v, v, w, prec);
    arb_sub(v, v, &R->out[QT_TR_S].value, prec);
    qt_record_set(R, QT_TR_D_REL, v, QT_OK, "");
    {
        arb_t D0;
        arb_init(D0);
        arb_set_fmpq(D0, P->z0, prec);
        if (I->ramp)
        {
            /* D(rho_0 || rho^eq_0) with Z_0 = 2 cosh(beta omega0 / 2); Sigma = D_0 - D_t + beta (W - Delta F),
               beta Delta F = ln Z_0 - ln Z_t (identity 11 integrated, lemma R2) */
            arb_t e0, lz0;
            arb_init(e0); arb_init(lz0);
            arb_mul(e0, be, I->om0, prec);
            arb_mul_2exp_si(e0, e0, -1);
            arb_cosh(lz0, e0, prec);
            arb_mul_2exp_si(lz0, lz0, 1);
            arb_log(lz0, lz0, prec);
            arb_mul(D0, D0, e0, prec);
            arb_add(D0, D0, lz0, prec);
            arb_sub(D0, D0, S0, prec);
            arb_sub(v, D0, v, prec);
            arb_addmul(v, be, I->W, prec);
            arb_add(v, v, w, prec);
            arb_sub(v, v, lz0, prec);
            arb_clear(e0); arb_clear(lz0);
        }
        else
        {
            arb_mul(D0, D0, e, prec);
            arb_add(D0, D0, w, prec);
            arb_sub(D0, D0, S0, prec);
            arb_sub(v, D0, v, prec);
        }
        if (t0)
            arb_zero(v);
        qt_record_set(R, QT_TR_SIGMA_INT, v, QT_OK, "");
        arb_clear(D0);
    }

    /* Spohn production and population part: dS/dt - beta J */
    arb_mul(w, be, &R->out[QT_TR_J].value, prec);
    qt_tr_sub_ball(R, QT_TR_SIGMA, QT_TR_S_DOT, w, prec);
    qt_tr_sub_ball(R, QT_TR_PI_D, QT_TR_S_E_DOT, w, prec);

    /* eigenvalue heat: Qdot_R = (omega/2)(z/r) r_dot, r r_dot = -(Gamma_2 r_perp^2 + Gamma z (z - z_inf)) */
    if (diag)
    {
        /* eigenvectors are |e>, |g>: Qdot_R = J while z != 0; at z = 0 the eigenvalues cross */
        if (arb_is_zero(z) || (t0 && fmpq_is_zero(P->z0)))
            qt_record_domain(R, QT_TR_QDOT_R, "undefined: rho = I/2 exactly (a degenerate spectrum): the eigenvalue heat has no eigenvectors to follow");
        else if (arb_contains_zero(z))
        {
            arb_zero_pm_inf(v);
            qt_record_set(R, QT_TR_QDOT_R, v, QT_UNCERTIFIED, "z(t) cannot be separated from 0 (an eigenvalue crossing of rho)");
        }
        else
            qt_record_set(R, QT_TR_QDOT_R, &R->out[QT_TR_J].value, QT_OK, "");
    }
    else
    {
        /* r_perp > 0 for every t: r^2 > 0 */
        arb_mul(v, G2, rp2, prec);
        arb_sub(w, z, zinf, prec);
        arb_mul(w, w, z, prec);
        arb_mul(w, w, G, prec);
        arb_add(v, v, w, prec);
        arb_mul(v, v, z, prec);
        arb_div(v, v, r2, prec);
        arb_mul(v, v, om, prec);
        arb_mul_2exp_si(v, v, -1);
        arb_neg(v, v);
        qt_record_set(R, QT_TR_QDOT_R, v, QT_OK, "");
    }
    qt_tr_ratios(R, prec);

    arb_clear(zd); arb_clear(r2); arb_clear(r); arb_clear(v); arb_clear(w); arb_clear(e); arb_clear(S0);
    fmpq_clear(r02); fmpq_clear(p02);
}
