/* state.h -- functions of an exact density matrix (open_systems.md 2.1-2.4), hbar = k_B = 1,
 * entropies in nats.  rho must be Hermitian, of trace 1 and positive semidefinite: decided
 * exactly; a violation is QT_DOMAIN with a message naming rho and the reason. */
#ifndef QTORACLE_STATE_H
#define QTORACLE_STATE_H

#include "qtoracle/matrix.h"

int qt_state_validate(const qt_qmat_t rho, char *reason);
int qt_hamiltonian_validate(const qt_qmat_t H, slong n, char *reason);

/* S = -tr rho ln rho */
int qt_state_von_neumann_entropy(arb_t res, const qt_qmat_t rho, slong prec, char *reason);
/* tr rho^2 (exact rational, returned as a ball) */
int qt_state_purity(arb_t res, const qt_qmat_t rho, slong prec, char *reason);
/* E = tr rho H (exact rational, returned as a ball) */
int qt_state_energy(arb_t res, const qt_qmat_t rho, const qt_qmat_t H, slong prec, char *reason);

#endif
