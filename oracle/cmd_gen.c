/* cmd_gen.c -- qtoracle gen SPEC.json -o VECTORS.json: certified golden vectors (format v1).
 * Deterministic: no timestamps; key order fixed; the same inputs give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

int qo_parse_digits(slong *d, const char *s);

static json_t *
conventions(const char *family)
{
    json_t *c = json_object();
    if (strcmp(family, "pump") == 0)
    {
        json_object_set_new(c, "units", json_string("hbar = k_B = 1; energies in the units of the fields"));
        json_object_set_new(c, "model", json_string("one qubit, H = s (B_x sigma_x + B_z sigma_z), s = 1 (convention=pauli) or 1/2 (convention=spin); bath L couples through sigma_x, bath R through sigma_z; ohmic rates gamma_a w/(1 - e^{-w/T}) at a common T; global secular (Davies) generator"));
        json_object_set_new(c, "heat", json_string("heat positive INTO the bath; Q_a per counter-clockwise cycle in the (B_x, B_z) plane (B_x horizontal, B_z vertical); polygons are traversed counter-clockwise whatever their vertex order"));
        json_object_set_new(c, "angles", json_string("sector angles theta in radians from the B_z axis towards B_x"));
        json_object_set_new(c, "family", json_string(family));
        return c;
    }
    if (strcmp(family, "trajectory") == 0)
    {
        json_object_set_new(c, "units", json_string("hbar = k_B = 1; entropies in nats; energies in the units of omega (qubit_davies) or of H (lindblad)"));
        json_object_set_new(c, "qubit", json_string("basis (|e>, |g>), sigma_z |e> = +|e>, sigma_- = |g><e|, rho = (1 + x sigma_x + y sigma_y + z sigma_z)/2, H = (omega/2) sigma_z"));
        json_object_set_new(c, "master_equation", json_string("d rho/dt = -i[H, rho] + sum_k r_k D[L_k] rho, D[L] rho = L rho L^* - 1/2 {L^* L, rho}; a thermal channel (L, gamma, omega) adds L at r = gamma (nbar + 1) and L^* at r = gamma nbar, nbar = 1/(e^{beta omega} - 1); a plain channel adds L at r = gamma; qubit_davies: thermal sigma_- with gamma, plain sigma_z with gamma_phi/2"));
        json_object_set_new(c, "heat", json_string("J = tr(rho_dot H) and J_j are positive into the system; Q = E(t) - E(0)"));
        json_object_set_new(c, "temperatures", json_string("beta_A = S_dot/J, beta_R = S_dot/Qdot_R, beta_E = S_E_dot/J; a ratio with a zero or infinite denominator is a domain-error output with its reason"));
        json_object_set_new(c, "energy_entropy", json_string("S_E = S(Delta_H rho) (the dephased definition; equal to the outcome definition for non-degenerate H)"));
        json_object_set_new(c, "reference", json_string("each case names the reference state of D_rel and Sigma: gibbs (every bath at one beta with a proven Gibbs fixed point) or stationary (the certified stationary state), or none (fano_anderson: the T = 0 fixed point is pure, D_rel is +inf or 0 and Sigma is undefined)"));
        json_object_set_new(c, "infinities", json_string("an exact +-inf (e.g. S_dot of a pure state under a thermal bath) is a value with lo = hi = inf; a consumer must report that infinity"));
        json_object_set_new(c, "family", json_string(family));
        return c;
    }
    if (strcmp(family, "state") == 0)
    {
        json_object_set_new(c, "units", json_string("hbar = k_B = 1; entropies in nats (natural logarithm), 0 ln 0 = 0"));
        json_object_set_new(c, "matrices", json_string("explicit matrices {dims: [n, n], re: [...], im: [...]}, row-major, entries exact strings; basis order as given (qubits: |e> = (1,0), |g> = (0,1), sigma_z |e> = +|e>)"));
        json_object_set_new(c, "state", json_string("rho Hermitian, trace 1, positive semidefinite: decided exactly; otherwise the case expects an error"));
        json_object_set_new(c, "energy", json_string("E = tr(rho H)"));
        json_object_set_new(c, "family", json_string(family));
        return c;
    }
    json_object_set_new(c, "units", json_string("k_B = h = 1 for landauer.* (energies in the units of the parameters, E_u); hbar = k_B = 1 for driven_level.*"));
    json_object_set_new(c, "channel", json_string("one spinless channel (multiply by 2 for spin-degenerate electrons)"));
    json_object_set_new(c, "current_sign", json_string("currents positive from reservoir L to reservoir R"));
    json_object_set_new(c, "heat", json_string("heat_current_R = I_E - mu_R I_N is heat into R; heat_current_L = I_E - mu_L I_N is heat out of L"));
    json_object_set_new(c, "heat_correction", json_string("Q^R = I_Q^R - T_R I_S = T_R int T D(f_L||f_R) >= 0 (into R); Q^L = -I_Q^L + T_L I_S = T_L int T D(f_R||f_L) >= 0"));
    json_object_set_new(c, "entropy", json_string("natural logarithm (nats); sigma(f) = -f ln f - (1-f) ln(1-f) (fermions), (1+n) ln(1+n) - n ln n (bosons)"));
    json_object_set_new(c, "bosons", json_string("mu = 0, energies E > 0"));
    json_object_set_new(c, "transmission", json_string("ideal: tau; lorentzian: gamma_L gamma_R / ((E-eps0)^2 + (gamma_L+gamma_R)^2/4); box: tau on [E_lo, E_hi], 0 elsewhere"));
    json_object_set_new(c, "driven_level", json_string("rho_S(E) = (gamma/pi)/((E-eps0)^2+gamma^2), gamma = width/2; quasistatic_heat per unit d(eps0)/dt, dissipated_power per unit (d(eps0)/dt)^2"));
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

/* JSON texts of matrix parameters, alive until gen returns */
static char *pool[4096];
static int npool;

static const char *
matrix_text(json_t *v)
{
    char *t = json_dumps(v, JSON_COMPACT);
    if (npool < 4096)
        pool[npool++] = t;
    return t;
}

/* merge common and case params (strings only) into kv; returns 0 or writes err */
static int
collect_params(qo_kv *kv, json_t *common, json_t *params, const char *where, char *err, size_t errlen)
{
    json_t *objs[2];
    int k;
    objs[0] = common;
    objs[1] = params;
    kv->n = 0;
    for (k = 0; k < 2; k++)
    {
        const char *key;
        json_t *v;
        if (objs[k] == NULL)
            continue;
        if (!json_is_object(objs[k]))
        {
            snprintf(err, errlen, "%s: %s must be an object", where, k ? "params" : "common");
            return 1;
        }
        json_object_foreach(objs[k], key, v)
        {
            int i, found = -1;
            if (!json_is_string(v) && !json_is_object(v) && !json_is_array(v))
            {
                snprintf(err, errlen, "%s: parameter %s must be a string (exact decimal or rational), a matrix object or an array (baths)", where, key);
                return 1;
            }
            for (i = 0; i < kv->n; i++)
                if (strcmp(kv->key[i], key) == 0)
                    found = i;
            if (found < 0)
            {
                if (kv->n >= QO_MAX_PARAMS)
                {
                    snprintf(err, errlen, "%s: too many parameters", where);
                    return 1;
                }
                found = kv->n++;
            }
            kv->key[found] = key;
            if (json_is_object(v) || json_is_array(v))
                kv->val[found] = matrix_text(v);        /* a matrix or baths array, passed as its JSON text */
            else
                kv->val[found] = json_string_value(v);
        }
    }
    return 0;
}

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
    if (collect_params(&kv, common, json_object_get(c, "params"), where, err, errlen))
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
        if (qo_quantity_is_record(q))
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
    json_error_t jerr;
    size_t gi;
    int i, count = 0, code = QO_EXIT_OK;
    char err[1024];
    const char *family;

    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (argv[i][0] == '-')
        {
            qo_error("gen: unknown option \"%s\" (usage: qtoracle gen SPEC.json -o VECTORS.json)", argv[i]);
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
    root = json_load_file(spec, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
    {
        qo_error("gen: %s:%d:%d: %s", spec, jerr.line, jerr.column, jerr.text);
        return QO_EXIT_USAGE;
    }
    family = json_string_value(json_object_get(root, "family"));
    groups = json_object_get(root, "groups");
    if (family == NULL || !json_is_array(groups) || json_array_size(groups) == 0)
    {
        qo_error("gen: %s: the spec needs \"family\" (a string) and \"groups\" (a non-empty array)", spec);
        json_decref(root);
        return QO_EXIT_USAGE;
    }

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
        json_object_set_new(grp, "tests", tests);
        json_array_append_new(tgroups, grp);
    }

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
            "evaluated exactly; outputs with status domain-error expect the consumer to report an error"));
        json_object_set_new(vec, "notes", json_is_object(notes) ? json_deep_copy(notes) : json_object());
        json_object_set_new(vec, "numberOfTests", json_integer(count));
        json_object_set_new(vec, "testGroups", tgroups);
        if (qo_write_json_file(vec, out, err, sizeof err))
        {
            qo_error("gen: %s", err);
            code = QO_EXIT_FAIL;
        }
    }
    else
        json_decref(tgroups);
    json_decref(vec);
    json_decref(root);
    while (npool > 0)
        free(pool[--npool]);
    return code;
}
