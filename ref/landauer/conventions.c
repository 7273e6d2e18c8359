/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* conventions.c -- the conventions of the Landauer family's vector files and user guide (docs/landauer.md). */
#include "qtoracle/landauer.h"

const qt_convention qt_landauer_conventions[] = {
    {"units", "k_B = h = 1 for landauer.* (energies in the units of the parameters, E_u); hbar = k_B = 1 for driven_level.*"},
    {"channel", "one spinless channel (multiply by 2 for spin-degenerate electrons)"},
    {"current_sign", "currents positive from reservoir L to reservoir R"},
    {"heat", "heat_current_R = I_E - mu_R I_N is heat into R; heat_current_L = I_E - mu_L I_N is heat out of L"},
    {"heat_correction", "Q^R = I_Q^R - T_R I_S = T_R int T D(f_L||f_R) >= 0 (into R); Q^L = -I_Q^L + T_L I_S = T_L int T D(f_R||f_L) >= 0"},
    {"entropy", "natural logarithm (nats); sigma(f) = -f ln f - (1-f) ln(1-f) (fermions), (1+n) ln(1+n) - n ln n (bosons)"},
    {"bosons", "mu = 0, energies E > 0"},
    {"transmission", "ideal: tau; lorentzian: gamma_L gamma_R / ((E-eps0)^2 + (gamma_L+gamma_R)^2/4); box: tau on [E_lo, E_hi], 0 elsewhere"},
    {"driven_level", "rho_S(E) = (gamma/pi)/((E-eps0)^2+gamma^2), gamma = width/2; quasistatic_heat per unit d(eps0)/dt, dissipated_power per unit (d(eps0)/dt)^2"},
    {NULL, NULL}
};
