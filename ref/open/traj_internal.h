/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* traj_internal.h -- helpers shared by the trajectory routes (not public). */
#ifndef QT_TRAJ_INTERNAL_H
#define QT_TRAJ_INTERNAL_H
#include "qtoracle/trajectory.h"

/* the trajectory names for nbaths baths (the core outputs, then J_j, Q_j) and the trajectory vocabulary */
void qt_traj_record_set_nbaths(qt_record_t R, slong nbaths);
/* the vocabularies of the driven qubit and of the cycle */
extern const qt_record_vocabulary qt_ramp_vocabulary, qt_cycle_vocabulary;
/* out[i] = out[a] + s * out[b] (s = +1 or -1) with exact infinities: inf - inf is QT_DOMAIN */
void qt_tr_combine(qt_record_t R, slong i, slong a, int s, slong b, slong prec);
/* out[i] = out[a] - c (c a finite ball) */
void qt_tr_sub_ball(qt_record_t R, slong i, slong a, const arb_t c, slong prec);
/* the ratios beta_A, beta_R, beta_E from their numerators and denominators */
void qt_tr_ratios(qt_record_t R, slong prec);
/* out[i] = -out[a] (undefined stays undefined) */
void qt_tr_negate(qt_record_t R, slong i, slong a);
/* out[i] = v if v is finite, else an infinite ball with QT_UNCERTIFIED and the reason */
void qt_tr_set_finite(qt_record_t R, slong i, const arb_t v, const char *why_not);
/* bloch_math.c */
void qt_arb_atanh_over(arb_t res, const arb_t u, slong prec);
void qt_arb_binary_entropy(arb_t S, const arb_t p, slong prec);

/* qubit_outputs.c: a qubit H = (om/2) sigma_z under the Davies generator at om (thermal damping
 * gamma, dephasing gamma_phi) at one instant, shared by qubit_davies (om constant) and qubit_ramp
 * (om = omega0 + omega1 t).  The route fills om, be, z, rp2 (and om0, W for the ramp); the rates
 * G = gamma (2 nbar + 1), G2 = G/2 + gamma_phi, zinf = -1/(2 nbar + 1) come from
 * qt_qubit_instant_rates. */
typedef struct
{
    const qt_qubit_davies_struct *P;   /* initial Bloch vector and rates (P->omega is not read) */
    arb_t om, om0, be, G, G2, zinf, z, rp2, W;
    int t0;          /* t = 0 exactly */
    int ramp;        /* 1: Q = E(t) - E(0) - W and Sigma = D_0 - D_t + beta (W - Delta F) */
}
qt_qubit_instant_struct;
typedef qt_qubit_instant_struct qt_qubit_instant_t[1];
void qt_qubit_instant_init(qt_qubit_instant_t I, const qt_qubit_davies_struct *P);
void qt_qubit_instant_clear(qt_qubit_instant_t I);
void qt_qubit_instant_rates(qt_qubit_instant_t I, slong prec);
/* r0^2 = x0^2 + y0^2 + z0^2 and the transverse part p0 = x0^2 + y0^2, exactly */
void qt_qubit_bloch_norms(fmpq_t r2, fmpq_t p2, const qt_qubit_davies_struct *P);
/* every core output and J_1, Q_1 from the instant (lemmas M1-M4, R1-R3) */
void qt_qubit_outputs(qt_record_t R, const qt_qubit_instant_t I, slong prec);
#endif
