/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* registry.c -- the table of families and every quantity qtoracle computes, with its family, units and formula
 * references.  Adding a family: its file oracle/family_<name>.c and one line in each table here. */
#include <string.h>
#include "oracle.h"

static const qo_family *const families[] = {
    &qo_family_landauer, &qo_family_driven_level, &qo_family_state, &qo_family_qubit_davies, &qo_family_qubit_ramp,
    &qo_family_lindblad, &qo_family_fano_anderson, &qo_family_damped_mode, &qo_family_cycle, &qo_family_pump
};

const qo_family *
qo_family_of_vectors(const char *family)
{
    size_t i;
    for (i = 0; i < sizeof families / sizeof families[0]; i++)
        if (strcmp(families[i]->vectors, family) == 0)
            return families[i];
    return NULL;
}

static const qo_quantity table[] = {
    {"landauer.particle_current", &qo_family_landauer, QT_LQ_PARTICLE, 0, "E_u/h (particles per unit time)",
     "docs/physics/landauer.md §3.1; proofs/landauer.md", "I_N = int dE T(E) [f_L - f_R]", NULL},
    {"landauer.energy_current", &qo_family_landauer, QT_LQ_ENERGY, 0, "E_u^2/h",
     "docs/physics/landauer.md §3.1; proofs/landauer.md", "I_E = int dE E T(E) [f_L - f_R]", NULL},
    {"landauer.heat_current_R", &qo_family_landauer, QT_LQ_HEAT_R, 0, "E_u^2/h",
     "docs/physics/landauer.md §3.1; proofs/landauer.md", "textbook heat into R: I_E - mu_R I_N", NULL},
    {"landauer.heat_current_L", &qo_family_landauer, QT_LQ_HEAT_L, 0, "E_u^2/h",
     "docs/physics/landauer.md §3.1; proofs/landauer.md", "textbook heat out of L: I_E - mu_L I_N", NULL},
    {"landauer.entropy_current", &qo_family_landauer, QT_LQ_ENTROPY, 0, "k_B E_u/h",
     "docs/physics/landauer.md §3.2; proofs/landauer.md", "partitioned von Neumann entropy current I_S = int dE T(E) [sigma(f_L) - sigma(f_R)]", NULL},
    {"landauer.heat_correction_R", &qo_family_landauer, QT_LQ_CORRECTION_R, 0, "E_u^2/h",
     "docs/physics/landauer.md §3.3; proofs/landauer.md", "quantum term Q^R = T_R int dE T(E) D(f_L || f_R) = I_Q^R - T_R I_S", NULL},
    {"landauer.heat_correction_L", &qo_family_landauer, QT_LQ_CORRECTION_L, 0, "E_u^2/h",
     "docs/physics/landauer.md §3.3; proofs/landauer.md", "quantum term Q^L = T_L int dE T(E) D(f_R || f_L) = -I_Q^L + T_L I_S", NULL},
    {"landauer.entropy_production", &qo_family_landauer, QT_LQ_PRODUCTION, 0, "k_B E_u/h",
     "docs/physics/landauer.md §3.3 (1); proofs/landauer.md", "Q^R/T_R + Q^L/T_L", NULL},
    {"landauer.reduced_entropy_current_R", &qo_family_landauer, QT_LQ_REDUCED_R, 0, "k_B E_u/h",
     "docs/physics/landauer.md §3.4 B; proofs/landauer.md", "outgoing-state alternative int dE [sigma(T f_L + (1-T) f_R) - sigma(f_R)]", NULL},
    {"landauer.level_entropy", &qo_family_landauer, QT_LQ_LEVEL_ENTROPY, 0, "k_B",
     "docs/physics/landauer.md §4.2; proofs/landauer.md", "NESS level entropy sum_a (G_a/G) s(w_a) (model=lorentzian, stats=fermion)", NULL},
    {"driven_level.quasistatic_heat", &qo_family_driven_level, QT_DL_HEAT, 0, "E_u per unit d(eps0)/dt (hbar = 1)",
     "docs/physics/landauer.md §4.4; proofs/landauer.md", "int rho_S (E - mu) d_E f dE = -(1/pi) Im[(w - 1/2) psi'(w)]", NULL},
    {"driven_level.dissipated_power", &qo_family_driven_level, QT_DL_POWER, 0, "per unit (d(eps0)/dt)^2 (hbar = 1)",
     "docs/physics/landauer.md §4.4; proofs/landauer.md", "pi int (-d_E f) rho_S^2 dE", NULL},
    {"driven_level.entropy", &qo_family_driven_level, QT_DL_ENTROPY, 0, "k_B",
     "docs/physics/landauer.md §4.4; proofs/landauer.md", "int rho_S sigma_F(f) dE = s(w)", NULL},
    {"state.von_neumann_entropy", &qo_family_state, QO_ST_ENTROPY, 0, "k_B (nats)",
     "docs/physics/open_systems.md §2.1; proofs/open_systems.md", "S = -tr rho ln rho (exact multiplicities, 0 ln 0 = 0)", NULL},
    {"state.purity", &qo_family_state, QO_ST_PURITY, 0, "dimensionless",
     "proofs/open_systems.md", "tr rho^2 (an exact rational)", NULL},
    {"state.energy", &qo_family_state, QO_ST_ENERGY, 0, "energy units of H",
     "docs/physics/open_systems.md §2.4; proofs/open_systems.md", "E = tr rho H (an exact rational)", NULL},
    {"state.energy_entropy", &qo_family_state, QO_ST_ENERGY_ENTROPY, 0, "k_B (nats)",
     "docs/physics/open_systems.md §2.2; proofs/open_systems.md",
     "definition=outcome: Shannon entropy of p_E = tr(P_E rho); definition=dephased: S(Delta_H rho) (equal for non-degenerate H)", NULL},
    {"state.coherence", &qo_family_state, QO_ST_COHERENCE, 0, "k_B (nats)",
     "docs/physics/open_systems.md §2.3; proofs/open_systems.md", "C_rel = S(Delta_H rho) - S(rho), block dephasing in the eigenspaces of H", NULL},
    {"state.relative_entropy", &qo_family_state, QO_ST_RELATIVE, 0, "k_B (nats)",
     "docs/physics/open_systems.md §2.3; proofs/open_systems.md", "D(rho || sigma) = tr rho (ln rho - ln sigma); exactly +inf when supp rho is not in supp sigma", NULL},
    {"qubit_davies.trajectory", &qo_family_qubit_davies, QO_QD_TRAJECTORY, 1, "k_B = hbar = 1 (nats, energies in the units of omega)",
     "docs/physics/open_systems.md §3 M1/M2; proofs/open_systems.md M1-M4",
     "every output (S, S_dot, ..., Sigma) of a qubit under thermal amplitude damping + dephasing, in closed form", NULL},
    {"qubit_davies.tstar", &qo_family_qubit_davies, QO_QD_TSTAR, 0, "1/omega (time)",
     "docs/physics/open_systems.md §3 M1; proofs/open_systems.md M3", "t* = ln(2 (nbar+1)) / (gamma (2 nbar + 1)), where the trajectory from |e> crosses I/2",
     "omega beta gamma gamma_phi x0 y0 z0 (z0 = 1, gamma > 0)"},
    {"qubit_ramp.trajectory", &qo_family_qubit_ramp, 0, 1, "k_B = hbar = 1 (nats, energies in the units of omega0)",
     "docs/physics/open_systems.md §2.5 and 5 identity 11; proofs/open_systems.md R1-R4",
     "a driven qubit H(t) = (omega0 + omega1 t) sigma_z / 2 under the Davies generator at the instantaneous frequency: every output of qubit_davies.trajectory relative to the instantaneous Gibbs state, and W_dot, W, F_dot, Delta_F, D_rel_dot (identity 11)", NULL},
    {"lindblad.trajectory", &qo_family_lindblad, 0, 1, "k_B = hbar = 1 (nats, energies in the units of H)",
     "docs/physics/open_systems.md §2.1-2.11; proofs/open_systems.md L1-L4, L7, E7-E12",
     "every output at time t of rho(t) = exp(tL) rho0 for a Lindblad generator with thermal baths (general route)", NULL},
    {"fano_anderson.trajectory", &qo_family_fano_anderson, QO_FA_TRAJECTORY, 1, "k_B = hbar = 1 (nats, energies in the units of omega0)",
     "docs/physics/open_systems.md §3 M4; proofs/open_systems.md F1-F4",
     "every output of a mode + Lorentzian Fano-Anderson reservoir at T = 0 (exact, non-Markovian), from c0|0> + c1|1>", NULL},
    {"fano_anderson.tzero", &qo_family_fano_anderson, QO_FA_TZERO, 0, "1/omega0 (time)",
     "docs/physics/open_systems.md §3 M4; proofs/open_systems.md F2", "first zero of G(t) (gamma0 > lambda/2), where the local-in-time rate has a pole",
     "gamma0 lambda omega0 p1 (gamma0 > lambda/2; p1 = 1 by default)"},
    {"damped_mode.trajectory", &qo_family_damped_mode, 0, 1, "k_B = hbar = 1 (nats, energies in the units of omega)",
     "docs/physics/open_systems.md §3 M3; proofs/open_systems.md B1-B4",
     "every output of a thermally damped bosonic mode from a coherent state (energy entropy by the Fock series with proven tail bounds)", NULL},
    {"lindblad.cycle", &qo_family_cycle, 0, 1, "k_B = hbar = 1 (energies in the units of H)",
     "docs/physics/open_systems.md §2.5, 2.9, 7.8; proofs/open_systems.md C1-C3",
     "heats and work per cycle on the certified limit cycle of a sequence of strokes, and the efficiency forms side by side", NULL},
    {"pump.steady_state", &qo_family_pump, QO_PUMP_STEADY, 1, "dimensionless (entries), k_B (S0), energy (E0)",
     "docs/physics/pumping.md §2; proofs/pumping.md P2, P10, P20",
     "the instantaneous steady state rho0 at (Bx, Bz) (equal T: the Gibbs state from the exact spectrum of H; T_R != T: the stationary state of the global Davies generator), its entropy and energy", NULL},
    {"pump.lambda", &qo_family_pump, QO_PUMP_LAMBDA, 1, "heat per unit field (k_B = hbar = 1)",
     "docs/physics/pumping.md §2; proofs/pumping.md P1-P3, P9, P12, P13, P19, P25, P29",
     "geometric coefficients Lambda_{a,k} = -tr(H D_a L^+ d_k rho0) at (Bx, Bz), the steady-state entropy and the sum rules (1-3 qubits; bath R may have its own temperature T_R)", NULL},
    {"pump.curvature", &qo_family_pump, QO_PUMP_CURVATURE, 1, "heat per unit field^2 (k_B = hbar = 1)",
     "docs/physics/pumping.md §2; proofs/pumping.md P7",
     "the rotor (Berry curvature) Omega_a = d_x Lambda_{a,z} - d_z Lambda_{a,x} at (Bx, Bz), from exact derivatives (Cauchy integrals)", NULL},
    {"pump.friction", &qo_family_pump, QO_PUMP_FRICTION, 1, "energy per unit field^2 x time (k_B = hbar = 1)",
     "docs/physics/pumping.md §2; proofs/pumping.md P8 (one qubit), P17 (the global Davies route for 2-3 qubits), P21 (T_R != T), P29 (J = 0, T_R != T)",
     "the friction tensor zeta_kl = tr(d_k H L^+ d_l rho0) at (Bx, Bz) by the full Lindblad route (1-3 qubits; 2-3 by the global Davies generator with exact Bohr-frequency grouping; T_R != T: rho0 the non-equilibrium steady state, simple levels, or two qubits with J = 0 in a named layout by the field frame), its symmetric part (the metric) and det", NULL},
    {"pump.heat_per_cycle", &qo_family_pump, QO_PUMP_HEAT, 1, "energy (k_B = hbar = 1), heat into each bath per cycle",
     "docs/physics/pumping.md §2-3; proofs/pumping.md P4-P6, P11, P13, P15, P16, P18, P23, P24, P26-P31",
     "Q_a = oint Lambda_a . dlambda over a counter-clockwise protocol, by certified complex quadrature; the sum-rule residual; the quadrant limit with proven tail bounds (one qubit, coupling=local, two or three Heisenberg qubits, further baths); with period: the dissipated work and the thermodynamic length (at T_R != T the dissipated work only)", NULL},
};

const qo_quantity *
qo_quantity_at(int i)
{
    if (i < 0 || i >= (int) (sizeof table / sizeof table[0]))
        return NULL;
    return table + i;
}

const char *
qo_quantity_params(const qo_quantity *q)
{
    return q->params != NULL ? q->params : q->family->param_names;
}

const qo_quantity *
qo_quantity_find(const char *name)
{
    int i;
    for (i = 0; qo_quantity_at(i) != NULL; i++)
        if (strcmp(table[i].name, name) == 0)
            return table + i;
    return NULL;
}
