/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/landauer_time.c -- seconds per certified evaluation (qt_eval_digits, the path
 * `qtoracle eval` takes) of four Landauer currents at a given number of digits.
 * Prints one line per quantity: "name digits seconds". */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include "qtoracle/qtoracle.h"
#include "bench_clock.h"

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
        double t0, t;
        int reps = 0;
        current = fns[i];
        qt_result_init(r);
        qt_eval_digits(r, fn, p, digits);          /* warm-up: Gauss-Legendre node cache */
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
        while ((t = now() - t0) < 0.5 && reps < 1000);
        printf("%s %ld %.6g\n", names[i], (long) digits, t / reps);
        qt_result_clear(r);
    }
    qt_landauer_params_clear(p);
    flint_cleanup();
    return 0;
}
