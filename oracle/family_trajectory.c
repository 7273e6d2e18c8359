/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* family_trajectory.c -- the tool's trajectory families: qubit_davies.* (exact Bloch vector, rates, a time or tstar),
 * qubit_ramp.trajectory, fano_anderson.* (a time or tzero), damped_mode.trajectory and lindblad.trajectory (H, rho0,
 * baths as JSON, a time): parameters and records (ref/open). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

/* a time t >= 0, or the model's special time by name (tkind QT_T_STAR) */
typedef struct
{
    fmpq_t t;
    int tkind;        /* QT_T_* */
}
qo_time;

static void time_init(qo_time *T) { fmpq_init(T->t); T->tkind = QT_T_GENERIC; }
static void time_clear(qo_time *T) { fmpq_clear(T->t); }

/* special: NULL, "tstar" or "tzero" (the model's special time, given by name) */
static int
time_param(qo_params *p, qo_time *T, const qo_kv *kv, const char *special, char *err, size_t errlen)
{
    const char *v = qo_lookup(kv, "t");
    char why[64];
    if (v != NULL && special != NULL && strcmp(v, special) == 0)
    {
        T->tkind = QT_T_STAR;
        qo_echo_add(p, "t", special);
        return 0;
    }
    snprintf(why, sizeof why, "time >= 0%s%s", special ? ", or " : "", special ? special : "");
    if (qo_exact_param(p, T->t, kv, "t", NULL, why, err, errlen))
        return 1;
    if (fmpq_sgn(T->t) < 0)
    {
        snprintf(err, errlen, "t must be >= 0 (the semigroup runs forward), got \"%s\"", v);
        return 1;
    }
    T->tkind = fmpq_is_zero(T->t) ? QT_T_ZERO : QT_T_GENERIC;
    return 0;
}

/* a model's special time (t* of qubit_davies, the first zero of G of fano_anderson) as a ball at prec */
typedef int (*special_time_fn)(arb_t t, const void *model, slong prec, char *reason);

/* the special time must exist for the model (decided while parsing; the message names the reason) */
static int
special_time_exists(special_time_fn f, const void *model, char *err, size_t errlen)
{
    arb_t t;
    char reason[QT_REASON_LEN];
    int st;
    arb_init(t);
    st = f(t, model, 64, reason);
    arb_clear(t);
    if (st != QT_OK)
        snprintf(err, errlen, "%s", reason);
    return st != QT_OK;
}

/* the time of a record: the special time at prec (it exists: checked while parsing), or the exact t */
static void
record_time(arb_t t, const qo_time *T, special_time_fn f, const void *model, slong prec)
{
    char reason[QT_REASON_LEN];
    if (T->tkind == QT_T_STAR)
        f(t, model, prec, reason);
    else
        arb_set_fmpq(t, T->t, prec);
}

/* ---- qubit_davies.* ---- */

typedef struct
{
    qt_qubit_davies_t m;
    qo_time time;
}
qubit_params;

static int
qubit_tstar(arb_t t, const void *model, slong prec, char *reason)
{
    return qt_qubit_davies_tstar(t, model, prec, reason);
}

static void qubit_init(void *fp) { qubit_params *X = fp; qt_qubit_davies_init(X->m); time_init(&X->time); }
static void qubit_clear(void *fp) { qubit_params *X = fp; qt_qubit_davies_clear(X->m); time_clear(&X->time); }

static int
parse_qubit_davies(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const traj[] = {"omega", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", "t", NULL};
    static const char *const star[] = {"omega", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", NULL};
    char reason[QT_REASON_LEN];
    qubit_params *X = p->fp;
    int is_traj = q->which == QO_QD_TRAJECTORY;
    if (qo_check_known(kv, is_traj ? traj : star, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, X->m->omega, kv, "omega", NULL, "qubit frequency, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->gamma, kv, "gamma", NULL, "amplitude-damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->gamma_phi, kv, "gamma_phi", "0", "dephasing rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->x0, kv, "x0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->y0, kv, "y0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->z0, kv, "z0", NULL, "initial Bloch vector", err, errlen)) return 1;
    if (qt_qubit_davies_validate(X->m, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (is_traj && time_param(p, &X->time, kv, "tstar", err, errlen))
        return 1;
    if (!is_traj || X->time.tkind == QT_T_STAR)
        return special_time_exists(qubit_tstar, X->m, err, errlen);
    return 0;
}

static int
qubit_value(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason)
{
    const qubit_params *X = fp;
    (void) q;
    return qt_qubit_davies_tstar(res, X->m, prec, reason);
}

static void
qubit_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const qubit_params *X = fp;
    arb_t t;
    (void) q;
    arb_init(t);
    record_time(t, &X->time, qubit_tstar, X->m, prec);
    qt_qubit_davies_trajectory(R, X->m, t, X->time.tkind, prec);
    arb_clear(t);
}

/* the second method: the same qubit as an open model through the general route (the general Lindblad propagator,
   certified spectral clusters), for qtoracle validate */
static void
qubit_record_general(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const qubit_params *X = fp;
    qt_open_model_t M;
    arb_t t;
    char why[QT_REASON_LEN];
    (void) q;
    arb_init(t);
    record_time(t, &X->time, qubit_tstar, X->m, prec);
    qt_qubit_davies_as_open_model(M, X->m);
    if (qt_open_model_validate(M, why) == QT_OK)
        qt_lindblad_trajectory(R, M, t, X->time.tkind == QT_T_ZERO, prec);
    qt_open_model_clear(M);
    arb_clear(t);
}

const qo_family qo_family_qubit_davies = {
    "trajectory", qt_trajectory_conventions, "omega beta gamma gamma_phi x0 y0 z0 t (t: exact >= 0 or tstar)",
    sizeof(qubit_params), qubit_init, qubit_clear, parse_qubit_davies, qubit_value, qubit_record,
    qubit_record_general, "the general Lindblad route"
};

/* ---- qubit_ramp.trajectory ---- */

typedef struct
{
    qt_qubit_ramp_t m;
    qo_time time;
}
ramp_params;

static void ramp_init(void *fp) { ramp_params *X = fp; qt_qubit_ramp_init(X->m); time_init(&X->time); }
static void ramp_clear(void *fp) { ramp_params *X = fp; qt_qubit_ramp_clear(X->m); time_clear(&X->time); }

static int
parse_qubit_ramp(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"omega0", "omega1", "beta", "gamma", "gamma_phi", "x0", "y0", "z0", "t", NULL};
    char reason[QT_REASON_LEN];
    ramp_params *X = p->fp;
    qt_qubit_davies_struct *B = X->m->base;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, B->omega, kv, "omega0", NULL, "qubit frequency at t = 0, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->omega1, kv, "omega1", NULL, "ramp rate d omega/dt", err, errlen)) return 1;
    if (qo_exact_param(p, B->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->gamma, kv, "gamma", NULL, "amplitude-damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->gamma_phi, kv, "gamma_phi", "0", "dephasing rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, B->x0, kv, "x0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, B->y0, kv, "y0", "0", "initial Bloch vector", err, errlen)) return 1;
    if (qo_exact_param(p, B->z0, kv, "z0", NULL, "initial Bloch vector", err, errlen)) return 1;
    if (time_param(p, &X->time, kv, NULL, err, errlen))
        return 1;
    if (qt_qubit_ramp_validate(X->m, X->time.t, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return 0;
}

static void
ramp_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const ramp_params *X = fp;
    arb_t t;
    (void) q;
    arb_init(t);
    arb_set_fmpq(t, X->time.t, prec);
    qt_qubit_ramp_trajectory(R, X->m, t, X->time.tkind, prec);
    arb_clear(t);
}

const qo_family qo_family_qubit_ramp = {
    "trajectory", qt_trajectory_conventions,
    "omega0 omega1 beta gamma gamma_phi x0 y0 z0 t (omega(t) = omega0 + omega1 t > 0 on [0, t]; t exact >= 0)",
    sizeof(ramp_params), ramp_init, ramp_clear, parse_qubit_ramp, NULL, ramp_record, NULL, NULL
};

/* ---- fano_anderson.* ---- */

typedef struct
{
    qt_fano_anderson_t m;
    qo_time time;
}
fano_params;

static int
fano_tzero(arb_t t, const void *model, slong prec, char *reason)
{
    return qt_fano_anderson_tzero(t, model, prec, reason);
}

static void fano_init(void *fp) { fano_params *X = fp; qt_fano_anderson_init(X->m); time_init(&X->time); }
static void fano_clear(void *fp) { fano_params *X = fp; qt_fano_anderson_clear(X->m); time_clear(&X->time); }

static int
parse_fano_anderson(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const traj[] = {"gamma0", "lambda", "omega0", "p1", "t", NULL};
    static const char *const tz[] = {"gamma0", "lambda", "omega0", "p1", NULL};
    char reason[QT_REASON_LEN];
    fano_params *X = p->fp;
    int is_traj = q->which == QO_FA_TRAJECTORY;
    if (qo_check_known(kv, is_traj ? traj : tz, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, X->m->gamma0, kv, "gamma0", NULL, "coupling strength, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->lambda, kv, "lambda", NULL, "Lorentzian width, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->omega0, kv, "omega0", NULL, "mode frequency = reservoir centre, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->p1, kv, "p1", is_traj ? NULL : "1", "initial excited population |c1|^2 in [0, 1]", err, errlen)) return 1;
    if (qt_fano_anderson_validate(X->m, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (is_traj && time_param(p, &X->time, kv, "tzero", err, errlen))
        return 1;
    if (!is_traj || X->time.tkind == QT_T_STAR)
        return special_time_exists(fano_tzero, X->m, err, errlen);
    return 0;
}

static int
fano_value(arb_t res, const qo_quantity *q, const void *fp, slong prec, char *reason)
{
    const fano_params *X = fp;
    (void) q;
    return qt_fano_anderson_tzero(res, X->m, prec, reason);
}

static void
fano_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const fano_params *X = fp;
    arb_t t;
    (void) q;
    arb_init(t);
    record_time(t, &X->time, fano_tzero, X->m, prec);
    qt_fano_anderson_trajectory(R, X->m, t, X->time.tkind, prec);
    arb_clear(t);
}

const qo_family qo_family_fano_anderson = {
    "trajectory", qt_trajectory_conventions, "gamma0 lambda omega0 p1 t (t: exact >= 0 or tzero)",
    sizeof(fano_params), fano_init, fano_clear, parse_fano_anderson, fano_value, fano_record, NULL, NULL
};

/* ---- damped_mode.trajectory ---- */

typedef struct
{
    qt_damped_mode_t m;
    qo_time time;
}
damped_params;

static void damped_init(void *fp) { damped_params *X = fp; qt_damped_mode_init(X->m); time_init(&X->time); }
static void damped_clear(void *fp) { damped_params *X = fp; qt_damped_mode_clear(X->m); time_clear(&X->time); }

static int
parse_damped_mode(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"omega", "beta", "kappa", "alpha_re", "alpha_im", "t", NULL};
    char reason[QT_REASON_LEN];
    damped_params *X = p->fp;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_exact_param(p, X->m->omega, kv, "omega", NULL, "mode frequency, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->beta, kv, "beta", NULL, "inverse bath temperature, > 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->kappa, kv, "kappa", NULL, "damping rate, >= 0", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->alpha_re, kv, "alpha_re", NULL, "coherent amplitude, real part", err, errlen)) return 1;
    if (qo_exact_param(p, X->m->alpha_im, kv, "alpha_im", "0", "coherent amplitude, imaginary part", err, errlen)) return 1;
    if (qt_damped_mode_validate(X->m, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return time_param(p, &X->time, kv, NULL, err, errlen);
}

static void
damped_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const damped_params *X = fp;
    arb_t t;
    (void) q;
    arb_init(t);
    arb_set_fmpq(t, X->time.t, 2 * prec);      /* as sharp as the Fock series needs (trajectory.h) */
    qt_damped_mode_trajectory(R, X->m, t, X->time.tkind, prec);
    arb_clear(t);
}

const qo_family qo_family_damped_mode = {
    "trajectory", qt_trajectory_conventions,
    "omega beta kappa alpha_re [alpha_im] t (coherent start |alpha0>, alpha0 = alpha_re + i alpha_im)",
    sizeof(damped_params), damped_init, damped_clear, parse_damped_mode, NULL, damped_record, NULL, NULL
};

/* ---- lindblad.trajectory ---- */

typedef struct
{
    qt_qmat_t H, rho0;            /* n = 0 when unset */
    qt_open_model_struct *om;     /* NULL when unset */
    qo_time time;
}
lindblad_params;

static void
lindblad_init(void *fp)
{
    lindblad_params *X = fp;
    X->H->n = 0;
    X->rho0->n = 0;
    X->om = NULL;
    time_init(&X->time);
}

static void
lindblad_clear(void *fp)
{
    lindblad_params *X = fp;
    if (X->H->n)
        qt_qmat_clear(X->H);
    if (X->rho0->n)
        qt_qmat_clear(X->rho0);
    if (X->om != NULL)
    {
        qt_open_model_clear(X->om);
        free(X->om);
    }
    time_clear(&X->time);
}

static int
parse_lindblad(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"H", "rho0", "baths", "t", NULL};
    const char *bv;
    json_t *o, *canon = NULL;
    char reason[QT_REASON_LEN];
    lindblad_params *X = p->fp;
    slong n;
    int bad;
    if (qo_check_known(kv, names, q, "", err, errlen))
        return 1;
    if (qo_matrix_param(p, X->H, kv, "H", err, errlen))
        return 1;
    if (qo_matrix_param(p, X->rho0, kv, "rho0", err, errlen))
        return 1;
    n = X->H->n;
    if (X->rho0->n != n)
    {
        snprintf(err, errlen, "rho0 must be %ld x %ld like H, got %ld x %ld", (long) n, (long) n, (long) X->rho0->n, (long) X->rho0->n);
        return 1;
    }
    bv = qo_lookup(kv, "baths");
    if (bv == NULL)
    {
        snprintf(err, errlen, "missing parameter baths (a JSON array of baths: @file.json or inline)");
        return 1;
    }
    if ((o = qo_json_param(bv, "baths", err, errlen)) == NULL)
        return 1;
    X->om = malloc(sizeof(qt_open_model_struct));
    qt_open_model_init(X->om, n, 0);
    qt_qmat_set(X->om->H, X->H);
    qt_qmat_set(X->om->rho0, X->rho0);
    bad = qo_json_baths(X->om, &canon, o, err, errlen);
    json_decref(o);
    if (!bad)
    {
        qo_echo_add(p, "baths", qo_echo_own(p, json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII)));
    }
    json_decref(canon);
    if (bad)
        return 1;
    if (qt_open_model_validate(X->om, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    return time_param(p, &X->time, kv, NULL, err, errlen);
}

static void
lindblad_record(qt_record_t R, const qo_quantity *q, const void *fp, slong prec)
{
    const lindblad_params *X = fp;
    arb_t t;
    (void) q;
    arb_init(t);
    arb_set_fmpq(t, X->time.t, prec);
    qt_lindblad_trajectory(R, X->om, t, X->time.tkind == QT_T_ZERO, prec);
    arb_clear(t);
}

const qo_family qo_family_lindblad = {
    "trajectory", qt_trajectory_conventions,
    "H rho0 baths t (baths: @file.json or inline JSON [{\"beta\": \"1\", \"channels\": [{\"L\": matrix, \"gamma\": \"0.2\", \"omega\": \"1\", \"kind\": \"thermal\"}]}])",
    sizeof(lindblad_params), lindblad_init, lindblad_clear, parse_lindblad, NULL, lindblad_record, NULL, NULL
};
