/* params_open.c -- parameters of the trajectory families: qubit_davies.* (exact Bloch vector,
 * rates, time or tstar) and lindblad.trajectory (H, rho0, baths as JSON, time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

/* special: NULL, "tstar" or "tzero" (the model's special time, given by name) */
static int
time_param(qo_params *p, const qo_kv *kv, const char *special, char *err, size_t errlen)
{
    const char *v = qo_lookup(kv, "t");
    char why[64];
    if (v != NULL && special != NULL && strcmp(v, special) == 0)
    {
        p->tkind = QT_T_STAR;
        qo_echo_add(p, "t", special);
        return 0;
    }
    snprintf(why, sizeof why, "time >= 0%s%s", special ? ", or " : "", special ? special : "");
    if (qo_exact_param(p, p->t, kv, "t", NULL, why, err, errlen))
        return 1;
    if (fmpq_sgn(p->t) < 0)
    {
        snprintf(err, errlen, "t must be >= 0 (the semigroup runs forward), got \"%s\"", v);
        return 1;
    }
    p->tkind = fmpq_is_zero(p->t) ? QT_T_ZERO : QT_T_GENERIC;
    return 0;
}

int
qo_parse_qubit_davies(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const traj[] = {"omega", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", "t", NULL};
    static const char *const star[] = {"omega", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", NULL};
    char reason[QT_REASON_LEN];
    int is_traj = q->which == QO_QD_TRAJECTORY;
    if (qo_check_known(kv, is_traj ? traj : star, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, p->qd->omega, kv, "omega", NULL, "qubit frequency, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->gamma, kv, "gamma", NULL, "amplitude-damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->gamma_phi, kv, "gamma_phi", "0", "dephasing rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->x0, kv, "x0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->y0, kv, "y0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, p->qd->z0, kv, "z0", NULL, "initial Bloch vector", err, errlen)) return 1;
    if (qt_qubit_davies_validate(p->qd, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (is_traj && time_param(p, kv, "tstar", err, errlen))
        return 1;
    if (!is_traj || p->tkind == QT_T_STAR)
    {
        arb_t t;
        int st;
        arb_init(t);
        st = qt_qubit_davies_tstar(t, p->qd, 64, reason);
        arb_clear(t);
        if (st != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            return 1;
        }
    }
    return 0;
}

int
qo_parse_qubit_ramp(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"omega0", "omega1", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", "t", NULL};
    qt_qubit_davies_struct *B = p->qr->base;
    char reason[QT_REASON_LEN];
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, B->omega, kv, "omega0", NULL, "qubit frequency at t = 0, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->qr->omega1, kv, "omega1", NULL, "ramp rate d omega/dt", err, errlen)) return 1;
    if (qo_exact_param(p, B->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->gamma, kv, "gamma", NULL, "amplitude-damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->gamma_phi, kv, "gamma_phi", "0", "dephasing rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->x0, kv, "x0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, B->y0, kv, "y0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, B->z0, kv, "z0", NULL, "initial Bloch vector", err, errlen)) return 1;
    if (time_param(p, kv, NULL, err, errlen))
        return 1;
    if (qt_qubit_ramp_validate(p->qr, p->t, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return 0;
}

/* ---- baths: [{"beta": "1", "channels": [{"L": M, "gamma": "0.2", "omega": "1", "kind": "thermal"}]}] ---- */

static int
exact_field(fmpq_t q, json_t *o, const char *key, const char *where, int required, char *err, size_t errlen)
{
    json_t *v = json_object_get(o, key);
    char msg[256];
    if (v == NULL)
    {
        if (required)
        {
            snprintf(err, errlen, "%s.%s is missing", where, key);
            return 1;
        }
        fmpq_zero(q);
        return 0;
    }
    if (!json_is_string(v))
    {
        snprintf(err, errlen, "%s.%s must be a string (exact decimal or rational)", where, key);
        return 1;
    }
    if (qt_exact_parse(q, json_string_value(v), msg, sizeof msg))
    {
        snprintf(err, errlen, "%s.%s %s", where, key, msg);
        return 1;
    }
    return 0;
}

static int
only_fields(json_t *o, const char *const *allowed, const char *where, char *err, size_t errlen)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        int j, ok = 0;
        for (j = 0; allowed[j]; j++)
            if (strcmp(allowed[j], key) == 0)
                ok = 1;
        if (!ok)
        {
            snprintf(err, errlen, "%s has an unknown field \"%s\"", where, key);
            return 1;
        }
    }
    return 0;
}

static int
parse_baths(qt_open_model_struct *M, json_t **canon, json_t *a, char *err, size_t errlen)
{
    static const char *const bath_fields[] = {"beta", "channels", NULL};
    static const char *const ch_fields[] = {"L", "gamma", "omega", "kind", NULL};
    size_t j, k;
    json_t *b, *c;
    if (!json_is_array(a) || json_array_size(a) < 1 || json_array_size(a) > QT_MAX_BATHS)
    {
        snprintf(err, errlen, "baths must be an array of 1 to %d bath objects", QT_MAX_BATHS);
        return 1;
    }
    *canon = json_array();
    M->nbaths = (slong) json_array_size(a);
    json_array_foreach(a, j, b)
    {
        char where[64];
        json_t *chs = json_object_get(b, "channels"), *cb = json_object(), *cchs;
        snprintf(where, sizeof where, "baths[%zu]", j);
        json_array_append_new(*canon, cb);
        if (!json_is_object(b))
        {
            snprintf(err, errlen, "%s must be an object {\"beta\": ..., \"channels\": [...]}", where);
            return 1;
        }
        if (only_fields(b, bath_fields, where, err, errlen))
            return 1;
        M->bath[j].has_beta = json_object_get(b, "beta") != NULL;
        if (M->bath[j].has_beta)
        {
            if (exact_field(M->bath[j].beta, b, "beta", where, 1, err, errlen))
                return 1;
            json_object_set(cb, "beta", json_object_get(b, "beta"));
        }
        if (!json_is_array(chs) || json_array_size(chs) < 1)
        {
            snprintf(err, errlen, "%s.channels must be a non-empty array of channels", where);
            return 1;
        }
        cchs = json_array();
        json_object_set_new(cb, "channels", cchs);
        qt_open_model_bath_channels(M, (slong) j, (slong) json_array_size(chs));
        json_array_foreach(chs, k, c)
        {
            char w2[96];
            qt_channel_struct *ch = M->bath[j].ch + k;
            json_t *kind = json_object_get(c, "kind"), *cc = json_object(), *mc = NULL;
            const char *ks;
            snprintf(w2, sizeof w2, "%s.channels[%zu]", where, k);
            json_array_append_new(cchs, cc);
            if (!json_is_object(c))
            {
                snprintf(err, errlen, "%s must be an object {\"L\": matrix, \"gamma\": ..., \"omega\": ..., \"kind\": ...}", w2);
                return 1;
            }
            if (only_fields(c, ch_fields, w2, err, errlen))
                return 1;
            ks = kind ? json_string_value(kind) : "thermal";
            if (ks == NULL || (strcmp(ks, "thermal") && strcmp(ks, "plain")))
            {
                snprintf(err, errlen, "%s.kind must be \"thermal\" (L at gamma (nbar+1) and L^* at gamma nbar) or \"plain\" (L at gamma)", w2);
                return 1;
            }
            ch->kind = strcmp(ks, "thermal") == 0 ? QT_CH_THERMAL : QT_CH_PLAIN;
            {
                char w3[112];
                qt_qmat_t L;
                snprintf(w3, sizeof w3, "%s.L", w2);
                if (json_object_get(c, "L") == NULL)
                {
                    snprintf(err, errlen, "%s is missing", w3);
                    return 1;
                }
                if (qo_matrix_from_json(L, &mc, json_object_get(c, "L"), w3, err, errlen))
                    return 1;
                if (L->n != M->n)
                {
                    snprintf(err, errlen, "%s must be %ld x %ld like H, got %ld x %ld", w3, (long) M->n, (long) M->n, (long) L->n, (long) L->n);
                    qt_qmat_clear(L);
                    json_decref(mc);
                    return 1;
                }
                qt_qmat_set(ch->L, L);
                qt_qmat_clear(L);
                json_object_set_new(cc, "L", mc);
            }
            if (exact_field(ch->gamma, c, "gamma", w2, 1, err, errlen))
                return 1;
            json_object_set(cc, "gamma", json_object_get(c, "gamma"));
            if (exact_field(ch->omega, c, "omega", w2, ch->kind == QT_CH_THERMAL, err, errlen))
                return 1;
            if (ch->kind == QT_CH_THERMAL)
                json_object_set(cc, "omega", json_object_get(c, "omega"));
            else if (json_object_get(c, "omega") != NULL)
            {
                snprintf(err, errlen, "%s.omega is only used by thermal channels", w2);
                return 1;
            }
            json_object_set_new(cc, "kind", json_string(ks));
        }
    }
    return 0;
}

int
qo_parse_lindblad(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"H", "rho0", "baths", "t", NULL};
    const char *bv;
    json_t *o, *canon = NULL;
    json_error_t je;
    char reason[QT_REASON_LEN];
    slong n;
    int bad;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_matrix_param(p, p->H, kv, "H", err, errlen))
        return 1;
    if (qo_matrix_param(p, p->rho, kv, "rho0", err, errlen))
        return 1;
    n = p->H->n;
    if (p->rho->n != n)
    {
        snprintf(err, errlen, "rho0 must be %ld x %ld like H, got %ld x %ld", (long) n, (long) n, (long) p->rho->n, (long) p->rho->n);
        return 1;
    }
    bv = qo_lookup(kv, "baths");
    if (bv == NULL)
    {
        snprintf(err, errlen, "missing parameter baths (a JSON array of baths: @file.json or inline)");
        return 1;
    }
    if (bv[0] == '@')
        o = json_load_file(bv + 1, JSON_REJECT_DUPLICATES, &je);
    else
        o = json_loads(bv, JSON_REJECT_DUPLICATES, &je);
    if (o == NULL)
    {
        snprintf(err, errlen, "baths: %s%s: %s (line %d)", bv[0] == '@' ? "cannot read " : "not valid JSON", bv[0] == '@' ? bv + 1 : "", je.text, je.line);
        return 1;
    }
    p->om = malloc(sizeof(qt_open_model_struct));
    qt_open_model_init(p->om, n, 0);
    qt_qmat_set(p->om->H, p->H);
    qt_qmat_set(p->om->rho0, p->rho);
    bad = parse_baths(p->om, &canon, o, err, errlen);
    json_decref(o);
    if (!bad)
    {
        char *s = json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII);
        p->owned[p->nowned++] = s;
        qo_echo_add(p, "baths", s);
    }
    json_decref(canon);
    if (bad)
        return 1;
    if (qt_open_model_validate(p->om, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return time_param(p, kv, NULL, err, errlen);
}

int
qo_parse_fano_anderson(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const traj[] = {"gamma0", "lambda", "omega0", "p1", "t", NULL};
    static const char *const tz[] = {"gamma0", "lambda", "omega0", "p1", NULL};
    char reason[QT_REASON_LEN];
    int is_traj = q->which == QO_FA_TRAJECTORY;
    if (qo_check_known(kv, is_traj ? traj : tz, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, p->fa->gamma0, kv, "gamma0", NULL, "coupling strength, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->fa->lambda, kv, "lambda", NULL, "Lorentzian width, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->fa->omega0, kv, "omega0", NULL, "mode frequency = reservoir centre, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->fa->p1, kv, "p1", is_traj ? NULL : "1", "initial excited population |c1|^2 in [0, 1]", err, errlen)) return 1;
    if (qt_fano_anderson_validate(p->fa, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (is_traj && time_param(p, kv, "tzero", err, errlen))
        return 1;
    if (!is_traj || p->tkind == QT_T_STAR)
    {
        arb_t t;
        int st;
        arb_init(t);
        st = qt_fano_anderson_tzero(t, p->fa, 64, reason);
        arb_clear(t);
        if (st != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            return 1;
        }
    }
    return 0;
}

int
qo_parse_damped_mode(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"omega", "beta", "kappa", "alpha_re", "alpha_im", "t", NULL};
    char reason[QT_REASON_LEN];
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, p->dm->omega, kv, "omega", NULL, "mode frequency, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->dm->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->dm->kappa, kv, "kappa", NULL, "damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, p->dm->alpha_re, kv, "alpha_re", NULL, "coherent amplitude, real part", err, errlen)) return 1;
    if (qo_exact_param(p, p->dm->alpha_im, kv, "alpha_im", "0", "coherent amplitude, imaginary part", err, errlen)) return 1;
    if (qt_damped_mode_validate(p->dm, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return time_param(p, kv, NULL, err, errlen);
}

/* JSON text or @file */
static json_t *
json_param(const char *v, const char *name, char *err, size_t errlen)
{
    json_error_t je;
    json_t *o = v[0] == '@' ? json_load_file(v + 1, JSON_REJECT_DUPLICATES, &je) : json_loads(v, JSON_REJECT_DUPLICATES, &je);
    if (o == NULL)
        snprintf(err, errlen, "%s: %s%s: %s (line %d)", name, v[0] == '@' ? "cannot read " : "not valid JSON", v[0] == '@' ? v + 1 : "", je.text, je.line);
    return o;
}

int
qo_parse_cycle(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"baths", "strokes", NULL};
    static const char *const stroke_fields[] = {"H", "bath", "duration", NULL};
    const char *bv = qo_lookup(kv, "baths"), *sv = qo_lookup(kv, "strokes");
    json_t *bo = NULL, *so = NULL, *canon = NULL, *scanon = NULL, *st;
    char reason[QT_REASON_LEN];
    size_t k;
    slong n;
    int bad = 1;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (sv == NULL || bv == NULL)
    {
        snprintf(err, errlen, "missing parameter %s (a JSON array: @file.json or inline)", sv == NULL ? "strokes" : "baths");
        return 1;
    }
    if ((so = json_param(sv, "strokes", err, errlen)) == NULL)
        return 1;
    if (!json_is_array(so) || json_array_size(so) < 1 || json_array_size(so) > 64)
    {
        snprintf(err, errlen, "strokes must be an array of 1 to 64 strokes {\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}");
        json_decref(so);
        return 1;
    }
    /* the dimension comes from the first stroke's H */
    {
        qt_qmat_t H0;
        json_t *h = json_object_get(json_array_get(so, 0), "H");
        if (h == NULL || qo_matrix_from_json(H0, NULL, h, "strokes[0].H", err, errlen))
        {
            if (h == NULL)
                snprintf(err, errlen, "strokes[0].H is missing");
            json_decref(so);
            return 1;
        }
        n = H0->n;
        qt_qmat_clear(H0);
    }
    if ((bo = json_param(bv, "baths", err, errlen)) == NULL)
    {
        json_decref(so);
        return 1;
    }
    p->cy = malloc(sizeof(qt_cycle_struct));
    qt_cycle_init(p->cy, n, 0, (slong) json_array_size(so));
    if (parse_baths(p->cy->M, &canon, bo, err, errlen))
        goto out;
    scanon = json_array();
    json_array_foreach(so, k, st)
    {
        char where[64], w2[80];
        qt_stroke_struct *S = p->cy->stroke + k;
        json_t *cs = json_object(), *mc = NULL, *bj = json_object_get(st, "bath");
        qt_qmat_t H;
        json_array_append_new(scanon, cs);
        snprintf(where, sizeof where, "strokes[%zu]", k);
        if (!json_is_object(st))
        {
            snprintf(err, errlen, "%s must be an object {\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}", where);
            goto out;
        }
        if (only_fields(st, stroke_fields, where, err, errlen))
            goto out;
        snprintf(w2, sizeof w2, "%s.H", where);
        if (json_object_get(st, "H") == NULL)
        {
            snprintf(err, errlen, "%s is missing", w2);
            goto out;
        }
        if (qo_matrix_from_json(H, &mc, json_object_get(st, "H"), w2, err, errlen))
            goto out;
        if (H->n != n)
        {
            snprintf(err, errlen, "%s must be %ld x %ld like strokes[0].H, got %ld x %ld", w2, (long) n, (long) n, (long) H->n, (long) H->n);
            qt_qmat_clear(H);
            json_decref(mc);
            goto out;
        }
        qt_qmat_set(S->H, H);
        qt_qmat_clear(H);
        json_object_set_new(cs, "H", mc);
        if (bj != NULL)
        {
            if (!json_is_integer(bj) || json_integer_value(bj) < 1 || json_integer_value(bj) > p->cy->M->nbaths)
            {
                snprintf(err, errlen, "%s.bath must be an integer from 1 to %ld (the baths array, 1-based), or omitted for a unitary stroke", where, (long) p->cy->M->nbaths);
                goto out;
            }
            S->bath = (slong) json_integer_value(bj) - 1;
            json_object_set_new(cs, "bath", json_integer(json_integer_value(bj)));
        }
        if (exact_field(S->duration, st, "duration", where, 1, err, errlen))
            goto out;
        json_object_set(cs, "duration", json_object_get(st, "duration"));
    }
    if (qt_cycle_validate(p->cy, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        goto out;
    }
    {
        char *s1 = json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII), *s2 = json_dumps(scanon, JSON_COMPACT | JSON_ENSURE_ASCII);
        p->owned[p->nowned++] = s1;
        p->owned[p->nowned++] = s2;
        qo_echo_add(p, "baths", s1);
        qo_echo_add(p, "strokes", s2);
    }
    bad = 0;
out:
    json_decref(bo);
    json_decref(so);
    json_decref(canon);
    json_decref(scanon);
    return bad;
}
