/* evaluate.c -- dispatch a quantity to the library under the --digits guarantee. */
#include "oracle.h"

typedef struct
{
    const qo_quantity *q;
    const qo_params *p;
}
job;

static int
landauer_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    const qt_landauer_params_struct *P = j->p->land;
    switch (j->q->which)
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
    return qt_fail(reason, QT_DOMAIN, "unknown quantity");
}

static int
driven_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    const qt_driven_level_params_struct *P = j->p->drv;
    switch (j->q->which)
    {
        case QT_DL_HEAT: return qt_driven_level_quasistatic_heat(res, P, prec, reason);
        case QT_DL_POWER: return qt_driven_level_dissipated_power(res, P, prec, reason);
        case QT_DL_ENTROPY: return qt_driven_level_entropy(res, P, prec, reason);
    }
    return qt_fail(reason, QT_DOMAIN, "unknown quantity");
}

static int
state_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    switch (j->q->which)
    {
        case QO_ST_ENTROPY: return qt_state_von_neumann_entropy(res, j->p->rho, prec, reason);
        case QO_ST_PURITY: return qt_state_purity(res, j->p->rho, prec, reason);
        case QO_ST_ENERGY: return qt_state_energy(res, j->p->rho, j->p->H, prec, reason);
        case QO_ST_ENERGY_ENTROPY:
            return qt_state_energy_entropy(res, j->p->rho, j->p->H, j->p->definition, prec, reason);
        case QO_ST_COHERENCE: return qt_state_coherence(res, j->p->rho, j->p->H, prec, reason);
        case QO_ST_RELATIVE: return qt_state_relative_entropy(res, j->p->rho, j->p->sigma, prec, reason);
    }
    return qt_fail(reason, QT_DOMAIN, "unknown quantity");
}

static int
qubit_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    return qt_qubit_davies_tstar(res, j->p->qd, prec, reason);
}

static void
qubit_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    arb_t t;
    char reason[QT_REASON_LEN];
    arb_init(t);
    if (p->tkind == QT_T_STAR)
        qt_qubit_davies_tstar(t, p->qd, prec, reason);     /* validated while parsing */
    else
        arb_set_fmpq(t, p->t, prec);
    qt_qubit_davies_trajectory(R, p->qd, t, p->tkind, prec);
    arb_clear(t);
}

static void
ramp_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, p->t, prec);
    qt_qubit_ramp_trajectory(R, p->qr, t, p->tkind, prec);
    arb_clear(t);
}

static int
fano_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    return qt_fano_anderson_tzero(res, j->p->fa, prec, reason);
}

static void
fano_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    arb_t t;
    char reason[QT_REASON_LEN];
    arb_init(t);
    if (p->tkind == QT_T_STAR)
        qt_fano_anderson_tzero(t, p->fa, prec, reason);    /* validated while parsing */
    else
        arb_set_fmpq(t, p->t, prec);
    qt_fano_anderson_trajectory(R, p->fa, t, p->tkind, prec);
    arb_clear(t);
}

static void
damped_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, p->t, prec);
    qt_damped_mode_trajectory(R, p->dm, t, p->tkind, prec);
    arb_clear(t);
}

static void
cycle_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    qt_cycle_evaluate(R, p->cy, prec);
}

static void
pump_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    if (p->pump_which == QO_PUMP_HEAT)
        qt_pump_heat_record(R, p->pump, p->proto, prec);
    else if (p->pump_which == QO_PUMP_CURVATURE)
        qt_pump_curvature_record(R, p->pump, p->Bx, p->Bz, prec);
    else if (p->pump_which == QO_PUMP_STEADY)
        qt_pump_steady_state_record(R, p->pump, p->Bx, p->Bz, prec);
    else if (p->pump_which == QO_PUMP_FRICTION)
        qt_pump_friction_record(R, p->pump, p->Bx, p->Bz, prec);
    else
        qt_pump_lambda_record(R, p->pump, p->Bx, p->Bz, prec);
}

static void
lindblad_record_fn(qt_record_t R, const void *vp, slong prec)
{
    const qo_params *p = vp;
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, p->t, prec);
    qt_lindblad_trajectory(R, p->om, t, p->tkind == QT_T_ZERO, prec);
    arb_clear(t);
}

int
qo_evaluate_record(qt_record_t R, const qo_quantity *q, const qo_params *p, slong digits)
{
    return qt_eval_digits_record(R, q->family == QO_FAM_QUBIT ? qubit_record_fn
                                    : q->family == QO_FAM_RAMP ? ramp_record_fn
                                    : q->family == QO_FAM_FANO ? fano_record_fn
                                    : q->family == QO_FAM_DAMPED ? damped_record_fn
                                    : q->family == QO_FAM_CYCLE ? cycle_record_fn
                                    : q->family == QO_FAM_PUMP ? pump_record_fn : lindblad_record_fn, p, digits);
}

int
qo_evaluate(qt_result_t r, const qo_quantity *q, const qo_params *p, slong digits)
{
    job j;
    j.q = q;
    j.p = p;
    return qt_eval_digits(r, q->family == QO_FAM_LANDAUER ? landauer_fn
                             : q->family == QO_FAM_STATE ? state_fn
                             : q->family == QO_FAM_QUBIT ? qubit_fn
                             : q->family == QO_FAM_FANO ? fano_fn : driven_fn, &j, digits);
}
