/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_generator.c -- a Lindblad generator as a list of (operator, rate) pairs in ball
 * arithmetic, and its action on a matrix (docs/physics/open_systems.md §1, dissipator
 * D[L]X = L X L^* - 1/2 {L^* L, X}). */
#include <stdlib.h>
#include "qtoracle/lindblad.h"

void
qt_lindblad_init(qt_lindblad_t G, slong n)
{
    G->n = n;
    G->nops = G->alloc = 0;
    acb_mat_init(G->H, n, n);
    G->L = G->Ld = G->LdL = NULL;
    G->rate = NULL;
    G->group = NULL;
    G->hermitian_h = 0;
    G->adjoint_given = 0;
}

void
qt_lindblad_clear(qt_lindblad_t G)
{
    slong k;
    for (k = 0; k < G->nops; k++)
    {
        acb_mat_clear(G->L + k);
        acb_mat_clear(G->Ld + k);
        acb_mat_clear(G->LdL + k);
        acb_clear(G->rate + k);
    }
    free(G->L); free(G->Ld); free(G->LdL); free(G->rate); free(G->group);
    acb_mat_clear(G->H);
}

void
qt_lindblad_set_hamiltonian(qt_lindblad_t G, const acb_mat_t H)
{
    acb_mat_set(G->H, H);
    G->hermitian_h = 0;
}

void
qt_lindblad_set_hamiltonian_hermitian(qt_lindblad_t G, const acb_mat_t H)
{
    acb_mat_set(G->H, H);
    G->hermitian_h = 1;
}

void
qt_lindblad_add(qt_lindblad_t G, const acb_mat_t L, const acb_t rate, slong group, slong prec)
{
    qt_lindblad_add_with_adjoint(G, L, NULL, rate, group, prec);
}

void
qt_lindblad_add_with_adjoint(qt_lindblad_t G, const acb_mat_t L, const acb_mat_t Ld, const acb_t rate,
                             slong group, slong prec)
{
    slong k = G->nops, n = G->n;
    if (k == G->alloc)
    {
        G->alloc = G->alloc ? 2 * G->alloc : 8;
        G->L = realloc(G->L, G->alloc * sizeof(acb_mat_struct));
        G->Ld = realloc(G->Ld, G->alloc * sizeof(acb_mat_struct));
        G->LdL = realloc(G->LdL, G->alloc * sizeof(acb_mat_struct));
        G->rate = realloc(G->rate, G->alloc * sizeof(acb_struct));
        G->group = realloc(G->group, G->alloc * sizeof(slong));
    }
    acb_mat_init(G->L + k, n, n);
    acb_mat_init(G->Ld + k, n, n);
    acb_mat_init(G->LdL + k, n, n);
    acb_init(G->rate + k);
    acb_mat_set(G->L + k, L);
    if (Ld != NULL)
    {
        acb_mat_set(G->Ld + k, Ld);
        G->adjoint_given = 1;
    }
    else
        acb_mat_conjugate_transpose(G->Ld + k, L);
    qt_acb_mat_mul_zeros(G->LdL + k, G->Ld + k, L, prec);      /* jump operators of secular generators: mostly zeros */
    acb_set(G->rate + k, rate);
    G->group[k] = group;
    G->nops++;
}

/* Y = L(X) (dual = 0) or its dual under the trace pairing L'(X) (dual = 1, lemma L1b): tr(X [H, Z]) = tr([X, H] Z),
   tr(X L Z L^*) = tr(L^* X L Z), tr(X L^*L Z) and tr(X Z L^*L) = tr(L^*L X Z), so the dual swaps the two sides of the
   jump term and the sign of the Hamiltonian part; group < 0: the whole generator, else the dissipators of that label */
static void
apply_generator(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, int dual, slong prec)
{
    slong n = G->n, k;
    acb_mat_t A, B, T;
    acb_mat_init(A, n, n); acb_mat_init(B, n, n); acb_mat_init(T, n, n);
    acb_mat_zero(T);
    if (group < 0)
    {
        /* -i [H, X], dual: i [H, X] */
        acb_mat_mul(A, G->H, X, prec);
        acb_mat_mul(B, X, G->H, prec);
        acb_mat_sub(A, A, B, prec);
        {
            slong i, j;
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                    if (dual)
                        acb_mul_onei(acb_mat_entry(T, i, j), acb_mat_entry(A, i, j));   /* i a */
                    else
                        acb_div_onei(acb_mat_entry(T, i, j), acb_mat_entry(A, i, j));   /* -i a */
        }
    }
    for (k = 0; k < G->nops; k++)
    {
        if (group >= 0 && G->group[k] != group)
            continue;
        acb_mat_mul(A, dual ? G->Ld + k : G->L + k, X, prec);
        acb_mat_mul(B, A, dual ? G->L + k : G->Ld + k, prec);      /* L X L^*, dual: L^* X L */
        acb_mat_mul(A, G->LdL + k, X, prec);
        acb_mat_scalar_mul_2exp_si(A, A, -1);
        acb_mat_sub(B, B, A, prec);
        acb_mat_mul(A, X, G->LdL + k, prec);
        acb_mat_scalar_mul_2exp_si(A, A, -1);
        acb_mat_sub(B, B, A, prec);
        acb_mat_scalar_mul_acb(B, B, G->rate + k, prec);
        acb_mat_add(T, T, B, prec);
    }
    acb_mat_set(Y, T);
    acb_mat_clear(A); acb_mat_clear(B); acb_mat_clear(T);
}

void
qt_lindblad_apply(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, slong prec)
{
    apply_generator(Y, G, X, group, 0, prec);
}

void
qt_lindblad_apply_dual(acb_mat_t Y, const qt_lindblad_t G, const acb_mat_t X, slong group, slong prec)
{
    apply_generator(Y, G, X, group, 1, prec);
}

int
qt_lindblad_is_gksl(const qt_lindblad_t G)
{
    slong k;
    if (!G->hermitian_h || G->adjoint_given)
        return 0;
    for (k = 0; k < G->nops; k++)
        if (!arb_is_zero(acb_imagref(G->rate + k)) || !arb_is_nonnegative(acb_realref(G->rate + k)))
            return 0;
    return 1;
}
