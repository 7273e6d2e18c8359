/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_heis2_closed.c -- two qubits with Heisenberg exchange (Delta = 1) in a sigma_x / sigma_z layout by the closed
 * eigen-decomposition of lemma P13: the triplet along n = B/|B| and the singlet, levels followed as analytic
 * branches through B = 0 and the crossing, closed transition weights, then the population route. */
#include "pump_internal.h"

/* coupling amplitudes of qubit j to bath a (0 = L, 1 = R) in the named layout */
static void
coupling_amp(acb_t c, const qt_pump_params_struct *P, const fmpq_t b, int a, slong j, slong prec)
{
    fmpq_t q;
    fmpq_init(q);
    qt_pump_coupling_amplitude(q, P, b, a, j);
    acb_set_fmpq(c, q, prec);
    fmpq_clear(q);
}

static void
field_and_exchange_scale(acb_t s, acb_t Jc, const qt_pump_params_struct *P, const fmpq_t J, slong prec)
{
    fmpq_t sq, Jq;
    fmpq_init(sq); fmpq_init(Jq);
    qt_pump_convention_scales(sq, Jq, P, J);
    acb_set_fmpq(s, sq, prec);
    acb_set_fmpq(Jc, Jq, prec);
    fmpq_clear(sq); fmpq_clear(Jq);
}

/* lemma P13 (weights): A = c1 s_1 + c2 s_2 = u Sigma + v Delta, u = (c1 + c2)/2, v = (c1 - c2)/2,
 * Delta = s_1 - s_2.  In the basis (+, 0, -, S) along n = (nx, nz) (perp = (nz, -nx)):
 * |<0|Sigma_perp|+->|^2 = 2, |<S|Delta_n|0>|^2 = 4, |<S|Delta_perp|+->|^2 = 2, Sigma_n and the + <-> -
 * pair give nothing.  sigma_x = nx (.)_n + nz (.)_perp, sigma_z = nz (.)_n - nx (.)_perp, so for bath L (x):
 * C[+-][0] = 2u^2 nz^2, C[0][S] = 4v^2 nx^2, C[+-][S] = 2v^2 nz^2; bath R (z): nx <-> nz. */
static void
heis2_fill(acb_mat_t C, const acb_t u2, const acb_t v2, const acb_t p2, const acb_t q2, slong prec)
{
    acb_t t;
    acb_init(t);
    acb_mat_zero(C);
    acb_mul(t, u2, p2, prec);
    acb_mul_2exp_si(t, t, 1);                 /* 2 u^2 p^2: + <-> 0, - <-> 0 */
    acb_set(acb_mat_entry(C, 0, 1), t); acb_set(acb_mat_entry(C, 1, 0), t);
    acb_set(acb_mat_entry(C, 2, 1), t); acb_set(acb_mat_entry(C, 1, 2), t);
    acb_mul(t, v2, q2, prec);
    acb_mul_2exp_si(t, t, 2);                 /* 4 v^2 q^2: 0 <-> S */
    acb_set(acb_mat_entry(C, 1, 3), t); acb_set(acb_mat_entry(C, 3, 1), t);
    acb_mul(t, v2, p2, prec);
    acb_mul_2exp_si(t, t, 1);                 /* 2 v^2 p^2: + <-> S, - <-> S */
    acb_set(acb_mat_entry(C, 0, 3), t); acb_set(acb_mat_entry(C, 3, 0), t);
    acb_set(acb_mat_entry(C, 2, 3), t); acb_set(acb_mat_entry(C, 3, 2), t);
    acb_clear(t);
}

/* the weights C_a and, if dC != NULL, their derivatives dC[2a + k] (lemma P19: with n = B/r,
 * d_x(n_x^2) = 2 n_x n_z^2 / r, d_z(n_x^2) = -2 n_x^2 n_z / r, d_k(n_z^2) = -d_k(n_x^2)) */
void
qt_pump_heis2_weights(acb_mat_struct *C, acb_mat_struct *dC, const qt_pump_params_struct *P, const acb_t r,
              const acb_t nx, const acb_t nz, slong prec)
{
    slong a, k;
    acb_t c1, c2, u2, v2, p2, q2, dp2, dq2;
    acb_ptr dx2 = _acb_vec_init(2);
    acb_init(c1); acb_init(c2); acb_init(u2); acb_init(v2); acb_init(p2); acb_init(q2);
    acb_init(dp2); acb_init(dq2);
    qt_pump_nx2_gradient(dx2, nx, nz, r, prec);
    for (a = 0; a < 2; a++)
    {
        coupling_amp(c1, P, P->b, (int) a, 0, prec);
        coupling_amp(c2, P, P->b, (int) a, 1, prec);
        acb_add(u2, c1, c2, prec);
        acb_mul_2exp_si(u2, u2, -1);
        acb_mul(u2, u2, u2, prec);
        acb_sub(v2, c1, c2, prec);
        acb_mul_2exp_si(v2, v2, -1);
        acb_mul(v2, v2, v2, prec);
        /* p = component along perp that multiplies Sigma_perp (nz for x, -nx for z), q = along n */
        acb_mul(p2, a == 0 ? nz : nx, a == 0 ? nz : nx, prec);
        acb_mul(q2, a == 0 ? nx : nz, a == 0 ? nx : nz, prec);
        heis2_fill(C + a, u2, v2, p2, q2, prec);
        for (k = 0; dC != NULL && k < 2; k++)
        {
            /* bath L: p2 = n_z^2, q2 = n_x^2; bath R: p2 = n_x^2, q2 = n_z^2 */
            acb_set(dq2, dx2 + k);
            if (a == 1)
                acb_neg(dq2, dq2);
            acb_neg(dp2, dq2);
            heis2_fill(dC + 2 * a + k, u2, v2, dp2, dq2, prec);
        }
    }
    acb_clear(c1); acb_clear(c2); acb_clear(u2); acb_clear(v2); acb_clear(p2); acb_clear(q2);
    _acb_vec_clear(dx2, 2);
    acb_clear(dp2); acb_clear(dq2);
}

/* lemma P13: two qubits, H = s r (n.Sigma) + J_c sigma_1.sigma_2 (Delta = 1), Sigma = sigma_1 + sigma_2.  The
 * spectral projectors are P_S = (1 - sigma_1.sigma_2)/4, P_+- = M(M +- 1)/2, P_0 = 1 - M^2 - P_S with M = (n.Sigma)/2;
 * they enter only through the closed weights of qt_pump_heis2_weights, so only the levels are formed here:
 * E_+ = 2sr + J_c, E_0 = J_c, E_- = -2sr + J_c, E_S = -3 J_c; d_k E_+- = +-2 s n_k, d_k E_0 = d_k E_S = 0.
 * Polynomials in (r, n): holomorphic, no eigenvalue enclosure needed, and the same formulas on both sides of
 * the crossing E_- = E_S. */
static void
heis2_levels(acb_ptr E, acb_ptr dE, const qt_pump_params_struct *P, const acb_t r, const acb_t nx,
             const acb_t nz, slong prec)
{
    acb_t s, Jc, t;
    slong k;
    acb_init(s); acb_init(Jc); acb_init(t);
    field_and_exchange_scale(s, Jc, P, P->J, prec);
    /* energies (order +, 0, -, S) and d_k E */
    acb_mul(t, s, r, prec);
    acb_mul_2exp_si(t, t, 1);                    /* 2 s r */
    acb_add(E + 0, Jc, t, prec);
    acb_set(E + 1, Jc);
    acb_sub(E + 2, Jc, t, prec);
    acb_mul_si(E + 3, Jc, -3, prec);
    for (k = 0; k < 2; k++)
    {
        acb_mul(t, s, k == 0 ? nx : nz, prec);
        acb_mul_2exp_si(dE + 0 + k, t, 1);
        acb_zero(dE + 2 + k);
        acb_neg(dE + 4 + k, dE + 0 + k);
        acb_zero(dE + 6 + k);
    }
    acb_clear(s); acb_clear(Jc); acb_clear(t);
}

int
qt_pump_level_crossing_radius(fmpq_t Bc, const qt_pump_params_struct *P)
{
    if (P->n_qubits != 2 || !fmpq_is_one(P->Delta) || fmpq_is_zero(P->J))
        return 0;
    /* E_- = E_S at 2 s r = 4 J_c (J_c > 0); E_+ = E_S at 2 s r = -4 J_c (J_c < 0): r = 2 |J_c| / s
       (pauli: 2|J|; spin: 2 (|J|/4) / (1/2) = |J|) */
    fmpq_t s;
    fmpq_init(s);
    qt_pump_convention_scales(s, Bc, P, P->J);
    fmpq_abs(Bc, Bc);
    fmpq_mul_2exp(Bc, Bc, 1);
    fmpq_div(Bc, Bc, s);
    fmpq_clear(s);
    return 1;
}

int
qt_pump_lambda_heis2_polar_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t r, const acb_t nx,
                               const acb_t nz, slong prec, char *reason)
{
    acb_mat_struct C[2], dC[4];
    acb_ptr E, dE;
    slong k;
    int st, neq = !qt_pump_equal_temperatures(P);
    if (P->n_qubits != 2 || !fmpq_is_one(P->Delta) || P->coupling == QT_PUMP_COUPLING_MATRIX || P->n_extra != 0)
        return qt_fail(reason, QT_DOMAIN, "the closed two-qubit route needs n_qubits = 2, Delta = 1, a sigma_x / sigma_z coupling layout and the two baths L, R");
    if (fmpq_is_zero(P->J))
    {
        _acb_vec_indeterminate(Lam, 4);
        return qt_fail(reason, QT_DOMAIN, "J: the closed two-qubit route (lemma P13) needs J != 0 (at J = 0 the levels T_0 and S coincide everywhere; circles, sectors and polygons use the field-frame route of lemma P25)");
    }
    E = _acb_vec_init(4);
    dE = _acb_vec_init(8);
    acb_mat_init(C + 0, 4, 4); acb_mat_init(C + 1, 4, 4);
    for (k = 0; k < 4; k++)
        acb_mat_init(dC + k, 4, 4);
    heis2_levels(E, dE, P, r, nx, nz, prec);
    qt_pump_heis2_weights(C, neq ? dC : NULL, P, r, nx, nz, prec);
    /* Gibbs reference: E_- (the ground branch at large r) */
    st = qt_pump_population_lambda(Lam, P, E, C, neq ? dC : NULL, dE, 2, prec, reason);
    acb_mat_clear(C + 0); acb_mat_clear(C + 1);
    for (k = 0; k < 4; k++)
        acb_mat_clear(dC + k);
    _acb_vec_clear(E, 4); _acb_vec_clear(dE, 8);
    return st;
}

/* lemma P13 at a Cartesian point: r = sqrt(B_x^2 + B_z^2) (principal branch: Re r^2 > 0 required), n = B / r, then the
   polar form */
int
qt_pump_lambda_heis2_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                         int analytic, slong prec, char *reason)
{
    acb_t r, nx, nz;
    slong k;
    int st;
    acb_init(r); acb_init(nx); acb_init(nz);
    acb_mul(r, Bx, Bx, prec);
    acb_addmul(r, Bz, Bz, prec);
    if (!arb_is_positive(acb_realref(r)))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        st = qt_fail(reason, analytic ? QT_UNCERTIFIED : QT_DOMAIN, "B = 0 (or B^2 not certified positive): the level degeneracy of the triplet, where the secular generator is discontinuous");
    }
    else
    {
        qt_acb_sqrt_right_half(r, r, analytic, prec);
        acb_div(nx, Bx, r, prec);
        acb_div(nz, Bz, r, prec);
        st = qt_pump_lambda_heis2_polar_acb(Lam, P, r, nx, nz, prec, reason);
    }
    acb_clear(r); acb_clear(nx); acb_clear(nz);
    return st;
}
