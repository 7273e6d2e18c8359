/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_trajectory.c -- Lindblad trajectories and the qubit closed forms, against independent
 * references: the closed forms of M1/M2 against the general route (acb_mat_exp + certified
 * spectral clusters), the exact values at t*, the exact identities of docs/physics/open_systems.md §5 as
 * enclosures of 0, the inequalities (sigma, Pi_d, Pi_c >= 0 for a Davies semigroup, the
 * Deffner-Lutz Bures bound), the state functions of t_state at t = 0, overlap across
 * precisions, and the error paths (the exactly solvable models: t_exact_models.c).  Random inputs from fixed seeds. */
#include <stdio.h>
#include <string.h>
#include "qt_test.h"
#include "qt_random_state.h"
#include "qtoracle/trajectory.h"

#define OUT(R, i) (&(R)->out[i].value)

static void
set_qd(qt_qubit_davies_t P, const char *om, const char *be, const char *g, const char *gp,
       const char *x, const char *y, const char *z)
{
    qt_test_setq(P->omega, om); qt_test_setq(P->beta, be); qt_test_setq(P->gamma, g);
    qt_test_setq(P->gamma_phi, gp); qt_test_setq(P->x0, x); qt_test_setq(P->y0, y); qt_test_setq(P->z0, z);
}

/* random exact Bloch vector with |r| <= 1: components k/8 */
static void
random_bloch(qt_qubit_davies_t P, flint_rand_t st)
{
    do
    {
        fmpq_set_si(P->x0, (slong) n_randint(st, 17) - 8, 8);
        fmpq_set_si(P->y0, (slong) n_randint(st, 17) - 8, 8);
        fmpq_set_si(P->z0, (slong) n_randint(st, 17) - 8, 8);
    }
    while (fmpq_cmp_ui(P->x0, 0) == 0 && 0);
    {
        fmpq_t r2;
        fmpq_init(r2);
        fmpq_mul(r2, P->x0, P->x0); fmpq_addmul(r2, P->y0, P->y0); fmpq_addmul(r2, P->z0, P->z0);
        if (fmpq_cmp_ui(r2, 1) > 0)
        {
            fmpq_div_2exp(P->x0, P->x0, 1); fmpq_div_2exp(P->y0, P->y0, 1); fmpq_div_2exp(P->z0, P->z0, 1);
        }
        fmpq_clear(r2);
    }
}

/* every output defined by both routes must agree: same status class, overlapping values */
static void
assert_records_agree(const qt_record_t A, const qt_record_t B, const char *what)
{
    slong i;
    for (i = 0; i < QT_TR_NCORE; i++)
    {
        const qt_result_struct *a = A->out + i, *b = B->out + i;
        if (a->status == QT_OK && b->status == QT_OK)
        {
            if (qt_arb_is_exact_inf(&a->value) || qt_arb_is_exact_inf(&b->value))
                ck_assert_msg(arb_equal(&a->value, &b->value), "%s: %s infinite in one route only", what, A->name[i]);
            else
                ck_assert_msg(qt_overlaps(&a->value, &b->value), "%s: %s differs between the routes", what, A->name[i]);
        }
        if (a->status == QT_DOMAIN && b->status == QT_OK)
            ck_abort_msg("%s: %s undefined in one route (%s) but a value in the other", what, A->name[i], a->reason);
    }
}

/* the --digits driver for records: a record function whose output x = pi meets 30 digits at once, y = pi +- 2^-(prec/8)
   only at 1048 bits, z a domain error.  Retries mark x and z settled (and never y); a settled output keeps its first
   enclosure even when the record function skips it (here: returns a wrong value for it), and every kept enclosure
   contains pi */
typedef struct
{
    int calls;
    int settled_seen[8][3];
}
driver_probe;

static void
driver_probe_fn(qt_record_t R, const void *params, slong prec)
{
    driver_probe *pr = (driver_probe *) params;
    slong i;
    mag_t r;
    mag_init(r);
    for (i = 0; i < 3; i++)
        pr->settled_seen[pr->calls][i] = R->settled[i];
    pr->calls++;
    R->nout = 3;
    strcpy(R->name[0], "x"); strcpy(R->name[1], "y"); strcpy(R->name[2], "z");
    if (R->settled[0])
        arb_zero(&R->out[0].value);               /* skipped work: must not be taken */
    else
        arb_const_pi(&R->out[0].value, prec);
    R->out[0].status = QT_OK;
    arb_const_pi(&R->out[1].value, prec);
    mag_set_ui_2exp_si(r, 1, -(prec / 8));
    mag_add(arb_radref(&R->out[1].value), arb_radref(&R->out[1].value), r);
    R->out[1].status = QT_OK;
    arb_indeterminate(&R->out[2].value);
    qt_result_set_status(R->out + 2, QT_DOMAIN, "undefined here");
    mag_clear(r);
}

START_TEST(test_digits_record_driver)
{
    driver_probe pr;
    qt_record_t R;
    arb_t pi;
    slong k;
    memset(&pr, 0, sizeof pr);
    arb_init(pi);
    arb_const_pi(pi, 2000);
    qt_traj_record_init(R, 0);
    ck_assert_int_eq(qt_eval_digits_record(R, driver_probe_fn, &pr, 30), QT_OK);
    ck_assert_int_eq(pr.calls, 4);                 /* 131, 262, 524, 1048 bits */
    for (k = 0; k < pr.calls; k++)
    {
        ck_assert_int_eq(pr.settled_seen[k][0], k > 0);
        ck_assert_int_eq(pr.settled_seen[k][1], 0);
        ck_assert_int_eq(pr.settled_seen[k][2], k > 0);
    }
    ck_assert(arb_contains(&R->out[0].value, pi) && R->out[0].prec == qt_digits_start_prec(30));
    ck_assert(arb_contains(&R->out[1].value, pi) && qt_arb_meets_digits(&R->out[1].value, 30));
    ck_assert_int_eq(R->out[1].prec, 8 * qt_digits_start_prec(30));
    ck_assert_int_eq(R->out[2].status, QT_DOMAIN);
    qt_record_clear(R);
    arb_clear(pi);
}
END_TEST

START_TEST(test_closed_form_vs_general_route)
{
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(40); it++)
    {
        qt_qubit_davies_t P;
        qt_open_model_t M;
        qt_record_t A, B;
        arb_t t;
        char why[QT_REASON_LEN];
        int t0 = (it % 4 == 0);
        qt_qubit_davies_init(P);
        set_qd(P, "1", "1", "0.2", "0.05", "0", "0", "0");
        fmpq_set_si(P->omega, 1 + (slong) n_randint(st, 3), 1 + (slong) n_randint(st, 2));
        fmpq_set_si(P->beta, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma, (slong) n_randint(st, 4), 10);
        fmpq_set_si(P->gamma_phi, (slong) n_randint(st, 3), 20);
        random_bloch(P, st);
        ck_assert_int_eq(qt_qubit_davies_validate(P, why), QT_OK);
        arb_init(t);
        if (!t0)
            arb_set_si(t, 1 + (slong) n_randint(st, 5));
        qt_qubit_davies_as_open_model(M, P);
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        ck_assert_msg(M->reference_ok[0], "the Davies qubit must have a proven Gibbs fixed point");
        qt_traj_record_init(A, 1);
        qt_traj_record_init(B, 1);
        qt_qubit_davies_trajectory(A, P, t, t0 ? QT_T_ZERO : QT_T_GENERIC, 192);
        qt_lindblad_trajectory(B, M, t, t0, 192);
        assert_records_agree(A, B, "qubit");
        /* per-bath heat of a single bath equals the total */
        ck_assert(qt_overlaps(OUT(B, QT_TR_NCORE), OUT(B, QT_TR_J)));
        ck_assert(qt_overlaps(OUT(B, QT_TR_NCORE + 1), OUT(B, QT_TR_Q)));
        qt_record_clear(A);
        qt_record_clear(B);
        qt_open_model_clear(M);
        qt_qubit_davies_clear(P);
        arb_clear(t);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_tstar_exact_values)
{
    /* lemma M3: at t*, S = ln 2, S_dot = 0, sigma = Pi_d = gamma beta omega / 2,
       D = ln cosh(beta omega / 2), Sigma = ln 2 + beta omega / 2 */
    qt_qubit_davies_t P;
    qt_open_model_t M;
    qt_record_t A, B;
    arb_t t, x, y;
    char why[QT_REASON_LEN];
    qt_qubit_davies_init(P);
    set_qd(P, "1.5", "0.8", "0.3", "0.02", "0", "0", "1");
    arb_init(t); arb_init(x); arb_init(y);
    ck_assert_int_eq(qt_qubit_davies_tstar(t, P, 256, why), QT_OK);
    qt_traj_record_init(A, 1);
    qt_qubit_davies_trajectory(A, P, t, QT_T_STAR, 256);
    arb_const_log2(x, 256);
    ck_assert(qt_overlaps(OUT(A, QT_TR_S), x));
    ck_assert(arb_contains_zero(OUT(A, QT_TR_S_DOT)));
    arb_set_str(y, "0.6", 256);                 /* beta omega / 2 = 0.6 */
    arb_add(x, x, y, 256);
    ck_assert(qt_overlaps(OUT(A, QT_TR_SIGMA_INT), x));
    arb_cosh(x, y, 256);
    arb_log(x, x, 256);
    ck_assert(qt_overlaps(OUT(A, QT_TR_D_REL), x));
    arb_set_d(x, 0.3 * 0.8 * 1.5 / 2);
    arb_set_str(x, "0.18", 256);
    ck_assert(qt_overlaps(OUT(A, QT_TR_SIGMA), x));
    ck_assert(qt_overlaps(OUT(A, QT_TR_PI_D), x));
    ck_assert_int_eq(A->out[QT_TR_QDOT_R].status, QT_DOMAIN);
    /* the general route at the same time ball */
    qt_qubit_davies_as_open_model(M, P);
    qt_open_model_validate(M, why);
    qt_traj_record_init(B, 1);
    qt_lindblad_trajectory(B, M, t, 0, 256);
    assert_records_agree(A, B, "t*");
    qt_record_clear(A); qt_record_clear(B);
    qt_open_model_clear(M);
    qt_qubit_davies_clear(P);
    arb_clear(t); arb_clear(x); arb_clear(y);
}
END_TEST

/* a random 2-qubit model: H0 = (w1/2) sz x 1 + (w2/2) 1 x sz, a thermal bath per qubit */
static void
two_qubit_model(qt_open_model_t M, flint_rand_t st, const char *beta1, const char *beta2)
{
    slong i;
    qt_open_model_init(M, 4, 2);
    /* diag(w1/2 + w2/2, w1/2 - w2/2, -w1/2 + w2/2, -w1/2 - w2/2) with w1 = 1, w2 = 2/5 */
    fmpq_set_si(M->H->re + 0, 7, 10);
    fmpq_set_si(M->H->re + 5, 3, 10);
    fmpq_set_si(M->H->re + 10, -3, 10);
    fmpq_set_si(M->H->re + 15, -7, 10);
    random_state(M->rho0, st, 4, 1 + (slong) n_randint(st, 4));
    for (i = 0; i < 2; i++)
    {
        qt_open_model_bath_channels(M, i, 1);
        M->bath[i].has_beta = 1;
        qt_test_setq(M->bath[i].beta, i ? beta2 : beta1);
        M->bath[i].ch[0].kind = QT_CH_THERMAL;
        fmpq_set_si(M->bath[i].ch[0].gamma, 1 + (slong) n_randint(st, 3), 10);
    }
    /* sigma_- on qubit 1: |g x><e x|, rows 2,3 <- cols 0,1; frequency 1 */
    fmpq_one(M->bath[0].ch[0].L->re + 2 * 4 + 0);
    fmpq_one(M->bath[0].ch[0].L->re + 3 * 4 + 1);
    fmpq_one(M->bath[0].ch[0].omega);
    /* sigma_- on qubit 2: rows 1,3 <- cols 0,2; frequency w2 = 2/5 */
    fmpq_one(M->bath[1].ch[0].L->re + 1 * 4 + 0);
    fmpq_one(M->bath[1].ch[0].L->re + 3 * 4 + 2);
    fmpq_set_si(M->bath[1].ch[0].omega, 2, 5);
}

START_TEST(test_identities_two_qubits)
{
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_open_model_t M;
        qt_record_t R;
        arb_t t, x;
        char why[QT_REASON_LEN];
        slong i;
        two_qubit_model(M, st, "1", it % 2 ? "2" : "1");
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        ck_assert(M->reference_ok[0] && M->reference_ok[1]);
        arb_init(t); arb_init(x);
        arb_set_si(t, 1 + it);
        arb_mul_2exp_si(t, t, -1);
        qt_traj_record_init(R, 2);
        qt_lindblad_trajectory(R, M, t, 0, 160);
        for (i = 0; i < R->nout; i++)
            ck_assert_msg(R->out[i].status == QT_OK, "%s: %s", R->name[i], R->out[i].reason);
        ck_assert_str_eq(R->reference, it % 2 ? "stationary" : "gibbs");
        /* identity 1: d_iS = 0; identity 2: d_eS = dS/dt */
        ck_assert(arb_contains_zero(OUT(R, QT_TR_DS_INTERIOR)));
        ck_assert(qt_overlaps(OUT(R, QT_TR_DS_EXTERIOR), OUT(R, QT_TR_S_DOT)));
        /* identity 6: sigma = Pi_d + Pi_c */
        arb_add(x, OUT(R, QT_TR_PI_D), OUT(R, QT_TR_PI_C), 160);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_SIGMA)));
        /* energy balance: J = J_1 + J_2 and Q = Q_1 + Q_2 (E(t) - E(0) against the augmented integral) */
        arb_add(x, OUT(R, QT_TR_NCORE), OUT(R, QT_TR_NCORE + 1), 160);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_J)));
        arb_add(x, OUT(R, QT_TR_NCORE + 2), OUT(R, QT_TR_NCORE + 3), 160);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_Q)));
        /* inequalities for a Davies semigroup: sigma, Pi_d, Pi_c >= 0, C_rel >= 0, S <= S_E <= ln 4 */
        ck_assert(!arb_is_negative(OUT(R, QT_TR_SIGMA)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_PI_D)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_PI_C)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_C_REL)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_SIGMA_INT)));
        qt_record_clear(R);
        qt_open_model_clear(M);
        arb_clear(t); arb_clear(x);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_t0_against_state_functions)
{
    /* at t = 0 the outputs are state functions of rho0: compare with t_state's exact-spectrum routes */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_open_model_t M;
        qt_record_t R;
        arb_t t, x;
        char why[QT_REASON_LEN];
        two_qubit_model(M, st, "1", "1");
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        arb_init(t); arb_init(x);
        qt_traj_record_init(R, 2);
        qt_lindblad_trajectory(R, M, t, 1, 160);
        ck_assert_int_eq(qt_state_von_neumann_entropy(x, M->rho0, 160, why), QT_OK);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_S)));
        ck_assert_int_eq(qt_state_coherence(x, M->rho0, M->H, 160, why), QT_OK);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_C_REL)));
        ck_assert_int_eq(qt_state_energy_entropy(x, M->rho0, M->H, QT_EE_DEPHASED, 160, why), QT_OK);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_S_E)));
        qt_record_clear(R);
        qt_open_model_clear(M);
        arb_clear(t); arb_clear(x);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_steady_state_is_gibbs)
{
    /* lemma L3 + L4: the certified stationary state of one thermal bath is the Gibbs state */
    qt_open_model_t M;
    qt_lindblad_t G;
    acb_mat_t X;
    arb_t g, z;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    slong k;
    flint_randinit(st);
    two_qubit_model(M, st, "1.5", "1.5");
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
    qt_lindblad_init(G, 4);
    qt_open_model_generator(G, M, 200);
    acb_mat_init(X, 4, 4);
    ck_assert_int_eq(qt_lindblad_steady_state(X, G, 200, why), QT_OK);
    arb_init(g); arb_init(z);
    arb_zero(z);
    for (k = 0; k < 4; k++)
    {
        arb_set_fmpq(g, M->H->re + 5 * k, 200);
        arb_mul_si(g, g, -3, 200);
        arb_mul_2exp_si(g, g, -1);
        arb_exp(g, g, 200);
        arb_add(z, z, g, 200);
    }
    for (k = 0; k < 4; k++)
    {
        arb_set_fmpq(g, M->H->re + 5 * k, 200);
        arb_mul_si(g, g, -3, 200);
        arb_mul_2exp_si(g, g, -1);
        arb_exp(g, g, 200);
        arb_div(g, g, z, 200);
        ck_assert(qt_overlaps(g, acb_realref(acb_mat_entry(X, k, k))));
    }
    ck_assert(arb_contains_zero(acb_realref(acb_mat_entry(X, 0, 1))));
    acb_mat_clear(X);
    qt_lindblad_clear(G);
    qt_open_model_clear(M);
    arb_clear(g); arb_clear(z);
    flint_randclear(st);
}
END_TEST

START_TEST(test_davies_inequalities_and_bures)
{
    /* sigma, Pi_d, Pi_c >= 0 (phase-covariant semigroup) and D >= (8/pi^2) arccos^2 F on random
       qubit states; F(rho, rho_beta)^2 = tr(rho rho_beta) + 2 sqrt(det rho det rho_beta) */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(60); it++)
    {
        qt_qubit_davies_t P;
        qt_record_t R;
        arb_t t, F, a, b, pe, pg, x;
        slong prec = 128;
        qt_qubit_davies_init(P);
        set_qd(P, "1", "1", "0.2", "0.05", "0", "0", "0");
        fmpq_set_si(P->beta, 1 + (slong) n_randint(st, 12), 4);
        random_bloch(P, st);
        arb_init(t); arb_init(F); arb_init(a); arb_init(b); arb_init(pe); arb_init(pg); arb_init(x);
        arb_set_si(t, 1 + (slong) n_randint(st, 30));
        arb_mul_2exp_si(t, t, -2);
        qt_traj_record_init(R, 1);
        qt_qubit_davies_trajectory(R, P, t, QT_T_GENERIC, prec);
        ck_assert(!arb_is_negative(OUT(R, QT_TR_SIGMA)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_PI_D)));
        ck_assert(!arb_is_negative(OUT(R, QT_TR_PI_C)));
        /* Bloch vector at t from E = omega z / 2 (omega = 1) and the state purity from S is not
           enough; recompute r from the closed form via D = -h(r) + ln Z + beta z/2 is circular,
           so use the bound at t = 0 where rho is exact */
        qt_record_clear(R);
        qt_traj_record_init(R, 1);
        arb_zero(t);
        qt_qubit_davies_trajectory(R, P, t, QT_T_ZERO, prec);
        {
            /* rho_beta = diag(pe, pg), pe = e^{-b/2}/Z */
            arb_t be, z0, x0, y0, det, detb;
            arb_init(be); arb_init(z0); arb_init(x0); arb_init(y0); arb_init(det); arb_init(detb);
            arb_set_fmpq(be, P->beta, prec);
            arb_mul_2exp_si(be, be, -1);
            arb_tanh(pe, be, prec);                       /* tanh(beta/2) */
            arb_set_fmpq(z0, P->z0, prec); arb_set_fmpq(x0, P->x0, prec); arb_set_fmpq(y0, P->y0, prec);
            /* tr(rho rho_beta) = (1 - z tanh(beta/2))/2 */
            arb_mul(a, z0, pe, prec);
            arb_sub_ui(a, a, 1, prec);
            arb_neg(a, a);
            arb_mul_2exp_si(a, a, -1);
            /* det rho = (1 - r^2)/4, det rho_beta = (1 - tanh^2)/4 */
            arb_mul(det, x0, x0, prec); arb_addmul(det, y0, y0, prec); arb_addmul(det, z0, z0, prec);
            arb_sub_ui(det, det, 1, prec); arb_neg(det, det); arb_mul_2exp_si(det, det, -2);
            arb_mul(detb, pe, pe, prec); arb_sub_ui(detb, detb, 1, prec); arb_neg(detb, detb); arb_mul_2exp_si(detb, detb, -2);
            arb_mul(b, det, detb, prec);
            arb_sqrtpos(b, b, prec);
            arb_mul_2exp_si(b, b, 1);
            arb_add(F, a, b, prec);
            arb_sqrtpos(F, F, prec);
            arb_one(pg);
            arb_min(F, F, pg, prec);
            arb_acos(x, F, prec);
            arb_sqr(x, x, prec);
            arb_const_pi(a, prec);
            arb_sqr(a, a, prec);
            arb_div(x, x, a, prec);
            arb_mul_2exp_si(x, x, 3);
            arb_sub(x, OUT(R, QT_TR_D_REL), x, prec);
            ck_assert_msg(!arb_is_negative(x), "Bures bound violated");
            arb_clear(be); arb_clear(z0); arb_clear(x0); arb_clear(y0); arb_clear(det); arb_clear(detb);
        }
        qt_record_clear(R);
        qt_qubit_davies_clear(P);
        arb_clear(t); arb_clear(F); arb_clear(a); arb_clear(b); arb_clear(pe); arb_clear(pg); arb_clear(x);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_pure_dephasing_and_phase_covariance)
{
    qt_qubit_davies_t P, P0;
    qt_record_t R, R0;
    arb_t t, x;
    qt_qubit_davies_init(P); qt_qubit_davies_init(P0);
    arb_init(t); arb_init(x);
    /* M2: sigma = Pi_c = S_dot = -C_rel_dot, J = 0 exactly, beta_A and beta_E undefined */
    set_qd(P, "1", "1", "0", "0.05", "0.6", "0", "0.6");
    arb_set_si(t, 3);
    qt_traj_record_init(R, 1);
    qt_qubit_davies_trajectory(R, P, t, QT_T_GENERIC, 128);
    ck_assert(arb_is_zero(OUT(R, QT_TR_J)));
    ck_assert(qt_overlaps(OUT(R, QT_TR_SIGMA), OUT(R, QT_TR_PI_C)));
    ck_assert(qt_overlaps(OUT(R, QT_TR_SIGMA), OUT(R, QT_TR_S_DOT)));
    ck_assert_int_eq(R->out[QT_TR_BETA_A].status, QT_DOMAIN);
    ck_assert_int_eq(R->out[QT_TR_BETA_E].status, QT_DOMAIN);
    qt_record_clear(R);
    /* identity 12: x0 = 0.6 and x0 = 0 give the same S_E, J and beta_E under M1 */
    set_qd(P, "1", "1", "0.2", "0.05", "0.6", "0", "0.6");
    set_qd(P0, "1", "1", "0.2", "0.05", "0", "0", "0.6");
    arb_set_si(t, 2);
    qt_traj_record_init(R, 1); qt_traj_record_init(R0, 1);
    qt_qubit_davies_trajectory(R, P, t, QT_T_GENERIC, 128);
    qt_qubit_davies_trajectory(R0, P0, t, QT_T_GENERIC, 128);
    ck_assert(qt_overlaps(OUT(R, QT_TR_S_E), OUT(R0, QT_TR_S_E)));
    ck_assert(qt_overlaps(OUT(R, QT_TR_J), OUT(R0, QT_TR_J)));
    ck_assert(qt_overlaps(OUT(R, QT_TR_BETA_E), OUT(R0, QT_TR_BETA_E)));
    ck_assert(arb_contains_zero(OUT(R0, QT_TR_C_REL)));
    qt_record_clear(R); qt_record_clear(R0);
    qt_qubit_davies_clear(P); qt_qubit_davies_clear(P0);
    arb_clear(t); arb_clear(x);
}
END_TEST

START_TEST(test_pure_start_infinities)
{
    /* section 6: a pure state under a thermal bath has S_dot = sigma = +inf exactly at t = 0,
       by both routes (exact rank decision in the general route, lemma E10) */
    qt_qubit_davies_t P;
    qt_open_model_t M;
    qt_record_t A, B;
    arb_t t;
    char why[QT_REASON_LEN];
    qt_qubit_davies_init(P);
    set_qd(P, "1", "1", "0.2", "0.05", "1", "0", "0");
    arb_init(t);
    qt_qubit_davies_as_open_model(M, P);
    qt_open_model_validate(M, why);
    qt_traj_record_init(A, 1); qt_traj_record_init(B, 1);
    qt_qubit_davies_trajectory(A, P, t, QT_T_ZERO, 128);
    qt_lindblad_trajectory(B, M, t, 1, 128);
    ck_assert(arf_is_pos_inf(arb_midref(OUT(A, QT_TR_S_DOT))) && mag_is_zero(arb_radref(OUT(A, QT_TR_S_DOT))));
    ck_assert(arb_equal(OUT(A, QT_TR_S_DOT), OUT(B, QT_TR_S_DOT)));
    ck_assert(arb_equal(OUT(A, QT_TR_SIGMA), OUT(B, QT_TR_SIGMA)));
    ck_assert(arb_is_zero(OUT(B, QT_TR_DS_INTERIOR)) || arb_contains_zero(OUT(B, QT_TR_DS_INTERIOR)));
    qt_record_clear(A); qt_record_clear(B);
    qt_open_model_clear(M);
    /* a pure state under pure dephasing along z stays pure: S_dot = 0 exactly */
    set_qd(P, "1", "1", "0", "0.05", "0", "0", "1");
    qt_qubit_davies_as_open_model(M, P);
    qt_open_model_validate(M, why);
    qt_traj_record_init(B, 1);
    qt_lindblad_trajectory(B, M, t, 1, 128);
    ck_assert_msg(arb_is_zero(OUT(B, QT_TR_S_DOT)), "a kernel that is not populated contributes 0 (lemma E10)");
    qt_record_clear(B);
    qt_open_model_clear(M);
    qt_qubit_davies_clear(P);
    arb_clear(t);
}
END_TEST

/* copies the n x n matrix A into the top-left block of the m x m matrix B (the rest 0) */
static void
embed_block(qt_qmat_t B, const qt_qmat_t A)
{
    slong i, j, n = A->n, m = B->n;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpq_set(B->re + i * m + j, A->re + i * n + j);
            fmpq_set(B->im + i * m + j, A->im + i * n + j);
        }
}

/* the one-bath qubit model Q placed in levels 0, 1 of three levels, level 2 at energy e2 and never reached */
static void
embed_qubit_in_three_levels(qt_open_model_t M, const qt_open_model_t Q, const fmpq_t e2)
{
    slong k;
    qt_open_model_init(M, 3, 1);
    embed_block(M->H, Q->H);
    fmpq_set(M->H->re + 8, e2);
    embed_block(M->rho0, Q->rho0);
    M->bath[0].has_beta = Q->bath[0].has_beta;
    fmpq_set(M->bath[0].beta, Q->bath[0].beta);
    qt_open_model_bath_channels(M, 0, Q->bath[0].nch);
    for (k = 0; k < Q->bath[0].nch; k++)
    {
        embed_block(M->bath[0].ch[k].L, Q->bath[0].ch[k].L);
        fmpq_set(M->bath[0].ch[k].gamma, Q->bath[0].ch[k].gamma);
        fmpq_set(M->bath[0].ch[k].omega, Q->bath[0].ch[k].omega);
        M->bath[0].ch[k].kind = Q->bath[0].ch[k].kind;
    }
}

START_TEST(test_zero_eigenvalues_after_t0)
{
    /* lemma E12: exact support bounds certify zero eigenvalues of rho(t) at t > 0 */
    flint_rand_t st;
    qt_qubit_davies_t P;
    qt_open_model_t Q, M;
    qt_record_t A, B;
    qt_qmat_t H, Lm, r0, U2;
    arb_t t, x;
    fmpq_t e2;
    char why[QT_REASON_LEN];
    slong i, d2;
    int it;
    flint_randinit(st);
    arb_init(t); arb_init(x);
    fmpq_init(e2);

    /* (1) exact dimensions on hand-checked cases: H = sx and no jumps keep |0> pure (U = span|0>, U2 = C^2);
       H = sz with the jump sz keeps |0> (U = U2 = span|0>) but not |+> (U = C^2); sigma_- and sigma_+ fill C^2 */
    qt_qmat_init(H, 2); qt_qmat_init(Lm, 2); qt_qmat_init(r0, 2); qt_qmat_init(U2, 2);
    fmpq_one(H->re + 1); fmpq_one(H->re + 2);
    fmpq_one(r0->re + 0);
    ck_assert_int_eq(qt_lindblad_support_bound(&d2, U2, H, NULL, 0, r0), 1);
    ck_assert_int_eq(d2, 2);
    fmpq_zero(H->re + 1); fmpq_zero(H->re + 2);
    fmpq_one(H->re + 0); fmpq_set_si(H->re + 3, -1, 1);
    qt_qmat_set(Lm, H);
    ck_assert_int_eq(qt_lindblad_support_bound(&d2, U2, H, Lm, 1, r0), 1);
    ck_assert_int_eq(d2, 1);
    ck_assert(fmpq_is_one(U2->re + 0) && fmpq_is_zero(U2->re + 2));
    for (i = 0; i < 4; i++)
        fmpq_set_si(r0->re + i, 1, 2);
    ck_assert_int_eq(qt_lindblad_support_bound(&d2, U2, H, Lm, 1, r0), 2);
    qt_qmat_clear(Lm);
    qt_qmat_init(Lm, 2);
    fmpq_one(Lm->re + 2);
    qt_qmat_clear(r0);
    qt_qmat_init(r0, 2);
    fmpq_one(r0->re + 3);
    ck_assert_int_eq(qt_lindblad_support_bound(&d2, U2, H, Lm, 1, r0), 1);   /* sigma_- alone keeps |g> */
    fmpq_one(r0->re + 0);
    fmpq_zero(r0->re + 3);
    ck_assert_int_eq(qt_lindblad_support_bound(&d2, U2, H, Lm, 1, r0), 2);   /* and fills C^2 from |e> */
    qt_qmat_clear(H); qt_qmat_clear(Lm); qt_qmat_clear(r0); qt_qmat_clear(U2);
    {
        qt_qmat_t H9, r9;
        qt_qmat_init(H9, 9); qt_qmat_init(r9, 9);
        ck_assert_int_eq(qt_lindblad_support_bound(NULL, NULL, H9, NULL, 0, r9), -1);   /* beyond the cap */
        qt_qmat_clear(H9); qt_qmat_clear(r9);
    }

    /* (2) a Davies qubit in three levels beside an unreachable level: every output equals the closed form M1,
       now certified at t > 0 (D_rel differs by ln(Z_3 / Z_2), the reference being the three-level Gibbs state) */
    for (it = 0; it < qt_test_iters(12); it++)
    {
        qt_qubit_davies_init(P);
        set_qd(P, "1", "1", "0.2", "0.05", "0", "0", "0");
        fmpq_set_si(P->omega, 1 + (slong) n_randint(st, 3), 1 + (slong) n_randint(st, 2));
        fmpq_set_si(P->beta, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma, 1 + (slong) n_randint(st, 4), 10);
        fmpq_set_si(P->gamma_phi, (slong) n_randint(st, 3), 20);
        random_bloch(P, st);
        ck_assert_int_eq(qt_qubit_davies_validate(P, why), QT_OK);
        fmpq_set_si(e2, (slong) n_randint(st, 9) - 4, 3);
        if (fmpq_equal(e2, P->omega) || it % 3 == 0)
            fmpq_set_si(e2, 7, 2);
        qt_qubit_davies_as_open_model(Q, P);
        embed_qubit_in_three_levels(M, Q, e2);
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        arb_set_si(t, 1 + (slong) n_randint(st, 4));
        qt_traj_record_init(A, 1); qt_traj_record_init(B, 1);
        qt_qubit_davies_trajectory(A, P, t, QT_T_GENERIC, 160);
        qt_lindblad_trajectory(B, M, t, 0, 160);
        for (i = 0; i < QT_TR_NCORE; i++)
        {
            if (i == QT_TR_D_REL)
                continue;
            if (A->out[i].status == QT_OK)
                ck_assert_msg(B->out[i].status == QT_OK, "embedded qubit: %s not certified: %s", B->name[i], B->out[i].reason);
        }
        {
            /* D_3 - D_2 = ln(Z_3 / Z_2) = ln(1 + e^{-beta e2} / (2 cosh(beta omega / 2))) */
            arb_t bw, z2, z3;
            arb_init(bw); arb_init(z2); arb_init(z3);
            arb_set_fmpq(bw, P->beta, 160);
            arb_set_fmpq(z3, e2, 160);
            arb_mul(z3, z3, bw, 160);
            arb_neg(z3, z3);
            arb_exp(z3, z3, 160);
            arb_set_fmpq(z2, P->omega, 160);
            arb_mul(z2, z2, bw, 160);
            arb_mul_2exp_si(z2, z2, -1);
            arb_cosh(z2, z2, 160);
            arb_mul_2exp_si(z2, z2, 1);
            arb_div(z3, z3, z2, 160);
            arb_log1p(x, z3, 160);
            arb_sub(x, OUT(B, QT_TR_D_REL), x, 160);
            ck_assert_int_eq(B->out[QT_TR_D_REL].status, QT_OK);
            ck_assert_msg(qt_overlaps(x, OUT(A, QT_TR_D_REL)), "embedded qubit: D_rel - ln(Z_3/Z_2)");
            arb_set(OUT(B, QT_TR_D_REL), OUT(A, QT_TR_D_REL));
            arb_clear(bw); arb_clear(z2); arb_clear(z3);
        }
        assert_records_agree(A, B, "embedded qubit");
        qt_record_clear(A); qt_record_clear(B);
        qt_open_model_clear(M); qt_open_model_clear(Q);
        qt_qubit_davies_clear(P);
    }

    /* (3) a pure state under unitary dynamics in a block, a dephased spectator level: S = S_dot = sigma = 0 */
    for (it = 0; it < 4; it++)
    {
        slong a = 1 + (slong) n_randint(st, 5), b = (slong) n_randint(st, 5) - 2, c = 1 + (slong) n_randint(st, 3);
        qt_open_model_init(M, 3, 1);
        fmpq_set_si(M->H->re + 1, c, 2); fmpq_set_si(M->H->re + 3, c, 2);
        fmpq_set_si(M->H->re + 0, a - b, 3); fmpq_set_si(M->H->re + 8, 5, 2);
        fmpq_set_si(M->H->im + 1, -1, 4); fmpq_set_si(M->H->im + 3, 1, 4);
        fmpq_set_si(M->rho0->re + 0, a * a, a * a + b * b); fmpq_set_si(M->rho0->re + 4, b * b, a * a + b * b);
        fmpq_set_si(M->rho0->re + 1, a * b, a * a + b * b); fmpq_set_si(M->rho0->re + 3, a * b, a * a + b * b);
        M->bath[0].has_beta = 1;
        fmpq_one(M->bath[0].beta);
        qt_open_model_bath_channels(M, 0, 1);
        fmpq_one(M->bath[0].ch[0].L->re + 8);
        fmpq_set_si(M->bath[0].ch[0].gamma, 3, 10);
        M->bath[0].ch[0].kind = QT_CH_PLAIN;
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        arb_set_str(t, "1.5", 128);
        qt_traj_record_init(B, 1);
        qt_lindblad_trajectory(B, M, t, 0, 128);
        /* rank bound 1: pure at every s > 0, so S, its rates and the eigenvalue heat are exactly 0; the bath
           annihilates U2, so J, Q and the per-bath heats are exactly 0 and the three temperatures undefined */
        {
            const slong zero_out[] = { QT_TR_S, QT_TR_S_DOT, QT_TR_SIGMA, QT_TR_DS_EXTERIOR, QT_TR_DS_INTERIOR,
                                       QT_TR_QDOT_R, QT_TR_J, QT_TR_Q, QT_TR_NCORE, QT_TR_NCORE + 1 };
            for (i = 0; i < (slong) (sizeof zero_out / sizeof zero_out[0]); i++)
            {
                slong o = zero_out[i];
                ck_assert_msg(B->out[o].status == QT_OK, "pure block: %s: %s", B->name[o], B->out[o].reason);
                ck_assert_msg(arb_is_zero(OUT(B, o)), "pure block: %s is not exactly 0", B->name[o]);
            }
        }
        ck_assert_int_eq(B->out[QT_TR_BETA_A].status, QT_DOMAIN);
        ck_assert_int_eq(B->out[QT_TR_BETA_R].status, QT_DOMAIN);
        ck_assert_int_eq(B->out[QT_TR_BETA_E].status, QT_DOMAIN);
        /* the energy entropy is that of the populations of the continued pure state, and Sigma = D_0 - D_t = 0 */
        ck_assert_int_eq(B->out[QT_TR_S_E].status, QT_OK);
        ck_assert(arb_contains_zero(OUT(B, QT_TR_SIGMA_INT)));
        qt_record_clear(B);
        /* a time ball reaching below 0 gets no E12 decision for the eigenvalues (the bath stays inert: J = 0) */
        arb_set_str(t, "1e-20 +/- 1e-19", 128);
        qt_traj_record_init(B, 1);
        qt_lindblad_trajectory(B, M, t, 0, 128);
        ck_assert_int_eq(B->out[QT_TR_S_DOT].status, QT_UNCERTIFIED);
        ck_assert(arb_is_zero(OUT(B, QT_TR_J)));
        qt_record_clear(B);
        qt_open_model_clear(M);
    }

    /* (4) an eigenvalue that is positive but below the precision (a qubit at beta = 1000 from |g>): the bound says
       full rank, so nothing is marked and S_dot stays could-not-certify */
    qt_qubit_davies_init(P);
    set_qd(P, "1", "1000", "0.3", "0", "0", "0", "-1");
    qt_qubit_davies_as_open_model(M, P);
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
    arb_set_str(t, "1.5", 128);
    qt_traj_record_init(B, 1);
    qt_lindblad_trajectory(B, M, t, 0, 128);
    ck_assert_int_eq(B->out[QT_TR_S_DOT].status, QT_UNCERTIFIED);
    ck_assert(!arb_is_finite(OUT(B, QT_TR_S_DOT)));
    qt_record_clear(B);
    qt_open_model_clear(M);
    qt_qubit_davies_clear(P);

    arb_clear(t); arb_clear(x);
    fmpq_clear(e2);
    flint_randclear(st);
}
END_TEST

START_TEST(test_overlap_across_precisions)
{
    flint_rand_t st;
    qt_open_model_t M;
    qt_record_t A, B;
    arb_t t;
    char why[QT_REASON_LEN];
    slong i;
    flint_randinit(st);
    two_qubit_model(M, st, "0.5", "3");
    qt_open_model_validate(M, why);
    arb_init(t);
    arb_set_str(t, "0.75", 512);
    qt_traj_record_init(A, 2); qt_traj_record_init(B, 2);
    qt_lindblad_trajectory(A, M, t, 0, 96);
    qt_lindblad_trajectory(B, M, t, 0, 400);
    for (i = 0; i < A->nout; i++)
    {
        ck_assert_int_eq(B->out[i].status, QT_OK);
        ck_assert_msg(qt_overlaps(OUT(A, i), OUT(B, i)), "%s", A->name[i]);
        ck_assert(mag_cmp(arb_radref(OUT(B, i)), arb_radref(OUT(A, i))) <= 0);
    }
    qt_record_clear(A); qt_record_clear(B);
    qt_open_model_clear(M);
    arb_clear(t);
    flint_randclear(st);
}
END_TEST

START_TEST(test_clusters_degenerate_ball)
{
    /* lemma E7: I/4 as a ball matrix is one cluster of multiplicity 4 with P = I; a rotated
       diag(1/2, 1/4, 1/4, 0) gives three clusters whose projectors sum to I */
    acb_mat_t A, U, T, S;
    qt_herm_clusters_t C;
    char why[QT_REASON_LEN];
    slong i, c;
    arb_t s;
    acb_mat_init(A, 4, 4); acb_mat_init(U, 4, 4); acb_mat_init(T, 4, 4); acb_mat_init(S, 4, 4);
    arb_init(s);
    qt_herm_clusters_init(C);
    acb_mat_one(A);
    acb_mat_scalar_mul_2exp_si(A, A, -2);
    for (i = 0; i < 4; i++)
        mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(A, i, i))), 1, -200);
    ck_assert_int_eq(qt_herm_clusters(C, A, 256, why), QT_OK);
    ck_assert_int_eq(C->k, 1);
    ck_assert_int_eq(C->mult[0], 4);
    qt_herm_clusters_entropy(s, C, 256);
    {
        arb_t l4;
        arb_init(l4);
        arb_const_log2(l4, 256);
        arb_mul_2exp_si(l4, l4, 1);
        ck_assert(qt_overlaps(s, l4));
        arb_clear(l4);
    }
    /* Hadamard-like real orthogonal U = H2 x H2 / 2 */
    for (i = 0; i < 16; i++)
    {
        slong r = i / 4, k = i % 4;
        int sg = (__builtin_popcount((unsigned) (r & k)) % 2) ? -1 : 1;
        acb_set_si(acb_mat_entry(U, r, k), sg);
    }
    acb_mat_scalar_mul_2exp_si(U, U, -1);
    acb_mat_zero(A);
    acb_set_d(acb_mat_entry(A, 0, 0), 0.5);
    acb_set_d(acb_mat_entry(A, 1, 1), 0.25);
    acb_set_d(acb_mat_entry(A, 2, 2), 0.25);
    acb_mat_mul(T, U, A, 256);
    acb_mat_mul(A, T, U, 256);
    qt_herm_clusters_clear(C);
    ck_assert_int_eq(qt_herm_clusters(C, A, 256, why), QT_OK);
    ck_assert_int_eq(C->k, 3);
    acb_mat_zero(S);
    for (c = 0; c < C->k; c++)
        acb_mat_add(S, S, C->P + c, 256);
    acb_mat_one(T);
    for (i = 0; i < 16; i++)
        ck_assert(acb_overlaps(acb_mat_entry(S, i / 4, i % 4), acb_mat_entry(T, i / 4, i % 4)));
    qt_herm_clusters_entropy(s, C, 256);
    {
        arb_t e;
        arb_init(e);
        arb_const_log2(e, 256);
        arb_mul_ui(e, e, 3, 256);
        arb_mul_2exp_si(e, e, -1);
        ck_assert(qt_overlaps(s, e));            /* (3/2) ln 2 */
        arb_clear(e);
    }
    qt_herm_clusters_clear(C);
    acb_mat_clear(A); acb_mat_clear(U); acb_mat_clear(T); acb_mat_clear(S);
    arb_clear(s);
}
END_TEST

/* lemma E13: where the structural support keeps rho(s) block diagonal in H's eigenspaces, C_rel, its rate and the
   interior term are exact zeros.  (a) Davies qubits with a diagonal start through the general route: exact zeros, and
   S_E overlaps S, S_E_dot overlaps S_dot (each computed by its own clusters: the dephased state and the state); the
   closed-form route's C_rel contains 0.  (b) the same with a coherent start: C_rel > 0 (no shortcut).  (c) a degenerate
   H = diag(0, 0, 1) with a coherence inside the degenerate eigenspace and the jump |0><2|: still no coherence in the
   energy basis, exact zeros, S_E overlapping S */
START_TEST(test_no_coherence_exact)
{
    flint_rand_t st;
    qt_qubit_davies_t P;
    qt_open_model_t Q;
    qt_record_t A, B;
    arb_t t;
    char why[QT_REASON_LEN];
    int it;
    flint_randinit(st);
    arb_init(t);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        int coherent = it % 2;
        qt_qubit_davies_init(P);
        set_qd(P, "1", "1", "0.2", "0.05", "0", "0", "0");
        fmpq_set_si(P->omega, 1 + (slong) n_randint(st, 3), 1 + (slong) n_randint(st, 2));
        fmpq_set_si(P->beta, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->z0, (slong) n_randint(st, 13) - 6, 8);
        if (coherent)
            fmpq_set_si(P->x0, 1 + (slong) n_randint(st, 3), 8);
        ck_assert_int_eq(qt_qubit_davies_validate(P, why), QT_OK);
        qt_qubit_davies_as_open_model(Q, P);
        ck_assert_int_eq(qt_open_model_validate(Q, why), QT_OK);
        arb_set_si(t, 1 + (slong) n_randint(st, 4));
        arb_div_ui(t, t, 2, 128);
        qt_traj_record_init(A, 1); qt_traj_record_init(B, 1);
        qt_qubit_davies_trajectory(A, P, t, QT_T_GENERIC, 128);
        qt_lindblad_trajectory(B, Q, t, 0, 128);
        if (coherent)
            ck_assert(arb_is_positive(OUT(B, QT_TR_C_REL)) && arb_is_positive(OUT(A, QT_TR_C_REL)));
        else
        {
            ck_assert(arb_is_zero(OUT(B, QT_TR_C_REL)) && arb_is_zero(OUT(B, QT_TR_C_REL_DOT))
                      && arb_is_zero(OUT(B, QT_TR_PI_C)) && arb_is_zero(OUT(B, QT_TR_DS_INTERIOR)));
            ck_assert_int_eq(B->out[QT_TR_C_REL_DOT].status, QT_OK);
            ck_assert(qt_overlaps(OUT(B, QT_TR_S_E), OUT(B, QT_TR_S)));
            ck_assert(qt_overlaps(OUT(B, QT_TR_S_E_DOT), OUT(B, QT_TR_S_DOT)));
            ck_assert(arb_contains_zero(OUT(A, QT_TR_C_REL)));
        }
        qt_record_clear(A); qt_record_clear(B);
        qt_open_model_clear(Q);
        qt_qubit_davies_clear(P);
    }
    {
        qt_open_model_t M;
        qt_open_model_init(M, 3, 1);
        fmpq_one(M->H->re + 8);                                 /* H = diag(0, 0, 1) */
        fmpq_set_si(M->rho0->re + 0, 1, 4); fmpq_set_si(M->rho0->re + 4, 1, 4); fmpq_set_si(M->rho0->re + 8, 1, 2);
        fmpq_set_si(M->rho0->re + 1, 1, 8); fmpq_set_si(M->rho0->re + 3, 1, 8);     /* a coherence |0><1| */
        M->bath[0].has_beta = 1;
        fmpq_one(M->bath[0].beta);
        qt_open_model_bath_channels(M, 0, 1);
        fmpq_one(M->bath[0].ch[0].L->re + 2);                 /* |0><2| */
        fmpq_set_si(M->bath[0].ch[0].gamma, 1, 5);
        fmpq_one(M->bath[0].ch[0].omega);
        M->bath[0].ch[0].kind = QT_CH_THERMAL;
        ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
        arb_set_si(t, 1);
        qt_traj_record_init(B, 1);
        qt_lindblad_trajectory(B, M, t, 0, 128);
        ck_assert(arb_is_zero(OUT(B, QT_TR_C_REL)) && arb_is_zero(OUT(B, QT_TR_DS_INTERIOR)));
        ck_assert_int_eq(B->out[QT_TR_S].status, QT_OK);
        ck_assert_int_eq(B->out[QT_TR_S_E].status, QT_OK);
        ck_assert(qt_overlaps(OUT(B, QT_TR_S_E), OUT(B, QT_TR_S)));
        qt_record_clear(B);
        qt_open_model_clear(M);
    }
    arb_clear(t);
    flint_randclear(st);
}
END_TEST

START_TEST(test_bad_models)
{
    qt_open_model_t M;
    qt_qubit_davies_t P;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    flint_randinit(st);
    /* negative rate */
    two_qubit_model(M, st, "1", "1");
    fmpq_set_si(M->bath[0].ch[0].gamma, -1, 10);
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_DOMAIN);
    ck_assert_msg(strstr(why, "gamma") != NULL, "%s", why);
    qt_open_model_clear(M);
    /* beta <= 0 */
    two_qubit_model(M, st, "1", "-1");
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_DOMAIN);
    ck_assert_msg(strstr(why, "baths[1].beta") != NULL, "%s", why);
    qt_open_model_clear(M);
    /* beyond the budget of general trajectories: refused up front, the limit named; the budget itself is accepted */
    {
        slong n;
        for (n = QT_LINDBLAD_MAX_DIM; n <= QT_LINDBLAD_MAX_DIM + 1; n++)
        {
            slong i;
            qt_open_model_init(M, n, 0);
            for (i = 0; i < n; i++)
                fmpq_set_si(M->H->re + i * n + i, i, 1);
            fmpq_one(M->rho0->re + 0);
            if (n == QT_LINDBLAD_MAX_DIM)
            {
                /* accepted; a time whose |t| ||L|| is beyond the propagator's work cap ends every output as
                   could-not-certify, "effort cap", at once (lemma L7) */
                qt_record_t R;
                arb_t t;
                slong i;
                ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
                qt_record_init(R);
                arb_init(t);
                arb_set_ui(t, 1000000000);
                qt_lindblad_trajectory(R, M, t, 0, 64);
                ck_assert(R->nout > 0);
                for (i = 0; i < R->nout; i++)
                    ck_assert_msg(R->out[i].status == QT_UNCERTIFIED && strstr(R->out[i].reason, "effort cap") != NULL,
                                  "%s: %s", R->name[i], R->out[i].reason);
                qt_record_clear(R);
                arb_clear(t);
            }
            else
            {
                ck_assert_int_eq(qt_open_model_validate(M, why), QT_DOMAIN);
                ck_assert_msg(strstr(why, "budget") != NULL && strstr(why, "64") != NULL, "%s", why);
            }
            qt_open_model_clear(M);
        }
    }
    /* non-Hermitian H */
    two_qubit_model(M, st, "1", "1");
    fmpq_one(M->H->re + 1);
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_DOMAIN);
    ck_assert_msg(strstr(why, "H") != NULL, "%s", why);
    qt_open_model_clear(M);
    /* a jump operator that is not an eigenoperator: valid input, but no Gibbs reference */
    two_qubit_model(M, st, "1", "1");
    fmpq_one(M->bath[0].ch[0].L->re + 0);
    ck_assert_int_eq(qt_open_model_validate(M, why), QT_OK);
    ck_assert(!M->reference_ok[0]);
    {
        qt_record_t R;
        arb_t t;
        arb_init(t);
        arb_one(t);
        qt_traj_record_init(R, 2);
        qt_lindblad_trajectory(R, M, t, 0, 128);
        ck_assert_int_eq(R->out[QT_TR_SIGMA].status, QT_DOMAIN);
        ck_assert_int_eq(R->out[QT_TR_PI_D].status, QT_DOMAIN);
        ck_assert_int_eq(R->out[QT_TR_S_DOT].status, QT_OK);
        qt_record_clear(R);
        arb_clear(t);
    }
    qt_open_model_clear(M);
    /* qubit: Bloch vector too long, t* without z0 = 1 */
    qt_qubit_davies_init(P);
    set_qd(P, "1", "1", "0.2", "0", "0.8", "0.8", "0");
    ck_assert_int_eq(qt_qubit_davies_validate(P, why), QT_DOMAIN);
    set_qd(P, "1", "1", "0.2", "0", "0", "0", "0.5");
    {
        arb_t t;
        arb_init(t);
        ck_assert_int_eq(qt_qubit_davies_tstar(t, P, 64, why), QT_DOMAIN);
        arb_clear(t);
    }
    qt_qubit_davies_clear(P);
    flint_randclear(st);
}
END_TEST


static void
otto_cycle(qt_cycle_t C, const char *wh, const char *wc, const char *bh, const char *bc,
           const char *gh, const char *gc, const char *th, const char *tc)
{
    slong k;
    const char *w[2] = {wh, wc}, *b[2] = {bh, bc}, *g[2] = {gh, gc}, *t[2] = {th, tc};
    qt_cycle_init(C, 2, 2, 2);
    for (k = 0; k < 2; k++)
    {
        fmpq_t h;
        fmpq_init(h);
        qt_test_setq(h, w[k]);
        fmpq_div_2exp(C->stroke[k].H->re + 0, h, 1);
        fmpq_div_2exp(C->stroke[k].H->re + 3, h, 1);
        fmpq_neg(C->stroke[k].H->re + 3, C->stroke[k].H->re + 3);
        C->stroke[k].bath = k;
        qt_test_setq(C->stroke[k].duration, t[k]);
        qt_open_model_bath_channels(C->M, k, 1);
        C->M->bath[k].has_beta = 1;
        qt_test_setq(C->M->bath[k].beta, b[k]);
        fmpq_one(C->M->bath[k].ch[0].L->re + 2);
        qt_test_setq(C->M->bath[k].ch[0].gamma, g[k]);
        fmpq_set(C->M->bath[k].ch[0].omega, h);
        C->M->bath[k].ch[0].kind = QT_CH_THERMAL;
        fmpq_clear(h);
    }
}

/* lemma C3's populations in closed form, independent of the superoperator route: a stroke with H = (w/2) sigma_z and
   the thermal channel (gamma (nbar + 1) D[sigma_-] + gamma nbar D[sigma_+], nbar = 1/(e^{beta w} - 1)) relaxes the
   Bloch z to z_eq = -1/(2 nbar + 1) at the rate Gamma = gamma (2 nbar + 1); the cycle's z_a (end of the hot stroke) and
   z_b (end of the cold one) solve z_a = z_h + (z_b - z_h) e_h, z_b = z_c + (z_a - z_c) e_c, e = e^{-Gamma t}; the heats
   are Q_h = (w_h/2)(z_a - z_b), Q_c = (w_c/2)(z_b - z_a) */
static void
otto_heats(arb_t Qh, arb_t Qc, const char *const *w, const char *const *b, const char *const *g, const char *const *t,
           slong prec)
{
    arb_t z[2], e[2], x, y, za, zb;
    fmpq_t q;
    int k;
    fmpq_init(q);
    arb_init(x); arb_init(y); arb_init(za); arb_init(zb);
    for (k = 0; k < 2; k++)
    {
        arb_init(z[k]); arb_init(e[k]);
        qt_test_nbar(x, b[k], w[k], prec);
        arb_mul_2exp_si(x, x, 1);
        arb_add_ui(x, x, 1, prec);               /* 2 nbar + 1 */
        arb_inv(z[k], x, prec);
        arb_neg(z[k], z[k]);
        qt_test_setq(q, g[k]);
        arb_set_fmpq(y, q, prec);
        arb_mul(x, x, y, prec);                  /* Gamma */
        qt_test_setq(q, t[k]);
        arb_set_fmpq(y, q, prec);
        arb_mul(x, x, y, prec);
        arb_neg(x, x);
        arb_exp(e[k], x, prec);
    }
    /* z_a (1 - e_h e_c) = z_h (1 - e_h) + e_h z_c (1 - e_c) */
    arb_sub_ui(x, e[0], 1, prec);
    arb_neg(x, x);
    arb_mul(za, z[0], x, prec);
    arb_sub_ui(x, e[1], 1, prec);
    arb_neg(x, x);
    arb_mul(x, x, z[1], prec);
    arb_addmul(za, x, e[0], prec);
    arb_mul(x, e[0], e[1], prec);
    arb_sub_ui(x, x, 1, prec);
    arb_neg(x, x);
    arb_div(za, za, x, prec);
    arb_sub(zb, za, z[1], prec);
    arb_mul(zb, zb, e[1], prec);
    arb_add(zb, zb, z[1], prec);
    arb_sub(x, za, zb, prec);
    qt_test_setq(q, w[0]);
    arb_set_fmpq(y, q, prec);
    arb_mul(Qh, x, y, prec);
    arb_mul_2exp_si(Qh, Qh, -1);
    qt_test_setq(q, w[1]);
    arb_set_fmpq(y, q, prec);
    arb_mul(Qc, x, y, prec);
    arb_mul_2exp_si(Qc, Qc, -1);
    arb_neg(Qc, Qc);
    for (k = 0; k < 2; k++)
    {
        arb_clear(z[k]); arb_clear(e[k]);
    }
    arb_clear(x); arb_clear(y); arb_clear(za); arb_clear(zb);
    fmpq_clear(q);
}

START_TEST(test_cycle_otto_heats)
{
    /* lemma C3: the limit cycle's heats against the closed form of otto_heats (an engine, a refrigerator, strokes
       from 1/3 to 10 and rates far apart), overlapping and within 40 bits of the precision */
    static const char *cases[][8] = {{"2", "1", "0.5", "2", "0.3", "0.2", "3", "4"},
                                     {"2", "1", "0.5", "2", "0.3", "0.2", "1/3", "2/3"},
                                     {"2", "1", "1.5", "2", "0.3", "0.2", "2", "2"},
                                     {"5", "1/2", "1/10", "3", "2", "1/20", "10", "1/7"}};
    int i;
    for (i = 0; i < 4; i++)
    {
        qt_cycle_t C;
        qt_record_t R;
        arb_t Qh, Qc;
        char why[QT_REASON_LEN];
        const char *w[2] = {cases[i][0], cases[i][1]}, *b[2] = {cases[i][2], cases[i][3]};
        const char *g[2] = {cases[i][4], cases[i][5]}, *t[2] = {cases[i][6], cases[i][7]};
        arb_init(Qh); arb_init(Qc);
        otto_cycle(C, w[0], w[1], b[0], b[1], g[0], g[1], t[0], t[1]);
        ck_assert_int_eq(qt_cycle_validate(C, why), QT_OK);
        qt_traj_record_init(R, 0);
        qt_cycle_evaluate(R, C, 160);
        otto_heats(Qh, Qc, w, b, g, t, 256);
        ck_assert_msg(qt_overlaps(OUT(R, 0), Qh) && qt_overlaps(OUT(R, 1), Qc), "Otto heats, case %d", i);
        ck_assert(arb_rel_accuracy_bits(OUT(R, 0)) > 120 && arb_rel_accuracy_bits(OUT(R, 1)) > 120);
        qt_record_clear(R);
        qt_cycle_clear(C);
        arb_clear(Qh); arb_clear(Qc);
    }
}
END_TEST

START_TEST(test_cycle_otto_efficiency)
{
    /* lemma C3: the qubit Otto engine has eta = 1 - w_c/w_h for any durations and rates; the two
       efficiency forms agree (Q_c <= 0), W = -(Q_h + Q_c), sum beta_j Q_j <= 0, eta <= eta_carnot */
    static const char *dur[][2] = {{"3", "4"}, {"0.5", "7"}, {"10", "10"}, {"1/3", "2/3"}};
    int i;
    for (i = 0; i < 4; i++)
    {
        qt_cycle_t C;
        qt_record_t R;
        arb_t x;
        char why[QT_REASON_LEN];
        otto_cycle(C, "2", "1", "0.5", "2", "0.3", "0.2", dur[i][0], dur[i][1]);
        ck_assert_int_eq(qt_cycle_validate(C, why), QT_OK);
        ck_assert(C->thermal_ok);
        qt_traj_record_init(R, 0);
        qt_cycle_evaluate(R, C, 160);
        arb_init(x);
        arb_set_d(x, 0.5);
        ck_assert_msg(qt_overlaps(x, OUT(R, 3)), "Otto efficiency");
        ck_assert(qt_overlaps(OUT(R, 3), OUT(R, 4)));
        arb_add(x, OUT(R, 0), OUT(R, 1), 160);
        arb_add(x, x, OUT(R, 2), 160);
        ck_assert(arb_contains_zero(x));
        ck_assert(arb_is_negative(OUT(R, 6)));
        arb_sub(x, OUT(R, 5), OUT(R, 3), 160);
        ck_assert(arb_is_positive(x));
        qt_record_clear(R);
        qt_cycle_clear(C);
        arb_clear(x);
    }
}
END_TEST

START_TEST(test_cycle_refrigerator_and_equilibrium)
{
    /* beta_h w_h > beta_c w_c: heat flows out of the hot bath, eta is undefined (not an engine);
       one bath at one temperature and one H: the limit cycle is the Gibbs state, nothing flows */
    qt_cycle_t C;
    qt_record_t R;
    char why[QT_REASON_LEN];
    otto_cycle(C, "2", "1", "1.5", "2", "0.3", "0.2", "2", "2");
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_OK);
    qt_traj_record_init(R, 0);
    qt_cycle_evaluate(R, C, 128);
    ck_assert(arb_is_negative(OUT(R, 0)));
    ck_assert_int_eq(R->out[3].status, QT_DOMAIN);
    ck_assert(!arb_is_positive(OUT(R, 6)));
    qt_record_clear(R);
    qt_cycle_clear(C);
    otto_cycle(C, "1", "1", "1", "1", "0.3", "0.2", "2", "2");
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_OK);
    qt_traj_record_init(R, 0);
    qt_cycle_evaluate(R, C, 128);
    ck_assert(arb_contains_zero(OUT(R, 0)) && arb_contains_zero(OUT(R, 1)) && arb_contains_zero(OUT(R, 2)));
    ck_assert_int_eq(R->out[3].status, QT_DOMAIN);          /* equal temperatures */
    qt_record_clear(R);
    qt_cycle_clear(C);
    /* bad strokes */
    otto_cycle(C, "2", "1", "0.5", "2", "0.3", "0.2", "0", "2");
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_DOMAIN);
    ck_assert(strstr(why, "strokes[0].duration") != NULL);
    qt_cycle_clear(C);
    otto_cycle(C, "2", "1", "0.5", "2", "0.3", "0.2", "1", "2");
    C->stroke[1].bath = 5;
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_DOMAIN);
    ck_assert(strstr(why, "strokes[1].bath") != NULL);
    qt_cycle_clear(C);
    /* a channel at the wrong frequency for its stroke: valid, but not thermal */
    otto_cycle(C, "2", "1", "0.5", "2", "0.3", "0.2", "1", "2");
    fmpq_set_si(C->M->bath[0].ch[0].omega, 3, 1);
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_OK);
    ck_assert(!C->thermal_ok);
    qt_cycle_clear(C);
}
END_TEST


/* ---- identities 7, 9, 10 of docs/physics/open_systems.md §5 with the ball-matrix machinery (E7, E8) ---- */

/* S(X) and tr(Y ln X) for a Hermitian ball matrix X (full rank here) */
static void
ball_entropy(arb_t S, const acb_mat_t X, slong prec)
{
    qt_herm_clusters_t C;
    char why[QT_REASON_LEN];
    qt_herm_clusters_init(C);
    ck_assert_int_eq(qt_herm_clusters(C, X, prec, why), QT_OK);
    qt_herm_clusters_entropy(S, C, prec);
    qt_herm_clusters_clear(C);
}

/* D(A || B) = -S(A) - tr(A ln B) */
static void
ball_relative_entropy(arb_t D, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    qt_herm_clusters_t C;
    char why[QT_REASON_LEN];
    arb_t t;
    arb_init(t);
    qt_herm_clusters_init(C);
    ck_assert_int_eq(qt_herm_clusters(C, B, prec, why), QT_OK);
    ck_assert_int_eq(qt_herm_clusters_log_trace(t, C, A, NULL, prec, why), QT_OK);
    ball_entropy(D, A, prec);
    arb_add(D, D, t, prec);
    arb_neg(D, D);
    qt_herm_clusters_clear(C);
    arb_clear(t);
}

/* Gibbs state e^{-beta H}/Z of an exact H as a ball matrix, and ln Z */
static void
gibbs_ball(acb_mat_t G, arb_t lnZ, const qt_qmat_t H, const arb_t beta, slong prec)
{
    qt_eigenprojectors_t E;
    char why[QT_REASON_LEN];
    arb_t w, Z;
    acb_mat_t T;
    slong k;
    qt_eigenprojectors_init(E);
    ck_assert_int_eq(qt_eigenprojectors(E, H, prec, why), QT_OK);
    arb_init(w); arb_init(Z);
    acb_mat_init(T, H->n, H->n);
    acb_mat_zero(G);
    arb_zero(Z);
    for (k = 0; k < E->k; k++)
    {
        arb_mul(w, beta, E->lambda + k, prec);
        arb_neg(w, w);
        arb_exp(w, w, prec);
        acb_mat_scalar_mul_arb(T, E->P + k, w, prec);
        acb_mat_add(G, G, T, prec);
        arb_addmul_si(Z, w, E->mult[k], prec);
    }
    acb_mat_scalar_div_arb(G, G, Z, prec);
    arb_log(lnZ, Z, prec);
    qt_eigenprojectors_clear(E);
    arb_clear(w); arb_clear(Z);
    acb_mat_clear(T);
}

/* random exact Hermitian matrix with small integer entries */
static void
random_hermitian(qt_qmat_t H, flint_rand_t st)
{
    slong n = H->n, i, j;
    for (i = 0; i < n; i++)
        for (j = i; j < n; j++)
        {
            fmpq_set_si(H->re + i * n + j, (slong) n_randint(st, 7) - 3, 2);
            fmpq_set(H->re + j * n + i, H->re + i * n + j);
            if (i != j)
            {
                fmpq_set_si(H->im + i * n + j, (slong) n_randint(st, 5) - 2, 2);
                fmpq_neg(H->im + j * n + i, H->im + i * n + j);
            }
        }
}

/* U = exp(-i t H) */
static void
unitary(acb_mat_t U, const qt_qmat_t H, const arb_t t, slong prec)
{
    slong i, j, n = H->n;
    qt_qmat_get_acb_mat(U, H, prec);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            acb_mul_arb(acb_mat_entry(U, i, j), acb_mat_entry(U, i, j), t, prec);
            acb_div_onei(acb_mat_entry(U, i, j), acb_mat_entry(U, i, j));
        }
    acb_mat_exp(U, U, prec);
}

static void
conjugate_by(acb_mat_t Y, const acb_mat_t U, const acb_mat_t X, slong prec)
{
    acb_mat_t T, Ud;
    acb_mat_init(T, acb_mat_nrows(X), acb_mat_nrows(X));
    acb_mat_init(Ud, acb_mat_nrows(X), acb_mat_nrows(X));
    acb_mat_conjugate_transpose(Ud, U);
    acb_mat_mul(T, U, X, prec);
    acb_mat_mul(Y, T, Ud, prec);
    qt_acb_mat_hermitian_part(Y, Y, prec);
    acb_mat_clear(T); acb_mat_clear(Ud);
}

START_TEST(test_identity_deffner_lutz_2010)
{
    /* identity 10: a closed system starting in e^{-beta H0}/Z0 is quenched to H1 and evolves for tau:
       beta (W - Delta F) = D(rho_tau || e^{-beta H1}/Z1), with W = tr(rho_tau H1) - tr(rho_0 H0) and
       Delta F = -(ln Z1 - ln Z0)/beta; the right side through the certified clusters of two ball matrices */
    flint_rand_t st;
    int it;
    slong prec = 160;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_qmat_t H0, H1;
        acb_mat_t r0, r1, U, rt, Hb;
        arb_t beta, lnZ0, lnZ1, W, x, D, tau;
        qt_qmat_init(H0, 3); qt_qmat_init(H1, 3);
        random_hermitian(H0, st);
        random_hermitian(H1, st);
        acb_mat_init(r0, 3, 3); acb_mat_init(r1, 3, 3); acb_mat_init(U, 3, 3); acb_mat_init(rt, 3, 3); acb_mat_init(Hb, 3, 3);
        arb_init(beta); arb_init(lnZ0); arb_init(lnZ1); arb_init(W); arb_init(x); arb_init(D); arb_init(tau);
        arb_set_si(beta, 1 + it);
        arb_mul_2exp_si(beta, beta, -1);
        arb_set_si(tau, 1 + (slong) n_randint(st, 5));
        gibbs_ball(r0, lnZ0, H0, beta, prec);
        gibbs_ball(r1, lnZ1, H1, beta, prec);
        unitary(U, H1, tau, prec);
        conjugate_by(rt, U, r0, prec);
        qt_qmat_get_acb_mat(Hb, H1, prec);
        qt_acb_mat_trace_product_re(W, rt, Hb, prec);
        qt_qmat_get_acb_mat(Hb, H0, prec);
        qt_acb_mat_trace_product_re(x, r0, Hb, prec);
        arb_sub(W, W, x, prec);
        /* beta W + ln Z1 - ln Z0 */
        arb_mul(x, beta, W, prec);
        arb_add(x, x, lnZ1, prec);
        arb_sub(x, x, lnZ0, prec);
        ball_relative_entropy(D, rt, r1, prec);
        ck_assert_msg(qt_overlaps(x, D), "Deffner-Lutz 2010 identity");
        ck_assert(mag_cmp_2exp_si(arb_radref(D), -100) < 0 && mag_cmp_2exp_si(arb_radref(x), -100) < 0);
        ck_assert(!arb_is_negative(D));
        qt_qmat_clear(H0); qt_qmat_clear(H1);
        acb_mat_clear(r0); acb_mat_clear(r1); acb_mat_clear(U); acb_mat_clear(rt); acb_mat_clear(Hb);
        arb_clear(beta); arb_clear(lnZ0); arb_clear(lnZ1); arb_clear(W); arb_clear(x); arb_clear(D); arb_clear(tau);
    }
    flint_randclear(st);
}
END_TEST

/* partial traces of a (2 x 3) ball matrix, basis index = 3 s + r */
static void
partial_traces(acb_mat_t A, acb_mat_t B, const acb_mat_t X, slong prec)
{
    slong s, s2, r, r2;
    acb_mat_zero(A);
    acb_mat_zero(B);
    for (s = 0; s < 2; s++)
        for (s2 = 0; s2 < 2; s2++)
            for (r = 0; r < 3; r++)
                acb_add(acb_mat_entry(A, s, s2), acb_mat_entry(A, s, s2), acb_mat_entry(X, 3 * s + r, 3 * s2 + r), prec);
    for (r = 0; r < 3; r++)
        for (r2 = 0; r2 < 3; r2++)
            for (s = 0; s < 2; s++)
                acb_add(acb_mat_entry(B, r, r2), acb_mat_entry(B, r, r2), acb_mat_entry(X, 3 * s + r, 3 * s + r2), prec);
}

START_TEST(test_identity_esposito)
{
    /* identity 9: rho_S x rho_R^beta under a global unitary: Delta S_S - beta Q = I(S:R) + D(rho_R' || rho_R^beta),
       Q = -tr(H_R (rho_R' - rho_R^beta)) the heat into the system; every entropy from certified clusters */
    flint_rand_t st;
    int it;
    slong prec = 160, i, j;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_qmat_t HR, Htot, rS;
        acb_mat_t gR, rSb, rho, U, rho1, A, B, Hb;
        arb_t beta, lnZ, SS0, SS1, SR1, Stot, Dr, Q, x, y, t;
        qt_qmat_init(HR, 3); qt_qmat_init(Htot, 6); qt_qmat_init(rS, 2);
        random_hermitian(HR, st);
        random_hermitian(Htot, st);
        random_state(rS, st, 2, 2);
        acb_mat_init(gR, 3, 3); acb_mat_init(rSb, 2, 2); acb_mat_init(rho, 6, 6); acb_mat_init(U, 6, 6);
        acb_mat_init(rho1, 6, 6); acb_mat_init(A, 2, 2); acb_mat_init(B, 3, 3); acb_mat_init(Hb, 3, 3);
        arb_init(beta); arb_init(lnZ); arb_init(SS0); arb_init(SS1); arb_init(SR1); arb_init(Stot); arb_init(Dr);
        arb_init(Q); arb_init(x); arb_init(y); arb_init(t);
        arb_one(beta);
        gibbs_ball(gR, lnZ, HR, beta, prec);
        qt_qmat_get_acb_mat(rSb, rS, prec);
        for (i = 0; i < 6; i++)
            for (j = 0; j < 6; j++)
                acb_mul(acb_mat_entry(rho, i, j), acb_mat_entry(rSb, i / 3, j / 3), acb_mat_entry(gR, i % 3, j % 3), prec);
        arb_set_si(t, 1 + it);
        unitary(U, Htot, t, prec);
        conjugate_by(rho1, U, rho, prec);
        partial_traces(A, B, rho1, prec);
        ball_entropy(SS0, rSb, prec);
        ball_entropy(SS1, A, prec);
        ball_entropy(SR1, B, prec);
        ball_entropy(Stot, rho1, prec);
        ball_relative_entropy(Dr, B, gR, prec);
        qt_qmat_get_acb_mat(Hb, HR, prec);
        acb_mat_sub(B, B, gR, prec);
        qt_acb_mat_trace_product_re(Q, B, Hb, prec);
        arb_neg(Q, Q);
        /* left: S_S' - S_S - beta Q; right: S_S' + S_R' - S_tot' + D (S_tot' = S(rho) = S_S + S(rho_R^beta)) */
        arb_sub(x, SS1, SS0, prec);
        arb_submul(x, beta, Q, prec);
        arb_add(y, SS1, SR1, prec);
        arb_sub(y, y, Stot, prec);
        arb_add(y, y, Dr, prec);
        ck_assert_msg(qt_overlaps(x, y), "Esposito-Lindenberg-Van den Broeck identity");
        ck_assert(mag_cmp_2exp_si(arb_radref(y), -100) < 0 && mag_cmp_2exp_si(arb_radref(x), -100) < 0);
        ck_assert(!arb_is_negative(y));
        qt_qmat_clear(HR); qt_qmat_clear(Htot); qt_qmat_clear(rS);
        acb_mat_clear(gR); acb_mat_clear(rSb); acb_mat_clear(rho); acb_mat_clear(U);
        acb_mat_clear(rho1); acb_mat_clear(A); acb_mat_clear(B); acb_mat_clear(Hb);
        arb_clear(beta); arb_clear(lnZ); arb_clear(SS0); arb_clear(SS1); arb_clear(SR1); arb_clear(Stot); arb_clear(Dr);
        arb_clear(Q); arb_clear(x); arb_clear(y); arb_clear(t);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_identity_population_clausius)
{
    /* identity 7: Pi_d = J (beta_E - beta_B), on the closed forms and on the general route */
    qt_qubit_davies_t P;
    qt_record_t R;
    arb_t t, x;
    int k;
    qt_qubit_davies_init(P);
    arb_init(t); arb_init(x);
    for (k = 0; k < 3; k++)
    {
        set_qd(P, "1", k == 0 ? "1" : k == 1 ? "0.3" : "4", "0.2", "0.05", "0.6", "0.1", "0.6");
        arb_set_si(t, 1 + 2 * k);
        qt_traj_record_init(R, 1);
        qt_qubit_davies_trajectory(R, P, t, QT_T_GENERIC, 128);
        arb_set_fmpq(x, P->beta, 128);
        arb_sub(x, OUT(R, QT_TR_BETA_E), x, 128);
        arb_mul(x, x, OUT(R, QT_TR_J), 128);
        ck_assert(qt_overlaps(x, OUT(R, QT_TR_PI_D)));
        qt_record_clear(R);
    }
    qt_qubit_davies_clear(P);
    arb_clear(t); arb_clear(x);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("trajectory");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_closed_form_vs_general_route);
    tcase_add_test(tc, test_digits_record_driver);
    tcase_add_test(tc, test_tstar_exact_values);
    tcase_add_test(tc, test_identities_two_qubits);
    tcase_add_test(tc, test_t0_against_state_functions);
    tcase_add_test(tc, test_steady_state_is_gibbs);
    tcase_add_test(tc, test_davies_inequalities_and_bures);
    tcase_add_test(tc, test_pure_dephasing_and_phase_covariance);
    tcase_add_test(tc, test_pure_start_infinities);
    tcase_add_test(tc, test_zero_eigenvalues_after_t0);
    tcase_add_test(tc, test_overlap_across_precisions);
    tcase_add_test(tc, test_clusters_degenerate_ball);
    tcase_add_test(tc, test_no_coherence_exact);
    tcase_add_test(tc, test_bad_models);
    tcase_add_test(tc, test_cycle_otto_efficiency);
    tcase_add_test(tc, test_cycle_otto_heats);
    tcase_add_test(tc, test_cycle_refrigerator_and_equilibrium);
    tcase_add_test(tc, test_identity_deffner_lutz_2010);
    tcase_add_test(tc, test_identity_esposito);
    tcase_add_test(tc, test_identity_population_clausius);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
