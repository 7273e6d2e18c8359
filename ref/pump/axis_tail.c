/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* axis_tail.c -- lemmas P23 and P26 of proofs/pumping.md: the part beyond R of a quadrant leg for two or three qubits
 * with Heisenberg exchange at equal temperatures.  On an axis the eigenvectors are fixed, the levels are affine in r,
 * E_n = sl_n r + of_n (the multiplet labels of route_axis.c), and Lambda_{a,r} = -sum_m h_m x_m with W x = d_r p,
 * 1^T x = 0.  With g the level of smallest slope (the ground level for large r), gap = min_{n != g} (sl_n - sl_g),
 * alpha = gap/T, for r >= R:
 *   sum over n != g of |d_r p_n| <= (D/T) K e^{-alpha r}, D = max sl - min sl,
 *     K = sum_{n != g} exp(-((sl_n - sl_g - gap) R + of_n - of_g)/T);
 *   weighted column dominance of the reduced matrix M[n][m] = W[n][m] - W[n][g] (n, m != g), proven for all r >= R
 *   from the monotonicity of the ohmic rate, gives ||x||_1 <= 2 w_max ||d_r p||_1 / delta;
 *   |h_m| <= sum_n gamma_a C_a[n][m] |om_nm| (|om_nm| + T) <= q0 + q1 r + q2 r^2;
 * so |Lambda_{a,r}(r)| <= (c0 + c1 r + c2 r^2) e^{-alpha r}, c_i = q_i 2 D K w_max / (T delta). */
#include "pump_internal.h"

/* the largest weight tried on an excited level (effort: the search only chooses; the margin of the chosen weights is
   certified) */
#define AXIS_WMAX 4

/* rate n -> m at r = R (entry W[m][n]), sum_a G_a(E_n - E_m) C_a[m][n]; exactly 0 if no bath connects n and m */
static void
total_rate_at(arb_t w, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, arb_srcptr sl, arb_srcptr of,
              const arb_t R, slong m, slong n, slong prec)
{
    slong d = X->d;
    acb_t g, om, T, t;
    arb_t x;
    int a;
    acb_init(g); acb_init(om); acb_init(T); acb_init(t);
    arb_init(x);
    arb_zero(w);
    acb_set_fmpq(T, P->T, prec);
    arb_sub(x, sl + n, sl + m, prec);
    arb_mul(x, x, R, prec);
    arb_add(x, x, of + n, prec);
    arb_sub(x, x, of + m, prec);
    acb_set_arb(om, x);
    for (a = 0; a < X->nb; a++)
    {
        const fmpq *c = X->C + (a * d + m) * d + n;
        if (fmpq_is_zero(c))
            continue;
        qt_pump_bath_rate(g, P, a, prec);
        qt_ohmic_rate_acb(t, g, om, T, prec);
        arb_set_fmpq(x, c, prec);
        arb_mul(x, x, acb_realref(t), prec);
        arb_add(w, w, x, prec);
    }
    acb_clear(g); acb_clear(om); acb_clear(T); acb_clear(t);
    arb_clear(x);
}

/* bounds over r >= R of the rate n -> m (entry [m][n]): lo a lower bound, hi an upper bound (+inf if none).  G_a is
   increasing on the real line and om(r) is affine with slope sl_n - sl_m, so the rate increases, decreases or is
   constant, and it is >= 0 */
static void
rate_bounds(arb_t lo, arb_t hi, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, arb_srcptr sl,
            arb_srcptr of, const arb_t R, slong m, slong n, slong prec)
{
    slong d = X->d, a;
    int c, connected = 0;
    for (a = 0; a < X->nb; a++)
        connected = connected || !fmpq_is_zero(X->C + (a * d + m) * d + n);
    if (!connected)
    {
        arb_zero(lo);
        arb_zero(hi);
        return;
    }
    total_rate_at(lo, X, P, sl, of, R, m, n, prec);
    c = fmpq_cmp(X->sl + n, X->sl + m);
    arb_set(hi, lo);
    if (c < 0)
        arb_zero(lo);                 /* decreasing: inf is >= 0 */
    else if (c > 0)
        arb_pos_inf(hi);              /* increasing: no upper bound */
}

/* the dominance margin of the weights wt (on the excited levels; wt[g] unused) at column m (lemma P23):
 *   w_m W[g][m] + sum_{n != m, g} (w_m - w_n) W[n][m] + w_m W[m][g] - sum_{n != m, g} w_n W[n][g],
 * each rate replaced by its bound over r >= R (lo for a positive coefficient, hi for a negative one) */
static void
column_margin(arb_t delta, const slong *wt, slong m, slong d, slong g, const arb_struct *lo, const arb_struct *hi,
              slong prec)
{
    slong n, k;
    arb_mul_si(delta, lo + g * d + m, wt[m], prec);
    arb_addmul_si(delta, lo + m * d + g, wt[m], prec);
    for (n = 0; n < d; n++)
    {
        if (n == m || n == g)
            continue;
        k = wt[m] - wt[n];
        if (k > 0)
            arb_addmul_si(delta, lo + n * d + m, k, prec);
        else if (k < 0 && !arb_is_zero(hi + n * d + m))
            arb_addmul_si(delta, hi + n * d + m, k, prec);
        if (!arb_is_zero(hi + n * d + g))
            arb_submul_si(delta, hi + n * d + g, wt[n], prec);
    }
}

/* the weights with the best proven ratio delta / w_max among all wt in {1, ..., AXIS_WMAX} on the excited levels;
   returns w_max (0 if no candidate has a positive proven margin) and delta */
static slong
best_weights(arb_t best, const qt_pump_axis_struct *X, const arb_struct *lo, const arb_struct *hi, slong prec)
{
    slong d = X->d, g = X->ground, wt[8], m, i, count = 1, wbest = 0;
    arb_t delta, t, ratio, bratio;
    arb_init(delta); arb_init(t); arb_init(ratio); arb_init(bratio);
    for (m = 0; m < d - 1; m++)
        count *= AXIS_WMAX;
    arb_zero(best);
    arb_zero(bratio);
    for (i = 0; i < count; i++)
    {
        slong code = i, wm = 0;
        for (m = 0; m < d; m++)
        {
            if (m == g)
            {
                wt[m] = 0;
                continue;
            }
            wt[m] = 1 + code % AXIS_WMAX;
            code /= AXIS_WMAX;
            wm = FLINT_MAX(wm, wt[m]);
        }
        arb_pos_inf(delta);
        for (m = 0; m < d && arb_is_positive(delta); m++)
            if (m != g)
            {
                column_margin(t, wt, m, d, g, lo, hi, prec);
                arb_min(delta, delta, t, prec);
            }
        if (!arb_is_positive(delta) || !arb_is_finite(delta))
            continue;
        arb_div_si(ratio, delta, wm, prec);
        if (wbest == 0 || arf_cmp(arb_midref(ratio), arb_midref(bratio)) > 0)
        {
            wbest = wm;
            arb_set(best, delta);
            arb_set(bratio, ratio);
        }
    }
    arb_clear(delta); arb_clear(t); arb_clear(ratio); arb_clear(bratio);
    return wbest;
}

/* the public entry points: the model of the axis route for P (built into X, initialised here) and QT_OK, or a domain
   error (X not initialised) */
static int
public_axis_model(qt_pump_axis_struct *X, const qt_pump_params_struct *P, int bath, int axis, char *reason)
{
    if (!qt_pump_axis_route_like(P) || !qt_pump_equal_temperatures(P) || bath < 0 || bath >= qt_pump_n_baths(P))
        return qt_fail(reason, QT_DOMAIN, "protocol=quadrant: the tail bound (lemmas P23, P26) is for two or three qubits with Heisenberg exchange (Delta = 1, J != 0), or one qubit with further baths, at equal temperatures, and one of their baths");
    qt_pump_axis_init(X, (slong) 1 << P->n_qubits);
    qt_pump_axis_model(X, P, axis, reason);
    return QT_OK;
}

int
qt_pump_heisenberg_axis_envelope(arb_ptr c, arb_t alpha, const qt_pump_params_struct *P, int bath, int axis,
                                 const arb_t R, slong prec, char *reason)
{
    qt_pump_axis_struct X;
    int st;
    if ((st = public_axis_model(&X, P, bath, axis, reason)) != QT_OK)
    {
        _arb_vec_indeterminate(c, 3);
        arb_indeterminate(alpha);
        return st;
    }
    st = qt_pump_axis_envelope(c, alpha, &X, P, bath, R, prec, reason);
    qt_pump_axis_clear(&X);
    return st;
}

/* the part of the envelope that every bath shares: alpha = gap/T and A = 2 D K w_max / (T delta) at R; QT_OK, or
   QT_UNCERTIFIED with the reason when no weighted column dominance is proven beyond R */
static int
envelope_common(arb_t alpha, arb_t A, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, const arb_t R,
                slong prec, char *reason)
{
    arb_ptr sl, of;
    arb_struct *lo, *hi;
    arb_t gap, D, best, t, K, T;
    slong d = X->d, g = X->ground, m, n, wmax;
    fmpq_t gq;
    int st = QT_OK;
    fmpq_init(gq);
    sl = _arb_vec_init(d); of = _arb_vec_init(d);
    lo = _arb_vec_init(d * d); hi = _arb_vec_init(d * d);
    arb_init(gap); arb_init(D); arb_init(best); arb_init(t); arb_init(K); arb_init(T);
    arb_set_fmpq(T, P->T, prec);
    for (n = 0; n < d; n++)
    {
        arb_set_fmpq(sl + n, X->sl + n, prec);
        arb_set_fmpq(of + n, X->of + n, prec);
    }
    for (m = 0; m < d; m++)
        for (n = 0; n < d; n++)
            if (m != n)
                rate_bounds(lo + m * d + n, hi + m * d + n, X, P, sl, of, R, m, n, prec);
    wmax = best_weights(best, X, lo, hi, prec);
    if (wmax == 0)
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "protocol=quadrant: no weighted column dominance of the population rate matrix could be proven beyond R (lemmas P23, P26): the layout leaves a level without a decay path to the ground level");
        goto cleanup;
    }
    /* gap = min_{n != g} (sl_n - sl_g) (exact, > 0: the ground slope is the unique minimum), D = max sl - min sl */
    qt_pump_axis_gap(gq, X);
    arb_set_fmpq(gap, gq, prec);
    arb_zero(D);
    for (n = 0; n < d; n++)
    {
        arb_sub(t, sl + n, sl + g, prec);
        arb_max(D, D, t, prec);
    }
    arb_div(alpha, gap, T, prec);
    /* K = sum_{n != g} exp(-((sl_n - sl_g - gap) R + of_n - of_g) / T) */
    arb_zero(K);
    for (n = 0; n < d; n++)
    {
        if (n == g)
            continue;
        arb_sub(t, sl + n, sl + g, prec);
        arb_sub(t, t, gap, prec);
        arb_mul(t, t, R, prec);
        arb_add(t, t, of + n, prec);
        arb_sub(t, t, of + g, prec);
        arb_div(t, t, T, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_add(K, K, t, prec);
    }
    /* A = 2 D K w_max / (T delta) */
    arb_mul(A, D, K, prec);
    arb_mul_si(A, A, 2 * wmax, prec);
    arb_div(A, A, T, prec);
    arb_div(A, A, best, prec);
cleanup:
    fmpq_clear(gq);
    _arb_vec_clear(sl, d); _arb_vec_clear(of, d);
    _arb_vec_clear(lo, d * d); _arb_vec_clear(hi, d * d);
    arb_clear(gap); arb_clear(D); arb_clear(best); arb_clear(t); arb_clear(K); arb_clear(T);
    return st;
}

/* c = A q for one bath, q_i the coefficient-wise max over the columns m of
   sum_n gamma_a C_a[n][m] (|dsl| r + |dof|)(|dsl| r + |dof| + T) */
static void
envelope_bath(arb_ptr c, const arb_t A, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, int bath,
              slong prec)
{
    arb_ptr sl, of;
    arb_t t, u, ab, ob, T, cw;
    acb_t gw;
    slong d = X->d, i, m, n;
    sl = _arb_vec_init(d); of = _arb_vec_init(d);
    arb_init(t); arb_init(u); arb_init(ab); arb_init(ob); arb_init(T); arb_init(cw);
    acb_init(gw);
    arb_set_fmpq(T, P->T, prec);
    for (n = 0; n < d; n++)
    {
        arb_set_fmpq(sl + n, X->sl + n, prec);
        arb_set_fmpq(of + n, X->of + n, prec);
    }
    qt_pump_bath_rate(gw, P, bath, prec);
    _arb_vec_zero(c, 3);
    for (m = 0; m < d; m++)
    {
        arb_ptr q = _arb_vec_init(3);
        for (n = 0; n < d; n++)
        {
            const fmpq *cq = X->C + (bath * d + n) * d + m;
            if (n == m || fmpq_is_zero(cq))
                continue;
            arb_set_fmpq(u, cq, prec);
            arb_mul(cw, acb_realref(gw), u, prec);
            arb_sub(ab, sl + n, sl + m, prec);
            arb_abs(ab, ab);
            arb_sub(ob, of + n, of + m, prec);
            arb_abs(ob, ob);
            arb_mul(t, ab, ab, prec);                 /* r^2: |dsl|^2 */
            arb_addmul(q + 2, cw, t, prec);
            arb_mul_2exp_si(t, ob, 1);
            arb_add(t, t, T, prec);
            arb_mul(t, t, ab, prec);                  /* r: |dsl| (2|dof| + T) */
            arb_addmul(q + 1, cw, t, prec);
            arb_add(t, ob, T, prec);
            arb_mul(t, t, ob, prec);                  /* 1: |dof| (|dof| + T) */
            arb_addmul(q + 0, cw, t, prec);
        }
        for (i = 0; i < 3; i++)
            arb_max(c + i, c + i, q + i, prec);
        _arb_vec_clear(q, 3);
    }
    _arb_vec_scalar_mul(c, c, 3, A, prec);
    _arb_vec_clear(sl, d); _arb_vec_clear(of, d);
    arb_clear(t); arb_clear(u); arb_clear(ab); arb_clear(ob); arb_clear(T); arb_clear(cw);
    acb_clear(gw);
}

int
qt_pump_axis_envelope(arb_ptr c, arb_t alpha, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, int bath,
                      const arb_t R, slong prec, char *reason)
{
    arb_t A;
    int st;
    arb_init(A);
    st = envelope_common(alpha, A, X, P, R, prec, reason);
    if (st == QT_OK)
        envelope_bath(c, A, X, P, bath, prec);
    else
    {
        _arb_vec_indeterminate(c, 3);
        arb_indeterminate(alpha);
    }
    arb_clear(A);
    return st;
}

/* tail = |int_R^inf (c0 + c1 r + c2 r^2) e^{-alpha r} dr|
        = e^{-alpha R} [c0/alpha + c1 (R/alpha + 1/alpha^2) + c2 (R^2/alpha + 2R/alpha^2 + 2/alpha^3)] (upper bound) */
static void
tail_integral(mag_t tail, arb_srcptr c, const arb_t alpha, const arb_t R, slong prec)
{
    arb_t v, t, u, w;
    arb_init(v); arb_init(t); arb_init(u); arb_init(w);
    arb_inv(u, alpha, prec);                  /* u = 1/alpha */
    arb_mul(v, c + 0, u, prec);
    arb_add(t, R, u, prec);                   /* c1 (R + u) u */
    arb_mul(t, t, u, prec);
    arb_addmul(v, c + 1, t, prec);
    arb_mul_2exp_si(t, u, 1);                 /* c2 ((R + 2u) R + 2u^2) u */
    arb_add(t, t, R, prec);
    arb_mul(t, t, R, prec);
    arb_mul(w, u, u, prec);
    arb_mul_2exp_si(w, w, 1);
    arb_add(t, t, w, prec);
    arb_mul(t, t, u, prec);
    arb_addmul(v, c + 2, t, prec);
    arb_mul(t, alpha, R, prec);
    arb_neg(t, t);
    arb_exp(t, t, prec);
    arb_mul(v, v, t, prec);
    arb_get_mag(tail, v);
    arb_clear(v); arb_clear(t); arb_clear(u); arb_clear(w);
}

/* the tail of one bath (qt_pump_heisenberg_axis_tail) */
static int
qt_pump_axis_tail(mag_t tail, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, int bath, const arb_t R,
                  slong prec, char *reason)
{
    arb_ptr c = _arb_vec_init(3);
    arb_t alpha;
    int st;
    arb_init(alpha);
    st = qt_pump_axis_envelope(c, alpha, X, P, bath, R, prec, reason);
    if (st == QT_OK)
        tail_integral(tail, c, alpha, R, prec);
    else
        mag_inf(tail);
    _arb_vec_clear(c, 3);
    arb_clear(alpha);
    return st;
}

int
qt_pump_axis_tails(mag_ptr tails, const qt_pump_axis_struct *X, const qt_pump_params_struct *P, const arb_t R,
                   slong prec, char *reason)
{
    arb_ptr c = _arb_vec_init(3);
    arb_t alpha, A;
    slong bath, nb = qt_pump_n_baths(P);
    int st;
    arb_init(alpha); arb_init(A);
    st = envelope_common(alpha, A, X, P, R, prec, reason);
    for (bath = 0; bath < nb; bath++)
        if (st == QT_OK)
        {
            envelope_bath(c, A, X, P, (int) bath, prec);
            tail_integral(tails + bath, c, alpha, R, prec);
        }
        else
            mag_inf(tails + bath);
    _arb_vec_clear(c, 3);
    arb_clear(alpha); arb_clear(A);
    return st;
}

int
qt_pump_heisenberg_axis_tail(mag_t tail, const qt_pump_params_struct *P, int bath, int axis, const arb_t R, slong prec,
                             char *reason)
{
    qt_pump_axis_struct X;
    int st;
    if ((st = public_axis_model(&X, P, bath, axis, reason)) != QT_OK)
    {
        mag_inf(tail);
        return st;
    }
    st = qt_pump_axis_tail(tail, &X, P, bath, R, prec, reason);
    qt_pump_axis_clear(&X);
    return st;
}
