/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_qubit_friction.c -- the friction tensor of one qubit in closed form, holomorphic in (B_x, B_z) so that the
 * dissipation integrals along a protocol can use certified complex quadrature (lemma P14 of
 * proofs/pumping.md; P22 at T_R != T, below).  In the frame of the field (n = B/|B| radial, e perpendicular in the x-z plane):
 *   zeta_rr = s^2 sech^2(sB/T) / (T G1),                 population block
 *   zeta_ee = s tanh(sB/T) G2 / (B (G2^2 + w^2)),        coherence block (rotation at w = 2sB)
 *   zeta_re = zeta_er = 0,
 * G1 = (gamma_L n_z^2 + gamma_R n_x^2) w coth(w/2T) the population relaxation rate, G2 = G1/2 + Gphi the
 * coherence decay rate, Gphi = 2T (gamma_L n_x^2 + gamma_R n_z^2) (pure dephasing from the omega = 0 parts). */
#include "pump_internal.h"

/* res = a G2 / (B (G2^2 + w^2)): the coherence block, a decaying rotation at w with rate G2, of L^+ */
static void
coherence_weight(acb_t res, const acb_t a, const acb_t G2, const acb_t w, const acb_t B, slong prec)
{
    acb_t t;
    acb_init(t);
    acb_mul(t, G2, G2, prec);
    acb_addmul(t, w, w, prec);
    acb_mul(t, t, B, prec);
    acb_mul(res, a, G2, prec);
    acb_div(res, res, t, prec);
    acb_clear(t);
}

/* T_R != T (lemma P22): the same Bloch equations with bath a at T_a.  With c_a = coth(w/2T_a), the stationary
 * polarisation along n is z0 = -(wL + wR)/D, D = wL cL + wR cR (wL = gL n_z^2, wR = gR n_x^2), G1 = w D, and
 *   zeta_kl = -s [ n_k d_l z0 / G1 + z0 e_k e_l G2 / (B (G2^2 + w^2)) ],  G2 = G1/2 + 2 (gL T_L n_x^2 + gR T_R n_z^2),
 * with d_l z0 = -[(d wL + d wR) D - (wL + wR) d D] / D^2, d D = d wL cL + d wR cR - (wL (cL^2 - 1)/2T_L +
 * wR (cR^2 - 1)/2T_R) d w, d_l w = 2 s B_l / B, d_l n_x^2 = q_l = (2 B_x B_z^2, -2 B_x^2 B_z)_l / B^4, d wR = gR q_l,
 * d wL = -gL q_l.  At T_R = T this is P14 (z0 = -tanh(w/2T)); here zeta is not symmetric. */
static void
friction_qubit_unequal(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                       const acb_t B, const acb_t s, slong prec)
{
    acb_t w, T[2], c[2], g[2], wa[2], D, z0, G1, G2, t, u, ze, nn[2], e[2], dz[2];
    acb_ptr q = _acb_vec_init(2);
    slong a, k, l;
    acb_init(w); acb_init(D); acb_init(z0); acb_init(G1); acb_init(G2); acb_init(t); acb_init(u); acb_init(ze);
    for (a = 0; a < 2; a++)
    {
        acb_init(T[a]); acb_init(c[a]); acb_init(g[a]); acb_init(wa[a]); acb_init(nn[a]); acb_init(e[a]);
        acb_init(dz[a]);
    }
    acb_mul(w, s, B, prec);
    acb_mul_2exp_si(w, w, 1);                              /* w = 2 s B */
    qt_pump_bath_temperature(T[0], P, 0, prec);
    qt_pump_bath_temperature(T[1], P, 1, prec);
    acb_set_fmpq(g[0], P->gamma_L, prec);
    acb_set_fmpq(g[1], P->gamma_R, prec);
    acb_div(nn[0], Bx, B, prec);
    acb_div(nn[1], Bz, B, prec);
    acb_set(e[0], nn[1]);
    acb_neg(e[1], nn[0]);
    acb_mul(wa[0], nn[1], nn[1], prec);
    acb_mul(wa[0], wa[0], g[0], prec);                     /* wL = gL n_z^2 */
    acb_mul(wa[1], nn[0], nn[0], prec);
    acb_mul(wa[1], wa[1], g[1], prec);                     /* wR = gR n_x^2 */
    acb_zero(D);
    for (a = 0; a < 2; a++)
    {
        acb_mul_2exp_si(t, T[a], 1);
        acb_div(t, w, t, prec);
        acb_coth(c[a], t, prec);
        acb_addmul(D, wa[a], c[a], prec);
    }
    acb_add(t, wa[0], wa[1], prec);
    acb_div(z0, t, D, prec);
    acb_neg(z0, z0);
    acb_mul(G1, w, D, prec);
    qt_pump_nx2_gradient(q, nn[0], nn[1], B, prec);           /* q_l = d_l n_x^2 */
    /* u = (wL (cL^2 - 1)/2T_L + wR (cR^2 - 1)/2T_R) */
    acb_zero(u);
    for (a = 0; a < 2; a++)
    {
        acb_mul(t, c[a], c[a], prec);
        acb_sub_ui(t, t, 1, prec);
        acb_mul(t, t, wa[a], prec);
        acb_div(t, t, T[a], prec);
        acb_mul_2exp_si(t, t, -1);
        acb_add(u, u, t, prec);
    }
    for (l = 0; l < 2; l++)
    {
        acb_t dwL, dwR, dD, dw;
        acb_init(dwL); acb_init(dwR); acb_init(dD); acb_init(dw);
        acb_mul(dwR, g[1], q + l, prec);
        acb_mul(dwL, g[0], q + l, prec);
        acb_neg(dwL, dwL);
        acb_mul(dw, s, nn[l], prec);
        acb_mul_2exp_si(dw, dw, 1);                        /* d_l w = 2 s n_l */
        acb_mul(dD, dwL, c[0], prec);
        acb_addmul(dD, dwR, c[1], prec);
        acb_submul(dD, u, dw, prec);
        acb_add(t, dwL, dwR, prec);
        acb_mul(t, t, D, prec);
        acb_add(dz[l], wa[0], wa[1], prec);
        acb_mul(dz[l], dz[l], dD, prec);
        acb_sub(dz[l], t, dz[l], prec);
        acb_div(dz[l], dz[l], D, prec);
        acb_div(dz[l], dz[l], D, prec);
        acb_neg(dz[l], dz[l]);
        acb_clear(dwL); acb_clear(dwR); acb_clear(dD); acb_clear(dw);
    }
    /* G2 = G1/2 + 2 (gL T_L n_x^2 + gR T_R n_z^2) */
    acb_mul(t, g[0], T[0], prec);
    acb_mul(t, t, nn[0], prec);
    acb_mul(G2, t, nn[0], prec);
    acb_mul(t, g[1], T[1], prec);
    acb_mul(t, t, nn[1], prec);
    acb_addmul(G2, t, nn[1], prec);
    acb_mul_2exp_si(G2, G2, 1);
    acb_mul_2exp_si(t, G1, -1);
    acb_add(G2, G2, t, prec);
    coherence_weight(ze, z0, G2, w, B, prec);                 /* z0 G2 / (B (G2^2 + w^2)) */
    for (k = 0; k < 2; k++)
        for (l = 0; l < 2; l++)
        {
            acb_ptr z = zeta + 2 * k + l;
            acb_mul(z, nn[k], dz[l], prec);
            acb_div(z, z, G1, prec);
            acb_mul(t, e[k], e[l], prec);
            acb_addmul(z, t, ze, prec);
            acb_mul(z, z, s, prec);
            acb_neg(z, z);
        }
    acb_clear(w); acb_clear(D); acb_clear(z0); acb_clear(G1); acb_clear(G2); acb_clear(t); acb_clear(u); acb_clear(ze);
    for (a = 0; a < 2; a++)
    {
        acb_clear(T[a]); acb_clear(c[a]); acb_clear(g[a]); acb_clear(wa[a]); acb_clear(nn[a]); acb_clear(e[a]);
        acb_clear(dz[a]);
    }
    _acb_vec_clear(q, 2);
}

int
qt_pump_friction_qubit_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                           int analytic, slong prec, char *reason)
{
    acb_t B2, B, s, T, w, x, f, sh, cL, cR, gL, gR, G1, Gp, G2, zr, ze, t;
    slong k;
    int st;
    if (qt_pump_is_product(P))
        return qt_pump_product_sum(zeta, 4, qt_pump_friction_qubit_acb, P, Bx, Bz, analytic, prec, reason);
    if (!qt_pump_single_like(P))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(zeta + k);
        return qt_fail(reason, QT_DOMAIN, "n_qubits: the closed friction tensor (lemma P14) is for one qubit with the baths L, R");
    }
    acb_init(B2); acb_init(B); acb_init(s); acb_init(T); acb_init(w); acb_init(x); acb_init(f); acb_init(sh);
    acb_init(cL); acb_init(cR); acb_init(gL); acb_init(gR); acb_init(G1); acb_init(Gp); acb_init(G2);
    acb_init(zr); acb_init(ze); acb_init(t);
    if ((st = qt_pump_qubit_field(B2, B, s, T, zeta, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    if (!qt_pump_equal_temperatures(P))
    {
        friction_qubit_unequal(zeta, P, Bx, Bz, B, s, prec);      /* lemma P22 */
        goto done;
    }
    acb_mul(x, s, B, prec);
    acb_div(x, x, T, prec);                  /* x = sB/T = w/2T */
    acb_tanh(f, x, prec);
    acb_sech(sh, x, prec);
    acb_mul(sh, sh, sh, prec);               /* sech^2 x = 1 - f^2, without cancellation */
    acb_mul_2exp_si(w, x, 1);
    acb_mul(w, w, T, prec);                  /* w = 2sB */
    acb_mul(cL, Bz, Bz, prec);
    acb_div(cL, cL, B2, prec);               /* n_z^2 = |<g|sx|e>|^2 */
    acb_mul(cR, Bx, Bx, prec);
    acb_div(cR, cR, B2, prec);               /* n_x^2 = |<g|sz|e>|^2 */
    acb_set_fmpq(gL, P->gamma_L, prec);
    acb_set_fmpq(gR, P->gamma_R, prec);
    /* G1 = (gL cL + gR cR) w / f */
    acb_mul(G1, gL, cL, prec);
    acb_addmul(G1, gR, cR, prec);
    acb_mul(G1, G1, w, prec);
    acb_div(G1, G1, f, prec);
    /* Gphi = 2T (gL cR + gR cL) */
    acb_mul(Gp, gL, cR, prec);
    acb_addmul(Gp, gR, cL, prec);
    acb_mul(Gp, Gp, T, prec);
    acb_mul_2exp_si(Gp, Gp, 1);
    acb_mul_2exp_si(G2, G1, -1);
    acb_add(G2, G2, Gp, prec);
    /* zeta_rr = s^2 sech^2 / (T G1) */
    acb_mul(zr, s, s, prec);
    acb_mul(zr, zr, sh, prec);
    acb_mul(t, T, G1, prec);
    acb_div(zr, zr, t, prec);
    /* zeta_ee = s f G2 / (B (G2^2 + w^2)) */
    acb_mul(ze, s, f, prec);
    coherence_weight(ze, ze, G2, w, B, prec);
    /* Cartesian: zeta = zeta_rr n n^T + zeta_ee e e^T, n = (B_x, B_z)/B, e = (B_z, -B_x)/B */
    acb_mul(zeta + 0, zr, cR, prec);
    acb_addmul(zeta + 0, ze, cL, prec);
    acb_mul(zeta + 3, zr, cL, prec);
    acb_addmul(zeta + 3, ze, cR, prec);
    acb_sub(t, zr, ze, prec);
    acb_mul(t, t, Bx, prec);
    acb_mul(t, t, Bz, prec);
    acb_div(zeta + 1, t, B2, prec);
    acb_set(zeta + 2, zeta + 1);
done:
    acb_clear(B2); acb_clear(B); acb_clear(s); acb_clear(T); acb_clear(w); acb_clear(x); acb_clear(f); acb_clear(sh);
    acb_clear(cL); acb_clear(cR); acb_clear(gL); acb_clear(gR); acb_clear(G1); acb_clear(Gp); acb_clear(G2);
    acb_clear(zr); acb_clear(ze); acb_clear(t);
    return st;
}
