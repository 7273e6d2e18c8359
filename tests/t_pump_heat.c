/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_heat.c -- pumping: the heat per cycle: sector closed forms and sum rules, random protocols (bound, orientation, precision overlap), two-qubit integrals, the quadrant and the quarter disc, against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

START_TEST(sector_closed_form_and_sum_rule)
{
    /* docs/physics/pumping.md §3: Q_L = -T [x_L(theta1) - x_L(theta0)] [S(r1) - S(r0)] (counter-clockwise) */
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
        ck_assert_msg(qt_overlaps(v, Q + 0), "sector %d: engine vs closed form", i);
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
    /* |Q_L| <= T ln 2 (docs/physics/pumping.md §3) on random circles; a polygon and its reverse give the same
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
        ck_assert(qt_overlaps(Q + 0, Q2 + 0) && qt_overlaps(Q + 1, Q2 + 1));
        /* spin at (2c, 2r) = Pauli at (c, r) */
        qt_protocol_init(D);
        D->kind = QT_PROTOCOL_CIRCLE;
        fmpq_mul_2exp(D->cx, C->cx, 1);
        fmpq_mul_2exp(D->cz, C->cz, 1);
        fmpq_mul_2exp(D->radius, C->radius, 1);
        P->convention = QT_PUMP_SPIN;
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, D, 96, why), QT_OK);
        ck_assert(qt_overlaps(Q + 0, Q2 + 0));
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
        ck_assert(qt_overlaps(Q + 0, Q2 + 0));
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
    /* docs/physics/pumping.md §3: the quadrant protocol pumps Q_L = -T ln 2 (counter-clockwise: out along B_x, back along B_z),
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
        ck_assert_msg(qt_overlaps(v, Q + 0), "quadrant: Q_L = -T ln 2");
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

/* protocol=quarter_disc: one qubit Q_L = -T (ln 2 - S(R)) (P11); two qubits: the exact symmetry b -> 1/b of the
 * default layout (rescale the couplings by b, swap the qubits: Q is invariant, PM §2.2), and
 * for layout b_on_R the quadrant closed form |Q_L| = T S0 + 4 J p_S (PM §3.3) at R = 30, where the
 * part of the quadrant beyond R is of order e^{-2(R - 2J)/T} ~ 1e-23, far below the 64-bit radius (an overlap
 * test, not a certificate); refusals for three qubits and Delta != 1 */
/* the closed form -(T S0 + 4 J_c p_S) of the quadrant in the layouts b_on_R, b_on_L (PM §3.3) */
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
    ck_assert(qt_overlaps(Q + 0, Q2 + 0) && !arb_contains_zero(Q + 0));
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
    ck_assert(qt_overlaps(Q + 0, v));
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
    ck_assert_msg(qt_overlaps(w, v), "b_on_R quarter disc vs the quadrant closed form");
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

/* lemma P23: the quadrant for two Heisenberg qubits.  (i) Layouts b_on_R and b_on_L (one bath couples through the
 * collective sigma_x1 + sigma_x2 or sigma_z1 + sigma_z2): the closed form Q_L = -(T S0 + 4 J_c p_S) of
 * PM §3.3 (S0, p_S: entropy and singlet weight of the Gibbs state at B = 0, independent of b and of
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
    ck_assert(qt_overlaps(v, &R->out[0].value));                 /* Q_L = -T ln 2 */
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

int
main(void)
{
    Suite *s = suite_create("pump_heat");
    TCase *tc = tcase_create("core"), *tl;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, sector_closed_form_and_sum_rule);
    tcase_add_test(tc, random_protocols_bound_and_orientation);
    tcase_add_test(tc, heat_record_period_refused);
    tcase_add_test(tc, two_qubit_integrals);
    tcase_add_test(tc, quadrant_is_T_ln2);
    tcase_add_test(tc, quarter_disc_protocol);
    suite_add_tcase(s, tc);
    /* the long cases: only with QT_TEST_LONG set (make check-long, which CI runs) */
    if (qt_test_long())
    {
        tl = tcase_create("long");
        tcase_set_timeout(tl, 1200);
        tcase_add_test(tl, heis2_quadrant);
        suite_add_tcase(s, tl);
    }
    return qt_test_run(s);
}
