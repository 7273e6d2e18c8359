/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* davies.h -- the global secular (Davies) generator of an exact Hermitian H (shared machinery, ref/core/).
 * For each bath with coupling operator A and ohmic rate G(w) = gamma w / (1 - e^{-w/T}):
 *   D[A] = sum_w G(w) D[A(w)],  A(w) = sum_{E_n - E_m = w} P_m A P_n  (lowers the energy by w),
 * the sum over the exact Bohr frequencies w of H (w = 0 included: A(0) = sum_m P_m A P_m, G(0) = gamma T).
 * Which transitions share a Bohr frequency is decided exactly (lemma P17a of proofs/pumping.md): the
 * Bohr frequencies are the eigenvalues of the exact commutator superoperator ad_H = H (x) 1 - 1 (x) H^T,
 * whose characteristic polynomial is factored over Q; a transition (m, n) belongs to the unique isolated
 * root ball its enclosure E_n - E_m meets, and the counts sum_{(m,n) in w} dim P_m dim P_n must equal the
 * exact multiplicities.  hbar = k_B = 1; no Lamb shift. */
#ifndef QTORACLE_DAVIES_H
#define QTORACLE_DAVIES_H

#include "qtoracle/lindblad.h"

typedef struct
{
    slong K;             /* number of distinct levels of H (qt_eigenprojectors) */
    slong ngroups;       /* distinct nonzero Bohr frequencies */
    arb_ptr omega;       /* their enclosures (isolated, pairwise disjoint) */
    slong *group;        /* K x K: group[m K + n] of the transition n -> m (E_n - E_m = omega), -1 for m = n */
}
qt_bohr_groups_struct;
typedef qt_bohr_groups_struct qt_bohr_groups_t[1];

void qt_bohr_groups_init(qt_bohr_groups_t B);
void qt_bohr_groups_clear(qt_bohr_groups_t B);
/* the exact grouping of the transitions of H (levels and projectors E = qt_eigenprojectors(H)); QT_UNCERTIFIED
 * if a transition cannot be assigned to one Bohr frequency at this precision */
int qt_bohr_groups(qt_bohr_groups_t B, const qt_qmat_t H, const qt_eigenprojectors_t E, slong prec, char *reason);

/* the same from levels given by projectors P[0..K), a grouping group[m K + n] in 0..ngroups-1 (-1 on the diagonal)
 * and Bohr frequencies omega[g] (complex balls allowed); holomorphic != 0: the adjoint of A(w) is its plain transpose
 * (real-analytic operators continued to complex parameters), else the conjugate transpose */
void qt_davies_add_grouped(qt_lindblad_t G, const acb_mat_struct *P, slong K, const slong *group, acb_srcptr omega,
                           slong ngroups, const acb_mat_t A, const acb_t gamma, const acb_t T, int holomorphic,
                           slong label, slong prec);
/* the derivative of qt_davies_add_grouped (holomorphic form) along a parameter t on which the projectors P and the
 * grouping do not depend, applied to X: with omega' = domega and A' = dA, Y += (d/dt sum_w G(w) D[A(w)]) X
 * (lemma P29 of proofs/pumping.md); domega = NULL: the frequencies are constant, dA = NULL: A is constant */
void qt_davies_grouped_derivative_apply(acb_mat_t Y, const acb_mat_struct *P, slong K, const slong *group,
                                        acb_srcptr omega, acb_srcptr domega, slong ngroups, const acb_mat_t A,
                                        const acb_mat_t dA, const acb_t gamma, const acb_t T, const acb_mat_t X,
                                        slong prec);
/* adds one bath (coupling A, rate gamma, temperature T) to G as the dissipators G(w) D[A(w)], labelled `label` */
void qt_davies_add_bath(qt_lindblad_t G, const qt_eigenprojectors_t E, const qt_bohr_groups_t B, const acb_mat_t A,
                        const acb_t gamma, const acb_t T, slong label, slong prec);

/* the Gibbs state rho = e^{-H/T}/Z and its derivative in the direction dH (Daleckii-Krein, lemma P17b):
 * d rho = sum_{m,n} F_mn P_m dH P_n + rho tr(rho dH)/T, F_mn = (p_m - p_n)/(E_m - E_n), F_mm = -p_m/T */
void qt_gibbs_state(acb_mat_t rho, const qt_eigenprojectors_t E, const arb_t T, slong prec);
void qt_gibbs_derivative(acb_mat_t drho, const qt_eigenprojectors_t E, const acb_mat_t dH, const arb_t T, slong prec);
/* the weight of one level of each distinct eigenvalue: p_k = e^{-(E_k - E_0)/T} / sum_j mult_j e^{-(E_j - E_0)/T}
 * (E_0 the lowest level), so that rho = sum_k p_k P_k */
void qt_gibbs_weights(arb_ptr p, const qt_eigenprojectors_t E, const arb_t T, slong prec);
/* rho = sum_n p_n P_n over simple levels (every P_n of rank 1) and its derivative in the direction dH, given the
 * derivatives dp_n of the weights: d rho = sum_n dp_n P_n + sum_{m != n} (p_m - p_n)/(E_m - E_n) P_m dH P_n
 * (first-order perturbation of the projectors; lemma P21 of proofs/pumping.md) */
void qt_weighted_state_derivative(acb_mat_t drho, const qt_eigenprojectors_t E, const acb_mat_t dH, acb_srcptr p,
                                  acb_srcptr dp, slong prec);

#endif
