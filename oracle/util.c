/* SPDX-License-Identifier: LGPL-3.0-or-later */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
/* util.c -- error messages, JSON of balls, atomic file output, exact value parsing. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "oracle.h"

void
qo_error(const char *fmt, ...)
{
    va_list ap;
    fputs("qtoracle: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

json_t *
qo_ball_json(const arb_t x, slong digits)
{
    qt_ball_strings_t s;
    json_t *o = json_object();
    /* mid with 5 more digits than guaranteed, so rad reflects the proof, not rounding */
    qt_ball_strings(&s, x, digits + 5);
    json_object_set_new(o, "mid", json_string(s.mid));
    json_object_set_new(o, "rad", json_string(s.rad));
    json_object_set_new(o, "lo", json_string(s.lo));
    json_object_set_new(o, "hi", json_string(s.hi));
    json_object_set_new(o, "lo_f64", json_string(s.lo_f64));
    json_object_set_new(o, "hi_f64", json_string(s.hi_f64));
    qt_ball_strings_clear(&s);
    return o;
}

/* write text (or, if text is NULL, root as indented JSON and a newline) to path through a temporary file in the same
   directory (a short mkstemp name, so a long file name still fits) and a rename: no partial file on any error. An
   existing path must be a regular file or a symbolic link to one (the link is followed: the file it names is
   replaced); a directory, FIFO, socket or device is refused. The message names the file and the system's reason. */
static int
write_atomic(const char *path, json_t *root, const char *text, char *err, size_t errlen)
{
    struct stat st;
    char *target = NULL, *tmp, *slash;
    FILE *f;
    int fd, ok, e = 0;
    mode_t mask;
    if (path[0] == '\0')
    {
        snprintf(err, errlen, "cannot write an empty file name");
        return 1;
    }
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
    {
        target = realpath(path, NULL);
        if (target == NULL)
        {
            snprintf(err, errlen, "cannot write %s: a symbolic link whose target cannot be resolved (%s)", path,
                     strerror(errno));
            return 1;
        }
        path = target;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
    {
        snprintf(err, errlen, "cannot write %s: %s", path, S_ISDIR(st.st_mode) ? "it is a directory"
                 : "it is not a regular file (a FIFO, socket or device is never overwritten)");
        free(target);
        return 1;
    }
    tmp = malloc(strlen(path) + 32);
    strcpy(tmp, path);
    slash = strrchr(tmp, '/');
    strcpy(slash ? slash + 1 : tmp, ".qtoracle-XXXXXX");
    fd = mkstemp(tmp);
    if (fd < 0)
    {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        free(target);
        return 1;
    }
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0)
        e = errno;
    f = fdopen(fd, "w");
    if (f == NULL)
    {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        free(target);
        return 1;
    }
    ok = e == 0;
    if (ok && text != NULL)
        ok = fputs(text, f) != EOF;
    else if (ok)
    {
        ok = json_dumpf(root, f, JSON_INDENT(1) | JSON_ENSURE_ASCII) == 0;
        ok = ok && fputc('\n', f) != EOF;
    }
    if (!ok && e == 0)
        e = errno;
    if (fflush(f) != 0 && ok)
    {
        ok = 0;
        e = errno;
    }
    if (fclose(f) != 0 && ok)
    {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0)
    {
        ok = 0;
        e = errno;
    }
    if (!ok)
    {
        unlink(tmp);
        snprintf(err, errlen, "cannot write %s: %s", path, e ? strerror(e) : "write error");
    }
    free(tmp);
    free(target);
    return !ok;
}

json_t *
qo_json_load_path(const char *path, char *err, size_t errlen)
{
    struct stat st;
    json_error_t je;
    json_t *o;
    if (stat(path, &st) != 0)
    {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode))
    {
        snprintf(err, errlen, "cannot read %s: %s", path, S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
        return NULL;
    }
    if ((double) st.st_size > (double) QO_JSON_MAX_BYTES)
    {
        snprintf(err, errlen, "cannot read %s: %lld bytes, more than the limit of %d MB for a JSON input", path,
                 (long long) st.st_size, QO_JSON_MAX_BYTES >> 20);
        return NULL;
    }
    o = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (o == NULL)
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
    return o;
}

int
qo_output_path_ok(const char *path, char *err, size_t errlen)
{
    struct stat st;
    char *dir, *slash, *target = NULL;
    const char *p = path;
    int ok = 1;
    if (path[0] == '\0')
    {
        snprintf(err, errlen, "cannot write an empty file name");
        return 0;
    }
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
    {
        target = realpath(path, NULL);
        if (target == NULL)
        {
            snprintf(err, errlen, "cannot write %s: a symbolic link whose target cannot be resolved (%s)", path,
                     strerror(errno));
            return 0;
        }
        p = target;
    }
    if (stat(p, &st) == 0 && !S_ISREG(st.st_mode))
    {
        snprintf(err, errlen, "cannot write %s: %s", path, S_ISDIR(st.st_mode) ? "it is a directory"
                 : "it is not a regular file (a FIFO, socket or device is never overwritten)");
        free(target);
        return 0;
    }
    dir = strdup(p);
    slash = strrchr(dir, '/');
    if (slash == NULL)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    {
        snprintf(err, errlen, "cannot write %s: the directory %s: %s", path, dir,
                 stat(dir, &st) != 0 ? strerror(errno) : "is not a directory");
        ok = 0;
    }
    else if (access(dir, W_OK | X_OK) != 0)
    {
        snprintf(err, errlen, "cannot write %s: the directory %s: %s", path, dir, strerror(errno));
        ok = 0;
    }
    else
    {
        long nm = pathconf(dir, _PC_NAME_MAX);
        const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
        if (nm > 0 && (long) strlen(base) > nm)
        {
            snprintf(err, errlen, "cannot write %s: %s", path, strerror(ENAMETOOLONG));
            ok = 0;
        }
    }
    free(dir);
    free(target);
    return ok;
}

int
qo_write_json_file(json_t *root, const char *path, char *err, size_t errlen)
{
    return write_atomic(path, root, NULL, err, errlen);
}

int
qo_write_text_file(const char *text, const char *path, char *err, size_t errlen)
{
    return write_atomic(path, NULL, text, err, errlen);
}

int
qo_parse_value(fmpq_t q, const char *s)
{
    char msg[256];
    return qt_exact_parse(q, s, msg, sizeof msg);
}

/* the Levenshtein distance of two short strings (at most 63 characters each; longer ones count as far apart) */
static int
edit_distance(const char *a, const char *b)
{
    int la = (int) strlen(a), lb = (int) strlen(b), i, j, d[64][64];
    if (la > 63 || lb > 63)
        return 1000;
    for (i = 0; i <= la; i++)
        d[i][0] = i;
    for (j = 0; j <= lb; j++)
        d[0][j] = j;
    for (i = 1; i <= la; i++)
        for (j = 1; j <= lb; j++)
        {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

const char *
qo_closest(const char *word, const char *const *candidates, int n)
{
    const char *best = NULL;
    int i, bd = 1000, limit = (int) strlen(word) / 3 + 1;
    if (limit < 2)
        limit = 2;
    for (i = 0; (n < 0 || i < n) && candidates[i] != NULL; i++)
    {
        int dd = edit_distance(word, candidates[i]);
        if (strcasecmp(word, candidates[i]) == 0)
            return candidates[i];
        if (dd < bd)
        {
            bd = dd;
            best = candidates[i];
        }
    }
    /* near enough, and sharing a character with the word: a one-letter name is not "near" every two-letter one */
    if (best == NULL || bd > limit || bd >= (int) FLINT_MAX(strlen(word), strlen(best)))
        return NULL;
    return best;
}

int
qo_option(const char **value, int *i, int argc, char **argv, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0 || (a[n] != '\0' && a[n] != '='))
        return 0;
    if (a[n] == '=')
        *value = a + n + 1;
    else
        *value = (*i + 1 < argc) ? argv[++*i] : NULL;
    return 1;
}

int
qo_json_known_fields(json_t *o, const char *const *allowed, const char *where, char *err, size_t errlen)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        int k, ok = 0;
        for (k = 0; allowed[k] != NULL; k++)
            ok |= strcmp(key, allowed[k]) == 0;
        if (!ok)
        {
            const char *near = qo_closest(key, allowed, -1);
            snprintf(err, errlen, "%s: unknown field \"%s\"%s%s%s", where, key, near ? " (did you mean " : "",
                     near ? near : "", near ? "?)" : "");
            return 1;
        }
    }
    return 0;
}

int
qo_parse_digits(slong *d, const char *s)
{
    char *end;
    long v;
    if (s == NULL || *s < '0' || *s > '9')          /* digits only: no sign, no space */
        return 1;
    v = strtol(s, &end, 10);
    if (*end != '\0' || v < 1 || v > QT_DIGITS_MAX)
        return 1;
    *d = v;
    return 0;
}
