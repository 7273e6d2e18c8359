/* params.c -- name=value parameters of each family: parse exactly, reject unknown,
 * duplicate, missing, unused and out-of-domain parameters with a message that names
 * the parameter and the reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oracle.h"

const char *
qo_family_param_names(int family)
{
    if (family == QO_FAM_LANDAUER)
        return "stats model [tau] [eps0 gamma_L gamma_R] [E_lo E_hi] mu_L T_L mu_R T_R";
    if (family == QO_FAM_STATE)
        return "rho [H] [sigma] [definition=outcome|dephased] (matrices: @file.json or {\"dims\": [n, n], \"re\": [...], \"im\": [...]})";
    if (family == QO_FAM_QUBIT)
        return "omega beta gamma gamma_phi x0 y0 z0 t (t: exact >= 0 or tstar)";
    if (family == QO_FAM_RAMP)
        return "omega0 omega1 beta gamma gamma_phi x0 y0 z0 t (omega(t) = omega0 + omega1 t > 0 on [0, t]; t exact >= 0)";
    if (family == QO_FAM_DAMPED)
        return "omega beta kappa alpha_re [alpha_im] t (coherent start |alpha0>, alpha0 = alpha_re + i alpha_im)";
    if (family == QO_FAM_PUMP)
        return "[n_qubits=1] [J=0] [Delta=1] [b] gamma_L gamma_R T [T_R=T] [convention=pauli|spin] [coupling=default|b_on_R|b_on_L|crossed|local|matrix (2-3 qubits; local: J=0; matrix: A_L, A_R exact Hermitian 2^N x 2^N)] [gamma_3 A_3 [T_3=T] [gamma_4 A_4 [T_4=T]]] (further baths, 1-3 qubits, not coupling=local: exact Hermitian 2^N x 2^N couplings); pump.lambda, pump.curvature, pump.friction, pump.steady_state: Bx Bz; pump.heat_per_cycle: protocol=circle (center_x center_z radius) | sector (r0 r1 theta0 theta1) | polygon (vertices=x1,z1;x2,z2;...) | quadrant (equal T; one qubit, coupling=local, or 2-3 qubits with Delta=1, J!=0; further baths: one qubit or 2-3 qubits with Delta=1, J!=0) | quarter_disc (radius; the same models); [period] (W_diss, thermo_length; one qubit, coupling=local, or 2-3 interacting qubits with J!=0; at T_R != T W_diss only)";
    if (family == QO_FAM_CYCLE)
        return "baths strokes (strokes: @file.json or inline JSON [{\"H\": matrix, \"bath\": 1, \"duration\": \"2\"}, ...]; omit bath for a unitary stroke)";
    if (family == QO_FAM_FANO)
        return "gamma0 lambda omega0 p1 t (t: exact >= 0 or tzero)";
    if (family == QO_FAM_LINDBLAD)
        return "H rho0 baths t (baths: @file.json or inline JSON [{\"beta\": \"1\", \"channels\": [{\"L\": matrix, \"gamma\": \"0.2\", \"omega\": \"1\", \"kind\": \"thermal\"}]}])";
    return "eps0 width mu T";
}

void
qo_params_init(qo_params *p)
{
    memset(&p->echo, 0, sizeof p->echo);
    qt_landauer_params_init(p->land);
    qt_driven_level_params_init(p->drv);
    p->rho->n = 0;
    p->H->n = 0;
    p->sigma->n = 0;
    p->definition = QT_EE_DEPHASED;
    qt_qubit_davies_init(p->qd);
    qt_qubit_ramp_init(p->qr);
    qt_fano_anderson_init(p->fa);
    qt_damped_mode_init(p->dm);
    fmpq_init(p->t);
    p->tkind = QT_T_GENERIC;
    p->om = NULL;
    p->cy = NULL;
    qt_pump_params_init(p->pump);
    qt_protocol_init(p->proto);
    fmpq_init(p->Bx);
    fmpq_init(p->Bz);
    p->nowned = 0;
    p->family = QO_FAM_LANDAUER;
}

void
qo_params_clear(qo_params *p)
{
    qt_landauer_params_clear(p->land);
    qt_driven_level_params_clear(p->drv);
    if (p->rho->n)
        qt_qmat_clear(p->rho);
    if (p->H->n)
        qt_qmat_clear(p->H);
    if (p->sigma->n)
        qt_qmat_clear(p->sigma);
    qt_qubit_davies_clear(p->qd);
    qt_qubit_ramp_clear(p->qr);
    qt_fano_anderson_clear(p->fa);
    qt_damped_mode_clear(p->dm);
    fmpq_clear(p->t);
    if (p->om != NULL)
    {
        qt_open_model_clear(p->om);
        free(p->om);
        p->om = NULL;
    }
    qt_pump_params_clear(p->pump);
    qt_protocol_clear(p->proto);
    fmpq_clear(p->Bx);
    fmpq_clear(p->Bz);
    if (p->cy != NULL)
    {
        qt_cycle_clear(p->cy);
        free(p->cy);
        p->cy = NULL;
    }
    while (p->nowned > 0)
        free(p->owned[--p->nowned]);
}

static const char *
lookup(const qo_kv *kv, const char *key)
{
    int i;
    for (i = 0; i < kv->n; i++)
        if (strcmp(kv->key[i], key) == 0)
            return kv->val[i];
    return NULL;
}

static void
echo_add(qo_params *p, const char *key, const char *val)
{
    if (p->echo.n < QO_MAX_PARAMS)
    {
        p->echo.key[p->echo.n] = key;
        p->echo.val[p->echo.n] = val;
        p->echo.n++;
    }
}

/* one exact parameter; def = NULL means required */
static int
exact(qo_params *p, fmpq_t q, const qo_kv *kv, const char *key, const char *def,
      const char *why, char *err, size_t errlen)
{
    const char *v = lookup(kv, key);
    char msg[256];
    if (v == NULL)
    {
        if (def == NULL)
        {
            snprintf(err, errlen, "missing parameter %s (%s)", key, why);
            return 1;
        }
        v = def;
    }
    if (qt_exact_parse(q, v, msg, sizeof msg))
    {
        snprintf(err, errlen, "%s %s", key, msg);
        return 1;
    }
    echo_add(p, key, v);
    return 0;
}

static int
check_known(const qo_kv *kv, const char *const *allowed, const qo_quantity *q,
            const char *context, char *err, size_t errlen)
{
    int i, j, k;
    for (i = 0; i < kv->n; i++)
    {
        int ok = 0;
        for (k = 0; k < i; k++)
            if (strcmp(kv->key[k], kv->key[i]) == 0)
            {
                snprintf(err, errlen, "parameter %s is given twice", kv->key[i]);
                return 1;
            }
        for (j = 0; allowed[j] != NULL; j++)
            if (strcmp(allowed[j], kv->key[i]) == 0)
                ok = 1;
        if (!ok)
        {
            snprintf(err, errlen, "parameter %s is not used by %s%s (parameters: %s)",
                     kv->key[i], q->name, context, qo_family_param_names(q->family));
            return 1;
        }
    }
    return 0;
}

static int
parse_landauer(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const ideal[] = {"stats", "model", "tau", "mu_L", "T_L", "mu_R", "T_R", NULL};
    static const char *const lor[] = {"stats", "model", "eps0", "gamma_L", "gamma_R", "mu_L", "T_L", "mu_R", "T_R", NULL};
    static const char *const box[] = {"stats", "model", "E_lo", "E_hi", "tau", "mu_L", "T_L", "mu_R", "T_R", NULL};
    const char *stats = lookup(kv, "stats"), *model = lookup(kv, "model");
    const char *mudef;
    char context[64], reason[QT_REASON_LEN];
    qt_landauer_params_struct *L = p->land;

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
    if (check_known(kv, L->model == QT_MODEL_IDEAL ? ideal : L->model == QT_MODEL_LORENTZIAN ? lor : box,
                    q, context, err, errlen))
        return 1;
    echo_add(p, "stats", stats);
    echo_add(p, "model", model);

    if (L->model == QT_MODEL_IDEAL)
    {
        if (exact(p, L->tau, kv, "tau", "1", "transmission, 0 <= tau <= 1", err, errlen)) return 1;
    }
    else if (L->model == QT_MODEL_LORENTZIAN)
    {
        if (exact(p, L->eps0, kv, "eps0", NULL, "level energy", err, errlen)) return 1;
        if (exact(p, L->gamma_L, kv, "gamma_L", NULL, "coupling to L, > 0", err, errlen)) return 1;
        if (exact(p, L->gamma_R, kv, "gamma_R", NULL, "coupling to R, > 0", err, errlen)) return 1;
    }
    else
    {
        if (exact(p, L->E_lo, kv, "E_lo", NULL, "lower band edge", err, errlen)) return 1;
        if (exact(p, L->E_hi, kv, "E_hi", NULL, "upper band edge", err, errlen)) return 1;
        if (exact(p, L->tau, kv, "tau", NULL, "transmission in the band, 0 <= tau <= 1", err, errlen)) return 1;
    }
    mudef = (L->stats == QT_BOSON) ? "0" : NULL;
    if (exact(p, L->mu_L, kv, "mu_L", mudef, "chemical potential of L", err, errlen)) return 1;
    if (exact(p, L->T_L, kv, "T_L", NULL, "temperature of L, > 0", err, errlen)) return 1;
    if (exact(p, L->mu_R, kv, "mu_R", mudef, "chemical potential of R", err, errlen)) return 1;
    if (exact(p, L->T_R, kv, "T_R", NULL, "temperature of R, > 0", err, errlen)) return 1;

    if (qt_landauer_params_validate(p->land, reason) != QT_OK)
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

static int
parse_driven(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    static const char *const names[] = {"eps0", "width", "mu", "T", NULL};
    char reason[QT_REASON_LEN];
    if (check_known(kv, names, q, "", err, errlen))
        return 1;
    if (exact(p, p->drv->eps0, kv, "eps0", NULL, "level energy", err, errlen)) return 1;
    if (exact(p, p->drv->width, kv, "width", NULL, "full width Gamma, > 0", err, errlen)) return 1;
    if (exact(p, p->drv->mu, kv, "mu", NULL, "chemical potential", err, errlen)) return 1;
    if (exact(p, p->drv->T, kv, "T", NULL, "temperature, > 0", err, errlen)) return 1;
    const qt_driven_level_params_struct *dp = p->drv;
    if (qt_driven_level_params_validate(dp, reason) != QT_OK)
    {
        const char *v = lookup(kv, fmpq_sgn(p->drv->width) <= 0 ? "width" : "T");
        snprintf(err, errlen, "%s, got \"%s\"", reason, v ? v : "");
        return 1;
    }
    return 0;
}

static int
matrix_param(qo_params *p, qt_qmat_t A, const qo_kv *kv, const char *key, char *err, size_t errlen)
{
    const char *v = lookup(kv, key);
    json_t *canon = NULL;
    char *s;
    if (v == NULL)
    {
        snprintf(err, errlen, "missing parameter %s (a matrix: @file.json or inline JSON)", key);
        return 1;
    }
    if (qo_matrix_from_param(A, &canon, v, key, err, errlen))
        return 1;
    s = json_dumps(canon, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(canon);
    p->owned[p->nowned++] = s;
    echo_add(p, key, s);
    return 0;
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
    if (w == QO_ST_ENERGY || w == QO_ST_COHERENCE)
        allowed = with_h;
    else if (w == QO_ST_ENERGY_ENTROPY)
        allowed = with_def;
    else if (w == QO_ST_RELATIVE)
        allowed = with_sigma;
    if (check_known(kv, allowed, q, "", err, errlen))
        return 1;
    if (w == QO_ST_ENERGY_ENTROPY)
    {
        const char *d = lookup(kv, "definition");
        if (d == NULL)
        {
            snprintf(err, errlen, "missing parameter definition (outcome or dephased; open_systems.md 2.2 names both)");
            return 1;
        }
        if (strcmp(d, "outcome") == 0)
            p->definition = QT_EE_OUTCOME;
        else if (strcmp(d, "dephased") == 0)
            p->definition = QT_EE_DEPHASED;
        else
        {
            snprintf(err, errlen, "definition must be outcome or dephased, got \"%s\"", d);
            return 1;
        }
    }
    if (matrix_param(p, p->rho, kv, "rho", err, errlen))
        return 1;
    if (qt_state_validate(p->rho, reason) != QT_OK)
    {
        snprintf(err, errlen, "%s", reason);
        return 1;
    }
    if (allowed == with_h || allowed == with_def)
    {
        if (matrix_param(p, p->H, kv, "H", err, errlen))
            return 1;
        if (qt_hamiltonian_validate(p->H, p->rho->n, reason) != QT_OK)
        {
            snprintf(err, errlen, "%s", reason);
            return 1;
        }
    }
    if (w == QO_ST_ENERGY_ENTROPY)
        echo_add(p, "definition", p->definition == QT_EE_OUTCOME ? "outcome" : "dephased");
    if (w == QO_ST_RELATIVE)
    {
        if (matrix_param(p, p->sigma, kv, "sigma", err, errlen))
            return 1;
        if (p->sigma->n != p->rho->n)
        {
            snprintf(err, errlen, "sigma must be %ld x %ld like rho, got %ld x %ld", (long) p->rho->n,
                     (long) p->rho->n, (long) p->sigma->n, (long) p->sigma->n);
            return 1;
        }
        if (qt_state_validate(p->sigma, reason) != QT_OK)
        {
            snprintf(err, errlen, "sigma: %s", reason);
            return 1;
        }
    }
    return 0;
}

int
qo_params_parse(qo_params *p, const qo_quantity *q, const qo_kv *kv, char *err, size_t errlen)
{
    p->family = q->family;
    p->echo.n = 0;
    if (q->family == QO_FAM_LANDAUER)
        return parse_landauer(p, q, kv, err, errlen);
    if (q->family == QO_FAM_STATE)
        return parse_state(p, q, kv, err, errlen);
    if (q->family == QO_FAM_RAMP)
        return qo_parse_qubit_ramp(p, q, kv, err, errlen);
    if (q->family == QO_FAM_QUBIT)
        return qo_parse_qubit_davies(p, q, kv, err, errlen);
    if (q->family == QO_FAM_LINDBLAD)
        return qo_parse_lindblad(p, q, kv, err, errlen);
    if (q->family == QO_FAM_FANO)
        return qo_parse_fano_anderson(p, q, kv, err, errlen);
    if (q->family == QO_FAM_DAMPED)
        return qo_parse_damped_mode(p, q, kv, err, errlen);
    if (q->family == QO_FAM_CYCLE)
        return qo_parse_cycle(p, q, kv, err, errlen);
    if (q->family == QO_FAM_PUMP)
        return qo_parse_pump(p, q, kv, err, errlen);
    return parse_driven(p, q, kv, err, errlen);
}

json_t *
qo_params_json(const qo_params *p)
{
    json_t *o = json_object();
    int i;
    for (i = 0; i < p->echo.n; i++)
    {
        json_t *m = NULL;
        if (p->echo.val[i][0] == '{' || p->echo.val[i][0] == '[')
            m = json_loads(p->echo.val[i], 0, NULL);     /* a canonical matrix object */
        json_object_set_new(o, p->echo.key[i], m ? m : json_string(p->echo.val[i]));
    }
    return o;
}

/* exported wrappers for params_open.c */
const char *qo_lookup(const qo_kv *kv, const char *key) { return lookup(kv, key); }
void qo_echo_add(qo_params *p, const char *key, const char *val) { echo_add(p, key, val); }
int
qo_exact_param(qo_params *p, fmpq_t q, const qo_kv *kv, const char *key, const char *def,
               const char *why, char *err, size_t errlen)
{
    return exact(p, q, kv, key, def, why, err, errlen);
}
int
qo_check_known(const qo_kv *kv, const char *const *allowed, const qo_quantity *q,
               const char *context, char *err, size_t errlen)
{
    return check_known(kv, allowed, q, context, err, errlen);
}
int
qo_matrix_param(qo_params *p, qt_qmat_t A, const qo_kv *kv, const char *key, char *err, size_t errlen)
{
    return matrix_param(p, A, kv, key, err, errlen);
}
