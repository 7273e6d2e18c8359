/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* conventions.c -- the conventions of the pump family's vector files and user guide (docs/pumping.md). */
#include "qtoracle/pump.h"

const qt_convention qt_pump_conventions[] = {
    {"units", "hbar = k_B = 1; energies in the units of the fields"},
    {"model", "N = 1, 2 or 3 qubits in a chain, H = s sum_j (B_x sigma_x^j + B_z sigma_z^j) + J_c sum_<ij> (sigma_x^i sigma_x^j + sigma_y^i sigma_y^j + Delta sigma_z^i sigma_z^j), s = 1 and J_c = J (convention=pauli) or s = 1/2 and J_c = J/4 (convention=spin); qubit 1 is the most significant bit of the basis index, sigma_z|0> = |0>"},
    {"baths", "bath L couples through sum_j cL_j sigma_x^j and bath R through sum_j cR_j sigma_z^j (coupling layouts default, b_on_R, b_on_L, crossed; coupling=local gives every qubit its own copies; coupling=matrix takes exact Hermitian A_L, A_R); baths 3 and 4 through exact Hermitian A_3, A_4; ohmic rates gamma_a w/(1 - e^{-w/T_a}); bath L at T, bath R at T_R (default T), baths 3, 4 at T_3, T_4 (default T); the global secular (Davies) generator"},
    {"heat", "heat positive INTO the bath; Q_a per counter-clockwise cycle in the (B_x, B_z) plane (B_x horizontal, B_z vertical); polygons are traversed counter-clockwise whatever their vertex order"},
    {"angles", "sector angles theta in radians from the B_z axis towards B_x"},
    {"second_order", "with period: W_diss_tau = tau W_diss for the curve traversed once at constant speed, W_diss = W_diss_tau / period, thermo_length the length in the metric g = sym(zeta)"},
    {NULL, NULL}
};
