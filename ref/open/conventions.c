/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* conventions.c -- the conventions of the open-systems vector files (state, trajectory) and user guide
 * (docs/open_systems.md). */
#include "qtoracle/state.h"
#include "qtoracle/trajectory.h"

const qt_convention qt_state_conventions[] = {
    {"units", "hbar = k_B = 1; entropies in nats (natural logarithm), 0 ln 0 = 0"},
    {"matrices", "explicit matrices {dims: [n, n], re: [...], im: [...]}, row-major, entries exact strings; basis order as given (qubits: |e> = (1,0), |g> = (0,1), sigma_z |e> = +|e>)"},
    {"state", "rho Hermitian, trace 1, positive semidefinite: decided exactly; otherwise the case expects an error"},
    {"energy", "E = tr(rho H)"},
    {NULL, NULL}
};

const qt_convention qt_trajectory_conventions[] = {
    {"units", "hbar = k_B = 1; entropies in nats; energies in the units of omega (qubit_davies) or of H (lindblad)"},
    {"qubit", "basis (|e>, |g>), sigma_z |e> = +|e>, sigma_- = |g><e|, rho = (1 + x sigma_x + y sigma_y + z sigma_z)/2, H = (omega/2) sigma_z"},
    {"master_equation", "d rho/dt = -i[H, rho] + sum_k r_k D[L_k] rho, D[L] rho = L rho L^* - 1/2 {L^* L, rho}; a thermal channel (L, gamma, omega) adds L at r = gamma (nbar + 1) and L^* at r = gamma nbar, nbar = 1/(e^{beta omega} - 1); a plain channel adds L at r = gamma; qubit_davies: thermal sigma_- with gamma, plain sigma_z with gamma_phi/2"},
    {"heat", "J = tr(rho_dot H) and J_j are positive into the system; Q = E(t) - E(0)"},
    {"temperatures", "beta_A = S_dot/J, beta_R = S_dot/Qdot_R, beta_E = S_E_dot/J; a ratio with a zero or infinite denominator is a domain-error output with its reason"},
    {"energy_entropy", "S_E = S(Delta_H rho) (the dephased definition; equal to the outcome definition for non-degenerate H)"},
    {"reference", "each case names the reference state of D_rel and Sigma: gibbs (every bath at one beta with a proven Gibbs fixed point) or stationary (the certified stationary state), or none (fano_anderson: the T = 0 fixed point is pure, D_rel is +inf or 0 and Sigma is undefined)"},
    {"infinities", "an exact +-inf (e.g. S_dot of a pure state under a thermal bath) is a value with lo = hi = inf; a consumer must report that infinity"},
    {NULL, NULL}
};
