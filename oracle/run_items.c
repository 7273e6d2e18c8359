/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* run_items.c -- independent items of a command (the cases of gen and validate, the points of sweep) computed in
 * this process, or in --jobs J worker processes.
 *
 * With J = 1 the items run here, in order, and the first failure ends the run. With J > 1 the tool forks
 * min(J, n) workers after everything has been parsed and checked; the parent hands out the items in order, one at a
 * time, to whichever worker is free (a pipe per worker carries the item's number), and each worker sends back one
 * line per item: the item's JSON result or its exit code and message. The parent keeps the results in item order
 * and passes each to the command's emit step (sweep and validate print their lines there) as soon as every item
 * before it is in, so what a command builds from them does not depend on J or on which worker finished first; an
 * item's value never depends on the items computed before it in the same process (gen, validate and sweep empty
 * FLINT's caches before every item).
 *
 * Failures: the first failure a worker reports ends the run; the other workers are killed and the caller prints that
 * one message. A worker's standard output and error go to the parent too, so a worker that ends without reporting
 * (the allocation guard's "memory exhausted" and exit 1; a library's abort) ends the run the same way, with its
 * exit code and its own words naming the item, or "ended by signal N" (exit 3). The effort cap (--timeout) is the
 * parent's: when it fires, the workers are killed and reaped with it (effort.c), and on Linux a worker
 * also dies with its parent (PR_SET_PDEATHSIG), so no worker outlives the command. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "oracle.h"

int
qo_jobs_parse(int *jobs, const char *cmd, const char *v)
{
    long x = 0;
    const char *s = v;
    if (s != NULL && *s >= '1' && *s <= '9')
        for (; *s >= '0' && *s <= '9' && x <= QO_JOBS_MAX; s++)
            x = 10 * x + (*s - '0');
    if (v == NULL || *v == '\0' || *s != '\0' || x < 1 || x > QO_JOBS_MAX)
    {
        qo_error("%s: --jobs must be a whole number of worker processes from 1 to %d, got \"%.40s\"", cmd,
                 QO_JOBS_MAX, v ? v : "");
        return 1;
    }
    *jobs = (int) x;
    return 0;
}

/* ---- a worker: items from cmd_fd until it closes, one line each on res_fd ---- */

static _Noreturn void
worker(int cmd_fd, int res_fd, const qo_items *it)
{
    for (;;)
    {
        long item;
        ssize_t r = read(cmd_fd, &item, sizeof item);
        json_t *out = NULL, *line;
        char err[1024] = "", *text;
        int code;
        if (r < 0 && errno == EINTR)
            continue;
        if (r != (ssize_t) sizeof item)
            _exit(QO_EXIT_OK);            /* the parent closed the pipe: no more items */
        code = it->fn(&out, item, it->ctx, err, sizeof err);
        line = code == QO_EXIT_OK ? json_pack("{s:I,s:o}", "item", (json_int_t) item, "value", out)
                                  : json_pack("{s:I,s:i,s:s}", "item", (json_int_t) item, "exit", code, "error", err);
        text = line ? json_dumps(line, JSON_COMPACT) : NULL;
        if (text == NULL || qo_write_all(res_fd, text, strlen(text)) || qo_write_all(res_fd, "\n", 1))
            _exit(QO_EXIT_INTERNAL);
        free(text);
        json_decref(line);
    }
}

/* ---- the parent ---- */

typedef struct
{
    int cmd_fd, res_fd;          /* -1 once closed */
    long item;                   /* the item it computes, -1 if none */
    double started;              /* when it was handed out (qo_progress_clock) */
    char *buf;                   /* the bytes of a line not yet complete */
    size_t len, cap;
    char said[512];              /* what it printed itself (stdout and stderr come here too) */
}
qo_worker;

static void
hand_out(qo_worker *w, long *next, long n)
{
    if (*next < n)
    {
        w->item = (*next)++;
        w->started = qo_progress_clock();
        if (qo_write_all(w->cmd_fd, &w->item, sizeof w->item) == 0)
            return;
        /* the worker is gone: its end of file on res_fd reports it */
    }
    else
        w->item = -1;
    close(w->cmd_fd);
    w->cmd_fd = -1;
}

/* one complete line from a worker: its item's result (*stored = 1), or something it printed itself; QO_EXIT_OK,
   or the item's failure (err set) */
static int
take_line(json_t *results, qo_worker *w, const char *line, size_t len, int *stored, char *err, size_t errlen)
{
    json_error_t je;
    json_t *o, *v;
    json_int_t item = -1, code = QO_EXIT_INTERNAL;
    const char *msg = NULL;
    int rc;
    if (len == 0 || line[0] != '{')
    {
        /* a line the worker printed itself (the allocation guard's message; a library's abort): kept as the reason
           if it then ends without reporting */
        size_t at = strlen(w->said), skip = 0;
        if (len >= 10 && memcmp(line, "qtoracle: ", 10) == 0)
            skip = 10;
        if (at == 0 && len > skip)
            snprintf(w->said, sizeof w->said, "%.*s", (int) (len - skip), line + skip);
        return QO_EXIT_OK;
    }
    o = json_loadb(line, len, 0, &je);
    if (o == NULL || json_unpack(o, "{s:I}", "item", &item) || item != w->item)
    {
        snprintf(err, errlen, "a worker process sent an unreadable result");
        json_decref(o);
        return QO_EXIT_INTERNAL;
    }
    if ((v = json_object_get(o, "value")) != NULL)
    {
        json_array_set(results, (size_t) item, v);
        json_decref(o);
        *stored = 1;
        return QO_EXIT_OK;
    }
    json_unpack(o, "{s:I,s:s}", "exit", &code, "error", &msg);
    snprintf(err, errlen, "%s", msg ? msg : "a worker process failed");
    rc = code > 0 && code <= QO_EXIT_INTERNAL ? (int) code : QO_EXIT_INTERNAL;
    json_decref(o);
    return rc;
}

/* the results from `emitted` on that are in, to it->emit in item order */
static int
emit_ready(json_t *results, const char *have, long *emitted, long n, const qo_items *it, char *err, size_t errlen)
{
    int code = QO_EXIT_OK;
    while (code == QO_EXIT_OK && *emitted < n && have[*emitted])
    {
        if (it->emit != NULL)
            code = it->emit(*emitted, json_array_get(results, (size_t) *emitted), it->ctx, err, errlen);
        (*emitted)++;
    }
    return code;
}

static int
run_workers(json_t *results, long n, int jobs, const qo_items *it, char *err, size_t errlen)
{
    char label[200];
    char *have = calloc((size_t) n + 1, 1);
    long emitted = 0;
    qo_worker *w = calloc((size_t) jobs, sizeof *w);
    struct pollfd *pf = calloc((size_t) jobs, sizeof *pf);
    pid_t *pids = calloc((size_t) jobs, sizeof *pids);
    struct sigaction ign, old_pipe;
    long next = 0, done = 0;
    int j, nw = 0, code = QO_EXIT_OK;
#ifdef __linux__
    pid_t parent = getpid();
#endif

    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old_pipe);       /* a worker that died: EPIPE, seen on its result pipe */
    fflush(NULL);                               /* nothing buffered is written twice */
    for (j = 0; j < jobs; j++)
    {
        int c[2] = {-1, -1}, r[2] = {-1, -1}, k;
        pid_t pid = -1;
        if (pipe(c) != 0 || pipe(r) != 0 || (pid = fork()) < 0)
        {
            for (k = 0; k < 2; k++)
            {
                if (c[k] >= 0)
                    close(c[k]);
                if (r[k] >= 0)
                    close(r[k]);
            }
            snprintf(err, errlen, "could not start worker process %d of %d: %s", j + 1, jobs, strerror(errno));
            code = QO_EXIT_INTERNAL;
            break;
        }
        if (pid == 0)
        {
#ifdef __linux__
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(QO_EXIT_INTERNAL);
#endif
            for (k = 0; k < nw; k++)
            {
                close(w[k].cmd_fd);
                close(w[k].res_fd);
            }
            close(c[1]);
            close(r[0]);
            /* whatever the worker prints (the allocation guard, a library's abort) reaches the parent, which
               prints one message for the run */
            dup2(r[1], STDOUT_FILENO);
            dup2(r[1], STDERR_FILENO);
            worker(c[0], r[1], it);
        }
        close(c[0]);
        close(r[1]);
        pids[nw] = pid;
        w[nw].cmd_fd = c[1];
        w[nw].res_fd = r[0];
        w[nw].item = -1;
        nw++;
        qo_timeout_children(pids, nw);
    }
    for (j = 0; j < nw && code == QO_EXIT_OK; j++)
        hand_out(&w[j], &next, n);

    while (code == QO_EXIT_OK && done < n)
    {
        int np = 0;
        for (j = 0; j < nw; j++)
            if (w[j].res_fd >= 0)
            {
                pf[np].fd = w[j].res_fd;
                pf[np].events = POLLIN;
                pf[np].revents = 0;
                np++;
            }
        if (np == 0)
        {
            snprintf(err, errlen, "the worker processes ended before every item was computed");
            code = QO_EXIT_INTERNAL;
            break;
        }
        if (poll(pf, (nfds_t) np, -1) < 0)
        {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "poll: %s", strerror(errno));
            code = QO_EXIT_INTERNAL;
            break;
        }
        for (j = 0; j < nw && code == QO_EXIT_OK; j++)
        {
            qo_worker *x = &w[j];
            char chunk[65536], *nl;
            ssize_t r;
            int k, ready = 0;
            for (k = 0; k < np; k++)
                if (pf[k].fd == x->res_fd && x->res_fd >= 0 && pf[k].revents)
                    ready = 1;
            if (!ready)
                continue;
            r = read(x->res_fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
            {
                /* end of file: a worker with an item in hand died without reporting it */
                int st = 0;
                close(x->res_fd);
                x->res_fd = -1;
                if (x->item >= 0)
                {
                    waitpid(pids[j], &st, 0);
                    pids[j] = 0;
                    if (x->said[0] == '\0' && x->len > 0)      /* its last words, without a newline */
                        snprintf(x->said, sizeof x->said, "%.*s", (int) (x->len < 400 ? x->len : 400), x->buf);
                    if (WIFEXITED(st) && WEXITSTATUS(st) != 0 && x->said[0] != '\0')
                    {
                        /* it said why (the allocation guard: "could not certify: memory exhausted ...") */
                        it->label(label, sizeof label, x->item, it->ctx);
                        snprintf(err, errlen, "%s: %s", label, x->said);
                        code = WEXITSTATUS(st) <= QO_EXIT_INTERNAL ? WEXITSTATUS(st) : QO_EXIT_INTERNAL;
                    }
                    else
                    {
                        it->label(label, sizeof label, x->item, it->ctx);
                        snprintf(err, errlen, "the worker process computing %s ended %s %d%s%s%s", label,
                                 WIFSIGNALED(st) ? "by signal" : "with exit status",
                                 WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st), x->said[0] ? " (" : "", x->said,
                                 x->said[0] ? ")" : "");
                        code = QO_EXIT_INTERNAL;
                    }
                }
                continue;
            }
            if (x->len + (size_t) r + 1 > x->cap)
            {
                char *nb = realloc(x->buf, 2 * (x->len + (size_t) r + 1));
                if (nb == NULL)
                {
                    snprintf(err, errlen, "could not certify: memory exhausted (a worker's result of %zu bytes)",
                             x->len + (size_t) r);
                    code = QO_EXIT_FAIL;
                    break;
                }
                x->buf = nb;
                x->cap = 2 * (x->len + (size_t) r + 1);
            }
            memcpy(x->buf + x->len, chunk, (size_t) r);
            x->len += (size_t) r;
            while (code == QO_EXIT_OK && (nl = memchr(x->buf, '\n', x->len)) != NULL)
            {
                size_t ll = (size_t) (nl - x->buf);
                int stored = 0;
                code = take_line(results, x, x->buf, ll, &stored, err, errlen);
                memmove(x->buf, nl + 1, x->len - ll - 1);
                x->len -= ll + 1;
                if (code == QO_EXIT_OK && stored)
                {
                    done++;
                    have[x->item] = 1;
                    it->label(label, sizeof label, x->item, it->ctx);
                    qo_progress_done(it->cmd, done, n, x->started, label);
                    code = emit_ready(results, have, &emitted, n, it, err, errlen);
                    if (code == QO_EXIT_OK)
                        hand_out(x, &next, n);
                }
            }
        }
    }

    /* every worker ends here: killed after a failure, or finished (its command pipe closed) */
    for (j = 0; j < nw; j++)
    {
        if (code != QO_EXIT_OK && pids[j] > 0)
            kill(pids[j], SIGKILL);
        if (w[j].cmd_fd >= 0)
            close(w[j].cmd_fd);
    }
    for (j = 0; j < nw; j++)
    {
        if (pids[j] > 0)
            waitpid(pids[j], NULL, 0);
        pids[j] = 0;
        if (w[j].res_fd >= 0)
            close(w[j].res_fd);
        free(w[j].buf);
    }
    qo_timeout_children(NULL, 0);
    sigaction(SIGPIPE, &old_pipe, NULL);
    free(w);
    free(pf);
    free(pids);
    free(have);
    return code;
}

int
qo_run_items(json_t *results, const qo_items *it, long n, int jobs, char *err, size_t errlen)
{
    long i;
    err[0] = '\0';
    json_array_clear(results);
    for (i = 0; i < n; i++)
        json_array_append_new(results, json_null());
    if (jobs > n)
        jobs = (int) n;
    if (jobs > 1)
        return run_workers(results, n, jobs, it, err, errlen);
    for (i = 0; i < n; i++)
    {
        json_t *out = NULL;
        char label[200];
        int code;
        double started = qo_progress_clock();
        it->label(label, sizeof label, i, it->ctx);
        qo_progress_step(it->cmd, i + 1, n, label);
        code = it->fn(&out, i, it->ctx, err, errlen);
        if (code == QO_EXIT_OK)
            qo_progress_done(it->cmd, i + 1, n, started, label);
        if (code == QO_EXIT_OK)
        {
            json_array_set_new(results, (size_t) i, out);
            if (it->emit != NULL)
                code = it->emit(i, out, it->ctx, err, errlen);
        }
        if (code != QO_EXIT_OK)
            return code;
    }
    return QO_EXIT_OK;
}
