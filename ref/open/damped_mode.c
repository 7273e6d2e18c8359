/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* damped_mode.c -- M3 of docs/physics/open_systems.md §3: a single bosonic mode H = omega a^dag a with thermal
 * damping kappa (nbar+1) D[a] + kappa nbar D[a^dag], coherent initial state |alpha0>, mu0 = |alpha0|^2.
 * The state stays displaced thermal: mu = mu0 e^{-kappa t}, v = nbar (1 - e^{-kappa t}).
 * Closed forms for S, S_dot, E, J, Q, D, sigma; the energy entropy and its rate are Fock series
 * with proven tail bounds (lemmas B1-B3 of proofs/open_systems.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "traj_internal.h"

void
qt_damped_mode_init(qt_damped_mode_t P)
{
    fmpq_init(P->omega); fmpq_init(P->beta); fmpq_init(P->kappa); fmpq_init(P->alpha_re); fmpq_init(P->alpha_im);
}

void
qt_damped_mode_clear(qt_damped_mode_t P)
{
    fmpq_clear(P->omega); fmpq_clear(P->beta); fmpq_clear(P->kappa); fmpq_clear(P->alpha_re); fmpq_clear(P->alpha_im);
}

int
qt_damped_mode_validate(const qt_damped_mode_struct *P, char *reason)
{
    if (fmpq_sgn(P->omega) <= 0)
        return qt_fail(reason, QT_DOMAIN, "omega: must be > 0");
    if (fmpq_sgn(P->beta) <= 0)
        return qt_fail(reason, QT_DOMAIN, "beta: must be > 0 (beta <= 0 makes the thermal rates negative, not a semigroup)");
    if (fmpq_sgn(P->kappa) < 0)
        return qt_fail(reason, QT_DOMAIN, "kappa: must be >= 0 (a Lindblad semigroup needs nonnegative rates)");
    return QT_OK;
}

/* g(x) = (x+1) ln(x+1) - x ln x, g(0) = 0 */
static void
bose_entropy(arb_t r, const arb_t x, slong prec)
{
    arb_t a, b;
    if (arb_is_zero(x))
    {
        arb_zero(r);
        return;
    }
    arb_init(a); arb_init(b);
    arb_add_ui(a, x, 1, prec);
    arb_log(b, a, prec);
    arb_mul(a, a, b, prec);
    if (arb_is_positive(x))
    {
        arb_log(b, x, prec);
        arb_mul(b, b, x, prec);
    }
    else
    {
        /* x ln x on [0, hi] with hi < 1/e: in [hi ln hi, 0] (lemma E3) */
        arb_t y;
        arb_init(y);
        arb_set(y, x);
        qt_arb_neg_xlogx_unit(b, y, prec);
        arb_neg(b, b);
        arb_clear(y);
    }
    arb_sub(r, a, b, prec);
    arb_clear(a); arb_clear(b);
}

/* upper bound (as an arf) of max(0, x) */
static void
pos_ubound(arf_t u, const arb_t x, slong prec)
{
    arb_get_ubound_arf(u, x, prec);
    if (arf_sgn(u) < 0)
        arf_zero(u);
}

/* w_n = a^n L_n(-b/a) = sum_k C(n, k) a^(n-k) b^k / k!  (lemma B1): a sum of positive terms, so ball
 * arithmetic keeps its relative accuracy (the three-term Laguerre recurrence does not: its rounding
 * errors grow like the second solution).  Terms from k = n down: t_n = b^n/n!,
 * t_{k-1} = t_k k^2 a / ((n - k + 1) b). */
static void
fock_weight(arb_t w, slong n, const arb_t a, const arb_t b, slong prec)
{
    arb_t t, r;
    slong k;
    arb_init(t); arb_init(r);
    arb_pow_ui(t, b, (ulong) n, prec);
    {
        arb_t f;
        arb_init(f);
        arb_fac_ui(f, (ulong) n, prec);
        arb_div(t, t, f, prec);
        arb_clear(f);
    }
    arb_set(w, t);
    if (!arb_is_zero(b))
    {
        arb_div(r, a, b, prec);
        for (k = n; k >= 1; k--)
        {
            arb_mul(t, t, r, prec);
            arb_mul_ui(t, t, (ulong) k * (ulong) k, prec);
            arb_div_ui(t, t, (ulong) (n - k + 1), prec);
            arb_add(w, w, t, prec);
        }
    }
    else
        arb_pow_ui(w, a, (ulong) n, prec);
    arb_clear(t); arb_clear(r);
}

/* nbar, kappa, mu = mu0 e^{-kappa t} and v = nbar (1 - e^{-kappa t}) at time t (t0: mu0 and 0; mu0 = |alpha0|^2) */
static void
damped_state(arb_t nb, arb_t kap, arb_t mu, arb_t v, const qt_damped_mode_struct *P, const fmpq_t mu0,
             const arb_t t, int t0, slong prec)
{
    arb_t x, e;
    arb_init(x); arb_init(e);
    arb_set_fmpq(kap, P->kappa, prec);
    arb_set_fmpq(x, P->beta, prec);
    arb_set_fmpq(e, P->omega, prec);
    arb_mul(x, x, e, prec);
    arb_expm1(x, x, prec);
    arb_inv(nb, x, prec);
    arb_set_fmpq(mu, mu0, prec);
    if (t0)
        arb_zero(v);
    else
    {
        arb_mul(e, kap, t, prec);
        arb_neg(e, e);
        arb_exp(e, e, prec);
        arb_mul(mu, mu, e, prec);
        arb_sub_ui(v, e, 1, prec);
        arb_neg(v, v);
        arb_mul(v, v, nb, prec);          /* v = nbar (1 - e^{-kappa t}) > 0 for t > 0 */
    }
    arb_clear(x); arb_clear(e);
}

/* the Fock series: S_E = -sum P_n ln P_n and S_E_dot = -sum P_n' ln P_n, n < N, plus the tail
 * bounds of lemmas B2 and B3 added to the radii.  Returns QT_OK or QT_UNCERTIFIED. */
static int
fock_series(arb_t SE, arb_t SEd, const qt_damped_mode_struct *P0, const fmpq_t mu0, const arb_t time, int v_zero,
            slong prec, char *reason)
{
    slong N, nmax = QT_FOCK_MAX_TERMS, cap = 64, k;
    arb_ptr P;
    arb_t a, b, c, w0, w1, w2, pre, t, u, lnP, Pd, M[4], tot[4], mu, v, nb, kap;
    arf_t eps, m, tb;
    mag_t tail;
    int st = QT_UNCERTIFIED, done = 0;
    slong wp;

    P = _arb_vec_init(cap);
    arb_init(a); arb_init(b); arb_init(c); arb_init(w0); arb_init(w1); arb_init(w2);
    arb_init(pre); arb_init(t); arb_init(u); arb_init(lnP); arb_init(Pd);
    for (k = 0; k < 4; k++) { arb_init(M[k]); arb_init(tot[k]); }
    arf_init(eps); arf_init(m); arf_init(tb); mag_init(tail);
    arb_init(mu); arb_init(v); arb_init(nb); arb_init(kap);

    /* the working precision of the series (effort only: every ball is valid at any precision).  The tail moments of
       lemmas B2 and B3 are exact totals minus partial sums, whose rounding is about N 2^-wp times the totals, up to
       (mu + v)^3, times the factors 2 kappa (2 nbar + 1) and c_1 of lemma B3; with wp = prec alone the stopping test
       against 2^(32 - prec) below could never pass once (mu + v)^3 N exceeds 2^32 (a coherent amplitude of about
       20), at any prec.  wp carries the bits of that scale, those of N <= QT_FOCK_MAX_TERMS, and 8 more; mu, v,
       nbar and kappa are computed here at wp from the exact model (their radii at prec would add the same cancellation),
       so the time must be as sharp (qt_damped_mode_trajectory) */
    {
        arb_t sc, l;
        slong bits, ep;
        arb_init(sc); arb_init(l);
        /* the estimate itself at 30 bits plus those of beta omega, so that nbar = 1/(e^{beta omega} - 1) is resolved
           (a very cold bath: beta omega = 10^15 makes c_1 about 10^15) */
        arb_set_fmpq(sc, P0->beta, 30);
        arb_set_fmpq(l, P0->omega, 30);
        arb_mul(sc, sc, l, 30);
        ep = 30 + FLINT_MAX(0, arf_abs_bound_lt_2exp_si(arb_midref(sc)));
        damped_state(nb, kap, mu, v, P0, mu0, time, v_zero, ep);
        arb_add(sc, mu, v, ep);
        arb_add_ui(sc, sc, 1, ep);
        arb_pow_ui(sc, sc, 3, ep);                              /* (1 + mu + v)^3 */
        arb_mul_2exp_si(l, nb, 1);
        arb_add_ui(l, l, 1, ep);
        arb_mul(l, l, kap, ep);
        arb_add_ui(l, l, 1, ep);
        arb_mul(sc, sc, l, ep);                                 /* times 1 + kappa (2 nbar + 1) */
        if (v_zero)
            arb_log(l, mu, ep);                                 /* c_1 = |ln mu| (Poisson) */
        else
        {
            arb_inv(l, v, ep);
            arb_log1p(l, l, ep);                                /* c_1 = ln(1/a) = ln(1 + 1/v) */
        }
        arb_abs(l, l);
        arb_add_ui(l, l, 1, ep);
        arb_mul(sc, sc, l, ep);                                 /* times 1 + c_1 */
        arb_get_ubound_arf(m, sc, ep);
        /* an estimate that is still not finite: as many bits again as prec (effort only) */
        bits = arf_is_finite(m) && arf_sgn(m) > 0 ? arf_abs_bound_lt_2exp_si(m) : prec;
        wp = prec + FLINT_MAX(bits, 0) + FLINT_BIT_COUNT(QT_FOCK_MAX_TERMS) + 8;
        wp = FLINT_MIN(wp, 4 * prec + 1024);
        arb_clear(sc); arb_clear(l);
    }
    damped_state(nb, kap, mu, v, P0, mu0, time, v_zero, wp);

    /* a = v/(1+v), b = mu/(1+v)^2, pre = e^{-mu/(1+v)}/(1+v); P_n = pre w_n (lemma B1) */
    arb_add_ui(c, v, 1, wp);
    arb_div(a, v, c, wp);
    arb_div(b, mu, c, wp);
    arb_neg(pre, b);
    arb_exp(pre, pre, wp);
    arb_div(pre, pre, c, wp);
    arb_div(b, b, c, wp);
    /* exact moments of the displaced thermal state: 1, mu + v, (mu+v)^2 + v(v+1) + mu(2v+1);
       third moment only for v = 0 (Poisson): mu^3 + 3 mu^2 + mu */
    arb_one(tot[0]);
    arb_add(tot[1], mu, v, wp);
    arb_sqr(tot[2], tot[1], wp);
    arb_add_ui(t, v, 1, wp);
    arb_addmul(tot[2], v, t, wp);
    arb_mul_2exp_si(t, v, 1);
    arb_add_ui(t, t, 1, wp);
    arb_addmul(tot[2], mu, t, wp);
    arb_sqr(t, mu, wp);
    arb_add_ui(u, mu, 3, wp);
    arb_mul(tot[3], t, u, wp);
    arb_add(tot[3], tot[3], mu, wp);
    for (k = 0; k < 4; k++)
        arb_zero(M[k]);

    /* the effort budget, decided before the series starts: the loop below stops only once lemma B2's bound, at
       least the tail mass eps_{N+1} (eps ln(1/eps) >= eps for eps < 1/e), is below 2^(32 - prec); for every N < n1 =
       nmax + 1, eps_{N+1} >= P_{n1} >= pre max(a^n1, b^n1 / n1!) (the terms k = 0 and k = n1 of w_n1, lemma B1; a = 0
       for a Poisson state), and, when the mean m = mu + v exceeds nmax, eps_{N+1} >= P(n > nmax) >= k^2 / (V + k^2),
       k = m - nmax, V the variance (Cantelli's inequality).  If either lower bound is at least 2^(32 - prec), no N
       within the budget passes: refuse at once (a large mean occupation mu + v for the precision) */
    {
        int beyond;
        slong n1 = nmax + 1;
        arb_log_ui(t, 2, wp);
        arb_mul_si(t, t, 32 - prec, wp);                       /* ln 2^(32 - prec) */
        arb_log(u, b, wp);
        arb_mul_si(u, u, n1, wp);
        arb_set_si(c, n1 + 1);
        arb_lgamma(w0, c, wp);
        arb_sub(u, u, w0, wp);                                 /* ln(b^n1 / n1!) */
        if (!v_zero)
        {
            arb_log(w0, a, wp);
            arb_mul_si(w0, w0, n1, wp);                        /* ln a^n1 */
            arb_max(u, u, w0, wp);
        }
        arb_log(w0, pre, wp);
        arb_add(u, u, w0, wp);
        beyond = arb_ge(u, t);
        arb_sub_si(w0, tot[1], nmax, wp);                      /* k = mu + v - nmax */
        if (!beyond && arb_is_positive(w0))
        {
            arb_sqr(w0, w0, wp);
            arb_sqr(w1, tot[1], wp);
            arb_sub(w1, tot[2], w1, wp);                       /* V = E n^2 - (E n)^2 */
            arb_add(w1, w1, w0, wp);
            arb_div(u, w0, w1, wp);
            arb_log(u, u, wp);
            beyond = arb_ge(u, t);
        }
        if (beyond)
        {
            arb_zero_pm_inf(SE);
            arb_zero_pm_inf(SEd);
            qt_fail(reason, QT_UNCERTIFIED, "effort cap: the Fock series would need more than %ld terms at %ld bits "
                    "(QT_FOCK_MAX_TERMS; the mean occupation mu + v is too large)", (long) nmax, (long) prec);
            st = QT_UNCERTIFIED;
            goto out;
        }
    }

    arb_zero(SE);
    arb_zero(SEd);
    fock_weight(w0, 0, a, b, wp);
    fock_weight(w1, 1, a, b, wp);
    arb_mul(P + 0, pre, w0, wp);
    arb_mul(P + 1, pre, w1, wp);
    for (N = 0; N < nmax && !done; N++)
    {
        /* P[N+1], P[N+2] must exist: extend the table two ahead */
        while (N + 2 >= cap)
        {
            arb_ptr Q = _arb_vec_init(2 * cap);
            _arb_vec_set(Q, P, cap);
            _arb_vec_clear(P, cap);
            P = Q;
            cap *= 2;
        }
        fock_weight(w2, N + 2, a, b, wp);
        arb_mul(P + N + 2, pre, w2, wp);
        /* term n = N */
        qt_arb_neg_xlogx_unit(t, P + N, wp);
        arb_add(SE, SE, t, wp);
        /* P_N' = kappa (nbar + 1) [(N+1) P_{N+1} - N P_N] + kappa nbar [N P_{N-1} - (N+1) P_N] */
        arb_mul_si(t, P + N + 1, N + 1, wp);
        arb_submul_si(t, P + N, N, wp);
        arb_add_ui(u, nb, 1, wp);
        arb_mul(Pd, t, u, wp);
        arb_mul_si(t, P + N, -(N + 1), wp);
        if (N > 0)
            arb_addmul_si(t, P + N - 1, N, wp);
        arb_addmul(Pd, t, nb, wp);
        arb_mul(Pd, Pd, kap, wp);
        if (arb_is_positive(P + N))
        {
            arb_log(lnP, P + N, wp);
            arb_submul(SEd, Pd, lnP, wp);
        }
        else
        {
            arb_indeterminate(SEd);
        }
        /* partial moments */
        arb_add(M[0], M[0], P + N, wp);
        arb_addmul_si(M[1], P + N, N, wp);
        arb_mul_si(t, P + N, N, wp);
        arb_addmul_si(M[2], t, N, wp);
        arb_mul_si(t, t, N, wp);
        arb_addmul_si(M[3], t, N, wp);

        if (N >= 8 && N % 8 == 0)
        {
            /* lemma B2: entropy tail over n > N is at most e ln(1/e) + e g(m/e), e = eps_{N+1}, m its mean mass */
            arb_t e, mm, x, y;
            arb_init(e); arb_init(mm); arb_init(x); arb_init(y);
            arb_sub(e, tot[0], M[0], wp);
            arb_sub(mm, tot[1], M[1], wp);
            pos_ubound(eps, e, wp);
            pos_ubound(m, mm, wp);
            if (arf_cmp_2exp_si(eps, -4) < 0 && !arf_is_zero(eps))
            {
                arb_set_arf(x, eps);
                arb_log(y, x, wp);
                arb_mul(y, y, x, wp);
                arb_neg(y, y);                       /* e ln(1/e), increasing for e < 1/e */
                arb_set_arf(mm, m);
                arb_div(mm, mm, x, wp);
                bose_entropy(e, mm, wp);
                arb_mul(e, e, x, wp);              /* e g(m/e), increasing in e and m */
                arb_add(y, y, e, wp);
                arb_get_ubound_arf(tb, y, wp);
                /* lemma B3: |sum_{n > N} P_n' ln P_n| <= 2 kappa (2 nbar + 1) K,
                   K = 2 c0 M1 + 4 c1 M2 + 8 c2 M3 over n >= N (tail moments), |ln P_n| <= c0 + c1 n + c2 n^2 */
                {
                    arb_t c0, c1, c2, K, T1, T2, T3;
                    arb_init(c0); arb_init(c1); arb_init(c2); arb_init(K); arb_init(T1); arb_init(T2); arb_init(T3);
                    /* tail moments from n = N (include the current term: a superset of n >= N) */
                    arb_sub(T1, tot[1], M[1], wp); arb_addmul_si(T1, P + N, N, wp);
                    arb_sub(T2, tot[2], M[2], wp); arb_mul_si(x, P + N, N, wp); arb_addmul_si(T2, x, N, wp);
                    arb_sub(T3, tot[3], M[3], wp); arb_mul_si(x, x, N, wp); arb_addmul_si(T3, x, N, wp);
                    if (v_zero)
                    {
                        /* Poisson: |ln P_n| <= mu + n |ln mu| + ln n! <= mu + n |ln mu| + n^2 */
                        arb_set(c0, mu);
                        arb_log(c1, mu, wp);
                        arb_abs(c1, c1);
                        arb_one(c2);
                    }
                    else
                    {
                        /* P_n >= pre a^n (L_n(-x) >= 1): |ln P_n| <= mu/(1+v) + ln(1+v) + n ln(1/a) */
                        arb_add_ui(x, v, 1, wp);
                        arb_div(c0, mu, x, wp);
                        arb_log(y, x, wp);
                        arb_add(c0, c0, y, wp);
                        arb_log(c1, a, wp);
                        arb_neg(c1, c1);
                        arb_zero(c2);
                        arb_zero(T3);
                    }
                    arb_mul(K, c0, T1, wp);
                    arb_mul_2exp_si(K, K, 1);
                    arb_mul(x, c1, T2, wp);
                    arb_mul_2exp_si(x, x, 2);
                    arb_add(K, K, x, wp);
                    arb_mul(x, c2, T3, wp);
                    arb_mul_2exp_si(x, x, 3);
                    arb_add(K, K, x, wp);
                    arb_mul_2exp_si(x, nb, 1);
                    arb_add_ui(x, x, 1, wp);
                    arb_mul(x, x, kap, wp);
                    arb_mul(K, K, x, wp);
                    arb_mul_2exp_si(K, K, 1);
                    arb_get_abs_ubound_arf(m, K, wp);
                    arb_clear(c0); arb_clear(c1); arb_clear(c2); arb_clear(K); arb_clear(T1); arb_clear(T2); arb_clear(T3);
                }
                /* stop when both tail bounds are below 2^-(prec - 32): the rounding of the partial sums
                   (about N 2^-prec) dominates from there on; the digits loop raises prec if needed */
                if (arf_cmp_2exp_si(tb, 32 - prec) < 0 && arf_cmp_2exp_si(m, 32 - prec) < 0)
                {
                    /* the entropy tail is in [0, tb]; the rate tail in [-m, m] */
                    arb_set_arf(x, tb);
                    arb_mul_2exp_si(x, x, -1);
                    arb_add(SE, SE, x, wp);
                    arf_get_mag(tail, tb);
                    mag_mul_2exp_si(tail, tail, -1);
                    mag_add(arb_radref(SE), arb_radref(SE), tail);
                    arf_get_mag(tail, m);
                    mag_add(arb_radref(SEd), arb_radref(SEd), tail);
                    done = 1;
                    st = QT_OK;
                }
            }
            arb_clear(e); arb_clear(mm); arb_clear(x); arb_clear(y);
        }
    }
    if (!done)
    {
        arb_zero_pm_inf(SE);
        arb_zero_pm_inf(SEd);
        qt_fail(reason, QT_UNCERTIFIED, "effort cap: the Fock series did not reach its tail bound within %ld terms "
                "(QT_FOCK_MAX_TERMS)", (long) nmax);
    }
out:
    _arb_vec_clear(P, cap);
    arb_clear(a); arb_clear(b); arb_clear(c); arb_clear(w0); arb_clear(w1); arb_clear(w2);
    arb_clear(pre); arb_clear(t); arb_clear(u); arb_clear(lnP); arb_clear(Pd);
    for (k = 0; k < 4; k++) { arb_clear(M[k]); arb_clear(tot[k]); }
    arf_clear(eps); arf_clear(m); arf_clear(tb); mag_clear(tail);
    arb_clear(mu); arb_clear(v); arb_clear(nb); arb_clear(kap);
    return st;
}

void
qt_damped_mode_trajectory(qt_record_t R, const qt_damped_mode_struct *P, const arb_t t, int tkind, slong prec)
{
    arb_t nb, kap, om, be, mu, mu0, v, e, N, N0, w, x, y;
    fmpq_t m0;
    int t0 = (tkind == QT_T_ZERO) || fmpq_is_zero(P->kappa), st;
    int coh0;
    char why[QT_REASON_LEN];

    qt_traj_record_set_nbaths(R, 1);
    snprintf(R->reference, sizeof R->reference, "gibbs");
    arb_init(nb); arb_init(kap); arb_init(om); arb_init(be); arb_init(mu); arb_init(mu0); arb_init(v);
    arb_init(e); arb_init(N); arb_init(N0); arb_init(w); arb_init(x); arb_init(y);
    fmpq_init(m0);
    fmpq_mul(m0, P->alpha_re, P->alpha_re);
    fmpq_addmul(m0, P->alpha_im, P->alpha_im);
    coh0 = !fmpq_is_zero(m0);

    arb_set_fmpq(om, P->omega, prec);
    arb_set_fmpq(be, P->beta, prec);
    arb_set_fmpq(mu0, m0, prec);
    damped_state(nb, kap, mu, v, P, m0, t, t0, prec);
    arb_add(N, mu, v, prec);
    arb_set(N0, mu0);

    /* S = g(v), S_dot = kappa (nbar - v) ln((1+v)/v); at v = 0 the state is pure (coherent) */
    bose_entropy(w, v, prec);
    if (t0)
        arb_zero(w);
    qt_record_set(R, QT_TR_S, w, QT_OK, "");
    if (t0 && fmpq_is_zero(P->kappa))
    {
        arb_zero(w);
        qt_record_set(R, QT_TR_S_DOT, w, QT_OK, "");
    }
    else if (t0)
    {
        arb_pos_inf(w);                    /* lemma B4: v' = kappa nbar > 0 at v = 0 */
        qt_record_set(R, QT_TR_S_DOT, w, QT_OK, "");
    }
    else
    {
        arb_add_ui(x, v, 1, prec);
        arb_div(x, x, v, prec);
        arb_log(x, x, prec);
        arb_sub(y, nb, v, prec);
        arb_mul(w, y, x, prec);
        arb_mul(w, w, kap, prec);
        qt_record_set(R, QT_TR_S_DOT, w, QT_OK, "");
    }
    qt_record_set(R, QT_TR_DS_EXTERIOR, &R->out[QT_TR_S_DOT].value, QT_OK, "");
    arb_zero(w);
    qt_record_set(R, QT_TR_DS_INTERIOR, w, QT_OK, "");

    /* energy, heat: E = omega N, J = -omega kappa (N - nbar), Q = omega (N - N0) */
    arb_mul(w, om, N, prec);
    qt_record_set(R, QT_TR_E, w, QT_OK, "");
    arb_sub(w, N, nb, prec);
    arb_mul(w, w, kap, prec);
    arb_mul(w, w, om, prec);
    arb_neg(w, w);
    qt_record_set(R, QT_TR_J, w, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 0, w, QT_OK, "");
    arb_sub(w, N, N0, prec);
    arb_mul(w, w, om, prec);
    if (t0)
        arb_zero(w);
    qt_record_set(R, QT_TR_Q, w, QT_OK, "");
    qt_record_set(R, QT_TR_NCORE + 1, w, QT_OK, "");

    /* energy entropy by the Fock series */
    if (!coh0)
    {
        /* thermal (or vacuum) state: P_n geometric, S_E = S exactly, C_rel = 0 */
        qt_record_set(R, QT_TR_S_E, &R->out[QT_TR_S].value, QT_OK, "");
        qt_record_set(R, QT_TR_S_E_DOT, &R->out[QT_TR_S_DOT].value, QT_OK, "");
        arb_zero(w);
        qt_record_set(R, QT_TR_C_REL, w, QT_OK, "");
        qt_record_set(R, QT_TR_C_REL_DOT, w, QT_OK, "");
        if (t0 && !fmpq_is_zero(P->kappa))
            qt_record_domain(R, QT_TR_C_REL_DOT, "undefined: S_E_dot - S_dot is inf - inf (vacuum start)");
    }
    else
    {
        st = fock_series(x, y, P, m0, t, t0, prec, why);
        if (fmpq_is_zero(P->kappa))
            arb_zero(y);
        qt_record_set(R, QT_TR_S_E, x, st, why);
        qt_record_set(R, QT_TR_S_E_DOT, y, st, why);
        qt_tr_combine(R, QT_TR_C_REL, QT_TR_S_E, -1, QT_TR_S, prec);
        qt_tr_combine(R, QT_TR_C_REL_DOT, QT_TR_S_E_DOT, -1, QT_TR_S_DOT, prec);
    }
    qt_tr_negate(R, QT_TR_PI_C, QT_TR_C_REL_DOT);

    /* D(rho || rho_beta) = -g(v) + ln(1 + nbar) + beta omega N; Sigma = D_0 - D_t */
    arb_add_ui(x, nb, 1, prec);
    arb_log(x, x, prec);
    arb_mul(y, be, om, prec);
    arb_mul(w, y, N, prec);
    arb_add(w, w, x, prec);
    arb_sub(w, w, &R->out[QT_TR_S].value, prec);
    qt_record_set(R, QT_TR_D_REL, w, QT_OK, "");
    arb_mul(e, y, N0, prec);
    arb_add(e, e, x, prec);
    arb_sub(e, e, w, prec);
    if (t0)
        arb_zero(e);
    qt_record_set(R, QT_TR_SIGMA_INT, e, QT_OK, "");
    /* sigma = S_dot - beta J; Pi_d = S_E_dot - beta J */
    arb_mul(w, be, &R->out[QT_TR_J].value, prec);
    qt_tr_sub_ball(R, QT_TR_SIGMA, QT_TR_S_DOT, w, prec);
    qt_tr_sub_ball(R, QT_TR_PI_D, QT_TR_S_E_DOT, w, prec);

    /* eigenvalue heat: the spectrum of rho is that of the thermal state v: Qdot_R = omega v' */
    if (t0 && !fmpq_is_zero(P->kappa))
    {
        /* pure: eigenvalues 1, 0, 0, ...: the zero eigenvalue is degenerate (infinite multiplicity) */
        qt_record_domain(R, QT_TR_QDOT_R, "undefined: at t = 0 rho is pure and its zero eigenvalue is infinitely degenerate (no eigenvectors to follow)");
    }
    else
    {
        arb_sub(w, nb, v, prec);
        arb_mul(w, w, kap, prec);
        arb_mul(w, w, om, prec);
        if (fmpq_is_zero(P->kappa))
            arb_zero(w);
        qt_record_set(R, QT_TR_QDOT_R, w, QT_OK, "");
    }
    qt_tr_ratios(R, prec);

    arb_clear(nb); arb_clear(kap); arb_clear(om); arb_clear(be); arb_clear(mu); arb_clear(mu0); arb_clear(v);
    arb_clear(e); arb_clear(N); arb_clear(N0); arb_clear(w); arb_clear(x); arb_clear(y);
    fmpq_clear(m0);
}
