/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* exact.c -- exact parsing of decimal and rational input strings into fmpq.
 * Grammar:  [+-]? ( D+ ( '.' D* )? | '.' D+ ) ( [eE] [+-]? D+ )?   or   [+-]? D+ '/' D+
 * No floating point is involved anywhere. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "qtoracle/core.h"

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int
qt_exact_parse(fmpq_t q, const char *s, char *err, size_t errlen)
{
    const char *p = s;
    int neg = 0;
    size_t n, i;

    if (s == NULL || *s == '\0')
    {
        snprintf(err, errlen, "is empty; expected a decimal such as -0.125 or 1e-3, or a rational such as 3/7");
        return 1;
    }
    n = strlen(s);
    if (n > 20000)
    {
        snprintf(err, errlen, "is longer than 20000 characters");
        return 1;
    }
    for (i = 0; i < n; i++)
        if (isspace((unsigned char) s[i]))
        {
            snprintf(err, errlen, "must not contain white space, got \"%s\"", s);
            return 1;
        }

    if (*p == '+' || *p == '-')
    {
        neg = (*p == '-');
        p++;
    }

    if (strchr(p, '/') != NULL)
    {
        /* rational */
        const char *slash = strchr(p, '/');
        const char *d;
        char *num, *den;
        fmpz_t a, b;
        if (slash == p)
            goto junk;
        for (d = p; d < slash; d++)
            if (!is_digit(*d))
                goto junk;
        if (slash[1] == '\0')
            goto junk;
        for (d = slash + 1; *d; d++)
            if (!is_digit(*d))
                goto junk;
        num = malloc(slash - p + 1);
        memcpy(num, p, slash - p);
        num[slash - p] = '\0';
        den = (char *) slash + 1;
        fmpz_init(a);
        fmpz_init(b);
        fmpz_set_str(a, num, 10);
        fmpz_set_str(b, den, 10);
        free(num);
        if (fmpz_is_zero(b))
        {
            fmpz_clear(a);
            fmpz_clear(b);
            snprintf(err, errlen, "has a zero denominator, got \"%s\"", s);
            return 1;
        }
        if (neg)
            fmpz_neg(a, a);
        fmpq_set_fmpz_frac(q, a, b);
        fmpz_clear(a);
        fmpz_clear(b);
        return 0;
    }
    else
    {
        /* decimal */
        const char *d = p;
        char *digits;
        size_t nd = 0;
        long frac = 0, ex = 0;
        int any = 0;
        fmpz_t m, t;

        digits = malloc(strlen(p) + 2);
        while (is_digit(*d))
        {
            digits[nd++] = *d++;
            any = 1;
        }
        if (*d == '.')
        {
            d++;
            while (is_digit(*d))
            {
                digits[nd++] = *d++;
                frac++;
                any = 1;
            }
        }
        if (!any)
        {
            free(digits);
            goto junk;
        }
        if (*d == 'e' || *d == 'E')
        {
            int eneg = 0, edig = 0;
            d++;
            if (*d == '+' || *d == '-')
            {
                eneg = (*d == '-');
                d++;
            }
            while (is_digit(*d))
            {
                if (ex < 1000000)
                    ex = 10 * ex + (*d - '0');
                d++;
                edig = 1;
            }
            if (!edig)
            {
                free(digits);
                goto junk;
            }
            if (eneg)
                ex = -ex;
        }
        if (*d != '\0')
        {
            free(digits);
            goto junk;
        }
        if (ex > QT_EXACT_MAX_EXP || ex < -QT_EXACT_MAX_EXP)
        {
            free(digits);
            snprintf(err, errlen, "has a decimal exponent beyond +-%d, got \"%s\"", QT_EXACT_MAX_EXP, s);
            return 1;
        }
        digits[nd] = '\0';
        fmpz_init(m);
        fmpz_init(t);
        fmpz_set_str(m, digits, 10);
        free(digits);
        if (neg)
            fmpz_neg(m, m);
        ex -= frac;
        if (ex >= 0)
        {
            fmpz_ui_pow_ui(t, 10, (ulong) ex);
            fmpz_mul(m, m, t);
            fmpz_one(t);
        }
        else
            fmpz_ui_pow_ui(t, 10, (ulong) (-ex));
        fmpq_set_fmpz_frac(q, m, t);
        fmpz_clear(m);
        fmpz_clear(t);
        return 0;
    }

junk:
    snprintf(err, errlen, "is not an exact number: expected a decimal such as -0.125 or 1e-3, or a rational such as 3/7, got \"%s\"", s);
    return 1;
}
