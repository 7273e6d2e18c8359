/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_ramp.c -- the driven qubit qubit_ramp (identity 11 of docs/physics/open_systems.md §5), against independent
 * references: closed forms of z(t) and W at m = 2 gamma/(beta omega1) = +-1 (lemma R4); the
 * constant-frequency limit against qubit_davies; identity 11 pointwise, with dD/dt, dS/dt and
 * dE/dt taken as Cauchy integrals of the holomorphic continuation of the solution (not from the
 * library's derivative formulas); identity 11 integrated, with int sigma and int J taken as
 * certified quadratures of the generator's trace formula; sigma >= 0; overlap across precisions;
 * the error paths.  Random inputs from fixed seeds. */
#include <stdio.h>
#include <string.h>
#include "qt_test.h"
#include "qtoracle/trajectory.h"

#define OUT(R, i) (&(R)->out[i].value)

static void
set_ramp(qt_qubit_ramp_t P, const char *om0, const char *om1, const char *be, const char *g, const char *gp,
         const char *x, const char *y, const char *z)
{
    qt_test_setq(P->base->omega, om0); qt_test_setq(P->omega1, om1); qt_test_setq(P->base->beta, be);
    qt_test_setq(P->base->gamma, g); qt_test_setq(P->base->gamma_phi, gp);
    qt_test_setq(P->base->x0, x); qt_test_setq(P->base->y0, y); qt_test_setq(P->base->z0, z);
}

static slong
find_out(const qt_record_t R, const char *name)
{
    slong i;
    for (i = 0; i < R->nout; i++)
        if (strcmp(R->name[i], name) == 0)
            return i;
    ck_abort_msg("no output %s", name);
    return -1;
}

static const arb_struct *
named(const qt_record_t R, const char *name)
{
    return OUT(R, find_out(R, name));
}

static void
run(qt_record_t R, const qt_qubit_ramp_t P, const char *t, slong prec)
{
    fmpq_t q;
    arb_t tb;
    char why[QT_REASON_LEN];
    fmpq_init(q); arb_init(tb);
    qt_test_setq(q, t);
    ck_assert_msg(qt_qubit_ramp_validate(P, q, why) == QT_OK, "validate: %s", why);
    arb_set_fmpq(tb, q, prec);
    qt_qubit_ramp_trajectory(R, P, tb, fmpq_is_zero(q) ? QT_T_ZERO : QT_T_GENERIC, prec);
    fmpq_clear(q); arb_clear(tb);
}

/* ---- holomorphic functions of u = r^2 written here, independently of the library ---- */

/* A(u) = atanh(sqrt u)/sqrt u = sum_k u^k/(2k+1), even in sqrt u, holomorphic off [1, inf);
   for |u| <= 1/4 the series with the tail |u|^{K+1}/((2K+3)(1 - |u|)) */
static void
atanh_sqrt_over_sqrt(acb_t res, const acb_t u, slong prec)
{
    mag_t m, q;
    mag_init(m); mag_init(q);
    acb_get_mag(m, u);
    if (mag_cmp_2exp_si(m, -2) <= 0)
    {
        slong k, K = prec / 2 + 4;
        acb_t p, term;
        acb_init(p); acb_init(term);
        acb_zero(res);
        acb_one(p);
        for (k = 0; k <= K; k++)
        {
            acb_div_ui(term, p, 2 * k + 1, prec);
            acb_add(res, res, term, prec);
            acb_mul(p, p, u, prec);
        }
        mag_pow_ui(q, m, K + 1);
        mag_mul_ui(q, q, 4);
        mag_div_ui(q, q, 3 * (2 * K + 3));    /* 1/(1 - |u|) <= 4/3 */
        acb_add_error_mag(res, q);
        acb_clear(p); acb_clear(term);
    }
    else if (arb_contains_nonpositive(acb_realref(u)) && arb_contains_zero(acb_imagref(u)))
        acb_indeterminate(res);
    else
    {
        acb_t w, a, b;
        acb_init(w); acb_init(a); acb_init(b);
        acb_sqrt(w, u, prec);
        acb_add_ui(a, w, 1, prec);
        acb_sub_ui(b, w, 1, prec);
        acb_neg(b, b);
        qt_acb_log_analytic(a, a, 1, prec);
        qt_acb_log_analytic(b, b, 1, prec);
        acb_sub(res, a, b, prec);
        acb_mul_2exp_si(res, res, -1);
        acb_div(res, res, w, prec);
        acb_clear(w); acb_clear(a); acb_clear(b);
    }
    mag_clear(m); mag_clear(q);
}

enum { F_SIGMA = 0, F_J, F_D, F_S, F_E };

/* the trajectory function `which` at complex s, from the continued Bloch data z(s), rp2(s):
   sigma = G2 rp2 A + G (z + tanh a)(z A + a)  (M1's generator formula at the instantaneous rates,
   with z_inf A(z_inf) = atanh(-tanh a) = -a continued), J = (omega/2) z_dot, z_dot = -G (z + tanh a),
   D = (1/2) ln(1 - u) + u A + ln cosh a + a z, S = ln 2 - (1/2) ln(1 - u) - u A, E = omega z / 2 */
static void
ramp_function(acb_t res, const qt_qubit_ramp_struct *P, const acb_t s, int which, slong prec)
{
    acb_t z, rp2, u, A, a, om, G, th, v, w;
    arb_t g;
    acb_init(z); acb_init(rp2); acb_init(u); acb_init(A); acb_init(a); acb_init(om); acb_init(G);
    acb_init(th); acb_init(v); acb_init(w); arb_init(g);
    qt_qubit_ramp_bloch_acb(z, rp2, P, s, prec);
    acb_mul(u, z, z, prec);
    acb_add(u, u, rp2, prec);
    atanh_sqrt_over_sqrt(A, u, prec);
    acb_mul_fmpz(om, s, fmpq_numref(P->omega1), prec);
    acb_div_fmpz(om, om, fmpq_denref(P->omega1), prec);
    arb_set_fmpq(g, P->base->omega, prec);
    arb_add(acb_realref(om), acb_realref(om), g, prec);
    arb_set_fmpq(g, P->base->beta, prec);
    acb_mul_arb(a, om, g, prec);
    acb_mul_2exp_si(a, a, -1);
    acb_tanh(th, a, prec);
    arb_set_fmpq(g, P->base->gamma, prec);
    acb_inv(G, th, prec);                       /* coth a */
    acb_mul_arb(G, G, g, prec);
    switch (which)
    {
        case F_SIGMA:
            acb_mul(v, z, A, prec);
            acb_add(v, v, a, prec);
            acb_add(w, z, th, prec);
            acb_mul(v, v, w, prec);
            acb_mul(res, v, G, prec);
            arb_set_fmpq(g, P->base->gamma_phi, prec);
            acb_mul_2exp_si(w, G, -1);
            arb_add(acb_realref(w), acb_realref(w), g, prec);
            acb_mul(w, w, rp2, prec);
            acb_addmul(res, w, A, prec);
            break;
        case F_J:
            acb_add(w, z, th, prec);
            acb_mul(w, w, G, prec);
            acb_mul(res, w, om, prec);
            acb_mul_2exp_si(res, res, -1);
            acb_neg(res, res);
            break;
        case F_D:
        case F_S:
            acb_sub_ui(v, u, 1, prec);
            acb_neg(v, v);
            qt_acb_log_analytic(v, v, 1, prec);
            acb_mul_2exp_si(v, v, -1);                   /* (1/2) ln(1 - u) */
            acb_addmul(v, u, A, prec);
            if (which == F_S)
            {
                acb_neg(res, v);
                arb_log_ui(acb_realref(w), 2, prec);
                arb_zero(acb_imagref(w));
                acb_add(res, res, w, prec);
            }
            else
            {
                acb_cosh(w, a, prec);
                qt_acb_log_analytic(w, w, 1, prec);
                acb_add(res, v, w, prec);
                acb_addmul(res, a, z, prec);
            }
            break;
        default:
            acb_mul(res, om, z, prec);
            acb_mul_2exp_si(res, res, -1);
    }
    acb_clear(z); acb_clear(rp2); acb_clear(u); acb_clear(A); acb_clear(a); acb_clear(om); acb_clear(G);
    acb_clear(th); acb_clear(v); acb_clear(w); arb_clear(g);
}

typedef struct
{
    const qt_qubit_ramp_struct *P;
    arb_struct *t;
    arb_struct *rho;
    int which;
}
fn_ctx;

/* u in [0, 1] -> f(t u) */
static int
along(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    const fn_ctx *c = param;
    acb_t s;
    if (order > 1)
        flint_abort();
    acb_init(s);
    acb_mul_arb(s, u, c->t, prec);
    ramp_function(res, c->P, s, c->which, prec);
    acb_clear(s);
    return 0;
}

/* v in [0, 1] -> f(t + rho e^{2 pi i v}) e^{-2 pi i v}: (1/rho) int_0^1 = f'(t) (Cauchy) */
static int
around(acb_ptr res, const acb_t v, void *param, slong order, slong prec)
{
    const fn_ctx *c = param;
    acb_t e, s;
    if (order > 1)
        flint_abort();
    acb_init(e); acb_init(s);
    acb_exp_pi_i(e, v, prec);
    acb_mul(e, e, e, prec);                      /* e^{2 pi i v} */
    acb_mul_arb(s, e, c->rho, prec);
    arb_add(acb_realref(s), acb_realref(s), c->t, prec);
    ramp_function(res, c->P, s, c->which, prec);
    acb_div(res, res, e, prec);
    acb_clear(e); acb_clear(s);
    return 0;
}

/* int_0^t f (which = F_SIGMA, F_J) */
static void
integral_of(arb_t res, const qt_qubit_ramp_struct *P, const char *t, int which, slong prec)
{
    fn_ctx c;
    arb_t tb;
    arf_t a, b;
    fmpq_t q;
    arb_init(tb); arf_init(a); arf_init(b); fmpq_init(q);
    qt_test_setq(q, t);
    arb_set_fmpq(tb, q, prec);
    c.P = P; c.t = tb; c.rho = NULL; c.which = which;
    arf_zero(a);
    arf_one(b);
    ck_assert(qt_integrate_real(res, along, &c, a, b, NULL, 0, prec) == QT_OK);
    arb_mul(res, res, tb, prec);
    arb_clear(tb); arf_clear(a); arf_clear(b); fmpq_clear(q);
}

/* f'(t) for f in {F_D, F_S, F_E} by the Cauchy integral on |s - t| = rho */
static void
cauchy_derivative(arb_t res, const qt_qubit_ramp_struct *P, const char *t, const char *rho, int which, slong prec)
{
    fn_ctx c;
    arb_t tb, rb;
    acb_t lo, hi, I;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    fmpq_t q;
    arb_init(tb); arb_init(rb); acb_init(lo); acb_init(hi); acb_init(I); mag_init(tol); fmpq_init(q);
    qt_test_setq(q, t);
    arb_set_fmpq(tb, q, prec);
    qt_test_setq(q, rho);
    arb_set_fmpq(rb, q, prec);
    c.P = P; c.t = tb; c.rho = rb; c.which = which;
    acb_calc_integrate_opt_init(opt);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_zero(lo);
    acb_one(hi);
    ck_assert(acb_calc_integrate(I, around, &c, lo, hi, prec, tol, opt, prec) == ARB_CALC_SUCCESS);
    arb_div(res, acb_realref(I), rb, prec);     /* f is real on the real axis: f'(t) is real */
    arb_clear(tb); arb_clear(rb); acb_clear(lo); acb_clear(hi); acb_clear(I); mag_clear(tol); fmpq_clear(q);
}

static void
assert_overlap(const arb_t a, const arb_t b, const char *what)
{
    ck_assert_msg(arb_is_finite(a) && arb_is_finite(b), "%s: not finite", what);
    ck_assert_msg(qt_overlaps(a, b), "%s: no overlap", what);
}

static void
assert_tight(const arb_t a, slong bits, const char *what)
{
    ck_assert_msg(arb_rel_accuracy_bits(a) >= bits || arb_is_zero(a) || mag_cmp_2exp_si(arb_radref(a), -bits) < 0,
                  "%s: accuracy %ld bits < %ld", what, (long) arb_rel_accuracy_bits(a), (long) bits);
}

/* ---- m = +-1: closed forms (lemma R4) ---- */

START_TEST(test_ramp_closed_forms_m_pm1)
{
    /* (omega0, omega1, beta, t); gamma = |beta omega1| / 2 makes m = sign(omega1) */
    static const char *const cases[4][4] = {
        {"1", "1/2", "1", "2"}, {"3/2", "1/5", "2", "7/3"}, {"2", "-1/2", "1", "3"}, {"1", "-1/4", "3/2", "5/2"}};
    slong prec = 160;
    int k;
    for (k = 0; k < 4; k++)
    {
        qt_qubit_ramp_t P;
        qt_record_t R;
        fmpq_t g, q;
        arb_t a0, at, k1, z, W, v, w, C, tb, be, om;
        int m = cases[k][1][0] == '-' ? -1 : 1;
        qt_qubit_ramp_init(P);
        qt_traj_record_init(R, 1);
        fmpq_init(g); fmpq_init(q);
        arb_init(a0); arb_init(at); arb_init(k1); arb_init(z); arb_init(W); arb_init(v); arb_init(w);
        arb_init(C); arb_init(tb); arb_init(be); arb_init(om);
        set_ramp(P, cases[k][0], cases[k][1], cases[k][2], "1", "1/20", "3/10", "1/10", "1/2");
        fmpq_mul(g, P->omega1, P->base->beta);
        fmpq_div_2exp(g, g, 1);
        fmpq_abs(g, g);
        fmpq_set(P->base->gamma, g);
        run(R, P, cases[k][3], prec);

        qt_test_setq(q, cases[k][3]);
        arb_set_fmpq(tb, q, prec);
        arb_set_fmpq(be, P->base->beta, prec);
        arb_set_fmpq(k1, P->omega1, prec);
        arb_mul(k1, k1, be, prec);
        arb_mul_2exp_si(k1, k1, -1);                      /* k = beta omega1 / 2 = a' */
        arb_set_fmpq(a0, P->base->omega, prec);
        arb_mul(a0, a0, be, prec);
        arb_mul_2exp_si(a0, a0, -1);
        arb_mul(at, k1, tb, prec);
        arb_add(at, at, a0, prec);
        if (m == 1)
        {
            /* z = (C - cosh a_t)/sinh a_t, C = z0 sinh a0 + cosh a0;
               int z ds = (1/k)[C ln tanh(a/2) - ln sinh a]_{a0}^{at} */
            arb_sinh(v, a0, prec);
            arb_mul_fmpz(C, v, fmpq_numref(P->base->z0), prec);
            arb_div_fmpz(C, C, fmpq_denref(P->base->z0), prec);
            arb_cosh(v, a0, prec);
            arb_add(C, C, v, prec);
            arb_cosh(v, at, prec);
            arb_sub(z, C, v, prec);
            arb_sinh(v, at, prec);
            arb_div(z, z, v, prec);
            arb_mul_2exp_si(v, at, -1); arb_tanh(v, v, prec); arb_log(v, v, prec);
            arb_mul_2exp_si(w, a0, -1); arb_tanh(w, w, prec); arb_log(w, w, prec);
            arb_sub(W, v, w, prec);
            arb_mul(W, W, C, prec);
            arb_sinh(v, at, prec); arb_log(v, v, prec);
            arb_sinh(w, a0, prec); arb_log(w, w, prec);
            arb_sub(v, v, w, prec);
            arb_sub(W, W, v, prec);
        }
        else
        {
            /* z = sinh a_t (C' + l(a_t)), l = ln tanh(a/2), C' = z0/sinh a0 - l(a0);
               int z ds = (1/k)[C' cosh a + cosh a l(a) - ln sinh a]_{a0}^{at} */
            arb_t l0, lt;
            arb_init(l0); arb_init(lt);
            arb_mul_2exp_si(l0, a0, -1); arb_tanh(l0, l0, prec); arb_log(l0, l0, prec);
            arb_mul_2exp_si(lt, at, -1); arb_tanh(lt, lt, prec); arb_log(lt, lt, prec);
            arb_set_fmpq(C, P->base->z0, prec);
            arb_sinh(v, a0, prec);
            arb_div(C, C, v, prec);
            arb_sub(C, C, l0, prec);
            arb_add(z, C, lt, prec);
            arb_sinh(v, at, prec);
            arb_mul(z, z, v, prec);
            arb_add(v, C, lt, prec); arb_cosh(w, at, prec); arb_mul(v, v, w, prec);
            arb_sinh(w, at, prec); arb_log(w, w, prec); arb_sub(W, v, w, prec);
            arb_add(v, C, l0, prec); arb_cosh(w, a0, prec); arb_mul(v, v, w, prec);
            arb_sub(W, W, v, prec);
            arb_sinh(w, a0, prec); arb_log(w, w, prec); arb_add(W, W, w, prec);
            arb_clear(l0); arb_clear(lt);
        }
        arb_div(W, W, k1, prec);
        arb_set_fmpq(v, P->omega1, prec);
        arb_mul(W, W, v, prec);
        arb_mul_2exp_si(W, W, -1);                        /* W = (omega1/2) int z */
        /* E = omega(t) z / 2 */
        arb_set_fmpq(om, P->omega1, prec);
        arb_mul(om, om, tb, prec);
        arb_set_fmpq(v, P->base->omega, prec);
        arb_add(om, om, v, prec);
        arb_mul(v, om, z, prec);
        arb_mul_2exp_si(v, v, -1);
        assert_overlap(v, OUT(R, QT_TR_E), "E at m = +-1");
        assert_overlap(W, named(R, "W"), "W at m = +-1");
        assert_tight(named(R, "W"), 120, "W");
        /* W_dot = (omega1/2) z */
        arb_set_fmpq(v, P->omega1, prec);
        arb_mul(v, v, z, prec);
        arb_mul_2exp_si(v, v, -1);
        assert_overlap(v, named(R, "W_dot"), "W_dot at m = +-1");

        qt_record_clear(R);
        qt_qubit_ramp_clear(P);
        fmpq_clear(g); fmpq_clear(q);
        arb_clear(a0); arb_clear(at); arb_clear(k1); arb_clear(z); arb_clear(W); arb_clear(v); arb_clear(w);
        arb_clear(C); arb_clear(tb); arb_clear(be); arb_clear(om);
    }
}
END_TEST

/* ---- the constant-frequency limit ---- */

START_TEST(test_ramp_constant_frequency_limit)
{
    /* omega1 = 0 exactly and omega1 = 1e-40: every core output overlaps qubit_davies at omega0 */
    static const char *const om1[2] = {"0", "1e-40"};
    slong prec = 256, i;
    int k;
    for (k = 0; k < 2; k++)
    {
        qt_qubit_ramp_t P;
        qt_record_t A, B;
        arb_t t;
        qt_qubit_ramp_init(P);
        qt_traj_record_init(A, 1);
        qt_traj_record_init(B, 1);
        arb_init(t);
        set_ramp(P, "1", om1[k], "1", "1/5", "1/20", "3/5", "0", "3/5");
        run(A, P, "2", prec);
        arb_set_ui(t, 2);
        qt_qubit_davies_trajectory(B, P->base, t, QT_T_GENERIC, prec);
        for (i = 0; i < QT_TR_NCORE; i++)
        {
            ck_assert_msg(A->out[i].status == B->out[i].status, "%s: status differs", A->name[i]);
            if (A->out[i].status == QT_OK)
                ck_assert_msg(qt_overlaps(OUT(A, i), OUT(B, i)), "omega1 = %s: %s differs from qubit_davies", om1[k], A->name[i]);
        }
        if (k == 0)
        {
            ck_assert(arb_is_zero(named(A, "W")));
            ck_assert(arb_is_zero(named(A, "W_dot")));
            ck_assert(arb_is_zero(named(A, "Delta_F")));
        }
        qt_record_clear(A); qt_record_clear(B);
        qt_qubit_ramp_clear(P);
        arb_clear(t);
    }
}
END_TEST

/* ---- identity 11 ---- */

static void
random_ramp(qt_qubit_ramp_t P, flint_rand_t st)
{
    fmpq_set_si(P->base->omega, 1 + (slong) n_randint(st, 8), 4);             /* 1/4 .. 2 */
    fmpq_set_si(P->omega1, (slong) n_randint(st, 9) - 3, 8);                   /* -3/8 .. 5/8 */
    if (fmpq_is_zero(P->omega1))
        fmpq_set_si(P->omega1, 1, 3);
    fmpq_set_si(P->base->beta, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->base->gamma, 1 + (slong) n_randint(st, 6), 10);
    fmpq_set_si(P->base->gamma_phi, (slong) n_randint(st, 3), 20);
    fmpq_set_si(P->base->x0, (slong) n_randint(st, 9) - 4, 8);
    fmpq_set_si(P->base->y0, (slong) n_randint(st, 9) - 4, 8);
    fmpq_set_si(P->base->z0, (slong) n_randint(st, 13) - 6, 8);                /* |r0| <= 0.9 < 1 */
}

/* a time with omega(t) >= omega0 / 2 (as a string) */
static void
random_time(char *buf, size_t n, const qt_qubit_ramp_struct *P, flint_rand_t st)
{
    slong num = 1 + (slong) n_randint(st, 12);                                  /* t = num/4 */
    fmpq_t w;
    fmpq_init(w);
    for (;;)
    {
        fmpq_set_si(w, num, 4);
        fmpq_mul(w, w, P->omega1);
        fmpq_mul_2exp(w, w, 1);
        fmpq_add(w, w, P->base->omega);                                        /* omega0 + 2 omega1 t > 0 */
        if (fmpq_sgn(w) > 0)
            break;
        num--;
    }
    snprintf(buf, n, "%ld/4", (long) num);
    fmpq_clear(w);
}

/* the named ramp (omega0 = 1, the given omega1, Q1-like start) at the named time, or a random ramp
   and time; then the record at prec.  t receives the time (at most 32 characters) */
static void
first_or_random_case(qt_record_t R, qt_qubit_ramp_t P, char *t, int first, const char *omega1,
                     const char *time, flint_rand_t st, slong prec)
{
    if (first)
    {
        set_ramp(P, "1", omega1, "1", "1/5", "1/20", "1/2", "1/4", "1/2");
        snprintf(t, 32, "%s", time);
    }
    else
    {
        random_ramp(P, st);
        random_time(t, 32, P, st);
    }
    run(R, P, t, prec);
}

START_TEST(test_ramp_identity_11_pointwise)
{
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_qubit_ramp_t P;
        qt_record_t R;
        arb_t d, v;
        char t[32];
        qt_qubit_ramp_init(P);
        qt_traj_record_init(R, 1);
        arb_init(d); arb_init(v);
        first_or_random_case(R, P, t, it == 0, "1/3", "3/2", st, prec);
        /* identity 11: dD(rho_t || rho^eq_t)/dt = -sigma + beta (W_dot - F_dot), left side by Cauchy */
        cauchy_derivative(d, P, t, "1/16", F_D, prec);
        assert_overlap(d, named(R, "D_rel_dot"), "identity 11: dD/dt (Cauchy) vs D_rel_dot");
        {
            arb_t b;
            arb_init(b);
            arb_set_fmpq(b, P->base->beta, prec);
            arb_sub(v, named(R, "W_dot"), named(R, "F_dot"), prec);
            arb_mul(v, v, b, prec);
            arb_sub(v, v, OUT(R, QT_TR_SIGMA), prec);
            arb_sub(v, v, d, prec);
            ck_assert_msg(arb_contains_zero(v), "identity 11 residual excludes 0 (it %d)", it);
            arb_clear(b);
        }
        /* dS/dt and the first law dE/dt = J + W_dot, left sides by Cauchy */
        cauchy_derivative(d, P, t, "1/16", F_S, prec);
        assert_overlap(d, OUT(R, QT_TR_S_DOT), "dS/dt (Cauchy) vs S_dot");
        cauchy_derivative(d, P, t, "1/16", F_E, prec);
        arb_add(v, OUT(R, QT_TR_J), named(R, "W_dot"), prec);
        assert_overlap(d, v, "dE/dt (Cauchy) vs J + W_dot");
        /* Spohn's inequality for the driven generator */
        ck_assert_msg(!arb_is_negative(OUT(R, QT_TR_SIGMA)), "sigma < 0 (it %d)", it);
        ck_assert_msg(!arb_is_negative(OUT(R, QT_TR_SIGMA_INT)), "Sigma < 0 (it %d)", it);
        qt_record_clear(R);
        qt_qubit_ramp_clear(P);
        arb_clear(d); arb_clear(v);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_ramp_identity_11_integrated)
{
    flint_rand_t st;
    int it;
    slong prec = 96;
    flint_randinit(st);
    flint_randseed(st, 7, 11);
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_qubit_ramp_t P;
        qt_record_t R;
        arb_t I;
        char t[32];
        qt_qubit_ramp_init(P);
        qt_traj_record_init(R, 1);
        arb_init(I);
        first_or_random_case(R, P, t, it == 0, "-1/4", "2", st, prec);
        /* int_0^t sigma (the generator's trace formula, by quadrature) = D_0 - D_t + beta (W - Delta F) */
        integral_of(I, P, t, F_SIGMA, prec);
        assert_overlap(I, OUT(R, QT_TR_SIGMA_INT), "identity 11 integrated: int sigma vs Sigma");
        /* int_0^t J (by quadrature) = E(t) - E(0) - W: the first law with the library's W */
        integral_of(I, P, t, F_J, prec);
        assert_overlap(I, OUT(R, QT_TR_Q), "int J vs Q");
        qt_record_clear(R);
        qt_qubit_ramp_clear(P);
        arb_clear(I);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_ramp_overlap_across_precisions)
{
    flint_rand_t st;
    int it;
    slong i;
    flint_randinit(st);
    flint_randseed(st, 3, 5);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_qubit_ramp_t P;
        qt_record_t A, B;
        char t[32];
        qt_qubit_ramp_init(P);
        qt_traj_record_init(A, 1);
        qt_traj_record_init(B, 1);
        random_ramp(P, st);
        if (it == 1)
        {
            fmpq_one(P->base->z0);                        /* a pure start: S_dot = +inf at t = 0 only */
            fmpq_zero(P->base->x0);
            fmpq_zero(P->base->y0);
        }
        if (it == 2)
            fmpq_zero(P->base->gamma);                    /* pure dephasing: z constant, Q = 0 */
        random_time(t, sizeof t, P, st);
        run(A, P, t, 128);
        run(B, P, t, 192);
        ck_assert_int_eq(A->nout, B->nout);
        for (i = 0; i < A->nout; i++)
        {
            ck_assert_msg(A->out[i].status == B->out[i].status, "%s: status differs across precisions", A->name[i]);
            if (A->out[i].status == QT_OK)
                ck_assert_msg(qt_overlaps(OUT(A, i), OUT(B, i)), "%s: no overlap across precisions (it %d)", A->name[i], it);
        }
        if (it == 2)
        {
            ck_assert(arb_is_zero(OUT(A, QT_TR_Q)));
            ck_assert(arb_is_zero(OUT(A, QT_TR_J)));
        }
        if (it == 1)
        {
            run(A, P, "0", 128);
            ck_assert(qt_arb_is_exact_inf(OUT(A, QT_TR_S_DOT)));
            ck_assert(qt_arb_is_exact_inf(named(A, "D_rel_dot")) && arf_sgn(arb_midref(named(A, "D_rel_dot"))) < 0);
            ck_assert(arb_is_zero(named(A, "W")) && arb_is_zero(OUT(A, QT_TR_SIGMA_INT)));
        }
        qt_record_clear(A); qt_record_clear(B);
        qt_qubit_ramp_clear(P);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(test_ramp_bad_inputs)
{
    static const char *const bad[][10] = {
        /* omega0 omega1 beta gamma gamma_phi x0 y0 z0 t  field named */
        {"0", "1", "1", "1/5", "0", "0", "0", "1/2", "1", "omega0"},
        {"-1", "1", "1", "1/5", "0", "0", "0", "1/2", "1", "omega0"},
        {"1", "-1/2", "1", "1/5", "0", "0", "0", "1/2", "2", "omega1, t"},
        {"1", "-1", "1", "1/5", "0", "0", "0", "1/2", "3", "omega1, t"},
        {"1", "1", "0", "1/5", "0", "0", "0", "1/2", "1", "beta"},
        {"1", "1", "1", "-1/5", "0", "0", "0", "1/2", "1", "gamma"},
        {"1", "1", "1", "1/5", "-1", "0", "0", "1/2", "1", "gamma_phi"},
        {"1", "1", "1", "1/5", "0", "1", "0", "1/2", "1", "x0, y0, z0"},
        {"1", "1", "1", "1/5", "0", "0", "0", "1/2", "-1", "t"}};
    size_t k;
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++)
    {
        qt_qubit_ramp_t P;
        fmpq_t t;
        char why[QT_REASON_LEN];
        qt_qubit_ramp_init(P);
        fmpq_init(t);
        set_ramp(P, bad[k][0], bad[k][1], bad[k][2], bad[k][3], bad[k][4], bad[k][5], bad[k][6], bad[k][7]);
        qt_test_setq(t, bad[k][8]);
        ck_assert_msg(qt_qubit_ramp_validate(P, t, why) == QT_DOMAIN, "case %zu accepted", k);
        ck_assert_msg(strncmp(why, bad[k][9], strlen(bad[k][9])) == 0, "case %zu: reason '%s' does not name %s", k, why, bad[k][9]);
        qt_qubit_ramp_clear(P);
        fmpq_clear(t);
    }
    /* outside the strip the continued solution is indeterminate, never a confident number */
    {
        qt_qubit_ramp_t P;
        acb_t s, z, r;
        qt_qubit_ramp_init(P);
        acb_init(s); acb_init(z); acb_init(r);
        set_ramp(P, "1", "1/2", "1", "1/5", "0", "0", "0", "1/2");
        acb_set_si(s, -3);                                 /* omega(-3) < 0 */
        ck_assert(qt_qubit_ramp_bloch_acb(z, r, P, s, 64) == QT_UNCERTIFIED);
        ck_assert(!acb_is_finite(z));
        qt_qubit_ramp_clear(P);
        acb_clear(s); acb_clear(z); acb_clear(r);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("ramp");
    TCase *tc = tcase_create("identity 11");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_ramp_closed_forms_m_pm1);
    tcase_add_test(tc, test_ramp_constant_frequency_limit);
    tcase_add_test(tc, test_ramp_identity_11_pointwise);
    tcase_add_test(tc, test_ramp_identity_11_integrated);
    tcase_add_test(tc, test_ramp_overlap_across_precisions);
    tcase_add_test(tc, test_ramp_bad_inputs);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
