/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* model_exact.c -- the N_q-qubit pump model as exact matrices over Q(i) (docs/physics/pumping.md §1):
 *   H = B_x d_x H + B_z d_z H + X,  d_x H = s sum_j sx_j, d_z H = s sum_j sz_j,
 *   X = J_c sum_<ij> (sx_i sx_j + sy_i sy_j + Delta sz_i sz_j) (chain neighbours),
 *   s = 1, J_c = J (pauli) or s = 1/2, J_c = J/4 (spin: S = sigma/2);
 *   coupling channels: bath L through sum_j cL_j sx_j, bath R through sum_j cR_j sz_j (layouts in pump.h);
 *   coupling=local: one channel per qubit and bath, c_j sx_j and c_j sz_j, c = (1, b, 1);
 *   coupling=matrix: the two channels are the given exact Hermitian A_L, A_R;
 *   baths 3, 4 (lemma P27): one more channel each, the given exact Hermitian A_3, A_4.
 * Qubit j is bit N-1-j of the basis index (qubit 1 is the most significant). */
#include <stdlib.h>
#include "pump_internal.h"

/* M = sigma_w on qubit j of N, exactly (sigma_y |0> = i|1>, sigma_y |1> = -i|0>) */
static void
pauli_on(qt_qmat_t M, int w, slong j, slong N)
{
    slong d = (slong) 1 << N, r, k;
    for (k = 0; k < d * d; k++)
    {
        fmpq_zero(M->re + k);
        fmpq_zero(M->im + k);
    }
    for (r = 0; r < d; r++)
    {
        slong bit = (r >> (N - 1 - j)) & 1, c = r ^ ((slong) 1 << (N - 1 - j));
        if (w == 'z')
            fmpq_set_si(M->re + r * d + r, bit ? -1 : 1, 1);
        else if (w == 'x')
            fmpq_one(M->re + c * d + r);
        else
            fmpq_set_si(M->im + c * d + r, bit ? -1 : 1, 1);
    }
}

static void
qmat_scale_add(qt_qmat_t Y, const qt_qmat_t A, const fmpq_t c)
{
    slong k;
    fmpq_t t;
    fmpq_init(t);
    for (k = 0; k < A->n * A->n; k++)
    {
        fmpq_mul(t, A->re + k, c);
        fmpq_add(Y->re + k, Y->re + k, t);
        fmpq_mul(t, A->im + k, c);
        fmpq_add(Y->im + k, Y->im + k, t);
    }
    fmpq_clear(t);
}

/* the amplitude of qubit j in the channel of bath a (0 = L, 1 = R) in the named layout */
void
qt_pump_coupling_amplitude(fmpq_t c, const qt_pump_params_struct *P, const fmpq_t b, int a, slong j)
{
    int on_b;
    if (j == 2)
    {
        fmpq_one(c);
        return;
    }
    switch (P->coupling)
    {
        case QT_PUMP_COUPLING_B_ON_R: on_b = a == 1 && j == 1; break;
        case QT_PUMP_COUPLING_B_ON_L: on_b = a == 0 && j == 1; break;
        case QT_PUMP_COUPLING_CROSSED: on_b = a == 0 ? j == 1 : j == 0; break;
        default: on_b = j == 1;      /* default and local: c = (1, b, 1) */
    }
    if (on_b)
        fmpq_set(c, b);
    else
        fmpq_one(c);
}

void
qt_pump_convention_scales(fmpq_t s, fmpq_t Jc, const qt_pump_params_struct *P, const fmpq_t J)
{
    fmpq_set(Jc, J);
    if (P->convention == QT_PUMP_SPIN)
    {
        fmpq_set_si(s, 1, 2);
        fmpq_div_2exp(Jc, Jc, 2);
    }
    else
        fmpq_one(s);
}

void
qt_pump_model_init(qt_pump_model_t M, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta, const fmpq_t b)
{
    slong N = P->n_qubits, d = (slong) 1 << N, j, k, a;
    int local = P->coupling == QT_PUMP_COUPLING_LOCAL;
    qt_qmat_t S1, S2, S12;
    fmpq_t s, Jc, c;
    qt_qmat_init(S1, d); qt_qmat_init(S2, d); qt_qmat_init(S12, d);
    fmpq_init(s); fmpq_init(Jc); fmpq_init(c);
    M->d = d;
    M->nch = (local ? 2 * N : 2) + P->n_extra;
    M->A = malloc(sizeof(qt_qmat_struct) * M->nch);
    M->Ax = malloc(sizeof(qt_qmat_struct) * M->nch);
    M->Az = malloc(sizeof(qt_qmat_struct) * M->nch);
    M->bath = malloc(sizeof(int) * M->nch);
    qt_qmat_init(M->dH + 0, d); qt_qmat_init(M->dH + 1, d); qt_qmat_init(M->X, d);
    for (k = 0; k < M->nch; k++)
    {
        qt_qmat_init(M->A + k, d);
        qt_qmat_init(M->Ax + k, d);
        qt_qmat_init(M->Az + k, d);
        M->bath[k] = local ? k / N : k;
    }
    /* baths 3, 4 (lemma P27; never with coupling=local): one channel each, after those of L and R */
    for (k = 0; k < P->n_extra; k++)
        M->bath[M->nch - P->n_extra + k] = 2 + k;
    qt_pump_convention_scales(s, Jc, P, J);
    for (j = 0; j < N; j++)
        for (a = 0; a < 2; a++)
        {
            slong ch = local ? a * N + j : a;
            pauli_on(S1, a == 0 ? 'x' : 'z', j, N);
            qmat_scale_add(M->dH + a, S1, s);
            qt_pump_coupling_amplitude(c, P, b, a, j);
            qmat_scale_add(M->A + ch, S1, c);
            /* the same amplitudes on sigma_x and on sigma_z (the field-frame form of P18) */
            pauli_on(S1, 'x', j, N);
            qmat_scale_add(M->Ax + ch, S1, c);
            pauli_on(S1, 'z', j, N);
            qmat_scale_add(M->Az + ch, S1, c);
        }
    if (P->coupling == QT_PUMP_COUPLING_MATRIX)
        for (a = 0; a < 2; a++)
            qt_qmat_set(M->A + a, P->A_mat + a);      /* validated: d x d, Hermitian */
    for (k = 0; k < P->n_extra; k++)
        qt_qmat_set(M->A + M->nch - P->n_extra + k, P->A_x + k);   /* validated; Ax, Az stay 0 (unused off P18) */
    for (j = 0; j + 1 < N; j++)
    {
        int w;
        for (w = 0; w < 3; w++)
        {
            int ch = w == 0 ? 'x' : w == 1 ? 'y' : 'z';
            pauli_on(S1, ch, j, N);
            pauli_on(S2, ch, j + 1, N);
            qt_qmat_mul(S12, S1, S2);
            if (w == 2)
            {
                fmpq_mul(c, Jc, Delta);
                qmat_scale_add(M->X, S12, c);
            }
            else
                qmat_scale_add(M->X, S12, Jc);
        }
    }
    qt_qmat_clear(S1); qt_qmat_clear(S2); qt_qmat_clear(S12);
    fmpq_clear(s); fmpq_clear(Jc); fmpq_clear(c);
}

void
qt_pump_model_clear(qt_pump_model_t M)
{
    slong k;
    qt_qmat_clear(M->dH + 0); qt_qmat_clear(M->dH + 1); qt_qmat_clear(M->X);
    for (k = 0; k < M->nch; k++)
    {
        qt_qmat_clear(M->A + k);
        qt_qmat_clear(M->Ax + k);
        qt_qmat_clear(M->Az + k);
    }
    free(M->A);
    free(M->Ax);
    free(M->Az);
    free(M->bath);
}

void
qt_pump_model_hamiltonian(qt_qmat_t H, const qt_pump_model_t M, const fmpq_t Bx, const fmpq_t Bz)
{
    qt_qmat_set(H, M->X);
    qmat_scale_add(H, M->dH + 0, Bx);
    qmat_scale_add(H, M->dH + 1, Bz);
}
