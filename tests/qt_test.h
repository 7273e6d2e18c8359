/* qt_test.h -- small helpers shared by the Check suites. */
#ifndef QT_TEST_H
#define QT_TEST_H

#include <check.h>
#include <stdlib.h>
#include "qtoracle/qtoracle.h"

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
