/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_friction.c -- pumping: the friction tensor and the metric by every route (closed one-qubit form, Drazin solve, global Davies route, field frames for two and three qubits, the generic form P24), against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

START_TEST(friction_metric_psd)
{
    /* the metric g = sym(zeta) is positive semidefinite at common T (detailed balance); the antisymmetric
       part vanishes for real x-z Hamiltonians (PM §2.3); 128 and 256 bits overlap */
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
                ck_assert(qt_overlaps(acb_realref(Z1 + k), Zr + k));
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
            ck_assert(qt_overlaps(Z + k, acb_realref(Zc + k)));
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
            ck_assert(qt_overlaps(Z + k, acb_realref(A2 + k)));
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
        ck_assert(qt_overlaps(W1, W3) && !arb_is_finite(L3));
        fmpq_set_si(P->T_R, 2, 1);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W3, L3, P, C, 48, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert(qt_overlaps(W2, W3) && arb_is_finite(W2) && !arb_is_finite(L2));
        ck_assert(!qt_overlaps(W1, W2));
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
        ck_assert(qt_overlaps(W1, W2) && qt_overlaps(L1, L2) && arb_is_positive(W2) && arb_is_positive(L2));
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

/* the plans along a curve (friction.c, lambda.c): one plan used for a sequence of points and precisions (64, 128, 64
   bits: the field frame's constant part is rebuilt when the precision changes) gives exactly the balls of a fresh
   evaluation at each point, for the two-qubit field frame with J != 0 and for the J = 0 pair (whose Lambda also goes
   through the frame), equal and unequal temperatures, on points and on complex balls (analytic) */
START_TEST(friction_plan_reuse)
{
    static const slong precs[3] = {64, 128, 64};
    flint_rand_t st;
    int it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_params_t P;
        qt_pump_plan_struct F, G;
        acb_ptr Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4), L1 = _acb_vec_init(4), L2 = _acb_vec_init(4);
        acb_t Bx, Bz;
        slong j, k;
        qt_pump_params_init(P);
        acb_init(Bx); acb_init(Bz);
        set_params(P, "1", "2", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, it < 2 ? 2 : 0, 1);
        fmpq_set_si(P->b, 2, 1);
        if (it % 2)
            fmpq_set_si(P->T_R, 3, 2);
        qt_pump_plan_init(&F, P);
        qt_pump_plan_init(&G, P);
        ck_assert(F.frame != NULL);
        ck_assert(G.frame != NULL);
        for (j = 0; j < 6; j++)
        {
            slong prec = precs[j % 3];
            int analytic = j >= 3, s1, s2;
            acb_set_si(Bx, 3 + (slong) n_randint(st, 8));
            acb_div_si(Bx, Bx, 4, prec);
            acb_set_si(Bz, (slong) n_randint(st, 9) - 4);
            acb_div_si(Bz, Bz, 4, prec);
            if (analytic)
            {
                mag_set_ui_2exp_si(arb_radref(acb_realref(Bx)), 1, -12);
                mag_set_ui_2exp_si(arb_radref(acb_imagref(Bz)), 1, -12);
            }
            s1 = qt_pump_friction_plan_acb(Z1, &F, Bx, Bz, analytic, prec, why);
            s2 = qt_pump_friction_acb(Z2, P, Bx, Bz, analytic, prec, why);
            ck_assert_int_eq(s1, s2);
            ck_assert_msg(s1 == QT_OK, "%s", why);
            for (k = 0; k < 4; k++)
            {
                ck_assert(acb_equal(Z1 + k, Z2 + k));
                /* narrow: an absolute radius below 2^-(prec - 40) at points (entries of size at most about 10),
                   finite on the balls */
                ck_assert(acb_is_finite(Z1 + k));
                if (!analytic)
                {
                    ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(Z1 + k)), 40 - prec) < 0);
                    ck_assert(mag_cmp_2exp_si(arb_radref(acb_imagref(Z1 + k)), 40 - prec) < 0);
                }
            }
            s1 = qt_pump_lambda_plan_acb(L1, &G, Bx, Bz, analytic, prec, why);
            s2 = qt_pump_lambda_acb(L2, P, Bx, Bz, analytic, prec, why);
            ck_assert_int_eq(s1, s2);
            for (k = 0; s1 == QT_OK && k < 4; k++)
                ck_assert(acb_equal(L1 + k, L2 + k));
        }
        qt_pump_plan_clear(&F);
        qt_pump_plan_clear(&G);
        _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4); _acb_vec_clear(L1, 4); _acb_vec_clear(L2, 4);
        acb_clear(Bx); acb_clear(Bz);
        qt_pump_params_clear(P);
    }
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pump_friction");
    TCase *tc = tcase_create("core"), *tl;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, friction_metric_psd);
    tcase_add_test(tc, friction_closed_form_vs_drazin);
    tcase_add_test(tc, davies_route_vs_other_routes);
    tcase_add_test(tc, interacting_friction);
    tcase_add_test(tc, heis2_friction_field_frame);
    tcase_add_test(tc, multi_friction_generic);
    tcase_add_test(tc, friction_plan_reuse);
    suite_add_tcase(s, tc);
    /* the long cases: only with QT_TEST_LONG set (make check-long, which CI runs) */
    if (qt_test_long())
    {
        tl = tcase_create("long");
        tcase_set_timeout(tl, 1200);
        tcase_add_test(tl, heis3_friction_field_frame);
        suite_add_tcase(s, tl);
    }
    return qt_test_run(s);
}
