/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/lindblad_propagate.c -- seconds for the certified propagation rho(t) = exp(tL) rho0 and its integral alone,
 * in-process, for the n-level ladder of bench/lindblad_scaling.py (H = diag(0..n-1), one thermal bath at beta = 1
 * with L = sum_k |k><k+1|, omega = 1, gamma = 1/10, rho0 the top level, t = 1), at the working precision of a
 * 15-digit request (81 bits): the route qt_lindblad_propagate chooses (the action of L, lemma L7) and, up to 16
 * levels, the dense superoperator exponential (lemma L2).  With a third argument "dense", H also couples every pair
 * of levels by 1/10 (a dense H: rho(t) is then a dense matrix).  usage: bench_lindblad_propagate N REPEATS [dense];
 * prints "n chosen_s dense_s rho_00" (medians; dense_s is nan beyond 16 levels). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/lindblad.h"
#include "bench_clock.h"

static int
cmp(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
    slong n = argc > 1 ? atol(argv[1]) : 16, reps = argc > 2 ? atol(argv[2]) : 3, prec = 81, i, r;
    qt_lindblad_t G;
    acb_mat_t H, L, Ld, X0, X, I;
    acb_t rate;
    arb_t t, nb;
    double ts[2][64] = {{0}};
    char why[QT_REASON_LEN];
    if (n < 2 || n > QT_LINDBLAD_MAX_DIM || reps < 1 || reps > 64)
        return 2;
    qt_lindblad_init(G, n);
    acb_mat_init(H, n, n); acb_mat_init(L, n, n); acb_mat_init(Ld, n, n);
    acb_mat_init(X0, n, n); acb_mat_init(X, n, n); acb_mat_init(I, n, n);
    acb_init(rate); arb_init(t); arb_init(nb);
    for (i = 0; i < n; i++)
        acb_set_si(acb_mat_entry(H, i, i), i);
    if (argc > 3 && strcmp(argv[3], "dense") == 0)
        for (i = 0; i < n * n; i++)
            if (i / n != i % n)
                arb_set_ui(acb_realref(acb_mat_entry(H, i / n, i % n)), 1), arb_div_ui(acb_realref(acb_mat_entry(H, i / n, i % n)), acb_realref(acb_mat_entry(H, i / n, i % n)), 10, prec);
    for (i = 0; i + 1 < n; i++)
        acb_one(acb_mat_entry(L, i, i + 1));
    qt_lindblad_set_hamiltonian_hermitian(G, H);
    arb_one(nb);
    arb_expm1(nb, nb, prec);
    arb_inv(nb, nb, prec);                                  /* nbar = 1/(e - 1) */
    arb_add_ui(acb_realref(rate), nb, 1, prec);
    arb_div_ui(acb_realref(rate), acb_realref(rate), 10, prec);
    qt_lindblad_add(G, L, rate, 0, prec);
    arb_div_ui(acb_realref(rate), nb, 10, prec);
    acb_mat_conjugate_transpose(Ld, L);
    qt_lindblad_add(G, Ld, rate, 0, prec);
    acb_one(acb_mat_entry(X0, n - 1, n - 1));
    arb_one(t);
    for (r = 0; r < reps; r++)
    {
        double a = now();
        if (qt_lindblad_propagate(X, I, G, X0, t, prec, why) != QT_OK)
            return 1;
        ts[0][r] = now() - a;
        if (n <= QT_LIOUVILLE_MAX_DIM)
        {
            a = now();
            qt_lindblad_propagate_dense(X, I, G, X0, t, prec);
            ts[1][r] = now() - a;
        }
    }
    qsort(ts[0], reps, sizeof(double), cmp);
    qsort(ts[1], reps, sizeof(double), cmp);
    printf("%ld %.6g ", (long) n, ts[0][reps / 2]);
    if (n <= QT_LIOUVILLE_MAX_DIM)
        printf("%.6g", ts[1][reps / 2]);
    else
        printf("nan");
    printf(" %.17g\n", arf_get_d(arb_midref(acb_realref(acb_mat_entry(X, n - 1, n - 1))), ARF_RND_NEAR));
    qt_lindblad_clear(G);
    acb_mat_clear(H); acb_mat_clear(L); acb_mat_clear(Ld); acb_mat_clear(X0); acb_mat_clear(X); acb_mat_clear(I);
    acb_clear(rate); arb_clear(t); arb_clear(nb);
    flint_cleanup();
    return 0;
}
