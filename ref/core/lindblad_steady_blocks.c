/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_steady_blocks.c -- the stationary state by the blocks of its system (lemma L3 (c) of
 * proofs/open_systems.md).  The unit-trace system of lemma L3 (a), the superoperator with the equation of (0,0)
 * replaced by the trace, is block diagonal over the blocks of lindblad_blocks.c.  The right-hand side e_(0,0) lives in
 * block 0: solved there; every other block is proven nonsingular, so its part of the solution is exactly 0.  The
 * system is nonsingular iff every block is, so this certifies the unique stationary state that the dense solve would,
 * at a cost of sum |C|^3 over the blocks C instead of n^6. */
#include "lindblad_internal.h"

int
qt_lindblad_steady_state_blocks(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason)
{
    slong n = G->n, N = n * n, q, m, c, nb;
    slong *pos = flint_malloc(sizeof(slong) * N), *idx = flint_malloc(sizeof(slong) * N);
    slong *first = flint_malloc(sizeof(slong) * (N + 1));
    qt_lindblad_block_ops_struct *B = NULL;
    int st;

    acb_mat_zero(X);
    nb = qt_lindblad_blocks(idx, pos, first, G, 1);
    st = qt_lindblad_blocks_fit(first, nb, n, 1, "the stationary state", reason);
    if (st == QT_OK)
        B = qt_lindblad_block_ops_init(G, prec);
    for (c = 0; c < nb && st == QT_OK; c++)
    {
        acb_mat_t A, x, rhs;
        m = first[c + 1] - first[c];
        acb_mat_init(A, m, m);
        acb_mat_init(x, m, 1);
        acb_mat_init(rhs, m, 1);
        qt_lindblad_block_matrix(A, B, idx + first[c], pos, prec);
        if (c == 0)
        {
            /* block 0 holds (0,0): its equation becomes sum_i X_ii = 1 (lemma L3 (a)) */
            for (q = 0; q < m; q++)
                acb_set_si(acb_mat_entry(A, pos[0], q), idx[first[c] + q] % n == idx[first[c] + q] / n);
            acb_one(acb_mat_entry(rhs, pos[0], 0));
        }
        if (c == 0 ? !_qt_acb_mat_solve_certified(x, A, rhs, prec) : !qt_lindblad_block_nonsingular(A, prec))
            st = qt_fail(reason, QT_UNCERTIFIED, "the stationary-state system could not be proven nonsingular (the "
                         "stationary state may not be unique): its block of %ld unknowns%s", (long) m,
                         c == 0 ? " holding the trace" : "");
        else if (c == 0)
            for (q = 0; q < m; q++)
                acb_set(acb_mat_entry(X, idx[first[c] + q] % n, idx[first[c] + q] / n), acb_mat_entry(x, q, 0));
        acb_mat_clear(A);
        acb_mat_clear(x);
        acb_mat_clear(rhs);
    }
    if (st == QT_OK && qt_lindblad_is_gksl(G))
        qt_acb_mat_hermitian_part(X, X, prec);     /* lemma L3 (b): the stationary state is Hermitian */
    if (st != QT_OK)
        acb_mat_indeterminate(X);
    if (B != NULL)
        qt_lindblad_block_ops_clear(B);
    flint_free(pos); flint_free(idx); flint_free(first);
    return st;
}
