/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_lambda.c -- pumping: the geometric coefficients Lambda_{a,k} by every route (closed one-qubit route, full Lindblad route, eigen route, closed two-qubit route), the rotor, coupling matrices, the level scan, the stable ohmic rate and the error paths, against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

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
                ck_assert_msg(qt_overlaps(v, acb_realref(A + 2 * a + k)), "secular route vs closed form (%ld, %ld)", (long) a, (long) k);
                ck_assert_msg(qt_overlaps(acb_realref(F + 2 * a + k), acb_realref(A + 2 * a + k)), "full Lindblad route vs secular route");
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
    /* PM §2.2: Omega_L = -2 gL gR sin cos / [(gL cos^2 + gR sin^2)^2 T cosh^2(B/T)] (Pauli
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
        ck_assert_msg(qt_overlaps(v, O + 0), "rotor vs closed form");
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
    /* the pair (G(w), G(-w)) from one exponential: w = (i + j I)/4 with i in -200..200 (|w/T| from 0 to 267, both
       signs, through the series branch), against G(w), G(-w) one at a time and against detailed balance
       G(-w) = e^{-w/T} G(w) (evaluated 64 bits finer); every ball narrow, relatively */
    for (i = -200; i <= 200; i += 7)
    {
        slong j;
        for (j = -1; j <= 1; j++)
        {
            acb_t Gp, Gm, A, B;
            acb_init(Gp); acb_init(Gm); acb_init(A); acb_init(B);
            acb_set_si_si(w, i, j);
            acb_mul_2exp_si(w, w, -2);
            qt_ohmic_rate_pair_acb(Gp, Gm, g, w, T, prec);
            qt_ohmic_rate_acb(A, g, w, T, prec);
            acb_neg(x, w);
            qt_ohmic_rate_acb(B, g, x, T, prec);
            ck_assert_msg(acb_overlaps(Gp, A) && acb_overlaps(Gm, B), "pair at w = %ld/4 + %ld i/4", (long) i, (long) j);
            acb_div(H, x, T, prec + 64);
            acb_exp(H, H, prec + 64);
            qt_ohmic_rate_acb(A, g, w, T, prec + 64);
            acb_mul(H, H, A, prec + 64);
            ck_assert(acb_overlaps(Gm, H));
            ck_assert(qt_test_narrow(acb_realref(Gp), prec) && qt_test_narrow(acb_imagref(Gp), prec)
                      && qt_test_narrow(acb_realref(Gm), prec) && qt_test_narrow(acb_imagref(Gm), prec));
            /* relative accuracy even where G(-w) is e^{-267} small: no cancellation */
            ck_assert(acb_rel_accuracy_bits(Gp) >= prec - 20 && acb_rel_accuracy_bits(Gm) >= prec - 20);
            acb_clear(Gp); acb_clear(Gm); acb_clear(A); acb_clear(B);
        }
    }
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
        ck_assert(qt_overlaps(I, acb_realref(G)) && mag_cmp_2exp_si(arb_radref(I), -90) < 0);
        arb_clear(I); arf_clear(a); arf_clear(b);
    }
    acb_clear(g); acb_clear(w); acb_clear(T); acb_clear(G); acb_clear(H); acb_clear(x);
}
END_TEST

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
                ck_assert(qt_overlaps(Z2 + k, Z3 + k));
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

int
main(void)
{
    Suite *s = suite_create("pump_lambda");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, lambda_three_routes);
    tcase_add_test(tc, error_paths);
    tcase_add_test(tc, curvature_closed_form);
    tcase_add_test(tc, eigen_ball_enclosure);
    tcase_add_test(tc, level_crossing_named);
    tcase_add_test(tc, coupling_matrices);
    tcase_add_test(tc, multi_qubit_route);
    tcase_add_test(tc, heis2_route_vs_eigen_route);
    tcase_add_test(tc, ohmic_rate_through_zero);
    tcase_add_test(tc, refusals_leave_no_numbers);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
