/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_cycle.c -- cycles of strokes beyond the dense Liouvillian (lemma C1 (b) of proofs/open_systems.md: the strokes'
 * superoperators exponentiated block by block): a ladder Otto engine against the classical rate equation of its
 * populations (an n x n master equation of the thermal channels' rates, exponentiated by Arb; nothing of the
 * superoperator route), the first law, and the refusals. */
#include "qt_test.h"

/* an n-level ladder Otto cycle: stroke 1 H = w_h diag(0, 1, ..., n-1) with the hot bath (beta_h, L = |k-1><k| at
   omega = w_h, rate g_h), stroke 2 H = w_c diag(...) with the cold bath; durations t_h, t_c */
static void
ladder_otto(qt_cycle_t C, slong n, const char *const *w, const char *const *b, const char *const *g,
            const char *const *t)
{
    slong k, i;
    qt_cycle_init(C, n, 2, 2);
    for (k = 0; k < 2; k++)
    {
        fmpq_t h;
        fmpq_init(h);
        qt_test_setq(h, w[k]);
        for (i = 0; i < n; i++)
            fmpq_mul_si(C->stroke[k].H->re + i * n + i, h, i);
        C->stroke[k].bath = k;
        qt_test_setq(C->stroke[k].duration, t[k]);
        qt_open_model_bath_channels(C->M, k, 1);
        C->M->bath[k].has_beta = 1;
        qt_test_setq(C->M->bath[k].beta, b[k]);
        for (i = 1; i < n; i++)
            fmpq_one(C->M->bath[k].ch[0].L->re + (i - 1) * n + i);
        qt_test_setq(C->M->bath[k].ch[0].gamma, g[k]);
        fmpq_set(C->M->bath[k].ch[0].omega, h);
        C->M->bath[k].ch[0].kind = QT_CH_THERMAL;
        fmpq_clear(h);
    }
}

/* the same cycle on the populations alone: W_k the rate matrix of stroke k (down i -> i-1 at g (nbar + 1), up
   i -> i+1 at g nbar, nbar = 1/(e^{beta w} - 1)), P_k = exp(t_k W_k), p the fixed point of P_c P_h with sum 1;
   Q_h = w_h sum_i i (P_h p - p)_i, Q_c = w_c sum_i i (p - P_h p)_i */
static void
ladder_otto_heats(arb_t Qh, arb_t Qc, slong n, const char *const *w, const char *const *b, const char *const *g,
                  const char *const *t, slong prec)
{
    arb_mat_t P[2], M, A, p, q, e;
    arb_t x, nb, wk;
    fmpq_t r;
    slong k, i;
    arb_init(x); arb_init(nb); arb_init(wk);
    fmpq_init(r);
    arb_mat_init(M, n, n); arb_mat_init(A, n, n); arb_mat_init(p, n, 1); arb_mat_init(q, n, 1);
    arb_mat_init(e, n, 1);
    for (k = 0; k < 2; k++)
    {
        arb_mat_init(P[k], n, n);
        qt_test_nbar(nb, b[k], w[k], prec);
        qt_test_setq(r, g[k]);
        arb_set_fmpq(x, r, prec);
        for (i = 0; i < n; i++)
        {
            if (i > 0)
            {
                arb_add_ui(wk, nb, 1, prec);
                arb_mul(wk, wk, x, prec);         /* g (nbar + 1) */
                arb_add(arb_mat_entry(P[k], i - 1, i), arb_mat_entry(P[k], i - 1, i), wk, prec);
                arb_sub(arb_mat_entry(P[k], i, i), arb_mat_entry(P[k], i, i), wk, prec);
            }
            if (i + 1 < n)
            {
                arb_mul(wk, nb, x, prec);         /* g nbar */
                arb_add(arb_mat_entry(P[k], i + 1, i), arb_mat_entry(P[k], i + 1, i), wk, prec);
                arb_sub(arb_mat_entry(P[k], i, i), arb_mat_entry(P[k], i, i), wk, prec);
            }
        }
        qt_test_setq(r, t[k]);
        arb_set_fmpq(x, r, prec);
        arb_mat_scalar_mul_arb(P[k], P[k], x, prec);
        arb_mat_exp(P[k], P[k], prec);
    }
    arb_mat_mul(M, P[1], P[0], prec);
    arb_mat_one(A);
    arb_mat_sub(A, M, A, prec);
    for (i = 0; i < n; i++)
        arb_one(arb_mat_entry(A, 0, i));
    arb_one(arb_mat_entry(e, 0, 0));
    ck_assert(arb_mat_solve(p, A, e, prec));
    arb_mat_mul(q, P[0], p, prec);               /* the end of the hot stroke */
    arb_zero(Qh);
    for (i = 0; i < n; i++)
    {
        arb_sub(x, arb_mat_entry(q, i, 0), arb_mat_entry(p, i, 0), prec);
        arb_addmul_si(Qh, x, i, prec);
    }
    arb_neg(Qc, Qh);
    qt_test_setq(r, w[0]);
    arb_set_fmpq(x, r, prec);
    arb_mul(Qh, Qh, x, prec);
    qt_test_setq(r, w[1]);
    arb_set_fmpq(x, r, prec);
    arb_mul(Qc, Qc, x, prec);
    for (k = 0; k < 2; k++)
        arb_mat_clear(P[k]);
    arb_mat_clear(M); arb_mat_clear(A); arb_mat_clear(p); arb_mat_clear(q); arb_mat_clear(e);
    arb_clear(x); arb_clear(nb); arb_clear(wk);
    fmpq_clear(r);
}

/* lemma C1 (b): ladder Otto cycles of 12, 17, 24 and 32 levels (an engine, and strokes short against the relaxation)
   by the blocks, against ladder_otto_heats: Q_h, Q_c overlap and are narrow, W = -(Q_h + Q_c) (first law) */
START_TEST(ladder_otto_against_populations)
{
    static const char *cases[][8] = {{"1", "1/2", "1/4", "2", "1/3", "1/5", "2", "3"},
                                     {"3/2", "1", "1/2", "3", "1/10", "1/7", "1/3", "1/2"}};
    static const slong ns[4] = {12, 17, 24, 32};
    slong prec = 128, it;
    char why[QT_REASON_LEN];
    for (it = 0; it < 4; it++)
    {
        const char *const *cs = cases[it % 2];
        const char *w[2] = {cs[0], cs[1]}, *b[2] = {cs[2], cs[3]}, *g[2] = {cs[4], cs[5]}, *t[2] = {cs[6], cs[7]};
        slong n = ns[it];
        qt_cycle_t C;
        qt_record_t R;
        arb_t Qh, Qc, s;
        arb_init(Qh); arb_init(Qc); arb_init(s);
        ladder_otto(C, n, w, b, g, t);
        ck_assert_msg(qt_cycle_validate(C, why) == QT_OK, "%s", why);
        qt_traj_record_init(R, 2);
        qt_cycle_evaluate(R, C, prec);
        ck_assert_msg(R->out[0].status == QT_OK, "n = %ld: %s", (long) n, R->out[0].reason);
        ladder_otto_heats(Qh, Qc, n, w, b, g, t, 2 * prec);
        ck_assert_msg(arb_overlaps(&R->out[0].value, Qh) && arb_overlaps(&R->out[1].value, Qc),
                      "n = %ld: the heats miss the populations' rate equation", (long) n);
        ck_assert(qt_test_narrow(&R->out[0].value, 80) && qt_test_narrow(&R->out[1].value, 80));
        arb_add(s, &R->out[0].value, &R->out[1].value, prec);
        arb_add(s, s, &R->out[2].value, prec);
        ck_assert(arb_contains_zero(s));
        ck_assert(mag_cmp_2exp_si(arb_radref(s), -80) < 0);
        qt_record_clear(R);
        qt_cycle_clear(C);
        arb_clear(Qh); arb_clear(Qc); arb_clear(s);
    }
}
END_TEST

/* the refusals of lemma C1 (b), each with no number and a reason: a 17-level cycle whose H couples neighbours (one
   block of 17^2 unknowns, beyond the dense budget), and one whose strokes have no bath (every diagonal state is a fixed
   state: the block holding the trace is singular); 65 levels refused up front */
START_TEST(cycle_blocks_refused)
{
    static const char *w[2] = {"1", "1/2"}, *b[2] = {"1/4", "2"}, *g[2] = {"1/3", "1/5"}, *t[2] = {"2", "3"};
    slong prec = 64, i, k, n = 17;
    char why[QT_REASON_LEN];
    qt_cycle_t C;
    qt_record_t R;
    ladder_otto(C, n, w, b, g, t);
    for (i = 0; i + 1 < n; i++)
    {
        fmpq_set_si(C->stroke[0].H->re + i * n + i + 1, 1, 10);
        fmpq_set_si(C->stroke[0].H->re + (i + 1) * n + i, 1, 10);
    }
    ck_assert_msg(qt_cycle_validate(C, why) == QT_OK, "%s", why);
    qt_traj_record_init(R, 2);
    qt_cycle_evaluate(R, C, prec);
    for (i = 0; i < R->nout; i++)
    {
        ck_assert_int_eq(R->out[i].status, QT_UNCERTIFIED);
        ck_assert(!arb_is_finite(&R->out[i].value));
    }
    ck_assert_msg(strstr(R->out[0].reason, "289 unknowns") != NULL, "%s", R->out[0].reason);
    qt_record_clear(R);
    qt_cycle_clear(C);

    ladder_otto(C, n, w, b, g, t);
    for (k = 0; k < 2; k++)
        C->stroke[k].bath = -1;
    ck_assert_msg(qt_cycle_validate(C, why) == QT_OK, "%s", why);
    qt_traj_record_init(R, 2);
    qt_cycle_evaluate(R, C, prec);
    ck_assert_int_eq(R->out[0].status, QT_UNCERTIFIED);
    ck_assert_msg(strstr(R->out[0].reason, "unique") != NULL, "%s", R->out[0].reason);
    qt_record_clear(R);
    qt_cycle_clear(C);

    qt_cycle_init(C, 65, 1, 1);
    ck_assert_int_eq(qt_cycle_validate(C, why), QT_DOMAIN);
    ck_assert_msg(strstr(why, "1 to 64 levels") != NULL, "%s", why);
    qt_cycle_clear(C);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("cycle");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, ladder_otto_against_populations);
    tcase_add_test(tc, cycle_blocks_refused);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
