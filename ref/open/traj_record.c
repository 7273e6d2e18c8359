/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* traj_record.c -- the vocabulary of the open-system records (trajectory, ramp, cycle: names, formulas and the
 * ratios beta_X = numerator / denominator) and the extended-real combination rules of their outputs (lemma E9 of
 * proofs/open_systems.md). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "traj_internal.h"

static const char *const names[QT_TR_NCORE] = {
    "S", "S_dot", "S_E", "S_E_dot", "C_rel", "C_rel_dot", "E", "J", "Q", "D_rel", "sigma",
    "Pi_d", "Pi_c", "dS_interior", "dS_exterior", "beta_A", "beta_R", "beta_E", "Sigma", "Qdot_R"
};

static const char *const formulas[QT_TR_NCORE] = {
    "S = -tr rho ln rho (2.1)",
    "dS/dt = -tr(rho_dot ln rho) (2.1; +inf when a zero eigenvalue is being populated, section 6)",
    "S_E = S(Delta_H rho), energy (diagonal) entropy (2.2, dephased definition)",
    "dS_E/dt = -tr(Delta_H(rho_dot) ln Delta_H(rho)) (2.2)",
    "C_rel = S_E - S (2.3)",
    "dC_rel/dt = dS_E/dt - dS/dt",
    "E = tr(rho H)",
    "J = tr(rho_dot H), Alicki heat current into the system (2.4)",
    "Q(0->t) = int_0^t J = E(t) - E(0) (constant H)",
    "D(rho_t || rho_ref) (2.3, 2.5; rho_ref named in 'reference')",
    "Spohn(-Lebowitz) sigma = dS/dt - sum_j beta_j J_j (2.5)",
    "Pi_d = dS_E/dt - sum_j beta_j J_j (2.6)",
    "Pi_c = -dC_rel/dt (2.6)",
    "d_iS/dt = tr(i[H, rho] ln rho), the no-entropy-production paper's interior term, identically 0 (2.9, Theorem 1)",
    "d_eS/dt = -tr(D(rho) ln rho), the no-entropy-production paper's exterior term, = dS/dt (2.9)",
    "beta_A = (dS/dt) / J (2.9; ratio of S_dot and J)",
    "beta_R = (dS/dt) / Qdot_R (2.9; ratio of S_dot and Qdot_R)",
    "beta_E = (dS_E/dt) / J (2.10; ratio of S_E_dot and J)",
    "Sigma(0->t) = D(rho_0 || rho_ref) - D(rho_t || rho_ref) (2.5)",
    "Qdot_R = sum_k (dp_k/dt) <psi_k|H|psi_k>, eigenvalue ('refined') heat current (2.4)"
};

const char *
qt_traj_output_name(slong i)
{
    return (i >= 0 && i < QT_TR_NCORE) ? names[i] : NULL;
}

const char *
qt_traj_output_formula(slong i)
{
    return (i >= 0 && i < QT_TR_NCORE) ? formulas[i] : NULL;
}

static const char *const cycle_formulas[5] = {
    "W = sum_k tr(rho_k (H_k - H_{k-1})), work done on the system at the quenches, per cycle (= -sum_j Q_j)",
    "eta = (Q_h + Q_c)/Q_h = -W/Q_h, heats into the working medium (2.9, section 7.8)",
    "eta_quoted = 1 - |Q_c|/Q_h: the no-entropy-production paper's 1 - int T_c dS_c / int T_h dS_h read with the released heat as a magnitude (2.9)",
    "eta_carnot = 1 - T_c/T_h = 1 - beta_h/beta_c (2.5)",
    "clausius = sum_j beta_j Q_j <= 0 per cycle for thermal strokes (2.5)"
};

/* the formula paired with name in a {name, formula} table, or fallback */
static const char *
formula_by_name(const char *const (*f)[2], int n, const char *name, const char *fallback)
{
    int j;
    for (j = 0; j < n; j++)
        if (strcmp(name, f[j][0]) == 0)
            return f[j][1];
    return fallback;
}

/* the trajectory vocabulary: the core formulas, then J_j and Q_j */
static const char *
trajectory_formula(const qt_record_struct *R, slong i)
{
    slong nb;
    if (i < QT_TR_NCORE)
        return formulas[i];
    nb = (R->nout - QT_TR_NCORE) / 2;
    return i < QT_TR_NCORE + nb ? "J_j = tr(D_j(rho) H), heat current from bath j into the system"
                                : "Q_j = int_0^t J_j, heat from bath j over [0, t] (augmented exponential, lemma L2)";
}

/* beta_A = S_dot / J, beta_R = S_dot / Qdot_R, beta_E = S_E_dot / J */
static slong
trajectory_ratio_of(const qt_record_struct *R, slong i, slong *den)
{
    (void) R;
    *den = i == QT_TR_BETA_A || i == QT_TR_BETA_E ? QT_TR_J : i == QT_TR_BETA_R ? QT_TR_QDOT_R : -1;
    return i == QT_TR_BETA_A || i == QT_TR_BETA_R ? QT_TR_S_DOT : i == QT_TR_BETA_E ? QT_TR_S_E_DOT : -1;
}

static const qt_record_vocabulary trajectory_vocabulary = {trajectory_formula, trajectory_ratio_of};

/* the driven qubit: formulas that differ from the constant-H record, by name */
static const char *
ramp_formula(const qt_record_struct *R, slong i)
{
    static const char *const f[11][2] = {
        {"Q", "Q(0->t) = int_0^t J = E(t) - E(0) - W (driven H: the first law)"},
        {"D_rel", "D(rho_t || rho^eq_t), rho^eq_t the Gibbs state of H(t) at beta (2.5, driven generator)"},
        {"sigma", "sigma = -tr(L_t(rho) [ln rho - ln rho^eq_t]) = dS/dt - beta J >= 0 (2.5, driven generator)"},
        {"Sigma", "Sigma(0->t) = int_0^t sigma = D(rho_0 || rho^eq_0) - D(rho_t || rho^eq_t) + beta (W - Delta_F) (identity 11 integrated, lemma R2)"},
        {"J_1", "J_1 = J (one bath)"},
        {"Q_1", "Q_1 = Q (one bath)"},
        {"W_dot", "W_dot = tr(rho dH/dt) = (omega1/2) z, power done on the system"},
        {"W", "W(0->t) = int_0^t W_dot, work done on the system (certified integral of the continued z, lemma R3)"},
        {"F_dot", "F_dot = tr(rho^eq_t dH/dt) = -(omega1/2) tanh(beta omega(t)/2), F = -(1/beta) ln(2 cosh(beta omega/2))"},
        {"Delta_F", "Delta_F = F(t) - F(0) = -(1/beta) ln(cosh(beta omega(t)/2) / cosh(beta omega0/2))"},
        {"D_rel_dot", "dD(rho_t || rho^eq_t)/dt = -sigma + beta (W_dot - F_dot) (identity 11, lemma R2)"}
    };
    return formula_by_name(f, 11, R->name[i], i < QT_TR_NCORE ? formulas[i] : "");
}

const qt_record_vocabulary qt_ramp_vocabulary = {ramp_formula, trajectory_ratio_of};

/* the cycle: Q_1 .. Q_nb, then W, eta, eta_quoted, eta_carnot, clausius */
static const char *
cycle_formula(const qt_record_struct *R, slong i)
{
    slong nb = R->nout - 5;
    if (i < nb)
        return "Q_j = sum over the strokes in contact with bath j of tr(H_k (rho_end - rho_start)), heat into the system per cycle";
    return cycle_formulas[i - nb];
}

const qt_record_vocabulary qt_cycle_vocabulary = {cycle_formula, NULL};

void
qt_traj_record_init(qt_record_t R, slong nbaths)
{
    qt_record_init(R);
    qt_traj_record_set_nbaths(R, nbaths);
}

void
qt_traj_record_set_nbaths(qt_record_t R, slong nbaths)
{
    slong i;
    for (i = 0; i < QT_TR_NCORE; i++)
        strcpy(R->name[i], names[i]);
    R->nout = QT_TR_NCORE + 2 * nbaths;
    R->vocabulary = &trajectory_vocabulary;
    for (i = 0; i < nbaths; i++)
    {
        char *a = R->name[QT_TR_NCORE + i], *b = R->name[QT_TR_NCORE + nbaths + i];
        a[0] = 'J'; b[0] = 'Q';
        a[1] = b[1] = '_';
        a[2] = b[2] = (char) ('1' + i);      /* i < QT_MAX_BATHS <= 9 */
        a[3] = b[3] = '\0';
    }
}

void
qt_tr_combine(qt_record_t R, slong i, slong a, int s, slong b, slong prec)
{
    const qt_result_struct *A = R->out + a, *B = R->out + b;
    arb_t v;
    if (A->status == QT_DOMAIN || B->status == QT_DOMAIN)
    {
        qt_record_domain(R, i, "undefined: %s is undefined (%s)", A->status == QT_DOMAIN ? R->name[a] : R->name[b],
                     A->status == QT_DOMAIN ? A->reason : B->reason);
        return;
    }
    arb_init(v);
    if (qt_arb_is_exact_inf(&A->value) || qt_arb_is_exact_inf(&B->value))
    {
        int sa = qt_arb_is_exact_inf(&A->value) ? arf_sgn(arb_midref(&A->value)) : 0;
        int sb = qt_arb_is_exact_inf(&B->value) ? s * arf_sgn(arb_midref(&B->value)) : 0;
        if (sa != 0 && sb != 0 && sa != sb)
        {
            qt_record_domain(R, i, "undefined: %s %s %s is inf - inf", R->name[a], s > 0 ? "+" : "-", R->name[b]);
            arb_clear(v);
            return;
        }
        /* an exact infinity plus anything else that is a genuine (possibly wide) real ball */
        if ((sa == 0 && !arb_is_finite(&A->value)) || (sb == 0 && !arb_is_finite(&B->value)))
            arb_indeterminate(v);
        else if ((sa ? sa : sb) > 0)
            arb_pos_inf(v);
        else
            arb_neg_inf(v);
    }
    else if (s > 0)
        arb_add(v, &A->value, &B->value, prec);
    else
        arb_sub(v, &A->value, &B->value, prec);
    if (!arb_is_finite(v) && !qt_arb_is_exact_inf(v))
        arb_zero_pm_inf(v);
    qt_record_set(R, i, v, A->status != QT_OK ? A->status : B->status,
              A->status != QT_OK ? A->reason : B->reason);
    arb_clear(v);
}

void
qt_tr_sub_ball(qt_record_t R, slong i, slong a, const arb_t c, slong prec)
{
    const qt_result_struct *A = R->out + a;
    arb_t v;
    if (A->status == QT_DOMAIN)
    {
        qt_record_domain(R, i, "undefined: %s is undefined (%s)", R->name[a], A->reason);
        return;
    }
    arb_init(v);
    if (qt_arb_is_exact_inf(&A->value))
        arb_set(v, &A->value);
    else
    {
        arb_sub(v, &A->value, c, prec);
        if (!arb_is_finite(v))
            arb_zero_pm_inf(v);
    }
    qt_record_set(R, i, v, A->status, A->reason);
    arb_clear(v);
}

static void
ratio(qt_record_t R, slong i, slong prec)
{
    slong b, a = trajectory_ratio_of(R, i, &b);
    const qt_result_struct *N = R->out + a, *D = R->out + b;
    arb_t v;
    if (N->status == QT_DOMAIN || D->status == QT_DOMAIN)
    {
        qt_record_domain(R, i, "undefined: %s is undefined (%s)", N->status == QT_DOMAIN ? R->name[a] : R->name[b],
                     N->status == QT_DOMAIN ? N->reason : D->reason);
        return;
    }
    arb_init(v);
    if (arb_is_zero(&D->value))
    {
        /* the denominator is exactly 0 */
        if (arb_is_zero(&N->value))
            qt_record_domain(R, i, "undefined: %s = %s = 0 exactly (0/0; the temperature is undefined)", R->name[a], R->name[b]);
        else if (arb_contains_zero(&N->value))
            qt_record_domain(R, i, "undefined: %s = 0 exactly (%s / 0 is 0/0 or infinite without a sign)", R->name[b], R->name[a]);
        else
            qt_record_domain(R, i, "undefined: %s = 0 exactly while %s != 0 (temperature 0, beta infinite without a sign)", R->name[b], R->name[a]);
    }
    else if (qt_arb_is_exact_inf(&D->value))
    {
        if (qt_arb_is_exact_inf(&N->value))
            qt_record_domain(R, i, "undefined: %s and %s are both infinite (inf/inf)", R->name[a], R->name[b]);
        else if (!arb_is_finite(&N->value))
        {
            arb_zero_pm_inf(v);
            qt_record_set(R, i, v, QT_UNCERTIFIED, N->reason);
        }
        else
        {
            arb_zero(v);
            qt_record_set(R, i, v, N->status, N->reason);
        }
    }
    else if (!arb_is_finite(&D->value))
    {
        arb_zero_pm_inf(v);
        qt_record_set(R, i, v, QT_UNCERTIFIED, D->reason);
    }
    else if (arb_contains_zero(&D->value))
    {
        arb_zero_pm_inf(v);
        char msg[QT_REASON_LEN];
        snprintf(msg, sizeof msg, "the denominator %s encloses 0: beta may pass through +-inf (see the pair %s, %s)",
                 R->name[b], R->name[a], R->name[b]);
        qt_record_set(R, i, v, QT_UNCERTIFIED, msg);
    }
    else if (qt_arb_is_exact_inf(&N->value))
    {
        if (arf_sgn(arb_midref(&N->value)) * (arb_is_positive(&D->value) ? 1 : -1) > 0)
            arb_pos_inf(v);
        else
            arb_neg_inf(v);
        qt_record_set(R, i, v, N->status, N->reason);
    }
    else
    {
        arb_div(v, &N->value, &D->value, prec);
        if (!arb_is_finite(v))
            arb_zero_pm_inf(v);
        qt_record_set(R, i, v, N->status != QT_OK ? N->status : D->status, N->status != QT_OK ? N->reason : D->reason);
    }
    arb_clear(v);
}

void
qt_tr_ratios(qt_record_t R, slong prec)
{
    ratio(R, QT_TR_BETA_A, prec);
    ratio(R, QT_TR_BETA_R, prec);
    ratio(R, QT_TR_BETA_E, prec);
}

void
qt_tr_negate(qt_record_t R, slong i, slong a)
{
    arb_t v;
    if (R->out[a].status == QT_DOMAIN)
    {
        qt_record_domain(R, i, "%s", R->out[a].reason);
        return;
    }
    arb_init(v);
    arb_neg(v, &R->out[a].value);
    qt_record_set(R, i, v, R->out[a].status, R->out[a].reason);
    arb_clear(v);
}

void
qt_tr_set_finite(qt_record_t R, slong i, const arb_t v, const char *why_not)
{
    if (arb_is_finite(v))
        qt_record_set(R, i, v, QT_OK, "");
    else
    {
        arb_t w;
        arb_init(w);
        arb_zero_pm_inf(w);
        qt_record_set(R, i, w, QT_UNCERTIFIED, why_not);
        arb_clear(w);
    }
}
