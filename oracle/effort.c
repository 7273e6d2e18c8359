/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* effort.c -- the tool's effort caps.
 *
 * --timeout SECONDS (eval, gen, audit, sweep): a wall-clock cap. When it is reached the run ends at once with the
 * status could-not-certify (exit 1) and "effort cap reached after N s" on stderr (eval --json also prints its JSON
 * object with that status and reason); a gen run leaves no file (the file is written only after every case is
 * computed, and the cap is lifted before writing). The default is no cap, except for eval when stderr is not a
 * terminal (a script or CI job): QO_EVAL_DEFAULT_TIMEOUT seconds. The environment variable QTORACLE_TIMEOUT sets the
 * default of every command; --timeout 0 means no cap. The worker processes of gen --jobs are killed with the run.
 *
 * The allocation guard: an allocation that FLINT, Arb, GMP or MPFR cannot get ends the run the same way ("memory
 * exhausted") instead of the libraries' abort message on stdout. The methods whose memory grows fast refuse large
 * inputs up front (their budgets are in the library: QT_LINDBLAD_MAX_DIM, QT_LIOUVILLE_MAX_DIM, QT_LINDBLAD_ACTION_MAX_WORK,
 * QT_FOCK_MAX_TERMS). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gmp.h>
#include "oracle.h"

static char stderr_msg[512];
static char *stdout_msg;        /* malloc'ed; NULL: nothing on stdout */
static volatile sig_atomic_t armed;
static const pid_t *volatile children;  /* worker processes killed with the run (run_items.c) */
static volatile sig_atomic_t nchildren;

int
qo_write_all(int fd, const void *buf, size_t n)
{
    const char *s = buf;
    while (n > 0)
    {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return 1;
        s += w;
        n -= (size_t) w;
    }
    return 0;
}

static void
on_alarm(int sig)
{
    int k;
    (void) sig;
    if (!armed)
        return;
    for (k = 0; k < nchildren; k++)
        if (children[k] > 0)
            kill(children[k], SIGKILL);
    for (k = 0; k < nchildren; k++)
        if (children[k] > 0)
            waitpid(children[k], NULL, 0);
    if (stdout_msg != NULL)
        qo_write_all(STDOUT_FILENO, stdout_msg, strlen(stdout_msg));
    qo_write_all(STDERR_FILENO, stderr_msg, strlen(stderr_msg));
    _exit(QO_EXIT_FAIL);
}

/* a whole number of seconds, 0 to QO_TIMEOUT_MAX, digits only; 0 ok */
static int
parse_seconds(unsigned *seconds, const char *v)
{
    unsigned long x = 0;
    if (v == NULL || *v == '\0')
        return 1;
    for (; *v; v++)
    {
        if (*v < '0' || *v > '9')
            return 1;
        x = 10 * x + (unsigned long) (*v - '0');
        if (x > QO_TIMEOUT_MAX)
            return 1;
    }
    *seconds = (unsigned) x;
    return 0;
}

int
qo_timeout_parse(unsigned *seconds, const char *cmd, const char *v)
{
    if (parse_seconds(seconds, v) == 0)
        return 0;
    qo_error("%s: --timeout must be a whole number of seconds from 0 (no cap) to %d, got \"%s\"", cmd, QO_TIMEOUT_MAX,
             v ? v : "");
    return 1;
}

int
qo_timeout_default(unsigned *seconds, const char *cmd, int is_eval)
{
    const char *e = getenv("QTORACLE_TIMEOUT");
    if (e != NULL && *e != '\0')
    {
        if (parse_seconds(seconds, e) == 0)
            return 0;
        qo_error("%s: the environment variable QTORACLE_TIMEOUT must be a whole number of seconds from 0 (no cap) to "
                 "%d, got \"%.40s\"", cmd, QO_TIMEOUT_MAX, e);
        return 1;
    }
    *seconds = (is_eval && !isatty(STDERR_FILENO)) ? QO_EVAL_DEFAULT_TIMEOUT : 0;
    return 0;
}

void
qo_timeout_arm(unsigned seconds, const char *what, const char *stdout_text)
{
    struct sigaction sa;
    if (seconds == 0)
        return;
    snprintf(stderr_msg, sizeof stderr_msg, "qtoracle: %s: could not certify: effort cap reached after %u s "
             "(--timeout %u)\n", what, seconds, seconds);
    free(stdout_msg);
    stdout_msg = stdout_text != NULL ? strdup(stdout_text) : NULL;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    armed = 1;
    alarm(seconds);
}

void
qo_timeout_disarm(void)
{
    alarm(0);
    armed = 0;
    free(stdout_msg);
    stdout_msg = NULL;
}

void
qo_timeout_children(const pid_t *pids, int n)
{
    nchildren = 0;
    children = pids;
    nchildren = n;
}

void
qo_timeout_hold(int hold)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGALRM);
    sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &s, NULL);
}

/* ---- the allocation guard ---- */

static void
out_of_memory(size_t n)
{
    char msg[160];
    snprintf(msg, sizeof msg, "qtoracle: could not certify: memory exhausted (an allocation of %zu bytes failed)\n", n);
    qo_write_all(STDERR_FILENO, msg, strlen(msg));
    _exit(QO_EXIT_FAIL);
}

static void *
guard_malloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL && n != 0)
        out_of_memory(n);
    return p;
}

static void *
guard_calloc(size_t m, size_t n)
{
    void *p = calloc(m, n);
    if (p == NULL && m != 0 && n != 0)
        out_of_memory(m * n);
    return p;
}

static void *
guard_realloc(void *q, size_t n)
{
    void *p = realloc(q, n);
    if (p == NULL && n != 0)
        out_of_memory(n);
    return p;
}

static void *
gmp_realloc(void *q, size_t old, size_t n)
{
    (void) old;
    return guard_realloc(q, n);
}

static void
gmp_free(void *q, size_t n)
{
    (void) n;
    free(q);
}

void
qo_memory_guard_install(void)
{
    __flint_set_memory_functions(guard_malloc, guard_calloc, guard_realloc, free);
    mp_set_memory_functions(guard_malloc, gmp_realloc, gmp_free);
}
