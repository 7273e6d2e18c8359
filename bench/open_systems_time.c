/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/open_systems_time.c -- seconds per certified lindblad.trajectory record (the path of
 * `qtoracle eval`: every output, to the requested digits) for the two-qubit case
 * lb/two-qubits/random/t=1 of vectors/specs/trajectory.json.  Prints "digits seconds S sigma
 * beta_A beta_R beta_E" (values to 17 digits, for the comparison with QuTiP). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "qtoracle/qtoracle.h"
#include "qtoracle/trajectory.h"
#include "bench_clock.h"

static void
matrix(qt_qmat_t A, json_t *o)
{
    json_t *re = json_object_get(o, "re"), *im = json_object_get(o, "im");
    slong n = json_integer_value(json_array_get(json_object_get(o, "dims"), 0)), k;
    const char **r = malloc(n * n * sizeof(char *)), **i = im ? malloc(n * n * sizeof(char *)) : NULL;
    char err[256];
    for (k = 0; k < n * n; k++)
    {
        r[k] = json_string_value(json_array_get(re, k));
        if (i)
            i[k] = json_string_value(json_array_get(im, k));
    }
    qt_qmat_clear(A);
    qt_qmat_init(A, n);
    if (qt_qmat_set_strings(A, r, i, err, sizeof err))
        abort();
    free(r);
    free(i);
}

static void
q(fmpq_t x, json_t *s)
{
    char e[256];
    if (qt_exact_parse(x, json_string_value(s), e, sizeof e))
        abort();
}

static arb_t tt;

static void
fn(qt_record_t R, const void *p, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_round(t, tt, prec);
    qt_lindblad_trajectory(R, (const qt_open_model_struct *) p, t, 0, prec);
    arb_clear(t);
}

int
main(int argc, char **argv)
{
    slong digits = argc > 1 ? atol(argv[1]) : 15;
    json_error_t je;
    json_t *spec = json_load_file("vectors/specs/trajectory.json", 0, &je), *g, *c, *params = NULL;
    size_t gi, ci, j, k;
    qt_open_model_t M;
    qt_record_t R;
    char why[QT_REASON_LEN];
    int reps = 0, idx[] = {QT_TR_S, QT_TR_SIGMA, QT_TR_BETA_A, QT_TR_BETA_R, QT_TR_BETA_E};
    double t0, el;
    fmpq_t tq;

    json_array_foreach(json_object_get(spec, "groups"), gi, g)
        json_array_foreach(json_object_get(g, "cases"), ci, c)
            if (strcmp(json_string_value(json_object_get(c, "caseId")), "lb/two-qubits/random/t=1") == 0)
                params = json_object_get(c, "params");
    if (params == NULL)
        return 1;
    qt_open_model_init(M, 4, (slong) json_array_size(json_object_get(params, "baths")));
    matrix(M->H, json_object_get(params, "H"));
    matrix(M->rho0, json_object_get(params, "rho0"));
    json_array_foreach(json_object_get(params, "baths"), j, g)
    {
        json_t *chs = json_object_get(g, "channels");
        M->bath[j].has_beta = 1;
        q(M->bath[j].beta, json_object_get(g, "beta"));
        qt_open_model_bath_channels(M, (slong) j, (slong) json_array_size(chs));
        json_array_foreach(chs, k, c)
        {
            qt_channel_struct *ch = M->bath[j].ch + k;
            matrix(ch->L, json_object_get(c, "L"));
            q(ch->gamma, json_object_get(c, "gamma"));
            ch->kind = strcmp(json_string_value(json_object_get(c, "kind")), "thermal") ? QT_CH_PLAIN : QT_CH_THERMAL;
            if (ch->kind == QT_CH_THERMAL)
                q(ch->omega, json_object_get(c, "omega"));
        }
    }
    if (qt_open_model_validate(M, why) != QT_OK)
    {
        fprintf(stderr, "%s\n", why);
        return 1;
    }
    fmpq_init(tq);
    q(tq, json_object_get(params, "t"));
    arb_init(tt);
    arb_set_fmpq(tt, tq, 4096);

    t0 = now();
    do
    {
        qt_traj_record_init(R, 0);
        if (qt_eval_digits_record(R, fn, M, digits) != QT_OK)
        {
            fprintf(stderr, "not certified\n");
            return 1;
        }
        reps++;
        el = now() - t0;
        if (el < 0.5)
            qt_record_clear(R);
    }
    while (el < 0.5);
    printf("%ld %.6g", (long) digits, el / reps);
    for (k = 0; k < 5; k++)
        printf(" %s", arf_get_str(arb_midref(&R->out[idx[k]].value), 17));
    printf("\n");
    qt_record_clear(R);
    qt_open_model_clear(M);
    json_decref(spec);
    return 0;
}
