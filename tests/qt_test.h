/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_test.h -- small helpers shared by the Check suites. */
#ifndef QT_TEST_H
#define QT_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/qtoracle.h"

/* 1 iff x is a finite ball with rad <= 2^(-prec/2) max(1, |mid|): the width a certified enclosure computed at prec
   bits must beat (a containment or overlap check passes an infinite ball, so every such check also asks this) */
static inline int
qt_test_narrow(const arb_t x, slong prec)
{
    mag_t m, r;
    int ok;
    if (!arb_is_finite(x))
        return 0;
    mag_init(m); mag_init(r);
    arf_get_mag(m, arb_midref(x));
    if (mag_cmp_2exp_si(m, 0) < 0)
        mag_one(m);
    mag_mul_2exp_si(m, m, -(prec / 2));
    ok = mag_cmp(arb_radref(x), m) <= 0;
    mag_clear(m); mag_clear(r);
    return ok;
}

/* the overlap every two-method or two-precision assertion asks for: the balls overlap and both are narrow (finite,
   rad <= 2^-30 max(1, |mid|)), so that an infinite or useless enclosure cannot pass */
static inline int
qt_overlaps(const arb_t a, const arb_t b)
{
    return arb_overlaps(a, b) && qt_test_narrow(a, 60) && qt_test_narrow(b, 60);
}

/* the long cases (a test case named "long") are registered only when QT_TEST_LONG is set: make check-long */
static inline int
qt_test_long(void)
{
    const char *e = getenv("QT_TEST_LONG");
    return e != NULL && *e != '\0' && strcmp(e, "0") != 0;
}

/* QT_TEST_MULTIPLIER scales the number of random iterations (default 1) */
static inline int
qt_test_iters(int base)
{
    const char *m = getenv("QT_TEST_MULTIPLIER");
    int k = m ? atoi(m) : 1;
    return base * (k > 0 ? k : 1);
}

static inline void
qt_test_setq(fmpq_t q, const char *s)
{
    char err[256];
    ck_assert_msg(qt_exact_parse(q, s, err, sizeof err) == 0, "parse %s: %s", s, err);
}

/* the Bose occupation nbar = 1/(e^{beta omega} - 1) for beta and omega given as exact numbers */
static inline void
qt_test_nbar(arb_t nb, const char *beta, const char *omega, slong prec)
{
    fmpq_t q;
    arb_t w;
    fmpq_init(q);
    arb_init(w);
    qt_test_setq(q, beta);
    arb_set_fmpq(nb, q, prec);
    qt_test_setq(q, omega);
    arb_set_fmpq(w, q, prec);
    arb_mul(nb, nb, w, prec);
    arb_expm1(nb, nb, prec);
    arb_inv(nb, nb, prec);
    fmpq_clear(q);
    arb_clear(w);
}

/* a random exact rational in [lo, hi] with denominator 2^k or 10^k, k = 1..4 (few digits, as a user types them) */
static inline void
qt_test_rand_q(fmpq_t q, flint_rand_t st, double lo, double hi)
{
    fmpz_t num, den;
    slong k = 1 + n_randint(st, 4), a, b;
    double d;
    fmpz_init(num);
    fmpz_init(den);
    fmpz_ui_pow_ui(den, n_randint(st, 2) ? 10 : 2, k);
    d = fmpz_get_d(den);
    a = (slong) (lo * d);
    b = (slong) (hi * d);
    if ((double) a < lo * d)
        a++;                        /* stay inside [lo, hi] */
    fmpz_set_si(num, a + (slong) n_randint(st, (ulong) (b - a + 1)));
    fmpq_set_fmpz_frac(q, num, den);
    fmpz_clear(num);
    fmpz_clear(den);
}

/* run a suite, print Check's summary line, return the process exit code */
static inline int
qt_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int nf;
    srunner_run_all(sr, CK_ENV);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
