/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_pump_fixtures.h -- the models, closed forms and checks that several pump test files share: one-qubit closed
 * forms (x_L, S, dS/dB), random exact points and models, coupling matrices of the named layouts, the checks of the
 * metric, the quadrant closed forms and the dissipation overlaps.  Each is written once here and used by the topic
 * files t_pump_*.c. */
#ifndef QT_PUMP_FIXTURES_H
#define QT_PUMP_FIXTURES_H

#include <string.h>
#include "qt_test.h"
#include "qt_internal.h"

static inline void
set_params(qt_pump_params_t P, const char *gL, const char *gR, const char *T, int conv)
{
    qt_test_setq(P->gamma_L, gL); qt_test_setq(P->gamma_R, gR); qt_test_setq(P->T, T);
    P->convention = conv;
    P->n_qubits = 1;
}

/* the three-qubit chain of the vectors: crossed layout, J = 1, b = 2, Pauli convention */
static inline void
set_crossed_chain3(qt_pump_params_t P, const char *gL, const char *gR, const char *T)
{
    set_params(P, gL, gR, T, QT_PUMP_PAULI);
    P->n_qubits = 3;
    P->coupling = QT_PUMP_COUPLING_CROSSED;
    fmpq_set_si(P->J, 1, 1);
    fmpq_set_si(P->b, 2, 1);
}

/* closed forms: x_L(theta) = gL cos^2 / (gL cos^2 + gR sin^2) with cos = Bz/B, sin = Bx/B;
   S(B) = ln(2 cosh x) - x tanh x, x = sB/T */
static inline void
closed_xL(arb_t x, const qt_pump_params_struct *P, const arb_t Bx, const arb_t Bz, slong prec)
{
    arb_t c, s;
    arb_init(c); arb_init(s);
    arb_sqr(c, Bz, prec);
    arb_mul_fmpz(c, c, fmpq_numref(P->gamma_L), prec);
    arb_div_fmpz(c, c, fmpq_denref(P->gamma_L), prec);
    arb_sqr(s, Bx, prec);
    arb_mul_fmpz(s, s, fmpq_numref(P->gamma_R), prec);
    arb_div_fmpz(s, s, fmpq_denref(P->gamma_R), prec);
    arb_add(s, s, c, prec);
    arb_div(x, c, s, prec);
    arb_clear(c); arb_clear(s);
}

/* x = sB/T (s = 1 Pauli, 1/2 spin) */
static inline void
closed_reduced_field(arb_t x, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_set_fmpq(x, P->T, prec);
    arb_div(x, B, x, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(x, x, -1);
}

/* the Gibbs entropy of one qubit as the Shannon entropy of its two populations, p = 1/(1 + e^{2x}) and 1 - p
   (x = sB/T): a different expression from the library's ln(2 cosh x) - x tanh x (field.c), equal to it */
static inline void
closed_S(arb_t S, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t x, p, q, t;
    arb_init(x); arb_init(p); arb_init(q); arb_init(t);
    closed_reduced_field(x, P, B, prec);
    arb_mul_2exp_si(t, x, 1);
    arb_exp(t, t, prec);
    arb_add_ui(t, t, 1, prec);
    arb_inv(p, t, prec);                              /* p = 1/(1 + e^{2x}), the excited population */
    arb_sub_ui(q, p, 1, prec);
    arb_neg(q, q);                                    /* 1 - p */
    arb_log(t, p, prec);
    arb_mul(S, p, t, prec);
    arb_log(t, q, prec);
    arb_addmul(S, q, t, prec);
    arb_neg(S, S);
    arb_clear(x); arb_clear(p); arb_clear(q); arb_clear(t);
}

/* dS/dB = -(s/T) x sech^2 x, x = sB/T (the Gibbs entropy of one qubit) */
static inline void
closed_dS_dB(arb_t dS, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t h;
    arb_init(h);
    closed_reduced_field(h, P, B, prec);
    arb_sech(dS, h, prec);
    arb_sqr(dS, dS, prec);
    arb_mul(dS, dS, h, prec);
    arb_div(dS, dS, B, prec);
    arb_mul(dS, dS, h, prec);
    arb_neg(dS, dS);                                  /* -(x/B) x sech^2 x = -(s/T) x sech^2 x */
    arb_clear(h);
}

/* one qubit with random rates (1..gmax)/4, T = (1..tmax)/4, both conventions, at a random point
   (x, z) in [-xr, xr]/8 other than 0 */
static inline void
random_qubit_point(qt_pump_params_t P, fmpq_t x, fmpq_t z, flint_rand_t st, int it, slong gmax, slong tmax, slong xr)
{
    set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
    fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, gmax), 4);
    fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, gmax), 4);
    fmpq_set_si(P->T, 1 + (slong) n_randint(st, tmax), 4);
    fmpq_set_si(x, (slong) n_randint(st, 2 * xr + 1) - xr, 8);
    fmpq_set_si(z, (slong) n_randint(st, 2 * xr + 1) - xr, 8);
    if (fmpq_is_zero(x) && fmpq_is_zero(z))
        fmpq_set_si(z, -1, 3);
}

/* zeta at two precisions overlap; g = sym zeta is positive semidefinite (zeta_xx, zeta_zz, det g not negative) and
   zeta_xz - zeta_zx contains 0 (real Hamiltonians) */
static inline void
check_friction_metric(arb_srcptr Z, arb_srcptr Z2, slong prec)
{
    arb_t det, g, a;
    slong k;
    arb_init(det); arb_init(g); arb_init(a);
    for (k = 0; k < 4; k++)
        ck_assert(arb_overlaps(Z + k, Z2 + k));
    ck_assert(!arb_is_negative(Z2 + 0));
    ck_assert(!arb_is_negative(Z2 + 3));
    arb_add(g, Z2 + 1, Z2 + 2, prec);
    arb_mul_2exp_si(g, g, -1);
    arb_mul(det, Z2 + 0, Z2 + 3, prec);
    arb_submul(det, g, g, prec);
    ck_assert(!arb_is_negative(det));
    arb_sub(a, Z2 + 1, Z2 + 2, prec);
    ck_assert(arb_contains_zero(a));
    arb_clear(det); arb_clear(g); arb_clear(a);
}

/* a random two-qubit model: exchange, anisotropy, asymmetry, layout and convention from the seed */
static inline void
random_two_qubit_model(qt_pump_params_t P, flint_rand_t st, int it)
{
    static const char *Js[3] = {"1/2", "1", "2"}, *Ds[3] = {"1", "1/2", "2"}, *bs[3] = {"2", "3", "1/2"};
    set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
    P->n_qubits = 2;
    qt_test_setq(P->J, Js[n_randint(st, 3)]);
    qt_test_setq(P->Delta, Ds[n_randint(st, 3)]);
    qt_test_setq(P->b, bs[n_randint(st, 3)]);
    P->coupling = (int) n_randint(st, 4);       /* default, b_on_R, b_on_L, crossed */
    fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
}

static inline int
acb_vec_overlaps4(acb_srcptr a, acb_srcptr b)
{
    slong k;
    for (k = 0; k < 4; k++)
        if (!acb_overlaps(a + k, b + k))
            return 0;
    return 1;
}

/* the reference formulas of lemma P17 from a generator G (dissipators labelled by bath), H, d_k H and the Drazin
   solutions X = [X_x | X_z] (d x 2d): Lam[2a + k] = -tr(H D_a X_k), zeta[2l + k] = tr(d_l H X_k) */
static inline void
drazin_lambda_zeta(acb_ptr Lam, acb_ptr zeta, const qt_lindblad_t G, const acb_mat_t H, const acb_mat_t dHx,
                   const acb_mat_t dHz, const acb_mat_t X, slong prec)
{
    slong d = acb_mat_nrows(H), k, a, l, i, j;
    acb_mat_t Xk, D, T1;
    acb_t t;
    acb_mat_init(Xk, d, d); acb_mat_init(D, d, d); acb_mat_init(T1, d, d);
    acb_init(t);
    for (k = 0; k < 2; k++)
    {
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                acb_set(acb_mat_entry(Xk, i, j), acb_mat_entry(X, i, d * k + j));
        for (a = 0; a < 2; a++)
        {
            qt_lindblad_apply(D, G, Xk, a, prec);
            acb_mat_mul(T1, H, D, prec);
            acb_mat_trace(t, T1, prec);
            acb_neg(Lam + 2 * a + k, t);
        }
        for (l = 0; l < 2; l++)
        {
            acb_mat_mul(T1, l == 0 ? dHx : dHz, Xk, prec);
            acb_mat_trace(zeta + 2 * l + k, T1, prec);
        }
    }
    acb_mat_clear(Xk); acb_mat_clear(D); acb_mat_clear(T1);
    acb_clear(t);
}

/* random two-qubit model (fixed seed stream): rates k/4, T k/4, J in [-2, 2] \ {0}, b in 2/3 .. 7/3 (b != 1),
 * layout and convention cycling with it */
static inline void
random_two_qubit_params(qt_pump_params_struct *P, flint_rand_t st, int it)
{
    set_params(P, "1", "2", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
    P->n_qubits = 2;
    P->coupling = it % 4;
    fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 4);
    fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 4);
    fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->J, (slong) n_randint(st, 17) - 8, 4);
    if (fmpq_is_zero(P->J))
        fmpq_one(P->J);
    fmpq_set_si(P->b, 2 + (slong) n_randint(st, 6), 3);     /* 2/3 .. 7/3 */
    if (fmpq_is_one(P->b))
        fmpq_set_si(P->b, 2, 1);
}

/* the quadrant refuses Delta != 1 (naming the quadrant) and T_R != T (naming the equal temperatures); leaves
   Delta = 1 and T_R = 2 */
static inline void
check_quadrant_refuses_delta_and_T_R(qt_pump_params_struct *P, const qt_protocol_struct *C, slong prec)
{
    char why[QT_REASON_LEN];
    arb_ptr Q = _arb_vec_init(2);
    fmpq_set_si(P->Delta, 1, 2);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_DOMAIN);
    ck_assert(strstr(why, "quadrant") != NULL);
    fmpq_one(P->Delta);
    fmpq_set_si(P->T_R, 2, 1);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_DOMAIN);
    ck_assert(strstr(why, "equal temperatures") != NULL);
    _arb_vec_clear(Q, 2);
}

/* the quadrant of P (protocol C) at prec: Q_L overlaps the closed form v, radius below 2^(24 - prec), the sum rule
 * Q_L + Q_R contains 0, and if recheck, the same at 64 bits overlaps (P23, P26) */
static inline void
check_quadrant_closed_form(const qt_pump_params_struct *P, const qt_protocol_struct *C, const arb_t v, slong prec,
                           int recheck, int it)
{
    arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
    arb_t w;
    char why[QT_REASON_LEN];
    arb_init(w);
    ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "%d: %s", it, why);
    ck_assert_msg(arb_overlaps(Q + 0, v), "quadrant %d: Q_L vs the closed form", it);
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -prec + 24) < 0);
    arb_add(w, Q + 0, Q + 1, prec);
    ck_assert(arb_contains_zero(w));
    if (recheck)
    {
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 64, why), QT_OK);
        ck_assert(arb_overlaps(Q + 0, Q2 + 0) && arb_overlaps(Q + 1, Q2 + 1));
    }
    arb_clear(w);
    _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
}

/* the radii where an envelope of P23/P26 is checked: r = R, R + 0.37, R + 3.1, 3R (j = 0..3), real */
static inline void
envelope_radius(acb_t r, const arb_t R, int j)
{
    static const double dr[4] = {0, 0.37, 3.1, 0};
    arb_t t;
    arb_init(t);
    arb_set_d(t, dr[j]);
    acb_zero(r);
    arb_add(acb_realref(r), R, t, 64);
    if (j == 3)
        arb_mul_si(acb_realref(r), R, 3, 64);
    arb_clear(t);
}

/* env = (c0 + c1 x + c2 x^2) e^{-alpha x} */
static inline void
envelope_value(arb_t env, arb_srcptr c, const arb_t alpha, const arb_t x)
{
    arb_t t;
    arb_init(t);
    arb_mul(env, c + 2, x, 64);
    arb_add(env, env, c + 1, 64);
    arb_mul(env, env, x, 64);
    arb_add(env, env, c + 0, 64);
    arb_mul(t, alpha, x, 64);
    arb_neg(t, t);
    arb_exp(t, t, 64);
    arb_mul(env, env, t, 64);
    arb_clear(t);
}

/* A = sum_j c_j sigma^w_j on N qubits (w = 'x' or 'z'; basis |q1 ... qN>, qubit 1 the most significant bit,
 * sigma_z|0> = |0>), exactly */
static inline void
pauli_sum(qt_qmat_t A, slong N, int w, const fmpq *c)
{
    slong d = (slong) 1 << N, r, j;
    for (r = 0; r < d * d; r++)
    {
        fmpq_zero(A->re + r);
        fmpq_zero(A->im + r);
    }
    for (j = 0; j < N; j++)
        for (r = 0; r < d; r++)
        {
            slong bit = (r >> (N - 1 - j)) & 1;
            if (w == 'x')
                fmpq_add(A->re + (r ^ ((slong) 1 << (N - 1 - j))) * d + r, A->re + (r ^ ((slong) 1 << (N - 1 - j))) * d + r, c + j);
            else if (bit)
                fmpq_sub(A->re + r * d + r, A->re + r * d + r, c + j);
            else
                fmpq_add(A->re + r * d + r, A->re + r * d + r, c + j);
        }
}

/* a random exact complex Hermitian d x d matrix with small rational entries (an arbitrary coupling operator) */
static inline void
random_hermitian_coupling(qt_qmat_t A, slong d, flint_rand_t st)
{
    slong i, j;
    for (i = 0; i < d; i++)
        for (j = i; j < d; j++)
        {
            fmpq_set_si(A->re + i * d + j, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 3));
            fmpq_set(A->re + j * d + i, A->re + i * d + j);
            if (i != j)
            {
                fmpq_set_si(A->im + i * d + j, (slong) n_randint(st, 5) - 2, 1 + n_randint(st, 2));
                fmpq_neg(A->im + j * d + i, A->im + i * d + j);
            }
        }
}

/* lemma P24: the holomorphic friction tensor of interacting qubits at simple levels and distinct Bohr frequencies.
 * (i) At random exact points of random two-qubit models (any J, Delta, b, layout, convention) and three-qubit chains
 * (crossed layout) where the Bohr frequencies are certified distinct, it overlaps the global Davies route of P17 (exact
 * H, exact Bohr grouping, a Drazin solve of the whole generator: no formula shared) and itself at 64 bits; with Delta = 1
 * (two qubits) the ladder spacings are equal, and the check says so.  (ii) W_diss and the length over a small triangle
 * (Delta = 1/2): overlap at 48 and 64 bits, L^2 <= tau W_diss, tau W_diss > 0.  (iii) Refusals: a sector whose leg lies
 * on the B_z axis where two Bohr frequencies of the XX model coincide, the reflection-symmetric three-qubit layouts,
 * J = 0.  (iv) Unequal temperatures: a third of the points at a random T_R against the Davies route of P21; W_diss over
 * the triangle at T_R = T (1 + 10^-30) overlaps the equal-T value, at T_R = 2 across 48/64 bits, the length indeterminate. */
/* the XXZ model of the P24 tests (Delta = 1/2, b = 2, gamma = (1, 2), T = 1; two qubits with J = 2, three in the crossed
   layout with J = 1) and the small triangle (1, 1/2), (21/20, 1/2), (51/50, 11/20) */
static inline void
xxz_small_triangle(qt_pump_params_t P, qt_protocol_t C, int n_qubits)
{
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    P->n_qubits = n_qubits;
    if (n_qubits == 3)
        P->coupling = QT_PUMP_COUPLING_CROSSED;
    fmpq_set_si(P->J, n_qubits == 3 ? 1 : 2, 1);
    fmpq_set_si(P->b, 2, 1);
    fmpq_set_si(P->Delta, 1, 2);
    C->kind = QT_PROTOCOL_POLYGON;
    qt_protocol_set_polygon_size(C, 3);
    fmpq_set_si(C->vx + 0, 1, 1); fmpq_set_si(C->vz + 0, 1, 2);
    fmpq_set_si(C->vx + 1, 21, 20); fmpq_set_si(C->vz + 1, 1, 2);
    fmpq_set_si(C->vx + 2, 51, 50); fmpq_set_si(C->vz + 2, 11, 20);
}

/* tau W_diss and the length at 48 bits (W1, L1) and 64 bits (W2, L2): they overlap, are positive, L^2 <= tau W_diss,
   and 64 bits give 40 */
static inline void
check_dissipation_48_64(arb_t W1, arb_t L1, arb_t W2, arb_t L2, const qt_pump_params_t P, const qt_protocol_t C)
{
    char why[QT_REASON_LEN];
    arb_t t;
    arb_init(t);
    ck_assert_msg(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why) == QT_OK, "%s", why);
    ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 64, why) == QT_OK, "%s", why);
    ck_assert(arb_overlaps(W1, W2) && arb_overlaps(L1, L2));
    ck_assert(arb_is_positive(W2) && arb_is_positive(L2));
    arb_sqr(t, L2, 64);
    ck_assert(arb_le(t, W2));
    ck_assert(mag_cmp_2exp_si(arb_radref(W2), -40) < 0);
    arb_clear(t);
}

/* the exact matrix of bath a's coupling operator in a named layout: sum_j c_j sigma^w_j (w = x for L, z for R) */
static inline void
layout_coupling_matrix(qt_qmat_t A, const qt_pump_params_struct *P, int a)
{
    slong j, N = P->n_qubits;
    fmpq *c = _fmpq_vec_init(N);
    for (j = 0; j < N; j++)
        qt_pump_coupling_amplitude(c + j, P, P->b, a, j);
    pauli_sum(A, N, a == 0 ? 'x' : 'z', c);
    _fmpq_vec_clear(c, N);
}

/* Q <- the model of P with its two baths L, R only (named layouts: no matrices to copy) */
static inline void
two_bath_copy(qt_pump_params_t Q, const qt_pump_params_struct *P)
{
    Q->n_qubits = P->n_qubits;
    fmpq_set(Q->gamma_L, P->gamma_L); fmpq_set(Q->gamma_R, P->gamma_R);
    fmpq_set(Q->T, P->T); fmpq_set(Q->T_R, P->T_R);
    fmpq_set(Q->J, P->J); fmpq_set(Q->Delta, P->Delta); fmpq_set(Q->b, P->b);
    Q->convention = P->convention;
    Q->coupling = P->coupling;
}

/* the splitting identity of lemma P27 for a vector v3 of the model with bath 3 = a copy of bath L at rate g3 (and
   rate g1 of L) against v2 of the model without it and rate g1 + g3 of L; w entries per bath (w = 2: Lambda, 1: Q,
   Omega) and nb2 baths in v2 (bath 3 of v3 is skipped, the later ones shift down by one) */
static inline void
check_splitting(acb_srcptr v3, acb_srcptr v2, slong nb2, slong w, const fmpq_t g1, const fmpq_t g3, slong prec,
                const char *what)
{
    acb_t t, u;
    slong a, k;
    acb_init(t); acb_init(u);
    for (k = 0; k < w; k++)
    {
        acb_add(t, v3 + k, v3 + 2 * w + k, prec);
        ck_assert_msg(acb_overlaps(t, v2 + k), "%s: L + 3 vs L (component %ld)", what, (long) k);
        /* g1 X_3 = g3 X_L: the two copies share every rate ratio */
        acb_mul_fmpz(t, v3 + 2 * w + k, fmpq_numref(g1), prec);
        acb_div_fmpz(t, t, fmpq_denref(g1), prec);
        acb_mul_fmpz(u, v3 + k, fmpq_numref(g3), prec);
        acb_div_fmpz(u, u, fmpq_denref(g3), prec);
        ck_assert_msg(acb_overlaps(t, u), "%s: g1 X_3 vs g3 X_L", what);
        for (a = 1; a < nb2; a++)
            ck_assert_msg(acb_overlaps(v3 + (a < 2 ? a : a + 1) * w + k, v2 + a * w + k), "%s: bath %ld", what, (long) a);
    }
    acb_clear(t); acb_clear(u);
}

#endif
