/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_validate.c -- qtoracle validate VECTORS.json [--extra-bits N] [--progress] [--timeout S] [--jobs J]: the
 * vector file recomputed.  Every case's parameters are parsed again (exact inputs, each accepted by its quantity), every output
 * recomputed at its recorded working precision plus N bits (default 64), and each committed enclosure [lo, hi] must
 * contain the new enclosure entirely, decided in exact arithmetic; a domain-error output must be a domain error
 * again.  A new enclosure that overlaps the committed one without lying inside it is retried with twice, four and
 * eight times the extra bits before it is reported undecided.  Where the library has a second method for a record
 * (qo_family.record2: the qubit closed forms by the general Lindblad route), its certified enclosures must overlap the
 * committed ones (disjoint: contradicted).  Also: numberOfTests, the provenance of every group
 * (generator, version, libraries, digits) and the format.  Prints one line per problem and a last line
 * "N contained, N contradicted, N undecided"; exit 0 only if every output is contained, 2 for a malformed file.
 * The cases run in this process or in J worker processes (run_items.c), each from a fresh start; their lines are
 * printed in the file's order, the same for every J. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"
#include "vectors_io.h"

#define VALIDATE_USAGE "usage: qtoracle validate VECTORS.json [--extra-bits N] [--progress] [--timeout SECONDS]\n" \
    "                         [--jobs J]\n" \
    "  recompute every output at its recorded precision + N bits (default 64, 1 to 4096) and confirm that each\n" \
    "  committed enclosure contains the new one (exact arithmetic); also numberOfTests, provenance and exact inputs;\n" \
    "  the last line is 'N contained, N contradicted, N undecided'; exit 0 only if all are contained;\n" \
    "  --jobs J: the cases in J worker processes (the same lines, in the same order)\n"

enum { V_CONTAINED = 0, V_CONTRADICTED = 1, V_UNDECIDED = 2 };

/* x against the committed [lo, hi] (decimal strings, or both "inf" / "-inf") */
static int
judge(const arb_t x, const char *lo, const char *hi)
{
    fmpq_t a, b, l, u;
    arf_t t;
    int v;
    if (strcmp(lo, "inf") == 0 || strcmp(lo, "-inf") == 0)
    {
        if (!qt_arb_is_exact_inf(x))
            return arb_is_finite(x) ? V_CONTRADICTED : V_UNDECIDED;
        return (arf_sgn(arb_midref(x)) > 0) == (lo[0] != '-') ? V_CONTAINED : V_CONTRADICTED;
    }
    if (!arb_is_finite(x))
        return V_UNDECIDED;
    fmpq_init(a); fmpq_init(b); fmpq_init(l); fmpq_init(u);
    arf_init(t);
    qo_parse_value(a, lo);
    qo_parse_value(b, hi);
    arb_get_lbound_arf(t, x, 2 * arf_bits(arb_midref(x)) + 64);
    arf_get_fmpq(l, t);
    arb_get_ubound_arf(t, x, 2 * arf_bits(arb_midref(x)) + 64);
    arf_get_fmpq(u, t);
    if (fmpq_cmp(u, a) < 0 || fmpq_cmp(l, b) > 0)
        v = V_CONTRADICTED;
    else if (fmpq_cmp(l, a) >= 0 && fmpq_cmp(u, b) <= 0)
        v = V_CONTAINED;
    else
        v = V_UNDECIDED;
    fmpq_clear(a); fmpq_clear(b); fmpq_clear(l); fmpq_clear(u);
    arf_clear(t);
    return v;
}

typedef struct
{
    long n[3];
    long second;        /* outputs a second method confirmed */
} tally;

static void
report(tally *T, FILE *f, int v, const char *caseId, const char *out, const arb_t x, const char *lo, const char *hi,
       slong prec, const char *why)
{
    T->n[v]++;
    if (v == V_CONTAINED)
        return;
    if (x != NULL)
    {
        char *s = arb_get_str(x, 25, 0);
        fprintf(f, "%s %s %s: recomputed %s at %ld bits%s%s; committed [%s, %s]\n",
               v == V_CONTRADICTED ? "CONTRADICTED" : "UNDECIDED   ", caseId, out, s, (long) prec,
               why[0] ? ": " : "", why, lo, hi);
        flint_free(s);
    }
    else
        fprintf(f, "%s %s %s: %s\n", v == V_CONTRADICTED ? "CONTRADICTED" : "UNDECIDED   ", caseId, out, why);
}

/* one output: committed e (status, lo, hi, prec_bits) against the value at prec (retrying wider extra bits) */
static slong
committed_prec(json_t *e)
{
    slong p = 0;
    const char *s = json_string_value(json_object_get(e, "prec_bits"));
    if (s != NULL)
        p = strtol(s, NULL, 10);
    return (p > 0 && p < 100000) ? p : 128;
}

static int
check_group_source(json_t *g, size_t gi, char *err, size_t errlen)
{
    json_t *s = json_object_get(g, "source"), *libs;
    slong d;
    const char *gen = json_string_value(json_object_get(s, "generator"));
    libs = json_object_get(s, "libs");
    if (!json_is_object(s) || gen == NULL || strcmp(gen, "qtoracle") != 0
        || !json_is_string(json_object_get(s, "version")) || !json_is_string(json_object_get(s, "git_commit"))
        || !json_is_boolean(json_object_get(s, "git_dirty")) || !json_is_object(libs)
        || !json_is_string(json_object_get(libs, "arb")) || !json_is_string(json_object_get(libs, "flint"))
        || !json_is_string(json_object_get(s, "digits"))
        || qo_parse_digits(&d, json_string_value(json_object_get(s, "digits"))))
    {
        snprintf(err, errlen, "testGroups[%zu].source: the provenance must name the generator qtoracle, its version, "
                 "git_commit, git_dirty, libs (arb, flint, ...) and digits", gi);
        return 1;
    }
    return 0;
}

/* the second method of the family (where the library has one): every committed certified output must overlap the
   second method's certified enclosure (disjoint: contradicted); those it cannot certify are not counted */
static void
second_method(tally *T, FILE *f, const qo_quantity *q, const qo_params *p, json_t *outs, const char *caseId, slong prec)
{
    qt_record_t R;
    const char *key;
    json_t *e;
    slong o;
    qt_record_init(R);
    q->family->record2(R, q, p->fp, prec);
    json_object_foreach(outs, key, e)
    {
        const char *st = json_string_value(json_object_get(e, "status"));
        const char *lo = json_string_value(json_object_get(e, "lo")), *hi = json_string_value(json_object_get(e, "hi"));
        for (o = 0; o < R->nout && strcmp(R->name[o], key) != 0; o++)
            ;
        if (o == R->nout || strcmp(st, "ok") != 0 || R->out[o].status != QT_OK || !arb_is_finite(&R->out[o].value)
            || strcmp(lo, "inf") == 0 || strcmp(lo, "-inf") == 0)
            continue;
        /* only disjointness counts against the file here: the second method may be wider */
        if (judge(&R->out[o].value, lo, hi) != V_CONTRADICTED)
            T->second++;
        else
        {
            char name[160], *s2 = arb_get_str(&R->out[o].value, 25, 0);
            snprintf(name, sizeof name, "%s.%s", q->name, key);
            T->n[V_CONTRADICTED]++;
            fprintf(f, "CONTRADICTED %s %s: by %s %s at %ld bits; committed [%s, %s]\n", caseId, name,
                   q->family->method2, s2, (long) prec, lo, hi);
            flint_free(s2);
        }
    }
    qt_record_clear(R);
}

/* one case of the file: every output of every quantity of its group recomputed and judged; problems printed on f,
   counted in T; *method2 names the quantity whose family's second method was used, if one was */
static void
validate_case(tally *T, FILE *f, const char **method2, json_t *g, json_t *t, size_t gi, size_t ti, long extra,
              qo_pool *pool)
{
    json_t *qs = json_object_get(g, "quantities"), *qn;
    size_t qi;

    const char *caseId = json_string_value(json_object_get(t, "caseId"));
    json_t *outs = json_object_get(t, "outputs");
    qo_kv kv;
    char where[200], err[1024];
    int i;
    snprintf(where, sizeof where, "testGroups[%zu].tests[%zu]", gi, ti);
    if (qo_kv_from_json(&kv, pool, NULL, json_object_get(t, "params"), where, err, sizeof err))
    {
        report(T, f, V_CONTRADICTED, caseId, "params", NULL, "", "", 0, err);
        return;
    }
    json_array_foreach(qs, qi, qn)
    {
        const qo_quantity *q = qo_quantity_find(json_string_value(qn));
        qo_params p;
        char perr[512];
        int bad;
        qo_params_init(&p);
        bad = qo_params_parse(&p, q, &kv, perr, sizeof perr);
        if (!q->record)
        {
            json_t *e = json_object_get(outs, q->name);
            const char *st = json_string_value(json_object_get(e, "status"));
            if (e == NULL)
                report(T, f, V_CONTRADICTED, caseId, q->name, NULL, "", "", 0, "the output is missing");
            else if (strcmp(st, "domain-error") == 0)
            {
                int s = QT_DOMAIN;
                if (!bad)
                {
                    arb_t x;
                    char reason[QT_REASON_LEN];
                    arb_init(x);
                    s = q->family->value(x, q, p.fp, committed_prec(e) + extra, reason);
                    arb_clear(x);
                }
                report(T, f, s == QT_DOMAIN ? V_CONTAINED : V_CONTRADICTED, caseId, q->name, NULL, "", "", 0,
                       "committed as a domain error, but the parameters are valid and the value is defined");
            }
            else if (bad)
                report(T, f, V_CONTRADICTED, caseId, q->name, NULL, "", "", 0, perr);
            else
            {
                arb_t x;
                char reason[QT_REASON_LEN];
                slong prec = committed_prec(e);
                int v = V_UNDECIDED, k;
                arb_init(x);
                for (k = 0; k < 4 && v == V_UNDECIDED; k++)
                {
                    prec += (k == 0) ? extra : extra << k;      /* + N, then 2N, 4N, 8N bits more */
                    reason[0] = '\0';
                    if (q->family->value(x, q, p.fp, prec, reason) == QT_DOMAIN)
                    {
                        arb_indeterminate(x);
                        v = V_CONTRADICTED;
                        break;
                    }
                    v = judge(x, json_string_value(json_object_get(e, "lo")),
                              json_string_value(json_object_get(e, "hi")));
                }
                report(T, f, v, caseId, q->name, x, json_string_value(json_object_get(e, "lo")),
                       json_string_value(json_object_get(e, "hi")), prec, reason);
                arb_clear(x);
            }
        }
        else
        {
            /* a record: every committed output by name, at the highest recorded precision + extra */
            qt_record_t R;
            slong prec = 0, o, k;
            const char *key;
            json_t *e;
            int *vs;
            json_object_foreach(outs, key, e)
                if (committed_prec(e) > prec)
                    prec = committed_prec(e);
            if (bad)
            {
                /* an expected error is committed under the quantity's name */
                const char *st = json_string_value(json_object_get(json_object_get(outs, q->name), "status"));
                int ok = st != NULL && strcmp(st, "domain-error") == 0;
                report(T, f, ok ? V_CONTAINED : V_CONTRADICTED, caseId, q->name, NULL, "", "", 0, perr);
                qo_params_clear(&p);
                continue;
            }
            vs = calloc(json_object_size(outs) + 1, sizeof *vs);
            for (i = 0; i < (int) json_object_size(outs); i++)
                vs[i] = V_UNDECIDED;
            for (k = 0; k < 4; k++)
            {
                int any = 0;
                prec += (k == 0) ? extra : extra << k;
                qt_record_init(R);
                q->family->record(R, q, p.fp, prec);
                i = 0;
                json_object_foreach(outs, key, e)
                {
                    const char *st = json_string_value(json_object_get(e, "status"));
                    for (o = 0; o < R->nout && strcmp(R->name[o], key) != 0; o++)
                        ;
                    if (vs[i] == V_UNDECIDED)
                    {
                        if (o == R->nout)
                            vs[i] = V_CONTRADICTED;
                        else if (strcmp(st, "domain-error") == 0)
                            vs[i] = R->out[o].status == QT_DOMAIN ? V_CONTAINED : V_CONTRADICTED;
                        else if (R->out[o].status == QT_DOMAIN)
                            vs[i] = V_CONTRADICTED;
                        else
                            vs[i] = judge(&R->out[o].value, json_string_value(json_object_get(e, "lo")),
                                          json_string_value(json_object_get(e, "hi")));
                        if (vs[i] != V_UNDECIDED || k == 3)
                        {
                            char name[160];
                            snprintf(name, sizeof name, "%s.%s", q->name, key);
                            report(T, f, vs[i], caseId, name, o < R->nout ? &R->out[o].value : NULL,
                                   json_string_value(json_object_get(e, "lo")),
                                   json_string_value(json_object_get(e, "hi")), prec,
                                   o == R->nout ? "the tool has no such output" :
                                   R->out[o].status == QT_DOMAIN ? "a domain error now" : R->out[o].reason);
                        }
                        any |= vs[i] == V_UNDECIDED;
                    }
                    i++;
                }
                qt_record_clear(R);
                if (!any)
                    break;
            }
            free(vs);
            if (q->family->record2 != NULL)
            {
                second_method(T, f, q, &p, outs, caseId, prec);
                *method2 = q->name;
            }
        }
        qo_params_clear(&p);
    }
}

/* the cases as items of qo_run_items: item k is tests[tidx[k]] of testGroups[gidx[k]]; its result
   {"text": the problem lines, "n": [contained, contradicted, undecided], "second": confirmed, "method2": the quantity
   whose second method was used, or null} */
typedef struct
{
    json_t *groups;
    size_t *gidx, *tidx;
    long extra;
    qo_pool *pool;
    tally T;                  /* the totals, summed in case order by validate_emit */
    const char *method2;
}
validate_items;

static int
validate_item(json_t **out, long k, void *ctx, char *err, size_t errlen)
{
    validate_items *it = ctx;
    json_t *g = json_array_get(it->groups, it->gidx[k]);
    tally T = {{0, 0, 0}, 0};
    const char *m2 = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL)
    {
        snprintf(err, errlen, "could not open a memory stream");
        return QO_EXIT_INTERNAL;
    }
    /* every case from a fresh start (FLINT's caches emptied): the same lines in one process or in workers */
    flint_cleanup();
    validate_case(&T, f, &m2, g, json_array_get(json_object_get(g, "tests"), it->tidx[k]), it->gidx[k], it->tidx[k],
                  it->extra, it->pool);
    fclose(f);
    *out = json_pack("{s:s,s:[I,I,I],s:I,s:s?}", "text", text ? text : "", "n", (json_int_t) T.n[0],
                     (json_int_t) T.n[1], (json_int_t) T.n[2], "second", (json_int_t) T.second, "method2", m2);
    free(text);
    return *out != NULL ? QO_EXIT_OK : QO_EXIT_INTERNAL;
}

static void
validate_label(char *buf, size_t len, long k, void *ctx)
{
    const validate_items *it = ctx;
    json_t *t = json_array_get(json_object_get(json_array_get(it->groups, it->gidx[k]), "tests"), it->tidx[k]);
    const char *id = json_string_value(json_object_get(t, "caseId"));
    snprintf(buf, len, "%s", id != NULL ? id : "(no id)");
}

static int
validate_emit(long k, json_t *value, void *ctx, char *err, size_t errlen)
{
    validate_items *it = ctx;
    json_t *n = json_object_get(value, "n");
    int v;
    (void) k;
    (void) err;
    (void) errlen;
    fputs(json_string_value(json_object_get(value, "text")), stdout);
    for (v = 0; v < 3; v++)
        it->T.n[v] += (long) json_integer_value(json_array_get(n, (size_t) v));
    it->T.second += (long) json_integer_value(json_object_get(value, "second"));
    if (json_is_string(json_object_get(value, "method2")))
        it->method2 = qo_quantity_find(json_string_value(json_object_get(value, "method2")))->family->method2;
    return QO_EXIT_OK;
}

int
qo_cmd_validate(int argc, char **argv)
{
    const char *path = NULL;
    int i, progress = 0, timeout_given = 0, code = QO_EXIT_OK, jobs = 1;
    const char *v = NULL;
    unsigned timeout = 0;
    long extra = 64, ncases = 0;
    qo_vecs V;
    json_t *g, *t;
    size_t gi, ti, count = 0;
    tally T = {{0, 0, 0}, 0};
    const char *method2 = NULL;
    qo_pool pool;
    char err[1024];

    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(VALIDATE_USAGE, stdout);
            return QO_EXIT_OK;
        }
        else if (strcmp(argv[i], "--progress") == 0)
            progress = 1;
        else if (qo_option(&v, &i, argc, argv, "--extra-bits"))
        {
            char *end = NULL;
            extra = (v != NULL && *v >= '0' && *v <= '9') ? strtol(v, &end, 10) : -1;
            if (end == NULL || *end != '\0' || extra < 1 || extra > 4096)
            {
                qo_error("validate: --extra-bits must be an integer from 1 to 4096, got \"%s\"", v ? v : "");
                return QO_EXIT_USAGE;
            }
        }
        else if (qo_option(&v, &i, argc, argv, "--timeout"))
        {
            if (qo_timeout_parse(&timeout, "validate", v))
                return QO_EXIT_USAGE;
            timeout_given = 1;
        }
        else if (qo_option(&v, &i, argc, argv, "--jobs"))
        {
            if (qo_jobs_parse(&jobs, "validate", v))
                return QO_EXIT_USAGE;
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
            qo_error("validate: unknown option \"%s\" (usage: qtoracle validate VECTORS.json [--extra-bits N])", argv[i]);
            return QO_EXIT_USAGE;
        }
        else if (path == NULL)
            path = argv[i];
        else
        {
            qo_error("validate: unexpected argument \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
    }
    if (path == NULL)
    {
        qo_error("validate: usage: qtoracle validate VECTORS.json [--extra-bits N] [--progress] [--timeout SECONDS]");
        return QO_EXIT_USAGE;
    }
    if (!timeout_given && qo_timeout_default(&timeout, "validate", 0))
        return QO_EXIT_USAGE;
    /* the loader checks every output field (vectors_io.c) */
    if (qo_vecs_load(&V, path, err, sizeof err))
    {
        qo_error("validate: %s", err);
        qo_vecs_clear(&V);
        return QO_EXIT_USAGE;
    }
    qo_pool_init(&pool);
    {
        const char *fv = json_string_value(json_object_get(V.root, "formatVersion"));
        const char *fam = json_string_value(json_object_get(V.root, "family"));
        if (fv == NULL || strcmp(fv, "1.0") != 0 || fam == NULL || qo_family_of_vectors(fam) == NULL)
        {
            qo_error("validate: %s: formatVersion must be \"1.0\" and family one of the tool's vector families", path);
            code = QO_EXIT_USAGE;
            goto out;
        }
    }
    /* everything parsed before anything is recomputed: provenance and every case's parameters */
    json_array_foreach(json_object_get(V.root, "testGroups"), gi, g)
    {
        json_t *qs = json_object_get(g, "quantities"), *qn;
        size_t qi;
        if (check_group_source(g, gi, err, sizeof err))
        {
            qo_error("validate: %s: %s", path, err);
            code = QO_EXIT_USAGE;
            goto out;
        }
        if (!json_is_array(qs) || json_array_size(qs) == 0)
        {
            qo_error("validate: %s: testGroups[%zu].quantities must be a non-empty array", path, gi);
            code = QO_EXIT_USAGE;
            goto out;
        }
        json_array_foreach(qs, qi, qn)
            if (qo_quantity_find(json_string_value(qn) ? json_string_value(qn) : "") == NULL)
            {
                qo_error("validate: %s: testGroups[%zu].quantities[%zu]: not a quantity of qtoracle list", path, gi, qi);
                code = QO_EXIT_USAGE;
                goto out;
            }
        json_array_foreach(json_object_get(g, "tests"), ti, t)
        {
            count += json_object_size(json_object_get(t, "outputs"));
            ncases++;
        }
    }
    if (!json_is_integer(json_object_get(V.root, "numberOfTests"))
        || (size_t) json_integer_value(json_object_get(V.root, "numberOfTests")) != count)
    {
        qo_error("validate: %s: numberOfTests must be the number of outputs, %zu", path, count);
        code = QO_EXIT_USAGE;
        goto out;
    }

    {
        char what[300];
        snprintf(what, sizeof what, "validate %.250s", path);
        qo_timeout_arm(timeout, what, NULL);
    }
    qo_progress_start(progress);
    {
        validate_items vi;
        qo_items it;
        json_t *results = json_array();
        long k = 0;
        vi.groups = json_object_get(V.root, "testGroups");
        vi.gidx = calloc((size_t) ncases + 1, sizeof *vi.gidx);
        vi.tidx = calloc((size_t) ncases + 1, sizeof *vi.tidx);
        vi.extra = extra;
        vi.pool = &pool;
        vi.T = T;
        vi.method2 = NULL;
        json_array_foreach(vi.groups, gi, g)
            for (ti = 0; ti < json_array_size(json_object_get(g, "tests")); ti++, k++)
            {
                vi.gidx[k] = gi;
                vi.tidx[k] = ti;
            }
        it.fn = validate_item;
        it.emit = validate_emit;
        it.ctx = &vi;
        it.cmd = "validate";
        it.label = validate_label;
        code = qo_run_items(results, &it, ncases, jobs, err, sizeof err);
        if (code != QO_EXIT_OK && err[0] != '\0')
            qo_error("validate: %s", err);
        T = vi.T;
        method2 = vi.method2;
        free(vi.gidx);
        free(vi.tidx);
        json_decref(results);
    }
    qo_timeout_disarm();
    qo_progress_end();
    if (code != QO_EXIT_OK)
        goto out;
    if (method2 != NULL)
        printf("second method (%s): %ld outputs confirmed\n", method2, T.second);
    printf("%ld contained, %ld contradicted, %ld undecided\n", T.n[V_CONTAINED], T.n[V_CONTRADICTED],
           T.n[V_UNDECIDED]);
    code = (T.n[V_CONTRADICTED] || T.n[V_UNDECIDED]) ? QO_EXIT_FAIL : QO_EXIT_OK;
out:
    qo_pool_clear(&pool);
    qo_vecs_clear(&V);
    return code;
}
