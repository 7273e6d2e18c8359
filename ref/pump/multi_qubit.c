/* multi_qubit.c -- Lambda_{a,k} for N_q = 1..3 qubits by the secular population route (lemma P9 of
 * proofs/pumping.md), holomorphic in (B_x, B_z):
 *   H = sum_j s (B_x sx_j + B_z sz_j) + J_c sum_<ij> (sx_i sx_j + sy_i sy_j + Delta sz_i sz_j), chain
 *   neighbours, s = 1 and J_c = J (pauli) or s = 1/2 and J_c = J/4 (spin: S = sigma/2);
 *   A_L = sum_j c_j sx_j, A_R = sum_j c_j sz_j with c = (1, b, 1) (the default layout);
 *   eigen-decomposition H = sum_n E_n P_n: certified simple eigenvalues (Rump discs, pairwise disjoint; a
 *   repeated level is refused) and the Lagrange projectors P_n = prod_{j != n} (H - E_j)/(E_n - E_j)
 *   (holomorphic: no conjugation);
 *   W_a[m][n] = G_a(E_n - E_m) tr(P_m A_a P_n A_a), p = Gibbs, d_k p from d_k E_n = tr(P_n d_k H);
 *   Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n. */
#include <stdlib.h>
#include "qtoracle/pump.h"

/* single-qubit Pauli matrix on qubit j of N (basis index bit N-1-j), entries of a in {x, y, z};
   for y the product sy_i sy_j is real, so only pairs are formed: sy sy = -(i sx)(...) handled below */
static void
pauli_on(acb_mat_t M, int which, slong j, slong N)
{
    slong d = (slong) 1 << N, r;
    acb_mat_zero(M);
    for (r = 0; r < d; r++)
    {
        slong bit = (r >> (N - 1 - j)) & 1;
        if (which == 'z')
            acb_set_si(acb_mat_entry(M, r, r), bit ? -1 : 1);
        else if (which == 'x')
            acb_one(acb_mat_entry(M, r ^ ((slong) 1 << (N - 1 - j)), r));
        else
        {
            /* sigma_y |0> = i|1>, sigma_y |1> = -i|0> */
            slong c = r ^ ((slong) 1 << (N - 1 - j));
            acb_zero(acb_mat_entry(M, c, r));
            arb_set_si(acb_imagref(acb_mat_entry(M, c, r)), bit ? -1 : 1);
        }
    }
}

/* certified simple eigenvalues: one Rump enclosure per approximate eigenpair (a disc that contains an
 * eigenvalue of every matrix in the ball), pairwise disjoint discs (so d discs hold d distinct
 * eigenvalues); returns 0 when they cannot be separated */
static int
simple_eigenvalues(acb_ptr E, const acb_mat_t H, acb_srcptr Ea, const acb_mat_t Ra, slong prec)
{
    slong d = acb_mat_nrows(H), n, m, i;
    acb_mat_t X, J, Xa;
    acb_t lam;
    int ok = 1;
    acb_mat_init(X, d, 1); acb_mat_init(J, 1, 1); acb_mat_init(Xa, d, 1);
    acb_init(lam);
    for (n = 0; n < d && ok; n++)
    {
        for (i = 0; i < d; i++)
            acb_set(acb_mat_entry(Xa, i, 0), acb_mat_entry(Ra, i, n));
        acb_mat_get_mid(Xa, Xa);
        acb_get_mid(lam, Ea + n);
        acb_mat_eig_enclosure_rump(E + n, J, X, H, lam, Xa, prec);
        if (!acb_is_finite(E + n))
            ok = 0;
    }
    for (n = 0; n < d && ok; n++)
        for (m = n + 1; m < d && ok; m++)
            if (acb_overlaps(E + n, E + m))
                ok = 0;
    acb_mat_clear(X); acb_mat_clear(J); acb_mat_clear(Xa);
    acb_clear(lam);
    return ok;
}

int
qt_pump_lambda_multi_acb(acb_ptr Lam, const qt_pump_params_struct *P, const fmpq_t J, const fmpq_t Delta,
                         const fmpq_t b, const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    slong N = P->n_qubits, d = (slong) 1 << N, i, j, m, n, a, k;
    acb_mat_t H, dH[2], A[2], M1, M2, R, L, Am, W, Wa[2], y, x, Pn;
    acb_ptr E, Ea, p, dE;
    acb_mat_struct *Pr;
    acb_t s, Jc, t, u, T, g, c, om;
    int st = QT_OK;

    acb_mat_init(H, d, d); acb_mat_init(dH[0], d, d); acb_mat_init(dH[1], d, d);
    acb_mat_init(A[0], d, d); acb_mat_init(A[1], d, d); acb_mat_init(M1, d, d); acb_mat_init(M2, d, d);
    acb_mat_init(R, d, d); acb_mat_init(L, d, d); acb_mat_init(Am, d, d); acb_mat_init(W, d, d);
    acb_mat_init(Wa[0], d, d); acb_mat_init(Wa[1], d, d); acb_mat_init(y, d, 1); acb_mat_init(x, d, 1);
    acb_mat_init(Pn, d, d);
    E = _acb_vec_init(d); Ea = _acb_vec_init(d); p = _acb_vec_init(d); dE = _acb_vec_init(2 * d);
    Pr = malloc(d * sizeof(acb_mat_struct));
    for (n = 0; n < d; n++)
        acb_mat_init(Pr + n, d, d);
    acb_init(s); acb_init(Jc); acb_init(t); acb_init(u); acb_init(T); acb_init(g); acb_init(c); acb_init(om);

    if (P->convention == QT_PUMP_SPIN)
    {
        acb_set_d(s, 0.5);
        acb_set_fmpq(Jc, J, prec);
        acb_mul_2exp_si(Jc, Jc, -2);
    }
    else
    {
        acb_one(s);
        acb_set_fmpq(Jc, J, prec);
    }
    acb_set_fmpq(T, P->T, prec);
    /* H, d_x H, d_z H, A_L, A_R */
    for (j = 0; j < N; j++)
    {
        acb_set_si(c, 1);
        if (j == 1)
            acb_set_fmpq(c, b, prec);
        pauli_on(M1, 'x', j, N);
        acb_mat_scalar_mul_acb(M2, M1, s, prec);
        acb_mat_add(dH[0], dH[0], M2, prec);
        acb_mat_scalar_mul_acb(M2, M1, c, prec);
        acb_mat_add(A[0], A[0], M2, prec);
        pauli_on(M1, 'z', j, N);
        acb_mat_scalar_mul_acb(M2, M1, s, prec);
        acb_mat_add(dH[1], dH[1], M2, prec);
        acb_mat_scalar_mul_acb(M2, M1, c, prec);
        acb_mat_add(A[1], A[1], M2, prec);
    }
    acb_mat_scalar_mul_acb(H, dH[0], Bx, prec);
    acb_mat_scalar_mul_acb(M1, dH[1], Bz, prec);
    acb_mat_add(H, H, M1, prec);
    for (j = 0; j + 1 < N; j++)
    {
        int w;
        for (w = 0; w < 3; w++)
        {
            int ch = w == 0 ? 'x' : w == 1 ? 'y' : 'z';
            pauli_on(M1, ch, j, N);
            pauli_on(M2, ch, j + 1, N);
            acb_mat_mul(Am, M1, M2, prec);
            if (w == 2)
            {
                acb_set_fmpq(t, Delta, prec);
                acb_mat_scalar_mul_acb(Am, Am, t, prec);
            }
            acb_mat_scalar_mul_acb(Am, Am, Jc, prec);
            acb_mat_add(H, H, Am, prec);
        }
    }
    /* eigen-decomposition: certified simple eigenvalues (lemma P9) */
    acb_mat_get_mid(M1, H);
    if (!acb_mat_approx_eig_qr(Ea, NULL, M2, M1, NULL, 0, prec) || !simple_eigenvalues(E, H, Ea, M2, prec))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        st = qt_fail(reason, analytic ? QT_UNCERTIFIED : QT_UNCERTIFIED,
                     "the levels of H could not be proven simple here (a level crossing or degeneracy; the secular population route needs non-degenerate levels)");
        goto done;
    }
    /* P_n = prod_{j != n} (H - E_j)/(E_n - E_j) (Lagrange/Sylvester form: holomorphic, and much less
       overestimation on wide balls than R e_n e_n^T R^{-1}) */
    for (n = 0; n < d; n++)
    {
        acb_mat_one(Pr + n);
        for (j = 0; j < d; j++)
        {
            if (j == n)
                continue;
            acb_mat_set(M1, H);
            for (i = 0; i < d; i++)
                acb_sub(acb_mat_entry(M1, i, i), acb_mat_entry(M1, i, i), E + j, prec);
            acb_sub(t, E + n, E + j, prec);
            acb_inv(t, t, prec);
            acb_mat_scalar_mul_acb(M1, M1, t, prec);
            acb_mat_mul(Pr + n, Pr + n, M1, prec);
        }
    }
    /* d_k E_n = tr(P_n d_k H) */
    for (n = 0; n < d; n++)
        for (k = 0; k < 2; k++)
        {
            acb_mat_mul(M1, Pr + n, dH[k], prec);
            acb_mat_trace(dE + 2 * n + k, M1, prec);
        }
    /* Gibbs populations, shifted by E_0 for stability: p_n = e^{-(E_n - E_0)/T} / Z */
    acb_zero(u);
    for (n = 0; n < d; n++)
    {
        acb_sub(t, E + n, E + 0, prec);
        acb_div(t, t, T, prec);
        acb_neg(t, t);
        acb_exp(p + n, t, prec);
        acb_add(u, u, p + n, prec);
    }
    for (n = 0; n < d; n++)
        acb_div(p + n, p + n, u, prec);
    /* rate matrices */
    acb_mat_zero(W);
    for (a = 0; a < 2; a++)
    {
        acb_mat_zero(Wa[a]);
        acb_set_fmpq(g, a == 0 ? P->gamma_L : P->gamma_R, prec);
        for (m = 0; m < d; m++)
            for (n = 0; n < d; n++)
            {
                if (m == n)
                    continue;
                /* c = tr(P_m A P_n A) */
                acb_mat_mul(M1, Pr + m, A[a], prec);
                acb_mat_mul(M2, M1, Pr + n, prec);
                acb_mat_mul(M1, M2, A[a], prec);
                acb_mat_trace(c, M1, prec);
                /* G(om) = gamma om / (1 - e^{-om/T}), om = E_n - E_m (energy given to the bath) */
                acb_sub(om, E + n, E + m, prec);
                acb_div(t, om, T, prec);
                acb_neg(t, t);
                acb_expm1(t, t, prec);
                acb_div(t, om, t, prec);
                acb_neg(t, t);
                acb_mul(t, t, g, prec);
                acb_mul(acb_mat_entry(Wa[a], m, n), t, c, prec);
            }
        for (n = 0; n < d; n++)
        {
            acb_zero(t);
            for (m = 0; m < d; m++)
                if (m != n)
                    acb_add(t, t, acb_mat_entry(Wa[a], m, n), prec);
            acb_neg(acb_mat_entry(Wa[a], n, n), t);
        }
        acb_mat_add(W, W, Wa[a], prec);
    }
    /* W^+ with sum x = 0: replace row 0 by ones, rhs 0 (lemma L5 on the population block) */
    acb_mat_set(M1, W);
    for (n = 0; n < d; n++)
        acb_one(acb_mat_entry(M1, 0, n));
    for (k = 0; k < 2; k++)
    {
        /* d_k p_n = -p_n (d_k E_n - <d_k E>)/T */
        acb_zero(u);
        for (n = 0; n < d; n++)
            acb_addmul(u, p + n, dE + 2 * n + k, prec);
        for (n = 0; n < d; n++)
        {
            acb_sub(t, dE + 2 * n + k, u, prec);
            acb_mul(t, t, p + n, prec);
            acb_div(t, t, T, prec);
            acb_neg(acb_mat_entry(y, n, 0), t);
        }
        acb_zero(acb_mat_entry(y, 0, 0));
        if (!acb_mat_solve(x, M1, y, prec))
        {
            for (i = 0; i < 4; i++)
                acb_indeterminate(Lam + i);
            st = qt_fail(reason, QT_UNCERTIFIED, "the population rate matrix could not be proven to have a unique stationary state (a dark level, e.g. the singlet for b = 1, makes the Drazin inverse undefined)");
            goto done;
        }
        for (a = 0; a < 2; a++)
        {
            acb_mat_mul(y, Wa[a], x, prec);
            acb_zero(Lam + 2 * a + k);
            for (n = 0; n < d; n++)
                acb_submul(Lam + 2 * a + k, E + n, acb_mat_entry(y, n, 0), prec);
        }
    }
done:
    acb_mat_clear(H); acb_mat_clear(dH[0]); acb_mat_clear(dH[1]);
    acb_mat_clear(A[0]); acb_mat_clear(A[1]); acb_mat_clear(M1); acb_mat_clear(M2);
    acb_mat_clear(R); acb_mat_clear(L); acb_mat_clear(Am); acb_mat_clear(W);
    acb_mat_clear(Wa[0]); acb_mat_clear(Wa[1]); acb_mat_clear(y); acb_mat_clear(x); acb_mat_clear(Pn);
    _acb_vec_clear(E, d); _acb_vec_clear(Ea, d); _acb_vec_clear(p, d); _acb_vec_clear(dE, 2 * d);
    for (n = 0; n < d; n++)
        acb_mat_clear(Pr + n);
    free(Pr);
    acb_clear(s); acb_clear(Jc); acb_clear(t); acb_clear(u); acb_clear(T); acb_clear(g); acb_clear(c); acb_clear(om);
    (void) analytic;
    return st;
}
