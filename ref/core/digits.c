/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* digits.c -- the --digits guarantee: retry at increasing working precision until
 * the enclosure is as narrow as requested (see proofs/landauer.md, "Precision
 * control").  Nothing here narrows a ball: we only choose which proven ball to keep. */
#include <string.h>
#include "qtoracle/core.h"

slong
qt_digits_start_prec(slong digits)
{
    /* log2(10) < 3.33; 32 guard bits */
    return (slong) (digits * 3.33) + 32;
}

slong
qt_digits_max_prec(slong digits)
{
    return 8 * qt_digits_start_prec(digits) + 512;
}

int
qt_arb_meets_digits(const arb_t x, slong digits)
{
    arb_t eps;
    arf_t lowx, t;
    int ok;

    if (mag_is_zero(arb_radref(x)))
        return !arf_is_nan(arb_midref(x));     /* exact, including an exact +-infinity */
    if (!arb_is_finite(x))
        return 0;

    arb_init(eps);
    arf_init(lowx);
    arf_init(t);

    /* eps = 10^-digits / 2, taken as a lower bound */
    arb_set_ui(eps, 10);
    arb_pow_ui(eps, eps, (ulong) digits, 64);
    arb_inv(eps, eps, 64);
    arb_mul_2exp_si(eps, eps, -1);
    arb_get_lbound_arf(t, eps, 64);

    if (arb_contains_zero(x))
        arf_one(lowx);                          /* absolute criterion */
    else
        arb_get_abs_lbound_arf(lowx, x, 64);    /* |v| >= lowx for all v in x */

    arf_mul(t, t, lowx, 64, ARF_RND_DOWN);
    ok = arf_cmpabs_mag(t, arb_radref(x)) >= 0;  /* rad <= eps * |v| */

    arb_clear(eps);
    arf_clear(lowx);
    arf_clear(t);
    return ok;
}

int
qt_arb_is_exact_inf(const arb_t x)
{
    return arf_is_inf(arb_midref(x)) && mag_is_zero(arb_radref(x));
}

/* narrower of two valid enclosures of the same number (by radius relative to size) */
static int
better(const arb_t a, const arb_t b)
{
    if (!arb_is_finite(b))
        return arb_is_finite(a);
    if (!arb_is_finite(a))
        return 0;
    return mag_cmp(arb_radref(a), arb_radref(b)) < 0;
}

int
qt_eval_digits(qt_result_t r, qt_eval_fn fn, const void *params, slong digits)
{
    slong prec, maxprec;
    arb_t y;
    char reason[QT_REASON_LEN];
    int st, have = 0, last_st = QT_OK;
    char last_reason[QT_REASON_LEN] = "";

    if (digits < 1 || digits > QT_DIGITS_MAX)
    {
        arb_indeterminate(&r->value);
        qt_result_set_status(r, QT_DOMAIN, "digits must be an integer from 1 to %d, got %ld",
                             QT_DIGITS_MAX, (long) digits);
        return QT_DOMAIN;
    }

    arb_init(y);
    maxprec = qt_digits_max_prec(digits);
    arb_indeterminate(&r->value);
    r->prec = 0;

    for (prec = qt_digits_start_prec(digits); prec <= maxprec; prec = 2 * prec)
    {
        reason[0] = '\0';
        st = fn(y, params, prec, reason);
        if (st == QT_DOMAIN || st == QT_INTERNAL)
        {
            /* decided exactly (a domain error), or a bug no precision can mend: no number */
            arb_indeterminate(&r->value);
            r->prec = prec;
            qt_result_set_status(r, st, "%s", reason);
            arb_clear(y);
            return st;
        }
        if (!have || better(y, &r->value))
        {
            arb_set(&r->value, y);
            r->prec = prec;
            have = 1;
        }
        last_st = st;
        if (st != QT_OK)
            strcpy(last_reason, reason);
        if (st == QT_OK && qt_arb_meets_digits(y, digits))
        {
            arb_set(&r->value, y);
            r->prec = prec;
            qt_result_set_status(r, QT_OK, "%s", "");
            arb_clear(y);
            return QT_OK;
        }
    }

    if (last_st != QT_OK && last_reason[0])
        qt_result_set_status(r, QT_UNCERTIFIED,
            "could not reach %ld digits up to %ld bits of working precision: %s",
            (long) digits, (long) maxprec, last_reason);
    else
        qt_result_set_status(r, QT_UNCERTIFIED,
            "could not reach %ld digits up to %ld bits of working precision; the enclosure shown is the narrowest proven",
            (long) digits, (long) maxprec);
    arb_clear(y);
    return QT_UNCERTIFIED;
}
