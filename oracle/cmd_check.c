#define _POSIX_C_SOURCE 200809L
/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_check.c -- qtoracle check VECTORS.json RESULTS.jsonl|- [options]: a solver's results against certified vectors.
 * Rule (docs/vectors.md): with tau = atol + rtol * max(|lo|, |hi|), a finite value x passes iff
 * lo - tau <= x <= hi + tau, evaluated exactly in rational arithmetic; with --ulps N, iff x lies between lo_f64 moved
 * N doubles down and hi_f64 moved N doubles up (exactly).  Without a tolerance option each group's stated tolerance
 * (its "tolerance" field) is used, or 0 where a file states none. */
#include <fnmatch.h>
#include <math.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "vectors_io.h"

#define USAGE "usage: qtoracle check VECTORS.json RESULTS.jsonl|- [--rtol R] [--atol A] [--ulps N] [--subset] " \
              "[--case GLOB] [--output NAME] [--flag NAME] [--skip-flag NAME] [--junit FILE.xml] [--verbose]"
#define MAXSEL 32

typedef struct
{
    const char *rtol_s, *atol_s;   /* NULL: not given */
    long ulps;                     /* -1: not given */
    int subset, verbose;
    const char *cases[MAXSEL], *outputs[MAXSEL], *flags[MAXSEL], *skip[MAXSEL];
    int ncases, noutputs, nflags, nskip;
    const char *junit;
}
check_opts;

/* one verdict, kept for the JUnit report */
typedef struct
{
    const qo_vec_entry *e;     /* NULL for a line that names no entry */
    char *name;                /* caseId output (or the line) */
    char *failure;             /* NULL: passed; "" with skipped = 1: not checked */
    int skipped;
}
verdict;

typedef struct
{
    verdict *v;
    size_t n, alloc;
}
verdicts;

static void
add_verdict(verdicts *V, const qo_vec_entry *e, const char *name, const char *failure, int skipped)
{
    if (V->n == V->alloc)
    {
        V->alloc = V->alloc ? 2 * V->alloc : 64;
        V->v = realloc(V->v, V->alloc * sizeof *V->v);
    }
    V->v[V->n].e = e;
    V->v[V->n].name = strdup(name);
    V->v[V->n].failure = failure ? strdup(failure) : NULL;
    V->v[V->n].skipped = skipped;
    V->n++;
}

static int
is_nonfinite_word(const char *s)
{
    const char *w[] = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", NULL};
    int i;
    for (i = 0; w[i]; i++)
        if (strcasecmp(s, w[i]) == 0)
            return 1;
    return 0;
}

static double
fmpq_to_double(const fmpq_t q)
{
    mpfr_t m;
    double d;
    mpfr_init2(m, 64);
    fmpq_get_mpfr(m, q, MPFR_RNDN);
    d = mpfr_get_d(m, MPFR_RNDN);
    mpfr_clear(m);
    return d;
}

/* a double, exactly, as a rational */
static void
fmpq_set_double(fmpq_t q, double d)
{
    arf_t a;
    arf_init(a);
    arf_set_d(a, d);
    arf_get_fmpq(q, a);
    arf_clear(a);
}

/* the double nearest to a decimal string (the printed lo_f64/hi_f64 identify their double uniquely) */
static double
string_to_double(const char *s)
{
    return strtod(s, NULL);
}

/* the distance in units in the last place between two finite doubles (the number of doubles between them) */
static double
ulps_between(double a, double b)
{
    int64_t ia, ib;
    memcpy(&ia, &a, 8);
    memcpy(&ib, &b, 8);
    if (ia < 0)
        ia = INT64_MIN - ia;
    if (ib < 0)
        ib = INT64_MIN - ib;
    return fabs((double) ia - (double) ib);
}

/* the tolerance of an entry: the options, else the group's stated tolerance, else 0 */
static void
entry_tolerance(fmpq_t rtol, fmpq_t atol, const check_opts *o, const qo_vec_entry *e)
{
    char msg[256];
    json_t *t = json_object_get(e->group, "tolerance");
    const char *r = o->rtol_s, *a = o->atol_s;
    if (r == NULL && a == NULL && o->ulps < 0 && json_is_object(t))
    {
        r = json_string_value(json_object_get(t, "rtol"));
        a = json_string_value(json_object_get(t, "atol"));
    }
    fmpq_zero(rtol);
    fmpq_zero(atol);
    if (r != NULL)
        qt_exact_parse(rtol, r, msg, sizeof msg);
    if (a != NULL)
        qt_exact_parse(atol, a, msg, sizeof msg);
}

/* 1 pass, 0 fail; writes a description of a failure to msg */
static int
check_value(const qo_vec_entry *e, const char *value, const check_opts *o, char *msg, size_t msglen)
{
    fmpq_t x, lo, hi, tau, t, d, rtol, atol;
    int pass;
    if (strcmp(e->status, "ok") != 0)
    {
        /* the vector expects an error */
        if (strcasecmp(value, "error") == 0 || is_nonfinite_word(value))
            return 1;
        snprintf(msg, msglen, "WRONG_STATUS: expected an error (%s), got value %s", e->status, value);
        return 0;
    }
    if (strcasecmp(value, "error") == 0)
    {
        snprintf(msg, msglen, "WRONG_STATUS: expected a value in [%s, %s], got an error", e->lo, e->hi);
        return 0;
    }
    if (strcmp(e->lo, e->hi) == 0 && (strcmp(e->lo, "inf") == 0 || strcmp(e->lo, "-inf") == 0))
    {
        /* the exact value is an infinity: only the same infinity passes */
        int want_pos = e->lo[0] == 'i';
        int is_pos = strcasecmp(value, "inf") == 0 || strcasecmp(value, "+inf") == 0
                     || strcasecmp(value, "infinity") == 0 || strcasecmp(value, "+infinity") == 0;
        int is_neg = strcasecmp(value, "-inf") == 0 || strcasecmp(value, "-infinity") == 0;
        if ((want_pos && is_pos) || (!want_pos && is_neg))
            return 1;
        snprintf(msg, msglen, "OUTSIDE: the exact value is %s, got %s", e->lo, value);
        return 0;
    }
    if (is_nonfinite_word(value))
    {
        snprintf(msg, msglen, "NONFINITE: value %s, expected [%s, %s]", value, e->lo, e->hi);
        return 0;
    }
    fmpq_init(x); fmpq_init(lo); fmpq_init(hi); fmpq_init(tau); fmpq_init(t); fmpq_init(d);
    fmpq_init(rtol); fmpq_init(atol);
    if (qo_parse_value(x, value))
    {
        snprintf(msg, msglen, "MALFORMED: value \"%s\" is not a finite decimal number", value);
        pass = 0;
        goto done;
    }
    if (qo_parse_value(lo, e->lo) || qo_parse_value(hi, e->hi))
    {
        snprintf(msg, msglen, "the vector's enclosure [%s, %s] is not finite", e->lo, e->hi);
        pass = 0;
        goto done;
    }
    if (o->ulps >= 0)
    {
        /* [lo_f64, hi_f64] widened by N doubles on each side, compared exactly */
        double a = string_to_double(e->lo_f64), b = string_to_double(e->hi_f64);
        long k;
        for (k = 0; k < o->ulps; k++)
        {
            a = nextafter(a, -INFINITY);
            b = nextafter(b, INFINITY);
        }
        fmpq_set_double(t, a);
        fmpq_set_double(d, b);
        pass = (isinf(a) || fmpq_cmp(t, x) <= 0) && (isinf(b) || fmpq_cmp(x, d) <= 0);
        fmpq_zero(tau);
    }
    else
    {
        /* tau = atol + rtol * max(|lo|, |hi|) */
        entry_tolerance(rtol, atol, o, e);
        fmpq_abs(t, lo);
        fmpq_abs(d, hi);
        if (fmpq_cmp(d, t) > 0)
            fmpq_set(t, d);
        fmpq_mul(tau, rtol, t);
        fmpq_add(tau, tau, atol);
        fmpq_sub(t, lo, tau);
        fmpq_add(d, hi, tau);
        pass = fmpq_cmp(t, x) <= 0 && fmpq_cmp(x, d) <= 0;
    }
    if (!pass)
    {
        /* the distance beyond the nearer end: absolute, relative to that end, in ulps and in units of tau */
        fmpq_t dist;
        const fmpq *bound = fmpq_cmp(x, lo) < 0 ? lo : hi;
        const char *bound_f64 = fmpq_cmp(x, lo) < 0 ? e->lo_f64 : e->hi_f64;
        double xd = fmpq_to_double(x), rel, ul;
        char tol[96];
        fmpq_init(dist);
        fmpq_sub(dist, x, bound);
        fmpq_abs(dist, dist);
        rel = fmpq_is_zero(bound) ? INFINITY : fmpq_to_double(dist) / fabs(fmpq_to_double(bound));
        ul = ulps_between(xd, string_to_double(bound_f64));
        if (o->ulps >= 0)
            snprintf(tol, sizeof tol, "%ld ulps", o->ulps);
        else if (fmpq_is_zero(tau))
            snprintf(tol, sizeof tol, "tau = 0");
        else
        {
            fmpq_div(dist, dist, tau);
            snprintf(tol, sizeof tol, "%.3e tau, tau = %.3e", fmpq_to_double(dist), fmpq_to_double(tau));
        }
        snprintf(msg, msglen, "OUTSIDE: value %s, enclosure [%s, %s] (binary64 [%s, %s]): relative error %.3e to the "
                 "nearest bound, %.0f ulps (%s)", value, e->lo, e->hi, e->lo_f64, e->hi_f64, rel, ul, tol);
        fmpq_clear(dist);
    }
done:
    fmpq_clear(x); fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(tau); fmpq_clear(t); fmpq_clear(d);
    fmpq_clear(rtol); fmpq_clear(atol);
    return pass;
}

/* is the entry selected by --case, --output, --flag, --skip-flag? */
static int
has_flag(const qo_vec_entry *e, const char *f)
{
    size_t i;
    json_t *x;
    json_array_foreach(e->flags, i, x)
        if (json_is_string(x) && strcmp(json_string_value(x), f) == 0)
            return 1;
    return 0;
}

static int
selected(const qo_vec_entry *e, const check_opts *o)
{
    int i, ok;
    if (o->ncases)
    {
        for (ok = 0, i = 0; i < o->ncases; i++)
            ok = ok || fnmatch(o->cases[i], e->caseId, 0) == 0;
        if (!ok)
            return 0;
    }
    if (o->noutputs)
    {
        for (ok = 0, i = 0; i < o->noutputs; i++)
            ok = ok || strcmp(o->outputs[i], e->output) == 0;
        if (!ok)
            return 0;
    }
    if (o->nflags)
    {
        for (ok = 0, i = 0; i < o->nflags; i++)
            ok = ok || has_flag(e, o->flags[i]);
        if (!ok)
            return 0;
    }
    for (i = 0; i < o->nskip; i++)
        if (has_flag(e, o->skip[i]))
            return 0;
    return 1;
}

/* the literal text of a number at key "value" in a JSON line (read exactly, never through a double) */
static char *
literal_number(const char *line)
{
    const char *p = line;
    while ((p = strstr(p, "\"value\"")) != NULL)
    {
        const char *q = p + 7, *s;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != ':')
        {
            p++;
            continue;
        }
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        s = q;
        while (*q && strchr("+-0123456789.eE", *q))
            q++;
        if (q > s)
            return strndup(s, (size_t) (q - s));
        return NULL;
    }
    return NULL;
}

/* text escaped for XML attributes and contents */
static void
xml_escaped(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s)
        {
            case '<': fputs("&lt;", f); break;
            case '>': fputs("&gt;", f); break;
            case '&': fputs("&amp;", f); break;
            case '"': fputs("&quot;", f); break;
            default:
                if ((unsigned char) *s >= 0x20 || *s == '\n' || *s == '\t')
                    fputc(*s, f);
        }
}

/* the JUnit report: one testcase per value (failures with their message; values not checked as skipped) */
static int
write_junit(const char *path, const char *vpath, const verdicts *V, long passed, long failed, long skipped)
{
    char *text = NULL, err[512];
    size_t len = 0, i;
    FILE *f = open_memstream(&text, &len);
    int bad;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"");
    xml_escaped(f, vpath);
    fprintf(f, "\" tests=\"%ld\" failures=\"%ld\" skipped=\"%ld\">\n", passed + failed + skipped, failed, skipped);
    for (i = 0; i < V->n; i++)
    {
        const verdict *v = V->v + i;
        fputs("  <testcase classname=\"", f);
        xml_escaped(f, vpath);
        fputs("\" name=\"", f);
        xml_escaped(f, v->name);
        fputs("\">", f);
        if (v->skipped)
            fputs("<skipped/>", f);
        else if (v->failure != NULL)
        {
            fputs("<failure message=\"", f);
            xml_escaped(f, v->failure);
            fputs("\"/>", f);
        }
        fputs("</testcase>\n", f);
    }
    fputs("</testsuite>\n</testsuites>\n", f);
    fclose(f);
    bad = qo_write_text_file(text, path, err, sizeof err);
    if (bad)
        qo_error("check: %s", err);
    free(text);
    return bad;
}

static int
parse_opts(check_opts *o, const char **vpath, const char **rpath, int argc, char **argv)
{
    int k;
    memset(o, 0, sizeof *o);
    o->ulps = -1;
    *vpath = *rpath = NULL;
    for (k = 0; k < argc; k++)
    {
        const char *a = argv[k], *val = NULL, *eq = strchr(a, '=');
        char name[32];
        size_t nl = eq && a[0] == '-' ? (size_t) (eq - a) : strlen(a);
        if (a[0] == '-' && a[1] == '-')
        {
            snprintf(name, sizeof name, "%.*s", (int) (nl < 31 ? nl : 31), a);
            if (strcmp(name, "--subset") == 0 || strcmp(name, "--verbose") == 0)
            {
                if (eq)
                {
                    qo_error("check: %s takes no value", name);
                    return 1;
                }
                if (strcmp(name, "--subset") == 0)
                    o->subset = 1;
                else
                    o->verbose = 1;
                continue;
            }
            val = eq ? eq + 1 : (k + 1 < argc ? argv[++k] : NULL);
            if (val == NULL)
            {
                qo_error("check: %s needs a value (%s)", name, USAGE);
                return 1;
            }
            if (strcmp(name, "--rtol") == 0)
                o->rtol_s = val;
            else if (strcmp(name, "--atol") == 0)
                o->atol_s = val;
            else if (strcmp(name, "--ulps") == 0)
            {
                char *end;
                long u = strtol(val, &end, 10);
                if (*val < '0' || *val > '9' || *end != '\0' || u < 0 || u > 1000000)
                {
                    qo_error("check: --ulps must be a whole number from 0 to 1000000, got \"%s\"", val);
                    return 1;
                }
                o->ulps = u;
            }
            else if (strcmp(name, "--junit") == 0)
                o->junit = val;
            else if (strcmp(name, "--case") == 0 || strcmp(name, "--output") == 0 || strcmp(name, "--flag") == 0
                     || strcmp(name, "--skip-flag") == 0)
            {
                const char **arr = name[2] == 'c' ? o->cases : name[2] == 'o' ? o->outputs : name[2] == 'f' ? o->flags : o->skip;
                int *n = name[2] == 'c' ? &o->ncases : name[2] == 'o' ? &o->noutputs : name[2] == 'f' ? &o->nflags : &o->nskip;
                if (*n >= MAXSEL)
                {
                    qo_error("check: at most %d %s options", MAXSEL, name);
                    return 1;
                }
                arr[(*n)++] = val;
            }
            else
            {
                qo_error("check: unknown option \"%s\" (%s)", name, USAGE);
                return 1;
            }
        }
        else if (*vpath == NULL)
            *vpath = a;
        else if (*rpath == NULL)
            *rpath = a;
        else
        {
            qo_error("check: unexpected argument \"%s\" (%s)", a, USAGE);
            return 1;
        }
    }
    if (*vpath == NULL || *rpath == NULL)
    {
        qo_error("check: %s", USAGE);
        return 1;
    }
    if (o->ulps >= 0 && (o->rtol_s || o->atol_s))
    {
        qo_error("check: --ulps and --rtol/--atol are two different rules; give one");
        return 1;
    }
    {
        fmpq_t q;
        char msg[256];
        int bad = 0;
        fmpq_init(q);
        if (o->rtol_s && (qt_exact_parse(q, o->rtol_s, msg, sizeof msg) || fmpq_sgn(q) < 0))
        {
            qo_error("check: --rtol must be an exact number >= 0, got \"%s\"", o->rtol_s);
            bad = 1;
        }
        else if (o->atol_s && (qt_exact_parse(q, o->atol_s, msg, sizeof msg) || fmpq_sgn(q) < 0))
        {
            qo_error("check: --atol must be an exact number >= 0, got \"%s\"", o->atol_s);
            bad = 1;
        }
        fmpq_clear(q);
        return bad;
    }
}

/* the first line: which tolerance is used */
static void
print_rule(const check_opts *o, const qo_vecs *v)
{
    size_t i;
    int stated = 0;
    if (o->ulps >= 0)
        printf("tolerance: %ld ulps of the binary64 enclosure [lo_f64, hi_f64]\n", o->ulps);
    else if (o->rtol_s || o->atol_s)
        printf("tolerance: rtol %s, atol %s\n", o->rtol_s ? o->rtol_s : "0", o->atol_s ? o->atol_s : "0");
    else
    {
        for (i = 0; i < v->n && !stated; i++)
            stated = json_is_object(json_object_get(v->e[i].group, "tolerance"));
        printf(stated ? "tolerance: each group's stated tolerance (the file's \"tolerance\" fields, for a careful "
                        "double-precision solver); override with --rtol/--atol or --ulps\n"
                      : "tolerance: 0 (exact containment: the file states no tolerance); use --rtol/--atol or --ulps\n");
    }
}

int
qo_cmd_check(int argc, char **argv)
{
    const char *vpath, *rpath;
    check_opts o;
    qo_vecs v;
    verdicts V = {NULL, 0, 0};
    FILE *f;
    char *line = NULL, err[1024], name[600];
    size_t cap = 0, i;
    ssize_t len;
    long lineno = 0, passed = 0, failed = 0, skipped = 0;
    int code;

    if (parse_opts(&o, &vpath, &rpath, argc, argv))
        return QO_EXIT_USAGE;
    if (o.junit != NULL && !qo_output_path_ok(o.junit, err, sizeof err))
    {
        qo_error("check: --junit: %s", err);
        return QO_EXIT_USAGE;
    }
    if (qo_vecs_load(&v, vpath, err, sizeof err))
    {
        qo_error("check: %s", err);
        qo_vecs_clear(&v);
        return QO_EXIT_USAGE;
    }
    {
        struct stat st;
        if (strcmp(rpath, "-") != 0 && stat(rpath, &st) == 0 && S_ISDIR(st.st_mode))
        {
            qo_error("check: cannot read results file %s: it is a directory", rpath);
            qo_vecs_clear(&v);
            return QO_EXIT_USAGE;
        }
    }
    f = strcmp(rpath, "-") == 0 ? stdin : fopen(rpath, "r");
    if (f == NULL)
    {
        qo_error("check: cannot read results file %s: %s", rpath, strerror(errno));
        qo_vecs_clear(&v);
        return QO_EXIT_USAGE;
    }
    print_rule(&o, &v);

    while ((len = getline(&line, &cap, f)) != -1)
    {
        json_t *o_, *jv;
        json_error_t jerr;
        const char *caseId, *output, *value;
        char *lit = NULL;
        qo_vec_entry *e;
        char msg[2048];
        char *p = line;
        lineno++;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (*p == '\0' && (ssize_t) strlen(line) == len)
            continue;
        if ((ssize_t) strlen(line) != len)
        {
            printf("FAIL line %ld: MALFORMED: the line contains a NUL byte\n", lineno);
            snprintf(name, sizeof name, "line %ld", lineno);
            add_verdict(&V, NULL, name, "MALFORMED: the line contains a NUL byte", 0);
            failed++;
            continue;
        }
        o_ = json_loads(p, JSON_REJECT_DUPLICATES, &jerr);
        caseId = json_string_value(json_object_get(o_, "caseId"));
        output = json_string_value(json_object_get(o_, "output"));
        jv = json_object_get(o_, "value");
        value = json_string_value(jv);
        if (json_is_number(jv))
            value = lit = literal_number(p);
        if (o_ == NULL || !json_is_object(o_) || caseId == NULL || output == NULL || value == NULL)
        {
            snprintf(msg, sizeof msg, "MALFORMED: %s",
                     o_ == NULL || !json_is_object(o_) ? "not a JSON object"
                     : "needs string fields caseId and output and a value (a string or a JSON number)");
            printf("FAIL line %ld: %s\n", lineno, msg);
            snprintf(name, sizeof name, "line %ld", lineno);
            add_verdict(&V, NULL, name, msg, 0);
            failed++;
            json_decref(o_);
            free(lit);
            continue;
        }
        snprintf(name, sizeof name, "%s %s", caseId, output);
        e = qo_vecs_find(&v, caseId, output);
        if (e == NULL)
        {
            snprintf(msg, sizeof msg, "UNKNOWN: %s %s is not in %s", caseId,
                     qo_vecs_has_case(&v, caseId) ? "has no such output" : "(caseId)", vpath);
            printf("FAIL line %ld: %s %s: %s\n", lineno, caseId, output, msg);
            add_verdict(&V, NULL, name, msg, 0);
            failed++;
        }
        else if (e->seen)
        {
            printf("FAIL line %ld: DUPLICATE: %s %s given more than once\n", lineno, caseId, output);
            add_verdict(&V, NULL, name, "DUPLICATE: given more than once", 0);
            failed++;
        }
        else if (!selected(e, &o))
            e->seen = 2;                 /* not selected: counted as not checked below */
        else
        {
            e->seen = 1;
            if (check_value(e, value, &o, msg, sizeof msg))
            {
                passed++;
                add_verdict(&V, e, name, NULL, 0);
            }
            else
            {
                printf("FAIL line %ld: %s %s: %s\n", lineno, caseId, output, msg);
                add_verdict(&V, e, name, msg, 0);
                failed++;
            }
        }
        json_decref(o_);
        free(lit);
    }
    free(line);
    if (f != stdin)
        fclose(f);

    for (i = 0; i < v.n; i++)
    {
        qo_vec_entry *e = v.e + i;
        snprintf(name, sizeof name, "%s %s", e->caseId, e->output);
        if (e->seen == 1)
            continue;
        if (e->seen == 0 && selected(e, &o) && !o.subset)
        {
            printf("FAIL MISSING: %s %s has no result\n", e->caseId, e->output);
            add_verdict(&V, e, name, "MISSING: no result", 0);
            failed++;
            continue;
        }
        if (o.verbose)
            printf("not checked: %s %s (%s)\n", e->caseId, e->output,
                   !selected(e, &o) ? "not selected" : "no result (--subset)");
        add_verdict(&V, e, name, "", 1);
        skipped++;
    }
    printf("%ld passed, %ld failed, %ld not checked\n", passed, failed, skipped);
    code = failed ? QO_EXIT_FAIL : QO_EXIT_OK;
    if (o.junit != NULL && write_junit(o.junit, vpath, &V, passed, failed, skipped))
        code = QO_EXIT_USAGE;
    for (i = 0; i < V.n; i++)
    {
        free(V.v[i].name);
        free(V.v[i].failure);
    }
    free(V.v);
    qo_vecs_clear(&v);
    return code;
}
