/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qspan.c -- exact subspaces of Q(i)^len in reduced row echelon form: every basis vector has
 * a pivot entry equal to 1 and every other basis vector is 0 there.  Membership and
 * insertion are exact (Gaussian rational arithmetic), so dimensions are exact. */
#include <stdlib.h>
#include "qtoracle/matrix.h"

void
qt_qspan_init(qt_qspan_t S, slong len)
{
    S->len = len;
    S->dim = 0;
    S->cap = 0;
    S->re = S->im = NULL;
    S->piv = NULL;
}

void
qt_qspan_clear(qt_qspan_t S)
{
    slong k;
    for (k = 0; k < S->cap * S->len; k++)
    {
        fmpq_clear(S->re + k);
        fmpq_clear(S->im + k);
    }
    free(S->re); free(S->im); free(S->piv);
}

static void
grow(qt_qspan_t S)
{
    slong k, cap = S->cap ? 2 * S->cap : 4;
    S->re = realloc(S->re, cap * S->len * sizeof(fmpq));
    S->im = realloc(S->im, cap * S->len * sizeof(fmpq));
    S->piv = realloc(S->piv, cap * sizeof(slong));
    for (k = S->cap * S->len; k < cap * S->len; k++)
    {
        fmpq_init(S->re + k);
        fmpq_init(S->im + k);
    }
    S->cap = cap;
}

/* (yr + i yi) -= (cr + i ci)(xr + i xi) */
static void
csubmul(fmpq_t yr, fmpq_t yi, const fmpq_t cr, const fmpq_t ci, const fmpq_t xr, const fmpq_t xi, fmpq_t t)
{
    fmpq_mul(t, cr, xr); fmpq_sub(yr, yr, t);
    fmpq_mul(t, ci, xi); fmpq_add(yr, yr, t);
    fmpq_mul(t, cr, xi); fmpq_sub(yi, yi, t);
    fmpq_mul(t, ci, xr); fmpq_sub(yi, yi, t);
}

/* y -= y_p x, where x has x_p = 1: clears entry p of y */
static void
eliminate(fmpq *yr, fmpq *yi, const fmpq *xr, const fmpq *xi, slong p, slong len, fmpq_t cr, fmpq_t ci, fmpq_t t)
{
    slong j;
    if (fmpq_is_zero(yr + p) && fmpq_is_zero(yi + p))
        return;
    fmpq_set(cr, yr + p); fmpq_set(ci, yi + p);
    for (j = 0; j < len; j++)
        if (!fmpq_is_zero(xr + j) || !fmpq_is_zero(xi + j))
            csubmul(yr + j, yi + j, cr, ci, xr + j, xi + j, t);
}

int
qt_qspan_insert(qt_qspan_t S, const fmpq *re, const fmpq *im)
{
    slong j, b, p, len = S->len;
    fmpq *vr, *vi;
    fmpq_t cr, ci, t, d;
    if (S->dim == S->cap)
        grow(S);
    vr = S->re + S->dim * len;
    vi = S->im + S->dim * len;
    for (j = 0; j < len; j++)
    {
        fmpq_set(vr + j, re + j);
        if (im != NULL)
            fmpq_set(vi + j, im + j);
        else
            fmpq_zero(vi + j);
    }
    fmpq_init(cr); fmpq_init(ci); fmpq_init(t); fmpq_init(d);
    for (b = 0; b < S->dim; b++)
        eliminate(vr, vi, S->re + b * len, S->im + b * len, S->piv[b], len, cr, ci, t);
    for (p = 0; p < len && fmpq_is_zero(vr + p) && fmpq_is_zero(vi + p); p++)
        ;
    if (p < len)
    {
        /* scale by 1/v_p = conj(v_p)/|v_p|^2 so that the pivot is 1 */
        fmpq_mul(d, vr + p, vr + p);
        fmpq_mul(t, vi + p, vi + p);
        fmpq_add(d, d, t);
        fmpq_div(cr, vr + p, d);
        fmpq_div(ci, vi + p, d);
        fmpq_neg(ci, ci);
        for (j = 0; j < len; j++)
        {
            fmpq_mul(t, vr + j, ci);
            fmpq_mul(d, vi + j, ci);
            fmpq_mul(vr + j, vr + j, cr);
            fmpq_sub(vr + j, vr + j, d);
            fmpq_mul(vi + j, vi + j, cr);
            fmpq_add(vi + j, vi + j, t);
        }
        fmpq_one(vr + p);
        fmpq_zero(vi + p);
        /* clear the new pivot column in the older basis vectors */
        for (b = 0; b < S->dim; b++)
            eliminate(S->re + b * len, S->im + b * len, vr, vi, p, len, cr, ci, t);
        S->piv[S->dim] = p;
        S->dim++;
    }
    fmpq_clear(cr); fmpq_clear(ci); fmpq_clear(t); fmpq_clear(d);
    return p < len;
}
