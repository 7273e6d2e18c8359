/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/lindblad_record.c -- seconds for the whole certified lindblad.trajectory record in-process (every output
 * certified to 15 digits: qt_eval_digits_record over qt_lindblad_trajectory, the path of `qtoracle eval` without
 * the process around it), for the n-level ladder of bench/lindblad_scaling.py (H = diag(0..n-1), one thermal bath
 * at beta = 1 with L = sum_k |k><k+1|, omega = 1, gamma = 1/10, rho0 the top level, t = 1); with a third argument
 * "dense", H also couples every pair of levels by 1/10.  Each repeat starts from flint_cleanup() (no cached
 * constants), as a fresh process would.  usage: bench_lindblad_record N REPEATS [dense]; prints "n seconds S_mid"
 * (the median; S_mid nan if S was not certified). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/qtoracle.h"
#include "bench_clock.h"

static int
cmp(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static void
record(qt_record_t R, const void *p, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_one(t);
    qt_lindblad_trajectory(R, p, t, 0, prec);
    arb_clear(t);
}

int
main(int argc, char **argv)
{
    slong n = argc > 1 ? atol(argv[1]) : 16, reps = argc > 2 ? atol(argv[2]) : 3, i, j, r;
    int dense = argc > 3 && strcmp(argv[3], "dense") == 0, st = QT_OK;
    qt_open_model_t M;
    qt_channel_struct *ch;
    double ts[64];
    double S = 0.0 / 0.0;
    char why[QT_REASON_LEN];
    if (n < 2 || n > QT_LINDBLAD_MAX_DIM || reps < 1 || reps > 64)
        return 2;
    qt_open_model_init(M, n, 1);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            if (i == j)
                fmpq_set_si(M->H->re + i * n + j, i, 1);
            else if (dense)
                fmpq_set_si(M->H->re + i * n + j, 1, 10);
    fmpq_one(M->rho0->re + (n - 1) * n + (n - 1));
    M->bath[0].has_beta = 1;
    fmpq_one(M->bath[0].beta);
    qt_open_model_bath_channels(M, 0, 1);
    ch = M->bath[0].ch;
    for (i = 0; i + 1 < n; i++)
        fmpq_one(ch->L->re + i * n + i + 1);
    fmpq_set_si(ch->gamma, 1, 10);
    fmpq_one(ch->omega);
    ch->kind = QT_CH_THERMAL;
    if (qt_open_model_validate(M, why) != QT_OK)
    {
        fprintf(stderr, "bench_lindblad_record: %s\n", why);
        return 2;
    }
    for (r = 0; r < reps; r++)
    {
        qt_record_t R;
        double a;
        flint_cleanup();
        a = now();
        qt_record_init(R);
        st = qt_eval_digits_record(R, record, M, 15);
        ts[r] = now() - a;
        for (i = 0; i < R->nout; i++)
            if (strcmp(R->name[i], "S") == 0 && R->out[i].status == QT_OK)
                S = arf_get_d(arb_midref(&R->out[i].value), ARF_RND_NEAR);
        qt_record_clear(R);
    }
    qsort(ts, reps, sizeof(double), cmp);
    printf("%ld %.6g %.17g\n", (long) n, ts[reps / 2], S);
    qt_open_model_clear(M);
    flint_cleanup();
    return st == QT_INTERNAL ? 1 : 0;
}
