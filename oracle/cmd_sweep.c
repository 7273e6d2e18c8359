/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_sweep.c -- qtoracle sweep QUANTITY name=value ... name=LO:HI:N [--log] [--digits D] [--output NAME]
 *                [--csv | --jsonl] [--jobs J]: one certified value (or record) per point of a range, for plots.
 * A parameter given as LO:HI:N takes N points from LO to HI: evenly spaced (rounded to 10 significant digits when the
 * exact point is not a finite decimal), or with --log a geometric progression rounded to 6 significant digits; the
 * printed point is always the exact input evaluated.
 * Several ranged parameters must have the same N and are taken together, point by point. Every point is parsed
 * before anything is evaluated (bad input: exit 2, nothing on stdout); at most SWEEP_MAX points.
 * The points run in this process or in J worker processes (run_items.c), each from a fresh start (FLINT's caches
 * emptied), and their lines are printed in point order as soon as every point before is done: the same bytes for
 * every J.
 * Output: CSV (default: the swept parameters, then per output its status, lo, mid, hi) or JSON lines. Exit 0 if every
 * value was certified to the digits, 1 if some could not be (their enclosures are still printed, status
 * could-not-certify), 3 on an internal error. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

#define SWEEP_MAX 10000
#define SWEEP_USAGE "usage: qtoracle sweep QUANTITY name=value ... name=LO:HI:N [--log] [--digits D] [--output NAME]\n" \
    "                      [--csv | --jsonl] [--timeout SECONDS] [--jobs J]\n" \
    "  one certified value per point: a parameter given as LO:HI:N takes N points (evenly spaced, finite decimals\n" \
    "  rounded to 10 significant digits; --log: geometric, rounded to 6); the printed point is the exact input;\n" \
    "  several ranges are taken together point by point;\n" \
    "  CSV (default) or JSON lines with status, lo, mid, hi per output (--digits D, default 15);\n" \
    "  --jobs J: the points in J worker processes (the same lines, in point order)\n"

typedef struct
{
    int n;                       /* number of ranged parameters */
    int idx[QO_MAX_PARAMS];      /* their positions in kv */
    fmpq_t lo[QO_MAX_PARAMS], hi[QO_MAX_PARAMS];
    slong npoints;
}
ranges;

/* "LO:HI:N" -> 1 if s has that shape (then lo, hi, n are set or err says why), 0 if it is a plain value */
static int
parse_range(fmpq_t lo, fmpq_t hi, slong *n, const char *key, const char *s, char *err, size_t errlen)
{
    const char *c1 = strchr(s, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    char a[128], b[128], m[256];
    char *end;
    long v;
    if (c1 == NULL)
        return 0;
    if (c2 == NULL || strchr(c2 + 1, ':') != NULL || (size_t) (c1 - s) >= sizeof a || (size_t) (c2 - c1 - 1) >= sizeof b)
    {
        snprintf(err, errlen, "%s: a range is LO:HI:N, got \"%.60s\"", key, s);
        return -1;
    }
    memcpy(a, s, c1 - s);
    a[c1 - s] = '\0';
    memcpy(b, c1 + 1, c2 - c1 - 1);
    b[c2 - c1 - 1] = '\0';
    if (qt_exact_parse(lo, a, m, sizeof m) || qt_exact_parse(hi, b, m, sizeof m))
    {
        snprintf(err, errlen, "%s: the ends of the range LO:HI:N must be exact numbers, got \"%.60s\"", key, s);
        return -1;
    }
    v = strtol(c2 + 1, &end, 10);
    if (c2[1] < '0' || c2[1] > '9' || *end != '\0' || v < 1 || v > SWEEP_MAX)
    {
        snprintf(err, errlen, "%s: the number of points N must be an integer from 1 to %d, got \"%s\"", key, SWEEP_MAX,
                 c2 + 1);
        return -1;
    }
    *n = v;
    return 1;
}

/* the k-th of n points from lo to hi as a canonical string (caller frees with flint_free) */
static char *
point_value(const fmpq_t lo, const fmpq_t hi, slong k, slong n, int logscale)
{
    fmpq_t t;
    char *s;
    fmpq_init(t);
    if (n == 1)
        fmpq_set(t, lo);
    else if (!logscale)
    {
        /* lo + (hi - lo) k / (n - 1), exactly */
        fmpz_t d;
        fmpz_init(d);
        fmpz_set_si(d, n - 1);
        fmpq_sub(t, hi, lo);
        fmpq_mul_si(t, t, k);
        fmpq_div_fmpz(t, t, d);
        fmpq_add(t, t, lo);
        /* keep the point a finite decimal (plot programs read "0.1", not "1/10"): a point that is not one is rounded
           to 10 significant digits, and the rounded point is the exact input */
        fmpz_set(d, fmpq_denref(t));
        while (fmpz_divisible_si(d, 2))
            fmpz_divexact_ui(d, d, 2);
        while (fmpz_divisible_si(d, 5))
            fmpz_divexact_ui(d, d, 5);
        if (!fmpz_is_one(d))
        {
            char buf[64], m[128];
            snprintf(buf, sizeof buf, "%.10g", fmpq_get_d(t));
            qt_exact_parse(t, buf, m, sizeof m);
        }
        fmpz_clear(d);
    }
    else
    {
        /* lo (hi/lo)^(k/(n-1)), rounded to 6 significant digits: the rounded point is the exact input */
        double l = fmpq_get_d(lo), h = fmpq_get_d(hi), x;
        char buf[64], m[128];
        x = (k == 0) ? l : (k == n - 1) ? h : l * pow(h / l, (double) k / (double) (n - 1));
        if (k == 0)
            fmpq_set(t, lo);
        else if (k == n - 1)
            fmpq_set(t, hi);
        else
        {
            snprintf(buf, sizeof buf, "%.6g", x);
            qt_exact_parse(t, buf, m, sizeof m);
        }
    }
    s = qt_fmpq_get_str_exact(t);
    fmpq_clear(t);
    return s;
}

static void
csv_cell(const char *s)
{
    printf(",%s", s);
}

/* what the points share, for the point and line steps of qo_run_items */
typedef struct
{
    const qo_quantity *q;
    const qo_params *ps;         /* every point's parameters, parsed */
    slong digits;
    const ranges *R;
    const qo_kv *kv;
    char *const *pointvals;
    const char *only;            /* --output, or NULL */
    int jsonl;
    int any_uncert;              /* set by the line step */
}
sweep_ctx;

/* point k (in this process or a worker): {"outs": [{"name", "status", "reason" unless ok, "ball" unless a domain
   error}, ...]}, from a fresh start (FLINT's caches emptied), so that its digits do not depend on the points computed
   before it in the same process */
static int
sweep_point(json_t **out, long k, void *ctx, char *err, size_t errlen)
{
    const sweep_ctx *sc = ctx;
    qt_record_t Rec;
    qt_result_t res;
    slong o, nout;
    json_t *outs = json_array();
    (void) err;
    (void) errlen;
    flint_cleanup();
    qt_record_init(Rec);
    qt_result_init(res);
    if (sc->q->record)
    {
        qo_evaluate_record(Rec, sc->q, sc->ps + k, sc->digits);
        nout = Rec->nout;
    }
    else
    {
        qo_evaluate(res, sc->q, sc->ps + k, sc->digits);
        nout = 1;
    }
    for (o = 0; o < nout; o++)
    {
        const qt_result_struct *x = sc->q->record ? Rec->out + o : res;
        json_t *v = json_object();
        json_object_set_new(v, "name", json_string(sc->q->record ? Rec->name[o] : sc->q->name));
        json_object_set_new(v, "status", json_string(qt_status_name(x->status)));
        if (x->status != QT_OK)
            json_object_set_new(v, "reason", json_string(x->reason));
        if (x->status != QT_DOMAIN)
            json_object_set_new(v, "ball", qo_ball_json(&x->value, sc->digits));
        json_array_append_new(outs, v);
    }
    qt_record_clear(Rec);
    qt_result_clear(res);
    *out = json_pack("{s:o}", "outs", outs);
    return QO_EXIT_OK;
}

/* point k named by its swept parameters ("T_L=0.5 T_R=0.5"), for messages and progress */
static void
point_label(char *buf, size_t len, const ranges *R, const qo_kv *kv, char *const *pointvals, slong k)
{
    int r;
    buf[0] = '\0';
    for (r = 0; r < R->n; r++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%s=%s", r ? " " : "", kv->key[R->idx[r]],
                 pointvals[k * R->n + r]);
}

static void
sweep_label(char *buf, size_t len, long k, void *ctx)
{
    const sweep_ctx *sc = ctx;
    point_label(buf, len, sc->R, sc->kv, sc->pointvals, k);
}

/* point k's line on stdout, in point order (the CSV header before the first): printed whole or not at all */
static int
sweep_line(long k, json_t *value, void *ctx, char *err, size_t errlen)
{
    sweep_ctx *sc = ctx;
    const ranges *R = sc->R;
    json_t *outs = json_object_get(value, "outs"), *x;
    size_t o;
    int r, found = 0, uncert = 0;

    /* the outputs shown (all, or --output's): an internal error ends the sweep; could-not-certify sets exit 1 */
    json_array_foreach(outs, o, x)
    {
        const char *nm = json_string_value(json_object_get(x, "name"));
        const char *st = json_string_value(json_object_get(x, "status"));
        if (sc->only != NULL && strcmp(nm, sc->only) != 0)
            continue;
        if (strcmp(st, qt_status_name(QT_INTERNAL)) == 0)
        {
            snprintf(err, errlen, "%s: %s", nm, json_string_value(json_object_get(x, "reason")));
            return QO_EXIT_INTERNAL;
        }
        uncert |= strcmp(st, qt_status_name(QT_UNCERTIFIED)) == 0;
        found = 1;
    }
    if (sc->only != NULL && sc->q->record && !found)
    {
        /* an output named by --output must exist */
        snprintf(err, errlen, "--output: no output \"%s\" (the first is %s)", sc->only,
                 json_array_size(outs) > 0 ? json_string_value(json_object_get(json_array_get(outs, 0), "name"))
                                           : "none");
        return QO_EXIT_USAGE;
    }
    qo_timeout_hold(1);
    if (k == 0 && !sc->jsonl)
    {
        /* the header, from the first point's outputs */
        for (r = 0; r < R->n; r++)
            printf("%s%s", r ? "," : "", sc->kv->key[R->idx[r]]);
        json_array_foreach(outs, o, x)
        {
            const char *nm = json_string_value(json_object_get(x, "name"));
            if (sc->only != NULL && strcmp(nm, sc->only) != 0)
                continue;
            printf(",%s_status,%s_lo,%s_mid,%s_hi", nm, nm, nm, nm);
        }
        printf("\n");
    }
    if (sc->jsonl)
    {
        json_t *line = json_object(), *pt = json_object(), *vo = json_object();
        char *text;
        for (r = 0; r < R->n; r++)
            json_object_set_new(pt, sc->kv->key[R->idx[r]], json_string(sc->pointvals[k * R->n + r]));
        json_object_set_new(line, "point", pt);
        json_array_foreach(outs, o, x)
        {
            const char *nm = json_string_value(json_object_get(x, "name"));
            json_t *ball = json_object_get(x, "ball"), *v;
            if (sc->only != NULL && strcmp(nm, sc->only) != 0)
                continue;
            v = ball != NULL ? json_deep_copy(ball) : json_object();
            json_object_set(v, "status", json_object_get(x, "status"));
            if (json_object_get(x, "reason") != NULL)
                json_object_set(v, "reason", json_object_get(x, "reason"));
            json_object_set_new(vo, nm, v);
        }
        json_object_set_new(line, "outputs", vo);
        text = json_dumps(line, JSON_COMPACT | JSON_ENSURE_ASCII);
        puts(text);
        free(text);
        json_decref(line);
    }
    else
    {
        for (r = 0; r < R->n; r++)
            printf("%s%s", r ? "," : "", sc->pointvals[k * R->n + r]);
        json_array_foreach(outs, o, x)
        {
            const char *nm = json_string_value(json_object_get(x, "name"));
            json_t *ball = json_object_get(x, "ball");
            if (sc->only != NULL && strcmp(nm, sc->only) != 0)
                continue;
            csv_cell(json_string_value(json_object_get(x, "status")));
            if (ball == NULL)
                printf(",,,");
            else
            {
                csv_cell(json_string_value(json_object_get(ball, "lo")));
                csv_cell(json_string_value(json_object_get(ball, "mid")));
                csv_cell(json_string_value(json_object_get(ball, "hi")));
            }
        }
        printf("\n");
    }
    sc->any_uncert |= uncert;
    fflush(stdout);
    qo_timeout_hold(0);
    return QO_EXIT_OK;
}

int
qo_cmd_sweep(int argc, char **argv)
{
    const qo_quantity *q;
    qo_kv kv;
    ranges R;
    slong digits = 15, k;
    int i, logscale = 0, jsonl = 0, code = QO_EXIT_OK, any_uncert = 0, timeout_given = 0, jobs = 1;
    const char *v = NULL;
    unsigned timeout = 0;
    const char *only = NULL;
    char err[512];
    char **pointvals = NULL;     /* npoints x n strings */
    qo_params *ps = NULL;

    for (i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(SWEEP_USAGE, stdout);
            return QO_EXIT_OK;
        }
    if (argc < 1 || argv[0][0] == '-')
    {
        qo_error("sweep: missing QUANTITY (%s)", "usage: qtoracle sweep QUANTITY name=value ... name=LO:HI:N");
        return QO_EXIT_USAGE;
    }
    q = qo_quantity_find(argv[0]);
    if (q == NULL)
    {
        qo_error("sweep: unknown quantity \"%s\" (see qtoracle list)", argv[0]);
        return QO_EXIT_USAGE;
    }
    kv.n = 0;
    R.n = 0;
    R.npoints = 0;
    for (i = 1; i < argc; i++)
    {
        char *eq;
        if (strcmp(argv[i], "--log") == 0)
            logscale = 1;
        else if (qo_option(&v, &i, argc, argv, "--timeout"))
        {
            if (qo_timeout_parse(&timeout, "sweep", v))
                return QO_EXIT_USAGE;
            timeout_given = 1;
        }
        else if (qo_option(&v, &i, argc, argv, "--jobs"))
        {
            if (qo_jobs_parse(&jobs, "sweep", v))
                return QO_EXIT_USAGE;
        }
        else if (strcmp(argv[i], "--jsonl") == 0)
            jsonl = 1;
        else if (strcmp(argv[i], "--csv") == 0)
            jsonl = 0;
        else if (qo_option(&v, &i, argc, argv, "--digits"))
        {
            if (qo_parse_digits(&digits, v))
            {
                qo_error("sweep: --digits must be an integer from 1 to %d, got \"%s\"", QT_DIGITS_MAX, v ? v : "");
                return QO_EXIT_USAGE;
            }
        }
        else if (strcmp(argv[i], "--output") == 0 || strncmp(argv[i], "--output=", 9) == 0)
        {
            only = argv[i][8] == '=' ? argv[i] + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (only == NULL || only[0] == '\0')
            {
                qo_error("sweep: --output needs an output name");
                return QO_EXIT_USAGE;
            }
        }
        else if (argv[i][0] == '-' && argv[i][1] == '-')
        {
            qo_error("sweep: unknown option \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
        else if ((eq = strchr(argv[i], '=')) != NULL && eq != argv[i] && kv.n < QO_MAX_PARAMS)
        {
            *eq = '\0';
            kv.key[kv.n] = argv[i];
            kv.val[kv.n] = eq + 1;
            kv.n++;
        }
        else
        {
            qo_error("sweep: expected name=value or name=LO:HI:N, got \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
    }
    /* the ranges */
    for (i = 0; i < kv.n; i++)
    {
        fmpq_t lo, hi;
        slong n = 0;
        int r;
        if (kv.val[i][0] == '{' || kv.val[i][0] == '[' || kv.val[i][0] == '@')
            continue;            /* a matrix or baths: JSON text, never a range */
        fmpq_init(lo); fmpq_init(hi);
        r = parse_range(lo, hi, &n, kv.key[i], kv.val[i], err, sizeof err);
        if (r == 1 && R.npoints != 0 && n != R.npoints)
        {
            snprintf(err, sizeof err, "%s: %ld points, but the other ranges have %ld (ranges are taken together, point "
                     "by point)", kv.key[i], (long) n, (long) R.npoints);
            r = -1;
        }
        if (r == 1 && logscale && (fmpq_sgn(lo) <= 0 || fmpq_sgn(hi) <= 0))
        {
            snprintf(err, sizeof err, "%s: --log needs a range of positive numbers", kv.key[i]);
            r = -1;
        }
        if (r == 1)
        {
            fmpq_init(R.lo[R.n]); fmpq_init(R.hi[R.n]);
            fmpq_set(R.lo[R.n], lo);
            fmpq_set(R.hi[R.n], hi);
            R.idx[R.n++] = i;
            R.npoints = n;
        }
        fmpq_clear(lo); fmpq_clear(hi);
        if (r < 0)
        {
            qo_error("sweep %s: %s", q->name, err);
            for (k = 0; k < R.n; k++)
            {
                fmpq_clear(R.lo[k]);
                fmpq_clear(R.hi[k]);
            }
            return QO_EXIT_USAGE;
        }
    }
    if (R.n == 0)
    {
        qo_error("sweep %s: no parameter is a range LO:HI:N (use eval for one point)", q->name);
        return QO_EXIT_USAGE;
    }
    if (only != NULL && !q->record && strcmp(only, q->name) != 0)
    {
        qo_error("sweep %s: --output: %s is a single value", q->name, q->name);
        code = QO_EXIT_USAGE;
    }

    /* every point parsed before anything is evaluated */
    pointvals = calloc((size_t) (R.npoints * R.n), sizeof *pointvals);
    ps = calloc((size_t) R.npoints, sizeof *ps);
    for (k = 0; k < R.npoints && code == QO_EXIT_OK; k++)
    {
        qo_kv pk = kv;
        int r;
        qo_params_init(ps + k);
        for (r = 0; r < R.n; r++)
        {
            pointvals[k * R.n + r] = point_value(R.lo[r], R.hi[r], k, R.npoints, logscale);
            pk.val[R.idx[r]] = pointvals[k * R.n + r];
        }
        if (qo_params_parse(ps + k, q, &pk, err, sizeof err))
        {
            char at[200];
            point_label(at, sizeof at, &R, &kv, pointvals, k);
            qo_error("sweep %s: at %s (point %ld of %ld): %s", q->name, at, (long) k + 1, (long) R.npoints, err);
            code = QO_EXIT_USAGE;
        }
    }

    if (code == QO_EXIT_OK && !timeout_given && qo_timeout_default(&timeout, "sweep", 0))
        code = QO_EXIT_USAGE;
    if (code == QO_EXIT_OK)
    {
        char what[200];
        snprintf(what, sizeof what, "sweep %s (every line printed before is complete)", q->name);
        qo_timeout_arm(timeout, what, NULL);
    }
    if (code == QO_EXIT_OK)
    {
        json_t *results = json_array();
        sweep_ctx sc;
        qo_items it;
        sc.q = q;
        sc.ps = ps;
        sc.digits = digits;
        sc.R = &R;
        sc.kv = &kv;
        sc.pointvals = pointvals;
        sc.only = only;
        sc.jsonl = jsonl;
        sc.any_uncert = 0;
        it.fn = sweep_point;
        it.emit = sweep_line;
        it.ctx = &sc;
        it.cmd = "sweep";
        it.label = sweep_label;
        err[0] = '\0';
        code = qo_run_items(results, &it, R.npoints, jobs, err, sizeof err);
        if (code != QO_EXIT_OK && err[0] != '\0')
            qo_error("sweep %s: %s", q->name, err);
        any_uncert = sc.any_uncert;
        json_decref(results);
    }

    qo_timeout_disarm();
    for (k = 0; k < R.npoints; k++)
    {
        int r;
        for (r = 0; r < R.n; r++)
            if (pointvals[k * R.n + r] != NULL)
                flint_free(pointvals[k * R.n + r]);
        qo_params_clear(ps + k);
    }
    free(pointvals);
    free(ps);
    for (k = 0; k < R.n; k++)
    {
        fmpq_clear(R.lo[k]);
        fmpq_clear(R.hi[k]);
    }
    if (code == QO_EXIT_OK && any_uncert)
        code = QO_EXIT_FAIL;
    return code;
}
