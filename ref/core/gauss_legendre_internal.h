/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* gauss_legendre_internal.h -- the Gauss-Legendre degree ladder and the node table compiled into the library
 * (ref/core/gauss_legendre.c, the generator ref/core/gen/gl_nodes_gen.c, the test t_integrate: gl_nodes_table). */
#ifndef QT_GAUSS_LEGENDRE_INTERNAL_H
#define QT_GAUSS_LEGENDRE_INTERNAL_H

#include <arb.h>

/* the degree ladder: 1..16, then each about 1/8 above the previous */
#define QT_GL_LADDER 96

/* the degree after n on the ladder */
static inline slong
_qt_gl_ladder_next(slong n)
{
    return n < 16 ? n + 1 : n + (n + 7) / 8;
}

/* degree i of the ladder (i = 0: 1) */
static inline slong
_qt_gl_ladder_degree(slong i)
{
    slong n = 1, k;
    for (k = 0; k < i; k++)
        n = _qt_gl_ladder_next(n);
    return n;
}

/* The table: for every ladder degree n <= QT_GL_TABLE_DEGREE, the (n + 1)/2 nodes >= 0 of P_n (descending) and
 * their weights, enclosed by arb_hypgeom_legendre_p_ui_root at QT_GL_TABLE_PREC bits when the library is built and
 * written exactly as binary balls (_qt_gl_ball_struct).  _qt_gl_table_start[i] is the index in _qt_gl_table of
 * ladder degree i's first node, its weights follow its nodes; -1 past the table.  The degree limit is that of
 * integrate.c at the table's precision (prec/3), so every degree a call at <= QT_GL_TABLE_PREC bits asks for is in it. */
#define QT_GL_TABLE_PREC 256
#define QT_GL_TABLE_DEGREE 85
#define QT_GL_TABLE_LIMBS ((QT_GL_TABLE_PREC + FLINT_BITS - 1) / FLINT_BITS)

/* one ball of the table: mid = (-1)^sign man 2^exp, man the integer of the n limbs (least significant first; n = 0:
   mid = 0), rad = radman 2^radexp with radman < 2^MAG_BITS (so the mag holds it exactly) */
typedef struct
{
    int sign, n;
    slong exp;
    mp_limb_t man[QT_GL_TABLE_LIMBS];
    ulong radman;
    slong radexp;
}
_qt_gl_ball_struct;

extern const _qt_gl_ball_struct _qt_gl_table[];
extern const slong _qt_gl_table_start[QT_GL_LADDER];

/* x = the table's ball b, exactly */
static inline void
_qt_gl_ball_get(arb_t x, const _qt_gl_ball_struct *b)
{
    if (b->n == 0)
        arf_zero(arb_midref(x));
    else
    {
        arf_set_mpn(arb_midref(x), b->man, b->n, b->sign);
        arf_mul_2exp_si(arb_midref(x), arb_midref(x), b->exp);
    }
    mag_set_ui_2exp_si(arb_radref(x), b->radman, b->radexp);
}

#endif
