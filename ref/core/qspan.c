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

/* v (work copy, len entries) -= sum over the basis of v[piv_b] b */
static void
reduce(fmpq *vr, fmpq *vi, const qt_qspan_t S, fmpq_t cr, fmpq_t ci, fmpq_t t)
{
    slong b, j, len = S->len;
    for (b = 0; b < S->dim; b++)
    {
        const fmpq *br = S->re + b * len, *bi = S->im + b * len;
        slong p = S->piv[b];
        if (fmpq_is_zero(vr + p) && fmpq_is_zero(vi + p))
            continue;
        fmpq_set(cr, vr + p); fmpq_set(ci, vi + p);
        for (j = 0; j < len; j++)
            if (!fmpq_is_zero(br + j) || !fmpq_is_zero(bi + j))
                csubmul(vr + j, vi + j, cr, ci, br + j, bi + j, t);
    }
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
    reduce(vr, vi, S, cr, ci, t);
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
        {
            fmpq *br = S->re + b * len, *bi = S->im + b * len;
            if (fmpq_is_zero(br + p) && fmpq_is_zero(bi + p))
                continue;
            fmpq_set(cr, br + p); fmpq_set(ci, bi + p);
            for (j = 0; j < len; j++)
                if (!fmpq_is_zero(vr + j) || !fmpq_is_zero(vi + j))
                    csubmul(br + j, bi + j, cr, ci, vr + j, vi + j, t);
        }
        S->piv[S->dim] = p;
        S->dim++;
    }
    fmpq_clear(cr); fmpq_clear(ci); fmpq_clear(t); fmpq_clear(d);
    return p < len;
}
