/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* driven_level.c -- the quasi-statically driven resonant level (docs/physics/landauer.md §4.4),
 * hbar = k_B = 1, rho_S(E) = (gamma/pi)/((E - eps0)^2 + gamma^2), gamma = width/2,
 * w = 1/2 + (gamma + i(eps0 - mu))/(2 pi T).  Per unit eps0-dot (heat) and eps0-dot^2 (power):
 *   quasistatic_heat  = int rho_S (E - mu) d_E f dE          = -(1/pi) Im[(w - 1/2) psi'(w)]
 *   dissipated_power  = pi int (-d_E f) rho_S^2 dE            = pi [Re psi'(w)/(4 pi^3 gamma T) - Re psi''(w)/(8 pi^4 T^2)]
 *   entropy           = int rho_S sigma_F(f) dE               = s(w)
 * The quadrature versions (second method) use d_E f = -f(x) f(-x)/T. */
#include "landauer_internal.h"

void
qt_driven_level_params_init(qt_driven_level_params_t p)
{
    fmpq_init(p->eps0); fmpq_init(p->width); fmpq_init(p->mu); fmpq_init(p->T);
}

void
qt_driven_level_params_clear(qt_driven_level_params_t p)
{
    fmpq_clear(p->eps0); fmpq_clear(p->width); fmpq_clear(p->mu); fmpq_clear(p->T);
}

int
qt_driven_level_params_validate(const qt_driven_level_params_struct *p, char *reason)
{
    if (fmpq_sgn(p->width) <= 0)
        return qt_fail(reason, QT_DOMAIN, "width must be > 0");
    if (fmpq_sgn(p->T) <= 0)
        return qt_fail(reason, QT_DOMAIN, "T must be > 0");
    return QT_OK;
}

typedef struct
{
    arb_t eps0, hw, mu, T;
}
dl_ctx;

static void
dl_init(dl_ctx *c, const qt_driven_level_params_t p, slong prec)
{
    arb_init(c->eps0); arb_init(c->hw); arb_init(c->mu); arb_init(c->T);
    arb_set_fmpq(c->eps0, p->eps0, prec);
    arb_set_fmpq(c->hw, p->width, prec);
    arb_mul_2exp_si(c->hw, c->hw, -1);
    arb_set_fmpq(c->mu, p->mu, prec);
    arb_set_fmpq(c->T, p->T, prec);
}

static void
dl_clear(dl_ctx *c)
{
    arb_clear(c->eps0); arb_clear(c->hw); arb_clear(c->mu); arb_clear(c->T);
}

static void
polygamma(acb_t r, slong order, const acb_t w, slong prec)
{
    acb_t s;
    acb_init(s);
    acb_set_si(s, order);
    acb_polygamma(r, s, w, prec);
    acb_clear(s);
}

int
qt_driven_level_quasistatic_heat(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason)
{
    dl_ctx c;
    acb_t w, t;
    arb_t h, pi;
    int st = qt_driven_level_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    dl_init(&c, p, prec);
    acb_init(w); acb_init(t); arb_init(h); arb_init(pi);
    qt_lorentz_w(w, c.eps0, c.hw, c.mu, c.T, prec);
    polygamma(t, 1, w, prec);
    arb_set_d(h, 0.5);
    {
        acb_t wm;
        acb_init(wm);
        acb_set(wm, w);
        arb_sub(acb_realref(wm), acb_realref(wm), h, prec);
        acb_mul(t, t, wm, prec);
        acb_clear(wm);
    }
    arb_const_pi(pi, prec);
    arb_div(res, acb_imagref(t), pi, prec);
    arb_neg(res, res);
    acb_clear(w); acb_clear(t); arb_clear(h); arb_clear(pi);
    dl_clear(&c);
    return QT_OK;
}

int
qt_driven_level_dissipated_power(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason)
{
    dl_ctx c;
    acb_t w, t;
    arb_t pi, a, b;
    int st = qt_driven_level_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    dl_init(&c, p, prec);
    acb_init(w); acb_init(t); arb_init(pi); arb_init(a); arb_init(b);
    qt_lorentz_w(w, c.eps0, c.hw, c.mu, c.T, prec);
    arb_const_pi(pi, prec);
    /* a = Re psi'(w) / (4 pi^3 gamma T) */
    polygamma(t, 1, w, prec);
    arb_pow_ui(b, pi, 3, prec);
    arb_mul(b, b, c.hw, prec);
    arb_mul(b, b, c.T, prec);
    arb_mul_2exp_si(b, b, 2);
    arb_div(a, acb_realref(t), b, prec);
    /* b = Re psi''(w) / (8 pi^4 T^2) */
    polygamma(t, 2, w, prec);
    arb_pow_ui(b, pi, 4, prec);
    arb_mul(b, b, c.T, prec);
    arb_mul(b, b, c.T, prec);
    arb_mul_2exp_si(b, b, 3);
    arb_div(b, acb_realref(t), b, prec);
    arb_sub(a, a, b, prec);
    arb_mul(res, a, pi, prec);
    acb_clear(w); acb_clear(t); arb_clear(pi); arb_clear(a); arb_clear(b);
    dl_clear(&c);
    return QT_OK;
}

int
qt_driven_level_entropy(arb_t res, const qt_driven_level_params_t p, slong prec, char *reason)
{
    dl_ctx c;
    acb_t w;
    int st = qt_driven_level_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    dl_init(&c, p, prec);
    acb_init(w);
    qt_lorentz_w(w, c.eps0, c.hw, c.mu, c.T, prec);
    qt_lorentz_entropy(res, w, prec);
    acb_clear(w);
    dl_clear(&c);
    return QT_OK;
}

/* ---- quadrature (second method) ---- */
typedef struct
{
    dl_ctx c;
    int quantity;
}
dl_quad;

static int
dl_integrand(acb_ptr res, const acb_t E, void *param, slong order, slong prec)
{
    dl_quad *q = param;
    acb_t x, f, fb, rho, m;
    int an = (order != 0);
    if (order > 1)
        flint_abort();
    acb_init(x); acb_init(f); acb_init(fb); acb_init(rho); acb_init(m);
    /* rho = (gamma/pi)/((E - eps0)^2 + gamma^2) */
    acb_sub_arb(rho, E, q->c.eps0, prec);
    acb_sqr(rho, rho, prec);
    arb_sqr(acb_realref(m), q->c.hw, prec);
    arb_zero(acb_imagref(m));
    acb_add(rho, rho, m, prec);
    acb_inv(rho, rho, prec);
    arb_const_pi(acb_realref(m), prec);
    acb_mul_arb(rho, rho, q->c.hw, prec);
    acb_div_arb(rho, rho, acb_realref(m), prec);

    acb_sub_arb(x, E, q->c.mu, prec);
    acb_div_arb(x, x, q->c.T, prec);
    if (q->quantity == QT_DL_ENTROPY)
    {
        qt_fermi_entropy(f, x, an, prec);
        acb_mul(res, f, rho, prec);
    }
    else
    {
        qt_fermi(f, x, prec);
        acb_neg(m, x);
        qt_fermi(fb, m, prec);
        acb_mul(f, f, fb, prec);                   /* f(1-f) = -T d_E f */
        if (q->quantity == QT_DL_HEAT)
        {
            /* rho (E - mu) d_E f = -rho x f(1-f) */
            acb_mul(res, f, x, prec);
            acb_mul(res, res, rho, prec);
            acb_neg(res, res);
        }
        else
        {
            /* pi rho^2 f(1-f)/T */
            acb_mul(res, rho, rho, prec);
            acb_mul(res, res, f, prec);
            acb_div_arb(res, res, q->c.T, prec);
            arb_const_pi(acb_realref(m), prec);
            acb_mul_arb(res, res, acb_realref(m), prec);
        }
    }
    acb_clear(x); acb_clear(f); acb_clear(fb); acb_clear(rho); acb_clear(m);
    return 0;
}

int
qt_driven_level_quad(arb_t res, int quantity, const qt_driven_level_params_t p, slong prec, char *reason)
{
    dl_quad q;
    arf_t A, B, w;
    arf_struct splits[2];
    arb_t X, t, f, pig;
    mag_t tail;
    int st = qt_driven_level_params_validate(p, reason);
    if (st != QT_OK)
        return st;
    dl_init(&q.c, p, prec);
    q.quantity = quantity;
    arf_init(A); arf_init(B); arf_init(w);
    arf_init(splits + 0); arf_init(splits + 1);
    arb_init(X); arb_init(t); arb_init(f); arb_init(pig);
    mag_init(tail);

    /* window mu +- X T with X = 0.7 prec + 30 */
    arf_mul_si(w, arb_midref(q.c.T), (slong) (0.7 * prec) + 30, 64, ARF_RND_UP);
    arf_sub(A, arb_midref(q.c.mu), w, 64, ARF_RND_DOWN);
    arf_add(B, arb_midref(q.c.mu), w, 64, ARF_RND_UP);
    arf_set(splits + 0, arb_midref(q.c.mu));
    arf_set(splits + 1, arb_midref(q.c.eps0));
    st = qt_integrate_real(res, dl_integrand, &q, A, B, splits, 2, prec);

    /* tails (lemma D1): rho <= 1/(pi gamma); f(1-f) <= e^-|x|; sigma_F <= (1+|x|)e^-|x|.
       per side, with X = (B - mu)/T or (mu - A)/T computed on balls:
                 heat    (1/(pi gamma)) T (1+X) e^-X
                 power   pi (1/(pi gamma))^2 e^-X
                 entropy (1/(pi gamma)) T (2+X) e^-X */
    arb_const_pi(pig, prec);
    arb_mul(pig, pig, q.c.hw, prec);
    arb_inv(pig, pig, prec);                         /* 1/(pi gamma) */
    {
        int side;
        arb_t tot, e;
        arb_init(tot);
        arb_init(e);
        for (side = 0; side < 2; side++)
        {
            if (side == 0)
            {
                arb_set_arf(e, B);
                arb_sub(X, e, q.c.mu, prec);
            }
            else
            {
                arb_set_arf(e, A);
                arb_sub(X, q.c.mu, e, prec);
            }
            arb_div(X, X, q.c.T, prec);
            arb_neg(t, X);
            arb_exp(t, t, prec);
            if (quantity == QT_DL_HEAT)
            {
                arb_add_ui(f, X, 1, prec);
                arb_mul(f, f, q.c.T, prec);
                arb_mul(f, f, pig, prec);
            }
            else if (quantity == QT_DL_POWER)
            {
                arb_sqr(f, pig, prec);
                arb_const_pi(e, prec);
                arb_mul(f, f, e, prec);
            }
            else
            {
                arb_add_ui(f, X, 2, prec);
                arb_mul(f, f, q.c.T, prec);
                arb_mul(f, f, pig, prec);
            }
            arb_mul(t, t, f, prec);
            if (!arb_is_nonnegative(X))
                arb_pos_inf(t);
            arb_add(tot, tot, t, prec);
        }
        arb_set(t, tot);
        arb_clear(tot);
        arb_clear(e);
    }
    arb_get_mag(tail, t);
    arb_add_error_mag(res, tail);
    if (st == QT_INTERNAL)
        arb_indeterminate(res);
    qt_integration_fail(reason, st, "certified quadrature over the energy axis", prec);

    arf_clear(A); arf_clear(B); arf_clear(w);
    arf_clear(splits + 0); arf_clear(splits + 1);
    arb_clear(X); arb_clear(t); arb_clear(f); arb_clear(pig);
    mag_clear(tail);
    dl_clear(&q.c);
    return st;
}
