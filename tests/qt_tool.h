/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_tool.h -- running the tool qtoracle from a Check suite: a temporary directory, a command line split on spaces,
 * standard output and error captured, files read and written. Include once per suite (static definitions). */
#ifndef QT_TOOL_H
#define QT_TOOL_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[256];

static inline const char *
tool(void)
{
    const char *t = getenv("QTORACLE");
    return t ? t : "build/qtoracle";
}

static inline char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *s;
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc(n + 1);
    n = (long) fread(s, 1, n, f);
    s[n] = '\0';
    fclose(f);
    return s;
}

static inline void
spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static const char *stdin_path;    /* if not NULL, the child's standard input (run_line_stdin) */

/* run argv (argv[0] is replaced by the tool unless use_path); capture stdout and stderr */
static inline int
run(char **argv, char **out, char **err)
{
    char op[400], ep[400];
    pid_t pid;
    int status;
    snprintf(op, sizeof op, "%s/stdout", tmpdir);
    snprintf(ep, sizeof ep, "%s/stderr", tmpdir);
    pid = fork();
    if (pid == 0)
    {
        int fo = open(op, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open(ep, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fo, 1);
        dup2(fe, 2);
        if (stdin_path != NULL)
        {
            int fi = open(stdin_path, O_RDONLY);
            dup2(fi, 0);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    if (out) *out = slurp(op);
    if (err) *err = slurp(ep);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* split a command line on spaces (no quoting needed in these tests) */
static inline int
run_line(const char *line, char **out, char **err)
{
    char *copy = strdup(line), *tok, *save;
    char *argv[64];
    int n = 0, code;
    argv[n++] = (char *) tool();
    for (tok = strtok_r(copy, " ", &save); tok && n < 63; tok = strtok_r(NULL, " ", &save))
        argv[n++] = tok;
    argv[n] = NULL;
    code = run(argv, out, err);
    free(copy);
    return code;
}

/* the same with standard input read from a file */
static inline int
run_line_stdin(const char *line, const char *path, char **out, char **err)
{
    int code;
    stdin_path = path;
    code = run_line(line, out, err);
    stdin_path = NULL;
    return code;
}

/* a fresh temporary directory in tmpdir (the suite's main calls this first) and its removal */
static inline int
qt_tool_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/qtoracle-test-XXXXXX");
    return mkdtemp(tmpdir) == NULL;
}

static inline void
qt_tool_cleanup(void)
{
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
}

#endif
