/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* vector_file.c -- the layout of a vector file (format v1, docs/vectors.md) from a validated spec and its computed
 * test objects, shared by gen and merge so that a merged file is byte-identical to an unsharded run; and the shard
 * part files gen --shard writes and merge reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

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

json_t *
qo_vectors_provenance(slong digits)
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

json_t *
qo_vectors_assemble(json_t *root, json_t *sources, json_t *computed)
{
    json_t *vec = json_object(), *tgroups = json_array(), *groups = json_object_get(root, "groups"), *g;
    json_t *notes = json_object_get(root, "notes"), *header = json_object_get(root, "header");
    const char *family = json_string_value(json_object_get(root, "family"));
    size_t gi, k = 0, count = 0;
    json_array_foreach(groups, gi, g)
    {
        json_t *grp = json_object(), *tests = json_array(), *tol;
        size_t ci, nc = json_array_size(json_object_get(g, "cases"));
        for (ci = 0; ci < nc; ci++, k++)
        {
            json_t *t = json_array_get(computed, k);
            json_array_append(tests, t);
            count += json_object_size(json_object_get(t, "outputs"));
        }
        json_object_set_new(grp, "name", json_string(json_string_value(json_object_get(g, "name"))));
        json_object_set_new(grp, "comment", json_string(json_is_string(json_object_get(g, "comment")) ?
                                                        json_string_value(json_object_get(g, "comment")) : ""));
        json_object_set_new(grp, "source", json_deep_copy(json_array_get(sources, gi)));
        json_object_set_new(grp, "quantities", json_deep_copy(json_object_get(g, "outputs")));
        if ((tol = qo_group_tolerance(tests, notes)) != NULL)
            json_object_set_new(grp, "tolerance", tol);
        json_object_set_new(grp, "tests", tests);
        json_array_append_new(tgroups, grp);
    }
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
    json_object_set_new(vec, "numberOfTests", json_integer((json_int_t) count));
    json_object_set_new(vec, "testGroups", tgroups);
    return vec;
}

json_t *
qo_shard_part(json_t *root, long I, long N, json_t *sources, json_t *computed)
{
    json_t *part = json_object(), *tests = json_array(), *t;
    size_t k;
    char buf[64];
    json_object_set_new(part, "qtoracleShard", json_string("1"));
    snprintf(buf, sizeof buf, "%ld/%ld", I, N);
    json_object_set_new(part, "shard", json_string(buf));
    json_object_set_new(part, "spec", json_deep_copy(root));
    json_object_set_new(part, "sources", json_deep_copy(sources));
    json_array_foreach(computed, k, t)
        if (!json_is_null(t))
        {
            json_t *e = json_object();
            json_object_set_new(e, "index", json_integer((json_int_t) k));
            json_object_set_new(e, "test", json_deep_copy(t));
            json_array_append_new(tests, e);
        }
    json_object_set_new(part, "tests", tests);
    return part;
}

/* one positive decimal without sign or leading zero, at most QO_SHARD_MAX; the end of the digits in *end */
static long
shard_number(const char *s, const char **end)
{
    long x = 0;
    if (*s < '1' || *s > '9')
        return -1;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((x = 10 * x + (*s - '0')) > QO_SHARD_MAX)
            return -1;
    *end = s;
    return x;
}

int
qo_shard_parse(long *I, long *N, const char *s)
{
    const char *e;
    long i, n;
    if (s == NULL || (i = shard_number(s, &e)) < 0 || *e != '/' || (n = shard_number(e + 1, &e)) < 0 || *e != '\0'
        || i > n)
        return 1;
    *I = i;
    *N = n;
    return 0;
}
