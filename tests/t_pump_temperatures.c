/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_temperatures.c -- pumping: baths at different temperatures: the first law, the non-equilibrium steady state, the friction tensor, two qubits with J = 0, against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

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
        ck_assert_msg(qt_overlaps(v, W), "case %d: Q_L + Q_R does not overlap the work", i);
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
        ck_assert(qt_overlaps(Q + 0, Q2 + 0) && qt_overlaps(Q + 1, Q2 + 1));
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
        ck_assert_msg(qt_overlaps(v, W), "two qubits, T_R != T: Q_L + Q_R does not overlap the work");
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
    ck_assert(qt_overlaps(&R->out[4].value, &R->out[6].value)); /* rho_01 = rho_10 (real symmetric H) */
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
    ck_assert(qt_overlaps(v, &R->out[0].value));
    arb_mul(v, t, T, 128);
    arb_mul(v, v, B, 128);
    arb_neg(v, v);
    ck_assert(qt_overlaps(v, &R->out[1].value));
    qt_record_clear(R);
    P->n_qubits = 2;
    fmpq_set_si(P->J, 2, 1);
    fmpq_set_si(P->b, 2, 1);
    qt_record_init(R);
    qt_record_init(R2);
    qt_pump_steady_state_record(R, P, x, z, 128);
    qt_pump_lambda_record(R2, P, x, z, 128);
    ck_assert(qt_overlaps(&R->out[0].value, &R2->out[4].value));
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
        ck_assert_msg(qt_overlaps(v, &R->out[1].value), "one qubit: E0 (it %d)", it);
        qt_arb_neg_xlogx_unit(v, pe, prec);
        arb_sub_ui(w, pe, 1, prec);
        arb_neg(w, w);
        qt_arb_neg_xlogx_unit(w, w, prec);
        arb_add(v, v, w, prec);
        ck_assert_msg(qt_overlaps(v, &R->out[0].value), "one qubit: S0 (it %d)", it);
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
        ck_assert_msg(qt_overlaps(v, &R->out[1].value), "two qubits: E0");
        ck_assert_msg(qt_overlaps(w, &R->out[0].value), "two qubits: S0");
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
            ck_assert_msg(qt_overlaps(&R->out[i].value, &R2->out[i].value), "T_R -> T: %s", R->name[i]);
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
            ck_assert_msg(qt_overlaps(&R->out[i].value, &R2->out[i].value), "three qubits: %s across precisions", R->name[i]);
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
                ck_assert_msg(qt_overlaps(acb_realref(H + k), Z + k), "one qubit at T_R != T: closed zeta[%ld] vs the Davies route (it %d)", (long) k, it);
            acb_clear(bx); acb_clear(bz);
            _acb_vec_clear(H, 4);
        }
        for (k = 0; k < 4; k++)
        {
            ck_assert_msg(qt_overlaps(Z + k, C + k), "one qubit at T_R != T: zeta[%ld] (it %d)", (long) k, it);
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
            ck_assert_msg(qt_overlaps(Z + k, C2 + k), "coupling=local at T_R != T: zeta[%ld] (it %d)", (long) k, it);
        }
        qt_pump_params_clear(P);
    }
    /* the dissipated work along the benchmark circle (centre (1, 1), radius 0.8) at T_R != T (lemma P22): T_R = T (1 + 1e-40) against the
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
        ck_assert_msg(qt_overlaps(W1, W2), "W_diss: T_R -> T");
        ck_assert(!arb_is_finite(L));
        fmpq_set_si(P->T_R, 2, 1);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L, P, Cp, 96, why), QT_OK);
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(W2, L, P, Cp, 160, why), QT_OK);
        ck_assert_msg(qt_overlaps(W1, W2) && arb_is_positive(W1), "W_diss at T_R = 2 across precisions");
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
            ck_assert_msg(qt_overlaps(Z + k, C + k), "two qubits: zeta[%ld] across precisions", (long) k);
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
            ck_assert_msg(qt_overlaps(Z + k, C + k), "two qubits: T_R -> T, zeta[%ld]", (long) k);
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
        ck_assert(qt_overlaps(Q1 + 0, Q2 + 0) && qt_overlaps(Q1 + 1, Q2 + 1));
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
        ck_assert(qt_overlaps(W1, W2) && qt_overlaps(L1, L2) && arb_is_positive(W2));
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
        ck_assert(qt_overlaps(Q1 + 0, Q2 + 0) && qt_overlaps(Q1 + 1, Q2 + 1));
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
        ck_assert_msg(arb_overlaps(t, Wq) && qt_test_narrow(t, 96), "sum_rule vs the quasi-static work");   /* Wq is 2^-30 wide by design */
        ck_assert(!arb_contains_zero(t));
        ck_assert_msg(qt_pump_dissipation_per_cycle(W1, L1, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_dissipation_per_cycle(W2, L2, P, C, 96, why) == QT_OK, "%s", why);
        ck_assert(qt_overlaps(W1, W2) && arb_is_finite(W2));
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

int
main(void)
{
    Suite *s = suite_create("pump_temperatures");
    TCase *tc = tcase_create("core"), *tl;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, steady_state_record);
    tcase_add_test(tc, steady_state_unequal_temperatures);
    tcase_add_test(tc, friction_unequal_temperatures);
    tcase_add_test(tc, unequal_temperatures_first_law);
    tcase_add_test(tc, unequal_temperatures_interacting);
    tcase_add_test(tc, collective_j0_unequal_temperatures);
    suite_add_tcase(s, tc);
    /* the long cases: only with QT_TEST_LONG set (make check-long, which CI runs) */
    if (qt_test_long())
    {
        tl = tcase_create("long");
        tcase_set_timeout(tl, 1200);
        tcase_add_test(tl, collective_j0_frame_route);
        suite_add_tcase(s, tl);
    }
    return qt_test_run(s);
}
