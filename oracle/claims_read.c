/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* claims_read.c -- a claims file (docs/claims.md, vectors/schema/qtclaims_v1.schema.json) read and validated whole:
 * its top-level fields, every claim's fields, the points of its list-valued parameters, their parameters through
 * the quantity's own parser and every bound expression; one message naming the claim and the field on the first
 * fault. Used by audit (cmd_audit.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims.h"

static const char *const top_fields[] = {"claimsVersion", "source", "interpretation", "claims", NULL};
static const char *const claim_fields[] = {"claimId", "statement", "quantity", "output", "params", "value", "pm",
                                           "relation", "bound", "reading", "comment", NULL};

/* the points of a claim's params: list-valued parameters (arrays of strings) of one common length, point by point */
static int
expand_points(qo_claim *c, json_t *params, char *err, size_t errlen)
{
    const char *key;
    json_t *v;
    size_t n = 0, i;
    c->points = json_array();
    c->swept = json_array();
    json_object_foreach(params, key, v)
    {
        size_t k, len;
        int strings = json_is_array(v) && json_array_size(v) > 0;
        json_t *e;
        json_array_foreach(v, k, e)
            if (!json_is_string(e))
                strings = 0;
        if (!strings)
        {
            if (json_is_array(v) && json_array_size(v) == 0)
            {
                snprintf(err, errlen, "params.%s: an empty list", key);
                return 1;
            }
            continue;            /* a scalar, a matrix or a baths array */
        }
        len = json_array_size(v);
        if (n != 0 && len != n)
        {
            snprintf(err, errlen, "params.%s: a list of %zu values, but the other list-valued parameters have %zu "
                     "(lists are taken together, point by point)", key, len, n);
            return 1;
        }
        if (len > QO_CLAIMS_MAX_POINTS)
        {
            snprintf(err, errlen, "params.%s: %zu points, more than the cap of %d", key, len, QO_CLAIMS_MAX_POINTS);
            return 1;
        }
        n = len;
        json_array_append_new(c->swept, json_string(key));
    }
    if (n == 0)
        n = 1;
    for (i = 0; i < n; i++)
    {
        json_t *pt = json_object();
        json_object_foreach(params, key, v)
        {
            int listed = 0;
            size_t k;
            json_t *s;
            json_array_foreach(c->swept, k, s)
                if (strcmp(json_string_value(s), key) == 0)
                    listed = 1;
            json_object_set(pt, key, listed ? json_array_get(v, i) : v);
        }
        json_array_append_new(c->points, pt);
    }
    return 0;
}

static const char *
string_field(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* validate one claim and every point's parameters and bound; 1 and a message naming the claim and field */
static int
read_claim(qo_claim *c, json_t *o, size_t idx, char *err, size_t errlen)
{
    char where[200], m[512];
    json_t *params;
    size_t i;
    qo_pool pool;
    snprintf(where, sizeof where, "claims[%zu]", idx);
    if (!json_is_object(o))
    {
        snprintf(err, errlen, "%s: a claim must be an object", where);
        return 1;
    }
    c->id = string_field(o, "claimId");
    if (c->id == NULL || c->id[0] == '\0')
    {
        snprintf(err, errlen, "%s: claimId must be a non-empty string", where);
        return 1;
    }
    snprintf(where, sizeof where, "claim \"%.120s\"", c->id);
    if (qo_json_known_fields(o, claim_fields, where, err, errlen))
        return 1;
    if (json_object_get(o, "statement") != NULL && !json_is_string(json_object_get(o, "statement")))
    {
        snprintf(err, errlen, "%s: statement must be a string", where);
        return 1;
    }
    c->q = qo_quantity_find(string_field(o, "quantity") ? string_field(o, "quantity") : "");
    if (c->q == NULL)
    {
        snprintf(err, errlen, "%s: quantity must name a quantity of `qtoracle list`, got %s%.80s%s", where,
                 string_field(o, "quantity") ? "\"" : "", string_field(o, "quantity") ? string_field(o, "quantity")
                 : "nothing", string_field(o, "quantity") ? "\"" : "");
        return 1;
    }
    c->output = string_field(o, "output");
    if (json_object_get(o, "output") != NULL && c->output == NULL)
    {
        snprintf(err, errlen, "%s: output must be a string", where);
        return 1;
    }
    if (!c->q->record && c->output != NULL && strcmp(c->output, c->q->name) != 0)
    {
        snprintf(err, errlen, "%s: output: %s is a single value; give output \"%s\" or none", where, c->q->name,
                 c->q->name);
        return 1;
    }
    if (!c->q->record)
        c->output = NULL;
    else if (c->output == NULL || c->output[0] == '\0')
    {
        snprintf(err, errlen, "%s: output: %s prints a record; name the output the claim is about", where, c->q->name);
        return 1;
    }
    params = json_object_get(o, "params");
    if (!json_is_object(params))
    {
        snprintf(err, errlen, "%s: params must be an object", where);
        return 1;
    }
    /* what is claimed: a printed value, a value with pm, or a relation with a bound */
    c->value = string_field(o, "value");
    c->bound = string_field(o, "bound");
    if ((json_object_get(o, "value") != NULL) == (json_object_get(o, "relation") != NULL))
    {
        snprintf(err, errlen, "%s: give either value (optionally with pm) or relation and bound", where);
        return 1;
    }
    if (json_object_get(o, "value") != NULL)
    {
        if (c->value == NULL)
        {
            snprintf(err, errlen, "%s: value must be a string (numbers are read exactly from strings)", where);
            return 1;
        }
        if (json_object_get(o, "bound") != NULL)
        {
            snprintf(err, errlen, "%s: bound goes with relation, not with value", where);
            return 1;
        }
        if (json_object_get(o, "pm") != NULL)
        {
            fmpq_t v, pm;
            const char *pms = string_field(o, "pm");
            int bad;
            fmpq_init(v); fmpq_init(pm);
            bad = qt_exact_parse(v, c->value, m, sizeof m);
            if (bad)
                snprintf(err, errlen, "%s: value: %s", where, m);
            else if (pms == NULL || qt_exact_parse(pm, pms, m, sizeof m) || fmpq_sgn(pm) < 0)
            {
                snprintf(err, errlen, "%s: pm must be a string holding an exact number >= 0%s%s", where,
                         pms ? ": " : "", pms ? pms : "");
                bad = 1;
            }
            else
            {
                fmpq_sub(c->a, v, pm);
                fmpq_add(c->b, v, pm);
            }
            fmpq_clear(v); fmpq_clear(pm);
            if (bad)
                return 1;
            c->kind = QO_CLAIM_PM;
        }
        else
        {
            if (qo_printed_interval(c->a, c->b, c->value, m, sizeof m))
            {
                snprintf(err, errlen, "%s: value: %s", where, m);
                return 1;
            }
            c->kind = QO_CLAIM_PRINTED;
        }
    }
    else
    {
        c->rel = qo_relation_parse(string_field(o, "relation"));
        if (c->rel < 0)
        {
            snprintf(err, errlen, "%s: relation must be one of < <= > >= == !=", where);
            return 1;
        }
        if (c->bound == NULL || c->bound[0] == '\0')
        {
            snprintf(err, errlen, "%s: bound must be a non-empty string (an expression)", where);
            return 1;
        }
        if (json_object_get(o, "pm") != NULL)
        {
            snprintf(err, errlen, "%s: pm goes with value, not with relation", where);
            return 1;
        }
        c->kind = QO_CLAIM_RELATION;
    }
    if (expand_points(c, params, m, sizeof m))
    {
        snprintf(err, errlen, "%s: %s", where, m);
        return 1;
    }
    qo_pool_init(&pool);
    for (i = 0; i < json_array_size(c->points); i++)
    {
        qo_kv kv;
        qo_params p;
        int bad;
        char pw[300];
        if (json_array_size(c->points) > 1)
            snprintf(pw, sizeof pw, "%s, point %zu", where, i + 1);
        else
            snprintf(pw, sizeof pw, "%s", where);
        if (qo_kv_from_json(&kv, &pool, NULL, json_array_get(c->points, i), pw, err, errlen))
        {
            qo_pool_clear(&pool);
            return 1;
        }
        qo_params_init(&p);
        bad = qo_params_parse(&p, c->q, &kv, m, sizeof m);
        qo_params_clear(&p);
        if (bad)
        {
            snprintf(err, errlen, "%s: params: %s", pw, m);
            qo_pool_clear(&pool);
            return 1;
        }
        if (c->kind == QO_CLAIM_RELATION)
        {
            arb_t t;
            arb_init(t);
            bad = qo_expr_eval(t, c->bound, &kv, 64, m, sizeof m);
            arb_clear(t);
            if (bad)
            {
                snprintf(err, errlen, "%s: bound: %s", pw, m);
                qo_pool_clear(&pool);
                return 1;
            }
        }
    }
    qo_pool_clear(&pool);
    return 0;
}

static void
claim_init(qo_claim *c)
{
    memset(c, 0, sizeof *c);
    fmpq_init(c->a);
    fmpq_init(c->b);
}

static void
claim_clear(qo_claim *c)
{
    fmpq_clear(c->a);
    fmpq_clear(c->b);
    json_decref(c->points);
    json_decref(c->swept);
}

void
qo_claims_clear(qo_claims *cs)
{
    size_t i;
    for (i = 0; i < cs->n; i++)
        claim_clear(cs->c + i);
    free(cs->c);
    json_decref(cs->root);
    memset(cs, 0, sizeof *cs);
}

int
qo_claims_read(qo_claims *cs, const char *path, char *err, size_t errlen)
{
    json_t *root, *claims, *o;
    size_t ci, n;
    char m[1024];
    memset(cs, 0, sizeof *cs);
    root = qo_json_load_path(path, err, errlen);
    if (root == NULL)
        return 1;
    claims = json_object_get(root, "claims");
    if (!json_is_object(root) || qo_json_known_fields(root, top_fields, path, m, sizeof m))
    {
        snprintf(err, errlen, "%s", json_is_object(root) ? m : "the claims file must be a JSON object");
        json_decref(root);
        return 1;
    }
    if (!json_is_string(json_object_get(root, "claimsVersion"))
        || strcmp(string_field(root, "claimsVersion"), "1") != 0)
    {
        snprintf(err, errlen, "%s: claimsVersion must be \"1\"", path);
        json_decref(root);
        return 1;
    }
    if (!json_is_object(json_object_get(root, "source")) || !json_is_string(json_object_get(json_object_get(root, "source"), "citation"))
        || !json_is_string(json_object_get(root, "interpretation")))
    {
        snprintf(err, errlen, "%s: source (an object with a citation string) and interpretation (a string) are required", path);
        json_decref(root);
        return 1;
    }
    n = json_array_size(claims);
    if (!json_is_array(claims) || n == 0 || n > QO_CLAIMS_MAX)
    {
        snprintf(err, errlen, "%s: claims must be a non-empty array of at most %d claims", path, QO_CLAIMS_MAX);
        json_decref(root);
        return 1;
    }
    cs->root = root;
    cs->n = n;
    cs->c = calloc(n, sizeof *cs->c);
    for (ci = 0; ci < n; ci++)
        claim_init(cs->c + ci);
    json_array_foreach(claims, ci, o)
    {
        size_t k;
        if (read_claim(cs->c + ci, o, ci, m, sizeof m))
            goto fail;
        for (k = 0; k < ci; k++)
            if (strcmp(cs->c[k].id, cs->c[ci].id) == 0)
            {
                snprintf(m, sizeof m, "claim \"%.120s\": claimId: used twice (claims[%zu] and claims[%zu])",
                         cs->c[ci].id, k, ci);
                goto fail;
            }
    }
    return 0;
fail:
    snprintf(err, errlen, "%s: %s", path, m);
    qo_claims_clear(cs);
    return 1;
}
