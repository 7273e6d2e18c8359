/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench_clock.h -- the wall clock the C benchmarks read (seconds, monotonic) */
#ifndef QT_BENCH_CLOCK_H
#define QT_BENCH_CLOCK_H
#include <time.h>

static inline double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#endif
