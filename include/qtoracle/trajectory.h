/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* trajectory.h -- entropy bookkeeping along open-system trajectories (docs/physics/open_systems.md §2.1-2.11),
 * hbar = k_B = 1, entropies in nats, heat positive into the system.
 *
 * Every route (the general Lindblad route and the closed-form models) fills the same record (record.h):
 * one certified result per named output, each with its own status.  An output is an exact
 * +-inf when the formula is infinite there (e.g. dS/dt of a pure state under a thermal bath),
 * QT_DOMAIN when it is undefined (0/0 temperatures, inf - inf, no valid reference state),
 * QT_UNCERTIFIED with an honest (possibly infinite) enclosure when a sign or a separation
 * from 0 cannot be decided. */
#ifndef QTORACLE_TRAJECTORY_H
#define QTORACLE_TRAJECTORY_H

#include "qtoracle/lindblad.h"
#include "qtoracle/record.h"

enum
{
    QT_TR_S = 0, QT_TR_S_DOT, QT_TR_S_E, QT_TR_S_E_DOT, QT_TR_C_REL, QT_TR_C_REL_DOT,
    QT_TR_E, QT_TR_J, QT_TR_Q, QT_TR_D_REL, QT_TR_SIGMA, QT_TR_PI_D, QT_TR_PI_C,
    QT_TR_DS_INTERIOR, QT_TR_DS_EXTERIOR, QT_TR_BETA_A, QT_TR_BETA_R, QT_TR_BETA_E,
    QT_TR_SIGMA_INT, QT_TR_QDOT_R, QT_TR_NCORE
};
#define QT_MAX_BATHS 4
/* after the core outputs: J_1..J_nb (heat current from bath j), Q_1..Q_nb (heat from bath j over [0, t]) */

/* a trajectory record (record.h): the core names, J_j and Q_j for nbaths baths, and the trajectory vocabulary (the
 * formulas below, beta_X as ratios) */
void qt_traj_record_init(qt_record_t R, slong nbaths);
const char *qt_traj_output_name(slong i);           /* core names: "S", "S_dot", ... */
const char *qt_traj_output_formula(slong i);

/* the conventions of the trajectory vector files and docs/open_systems.md ({NULL, NULL}-terminated) */
extern const qt_convention qt_trajectory_conventions[];

/* ---- the general Lindblad route (lindblad.trajectory) ---- */
enum { QT_CH_THERMAL = 0, QT_CH_PLAIN = 1 };
typedef struct
{
    qt_qmat_t L;
    fmpq_t gamma, omega;
    int kind;     /* THERMAL: L at rate gamma (nbar(omega) + 1) and L^* at gamma nbar(omega),
                     nbar = 1/(e^{beta omega} - 1); PLAIN: L at rate gamma */
}
qt_channel_struct;

typedef struct
{
    int has_beta;
    fmpq_t beta;
    slong nch;
    qt_channel_struct *ch;
}
qt_bath_struct;

typedef struct
{
    slong n, nbaths;
    qt_qmat_t H, rho0;
    qt_bath_struct bath[QT_MAX_BATHS];
    /* filled by qt_open_model_validate: the exact fixed-point check of each bath */
    int reference_ok[QT_MAX_BATHS];
    char reference_why[QT_MAX_BATHS][QT_REASON_LEN];
}
qt_open_model_struct;
typedef qt_open_model_struct qt_open_model_t[1];

void qt_open_model_init(qt_open_model_t M, slong n, slong nbaths);
void qt_open_model_clear(qt_open_model_t M);
/* allocate the channels of bath j (each channel's L initialised n x n) */
void qt_open_model_bath_channels(qt_open_model_t M, slong j, slong nch);
/* QT_DOMAIN with a message naming the field on invalid input; decides exactly whether each
 * bath's generator fixes its Gibbs state (lemma L4) */
int qt_open_model_validate(qt_open_model_t M, char *reason);
/* one bath: input checks (QT_DOMAIN naming baths[j]...), the exact Gibbs fixed-point check for
 * a Hamiltonian H (1 iff proven; otherwise why says which channel fails), its channels added to G */
int qt_bath_validate(const qt_bath_struct *B, slong j, slong n, char *reason);
int qt_bath_fixes_gibbs(const qt_qmat_t H, const qt_bath_struct *B, slong j, char *why);
void qt_bath_add_to_generator(qt_lindblad_t G, const qt_bath_struct *B, slong label, slong prec);
/* the generator at working precision (operators labelled by bath) */
void qt_open_model_generator(qt_lindblad_t G, const qt_open_model_struct *M, slong prec);
/* every output at time t >= 0 (a ball; t_exact_zero marks t = 0 exactly) */
void qt_lindblad_trajectory(qt_record_t R, const qt_open_model_struct *M, const arb_t t,
                            int t_exact_zero, slong prec);

/* ---- M1/M2: qubit, thermal amplitude damping + dephasing, closed forms (qubit_davies.*) ---- */
typedef struct
{
    fmpq_t omega, beta, gamma, gamma_phi, x0, y0, z0;
}
qt_qubit_davies_struct;
typedef qt_qubit_davies_struct qt_qubit_davies_t[1];
void qt_qubit_davies_init(qt_qubit_davies_t P);
void qt_qubit_davies_clear(qt_qubit_davies_t P);
int qt_qubit_davies_validate(const qt_qubit_davies_struct *P, char *reason);
/* t* = ln(2(nbar+1)) / (gamma (2 nbar + 1)): requires z0 = 1, gamma > 0 */
int qt_qubit_davies_tstar(arb_t t, const qt_qubit_davies_struct *P, slong prec, char *reason);
/* tkind: QT_T_GENERIC (t > 0 given as a ball), QT_T_ZERO (t = 0 exactly), QT_T_STAR (the model's
 * special time exactly: t* of qubit_davies, the first zero of G of fano_anderson; t must enclose it) */
enum { QT_T_GENERIC = 0, QT_T_ZERO = 1, QT_T_STAR = 2 };
void qt_qubit_davies_trajectory(qt_record_t R, const qt_qubit_davies_struct *P, const arb_t t,
                                int tkind, slong prec);
/* the same model as a general open model (for the cross-check of the two routes) */
void qt_qubit_davies_as_open_model(qt_open_model_t M, const qt_qubit_davies_struct *P);

/* ---- identity 11: a qubit under a linear frequency ramp (qubit_ramp.*) ----
 * H(t) = (omega(t)/2) sigma_z, omega(t) = omega0 + omega1 t > 0 on [0, t]; the Davies generator of
 * qubit_davies at the instantaneous omega(t) (one bath at beta), which fixes the instantaneous Gibbs
 * state rho^eq_t.  base.omega holds omega0. */
typedef struct
{
    qt_qubit_davies_struct base[1];
    fmpq_t omega1;
}
qt_qubit_ramp_struct;
typedef qt_qubit_ramp_struct qt_qubit_ramp_t[1];
void qt_qubit_ramp_init(qt_qubit_ramp_t P);
void qt_qubit_ramp_clear(qt_qubit_ramp_t P);
/* QT_DOMAIN naming the field: omega0 > 0, t >= 0, omega0 + omega1 t > 0, and the checks of qubit_davies */
int qt_qubit_ramp_validate(const qt_qubit_ramp_struct *P, const fmpq_t t, char *reason);
/* z(s) and x(s)^2 + y(s)^2 continued holomorphically to complex s with Re a(s) > 0, |Im a(s)| < pi,
 * a = beta omega(s)/2 (lemmas R1, R3); indeterminate outside, QT_UNCERTIFIED if the certified
 * integral I(s) did not converge.  Follows the acb_calc_integrate contract for any ball s. */
int qt_qubit_ramp_bloch_acb(acb_t z, acb_t rp2, const qt_qubit_ramp_struct *P, const acb_t s, slong prec);
/* every core output at time t (tkind QT_T_GENERIC or QT_T_ZERO) with D_rel, sigma and Sigma relative
 * to rho^eq_t, then W_dot, W, F_dot, Delta_F, D_rel_dot (the ramp vocabulary) */
void qt_qubit_ramp_trajectory(qt_record_t R, const qt_qubit_ramp_struct *P, const arb_t t,
                              int tkind, slong prec);

/* ---- M4: mode + Lorentzian Fano-Anderson reservoir at T = 0, resonance (fano_anderson.*) ---- */
typedef struct
{
    fmpq_t gamma0, lambda, omega0, p1;   /* p1 = |c1|^2 of the initial c0|0> + c1|1>, c0, c1 >= 0 */
}
qt_fano_anderson_struct;
typedef qt_fano_anderson_struct qt_fano_anderson_t[1];
void qt_fano_anderson_init(qt_fano_anderson_t P);
void qt_fano_anderson_clear(qt_fano_anderson_t P);
int qt_fano_anderson_validate(const qt_fano_anderson_struct *P, char *reason);
/* G(t) and G'(t) (amplitude u = e^{-i omega0 t} G) */
void qt_fano_anderson_G(arb_t G, arb_t Gd, const qt_fano_anderson_struct *P, const arb_t t, slong prec);
/* the first zero of G (gamma0 > lambda/2) */
int qt_fano_anderson_tzero(arb_t t, const qt_fano_anderson_struct *P, slong prec, char *reason);
/* tkind QT_T_STAR means t = tzero exactly */
void qt_fano_anderson_trajectory(qt_record_t R, const qt_fano_anderson_struct *P, const arb_t t,
                                 int tkind, slong prec);

/* ---- M3: bosonic mode, thermal damping, coherent start (damped_mode.*) ---- */
typedef struct
{
    fmpq_t omega, beta, kappa, alpha_re, alpha_im;   /* |alpha0> = coherent state, alpha0 = re + i im */
}
qt_damped_mode_struct;
typedef qt_damped_mode_struct qt_damped_mode_t[1];
void qt_damped_mode_init(qt_damped_mode_t P);
void qt_damped_mode_clear(qt_damped_mode_t P);
int qt_damped_mode_validate(const qt_damped_mode_struct *P, char *reason);
/* S_E and its rate come from the Fock series (lemmas B1-B3), whose cost grows like the square of its length: at
 * most QT_FOCK_MAX_TERMS terms; a state whose series cannot reach its tail bound within them (a large mean
 * occupation for the precision) is refused at once with QT_UNCERTIFIED, "effort cap" in the reason.  The series
 * subtracts partial sums from exact moments as large as (mu + v)^3 and works with that many more bits than prec; a
 * time t rounded at prec bits would spoil them: pass a time that is not exact to about 2 prec bits (the tool does) */
#define QT_FOCK_MAX_TERMS 4000
void qt_damped_mode_trajectory(qt_record_t R, const qt_damped_mode_struct *P, const arb_t t,
                               int tkind, slong prec);

/* ---- a cycle of strokes (lindblad.cycle): per-cycle heats and the efficiency forms of 2.9 ---- */
typedef struct
{
    qt_qmat_t H;       /* the Hamiltonian during the stroke (sudden quench between strokes) */
    slong bath;        /* 0-based bath in contact during the stroke, or -1 (unitary stroke) */
    fmpq_t duration;   /* > 0 */
}
qt_stroke_struct;

typedef struct
{
    qt_open_model_t M;           /* holds n and the baths (its H and rho0 are not used) */
    slong nstrokes;
    qt_stroke_struct *stroke;
    int thermal_ok;              /* every dissipative stroke fixes the Gibbs state of its H (lemma L4) */
    char thermal_why[QT_REASON_LEN];
}
qt_cycle_struct;
typedef qt_cycle_struct qt_cycle_t[1];

void qt_cycle_init(qt_cycle_t C, slong n, slong nbaths, slong nstrokes);
void qt_cycle_clear(qt_cycle_t C);
int qt_cycle_validate(qt_cycle_t C, char *reason);
/* outputs Q_1..Q_nb (heat into the system from each bath per cycle), W (work done on the system
 * per cycle, at the quenches), eta = (Q_h + Q_c)/Q_h, eta_quoted = 1 - |Q_c|/Q_h, eta_carnot =
 * 1 - T_c/T_h, clausius = sum_j beta_j Q_j, on the certified limit cycle */
void qt_cycle_evaluate(qt_record_t R, const qt_cycle_struct *C, slong prec);

#endif
