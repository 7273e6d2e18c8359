/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_merge.c -- qtoracle merge PART.json ... -o VECTORS.json: join the part files of `gen --shard I/N` (every
 * shard 1..N exactly once, all from the same spec and the same build) into the vector file an unsharded gen would
 * have written, byte for byte (vector_file.c lays out both).  Everything is checked before anything is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"
#include "vectors_io.h"

#define MERGE_USAGE "usage: qtoracle merge PART.json ... -o VECTORS.json\n" \
    "  joins the part files of `qtoracle gen SPEC --shard I/N` (every shard of one spec, same build) into the file\n" \
    "  the unsharded run writes, byte for byte (docs/scale.md)\n"

static const char *const part_fields[] = {"qtoracleShard", "shard", "spec", "sources", "tests", NULL};

/* one part: its shard I/N; 1 and a message naming the file and field */
static int
check_part(json_t *p, const char *path, long *I, long *N, char *err, size_t errlen)
{
    const char *v;
    if (!json_is_object(p))
    {
        snprintf(err, errlen, "%s: not a part file of gen --shard (a JSON object)", path);
        return 1;
    }
    if (qo_json_known_fields(p, part_fields, path, err, errlen))
        return 1;
    v = json_string_value(json_object_get(p, "qtoracleShard"));
    if (v == NULL || strcmp(v, "1") != 0)
    {
        snprintf(err, errlen, "%s: qtoracleShard must be \"1\" (a part file of gen --shard)", path);
        return 1;
    }
    if (qo_shard_parse(I, N, json_string_value(json_object_get(p, "shard"))))
    {
        snprintf(err, errlen, "%s: shard must be \"I/N\" with 1 <= I <= N <= %d", path, QO_SHARD_MAX);
        return 1;
    }
    if (!json_is_object(json_object_get(p, "spec")) || !json_is_array(json_object_get(p, "sources"))
        || !json_is_array(json_object_get(p, "tests")))
    {
        snprintf(err, errlen, "%s: spec must be an object, sources and tests arrays", path);
        return 1;
    }
    return 0;
}

int
qo_cmd_merge(int argc, char **argv)
{
    const char *out = NULL, **paths;
    json_t **parts, *spec = NULL, *sources = NULL, *computed = NULL, *vec = NULL, *g;
    long N = 0, *seen_shard = NULL, ncases = 0;
    int i, np = 0, code = QO_EXIT_USAGE;
    size_t gi;
    char err[1024];
    qo_vecs check;

    for (i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(MERGE_USAGE, stdout);
            return QO_EXIT_OK;
        }
    paths = calloc((size_t) argc + 1, sizeof *paths);
    parts = calloc((size_t) argc + 1, sizeof *parts);
    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && out == NULL)
            out = argv[++i];
        else if (argv[i][0] == '-')
        {
            qo_error("merge: unknown option \"%s\" (usage: qtoracle merge PART.json ... -o VECTORS.json)", argv[i]);
            goto done;
        }
        else
            paths[np++] = argv[i];
    }
    if (np == 0 || out == NULL)
    {
        qo_error("merge: usage: qtoracle merge PART.json ... -o VECTORS.json");
        goto done;
    }
    if (!qo_output_path_ok(out, err, sizeof err))
    {
        qo_error("merge: -o: %s", err);
        goto done;
    }
    for (i = 0; i < np; i++)
    {
        long I, n;
        if ((parts[i] = qo_json_load_path(paths[i], err, sizeof err)) == NULL
            || check_part(parts[i], paths[i], &I, &n, err, sizeof err))
        {
            qo_error("merge: %s", err);
            goto done;
        }
        if (i == 0)
        {
            N = n;
            spec = json_object_get(parts[0], "spec");
            sources = json_object_get(parts[0], "sources");
            if (qo_spec_validate(spec, paths[0], err, sizeof err))
            {
                qo_error("merge: %s: spec: %s", paths[0], err);
                goto done;
            }
            seen_shard = calloc((size_t) N + 1, sizeof *seen_shard);
            json_array_foreach(json_object_get(spec, "groups"), gi, g)
                ncases += (long) json_array_size(json_object_get(g, "cases"));
            if (json_array_size(sources) != json_array_size(json_object_get(spec, "groups")))
            {
                qo_error("merge: %s: sources must hold one provenance per group", paths[0]);
                goto done;
            }
            computed = json_array();
            for (n = 0; n < ncases; n++)
                json_array_append_new(computed, json_null());
        }
        else if (n != N)
        {
            qo_error("merge: %s: shard %s, but %s is one of %ld shards", paths[i],
                     json_string_value(json_object_get(parts[i], "shard")), paths[0], N);
            goto done;
        }
        else if (!json_equal(json_object_get(parts[i], "spec"), spec))
        {
            qo_error("merge: %s: its spec differs from the spec of %s (shards of different specs)", paths[i], paths[0]);
            goto done;
        }
        else if (!json_equal(json_object_get(parts[i], "sources"), sources))
        {
            qo_error("merge: %s: its provenance (sources) differs from %s (shards of different builds)", paths[i],
                     paths[0]);
            goto done;
        }
        if (seen_shard[I])
        {
            qo_error("merge: %s: shard %ld/%ld is also %s", paths[i], I, N, paths[seen_shard[I] - 1]);
            goto done;
        }
        seen_shard[I] = i + 1;
        /* its tests: exactly the cases k with k mod N = I - 1, each once, with the spec's caseId */
        {
            json_t *e, *groups = json_object_get(spec, "groups");
            size_t ti;
            long expect = 0, k;
            for (k = I - 1; k < ncases; k += N)
                expect++;
            if ((long) json_array_size(json_object_get(parts[i], "tests")) != expect)
            {
                qo_error("merge: %s: tests: shard %ld/%ld holds %ld cases, got %zu", paths[i], I, N, expect,
                         json_array_size(json_object_get(parts[i], "tests")));
                goto done;
            }
            json_array_foreach(json_object_get(parts[i], "tests"), ti, e)
            {
                json_t *ix = json_object_get(e, "index"), *t = json_object_get(e, "test"), *c = NULL;
                long at = 0;
                size_t gj;
                k = json_is_integer(ix) ? (long) json_integer_value(ix) : -1;
                if (k < 0 || k >= ncases || k % N != I - 1 || !json_is_object(t) || json_object_size(e) != 2
                    || !json_is_null(json_array_get(computed, (size_t) k)))
                {
                    qo_error("merge: %s: tests[%zu]: index must be a case of shard %ld/%ld not given before, with its "
                             "test object", paths[i], ti, I, N);
                    goto done;
                }
                json_array_foreach(groups, gj, g)
                {
                    long nc = (long) json_array_size(json_object_get(g, "cases"));
                    if (k < at + nc)
                    {
                        c = json_array_get(json_object_get(g, "cases"), (size_t) (k - at));
                        break;
                    }
                    at += nc;
                }
                if (c == NULL || !json_equal(json_object_get(c, "caseId"), json_object_get(t, "caseId"))
                    || !json_is_object(json_object_get(t, "outputs")))
                {
                    qo_error("merge: %s: tests[%zu]: not the test of case %ld of the spec (caseId or outputs)",
                             paths[i], ti, k);
                    goto done;
                }
                json_array_set(computed, (size_t) k, t);
            }
        }
    }
    for (i = 1; i <= N; i++)
        if (!seen_shard[i])
        {
            qo_error("merge: shard %d/%ld is missing (give every part of the run)", i, N);
            goto done;
        }
    vec = qo_vectors_assemble(spec, sources, computed);
    /* the result must load as a vector file: every output field checked (vectors_io.c) */
    if (qo_vecs_from_json(&check, json_incref(vec), out, err, sizeof err))
    {
        qo_vecs_clear(&check);
        qo_error("merge: the joined file would not be a valid vector file: %s", err);
        goto done;
    }
    qo_vecs_clear(&check);
    if (qo_write_json_file(vec, out, err, sizeof err))
    {
        qo_error("merge: %s", err);
        goto done;
    }
    code = QO_EXIT_OK;
done:
    for (i = 0; i < np; i++)
        json_decref(parts[i]);
    json_decref(computed);
    json_decref(vec);
    free(parts);
    free(paths);
    free(seen_shard);
    return code;
}
