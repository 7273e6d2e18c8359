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
 * disc by its real projection loses nothing.  Where exact zeros split the matrix into blocks (up to a permutation),
 * each block is clustered on its own and the blocks' clusters are merged where their balls overlap (lemma E7 (v)). */
#include <math.h>
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

/* Rump's method (as Arb implements it) fixes the last k rows of the guesses X_a: it fails when those rows are (nearly)
   dependent, e.g. eigenvectors that vanish there.  Retry with the basis permuted so that k rows chosen by pivoted
   elimination on X_a come last: the same enclosure of the permuted matrix, whose eigenvalues are A's and whose
   invariant subspaces are the permuted ones; X is permuted back.  Which rows come last is effort, not rigour */
static void
rump_pivoted(acb_t lamc, acb_mat_t J, acb_mat_t X, const acb_mat_t A, const acb_t lap, const acb_mat_t Xa, slong prec)
{
    slong n = acb_mat_nrows(A), k = acb_mat_ncols(Xa), i, j, l, c;
    slong *perm = flint_malloc(n * sizeof(slong));
    char *chosen = flint_calloc(n, 1);
    double *re = flint_malloc(n * k * sizeof(double)), *im = flint_malloc(n * k * sizeof(double));
    acb_mat_t Ap, Xp, Y;
    for (i = 0; i < n * k; i++)
    {
        re[i] = arf_get_d(arb_midref(acb_realref(acb_mat_entry(Xa, i / k, i % k))), ARF_RND_NEAR);
        im[i] = arf_get_d(arb_midref(acb_imagref(acb_mat_entry(Xa, i / k, i % k))), ARF_RND_NEAR);
    }
    /* column j: the unchosen row of largest modulus, then eliminate column j from the later columns */
    for (j = 0; j < k; j++)
    {
        slong p = -1;
        double best = -1.0;
        for (i = 0; i < n; i++)
            if (!chosen[i] && hypot(re[i * k + j], im[i * k + j]) > best)
            {
                best = hypot(re[i * k + j], im[i * k + j]);
                p = i;
            }
        chosen[p] = 1;
        perm[n - k + j] = p;
        if (best <= 0.0)
            continue;
        for (l = j + 1; l < k; l++)
        {
            /* f = X[p][l] / X[p][j]; X[:, l] -= f X[:, j] */
            double ar = re[p * k + j], ai = im[p * k + j], br = re[p * k + l], bi = im[p * k + l];
            double d = ar * ar + ai * ai, fr = (br * ar + bi * ai) / d, fi = (bi * ar - br * ai) / d;
            for (i = 0; i < n; i++)
            {
                double xr = re[i * k + j], xi = im[i * k + j];
                re[i * k + l] -= fr * xr - fi * xi;
                im[i * k + l] -= fr * xi + fi * xr;
            }
        }
    }
    for (c = 0, i = 0; i < n; i++)
        if (!chosen[i])
            perm[c++] = i;
    acb_mat_init(Ap, n, n); acb_mat_init(Xp, n, k); acb_mat_init(Y, n, k);
    qt_acb_mat_principal(Ap, A, perm);
    for (i = 0; i < n; i++)
        for (j = 0; j < k; j++)
            acb_set(acb_mat_entry(Xp, i, j), acb_mat_entry(Xa, perm[i], j));
    acb_mat_eig_enclosure_rump(lamc, J, Y, Ap, lap, Xp, prec);
    for (i = 0; i < n; i++)
        for (j = 0; j < k; j++)
            acb_set(acb_mat_entry(X, perm[i], j), acb_mat_entry(Y, i, j));
    acb_mat_clear(Ap); acb_mat_clear(Xp); acb_mat_clear(Y);
    flint_free(perm); flint_free(chosen); flint_free(re); flint_free(im);
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
    if (!acb_is_finite(lamc) || !acb_mat_is_finite(X))
        rump_pivoted(lamc, J, X, A, lap, Xa, prec);
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

static int
clusters_connected(qt_herm_clusters_t C, const acb_mat_t A0, slong prec, char *reason)
{
    slong n = acb_mat_nrows(A0), i, j, ng;
    acb_mat_t A, Am, R, Rs;
    acb_ptr E, Es;
    acb_struct **order;
    slong *start;            /* group g = sorted guesses [start[g], start[g+1]) */
    slong g;
    int *okg, *fresh;        /* group g: enclosed finitely; to be (re)computed */
    arb_ptr lam;
    acb_mat_struct *P;
    int st = QT_OK, changed, iter;

    acb_mat_init(A, n, n); acb_mat_init(Am, n, n); acb_mat_init(R, n, n); acb_mat_init(Rs, n, n);
    E = _acb_vec_init(n); Es = _acb_vec_init(n);
    order = malloc(n * sizeof(acb_struct *));
    start = malloc((n + 1) * sizeof(slong));
    okg = calloc(n, sizeof(int));
    fresh = calloc(n, sizeof(int));
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

    /* a group's enclosure depends only on its range of guesses: each is computed once and kept (fresh[g] = 0) until
       a merge changes its range */
    for (g = 0; g < n; g++)
        fresh[g] = 1;
    for (iter = 0; iter <= n; iter++)
    {
        slong bad = -1;
        changed = 0;
        for (g = 0; g < ng; g++)
        {
            if (fresh[g])
            {
                okg[g] = enclose_group(lam + g, P + g, A, Es, Rs, start[g], start[g + 1], prec);
                fresh[g] = 0;
            }
            if (!okg[g])
            {
                bad = g;
                break;
            }
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
            for (g = m; g + 1 < ng; g++)
            {
                arb_swap(lam + g, lam + g + 1);
                acb_mat_swap(P + g, P + g + 1);
                okg[g] = okg[g + 1];
                fresh[g] = fresh[g + 1];
            }
            fresh[m - 1] = 1;
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
    free(P); free(order); free(start); free(okg); free(fresh);
    _arb_vec_clear(lam, n);
    return st;
}

typedef struct
{
    arf_struct lo;              /* lower bound of lambda, the sort key */
    slong comp, c;              /* cluster c of component comp */
}
piece_key;

static int
cmp_piece(const void *a, const void *b)
{
    const piece_key *x = a, *y = b;
    int r = arf_cmp(&x->lo, &y->lo);
    return r != 0 ? r : (x->comp != y->comp ? (x->comp < y->comp ? -1 : 1) : (x->c < y->c ? -1 : (x->c > y->c)));
}

/* lemma E7 (v): where exact zeros make the matrix block diagonal up to a permutation, its spectrum is the union of the
   blocks' spectra and a spectral projector the direct sum of the blocks' projectors.  Each block is clustered on its
   own (a 1 x 1 block is its diagonal entry, projector e_i e_i^T exactly); the blocks' cluster balls are then merged
   where they overlap (interval hulls, swept by lower bound), multiplicities and projectors added. */
int
qt_herm_clusters(qt_herm_clusters_t C, const acb_mat_t A0, slong prec, char *reason)
{
    slong n = acb_mat_nrows(A0), nc, b, i, j, m, npieces = 0, K, q, h;
    slong *comp, *idx, *first;       /* block b: the indices idx[first[b] .. first[b+1]), ascending */
    qt_herm_clusters_struct *B;
    piece_key *keys;
    int st = QT_OK;

    comp = malloc(n * sizeof(slong));
    nc = qt_acb_mat_zero_blocks(comp, A0);
    if (nc <= 1)
    {
        free(comp);
        return clusters_connected(C, A0, prec, reason);
    }
    idx = malloc(n * sizeof(slong));
    first = malloc((nc + 1) * sizeof(slong));
    qt_blocks_group(idx, first, comp, n, nc);
    B = calloc(nc, sizeof(qt_herm_clusters_struct));
    for (b = 0; b < nc && st == QT_OK; b++)
    {
        acb_mat_t Ab;
        const slong *ib = idx + first[b];
        m = first[b + 1] - first[b];
        if (m == 1)
        {
            alloc_clusters(B + b, 1, 1);
            arb_set(B[b].lambda, acb_realref(acb_mat_entry(A0, ib[0], ib[0])));    /* the Hermitian member's diagonal */
            B[b].mult[0] = 1;
            acb_one(acb_mat_entry(B[b].P, 0, 0));
        }
        else
        {
            acb_mat_init(Ab, m, m);
            qt_acb_mat_principal(Ab, A0, ib);
            st = clusters_connected(B + b, Ab, prec, reason);
            acb_mat_clear(Ab);
        }
        if (st == QT_OK && !arb_is_finite(B[b].lambda + 0))
            st = qt_fail(reason, QT_UNCERTIFIED, "could not enclose the spectrum of a %ld x %ld Hermitian matrix at %ld bits", (long) n, (long) n, (long) prec);
        npieces += B[b].k;
    }
    if (st == QT_OK)
    {
        keys = malloc(npieces * sizeof(piece_key));
        for (q = 0, b = 0; b < nc; b++)
            for (i = 0; i < B[b].k; i++, q++)
            {
                arf_init(&keys[q].lo);
                arb_get_lbound_arf(&keys[q].lo, B[b].lambda + i, prec);
                keys[q].comp = b;
                keys[q].c = i;
            }
        qsort(keys, npieces, sizeof(piece_key), cmp_piece);
        /* the hulls: a piece joins the current hull iff its lower bound is <= the hull's upper bound */
        {
            slong *hull = malloc(npieces * sizeof(slong));
            arf_t up, u;
            arf_init(up); arf_init(u);
            for (K = 0, q = 0; q < npieces; q++)
            {
                const arb_struct *l = B[keys[q].comp].lambda + keys[q].c;
                arb_get_ubound_arf(u, l, prec);
                if (q == 0 || arf_cmp(&keys[q].lo, up) > 0)
                {
                    K++;
                    arf_set(up, u);
                }
                else
                    arf_max(up, up, u);
                hull[q] = K - 1;
            }
            alloc_clusters(C, n, K);
            for (q = 0; q < npieces; q++)
            {
                const qt_herm_clusters_struct *Bb = B + keys[q].comp;
                slong c = keys[q].c;
                h = hull[q];
                if (C->mult[h] == 0)
                    arb_set(C->lambda + h, Bb->lambda + c);
                else
                    arb_union(C->lambda + h, C->lambda + h, Bb->lambda + c, prec);
                C->mult[h] += Bb->mult[c];
                {
                    const slong *ib = idx + first[keys[q].comp];
                    m = first[keys[q].comp + 1] - first[keys[q].comp];
                    for (i = 0; i < m; i++)      /* blocks are disjoint: each entry is set once */
                        for (j = 0; j < m; j++)
                            acb_set(acb_mat_entry(C->P + h, ib[i], ib[j]), acb_mat_entry(Bb->P + c, i, j));
                }
            }
            /* the balls of the hulls enclose disjoint intervals; should rounding make two of them meet, say so */
            for (h = 0; h + 1 < K && st == QT_OK; h++)
                if (arb_overlaps(C->lambda + h, C->lambda + h + 1))
                    st = qt_fail(reason, QT_UNCERTIFIED, "could not separate the eigenvalues of a %ld x %ld Hermitian matrix at %ld bits", (long) n, (long) n, (long) prec);
            for (q = 0; q < npieces; q++)
                arf_clear(&keys[q].lo);
            arf_clear(up); arf_clear(u);
            free(hull);
        }
        free(keys);
    }
    for (b = 0; b < nc; b++)
        qt_herm_clusters_clear(B + b);
    free(B); free(idx); free(first); free(comp);
    return st;
}
