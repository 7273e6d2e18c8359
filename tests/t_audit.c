/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_audit.c -- qtoracle audit: the verdict logic on synthetic claims whose exact values are known (each verdict, each
 * relation, printed-digit intervals with negative numbers and trailing zeros, pm, sweeps, exact zeros and infinities,
 * the UNDECIDED path when the exact value is the claim's edge), the malformed claims files of tests/bad/claims (exit 2,
 * the field named, nothing on stdout), the claims schema, and the quick shipped files' verdicts as pinned in
 * tests/audit_verdicts.txt (make audit checks every shipped file); sweep against closed forms and eval, sweep --jobs
 * against the sweep in one process, and sweep's bad inputs. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include "qt_test.h"
#include "qt_tool.h"

/* the ideal channel (tau = 1, T_L = T_R = 1): I_N = mu_L - mu_R exactly, I_Q^L = -(mu_L - mu_R)^2/2 */
#define IDEAL(muL, muR) "{\"stats\": \"fermion\", \"model\": \"ideal\", \"tau\": \"1\", \"mu_L\": \"" muL "\", " \
    "\"T_L\": \"1\", \"mu_R\": \"" muR "\", \"T_R\": \"1\"}"
#define QD(z0, t) "{\"omega\": \"1\", \"beta\": \"1\", \"gamma\": \"0.2\", \"gamma_phi\": \"0.05\", \"x0\": \"0\", " \
    "\"y0\": \"0\", \"z0\": \"" z0 "\", \"t\": \"" t "\"}"
#define LORS "{\"stats\": \"fermion\", \"model\": \"lorentzian\", \"eps0\": \"0.3\", \"gamma_L\": \"0.2\", " \
    "\"gamma_R\": \"0.6\", \"mu_L\": \"0.5\", \"T_L\": [\"1\", \"0.1\", \"0.01\"], \"mu_R\": \"-0.5\", " \
    "\"T_R\": [\"1\", \"0.1\", \"0.01\"]}"

/* claimId, quantity, output (or NULL), params, what is claimed (JSON members), verdict, correctDigits (-1: null),
   pointIndex of the verdict */
static const struct
{
    const char *id, *quantity, *output, *params, *claim, *verdict;
    int digits, point;
}
synthetic[] = {
    {"printed/exact-1", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"value\": \"1.00\"", "CONSISTENT", 3, 0},
    {"printed/many-digits", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"),
     "\"value\": \"1.0000000000000000000000000000000\"", "CONSISTENT", 32, 0},
    {"printed/off-by-1-in-3rd", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"value\": \"1.01\"",
     "INCONSISTENT", 2, 0},
    {"printed/trailing-zero", "landauer.particle_current", NULL, IDEAL("1.25", "-1.25"), "\"value\": \"2.50\"", "CONSISTENT", 3, 0},
    {"printed/short", "landauer.particle_current", NULL, IDEAL("1.25", "-1.25"), "\"value\": \"2.5\"", "CONSISTENT", 2, 0},
    {"printed/just-outside", "landauer.particle_current", NULL, IDEAL("1.25", "-1.25"), "\"value\": \"2.499\"",
     "INCONSISTENT", 3, 0},
    /* x = 2.495 exactly is the upper edge of "2.49" = [2.485, 2.495]: no number of digits decides it */
    {"printed/exact-edge", "landauer.particle_current", NULL, IDEAL("1.2475", "-1.2475"), "\"value\": \"2.49\"",
     "UNDECIDED", 2, 0},
    {"printed/exponent", "landauer.particle_current", NULL, IDEAL("0.0005", "-0.0005"), "\"value\": \"1.0e-3\"",
     "CONSISTENT", 2, 0},
    {"printed/negative", "landauer.heat_current_L", NULL, IDEAL("0.5", "-0.5"), "\"value\": \"-0.500\"", "CONSISTENT", 3, 0},
    {"printed/negative-off", "landauer.heat_current_L", NULL, IDEAL("0.5", "-0.5"), "\"value\": \"-0.49\"",
     "INCONSISTENT", 1, 0},
    {"pm/rational", "landauer.particle_current", NULL, IDEAL("1/6", "-1/6"), "\"value\": \"1/3\", \"pm\": \"1e-20\"",
     "CONSISTENT", -1, 0},
    {"pm/zero-width", "landauer.particle_current", NULL, IDEAL("1/6", "-1/6"), "\"value\": \"1/3\", \"pm\": \"0\"",
     "UNDECIDED", -1, 0},
    {"pm/miss", "landauer.particle_current", NULL, IDEAL("1/6", "-1/6"), "\"value\": \"0.3\", \"pm\": \"0.03\"",
     "INCONSISTENT", -1, 0},
    /* x = 1 (an enclosure of radius > 0) against the bounds 1 and 3/2 */
    {"rel/lt-edge", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"<\", \"bound\": \"1\"", "UNDECIDED", -1, 0},
    {"rel/le-edge", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"<=\", \"bound\": \"1\"", "UNDECIDED", -1, 0},
    {"rel/eq-inexact", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"==\", \"bound\": \"1\"", "UNDECIDED", -1, 0},
    {"rel/lt", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"<\", \"bound\": \"3/2\"", "CONSISTENT", -1, 0},
    {"rel/le", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"<=\", \"bound\": \"3/2\"", "CONSISTENT", -1, 0},
    {"rel/gt", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \">\", \"bound\": \"3/2\"", "INCONSISTENT", -1, 0},
    {"rel/ge", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \">=\", \"bound\": \"3/2\"", "INCONSISTENT", -1, 0},
    {"rel/eq", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"==\", \"bound\": \"3/2\"", "INCONSISTENT", -1, 0},
    {"rel/ne", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \"!=\", \"bound\": \"3/2\"", "CONSISTENT", -1, 0},
    {"rel/gt-below", "landauer.particle_current", NULL, IDEAL("0.5", "-0.5"), "\"relation\": \">\", \"bound\": \"(2^-1)^3*exp(0)\"", "CONSISTENT", -1, 0},
    /* an expression over the parameters: I_S of the ideal channel is exactly pi^2 (T_L - T_R)/3 */
    {"rel/expr-edge", "landauer.entropy_current", NULL,
     "{\"stats\": \"fermion\", \"model\": \"ideal\", \"tau\": \"1\", \"mu_L\": \"0\", \"T_L\": \"2\", \"mu_R\": \"0\", \"T_R\": \"1/2\"}",
     "\"relation\": \">=\", \"bound\": \"pi^2*(T_L-T_R)/3\"", "UNDECIDED", -1, 0},
    {"rel/expr-sqrt-ln", "landauer.entropy_current", NULL,
     "{\"stats\": \"fermion\", \"model\": \"ideal\", \"tau\": \"1\", \"mu_L\": \"0\", \"T_L\": \"2\", \"mu_R\": \"0\", \"T_R\": \"1/2\"}",
     "\"relation\": \"<\", \"bound\": \"sqrt(25)*ln(exp(1))\"", "CONSISTENT", -1, 0},
    /* an exact zero and an exact infinity of a record */
    {"rec/exact-zero", "qubit_davies.trajectory", "dS_interior", QD("0.6", "2"), "\"relation\": \"==\", \"bound\": \"0\"", "CONSISTENT", -1, 0},
    {"rec/exact-zero-ne", "qubit_davies.trajectory", "dS_interior", QD("0.6", "2"), "\"relation\": \"!=\", \"bound\": \"0\"", "INCONSISTENT", -1, 0},
    {"rec/infinity", "qubit_davies.trajectory", "S_dot", QD("1", "0"), "\"relation\": \">\", \"bound\": \"10^300\"", "CONSISTENT", -1, 0},
    {"rec/infinity-value", "qubit_davies.trajectory", "S_dot", QD("1", "0"), "\"value\": \"1.0\"", "INCONSISTENT", -1, 0},
    /* sweeps: I_S = 0.0439, 0.126, 0.0148 at T = 1, 0.1, 0.01 */
    {"sweep/all", "landauer.entropy_current", NULL, LORS, "\"relation\": \"<\", \"bound\": \"1\"", "CONSISTENT", -1, 2},
    {"sweep/second-breaks", "landauer.entropy_current", NULL, LORS, "\"relation\": \"<\", \"bound\": \"0.1\"", "INCONSISTENT", -1, 1},
    /* an undecided first point does not hide an inconsistent later one */
    {"sweep/undecided-then-wrong", "landauer.particle_current", NULL,
     "{\"stats\": \"fermion\", \"model\": \"ideal\", \"tau\": \"1\", \"mu_L\": [\"0.5\", \"1\"], \"T_L\": \"1\", "
     "\"mu_R\": [\"-0.5\", \"-1\"], \"T_R\": \"1\"}", "\"relation\": \"<=\", \"bound\": \"1\"", "INCONSISTENT", -1, 1},
    {"sweep/undecided", "landauer.particle_current", NULL,
     "{\"stats\": \"fermion\", \"model\": \"ideal\", \"tau\": \"1\", \"mu_L\": [\"0.25\", \"0.5\", \"0.25\"], \"T_L\": \"1\", "
     "\"mu_R\": [\"-0.25\", \"-0.5\", \"-0.25\"], \"T_R\": \"1\"}", "\"relation\": \"<=\", \"bound\": \"1\"", "UNDECIDED", -1, 1},
};

static void
write_synthetic(const char *path)
{
    FILE *f = fopen(path, "w");
    size_t i;
    ck_assert(f != NULL);
    fputs("{\"claimsVersion\": \"1\", \"source\": {\"citation\": \"synthetic\"}, \"interpretation\": \"tests\", \"claims\": [\n", f);
    for (i = 0; i < sizeof synthetic / sizeof synthetic[0]; i++)
    {
        fprintf(f, "%s{\"claimId\": \"%s\", \"quantity\": \"%s\", ", i ? ",\n" : "", synthetic[i].id, synthetic[i].quantity);
        if (synthetic[i].output)
            fprintf(f, "\"output\": \"%s\", ", synthetic[i].output);
        fprintf(f, "\"params\": %s, %s}", synthetic[i].params, synthetic[i].claim);
    }
    fputs("]}\n", f);
    fclose(f);
}

START_TEST(synthetic_verdicts)
{
    char path[400], line[600], *out, *err, *p, *save;
    size_t seen = 0;
    int code;
    snprintf(path, sizeof path, "%s/synthetic.json", tmpdir);
    write_synthetic(path);
    snprintf(line, sizeof line, "audit %s --json --max-digits 40", path);
    code = run_line(line, &out, &err);
    ck_assert_msg(code == 1, "exit %d (inconsistent claims present): %s", code, err);
    for (p = strtok_r(out, "\n", &save); p != NULL; p = strtok_r(NULL, "\n", &save))
    {
        json_error_t je;
        json_t *o = json_loads(p, 0, &je), *cd;
        const char *id;
        size_t i;
        ck_assert_msg(o != NULL, "not JSON: %s", p);
        id = json_string_value(json_object_get(o, "claimId"));
        for (i = 0; i < sizeof synthetic / sizeof synthetic[0]; i++)
            if (strcmp(id, synthetic[i].id) == 0)
                break;
        ck_assert_msg(i < sizeof synthetic / sizeof synthetic[0], "unknown claim %s", id);
        ck_assert_msg(strcmp(json_string_value(json_object_get(o, "verdict")), synthetic[i].verdict) == 0,
                      "%s: %s, expected %s (%s)", id, json_string_value(json_object_get(o, "verdict")),
                      synthetic[i].verdict, json_string_value(json_object_get(o, "reason")));
        cd = json_object_get(o, "correctDigits");
        if (synthetic[i].digits < 0)
            ck_assert_msg(json_is_null(cd), "%s: correctDigits should be null", id);
        else
            ck_assert_msg(json_integer_value(cd) == synthetic[i].digits, "%s: %d correct digits, expected %d", id,
                          (int) json_integer_value(cd), synthetic[i].digits);
        ck_assert_msg(json_integer_value(json_object_get(o, "pointIndex")) == synthetic[i].point, "%s: point %d", id,
                      (int) json_integer_value(json_object_get(o, "pointIndex")));
        /* an UNDECIDED claim went to the largest precision; a decided one names a narrow enclosure */
        if (strcmp(synthetic[i].verdict, "UNDECIDED") == 0)
            ck_assert_msg(json_integer_value(json_object_get(o, "digits")) == 40, "%s: undecided before 40 digits", id);
        json_decref(o);
        seen++;
    }
    ck_assert_uint_eq(seen, sizeof synthetic / sizeof synthetic[0]);
    ck_assert(err[0] == '\0');
    free(out); free(err);
}
END_TEST

/* the text form: one line per claim naming the verdict, and the exact closing line; exit 0 without inconsistencies */
START_TEST(text_output_and_exit)
{
    char path[400], line[600], *out, *err, *last;
    FILE *f;
    snprintf(path, sizeof path, "%s/two.json", tmpdir);
    f = fopen(path, "w");
    ck_assert(f != NULL);
    fputs("{\"claimsVersion\": \"1\", \"source\": {\"citation\": \"x\"}, \"interpretation\": \"x\", \"claims\": ["
          "{\"claimId\": \"one\", \"quantity\": \"landauer.particle_current\", \"params\": " IDEAL("0.5", "-0.5")
          ", \"value\": \"1.00\"}, {\"claimId\": \"edge\", \"quantity\": \"landauer.particle_current\", \"params\": "
          IDEAL("0.5", "-0.5") ", \"relation\": \"<=\", \"bound\": \"1\"}]}\n", f);
    fclose(f);
    snprintf(line, sizeof line, "audit %s --max-digits=20", path);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    ck_assert_msg(strncmp(out, "CONSISTENT   one: landauer.particle_current = ", 46) == 0, "%s", out);
    ck_assert_msg(strstr(out, "3 of its 3 digits correct") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "\nUNDECIDED    edge: ") != NULL && strstr(out, "the two enclosures overlap") != NULL, "%s", out);
    last = strstr(out, "\n1 consistent");
    ck_assert_msg(last != NULL && strcmp(last, "\n1 consistent, 0 inconsistent, 1 undecided\n") == 0, "%s", out);
    ck_assert(err[0] == '\0');
    free(out); free(err);
    /* --progress writes to stderr only */
    snprintf(line, sizeof line, "audit %s --progress", path);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    ck_assert_msg(strstr(err, "audit: 2/2") != NULL && strstr(out, "audit:") == NULL, "%s", err);
    free(out); free(err);
}
END_TEST

/* malformed claims files: exit 2, nothing on stdout, one message naming the field */
static const char *bad_claims[][2] = {
    {"01_not_json", "01_not_json.json:2:"},
    {"02_version", "claimsVersion must be \"1\""},
    {"03_no_source", "source (an object with a citation string)"},
    {"04_unknown_top_field", "unknown field \"clams\" (did you mean claims?)"},
    {"05_empty_claims", "claims must be a non-empty array"},
    {"06_no_claimId", "claims[0]: claimId must be a non-empty string"},
    {"07_duplicate_claimId", "claim \"c1\": claimId: used twice"},
    {"08_unknown_quantity", "quantity must name a quantity of `qtoracle list`, got \"landauer.particle_curent\""},
    {"09_record_without_output", "output: qubit_davies.trajectory prints a record"},
    {"10_single_value_wrong_output", "output: landauer.particle_current is a single value"},
    {"11_param_out_of_domain", "params: T_L must be > 0"},
    {"12_unknown_param", "did you mean T_R?"},
    {"13_value_not_string", "value must be a string"},
    {"14_value_not_decimal", "value: \"1/3\" is not a decimal number as printed"},
    {"15_value_and_relation", "give either value (optionally with pm) or relation and bound"},
    {"16_bad_relation", "relation must be one of"},
    {"17_bound_unbalanced", "bound: expected ')'"},
    {"18_bound_unknown_name", "bound: unknown name \"Tl\""},
    {"19_sweep_lengths_differ", "params.T_R: a list of 2 values, but the other list-valued parameters have 3"},
    {"20_negative_pm", "pm must be a string holding an exact number >= 0"},
    {"21_unknown_claim_field", "unknown field \"realtion\" (did you mean relation?)"},
    {"22_record_unknown_output", "has no output \"beta_Z\""},
    {"23_bound_non_numeric_param", "the parameter stats is not a number"},
    {"24_bound_nested_too_deep", "bound: nested too deep"},
    {"25_duplicate_key", "duplicate object key"},
    {"26_empty_sweep", "params.T_L: an empty list"},
    {"27_bound_with_value", "bound goes with relation, not with value"},
};

START_TEST(malformed_claims)
{
    char line[400], *out, *err;
    int code;
    snprintf(line, sizeof line, "audit tests/bad/claims/%s.json", bad_claims[_i][0]);
    code = run_line(line, &out, &err);
    ck_assert_msg(code == 2, "%s: exit %d", bad_claims[_i][0], code);
    ck_assert_msg(out[0] == '\0', "%s: stdout not empty: %s", bad_claims[_i][0], out);
    ck_assert_msg(strstr(err, bad_claims[_i][1]) != NULL, "%s: message \"%s\" lacks \"%s\"", bad_claims[_i][0], err,
                  bad_claims[_i][1]);
    ck_assert_msg(strchr(err, '\n') == err + strlen(err) - 1, "%s: one line: %s", bad_claims[_i][0], err);
    free(out); free(err);
}
END_TEST

/* every shipped claims file and the synthetic one pass the schema; a doctored one does not */
START_TEST(claims_schema)
{
    char *out, *err, path[400], cmd[1200];
    char *argv[4] = {"/bin/sh", "-c", NULL, NULL};
    int code;
    snprintf(path, sizeof path, "%s/synthetic.json", tmpdir);
    write_synthetic(path);
    snprintf(cmd, sizeof cmd, "scripts/validate-vectors vectors/claims/*.json %s", path);
    argv[2] = cmd;
    code = run(argv, &out, &err);
    ck_assert_msg(code == 0, "%s %s", out, err);
    free(out); free(err);
    snprintf(cmd, sizeof cmd, "scripts/validate-vectors tests/bad/claims/16_bad_relation.json tests/bad/claims/21_unknown_claim_field.json");
    code = run(argv, &out, &err);
    ck_assert_msg(code != 0 && strstr(out, "INVALID: tests/bad/claims/16_bad_relation.json") != NULL
                  && strstr(out, "INVALID: tests/bad/claims/21_unknown_claim_field.json") != NULL, "%s", out);
    free(out); free(err);
}
END_TEST

/* the quick shipped files give the pinned verdicts (make audit checks all of them) */
START_TEST(shipped_quick_verdicts)
{
    static const char *files[] = {"classic_constants", "energy_entropy_balance", "entropy_flow_quantum_limit",
                                  "no_entropy_production"};
    char line[400], *out, *err, *pinned = slurp("tests/audit_verdicts.txt"), *p, *save;
    size_t k;
    ck_assert(pinned != NULL);
    for (k = 0; k < sizeof files / sizeof files[0]; k++)
    {
        int code;
        snprintf(line, sizeof line, "audit vectors/claims/%s.json", files[k]);
        code = run_line(line, &out, &err);
        ck_assert_msg(code == 0 || code == 1, "%s: exit %d: %s", files[k], code, err);
        for (p = strtok_r(out, "\n", &save); p != NULL; p = strtok_r(NULL, "\n", &save))
        {
            char verdict[20], id[200], want[300];
            if (sscanf(p, "%19s %199[^:]:", verdict, id) != 2 || strstr(p, " consistent, ") != NULL)
                continue;
            snprintf(want, sizeof want, "%s %s %s\n", files[k], id, verdict);
            ck_assert_msg(strstr(pinned, want) != NULL, "not as pinned: %s", want);
        }
        free(out); free(err);
    }
    free(pinned);
}
END_TEST

/* audit --jobs: the same lines, in the same order, and the same exit as in one process (text and --json), on the
   quick shipped files (consistent and inconsistent claims, sweeps); a bad --jobs is refused up front */
START_TEST(audit_jobs_same_lines)
{
    static const char *files[] = {"classic_constants", "energy_entropy_balance", "entropy_flow_quantum_limit",
                                  "no_entropy_production"};
    static const char *const modes[] = {"", " --json"};
    static const char *const jobs[] = {" --jobs 2", " --jobs=3", " --jobs 64"};
    size_t k, m, b;
    char *out, *err, line[400];
    for (k = 0; k < sizeof files / sizeof files[0]; k++)
        for (m = 0; m < 2; m++)
        {
            char *out1, *err1;
            int code1;
            snprintf(line, sizeof line, "audit vectors/claims/%s.json%s", files[k], modes[m]);
            code1 = run_line(line, &out1, &err1);
            ck_assert_msg((code1 == 0 || code1 == 1) && strlen(out1) > 100, "%s: exit %d, %s", line, code1, err1);
            for (b = 0; b < sizeof jobs / sizeof jobs[0]; b++)
            {
                char *out2, *err2;
                int code2;
                snprintf(line, sizeof line, "audit vectors/claims/%s.json%s%s", files[k], modes[m], jobs[b]);
                code2 = run_line(line, &out2, &err2);
                ck_assert_msg(code2 == code1 && strcmp(out1, out2) == 0 && strcmp(err1, err2) == 0,
                              "%s: exit %d, stdout differs from one process: %s", line, code2, out2);
                free(out2); free(err2);
            }
            free(out1); free(err1);
        }
    for (b = 0; b < 3; b++)
    {
        static const char *const bad[] = {"0", "2.5", "65"};
        snprintf(line, sizeof line, "audit vectors/claims/classic_constants.json --jobs %s", bad[b]);
        ck_assert_int_eq(run_line(line, &out, &err), 2);
        ck_assert_msg(out[0] == '\0' && strstr(err, "--jobs must be a whole number of worker processes from 1 to 64")
                      != NULL, "%s: %s", line, err);
        free(out); free(err);
    }
}
END_TEST

/* sweep: the CSV points are exact and every enclosure contains the closed form I_S = pi^2 tau (T_L - T_R)/3 of the
   ideal channel and agrees with eval at the same point; JSON lines carry the same enclosures */
START_TEST(sweep_matches_closed_form_and_eval)
{
    char *out, *err, *p, *save, line[600];
    int row = 0;
    ck_assert_int_eq(run_line("sweep landauer.entropy_current stats=fermion model=ideal tau=3/7 mu_L=0 mu_R=0 T_R=1/3 "
                              "T_L=1/2:5/2:5 --digits 20", &out, &err), 0);
    for (p = strtok_r(out, "\n", &save); p != NULL; p = strtok_r(NULL, "\n", &save), row++)
    {
        char tl[64], st[32], lo[80], mid[80], hi[80], *eo, *ee;
        fmpq_t T;
        arb_t exact, enc, t;
        if (row == 0)
        {
            ck_assert_str_eq(p, "T_L,landauer.entropy_current_status,landauer.entropy_current_lo,"
                                "landauer.entropy_current_mid,landauer.entropy_current_hi");
            continue;
        }
        ck_assert_msg(sscanf(p, "%63[^,],%31[^,],%79[^,],%79[^,],%79s", tl, st, lo, mid, hi) == 5, "%s", p);
        ck_assert_str_eq(st, "ok");
        fmpq_init(T); arb_init(exact); arb_init(enc); arb_init(t);
        qt_test_setq(T, tl);
        {
            /* the points are 1/2 + k/2 exactly */
            fmpq_t want;
            fmpq_init(want);
            fmpq_set_si(want, row, 2);
            ck_assert_msg(fmpq_equal(T, want), "point %d is %s", row, tl);
            fmpq_clear(want);
        }
        /* closed form at 200 bits: pi^2 (3/7) (T_L - 1/3)/3 */
        arb_set_fmpq(t, T, 200);
        arb_set_si(exact, 1);
        arb_div_ui(exact, exact, 3, 200);
        arb_sub(t, t, exact, 200);
        arb_const_pi(exact, 200);
        arb_sqr(exact, exact, 200);
        arb_mul(exact, exact, t, 200);
        arb_mul_ui(exact, exact, 3, 200);
        arb_div_ui(exact, exact, 21, 200);
        /* [lo, hi] as the union of the two decimal ends read as balls (a hair wider, still a proof of containment) */
        ck_assert(arb_set_str(enc, lo, 200) == 0 && arb_set_str(t, hi, 200) == 0);
        arb_union(enc, enc, t, 200);
        ck_assert_msg(arb_contains(enc, exact), "row %d: [%s, %s] misses the closed form", row, lo, hi);
        ck_assert_msg(mag_cmp_2exp_si(arb_radref(enc), -60) < 0, "row %d: a wide enclosure", row);
        /* eval at the same point gives the same enclosure */
        snprintf(line, sizeof line, "eval landauer.entropy_current stats=fermion model=ideal tau=3/7 mu_L=0 mu_R=0 "
                 "T_R=1/3 T_L=%s --digits 20 --json", tl);
        ck_assert_int_eq(run_line(line, &eo, &ee), 0);
        ck_assert_msg(strstr(eo, lo) != NULL && strstr(eo, hi) != NULL, "eval at %s: %s (sweep [%s, %s])", tl, eo, lo, hi);
        free(eo); free(ee);
        fmpq_clear(T); arb_clear(exact); arb_clear(enc); arb_clear(t);
    }
    ck_assert_int_eq(row, 6);
    free(out); free(err);
    /* --log: a geometric progression rounded to 6 significant digits, the ends exact; JSON lines */
    ck_assert_int_eq(run_line("sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_L=1e-3:1:4 "
                              "T_R=1e-3:1:4 --log --jsonl", &out, &err), 0);
    ck_assert_msg(strstr(out, "{\"point\":{\"T_L\":\"0.001\",\"T_R\":\"0.001\"}") == out
                  && strstr(out, "\"T_L\":\"0.01\",") != NULL && strstr(out, "\"T_L\":\"0.1\",") != NULL
                  && strstr(out, "\"T_L\":\"1\",") != NULL, "%s", out);
    free(out); free(err);
}
END_TEST

/* sweep --jobs J: the same lines, byte for byte, in point order, as the sweep in one process (CSV, a record's
   --output, JSON lines over a log range whose points differ in cost), for J = 2, 3 and more workers than points;
   the values themselves are checked against closed forms above */
START_TEST(sweep_jobs_same_lines)
{
    static const char *const sweeps[] = {
        "sweep landauer.entropy_current stats=fermion model=ideal tau=3/7 mu_L=0 mu_R=0 T_R=1/3 T_L=1/2:5/2:7 "
        "--digits 20",
        "sweep qubit_davies.trajectory omega=1 beta=1 gamma=0.2 gamma_phi=0.05 x0=0.6 y0=0 z0=0.6 t=0:15:9 "
        "--digits 12 --output S",
        "sweep landauer.heat_correction_R stats=fermion model=lorentzian eps0=0.3 gamma_L=0.2 gamma_R=0.6 mu_L=0.5 "
        "mu_R=-0.5 T_L=0.001:1:6 T_R=0.001:1:6 --log --digits 10 --jsonl",
    };
    static const char *const jobs[] = {" --jobs 2", " --jobs=3", " --jobs 64"};
    size_t a, b;
    for (a = 0; a < sizeof sweeps / sizeof sweeps[0]; a++)
    {
        char *out1, *err1, line[700];
        int code1 = run_line(sweeps[a], &out1, &err1);
        ck_assert_msg(code1 == 0 && strlen(out1) > 200, "%s: exit %d, %s", sweeps[a], code1, err1);
        for (b = 0; b < sizeof jobs / sizeof jobs[0]; b++)
        {
            char *out2, *err2;
            int code2;
            snprintf(line, sizeof line, "%s%s", sweeps[a], jobs[b]);
            code2 = run_line(line, &out2, &err2);
            ck_assert_msg(code2 == code1 && strcmp(out1, out2) == 0 && strcmp(err1, err2) == 0,
                          "%s: exit %d, stdout differs from one process: %s", line, code2, out2);
            free(out2); free(err2);
        }
        free(out1); free(err1);
    }
}
END_TEST

static const char *bad_sweeps[][2] = {
    {"sweep", "missing QUANTITY"},
    {"sweep landauer.entropy_curent T_L=1:2:3", "unknown quantity"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1", "no parameter is a range"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:0", "N must be an integer from 1 to 10000"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:100001", "N must be an integer"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1:2:4 T_L=1:2:3", "ranges are taken together"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=x:2:3", "must be exact numbers"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2", "a range is LO:HI:N"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=-1:2:3 --log", "--log needs a range of positive numbers"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=-1:1:3", "at T_L=-1 (point 1 of 3): T_L must be > 0"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:3 --frobnicate", "unknown option"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:3 --output S", "is a single value"},
    {"sweep qubit_davies.trajectory omega=1 beta=1 gamma=0.2 gamma_phi=0.05 x0=0 y0=0 z0=0.6 t=0:1:3 --output beta_Z", "no output \"beta_Z\""},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:3 --digits 0", "--digits must be an integer"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:3 --jobs 0", "--jobs must be a whole number of worker processes from 1 to 64"},
    {"sweep landauer.entropy_current stats=fermion model=ideal mu_L=0 mu_R=0 T_R=1 T_L=1:2:3 --jobs 2.5", "--jobs must be"},
    {"sweep qubit_davies.trajectory omega=1 beta=1 gamma=0.2 gamma_phi=0.05 x0=0 y0=0 z0=0.6 t=0:1:3 --output beta_Z --jobs 2", "no output \"beta_Z\""},
};

START_TEST(sweep_bad_inputs)
{
    char *out, *err;
    int code = run_line(bad_sweeps[_i][0], &out, &err);
    ck_assert_msg(code == 2, "%s: exit %d", bad_sweeps[_i][0], code);
    ck_assert_msg(out[0] == '\0', "%s: stdout: %s", bad_sweeps[_i][0], out);
    ck_assert_msg(strstr(err, bad_sweeps[_i][1]) != NULL, "%s: %s", bad_sweeps[_i][0], err);
    free(out); free(err);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("audit");
    TCase *tc = tcase_create("audit");
    if (qt_tool_tmpdir())
        return EXIT_FAILURE;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, synthetic_verdicts);
    tcase_add_test(tc, text_output_and_exit);
    tcase_add_loop_test(tc, malformed_claims, 0, (int) (sizeof bad_claims / sizeof bad_claims[0]));
    tcase_add_test(tc, claims_schema);
    tcase_add_test(tc, shipped_quick_verdicts);
    tcase_add_test(tc, audit_jobs_same_lines);
    tcase_add_test(tc, sweep_matches_closed_form_and_eval);
    tcase_add_test(tc, sweep_jobs_same_lines);
    tcase_add_loop_test(tc, sweep_bad_inputs, 0, (int) (sizeof bad_sweeps / sizeof bad_sweeps[0]));
    suite_add_tcase(s, tc);
    {
        int code = qt_test_run(s);
        qt_tool_cleanup();
        return code;
    }
}
