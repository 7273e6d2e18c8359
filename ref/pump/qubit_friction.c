/* qubit_friction.c -- the friction tensor of one qubit in closed form, holomorphic in (B_x, B_z) so that the
 * dissipation integrals along a protocol can use certified complex quadrature (lemma P14 of
 * proofs/pumping.md).  In the frame of the field (n = B/|B| radial, e perpendicular in the x-z plane):
 *   zeta_rr = s^2 sech^2(sB/T) / (T G1),                 population block
 *   zeta_ee = s tanh(sB/T) G2 / (B (G2^2 + w^2)),        coherence block (rotation at w = 2sB)
 *   zeta_re = zeta_er = 0,
 * G1 = (gamma_L n_z^2 + gamma_R n_x^2) w coth(w/2T) the population relaxation rate, G2 = G1/2 + Gphi the
 * coherence decay rate, Gphi = 2T (gamma_L n_x^2 + gamma_R n_z^2) (pure dephasing from the omega = 0 parts). */
#include "pump_internal.h"

int
qt_pump_friction_qubit_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                           int analytic, slong prec, char *reason)
{
    acb_t B2, B, s, T, w, x, f, sh, cL, cR, gL, gR, G1, Gp, G2, zr, ze, t;
    slong k;
    int st;
    if (qt_pump_is_product(P))
        return qt_pump_product_sum(zeta, 4, qt_pump_friction_qubit_acb, P, Bx, Bz, analytic, prec, reason);
    if (P->n_qubits != 1)
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(zeta + k);
        return qt_fail(reason, QT_DOMAIN, "n_qubits: the closed friction tensor (lemma P14) is for one qubit");
    }
    if (!qt_pump_equal_temperatures(P))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(zeta + k);
        return qt_fail(reason, QT_DOMAIN, "T_R: the friction tensor is implemented at equal temperatures only");
    }
    acb_init(B2); acb_init(B); acb_init(s); acb_init(T); acb_init(w); acb_init(x); acb_init(f); acb_init(sh);
    acb_init(cL); acb_init(cR); acb_init(gL); acb_init(gR); acb_init(G1); acb_init(Gp); acb_init(G2);
    acb_init(zr); acb_init(ze); acb_init(t);
    if ((st = qt_pump_qubit_field(B2, B, s, T, zeta, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
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
    acb_mul(t, G2, G2, prec);
    acb_addmul(t, w, w, prec);
    acb_mul(t, t, B, prec);
    acb_mul(ze, s, f, prec);
    acb_mul(ze, ze, G2, prec);
    acb_div(ze, ze, t, prec);
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
