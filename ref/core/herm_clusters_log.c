/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* herm_clusters_log.c -- functions of a clustered Hermitian matrix X (lemma E8):
 * S(X) = sum_c k_c g(lambda_c) and tr(Y ln X) = sum_c tr(P_c Y P_c ln X).
 *
 * Within a cluster the k_c eigenvalues mu are only known to lie in lambda_c, so with
 * m = ln(mid) and l = ln(lambda_c) = [m +- r]:
 *   tr(P_c Y P_c ln X) = m tr(P_c Y) + tr(P_c Y P_c (ln X - m)),
 *   |second term| <= r ||P_c Y P_c||_1 <= r sqrt(k_c) ||P_c Y P_c||_F.
 * For k_c = 1 this is just tr(P_c Y) ln(lambda_c) in ball arithmetic. */
#include <math.h>
#include "qtoracle/matrix.h"

void
qt_herm_clusters_entropy(arb_t S, const qt_herm_clusters_t C, slong prec)
{
    slong c;
    arb_t g;
    arb_init(g);
    arb_zero(S);
    for (c = 0; c < C->k; c++)
    {
        qt_arb_neg_xlogx_unit(g, C->lambda + c, prec);   /* eigenvalues of a state lie in [0, 1] */
        arb_mul_si(g, g, C->mult[c], prec);
        arb_add(S, S, g, prec);
    }
    arb_clear(g);
}

/* tr(A B) = sum_ij A_ij B_ji, without forming the product */
void
qt_acb_mat_trace_product(acb_t res, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    slong i, j, n = acb_mat_nrows(A);
    acb_t t;
    acb_init(t);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            acb_addmul(t, acb_mat_entry(A, i, j), acb_mat_entry(B, j, i), prec);
    acb_swap(res, t);
    acb_clear(t);
}

/* Re tr(A B) */
void
qt_acb_mat_trace_product_re(arb_t res, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    acb_t t;
    acb_init(t);
    qt_acb_mat_trace_product(t, A, B, prec);
    arb_set(res, acb_realref(t));
    acb_clear(t);
}

int
qt_herm_clusters_log_trace(arb_t res, const qt_herm_clusters_t C, const acb_mat_t Y,
                           const int *zero_weight_sign, slong prec, char *reason)
{
    slong c, n = C->n;
    arb_t w, l, m, bnd;
    acb_mat_t T, PYP;
    mag_t rb;
    int neg_inf = 0, undecided = 0;

    arb_init(w); arb_init(l); arb_init(m); arb_init(bnd);
    acb_mat_init(T, n, n); acb_mat_init(PYP, n, n);
    mag_init(rb);
    arb_zero(res);
    for (c = 0; c < C->k; c++)
    {
        if (C->exact_zero[c])
        {
            /* exactly zero eigenvalue: the caller decided exactly whether tr(P_0 Y) is 0 or > 0 */
            if (zero_weight_sign != NULL && zero_weight_sign[c] == 0)
                continue;                  /* 0 * ln 0 := 0 */
            if (zero_weight_sign != NULL && zero_weight_sign[c] > 0)
                neg_inf = 1;               /* (> 0) * ln 0 = -inf */
            else
                undecided = 1;
            continue;
        }
        if (!arb_is_positive(C->lambda + c))
        {
            undecided = 1;                 /* cannot separate the cluster from 0 */
            continue;
        }
        qt_acb_mat_trace_product_re(w, C->P + c, Y, prec);
        arb_log(l, C->lambda + c, prec);
        if (C->mult[c] == 1)
        {
            arb_addmul(res, w, l, prec);
            continue;
        }
        arb_set_arf(m, arb_midref(l));
        arb_addmul(res, w, m, prec);
        acb_mat_mul(T, C->P + c, Y, prec);
        acb_mat_mul(PYP, T, C->P + c, prec);
        acb_mat_frobenius_norm(bnd, PYP, prec);
        arb_set_si(w, C->mult[c]);
        arb_sqrt(w, w, prec);
        arb_mul(bnd, bnd, w, prec);
        /* lemma E8: |tr(P Y P (ln X - m))| <= rad(l) sqrt(k) ||P Y P||_F, added to the radius */
        arb_get_mag(rb, bnd);
        mag_mul(rb, rb, arb_radref(l));
        mag_add(arb_radref(res), arb_radref(res), rb);
    }
    arb_clear(w); arb_clear(l); arb_clear(m); arb_clear(bnd);
    acb_mat_clear(T); acb_mat_clear(PYP);
    mag_clear(rb);
    if (undecided)
    {
        arb_zero_pm_inf(res);
        return qt_fail(reason, QT_UNCERTIFIED, "an eigenvalue cannot be separated from 0 (the logarithm is unbounded there)");
    }
    if (neg_inf)
        arb_neg_inf(res);
    return QT_OK;
}
