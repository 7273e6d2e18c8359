/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* pump_internal.h -- helpers shared by the pump routes (not public). */
#ifndef QT_PUMP_INTERNAL_H
#define QT_PUMP_INTERNAL_H
#include <arb_mat.h>
#include "qtoracle/pump.h"

/* ---- what kind of model (model_kind.c): decided once, switched on by the dispatchers lambda.c and friction.c ---- */
typedef enum
{
    QT_PUMP_KIND_QUBIT,     /* one qubit, baths L and R: the closed routes (lemmas P2, P3, P12; P14, P22) */
    QT_PUMP_KIND_PRODUCT,   /* N > 1 independent qubits, coupling=local: sums over one-qubit factors (P16) */
    QT_PUMP_KIND_HEIS2,     /* two qubits, Delta = 1, J != 0, a named layout, baths L, R: Lambda by the closed route
                               P13, zeta by the field frame P18 */
    QT_PUMP_KIND_J0_PAIR,   /* two qubits, J = 0, a named layout, baths L, R: the field frame with the degenerate pair
                               grouped exactly (P25, P29) */
    QT_PUMP_KIND_HEIS3,     /* three qubits, Delta = 1, J != 0, a named layout, baths L, R: Lambda by the eigen route,
                               zeta by the field frame P31 (equal T) */
    QT_PUMP_KIND_GENERIC    /* any other model (coupling matrices, Delta != 1, further baths, one qubit with further
                               baths): Lambda by the eigen route P9/P19, zeta by P24 */
}
qt_pump_kind;
qt_pump_kind qt_pump_model_kind(const qt_pump_params_struct *P);

/* the routes the dispatchers choose from */
/* route_qubit.c: one qubit with baths L and R, the closed secular route (P2, P3, P12) */
int qt_pump_lambda_qubit_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                             int analytic, slong prec, char *reason);
/* route_qubit_full.c: the friction tensor of one qubit by the full Lindblad route (the product route's factor) */
int qt_pump_friction_qubit_full_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                                    int analytic, slong prec, char *reason);
/* route_heis2_closed.c: two Heisenberg qubits by the closed route of P13 at a Cartesian (complex) point */
int qt_pump_lambda_heis2_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                             int analytic, slong prec, char *reason);

/* population_system.c: the certified solves of the population routes (route_population.c, route_axis.c).  A factored
   once for X = A^-1 Y, so that each right-hand side costs only the triangular solves.  A complex A (a probe ball of
   the quadrature, whose entries are wide): the steps acb_mat_solve_precond takes (R ~ mid(A)^-1 by an approximate
   solve, then the ball LU of R A; each right-hand side R Y; each column's operations those of its own
   acb_mat_solve_precond call), which keep a finite enclosure on far wider balls than elimination on A itself.  A real
   A (exact zero imaginary parts: a point, a Gauss-Legendre node; radii near 2^-prec): in real ball arithmetic, where
   Arb's arb_mat_solve would (d <= 4 or prec > 10 d) the ball LU of A itself with partial pivoting (a third of the
   operations), else the preconditioned steps.  ok = 0 if A cannot be proven nonsingular (a pivot ball containing 0:
   the caller reports could-not-certify, and a higher precision narrows the pivots) */
typedef struct
{
    int ok, real, precond;
    slong d, *perm;
    const acb_mat_struct *A;
    arb_mat_t r, lu;                   /* real: R (if precond) and the LU of R A, else the LU of A */
    acb_mat_t rc, luc;                 /* complex: R and the LU of R A */
}
qt_pump_system_struct;

/* force_complex = 1: the complex steps even if A is real */
void qt_pump_system_init(qt_pump_system_struct *F, const acb_mat_t A, int force_complex, slong prec);
void qt_pump_system_clear(qt_pump_system_struct *F);
/* X = A^-1 Y (a real A with a complex Y: the complex steps, factored for this Y); 0 if A was not proven nonsingular */
int qt_pump_system_apply(acb_mat_t X, const qt_pump_system_struct *F, const acb_mat_t Y, slong prec);

/* route_population.c: Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n (lemma P9) from levels E, their derivatives dE and
   the weights C (and dC at unequal temperatures); ref: the level the Gibbs law is shifted by */
int qt_pump_population_lambda(acb_ptr Lam, const qt_pump_params_struct *P, acb_srcptr E, const acb_mat_struct *C,
                              const acb_mat_struct *dC, acb_srcptr dE, slong ref, slong prec, char *reason);

/* the vocabularies of the pump.* records (vocabulary.c) */
extern const qt_record_vocabulary qt_pump_lambda_vocabulary, qt_pump_heat_vocabulary, qt_pump_curvature_vocabulary,
    qt_pump_friction_vocabulary, qt_pump_steady_state_vocabulary;

/* B^2 = B_x^2 + B_z^2, B = sqrt(B^2) on the principal branch (Re B^2 > 0 certified, lemma P1), the scale s
 * of the convention and T; on failure out[0..nout) is set indeterminate and the status returned
 * (QT_UNCERTIFIED if analytic, else QT_DOMAIN: B = 0 is the level degeneracy) */
int qt_pump_qubit_field(acb_t B2, acb_t B, acb_t s, acb_t T, acb_ptr out, slong nout,
                        const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz, int analytic,
                        slong prec, char *reason);

/* the temperature of bath a: 0 = L at T, 1 = R at T_R (which defaults to T), 2, 3 = baths 3, 4 at T_x */
void qt_pump_bath_temperature(acb_t Ta, const qt_pump_params_struct *P, int a, slong prec);
/* the rate gamma_a of bath a (gamma_L, gamma_R, gamma_x) */
void qt_pump_bath_rate(acb_t g, const qt_pump_params_struct *P, int a, slong prec);

/* the line integrals and Cauchy derivatives integrate two baths at once (lemmas P5, P7): for the pair of baths
 * (2 pair, 2 pair + 1) res = Lambda_{2 pair, k} + i Lambda_{2 pair + 1, k} (only the first if 2 pair + 1 = nb), with
 * Lambda_{a, k} = Lam[stride a + k] (stride 2: both directions per bath; 1: one component per bath, as on an axis);
 * the number of pairs is (nb + 1) / 2 */
void qt_pump_lambda_pair(acb_t res, acb_srcptr Lam, slong nb, slong pair, slong stride, int k, slong prec);

/* the gradient of n_x^2 = B_x^2/|B|^2 in the field plane, with n = B/r, r = |B|:
 * g[0] = d_x n_x^2 = 2 n_x n_z^2 / r, g[1] = d_z n_x^2 = -2 n_x^2 n_z / r (and d_k n_z^2 = -g[k]) */
void qt_pump_nx2_gradient(acb_ptr g, const acb_t nx, const acb_t nz, const acb_t r, slong prec);

/* one piece of a protocol boundary, parametrised on u in [0, 1] (lemma P4):
 * arc: B = c + rad (cos phi, sin phi), phi = a + (b - a) u;  line: B = p0 + (p1 - p0) u */
typedef struct
{
    int arc;
    arb_t cx, cz, rad, a, b;
    arb_t x0, z0, x1, z1;
}
qt_pump_piece_struct;

void qt_pump_piece_init(qt_pump_piece_struct *p);
void qt_pump_piece_clear(qt_pump_piece_struct *p);
/* the point B(u) and the velocity B'(u) at a (complex) u */
void qt_pump_piece_eval(acb_t Bx, acb_t Bz, acb_t dx, acb_t dz, const qt_pump_piece_struct *p, const acb_t u, slong prec);
/* the length of the piece, |b - a| rad or |p1 - p0| */
void qt_pump_piece_length(arb_t len, const qt_pump_piece_struct *p, slong prec);

/* the counter-clockwise boundary of a circle, a polygon (made counter-clockwise by its exact signed area)
 * or the annular sector r in [r0, r1], theta in [t0, t1] (outer arc, inner arc backwards, two radial
 * legs); *np pieces are allocated in *pieces (free with qt_pump_pieces_clear) */
void qt_pump_protocol_pieces(qt_pump_piece_struct **pieces, slong *np, const qt_protocol_struct *C, slong prec);
/* twice the signed area of a polygon protocol, exactly (> 0: counter-clockwise; protocol.c) */
void qt_pump_polygon_area2(fmpq_t area, const qt_protocol_struct *C);
void qt_pump_sector_pieces(qt_pump_piece_struct **pieces, slong *np, const arb_t r0, const arb_t r1,
                           const arb_t t0, const arb_t t1, slong prec);
void qt_pump_pieces_clear(qt_pump_piece_struct *pieces, slong np);

/* the number of equal sub-pieces for qt_integrate_real_pieces: about per_unit per unit length, at most 10^6
 * (effort, not rigour) */
slong qt_pump_piece_count(const qt_pump_piece_struct *p, double per_unit);

/* N_q non-interacting qubits with local baths (coupling=local, lemma P16): factor j as a one-qubit model
 * (rates scaled by c_j^2, c = (1, b, 1)), and the sum over the factors of a one-qubit routine */
void qt_pump_product_factor(qt_pump_params_t F, const qt_pump_params_struct *P, slong j);
typedef int (*qt_pump_factor_fn)(acb_ptr out, const qt_pump_params_struct *F, const acb_t Bx, const acb_t Bz,
                                 int analytic, slong prec, char *reason);
int qt_pump_product_sum(acb_ptr out, slong nout, qt_pump_factor_fn fn, const qt_pump_params_struct *P, const acb_t Bx,
                        const acb_t Bz, int analytic, slong prec, char *reason);

/* the entropy of the one-qubit Gibbs state at field magnitude B: ln(2 cosh x) - x tanh x, x = sB/T */
void qt_pump_qubit_gibbs_entropy(arb_t S, const qt_pump_params_struct *P, const arb_t B, slong prec);

/* the quarter disc (radius != NULL) and the quadrant (radius == NULL) for two or three qubits with J = 0 on shared baths
 * in a named layout, in closed form (lemma P30, route_j0_corner.c): supported iff equal temperatures, no dark parity
 * sectors and the stationary state proven unique on both axes (an exact commutant) */
int qt_pump_j0_corner_like(const qt_pump_params_struct *P);
int qt_pump_j0_corner_supported(const qt_pump_params_struct *P, char *reason);
int qt_pump_j0_corner_heat(arb_ptr Q, const qt_pump_params_struct *P, const fmpq *radius, slong prec, char *reason);

/* a model along a curve (the dissipation, heat and curvature integrands): friction.c and lambda.c choose the route of
 * zeta and of Lambda at each point by the model's kind, as for one point, and the plan keeps what a route can share
 * between points: for the field frame of two qubits (route_frame_2q.c) the part that depends on the model and the
 * precision only, built at its first use */
typedef struct qt_pump_frame2_struct qt_pump_frame2_struct;
typedef struct
{
    const qt_pump_params_struct *P;
    qt_pump_frame2_struct *frame;      /* NULL unless the model has the two-qubit field frame (qt_pump_field_frame_like) */
}
qt_pump_plan_struct;
void qt_pump_plan_init(qt_pump_plan_struct *F, const qt_pump_params_struct *P);
void qt_pump_plan_clear(qt_pump_plan_struct *F);
int qt_pump_friction_plan_acb(acb_ptr zeta, qt_pump_plan_struct *F, const acb_t Bx, const acb_t Bz, int analytic,
                              slong prec, char *reason);
int qt_pump_lambda_plan_acb(acb_ptr Lam, qt_pump_plan_struct *F, const acb_t Bx, const acb_t Bz, int analytic,
                            slong prec, char *reason);
/* the field-frame routes with a plan's frame (a NULL frame: the refusal of a model without one) */
int qt_pump_friction_heis2_frame_acb(acb_ptr zeta, qt_pump_frame2_struct *F, const qt_pump_params_struct *P,
                                     const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason);
int qt_pump_lambda_frame_plan_acb(acb_ptr Lam, qt_pump_frame2_struct *F, const qt_pump_params_struct *P,
                                  const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason);

/* the N_q-qubit model as exact matrices (model_exact.c): d_k H per unit field, the exchange part X and the
 * coupling channels A[c] of bath bath[c] (2 channels; coupling=local: one per qubit and bath, A[a N + j]) */
typedef struct
{
    slong d, nch;
    qt_qmat_struct dH[2], X[1];
    qt_qmat_struct *A;
    qt_qmat_struct *Ax, *Az;   /* channel c's amplitudes on sigma_x and on sigma_z (A[c] is one of them) */
    int *bath;
}
qt_pump_model_struct;
typedef qt_pump_model_struct qt_pump_model_t[1];
void qt_pump_model_init(qt_pump_model_t M, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta, const fmpq_t b);
void qt_pump_model_clear(qt_pump_model_t M);
/* H = B_x d_x H + B_z d_z H + X at an exact point */
void qt_pump_model_hamiltonian(qt_qmat_t H, const qt_pump_model_t M, const fmpq_t Bx, const fmpq_t Bz);
/* s = 1, J_c = J (pauli) or s = 1/2, J_c = J/4 (spin: S = sigma/2): H = s B.Sigma + J_c sum sigma.sigma (exact) */
void qt_pump_convention_scales(fmpq_t s, fmpq_t Jc, const qt_pump_params_struct *P, const fmpq_t J);
void qt_pump_coupling_amplitude(fmpq_t c, const qt_pump_params_struct *P, const fmpq_t b, int a, slong j);

/* lemma P19 at simple levels E (projectors Pr, d_k E_n = dE[2n + k], d_k H = dH[k]) with one coupling matrix per bath
 * (A[0] bath L at T, A[1] bath R at T_R): the stationary populations p of the Pauli rate matrix and
 * dp[2n + k] = d_k p_n = -(W^+ (d_k W) p)_n; QT_UNCERTIFIED if the stationary state cannot be proven unique */
int qt_pump_stationary_populations(acb_ptr p, acb_ptr dp, const qt_pump_params_struct *P, acb_srcptr E, acb_srcptr dE,
                                   const acb_mat_struct *Pr, const acb_mat_struct *A, const acb_mat_struct *dH,
                                   slong prec, char *reason);
/* the Gibbs law of levels E (d of them, shifted by E[ref] for stability) at temperature T and its closed derivative
 * dp[2n + k] = p_n (<d_k E> - d_k E_n)/T */
void qt_pump_gibbs_populations(acb_ptr p, acb_ptr dp, acb_srcptr E, acb_srcptr dE, slong d, slong ref, const acb_t T,
                               slong prec);
/* 1 iff the field-frame route of route_frame_2q.c applies: two Heisenberg qubits (P18) or J = 0 (P25) */
int qt_pump_field_frame_like(const qt_pump_params_struct *P);
/* the same from given transition weights C[a] (C_a[m][n] = tr(P_m A_a P_n A_a)) and their derivatives dC[2a + k] */
int qt_pump_stationary_populations_from_weights(acb_ptr p, acb_ptr dp, const qt_pump_params_struct *P, acb_srcptr E,
                                                acb_srcptr dE, const acb_mat_struct *C, const acb_mat_struct *dC,
                                                slong prec, char *reason);

/* lemma P13: two Heisenberg qubits (Delta = 1) in a sigma_x / sigma_z layout, levels ordered (+, 0, -, S) along
 * n = (nx, nz): the transition weights C[a] (4 x 4, C_a[m][n] = tr(P_m A_a P_n A_a)) of bath a and, if dC != NULL,
 * their derivatives dC[2a + k] (r enters only there) */
void qt_pump_heis2_weights(acb_mat_struct *C, acb_mat_struct *dC, const qt_pump_params_struct *P, const acb_t r,
                           const acb_t nx, const acb_t nz, slong prec);

/* lemma P9: the model (J, Delta, b) at a (complex) point: certified simple levels E, d_k E_n = dE[2n + k]
 * (Hellmann-Feynman), and d_k H = dH[k], A_L, A_R (, A_3, A_4) = A[0..nb) in the eigenbasis (X^{-1} (.) X with X the right
 * eigenvectors), where the spectral projectors are P_n = e_n e_n^T; H is internal (the approximate-eigenvector basis) */
typedef struct
{
    slong d, nb;               /* nb: the number of baths (A[0..nb)) */
    acb_mat_t H;
    acb_mat_struct dH[2], A[QT_PUMP_MAX_BATHS];
    acb_ptr E, dE;
}
qt_pump_eigen_struct;
void qt_pump_eigen_init(qt_pump_eigen_struct *D, slong d);
void qt_pump_eigen_clear(qt_pump_eigen_struct *D);
/* 0 if the levels cannot be proven simple (Rump discs not pairwise disjoint) */
int qt_pump_eigen_at(qt_pump_eigen_struct *D, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                     const fmpq_t b, const acb_t Bx, const acb_t Bz, slong prec);
/* 1 iff Lambda is computed by the eigen route of lemma P9 (several interacting qubits outside the closed route of P13
   and the field-frame route of P25) */
int qt_pump_uses_eigen_route(const qt_pump_params_struct *P);
/* lemma P9 (iv): QT_OK if the levels are proven simple at every point of the real path of piece g (number index, from
   0, named in the reason), else QT_UNCERTIFIED with a reason naming every place found (level crossings, or avoided
   crossings too narrow for prec; as many as fit, then their count) and, if where != NULL, the interval of u of the
   first; qt_pump_pieces_levels_simple: the pieces g[0..np) together, every place of every piece in one reason;
   qt_pump_protocol_levels_simple: the same if the model takes the eigen route (else QT_OK) */
int qt_pump_piece_levels_simple(arb_t where, const qt_pump_params_struct *P, const qt_pump_piece_struct *g,
                                slong index, slong prec, char *reason);
int qt_pump_pieces_levels_simple(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec,
                                 char *reason);
int qt_pump_protocol_levels_simple(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec,
                                   char *reason);
/* the transition weights C_a[m][n] = tr(P_m A_a P_n A_a) and, if dC != NULL, their derivatives (lemma P19) */
void qt_pump_eigen_weights(acb_mat_struct *C, acb_mat_struct *dC, const qt_pump_eigen_struct *D, slong prec);
/* the rate matrices Wa[0..1], the stationary populations p and the Drazin solutions x[k] = W^+ d_k p (d x 1, sum 0);
 * equal temperatures: dC = NULL, p the Gibbs law with levels shifted by E[ref]; 0 if the stationary state of W cannot be
 * proven unique */
int qt_pump_population_solve(acb_mat_struct *x, acb_mat_struct *Wa, acb_ptr p, const qt_pump_params_struct *P,
                             acb_srcptr E, const acb_mat_struct *C, const acb_mat_struct *dC, acb_srcptr dE, slong ref,
                             slong prec);

/* QT_DOMAIN (reason naming coupling) for the three-qubit chain in a layout symmetric under the reflection 1 <-> 3
 * (default, b_on_R, b_on_L): two parity sectors never exchange population */
int qt_pump_parity_sectors_dark(const qt_pump_params_struct *P, char *reason);

/* lemma P26: two or three qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths (a named layout or
 * coupling=matrix, with the further baths of P27) on the field axis B = r e_axis (0: B_x, 1: B_z), in the constant
 * joint eigenbasis w_n (integer vectors): levels E_n = of_n + sl_n r (exact), transition weights
 * C[(a d + m) d + n] = |<w_m|A_a|w_n>|^2 (exact, normalised, constant on the axis) for the nb baths a, the level
 * with the smallest slope (the ground level for large r), and the ng Bohr groups of qt_pump_multiplet_grouping: the
 * transition n -> m in group[m d + n] (-1 on the diagonal), frequency E_n - E_m = da[g] + db[g] r */
typedef struct
{
    slong d, nb, ground, ng;
    fmpq *sl, *of, *C, *da, *db;
    slong *group;
}
qt_pump_axis_struct;
/* frame_pieces.c, shared by the field-frame routes (lemmas P18, P25, P29, P31):
 * M' = W^T M W for the columns of W the normalised integer vectors w_n (row n of wv, |w_n|^2 = nrm[n]): w_a^T M w_b
 * exactly, then the factor 1/sqrt(nrm_a nrm_b) (exact when that product is a square), so exact zeros stay exact */
void qt_pump_multiplet_frame(acb_mat_t Mp, const qt_qmat_t M, const fmpz *wv, const fmpz *nrm, slong prec);
/* Y = a Z + b X (the field-frame form of an operator with sigma^z-part Z and sigma^x-part X) */
void qt_pump_frame_combination(acb_mat_t Y, const acb_t a, const acb_mat_t Z, const acb_t b, const acb_mat_t X, slong prec);
/* K = -i Sigma_y of N qubits, exactly (real): R^T d_k R = (d_k theta / 2) K for the rotation R of the frame */
void qt_pump_rotation_generator(qt_qmat_t K, slong N);
/* C = [K, rho] / 2 (C may be K) */
void qt_pump_half_commutator(acb_mat_t C, const acb_mat_t K, const acb_mat_t rho, slong prec);
/* the field-frame friction tensor from the Drazin solutions Xs = [X'_x | X'_z] (d x 2d) and the frame d_k H':
   zeta[2l + k] = tr(d_l H' X'_k) */
void qt_pump_frame_zeta(acb_ptr zeta, const acb_mat_t dHx, const acb_mat_t dHz, const acb_mat_t Xs, slong prec);
/* the generic grouping of the affine levels of_n + sl_n r of X (the z axis of P26): transitions n -> m (m != n) share
 * a group iff (of_n - of_m, sl_n - sl_m) agree; group[m d + n] (-1 on the diagonal), the groups' frequencies
 * da[g] + db[g] r; returns their number */
slong qt_pump_multiplet_grouping(slong *group, fmpq *da, fmpq *db, const qt_pump_axis_struct *X);
/* the radii r > 0 where two groups of that grouping have equal frequencies or two levels cross (two or three
 * Heisenberg qubits; exact, ascending, at most nmax): returns their number */
slong qt_pump_frame_special_radii(fmpq *radii, slong nmax, const qt_pump_params_struct *P);
/* the integer joint eigenvectors of X and Sigma_z of P26 (row n of the d x d array wv: w_n), N = 1, 2, 3 */
void qt_pump_multiplet_vectors(fmpz *wv, slong N);
/* lemma P31 (route_frame_3q.c): three qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths in a named
 * layout, equal temperatures: the friction tensor in the frame of the field and the multiplet basis, holomorphic for
 * Re B^2 > 0, the secular one off the radii of qt_pump_frame_special_radii */
int qt_pump_heis3_like(const qt_pump_params_struct *P);
int qt_pump_friction_heis3_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                               int analytic, slong prec, char *reason);
int qt_pump_heisenberg_like(const qt_pump_params_struct *P);
/* 1 iff the axis route applies: qt_pump_heisenberg_like, or one qubit with further baths (P27; the closed routes serve
   one qubit with the baths L, R) */
int qt_pump_axis_route_like(const qt_pump_params_struct *P);
void qt_pump_axis_init(qt_pump_axis_struct *X, slong d);
void qt_pump_axis_clear(qt_pump_axis_struct *X);
/* every check of the basis is exact; QT_DOMAIN if the model is not Heisenberg-like */
int qt_pump_axis_model(qt_pump_axis_struct *X, const qt_pump_params_struct *P, int axis, char *reason);
/* the largest r > 0 at which two of the affine levels cross (0 if none) */
void qt_pump_axis_crossing_radius(fmpq_t Rc, const qt_pump_axis_struct *X);
/* gap = min over n != ground of sl_n - sl_ground (> 0; 2s, s of the convention) */
void qt_pump_axis_gap(fmpq_t gap, const qt_pump_axis_struct *X);
/* Lam[a] = Lambda_{a,r} = Lambda_{a,axis} at B = r e_axis for the X->nb baths a, r a complex ball (holomorphic through
 * r = 0 and through the crossings: the labels follow the analytic branches) */
int qt_pump_lambda_axis_acb(acb_ptr Lam, const qt_pump_axis_struct *X, const qt_pump_params_struct *P,
                            const acb_t r, slong prec, char *reason);
/* qt_pump_heisenberg_axis_envelope (pump.h) on a model X built by qt_pump_axis_model for that axis */
int qt_pump_axis_envelope(arb_ptr c, arb_t alpha, const qt_pump_axis_struct *X, const qt_pump_params_struct *P,
                          int bath, const arb_t R, slong prec, char *reason);
/* the tails of every bath (tails[0 .. qt_pump_n_baths(P))), each as qt_pump_heisenberg_axis_tail gives it, the
   dominance search that they share (it depends on the total rates only) done once */
int qt_pump_axis_tails(mag_ptr tails, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, const arb_t R,
                       slong prec, char *reason);

#endif
