/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* ball_str.c -- decimal strings of an enclosure, rounded outward.
 * mid: nearest decimal with `sig` digits.  rad: an upper bound of |mid - v| over the
 * ball, computed from the exact decimal mid, rounded up to 3 digits.  lo/hi: outward
 * decimal rounding of the ball's endpoints.  lo_f64/hi_f64: outward binary64.
 * Checked by tests/t_core.c (exact rational re-parsing of every string). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qtoracle/core.h"

static char *
dup(const char *s)
{
    char *r = malloc(strlen(s) + 1);
    strcpy(r, s);
    return r;
}

static char *
mpfr_to_str(const char *fmt, slong sig, mpfr_t x)
{
    char *t, *r;
    if (sig >= 0)
        mpfr_asprintf(&t, fmt, (int) sig, x);
    else
        mpfr_asprintf(&t, fmt, x);
    r = dup(t);
    mpfr_free_str(t);
    return r;
}

static char *
f64_str(double d)
{
    char buf[64];
    if (d == 1.0 / 0.0)
        return dup("inf");
    if (d == -1.0 / 0.0)
        return dup("-inf");
    snprintf(buf, sizeof buf, "%.17g", d);
    return dup(buf);
}

/* a ball containing the decimal d = [-]D.DDD...e[+-]K printed above: the integer of its digits times 10^(K - digits
   after the point), by GMP's integer and Arb's ball arithmetic.  (arb_set_str would do; it goes through a FLINT fmpz,
   and the first fmpz too large for a word allocates FLINT's block of mpz: some 70 page faults, the largest part of a
   one-shot `qtoracle eval` after its start-up) */
static void
decimal_ball(arb_t dec, const char *d, slong wp)
{
    mpz_t N;
    arb_t p;
    const char *c;
    char *digits, *q;
    slong k = 0;
    int neg = 0, frac = 0;
    if (*d == '-' || *d == '+')
        neg = (*d++ == '-');
    digits = malloc(strlen(d) + 1);
    for (c = d, q = digits; *c && *c != 'e' && *c != 'E'; c++)
    {
        if (*c == '.')
            frac = 1;
        else
        {
            *q++ = *c;
            k -= frac;                           /* a digit after the point */
        }
    }
    *q = '\0';
    if (*c)
        k += strtol(c + 1, NULL, 10);
    mpz_init(N);
    mpz_set_str(N, digits, 10);
    free(digits);
    arb_init(p);
    arf_set_mpz(arb_midref(dec), N);
    mag_zero(arb_radref(dec));
    arb_ui_pow_ui(p, 10, (ulong) (k < 0 ? -k : k), wp);
    if (k < 0)
        arb_div(dec, dec, p, wp);
    else
        arb_mul(dec, dec, p, wp);
    if (neg)
        arb_neg(dec, dec);
    arb_clear(p);
    mpz_clear(N);
}

void
qt_ball_strings(qt_ball_strings_t *s, const arb_t x, slong sig)
{
    mpfr_t m, u, l, h, l53, h53;
    arb_t dec, diff;
    arf_t ub;
    slong wp, bits;

    if (mag_is_zero(arb_radref(x)) && arf_is_inf(arb_midref(x)))
    {
        /* an exact infinity (e.g. D(rho||sigma) when the supports disagree) */
        const char *v = arf_sgn(arb_midref(x)) > 0 ? "inf" : "-inf";
        s->mid = dup(v);
        s->rad = dup("0");
        s->lo = dup(v);
        s->hi = dup(v);
        s->lo_f64 = dup(v);
        s->hi_f64 = dup(v);
        return;
    }
    if (!arb_is_finite(x))
    {
        s->mid = dup("0");
        s->rad = dup("inf");
        s->lo = dup("-inf");
        s->hi = dup("inf");
        s->lo_f64 = dup("-inf");
        s->hi_f64 = dup("inf");
        return;
    }
    if (sig < 1)
        sig = 1;

    arb_init(dec);
    arb_init(diff);
    arf_init(ub);

    bits = FLINT_MAX(arf_bits(arb_midref(x)), 2);
    mpfr_init2(m, bits);
    arf_get_mpfr(m, arb_midref(x), MPFR_RNDN);            /* exact: m has enough bits */
    s->mid = mpfr_to_str("%.*RNe", sig - 1, m);

    /* rad >= |mid_dec - v| for every v in x, evaluated on balls (rigorous) */
    wp = FLINT_MAX(bits, 64) + 4 * sig + 64 + arf_bits(arb_midref(x));
    decimal_ball(dec, s->mid, wp);
    arb_sub(diff, dec, x, wp);
    arb_get_abs_ubound_arf(ub, diff, wp);
    mpfr_init2(u, FLINT_MAX(arf_bits(ub), 2));
    arf_get_mpfr(u, ub, MPFR_RNDU);
    s->rad = mpfr_to_str("%.*RUe", 2, u);

    /* lo/hi: exact endpoints of the ball, then outward decimal rounding */
    {
        slong eb = bits + 64;   /* lbound/ubound round outward at any precision */
        arf_t a, b;
        arf_init(a);
        arf_init(b);
        arb_get_lbound_arf(a, x, eb + 64);
        arb_get_ubound_arf(b, x, eb + 64);
        mpfr_init2(l, FLINT_MAX(arf_bits(a), 2));
        mpfr_init2(h, FLINT_MAX(arf_bits(b), 2));
        arf_get_mpfr(l, a, MPFR_RNDD);
        arf_get_mpfr(h, b, MPFR_RNDU);
        s->lo = mpfr_to_str("%.*RDe", sig - 1, l);
        s->hi = mpfr_to_str("%.*RUe", sig - 1, h);
        arf_clear(a);
        arf_clear(b);
    }

    mpfr_init2(l53, 53);
    mpfr_init2(h53, 53);
    mpfr_set(l53, l, MPFR_RNDD);
    mpfr_set(h53, h, MPFR_RNDU);
    s->lo_f64 = f64_str(mpfr_get_d(l53, MPFR_RNDD));
    s->hi_f64 = f64_str(mpfr_get_d(h53, MPFR_RNDU));

    mpfr_clear(m);
    mpfr_clear(u);
    mpfr_clear(l);
    mpfr_clear(h);
    mpfr_clear(l53);
    mpfr_clear(h53);
    arb_clear(dec);
    arb_clear(diff);
    arf_clear(ub);
}

void
qt_ball_strings_clear(qt_ball_strings_t *s)
{
    free(s->mid);
    free(s->rad);
    free(s->lo);
    free(s->hi);
    free(s->lo_f64);
    free(s->hi_f64);
    memset(s, 0, sizeof *s);
}
