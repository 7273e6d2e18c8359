/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* landauer_internal.h -- shared between the files of ref/landauer only. */
#ifndef QTORACLE_LANDAUER_INTERNAL_H
#define QTORACLE_LANDAUER_INTERNAL_H

#include "qtoracle/landauer.h"

/* Integrand kinds (proofs/landauer.md, section 2). */
enum {
    LK_N = 0,      /* T (f_L - f_R)                          */
    LK_HR,         /* (E - mu_R) T (f_L - f_R)               */
    LK_S,          /* T (sigma(f_L) - sigma(f_R))            */
    LK_QR,         /* T_R T D(f_L || f_R)                    */
    LK_QL,         /* T_L T D(f_R || f_L)                    */
    LK_SRED,       /* sigma(T f_L + (1-T) f_R) - sigma(f_R)  */
    LK_LEVEL,      /* sum_a (G_a/G) L(E) sigma(f_a), Lorentzian level */
    LK_SRED_UP,    /* sigma(T f_L) - sigma(f_R): LK_SRED above E* for a cold sink (lemma T8) */
    LK_SRED_DOWN,  /* sigma(T f(-x_L)) - sigma(f_R): fermions below E_* (lemma T8) */
    LK_SRED_PLAIN  /* LK_SRED by plain quadrature, without the cold-sink split (its second method) */
};

#define QT_LANDAUER_SCRATCH 16

/* The parameters as balls at one working precision. */
typedef struct
{
    int stats, model, kind;
    int near0;                  /* bosons: use the forms regular at E = 0 */
    arb_t mu[2], T[2];          /* index 0 = L, 1 = R */
    arb_t tau, eps0, gL, gR, hw2, Elo, Ehi;
    arb_t hw;                   /* (gamma_L + gamma_R) / 2, the Lorentzian's half width */
    arb_t lnTLTR;               /* ln(T_L / T_R), bosons only (else indeterminate) */
    arb_t invT[2];              /* 1 / T_a (the reduced energies are products, not quotients) */
    arb_t gLgR;                 /* gamma_L gamma_R */
    arb_ptr scratch;            /* QT_LANDAUER_SCRATCH balls for qt_landauer_integrand_real */
    slong prec;
}
qt_landauer_ctx_struct;
typedef qt_landauer_ctx_struct qt_landauer_ctx_t[1];

void qt_landauer_ctx_init(qt_landauer_ctx_t c, const qt_landauer_params_t p, slong prec);
void qt_landauer_ctx_clear(qt_landauer_ctx_t c);

/* transmission T(E) (holomorphic; Lorentzian has poles at eps0 +- i gamma) */
void qt_landauer_transmission(acb_t t, const acb_t E, const qt_landauer_ctx_t c, slong prec);

/* Fermi kernels of x = (E - mu)/T (proofs/landauer.md, section 2.1) */
void qt_fermi(acb_t f, const acb_t x, slong prec);
void qt_softplus(acb_t r, const acb_t y, int analytic, slong prec);
void qt_fermi_entropy(acb_t s, const acb_t x, int analytic, slong prec);
void qt_fermi_kl(acb_t d, const acb_t xp, const acb_t xq, int analytic, slong prec);
void qt_binary_entropy(acb_t s, const acb_t p, const acb_t pbar, int analytic, slong prec);

/* Bose kernels (section 2.2); "far" forms for x away from 0, "near" forms regular at 0 */
void qt_bose(acb_t n, const acb_t x, slong prec);
void qt_bose_ell(acb_t l, const acb_t x, int analytic, slong prec);   /* -log(1 - e^-x) */
void qt_bose_q(acb_t q, acb_t lnS, const acb_t x, int analytic, slong prec); /* x/(e^x-1), ln(sinh(x/2)/(x/2)) */
void qt_bose_entropy_of_n(acb_t s, const acb_t n, int analytic, slong prec);
void qt_log1p_over(acb_t r, const acb_t u, int analytic, slong prec); /* log(1+u)/u, regular at 0 */

/* the fermion integrands N, HR, S, QR, QL at a real point (the nodes), on c's scratch; 0 if it does not apply */
int qt_landauer_integrand_real(arb_t r, const arb_t E, qt_landauer_ctx_struct *c, slong prec);

/* for the probes of an ellipse (order 1): I_N's and I_Q^R's fermion integrands bounded on a complex ball, res = 0 +/- M
   with M >= max |f| (non-finite where no bound is proven), lemma L4; 0 if it does not apply */
int qt_landauer_integrand_bound(acb_t res, const acb_t E, const qt_landauer_ctx_struct *c);

/* the integrand (acb_calc_func_t), param = qt_landauer_ctx_struct * */
int qt_landauer_integrand(acb_ptr res, const acb_t E, void *param, slong order, slong prec);

/* integral of kind over the whole energy axis, tails bounded (section 3) */
int qt_landauer_integral(arb_t res, const qt_landauer_params_t p, int kind, slong prec, char *reason);

/* the window [A, B] and the tail bound for it */
void qt_landauer_window(arf_t A, arf_t B, const qt_landauer_ctx_t c, slong prec);
void qt_landauer_tail_bound(mag_t bound, const qt_landauer_ctx_t c, const arf_t A, const arf_t B,
                            int lower, int upper, slong prec);

#endif
