/* qubit_davies.c -- M1/M2 of open_systems.md 3: a qubit H = (omega/2) sigma_z with thermal
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

/* r0^2 = x0^2 + y0^2 + z0^2 and the transverse part x0^2 + y0^2, exactly */
static void
bloch_norms(fmpq_t r2, fmpq_t p2, const qt_qubit_davies_struct *P)
{
    fmpq_mul(p2, P->x0, P->x0);
    fmpq_addmul(p2, P->y0, P->y0);
    fmpq_set(r2, p2);
    fmpq_addmul(r2, P->z0, P->z0);
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
    bloch_norms(r2, p2, P);
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
qt_qubit_davies_trajectory(qt_traj_record_t R, const qt_qubit_davies_struct *P, const arb_t t, int tkind, slong prec)
{
    int t0 = (tkind == QT_T_ZERO);
    arb_t nb, G, G2, zinf, z, zd, rp2, r2, r, om, be, v, w, e, S0;
    fmpq_t r02, p02;
    int pure0, gamma0, stays_pure, diag, zpm1, at_tstar = (tkind == QT_T_STAR);

    qt_traj_record_set_nbaths(R, 1);
    snprintf(R->reference, sizeof R->reference, "gibbs");
    arb_init(nb); arb_init(G); arb_init(G2); arb_init(zinf); arb_init(z); arb_init(zd);
    arb_init(rp2); arb_init(r2); arb_init(r); arb_init(om); arb_init(be); arb_init(v);
    arb_init(w); arb_init(e); arb_init(S0);
    fmpq_init(r02); fmpq_init(p02);

    bloch_norms(r02, p02, P);
    pure0 = fmpq_is_one(r02);
    gamma0 = fmpq_is_zero(P->gamma);
    diag = fmpq_is_zero(p02);
    stays_pure = pure0 && gamma0 && (fmpq_is_zero(P->gamma_phi) || diag);
    zpm1 = fmpq_is_one(P->z0) || (fmpq_sgn(P->z0) < 0 && fmpz_is_one(fmpq_denref(P->z0)) && fmpz_equal_si(fmpq_numref(P->z0), -1));

    arb_set_fmpq(om, P->omega, prec);
    arb_set_fmpq(be, P->beta, prec);
    nbar(nb, P, prec);
    /* Gamma = gamma (2 nbar + 1), Gamma_2 = Gamma/2 + gamma_phi, z_inf = -1/(2 nbar + 1) */
    arb_mul_2exp_si(w, nb, 1);
    arb_add_ui(w, w, 1, prec);
    arb_set_fmpq(G, P->gamma, prec);
    arb_mul(G, G, w, prec);
    arb_inv(zinf, w, prec);
    arb_neg(zinf, zinf);
    arb_mul_2exp_si(G2, G, -1);
    arb_set_fmpq(v, P->gamma_phi, prec);
    arb_add(G2, G2, v, prec);

    /* z(t), r_perp^2(t) */
    if (t0)
    {
        arb_set_fmpq(z, P->z0, prec);
        arb_set_fmpq(rp2, p02, prec);
    }
    else
    {
        arb_mul(e, G, t, prec);
        arb_neg(e, e);
        arb_exp(e, e, prec);
        arb_set_fmpq(v, P->z0, prec);
        arb_sub(v, v, zinf, prec);
        arb_mul(z, v, e, prec);
        arb_add(z, z, zinf, prec);
        if (gamma0)
            arb_set_fmpq(z, P->z0, prec);
        arb_mul(e, G2, t, prec);
        arb_mul_2exp_si(e, e, 1);
        arb_neg(e, e);
        arb_exp(e, e, prec);
        arb_set_fmpq(rp2, p02, prec);
        arb_mul(rp2, rp2, e, prec);
    }
    if (at_tstar)
        arb_zero(z);        /* z(t*) = 0 exactly (lemma M3); x = y = 0 since z0 = 1 */
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
    qt_tr_set(R, QT_TR_S, v, QT_OK, "");
    {
        fmpq_t q;
        fmpq_init(q);
        arb_set_fmpq(w, r02, prec);
        arb_sqrtpos(w, w, prec);
        qubit_entropy_r(S0, w, prec);
        if (pure0)
            arb_zero(S0);
        fmpq_clear(q);
    }
    if (stays_pure)
        qt_tr_set(R, QT_TR_S_DOT, v, QT_OK, "");     /* v = 0 */
    else if (t0 && pure0)
    {
        /* lemma M2: r r_dot < 0 strictly for a pure state unless it stays pure: dS/dt = +inf */
        arb_pos_inf(v);
        qt_tr_set(R, QT_TR_S_DOT, v, QT_OK, "");
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
    qt_tr_set(R, QT_TR_DS_EXTERIOR, &R->out[QT_TR_S_DOT].value, R->out[QT_TR_S_DOT].status, R->out[QT_TR_S_DOT].reason);
    arb_zero(v);
    qt_tr_set(R, QT_TR_DS_INTERIOR, v, QT_OK, "");   /* Theorem 1, exactly (lemma E1) */

    /* S_E, S_E_dot */
    arb_abs(w, z);
    qubit_entropy_r(v, w, prec);
    if (zpm1 && (t0 || gamma0))
        arb_zero(v);
    qt_tr_set(R, QT_TR_S_E, v, QT_OK, "");
    if (zpm1 && gamma0)
    {
        arb_zero(v);
        qt_tr_set(R, QT_TR_S_E_DOT, v, QT_OK, "");
    }
    else if (zpm1 && t0)
    {
        arb_pos_inf(v);                              /* the empty level is being populated */
        qt_tr_set(R, QT_TR_S_E_DOT, v, QT_OK, "");
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
        qt_tr_set(R, QT_TR_C_REL, v, QT_OK, "");
        if (!(t0 && pure0 && !gamma0))
            qt_tr_set(R, QT_TR_C_REL_DOT, v, QT_OK, "");
        else
            qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    }
    else
        qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    qt_tr_negate(R, QT_TR_PI_C, QT_TR_C_REL_DOT);

    /* energy, heat */
    arb_mul(v, om, z, prec);
    arb_mul_2exp_si(v, v, -1);
    qt_tr_set(R, QT_TR_E, v, QT_OK, "");
    arb_mul(v, om, zd, prec);
    arb_mul_2exp_si(v, v, -1);
    qt_tr_set(R, QT_TR_J, v, QT_OK, "");
    qt_tr_set(R, QT_TR_NCORE + 0, v, QT_OK, "");     /* J_1 = J: one bath */
    arb_set_fmpq(w, P->z0, prec);
    arb_sub(v, z, w, prec);
    arb_mul(v, v, om, prec);
    arb_mul_2exp_si(v, v, -1);
    if (t0 || gamma0)
        arb_zero(v);
    qt_tr_set(R, QT_TR_Q, v, QT_OK, "");
    qt_tr_set(R, QT_TR_NCORE + 1, v, QT_OK, "");     /* Q_1 = Q */

    /* D(rho || rho_beta) = -h(r) + ln(2 cosh(beta omega / 2)) + beta omega z / 2 */
    arb_mul(e, be, om, prec);
    arb_mul_2exp_si(e, e, -1);
    arb_cosh(w, e, prec);
    arb_mul_2exp_si(w, w, 1);
    arb_log(w, w, prec);                             /* ln Z */
    arb_mul(v, e, z, prec);
    arb_add(v, v, w, prec);
    arb_sub(v, v, &R->out[QT_TR_S].value, prec);
    qt_tr_set(R, QT_TR_D_REL, v, QT_OK, "");
    {
        arb_t D0;
        arb_init(D0);
        arb_set_fmpq(D0, P->z0, prec);
        arb_mul(D0, D0, e, prec);
        arb_add(D0, D0, w, prec);
        arb_sub(D0, D0, S0, prec);
        arb_sub(v, D0, v, prec);
        if (t0)
            arb_zero(v);
        qt_tr_set(R, QT_TR_SIGMA_INT, v, QT_OK, "");
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
            qt_tr_domain(R, QT_TR_QDOT_R, "undefined: rho = I/2 exactly (a degenerate spectrum): the eigenvalue heat has no eigenvectors to follow");
        else if (arb_contains_zero(z))
        {
            arb_zero_pm_inf(v);
            qt_tr_set(R, QT_TR_QDOT_R, v, QT_UNCERTIFIED, "z(t) cannot be separated from 0 (an eigenvalue crossing of rho)");
        }
        else
            qt_tr_set(R, QT_TR_QDOT_R, &R->out[QT_TR_J].value, QT_OK, "");
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
        qt_tr_set(R, QT_TR_QDOT_R, v, QT_OK, "");
    }
    qt_tr_ratios(R, prec);

    arb_clear(nb); arb_clear(G); arb_clear(G2); arb_clear(zinf); arb_clear(z); arb_clear(zd);
    arb_clear(rp2); arb_clear(r2); arb_clear(r); arb_clear(om); arb_clear(be); arb_clear(v);
    arb_clear(w); arb_clear(e); arb_clear(S0);
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
