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
    int hermitian_h;                /* the exact H is Hermitian (qt_lindblad_set_hamiltonian_hermitian) */
    int adjoint_given;              /* some operator came with its own "adjoint" (qt_lindblad_add_with_adjoint) */
}
qt_lindblad_struct;
typedef qt_lindblad_struct qt_lindblad_t[1];

void qt_lindblad_init(qt_lindblad_t G, slong n);
void qt_lindblad_clear(qt_lindblad_t G);
void qt_lindblad_set_hamiltonian(qt_lindblad_t G, const acb_mat_t H);
/* the same, with the caller's guarantee that the exact Hamiltonian the ball H stands for is Hermitian (for example
 * the conversion of an exact Hermitian matrix): with real rates >= 0 and every operator added by qt_lindblad_add, the
 * generator is then of GKSL form and exp(tL), t >= 0, is completely positive and trace preserving (lemma L7 (e)) */
void qt_lindblad_set_hamiltonian_hermitian(qt_lindblad_t G, const acb_mat_t H);
void qt_lindblad_add(qt_lindblad_t G, const acb_mat_t L, const acb_t rate, slong group, slong prec);
/* the same with the adjoint given: for operators that are real analytic functions of parameters
 * continued to complex parameter balls, pass the plain transpose, so that the generator stays
 * holomorphic (a complex conjugate is not) */
void qt_lindblad_add_with_adjoint(qt_lindblad_t G, const acb_mat_t L, const acb_mat_t Ld, const acb_t rate,
                                  slong group, slong prec);

/* the budget of the dense Liouvillian routes (the stationary state, cycles of strokes, and the dense propagator): the
 * superoperator is n^2 x n^2, so its exponential or solve costs memory ~ n^4 and time ~ n^6 per working precision
 * (about 5 s for n = 16 at 20 digits on one core); beyond it these routes refuse (cycles up front as QT_DOMAIN, the
 * stationary state as QT_UNCERTIFIED), naming the limit */
#define QT_LIOUVILLE_MAX_DIM 16
/* the budget of general Lindblad trajectories, which propagate by the action of L (lemma L7, O(n^3) per product):
 * at most QT_QMAT_MAX_DIM levels, refused up front beyond */
#define QT_LINDBLAD_MAX_DIM QT_QMAT_MAX_DIM

/* 1 iff the generator is of GKSL form for certain: H set with the Hermitian guarantee, every operator added with its
 * conjugate transpose, every rate ball real and >= 0 (then exp(tL), t >= 0, is completely positive and trace
 * preserving) */
int qt_lindblad_is_gksl(const qt_lindblad_t G);

/* Y = L(X) (group < 0), or only the dissipators labelled `group` (no Hamiltonian part) */
void qt_lindblad_apply(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, slong prec);
/* the dual under the trace pairing, tr(X L(Z)) = tr(L'(X) Z) for all Z (with the operators' adjoints as given):
   L'(X) = i[H, X] + sum rate (L^* X L - {L^* L, X}/2) (group < 0), or only the dissipators labelled `group`.
   For Lambda = -tr(H D(X_k)) over several X_k: one dual application instead of one per X_k (lemma L1b) */
void qt_lindblad_apply_dual(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, slong prec);
/* the n^2 x n^2 superoperator matrix (column stacking) */
void qt_lindblad_superop(acb_mat_t S, const qt_lindblad_t G, slong prec);
void qt_mat_vec(acb_mat_t v, const acb_mat_t X);       /* v is n^2 x 1 */
void qt_mat_unvec(acb_mat_t X, const acb_mat_t v);
/* the unit-trace fixed-point system of an n^2 x n^2 matrix A (column stacking): row 0, that of the diagonal index
 * (0,0), becomes the trace functional and b (n^2 x 1) becomes e_0, so A x = b adds tr X = 1 to the other equations
 * (lemmas L3 and C1) */
void qt_trace_row_system(acb_mat_t A, acb_mat_t b, slong n);
/* X(t) = exp(t L) X0; if I != NULL also I = int_0^t X(s) ds.  The route is chosen by cost (lindblad_solve.c):
 * the action of L (lemma L7) or, where that would take more operations, the dense superoperator exponential
 * (lemma L2, n <= QT_LIOUVILLE_MAX_DIM).  QT_UNCERTIFIED ("effort cap") if neither fits its budget. */
int qt_lindblad_propagate(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                          const arb_t t, slong prec, char *reason);
/* the dense route: exp of the augmented n^2+1 superoperator (lemma L2), O(n^6) */
void qt_lindblad_propagate_dense(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                                 const arb_t t, slong prec);
/* the action route (lindblad_action.c, lemma L7): t cut into s steps with |t/s| nu <= theta = clamp(prec/16, 2, 64)
 * for a norm bound nu >= ||L||, each step a Taylor polynomial of degree K with its remainder bound in the radii;
 * O(s K (1+k) n^3), less for sparse operators and a small structural support (L7 (f): computed on its entries only).  qt_lindblad_action_steps gives s (WORD_MAX if astronomically many) and K; more than max_steps,
 * or astronomically many: QT_UNCERTIFIED */
#define QT_LINDBLAD_ACTION_MAX_DEGREE 4000
/* the work cap of qt_lindblad_propagate's action route: s (1 + k) n^3 <= QT_LINDBLAD_ACTION_MAX_WORK for s steps and
 * k jump operators (about 10 minutes at 15 digits on one core here); beyond it QT_UNCERTIFIED, "effort cap" */
#define QT_LINDBLAD_ACTION_MAX_WORK 2e9
/* lemma L7 (f): the structural support of exp(tL) X0, t real, for every generator in the ball G: S[i n + j] = 1 on the
 * least set of index pairs that holds the pairs where X0 is not an exact zero and is closed under the generator's
 * products with the exact-zero pattern of H, L_k, L_k^* (as given) and L_k^* L_k (lindblad_pattern.c); 0 elsewhere.
 * Returns the number of pairs in it.  S has n^2 entries. */
slong qt_lindblad_support_pattern(char *S, const qt_lindblad_t G, const acb_mat_t X0);
slong qt_lindblad_action_steps(slong *K, const qt_lindblad_t G, const arb_t t, slong prec);
int qt_lindblad_propagate_action(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                                 const arb_t t, slong max_steps, slong prec, char *reason);
/* the stationary state: L(X) = 0, tr X = 1 (trace functional replacing the first diagonal row, lemma L3), by the
 * cheaper route: the blocks of qt_lindblad_steady_state_blocks where 8 sum |C|^3 < n^6 or n > QT_LIOUVILLE_MAX_DIM,
 * else the dense system.  QT_UNCERTIFIED if the solve cannot prove the system nonsingular, which includes a non-unique
 * stationary state, or beyond the blocks' budget */
int qt_lindblad_steady_state(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason);
/* the dense route: one n^2 x n^2 system (for a GKSL generator the real system of its Hermitian parameters, L3 (b));
 * QT_UNCERTIFIED beyond QT_LIOUVILLE_MAX_DIM levels */
int qt_lindblad_steady_state_dense(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason);
/* the blocks of the superoperators of the generators G[0..ng) (one n; lemma L3 (c), lindblad_blocks.c): the n^2 index
 * pairs, (i, j) at i + j n, joined where some generator's superoperator may have an entry in the row of one and the
 * column of the other (by the operators' exact zeros), and (0,0) joined to every (i, i) (the trace row).  Every
 * generator, and so every exponential and product of them, maps the matrices supported on a block into themselves.
 * Fills idx (the pairs block by block, ascending: block c is idx[first[c] .. first[c + 1])), pos[q] (q's place in
 * its block) and first (nb + 1 entries); arrays of n^2 (first: n^2 + 1) entries from the caller.  Returns nb; block
 * 0 holds (0,0).  Beyond 2^26 joins of the pattern (effort only) every pair is put in one block (a coarser cut is
 * always valid) */
slong qt_lindblad_blocks(slong *idx, slong *pos, slong *first, const qt_lindblad_struct *G, slong ng);
/* the budget of the blocks (effort only) for reps passes over them (1 for a solve, the strokes of a cycle): none above
 * QT_LIOUVILLE_MAX_DIM^2 unknowns and reps sum |C|^3 at most 4 min(reps, 16) times the dense system of
 * QT_LIOUVILLE_MAX_DIM levels; else QT_UNCERTIFIED with a reason naming what (e.g. "the stationary state") and the
 * sizes */
int qt_lindblad_blocks_fit(const slong *first, slong nb, slong n, slong reps, const char *what, char *reason);
/* 1 iff the blocks of G[0..ng) cost less than the whole n^2 x n^2 system: 8 sum |C|^3 < n^6 (complex block operations
 * against real or complex dense ones, effort only); the route choice of the stationary state and of cycles */
int qt_lindblad_blocks_cheaper(const qt_lindblad_struct *G, slong ng);
/* a generator prepared for qt_lindblad_block_matrix: its operators' nonzero patterns and scaled entries (i H,
 * rate L_k, rate/2 L_k^* L_k) at prec, once for all blocks */
typedef struct qt_lindblad_block_ops_struct qt_lindblad_block_ops_struct;
qt_lindblad_block_ops_struct *qt_lindblad_block_ops_init(const qt_lindblad_t G, slong prec);
void qt_lindblad_block_ops_clear(qt_lindblad_block_ops_struct *B);
/* A (m x m) = the prepared generator's superoperator restricted to the block whose pairs are idx[0..m) (pos from
 * qt_lindblad_blocks): column q is L(E_ij), (i, j) = idx[q], from the operators' nonzero entries */
void qt_lindblad_block_matrix(acb_mat_t A, const qt_lindblad_block_ops_struct *B, const slong *idx, const slong *pos,
                              slong prec);
/* 1 if the square ball matrix A is proven nonsingular: a ball LU whose pivots exclude 0 (a third of a solve's work),
 * else the preconditioned solve; 0 if neither proves it */
int qt_lindblad_block_nonsingular(const acb_mat_t A, slong prec);
/* the same system cut into the blocks of its exact-zero pattern (lemma L3 (c), lindblad_steady_blocks.c): the block
 * holding the trace solved, every other block proven nonsingular (its part of X is exactly 0); the Hermitian part
 * taken for a GKSL generator.  Cost sum |C|^3 over the blocks C; refused (QT_UNCERTIFIED, naming the sizes) if a block
 * has more than QT_LIOUVILLE_MAX_DIM^2 unknowns or the sum exceeds four dense solves of QT_LIOUVILLE_MAX_DIM levels.
 * Any n; where both apply, the two routes are each other's second method */
int qt_lindblad_steady_state_blocks(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason);

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
