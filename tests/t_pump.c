/* t_pump.c -- the single-qubit pump (pumping.md 3) against independent references: the closed form
 * Lambda_a = -T x_a(theta) grad S(B), the full Lindblad route (superoperator + Drazin solve, with the
 * coherence blocks) at the same points, the sector closed form Q_L = -T [x_L(theta1) - x_L(theta0)]
 * [S(r1) - S(r0)], the sum rule sum_a Q_a = 0, the bound |Q_a| <= T ln 2, the spin/Pauli rescaling,
 * orientation, overlap across precisions and the error paths.  Random inputs from fixed seeds. */
#include <string.h>
#include "qt_test.h"
#include "qtoracle/pump.h"
#include "qtoracle/lindblad.h"
#include "qtoracle/trajectory.h"
#include "../ref/pump/pump_internal.h"     /* the level scan of lemma P9 (iv) */

static void
set_params(qt_pump_params_t P, const char *gL, const char *gR, const char *T, int conv)
{
    qt_test_setq(P->gamma_L, gL); qt_test_setq(P->gamma_R, gR); qt_test_setq(P->T, T);
    P->convention = conv;
    P->n_qubits = 1;
}

/* the three-qubit chain of the vectors: crossed layout, J = 1, b = 2, Pauli convention */
static void
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
static void
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
static void
closed_reduced_field(arb_t x, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_set_fmpq(x, P->T, prec);
    arb_div(x, B, x, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(x, x, -1);
}

static void
closed_S(arb_t S, const qt_pump_params_struct *P, const arb_t B, slong prec)
{
    arb_t x, t;
    arb_init(x); arb_init(t);
    closed_reduced_field(x, P, B, prec);
    arb_cosh(S, x, prec);
    arb_mul_2exp_si(S, S, 1);
    arb_log(S, S, prec);
    arb_tanh(t, x, prec);
    arb_submul(S, x, t, prec);
    arb_clear(x); arb_clear(t);
}

/* dS/dB = -(s/T) x sech^2 x, x = sB/T (the Gibbs entropy of one qubit) */
static void
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

START_TEST(lambda_three_routes)
{
    flint_rand_t st;
    int it;
    slong prec = 160;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(40); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz;
        acb_ptr A, F;
        arb_t B, x, dS, T, v, h;
        char why[QT_REASON_LEN];
        slong a, k;
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
        acb_init(bx); acb_init(bz);
        A = _acb_vec_init(4); F = _acb_vec_init(4);
        arb_init(B); arb_init(x); arb_init(dS); arb_init(T); arb_init(v); arb_init(h);
        arb_set_si(acb_realref(bx), (slong) n_randint(st, 41) - 20);
        arb_set_si(acb_realref(bz), (slong) n_randint(st, 41) - 20);
        if (arb_is_zero(acb_realref(bx)) && arb_is_zero(acb_realref(bz)))
            arb_one(acb_realref(bz));
        arb_mul_2exp_si(acb_realref(bx), acb_realref(bx), -3);
        arb_mul_2exp_si(acb_realref(bz), acb_realref(bz), -3);
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_lambda_full_acb(F, P, bx, bz, 0, prec, why), QT_OK);
        /* closed form: Lambda_a,k = -T x_a dS/dB lambda_k / B, dS/dB = -(s/T) x sech^2 x, x = sB/T */
        arb_sqr(B, acb_realref(bx), prec);
        arb_addmul(B, acb_realref(bz), acb_realref(bz), prec);
        arb_sqrt(B, B, prec);
        arb_set_fmpq(T, P->T, prec);
        closed_dS_dB(dS, P, B, prec);
        closed_xL(x, P, acb_realref(bx), acb_realref(bz), prec);
        for (a = 0; a < 2; a++)
            for (k = 0; k < 2; k++)
            {
                arb_set(v, a == 0 ? x : x);
                if (a == 1)
                {
                    arb_sub_ui(v, x, 1, prec);
                    arb_neg(v, v);
                }
                arb_mul(v, v, dS, prec);
                arb_mul(v, v, T, prec);
                arb_mul(v, v, k == 0 ? acb_realref(bx) : acb_realref(bz), prec);
                arb_div(v, v, B, prec);
                arb_neg(v, v);
                ck_assert_msg(arb_overlaps(v, acb_realref(A + 2 * a + k)), "secular route vs closed form (%ld, %ld)", (long) a, (long) k);
                ck_assert_msg(arb_overlaps(acb_realref(F + 2 * a + k), acb_realref(A + 2 * a + k)), "full Lindblad route vs secular route");
                ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(A + 2 * a + k)), -120) < 0);
            }
        qt_pump_params_clear(P);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(A, 4); _acb_vec_clear(F, 4);
        arb_clear(B); arb_clear(x); arb_clear(dS); arb_clear(T); arb_clear(v); arb_clear(h);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(sector_closed_form_and_sum_rule)
{
    /* pumping.md 3: Q_L = -T [x_L(theta1) - x_L(theta0)] [S(r1) - S(r0)] (counter-clockwise) */
    static const char *cases[][4] = {{"0.5", "3", "0.2", "1.3"}, {"0.1", "8", "0", "1.57"}, {"1", "2", "-0.7", "0.4"}, {"0.25", "5", "2", "3"}};
    int i;
    for (i = 0; i < 4; i++)
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_ptr Q = _arb_vec_init(2);
        arb_t t0, t1, r, c, s, x0, x1, S0, S1, v, T;
        char why[QT_REASON_LEN];
        slong prec = 128;
        qt_pump_params_init(P);
        set_params(P, "1", "3", "0.7", i % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_SECTOR;
        qt_test_setq(C->r0, cases[i][0]); qt_test_setq(C->r1, cases[i][1]);
        qt_test_setq(C->theta0, cases[i][2]); qt_test_setq(C->theta1, cases[i][3]);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_OK);
        arb_init(t0); arb_init(t1); arb_init(r); arb_init(c); arb_init(s); arb_init(x0); arb_init(x1);
        arb_init(S0); arb_init(S1); arb_init(v); arb_init(T);
        arb_set_fmpq(t0, C->theta0, prec);
        arb_set_fmpq(t1, C->theta1, prec);
        arb_sin_cos(s, c, t0, prec);
        closed_xL(x0, P, s, c, prec);
        arb_sin_cos(s, c, t1, prec);
        closed_xL(x1, P, s, c, prec);
        arb_set_fmpq(r, C->r0, prec);
        closed_S(S0, P, r, prec);
        arb_set_fmpq(r, C->r1, prec);
        closed_S(S1, P, r, prec);
        arb_sub(v, x1, x0, prec);
        arb_sub(S1, S1, S0, prec);
        arb_mul(v, v, S1, prec);
        arb_set_fmpq(T, P->T, prec);
        arb_mul(v, v, T, prec);
        arb_neg(v, v);
        ck_assert_msg(arb_overlaps(v, Q + 0), "sector %d: engine vs closed form", i);
        arb_add(v, Q + 0, Q + 1, prec);
        ck_assert(arb_contains_zero(v));
        ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -100) < 0);
        qt_pump_params_clear(P);
        qt_protocol_clear(C);
        _arb_vec_clear(Q, 2);
        arb_clear(t0); arb_clear(t1); arb_clear(r); arb_clear(c); arb_clear(s); arb_clear(x0); arb_clear(x1);
        arb_clear(S0); arb_clear(S1); arb_clear(v); arb_clear(T);
    }
}
END_TEST

START_TEST(random_protocols_bound_and_orientation)
{
    /* |Q_L| <= T ln 2 (pumping.md 3) on random circles; a polygon and its reverse give the same
       (counter-clockwise) Q; spin convention at (c, r) equals Pauli at (c/2, r/2); precisions overlap */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_protocol_t C, D;
        arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
        arb_t b;
        char why[QT_REASON_LEN];
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 2);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 2);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 4), 2);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_set_si(C->cx, (slong) n_randint(st, 9) - 4, 2);
        fmpq_set_si(C->cz, (slong) n_randint(st, 9) - 4, 2);
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 6), 2);
        if (qt_protocol_validate(C, why) != QT_OK)
            fmpq_set_si(C->radius, 1, 3);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 96, why), QT_OK);
        arb_init(b);
        arb_const_log2(b, 96);
        arb_mul_fmpz(b, b, fmpq_numref(P->T), 96);
        arb_div_fmpz(b, b, fmpq_denref(P->T), 96);
        arb_abs(Q2 + 0, Q + 0);
        ck_assert(arb_le(Q2 + 0, b));
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 192, why), QT_OK);
        ck_assert(arb_overlaps(Q + 0, Q2 + 0) && arb_overlaps(Q + 1, Q2 + 1));
        /* spin at (2c, 2r) = Pauli at (c, r) */
        qt_protocol_init(D);
        D->kind = QT_PROTOCOL_CIRCLE;
        fmpq_mul_2exp(D->cx, C->cx, 1);
        fmpq_mul_2exp(D->cz, C->cz, 1);
        fmpq_mul_2exp(D->radius, C->radius, 1);
        P->convention = QT_PUMP_SPIN;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, D, 96, why), QT_OK);
        ck_assert(arb_overlaps(Q + 0, Q2 + 0));
        P->convention = QT_PUMP_PAULI;
        qt_protocol_clear(D);
        /* a triangle and its reverse */
        qt_protocol_init(D);
        qt_protocol_set_polygon_size(D, 3);
        fmpq_set_si(D->vx + 0, 1, 1); fmpq_set_si(D->vz + 0, 1, 2);
        fmpq_set_si(D->vx + 1, 3, 1); fmpq_set_si(D->vz + 1, 1, 1);
        fmpq_set_si(D->vx + 2, 1, 2); fmpq_set_si(D->vz + 2, 2 + it, 1);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, D, 96, why), QT_OK);
        fmpq_swap(D->vx + 1, D->vx + 2);
        fmpq_swap(D->vz + 1, D->vz + 2);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, D, 96, why), QT_OK);
        ck_assert(arb_overlaps(Q + 0, Q2 + 0));
        arb_add(b, Q + 0, Q + 1, 96);
        ck_assert(arb_contains_zero(b));
        qt_protocol_clear(D);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
        _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
        arb_clear(b);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(error_paths)
{
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2);
    acb_t bx, bz;
    acb_ptr L = _acb_vec_init(4);
    char why[QT_REASON_LEN];
    qt_pump_params_init(P);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_set_si(C->cx, 3, 5); fmpq_set_si(C->cz, 4, 5); fmpq_one(C->radius);      /* through B = 0 */
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "B = 0") != NULL);
    C->kind = QT_PROTOCOL_SECTOR;
    fmpq_zero(C->r0); fmpq_set_si(C->r1, 2, 1); fmpq_zero(C->theta0); fmpq_one(C->theta1);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "r0") != NULL);
    P->n_qubits = 4;
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "n_qubits") != NULL);
    P->n_qubits = 2;
    {
        arb_ptr Z = _arb_vec_init(4);
        fmpq_t x1, z1;
        fmpq_init(x1); fmpq_init(z1);
        fmpq_one(x1); fmpq_one(z1);
        /* two qubits sharing the baths with J = 0, b = 1: the singlet is dark, the stationary state not unique; the
           friction refuses up front (domain error naming b), the Davies route on its own finds no unique solve */
        ck_assert_int_eq(qt_pump_friction(Z, P, x1, z1, 64, why), QT_DOMAIN);
        ck_assert(strncmp(why, "b:", 2) == 0);
        {
            acb_ptr Zc = _acb_vec_init(4);
            ck_assert_int_eq(qt_pump_davies_route(NULL, Zc, P, x1, z1, 64, why), QT_UNCERTIFIED);
            ck_assert(strstr(why, "unique") != NULL);
            _acb_vec_clear(Zc, 4);
        }
        fmpq_clear(x1); fmpq_clear(z1);
        _arb_vec_clear(Z, 4);
    }
    P->n_qubits = 1;
    fmpq_one(P->J);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "J") != NULL);
    fmpq_zero(P->J);
    fmpq_zero(P->gamma_R);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "gamma_R") != NULL);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    acb_init(bx); acb_init(bz);
    ck_assert_int_eq(qt_pump_lambda_acb(L, P, bx, bz, 0, 64, why), QT_DOMAIN);
    acb_clear(bx); acb_clear(bz);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    _arb_vec_clear(Q, 2);
    _acb_vec_clear(L, 4);
}
END_TEST


START_TEST(curvature_closed_form)
{
    /* pumping_derivations.md: Omega_L = -2 gL gR sin cos / [(gL cos^2 + gR sin^2)^2 T cosh^2(B/T)] (Pauli
       convention), on 12 random points and rates; Omega_L + Omega_R = 0 */
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        arb_ptr O = _arb_vec_init(2);
        arb_t bx, bz, B, c, s, d, v, T;
        char why[QT_REASON_LEN];
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
        fmpq_init(x); fmpq_init(z);
        fmpq_set_si(x, (slong) n_randint(st, 31) - 15, 8);
        fmpq_set_si(z, (slong) n_randint(st, 31) - 15, 8);
        if (fmpq_is_zero(x) && fmpq_is_zero(z))
            fmpq_one(z);
        ck_assert_int_eq(qt_pump_curvature(O, P, x, z, prec, why), QT_OK);
        arb_init(bx); arb_init(bz); arb_init(B); arb_init(c); arb_init(s); arb_init(d); arb_init(v); arb_init(T);
        arb_set_fmpq(bx, x, prec);
        arb_set_fmpq(bz, z, prec);
        arb_sqr(B, bx, prec);
        arb_addmul(B, bz, bz, prec);
        arb_sqrt(B, B, prec);
        arb_div(s, bx, B, prec);
        arb_div(c, bz, B, prec);
        /* d = gL c^2 + gR s^2 */
        arb_sqr(d, c, prec);
        arb_mul_fmpz(d, d, fmpq_numref(P->gamma_L), prec);
        arb_div_fmpz(d, d, fmpq_denref(P->gamma_L), prec);
        arb_sqr(v, s, prec);
        arb_mul_fmpz(v, v, fmpq_numref(P->gamma_R), prec);
        arb_div_fmpz(v, v, fmpq_denref(P->gamma_R), prec);
        arb_add(d, d, v, prec);
        arb_sqr(d, d, prec);
        arb_set_fmpq(T, P->T, prec);
        arb_div(v, B, T, prec);
        arb_cosh(v, v, prec);
        arb_sqr(v, v, prec);
        arb_mul(d, d, v, prec);
        arb_mul(d, d, T, prec);
        arb_mul(v, s, c, prec);
        arb_mul_2exp_si(v, v, 1);
        arb_mul_fmpz(v, v, fmpq_numref(P->gamma_L), prec);
        arb_div_fmpz(v, v, fmpq_denref(P->gamma_L), prec);
        arb_mul_fmpz(v, v, fmpq_numref(P->gamma_R), prec);
        arb_div_fmpz(v, v, fmpq_denref(P->gamma_R), prec);
        arb_div(v, v, d, prec);
        arb_neg(v, v);
        ck_assert_msg(arb_overlaps(v, O + 0), "rotor vs closed form");
        arb_add(v, O + 0, O + 1, prec);
        ck_assert(arb_contains_zero(v));
        ck_assert(mag_cmp_2exp_si(arb_radref(O + 0), -100) < 0);
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _arb_vec_clear(O, 2);
        arb_clear(bx); arb_clear(bz); arb_clear(B); arb_clear(c); arb_clear(s); arb_clear(d); arb_clear(v); arb_clear(T);
    }
    flint_randclear(st);
}
END_TEST

/* one qubit with random rates (1..gmax)/4, T = (1..tmax)/4, both conventions, at a random point
   (x, z) in [-xr, xr]/8 other than 0 */
static void
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
static void
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

START_TEST(friction_metric_psd)
{
    /* the metric g = sym(zeta) is positive semidefinite at common T (detailed balance); the antisymmetric
       part vanishes for real x-z Hamiltonians (pumping_derivations.md 2.3); 128 and 256 bits overlap */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(20); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        arb_ptr Z = _arb_vec_init(4), Z2 = _arb_vec_init(4);
        char why[QT_REASON_LEN];
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        random_qubit_point(P, x, z, st, it, 9, 8, 15);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_OK);
        ck_assert_int_eq(qt_pump_friction(Z2, P, x, z, 256, why), QT_OK);
        check_friction_metric(Z, Z2, 256);
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _arb_vec_clear(Z, 4); _arb_vec_clear(Z2, 4);
    }
    flint_randclear(st);
}
END_TEST


/* a random two-qubit model: exchange, anisotropy, asymmetry, layout and convention from the seed */
static void
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

static int
acb_vec_overlaps4(acb_srcptr a, acb_srcptr b)
{
    slong k;
    for (k = 0; k < 4; k++)
        if (!acb_overlaps(a + k, b + k))
            return 0;
    return 1;
}

START_TEST(davies_route_vs_other_routes)
{
    /* lemma P17: the global Davies route (exact H, exact Bohr grouping, Daleckii-Krein, Drazin solve) against every
       independent route where both apply: one qubit (Lambda closed, zeta closed P14); two interacting qubits (Lambda by
       the population route P9/P13, any Delta, layout, convention); three qubits (crossed layout: no dark sector);
       two and three non-interacting qubits with local baths (degenerate levels, grouped Bohr frequencies) against the
       product route P16 for Lambda and zeta */
    flint_rand_t st;
    int it, compared = 0;
    slong prec = 128;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(4), L2 = _acb_vec_init(4), Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4);
        arb_ptr Zr = _arb_vec_init(4);
        slong k;
        int kind = it % 4;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        acb_init(bx); acb_init(bz);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        if (kind == 1)
            random_two_qubit_model(P, st, it);
        else if (kind == 2)
        {
            P->n_qubits = 2 + (slong) n_randint(st, 2);
            P->coupling = QT_PUMP_COUPLING_LOCAL;
            fmpq_set_si(P->b, 1 + (slong) n_randint(st, 8), 4);
        }
        else if (kind == 3 && it % 8 == 3)
        {
            P->n_qubits = 3;
            P->coupling = QT_PUMP_COUPLING_CROSSED;
            qt_test_setq(P->J, "1");
            qt_test_setq(P->b, it % 16 == 3 ? "2" : "1/3");
        }
        else if (kind == 3)
            random_two_qubit_model(P, st, it + 1);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        ck_assert_msg(qt_pump_davies_route(L1, Z1, P, x, z, prec, why) == QT_OK, "Davies route: %s", why);
        if (qt_pump_lambda_acb(L2, P, bx, bz, 0, prec, why) != QT_OK)
        {
            /* the population route refuses at a level crossing; nothing to compare */
            ck_assert(P->n_qubits > 1);
            goto next;
        }
        {
            fmpq_t Bc, r2;
            fmpq_init(Bc); fmpq_init(r2);
            /* exactly on the two-qubit level crossing the analytic-branch value of P13 differs (documented) */
            if (qt_pump_level_crossing_radius(Bc, P) && fmpq_equal_si(Bc, 0) == 0)
            {
                fmpq_mul(Bc, Bc, Bc);
                fmpq_mul(r2, x, x);
                fmpq_addmul(r2, z, z);
                if (fmpq_equal(Bc, r2))
                {
                    fmpq_clear(Bc); fmpq_clear(r2);
                    goto next;
                }
            }
            fmpq_clear(Bc); fmpq_clear(r2);
        }
        ck_assert_msg(acb_vec_overlaps4(L1, L2), "Lambda: Davies vs population/closed route, it = %d", it);
        if (P->n_qubits == 1)
        {
            ck_assert_int_eq(qt_pump_friction_qubit_acb(Z2, P, bx, bz, 0, prec, why), QT_OK);
            ck_assert(acb_vec_overlaps4(Z1, Z2));
        }
        if (qt_pump_is_product(P))
        {
            ck_assert_int_eq(qt_pump_friction(Zr, P, x, z, prec, why), QT_OK);
            for (k = 0; k < 4; k++)
                ck_assert(arb_overlaps(acb_realref(Z1 + k), Zr + k));
        }
        compared++;
    next:
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4); _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4);
        _arb_vec_clear(Zr, 4);
    }
    ck_assert_int_ge(compared, qt_test_iters(12) - 2);
    flint_randclear(st);
}
END_TEST

START_TEST(interacting_friction)
{
    /* 2-3 interacting qubits (lemma P17): the metric g = sym(zeta) is positive semidefinite on random points (equal T),
       the antisymmetric part vanishes (real Hamiltonian), 96 and 192 bits overlap; refusals: a dark level (three
       qubits, default layout: the reflection-symmetric chain), unequal temperatures */
    flint_rand_t st;
    int it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(10); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        arb_ptr Z = _arb_vec_init(4), Z2 = _arb_vec_init(4);
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        random_two_qubit_model(P, st, it);
        if (it == 4)
        {
            P->n_qubits = 3;
            P->coupling = QT_PUMP_COUPLING_CROSSED;
        }
        ck_assert_msg(qt_pump_friction(Z, P, x, z, 96, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_friction(Z2, P, x, z, 192, why), QT_OK);
        check_friction_metric(Z, Z2, 192);
        ck_assert(arb_is_positive(Z2 + 0));
        ck_assert(arb_is_positive(Z2 + 3));
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _arb_vec_clear(Z, 4); _arb_vec_clear(Z2, 4);
    }
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        arb_ptr Z = _arb_vec_init(4);
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 3;
        qt_test_setq(P->J, "1");
        qt_test_setq(P->b, "2");
        fmpq_set_si(x, 7, 10);
        fmpq_set_si(z, 13, 10);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_UNCERTIFIED);
        ck_assert(strstr(why, "not be unique") != NULL || strstr(why, "nonsingular") != NULL);
        ck_assert(!arb_is_finite(Z + 0));
        P->n_qubits = 2;
        qt_test_setq(P->T_R, "2");
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_OK);      /* lemma P21 */
        ck_assert(arb_is_finite(Z + 0) && arb_is_finite(Z + 3));
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _arb_vec_clear(Z, 4);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(friction_closed_form_vs_drazin)
{
    /* lemma P14: the closed holomorphic zeta (population and coherence blocks in the frame of the field)
       overlaps the full Lindblad route (superoperator of the Davies generator + certified Drazin solve) */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(24); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz;
        arb_ptr Z = _arb_vec_init(4);
        acb_ptr Zc = _acb_vec_init(4);
        char why[QT_REASON_LEN];
        slong k;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        random_qubit_point(P, x, z, st, it, 16, 12, 20);
        acb_init(bx); acb_init(bz);
        acb_set_fmpq(bx, x, 128);
        acb_set_fmpq(bz, z, 128);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_OK);
        ck_assert_int_eq(qt_pump_friction_qubit_acb(Zc, P, bx, bz, 0, 128, why), QT_OK);
        for (k = 0; k < 4; k++)
        {
            ck_assert(arb_overlaps(Z + k, acb_realref(Zc + k)));
            ck_assert(arb_contains_zero(acb_imagref(Zc + k)));
            ck_assert(arb_rel_accuracy_bits(acb_realref(Zc + k)) > 100 || arb_contains_zero(Z + k));
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        acb_clear(bx); acb_clear(bz);
        _arb_vec_clear(Z, 4);
        _acb_vec_clear(Zc, 4);
    }
    flint_randclear(st);
}
END_TEST

/* lemma P15 on a circle of radius R about B = 0 where zeta_tt is constant (equal baths): tau W_diss = (2 pi R)^2
   zeta_zz(R, 0) and L = 2 pi R sqrt(zeta_zz(R, 0)), zeta from the Drazin route of qt_pump_friction */
static void
check_circle_about_zero(const qt_pump_params_struct *P, qt_protocol_t C, const fmpq_t R, slong prec, slong bits)
{
    arb_ptr Z = _arb_vec_init(4);
    arb_t W, L, t, u;
    fmpq_t zero;
    char why[QT_REASON_LEN];
    arb_init(W); arb_init(L); arb_init(t); arb_init(u);
    fmpq_init(zero);
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_zero(C->cx);
    fmpq_zero(C->cz);
    fmpq_set(C->radius, R);
    ck_assert_msg(qt_pump_dissipation_per_cycle(W, L, P, C, prec, why) == QT_OK, "%s", why);
    ck_assert_int_eq(qt_pump_friction(Z, P, R, zero, 128, why), QT_OK);
    arb_const_pi(t, 128);
    arb_mul_2exp_si(t, t, 1);
    arb_mul_fmpz(t, t, fmpq_numref(R), 128);
    arb_div_fmpz(t, t, fmpq_denref(R), 128);       /* 2 pi R */
    arb_sqr(u, t, 128);
    arb_mul(u, u, Z + 3, 128);
    ck_assert(arb_overlaps(u, W));
    arb_sqrt(u, Z + 3, 128);
    arb_mul(u, u, t, 128);
    ck_assert(arb_overlaps(u, L));
    ck_assert(arb_rel_accuracy_bits(W) > bits);
    arb_clear(W); arb_clear(L); arb_clear(t); arb_clear(u);
    fmpq_clear(zero);
    _arb_vec_clear(Z, 4);
}

START_TEST(dissipation_per_cycle)
{
    /* lemma P15: (a) a circle about B = 0 with gamma_L = gamma_R: zeta_ee is constant on it, so
       W_diss_tau = (2 pi R)^2 zeta_ee and L = 2 pi R sqrt(zeta_ee), with zeta_ee = zeta_zz at (R, 0) from the
       Drazin route; (b) random circles and polygons: L^2 <= W_diss_tau (Cauchy-Schwarz), W_diss_tau > 0,
       the reversed polygon and the polygon with its edges split at their midpoints give the same values
       (constant speed, reparametrisation), 64 and 128 bits overlap; (c) the refusals */
    flint_rand_t st;
    int it;
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_t W, L, W2, L2, t, u;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    arb_init(W); arb_init(L); arb_init(W2); arb_init(L2); arb_init(t); arb_init(u);
    for (it = 0; it < 4; it++)
    {
        fmpq_t R;
        qt_pump_params_init(P);
        set_params(P, "3/2", "3/2", it < 2 ? "1" : "2/3", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        qt_protocol_init(C);
        fmpq_init(R);
        fmpq_set_si(R, 1 + it, 3);
        check_circle_about_zero(P, C, R, 128, 100);
        fmpq_clear(R);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
    }
    for (it = 0; it < qt_test_iters(6); it++)
    {
        slong i, m = 3 + (slong) n_randint(st, 3);
        qt_protocol_t D;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 2 + (slong) n_randint(st, 6), 4);
        qt_protocol_init(C);
        qt_protocol_init(D);
        if (it % 3 == 0)
        {
            C->kind = QT_PROTOCOL_CIRCLE;
            fmpq_set_si(C->cx, 2 + (slong) n_randint(st, 8), 4);
            fmpq_set_si(C->cz, (slong) n_randint(st, 9) - 4, 4);
            fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 6), 4);
        }
        else
        {
            /* a convex polygon in the half plane B_x > 0 (vertices on a circle about (2, 0)) and the same polygon
               reversed with every edge split at its midpoint */
            static const slong cs[5][2] = {{4, 0}, {1, 3}, {-3, 2}, {-3, -2}, {1, -3}};
            qt_protocol_set_polygon_size(C, m);
            qt_protocol_set_polygon_size(D, 2 * m);
            for (i = 0; i < m; i++)
            {
                slong k = (i * 5) / m;
                fmpq_set_si(C->vx + i, 8 + cs[k][0], 4);
                fmpq_set_si(C->vz + i, cs[k][1], 4);
            }
            for (i = 0; i < m; i++)
            {
                slong j = (i + 1) % m, r = 2 * m - 1 - 2 * i;
                fmpq_set(D->vx + r, C->vx + i);
                fmpq_set(D->vz + r, C->vz + i);
                fmpq_add(D->vx + (r + 2 * m - 1) % (2 * m), C->vx + i, C->vx + j);
                fmpq_div_2exp(D->vx + (r + 2 * m - 1) % (2 * m), D->vx + (r + 2 * m - 1) % (2 * m), 1);
                fmpq_add(D->vz + (r + 2 * m - 1) % (2 * m), C->vz + i, C->vz + j);
                fmpq_div_2exp(D->vz + (r + 2 * m - 1) % (2 * m), D->vz + (r + 2 * m - 1) % (2 * m), 1);
            }
        }
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_OK);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L2, P, C, 128, why), QT_OK);
        ck_assert(arb_overlaps(W, W2) && arb_overlaps(L, L2));
        ck_assert(arb_is_positive(W2));
        arb_sqr(t, L2, 128);
        ck_assert(!arb_gt(t, W2));
        if (C->kind == QT_PROTOCOL_POLYGON)
        {
            ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, D, 128, why), QT_OK);
            ck_assert(arb_overlaps(W, W2) && arb_overlaps(L, L2));
        }
        qt_protocol_clear(C);
        qt_protocol_clear(D);
        qt_pump_params_clear(P);
    }
    /* refusals, each naming its field */
    qt_pump_params_init(P);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_QUADRANT;
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "protocol") != NULL);
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_one(C->cx); fmpq_set_si(C->radius, 1, 2);
    C->has_period = 1;
    fmpq_set_si(C->period, -1, 1);
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "period") != NULL);
    fmpq_one(C->period);
    fmpq_set_si(P->T_R, 2, 1);
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_OK);     /* lemma P22: W_diss only */
    ck_assert(arb_is_finite(W) && !arb_is_finite(L));
    fmpq_set_si(P->T_R, -1, 1);
    P->n_qubits = 2;
    fmpq_one(P->J);
    fmpq_one(P->b);
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);     /* the dark singlet */
    ck_assert(strstr(why, "b") != NULL && strstr(why, "singlet") != NULL);
    fmpq_set_si(P->b, 2, 1);
    P->n_qubits = 3;                    /* the reflection-symmetric chain (XXZ and crossed: multi_friction_generic) */
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "coupling") != NULL);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    arb_clear(W); arb_clear(L); arb_clear(W2); arb_clear(L2); arb_clear(t); arb_clear(u);
    flint_randclear(st);
}
END_TEST

/* C = A (x) B for 2 x 2 factors */
static void
kron2(acb_mat_t C, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    slong i, j, k, l;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            for (k = 0; k < 2; k++)
                for (l = 0; l < 2; l++)
                    acb_mul(acb_mat_entry(C, 2 * i + k, 2 * j + l), acb_mat_entry(A, i, j), acb_mat_entry(B, k, l), prec);
}

/* the reference formulas of lemma P17 from a generator G (dissipators labelled by bath), H, d_k H and the Drazin
   solutions X = [X_x | X_z] (d x 2d): Lam[2a + k] = -tr(H D_a X_k), zeta[2l + k] = tr(d_l H X_k) */
static void
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

START_TEST(product_route_vs_global_davies)
{
    /* lemma P16: two non-interacting qubits with local baths (coupling=local, J = 0).  Reference: the global
       Davies generator built from its definition, A_a(w) = sum_{E' - E = w} Pi_E A_a Pi_E' over the global
       eigenprojectors Pi_{2sB} = Pe Pe, Pi_0 = Pe Pg + Pg Pe, Pi_{-2sB} = Pg Pg (the degenerate Bohr frequency 2sB
       of the transitions ee -> eg/ge and eg/ge -> gg grouped, as the secular approximation demands), the 16 x 16
       superoperator and a certified Drazin solve; Lambda_{a,k} = -tr(H D_a L^+ d_k rho0) and zeta_kl =
       tr(d_k H L^+ d_l rho0) against the product route (sum of one-qubit values). */
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz, B, s, f, df, t, T, g, w, r, one;
        acb_mat_t sx, sz, id, u, Pe, Pg, Pi[3], H, A, M, Y, X, Xk, D, S16, tmp, tmp2, rho1, drho1[2], dH[2];
        qt_lindblad_t G;
        acb_ptr Lam = _acb_vec_init(4), Lr = _acb_vec_init(4), Zr = _acb_vec_init(4);
        arb_ptr Z = _arb_vec_init(4);
        char why[QT_REASON_LEN];
        slong a, j, k, l, m1, m2, i;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_LOCAL;
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 12), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 12), 4);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->b, 1 + (slong) n_randint(st, 8), 4);
        fmpq_init(x); fmpq_init(z);
        fmpq_set_si(x, (slong) n_randint(st, 25) - 12, 8);
        fmpq_set_si(z, 1 + (slong) n_randint(st, 12), 8);
        acb_init(bx); acb_init(bz); acb_init(B); acb_init(s); acb_init(f); acb_init(df); acb_init(t); acb_init(T);
        acb_init(g); acb_init(w); acb_init(r); acb_init(one);
        acb_mat_init(sx, 2, 2); acb_mat_init(sz, 2, 2); acb_mat_init(id, 2, 2); acb_mat_init(u, 2, 2);
        acb_mat_init(Pe, 2, 2); acb_mat_init(Pg, 2, 2); acb_mat_init(rho1, 2, 2);
        acb_mat_init(drho1[0], 2, 2); acb_mat_init(drho1[1], 2, 2);
        for (i = 0; i < 3; i++)
            acb_mat_init(Pi[i], 4, 4);
        acb_mat_init(H, 4, 4); acb_mat_init(A, 4, 4); acb_mat_init(M, 4, 4); acb_mat_init(Y, 4, 8); acb_mat_init(X, 4, 8);
        acb_mat_init(Xk, 4, 4); acb_mat_init(D, 4, 4); acb_mat_init(S16, 16, 16); acb_mat_init(tmp, 4, 4); acb_mat_init(tmp2, 4, 4);
        acb_mat_init(dH[0], 4, 4); acb_mat_init(dH[1], 4, 4);
        qt_lindblad_init(G, 4);
        acb_one(one);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        acb_set_fmpq(T, P->T, prec);
        if (P->convention == QT_PUMP_SPIN) acb_set_d(s, 0.5); else acb_one(s);
        acb_mat_one(id);
        acb_one(acb_mat_entry(sx, 0, 1)); acb_one(acb_mat_entry(sx, 1, 0));
        acb_one(acb_mat_entry(sz, 0, 0)); acb_neg(acb_mat_entry(sz, 1, 1), one);
        acb_mul(B, bx, bx, prec);
        acb_addmul(B, bz, bz, prec);
        acb_sqrt(B, B, prec);
        /* u = (B_x sx + B_z sz)/B, Pe = (1 + u)/2, Pg = (1 - u)/2, rho1 = (1 - f u)/2, f = tanh(sB/T) */
        acb_mat_scalar_mul_acb(u, sx, bx, prec);
        acb_mat_scalar_mul_acb(tmp, sz, bz, prec);    /* tmp is 4 x 4: use its 2 x 2 corner via a helper copy */
        acb_mat_clear(tmp);
        acb_mat_init(tmp, 2, 2);
        acb_mat_scalar_mul_acb(tmp, sz, bz, prec);
        acb_mat_add(u, u, tmp, prec);
        acb_mat_scalar_div_acb(u, u, B, prec);
        acb_mat_add(Pe, id, u, prec); acb_mat_scalar_mul_2exp_si(Pe, Pe, -1);
        acb_mat_sub(Pg, id, u, prec); acb_mat_scalar_mul_2exp_si(Pg, Pg, -1);
        acb_mul(t, s, B, prec); acb_div(t, t, T, prec); acb_tanh(f, t, prec);
        acb_mat_scalar_mul_acb(rho1, u, f, prec);
        acb_mat_sub(rho1, id, rho1, prec); acb_mat_scalar_mul_2exp_si(rho1, rho1, -1);
        for (k = 0; k < 2; k++)
        {
            /* d_k rho1 = -(1/2)(d_k f u + f d_k u), d_k f = (s/T)(1 - f^2) lambda_k/B, d_k u = sigma_k/B - u lambda_k/B^2 */
            const acb_struct *lk = k == 0 ? bx : bz;
            acb_mul(df, f, f, prec); acb_sub(df, one, df, prec); acb_mul(df, df, s, prec);
            acb_div(df, df, T, prec); acb_mul(df, df, lk, prec); acb_div(df, df, B, prec);
            acb_mat_scalar_div_acb(tmp, k == 0 ? sx : sz, B, prec);
            acb_mul(t, lk, one, prec); acb_div(t, t, B, prec); acb_div(t, t, B, prec);
            acb_mat_scalar_mul_acb(drho1[k], u, t, prec);
            acb_mat_sub(tmp, tmp, drho1[k], prec);
            acb_mat_scalar_mul_acb(tmp, tmp, f, prec);
            acb_mat_scalar_mul_acb(drho1[k], u, df, prec);
            acb_mat_add(drho1[k], drho1[k], tmp, prec);
            acb_mat_scalar_mul_2exp_si(drho1[k], drho1[k], -1);
            acb_mat_neg(drho1[k], drho1[k]);
        }
        acb_mat_clear(tmp);
        acb_mat_init(tmp, 4, 4);
        /* global projectors (levels 2sB, 0, -2sB) and H, d_k H */
        kron2(Pi[0], Pe, Pe, prec);
        kron2(Pi[1], Pe, Pg, prec); kron2(tmp, Pg, Pe, prec); acb_mat_add(Pi[1], Pi[1], tmp, prec);
        kron2(Pi[2], Pg, Pg, prec);
        for (k = 0; k < 2; k++)
        {
            kron2(dH[k], k == 0 ? sx : sz, id, prec);
            kron2(tmp, id, k == 0 ? sx : sz, prec);
            acb_mat_add(dH[k], dH[k], tmp, prec);
            acb_mat_scalar_mul_acb(dH[k], dH[k], s, prec);
        }
        acb_mat_scalar_mul_acb(H, dH[0], bx, prec);
        acb_mat_scalar_mul_acb(tmp, dH[1], bz, prec);
        acb_mat_add(H, H, tmp, prec);
        qt_lindblad_set_hamiltonian(G, H);
        /* dissipators: per bath a, copy j, Bohr frequency w = (m2 - m1) 2sB grouped over (E, E') pairs */
        for (a = 0; a < 2; a++)
            for (j = 0; j < 2; j++)
            {
                acb_mat_t Aw, At;
                slong dm;
                acb_mat_init(Aw, 4, 4); acb_mat_init(At, 4, 4);
                if (j == 0) kron2(A, a == 0 ? sx : sz, id, prec);
                else
                {
                    kron2(A, id, a == 0 ? sx : sz, prec);
                    acb_set_fmpq(t, P->b, prec);
                    acb_mat_scalar_mul_acb(A, A, t, prec);
                }
                acb_set_fmpq(g, a == 0 ? P->gamma_L : P->gamma_R, prec);
                for (dm = -2; dm <= 2; dm++)
                {
                    /* w = E' - E with E = (1 - m1) 2sB, E' = (1 - m2) 2sB: w = (m1 - m2) 2sB = dm 2sB */
                    acb_mat_zero(Aw);
                    for (m1 = 0; m1 < 3; m1++)
                        for (m2 = 0; m2 < 3; m2++)
                            if (m1 - m2 == dm)
                            {
                                acb_mat_mul(M, Pi[m1], A, prec);
                                acb_mat_mul(M, M, Pi[m2], prec);
                                acb_mat_add(Aw, Aw, M, prec);
                            }
                    acb_mul_si(w, s, 2 * dm, prec);
                    acb_mul(w, w, B, prec);
                    if (dm == 0)
                        acb_mul(r, g, T, prec);
                    else
                    {
                        acb_div(t, w, T, prec); acb_neg(t, t); acb_expm1(t, t, prec);
                        acb_div(r, w, t, prec); acb_neg(r, r); acb_mul(r, r, g, prec);
                    }
                    acb_mat_transpose(At, Aw);
                    qt_lindblad_add_with_adjoint(G, Aw, At, r, a, prec);
                }
                acb_mat_clear(Aw); acb_mat_clear(At);
            }
        /* d_k rho0 = d rho1 (x) rho1 + rho1 (x) d rho1, stacked as Y = [Y_x | Y_z] */
        for (k = 0; k < 2; k++)
        {
            kron2(M, drho1[k], rho1, prec);
            kron2(tmp, rho1, drho1[k], prec);
            acb_mat_add(M, M, tmp, prec);
            for (i = 0; i < 4; i++)
                for (l = 0; l < 4; l++)
                    acb_set(acb_mat_entry(Y, i, 4 * k + l), acb_mat_entry(M, i, l));
        }
        qt_lindblad_superop(S16, G, prec);
        ck_assert_int_eq(qt_lindblad_drazin_solve(X, S16, Y, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_lambda_acb(Lam, P, bx, bz, 0, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, prec, why), QT_OK);
        drazin_lambda_zeta(Lr, Zr, G, H, dH[0], dH[1], X, prec);
        for (k = 0; k < 4; k++)
            ck_assert(acb_overlaps(Lr + k, Lam + k) && arb_overlaps(acb_realref(Zr + k), Z + k));
        qt_lindblad_clear(G);
        acb_clear(bx); acb_clear(bz); acb_clear(B); acb_clear(s); acb_clear(f); acb_clear(df); acb_clear(t); acb_clear(T);
        acb_clear(g); acb_clear(w); acb_clear(r); acb_clear(one);
        acb_mat_clear(sx); acb_mat_clear(sz); acb_mat_clear(id); acb_mat_clear(u); acb_mat_clear(Pe); acb_mat_clear(Pg);
        acb_mat_clear(rho1); acb_mat_clear(drho1[0]); acb_mat_clear(drho1[1]);
        for (i = 0; i < 3; i++)
            acb_mat_clear(Pi[i]);
        acb_mat_clear(H); acb_mat_clear(A); acb_mat_clear(M); acb_mat_clear(Y); acb_mat_clear(X); acb_mat_clear(Xk);
        acb_mat_clear(D); acb_mat_clear(S16); acb_mat_clear(tmp); acb_mat_clear(tmp2); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
        fmpq_clear(x); fmpq_clear(z);
        _acb_vec_clear(Lam, 4); _acb_vec_clear(Lr, 4); _acb_vec_clear(Zr, 4);
        _arb_vec_clear(Z, 4);
        qt_pump_params_clear(P);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(non_interacting_qubits)
{
    /* pumping.md 3: N_q non-interacting qubits (coupling=local) pump N_q times the single-qubit heat; the quadrant
       gives -N_q T ln 2 (the bound N_q T ln 2, saturated); sum rule; with b = 1, tau W_diss scales by N_q and the
       thermodynamic length by sqrt(N_q); refusals (J != 0 with local baths) */
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q1 = _arb_vec_init(2), QN = _arb_vec_init(2);
    arb_t W1, L1, WN, LN, t;
    char why[QT_REASON_LEN];
    slong N;
    arb_init(W1); arb_init(L1); arb_init(WN); arb_init(LN); arb_init(t);
    qt_pump_params_init(P);
    set_params(P, "1", "5/2", "3/4", QT_PUMP_PAULI);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_POLYGON;
    qt_protocol_set_polygon_size(C, 3);
    qt_test_setq(C->vx + 0, "1/2"); qt_test_setq(C->vz + 0, "1/4");
    qt_test_setq(C->vx + 1, "2"); qt_test_setq(C->vz + 1, "1/2");
    qt_test_setq(C->vx + 2, "1"); qt_test_setq(C->vz + 2, "3/2");
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q1, P, C, 96, why), QT_OK);
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 96, why), QT_OK);
    P->coupling = QT_PUMP_COUPLING_LOCAL;
    for (N = 2; N <= 3; N++)
    {
        P->n_qubits = N;
        ck_assert_int_eq(qt_pump_heat_per_cycle(QN, P, C, 96, why), QT_OK);
        arb_mul_si(t, Q1 + 0, N, 96);
        ck_assert(arb_overlaps(t, QN + 0));
        arb_add(t, QN + 0, QN + 1, 96);
        ck_assert(arb_contains_zero(t));
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(WN, LN, P, C, 96, why), QT_OK);
        arb_mul_si(t, W1, N, 96);
        ck_assert(arb_overlaps(t, WN));
        arb_sqr(t, L1, 96);
        arb_mul_si(t, t, N, 96);
        arb_sqr(LN, LN, 96);
        ck_assert(arb_overlaps(t, LN));
    }
    /* the quadrant with b = 3 (rates of qubit 2 scaled by 9: the one-qubit heat depends only on their ratio) */
    qt_test_setq(P->b, "3");
    C->kind = QT_PROTOCOL_QUADRANT;
    for (N = 2; N <= 3; N++)
    {
        P->n_qubits = N;
        ck_assert_int_eq(qt_pump_heat_per_cycle(QN, P, C, 96, why), QT_OK);
        arb_const_log2(t, 96);
        arb_mul_si(t, t, -N, 96);
        arb_mul_2exp_si(t, t, -2);
        arb_mul_si(t, t, 3, 96);                         /* -N T ln 2, T = 3/4 */
        ck_assert(arb_contains(QN + 0, t) || arb_overlaps(QN + 0, t));
        ck_assert(arb_rel_accuracy_bits(QN + 0) > 20);
    }
    fmpq_one(P->J);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "coupling=local") != NULL);
    fmpq_zero(P->J);
    fmpq_zero(P->b);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "b:") != NULL);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    _arb_vec_clear(Q1, 2); _arb_vec_clear(QN, 2);
    arb_clear(W1); arb_clear(L1); arb_clear(WN); arb_clear(LN); arb_clear(t);
}
END_TEST

START_TEST(multi_qubit_route)
{
    /* lemma P9: the generic N-qubit population route (certified eigen-decomposition) equals the closed
       single-qubit route at N = 1; at N = 2 (J = 2, b = 2) the sum rule Lambda_L + Lambda_R + T dS0 ∋ 0 holds
       with S0 from the exact spectrum (an independent route, lemma P10); the spin convention equals the
       Pauli one at half the fields and a quarter of J (Lambda per unit field: a factor 1/2); b = 1 (a dark
       singlet) and a reflection-symmetric 3-qubit chain are refused */
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz, hx, hz;
        acb_ptr A = _acb_vec_init(4), B = _acb_vec_init(4);
        fmpq_t x, z, J, D, b;
        qt_record_t R;
        char why[QT_REASON_LEN];
        slong k;
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 4);
        fmpq_init(x); fmpq_init(z); fmpq_init(J); fmpq_init(D); fmpq_init(b);
        fmpq_set_si(x, 1 + (slong) n_randint(st, 15), 8);
        fmpq_set_si(z, (slong) n_randint(st, 31) - 15, 8);
        fmpq_one(D);
        fmpq_one(b);
        acb_init(bx); acb_init(bz); acb_init(hx); acb_init(hz);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        /* N = 1 */
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_lambda_eigen_acb(B, P, J, D, b, bx, bz, 0, prec, why), QT_OK);
        for (k = 0; k < 4; k++)
            ck_assert(acb_overlaps(A + k, B + k));
        /* N = 2, J = 2, b = 2 */
        P->n_qubits = 2;
        fmpq_set_si(P->J, 2, 1);
        fmpq_set_si(P->b, 2, 1);
        qt_record_init(R);
        qt_pump_lambda_record(R, P, x, z, prec);
        ck_assert_msg(R->out[0].status == QT_OK, "%s", R->out[0].reason);
        ck_assert(arb_contains_zero(&R->out[5].value) && arb_contains_zero(&R->out[6].value));
        ck_assert(mag_cmp_2exp_si(arb_radref(&R->out[5].value), -90) < 0);
        qt_record_clear(R);
        /* spin at (B, J) = Pauli at (B/2, J/4), Lambda halved */
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why), QT_OK);
        P->convention = QT_PUMP_SPIN;
        fmpq_set_si(P->J, 8, 1);
        acb_mul_2exp_si(hx, bx, 1);
        acb_mul_2exp_si(hz, bz, 1);
        ck_assert_int_eq(qt_pump_lambda_acb(B, P, hx, hz, 0, prec, why), QT_OK);
        for (k = 0; k < 4; k++)
        {
            acb_mul_2exp_si(B + k, B + k, 1);
            ck_assert(acb_overlaps(A + k, B + k));
        }
        P->convention = QT_PUMP_PAULI;
        /* b = 1: dark singlet */
        fmpq_set_si(P->J, 2, 1);
        fmpq_one(P->b);
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why), QT_DOMAIN);
        ck_assert(strncmp(why, "b:", 2) == 0 && strstr(why, "dark") != NULL);
        /* 3 qubits with c = (1, b, 1): the chain's reflection symmetry decouples two sectors */
        P->n_qubits = 3;
        fmpq_set_si(P->b, 2, 1);
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why), QT_UNCERTIFIED);
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z); fmpq_clear(J); fmpq_clear(D); fmpq_clear(b);
        acb_clear(bx); acb_clear(bz); acb_clear(hx); acb_clear(hz);
        _acb_vec_clear(A, 4); _acb_vec_clear(B, 4);
    }
    flint_randclear(st);
}
END_TEST


START_TEST(two_qubit_integrals)
{
    /* two qubits (J = 2, b = 2): the rotor by Cauchy integrals and the heat over a small triangle by the
       quadrature (slow: the eigen-route stays finite only on small complex balls); sum rules enclose 0;
       the rotor at the triangle's centroid has the sign of Q_L (the triangle is small: Stokes) */
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2), O = _arb_vec_init(2);
    fmpq_t x, z;
    arb_t v;
    char why[QT_REASON_LEN];
    qt_pump_params_init(P);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 2, 1);
    fmpq_set_si(P->b, 2, 1);
    fmpq_init(x); fmpq_init(z);
    fmpq_set_si(x, 11, 10);
    fmpq_set_si(z, 17, 30);
    arb_init(v);
    ck_assert_int_eq(qt_pump_curvature(O, P, x, z, 64, why), QT_OK);
    arb_add(v, O + 0, O + 1, 64);
    ck_assert(arb_contains_zero(v));
    qt_protocol_init(C);
    qt_protocol_set_polygon_size(C, 3);
    fmpq_set_si(C->vx + 0, 1, 1); fmpq_set_si(C->vz + 0, 1, 2);
    fmpq_set_si(C->vx + 1, 6, 5); fmpq_set_si(C->vz + 1, 1, 2);
    fmpq_set_si(C->vx + 2, 11, 10); fmpq_set_si(C->vz + 2, 7, 10);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
    arb_add(v, Q + 0, Q + 1, 64);
    ck_assert(arb_contains_zero(v));
    ck_assert((arb_is_positive(Q + 0) && arb_is_positive(O + 0)) || (arb_is_negative(Q + 0) && arb_is_negative(O + 0)));
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    fmpq_clear(x); fmpq_clear(z);
    arb_clear(v);
    _arb_vec_clear(Q, 2); _arb_vec_clear(O, 2);
}
END_TEST


START_TEST(quadrant_is_T_ln2)
{
    /* pumping.md 3: the quadrant protocol pumps Q_L = -T ln 2 (counter-clockwise: out along B_x, back along B_z),
       for every rate pair, temperature and convention; certified sector plus the proven excluded-part bound
       (lemma P11); three qubits in the default layout are refused */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_ptr Q = _arb_vec_init(2);
        arb_t v, T;
        char why[QT_REASON_LEN];
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 9), 4);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_QUADRANT;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 96, why), QT_OK);
        arb_init(v); arb_init(T);
        arb_const_log2(v, 96);
        arb_set_fmpq(T, P->T, 96);
        arb_mul(v, v, T, 96);
        arb_neg(v, v);
        ck_assert_msg(arb_overlaps(v, Q + 0), "quadrant: Q_L = -T ln 2");
        ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -80) < 0);
        P->n_qubits = 3;                      /* default layout: parity sectors (Heisenberg qubits: heis2_quadrant, P23, and heisenberg_quadrant_multiplets, P26) */
        fmpq_set_si(P->J, 2, 1);
        fmpq_set_si(P->b, 2, 1);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
        arb_clear(v); arb_clear(T);
        _arb_vec_clear(Q, 2);
    }
    flint_randclear(st);
}
END_TEST


/* unequal temperatures (lemma P12): the first law over a cycle, Q_L + Q_R = W = oint tr(rho0 dH) (quasi-static
 * work), checked on sectors theta in [0, theta1]: arcs carry no work (dE_n = 0 at fixed B), the B_z leg sees
 * only bath L (c_R = 0) so rho0 is Gibbs at T_L there and W_z = -[F_L(r1) - F_L(r0)], F = -T_L ln(2 cosh(sr/T_L))
 * (walked inwards); the theta1 leg (walked outwards) is integrated here by direct quadrature of s (2 p_e - 1)
 * with the stationary population written with Bose factors, p_e = sum_a w_a n_a / sum_a w_a (2 n_a + 1),
 * w_L = gL cos^2, w_R = gR sin^2 (a formula the library does not use).  Also: T_R = T (1 + 1e-40) agrees with
 * the equal-temperature (Gibbs) route, and the refusals. */
typedef struct { acb_t s, gL, gR, TL, TR, c2, s2; } leg_param;

static int
leg_integrand(acb_ptr res, const acb_t r, void *param, slong order, slong prec)
{
    leg_param *lp = param;
    acb_t w, nL, nR, num, den, t;
    if (order > 1)
        flint_abort();
    acb_init(w); acb_init(nL); acb_init(nR); acb_init(num); acb_init(den); acb_init(t);
    acb_mul(w, lp->s, r, prec);
    acb_mul_2exp_si(w, w, 1);                    /* omega = 2 s r */
    acb_div(t, w, lp->TL, prec);
    acb_expm1(t, t, prec);
    acb_inv(nL, t, prec);
    acb_div(t, w, lp->TR, prec);
    acb_expm1(t, t, prec);
    acb_inv(nR, t, prec);
    acb_mul(num, lp->gL, lp->c2, prec);          /* w_L */
    acb_mul(t, lp->gR, lp->s2, prec);            /* w_R */
    acb_mul_2exp_si(den, nL, 1);
    acb_add_ui(den, den, 1, prec);
    acb_mul(den, den, num, prec);
    acb_mul(num, num, nL, prec);
    acb_addmul(num, t, nR, prec);
    acb_mul_2exp_si(w, nR, 1);
    acb_add_ui(w, w, 1, prec);
    acb_addmul(den, t, w, prec);
    acb_div(res, num, den, prec);                /* p_e */
    acb_mul_2exp_si(res, res, 1);
    acb_sub_ui(res, res, 1, prec);
    acb_mul(res, res, lp->s, prec);
    acb_clear(w); acb_clear(nL); acb_clear(nR); acb_clear(num); acb_clear(den); acb_clear(t);
    return 0;
}

/* F(r) = -T ln(2 cosh(s r / T)) */
static void
free_energy(arb_t F, const arb_t s, const arb_t T, const arb_t r, slong prec)
{
    arb_mul(F, s, r, prec);
    arb_div(F, F, T, prec);
    arb_cosh(F, F, prec);
    arb_mul_2exp_si(F, F, 1);
    arb_log(F, F, prec);
    arb_mul(F, F, T, prec);
    arb_neg(F, F);
}

/* at T_R != T the friction tensor at (1, 1) is defined (lemma P21; its values are checked in
   friction_unequal_temperatures); the dissipation integrals along a circle exist for one qubit (P22) and for
   interacting qubits (P18, P24), except the reflection-symmetric three-qubit layouts */
static void
assert_dissipation_at_unequal_T(const qt_pump_params_struct *P)
{
    arb_ptr Z = _arb_vec_init(4);
    fmpq_t x1;
    qt_protocol_t C;
    char why[QT_REASON_LEN];
    fmpq_init(x1);
    fmpq_one(x1);
    qt_protocol_init(C);
    ck_assert_int_eq(qt_pump_friction(Z, P, x1, x1, 64, why), QT_OK);
    ck_assert(arb_is_finite(Z + 0) && arb_is_finite(Z + 3));
    C->kind = QT_PROTOCOL_CIRCLE;
    if (P->n_qubits == 3 && (P->coupling == QT_PUMP_COUPLING_DEFAULT || P->coupling == QT_PUMP_COUPLING_B_ON_R
                             || P->coupling == QT_PUMP_COUPLING_B_ON_L))
    {
        ck_assert_int_eq(qt_pump_dissipation_supported(P, C, why), QT_DOMAIN);
        ck_assert(strncmp(why, "coupling", 8) == 0);
    }
    else if (qt_pump_heis3_like(P) && !qt_pump_equal_temperatures(P))
    {
        /* lemma P31 (three Heisenberg qubits) is proven at equal temperatures only */
        ck_assert_int_eq(qt_pump_dissipation_supported(P, C, why), QT_DOMAIN);
        ck_assert(strncmp(why, "T_", 2) == 0);
    }
    else if (!qt_pump_single_like(P) && !qt_pump_field_frame_like(P) && !qt_pump_heis3_like(P) && fmpq_is_one(P->Delta)
             && !fmpq_is_zero(P->J))
    {
        /* lemma P24: equally spaced Zeeman levels of a multiplet at every field */
        ck_assert_int_eq(qt_pump_dissipation_supported(P, C, why), QT_DOMAIN);
        ck_assert(strncmp(why, "Delta:", 6) == 0);
    }
    else
        ck_assert_msg(qt_pump_dissipation_supported(P, C, why) == QT_OK, "%s", why);
    qt_protocol_clear(C);
    fmpq_clear(x1);
    _arb_vec_clear(Z, 4);
}

START_TEST(unequal_temperatures_first_law)
{
    static const char *cases[][6] = {
        /* gL, gR, T, T_R, theta1, convention */
        {"1", "2", "1", "1/2", "1", "p"}, {"3", "1", "1/2", "3", "1.2", "s"}, {"1", "1", "2", "1", "0.7", "p"}};
    int i;
    for (i = 0; i < 3; i++)
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
        arb_t W, v, t, r, F0, F1, sr;
        arf_t a, b;
        leg_param lp;
        char why[QT_REASON_LEN];
        slong prec = 128;
        qt_pump_params_init(P);
        set_params(P, cases[i][0], cases[i][1], cases[i][2], cases[i][5][0] == 's' ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        qt_test_setq(P->T_R, cases[i][3]);
        ck_assert(!qt_pump_equal_temperatures(P));
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_SECTOR;
        fmpq_set_si(C->r0, 1, 4);
        fmpq_set_si(C->r1, 6, 1);
        fmpq_zero(C->theta0);
        qt_test_setq(C->theta1, cases[i][4]);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_OK);
        arb_init(W); arb_init(v); arb_init(t); arb_init(r); arb_init(F0); arb_init(F1); arb_init(sr);
        arf_init(a); arf_init(b);
        acb_init(lp.s); acb_init(lp.gL); acb_init(lp.gR); acb_init(lp.TL); acb_init(lp.TR); acb_init(lp.c2); acb_init(lp.s2);
        acb_set_d(lp.s, P->convention == QT_PUMP_SPIN ? 0.5 : 1.0);
        acb_set_fmpq(lp.gL, P->gamma_L, prec);
        acb_set_fmpq(lp.gR, P->gamma_R, prec);
        acb_set_fmpq(lp.TL, P->T, prec);
        acb_set_fmpq(lp.TR, P->T_R, prec);
        arb_set_fmpq(t, C->theta1, prec);
        arb_sin_cos(acb_realref(lp.s2), acb_realref(lp.c2), t, prec);
        acb_mul(lp.s2, lp.s2, lp.s2, prec);
        acb_mul(lp.c2, lp.c2, lp.c2, prec);
        arf_set_d(a, 0.25);
        arf_set_si(b, 6);
        ck_assert_int_eq(qt_integrate_real(W, leg_integrand, &lp, a, b, NULL, 0, prec), QT_OK);
        /* B_z leg, inwards: -[F_L(r1) - F_L(r0)] */
        arb_set(sr, acb_realref(lp.s));
        arb_set_d(r, 0.25);
        free_energy(F0, sr, acb_realref(lp.TL), r, prec);
        arb_set_si(r, 6);
        free_energy(F1, sr, acb_realref(lp.TL), r, prec);
        arb_sub(F1, F1, F0, prec);
        arb_sub(W, W, F1, prec);
        arb_add(v, Q + 0, Q + 1, prec);
        ck_assert_msg(arb_overlaps(v, W), "case %d: Q_L + Q_R does not overlap the work", i);
        ck_assert(!arb_contains_zero(W));            /* a real test: the work is not 0 */
        ck_assert(mag_cmp_2exp_si(arb_radref(v), -90) < 0);
        /* continuity into the Gibbs route: T_R = T (1 + 1e-40) against T_R = T, at 80 bits */
        fmpq_set(P->T_R, P->T);
        ck_assert(qt_pump_equal_temperatures(P));
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 80, why), QT_OK);
        {
            fmpq_t e;
            fmpq_init(e);
            fmpz_set_ui(fmpq_denref(e), 10);
            fmpz_pow_ui(fmpq_denref(e), fmpq_denref(e), 40);
            fmpz_one(fmpq_numref(e));
            fmpq_add_si(e, e, 1);
            fmpq_mul(P->T_R, P->T, e);
            fmpq_clear(e);
        }
        ck_assert(!qt_pump_equal_temperatures(P));
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 80, why), QT_OK);
        ck_assert(arb_overlaps(Q + 0, Q2 + 0) && arb_overlaps(Q + 1, Q2 + 1));
        ck_assert(arb_contains_zero(Q + 0) == 0);
        arb_clear(W); arb_clear(v); arb_clear(t); arb_clear(r); arb_clear(F0); arb_clear(F1); arb_clear(sr);
        arf_clear(a); arf_clear(b);
        acb_clear(lp.s); acb_clear(lp.gL); acb_clear(lp.gR); acb_clear(lp.TL); acb_clear(lp.TR); acb_clear(lp.c2); acb_clear(lp.s2);
        /* refusals: the quadrant bound, two qubits, the full route / friction need equal temperatures */
        qt_test_setq(P->T_R, "5/3");
        C->kind = QT_PROTOCOL_QUADRANT;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
        ck_assert(strstr(why, "equal temperatures") != NULL);
        assert_dissipation_at_unequal_T(P);
        P->n_qubits = 2;
        fmpq_set_si(P->b, 2, 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_OK);     /* lemma P19 */
        fmpq_zero(P->T_R);
        P->n_qubits = 1;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        qt_pump_params_clear(P);
        qt_protocol_clear(C);
        _arb_vec_clear(Q, 2);
        _arb_vec_clear(Q2, 2);
    }
}
END_TEST

/* random two-qubit model (fixed seed stream): rates k/4, T k/4, J in [-2, 2] \ {0}, b in 2/3 .. 7/3 (b != 1),
 * layout and convention cycling with it */
static void
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

/* lemma P19: the stationary populations of the two-qubit Heisenberg Pauli matrix at unequal temperatures, computed
 * here from scratch (levels +, 0, -, S = J + 2r, J, J - 2r, -3J, Pauli convention; weights of P13 for the default
 * layout c = (1, b); rates gamma_a w / (1 - e^{-w/T_a})), and the work integrand sum_n p_n dE_n/dr = 2 (p_+ - p_-)
 * along a ray of fixed direction (nx, nz) */
typedef struct { acb_t J, b, gL, gR, TL, TR, nx2, nz2; } ray_param;

static void
ray_param_init(ray_param *q, const qt_pump_params_struct *P, slong prec)
{
    acb_init(q->J); acb_init(q->b); acb_init(q->gL); acb_init(q->gR); acb_init(q->TL); acb_init(q->TR);
    acb_init(q->nx2); acb_init(q->nz2);
    acb_set_fmpq(q->J, P->J, prec); acb_set_fmpq(q->b, P->b, prec);
    acb_set_fmpq(q->gL, P->gamma_L, prec); acb_set_fmpq(q->gR, P->gamma_R, prec);
    acb_set_fmpq(q->TL, P->T, prec); acb_set_fmpq(q->TR, P->T_R, prec);
}

static void
ray_param_clear(ray_param *q)
{
    acb_clear(q->J); acb_clear(q->b); acb_clear(q->gL); acb_clear(q->gR); acb_clear(q->TL); acb_clear(q->TR);
    acb_clear(q->nx2); acb_clear(q->nz2);
}

/* two qubits, J = 2, b = 2, default layout, Pauli convention, gamma = (1, 2), T_L = 1, T_R = 5/2 */
static void
set_two_qubits_unequal(qt_pump_params_t P)
{
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 2, 1);
    fmpq_set_si(P->b, 2, 1);
    fmpq_set_si(P->T_R, 5, 2);
}

/* the stationary populations p (4 x 1) and levels E (+, 0, -, S) at |B| = r; 0 if the solve fails */
static int
heis2_stationary(acb_mat_t p, acb_ptr E, const ray_param *q, const acb_t r, slong prec)
{
    acb_mat_t W, y;
    acb_t u2, v2, t, om, c;
    slong a, m, n;
    int ok;
    acb_mat_init(W, 4, 4); acb_mat_init(y, 4, 1);
    acb_init(u2); acb_init(v2); acb_init(t); acb_init(om); acb_init(c);
    acb_mul_2exp_si(t, r, 1);
    acb_add(E + 0, q->J, t, prec);
    acb_set(E + 1, q->J);
    acb_sub(E + 2, q->J, t, prec);
    acb_mul_si(E + 3, q->J, -3, prec);
    acb_add_ui(u2, q->b, 1, prec);
    acb_mul_2exp_si(u2, u2, -1);
    acb_sqr(u2, u2, prec);
    acb_sub_ui(v2, q->b, 1, prec);
    acb_mul_2exp_si(v2, v2, -1);
    acb_sqr(v2, v2, prec);
    for (a = 0; a < 2; a++)
    {
        const acb_struct *perp = a == 0 ? q->nz2 : q->nx2, *along = a == 0 ? q->nx2 : q->nz2;
        for (m = 0; m < 4; m++)
            for (n = 0; n < 4; n++)
            {
                int lo = m < n ? (int) m : (int) n, hi = m < n ? (int) n : (int) m;
                if (m == n)
                    continue;
                if ((lo == 0 || lo == 1) && hi == lo + 1)           /* + <-> 0, 0 <-> - */
                    acb_mul_2exp_si(c, u2, 1), acb_mul(c, c, perp, prec);
                else if (lo == 1 && hi == 3)                        /* 0 <-> S */
                    acb_mul_2exp_si(c, v2, 2), acb_mul(c, c, along, prec);
                else if (hi == 3)                                   /* + <-> S, - <-> S */
                    acb_mul_2exp_si(c, v2, 1), acb_mul(c, c, perp, prec);
                else
                    continue;                                       /* + <-> - */
                acb_sub(om, E + n, E + m, prec);
                qt_ohmic_rate_acb(t, a == 0 ? q->gL : q->gR, om, a == 0 ? q->TL : q->TR, prec);
                acb_addmul(acb_mat_entry(W, m, n), t, c, prec);
                acb_submul(acb_mat_entry(W, n, n), t, c, prec);
            }
    }
    for (n = 0; n < 4; n++)
        acb_one(acb_mat_entry(W, 0, n));
    acb_one(acb_mat_entry(y, 0, 0));
    ok = acb_mat_solve(p, W, y, prec);
    acb_mat_clear(W); acb_mat_clear(y);
    acb_clear(u2); acb_clear(v2); acb_clear(t); acb_clear(om); acb_clear(c);
    return ok;
}

static int
ray_work_integrand(acb_ptr res, const acb_t r, void *param, slong order, slong prec)
{
    ray_param *q = param;
    acb_mat_t p;
    acb_ptr E = _acb_vec_init(4);
    if (order > 1)
        flint_abort();
    acb_mat_init(p, 4, 1);
    if (!heis2_stationary(p, E, q, r, prec))
        acb_indeterminate(res);
    else
    {
        acb_sub(res, acb_mat_entry(p, 0, 0), acb_mat_entry(p, 2, 0), prec);
        acb_mul_2exp_si(res, res, 1);
    }
    acb_mat_clear(p);
    _acb_vec_clear(E, 4);
    return 0;
}

static void
ray_work(arb_t W, ray_param *q, const fmpq_t theta, const fmpq_t r0, const fmpq_t r1, slong prec)
{
    arb_t t, s, c;
    arf_t a, b;
    arb_init(t); arb_init(s); arb_init(c);
    arf_init(a); arf_init(b);
    arb_set_fmpq(t, theta, prec);
    arb_sin_cos(s, c, t, prec);                   /* B = r (sin theta, cos theta) */
    arb_sqr(acb_realref(q->nx2), s, prec);
    arb_zero(acb_imagref(q->nx2));
    arb_sqr(acb_realref(q->nz2), c, prec);
    arb_zero(acb_imagref(q->nz2));
    arb_set_fmpq(t, r0, prec);                    /* the ends must be dyadic (exact) */
    ck_assert(arb_is_exact(t));
    arf_set(a, arb_midref(t));
    arb_set_fmpq(t, r1, prec);
    ck_assert(arb_is_exact(t));
    arf_set(b, arb_midref(t));
    ck_assert_int_eq(qt_integrate_real(W, ray_work_integrand, q, a, b, NULL, 0, prec), QT_OK);
    arb_clear(t); arb_clear(s); arb_clear(c);
    arf_clear(a); arf_clear(b);
}

/* unequal temperatures for interacting qubits (lemma P19): the closed Heisenberg route against the eigen route
 * (independent derivatives of the weights), continuity into the Gibbs route, the first law on a sector against
 * the work of an independent stationary solve, overlap across precisions, and what stays refused */
START_TEST(unequal_temperatures_interacting)
{
    flint_rand_t st;
    int it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz;
        acb_ptr A = _acb_vec_init(4), B = _acb_vec_init(4);
        slong k;
        int sa, sb;
        qt_pump_params_init(P);
        random_two_qubit_params(P, st, it);
        fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 12), 4);
        if (qt_pump_equal_temperatures(P))
            fmpq_add_si(P->T_R, P->T_R, 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_OK);
        acb_init(bx); acb_init(bz);
        acb_set_d(bx, (1 + (double) n_randint(st, 23)) / 8);
        acb_set_d(bz, ((double) n_randint(st, 31) - 15) / 8);
        P->route = QT_PUMP_ROUTE_AUTO;
        sa = qt_pump_lambda_acb(A, P, bx, bz, 0, 128, why);
        ck_assert_int_eq(sa, QT_OK);
        P->route = QT_PUMP_ROUTE_EIGEN;
        sb = qt_pump_lambda_acb(B, P, bx, bz, 0, 128, why);
        if (sb == QT_OK)
            for (k = 0; k < 4; k++)
                ck_assert_msg(acb_overlaps(A + k, B + k), "it %d: closed vs eigen route at T_R != T, component %ld", it, k);
        /* 96 vs 192 bits */
        P->route = QT_PUMP_ROUTE_AUTO;
        ck_assert_int_eq(qt_pump_lambda_acb(B, P, bx, bz, 0, 192, why), QT_OK);
        for (k = 0; k < 4; k++)
            ck_assert(acb_overlaps(A + k, B + k) && mag_cmp_2exp_si(arb_radref(acb_realref(B + k)), -150) < 0);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(A, 4); _acb_vec_clear(B, 4);
        qt_pump_params_clear(P);
    }
    flint_randclear(st);

    /* continuity into the Gibbs route: T_R = T (1 + 1e-40) against T_R = T at 80 bits; the closed two-qubit route,
       the eigen route (Delta = 1/2) and three qubits (crossed layout) */
    for (it = 0; it < 3; it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz;
        acb_ptr A = _acb_vec_init(4), B = _acb_vec_init(4);
        fmpq_t e;
        slong k;
        qt_pump_params_init(P);
        fmpq_init(e);
        set_params(P, "1", "3/2", "2/3", QT_PUMP_PAULI);
        P->n_qubits = it == 2 ? 3 : 2;
        fmpq_set_si(P->J, 3, 4);
        fmpq_set_si(P->b, 2, 1);
        if (it == 1)
            fmpq_set_si(P->Delta, 1, 2);
        if (it == 2)
            P->coupling = QT_PUMP_COUPLING_CROSSED;
        acb_init(bx); acb_init(bz);
        acb_set_d(bx, 0.625);
        acb_set_d(bz, -1.25);
        ck_assert_int_eq(qt_pump_lambda_acb(A, P, bx, bz, 0, 80, why), QT_OK);
        fmpz_set_ui(fmpq_denref(e), 10);
        fmpz_pow_ui(fmpq_denref(e), fmpq_denref(e), 40);
        fmpz_one(fmpq_numref(e));
        fmpq_add_si(e, e, 1);
        fmpq_mul(P->T_R, P->T, e);
        ck_assert(!qt_pump_equal_temperatures(P));
        ck_assert_int_eq(qt_pump_lambda_acb(B, P, bx, bz, 0, 80, why), QT_OK);
        for (k = 0; k < 4; k++)
            ck_assert_msg(acb_overlaps(A + k, B + k) && !acb_contains_zero(A + k), "case %d component %ld", it, k);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(A, 4); _acb_vec_clear(B, 4);
        fmpq_clear(e);
        qt_pump_params_clear(P);
    }

    /* the first law on a sector: Q_L + Q_R = W = oint sum_n p_n dE_n; arcs carry no work, so W is the ray at
       theta1 walked outwards minus the ray at theta0 (both from an independent stationary solve) */
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        ray_param q;
        arb_ptr Q = _arb_vec_init(2);
        arb_t W, W0, v;
        slong prec = 48;
        qt_pump_params_init(P);
        qt_protocol_init(C);
        set_two_qubits_unequal(P);
        C->kind = QT_PROTOCOL_SECTOR;
        fmpq_set_si(C->r0, 1, 2);
        fmpq_set_si(C->r1, 3, 2);                     /* below the crossing radius 2|J| = 4 */
        fmpq_set_si(C->theta0, 1, 4);
        fmpq_set_si(C->theta1, 3, 4);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_OK);
        arb_init(W); arb_init(W0); arb_init(v);
        ray_param_init(&q, P, prec);
        ray_work(W, &q, C->theta1, C->r0, C->r1, prec);
        ray_work(W0, &q, C->theta0, C->r0, C->r1, prec);
        arb_sub(W, W, W0, prec);
        arb_add(v, Q + 0, Q + 1, prec);
        ck_assert_msg(arb_overlaps(v, W), "two qubits, T_R != T: Q_L + Q_R does not overlap the work");
        ck_assert(!arb_contains_zero(W) && mag_cmp_2exp_si(arb_radref(v), -28) < 0);
        /* friction is defined at T_R != T; what stays refused for interacting qubits */
        assert_dissipation_at_unequal_T(P);
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_set_si(C->radius, 1, 1);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
        ck_assert(strstr(why, "equal temperatures") != NULL);
        C->kind = QT_PROTOCOL_QUADRANT;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
        arb_clear(W); arb_clear(W0); arb_clear(v);
        ray_param_clear(&q);
        _arb_vec_clear(Q, 2);
        qt_pump_params_clear(P);
        qt_protocol_clear(C);
    }
}
END_TEST

/* lemma P13: the closed two-qubit Heisenberg route (exact triplet/singlet projectors, closed transition weights)
 * against the certified eigen-decomposition route (Rump discs + Lagrange projectors + traces) at random points,
 * every coupling layout, both conventions, J of both signs */
START_TEST(heis2_route_vs_eigen_route)
{
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(24); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz;
        acb_ptr A = _acb_vec_init(4), B = _acb_vec_init(4);
        char why[QT_REASON_LEN];
        slong k;
        int sa, sb;
        qt_pump_params_init(P);
        random_two_qubit_params(P, st, it);
        acb_init(bx); acb_init(bz);
        acb_set_d(bx, (1 + (double) n_randint(st, 23)) / 8);
        acb_set_d(bz, ((double) n_randint(st, 31) - 15) / 8);
        P->route = QT_PUMP_ROUTE_AUTO;
        sa = qt_pump_lambda_acb(A, P, bx, bz, 0, prec, why);
        P->route = QT_PUMP_ROUTE_EIGEN;
        sb = qt_pump_lambda_acb(B, P, bx, bz, 0, prec, why);
        ck_assert_int_eq(sa, QT_OK);
        if (sb == QT_OK)                 /* the eigen route refuses points near the crossing */
            for (k = 0; k < 4; k++)
            {
                ck_assert_msg(acb_overlaps(A + k, B + k), "it %d: closed vs eigen route, component %ld", it, k);
                ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(A + k)), -80) < 0);
            }
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(A, 4); _acb_vec_clear(B, 4);
        qt_pump_params_clear(P);
    }
    flint_randclear(st);
}
END_TEST

/* the stable ohmic rate: G(0) = gamma T on a ball through 0, the plain formula away from 0 */
/* dG/dw for gamma = 3 at temperature *param (the integrand of the derivative check) */
static int
ohmic_derivative_integrand(acb_ptr res, const acb_t w, void *param, slong order, slong prec)
{
    acb_t g;
    if (order > 1)
        flint_abort();
    acb_init(g);
    acb_set_si(g, 3);
    qt_ohmic_rate_derivative_acb(res, g, w, (const acb_struct *) param, prec);
    acb_clear(g);
    return 0;
}

START_TEST(ohmic_rate_through_zero)
{
    acb_t g, w, T, G, H, x;
    slong prec = 128, i;
    acb_init(g); acb_init(w); acb_init(T); acb_init(G); acb_init(H); acb_init(x);
    acb_set_si(g, 3);
    acb_set_d(T, 0.75);
    acb_zero(w);
    qt_ohmic_rate_acb(G, g, w, T, prec);
    acb_mul(H, g, T, prec);
    ck_assert(acb_contains(G, H) && acb_is_finite(G));
    for (i = -3; i <= 3; i++)
    {
        /* a ball around 0 of radius 1/4 contains G(i/16) computed by the plain formula (i != 0) */
        acb_zero(w);
        mag_set_d(arb_radref(acb_realref(w)), 0.25);
        mag_set_d(arb_radref(acb_imagref(w)), 0.25);
        qt_ohmic_rate_acb(G, g, w, T, prec);
        ck_assert(acb_is_finite(G));
        if (i == 0)
            continue;
        acb_set_si(x, i);
        acb_div_si(x, x, 16, prec);
        acb_div(H, x, T, prec);
        acb_neg(H, H);
        acb_expm1(H, H, prec);
        acb_neg(H, H);
        acb_div(H, x, H, prec);
        acb_mul(H, H, g, prec);
        ck_assert(acb_overlaps(G, H));
        qt_ohmic_rate_acb(G, g, x, T, prec);
        ck_assert(acb_overlaps(G, H));
        ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(G)), -100) < 0);
    }
    acb_set_si(w, 3);
    qt_ohmic_rate_acb(G, g, w, T, prec);
    acb_div(H, w, T, prec);
    acb_neg(H, H);
    acb_exp(H, H, prec);
    acb_sub_ui(H, H, 1, prec);
    acb_neg(H, H);
    acb_div(H, w, H, prec);
    acb_mul(H, H, g, prec);
    ck_assert(acb_overlaps(G, H));
    /* the derivative (lemma P19): dG/dw at w = 0 is gamma/2; its integral over [-1, 2] (through the series branch
       near 0) is G(2) - G(-1) */
    {
        arb_t I;
        arf_t a, b;
        acb_zero(w);
        qt_ohmic_rate_derivative_acb(G, g, w, T, prec);
        acb_mul_2exp_si(H, g, -1);
        ck_assert(acb_overlaps(G, H) && mag_cmp_2exp_si(arb_radref(acb_realref(G)), -100) < 0);
        arb_init(I); arf_init(a); arf_init(b);
        arf_set_si(a, -1);
        arf_set_si(b, 2);
        ck_assert_int_eq(qt_integrate_real(I, ohmic_derivative_integrand, T, a, b, NULL, 0, prec), QT_OK);
        acb_set_si(w, 2);
        qt_ohmic_rate_acb(G, g, w, T, prec);
        acb_set_si(w, -1);
        qt_ohmic_rate_acb(H, g, w, T, prec);
        acb_sub(G, G, H, prec);
        ck_assert(arb_overlaps(I, acb_realref(G)) && mag_cmp_2exp_si(arb_radref(I), -90) < 0);
        arb_clear(I); arf_clear(a); arf_clear(b);
    }
    acb_clear(g); acb_clear(w); acb_clear(T); acb_clear(G); acb_clear(H); acb_clear(x);
}
END_TEST

/* protocol=quarter_disc: one qubit Q_L = -T (ln 2 - S(R)) (P11); two qubits: the exact symmetry b -> 1/b of the
 * default layout (rescale the couplings by b, swap the qubits: Q is invariant, pumping_derivations.md 2.2), and
 * for layout b_on_R the quadrant closed form |Q_L| = T S0 + 4 J p_S (pumping_derivations.md 3) at R = 30, where the
 * part of the quadrant beyond R is of order e^{-2(R - 2J)/T} ~ 1e-23, far below the 64-bit radius (an overlap
 * test, not a certificate); refusals for three qubits and Delta != 1 */
/* the closed form -(T S0 + 4 J_c p_S) of the quadrant in the layouts b_on_R, b_on_L (pumping_derivations.md 3) */
static void
heis2_quadrant_closed_form(arb_t v, const qt_pump_params_struct *P, slong prec)
{
    arb_t Jc, T, Z, pS, E0, a, b;
    arb_init(Jc); arb_init(T); arb_init(Z); arb_init(pS); arb_init(E0); arb_init(a); arb_init(b);
    arb_set_fmpq(Jc, P->J, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(Jc, Jc, -2);
    arb_set_fmpq(T, P->T, prec);
    arb_div(a, Jc, T, prec);
    arb_mul_si(b, a, 3, prec);
    arb_exp(b, b, prec);                      /* e^{3 J_c/T} (singlet, energy -3 J_c) */
    arb_neg(a, a);
    arb_exp(a, a, prec);                      /* e^{-J_c/T} (triplet, energy J_c) */
    arb_mul_ui(Z, a, 3, prec);
    arb_add(Z, Z, b, prec);
    arb_div(pS, b, Z, prec);
    arb_sub(E0, a, b, prec);                  /* <H>_0 = 3 J_c (e^{-J_c/T} - e^{3 J_c/T}) / Z0 */
    arb_mul(E0, E0, Jc, prec);
    arb_mul_ui(E0, E0, 3, prec);
    arb_div(E0, E0, Z, prec);
    arb_log(v, Z, prec);                      /* T S0 = T ln Z0 + <H>_0 */
    arb_mul(v, v, T, prec);
    arb_add(v, v, E0, prec);
    arb_mul(a, Jc, pS, prec);
    arb_mul_2exp_si(a, a, 2);
    arb_add(v, v, a, prec);
    arb_neg(v, v);
    arb_clear(Jc); arb_clear(T); arb_clear(Z); arb_clear(pS); arb_clear(E0); arb_clear(a); arb_clear(b);
}

/* the quadrant refuses Delta != 1 (naming the quadrant) and T_R != T (naming the equal temperatures); leaves
   Delta = 1 and T_R = 2 */
static void
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
static void
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

/* Q(b) = Q(1/b) in the default layout (scale both couplings by b and swap the qubits; the geometric heat depends on the
 * rates only through their ratio), Q_L != 0 and the sum rule, for the protocol C (P13, P23) */
static void
check_b_and_inverse(qt_pump_params_struct *P, const qt_protocol_struct *C, slong bnum)
{
    arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
    arb_t v;
    char why[QT_REASON_LEN];
    arb_init(v);
    fmpq_set_si(P->b, bnum, 1);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
    fmpq_set_si(P->b, 1, (ulong) bnum);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 64, why), QT_OK);
    ck_assert(arb_overlaps(Q + 0, Q2 + 0) && !arb_contains_zero(Q + 0));
    arb_add(v, Q + 0, Q + 1, 64);
    ck_assert(arb_contains_zero(v));
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -40) < 0);
    arb_clear(v);
    _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
}

START_TEST(quarter_disc_protocol)
{
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2);
    arb_t v, w, T;
    char why[QT_REASON_LEN];
    slong prec = 96;
    arb_init(v); arb_init(w); arb_init(T);
    qt_pump_params_init(P);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_QUARTER_DISC;
    /* one qubit */
    set_params(P, "1", "3", "0.7", QT_PUMP_PAULI);
    fmpq_set_si(C->radius, 3, 2);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_OK);
    arb_set_fmpq(v, C->radius, prec);
    closed_S(w, P, v, prec);
    arb_const_log2(v, prec);
    arb_sub(v, v, w, prec);
    arb_set_fmpq(T, P->T, prec);
    arb_mul(v, v, T, prec);
    arb_neg(v, v);
    ck_assert(arb_overlaps(Q + 0, v));
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -60) < 0);
    /* two qubits, default layout: b and 1/b */
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 1, 1);
    fmpq_set_si(C->radius, 5, 1);
    check_b_and_inverse(P, C, 2);
    /* layout b_on_R, J = 1/2, b = 2, T = 1: the quadrant closed form */
    set_params(P, "1", "1", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    P->coupling = QT_PUMP_COUPLING_B_ON_R;
    fmpq_set_si(P->J, 1, 2);
    fmpq_set_si(P->b, 2, 1);
    fmpq_set_si(C->radius, 30, 1);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
    heis2_quadrant_closed_form(v, P, prec);
    arb_abs(v, v);
    arb_abs(w, Q + 0);
    ck_assert_msg(arb_overlaps(w, v), "b_on_R quarter disc vs the quadrant closed form");
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -40) < 0);
    /* refusals */
    fmpq_set_si(P->Delta, 1, 2);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "quarter_disc") != NULL);
    fmpq_one(P->Delta);
    P->n_qubits = 3;
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    /* J = 0 with shared baths: T_0 and S degenerate everywhere; the corner by the closed form of lemma P30
       (j0_corner_closed_form) */
    P->n_qubits = 2;
    fmpq_zero(P->J);
    ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "%s", why);
    ck_assert(arb_is_finite(Q + 0) && arb_is_negative(Q + 0));
    {
        acb_ptr Lam = _acb_vec_init(4);
        acb_t Bx, Bz;
        acb_init(Bx); acb_init(Bz);
        acb_set_d(Bx, 0.7);
        acb_set_d(Bz, 1.3);
        /* at a point away from the corner J = 0 is lemma P25 (collective_j0_frame_route); the closed polar route
           itself refuses it */
        ck_assert_msg(qt_pump_lambda_acb(Lam, P, Bx, Bz, 0, 64, why) == QT_OK, "%s", why);
        ck_assert(acb_is_finite(Lam + 0));
        acb_mul(Bx, Bx, Bx, 64);
        acb_addmul(Bx, Bz, Bz, 64);
        acb_sqrt(Bx, Bx, 64);
        acb_one(Bz);
        ck_assert_int_eq(qt_pump_lambda_heis2_polar_acb(Lam, P, Bx, Bz, Bz, 64, why), QT_DOMAIN);
        ck_assert(strncmp(why, "J:", 2) == 0 && !acb_is_finite(Lam + 0));
        acb_clear(Bx); acb_clear(Bz);
        _acb_vec_clear(Lam, 4);
    }
    fmpq_zero(C->radius);
    P->n_qubits = 1;
    fmpq_zero(P->J);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strstr(why, "radius") != NULL);
    arb_clear(v); arb_clear(w); arb_clear(T);
    _arb_vec_clear(Q, 2);
    qt_pump_params_clear(P);
    qt_protocol_clear(C);
}
END_TEST

/* the radii where an envelope of P23/P26 is checked: r = R, R + 0.37, R + 3.1, 3R (j = 0..3), real */
static void
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
static void
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

/* lemma P23: the quadrant for two Heisenberg qubits.  (i) Layouts b_on_R and b_on_L (one bath couples through the
 * collective sigma_x1 + sigma_x2 or sigma_z1 + sigma_z2): the closed form Q_L = -(T S0 + 4 J_c p_S) of
 * pumping_derivations.md 3 (S0, p_S: entropy and singlet weight of the Gibbs state at B = 0, independent of b and of
 * the rates), random J, b, rates, T and both conventions, overlap across precisions; (ii) default and crossed
 * layouts: the sum rule and Q(b) = Q(1/b); (iii) the envelope of P23 bounds |Lambda| pointwise beyond R on both
 * axes; (iv) the refusals. */
START_TEST(heis2_quadrant)
{
    static const slong Js[][2] = {{2, 1}, {-2, 1}, {1, 2}, {-3, 4}, {3, 1}, {-1, 3}};
    static const slong bs[][2] = {{2, 1}, {3, 1}, {1, 2}, {0, 1}};
    flint_rand_t st;
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
    arb_t v, w;
    char why[QT_REASON_LEN];
    int it;
    flint_randinit(st);
    arb_init(v); arb_init(w);
    qt_pump_params_init(P);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_QUADRANT;
    /* (i) the closed form */
    for (it = 0; it < qt_test_iters(6); it++)
    {
        slong prec = it < 2 ? 96 : 64;
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = it % 3 == 1 ? QT_PUMP_COUPLING_B_ON_L : QT_PUMP_COUPLING_B_ON_R;
        fmpq_set_si(P->J, Js[it % 6][0], (ulong) Js[it % 6][1]);
        fmpq_set_si(P->b, bs[it % 4][0], (ulong) bs[it % 4][1]);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 2 + (slong) n_randint(st, 7), 4);
        heis2_quadrant_closed_form(v, P, prec);      /* -(T S0 + 4 J_c p_S) */
        check_quadrant_closed_form(P, C, v, prec, it < 2, it);
    }
    /* (ii) default and crossed layouts: sum rule, and b <-> 1/b (scale both couplings by b, swap the qubits) */
    set_params(P, "1", "3", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 3, 2);
    check_b_and_inverse(P, C, 3);
    P->coupling = QT_PUMP_COUPLING_CROSSED;
    P->convention = QT_PUMP_SPIN;
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
    arb_add(w, Q + 0, Q + 1, 64);
    ck_assert(arb_contains_zero(w) && !arb_contains_zero(Q + 0));
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -40) < 0);
    /* (iii) the envelope bounds |Lambda_{a,r}| beyond R on both axes */
    for (it = 0; it < qt_test_iters(8); it++)
    {
        static const int layouts[4] = {QT_PUMP_COUPLING_DEFAULT, QT_PUMP_COUPLING_B_ON_R, QT_PUMP_COUPLING_B_ON_L,
                                       QT_PUMP_COUPLING_CROSSED};
        arb_ptr c = _arb_vec_init(3);
        arb_t alpha, R, env, t;
        acb_t r, nx, nz;
        acb_ptr Lam = _acb_vec_init(4);
        mag_t tail;
        int a, axis, j;
        arb_init(alpha); arb_init(R); arb_init(env); arb_init(t);
        acb_init(r); acb_init(nx); acb_init(nz);
        mag_init(tail);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = layouts[it % 4];
        fmpq_set_si(P->J, Js[it % 6][0], (ulong) Js[it % 6][1]);
        fmpq_set_si(P->b, bs[(it / 2) % 4][0], (ulong) bs[(it / 2) % 4][1]);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 2 + (slong) n_randint(st, 7), 4);
        arb_set_si(R, 6 + (slong) n_randint(st, 6));
        for (a = 0; a < 2; a++)
            for (axis = 0; axis < 2; axis++)
            {
                /* the margin grows with R: the first R = R0 2^k where dominance is proven (there must be one) */
                for (j = 0; j < 8 && qt_pump_heisenberg_axis_envelope(c, alpha, P, a, axis, R, 64, why) != QT_OK; j++)
                    arb_mul_2exp_si(R, R, 1);
                ck_assert_msg(j < 8, "envelope %d: %s", it, why);
                ck_assert_int_eq(qt_pump_heisenberg_axis_tail(tail, P, a, axis, R, 64, why), QT_OK);
                ck_assert(mag_is_finite(tail));
                acb_set_si(nx, axis == 0);
                acb_set_si(nz, axis == 1);
                for (j = 0; j < 4; j++)
                {
                    envelope_radius(r, R, j);
                    ck_assert_int_eq(qt_pump_lambda_heis2_polar_acb(Lam, P, r, nx, nz, 64, why), QT_OK);
                    envelope_value(env, c, alpha, acb_realref(r));
                    arb_abs(t, acb_realref(Lam + 2 * a + axis));
                    ck_assert_msg(arb_le(t, env), "envelope %d: bath %d axis %d point %d", it, a, axis, j);
                }
            }
        _arb_vec_clear(c, 3);
        arb_clear(alpha); arb_clear(R); arb_clear(env); arb_clear(t);
        acb_clear(r); acb_clear(nx); acb_clear(nz);
        _acb_vec_clear(Lam, 4);
        mag_clear(tail);
    }
    /* (iv) refusals */
    set_params(P, "1", "1", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 2, 1);
    fmpq_one(P->b);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strncmp(why, "b:", 2) == 0);
    fmpq_set_si(P->b, 2, 1);
    check_quadrant_refuses_delta_and_T_R(P, C, 64);
    fmpq_set_si(P->T_R, -1, 1);
    fmpq_zero(P->J);                        /* J = 0: the closed form of lemma P30 (j0_corner_closed_form) */
    ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "%s", why);
    fmpq_set_si(P->J, 2, 1);
    P->n_qubits = 3;                        /* three qubits, default layout: parity sectors (P26) */
    P->coupling = QT_PUMP_COUPLING_DEFAULT;
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
    ck_assert(strncmp(why, "coupling:", 9) == 0);
    /* b = -1 in layout b_on_R: on the B_x axis the level 0 has no transitions at all; no dominance is proven */
    P->n_qubits = 2;
    P->coupling = QT_PUMP_COUPLING_B_ON_R;
    fmpq_set_si(P->b, -1, 1);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_UNCERTIFIED);
    ck_assert(strstr(why, "dominance") != NULL);
    ck_assert(!arb_is_finite(Q + 0) && !arb_is_finite(Q + 1));
    arb_clear(v); arb_clear(w);
    _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
    qt_pump_params_clear(P);
    qt_protocol_clear(C);
    flint_randclear(st);
}
END_TEST

/* A = sum_j c_j sigma^w_j on N qubits (w = 'x' or 'z'; basis |q1 ... qN>, qubit 1 the most significant bit,
 * sigma_z|0> = |0>), exactly */
static void
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

/* a random two- or three-qubit Heisenberg model for the collective closed forms: J = Jq[0]/Jq[1], random rates and T,
 * the convention by it; bath L through the collective sum_j sigma^x_j and bath R through sum_j c_j sigma^z_j with
 * c = (1, .., 1, b) (AL, AR initialised by the caller, d x d) */
static void
collective_model(qt_pump_params_struct *P, qt_qmat_t AL, qt_qmat_t AR, slong N, const slong *Jq, const fmpq_t b,
                 int it, flint_rand_t st)
{
    fmpq *c = _fmpq_vec_init(3);
    set_params(P, "1", "1", "1", it % 3 == 1 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
    P->n_qubits = N;
    fmpq_set_si(P->J, Jq[0], (ulong) Jq[1]);
    fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->T, 4 + (slong) n_randint(st, 5), 4);
    fmpq_one(c + 0); fmpq_one(c + 1); fmpq_one(c + 2);
    pauli_sum(AL, N, 'x', c);
    fmpq_set(c + N - 1, b);
    pauli_sum(AR, N, 'z', c);
    qt_pump_params_set_coupling_matrices(P, AL, AR);
    _fmpq_vec_clear(c, 3);
}

/* the Gibbs state of two or three Heisenberg qubits on the B_z axis at |B| = R (R = 0: zero field), from the levels
 * written here (two qubits: triplet J_c with Sigma_z = 2, 0, -2 and singlet -3 J_c; three: quartet 2 J_c with 3, 1,
 * -1, -3, doublets 0 and -4 J_c with 1, -1; E = of + s R Sigma_z): its entropy S and exchange energy <X> */
static void
collective_gibbs(arb_t S, arb_t Xm, const qt_pump_params_struct *P, const fmpq_t R, slong prec)
{
    static const slong l2[4][2] = {{1, 2}, {1, 0}, {1, -2}, {-3, 0}};
    static const slong l3[8][2] = {{2, 3}, {2, 1}, {2, -1}, {2, -3}, {0, 1}, {0, -1}, {-4, 1}, {-4, -1}};
    slong k, d = P->n_qubits == 2 ? 4 : 8;
    arb_t Jc, sR, T, Z, Em, E, t, of;
    arb_init(Jc); arb_init(sR); arb_init(T); arb_init(Z); arb_init(Em); arb_init(E); arb_init(t); arb_init(of);
    arb_set_fmpq(Jc, P->J, prec);
    arb_set_fmpq(sR, R, prec);
    if (P->convention == QT_PUMP_SPIN)
    {
        arb_mul_2exp_si(Jc, Jc, -2);
        arb_mul_2exp_si(sR, sR, -1);
    }
    arb_set_fmpq(T, P->T, prec);
    arb_zero(Z); arb_zero(Em); arb_zero(Xm);
    for (k = 0; k < d; k++)
    {
        const slong *l = d == 4 ? l2[k] : l3[k];
        arb_mul_si(of, Jc, l[0], prec);
        arb_mul_si(E, sR, l[1], prec);
        arb_add(E, E, of, prec);
        arb_div(t, E, T, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_add(Z, Z, t, prec);
        arb_addmul(Em, t, E, prec);
        arb_addmul(Xm, t, of, prec);
    }
    arb_div(Em, Em, Z, prec);
    arb_div(Xm, Xm, Z, prec);
    arb_log(S, Z, prec);                         /* S = ln Z + <E>/T */
    arb_div(t, Em, T, prec);
    arb_add(S, S, t, prec);
    arb_clear(Jc); arb_clear(sR); arb_clear(T); arb_clear(Z); arb_clear(Em); arb_clear(E); arb_clear(t); arb_clear(of);
}

/* the quadrant closed form for L coupling through the collective sum_j sigma^x_j (derived in proofs/pumping.md P26,
 * pumping_derivations.md 3 for two qubits): Q_L = -(T S0 + E_g - <X>_0), with S0 and <X>_0 of the Gibbs state at
 * B = 0 (collective_gibbs) and E_g the exchange energy of the fully polarised multiplet (J_c for two qubits, 2 J_c for
 * three) */
static void
collective_quadrant_closed_form(arb_t v, const qt_pump_params_struct *P, slong prec)
{
    arb_t S0, X0, t;
    fmpq_t zero;
    arb_init(S0); arb_init(X0); arb_init(t);
    fmpq_init(zero);
    collective_gibbs(S0, X0, P, zero, prec);
    arb_set_fmpq(t, P->T, prec);
    arb_mul(v, S0, t, prec);
    arb_sub(v, v, X0, prec);
    arb_set_fmpq(t, P->J, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(t, t, -2);                  /* J_c */
    arb_mul_si(t, t, P->n_qubits == 2 ? 1 : 2, prec);
    arb_add(v, v, t, prec);
    arb_neg(v, v);
    arb_clear(S0); arb_clear(X0); arb_clear(t);
    fmpq_clear(zero);
}

/* lemma P26: the quadrant for two or three Heisenberg qubits with any couplings (multiplet labels on the axes).
 * (i) coupling=matrix with bath L through the collective sum_j sigma^x_j and bath R through sum_j c_j sigma^z_j (c not
 * symmetric under 1 <-> 3): the closed form -(T S0 + E_g - <X>_0), random J of both signs, b, rates, T, both
 * conventions, two and three qubits, the sum rule, 48 and 64 bits overlap; (ii) two qubits, the default and crossed
 * layouts written as matrices: the multiplet route overlaps the closed polar route of P13/P23 (independent code);
 * (iii) three qubits, crossed: Lambda on the axes overlaps the eigen route of P9 at exact points, and the envelope of
 * P26 bounds it beyond R; (iv) the refusals. */
START_TEST(heisenberg_quadrant_multiplets)
{
    /* J_c/T stays below about 1: for larger J a doublet becomes metastable on the B_z axis (its exits are
       exponentially slow), the rate matrix nearly reducible, and the enclosures too wide (see proofs P26) */
    static const slong Js[][2] = {{1, 1}, {-1, 2}, {1, 2}, {-3, 2}};
    static const slong bs[][2] = {{2, 1}, {1, 2}, {3, 1}, {-2, 1}};
    flint_rand_t st;
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
    arb_t v, w;
    fmpq *c = _fmpq_vec_init(3);
    qt_qmat_t A[2];
    char why[QT_REASON_LEN];
    int it, a;
    flint_randinit(st);
    arb_init(v); arb_init(w);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_QUADRANT;
    /* (i) the closed form */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        slong N = it % 2 ? 2 : 3, d = (slong) 1 << N, prec = 48;
        qt_pump_params_init(P);
        qt_qmat_init(A[0], d); qt_qmat_init(A[1], d);
        fmpq_set_si(c + 0, bs[it % 4][0], (ulong) bs[it % 4][1]);
        collective_model(P, A[0], A[1], N, Js[it % 4], c + 0, it, st);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        collective_quadrant_closed_form(v, P, prec);   /* -(T S0 + E_g - <X>_0) */
        check_quadrant_closed_form(P, C, v, prec, it < 2, it);
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(P);
    }
    /* (ii) two qubits: the named layouts (P13 legs) against the same couplings as matrices (P26 legs) */
    for (it = 0; it < 2; it++)
    {
        qt_pump_params_t M;
        qt_pump_params_init(P);
        set_params(P, "1", "3", "1", it ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = it ? QT_PUMP_COUPLING_CROSSED : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, it ? -3 : 2, 2);
        fmpq_set_si(P->b, 2, 1);
        qt_pump_params_init(M);
        set_params(M, "1", "3", "1", P->convention);
        M->n_qubits = 2;
        fmpq_set(M->J, P->J);
        qt_qmat_init(A[0], 4); qt_qmat_init(A[1], 4);
        for (a = 0; a < 2; a++)
        {
            qt_pump_coupling_amplitude(c + 0, P, P->b, a, 0);
            qt_pump_coupling_amplitude(c + 1, P, P->b, a, 1);
            pauli_sum(A[a], 2, a == 0 ? 'x' : 'z', c);
        }
        qt_pump_params_set_coupling_matrices(M, A[0], A[1]);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, M, C, 64, why), QT_OK);
        ck_assert_msg(arb_overlaps(Q + 0, Q2 + 0) && arb_overlaps(Q + 1, Q2 + 1), "layout %d: P13 vs P26 legs", it);
        ck_assert(!arb_contains_zero(Q + 0) && mag_cmp_2exp_si(arb_radref(Q2 + 0), -40) < 0);
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(M);
        qt_pump_params_clear(P);
    }
    /* (iii) three qubits, crossed: the axis route against the eigen route, and the envelope beyond R */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_axis_struct X;
        arb_ptr cv = _arb_vec_init(3);
        acb_ptr L1 = _acb_vec_init(2), L2 = _acb_vec_init(4);
        acb_t r, bx, bz;
        arb_t alpha, R, env, t;
        int axis, j, agree = 0;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, bs[(it + 1) % 3][0], (ulong) bs[(it + 1) % 3][1]);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 4 + (slong) n_randint(st, 5), 4);
        acb_init(r); acb_init(bx); acb_init(bz);
        arb_init(alpha); arb_init(R); arb_init(env); arb_init(t);
        qt_pump_axis_init(&X, 8);
        for (axis = 0; axis < 2; axis++)
        {
            ck_assert_int_eq(qt_pump_axis_model(&X, P, axis, why), QT_OK);
            for (j = 0; j < 4; j++)
            {
                /* an exact point r = k/8 on the axis; the eigen route needs simple levels (skipped at a crossing) */
                fmpq_t rq;
                fmpq_init(rq);
                fmpq_set_si(rq, 1 + (slong) n_randint(st, 40), 8);
                acb_set_fmpq(r, rq, 128);
                acb_zero(bx);
                acb_zero(bz);
                acb_set(axis == 0 ? bx : bz, r);
                ck_assert_int_eq(qt_pump_lambda_axis_acb(L1, &X, P, r, 128, why), QT_OK);
                if (qt_pump_lambda_eigen_acb(L2, P, P->J, P->Delta, P->b, bx, bz, 0, 128, why) == QT_OK)
                {
                    ck_assert_msg(acb_overlaps(L1 + 0, L2 + axis) && acb_overlaps(L1 + 1, L2 + 2 + axis),
                                  "%d: axis %d, r = %s: P26 vs P9", it, axis, fmpq_get_str(NULL, 10, rq));
                    agree++;
                }
                fmpq_clear(rq);
            }
            /* the envelope bounds |Lambda| at R, R + 0.37, R + 3.1, 3R (R where dominance is proven) */
            for (a = 0; a < 2; a++)
            {
                arb_set_si(R, 8 + (slong) n_randint(st, 6));
                for (j = 0; j < 8 && qt_pump_heisenberg_axis_envelope(cv, alpha, P, a, axis, R, 64, why) != QT_OK; j++)
                    arb_mul_2exp_si(R, R, 1);
                ck_assert_msg(j < 8, "envelope %d: %s", it, why);
                for (j = 0; j < 4; j++)
                {
                    envelope_radius(r, R, j);
                    ck_assert_int_eq(qt_pump_lambda_axis_acb(L1, &X, P, r, 64, why), QT_OK);
                    envelope_value(env, cv, alpha, acb_realref(r));
                    arb_abs(t, acb_realref(L1 + a));
                    ck_assert_msg(arb_le(t, env), "envelope %d: bath %d axis %d point %d", it, a, axis, j);
                }
            }
        }
        ck_assert(agree >= 4);
        qt_pump_axis_clear(&X);
        _arb_vec_clear(cv, 3);
        _acb_vec_clear(L1, 2); _acb_vec_clear(L2, 4);
        acb_clear(r); acb_clear(bx); acb_clear(bz);
        arb_clear(alpha); arb_clear(R); arb_clear(env); arb_clear(t);
        qt_pump_params_clear(P);
    }
    /* the crossed chain's quadrant itself: the sum rule and a narrow enclosure */
    qt_pump_params_init(P);
    set_crossed_chain3(P, "1", "1", "1");
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_OK);
    arb_add(w, Q + 0, Q + 1, 48);
    ck_assert(arb_contains_zero(w) && !arb_contains_zero(Q + 0));
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -30) < 0);
    /* (iv) refusals: the reflection-symmetric layouts (parity sectors), Delta != 1, T_R != T */
    P->coupling = QT_PUMP_COUPLING_B_ON_R;
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
    ck_assert(strncmp(why, "coupling:", 9) == 0);
    ck_assert(!arb_is_finite(Q + 0) && !arb_is_finite(Q + 1));
    P->coupling = QT_PUMP_COUPLING_CROSSED;
    check_quadrant_refuses_delta_and_T_R(P, C, 48);
    qt_pump_params_clear(P);
    arb_clear(v); arb_clear(w);
    _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
    _fmpq_vec_clear(c, 3);
    qt_protocol_clear(C);
    flint_randclear(st);
}
END_TEST

START_TEST(steady_state_record)
{
    /* pump.steady_state: tr rho0 = 1, rho0 Hermitian, S0 equals the closed form ln(2 cosh x) - x tanh x
       (one qubit, x = sB/T), E0 = -sB tanh x; for two qubits S0 equals pump.lambda's S0 */
    qt_pump_params_t P;
    qt_record_t R, R2;
    fmpq_t x, z;
    arb_t B, v, t, T;
    slong i;
    qt_pump_params_init(P);
    set_params(P, "1", "2", "0.8", QT_PUMP_SPIN);
    fmpq_init(x); fmpq_init(z);
    fmpq_set_si(x, 3, 5); fmpq_set_si(z, -7, 5);
    arb_init(B); arb_init(v); arb_init(t); arb_init(T);
    qt_record_init(R);
    qt_pump_steady_state_record(R, P, x, z, 128);
    ck_assert_int_eq(R->nout, 2 + 8);
    arb_add(v, &R->out[2].value, &R->out[8].value, 128);       /* rho_00 + rho_11 */
    arb_sub_ui(v, v, 1, 128);
    ck_assert(arb_contains_zero(v));
    ck_assert(arb_overlaps(&R->out[4].value, &R->out[6].value)); /* rho_01 = rho_10 (real symmetric H) */
    arb_set_fmpq(B, x, 128);
    arb_sqr(B, B, 128);
    arb_set_fmpq(v, z, 128);
    arb_addmul(B, v, v, 128);
    arb_sqrt(B, B, 128);
    arb_set_fmpq(T, P->T, 128);
    arb_div(t, B, T, 128);
    arb_mul_2exp_si(t, t, -1);                                    /* x = sB/T, s = 1/2 */
    arb_cosh(v, t, 128);
    arb_mul_2exp_si(v, v, 1);
    arb_log(v, v, 128);
    arb_tanh(B, t, 128);
    arb_submul(v, t, B, 128);
    ck_assert(arb_overlaps(v, &R->out[0].value));
    arb_mul(v, t, T, 128);
    arb_mul(v, v, B, 128);
    arb_neg(v, v);
    ck_assert(arb_overlaps(v, &R->out[1].value));
    qt_record_clear(R);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 2, 1);
    fmpq_set_si(P->b, 2, 1);
    qt_record_init(R);
    qt_record_init(R2);
    qt_pump_steady_state_record(R, P, x, z, 128);
    qt_pump_lambda_record(R2, P, x, z, 128);
    ck_assert(arb_overlaps(&R->out[0].value, &R2->out[4].value));
    arb_zero(v);
    for (i = 0; i < 4; i++)
        arb_add(v, v, &R->out[2 + 2 * (4 * i + i)].value, 128);
    arb_sub_ui(v, v, 1, 128);
    ck_assert(arb_contains_zero(v));
    qt_record_clear(R);
    qt_record_clear(R2);
    qt_pump_params_clear(P);
    fmpq_clear(x); fmpq_clear(z);
    arb_clear(B); arb_clear(v); arb_clear(t); arb_clear(T);
}
END_TEST

/* one qubit at T_R != T: z0 = 2 p_e - 1 of the stationary state, p_e = sum_a w_a n_a / sum_a w_a (2 n_a + 1) with the
   Bose factors n_a at T_a and w_L = gL n_z^2, w_R = gR n_x^2 (a formula the library does not use), at complex points */
static void
qubit_z0_acb(acb_t z0, const qt_pump_params_struct *P, const acb_t bx, const acb_t bz, slong prec)
{
    acb_t B2, w, s, wa, na, num, den, t;
    int a;
    acb_init(B2); acb_init(w); acb_init(s); acb_init(wa); acb_init(na); acb_init(num); acb_init(den); acb_init(t);
    acb_mul(B2, bx, bx, prec);
    acb_addmul(B2, bz, bz, prec);
    acb_one(s);
    if (P->convention == QT_PUMP_SPIN)
        acb_mul_2exp_si(s, s, -1);
    acb_sqrt(w, B2, prec);
    acb_mul(w, w, s, prec);
    acb_mul_2exp_si(w, w, 1);                                       /* w = 2 s |B| */
    for (a = 0; a < 2; a++)
    {
        acb_mul(wa, a == 0 ? bz : bx, a == 0 ? bz : bx, prec);
        acb_div(wa, wa, B2, prec);
        acb_mul_fmpz(wa, wa, fmpq_numref(a == 0 ? P->gamma_L : P->gamma_R), prec);
        acb_div_fmpz(wa, wa, fmpq_denref(a == 0 ? P->gamma_L : P->gamma_R), prec);
        acb_set_fmpq(t, a == 0 || qt_pump_equal_temperatures(P) ? P->T : P->T_R, prec);
        acb_div(na, w, t, prec);
        acb_expm1(na, na, prec);
        acb_inv(na, na, prec);
        acb_addmul(num, wa, na, prec);
        acb_mul_2exp_si(t, na, 1);
        acb_add_ui(t, t, 1, prec);
        acb_addmul(den, wa, t, prec);
    }
    acb_div(z0, num, den, prec);
    acb_mul_2exp_si(z0, z0, 1);
    acb_sub_ui(z0, z0, 1, prec);
    acb_clear(B2); acb_clear(w); acb_clear(s); acb_clear(wa); acb_clear(na); acb_clear(num); acb_clear(den); acb_clear(t);
}

/* pump.steady_state at T_R != T (lemma P20): the stationary state of the global Davies generator.  One qubit: E0 and
 * S0 against p_e = sum_a w_a n_a / sum_a w_a (2 n_a + 1) (Bose factors, w_L = gL cos^2, w_R = gR sin^2; a formula the
 * library does not use) at random points, temperatures and conventions; two qubits: against the independent 4 x 4
 * Pauli solve of heis2_stationary; T_R = T (1 + 1e-40) overlaps the Gibbs record entry by entry; three qubits: trace 1
 * and overlap across precisions */
static void
steady_record_at(qt_record_t R, const qt_pump_params_struct *P, slong bx, slong bz, slong den, slong prec)
{
    fmpq_t x, z;
    fmpq_init(x); fmpq_init(z);
    fmpq_set_si(x, bx, den);
    fmpq_set_si(z, bz, den);
    qt_pump_steady_state_record(R, P, x, z, prec);
    fmpq_clear(x); fmpq_clear(z);
}

START_TEST(steady_state_unequal_temperatures)
{
    flint_rand_t st;
    slong prec = 128, i;
    int it;
    qt_pump_params_t P;
    qt_record_t R, R2;
    arb_t v, w, pe, om, n;
    flint_randinit(st);
    arb_init(v); arb_init(w); arb_init(pe); arb_init(om); arb_init(n);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        /* one qubit at (3k/5, 4k/5), |B| = k: cos^2 = 16/25, sin^2 = 9/25 (up to the signs of the components) */
        slong k = 1 + (slong) n_randint(st, 4), sx = n_randint(st, 2) ? 1 : -1;
        arb_t s, B;
        qt_pump_params_init(P);
        set_params(P, it % 2 ? "1/3" : "1", it % 3 ? "2" : "5", it % 2 ? "3/4" : "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 8), 3);
        if (fmpq_equal(P->T_R, P->T))
            fmpq_set_si(P->T_R, 5, 2);
        qt_record_init(R);
        steady_record_at(R, P, 3 * k * sx, 4 * k, 5, prec);
        ck_assert_str_eq(R->reference, "nonequilibrium_steady_state");
        arb_init(s); arb_init(B);
        arb_set_si(B, k);
        arb_set_ui(s, 1);
        if (P->convention == QT_PUMP_SPIN)
            arb_mul_2exp_si(s, s, -1);
        arb_mul(om, s, B, prec);
        arb_mul_2exp_si(om, om, 1);                                  /* omega = 2 s B */
        {
            acb_t bx, bz, z0;
            acb_init(bx); acb_init(bz); acb_init(z0);
            acb_set_si(bx, 3 * k * sx);
            acb_div_ui(bx, bx, 5, prec);
            acb_set_si(bz, 4 * k);
            acb_div_ui(bz, bz, 5, prec);
            qubit_z0_acb(z0, P, bx, bz, prec);
            arb_add_ui(pe, acb_realref(z0), 1, prec);
            arb_mul_2exp_si(pe, pe, -1);                             /* p_e = (1 + z0)/2 */
            acb_clear(bx); acb_clear(bz); acb_clear(z0);
        }
        arb_mul_2exp_si(v, pe, 1);
        arb_sub_ui(v, v, 1, prec);
        arb_mul(v, v, om, prec);
        arb_mul_2exp_si(v, v, -1);                                   /* E0 = s B (2 p_e - 1) */
        ck_assert_msg(arb_overlaps(v, &R->out[1].value), "one qubit: E0 (it %d)", it);
        qt_arb_neg_xlogx_unit(v, pe, prec);
        arb_sub_ui(w, pe, 1, prec);
        arb_neg(w, w);
        qt_arb_neg_xlogx_unit(w, w, prec);
        arb_add(v, v, w, prec);
        ck_assert_msg(arb_overlaps(v, &R->out[0].value), "one qubit: S0 (it %d)", it);
        ck_assert(arb_rel_accuracy_bits(&R->out[0].value) > 100);
        arb_clear(s); arb_clear(B);
        qt_record_clear(R);
        qt_pump_params_clear(P);
    }
    /* two qubits, J = 2, b = 2, default layout, Pauli convention, at (3/5, 4/5) (|B| = 1 < 2|J|: simple levels) */
    {
        ray_param q;
        acb_mat_t p;
        acb_ptr E = _acb_vec_init(4);
        acb_t r;
        qt_pump_params_init(P);
        set_two_qubits_unequal(P);
        qt_record_init(R);
        steady_record_at(R, P, 3, 4, 5, prec);
        ray_param_init(&q, P, prec);
        acb_init(r); acb_mat_init(p, 4, 1);
        acb_set_si(q.nx2, 9); acb_div_ui(q.nx2, q.nx2, 25, prec);
        acb_set_si(q.nz2, 16); acb_div_ui(q.nz2, q.nz2, 25, prec);
        acb_one(r);
        ck_assert(heis2_stationary(p, E, &q, r, prec));
        arb_zero(v); arb_zero(w);
        for (i = 0; i < 4; i++)
        {
            arb_addmul(v, acb_realref(acb_mat_entry(p, i, 0)), acb_realref(E + i), prec);
            qt_arb_neg_xlogx_unit(n, acb_realref(acb_mat_entry(p, i, 0)), prec);
            arb_add(w, w, n, prec);
        }
        ck_assert_msg(arb_overlaps(v, &R->out[1].value), "two qubits: E0");
        ck_assert_msg(arb_overlaps(w, &R->out[0].value), "two qubits: S0");
        qt_record_clear(R);
        /* continuity into the Gibbs record */
        fmpq_set_si(P->T_R, 1, 1);
        qt_record_init(R2);
        steady_record_at(R2, P, 3, 4, 5, prec);
        ck_assert_str_eq(R2->reference, "gibbs");
        {
            fmpz_t e;
            fmpz_init(e);
            fmpz_ui_pow_ui(e, 10, 40);
            fmpz_add_ui(fmpq_numref(P->T_R), e, 1);
            fmpz_set(fmpq_denref(P->T_R), e);                           /* 1 + 1e-40, canonical */
            fmpz_clear(e);
        }
        qt_record_init(R);
        steady_record_at(R, P, 3, 4, 5, prec);
        ck_assert_str_eq(R->reference, "nonequilibrium_steady_state");
        for (i = 0; i < R->nout; i++)
            ck_assert_msg(arb_overlaps(&R->out[i].value, &R2->out[i].value), "T_R -> T: %s", R->name[i]);
        qt_record_clear(R); qt_record_clear(R2);
        ray_param_clear(&q);
        acb_clear(r); acb_mat_clear(p);
        _acb_vec_clear(E, 4);
        qt_pump_params_clear(P);
    }
    /* three qubits, crossed layout: trace 1, overlap across precisions */
    {
        qt_pump_params_init(P);
        set_crossed_chain3(P, "1", "2", "1");
        fmpq_set_si(P->T_R, 1, 2);
        qt_record_init(R);
        qt_record_init(R2);
        steady_record_at(R, P, 1, 1, 2, 128);
        steady_record_at(R2, P, 1, 1, 2, 192);
        arb_zero(v);
        for (i = 0; i < 8; i++)
            arb_add(v, v, &R->out[2 + 2 * (8 * i + i)].value, 128);
        arb_sub_ui(v, v, 1, 128);
        ck_assert(arb_contains_zero(v));
        for (i = 0; i < R->nout; i++)
        {
            ck_assert_int_eq(R->out[i].status, QT_OK);
            ck_assert_msg(arb_overlaps(&R->out[i].value, &R2->out[i].value), "three qubits: %s across precisions", R->name[i]);
        }
        ck_assert(arb_rel_accuracy_bits(&R->out[0].value) > 90);
        qt_record_clear(R); qt_record_clear(R2);
        qt_pump_params_clear(P);
    }
    arb_clear(v); arb_clear(w); arb_clear(pe); arb_clear(om); arb_clear(n);
    flint_randclear(st);
}
END_TEST

/* pump.friction at T_R != T (lemma P21).  One qubit: against the closed form written here from the Bloch equations in
 * the frame of the field (n = B/|B|, e perpendicular in the x-z plane):
 *   zeta_kl = -s [ n_k d_l z0 / G1 + z0 e_k e_l G2 / (|B| (G2^2 + w^2)) ],   z0 = 2 p_e - 1,
 * p_e = sum_a w_a n_a / sum_a w_a (2 n_a + 1) (w_L = gL n_z^2, w_R = gR n_x^2, n_a Bose factors at T_a), G1 = sum_a w_a w
 * coth(w/2T_a), G2 = G1/2 + 2 (gL T_L n_x^2 + gR T_R n_z^2), w = 2 s |B|, with d_l z0 by a Cauchy integral (the library
 * takes d_l rho0 from the Pauli route and L^+ from the Drazin solve); coupling=local is the sum of its one-qubit factors;
 * two qubits: continuity into the Gibbs route and overlap across precisions; three qubits: degenerate levels are
 * refused */
typedef struct { const qt_pump_params_struct *P; acb_t bx, bz, rho; int l; } z0_param;

/* v in [0, 1] -> z0 at the point moved by rho e^{2 pi i v} along direction l, times e^{-2 pi i v} */
static int
z0_around(acb_ptr res, const acb_t v, void *param, slong order, slong prec)
{
    const z0_param *q = param;
    acb_t e, x, z;
    if (order > 1)
        flint_abort();
    acb_init(e); acb_init(x); acb_init(z);
    acb_exp_pi_i(e, v, prec);
    acb_mul(e, e, e, prec);
    acb_set(x, q->bx);
    acb_set(z, q->bz);
    acb_addmul(q->l == 0 ? x : z, e, q->rho, prec);
    qubit_z0_acb(res, q->P, x, z, prec);
    acb_div(res, res, e, prec);
    acb_clear(e); acb_clear(x); acb_clear(z);
    return 0;
}

static void
qubit_friction_nes_closed(arb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    z0_param q;
    acb_t lo, hi, I, z0;
    arb_t B, s, w, G1, G2, x, c, n[2], e[2], dz[2];
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    int k, l, a;
    acb_init(q.bx); acb_init(q.bz); acb_init(q.rho); acb_init(lo); acb_init(hi); acb_init(I); acb_init(z0);
    arb_init(B); arb_init(s); arb_init(w); arb_init(G1); arb_init(G2); arb_init(x); arb_init(c);
    for (k = 0; k < 2; k++)
    {
        arb_init(n[k]); arb_init(e[k]); arb_init(dz[k]);
    }
    mag_init(tol);
    q.P = P;
    acb_set_fmpq(q.bx, Bx, prec);
    acb_set_fmpq(q.bz, Bz, prec);
    acb_set_d(q.rho, 0.125);
    acb_calc_integrate_opt_init(opt);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_zero(lo);
    acb_one(hi);
    for (l = 0; l < 2; l++)
    {
        q.l = l;
        ck_assert(acb_calc_integrate(I, z0_around, &q, lo, hi, prec, tol, opt, prec) == ARB_CALC_SUCCESS);
        arb_mul_2exp_si(dz[l], acb_realref(I), 3);               /* / rho */
    }
    qubit_z0_acb(z0, P, q.bx, q.bz, prec);
    arb_sqr(B, acb_realref(q.bx), prec);
    arb_addmul(B, acb_realref(q.bz), acb_realref(q.bz), prec);
    arb_sqrt(B, B, prec);
    arb_div(n[0], acb_realref(q.bx), B, prec);
    arb_div(n[1], acb_realref(q.bz), B, prec);
    arb_set(e[0], n[1]);
    arb_neg(e[1], n[0]);
    arb_one(s);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(s, s, -1);
    arb_mul(w, s, B, prec);
    arb_mul_2exp_si(w, w, 1);
    arb_zero(G1);
    arb_zero(G2);
    for (a = 0; a < 2; a++)
    {
        /* bath a: w_a w coth(w / 2 T_a) into G1, 2 g_a T_a (its other direction)^2 into G2 */
        arb_set_fmpq(x, a == 0 || qt_pump_equal_temperatures(P) ? P->T : P->T_R, prec);
        arb_set_fmpq(c, a == 0 ? P->gamma_L : P->gamma_R, prec);
        arb_mul(c, c, x, prec);
        arb_mul_2exp_si(c, c, 1);
        arb_mul(c, c, a == 0 ? n[0] : n[1], prec);
        arb_addmul(G2, c, a == 0 ? n[0] : n[1], prec);
        arb_mul_2exp_si(x, x, 1);
        arb_div(x, w, x, prec);
        arb_tanh(x, x, prec);
        arb_div(x, w, x, prec);                                   /* w coth(w / 2 T_a) */
        arb_set_fmpq(c, a == 0 ? P->gamma_L : P->gamma_R, prec);
        arb_mul(x, x, c, prec);
        arb_mul(x, x, a == 0 ? n[1] : n[0], prec);
        arb_mul(x, x, a == 0 ? n[1] : n[0], prec);
        arb_add(G1, G1, x, prec);
    }
    arb_mul_2exp_si(x, G1, -1);
    arb_add(G2, G2, x, prec);
    /* coherence factor z0 G2 / (|B| (G2^2 + w^2)) */
    arb_sqr(c, G2, prec);
    arb_addmul(c, w, w, prec);
    arb_mul(c, c, B, prec);
    arb_div(c, G2, c, prec);
    arb_mul(c, c, acb_realref(z0), prec);
    for (k = 0; k < 2; k++)
        for (l = 0; l < 2; l++)
        {
            arb_ptr zkl = zeta + 2 * k + l;
            arb_mul(zkl, n[k], dz[l], prec);
            arb_div(zkl, zkl, G1, prec);
            arb_mul(x, e[k], e[l], prec);
            arb_addmul(zkl, x, c, prec);
            arb_mul(zkl, zkl, s, prec);
            arb_neg(zkl, zkl);
        }
    acb_clear(q.bx); acb_clear(q.bz); acb_clear(q.rho); acb_clear(lo); acb_clear(hi); acb_clear(I); acb_clear(z0);
    arb_clear(B); arb_clear(s); arb_clear(w); arb_clear(G1); arb_clear(G2); arb_clear(x); arb_clear(c);
    for (k = 0; k < 2; k++)
    {
        arb_clear(n[k]); arb_clear(e[k]); arb_clear(dz[k]);
    }
    mag_clear(tol);
}

START_TEST(friction_unequal_temperatures)
{
    static const char *pts[4][2] = {{"3/5", "4/5"}, {"-1/2", "3/2"}, {"2", "-1/3"}, {"7/10", "13/10"}};
    slong prec = 128, k;
    int it;
    char why[QT_REASON_LEN];
    arb_ptr Z = _arb_vec_init(4), C = _arb_vec_init(4), C2 = _arb_vec_init(4);
    fmpq_t x, z;
    fmpq_init(x); fmpq_init(z);
    for (it = 0; it < 4; it++)
    {
        qt_pump_params_t P;
        qt_pump_params_init(P);
        set_params(P, it % 2 ? "1/3" : "1", it < 2 ? "2" : "5", it == 3 ? "3/4" : "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        qt_test_setq(P->T_R, it == 2 ? "1/4" : "2");
        qt_test_setq(x, pts[it][0]);
        qt_test_setq(z, pts[it][1]);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, prec, why), QT_OK);
        qubit_friction_nes_closed(C, P, x, z, prec);
        {
            /* the library's holomorphic closed form (lemma P22, the dissipation integrand) at the same point */
            acb_t bx, bz;
            acb_ptr H = _acb_vec_init(4);
            acb_init(bx); acb_init(bz);
            acb_set_fmpq(bx, x, prec);
            acb_set_fmpq(bz, z, prec);
            ck_assert_int_eq(qt_pump_friction_qubit_acb(H, P, bx, bz, 0, prec, why), QT_OK);
            for (k = 0; k < 4; k++)
                ck_assert_msg(arb_overlaps(acb_realref(H + k), Z + k), "one qubit at T_R != T: closed zeta[%ld] vs the Davies route (it %d)", (long) k, it);
            acb_clear(bx); acb_clear(bz);
            _acb_vec_clear(H, 4);
        }
        for (k = 0; k < 4; k++)
        {
            ck_assert_msg(arb_overlaps(Z + k, C + k), "one qubit at T_R != T: zeta[%ld] (it %d)", (long) k, it);
            ck_assert(arb_rel_accuracy_bits(Z + k) > 90);
        }
        /* coupling=local, two qubits, b = 2: the sum of the one-qubit factors (rates x 1 and x b^2) */
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_LOCAL;
        fmpq_set_si(P->b, 2, 1);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, prec, why), QT_OK);
        P->n_qubits = 1;
        P->coupling = QT_PUMP_COUPLING_DEFAULT;
        fmpq_mul_si(P->gamma_L, P->gamma_L, 4);
        fmpq_mul_si(P->gamma_R, P->gamma_R, 4);
        qubit_friction_nes_closed(C2, P, x, z, prec);
        for (k = 0; k < 4; k++)
        {
            arb_add(C2 + k, C2 + k, C + k, prec);
            ck_assert_msg(arb_overlaps(Z + k, C2 + k), "coupling=local at T_R != T: zeta[%ld] (it %d)", (long) k, it);
        }
        qt_pump_params_clear(P);
    }
    /* the dissipated work along the issue's circle at T_R != T (lemma P22): T_R = T (1 + 1e-40) against the
       equal-temperature integral of P14/P15, 96 vs 160 bits at T_R = 2; the length is undefined there */
    {
        qt_pump_params_t P;
        qt_protocol_t Cp;
        arb_t W1, W2, L;
        fmpz_t e;
        qt_pump_params_init(P);
        qt_protocol_init(Cp);
        arb_init(W1); arb_init(W2); arb_init(L);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        Cp->kind = QT_PROTOCOL_CIRCLE;
        fmpq_set_si(Cp->cx, 1, 1);
        fmpq_set_si(Cp->cz, 1, 1);
        fmpq_set_si(Cp->radius, 4, 5);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L, P, Cp, 96, why), QT_OK);
        fmpz_init(e);
        fmpz_ui_pow_ui(e, 10, 40);
        fmpz_add_ui(fmpq_numref(P->T_R), e, 1);
        fmpz_set(fmpq_denref(P->T_R), e);
        fmpz_clear(e);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L, P, Cp, 96, why), QT_OK);
        ck_assert_msg(arb_overlaps(W1, W2), "W_diss: T_R -> T");
        ck_assert(!arb_is_finite(L));
        fmpq_set_si(P->T_R, 2, 1);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L, P, Cp, 96, why), QT_OK);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L, P, Cp, 160, why), QT_OK);
        ck_assert_msg(arb_overlaps(W1, W2) && arb_is_positive(W1), "W_diss at T_R = 2 across precisions");
        ck_assert(arb_rel_accuracy_bits(W2) > 100);
        arb_clear(W1); arb_clear(W2); arb_clear(L);
        qt_protocol_clear(Cp);
        qt_pump_params_clear(P);
    }
    /* two qubits: T_R = T (1 + 1e-40) against the Gibbs route; 128 vs 192 bits at T_R = 5/2 */
    {
        qt_pump_params_t P;
        fmpz_t e;
        qt_pump_params_init(P);
        set_two_qubits_unequal(P);
        fmpq_set_si(x, 3, 5);
        fmpq_set_si(z, 4, 5);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_OK);
        ck_assert_int_eq(qt_pump_friction(C, P, x, z, 192, why), QT_OK);
        for (k = 0; k < 4; k++)
            ck_assert_msg(arb_overlaps(Z + k, C + k), "two qubits: zeta[%ld] across precisions", (long) k);
        fmpq_set(P->T_R, P->T);
        ck_assert_int_eq(qt_pump_friction(C, P, x, z, 128, why), QT_OK);
        fmpz_init(e);
        fmpz_ui_pow_ui(e, 10, 40);
        fmpz_add_ui(fmpq_numref(P->T_R), e, 1);
        fmpz_set(fmpq_denref(P->T_R), e);                               /* T (1 + 1e-40), T = 1 */
        fmpz_clear(e);
        ck_assert(!qt_pump_equal_temperatures(P));
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_OK);
        for (k = 0; k < 4; k++)
            ck_assert_msg(arb_overlaps(Z + k, C + k), "two qubits: T_R -> T, zeta[%ld]", (long) k);
        /* three qubits (all pairs coupled): degenerate levels, refused with the reason */
        P->n_qubits = 3;
        fmpq_set_si(P->J, 1, 1);
        fmpq_set_si(P->T_R, 2, 1);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, 128, why), QT_DOMAIN);
        ck_assert_msg(strstr(why, "simple levels") != NULL, "%s", why);
        qt_pump_params_clear(P);
    }
    fmpq_clear(x); fmpq_clear(z);
    _arb_vec_clear(Z, 4); _arb_vec_clear(C, 4); _arb_vec_clear(C2, 4);
}
END_TEST

/* a random exact complex Hermitian d x d matrix with small rational entries (an arbitrary coupling operator) */
static void
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

START_TEST(coupling_matrices)
{
    /* coupling=matrix: the default layout given as explicit matrices reproduces coupling=default (Lambda by the
       population route, zeta by the Davies route); a random complex Hermitian coupling: Lambda of the Davies route
       (P17) overlaps the population route (P9), the metric is positive semidefinite; field-named refusals (wrong
       size, not Hermitian, zero, one qubit) */
    flint_rand_t st;
    slong prec = 128, it, a, k, d = 4;
    char why[QT_REASON_LEN];
    fmpq_t x, z;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_params_t P, Q;
        qt_qmat_t A[2];
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(4), L2 = _acb_vec_init(4), Z1 = _acb_vec_init(4);
        arb_ptr Z2 = _arb_vec_init(4), Z3 = _arb_vec_init(4);
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        random_two_qubit_model(P, st, it);
        P->coupling = QT_PUMP_COUPLING_DEFAULT;
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        /* the same model with A_L = sx_1 + b sx_2, A_R = sz_1 + b sz_2 as matrices (basis |q1 q2>, q1 most significant) */
        qt_pump_params_init(Q);
        Q->n_qubits = 2;
        fmpq_set(Q->gamma_L, P->gamma_L); fmpq_set(Q->gamma_R, P->gamma_R); fmpq_set(Q->T, P->T);
        fmpq_set(Q->J, P->J); fmpq_set(Q->Delta, P->Delta); Q->convention = P->convention;
        for (a = 0; a < 2; a++)
        {
            qt_qmat_init(A[a], d);
            if (it % 2 == 0)
            {
                slong r;
                for (r = 0; r < d; r++)
                {
                    slong b1 = (r >> 1) & 1, b2 = r & 1;
                    if (a == 0)
                    {
                        fmpq_add_si(A[a]->re + (r ^ 2) * d + r, A[a]->re + (r ^ 2) * d + r, 1);
                        fmpq_add(A[a]->re + (r ^ 1) * d + r, A[a]->re + (r ^ 1) * d + r, P->b);
                    }
                    else
                    {
                        fmpq_set_si(A[a]->re + r * d + r, b1 ? -1 : 1, 1);
                        if (b2)
                            fmpq_sub(A[a]->re + r * d + r, A[a]->re + r * d + r, P->b);
                        else
                            fmpq_add(A[a]->re + r * d + r, A[a]->re + r * d + r, P->b);
                    }
                }
            }
            else
                random_hermitian_coupling(A[a], d, st);
        }
        qt_pump_params_set_coupling_matrices(Q, A[0], A[1]);
        ck_assert_msg(qt_pump_params_validate(Q, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_davies_route(L1, Z1, Q, x, z, prec, why) == QT_OK, "%s", why);
        if (qt_pump_lambda_acb(L2, Q, bx, bz, 0, prec, why) == QT_OK)
            ck_assert(acb_vec_overlaps4(L1, L2));
        ck_assert_int_eq(qt_pump_friction(Z2, Q, x, z, 192, why), QT_OK);
        for (k = 0; k < 4; k++)
            arb_set(Z3 + k, acb_realref(Z1 + k));
        check_friction_metric(Z3, Z2, 192);
        if (it % 2 == 0)
        {
            /* the explicit matrices are the default layout */
            ck_assert_int_eq(qt_pump_friction(Z3, P, x, z, prec, why), QT_OK);
            for (k = 0; k < 4; k++)
                ck_assert(arb_overlaps(Z2 + k, Z3 + k));
            if (qt_pump_lambda_acb(L1, P, bx, bz, 0, prec, why) == QT_OK)
                ck_assert(acb_vec_overlaps4(L1, L2));
        }
        /* refusals */
        fmpq_set_si(Q->A_mat[1].im + 1, 1, 1);                       /* A_R[0][1] += i, not mirrored */
        ck_assert_int_eq(qt_pump_params_validate(Q, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_R") != NULL && strstr(why, "Hermitian") != NULL);
        Q->n_qubits = 3;
        ck_assert_int_eq(qt_pump_params_validate(Q, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_L") != NULL && strstr(why, "8 x 8") != NULL);
        Q->n_qubits = 1;
        fmpq_zero(Q->J);
        ck_assert_int_eq(qt_pump_params_validate(Q, why), QT_DOMAIN);
        ck_assert(strstr(why, "coupling=matrix") != NULL);
        Q->n_qubits = 2;
        for (k = 0; k < d * d; k++)
        {
            fmpq_zero(Q->A_mat[0].re + k);
            fmpq_zero(Q->A_mat[0].im + k);
        }
        ck_assert_int_eq(qt_pump_params_validate(Q, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_L") != NULL && strstr(why, "zero") != NULL);
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(P); qt_pump_params_clear(Q);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4); _acb_vec_clear(Z1, 4);
        _arb_vec_clear(Z2, 4); _arb_vec_clear(Z3, 4);
    }
    fmpq_clear(x); fmpq_clear(z);
    flint_randclear(st);
}
END_TEST


/* the levels of two Heisenberg qubits at radius r (order +, 0, -, S) as exact rationals */
static void
heis2_levels(fmpq *E, const qt_pump_params_struct *P, const fmpq_t r)
{
    fmpq_t Jc, t;
    fmpq_init(Jc); fmpq_init(t);
    fmpq_set(Jc, P->J);
    fmpq_set(t, r);
    fmpq_mul_2exp(t, t, 1);                         /* 2 s r */
    if (P->convention == QT_PUMP_SPIN)
    {
        fmpq_div_2exp(Jc, Jc, 2);
        fmpq_div_2exp(t, t, 1);
    }
    fmpq_add(E + 0, Jc, t);
    fmpq_set(E + 1, Jc);
    fmpq_sub(E + 2, Jc, t);
    fmpq_mul_si(E + 3, Jc, -3);
    fmpq_clear(Jc); fmpq_clear(t);
}

/* 1 iff at radius r two levels coincide or two transitions of different generic groups have the same frequency
   (the ladder 0 <- +, - <- 0 is one group, its reverse another; every other transition its own group) */
static int
heis2_coincidence(const qt_pump_params_struct *P, const fmpq_t r)
{
    fmpq E[4];
    fmpq_t w1, w2;
    slong m, n, m2, n2, k;
    int hit = 0;
    for (k = 0; k < 4; k++)
        fmpq_init(E + k);
    fmpq_init(w1); fmpq_init(w2);
    heis2_levels(E, P, r);
    for (m = 0; m < 4; m++)
        for (n = m + 1; n < 4; n++)
            hit |= fmpq_equal(E + m, E + n);
    for (m = 0; m < 4; m++)
        for (n = 0; n < 4; n++)
            for (m2 = 0; m2 < 4; m2++)
                for (n2 = 0; n2 < 4; n2++)
                {
                    int g1 = (m == 1 && n == 0) || (m == 2 && n == 1), g2 = (m2 == 1 && n2 == 0) || (m2 == 2 && n2 == 1);
                    int u1 = (m == 0 && n == 1) || (m == 1 && n == 2), u2 = (m2 == 0 && n2 == 1) || (m2 == 1 && n2 == 2);
                    if (m == n || m2 == n2 || (m == m2 && n == n2) || (g1 && g2) || (u1 && u2))
                        continue;
                    fmpq_sub(w1, E + n, E + m);
                    fmpq_sub(w2, E + n2, E + m2);
                    hit |= fmpq_equal(w1, w2);
                }
    for (k = 0; k < 4; k++)
        fmpq_clear(E + k);
    fmpq_clear(w1); fmpq_clear(w2);
    return hit;
}

START_TEST(heis2_friction_field_frame)
{
    /* lemma P18: the field-frame friction tensor of two Heisenberg qubits against the global Davies route of P17 (exact
       eigenprojectors and Bohr grouping, a different construction) at random points, J of both signs, b, layouts,
       conventions; 96 and 192 bits overlap; on a complex ball about the point (analytic) it is finite and overlaps the
       point value; a third of the points at a random T_R (the non-equilibrium populations of P19 from the closed weights
       of P13, against the Davies route of P21 with each bath at its temperature); the special radii are exactly the
       radii with a coincidence (checked from the level formulas) and a nearby radius has none; refusals: Delta != 1,
       J = 0, b = 1 (the dark singlet) */
    static const char *bs[4] = {"2", "3", "1/2", "-1"};
    flint_rand_t st;
    int it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z, r2, q;
        fmpq radii[16];
        slong nr, k;
        arb_ptr Z = _arb_vec_init(4);
        acb_ptr A = _acb_vec_init(4), A2 = _acb_vec_init(4), W = _acb_vec_init(4);
        acb_t Bx, Bz;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z); fmpq_init(r2); fmpq_init(q);
        for (k = 0; k < 16; k++)
            fmpq_init(radii + k);
        acb_init(Bx); acb_init(Bz);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        random_two_qubit_model(P, st, it);
        fmpq_one(P->Delta);
        qt_test_setq(P->b, bs[n_randint(st, 4)]);
        if (n_randint(st, 2))
            fmpq_neg(P->J, P->J);
        if (it % 3 == 1)
            fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 12), 4);     /* unequal temperatures (T_R = T possible) */
        /* off the special radii (an exact check) */
        nr = qt_pump_heis2_special_radii(radii, P);
        fmpq_mul(r2, x, x);
        fmpq_addmul(r2, z, z);
        for (k = 0; k < nr; k++)
        {
            fmpq_mul(q, radii + k, radii + k);
            if (fmpq_equal(q, r2))
                fmpq_set_si(x, 1, 7);
        }
        ck_assert_msg(qt_pump_friction(Z, P, x, z, 128, why) == QT_OK, "%s", why);
        acb_set_fmpq(Bx, x, 128);
        acb_set_fmpq(Bz, z, 128);
        ck_assert_msg(qt_pump_friction_heis2_acb(A, P, Bx, Bz, 0, 96, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_friction_heis2_acb(A2, P, Bx, Bz, 0, 192, why), QT_OK);
        ck_assert(acb_vec_overlaps4(A, A2));
        for (k = 0; k < 4; k++)
        {
            ck_assert(arb_overlaps(Z + k, acb_realref(A2 + k)));
            ck_assert(arb_contains_zero(acb_imagref(A2 + k)));
            ck_assert(arb_rel_accuracy_bits(acb_realref(A2 + k)) > 150 || arb_contains_zero(Z + k));
        }
        /* a complex ball of radius 2^-12 about the point */
        acb_set_fmpq(Bx, x, 128);
        acb_set_fmpq(Bz, z, 128);
        mag_set_ui_2exp_si(arb_radref(acb_realref(Bx)), 1, -12);
        mag_set_ui_2exp_si(arb_radref(acb_imagref(Bx)), 1, -12);
        mag_set_ui_2exp_si(arb_radref(acb_imagref(Bz)), 1, -12);
        ck_assert_msg(qt_pump_friction_acb(W, P, Bx, Bz, 1, 128, why) == QT_OK, "%s", why);
        ck_assert(acb_vec_overlaps4(W, A2));
        /* the special radii */
        for (k = 0; k < nr; k++)
        {
            ck_assert(fmpq_sgn(radii + k) > 0);
            ck_assert(heis2_coincidence(P, radii + k));
            fmpq_set_si(q, 1, 1000);
            fmpq_add(q, q, radii + k);
            ck_assert(!heis2_coincidence(P, q));
            if (k > 0)
                ck_assert(fmpq_cmp(radii + k - 1, radii + k) < 0);
        }
        /* J = 2 (|J|): the ladder meets the singlet-triplet line at r = |J| (Pauli) or |J|/2 (spin), the levels T-
           and S cross at 2|J| (Pauli) or |J| (spin) */
        if (fmpq_sgn(P->J) > 0)
        {
            int found1 = 0, found2 = 0;
            fmpq_set(q, P->J);
            if (P->convention == QT_PUMP_SPIN)
                fmpq_div_2exp(q, q, 1);
            for (k = 0; k < nr; k++)
                found1 |= fmpq_equal(radii + k, q);
            fmpq_mul_2exp(q, q, 1);
            for (k = 0; k < nr; k++)
                found2 |= fmpq_equal(radii + k, q);
            ck_assert(found1 && found2);
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z); fmpq_clear(r2); fmpq_clear(q);
        for (k = 0; k < 16; k++)
            fmpq_clear(radii + k);
        acb_clear(Bx); acb_clear(Bz);
        _arb_vec_clear(Z, 4);
        _acb_vec_clear(A, 4); _acb_vec_clear(A2, 4); _acb_vec_clear(W, 4);
    }
    {
        qt_pump_params_t P;
        acb_ptr A = _acb_vec_init(4);
        acb_t Bx, Bz;
        acb_init(Bx); acb_init(Bz);
        acb_set_si(Bx, 1);
        acb_set_si(Bz, 1);
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        qt_test_setq(P->J, "2");
        qt_test_setq(P->b, "2");
        qt_test_setq(P->Delta, "1/2");
        ck_assert_int_eq(qt_pump_friction_heis2_acb(A, P, Bx, Bz, 0, 64, why), QT_DOMAIN);
        ck_assert(strstr(why, "Delta") != NULL);
        fmpq_one(P->Delta);
        fmpq_zero(P->J);                    /* J = 0: lemma P25 at equal T, P29 at T_R != T */
        ck_assert_msg(qt_pump_friction_heis2_acb(A, P, Bx, Bz, 0, 64, why) == QT_OK, "%s", why);
        qt_test_setq(P->T_R, "2");
        ck_assert_msg(qt_pump_friction_heis2_acb(A, P, Bx, Bz, 0, 64, why) == QT_OK, "%s", why);
        ck_assert(acb_is_finite(A + 0));
        fmpq_set_si(P->T_R, -1, 1);
        qt_test_setq(P->J, "2");
        fmpq_one(P->b);
        ck_assert_int_eq(qt_pump_friction_heis2_acb(A, P, Bx, Bz, 0, 64, why), QT_UNCERTIFIED);
        ck_assert(!acb_is_finite(A + 0));
        qt_pump_params_clear(P);
        acb_clear(Bx); acb_clear(Bz);
        _acb_vec_clear(A, 4);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(heis2_dissipation)
{
    /* lemmas P18 + P15 for two Heisenberg qubits: (a) default layout with gamma_L = gamma_R: a rotation of the field
       about y is an orthogonal mixing of the two equal baths, so zeta_tt is constant on a circle about B = 0 and
       tau W_diss = (2 pi R)^2 zeta_zz(R, 0), L = 2 pi R sqrt(zeta_zz(R, 0)), zeta from the Davies route (P17), both
       conventions; (b) a small triangle in a random layout: L^2 <= tau W_diss, 64 and 96 bits overlap; (c) refusals
       on the special radii */
    flint_rand_t st;
    int it;
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_t W, L, W2, L2, u;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    arb_init(W); arb_init(L); arb_init(W2); arb_init(L2); arb_init(u);
    for (it = 0; it < 2; it++)
    {
        fmpq_t R;
        qt_pump_params_init(P);
        set_params(P, "3/2", "3/2", "1", it ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        qt_test_setq(P->J, it ? "-1" : "2");
        qt_test_setq(P->b, "2");
        qt_protocol_init(C);
        fmpq_init(R);
        /* R = 1/5: not a special radius for either model (1/3 and 1/2 are, for J = -1 in the spin convention) */
        fmpq_set_si(R, 1, 5);
        {
            fmpq radii[16];
            slong k, nr;
            for (k = 0; k < 16; k++)
                fmpq_init(radii + k);
            nr = qt_pump_heis2_special_radii(radii, P);
            for (k = 0; k < nr; k++)
                ck_assert(!fmpq_equal(radii + k, R));
            for (k = 0; k < 16; k++)
                fmpq_clear(radii + k);
        }
        check_circle_about_zero(P, C, R, 64, 45);
        fmpq_clear(R);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
    }
    {
        static const slong vx[3] = {8, 10, 8}, vz[3] = {8, 8, 10};
        slong i;
        qt_pump_params_init(P);
        random_two_qubit_model(P, st, 1);
        fmpq_one(P->Delta);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_POLYGON;
        qt_protocol_set_polygon_size(C, 3);
        for (i = 0; i < 3; i++)
        {
            fmpq_set_si(C->vx + i, vx[i], 8);
            fmpq_set_si(C->vz + i, vz[i], 8);
        }
        ck_assert_msg(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why), QT_OK);
        ck_assert(arb_overlaps(W, W2) && arb_overlaps(L, L2));
        ck_assert(arb_is_positive(W2));
        arb_sqr(u, L2, 96);
        ck_assert(!arb_gt(u, W2));
        /* (b') unequal temperatures, W_diss only: T_R = T (1 + 10^-30) overlaps the equal-T integral (populations from
           the kernel of W and -W^+ (d W) p instead of the Gibbs law); T_R = 3 T overlaps across precisions */
        fmpz_set_ui(fmpq_numref(P->T_R), 10);
        fmpz_pow_ui(fmpq_numref(P->T_R), fmpq_numref(P->T_R), 30);
        fmpz_add_ui(fmpq_numref(P->T_R), fmpq_numref(P->T_R), 1);
        fmpz_set_ui(fmpq_denref(P->T_R), 10);
        fmpz_pow_ui(fmpq_denref(P->T_R), fmpq_denref(P->T_R), 30);
        fmpq_mul(P->T_R, P->T_R, P->T);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W, W2) && !arb_is_finite(L));
        fmpq_mul_si(P->T_R, P->T, 3);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why), QT_OK);
        ck_assert(arb_overlaps(W, W2) && arb_is_finite(W2) && !arb_is_finite(L2));
        fmpq_set_si(P->T_R, -1, 1);
        /* (c) J = 2, Pauli: radius 2 (the ladder meets the singlet line) and 4 (T- and S cross) */
        P->convention = QT_PUMP_PAULI;
        qt_test_setq(P->J, "2");
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_zero(C->cx);
        fmpq_zero(C->cz);
        fmpq_set_si(C->radius, 2, 1);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);
        ck_assert(strstr(why, "radius") != NULL);
        ck_assert(!arb_is_finite(W) && !arb_is_finite(L));
        C->kind = QT_PROTOCOL_SECTOR;
        fmpq_set_si(C->r0, 1, 2);
        fmpq_set_si(C->r1, 4, 1);
        fmpq_zero(C->theta0);
        fmpq_one(C->theta1);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why), QT_DOMAIN);
        ck_assert(strstr(why, "r0, r1") != NULL);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
    }
    arb_clear(W); arb_clear(L); arb_clear(W2); arb_clear(L2); arb_clear(u);
    flint_randclear(st);
}
END_TEST

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
static void
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
static void
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

START_TEST(multi_friction_generic)
{
    flint_rand_t st;
    int it, compared = 0;
    slong prec = 128;
    char why[QT_REASON_LEN];
    fmpq_t x, z;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z);
    for (it = 0; it < qt_test_iters(16); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz;
        acb_ptr Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4), Z3 = _acb_vec_init(4);
        int distinct;
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        random_two_qubit_model(P, st, it);
        if (it % 4 == 3)
        {
            P->n_qubits = 3;
            P->coupling = QT_PUMP_COUPLING_CROSSED;
        }
        if (it % 3 == 1)
            fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 12), 4);     /* unequal temperatures (T_R = T possible) */
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        distinct = qt_pump_bohr_frequencies_distinct(P, bx, bz, prec);
        if (P->n_qubits == 2 && fmpq_is_one(P->Delta))
            ck_assert_msg(!distinct, "Delta = 1: E_+ - E_0 = E_0 - E_- must not pass as distinct");
        if (distinct)
        {
            ck_assert_msg(qt_pump_friction_multi_acb(Z1, P, bx, bz, 0, prec, why) == QT_OK, "%s", why);
            ck_assert_msg(qt_pump_davies_route(NULL, Z2, P, x, z, prec, why) == QT_OK, "%s", why);
            ck_assert_msg(acb_vec_overlaps4(Z1, Z2), "P24 vs P17 at iteration %d", it);
            acb_set_fmpq(bx, x, 64);
            acb_set_fmpq(bz, z, 64);
            ck_assert(qt_pump_friction_multi_acb(Z3, P, bx, bz, 0, 64, why) == QT_OK);
            ck_assert(acb_vec_overlaps4(Z1, Z3));
            compared++;
        }
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4); _acb_vec_clear(Z3, 4);
        qt_pump_params_clear(P);
    }
    ck_assert_msg(compared >= qt_test_iters(16) / 3, "only %d points compared", compared);
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_t W1, L1, W2, L2, W3, L3;
        arb_init(W1); arb_init(L1); arb_init(W2); arb_init(L2); arb_init(W3); arb_init(L3);
        qt_pump_params_init(P);
        qt_protocol_init(C);
        xxz_small_triangle(P, C, 2);
        check_dissipation_48_64(W1, L1, W2, L2, P, C);
        /* unequal temperatures (W_diss only): at T_R = T (1 + 10^-30) the stationary populations and their derivatives
           come from the kernel of W and -W^+ (d W) p (lemma P19), not from the Gibbs law, and the result overlaps the
           equal-T integral; at T_R = 2 the integral is finite, overlaps across precisions, and the length is
           indeterminate */
        fmpz_set_ui(fmpq_numref(P->T_R), 10);
        fmpz_pow_ui(fmpq_numref(P->T_R), fmpq_numref(P->T_R), 30);
        fmpz_add_ui(fmpq_numref(P->T_R), fmpq_numref(P->T_R), 1);
        fmpz_set_ui(fmpq_denref(P->T_R), 10);
        fmpz_pow_ui(fmpq_denref(P->T_R), fmpq_denref(P->T_R), 30);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W3, L3, P, C, 48, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W1, W3) && !arb_is_finite(L3));
        fmpq_set_si(P->T_R, 2, 1);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W3, L3, P, C, 48, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W2, W3) && arb_is_finite(W2) && !arb_is_finite(L2));
        ck_assert(!arb_overlaps(W1, W2));
        fmpq_set_si(P->T_R, -1, 1);
        /* refusals.  Delta = 0 (XX) with the field along z: E_up,up - E_T0 = E_S - E_down,down = 2 s B_z - 2 J_c on the whole
           B_z axis, so a sector with theta0 = 0 is refused before any integration */
        C->kind = QT_PROTOCOL_SECTOR;
        fmpq_zero(P->Delta);
        fmpq_set_si(C->r0, 1, 2); fmpq_set_si(C->r1, 1, 1); fmpq_zero(C->theta0); fmpq_set_si(C->theta1, 1, 2);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_UNCERTIFIED);
        ck_assert(strstr(why, "Bohr frequencies") != NULL);
        ck_assert(!arb_is_finite(W1) && !arb_is_finite(L1));
        P->n_qubits = 3;
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_DOMAIN);
        ck_assert(strncmp(why, "coupling:", 9) == 0);
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        /* three Heisenberg qubits (Delta = 1): the quartet's Zeeman ladder is grouped by the field frame of lemma P31,
           whose generic grouping is the secular one off finitely many radii; this sector's arcs lie on such radii
           (r0 = 1/2, r1 = 1 for J = 1), so it is refused up front naming them */
        fmpq_one(P->Delta);
        fmpq_one(P->J);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_DOMAIN);
        ck_assert(strncmp(why, "r0, r1:", 7) == 0);
        ck_assert(!arb_is_finite(W1) && !arb_is_finite(L1));
        fmpq_zero(P->Delta);                        /* three qubits with J = 0 (two: lemma P25) */
        fmpq_zero(P->J);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_DOMAIN);
        ck_assert(strncmp(why, "J:", 2) == 0);
        arb_clear(W1); arb_clear(L1); arb_clear(W2); arb_clear(L2); arb_clear(W3); arb_clear(L3);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
    }
    fmpq_clear(x); fmpq_clear(z);
    flint_randclear(st);
}
END_TEST

/* lemma P9: the certified eigen-decomposition (basis of approximate eigenvectors, Rump discs, projectors from right
   and left eigenvectors) encloses the analytic continuation: Lambda (population route) and zeta (generic form of P24)
   on a complex ball overlap their values at random exact complex points of the ball, each a separate evaluation; at
   a real point 128 bits keep more than 90; and the three-qubit dissipation integrals (crossed layout, Delta = 1/2, a
   small triangle) overlap across precisions with L^2 <= tau W_diss */
START_TEST(eigen_ball_enclosure)
{
    flint_rand_t st;
    int it, j, k, balls = 0;
    slong prec = 128;
    char why[QT_REASON_LEN];
    fmpq_t x, z;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_pump_params_t P;
        acb_t bx, bz, px, pz, t;
        acb_ptr L1 = _acb_vec_init(4), L2 = _acb_vec_init(4), Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4);
        mag_t rho;
        acb_init(bx); acb_init(bz); acb_init(px); acb_init(pz); acb_init(t);
        mag_init(rho);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        random_two_qubit_model(P, st, it);
        qt_test_setq(P->Delta, it % 2 ? "1/2" : "2");
        if (it % 3 == 2)
        {
            P->n_qubits = 3;
            P->coupling = QT_PUMP_COUPLING_CROSSED;
        }
        /* a real point: the enclosure is tight */
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        if (qt_pump_lambda_eigen_acb(L1, P, P->J, P->Delta, P->b, bx, bz, 0, prec, why) == QT_OK)
            for (k = 0; k < 4; k++)
                ck_assert_msg(mag_cmp_2exp_si(arb_radref(acb_realref(L1 + k)), -90) < 0, "Lambda at a point, iteration %d", it);
        /* the ball: centre (x, z), half-width rho = 2^-(8 + it mod 4) in the real and imaginary part of each field */
        mag_set_ui_2exp_si(rho, 1, -8 - it % 4);
        mag_set(arb_radref(acb_realref(bx)), rho); mag_set(arb_radref(acb_imagref(bx)), rho);
        mag_set(arb_radref(acb_realref(bz)), rho); mag_set(arb_radref(acb_imagref(bz)), rho);
        if (qt_pump_lambda_eigen_acb(L1, P, P->J, P->Delta, P->b, bx, bz, 1, prec, why) == QT_OK
            && qt_pump_friction_multi_acb(Z1, P, bx, bz, 1, prec, why) == QT_OK)
        {
            balls++;
            for (j = 0; j < 3; j++)
            {
                /* an exact point x + rho (u1 + i u2), z + rho (u3 + i u4), u in [-1, 1] */
                acb_ptr pts[2] = {px, pz};
                slong c;
                for (c = 0; c < 2; c++)
                {
                    arb_set_si(acb_realref(t), (slong) n_randint(st, 2049) - 1024);
                    arb_set_si(acb_imagref(t), (slong) n_randint(st, 2049) - 1024);
                    acb_mul_2exp_si(t, t, -10 - 8 - it % 4);
                    acb_set_fmpq(pts[c], c ? z : x, prec);
                    acb_add(pts[c], pts[c], t, prec);
                }
                ck_assert(acb_is_exact(px) && acb_is_exact(pz));
                ck_assert_msg(qt_pump_lambda_eigen_acb(L2, P, P->J, P->Delta, P->b, px, pz, 1, prec, why) == QT_OK, "%s", why);
                ck_assert_msg(qt_pump_friction_multi_acb(Z2, P, px, pz, 1, prec, why) == QT_OK, "%s", why);
                ck_assert_msg(acb_vec_overlaps4(L1, L2) && acb_vec_overlaps4(Z1, Z2), "ball vs point, iteration %d", it);
            }
        }
        acb_clear(bx); acb_clear(bz); acb_clear(px); acb_clear(pz); acb_clear(t);
        mag_clear(rho);
        _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4); _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4);
        qt_pump_params_clear(P);
    }
    ck_assert_msg(balls >= qt_test_iters(12) / 2, "only %d balls evaluated", balls);
    {
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_t W1, L1, W2, L2;
        arb_init(W1); arb_init(L1); arb_init(W2); arb_init(L2);
        qt_pump_params_init(P);
        qt_protocol_init(C);
        xxz_small_triangle(P, C, 3);
        check_dissipation_48_64(W1, L1, W2, L2, P, C);
        arb_clear(W1); arb_clear(L1); arb_clear(W2); arb_clear(L2);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
    }
    fmpq_clear(x); fmpq_clear(z);
    flint_randclear(st);
}
END_TEST

/* the three-qubit chain H = J sum_j (sx sx + sy sy + Delta sz sz)_{j,j+1} + B_x sum sx + B_z sum sz (pauli), written out
   here independently of the library's model, restricted to the sectors of the reflection |abc> -> |cba>, which H
   commutes with: even (6: |000>, |010>, |101>, |111>, (|001> + |100>)/sqrt 2, (|011> + |110>)/sqrt 2) and odd
   (2: (|001> - |100>)/sqrt 2, (|011> - |110>)/sqrt 2).  Certified simple levels of each block (acb_mat_eig_simple);
   0 if either block's levels cannot be certified */
static int
chain3_sector_levels(acb_ptr Ee, acb_ptr Eo, const fmpq_t J, const fmpq_t Delta, const arb_t Bx, const arb_t Bz,
                     slong prec)
{
    acb_mat_t H, Ve, Vo, T, He, Vt, R;
    acb_ptr Ea;
    arb_t h, c;
    slong r, j, k;
    int ok;
    static const int even1[4] = {0, 2, 5, 7};
    acb_mat_init(H, 8, 8); acb_mat_init(Ve, 8, 6); acb_mat_init(Vo, 8, 2);
    arb_init(h); arb_init(c);
    for (r = 0; r < 8; r++)
        for (j = 0; j < 3; j++)
        {
            slong bit = (r >> (2 - j)) & 1;
            /* B_z sz_j, B_x sx_j */
            arb_set(c, Bz);
            if (bit)
                arb_neg(c, c);
            arb_add(acb_realref(acb_mat_entry(H, r, r)), acb_realref(acb_mat_entry(H, r, r)), c, prec);
            arb_add(acb_realref(acb_mat_entry(H, r ^ (4 >> j), r)), acb_realref(acb_mat_entry(H, r ^ (4 >> j), r)), Bx,
                    prec);
            if (j < 2)
            {
                slong bit2 = (r >> (1 - j)) & 1;
                /* J Delta sz_j sz_{j+1}; sx sx + sy sy = 2 (s+ s- + s- s+) flips an antiparallel pair with amplitude 2 */
                arb_set_fmpq(c, Delta, prec);
                arb_mul_fmpz(c, c, fmpq_numref(J), prec);
                arb_div_fmpz(c, c, fmpq_denref(J), prec);
                if (bit != bit2)
                    arb_neg(c, c);
                arb_add(acb_realref(acb_mat_entry(H, r, r)), acb_realref(acb_mat_entry(H, r, r)), c, prec);
                if (bit != bit2)
                {
                    arb_set_fmpq(c, J, prec);
                    arb_mul_2exp_si(c, c, 1);
                    arb_add(acb_realref(acb_mat_entry(H, r ^ (6 >> j), r)), acb_realref(acb_mat_entry(H, r ^ (6 >> j), r)),
                            c, prec);
                }
            }
        }
    arb_set_ui(h, 2);
    arb_rsqrt(h, h, prec);
    for (k = 0; k < 4; k++)
        acb_one(acb_mat_entry(Ve, even1[k], k));
    arb_set(acb_realref(acb_mat_entry(Ve, 1, 4)), h); arb_set(acb_realref(acb_mat_entry(Ve, 4, 4)), h);
    arb_set(acb_realref(acb_mat_entry(Ve, 3, 5)), h); arb_set(acb_realref(acb_mat_entry(Ve, 6, 5)), h);
    arb_set(acb_realref(acb_mat_entry(Vo, 1, 0)), h); arb_neg(acb_realref(acb_mat_entry(Vo, 4, 0)), h);
    arb_set(acb_realref(acb_mat_entry(Vo, 3, 1)), h); arb_neg(acb_realref(acb_mat_entry(Vo, 6, 1)), h);
    ok = 1;
    for (k = 0; k < 2; k++)
    {
        acb_mat_struct *V = k ? Vo : Ve;
        slong n = acb_mat_ncols(V);
        acb_ptr E = k ? Eo : Ee;
        /* He = V^T H V */
        acb_mat_init(T, 8, n); acb_mat_init(He, n, n); acb_mat_init(Vt, n, 8); acb_mat_init(R, n, n);
        Ea = _acb_vec_init(n);
        acb_mat_mul(T, H, V, prec);
        acb_mat_transpose(Vt, V);
        acb_mat_mul(He, Vt, T, prec);
        ok = ok && acb_mat_approx_eig_qr(Ea, NULL, R, He, NULL, 0, prec)
                && acb_mat_eig_simple(E, NULL, NULL, He, Ea, R, prec);
        acb_mat_clear(T); acb_mat_clear(He); acb_mat_clear(Vt); acb_mat_clear(R);
        _acb_vec_clear(Ea, n);
    }
    acb_mat_clear(H); acb_mat_clear(Ve); acb_mat_clear(Vo);
    arb_clear(h); arb_clear(c);
    return ok;
}

/* sort the n certified levels E by their real parts; 0 if two real parts overlap (their order is not proven) */
static int
sort_levels_real(acb_ptr E, slong n)
{
    slong i, j;
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && arf_cmp(arb_midref(acb_realref(E + j)), arb_midref(acb_realref(E + j - 1))) < 0; j--)
            acb_swap(E + j, E + j - 1);
    for (i = 1; i < n; i++)
        if (!arb_lt(acb_realref(E + i - 1), acb_realref(E + i)))
            return 0;
    return 1;
}

/* the number of pairs (i-th odd level, j-th even level, each sector's levels in increasing order) of the three-qubit
   chain whose certified difference has opposite signs at the points u0 < u1 of piece g (exact dyadic numbers): the
   i-th smallest eigenvalue of a Hermitian block is continuous, so each is a level crossing of H in between
   (intermediate values) */
static int
odd_even_flips(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, const arf_t u0, const arf_t u1,
               slong prec)
{
    acb_ptr Ee[2], Eo[2];
    acb_t u, Bx, Bz, dx, dz;
    arb_t d0, d1;
    int side, i, j, flips = 0;
    acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
    arb_init(d0); arb_init(d1);
    for (side = 0; side < 2; side++)
    {
        Ee[side] = _acb_vec_init(6);
        Eo[side] = _acb_vec_init(2);
        acb_zero(u);
        arf_set(arb_midref(acb_realref(u)), side ? u1 : u0);
        qt_pump_piece_eval(Bx, Bz, dx, dz, g, u, prec);
        ck_assert(arb_is_zero(acb_imagref(Bx)) && arb_is_zero(acb_imagref(Bz)));
        ck_assert_msg(chain3_sector_levels(Ee[side], Eo[side], P->J, P->Delta, acb_realref(Bx), acb_realref(Bz), prec),
                      "sector levels at side %d", side);
        ck_assert(sort_levels_real(Ee[side], 6) && sort_levels_real(Eo[side], 2));
    }
    for (i = 0; i < 2; i++)
        for (j = 0; j < 6; j++)
        {
            arb_sub(d0, acb_realref(Eo[0] + i), acb_realref(Ee[0] + j), prec);
            arb_sub(d1, acb_realref(Eo[1] + i), acb_realref(Ee[1] + j), prec);
            if ((arb_is_positive(d0) && arb_is_negative(d1)) || (arb_is_negative(d0) && arb_is_positive(d1)))
                flips++;
        }
    for (side = 0; side < 2; side++)
    {
        _acb_vec_clear(Ee[side], 6);
        _acb_vec_clear(Eo[side], 2);
    }
    acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    arb_clear(d0); arb_clear(d1);
    return flips;
}

START_TEST(level_crossing_named)
{
    /* lemma P9 (iv): the three-qubit crossed chain (Delta = 1/2) on the circle of centre (1, 1), radius 4/5 meets
       crossings of even and odd levels of the reflection; the heat integral is refused at once, naming every place.
       An independent certificate (a sign change of (odd level) - (even level), sector by sector) proves a crossing
       within 2^-12 in u of the first reported interval and within 2^-9 of every other place named; conversely every
       sign change on a grid of 256 steps in u lies in a step that meets a named place (none is missed).  On the small
       triangle the scan proves the levels simple */
    qt_pump_params_t P;
    qt_protocol_t C;
    qt_pump_piece_struct *g;
    slong np, prec = 64, k, nplaces, named = 0;
    arb_ptr Q = _arb_vec_init(2);
    arb_t where;
    arf_t a, b;
    double us[16];
    char why[QT_REASON_LEN];
    const char *c;
    arf_init(a); arf_init(b);
    arb_init(where);
    qt_pump_params_init(P);
    qt_protocol_init(C);
    xxz_small_triangle(P, C, 3);
    qt_pump_protocol_pieces(&g, &np, C, prec);
    ck_assert_msg(qt_pump_uses_eigen_route(P), "the crossed three-qubit chain takes the eigen route");
    ck_assert_msg(qt_pump_protocol_levels_simple(P, g, np, prec, why) == QT_OK, "%s", why);
    qt_pump_pieces_clear(g, np);

    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_set_si(C->cx, 1, 1); fmpq_set_si(C->cz, 1, 1); fmpq_set_si(C->radius, 4, 5);
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_UNCERTIFIED);
    ck_assert(!arb_is_finite(Q + 0) && !arb_is_finite(Q + 1));
    c = strstr(why, "could not be proven simple at ");
    ck_assert_msg(c != NULL && sscanf(c, "could not be proven simple at %ld place", &nplaces) == 1, "%s", why);
    for (c = strstr(why, "near u = "); c != NULL && named < 16; c = strstr(c + 1, "near u = "))
        ck_assert(sscanf(c, "near u = %lf", us + named++) == 1);
    ck_assert_msg(named >= 2 && named <= nplaces, "%s", why);
    qt_pump_protocol_pieces(&g, &np, C, prec);
    ck_assert_int_eq(np, 1);
    ck_assert_int_eq(qt_pump_piece_levels_simple(where, P, g, 0, prec, why), QT_UNCERTIFIED);
    ck_assert(mag_cmp_2exp_si(arb_radref(where), -20) < 0);
    /* the first place: u = where -+ 2^-12 */
    arf_set_round(a, arb_midref(where), 30, ARF_RND_NEAR);
    arf_set_si_2exp_si(b, 1, -12);
    arf_sub(a, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(b, b, 1);
    arf_add(b, b, a, ARF_PREC_EXACT, ARF_RND_DOWN);
    ck_assert_msg(odd_even_flips(P, g, a, b, prec) >= 1,
                  "no certified crossing of an odd and an even level within 2^-12 of the reported place");
    /* the other places named in the reason: u -+ 2^-9 */
    for (k = 1; k < named; k++)
    {
        arf_set_d(a, us[k]);
        arf_set_round(a, a, 20, ARF_RND_NEAR);
        arf_set_si_2exp_si(b, 1, -9);
        arf_sub(a, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(b, b, 1);
        arf_add(b, b, a, ARF_PREC_EXACT, ARF_RND_DOWN);
        ck_assert_msg(odd_even_flips(P, g, a, b, prec) >= 1, "place %ld (u = %g): no certified crossing within 2^-9",
                      (long) k + 1, us[k]);
    }
    /* completeness: every certified sign change on the grid u = k/256 is in a step near a named place, and there are
       no more such steps than places */
    {
        slong flips = 0;
        for (k = 0; k < 256; k++)
        {
            arf_set_si_2exp_si(a, k, -8);
            arf_set_si_2exp_si(b, k + 1, -8);
            if (odd_even_flips(P, g, a, b, prec) > 0)
            {
                slong m;
                int near = 0;
                flips++;
                for (m = 0; m < named; m++)
                    near = near || (us[m] > (k - 0.01) / 256.0 && us[m] < (k + 1.01) / 256.0);
                ck_assert_msg(near || named < nplaces, "a crossing in [%ld, %ld]/256 the scan did not name", (long) k, (long) k + 1);
            }
        }
        ck_assert_msg(flips >= 2 && flips == nplaces, "%ld grid steps with a crossing, %ld places", (long) flips, (long) nplaces);
    }
    qt_pump_pieces_clear(g, np);
    arf_clear(a); arf_clear(b);
    arb_clear(where);
    _arb_vec_clear(Q, 2);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
}
END_TEST

START_TEST(heat_record_period_refused)
{
    /* a library caller asking for the second order where it is not defined (the quadrant: infinite length) gets the
       three outputs with the domain status and a reason, next to the certified first order */
    qt_pump_params_t P;
    qt_protocol_t C;
    qt_record_t R;
    slong i, found = 0;
    arb_t v;
    qt_pump_params_init(P);
    qt_protocol_init(C);
    arb_init(v);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    C->kind = QT_PROTOCOL_QUADRANT;
    C->has_period = 1;
    fmpq_set_si(C->period, 10, 1);
    qt_record_init(R);
    qt_pump_heat_record(R, P, C, 64);
    ck_assert_int_eq(R->out[0].status, QT_OK);
    arb_const_log2(v, 64);
    arb_neg(v, v);
    ck_assert(arb_overlaps(v, &R->out[0].value));                 /* Q_L = -T ln 2 */
    for (i = 0; i < R->nout; i++)
        if (strcmp(R->name[i], "thermo_length") == 0 || strcmp(R->name[i], "W_diss_tau") == 0 || strcmp(R->name[i], "W_diss") == 0)
        {
            found++;
            ck_assert_int_eq(R->out[i].status, QT_DOMAIN);
            ck_assert(strstr(R->out[i].reason, "protocol") != NULL);
            ck_assert(!arb_is_finite(&R->out[i].value));
        }
    ck_assert_int_eq(found, 3);
    qt_record_clear(R);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    arb_clear(v);
}
END_TEST

/* lemma P25: two qubits with J = 0 on shared baths (T_0 and S degenerate everywhere) by the field-frame route with the
 * exact grouping of the eigenspaces P_+, P_0 + P_S, P_-.  (i) At random exact points, layouts, b, conventions, rates
 * and T, Lambda and zeta overlap the global Davies route of P17 (exact eigenprojectors of H, exact Bohr grouping by
 * rational arithmetic, a Drazin solve of the lab-frame generator: no formula shared) and themselves at 192 bits; for
 * J != 0 the frame Lambda overlaps the closed population route of P13.  (ii) Heat over a circle: the sum rule encloses
 * 0 and 64/96 bits overlap; tau W_diss and L over a small triangle overlap at 64/96 bits with L^2 <= tau W_diss.
 * (iii) Refusals: T_R != T (names T_R), the quarter disc (names the protocol), three qubits (names J). */
/* a random two-qubit model with J = 0 on shared baths in a named layout (lemmas P25, P29) and a random exact point */
static void
random_collective_j0(qt_pump_params_t P, fmpq_t x, fmpq_t z, flint_rand_t st, int it)
{
    static const char *bs[4] = {"2", "3", "1/2", "-1"};
    random_qubit_point(P, x, z, st, it, 8, 8, 15);
    random_two_qubit_model(P, st, it);
    qt_test_setq(P->b, bs[n_randint(st, 4)]);
    fmpq_zero(P->J);
    ck_assert(qt_pump_collective_j0(P));
}

START_TEST(collective_j0_frame_route)
{
    flint_rand_t st;
    int it, k;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(4), L2 = _acb_vec_init(4), Z1 = _acb_vec_init(4), D1 = _acb_vec_init(4),
                DZ = _acb_vec_init(4);
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        acb_init(bx); acb_init(bz);
        random_collective_j0(P, x, z, st, it);
        acb_set_fmpq(bx, x, 128);
        acb_set_fmpq(bz, z, 128);
        ck_assert_msg(qt_pump_lambda_acb(L1, P, bx, bz, 0, 128, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_friction_acb(Z1, P, bx, bz, 0, 128, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_davies_route(D1, DZ, P, x, z, 128, why) == QT_OK, "%s", why);
        ck_assert_msg(acb_vec_overlaps4(L1, D1), "Lambda: P25 vs P17 at iteration %d", it);
        ck_assert_msg(acb_vec_overlaps4(Z1, DZ), "zeta: P25 vs P17 at iteration %d", it);
        acb_set_fmpq(bx, x, 192);
        acb_set_fmpq(bz, z, 192);
        ck_assert(qt_pump_lambda_frame_acb(L2, P, bx, bz, 0, 192, why) == QT_OK);
        ck_assert(acb_vec_overlaps4(L1, L2));
        for (k = 0; k < 4; k++)
            ck_assert(arb_rel_accuracy_bits(acb_realref(L2 + k)) > 120 || arb_contains_zero(acb_realref(D1 + k)));
        /* J != 0: the frame Lambda against the closed population route of P13 */
        qt_test_setq(P->J, it % 2 ? "-1" : "2");
        fmpq_one(P->Delta);
        if (it % 2 == 0)
        {
            ck_assert_msg(qt_pump_lambda_frame_acb(L2, P, bx, bz, 0, 192, why) == QT_OK, "%s", why);
            ck_assert(qt_pump_lambda_acb(L1, P, bx, bz, 0, 192, why) == QT_OK);
            ck_assert_msg(acb_vec_overlaps4(L1, L2), "frame vs P13 at iteration %d", it);
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4); _acb_vec_clear(Z1, 4); _acb_vec_clear(D1, 4); _acb_vec_clear(DZ, 4);
    }
    {
        static const slong vx[3] = {8, 10, 8}, vz[3] = {8, 8, 10};
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_ptr Q1 = _arb_vec_init(2), Q2 = _arb_vec_init(2);
        arb_t W1, L1, W2, L2, t;
        slong i;
        arb_init(W1); arb_init(L1); arb_init(W2); arb_init(L2); arb_init(t);
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_zero(P->J);
        fmpq_set_si(P->b, 2, 1);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_one(C->cx); fmpq_one(C->cz); fmpq_set_si(C->radius, 1, 2);
        ck_assert_msg(qt_pump_heat_per_cycle(Q1, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, P, C, 96, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(Q1 + 0, Q2 + 0) && arb_overlaps(Q1 + 1, Q2 + 1));
        ck_assert(!arb_contains_zero(Q2 + 0));
        arb_add(t, Q2 + 0, Q2 + 1, 96);
        ck_assert(arb_contains_zero(t));
        C->kind = QT_PROTOCOL_POLYGON;
        qt_protocol_set_polygon_size(C, 3);
        for (i = 0; i < 3; i++)
        {
            fmpq_set_si(C->vx + i, vx[i], 8);
            fmpq_set_si(C->vz + i, vz[i], 8);
        }
        ck_assert_msg(qt_pump_dissipation_per_cycle(W1, L1, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W1, W2) && arb_overlaps(L1, L2) && arb_is_positive(W2));
        arb_sqr(t, L2, 96);
        ck_assert(!arb_gt(t, W2));
        /* the quarter disc by lemma P30 (j0_corner_closed_form); refusals (T_R != T: lemma P29,
           collective_j0_unequal_temperatures) */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_one(C->radius);
        ck_assert_msg(qt_pump_heat_per_cycle(Q1, P, C, 64, why) == QT_OK, "%s", why);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        C->kind = QT_PROTOCOL_CIRCLE;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q1, P, C, 64, why), QT_DOMAIN);
        ck_assert(strncmp(why, "J:", 2) == 0);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
        _arb_vec_clear(Q1, 2); _arb_vec_clear(Q2, 2);
        arb_clear(W1); arb_clear(L1); arb_clear(W2); arb_clear(L2); arb_clear(t);
    }
    flint_randclear(st);
}
END_TEST

/* a refusal leaves no finite number behind.  Two qubits with J = 0 on shared baths (degenerate levels everywhere) were
 * once refused by the closed route without clearing its output, and the heat and Cauchy integrands, which read Lambda
 * without the status, integrated zeros into a "certified" Q = 0 and Omega = 0.  Every entry point must now return the
 * domain status with non-finite values: lambda (Delta = 1 and 1/2), the curvature, the heat over a circle, and the
 * protocol check, for the J = 0 models still refused (two qubits at T_R != T, three qubits) */
/* the stationary state of the global Davies route (lemma P20, lab frame, exact grouping from the characteristic
   polynomial) at (x + j h, z) or (x, z + j h), and H there */
static void
davies_state_at(acb_mat_t rho, acb_mat_t H, const qt_pump_params_struct *P, const fmpq_t x, const fmpq_t z, int k,
                slong j, const fmpq_t h, slong prec)
{
    fmpq_t xs, zs, t;
    char why[QT_REASON_LEN];
    fmpq_init(xs); fmpq_init(zs); fmpq_init(t);
    fmpq_mul_si(t, h, j);
    fmpq_set(xs, x);
    fmpq_set(zs, z);
    fmpq_add(k == 0 ? xs : zs, k == 0 ? xs : zs, t);
    ck_assert_msg(qt_pump_davies_steady_state(rho, H, P, xs, zs, prec, why) == QT_OK, "%s", why);
    fmpq_clear(xs); fmpq_clear(zs); fmpq_clear(t);
}

/* the test's reference for lemma P29, independent of the field frame: the lab-frame global Davies generator at the
   exact point (lemma P17: exact Bohr grouping), d_k rho0 by the five-point difference of the stationary states of
   lemma P20 (h = 2^-24 at 320 bits: truncation h^4 f^(5) / 30, far below the 2^-60 the comparison allows), a
   Drazin solve, Lambda_{a,k} = -tr(H D_a X_k), zeta_{lk} = tr(d_l H X_k); the results are widened by 2^-60 */
static void
j0_lab_reference(acb_ptr Lam, acb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t x, const fmpq_t z)
{
    static const slong js[4] = {1, -1, 2, -2}, ws[4] = {8, -8, -1, 1};
    slong prec = 320, k, i, j, q;
    qt_lindblad_t G;
    acb_mat_t H, Hs, rho, S, Y, X, dH[2];
    fmpq_t h;
    acb_t t;
    char why[QT_REASON_LEN];
    fmpq_init(h);
    fmpq_set_si(h, 1, 1 << 24);
    acb_init(t);
    qt_lindblad_init(G, 4);
    acb_mat_init(H, 4, 4); acb_mat_init(Hs, 4, 4); acb_mat_init(rho, 4, 4); acb_mat_init(S, 16, 16);
    acb_mat_init(Y, 4, 8); acb_mat_init(X, 4, 8);
    acb_mat_init(dH[0], 4, 4); acb_mat_init(dH[1], 4, 4);
    ck_assert_msg(qt_pump_davies_generator(G, H, P, x, z, prec, why) == QT_OK, "%s", why);
    qt_lindblad_superop(S, G, prec);
    acb_mat_zero(Y);
    for (k = 0; k < 2; k++)
    {
        for (q = 0; q < 4; q++)
        {
            davies_state_at(rho, Hs, P, x, z, (int) k, js[q], h, prec);
            for (i = 0; i < 4; i++)
                for (j = 0; j < 4; j++)
                    acb_addmul_si(acb_mat_entry(Y, i, 4 * k + j), acb_mat_entry(rho, i, j), ws[q], prec);
            if (q == 0)
                acb_mat_sub(dH[k], Hs, H, prec);        /* H is affine in the field: d_k H = (H(+h) - H) / h */
        }
        acb_set_fmpq(t, h, prec);
        for (i = 0; i < 4; i++)
            for (j = 0; j < 4; j++)
            {
                acb_div(acb_mat_entry(dH[k], i, j), acb_mat_entry(dH[k], i, j), t, prec);
                acb_div(acb_mat_entry(Y, i, 4 * k + j), acb_mat_entry(Y, i, 4 * k + j), t, prec);
                acb_div_si(acb_mat_entry(Y, i, 4 * k + j), acb_mat_entry(Y, i, 4 * k + j), 12, prec);
            }
    }
    ck_assert_msg(qt_lindblad_drazin_solve(X, S, Y, prec, why) == QT_OK, "%s", why);
    drazin_lambda_zeta(Lam, zeta, G, H, dH[0], dH[1], X, prec);
    for (k = 0; k < 4; k++)
    {
        ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(Lam + k)), -70) < 0);
        ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(zeta + k)), -70) < 0);
        arb_add_error_2exp_si(acb_realref(Lam + k), -60);
        arb_add_error_2exp_si(acb_imagref(Lam + k), -60);
        arb_add_error_2exp_si(acb_realref(zeta + k), -60);
        arb_add_error_2exp_si(acb_imagref(zeta + k), -60);
    }
    qt_lindblad_clear(G);
    acb_mat_clear(H); acb_mat_clear(Hs); acb_mat_clear(rho); acb_mat_clear(S); acb_mat_clear(Y); acb_mat_clear(X);
    acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
    fmpq_clear(h);
    acb_clear(t);
}

START_TEST(collective_j0_unequal_temperatures)
{
    /* lemma P29: two qubits with J = 0 on shared baths at T_R != T by the field frame (the stationary state of the
       grouped generator by a Drazin solve, its derivative from the exact derivative of the generator) against
       (i) the lab-frame reference above at random exact points, layouts, b, conventions, rates and temperatures
       (Lambda_a and zeta); (ii) 128 against 192 bits; (iii) T_R = T (1 + 2^-80), where the route is the one of P29,
       against the Gibbs route of P25 at T_R = T (64 bits: the difference is far below the radius); (iv) the heat
       over a triangle at 64 and 96 bits, sum_rule against the quasi-static work oint tr(rho0 dH) by Gauss-Legendre
       on the stationary states of P20 (an independent quadrature of an independent state; 1e-9 allowed), and
       tau W_diss at 64 and 96 bits */
    flint_rand_t st;
    int it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(5); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(4), L2 = _acb_vec_init(4), Z1 = _acb_vec_init(4), LR = _acb_vec_init(4),
                ZR = _acb_vec_init(4);
        slong k;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        acb_init(bx); acb_init(bz);
        random_collective_j0(P, x, z, st, it);
        fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 8), 3);
        if (fmpq_equal(P->T_R, P->T))
            fmpq_set_si(P->T_R, 7, 5);
        ck_assert(qt_pump_collective_j0(P) && !qt_pump_equal_temperatures(P));
        acb_set_fmpq(bx, x, 128);
        acb_set_fmpq(bz, z, 128);
        ck_assert_msg(qt_pump_lambda_acb(L1, P, bx, bz, 0, 128, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_friction_acb(Z1, P, bx, bz, 0, 128, why) == QT_OK, "%s", why);
        j0_lab_reference(LR, ZR, P, x, z);
        ck_assert_msg(acb_vec_overlaps4(L1, LR), "Lambda: P29 vs the lab reference at iteration %d", it);
        ck_assert_msg(acb_vec_overlaps4(Z1, ZR), "zeta: P29 vs the lab reference at iteration %d", it);
        for (k = 0; k < 4; k++)
            ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(L1 + k)), -90) < 0
                      && mag_cmp_2exp_si(arb_radref(acb_realref(Z1 + k)), -90) < 0);
        acb_set_fmpq(bx, x, 192);
        acb_set_fmpq(bz, z, 192);
        ck_assert(qt_pump_lambda_acb(L2, P, bx, bz, 0, 192, why) == QT_OK);
        ck_assert(acb_vec_overlaps4(L1, L2));
        /* (iii) next to equal temperatures */
        fmpq_set(P->T_R, P->T);
        acb_set_fmpq(bx, x, 64);
        acb_set_fmpq(bz, z, 64);
        ck_assert(qt_pump_lambda_acb(L2, P, bx, bz, 0, 64, why) == QT_OK);
        fmpq_set_si(P->T_R, 1, 1);
        fmpq_mul_2exp(P->T_R, P->T_R, 80);
        fmpq_add_si(P->T_R, P->T_R, 1);
        fmpq_div_2exp(P->T_R, P->T_R, 80);
        fmpq_mul(P->T_R, P->T_R, P->T);
        ck_assert(!qt_pump_equal_temperatures(P));
        ck_assert_msg(qt_pump_lambda_acb(L1, P, bx, bz, 0, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(acb_vec_overlaps4(L1, L2), "P29 next to equal T vs P25 at iteration %d", it);
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4); _acb_vec_clear(Z1, 4); _acb_vec_clear(LR, 4);
        _acb_vec_clear(ZR, 4);
    }
    {
        /* (iv) a triangle: the integrals at two precisions; sum_rule against Gauss-Legendre (16 nodes per side) of
           tr(rho0 d_k H) t_k over the stationary states of P20 at rational nodes (within 2^-50 of the exact ones) */
        static const slong vx[3] = {8, 10, 8}, vz[3] = {8, 8, 10};
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_ptr Q1 = _arb_vec_init(2), Q2 = _arb_vec_init(2);
        arb_t W1, L1, W2, L2, t, Wq, node, wt;
        acb_mat_t rho, H, T1;
        fmpq_t px, pz, u;
        acb_t tr;
        slong i, n, prec = 128;
        arb_init(W1); arb_init(L1); arb_init(W2); arb_init(L2); arb_init(t); arb_init(Wq); arb_init(node);
        arb_init(wt);
        acb_mat_init(rho, 4, 4); acb_mat_init(H, 4, 4); acb_mat_init(T1, 4, 4);
        fmpq_init(px); fmpq_init(pz); fmpq_init(u);
        acb_init(tr);
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_zero(P->J);
        fmpq_set_si(P->b, 2, 1);
        fmpq_set_si(P->T_R, 2, 1);
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_POLYGON;
        qt_protocol_set_polygon_size(C, 3);
        for (i = 0; i < 3; i++)
        {
            fmpq_set_si(C->vx + i, vx[i], 8);
            fmpq_set_si(C->vz + i, vz[i], 8);
        }
        ck_assert_msg(qt_pump_heat_per_cycle(Q1, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, P, C, 96, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(Q1 + 0, Q2 + 0) && arb_overlaps(Q1 + 1, Q2 + 1));
        ck_assert(!arb_contains_zero(Q2 + 0) && !arb_contains_zero(Q2 + 1));
        /* the quasi-static work: sum over the sides of int_0^1 tr(rho0 (dx d_x H + dz d_z H)) du = tr(rho0 (H(v1) -
           H(v0))) since H is affine */
        arb_zero(Wq);
        for (i = 0; i < 3; i++)
        {
            acb_mat_t H0, H1, dHs;
            acb_mat_init(H0, 4, 4); acb_mat_init(H1, 4, 4); acb_mat_init(dHs, 4, 4);
            ck_assert(qt_pump_davies_steady_state(rho, H0, P, C->vx + i, C->vz + i, prec, why) == QT_OK);
            ck_assert(qt_pump_davies_steady_state(rho, H1, P, C->vx + (i + 1) % 3, C->vz + (i + 1) % 3, prec, why) == QT_OK);
            acb_mat_sub(dHs, H1, H0, prec);
            for (n = 0; n < 16; n++)
            {
                arb_hypgeom_legendre_p_ui_root(node, wt, 16, (ulong) n, prec);     /* on [-1, 1] */
                arb_add_ui(node, node, 1, prec);
                arb_mul_2exp_si(node, node, -1);
                arb_mul_2exp_si(wt, wt, -1);
                arf_get_fmpq(u, arb_midref(node));
                fmpq_mul_2exp(u, u, 50);
                fmpz_fdiv_q(fmpq_numref(u), fmpq_numref(u), fmpq_denref(u));
                fmpz_one(fmpq_denref(u));
                fmpq_div_2exp(u, u, 50);
                /* p = v0 + u (v1 - v0) */
                fmpq_sub(px, C->vx + (i + 1) % 3, C->vx + i);
                fmpq_mul(px, px, u);
                fmpq_add(px, px, C->vx + i);
                fmpq_sub(pz, C->vz + (i + 1) % 3, C->vz + i);
                fmpq_mul(pz, pz, u);
                fmpq_add(pz, pz, C->vz + i);
                ck_assert_msg(qt_pump_davies_steady_state(rho, H, P, px, pz, prec, why) == QT_OK, "%s", why);
                acb_mat_mul(T1, rho, dHs, prec);
                acb_mat_trace(tr, T1, prec);
                arb_addmul(Wq, acb_realref(tr), wt, prec);
            }
            acb_mat_clear(H0); acb_mat_clear(H1); acb_mat_clear(dHs);
        }
        arb_add(t, Q2 + 0, Q2 + 1, 96);
        arb_add_error_2exp_si(Wq, -30);       /* 16-node Gauss-Legendre on analytic sides and nodes moved by 2^-50 */
        ck_assert_msg(arb_overlaps(t, Wq), "sum_rule vs the quasi-static work");
        ck_assert(!arb_contains_zero(t));
        ck_assert_msg(qt_pump_dissipation_per_cycle(W1, L1, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W1, W2) && arb_is_finite(W2));
        ck_assert(!arb_is_finite(L2));             /* the length is not defined at unequal temperatures (P22) */
        /* the quarter disc and the quadrant stay refused (the corner B = 0 and the tail use P13's closed forms) */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_one(C->radius);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q1, P, C, 64, why), QT_DOMAIN);
        ck_assert(!arb_is_finite(Q1 + 0));
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
        _arb_vec_clear(Q1, 2); _arb_vec_clear(Q2, 2);
        arb_clear(W1); arb_clear(L1); arb_clear(W2); arb_clear(L2); arb_clear(t); arb_clear(Wq); arb_clear(node);
        arb_clear(wt);
        acb_mat_clear(rho); acb_mat_clear(H); acb_mat_clear(T1);
        fmpq_clear(px); fmpq_clear(pz); fmpq_clear(u);
        acb_clear(tr);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(j0_corner_closed_form)
{
    /* lemma P30: two and three qubits with J = 0 on shared baths.  (i) The lemma's identity on the axes by the global
       Davies route of P17 at exact points (degenerate levels, exact grouping, a certified Drazin solve; independent of
       the closed form): on the B_z axis Lambda_R,z = 0 and Lambda_L,z = -T N dS_1/dr, on the B_x axis Lambda_L,x = 0 and
       Lambda_R,x = -T N dS_1/dr; (ii) the quarter disc and the quadrant against -N T (ln 2 - S_1(R)) and against the
       same qubits with local baths (the product route of P16 and the excluded-disc bound of P11: other code);
       (iii) lemma P28 at J = 0: Lambda_a has no component along the arcs about B = 0 (P17 at random points); (iv) the exact
       commutant against the certified solve: where it finds a conserved quantity (three qubits, crossed, b = 1 or -1)
       the Davies route cannot prove the stationary state unique at axis points either, and the refusal names b */
    static const char *bs[4] = {"2", "3", "1/2", "-1"};
    flint_rand_t st;
    int it, refused = 0;
    char why[QT_REASON_LEN];
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_pump_params_t P, Pl;
        qt_protocol_t C;
        fmpq_t x, z, r;
        acb_ptr D = _acb_vec_init(4);
        arb_ptr Q = _arb_vec_init(2), Ql = _arb_vec_init(2);
        arb_t R, dS, t, ref;
        int axis, k;
        slong N = 2 + it % 2;
        qt_pump_params_init(P);
        qt_protocol_init(C);
        fmpq_init(x); fmpq_init(z); fmpq_init(r);
        arb_init(R); arb_init(dS); arb_init(t); arb_init(ref);
        random_two_qubit_model(P, st, it);
        P->n_qubits = N;
        if (N == 3)
        {
            P->coupling = QT_PUMP_COUPLING_CROSSED;
            qt_test_setq(P->b, bs[n_randint(st, 3)]);
        }
        else
            qt_test_setq(P->b, bs[n_randint(st, 4)]);
        fmpq_zero(P->J);
        ck_assert(qt_pump_j0_corner_like(P));
        if (qt_pump_j0_corner_supported(P, why) != QT_OK)
        {
            /* (iv) a conserved quantity on an axis (e.g. b_on_R with b = -1: T_0 is dark on the B_x axis): the Davies
               route cannot prove the stationary state unique there either */
            axis = strstr(why, "B_x axis") != NULL ? 0 : 1;
            ck_assert_msg(strncmp(why, "b: with J = 0 the generator on the B_", 37) == 0, "%s", why);
            fmpq_zero(x); fmpq_zero(z);
            fmpq_set_si(axis == 0 ? x : z, 3, 4);
            ck_assert_int_eq(qt_pump_davies_route(D, NULL, P, x, z, prec, why), QT_UNCERTIFIED);
            C->kind = QT_PROTOCOL_QUADRANT;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_DOMAIN);
            ck_assert(!arb_is_finite(Q + 0));
            refused++;
            goto next;
        }
        /* (i) */
        for (axis = 0; axis < 2; axis++)
        {
            fmpq_set_si(r, 1 + (slong) n_randint(st, 24), 8);
            fmpq_zero(x); fmpq_zero(z);
            fmpq_set(axis == 0 ? x : z, r);
            ck_assert_msg(qt_pump_davies_route(D, NULL, P, x, z, prec, why) == QT_OK, "%s (it %d, N %ld, layout %d, axis %d)", why, it, (long) N, P->coupling, axis);
            arb_set_fmpq(R, r, prec);
            closed_dS_dB(dS, P, R, prec);
            arb_mul_si(dS, dS, -N, prec);
            arb_set_fmpq(t, P->T, prec);
            arb_mul(dS, dS, t, prec);                         /* -T N dS_1/dr */
            k = axis;                                         /* the component along the axis */
            ck_assert_msg(acb_contains_zero(D + 2 * (axis == 1) + k), "the longitudinal bath, axis %d, it %d", axis, it);
            ck_assert_msg(arb_overlaps(acb_realref(D + 2 * (axis == 0) + k), dS), "the transverse bath, axis %d, it %d", axis, it);
            ck_assert(arb_rel_accuracy_bits(acb_realref(D + 2 * (axis == 0) + k)) > 60);
        }
        /* (ii) */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 24), 8);
        for (k = 0; k < 2; k++)
        {
            C->kind = k == 0 ? QT_PROTOCOL_QUARTER_DISC : QT_PROTOCOL_QUADRANT;
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "%s", why);
            if (k == 0)
            {
                arb_set_fmpq(R, C->radius, prec);
                closed_S(ref, P, R, prec);
            }
            else
                arb_zero(ref);
            arb_const_log2(t, prec);
            arb_sub(ref, t, ref, prec);
            arb_set_fmpq(t, P->T, prec);
            arb_mul(ref, ref, t, prec);
            arb_mul_si(ref, ref, -N, prec);
            ck_assert(arb_overlaps(Q + 0, ref));
            arb_add(t, Q + 0, Q + 1, prec);
            ck_assert(arb_contains_zero(t));
            /* the same qubits with local baths (c = (1, b, 1)): the same pumped heat */
            qt_pump_params_init(Pl);
            set_params(Pl, "1", "1", "1", P->convention);
            fmpq_set(Pl->gamma_L, P->gamma_L); fmpq_set(Pl->gamma_R, P->gamma_R); fmpq_set(Pl->T, P->T);
            fmpq_set(Pl->b, P->b);
            Pl->n_qubits = N;
            Pl->coupling = QT_PUMP_COUPLING_LOCAL;
            ck_assert_msg(qt_pump_heat_per_cycle(Ql, Pl, C, 64, why) == QT_OK, "%s", why);
            ck_assert_msg(arb_overlaps(Q + 0, Ql + 0) && arb_overlaps(Q + 1, Ql + 1), "shared vs local, it %d", it);
            qt_pump_params_clear(Pl);
        }
        /* (iii) lemma P28 at J = 0: the component of Lambda_a along the arc through a random point, B_z Lambda_a,x -
           B_x Lambda_a,z, vanishes (the Davies route of P17, degenerate levels) */
        fmpq_set_si(x, 1 + (slong) n_randint(st, 16), 8);
        fmpq_set_si(z, 1 + (slong) n_randint(st, 16), 8);
        ck_assert_msg(qt_pump_davies_route(D, NULL, P, x, z, prec, why) == QT_OK, "%s", why);
        for (k = 0; k < 2; k++)
        {
            acb_t u, v;
            acb_init(u); acb_init(v);
            acb_set_fmpq(u, z, prec);
            acb_mul(u, u, D + 2 * k + 0, prec);
            acb_set_fmpq(v, x, prec);
            acb_mul(v, v, D + 2 * k + 1, prec);
            acb_sub(u, u, v, prec);
            ck_assert(acb_contains_zero(u) && mag_cmp_2exp_si(arb_radref(acb_realref(u)), -100) < 0);
            ck_assert(!acb_contains_zero(D + 2 * k));
            acb_clear(u); acb_clear(v);
        }
    next:
        qt_pump_params_clear(P);
        qt_protocol_clear(C);
        fmpq_clear(x); fmpq_clear(z); fmpq_clear(r);
        arb_clear(R); arb_clear(dS); arb_clear(t); arb_clear(ref);
        _acb_vec_clear(D, 4); _arb_vec_clear(Q, 2); _arb_vec_clear(Ql, 2);
    }
    {
        /* (iv) three qubits, crossed: b = 1, -1 have a conserved quantity on the B_x axis, b = 2 none */
        static const char *cb[3] = {"1", "-1", "2"};
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_ptr D = _acb_vec_init(4);
        int i, axis;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_zero(P->J);
        for (i = 0; i < 3; i++)
        {
            int unique = i == 2;
            qt_test_setq(P->b, cb[i]);
            ck_assert_int_eq(qt_pump_j0_corner_supported(P, why), unique ? QT_OK : QT_DOMAIN);
            if (!unique)
                ck_assert(strncmp(why, "b: with J = 0 the generator on the B_x axis", 43) == 0);
            for (axis = 0; axis < 2; axis++)
            {
                int s2;
                fmpq_set_si(axis == 0 ? x : z, 3, 4);
                fmpq_zero(axis == 0 ? z : x);
                s2 = qt_pump_davies_route(D, NULL, P, x, z, prec, why);
                if (unique)
                    ck_assert_int_eq(s2, QT_OK);
                else if (axis == 0)                   /* the axis the refusal names */
                    ck_assert_int_eq(s2, QT_UNCERTIFIED);
            }
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _acb_vec_clear(D, 4);
    }
    ck_assert(refused < qt_test_iters(8) / 2);
    flint_randclear(st);
}
END_TEST

START_TEST(heis3_friction_field_frame)
{
    /* lemma P31: three Heisenberg qubits (crossed layout) at equal T.  (i) The field-frame friction tensor at random exact
       points off the special radii against the global Davies route of P17 (exact Bohr grouping from the characteristic
       polynomial, the quartet's ladder grouped because it is exactly equal there), J, b, conventions, rates, T at
       random; (ii) 128 against 192 bits; (iii) tau W_diss and the length over a small triangle at 48 and 64 bits,
       L^2 <= tau W_diss; (iv) a circle about B = 0 on a special radius is refused */
    static const char *Js[4] = {"1/2", "1", "2", "-1"}, *bs[3] = {"2", "3", "1/2"};
    flint_rand_t st;
    int it, compared = 0;
    char why[QT_REASON_LEN];
    fmpq radii[256];
    slong nr, i;
    flint_randinit(st);
    for (i = 0; i < 256; i++)
        fmpq_init(radii + i);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z, r2, t;
        acb_t bx, bz;
        acb_ptr Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4), DZ = _acb_vec_init(4);
        int on = 0;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z); fmpq_init(r2); fmpq_init(t);
        acb_init(bx); acb_init(bz);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        qt_test_setq(P->J, Js[n_randint(st, 4)]);
        qt_test_setq(P->b, bs[n_randint(st, 3)]);
        ck_assert(qt_pump_heis3_like(P));
        /* skip a point on a special radius (there the generic grouping is not the secular one) */
        nr = qt_pump_frame_special_radii(radii, 256, P);
        ck_assert(nr > 0 && nr < 256);
        fmpq_mul(r2, x, x);
        fmpq_addmul(r2, z, z);
        for (i = 0; i < nr; i++)
        {
            fmpq_mul(t, radii + i, radii + i);
            on = on || fmpq_equal(t, r2);
        }
        if (!on)
        {
            acb_set_fmpq(bx, x, 128);
            acb_set_fmpq(bz, z, 128);
            ck_assert_msg(qt_pump_friction_acb(Z1, P, bx, bz, 0, 128, why) == QT_OK, "%s", why);
            ck_assert_msg(qt_pump_davies_route(NULL, DZ, P, x, z, 128, why) == QT_OK, "%s", why);
            ck_assert_msg(acb_vec_overlaps4(Z1, DZ), "zeta: P31 vs P17 at iteration %d", it);
            for (i = 0; i < 4; i++)
                ck_assert(arb_rel_accuracy_bits(acb_realref(Z1 + i)) > 90 || arb_contains_zero(acb_realref(DZ + i)));
            acb_set_fmpq(bx, x, 192);
            acb_set_fmpq(bz, z, 192);
            ck_assert(qt_pump_friction_heis3_acb(Z2, P, bx, bz, 0, 192, why) == QT_OK);
            ck_assert(acb_vec_overlaps4(Z1, Z2));
            compared++;
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z); fmpq_clear(r2); fmpq_clear(t);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4); _acb_vec_clear(DZ, 4);
    }
    ck_assert(compared >= qt_test_iters(6) / 2);
    {
        static const slong vx[3] = {20, 21, 20}, vz[3] = {10, 10, 11};
        qt_pump_params_t P;
        qt_protocol_t C;
        arb_t W1, L1, W2, L2, t;
        qt_pump_params_init(P);
        arb_init(W1); arb_init(L1); arb_init(W2); arb_init(L2); arb_init(t);
        set_crossed_chain3(P, "1", "2", "1");
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_POLYGON;
        qt_protocol_set_polygon_size(C, 3);
        for (i = 0; i < 3; i++)
        {
            fmpq_set_si(C->vx + i, vx[i], 20);
            fmpq_set_si(C->vz + i, vz[i], 20);
        }
        ck_assert_msg(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert(arb_overlaps(W1, W2) && arb_overlaps(L1, L2) && arb_is_positive(W2) && arb_is_positive(L2));
        arb_sqr(t, L2, 64);
        ck_assert(!arb_gt(t, W2));
        /* (iv) */
        nr = qt_pump_frame_special_radii(radii, 256, P);
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_zero(C->cx); fmpq_zero(C->cz);
        fmpq_set(C->radius, radii + 0);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_DOMAIN);
        ck_assert(strncmp(why, "radius:", 7) == 0);
        /* unequal temperatures are refused by this route */
        fmpq_set_si(P->T_R, 2, 1);
        C->kind = QT_PROTOCOL_POLYGON;
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 48, why), QT_DOMAIN);
        ck_assert(strncmp(why, "T_R:", 4) == 0);
        qt_protocol_clear(C);
        qt_pump_params_clear(P);
        arb_clear(W1); arb_clear(L1); arb_clear(W2); arb_clear(L2); arb_clear(t);
    }
    for (i = 0; i < 256; i++)
        fmpq_clear(radii + i);
    flint_randclear(st);
}
END_TEST

START_TEST(refusals_leave_no_numbers)
{
    qt_pump_params_t P;
    qt_protocol_t C;
    acb_ptr L = _acb_vec_init(4);
    arb_ptr Q = _arb_vec_init(2), Om = _arb_vec_init(2);
    acb_t bx, bz;
    fmpq_t x, z;
    char why[QT_REASON_LEN];
    int d, k;
    acb_init(bx); acb_init(bz);
    fmpq_init(x); fmpq_init(z);
    qt_pump_params_init(P);
    qt_protocol_init(C);
    set_params(P, "1", "2", "1", QT_PUMP_PAULI);
    P->n_qubits = 2;
    fmpq_zero(P->J);
    fmpq_set_si(P->b, 2, 1);
    fmpq_set_si(x, 7, 10);
    fmpq_set_si(z, 13, 10);
    acb_set_fmpq(bx, x, 64);
    acb_set_fmpq(bz, z, 64);
    for (d = 0; d < 4; d++)
    {
        fmpq_set_si(P->Delta, 1, d % 2 ? 2 : 1);
        P->n_qubits = 3;                    /* two qubits with J = 0: lemmas P25, P29 */
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->T_R, d < 2 ? 2 : -1, 1);
        _acb_vec_zero(L, 4);
        ck_assert_int_eq(qt_pump_lambda_acb(L, P, bx, bz, 0, 64, why), QT_DOMAIN);
        ck_assert(strncmp(why, "J:", 2) == 0);
        for (k = 0; k < 4; k++)
            ck_assert(!acb_is_finite(L + k));
        ck_assert_int_eq(qt_pump_curvature(Om, P, x, z, 64, why), QT_DOMAIN);
        ck_assert(!arb_is_finite(Om + 0) && !arb_is_finite(Om + 1));
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_one(C->cx); fmpq_one(C->cz); fmpq_set_si(C->radius, 1, 2);
        ck_assert_int_eq(qt_pump_protocol_supported(P, C, why), QT_DOMAIN);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_DOMAIN);
        ck_assert(!arb_is_finite(Q + 0) && !arb_is_finite(Q + 1));
    }
    /* the friction dispatcher likewise (three qubits in the reflection-symmetric layout at a point: the population
       solve cannot prove a unique stationary state) */
    P->n_qubits = 3;
    P->coupling = QT_PUMP_COUPLING_DEFAULT;
    fmpq_set_si(P->J, 1, 1);
    fmpq_one(P->Delta);
    k = qt_pump_friction_acb(L, P, bx, bz, 0, 64, why);
    ck_assert(k != QT_OK);
    for (k = 0; k < 4; k++)
        ck_assert(!acb_is_finite(L + k));
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    _acb_vec_clear(L, 4); _arb_vec_clear(Q, 2); _arb_vec_clear(Om, 2);
    acb_clear(bx); acb_clear(bz);
    fmpq_clear(x); fmpq_clear(z);
}
END_TEST

/* the exact matrix of bath a's coupling operator in a named layout: sum_j c_j sigma^w_j (w = x for L, z for R) */
static void
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
static void
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
static void
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

START_TEST(extra_baths)
{
    /* lemma P27: baths 3 and 4 through exact coupling matrices.
       (i) splitting: bath 3 a copy of bath L (A_3 = A_L, T_3 = T) at rate g3 beside L at rate g1 gives
           Lambda_L + Lambda_3 = Lambda_L of the two-bath model with rate g1 + g3, g1 Lambda_3 = g3 Lambda_L and Lambda_R
           unchanged, at any T_R (two Heisenberg qubits: the two-bath value by the closed route P13, the other by the
           eigen route P9);
       (ii) random Hermitian A_3 (A_4) at their own temperatures: the population route (P9, P19) against the global
           Davies route (P17, P21) at exact points, overlap across precisions, and the friction tensor of the Davies
           route against the generic holomorphic form P24;
       (iii) equal temperatures: sum_a Lambda_a + T grad S0 and sum_a Q_a, sum_a Omega_a enclose 0; the splitting for
           the heat on a circle;
       (iv) the exchange symmetry of b = 1 broken or kept by bath 3, and the refusals naming the field */
    flint_rand_t st;
    slong prec = 128, it, k, a, agree = 0, nz = 0;
    char why[QT_REASON_LEN];
    fmpq_t x, z, g1, g3;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z); fmpq_init(g1); fmpq_init(g3);
    /* (i) */
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P, Q;
        qt_qmat_t A;
        acb_t bx, bz;
        acb_ptr L3 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), L2 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P); qt_pump_params_init(Q);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        if (it % 3 == 2)
            set_crossed_chain3(P, "1", "1", "1");
        else
        {
            random_two_qubit_model(P, st, it);
            if (it % 3 == 0)
                fmpq_one(P->Delta);                  /* the two-bath model takes the closed route P13 */
        }
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
        if (it % 2)
            fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 8), 3);   /* unequal temperatures (lemma P19) */
        two_bath_copy(Q, P);
        fmpq_add(Q->gamma_L, g1, g3);
        fmpq_set(P->gamma_L, g1);
        qt_qmat_init(A, (slong) 1 << P->n_qubits);
        layout_coupling_matrix(A, P, 0);
        ck_assert(qt_pump_params_add_bath(P, g3, P->T, A));
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_n_baths(P), 3);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        if (qt_pump_lambda_acb(L3, P, bx, bz, 0, prec, why) == QT_OK
            && qt_pump_lambda_acb(L2, Q, bx, bz, 0, prec, why) == QT_OK)
        {
            check_splitting(L3, L2, 2, 2, g1, g3, prec, "Lambda");
            agree++;
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P); qt_pump_params_clear(Q);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L3, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(L2, 2 * QT_PUMP_MAX_BATHS);
    }
    ck_assert_msg(agree >= qt_test_iters(6) / 2, "only %ld splitting checks certified", (long) agree);
    /* (ii) */
    agree = 0;
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), L2 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_ptr L3 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4);
        slong nb, d, extra;
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        if (it == 5)
        {
            set_crossed_chain3(P, "1", "3/2", "1");
            qt_test_setq(P->Delta, "1/2");
        }
        else
            random_two_qubit_model(P, st, it);
        d = (slong) 1 << P->n_qubits;
        qt_qmat_init(A, d);
        for (extra = 0; extra < 1 + it % 2; extra++)
        {
            random_hermitian_coupling(A, d, st);
            fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
            fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 3);     /* its own temperature */
            ck_assert(qt_pump_params_add_bath(P, g3, it == 4 ? P->T : g1, A));
        }
        nb = qt_pump_n_baths(P);
        if (qt_pump_params_validate(P, why) != QT_OK)
        {
            /* a random matrix may be zero: the one refusal allowed here, naming the field */
            ck_assert(strstr(why, "zero") != NULL && strstr(why, "A_") != NULL);
            goto next;
        }
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        if (qt_pump_lambda_acb(L1, P, bx, bz, 0, prec, why) != QT_OK)
            goto next;
        ck_assert_int_eq(qt_pump_lambda_acb(L3, P, bx, bz, 0, 2 * prec, why), QT_OK);
        for (k = 0; k < 2 * nb; k++)
            ck_assert(acb_overlaps(L1 + k, L3 + k) && acb_is_finite(L1 + k));
        if (qt_pump_davies_route(L2, Z1, P, x, z, prec, why) == QT_OK)
        {
            for (k = 0; k < 2 * nb; k++)
                ck_assert_msg(acb_overlaps(L1 + k, L2 + k), "it %ld: Lambda[%ld] P9 vs P17", (long) it, (long) k);
            agree++;
            if (!fmpq_is_one(P->Delta) && qt_pump_bohr_frequencies_distinct(P, bx, bz, prec)
                && qt_pump_friction_multi_acb(Z2, P, bx, bz, 0, prec, why) == QT_OK)
            {
                for (k = 0; k < 4; k++)
                    ck_assert_msg(acb_overlaps(Z1 + k, Z2 + k), "it %ld: zeta[%ld] P17 vs P24", (long) it, (long) k);
                nz++;
            }
        }
    next:
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(L2, 2 * QT_PUMP_MAX_BATHS);
        _acb_vec_clear(L3, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4);
    }
    ck_assert_msg(agree >= 3 && nz >= 1, "only %ld route comparisons (%ld friction) certified", (long) agree, (long) nz);
    /* (iii) two qubits (crossed, J = 1, Delta = 1/2, b = 2) at T = 1: bath 3 a copy of L, bath 4 a random coupling */
    {
        qt_pump_params_t P, Q;
        qt_protocol_t C;
        qt_qmat_t A, A4;
        qt_record_t R;
        arb_ptr Q4 = _arb_vec_init(QT_PUMP_MAX_BATHS), Q3 = _arb_vec_init(QT_PUMP_MAX_BATHS);
        arb_ptr O = _arb_vec_init(QT_PUMP_MAX_BATHS);
        acb_ptr v4 = _acb_vec_init(QT_PUMP_MAX_BATHS), v3 = _acb_vec_init(QT_PUMP_MAX_BATHS);
        arb_t s;
        arb_init(s);
        qt_pump_params_init(P); qt_pump_params_init(Q);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->J, 1, 1); qt_test_setq(P->Delta, "1/2"); fmpq_set_si(P->b, 2, 1);
        two_bath_copy(Q, P);
        qt_test_setq(g1, "1"); qt_test_setq(g3, "1/2");
        fmpq_add(Q->gamma_L, g1, g3);
        qt_qmat_init(A, 4); qt_qmat_init(A4, 4);
        layout_coupling_matrix(A, P, 0);
        do
            random_hermitian_coupling(A4, 4, st);
        while (fmpq_is_zero(A4->re + 1) && fmpq_is_zero(A4->im + 1));
        qt_pump_params_add_bath(P, g3, P->T, A);
        qt_pump_params_add_bath(P, g1, P->T, A4);
        qt_pump_params_add_bath(Q, g1, Q->T, A4);
        ck_assert(qt_pump_params_validate(P, why) == QT_OK && qt_pump_params_validate(Q, why) == QT_OK);
        ck_assert(!qt_pump_params_add_bath(P, g1, P->T, A4));        /* at most four baths */
        ck_assert(qt_pump_equal_temperatures(P));
        /* the sum rule of Lambda over the four baths */
        fmpq_set_si(x, 3, 4); fmpq_set_si(z, 5, 4);
        qt_record_init(R);
        qt_pump_lambda_record(R, P, x, z, prec);
        ck_assert_int_eq(R->nout, 11);
        ck_assert_str_eq(R->name[6], "Lambda_4_x");
        for (k = 9; k < 11; k++)
            ck_assert_msg(R->out[k].status == QT_OK && arb_contains_zero(&R->out[k].value)
                          && mag_cmp_2exp_si(arb_radref(&R->out[k].value), -80) < 0, "%s", R->name[k]);
        qt_record_clear(R);
        /* the heat on a circle: the sum over the baths, and the splitting against the three-bath model */
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_set_si(C->cx, 2, 1); fmpq_set_si(C->cz, 2, 1); fmpq_set_si(C->radius, 1, 2);
        ck_assert_msg(qt_pump_heat_per_cycle(Q4, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q3, Q, C, 64, why) == QT_OK, "%s", why);
        arb_zero(s);
        for (a = 0; a < 4; a++)
        {
            arb_add(s, s, Q4 + a, 64);
            acb_set_arb(v4 + a, Q4 + a);
            acb_set_arb(v3 + a, Q3 + a);
        }
        ck_assert(arb_contains_zero(s) && !arb_contains_zero(Q4 + 0) && !arb_contains_zero(Q4 + 3));
        check_splitting(v4, v3, 3, 1, g1, g3, 64, "Q");
        /* the rotor: sum over the baths encloses 0 */
        fmpq_set_si(x, 2, 1); fmpq_set_si(z, 2, 1);
        ck_assert_msg(qt_pump_curvature(O, P, x, z, 64, why) == QT_OK, "%s", why);
        arb_zero(s);
        for (a = 0; a < 4; a++)
            arb_add(s, s, O + a, 64);
        ck_assert(arb_contains_zero(s) && !arb_contains_zero(O + 3));
        /* refusals: the quadrant and the quarter disc name gamma_3 */
        C->kind = QT_PROTOCOL_QUADRANT;
        ck_assert_int_eq(qt_pump_protocol_supported(P, C, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL);
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        ck_assert_int_eq(qt_pump_protocol_supported(P, C, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL);
        qt_protocol_clear(C);
        /* field-named refusals of baths 3, 4 */
        fmpq_zero(P->gamma_x + 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_4") != NULL);
        fmpq_one(P->gamma_x + 1);
        fmpq_set_si(P->T_x + 0, -1, 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "T_3") != NULL);
        fmpq_one(P->T_x + 0);
        fmpq_set_si(P->A_x[1].im + 1, 1, 1);                         /* not mirrored: not Hermitian */
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_4") != NULL && strstr(why, "Hermitian") != NULL);
        fmpq_neg(P->A_x[1].im + 4, P->A_x[1].im + 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_OK);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_3") != NULL && strstr(why, "8 x 8") != NULL);
        P->n_qubits = 1;
        fmpq_zero(P->J);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "coupling") != NULL && strstr(why, "one qubit") != NULL);
        P->coupling = QT_PUMP_COUPLING_DEFAULT;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_3") != NULL && strstr(why, "2 x 2") != NULL);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_LOCAL;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL && strstr(why, "local") != NULL);
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->T_x + 1, 2, 1);
        ck_assert_str_eq(qt_pump_unequal_temperature_field(P), "T_4");
        qt_qmat_clear(A); qt_qmat_clear(A4);
        qt_pump_params_clear(P); qt_pump_params_clear(Q);
        _arb_vec_clear(Q4, QT_PUMP_MAX_BATHS); _arb_vec_clear(Q3, QT_PUMP_MAX_BATHS); _arb_vec_clear(O, QT_PUMP_MAX_BATHS);
        _acb_vec_clear(v4, QT_PUMP_MAX_BATHS); _acb_vec_clear(v3, QT_PUMP_MAX_BATHS);
        arb_clear(s);
    }
    /* (iv) b = 1: the named layout keeps the singlet dark (refused); bath 3 through sigma^x_1 alone breaks the exchange
       symmetry and the population route certifies a unique stationary state; bath 3 through the symmetric
       sigma^x_1 + sigma^x_2 keeps it dark, and the evaluation says so instead of giving a number */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        fmpq c[2];
        acb_t bx, bz;
        acb_ptr L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_init(bx); acb_init(bz);
        fmpq_init(c + 0); fmpq_init(c + 1);
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, 2, 1);
        ck_assert_int_eq(qt_pump_singlet_is_dark(P, why), QT_DOMAIN);
        qt_qmat_init(A, 4);
        fmpq_one(c + 0);
        pauli_sum(A, 2, 'x', c);
        qt_test_setq(g3, "1/2");
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_int_eq(qt_pump_singlet_is_dark(P, why), QT_OK);
        acb_set_si(bx, 1); acb_set_si(bz, 2);
        ck_assert_msg(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why) == QT_OK, "%s", why);
        for (k = 0; k < 6; k++)
            ck_assert(acb_is_finite(L + k));
        fmpq_one(c + 1);
        pauli_sum(P->A_x + 0, 2, 'x', c);
        ck_assert_int_eq(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why), QT_UNCERTIFIED);
        ck_assert(strstr(why, "unique stationary state") != NULL);
        for (k = 0; k < 6; k++)
            ck_assert(!acb_is_finite(L + k));
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        fmpq_clear(c + 0); fmpq_clear(c + 1);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
    }
    /* (v) one qubit, bath L through sigma_x, R through sigma_z, bath 3 through sigma_y (and bath 4 a second sigma_x):
       at equal temperatures Lambda_a = -T x_a grad S with x_a = gamma_a c_a / sum_b gamma_b c_b, c = n_z^2 (sigma_x),
       n_x^2 (sigma_z), 1 (sigma_y: always perpendicular to the field), a closed form the library does not use; and the
       sector closed form Q_a = -T [x_a(theta1) - x_a(theta0)] [S(r1) - S(r0)] */
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t Y, X;
        acb_t bx, bz;
        acb_ptr L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        arb_t B, dS, c[4], sum, v, T;
        slong nb;
        acb_init(bx); acb_init(bz);
        arb_init(B); arb_init(dS); arb_init(sum); arb_init(v); arb_init(T);
        for (a = 0; a < 4; a++)
            arb_init(c[a]);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        qt_qmat_init(Y, 2); qt_qmat_init(X, 2);
        fmpq_set_si(Y->im + 1, -1, 1); fmpq_set_si(Y->im + 2, 1, 1);        /* sigma_y */
        fmpq_one(X->re + 1); fmpq_one(X->re + 2);                          /* sigma_x */
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
        ck_assert(qt_pump_params_add_bath(P, g3, P->T, Y));
        if (it % 2 == 0)
        {
            fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 4);
            ck_assert(qt_pump_params_add_bath(P, g1, P->T, X));
        }
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        ck_assert(!qt_pump_single_like(P));
        nb = qt_pump_n_baths(P);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        ck_assert_msg(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why) == QT_OK, "%s", why);
        /* the closed form */
        arb_sqr(B, acb_realref(bx), prec);
        arb_addmul(B, acb_realref(bz), acb_realref(bz), prec);
        arb_sqr(c[0], acb_realref(bz), prec);
        arb_div(c[0], c[0], B, prec);                                       /* n_z^2 */
        arb_sqr(c[1], acb_realref(bx), prec);
        arb_div(c[1], c[1], B, prec);                                       /* n_x^2 */
        arb_one(c[2]);
        arb_set(c[3], c[0]);
        arb_sqrt(B, B, prec);
        arb_zero(sum);
        for (a = 0; a < nb; a++)
        {
            fmpq *g = a == 0 ? P->gamma_L : a == 1 ? P->gamma_R : P->gamma_x + (a - 2);
            arb_mul_fmpz(c[a], c[a], fmpq_numref(g), prec);
            arb_div_fmpz(c[a], c[a], fmpq_denref(g), prec);
            arb_add(sum, sum, c[a], prec);
        }
        closed_dS_dB(dS, P, B, prec);
        arb_set_fmpq(T, P->T, prec);
        for (a = 0; a < nb; a++)
            for (k = 0; k < 2; k++)
            {
                arb_div(v, c[a], sum, prec);
                arb_mul(v, v, dS, prec);
                arb_mul(v, v, T, prec);
                arb_mul(v, v, k == 0 ? acb_realref(bx) : acb_realref(bz), prec);
                arb_div(v, v, B, prec);
                arb_neg(v, v);
                ck_assert_msg(arb_overlaps(v, acb_realref(L + 2 * a + k)) && mag_cmp_2exp_si(arb_radref(acb_realref(L + 2 * a + k)), -100) < 0,
                              "one qubit, bath %ld, component %ld: P27 vs the closed form", (long) a, (long) k);
            }
        if (it == 1)
        {
            /* a sector: Q_a = -T [x_a(theta1) - x_a(theta0)] [S(r1) - S(r0)], theta from the B_z axis */
            qt_protocol_t C;
            arb_ptr Q = _arb_vec_init(QT_PUMP_MAX_BATHS);
            arb_t S0, S1, x0, x1, r, th;
            slong e;
            arb_init(S0); arb_init(S1); arb_init(x0); arb_init(x1); arb_init(r); arb_init(th);
            qt_protocol_init(C);
            C->kind = QT_PROTOCOL_SECTOR;
            qt_test_setq(C->r0, "1/2"); qt_test_setq(C->r1, "1");
            qt_test_setq(C->theta0, "1/4"); qt_test_setq(C->theta1, "1");
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "%s", why);
            arb_set_fmpq(r, C->r0, 64);
            closed_S(S0, P, r, 64);
            arb_set_fmpq(r, C->r1, 64);
            closed_S(S1, P, r, 64);
            arb_sub(S1, S1, S0, 64);
            for (e = 0; e < 2; e++)
            {
                /* x_3 (sigma_y) at theta: gamma_3 / (gamma_L cos^2 + gamma_R sin^2 + gamma_3) */
                arb_t cs, sn;
                arb_init(cs); arb_init(sn);
                arb_set_fmpq(th, e ? C->theta1 : C->theta0, 64);
                arb_sin_cos(sn, cs, th, 64);
                arb_sqr(cs, cs, 64);
                arb_sqr(sn, sn, 64);
                arb_mul_fmpz(cs, cs, fmpq_numref(P->gamma_L), 64);
                arb_div_fmpz(cs, cs, fmpq_denref(P->gamma_L), 64);
                arb_mul_fmpz(sn, sn, fmpq_numref(P->gamma_R), 64);
                arb_div_fmpz(sn, sn, fmpq_denref(P->gamma_R), 64);
                arb_add(cs, cs, sn, 64);
                arb_set_fmpq(sn, P->gamma_x + 0, 64);
                arb_add(cs, cs, sn, 64);
                arb_div(e ? x1 : x0, sn, cs, 64);
                arb_clear(cs); arb_clear(sn);
            }
            arb_sub(v, x1, x0, 64);
            arb_mul(v, v, S1, 64);
            arb_set_fmpq(T, P->T, 64);
            arb_mul(v, v, T, 64);
            arb_neg(v, v);
            ck_assert_msg(arb_overlaps(v, Q + 2) && !arb_contains_zero(Q + 2), "one qubit: Q_3 vs the sector closed form");
            arb_add(v, Q + 0, Q + 1, 64);
            arb_add(v, v, Q + 2, 64);
            ck_assert(arb_contains_zero(v));
            qt_protocol_clear(C);
            _arb_vec_clear(Q, QT_PUMP_MAX_BATHS);
            arb_clear(S0); arb_clear(S1); arb_clear(x0); arb_clear(x1); arb_clear(r); arb_clear(th);
        }
        qt_qmat_clear(Y); qt_qmat_clear(X);
        qt_pump_params_clear(P);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
        arb_clear(B); arb_clear(dS); arb_clear(sum); arb_clear(v); arb_clear(T);
        for (a = 0; a < 4; a++)
            arb_clear(c[a]);
    }
    fmpq_clear(x); fmpq_clear(z); fmpq_clear(g1); fmpq_clear(g3);
    flint_randclear(st);
}
END_TEST

/* lemmas P26, P27, P28: the quadrant and the quarter disc for Heisenberg qubits with further baths, and the quarter
 * disc by the multiplet legs alone (three qubits, coupling=matrix).
 * (i) the quadrant, two qubits in a named layout with bath 3 a copy of L: the multiplet route with three baths
 *     against the closed polar route of P13/P23 with the merged bath (independent code): the splitting identity;
 * (ii) the quarter disc, two qubits: the named layout by P13 (legs and the arc integrated) against the same couplings
 *     as matrices by P26 (legs only: the arc carries no heat, P28), radii inside and beyond the crossing;
 * (iii) L through the collective sum_j sigma^x_j, R and bath 3 through sums of sigma^z_j (two and three qubits):
 *     Q_L of the quarter disc of radius R is T (S(R) - S(0)) - (<X>_R - <X>_0) (P28 with P26's closed form), and of
 *     the quadrant -(T S(0) + E_g - <X>_0); the sum over the baths encloses 0; 48 and 64 bits overlap;
 * (iv) P28 by the eigen route (independent of the axes): a circle about B = 0 carries no heat into any bath, two
 *     qubits with random Hermitian couplings and a random bath 3;
 * (v) one qubit with a sigma_y bath: the closed form of P27 on the axes;
 * (vi) the refusals name the field. */
START_TEST(heisenberg_axes_more_baths)
{
    static const slong Js[][2] = {{1, 1}, {-3, 2}, {1, 2}, {-1, 2}};
    flint_rand_t st;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(QT_PUMP_MAX_BATHS), Q2 = _arb_vec_init(QT_PUMP_MAX_BATHS);
    acb_ptr v3 = _acb_vec_init(QT_PUMP_MAX_BATHS), v2 = _acb_vec_init(QT_PUMP_MAX_BATHS);
    arb_t v, w, S0, X0, S1, X1;
    fmpq_t g1, g3, zero;
    char why[QT_REASON_LEN];
    int it, a;
    flint_randinit(st);
    arb_init(v); arb_init(w); arb_init(S0); arb_init(X0); arb_init(S1); arb_init(X1);
    fmpq_init(g1); fmpq_init(g3); fmpq_init(zero);
    qt_protocol_init(C);
    /* (i) */
    C->kind = QT_PROTOCOL_QUADRANT;
    for (it = 0; it < qt_test_iters(2); it++)
    {
        qt_pump_params_t P, M;
        qt_qmat_t A;
        qt_pump_params_init(P); qt_pump_params_init(M);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = it % 2 ? QT_PUMP_COUPLING_CROSSED : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, 2 + it % 2, 1);
        fmpq_set_si(g1, 1 + (slong) n_randint(st, 6), 4);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        fmpq_set(P->gamma_L, g1);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 3 + (slong) n_randint(st, 4), 4);
        two_bath_copy(M, P);
        fmpq_add(M->gamma_L, g1, g3);
        qt_qmat_init(A, 4);
        layout_coupling_matrix(A, P, 0);
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 48, why) == QT_OK, "(i) %d: %s", it, why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, M, C, 48, why) == QT_OK, "(i) %d: %s", it, why);
        for (a = 0; a < 3; a++)
        {
            acb_set_arb(v3 + a, Q + a);
            acb_set_arb(v2 + a, Q2 + a);
        }
        check_splitting(v3, v2, 2, 1, g1, g3, 48, "quadrant");
        arb_add(v, Q + 0, Q + 1, 48);
        arb_add(v, v, Q + 2, 48);
        ck_assert(arb_contains_zero(v) && !arb_contains_zero(Q + 2) && mag_cmp_2exp_si(arb_radref(Q + 2), -30) < 0);
        qt_qmat_clear(A);
        qt_pump_params_clear(P); qt_pump_params_clear(M);
    }
    /* (ii) */
    C->kind = QT_PROTOCOL_QUARTER_DISC;
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_params_t P, M;
        qt_qmat_t A[2];
        qt_pump_params_init(P); qt_pump_params_init(M);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = (it / 2) % 2 ? QT_PUMP_COUPLING_B_ON_R : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, (slong) n_randint(st, 2) ? 3 : -2, 1);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 3 + (slong) n_randint(st, 4), 4);
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 24), 4);      /* inside and beyond crossing_B (1/2 .. 4) */
        set_params(M, "1", "1", "1", P->convention);
        M->n_qubits = 2;
        fmpq_set(M->gamma_L, P->gamma_L); fmpq_set(M->gamma_R, P->gamma_R); fmpq_set(M->T, P->T);
        fmpq_set(M->J, P->J);
        qt_qmat_init(A[0], 4); qt_qmat_init(A[1], 4);
        layout_coupling_matrix(A[0], P, 0);
        layout_coupling_matrix(A[1], P, 1);
        qt_pump_params_set_coupling_matrices(M, A[0], A[1]);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "(ii) %d: %s", it, why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, M, C, 64, why) == QT_OK, "(ii) %d: %s", it, why);
        ck_assert_msg(arb_overlaps(Q + 0, Q2 + 0) && arb_overlaps(Q + 1, Q2 + 1), "(ii) %d: P13 (with the arc) vs P26 legs", it);
        ck_assert(mag_cmp_2exp_si(arb_radref(Q2 + 0), -40) < 0 && !arb_contains_zero(Q2 + 0));
        arb_add(v, Q2 + 0, Q2 + 1, 64);
        ck_assert(arb_contains_zero(v));
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(P); qt_pump_params_clear(M);
    }
    /* (iii) */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        slong N = it % 2 ? 2 : 3, d = (slong) 1 << N, j, prec = 48;
        qt_pump_params_t P;
        qt_qmat_t A[3];
        fmpq *c = _fmpq_vec_init(3);
        qt_pump_params_init(P);
        for (a = 0; a < 3; a++)
            qt_qmat_init(A[a], d);
        fmpq_set_si(c + 0, 2, 1);
        collective_model(P, A[0], A[1], N, Js[it % 4], c + 0, it, st);
        for (j = 0; j < N; j++)
            fmpq_set_si(c + j, (slong) n_randint(st, 5) - 2, 1 + (slong) n_randint(st, 2));
        fmpq_set_si(c + 0, 1, 1);                   /* bath 3: sum_j c_j sigma^z_j, not symmetric under 1 <-> 3 */
        fmpq_set_si(c + N - 1, -1, 2);
        pauli_sum(A[2], N, 'z', c);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        qt_pump_params_add_bath(P, g3, P->T, A[2]);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        collective_gibbs(S0, X0, P, zero, prec);
        /* the quarter disc */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 16), 4);
        collective_gibbs(S1, X1, P, C->radius, prec);
        arb_sub(v, S1, S0, prec);
        arb_set_fmpq(w, P->T, prec);
        arb_mul(v, v, w, prec);
        arb_sub(v, v, X1, prec);
        arb_add(v, v, X0, prec);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(iii) %d: %s", it, why);
        ck_assert_msg(arb_overlaps(Q + 0, v), "(iii) %d: the quarter disc vs T (S(R) - S0) - (<X>_R - <X>_0)", it);
        arb_add(w, Q + 0, Q + 1, prec);
        arb_add(w, w, Q + 2, prec);
        ck_assert(arb_contains_zero(w) && !arb_contains_zero(Q + 2) && mag_cmp_2exp_si(arb_radref(Q + 0), -prec + 24) < 0);
        if (it < 2)
        {
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 64, why), QT_OK);
            for (a = 0; a < 3; a++)
                ck_assert(arb_overlaps(Q + a, Q2 + a));
        }
        /* the quadrant (two qubits; three cost about 10 s and are in the vectors) */
        if (N == 2)
        {
            C->kind = QT_PROTOCOL_QUADRANT;
            collective_quadrant_closed_form(v, P, prec);
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(iii) %d: %s", it, why);
            ck_assert_msg(arb_overlaps(Q + 0, v), "(iii) %d: the quadrant vs -(T S0 + E_g - <X>_0)", it);
            arb_add(w, Q + 0, Q + 1, prec);
            arb_add(w, w, Q + 2, prec);
            ck_assert(arb_contains_zero(w) && mag_cmp_2exp_si(arb_radref(Q + 0), -prec + 24) < 0);
        }
        for (a = 0; a < 3; a++)
            qt_qmat_clear(A[a]);
        _fmpq_vec_clear(c, 3);
        qt_pump_params_clear(P);
    }
    /* (iv) */
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_zero(C->cx);
    fmpq_zero(C->cz);
    for (it = 0; it < qt_test_iters(2); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t A[3];
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        for (a = 0; a < 3; a++)
        {
            qt_qmat_init(A[a], 4);
            random_hermitian_coupling(A[a], 4, st);
        }
        qt_pump_params_set_coupling_matrices(P, A[0], A[1]);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        qt_pump_params_add_bath(P, g3, P->T, A[2]);
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 4), 10);     /* 1/10 .. 2/5, inside crossing_B >= 1/2 */
        if (qt_pump_params_validate(P, why) == QT_OK)
        {
            int s2 = qt_pump_heat_per_cycle(Q, P, C, 48, why);
            ck_assert_msg(s2 == QT_OK, "(iv) %d: %s", it, why);
            for (a = 0; a < 3; a++)
                ck_assert_msg(arb_contains_zero(Q + a) && mag_cmp_2exp_si(arb_radref(Q + a), -24) < 0,
                              "(iv) %d: bath %d, a circle about 0 carries heat", it, a);
        }
        for (a = 0; a < 3; a++)
            qt_qmat_clear(A[a]);
        qt_pump_params_clear(P);
    }
    /* (v) one qubit (L through sigma_x, R through sigma_z) with bath 3 through sigma_y: on an axis every bath shares the
       one transition in the ratio x_a = gamma_a c_a / sum_b gamma_b c_b, c = (n_z^2, n_x^2, 1) (P27), so
       Q_a = T (S(0) - S(R)) (x_a(B_x axis) - x_a(B_z axis)): the quarter disc of radius R, and R -> inf (S -> 0) the
       quadrant */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        arb_ptr xx = _arb_vec_init(3), xz = _arb_vec_init(3);
        arb_t R, gs, t;
        slong prec = 64;
        arb_init(R); arb_init(gs); arb_init(t);
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_SPIN);
        fmpq_set_si(P->gamma_L, 3, 4); fmpq_set_si(P->gamma_R, 5, 2); fmpq_set_si(P->T, 7, 8);
        fmpq_set_si(g3, 3, 2);
        qt_qmat_init(A, 2);
        fmpq_set_si(A->im + 1, -1, 1); fmpq_one(A->im + 2);                 /* sigma_y */
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        /* x_a on the B_x axis: (0, gR, g3) / (gR + g3); on the B_z axis: (gL, 0, g3) / (gL + g3) */
        arb_set_fmpq(gs, P->gamma_R, prec);
        arb_set_fmpq(t, g3, prec);
        arb_add(gs, gs, t, prec);
        arb_zero(xx + 0);
        arb_set_fmpq(xx + 1, P->gamma_R, prec);
        arb_set_fmpq(xx + 2, g3, prec);
        _arb_vec_scalar_div(xx, xx, 3, gs, prec);
        arb_set_fmpq(gs, P->gamma_L, prec);
        arb_add(gs, gs, t, prec);
        arb_set_fmpq(xz + 0, P->gamma_L, prec);
        arb_zero(xz + 1);
        arb_set_fmpq(xz + 2, g3, prec);
        _arb_vec_scalar_div(xz, xz, 3, gs, prec);
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            fmpq_set_si(C->radius, 5, 4);
            /* T (S(0) - S(R)): S(0) = ln 2, S(inf) = 0 */
            arb_const_log2(v, prec);
            if (!it)
            {
                arb_set_fmpq(R, C->radius, prec);
                closed_S(w, P, R, prec);
                arb_sub(v, v, w, prec);
            }
            arb_set_fmpq(t, P->T, prec);
            arb_mul(v, v, t, prec);
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(v) %d: %s", it, why);
            arb_zero(w);
            for (a = 0; a < 3; a++)
            {
                arb_sub(t, xx + a, xz + a, prec);
                arb_mul(t, t, v, prec);
                ck_assert_msg(arb_overlaps(Q + a, t) && mag_cmp_2exp_si(arb_radref(Q + a), -prec + 24) < 0,
                              "(v) %d: bath %d against the one-qubit closed form", it, a);
                arb_add(w, w, Q + a, prec);
            }
            ck_assert(arb_contains_zero(w));
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        _arb_vec_clear(xx, 3); _arb_vec_clear(xz, 3);
        arb_clear(R); arb_clear(gs); arb_clear(t);
    }
    /* (vi) the refusals: T_3 != T (T_3), Delta != 1 with bath 3 (gamma_3) */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, 1, 1);
        fmpq_set_si(P->b, 2, 1);
        qt_qmat_init(A, 4);
        layout_coupling_matrix(A, P, 0);
        fmpq_set_si(g1, 2, 1);
        qt_pump_params_add_bath(P, g3, g1, A);
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
            ck_assert_msg(strncmp(why, "T_3:", 4) == 0, "%s", why);
        }
        fmpq_set(P->T_x + 0, P->T);
        qt_test_setq(P->Delta, "1/2");
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
            ck_assert_msg(strncmp(why, "gamma_3:", 8) == 0, "%s", why);
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
    }
    arb_clear(v); arb_clear(w); arb_clear(S0); arb_clear(X0); arb_clear(S1); arb_clear(X1);
    fmpq_clear(g1); fmpq_clear(g3); fmpq_clear(zero);
    _arb_vec_clear(Q, QT_PUMP_MAX_BATHS); _arb_vec_clear(Q2, QT_PUMP_MAX_BATHS);
    _acb_vec_clear(v3, QT_PUMP_MAX_BATHS); _acb_vec_clear(v2, QT_PUMP_MAX_BATHS);
    qt_protocol_clear(C);
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pump");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, lambda_three_routes);
    tcase_add_test(tc, sector_closed_form_and_sum_rule);
    tcase_add_test(tc, random_protocols_bound_and_orientation);
    tcase_add_test(tc, error_paths);
    tcase_add_test(tc, curvature_closed_form);
    tcase_add_test(tc, friction_metric_psd);
    tcase_add_test(tc, friction_closed_form_vs_drazin);
    tcase_add_test(tc, dissipation_per_cycle);
    tcase_add_test(tc, product_route_vs_global_davies);
    tcase_add_test(tc, davies_route_vs_other_routes);
    tcase_add_test(tc, interacting_friction);
    tcase_add_test(tc, heis2_friction_field_frame);
    tcase_add_test(tc, heis2_dissipation);
    tcase_add_test(tc, multi_friction_generic);
    tcase_add_test(tc, eigen_ball_enclosure);
    tcase_add_test(tc, level_crossing_named);
    tcase_add_test(tc, heat_record_period_refused);
    tcase_add_test(tc, coupling_matrices);
    tcase_add_test(tc, non_interacting_qubits);
    tcase_add_test(tc, multi_qubit_route);
    tcase_add_test(tc, two_qubit_integrals);
    tcase_add_test(tc, quadrant_is_T_ln2);
    tcase_add_test(tc, steady_state_record);
    tcase_add_test(tc, steady_state_unequal_temperatures);
    tcase_add_test(tc, friction_unequal_temperatures);
    tcase_add_test(tc, unequal_temperatures_first_law);
    tcase_add_test(tc, heis2_route_vs_eigen_route);
    tcase_add_test(tc, unequal_temperatures_interacting);
    tcase_add_test(tc, ohmic_rate_through_zero);
    tcase_add_test(tc, quarter_disc_protocol);
    tcase_add_test(tc, heis2_quadrant);
    tcase_add_test(tc, heisenberg_quadrant_multiplets);
    tcase_add_test(tc, refusals_leave_no_numbers);
    tcase_add_test(tc, collective_j0_frame_route);
    tcase_add_test(tc, collective_j0_unequal_temperatures);
    tcase_add_test(tc, j0_corner_closed_form);
    tcase_add_test(tc, heis3_friction_field_frame);
    tcase_add_test(tc, extra_baths);
    tcase_add_test(tc, heisenberg_axes_more_baths);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
