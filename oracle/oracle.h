/* oracle.h -- internals of the command-line tool qtoracle. */
#ifndef QTORACLE_ORACLE_H
#define QTORACLE_ORACLE_H

#include <jansson.h>
#include "qtoracle/qtoracle.h"
#include "qtoracle/trajectory.h"
#include "qtoracle/pump.h"

/* exit codes */
enum { QO_EXIT_OK = 0, QO_EXIT_FAIL = 1, QO_EXIT_USAGE = 2, QO_EXIT_INTERNAL = 3 };

enum { QO_FAM_LANDAUER = 0, QO_FAM_DRIVEN = 1, QO_FAM_STATE = 2, QO_FAM_QUBIT = 3, QO_FAM_LINDBLAD = 4, QO_FAM_FANO = 5, QO_FAM_DAMPED = 6, QO_FAM_CYCLE = 7, QO_FAM_PUMP = 8, QO_FAM_RAMP = 9 };
enum { QO_PUMP_LAMBDA = 0, QO_PUMP_HEAT = 1, QO_PUMP_CURVATURE = 2, QO_PUMP_FRICTION = 3, QO_PUMP_STEADY = 4 };
enum { QO_QD_TRAJECTORY = 0, QO_QD_TSTAR = 1 };
enum { QO_FA_TRAJECTORY = 0, QO_FA_TZERO = 1 };
enum { QO_ST_ENTROPY = 0, QO_ST_PURITY, QO_ST_ENERGY, QO_ST_ENERGY_ENTROPY, QO_ST_COHERENCE, QO_ST_RELATIVE };

typedef struct
{
    const char *name;          /* e.g. "landauer.entropy_current" */
    int family;
    int which;                 /* QT_LQ_* or QT_DL_* */
    const char *units;
    const char *formula;       /* reference into ../shared/physics and proofs/ */
    const char *summary;
}
qo_quantity;

const qo_quantity *qo_quantity_find(const char *name);
const qo_quantity *qo_quantity_at(int i);   /* NULL past the end */
/* 1 iff the quantity prints a record of named outputs (trajectories) */
int qo_quantity_is_record(const qo_quantity *q);

/* a name=value parameter list */
#define QO_MAX_PARAMS 32
typedef struct
{
    int n;
    const char *key[QO_MAX_PARAMS];
    const char *val[QO_MAX_PARAMS];
}
qo_kv;

/* Family parameters, parsed and validated: err names the parameter and the reason. */
typedef struct
{
    int family;
    qt_landauer_params_t land;
    qt_driven_level_params_t drv;
    qt_qmat_t rho, H, sigma;   /* state family; n = 0 when unset */
    int definition;            /* QT_EE_* */
    qt_qubit_davies_t qd;      /* qubit_davies.* */
    qt_qubit_ramp_t qr;        /* qubit_ramp.trajectory */
    qt_fano_anderson_t fa;     /* fano_anderson.* */
    qt_damped_mode_t dm;       /* damped_mode.* */
    fmpq_t t;                  /* trajectory time */
    int tkind;                 /* QT_T_* */
    qt_open_model_struct *om;  /* lindblad.trajectory (NULL when unset) */
    qt_cycle_struct *cy;       /* lindblad.cycle (NULL when unset) */
    qt_pump_params_t pump;     /* pump.* */
    qt_protocol_t proto;
    fmpq_t Bx, Bz;
    int pump_which;            /* QO_PUMP_* */
    qo_kv echo;                /* canonical parameter list (defaults filled in) */
    char *owned[QO_MAX_PARAMS];/* echo strings owned here (canonical matrix JSON) */
    int nowned;
}
qo_params;

void qo_params_init(qo_params *p);
void qo_params_clear(qo_params *p);
int qo_params_parse(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
const char *qo_family_param_names(int family);

/* matrices: inline JSON object or @file; canon (may be NULL) receives the canonical object */
int qo_matrix_from_json(qt_qmat_t A, json_t **canon, json_t *o, const char *name, char *err, size_t errlen);
int qo_matrix_from_param(qt_qmat_t A, json_t **canon, const char *value, const char *name, char *err, size_t errlen);

/* certified evaluation to `digits` */
int qo_evaluate(qt_result_t r, const qo_quantity *q, const qo_params *p, slong digits);
int qo_evaluate_record(qt_record_t R, const qo_quantity *q, const qo_params *p, slong digits);
/* the trajectory families' parameters (params_open.c) */
int qo_parse_qubit_davies(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_qubit_ramp(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_fano_anderson(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_damped_mode(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_cycle(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_pump(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
int qo_parse_lindblad(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
/* helpers shared by the parameter parsers (params.c) */
const char *qo_lookup(const qo_kv *kv, const char *key);
void qo_echo_add(qo_params *p, const char *key, const char *val);
int qo_exact_param(qo_params *p, fmpq_t q, const qo_kv *kv, const char *key, const char *def,
                   const char *why, char *err, size_t errlen);
int qo_check_known(const qo_kv *kv, const char *const *allowed, const qo_quantity *q,
                   const char *context, char *err, size_t errlen);
int qo_matrix_param(qo_params *p, qt_qmat_t A, const qo_kv *kv, const char *key, char *err, size_t errlen);
/* JSON of a record (outputs with status, enclosure, formula, ratio pair) */
json_t *qo_record_json(const qt_record_t R, slong digits, int with_formulas);

/* JSON of an enclosure: {"mid","rad","lo","hi","lo_f64","hi_f64"} */
json_t *qo_ball_json(const arb_t x, slong digits);
json_t *qo_params_json(const qo_params *p);

/* write JSON to path atomically (temp file + rename); 0 on success */
int qo_write_json_file(json_t *root, const char *path, char *err, size_t errlen);

/* exact comparisons on decimal strings */
int qo_parse_value(fmpq_t q, const char *s);   /* 0 ok; nonzero: not a finite exact number */

int qo_cmd_list(int argc, char **argv);
int qo_cmd_eval(int argc, char **argv);
int qo_cmd_gen(int argc, char **argv);
int qo_cmd_check(int argc, char **argv);
int qo_cmd_selfcheck(int argc, char **argv);

/* error printing: "qtoracle: " prefix, to stderr */
void qo_error(const char *fmt, ...);

#endif
