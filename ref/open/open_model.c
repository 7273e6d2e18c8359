/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* open_model.c -- a system with Hamiltonian H, initial state rho0 and thermal baths, each a
 * list of channels (docs/physics/open_systems.md §1, 2.5); validation and the exact fixed-point check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/state.h"
#include "qtoracle/trajectory.h"

void
qt_open_model_init(qt_open_model_t M, slong n, slong nbaths)
{
    slong j;
    memset(M, 0, sizeof *M);
    M->n = n;
    M->nbaths = nbaths;
    qt_qmat_init(M->H, n);
    qt_qmat_init(M->rho0, n);
    for (j = 0; j < QT_MAX_BATHS; j++)
        fmpq_init(M->bath[j].beta);
}

void
qt_open_model_bath_channels(qt_open_model_t M, slong j, slong nch)
{
    slong k;
    M->bath[j].nch = nch;
    M->bath[j].ch = calloc(nch > 0 ? nch : 1, sizeof(qt_channel_struct));
    for (k = 0; k < nch; k++)
    {
        qt_qmat_init(M->bath[j].ch[k].L, M->n);
        fmpq_init(M->bath[j].ch[k].gamma);
        fmpq_init(M->bath[j].ch[k].omega);
    }
}

void
qt_open_model_clear(qt_open_model_t M)
{
    slong j, k;
    for (j = 0; j < QT_MAX_BATHS; j++)
    {
        for (k = 0; k < M->bath[j].nch; k++)
        {
            qt_qmat_clear(M->bath[j].ch[k].L);
            fmpq_clear(M->bath[j].ch[k].gamma);
            fmpq_clear(M->bath[j].ch[k].omega);
        }
        free(M->bath[j].ch);
        fmpq_clear(M->bath[j].beta);
    }
    qt_qmat_clear(M->H);
    qt_qmat_clear(M->rho0);
}

/* C = A B - B A + c B, exactly; returns 1 iff C == 0 */
static int
commutator_plus_is_zero(const qt_qmat_t A, const qt_qmat_t B, const fmpq *c)
{
    slong n = A->n, i;
    qt_qmat_t X, Y;
    fmpq_t t;
    int zero = 1;
    qt_qmat_init(X, n); qt_qmat_init(Y, n); fmpq_init(t);
    qt_qmat_mul(X, A, B);
    qt_qmat_mul(Y, B, A);
    for (i = 0; i < n * n && zero; i++)
    {
        fmpq_sub(t, X->re + i, Y->re + i);
        fmpq_addmul(t, c, B->re + i);
        zero = fmpq_is_zero(t);
        fmpq_sub(t, X->im + i, Y->im + i);
        fmpq_addmul(t, c, B->im + i);
        zero = zero && fmpq_is_zero(t);
    }
    qt_qmat_clear(X); qt_qmat_clear(Y); fmpq_clear(t);
    return zero;
}

/* 1 iff L L^* = L^* L exactly */
static int
is_normal(const qt_qmat_t L)
{
    slong n = L->n;
    qt_qmat_t Ld;
    fmpq_t zero;
    int ok;
    qt_qmat_init(Ld, n);
    fmpq_init(zero);
    qt_qmat_adjoint(Ld, L);
    ok = commutator_plus_is_zero(L, Ld, zero);
    qt_qmat_clear(Ld);
    fmpq_clear(zero);
    return ok;
}

int
qt_bath_validate(const qt_bath_struct *B, slong j, slong n, char *reason)
{
    slong k;
    if (B->has_beta && fmpq_sgn(B->beta) <= 0)
        return qt_fail(reason, QT_DOMAIN, "baths[%ld].beta: must be > 0 (beta <= 0 makes the thermal rates negative, not a semigroup)", (long) j);
    for (k = 0; k < B->nch; k++)
    {
        const qt_channel_struct *c = B->ch + k;
        if (c->L->n != n)
            return qt_fail(reason, QT_DOMAIN, "baths[%ld].channels[%ld].L: must be %ld x %ld like H, got %ld x %ld",
                           (long) j, (long) k, (long) n, (long) n, (long) c->L->n, (long) c->L->n);
        if (fmpq_sgn(c->gamma) < 0)
            return qt_fail(reason, QT_DOMAIN, "baths[%ld].channels[%ld].gamma: must be >= 0 (a Lindblad semigroup needs nonnegative rates)", (long) j, (long) k);
        if (c->kind == QT_CH_THERMAL)
        {
            if (!B->has_beta)
                return qt_fail(reason, QT_DOMAIN, "baths[%ld].beta: a thermal channel needs the bath temperature", (long) j);
            if (fmpq_sgn(c->omega) <= 0)
                return qt_fail(reason, QT_DOMAIN, "baths[%ld].channels[%ld].omega: the Bohr frequency of a thermal channel must be > 0", (long) j, (long) k);
        }
    }
    return QT_OK;
}

int
qt_bath_fixes_gibbs(const qt_qmat_t H, const qt_bath_struct *B, slong j, char *why)
{
    slong k;
    fmpq_t zero;
    int ok = 1;
    if (!B->has_beta)
    {
        snprintf(why, QT_REASON_LEN, "the bath has no temperature (no Gibbs reference state)");
        return 0;
    }
    fmpq_init(zero);
    for (k = 0; k < B->nch && ok; k++)
    {
        const qt_channel_struct *c = B->ch + k;
        /* lemma L4: [H, L] = -omega L makes the pair (L, L^*) fix exp(-beta H); a plain channel
           fixes it if [H, L] = 0 and L is normal */
        if (c->kind == QT_CH_THERMAL && !commutator_plus_is_zero(H, c->L, c->omega))
        {
            ok = 0;
            snprintf(why, QT_REASON_LEN, "baths[%ld].channels[%ld]: [H, L] != -omega L exactly, so the bath's Gibbs state is not a fixed point", (long) j, (long) k);
        }
        else if (c->kind == QT_CH_PLAIN && !(commutator_plus_is_zero(H, c->L, zero) && is_normal(c->L)))
        {
            ok = 0;
            snprintf(why, QT_REASON_LEN, "baths[%ld].channels[%ld]: a plain channel fixes the Gibbs state only if [H, L] = 0 and L is normal (exactly); it is not", (long) j, (long) k);
        }
    }
    fmpq_clear(zero);
    if (ok)
        why[0] = '\0';
    return ok;
}

int
qt_open_model_validate(qt_open_model_t M, char *reason)
{
    slong j, n = M->n;
    char r[QT_REASON_LEN];
    int st;
    if (M->nbaths < 0 || M->nbaths > QT_MAX_BATHS)
        return qt_fail(reason, QT_DOMAIN, "baths: at most %d baths, got %ld", QT_MAX_BATHS, (long) M->nbaths);
    if (n < 1 || n > QT_LINDBLAD_MAX_DIM)
        return qt_fail(reason, QT_DOMAIN, "H: dimension %ld is beyond the budget of general Lindblad trajectories "
                       "(1 to %d levels)", (long) n, QT_LINDBLAD_MAX_DIM);
    if (qt_hamiltonian_validate(M->H, n, r) != QT_OK)
        return qt_fail(reason, QT_DOMAIN, "H: %s", r);
    if (M->rho0->n != n)
        return qt_fail(reason, QT_DOMAIN, "rho0: must be %ld x %ld like H, got %ld x %ld", (long) n, (long) n, (long) M->rho0->n, (long) M->rho0->n);
    if (qt_state_validate(M->rho0, r) != QT_OK)
        return qt_fail(reason, QT_DOMAIN, "rho0: %s", r);
    for (j = 0; j < M->nbaths; j++)
        if ((st = qt_bath_validate(M->bath + j, j, n, reason)) != QT_OK)
            return st;
    for (j = 0; j < M->nbaths; j++)
        M->reference_ok[j] = qt_bath_fixes_gibbs(M->H, M->bath + j, j, M->reference_why[j]);
    return QT_OK;
}

void
qt_bath_add_to_generator(qt_lindblad_t G, const qt_bath_struct *B, slong label, slong prec)
{
    slong k, n = G->n;
    acb_mat_t L, Ld;
    acb_t r;
    arb_t nb, x;
    acb_mat_init(L, n, n); acb_mat_init(Ld, n, n);
    acb_init(r); arb_init(nb); arb_init(x);
    for (k = 0; k < B->nch; k++)
    {
        const qt_channel_struct *c = B->ch + k;
        if (fmpq_is_zero(c->gamma))
            continue;                  /* an exactly vanishing rate contributes nothing */
        qt_qmat_get_acb_mat(L, c->L, prec);
        acb_set_fmpq(r, c->gamma, prec);
        if (c->kind == QT_CH_THERMAL)
        {
            /* nbar = 1/(e^{beta omega} - 1) */
            arb_set_fmpq(x, B->beta, prec);
            arb_set_fmpq(nb, c->omega, prec);
            arb_mul(x, x, nb, prec);
            arb_expm1(x, x, prec);
            arb_inv(nb, x, prec);
            arb_add_ui(x, nb, 1, prec);
            acb_mul_arb(r, r, x, prec);
            qt_lindblad_add(G, L, r, label, prec);             /* emission, gamma (nbar + 1) */
            acb_set_fmpq(r, c->gamma, prec);
            acb_mul_arb(r, r, nb, prec);
            acb_mat_conjugate_transpose(Ld, L);
            qt_lindblad_add(G, Ld, r, label, prec);            /* absorption, gamma nbar */
        }
        else
            qt_lindblad_add(G, L, r, label, prec);
    }
    acb_mat_clear(L); acb_mat_clear(Ld);
    acb_clear(r); arb_clear(nb); arb_clear(x);
}

void
qt_open_model_generator(qt_lindblad_t G, const qt_open_model_struct *M, slong prec)
{
    slong j;
    acb_mat_t H;
    acb_mat_init(H, M->n, M->n);
    qt_qmat_get_acb_mat(H, M->H, prec);
    qt_lindblad_set_hamiltonian_hermitian(G, H);         /* M->H is exact and Hermitian (qt_open_model_validate) */
    acb_mat_clear(H);
    for (j = 0; j < M->nbaths; j++)
        qt_bath_add_to_generator(G, M->bath + j, j, prec);
}
