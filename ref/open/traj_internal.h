/* traj_internal.h -- helpers shared by the trajectory routes (not public). */
#ifndef QT_TRAJ_INTERNAL_H
#define QT_TRAJ_INTERNAL_H
#include "qtoracle/trajectory.h"

/* output names for nbaths baths (J_j, Q_j after the core outputs) */
void qt_traj_record_set_nbaths(qt_traj_record_t R, slong nbaths);
/* set output i */
void qt_tr_set(qt_traj_record_t R, slong i, const arb_t v, int status, const char *reason);
void qt_tr_domain(qt_traj_record_t R, slong i, const char *fmt, ...);
/* out[i] = out[a] + s * out[b] (s = +1 or -1) with exact infinities: inf - inf is QT_DOMAIN */
void qt_tr_combine(qt_traj_record_t R, slong i, slong a, int s, slong b, slong prec);
/* out[i] = out[a] - c (c a finite ball) */
void qt_tr_sub_ball(qt_traj_record_t R, slong i, slong a, const arb_t c, slong prec);
/* the ratios beta_A, beta_R, beta_E from their numerators and denominators */
void qt_tr_ratios(qt_traj_record_t R, slong prec);
/* out[i] = -out[a] (undefined stays undefined) */
void qt_tr_negate(qt_traj_record_t R, slong i, slong a);
/* out[i] = v if v is finite, else an infinite ball with QT_UNCERTIFIED and the reason */
void qt_tr_set_finite(qt_traj_record_t R, slong i, const arb_t v, const char *why_not);
/* bloch_math.c */
void qt_arb_atanh_over(arb_t res, const arb_t u, slong prec);
void qt_arb_binary_entropy(arb_t S, const arb_t p, slong prec);
#endif
