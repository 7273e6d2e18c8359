/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_gen.c -- qtoracle gen SPEC.json -o VECTORS.json: certified golden vectors (format v1).
 * Deterministic: no timestamps; key order fixed; the same inputs give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

int qo_parse_digits(slong *d, const char *s);

/* the conventions of the spec's family, from the library (the same text as its user guide), then "family" */
static json_t *
conventions(const char *family)
{
    json_t *c = json_object();
    const qo_family *f = qo_family_of_vectors(family);
    const qt_convention *k;
    for (k = f ? f->conventions : qt_landauer_conventions; k->key != NULL; k++)
        json_object_set_new(c, k->key, json_string(k->text));
    json_object_set_new(c, "family", json_string(family));
    return c;
}

static json_t *
provenance(slong digits)
{
    json_t *s = json_object(), *libs = json_object();
    const char *commit = getenv("QTORACLE_GIT_COMMIT");
    const char *dirty = getenv("QTORACLE_GIT_DIRTY");
    char buf[32];
    json_object_set_new(s, "generator", json_string("qtoracle"));
    json_object_set_new(s, "version", json_string(QT_VERSION));
    json_object_set_new(s, "git_commit", json_string(commit && *commit ? commit : "unknown"));
    json_object_set_new(s, "git_dirty", (dirty && strcmp(dirty, "false") == 0) ? json_false() : json_true());
    json_object_set_new(libs, "arb", json_string(qt_version_arb()));
    json_object_set_new(libs, "flint", json_string(qt_version_flint()));
    json_object_set_new(libs, "mpfr", json_string(qt_version_mpfr()));
    json_object_set_new(libs, "gmp", json_string(qt_version_gmp()));
    json_object_set_new(s, "libs", libs);
    snprintf(buf, sizeof buf, "%ld", (long) digits);
    json_object_set_new(s, "digits", json_string(buf));
    snprintf(buf, sizeof buf, "%ld", (long) qt_digits_start_prec(digits));
    json_object_set_new(s, "start_prec_bits", json_string(buf));
    snprintf(buf, sizeof buf, "%ld", (long) qt_digits_max_prec(digits));
    json_object_set_new(s, "max_prec_bits", json_string(buf));
    return s;
}

static qo_pool pool;   /* JSON texts of matrix parameters, alive until gen returns */

static int
gen_case(json_t *tests, json_t *c, json_t *common, json_t *outputs, slong digits, int expect_error,
         const char *where, int *count, char *err, size_t errlen)
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
            (*count)++;
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
            *count += (int) R->nout;
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
        (*count)++;
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

int
qo_cmd_gen(int argc, char **argv)
{
    const char *spec = NULL, *out = NULL;
    json_t *root, *groups, *g, *vec, *tgroups;
    size_t gi;
    int i, count = 0, code = QO_EXIT_OK, progress = 0;
    long ncases = 0, done = 0;
    char err[1024];
    const char *family;

    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--progress") == 0)
            progress = 1;
        else if (argv[i][0] == '-')
        {
            qo_error("gen: unknown option \"%s\" (usage: qtoracle gen SPEC.json -o VECTORS.json [--progress])", argv[i]);
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
        qo_error("gen: usage: qtoracle gen SPEC.json -o VECTORS.json");
        return QO_EXIT_USAGE;
    }
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
    family = json_string_value(json_object_get(root, "family"));
    groups = json_object_get(root, "groups");

    json_array_foreach(groups, gi, g)
        ncases += (long) json_array_size(json_object_get(g, "cases"));
    qo_progress_start(progress);
    vec = json_object();
    tgroups = json_array();
    json_array_foreach(groups, gi, g)
    {
        json_t *cases = json_object_get(g, "cases"), *outputs = json_object_get(g, "outputs");
        json_t *digits_j = json_object_get(g, "digits"), *tests, *grp, *c;
        const char *name = json_string_value(json_object_get(g, "name"));
        slong digits = QT_DIGITS_DEFAULT;
        int expect_error = json_is_true(json_object_get(g, "expectError"));
        size_t ci;
        char where[128];

        snprintf(where, sizeof where, "%s: groups[%zu]", spec, gi);
        if (name == NULL || !json_is_array(cases) || !json_is_array(outputs) || json_array_size(outputs) == 0)
        {
            qo_error("gen: %s needs \"name\" (string), \"outputs\" (non-empty array) and \"cases\" (array)", where);
            code = QO_EXIT_USAGE;
            break;
        }
        if (digits_j != NULL && (!json_is_string(digits_j) || qo_parse_digits(&digits, json_string_value(digits_j))))
        {
            qo_error("gen: %s: digits must be a string holding an integer from 1 to %d", where, QT_DIGITS_MAX);
            code = QO_EXIT_USAGE;
            break;
        }
        tests = json_array();
        json_array_foreach(cases, ci, c)
        {
            char w2[160];
            snprintf(w2, sizeof w2, "%s.cases[%zu]", where, ci);
            {
                const char *id = json_string_value(json_object_get(c, "caseId"));
                qo_progress_step("gen", ++done, ncases, id ? id : w2);
            }
            code = gen_case(tests, c, json_object_get(g, "common"), outputs, digits, expect_error, w2, &count, err, sizeof err);
            if (code != QO_EXIT_OK)
            {
                qo_error("gen: %s", err);
                break;
            }
        }
        if (code != QO_EXIT_OK)
        {
            json_decref(tests);
            break;
        }
        grp = json_object();
        json_object_set_new(grp, "name", json_string(name));
        json_object_set_new(grp, "comment", json_string(json_is_string(json_object_get(g, "comment")) ?
                                                        json_string_value(json_object_get(g, "comment")) : ""));
        json_object_set_new(grp, "source", provenance(digits));
        json_object_set_new(grp, "quantities", json_deep_copy(outputs));
        {
            json_t *tol = qo_group_tolerance(tests, json_object_get(root, "notes"));
            if (tol != NULL)
                json_object_set_new(grp, "tolerance", tol);
        }
        json_object_set_new(grp, "tests", tests);
        json_array_append_new(tgroups, grp);
    }

    qo_progress_end();
    if (code == QO_EXIT_OK)
    {
        json_t *notes = json_object_get(root, "notes"), *header = json_object_get(root, "header");
        json_object_set_new(vec, "schema", json_string("qtvec_v1.schema.json"));
        json_object_set_new(vec, "formatVersion", json_string("1.0"));
        json_object_set_new(vec, "family", json_string(family));
        json_object_set_new(vec, "header", json_is_array(header) ? json_deep_copy(header) : json_array());
        json_object_set_new(vec, "license", json_string("CC0-1.0"));
        json_object_set_new(vec, "conventions", conventions(family));
        json_object_set_new(vec, "checkingRule", json_string(
            "with tau = atol + rtol*max(|lo|,|hi|), a finite value x passes iff lo - tau <= x <= hi + tau, "
            "evaluated exactly (rtol, atol: the checker's options, else the group's tolerance); with N ulps, iff x lies "
            "between lo_f64 moved N doubles down and hi_f64 moved N doubles up; outputs with status domain-error expect "
            "the consumer to report an error"));
        json_object_set_new(vec, "notes", json_is_object(notes) ? json_deep_copy(notes) : json_object());
        json_object_set_new(vec, "numberOfTests", json_integer(count));
        json_object_set_new(vec, "testGroups", tgroups);
        if (qo_write_json_file(vec, out, err, sizeof err))
        {
            qo_error("gen: %s", err);
            code = QO_EXIT_USAGE;          /* an I/O error (a full disk, a vanished directory): exit 2 with its reason */
        }
    }
    else
        json_decref(tgroups);
    json_decref(vec);
    json_decref(root);
    qo_pool_clear(&pool);
    return code;
}
