/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* herm_clusters.c -- certified spectral decomposition of a Hermitian *ball* matrix
 * (lemma E7 of proofs/open_systems.md).
 *
 * A ball matrix A is given whose exact member of interest is Hermitian.  We return clusters
 * c = 1..K: a real ball lambda_c, a multiplicity k_c and a ball matrix P_c such that the exact
 * matrix has exactly k_c eigenvalues (with multiplicity) in lambda_c, the balls are pairwise
 * disjoint, sum k_c = n, and P_c contains the orthogonal projector onto their eigenspace.
 *
 * Method: floating-point QR eigen-guesses (acb_mat_approx_eig_qr, no guarantee), then one
 * Rump enclosure (acb_mat_eig_enclosure_rump) per group of guesses: it proves that the disc
 * lambda contains k eigenvalues of every matrix of the ball and returns a basis X (n x k) of
 * the invariant subspace they span.  Groups whose real projections overlap are merged and
 * re-enclosed.  Disjoint discs with sum k = n account for every eigenvalue, so span X is the
 * whole spectral subspace, and for a Hermitian matrix P = X (X^* X)^{-1} X^* is the
 * orthogonal spectral projector.  Eigenvalues of a Hermitian matrix are real, so replacing the
 * disc by its real projection loses nothing. */
#include <stdlib.h>
#include <string.h>
#include "qtoracle/matrix.h"

void
qt_herm_clusters_init(qt_herm_clusters_t C)
{
    memset(C, 0, sizeof *C);
}

void
qt_herm_clusters_clear(qt_herm_clusters_t C)
{
    slong c;
    if (C->lambda != NULL)
        _arb_vec_clear(C->lambda, C->k);
    for (c = 0; C->P != NULL && c < C->k; c++)
        acb_mat_clear(C->P + c);
    free(C->P);
    free(C->mult);
    free(C->exact_zero);
    memset(C, 0, sizeof *C);
}

static void
alloc_clusters(qt_herm_clusters_t C, slong n, slong K)
{
    slong c;
    qt_herm_clusters_clear(C);
    C->n = n;
    C->k = K;
    C->lambda = _arb_vec_init(K);
    C->mult = calloc(K, sizeof(slong));
    C->exact_zero = calloc(K, sizeof(int));
    C->P = malloc(K * sizeof(acb_mat_struct));
    for (c = 0; c < K; c++)
        acb_mat_init(C->P + c, n, n);
}

void
qt_herm_clusters_from_projectors(qt_herm_clusters_t C, const qt_eigenprojectors_t E)
{
    slong c;
    alloc_clusters(C, E->n, E->k);
    for (c = 0; c < E->k; c++)
    {
        arb_set(C->lambda + c, E->lambda + c);
        C->mult[c] = E->mult[c];
        C->exact_zero[c] = arb_is_zero(E->lambda + c);
        acb_mat_set(C->P + c, E->P + c);
    }
}

/* lemma E12: the exact matrix is known to have at least k zero eigenvalues.  If the lowest cluster is
 * the only one whose ball meets 0 and has multiplicity exactly k, every zero eigenvalue lies in it and
 * it holds no other eigenvalue: mark it exactly zero (lambda = 0) and return 1; otherwise return 0. */
int
qt_herm_clusters_mark_zero(qt_herm_clusters_t C, slong k)
{
    slong c;
    if (k <= 0 || C->k == 0 || C->exact_zero[0] || C->mult[0] != k || !arb_contains_zero(C->lambda + 0))
        return 0;
    for (c = 1; c < C->k; c++)
        if (!arb_is_positive(C->lambda + c))
            return 0;
    C->exact_zero[0] = 1;
    arb_zero(C->lambda + 0);
    return 1;
}

/* 1 iff some cluster that is not an exact zero cannot be separated from 0 */
int
qt_herm_clusters_touch_zero(const qt_herm_clusters_t C)
{
    slong c;
    for (c = 0; c < C->k; c++)
        if (!C->exact_zero[c] && !arb_is_positive(C->lambda + c))
            return 1;
    return 0;
}

/* (A + A^*)/2: keeps every Hermitian member of the ball and narrows the rest */
void
qt_acb_mat_hermitian_part(acb_mat_t B, const acb_mat_t A, slong prec)
{
    acb_mat_t T;
    acb_mat_init(T, acb_mat_nrows(A), acb_mat_ncols(A));
    acb_mat_conjugate_transpose(T, A);
    acb_mat_add(B, A, T, prec);
    acb_mat_scalar_mul_2exp_si(B, B, -1);
    acb_mat_clear(T);
}

static int
cmp_real_mid(const void *a, const void *b)
{
    const acb_struct *x = *(const acb_struct * const *) a, *y = *(const acb_struct * const *) b;
    return arf_cmp(arb_midref(acb_realref(x)), arb_midref(acb_realref(y)));
}

/* enclose group [s, e) of the sorted guesses; returns 1 on a finite enclosure */
static int
enclose_group(arb_t lam, acb_mat_t P, const acb_mat_t A, acb_srcptr Es, const acb_mat_t Rs,
              slong s, slong e, slong prec)
{
    slong n = acb_mat_nrows(A), k = e - s, i, j;
    acb_mat_t Xa, X, J, Xh, G, Gi, T;
    acb_t lap, lamc;
    int ok = 0;

    acb_mat_init(Xa, n, k); acb_mat_init(X, n, k); acb_mat_init(J, k, k);
    acb_mat_init(Xh, k, n); acb_mat_init(G, k, k); acb_mat_init(Gi, k, k); acb_mat_init(T, n, k);
    acb_init(lap); acb_init(lamc);
    for (j = 0; j < k; j++)
    {
        acb_add(lap, lap, Es + s + j, prec);
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(Xa, i, j), acb_mat_entry(Rs, i, s + j));
    }
    acb_div_si(lap, lap, k, prec);
    acb_get_mid(lap, lap);
    acb_mat_get_mid(Xa, Xa);
    acb_mat_eig_enclosure_rump(lamc, J, X, A, lap, Xa, prec);
    if (acb_is_finite(lamc) && acb_mat_is_finite(X))
    {
        /* real projection of the disc: |Re z - Re m| <= |z - m| */
        arb_set(lam, acb_realref(lamc));
        arb_add_error(lam, acb_imagref(lamc));
        acb_mat_conjugate_transpose(Xh, X);
        acb_mat_mul(G, Xh, X, prec);
        if (acb_mat_inv(Gi, G, prec))
        {
            acb_mat_mul(T, X, Gi, prec);
            acb_mat_mul(P, T, Xh, prec);
            ok = acb_mat_is_finite(P);
        }
    }
    acb_mat_clear(Xa); acb_mat_clear(X); acb_mat_clear(J);
    acb_mat_clear(Xh); acb_mat_clear(G); acb_mat_clear(Gi); acb_mat_clear(T);
    acb_clear(lap); acb_clear(lamc);
    return ok;
}

int
qt_herm_clusters(qt_herm_clusters_t C, const acb_mat_t A0, slong prec, char *reason)
{
    slong n = acb_mat_nrows(A0), i, j, ng;
    acb_mat_t A, Am, R, Rs;
    acb_ptr E, Es;
    acb_struct **order;
    slong *start;            /* group g = sorted guesses [start[g], start[g+1]) */
    arb_ptr lam;
    acb_mat_struct *P;
    int st = QT_OK, changed, iter;

    acb_mat_init(A, n, n); acb_mat_init(Am, n, n); acb_mat_init(R, n, n); acb_mat_init(Rs, n, n);
    E = _acb_vec_init(n); Es = _acb_vec_init(n);
    order = malloc(n * sizeof(acb_struct *));
    start = malloc((n + 1) * sizeof(slong));
    lam = _arb_vec_init(n);
    P = malloc(n * sizeof(acb_mat_struct));
    for (i = 0; i < n; i++)
        acb_mat_init(P + i, n, n);

    qt_acb_mat_hermitian_part(A, A0, prec);
    acb_mat_get_mid(Am, A);
    if (!acb_mat_is_finite(A) || !acb_mat_approx_eig_qr(E, NULL, R, Am, NULL, 0, prec))
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "the eigenvalue iteration did not converge");
        goto done;
    }
    for (i = 0; i < n; i++)
        order[i] = E + i;
    qsort(order, n, sizeof(acb_struct *), cmp_real_mid);
    for (j = 0; j < n; j++)
    {
        slong src = order[j] - E;
        acb_set(Es + j, E + src);
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(Rs, i, j), acb_mat_entry(R, i, src));
    }
    ng = n;
    for (i = 0; i <= n; i++)
        start[i] = i;

    for (iter = 0; iter <= n; iter++)
    {
        slong g, bad = -1;
        changed = 0;
        for (g = 0; g < ng; g++)
            if (!enclose_group(lam + g, P + g, A, Es, Rs, start[g], start[g + 1], prec))
            {
                bad = g;
                break;
            }
        if (bad < 0)
            for (g = 0; g + 1 < ng; g++)
                if (arb_overlaps(lam + g, lam + g + 1))
                {
                    bad = g;
                    break;
                }
        if (bad >= 0)
        {
            /* merge the offending group with its upper neighbour (or lower, for the last) */
            slong m = (bad + 1 < ng) ? bad + 1 : bad;
            if (ng == 1)
                break;
            for (g = m; g < ng; g++)
                start[g] = start[g + 1];
            ng--;
            changed = 1;
        }
        if (!changed)
            break;
    }
    if (changed || ng == 0)
    {
        st = qt_fail(reason, QT_UNCERTIFIED, "could not enclose the spectrum of a %ld x %ld Hermitian matrix at %ld bits", (long) n, (long) n, (long) prec);
        goto done;
    }
    {
        slong g;
        /* final check (also for ng == 1 after the loop): every group enclosed, disjoint */
        for (g = 0; g < ng; g++)
            if (!arb_is_finite(lam + g) || (g + 1 < ng && arb_overlaps(lam + g, lam + g + 1)))
            {
                st = qt_fail(reason, QT_UNCERTIFIED, "could not separate the eigenvalues of a %ld x %ld Hermitian matrix at %ld bits", (long) n, (long) n, (long) prec);
                goto done;
            }
        alloc_clusters(C, n, ng);
        for (g = 0; g < ng; g++)
        {
            arb_set(C->lambda + g, lam + g);
            C->mult[g] = start[g + 1] - start[g];
            acb_mat_set(C->P + g, P + g);
        }
    }
done:
    acb_mat_clear(A); acb_mat_clear(Am); acb_mat_clear(R); acb_mat_clear(Rs);
    _acb_vec_clear(E, n); _acb_vec_clear(Es, n);
    for (i = 0; i < n; i++)
        acb_mat_clear(P + i);
    free(P); free(order); free(start);
    _arb_vec_clear(lam, n);
    return st;
}
