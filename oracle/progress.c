/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* progress.c -- progress of a long command on stderr: on a terminal one line rewritten in place, otherwise (with
 * --progress, e.g. in a CI log) one line per step. Never on stdout, so it cannot mix with a command's output. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "oracle.h"

static int mode;            /* 0 off, 1 terminal (rewrite the line), 2 one line per step */
static const char *prec_label; /* eval: report each working precision the digits loop tries, under this label */
static struct timespec t0;

void
qo_progress_start(int requested)
{
    mode = isatty(STDERR_FILENO) ? 1 : requested ? 2 : 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
}

void
qo_progress_step(const char *cmd, long k, long n, const char *label)
{
    struct timespec t;
    double s;
    if (mode == 0)
        return;
    clock_gettime(CLOCK_MONOTONIC, &t);
    s = (double) (t.tv_sec - t0.tv_sec) + 1e-9 * (double) (t.tv_nsec - t0.tv_nsec);
    if (mode == 1)
        fprintf(stderr, "\r\033[K%s: %ld/%ld %.1fs %.60s", cmd, k, n, s, label);
    else
        fprintf(stderr, "%s: %ld/%ld %.1fs %s\n", cmd, k, n, s, label);
    fflush(stderr);
}

void
qo_progress_precisions(const char *label)
{
    prec_label = label;
}

void
qo_progress_precision(long prec)
{
    struct timespec t;
    double s;
    if (mode == 0 || prec_label == NULL)
        return;
    clock_gettime(CLOCK_MONOTONIC, &t);
    s = (double) (t.tv_sec - t0.tv_sec) + 1e-9 * (double) (t.tv_nsec - t0.tv_nsec);
    if (mode == 1)
        fprintf(stderr, "\r\033[K%.80s: working precision %ld bits, %.1fs", prec_label, prec, s);
    else
        fprintf(stderr, "%s: working precision %ld bits, %.1fs\n", prec_label, prec, s);
    fflush(stderr);
}

void
qo_progress_end(void)
{
    if (mode == 1)
        fputs("\r\033[K", stderr);
    mode = 0;
    prec_label = NULL;
}
