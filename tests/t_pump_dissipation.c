/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_dissipation.c -- pumping: the dissipated work and the thermodynamic length per cycle (one qubit, two Heisenberg qubits), against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

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
    ck_assert(qt_overlaps(u, W));
    arb_sqrt(u, Z + 3, 128);
    arb_mul(u, u, t, 128);
    ck_assert(qt_overlaps(u, L));
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
        ck_assert(qt_overlaps(W, W2) && qt_overlaps(L, L2));
        ck_assert(arb_is_positive(W2));
        arb_sqr(t, L2, 128);
        ck_assert(!arb_gt(t, W2));
        if (C->kind == QT_PROTOCOL_POLYGON)
        {
            ck_assert_int_eq(qt_pump_dissipation_per_cycle(W, L, P, D, 128, why), QT_OK);
            ck_assert(qt_overlaps(W, W2) && qt_overlaps(L, L2));
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
        ck_assert(qt_overlaps(W, W2) && qt_overlaps(L, L2));
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
        ck_assert(qt_overlaps(W, W2) && !arb_is_finite(L));
        fmpq_mul_si(P->T_R, P->T, 3);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W, L, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why), QT_OK);
        ck_assert(qt_overlaps(W, W2) && arb_is_finite(W2) && !arb_is_finite(L2));
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

int
main(void)
{
    Suite *s = suite_create("pump_dissipation");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, dissipation_per_cycle);
    tcase_add_test(tc, heis2_dissipation);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
