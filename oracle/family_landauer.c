/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* family_landauer.c -- the tool's families landauer.* and driven_level.*: their parameters (exact, validated, each
 * message naming the field) and their values (ref/landauer). */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

static int
parse_landauer(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const ideal[] = {"stats", "model", "tau", "mu_L", "T_L", "mu_R", "T_R", NULL};
    static const char *const lor[] = {"stats", "model", "eps0", "gamma_L", "gamma_R", "mu_L", "T_L", "mu_R", "T_R", NULL};
    static const char *const box[] = {"stats", "model", "E_lo", "E_hi", "tau", "mu_L", "T_L", "mu_R", "T_R", NULL};
    const char *stats = qo_lookup(kv, "stats"), *model = qo_lookup(kv, "model");
    const char *mudef;
    char context[64], reason[QT_REASON_LEN];
    qt_landauer_params_struct *L = p->fp;

    if (stats == NULL)
    {
        snprintf(err, errlen, "missing parameter stats (fermion or boson)");
        return 1;
    }
    if (strcmp(stats, "fermion") == 0)
        L->stats = QT_FERMION;
    else if (strcmp(stats, "boson") == 0)
        L->stats = QT_BOSON;
    else
    {
        snprintf(err, errlen, "stats must be fermion or boson, got \"%s\"", stats);
        return 1;
    }
    if (model == NULL)
    {
        snprintf(err, errlen, "missing parameter model (ideal, lorentzian or box)");
        return 1;
    }
    if (strcmp(model, "ideal") == 0)
        L->model = QT_MODEL_IDEAL;
    else if (strcmp(model, "lorentzian") == 0)
        L->model = QT_MODEL_LORENTZIAN;
    else if (strcmp(model, "box") == 0)
        L->model = QT_MODEL_BOX;
    else
    {
        snprintf(err, errlen, "model must be ideal, lorentzian or box, got \"%s\"", model);
        return 1;
    }
    snprintf(context, sizeof context, " with model=%s", model);
    if (qo_check_known(kv, L->model == QT_MODEL_IDEAL ? ideal : L->model == QT_MODEL_LORENTZIAN ? lor : box,
                    q, context, err, errlen))
        return 1;
    qo_echo_add(p, "stats", stats);
    qo_echo_add(p, "model", model);

    if (L->model == QT_MODEL_IDEAL)
    {
        if (qo_exact_param(p, L->tau, kv, "tau", "1", "transmission, 0 <= tau <= 1", err, errlen)) return 1;
    }
    else if (L->model == QT_MODEL_LORENTZIAN)
    {
        if (qo_exact_param(p, L->eps0, kv, "eps0", NULL, "level energy", err, errlen)) return 1;
        if (qo_exact_param(p, L->gamma_L, kv, "gamma_L", NULL, "coupling to L, > 0", err, errlen)) return 1;
        if (qo_exact_param(p, L->gamma_R, kv, "gamma_R", NULL, "coupling to R, > 0", err, errlen)) return 1;
    }
    else
    {
        if (qo_exact_param(p, L->E_lo, kv, "E_lo", NULL, "lower band edge", err, errlen)) return 1;
        if (qo_exact_param(p, L->E_hi, kv, "E_hi", NULL, "upper band edge", err, errlen)) return 1;
        if (qo_exact_param(p, L->tau, kv, "tau", NULL, "transmission in the band, 0 <= tau <= 1", err, errlen)) return 1;
    }
    mudef = (L->stats == QT_BOSON) ? "0" : NULL;
    if (qo_exact_param(p, L->mu_L, kv, "mu_L", mudef, "chemical potential of L", err, errlen)) return 1;
    if (qo_exact_param(p, L->T_L, kv, "T_L", NULL, "temperature of L, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, L->mu_R, kv, "mu_R", mudef, "chemical potential of R", err, errlen)) return 1;
    if (qo_exact_param(p, L->T_R, kv, "T_R", NULL, "temperature of R, > 0", err, errlen)) return 1;

    if (qt_landauer_params_validate(L, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (q->which == QT_LQ_LEVEL_ENTROPY && (L->model != QT_MODEL_LORENTZIAN || L->stats != QT_FERMION))
    {
        snprintf(err, errlen, "%s needs model=lorentzian and stats=fermion", q->name);
        return 1;
    }
    return 0;
}

static void landauer_init(void *fp) { qt_landauer_params_init(fp); }
static void landauer_clear(void *fp) { qt_landauer_params_clear(fp); }

static int
landauer_value(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason)
{
    const qt_landauer_params_struct *P = fp;
    switch (q->which)
    {
        case QT_LQ_PARTICLE: return qt_landauer_particle_current(res, P, prec, reason);
        case QT_LQ_ENERGY: return qt_landauer_energy_current(res, P, prec, reason);
        case QT_LQ_HEAT_R: return qt_landauer_heat_current_R(res, P, prec, reason);
        case QT_LQ_HEAT_L: return qt_landauer_heat_current_L(res, P, prec, reason);
        case QT_LQ_ENTROPY: return qt_landauer_entropy_current(res, P, prec, reason);
        case QT_LQ_CORRECTION_R: return qt_landauer_heat_correction_R(res, P, prec, reason);
        case QT_LQ_CORRECTION_L: return qt_landauer_heat_correction_L(res, P, prec, reason);
        case QT_LQ_PRODUCTION: return qt_landauer_entropy_production(res, P, prec, reason);
        case QT_LQ_REDUCED_R: return qt_landauer_reduced_entropy_current_R(res, P, prec, reason);
        case QT_LQ_LEVEL_ENTROPY: return qt_landauer_level_entropy(res, P, prec, reason);
    }
    return qt_fail(reason, QT_INTERNAL, "internal error: unknown Landauer quantity");
}

const qo_family qo_family_landauer = {
    "landauer", qt_landauer_conventions,
    "stats model [tau] [eps0 gamma_L gamma_R] [E_lo E_hi] mu_L T_L mu_R T_R",
    sizeof(qt_landauer_params_struct), landauer_init, landauer_clear, parse_landauer, landauer_value, NULL, NULL, NULL
};

static int
parse_driven(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"eps0", "width", "mu", "T", NULL};
    char reason[QT_REASON_LEN];
    qt_driven_level_params_struct *D = p->fp;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, D->eps0, kv, "eps0", NULL, "level energy", err, errlen)) return 1;
    if (qo_exact_param(p, D->width, kv, "width", NULL, "full width Gamma, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, D->mu, kv, "mu", NULL, "chemical potential", err, errlen)) return 1;
    if (qo_exact_param(p, D->T, kv, "T", NULL, "temperature, > 0", err, errlen)) return 1;
        if (qt_driven_level_params_validate(D, reason) != QT_OK)
    {
        const char *v = qo_lookup(kv, fmpq_sgn(D->width) <= 0 ? "width" : "T");
        snprintf(err, errlen, "%s, got \"%s\"", reason, v ? v : "");
        return 1;
    }
    return 0;
}

static void driven_init(void *fp) { qt_driven_level_params_init(fp); }
static void driven_clear(void *fp) { qt_driven_level_params_clear(fp); }

static int
driven_value(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason)
{
    const qt_driven_level_params_struct *P = fp;
    switch (q->which)
    {
        case QT_DL_HEAT: return qt_driven_level_quasistatic_heat(res, P, prec, reason);
        case QT_DL_POWER: return qt_driven_level_dissipated_power(res, P, prec, reason);
        case QT_DL_ENTROPY: return qt_driven_level_entropy(res, P, prec, reason);
    }
    return qt_fail(reason, QT_INTERNAL, "internal error: unknown driven-level quantity");
}

const qo_family qo_family_driven_level = {
    "driven_level", qt_landauer_conventions, "eps0 width mu T",
    sizeof(qt_driven_level_params_struct), driven_init, driven_clear, parse_driven, driven_value, NULL, NULL, NULL
};
