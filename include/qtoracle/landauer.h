/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* landauer.h -- two-terminal Landauer-Buettiker transport through one spinless
 * channel, k_B = h = 1.  Definitions: docs/physics/landauer.md and
 * proofs/landauer.md.  Every function returns QT_OK, QT_UNCERTIFIED or QT_DOMAIN
 * (reason written to `reason`, QT_REASON_LEN bytes) and writes a ball that contains
 * the exact value at the exact (rational) parameters. */
#ifndef QTORACLE_LANDAUER_H
#define QTORACLE_LANDAUER_H

#include "qtoracle/core.h"

enum { QT_FERMION = 0, QT_BOSON = 1 };
enum { QT_MODEL_IDEAL = 0, QT_MODEL_LORENTZIAN = 1, QT_MODEL_BOX = 2 };

/* Exact parameters.  Only those of the chosen model are read:
 *   ideal:      tau                      (T(E) = tau, 0 <= tau <= 1)
 *   lorentzian: eps0, gamma_L, gamma_R   (T(E) = gL gR / ((E-eps0)^2 + (gL+gR)^2/4))
 *   box:        E_lo, E_hi, tau          (T(E) = tau on [E_lo, E_hi], 0 elsewhere)
 * Reservoirs mu_L, T_L, mu_R, T_R (bosons: mu = 0, energies E > 0). */
typedef struct
{
    int stats;
    int model;
    fmpq_t tau, eps0, gamma_L, gamma_R, E_lo, E_hi;
    fmpq_t mu_L, T_L, mu_R, T_R;
}
qt_landauer_params_struct;
typedef qt_landauer_params_struct qt_landauer_params_t[1];

void qt_landauer_params_init(qt_landauer_params_t p);
void qt_landauer_params_clear(qt_landauer_params_t p);
/* QT_OK, or QT_DOMAIN with a message naming the parameter. */
int qt_landauer_params_validate(const qt_landauer_params_t p, char *reason);

/* the conventions of the vector files and docs/landauer.md ({NULL, NULL}-terminated) */
extern const qt_convention qt_landauer_conventions[];

/* Quantities (docs/physics/landauer.md section in brackets). */
int qt_landauer_particle_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);      /* I_N (3.1) */
int qt_landauer_energy_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);        /* I_E (3.1) */
int qt_landauer_heat_current_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);        /* I_E - mu_R I_N */
int qt_landauer_heat_current_L(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);        /* I_E - mu_L I_N */
int qt_landauer_entropy_current(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);       /* I_S (3.2) */
int qt_landauer_heat_correction_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);     /* Q^R, KL (3.3) */
int qt_landauer_heat_correction_L(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);     /* Q^L, KL (3.3) */
int qt_landauer_entropy_production(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);    /* Q^R/T_R + Q^L/T_L */
int qt_landauer_reduced_entropy_current_R(arb_t res, const qt_landauer_params_t p, slong prec, char *reason); /* (3.4 B) */
int qt_landauer_level_entropy(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);         /* (4.2), Lorentzian */

/* Second methods (closed forms), used by the tests and available to users. */
/* Ideal channel, either statistics: I_N (fermions), I_E, I_Q^R, I_S, Q^R (= Q^L). */
enum { QT_LQ_PARTICLE = 0, QT_LQ_ENERGY, QT_LQ_HEAT_R, QT_LQ_HEAT_L, QT_LQ_ENTROPY,
       QT_LQ_CORRECTION_R, QT_LQ_CORRECTION_L, QT_LQ_PRODUCTION, QT_LQ_REDUCED_R,
       QT_LQ_LEVEL_ENTROPY };
int qt_landauer_ideal_closed_form(arb_t res, int quantity, const qt_landauer_params_t p, slong prec, char *reason);
/* Lorentzian, fermions: digamma / log-gamma forms of section 4.2. */
int qt_landauer_lorentzian_closed_form(arb_t res, int quantity, const qt_landauer_params_t p, slong prec, char *reason);
/* The reduced entropy current by plain quadrature, without the cold-sink split of lemma T8 (its second method; may not
   certify for T_L/T_R beyond about 50). */
int qt_landauer_reduced_entropy_current_R_plain(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);
/* Level entropy by quadrature (the closed form is qt_landauer_level_entropy). */
int qt_landauer_level_entropy_quad(arb_t res, const qt_landauer_params_t p, slong prec, char *reason);

/* Lorentzian helpers: w = 1/2 + (gamma + i (eps0 - mu)) / (2 pi T), gamma = half width. */
void qt_lorentz_w(acb_t w, const arb_t eps0, const arb_t hwidth, const arb_t mu, const arb_t T, slong prec);
void qt_lorentz_occupation(arb_t res, const acb_t w, slong prec);   /* N(w) = 1/2 - Im psi(w)/pi */
void qt_lorentz_entropy(arb_t res, const acb_t w, slong prec);      /* s(w) */

/* Quasi-statically driven resonant level (4.4), hbar = k_B = 1. */
typedef struct
{
    fmpq_t eps0, width, mu, T;    /* width = Gamma, the full width */
}
qt_driven_level_params_struct;
typedef qt_driven_level_params_struct qt_driven_level_params_t[1];

void qt_driven_level_params_init(qt_driven_level_params_t p);
void qt_driven_level_params_clear(qt_driven_level_params_t p);
int qt_driven_level_params_validate(const qt_driven_level_params_struct *p, char *reason);

/* closed forms (polygamma) */
int qt_driven_level_quasistatic_heat(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason);
int qt_driven_level_dissipated_power(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason);
int qt_driven_level_entropy(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason);
/* the same three by quadrature (second method) */
enum { QT_DL_HEAT = 0, QT_DL_POWER, QT_DL_ENTROPY };
int qt_driven_level_quad(arb_t res, int quantity, const qt_driven_level_params_t p, slong prec, char *reason);

#endif
