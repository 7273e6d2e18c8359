/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* t_pump_axes.c -- pumping: the quadrant and the quarter disc by the axes (lemmas P26, P28, P30): multiplet labels, tail envelopes, further baths, J = 0 at the corner, against independent references (closed forms, second routes, exact identities,
 * overlap across precisions); random inputs from fixed seeds. */
#include "qt_pump_fixtures.h"

/* a random two- or three-qubit Heisenberg model for the collective closed forms: J = Jq[0]/Jq[1], random rates and T,
 * the convention by it; bath L through the collective sum_j sigma^x_j and bath R through sum_j c_j sigma^z_j with
 * c = (1, .., 1, b) (AL, AR initialised by the caller, d x d) */
static void
collective_model(qt_pump_params_struct *P, qt_qmat_t AL, qt_qmat_t AR, slong N, const slong *Jq, const fmpq_t b,
                 int it, flint_rand_t st)
{
    fmpq *c = _fmpq_vec_init(3);
    set_params(P, "1", "1", "1", it % 3 == 1 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
    P->n_qubits = N;
    fmpq_set_si(P->J, Jq[0], (ulong) Jq[1]);
    fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
    fmpq_set_si(P->T, 4 + (slong) n_randint(st, 5), 4);
    fmpq_one(c + 0); fmpq_one(c + 1); fmpq_one(c + 2);
    pauli_sum(AL, N, 'x', c);
    fmpq_set(c + N - 1, b);
    pauli_sum(AR, N, 'z', c);
    qt_pump_params_set_coupling_matrices(P, AL, AR);
    _fmpq_vec_clear(c, 3);
}

/* the Gibbs state of two or three Heisenberg qubits on the B_z axis at |B| = R (R = 0: zero field), from the levels
 * written here (two qubits: triplet J_c with Sigma_z = 2, 0, -2 and singlet -3 J_c; three: quartet 2 J_c with 3, 1,
 * -1, -3, doublets 0 and -4 J_c with 1, -1; E = of + s R Sigma_z): its entropy S and exchange energy <X> */
static void
collective_gibbs(arb_t S, arb_t Xm, const qt_pump_params_struct *P, const fmpq_t R, slong prec)
{
    static const slong l2[4][2] = {{1, 2}, {1, 0}, {1, -2}, {-3, 0}};
    static const slong l3[8][2] = {{2, 3}, {2, 1}, {2, -1}, {2, -3}, {0, 1}, {0, -1}, {-4, 1}, {-4, -1}};
    slong k, d = P->n_qubits == 2 ? 4 : 8;
    arb_t Jc, sR, T, Z, Em, E, t, of;
    arb_init(Jc); arb_init(sR); arb_init(T); arb_init(Z); arb_init(Em); arb_init(E); arb_init(t); arb_init(of);
    arb_set_fmpq(Jc, P->J, prec);
    arb_set_fmpq(sR, R, prec);
    if (P->convention == QT_PUMP_SPIN)
    {
        arb_mul_2exp_si(Jc, Jc, -2);
        arb_mul_2exp_si(sR, sR, -1);
    }
    arb_set_fmpq(T, P->T, prec);
    arb_zero(Z); arb_zero(Em); arb_zero(Xm);
    for (k = 0; k < d; k++)
    {
        const slong *l = d == 4 ? l2[k] : l3[k];
        arb_mul_si(of, Jc, l[0], prec);
        arb_mul_si(E, sR, l[1], prec);
        arb_add(E, E, of, prec);
        arb_div(t, E, T, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_add(Z, Z, t, prec);
        arb_addmul(Em, t, E, prec);
        arb_addmul(Xm, t, of, prec);
    }
    arb_div(Em, Em, Z, prec);
    arb_div(Xm, Xm, Z, prec);
    arb_log(S, Z, prec);                         /* S = ln Z + <E>/T */
    arb_div(t, Em, T, prec);
    arb_add(S, S, t, prec);
    arb_clear(Jc); arb_clear(sR); arb_clear(T); arb_clear(Z); arb_clear(Em); arb_clear(E); arb_clear(t); arb_clear(of);
}

/* the quadrant closed form for L coupling through the collective sum_j sigma^x_j (derived in proofs/pumping.md P26,
 * PM §3.3 for two qubits): Q_L = -(T S0 + E_g - <X>_0), with S0 and <X>_0 of the Gibbs state at
 * B = 0 (collective_gibbs) and E_g the exchange energy of the fully polarised multiplet (J_c for two qubits, 2 J_c for
 * three) */
static void
collective_quadrant_closed_form(arb_t v, const qt_pump_params_struct *P, slong prec)
{
    arb_t S0, X0, t;
    fmpq_t zero;
    arb_init(S0); arb_init(X0); arb_init(t);
    fmpq_init(zero);
    collective_gibbs(S0, X0, P, zero, prec);
    arb_set_fmpq(t, P->T, prec);
    arb_mul(v, S0, t, prec);
    arb_sub(v, v, X0, prec);
    arb_set_fmpq(t, P->J, prec);
    if (P->convention == QT_PUMP_SPIN)
        arb_mul_2exp_si(t, t, -2);                  /* J_c */
    arb_mul_si(t, t, P->n_qubits == 2 ? 1 : 2, prec);
    arb_add(v, v, t, prec);
    arb_neg(v, v);
    arb_clear(S0); arb_clear(X0); arb_clear(t);
    fmpq_clear(zero);
}

/* lemma P26: the quadrant for two or three Heisenberg qubits with any couplings (multiplet labels on the axes).
 * (i) coupling=matrix with bath L through the collective sum_j sigma^x_j and bath R through sum_j c_j sigma^z_j (c not
 * symmetric under 1 <-> 3): the closed form -(T S0 + E_g - <X>_0), random J of both signs, b, rates, T, both
 * conventions, two and three qubits, the sum rule, 48 and 64 bits overlap; (ii) two qubits, the default and crossed
 * layouts written as matrices: the multiplet route overlaps the closed polar route of P13/P23 (independent code);
 * (iii) three qubits, crossed: Lambda on the axes overlaps the eigen route of P9 at exact points, and the envelope of
 * P26 bounds it beyond R; (iv) the refusals. */
START_TEST(heisenberg_quadrant_multiplets)
{
    /* J_c/T stays below about 1: for larger J a doublet becomes metastable on the B_z axis (its exits are
       exponentially slow), the rate matrix nearly reducible, and the enclosures too wide (see proofs P26) */
    static const slong Js[][2] = {{1, 1}, {-1, 2}, {1, 2}, {-3, 2}};
    static const slong bs[][2] = {{2, 1}, {1, 2}, {3, 1}, {-2, 1}};
    flint_rand_t st;
    qt_pump_params_t P;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(2), Q2 = _arb_vec_init(2);
    arb_t v, w;
    fmpq *c = _fmpq_vec_init(3);
    qt_qmat_t A[2];
    char why[QT_REASON_LEN];
    int it, a;
    flint_randinit(st);
    arb_init(v); arb_init(w);
    qt_protocol_init(C);
    C->kind = QT_PROTOCOL_QUADRANT;
    /* (i) the closed form */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        slong N = it % 2 ? 2 : 3, d = (slong) 1 << N, prec = 48;
        qt_pump_params_init(P);
        qt_qmat_init(A[0], d); qt_qmat_init(A[1], d);
        fmpq_set_si(c + 0, bs[it % 4][0], (ulong) bs[it % 4][1]);
        collective_model(P, A[0], A[1], N, Js[it % 4], c + 0, it, st);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        collective_quadrant_closed_form(v, P, prec);   /* -(T S0 + E_g - <X>_0) */
        check_quadrant_closed_form(P, C, v, prec, it < 2, it);
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(P);
    }
    /* (ii) two qubits: the named layouts (P13 legs) against the same couplings as matrices (P26 legs) */
    for (it = 0; it < 2; it++)
    {
        qt_pump_params_t M;
        qt_pump_params_init(P);
        set_params(P, "1", "3", "1", it ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = it ? QT_PUMP_COUPLING_CROSSED : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, it ? -3 : 2, 2);
        fmpq_set_si(P->b, 2, 1);
        qt_pump_params_init(M);
        set_params(M, "1", "3", "1", P->convention);
        M->n_qubits = 2;
        fmpq_set(M->J, P->J);
        qt_qmat_init(A[0], 4); qt_qmat_init(A[1], 4);
        for (a = 0; a < 2; a++)
        {
            qt_pump_coupling_amplitude(c + 0, P, P->b, a, 0);
            qt_pump_coupling_amplitude(c + 1, P, P->b, a, 1);
            pauli_sum(A[a], 2, a == 0 ? 'x' : 'z', c);
        }
        qt_pump_params_set_coupling_matrices(M, A[0], A[1]);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 64, why), QT_OK);
        ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, M, C, 64, why), QT_OK);
        ck_assert_msg(qt_overlaps(Q + 0, Q2 + 0) && qt_overlaps(Q + 1, Q2 + 1), "layout %d: P13 vs P26 legs", it);
        ck_assert(!arb_contains_zero(Q + 0) && mag_cmp_2exp_si(arb_radref(Q2 + 0), -40) < 0);
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(M);
        qt_pump_params_clear(P);
    }
    /* (iii) three qubits, crossed: the axis route against the eigen route, and the envelope beyond R */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_axis_struct X;
        arb_ptr cv = _arb_vec_init(3);
        acb_ptr L1 = _acb_vec_init(2), L2 = _acb_vec_init(4);
        acb_t r, bx, bz;
        arb_t alpha, R, env, t;
        int axis, j, agree = 0;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, bs[(it + 1) % 3][0], (ulong) bs[(it + 1) % 3][1]);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 4 + (slong) n_randint(st, 5), 4);
        acb_init(r); acb_init(bx); acb_init(bz);
        arb_init(alpha); arb_init(R); arb_init(env); arb_init(t);
        qt_pump_axis_init(&X, 8);
        for (axis = 0; axis < 2; axis++)
        {
            ck_assert_int_eq(qt_pump_axis_model(&X, P, axis, why), QT_OK);
            for (j = 0; j < 4; j++)
            {
                /* an exact point r = k/8 on the axis; the eigen route needs simple levels (skipped at a crossing) */
                fmpq_t rq;
                fmpq_init(rq);
                fmpq_set_si(rq, 1 + (slong) n_randint(st, 40), 8);
                acb_set_fmpq(r, rq, 128);
                acb_zero(bx);
                acb_zero(bz);
                acb_set(axis == 0 ? bx : bz, r);
                ck_assert_int_eq(qt_pump_lambda_axis_acb(L1, &X, P, r, 128, why), QT_OK);
                if (qt_pump_lambda_eigen_acb(L2, P, P->J, P->Delta, P->b, bx, bz, 0, 128, why) == QT_OK)
                {
                    ck_assert_msg(acb_overlaps(L1 + 0, L2 + axis) && acb_overlaps(L1 + 1, L2 + 2 + axis),
                                  "%d: axis %d, r = %s: P26 vs P9", it, axis, fmpq_get_str(NULL, 10, rq));
                    agree++;
                }
                fmpq_clear(rq);
            }
            /* the envelope bounds |Lambda| at R, R + 0.37, R + 3.1, 3R (R where dominance is proven) */
            for (a = 0; a < 2; a++)
            {
                arb_set_si(R, 8 + (slong) n_randint(st, 6));
                for (j = 0; j < 8 && qt_pump_heisenberg_axis_envelope(cv, alpha, P, a, axis, R, 64, why) != QT_OK; j++)
                    arb_mul_2exp_si(R, R, 1);
                ck_assert_msg(j < 8, "envelope %d: %s", it, why);
                for (j = 0; j < 4; j++)
                {
                    envelope_radius(r, R, j);
                    ck_assert_int_eq(qt_pump_lambda_axis_acb(L1, &X, P, r, 64, why), QT_OK);
                    envelope_value(env, cv, alpha, acb_realref(r));
                    arb_abs(t, acb_realref(L1 + a));
                    ck_assert_msg(arb_le(t, env), "envelope %d: bath %d axis %d point %d", it, a, axis, j);
                }
            }
        }
        ck_assert(agree >= 4);
        qt_pump_axis_clear(&X);
        _arb_vec_clear(cv, 3);
        _acb_vec_clear(L1, 2); _acb_vec_clear(L2, 4);
        acb_clear(r); acb_clear(bx); acb_clear(bz);
        arb_clear(alpha); arb_clear(R); arb_clear(env); arb_clear(t);
        qt_pump_params_clear(P);
    }
    /* the crossed chain's quadrant itself: the sum rule and a narrow enclosure */
    qt_pump_params_init(P);
    set_crossed_chain3(P, "1", "1", "1");
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_OK);
    arb_add(w, Q + 0, Q + 1, 48);
    ck_assert(arb_contains_zero(w) && !arb_contains_zero(Q + 0));
    ck_assert(mag_cmp_2exp_si(arb_radref(Q + 0), -30) < 0);
    /* (iv) refusals: the reflection-symmetric layouts (parity sectors), Delta != 1, T_R != T */
    P->coupling = QT_PUMP_COUPLING_B_ON_R;
    ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
    ck_assert(strncmp(why, "coupling:", 9) == 0);
    ck_assert(!arb_is_finite(Q + 0) && !arb_is_finite(Q + 1));
    P->coupling = QT_PUMP_COUPLING_CROSSED;
    check_quadrant_refuses_delta_and_T_R(P, C, 48);
    qt_pump_params_clear(P);
    arb_clear(v); arb_clear(w);
    _arb_vec_clear(Q, 2); _arb_vec_clear(Q2, 2);
    _fmpq_vec_clear(c, 3);
    qt_protocol_clear(C);
    flint_randclear(st);
}
END_TEST

START_TEST(j0_corner_closed_form)
{
    /* lemma P30: two and three qubits with J = 0 on shared baths.  (i) The lemma's identity on the axes by the global
       Davies route of P17 at exact points (degenerate levels, exact grouping, a certified Drazin solve; independent of
       the closed form): on the B_z axis Lambda_R,z = 0 and Lambda_L,z = -T N dS_1/dr, on the B_x axis Lambda_L,x = 0 and
       Lambda_R,x = -T N dS_1/dr; (ii) the quarter disc and the quadrant against -N T (ln 2 - S_1(R)) and against the
       same qubits with local baths (the product route of P16 and the excluded-disc bound of P11: other code);
       (iii) lemma P28 at J = 0: Lambda_a has no component along the arcs about B = 0 (P17 at random points); (iv) the exact
       commutant against the certified solve: where it finds a conserved quantity (three qubits, crossed, b = 1 or -1)
       the Davies route cannot prove the stationary state unique at axis points either, and the refusal names b */
    static const char *bs[4] = {"2", "3", "1/2", "-1"};
    flint_rand_t st;
    int it, refused = 0;
    char why[QT_REASON_LEN];
    slong prec = 128;
    flint_randinit(st);
    for (it = 0; it < qt_test_iters(8); it++)
    {
        qt_pump_params_t P, Pl;
        qt_protocol_t C;
        fmpq_t x, z, r;
        acb_ptr D = _acb_vec_init(4);
        arb_ptr Q = _arb_vec_init(2), Ql = _arb_vec_init(2);
        arb_t R, dS, t, ref;
        int axis, k;
        slong N = 2 + it % 2;
        qt_pump_params_init(P);
        qt_protocol_init(C);
        fmpq_init(x); fmpq_init(z); fmpq_init(r);
        arb_init(R); arb_init(dS); arb_init(t); arb_init(ref);
        random_two_qubit_model(P, st, it);
        P->n_qubits = N;
        if (N == 3)
        {
            P->coupling = QT_PUMP_COUPLING_CROSSED;
            qt_test_setq(P->b, bs[n_randint(st, 3)]);
        }
        else
            qt_test_setq(P->b, bs[n_randint(st, 4)]);
        fmpq_zero(P->J);
        ck_assert(qt_pump_j0_corner_like(P));
        if (qt_pump_j0_corner_supported(P, why) != QT_OK)
        {
            /* (iv) a conserved quantity on an axis (e.g. b_on_R with b = -1: T_0 is dark on the B_x axis): the Davies
               route cannot prove the stationary state unique there either */
            axis = strstr(why, "B_x axis") != NULL ? 0 : 1;
            ck_assert_msg(strncmp(why, "b: with J = 0 the generator on the B_", 37) == 0, "%s", why);
            fmpq_zero(x); fmpq_zero(z);
            fmpq_set_si(axis == 0 ? x : z, 3, 4);
            ck_assert_int_eq(qt_pump_davies_route(D, NULL, P, x, z, prec, why), QT_UNCERTIFIED);
            C->kind = QT_PROTOCOL_QUADRANT;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, prec, why), QT_DOMAIN);
            ck_assert(!arb_is_finite(Q + 0));
            refused++;
            goto next;
        }
        /* (i) */
        for (axis = 0; axis < 2; axis++)
        {
            fmpq_set_si(r, 1 + (slong) n_randint(st, 24), 8);
            fmpq_zero(x); fmpq_zero(z);
            fmpq_set(axis == 0 ? x : z, r);
            ck_assert_msg(qt_pump_davies_route(D, NULL, P, x, z, prec, why) == QT_OK, "%s (it %d, N %ld, layout %d, axis %d)", why, it, (long) N, P->coupling, axis);
            arb_set_fmpq(R, r, prec);
            closed_dS_dB(dS, P, R, prec);
            arb_mul_si(dS, dS, -N, prec);
            arb_set_fmpq(t, P->T, prec);
            arb_mul(dS, dS, t, prec);                         /* -T N dS_1/dr */
            k = axis;                                         /* the component along the axis */
            ck_assert_msg(acb_contains_zero(D + 2 * (axis == 1) + k), "the longitudinal bath, axis %d, it %d", axis, it);
            ck_assert_msg(qt_overlaps(acb_realref(D + 2 * (axis == 0) + k), dS), "the transverse bath, axis %d, it %d", axis, it);
            ck_assert(arb_rel_accuracy_bits(acb_realref(D + 2 * (axis == 0) + k)) > 60);
        }
        /* (ii) */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 24), 8);
        for (k = 0; k < 2; k++)
        {
            C->kind = k == 0 ? QT_PROTOCOL_QUARTER_DISC : QT_PROTOCOL_QUADRANT;
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "%s", why);
            if (k == 0)
            {
                arb_set_fmpq(R, C->radius, prec);
                closed_S(ref, P, R, prec);
            }
            else
                arb_zero(ref);
            arb_const_log2(t, prec);
            arb_sub(ref, t, ref, prec);
            arb_set_fmpq(t, P->T, prec);
            arb_mul(ref, ref, t, prec);
            arb_mul_si(ref, ref, -N, prec);
            ck_assert(qt_overlaps(Q + 0, ref));
            arb_add(t, Q + 0, Q + 1, prec);
            ck_assert(arb_contains_zero(t));
            /* the same qubits with local baths (c = (1, b, 1)): the same pumped heat */
            qt_pump_params_init(Pl);
            set_params(Pl, "1", "1", "1", P->convention);
            fmpq_set(Pl->gamma_L, P->gamma_L); fmpq_set(Pl->gamma_R, P->gamma_R); fmpq_set(Pl->T, P->T);
            fmpq_set(Pl->b, P->b);
            Pl->n_qubits = N;
            Pl->coupling = QT_PUMP_COUPLING_LOCAL;
            ck_assert_msg(qt_pump_heat_per_cycle(Ql, Pl, C, 64, why) == QT_OK, "%s", why);
            ck_assert_msg(qt_overlaps(Q + 0, Ql + 0) && qt_overlaps(Q + 1, Ql + 1), "shared vs local, it %d", it);
            qt_pump_params_clear(Pl);
        }
        /* (iii) lemma P28 at J = 0: the component of Lambda_a along the arc through a random point, B_z Lambda_a,x -
           B_x Lambda_a,z, vanishes (the Davies route of P17, degenerate levels) */
        fmpq_set_si(x, 1 + (slong) n_randint(st, 16), 8);
        fmpq_set_si(z, 1 + (slong) n_randint(st, 16), 8);
        ck_assert_msg(qt_pump_davies_route(D, NULL, P, x, z, prec, why) == QT_OK, "%s", why);
        for (k = 0; k < 2; k++)
        {
            acb_t u, v;
            acb_init(u); acb_init(v);
            acb_set_fmpq(u, z, prec);
            acb_mul(u, u, D + 2 * k + 0, prec);
            acb_set_fmpq(v, x, prec);
            acb_mul(v, v, D + 2 * k + 1, prec);
            acb_sub(u, u, v, prec);
            ck_assert(acb_contains_zero(u) && mag_cmp_2exp_si(arb_radref(acb_realref(u)), -100) < 0);
            ck_assert(!acb_contains_zero(D + 2 * k));
            acb_clear(u); acb_clear(v);
        }
    next:
        qt_pump_params_clear(P);
        qt_protocol_clear(C);
        fmpq_clear(x); fmpq_clear(z); fmpq_clear(r);
        arb_clear(R); arb_clear(dS); arb_clear(t); arb_clear(ref);
        _acb_vec_clear(D, 4); _arb_vec_clear(Q, 2); _arb_vec_clear(Ql, 2);
    }
    {
        /* (iv) three qubits, crossed: b = 1, -1 have a conserved quantity on the B_x axis, b = 2 none */
        static const char *cb[3] = {"1", "-1", "2"};
        qt_pump_params_t P;
        fmpq_t x, z;
        acb_ptr D = _acb_vec_init(4);
        int i, axis;
        qt_pump_params_init(P);
        fmpq_init(x); fmpq_init(z);
        set_params(P, "1", "2", "1", QT_PUMP_PAULI);
        P->n_qubits = 3;
        P->coupling = QT_PUMP_COUPLING_CROSSED;
        fmpq_zero(P->J);
        for (i = 0; i < 3; i++)
        {
            int unique = i == 2;
            qt_test_setq(P->b, cb[i]);
            ck_assert_int_eq(qt_pump_j0_corner_supported(P, why), unique ? QT_OK : QT_DOMAIN);
            if (!unique)
                ck_assert(strncmp(why, "b: with J = 0 the generator on the B_x axis", 43) == 0);
            for (axis = 0; axis < 2; axis++)
            {
                int s2;
                fmpq_set_si(axis == 0 ? x : z, 3, 4);
                fmpq_zero(axis == 0 ? z : x);
                s2 = qt_pump_davies_route(D, NULL, P, x, z, prec, why);
                if (unique)
                    ck_assert_int_eq(s2, QT_OK);
                else if (axis == 0)                   /* the axis the refusal names */
                    ck_assert_int_eq(s2, QT_UNCERTIFIED);
            }
        }
        qt_pump_params_clear(P);
        fmpq_clear(x); fmpq_clear(z);
        _acb_vec_clear(D, 4);
    }
    ck_assert(refused < qt_test_iters(8) / 2);
    flint_randclear(st);
}
END_TEST

/* lemmas P26, P27, P28: the quadrant and the quarter disc for Heisenberg qubits with further baths, and the quarter
 * disc by the multiplet legs alone (three qubits, coupling=matrix).
 * (i) the quadrant, two qubits in a named layout with bath 3 a copy of L: the multiplet route with three baths
 *     against the closed polar route of P13/P23 with the merged bath (independent code): the splitting identity;
 * (ii) the quarter disc, two qubits: the named layout by P13 (legs and the arc integrated) against the same couplings
 *     as matrices by P26 (legs only: the arc carries no heat, P28), radii inside and beyond the crossing;
 * (iii) L through the collective sum_j sigma^x_j, R and bath 3 through sums of sigma^z_j (two and three qubits):
 *     Q_L of the quarter disc of radius R is T (S(R) - S(0)) - (<X>_R - <X>_0) (P28 with P26's closed form), and of
 *     the quadrant -(T S(0) + E_g - <X>_0); the sum over the baths encloses 0; 48 and 64 bits overlap;
 * (iv) P28 by the eigen route (independent of the axes): a circle about B = 0 carries no heat into any bath, two
 *     qubits with random Hermitian couplings and a random bath 3;
 * (v) one qubit with a sigma_y bath: the closed form of P27 on the axes;
 * (vi) the refusals name the field. */
START_TEST(heisenberg_axes_more_baths)
{
    static const slong Js[][2] = {{1, 1}, {-3, 2}, {1, 2}, {-1, 2}};
    flint_rand_t st;
    qt_protocol_t C;
    arb_ptr Q = _arb_vec_init(QT_PUMP_MAX_BATHS), Q2 = _arb_vec_init(QT_PUMP_MAX_BATHS);
    acb_ptr v3 = _acb_vec_init(QT_PUMP_MAX_BATHS), v2 = _acb_vec_init(QT_PUMP_MAX_BATHS);
    arb_t v, w, S0, X0, S1, X1;
    fmpq_t g1, g3, zero;
    char why[QT_REASON_LEN];
    int it, a;
    flint_randinit(st);
    arb_init(v); arb_init(w); arb_init(S0); arb_init(X0); arb_init(S1); arb_init(X1);
    fmpq_init(g1); fmpq_init(g3); fmpq_init(zero);
    qt_protocol_init(C);
    /* (i) */
    C->kind = QT_PROTOCOL_QUADRANT;
    for (it = 0; it < qt_test_iters(2); it++)
    {
        qt_pump_params_t P, M;
        qt_qmat_t A;
        qt_pump_params_init(P); qt_pump_params_init(M);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = it % 2 ? QT_PUMP_COUPLING_CROSSED : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, 2 + it % 2, 1);
        fmpq_set_si(g1, 1 + (slong) n_randint(st, 6), 4);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        fmpq_set(P->gamma_L, g1);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 3 + (slong) n_randint(st, 4), 4);
        two_bath_copy(M, P);
        fmpq_add(M->gamma_L, g1, g3);
        qt_qmat_init(A, 4);
        layout_coupling_matrix(A, P, 0);
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 48, why) == QT_OK, "(i) %d: %s", it, why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, M, C, 48, why) == QT_OK, "(i) %d: %s", it, why);
        for (a = 0; a < 3; a++)
        {
            acb_set_arb(v3 + a, Q + a);
            acb_set_arb(v2 + a, Q2 + a);
        }
        check_splitting(v3, v2, 2, 1, g1, g3, 48, "quadrant");
        arb_add(v, Q + 0, Q + 1, 48);
        arb_add(v, v, Q + 2, 48);
        ck_assert(arb_contains_zero(v) && !arb_contains_zero(Q + 2) && mag_cmp_2exp_si(arb_radref(Q + 2), -30) < 0);
        qt_qmat_clear(A);
        qt_pump_params_clear(P); qt_pump_params_clear(M);
    }
    /* (ii) */
    C->kind = QT_PROTOCOL_QUARTER_DISC;
    for (it = 0; it < qt_test_iters(4); it++)
    {
        qt_pump_params_t P, M;
        qt_qmat_t A[2];
        qt_pump_params_init(P); qt_pump_params_init(M);
        set_params(P, "1", "1", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        P->coupling = (it / 2) % 2 ? QT_PUMP_COUPLING_B_ON_R : QT_PUMP_COUPLING_DEFAULT;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        fmpq_set_si(P->b, (slong) n_randint(st, 2) ? 3 : -2, 1);
        fmpq_set_si(P->gamma_L, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->gamma_R, 1 + (slong) n_randint(st, 8), 4);
        fmpq_set_si(P->T, 3 + (slong) n_randint(st, 4), 4);
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 24), 4);      /* inside and beyond crossing_B (1/2 .. 4) */
        set_params(M, "1", "1", "1", P->convention);
        M->n_qubits = 2;
        fmpq_set(M->gamma_L, P->gamma_L); fmpq_set(M->gamma_R, P->gamma_R); fmpq_set(M->T, P->T);
        fmpq_set(M->J, P->J);
        qt_qmat_init(A[0], 4); qt_qmat_init(A[1], 4);
        layout_coupling_matrix(A[0], P, 0);
        layout_coupling_matrix(A[1], P, 1);
        qt_pump_params_set_coupling_matrices(M, A[0], A[1]);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, 64, why) == QT_OK, "(ii) %d: %s", it, why);
        ck_assert_msg(qt_pump_heat_per_cycle(Q2, M, C, 64, why) == QT_OK, "(ii) %d: %s", it, why);
        ck_assert_msg(qt_overlaps(Q + 0, Q2 + 0) && qt_overlaps(Q + 1, Q2 + 1), "(ii) %d: P13 (with the arc) vs P26 legs", it);
        ck_assert(mag_cmp_2exp_si(arb_radref(Q2 + 0), -40) < 0 && !arb_contains_zero(Q2 + 0));
        arb_add(v, Q2 + 0, Q2 + 1, 64);
        ck_assert(arb_contains_zero(v));
        qt_qmat_clear(A[0]); qt_qmat_clear(A[1]);
        qt_pump_params_clear(P); qt_pump_params_clear(M);
    }
    /* (iii) */
    for (it = 0; it < qt_test_iters(4); it++)
    {
        slong N = it % 2 ? 2 : 3, d = (slong) 1 << N, j, prec = 48;
        qt_pump_params_t P;
        qt_qmat_t A[3];
        fmpq *c = _fmpq_vec_init(3);
        qt_pump_params_init(P);
        for (a = 0; a < 3; a++)
            qt_qmat_init(A[a], d);
        fmpq_set_si(c + 0, 2, 1);
        collective_model(P, A[0], A[1], N, Js[it % 4], c + 0, it, st);
        for (j = 0; j < N; j++)
            fmpq_set_si(c + j, (slong) n_randint(st, 5) - 2, 1 + (slong) n_randint(st, 2));
        fmpq_set_si(c + 0, 1, 1);                   /* bath 3: sum_j c_j sigma^z_j, not symmetric under 1 <-> 3 */
        fmpq_set_si(c + N - 1, -1, 2);
        pauli_sum(A[2], N, 'z', c);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        qt_pump_params_add_bath(P, g3, P->T, A[2]);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        collective_gibbs(S0, X0, P, zero, prec);
        /* the quarter disc */
        C->kind = QT_PROTOCOL_QUARTER_DISC;
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 16), 4);
        collective_gibbs(S1, X1, P, C->radius, prec);
        arb_sub(v, S1, S0, prec);
        arb_set_fmpq(w, P->T, prec);
        arb_mul(v, v, w, prec);
        arb_sub(v, v, X1, prec);
        arb_add(v, v, X0, prec);
        ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(iii) %d: %s", it, why);
        ck_assert_msg(qt_overlaps(Q + 0, v), "(iii) %d: the quarter disc vs T (S(R) - S0) - (<X>_R - <X>_0)", it);
        arb_add(w, Q + 0, Q + 1, prec);
        arb_add(w, w, Q + 2, prec);
        ck_assert(arb_contains_zero(w) && !arb_contains_zero(Q + 2) && mag_cmp_2exp_si(arb_radref(Q + 0), -prec + 24) < 0);
        if (it < 2)
        {
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q2, P, C, 64, why), QT_OK);
            for (a = 0; a < 3; a++)
                ck_assert(qt_overlaps(Q + a, Q2 + a));
        }
        /* the quadrant (two qubits; three cost about 10 s and are in the vectors) */
        if (N == 2)
        {
            C->kind = QT_PROTOCOL_QUADRANT;
            collective_quadrant_closed_form(v, P, prec);
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(iii) %d: %s", it, why);
            ck_assert_msg(qt_overlaps(Q + 0, v), "(iii) %d: the quadrant vs -(T S0 + E_g - <X>_0)", it);
            arb_add(w, Q + 0, Q + 1, prec);
            arb_add(w, w, Q + 2, prec);
            ck_assert(arb_contains_zero(w) && mag_cmp_2exp_si(arb_radref(Q + 0), -prec + 24) < 0);
        }
        for (a = 0; a < 3; a++)
            qt_qmat_clear(A[a]);
        _fmpq_vec_clear(c, 3);
        qt_pump_params_clear(P);
    }
    /* (iv) */
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_zero(C->cx);
    fmpq_zero(C->cz);
    for (it = 0; it < qt_test_iters(2); it++)
    {
        qt_pump_params_t P;
        qt_qmat_t A[3];
        qt_pump_params_init(P);
        set_params(P, "1", "2", "1", it % 2 ? QT_PUMP_SPIN : QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, Js[it % 4][0], (ulong) Js[it % 4][1]);
        for (a = 0; a < 3; a++)
        {
            qt_qmat_init(A[a], 4);
            random_hermitian_coupling(A[a], 4, st);
        }
        qt_pump_params_set_coupling_matrices(P, A[0], A[1]);
        fmpq_set_si(g3, 1 + (slong) n_randint(st, 6), 4);
        qt_pump_params_add_bath(P, g3, P->T, A[2]);
        fmpq_set_si(C->radius, 1 + (slong) n_randint(st, 4), 10);     /* 1/10 .. 2/5, inside crossing_B >= 1/2 */
        if (qt_pump_params_validate(P, why) == QT_OK)
        {
            int s2 = qt_pump_heat_per_cycle(Q, P, C, 48, why);
            ck_assert_msg(s2 == QT_OK, "(iv) %d: %s", it, why);
            for (a = 0; a < 3; a++)
                ck_assert_msg(arb_contains_zero(Q + a) && mag_cmp_2exp_si(arb_radref(Q + a), -24) < 0,
                              "(iv) %d: bath %d, a circle about 0 carries heat", it, a);
        }
        for (a = 0; a < 3; a++)
            qt_qmat_clear(A[a]);
        qt_pump_params_clear(P);
    }
    /* (v) one qubit (L through sigma_x, R through sigma_z) with bath 3 through sigma_y: on an axis every bath shares the
       one transition in the ratio x_a = gamma_a c_a / sum_b gamma_b c_b, c = (n_z^2, n_x^2, 1) (P27), so
       Q_a = T (S(0) - S(R)) (x_a(B_x axis) - x_a(B_z axis)): the quarter disc of radius R, and R -> inf (S -> 0) the
       quadrant */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        arb_ptr xx = _arb_vec_init(3), xz = _arb_vec_init(3);
        arb_t R, gs, t;
        slong prec = 64;
        arb_init(R); arb_init(gs); arb_init(t);
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_SPIN);
        fmpq_set_si(P->gamma_L, 3, 4); fmpq_set_si(P->gamma_R, 5, 2); fmpq_set_si(P->T, 7, 8);
        fmpq_set_si(g3, 3, 2);
        qt_qmat_init(A, 2);
        fmpq_set_si(A->im + 1, -1, 1); fmpq_one(A->im + 2);                 /* sigma_y */
        qt_pump_params_add_bath(P, g3, P->T, A);
        ck_assert_msg(qt_pump_params_validate(P, why) == QT_OK, "%s", why);
        /* x_a on the B_x axis: (0, gR, g3) / (gR + g3); on the B_z axis: (gL, 0, g3) / (gL + g3) */
        arb_set_fmpq(gs, P->gamma_R, prec);
        arb_set_fmpq(t, g3, prec);
        arb_add(gs, gs, t, prec);
        arb_zero(xx + 0);
        arb_set_fmpq(xx + 1, P->gamma_R, prec);
        arb_set_fmpq(xx + 2, g3, prec);
        _arb_vec_scalar_div(xx, xx, 3, gs, prec);
        arb_set_fmpq(gs, P->gamma_L, prec);
        arb_add(gs, gs, t, prec);
        arb_set_fmpq(xz + 0, P->gamma_L, prec);
        arb_zero(xz + 1);
        arb_set_fmpq(xz + 2, g3, prec);
        _arb_vec_scalar_div(xz, xz, 3, gs, prec);
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            fmpq_set_si(C->radius, 5, 4);
            /* T (S(0) - S(R)): S(0) = ln 2, S(inf) = 0 */
            arb_const_log2(v, prec);
            if (!it)
            {
                arb_set_fmpq(R, C->radius, prec);
                closed_S(w, P, R, prec);
                arb_sub(v, v, w, prec);
            }
            arb_set_fmpq(t, P->T, prec);
            arb_mul(v, v, t, prec);
            ck_assert_msg(qt_pump_heat_per_cycle(Q, P, C, prec, why) == QT_OK, "(v) %d: %s", it, why);
            arb_zero(w);
            for (a = 0; a < 3; a++)
            {
                arb_sub(t, xx + a, xz + a, prec);
                arb_mul(t, t, v, prec);
                ck_assert_msg(qt_overlaps(Q + a, t) && mag_cmp_2exp_si(arb_radref(Q + a), -prec + 24) < 0,
                              "(v) %d: bath %d against the one-qubit closed form", it, a);
                arb_add(w, w, Q + a, prec);
            }
            ck_assert(arb_contains_zero(w));
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
        _arb_vec_clear(xx, 3); _arb_vec_clear(xz, 3);
        arb_clear(R); arb_clear(gs); arb_clear(t);
    }
    /* (vi) the refusals: T_3 != T (T_3), Delta != 1 with bath 3 (gamma_3) */
    {
        qt_pump_params_t P;
        qt_qmat_t A;
        qt_pump_params_init(P);
        set_params(P, "1", "1", "1", QT_PUMP_PAULI);
        P->n_qubits = 2;
        fmpq_set_si(P->J, 1, 1);
        fmpq_set_si(P->b, 2, 1);
        qt_qmat_init(A, 4);
        layout_coupling_matrix(A, P, 0);
        fmpq_set_si(g1, 2, 1);
        qt_pump_params_add_bath(P, g3, g1, A);
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
            ck_assert_msg(strncmp(why, "T_3:", 4) == 0, "%s", why);
        }
        fmpq_set(P->T_x + 0, P->T);
        qt_test_setq(P->Delta, "1/2");
        for (it = 0; it < 2; it++)
        {
            C->kind = it ? QT_PROTOCOL_QUADRANT : QT_PROTOCOL_QUARTER_DISC;
            ck_assert_int_eq(qt_pump_heat_per_cycle(Q, P, C, 48, why), QT_DOMAIN);
            ck_assert_msg(strncmp(why, "gamma_3:", 8) == 0, "%s", why);
        }
        qt_qmat_clear(A);
        qt_pump_params_clear(P);
    }
    arb_clear(v); arb_clear(w); arb_clear(S0); arb_clear(X0); arb_clear(S1); arb_clear(X1);
    fmpq_clear(g1); fmpq_clear(g3); fmpq_clear(zero);
    _arb_vec_clear(Q, QT_PUMP_MAX_BATHS); _arb_vec_clear(Q2, QT_PUMP_MAX_BATHS);
    _acb_vec_clear(v3, QT_PUMP_MAX_BATHS); _acb_vec_clear(v2, QT_PUMP_MAX_BATHS);
    qt_protocol_clear(C);
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pump_axes");
    TCase *tc = tcase_create("core"), *tl;
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, j0_corner_closed_form);
    suite_add_tcase(s, tc);
    /* the long cases: only with QT_TEST_LONG set (make check-long, which CI runs) */
    if (qt_test_long())
    {
        tl = tcase_create("long");
        tcase_set_timeout(tl, 1200);
        tcase_add_test(tl, heisenberg_quadrant_multiplets);
        tcase_add_test(tl, heisenberg_axes_more_baths);
        suite_add_tcase(s, tl);
    }
    return qt_test_run(s);
}
