/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_baths.c -- pumping: more than two baths (lemma P27), independent qubits (coupling=local, P16) against the global Davies generator, against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

/* C = A (x) B for 2 x 2 factors */
static void
kron2(acb_mat_t C, const acb_mat_t A, const acb_mat_t B, slong prec)
{
    slong i, j, k, l;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            for (k = 0; k < 2; k++)
                for (l = 0; l < 2; l++)
                    acb_mul(acb_mat_entry(C, 2 * i + k, 2 * j + l), acb_mat_entry(A, i, j), acb_mat_entry(B, k, l), prec);
}

START_TEST(product_route_vs_global_davies)
{
    /* lemma P16: two non-interacting qubits with local baths (coupling=local, J = 0).  Reference: the global
       Davies generator built from its definition, A_a(w) = sum_{E' - E = w} Pi_E A_a Pi_E' over the global
       eigenprojectors Pi_{2sB} = Pe Pe, Pi_0 = Pe Pg + Pg Pe, Pi_{-2sB} = Pg Pg (the degenerate Bohr frequency 2sB
       of the transitions ee -> eg/ge and eg/ge -> gg grouped, as the secular approximation demands), the 16 x 16
       superoperator and a certified Drazin solve; Lambda_{a,k} = -tr(H D_a L^+ d_k rho0) and zeta_kl =
       tr(d_k H L^+ d_l rho0) against the product route (sum of one-qubit values). */
    flint_rand_t st;
    int it;
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_t bx, bz, B, s, f, df, t, T, g, w, r, one;
        acb_mat_t sx, sz, id, u, Pe, Pg, Pi[3], H, A, M, Y, X, Xk, D, S16, tmp, tmp2, rho1, drho1[2], dH[2];
        qt_lindblad_t G;
        acb_ptr Lam = _acb_vec_init(4), Lr = _acb_vec_init(4), Zr = _acb_vec_init(4);
        arb_ptr Z = _arb_vec_init(4);
        char why[QT_REASON_LEN];
        slong a, j, k, l, m1, m2, i;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_LOCAL;
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 12), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 12), 4);
        fmpq_set_si(P->T, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->b, 1 + (slong) n_randint(st, 8), 4);
        fmpq_init(x); fmpq_init(z);
        fmpq_set_si(x, (slong) n_randint(st, 25) - 12, 8);
        fmpq_set_si(z, 1 + (slong) n_randint(st, 12), 8);
        acb_init(bx); acb_init(bz); acb_init(B); acb_init(s); acb_init(f); acb_init(df); acb_init(t); acb_init(T);
        acb_init(g); acb_init(w); acb_init(r); acb_init(one);
        acb_mat_init(sx, 2, 2); acb_mat_init(sz, 2, 2); acb_mat_init(id, 2, 2); acb_mat_init(u, 2, 2);
        acb_mat_init(Pe, 2, 2); acb_mat_init(Pg, 2, 2); acb_mat_init(rho1, 2, 2);
        acb_mat_init(drho1[0], 2, 2); acb_mat_init(drho1[1], 2, 2);
        for (i = 0; i < 3; i++)
            acb_mat_init(Pi[i], 4, 4);
        acb_mat_init(H, 4, 4); acb_mat_init(A, 4, 4); acb_mat_init(M, 4, 4); acb_mat_init(Y, 4, 8); acb_mat_init(X, 4, 8);
        acb_mat_init(Xk, 4, 4); acb_mat_init(D, 4, 4); acb_mat_init(S16, 16, 16); acb_mat_init(tmp, 4, 4); acb_mat_init(tmp2, 4, 4);
        acb_mat_init(dH[0], 4, 4); acb_mat_init(dH[1], 4, 4);
        qt_lindblad_init(G, 4);
        acb_one(one);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        acb_set_fmpq(T, P->T, prec);
        if (P->convention == QT_PUMP_SPIN) acb_set_d(s, 0.5); else acb_one(s);
        acb_mat_one(id);
        acb_one(acb_mat_entry(sx, 0, 1)); acb_one(acb_mat_entry(sx, 1, 0));
        acb_one(acb_mat_entry(sz, 0, 0)); acb_neg(acb_mat_entry(sz, 1, 1), one);
        acb_mul(B, bx, bx, prec);
        acb_addmul(B, bz, bz, prec);
        acb_sqrt(B, B, prec);
        /* u = (B_x sx + B_z sz)/B, Pe = (1 + u)/2, Pg = (1 - u)/2, rho1 = (1 - f u)/2, f = tanh(sB/T) */
        acb_mat_scalar_mul_acb(u, sx, bx, prec);
        acb_mat_scalar_mul_acb(tmp, sz, bz, prec);    /* tmp is 4 x 4: use its 2 x 2 corner via a helper copy */
        acb_mat_clear(tmp);
        acb_mat_init(tmp, 2, 2);
        acb_mat_scalar_mul_acb(tmp, sz, bz, prec);
        acb_mat_add(u, u, tmp, prec);
        acb_mat_scalar_div_acb(u, u, B, prec);
        acb_mat_add(Pe, id, u, prec); acb_mat_scalar_mul_2exp_si(Pe, Pe, -1);
        acb_mat_sub(Pg, id, u, prec); acb_mat_scalar_mul_2exp_si(Pg, Pg, -1);
        acb_mul(t, s, B, prec); acb_div(t, t, T, prec); acb_tanh(f, t, prec);
        acb_mat_scalar_mul_acb(rho1, u, f, prec);
        acb_mat_sub(rho1, id, rho1, prec); acb_mat_scalar_mul_2exp_si(rho1, rho1, -1);
        for (k = 0; k < 2; k++)
        {
            /* d_k rho1 = -(1/2)(d_k f u + f d_k u), d_k f = (s/T)(1 - f^2) lambda_k/B, d_k u = sigma_k/B - u lambda_k/B^2 */
            const acb_struct *lk = k == 0 ? bx : bz;
            acb_mul(df, f, f, prec); acb_sub(df, one, df, prec); acb_mul(df, df, s, prec);
            acb_div(df, df, T, prec); acb_mul(df, df, lk, prec); acb_div(df, df, B, prec);
            acb_mat_scalar_div_acb(tmp, k == 0 ? sx : sz, B, prec);
            acb_mul(t, lk, one, prec); acb_div(t, t, B, prec); acb_div(t, t, B, prec);
            acb_mat_scalar_mul_acb(drho1[k], u, t, prec);
            acb_mat_sub(tmp, tmp, drho1[k], prec);
            acb_mat_scalar_mul_acb(tmp, tmp, f, prec);
            acb_mat_scalar_mul_acb(drho1[k], u, df, prec);
            acb_mat_add(drho1[k], drho1[k], tmp, prec);
            acb_mat_scalar_mul_2exp_si(drho1[k], drho1[k], -1);
            acb_mat_neg(drho1[k], drho1[k]);
        }
        acb_mat_clear(tmp);
        acb_mat_init(tmp, 4, 4);
        /* global projectors (levels 2sB, 0, -2sB) and H, d_k H */
        kron2(Pi[0], Pe, Pe, prec);
        kron2(Pi[1], Pe, Pg, prec); kron2(tmp, Pg, Pe, prec); acb_mat_add(Pi[1], Pi[1], tmp, prec);
        kron2(Pi[2], Pg, Pg, prec);
        for (k = 0; k < 2; k++)
        {
            kron2(dH[k], k == 0 ? sx : sz, id, prec);
            kron2(tmp, id, k == 0 ? sx : sz, prec);
            acb_mat_add(dH[k], dH[k], tmp, prec);
            acb_mat_scalar_mul_acb(dH[k], dH[k], s, prec);
        }
        acb_mat_scalar_mul_acb(H, dH[0], bx, prec);
        acb_mat_scalar_mul_acb(tmp, dH[1], bz, prec);
        acb_mat_add(H, H, tmp, prec);
        qt_lindblad_set_hamiltonian(G, H);
        /* dissipators: per bath a, copy j, Bohr frequency w = (m2 - m1) 2sB grouped over (E, E') pairs */
        for (a = 0; a < 2; a++)
            for (j = 0; j < 2; j++)
            {
                acb_mat_t Aw, At;
                slong dm;
                acb_mat_init(Aw, 4, 4); acb_mat_init(At, 4, 4);
                if (j == 0) kron2(A, a == 0 ? sx : sz, id, prec);
                else
                {
                    kron2(A, id, a == 0 ? sx : sz, prec);
                    acb_set_fmpq(t, P->b, prec);
                    acb_mat_scalar_mul_acb(A, A, t, prec);
                }
                acb_set_fmpq(g, a == 0 ? P->gamma_L : P->gamma_R, prec);
                for (dm = -2; dm <= 2; dm++)
                {
                    /* w = E' - E with E = (1 - m1) 2sB, E' = (1 - m2) 2sB: w = (m1 - m2) 2sB = dm 2sB */
                    acb_mat_zero(Aw);
                    for (m1 = 0; m1 < 3; m1++)
                        for (m2 = 0; m2 < 3; m2++)
                            if (m1 - m2 == dm)
                            {
                                acb_mat_mul(M, Pi[m1], A, prec);
                                acb_mat_mul(M, M, Pi[m2], prec);
                                acb_mat_add(Aw, Aw, M, prec);
                            }
                    acb_mul_si(w, s, 2 * dm, prec);
                    acb_mul(w, w, B, prec);
                    if (dm == 0)
                        acb_mul(r, g, T, prec);
                    else
                    {
                        acb_div(t, w, T, prec); acb_neg(t, t); acb_expm1(t, t, prec);
                        acb_div(r, w, t, prec); acb_neg(r, r); acb_mul(r, r, g, prec);
                    }
                    acb_mat_transpose(At, Aw);
                    qt_lindblad_add_with_adjoint(G, Aw, At, r, a, prec);
                }
                acb_mat_clear(Aw); acb_mat_clear(At);
            }
        /* d_k rho0 = d rho1 (x) rho1 + rho1 (x) d rho1, stacked as Y = [Y_x | Y_z] */
        for (k = 0; k < 2; k++)
        {
            kron2(M, drho1[k], rho1, prec);
            kron2(tmp, rho1, drho1[k], prec);
            acb_mat_add(M, M, tmp, prec);
            for (i = 0; i < 4; i++)
                for (l = 0; l < 4; l++)
                    acb_set(acb_mat_entry(Y, i, 4 * k + l), acb_mat_entry(M, i, l));
        }
        qt_lindblad_superop(S16, G, prec);
        ck_assert_int_eq(qt_lindblad_drazin_solve(X, S16, Y, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_lambda_acb(Lam, P, bx, bz, 0, prec, why), QT_OK);
        ck_assert_int_eq(qt_pump_friction(Z, P, x, z, prec, why), QT_OK);
        drazin_lambda_zeta(Lr, Zr, G, H, dH[0], dH[1], X, prec);
        for (k = 0; k < 4; k++)
            ck_assert(acb_overlaps(Lr + k, Lam + k) && qt_overlaps(acb_realref(Zr + k), Z + k));
        qt_lindblad_clear(G);
        acb_clear(bx); acb_clear(bz); acb_clear(B); acb_clear(s); acb_clear(f); acb_clear(df); acb_clear(t); acb_clear(T);
        acb_clear(g); acb_clear(w); acb_clear(r); acb_clear(one);
        acb_mat_clear(sx); acb_mat_clear(sz); acb_mat_clear(id); acb_mat_clear(u); acb_mat_clear(Pe); acb_mat_clear(Pg);
        acb_mat_clear(rho1); acb_mat_clear(drho1[0]); acb_mat_clear(drho1[1]);
        for (i = 0; i < 3; i++)
            acb_mat_clear(Pi[i]);
        acb_mat_clear(H); acb_mat_clear(A); acb_mat_clear(M); acb_mat_clear(Y); acb_mat_clear(X); acb_mat_clear(Xk);
        acb_mat_clear(D); acb_mat_clear(S16); acb_mat_clear(tmp); acb_mat_clear(tmp2); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
        fmpq_clear(x); fmpq_clear(z);
        _acb_vec_clear(Lam, 4); _acb_vec_clear(Lr, 4); _acb_vec_clear(Zr, 4);
        _arb_vec_clear(Z, 4);
        qt_pump_params_clear(P);
    }
    flint_randclear(st);
}
END_TEST

START_TEST(non_interacting_qubits)
{
    /* docs/physics/pumping.md §3: N_q non-interacting qubits (coupling=local) pump N_q times the single-qubit heat; the quadrant
       gives -N_q T ln 2 (the bound N_q T ln 2, saturated); sum rule; with b = 1, tau W_diss scales by N_q and the
       thermodynamic length by sqrt(N_q); refusals (J != 0 with local baths) */
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q1 = _arb_vec_init(2), QN = _arb_vec_init(2);
    arb_t W1, L1, WN, LN, t;
    char why[QT_REASON_LEN];
    slong N;
    arb_init(W1); arb_init(L1); arb_init(WN); arb_init(LN); arb_init(t);
    qt_pump_params_init(P);
    set_params(P, "1", "5/2", "3/4", QT_PUMP_PAULI);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_POLYGON;
    qt_protocol_set_polygon_size(C, 3);
    qt_test_setq(C->vx + 0, "1/2"); qt_test_setq(C->vz + 0, "1/4");
    qt_test_setq(C->vx + 1, "2"); qt_test_setq(C->vz + 1, "1/2");
    qt_test_setq(C->vx + 2, "1"); qt_test_setq(C->vz + 2, "3/2");
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q1, P, C, 96, why), QT_OK);
    ck_assert_int_eq(qt_pump_dissipation_per_cycle(W1, L1, P, C, 96, why), QT_OK);
    P->coupling = QT_PUMP_COUPLING_LOCAL;
    for (N = 2; N <= 3; N++)
    {
        P->n_qubits = N;
        ck_assert_int_eq(qt_pump_heat_per_cycle(QN, P, C, 96, why), QT_OK);
        arb_mul_si(t, Q1 + 0, N, 96);
        ck_assert(qt_overlaps(t, QN + 0));
        arb_add(t, QN + 0, QN + 1, 96);
        ck_assert(arb_contains_zero(t));
        ck_assert_int_eq(qt_pump_dissipation_per_cycle(WN, LN, P, C, 96, why), QT_OK);
        arb_mul_si(t, W1, N, 96);
        ck_assert(qt_overlaps(t, WN));
        arb_sqr(t, L1, 96);
        arb_mul_si(t, t, N, 96);
        arb_sqr(LN, LN, 96);
        ck_assert(qt_overlaps(t, LN));
    }
    /* the quadrant with b = 3 (rates of qubit 2 scaled by 9: the one-qubit heat depends only on their ratio) */
    qt_test_setq(P->b, "3");
    C->kind = QT_PROTOCOL_QUADRANT;
    for (N = 2; N <= 3; N++)
    {
        P->n_qubits = N;
        ck_assert_int_eq(qt_pump_heat_per_cycle(QN, P, C, 96, why), QT_OK);
        arb_const_log2(t, 96);
        arb_mul_si(t, t, -N, 96);
        arb_mul_2exp_si(t, t, -2);
        arb_mul_si(t, t, 3, 96);                         /* -N T ln 2, T = 3/4 */
        ck_assert(arb_contains(QN + 0, t) || qt_overlaps(QN + 0, t));
        ck_assert(arb_rel_accuracy_bits(QN + 0) > 20);
    }
    fmpq_one(P->J);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "coupling=local") != NULL);
    fmpq_zero(P->J);
    fmpq_zero(P->b);
    ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
    ck_assert(strstr(why, "b:") != NULL);
    qt_protocol_clear(C);
    qt_pump_params_clear(P);
    _arb_vec_clear(Q1, 2); _arb_vec_clear(QN, 2);
    arb_clear(W1); arb_clear(L1); arb_clear(WN); arb_clear(LN); arb_clear(t);
}
END_TEST

/* lemma P27: baths 3 and 4 through exact coupling matrices, in five tests: (i) splitting, (ii) routes, (iii) equal
   temperatures, (iv) the exchange symmetry, (v) one qubit in closed form */
START_TEST(extra_baths_splitting)
{
    /* lemma P27, (i) splitting: bath 3 a copy of bath L (A_3 = A_L, T_3 = T) at rate g3 beside L at rate g1 gives
       Lambda_L + Lambda_3 = Lambda_L of the two-bath model with rate g1 + g3, g1 Lambda_3 = g3 Lambda_L and Lambda_R
       unchanged, at any T_R (two Heisenberg qubits: the two-bath value by the closed route P13, the other by the
       eigen route P9) */
    slong prec = 128, it, agree = 0;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    fmpq_t x, z, g1, g3;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z); fmpq_init(g1); fmpq_init(g3);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P, Q;
        qt_qmat_t A;
        acb_t bx, bz;
        acb_ptr L3 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), L2 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P); qt_pump_params_init(Q);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        if (it % 3 == 2)
            set_crossed_chain3(P, "1", "1", "1");
        else
        {
            random_two_qubit_model(P, st, it);
            if (it % 3 == 0)
                fmpq_one(P->Delta);                  /* the two-bath model takes the closed route P13 */
        }
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
        if (it % 2)
            fmpq_set_si(P->T_R, 1 + (slong) n_randint(st, 8), 3);   /* unequal temperatures (lemma P19) */
        two_bath_copy(Q, P);
        fmpq_add(Q->gamma_L, g1, g3);
        fmpq_set(P->gamma_L, g1);
        qt_qmat_init(A, (slong) 1 << P->n_qubits);
        layout_coupling_matrix(A, P, 0);
        ck_assert(qt_pump_params_add_bath(P, g3, P->T, A));
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        ck_assert_int_eq(qt_pump_n_baths(P), 3);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        if (qt_pump_lambda_acb(L3, P, bx, bz, 0, prec, why) == QT_OK
            && qt_pump_lambda_acb(L2, Q, bx, bz, 0, prec, why) == QT_OK)
        {
            check_splitting(L3, L2, 2, 2, g1, g3, prec, "Lambda");
            agree++;
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P); qt_pump_params_clear(Q);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L3, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(L2, 2 * QT_PUMP_MAX_BATHS);
    }
    ck_assert_msg(agree >= qt_test_iters(6) / 2, "only %ld splitting checks certified", (long) agree);
    fmpq_clear(x); fmpq_clear(z); fmpq_clear(g1); fmpq_clear(g3);
    flint_randclear(st);
}
END_TEST

START_TEST(extra_baths_routes)
{
    /* lemma P27, (ii) random Hermitian A_3 (A_4) at their own temperatures: the population route (P9, P19) against the global
       Davies route (P17, P21) at exact points, overlap across precisions, and the friction tensor of the Davies
       route against the generic holomorphic form P24 */
    slong prec = 128, it, k, agree = 0, nz = 0;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    fmpq_t x, z, g1, g3;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z); fmpq_init(g1); fmpq_init(g3);
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        acb_t bx, bz;
        acb_ptr L1 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), L2 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_ptr L3 = _acb_vec_init(2 * QT_PUMP_MAX_BATHS), Z1 = _acb_vec_init(4), Z2 = _acb_vec_init(4);
        slong nb, d, extra;
        acb_init(bx); acb_init(bz);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        if (it == 5)
        {
            set_crossed_chain3(P, "1", "3/2", "1");
            qt_test_setq(P->Delta, "1/2");
        }
        else
            random_two_qubit_model(P, st, it);
        d = (slong) 1 << P->n_qubits;
        qt_qmat_init(A, d);
        for (extra = 0; extra < 1 + it % 2; extra++)
        {
            random_hermitian_coupling(A, d, st);
            fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
            fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 3);     /* its own temperature */
            ck_assert(qt_pump_params_add_bath(P, g3, it == 4 ? P->T : g1, A));
        }
        nb = qt_pump_n_baths(P);
        if (qt_pump_params_validate(P, why) != QT_OK)
        {
            /* a random matrix may be zero: the one refusal allowed here, naming the field */
            ck_assert(strstr(why, "zero") != NULL && strstr(why, "A_") != NULL);
            goto next;
        }
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        if (qt_pump_lambda_acb(L1, P, bx, bz, 0, prec, why) != QT_OK)
            goto next;
        ck_assert_int_eq(qt_pump_lambda_acb(L3, P, bx, bz, 0, 2 * prec, why), QT_OK);
        for (k = 0; k < 2 * nb; k++)
            ck_assert(acb_overlaps(L1 + k, L3 + k) && acb_is_finite(L1 + k));
        if (qt_pump_davies_route(L2, Z1, P, x, z, prec, why) == QT_OK)
        {
            for (k = 0; k < 2 * nb; k++)
                ck_assert_msg(acb_overlaps(L1 + k, L2 + k), "it %ld: Lambda[%ld] P9 vs P17", (long) it, (long) k);
            agree++;
            if (!fmpq_is_one(P->Delta) && qt_pump_bohr_frequencies_distinct(P, bx, bz, prec)
                && qt_pump_friction_multi_acb(Z2, P, bx, bz, 0, prec, why) == QT_OK)
            {
                for (k = 0; k < 4; k++)
                    ck_assert_msg(acb_overlaps(Z1 + k, Z2 + k), "it %ld: zeta[%ld] P17 vs P24", (long) it, (long) k);
                nz++;
            }
        }
    next:
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L1, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(L2, 2 * QT_PUMP_MAX_BATHS);
        _acb_vec_clear(L3, 2 * QT_PUMP_MAX_BATHS); _acb_vec_clear(Z1, 4); _acb_vec_clear(Z2, 4);
    }
    ck_assert_msg(agree >= 3 && nz >= 1, "only %ld route comparisons (%ld friction) certified", (long) agree, (long) nz);
    fmpq_clear(x); fmpq_clear(z); fmpq_clear(g1); fmpq_clear(g3);
    flint_randclear(st);
}
END_TEST

START_TEST(extra_baths_equal_temperatures)
{
    slong prec = 128, k, a;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    fmpq_t x, z, g1, g3;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z); fmpq_init(g1); fmpq_init(g3);
    /* (iii) two qubits (crossed, J = 1, Delta = 1/2, b = 2) at T = 1: bath 3 a copy of L, bath 4 a random coupling */
    {
        qt_pump_params_t P, Q;
        qt_protocol_t C;
        qt_qmat_t A, A4;
        qt_record_t R;
        arb_ptr Q4 = _arb_vec_init(QT_PUMP_MAX_BATHS), Q3 = _arb_vec_init(QT_PUMP_MAX_BATHS);
        arb_ptr O = _arb_vec_init(QT_PUMP_MAX_BATHS);
        acb_ptr v4 = _acb_vec_init(QT_PUMP_MAX_BATHS), v3 = _acb_vec_init(QT_PUMP_MAX_BATHS);
        arb_t s;
        arb_init(s);
        qt_pump_params_init(P); qt_pump_params_init(Q);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->J, 1, 1); qt_test_setq(P->Delta, "1/2"); fmpq_set_si(P->b, 2, 1);
        two_bath_copy(Q, P);
        qt_test_setq(g1, "1"); qt_test_setq(g3, "1/2");
        fmpq_add(Q->gamma_L, g1, g3);
        qt_qmat_init(A, 4); qt_qmat_init(A4, 4);
        layout_coupling_matrix(A, P, 0);
        do
            random_hermitian_coupling(A4, 4, st);
        while (fmpq_is_zero(A4->re + 1) && fmpq_is_zero(A4->im + 1));
        qt_pump_params_add_bath(P, g3, P->T, A);
        qt_pump_params_add_bath(P, g1, P->T, A4);
        qt_pump_params_add_bath(Q, g1, Q->T, A4);
        ck_assert(qt_pump_params_validate(P, why) == QT_OK && qt_pump_params_validate(Q, why) == QT_OK);
        ck_assert(!qt_pump_params_add_bath(P, g1, P->T, A4));        /* at most four baths */
        ck_assert(qt_pump_equal_temperatures(P));
        /* the sum rule of Lambda over the four baths */
        fmpq_set_si(x, 3, 4); fmpq_set_si(z, 5, 4);
        qt_record_init(R);
        qt_pump_lambda_record(R, P, x, z, prec);
        ck_assert_int_eq(R->nout, 11);
        ck_assert_str_eq(R->name[6], "Lambda_4_x");
        for (k = 9; k < 11; k++)
            ck_assert_msg(R->out[k].status == QT_OK && arb_contains_zero(&R->out[k].value)
                          && mag_cmp_2exp_si(arb_radref(&R->out[k].value), -80) < 0, "%s", R->name[k]);
        qt_record_clear(R);
        /* the heat on a circle: the sum over the baths, and the splitting against the three-bath model */
        qt_protocol_init(C);
        C->kind = QT_PROTOCOL_CIRCLE;
        fmpq_set_si(C->cx, 2, 1); fmpq_set_si(C->cz, 2, 1); fmpq_set_si(C->radius, 1, 2);
        ck_assert_msg(qt_pump_heat_per_cycle(Q4, P, C, 64, why) == QT_OK, "%s", why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q3, Q, C, 64, why) == QT_OK, "%s", why);
        arb_zero(s);
        for (a = 0; a < 4; a++)
        {
            arb_add(s, s, Q4 + a, 64);
            acb_set_arb(v4 + a, Q4 + a);
            acb_set_arb(v3 + a, Q3 + a);
        }
        ck_assert(arb_contains_zero(s) && !arb_contains_zero(Q4 + 0) && !arb_contains_zero(Q4 + 3));
        check_splitting(v4, v3, 3, 1, g1, g3, 64, "Q");
        /* the rotor: sum over the baths encloses 0 */
        fmpq_set_si(x, 2, 1); fmpq_set_si(z, 2, 1);
        ck_assert_msg(qt_pump_curvature(O, P, x, z, 64, why) == QT_OK, "%s", why);
        arb_zero(s);
        for (a = 0; a < 4; a++)
            arb_add(s, s, O + a, 64);
        ck_assert(arb_contains_zero(s) && !arb_contains_zero(O + 3));
        /* refusals: the quadrant and the quarter disc name gamma_3 */
        C->kind = QT_PROTOCOL_QUADRANT;
        ck_assert_int_eq(qt_pump_protocol_supported(P, C, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL);
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        ck_assert_int_eq(qt_pump_protocol_supported(P, C, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL);
        qt_protocol_clear(C);
        /* field-named refusals of baths 3, 4 */
        fmpq_zero(P->gamma_x + 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_4") != NULL);
        fmpq_one(P->gamma_x + 1);
        fmpq_set_si(P->T_x + 0, -1, 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "T_3") != NULL);
        fmpq_one(P->T_x + 0);
        fmpq_set_si(P->A_x[1].im + 1, 1, 1);                         /* not mirrored: not Hermitian */
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_4") != NULL && strstr(why, "Hermitian") != NULL);
        fmpq_neg(P->A_x[1].im + 4, P->A_x[1].im + 1);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_OK);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_3") != NULL && strstr(why, "8 x 8") != NULL);
        P->n_qubits = 1;
        fmpq_zero(P->J);
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "coupling") != NULL && strstr(why, "one qubit") != NULL);
        P->coupling = QT_PUMP_COUPLING_DEFAULT;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "A_3") != NULL && strstr(why, "2 x 2") != NULL);
        P->n_qubits = 2;
        P->coupling = QT_PUMP_COUPLING_LOCAL;
        ck_assert_int_eq(qt_pump_params_validate(P, why), QT_DOMAIN);
        ck_assert(strstr(why, "gamma_3") != NULL && strstr(why, "local") != NULL);
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->T_x + 1, 2, 1);
        ck_assert_str_eq(qt_pump_unequal_temperature_field(P), "T_4");
        qt_qmat_clear(A); qt_qmat_clear(A4);
        qt_pump_params_clear(P); qt_pump_params_clear(Q);
        _arb_vec_clear(Q4, QT_PUMP_MAX_BATHS); _arb_vec_clear(Q3, QT_PUMP_MAX_BATHS); _arb_vec_clear(O, QT_PUMP_MAX_BATHS);
        _acb_vec_clear(v4, QT_PUMP_MAX_BATHS); _acb_vec_clear(v3, QT_PUMP_MAX_BATHS);
        arb_clear(s);
    }
    fmpq_clear(x); fmpq_clear(z); fmpq_clear(g1); fmpq_clear(g3);
    flint_randclear(st);
}
END_TEST

START_TEST(extra_baths_exchange_symmetry)
{
    slong prec = 128, k;
    char why[QT_REASON_LEN];
    fmpq_t g3;
    fmpq_init(g3);
    /* (iv) b = 1: the named layout keeps the singlet dark (refused); bath 3 through sigma^x_1 alone breaks the exchange
       symmetry and the population route certifies a unique stationary state; bath 3 through the symmetric
       sigma^x_1 + sigma^x_2 keeps it dark, and the evaluation says so instead of giving a number */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        fmpq c[2];
        acb_t bx, bz;
        acb_ptr L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        acb_init(bx); acb_init(bz);
        fmpq_init(c + 0); fmpq_init(c + 1);
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, 2, 1);
        ck_assert_int_eq(qt_pump_singlet_is_dark(P, why), QT_DOMAIN);
        qt_qmat_init(A, 4);
        fmpq_one(c + 0);
        pauli_sum(A, 2, 'x', c);
        qt_test_setq(g3, "1/2");
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_int_eq(qt_pump_singlet_is_dark(P, why), QT_OK);
        acb_set_si(bx, 1); acb_set_si(bz, 2);
        ck_assert_msg(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why) == QT_OK, "%s", why);
        for (k = 0; k < 6; k++)
            ck_assert(acb_is_finite(L + k));
        fmpq_one(c + 1);
        pauli_sum(P->A_x + 0, 2, 'x', c);
        ck_assert_int_eq(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why), QT_UNCERTIFIED);
        ck_assert(strstr(why, "unique stationary state") != NULL);
        for (k = 0; k < 6; k++)
            ck_assert(!acb_is_finite(L + k));
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        fmpq_clear(c + 0); fmpq_clear(c + 1);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
    }
    fmpq_clear(g3);
}
END_TEST

START_TEST(extra_baths_one_qubit_closed_form)
{
    slong prec = 128, it, k, a;
    char why[QT_REASON_LEN];
    flint_rand_t st;
    fmpq_t x, z, g1, g3;
    flint_randinit(st);
    fmpq_init(x); fmpq_init(z); fmpq_init(g1); fmpq_init(g3);
    /* (v) one qubit, bath L through sigma_x, R through sigma_z, bath 3 through sigma_y (and bath 4 a second sigma_x):
       at equal temperatures Lambda_a = -T x_a grad S with x_a = gamma_a c_a / sum_b gamma_b c_b, c = n_z^2 (sigma_x),
       n_x^2 (sigma_z), 1 (sigma_y: always perpendicular to the field), a closed form the library does not use; and the
       sector closed form Q_a = -T [x_a(theta1) - x_a(theta0)] [S(r1) - S(r0)] */
    for (it = 0; it < qt_test_iters(6); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t Y, X;
        acb_t bx, bz;
        acb_ptr L = _acb_vec_init(2 * QT_PUMP_MAX_BATHS);
        arb_t B, dS, c[4], sum, v, T;
        slong nb;
        acb_init(bx); acb_init(bz);
        arb_init(B); arb_init(dS); arb_init(sum); arb_init(v); arb_init(T);
        for (a = 0; a < 4; a++)
            arb_init(c[a]);
        qt_pump_params_init(P);
        random_qubit_point(P, x, z, st, it, 8, 8, 15);
        qt_qmat_init(Y, 2); qt_qmat_init(X, 2);
        fmpq_set_si(Y->im + 1, -1, 1); fmpq_set_si(Y->im + 2, 1, 1);        /* sigma_y */
        fmpq_one(X->re + 1); fmpq_one(X->re + 2);                          /* sigma_x */
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 8), 4);
        ck_assert(qt_pump_params_add_bath(P, g3, P->T, Y));
        if (it % 2 == 0)
        {
            fmpq_set_si(g1, 1 + (slong) n_randint(st, 8), 4);
            ck_assert(qt_pump_params_add_bath(P, g1, P->T, X));
        }
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        ck_assert(!qt_pump_single_like(P));
        nb = qt_pump_n_baths(P);
        acb_set_fmpq(bx, x, prec);
        acb_set_fmpq(bz, z, prec);
        ck_assert_msg(qt_pump_lambda_acb(L, P, bx, bz, 0, prec, why) == QT_OK, "%s", why);
        /* the closed form */
        arb_sqr(B, acb_realref(bx), prec);
        arb_addmul(B, acb_realref(bz), acb_realref(bz), prec);
        arb_sqr(c[0], acb_realref(bz), prec);
        arb_div(c[0], c[0], B, prec);                                       /* n_z^2 */
        arb_sqr(c[1], acb_realref(bx), prec);
        arb_div(c[1], c[1], B, prec);                                       /* n_x^2 */
        arb_one(c[2]);
        arb_set(c[3], c[0]);
        arb_sqrt(B, B, prec);
        arb_zero(sum);
        for (a = 0; a < nb; a++)
        {
            fmpq *g = a == 0 ? P->gamma_L : a == 1 ? P->gamma_R : P->gamma_x + (a - 2);
            arb_mul_fmpz(c[a], c[a], fmpq_numref(g), prec);
            arb_div_fmpz(c[a], c[a], fmpq_denref(g), prec);
            arb_add(sum, sum, c[a], prec);
        }
        closed_dS_dB(dS, P, B, prec);
        arb_set_fmpq(T, P->T, prec);
        for (a = 0; a < nb; a++)
            for (k = 0; k < 2; k++)
            {
                arb_div(v, c[a], sum, prec);
                arb_mul(v, v, dS, prec);
                arb_mul(v, v, T, prec);
                arb_mul(v, v, k == 0 ? acb_realref(bx) : acb_realref(bz), prec);
                arb_div(v, v, B, prec);
                arb_neg(v, v);
                ck_assert_msg(qt_overlaps(v, acb_realref(L + 2 * a + k)) && mag_cmp_2exp_si(arb_radref(acb_realref(L + 2 * a + k)), -100) < 0,
                              "one qubit, bath %ld, component %ld: P27 vs the closed form", (long) a, (long) k);
            }
        if (it == 1)
        {
            /* a sector: Q_a = -T [x_a(theta1) - x_a(theta0)] [S(r1) - S(r0)], theta from the B_z axis */
            qt_protocol_t C;
            arb_ptr Q = _arb_vec_init(QT_PUMP_MAX_BATHS);
            arb_t S0, S1, x0, x1, r, th;
            slong e;
            arb_init(S0); arb_init(S1); arb_init(x0); arb_init(x1); arb_init(r); arb_init(th);
            qt_protocol_init(C);
            C->kind = QT_PROTOCOL_SECTOR;
            qt_test_setq(C->r0, "1/2"); qt_test_setq(C->r1, "1");
            qt_test_setq(C->theta0, "1/4"); qt_test_setq(C->theta1, "1");
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "%s", why);
            arb_set_fmpq(r, C->r0, 64);
            closed_S(S0, P, r, 64);
            arb_set_fmpq(r, C->r1, 64);
            closed_S(S1, P, r, 64);
            arb_sub(S1, S1, S0, 64);
            for (e = 0; e < 2; e++)
            {
                /* x_3 (sigma_y) at theta: gamma_3 / (gamma_L cos^2 + gamma_R sin^2 + gamma_3) */
                arb_t cs, sn;
                arb_init(cs); arb_init(sn);
                arb_set_fmpq(th, e ? C->theta1 : C->theta0, 64);
                arb_sin_cos(sn, cs, th, 64);
                arb_sqr(cs, cs, 64);
                arb_sqr(sn, sn, 64);
                arb_mul_fmpz(cs, cs, fmpq_numref(P->gamma_L), 64);
                arb_div_fmpz(cs, cs, fmpq_denref(P->gamma_L), 64);
                arb_mul_fmpz(sn, sn, fmpq_numref(P->gamma_R), 64);
                arb_div_fmpz(sn, sn, fmpq_denref(P->gamma_R), 64);
                arb_add(cs, cs, sn, 64);
                arb_set_fmpq(sn, P->gamma_x + 0, 64);
                arb_add(cs, cs, sn, 64);
                arb_div(e ? x1 : x0, sn, cs, 64);
                arb_clear(cs); arb_clear(sn);
            }
            arb_sub(v, x1, x0, 64);
            arb_mul(v, v, S1, 64);
            arb_set_fmpq(T, P->T, 64);
            arb_mul(v, v, T, 64);
            arb_neg(v, v);
            ck_assert_msg(qt_overlaps(v, Q + 2) && !arb_contains_zero(Q + 2), "one qubit: Q_3 vs the sector closed form");
            arb_add(v, Q + 0, Q + 1, 64);
            arb_add(v, v, Q + 2, 64);
            ck_assert(arb_contains_zero(v));
            qt_protocol_clear(C);
            _arb_vec_clear(Q, QT_PUMP_MAX_BATHS);
            arb_clear(S0); arb_clear(S1); arb_clear(x0); arb_clear(x1); arb_clear(r); arb_clear(th);
        }
        qt_qmat_clear(Y); qt_qmat_clear(X);
        qt_pump_params_clear(P);
        acb_clear(bx); acb_clear(bz);
        _acb_vec_clear(L, 2 * QT_PUMP_MAX_BATHS);
        arb_clear(B); arb_clear(dS); arb_clear(sum); arb_clear(v); arb_clear(T);
        for (a = 0; a < 4; a++)
            arb_clear(c[a]);
    }
    fmpq_clear(x); fmpq_clear(z); fmpq_clear(g1); fmpq_clear(g3);
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pump_baths");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, product_route_vs_global_davies);
    tcase_add_test(tc, non_interacting_qubits);
    tcase_add_test(tc, extra_baths_splitting);
    tcase_add_test(tc, extra_baths_routes);
    tcase_add_test(tc, extra_baths_equal_temperatures);
    tcase_add_test(tc, extra_baths_exchange_symmetry);
    tcase_add_test(tc, extra_baths_one_qubit_closed_form);
    suite_add_tcase(s, tc);
    return qt_test_run(s);
}
