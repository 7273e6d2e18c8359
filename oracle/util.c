/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* util.c -- error messages, JSON of balls, atomic file output, exact value parsing. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* write text (or, if text is NULL, root as indented JSON and a newline) to path through a temporary file and a rename:
   no partial file on any error; the message names the file and the system's reason */
static int
write_atomic(const char *path, json_t *root, const char *text, char *err, size_t errlen)
{
    char *tmp = malloc(strlen(path) + 32);
    FILE *f;
    int ok, e = 0;
    sprintf(tmp, "%s.tmp%ld", path, (long) getpid());
    f = fopen(tmp, "w");
    if (f == NULL)
    {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        return 1;
    }
    if (text != NULL)
        ok = fputs(text, f) != EOF;
    else
    {
        ok = json_dumpf(root, f, JSON_INDENT(1) | JSON_ENSURE_ASCII) == 0;
        ok = ok && fputc('\n', f) != EOF;
    }
    if (!ok)
        e = errno;
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
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
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
        if (dd < bd)
        {
            bd = dd;
            best = candidates[i];
        }
    }
    return bd <= limit ? best : NULL;
}
