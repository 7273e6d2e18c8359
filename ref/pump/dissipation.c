/* dissipation.c -- second order of the slow-driving expansion along a protocol (pumping.md 2, lemma P15 of
 * proofs/pumping.md): with the boundary traversed once in the period tau at constant speed |dlambda/dt| = l/tau
 * (l its Euclidean length in the (B_x, B_z) plane),
 *   tau W_diss = l oint t^T zeta t dl = l sum_i (1/l_i) int_0^1 lambda_i'(u)^T zeta lambda_i'(u) du,
 *   L = oint sqrt(t^T g t) dl = sum_i int_0^1 sqrt(lambda_i'(u)^T g lambda_i'(u)) du   (g = sym zeta),
 * each piece by certified complex quadrature of the closed holomorphic zeta of lemma P14 (P22 at T_R != T, where only
 * W_diss is computed: the length needs sym(zeta) >= 0, which need not hold without detailed balance). */
#include "pump_internal.h"

int
qt_pump_dissipation_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason)
{
    if (!qt_pump_single_like(P))
        return qt_fail(reason, QT_DOMAIN, "n_qubits: the dissipated work and the thermodynamic length integrate the friction tensor along the curve, which needs its holomorphic closed form (lemma P14): one qubit (and coupling=local) only; pump.friction gives it pointwise for interacting qubits");
    if (C->kind != QT_PROTOCOL_CIRCLE && C->kind != QT_PROTOCOL_SECTOR && C->kind != QT_PROTOCOL_POLYGON)
        return qt_fail(reason, QT_DOMAIN, "protocol: the dissipated work and the thermodynamic length are defined for closed curves of finite length avoiding B = 0 (circle, sector, polygon)");
    return QT_OK;
}

typedef struct
{
    const qt_pump_params_struct *P;
    const qt_pump_piece_struct *g;
    int root;                 /* 0: lambda'^T zeta lambda'; 1: its square root */
}
dparam;

static int
integrand(acb_ptr res, const acb_t u, void *param, slong order, slong prec)
{
    dparam *p = param;
    acb_t Bx, Bz, dx, dz;
    acb_ptr Z = _acb_vec_init(4);
    char why[QT_REASON_LEN];
    if (order > 1)
        flint_abort();
    acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
    qt_pump_piece_eval(Bx, Bz, dx, dz, p->g, u, prec);
    qt_pump_friction_qubit_acb(Z, p->P, Bx, Bz, order != 0, prec, why);
    /* q = zeta_xx dx^2 + (zeta_xz + zeta_zx) dx dz + zeta_zz dz^2 (the symmetric part only enters) */
    acb_add(Bx, Z + 1, Z + 2, prec);
    acb_mul(Bx, Bx, dx, prec);
    acb_mul(Bx, Bx, dz, prec);
    acb_mul(res, dx, dx, prec);
    acb_mul(res, res, Z + 0, prec);
    acb_add(res, res, Bx, prec);
    acb_mul(Bz, dz, dz, prec);
    acb_addmul(res, Bz, Z + 3, prec);
    if (p->root)
        acb_sqrt_analytic(res, res, order != 0, prec);
    acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    _acb_vec_clear(Z, 4);
    return 0;
}

/* the adaptive search of acb_calc_integrate first; where it gives up (sqrt near complex zeros of B^2 close to
   the path), Gauss-Legendre with the ellipse bound on about one sub-piece per unit length, bisected on failure
   (the sub-piece count is effort, not rigour; both are certified) */
static int
integrate(arb_t v, dparam *dp, const arf_t a, const arf_t b, slong n, slong prec)
{
    if (qt_integrate_real(v, integrand, dp, a, b, NULL, 0, prec) == QT_OK)
        return QT_OK;
    return qt_integrate_real_pieces(v, integrand, dp, a, b, n, prec);
}

int
qt_pump_dissipation_per_cycle(arb_t Wtau, arb_t length, const qt_pump_params_struct *P, const qt_protocol_struct *C,
                              slong prec, char *reason)
{
    qt_pump_piece_struct *g;
    slong np, i, n;
    dparam dp;
    arb_t l, v;
    arb_ptr li;
    arf_t a, b;
    int st;
    if ((st = qt_pump_params_validate(P, reason)) != QT_OK || (st = qt_protocol_validate(C, reason)) != QT_OK
        || (st = qt_pump_dissipation_supported(P, C, reason)) != QT_OK)
    {
        arb_indeterminate(Wtau);
        arb_indeterminate(length);
        return st;
    }
    arb_init(l); arb_init(v);
    arf_init(a); arf_init(b);
    arf_zero(a);
    arf_one(b);
    qt_pump_protocol_pieces(&g, &np, C, prec);
    li = _arb_vec_init(np);
    arb_zero(l);
    for (i = 0; i < np; i++)
    {
        qt_pump_piece_length(li + i, g + i, prec);
        arb_add(l, l, li + i, prec);
    }
    arb_zero(Wtau);
    arb_zero(length);
    dp.P = P;
    for (i = 0; i < np && st == QT_OK; i++)
    {
        /* about one fallback sub-piece per unit length */
        n = qt_pump_piece_count(g + i, 1);
        dp.g = g + i;
        dp.root = 0;
        st = integrate(v, &dp, a, b, n, prec);
        arb_div(v, v, li + i, prec);
        arb_add(Wtau, Wtau, v, prec);
        if (st == QT_OK && qt_pump_equal_temperatures(P))
        {
            /* the length needs g = sym(zeta) >= 0, which holds at equal temperatures only (P22) */
            dp.root = 1;
            st = integrate(v, &dp, a, b, n, prec);
            arb_add(length, length, v, prec);
        }
    }
    arb_mul(Wtau, Wtau, l, prec);
    if (!qt_pump_equal_temperatures(P))
        arb_indeterminate(length);
    qt_pump_pieces_clear(g, np);
    _arb_vec_clear(li, np);
    arb_clear(l); arb_clear(v);
    arf_clear(a); arf_clear(b);
    if (st != QT_OK)
    {
        arb_indeterminate(Wtau);
        arb_indeterminate(length);
        return qt_fail(reason, QT_UNCERTIFIED, "the dissipation integrals did not reach the requested accuracy");
    }
    return QT_OK;
}
