/* lindblad_solve.c -- superoperator, certified propagation exp(tL) and its time integral,
 * certified stationary state (lemmas L1-L3 of proofs/open_systems.md). */
#include "qtoracle/lindblad.h"

void
qt_mat_vec(acb_mat_t v, const acb_mat_t X)
{
    slong n = acb_mat_nrows(X), i, j;
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(v, i + j * n, 0), acb_mat_entry(X, i, j));
}

void
qt_mat_unvec(acb_mat_t X, const acb_mat_t v)
{
    slong n = acb_mat_nrows(X), i, j;
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            acb_set(acb_mat_entry(X, i, j), acb_mat_entry(v, i + j * n, 0));
}

void
qt_lindblad_superop(acb_mat_t S, const qt_lindblad_t G, slong prec)
{
    slong n = G->n, i, j;
    acb_mat_t E, Y, v;
    acb_mat_init(E, n, n); acb_mat_init(Y, n, n); acb_mat_init(v, n * n, 1);
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
        {
            slong r, col = i + j * n;
            acb_mat_zero(E);
            acb_one(acb_mat_entry(E, i, j));
            qt_lindblad_apply(Y, G, E, -1, prec);
            qt_mat_vec(v, Y);
            for (r = 0; r < n * n; r++)
                acb_set(acb_mat_entry(S, r, col), acb_mat_entry(v, r, 0));
        }
    acb_mat_clear(E); acb_mat_clear(Y); acb_mat_clear(v);
}

/* lemma L2: exp(t [[S, v], [0, 0]]) = [[exp(tS), int_0^t exp(sS) v ds], [0, 1]] */
void
qt_lindblad_propagate(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0,
                      const arb_t t, slong prec)
{
    slong n = G->n, N = n * n, m = (I != NULL) ? N + 1 : N, r, c;
    acb_mat_t S, A, v, w;
    acb_mat_init(S, N, N); acb_mat_init(A, m, m); acb_mat_init(v, N, 1); acb_mat_init(w, N, 1);
    qt_lindblad_superop(S, G, prec);
    qt_mat_vec(v, X0);
    for (r = 0; r < N; r++)
    {
        for (c = 0; c < N; c++)
            acb_mul_arb(acb_mat_entry(A, r, c), acb_mat_entry(S, r, c), t, prec);
        if (I != NULL)
            acb_mul_arb(acb_mat_entry(A, r, N), acb_mat_entry(v, r, 0), t, prec);
    }
    acb_mat_exp(A, A, prec);
    for (r = 0; r < N; r++)
    {
        acb_zero(acb_mat_entry(w, r, 0));
        for (c = 0; c < N; c++)
            acb_addmul(acb_mat_entry(w, r, 0), acb_mat_entry(A, r, c), acb_mat_entry(v, c, 0), prec);
    }
    qt_mat_unvec(Xt, w);
    if (I != NULL)
    {
        /* the augmented column holds int_0^1 exp(u tS) (t v) du = int_0^t exp(sS) v ds */
        for (r = 0; r < N; r++)
            acb_set(acb_mat_entry(w, r, 0), acb_mat_entry(A, r, N));
        qt_mat_unvec(I, w);
    }
    acb_mat_clear(S); acb_mat_clear(A); acb_mat_clear(v); acb_mat_clear(w);
}

int
qt_lindblad_steady_state(acb_mat_t X, const qt_lindblad_t G, slong prec, char *reason)
{
    slong n = G->n, N = n * n, k, i;
    acb_mat_t S, b, x;
    int ok;
    acb_mat_init(S, N, N); acb_mat_init(b, N, 1); acb_mat_init(x, N, 1);
    qt_lindblad_superop(S, G, prec);
    /* lemma L3: row 0 (the diagonal index (0,0)) replaced by the trace functional */
    for (k = 0; k < N; k++)
        acb_zero(acb_mat_entry(S, 0, k));
    for (i = 0; i < n; i++)
        acb_one(acb_mat_entry(S, 0, i + i * n));
    acb_one(acb_mat_entry(b, 0, 0));
    ok = acb_mat_solve(x, S, b, prec);
    if (ok)
    {
        acb_mat_t T;
        acb_mat_init(T, n, n);
        qt_mat_unvec(T, x);
        qt_acb_mat_hermitian_part(X, T, prec);
        acb_mat_clear(T);
    }
    acb_mat_clear(S); acb_mat_clear(b); acb_mat_clear(x);
    if (!ok)
    {
        acb_mat_indeterminate(X);
        return qt_fail(reason, QT_UNCERTIFIED, "the stationary-state system could not be proven nonsingular (the stationary state may not be unique)");
    }
    return QT_OK;
}

/* lemma L5 (Drazin inverse on traceless operators): when the stationary state is unique, the range
 * of S is the traceless subspace and S restricted to it is invertible; replacing the (0,0) row by the
 * trace functional with right-hand side 0 keeps every equation (the dropped one is minus the sum of
 * the other diagonal ones, since S is trace preserving and tr Y = 0) and adds tr X = 0. */
int
qt_lindblad_drazin_solve(acb_mat_t X, const acb_mat_t S, const acb_mat_t Y, slong prec, char *reason)
{
    slong n = acb_mat_nrows(Y), N = n * n, k, i, c, m = acb_mat_ncols(Y) / n;
    acb_mat_t A, b, x;
    int ok;
    /* Y may hold several right-hand sides side by side (n x (m n)) */
    acb_mat_init(A, N, N); acb_mat_init(b, N, m); acb_mat_init(x, N, m);
    acb_mat_set(A, S);
    for (k = 0; k < N; k++)
        acb_zero(acb_mat_entry(A, 0, k));
    for (i = 0; i < n; i++)
        acb_one(acb_mat_entry(A, 0, i + i * n));
    for (c = 0; c < m; c++)
    {
        slong r, q;
        for (q = 0; q < n; q++)
            for (r = 0; r < n; r++)
                acb_set(acb_mat_entry(b, r + q * n, c), acb_mat_entry(Y, r, c * n + q));
        acb_zero(acb_mat_entry(b, 0, c));
    }
    /* preconditioned by an approximate inverse of the midpoint: much less overestimation than
       plain LU on wide (complex) parameter balls; either way nonzero means proven nonsingular */
    ok = acb_mat_solve_precond(x, A, b, prec);
    if (!ok)
        ok = acb_mat_solve(x, A, b, prec);
    if (ok)
        for (c = 0; c < m; c++)
        {
            slong r, q;
            for (q = 0; q < n; q++)
                for (r = 0; r < n; r++)
                    acb_set(acb_mat_entry(X, r, c * n + q), acb_mat_entry(x, r + q * n, c));
        }
    else
        acb_mat_indeterminate(X);
    acb_mat_clear(A); acb_mat_clear(b); acb_mat_clear(x);
    if (!ok)
        return qt_fail(reason, QT_UNCERTIFIED, "the Drazin-inverse system could not be proven nonsingular (the stationary state may not be unique)");
    return QT_OK;
}
