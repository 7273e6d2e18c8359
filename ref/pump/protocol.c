/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* protocol.c -- closed curves in the (B_x, B_z) plane and their exact checks (proofs/pumping.md P5). */
#include <stdlib.h>
#include "qtoracle/pump.h"
#include "pump_internal.h"

void
qt_protocol_init(qt_protocol_t C)
{
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_init(C->cx); fmpq_init(C->cz); fmpq_init(C->radius);
    fmpq_init(C->r0); fmpq_init(C->r1); fmpq_init(C->theta0); fmpq_init(C->theta1);
    C->nvert = 0;
    C->vx = C->vz = NULL;
    C->has_period = 0;
    fmpq_init(C->period);
}

void
qt_protocol_clear(qt_protocol_t C)
{
    fmpq_clear(C->cx); fmpq_clear(C->cz); fmpq_clear(C->radius);
    fmpq_clear(C->r0); fmpq_clear(C->r1); fmpq_clear(C->theta0); fmpq_clear(C->theta1);
    fmpq_clear(C->period);
    if (C->nvert > 0)
    {
        _fmpq_vec_clear(C->vx, C->nvert);
        _fmpq_vec_clear(C->vz, C->nvert);
    }
}

void
qt_protocol_set_polygon_size(qt_protocol_t C, slong nvert)
{
    C->kind = QT_PROTOCOL_POLYGON;
    C->nvert = nvert;
    C->vx = _fmpq_vec_init(nvert);
    C->vz = _fmpq_vec_init(nvert);
}

/* 1 iff the origin lies on the closed segment from (x0, z0) to (x1, z1), exactly */
static int
origin_on_segment(const fmpq_t x0, const fmpq_t z0, const fmpq_t x1, const fmpq_t z1)
{
    fmpq_t c, d;
    int on;
    fmpq_init(c); fmpq_init(d);
    /* collinear: x0 z1 - z0 x1 = 0; between: (0 - p0).(p1 - p0) in [0, |p1 - p0|^2], i.e. p0.p1 <= 0 */
    fmpq_mul(c, x0, z1);
    fmpq_submul(c, z0, x1);
    fmpq_mul(d, x0, x1);
    fmpq_addmul(d, z0, z1);
    on = fmpq_is_zero(c) && fmpq_sgn(d) <= 0;
    fmpq_clear(c); fmpq_clear(d);
    return on;
}

/* the sign of the cross product (b - a) x (c - a), exactly */
static int
orient(const fmpq_t ax, const fmpq_t az, const fmpq_t bx, const fmpq_t bz, const fmpq_t cx, const fmpq_t cz)
{
    fmpq_t u, v, w;
    int s;
    fmpq_init(u); fmpq_init(v); fmpq_init(w);
    fmpq_sub(u, bx, ax);
    fmpq_sub(v, cz, az);
    fmpq_mul(w, u, v);
    fmpq_sub(u, bz, az);
    fmpq_sub(v, cx, ax);
    fmpq_submul(w, u, v);
    s = fmpq_sgn(w);
    fmpq_clear(u); fmpq_clear(v); fmpq_clear(w);
    return s;
}

/* 1 iff c (collinear with a, b) lies on the closed segment [a, b] */
static int
on_segment(const fmpq_t ax, const fmpq_t az, const fmpq_t bx, const fmpq_t bz, const fmpq_t cx, const fmpq_t cz)
{
    return ((fmpq_cmp(cx, ax) >= 0 && fmpq_cmp(cx, bx) <= 0) || (fmpq_cmp(cx, bx) >= 0 && fmpq_cmp(cx, ax) <= 0))
        && ((fmpq_cmp(cz, az) >= 0 && fmpq_cmp(cz, bz) <= 0) || (fmpq_cmp(cz, bz) >= 0 && fmpq_cmp(cz, az) <= 0));
}

/* 1 iff the closed segments [p, q] and [r, s] meet, exactly */
static int
segments_meet(const fmpq_t px, const fmpq_t pz, const fmpq_t qx, const fmpq_t qz,
              const fmpq_t rx, const fmpq_t rz, const fmpq_t sx, const fmpq_t sz)
{
    int d1 = orient(rx, rz, sx, sz, px, pz), d2 = orient(rx, rz, sx, sz, qx, qz);
    int d3 = orient(px, pz, qx, qz, rx, rz), d4 = orient(px, pz, qx, qz, sx, sz);
    if (d1 * d2 < 0 && d3 * d4 < 0)
        return 1;
    return (d1 == 0 && on_segment(rx, rz, sx, sz, px, pz)) || (d2 == 0 && on_segment(rx, rz, sx, sz, qx, qz))
        || (d3 == 0 && on_segment(px, pz, qx, qz, rx, rz)) || (d4 == 0 && on_segment(px, pz, qx, qz, sx, sz));
}

/* a simple polygon: no repeated vertex, adjacent edges meet only at their common vertex (no spike back along an
   edge), other edges never meet, and the enclosed area is not 0; then its orientation is defined and the heat of
   the counter-clockwise traversal is meant whatever the vertex order. At most QT_PROTOCOL_MAX_VERTICES vertices (an
   O(n^2) exact test). Returns the index of an offending edge pair in i, j (or -1) */
/* twice the signed area of the polygon (shoelace), exactly: > 0 counter-clockwise */
void
qt_pump_polygon_area2(fmpq_t area, const qt_protocol_struct *C)
{
    slong i, n = C->nvert;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(area);
    for (i = 0; i < n; i++)
    {
        slong i1 = (i + 1) % n;
        fmpq_mul(t, C->vx + i, C->vz + i1);
        fmpq_add(area, area, t);
        fmpq_mul(t, C->vx + i1, C->vz + i);
        fmpq_sub(area, area, t);
    }
    fmpq_clear(t);
}

static int
polygon_is_simple(const qt_protocol_struct *C, slong *i_out, slong *j_out)
{
    slong n = C->nvert, i, j;
    fmpq_t area;
    int ok = 1;
    *i_out = *j_out = -1;
    for (i = 0; i < n && ok; i++)
        for (j = i + 1; j < n && ok; j++)
            if (fmpq_equal(C->vx + i, C->vx + j) && fmpq_equal(C->vz + i, C->vz + j))
            {
                *i_out = i;
                *j_out = j;
                ok = 0;
            }
    for (i = 0; i < n && ok; i++)
    {
        slong i1 = (i + 1) % n, i2 = (i + 2) % n;
        /* adjacent edges (i, i+1), (i+1, i+2): collinear and turning back is a spike */
        if (orient(C->vx + i, C->vz + i, C->vx + i1, C->vz + i1, C->vx + i2, C->vz + i2) == 0
            && on_segment(C->vx + i1, C->vz + i1, C->vx + i2, C->vz + i2, C->vx + i, C->vz + i))
        {
            *i_out = i;
            *j_out = i1;
            ok = 0;
        }
        if (on_segment(C->vx + i, C->vz + i, C->vx + i1, C->vz + i1, C->vx + i2, C->vz + i2)
            && orient(C->vx + i, C->vz + i, C->vx + i1, C->vz + i1, C->vx + i2, C->vz + i2) == 0)
        {
            *i_out = i;
            *j_out = i1;
            ok = 0;
        }
        for (j = i + 2; j < n && ok; j++)
        {
            slong j1 = (j + 1) % n;
            if (j1 == i)
                continue;               /* the edge before i: adjacent */
            if (segments_meet(C->vx + i, C->vz + i, C->vx + i1, C->vz + i1, C->vx + j, C->vz + j, C->vx + j1, C->vz + j1))
            {
                *i_out = i;
                *j_out = j;
                ok = 0;
            }
        }
    }
    if (ok)
    {
        fmpq_init(area);
        qt_pump_polygon_area2(area, C);
        ok = !fmpq_is_zero(area);
        fmpq_clear(area);
    }
    return ok;
}

int
qt_protocol_validate(const qt_protocol_struct *C, char *reason)
{
    if (C->has_period && fmpq_sgn(C->period) <= 0)
        return qt_fail(reason, QT_DOMAIN, "period: the duration of one cycle must be > 0");
    if (C->kind == QT_PROTOCOL_CIRCLE)
    {
        fmpq_t d2, r2;
        int cmp;
        if (fmpq_sgn(C->radius) <= 0)
            return qt_fail(reason, QT_DOMAIN, "radius: must be > 0");
        fmpq_init(d2); fmpq_init(r2);
        fmpq_mul(d2, C->cx, C->cx);
        fmpq_addmul(d2, C->cz, C->cz);
        fmpq_mul(r2, C->radius, C->radius);
        cmp = fmpq_cmp(d2, r2);
        fmpq_clear(d2); fmpq_clear(r2);
        if (cmp == 0)
            return qt_fail(reason, QT_DOMAIN, "center_x, center_z, radius: the circle passes through B = 0, the level degeneracy (the generator jumps there; refused)");
        return QT_OK;
    }
    if (C->kind == QT_PROTOCOL_SECTOR)
    {
        if (fmpq_sgn(C->r0) <= 0)
            return qt_fail(reason, QT_DOMAIN, "r0: must be > 0 (r0 = 0 reaches the degeneracy B = 0; use protocol=quadrant for the limit)");
        if (fmpq_cmp(C->r1, C->r0) <= 0)
            return qt_fail(reason, QT_DOMAIN, "r1: must be > r0");
        if (fmpq_cmp(C->theta1, C->theta0) <= 0)
            return qt_fail(reason, QT_DOMAIN, "theta1: must be > theta0");
        {
            /* theta1 - theta0 < 2 pi, checked with 2 pi > 6.28 */
            fmpq_t d, lim;
            int bad;
            fmpq_init(d); fmpq_init(lim);
            fmpq_sub(d, C->theta1, C->theta0);
            fmpq_set_si(lim, 628, 100);
            bad = fmpq_cmp(d, lim) > 0;
            fmpq_clear(d); fmpq_clear(lim);
            if (bad)
                return qt_fail(reason, QT_DOMAIN, "theta0, theta1: the opening angle must be below 6.28 (< 2 pi)");
        }
        return QT_OK;
    }
    if (C->kind == QT_PROTOCOL_POLYGON)
    {
        slong i;
        slong bi, bj;
        if (C->nvert < 3)
            return qt_fail(reason, QT_DOMAIN, "vertices: a polygon needs at least 3 vertices");
        if (C->nvert > QT_PROTOCOL_MAX_VERTICES)
            return qt_fail(reason, QT_DOMAIN, "vertices: at most %d vertices, got %ld", QT_PROTOCOL_MAX_VERTICES,
                           (long) C->nvert);
        if (!polygon_is_simple(C, &bi, &bj))
        {
            if (bi < 0)
                return qt_fail(reason, QT_DOMAIN, "vertices: the polygon encloses no area");
            return qt_fail(reason, QT_DOMAIN, "vertices: the polygon is not simple (edges %ld and %ld meet, or a vertex "
                           "repeats): its orientation and enclosed area are undefined; give a simple polygon",
                           (long) bi + 1, (long) bj + 1);
        }
        for (i = 0; i < C->nvert; i++)
        {
            slong j = (i + 1) % C->nvert;
            if (origin_on_segment(C->vx + i, C->vz + i, C->vx + j, C->vz + j))
                return qt_fail(reason, QT_DOMAIN, "vertices: edge %ld passes through B = 0, the level degeneracy (refused)", (long) i);
        }
        return QT_OK;
    }
    if (C->kind == QT_PROTOCOL_QUADRANT)
        return QT_OK;
    if (C->kind == QT_PROTOCOL_QUARTER_DISC)
    {
        if (fmpq_sgn(C->radius) <= 0)
            return qt_fail(reason, QT_DOMAIN, "radius: the quarter disc needs radius > 0");
        return QT_OK;
    }
    return qt_fail(reason, QT_DOMAIN, "protocol: unknown kind");
}
