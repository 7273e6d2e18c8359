/* pump_records.c -- the pump.* quantities as records of named outputs (pumping.md 2-3). */
#include <stdio.h>
#include <string.h>
#include "qtoracle/pump.h"
#include "qtoracle/trajectory.h"

/* Gibbs entropy of the qubit: S = ln(2 cosh x) - x tanh x, x = sB/T; dS/dB = -(s/T) x sech^2 x */
static void
gibbs_entropy(arb_t S, arb_t dS, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t x, t, c;
    arb_init(x); arb_init(t); arb_init(c);
    arb_set_fmpq(t, P->T, prec);
    arb_div(x, B, t, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(x, x, -1);
    arb_cosh(c, x, prec);
    arb_mul_2exp_si(S, c, 1);
    arb_log(S, S, prec);
    arb_tanh(t, x, prec);
    arb_submul(S, x, t, prec);
    arb_sqr(c, c, prec);
    arb_div(dS, x, c, prec);
    arb_neg(dS, dS);
    arb_set_fmpq(t, P->T, prec);
    arb_div(dS, dS, t, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(dS, dS, -1);
    arb_clear(x); arb_clear(t); arb_clear(c);
}

static void
set_out(qt_traj_record_t R, slong i, const char *name, const arb_t v, int st, const char *why)
{
    strcpy(R->name[i], name);
    arb_set(&R->out[i].value, v);
    R->out[i].status = st;
    strcpy(R->out[i].reason, st == QT_OK ? "" : why);
    if (st != QT_OK && !arb_is_finite(&R->out[i].value))
        arb_zero_pm_inf(&R->out[i].value);
}

void
qt_pump_lambda_record(qt_traj_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    static const char *names[4] = {"Lambda_L_x", "Lambda_L_z", "Lambda_R_x", "Lambda_R_z"};
    acb_t bx, bz;
    acb_ptr L;
    arb_t B, S, dS, v;
    char why[QT_REASON_LEN];
    slong k;
    int st;
    R->kind = QT_REC_PUMP_LAMBDA;
    R->nout = 7;
    snprintf(R->reference, sizeof R->reference, "gibbs");
    acb_init(bx); acb_init(bz); arb_init(B); arb_init(S); arb_init(dS); arb_init(v);
    L = _acb_vec_init(4);
    acb_set_fmpq(bx, Bx, prec);
    acb_set_fmpq(bz, Bz, prec);
    st = qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why);
    for (k = 0; k < 4; k++)
        set_out(R, k, names[k], acb_realref(L + k), st, why);   /* real at real points */
    arb_set_fmpq(v, Bx, prec);
    arb_sqr(B, v, prec);
    arb_set_fmpq(v, Bz, prec);
    arb_addmul(B, v, v, prec);
    arb_sqrt(B, B, prec);
    gibbs_entropy(S, dS, P, B, prec);
    set_out(R, 4, "S0", S, QT_OK, "");
    /* sum rules: Lambda_L,k + Lambda_R,k + T dS/dB lambda_k / B */
    for (k = 0; k < 2; k++)
    {
        arb_set_fmpq(v, k == 0 ? Bx : Bz, prec);
        arb_mul(v, v, dS, prec);
        arb_div(v, v, B, prec);
        {
            arb_t T;
            arb_init(T);
            arb_set_fmpq(T, P->T, prec);
            arb_mul(v, v, T, prec);
            arb_clear(T);
        }
        arb_add(v, v, acb_realref(L + k), prec);
        arb_add(v, v, acb_realref(L + 2 + k), prec);
        set_out(R, 5 + k, k == 0 ? "sum_rule_x" : "sum_rule_z", v, st, why);
    }
    acb_clear(bx); acb_clear(bz); arb_clear(B); arb_clear(S); arb_clear(dS); arb_clear(v);
    _acb_vec_clear(L, 4);
}

void
qt_pump_heat_record(qt_traj_record_t R, const qt_pump_params_struct *P, const qt_protocol_struct *C, slong prec)
{
    arb_ptr Q = _arb_vec_init(2);
    arb_t v;
    char why[QT_REASON_LEN];
    int st;
    arb_init(v);
    R->kind = QT_REC_PUMP_HEAT;
    R->nout = 3;
    snprintf(R->reference, sizeof R->reference, "gibbs");
    st = qt_pump_heat_per_cycle(Q, P, C, prec, why);
    set_out(R, 0, "Q_L", Q + 0, st, why);
    set_out(R, 1, "Q_R", Q + 1, st, why);
    arb_add(v, Q + 0, Q + 1, prec);
    set_out(R, 2, "sum_rule", v, st, why);
    arb_clear(v);
    _arb_vec_clear(Q, 2);
}

void
qt_pump_curvature_record(qt_traj_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    arb_ptr O = _arb_vec_init(2);
    arb_t v;
    char why[QT_REASON_LEN];
    int st;
    arb_init(v);
    R->kind = QT_REC_PUMP_CURVATURE;
    R->nout = 3;
    snprintf(R->reference, sizeof R->reference, "gibbs");
    st = qt_pump_curvature(O, P, Bx, Bz, prec, why);
    set_out(R, 0, "Omega_L", O + 0, st, why);
    set_out(R, 1, "Omega_R", O + 1, st, why);
    arb_add(v, O + 0, O + 1, prec);
    set_out(R, 2, "sum_rule", v, st, why);
    arb_clear(v);
    _arb_vec_clear(O, 2);
}

void
qt_pump_friction_record(qt_traj_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    static const char *names[4] = {"zeta_xx", "zeta_xz", "zeta_zx", "zeta_zz"};
    arb_ptr Z = _arb_vec_init(4);
    arb_t g, d;
    char why[QT_REASON_LEN];
    slong k;
    int st;
    arb_init(g); arb_init(d);
    R->kind = QT_REC_PUMP_FRICTION;
    R->nout = 6;
    snprintf(R->reference, sizeof R->reference, "gibbs");
    if (fmpq_is_zero(Bx) && fmpq_is_zero(Bz))
    {
        st = qt_fail(why, QT_DOMAIN, "Bx, Bz: B = 0 is the level degeneracy (refused)");
        for (k = 0; k < 6; k++)
        {
            strcpy(R->name[k], k < 4 ? names[k] : k == 4 ? "g_xz" : "det_g");
            arb_indeterminate(&R->out[k].value);
            R->out[k].status = QT_DOMAIN;
            strcpy(R->out[k].reason, why);
        }
        goto out;
    }
    st = qt_pump_friction(Z, P, Bx, Bz, prec, why);
    for (k = 0; k < 4; k++)
        set_out(R, k, names[k], Z + k, st, why);
    arb_add(g, Z + 1, Z + 2, prec);
    arb_mul_2exp_si(g, g, -1);
    set_out(R, 4, "g_xz", g, st, why);
    arb_mul(d, Z + 0, Z + 3, prec);
    arb_submul(d, g, g, prec);
    set_out(R, 5, "det_g", d, st, why);
out:
    arb_clear(g); arb_clear(d);
    _arb_vec_clear(Z, 4);
}
