/* traj_record.c -- the record of named trajectory outputs, extended-real combination rules
 * (lemma E9 of proofs/open_systems.md) and the ratios beta_X = numerator / denominator. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "traj_internal.h"

static const char *const names[QT_TR_NCORE] = {
    "S", "S_dot", "S_E", "S_E_dot", "C_rel", "C_rel_dot", "E", "J", "Q", "D_rel", "sigma",
    "Pi_d", "Pi_c", "dS_interior", "dS_exterior", "beta_A", "beta_R", "beta_E", "Sigma", "Qdot_R"
};

static const char *const formulas[QT_TR_NCORE] = {
    "S = -tr rho ln rho (2.1)",
    "dS/dt = -tr(rho_dot ln rho) (2.1; +inf when a zero eigenvalue is being populated, section 6)",
    "S_E = S(Delta_H rho), energy (diagonal) entropy (2.2, dephased definition)",
    "dS_E/dt = -tr(Delta_H(rho_dot) ln Delta_H(rho)) (2.2)",
    "C_rel = S_E - S (2.3)",
    "dC_rel/dt = dS_E/dt - dS/dt",
    "E = tr(rho H)",
    "J = tr(rho_dot H), Alicki heat current into the system (2.4)",
    "Q(0->t) = int_0^t J = E(t) - E(0) (constant H)",
    "D(rho_t || rho_ref) (2.3, 2.5; rho_ref named in 'reference')",
    "Spohn(-Lebowitz) sigma = dS/dt - sum_j beta_j J_j (2.5)",
    "Pi_d = dS_E/dt - sum_j beta_j J_j (2.6)",
    "Pi_c = -dC_rel/dt (2.6)",
    "d_iS/dt = tr(i[H, rho] ln rho), paper (a)'s interior term, identically 0 (2.9, Theorem 1)",
    "d_eS/dt = -tr(D(rho) ln rho), paper (a)'s exterior term, = dS/dt (2.9)",
    "beta_A = (dS/dt) / J (2.9; ratio of S_dot and J)",
    "beta_R = (dS/dt) / Qdot_R (2.9; ratio of S_dot and Qdot_R)",
    "beta_E = (dS_E/dt) / J (2.10; ratio of S_E_dot and J)",
    "Sigma(0->t) = D(rho_0 || rho_ref) - D(rho_t || rho_ref) (2.5)",
    "Qdot_R = sum_k (dp_k/dt) <psi_k|H|psi_k>, eigenvalue ('refined') heat current (2.4)"
};

const char *
qt_traj_output_name(slong i)
{
    return (i >= 0 && i < QT_TR_NCORE) ? names[i] : NULL;
}

const char *
qt_traj_output_formula(slong i)
{
    return (i >= 0 && i < QT_TR_NCORE) ? formulas[i] : NULL;
}

static const char *const cycle_formulas[5] = {
    "W = sum_k tr(rho_k (H_k - H_{k-1})), work done on the system at the quenches, per cycle (= -sum_j Q_j)",
    "eta = (Q_h + Q_c)/Q_h = -W/Q_h, heats into the working medium (2.9, section 7.8)",
    "eta_quoted = 1 - |Q_c|/Q_h: paper (a)'s 1 - int T_c dS_c / int T_h dS_h read with the released heat as a magnitude (2.9)",
    "eta_carnot = 1 - T_c/T_h = 1 - beta_h/beta_c (2.5)",
    "clausius = sum_j beta_j Q_j <= 0 per cycle for thermal strokes (2.5)"
};

/* the formula paired with name in a {name, formula} table, or fallback */
static const char *
formula_by_name(const char *const (*f)[2], int n, const char *name, const char *fallback)
{
    int j;
    for (j = 0; j < n; j++)
        if (strcmp(name, f[j][0]) == 0)
            return f[j][1];
    return fallback;
}

const char *
qt_record_output_formula(const qt_traj_record_t R, slong i)
{
    slong nb;
    if (R->kind == QT_REC_PUMP_LAMBDA)
    {
        /* by name: baths 3 and 4 (lemma P27) add their rows */
        static const char *const f[11][2] = {
            {"Lambda_L_x", "Lambda_{L,x} = -tr(H D_L L^+ d_{B_x} rho0), heat into bath L per unit dB_x (pumping.md 2)"},
            {"Lambda_L_z", "Lambda_{L,z} = -tr(H D_L L^+ d_{B_z} rho0)"},
            {"Lambda_R_x", "Lambda_{R,x} = -tr(H D_R L^+ d_{B_x} rho0)"},
            {"Lambda_R_z", "Lambda_{R,z} = -tr(H D_R L^+ d_{B_z} rho0)"},
            {"Lambda_3_x", "Lambda_{3,x} = -tr(H D_3 L^+ d_{B_x} rho0), D_3 the dissipator of bath 3 (coupling A_3, lemma P27)"},
            {"Lambda_3_z", "Lambda_{3,z} = -tr(H D_3 L^+ d_{B_z} rho0)"},
            {"Lambda_4_x", "Lambda_{4,x} = -tr(H D_4 L^+ d_{B_x} rho0), D_4 the dissipator of bath 4 (coupling A_4, lemma P27)"},
            {"Lambda_4_z", "Lambda_{4,z} = -tr(H D_4 L^+ d_{B_z} rho0)"},
            {"S0", "S0 = entropy of the instantaneous steady state rho0 (the Gibbs state at the common T)"},
            {"sum_rule_x", "sum_rule_x = sum over the baths a of Lambda_{a,x}, + T d_{B_x} S0 (an enclosure of 0 at equal temperatures)"},
            {"sum_rule_z", "sum_rule_z = sum over the baths a of Lambda_{a,z}, + T d_{B_z} S0 (an enclosure of 0)"}
        };
        return formula_by_name(f, 11, R->name[i], "");
    }
    if (R->kind == QT_REC_PUMP_STEADY)
    {
        int gibbs = strcmp(R->reference, "gibbs") == 0;
        if (i == 0)
            return gibbs ? "S0 = -tr rho0 ln rho0, entropy of the instantaneous steady state (the Gibbs state at the common T)"
                         : "S0 = -tr rho0 ln rho0, entropy of the instantaneous steady state (T_R != T: the stationary state of the global Davies generator, lemma P20)";
        if (i == 1)
            return "E0 = tr rho0 H";
        return gibbs ? "entries of rho0 = e^{-H/T}/Z in the computational basis (|0> = spin up along z, qubit 1 most significant): rho_re_i_j, rho_im_i_j"
                     : "entries of rho0, the stationary state of the global Davies generator with bath L at T and bath R at T_R (certified trace-row solve), in the computational basis (|0> = spin up along z, qubit 1 most significant): rho_re_i_j, rho_im_i_j";
    }
    if (R->kind == QT_REC_PUMP_FRICTION)
    {
        static const char *const f[6] = {
            "zeta_xx = tr(d_x H L^+ d_x rho0): first-order power P = lambda_dot^T zeta lambda_dot (pumping.md 2)",
            "zeta_xz = tr(d_x H L^+ d_z rho0)",
            "zeta_zx = tr(d_z H L^+ d_x rho0)",
            "zeta_zz = tr(d_z H L^+ d_z rho0)",
            "g_xz = (zeta_xz + zeta_zx)/2, the off-diagonal element of the thermodynamic metric g = sym(zeta)",
            "det_g = zeta_xx zeta_zz - g_xz^2 (g is positive semidefinite iff zeta_xx, zeta_zz, det_g >= 0)"
        };
        return i < 6 ? f[i] : "";
    }
    if (R->kind == QT_REC_PUMP_CURVATURE)
    {
        static const char *const f[5][2] = {
            {"Omega_L", "Omega_L = d_{B_x} Lambda_{L,z} - d_{B_z} Lambda_{L,x}, the rotor of bath L: Q_L = iint Omega_L dB_x dB_z (counter-clockwise)"},
            {"Omega_R", "Omega_R = d_{B_x} Lambda_{R,z} - d_{B_z} Lambda_{R,x}"},
            {"Omega_3", "Omega_3 = d_{B_x} Lambda_{3,z} - d_{B_z} Lambda_{3,x} (bath 3, lemma P27)"},
            {"Omega_4", "Omega_4 = d_{B_x} Lambda_{4,z} - d_{B_z} Lambda_{4,x} (bath 4, lemma P27)"},
            {"sum_rule", "sum_rule = the sum of Omega_a over the baths (an enclosure of 0 at equal temperatures; at unequal temperatures the density of the quasi-static work per cycle)"}
        };
        return formula_by_name(f, 5, R->name[i], "");
    }
    if (R->kind == QT_REC_PUMP_HEAT)
    {
        /* by name: the optional outputs (crossing, dissipation) depend on the model and the protocol */
        static const char *const f[10][2] = {
            {"Q_L", "Q_L = oint Lambda_L . dlambda, heat into bath L per counter-clockwise cycle (pumping.md 2)"},
            {"Q_R", "Q_R = oint Lambda_R . dlambda, heat into bath R per counter-clockwise cycle"},
            {"Q_3", "Q_3 = oint Lambda_3 . dlambda, heat into bath 3 per counter-clockwise cycle (lemma P27)"},
            {"Q_4", "Q_4 = oint Lambda_4 . dlambda, heat into bath 4 per counter-clockwise cycle (lemma P27)"},
            {"sum_rule", "sum_rule = the sum of Q_a over the baths (an enclosure of 0 at equal temperatures; at unequal temperatures the quasi-static work per cycle, oint tr(rho0 dH), lemma P12)"},
            {"crossing_B", "crossing_B = 2|J_c|/s, the field magnitude where two levels cross (two qubits, Delta = 1); the integrand is continued through it along the analytic level branches (lemma P13)"},
            {"crosses", "crosses = 1 if the protocol reaches |B| = crossing_B (integrated through the crossing, lemma P13), 0 if not"},
            {"thermo_length", "thermo_length = oint sqrt(t^T g t) dl, the thermodynamic length of the curve in the metric g = sym(zeta) (lemmas P14, P15)"},
            {"W_diss_tau", "W_diss_tau = tau W_diss = l oint t^T zeta t dl: the curve traversed once in the period tau at constant speed l/tau (l its Euclidean length), second order of the slow-driving expansion (lemma P15); >= thermo_length^2"},
            {"W_diss", "W_diss = W_diss_tau / period, the work dissipated per cycle of the given period (first correction beyond the geometric order)"}
        };
        return formula_by_name(f, 10, R->name[i], "");
    }
    if (R->kind == QT_REC_RAMP)
    {
        /* the driven qubit: formulas that differ from the constant-H record, by name */
        static const char *const f[11][2] = {
            {"Q", "Q(0->t) = int_0^t J = E(t) - E(0) - W (driven H: the first law)"},
            {"D_rel", "D(rho_t || rho^eq_t), rho^eq_t the Gibbs state of H(t) at beta (2.5, driven generator)"},
            {"sigma", "sigma = -tr(L_t(rho) [ln rho - ln rho^eq_t]) = dS/dt - beta J >= 0 (2.5, driven generator)"},
            {"Sigma", "Sigma(0->t) = int_0^t sigma = D(rho_0 || rho^eq_0) - D(rho_t || rho^eq_t) + beta (W - Delta_F) (identity 11 integrated, lemma R2)"},
            {"J_1", "J_1 = J (one bath)"},
            {"Q_1", "Q_1 = Q (one bath)"},
            {"W_dot", "W_dot = tr(rho dH/dt) = (omega1/2) z, power done on the system"},
            {"W", "W(0->t) = int_0^t W_dot, work done on the system (certified integral of the continued z, lemma R3)"},
            {"F_dot", "F_dot = tr(rho^eq_t dH/dt) = -(omega1/2) tanh(beta omega(t)/2), F = -(1/beta) ln(2 cosh(beta omega/2))"},
            {"Delta_F", "Delta_F = F(t) - F(0) = -(1/beta) ln(cosh(beta omega(t)/2) / cosh(beta omega0/2))"},
            {"D_rel_dot", "dD(rho_t || rho^eq_t)/dt = -sigma + beta (W_dot - F_dot) (identity 11, lemma R2)"}
        };
        return formula_by_name(f, 11, R->name[i], i < QT_TR_NCORE ? formulas[i] : "");
    }
    if (R->kind == QT_REC_CYCLE)
    {
        nb = R->nout - 5;
        if (i < nb)
            return "Q_j = sum over the strokes in contact with bath j of tr(H_k (rho_end - rho_start)), heat into the system per cycle";
        return cycle_formulas[i - nb];
    }
    if (i < QT_TR_NCORE)
        return formulas[i];
    nb = (R->nout - QT_TR_NCORE) / 2;
    return i < QT_TR_NCORE + nb ? "J_j = tr(D_j(rho) H), heat current from bath j into the system"
                                : "Q_j = int_0^t J_j, heat from bath j over [0, t] (augmented exponential, lemma L2)";
}

slong
qt_traj_ratio_num(slong i)
{
    return i == QT_TR_BETA_A || i == QT_TR_BETA_R ? QT_TR_S_DOT : i == QT_TR_BETA_E ? QT_TR_S_E_DOT : -1;
}

slong
qt_traj_ratio_den(slong i)
{
    return i == QT_TR_BETA_A || i == QT_TR_BETA_E ? QT_TR_J : i == QT_TR_BETA_R ? QT_TR_QDOT_R : -1;
}

void
qt_traj_record_init(qt_traj_record_t R, slong nbaths)
{
    slong i;
    memset(R, 0, sizeof *R);
    for (i = 0; i < QT_TR_MAXOUT; i++)
        qt_result_init(R->out + i);
    for (i = 0; i < QT_TR_NCORE; i++)
        strcpy(R->name[i], names[i]);
    qt_traj_record_set_nbaths(R, nbaths);
}

void
qt_traj_record_set_nbaths(qt_traj_record_t R, slong nbaths)
{
    slong i;
    R->nout = QT_TR_NCORE + 2 * nbaths;
    for (i = 0; i < nbaths; i++)
    {
        char *a = R->name[QT_TR_NCORE + i], *b = R->name[QT_TR_NCORE + nbaths + i];
        a[0] = 'J'; b[0] = 'Q';
        a[1] = b[1] = '_';
        a[2] = b[2] = (char) ('1' + i);      /* i < QT_MAX_BATHS <= 9 */
        a[3] = b[3] = '\0';
    }
}

void
qt_traj_record_clear(qt_traj_record_t R)
{
    slong i;
    for (i = 0; i < QT_TR_MAXOUT; i++)
        qt_result_clear(R->out + i);
}

int
qt_arb_is_exact_inf(const arb_t x)
{
    return arf_is_inf(arb_midref(x)) && mag_is_zero(arb_radref(x));
}

void
qt_tr_set(qt_traj_record_t R, slong i, const arb_t v, int status, const char *reason)
{
    arb_set(&R->out[i].value, v);
    R->out[i].status = status;
    snprintf(R->out[i].reason, QT_REASON_LEN, "%s", reason ? reason : "");
}

void
qt_tr_domain(qt_traj_record_t R, slong i, const char *fmt, ...)
{
    va_list ap;
    arb_indeterminate(&R->out[i].value);
    R->out[i].status = QT_DOMAIN;
    va_start(ap, fmt);
    vsnprintf(R->out[i].reason, QT_REASON_LEN, fmt, ap);
    va_end(ap);
}

void
qt_tr_combine(qt_traj_record_t R, slong i, slong a, int s, slong b, slong prec)
{
    const qt_result_struct *A = R->out + a, *B = R->out + b;
    arb_t v;
    if (A->status == QT_DOMAIN || B->status == QT_DOMAIN)
    {
        qt_tr_domain(R, i, "undefined: %s is undefined (%s)", A->status == QT_DOMAIN ? R->name[a] : R->name[b],
                     A->status == QT_DOMAIN ? A->reason : B->reason);
        return;
    }
    arb_init(v);
    if (qt_arb_is_exact_inf(&A->value) || qt_arb_is_exact_inf(&B->value))
    {
        int sa = qt_arb_is_exact_inf(&A->value) ? arf_sgn(arb_midref(&A->value)) : 0;
        int sb = qt_arb_is_exact_inf(&B->value) ? s * arf_sgn(arb_midref(&B->value)) : 0;
        if (sa != 0 && sb != 0 && sa != sb)
        {
            qt_tr_domain(R, i, "undefined: %s %s %s is inf - inf", R->name[a], s > 0 ? "+" : "-", R->name[b]);
            arb_clear(v);
            return;
        }
        /* an exact infinity plus anything else that is a genuine (possibly wide) real ball */
        if ((sa == 0 && !arb_is_finite(&A->value)) || (sb == 0 && !arb_is_finite(&B->value)))
            arb_indeterminate(v);
        else if ((sa ? sa : sb) > 0)
            arb_pos_inf(v);
        else
            arb_neg_inf(v);
    }
    else if (s > 0)
        arb_add(v, &A->value, &B->value, prec);
    else
        arb_sub(v, &A->value, &B->value, prec);
    if (!arb_is_finite(v) && !qt_arb_is_exact_inf(v))
        arb_zero_pm_inf(v);
    qt_tr_set(R, i, v, A->status != QT_OK ? A->status : B->status,
              A->status != QT_OK ? A->reason : B->reason);
    arb_clear(v);
}

void
qt_tr_sub_ball(qt_traj_record_t R, slong i, slong a, const arb_t c, slong prec)
{
    const qt_result_struct *A = R->out + a;
    arb_t v;
    if (A->status == QT_DOMAIN)
    {
        qt_tr_domain(R, i, "undefined: %s is undefined (%s)", R->name[a], A->reason);
        return;
    }
    arb_init(v);
    if (qt_arb_is_exact_inf(&A->value))
        arb_set(v, &A->value);
    else
    {
        arb_sub(v, &A->value, c, prec);
        if (!arb_is_finite(v))
            arb_zero_pm_inf(v);
    }
    qt_tr_set(R, i, v, A->status, A->reason);
    arb_clear(v);
}

static void
ratio(qt_traj_record_t R, slong i, slong prec)
{
    slong a = qt_traj_ratio_num(i), b = qt_traj_ratio_den(i);
    const qt_result_struct *N = R->out + a, *D = R->out + b;
    arb_t v;
    if (N->status == QT_DOMAIN || D->status == QT_DOMAIN)
    {
        qt_tr_domain(R, i, "undefined: %s is undefined (%s)", N->status == QT_DOMAIN ? R->name[a] : R->name[b],
                     N->status == QT_DOMAIN ? N->reason : D->reason);
        return;
    }
    arb_init(v);
    if (arb_is_zero(&D->value))
    {
        /* the denominator is exactly 0 */
        if (arb_is_zero(&N->value))
            qt_tr_domain(R, i, "undefined: %s = %s = 0 exactly (0/0; the temperature is undefined)", R->name[a], R->name[b]);
        else if (arb_contains_zero(&N->value))
            qt_tr_domain(R, i, "undefined: %s = 0 exactly (%s / 0 is 0/0 or infinite without a sign)", R->name[b], R->name[a]);
        else
            qt_tr_domain(R, i, "undefined: %s = 0 exactly while %s != 0 (temperature 0, beta infinite without a sign)", R->name[b], R->name[a]);
    }
    else if (qt_arb_is_exact_inf(&D->value))
    {
        if (qt_arb_is_exact_inf(&N->value))
            qt_tr_domain(R, i, "undefined: %s and %s are both infinite (inf/inf)", R->name[a], R->name[b]);
        else if (!arb_is_finite(&N->value))
        {
            arb_zero_pm_inf(v);
            qt_tr_set(R, i, v, QT_UNCERTIFIED, N->reason);
        }
        else
        {
            arb_zero(v);
            qt_tr_set(R, i, v, N->status, N->reason);
        }
    }
    else if (!arb_is_finite(&D->value))
    {
        arb_zero_pm_inf(v);
        qt_tr_set(R, i, v, QT_UNCERTIFIED, D->reason);
    }
    else if (arb_contains_zero(&D->value))
    {
        arb_zero_pm_inf(v);
        char msg[QT_REASON_LEN];
        snprintf(msg, sizeof msg, "the denominator %s encloses 0: beta may pass through +-inf (see the pair %s, %s)",
                 R->name[b], R->name[a], R->name[b]);
        qt_tr_set(R, i, v, QT_UNCERTIFIED, msg);
    }
    else if (qt_arb_is_exact_inf(&N->value))
    {
        if (arf_sgn(arb_midref(&N->value)) * (arb_is_positive(&D->value) ? 1 : -1) > 0)
            arb_pos_inf(v);
        else
            arb_neg_inf(v);
        qt_tr_set(R, i, v, N->status, N->reason);
    }
    else
    {
        arb_div(v, &N->value, &D->value, prec);
        if (!arb_is_finite(v))
            arb_zero_pm_inf(v);
        qt_tr_set(R, i, v, N->status != QT_OK ? N->status : D->status, N->status != QT_OK ? N->reason : D->reason);
    }
    arb_clear(v);
}

void
qt_tr_ratios(qt_traj_record_t R, slong prec)
{
    ratio(R, QT_TR_BETA_A, prec);
    ratio(R, QT_TR_BETA_R, prec);
    ratio(R, QT_TR_BETA_E, prec);
}

void
qt_tr_negate(qt_traj_record_t R, slong i, slong a)
{
    arb_t v;
    if (R->out[a].status == QT_DOMAIN)
    {
        qt_tr_domain(R, i, "%s", R->out[a].reason);
        return;
    }
    arb_init(v);
    arb_neg(v, &R->out[a].value);
    qt_tr_set(R, i, v, R->out[a].status, R->out[a].reason);
    arb_clear(v);
}

void
qt_tr_set_finite(qt_traj_record_t R, slong i, const arb_t v, const char *why_not)
{
    if (arb_is_finite(v))
        qt_tr_set(R, i, v, QT_OK, "");
    else
    {
        arb_t w;
        arb_init(w);
        arb_zero_pm_inf(w);
        qt_tr_set(R, i, w, QT_UNCERTIFIED, why_not);
        arb_clear(w);
    }
}
