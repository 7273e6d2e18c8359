/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fmpq_str.c -- an exact rational as the string a user would have typed: a terminating
 * decimal when the denominator is 2^a 5^b (e.g. "-0.5", "1e-3" -> "0.001"), else "p/q". */
#include <string.h>
#include "qtoracle/core.h"

char *
qt_fmpq_get_str_exact(const fmpq_t q)
{
    fmpz_t d, n, t;
    ulong k = 0;
    char *s, *r;
    size_t len;
    int neg;

    fmpz_init(d);
    fmpz_init(n);
    fmpz_init(t);
    fmpz_set(d, fmpq_denref(q));
    /* k = number of decimal places: max of the powers of 2 and 5 in the denominator */
    {
        ulong a = 0, b = 0;
        while (fmpz_is_even(d)) { fmpz_fdiv_q_2exp(d, d, 1); a++; }
        while (fmpz_divisible_si(d, 5)) { fmpz_divexact_si(d, d, 5); b++; }
        k = a > b ? a : b;
    }
    if (!fmpz_is_one(d) || k > 4000)
    {
        r = fmpq_get_str(NULL, 10, q);
        fmpz_clear(d); fmpz_clear(n); fmpz_clear(t);
        return r;
    }
    /* n = |q| * 10^k, an integer */
    fmpz_ui_pow_ui(t, 10, k);
    fmpz_mul(n, fmpq_numref(q), t);
    fmpz_divexact(n, n, fmpq_denref(q));
    neg = fmpz_sgn(n) < 0;
    fmpz_abs(n, n);
    s = fmpz_get_str(NULL, 10, n);
    len = strlen(s);
    r = flint_malloc(len + k + 4);
    if (k == 0)
        strcpy(r + neg, s);
    else if (len > k)
    {
        memcpy(r + neg, s, len - k);
        r[neg + len - k] = '.';
        strcpy(r + neg + len - k + 1, s + len - k);
    }
    else
    {
        size_t z = k - len;
        strcpy(r + neg, "0.");
        memset(r + neg + 2, '0', z);
        strcpy(r + neg + 2 + z, s);
    }
    if (neg)
        r[0] = '-';
    flint_free(s);
    fmpz_clear(d); fmpz_clear(n); fmpz_clear(t);
    return r;
}
