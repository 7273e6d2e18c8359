/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad.h -- Lindblad generators in ball arithmetic (shared machinery, ref/core/).
 * L(X) = -i[H, X] + sum_k r_k (L_k X L_k^* - 1/2 {L_k^* L_k, X}), hbar = 1.
 * Rates enter linearly and never under a square root or a conjugation, so the generator is
 * holomorphic in every parameter the rates and H depend on holomorphically.
 * Vectorisation is column stacking: vec(X)[i + j n] = X[i][j]. */
#ifndef QTORACLE_LINDBLAD_H
#define QTORACLE_LINDBLAD_H

#include "qtoracle/matrix.h"

typedef struct
{
    slong n, nops, alloc;
    acb_mat_t H;
    acb_mat_struct *L, *Ld, *LdL;   /* L_k, L_k^*, L_k^* L_k */
    acb_ptr rate;
    slong *group;                   /* a label per operator (the bath it belongs to) */
}
qt_lindblad_struct;
typedef qt_lindblad_struct qt_lindblad_t[1];

void qt_lindblad_init(qt_lindblad_t G, slong n);
void qt_lindblad_clear(qt_lindblad_t G);
void qt_lindblad_set_hamiltonian(qt_lindblad_t G, const acb_mat_t H);
void qt_lindblad_add(qt_lindblad_t G, const acb_mat_t L, const acb_t rate, slong group, slong prec);
/* the same with the adjoint given: for operators that are real analytic functions of parameters
 * continued to complex parameter balls, pass the plain transpose, so that the generator stays
 * holomorphic (a complex conjugate is not) */
void qt_lindblad_add_with_adjoint(qt_lindblad_t G, const acb_mat_t L, const acb_mat_t Ld, const acb_t rate,
                                  slong group, slong prec);

/* the budget of the dense Liouvillian routes (trajectories and cycles of general open models): the superoperator is
 * n^2 x n^2, so its exponential costs memory ~ n^4 and time ~ n^6 per working precision (about 10 s for n = 16 at 30
 * digits on one core); models of larger dimension are refused up front as QT_DOMAIN, naming the limit */
#define QT_LIOUVILLE_MAX_DIM 16

/* Y = L(X) (group < 0), or only the dissipators labelled `group` (no Hamiltonian part) */
void qt_lindblad_apply(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, slong prec);
/* the n^2 x n^2 superoperator matrix (column stacking) */
void qt_lindblad_superop(acb_mat_t S, const qt_lindblad_t G, slong prec);
void qt_mat_vec(acb_mat_t v, const acb_mat_t X);       /* v is n^2 x 1 */
void qt_mat_unvec(acb_mat_t X, const acb_mat_t v);
/* X(t) = exp(t L) X0; if I != NULL also I = int_0^t X(s) ds (augmented exponential, lemma L2) */
void qt_lindblad_propagate(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                           const arb_t t, slong prec);
/* the stationary state: L(X) = 0, tr X = 1 (trace functional replacing the first diagonal
 * row, lemma L3); QT_UNCERTIFIED if the solve cannot prove the system nonsingular, which
 * includes a non-unique stationary state */
int qt_lindblad_steady_state(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason);

/* X = L^+ Y, the Drazin (group) inverse on traceless operators: S X = Y, tr X = 0, for traceless
 * Y (several right-hand sides may be stacked side by side: Y and X are n x (m n)); S is the
 * superoperator.  QT_UNCERTIFIED if nonsingularity cannot be proven (lemma L5) */
int qt_lindblad_drazin_solve(acb_mat_t X, const acb_mat_t S, const acb_mat_t Y, slong prec, char *reason);

/* lemma E12: exact bounds on the support of rho(t) = exp(tL) rho0, t > 0, for the generator with Hamiltonian H and
 * jump operators A[0..nA) (every operator acting with a nonzero rate; extra ones only weaken the bound).  Returns
 * dim U, an upper bound on rank rho(t) for every t > 0 (so rho(t) has at least n - dim U zero eigenvalues), and, if
 * requested, dim U2 and an n x n matrix U2 whose first *dim_U2 columns are a basis of a subspace containing
 * supp rho(t) for every t >= 0 (the other columns 0).  Returns -1 (nothing decided) if n > QT_SUPPORT_MAX_DIM. */
#define QT_SUPPORT_MAX_DIM 8
slong qt_lindblad_support_bound(slong *dim_U2, qt_qmat_t U2, const qt_qmat_t H, const qt_qmat_struct *A, slong nA,
                                const qt_qmat_t rho0);

#endif
