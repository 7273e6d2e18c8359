/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_core.c -- exact input, ball strings, the digits loop, Davies and Lindblad generators, block solves, spectral
 * clusters of block matrices (certified integration: t_integrate.c). */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <stdio.h>
#include "qt_test.h"

START_TEST(qspan_rank)
{
    /* exact spans over Q(i): the dimension after inserting the rows of A = B C (B 5 x r, C r x 5, random Gaussian
       rationals) is the rank from the real embedding (an independent integer elimination), and random combinations
       of inserted rows are never new */
    flint_rand_t st;
    int it;
    slong i, j, k;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(30); it++)
    {
        slong n = 5, r = (slong) n_randint(st, 6), d = 0, d2;
        qt_qmat_t B, C, A;
        qt_qspan_t S;
        fmpq *wr = _fmpq_vec_init(n), *wi = _fmpq_vec_init(n);
        fmpq_t c, t;
        fmpq_init(c); fmpq_init(t);
        qt_qmat_init(B, n); qt_qmat_init(C, n); qt_qmat_init(A, n);
        for (i = 0; i < n; i++)
            for (k = 0; k < r; k++)
            {
                fmpq_set_si(B->re + i * n + k, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 3));
                fmpq_set_si(B->im + i * n + k, (slong) n_randint(st, 5) - 2, 1 + n_randint(st, 2));
                fmpq_set_si(C->re + k * n + i, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 4));
                if (n_randint(st, 2))
                    fmpq_set_si(C->im + k * n + i, (slong) n_randint(st, 5) - 2, 1);
            }
        qt_qmat_mul(A, B, C);
        qt_qspan_init(S, n);
        for (i = 0; i < n; i++)
            d += qt_qspan_insert(S, A->re + i * n, A->im + i * n);
        ck_assert_int_eq(d, S->dim);
        ck_assert_int_eq(2 * S->dim, qt_qmat_rank2(A));
        /* a random real combination of the rows lies in the span */
        for (j = 0; j < n; j++)
        {
            fmpq_zero(wr + j);
            fmpq_zero(wi + j);
        }
        for (i = 0; i < n; i++)
        {
            fmpq_set_si(c, (slong) n_randint(st, 9) - 4, 1 + n_randint(st, 3));
            for (j = 0; j < n; j++)
            {
                fmpq_mul(t, c, A->re + i * n + j); fmpq_add(wr + j, wr + j, t);
                fmpq_mul(t, c, A->im + i * n + j); fmpq_add(wi + j, wi + j, t);
            }
        }
        d2 = S->dim;
        ck_assert_int_eq(qt_qspan_insert(S, wr, wi), 0);
        ck_assert_int_eq(S->dim, d2);
        /* i times a row lies in the span (complex scalars) */
        if (r > 0)
        {
            for (j = 0; j < n; j++)
            {
                fmpq_neg(wr + j, A->im + j);
                fmpq_set(wi + j, A->re + j);
            }
            ck_assert_int_eq(qt_qspan_insert(S, wr, wi), 0);
        }
        /* the unit vectors complete it to Q(i)^n */
        for (j = 0; j < n; j++)
        {
            for (k = 0; k < n; k++)
            {
                fmpq_set_si(wr + k, k == j, 1);
                fmpq_zero(wi + k);
            }
            qt_qspan_insert(S, wr, NULL);
        }
        ck_assert_int_eq(S->dim, n);
        qt_qspan_clear(S);
        qt_qmat_clear(B); qt_qmat_clear(C); qt_qmat_clear(A);
        _fmpq_vec_clear(wr, n); _fmpq_vec_clear(wi, n);
        fmpq_clear(c); fmpq_clear(t);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(exact_parse_good)
{
    const char *in[] = {"-0.125", "1e-3", "3/7", "+.5", "2.", "-12/8", "0", "1E+2", "-0.000", "7e0"};
    const char *num[] = {"-1", "1", "3", "1", "2", "-3", "0", "100", "0", "7"};
    const char *den[] = {"8", "1000", "7", "2", "1", "2", "1", "1", "1", "1"};
    int i;
    fmpq_t q, r;
    fmpz_t a, b;
    char err[256];
    fmpq_init(q); fmpq_init(r); fmpz_init(a); fmpz_init(b);
    for (i = 0; i < 10; i++)
    {
        ck_assert_msg(qt_exact_parse(q, in[i], err, sizeof err) == 0, "%s: %s", in[i], err);
        fmpz_set_str(a, num[i], 10);
        fmpz_set_str(b, den[i], 10);
        fmpq_set_fmpz_frac(r, a, b);
        ck_assert_msg(fmpq_equal(q, r), "%s parsed wrongly", in[i]);
    }
    fmpq_clear(q); fmpq_clear(r); fmpz_clear(a); fmpz_clear(b);
}
END_TEST

/* the exact string of a rational re-parses to the same rational */
START_TEST(fmpq_exact_string)
{
    const char *in[] = {"-0.5", "1e-3", "3/7", "12.25", "-1/3", "0", "100", "7/8", "-0.0625"};
    const char *out[] = {"-0.5", "0.001", "3/7", "12.25", "-1/3", "0", "100", "0.875", "-0.0625"};
    int i;
    fmpq_t q, r;
    char err[256];
    fmpq_init(q);
    fmpq_init(r);
    for (i = 0; i < 9; i++)
    {
        char *s;
        ck_assert(qt_exact_parse(q, in[i], err, sizeof err) == 0);
        s = qt_fmpq_get_str_exact(q);
        ck_assert_str_eq(s, out[i]);
        ck_assert(qt_exact_parse(r, s, err, sizeof err) == 0);
        ck_assert(fmpq_equal(q, r));
        flint_free(s);
    }
    fmpq_clear(q);
    fmpq_clear(r);
}
END_TEST

START_TEST(exact_parse_bad)
{
    const char *bad[] = {"", "nan", "NaN", "inf", "-inf", "1.2.3", "1e", "3/0", " 1", "1 ", "0x10",
                         "1e99999", "--1", "1/2/3", "/3", "3/", "e5", ".", "+", "1,5", "½", "1e-4001", "3/-7"};
    int i;
    fmpq_t q;
    char err[256];
    fmpq_init(q);
    for (i = 0; i < (int) (sizeof bad / sizeof bad[0]); i++)
    {
        err[0] = '\0';
        ck_assert_msg(qt_exact_parse(q, bad[i], err, sizeof err) != 0, "\"%s\" was accepted", bad[i]);
        ck_assert_msg(strlen(err) > 5, "no message for \"%s\"", bad[i]);
    }
    fmpq_clear(q);
}
END_TEST

/* every string of qt_ball_strings encloses the ball, checked in exact arithmetic */
START_TEST(ball_strings_enclose)
{
    flint_rand_t st;
    arb_t x, y;
    fmpq_t q, lb, ub;
    arf_t e;
    int i;
    flint_randinit(st);
    arb_init(x); arb_init(y);
    fmpq_init(q); fmpq_init(lb); fmpq_init(ub);
    arf_init(e);
    for (i = 0; i < qt_test_iters(2000); i++)
    {
        qt_ball_strings_t s;
        slong sig = 1 + n_randint(st, 60);
        char buf[2000];
        arb_randtest(x, st, 1 + n_randint(st, 300), 1 + n_randint(st, 11));   /* |exponent| < 2^11 bits */
        if (!arb_is_finite(x))
            continue;
        qt_ball_strings(&s, x, sig);
        /* [mid +/- rad] contains x */
        snprintf(buf, sizeof buf, "[%s +/- %s]", s.mid, s.rad);
        ck_assert(arb_set_str(y, buf, 1000) == 0);
        ck_assert_msg(arb_contains(y, x), "mid/rad %s does not contain the ball", buf);
        /* and rad is tight: at most 1.02 (|mid - mid(x)| + rad(x)) plus 2^-100 |mid(x)|, exactly (the three digits
           round up by less than 1 %; the decimal's ball is computed with more than 100 bits) */
        {
            fmpq_t d, r;
            fmpq_init(d); fmpq_init(r);
            ck_assert(qt_exact_parse(q, s.mid, buf, sizeof buf) == 0);
            arf_get_fmpq(d, arb_midref(x));
            fmpq_sub(q, q, d);
            fmpq_abs(q, q);
            arf_set_mag(e, arb_radref(x));
            arf_get_fmpq(r, e);
            fmpq_add(q, q, r);
            fmpq_mul_ui(q, q, 102);
            fmpq_abs(d, d);
            fmpq_div_2exp(d, d, 100);
            fmpq_mul_ui(d, d, 100);
            fmpq_add(q, q, d);                   /* 100 times the bound */
            ck_assert(qt_exact_parse(r, s.rad, buf, sizeof buf) == 0);
            fmpq_mul_ui(r, r, 100);
            ck_assert_msg(fmpq_cmp(r, q) <= 0, "rad %s wider than needed for mid %s", s.rad, s.mid);
            fmpq_clear(d); fmpq_clear(r);
        }
        /* lo <= every point of x <= hi, exactly */
        arb_get_lbound_arf(e, x, 2000);
        arf_get_fmpq(lb, e);
        arb_get_ubound_arf(e, x, 2000);
        arf_get_fmpq(ub, e);
        ck_assert(qt_exact_parse(q, s.lo, buf, sizeof buf) == 0);
        ck_assert_msg(fmpq_cmp(q, lb) <= 0, "lo %s above the ball", s.lo);
        ck_assert(qt_exact_parse(q, s.hi, buf, sizeof buf) == 0);
        ck_assert_msg(fmpq_cmp(q, ub) >= 0, "hi %s below the ball", s.hi);
        /* binary64 bounds */
        if (strcmp(s.lo_f64, "-inf") != 0)
        {
            arf_set_d(e, strtod(s.lo_f64, NULL));
            arf_get_fmpq(q, e);
            ck_assert_msg(fmpq_cmp(q, lb) <= 0, "lo_f64 %s above the ball", s.lo_f64);
        }
        if (strcmp(s.hi_f64, "inf") != 0)
        {
            arf_set_d(e, strtod(s.hi_f64, NULL));
            arf_get_fmpq(q, e);
            ck_assert_msg(fmpq_cmp(q, ub) >= 0, "hi_f64 %s below the ball", s.hi_f64);
        }
        qt_ball_strings_clear(&s);
    }
    arb_indeterminate(x);
    {
        qt_ball_strings_t s;
        qt_ball_strings(&s, x, 10);
        ck_assert_str_eq(s.rad, "inf");
        ck_assert_str_eq(s.lo, "-inf");
        qt_ball_strings_clear(&s);
    }
    arb_clear(x); arb_clear(y);
    fmpq_clear(q); fmpq_clear(lb); fmpq_clear(ub);
    arf_clear(e);
    flint_randclear(st);
}
END_TEST

START_TEST(meets_digits)
{
    arb_t x;
    arb_init(x);
    arb_set_str(x, "[1.0 +/- 1e-31]", 200);
    ck_assert(qt_arb_meets_digits(x, 30));
    ck_assert(!qt_arb_meets_digits(x, 31));
    arb_set_str(x, "[1.0 +/- 1e-30]", 200);
    ck_assert(!qt_arb_meets_digits(x, 30));            /* margin of 1/2 */
    arb_set_str(x, "[0 +/- 1e-31]", 200);
    ck_assert(qt_arb_meets_digits(x, 30));             /* absolute criterion at 0 */
    arb_set_str(x, "[1e-40 +/- 1e-42]", 200);
    ck_assert(!qt_arb_meets_digits(x, 30));            /* relative criterion */
    arb_zero(x);
    ck_assert(qt_arb_meets_digits(x, 500));
    arb_indeterminate(x);
    ck_assert(!qt_arb_meets_digits(x, 1));
    arb_clear(x);
}
END_TEST

/* pi computed honestly at prec; an enclosure that widens on purpose below 200 bits */
static int
pi_fn(arb_t res, const void *p, slong prec, char *reason)
{
    (void) p; (void) reason;
    arb_const_pi(res, prec);
    if (prec < 200)
        mag_set_ui_2exp_si(arb_radref(res), 1, -prec / 4);
    return QT_OK;
}

static int
never_fn(arb_t res, const void *p, slong prec, char *reason)
{
    (void) p; (void) prec;
    arb_const_pi(res, 64);
    mag_set_ui_2exp_si(arb_radref(res), 1, -20);
    return qt_fail(reason, QT_UNCERTIFIED, "test: never converges");
}

static int
domain_fn(arb_t res, const void *p, slong prec, char *reason)
{
    (void) p; (void) prec; (void) res;
    return qt_fail(reason, QT_DOMAIN, "x must be > 0, got \"-1\"");
}

START_TEST(eval_digits_loop)
{
    qt_result_t r;
    arb_t pi;
    qt_result_init(r);
    arb_init(pi);
    arb_const_pi(pi, 2000);
    ck_assert_int_eq(qt_eval_digits(r, pi_fn, NULL, 50), QT_OK);
    ck_assert(qt_arb_meets_digits(&r->value, 50));
    ck_assert(arb_contains(&r->value, pi));
    ck_assert_int_eq(qt_eval_digits(r, never_fn, NULL, 30), QT_UNCERTIFIED);
    ck_assert(arb_is_finite(&r->value));
    ck_assert(arb_contains(&r->value, pi));
    ck_assert(strstr(r->reason, "never converges") != NULL);
    ck_assert_int_eq(qt_eval_digits(r, domain_fn, NULL, 30), QT_DOMAIN);
    ck_assert(strstr(r->reason, "x must be > 0") != NULL);
    ck_assert_int_eq(qt_eval_digits(r, pi_fn, NULL, 0), QT_DOMAIN);
    ck_assert_int_eq(qt_eval_digits(r, pi_fn, NULL, QT_DIGITS_MAX + 1), QT_DOMAIN);
    qt_result_clear(r);
    arb_clear(pi);
}
END_TEST

/* exact Hermitian matrix from a list of real rational strings (row-major) */
static void
qmat_from(qt_qmat_t H, const char *const *re)
{
    char err[256];
    ck_assert_int_eq(qt_qmat_set_strings(H, re, NULL, err, sizeof err), 0);
}

static slong
bohr_count(const qt_bohr_groups_t B, const qt_eigenprojectors_t E, slong g)
{
    slong m, n, c = 0;
    for (m = 0; m < B->K; m++)
        for (n = 0; n < B->K; n++)
            if (B->group[m * B->K + n] == g)
                c += E->mult[m] * E->mult[n];
    return c;
}

START_TEST(davies_bohr_groups)
{
    /* lemma P17a: exact Bohr-frequency grouping against hand-counted spectra */
    slong prec = 128;
    char why[QT_REASON_LEN];
    qt_eigenprojectors_t E;
    qt_bohr_groups_t B;
    {
        /* levels 0, 1, 2, 5: frequency 1 twice (0-1, 1-2), 2, 3, 4, 5 once; ten nonzero groups */
        static const char *h[16] = {"0","0","0","0", "0","1","0","0", "0","0","2","0", "0","0","0","5"};
        qt_qmat_t H;
        qt_qmat_init(H, 4);
        qmat_from(H, h);
        qt_eigenprojectors_init(E); qt_bohr_groups_init(B);
        ck_assert_int_eq(qt_eigenprojectors(E, H, prec, why), QT_OK);
        ck_assert_int_eq(qt_bohr_groups(B, H, E, prec, why), QT_OK);
        ck_assert_int_eq(B->ngroups, 10);
        ck_assert_int_eq(B->group[0 * 4 + 1], B->group[1 * 4 + 2]);      /* E_1 - E_0 = E_2 - E_1 = 1 */
        ck_assert_int_ne(B->group[0 * 4 + 1], B->group[1 * 4 + 0]);      /* +1 and -1 */
        ck_assert_int_ne(B->group[0 * 4 + 1], B->group[0 * 4 + 2]);
        ck_assert_int_eq(bohr_count(B, E, B->group[0 * 4 + 1]), 2);
        ck_assert_int_eq(bohr_count(B, E, B->group[2 * 4 + 3]), 1);
        qt_eigenprojectors_clear(E); qt_bohr_groups_clear(B);
        qt_qmat_clear(H);
    }
    {
        /* h (+) (h + 1), h = [[1, 1], [1, -1]]: levels -r, 1 - r, r, 1 + r (r = sqrt 2, irrational); exact coincidences
           2r (inside each block, twice) and 1 (between the blocks, twice), none else */
        static const char *h[16] = {"1","1","0","0", "1","-1","0","0", "0","0","2","1", "0","0","1","0"};
        qt_qmat_t H;
        slong g2r, g1;
        qt_qmat_init(H, 4);
        qmat_from(H, h);
        qt_eigenprojectors_init(E); qt_bohr_groups_init(B);
        ck_assert_int_eq(qt_eigenprojectors(E, H, prec, why), QT_OK);
        ck_assert_int_eq(E->k, 4);
        ck_assert_int_eq(qt_bohr_groups(B, H, E, prec, why), QT_OK);
        /* ascending levels: 0 = -r, 1 = 1 - r, 2 = r, 3 = 1 + r */
        g2r = B->group[0 * 4 + 2];
        ck_assert_int_eq(B->group[1 * 4 + 3], g2r);
        g1 = B->group[0 * 4 + 1];
        ck_assert_int_eq(B->group[2 * 4 + 3], g1);
        ck_assert_int_ne(g1, g2r);
        ck_assert_int_eq(bohr_count(B, E, g2r), 2);
        ck_assert_int_eq(bohr_count(B, E, g1), 2);
        ck_assert_int_eq(bohr_count(B, E, B->group[0 * 4 + 3]), 1);    /* 1 + 2r */
        ck_assert_int_eq(bohr_count(B, E, B->group[1 * 4 + 2]), 1);    /* 2r - 1 */
        ck_assert_int_eq(B->ngroups, 8);
        qt_eigenprojectors_clear(E); qt_bohr_groups_clear(B);
        qt_qmat_clear(H);
    }
    {
        /* levels 0 (twice), 1, 2 + 10^-30: the frequencies 1 and 1 + 10^-30 are distinct groups; the degenerate level
           counts dim P_m dim P_n transitions */
        static const char *h[16] = {"0","0","0","0", "0","0","0","0", "0","0","1","0", "0","0","0","2.000000000000000000000000000001"};
        qt_qmat_t H;
        qt_qmat_init(H, 4);
        qmat_from(H, h);
        qt_eigenprojectors_init(E); qt_bohr_groups_init(B);
        ck_assert_int_eq(qt_eigenprojectors(E, H, prec, why), QT_OK);
        ck_assert_int_eq(E->k, 3);
        ck_assert_int_eq(qt_bohr_groups(B, H, E, prec, why), QT_OK);
        ck_assert_int_ne(B->group[0 * 3 + 1], B->group[1 * 3 + 2]);
        ck_assert_int_eq(bohr_count(B, E, B->group[0 * 3 + 1]), 2);     /* 0 (twice) -> 1 */
        ck_assert_int_eq(B->ngroups, 6);
        qt_eigenprojectors_clear(E); qt_bohr_groups_clear(B);
        qt_qmat_clear(H);
    }
}
END_TEST

START_TEST(davies_gibbs_state_and_derivative)
{
    /* lemma P17b against the one-qubit closed form: H = B_x sx + B_z sz, rho = (1 - f u)/2, f = tanh(B/T), u = H/B,
       d_x rho = -(1/2)[(1 - f^2) (B_x/(T B)) u + f (sx/B - u B_x/B^2)]; and the Davies generator of two random baths
       (complex Hermitian couplings) fixes the Gibbs state of a random 3 x 3 H (detailed balance of the KMS rates) */
    flint_rand_t st;
    slong prec = 128, it;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_qmat_t H, A, H3;
        qt_eigenprojectors_t E;
        qt_bohr_groups_t B;
        qt_lindblad_t G;
        acb_mat_t Hb, sx, u, rho, drho, ref, M, S, Ab, H3b, r3, L3;
        acb_t bx, bz, b, T, f, t, g;
        fmpq_t q;
        slong i, j, x, z, tt;
        char re[4][32];
        const char *rp[4];
        qt_qmat_init(H, 2); qt_qmat_init(A, 3); qt_qmat_init(H3, 3);
        qt_eigenprojectors_init(E); qt_bohr_groups_init(B);
        acb_mat_init(Hb, 2, 2); acb_mat_init(sx, 2, 2); acb_mat_init(u, 2, 2); acb_mat_init(rho, 2, 2);
        acb_mat_init(drho, 2, 2); acb_mat_init(ref, 2, 2); acb_mat_init(M, 2, 2); acb_mat_init(S, 2, 2);
        acb_mat_init(Ab, 3, 3); acb_mat_init(H3b, 3, 3); acb_mat_init(r3, 3, 3); acb_mat_init(L3, 3, 3);
        acb_init(bx); acb_init(bz); acb_init(b); acb_init(T); acb_init(f); acb_init(t); acb_init(g);
        fmpq_init(q);
        x = (slong) n_randint(st, 17) - 8; z = 1 + (slong) n_randint(st, 8); tt = 1 + (slong) n_randint(st, 6);
        snprintf(re[0], 32, "%ld/4", (long) z); snprintf(re[1], 32, "%ld/4", (long) x);
        snprintf(re[2], 32, "%ld/4", (long) x); snprintf(re[3], 32, "%ld/4", (long) -z);
        for (i = 0; i < 4; i++)
            rp[i] = re[i];
        qmat_from(H, rp);
        acb_set_si(bx, x); acb_mul_2exp_si(bx, bx, -2);
        acb_set_si(bz, z); acb_mul_2exp_si(bz, bz, -2);
        acb_set_si(T, tt); acb_mul_2exp_si(T, T, -1);
        ck_assert_int_eq(qt_eigenprojectors(E, H, prec, why), QT_OK);
        qt_qmat_get_acb_mat(Hb, H, prec);
        acb_one(acb_mat_entry(sx, 0, 1)); acb_one(acb_mat_entry(sx, 1, 0));
        acb_mul(b, bx, bx, prec); acb_addmul(b, bz, bz, prec); acb_sqrt(b, b, prec);
        acb_mat_scalar_div_acb(u, Hb, b, prec);
        acb_div(t, b, T, prec); acb_tanh(f, t, prec);
        /* rho = (1 - f u)/2 */
        qt_gibbs_state(rho, E, acb_realref(T), prec);
        acb_mat_scalar_mul_acb(ref, u, f, prec);
        acb_mat_neg(ref, ref);
        acb_add_si(acb_mat_entry(ref, 0, 0), acb_mat_entry(ref, 0, 0), 1, prec);
        acb_add_si(acb_mat_entry(ref, 1, 1), acb_mat_entry(ref, 1, 1), 1, prec);
        acb_mat_scalar_mul_2exp_si(ref, ref, -1);
        ck_assert(acb_mat_overlaps(rho, ref));
        /* d_x rho */
        acb_mul(g, f, f, prec); acb_sub_si(g, g, 1, prec); acb_neg(g, g);
        acb_mul(g, g, bx, prec); acb_div(g, g, T, prec); acb_div(g, g, b, prec);
        acb_mat_scalar_mul_acb(ref, u, g, prec);
        acb_mat_scalar_div_acb(M, sx, b, prec);
        acb_mat_scalar_mul_acb(S, u, bx, prec);
        acb_mat_scalar_div_acb(S, S, b, prec);
        acb_mat_scalar_div_acb(S, S, b, prec);
        acb_mat_sub(M, M, S, prec);
        acb_mat_scalar_mul_acb(M, M, f, prec);
        acb_mat_add(ref, ref, M, prec);
        acb_mat_scalar_mul_2exp_si(ref, ref, -1);
        acb_mat_neg(ref, ref);
        qt_gibbs_derivative(drho, E, sx, acb_realref(T), prec);
        ck_assert(acb_mat_overlaps(drho, ref));
        acb_mat_trace(t, drho, prec);
        ck_assert(acb_contains_zero(t));
        qt_eigenprojectors_clear(E);

        /* a random real symmetric 3 x 3 H and two random baths: L(rho_Gibbs) contains 0 */
        for (i = 0; i < 3; i++)
            for (j = i; j < 3; j++)
            {
                fmpq_set_si(q, (slong) n_randint(st, 9) - 4, 1 + n_randint(st, 3));
                fmpq_set(H3->re + 3 * i + j, q);
                fmpq_set(H3->re + 3 * j + i, q);
            }
        qt_eigenprojectors_init(E);
        ck_assert_int_eq(qt_eigenprojectors(E, H3, prec, why), QT_OK);
        ck_assert_int_eq(qt_bohr_groups(B, H3, E, prec, why), QT_OK);
        qt_qmat_get_acb_mat(H3b, H3, prec);
        qt_lindblad_init(G, 3);
        qt_lindblad_set_hamiltonian(G, H3b);
        for (j = 0; j < 2; j++)
        {
            slong k, l;
            /* a Hermitian coupling (the Davies generator with KMS rates fixes the Gibbs state for Hermitian A) */
            for (k = 0; k < 3; k++)
                for (l = k; l < 3; l++)
                {
                    fmpq_set_si(q, (slong) n_randint(st, 7) - 3, 1 + n_randint(st, 2));
                    fmpq_set(A->re + 3 * k + l, q);
                    fmpq_set(A->re + 3 * l + k, q);
                    fmpq_set_si(q, k == l ? 0 : (slong) n_randint(st, 5) - 2, 1);
                    fmpq_set(A->im + 3 * k + l, q);
                    fmpq_neg(A->im + 3 * l + k, q);
                }
            qt_qmat_get_acb_mat(Ab, A, prec);
            acb_set_si(g, 1 + j);
            qt_davies_add_bath(G, E, B, Ab, g, T, j, prec);
        }
        qt_gibbs_state(r3, E, acb_realref(T), prec);
        qt_lindblad_apply(L3, G, r3, -1, prec);
        for (i = 0; i < 3; i++)
            for (j = 0; j < 3; j++)
                ck_assert(acb_contains_zero(acb_mat_entry(L3, i, j)));
        qt_lindblad_clear(G);
        qt_eigenprojectors_clear(E);
        qt_bohr_groups_clear(B);
        qt_qmat_clear(H); qt_qmat_clear(A); qt_qmat_clear(H3);
        acb_mat_clear(Hb); acb_mat_clear(sx); acb_mat_clear(u); acb_mat_clear(rho); acb_mat_clear(drho);
        acb_mat_clear(ref); acb_mat_clear(M); acb_mat_clear(S);
        acb_mat_clear(Ab); acb_mat_clear(H3b); acb_mat_clear(r3); acb_mat_clear(L3);
        acb_clear(bx); acb_clear(bz); acb_clear(b); acb_clear(T); acb_clear(f); acb_clear(t); acb_clear(g);
        fmpq_clear(q);
    }
    flint_randclear(st);
}
END_TEST


/* lemma L1': the superoperator built entry by entry equals the columns L(E_ij) of qt_lindblad_apply (an independent
   route through matrix products); exact zeros of sparse operators stay exact zeros */
START_TEST(davies_grouped_derivative)
{
    /* lemma P29: qt_davies_grouped_derivative_apply against the five-point difference of the grouped dissipator itself
       (qt_davies_add_grouped with A + t dA and w + t dw, applied to X) at t = 0, h = 2^-30, 320 bits (truncation
       ~ h^4, the comparison allows 2^-80); three levels, complex frequencies (the ohmic rate is holomorphic), random
       complex A, dA, X, and the variants with constant frequencies (dw = NULL) or a constant A (dA = NULL) */
    static const slong grp[9] = {-1, 0, 2, 1, -1, 0, 3, 1, -1};      /* n -> m: group[3 m + n] */
    static const slong js[4] = {1, -1, 2, -2}, ws[4] = {8, -8, -1, 1};
    flint_rand_t st;
    slong it, prec = 320, i, j, q, v;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        acb_mat_struct P[3];
        acb_mat_t A, dA, As, X, Y, Yf, T1;
        acb_ptr om = _acb_vec_init(4), dom = _acb_vec_init(4), oms = _acb_vec_init(4);
        acb_t gamma, T, t, h;
        qt_lindblad_t G;
        for (i = 0; i < 3; i++)
        {
            acb_mat_init(P + i, 3, 3);
            acb_one(acb_mat_entry(P + i, i, i));
        }
        acb_mat_init(A, 3, 3); acb_mat_init(dA, 3, 3); acb_mat_init(As, 3, 3); acb_mat_init(X, 3, 3);
        acb_mat_init(Y, 3, 3); acb_mat_init(Yf, 3, 3); acb_mat_init(T1, 3, 3);
        acb_init(gamma); acb_init(T); acb_init(t); acb_init(h);
        for (i = 0; i < 3; i++)
            for (j = 0; j < 3; j++)
            {
                acb_set_si_si(acb_mat_entry(A, i, j), (slong) n_randint(st, 7) - 3, (slong) n_randint(st, 5) - 2);
                acb_set_si_si(acb_mat_entry(dA, i, j), (slong) n_randint(st, 7) - 3, (slong) n_randint(st, 5) - 2);
                acb_set_si_si(acb_mat_entry(X, i, j), (slong) n_randint(st, 7) - 3, (slong) n_randint(st, 5) - 2);
            }
        /* w = (7 + i)/10 per level step: groups 0, 1, 2, 3 = w, -w, 2w, -2w; dw = c (1, -1, 2, -2) */
        acb_set_si_si(t, 7, 1);
        acb_div_ui(t, t, 10, prec);
        acb_set_si_si(h, 1 + (slong) n_randint(st, 3), (slong) n_randint(st, 3) - 1);
        for (q = 0; q < 4; q++)
        {
            static const slong mult[4] = {1, -1, 2, -2};
            acb_mul_si(om + q, t, mult[q], prec);
            acb_mul_si(dom + q, h, mult[q], prec);
        }
        acb_set_si(gamma, 1 + (slong) n_randint(st, 4));
        acb_set_si(T, 1 + (slong) n_randint(st, 3));
        acb_div_ui(T, T, 2, prec);
        for (v = 0; v < 3; v++)
        {
            int vary_w = v != 1, vary_A = v != 2;
            acb_mat_zero(Y);
            qt_davies_grouped_derivative_apply(Y, P, 3, grp, om, vary_w ? dom : NULL, 4, A, vary_A ? dA : NULL,
                                               gamma, T, X, prec);
            acb_mat_zero(Yf);
            for (q = 0; q < 4; q++)
            {
                /* t = js[q] 2^-30 */
                acb_set_si(t, js[q]);
                acb_mul_2exp_si(t, t, -30);
                for (i = 0; i < 4; i++)
                {
                    acb_set(oms + i, om + i);
                    if (vary_w)
                        acb_addmul(oms + i, dom + i, t, prec);
                }
                acb_mat_set(As, A);
                if (vary_A)
                    for (i = 0; i < 3; i++)
                        for (j = 0; j < 3; j++)
                            acb_addmul(acb_mat_entry(As, i, j), acb_mat_entry(dA, i, j), t, prec);
                qt_lindblad_init(G, 3);
                acb_mat_zero(T1);
                qt_lindblad_set_hamiltonian(G, T1);
                qt_davies_add_grouped(G, P, 3, grp, oms, 4, As, gamma, T, 1, 0, prec);
                qt_lindblad_apply(T1, G, X, -1, prec);
                qt_lindblad_clear(G);
                acb_mat_scalar_mul_si(T1, T1, ws[q], prec);
                acb_mat_add(Yf, Yf, T1, prec);
            }
            acb_set_ui(t, 12);
            acb_mul_2exp_si(t, t, -30);
            acb_mat_scalar_div_acb(Yf, Yf, t, prec);
            for (i = 0; i < 3; i++)
                for (j = 0; j < 3; j++)
                {
                    acb_ptr y = acb_mat_entry(Yf, i, j);
                    ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(y)), -100) < 0);
                    arb_add_error_2exp_si(acb_realref(y), -80);
                    arb_add_error_2exp_si(acb_imagref(y), -80);
                    ck_assert_msg(acb_overlaps(y, acb_mat_entry(Y, i, j)), "entry (%ld, %ld), variant %ld, iteration %ld",
                                  (long) i, (long) j, (long) v, (long) it);
                    ck_assert(!acb_contains_zero(acb_mat_entry(Y, i, j)) || acb_contains_zero(y));
                }
        }
        for (i = 0; i < 3; i++)
            acb_mat_clear(P + i);
        acb_mat_clear(A); acb_mat_clear(dA); acb_mat_clear(As); acb_mat_clear(X); acb_mat_clear(Y);
        acb_mat_clear(Yf); acb_mat_clear(T1);
        _acb_vec_clear(om, 4); _acb_vec_clear(dom, 4); _acb_vec_clear(oms, 4);
        acb_clear(gamma); acb_clear(T); acb_clear(t); acb_clear(h);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(lindblad_superop_vs_apply)
{
    flint_rand_t st;
    slong n, it, i, j, k, r;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_lindblad_t G;
        acb_mat_t H, L, S, E, Y;
        acb_t rate;
        n = 2 + (slong) n_randint(st, 3);
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(S, n * n, n * n); acb_mat_init(E, n, n);
        acb_mat_init(Y, n, n);
        acb_init(rate);
        /* H diagonal plus one Hermitian off-diagonal pair; two sparse jump operators */
        acb_mat_zero(H);
        for (i = 0; i < n; i++)
            acb_set_si(acb_mat_entry(H, i, i), (slong) n_randint(st, 7) - 3);
        acb_set_si_si(acb_mat_entry(H, 0, 1), 1, (slong) n_randint(st, 3) - 1);
        acb_conj(acb_mat_entry(H, 1, 0), acb_mat_entry(H, 0, 1));
        qt_lindblad_set_hamiltonian(G, H);
        for (k = 0; k < 2; k++)
        {
            acb_mat_zero(L);
            i = (slong) n_randint(st, n);
            j = (slong) n_randint(st, n);
            acb_set_si_si(acb_mat_entry(L, i, j), 1 + (slong) n_randint(st, 3), (slong) n_randint(st, 3));
            acb_set_si(acb_mat_entry(L, n - 1, 0), 2);
            acb_set_si(rate, 1 + (slong) n_randint(st, 5));
            acb_div_ui(rate, rate, 3, 128);                 /* a ball rate */
            qt_lindblad_add(G, L, rate, k, 128);
        }
        qt_lindblad_superop(S, G, 128);
        for (j = 0; j < n; j++)
            for (i = 0; i < n; i++)
            {
                acb_mat_zero(E);
                acb_one(acb_mat_entry(E, i, j));
                qt_lindblad_apply(Y, G, E, -1, 128);
                for (r = 0; r < n * n; r++)
                {
                    acb_srcptr a = acb_mat_entry(S, r, i + j * n), b = acb_mat_entry(Y, r % n, r / n);
                    ck_assert(acb_overlaps(a, b));
                    /* a structural zero of the product route is an exact zero of the entry route */
                    if (acb_is_zero(b))
                        ck_assert(acb_is_zero(a));
                }
            }
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(S); acb_mat_clear(E); acb_mat_clear(Y);
        acb_clear(rate);
    }
    flint_randclear(st);
}
END_TEST

/* lemma L1b: the dual generator under the trace pairing, tr(X L(Z)) against tr(L'(X) Z) for random X, Z, a
   non-Hermitian H and complex ball rates with transposes as the given adjoints (the holomorphic form), whole and
   by group; both sides narrow */
START_TEST(lindblad_dual_trace_pairing)
{
    flint_rand_t st;
    slong n, it, i, j, k, grp;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_lindblad_t G;
        acb_mat_t H, L, Lt, X, Z, Y, W;
        acb_t rate, a, b;
        n = 2 + (slong) n_randint(st, 4);
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(Lt, n, n); acb_mat_init(X, n, n);
        acb_mat_init(Z, n, n); acb_mat_init(Y, n, n); acb_mat_init(W, n, n);
        acb_init(rate); acb_init(a); acb_init(b);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                acb_set_si_si(acb_mat_entry(H, i, j), (slong) n_randint(st, 9) - 4, (slong) n_randint(st, 5) - 2);
                acb_set_si_si(acb_mat_entry(X, i, j), (slong) n_randint(st, 9) - 4, (slong) n_randint(st, 9) - 4);
                acb_set_si_si(acb_mat_entry(Z, i, j), (slong) n_randint(st, 9) - 4, (slong) n_randint(st, 9) - 4);
            }
        acb_mat_scalar_mul_2exp_si(X, X, -3);
        qt_lindblad_set_hamiltonian(G, H);
        for (k = 0; k < 3; k++)
        {
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    acb_set_si_si(acb_mat_entry(L, i, j), n_randint(st, 3) == 0 ? (slong) n_randint(st, 7) - 3 : 0,
                                  n_randint(st, 4) == 0 ? 1 : 0);
            acb_mat_transpose(Lt, L);
            acb_set_si_si(rate, 1 + (slong) n_randint(st, 5), (slong) n_randint(st, 3) - 1);
            acb_div_ui(rate, rate, 7, 128);                 /* a complex ball rate */
            qt_lindblad_add_with_adjoint(G, L, Lt, rate, k % 2, 128);
        }
        for (grp = -1; grp < 2; grp++)
        {
            qt_lindblad_apply(Y, G, Z, grp, 128);
            acb_mat_mul(W, X, Y, 128);
            acb_mat_trace(a, W, 128);
            qt_lindblad_apply_dual(Y, G, X, grp, 128);
            acb_mat_mul(W, Y, Z, 128);
            acb_mat_trace(b, W, 128);
            ck_assert(acb_overlaps(a, b));
            /* narrow: absolute radii below 2^-100 (the entries are O(10)) */
            ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(a)), -100) < 0);
            ck_assert(mag_cmp_2exp_si(arb_radref(acb_imagref(a)), -100) < 0);
            ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(b)), -100) < 0);
            ck_assert(mag_cmp_2exp_si(arb_radref(acb_imagref(b)), -100) < 0);
        }
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(Lt); acb_mat_clear(X); acb_mat_clear(Z);
        acb_mat_clear(Y); acb_mat_clear(W);
        acb_clear(rate); acb_clear(a); acb_clear(b);
    }
    flint_randclear(st);
}
END_TEST

/* lemma L5b: the block-by-block Drazin solve of an exactly block-diagonal generator (a secular generator in the
   eigenbasis) overlaps the dense solve of the same system with its zeros replaced by tiny balls about 0 (one
   component, the solve of lemma L5), checks S X = Y, tr X = 0; a dark level (two stationary states) is refused */
START_TEST(drazin_block_solve)
{
    flint_rand_t st;
    slong n = 3, N = 9, it, i, j, a, b;
    char why[QT_REASON_LEN];
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(5); it++)
    {
        qt_lindblad_t G;
        acb_mat_t H, L, S, Sd, Y, X, Xd, R;
        acb_t rate, tr;
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(S, N, N); acb_mat_init(Sd, N, N);
        acb_mat_init(Y, n, n); acb_mat_init(X, n, n); acb_mat_init(Xd, n, n); acb_mat_init(R, n, n);
        acb_init(rate); acb_init(tr);
        /* levels 0, 1, 3 (distinct Bohr frequencies); jumps |a><b| for every a != b with random rates */
        acb_mat_zero(H);
        acb_set_si(acb_mat_entry(H, 1, 1), 1);
        acb_set_si(acb_mat_entry(H, 2, 2), 3);
        qt_lindblad_set_hamiltonian(G, H);
        for (a = 0; a < n; a++)
            for (b = 0; b < n; b++)
                if (a != b)
                {
                    acb_mat_zero(L);
                    acb_one(acb_mat_entry(L, a, b));
                    acb_set_si(rate, 1 + (slong) n_randint(st, 9));
                    acb_div_ui(rate, rate, 7, 128);
                    qt_lindblad_add(G, L, rate, 0, 128);
                }
        qt_lindblad_superop(S, G, 128);
        acb_mat_set(Sd, S);
        for (i = 0; i < N; i++)
            for (j = 0; j < N; j++)
                if (acb_is_zero(acb_mat_entry(Sd, i, j)))
                    mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(Sd, i, j))), 1, -300);
        /* a traceless Hermitian right-hand side with coherences */
        acb_mat_zero(Y);
        acb_set_si(acb_mat_entry(Y, 0, 0), 1);
        acb_set_si(acb_mat_entry(Y, 2, 2), -1);
        acb_set_si_si(acb_mat_entry(Y, 0, 1), (slong) n_randint(st, 5) - 2, 1);
        acb_conj(acb_mat_entry(Y, 1, 0), acb_mat_entry(Y, 0, 1));
        ck_assert_int_eq(qt_lindblad_drazin_solve(X, S, Y, 128, why), QT_OK);
        ck_assert_int_eq(qt_lindblad_drazin_solve(Xd, Sd, Y, 128, why), QT_OK);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                ck_assert(acb_overlaps(acb_mat_entry(X, i, j), acb_mat_entry(Xd, i, j)));
        qt_lindblad_apply(R, G, X, -1, 128);
        acb_mat_trace(tr, X, 128);
        ck_assert(acb_contains_zero(tr));
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                acb_sub(acb_mat_entry(R, i, j), acb_mat_entry(R, i, j), acb_mat_entry(Y, i, j), 128);
                ck_assert(acb_contains_zero(acb_mat_entry(R, i, j)));
            }
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(S); acb_mat_clear(Sd);
        acb_mat_clear(Y); acb_mat_clear(X); acb_mat_clear(Xd); acb_mat_clear(R);
        acb_clear(rate); acb_clear(tr);
    }
    /* level 2 dark (no jumps to or from it): its population is a second block holding a diagonal index */
    {
        qt_lindblad_t G;
        acb_mat_t H, L, S, Y, X;
        acb_t rate;
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(S, N, N);
        acb_mat_init(Y, n, n); acb_mat_init(X, n, n);
        acb_init(rate);
        acb_mat_zero(H);
        acb_set_si(acb_mat_entry(H, 1, 1), 1);
        acb_set_si(acb_mat_entry(H, 2, 2), 3);
        qt_lindblad_set_hamiltonian(G, H);
        acb_one(rate);
        for (a = 0; a < 2; a++)
        {
            acb_mat_zero(L);
            acb_one(acb_mat_entry(L, a, 1 - a));
            qt_lindblad_add(G, L, rate, 0, 128);
        }
        acb_mat_zero(L);
        acb_one(acb_mat_entry(L, 2, 2));           /* dephasing of level 2 only */
        qt_lindblad_add(G, L, rate, 0, 128);
        qt_lindblad_superop(S, G, 128);
        acb_mat_zero(Y);
        acb_set_si(acb_mat_entry(Y, 0, 0), 1);
        acb_set_si(acb_mat_entry(Y, 1, 1), -1);
        ck_assert_int_eq(qt_lindblad_drazin_solve(X, S, Y, 128, why), QT_UNCERTIFIED);
        ck_assert(strstr(why, "not unique: the populations split") != NULL);
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(S); acb_mat_clear(Y); acb_mat_clear(X);
        acb_clear(rate);
    }
    flint_randclear(st);
}
END_TEST

/* qt_acb_mat_mul_zeros against acb_mat_mul on random sparse ball matrices (densities 0.1 to 1, aliased output too):
   the product of the midpoints (to 8 prec bits) meets both, the widths agree within a factor 2, and an entry with no nonzero
   pair of factors is an exact zero */
START_TEST(mat_mul_zeros)
{
    flint_rand_t st;
    slong iter, i, j, k, n, m, p, prec = 128;
    flint_randinit(st);
    for (iter = 0; iter < 300; iter++)
    {
        acb_mat_t A, B, C, D, Am, Bm, E;
        double dens = 0.1 + 0.9 * (iter % 10) / 9;
        n = 1 + n_randint(st, 6); m = 1 + n_randint(st, 6); p = 1 + n_randint(st, 6);
        if (iter % 5 == 0)
            m = p = n;                                 /* square, for the aliased case */
        acb_mat_init(A, n, m); acb_mat_init(B, m, p); acb_mat_init(C, n, p); acb_mat_init(D, n, p);
        acb_mat_init(Am, n, m); acb_mat_init(Bm, m, p); acb_mat_init(E, n, p);
        for (i = 0; i < n; i++)
            for (j = 0; j < m; j++)
                if (n_randint(st, 1000) < 1000 * dens)
                {
                    acb_randtest(acb_mat_entry(A, i, j), st, prec, 4);
                    acb_get_mid(acb_mat_entry(Am, i, j), acb_mat_entry(A, i, j));
                }
        for (i = 0; i < m; i++)
            for (j = 0; j < p; j++)
                if (n_randint(st, 1000) < 1000 * dens)
                {
                    acb_randtest(acb_mat_entry(B, i, j), st, prec, 4);
                    acb_get_mid(acb_mat_entry(Bm, i, j), acb_mat_entry(B, i, j));
                }
        acb_mat_mul(D, A, B, prec);
        acb_mat_mul(E, Am, Bm, 8 * prec);              /* the product of the midpoints, to 8 prec bits */
        if (iter % 5 == 0)
        {
            acb_mat_set(C, A);
            qt_acb_mat_mul_zeros(C, C, B, prec);       /* aliased */
        }
        else
            qt_acb_mat_mul_zeros(C, A, B, prec);
        for (i = 0; i < n; i++)
            for (j = 0; j < p; j++)
            {
                int any = 0;
                mag_t wc, wd;
                for (k = 0; k < m; k++)
                    any |= !acb_is_zero(acb_mat_entry(A, i, k)) && !acb_is_zero(acb_mat_entry(B, k, j));
                ck_assert(acb_overlaps(acb_mat_entry(C, i, j), acb_mat_entry(E, i, j)));
                ck_assert(acb_overlaps(acb_mat_entry(D, i, j), acb_mat_entry(E, i, j)));
                ck_assert(acb_overlaps(acb_mat_entry(C, i, j), acb_mat_entry(D, i, j)));
                if (!any)
                    ck_assert(acb_is_zero(acb_mat_entry(C, i, j)));
                mag_init(wc); mag_init(wd);
                mag_hypot(wc, arb_radref(acb_realref(acb_mat_entry(C, i, j))), arb_radref(acb_imagref(acb_mat_entry(C, i, j))));
                mag_hypot(wd, arb_radref(acb_realref(acb_mat_entry(D, i, j))), arb_radref(acb_imagref(acb_mat_entry(D, i, j))));
                mag_mul_2exp_si(wd, wd, 1);
                ck_assert_msg(mag_cmp(wc, wd) <= 0 || mag_cmp_2exp_si(wc, -prec + 8) <= 0, "iter %ld: wider than acb_mat_mul",
                              (long) iter);
                mag_clear(wc); mag_clear(wd);
            }
        acb_mat_clear(A); acb_mat_clear(B); acb_mat_clear(C); acb_mat_clear(D);
        acb_mat_clear(Am); acb_mat_clear(Bm); acb_mat_clear(E);
    }
    flint_randclear(st);
}
END_TEST

/* qt_blocks_group on random labelings: each block holds exactly the indices of its label, ascending, and the blocks
   tile 0 .. n-1 */
START_TEST(blocks_group)
{
    flint_rand_t st;
    slong iter, n, nc, i, b, k;
    flint_randinit(st);
    for (iter = 0; iter < 200; iter++)
    {
        slong *comp, *idx, *first;
        n = 1 + n_randint(st, 40);
        nc = 1 + n_randint(st, n);
        comp = flint_malloc(n * sizeof(slong)); idx = flint_malloc(n * sizeof(slong));
        first = flint_malloc((nc + 1) * sizeof(slong));
        for (i = 0; i < n; i++)
            comp[i] = i < nc ? i : (slong) n_randint(st, nc);    /* every label used */
        for (i = n - 1; i > 0; i--)
        {
            slong j = n_randint(st, i + 1), t = comp[i];
            comp[i] = comp[j]; comp[j] = t;
        }
        qt_blocks_group(idx, first, comp, n, nc);
        ck_assert_int_eq(first[0], 0);
        ck_assert_int_eq(first[nc], n);
        for (b = 0; b < nc; b++)
        {
            slong count = 0;
            for (i = 0; i < n; i++)
                count += comp[i] == b;
            ck_assert_int_eq(first[b + 1] - first[b], count);
            for (k = first[b]; k < first[b + 1]; k++)
            {
                ck_assert_int_eq(comp[idx[k]], b);
                if (k > first[b])
                    ck_assert(idx[k] > idx[k - 1]);
            }
        }
        flint_free(comp); flint_free(idx); flint_free(first);
    }
    flint_randclear(st);
}
END_TEST

/* lemma E7 (v): a 7 x 7 Hermitian matrix that exact zeros make block diagonal up to a permutation (blocks on {0, 4},
   {2}, {1, 5, 6}, {3}: R diag(1/2, 1/4) R^T with the rational rotation R = [3 -4; 4 3]/5, the entry 1/4,
   Q diag(1/8, 1/16, 1/2) Q^T with the rational reflection Q = I - 2J/3, the entry 0).  The clusters are the exact
   spectrum {0, 1/16, 1/8, 1/4 (twice, from two blocks), 1/2 (twice)}: each ball holds its value and is narrow, each
   projector holds the exact projector sum v v^T.  Second method: the same matrix with the exact zeros at (2, 3), (3, 2)
   replaced by balls [0 +- 2^-300] joins the blocks {2} and {3}, which then go through the general route (Rump); its
   balls overlap.  Then a chain of 1 x 1
   blocks whose balls overlap pairwise ([0, 1/5], [3/20, 7/20], [3/10, 1/2]) and one apart (3/5): two clusters,
   multiplicities 3 and 1, the first holding [0, 1/2] */
START_TEST(test_clusters_block_pattern)
{
    static const slong idx1[2] = {0, 4}, idx3[3] = {1, 5, 6};
    static const slong expect_mult[5] = {1, 1, 1, 2, 2};
    slong prec = 256, n = 7, a, b, c, v;
    fmpq_t x, y;
    fmpq *vec = _fmpq_vec_init(7 * 7);          /* eigenvector v (column v), embedded */
    fmpq *val = _fmpq_vec_init(7);
    acb_mat_t A, Pe;
    arb_t e;
    qt_herm_clusters_t C, Cg;
    char why[QT_REASON_LEN];
    fmpq_init(x); fmpq_init(y);
    acb_mat_init(A, n, n); acb_mat_init(Pe, n, n);
    arb_init(e);
    qt_herm_clusters_init(C); qt_herm_clusters_init(Cg);
    /* block {0, 4}: R's columns for 1/2 and 1/4 */
    fmpq_set_si(vec + 0 * 7 + 0, 3, 5); fmpq_set_si(vec + 4 * 7 + 0, 4, 5); fmpq_set_si(val + 0, 1, 2);
    fmpq_set_si(vec + 0 * 7 + 1, -4, 5); fmpq_set_si(vec + 4 * 7 + 1, 3, 5); fmpq_set_si(val + 1, 1, 4);
    /* block {2} */
    fmpq_one(vec + 2 * 7 + 2); fmpq_set_si(val + 2, 1, 4);
    /* block {1, 5, 6}: Q's columns for 1/8, 1/16, 1/2 */
    for (c = 0; c < 3; c++)
        for (a = 0; a < 3; a++)
            fmpq_set_si(vec + idx3[a] * 7 + 3 + c, a == c ? 1 : -2, 3);
    fmpq_set_si(val + 3, 1, 8); fmpq_set_si(val + 4, 1, 16); fmpq_set_si(val + 5, 1, 2);
    /* block {3}: 0 */
    fmpq_one(vec + 3 * 7 + 6); fmpq_zero(val + 6);
    (void) idx1;
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            fmpq_zero(x);
            for (v = 0; v < n; v++)
            {
                fmpq_mul(y, vec + a * 7 + v, vec + b * 7 + v);
                fmpq_addmul(x, y, val + v);
            }
            if (!fmpq_is_zero(x))
                arb_set_fmpq(acb_realref(acb_mat_entry(A, a, b)), x, prec);
        }
    ck_assert_int_eq(qt_herm_clusters(C, A, prec, why), QT_OK);
    mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(A, 2, 3))), 1, -300);
    mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(A, 3, 2))), 1, -300);
    ck_assert_int_eq(qt_herm_clusters(Cg, A, prec, why), QT_OK);
    ck_assert_int_eq(C->k, 5);
    ck_assert_int_eq(Cg->k, 5);
    /* joining {0, 4} and {1, 5, 6} as well puts the double eigenvalue 1/2 inside one block, whose two eigenvectors
       vanish on that block's last rows (where Arb's Rump iteration fixes its rows): the pivoted retry encloses it */
    {
        qt_herm_clusters_t C2;
        qt_herm_clusters_init(C2);
        mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(A, 0, 1))), 1, -300);
        mag_set_ui_2exp_si(arb_radref(acb_realref(acb_mat_entry(A, 1, 0))), 1, -300);
        ck_assert_int_eq(qt_herm_clusters(C2, A, prec, why), QT_OK);
        ck_assert_int_eq(C2->k, 5);
        for (c = 0; c < 5; c++)
        {
            ck_assert_int_eq(C2->mult[c], expect_mult[c]);
            ck_assert(arb_overlaps(C2->lambda + c, C->lambda + c) && qt_test_narrow(C2->lambda + c, prec - 40));
            for (a = 0; a < n * n; a++)
                ck_assert(acb_overlaps(acb_mat_entry(C2->P + c, a / n, a % n), acb_mat_entry(C->P + c, a / n, a % n)));
        }
        qt_herm_clusters_clear(C2);
        mag_zero(arb_radref(acb_realref(acb_mat_entry(A, 0, 1))));
        mag_zero(arb_radref(acb_realref(acb_mat_entry(A, 1, 0))));
    }
    for (c = 0; c < 5; c++)
    {
        static const slong num[5] = {0, 1, 1, 1, 1}, den[5] = {1, 16, 8, 4, 2};
        ck_assert_int_eq(C->mult[c], expect_mult[c]);
        ck_assert_int_eq(Cg->mult[c], expect_mult[c]);
        fmpq_set_si(x, num[c], den[c]);
        arb_set_fmpq(e, x, prec);
        ck_assert(arb_contains(C->lambda + c, e) && qt_test_narrow(C->lambda + c, prec - 20));
        ck_assert(arb_overlaps(C->lambda + c, Cg->lambda + c) && qt_test_narrow(Cg->lambda + c, prec - 40));
        /* the exact projector: the eigenvectors whose value is this cluster's */
        acb_mat_zero(Pe);
        for (v = 0; v < n; v++)
            if (fmpq_equal(val + v, x))
                for (a = 0; a < n; a++)
                    for (b = 0; b < n; b++)
                    {
                        fmpq_mul(y, vec + a * 7 + v, vec + b * 7 + v);
                        arb_set_fmpq(e, y, prec + 64);
                        arb_add(acb_realref(acb_mat_entry(Pe, a, b)), acb_realref(acb_mat_entry(Pe, a, b)), e, prec + 64);
                    }
        for (a = 0; a < n * n; a++)
        {
            acb_srcptr p = acb_mat_entry(C->P + c, a / n, a % n), pg = acb_mat_entry(Cg->P + c, a / n, a % n);
            ck_assert(acb_overlaps(p, acb_mat_entry(Pe, a / n, a % n)) && acb_overlaps(p, pg));
            ck_assert(qt_test_narrow(acb_realref(p), prec - 20) && qt_test_narrow(acb_imagref(p), prec - 20));
        }
    }
    /* the chain of 1 x 1 blocks */
    qt_herm_clusters_clear(C);
    acb_mat_clear(A);
    acb_mat_init(A, 4, 4);
    for (a = 0; a < 3; a++)
    {
        arb_set_si(acb_realref(acb_mat_entry(A, a, a)), 2 + 3 * a);
        arb_div_ui(acb_realref(acb_mat_entry(A, a, a)), acb_realref(acb_mat_entry(A, a, a)), 20, prec);
        mag_set_d(arb_radref(acb_realref(acb_mat_entry(A, a, a))), 0.1);
    }
    arb_set_d(acb_realref(acb_mat_entry(A, 3, 3)), 0.6);
    ck_assert_int_eq(qt_herm_clusters(C, A, prec, why), QT_OK);
    ck_assert_int_eq(C->k, 2);
    ck_assert_int_eq(C->mult[0], 3);
    ck_assert_int_eq(C->mult[1], 1);
    arb_set_si(e, 1);
    arb_mul_2exp_si(e, e, -2);
    mag_set_d(arb_radref(e), 0.25);                                     /* [0, 1/2] */
    ck_assert(arb_contains(C->lambda + 0, e) && !arb_overlaps(C->lambda + 0, C->lambda + 1));
    for (a = 0; a < 16; a++)
        ck_assert(acb_equal_si(acb_mat_entry(C->P + 0, a / 4, a % 4), (a / 4 == a % 4 && a / 4 < 3))
                  && acb_equal_si(acb_mat_entry(C->P + 1, a / 4, a % 4), (a == 15)));
    qt_herm_clusters_clear(C); qt_herm_clusters_clear(Cg);
    acb_mat_clear(A); acb_mat_clear(Pe);
    arb_clear(e);
    fmpq_clear(x); fmpq_clear(y);
    _fmpq_vec_clear(vec, 49); _fmpq_vec_clear(val, 7);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, exact_parse_good);
    tcase_add_test(tc, exact_parse_bad);
    tcase_add_test(tc, fmpq_exact_string);
    tcase_add_test(tc, ball_strings_enclose);
    tcase_add_test(tc, meets_digits);
    tcase_add_test(tc, eval_digits_loop);
    tcase_add_test(tc, davies_bohr_groups);
    tcase_add_test(tc, davies_gibbs_state_and_derivative);
    tcase_add_test(tc, davies_grouped_derivative);
    tcase_add_test(tc, lindblad_superop_vs_apply);
    tcase_add_test(tc, lindblad_dual_trace_pairing);
    tcase_add_test(tc, drazin_block_solve);
    tcase_add_test(tc, qspan_rank);
    tcase_add_test(tc, test_clusters_block_pattern);
    tcase_add_test(tc, mat_mul_zeros);
    tcase_add_test(tc, blocks_group);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
