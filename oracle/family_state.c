/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* family_state.c -- the tool's family state.*: a density matrix (and H or sigma) as exact matrices, the state
 * functions of ref/open/state*.c. */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

typedef struct
{
    qt_qmat_t rho, H, sigma;   /* n = 0 when unset */
    int definition;            /* QT_EE_* */
}
state_params;

static void
state_init(void *fp)
{
    state_params *S = fp;
    S->rho->n = 0;
    S->H->n = 0;
    S->sigma->n = 0;
    S->definition = QT_EE_DEPHASED;
}

static void
state_clear(void *fp)
{
    state_params *S = fp;
    if (S->rho->n)
        qt_qmat_clear(S->rho);
    if (S->H->n)
        qt_qmat_clear(S->H);
    if (S->sigma->n)
        qt_qmat_clear(S->sigma);
}

static int
parse_state(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const with_h[] = {"rho", "H", NULL};
    static const char *const with_def[] = {"rho", "H", "definition", NULL};
    static const char *const with_sigma[] = {"rho", "sigma", NULL};
    static const char *const rho_only[] = {"rho", NULL};
    const char *const *allowed = rho_only;
    char reason[QT_REASON_LEN];
    int w = q->which;
    state_params *S = p->fp;
    if (w == QO_ST_ENERGY || w == QO_ST_COHERENCE)
        allowed = with_h;
    else if (w == QO_ST_ENERGY_ENTROPY)
        allowed = with_def;
    else if (w == QO_ST_RELATIVE)
        allowed = with_sigma;
    if (qo_check_known(kv, allowed, q, "", err, errlen))
        return 1;
    if (w == QO_ST_ENERGY_ENTROPY)
    {
        const char *d = qo_lookup(kv, "definition");
        if (d == NULL)
        {
            snprintf(err, errlen, "missing parameter definition (outcome or dephased; docs/physics/open_systems.md §2.2 names both)");
            return 1;
        }
        if (strcmp(d, "outcome") == 0)
            S->definition = QT_EE_OUTCOME;
        else if (strcmp(d, "dephased") == 0)
            S->definition = QT_EE_DEPHASED;
        else
        {
            snprintf(err, errlen, "definition must be outcome or dephased, got \"%s\"", d);
            return 1;
        }
    }
    if (qo_matrix_param(p, S->rho, kv, "rho", err, errlen))
        return 1;
    if (qt_state_validate(S->rho, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (allowed == with_h || allowed == with_def)
    {
        if (qo_matrix_param(p, S->H, kv, "H", err, errlen))
            return 1;
        if (qt_hamiltonian_validate(S->H, S->rho->n, reason) != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            return 1;
        }
    }
    if (w == QO_ST_ENERGY_ENTROPY)
        qo_echo_add(p, "definition", S->definition == QT_EE_OUTCOME ? "outcome" : "dephased");
    if (w == QO_ST_RELATIVE)
    {
        if (qo_matrix_param(p, S->sigma, kv, "sigma", err, errlen))
            return 1;
        if (S->sigma->n != S->rho->n)
        {
            snprintf(err, errlen, "sigma must be %ld x %ld like rho, got %ld x %ld", (long) S->rho->n,
                     (long) S->rho->n, (long) S->sigma->n, (long) S->sigma->n);
            return 1;
        }
        if (qt_state_validate(S->sigma, reason) != QT_OK)
        {
            snprintf(err, errlen, "sigma: %s", reason);
            return 1;
        }
    }
    return 0;
}

static int
state_value(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason)
{
    const state_params *S = fp;
    switch (q->which)
    {
        case QO_ST_ENTROPY: return qt_state_von_neumann_entropy(res, S->rho, prec, reason);
        case QO_ST_PURITY: return qt_state_purity(res, S->rho, prec, reason);
        case QO_ST_ENERGY: return qt_state_energy(res, S->rho, S->H, prec, reason);
        case QO_ST_ENERGY_ENTROPY: return qt_state_energy_entropy(res, S->rho, S->H, S->definition, prec, reason);
        case QO_ST_COHERENCE: return qt_state_coherence(res, S->rho, S->H, prec, reason);
        case QO_ST_RELATIVE: return qt_state_relative_entropy(res, S->rho, S->sigma, prec, reason);
    }
    return qt_fail(reason, QT_INTERNAL, "internal error: unknown state quantity");
}

const qo_family qo_family_state = {
    "state", qt_state_conventions,
    "rho [H] [sigma] [definition=outcome|dephased] (matrices: @file.json or {\"dims\": [n, n], \"re\": [...], \"im\": [...]})",
    sizeof(state_params), state_init, state_clear, parse_state, state_value, NULL, NULL, NULL
};
