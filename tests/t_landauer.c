/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_landauer.c -- the Landauer family against independent references:
 * closed forms (ideal channel, digamma/log-gamma, polygamma), the exact identities of
 * docs/physics/landauer.md §3.3, bounds of section 6, overlap across precisions, domain errors.
 * Random inputs come from a fixed seed and are exact rationals. */
#include <string.h>
#include <stdio.h>
#include <math.h>
#include "qt_test.h"
#include "../ref/landauer/landauer_internal.h"     /* transmission_on_balls: the probes' form */

typedef int (*lq_fn)(arb_t, const qt_landauer_params_t, slong, char *);

static const lq_fn quad[] = {
    qt_landauer_particle_current, qt_landauer_energy_current, qt_landauer_heat_current_R,
    qt_landauer_heat_current_L, qt_landauer_entropy_current, qt_landauer_heat_correction_R,
    qt_landauer_heat_correction_L, qt_landauer_entropy_production, qt_landauer_reduced_entropy_current_R};
static const char *qname[] = {"I_N", "I_E", "I_Q^R", "I_Q^L", "I_S", "Q^R", "Q^L", "Sigma", "I_S^red"};

static void
rand_params(qt_landauer_params_t p, flint_rand_t st, int stats, int model)
{
    p->stats = stats;
    p->model = model;
    qt_test_rand_q(p->tau, st, 0.1, 1.0);
    qt_test_rand_q(p->eps0, st, -1.0, 1.0);
    qt_test_rand_q(p->gamma_L, st, 0.05, 1.0);
    qt_test_rand_q(p->gamma_R, st, 0.05, 1.0);
    qt_test_rand_q(p->E_lo, st, stats == QT_BOSON ? 0.0 : -1.0, 0.0);
    qt_test_rand_q(p->E_hi, st, 0.1, 1.5);
    qt_test_rand_q(p->T_L, st, 0.05, 2.0);
    qt_test_rand_q(p->T_R, st, 0.05, 2.0);
    if (stats == QT_FERMION)
    {
        qt_test_rand_q(p->mu_L, st, -1.0, 1.0);
        qt_test_rand_q(p->mu_R, st, -1.0, 1.0);
    }
    else
    {
        fmpq_zero(p->mu_L);
        fmpq_zero(p->mu_R);
    }
}

/* Lemma T1-T5 and L1-L2 via closed forms: ideal channel, both statistics */
START_TEST(ideal_closed_forms)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t a, b;
    char r[QT_REASON_LEN];
    int it, q, stats = _i;
    flint_randinit(st);
    qt_landauer_params_init(p);
    arb_init(a); arb_init(b);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        rand_params(p, st, stats, QT_MODEL_IDEAL);
        if (it == 0)
            fmpq_one(p->tau);       /* exercises the reduced current's closed form */
        for (q = 0; q < 9; q++)
        {
            int s1 = quad[q](a, p, 128, r);
            int s2 = qt_landauer_ideal_closed_form(b, q, p, 128, r);
            if (stats == QT_BOSON && q == QT_LQ_PARTICLE)
            {
                ck_assert_int_eq(s1, QT_DOMAIN);   /* diverges */
                continue;
            }
            if (q == QT_LQ_REDUCED_R && !fmpq_is_one(p->tau))
                continue;
            ck_assert_int_eq(s1, QT_OK);
            ck_assert_int_eq(s2, QT_OK);
            ck_assert_msg(qt_overlaps(a, b), "ideal %s stats=%d it=%d: quadrature and closed form disagree", qname[q], stats, it);
            ck_assert_msg(arb_rel_accuracy_bits(a) > 90 || arb_contains_zero(a), "ideal %s: enclosure too wide", qname[q]);
        }
    }
    arb_clear(a); arb_clear(b);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* Lorentzian: digamma / log-gamma forms (docs/physics/landauer.md §4.2) inside the quadrature */
START_TEST(lorentzian_closed_forms)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t a, b;
    char r[QT_REASON_LEN];
    int it, q;
    flint_randinit(st);
    qt_landauer_params_init(p);
    arb_init(a); arb_init(b);
    for (it = 0; it < qt_test_iters(5); it++)
    {
        rand_params(p, st, QT_FERMION, QT_MODEL_LORENTZIAN);
        for (q = 0; q < 8; q++)
        {
            ck_assert_int_eq(quad[q](a, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_lorentzian_closed_form(b, q, p, 128, r), QT_OK);
            ck_assert_msg(qt_overlaps(a, b), "lorentzian %s it=%d disagree", qname[q], it);
        }
        ck_assert_int_eq(qt_landauer_level_entropy(a, p, 128, r), QT_OK);
        ck_assert_int_eq(qt_landauer_level_entropy_quad(b, p, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "level entropy: closed form and quadrature disagree");
    }
    arb_clear(a); arb_clear(b);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* 3.3: Q^R (KL integral) = I_Q^R - T_R I_S and Q^L = -I_Q^L + T_L I_S (difference form);
 * Sigma = Q^R/T_R + Q^L/T_L; Q >= 0; I_S^red >= I_S; |I_S| bounds of section 6.
 * Run on models without closed forms: Lorentzian bosons, boxes of both statistics. */
START_TEST(kl_equals_difference_form)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t IS, HR, HL, QR, QL, S, t, red, pi2;
    char r[QT_REASON_LEN];
    int it, k;
    const int stats[] = {QT_BOSON, QT_FERMION, QT_BOSON};
    const int model[] = {QT_MODEL_LORENTZIAN, QT_MODEL_BOX, QT_MODEL_BOX};
    flint_randinit(st);
    qt_landauer_params_init(p);
    arb_init(IS); arb_init(HR); arb_init(HL); arb_init(QR); arb_init(QL); arb_init(S); arb_init(t);
    arb_init(red); arb_init(pi2);
    arb_const_pi(pi2, 128);
    arb_sqr(pi2, pi2, 128);
    for (k = 0; k < 3; k++)
        for (it = 0; it < qt_test_iters(3); it++)
        {
            arb_t TL, TR;
            rand_params(p, st, stats[k], model[k]);
            arb_init(TL); arb_init(TR);
            arb_set_fmpq(TL, p->T_L, 128);
            arb_set_fmpq(TR, p->T_R, 128);
            ck_assert_int_eq(qt_landauer_entropy_current(IS, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_heat_current_R(HR, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_heat_current_L(HL, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_heat_correction_R(QR, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_heat_correction_L(QL, p, 128, r), QT_OK);
            ck_assert_int_eq(qt_landauer_entropy_production(S, p, 128, r), QT_OK);
            arb_mul(t, TR, IS, 128);
            arb_sub(t, HR, t, 128);
            ck_assert_msg(qt_overlaps(t, QR), "Q^R != I_Q^R - T_R I_S (k=%d it=%d)", k, it);
            arb_mul(t, TL, IS, 128);
            arb_sub(t, t, HL, 128);
            ck_assert_msg(qt_overlaps(t, QL), "Q^L != -I_Q^L + T_L I_S (k=%d it=%d)", k, it);
            arb_div(t, QR, TR, 128);
            arb_div(HR, QL, TL, 128);
            arb_add(t, t, HR, 128);
            ck_assert(qt_overlaps(t, S));
            ck_assert_msg(!arb_is_negative(QR) && !arb_is_negative(QL), "KL must be >= 0");
            /* -pi^2 T_R/3 <= I_S <= pi^2 T_L/3 */
            arb_mul(t, pi2, TL, 128);
            arb_div_ui(t, t, 3, 128);
            ck_assert(!arb_gt(IS, t));
            arb_mul(t, pi2, TR, 128);
            arb_div_ui(t, t, 3, 128);
            arb_neg(t, t);
            ck_assert(!arb_lt(IS, t));
            if (k == 1)   /* fermions: concavity gives I_S^red >= I_S */
            {
                ck_assert_int_eq(qt_landauer_reduced_entropy_current_R(red, p, 128, r), QT_OK);
                ck_assert(!arb_lt(red, IS));
            }
            arb_clear(TL); arb_clear(TR);
        }
    arb_clear(IS); arb_clear(HR); arb_clear(HL); arb_clear(QR); arb_clear(QL); arb_clear(S); arb_clear(t);
    arb_clear(red); arb_clear(pi2);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* 3.3 (2): equal temperatures, Q^R + Q^L = (mu_L - mu_R) I_N (Joule heat) */
START_TEST(equal_temperature_sum_rule)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t QR, QL, N, d;
    char r[QT_REASON_LEN];
    int it;
    flint_randinit(st);
    qt_landauer_params_init(p);
    arb_init(QR); arb_init(QL); arb_init(N); arb_init(d);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        rand_params(p, st, QT_FERMION, it % 2 ? QT_MODEL_BOX : QT_MODEL_LORENTZIAN);
        fmpq_set(p->T_R, p->T_L);
        ck_assert_int_eq(qt_landauer_heat_correction_R(QR, p, 128, r), QT_OK);
        ck_assert_int_eq(qt_landauer_heat_correction_L(QL, p, 128, r), QT_OK);
        ck_assert_int_eq(qt_landauer_particle_current(N, p, 128, r), QT_OK);
        arb_set_fmpq(d, p->mu_L, 128);
        {
            arb_t mr;
            arb_init(mr);
            arb_set_fmpq(mr, p->mu_R, 128);
            arb_sub(d, d, mr, 128);
            arb_clear(mr);
        }
        arb_mul(d, d, N, 128);
        arb_add(QR, QR, QL, 128);
        ck_assert_msg(qt_overlaps(QR, d), "Q^R + Q^L != dmu I_N at equal T (it=%d)", it);
    }
    arb_clear(QR); arb_clear(QL); arb_clear(N); arb_clear(d);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* lemma T8: the cold-sink decomposition of the reduced entropy current agrees with plain
 * quadrature where plain quadrature certifies (T_L/T_R up to 5); it is the only route beyond */
START_TEST(reduced_cold_sink_two_routes)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t a, b, IS;
    char r[QT_REASON_LEN];
    int it;
    flint_randinit(st);
    flint_randseed(st, 99, 7);
    qt_landauer_params_init(p);
    arb_init(a); arb_init(b); arb_init(IS);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        fmpq_t k;
        rand_params(p, st, it % 3 == 2 ? QT_BOSON : QT_FERMION, it % 2 ? QT_MODEL_BOX : QT_MODEL_LORENTZIAN);
        /* a cold sink: T_R = T_L / k, k in {2, 3, 5} */
        fmpq_init(k);
        fmpq_set_si(k, it % 3 == 0 ? 2 : (it % 3 == 1 ? 3 : 5), 1);
        fmpq_div(p->T_R, p->T_L, k);
        fmpq_clear(k);
        ck_assert_int_eq(qt_landauer_reduced_entropy_current_R(a, p, 128, r), QT_OK);
        ck_assert_int_eq(qt_landauer_reduced_entropy_current_R_plain(b, p, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "cold-sink split and plain quadrature disagree (it=%d)", it);
        ck_assert(arb_rel_accuracy_bits(a) > 90);
        if (p->stats == QT_FERMION)
        {
            ck_assert_int_eq(qt_landauer_entropy_current(IS, p, 128, r), QT_OK);
            ck_assert(!arb_lt(a, IS));
        }
    }
    /* T_L / T_R = 50, bosons: certifies only through the split */
    p->stats = QT_BOSON;
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->eps0, "1");
    qt_test_setq(p->gamma_L, "0.5");
    qt_test_setq(p->gamma_R, "0.5");
    fmpq_zero(p->mu_L);
    fmpq_zero(p->mu_R);
    qt_test_setq(p->T_L, "0.5");
    qt_test_setq(p->T_R, "0.01");
    ck_assert_int_eq(qt_landauer_reduced_entropy_current_R(a, p, 128, r), QT_OK);
    ck_assert(arb_rel_accuracy_bits(a) > 100);
    arb_clear(a); arb_clear(b); arb_clear(IS);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* 3.2: particle-hole symmetry (T_L = T_R, T(E) symmetric about the mean mu) => I_S = 0 */
START_TEST(particle_hole_symmetry)
{
    qt_landauer_params_t p;
    arb_t s;
    char r[QT_REASON_LEN];
    qt_landauer_params_init(p);
    arb_init(s);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->eps0, "0.25");
    qt_test_setq(p->gamma_L, "0.3");
    qt_test_setq(p->gamma_R, "0.7");
    qt_test_setq(p->mu_L, "1.25");
    qt_test_setq(p->mu_R, "-0.75");
    qt_test_setq(p->T_L, "0.4");
    qt_test_setq(p->T_R, "0.4");
    ck_assert_int_eq(qt_landauer_entropy_current(s, p, 200, r), QT_OK);
    ck_assert(arb_contains_zero(s));
    ck_assert(mag_cmp_2exp_si(arb_radref(s), -150) < 0);
    p->model = QT_MODEL_BOX;
    qt_test_setq(p->E_lo, "-0.5");
    qt_test_setq(p->E_hi, "1");
    qt_test_setq(p->tau, "0.6");
    ck_assert_int_eq(qt_landauer_entropy_current(s, p, 200, r), QT_OK);
    ck_assert(arb_contains_zero(s));
    ck_assert(mag_cmp_2exp_si(arb_radref(s), -150) < 0);
    arb_clear(s);
    qt_landauer_params_clear(p);
}
END_TEST

/* 3.3 (3): Q^R is second order in the bias: Q(b)/Q(b/2) -> 4 */
START_TEST(linear_response_second_order)
{
    qt_landauer_params_t p;
    arb_t q1, q2, lo, hi;
    char r[QT_REASON_LEN];
    qt_landauer_params_init(p);
    arb_init(q1); arb_init(q2); arb_init(lo); arb_init(hi);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->eps0, "0.3");
    qt_test_setq(p->gamma_L, "0.2");
    qt_test_setq(p->gamma_R, "0.6");
    qt_test_setq(p->mu_R, "0");
    qt_test_setq(p->T_R, "0.5");
    qt_test_setq(p->mu_L, "1/10000");
    qt_test_setq(p->T_L, "5001/10000");
    ck_assert_int_eq(qt_landauer_heat_correction_R(q1, p, 128, r), QT_OK);
    qt_test_setq(p->mu_L, "1/20000");
    qt_test_setq(p->T_L, "10001/20000");
    ck_assert_int_eq(qt_landauer_heat_correction_R(q2, p, 128, r), QT_OK);
    arb_div(q1, q1, q2, 128);
    arb_set_d(lo, 3.999);
    arb_set_d(hi, 4.001);
    ck_assert_msg(arb_gt(q1, lo) && arb_lt(q1, hi), "Q(b)/Q(b/2) not near 4");
    arb_clear(q1); arb_clear(q2); arb_clear(lo); arb_clear(hi);
    qt_landauer_params_clear(p);
}
END_TEST

/* precision: results at 64, 128 and 333 bits overlap; higher precision is narrower */
START_TEST(precision_overlap)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    arb_t a, b, c;
    char r[QT_REASON_LEN];
    int it, q;
    flint_randinit(st);
    flint_randseed(st, 12345, 678);
    qt_landauer_params_init(p);
    arb_init(a); arb_init(b); arb_init(c);
    for (it = 0; it < qt_test_iters(3); it++)
    {
        rand_params(p, st, it == 2 ? QT_BOSON : QT_FERMION, it == 1 ? QT_MODEL_BOX : QT_MODEL_LORENTZIAN);
        for (q = 1; q < 9; q++)
        {
            quad[q](a, p, 64, r);
            quad[q](b, p, 128, r);
            quad[q](c, p, 333, r);
            ck_assert_msg(qt_overlaps(a, b) && qt_overlaps(b, c) && qt_overlaps(a, c),
                          "%s: precisions disagree (it=%d)", qname[q], it);
            ck_assert(mag_cmp(arb_radref(c), arb_radref(b)) <= 0);
        }
    }
    arb_clear(a); arb_clear(b); arb_clear(c);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* quantum limit (4.2): at T = 1e-4 the particle current is the T = 0 integral
 * (gL gR / gamma)[atan((mu_L-eps0)/gamma) - atan((mu_R-eps0)/gamma)] up to O(T^2),
 * and I_S = O(T) */
START_TEST(quantum_limit)
{
    qt_landauer_params_t p;
    arb_t n, e, t, s;
    char r[QT_REASON_LEN];
    qt_landauer_params_init(p);
    arb_init(n); arb_init(e); arb_init(t); arb_init(s);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->eps0, "0.3");
    qt_test_setq(p->gamma_L, "0.2");
    qt_test_setq(p->gamma_R, "0.6");
    qt_test_setq(p->mu_L, "0.5");
    qt_test_setq(p->mu_R, "-0.5");
    qt_test_setq(p->T_L, "1/10000");
    qt_test_setq(p->T_R, "1/10000");
    ck_assert_int_eq(qt_landauer_particle_current(n, p, 128, r), QT_OK);
    /* gamma = 0.4: 0.3 [atan(0.5) + atan(2)] = 0.3 pi/2 */
    arb_const_pi(e, 128);
    arb_mul_ui(e, e, 3, 128);
    arb_div_ui(e, e, 20, 128);
    arb_sub(t, n, e, 128);
    arb_abs(t, t);
    arb_set_d(s, 1e-6);
    ck_assert_msg(arb_lt(t, s), "T -> 0 particle current off the step-function value");
    ck_assert_int_eq(qt_landauer_entropy_current(s, p, 128, r), QT_OK);
    arb_set_d(t, 1e-3);
    arb_abs(s, s);
    ck_assert(arb_lt(s, t));
    arb_clear(n); arb_clear(e); arb_clear(t); arb_clear(s);
    qt_landauer_params_clear(p);
}
END_TEST

/* driven level (4.4): polygamma closed forms inside the quadrature */
START_TEST(driven_level_closed_forms)
{
    qt_driven_level_params_t d;
    arb_t a, b;
    char r[QT_REASON_LEN];
    const char *T[] = {"1", "0.05", "0.001"};
    int i;
    qt_driven_level_params_init(d);
    arb_init(a); arb_init(b);
    qt_test_setq(d->eps0, "0.3");
    qt_test_setq(d->width, "0.5");
    qt_test_setq(d->mu, "0.1");
    for (i = 0; i < 3; i++)
    {
        qt_test_setq(d->T, T[i]);
        ck_assert_int_eq(qt_driven_level_quasistatic_heat(a, d, 128, r), QT_OK);
        ck_assert_int_eq(qt_driven_level_quad(b, QT_DL_HEAT, d, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "driven heat T=%s", T[i]);
        ck_assert_int_eq(qt_driven_level_dissipated_power(a, d, 128, r), QT_OK);
        ck_assert_int_eq(qt_driven_level_quad(b, QT_DL_POWER, d, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "driven power T=%s", T[i]);
        ck_assert_int_eq(qt_driven_level_entropy(a, d, 128, r), QT_OK);
        ck_assert_int_eq(qt_driven_level_quad(b, QT_DL_ENTROPY, d, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "driven entropy T=%s", T[i]);
    }
    /* T -> 0: P2 -> pi rho_S(mu)^2 (4.4); rho_S(0.1) = (0.25/pi)/(0.04 + 0.0625) */
    qt_test_setq(d->T, "1/1000000");
    qt_driven_level_dissipated_power(a, d, 128, r);
    arb_const_pi(b, 128);
    arb_inv(b, b, 128);
    arb_mul_ui(b, b, 100, 128);
    arb_div_ui(b, b, 41, 128);      /* rho_S(mu) = (0.25/pi)/0.1025 = 100/(41 pi) */
    arb_sqr(b, b, 128);
    {
        arb_t pi;
        arb_init(pi);
        arb_const_pi(pi, 128);
        arb_mul(b, b, pi, 128);
        arb_clear(pi);
    }
    arb_sub(a, a, b, 128);
    arb_abs(a, a);
    arb_set_d(b, 1e-6);
    ck_assert_msg(arb_lt(a, b), "P2 at T -> 0 is not pi rho_S(mu)^2");
    arb_clear(a); arb_clear(b);
    qt_driven_level_params_clear(d);
}
END_TEST

/* The Lorentzian transmission on a complex ball (the Gauss-Legendre probes, lemma Q2) against the documented
   formula gamma_L gamma_R / ((E - eps0)^2 + G^2) at exact points of the ball: boxes far below, straddling and far
   above the poles eps0 +- iG, from 1e-9 G to 100 G wide.  Contains every point's value; finite on every box that
   misses both poles; narrow on a small box; not finite on a box holding a pole */
START_TEST(transmission_on_balls)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    qt_landauer_ctx_t c;
    acb_t E, z, t, u;
    slong prec = 128, iter, j, finite = 0;
    const double place[] = {-300, -3, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 3, 300};
    const double size[] = {1e-9, 1e-3, 0.2, 0.9, 2, 40, 100};
    flint_randinit(st);
    qt_landauer_params_init(p);
    acb_init(E); acb_init(z); acb_init(t); acb_init(u);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    for (iter = 0; iter < 400; iter++)
    {
        double G_d, a, b, rx, ry, dmin = 1e300;
        int k;
        qt_test_rand_q(p->eps0, st, -1.0, 1.0);
        qt_test_rand_q(p->gamma_L, st, 0.05, 1.0);
        qt_test_rand_q(p->gamma_R, st, 0.05, 1.0);
        qt_landauer_ctx_init(c, p, prec);
        G_d = (fmpq_get_d(p->gamma_L) + fmpq_get_d(p->gamma_R)) / 2;
        a = place[n_randint(st, 11)] + (double) n_randint(st, 1000) / 4096;
        b = place[n_randint(st, 11)] + (double) n_randint(st, 1000) / 4096;
        rx = size[n_randint(st, 7)] * G_d;
        ry = size[n_randint(st, 7)] * G_d;
        arb_set_d(acb_realref(E), a * G_d);
        arb_add(acb_realref(E), acb_realref(E), c->eps0, prec);
        arb_set_d(acb_imagref(E), b * G_d + (b == 0 ? 1e-3 * G_d : 0));   /* Im E != 0: the probes' form */
        mag_set_d(arb_radref(acb_realref(E)), rx);
        mag_set_d(arb_radref(acb_imagref(E)), ry);
        qt_landauer_transmission(t, E, c, prec);
        for (k = -1; k <= 1; k += 2)       /* the box's distance from the poles eps0 + k i G (in units of G) */
        {
            double dx = fabs(a * G_d) - rx, dy = fabs(arf_get_d(arb_midref(acb_imagref(E)), ARF_RND_NEAR) - k * G_d) - ry;
            dx = dx > 0 ? dx : 0;
            dy = dy > 0 ? dy : 0;
            dmin = FLINT_MIN(dmin, sqrt(dx * dx + dy * dy) / G_d);
        }
        if (dmin > 1e-3)
        {
            ck_assert_msg(acb_is_finite(t), "the ball misses the poles by %g G, the transmission is not finite", dmin);
            finite++;
        }
        if (dmin == 0 && rx > 2 * G_d && ry > 2 * G_d && fabs(a) < 0.5 && fabs(b) < 0.5)
            ck_assert(!acb_is_finite(t));                           /* both poles inside */
        if (dmin > 0.1 && rx < 1e-8 * G_d && ry < 1e-8 * G_d)
            ck_assert_msg(acb_rel_accuracy_bits(t) > 20, "a ball of radius 1e-9 G gives %ld bits",
                          (long) acb_rel_accuracy_bits(t));                   /* narrow */
        for (j = 0; j < 5; j++)
        {
            /* an exact point of the box and the documented formula there */
            arb_set_d(acb_realref(z), (double) ((slong) n_randint(st, 2001) - 1000) / 1000 * rx);
            arb_set_d(acb_imagref(z), (double) ((slong) n_randint(st, 2001) - 1000) / 1000 * ry);
            arb_add_arf(acb_realref(z), acb_realref(z), arb_midref(acb_realref(E)), ARF_PREC_EXACT);
            arb_add_arf(acb_imagref(z), acb_imagref(z), arb_midref(acb_imagref(E)), ARF_PREC_EXACT);
            acb_sub_arb(u, z, c->eps0, 2 * prec);
            acb_sqr(u, u, 2 * prec);
            acb_add_arb(u, u, c->hw2, 2 * prec);
            acb_inv(u, u, 2 * prec);
            acb_mul_arb(u, u, c->gLgR, 2 * prec);
            if (acb_is_finite(t))
                ck_assert_msg(acb_overlaps(t, u), "iter %ld: the ball's transmission misses its value at a point",
                              (long) iter);
        }
        qt_landauer_ctx_clear(c);
    }
    ck_assert(finite > 200);
    acb_clear(E); acb_clear(z); acb_clear(t); acb_clear(u);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* The fermion integrands at the Gauss-Legendre nodes (integrand_real.c, lemma L1's branches, N and HR over one
   denominator) against the documented integrands at the same exact point, from f = 1/(1+e^x), 1 - f = e^x/(1+e^x),
   sigma(f) = -f ln f - (1-f) ln(1-f) and D(p||q) = p ln(p/q) + (1-p) ln((1-p)/(1-q)) at three times the precision:
   points far below both chemical potentials, between them (the two branches mixed), at and near each, and far above,
   with either reservoir the hotter, both models.  Overlap, and narrow: N and HR to 30 bits of their precision
   relative to their value (no cancellation is left in the common numerator), the others to 30 bits absolute */
/* a fermion model for the pointwise tests: both chemical potentials in [-1, 1], temperatures in [0.05, 3], and the
   Lorentzian's and the ideal channel's parameters (the model decides which are read) */
static void
rand_fermion_model(qt_landauer_params_t p, flint_rand_t st, int model)
{
    p->stats = QT_FERMION;
    p->model = model;
    qt_test_rand_q(p->mu_L, st, -1.0, 1.0);
    qt_test_rand_q(p->mu_R, st, -1.0, 1.0);
    qt_test_rand_q(p->T_L, st, 0.05, 3.0);
    qt_test_rand_q(p->T_R, st, 0.05, 3.0);
    qt_test_rand_q(p->eps0, st, -1.0, 1.0);
    qt_test_rand_q(p->gamma_L, st, 0.05, 1.0);
    qt_test_rand_q(p->gamma_R, st, 0.05, 1.0);
    qt_test_rand_q(p->tau, st, 0.1, 1.0);
}

/* lemma L4: the bound the probes of an ellipse get for I_N's and I_Q^R's fermion integrands on a complex ball is at least
   |f| at every sample point of the ball (its corners, edge midpoints, centre and 16 interior points), f computed from
   the documented formula at three times the precision; random models (Lorentzian and ideal), balls placed far left of,
   between, on and far right of the chemical potentials and the Lorentzian's poles, with imaginary half-widths from 0 to
   beyond pi T (where the bound may be infinite).  The bound must be finite on most balls (it serves) */
START_TEST(probe_bound_contains_samples)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    qt_landauer_ctx_t c;
    acb_t B, z, v, w, f0, f1, t;
    arb_t mu, T, e0, gl, gr, a;
    mag_t M, m;
    slong prec = 128, wp = 384, iter, finite = 0, samples = 0;
    int j, k, lor, kind;
    const double place[] = {-60, -6, -1, -0.2, 0, 0.2, 1, 6, 60};
    flint_randinit(st);
    qt_landauer_params_init(p);
    acb_init(B); acb_init(z); acb_init(v); acb_init(w); acb_init(f0); acb_init(f1); acb_init(t);
    arb_init(mu); arb_init(T); arb_init(e0); arb_init(gl); arb_init(gr); arb_init(a);
    mag_init(M); mag_init(m);
    for (iter = 0; iter < qt_test_iters(400); iter++)
    {
        lor = iter % 2;
        kind = (iter / 2) % 2 ? LK_HR : LK_N;
        rand_fermion_model(p, st, lor ? QT_MODEL_LORENTZIAN : QT_MODEL_IDEAL);
        qt_landauer_ctx_init(c, p, prec);
        c->kind = kind;
        /* a ball: centre at a placement (units of the larger temperature) from mu_L or mu_R, half-widths up to 4 T
           in the real direction and up to 1.5 pi T_min in the imaginary one */
        {
            double Tm = FLINT_MAX(fmpq_get_d(p->T_L), fmpq_get_d(p->T_R));
            double Tn = FLINT_MIN(fmpq_get_d(p->T_L), fmpq_get_d(p->T_R));
            arb_set_d(acb_realref(B), place[n_randint(st, 9)] * Tm + (double) n_randint(st, 1000) / 4096);
            arb_add_arf(acb_realref(B), acb_realref(B), arb_midref(c->mu[n_randint(st, 2)]), 60);
            arb_get_mid_arb(acb_realref(B), acb_realref(B));
            arb_set_d(acb_imagref(B), ((double) n_randint(st, 2001) - 1000) / 1000 * 1.5 * 3.14159 * Tn);
            mag_set_d(arb_radref(acb_realref(B)), (double) n_randint(st, 1001) / 250 * Tm);
            mag_set_d(arb_radref(acb_imagref(B)), (double) n_randint(st, 1001) / 1000 * 1.5 * 3.14159 * Tn);
        }
        qt_landauer_integrand(v, B, c, 1, prec);
        if (!acb_is_finite(v))
        {
            qt_landauer_ctx_clear(c);
            continue;
        }
        finite++;
        acb_get_mag(M, v);
        for (j = 0; j < 5; j++)
            for (k = 0; k < 5; k++)
            {
                /* the point mid + (s rx) + i (u ry), s, u in {-1, -1/2, 0, 1/2, 1}: exact, inside the ball */
                arf_t r;
                arf_init(r);
                acb_set(z, B);
                mag_zero(arb_radref(acb_realref(z)));
                mag_zero(arb_radref(acb_imagref(z)));
                arf_set_mag(r, arb_radref(acb_realref(B)));
                arf_mul_si(r, r, j - 2, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul_2exp_si(r, r, -1);
                arb_add_arf(acb_realref(z), acb_realref(z), r, ARF_PREC_EXACT);
                arf_set_mag(r, arb_radref(acb_imagref(B)));
                arf_mul_si(r, r, k - 2, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul_2exp_si(r, r, -1);
                arb_add_arf(acb_imagref(z), acb_imagref(z), r, ARF_PREC_EXACT);
                arf_clear(r);
                /* the documented integrand at z, at wp: T(z) [f(w_L) - f(w_R)] (times z - mu_R for I_Q^R) */
                arb_set_fmpq(mu, p->mu_L, wp); arb_set_fmpq(T, p->T_L, wp);
                acb_sub_arb(w, z, mu, wp); acb_div_arb(w, w, T, wp);
                acb_exp(w, w, wp); acb_add_ui(w, w, 1, wp); acb_inv(f0, w, wp);
                arb_set_fmpq(mu, p->mu_R, wp); arb_set_fmpq(T, p->T_R, wp);
                acb_sub_arb(w, z, mu, wp); acb_div_arb(w, w, T, wp);
                acb_exp(w, w, wp); acb_add_ui(w, w, 1, wp); acb_inv(f1, w, wp);
                acb_sub(f0, f0, f1, wp);
                if (lor)
                {
                    arb_set_fmpq(e0, p->eps0, wp); arb_set_fmpq(gl, p->gamma_L, wp); arb_set_fmpq(gr, p->gamma_R, wp);
                    arb_add(a, gl, gr, wp); arb_mul_2exp_si(a, a, -1); arb_sqr(a, a, wp);
                    acb_sub_arb(t, z, e0, wp); acb_sqr(t, t, wp); acb_add_arb(t, t, a, wp);
                    arb_mul(a, gl, gr, wp); acb_inv(t, t, wp); acb_mul_arb(t, t, a, wp);
                }
                else
                    acb_set_fmpq(t, p->tau, wp);
                acb_mul(f0, f0, t, wp);
                if (kind == LK_HR)
                {
                    arb_set_fmpq(mu, p->mu_R, wp);
                    acb_sub_arb(w, z, mu, wp);
                    acb_mul(f0, f0, w, wp);
                }
                if (!acb_is_finite(f0))
                    continue;                  /* a pole on a sample point: no finite value to compare */
                acb_get_mag_lower(m, f0);
                samples++;
                ck_assert_msg(mag_cmp(m, M) <= 0, "iter %ld: |f| at a sample point exceeds the ball's bound", iter);
            }
        qt_landauer_ctx_clear(c);
    }
    /* the bound serves: finite on most balls, and checked at many points */
    ck_assert(finite * 2 > qt_test_iters(400));
    ck_assert(samples > 20 * finite);
    qt_landauer_params_clear(p);
    acb_clear(B); acb_clear(z); acb_clear(v); acb_clear(w); acb_clear(f0); acb_clear(f1); acb_clear(t);
    arb_clear(mu); arb_clear(T); arb_clear(e0); arb_clear(gl); arb_clear(gr); arb_clear(a);
    mag_clear(M); mag_clear(m);
    flint_randclear(st);
}
END_TEST

START_TEST(real_nodes_against_formula)
{
    flint_rand_t st;
    qt_landauer_params_t p;
    qt_landauer_ctx_t c;
    arb_t E, v, x[2], f[2], g[2], tr, ref, a, b;
    acb_t Ec, w;
    slong prec = 128, wp = 384, iter, checked = 0;
    int k, j, lor;
    const double place[] = {-400, -60, -3, -0.7, -0.05, 0, 0.05, 0.7, 3, 60, 400};
    flint_randinit(st);
    qt_landauer_params_init(p);
    arb_init(E); arb_init(v); arb_init(tr); arb_init(ref); arb_init(a); arb_init(b);
    acb_init(Ec); acb_init(w);
    for (j = 0; j < 2; j++)
    {
        arb_init(x[j]); arb_init(f[j]); arb_init(g[j]);
    }
    for (iter = 0; iter < qt_test_iters(300); iter++)
    {
        lor = iter % 2;
        rand_fermion_model(p, st, lor ? QT_MODEL_LORENTZIAN : QT_MODEL_IDEAL);
        qt_landauer_ctx_init(c, p, prec);
        /* an exact point: a placement in units of the larger temperature from mu_L or mu_R, or exactly at one */
        arb_set_d(E, place[n_randint(st, 11)] * FLINT_MAX(fmpq_get_d(p->T_L), fmpq_get_d(p->T_R))
                     + (double) n_randint(st, 1000) / 8192);
        arb_add_arf(E, E, arb_midref(c->mu[n_randint(st, 2)]), ARF_PREC_EXACT);
        if (n_randint(st, 8) == 0)
            arb_set_round(E, c->mu[n_randint(st, 2)], 60);
        arb_get_mid_arb(E, E);
        /* the documented pieces at wp */
        for (j = 0; j < 2; j++)
        {
            arb_t mu, T;
            arb_init(mu); arb_init(T);
            arb_set_fmpq(mu, j ? p->mu_R : p->mu_L, wp);
            arb_set_fmpq(T, j ? p->T_R : p->T_L, wp);
            arb_sub(x[j], E, mu, wp);
            arb_div(x[j], x[j], T, wp);
            arb_exp(a, x[j], wp);
            arb_add_ui(b, a, 1, wp);
            arb_inv(f[j], b, wp);                /* f */
            arb_div(g[j], a, b, wp);             /* 1 - f */
            arb_clear(mu); arb_clear(T);
        }
        if (lor)
        {
            arb_t e0, gl, gr;
            arb_init(e0); arb_init(gl); arb_init(gr);
            arb_set_fmpq(e0, p->eps0, wp);
            arb_set_fmpq(gl, p->gamma_L, wp);
            arb_set_fmpq(gr, p->gamma_R, wp);
            arb_add(a, gl, gr, wp);
            arb_mul_2exp_si(a, a, -1);
            arb_sqr(a, a, wp);                   /* ((gamma_L + gamma_R)/2)^2 */
            arb_sub(tr, E, e0, wp);
            arb_sqr(tr, tr, wp);
            arb_add(tr, tr, a, wp);
            arb_mul(a, gl, gr, wp);
            arb_div(tr, a, tr, wp);
            arb_clear(e0); arb_clear(gl); arb_clear(gr);
        }
        else
            arb_set_fmpq(tr, p->tau, wp);
        for (k = LK_N; k <= LK_QL; k++)
        {
            c->kind = k;
            if (!qt_landauer_integrand_real(v, E, c, prec))
                continue;                        /* QR, QL exactly at a chemical potential: the complex path */
            switch (k)
            {
                case LK_N:
                case LK_HR:
                    arb_sub(ref, f[0], f[1], wp);
                    if (k == LK_HR)
                    {
                        arb_set_fmpq(a, p->mu_R, wp);
                        arb_sub(a, E, a, wp);
                        arb_mul(ref, ref, a, wp);
                    }
                    break;
                case LK_S:
                    arb_zero(ref);
                    for (j = 0; j < 2; j++)
                    {
                        arb_log(a, f[j], wp);
                        arb_mul(a, a, f[j], wp);
                        arb_log(b, g[j], wp);
                        arb_mul(b, b, g[j], wp);
                        arb_add(a, a, b, wp);
                        if (j == 0)
                            arb_sub(ref, ref, a, wp);
                        else
                            arb_add(ref, ref, a, wp);
                    }
                    break;
                default:
                {
                    int pp = (k == LK_QR) ? 0 : 1, q = 1 - pp;
                    arb_div(a, f[pp], f[q], wp);
                    arb_log(a, a, wp);
                    arb_mul(ref, a, f[pp], wp);
                    arb_div(a, g[pp], g[q], wp);
                    arb_log(a, a, wp);
                    arb_addmul(ref, a, g[pp], wp);
                    arb_set_fmpq(a, q ? p->T_R : p->T_L, wp);
                    arb_mul(ref, ref, a, wp);
                    break;
                }
            }
            arb_mul(ref, ref, tr, wp);
            ck_assert_msg(arb_overlaps(v, ref), "iter %ld kind %d: the node's integrand misses the formula",
                          (long) iter, k);
            if (k == LK_N || k == LK_HR)
            {
                /* HR's factor E - mu_R loses the bits that E and mu_R share */
                slong loss = 0;
                if (k == LK_HR)
                {
                    arb_set_fmpq(b, p->mu_R, wp);
                    arb_sub(b, E, b, wp);
                    if (!arb_contains_zero(b))
                        loss = FLINT_MAX(0, FLINT_MAX(arf_abs_bound_lt_2exp_si(arb_midref(E)), 1)
                                            - arf_abs_bound_lt_2exp_si(arb_midref(b)) + 1);
                }
                if (!arb_contains_zero(ref))
                    ck_assert_msg(arb_rel_accuracy_bits(v) >= prec - 30 - loss, "iter %ld kind %d: %ld bits",
                                  (long) iter, k, (long) arb_rel_accuracy_bits(v));
            }
            else
                ck_assert_msg(mag_cmp_2exp_si(arb_radref(v), -(prec - 30)) <= 0, "iter %ld kind %d: wide",
                              (long) iter, k);
            checked++;
        }
        qt_landauer_ctx_clear(c);
    }
    ck_assert(checked > 1000);
    for (j = 0; j < 2; j++)
    {
        arb_clear(x[j]); arb_clear(f[j]); arb_clear(g[j]);
    }
    arb_clear(E); arb_clear(v); arb_clear(tr); arb_clear(ref); arb_clear(a); arb_clear(b);
    acb_clear(Ec); acb_clear(w);
    qt_landauer_params_clear(p);
    flint_randclear(st);
}
END_TEST

/* the --digits guarantee on a Landauer quantity: 50 digits met, and overlaps 15 digits */
static int
is_fn(arb_t res, const void *p, slong prec, char *reason)
{
    return qt_landauer_entropy_current(res, (const qt_landauer_params_struct *) p, prec, reason);
}

START_TEST(digits_guarantee)
{
    qt_landauer_params_t p;
    qt_result_t r1, r2;
    qt_landauer_params_init(p);
    qt_result_init(r1);
    qt_result_init(r2);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->eps0, "0.3");
    qt_test_setq(p->gamma_L, "0.2");
    qt_test_setq(p->gamma_R, "0.6");
    qt_test_setq(p->mu_L, "0.4");
    qt_test_setq(p->mu_R, "-0.2");
    qt_test_setq(p->T_L, "1.5");
    qt_test_setq(p->T_R, "0.7");
    ck_assert_int_eq(qt_eval_digits(r1, is_fn, p, 50), QT_OK);
    ck_assert(qt_arb_meets_digits(&r1->value, 50));
    ck_assert_int_eq(qt_eval_digits(r2, is_fn, p, 15), QT_OK);
    ck_assert(qt_overlaps(&r1->value, &r2->value));
    qt_result_clear(r1);
    qt_result_clear(r2);
    qt_landauer_params_clear(p);
}
END_TEST

/* domain errors name the parameter */
START_TEST(domain_errors)
{
    qt_landauer_params_t p;
    arb_t a;
    char r[QT_REASON_LEN];
    qt_landauer_params_init(p);
    arb_init(a);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_IDEAL;
    qt_test_setq(p->T_L, "1");
    qt_test_setq(p->T_R, "1");
    qt_test_setq(p->T_L, "-1");
    ck_assert_int_eq(qt_landauer_particle_current(a, p, 64, r), QT_DOMAIN);
    ck_assert_msg(strstr(r, "T_L must be > 0") != NULL, "%s", r);
    qt_test_setq(p->T_L, "1");
    qt_test_setq(p->tau, "1.5");
    ck_assert_int_eq(qt_landauer_entropy_current(a, p, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "tau") != NULL);
    qt_test_setq(p->tau, "1");
    p->model = QT_MODEL_LORENTZIAN;
    qt_test_setq(p->gamma_L, "0");
    qt_test_setq(p->gamma_R, "1");
    ck_assert_int_eq(qt_landauer_entropy_current(a, p, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "gamma_L") != NULL);
    p->model = QT_MODEL_BOX;
    qt_test_setq(p->E_lo, "1");
    qt_test_setq(p->E_hi, "1");
    ck_assert_int_eq(qt_landauer_entropy_current(a, p, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "E_lo") != NULL);
    p->stats = QT_BOSON;
    p->model = QT_MODEL_IDEAL;
    qt_test_setq(p->mu_L, "0.1");
    ck_assert_int_eq(qt_landauer_entropy_current(a, p, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "mu_L") != NULL);
    fmpq_zero(p->mu_L);
    qt_test_setq(p->T_L, "2");
    ck_assert_int_eq(qt_landauer_particle_current(a, p, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "diverges") != NULL);
    ck_assert_int_eq(qt_landauer_level_entropy(a, p, 64, r), QT_DOMAIN);
    arb_clear(a);
    qt_landauer_params_clear(p);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("landauer");
    TCase *tc = tcase_create("landauer");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, ideal_closed_forms, 0, 2);
    tcase_add_test(tc, lorentzian_closed_forms);
    tcase_add_test(tc, kl_equals_difference_form);
    tcase_add_test(tc, equal_temperature_sum_rule);
    tcase_add_test(tc, particle_hole_symmetry);
    tcase_add_test(tc, reduced_cold_sink_two_routes);
    tcase_add_test(tc, linear_response_second_order);
    tcase_add_test(tc, precision_overlap);
    tcase_add_test(tc, quantum_limit);
    tcase_add_test(tc, driven_level_closed_forms);
    tcase_add_test(tc, digits_guarantee);
    tcase_add_test(tc, transmission_on_balls);
    tcase_add_test(tc, real_nodes_against_formula);
    tcase_add_test(tc, probe_bound_contains_samples);
    tcase_add_test(tc, domain_errors);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
