/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* oracle.h -- internals of the command-line tool qtoracle. */
#ifndef QTORACLE_ORACLE_H
#define QTORACLE_ORACLE_H

#include <sys/types.h>
#include <jansson.h>
#include "qtoracle/qtoracle.h"

/* exit codes */
enum { QO_EXIT_OK = 0, QO_EXIT_FAIL = 1, QO_EXIT_USAGE = 2, QO_EXIT_INTERNAL = 3 };

typedef struct qo_family_struct qo_family;

/* the quantities of the families that have no library enumeration (the others use QT_LQ_*, QT_DL_*) */
enum { QO_PUMP_LAMBDA = 0, QO_PUMP_HEAT = 1, QO_PUMP_CURVATURE = 2, QO_PUMP_FRICTION = 3, QO_PUMP_STEADY = 4 };
enum { QO_QD_TRAJECTORY = 0, QO_QD_TSTAR = 1 };
enum { QO_FA_TRAJECTORY = 0, QO_FA_TZERO = 1 };
enum { QO_ST_ENTROPY = 0, QO_ST_PURITY, QO_ST_ENERGY, QO_ST_ENERGY_ENTROPY, QO_ST_COHERENCE, QO_ST_RELATIVE };

/* a quantity of the tool: its family, which of the family's quantities, whether it prints a record */
typedef struct
{
    const char *name;          /* e.g. "landauer.entropy_current" */
    const qo_family *family;
    int which;                 /* the family's own index (QT_LQ_*, QT_DL_*, ...) */
    int record;                /* 1: a record of named outputs; 0: one value */
    const char *units;
    const char *formula;       /* where the definition and its proofs are */
    const char *summary;
    const char *params;        /* its parameters where they differ from its family's (NULL: the family's) */
}
qo_quantity;

const qo_quantity *qo_quantity_find(const char *name);
const qo_quantity *qo_quantity_at(int i);   /* NULL past the end */
/* the parameters q takes, for messages and qtoracle list */
const char *qo_quantity_params(const qo_quantity *q);
/* the family whose vector files are named family (the "family" of a spec), NULL if none */
const qo_family *qo_family_of_vectors(const char *family);

/* a name=value parameter list */
#define QO_MAX_PARAMS 32
typedef struct
{
    int n;
    const char *key[QO_MAX_PARAMS];
    const char *val[QO_MAX_PARAMS];
}
qo_kv;

/* strings owned until cleared (params_json.c) */
typedef struct
{
    char **s;
    size_t n, cap;
}
qo_pool;
void qo_pool_init(qo_pool *pool);
const char *qo_pool_own(qo_pool *pool, char *s);
void qo_pool_clear(qo_pool *pool);
/* a JSON params object (and the group's common one, may be NULL) into kv: strings as they are, a matrix object or a
   baths array as its JSON text (owned by pool); keys of params override common; 1 and a message naming where */
int qo_kv_from_json(qo_kv *kv, qo_pool *pool, json_t *common, json_t *params, const char *where, char *err,
                    size_t errlen);

/* parsed parameters: the family's own structure (fp) and the canonical echo of every parameter */
typedef struct
{
    const qo_family *family;
    void *fp;                  /* family->size bytes, set up by family->init */
    qo_kv echo;                /* canonical parameter list (defaults filled in) */
    char *owned[QO_MAX_PARAMS];/* echo strings owned here (canonical matrix JSON) */
    int nowned;
}
qo_params;

/* a family of quantities: every place that knows a family is its entry in the table of registry.c and its own file
 * (oracle/family_*.c) */
struct qo_family_struct
{
    const char *vectors;       /* the vector-file family whose conventions it shares (landauer, trajectory, state, pump) */
    const qt_convention *conventions;   /* the library's conventions text for those vector files */
    const char *param_names;   /* the parameters, for messages and qtoracle list */
    size_t size;               /* of the family's parameter structure */
    void (*init)(void *fp);
    void (*clear)(void *fp);
    /* parse and validate kv into p->fp (echo with qo_echo_add); 1 and a message naming the field on bad input */
    int (*parse)(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);
    /* one certified value at a working precision (NULL if the family has no value quantity) */
    int (*value)(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason);
    /* a record at a working precision (NULL if the family has no record quantity) */
    void (*record)(qt_record_t R, const qo_quantity *q, const void *fp, slong prec);
    /* the same record by a second method of the library, and its name (NULL where there is none; qtoracle validate) */
    void (*record2)(qt_record_t R, const qo_quantity *q, const void *fp, slong prec);
    const char *method2;
};

extern const qo_family qo_family_landauer, qo_family_driven_level, qo_family_state, qo_family_qubit_davies,
    qo_family_qubit_ramp, qo_family_lindblad, qo_family_fano_anderson, qo_family_damped_mode, qo_family_cycle,
    qo_family_pump;

void qo_params_init(qo_params *p);
void qo_params_clear(qo_params *p);
int qo_params_parse(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen);

/* matrices: inline JSON object or @file; canon (may be NULL) receives the canonical object */
int qo_matrix_from_json(qt_qmat_t A, json_t **canon, json_t *o, const char *name, char *err, size_t errlen);
int qo_matrix_from_param(qt_qmat_t A, json_t **canon, const char *value, const char *name, char *err, size_t errlen);

/* certified evaluation to `digits` */
int qo_evaluate(qt_result_t r, const qo_quantity *q, const qo_params *p, slong digits);
int qo_evaluate_record(qt_record_t R, const qo_quantity *q, const qo_params *p, slong digits);
/* the shared name=value machinery of params.c, for the families' parsers */
const char *qo_lookup(const qo_kv *kv, const char *key);
void qo_echo_add(qo_params *p, const char *key, const char *val);
/* an echo string owned by p (freed with it) */
const char *qo_echo_own(qo_params *p, char *s);
/* one exact parameter; def = NULL means required */
int qo_exact_param(qo_params *p, fmpq_t q, const qo_kv *kv, const char *key, const char *def,
                   const char *why, char *err, size_t errlen);
/* every key known to the quantity (allowed, NULL-terminated), none twice */
int qo_check_known(const qo_kv *kv, const char *const *allowed, const qo_quantity *q,
                   const char *context, char *err, size_t errlen);
int qo_matrix_param(qo_params *p, qt_qmat_t A, const qo_kv *kv, const char *key, char *err, size_t errlen);
/* one of opts (NULL-terminated) or def: its index in *out */
int qo_choice_param(qo_params *p, const qo_kv *kv, const char *key, const char *const *opts, const char *def, int *out,
                    char *err, size_t errlen);
/* the JSON inputs of the open-system families (baths_json.c): an exact string field (required or 0), no field outside
 * allowed, the baths array of an open model (canon receives its canonical form), JSON text or @file */
int qo_json_exact_field(fmpq_t q, json_t *o, const char *key, const char *where, int required, char *err, size_t errlen);
int qo_json_only_fields(json_t *o, const char *const *allowed, const char *where, char *err, size_t errlen);
/* the same for the tool's own files (specs, claims, shard parts): "WHERE: unknown field "K" (did you mean A?)" (util.c) */
int qo_json_known_fields(json_t *o, const char *const *allowed, const char *where, char *err, size_t errlen);
int qo_json_baths(qt_open_model_struct *M, json_t **canon, json_t *a, char *err, size_t errlen);
json_t *qo_json_param(const char *v, const char *name, char *err, size_t errlen);
/* the tolerance a careful double-precision solver should meet on a generated group (tolerance.c), NULL if the group
   has no value to check */
json_t *qo_group_tolerance(json_t *tests, json_t *notes);
/* JSON of a record (outputs with status, enclosure, formula, ratio pair) */
json_t *qo_record_json(const qt_record_t R, slong digits, int with_formulas);

/* JSON of an enclosure: {"mid","rad","lo","hi","lo_f64","hi_f64"} */
json_t *qo_ball_json(const arb_t x, slong digits);
json_t *qo_params_json(const qo_params *p);

/* write JSON (or text) to path atomically (temp file + rename; no partial file); 0 on success, else a message naming
   the file and the system's reason */
int qo_write_json_file(json_t *root, const char *path, char *err, size_t errlen);
int qo_write_text_file(const char *text, const char *path, char *err, size_t errlen);
/* a JSON file read whole (duplicate keys refused): a regular file of at most QO_JSON_MAX_BYTES; NULL and a message
   naming the file and the reason (the system's, or line:column of the syntax error) */
#define QO_JSON_MAX_BYTES (64 << 20)
json_t *qo_json_load_path(const char *path, char *err, size_t errlen);
/* 1 if path can be written (checked before any work: a directory that exists and is writable, a file name that fits,
   not a directory, FIFO, socket or device; a symbolic link names its target), else 0 and a message naming it */
int qo_output_path_ok(const char *path, char *err, size_t errlen);

/* effort caps (effort.c): --timeout SECONDS ends the run as could-not-certify (exit 1) with "effort cap reached after
   N s" on stderr (stdout_text, if not NULL, printed first: eval --json's object); 0 = no cap; the default is none,
   QO_EVAL_DEFAULT_TIMEOUT for eval when stderr is not a terminal, or the environment variable QTORACLE_TIMEOUT;
   hold(1) defers the cap around output (hold(0) releases it); the allocation guard ends a run whose allocation fails
   the same way, on stderr */
#define QO_TIMEOUT_MAX 31536000
#define QO_EVAL_DEFAULT_TIMEOUT 3600
int qo_timeout_parse(unsigned *seconds, const char *cmd, const char *value);
int qo_timeout_default(unsigned *seconds, const char *cmd, int is_eval);
void qo_timeout_arm(unsigned seconds, const char *what, const char *stdout_text);
void qo_timeout_disarm(void);
void qo_timeout_hold(int hold);
/* the worker processes the cap kills with the run (pids[0..n-1], 0 = none; NULL, 0: no workers) */
void qo_timeout_children(const pid_t *pids, int n);
/* all n bytes to fd, retried after EINTR (async-signal-safe: the cap's handler uses it); 0, or 1 if write failed */
int qo_write_all(int fd, const void *s, size_t n);
void qo_memory_guard_install(void);

/* independent items (the cases of gen and validate, sweep's points) in this process or in worker processes (run_items.c): fn computes
   item i (0 and a new JSON value in *out, or an exit code and a message in err); emit (NULL: none) gets each result
   in item order as soon as every item before it is in (0, or an exit code and a message). qo_run_items sets
   results[i] for i < n: with jobs = 1 here in order, with jobs > 1 in min(jobs, n) forked workers, the items handed
   out in order; the first failure ends the run: its exit code, its message in err, the other workers killed;
   progress as cmd with item i's label (label writes it into buf; it also names the item in messages) */
#define QO_JOBS_MAX 64
typedef int (*qo_item_fn)(json_t **out, long i, void *ctx, char *err, size_t errlen);
typedef int (*qo_emit_fn)(long i, json_t *value, void *ctx, char *err, size_t errlen);
typedef void (*qo_label_fn)(char *buf, size_t len, long i, void *ctx);
typedef struct
{
    qo_item_fn fn;
    qo_emit_fn emit;
    void *ctx;
    const char *cmd;
    qo_label_fn label;
}
qo_items;
int qo_jobs_parse(int *jobs, const char *cmd, const char *value);
int qo_run_items(json_t *results, const qo_items *it, long n, int jobs, char *err, size_t errlen);

/* argv[*i] is the option name ("--timeout") given as "NAME VALUE" or "NAME=VALUE": 1 and *value (NULL if the value is
   missing; *i moved past a separate value); 0 if argv[*i] is another argument */
int qo_option(const char **value, int *i, int argc, char **argv, const char *name);
/* a --digits value: digits only (no sign, no space), 1 to QT_DIGITS_MAX; 0 and *d set, or 1 (util.c) */
int qo_parse_digits(slong *d, const char *s);

/* exact comparisons on decimal strings */
int qo_parse_value(fmpq_t q, const char *s);   /* 0 ok; nonzero: not a finite exact number */

/* vector files (vector_file.c): the provenance of a group computed to `digits`; the file laid out from a validated
   spec, each group's provenance (sources) and the test object of every case in spec order (computed); the part file
   of shard I/N (the spec, the sources, the computed tests with their case index) that merge joins */
#define QO_SHARD_MAX 100000
json_t *qo_vectors_provenance(slong digits);
json_t *qo_vectors_assemble(json_t *root, json_t *sources, json_t *computed);
json_t *qo_shard_part(json_t *root, long I, long N, json_t *sources, json_t *computed);
/* "I/N" (digits, no sign or leading zero, 1 <= I <= N <= QO_SHARD_MAX): 0 and I, N; else 1 */
int qo_shard_parse(long *I, long *N, const char *s);
int qo_cmd_merge(int argc, char **argv);
int qo_cmd_validate(int argc, char **argv);

/* a spec checked whole before gen computes anything (spec_check.c); 1 and a message naming the field */
int qo_spec_validate(json_t *root, const char *path, char *err, size_t errlen);

/* claims (claim_expr.c, claim_verdict.c): a bound expression as a certified ball (vars: numeric parameters);
   the verdict on a claim from an enclosure of the exact value */
int qo_expr_eval(arb_t res, const char *expr, const qo_kv *vars, slong prec, char *err, size_t errlen);
enum { QO_CONSISTENT = 0, QO_INCONSISTENT = 1, QO_UNDECIDED = 2 };
enum { QO_REL_LT = 0, QO_REL_LE, QO_REL_GT, QO_REL_GE, QO_REL_EQ, QO_REL_NE };
extern const char *const qo_verdict_names[];
extern const char *const qo_relation_names[];   /* "<" ... "!=", NULL-terminated, in QO_REL_* order */
int qo_relation_parse(const char *s);           /* QO_REL_* or -1 */
/* [a, b] = the printed decimal value -+ half a unit in its last printed place; 1 and a message if not a decimal */
int qo_printed_interval(fmpq_t a, fmpq_t b, const char *value, char *err, size_t errlen);
slong qo_printed_digits(const char *value);     /* its significant digits, -1 if not a decimal */
int qo_interval_verdict(const arb_t x, const fmpq_t a, const fmpq_t b);
int qo_relation_verdict(const arb_t x, int rel, const arb_t bound);
/* how many leading significant digits of the printed value are proven correct for every point of x (-1: the value
   is 0 or x not finite) */
slong qo_correct_digits(const arb_t x, const char *value);

int qo_cmd_list(int argc, char **argv);
int qo_cmd_eval(int argc, char **argv);
int qo_cmd_gen(int argc, char **argv);
int qo_cmd_check(int argc, char **argv);
int qo_cmd_selfcheck(int argc, char **argv);
int qo_cmd_audit(int argc, char **argv);
int qo_cmd_sweep(int argc, char **argv);

/* the candidate nearest to word by edit distance (one equal but for case first), if near enough to suggest ("did you
   mean ...?"): at most max(2, len/3 + 1) edits and fewer than the longer word's length; n < 0: the list ends with NULL */
const char *qo_closest(const char *word, const char *const *candidates, int n);

/* error printing: "qtoracle: " prefix, to stderr */
void qo_error(const char *fmt, ...);
/* progress on stderr (progress.c): automatic when stderr is a terminal, one line per finished item when requested.
   step: item k of n (from 1) is being computed (a terminal only); done: the k-th of n items has finished, started
   at qo_progress_clock() = started (seconds since qo_progress_start) */
void qo_progress_start(int requested);
double qo_progress_clock(void);
void qo_progress_step(const char *cmd, long k, long n, const char *label);
void qo_progress_done(const char *cmd, long k, long n, double started, const char *label);
void qo_progress_end(void);
/* eval: report each working precision the digits loop tries (label: what is evaluated; NULL: off) */
void qo_progress_precisions(const char *label);
void qo_progress_precision(long prec);

#endif
