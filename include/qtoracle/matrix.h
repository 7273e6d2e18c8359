/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* matrix.h -- exact complex matrices (Gaussian rationals) and certified Hermitian spectra.
 * Inputs of operators are exact; properties that can be decided exactly (Hermiticity,
 * trace, positive semidefiniteness, eigenvalue multiplicities) are decided exactly. */
#ifndef QTORACLE_MATRIX_H
#define QTORACLE_MATRIX_H

#include "qtoracle/core.h"

#define QT_QMAT_MAX_DIM 64

/* n x n matrix, entry (i, j) = re[i n + j] + i im[i n + j], row-major */
typedef struct
{
    slong n;
    fmpq *re;
    fmpq *im;
}
qt_qmat_struct;
typedef qt_qmat_struct qt_qmat_t[1];

void qt_qmat_init(qt_qmat_t A, slong n);
void qt_qmat_clear(qt_qmat_struct *A);
/* entries as exact strings (decimal or rational); im may be NULL (real matrix).
 * On error writes "entry (i,j): ..." to err and returns nonzero. */
int qt_qmat_set_strings(qt_qmat_t A, const char *const *re, const char *const *im, char *err, size_t errlen);
/* exact: 1 iff A = A^dagger; otherwise writes the first offending entry to where */
int qt_qmat_is_hermitian(const qt_qmat_t A, char *where, size_t len);
/* every off-diagonal entry and every imaginary part is 0 */
int qt_qmat_is_diagonal(const qt_qmat_t A);
void qt_qmat_trace(fmpq_t re, fmpq_t im, const qt_qmat_t A);
/* tr(A B) exactly */
void qt_qmat_trace_product(fmpq_t re, fmpq_t im, const qt_qmat_t A, const qt_qmat_t B);
void qt_qmat_get_acb_mat(acb_mat_t M, const qt_qmat_t A, slong prec);
void qt_qmat_set(qt_qmat_t B, const qt_qmat_t A);                 /* same size */
void qt_qmat_mul(qt_qmat_t C, const qt_qmat_t A, const qt_qmat_t B); /* exact; C may alias */
void qt_qmat_add(qt_qmat_t C, const qt_qmat_t A, const qt_qmat_t B);
void qt_qmat_adjoint(qt_qmat_t B, const qt_qmat_t A);               /* B = A^*, B != A */
/* the real symmetric-if-Hermitian embedding M = [[X, -Y], [Y, X]] of A = X + iY (M is 2n x 2n, initialised) */
void qt_qmat_real_embedding(fmpq_mat_t M, const qt_qmat_t A);
/* exact rank of the real embedding [[X, -Y], [Y, X]] of A = X + iY: twice the rank of A */
slong qt_qmat_rank2(const qt_qmat_t A);

/* An exact subspace of Q(i)^len, kept in reduced row echelon form (basis vector b at re/im + b len,
 * its pivot entry piv[b] equal to 1 and 0 in every other basis vector): exact dimensions. */
typedef struct
{
    slong len, dim, cap;
    fmpq *re, *im;
    slong *piv;
}
qt_qspan_struct;
typedef qt_qspan_struct qt_qspan_t[1];

void qt_qspan_init(qt_qspan_t S, slong len);
void qt_qspan_clear(qt_qspan_t S);
/* adds the vector (re + i im; im may be NULL) to the span; returns 1 iff the dimension grew */
int qt_qspan_insert(qt_qspan_t S, const fmpq *re, const fmpq *im);

/* Spectrum of an exact Hermitian matrix: distinct eigenvalues (isolated real balls,
 * ascending), their exact multiplicities, and the exact multiplicity of 0. */
typedef struct
{
    slong n, ndistinct, zero_mult;
    arb_ptr value;
    slong *mult;
    int *exact;        /* 1 iff value[k] is an exact rational (a linear factor) */
    fmpq *rational;    /* that rational, where exact[k] */
}
qt_spectrum_struct;
typedef qt_spectrum_struct qt_spectrum_t[1];

void qt_spectrum_init(qt_spectrum_t s);
void qt_spectrum_clear(qt_spectrum_t s);
/* certified: the exact eigenvalues are the roots of the characteristic polynomial of the
 * real symmetric embedding [[X, -Y], [Y, X]] (each twice); factored exactly over Q, roots
 * isolated by Arb. Requires A Hermitian. */
int qt_herm_spectrum(qt_spectrum_t s, const qt_qmat_t A, slong prec, char *reason);
/* exact decision: 1 iff the Hermitian matrix A is positive semidefinite */
int qt_herm_is_psd(const qt_qmat_t A);

/* Spectral decomposition of an exact Hermitian H = sum_k lambda_k P_k over its distinct
 * eigenvalues (zero included), P_k = prod_{j != k} (H - lambda_j)/(lambda_k - lambda_j)
 * (Lagrange form, lemma E4): ball matrices always; exact matrices too when every eigenvalue
 * is rational (all_exact). */
typedef struct
{
    slong n, k;
    arb_ptr lambda;            /* ascending */
    slong *mult;
    int all_exact;
    fmpq *lambda_q;            /* valid when all_exact */
    acb_mat_struct *P;
    qt_qmat_struct *Pq;        /* NULL unless all_exact */
}
qt_eigenprojectors_struct;
typedef qt_eigenprojectors_struct qt_eigenprojectors_t[1];

void qt_eigenprojectors_init(qt_eigenprojectors_t E);
void qt_eigenprojectors_clear(qt_eigenprojectors_t E);
int qt_eigenprojectors(qt_eigenprojectors_t E, const qt_qmat_t H, slong prec, char *reason);
/* lev[i] = m if every P_m (m < K) is a coordinate projector (diagonal, exact entries 0 or 1) and e_i lies in the range
 * of P_m, -1 if in none; returns 0 (lev undefined) if some P_m is not of that form.  Then P_m X P_n keeps the entries
 * (i, j) with lev[i] = m, lev[j] = n and zeros the rest exactly: a selection instead of two products */
int qt_projectors_coordinate_levels(slong *lev, const acb_mat_struct *P, slong K);
/* 1 if every entry of A is finite with midpoints of at most prec bits: products with exact 0 and 1 and sums with
 * exact zeros at prec round nothing, so a selection gives the products' balls exactly */
int qt_acb_mat_fits_prec(const acb_mat_t A, slong prec);

/* -x ln x for x known to lie in [0, 1], enclosed rigorously even when the ball of x
 * touches 0 (monotone pieces, g(0) = 0, maximum 1/e at x = 1/e) */
void qt_arb_neg_xlogx_unit(arb_t res, const arb_t x, slong prec);

/* Certified spectral clusters of a Hermitian matrix known as a ball (lemma E7): the exact
 * matrix has exactly mult[c] eigenvalues in the real ball lambda[c] (pairwise disjoint,
 * ascending), and P[c] encloses the orthogonal projector onto their eigenspace.
 * exact_zero[c] marks an eigenvalue known to be exactly 0 (clusters built from an exact
 * spectrum, qt_herm_clusters_from_projectors). */
typedef struct
{
    slong n, k;
    arb_ptr lambda;
    slong *mult;
    int *exact_zero;
    acb_mat_struct *P;
}
qt_herm_clusters_struct;
typedef qt_herm_clusters_struct qt_herm_clusters_t[1];

void qt_herm_clusters_init(qt_herm_clusters_t C);
void qt_herm_clusters_clear(qt_herm_clusters_t C);
/* from a ball matrix whose exact member is Hermitian; QT_UNCERTIFIED if not separable */
int qt_herm_clusters(qt_herm_clusters_t C, const acb_mat_t A, slong prec, char *reason);
/* the blocks exact zeros cut the square ball matrix A into (mat_blocks.c): comp[i] = the block of index i (the
 * connected components of i - j where A_ij or A_ji is not an exact zero, numbered in the order of their least index);
 * returns their number */
slong qt_acb_mat_zero_blocks(slong *comp, const acb_mat_t A);
/* the n indices grouped by block (nc blocks, comp from qt_acb_mat_zero_blocks): block b is idx[first[b]],
 * ..., idx[first[b + 1] - 1], ascending (first has nc + 1 entries) */
void qt_blocks_group(slong *idx, slong *first, const slong *comp, slong n, slong nc);
/* C = A B, each entry one acb_dot over the terms with two nonzero factors (mat_mul_zeros.c): cheaper than
 * acb_mat_mul where most entries are exact zeros; an entry with no such term is an exact zero */
void qt_acb_mat_mul_zeros(acb_mat_t C, const acb_mat_t A, const acb_mat_t B, slong prec);
/* B_ij = A[idx[i]][idx[j]] for the m x m matrix B (a block, or with a permutation the permuted matrix) */
void qt_acb_mat_principal(acb_mat_t B, const acb_mat_t A, const slong *idx);
/* from the exact spectral decomposition of an exact Hermitian matrix */
void qt_herm_clusters_from_projectors(qt_herm_clusters_t C, const qt_eigenprojectors_t E);
/* lemma E12: given that the exact matrix has at least k zero eigenvalues, marks the lowest cluster exactly zero
 * (lambda = 0) iff it is the only one meeting 0 and has multiplicity exactly k; returns 1 iff marked */
int qt_herm_clusters_mark_zero(qt_herm_clusters_t C, slong k);
/* 1 iff a cluster not marked exactly zero cannot be separated from 0 */
int qt_herm_clusters_touch_zero(const qt_herm_clusters_t C);
/* (A + A^*)/2 */
void qt_acb_mat_hermitian_part(acb_mat_t B, const acb_mat_t A, slong prec);
/* tr(A B) and Re tr(A B), without forming the product */
void qt_acb_mat_trace_product(acb_t res, const acb_mat_t A, const acb_mat_t B, slong prec);
void qt_acb_mat_trace_product_re(arb_t res, const acb_mat_t A, const acb_mat_t B, slong prec);
/* S = sum_c mult_c (-lambda ln lambda), for the spectrum of a state (eigenvalues in [0, 1]) */
void qt_herm_clusters_entropy(arb_t S, const qt_herm_clusters_t C, slong prec);
/* tr(Y ln X) for Hermitian Y, X given by its clusters (lemma E8).  For an exact-zero cluster c
 * the caller passes the exactly decided sign of tr(P_c Y) in zero_weight_sign[c] (0: the term
 * is 0; 1: the result is exactly -inf; NULL or other: undecided).  A cluster that cannot be
 * separated from 0 gives QT_UNCERTIFIED and an infinite ball. */
int qt_herm_clusters_log_trace(arb_t res, const qt_herm_clusters_t C, const acb_mat_t Y,
                               const int *zero_weight_sign, slong prec, char *reason);

#endif
