/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_lindblad_action.c -- the action route of the Lindblad propagator (lemma L7 of proofs/open_systems.md):
 * against the dense superoperator exponential (lemma L2, an independent computation: one n^2 x n^2 exponential of
 * Arb's, no Taylor series of ours), against the closed form of a damped qubit at short and very long times, across
 * precisions, with and without the GKSL norm bound, and its effort cap; and the stationary state (lemma L3): the real
 * Hermitian system against the complex one, the blocks (L3 (c)) against the dense solve, ladders against their closed
 * form beyond the dense budget, the refusals, and the stationary reference of lindblad.trajectory beyond 16 levels. */
#include "qt_test.h"

/* entrywise: balls overlap and both are narrow (real and imaginary parts) */
static int
mat_overlaps_narrow(const acb_mat_t A, const acb_mat_t B, slong bits)
{
    slong i, j;
    for (i = 0; i < acb_mat_nrows(A); i++)
        for (j = 0; j < acb_mat_ncols(A); j++)
        {
            acb_srcptr a = acb_mat_entry(A, i, j), b = acb_mat_entry(B, i, j);
            if (!acb_overlaps(a, b) || !qt_test_narrow(acb_realref(a), bits) || !qt_test_narrow(acb_imagref(a), bits)
                || !qt_test_narrow(acb_realref(b), bits) || !qt_test_narrow(acb_imagref(b), bits))
                return 0;
        }
    return 1;
}

/* a random generator on n levels: H Hermitian with small Gaussian-integer entries over 4; k jump operators with
   random complex entries (some exact zeros; over 4, or over 16 for gksl = 0) and rates a/3 (balls).  gksl = 0: H set without the Hermitian guarantee
   and the operators added with the plain transpose as their "adjoint" and complex rates, so that only the general
   norm bound of lemma L7 (c) applies */
static void
random_generator(qt_lindblad_t G, flint_rand_t st, slong n, slong k, int gksl, slong prec)
{
    acb_mat_t H, L, Lt;
    acb_t r;
    slong i, j, m;
    acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(Lt, n, n);
    acb_init(r);
    for (i = 0; i < n; i++)
    {
        acb_set_si(acb_mat_entry(H, i, i), (slong) n_randint(st, 17) - 8);
        for (j = i + 1; j < n; j++)
        {
            acb_set_si_si(acb_mat_entry(H, i, j), (slong) n_randint(st, 5) - 2, (slong) n_randint(st, 5) - 2);
            acb_conj(acb_mat_entry(H, j, i), acb_mat_entry(H, i, j));
        }
    }
    acb_mat_scalar_mul_2exp_si(H, H, -2);
    if (gksl)
        qt_lindblad_set_hamiltonian_hermitian(G, H);
    else
        qt_lindblad_set_hamiltonian(G, H);
    for (m = 0; m < k; m++)
    {
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                if (n_randint(st, 3) == 0)
                    acb_zero(acb_mat_entry(L, i, j));
                else
                    acb_set_si_si(acb_mat_entry(L, i, j), (slong) n_randint(st, 7) - 3, (slong) n_randint(st, 7) - 3);
            }
        acb_mat_scalar_mul_2exp_si(L, L, gksl ? -2 : -4);
        acb_set_si(r, 1 + (slong) n_randint(st, 4));
        acb_div_ui(r, r, 3, prec);
        if (gksl)
            qt_lindblad_add(G, L, r, m, prec);
        else
        {
            arb_set_si(acb_imagref(r), (slong) n_randint(st, 3) - 1);
            acb_mat_transpose(Lt, L);
            qt_lindblad_add_with_adjoint(G, L, Lt, r, m, prec);
        }
    }
    acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(Lt);
    acb_clear(r);
}

/* a random density matrix (gksl) or a random complex matrix */
static void
random_state(acb_mat_t X, flint_rand_t st, int gksl, slong prec)
{
    slong n = acb_mat_nrows(X), i, j;
    acb_mat_t A, Ad;
    acb_t tr;
    acb_mat_init(A, n, n); acb_mat_init(Ad, n, n);
    acb_init(tr);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            acb_set_si_si(acb_mat_entry(A, i, j), (slong) n_randint(st, 7) - 3, (slong) n_randint(st, 7) - 3);
    if (gksl)
    {
        acb_mat_conjugate_transpose(Ad, A);
        acb_mat_mul(X, A, Ad, prec);                /* A A^* >= 0 */
        acb_mat_trace(tr, X, prec);
        if (acb_is_zero(tr))
            acb_mat_one(X);
        else
            acb_mat_scalar_div_acb(X, X, tr, prec);
    }
    else
        acb_mat_set(X, A);
    acb_mat_clear(A); acb_mat_clear(Ad);
    acb_clear(tr);
}

/* lemma L7 against lemma L2: random generators (n = 2..5, 1..3 operators, GKSL or not), times from 2^-30 to 4
   (below, at and above one step), every entry of X(t) and of int_0^t X overlaps and both are narrow (2^-80).  The
   general bound (c) lets rounding errors grow like exp(|t| mu) with a loose mu, so the non-GKSL generators run at
   256 bits, the GKSL ones (bound (e), no growth) at 128 */
START_TEST(action_vs_dense)
{
    flint_rand_t st;
    slong it;
    static const char *times[] = {"1/1073741824", "1/8", "1", "7/3", "4"};
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(20); it++)
    {
        slong n = 2 + (slong) n_randint(st, 4), k = 1 + (slong) n_randint(st, 3);
        int gksl = (int) (it % 2);
        slong prec = gksl ? 128 : 256;
        qt_lindblad_t G;
        acb_mat_t X0, Xa, Ia, Xd, Id;
        arb_t t;
        fmpq_t q;
        char why[QT_REASON_LEN];
        qt_lindblad_init(G, n);
        acb_mat_init(X0, n, n); acb_mat_init(Xa, n, n); acb_mat_init(Ia, n, n);
        acb_mat_init(Xd, n, n); acb_mat_init(Id, n, n);
        arb_init(t);
        fmpq_init(q);
        random_generator(G, st, n, k, gksl, prec);
        random_state(X0, st, gksl, prec);
        qt_test_setq(q, times[it % 5]);
        arb_set_fmpq(t, q, prec);
        ck_assert_int_eq(qt_lindblad_propagate_action(Xa, Ia, G, X0, t, WORD_MAX, prec, why), QT_OK);
        qt_lindblad_propagate_dense(Xd, Id, G, X0, t, prec);
        ck_assert_msg(mat_overlaps_narrow(Xa, Xd, 80), "X(t): n = %ld, k = %ld, gksl = %d, t = %s", (long) n,
                      (long) k, gksl, times[it % 5]);
        ck_assert_msg(mat_overlaps_narrow(Ia, Id, 80), "I(t): n = %ld, k = %ld, gksl = %d, t = %s", (long) n,
                      (long) k, gksl, times[it % 5]);
        /* the route chooser gives an enclosure of the same values */
        ck_assert_int_eq(qt_lindblad_propagate(Xa, Ia, G, X0, t, prec, why), QT_OK);
        ck_assert(mat_overlaps_narrow(Xa, Xd, 80) && mat_overlaps_narrow(Ia, Id, 80));
        qt_lindblad_clear(G);
        acb_mat_clear(X0); acb_mat_clear(Xa); acb_mat_clear(Ia); acb_mat_clear(Xd); acb_mat_clear(Id);
        arb_clear(t);
        fmpq_clear(q);
    }
    flint_randclear(st);
}
END_TEST

/* lemma L7 (f): generators whose operators have few entries (random exact-zero patterns, GKSL or not, n = 3..8) and
   initial matrices with one to three entries.  The structural support S holds the dense route's X(t) and int X: the
   action route, which adds its error bounds on S only and takes the sparse products, overlaps the dense route (lemma
   L2, every entry with its own error) entrywise, both narrow, and is exactly 0 off S.  At least a third of the cases
   must have S smaller than all n^2 pairs and a fifth at most n^2/4 pairs (where the route computes on S's entries
   only), else the test would not exercise them.  And the closed form: the
   n-level ladder (H diagonal, L = sum |k><k+1|, rho0 diagonal) keeps rho(t) diagonal, S = the n diagonal pairs */
START_TEST(action_structural_support)
{
    flint_rand_t st;
    slong it, proper = 0, small = 0, iters = qt_test_iters(30);
    flint_randinit(st);
    for (it = 0; it < iters; it++)
    {
        slong n = 3 + (slong) n_randint(st, 6), k = 1 + (slong) n_randint(st, 2), i, j, m, c, size;
        int gksl = (int) (it % 2);
        slong prec = gksl ? 128 : 256;
        qt_lindblad_t G;
        acb_mat_t H, L, Lt, X0, Xa, Ia, Xd, Id;
        acb_t r;
        arb_t t;
        char why[QT_REASON_LEN], *S = malloc(n * n);
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(Lt, n, n);
        acb_mat_init(X0, n, n); acb_mat_init(Xa, n, n); acb_mat_init(Ia, n, n);
        acb_mat_init(Xd, n, n); acb_mat_init(Id, n, n);
        acb_init(r);
        arb_init(t);
        for (i = 0; i < n; i++)
        {
            acb_set_si(acb_mat_entry(H, i, i), (slong) n_randint(st, 9) - 4);
            for (j = i + 1; j < n; j++)
                if (n_randint(st, 5) == 0)
                {
                    acb_set_si_si(acb_mat_entry(H, i, j), 1 + (slong) n_randint(st, 2), (slong) n_randint(st, 3) - 1);
                    acb_conj(acb_mat_entry(H, j, i), acb_mat_entry(H, i, j));
                }
        }
        if (gksl)
            qt_lindblad_set_hamiltonian_hermitian(G, H);
        else
            qt_lindblad_set_hamiltonian(G, H);
        for (m = 0; m < k; m++)
        {
            acb_mat_zero(L);
            for (c = 1 + (slong) n_randint(st, 2); c > 0; c--)
                acb_set_si_si(acb_mat_entry(L, n_randint(st, n), n_randint(st, n)), 1 + (slong) n_randint(st, 3),
                              (slong) n_randint(st, 3) - 1);
            acb_mat_scalar_mul_2exp_si(L, L, -1);
            acb_set_si(r, 1 + (slong) n_randint(st, 4));
            acb_div_ui(r, r, 3, prec);
            if (gksl)
                qt_lindblad_add(G, L, r, m, prec);
            else
            {
                arb_set_si(acb_imagref(r), (slong) n_randint(st, 3) - 1);
                acb_mat_transpose(Lt, L);
                qt_lindblad_add_with_adjoint(G, L, Lt, r, m, prec);
            }
        }
        acb_mat_zero(X0);
        for (c = 1 + (slong) n_randint(st, 3); c > 0; c--)
        {
            i = (slong) n_randint(st, n);
            j = gksl ? i : (slong) n_randint(st, n);            /* a diagonal state, or any matrix */
            acb_set_si(acb_mat_entry(X0, i, j), 1 + (slong) n_randint(st, 3));
        }
        arb_set_si(t, 1 + (slong) n_randint(st, 3));
        arb_div_ui(t, t, 2, prec);
        size = qt_lindblad_support_pattern(S, G, X0);
        proper += (size < n * n);
        small += (4 * size <= n * n);          /* the route then runs on the support's entries only */
        ck_assert_int_eq(qt_lindblad_propagate_action(Xa, Ia, G, X0, t, WORD_MAX, prec, why), QT_OK);
        qt_lindblad_propagate_dense(Xd, Id, G, X0, t, prec);
        ck_assert_msg(mat_overlaps_narrow(Xa, Xd, 80) && mat_overlaps_narrow(Ia, Id, 80), "it %ld: n = %ld, k = %ld, gksl = %d",
                      (long) it, (long) n, (long) k, gksl);
        for (i = 0; i < n * n; i++)
            if (!S[i])
                ck_assert(acb_is_zero(acb_mat_entry(Xa, i / n, i % n)) && acb_is_zero(acb_mat_entry(Ia, i / n, i % n)));
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(Lt);
        acb_mat_clear(X0); acb_mat_clear(Xa); acb_mat_clear(Ia); acb_mat_clear(Xd); acb_mat_clear(Id);
        acb_clear(r);
        arb_clear(t);
        free(S);
    }
    ck_assert_msg(3 * proper >= iters, "only %ld of %ld cases had a proper structural support", (long) proper, (long) iters);
    ck_assert_msg(5 * small >= iters, "only %ld of %ld cases had a support of at most n^2/4 pairs", (long) small, (long) iters);
    {
        /* the ladder */
        slong n = 8, i;
        qt_lindblad_t G;
        acb_mat_t H, L, X0;
        acb_t r;
        char S[64];
        qt_lindblad_init(G, n);
        acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(X0, n, n);
        acb_init(r);
        for (i = 0; i < n; i++)
            acb_set_si(acb_mat_entry(H, i, i), i);
        for (i = 0; i + 1 < n; i++)
            acb_one(acb_mat_entry(L, i, i + 1));
        qt_lindblad_set_hamiltonian_hermitian(G, H);
        acb_set_ui(r, 1);
        qt_lindblad_add(G, L, r, 0, 64);
        acb_mat_transpose(L, L);
        qt_lindblad_add(G, L, r, 0, 64);
        acb_one(acb_mat_entry(X0, n - 1, n - 1));
        ck_assert_int_eq(qt_lindblad_support_pattern(S, G, X0), n);
        for (i = 0; i < n * n; i++)
            ck_assert_int_eq(S[i], i / n == i % n);
        /* a coherence between the top two levels spreads along the first off-diagonals only */
        acb_one(acb_mat_entry(X0, n - 2, n - 1));
        ck_assert_int_eq(qt_lindblad_support_pattern(S, G, X0), n + n - 1);
        ck_assert(S[0 * n + 1] && !S[0 * n + 2] && !S[(n - 1) * n + n - 2]);
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(X0);
        acb_clear(r);
    }
    flint_randclear(st);
}
END_TEST

/* lemma L3 (b): the stationary state of a GKSL generator by the real Hermitian system against the complex system of
   L3 (the same generator without the Hermitian guarantee takes it): random generators, n = 2..6, 1..3 operators;
   both certified, overlapping entrywise and narrow; the real route's state is exactly Hermitian, contains a trace-1
   matrix and L of it contains 0 (the defining identity).  Pure dephasing (a continuum of stationary states): both
   routes refuse */
START_TEST(steady_state_hermitian_vs_complex)
{
    flint_rand_t st;
    slong it, prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        slong n = 2 + (slong) n_randint(st, 5), k = 1 + (slong) n_randint(st, 3), i, j;
        qt_lindblad_t G;
        acb_mat_t X1, X2, Y;
        acb_t tr;
        char why[QT_REASON_LEN];
        qt_lindblad_init(G, n);
        acb_mat_init(X1, n, n); acb_mat_init(X2, n, n); acb_mat_init(Y, n, n);
        acb_init(tr);
        random_generator(G, st, n, k, 1, prec);
        ck_assert(qt_lindblad_is_gksl(G));
        ck_assert_int_eq(qt_lindblad_steady_state_dense(X1, G, prec, why), QT_OK);
        G->hermitian_h = 0;                        /* no guarantee: the complex system */
        ck_assert(!qt_lindblad_is_gksl(G));
        ck_assert_int_eq(qt_lindblad_steady_state_dense(X2, G, prec, why), QT_OK);
        ck_assert_msg(mat_overlaps_narrow(X1, X2, 80), "it %ld: n = %ld, k = %ld", (long) it, (long) n, (long) k);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                acb_conj(tr, acb_mat_entry(X1, j, i));
                ck_assert(acb_equal(acb_mat_entry(X1, i, j), tr));
            }
        acb_mat_trace(tr, X1, prec);
        ck_assert(arb_contains_si(acb_realref(tr), 1) && arb_contains_zero(acb_imagref(tr)));
        qt_lindblad_apply(Y, G, X1, -1, prec);
        for (i = 0; i < n * n; i++)
            ck_assert(acb_contains_zero(acb_mat_entry(Y, i / n, i % n)));
        qt_lindblad_clear(G);
        acb_mat_clear(X1); acb_mat_clear(X2); acb_mat_clear(Y);
        acb_clear(tr);
    }
    {
        qt_lindblad_t G;
        acb_mat_t H, L, X;
        acb_t r;
        char why[QT_REASON_LEN];
        qt_lindblad_init(G, 2);
        acb_mat_init(H, 2, 2); acb_mat_init(L, 2, 2); acb_mat_init(X, 2, 2);
        acb_init(r);
        acb_one(acb_mat_entry(H, 0, 0));
        acb_one(acb_mat_entry(L, 0, 0));
        acb_set_si(acb_mat_entry(L, 1, 1), -1);
        acb_one(r);
        qt_lindblad_set_hamiltonian_hermitian(G, H);
        qt_lindblad_add(G, L, r, 0, prec);
        ck_assert_int_eq(qt_lindblad_steady_state_dense(X, G, prec, why), QT_UNCERTIFIED);
        ck_assert_int_eq(qt_lindblad_steady_state_blocks(X, G, prec, why), QT_UNCERTIFIED);
        G->hermitian_h = 0;
        ck_assert_int_eq(qt_lindblad_steady_state_dense(X, G, prec, why), QT_UNCERTIFIED);
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(X);
        acb_clear(r);
    }
    flint_randclear(st);
}
END_TEST

/* a ladder of n levels, H = diag(0, w, 2w, ...), the lowering operator |k-1><k| and its transpose at the rates of two
   baths (down d1 + d2, up u1 + u2: exact rationals), and, if hop2, the two-level jumps |k-2><k| at rate h.  Without
   hop2 the stationary populations are p_k = x^k (1 - x) / (1 - x^n), x = (u1 + u2)/(d1 + d2) (balance between
   neighbours), with no coherence */
static void
ladder_generator(qt_lindblad_t G, slong n, const slong *rates, int hop2, slong prec)
{
    acb_mat_t H, L, Lt;
    acb_t r;
    slong k, b;
    acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(Lt, n, n);
    acb_init(r);
    for (k = 0; k < n; k++)
        acb_set_si(acb_mat_entry(H, k, k), 3 * k);
    acb_mat_scalar_mul_2exp_si(H, H, -2);           /* w = 3/4 */
    qt_lindblad_set_hamiltonian_hermitian(G, H);
    for (k = 1; k < n; k++)
        acb_one(acb_mat_entry(L, k - 1, k));
    acb_mat_transpose(Lt, L);
    for (b = 0; b < 2; b++)
    {
        acb_set_si(r, rates[2 * b]);
        acb_div_ui(r, r, 7, prec);
        qt_lindblad_add(G, L, r, b, prec);
        acb_set_si(r, rates[2 * b + 1]);
        acb_div_ui(r, r, 7, prec);
        qt_lindblad_add(G, Lt, r, b, prec);
    }
    if (hop2)
    {
        acb_mat_zero(L);
        for (k = 2; k < n; k++)
            acb_one(acb_mat_entry(L, k - 2, k));
        acb_set_si(r, 1);
        acb_div_ui(r, r, 5, prec);
        qt_lindblad_add(G, L, r, 2, prec);
    }
    acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(Lt);
    acb_clear(r);
}

/* lemma L3 (c): the stationary state by the blocks of its system.
   (i) against the dense solve (L3 (a), (b): one n^2 x n^2 system, nothing cut), random GKSL generators n = 2..7 with
   exact-zero entries and ladders with and without two-level jumps, n = 3..8: overlap, narrow.
   (ii) two-bath ladders of 5, 17, 24 and 40 levels (the dense route's budget is 16) against the closed form
   p_k = x^k (1 - x)/(1 - x^n): overlap, narrow; every coherence an exact 0 (its block proven nonsingular).
   (iii) a 20-level ladder with two-level jumps (no closed form): L(X) contains 0 entrywise by the product route
   (qt_lindblad_apply, not the blocks' assembly), tr X contains 1, X is Hermitian and narrow, no population negative */
START_TEST(steady_state_blocks)
{
    flint_rand_t st;
    slong it, prec = 128, i, j;
    char why[QT_REASON_LEN];
    const slong rates[4] = {3, 1, 2, 1};             /* sevenths: d1, u1, d2, u2; x = 2/5 */
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(16); it++)
    {
        int lad = it % 2;
        slong n = lad ? 3 + (slong) n_randint(st, 6) : 2 + (slong) n_randint(st, 6);
        qt_lindblad_t G;
        acb_mat_t X1, X2;
        qt_lindblad_init(G, n);
        acb_mat_init(X1, n, n); acb_mat_init(X2, n, n);
        if (lad)
            ladder_generator(G, n, rates, (it / 2) % 2, prec);
        else
            random_generator(G, st, n, 1 + (slong) n_randint(st, 3), 1, prec);
        ck_assert_int_eq(qt_lindblad_steady_state_dense(X1, G, prec, why), QT_OK);
        ck_assert_msg(qt_lindblad_steady_state_blocks(X2, G, prec, why) == QT_OK, "%s", why);
        ck_assert_msg(mat_overlaps_narrow(X1, X2, 80), "it %ld: n = %ld", (long) it, (long) n);
        qt_lindblad_clear(G);
        acb_mat_clear(X1); acb_mat_clear(X2);
    }
    {
        const slong ns[4] = {5, 17, 24, 40};
        slong t;
        for (t = 0; t < 4; t++)
        {
            slong n = ns[t];
            qt_lindblad_t G;
            acb_mat_t X;
            arb_t x, p, q;
            qt_lindblad_init(G, n);
            acb_mat_init(X, n, n);
            arb_init(x); arb_init(p); arb_init(q);
            ladder_generator(G, n, rates, 0, prec);
            ck_assert_msg(qt_lindblad_steady_state(X, G, prec, why) == QT_OK, "n = %ld: %s", (long) n, why);
            arb_set_ui(x, 2);
            arb_div_ui(x, x, 5, 2 * prec);
            arb_pow_ui(q, x, (ulong) n, 2 * prec);
            arb_sub_ui(q, q, 1, 2 * prec);
            arb_sub_ui(p, x, 1, 2 * prec);
            arb_div(q, p, q, 2 * prec);             /* (1 - x)/(1 - x^n) */
            for (i = 0; i < n; i++)
                for (j = 0; j < n; j++)
                {
                    acb_srcptr e = acb_mat_entry(X, i, j);
                    if (i != j)
                        ck_assert_msg(acb_is_zero(e), "n = %ld: coherence (%ld, %ld) not an exact 0", (long) n,
                                      (long) i, (long) j);
                    else
                    {
                        arb_pow_ui(p, x, (ulong) i, 2 * prec);
                        arb_mul(p, p, q, 2 * prec);
                        ck_assert_msg(arb_overlaps(acb_realref(e), p) && arb_contains_zero(acb_imagref(e)),
                                      "n = %ld: p_%ld misses the closed form", (long) n, (long) i);
                        ck_assert_msg(arb_rel_accuracy_bits(acb_realref(e)) > 80, "n = %ld: p_%ld has %ld bits",
                                      (long) n, (long) i, (long) arb_rel_accuracy_bits(acb_realref(e)));
                    }
                }
            qt_lindblad_clear(G);
            acb_mat_clear(X);
            arb_clear(x); arb_clear(p); arb_clear(q);
        }
    }
    {
        slong n = 20;
        qt_lindblad_t G;
        acb_mat_t X, Y;
        acb_t tr, c;
        qt_lindblad_init(G, n);
        acb_mat_init(X, n, n); acb_mat_init(Y, n, n);
        acb_init(tr); acb_init(c);
        ladder_generator(G, n, rates, 1, prec);
        ck_assert_msg(qt_lindblad_steady_state(X, G, prec, why) == QT_OK, "%s", why);
        qt_lindblad_apply(Y, G, X, -1, prec);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                ck_assert(acb_contains_zero(acb_mat_entry(Y, i, j)));
                ck_assert(mag_cmp_2exp_si(arb_radref(acb_realref(acb_mat_entry(Y, i, j))), -100) < 0);
                acb_conj(c, acb_mat_entry(X, j, i));
                ck_assert(acb_equal(acb_mat_entry(X, i, j), c));
            }
        for (i = 0; i < n; i++)
        {
            ck_assert(!arb_is_negative(acb_realref(acb_mat_entry(X, i, i))));
            ck_assert(arb_rel_accuracy_bits(acb_realref(acb_mat_entry(X, i, i))) > 80);
        }
        acb_mat_trace(tr, X, prec);
        ck_assert(arb_contains_si(acb_realref(tr), 1) && arb_contains_zero(acb_imagref(tr)));
        qt_lindblad_clear(G);
        acb_mat_clear(X); acb_mat_clear(Y);
        acb_clear(tr); acb_clear(c);
    }
    flint_randclear(st);
}
END_TEST

/* G initialised with n levels, H = diag(0, 1, ..., n - 1) and no dissipator */
static void
diagonal_generator(qt_lindblad_t G, slong n)
{
    acb_mat_t H;
    slong k;
    qt_lindblad_init(G, n);
    acb_mat_init(H, n, n);
    for (k = 0; k < n; k++)
        acb_set_si(acb_mat_entry(H, k, k), k);
    qt_lindblad_set_hamiltonian_hermitian(G, H);
    acb_mat_clear(H);
}

/* lemma L3 (c), its refusals, each with no number and a reason: 17 levels with a diagonal H and no dissipator (every
   diagonal state is stationary: the block holding the trace is singular); an 18-level ladder whose top level is
   uncoupled (a second stationary state, also singular); 17 levels whose H couples neighbours (one block of
   17^2 unknowns, beyond the dense budget of 16 levels); 64 levels with 20 dense operators (beyond the pattern's
   budget: one block); a singular block without the trace */
START_TEST(steady_state_blocks_refused)
{
    slong prec = 64, k;
    char why[QT_REASON_LEN];
    const slong rates[4] = {3, 1, 2, 1};
    qt_lindblad_t G;
    acb_mat_t H, X;
    diagonal_generator(G, 17);
    acb_mat_init(H, 17, 17); acb_mat_init(X, 17, 17);
    ck_assert_int_eq(qt_lindblad_steady_state(X, G, prec, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "nonsingular") != NULL, "%s", why);
    ck_assert(!acb_is_finite(acb_mat_entry(X, 0, 0)));
    qt_lindblad_clear(G);

    qt_lindblad_init(G, 17);
    ladder_generator(G, 17, rates, 0, prec);
    for (k = 0; k < 17; k++)
        acb_set_si(acb_mat_entry(H, k, k), k);
    for (k = 0; k + 1 < 17; k++)
    {
        acb_one(acb_mat_entry(H, k, k + 1));
        acb_one(acb_mat_entry(H, k + 1, k));
    }
    qt_lindblad_set_hamiltonian_hermitian(G, H);
    ck_assert_int_eq(qt_lindblad_steady_state(X, G, prec, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "289 unknowns") != NULL && strstr(why, "16 levels") != NULL, "%s", why);
    ck_assert(!acb_is_finite(acb_mat_entry(X, 0, 0)));
    qt_lindblad_clear(G);
    acb_mat_clear(H); acb_mat_clear(X);

    {
        /* the 18-level cut ladder: jumps stop below the top level */
        qt_lindblad_t G18;
        acb_mat_t L, X18;
        acb_t r;
        diagonal_generator(G18, 18);
        acb_mat_init(L, 18, 18); acb_mat_init(X18, 18, 18);
        acb_init(r);
        for (k = 1; k < 17; k++)
            acb_one(acb_mat_entry(L, k - 1, k));
        acb_one(r);
        qt_lindblad_add(G18, L, r, 0, prec);
        ck_assert_int_eq(qt_lindblad_steady_state(X18, G18, prec, why), QT_UNCERTIFIED);
        ck_assert_msg(strstr(why, "holding the trace") != NULL, "%s", why);
        qt_lindblad_clear(G18);
        acb_mat_clear(L); acb_mat_clear(X18);
        acb_clear(r);
    }
    {
        /* 64 levels and 20 dense operators: the pattern's budget (2^26 joins; these need 20 * 4096^2) puts every pair
           in one block, refused at once by the blocks' budget */
        qt_lindblad_t G64;
        acb_mat_t L, X64;
        acb_t r;
        slong i, j;
        diagonal_generator(G64, 64);
        acb_mat_init(L, 64, 64); acb_mat_init(X64, 64, 64);
        acb_init(r);
        for (i = 0; i < 64; i++)
            for (j = 0; j < 64; j++)
                acb_set_si(acb_mat_entry(L, i, j), (i * 7 + j * 3) % 5 + 1);
        acb_one(r);
        for (k = 0; k < 20; k++)
            qt_lindblad_add(G64, L, r, 0, prec);
        ck_assert_int_eq(qt_lindblad_steady_state(X64, G64, prec, why), QT_UNCERTIFIED);
        ck_assert_msg(strstr(why, "4096 unknowns (1 blocks") != NULL, "%s", why);
        qt_lindblad_clear(G64);
        acb_mat_clear(L); acb_mat_clear(X64);
        acb_clear(r);
    }
    {
        /* a block without the trace that is singular: the 17-level ladder with H_{16,16} = -i/2 (no Hermitian
           guarantee), so that the lone coherence (0, 16) has L(E_{0,16}) = (i H_{16,16} - (2/7 + 5/7)/2) E_{0,16} = 0
           while the populations stay unique */
        qt_lindblad_init(G, 17);
        acb_mat_init(H, 17, 17); acb_mat_init(X, 17, 17);
        ladder_generator(G, 17, rates, 0, prec);
        for (k = 0; k < 16; k++)
            acb_set_si(acb_mat_entry(H, k, k), 3 * k);
        acb_mat_scalar_mul_2exp_si(H, H, -2);
        arb_set_si(acb_imagref(acb_mat_entry(H, 16, 16)), -1);
        acb_mul_2exp_si(acb_mat_entry(H, 16, 16), acb_mat_entry(H, 16, 16), -1);
        qt_lindblad_set_hamiltonian(G, H);
        ck_assert_int_eq(qt_lindblad_steady_state(X, G, prec, why), QT_UNCERTIFIED);
        ck_assert_msg(strstr(why, "block of 1 unknowns") != NULL && strstr(why, "trace") == NULL, "%s", why);
        qt_lindblad_clear(G);
        acb_mat_clear(H); acb_mat_clear(X);
    }
}
END_TEST

/* lemma L3 (c) through lindblad.trajectory: a 20-level ladder (H = diag(0, 1, ..., 19), L = |k-1><k|) between two
   thermal baths (beta 1 and 1/3), started in the top level, at t = 1: the reference is the stationary state, D_rel and
   Sigma are certified and narrow, D_rel >= 0 and Sigma >= 0 (Spohn: D(rho_t || rho_ss) does not increase) */
START_TEST(trajectory_stationary_beyond_dense)
{
    slong n = 20, j, k, prec = 128;
    qt_open_model_t M;
    qt_record_t R;
    arb_t t;
    char why[QT_REASON_LEN];
    qt_open_model_init(M, n, 2);
    for (k = 0; k < n; k++)
        fmpq_set_si(M->H->re + k * n + k, k, 1);
    fmpq_one(M->rho0->re + (n - 1) * n + (n - 1));
    for (j = 0; j < 2; j++)
    {
        qt_open_model_bath_channels(M, j, 1);
        M->bath[j].has_beta = 1;
        fmpq_set_si(M->bath[j].beta, 1, j ? 3 : 1);
        M->bath[j].ch[0].kind = QT_CH_THERMAL;
        fmpq_set_si(M->bath[j].ch[0].gamma, 1, j ? 20 : 10);
        fmpq_one(M->bath[j].ch[0].omega);
        for (k = 1; k < n; k++)
            fmpq_one(M->bath[j].ch[0].L->re + (k - 1) * n + k);
    }
    ck_assert_msg(qt_open_model_validate(M, why) == QT_OK, "%s", why);
    arb_init(t);
    arb_one(t);
    qt_traj_record_init(R, 2);
    qt_lindblad_trajectory(R, M, t, 0, prec);
    ck_assert_str_eq(R->reference, "stationary");
    for (k = 0; k < 2; k++)
    {
        slong o = k ? QT_TR_SIGMA_INT : QT_TR_D_REL;
        ck_assert_msg(R->out[o].status == QT_OK, "output %ld: %s", (long) o, R->out[o].reason);
        ck_assert(qt_test_narrow(&R->out[o].value, 80));
        ck_assert(!arb_is_negative(&R->out[o].value));
    }
    qt_record_clear(R);
    qt_open_model_clear(M);
    arb_clear(t);
}
END_TEST

/* a damped qubit, H = diag(w, 0), L = |1><0| at rate g: rho_00(t) = rho_00 e^{-g t}, rho_01(t) = rho_01
   e^{-(g/2 + i w) t}, int_0^t rho_00 = rho_00 (1 - e^{-g t}) / g.  Times up to 400 (hundreds of steps: the GKSL
   bound (e) keeps the error from growing with t), at 64 and 256 bits; each enclosure overlaps the closed form
   (evaluated 128 bits finer, so a far narrower ball) and is narrow, and the two precisions overlap */
START_TEST(action_damped_qubit)
{
    static const char *times[] = {"0", "1/3", "5", "40", "400"};
    slong ti, pi;
    for (ti = 0; ti < 5; ti++)
    {
        acb_mat_t keep;
        acb_mat_init(keep, 2, 2);
        for (pi = 0; pi < 2; pi++)
        {
            slong prec = pi ? 256 : 64, hp = prec + 128;
            qt_lindblad_t G;
            acb_mat_t H, L, X0, X, I;
            acb_t r, e, z;
            arb_t t, g, w;
            fmpq_t q;
            char why[QT_REASON_LEN];
            qt_lindblad_init(G, 2);
            acb_mat_init(H, 2, 2); acb_mat_init(L, 2, 2); acb_mat_init(X0, 2, 2); acb_mat_init(X, 2, 2);
            acb_mat_init(I, 2, 2);
            acb_init(r); acb_init(e); acb_init(z);
            arb_init(t); arb_init(g); arb_init(w);
            fmpq_init(q);
            arb_set_si(w, 3);                                   /* w = 3 */
            arb_set_si(g, 1);
            arb_div_si(g, g, 7, prec);                          /* g = 1/7 */
            acb_set_arb(acb_mat_entry(H, 0, 0), w);
            qt_lindblad_set_hamiltonian_hermitian(G, H);
            acb_one(acb_mat_entry(L, 1, 0));
            acb_set_arb(r, g);
            qt_lindblad_add(G, L, r, 0, prec);
            acb_set_si(acb_mat_entry(X0, 0, 0), 3);
            acb_set_si(acb_mat_entry(X0, 1, 1), 1);
            acb_set_si_si(acb_mat_entry(X0, 0, 1), 1, 1);
            acb_set_si_si(acb_mat_entry(X0, 1, 0), 1, -1);
            acb_mat_scalar_mul_2exp_si(X0, X0, -2);            /* [[3/4, (1+i)/4], [(1-i)/4, 1/4]] */
            qt_test_setq(q, times[ti]);
            arb_set_fmpq(t, q, prec);
            ck_assert_int_eq(qt_lindblad_propagate_action(X, I, G, X0, t, WORD_MAX, prec, why), QT_OK);
            arb_set_si(g, 1);
            arb_div_si(g, g, 7, hp);
            arb_set_fmpq(t, q, hp);
            /* rho_00(t) */
            arb_mul(acb_realref(e), g, t, hp);
            arb_neg(acb_realref(e), acb_realref(e));
            arb_exp(acb_realref(e), acb_realref(e), hp);
            arb_zero(acb_imagref(e));
            acb_mul(z, e, acb_mat_entry(X0, 0, 0), hp);
            ck_assert(acb_overlaps(acb_mat_entry(X, 0, 0), z));
            /* int_0^t rho_00 */
            acb_sub_ui(z, e, 1, hp);
            acb_neg(z, z);
            acb_mul(z, z, acb_mat_entry(X0, 0, 0), hp);
            acb_div_arb(z, z, g, hp);
            ck_assert(acb_overlaps(acb_mat_entry(I, 0, 0), z));
            /* rho_01(t) */
            arb_mul_2exp_si(acb_realref(z), g, -1);
            arb_set(acb_imagref(z), w);
            acb_neg(z, z);
            acb_mul_arb(z, z, t, hp);
            acb_exp(z, z, hp);
            acb_mul(z, z, acb_mat_entry(X0, 0, 1), hp);
            ck_assert(acb_overlaps(acb_mat_entry(X, 0, 1), z));
            ck_assert_msg(qt_test_narrow(acb_realref(acb_mat_entry(X, 0, 1)), prec - 20)
                          && qt_test_narrow(acb_realref(acb_mat_entry(X, 0, 0)), prec - 20)
                          && qt_test_narrow(acb_realref(acb_mat_entry(I, 0, 0)), prec - 20),
                          "t = %s, prec = %ld: not narrow", times[ti], (long) prec);
            if (pi)
                ck_assert(mat_overlaps_narrow(keep, X, 60));
            else
                acb_mat_set(keep, X);
            qt_lindblad_clear(G);
            acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(X0); acb_mat_clear(X); acb_mat_clear(I);
            acb_clear(r); acb_clear(e); acb_clear(z);
            arb_clear(t); arb_clear(g); arb_clear(w);
            fmpq_clear(q);
        }
        acb_mat_clear(keep);
    }
}
END_TEST

/* the effort cap: a step budget below what |t| nu needs, or t = 2^100 with no budget, is refused with a reason and
   no number; the route chooser
   refuses a 17-level generator at t = 10^9 (beyond QT_LINDBLAD_ACTION_MAX_WORK, no dense route beyond 16 levels);
   the stationary state of its 17 levels (no dissipator) is refused as not unique */
START_TEST(action_effort_cap)
{
    flint_rand_t st;
    qt_lindblad_t G, G17;
    acb_mat_t X0, X, I, X17, S;
    arb_t t;
    char why[QT_REASON_LEN];
    slong i;
    flint_randinit(st);
    qt_lindblad_init(G, 3);
    acb_mat_init(X0, 3, 3); acb_mat_init(X, 3, 3); acb_mat_init(I, 3, 3);
    arb_init(t);
    random_generator(G, st, 3, 2, 1, 128);
    random_state(X0, st, 1, 128);
    arb_set_si(t, 100);
    ck_assert(qt_lindblad_action_steps(NULL, G, t, 128) > 2);
    ck_assert_int_eq(qt_lindblad_propagate_action(X, I, G, X0, t, 2, 128, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "effort cap") != NULL, "%s", why);
    ck_assert(!acb_is_finite(acb_mat_entry(X, 0, 0)) && !acb_is_finite(acb_mat_entry(I, 0, 0)));
    /* astronomically many steps are refused even without a step budget */
    arb_set_ui(t, 1);
    arb_mul_2exp_si(t, t, 100);
    ck_assert_int_eq(qt_lindblad_propagate_action(X, I, G, X0, t, WORD_MAX, 128, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "effort cap") != NULL, "%s", why);

    qt_lindblad_init(G17, 17);
    acb_mat_init(X17, 17, 17);
    acb_mat_init(S, 17, 17);
    for (i = 0; i < 17; i++)
        acb_set_si(acb_mat_entry(S, i, i), i);
    qt_lindblad_set_hamiltonian_hermitian(G17, S);
    acb_one(acb_mat_entry(X17, 0, 0));
    arb_set_si(t, 1000000000);
    ck_assert_int_eq(qt_lindblad_propagate(X17, NULL, G17, X17, t, 64, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "effort cap") != NULL, "%s", why);
    ck_assert_int_eq(qt_lindblad_steady_state(S, G17, 64, why), QT_UNCERTIFIED);
    ck_assert_msg(strstr(why, "nonsingular") != NULL, "%s", why);      /* no dissipator: not unique (L3 (c)) */

    qt_lindblad_clear(G); qt_lindblad_clear(G17);
    acb_mat_clear(X0); acb_mat_clear(X); acb_mat_clear(I); acb_mat_clear(X17); acb_mat_clear(S);
    arb_clear(t);
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("lindblad_action");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, action_vs_dense);
    tcase_add_test(tc, action_structural_support);
    tcase_add_test(tc, action_damped_qubit);
    tcase_add_test(tc, steady_state_hermitian_vs_complex);
    tcase_add_test(tc, steady_state_blocks);
    tcase_add_test(tc, steady_state_blocks_refused);
    tcase_add_test(tc, trajectory_stationary_beyond_dense);
    tcase_add_test(tc, action_effort_cap);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
