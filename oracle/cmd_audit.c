/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_audit.c -- qtoracle audit CLAIMS.json [--json] [--max-digits D] [--progress] [--timeout S] [--jobs J]: a verdict
 * on every published claim of a claims file (format: docs/claims.md, vectors/schema/qtclaims_v1.schema.json).
 * The whole file is validated before anything is evaluated, and the verdict lines are printed only when every claim
 * has been decided or given up on, so a malformed file (exit 2) prints nothing on stdout. Each claim is evaluated at
 * 10, 20, 40, ... digits up to --max-digits (default 60) until its verdict is decided (claim_verdict.c); a sweep
 * (list-valued parameters, taken point by point) is CONSISTENT if every point is, INCONSISTENT at its first
 * inconsistent point, else UNDECIDED at its first undecided point.
 * With --jobs J the claims are judged in J worker processes (run_items.c), each with its own cache of evaluations;
 * the lines are the same and in the same order.
 * Exit status: 0 no claim inconsistent; 1 some claim inconsistent; 2 malformed claims file; 3 internal error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims.h"

#define AUDIT_USAGE "usage: qtoracle audit CLAIMS.json [--json] [--max-digits D] [--progress] [--timeout SECONDS]\n" \
    "                      [--jobs J]\n" \
    "  a verdict on every claim of a claims file: CONSISTENT, INCONSISTENT or UNDECIDED (docs/claims.md);\n" \
    "  --timeout caps the wall time of the whole audit (could not certify, nothing printed, when reached);\n" \
    "  --jobs J judges the claims in J worker processes (the same lines, in the same order);\n" \
    "  the last line is 'N consistent, N inconsistent, N undecided'; exit 1 if any claim is inconsistent\n"

typedef struct
{
    int verdict, status;
    slong point, digits;
    arb_t x, bound;
    char reason[QT_REASON_LEN + 200];
}
outcome;

/* evaluations, kept for the whole audit: claims often share a point (a value and a relation on one protocol) */
typedef struct cache_entry
{
    char *key;
    qt_record_struct *R;      /* a record ... */
    qt_result_struct *r;      /* ... or a value */
    struct cache_entry *next;
}
cache_entry;
static cache_entry *cache;

static void
cache_clear(void)
{
    while (cache != NULL)
    {
        cache_entry *e = cache;
        cache = e->next;
        if (e->R != NULL)
        {
            qt_record_clear(e->R);
            free(e->R);
        }
        if (e->r != NULL)
        {
            qt_result_clear(e->r);
            free(e->r);
        }
        free(e->key);
        free(e);
    }
}

/* the quantity at one point to `digits` (validated parameters), evaluated once */
static cache_entry *
evaluate_point(const qo_quantity *q, json_t *point, slong digits)
{
    char *params = json_dumps(point, JSON_COMPACT | JSON_SORT_KEYS), *key;
    size_t len = strlen(params) + strlen(q->name) + 40;
    cache_entry *e;
    qo_kv kv;
    qo_params p;
    qo_pool pool;
    char m[512];
    key = malloc(len);
    snprintf(key, len, "%s %ld %s", q->name, (long) digits, params);
    free(params);
    for (e = cache; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0)
        {
            free(key);
            return e;
        }
    e = calloc(1, sizeof *e);
    e->key = key;
    qo_pool_init(&pool);
    qo_kv_from_json(&kv, &pool, NULL, point, "", m, sizeof m);      /* validated before */
    qo_params_init(&p);
    qo_params_parse(&p, q, &kv, m, sizeof m);
    if (q->record)
    {
        e->R = malloc(sizeof *e->R);
        qt_record_init(e->R);
        qo_evaluate_record(e->R, q, &p, digits);
    }
    else
    {
        e->r = malloc(sizeof *e->r);
        qt_result_init(e->r);
        qo_evaluate(e->r, q, &p, digits);
    }
    qo_params_clear(&p);
    qo_pool_clear(&pool);
    e->next = cache;
    cache = e;
    return e;
}

/* the claim at one point and one number of digits; fills x, bound, status, reason; returns the verdict, or -1 with
   err for a malformed claim (an output the record does not have) */
static int
judge_point(outcome *r, const qo_claim *c, json_t *point, slong digits, char *err, size_t errlen)
{
    cache_entry *e = evaluate_point(c->q, point, digits);
    const qt_result_struct *res = e->r;
    char m[512];
    int v;
    if (e->R != NULL)
    {
        slong i;
        res = NULL;
        for (i = 0; i < e->R->nout; i++)
            if (strcmp(e->R->name[i], c->output) == 0)
                res = e->R->out + i;
        if (res == NULL)
        {
            snprintf(err, errlen, "claim \"%.120s\": output: %s has no output \"%s\" here (its outputs: %s%s%s%s ...)",
                     c->id, c->q->name, c->output, e->R->nout > 0 ? e->R->name[0] : "none", e->R->nout > 1 ? ", " : "",
                     e->R->nout > 1 ? e->R->name[1] : "", e->R->nout > 2 ? ", " : "");
            return -1;
        }
    }
    arb_set(r->x, &res->value);
    r->status = res->status;
    snprintf(r->reason, sizeof r->reason, "%s", res->reason);
    if (r->status == QT_DOMAIN || r->status == QT_INTERNAL)
        arb_indeterminate(r->x);
    if (c->kind == QO_CLAIM_RELATION)
    {
        qo_kv kv;
        qo_pool pool;
        qo_pool_init(&pool);
        qo_kv_from_json(&kv, &pool, NULL, point, "", m, sizeof m);
        qo_expr_eval(r->bound, c->bound, &kv, (slong) (3.33 * (double) digits) + 64, m, sizeof m);
        qo_pool_clear(&pool);
        v = qo_relation_verdict(r->x, c->rel, r->bound);
    }
    else
        v = qo_interval_verdict(r->x, c->a, c->b);
    return v;
}

/* the verdict on a whole claim (every point, digits raised until decided) */
static int
judge(outcome *r, const qo_claim *c, slong max_digits, char *err, size_t errlen)
{
    size_t i, n = json_array_size(c->points);
    outcome first_undecided;
    int have_undecided = 0, v = QO_CONSISTENT;
    arb_init(first_undecided.x);
    arb_init(first_undecided.bound);
    for (i = 0; i < n; i++)
    {
        slong d = max_digits < 10 ? max_digits : 10;
        for (;;)
        {
            v = judge_point(r, c, json_array_get(c->points, i), d, err, errlen);
            r->point = (slong) i;
            r->digits = d;
            if (v < 0 || r->status == QT_INTERNAL)
                goto done;
            if (v != QO_UNDECIDED || d >= max_digits || r->status == QT_DOMAIN)
                break;
            d = 2 * d < max_digits ? 2 * d : max_digits;
        }
        if (v == QO_INCONSISTENT)
            goto done;
        if (v == QO_UNDECIDED && !have_undecided)
        {
            have_undecided = 1;
            first_undecided.verdict = v;
            first_undecided.status = r->status;
            first_undecided.point = r->point;
            first_undecided.digits = r->digits;
            arb_set(first_undecided.x, r->x);
            arb_set(first_undecided.bound, r->bound);
            memcpy(first_undecided.reason, r->reason, sizeof r->reason);
        }
    }
    if (have_undecided)
    {
        v = QO_UNDECIDED;
        r->status = first_undecided.status;
        r->point = first_undecided.point;
        r->digits = first_undecided.digits;
        arb_set(r->x, first_undecided.x);
        arb_set(r->bound, first_undecided.bound);
        memcpy(r->reason, first_undecided.reason, sizeof r->reason);
    }
done:
    arb_clear(first_undecided.x);
    arb_clear(first_undecided.bound);
    r->verdict = v;
    return v;
}

/* "T_L=0.001 T_R=0.001 (point 4 of 4)" for a sweep, "" otherwise */
static void
point_text(char *buf, size_t len, const qo_claim *c, slong point)
{
    size_t k, n = json_array_size(c->points);
    json_t *s;
    buf[0] = '\0';
    if (n <= 1)
        return;
    json_array_foreach(c->swept, k, s)
    {
        const char *key = json_string_value(s);
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s=%s ", key,
                 json_string_value(json_object_get(json_array_get(c->points, (size_t) point), key)));
    }
    {
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "(point %ld of %zu)", (long) point + 1, n);
    }
}

/* why: the claim, and what decided it or why it is undecided */
static void
why_text(char *buf, size_t len, const qo_claim *c, const outcome *r)
{
    char *a = qt_fmpq_get_str_exact(c->a), *b = qt_fmpq_get_str_exact(c->b);
    if (r->status == QT_DOMAIN)
        snprintf(buf, len, "undefined here: %s", r->reason);
    else if (c->kind == QO_CLAIM_RELATION)
    {
        qt_ball_strings_t bs;
        qt_ball_strings(&bs, r->bound, 20);
        snprintf(buf, len, "claim: value %s %s (= %s +/- %s)%s%s", qo_relation_names[c->rel], c->bound, bs.mid, bs.rad,
                 r->verdict == QO_UNDECIDED ? "; " : "", r->verdict != QO_UNDECIDED ? ""
                 : r->status == QT_UNCERTIFIED ? "the value could not be certified" : "the two enclosures overlap");
        qt_ball_strings_clear(&bs);
    }
    else
    {
        char digits[80] = "";
        slong k = c->kind == QO_CLAIM_PRINTED ? qo_correct_digits(r->x, c->value) : -1;
        if (k >= 0)
            snprintf(digits, sizeof digits, "; %ld of its %ld digits correct", (long) k,
                     (long) qo_printed_digits(c->value));
        snprintf(buf, len, "claim: %s, the interval [%s, %s]%s%s%s", c->value, a, b, digits,
                 r->verdict == QO_UNDECIDED ? "; " : "", r->verdict != QO_UNDECIDED ? ""
                 : r->status == QT_UNCERTIFIED ? "the value could not be certified"
                 : "the enclosure still straddles the claim's edge");
    }
    flint_free(a);
    flint_free(b);
}

/* the claims as items of qo_run_items (run_items.c): item i is claim i, judged into {"verdict": V, "line": the text
   or JSON line printed for it} */
typedef struct
{
    const qo_claim *cs;
    slong max_digits;
    int as_json;
}
audit_items;

static void
audit_label(char *buf, size_t len, long i, void *ctx)
{
    const audit_items *A = ctx;
    snprintf(buf, len, "%s", A->cs[i].id);
}

static int
audit_item(json_t **item, long i, void *ctx, char *err, size_t errlen)
{
    const audit_items *A = ctx;
    const qo_claim *c = A->cs + i;
    outcome r;
    char where[300], why[QT_REASON_LEN + 600];
    const char *out = c->output ? c->output : c->q->name;
    int v, code = QO_EXIT_OK;
    arb_init(r.x);
    arb_init(r.bound);
    r.status = QT_OK;
    v = judge(&r, c, A->max_digits, err, errlen);
    if (v < 0)
        code = QO_EXIT_USAGE;
    else if (r.status == QT_INTERNAL)
    {
        snprintf(err, errlen, "claim \"%.120s\": %s", c->id, r.reason);
        code = QO_EXIT_INTERNAL;
    }
    else
    {
        json_t *line;
        point_text(where, sizeof where, c, r.point);
        why_text(why, sizeof why, c, &r);
        if (A->as_json)
        {
            json_t *j = json_object();
            slong k = c->kind == QO_CLAIM_PRINTED ? qo_correct_digits(r.x, c->value) : -1;
            char *s;
            json_object_set_new(j, "claimId", json_string(c->id));
            json_object_set_new(j, "verdict", json_string(qo_verdict_names[v]));
            json_object_set_new(j, "quantity", json_string(c->q->name));
            json_object_set_new(j, "output", json_string(out));
            json_object_set_new(j, "point", json_deep_copy(json_array_get(c->points, (size_t) r.point)));
            json_object_set_new(j, "pointIndex", json_integer(r.point));
            json_object_set_new(j, "points", json_integer((json_int_t) json_array_size(c->points)));
            json_object_set_new(j, "digits", json_integer(r.digits));
            json_object_set_new(j, "status", json_string(qt_status_name(r.status)));
            json_object_set_new(j, "value", r.status == QT_DOMAIN ? json_null() : qo_ball_json(r.x, r.digits));
            json_object_set_new(j, "correctDigits", k >= 0 ? json_integer(k) : json_null());
            json_object_set_new(j, "reason", json_string(why));
            s = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
            line = json_string(s);
            free(s);
            json_decref(j);
        }
        else
        {
            qt_ball_strings_t b;
            char text[QT_REASON_LEN + 1400];
            qt_ball_strings(&b, r.x, 20);
            if (r.status == QT_DOMAIN)
                snprintf(text, sizeof text, "%-12s %s: %s undefined%s%s; %s", qo_verdict_names[v], c->id, out,
                         where[0] ? " at " : "", where, why);
            else
                snprintf(text, sizeof text, "%-12s %s: %s = %s +/- %s%s%s; %s", qo_verdict_names[v], c->id, out,
                         b.mid, b.rad, where[0] ? " at " : "", where[0] ? where : "", why);
            qt_ball_strings_clear(&b);
            line = json_string(text);
        }
        *item = json_object();
        json_object_set_new(*item, "verdict", json_integer(v));
        json_object_set_new(*item, "line", line);
    }
    arb_clear(r.x);
    arb_clear(r.bound);
    return code;
}

int
qo_cmd_audit(int argc, char **argv)
{
    const char *path = NULL;
    json_t *results;
    qo_claims file;
    slong max_digits = 60;
    int i, as_json = 0, progress = 0, code = QO_EXIT_OK, counts[3] = {0, 0, 0}, timeout_given = 0, jobs = 1;
    const char *v = NULL;
    unsigned timeout = 0;
    size_t ci, n;
    const qo_claim *cs;
    char err[1024];

    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(AUDIT_USAGE, stdout);
            return QO_EXIT_OK;
        }
        else if (strcmp(argv[i], "--json") == 0)
            as_json = 1;
        else if (strcmp(argv[i], "--progress") == 0)
            progress = 1;
        else if (qo_option(&v, &i, argc, argv, "--timeout"))
        {
            if (qo_timeout_parse(&timeout, "audit", v))
                return QO_EXIT_USAGE;
            timeout_given = 1;
        }
        else if (qo_option(&v, &i, argc, argv, "--jobs"))
        {
            if (qo_jobs_parse(&jobs, "audit", v))
                return QO_EXIT_USAGE;
        }
        else if (qo_option(&v, &i, argc, argv, "--max-digits"))
        {
            if (qo_parse_digits(&max_digits, v))
            {
                qo_error("audit: --max-digits must be an integer from 1 to %d, got \"%s\"", QT_DIGITS_MAX, v ? v : "");
                return QO_EXIT_USAGE;
            }
        }
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
            qo_error("audit: unknown option \"%s\" (usage: qtoracle audit CLAIMS.json [--json] [--max-digits D] [--progress] [--timeout SECONDS] [--jobs J])", argv[i]);
            return QO_EXIT_USAGE;
        }
        else if (path == NULL)
            path = argv[i];
        else
        {
            qo_error("audit: unexpected argument \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
    }
    if (path == NULL)
    {
        qo_error("audit: usage: qtoracle audit CLAIMS.json [--json] [--max-digits D] [--progress] [--timeout SECONDS] [--jobs J]");
        return QO_EXIT_USAGE;
    }
    if (!timeout_given && qo_timeout_default(&timeout, "audit", 0))
        return QO_EXIT_USAGE;
    if (qo_claims_read(&file, path, err, sizeof err))
    {
        qo_error("audit: %s", err);
        return QO_EXIT_USAGE;
    }
    cs = file.c;
    n = file.n;

#ifdef QO_FUZZING
    /* the fuzzing build (make fuzz) checks the parser, not the physics: stop after the validation */
    qo_claims_clear(&file);
    return QO_EXIT_OK;
#endif
    /* judge every claim; keep the lines until the end */
    results = json_array();
    {
        char what[300];
        snprintf(what, sizeof what, "audit %.250s (no verdict printed)", path);
        qo_timeout_arm(timeout, what, NULL);
    }
    qo_progress_start(progress);
    {
        audit_items A = {cs, max_digits, as_json};
        qo_items it = {audit_item, NULL, &A, "audit", audit_label};
        code = qo_run_items(results, &it, (long) n, jobs, err, sizeof err);
    }
    qo_timeout_disarm();
    qo_progress_end();
    if (code == QO_EXIT_OK)
    {
        json_t *l;
        json_array_foreach(results, ci, l)
        {
            counts[json_integer_value(json_object_get(l, "verdict"))]++;
            puts(json_string_value(json_object_get(l, "line")));
        }
        if (!as_json)
            printf("%d consistent, %d inconsistent, %d undecided\n", counts[0], counts[1], counts[2]);
        code = counts[QO_INCONSISTENT] > 0 ? QO_EXIT_FAIL : QO_EXIT_OK;
    }
    else
        qo_error("audit: %s: %s", path, err);
    json_decref(results);
    cache_clear();
    qo_claims_clear(&file);
    return code;
}
