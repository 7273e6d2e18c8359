/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_action.c -- X(t) = exp(tL) X0 and I(t) = int_0^t X(s) ds by the action of the generator (lemma L7 of
 * proofs/open_systems.md): L applied as n x n matrix products, t cut into s steps of length h = t/s, each step a
 * Taylor polynomial of degree K in hL whose remainder is bounded through a norm bound nu >= ||L|| (Hilbert-Schmidt
 * operator norm) and added to the radius of every entry of the structural support (lemma L7 (f), lindblad_pattern.c;
 * off it the entries are exact zeros).  O(s K (1 + k) n^3) for k jump operators, less where the operators are sparse,
 * against O(n^6) for the dense superoperator exponential (lindblad_solve.c, lemma L2). */
#include <stdlib.h>
#include <string.h>
#include "qtoracle/lindblad.h"

/* an upper bound on the spectral norm of every matrix in the ball A: sqrt(||A||_1 ||A||_inf), ||A||_1 = ||A^T||_inf */
static void
spectral_norm_ubound(mag_t r, const acb_mat_t A)
{
    acb_mat_t T;
    mag_t m1;
    acb_mat_init(T, acb_mat_ncols(A), acb_mat_nrows(A));
    mag_init(m1);
    acb_mat_transpose(T, A);
    acb_mat_bound_inf_norm(m1, T);
    acb_mat_bound_inf_norm(r, A);
    mag_mul(r, r, m1);
    mag_sqrt(r, r);
    acb_mat_clear(T);
    mag_clear(m1);
}

/* an upper bound on the Hilbert-Schmidt norm of E = X - mid(X) for every X in the ball: |e_ij| <= rad(re) + rad(im)
   (the norm of every matrix in a ball is acb_mat_bound_frobenius_norm) */
static void
radius_hs_norm_ubound(mag_t r, const acb_mat_t X)
{
    slong n = acb_mat_nrows(X), i, j;
    mag_t e;
    mag_init(e);
    mag_zero(r);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            acb_srcptr x = acb_mat_entry(X, i, j);
            mag_add(e, arb_radref(acb_realref(x)), arb_radref(acb_imagref(x)));
            mag_addmul(r, e, e);
        }
    mag_sqrt(r, r);
    mag_clear(e);
}

/* an upper bound on the largest eigenvalue of (A + A^*)/2, for every A in the ball (Gershgorin), as an arb upper
   end in u */
static void
hermitian_part_lmax_ubound(arf_t u, const acb_mat_t A, slong prec)
{
    slong n = acb_mat_nrows(A), i, j;
    acb_mat_t P;
    arb_t v;
    mag_t e;
    arf_t w;
    acb_mat_init(P, n, n);
    arb_init(v);
    mag_init(e);
    arf_init(w);
    acb_mat_conjugate_transpose(P, A);
    acb_mat_add(P, P, A, prec);
    acb_mat_scalar_mul_2exp_si(P, P, -1);
    arf_neg_inf(u);
    for (i = 0; i < n; i++)
    {
        arb_set(v, acb_realref(acb_mat_entry(P, i, i)));
        for (j = 0; j < n; j++)
            if (j != i)
            {
                acb_get_mag(e, acb_mat_entry(P, i, j));
                arb_add_error_mag(v, e);
            }
        arb_get_ubound_arf(w, v, prec);
        arf_max(u, u, w);
    }
    acb_mat_clear(P);
    arb_clear(v);
    mag_clear(e);
    arf_clear(w);
}

/* an operator's entries that are not exact zeros, by row (for P X) or by column (for X P).  When they are at most a
   quarter of n^2 (sparse), the products take O(nnz n) operations, each entry one dot product over those terms only (the
   terms left out are exact zeros, so the enclosure is that of the full dot product); denser operators go to
   acb_mat_mul, except on a listed set of entries (below), which always takes the dot products */
typedef struct
{
    int sparse;
    slong *start, *idx;         /* line i: positions idx[start[i] .. start[i+1]) */
    acb_ptr val;                /* shallow copies of the entries */
}
op_pattern;

static void
op_pattern_init(op_pattern *p, const acb_mat_t P, int by_col)
{
    slong n = acb_mat_nrows(P), i, l, q = 0, nnz = 0;
    for (i = 0; i < n * n; i++)
        nnz += !acb_is_zero(acb_mat_entry(P, i / n, i % n));
    p->sparse = (4 * nnz <= n * n);
    p->start = malloc((n + 1) * sizeof(slong));
    p->idx = malloc((nnz + 1) * sizeof(slong));
    p->val = malloc((nnz + 1) * sizeof(acb_struct));
    for (i = 0; i < n; i++)
    {
        p->start[i] = q;
        for (l = 0; l < n; l++)
        {
            const acb_struct *e = by_col ? acb_mat_entry(P, l, i) : acb_mat_entry(P, i, l);
            if (!acb_is_zero(e))
            {
                p->idx[q] = l;
                p->val[q++] = *e;
            }
        }
    }
    p->start[n] = q;
}

static void
op_pattern_clear(op_pattern *p)
{
    free(p->start); free(p->idx); free(p->val);
}

/* the entries a product or a sum is computed on: every entry (idx == NULL) or the ns listed ones (i n + j); the others
   are left as they are (exact zeros where the caller uses a list) */
typedef struct
{
    slong ns;
    slong *idx;
}
entry_set;

/* Y = P X (left) or Y = X P (right) on the entries of E: entry (i, j) is the dot product of P's row i with the listed
   entries of X's column j, or of X's row i with P's column j */
static void
op_mul(acb_mat_t Y, const op_pattern *p, const acb_mat_t P, const acb_mat_t X, int left, const entry_set *E, slong prec)
{
    slong n = acb_mat_nrows(X), i, j, q, e;
    acb_ptr g;
    if (!p->sparse && E->idx == NULL)
    {
        if (left)
            acb_mat_mul(Y, P, X, prec);
        else
            acb_mat_mul(Y, X, P, prec);
        return;
    }
    g = malloc((n + 1) * sizeof(acb_struct));
    for (e = 0; e < (E->idx == NULL ? n * n : E->ns); e++)
    {
        slong s0, len;
        i = (E->idx == NULL ? e : E->idx[e]) / n;
        j = (E->idx == NULL ? e : E->idx[e]) % n;
        s0 = p->start[left ? i : j];
        len = p->start[(left ? i : j) + 1] - s0;
        for (q = 0; q < len; q++)                               /* shallow copies: read only */
            g[q] = left ? *acb_mat_entry(X, p->idx[s0 + q], j) : *acb_mat_entry(X, i, p->idx[s0 + q]);
        if (left)
            acb_dot(acb_mat_entry(Y, i, j), NULL, 0, p->val + s0, 1, g, 1, len, prec);
        else
            acb_dot(acb_mat_entry(Y, i, j), NULL, 0, g, 1, p->val + s0, 1, len, prec);
    }
    free(g);
}

/* entrywise operations on the entries of E (all: the acb_mat routines, the same operations entry by entry) */
#define ENTRY(M, E, e) acb_mat_entry((M), (E)->idx[e] / acb_mat_ncols(M), (E)->idx[e] % acb_mat_ncols(M))

static void
ent_add(acb_mat_t Y, const acb_mat_t A, const acb_mat_t B, const entry_set *E, slong prec)
{
    slong e;
    if (E->idx == NULL)
        acb_mat_add(Y, A, B, prec);
    else
        for (e = 0; e < E->ns; e++)
            acb_add(ENTRY(Y, E, e), ENTRY(A, E, e), ENTRY(B, E, e), prec);
}

static void
ent_scalar_mul_arb(acb_mat_t Y, const acb_mat_t X, const arb_t c, const entry_set *E, slong prec)
{
    slong e;
    if (E->idx == NULL)
        acb_mat_scalar_mul_arb(Y, X, c, prec);
    else
        for (e = 0; e < E->ns; e++)
            acb_mul_arb(ENTRY(Y, E, e), ENTRY(X, E, e), c, prec);
}

static void
ent_scalar_div_si(acb_mat_t Y, const acb_mat_t X, slong d, const entry_set *E, slong prec)
{
    slong e;
    if (E->idx == NULL)
        acb_mat_scalar_div_si(Y, X, d, prec);
    else
        for (e = 0; e < E->ns; e++)
            acb_div_si(ENTRY(Y, E, e), ENTRY(X, E, e), d, prec);
}

static void
ent_scalar_addmul_acb(acb_mat_t Y, const acb_mat_t X, const acb_t c, const entry_set *E, slong prec)
{
    slong e;
    if (E->idx == NULL)
        acb_mat_scalar_addmul_acb(Y, X, c, prec);
    else
        for (e = 0; e < E->ns; e++)
            acb_addmul(ENTRY(Y, E, e), ENTRY(X, E, e), c, prec);
}

static void
ent_zero(acb_mat_t Y, const entry_set *E)
{
    slong e;
    for (e = 0; E->idx != NULL && e < E->ns; e++)
        acb_zero(ENTRY(Y, E, e));
}

/* the generator in the form used here: L(X) = A X + X B + sum_k r_k L_k X Ld_k with
   A = -i(H - cI) - 1/2 sum_k r_k Ld_k L_k and B = i(H - cI) - 1/2 sum_k r_k Ld_k L_k; the shift c (the midpoint of
   Re tr H / n, exact) cancels in A X + X B, so it changes nothing but the norm bound */
typedef struct
{
    acb_mat_t A, B;
    mag_t nu;                   /* >= sup ||L(X)||_2 / ||X||_2 over the ball generator (Hilbert-Schmidt norms) */
    mag_t mu;                   /* >= max(0, mu(L)), mu the logarithmic norm: ||exp(hL)|| <= exp(h mu) for h >= 0 */
    op_pattern sA, sB, *sL, *sLd;   /* A and L_k as left factors, B and L_k^* as right factors */
    slong nops;
}
action_gen;

static void
action_gen_init(action_gen *a, const qt_lindblad_t G, slong prec)
{
    slong n = G->n, i, k;
    acb_t c;
    acb_mat_t T;
    mag_t m, p;
    acb_init(c);
    acb_mat_init(T, n, n);
    mag_init(m); mag_init(p);
    acb_mat_init(a->A, n, n);
    acb_mat_init(a->B, n, n);
    mag_init(a->nu);
    mag_init(a->mu);

    acb_mat_trace(c, G->H, prec);
    acb_div_si(c, c, n, prec);
    arb_set_arf(acb_realref(c), arb_midref(acb_realref(c)));
    arb_zero(acb_imagref(c));
    acb_mat_set(T, G->H);
    for (i = 0; i < n; i++)
        acb_sub(acb_mat_entry(T, i, i), acb_mat_entry(T, i, i), c, prec);
    for (i = 0; i < n * n; i++)
        acb_mul_onei(acb_mat_entry(a->B, i / n, i % n), acb_mat_entry(T, i / n, i % n));     /* i (H - c) */
    acb_mat_neg(a->A, a->B);                                                                  /* -i (H - c) */
    for (k = 0; k < G->nops; k++)
    {
        acb_mat_scalar_mul_acb(T, G->LdL + k, G->rate + k, prec);
        acb_mat_scalar_mul_2exp_si(T, T, -1);
        acb_mat_sub(a->A, a->A, T, prec);
        acb_mat_sub(a->B, a->B, T, prec);
    }
    /* ||A X + X B + sum r_k L_k X Ld_k||_2 <= (||A|| + ||B|| + sum |r_k| ||L_k|| ||Ld_k||) ||X||_2 with spectral
       norms on the right (||P X Q||_2 <= ||P|| ||X||_2 ||Q||): lemma L7 (a) */
    spectral_norm_ubound(a->nu, a->A);
    spectral_norm_ubound(m, a->B);
    mag_add(a->nu, a->nu, m);
    for (k = 0; k < G->nops; k++)
    {
        spectral_norm_ubound(m, G->L + k);
        spectral_norm_ubound(p, G->Ld + k);
        mag_mul(m, m, p);
        acb_get_mag(p, G->rate + k);
        mag_mul(m, m, p);
        mag_add(a->nu, a->nu, m);
        mag_add(a->mu, a->mu, m);
    }
    /* lemma L7 (c): Re<X, L(X)> <= (lmax Herm A + lmax Herm B + sum |r_k| ||L_k|| ||Ld_k||) ||X||_2^2; the
       Hamiltonian part -i[H, X] contributes nothing (Herm(-iH) = 0 for Hermitian H, up to the balls' radii) */
    {
        arf_t u, w;
        arf_init(u); arf_init(w);
        hermitian_part_lmax_ubound(u, a->A, prec);
        hermitian_part_lmax_ubound(w, a->B, prec);
        arf_add(u, u, w, MAG_BITS, ARF_RND_UP);
        if (arf_sgn(u) > 0)
        {
            arf_get_mag(m, u);                      /* >= u */
            mag_add(a->mu, a->mu, m);
        }
        else
        {
            arf_get_mag_lower(m, u);                /* <= |u| */
            mag_sub(a->mu, a->mu, m);               /* >= max(0, jumps - |u|) */
        }
        arf_clear(u); arf_clear(w);
    }
    op_pattern_init(&a->sA, a->A, 0);
    op_pattern_init(&a->sB, a->B, 1);
    a->nops = G->nops;
    a->sL = malloc((G->nops + 1) * sizeof(op_pattern));
    a->sLd = malloc((G->nops + 1) * sizeof(op_pattern));
    for (k = 0; k < G->nops; k++)
    {
        op_pattern_init(a->sL + k, G->L + k, 0);
        op_pattern_init(a->sLd + k, G->Ld + k, 1);
    }
    acb_clear(c);
    acb_mat_clear(T);
    mag_clear(m); mag_clear(p);
}

static void
action_gen_clear(action_gen *a)
{
    slong k;
    op_pattern_clear(&a->sA);
    op_pattern_clear(&a->sB);
    for (k = 0; k < a->nops; k++)
    {
        op_pattern_clear(a->sL + k);
        op_pattern_clear(a->sLd + k);
    }
    free(a->sL); free(a->sLd);
    acb_mat_clear(a->A);
    acb_mat_clear(a->B);
    mag_clear(a->nu);
    mag_clear(a->mu);
}

/* Y = L(X), Y not aliased with X; T1, T2 scratch.  On entry lists (lemma L7 (f)): X, Y on E (zero elsewhere), L_k X on
   E1[k]; T1 is zero off the entries it is given and is returned so */
static void
action_apply(acb_mat_t Y, const action_gen *a, const qt_lindblad_t G, const acb_mat_t X, acb_mat_t T1, acb_mat_t T2,
             const entry_set *E, const entry_set *E1, slong prec)
{
    slong k;
    op_mul(Y, &a->sA, a->A, X, 1, E, prec);
    op_mul(T1, &a->sB, a->B, X, 0, E, prec);
    ent_add(Y, Y, T1, E, prec);
    ent_zero(T1, E);
    for (k = 0; k < G->nops; k++)
    {
        op_mul(T1, a->sL + k, G->L + k, X, 1, E1 + k, prec);
        op_mul(T2, a->sLd + k, G->Ld + k, T1, 0, E, prec);
        ent_scalar_addmul_acb(Y, T2, G->rate + k, E, prec);
        ent_zero(T1, E1 + k);
    }
}

/* lemma L7 (f) on lists: when the structural support S (the char mask) has at most n^2/4 pairs, E = S and E1[k] = the
   pattern of L_k S, provided the products the action takes stay on them: A S and S B in S, (L_k S) Ld_k in S, checked
   here on the operators' entry lists (independently of the closure search that found S).  Returns 0 (every entry)
   otherwise */
static int
support_entries(entry_set *E, entry_set *E1, const char *S, const action_gen *a, slong nops, slong n)
{
    slong i, j, b, q, k, ns = 0;
    char *S1;
    int ok = 1;
    for (i = 0; i < n * n; i++)
        ns += S[i] != 0;
    for (k = 0; k < nops; k++)
        E1[k].idx = NULL;
    if (4 * ns > n * n)
        return 0;
    for (b = 0; b < n && ok; b++)              /* A S in S: A_bi != 0, (i, j) in S => (b, j) in S */
        for (q = a->sA.start[b]; q < a->sA.start[b + 1] && ok; q++)
            for (j = 0, i = a->sA.idx[q]; j < n; j++)
                if (S[i * n + j] && !S[b * n + j])
                    ok = 0;
    for (b = 0; b < n && ok; b++)              /* S B in S: B_jb != 0, (i, j) in S => (i, b) in S */
        for (q = a->sB.start[b]; q < a->sB.start[b + 1] && ok; q++)
            for (i = 0, j = a->sB.idx[q]; i < n; i++)
                if (S[i * n + j] && !S[i * n + b])
                    ok = 0;
    if (!ok)
        return 0;
    S1 = calloc(n * n, 1);
    for (k = 0; k < nops && ok; k++)
    {
        slong m = 0;
        memset(S1, 0, n * n);
        for (b = 0; b < n; b++)                /* S1 = pattern of L_k S: (L_k)_bi != 0, (i, j) in S */
            for (q = a->sL[k].start[b]; q < a->sL[k].start[b + 1]; q++)
                for (j = 0, i = a->sL[k].idx[q]; j < n; j++)
                    if (S[i * n + j])
                        S1[b * n + j] = 1;
        for (b = 0; b < n && ok; b++)          /* S1 Ld_k in S */
            for (q = a->sLd[k].start[b]; q < a->sLd[k].start[b + 1] && ok; q++)
                for (i = 0, j = a->sLd[k].idx[q]; i < n; i++)
                    if (S1[i * n + j] && !S[i * n + b])
                        ok = 0;
        for (i = 0; i < n * n; i++)
            m += S1[i];
        E1[k].ns = m;
        E1[k].idx = malloc((m + 1) * sizeof(slong));
        for (m = 0, i = 0; i < n * n; i++)
            if (S1[i])
                E1[k].idx[m++] = i;
    }
    free(S1);
    if (!ok)
    {
        for (i = 0; i < nops; i++)
        {
            free(E1[i].idx);
            E1[i].idx = NULL;
        }
        return 0;
    }
    E->ns = ns;
    E->idx = malloc((ns + 1) * sizeof(slong));
    for (ns = 0, i = 0; i < n * n; i++)
        if (S[i])
            E->idx[ns++] = i;
    return 1;
}

/* the remainder factor of lemma L7 (b): sum_{k > K} theta^k / k! <= theta^(K+1)/(K+1)! / (1 - theta/(K+2)), for
   theta < K + 2; +inf otherwise */
static void
taylor_tail(mag_t r, const mag_t theta, slong K)
{
    mag_t q, d;
    mag_init(q); mag_init(d);
    mag_pow_ui(r, theta, K + 1);
    mag_rfac_ui(q, K + 1);                   /* >= 1/(K+1)! */
    mag_mul(r, r, q);
    mag_div_ui(q, theta, K + 2);             /* theta/(K+2), rounded up */
    mag_one(d);
    if (mag_cmp(q, d) >= 0)
        mag_inf(r);
    else
    {
        mag_sub_lower(d, d, q);              /* 1 - theta/(K+2), rounded down */
        mag_div(r, r, d);
    }
    mag_clear(q); mag_clear(d);
}

/* the plan of lemma L7 (b): theta = clamp(prec/16, 2, 64) (a larger step at a higher precision: fewer terms per unit
   time, while the terms of one step, at most e^theta ||M||, cost about 1.44 theta of the prec bits), s steps with
   |h| nu <= theta (WORD_MAX if astronomically many), the actual thb >= |h| nu and the least degree K with
   tail(thb, K) <= 2^-prec (at most QT_LINDBLAD_ACTION_MAX_DEGREE) */
static void
action_plan(slong *s, slong *K, mag_t thb, const action_gen *a, const arb_t t, slong prec)
{
    slong theta = FLINT_MIN(64, FLINT_MAX(2, prec / 16));
    mag_t th, tail, tol;
    mag_init(th); mag_init(tail); mag_init(tol);
    arb_get_mag(th, t);
    mag_mul(th, th, a->nu);
    mag_div_ui(thb, th, theta);
    *K = 1;
    if (mag_cmp_2exp_si(thb, 40) >= 0)
    {
        *s = WORD_MAX;                                          /* never run (refused below): no degree to plan */
        mag_set(thb, th);
        mag_clear(th); mag_clear(tail); mag_clear(tol);
        return;
    }
    *s = FLINT_MAX(1, (slong) mag_get_d(thb) + 1);
    mag_div_ui(thb, th, (ulong) *s);                            /* >= |t/s| nu */
    mag_set_ui_2exp_si(tol, 1, -prec);
    for (*K = 1; *K < QT_LINDBLAD_ACTION_MAX_DEGREE; (*K)++)
    {
        taylor_tail(tail, thb, *K);
        if (mag_cmp(tail, tol) <= 0)
            break;
    }
    mag_clear(th); mag_clear(tail); mag_clear(tol);
}

slong
qt_lindblad_action_steps(slong *K, const qt_lindblad_t G, const arb_t t, slong prec)
{
    action_gen a;
    mag_t th;
    slong s, k;
    action_gen_init(&a, G, prec);
    mag_init(th);
    action_plan(&s, &k, th, &a, t, prec);
    if (K != NULL)
        *K = k;
    mag_clear(th);
    action_gen_clear(&a);
    return s;
}

/* C >= ||exp(uL)||_2 (Hilbert-Schmidt operator norm) for every u between 0 and every point of the ball t:
   lemma L7 (c) exp(|t| mu) for t >= 0 (exp(|t| nu) otherwise); (e) 2 sqrt(n) for a GKSL generator (exp(uL) completely
   positive and trace preserving: trace-norm contraction on Hermitian matrices) */
static void
propagator_norm_bound(mag_t C, const action_gen *a, const qt_lindblad_t G, const arb_t t)
{
    int gksl = qt_lindblad_is_gksl(G) && arb_is_nonnegative(t);
    mag_t m;
    mag_init(m);
    arb_get_mag(m, t);
    mag_mul(C, m, arb_is_nonnegative(t) ? a->mu : a->nu);
    mag_exp(C, C);
    if (gksl)
    {
        mag_set_ui(m, 4 * (ulong) G->n);
        mag_sqrt(m, m);                     /* 2 sqrt(n), rounded up */
        mag_min(C, C, m);
    }
    mag_clear(m);
}

int
qt_lindblad_propagate_action(acb_mat_t Xt, acb_mat_t I, const qt_lindblad_t G, const acb_mat_t X0, const arb_t t,
                             slong max_steps, slong prec, char *reason)
{
    slong n = G->n, s, j, k, K;
    action_gen a;
    acb_mat_t M, Tk, Tn, T1, T2, SX, SI;
    arb_t h, c;
    mag_t th, tail, dsum, etaI, e, habs;
    char *S;
    entry_set E, *E1;

    action_gen_init(&a, G, prec);
    mag_init(th); mag_init(tail); mag_init(dsum); mag_init(etaI); mag_init(e); mag_init(habs);
    action_plan(&s, &K, th, &a, t, prec);
    if (s == WORD_MAX || s > max_steps)
    {
        action_gen_clear(&a);
        mag_clear(th); mag_clear(tail); mag_clear(dsum); mag_clear(etaI); mag_clear(e); mag_clear(habs);
        acb_mat_indeterminate(Xt);
        if (I != NULL)
            acb_mat_indeterminate(I);
        return qt_fail(reason, QT_UNCERTIFIED, "effort cap: |t| ||L|| needs more than %ld steps of the propagator "
                       "(lemma L7; cap %ld)", (long) (s == WORD_MAX ? max_steps : s), (long) max_steps);
    }
    acb_mat_init(M, n, n); acb_mat_init(Tk, n, n); acb_mat_init(Tn, n, n); acb_mat_init(T1, n, n);
    acb_mat_init(T2, n, n); acb_mat_init(SX, n, n); acb_mat_init(SI, n, n);
    /* lemma L7 (f): the structural support; on a small one the products and sums run on its entries only */
    S = malloc(n * n);
    qt_lindblad_support_pattern(S, G, X0);
    E1 = malloc((G->nops + 1) * sizeof(entry_set));
    if (!support_entries(&E, E1, S, &a, G->nops, n))
    {
        E.idx = NULL;
        E.ns = n * n;
        for (k = 0; k < G->nops; k++)
        {
            E1[k].idx = NULL;
            E1[k].ns = n * n;
        }
    }
    arb_init(h); arb_init(c);

    arb_div_si(h, t, s, prec);
    arb_get_mag(habs, h);
    mag_mul(th, habs, a.nu);                 /* theta >= |h| ||L|| for the ball h itself */
    taylor_tail(tail, th, K);

    /* lemma L7 (d): the state after step j is kept as the ball M_j; at the start of each step its radius goes into
       the error sum (dsum) and the step starts from the exact midpoint, so that rounding errors are not carried
       through the balls (whose radii would grow like exp(|h| ||L||) per step) but through the propagator of the
       remaining time: X(t) - M_s = sum_j exp((s-1-j) h L) delta_j, ||delta_j||_2 summed in dsum */
    acb_mat_set(M, X0);
    mag_zero(dsum);
    mag_zero(etaI);
    if (I != NULL)
        acb_mat_zero(I);
    for (j = 0; j < s; j++)
    {
        radius_hs_norm_ubound(e, M);
        mag_add(dsum, dsum, e);
        acb_mat_get_mid(M, M);
        /* SX = sum_{k<=K} (hL)^k M / k!,  SI = h sum_{k<=K} (hL)^k M / (k+1)!  (term Tk = (hL)^k M / k!) */
        acb_mat_set(Tk, M);
        acb_mat_set(SX, M);
        if (I != NULL)
            acb_mat_set(SI, M);
        for (k = 1; k <= K; k++)
        {
            action_apply(Tn, &a, G, Tk, T1, T2, &E, E1, prec);
            arb_div_si(c, h, k, prec);
            ent_scalar_mul_arb(Tk, Tn, c, &E, prec);
            ent_add(SX, SX, Tk, &E, prec);
            if (I != NULL)
            {
                ent_scalar_div_si(Tn, Tk, k + 1, &E, prec);
                ent_add(SI, SI, Tn, &E, prec);
            }
        }
        /* lemma L7 (b): ||exp(hL) M - SX||_2 <= ||M||_2 tail, ||int_0^h exp(uL) M du - SI||_2 <= |h| ||M||_2 tail */
        acb_mat_bound_frobenius_norm(e, M);
        mag_mul(e, e, tail);
        mag_add(dsum, dsum, e);
        if (I != NULL)
        {
            acb_mat_scalar_mul_arb(SI, SI, h, prec);
            acb_mat_add(I, I, SI, prec);
            mag_addmul(etaI, e, habs);
        }
        acb_mat_swap(M, SX);
    }
    /* lemma L7 (d): ||X(t) - M_s||_2 <= C dsum and ||I(t) - I||_2 <= etaI + |t| C dsum, C >= ||exp(uL)|| on [0, t];
       every entry is at most the Hilbert-Schmidt norm */
    propagator_norm_bound(e, &a, G, t);
    mag_mul(e, e, dsum);
    if (I != NULL)
    {
        arb_get_mag(habs, t);
        mag_addmul(etaI, e, habs);
    }
    /* lemma L7 (f): X(t), I(t) and every computed term lie in the matrices supported on the structural support S, so
       the errors do too: off S the exact entries are 0 and the computed ones exact zeros (checked; else every entry) */
    {
        int on_s = 1;
        for (j = 0; j < n * n && on_s; j++)
            if (!S[j] && (!acb_is_zero(acb_mat_entry(M, j / n, j % n)) || (I != NULL && !acb_is_zero(acb_mat_entry(I, j / n, j % n)))))
                on_s = 0;
        for (j = 0; j < n * n; j++)
            if (S[j] || !on_s)
            {
                acb_add_error_mag(acb_mat_entry(M, j / n, j % n), e);
                if (I != NULL)
                    acb_add_error_mag(acb_mat_entry(I, j / n, j % n), etaI);
            }
    }
    free(S);
    free(E.idx);
    for (k = 0; k < G->nops; k++)
        free(E1[k].idx);
    free(E1);
    acb_mat_set(Xt, M);

    acb_mat_clear(M); acb_mat_clear(Tk); acb_mat_clear(Tn); acb_mat_clear(T1); acb_mat_clear(T2);
    acb_mat_clear(SX); acb_mat_clear(SI);
    arb_clear(h); arb_clear(c);
    mag_clear(th); mag_clear(tail); mag_clear(dsum); mag_clear(etaI); mag_clear(e); mag_clear(habs);
    action_gen_clear(&a);
    return QT_OK;
}
