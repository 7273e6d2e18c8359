/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* core.h -- shared machinery: statuses, certified results, exact inputs,
 * the --digits guarantee, ball output, certified integration. */
#ifndef QTORACLE_CORE_H
#define QTORACLE_CORE_H

#include <stddef.h>
#include "qtoracle/arbcompat.h"

#define QT_VERSION "0.1.0"

/* Status of a computation.  QT_OK: the enclosure holds and meets the requested
 * accuracy.  QT_UNCERTIFIED: the enclosure holds (it always does) but the requested
 * accuracy could not be reached, or a property needed for a finite answer could not
 * be decided; reason says which.  QT_DOMAIN: the inputs are outside the domain of
 * the documented formula (or the formula is infinite there); reason says which.
 * QT_INTERNAL: a precondition inside the library failed (a bug in qtoracle, never a
 * property of the input, e.g. a reversed integration interval); the ball is
 * indeterminate, so no number is given; reason says which. */
enum { QT_OK = 0, QT_UNCERTIFIED = 1, QT_DOMAIN = 2, QT_INTERNAL = 3 };

#define QT_REASON_LEN 512
#define QT_DIGITS_DEFAULT 30
#define QT_DIGITS_MAX 500

const char *qt_status_name(int status);
/* the more severe of two statuses: QT_INTERNAL > QT_DOMAIN > QT_UNCERTIFIED > QT_OK */
int qt_status_join(int a, int b);
/* the reason for a failed integration status st of the integral named what: QT_UNCERTIFIED "what did not reach
 * the requested accuracy at P bits", QT_INTERNAL "internal error in what: a reversed or non-finite integration
 * interval (...)"; returns st (QT_OK: writes nothing) */
int qt_integration_fail(char *reason, int st, const char *what, slong prec);

/* A certified value: a real ball, a status and a reason. */
typedef struct
{
    arb_struct value;
    int status;
    slong prec;                 /* working precision (bits) of the reported ball */
    char reason[QT_REASON_LEN];
}
qt_result_struct;
typedef qt_result_struct qt_result_t[1];

void qt_result_init(qt_result_t r);
void qt_result_clear(qt_result_t r);
void qt_result_set_status(qt_result_t r, int status, const char *fmt, ...);

/* printf into a reason buffer of QT_REASON_LEN bytes; returns status. */
int qt_fail(char *reason, int status, const char *fmt, ...);

/* ---- exact inputs ---- */
/* Parse a decimal ("-0.125", "1e-3", "+.5") or rational ("3/7") string exactly.
 * Returns 0 on success; otherwise writes a message (without the parameter name)
 * to err and returns nonzero.  NaN, inf, empty strings, junk and exponents beyond
 * +-QT_EXACT_MAX_EXP are rejected. */
#define QT_EXACT_MAX_EXP 4000
int qt_exact_parse(fmpq_t q, const char *s, char *err, size_t errlen);

/* q as a terminating decimal ("-0.5") when possible, else "p/q"; free with flint_free */
char *qt_fmpq_get_str_exact(const fmpq_t q);

/* ---- the --digits guarantee ---- */
/* 1 iff rad(x) <= eps*|v| for every v in x (x not containing 0), or
 * rad(x) <= eps (x containing 0), with eps = 10^-digits / 2. */
int qt_arb_meets_digits(const arb_t x, slong digits);
/* 1 iff x is an exact +-infinity (radius 0) */
int qt_arb_is_exact_inf(const arb_t x);

/* Evaluate fn at increasing working precision until the result meets `digits`
 * (see qt_arb_meets_digits), starting from qt_digits_start_prec and stopping at
 * qt_digits_max_prec.  A domain error stops at once.  The narrowest enclosure
 * reached is kept; if it does not meet the target the status is QT_UNCERTIFIED. */
typedef int (*qt_eval_fn)(arb_t res, const void *params, slong prec, char *reason);
int qt_eval_digits(qt_result_t r, qt_eval_fn fn, const void *params, slong digits);
slong qt_digits_start_prec(slong digits);
slong qt_digits_max_prec(slong digits);

/* ---- ball output ---- */
/* Decimal strings of an enclosure.  mid has `sig` significant digits; rad is a
 * decimal upper bound of |mid - v| for all v in x (3 digits, rounded up); lo and hi
 * are decimal bounds rounded outward; lo_f64/hi_f64 are binary64 bounds rounded
 * outward, printed with 17 significant digits.  A non-finite ball gives
 * mid "0", rad "inf", lo "-inf", hi "inf"; an exact infinity (radius 0) gives "inf"
 * (or "-inf") in every field except rad = "0".  Free with qt_ball_strings_clear. */
typedef struct
{
    char *mid, *rad, *lo, *hi, *lo_f64, *hi_f64;
}
qt_ball_strings_t;
void qt_ball_strings(qt_ball_strings_t *s, const arb_t x, slong sig);
void qt_ball_strings_clear(qt_ball_strings_t *s);

/* ---- certified integration of real-valued holomorphic integrands ---- */
/* Integral of f over [a, b] (exact arf endpoints, a <= b; a = b gives an exact 0), split at the given
 * points that fall strictly inside.  f follows the acb_calc_func_t contract.  The
 * result is the real part of the certified complex integral (rigorous for an
 * integrand that is real on the real segment).  Returns QT_OK or QT_UNCERTIFIED
 * (Arb did not reach the tolerance; res is still a valid enclosure).  Reversed
 * (a > b) or non-finite endpoints are a caller's bug: res indeterminate, QT_INTERNAL
 * (never a silent 0; every integration routine below does the same). */
int qt_integrate_real(arb_t res, acb_calc_func_t f, void *param,
                      const arf_t a, const arf_t b,
                      const arf_struct *splits, slong nsplits, slong prec);
/* The same, the whole complex integral (as qt_integrate_pieces below: for f = u + i v with u, v real on the real
 * segment, Re and Im of res enclose the integrals of u and of v). */
int qt_integrate_complex(acb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b,
                         const arf_struct *splits, slong nsplits, slong prec);

/* One Gauss-Legendre piece over [a, b] (lemma Q1b): f bounded on balls enclosing Bernstein ellipses (order 1), the
 * smallest degree <= deg_limit on a ladder of steps of at most 1/8 whose error bound is below tol, the bound added to
 * the radius.  Returns 1, or 0 (res indeterminate) if no ellipse and degree meet tol; *evals counts the calls of f. */
int qt_gl_piece(acb_t res, slong *evals, acb_calc_func_t f, void *param, const acb_t a, const acb_t b, const mag_t tol,
                slong deg_limit, slong prec);
/* The same, the ellipses searched from the one that served the previous piece of a run of similar pieces: *xhint (0
 * at the start of the run: the flattest) is where the search starts and, when a degree is found, becomes the ellipse
 * that gave it (effort only: the degree and the bound of the chosen ellipse are certified as above). */
int qt_gl_piece_hint(acb_t res, slong *evals, acb_calc_func_t f, void *param, const acb_t a, const acb_t b,
                     const mag_t tol, slong deg_limit, slong *xhint, slong prec);

/* The same over [a, b] cut into npieces equal pieces (endpoints rounded to dyadic numbers; the pieces tile
 * [a, b] exactly), each by Gauss-Legendre with the error bound from f on a ball enclosing a Bernstein ellipse
 * (qt_gl_piece_hint: each piece's search starts at the ellipse of the previous one), bisected on failure (at most 40
 * levels, 64 npieces + 4096 pieces in all).  For integrands that stay finite
 * only on small balls, where the global adaptive search wastes evaluations.  QT_UNCERTIFIED: res indeterminate. */
int qt_integrate_real_pieces(arb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b,
                             slong npieces, slong prec);
/* The same, the whole complex integral: for f = u + i v with u, v real on the real segment, Re and Im of res
 * enclose the integrals of u and of v (two real integrals from one evaluation of a shared expensive part). */
int qt_integrate_pieces(acb_t res, acb_calc_func_t f, void *param, const arf_t a, const arf_t b, slong npieces,
                        slong prec);

/* An acb_calc_func_t wrapper: f on the ball, and where f is not finite there (order >= 1), the union of f on the
 * four balls enclosing the quarters of the ball's rectangle, recursively at most depth levels (lemma L6).  For
 * integrands holomorphic far beyond the balls on which their evaluation stays finite. */
typedef struct
{
    acb_calc_func_t f;
    void *param;
    slong depth;
    slong fail_exp;     /* effort only: set to WORD_MAX; balls of radius >= 2^(fail_exp - 1) are split untried */
}
qt_integrand_cover_struct;
/* c covers f(., param) to the given depth, its effort memory fail_exp cleared (call again to clear it between uses) */
void qt_integrand_cover_init(qt_integrand_cover_struct *c, acb_calc_func_t f, void *param, slong depth);
int qt_integrand_cover(acb_ptr res, const acb_t z, void *param, slong order, slong prec);

/* An acb_calc_func_t wrapper for sqrt(q) (outer = 1) or q + i sqrt(q) (outer = 2), q = f of the cover struct (lemma
 * L6b): at a point the expression itself; on a ball (order >= 1), q proven holomorphic on the ball's rectangle through
 * the cover (lemma L6, wide enclosures suffice) and Re q > 0 on the rectangle's boundary from q on segments covering
 * it (at most 384 evaluations), hence on the rectangle: res is the ball about 0 whose radius bounds the expression
 * there (maximum principle), or indeterminate.  For q small where its ball enclosures are wide. */
typedef struct
{
    qt_integrand_cover_struct q;
    int outer;
    slong seg_exp;      /* effort only: set to WORD_MAX; boundary segments start at most 2^seg_exp long */
}
qt_integrand_halfplane_struct;
/* h bounds sqrt(q) (outer = 1) or q + i sqrt(q) (outer = 2) for q = f(., param) covered to depth; effort memory cleared */
void qt_integrand_halfplane_init(qt_integrand_halfplane_struct *h, acb_calc_func_t f, void *param, slong depth,
                                 int outer);
int qt_integrand_halfplane(acb_ptr res, const acb_t z, void *param, slong order, slong prec);

/* ---- holomorphic helpers (order >= 1 contract of acb_calc_integrate) ---- */
/* 1 iff 1 + t may touch the principal branch cut (-inf, 0] */
int qt_acb_one_plus_may_touch_cut(const acb_t t, slong prec);
/* log(1+t), indeterminate if analytic and 1+t may touch (-inf, 0]. */
void qt_acb_log1p_analytic(acb_t r, const acb_t t, int analytic, slong prec);
/* log(t), indeterminate if analytic and t may touch (-inf, 0]. */
void qt_acb_log_analytic(acb_t r, const acb_t t, int analytic, slong prec);
/* 1 iff Re(mid(z)) < 0: which of two equal holomorphic expressions to use */
int qt_acb_mid_re_negative(const acb_t z);
/* the principal square root, tight on balls in Re z > 0 whose imaginary part contains 0 (where acb_sqrt loses
   to a root-size radius); indeterminate if analytic and z may touch the branch cut (-inf, 0] */
void qt_acb_sqrt_right_half(acb_t r, const acb_t z, int analytic, slong prec);

/* ---- the ohmic rate, holomorphic through omega = 0 ---- */
/* G = gamma omega / (1 - e^{-omega/T}) = gamma T / g(omega/T), g(x) = (1 - e^{-x})/x; near x = 0 (|x| <= 1/2)
 * g is summed from its Taylor series with a proven tail bound (proofs/pumping.md P13), so a ball
 * containing omega = 0 gives a finite enclosure (G(0) = gamma T) instead of 0/0 */
void qt_ohmic_rate_acb(acb_t G, const acb_t gamma, const acb_t omega, const acb_t T, slong prec);
/* Gp = G(omega), Gm = G(-omega) from one exponential (G(w) - G(-w) = gamma w); Gp and Gm not aliased with the inputs */
void qt_ohmic_rate_pair_acb(acb_t Gp, acb_t Gm, const acb_t gamma, const acb_t omega, const acb_t T, slong prec);
/* dG/domega = gamma h'(x), h(x) = x/(1 - e^{-x}), x = omega/T (h'(0) = 1/2; series with a proven tail near 0,
 * proofs/pumping.md P19) */
void qt_ohmic_rate_derivative_acb(acb_t dG, const acb_t gamma, const acb_t omega, const acb_t T, slong prec);

/* ---- conventions ---- */
/* one convention of a family's vector files and user guide: a key ("units", "heat", ...) and its text; each family
 * exports a table ending with {NULL, NULL} (qt_landauer_conventions, qt_state_conventions,
 * qt_trajectory_conventions, qt_pump_conventions) */
typedef struct
{
    const char *key;
    const char *text;
}
qt_convention;

/* ---- versions for provenance ---- */
const char *qt_version_arb(void);
const char *qt_version_flint(void);
const char *qt_version_mpfr(void);
const char *qt_version_gmp(void);

#endif
