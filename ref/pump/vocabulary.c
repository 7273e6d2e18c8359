/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* vocabulary.c -- the vocabulary of the pump.* records (record.h): the formula of each named output. */
#include <string.h>
#include "pump_internal.h"

/* the formula paired with name in a {name, formula} table, or "" */
static const char *
formula_by_name(const char *const (*f)[2], int n, const char *name)
{
    int j;
    for (j = 0; j < n; j++)
        if (strcmp(name, f[j][0]) == 0)
            return f[j][1];
    return "";
}

static const char *
lambda_formula(const qt_record_struct *R, slong i)
{
    /* by name: baths 3 and 4 (lemma P27) add their rows */
    static const char *const f[11][2] = {
        {"Lambda_L_x", "Lambda_{L,x} = -tr(H D_L L^+ d_{B_x} rho0), heat into bath L per unit dB_x (docs/physics/pumping.md §2)"},
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
    return formula_by_name(f, 11, R->name[i]);
}

const qt_record_vocabulary qt_pump_lambda_vocabulary = {lambda_formula, NULL};

static const char *
steady_state_formula(const qt_record_struct *R, slong i)
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

const qt_record_vocabulary qt_pump_steady_state_vocabulary = {steady_state_formula, NULL};

static const char *
friction_formula(const qt_record_struct *R, slong i)
{
    (void) R;
    static const char *const f[6] = {
        "zeta_xx = tr(d_x H L^+ d_x rho0): first-order power P = lambda_dot^T zeta lambda_dot (docs/physics/pumping.md §2)",
        "zeta_xz = tr(d_x H L^+ d_z rho0)",
        "zeta_zx = tr(d_z H L^+ d_x rho0)",
        "zeta_zz = tr(d_z H L^+ d_z rho0)",
        "g_xz = (zeta_xz + zeta_zx)/2, the off-diagonal element of the thermodynamic metric g = sym(zeta)",
        "det_g = zeta_xx zeta_zz - g_xz^2 (g is positive semidefinite iff zeta_xx, zeta_zz, det_g >= 0)"
    };
    return i < 6 ? f[i] : "";
}

const qt_record_vocabulary qt_pump_friction_vocabulary = {friction_formula, NULL};

static const char *
curvature_formula(const qt_record_struct *R, slong i)
{
    static const char *const f[5][2] = {
        {"Omega_L", "Omega_L = d_{B_x} Lambda_{L,z} - d_{B_z} Lambda_{L,x}, the rotor of bath L: Q_L = iint Omega_L dB_x dB_z (counter-clockwise)"},
        {"Omega_R", "Omega_R = d_{B_x} Lambda_{R,z} - d_{B_z} Lambda_{R,x}"},
        {"Omega_3", "Omega_3 = d_{B_x} Lambda_{3,z} - d_{B_z} Lambda_{3,x} (bath 3, lemma P27)"},
        {"Omega_4", "Omega_4 = d_{B_x} Lambda_{4,z} - d_{B_z} Lambda_{4,x} (bath 4, lemma P27)"},
        {"sum_rule", "sum_rule = the sum of Omega_a over the baths (an enclosure of 0 at equal temperatures; at unequal temperatures the density of the quasi-static work per cycle)"}
    };
    return formula_by_name(f, 5, R->name[i]);
}

const qt_record_vocabulary qt_pump_curvature_vocabulary = {curvature_formula, NULL};

static const char *
heat_formula(const qt_record_struct *R, slong i)
{
    /* by name: the optional outputs (crossing, dissipation) depend on the model and the protocol */
    static const char *const f[10][2] = {
        {"Q_L", "Q_L = oint Lambda_L . dlambda, heat into bath L per counter-clockwise cycle (docs/physics/pumping.md §2)"},
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
    return formula_by_name(f, 10, R->name[i]);
}

const qt_record_vocabulary qt_pump_heat_vocabulary = {heat_formula, NULL};
