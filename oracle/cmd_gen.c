/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_gen.c -- qtoracle gen SPEC.json -o VECTORS.json [--shard I/N] [--jobs J]: certified golden vectors (format
 * v1), or one shard of them (a part file that qtoracle merge joins, cmd_merge.c); the file itself is laid out by
 * vector_file.c. The cases run in this process or in J worker processes (run_items.c).
 * Deterministic: no timestamps; key order fixed; the same inputs give the same bytes, whatever J and the shards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

static qo_pool pool;   /* JSON texts of matrix parameters, alive until gen returns */

static int
gen_case(json_t *tests, json_t *c, json_t *common, json_t *outputs, slong digits, int expect_error,
         const char *where, char *err, size_t errlen)
{
    json_t *t = json_object(), *outs = json_object(), *o;
    const char *caseId = json_string_value(json_object_get(c, "caseId"));
    json_t *flags = json_object_get(c, "flags"), *comment = json_object_get(c, "comment");
    qo_kv kv;
    size_t i;
    json_t *echo = NULL;
    char refbuf[48] = "";

    if (caseId == NULL || *caseId == '\0')
    {
        snprintf(err, errlen, "%s: caseId must be a non-empty string", where);
        json_decref(t); json_decref(outs);
        return QO_EXIT_USAGE;
    }
    if (qo_kv_from_json(&kv, &pool, common, json_object_get(c, "params"), where, err, errlen))
    {
        json_decref(t); json_decref(outs);
        return QO_EXIT_USAGE;
    }

    json_array_foreach(outputs, i, o)
    {
        const char *name = json_string_value(o);
        const qo_quantity *q = name ? qo_quantity_find(name) : NULL;
        qo_params p;
        qt_result_t r;
        int st, bad;
        json_t *ov;
        char perr[512], buf[32];

        if (q == NULL)
        {
            snprintf(err, errlen, "%s: unknown output \"%s\"", where, name ? name : "(not a string)");
            json_decref(t); json_decref(outs); json_decref(echo);
            return QO_EXIT_USAGE;
        }
        qo_params_init(&p);
        bad = qo_params_parse(&p, q, &kv, perr, sizeof perr);
        if (bad && expect_error)
        {
            /* invalid inputs are the expected error: record the reason */
            ov = json_object();
            json_object_set_new(ov, "status", json_string(qt_status_name(QT_DOMAIN)));
            json_object_set_new(ov, "reason", json_string(perr));
            json_object_set_new(outs, name, ov);
            if (echo == NULL)
            {
                int k;
                echo = json_object();
                for (k = 0; k < kv.n; k++)
                {
                    json_t *m = (kv.val[k][0] == '{' || kv.val[k][0] == '[') ? json_loads(kv.val[k], 0, NULL) : NULL;
                    json_object_set_new(echo, kv.key[k], m ? m : json_string(kv.val[k]));
                }
            }
            qo_params_clear(&p);
            continue;
        }
        if (bad)
        {
            snprintf(err, errlen, "%s (%s): %s", where, caseId, perr);
            qo_params_clear(&p);
            json_decref(t); json_decref(outs); json_decref(echo);
            return QO_EXIT_USAGE;
        }
        if (echo == NULL)
            echo = qo_params_json(&p);
        if (q->record)
        {
            /* a record: its named outputs become the case's outputs */
            qt_record_t R;
            slong k;
            int bad_out = -1;
            if (json_array_size(outputs) != 1 || expect_error)
            {
                snprintf(err, errlen, "%s: %s prints several outputs; list it alone in the group's outputs (and not in an expectError group with valid parameters)", where, name);
                qo_params_clear(&p);
                json_decref(t); json_decref(outs); json_decref(echo);
                return QO_EXIT_USAGE;
            }
            qt_record_init(R);
            qo_evaluate_record(R, q, &p, digits);
            for (k = 0; k < R->nout; k++)
                if ((R->out[k].status == QT_UNCERTIFIED || R->out[k].status == QT_INTERNAL)
                    && (bad_out < 0 || R->out[k].status == QT_INTERNAL))
                    bad_out = (int) k;
            if (bad_out >= 0)
            {
                int internal = R->out[bad_out].status == QT_INTERNAL;
                snprintf(err, errlen, "%s (%s), output %s: %s%s", where, caseId, R->name[bad_out],
                         internal ? "" : "could not certify: ", R->out[bad_out].reason);
                qt_record_clear(R);
                qo_params_clear(&p);
                json_decref(t); json_decref(outs); json_decref(echo);
                return internal ? QO_EXIT_INTERNAL : QO_EXIT_FAIL;
            }
            json_decref(outs);
            outs = qo_record_json(R, digits, 0);
            snprintf(refbuf, sizeof refbuf, "%s", R->reference);
            qt_record_clear(R);
            qo_params_clear(&p);
            continue;
        }
        qt_result_init(r);
        st = qo_evaluate(r, q, &p, digits);
        ov = json_object();
        json_object_set_new(ov, "status", json_string(qt_status_name(st)));
        if (st == QT_OK && !expect_error)
        {
            snprintf(buf, sizeof buf, "%ld", (long) r->prec);
            json_object_set_new(ov, "prec_bits", json_string(buf));
            json_t *ball = qo_ball_json(&r->value, digits);
            json_object_update(ov, ball);
            json_decref(ball);
        }
        else if (st == QT_DOMAIN && expect_error)
            json_object_set_new(ov, "reason", json_string(r->reason));
        else
        {
            snprintf(err, errlen, "%s (%s), output %s: %s%s", where, caseId, name,
                     expect_error ? "expected a domain error, got status " : "",
                     expect_error ? qt_status_name(st) : r->reason);
            qt_result_clear(r);
            qo_params_clear(&p);
            json_decref(ov); json_decref(t); json_decref(outs); json_decref(echo);
            return st == QT_UNCERTIFIED ? QO_EXIT_FAIL : (st == QT_INTERNAL ? QO_EXIT_INTERNAL : QO_EXIT_USAGE);
        }
        json_object_set_new(outs, name, ov);
        qt_result_clear(r);
        qo_params_clear(&p);
    }

    json_object_set_new(t, "caseId", json_string(caseId));
    json_object_set_new(t, "comment", json_string(json_is_string(comment) ? json_string_value(comment) : ""));
    json_object_set_new(t, "flags", json_is_array(flags) ? json_deep_copy(flags) : json_array());
    json_object_set_new(t, "params", echo ? echo : json_object());
    json_object_set_new(t, "expect", json_string(expect_error ? "error" : "value"));
    json_object_set_new(t, "outputs", outs);
    if (refbuf[0])
        json_object_set_new(t, "reference", json_string(refbuf));
    json_array_append_new(tests, t);
    return QO_EXIT_OK;
}

/* the cases gen computes, as items of qo_run_items: item i is case kcase[i] of the spec, cases[cidx[i]] of
   groups[gidx[i]] */
typedef struct
{
    json_t *groups;
    const char *spec;
    long *kcase;
    size_t *gidx, *cidx;
}
gen_items;

/* a group's digits (checked by qo_spec_validate) */
static slong
group_digits(json_t *g)
{
    json_t *digits_j = json_object_get(g, "digits");
    slong digits = QT_DIGITS_DEFAULT;
    if (digits_j != NULL)
        qo_parse_digits(&digits, json_string_value(digits_j));
    return digits;
}

static int
gen_item(json_t **out, long i, void *ctx, char *err, size_t errlen)
{
    const gen_items *it = ctx;
    json_t *g = json_array_get(it->groups, it->gidx[i]);
    json_t *c = json_array_get(json_object_get(g, "cases"), it->cidx[i]);
    json_t *one;
    char where[300];
    int code;

    snprintf(where, sizeof where, "%.200s: groups[%zu].cases[%zu]", it->spec, it->gidx[i], it->cidx[i]);
    /* every case from a fresh start: Arb's caches (constants, Gauss-Legendre nodes) are kept at the highest
       precision asked so far and their rounding shows in the last digits of a radius, so without this a case's
       bytes would depend on the cases computed before it (and a shard or a worker would differ) */
    flint_cleanup();
    one = json_array();
    code = gen_case(one, c, json_object_get(g, "common"), json_object_get(g, "outputs"), group_digits(g),
                    json_is_true(json_object_get(g, "expectError")), where, err, errlen);
    if (code == QO_EXIT_OK)
        *out = json_incref(json_array_get(one, 0));
    json_decref(one);
    return code;
}

/* item i's label: its caseId, or where it stands */
static void
gen_label(char *buf, size_t len, long i, void *ctx)
{
    const gen_items *it = ctx;
    json_t *c = json_array_get(json_object_get(json_array_get(it->groups, it->gidx[i]), "cases"), it->cidx[i]);
    const char *id = json_string_value(json_object_get(c, "caseId"));
    if (id != NULL && *id != '\0')
        snprintf(buf, len, "%s", id);
    else
        snprintf(buf, len, "groups[%zu].cases[%zu]", it->gidx[i], it->cidx[i]);
}

#define GEN_USAGE_LINE "qtoracle gen SPEC.json -o VECTORS.json [--progress] [--timeout SECONDS] [--shard I/N] [--jobs J]"

int
qo_cmd_gen(int argc, char **argv)
{
    const char *spec = NULL, *out = NULL;
    json_t *root, *groups, *g, *vec = NULL, *computed, *sources, *results;
    size_t gi;
    int i, code = QO_EXIT_OK, progress = 0, timeout_given = 0, sharded = 0, jobs = 1;
    gen_items items;
    const char *v = NULL;
    unsigned timeout = 0;
    long ncases = 0, done = 0, todo = 0, k = 0, shard_i = 1, shard_n = 1;
    char err[1024];

    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--progress") == 0)
            progress = 1;
        else if (qo_option(&v, &i, argc, argv, "--timeout"))
        {
            if (qo_timeout_parse(&timeout, "gen", v))
                return QO_EXIT_USAGE;
            timeout_given = 1;
        }
        else if (qo_option(&v, &i, argc, argv, "--jobs"))
        {
            if (qo_jobs_parse(&jobs, "gen", v))
                return QO_EXIT_USAGE;
        }
        else if (qo_option(&v, &i, argc, argv, "--shard"))
        {
            if (qo_shard_parse(&shard_i, &shard_n, v))
            {
                qo_error("gen: --shard must be I/N with 1 <= I <= N <= %d, got \"%s\"", QO_SHARD_MAX, v ? v : "");
                return QO_EXIT_USAGE;
            }
            sharded = 1;
        }
        else if (argv[i][0] == '-')
        {
            qo_error("gen: unknown option \"%s\" (usage: " GEN_USAGE_LINE ")", argv[i]);
            return QO_EXIT_USAGE;
        }
        else if (spec == NULL)
            spec = argv[i];
        else
        {
            qo_error("gen: unexpected argument \"%s\"", argv[i]);
            return QO_EXIT_USAGE;
        }
    }
    if (spec == NULL || out == NULL)
    {
        qo_error("gen: usage: " GEN_USAGE_LINE);
        return QO_EXIT_USAGE;
    }
    if (!timeout_given && qo_timeout_default(&timeout, "gen", 0))
        return QO_EXIT_USAGE;
    root = qo_json_load_path(spec, err, sizeof err);
    if (root == NULL)
    {
        qo_error("gen: %s", err);
        return QO_EXIT_USAGE;
    }
    /* the output path and the whole spec checked before anything is computed (spec_check.c) */
    if (!qo_output_path_ok(out, err, sizeof err))
    {
        qo_error("gen: -o: %s", err);
        json_decref(root);
        return QO_EXIT_USAGE;
    }
    if (qo_spec_validate(root, spec, err, sizeof err))
    {
        qo_error("gen: %s", err);
        json_decref(root);
        return QO_EXIT_USAGE;
    }
    groups = json_object_get(root, "groups");

    /* cases are numbered 0, 1, ... in spec order across groups; shard I/N computes those with k mod N = I - 1 */
    json_array_foreach(groups, gi, g)
        ncases += (long) json_array_size(json_object_get(g, "cases"));
    for (k = 0; k < ncases; k++)
        todo += (k % shard_n == shard_i - 1);
    qo_progress_start(progress);
    {
        char what[300];
        snprintf(what, sizeof what, "gen %.250s", spec);
        qo_timeout_arm(timeout, what, NULL);      /* lifted before the file is written: a capped run writes nothing */
    }
    sources = json_array();
    json_array_foreach(groups, gi, g)
        json_array_append_new(sources, qo_vectors_provenance(group_digits(g)));
    /* the items: this shard's cases in spec order */
    items.groups = groups;
    items.spec = spec;
    items.kcase = calloc((size_t) todo + 1, sizeof *items.kcase);
    items.gidx = calloc((size_t) todo + 1, sizeof *items.gidx);
    items.cidx = calloc((size_t) todo + 1, sizeof *items.cidx);
    k = 0;
    json_array_foreach(groups, gi, g)
    {
        size_t ci, nc = json_array_size(json_object_get(g, "cases"));
        for (ci = 0; ci < nc; ci++, k++)
            if (k % shard_n == shard_i - 1)
            {
                items.kcase[done] = k;
                items.gidx[done] = gi;
                items.cidx[done++] = ci;
            }
    }
    computed = json_array();
    results = json_array();
    {
        qo_items it = {gen_item, NULL, &items, "gen", gen_label};
        code = qo_run_items(results, &it, todo, jobs, err, sizeof err);
    }
    qo_timeout_disarm();
    qo_progress_end();
    if (code != QO_EXIT_OK && err[0] != '\0')
        qo_error("gen: %s", err);
    if (code == QO_EXIT_OK)
    {
        for (k = 0; k < ncases; k++)
            json_array_append_new(computed, json_null());
        for (k = 0; k < todo; k++)
            json_array_set(computed, (size_t) items.kcase[k], json_array_get(results, (size_t) k));
        if (sharded)
            vec = qo_shard_part(root, shard_i, shard_n, sources, computed);
        else
            vec = qo_vectors_assemble(root, sources, computed);
        if (qo_write_json_file(vec, out, err, sizeof err))
        {
            qo_error("gen: %s", err);
            code = QO_EXIT_USAGE;          /* an I/O error (a full disk, a vanished directory): exit 2 with its reason */
        }
    }
    json_decref(vec);
    json_decref(computed);
    json_decref(results);
    json_decref(sources);
    json_decref(root);
    free(items.kcase);
    free(items.gidx);
    free(items.cidx);
    qo_pool_clear(&pool);
    return code;
}
