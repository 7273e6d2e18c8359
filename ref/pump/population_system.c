/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* population_system.c -- the certified linear solves of the population routes (lemmas P9, P19 and P26 of
 * proofs/pumping.md; route_population.c, route_axis.c): a matrix factored once for X = A^-1 Y, by the ball LU of A
 * itself or by the preconditioned steps of acb_mat_solve_precond, chosen by the kind of point (pump_internal.h). */
#include <arb_mat.h>
#include "pump_internal.h"

/* force_complex = 1: the complex steps even if A is real */
void
qt_pump_system_init(qt_pump_system_struct *F, const acb_mat_t A, int force_complex, slong prec)
{
    slong d = acb_mat_nrows(A), i, j;
    F->d = d;
    F->A = A;
    F->real = !force_complex && acb_mat_is_real(A);
    F->perm = flint_malloc(sizeof(slong) * FLINT_MAX(d, 1));
    F->precond = !F->real || (d > 4 && prec <= 10 * d);
    if (F->real)
    {
        arb_mat_t a, id, ra;
        arb_mat_init(a, d, d);
        arb_mat_init(F->r, d, d); arb_mat_init(F->lu, d, d);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                arb_set(arb_mat_entry(a, i, j), acb_realref(acb_mat_entry(A, i, j)));
        if (!F->precond)
            F->ok = arb_mat_lu(F->perm, F->lu, a, prec);
        else
        {
            arb_mat_init(id, d, d); arb_mat_init(ra, d, d);
            arb_mat_one(id);
            F->ok = arb_mat_approx_solve(F->r, a, id, prec);
            if (F->ok)
            {
                arb_mat_mul(ra, F->r, a, prec);
                F->ok = arb_mat_lu(F->perm, F->lu, ra, prec);
            }
            arb_mat_clear(id); arb_mat_clear(ra);
        }
        arb_mat_clear(a);
    }
    else
    {
        acb_mat_t id, ra;
        acb_mat_init(id, d, d); acb_mat_init(ra, d, d);
        acb_mat_init(F->rc, d, d); acb_mat_init(F->luc, d, d);
        acb_mat_one(id);
        F->ok = acb_mat_approx_solve(F->rc, A, id, prec);
        if (F->ok)
        {
            acb_mat_mul(ra, F->rc, A, prec);
            F->ok = acb_mat_lu(F->perm, F->luc, ra, prec);
        }
        acb_mat_clear(id); acb_mat_clear(ra);
    }
}

void
qt_pump_system_clear(qt_pump_system_struct *F)
{
    if (F->real)
    {
        arb_mat_clear(F->r); arb_mat_clear(F->lu);
    }
    else
    {
        acb_mat_clear(F->rc); acb_mat_clear(F->luc);
    }
    flint_free(F->perm);
}

/* X = A^-1 Y from the factored A (a real A with a complex Y: the complex steps, factored for this Y); 0 if A could not
   be proven nonsingular */
int
qt_pump_system_apply(acb_mat_t X, const qt_pump_system_struct *F, const acb_mat_t Y, slong prec)
{
    slong d = F->d, m = acb_mat_ncols(Y), i, j;
    if (F->real && !acb_mat_is_real(Y))
    {
        qt_pump_system_struct G;
        int ok;
        qt_pump_system_init(&G, F->A, 1, prec);
        ok = qt_pump_system_apply(X, &G, Y, prec);
        qt_pump_system_clear(&G);
        return ok;
    }
    if (!F->ok)
        return 0;
    if (F->real)
    {
        arb_mat_t y, x, ry;
        arb_mat_init(y, d, m); arb_mat_init(x, d, m); arb_mat_init(ry, d, m);
        for (i = 0; i < d; i++)
            for (j = 0; j < m; j++)
                arb_set(arb_mat_entry(y, i, j), acb_realref(acb_mat_entry(Y, i, j)));
        if (F->precond)
            arb_mat_mul(ry, F->r, y, prec);
        else
            arb_mat_swap(ry, y);
        arb_mat_solve_lu_precomp(x, F->perm, F->lu, ry, prec);
        for (i = 0; i < d; i++)
            for (j = 0; j < m; j++)
                acb_set_arb(acb_mat_entry(X, i, j), arb_mat_entry(x, i, j));
        arb_mat_clear(y); arb_mat_clear(x); arb_mat_clear(ry);
    }
    else
    {
        acb_mat_t ry;
        acb_mat_init(ry, d, m);
        acb_mat_mul(ry, F->rc, Y, prec);
        acb_mat_solve_lu_precomp(X, F->perm, F->luc, ry, prec);
        acb_mat_clear(ry);
    }
    return 1;
}
