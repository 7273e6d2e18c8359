/* qubit_pump.c -- the geometric coefficients Lambda_{a,k} of one slowly driven qubit (pumping.md 1-2),
 * built holomorphically in (B_x, B_z) so that line integrals can use certified complex quadrature
 * (lemmas P1-P4 of proofs/pumping.md):
 *   H = s (B_x sx + B_z sz), B = sqrt(B_x^2 + B_z^2) (principal branch, Re B^2 > 0), u = H/(sB),
 *   P_e = (1 + u)/2, P_g = (1 - u)/2, one Bohr frequency w = 2 s B;
 *   D_a = G_a(w) D[P_g A_a P_e] + G_a(-w) D[P_e A_a P_g] + G_a(0) D[P_e A_a P_e + P_g A_a P_g],
 *   G_a(w) = gamma_a w / (1 - e^{-w/T}), G_a(-w) = G_a(w) e^{-w/T}, G_a(0) = gamma_a T;
 *   rho0 = (1 - tanh(sB/T) u)/2 (the Gibbs state, KMS), d_k rho0 in closed form;
 *   X_k = L^+ d_k rho0 (Drazin solve), Lambda_{a,k} = -tr(H D_a(X_k)).
 * Every operator is a real analytic function of (B_x, B_z); adjoints are plain transposes. */
#include <string.h>
#include "pump_internal.h"

void
qt_pump_params_init(qt_pump_params_t P)
{
    P->n_qubits = 1;
    fmpq_init(P->gamma_L); fmpq_init(P->gamma_R); fmpq_init(P->T);
    fmpq_init(P->J); fmpq_init(P->Delta); fmpq_init(P->b); fmpq_init(P->T_R);
    fmpq_set_si(P->T_R, -1, 1);           /* unset: equal to T */
    fmpq_one(P->Delta);
    fmpq_one(P->b);
    P->convention = QT_PUMP_PAULI;
    P->coupling = QT_PUMP_COUPLING_DEFAULT;
    P->route = QT_PUMP_ROUTE_AUTO;
    qt_qmat_init(P->A_mat + 0, 0);
    qt_qmat_init(P->A_mat + 1, 0);
    P->n_extra = 0;
    for (slong i = 0; i < QT_PUMP_MAX_BATHS - 2; i++)
    {
        fmpq_init(P->gamma_x + i);
        fmpq_init(P->T_x + i);
        qt_qmat_init(P->A_x + i, 0);
    }
}

/* B <- a copy of A, resized to A's dimension */
static void
qmat_assign(qt_qmat_struct *B, const qt_qmat_struct *A)
{
    qt_qmat_clear(B);
    qt_qmat_init(B, A->n);
    qt_qmat_set(B, A);
}

int
qt_pump_params_add_bath(qt_pump_params_struct *P, const fmpq_t gamma, const fmpq_t T, const qt_qmat_struct *A)
{
    slong i = P->n_extra;
    if (i >= QT_PUMP_MAX_BATHS - 2)
        return 0;
    fmpq_set(P->gamma_x + i, gamma);
    fmpq_set(P->T_x + i, T);
    qmat_assign(P->A_x + i, A);
    P->n_extra = i + 1;
    return 1;
}

slong
qt_pump_n_baths(const qt_pump_params_struct *P)
{
    return 2 + P->n_extra;
}

const char *
qt_pump_bath_name(slong a)
{
    static const char *const names[QT_PUMP_MAX_BATHS] = {"L", "R", "3", "4"};
    return (a >= 0 && a < QT_PUMP_MAX_BATHS) ? names[a] : "?";
}

void
qt_pump_params_set_coupling_matrices(qt_pump_params_struct *P, const qt_qmat_struct *AL, const qt_qmat_struct *AR)
{
    slong a;
    for (a = 0; a < 2; a++)
        qmat_assign(P->A_mat + a, a == 0 ? AL : AR);
    P->coupling = QT_PUMP_COUPLING_MATRIX;
}

void
qt_pump_params_clear(qt_pump_params_t P)
{
    fmpq_clear(P->gamma_L); fmpq_clear(P->gamma_R); fmpq_clear(P->T);
    fmpq_clear(P->J); fmpq_clear(P->Delta); fmpq_clear(P->b); fmpq_clear(P->T_R);
    qt_qmat_clear(P->A_mat + 0);
    qt_qmat_clear(P->A_mat + 1);
    for (slong i = 0; i < QT_PUMP_MAX_BATHS - 2; i++)
    {
        fmpq_clear(P->gamma_x + i);
        fmpq_clear(P->T_x + i);
        qt_qmat_clear(P->A_x + i);
    }
}

/* the first bath (1 = R, 2, 3 = baths 3, 4) whose temperature differs from T, or 0 if none does */
static slong
first_bath_off_T(const qt_pump_params_struct *P)
{
    slong i;
    if (fmpq_sgn(P->T_R) >= 0 && !fmpq_equal(P->T_R, P->T))
        return 1;
    for (i = 0; i < P->n_extra; i++)
        if (!fmpq_equal(P->T_x + i, P->T))
            return 2 + i;
    return 0;
}

int
qt_pump_equal_temperatures(const qt_pump_params_struct *P)
{
    return first_bath_off_T(P) == 0;
}

const char *
qt_pump_unequal_temperature_field(const qt_pump_params_struct *P)
{
    static const char *const names[QT_PUMP_MAX_BATHS] = {"T", "T_R", "T_3", "T_4"};
    return names[first_bath_off_T(P)];
}

/* an exact coupling matrix: d x d, Hermitian, nonzero (name: the parameter) */
static int
check_coupling_matrix(const qt_qmat_struct *A, const char *name, const qt_pump_params_struct *P, char *reason)
{
    slong k, d = (slong) 1 << P->n_qubits;
    int zero = 1;
    if (A->n != d)
    {
        snprintf(reason, QT_REASON_LEN, "%s: must be %ld x %ld for n_qubits = %ld, got %ld x %ld", name, (long) d, (long) d,
                 (long) P->n_qubits, (long) A->n, (long) A->n);
        return QT_DOMAIN;
    }
    if (!qt_qmat_is_hermitian(A, NULL, 0))
    {
        snprintf(reason, QT_REASON_LEN, "%s: the coupling operator must be Hermitian (exactly)", name);
        return QT_DOMAIN;
    }
    for (k = 0; k < d * d; k++)
        zero = zero && fmpq_is_zero(A->re + k) && fmpq_is_zero(A->im + k);
    if (zero)
    {
        snprintf(reason, QT_REASON_LEN, "%s: the zero matrix couples nothing (that bath's rate would be idle and the steady state not unique)", name);
        return QT_DOMAIN;
    }
    return QT_OK;
}

/* baths 3, 4 (lemma P27) */
static int
validate_extra_baths(const qt_pump_params_struct *P, char *reason)
{
    slong i;
    int st;
    char name[32];
    if (P->n_extra < 0 || P->n_extra > QT_PUMP_MAX_BATHS - 2)
        return qt_fail(reason, QT_DOMAIN, "baths: at most 4 baths (L, R, 3, 4)");
    if (P->n_extra == 0)
        return QT_OK;
    if (P->n_qubits == 1 && P->coupling != QT_PUMP_COUPLING_DEFAULT)
        return qt_fail(reason, QT_DOMAIN, "coupling: one qubit with further baths couples bath L through sigma_x and bath R through sigma_z (coupling=default); give other operators as baths 3, 4");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL)
        return qt_fail(reason, QT_DOMAIN, "gamma_3: baths beyond L and R act on the whole register and cannot be combined with coupling=local (the product route of lemma P16)");
    for (i = 0; i < P->n_extra; i++)
    {
        snprintf(name, sizeof name, "gamma_%ld", (long) i + 3);
        if (fmpq_sgn(P->gamma_x + i) <= 0)
            return qt_fail(reason, QT_DOMAIN, "%s: must be > 0 (a zero rate makes the bath idle; negative rates are not a semigroup)", name);
        snprintf(name, sizeof name, "T_%ld", (long) i + 3);
        if (fmpq_sgn(P->T_x + i) <= 0)
            return qt_fail(reason, QT_DOMAIN, "%s: the temperature of bath %ld must be > 0", name, (long) i + 3);
        snprintf(name, sizeof name, "A_%ld", (long) i + 3);
        if ((st = check_coupling_matrix(P->A_x + i, name, P, reason)) != QT_OK)
            return st;
    }
    return QT_OK;
}

int
qt_pump_params_validate(const qt_pump_params_struct *P, char *reason)
{
    if (P->n_qubits < 1 || P->n_qubits > 3)
        return qt_fail(reason, QT_DOMAIN, "n_qubits: must be 1, 2 or 3");
    if (P->n_qubits == 1 && !fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "J: must be 0 for n_qubits = 1 (there is no pair to couple)");
    if (fmpq_sgn(P->gamma_L) <= 0)
        return qt_fail(reason, QT_DOMAIN, "gamma_L: must be > 0 (a zero rate makes the stationary state of that bath's channel non-unique; negative rates are not a semigroup)");
    if (fmpq_sgn(P->gamma_R) <= 0)
        return qt_fail(reason, QT_DOMAIN, "gamma_R: must be > 0 (a zero rate makes the stationary state of that bath's channel non-unique; negative rates are not a semigroup)");
    if (fmpq_sgn(P->T) <= 0)
        return qt_fail(reason, QT_DOMAIN, "T: the common bath temperature must be > 0");
    if (!qt_pump_equal_temperatures(P) && fmpq_is_zero(P->T_R))
        return qt_fail(reason, QT_DOMAIN, "T_R: the temperature of bath R must be > 0");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL && P->n_qubits > 1 && !fmpq_is_zero(P->J))
        return qt_fail(reason, QT_DOMAIN, "J: coupling=local is implemented for non-interacting qubits (J = 0, the product route of lemma P16)");
    if (P->coupling == QT_PUMP_COUPLING_LOCAL && P->n_qubits > 1 && fmpq_is_zero(P->b))
        return qt_fail(reason, QT_DOMAIN, "b: must be nonzero for coupling=local (qubit 2 would have no bath and no unique steady state)");
    if (P->coupling == QT_PUMP_COUPLING_MATRIX)
    {
        slong a;
        if (P->n_qubits < 2)
            return qt_fail(reason, QT_DOMAIN, "coupling=matrix: implemented for n_qubits = 2 or 3 (one qubit: bath L through sigma_x and bath R through sigma_z)");
        for (a = 0; a < 2; a++)
        {
            int st = check_coupling_matrix(P->A_mat + a, a == 0 ? "A_L" : "A_R", P, reason);
            if (st != QT_OK)
                return st;
        }
    }
    return validate_extra_baths(P, reason);
}

void
qt_pump_bath_temperature(acb_t Ta, const qt_pump_params_struct *P, int a, slong prec)
{
    if (a >= 2)
        acb_set_fmpq(Ta, P->T_x + (a - 2), prec);
    else
        acb_set_fmpq(Ta, (a == 1 && fmpq_sgn(P->T_R) >= 0) ? P->T_R : P->T, prec);
}

void
qt_pump_lambda_pair(acb_t res, acb_srcptr Lam, slong nb, slong pair, slong stride, int k, slong prec)
{
    acb_t t;
    acb_set(res, Lam + stride * (2 * pair) + k);
    if (2 * pair + 1 < nb)
    {
        acb_init(t);
        acb_mul_onei(t, Lam + stride * (2 * pair + 1) + k);
        acb_add(res, res, t, prec);
        acb_clear(t);
    }
}

void
qt_pump_bath_rate(acb_t g, const qt_pump_params_struct *P, int a, slong prec)
{
    acb_set_fmpq(g, a == 0 ? P->gamma_L : a == 1 ? P->gamma_R : P->gamma_x + (a - 2), prec);
}

void
qt_pump_nx2_gradient(acb_ptr g, const acb_t nx, const acb_t nz, const acb_t r, slong prec)
{
    acb_mul(g + 0, nz, nz, prec);
    acb_mul(g + 0, g + 0, nx, prec);
    acb_mul_2exp_si(g + 0, g + 0, 1);
    acb_div(g + 0, g + 0, r, prec);
    acb_mul(g + 1, nx, nx, prec);
    acb_mul(g + 1, g + 1, nz, prec);
    acb_mul_2exp_si(g + 1, g + 1, 1);
    acb_div(g + 1, g + 1, r, prec);
    acb_neg(g + 1, g + 1);
}

int
qt_pump_qubit_field(acb_t B2, acb_t B, acb_t s, acb_t T, acb_ptr out, slong nout, const qt_pump_params_struct *P,
                    const acb_t Bx, const acb_t Bz, int analytic, slong prec, char *reason)
{
    slong k;
    acb_mul(B2, Bx, Bx, prec);
    acb_addmul(B2, Bz, Bz, prec);
    if (!arb_is_positive(acb_realref(B2)))
    {
        for (k = 0; k < nout; k++)
            acb_indeterminate(out + k);
        return qt_fail(reason, analytic ? QT_UNCERTIFIED : QT_DOMAIN, "B = 0 (or B^2 not certified positive): the level degeneracy of the qubit, where the secular generator is discontinuous");
    }
    qt_acb_sqrt_right_half(B, B2, analytic, prec);
    if (P->convention == QT_PUMP_SPIN)
        acb_set_d(s, 0.5);
    else
        acb_one(s);
    acb_set_fmpq(T, P->T, prec);
    return QT_OK;
}

static void
set2(acb_mat_t A, const acb_t a, const acb_t b, const acb_t c, const acb_t d)
{
    acb_set(acb_mat_entry(A, 0, 0), a);
    acb_set(acb_mat_entry(A, 0, 1), b);
    acb_set(acb_mat_entry(A, 1, 0), c);
    acb_set(acb_mat_entry(A, 1, 1), d);
}

/* the full route; if zeta != NULL also the friction tensor zeta_{kl} = tr(d_k H L^+ d_l rho0)
 * (zeta[2k + l]) */
static int
full_route(acb_ptr Lam, acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
           int analytic, slong prec, char *reason)
{
    acb_t s, B2, B, w, T, e, g, r, f, df, t, one, zero, x;
    acb_mat_t H, u, Pe, Pg, A, Al, Au, A0, Alt, Aut, A0t, M, D, rho_d, X, Y, sig[2];
    qt_lindblad_t G;
    slong a, k;
    int st = QT_OK;

    acb_init(s); acb_init(B2); acb_init(B); acb_init(w); acb_init(T); acb_init(e); acb_init(g);
    acb_init(r); acb_init(f); acb_init(df); acb_init(t); acb_init(one); acb_init(zero); acb_init(x);
    acb_mat_init(H, 2, 2); acb_mat_init(u, 2, 2); acb_mat_init(Pe, 2, 2); acb_mat_init(Pg, 2, 2);
    acb_mat_init(A, 2, 2); acb_mat_init(Al, 2, 2); acb_mat_init(Au, 2, 2); acb_mat_init(A0, 2, 2);
    acb_mat_init(Alt, 2, 2); acb_mat_init(Aut, 2, 2); acb_mat_init(A0t, 2, 2); acb_mat_init(M, 4, 4);
    acb_mat_init(D, 2, 2); acb_mat_init(rho_d, 2, 4); acb_mat_init(X, 2, 4); acb_mat_init(Y, 2, 2);
    acb_mat_init(sig[0], 2, 2); acb_mat_init(sig[1], 2, 2);
    qt_lindblad_init(G, 2);
    acb_one(one);

    if (!qt_pump_equal_temperatures(P))
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        st = qt_fail(reason, QT_DOMAIN, "T_R: the full Lindblad route (and the friction tensor) is implemented at equal temperatures only");
        goto done;
    }
    if ((st = qt_pump_qubit_field(B2, B, s, T, Lam, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    /* sigma_x, sigma_z; H = s (B_x sx + B_z sz); u = H/(s B) */
    set2(sig[0], zero, one, one, zero);
    acb_neg(t, one);
    set2(sig[1], one, zero, zero, t);
    acb_mul(x, s, Bx, prec);
    acb_mul(t, s, Bz, prec);
    acb_neg(e, t);
    set2(H, t, x, x, e);
    acb_div(x, Bx, B, prec);
    acb_div(t, Bz, B, prec);
    acb_neg(e, t);
    set2(u, t, x, x, e);
    acb_mat_one(Pe);
    acb_mat_add(Pe, Pe, u, prec);
    acb_mat_scalar_mul_2exp_si(Pe, Pe, -1);
    acb_mat_one(Pg);
    acb_mat_sub(Pg, Pg, u, prec);
    acb_mat_scalar_mul_2exp_si(Pg, Pg, -1);

    /* w = 2 s B; G(w) = gamma w / (1 - e^{-w/T}) = -gamma w / expm1(-w/T); G(-w) = G(w) e^{-w/T} */
    acb_mul(w, s, B, prec);
    acb_mul_2exp_si(w, w, 1);
    acb_div(e, w, T, prec);
    acb_neg(e, e);
    qt_lindblad_set_hamiltonian(G, H);
    for (a = 0; a < 2; a++)
    {
        qt_pump_bath_rate(g, P, a, prec);
        acb_mat_set(A, sig[a == 0 ? 0 : 1]);            /* A_L = sigma_x, A_R = sigma_z */
        acb_mat_mul(Al, Pg, A, prec);
        acb_mat_mul(Al, Al, Pe, prec);                  /* lowering: gives w to the bath */
        acb_mat_mul(Au, Pe, A, prec);
        acb_mat_mul(Au, Au, Pg, prec);
        acb_mat_mul(A0, Pe, A, prec);
        acb_mat_mul(A0, A0, Pe, prec);
        acb_mat_mul(Y, Pg, A, prec);
        acb_mat_mul(Y, Y, Pg, prec);
        acb_mat_add(A0, A0, Y, prec);
        acb_mat_transpose(Alt, Al);
        acb_mat_transpose(Aut, Au);
        acb_mat_transpose(A0t, A0);
        /* rates */
        acb_expm1(t, e, prec);
        acb_div(r, w, t, prec);
        acb_neg(r, r);
        acb_mul(r, r, g, prec);                         /* G(w) */
        qt_lindblad_add_with_adjoint(G, Al, Alt, r, a, prec);
        acb_exp(t, e, prec);
        acb_mul(r, r, t, prec);                         /* G(-w) */
        qt_lindblad_add_with_adjoint(G, Au, Aut, r, a, prec);
        acb_mul(r, g, T, prec);                         /* G(0) = gamma T */
        qt_lindblad_add_with_adjoint(G, A0, A0t, r, a, prec);
    }

    /* d_k rho0 = -(1/2) (d_k f u + f d_k u), f = tanh(sB/T), d_k f = (s/T)(1 - f^2) lambda_k / B,
       d_k u = sigma_k / B - u lambda_k / B^2 (lemma P2) */
    acb_mul(t, s, B, prec);
    acb_div(t, t, T, prec);
    acb_tanh(f, t, prec);
    for (k = 0; k < 2; k++)
    {
        const acb_struct *lk = k == 0 ? Bx : Bz;
        slong i, j;
        acb_mul(df, f, f, prec);
        acb_sub(df, one, df, prec);
        acb_mul(df, df, s, prec);
        acb_div(df, df, T, prec);
        acb_mul(df, df, lk, prec);
        acb_div(df, df, B, prec);
        for (i = 0; i < 2; i++)
            for (j = 0; j < 2; j++)
            {
                /* d_k u entry */
                acb_div(x, acb_mat_entry(sig[k], i, j), B, prec);
                acb_mul(t, acb_mat_entry(u, i, j), lk, prec);
                acb_div(t, t, B2, prec);
                acb_sub(x, x, t, prec);
                acb_mul(x, x, f, prec);
                acb_addmul(x, df, acb_mat_entry(u, i, j), prec);
                acb_mul_2exp_si(x, x, -1);
                acb_neg(acb_mat_entry(rho_d, i, 2 * k + j), x);
            }
    }
    qt_lindblad_superop(M, G, prec);
    st = qt_lindblad_drazin_solve(X, M, rho_d, prec, reason);
    if (st != QT_OK)
    {
        for (k = 0; k < 4; k++)
            acb_indeterminate(Lam + k);
        goto done;
    }
    for (a = 0; a < 2; a++)
        for (k = 0; k < 2; k++)
        {
            slong i, j;
            acb_mat_t Xk;
            acb_mat_init(Xk, 2, 2);
            for (i = 0; i < 2; i++)
                for (j = 0; j < 2; j++)
                    acb_set(acb_mat_entry(Xk, i, j), acb_mat_entry(X, i, 2 * k + j));
            qt_lindblad_apply(D, G, Xk, a, prec);
            acb_mat_mul(Y, H, D, prec);
            acb_mat_trace(Lam + 2 * a + k, Y, prec);
            acb_neg(Lam + 2 * a + k, Lam + 2 * a + k);
            acb_mat_clear(Xk);
        }
    if (zeta != NULL)
        for (k = 0; k < 2; k++)
        {
            slong l, i, j;
            for (l = 0; l < 2; l++)
            {
                /* tr(d_k H X_l), d_k H = s sigma_k */
                acb_zero(zeta + 2 * k + l);
                for (i = 0; i < 2; i++)
                    for (j = 0; j < 2; j++)
                        acb_addmul(zeta + 2 * k + l, acb_mat_entry(sig[k], i, j), acb_mat_entry(X, j, 2 * l + i), prec);
                acb_mul(zeta + 2 * k + l, zeta + 2 * k + l, s, prec);
            }
        }
done:
    acb_clear(s); acb_clear(B2); acb_clear(B); acb_clear(w); acb_clear(T); acb_clear(e); acb_clear(g);
    acb_clear(r); acb_clear(f); acb_clear(df); acb_clear(t); acb_clear(one); acb_clear(zero); acb_clear(x);
    acb_mat_clear(H); acb_mat_clear(u); acb_mat_clear(Pe); acb_mat_clear(Pg);
    acb_mat_clear(A); acb_mat_clear(Al); acb_mat_clear(Au); acb_mat_clear(A0);
    acb_mat_clear(Alt); acb_mat_clear(Aut); acb_mat_clear(A0t); acb_mat_clear(M);
    acb_mat_clear(D); acb_mat_clear(rho_d); acb_mat_clear(X); acb_mat_clear(Y);
    acb_mat_clear(sig[0]); acb_mat_clear(sig[1]);
    qt_lindblad_clear(G);
    return st;
}

int
qt_pump_lambda_full_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                        int analytic, slong prec, char *reason)
{
    if (qt_pump_is_product(P))
        return qt_pump_product_sum(Lam, 4, qt_pump_lambda_full_acb, P, Bx, Bz, analytic, prec, reason);
    if (!qt_pump_single_like(P))
    {
        /* interacting qubits: the global Davies route at exact real points (lemma P17) */
        fmpq_t x, z;
        int st;
        if (!acb_is_exact(Bx) || !acb_is_exact(Bz) || !acb_is_real(Bx) || !acb_is_real(Bz))
        {
            slong k;
            for (k = 0; k < 4; k++)
                acb_indeterminate(Lam + k);
            return qt_fail(reason, QT_DOMAIN, "n_qubits: the full route for interacting qubits needs an exact real point (the exact Bohr-frequency grouping of lemma P17)");
        }
        fmpq_init(x); fmpq_init(z);
        arf_get_fmpq(x, arb_midref(acb_realref(Bx)));
        arf_get_fmpq(z, arb_midref(acb_realref(Bz)));
        st = qt_pump_davies_route(Lam, NULL, P, x, z, prec, reason);
        fmpq_clear(x); fmpq_clear(z);
        return st;
    }
    return full_route(Lam, NULL, P, Bx, Bz, analytic, prec, reason);
}

/* the friction tensor of one qubit by the full route (the factor of the product route) */
static int
qubit_friction_full(acb_ptr zeta, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz, int analytic,
                    slong prec, char *reason)
{
    acb_ptr L = _acb_vec_init(4);
    int st = full_route(L, zeta, P, Bx, Bz, analytic, prec, reason);
    _acb_vec_clear(L, 4);
    return st;
}

/* T_R != T (lemma P21): the global Davies route at the exact point, for coupling=local summed over the one-qubit
   factors (lemma P16); two qubits with J = 0 on shared baths by the field frame (lemma P29) */
static int
friction_unequal_temperatures(acb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz,
                              slong prec, char *reason)
{
    qt_pump_params_t F;
    acb_ptr v;
    slong j;
    int st = QT_OK;
    if (qt_pump_collective_j0(P))
    {
        /* J = 0 on shared baths: the degenerate pair T_0, S may hold stationary coherences, outside P21; the
           field-frame route of lemma P29 at the exact point */
        acb_t bx, bz;
        acb_init(bx); acb_init(bz);
        acb_set_fmpq(bx, Bx, prec);
        acb_set_fmpq(bz, Bz, prec);
        st = qt_pump_friction_heis2_acb(zeta, P, bx, bz, 0, prec, reason);
        acb_clear(bx); acb_clear(bz);
        return st;
    }
    if (!qt_pump_is_product(P))
        return qt_pump_davies_route(NULL, zeta, P, Bx, Bz, prec, reason);
    v = _acb_vec_init(4);
    qt_pump_params_init(F);
    _acb_vec_zero(zeta, 4);
    for (j = 0; j < P->n_qubits && st == QT_OK; j++)
    {
        qt_pump_product_factor(F, P, j);
        st = qt_pump_davies_route(NULL, v, F, Bx, Bz, prec, reason);
        _acb_vec_add(zeta, zeta, v, 4, prec);
    }
    qt_pump_params_clear(F);
    _acb_vec_clear(v, 4);
    return st;
}

int
qt_pump_friction(arb_ptr zeta, const qt_pump_params_struct *P, const fmpq_t Bx, const fmpq_t Bz, slong prec, char *reason)
{
    acb_t bx, bz;
    acb_ptr Z = _acb_vec_init(4);
    slong k;
    int st;
    acb_init(bx); acb_init(bz);
    acb_set_fmpq(bx, Bx, prec);
    acb_set_fmpq(bz, Bz, prec);
    if ((st = qt_pump_singlet_is_dark(P, reason)) != QT_OK)
        _acb_vec_indeterminate(Z, 4);
    else if (!qt_pump_equal_temperatures(P))
        st = friction_unequal_temperatures(Z, P, Bx, Bz, prec, reason);
    else if (qt_pump_is_product(P))
        st = qt_pump_product_sum(Z, 4, qubit_friction_full, P, bx, bz, 0, prec, reason);   /* lemma P16 */
    else if (!qt_pump_single_like(P))
        st = qt_pump_davies_route(NULL, Z, P, Bx, Bz, prec, reason);    /* interacting qubits, further baths: P17 */
    else
        st = qubit_friction_full(Z, P, bx, bz, 0, prec, reason);
    for (k = 0; k < 4; k++)
        arb_set(zeta + k, acb_realref(Z + k));   /* real at real points */
    acb_clear(bx); acb_clear(bz);
    _acb_vec_clear(Z, 4);
    return st;
}

static int qubit_lambda(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                        int analytic, slong prec, char *reason);

/* lemma P3 (secular block structure): with non-degenerate levels the Davies generator maps populations
 * to populations by the Pauli rate matrix W = sum_a W_a, W_a[m][n] = G_a(E_n - E_m) tr(P_m A_a P_n A_a)
 * (m != n), and coherences to coherences; L^+ keeps the blocks, and tr(H D_a X) depends only on the
 * populations of X.  Hence Lambda_{a,k} = -sum_n E_n (W_a W^+ d_k p)_n with d_k p the derivative of the
 * Gibbs populations (Hellmann-Feynman: d_k E_n = tr(P_n d_k H)).  For one qubit: levels e (E = sB),
 * g (E = -sB); tr(P_g A P_e A) = tr(P_e A P_g A) =: c_a. */
int
qt_pump_lambda_acb(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
                   int analytic, slong prec, char *reason)
{
    int st;
    if (qt_pump_is_product(P))
        st = qt_pump_product_sum(Lam, 4, qubit_lambda, P, Bx, Bz, analytic, prec, reason);
    else if (!qt_pump_single_like(P))
        st = qt_pump_lambda_multi_acb(Lam, P, P->J, P->Delta, P->b, Bx, Bz, analytic, prec, reason);
    else
        st = qubit_lambda(Lam, P, Bx, Bz, analytic, prec, reason);
    /* the integrands (heat, Cauchy derivatives) read Lam without the status: a refused or failed evaluation must
       leave no finite number behind */
    if (st != QT_OK)
        _acb_vec_indeterminate(Lam, 2 * qt_pump_n_baths(P));
    return st;
}

static int
qubit_lambda(acb_ptr Lam, const qt_pump_params_struct *P, const acb_t Bx, const acb_t Bz,
             int analytic, slong prec, char *reason)
{
    acb_t s, B2, B, w, T, e, g, r, up, dn, E, dE, pe, pg, dpe, t, c;
    acb_t Wd[2], Wu[2], Gd[2], Gdp[2], Ea[2], Tb[2];
    slong a, k;
    int st = QT_OK;
    acb_init(s); acb_init(B2); acb_init(B); acb_init(w); acb_init(T); acb_init(e); acb_init(g);
    acb_init(r); acb_init(up); acb_init(dn); acb_init(E); acb_init(dE); acb_init(pe); acb_init(pg);
    acb_init(dpe); acb_init(t); acb_init(c);
    for (a = 0; a < 2; a++)
    {
        acb_init(Wd[a]); acb_init(Wu[a]); acb_init(Gd[a]); acb_init(Gdp[a]); acb_init(Ea[a]); acb_init(Tb[a]);
    }
    if ((st = qt_pump_qubit_field(B2, B, s, T, Lam, 4, P, Bx, Bz, analytic, prec, reason)) != QT_OK)
        goto done;
    acb_mul(E, s, B, prec);                      /* E_e = sB = -E_g */
    acb_mul_2exp_si(w, E, 1);                    /* Bohr frequency */
    /* per bath a (temperature T_a): e_a = e^{-w/T_a}, G_a = gamma_a w/(1 - e_a),
       G'_a = dG_a/dw = gamma_a [(1 - e_a) - (w/T_a) e_a]/(1 - e_a)^2 (qt_ohmic_rate_derivative_acb); decay e -> g at G_a c_a, excitation at
       G_a e_a c_a; c_L = (B_z/B)^2, c_R = (B_x/B)^2 = 1 - c_L (lemma P3, P12) */
    for (a = 0; a < 2; a++)
    {
        acb_t Ta, ea, om1;
        acb_init(Ta); acb_init(ea); acb_init(om1);
        qt_pump_bath_temperature(Ta, P, (int) a, prec);
        qt_pump_bath_rate(g, P, a, prec);
        acb_div(e, w, Ta, prec);
        acb_neg(e, e);                           /* -w/T_a */
        acb_expm1(om1, e, prec);
        acb_neg(om1, om1);                       /* 1 - e_a */
        acb_exp(ea, e, prec);
        acb_div(r, w, om1, prec);
        acb_mul(r, r, g, prec);                  /* G_a(w) */
        acb_mul(c, a == 0 ? Bz : Bx, a == 0 ? Bz : Bx, prec);
        acb_div(c, c, B2, prec);
        acb_mul(Wd[a], r, c, prec);
        acb_mul(Wu[a], Wd[a], ea, prec);
        if (!qt_pump_equal_temperatures(P))
            qt_ohmic_rate_derivative_acb(Gdp[a], g, w, Ta, prec);   /* G'_a: only the T_R != T branch uses it */
        acb_set(Gd[a], r);
        acb_set(Ea[a], ea);
        acb_set(Tb[a], Ta);
        acb_clear(Ta); acb_clear(ea); acb_clear(om1);
    }
    acb_add(dn, Wd[0], Wd[1], prec);
    acb_add(up, Wu[0], Wu[1], prec);
    /* stationary populations: the Gibbs state at equal temperatures (stable closed forms, lemma P2);
       otherwise p_e = U/(D + U) (D = dn, U = up) and its derivative (lemma P12) */
    if (qt_pump_equal_temperatures(P))
    {
        acb_div(e, w, T, prec);
        acb_neg(e, e);
        acb_exp(t, e, prec);
        acb_add_ui(pe, t, 1, prec);
        acb_div(pe, t, pe, prec);
        acb_sub_ui(pg, pe, 1, prec);
        acb_neg(pg, pg);
    }
    for (k = 0; k < 2; k++)
    {
        if (qt_pump_equal_temperatures(P))
        {
            /* d_k p_e = -2 p_e p_g d_k E_e / T, d_k E_e = s lambda_k / B */
            acb_mul(dE, s, k == 0 ? Bx : Bz, prec);
            acb_div(dE, dE, B, prec);
            acb_mul(dpe, pe, pg, prec);
            acb_mul(dpe, dpe, dE, prec);
            acb_mul_2exp_si(dpe, dpe, 1);
            acb_div(dpe, dpe, T, prec);
            acb_neg(dpe, dpe);
        }
        else
        {
        /* d_k p_e = (d_k U D - U d_k D)/(D + U)^2, d_k w = 2 s lambda_k / B,
           d_x c_L = -2 B_z^2 B_x / B^4, d_z c_L = 2 B_z B_x^2 / B^4, d_k c_R = -d_k c_L */
        acb_t dw, dcL, dD, dU, q;
        acb_init(dw); acb_init(dcL); acb_init(dD); acb_init(dU); acb_init(q);
        acb_mul(dw, s, k == 0 ? Bx : Bz, prec);
        acb_mul_2exp_si(dw, dw, 1);
        acb_div(dw, dw, B, prec);
        acb_mul(dcL, Bx, Bz, prec);
        acb_mul(dcL, dcL, k == 0 ? Bz : Bx, prec);
        acb_mul_2exp_si(dcL, dcL, 1);
        acb_div(dcL, dcL, B2, prec);
        acb_div(dcL, dcL, B2, prec);
        if (k == 0)
            acb_neg(dcL, dcL);
        acb_zero(dD);
        acb_zero(dU);
        for (a = 0; a < 2; a++)
        {
            acb_mul(c, a == 0 ? Bz : Bx, a == 0 ? Bz : Bx, prec);
            acb_div(c, c, B2, prec);             /* c_a */
            /* d(G_a c_a) = G'_a dw c_a + G_a dc_a */
            acb_mul(q, Gdp[a], dw, prec);
            acb_mul(q, q, c, prec);
            if (a == 0)
                acb_addmul(q, Gd[a], dcL, prec);
            else
                acb_submul(q, Gd[a], dcL, prec);
            acb_add(dD, dD, q, prec);
            /* d(G_a e_a c_a) = e_a d(G_a c_a) - G_a e_a c_a dw / T_a */
            acb_mul(q, q, Ea[a], prec);
            acb_mul(t, Gd[a], Ea[a], prec);
            acb_mul(t, t, c, prec);
            acb_mul(t, t, dw, prec);
            acb_div(t, t, Tb[a], prec);
            acb_sub(q, q, t, prec);
            acb_add(dU, dU, q, prec);
        }
        acb_mul(dpe, dU, dn, prec);
        acb_submul(dpe, up, dD, prec);
        acb_add(t, dn, up, prec);
        acb_div(dpe, dpe, t, prec);
        acb_div(dpe, dpe, t, prec);
        acb_clear(dw); acb_clear(dcL); acb_clear(dD); acb_clear(dU); acb_clear(q);
        }
        /* W = [[-dn, up], [dn, -up]] on (p_e, p_g); W^+ on (y, -y) with x_e + x_g = 0:
           (W x)_e = -dn x_e + up x_g = -(dn + up) x_e = y  =>  x_e = -y/(dn + up) */
        acb_add(t, dn, up, prec);
        acb_div(t, dpe, t, prec);
        acb_neg(t, t);                           /* x_e; x_g = -x_e */
        for (a = 0; a < 2; a++)
        {
            /* (W_a x)_e = -(Wd_a + Wu_a) x_e, (W_a x)_g = +(Wd_a + Wu_a) x_e;
               Lambda = -(E_e (W_a x)_e + E_g (W_a x)_g) = 2 E (Wd_a + Wu_a) x_e */
            acb_add(c, Wd[a], Wu[a], prec);
            acb_mul(c, c, t, prec);
            acb_mul(c, c, E, prec);
            acb_mul_2exp_si(Lam + 2 * a + k, c, 1);
        }
    }
done:
    acb_clear(s); acb_clear(B2); acb_clear(B); acb_clear(w); acb_clear(T); acb_clear(e); acb_clear(g);
    acb_clear(r); acb_clear(up); acb_clear(dn); acb_clear(E); acb_clear(dE); acb_clear(pe); acb_clear(pg);
    acb_clear(dpe); acb_clear(t); acb_clear(c);
    for (a = 0; a < 2; a++)
    {
        acb_clear(Wd[a]); acb_clear(Wu[a]); acb_clear(Gd[a]); acb_clear(Gdp[a]); acb_clear(Ea[a]); acb_clear(Tb[a]);
    }
    return st;
}
