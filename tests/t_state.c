/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_state.c -- exact matrices, the exact PSD decision, the certified Hermitian spectrum and
 * the state functions, against independent references: closed forms (qubit binary entropy,
 * ln d, exact 0 for pure states, (3/2) ln 2), and a second method (Arb's numerical eigen-
 * enclosures acb_mat_eig_multiple on the same matrix). Random states from a fixed seed. */
#include <stdio.h>
#include <string.h>
#include "qt_test.h"

#include "qt_random_state.h"

/* second method: Arb's numerical eigenvalue enclosures on the ball matrix */
static int
entropy_by_acb_eig(arb_t res, const qt_qmat_t rho, slong prec)
{
    slong n = rho->n, i;
    acb_mat_t A, R;
    acb_ptr E, Ea;
    arb_t t;
    int ok;
    acb_mat_init(A, n, n);
    acb_mat_init(R, n, n);
    E = _acb_vec_init(n);
    Ea = _acb_vec_init(n);
    arb_init(t);
    qt_qmat_get_acb_mat(A, rho, prec);
    acb_mat_approx_eig_qr(Ea, NULL, R, A, NULL, 0, prec);
    ok = acb_mat_eig_simple(E, NULL, NULL, A, Ea, R, prec) || acb_mat_eig_multiple(E, A, Ea, R, prec);
    arb_zero(res);
    for (i = 0; ok && i < n; i++)
    {
        qt_arb_neg_xlogx_unit(t, acb_realref(E + i), prec);
        arb_add(res, res, t, prec);
    }
    acb_mat_clear(A);
    acb_mat_clear(R);
    _acb_vec_clear(E, n);
    _acb_vec_clear(Ea, n);
    arb_clear(t);
    return ok;
}

START_TEST(random_states_two_methods)
{
    flint_rand_t st;
    int it;
    arb_t a, b;
    char r[QT_REASON_LEN];
    flint_randinit(st);
    arb_init(a);
    arb_init(b);
    for (it = 0; it < qt_test_iters(30); it++)
    {
        slong n = 2 + n_randint(st, 4), terms = 1 + n_randint(st, n + 1);
        qt_qmat_t rho;
        qt_qmat_init(rho, n);
        random_state(rho, st, n, terms);
        ck_assert(qt_herm_is_psd(rho));
        ck_assert_int_eq(qt_state_von_neumann_entropy(a, rho, 128, r), QT_OK);
        if (entropy_by_acb_eig(b, rho, 128))
            ck_assert_msg(qt_overlaps(a, b), "exact-spectrum and acb_mat_eig entropies disagree (n=%ld)", (long) n);
        ck_assert(!arb_is_negative(a));
        if (terms == 1)
            ck_assert_msg(arb_is_zero(a), "a pure state must give exactly 0");
        /* precision overlap */
        ck_assert_int_eq(qt_state_von_neumann_entropy(b, rho, 333, r), QT_OK);
        ck_assert(qt_overlaps(a, b));
        /* S <= ln n */
        arb_set_si(b, n);
        arb_log(b, b, 128);
        ck_assert(!arb_gt(a, b));
        qt_qmat_clear(rho);
    }
    arb_clear(a);
    arb_clear(b);
    flint_randclear(st);
}
END_TEST

/* qubit: S = h((1 + r)/2), r = |Bloch vector|, for random rational Bloch vectors (r < 1) */
START_TEST(qubit_closed_form)
{
    flint_rand_t st;
    int it;
    arb_t a, h, rr, p, t;
    char r[QT_REASON_LEN];
    flint_randinit(st);
    arb_init(a); arb_init(h); arb_init(rr); arb_init(p); arb_init(t);
    for (it = 0; it < qt_test_iters(40); it++)
    {
        qt_qmat_t rho;
        fmpq_t x, y, z, s;
        fmpq_init(x); fmpq_init(y); fmpq_init(z); fmpq_init(s);
        do
        {
            fmpq_set_si(x, (slong) n_randint(st, 21) - 10, 11);
            fmpq_set_si(y, (slong) n_randint(st, 21) - 10, 13);
            fmpq_set_si(z, (slong) n_randint(st, 21) - 10, 12);
            fmpq_mul(s, x, x);
            fmpq_addmul(s, y, y);
            fmpq_addmul(s, z, z);
        }
        while (fmpq_cmp_ui(s, 1) >= 0);
        qt_qmat_init(rho, 2);
        /* rho = (I + x X + y Y + z Z)/2 */
        fmpq_add_si(rho->re + 0, z, 1);
        fmpq_div_2exp(rho->re + 0, rho->re + 0, 1);
        fmpq_neg(rho->re + 3, z);
        fmpq_add_si(rho->re + 3, rho->re + 3, 1);
        fmpq_div_2exp(rho->re + 3, rho->re + 3, 1);
        fmpq_div_2exp(rho->re + 1, x, 1);
        fmpq_div_2exp(rho->re + 2, x, 1);
        fmpq_div_2exp(rho->im + 2, y, 1);
        fmpq_neg(rho->im + 1, rho->im + 2);
        ck_assert_int_eq(qt_state_von_neumann_entropy(a, rho, 200, r), QT_OK);
        arb_set_fmpq(rr, s, 200);
        arb_sqrt(rr, rr, 200);
        /* h = -p ln p - (1-p) ln(1-p), p = (1 + r)/2 */
        arb_add_ui(p, rr, 1, 200);
        arb_mul_2exp_si(p, p, -1);
        qt_arb_neg_xlogx_unit(h, p, 200);
        arb_sub_ui(p, p, 1, 200);
        arb_neg(p, p);
        qt_arb_neg_xlogx_unit(t, p, 200);
        arb_add(h, h, t, 200);
        ck_assert_msg(qt_overlaps(a, h), "qubit entropy differs from the binary entropy closed form");
        /* purity (1 + r^2)/2 */
        ck_assert_int_eq(qt_state_purity(a, rho, 200, r), QT_OK);
        arb_set_fmpq(t, s, 200);
        arb_add_ui(t, t, 1, 200);
        arb_mul_2exp_si(t, t, -1);
        ck_assert(qt_overlaps(a, t));
        qt_qmat_clear(rho);
        fmpq_clear(x); fmpq_clear(y); fmpq_clear(z); fmpq_clear(s);
    }
    arb_clear(a); arb_clear(h); arb_clear(rr); arb_clear(p); arb_clear(t);
    flint_randclear(st);
}
END_TEST

static void
set_rows(qt_qmat_t A, const char **re, const char **im)
{
    char err[300];
    ck_assert_msg(qt_qmat_set_strings(A, re, im, err, sizeof err) == 0, "%s", err);
}

START_TEST(special_states)
{
    /* I/4 -> ln 4; degenerate (1/2, 1/4, 1/4, 0) in a rotated basis -> (3/2) ln 2; a nearly pure
       state diag(1 - 1e-30, 1e-30) -> 1e-30 (1 + ln 1e30) + O(1e-60) */
    const char *I4[] = {"1/4","0","0","0","0","1/4","0","0","0","0","1/4","0","0","0","0","1/4"};
    const char *dr[] = {"3/8","1/8","0","0", "1/8","3/8","0","0", "0","0","1/8","0", "0","0","0","1/8"};
    const char *di[] = {"0","0","0","0", "0","0","0","0", "0","0","0","-1/8", "0","0","1/8","0"};
    const char *np[] = {"0.999999999999999999999999999999", "0", "0", "1e-30"};
    qt_qmat_t A;
    arb_t s, e, t;
    char r[QT_REASON_LEN];
    qt_spectrum_t sp;
    arb_init(s); arb_init(e); arb_init(t);

    qt_qmat_init(A, 4);
    set_rows(A, I4, NULL);
    ck_assert_int_eq(qt_state_von_neumann_entropy(s, A, 128, r), QT_OK);
    arb_set_ui(e, 4);
    arb_log(e, e, 128);
    ck_assert(qt_overlaps(s, e));
    qt_spectrum_init(sp);
    ck_assert_int_eq(qt_herm_spectrum(sp, A, 64, r), QT_OK);
    ck_assert_int_eq(sp->ndistinct, 1);
    ck_assert_int_eq(sp->mult[0], 4);
    ck_assert(sp->exact[0]);
    qt_spectrum_clear(sp);

    set_rows(A, dr, di);
    ck_assert(qt_herm_is_psd(A));
    ck_assert_int_eq(qt_state_von_neumann_entropy(s, A, 128, r), QT_OK);
    arb_set_ui(e, 2);
    arb_log(e, e, 128);
    arb_mul_ui(e, e, 3, 128);
    arb_mul_2exp_si(e, e, -1);
    ck_assert(qt_overlaps(s, e));
    ck_assert(arb_rel_accuracy_bits(s) > 120);
    ck_assert_int_eq(qt_herm_spectrum(sp, A, 64, r), QT_OK);
    ck_assert_int_eq(sp->zero_mult, 1);
    qt_spectrum_clear(sp);
    qt_qmat_clear(A);

    qt_qmat_init(A, 2);
    set_rows(A, np, NULL);
    ck_assert_int_eq(qt_state_von_neumann_entropy(s, A, 256, r), QT_OK);
    arb_set_str(e, "1e-30", 256);
    arb_log(t, e, 256);
    arb_neg(t, t);
    arb_add_ui(t, t, 1, 256);
    arb_mul(e, e, t, 256);                 /* 1e-30 (1 + ln 1e30) */
    arb_sub(t, s, e, 256);
    arb_abs(t, t);
    arb_set_str(e, "1e-58", 64);
    ck_assert_msg(arb_lt(t, e), "near-pure state: S not within 1e-58 of 1e-30 (1 + ln 1e30)");
    ck_assert(arb_rel_accuracy_bits(s) > 150);
    qt_qmat_clear(A);
    arb_clear(s); arb_clear(e); arb_clear(t);
}
END_TEST

/* -x ln x on balls touching 0, at 1/e, beyond [0, 1]: contains the truth at sample points */
START_TEST(neg_xlogx_enclosure)
{
    flint_rand_t st;
    arb_t x, g, v, gv;
    int it;
    flint_randinit(st);
    arb_init(x); arb_init(g); arb_init(v); arb_init(gv);
    for (it = 0; it < qt_test_iters(2000); it++)
    {
        int k;
        arb_randtest(x, st, 64, 4);
        arb_abs(x, x);
        qt_arb_neg_xlogx_unit(g, x, 128);
        ck_assert(!arb_is_finite(x) || arb_is_finite(g));
        /* the midpoint and both endpoints of x, where they lie in (0, 1], must be inside g */
        for (k = 0; k < 3 && arb_is_finite(x); k++)
        {
            arf_t e;
            arf_init(e);
            if (k == 0) arf_set(e, arb_midref(x));
            else if (k == 1) arb_get_lbound_arf(e, x, 128);
            else arb_get_ubound_arf(e, x, 128);
            arb_set_arf(v, e);
            arb_one(gv);
            if (arb_is_positive(v) && arb_le(v, gv))
            {
                arb_log(gv, v, 256);
                arb_mul(gv, gv, v, 256);
                arb_neg(gv, gv);
                ck_assert_msg(arb_contains(g, gv), "-x ln x enclosure misses a point of the ball");
            }
            arf_clear(e);
        }
    }
    /* a ball [0 +/- 1e-20]: g in [0, 1e-20 ln 1e20] */
    arb_set_str(x, "[0 +/- 1e-20]", 128);
    qt_arb_neg_xlogx_unit(g, x, 128);
    ck_assert(arb_contains_zero(g));
    ck_assert(arb_is_nonnegative(g) || arb_contains_zero(g));
    arb_set_str(v, "1e-18", 64);
    ck_assert(arb_lt(g, v));
    /* a ball containing 1/e: contains the maximum */
    arb_set_str(x, "[0.37 +/- 0.1]", 128);
    qt_arb_neg_xlogx_unit(g, x, 128);
    arb_set_si(v, -1);
    arb_exp(v, v, 128);
    ck_assert(arb_contains(g, v));
    arb_clear(x); arb_clear(g); arb_clear(v); arb_clear(gv);
    flint_randclear(st);
}
END_TEST

START_TEST(psd_decision_and_errors)
{
    const char *neg[] = {"0.5", "0.6", "0.6", "0.5"};             /* eigenvalues 1.1, -0.1 */
    const char *rank1[] = {"1/2", "1/2", "1/2", "1/2"};           /* eigenvalues 1, 0 */
    const char *nonh[] = {"0.5", "0.1", "0.2", "0.5"};
    const char *tr[] = {"0.5", "0", "0", "0.6"};
    const char *hr[] = {"1", "0", "0", "0", "2", "0", "0", "0", "3"};    /* diag(1, 2, 3) */
    const char *hi[] = {"0", "1", "0", "1", "0", "0", "0", "0", "0"};   /* (0,1)=i, (1,0)=i: not Hermitian */
    qt_qmat_t A, H;
    arb_t s;
    char r[QT_REASON_LEN];
    arb_init(s);
    qt_qmat_init(A, 2);
    set_rows(A, neg, NULL);
    ck_assert(!qt_herm_is_psd(A));
    ck_assert_int_eq(qt_state_von_neumann_entropy(s, A, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "positive semidefinite") != NULL);
    set_rows(A, rank1, NULL);
    ck_assert(qt_herm_is_psd(A));
    ck_assert_int_eq(qt_state_von_neumann_entropy(s, A, 64, r), QT_OK);
    ck_assert(arb_is_zero(s));
    set_rows(A, nonh, NULL);
    ck_assert_int_eq(qt_state_purity(s, A, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "not Hermitian") != NULL);
    set_rows(A, tr, NULL);
    ck_assert_int_eq(qt_state_purity(s, A, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "trace 1, got 1.1") != NULL);
    set_rows(A, rank1, NULL);
    qt_qmat_init(H, 3);
    set_rows(H, hr, NULL);
    ck_assert_int_eq(qt_state_energy(s, A, H, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "H must be 2 x 2") != NULL);
    qt_qmat_clear(H);
    qt_qmat_init(H, 3);
    set_rows(H, hr, hi);
    qt_qmat_clear(A);
    qt_qmat_init(A, 3);
    {
        const char *d3[] = {"1/3", "0", "0", "0", "1/3", "0", "0", "0", "1/3"};
        set_rows(A, d3, NULL);
    }
    ck_assert_int_eq(qt_state_energy(s, A, H, 64, r), QT_DOMAIN);
    ck_assert(strstr(r, "H is not Hermitian") != NULL);
    /* a valid energy: tr(I/3 diag(1,2,3)) = 2 */
    set_rows(H, hr, NULL);
    ck_assert_int_eq(qt_state_energy(s, A, H, 64, r), QT_OK);
    ck_assert(arb_equal_si(s, 2));
    qt_qmat_clear(H);
    qt_qmat_clear(A);
    arb_clear(s);
}
END_TEST

/* diagonal exact H with the given (possibly repeated) diagonal */
static void
diag_matrix(qt_qmat_t H, const slong *d)
{
    slong i, n = H->n;
    for (i = 0; i < n * n; i++)
    {
        fmpq_zero(H->re + i);
        fmpq_zero(H->im + i);
    }
    for (i = 0; i < n; i++)
        fmpq_set_si(H->re + i * n + i, d[i], 1);
}

/* the diagonal part of rho: Delta_H rho for a non-degenerate diagonal H */
static void
diag_part(qt_qmat_t D, const qt_qmat_t rho)
{
    slong i, n = rho->n;
    for (i = 0; i < n * n; i++)
    {
        fmpq_zero(D->re + i);
        fmpq_zero(D->im + i);
    }
    for (i = 0; i < n; i++)
        fmpq_set(D->re + i * n + i, rho->re + i * n + i);
}

/* docs/physics/open_systems.md §2.2-2.3 as enclosure identities on random states:
 *   outcome = dephased for non-degenerate H;  C_rel = D(rho || Delta rho);  S(Delta rho) = S + C_rel;
 *   D(rho || delta) = D(Delta rho || delta) + C_rel for diagonal full-rank delta;
 *   D(rho || I/n) = ln n - S(rho);  D(rho || rho) = 0;  D >= 0;  outcome <= dephased for degenerate H */
START_TEST(entropy_identities)
{
    flint_rand_t st;
    int it;
    arb_t a, b, c, t;
    char r[QT_REASON_LEN];
    flint_randinit(st);
    flint_randseed(st, 4242, 17);
    arb_init(a); arb_init(b); arb_init(c); arb_init(t);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        slong n = 2 + n_randint(st, 3), i;
        slong d[8], dd[8];
        qt_qmat_t rho, H, Hd, D, delta;
        qt_qmat_init(rho, n); qt_qmat_init(H, n); qt_qmat_init(Hd, n); qt_qmat_init(D, n); qt_qmat_init(delta, n);
        random_state(rho, st, n, 1 + n_randint(st, n + 1));
        for (i = 0; i < n; i++)
        {
            d[i] = 3 * i - 2;                 /* distinct */
            dd[i] = i < 2 ? 0 : 1;            /* degenerate */
        }
        diag_matrix(H, d);
        diag_matrix(Hd, dd);
        diag_part(D, rho);

        ck_assert_int_eq(qt_state_energy_entropy(a, rho, H, QT_EE_OUTCOME, 128, r), QT_OK);
        ck_assert_int_eq(qt_state_energy_entropy(b, rho, H, QT_EE_DEPHASED, 128, r), QT_OK);
        ck_assert(qt_overlaps(a, b));
        ck_assert_int_eq(qt_state_von_neumann_entropy(c, D, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, c), "energy entropy differs from S(diag rho)");

        ck_assert_int_eq(qt_state_coherence(a, rho, H, 128, r), QT_OK);
        ck_assert_int_eq(qt_state_relative_entropy(b, rho, D, 128, r), QT_OK);
        ck_assert_msg(qt_overlaps(a, b), "C_rel != D(rho || Delta rho)");
        ck_assert(!arb_is_negative(a));

        /* delta = diag(1, 2, ..., n)/(n(n+1)/2): full rank, diagonal */
        for (i = 0; i < n * n; i++)
        {
            fmpq_zero(delta->re + i);
            fmpq_zero(delta->im + i);
        }
        for (i = 0; i < n; i++)
            fmpq_set_si(delta->re + i * n + i, 2 * (i + 1), n * (n + 1));
        ck_assert_int_eq(qt_state_relative_entropy(b, rho, delta, 128, r), QT_OK);
        ck_assert_int_eq(qt_state_relative_entropy(c, D, delta, 128, r), QT_OK);
        arb_add(c, c, a, 128);
        ck_assert_msg(qt_overlaps(b, c), "D(rho||delta) != D(Delta rho||delta) + C_rel");

        /* D(rho || I/n) = ln n - S */
        for (i = 0; i < n * n; i++)
            fmpq_zero(delta->re + i);
        for (i = 0; i < n; i++)
            fmpq_set_si(delta->re + i * n + i, 1, n);
        ck_assert_int_eq(qt_state_relative_entropy(b, rho, delta, 128, r), QT_OK);
        ck_assert_int_eq(qt_state_von_neumann_entropy(c, rho, 128, r), QT_OK);
        arb_set_si(t, n);
        arb_log(t, t, 128);
        arb_sub(t, t, c, 128);
        ck_assert(qt_overlaps(b, t));

        /* D(rho || rho) = 0 when rho has full rank; +inf or 0 otherwise is decided exactly */
        ck_assert_int_eq(qt_state_relative_entropy(b, rho, rho, 128, r), QT_OK);
        ck_assert(arb_contains_zero(b));

        /* degenerate H: Shannon entropy of outcomes <= S(Delta_H rho) */
        ck_assert_int_eq(qt_state_energy_entropy(a, rho, Hd, QT_EE_OUTCOME, 128, r), QT_OK);
        ck_assert_int_eq(qt_state_energy_entropy(b, rho, Hd, QT_EE_DEPHASED, 128, r), QT_OK);
        ck_assert(!arb_gt(a, b));
        /* S <= S(Delta rho) */
        ck_assert_int_eq(qt_state_von_neumann_entropy(c, rho, 128, r), QT_OK);
        ck_assert(!arb_gt(c, b));

        qt_qmat_clear(rho); qt_qmat_clear(H); qt_qmat_clear(Hd); qt_qmat_clear(D); qt_qmat_clear(delta);
    }
    arb_clear(a); arb_clear(b); arb_clear(c); arb_clear(t);
    flint_randclear(st);
}
END_TEST

/* non-diagonal H: rational projectors (sigma_x) and irrational spectrum ([[1,1],[1,0]]) */
START_TEST(energy_entropy_nondiagonal)
{
    const char *sx[] = {"0", "1", "1", "0"};
    const char *plus[] = {"1/2", "1/2", "1/2", "1/2"};
    const char *gold[] = {"1", "1", "1", "0"};
    const char *deg[] = {"1", "0", "0", "0", "1", "0", "0", "0", "0"};
    const char *mix3[] = {"1/3", "1/6", "0", "1/6", "1/3", "0", "0", "0", "1/3"};
    qt_qmat_t H, rho;
    arb_t a, b, t;
    char r[QT_REASON_LEN];
    arb_init(a); arb_init(b); arb_init(t);
    qt_qmat_init(H, 2);
    qt_qmat_init(rho, 2);
    set_rows(H, sx, NULL);
    set_rows(rho, plus, NULL);
    /* |+> is an eigenstate of sigma_x: energy entropy and coherence exactly 0 */
    ck_assert_int_eq(qt_state_energy_entropy(a, rho, H, QT_EE_DEPHASED, 128, r), QT_OK);
    ck_assert(arb_contains_zero(a) && mag_cmp_2exp_si(arb_radref(a), -100) < 0);
    ck_assert_int_eq(qt_state_coherence(a, rho, H, 128, r), QT_OK);
    ck_assert(arb_contains_zero(a));
    /* irrational eigenvalues (1 +- sqrt 5)/2: outcome = dephased, S <= S_E <= ln 2 */
    set_rows(H, gold, NULL);
    ck_assert_int_eq(qt_state_energy_entropy(a, rho, H, QT_EE_OUTCOME, 128, r), QT_OK);
    ck_assert_int_eq(qt_state_energy_entropy(b, rho, H, QT_EE_DEPHASED, 128, r), QT_OK);
    ck_assert(qt_overlaps(a, b));
    ck_assert(arb_rel_accuracy_bits(a) > 100);
    arb_set_ui(t, 2);
    arb_log(t, t, 128);
    ck_assert(!arb_gt(a, t) && arb_is_positive(a));
    /* p_+ for |+> and H = [[1,1],[1,0]]: closed form (1 + 2/sqrt 5)/2 ... checked via the entropy:
       p = (1 + 2/sqrt(5))/2, S_E = h(p) */
    {
        arb_t p, q, g;
        arb_init(p); arb_init(q); arb_init(g);
        arb_set_ui(p, 5);
        arb_rsqrt(p, p, 200);
        arb_mul_2exp_si(p, p, 1);
        arb_add_ui(p, p, 1, 200);
        arb_mul_2exp_si(p, p, -1);
        arb_sub_ui(q, p, 1, 200);
        arb_neg(q, q);
        qt_arb_neg_xlogx_unit(g, p, 200);
        qt_arb_neg_xlogx_unit(t, q, 200);
        arb_add(g, g, t, 200);
        ck_assert_msg(qt_overlaps(a, g), "energy entropy of |+> for H = [[1,1],[1,0]] is not h((1 + 2/sqrt 5)/2)");
        arb_clear(p); arb_clear(q); arb_clear(g);
    }
    qt_qmat_clear(H);
    qt_qmat_clear(rho);
    /* degenerate rational H (eigenvalue 1 twice): dephased uses block dephasing */
    qt_qmat_init(H, 3);
    qt_qmat_init(rho, 3);
    set_rows(H, deg, NULL);
    set_rows(rho, mix3, NULL);
    ck_assert_int_eq(qt_state_energy_entropy(a, rho, H, QT_EE_DEPHASED, 128, r), QT_OK);
    ck_assert_int_eq(qt_state_von_neumann_entropy(b, rho, 128, r), QT_OK);
    ck_assert_msg(qt_overlaps(a, b), "rho is block diagonal for H: dephasing must not change S");
    ck_assert_int_eq(qt_state_energy_entropy(a, rho, H, QT_EE_OUTCOME, 128, r), QT_OK);
    /* outcomes 2/3, 1/3 */
    arb_set_si(t, 3);
    arb_log(t, t, 128);
    arb_set_si(b, 2);
    arb_log(b, b, 128);
    arb_mul_2exp_si(b, b, 1);
    arb_div_ui(b, b, 3, 128);
    arb_sub(t, t, b, 128);                 /* ln 3 - (2/3) ln 2 */
    ck_assert(qt_overlaps(a, t));
    qt_qmat_clear(H);
    qt_qmat_clear(rho);
    arb_clear(a); arb_clear(b); arb_clear(t);
}
END_TEST

START_TEST(relative_entropy_support)
{
    const char *e[] = {"1", "0", "0", "0"};
    const char *plus[] = {"1/2", "1/2", "1/2", "1/2"};
    const char *mixed[] = {"1/2", "0", "0", "1/2"};
    qt_qmat_t a, b;
    arb_t d;
    char r[QT_REASON_LEN];
    arb_init(d);
    qt_qmat_init(a, 2);
    qt_qmat_init(b, 2);
    set_rows(a, mixed, NULL);
    set_rows(b, e, NULL);
    ck_assert_int_eq(qt_state_relative_entropy(d, a, b, 64, r), QT_OK);
    ck_assert(arf_is_pos_inf(arb_midref(d)) && mag_is_zero(arb_radref(d)));
    ck_assert(qt_arb_meets_digits(d, 30));
    set_rows(a, e, NULL);
    set_rows(b, plus, NULL);
    ck_assert_int_eq(qt_state_relative_entropy(d, a, b, 64, r), QT_OK);
    ck_assert(arf_is_pos_inf(arb_midref(d)));
    /* supp |e> within supp of I/2: D = ln 2 */
    set_rows(b, mixed, NULL);
    ck_assert_int_eq(qt_state_relative_entropy(d, a, b, 128, r), QT_OK);
    {
        arb_t l2;
        arb_init(l2);
        arb_set_ui(l2, 2);
        arb_log(l2, l2, 128);
        ck_assert(qt_overlaps(d, l2));
        arb_clear(l2);
    }
    qt_qmat_clear(a);
    qt_qmat_clear(b);
    arb_clear(d);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("state");
    TCase *tc = tcase_create("state");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, random_states_two_methods);
    tcase_add_test(tc, qubit_closed_form);
    tcase_add_test(tc, special_states);
    tcase_add_test(tc, neg_xlogx_enclosure);
    tcase_add_test(tc, psd_decision_and_errors);
    tcase_add_test(tc, entropy_identities);
    tcase_add_test(tc, energy_entropy_nondiagonal);
    tcase_add_test(tc, relative_entropy_support);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
