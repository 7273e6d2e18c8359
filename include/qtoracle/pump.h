/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* pump.h -- heat pumped per cycle by slowly driven qubits, hbar = k_B = 1 (docs/pumping.md; proofs/pumping.md).
 * One to three qubits in a chain, H = s sum_j (B_x sigma_x^j + B_z sigma_z^j) + J_c sum_<ij> (sigma_x sigma_x +
 * sigma_y sigma_y + Delta sigma_z sigma_z), s = 1 (Pauli convention) or 1/2 (spin-1/2 operators); bath L couples
 * through sigma_x, bath R through sigma_z in a named layout (or through exact coupling matrices), up to two further
 * baths through exact matrices; ohmic rates Gamma_a(w) = gamma_a w / (1 - e^{-w/T_a}), each bath at its own
 * temperature; the global secular (Davies) generator.  Heat is counted positive INTO the bath; cycles are
 * counter-clockwise in the (B_x, B_z) plane (B_x horizontal, B_z vertical).  Every function returns QT_OK,
 * QT_UNCERTIFIED or QT_DOMAIN with a reason naming the field, and enclosures of the exact values. */
#ifndef QTORACLE_PUMP_H
#define QTORACLE_PUMP_H

#include "qtoracle/davies.h"
#include "qtoracle/record.h"

enum { QT_PUMP_PAULI = 0, QT_PUMP_SPIN = 1 };
/* coupling layouts for 2-3 qubits, A_L = sum_j cL_j sx_j, A_R = sum_j cR_j sz_j (c3 = 1 for a third qubit):
 * DEFAULT cL = cR = (1, b); B_ON_R cL = (1, 1), cR = (1, b); B_ON_L cL = (1, b), cR = (1, 1);
 * CROSSED cL = (1, b), cR = (b, 1) */
/* LOCAL: N_q non-interacting qubits (J = 0), qubit j with its own copies of bath L (through c_j sx_j) and bath R
 * (through c_j sz_j), c = (1, b, 1); heat into "bath L" is the sum over the copies (lemma P16: the product route) */
/* MATRIX: 2-3 qubits, bath L through the exact Hermitian matrix A_L and bath R through A_R (dimension 2^N, basis
 * index bit N-1-j for qubit j, sigma_z|0> = |0>), set with qt_pump_params_set_coupling_matrices; b is unused */
enum { QT_PUMP_COUPLING_DEFAULT = 0, QT_PUMP_COUPLING_B_ON_R = 1, QT_PUMP_COUPLING_B_ON_L = 2, QT_PUMP_COUPLING_CROSSED = 3,
       QT_PUMP_COUPLING_LOCAL = 4, QT_PUMP_COUPLING_MATRIX = 5 };
/* eigen-decomposition used by the 2-3 qubit population route: AUTO = the closed Heisenberg form for two
 * qubits with Delta = 1 (lemma P13), else certified Rump discs; EIGEN = always Rump discs (cross-check) */
enum { QT_PUMP_ROUTE_AUTO = 0, QT_PUMP_ROUTE_EIGEN = 1 };
/* baths: L (index 0) and R (index 1) always; up to two more (indices 2, 3, named "3" and "4") through exact Hermitian
 * coupling matrices with their own rate and temperature (lemma P27: 1-3 qubits, shared baths, the eigen route) */
#define QT_PUMP_MAX_BATHS 4

typedef struct
{
    slong n_qubits;
    fmpq_t gamma_L, gamma_R, T;
    fmpq_t J, Delta, b;      /* exchange, anisotropy (default 1: Heisenberg), asymmetry of qubit 2 */
    fmpq_t T_R;              /* temperature of bath R; < 0 (the default) means equal to T (2-3 qubits: lemma P19) */
    int convention;
    int coupling;            /* QT_PUMP_COUPLING_* */
    int route;               /* QT_PUMP_ROUTE_* */
    qt_qmat_struct A_mat[2]; /* coupling=matrix: A_L, A_R (size 0 otherwise) */
    slong n_extra;           /* further baths 3, 4 (0 by default): rate gamma_x, temperature T_x, coupling A_x */
    fmpq gamma_x[QT_PUMP_MAX_BATHS - 2], T_x[QT_PUMP_MAX_BATHS - 2];
    qt_qmat_struct A_x[QT_PUMP_MAX_BATHS - 2];
}
qt_pump_params_struct;
typedef qt_pump_params_struct qt_pump_params_t[1];

void qt_pump_params_init(qt_pump_params_t P);
void qt_pump_params_clear(qt_pump_params_t P);
/* coupling=matrix: copies A_L, A_R (exact) into P and sets P->coupling; qt_pump_params_validate checks them */
void qt_pump_params_set_coupling_matrices(qt_pump_params_struct *P, const qt_qmat_struct *AL, const qt_qmat_struct *AR);
/* appends bath 3 (then 4) with rate gamma, temperature T and exact coupling matrix A (copied); 0 if there is no room */
int qt_pump_params_add_bath(qt_pump_params_struct *P, const fmpq_t gamma, const fmpq_t T, const qt_qmat_struct *A);
int qt_pump_params_validate(const qt_pump_params_struct *P, char *reason);
/* the number of baths (2 + P->n_extra) and the name of bath a ("L", "R", "3", "4") */
slong qt_pump_n_baths(const qt_pump_params_struct *P);
const char *qt_pump_bath_name(slong a);
/* 1 iff the model is N_q > 1 non-interacting qubits with local baths (coupling=local; lemma P16) */
int qt_pump_is_product(const qt_pump_params_struct *P);
/* 1 iff every one-qubit route applies (one qubit, or the product route of lemma P16) */
int qt_pump_single_like(const qt_pump_params_struct *P);
/* 1 iff the model is two qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths in a sigma_x/sigma_z
   layout: the models of the field-frame friction tensor (lemma P18) */
int qt_pump_heis2_like(const qt_pump_params_struct *P);
/* 1 iff the model is two qubits with J = 0 on shared baths in a sigma_x/sigma_z layout: the models of the field-frame
   route with the degenerate pair T_0, S grouped exactly (lemma P25 at equal temperatures, P29 at T_R != T) */
int qt_pump_collective_j0(const qt_pump_params_struct *P);
/* QT_DOMAIN (reason naming b) iff two qubits in a named layout with b = 1: every coupling and H commute with the
   exchange of the qubits, so the singlet never exchanges population and the stationary state is not unique */
int qt_pump_singlet_is_dark(const qt_pump_params_struct *P, char *reason);
/* QT_DOMAIN iff 2-3 qubits on shared baths with J = 0 outside lemmas P25, P29: H = s B.Sigma has degenerate levels at
   every field, outside the simple-level lemmas of the closed and generic routes; two qubits in a named layout are
   supported by the field-frame route (QT_OK, any temperatures); otherwise the reason names J.  (The quarter disc and
   the quadrant at J = 0 are lemma P30, qt_pump_heat_per_cycle.) */
int qt_pump_shared_levels_degenerate(const qt_pump_params_struct *P, char *reason);
/* 1 iff every bath has the same temperature (T_R = T and every T_x = T) */
int qt_pump_equal_temperatures(const qt_pump_params_struct *P);
/* the parameter that makes the temperatures unequal ("T_R", "T_3" or "T_4"; "T" if they are equal), for messages */
const char *qt_pump_unequal_temperature_field(const qt_pump_params_struct *P);

/* the conventions of the pump vector files and docs/pumping.md ({NULL, NULL}-terminated) */
extern const qt_convention qt_pump_conventions[];

/* Lambda[0..3] = (Lambda_{L,x}, Lambda_{L,z}, Lambda_{R,x}, Lambda_{R,z}) at the (possibly complex)
 * point (B_x, B_z), and Lambda[2a + k] for the further baths a = 2, 3 (2 qt_pump_n_baths(P) entries; lemma P27):
 * Lambda_{a,k} = -tr(H D_a L^+ d_k rho0), by the route of the model's kind: one qubit the closed secular route
 * (P2, P3, P12), coupling=local the sum over the qubits (P16), two Heisenberg qubits the closed route (P13), two
 * qubits with J = 0 the field frame (P25, P29), any other model the eigen route (P9, P19).  analytic != 0: return an
 * indeterminate result where the evaluation is not holomorphic (the branch cut of B = sqrt(B_x^2 + B_z^2)). */
int qt_pump_lambda_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                       int analytic, slong prec, char *reason);

/* the same by the full Lindblad route: the n^2 x n^2 superoperator of the Davies generator (with the
 * coherence blocks and the Lamb-shift-free Hamiltonian part) and a Drazin solve; used to cross-check
 * the secular population route above (lemma P3) at real points */
int qt_pump_lambda_full_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                            int analytic, slong prec, char *reason);

/* the rotor Omega_a = d_x Lambda_{a,z} - d_z Lambda_{a,x} at a real point (Omega[0] = L, [1] = R, [2], [3] baths 3, 4),
 * from exact derivatives (Cauchy integrals of the holomorphic Lambda, lemma P7) */
int qt_pump_curvature(arb_ptr Omega, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                      slong prec, char *reason);

/* the friction tensor zeta_{kl} = tr(d_k H L^+ d_l rho0) at a real point (zeta[2k + l], k, l in
 * {x, z}), by the full Lindblad route (the coherence block matters here): one qubit the 4 x 4 route, coupling=local
 * the sum over the qubits (P16), 2-3 interacting qubits qt_pump_davies_route (two qubits with J = 0 on shared baths at
 * T_R != T: the field frame, P29); its symmetric part is the thermodynamic metric */
int qt_pump_friction(arb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                     slong prec, char *reason);

/* Lambda[0..2 nb) (if Lam != NULL) and zeta[0..3] (if zeta != NULL, zeta[2k + l]) at an exact real point by the global
 * Davies generator (lemma P17): the exact H, its levels from the characteristic polynomial factored over Q, the exact
 * Bohr-frequency grouping (davies.h), the Gibbs derivative by Daleckii-Krein and a certified Drazin solve.  Any
 * N_q = 1..3 and layout (coupling=local: one channel per qubit and bath), degenerate levels allowed at equal temperatures;
 * at T_R != T (not coupling=local) rho0 is the non-equilibrium steady state and d_k rho0 comes from the population route,
 * which needs simple levels (lemma P21; QT_DOMAIN otherwise);
 * QT_UNCERTIFIED if the stationary state is not unique (a dark level).  At a level crossing this is the secular
 * generator at that point, which differs from the analytic-branch value of lemma P13 (the generator is discontinuous). */
int qt_pump_davies_route(acb_ptr Lam, acb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                         slong prec, char *reason);

/* the global Davies generator of the model at an exact real point (lemma P17; each bath at its own temperature, P20):
 * the exact H, its levels from the characteristic polynomial factored over Q, the exact Bohr-frequency grouping, one
 * dissipator per coupling channel labelled by its bath (0 = L, 1 = R, 2, 3 = baths 3, 4, so qt_lindblad_apply with
 * that label gives D_a); G must be initialised with n = 2^N_q, H (d x d, initialised) receives the Hamiltonian */
int qt_pump_davies_generator(qt_lindblad_t G, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t Bx,
                             const fmpq_t Bz, slong prec, char *reason);

/* the stationary state rho of the global Davies generator at an exact real point, each bath at its own temperature
 * (T, T_R; lemma P20), by the certified trace-row solve (lemma L3 of proofs/open_systems.md: QT_UNCERTIFIED when the
 * stationary state cannot be proven unique); H (d x d, initialised) receives the Hamiltonian there.  Any N_q = 1..3
 * and layout. */
int qt_pump_davies_steady_state(acb_mat_t rho, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t Bx,
                                const fmpq_t Bz, slong prec, char *reason);

/* the same for one qubit in closed form (lemma P14: population block zeta_rr and coherence block zeta_ee in the
 * frame of the field; at T_R != T lemma P22, with the extra population column from the angular dependence of the
 * stationary polarisation), holomorphic in (B_x, B_z) for Re B^2 > 0: the integrand of the dissipation integrals;
 * cross-checked against qt_pump_friction (the Drazin solve) */
int qt_pump_friction_qubit_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                               int analytic, slong prec, char *reason);

/* two qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths, any T_R; or J = 0, lemmas P25, P29): zeta
 * holomorphic in (B_x, B_z) for
 * Re B^2 > 0 (lemma P18: the frame of the field and its constant eigenbasis T+, T0, T-, S, the operators carried
 * there exactly, the generic Bohr grouping, transposed adjoints, the block-by-block Drazin solve of lemma L5b); equal
 * to qt_pump_davies_route except at the finitely many radii of qt_pump_heis2_special_radii.  With b = 1 the singlet
 * is dark and the solve is refused (QT_UNCERTIFIED) */
int qt_pump_friction_heis2_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                               int analytic, slong prec, char *reason);
/* Lambda_{a,k} = -tr(H D_a L^+ d_k rho0) by the same field-frame Drazin solve (lemma P18 for J != 0, lemma P25 for
   J = 0 at equal T, where T_0 and S are degenerate and grouped exactly, lemma P29 for J = 0 at T_R != T: the stationary
   state of the grouped generator and its exact derivative) */
int qt_pump_lambda_frame_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                             int analytic, slong prec, char *reason);
/* the radii |B| > 0 where two Bohr-frequency groups of the generic grouping coincide or two levels cross (exact,
 * ascending, without repetition; at most 16): returns their number */
slong qt_pump_heis2_special_radii(fmpq *radii, const qt_pump_params_struct *P);
/* 2-3 interacting qubits on shared baths at any T_R (any J, Delta, b, layout or coupling matrices): zeta holomorphic in
 * (B_x, B_z) where the levels are simple (lemma P24: certified Rump discs and spectral projectors as in P9, the Pauli
 * matrix on populations, each coherence block multiplied by -i omega_mn - Gamma_mn); equal to qt_pump_davies_route
 * wherever no two Bohr frequencies coincide (see qt_pump_bohr_frequencies_distinct) */
int qt_pump_friction_multi_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                               int analytic, slong prec, char *reason);
/* 1 if at the point (B_x, B_z) the levels are certified simple and the Bohr frequencies E_m - E_n (m != n) certified
 * pairwise distinct, else 0 (undecided or coincident) */
int qt_pump_bohr_frequencies_distinct(const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz, slong prec);
/* the holomorphic friction tensor used by the dissipation integrals: one qubit or coupling=local (P14, P16), two
 * Heisenberg qubits (P18), other 2-3 qubit models (P24); QT_DOMAIN otherwise */
int qt_pump_friction_acb(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                         int analytic, slong prec, char *reason);

/* the same for N_q = 1..3 qubits (P->n_qubits) with exchange J, anisotropy Delta, asymmetry b (in place of P's), by
 * the secular population route on a certified eigen-decomposition (lemma P9, P19 at unequal temperatures): any
 * layout; non-degenerate levels are required (a repeated level or crossing gives QT_UNCERTIFIED); no check of a dark
 * sector (qt_pump_lambda_acb refuses those first).  The second method for the closed routes. */
int qt_pump_lambda_eigen_acb(acb_ptr Lam, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                             const fmpq_t b, const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason);

/* two qubits, Heisenberg exchange (Delta = 1), uniform field: Lambda at field magnitude r (a ball that may contain
 * 0) and exact direction (nx, nz) with nx^2 + nz^2 = 1, by the closed eigen-decomposition of lemma P13 (levels
 * followed as analytic branches, through the crossing at r = level-crossing radius) */
int qt_pump_lambda_heis2_polar_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t r, const acb_t nx,
                                   const acb_t nz, slong prec, char *reason);
/* 1 and Bc = 2|J_c|/s (exact) if the levels of H cross on the circle |B| = Bc (two qubits, Delta = 1, J != 0),
 * else 0 */
int qt_pump_level_crossing_radius(fmpq_t Bc, const qt_pump_params_struct *P);

/* lemmas P23, P26: two or three qubits with Heisenberg exchange (Delta = 1, J != 0, shared baths; further baths
 * included, P27), or one qubit with further baths, at equal temperatures, the leg of the quadrant along the B_x axis
 * (axis 0) or the B_z axis (axis 1), bath a (0 .. qt_pump_n_baths - 1): for every r >= R,
 * |Lambda_{a,r}(r)| <= (c[0] + c[1] r + c[2] r^2) e^{-alpha r} with alpha = gap/T (gap = 2s, s of the convention),
 * proven by weighted column dominance of the population rate matrix; QT_UNCERTIFIED with the reason if no dominance
 * can be proven at R */
int qt_pump_heisenberg_axis_envelope(arb_ptr c, arb_t alpha, const qt_pump_params_struct *P, int bath, int axis,
                                     const arb_t R, slong prec, char *reason);
/* the integral of that envelope over [R, inf) (infinite on failure): |int_R^inf Lambda_{a,r} dr| <= tail */
int qt_pump_heisenberg_axis_tail(mag_t tail, const qt_pump_params_struct *P, int bath, int axis, const arb_t R,
                                 slong prec, char *reason);

/* protocols */
/* QUADRANT: out along the B_x axis from B = 0 to infinity and back along the B_z axis (the first quadrant,
 * counter-clockwise in (B_x, B_z)), at equal temperatures.  One qubit (or coupling=local): certified sector
 * [r0, r1] x [0, pi/2] plus the proven bound on the excluded disc and tail (lemma P11); two or three Heisenberg
 * qubits, and one qubit with further baths: the legs [0, R] by the closed polar route (P13) or the multiplet route
 * (P26, any couplings and further baths) plus the proven tails of lemmas P23/P26 (arcs about 0 carry no heat, P28) */
/* QUARTER_DISC: |B| <= radius in the first quadrant, counter-clockwise (out along B_x, arc, back along B_z),
 * through the corner B = 0, at equal temperatures: one qubit by lemma P11 (bound on the legs [0, r0]); two qubits
 * with Delta = 1 in a named layout by the closed route of lemma P13, holomorphic through B = 0 and through the level
 * crossing; three Heisenberg qubits, coupling=matrix, further baths (one qubit included): the legs [0, radius] by the
 * multiplet route of P26 (the arc carries no heat, P28) */
enum { QT_PROTOCOL_CIRCLE = 0, QT_PROTOCOL_SECTOR = 1, QT_PROTOCOL_POLYGON = 2, QT_PROTOCOL_QUADRANT = 3,
       QT_PROTOCOL_QUARTER_DISC = 4 };
typedef struct
{
    int kind;
    fmpq_t cx, cz, radius;             /* circle */
    fmpq_t r0, r1, theta0, theta1;     /* sector: r in [r0, r1], theta from the B_z axis towards B_x */
    slong nvert;                       /* polygon: vertices (x_i, z_i) of a simple polygon, counter-clockwise or not
                                          (traversed counter-clockwise); at most QT_PROTOCOL_MAX_VERTICES */
    fmpq *vx, *vz;
    int has_period;                    /* the period tau of one cycle, for W_diss (optional) */
    fmpq_t period;
}
qt_protocol_struct;
typedef qt_protocol_struct qt_protocol_t[1];
void qt_protocol_init(qt_protocol_t C);
void qt_protocol_clear(qt_protocol_t C);
void qt_protocol_set_polygon_size(qt_protocol_t C, slong nvert);
#define QT_PROTOCOL_MAX_VERTICES 1000
/* exact checks: the protocol must avoid the degeneracy B = 0; a polygon must be simple (no repeated vertex, no edges
 * meeting except adjacent ones at their common vertex, a non-zero area), so that its orientation is defined */
int qt_protocol_validate(const qt_protocol_struct *C, char *reason);

/* QT_OK iff the quadrant limit is implemented (equal temperatures; the excluded-disc and tail bound of P11/P16 for
 * one qubit or coupling=local, the tail bounds of P23/P26 for two or three Heisenberg qubits), else QT_DOMAIN and the reason */
int qt_pump_quadrant_supported(const qt_pump_params_struct *P, char *reason);
/* QT_OK iff the quarter disc is implemented for the model (P11 one qubit at equal T, P13 two qubits with Delta = 1
 * and a sigma_x / sigma_z layout), else QT_DOMAIN and the reason */
int qt_pump_quarter_disc_supported(const qt_pump_params_struct *P, char *reason);
/* the one check for any protocol (the two above by kind; circle, sector, polygon: QT_OK), used by
 * qt_pump_heat_per_cycle after the parameter checks and by the oracle */
int qt_pump_protocol_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason);

/* Q[0] = Q_L, Q[1] = Q_R (Q[2], Q[3]: baths 3, 4) per cycle (heat into each bath, counter-clockwise traversal of the
 * protocol's boundary), by certified integration of Lambda . dlambda along the boundary */
int qt_pump_heat_per_cycle(arb_ptr Q, const qt_pump_params_struct *P, const qt_protocol_struct *C,
                           slong prec, char *reason);

/* second order along a protocol traversed once in the period tau at constant speed (lemma P15):
 * Wtau = tau W_diss = l oint t^T zeta t dl (l the Euclidean length of the curve, t its unit tangent) and the
 * thermodynamic length L = oint sqrt(t^T g t) dl, g = sym zeta; so (L^2 <= tau W_diss, Cauchy-Schwarz).
 * One qubit (or coupling=local), 2-3 interacting qubits (P18, P24), circle / sector / polygon
 * (qt_pump_dissipation_supported says why not); at T_R != T only Wtau (L is indeterminate: sym zeta need not be positive semidefinite, lemma P22) */
int qt_pump_dissipation_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason);
int qt_pump_dissipation_per_cycle(arb_t Wtau, arb_t length, const qt_pump_params_struct *P, const qt_protocol_struct *C,
                                  slong prec, char *reason);

/* the pump.* records (names Lambda_L_x, ..., S0, sum_rule_x, sum_rule_z; Q_L, Q_R, sum_rule, and if C->has_period
 * (qt_pump_dissipation_supported): thermo_length, W_diss_tau, W_diss) */
void qt_pump_lambda_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec);
void qt_pump_curvature_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec);
void qt_pump_friction_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec);
/* rho0, its entropy S0 and energy E0: at equal temperatures the Gibbs state from the exact spectrum of H; at T_R != T
 * the stationary state of the global Davies generator (qt_pump_davies_steady_state), its entropy from certified
 * spectral clusters */
void qt_pump_steady_state_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec);
void qt_pump_heat_record(qt_record_t R, const qt_pump_params_struct *P, const qt_protocol_struct *C, slong prec);

#endif
