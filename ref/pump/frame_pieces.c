/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* frame_pieces.c -- shared pieces of the field-frame friction routes (lemmas P18, P25, P29 for two qubits,
 * route_frame_2q.c; P31 for three, route_frame_3q.c): operators carried exactly to an integer basis, the frame
 * combinations of sigma^x / sigma^z parts, the rotation generator K = -i Sigma_y and its commutator term, the generic
 * Bohr grouping of affine levels with its special radii, and zeta from the Drazin solutions. */
#include <stdlib.h>
#include "pump_internal.h"

void
qt_pump_multiplet_frame(acb_mat_t Mp, const qt_qmat_t M, const fmpz *wv, const fmpz *nrm, slong prec)
{
    slong d = M->n, a, b, i, j;
    fmpq_t re, im, t;
    fmpz_t q;
    arb_t w;
    fmpq_init(re); fmpq_init(im); fmpq_init(t);
    fmpz_init(q);
    arb_init(w);
    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
        {
            acb_ptr e = acb_mat_entry(Mp, a, b);
            fmpq_zero(re);
            fmpq_zero(im);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                    if (!fmpz_is_zero(wv + a * d + i) && !fmpz_is_zero(wv + b * d + j))
                    {
                        fmpq_mul_fmpz(t, M->re + i * d + j, wv + a * d + i);
                        fmpq_mul_fmpz(t, t, wv + b * d + j);
                        fmpq_add(re, re, t);
                        fmpq_mul_fmpz(t, M->im + i * d + j, wv + a * d + i);
                        fmpq_mul_fmpz(t, t, wv + b * d + j);
                        fmpq_add(im, im, t);
                    }
            fmpz_mul(q, nrm + a, nrm + b);
            if (fmpz_is_square(q))
            {
                /* exact: the factor 1/sqrt(q) is rational */
                fmpz_sqrt(q, q);
                fmpq_div_fmpz(re, re, q);
                fmpq_div_fmpz(im, im, q);
                arb_set_fmpq(acb_realref(e), re, prec);
                arb_set_fmpq(acb_imagref(e), im, prec);
            }
            else
            {
                arb_set_fmpz(w, q);
                arb_rsqrt(w, w, prec);
                arb_set_fmpq(acb_realref(e), re, prec);
                arb_set_fmpq(acb_imagref(e), im, prec);
                acb_mul_arb(e, e, w, prec);
            }
        }
    fmpq_clear(re); fmpq_clear(im); fmpq_clear(t);
    fmpz_clear(q);
    arb_clear(w);
}

void
qt_pump_frame_combination(acb_mat_t Y, const acb_t a, const acb_mat_t Z, const acb_t b, const acb_mat_t X, slong prec)
{
    acb_mat_t T;
    acb_mat_init(T, acb_mat_nrows(Y), acb_mat_ncols(Y));
    acb_mat_scalar_mul_acb(Y, Z, a, prec);
    acb_mat_scalar_mul_acb(T, X, b, prec);
    acb_mat_add(Y, Y, T, prec);
    acb_mat_clear(T);
}

void
qt_pump_rotation_generator(qt_qmat_t K, slong N)
{
    slong d = (slong) 1 << N, i, j;
    for (i = 0; i < d * d; i++)
    {
        fmpq_zero(K->re + i);
        fmpq_zero(K->im + i);
    }
    /* K = -i Sigma_y = sum_j (-i sigma_y)_j: (-i sigma_y)|0> = |1>, (-i sigma_y)|1> = -|0> (qubit 1 the most significant) */
    for (j = 0; j < N; j++)
        for (i = 0; i < d; i++)
        {
            slong bit = (i >> (N - 1 - j)) & 1, f = i ^ ((slong) 1 << (N - 1 - j));
            fmpq_add_si(K->re + d * f + i, K->re + d * f + i, bit ? -1 : 1);
        }
}

void
qt_pump_half_commutator(acb_mat_t C, const acb_mat_t K, const acb_mat_t rho, slong prec)
{
    slong d = acb_mat_nrows(rho);
    acb_mat_t T1, T2;
    acb_mat_init(T1, d, d); acb_mat_init(T2, d, d);
    acb_mat_mul(T1, K, rho, prec);
    acb_mat_mul(T2, rho, K, prec);
    acb_mat_sub(C, T1, T2, prec);
    acb_mat_scalar_mul_2exp_si(C, C, -1);
    acb_mat_clear(T1); acb_mat_clear(T2);
}

void
qt_pump_frame_zeta(acb_ptr zeta, const acb_mat_t dHx, const acb_mat_t dHz, const acb_mat_t Xs, slong prec)
{
    slong d = acb_mat_nrows(Xs), k, l, i, j;
    for (k = 0; k < 2; k++)
        for (l = 0; l < 2; l++)
        {
            /* zeta_{lk} = tr(d_l H' X'_k) */
            acb_zero(zeta + 2 * l + k);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                    acb_addmul(zeta + 2 * l + k, acb_mat_entry(l == 0 ? dHx : dHz, i, j),
                               acb_mat_entry(Xs, j, d * k + i), prec);
        }
}

slong
qt_pump_multiplet_grouping(slong *group, fmpq *da, fmpq *db, const qt_pump_axis_struct *X)
{
    slong d = X->d, m, n, g, ng = 0;
    fmpq_t a, b;
    fmpq_init(a); fmpq_init(b);
    for (m = 0; m < d; m++)
        for (n = 0; n < d; n++)
        {
            group[m * d + n] = -1;
            if (m == n)
                continue;
            fmpq_sub(a, X->of + n, X->of + m);
            fmpq_sub(b, X->sl + n, X->sl + m);
            for (g = 0; g < ng; g++)
                if (fmpq_equal(da + g, a) && fmpq_equal(db + g, b))
                    break;
            if (g == ng)
            {
                fmpq_set(da + ng, a);
                fmpq_set(db + ng, b);
                ng++;
            }
            group[m * d + n] = g;
        }
    fmpq_clear(a); fmpq_clear(b);
    return ng;
}

static int
fmpq_cmp_ptr(const void *a, const void *b)
{
    return fmpq_cmp((const fmpq *) a, (const fmpq *) b);
}

/* adds r = (a2 - a1)/(b1 - b2) if b1 != b2 and r > 0 (and new) */
static void
add_radius(fmpq *radii, slong *cnt, slong nmax, const fmpq_t a1, const fmpq_t b1, const fmpq_t a2, const fmpq_t b2)
{
    fmpq_t r, t;
    slong q;
    if (fmpq_equal(b1, b2))
        return;
    fmpq_init(r); fmpq_init(t);
    fmpq_sub(r, a2, a1);
    fmpq_sub(t, b1, b2);
    fmpq_div(r, r, t);
    if (fmpq_sgn(r) > 0)
    {
        for (q = 0; q < *cnt; q++)
            if (fmpq_equal(radii + q, r))
                break;
        if (q == *cnt && *cnt < nmax)
            fmpq_set(radii + (*cnt)++, r);
    }
    fmpq_clear(r); fmpq_clear(t);
}

slong
qt_pump_frame_special_radii(fmpq *radii, slong nmax, const qt_pump_params_struct *P)
{
    slong d = (slong) 1 << P->n_qubits, i, j, cnt = 0;
    qt_pump_axis_struct X[1];
    char why[QT_REASON_LEN];
    qt_pump_axis_init(X, d);
    /* every Bohr frequency of the generic grouping and every level is a + b r with exact a, b (the multiplet basis of
       P26 on the z axis); two coincide where a1 + b1 r = a2 + b2 r, b1 != b2 */
    if ((P->n_qubits == 2 || P->n_qubits == 3) && qt_pump_axis_model(X, P, 1, why) == QT_OK)
    {
        for (i = 0; i < X->ng; i++)               /* two groups' frequencies coincide */
            for (j = i + 1; j < X->ng; j++)
                add_radius(radii, &cnt, nmax, X->da + i, X->db + i, X->da + j, X->db + j);
        for (i = 0; i < d; i++)                   /* two levels cross */
            for (j = i + 1; j < d; j++)
                add_radius(radii, &cnt, nmax, X->of + i, X->sl + i, X->of + j, X->sl + j);
        qsort(radii, cnt, sizeof(fmpq), fmpq_cmp_ptr);
    }
    qt_pump_axis_clear(X);
    return cnt;
}
