#define _POSIX_C_SOURCE 200809L
/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* family_pump.c -- the tool's family pump.*: the model (n_qubits, J, b, rates, temperatures, conventions, couplings,
 * further baths), a point (Bx, Bz) or a protocol, and the records (ref/pump). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

typedef struct
{
    qt_pump_params_t pump;
    qt_protocol_t proto;
    fmpq_t Bx, Bz;
}
pump_params;

static void
pump_init(void *fp)
{
    pump_params *X = fp;
    qt_pump_params_init(X->pump);
    qt_protocol_init(X->proto);
    fmpq_init(X->Bx);
    fmpq_init(X->Bz);
}

static void
pump_clear(void *fp)
{
    pump_params *X = fp;
    qt_pump_params_clear(X->pump);
    qt_protocol_clear(X->proto);
    fmpq_clear(X->Bx);
    fmpq_clear(X->Bz);
}

/* baths 3 and 4 (lemma P27): gamma_n (required to add the bath), A_n (required with it: an exact Hermitian matrix),
   T_n (default T); bath 4 only after bath 3 */
static int
extra_baths(qo_params *p, pump_params *X, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const keys[2][3] = {{"gamma_3", "T_3", "A_3"}, {"gamma_4", "T_4", "A_4"}};
    int i, j;
    for (i = 0; i < 2; i++)
    {
        fmpq_t g, T;
        qt_qmat_t A;
        int bad;
        if (qo_lookup(kv, keys[i][0]) == NULL)
        {
            for (j = 1; j < 3; j++)
                if (qo_lookup(kv, keys[i][j]) != NULL)
                {
                    snprintf(err, errlen, "%s: given without %s (bath %d needs its rate %s, coupling matrix %s and optionally its temperature %s)",
                             keys[i][j], keys[i][0], i + 3, keys[i][0], keys[i][2], keys[i][1]);
                    return 1;
                }
            for (j = i + 1; j < 2; j++)
                if (qo_lookup(kv, keys[j][0]) != NULL)
                {
                    snprintf(err, errlen, "%s: bath %d needs bath %d (give %s first)", keys[j][0], j + 3, i + 3, keys[i][0]);
                    return 1;
                }
            return 0;
        }
        fmpq_init(g); fmpq_init(T);
        bad = qo_exact_param(p, g, kv, keys[i][0], NULL, "rate of the further bath, > 0", err, errlen);
        if (!bad && qo_lookup(kv, keys[i][1]) != NULL)
            bad = qo_exact_param(p, T, kv, keys[i][1], NULL, "temperature of the further bath, > 0 (default: T)", err, errlen);
        else if (!bad)
        {
            /* the default T, echoed as the exact number (the echo keeps the string: owned by p) */
            char *ts = fmpq_get_str(NULL, 10, X->pump->T);
            qo_echo_add(p, keys[i][1], qo_echo_own(p, strdup(ts)));
            flint_free(ts);
            fmpq_set(T, X->pump->T);
        }
        if (!bad && qo_matrix_param(p, A, kv, keys[i][2], err, errlen) == 0)
        {
            qt_pump_params_add_bath(X->pump, g, T, A);
            qt_qmat_clear(A);
        }
        else
            bad = 1;
        fmpq_clear(g); fmpq_clear(T);
        if (bad)
            return 1;
    }
    return 0;
}

static int
parse_pump(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const point[] = {"n_qubits", "J", "Delta", "b", "gamma_L", "gamma_R", "T", "T_R", "convention", "coupling", "A_L", "A_R",
                                        "gamma_3", "T_3", "A_3", "gamma_4", "T_4", "A_4", "Bx", "Bz", NULL};
    static const char *const cyc[] = {"n_qubits", "J", "Delta", "b", "gamma_L", "gamma_R", "T", "T_R", "convention", "coupling", "A_L", "A_R",
                                      "gamma_3", "T_3", "A_3", "gamma_4", "T_4", "A_4", "protocol",
                                      "center_x", "center_z", "radius", "r0", "r1", "theta0", "theta1", "vertices", "period", NULL};
    static const char *const conv[] = {"pauli", "spin", NULL};
    static const char *const coup[] = {"default", "b_on_R", "b_on_L", "crossed", "local", "matrix", NULL};
    static const char *const prot[] = {"circle", "sector", "polygon", "quadrant", "quarter_disc", NULL};
    char reason[QT_REASON_LEN];
    fmpq_t nq, J, b;
    int is_point = q->which != QO_PUMP_HEAT, c, k, bad = 1;
    pump_params *X = p->fp;
    fmpq_init(nq); fmpq_init(J); fmpq_init(b);
    if (qo_check_known(kv, is_point ? point : cyc, q, "", err, errlen))
        goto out;
    if (qo_exact_param(p, nq, kv, "n_qubits", "1", "number of qubits", err, errlen)) goto out;
    if (!fmpz_is_one(fmpq_denref(nq)) || fmpz_cmp_si(fmpq_numref(nq), 1) < 0 || fmpz_cmp_si(fmpq_numref(nq), 3) > 0)
    {
        snprintf(err, errlen, "n_qubits must be 1, 2 or 3, got \"%s\"", qo_lookup(kv, "n_qubits"));
        goto out;
    }
    X->pump->n_qubits = fmpz_get_si(fmpq_numref(nq));
    if (qo_exact_param(p, X->pump->J, kv, "J", "0", "exchange coupling", err, errlen)) goto out;
    if (qo_exact_param(p, X->pump->Delta, kv, "Delta", "1", "anisotropy of the exchange (1: Heisenberg)", err, errlen)) goto out;
    if (qo_exact_param(p, X->pump->b, kv, "b", "1", "coupling asymmetry of qubit 2", err, errlen)) goto out;
    if (qo_exact_param(p, X->pump->gamma_L, kv, "gamma_L", NULL, "rate of bath L, > 0", err, errlen)) goto out;
    if (qo_exact_param(p, X->pump->gamma_R, kv, "gamma_R", NULL, "rate of bath R, > 0", err, errlen)) goto out;
    if (qo_exact_param(p, X->pump->T, kv, "T", NULL, "common bath temperature, > 0", err, errlen)) goto out;
    if (qo_lookup(kv, "T_R") != NULL)
    {
        /* bath R at its own temperature (one qubit; rho0 is then the non-equilibrium steady state) */
        if (qo_exact_param(p, X->pump->T_R, kv, "T_R", NULL, "temperature of bath R, > 0 (default: T)", err, errlen)) goto out;
        if (fmpq_sgn(X->pump->T_R) <= 0)
        {
            snprintf(err, errlen, "T_R: the temperature of bath R must be > 0, got \"%s\"", qo_lookup(kv, "T_R"));
            goto out;
        }
    }
    if (qo_choice_param(p, kv, "convention", conv, "pauli", &c, err, errlen)) goto out;
    X->pump->convention = c == 0 ? QT_PUMP_PAULI : QT_PUMP_SPIN;
    if (qo_choice_param(p, kv, "coupling", coup, "default", &c, err, errlen)) goto out;
    X->pump->coupling = c;    /* QT_PUMP_COUPLING_* in the order of coup[] */
    if (c == QT_PUMP_COUPLING_MATRIX)
    {
        /* A_L, A_R: exact Hermitian 2^N x 2^N matrices (checked by qt_pump_params_validate, field-named) */
        qt_qmat_t AL, AR;
        if (qo_matrix_param(p, AL, kv, "A_L", err, errlen)) goto out;
        if (qo_matrix_param(p, AR, kv, "A_R", err, errlen))
        {
            qt_qmat_clear(AL);
            goto out;
        }
        qt_pump_params_set_coupling_matrices(X->pump, AL, AR);
        qt_qmat_clear(AL);
        qt_qmat_clear(AR);
    }
    else if (qo_lookup(kv, "A_L") != NULL || qo_lookup(kv, "A_R") != NULL)
    {
        snprintf(err, errlen, "%s: coupling matrices are read only with coupling=matrix", qo_lookup(kv, "A_L") != NULL ? "A_L" : "A_R");
        goto out;
    }
    /* parameters that cannot act on this model are refused, not ignored: the anisotropy of the exchange
       without exchange, qubit 2's asymmetry where no coupling reads it (J on one qubit: qt_pump_params_validate) */
    if (!fmpq_is_one(X->pump->Delta) && (X->pump->n_qubits == 1 || fmpq_is_zero(X->pump->J)))
    {
        snprintf(err, errlen, "Delta: the anisotropy of the exchange has no effect %s (Delta must be 1 or absent), got \"%s\"",
                 X->pump->n_qubits == 1 ? "on one qubit" : "with J = 0", qo_lookup(kv, "Delta"));
        goto out;
    }
    if (!fmpq_is_one(X->pump->b) && (X->pump->coupling == QT_PUMP_COUPLING_MATRIX
                                     || (X->pump->n_qubits == 1 && X->pump->coupling != QT_PUMP_COUPLING_CROSSED)))
    {
        snprintf(err, errlen, "b: the coupling asymmetry of qubit 2 has no effect %s (b must be 1 or absent), got \"%s\"",
                 X->pump->coupling == QT_PUMP_COUPLING_MATRIX ? "with coupling=matrix" : "on one qubit unless coupling=crossed",
                 qo_lookup(kv, "b"));
        goto out;
    }
    if (extra_baths(p, X, kv, err, errlen))
        goto out;
    if (qt_pump_params_validate(X->pump, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        goto out;
    }
    /* a dark singlet makes every geometric quantity and the non-equilibrium steady state undefined (at equal T the
       Gibbs state is still printed) */
    if ((q->which != QO_PUMP_STEADY || !qt_pump_equal_temperatures(X->pump)) && qt_pump_singlet_is_dark(X->pump, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        goto out;
    }
    if (is_point)
    {
        if (qo_exact_param(p, X->Bx, kv, "Bx", NULL, "field along x", err, errlen)) goto out;
        if (qo_exact_param(p, X->Bz, kv, "Bz", NULL, "field along z", err, errlen)) goto out;
        if (fmpq_is_zero(X->Bx) && fmpq_is_zero(X->Bz))
        {
            snprintf(err, errlen, "Bx, Bz: B = 0 is the level degeneracy, where the secular generator is discontinuous (refused)");
            goto out;
        }
        bad = 0;
        goto out;
    }
    if (qo_choice_param(p, kv, "protocol", prot, "circle", &c, err, errlen)) goto out;
    {
        /* each protocol reads exactly its own parameters; another protocol's are refused, not ignored */
        static const char *const own[][5] = {{"center_x", "center_z", "radius", NULL}, {"r0", "r1", "theta0", "theta1", NULL},
                                             {"vertices", NULL}, {NULL}, {"radius", NULL}};
        static const char *const all[] = {"center_x", "center_z", "radius", "r0", "r1", "theta0", "theta1", "vertices", NULL};
        int a2, o2;
        for (a2 = 0; all[a2] != NULL; a2++)
        {
            int mine = 0;
            for (o2 = 0; own[c][o2] != NULL; o2++)
                mine |= strcmp(own[c][o2], all[a2]) == 0;
            if (!mine && qo_lookup(kv, all[a2]) != NULL)
            {
                snprintf(err, errlen, "parameter %s is not used by protocol=%s (its parameters: %s%s%s%s%s%s%s)", all[a2],
                         prot[c], own[c][0] ? own[c][0] : "none", own[c][0] && own[c][1] ? " " : "",
                         own[c][0] && own[c][1] ? own[c][1] : "", own[c][0] && own[c][1] && own[c][2] ? " " : "",
                         own[c][0] && own[c][1] && own[c][2] ? own[c][2] : "",
                         own[c][0] && own[c][1] && own[c][2] && own[c][3] ? " " : "",
                         own[c][0] && own[c][1] && own[c][2] && own[c][3] ? own[c][3] : "");
                goto out;
            }
        }
    }
    if (c == 3 || c == 4)
    {
        X->proto->kind = c == 3 ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
        if (qt_pump_protocol_supported(X->pump, X->proto, reason) != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            goto out;
        }
    }
    if (c == 4)
    {
        if (qo_exact_param(p, X->proto->radius, kv, "radius", NULL, "quarter-disc radius, > 0", err, errlen)) goto out;
    }
    if (c == 0)
    {
        X->proto->kind = QT_PROTOCOL_CIRCLE;
        if (qo_exact_param(p, X->proto->cx, kv, "center_x", NULL, "circle centre B_x", err, errlen)) goto out;
        if (qo_exact_param(p, X->proto->cz, kv, "center_z", NULL, "circle centre B_z", err, errlen)) goto out;
        if (qo_exact_param(p, X->proto->radius, kv, "radius", NULL, "circle radius, > 0", err, errlen)) goto out;
    }
    else if (c == 1)
    {
        X->proto->kind = QT_PROTOCOL_SECTOR;
        if (qo_exact_param(p, X->proto->r0, kv, "r0", NULL, "inner radius, > 0", err, errlen)) goto out;
        if (qo_exact_param(p, X->proto->r1, kv, "r1", NULL, "outer radius, > r0", err, errlen)) goto out;
        if (qo_exact_param(p, X->proto->theta0, kv, "theta0", NULL, "angle from the B_z axis towards B_x, radians", err, errlen)) goto out;
        if (qo_exact_param(p, X->proto->theta1, kv, "theta1", NULL, "angle, > theta0", err, errlen)) goto out;
    }
    else if (c == 2)
    {
        /* vertices=x1,z1;x2,z2;... */
        const char *v = qo_lookup(kv, "vertices");
        char *copy, *tok, *save;
        slong m = 0;
        if (v == NULL)
        {
            snprintf(err, errlen, "missing parameter vertices (x1,z1;x2,z2;... exact numbers, at least 3 vertices)");
            goto out;
        }
        for (k = 0; v[k]; k++)
            m += v[k] == ';';
        qt_protocol_set_polygon_size(X->proto, m + 1);
        copy = strdup(v);
        m = 0;
        for (tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save), m++)
        {
            char *comma = strchr(tok, ','), msg[200];
            if (comma == NULL || m >= X->proto->nvert)
            {
                snprintf(err, errlen, "vertices: vertex %ld must be x,z (got \"%s\")", (long) m + 1, tok);
                free(copy);
                goto out;
            }
            *comma = '\0';
            if (qt_exact_parse(X->proto->vx + m, tok, msg, sizeof msg) || qt_exact_parse(X->proto->vz + m, comma + 1, msg, sizeof msg))
            {
                snprintf(err, errlen, "vertices: vertex %ld %s", (long) m + 1, msg);
                free(copy);
                goto out;
            }
        }
        free(copy);
        if (m != X->proto->nvert)
        {
            snprintf(err, errlen, "vertices: empty vertex in \"%s\"", v);
            goto out;
        }
        qo_echo_add(p, "vertices", v);
    }
    if (qt_protocol_validate(X->proto, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        goto out;
    }
    qo_echo_add(p, "protocol", prot[c]);
    if (qo_lookup(kv, "period") != NULL)
    {
        /* the period of one cycle, for W_diss = W_diss_tau / period (lemma P15) */
        if (qo_exact_param(p, X->proto->period, kv, "period", NULL, "duration of one cycle, > 0", err, errlen)) goto out;
        X->proto->has_period = 1;
        if (qt_protocol_validate(X->proto, reason) != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            goto out;
        }
        if (qt_pump_dissipation_supported(X->pump, X->proto, reason) != QT_OK)
        {
            snprintf(err, errlen, "period (W_diss): %s", reason);
            goto out;
        }
    }
    bad = 0;
out:
    fmpq_clear(nq); fmpq_clear(J); fmpq_clear(b);
    return bad;
}

static void
pump_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const pump_params *X = fp;
    if (q->which == QO_PUMP_HEAT)
        qt_pump_heat_record(R, X->pump, X->proto, prec);
    else if (q->which == QO_PUMP_CURVATURE)
        qt_pump_curvature_record(R, X->pump, X->Bx, X->Bz, prec);
    else if (q->which == QO_PUMP_STEADY)
        qt_pump_steady_state_record(R, X->pump, X->Bx, X->Bz, prec);
    else if (q->which == QO_PUMP_FRICTION)
        qt_pump_friction_record(R, X->pump, X->Bx, X->Bz, prec);
    else
        qt_pump_lambda_record(R, X->pump, X->Bx, X->Bz, prec);
}

const qo_family qo_family_pump = {
    "pump", qt_pump_conventions, 
    "[n_qubits=1] [J=0] [Delta=1] [b] gamma_L gamma_R T [T_R=T] [convention=pauli|spin] [coupling=default|b_on_R|b_on_L|crossed|local|matrix (2-3 qubits; local: J=0; matrix: A_L, A_R exact Hermitian 2^N x 2^N)] [gamma_3 A_3 [T_3=T] [gamma_4 A_4 [T_4=T]]] (further baths, 1-3 qubits, not coupling=local: exact Hermitian 2^N x 2^N couplings); pump.lambda, pump.curvature, pump.friction, pump.steady_state: Bx Bz; pump.heat_per_cycle: protocol=circle (center_x center_z radius) | sector (r0 r1 theta0 theta1) | polygon (vertices=x1,z1;x2,z2;...) | quadrant (equal T; one qubit, coupling=local, or 2-3 qubits with Delta=1, J!=0; further baths: one qubit or 2-3 qubits with Delta=1, J!=0) | quarter_disc (radius; the same models); [period] (W_diss, thermo_length; one qubit, coupling=local, or 2-3 interacting qubits with J!=0; at T_R != T W_diss only)",
    sizeof(pump_params), pump_init, pump_clear, parse_pump, NULL, pump_record, NULL, NULL
};
