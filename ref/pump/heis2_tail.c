/* heis2_tail.c -- lemma P23 of proofs/pumping.md: the part beyond R of a quadrant leg for two Heisenberg qubits
 * at equal temperatures.  On an axis the eigenvectors are fixed, the levels are affine in r, E_n = sl_n r + of_n
 * (order +, 0, -, S), and Lambda_{a,r} = -sum_m h_m x_m with W x = d_r p, 1^T x = 0 (lemma P13).  For r >= R:
 *   |d_r p| summed over the excited states (+, 0, S)  <= (4s/T) K e^{-alpha r}, K = e^{-alpha R} + 1 + e^{4 J_c/T};
 *   weighted column dominance of the reduced matrix M[n][m] = W[n][m] - W[n][-] (n, m excited), proven for all
 *   r >= R from the monotonicity of the ohmic rate, gives ||x||_1 <= 2 w_max ||d_r p||_1 / delta;
 *   |h_m| <= sum_n gamma_a C_a[n][m] |om_nm| (|om_nm| + T) <= q0 + q1 r + q2 r^2;
 * so |Lambda_{a,r}(r)| <= (c0 + c1 r + c2 r^2) e^{-alpha r}, c_i = q_i 8 s K w_max / (T delta), alpha = 2s/T. */
#include "pump_internal.h"

#define HEIS2_GROUND 2   /* the level - (E_- = -2sr + J_c), the ground level for r > crossing_B */

/* slopes and offsets of the levels: E_+ = 2sr + J_c, E_0 = J_c, E_- = -2sr + J_c, E_S = -3J_c */
static void
affine_levels(arb_ptr sl, arb_ptr of, const arb_t s, const arb_t Jc, slong prec)
{
    arb_mul_2exp_si(sl + 0, s, 1);
    arb_zero(sl + 1);
    arb_neg(sl + 2, sl + 0);
    arb_zero(sl + 3);
    arb_set(of + 0, Jc);
    arb_set(of + 1, Jc);
    arb_set(of + 2, Jc);
    arb_mul_si(of + 3, Jc, -3, prec);
}

/* the total rate n -> m at r = R, sum_a G_a(E_n - E_m) C_a[m][n] (exactly 0 if no bath connects n and m) */
static void
total_rate_at(arb_t w, const acb_mat_struct *C, const qt_pump_params_struct *P, arb_srcptr sl, arb_srcptr of,
              const arb_t R, slong m, slong n, slong prec)
{
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
    for (a = 0; a < 2; a++)
    {
        if (acb_is_zero(acb_mat_entry(C + a, m, n)))
            continue;
        acb_set_fmpq(g, a == 0 ? P->gamma_L : P->gamma_R, prec);
        qt_ohmic_rate_acb(t, g, om, T, prec);
        acb_mul(t, t, acb_mat_entry(C + a, m, n), prec);
        arb_add(w, w, acb_realref(t), prec);
    }
    acb_clear(g); acb_clear(om); acb_clear(T); acb_clear(t);
    arb_clear(x);
}

/* adds to lo a lower bound, valid for every r >= R, of kappa * rho(r), rho(r) = rate n -> m (entry W[m][n]).
 * G_a is increasing on the real line and om(r) is affine with slope sl_n - sl_m, so rho increases (slope > 0),
 * decreases (slope < 0) or is constant, and rho >= 0; returns 0 if no finite lower bound follows
 * (kappa < 0 on an increasing, non-zero rate) */
static int
add_term_lower(arb_t lo, slong kappa, const acb_mat_struct *C, const qt_pump_params_struct *P, arb_srcptr sl,
               arb_srcptr of, const arb_t R, slong m, slong n, slong prec)
{
    arb_t w, slope;
    int ok = 1;
    if (kappa == 0 || (acb_is_zero(acb_mat_entry(C + 0, m, n)) && acb_is_zero(acb_mat_entry(C + 1, m, n))))
        return 1;
    arb_init(w); arb_init(slope);
    arb_sub(slope, sl + n, sl + m, prec);     /* exact: 0, +-2s or +-4s */
    if (kappa > 0 && arb_is_negative(slope))
        ;                                      /* inf over r >= R is 0 */
    else if (kappa < 0 && arb_is_positive(slope))
        ok = 0;
    else
    {
        /* kappa > 0, rate non-decreasing: its value at R; kappa < 0, rate non-increasing: also its value at R */
        total_rate_at(w, C, P, sl, of, R, m, n, prec);
        arb_addmul_si(lo, w, kappa, prec);
    }
    arb_clear(w); arb_clear(slope);
    return ok;
}

/* delta = min over the excited columns m of the weighted dominance margin (lemma P23)
 *   w_m W[g][m] + sum_{n != m, g} (w_m - w_n) W[n][m] + w_m W[m][g] - sum_{n != m, g} w_n W[n][g],
 * each rate replaced by its bound over r >= R; 0 if some column has no finite bound */
static int
dominance_margin(arb_t delta, const slong *wt, const acb_mat_struct *C, const qt_pump_params_struct *P,
                 arb_srcptr sl, arb_srcptr of, const arb_t R, slong prec)
{
    const slong g = HEIS2_GROUND;
    slong m, n;
    arb_t d;
    int ok = 1;
    arb_init(d);
    arb_pos_inf(delta);
    for (m = 0; m < 4 && ok; m++)
    {
        if (m == g)
            continue;
        arb_zero(d);
        ok = ok && add_term_lower(d, wt[m], C, P, sl, of, R, g, m, prec);
        ok = ok && add_term_lower(d, wt[m], C, P, sl, of, R, m, g, prec);
        for (n = 0; n < 4 && ok; n++)
        {
            if (n == m || n == g)
                continue;
            ok = ok && add_term_lower(d, wt[m] - wt[n], C, P, sl, of, R, n, m, prec);
            ok = ok && add_term_lower(d, -wt[n], C, P, sl, of, R, n, g, prec);
        }
        arb_min(delta, delta, d, prec);
    }
    arb_clear(d);
    return ok;
}

int
qt_pump_heis2_axis_envelope(arb_ptr c, arb_t alpha, const qt_pump_params_struct *P, int bath, int axis,
                            const arb_t R, slong prec, char *reason)
{
    /* weights on (+, 0, -, S) (the ground entry unused): + two steps above the ground level; 0 and S one step,
       or two when the layout leaves that level a single constant-rate exit through the other (lemma P23) */
    static const slong weights[3][4] = {{2, 1, 0, 1}, {2, 1, 0, 2}, {2, 2, 0, 1}};
    acb_mat_struct C[2];
    acb_t r, nx, nz;
    arb_ptr sl, of;
    arb_t s, Jc, T, delta, best, t, K, A, ab, ob;
    fmpq_t sq, Jq;
    slong i, m, n, wmax = 0;
    int st = QT_OK;
    if (!qt_pump_heis2_like(P) || !qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "protocol=quadrant: the tail bound (lemma P23) is for two qubits with Heisenberg exchange (Delta = 1, J != 0) at equal temperatures");
    acb_mat_init(C + 0, 4, 4); acb_mat_init(C + 1, 4, 4);
    acb_init(r); acb_init(nx); acb_init(nz);
    sl = _arb_vec_init(4); of = _arb_vec_init(4);
    arb_init(s); arb_init(Jc); arb_init(T); arb_init(delta); arb_init(best); arb_init(t); arb_init(K); arb_init(A);
    arb_init(ab); arb_init(ob);
    fmpq_init(sq); fmpq_init(Jq);
    qt_pump_convention_scales(sq, Jq, P, P->J);
    arb_set_fmpq(s, sq, prec);
    arb_set_fmpq(Jc, Jq, prec);
    arb_set_fmpq(T, P->T, prec);
    affine_levels(sl, of, s, Jc, prec);
    /* the weights on the axis (exact n; r does not enter without derivatives) */
    acb_one(r);
    acb_set_si(nx, axis == 0);
    acb_set_si(nz, axis == 1);
    qt_pump_heis2_weights(C, NULL, P, r, nx, nz, prec);

    /* the best proven margin over the candidate weights */
    arb_neg_inf(best);
    for (i = 0; i < 3; i++)
        if (dominance_margin(delta, weights[i], C, P, sl, of, R, prec) && arb_gt(delta, best))
        {
            arb_set(best, delta);
            for (wmax = 0, m = 0; m < 4; m++)
                wmax = FLINT_MAX(wmax, weights[i][m]);
        }
    if (wmax == 0 || !arb_is_positive(best))
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "protocol=quadrant: no weighted column dominance of the population rate matrix could be proven beyond R (lemma P23): the layout leaves a level without a decay path to the ground level");
        _arb_vec_indeterminate(c, 3);
        arb_indeterminate(alpha);
        goto cleanup;
    }

    /* alpha = 2s/T; K = e^{-alpha R} + 1 + e^{4 J_c / T} */
    arb_mul_2exp_si(alpha, s, 1);
    arb_div(alpha, alpha, T, prec);
    arb_mul(t, alpha, R, prec);
    arb_neg(t, t);
    arb_exp(K, t, prec);
    arb_add_ui(K, K, 1, prec);
    arb_mul_2exp_si(t, Jc, 2);
    arb_div(t, t, T, prec);
    arb_exp(t, t, prec);
    arb_add(K, K, t, prec);
    /* A = 8 s K w_max / (T delta) */
    arb_mul(A, s, K, prec);
    arb_mul_si(A, A, 8 * wmax, prec);
    arb_div(A, A, T, prec);
    arb_div(A, A, best, prec);

    /* q_i = coefficient-wise max over the columns m of sum_n gamma_a C_a[n][m] (|dsl| r + |dof|)(|dsl| r + |dof| + T) */
    _arb_vec_zero(c, 3);
    for (m = 0; m < 4; m++)
    {
        arb_ptr q = _arb_vec_init(3);
        for (n = 0; n < 4; n++)
        {
            arb_t cw;
            if (n == m || acb_is_zero(acb_mat_entry(C + bath, n, m)))
                continue;
            arb_init(cw);
            arb_set_fmpq(cw, bath == 0 ? P->gamma_L : P->gamma_R, prec);
            arb_mul(cw, cw, acb_realref(acb_mat_entry(C + bath, n, m)), prec);
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
            arb_clear(cw);
        }
        for (i = 0; i < 3; i++)
            arb_max(c + i, c + i, q + i, prec);
        _arb_vec_clear(q, 3);
    }
    _arb_vec_scalar_mul(c, c, 3, A, prec);

cleanup:
    acb_mat_clear(C + 0); acb_mat_clear(C + 1);
    acb_clear(r); acb_clear(nx); acb_clear(nz);
    _arb_vec_clear(sl, 4); _arb_vec_clear(of, 4);
    arb_clear(s); arb_clear(Jc); arb_clear(T); arb_clear(delta); arb_clear(best); arb_clear(t); arb_clear(K); arb_clear(A);
    arb_clear(ab); arb_clear(ob);
    fmpq_clear(sq); fmpq_clear(Jq);
    return st;
}

int
qt_pump_heis2_axis_tail(mag_t tail, const qt_pump_params_struct *P, int bath, int axis, const arb_t R, slong prec,
                        char *reason)
{
    arb_ptr c = _arb_vec_init(3);
    arb_t alpha, v, t, u, w;
    int st;
    arb_init(alpha); arb_init(v); arb_init(t); arb_init(u); arb_init(w);
    st = qt_pump_heis2_axis_envelope(c, alpha, P, bath, axis, R, prec, reason);
    if (st == QT_OK)
    {
        /* int_R^inf (c0 + c1 r + c2 r^2) e^{-alpha r} dr
           = e^{-alpha R} [c0/alpha + c1 (R/alpha + 1/alpha^2) + c2 (R^2/alpha + 2R/alpha^2 + 2/alpha^3)] */
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
    }
    else
        mag_inf(tail);
    _arb_vec_clear(c, 3);
    arb_clear(alpha); arb_clear(v); arb_clear(t); arb_clear(u); arb_clear(w);
    return st;
}
