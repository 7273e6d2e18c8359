/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* dissipation.c -- second order of the slow-driving expansion along a protocol (docs/physics/pumping.md §2, lemma P15 of
 * proofs/pumping.md): with the boundary traversed once in the period tau at constant speed |dlambda/dt| = l/tau
 * (l its Euclidean length in the (B_x, B_z) plane),
 *   tau W_diss = l oint t^T zeta t dl = l sum_i (1/l_i) int_0^1 lambda_i'(u)^T zeta lambda_i'(u) du,
 *   L = oint sqrt(t^T g t) dl = sum_i int_0^1 sqrt(lambda_i'(u)^T g lambda_i'(u)) du   (g = sym zeta),
 * each piece by certified complex quadrature of a holomorphic zeta: the closed form of lemma P14 (one qubit, P16 local
 * baths; P22 at T_R != T, where only W_diss is computed: the length needs sym(zeta) >= 0, which need not hold without
 * detailed balance), the field-frame block form of lemma P18 (two Heisenberg qubits) or the generic form of
 * lemma P24 (other 2-3 qubit models, any temperatures; W_diss only at T_R != T). */
#include "pump_internal.h"

int
qt_pump_dissipation_supported(const qt_pump_params_struct *P, const qt_protocol_struct *C, char *reason)
{
    int heis2 = qt_pump_heis2_like(P), heis3 = qt_pump_heis3_like(P);
    if (qt_pump_shared_levels_degenerate(P, reason) != QT_OK || qt_pump_singlet_is_dark(P, reason) != QT_OK)
        return QT_DOMAIN;
    if (qt_pump_parity_sectors_dark(P, reason) != QT_OK)
        return QT_DOMAIN;
    /* lemma P24, a structural coincidence: at Delta = 1 (J != 0) H commutes with n.Sigma (n = B/|B|), so the Zeeman
       levels of a multiplet of three or more (the triplet, the quartet) are equally spaced by 2s|B| at every field */
    if (heis3 && !qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "%s: the dissipation integrals of three Heisenberg qubits (the field frame of lemma P31) are proven at equal temperatures only; use pump.friction at points", qt_pump_unequal_temperature_field(P));
    if (!qt_pump_single_like(P) && !qt_pump_field_frame_like(P) && !heis3 && fmpq_is_one(P->Delta) && !fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "Delta: at Delta = 1 H conserves the total spin along B, so the Zeeman levels of each multiplet (triplet, quartet) are equally spaced and two Bohr frequencies coincide at every field, outside the generic route of lemma P24 (P18: two qubits, P31: three qubits, named layouts); use Delta != 1 or pump.friction at points");
    if (C->kind != QT_PROTOCOL_CIRCLE && C->kind != QT_PROTOCOL_SECTOR && C->kind != QT_PROTOCOL_POLYGON)
        return qt_fail(reason, QT_DOMAIN, "protocol: the dissipated work and the thermodynamic length are defined for closed curves of finite length avoiding B = 0 (circle, sector, polygon)");
    if ((heis2 || heis3) && C->kind != QT_PROTOCOL_POLYGON)
    {
        /* lemmas P18, P31: the holomorphic form is the secular generator off finitely many radii; an arc centred at
           B = 0 on such a radius would lie entirely in that set (a segment or any other arc meets it in isolated
           points) */
        fmpq radii[256];
        slong n, i;
        int bad = 0;
        for (i = 0; i < 256; i++)
            fmpq_init(radii + i);
        n = heis2 ? qt_pump_heis2_special_radii(radii, P) : qt_pump_frame_special_radii(radii, 256, P);
        for (i = 0; i < n && !bad; i++)
        {
            if (C->kind == QT_PROTOCOL_CIRCLE)
                bad = fmpq_is_zero(C->cx) && fmpq_is_zero(C->cz) && fmpq_equal(C->radius, radii + i);
            else
                bad = fmpq_equal(C->r0, radii + i) || fmpq_equal(C->r1, radii + i);
        }
        for (i = 0; i < 256; i++)
            fmpq_clear(radii + i);
        if (bad)
            return qt_fail(reason, QT_DOMAIN, C->kind == QT_PROTOCOL_CIRCLE
                           ? "radius: a circle about B = 0 on a radius where two Bohr frequencies coincide or two levels cross (lemmas P18, P31): the secular generator differs there along the whole arc"
                           : "r0, r1: an arc of the sector lies on a radius where two Bohr frequencies coincide or two levels cross (lemmas P18, P31): the secular generator differs there along the whole arc");
    }
    return QT_OK;
}

typedef struct
{
    const qt_pump_params_struct *P;
    qt_pump_plan_struct *plan;      /* the route and its constant part, kept between points */
    const qt_pump_piece_struct *g;
    int root;                 /* 0: q = lambda'^T zeta lambda'; 1: sqrt(q) */
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
    qt_pump_friction_plan_acb(Z, p->plan, Bx, Bz, order != 0, prec, why);
    /* q = zeta_xx dx^2 + (zeta_xz + zeta_zx) dx dz + zeta_zz dz^2 (the symmetric part only enters) */
    acb_add(Bx, Z + 1, Z + 2, prec);
    acb_mul(Bx, Bx, dx, prec);
    acb_mul(Bx, Bx, dz, prec);
    acb_mul(res, dx, dx, prec);
    acb_mul(res, res, Z + 0, prec);
    acb_add(res, res, Bx, prec);
    acb_mul(Bz, dz, dz, prec);
    acb_addmul(res, Bz, Z + 3, prec);
    if (p->root == 1)
        qt_acb_sqrt_right_half(res, res, order != 0, prec);
    acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    _acb_vec_clear(Z, 4);
    return 0;
}

/* one qubit: the adaptive search of qt_integrate_real first; where it gives up (sqrt near complex zeros of B^2
   close to the path), Gauss-Legendre with the ellipse bound on about one sub-piece per unit length, bisected on
   failure (the sub-piece count is effort, not rigour; both are certified) */
static int
integrate(arb_t v, dparam *dp, const arf_t a, const arf_t b, slong n, slong prec)
{
    if (qt_integrate_real(v, integrand, dp, a, b, NULL, 0, prec) == QT_OK)
        return QT_OK;
    return qt_integrate_real_pieces(v, integrand, dp, a, b, n, prec);
}

/* two Heisenberg qubits: the friction tensor's evaluation (a block Drazin solve) stays finite only on balls of
   radius about 10^-2 in (B_x, B_z), far inside its domain of holomorphy; Gauss-Legendre on sub-pieces of about
   1/5 per unit length (effort only) with the ellipse bound from a cover by smaller balls (lemma L6).  The integrand
   is q (dp->root = 0); both = 1: both integrals at once, q + i sqrt(q) (one friction evaluation for both; both parts
   are real on the real segment), bounded through the boundary (lemma L6b), since q's enclosures on balls are far
   wider than q's variation and reach Re q <= 0 on tiny balls where q is small */
static int
integrate_cover(acb_t v, dparam *dp, const arf_t a, const arf_t b, slong n, slong depth, int both, slong prec)
{
    qt_integrand_halfplane_struct h;
    qt_integrand_halfplane_init(&h, integrand, dp, depth, 2);
    return both ? qt_integrate_pieces(v, qt_integrand_halfplane, &h, a, b, n, prec)
                : qt_integrate_pieces(v, qt_integrand_cover, &h.q, a, b, n, prec);
}

/* lemma P24: the generic formula equals the secular generator's friction tensor wherever the Bohr frequencies are
   distinct; along an analytic piece that holds off a finite set as soon as it holds at one point (Rellich: the levels
   are analytic along the piece, so each difference of two Bohr frequencies is analytic and not identically zero).
   The point is the middle of the piece, else u = 1/3. */
static int
piece_bohr_generic(const qt_pump_piece_struct *g, const qt_pump_params_struct *P, slong prec, char *reason)
{
    acb_t u, Bx, Bz, dx, dz;
    int ok, i;
    acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
    for (ok = 0, i = 2; i <= 3 && !ok; i++)
    {
        acb_set_si(u, 1);
        acb_div_si(u, u, i, prec);
        qt_pump_piece_eval(Bx, Bz, dx, dz, g, u, prec);
        ok = qt_pump_bohr_frequencies_distinct(P, Bx, Bz, prec);
    }
    acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    if (!ok)
        return qt_fail(reason, QT_UNCERTIFIED, "the protocol: on one of its pieces two Bohr frequencies could not be proven distinct (lemma P24: the secular generator may differ from the generic form along the whole piece, e.g. a symmetry axis)");
    return QT_OK;
}

int
qt_pump_dissipation_per_cycle(arb_t Wtau, arb_t length, const qt_pump_params_struct *P, const qt_protocol_struct *C,
                              slong prec, char *reason)
{
    qt_pump_piece_struct *g;
    slong np, i, n;
    dparam dp;
    qt_pump_plan_struct plan;
    arb_t l, v;
    arb_ptr li;
    arf_t a, b;
    int st, bohr_fail = 0;
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
    qt_pump_plan_init(&plan, P);
    dp.plan = &plan;
    /* lemma P24: every piece is checked before any is integrated (the level scan names every crossing at once) */
    if (!qt_pump_single_like(P) && !qt_pump_field_frame_like(P) && !qt_pump_heis3_like(P))
    {
        st = qt_pump_pieces_levels_simple(P, g, np, prec, reason);
        for (i = 0; i < np && st == QT_OK; i++)
            st = piece_bohr_generic(g + i, P, prec, reason);
        bohr_fail = st != QT_OK;
    }
    for (i = 0; i < np && st == QT_OK; i++)
    {
        dp.g = g + i;
        if (!qt_pump_single_like(P))
        {
            /* interacting qubits (supported above), both integrals at once: two Heisenberg qubits (P18) about 5
               sub-pieces per unit length; the other models (P24) about 50, after the check that no two Bohr
               frequencies coincide along the whole piece */
            acb_t w;
            int h2 = qt_pump_field_frame_like(P) || qt_pump_heis3_like(P);      /* P18, P25, P29, P31 */
            int both = qt_pump_equal_temperatures(P);
            acb_init(w);
            n = qt_pump_piece_count(g + i, h2 ? 5 : 50);
            /* at T_R != T only W_diss (P22: sym(zeta) need not be positive semidefinite, sqrt(q) may not exist) */
            dp.root = 0;
            st = integrate_cover(w, &dp, a, b, n, h2 ? 2 : 3, both, prec);
            arb_div(v, acb_realref(w), li + i, prec);
            arb_add(Wtau, Wtau, v, prec);
            if (both)
                arb_add(length, length, acb_imagref(w), prec);
            acb_clear(w);
            continue;
        }
        /* about one fallback sub-piece per unit length */
        n = qt_pump_piece_count(g + i, 1);
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
    qt_pump_plan_clear(&plan);
    qt_pump_pieces_clear(g, np);
    _arb_vec_clear(li, np);
    arb_clear(l); arb_clear(v);
    arf_clear(a); arf_clear(b);
    if (st != QT_OK)
    {
        arb_indeterminate(Wtau);
        arb_indeterminate(length);
        return bohr_fail ? st : qt_integration_fail(reason, st, "the dissipation integrals", prec);
    }
    return QT_OK;
}
