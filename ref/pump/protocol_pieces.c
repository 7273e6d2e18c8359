/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* protocol_pieces.c -- the boundary of a protocol as arcs and segments parametrised on u in [0, 1], evaluated
 * at complex u for certified quadrature (lemma P4 of proofs/pumping.md); shared by the pumped heat and the
 * dissipation integrals. */
#include <stdlib.h>
#include <math.h>
#include "pump_internal.h"

void
qt_pump_piece_init(qt_pump_piece_struct *p)
{
    p->arc = 0;
    arb_init(p->cx); arb_init(p->cz); arb_init(p->rad); arb_init(p->a); arb_init(p->b);
    arb_init(p->x0); arb_init(p->z0); arb_init(p->x1); arb_init(p->z1);
}

void
qt_pump_piece_clear(qt_pump_piece_struct *p)
{
    arb_clear(p->cx); arb_clear(p->cz); arb_clear(p->rad); arb_clear(p->a); arb_clear(p->b);
    arb_clear(p->x0); arb_clear(p->z0); arb_clear(p->x1); arb_clear(p->z1);
}

void
qt_pump_piece_eval(acb_t Bx, acb_t Bz, acb_t dx, acb_t dz, const qt_pump_piece_struct *p, const acb_t u, slong prec)
{
    acb_t phi, c, s, t;
    acb_init(phi); acb_init(c); acb_init(s); acb_init(t);
    if (p->arc)
    {
        /* phi = a + (b - a) u; B = c + r (cos phi, sin phi); d/du = (b - a) r (-sin phi, cos phi) */
        acb_set_arb(t, p->b);
        acb_sub_arb(t, t, p->a, prec);
        acb_mul(phi, t, u, prec);
        acb_add_arb(phi, phi, p->a, prec);
        acb_sin_cos(s, c, phi, prec);
        acb_mul_arb(Bx, c, p->rad, prec);
        acb_add_arb(Bx, Bx, p->cx, prec);
        acb_mul_arb(Bz, s, p->rad, prec);
        acb_add_arb(Bz, Bz, p->cz, prec);
        acb_mul_arb(t, t, p->rad, prec);
        acb_mul(dx, t, s, prec);
        acb_neg(dx, dx);
        acb_mul(dz, t, c, prec);
    }
    else
    {
        acb_set_arb(dx, p->x1);
        acb_sub_arb(dx, dx, p->x0, prec);
        acb_set_arb(dz, p->z1);
        acb_sub_arb(dz, dz, p->z0, prec);
        acb_mul(Bx, dx, u, prec);
        acb_add_arb(Bx, Bx, p->x0, prec);
        acb_mul(Bz, dz, u, prec);
        acb_add_arb(Bz, Bz, p->z0, prec);
    }
    acb_clear(phi); acb_clear(c); acb_clear(s); acb_clear(t);
}

void
qt_pump_piece_length(arb_t len, const qt_pump_piece_struct *p, slong prec)
{
    if (p->arc)
    {
        arb_sub(len, p->b, p->a, prec);
        arb_abs(len, len);
        arb_mul(len, len, p->rad, prec);
    }
    else
    {
        arb_t d;
        arb_init(d);
        arb_sub(len, p->x1, p->x0, prec);
        arb_mul(len, len, len, prec);
        arb_sub(d, p->z1, p->z0, prec);
        arb_addmul(len, d, d, prec);
        arb_sqrt(len, len, prec);
        arb_clear(d);
    }
}

slong
qt_pump_piece_count(const qt_pump_piece_struct *p, double per_unit)
{
    double len;
    if (p->arc)
        len = fabs(arf_get_d(arb_midref(p->b), ARF_RND_NEAR) - arf_get_d(arb_midref(p->a), ARF_RND_NEAR))
              * arf_get_d(arb_midref(p->rad), ARF_RND_NEAR);
    else
        len = hypot(arf_get_d(arb_midref(p->x1), ARF_RND_NEAR) - arf_get_d(arb_midref(p->x0), ARF_RND_NEAR),
                    arf_get_d(arb_midref(p->z1), ARF_RND_NEAR) - arf_get_d(arb_midref(p->z0), ARF_RND_NEAR));
    if (!(len * per_unit < 1000000.0))
        return 1000000;
    return (slong) (len * per_unit) + 1;
}

static qt_pump_piece_struct *
pieces_alloc(slong n)
{
    qt_pump_piece_struct *v = flint_malloc(n * sizeof(qt_pump_piece_struct));
    slong i;
    for (i = 0; i < n; i++)
        qt_pump_piece_init(v + i);
    return v;
}

void
qt_pump_pieces_clear(qt_pump_piece_struct *pieces, slong np)
{
    slong i;
    for (i = 0; i < np; i++)
        qt_pump_piece_clear(pieces + i);
    flint_free(pieces);
}

void
qt_pump_sector_pieces(qt_pump_piece_struct **pieces, slong *np, const arb_t r0, const arb_t r1,
                      const arb_t t0, const arb_t t1, slong prec)
{
    /* theta from the B_z axis towards B_x, i.e. phi = pi/2 - theta: outer arc phi from pa to pb, inner arc
       back, the leg at pb inwards, the leg at pa outwards */
    arb_t pa, pb, hp, c, s;
    qt_pump_piece_struct *v = pieces_alloc(4);
    arb_init(pa); arb_init(pb); arb_init(hp); arb_init(c); arb_init(s);
    arb_const_pi(hp, prec);
    arb_mul_2exp_si(hp, hp, -1);
    arb_sub(pa, hp, t1, prec);
    arb_sub(pb, hp, t0, prec);
    v[0].arc = v[1].arc = 1;
    arb_set(v[0].rad, r1); arb_set(v[0].a, pa); arb_set(v[0].b, pb);
    arb_set(v[1].rad, r0); arb_set(v[1].a, pb); arb_set(v[1].b, pa);
    arb_sin_cos(s, c, pb, prec);
    arb_mul(v[2].x0, r1, c, prec); arb_mul(v[2].z0, r1, s, prec);
    arb_mul(v[2].x1, r0, c, prec); arb_mul(v[2].z1, r0, s, prec);
    arb_sin_cos(s, c, pa, prec);
    arb_mul(v[3].x0, r0, c, prec); arb_mul(v[3].z0, r0, s, prec);
    arb_mul(v[3].x1, r1, c, prec); arb_mul(v[3].z1, r1, s, prec);
    arb_clear(pa); arb_clear(pb); arb_clear(hp); arb_clear(c); arb_clear(s);
    *pieces = v;
    *np = 4;
}

void
qt_pump_protocol_pieces(qt_pump_piece_struct **pieces, slong *np, const qt_protocol_struct *C, slong prec)
{
    if (C->kind == QT_PROTOCOL_CIRCLE)
    {
        /* counter-clockwise: phi from 0 to 2 pi */
        qt_pump_piece_struct *v = pieces_alloc(1);
        v->arc = 1;
        arb_set_fmpq(v->cx, C->cx, prec);
        arb_set_fmpq(v->cz, C->cz, prec);
        arb_set_fmpq(v->rad, C->radius, prec);
        arb_zero(v->a);
        arb_const_pi(v->b, prec);
        arb_mul_2exp_si(v->b, v->b, 1);
        *pieces = v;
        *np = 1;
    }
    else if (C->kind == QT_PROTOCOL_SECTOR)
    {
        arb_t r0, r1, t0, t1;
        arb_init(r0); arb_init(r1); arb_init(t0); arb_init(t1);
        arb_set_fmpq(r0, C->r0, prec);
        arb_set_fmpq(r1, C->r1, prec);
        arb_set_fmpq(t0, C->theta0, prec);
        arb_set_fmpq(t1, C->theta1, prec);
        qt_pump_sector_pieces(pieces, np, r0, r1, t0, t1, prec);
        arb_clear(r0); arb_clear(r1); arb_clear(t0); arb_clear(t1);
    }
    else if (C->kind == QT_PROTOCOL_POLYGON)
    {
        /* made counter-clockwise by the sign of its exact signed area */
        slong i, m = C->nvert;
        fmpq_t area;
        int rev;
        qt_pump_piece_struct *v = pieces_alloc(m);
        fmpq_init(area);
        qt_pump_polygon_area2(area, C);
        rev = fmpq_sgn(area) < 0;
        fmpq_clear(area);
        for (i = 0; i < m; i++)
        {
            slong i0 = rev ? (m - i) % m : i, i1 = rev ? (m - i - 1 + m) % m : (i + 1) % m;
            arb_set_fmpq(v[i].x0, C->vx + i0, prec); arb_set_fmpq(v[i].z0, C->vz + i0, prec);
            arb_set_fmpq(v[i].x1, C->vx + i1, prec); arb_set_fmpq(v[i].z1, C->vz + i1, prec);
        }
        *pieces = v;
        *np = m;
    }
    else
    {
        *pieces = NULL;
        *np = 0;
    }
}

void
qt_pump_lambda_pair(acb_t res, acb_srcptr Lam, slong nb, slong pair, slong stride, int k, slong prec)
{
    acb_t t;
    acb_set(res, Lam + stride * (2 * pair) + k);
    if (2 * pair + 1 < nb)
    {
        acb_init(t);
        acb_mul_onei(t, Lam + stride * (2 * pair + 1) + k);
        acb_add(res, res, t, prec);
        acb_clear(t);
    }
}
