/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_selftest.c -- the randomized self-test: random exact parameters for every quantity of the tool (through its own
 * parser, oracle/params.c and the families' files), each evaluated at two working precisions.  The two enclosures
 * must overlap and be the same kind (a domain error is decided exactly, so both or neither; an exact infinity is
 * the same infinity), and the higher-precision one must be narrow in most cases (a check an infinite ball passes
 * checks nothing: the test fails if fewer than 90% of the certified values are narrow).  Between methods and
 * quantities: the qubit closed forms against the general Lindblad route, and the exact identities linking the
 * Landauer quantities (heat currents, the quantum heat corrections, the reduced entropy current at tau = 1).
 * Fixed seeds; QT_TEST_MULTIPLIER scales the count (a few hundred cases by default, 10^4 with 30). */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "qt_test.h"
#include "oracle.h"

#define P1 96
#define P2 192

typedef struct
{
    int n;
    char key[QO_MAX_PARAMS][24];
    char val[QO_MAX_PARAMS][1024];
}
gen_kv;

typedef struct
{
    long values, narrow, domain, uncertified, refused, cases;
}
tally;

static void
put(gen_kv *g, const char *k, const char *fmt, ...)
{
    va_list ap;
    snprintf(g->key[g->n], sizeof g->key[0], "%s", k);
    va_start(ap, fmt);
    vsnprintf(g->val[g->n], sizeof g->val[0], fmt, ap);
    va_end(ap);
    g->n++;
}

/* a random exact rational (a + k/den for k in [0, span*den]) as "p/q" text */
static void
putq(gen_kv *g, const char *k, flint_rand_t st, slong a, slong span, slong den)
{
    slong num = a * den + (slong) n_randint(st, (ulong) (span * den + 1));
    put(g, k, "%ld/%ld", (long) num, (long) den);
}

/* a positive rational in [lo, lo + span] */
static void
putpos(gen_kv *g, const char *k, flint_rand_t st, slong den, slong span)
{
    slong num = 1 + (slong) n_randint(st, (ulong) (span * den));
    put(g, k, "%ld/%ld", (long) num, (long) den);
}

/* a random density matrix A A^* / tr (A A^*) with small integer A (n x n, complex), exact, as matrix JSON */
static void
put_state(gen_kv *g, const char *k, flint_rand_t st, int n, int rank)
{
    fmpz_t ar[16], ai[16];
    fmpq_t re[16], im[16], tr;
    int i, j, l;
    char *p;
    size_t left;
    for (i = 0; i < n * n; i++)
    {
        fmpz_init(ar[i]); fmpz_init(ai[i]);
        fmpq_init(re[i]); fmpq_init(im[i]);
        if (i % n < rank)
        {
            fmpz_set_si(ar[i], (slong) n_randint(st, 5) - 2);
            fmpz_set_si(ai[i], (slong) n_randint(st, 3) - 1);
        }
    }
    fmpz_one(ar[0]);
    fmpq_init(tr);
    /* (A A^*)_{ij} = sum_l A_il conj(A_jl) */
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpz_t x, y;
            fmpz_init(x); fmpz_init(y);
            for (l = 0; l < n; l++)
            {
                fmpz_addmul(x, ar[i * n + l], ar[j * n + l]);
                fmpz_addmul(x, ai[i * n + l], ai[j * n + l]);
                fmpz_addmul(y, ai[i * n + l], ar[j * n + l]);
                fmpz_submul(y, ar[i * n + l], ai[j * n + l]);
            }
            fmpq_set_fmpz(re[i * n + j], x);
            fmpq_set_fmpz(im[i * n + j], y);
            fmpz_clear(x); fmpz_clear(y);
        }
    for (i = 0; i < n; i++)
        fmpq_add(tr, tr, re[i * n + i]);
    snprintf(g->key[g->n], sizeof g->key[0], "%s", k);
    p = g->val[g->n];
    left = sizeof g->val[0];
    l = snprintf(p, left, "{\"dims\":[%d,%d],\"re\":[", n, n);
    p += l; left -= (size_t) l;
    for (i = 0; i < n * n; i++)
    {
        char *s;
        fmpq_div(re[i], re[i], tr);
        s = fmpq_get_str(NULL, 10, re[i]);
        l = snprintf(p, left, "%s\"%s\"", i ? "," : "", s);
        p += l; left -= (size_t) l;
        flint_free(s);
    }
    l = snprintf(p, left, "],\"im\":[");
    p += l; left -= (size_t) l;
    for (i = 0; i < n * n; i++)
    {
        char *s;
        fmpq_div(im[i], im[i], tr);
        s = fmpq_get_str(NULL, 10, im[i]);
        l = snprintf(p, left, "%s\"%s\"", i ? "," : "", s);
        p += l; left -= (size_t) l;
        flint_free(s);
    }
    snprintf(p, left, "]}");
    g->n++;
    for (i = 0; i < n * n; i++)
    {
        fmpz_clear(ar[i]); fmpz_clear(ai[i]);
        fmpq_clear(re[i]); fmpq_clear(im[i]);
    }
    fmpq_clear(tr);
}

/* a random diagonal Hamiltonian with small integer levels (degeneracies on purpose) */
static void
put_diag_h(gen_kv *g, const char *k, flint_rand_t st, int n)
{
    int i, j, l;
    char *p;
    size_t left;
    snprintf(g->key[g->n], sizeof g->key[0], "%s", k);
    p = g->val[g->n];
    left = sizeof g->val[0];
    l = snprintf(p, left, "{\"dims\":[%d,%d],\"re\":[", n, n);
    p += l; left -= (size_t) l;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            l = snprintf(p, left, "%s\"%ld\"", (i || j) ? "," : "", i == j ? (long) n_randint(st, 3) : 0L);
            p += l; left -= (size_t) l;
        }
    snprintf(p, left, "]}");
    g->n++;
}

/* the tool's name=value view of generated parameters */
static void
as_kv(qo_kv *kv, const gen_kv *g)
{
    int i;
    kv->n = g->n;
    for (i = 0; i < g->n; i++)
    {
        kv->key[i] = g->key[i];
        kv->val[i] = g->val[i];
    }
}

/* both enclosures of one output: same kind, overlapping; the second narrow? */
static void
compare(tally *T, const char *what, const char *out, const arb_t a, int sa, const arb_t b, int sb)
{
    if (sa == QT_DOMAIN || sb == QT_DOMAIN)
    {
        ck_assert_msg(sa == sb, "%s %s: a domain error at one precision only (%d, %d)", what, out, sa, sb);
        T->domain++;
        return;
    }
    ck_assert_msg(sa != QT_INTERNAL && sb != QT_INTERNAL, "%s %s: internal error", what, out);
    if (qt_arb_is_exact_inf(a) || qt_arb_is_exact_inf(b))
    {
        ck_assert_msg(qt_arb_is_exact_inf(a) && qt_arb_is_exact_inf(b)
                      && arf_sgn(arb_midref(a)) == arf_sgn(arb_midref(b)), "%s %s: an infinity at one precision only",
                      what, out);
        T->values++;
        T->narrow++;
        return;
    }
    if (arb_is_finite(a) && arb_is_finite(b))
        ck_assert_msg(arb_overlaps(a, b), "%s %s: the enclosures at %d and %d bits are disjoint", what, out, P1, P2);
    T->values++;
    if (sb == QT_OK && qt_test_narrow(b, P2 / 2))
        T->narrow++;
    else
        T->uncertified++;
}

/* one case of quantity name: parsed by the tool, evaluated at P1 and P2; the P2 value of a single-valued quantity
   is returned in keep (if not NULL) */
static void
run_case(tally *T, const char *name, const gen_kv *g, arb_t keep, int *keep_status)
{
    const qo_quantity *q = qo_quantity_find(name);
    qo_kv kv;
    qo_params p;
    char err[1024], what[64];
    ck_assert_msg(q != NULL, "no quantity %s", name);
    as_kv(&kv, g);
    T->cases++;
    qo_params_init(&p);
    if (qo_params_parse(&p, q, &kv, err, sizeof err))
    {
        T->refused++;
        if (getenv("QT_SELFTEST_VERBOSE"))
            fprintf(stderr, "refused %s: %s\n", name, err);
        if (keep_status != NULL)
            *keep_status = QT_DOMAIN;
        qo_params_clear(&p);
        return;
    }
    snprintf(what, sizeof what, "case %ld", T->cases);
    if (!q->record)
    {
        arb_t a, b;
        char r1[QT_REASON_LEN], r2[QT_REASON_LEN];
        int sa, sb;
        arb_init(a); arb_init(b);
        sa = q->family->value(a, q, p.fp, P1, r1);
        sb = q->family->value(b, q, p.fp, P2, r2);
        compare(T, what, name, a, sa, b, sb);
        if (keep != NULL)
        {
            arb_set(keep, b);
            *keep_status = sb;
        }
        arb_clear(a); arb_clear(b);
    }
    else
    {
        qt_record_t A, B;
        slong o;
        qt_record_init(A);
        qt_record_init(B);
        q->family->record(A, q, p.fp, P1);
        q->family->record(B, q, p.fp, P2);
        ck_assert_int_eq(A->nout, B->nout);
        for (o = 0; o < A->nout; o++)
            compare(T, what, A->name[o], &A->out[o].value, A->out[o].status, &B->out[o].value, B->out[o].status);
        qt_record_clear(A);
        qt_record_clear(B);
    }
    qo_params_clear(&p);
}

static void
check_tally(const tally *T, const char *family)
{
    fprintf(stderr, "selftest %-14s %5ld cases (%ld refused as invalid), %6ld values, %5.1f%% narrow at %d bits, "
            "%ld domain errors\n", family, T->cases, T->refused, T->values,
            T->values ? 100.0 * (double) T->narrow / (double) T->values : 0.0, P2, T->domain);
    ck_assert_msg(T->values > 0, "%s: no value was computed", family);
    ck_assert_msg(10 * T->narrow >= 9 * T->values, "%s: only %ld of %ld values narrow", family, T->narrow, T->values);
    ck_assert_msg(4 * T->refused <= T->cases, "%s: the generator made %ld invalid cases of %ld", family, T->refused,
                  T->cases);
}

/* ---- Landauer: every quantity of one random junction, and the identities between them ---- */
static const char *const lq[] = {"landauer.particle_current", "landauer.energy_current", "landauer.heat_current_R",
    "landauer.heat_current_L", "landauer.entropy_current", "landauer.heat_correction_R", "landauer.heat_correction_L",
    "landauer.entropy_production", "landauer.reduced_entropy_current_R", "landauer.level_entropy"};
enum { IN, IE, QR, QL, IS, CR, CL, EP, RED, LEV, NLQ };

static void
identity(const arb_t lhs, const arb_t rhs, const char *what)
{
    ck_assert_msg(qt_overlaps(lhs, rhs), "identity %s fails", what);
}

START_TEST(test_selftest_landauer)
{
    flint_rand_t st;
    tally T = {0, 0, 0, 0, 0, 0};
    int it, k;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(24); it++)
    {
        gen_kv g = {0};
        arb_t v[NLQ], t, mu;
        int s[NLQ], model = it % 3, boson = (it % 5 == 4);
        fmpq_t TL, TR, muL, muR;
        put(&g, "stats", boson ? "boson" : "fermion");
        put(&g, "model", model == 0 ? "ideal" : model == 1 ? "lorentzian" : "box");
        if (model != 1)
            put(&g, "tau", it % 4 == 0 ? "1" : "%ld/8", (long) (1 + n_randint(st, 8)));
        if (model == 1)
        {
            putq(&g, "eps0", st, -2, 4, 8);
            putpos(&g, "gamma_L", st, 8, 2);
            putpos(&g, "gamma_R", st, 8, 2);
        }
        if (model == 2)
        {
            slong lo = (slong) n_randint(st, 24) - 12;
            put(&g, "E_lo", "%ld/4", (long) lo);
            put(&g, "E_hi", "%ld/4", (long) (lo + 1 + (slong) n_randint(st, 12)));
        }
        if (boson)
        {
            put(&g, "mu_L", "0");           /* photons, phonons: mu = 0 */
            put(&g, "mu_R", "0");
        }
        else
        {
            putq(&g, "mu_L", st, -2, 4, 4);
            putq(&g, "mu_R", st, -2, 4, 4);
        }
        /* temperatures from 1/16 to 4, either way round */
        putpos(&g, "T_L", st, 16, 4);
        putpos(&g, "T_R", st, 16, 4);
        for (k = 0; k < NLQ; k++)
        {
            arb_init(v[k]);
            s[k] = QT_DOMAIN;
            if (k != LEV || (model == 1 && !boson))     /* the level entropy: a Lorentzian fermion level only */
                run_case(&T, lq[k], &g, v[k], s + k);
        }
        /* the identities, where all their terms are certified */
        fmpq_init(TL); fmpq_init(TR); fmpq_init(muL); fmpq_init(muR);
        arb_init(t); arb_init(mu);
        for (k = 0; k < g.n; k++)
        {
            if (!strcmp(g.key[k], "T_L")) qt_exact_parse(TL, g.val[k], NULL, 0);
            if (!strcmp(g.key[k], "T_R")) qt_exact_parse(TR, g.val[k], NULL, 0);
            if (!strcmp(g.key[k], "mu_L")) qt_exact_parse(muL, g.val[k], NULL, 0);
            if (!strcmp(g.key[k], "mu_R")) qt_exact_parse(muR, g.val[k], NULL, 0);
        }
        if (s[IN] == QT_OK && s[QR] == QT_OK && s[QL] == QT_OK)
        {
            /* I_E - mu_L I_N - (I_E - mu_R I_N) = (mu_R - mu_L) I_N */
            fmpq_sub(muR, muR, muL);
            arb_set_fmpq(mu, muR, P2);
            arb_mul(t, mu, v[IN], P2);
            arb_sub(mu, v[QL], v[QR], P2);
            identity(mu, t, "Q_L - Q_R = (mu_R - mu_L) I_N");
        }
        if (s[QR] == QT_OK && s[IS] == QT_OK && s[CR] == QT_OK)
        {
            /* Q^R = I_Q^R - T_R I_S (lemma: docs/physics/landauer.md 3.3) */
            arb_set_fmpq(mu, TR, P2);
            arb_mul(t, mu, v[IS], P2);
            arb_sub(t, v[QR], t, P2);
            identity(v[CR], t, "Q^R = I_Q^R - T_R I_S");
        }
        if (s[QL] == QT_OK && s[IS] == QT_OK && s[CL] == QT_OK)
        {
            arb_set_fmpq(mu, TL, P2);
            arb_mul(t, mu, v[IS], P2);
            arb_sub(t, t, v[QL], P2);
            identity(v[CL], t, "Q^L = -I_Q^L + T_L I_S");
        }
        if (s[CR] == QT_OK && s[CL] == QT_OK && s[EP] == QT_OK)
        {
            arb_set_fmpq(mu, TR, P2);
            arb_div(t, v[CR], mu, P2);
            arb_set_fmpq(mu, TL, P2);
            arb_div(mu, v[CL], mu, P2);
            arb_add(t, t, mu, P2);
            identity(v[EP], t, "Sigma = Q^R/T_R + Q^L/T_L");
            ck_assert_msg(!arb_is_negative(v[EP]), "entropy production < 0");
        }
        if (model != 1 && it % 4 == 0 && s[RED] == QT_OK && s[IS] == QT_OK)
            identity(v[RED], v[IS], "I_S^red = I_S at tau = 1");
        for (k = 0; k < NLQ; k++)
            arb_clear(v[k]);
        arb_clear(t); arb_clear(mu);
        fmpq_clear(TL); fmpq_clear(TR); fmpq_clear(muL); fmpq_clear(muR);
    }
    check_tally(&T, "landauer");
    flint_randclear(st);
}
END_TEST

START_TEST(test_selftest_driven_level_and_states)
{
    flint_rand_t st;
    tally T = {0, 0, 0, 0, 0, 0}, S = {0, 0, 0, 0, 0, 0};
    static const char *const dq[] = {"driven_level.quasistatic_heat", "driven_level.dissipated_power",
                                     "driven_level.entropy"};
    static const char *const sq[] = {"state.von_neumann_entropy", "state.purity", "state.energy",
                                     "state.energy_entropy", "state.coherence", "state.relative_entropy"};
    int it, k;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(20); it++)
    {
        gen_kv g = {0};
        putq(&g, "eps0", st, -3, 6, 8);
        putpos(&g, "width", st, 16, 2);
        putq(&g, "mu", st, -1, 2, 4);
        putpos(&g, "T", st, 16, 3);
        for (k = 0; k < 3; k++)
            run_case(&T, dq[k], &g, NULL, NULL);
    }
    for (it = 0; it < qt_test_iters(16); it++)
    {
        /* each quantity takes exactly its own matrices: rho; rho, H (energy, coherence, energy entropy with its
           definition); rho, sigma (relative entropy, sigma of full or lower rank) */
        gen_kv g = {0}, gh, gs;
        int n = 2 + it % 3, rank = 1 + (int) n_randint(st, (ulong) n);
        put_state(&g, "rho", st, n, rank);
        gh = g;
        gs = g;
        put_diag_h(&gh, "H", st, n);
        put_state(&gs, "sigma", st, n, it % 3 ? n : 1 + (int) n_randint(st, (ulong) n));
        for (k = 0; k < 6; k++)
        {
            if (k <= 1)
                run_case(&S, sq[k], &g, NULL, NULL);
            else if (k == 3)
            {
                gen_kv ge = gh;
                put(&ge, "definition", it % 2 ? "outcome" : "dephased");
                run_case(&S, sq[k], &ge, NULL, NULL);
            }
            else if (k == 5)
                run_case(&S, sq[k], &gs, NULL, NULL);
            else
                run_case(&S, sq[k], &gh, NULL, NULL);
        }
    }
    check_tally(&T, "driven_level");
    check_tally(&S, "state");
    flint_randclear(st);
}
END_TEST

/* ---- open systems: the qubit closed forms, the ramp, the exact models, small general models and cycles ---- */
START_TEST(test_selftest_open_systems)
{
    flint_rand_t st;
    tally T = {0, 0, 0, 0, 0, 0};
    int it;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(12); it++)
    {
        gen_kv g = {0}, h = {0};
        int x = (int) n_randint(st, 5) - 2, y = (int) n_randint(st, 3) - 1, z = (int) n_randint(st, 5) - 2;
        /* qubit_davies: closed forms; and the same model through the general Lindblad route must agree */
        putpos(&g, "omega", st, 4, 2);
        putpos(&g, "beta", st, 4, 3);
        putpos(&g, "gamma", st, 10, 1);
        put(&g, "gamma_phi", "%ld/20", (long) n_randint(st, 3));
        put(&g, "x0", "%d/4", x);
        put(&g, "y0", "%d/4", y);
        put(&g, "z0", "%d/4", z);
        put(&g, "t", it % 4 == 0 ? "0" : "%ld/2", (long) (1 + n_randint(st, 6)));
        run_case(&T, "qubit_davies.trajectory", &g, NULL, NULL);
        {
            /* the general route: H = omega sigma_z / 2, L = sigma_- (thermal), sigma_z at rate gamma_phi/2 */
            const char *om = g.val[0], *be = g.val[1], *ga = g.val[2], *gp = g.val[3];
            fmpq_t w, r;
            char *ws;
            fmpq_init(w); fmpq_init(r);
            qt_exact_parse(w, om, NULL, 0);
            fmpq_div_2exp(w, w, 1);
            ws = fmpq_get_str(NULL, 10, w);
            put(&h, "H", "{\"dims\":[2,2],\"re\":[\"%s\",\"0\",\"0\",\"-%s\"]}", ws, ws);
            put(&h, "rho0", "{\"dims\":[2,2],\"re\":[\"%d/8\",\"%d/8\",\"%d/8\",\"%d/8\"],\"im\":[\"0\",\"%d/8\",\"%d/8\","
                "\"0\"]}", 4 + z, x, x, 4 - z, -y, y);
            qt_exact_parse(r, gp, NULL, 0);
            fmpq_div_2exp(r, r, 1);
            flint_free(ws);
            ws = fmpq_get_str(NULL, 10, r);
            put(&h, "baths", "[{\"beta\":\"%s\",\"channels\":[{\"L\":{\"dims\":[2,2],\"re\":[\"0\",\"0\",\"1\",\"0\"]},"
                "\"gamma\":\"%s\",\"omega\":\"%s\",\"kind\":\"thermal\"},{\"L\":{\"dims\":[2,2],\"re\":[\"1\",\"0\",\"0\","
                "\"-1\"]},\"gamma\":\"%s\",\"kind\":\"plain\"}]}]", be, ga, om, ws);
            put(&h, "t", "%s", g.val[7]);
            flint_free(ws);
            fmpq_clear(w); fmpq_clear(r);
            {
                const qo_quantity *qa = qo_quantity_find("qubit_davies.trajectory");
                const qo_quantity *qb = qo_quantity_find("lindblad.trajectory");
                qo_kv ka, kb;
                qo_params pa, pb;
                char err[1024];
                as_kv(&ka, &g);
                as_kv(&kb, &h);
                qo_params_init(&pa); qo_params_init(&pb);
                if (qo_params_parse(&pa, qa, &ka, err, sizeof err) == 0)
                {
                    qt_record_t A, B;
                    slong o, m;
                    ck_assert_msg(qo_params_parse(&pb, qb, &kb, err, sizeof err) == 0, "%s", err);
                    qt_record_init(A); qt_record_init(B);
                    qa->family->record(A, qa, pa.fp, P2);
                    qb->family->record(B, qb, pb.fp, P2);
                    for (o = 0; o < A->nout; o++)
                        for (m = 0; m < B->nout; m++)
                            if (strcmp(A->name[o], B->name[m]) == 0 && A->out[o].status == QT_OK
                                && B->out[m].status == QT_OK && arb_is_finite(&A->out[o].value)
                                && arb_is_finite(&B->out[m].value))
                                ck_assert_msg(qt_overlaps(&A->out[o].value, &B->out[m].value),
                                              "qubit_davies vs lindblad: %s disagrees", A->name[o]);
                    qt_record_clear(A); qt_record_clear(B);
                }
                qo_params_clear(&pa); qo_params_clear(&pb);
            }
        }
        run_case(&T, "lindblad.trajectory", &h, NULL, NULL);
    }
    for (it = 0; it < qt_test_iters(8); it++)
    {
        gen_kv g = {0}, f = {0}, d = {0};
        int x = (int) n_randint(st, 3) - 1, z = (int) n_randint(st, 3) - 1;
        /* a ramp with omega(t) > 0 on [0, t] */
        putpos(&g, "omega0", st, 4, 2);
        put(&g, "omega1", "%ld/8", (long) n_randint(st, 4));
        putpos(&g, "beta", st, 4, 2);
        putpos(&g, "gamma", st, 10, 1);
        put(&g, "gamma_phi", "%ld/20", (long) n_randint(st, 2));
        put(&g, "x0", "%d/2", x);
        put(&g, "y0", "0");
        put(&g, "z0", "%d/2", z);
        put(&g, "t", "%ld/2", (long) (1 + n_randint(st, 4)));
        run_case(&T, "qubit_ramp.trajectory", &g, NULL, NULL);
        /* Fano-Anderson */
        putpos(&f, "gamma0", st, 4, 2);
        putpos(&f, "lambda", st, 4, 2);
        putpos(&f, "omega0", st, 4, 2);
        put(&f, "p1", "%ld/4", (long) (1 + n_randint(st, 4)));
        put(&f, "t", "%ld/4", (long) n_randint(st, 8));
        run_case(&T, "fano_anderson.trajectory", &f, NULL, NULL);
        /* a damped mode of small mean occupation */
        putpos(&d, "omega", st, 2, 2);
        put(&d, "beta", "%ld/2", (long) (2 + n_randint(st, 4)));
        putpos(&d, "kappa", st, 4, 1);
        put(&d, "alpha_re", "%ld/2", (long) n_randint(st, 4));
        put(&d, "alpha_im", "%ld/4", (long) n_randint(st, 3));
        put(&d, "t", "%ld/4", (long) (1 + n_randint(st, 6)));
        run_case(&T, "damped_mode.trajectory", &d, NULL, NULL);
    }
    for (it = 0; it < qt_test_iters(4); it++)
    {
        /* a two-stroke cycle of a qubit between two baths (Otto-like) */
        gen_kv c = {0};
        long w1 = 1 + (long) n_randint(st, 3), w2 = w1 + 1 + (long) n_randint(st, 2);
        put(&c, "baths", "[{\"beta\":\"%ld/4\",\"channels\":[{\"L\":{\"dims\":[2,2],\"re\":[\"0\",\"0\",\"1\",\"0\"]},"
            "\"gamma\":\"1/2\",\"omega\":\"%ld\",\"kind\":\"thermal\"}]},{\"beta\":\"%ld\",\"channels\":[{\"L\":{\"dims\":"
            "[2,2],\"re\":[\"0\",\"0\",\"1\",\"0\"]},\"gamma\":\"1/2\",\"omega\":\"%ld\",\"kind\":\"thermal\"}]}]",
            (long) (1 + n_randint(st, 2)), w2, (long) (1 + n_randint(st, 3)), w1);
        put(&c, "strokes", "[{\"H\":{\"dims\":[2,2],\"re\":[\"%ld/2\",\"0\",\"0\",\"-%ld/2\"]},\"bath\":1,\"duration\":\"%ld\"},"
            "{\"H\":{\"dims\":[2,2],\"re\":[\"%ld/2\",\"0\",\"0\",\"-%ld/2\"]},\"bath\":2,\"duration\":\"%ld\"}]",
            w2, w2, (long) (1 + n_randint(st, 3)), w1, w1, (long) (1 + n_randint(st, 3)));
        run_case(&T, "lindblad.cycle", &c, NULL, NULL);
    }
    check_tally(&T, "open systems");
    flint_randclear(st);
}
END_TEST

/* ---- pumping: one qubit at random fields and temperatures, and a few two-qubit models ---- */
START_TEST(test_selftest_pumping)
{
    flint_rand_t st;
    tally T = {0, 0, 0, 0, 0, 0};
    static const char *const pq[] = {"pump.steady_state", "pump.lambda", "pump.curvature", "pump.friction"};
    int it, k;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(10); it++)
    {
        gen_kv g = {0};
        int two = (it % 5 == 4);
        if (two)
        {
            put(&g, "n_qubits", "2");
            put(&g, "J", "%ld/2", (long) (1 + n_randint(st, 4)));
            put(&g, "b", it % 2 ? "1/2" : "2");   /* b = 1 leaves the singlet dark (undefined) */
        }
        putpos(&g, "gamma_L", st, 4, 2);
        putpos(&g, "gamma_R", st, 4, 2);
        putpos(&g, "T", st, 4, 2);
        if (it % 3 == 1 && !two)
            putpos(&g, "T_R", st, 4, 2);
        if (it % 2)
            put(&g, "convention", "spin");
        putq(&g, "Bx", st, 0, 2, 8);
        putpos(&g, "Bz", st, 8, 2);
        for (k = 0; k < 4; k++)
            run_case(&T, pq[k], &g, NULL, NULL);
        if (!two)
        {
            gen_kv h = {0};
            int j;
            for (j = 0; j < g.n; j++)
                if (strcmp(g.key[j], "Bx") && strcmp(g.key[j], "Bz") && strcmp(g.key[j], "T_R"))
                    put(&h, g.key[j], "%s", g.val[j]);
            put(&h, "protocol", "circle");
            put(&h, "center_x", "%ld/4", (long) n_randint(st, 4));
            put(&h, "center_z", "%ld/4", (long) (4 + n_randint(st, 4)));
            put(&h, "radius", "%ld/8", (long) (1 + n_randint(st, 6)));
            run_case(&T, "pump.heat_per_cycle", &h, NULL, NULL);
        }
    }
    check_tally(&T, "pumping");
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("selftest");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 1200);
    tcase_add_test(tc, test_selftest_landauer);
    tcase_add_test(tc, test_selftest_driven_level_and_states);
    tcase_add_test(tc, test_selftest_open_systems);
    tcase_add_test(tc, test_selftest_pumping);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
