/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* progress.c -- progress of a long command on stderr: on a terminal one line rewritten in place (the item being
 * computed, then each one finished), otherwise (with --progress, e.g. in a CI log) one line per finished item with the
 * seconds it took, "gen: 3/167 7.9s +2.4s LABEL" (3 of 167 done after 7.9 s in all, this one 2.4 s), so that a slow
 * case stands out. Never on stdout, so it cannot mix with a command's output. */
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

double
qo_progress_clock(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) (t.tv_sec - t0.tv_sec) + 1e-9 * (double) (t.tv_nsec - t0.tv_nsec);
}

void
qo_progress_step(const char *cmd, long k, long n, const char *label)
{
    if (mode != 1)
        return;
    fprintf(stderr, "\r\033[K%s: %ld/%ld %.1fs %.60s", cmd, k, n, qo_progress_clock(), label);
    fflush(stderr);
}

void
qo_progress_done(const char *cmd, long k, long n, double started, const char *label)
{
    double s;
    if (mode == 0)
        return;
    s = qo_progress_clock();
    if (mode == 1)
        fprintf(stderr, "\r\033[K%s: %ld/%ld %.1fs +%.1fs %.60s", cmd, k, n, s, s - started, label);
    else
        fprintf(stderr, "%s: %ld/%ld %.1fs +%.1fs %s\n", cmd, k, n, s, s - started, label);
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
    double s;
    if (mode == 0 || prec_label == NULL)
        return;
    s = qo_progress_clock();
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
