#define _POSIX_C_SOURCE 200809L
/* cmd_check.c -- qtoracle check VECTORS.json RESULTS.jsonl [--rtol R] [--atol A]
 * Rule: tau = atol + rtol * max(|lo|, |hi|); a finite value x passes iff
 * lo - tau <= x <= hi + tau, evaluated exactly in rational arithmetic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "vectors_io.h"

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

/* 1 pass, 0 fail; writes a description of a failure to msg */
static int
check_value(const qo_vec_entry *e, const char *value, const fmpq_t rtol, const fmpq_t atol,
            char *msg, size_t msglen)
{
    fmpq_t x, lo, hi, tau, t, d;
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
    /* tau = atol + rtol * max(|lo|, |hi|) */
    fmpq_abs(t, lo);
    fmpq_abs(d, hi);
    if (fmpq_cmp(d, t) > 0)
        fmpq_set(t, d);
    fmpq_mul(tau, rtol, t);
    fmpq_add(tau, tau, atol);

    fmpq_sub(t, lo, tau);
    fmpq_add(d, hi, tau);
    pass = fmpq_cmp(t, x) <= 0 && fmpq_cmp(x, d) <= 0;
    if (!pass)
    {
        /* distance beyond the nearer end of the enclosure, in units of tau */
        fmpq_t dist;
        fmpq_init(dist);
        if (fmpq_cmp(x, lo) < 0)
            fmpq_sub(dist, lo, x);
        else
            fmpq_sub(dist, x, hi);
        if (fmpq_is_zero(tau))
            snprintf(msg, msglen, "OUTSIDE: value %s outside [%s, %s] by %.3e (tau = 0)",
                     value, e->lo, e->hi, fmpq_to_double(dist));
        else
        {
            fmpq_div(dist, dist, tau);
            snprintf(msg, msglen, "OUTSIDE: value %s outside [%s, %s] by %.3e tau (tau = %.3e)",
                     value, e->lo, e->hi, fmpq_to_double(dist), fmpq_to_double(tau));
        }
        fmpq_clear(dist);
    }
done:
    fmpq_clear(x); fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(tau); fmpq_clear(t); fmpq_clear(d);
    return pass;
}

int
qo_cmd_check(int argc, char **argv)
{
    const char *vpath = NULL, *rpath = NULL, *rtol_s = "0", *atol_s = "0";
    fmpq_t rtol, atol;
    qo_vecs v;
    FILE *f;
    char *line = NULL, err[1024];
    size_t cap = 0, i;
    long lineno = 0, passed = 0, failed = 0;
    int k;

    for (k = 0; k < argc; k++)
    {
        if (strcmp(argv[k], "--rtol") == 0 && k + 1 < argc)
            rtol_s = argv[++k];
        else if (strcmp(argv[k], "--atol") == 0 && k + 1 < argc)
            atol_s = argv[++k];
        else if (argv[k][0] == '-' && argv[k][1] == '-')
        {
            qo_error("check: unknown option or missing value \"%s\" (usage: qtoracle check VECTORS.json RESULTS.jsonl [--rtol R] [--atol A])", argv[k]);
            return QO_EXIT_USAGE;
        }
        else if (vpath == NULL)
            vpath = argv[k];
        else if (rpath == NULL)
            rpath = argv[k];
        else
        {
            qo_error("check: unexpected argument \"%s\"", argv[k]);
            return QO_EXIT_USAGE;
        }
    }
    if (vpath == NULL || rpath == NULL)
    {
        qo_error("check: usage: qtoracle check VECTORS.json RESULTS.jsonl [--rtol R] [--atol A]");
        return QO_EXIT_USAGE;
    }
    fmpq_init(rtol);
    fmpq_init(atol);
    if (qt_exact_parse(rtol, rtol_s, err, sizeof err) || fmpq_sgn(rtol) < 0)
    {
        qo_error("check: --rtol must be an exact number >= 0, got \"%s\"", rtol_s);
        fmpq_clear(rtol); fmpq_clear(atol);
        return QO_EXIT_USAGE;
    }
    if (qt_exact_parse(atol, atol_s, err, sizeof err) || fmpq_sgn(atol) < 0)
    {
        qo_error("check: --atol must be an exact number >= 0, got \"%s\"", atol_s);
        fmpq_clear(rtol); fmpq_clear(atol);
        return QO_EXIT_USAGE;
    }
    if (qo_vecs_load(&v, vpath, err, sizeof err))
    {
        qo_error("check: %s", err);
        qo_vecs_clear(&v);
        fmpq_clear(rtol); fmpq_clear(atol);
        return QO_EXIT_USAGE;
    }
    f = fopen(rpath, "r");
    if (f == NULL)
    {
        qo_error("check: cannot read results file %s", rpath);
        qo_vecs_clear(&v);
        fmpq_clear(rtol); fmpq_clear(atol);
        return QO_EXIT_USAGE;
    }

    while (getline(&line, &cap, f) != -1)
    {
        json_t *o;
        json_error_t jerr;
        const char *caseId, *output, *value;
        qo_vec_entry *e;
        char msg[1024];
        char *p = line;
        lineno++;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (*p == '\0')
            continue;
        o = json_loads(p, JSON_REJECT_DUPLICATES, &jerr);
        if (o == NULL || !json_is_object(o))
        {
            printf("FAIL line %ld: MALFORMED: not a JSON object (%s)\n", lineno, o ? "wrong type" : jerr.text);
            failed++;
            json_decref(o);
            continue;
        }
        caseId = json_string_value(json_object_get(o, "caseId"));
        output = json_string_value(json_object_get(o, "output"));
        value = json_string_value(json_object_get(o, "value"));
        if (caseId == NULL || output == NULL || value == NULL)
        {
            printf("FAIL line %ld: MALFORMED: needs string fields caseId, output and value (numbers as strings)\n", lineno);
            failed++;
            json_decref(o);
            continue;
        }
        e = qo_vecs_find(&v, caseId, output);
        if (e == NULL)
        {
            printf("FAIL line %ld: UNKNOWN: %s %s is not in %s\n", lineno, caseId,
                   qo_vecs_has_case(&v, caseId) ? "has no such output:" : "(caseId)", vpath);
            if (qo_vecs_has_case(&v, caseId))
                printf("    output %s\n", output);
            failed++;
        }
        else if (e->seen)
        {
            printf("FAIL line %ld: DUPLICATE: %s %s given more than once\n", lineno, caseId, output);
            failed++;
        }
        else
        {
            e->seen = 1;
            if (check_value(e, value, rtol, atol, msg, sizeof msg))
                passed++;
            else
            {
                printf("FAIL line %ld: %s %s: %s\n", lineno, caseId, output, msg);
                failed++;
            }
        }
        json_decref(o);
    }
    free(line);
    fclose(f);

    for (i = 0; i < v.n; i++)
        if (!v.e[i].seen)
        {
            printf("FAIL MISSING: %s %s has no result\n", v.e[i].caseId, v.e[i].output);
            failed++;
        }
    printf("%ld passed, %ld failed\n", passed, failed);
    qo_vecs_clear(&v);
    fmpq_clear(rtol);
    fmpq_clear(atol);
    return failed ? QO_EXIT_FAIL : QO_EXIT_OK;
}
