/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/landauer_time.c -- seconds per certified evaluation (qt_eval_digits, the path
 * `qtoracle eval` takes) of four Landauer currents at a given number of digits: the median over 5 batches.
 * Prints one line per quantity: "name digits seconds". */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include "qtoracle/qtoracle.h"
#include "bench_clock.h"

#define QT_BENCH_BATCHES 5

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
    qsort(v, n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

typedef int (*lq_fn)(arb_t, const qt_landauer_params_t, slong, char *);
static lq_fn current;

static int
fn(arb_t res, const void *p, slong prec, char *reason)
{
    return current(res, (const qt_landauer_params_struct *) p, prec, reason);
}

static void
set(fmpq_t q, const char *s)
{
    char e[256];
    if (qt_exact_parse(q, s, e, sizeof e))
        abort();
}

int
main(int argc, char **argv)
{
    const char *names[] = {"particle_current", "heat_current_R", "entropy_current", "heat_correction_R"};
    lq_fn fns[] = {qt_landauer_particle_current, qt_landauer_heat_current_R, qt_landauer_entropy_current,
                   qt_landauer_heat_correction_R};
    slong digits = argc > 1 ? atol(argv[1]) : 50;
    qt_landauer_params_t p;
    int i;
    qt_landauer_params_init(p);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_LORENTZIAN;
    set(p->eps0, "0.3"); set(p->gamma_L, "0.2"); set(p->gamma_R, "0.6");
    set(p->mu_L, "0.4"); set(p->T_L, "1.5"); set(p->mu_R, "-0.2"); set(p->T_R, "0.7");
    for (i = 0; i < 4; i++)
    {
        qt_result_t r;
        double t0, t, batch[QT_BENCH_BATCHES];
        int b;
        current = fns[i];
        qt_result_init(r);
        qt_eval_digits(r, fn, p, digits);          /* warm-up: Gauss-Legendre node cache */
        /* QT_BENCH_BATCHES batches, each of repeated evaluations for at least 0.1 s (at least one): the median of the
           batches' seconds per evaluation */
        for (b = 0; b < QT_BENCH_BATCHES; b++)
        {
            int reps = 0;
            t0 = now();
            do
            {
                if (qt_eval_digits(r, fn, p, digits) != QT_OK)
                {
                    fprintf(stderr, "%s: %s\n", names[i], r->reason);
                    return 1;
                }
                reps++;
            }
            while ((t = now() - t0) < 0.1 && reps < 1000);
            batch[b] = t / reps;
        }
        printf("%s %ld %.6g\n", names[i], (long) digits, median(batch, QT_BENCH_BATCHES));
        qt_result_clear(r);
    }
    qt_landauer_params_clear(p);
    flint_cleanup();
    return 0;
}
