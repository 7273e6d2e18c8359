/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* records.c -- the pump.* quantities as records of named outputs (docs/physics/pumping.md §2-3). */
#include <stdio.h>
#include <string.h>
#include "pump_internal.h"
#include "qtoracle/matrix.h"

/* the exact Hamiltonian of the model at a rational point and d_x H, d_z H (model_exact.c) */
static void
exact_hamiltonian(qt_qmat_t H, qt_qmat_t dHx, qt_qmat_t dHz, const qt_pump_params_struct *P,
                  const fmpq_t Bx, const fmpq_t Bz)
{
    qt_pump_model_t M;
    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    qt_pump_model_hamiltonian(H, M, Bx, Bz);
    qt_qmat_set(dHx, M->dH + 0);
    qt_qmat_set(dHz, M->dH + 1);
    qt_pump_model_clear(M);
}

/* S0 = -sum p ln p of the Gibbs state and T d_k S0 = sum_n E_n d_k p_n (lemma P10), from the exact
 * spectrum of H (a route independent of the Lambda computations) */
static int
gibbs_entropy(arb_t S, arb_ptr TdS, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
              slong prec, char *why)
{
    slong d = (slong) 1 << P->n_qubits, k, c;
    qt_qmat_t H, dH[2];
    qt_eigenprojectors_t E;
    arb_t T, w, g, mean;
    arb_ptr p, dE;
    acb_mat_t D, M;
    acb_t tr;
    int st;
    qt_qmat_init(H, d); qt_qmat_init(dH[0], d); qt_qmat_init(dH[1], d);
    exact_hamiltonian(H, dH[0], dH[1], P, Bx, Bz);
    qt_eigenprojectors_init(E);
    st = qt_eigenprojectors(E, H, prec, why);
    if (st != QT_OK)
        goto out0;
    arb_init(T); arb_init(w); arb_init(g); arb_init(mean);
    acb_mat_init(D, d, d); acb_mat_init(M, d, d); acb_init(tr);
    p = _arb_vec_init(E->k); dE = _arb_vec_init(2 * E->k);
    arb_set_fmpq(T, P->T, prec);
    qt_gibbs_weights(p, E, T, prec);         /* weight per level (a degenerate level has mult levels of equal weight) */
    arb_zero(S);
    for (c = 0; c < E->k; c++)
    {
        qt_arb_neg_xlogx_unit(g, p + c, prec);
        arb_addmul_si(S, g, E->mult[c], prec);
        for (k = 0; k < 2; k++)
        {
            /* tr(P_c d_k H) / mult = d_k E per level of the cluster */
            qt_qmat_get_acb_mat(D, dH[k], prec);
            acb_mat_mul(M, E->P + c, D, prec);
            acb_mat_trace(tr, M, prec);
            arb_set(dE + 2 * c + k, acb_realref(tr));
        }
    }
    for (k = 0; k < 2; k++)
    {
        /* T d_k S = sum_n E_n d_k p_n = -sum_n E_n p_n (d_k E_n - <d_k E>)/T */
        arb_zero(mean);
        for (c = 0; c < E->k; c++)
            arb_addmul(mean, p + c, dE + 2 * c + k, prec);     /* dE already summed over the cluster */
        arb_zero(TdS + k);
        for (c = 0; c < E->k; c++)
        {
            arb_mul_si(w, mean, E->mult[c], prec);
            arb_sub(w, dE + 2 * c + k, w, prec);              /* sum over the cluster of (d E_n - <dE>) */
            arb_mul(w, w, p + c, prec);
            arb_mul(w, w, E->lambda + c, prec);
            arb_div(w, w, T, prec);
            arb_sub(TdS + k, TdS + k, w, prec);
        }
    }
    arb_clear(T); arb_clear(w); arb_clear(g); arb_clear(mean);
    acb_mat_clear(D); acb_mat_clear(M); acb_clear(tr);
    _arb_vec_clear(p, E->k); _arb_vec_clear(dE, 2 * E->k);
out0:
    qt_eigenprojectors_clear(E);
    qt_qmat_clear(H); qt_qmat_clear(dH[0]); qt_qmat_clear(dH[1]);
    return st;
}

static void
set_out(qt_record_t R, slong i, const char *name, const arb_t v, int st, const char *why)
{
    strcpy(R->name[i], name);
    arb_set(&R->out[i].value, v);
    R->out[i].status = st;
    strcpy(R->out[i].reason, st == QT_OK ? "" : why);
    if (st != QT_OK && !arb_is_finite(&R->out[i].value))
        arb_zero_pm_inf(&R->out[i].value);
}

/* outputs 0..nb-1 named prefix_L, prefix_R, prefix_3, prefix_4 and output nb "sum_rule", their sum */
static void
set_per_bath(qt_record_t R, const char *prefix, arb_srcptr x, slong nb, int st, const char *why, slong prec)
{
    char nm[32];
    arb_t v;
    slong a;
    arb_init(v);
    for (a = 0; a < nb; a++)
    {
        snprintf(nm, sizeof nm, "%s_%s", prefix, qt_pump_bath_name(a));
        set_out(R, a, nm, x + a, st, why);
        arb_add(v, v, x + a, prec);
    }
    set_out(R, nb, "sum_rule", v, st, why);
    arb_clear(v);
}

void
qt_pump_lambda_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    acb_t bx, bz;
    acb_ptr L;
    arb_t B, S, dS, v;
    char why[QT_REASON_LEN], nm[32];
    slong k, a, nb = qt_pump_n_baths(P);
    int st;
    R->vocabulary = &qt_pump_lambda_vocabulary;
    R->nout = 2 * nb + 3;
    snprintf(R->reference, sizeof R->reference, "%s", qt_pump_equal_temperatures(P) ? "gibbs" : "nonequilibrium_steady_state");
    acb_init(bx); acb_init(bz); arb_init(B); arb_init(S); arb_init(dS); arb_init(v);
    L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
    acb_set_fmpq(bx, Bx, prec);
    acb_set_fmpq(bz, Bz, prec);
    st = qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why);
    for (k = 0; k < 2 * nb; k++)
    {
        snprintf(nm, sizeof nm, "Lambda_%s_%c", qt_pump_bath_name(k / 2), k % 2 == 0 ? 'x' : 'z');
        set_out(R, k, nm, acb_realref(L + k), st, why);   /* real at real points */
    }
    {
        arb_ptr TdS = _arb_vec_init(2);
        char why2[QT_REASON_LEN];
        int st2;
        if (qt_pump_equal_temperatures(P))
            st2 = gibbs_entropy(S, TdS, P, Bx, Bz, prec, why2);
        else
        {
            /* S0 and the sum rule against T dS0 need the Gibbs state (equal temperatures) */
            st2 = qt_fail(why2, QT_DOMAIN, "unequal temperatures: rho0 is the non-equilibrium steady state, not the Gibbs state; S0 and the sum rule sum_a Lambda_a = -T grad S0 are defined here at equal temperatures only");
            arb_indeterminate(S);
            arb_indeterminate(TdS + 0);
            arb_indeterminate(TdS + 1);
        }
        set_out(R, 2 * nb, "S0", S, st2, why2);
        for (k = 0; k < 2; k++)
        {
            /* sum rule: sum_a Lambda_a,k + T d_k S0 (lemma P10) */
            arb_set(v, TdS + k);
            for (a = 0; a < nb; a++)
                arb_add(v, v, acb_realref(L + 2 * a + k), prec);
            set_out(R, 2 * nb + 1 + k, k == 0 ? "sum_rule_x" : "sum_rule_z", v, st != QT_OK ? st : st2, st != QT_OK ? why : why2);
        }
        _arb_vec_clear(TdS, 2);
    }
    acb_clear(bx); acb_clear(bz); arb_clear(B); arb_clear(S); arb_clear(dS); arb_clear(v);
    _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
}

void
qt_pump_heat_record(qt_record_t R, const qt_pump_params_struct *P, const qt_protocol_struct *C, slong prec)
{
    arb_ptr Q = _arb_vec_init(QT_PUMP_MAX_BATHS);
    arb_t v;
    fmpq_t Bc;
    char why[QT_REASON_LEN];
    slong a, nb = qt_pump_n_baths(P);
    int st, settled = 1;
    arb_init(v);
    R->vocabulary = &qt_pump_heat_vocabulary;
    R->nout = nb + 1;
    snprintf(R->reference, sizeof R->reference, "%s", qt_pump_equal_temperatures(P) ? "gibbs" : "nonequilibrium_steady_state");
    for (a = 0; a <= nb; a++)
        settled = settled && R->settled[a];
    if (settled)
        st = QT_OK;             /* a retry for the second order only: the driver keeps the earlier heats */
    else
        st = qt_pump_heat_per_cycle(Q, P, C, prec, why);
    set_per_bath(R, "Q", Q, nb, st, why, prec);
    fmpq_init(Bc);
    if (st == QT_OK && qt_pump_level_crossing_radius(Bc, P))
    {
        /* lemma P13: report the crossing circle |B| = Bc and whether the protocol reaches it (1) or not (0) */
        int crosses = -1;
        fmpq_t t, u;
        fmpq_init(t); fmpq_init(u);
        arb_set_fmpq(v, Bc, prec);
        R->nout = nb + 3;
        set_out(R, nb + 1, "crossing_B", v, QT_OK, "");
        if (C->kind == QT_PROTOCOL_QUADRANT)
            crosses = 1;                                  /* the legs run from B = 0 to infinity */
        else if (C->kind == QT_PROTOCOL_QUARTER_DISC)
            crosses = fmpq_cmp(Bc, C->radius) <= 0;
        else if (C->kind == QT_PROTOCOL_SECTOR)
            crosses = fmpq_cmp(C->r0, Bc) <= 0 && fmpq_cmp(Bc, C->r1) <= 0;
        else if (C->kind == QT_PROTOCOL_CIRCLE)
        {
            /* crosses iff (|c| - rho)^2 <= Bc^2 <= (|c| + rho)^2 with |c| - rho possibly negative:
               |c|^2 + rho^2 - Bc^2 lies in [-2|c|rho, 2|c|rho], i.e. (|c|^2 + rho^2 - Bc^2)^2 <= 4|c|^2 rho^2 */
            fmpq_mul(t, C->cx, C->cx);
            fmpq_addmul(t, C->cz, C->cz);                 /* |c|^2 */
            fmpq_mul(u, C->radius, C->radius);
            fmpq_mul(u, u, t);
            fmpq_mul_2exp(u, u, 2);                       /* 4 |c|^2 rho^2 */
            fmpq_addmul(t, C->radius, C->radius);
            fmpq_submul(t, Bc, Bc);
            fmpq_mul(t, t, t);
            crosses = fmpq_cmp(t, u) <= 0;
        }
        else if (C->kind == QT_PROTOCOL_POLYGON)
        {
            /* all vertices strictly inside the disc |B| < Bc: no crossing (the disc is convex); some inside and some
               outside: a crossing; all outside: not decided here */
            slong i, in = 0;
            for (i = 0; i < C->nvert; i++)
            {
                fmpq_mul(t, C->vx + i, C->vx + i);
                fmpq_addmul(t, C->vz + i, C->vz + i);
                fmpq_mul(u, Bc, Bc);
                in += fmpq_cmp(t, u) < 0;
            }
            crosses = in == C->nvert ? 0 : in > 0 ? 1 : -1;
        }
        if (crosses >= 0)
        {
            arb_set_si(v, crosses);
            set_out(R, nb + 2, "crosses", v, QT_OK, "");
        }
        else
        {
            arb_zero_pm_one(v);
            set_out(R, nb + 2, "crosses", v, QT_UNCERTIFIED, "a polygon with every vertex outside |B| = Bc: whether an edge reaches the crossing circle is not decided here");
        }
        fmpq_clear(t); fmpq_clear(u);
    }
    fmpq_clear(Bc);
    if (C->has_period)
    {
        /* lemma P15: the second order along the same curve, when a period is given; an unsupported model or protocol
           gives the three outputs with the domain status and its reason (the tool refuses such input earlier) */
        arb_t Wt, Lt;
        slong i = R->nout;
        arb_init(Wt); arb_init(Lt);
        if (R->settled[i] && R->settled[i + 1] && R->settled[i + 2])
            st = QT_OK;         /* a retry for the heats only: the driver keeps the earlier values */
        else
            st = qt_pump_dissipation_per_cycle(Wt, Lt, P, C, prec, why);   /* indeterminate outputs when it fails */
        if (st == QT_OK && !qt_pump_equal_temperatures(P))
        {
            char msg[QT_REASON_LEN];
            snprintf(msg, sizeof msg, "undefined at unequal temperatures (%s != T): the thermodynamic metric sym(zeta) need not be positive semidefinite without detailed balance (lemma P22)",
                     qt_pump_unequal_temperature_field(P));
            set_out(R, i, "thermo_length", Lt, QT_DOMAIN, msg);
        }
        else
            set_out(R, i, "thermo_length", Lt, st, why);
        set_out(R, i + 1, "W_diss_tau", Wt, st, why);
        arb_set_fmpq(v, C->period, prec);
        arb_div(v, Wt, v, prec);
        set_out(R, i + 2, "W_diss", v, st, why);
        R->nout = i + 3;
        arb_clear(Wt); arb_clear(Lt);
    }
    arb_clear(v);
    _arb_vec_clear(Q, QT_PUMP_MAX_BATHS);
}

void
qt_pump_curvature_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    arb_ptr O = _arb_vec_init(QT_PUMP_MAX_BATHS);
    char why[QT_REASON_LEN];
    slong nb = qt_pump_n_baths(P);
    int st;
    R->vocabulary = &qt_pump_curvature_vocabulary;
    R->nout = nb + 1;
    snprintf(R->reference, sizeof R->reference, "%s", qt_pump_equal_temperatures(P) ? "gibbs" : "nonequilibrium_steady_state");
    st = qt_pump_curvature(O, P, Bx, Bz, prec, why);
    set_per_bath(R, "Omega", O, nb, st, why, prec);
    _arb_vec_clear(O, QT_PUMP_MAX_BATHS);
}

void
qt_pump_friction_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    static const char *names[4] = {"zeta_xx", "zeta_xz", "zeta_zx", "zeta_zz"};
    arb_ptr Z = _arb_vec_init(4);
    arb_t g, d;
    char why[QT_REASON_LEN];
    slong k;
    int st;
    arb_init(g); arb_init(d);
    R->vocabulary = &qt_pump_friction_vocabulary;
    R->nout = 6;
    snprintf(R->reference, sizeof R->reference, "%s", qt_pump_equal_temperatures(P) ? "gibbs" : "nonequilibrium_steady_state");
    if (fmpq_is_zero(Bx) && fmpq_is_zero(Bz))
    {
        st = qt_fail(why, QT_DOMAIN, "Bx, Bz: B = 0 is the level degeneracy (refused)");
        for (k = 0; k < 6; k++)
        {
            strcpy(R->name[k], k < 4 ? names[k] : k == 4 ? "g_xz" : "det_g");
            arb_indeterminate(&R->out[k].value);
            R->out[k].status = QT_DOMAIN;
            strcpy(R->out[k].reason, why);
        }
        goto out;
    }
    st = qt_pump_friction(Z, P, Bx, Bz, prec, why);
    for (k = 0; k < 4; k++)
        set_out(R, k, names[k], Z + k, st, why);
    arb_add(g, Z + 1, Z + 2, prec);
    arb_mul_2exp_si(g, g, -1);
    set_out(R, 4, "g_xz", g, st, why);
    arb_mul(d, Z + 0, Z + 3, prec);
    arb_submul(d, g, g, prec);
    set_out(R, 5, "det_g", d, st, why);
out:
    arb_clear(g); arb_clear(d);
    _arb_vec_clear(Z, 4);
}

void
qt_pump_steady_state_record(qt_record_t R, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec)
{
    slong d = (slong) 1 << P->n_qubits, c, i, j, o;
    qt_qmat_t H, dHx, dHz;
    qt_eigenprojectors_t E;
    acb_mat_t rho, T2, Hb;
    arb_t T, S, g;
    acb_t tr;
    char why[QT_REASON_LEN];
    int st;
    R->vocabulary = &qt_pump_steady_state_vocabulary;
    R->nout = 2 + 2 * d * d;
    snprintf(R->reference, sizeof R->reference, "gibbs");
    qt_qmat_init(H, d); qt_qmat_init(dHx, d); qt_qmat_init(dHz, d);
    exact_hamiltonian(H, dHx, dHz, P, Bx, Bz);
    qt_eigenprojectors_init(E);
    acb_mat_init(rho, d, d); acb_mat_init(T2, d, d); acb_mat_init(Hb, d, d);
    arb_init(T); arb_init(S); arb_init(g); acb_init(tr);
    if (!qt_pump_equal_temperatures(P))
    {
        /* the non-equilibrium steady state of the global Davies generator (lemma P20) */
        qt_herm_clusters_t C;
        snprintf(R->reference, sizeof R->reference, "nonequilibrium_steady_state");
        st = qt_pump_davies_steady_state(rho, Hb, P, Bx, Bz, prec, why);
        arb_indeterminate(S);
        qt_herm_clusters_init(C);
        if (st == QT_OK && (st = qt_herm_clusters(C, rho, prec, why)) == QT_OK)
            qt_herm_clusters_entropy(S, C, prec);
        qt_herm_clusters_clear(C);
    }
    else if ((st = qt_eigenprojectors(E, H, prec, why)) == QT_OK)
    {
        /* rho0 = sum_c p_c P_c (exact spectrum, lemma E4; lemma P17b) */
        arb_ptr p = _arb_vec_init(E->k);
        arb_set_fmpq(T, P->T, prec);
        qt_gibbs_weights(p, E, T, prec);
        qt_gibbs_state(rho, E, T, prec);
        arb_zero(S);
        for (c = 0; c < E->k; c++)
        {
            qt_arb_neg_xlogx_unit(g, p + c, prec);
            arb_addmul_si(S, g, E->mult[c], prec);
        }
        _arb_vec_clear(p, E->k);
    }
    set_out(R, 0, "S0", S, st, why);
    qt_qmat_get_acb_mat(Hb, H, prec);
    acb_mat_mul(T2, rho, Hb, prec);
    acb_mat_trace(tr, T2, prec);
    set_out(R, 1, "E0", acb_realref(tr), st, why);
    o = 2;
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            char nm[16];
            snprintf(nm, sizeof nm, "rho_re_%d_%d", (int) i, (int) j);
            set_out(R, o++, nm, acb_realref(acb_mat_entry(rho, i, j)), st, why);
            snprintf(nm, sizeof nm, "rho_im_%d_%d", (int) i, (int) j);
            set_out(R, o++, nm, acb_imagref(acb_mat_entry(rho, i, j)), st, why);
        }
    qt_eigenprojectors_clear(E);
    qt_qmat_clear(H); qt_qmat_clear(dHx); qt_qmat_clear(dHz);
    acb_mat_clear(rho); acb_mat_clear(T2); acb_mat_clear(Hb);
    arb_clear(T); arb_clear(S); arb_clear(g); acb_clear(tr);
}
