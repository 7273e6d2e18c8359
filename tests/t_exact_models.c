/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_exact_models.c -- the exactly solvable open models against independent references: the Fano-Anderson
 * propagator G against the companion-matrix exponential, its non-Markovian signs and first zero, its identities on
 * random models; the damped mode against brute-force Fock sums, the truncated generator, the pure start and the
 * identities of docs/physics/open_systems.md §5; the Fock series' effort budget (QT_FOCK_MAX_TERMS) refusing at once.
 * Random inputs from fixed seeds. */
#include <stdio.h>
#include <string.h>
#include "qt_test.h"
#include "qtoracle/trajectory.h"

#define OUT(R, i) (&(R)->out[i].value)

static void
set_fa(qt_fano_anderson_t P, const char *g0, const char *lam, const char *om, const char *p1)
{
    qt_test_setq(P->gamma0, g0); qt_test_setq(P->lambda, lam); qt_test_setq(P->omega0, om); qt_test_setq(P->p1, p1);
}

START_TEST(test_fano_G_against_companion_exponential)
{
    /* lemma F1: (G, G') = exp(t [[0, 1], [-gamma0 lambda/2, -lambda]]) (1, 0), an independent
       certified route (acb_mat_exp), for both regimes (d real and d imaginary) and d = 0 */
    static const char *cases[][2] = {{"1", "0.2"}, {"0.05", "1"}, {"0.5", "1"}, {"3", "0.7"}};
    int c, k;
    for (c = 0; c < 4; c++)
        for (k = 0; k < 5; k++)
        {
            qt_fano_anderson_t P;
            acb_mat_t A;
            arb_t t, G, Gd, x;
            slong prec = 200;
            qt_fano_anderson_init(P);
            set_fa(P, cases[c][0], cases[c][1], "1", "0.5");
            acb_mat_init(A, 2, 2);
            arb_init(t); arb_init(G); arb_init(Gd); arb_init(x);
            arb_set_si(t, 3 * k + 1);
            arb_mul_2exp_si(t, t, -1);
            qt_fano_anderson_G(G, Gd, P, t, prec);
            acb_one(acb_mat_entry(A, 0, 1));
            arb_set_fmpq(x, P->gamma0, prec);
            arb_mul_fmpz(x, x, fmpq_numref(P->lambda), prec);
            arb_div_fmpz(x, x, fmpq_denref(P->lambda), prec);
            arb_mul_2exp_si(x, x, -1);
            arb_neg(x, x);
            acb_set_arb(acb_mat_entry(A, 1, 0), x);
            arb_set_fmpq(x, P->lambda, prec);
            arb_neg(x, x);
            acb_set_arb(acb_mat_entry(A, 1, 1), x);
            acb_mat_scalar_mul_arb(A, A, t, prec);
            acb_mat_exp(A, A, prec);
            ck_assert(qt_overlaps(G, acb_realref(acb_mat_entry(A, 0, 0))));
            ck_assert(qt_overlaps(Gd, acb_realref(acb_mat_entry(A, 1, 0))));
            ck_assert(mag_cmp_2exp_si(arb_radref(G), -150) < 0);
            acb_mat_clear(A);
            arb_clear(t); arb_clear(G); arb_clear(Gd); arb_clear(x);
            qt_fano_anderson_clear(P);
        }
}
END_TEST

START_TEST(test_fano_non_markovian_signs_and_zero)
{
    /* the vector case N1: gamma0 = 1, lambda = 0.2, omega0 = 1, |c0|^2 = |c1|^2 = 1/2.
       At t = 8: Phi_C = Pi_c < 0 and J > 0 with a T = 0 reservoir (certified signs).
       At the first zero of G: the state is |0>, S = S_dot = J = 0 exactly and the temperatures are 0/0.
       At t = 0: G' = 0, so S_dot = 0 exactly (lemma F3). */
    qt_fano_anderson_t P;
    qt_record_t R;
    arb_t t, G, Gd, x;
    char why[QT_REASON_LEN];
    qt_fano_anderson_init(P);
    set_fa(P, "1", "0.2", "1", "1/2");
    arb_init(t); arb_init(G); arb_init(Gd); arb_init(x);
    arb_set_si(t, 8);
    qt_traj_record_init(R, 1);
    qt_fano_anderson_trajectory(R, P, t, QT_T_GENERIC, 128);
    ck_assert(arb_is_negative(OUT(R, QT_TR_PI_C)));
    ck_assert(arb_is_positive(OUT(R, QT_TR_J)));
    ck_assert_int_eq(R->out[QT_TR_SIGMA].status, QT_DOMAIN);
    ck_assert(qt_arb_is_exact_inf(OUT(R, QT_TR_D_REL)));
    /* beta_E is the population temperature ln((1 - p1)/p1)/omega0 (a state function) */
    qt_fano_anderson_G(G, Gd, P, t, 128);
    arb_sqr(x, G, 128);
    arb_mul_2exp_si(x, x, -1);                    /* p1 = G^2 / 2 */
    arb_sub_ui(G, x, 1, 128);
    arb_neg(G, G);
    arb_div(G, G, x, 128);
    arb_log(G, G, 128);
    ck_assert(qt_overlaps(G, OUT(R, QT_TR_BETA_E)));
    qt_record_clear(R);
    ck_assert_int_eq(qt_fano_anderson_tzero(t, P, 128, why), QT_OK);
    qt_fano_anderson_G(G, Gd, P, t, 128);
    ck_assert(arb_contains_zero(G));
    ck_assert(!arb_contains_zero(Gd));
    qt_traj_record_init(R, 1);
    qt_fano_anderson_trajectory(R, P, t, QT_T_STAR, 128);
    ck_assert(arb_is_zero(OUT(R, QT_TR_S)) && arb_is_zero(OUT(R, QT_TR_S_DOT)) && arb_is_zero(OUT(R, QT_TR_J)));
    ck_assert_int_eq(R->out[QT_TR_BETA_A].status, QT_DOMAIN);
    qt_record_clear(R);
    /* just before the zero the general formula is finite and S_dot < 0 (purification) */
    arb_sub_ui(t, t, 1, 128);
    qt_traj_record_init(R, 1);
    qt_fano_anderson_trajectory(R, P, t, QT_T_GENERIC, 128);
    ck_assert_int_eq(R->out[QT_TR_S_DOT].status, QT_OK);
    ck_assert(arb_is_negative(OUT(R, QT_TR_S_DOT)));
    qt_record_clear(R);
    arb_zero(t);
    qt_traj_record_init(R, 1);
    qt_fano_anderson_trajectory(R, P, t, QT_T_ZERO, 128);
    ck_assert(arb_is_zero(OUT(R, QT_TR_S_DOT)));
    ck_assert(arb_is_zero(OUT(R, QT_TR_S)));
    qt_record_clear(R);
    /* no zero without memory domination */
    set_fa(P, "0.05", "1", "1", "1/2");
    ck_assert_int_eq(qt_fano_anderson_tzero(t, P, 128, why), QT_DOMAIN);
    set_fa(P, "1", "0", "1", "1/2");
    ck_assert_int_eq(qt_fano_anderson_validate(P, why), QT_DOMAIN);
    set_fa(P, "1", "1", "1", "3/2");
    ck_assert_int_eq(qt_fano_anderson_validate(P, why), QT_DOMAIN);
    arb_clear(t); arb_clear(G); arb_clear(Gd); arb_clear(x);
    qt_fano_anderson_clear(P);
}
END_TEST

START_TEST(test_fano_identities_random)
{
    /* on random parameters: d_iS = 0, d_eS = S_dot, C_rel >= 0, identical statuses and overlapping values
       at 96 and 300 bits (G and G' themselves are checked against the companion exponential above) */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(30); it++)
    {
        qt_fano_anderson_t P;
        qt_record_t A, B;
        arb_t t;
        slong i;
        qt_fano_anderson_init(P);
        fmpq_set_si(P->gamma0, 1 + (slong) n_randint(st, 20), 10);
        fmpq_set_si(P->lambda, 1 + (slong) n_randint(st, 20), 10);
        fmpq_set_si(P->omega0, 1 + (slong) n_randint(st, 3), 1);
        fmpq_set_si(P->p1, (slong) n_randint(st, 9), 8);
        arb_init(t);
        arb_set_si(t, 1 + (slong) n_randint(st, 40));
        arb_mul_2exp_si(t, t, -2);
        qt_traj_record_init(A, 1); qt_traj_record_init(B, 1);
        qt_fano_anderson_trajectory(A, P, t, QT_T_GENERIC, 96);
        qt_fano_anderson_trajectory(B, P, t, QT_T_GENERIC, 300);
        for (i = 0; i < A->nout; i++)
        {
            ck_assert_int_eq(A->out[i].status == QT_DOMAIN, B->out[i].status == QT_DOMAIN);
            if (A->out[i].status == QT_OK && B->out[i].status == QT_OK)
                ck_assert_msg(qt_overlaps(OUT(A, i), OUT(B, i)) || (qt_arb_is_exact_inf(OUT(A, i)) && arb_equal(OUT(A, i), OUT(B, i))), "%s", A->name[i]);
        }
        if (B->out[QT_TR_C_REL].status == QT_OK)
            ck_assert(!arb_is_negative(OUT(B, QT_TR_C_REL)));
        ck_assert(arb_is_zero(OUT(B, QT_TR_DS_INTERIOR)));
        ck_assert(arb_equal(OUT(B, QT_TR_DS_EXTERIOR), OUT(B, QT_TR_S_DOT)));
        qt_record_clear(A); qt_record_clear(B);
        qt_fano_anderson_clear(P);
        arb_clear(t);
    }
    flint_randclear(st);
}
END_TEST


static void
set_dm(qt_damped_mode_t P, const char *om, const char *be, const char *ka, const char *are, const char *aim)
{
    qt_test_setq(P->omega, om); qt_test_setq(P->beta, be); qt_test_setq(P->kappa, ka);
    qt_test_setq(P->alpha_re, are); qt_test_setq(P->alpha_im, aim);
}

START_TEST(test_damped_mode_against_brute_force)
{
    /* the vector case B1 (beta omega = 1, kappa = 0.1, alpha0 = 1) at t = 2: the energy entropy and its
       rate from a 120-term mpmath brute force at 40 digits (Laguerre populations, Pauli rates; the neglected
       tail is below 1e-60): S_E = 1.295098005424560740338665433121685864581,
       S_E_dot = -0.01072872140163026514492290456292529889663 */
    qt_damped_mode_t P;
    qt_record_t R;
    arb_t t, x;
    qt_damped_mode_init(P);
    set_dm(P, "1", "1", "0.1", "1", "0");
    arb_init(t); arb_init(x);
    arb_set_si(t, 2);
    qt_traj_record_init(R, 1);
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 160);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_OK);
    arb_set_str(x, "1.295098005424560740338665433121685864581 +/- 1e-39", 160);
    ck_assert(qt_overlaps(x, OUT(R, QT_TR_S_E)));
    arb_set_str(x, "-0.01072872140163026514492290456292529889663 +/- 1e-40", 160);
    ck_assert(qt_overlaps(x, OUT(R, QT_TR_S_E_DOT)));
    ck_assert(mag_cmp_2exp_si(arb_radref(OUT(R, QT_TR_S_E)), -100) < 0);
    qt_record_clear(R);
    qt_damped_mode_clear(P);
    arb_clear(t); arb_clear(x);
}
END_TEST

/* M3 (docs/physics/open_systems.md §3): the coherent part mu = mu0 e^{-kappa t} and the thermal part v = nbar (1 - e^{-kappa t})
   of the displaced thermal state at t, written here for the tests (the library's damped_mode.c is not used) */
static void
damped_mean_and_thermal(arb_t mu, arb_t v, const arb_t mu0, const arb_t kappa, const arb_t nbar, const arb_t t, slong prec)
{
    arb_t e;
    arb_init(e);
    arb_mul(e, kappa, t, prec);
    arb_neg(e, e);
    arb_exp(e, e, prec);                            /* e^{-kappa t} */
    arb_mul(mu, mu0, e, prec);
    arb_sub_ui(v, e, 1, prec);
    arb_neg(v, v);
    arb_mul(v, v, nbar, prec);
    arb_clear(e);
}

START_TEST(test_damped_mode_identities_random)
{
    /* on random parameters: sigma from the closed form of docs/physics/open_systems.md §3 M3,
       kappa [(nbar - v)(ln((1+v)/v) - beta omega) + beta omega mu], against S_dot - beta J (computed from
       other formulas); Pi_d, Pi_c >= 0 (phase-covariant semigroup); S <= S_E; overlap across precisions;
       a thermal start (alpha0 = 0) has C_rel = 0 */
    flint_rand_t st;
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(20); it++)
    {
        qt_damped_mode_t P;
        qt_record_t A, B;
        arb_t t, nb, v, mu, x, y, be;
        slong i, prec = 128;
        qt_damped_mode_init(P);
        set_dm(P, "1", "1", "0.1", "0", "0");
        fmpq_set_si(P->omega, 1 + (slong) n_randint(st, 3), 2);
        fmpq_set_si(P->beta, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->kappa, 1 + (slong) n_randint(st, 10), 20);
        fmpq_set_si(P->alpha_re, (slong) n_randint(st, 7) - 3, 2);
        fmpq_set_si(P->alpha_im, (slong) n_randint(st, 5) - 2, 2);
        arb_init(t); arb_init(nb); arb_init(v); arb_init(mu); arb_init(x); arb_init(y); arb_init(be);
        arb_set_si(t, 1 + (slong) n_randint(st, 40));
        arb_mul_2exp_si(t, t, -2);
        qt_traj_record_init(A, 1); qt_traj_record_init(B, 1);
        qt_damped_mode_trajectory(A, P, t, QT_T_GENERIC, prec);
        qt_damped_mode_trajectory(B, P, t, QT_T_GENERIC, 2 * prec);
        for (i = 0; i < A->nout; i++)
        {
            ck_assert_msg(A->out[i].status == QT_OK, "%s: %s", A->name[i], A->out[i].reason);
            ck_assert_msg(qt_overlaps(OUT(A, i), OUT(B, i)), "%s", A->name[i]);
        }
        /* closed-form sigma */
        arb_set_fmpq(be, P->beta, prec);
        arb_set_fmpq(x, P->omega, prec);
        arb_mul(be, be, x, prec);                   /* beta omega */
        arb_expm1(x, be, prec);
        arb_inv(nb, x, prec);
        arb_set_fmpq(x, P->alpha_re, prec);
        arb_sqr(x, x, prec);
        arb_set_fmpq(y, P->alpha_im, prec);
        arb_addmul(x, y, y, prec);                  /* mu0 = |alpha0|^2 */
        arb_set_fmpq(y, P->kappa, prec);
        damped_mean_and_thermal(mu, v, x, y, nb, t, prec);
        arb_add_ui(x, v, 1, prec);
        arb_div(x, x, v, prec);
        arb_log(x, x, prec);
        arb_sub(x, x, be, prec);
        arb_sub(y, nb, v, prec);
        arb_mul(x, x, y, prec);
        arb_addmul(x, be, mu, prec);
        arb_set_fmpq(y, P->kappa, prec);
        arb_mul(x, x, y, prec);
        ck_assert(qt_overlaps(x, OUT(A, QT_TR_SIGMA)));
        ck_assert(!arb_is_negative(OUT(A, QT_TR_PI_D)));
        ck_assert(!arb_is_negative(OUT(A, QT_TR_PI_C)));
        ck_assert(!arb_is_negative(OUT(A, QT_TR_C_REL)));
        if (fmpq_is_zero(P->alpha_re) && fmpq_is_zero(P->alpha_im))
            ck_assert(arb_is_zero(OUT(A, QT_TR_C_REL)));
        qt_record_clear(A); qt_record_clear(B);
        qt_damped_mode_clear(P);
        arb_clear(t); arb_clear(nb); arb_clear(v); arb_clear(mu); arb_clear(x); arb_clear(y); arb_clear(be);
    }
    flint_randclear(st);
}
END_TEST

/* sum_{n > N} eta(G z^-n), eta(x) = -x ln x, for a law with P_n <= G z^-n (G >= 1, z > 1): at most
 * G ln z sum_{n > N} n z^-n (lemma B5; needs G z^-(N+1) <= 1/e, where eta is increasing) */
static void
tail_entropy_bound(arb_t B, const arb_t Gz, const arb_t z, slong N, slong prec)
{
    arb_t q, s, w;
    arb_init(q); arb_init(s); arb_init(w);
    arb_inv(q, z, prec);
    arb_pow_ui(w, q, N + 1, prec);
    arb_mul(w, w, Gz, prec);
    arb_set_si(s, -1);
    arb_exp(s, s, prec);
    ck_assert_msg(arb_lt(w, s), "tail bound outside the monotone range of -x ln x");
    /* sum_{n >= M} n q^n = q^M (M/(1 - q) + q/(1 - q)^2), M = N + 1 */
    arb_sub_ui(s, q, 1, prec);
    arb_neg(s, s);                                  /* 1 - q */
    arb_div(w, q, s, prec);
    arb_div(w, w, s, prec);
    arb_set_si(B, N + 1);
    arb_div(B, B, s, prec);
    arb_add(B, B, w, prec);
    arb_pow_ui(w, q, N + 1, prec);
    arb_mul(B, B, w, prec);
    arb_log(w, z, prec);
    arb_mul(B, B, w, prec);
    arb_mul(B, B, Gz, prec);
    arb_clear(q); arb_clear(s); arb_clear(w);
}

/* x +/- b overlaps y */
static int
overlaps_within(const arb_t x, const arb_t b, const arb_t y)
{
    arb_t w;
    int r;
    arb_init(w);
    arb_set(w, x);
    arb_add_error(w, b);
    r = arb_overlaps(w, y);
    arb_clear(w);
    return r;
}

START_TEST(test_damped_mode_against_truncated_generator)
{
    /* Lemma B5 of proofs/open_systems.md: M3 against the general Lindblad machinery (qt_lindblad_propagate,
       certified clusters) on the Fock space truncated at N, with the proven truncation bound.  The truncated
       generator uses a_N = P a P (entries sqrt(n), balls), rho0 = the normalised projection of |alpha0>.
       delta >= (1/2)||rho_t - rho_t^N||_1 = sqrt(eps) + (t/2) kappa nbar (N + 1)(3 sqrt(p) + p),
       eps = Poisson tail, p >= the top-level population of the truncated run (generating function at
       z = e^{beta omega}); then S, S_E (Fannes-type, plus the closed-form tails), E and J (mean-number
       balance) of the closed form must lie within the bounds of the truncated run. */
    const slong N = 12, d = N + 1, prec = 128;
    const char *times[2] = { "1", "5" };
    qt_damped_mode_t P;
    qt_lindblad_t G;
    acb_mat_t a, H, rho0, rt, T;
    acb_t al, c, rate;
    arb_t om, be, ka, mu0, nbar, z, eps, norm2, m0, M0, pbar, delta, D, t, w, x, v, r, mu, bS, bE, bEn, bJ, SN, SEN, EN, JN;
    acb_ptr cn;
    qt_herm_clusters_t C;
    char why[QT_REASON_LEN];
    slong it, n, m;

    qt_damped_mode_init(P);
    set_dm(P, "1", "4", "1/5", "1/4", "1/8");
    acb_mat_init(a, d, d); acb_mat_init(H, d, d); acb_mat_init(rho0, d, d); acb_mat_init(rt, d, d);
    acb_mat_init(T, d, d);
    acb_init(al); acb_init(c); acb_init(rate);
    arb_init(om); arb_init(be); arb_init(ka); arb_init(mu0); arb_init(nbar); arb_init(z); arb_init(eps);
    arb_init(norm2); arb_init(m0); arb_init(M0); arb_init(pbar); arb_init(delta); arb_init(D); arb_init(t);
    arb_init(w); arb_init(x); arb_init(v); arb_init(r); arb_init(mu); arb_init(bS); arb_init(bE);
    arb_init(bEn); arb_init(bJ); arb_init(SN); arb_init(SEN); arb_init(EN); arb_init(JN);
    cn = _acb_vec_init(d);
    qt_herm_clusters_init(C);

    arb_set_fmpq(om, P->omega, prec); arb_set_fmpq(be, P->beta, prec); arb_set_fmpq(ka, P->kappa, prec);
    arb_set_fmpq(acb_realref(al), P->alpha_re, prec); arb_set_fmpq(acb_imagref(al), P->alpha_im, prec);
    acb_abs(mu0, al, prec);
    arb_sqr(mu0, mu0, prec);
    arb_mul(z, be, om, prec);
    arb_exp(z, z, prec);                                   /* z = e^{beta omega} = 1 + 1/nbar */
    arb_sub_ui(nbar, z, 1, prec);
    arb_inv(nbar, nbar, prec);

    /* truncated model: H = omega n, a_N, kappa (nbar + 1) D[a_N] + kappa nbar D[a_N^*] */
    qt_lindblad_init(G, d);
    for (n = 0; n < d; n++)
        acb_set_arb(acb_mat_entry(H, n, n), om), acb_mul_si(acb_mat_entry(H, n, n), acb_mat_entry(H, n, n), n, prec);
    for (n = 1; n < d; n++)
        arb_sqrt_ui(acb_realref(acb_mat_entry(a, n - 1, n)), n, prec);
    qt_lindblad_set_hamiltonian(G, H);
    arb_add_ui(w, nbar, 1, prec);
    arb_mul(w, w, ka, prec);
    acb_set_arb(rate, w);
    qt_lindblad_add(G, a, rate, 0, prec);
    acb_mat_conjugate_transpose(T, a);
    arb_mul(w, nbar, ka, prec);
    acb_set_arb(rate, w);
    qt_lindblad_add(G, T, rate, 0, prec);

    /* rho0^N = |c><c| / <c|c>, c_n = alpha^n / sqrt(n!) */
    arb_zero(norm2); arb_zero(m0); arb_zero(M0);
    for (n = 0; n < d; n++)
    {
        acb_pow_ui(cn + n, al, n, prec);
        arb_fac_ui(w, n, prec);
        arb_rsqrt(w, w, prec);
        acb_mul_arb(cn + n, cn + n, w, prec);
        acb_abs(w, cn + n, prec);
        arb_sqr(w, w, prec);                                /* |c_n|^2 */
        arb_add(norm2, norm2, w, prec);
        arb_addmul_si(m0, w, n, prec);
        arb_pow_ui(x, z, n, prec);
        arb_addmul(M0, w, x, prec);
    }
    arb_div(m0, m0, norm2, prec);
    arb_div(M0, M0, norm2, prec);
    for (n = 0; n < d; n++)
        for (m = 0; m < d; m++)
        {
            acb_conj(c, cn + m);
            acb_mul(c, c, cn + n, prec);
            acb_div_arb(acb_mat_entry(rho0, n, m), c, norm2, prec);
        }
    /* eps <= mu0^{N+1}/(N+1)!: the Poisson tail */
    arb_pow_ui(eps, mu0, N + 1, prec);
    arb_fac_ui(w, N + 1, prec);
    arb_div(eps, eps, w, prec);

    for (it = 0; it < 2; it++)
    {
        qt_record_t R;
        arb_set_str(t, times[it], prec);
        qt_traj_record_init(R, 1);
        qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, prec);

        /* pbar = M0 e^{kappa t} / z^N, delta, D = 2 delta (upper ends) */
        arb_mul(w, ka, t, prec);
        arb_exp(w, w, prec);
        arb_mul(pbar, M0, w, prec);
        arb_pow_ui(w, z, N, prec);
        arb_div(pbar, pbar, w, prec);
        arb_sqrt(w, pbar, prec);
        arb_mul_ui(w, w, 3, prec);
        arb_add(w, w, pbar, prec);
        arb_mul_si(w, w, N + 1, prec);
        arb_mul(w, w, nbar, prec);
        arb_mul(w, w, ka, prec);
        arb_mul(w, w, t, prec);
        arb_mul_2exp_si(w, w, -1);
        arb_sqrt(delta, eps, prec);
        arb_add(delta, delta, w, prec);
        arb_get_ubound_arf(arb_midref(delta), delta, prec);
        mag_zero(arb_radref(delta));
        arb_mul_2exp_si(D, delta, 1);
        ck_assert(arf_cmp_2exp_si(arb_midref(D), -1) <= 0);
        /* D ln((N+1)/D): the Fannes-type part for N+1 components (needs D/(N+1) <= 1/e) */
        arb_set_si(w, N + 1);
        arb_div(w, w, D, prec);
        ck_assert(arf_cmp_si(arb_midref(w), 3) > 0);
        arb_log(w, w, prec);
        arb_mul(bS, w, D, prec);
        arb_set(bE, bS);

        /* the closed form's spectrum (1 - r) r^k <= r^k, r = v/(1 + v), v = nbar (1 - e^{-kappa t}) */
        damped_mean_and_thermal(mu, v, mu0, ka, nbar, t, prec);
        arb_add_ui(w, v, 1, prec);
        arb_div(r, v, w, prec);
        arb_inv(x, r, prec);
        arb_one(w);
        tail_entropy_bound(w, w, x, N, prec);
        arb_add(bS, bS, w, prec);
        /* Fock populations P_n <= E[y^n] y^-n, y = 1 + 1/(2v): E[y^n] = 2 e^{mu/v} (displaced thermal) */
        arb_div(w, mu, v, prec);
        arb_exp(w, w, prec);
        arb_mul_2exp_si(w, w, 1);
        arb_mul_2exp_si(x, v, 1);
        arb_inv(x, x, prec);
        arb_add_ui(x, x, 1, prec);
        tail_entropy_bound(x, w, x, N, prec);
        arb_add(bE, bE, x, prec);
        ck_assert(arf_cmp_2exp_si(arb_midref(bS), -26) < 0 && arf_cmp_2exp_si(arb_midref(bE), -26) < 0);

        /* mean number: |Delta E| <= omega (|mu0 - m0| e^{-kappa t} + kappa nbar (N+1) t pbar), J as well */
        arb_mul(w, ka, nbar, prec);
        arb_mul_si(w, w, N + 1, prec);
        arb_mul(w, w, pbar, prec);                          /* kappa nbar (N+1) pbar */
        arb_sub(x, mu0, m0, prec);
        arb_abs(x, x);
        arb_mul(x, x, mu, prec);
        arb_div(x, x, mu0, prec);                           /* |mu0 - m0| e^{-kappa t} */
        arb_addmul(x, w, t, prec);
        arb_mul(bEn, x, om, prec);
        arb_mul(bJ, bEn, ka, prec);
        arb_addmul(bJ, w, om, prec);

        /* the truncated run */
        qt_lindblad_propagate_dense(T, NULL, G, rho0, t, prec);
        qt_acb_mat_hermitian_part(rt, T, prec);
        ck_assert_int_eq(qt_herm_clusters(C, rt, prec, why), QT_OK);
        qt_herm_clusters_entropy(SN, C, prec);
        arb_zero(SEN); arb_zero(EN);
        for (n = 0; n < d; n++)
        {
            qt_arb_neg_xlogx_unit(w, acb_realref(acb_mat_entry(rt, n, n)), prec);
            arb_add(SEN, SEN, w, prec);
            arb_addmul_si(EN, acb_realref(acb_mat_entry(rt, n, n)), n, prec);
        }
        arb_mul(EN, EN, om, prec);
        qt_lindblad_apply(T, G, rt, -1, prec);
        qt_acb_mat_trace_product_re(JN, T, H, prec);

        ck_assert_msg(overlaps_within(SN, bS, OUT(R, QT_TR_S)), "S at t = %s", times[it]);
        ck_assert_msg(overlaps_within(SEN, bE, OUT(R, QT_TR_S_E)), "S_E at t = %s", times[it]);
        arb_sub(w, SEN, SN, prec);
        arb_add(x, bS, bE, prec);
        ck_assert_msg(overlaps_within(w, x, OUT(R, QT_TR_C_REL)), "C_rel at t = %s", times[it]);
        ck_assert_msg(overlaps_within(EN, bEn, OUT(R, QT_TR_E)), "E at t = %s", times[it]);
        ck_assert_msg(overlaps_within(JN, bJ, OUT(R, QT_TR_J)), "J at t = %s", times[it]);
        /* the check is sharp: the closed form is far from 0 compared with the bound */
        ck_assert(arb_is_positive(OUT(R, QT_TR_S)) && arf_cmp_2exp_si(arb_midref(OUT(R, QT_TR_S)), -8) > 0);
        qt_record_clear(R);
    }

    qt_damped_mode_clear(P);
    qt_lindblad_clear(G);
    acb_mat_clear(a); acb_mat_clear(H); acb_mat_clear(rho0); acb_mat_clear(rt); acb_mat_clear(T);
    acb_clear(al); acb_clear(c); acb_clear(rate);
    arb_clear(om); arb_clear(be); arb_clear(ka); arb_clear(mu0); arb_clear(nbar); arb_clear(z); arb_clear(eps);
    arb_clear(norm2); arb_clear(m0); arb_clear(M0); arb_clear(pbar); arb_clear(delta); arb_clear(D); arb_clear(t);
    arb_clear(w); arb_clear(x); arb_clear(v); arb_clear(r); arb_clear(mu); arb_clear(bS); arb_clear(bE);
    arb_clear(bEn); arb_clear(bJ); arb_clear(SN); arb_clear(SEN); arb_clear(EN); arb_clear(JN);
    _acb_vec_clear(cn, d);
    qt_herm_clusters_clear(C);
}
END_TEST

START_TEST(test_damped_mode_pure_start)
{
    /* section 6: B1 at t = 0 is pure: S_dot = sigma = +inf exactly, while the Fock populations (Poisson)
       have a finite energy entropy and rate; the eigenvalue heat is undefined there */
    qt_damped_mode_t P;
    qt_record_t R;
    arb_t t;
    qt_damped_mode_init(P);
    set_dm(P, "1", "1", "0.1", "1", "0");
    arb_init(t);
    qt_traj_record_init(R, 1);
    qt_damped_mode_trajectory(R, P, t, QT_T_ZERO, 128);
    ck_assert(qt_arb_is_exact_inf(OUT(R, QT_TR_S_DOT)) && arf_sgn(arb_midref(OUT(R, QT_TR_S_DOT))) > 0);
    ck_assert(qt_arb_is_exact_inf(OUT(R, QT_TR_SIGMA)));
    ck_assert(arb_is_finite(OUT(R, QT_TR_S_E)) && R->out[QT_TR_S_E].status == QT_OK);
    ck_assert(arb_is_finite(OUT(R, QT_TR_S_E_DOT)) && R->out[QT_TR_S_E_DOT].status == QT_OK);
    ck_assert_int_eq(R->out[QT_TR_QDOT_R].status, QT_DOMAIN);
    qt_record_clear(R);
    set_dm(P, "1", "1", "-0.1", "1", "0");
    {
        char why[QT_REASON_LEN];
        ck_assert_int_eq(qt_damped_mode_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "kappa") != NULL);
    }
    qt_damped_mode_clear(P);
    arb_clear(t);
}
END_TEST


/* a two-stroke qubit cycle: H_k = (w_k/2) sigma_z in contact with bath k (sigma_- at frequency w_k) */

/* the Fock series' budget: a state whose series cannot end within QT_FOCK_MAX_TERMS terms is refused at once
   (could not certify, "effort cap" named), while every other output of the record is still certified; a state
   just inside the budget is certified and agrees across precisions */
START_TEST(test_damped_mode_fock_budget)
{
    qt_damped_mode_t P;
    qt_record_t R, R2;
    arb_t t;
    slong i;
    qt_damped_mode_init(P);
    qt_record_init(R);
    qt_record_init(R2);
    arb_init(t);
    /* nbar ~ 1000, |alpha|^2 = 100: the geometric tail alone needs ~ 32 ln 2 (v + 1/2) > 10^4 terms at 64 bits */
    set_dm(P, "1", "1/1000", "1", "10", "0");
    arb_one(t);
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 64);
    for (i = 0; i < R->nout; i++)
    {
        if (i == QT_TR_S_E || i == QT_TR_S_E_DOT)
        {
            ck_assert_int_eq(R->out[i].status, QT_UNCERTIFIED);
            ck_assert_msg(strstr(R->out[i].reason, "effort cap") != NULL, "%s", R->out[i].reason);
        }
        else if (i == QT_TR_S || i == QT_TR_E || i == QT_TR_J || i == QT_TR_Q)
        {
            ck_assert_int_eq(R->out[i].status, QT_OK);
            ck_assert(qt_test_narrow(OUT(R, i), 64));
        }
    }
    /* a Poisson start (kappa = 0 keeps it: v = 0) with mean beyond the budget */
    set_dm(P, "1", "1", "0", "70", "0");
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 64);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_UNCERTIFIED);
    ck_assert_msg(strstr(R->out[QT_TR_S_E].reason, "effort cap") != NULL, "%s", R->out[QT_TR_S_E].reason);
    /* inside the budget: certified, narrow, overlapping across precisions */
    set_dm(P, "1", "1/10", "1", "10", "0");
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 128);
    qt_damped_mode_trajectory(R2, P, t, QT_T_GENERIC, 256);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_OK);
    ck_assert(qt_test_narrow(OUT(R, QT_TR_S_E), 128));
    ck_assert(qt_overlaps(OUT(R, QT_TR_S_E), OUT(R2, QT_TR_S_E)));
    arb_clear(t);
    qt_record_clear(R);
    qt_record_clear(R2);
    qt_damped_mode_clear(P);
}
END_TEST

/* a large coherent amplitude (mean occupation 900): the Fock series works with the extra bits of its moments'
   scale (lemma B3) and certifies S_E at the first precision, against the entropy of the displaced thermal law summed
   independently (mpmath, 50 and 70 digits, the Laguerre polynomials by their three-term recurrence); a Poisson start
   (t = 0, mean 400) the same; a mean far beyond the budget is refused at once by Cantelli's bound */
START_TEST(test_damped_mode_large_amplitude)
{
    qt_damped_mode_t P;
    qt_record_t R, R2;
    arb_t t, x;
    qt_damped_mode_init(P);
    qt_record_init(R);
    qt_record_init(R2);
    arb_init(t);
    arb_init(x);
    set_dm(P, "1", "6", "1/100", "30", "0");
    {
        fmpq_t q;
        fmpq_init(q);
        qt_test_setq(q, "1/3");
        arb_set_fmpq(t, q, 512);                /* t = 1/3 at more than 2 prec bits, as the tool passes it */
        fmpq_clear(q);
    }
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 128);
    qt_damped_mode_trajectory(R2, P, t, QT_T_GENERIC, 256);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_OK);
    ck_assert_int_eq(R->out[QT_TR_S_E_DOT].status, QT_OK);
    arb_set_str(x, "4.818384563772749724361731696995995181294951 +/- 1e-42", 160);
    ck_assert(arb_overlaps(OUT(R, QT_TR_S_E), x) && qt_test_narrow(OUT(R, QT_TR_S_E), 128));
    ck_assert(qt_overlaps(OUT(R, QT_TR_S_E_DOT), OUT(R2, QT_TR_S_E_DOT)));
    ck_assert(qt_test_narrow(OUT(R, QT_TR_S_E_DOT), 128));
    /* Poisson (v = 0 at t = 0), mean 400 */
    set_dm(P, "1", "6", "1/100", "20", "0");
    arb_zero(t);
    qt_damped_mode_trajectory(R, P, t, QT_T_ZERO, 128);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_OK);
    arb_set_str(x, "4.414462212179582645594751120637776779436505 +/- 1e-42", 160);
    ck_assert(arb_overlaps(OUT(R, QT_TR_S_E), x) && qt_test_narrow(OUT(R, QT_TR_S_E), 128));
    /* mean 8100 > QT_FOCK_MAX_TERMS: refused before the series, for a Poisson and a displaced thermal state */
    set_dm(P, "1", "6", "1/100", "90", "0");
    qt_damped_mode_trajectory(R, P, t, QT_T_ZERO, 64);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_UNCERTIFIED);
    ck_assert_msg(strstr(R->out[QT_TR_S_E].reason, "would need more than") != NULL, "%s", R->out[QT_TR_S_E].reason);
    arb_one(t);
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 64);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_UNCERTIFIED);
    ck_assert_msg(strstr(R->out[QT_TR_S_E].reason, "would need more than") != NULL, "%s", R->out[QT_TR_S_E].reason);
    ck_assert_int_eq(R->out[QT_TR_E].status, QT_OK);
    arb_clear(t);
    arb_clear(x);
    qt_record_clear(R);
    qt_record_clear(R2);
    qt_damped_mode_clear(P);
}
END_TEST

/* a very cold bath (beta omega = 10^20): v = nbar (1 - e^{-kappa t}) is about e^{-10^20}, so the state is the coherent
   one up to that, and lemma B3's c_1 = ln(1 + 1/v) is about 10^20; the series' precision covers both, and S_E is the
   entropy of the Poisson law of mean e^{-1/10} (mpmath, 50 digits; the difference, O(v), is far below any radius) */
START_TEST(test_damped_mode_cold_bath)
{
    qt_damped_mode_t P;
    qt_record_t R;
    arb_t t, x;
    qt_damped_mode_init(P);
    qt_record_init(R);
    arb_init(t);
    arb_init(x);
    set_dm(P, "1", "100000000000000000000", "1/10", "1", "0");
    arb_one(t);
    qt_damped_mode_trajectory(R, P, t, QT_T_GENERIC, 128);
    ck_assert_int_eq(R->out[QT_TR_S_E].status, QT_OK);
    ck_assert_int_eq(R->out[QT_TR_S_E_DOT].status, QT_OK);
    arb_set_str(x, "1.24776747812600040586275785257286088984776289529 +/- 1e-46", 160);
    ck_assert(arb_overlaps(OUT(R, QT_TR_S_E), x) && qt_test_narrow(OUT(R, QT_TR_S_E), 128));
    ck_assert(qt_test_narrow(OUT(R, QT_TR_S_E_DOT), 128));
    arb_clear(t);
    arb_clear(x);
    qt_record_clear(R);
    qt_damped_mode_clear(P);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("exact_models");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_fano_G_against_companion_exponential);
    tcase_add_test(tc, test_fano_non_markovian_signs_and_zero);
    tcase_add_test(tc, test_fano_identities_random);
    tcase_add_test(tc, test_damped_mode_against_brute_force);
    tcase_add_test(tc, test_damped_mode_identities_random);
    tcase_add_test(tc, test_damped_mode_pure_start);
    tcase_add_test(tc, test_damped_mode_against_truncated_generator);
    tcase_add_test(tc, test_damped_mode_fock_budget);
    tcase_add_test(tc, test_damped_mode_large_amplitude);
    tcase_add_test(tc, test_damped_mode_cold_bath);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
