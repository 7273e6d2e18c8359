/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_eval.c -- qtoracle eval QUANTITY name=value ... [--digits D] [--json] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

/* a record: every output at once, each with its own status */
#define EVAL_USAGE "usage: qtoracle eval QUANTITY name=value ... [--digits D] [--json [--pretty]] [--progress] [--timeout SECONDS]\n" \
    "  one certified value or record; --digits D (1 to 500, default 30) guarantees a relative radius <= 10^-D;\n" \
    "  --json prints it as JSON on one line (--pretty: indented); --timeout SECONDS caps the wall time (could not\n" \
    "  certify when reached; default none on a terminal, 3600 otherwise, QTORACLE_TIMEOUT; 0 = none); each working\n" \
    "  precision tried is shown on stderr when it is a terminal, one line each with --progress;\n" \
    "  `qtoracle list` names every quantity and its parameters\n"

static size_t json_flags = JSON_COMPACT | JSON_ENSURE_ASCII;

/* the fields every eval --json object shares, in their order: quantity, params, digits, status ... units, formula */
static json_t *
json_head(const qo_quantity *q, const qo_params *p, slong digits, int st)
{
    json_t *o = json_object();
    json_object_set_new(o, "quantity", json_string(q->name));
    json_object_set_new(o, "params", qo_params_json(p));
    json_object_set_new(o, "digits", json_integer(digits));
    json_object_set_new(o, "status", json_string(qt_status_name(st)));
    return o;
}

static void
json_tail(json_t *o, const qo_quantity *q)
{
    json_object_set_new(o, "units", json_string(q->units));
    json_object_set_new(o, "formula", json_string(q->formula));
}

static int
eval_record(const qo_quantity *q, const qo_params *p, slong digits, int as_json)
{
    qt_record_t R;
    slong i;
    int st;
    qt_record_init(R);
    st = qo_evaluate_record(R, q, p, digits);
    qo_timeout_disarm();
    qo_progress_end();
    if (st == QT_INTERNAL)
    {
        for (i = 0; i < R->nout; i++)
            if (R->out[i].status == QT_INTERNAL)
                qo_error("eval %s, output %s: %s", q->name, R->name[i], R->out[i].reason);
        qt_record_clear(R);
        return QO_EXIT_INTERNAL;
    }
    if (as_json)
    {
        json_t *o = json_head(q, p, digits, st);
        char *s;
        json_object_set_new(o, "reference", json_string(R->reference));
        json_object_set_new(o, "outputs", qo_record_json(R, digits, 1));
        json_tail(o, q);
        s = json_dumps(o, json_flags);
        puts(s);
        free(s);
        json_decref(o);
    }
    else
    {
        printf("%s (reference state: %s; units %s)\n", q->name, R->reference, q->units);
        for (i = 0; i < R->nout; i++)
        {
            const qt_result_struct *r = R->out + i;
            if (r->status == QT_DOMAIN)
                printf("  %-12s %s%s\n", R->name[i], strncmp(r->reason, "undefined", 9) ? "undefined: " : "", r->reason);
            else
            {
                qt_ball_strings_t b;
                qt_ball_strings(&b, &r->value, digits + 5);
                printf("  %-12s = %s +/- %s%s%s\n", R->name[i], b.mid, b.rad,
                       r->status == QT_OK ? "" : "   could not certify: ", r->status == QT_OK ? "" : r->reason);
                qt_ball_strings_clear(&b);
            }
        }
    }
    if (st != QT_OK)
        qo_error("eval %s: some outputs could not be certified to %ld digits (see their reasons)", q->name, (long) digits);
    qt_record_clear(R);
    return st == QT_OK ? QO_EXIT_OK : QO_EXIT_FAIL;
}

/* the effort cap: on expiry, --json prints the object with status could-not-certify and the cap as its reason */
static void
arm_timeout(const qo_quantity *q, const qo_params *p, slong digits, int as_json, unsigned timeout)
{
    char what[160], reason[96], *s = NULL;
    if (timeout == 0)
        return;
    snprintf(what, sizeof what, "eval %s", q->name);
    if (as_json)
    {
        json_t *o = json_head(q, p, digits, QT_UNCERTIFIED);
        snprintf(reason, sizeof reason, "effort cap reached after %u s (--timeout %u)", timeout, timeout);
        json_object_set_new(o, "reason", json_string(reason));
        json_tail(o, q);
        s = json_dumps(o, json_flags);
        json_decref(o);
    }
    if (s != NULL)
    {
        char *line = malloc(strlen(s) + 2);
        sprintf(line, "%s\n", s);
        qo_timeout_arm(timeout, what, line);
        free(line);
        free(s);
    }
    else
        qo_timeout_arm(timeout, what, NULL);
}

int
qo_cmd_eval(int argc, char **argv)
{
    const qo_quantity *q;
    qo_kv kv;
    qo_params p;
    qt_result_t r;
    slong digits = QT_DIGITS_DEFAULT;
    int i, as_json = 0, st, code, timeout_given = 0, progress = 0;
    const char *v = NULL;
    unsigned timeout = 0;
    char err[512];

    for (i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(EVAL_USAGE, stdout);
            return QO_EXIT_OK;
        }
    if (argc < 1)
    {
        qo_error("eval: missing QUANTITY (usage: qtoracle eval QUANTITY name=value ... [--digits D] [--json]; see qtoracle list)");
        return QO_EXIT_USAGE;
    }
    q = qo_quantity_find(argv[0]);
    if (q == NULL)
    {
        const char *names[128], *near;
        int n = 0;
        while (n < 127 && qo_quantity_at(n) != NULL)
        {
            names[n] = qo_quantity_at(n)->name;
            n++;
        }
        names[n] = NULL;
        near = qo_closest(argv[0], names, n);
        if (near != NULL)
            qo_error("eval: unknown quantity \"%s\"; did you mean %s? (see qtoracle list)", argv[0], near);
        else
            qo_error("eval: unknown quantity \"%s\" (see qtoracle list)", argv[0]);
        return QO_EXIT_USAGE;
    }
    kv.n = 0;
    for (i = 1; i < argc; i++)
    {
        char *eq;
        if (strcmp(argv[i], "--json") == 0)
            as_json = 1;
        else if (strcmp(argv[i], "--progress") == 0)
            progress = 1;
        else if (strcmp(argv[i], "--pretty") == 0)
            json_flags = JSON_INDENT(1) | JSON_ENSURE_ASCII;
        else if (qo_option(&v, &i, argc, argv, "--digits"))
        {
            if (qo_parse_digits(&digits, v))
            {
                qo_error("eval: --digits must be an integer from 1 to %d, got \"%s\"", QT_DIGITS_MAX, v ? v : "");
                return QO_EXIT_USAGE;
            }
        }
        else if (qo_option(&v, &i, argc, argv, "--timeout"))
        {
            if (qo_timeout_parse(&timeout, "eval", v))
                return QO_EXIT_USAGE;
            timeout_given = 1;
        }
        else if (argv[i][0] == '-' && argv[i][1] == '-')
        {
            qo_error("eval: unknown option \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
        else if ((eq = strchr(argv[i], '=')) != NULL && eq != argv[i])
        {
            if (kv.n >= QO_MAX_PARAMS)
            {
                qo_error("eval: too many parameters");
                return QO_EXIT_USAGE;
            }
            *eq = '\0';
            kv.key[kv.n] = argv[i];
            kv.val[kv.n] = eq + 1;
            kv.n++;
        }
        else
        {
            qo_error("eval: expected name=value, got \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
    }

    qo_params_init(&p);
    if (qo_params_parse(&p, q, &kv, err, sizeof err))
    {
        qo_error("eval %s: %s", q->name, err);
        qo_params_clear(&p);
        return QO_EXIT_USAGE;
    }
    if (!timeout_given && qo_timeout_default(&timeout, "eval", 1))
    {
        qo_params_clear(&p);
        return QO_EXIT_USAGE;
    }
    arm_timeout(q, &p, digits, as_json, timeout);
    /* each working precision tried, on stderr: on a terminal automatically, else with --progress */
    qo_progress_start(progress);
    {
        static char label[96];
        snprintf(label, sizeof label, "eval %s", q->name);
        qo_progress_precisions(label);
    }

    if (q->record)
    {
        code = eval_record(q, &p, digits, as_json);      /* the cap is lifted once the record is computed */
        qo_params_clear(&p);
        return code;
    }
    qt_result_init(r);
    st = qo_evaluate(r, q, &p, digits);
    qo_timeout_disarm();
    qo_progress_end();
    code = (st == QT_OK) ? QO_EXIT_OK : (st == QT_DOMAIN ? QO_EXIT_USAGE : QO_EXIT_FAIL);
    if (st == QT_INTERNAL)
    {
        /* a bug, not an answer: nothing on stdout */
        qo_error("eval %s: %s", q->name, r->reason);
        qt_result_clear(r);
        qo_params_clear(&p);
        return QO_EXIT_INTERNAL;
    }

    if (as_json && st != QT_DOMAIN)          /* a domain error is bad input: nothing on stdout, the message on stderr */
    {
        json_t *o = json_head(q, &p, digits, st);
        char *s;
        if (st != QT_OK)
            json_object_set_new(o, "reason", json_string(r->reason));
        if (st != QT_DOMAIN)
        {
            json_object_set_new(o, "prec_bits", json_integer(r->prec));
            json_object_set_new(o, "value", qo_ball_json(&r->value, digits));
        }
        json_tail(o, q);
        s = json_dumps(o, json_flags);
        puts(s);
        free(s);
        json_decref(o);
    }
    else if (st == QT_DOMAIN)
        ;
    else
    {
        qt_ball_strings_t b;
        qt_ball_strings(&b, &r->value, digits + 5);
        printf("%s = %s +/- %s\n", q->name, b.mid, b.rad);
        printf("  enclosure [%s, %s]\n", b.lo, b.hi);
        printf("  binary64  [%s, %s]\n", b.lo_f64, b.hi_f64);
        printf("  status %s%s%s, %ld bits, units %s\n", qt_status_name(st), st ? ": " : "",
               st ? r->reason : "", (long) r->prec, q->units);
        qt_ball_strings_clear(&b);
    }
    if (st == QT_DOMAIN)
        qo_error("eval %s: %s", q->name, r->reason);
    else if (st != QT_OK)
        qo_error("eval %s: could not certify: %s", q->name, r->reason);

    qt_result_clear(r);
    qo_params_clear(&p);
    return code;
}
