/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_axis.c -- lemma P26 of proofs/pumping.md: two or three qubits with Heisenberg exchange (Delta = 1, J != 0), any
 * coupling operators (a named layout or coupling=matrix) and further baths (P27), or one qubit with further baths
 * (no exchange), on a field axis B = r e_axis (axis 0: B_x, 1: B_z).
 * The exchange part X commutes with every global rotation, so X and the field term s r (e_axis . Sigma) have a joint
 * eigenbasis w_n that does not depend on r: multiplet labels, levels E_n = of_n + sl_n r exactly affine in r.  The
 * basis is written as integer vectors (z axis: the tables below; x axis: the same vectors rotated by
 * R~^{(x)N}, R~ = [[1, -1], [1, 1]] = sqrt2 exp(-i pi sigma_y / 4), so that sigma_x R~ = R~ sigma_z), and everything
 * is checked exactly when the model is built: the vectors are pairwise orthogonal and X w_n = of_n w_n,
 * (d_axis H) w_n = sl_n w_n.  The transition weights |<w_m|A_a|w_n>|^2 / (|w_m|^2 |w_n|^2) are exact rationals,
 * constant along the axis. */
#include <stdlib.h>
#include "pump_internal.h"

/* the joint eigenvectors of X and Sigma_z, qubit 1 the most significant bit, sigma_z|0> = |0> */
static const int basis1[2][2] = {
    {1, 0},                /* sigma_z = 1 */
    {0, 1}                 /* sigma_z = -1 */
};
static const int basis2[4][4] = {
    {1, 0, 0, 0},          /* T+  */
    {0, 1, 1, 0},          /* T0  */
    {0, 0, 0, 1},          /* T-  */
    {0, 1, -1, 0}          /* S   */
};
static const int basis3[8][8] = {
    {1, 0, 0, 0, 0, 0, 0, 0},       /* quartet, Sigma_z = 3 */
    {0, 1, 1, 0, 1, 0, 0, 0},       /* quartet, 1 */
    {0, 0, 0, 1, 0, 1, 1, 0},       /* quartet, -1 */
    {0, 0, 0, 0, 0, 0, 0, 1},       /* quartet, -3 */
    {0, 1, 0, 0, -1, 0, 0, 0},      /* doublet odd under 1 <-> 3 (singlet on 1, 3), 1 */
    {0, 0, 0, 1, 0, 0, -1, 0},      /* the same, -1 */
    {0, 1, -2, 0, 1, 0, 0, 0},      /* doublet even under 1 <-> 3, 1 */
    {0, 0, 0, 1, 0, -2, 1, 0}       /* the same, -1 */
};

void
qt_pump_multiplet_vectors(fmpz *wv, slong N)
{
    slong d = (slong) 1 << N, n, i;
    for (n = 0; n < d; n++)
        for (i = 0; i < d; i++)
            fmpz_set_si(wv + n * d + i, N == 1 ? basis1[n][i] : N == 2 ? basis2[n][i] : basis3[n][i]);
}

void
qt_pump_axis_init(qt_pump_axis_struct *X, slong d)
{
    X->d = d;
    X->nb = 2;
    X->ground = 0;
    X->sl = _fmpq_vec_init(d);
    X->of = _fmpq_vec_init(d);
    X->C = _fmpq_vec_init(QT_PUMP_MAX_BATHS * d * d);
    X->ng = 0;
    X->da = _fmpq_vec_init(d * d);
    X->db = _fmpq_vec_init(d * d);
    X->group = flint_malloc(sizeof(slong) * d * d);
}

void
qt_pump_axis_clear(qt_pump_axis_struct *X)
{
    _fmpq_vec_clear(X->sl, X->d);
    _fmpq_vec_clear(X->of, X->d);
    _fmpq_vec_clear(X->C, QT_PUMP_MAX_BATHS * X->d * X->d);
    _fmpq_vec_clear(X->da, X->d * X->d);
    _fmpq_vec_clear(X->db, X->d * X->d);
    flint_free(X->group);
}

/* re + i im = u^T M v for integer vectors u, v (exact) */
static void
bilinear(fmpq_t re, fmpq_t im, const fmpz *u, const qt_qmat_t M, const fmpz *v)
{
    slong d = M->n, i, j;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(re);
    fmpq_zero(im);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            if (fmpz_is_zero(u + i) || fmpz_is_zero(v + j))
                continue;
            fmpq_mul_fmpz(t, M->re + i * d + j, u + i);
            fmpq_mul_fmpz(t, t, v + j);
            fmpq_add(re, re, t);
            fmpq_mul_fmpz(t, M->im + i * d + j, u + i);
            fmpq_mul_fmpz(t, t, v + j);
            fmpq_add(im, im, t);
        }
    fmpq_clear(t);
}

/* 1 iff M v = lam v exactly, with lam = v^T M v / v^T v */
static int
eigen_check(fmpq_t lam, const qt_qmat_t M, const fmpz *v)
{
    slong d = M->n, i, j;
    fmpz_t nrm;
    fmpq_t re, im, t;
    int ok = 1;
    fmpz_init(nrm);
    fmpq_init(re); fmpq_init(im); fmpq_init(t);
    for (i = 0; i < d; i++)
        fmpz_addmul(nrm, v + i, v + i);
    bilinear(re, im, v, M, v);
    fmpq_div_fmpz(lam, re, nrm);
    for (i = 0; i < d && ok; i++)
    {
        fmpq_zero(re);
        fmpq_zero(im);
        for (j = 0; j < d; j++)
        {
            fmpq_mul_fmpz(t, M->re + i * d + j, v + j);
            fmpq_add(re, re, t);
            fmpq_mul_fmpz(t, M->im + i * d + j, v + j);
            fmpq_add(im, im, t);
        }
        fmpq_mul_fmpz(t, lam, v + i);
        ok = fmpq_equal(re, t) && fmpq_is_zero(im);
    }
    fmpz_clear(nrm);
    fmpq_clear(re); fmpq_clear(im); fmpq_clear(t);
    return ok;
}

int
qt_pump_axis_model(qt_pump_axis_struct *X, const qt_pump_params_struct *P, int axis, char *reason)
{
    slong N = P->n_qubits, d = (slong) 1 << N, n, m, i, j, q, c;
    qt_pump_model_t M;
    fmpz *v, *nrm, *wv;
    fmpq_t re, im, t;
    int ok = 1;
    if (!qt_pump_axis_route_like(P) || X->d != d)
        return qt_fail(reason, QT_DOMAIN, "the multiplet route on the axes (lemma P26) needs two or three qubits with Heisenberg exchange (Delta = 1, J != 0) on shared baths, or one qubit with further baths");
    wv = _fmpz_vec_init(d * d);          /* row n: the basis vector w_n */
    v = _fmpz_vec_init(d);
    nrm = _fmpz_vec_init(d);
    fmpq_init(re); fmpq_init(im); fmpq_init(t);
    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    for (n = 0; n < d; n++)
    {
        for (i = 0; i < d; i++)
            fmpz_set_si(v + i, N == 1 ? basis1[n][i] : N == 2 ? basis2[n][i] : basis3[n][i]);
        for (i = 0; i < d; i++)
        {
            fmpz *w = wv + n * d + i;
            fmpz_zero(w);
            if (axis == 1)
                fmpz_set(w, v + i);
            else
                for (j = 0; j < d; j++)
                {
                    /* R~^{(x)N}[i][j] = prod_q R~[bit_q(i)][bit_q(j)], R~ = [[1, -1], [1, 1]] */
                    slong sgn = 1;
                    for (q = 0; q < N; q++)
                        if (((i >> q) & 1) == 0 && ((j >> q) & 1) == 1)
                            sgn = -sgn;
                    if (sgn > 0)
                        fmpz_add(w, w, v + j);
                    else
                        fmpz_sub(w, w, v + j);
                }
        }
        for (i = 0; i < d; i++)
            fmpz_addmul(nrm + n, wv + n * d + i, wv + n * d + i);
        /* the exact checks: (d_axis H) w_n = sl_n w_n and X w_n = of_n w_n */
        ok = ok && eigen_check(X->sl + n, M->dH + axis, wv + n * d) && eigen_check(X->of + n, M->X, wv + n * d);
    }
    for (n = 0; n < d && ok; n++)
        for (m = 0; m < n && ok; m++)
        {
            fmpz_t dot;
            fmpz_init(dot);
            for (i = 0; i < d; i++)
                fmpz_addmul(dot, wv + n * d + i, wv + m * d + i);
            ok = fmpz_is_zero(dot);
            fmpz_clear(dot);
        }
    if (!ok)
    {
        qt_pump_model_clear(M);
        _fmpz_vec_clear(wv, d * d);
        _fmpz_vec_clear(v, d);
        _fmpz_vec_clear(nrm, d);
        fmpq_clear(re); fmpq_clear(im); fmpq_clear(t);
        flint_printf("qt_pump_axis_model: the multiplet basis failed its exact check\n");
        flint_abort();
    }
    /* the ground level for large r: the smallest slope (unique: the fully polarised state) */
    X->ground = 0;
    for (n = 1; n < d; n++)
        if (fmpq_cmp(X->sl + n, X->sl + X->ground) < 0)
            X->ground = n;
    /* C_a[m][n] = sum over the channels c of bath a of |w_m^T A_c w_n|^2 / (|w_m|^2 |w_n|^2), m != n */
    X->nb = qt_pump_n_baths(P);
    for (i = 0; i < QT_PUMP_MAX_BATHS * d * d; i++)
        fmpq_zero(X->C + i);
    for (c = 0; c < M->nch; c++)
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                fmpq *e = X->C + (M->bath[c] * d + m) * d + n;
                if (m == n)
                    continue;
                bilinear(re, im, wv + m * d, M->A + c, wv + n * d);
                fmpq_mul(t, re, re);
                fmpq_addmul(t, im, im);
                fmpq_div_fmpz(t, t, nrm + m);
                fmpq_div_fmpz(t, t, nrm + n);
                fmpq_add(e, e, t);
            }
    X->ng = qt_pump_multiplet_grouping(X->group, X->da, X->db, X);
    qt_pump_model_clear(M);
    _fmpz_vec_clear(wv, d * d);
    _fmpz_vec_clear(v, d);
    _fmpz_vec_clear(nrm, d);
    fmpq_clear(re); fmpq_clear(im); fmpq_clear(t);
    return QT_OK;
}

void
qt_pump_axis_crossing_radius(fmpq_t Rc, const qt_pump_axis_struct *X)
{
    slong n, m;
    fmpq_t t, u;
    fmpq_init(t); fmpq_init(u);
    fmpq_zero(Rc);
    for (n = 0; n < X->d; n++)
        for (m = 0; m < n; m++)
        {
            /* of_n + sl_n r = of_m + sl_m r at r = (of_m - of_n) / (sl_n - sl_m) */
            fmpq_sub(u, X->sl + n, X->sl + m);
            if (fmpq_is_zero(u))
                continue;
            fmpq_sub(t, X->of + m, X->of + n);
            fmpq_div(t, t, u);
            if (fmpq_cmp(t, Rc) > 0)
                fmpq_set(Rc, t);
        }
    fmpq_clear(t); fmpq_clear(u);
}

void
qt_pump_axis_gap(fmpq_t gap, const qt_pump_axis_struct *X)
{
    slong n;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(gap);
    for (n = 0; n < X->d; n++)
        if (n != X->ground)
        {
            fmpq_sub(t, X->sl + n, X->sl + X->ground);
            if (fmpq_is_zero(gap) || fmpq_cmp(t, gap) < 0)
                fmpq_set(gap, t);
        }
    fmpq_clear(t);
}

/* Lambda_{a,r} at B = r e_axis by the population route of lemma P13/P9 written in the symmetric form of detailed
 * balance (lemma P26): with q_n = e^{-(E_n - E_g)/(2T)} (entire in r; p = q^2 / Z the Gibbs law), W = Q S Q^{-1},
 * S[n][m] = W[n][m] q_m / q_n = sum_a C_a[n][m] G_a(om) e^{-om/(2T)}, om = E_m - E_n (even in om: S is symmetric),
 * S[m][m] = W[m][m].  W x = d_r p, 1^T x = 0 becomes S z = Q^{-1} d_r p, q^T z = 0 with x = Q z; since q^T S = 0 and
 * 1^T d_r p = 0, row g of the system is implied by the others and is replaced by q^T (rhs 0); E_g may be any level
 * (a constant shift of all E_n scales q, Z and z and leaves x unchanged): the lowest one at the centre of r.  Then
 * Lambda_{a,r} = -sum_m h_a[m] q_m z_m, h_a[m] = sum_{n != m} (E_n - E_m) W_a[n][m].  The same numbers as the rate
 * matrix with the trace row, but the scaled system stays well conditioned as the excited levels empty (r large),
 * which keeps the enclosures on complex balls narrow. */
int
qt_pump_lambda_axis_acb(acb_ptr Lam, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, const acb_t r,
                        slong prec, char *reason)
{
    slong d = X->d, nb = X->nb, g = 0, n, m, a;
    acb_mat_t S, rhs, z;
    acb_mat_struct Wa[QT_PUMP_MAX_BATHS];
    acb_ptr E, q, G1, ex;
    acb_t T, T2, Z, mE, om, t, u, gam, h, one;
    char *have;
    int ok;
    if (!qt_pump_equal_temperatures(P))
    {
        /* the Gibbs law and the detailed-balance symmetrisation below need one temperature */
        _acb_vec_indeterminate(Lam, nb);
        return qt_fail(reason, QT_DOMAIN, "%s: the multiplet route on the axes (lemma P26) is proven at equal temperatures only", qt_pump_unequal_temperature_field(P));
    }
    acb_mat_init(S, d, d); acb_mat_init(rhs, d, 1); acb_mat_init(z, d, 1);
    for (a = 0; a < nb; a++)
        acb_mat_init(Wa + a, d, d);
    E = _acb_vec_init(d); q = _acb_vec_init(d);
    G1 = _acb_vec_init(X->ng); ex = _acb_vec_init(X->ng);
    have = flint_calloc(X->ng + 1, 1);
    acb_init(T); acb_init(T2); acb_init(Z); acb_init(mE); acb_init(om); acb_init(t); acb_init(u); acb_init(gam);
    acb_init(h); acb_init(one);
    acb_one(one);
    acb_set_fmpq(T, P->T, prec);
    acb_mul_2exp_si(T2, T, 1);
    /* E_n = of_n + sl_n r; q_n = exp(-(E_n - E_g)/(2T)); Z = sum q_n^2; <d_r E> = sum q_n^2 sl_n / Z */
    for (n = 0; n < d; n++)
    {
        acb_set_fmpq(t, X->sl + n, prec);
        acb_mul(E + n, t, r, prec);
        acb_set_fmpq(t, X->of + n, prec);
        acb_add(E + n, E + n, t, prec);
    }
    /* the reference: the level lowest at the centre of the ball (any constant shift of E and any replaced row give
       the same solution; this choice keeps q_n <= 1 and the replaced row the dominant one) */
    for (n = 1; n < d; n++)
        if (arf_cmp(arb_midref(acb_realref(E + n)), arb_midref(acb_realref(E + g))) < 0)
            g = n;
    acb_zero(Z);
    acb_zero(mE);
    for (n = 0; n < d; n++)
    {
        acb_sub(t, E + g, E + n, prec);
        acb_div(t, t, T2, prec);
        acb_exp(q + n, t, prec);
        acb_sqr(t, q + n, prec);
        acb_add(Z, Z, t, prec);
        acb_set_fmpq(u, X->sl + n, prec);
        acb_addmul(mE, t, u, prec);
    }
    acb_div(mE, mE, Z, prec);
    /* the rate matrices W_a (off-diagonal n <- m: G_a(om) C_a[n][m], om = E_m - E_n) and S.  G_a = gamma_a G_1 is
       linear in the bath's rate, and om is the frequency of the Bohr group of m -> n, so G_1(om) and e^{-om/(2T)}
       are computed once per group (om = da + db r exactly, on first use) and shared by the transitions and baths */
    for (a = 0; a < nb; a++)
    {
        qt_pump_bath_rate(gam, P, a, prec);
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                const fmpq *c = X->C + (a * d + n) * d + m;
                slong k = X->group[n * d + m];
                if (n == m || fmpq_is_zero(c))
                    continue;
                if (!have[k])
                {
                    acb_set_fmpq(om, X->db + k, prec);
                    acb_mul(om, om, r, prec);
                    acb_set_fmpq(t, X->da + k, prec);
                    acb_add(om, om, t, prec);
                    qt_ohmic_rate_acb(G1 + k, one, om, T, prec);
                    acb_div(t, om, T2, prec);
                    acb_neg(t, t);
                    acb_exp(ex + k, t, prec);
                    have[k] = 1;
                }
                acb_set_fmpq(u, c, prec);
                acb_mul(t, G1 + k, gam, prec);
                acb_mul(acb_mat_entry(Wa + a, n, m), t, u, prec);
                acb_sub(acb_mat_entry(Wa + a, m, m), acb_mat_entry(Wa + a, m, m), acb_mat_entry(Wa + a, n, m), prec);
                /* S[n][m] += W_a[n][m] e^{-om/(2T)} */
                acb_addmul(acb_mat_entry(S, n, m), acb_mat_entry(Wa + a, n, m), ex + k, prec);
            }
        for (m = 0; m < d; m++)
            acb_add(acb_mat_entry(S, m, m), acb_mat_entry(S, m, m), acb_mat_entry(Wa + a, m, m), prec);
    }
    /* rhs = Q^{-1} d_r p = q_n (<d_r E> - sl_n) / (T Z); row g replaced by q^T, rhs 0 */
    for (n = 0; n < d; n++)
    {
        acb_set_fmpq(u, X->sl + n, prec);
        acb_sub(t, mE, u, prec);
        acb_mul(t, t, q + n, prec);
        acb_div(t, t, Z, prec);
        acb_div(acb_mat_entry(rhs, n, 0), t, T, prec);
    }
    for (m = 0; m < d; m++)
        acb_set(acb_mat_entry(S, g, m), q + m);
    acb_zero(acb_mat_entry(rhs, g, 0));
    {
        qt_pump_system_struct F;
        qt_pump_system_init(&F, S, 0, prec);
        ok = qt_pump_system_apply(z, &F, rhs, prec);
        qt_pump_system_clear(&F);
    }
    for (a = 0; a < nb; a++)
    {
        acb_zero(Lam + a);
        for (m = 0; m < d && ok; m++)
        {
            acb_zero(h);
            for (n = 0; n < d; n++)
                if (n != m)
                {
                    acb_sub(t, E + n, E + m, prec);
                    acb_addmul(h, t, acb_mat_entry(Wa + a, n, m), prec);
                }
            acb_mul(t, q + m, acb_mat_entry(z, m, 0), prec);
            acb_submul(Lam + a, h, t, prec);
        }
    }
    if (!ok)
        _acb_vec_indeterminate(Lam, nb);
    acb_mat_clear(S); acb_mat_clear(rhs); acb_mat_clear(z);
    for (a = 0; a < nb; a++)
        acb_mat_clear(Wa + a);
    _acb_vec_clear(E, d); _acb_vec_clear(q, d);
    _acb_vec_clear(G1, X->ng); _acb_vec_clear(ex, X->ng);
    flint_free(have);
    acb_clear(T); acb_clear(T2); acb_clear(Z); acb_clear(mE); acb_clear(om); acb_clear(t); acb_clear(u);
    acb_clear(gam); acb_clear(h); acb_clear(one);
    return ok ? QT_OK : qt_fail(reason, QT_UNCERTIFIED, "the population rate matrix could not be proven to have a unique stationary state (a dark level makes the Drazin inverse undefined)");
}
