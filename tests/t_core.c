/* t_core.c -- exact input, ball strings, the digits loop, certified integration. */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <stdio.h>
#include "qt_test.h"

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

static int
exp_integrand(acb_ptr res, const acb_t z, void *param, slong order, slong prec)
{
    (void) param;
    if (order > 1)
        flint_abort();
    acb_exp(res, z, prec);
    return 0;
}

START_TEST(integrate_exp)
{
    arb_t r, e;
    arf_t a, b;
    arf_struct s[3];
    int i;
    arb_init(r); arb_init(e);
    arf_init(a); arf_init(b);
    for (i = 0; i < 3; i++)
        arf_init(s + i);
    arf_set_si(a, -1);
    arf_set_si(b, 2);
    arf_set_d(s + 0, 0.5);
    arf_set_d(s + 1, -3.0);      /* outside: ignored */
    arf_set_d(s + 2, 0.25);
    ck_assert_int_eq(qt_integrate_real(r, exp_integrand, NULL, a, b, s, 3, 128), QT_OK);
    arb_set_si(e, 2);
    arb_exp(e, e, 256);
    arb_set_si(e, 2);
    arb_exp(e, e, 256);
    {
        arb_t em1;
        arb_init(em1);
        arb_set_si(em1, -1);
        arb_exp(em1, em1, 256);
        arb_sub(e, e, em1, 256);                 /* e^2 - e^-1 */
        arb_clear(em1);
    }
    ck_assert(arb_overlaps(r, e));
    ck_assert(arb_rel_accuracy_bits(r) > 110);
    /* empty interval */
    ck_assert_int_eq(qt_integrate_real(r, exp_integrand, NULL, b, a, NULL, 0, 64), QT_OK);
    ck_assert(arb_is_zero(r));
    arb_clear(r); arb_clear(e);
    arf_clear(a); arf_clear(b);
    for (i = 0; i < 3; i++)
        arf_clear(s + i);
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
    tcase_add_test(tc, integrate_exp);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
