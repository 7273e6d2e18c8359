/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* route_j0_corner.c -- the quarter disc and the quadrant for two or three qubits with J = 0 on shared baths in a named
 * layout (lemma P30 of proofs/pumping.md), equal temperatures:
 *   arcs about B = 0 carry no heat (P28, X = 0); on the B_z axis bath R couples through sum_j c_j sz_j, which
 *   commutes with H, so it exchanges no energy, and the sum rule of P10 gives Lambda_L = -T grad S there; on the B_x
 *   axis the roles swap.  With S(r) = N S_1(r) (the Gibbs state of independent qubits), S(0+) = N ln 2:
 *   Q_L = -N T (ln 2 - S_1(R)) for the quarter disc of radius R, -N T ln 2 for the quadrant; Q_R = -Q_L.
 * The sum rule needs a unique stationary state on each axis; the generator's jump operators there do not depend on
 * r > 0 (constant projectors and grouping, positive rates), so a trivial commutant of {H, A_a(w)} (Frigerio's
 * criterion, the Gibbs state being faithful) decides it for the whole axis, exactly over Q. */
#include "pump_internal.h"

/* the Zeeman label of basis state i (sigma^z |0> = |0>; qubit 1 the most significant bit): sum_j (1 - 2 bit_j) */
static slong
zeeman_label(slong i, slong N)
{
    slong j, l = 0;
    for (j = 0; j < N; j++)
        l += ((i >> j) & 1) ? -1 : 1;
    return l;
}

static void
qvec_zero(fmpq *v, slong n)
{
    slong k;
    for (k = 0; k < n; k++)
        fmpq_zero(v + k);
}

static int
qvec_is_zero(const fmpq *v, slong n)
{
    slong k;
    for (k = 0; k < n; k++)
        if (!fmpq_is_zero(v + k))
            return 0;
    return 1;
}

/* adds the d^2 equations X M - M X = 0 (unknowns X_pq at p d + q) for the real matrix M (row-major) to S */
static void
add_commutation(qt_qspan_t S, const fmpq *M, slong d)
{
    fmpq *row = _fmpq_vec_init(d * d);
    slong i, j, k;
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            qvec_zero(row, d * d);
            for (k = 0; k < d; k++)
            {
                fmpq_add(row + i * d + k, row + i * d + k, M + k * d + j);     /* (X M)_ij */
                fmpq_sub(row + k * d + j, row + k * d + j, M + i * d + k);     /* (M X)_ij */
            }
            if (!qvec_is_zero(row, d * d))
                qt_qspan_insert(S, row, NULL);
        }
    _fmpq_vec_clear(row, d * d);
}

/* 1 iff the stationary state is unique at every point r e_axis, r > 0 (axis 0: B_x, 1: B_z).  In the frame where the
   field points along z, H = s r sum_j sz_j, and the couplings are bath L: sum_j c_j sx_j (axis z) or sum_j c_j sz_j
   (axis x), bath R: sum_j c_j sz_j (axis z) or -sum_j c_j sx_j (axis x); the jump operators A(w) are the parts of a
   coupling that change the Zeeman label by a fixed step (A(w)^T = A(-w): real symmetric couplings) */
static int
axis_stationary_unique(const qt_pump_model_t M, int axis, slong N)
{
    slong d = M->d, c, i, j, step;
    qt_qspan_t S;
    fmpq *Mm = _fmpq_vec_init(d * d);
    int unique;
    qt_qspan_init(S, d * d);
    for (i = 0; i < d; i++)
        fmpq_set_si(Mm + i * d + i, zeeman_label(i, N), 1);
    add_commutation(S, Mm, d);
    for (c = 0; c < M->nch; c++)
    {
        /* bath L (c = 0) is transverse on the z axis, bath R on the x axis */
        const qt_qmat_struct *A = (M->bath[c] == 0) == (axis == 1) ? M->Ax + c : M->Az + c;
        for (step = -2 * N; step <= 2 * N; step += 2)
        {
            int any = 0;
            qvec_zero(Mm, d * d);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                    if (zeeman_label(j, N) - zeeman_label(i, N) == step && !fmpq_is_zero(A->re + i * d + j))
                    {
                        fmpq_set(Mm + i * d + j, A->re + i * d + j);
                        any = 1;
                    }
            if (any)
                add_commutation(S, Mm, d);
        }
    }
    unique = S->dim == d * d - 1;
    qt_qspan_clear(S);
    _fmpq_vec_clear(Mm, d * d);
    return unique;
}

int
qt_pump_j0_corner_supported(const qt_pump_params_struct *P, char *reason)
{
    qt_pump_model_t M;
    int st = QT_OK, axis;
    if (!qt_pump_equal_temperatures(P))
        return qt_fail(reason, QT_DOMAIN, "%s: the quarter disc and the quadrant at J = 0 (lemma P30) need equal temperatures (the arcs carry heat otherwise); use protocol=sector", qt_pump_unequal_temperature_field(P));
    if ((st = qt_pump_parity_sectors_dark(P, reason)) != QT_OK)
        return st;
    qt_pump_model_init(M, P, P->J, P->Delta, P->b);
    for (axis = 0; axis < 2 && st == QT_OK; axis++)
        if (!axis_stationary_unique(M, axis, P->n_qubits))
            st = qt_fail(reason, QT_DOMAIN, "b: with J = 0 the generator on the B_%s axis conserves more than the trace (the commutant of H and the jump operators is not trivial, checked exactly), so the stationary state is not unique there and the heat of the quarter disc and the quadrant is undefined (lemma P30)", axis == 0 ? "x" : "z");
    qt_pump_model_clear(M);
    return st;
}

int
qt_pump_j0_corner_heat(arb_ptr Q, const qt_pump_params_struct *P, const fmpq *radius, slong prec, char *reason)
{
    arb_t S, t;
    int st;
    if ((st = qt_pump_j0_corner_supported(P, reason)) != QT_OK)
    {
        _arb_vec_indeterminate(Q, 2);
        return st;
    }
    arb_init(S); arb_init(t);
    if (radius != NULL)
    {
        arb_set_fmpq(t, radius, prec);
        qt_pump_qubit_gibbs_entropy(S, P, t, prec);         /* S_1(R); the quadrant: S_1(infinity) = 0 */
    }
    else
        arb_zero(S);
    arb_const_log2(t, prec);
    arb_sub(S, t, S, prec);
    arb_set_fmpq(t, P->T, prec);
    arb_mul(S, S, t, prec);
    arb_mul_si(S, S, P->n_qubits, prec);
    arb_neg(Q + 0, S);                                      /* Q_L = -N T (ln 2 - S_1(R)) */
    arb_set(Q + 1, S);
    arb_clear(S); arb_clear(t);
    return QT_OK;
}
