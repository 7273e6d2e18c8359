/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* state.h -- functions of an exact density matrix (docs/physics/open_systems.md §2.1-2.4), hbar = k_B = 1,
 * entropies in nats.  rho must be Hermitian, of trace 1 and positive semidefinite: decided
 * exactly; a violation is QT_DOMAIN with a message naming rho and the reason. */
#ifndef QTORACLE_STATE_H
#define QTORACLE_STATE_H

#include "qtoracle/matrix.h"

int qt_state_validate(const qt_qmat_t rho, char *reason);
int qt_hamiltonian_validate(const qt_qmat_t H, slong n, char *reason);
int qt_state_and_hamiltonian_validate(const qt_qmat_t rho, const qt_qmat_t H, char *reason);

/* S = -tr rho ln rho */
int qt_state_von_neumann_entropy(arb_t res, const qt_qmat_t rho, slong prec, char *reason);
/* tr rho^2 (exact rational, returned as a ball) */
int qt_state_purity(arb_t res, const qt_qmat_t rho, slong prec, char *reason);
/* E = tr rho H (exact rational, returned as a ball) */
int qt_state_energy(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, slong prec, char *reason);

/* Energy (diagonal) entropy, docs/physics/open_systems.md §2.2, with the two definitions named:
 *   QT_EE_OUTCOME:  Shannon entropy of the outcomes p_E = tr(P_E rho) of an energy measurement
 *   QT_EE_DEPHASED: S(Delta_H rho), Delta_H rho = sum_E P_E rho P_E
 * They coincide for non-degenerate H.  For a degenerate H whose eigenvalues are not all rational
 * QT_EE_DEPHASED is not implemented yet (QT_UNCERTIFIED, infinite ball). */
enum { QT_EE_OUTCOME = 0, QT_EE_DEPHASED = 1 };
int qt_state_energy_entropy(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, int definition, slong prec, char *reason);
/* relative entropy of coherence in the energy eigenbasis: S(Delta_H rho) - S(rho) (docs/physics/open_systems.md §2.3) */
int qt_state_coherence(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, slong prec, char *reason);
/* D(rho || sigma) = tr rho (ln rho - ln sigma); exactly +inf (radius 0) when supp rho is not
 * contained in supp sigma, decided exactly (rank test, lemma E5) */
int qt_state_relative_entropy(arb_t res, const qt_qmat_t rho, const qt_qmat_t sigma, slong prec, char *reason);

/* the conventions of the state vector files and docs/open_systems.md ({NULL, NULL}-terminated) */
extern const qt_convention qt_state_conventions[];

#endif
