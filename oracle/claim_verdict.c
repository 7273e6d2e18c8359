/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* claim_verdict.c -- the verdict on one published claim from a certified enclosure x of the exact value:
 *   a printed value v (n significant digits, last printed place u): the claim is the closed interval [v - u/2, v + u/2]
 *   (value with pm: [v - pm, v + pm]); CONSISTENT iff x lies inside it, INCONSISTENT iff x misses it, else UNDECIDED
 *   (x straddles an edge: more digits may decide; if the exact value is an edge, none will);
 *   a relation x OP bound (bound a certified ball): CONSISTENT iff it holds for every point of both balls,
 *   INCONSISTENT iff its negation does, else UNDECIDED (Arb's arb_lt ... arb_ne semantics; == and != are decided
 *   true only on exact balls).
 * Every comparison with the claim's numbers is exact (fmpq against the enclosure's dyadic ends). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "oracle.h"

const char *const qo_verdict_names[] = {"CONSISTENT", "INCONSISTENT", "UNDECIDED"};
const char *const qo_relation_names[] = {"<", "<=", ">", ">=", "==", "!=", NULL};

int
qo_relation_parse(const char *s)
{
    int i;
    for (i = 0; s != NULL && qo_relation_names[i] != NULL; i++)
        if (strcmp(s, qo_relation_names[i]) == 0)
            return i;
    return -1;
}

/* a printed decimal: mantissa digits, digits after the point, exponent; 0 or 1 if s is not a plain decimal */
static int
decimal_parts(fmpz_t mant, slong *after, slong *exp10, slong *sig, const char *s)
{
    const char *p = s;
    int neg = 0, seen_point = 0, nd = 0, lead = 1;
    slong e = 0;
    fmpz_zero(mant);
    *after = 0;
    *sig = 0;
    if (*p == '-' || *p == '+')
        neg = (*p++ == '-');
    for (; isdigit((unsigned char) *p) || (*p == '.' && !seen_point); p++)
    {
        if (*p == '.')
        {
            seen_point = 1;
            continue;
        }
        fmpz_mul_ui(mant, mant, 10);
        fmpz_add_ui(mant, mant, (ulong) (*p - '0'));
        nd++;
        if (seen_point)
            (*after)++;
        if (*p != '0')
            lead = 0;
        if (!lead)
            (*sig)++;
        if (nd > 200)
            return 1;
    }
    if (nd == 0)
        return 1;
    if (*p == 'e' || *p == 'E')
    {
        int eneg = 0, ed = 0;
        p++;
        if (*p == '-' || *p == '+')
            eneg = (*p++ == '-');
        for (; isdigit((unsigned char) *p); p++)
        {
            e = 10 * e + (*p - '0');
            if (++ed > 4)
                return 1;
        }
        if (ed == 0)
            return 1;
        if (eneg)
            e = -e;
    }
    if (*p != '\0')
        return 1;
    if (neg)
        fmpz_neg(mant, mant);
    *exp10 = e;
    return 0;
}

/* q = m * 10^k (q not aliased with m) */
static void
fmpq_set_fmpz_pow10(fmpq_t q, const fmpz_t m, slong k)
{
    fmpz_t t;
    fmpz_init(t);
    fmpz_ui_pow_ui(t, 10, (ulong) (k < 0 ? -k : k));
    if (k >= 0)
    {
        fmpz_mul(fmpq_numref(q), m, t);
        fmpz_one(fmpq_denref(q));
    }
    else
        fmpq_set_fmpz_frac(q, m, t);
    fmpz_clear(t);
}

int
qo_printed_interval(fmpq_t a, fmpq_t b, const char *value, char *err, size_t errlen)
{
    fmpz_t m, one;
    fmpq_t v, h;
    slong after, e, sig;
    fmpz_init(m); fmpz_init(one);
    if (decimal_parts(m, &after, &e, &sig, value))
    {
        fmpz_clear(m); fmpz_clear(one);
        snprintf(err, errlen, "\"%.60s\" is not a decimal number as printed (digits, an optional point and exponent; "
                 "give pm for any other exact number)", value);
        return 1;
    }
    fmpq_init(v); fmpq_init(h);
    fmpq_set_fmpz_pow10(v, m, e - after);
    fmpz_one(one);
    fmpq_set_fmpz_pow10(h, one, e - after);    /* u, one unit in the last printed place */
    fmpq_div_2exp(h, h, 1);
    fmpq_sub(a, v, h);
    fmpq_add(b, v, h);
    fmpq_clear(v); fmpq_clear(h);
    fmpz_clear(m); fmpz_clear(one);
    return 0;
}

/* an arf as an exact rational; 1 if infinite, NaN or absurdly scaled */
static int
arf_to_fmpq(fmpq_t q, const arf_t x)
{
    fmpz_t m, e;
    int bad = 0;
    if (arf_is_zero(x))
    {
        fmpq_zero(q);
        return 0;
    }
    if (!arf_is_finite(x))
        return 1;
    fmpz_init(m); fmpz_init(e);
    arf_get_fmpz_2exp(m, e, x);           /* x = m 2^e, m odd */
    if (!fmpz_fits_si(e) || fmpz_get_si(e) > 100000 || fmpz_get_si(e) < -100000)
        bad = 1;
    else
    {
        fmpz_set(fmpq_numref(q), m);
        fmpz_one(fmpq_denref(q));
        if (fmpz_sgn(e) >= 0)
            fmpq_mul_2exp(q, q, fmpz_get_si(e));
        else
            fmpq_div_2exp(q, q, -fmpz_get_si(e));
    }
    fmpz_clear(m); fmpz_clear(e);
    return bad;
}

/* sign of (x - q) for an arf x that may be infinite; 2 if undecidable (NaN or out of range) */
static int
cmp_arf_fmpq(const arf_t x, const fmpq_t q)
{
    fmpq_t t;
    int c;
    if (arf_is_nan(x))
        return 2;
    if (arf_is_pos_inf(x))
        return 1;
    if (arf_is_neg_inf(x))
        return -1;
    fmpq_init(t);
    if (arf_to_fmpq(t, x))
        c = 2;
    else
        c = fmpq_cmp(t, q);
    fmpq_clear(t);
    return c < 0 ? -1 : (c > 0 && c != 2) ? 1 : c;
}

/* the exact ends of x (outward exact: mid -+ rad, computed without rounding) */
static void
ends(arf_t lo, arf_t hi, const arb_t x)
{
    arf_t r;
    arf_init(r);
    if (arf_is_nan(arb_midref(x)) || mag_is_inf(arb_radref(x)))
    {
        arf_nan(lo);
        arf_nan(hi);
    }
    else
    {
        arf_set_mag(r, arb_radref(x));
        arf_sub(lo, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_add(hi, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_UP);
    }
    arf_clear(r);
}

int
qo_interval_verdict(const arb_t x, const fmpq_t a, const fmpq_t b)
{
    arf_t lo, hi;
    int clo_a, chi_b, chi_a, clo_b, v;
    arf_init(lo); arf_init(hi);
    ends(lo, hi, x);
    clo_a = cmp_arf_fmpq(lo, a);
    chi_b = cmp_arf_fmpq(hi, b);
    chi_a = cmp_arf_fmpq(hi, a);
    clo_b = cmp_arf_fmpq(lo, b);
    if (clo_a == 2 || chi_b == 2 || chi_a == 2 || clo_b == 2)
        v = QO_UNDECIDED;
    else if (clo_a >= 0 && chi_b <= 0)
        v = QO_CONSISTENT;
    else if (chi_a < 0 || clo_b > 0)
        v = QO_INCONSISTENT;
    else
        v = QO_UNDECIDED;
    arf_clear(lo); arf_clear(hi);
    return v;
}

int
qo_relation_verdict(const arb_t x, int rel, const arb_t bound)
{
    int yes, no;
    switch (rel)
    {
        case QO_REL_LT: yes = arb_lt(x, bound); no = arb_ge(x, bound); break;
        case QO_REL_LE: yes = arb_le(x, bound); no = arb_gt(x, bound); break;
        case QO_REL_GT: yes = arb_gt(x, bound); no = arb_le(x, bound); break;
        case QO_REL_GE: yes = arb_ge(x, bound); no = arb_lt(x, bound); break;
        case QO_REL_EQ: yes = arb_eq(x, bound); no = arb_ne(x, bound); break;
        default:        yes = arb_ne(x, bound); no = arb_eq(x, bound); break;
    }
    return yes ? QO_CONSISTENT : no ? QO_INCONSISTENT : QO_UNDECIDED;
}

slong
qo_correct_digits(const arb_t x, const char *value)
{
    fmpz_t m, one;
    fmpq_t v, d, t, tol;
    arf_t lo, hi;
    slong after, e, sig, lead, j, res = -1;
    fmpz_init(m); fmpz_init(one);
    if (decimal_parts(m, &after, &e, &sig, value) || sig == 0)
    {
        fmpz_clear(m); fmpz_clear(one);
        return -1;
    }
    fmpq_init(v); fmpq_init(d); fmpq_init(t); fmpq_init(tol);
    arf_init(lo); arf_init(hi);
    fmpq_set_fmpz_pow10(v, m, e - after);
    lead = (sig - 1) + (e - after);                   /* the exponent of the leading printed digit */
    ends(lo, hi, x);
    if (!arf_to_fmpq(d, lo) && !arf_to_fmpq(t, hi))
    {
        /* d = max |end - v|: the worst distance of the exact value from the printed one */
        fmpq_sub(d, d, v);
        fmpq_abs(d, d);
        fmpq_sub(t, t, v);
        fmpq_abs(t, t);
        if (fmpq_cmp(t, d) > 0)
            fmpq_set(d, t);
        /* correct to j significant digits iff |x - v| <= 10^(lead - j + 1) / 2 */
        fmpz_one(one);
        for (j = sig; j >= 0; j--)
        {
            fmpq_set_fmpz_pow10(tol, one, lead - j + 1);
            fmpq_div_2exp(tol, tol, 1);
            if (fmpq_cmp(d, tol) <= 0)
            {
                res = j;
                break;
            }
        }
        if (res < 0)
            res = 0;
    }
    fmpq_clear(v); fmpq_clear(d); fmpq_clear(t); fmpq_clear(tol);
    arf_clear(lo); arf_clear(hi);
    fmpz_clear(m); fmpz_clear(one);
    return res;
}

slong
qo_printed_digits(const char *value)
{
    fmpz_t m;
    slong after, e, sig;
    int bad;
    fmpz_init(m);
    bad = decimal_parts(m, &after, &e, &sig, value);
    fmpz_clear(m);
    return bad ? -1 : sig;
}
