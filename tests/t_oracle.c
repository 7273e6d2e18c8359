/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_oracle.c -- the command-line tool: eval output, the vectors' own bad-input cases through eval, check on doctored
 * results, schema validation, byte-for-byte reproduction of vectors/, the command-line forms. The catalogue of
 * malformed and hostile inputs is data in tests/bad/ (tests/bad/run.sh). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <jansson.h>
#include "qt_test.h"
#include "qt_tool.h"

#define LOR "stats=fermion model=lorentzian eps0=0.3 gamma_L=0.2 gamma_R=0.6 mu_L=0.4 T_L=1.5 mu_R=-0.2 T_R=0.7"

/* the bad-input catalogue (eval, gen, selfcheck, check, audit, sweep) is data: tests/bad/cases/, run by tests/bad/run.sh */

/* eval --json: parse it, and the ideal-channel closed form pi^2 (T_L - T_R)/3 lies in [lo, hi] */
START_TEST(eval_json_contains_closed_form)
{
    char *out, *err;
    json_t *o;
    json_error_t je;
    arb_t lo, hi, e;
    int code = run_line("eval landauer.entropy_current stats=fermion model=ideal tau=1 mu_L=0.3 T_L=2 mu_R=-0.1 T_R=1/2 --digits 40 --json", &out, &err);
    ck_assert_int_eq(code, 0);
    o = json_loads(out, 0, &je);
    ck_assert_msg(o != NULL, "eval --json is not JSON: %s", out);
    ck_assert_str_eq(json_string_value(json_object_get(o, "status")), "ok");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o, "params"), "T_R")), "1/2");
    arb_init(lo); arb_init(hi); arb_init(e);
    arb_set_str(lo, json_string_value(json_object_get(json_object_get(o, "value"), "lo")), 300);
    arb_set_str(hi, json_string_value(json_object_get(json_object_get(o, "value"), "hi")), 300);
    arb_const_pi(e, 300);
    arb_sqr(e, e, 300);
    arb_mul_2exp_si(e, e, -1);     /* pi^2 * 1.5 / 3 */
    ck_assert(arb_le(lo, e) && arb_le(e, hi));
    arb_clear(lo); arb_clear(hi); arb_clear(e);
    json_decref(o);
    free(out);
    free(err);
}
END_TEST


/* every expect=error case of vectors/trajectory.json through eval: exit 2, the recorded
 * reason (which names the field) on stderr, nothing on stdout */
static const char *const bad_vector_files[] = {"vectors/trajectory.json", "vectors/pump.json"};

START_TEST(trajectory_bad_inputs_eval)
{
    json_error_t je;
    json_t *root = json_load_file(bad_vector_files[_i], 0, &je), *g, *t;
    size_t gi, ti;
    int nbad = 0;
    ck_assert_msg(root != NULL, "%s: %s", bad_vector_files[_i], je.text);
    json_array_foreach(json_object_get(root, "testGroups"), gi, g)
    json_array_foreach(json_object_get(g, "tests"), ti, t)
    {
        const char *key, *qname = NULL, *want = NULL;
        json_t *v, *outs = json_object_get(t, "outputs");
        char *argv[40], *owned[40], *out, *err;
        int n = 0, no = 0, code, k;
        if (strcmp(json_string_value(json_object_get(t, "expect")), "error") != 0)
            continue;
        json_object_foreach(outs, key, v)
        {
            qname = key;
            want = json_string_value(json_object_get(v, "reason"));
        }
        argv[n++] = (char *) tool();
        argv[n++] = "eval";
        argv[n++] = (char *) qname;
        json_object_foreach(json_object_get(t, "params"), key, v)
        {
            char *val = json_is_string(v) ? strdup(json_string_value(v)) : json_dumps(v, JSON_COMPACT);
            char *kv = malloc(strlen(key) + strlen(val) + 2);
            sprintf(kv, "%s=%s", key, val);
            free(val);
            owned[no++] = kv;
            argv[n++] = kv;
        }
        argv[n] = NULL;
        code = run(argv, &out, &err);
        ck_assert_msg(code == 2, "%s: exit %d, expected 2 (stderr %s)", json_string_value(json_object_get(t, "caseId")), code, err);
        ck_assert_msg(strstr(err, want) != NULL, "%s: stderr lacks \"%s\": %s", json_string_value(json_object_get(t, "caseId")), want, err);
        ck_assert_msg(out[0] == '\0', "printed on stdout: %s", out);
        for (k = 0; k < no; k++)
            free(owned[k]);
        free(out);
        free(err);
        nbad++;
    }
    ck_assert_msg(nbad >= 10, "only %d bad-input cases in %s", nbad, bad_vector_files[_i]);
    json_decref(root);
}
END_TEST

/* the driven qubit through eval --json: the reference is named, the five driven outputs are there with
 * their formulas, and Sigma (printed from D_0 - D_t + beta (W - Delta F)) encloses the same combination
 * of the printed enclosures of D_rel at t = 0 (a second eval), D_rel, W and Delta_F; bad ramps exit 2
 * naming the fields */
static void
json_ball(arb_t x, json_t *outs, const char *name)
{
    json_t *v = json_object_get(outs, name);
    arb_t hi;
    ck_assert_msg(v != NULL, "output %s missing", name);
    ck_assert_str_eq(json_string_value(json_object_get(v, "status")), "ok");
    arb_init(hi);
    arb_set_str(x, json_string_value(json_object_get(v, "lo")), 200);
    arb_set_str(hi, json_string_value(json_object_get(v, "hi")), 200);
    arb_union(x, x, hi, 200);
    arb_clear(hi);
}

/* a third bath through eval --json: its temperature defaults to T and is echoed as the exact number, its outputs
 * carry formulas, and the sum rule over the three baths encloses 0 (lemma P27) */
START_TEST(pump_extra_bath_eval)
{
    const char *line = "eval pump.lambda n_qubits=2 J=2 b=2 gamma_L=1 gamma_R=2 T=3/2 gamma_3=1/2 "
                       "A_3={\"dims\":[4,4],\"re\":[\"0\",\"0\",\"1\",\"0\",\"0\",\"0\",\"0\",\"1\",\"1\",\"0\",\"0\",\"0\",\"0\",\"1\",\"0\",\"0\"]} "
                       "Bx=1 Bz=1/2 --json";
    char *out, *err;
    json_t *o, *outs;
    json_error_t je;
    arb_t v;
    int code = run_line(line, &out, &err);
    ck_assert_msg(code == 0, "exit %d: %s", code, err);
    o = json_loads(out, 0, &je);
    ck_assert(o != NULL);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o, "params"), "T_3")), "3/2");
    outs = json_object_get(o, "outputs");
    ck_assert(strstr(json_string_value(json_object_get(json_object_get(outs, "Lambda_3_x"), "formula")), "bath 3") != NULL);
    ck_assert(json_object_get(outs, "Lambda_4_x") == NULL);
    arb_init(v);
    json_ball(v, outs, "sum_rule_x");
    ck_assert(arb_contains_zero(v) && mag_cmp_2exp_si(arb_radref(v), -90) < 0);
    json_ball(v, outs, "Lambda_3_x");
    ck_assert(!arb_contains_zero(v));
    arb_clear(v);
    json_decref(o);
    free(out); free(err);
}
END_TEST

START_TEST(ramp_eval_record)
{
    static const char *extra[] = {"W_dot", "W", "F_dot", "Delta_F", "D_rel_dot", NULL};
    const char *base = "eval qubit_ramp.trajectory omega0=1 omega1=1/2 beta=2 gamma=0.2 gamma_phi=0.05 x0=0.6 y0=0 z0=0.6";
    char line[300], *out, *err;
    json_t *o, *o0, *outs;
    json_error_t je;
    arb_t D0, Dt, W, dF, S, v;
    int code, i;
    snprintf(line, sizeof line, "%s t=2 --digits 25 --json", base);
    code = run_line(line, &out, &err);
    ck_assert_msg(code == 0, "exit %d: %s", code, err);
    o = json_loads(out, 0, &je);
    ck_assert(o != NULL);
    ck_assert_str_eq(json_string_value(json_object_get(o, "reference")), "instantaneous gibbs");
    outs = json_object_get(o, "outputs");
    for (i = 0; extra[i]; i++)
        ck_assert_msg(json_object_get(json_object_get(outs, extra[i]), "formula") != NULL, "%s has no formula", extra[i]);
    ck_assert(strstr(json_string_value(json_object_get(json_object_get(outs, "D_rel_dot"), "formula")), "identity 11") != NULL);
    free(out); free(err);
    snprintf(line, sizeof line, "%s t=0 --digits 25 --json", base);
    code = run_line(line, &out, &err);
    ck_assert_msg(code == 0, "exit %d: %s", code, err);
    o0 = json_loads(out, 0, &je);
    arb_init(D0); arb_init(Dt); arb_init(W); arb_init(dF); arb_init(S); arb_init(v);
    json_ball(D0, json_object_get(o0, "outputs"), "D_rel");
    json_ball(Dt, outs, "D_rel");
    json_ball(W, outs, "W");
    json_ball(dF, outs, "Delta_F");
    json_ball(S, outs, "Sigma");
    arb_sub(v, W, dF, 200);
    arb_mul_2exp_si(v, v, 1);                   /* beta = 2 */
    arb_add(v, v, D0, 200);
    arb_sub(v, v, Dt, 200);
    ck_assert(qt_overlaps(v, S));
    ck_assert(mag_cmp_2exp_si(arb_radref(v), -70) < 0);
    arb_clear(D0); arb_clear(Dt); arb_clear(W); arb_clear(dF); arb_clear(S); arb_clear(v);
    json_decref(o); json_decref(o0);
    free(out); free(err);
    snprintf(line, sizeof line, "eval qubit_ramp.trajectory omega0=1 omega1=-1/2 beta=2 gamma=0.2 z0=0.6 t=2");
    code = run_line(line, &out, &err);
    ck_assert_int_eq(code, 2);
    ck_assert(strstr(err, "omega1, t") != NULL && out[0] == '\0');
    free(out); free(err);
}
END_TEST

/* a record through eval --json: every output under its name; at t* the closed forms
 * S = ln 2 and Sigma = ln 2 + beta omega / 2 lie in [lo, hi]; beta_R is undefined, with a reason */
START_TEST(trajectory_eval_record)
{
    static const char *names[] = {"S", "S_dot", "S_E", "S_E_dot", "C_rel", "C_rel_dot", "E", "J", "Q",
        "D_rel", "sigma", "Pi_d", "Pi_c", "dS_interior", "dS_exterior", "beta_A", "beta_R", "beta_E", "Sigma", NULL};
    char *out, *err;
    json_t *o, *outs;
    json_error_t je;
    arb_t lo, hi, e;
    int code, i;
    code = run_line("eval qubit_davies.trajectory omega=1 beta=1 gamma=0.2 gamma_phi=0.05 x0=0.6 y0=0 z0=0.6 t=2 --json", &out, &err);
    ck_assert_msg(code == 0, "exit %d: %s", code, err);
    o = json_loads(out, 0, &je);
    ck_assert(o != NULL);
    outs = json_object_get(o, "outputs");
    for (i = 0; names[i]; i++)
    {
        json_t *v = json_object_get(outs, names[i]);
        ck_assert_msg(v != NULL, "output %s missing", names[i]);
        ck_assert_str_eq(json_string_value(json_object_get(v, "status")), "ok");
    }
    ck_assert(json_object_get(json_object_get(outs, "beta_A"), "ratio_of") != NULL);
    json_decref(o);
    free(out);
    free(err);
    code = run_line("eval qubit_davies.trajectory omega=1 beta=1 gamma=0.2 gamma_phi=0.05 x0=0 z0=1 t=tstar --digits 40 --json", &out, &err);
    ck_assert_msg(code == 0, "exit %d: %s", code, err);
    o = json_loads(out, 0, &je);
    outs = json_object_get(o, "outputs");
    arb_init(lo); arb_init(hi); arb_init(e);
    arb_set_str(lo, json_string_value(json_object_get(json_object_get(outs, "S"), "lo")), 300);
    arb_set_str(hi, json_string_value(json_object_get(json_object_get(outs, "S"), "hi")), 300);
    arb_const_log2(e, 300);
    ck_assert(arb_le(lo, e) && arb_le(e, hi));
    arb_set_str(lo, json_string_value(json_object_get(json_object_get(outs, "Sigma"), "lo")), 300);
    arb_set_str(hi, json_string_value(json_object_get(json_object_get(outs, "Sigma"), "hi")), 300);
    arb_set_str(hi, json_string_value(json_object_get(json_object_get(outs, "Sigma"), "hi")), 300);
    arb_add_error_2exp_si(e, -1000);
    {
        arb_t h;
        arb_init(h);
        arb_set_d(h, 0.5);
        arb_add(e, e, h, 300);
        arb_clear(h);
    }
    ck_assert(arb_le(lo, e) && arb_le(e, hi));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(outs, "beta_R"), "status")), "domain-error");
    ck_assert(json_object_get(json_object_get(outs, "beta_R"), "reason") != NULL);
    arb_clear(lo); arb_clear(hi); arb_clear(e);
    json_decref(o);
    free(out);
    free(err);
}
END_TEST

/* an eigenvalue of rho(t) that is positive but far below the precision (|g> under a bath at beta = 1000: the
 * excited population is about 1e-435): S_dot is an honest infinite enclosure and eval exits 1; the same pure
 * state under unitary dynamics (a bath at rate 0) is certified by lemma E12: S_dot = 0 exactly, exit 0 */
START_TEST(trajectory_uncertified_exit)
{
    char *out, *err;
    int code = run_line("eval lindblad.trajectory H={\"dims\":[2,2],\"re\":[\"0.5\",\"0\",\"0\",\"-0.5\"]} "
                        "rho0={\"dims\":[2,2],\"re\":[\"0\",\"0\",\"0\",\"1\"]} "
                        "baths=[{\"beta\":\"1000\",\"channels\":[{\"L\":{\"dims\":[2,2],\"re\":[\"0\",\"0\",\"1\",\"0\"]},\"gamma\":\"0.3\",\"omega\":\"1\"}]}] "
                        "t=1 --digits 10", &out, &err);
    ck_assert_msg(code == 1, "exit %d, expected 1: %s", code, err);
    ck_assert_msg(strstr(out, "S_dot") != NULL && strstr(out, "could not certify") != NULL, "%s", out);
    ck_assert_msg(strstr(err, "could not be certified") != NULL, "%s", err);
    free(out);
    free(err);
    code = run_line("eval lindblad.trajectory H={\"dims\":[2,2],\"re\":[\"0.5\",\"0\",\"0\",\"-0.5\"]} "
                    "rho0={\"dims\":[2,2],\"re\":[\"0.5\",\"0.5\",\"0.5\",\"0.5\"]} "
                    "baths=[{\"beta\":\"1\",\"channels\":[{\"L\":{\"dims\":[2,2],\"re\":[\"0\",\"0\",\"1\",\"0\"]},\"gamma\":\"0\",\"omega\":\"1\"}]}] "
                    "t=1 --digits 10", &out, &err);
    ck_assert_msg(code == 0, "exit %d, expected 0: %s", code, err);
    ck_assert_msg(strstr(out, "S_dot        = 0.0") != NULL && strstr(out, "beta_A       undefined") != NULL, "%s", out);
    free(out);
    free(err);
}
END_TEST

START_TEST(list_all)
{
    char *out, *err;
    json_t *o;
    json_error_t je;
    ck_assert_int_eq(run_line("list --json", &out, &err), 0);
    o = json_loads(out, 0, &je);
    ck_assert(o != NULL && json_is_array(o));
    ck_assert_int_eq((int) json_array_size(o), 32);
    json_decref(o);
    free(out);
    free(err);
    ck_assert_int_eq(run_line("list", &out, &err), 0);
    ck_assert(strstr(out, "landauer.reduced_entropy_current_R") != NULL);
    ck_assert(strstr(out, "qubit_ramp.trajectory") != NULL);
    free(out);
    free(err);
}
END_TEST

/* gen a small spec, then check doctored results against it */
START_TEST(check_doctored_results)
{
    char spec[400], vec[400], res[400], line[1200];
    char *out, *err;
    const char *specjson =
        "{\"family\":\"landauer\",\"groups\":["
        "{\"name\":\"g\",\"digits\":\"20\",\"outputs\":[\"landauer.particle_current\",\"landauer.entropy_current\"],"
        " \"common\":{\"stats\":\"fermion\",\"model\":\"ideal\"},"
        " \"cases\":[{\"caseId\":\"c1\",\"params\":{\"tau\":\"1/2\",\"mu_L\":\"0.5\",\"T_L\":\"1\",\"mu_R\":\"-0.5\",\"T_R\":\"1\"}}]},"
        "{\"name\":\"e\",\"expectError\":true,\"outputs\":[\"landauer.particle_current\"],"
        " \"cases\":[{\"caseId\":\"c2\",\"params\":{\"stats\":\"boson\",\"model\":\"ideal\",\"T_L\":\"2\",\"T_R\":\"1\"}}]}]}";
    snprintf(spec, sizeof spec, "%s/spec.json", tmpdir);
    snprintf(vec, sizeof vec, "%s/vec.json", tmpdir);
    snprintf(res, sizeof res, "%s/res.jsonl", tmpdir);
    spit(spec, specjson);
    snprintf(line, sizeof line, "gen %s -o %s", spec, vec);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    free(out); free(err);

    /* exact closed forms: I_N = tau dmu = 0.5 and I_S = 0 (equal T); error expected for c2 */
    spit(res, "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":\"0.5\"}\n"
              "{\"caseId\":\"c1\",\"output\":\"landauer.entropy_current\",\"value\":\"0\"}\n"
              "{\"caseId\":\"c2\",\"output\":\"landauer.particle_current\",\"value\":\"error\"}\n");
    snprintf(line, sizeof line, "check %s %s", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    ck_assert_msg(strstr(out, "3 passed, 0 failed") != NULL, "%s", out);
    free(out); free(err);

    /* a double-precision answer passes with rtol 1e-15, fails with rtol 0 */
    spit(res, "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":\"0.50000000000000011\"}\n"
              "{\"caseId\":\"c1\",\"output\":\"landauer.entropy_current\",\"value\":\"1e-17\"}\n"
              "{\"caseId\":\"c2\",\"output\":\"landauer.particle_current\",\"value\":\"inf\"}\n");
    ck_assert_int_eq(run_line(line, &out, &err), 0);     /* no option: the group's stated tolerance */
    ck_assert_msg(strstr(out, "stated tolerance") != NULL && strstr(out, "3 passed, 0 failed") != NULL, "%s", out);
    free(out); free(err);
    snprintf(line, sizeof line, "check %s %s --rtol 0 --atol 0", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 1);
    ck_assert_msg(strstr(out, "OUTSIDE") != NULL && strstr(out, "1 passed, 2 failed") != NULL, "%s", out);
    free(out); free(err);
    snprintf(line, sizeof line, "check %s %s --rtol 1e-15 --atol 1e-16", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    ck_assert_msg(strstr(out, "3 passed, 0 failed") != NULL, "%s", out);
    free(out); free(err);

    /* missing, malformed, unknown caseId, unknown output, duplicate, nonfinite, a boolean value, wrong status */
    spit(res, "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":\"nan\"}\n"
              "this is not json\n"
              "{\"caseId\":\"zz\",\"output\":\"landauer.particle_current\",\"value\":\"1\"}\n"
              "{\"caseId\":\"c1\",\"output\":\"landauer.nope\",\"value\":\"1\"}\n"
              "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":\"0.5\"}\n"
              "{\"caseId\":\"c1\",\"output\":\"landauer.entropy_current\",\"value\":true}\n"
              "{\"caseId\":\"c2\",\"output\":\"landauer.particle_current\",\"value\":\"12.5\"}\n");
    snprintf(line, sizeof line, "check %s %s", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 1);
    ck_assert_msg(strstr(out, "NONFINITE") && strstr(out, "MALFORMED") && strstr(out, "UNKNOWN")
                  && strstr(out, "DUPLICATE") && strstr(out, "MISSING") && strstr(out, "WRONG_STATUS"), "%s", out);
    ck_assert_msg(strstr(out, "0 passed, 8 failed") != NULL, "%s", out);
    free(out); free(err);

    /* a JSON number is read from its literal text, exactly (0.50000000000000011 is not the double 0.5000000000000001);
       stdin as RESULTS; --subset counts absent results as not checked; --ulps; --junit */
    spit(res, "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":0.50000000000000011}\n");
    snprintf(line, sizeof line, "check %s - --subset --rtol 1e-16", vec);
    ck_assert_int_eq(run_line_stdin(line, res, &out, &err), 1);
    ck_assert_msg(strstr(out, "0 passed, 1 failed, 2 not checked") != NULL && strstr(out, "OUTSIDE") != NULL, "%s", out);
    free(out); free(err);
    snprintf(line, sizeof line, "check %s %s --subset --ulps 1 --junit %s/j.xml", vec, res, tmpdir);
    ck_assert_int_eq(run_line(line, &out, &err), 0);
    ck_assert_msg(strstr(out, "1 passed, 0 failed, 2 not checked") != NULL, "%s", out);
    free(out); free(err);
    {
        char jp[500], *j;
        snprintf(jp, sizeof jp, "%s/j.xml", tmpdir);
        j = slurp(jp);
        ck_assert(j != NULL && strstr(j, "tests=\"3\" failures=\"0\" skipped=\"2\"") != NULL);
        free(j);
    }
    snprintf(line, sizeof line, "check %s %s --case c2 --output landauer.particle_current", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 1);
    ck_assert_msg(strstr(out, "MISSING: c2") != NULL && strstr(out, "0 passed, 1 failed, 2 not checked") != NULL, "%s", out);
    free(out); free(err);
    {
        /* a NUL byte in a line is malformed, not the end of the line */
        static const char nul[] = "{\"caseId\":\"c1\",\"output\":\"landauer.particle_current\",\"value\":\"0.5\"}\0garbage\n";
        FILE *fn = fopen(res, "wb");
        fwrite(nul, 1, sizeof nul - 1, fn);
        fclose(fn);
    }
    snprintf(line, sizeof line, "check %s %s --subset", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 1);
    ck_assert_msg(strstr(out, "NUL byte") != NULL, "%s", out);
    free(out); free(err);

    /* bad tolerance */
    snprintf(line, sizeof line, "check %s %s --rtol -1", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 2);
    ck_assert(strstr(err, "--rtol must be") != NULL);
    free(out); free(err);
    snprintf(line, sizeof line, "check %s %s --ulps 2 --rtol 1e-9", vec, res);
    ck_assert_int_eq(run_line(line, &out, &err), 2);
    free(out); free(err);
}
END_TEST

/* the committed vectors validate against the schema; a doctored copy does not */
START_TEST(schema_validation)
{
    char *out, *err, bad[400], cmd[1200];
    char *argv[8];
    int code;
    char *text;
    if (access("/usr/bin/python3", X_OK) != 0)
        ck_abort_msg("/usr/bin/python3 missing: run scripts/install-deps");
    argv[0] = "/bin/sh";
    argv[1] = "-c";
    argv[2] = "scripts/validate-vectors vectors/*.json";
    argv[3] = NULL;
    code = run(argv, &out, &err);
    ck_assert_msg(code == 0, "schema validation failed: %s %s", out, err);
    free(out); free(err);
    text = slurp("vectors/landauer_ideal.json");
    ck_assert(text != NULL);
    {
        char *p = strstr(text, "\"status\": \"ok\"");
        ck_assert(p != NULL);
        memcpy(p, "\"status\": \"OK\"", 14);
    }
    snprintf(bad, sizeof bad, "%s/doctored.json", tmpdir);
    spit(bad, text);
    free(text);
    snprintf(cmd, sizeof cmd, "scripts/validate-vectors %s", bad);
    argv[2] = cmd;
    code = run(argv, &out, &err);
    ck_assert_msg(code != 0 && strstr(out, "INVALID") != NULL, "a doctored file passed the schema: %s", out);
    free(out); free(err);
}
END_TEST

/* make vectors reproduces vectors/ byte for byte: regenerate every spec with the committed
 * file's provenance (so only numbers and format are compared), then check the provenance
 * is that of the current generator when the tree is clean. */
START_TEST(vectors_reproduce)
{
    const char *names[] = {"landauer_ideal", "landauer_lorentzian", "landauer_box", "driven_level", "state"};
    int i;
    for (i = 0; i < 5; i++)
    {
        char spec[300], vec[300], outp[400], line[1000];
        char *a, *b, *out, *err;
        json_t *v, *src;
        json_error_t je;
        const char *commit, *dirty_env = getenv("QTORACLE_GIT_DIRTY"), *commit_env = getenv("QTORACLE_GIT_COMMIT");
        snprintf(spec, sizeof spec, "vectors/specs/%s.json", names[i]);
        snprintf(vec, sizeof vec, "vectors/%s.json", names[i]);
        snprintf(outp, sizeof outp, "%s/regen_%s.json", tmpdir, names[i]);
        v = json_load_file(vec, 0, &je);
        ck_assert_msg(v != NULL, "cannot read %s", vec);
        src = json_object_get(json_array_get(json_object_get(v, "testGroups"), 0), "source");
        commit = json_string_value(json_object_get(src, "git_commit"));
        ck_assert_msg(json_is_false(json_object_get(src, "git_dirty")), "%s was generated from a dirty tree", vec);
        if (dirty_env && strcmp(dirty_env, "false") == 0 && commit_env)
            ck_assert_msg(strcmp(commit, commit_env) == 0,
                          "%s is stale: generated at %s, generator last changed at %s (run make vectors)", vec, commit, commit_env);
        setenv("QTORACLE_GIT_COMMIT", commit, 1);
        setenv("QTORACLE_GIT_DIRTY", "false", 1);
        snprintf(line, sizeof line, "gen %s -o %s", spec, outp);
        ck_assert_int_eq(run_line(line, &out, &err), 0);
        a = slurp(vec);
        b = slurp(outp);
        ck_assert_msg(a && b && strcmp(a, b) == 0, "%s is not reproduced byte for byte by make vectors", vec);
        free(a); free(b); free(out); free(err);
        json_decref(v);
        snprintf(line, sizeof line, "selfcheck %s", vec);
        ck_assert_int_eq(run_line(line, &out, &err), 0);
        free(out); free(err);
    }
}
END_TEST

/* a solver right to double precision passes every shipped vector file with no tolerance option (the groups' stated
   tolerances), and a value wrong in the 6th digit fails: results made from each output's midpoint rounded to a double
   and moved by 1e-13 relative, exact zeros by 1e-14 of the group's scale */
START_TEST(double_precision_passes_stated_tolerance)
{
    static const char *files[] = {"landauer_ideal", "landauer_lorentzian", "landauer_box", "driven_level", "state",
                                  "trajectory", "pump", "pump_convention_scan", "pump_rotor_map"};
    size_t fi;
    for (fi = 0; fi < sizeof files / sizeof files[0]; fi++)
    {
        char vec[300], res[400], bad[400], line[1200];
        char *out, *err;
        json_error_t je;
        json_t *v, *g, *t, *o;
        size_t gi, ti;
        FILE *fr, *fb;
        snprintf(vec, sizeof vec, "vectors/%s.json", files[fi]);
        snprintf(res, sizeof res, "%s/dp_%s.jsonl", tmpdir, files[fi]);
        snprintf(bad, sizeof bad, "%s/wrong_%s.jsonl", tmpdir, files[fi]);
        v = json_load_file(vec, 0, &je);
        ck_assert_msg(v != NULL, "%s", vec);
        fr = fopen(res, "w");
        fb = fopen(bad, "w");
        json_array_foreach(json_object_get(v, "testGroups"), gi, g)
        {
            double scale = 0;
            const char *name;
            json_array_foreach(json_object_get(g, "tests"), ti, t)
                json_object_foreach(json_object_get(t, "outputs"), name, o)
                {
                    const char *m = json_string_value(json_object_get(o, "mid"));
                    double d = m ? fabs(strtod(m, NULL)) : 0;
                    if (isfinite(d) && d > scale)
                        scale = d;
                }
            json_array_foreach(json_object_get(g, "tests"), ti, t)
            {
                const char *caseId = json_string_value(json_object_get(t, "caseId"));
                json_object_foreach(json_object_get(t, "outputs"), name, o)
                {
                    const char *st = json_string_value(json_object_get(o, "status"));
                    const char *m = json_string_value(json_object_get(o, "mid"));
                    char val[64], wrong[64];
                    if (strcmp(st, "ok") != 0)
                    {
                        strcpy(val, "error");
                        strcpy(wrong, "error");
                    }
                    else
                    {
                        double d = strtod(m, NULL);
                        if (isinf(d))
                        {
                            strcpy(val, d > 0 ? "inf" : "-inf");
                            strcpy(wrong, val);
                        }
                        else
                        {
                            snprintf(val, sizeof val, "%.17g", d == 0 ? 1e-14 * scale : d * (1 + 1e-13));
                            snprintf(wrong, sizeof wrong, "%.17g", d == 0 ? 1e-3 * scale + 1e-3 : d * (1 + 1e-6));
                        }
                    }
                    fprintf(fr, "{\"caseId\": \"%s\", \"output\": \"%s\", \"value\": \"%s\"}\n", caseId, name, val);
                    fprintf(fb, "{\"caseId\": \"%s\", \"output\": \"%s\", \"value\": \"%s\"}\n", caseId, name, wrong);
                }
            }
        }
        fclose(fr);
        fclose(fb);
        json_decref(v);
        snprintf(line, sizeof line, "check %s %s", vec, res);
        ck_assert_msg(run_line(line, &out, &err) == 0, "%s: a double-precision solver fails the stated tolerance:\n%.3000s", vec, out);
        ck_assert_msg(strstr(out, " 0 failed, 0 not checked") != NULL && strstr(out, "each group's stated tolerance") != NULL,
                      "%s", out);
        free(out); free(err);
        snprintf(line, sizeof line, "check %s %s", vec, bad);
        ck_assert_msg(run_line(line, &out, &err) == 1, "%s: values wrong in the 6th digit pass", vec);
        free(out); free(err);
    }
}
END_TEST

/* the friendly command line: --digits=D, COMMAND --help, compact JSON and --pretty */
START_TEST(command_line_forms)
{
    char *out, *err;
    const char *cmds[] = {"list", "eval", "gen", "check", "selfcheck", "audit", "sweep"};
    size_t i;
    ck_assert_int_eq(run_line("eval landauer.particle_current " LOR " --digits=12 --json", &out, &err), 0);
    ck_assert_msg(strchr(out, '\n') == strrchr(out, '\n') && strstr(out, "\"digits\":12") != NULL, "%s", out);
    free(out); free(err);
    ck_assert_int_eq(run_line("eval landauer.particle_current " LOR " --json --pretty", &out, &err), 0);
    ck_assert(strstr(out, "\n \"quantity\"") != NULL);
    free(out); free(err);
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
    {
        char line[64];
        snprintf(line, sizeof line, "%s --help", cmds[i]);
        ck_assert_int_eq(run_line(line, &out, &err), 0);
        ck_assert_msg(strstr(out, "usage: qtoracle") != NULL && err[0] == '\0', "%s", cmds[i]);
        free(out); free(err);
    }
    {
        /* gen --progress: one line per finished case on stderr ("gen: k/n TOTALs +CASEs LABEL"), serial and with
           workers, nothing on stdout, the same file as without it */
        char line[1200], *a, *b, *q;
        int jobs, lines;
        for (jobs = 1; jobs <= 2; jobs++)
        {
            snprintf(line, sizeof line, "gen vectors/specs/state.json -o %s/p%d.json --progress --jobs %d", tmpdir,
                     jobs == 1 ? 1 : 3, jobs);
            ck_assert_int_eq(run_line(line, &out, &err), 0);
            ck_assert_msg(out[0] == '\0' && strstr(err, "gen: 1/36 ") == err && strstr(err, "s +") != NULL
                          && strstr(err, "relative/mixed/to-pure\n") != NULL && strstr(err, "gen: 36/36 ") != NULL,
                          "%s", err);
            for (lines = 0, q = err; (q = strchr(q, '\n')) != NULL; q++)
                lines++;
            ck_assert_msg(lines == 36, "one line per case, --jobs %d: %s", jobs, err);
            free(out); free(err);
        }
        snprintf(line, sizeof line, "gen vectors/specs/state.json -o %s/p2.json", tmpdir);
        ck_assert_int_eq(run_line(line, &out, &err), 0);
        ck_assert_msg(err[0] == '\0', "no progress unless asked or on a terminal: %s", err);
        free(out); free(err);
        snprintf(line, sizeof line, "%s/p1.json", tmpdir);
        a = slurp(line);
        snprintf(line, sizeof line, "%s/p2.json", tmpdir);
        b = slurp(line);
        ck_assert(a != NULL && b != NULL && strcmp(a, b) == 0);
        free(a); free(b);
    }
}
END_TEST

/* the conventions written into the vector files come from the library, and each family's user guide shows the same
   text (docs/<family>.md) */
START_TEST(conventions_match_guides)
{
    static const struct { const qt_convention *c; const char *guide; } fam[] = {
        {qt_landauer_conventions, "docs/landauer.md"}, {qt_state_conventions, "docs/open_systems.md"},
        {qt_trajectory_conventions, "docs/open_systems.md"}, {qt_pump_conventions, "docs/pumping.md"}};
    size_t f;
    for (f = 0; f < sizeof fam / sizeof fam[0]; f++)
    {
        char *doc = slurp(fam[f].guide);
        const qt_convention *k;
        int n = 0;
        ck_assert_msg(doc != NULL, "cannot read %s", fam[f].guide);
        for (k = fam[f].c; k->key != NULL; k++, n++)
        {
            char line[2048];
            snprintf(line, sizeof line, "- %s: %s\n", k->key, k->text);
            ck_assert_msg(strstr(doc, line) != NULL, "%s does not show the convention \"%s\" as the library states it",
                          fam[f].guide, k->key);
        }
        ck_assert(n >= 4);
        free(doc);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("oracle");
    TCase *tc = tcase_create("oracle");
    if (qt_tool_tmpdir())
        return EXIT_FAILURE;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, eval_json_contains_closed_form);
    tcase_add_test(tc, list_all);
    tcase_add_loop_test(tc, trajectory_bad_inputs_eval, 0, 2);
    tcase_add_test(tc, trajectory_eval_record);
    tcase_add_test(tc, ramp_eval_record);
    tcase_add_test(tc, pump_extra_bath_eval);
    tcase_add_test(tc, trajectory_uncertified_exit);
    tcase_add_test(tc, check_doctored_results);
    tcase_add_test(tc, schema_validation);
    tcase_add_test(tc, vectors_reproduce);
    tcase_add_test(tc, conventions_match_guides);
    tcase_add_test(tc, command_line_forms);
    tcase_add_test(tc, double_precision_passes_stated_tolerance);
    suite_add_tcase(s, tc);
    {
        int code = qt_test_run(s);
        qt_tool_cleanup();
        return code;
    }
}
