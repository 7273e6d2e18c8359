/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* claim_expr.c -- the bound of a claim: an expression over exact numbers, the claim's numeric parameters,
 * + - * / ^ (right-associative), parentheses, ln, exp, sqrt and pi, evaluated as a certified ball (Arb).
 * Numbers are read exactly (qt_exact_parse) and rounded once into the ball; an integer exponent uses exact integer
 * powers (so (-2)^3 is -8); ln of a ball reaching 0 or below, sqrt of a negative ball, x/0 give an indeterminate
 * ball, which decides nothing (the claim stays undecided). Bounded effort: at most QO_EXPR_MAX characters and a
 * nesting depth of QO_EXPR_DEPTH. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "oracle.h"

#define QO_EXPR_MAX 1000
#define QO_EXPR_DEPTH 64

typedef struct
{
    const char *s, *p;
    const qo_kv *vars;
    slong prec;
    int depth;
    char *err;
    size_t errlen;
}
parser;

static int expr(arb_t res, parser *P);

static int
fail(parser *P, const char *what)
{
    snprintf(P->err, P->errlen, "%s at character %d of \"%.80s\"", what, (int) (P->p - P->s) + 1, P->s);
    return 1;
}

static void
skip(parser *P)
{
    while (*P->p == ' ')
        P->p++;
}

static int
name_value(arb_t res, parser *P, const char *name, size_t len)
{
    int i;
    char key[64];
    if (len >= sizeof key)
        return fail(P, "a name too long");
    memcpy(key, name, len);
    key[len] = '\0';
    if (strcmp(key, "pi") == 0)
    {
        arb_const_pi(res, P->prec);
        return 0;
    }
    for (i = 0; P->vars != NULL && i < P->vars->n; i++)
        if (strcmp(P->vars->key[i], key) == 0)
        {
            fmpq_t q;
            char m[256];
            int bad;
            fmpq_init(q);
            bad = qt_exact_parse(q, P->vars->val[i], m, sizeof m);
            if (!bad)
                arb_set_fmpq(res, q, P->prec);
            fmpq_clear(q);
            if (bad)
            {
                snprintf(P->err, P->errlen, "the parameter %s is not a number (\"%.40s\") and cannot enter a bound",
                         key, P->vars->val[i]);
                return 1;
            }
            return 0;
        }
    snprintf(P->err, P->errlen, "unknown name \"%s\" in \"%.80s\" (known: the claim's numeric parameters, pi, ln, exp, "
             "sqrt)", key, P->s);
    return 1;
}

static int
primary(arb_t res, parser *P)
{
    skip(P);
    if (*P->p == '(')
    {
        P->p++;
        if (expr(res, P))
            return 1;
        skip(P);
        if (*P->p != ')')
            return fail(P, "expected ')'");
        P->p++;
        return 0;
    }
    if (isdigit((unsigned char) *P->p) || *P->p == '.')
    {
        const char *a = P->p;
        char num[128], m[256];
        fmpq_t q;
        int bad;
        while (isdigit((unsigned char) *P->p) || *P->p == '.')
            P->p++;
        if ((*P->p == 'e' || *P->p == 'E')
            && (isdigit((unsigned char) P->p[1]) || ((P->p[1] == '-' || P->p[1] == '+') && isdigit((unsigned char) P->p[2]))))
        {
            P->p += 2;
            while (isdigit((unsigned char) *P->p))
                P->p++;
        }
        if ((size_t) (P->p - a) >= sizeof num)
            return fail(P, "a number too long");
        memcpy(num, a, P->p - a);
        num[P->p - a] = '\0';
        fmpq_init(q);
        bad = qt_exact_parse(q, num, m, sizeof m);
        if (!bad)
            arb_set_fmpq(res, q, P->prec);
        fmpq_clear(q);
        if (bad)
            return fail(P, "a malformed number");
        return 0;
    }
    if (isalpha((unsigned char) *P->p) || *P->p == '_')
    {
        const char *a = P->p;
        size_t len;
        while (isalnum((unsigned char) *P->p) || *P->p == '_')
            P->p++;
        len = (size_t) (P->p - a);
        skip(P);
        if (*P->p == '(')
        {
            int f = (len == 2 && strncmp(a, "ln", 2) == 0) ? 1 : (len == 3 && strncmp(a, "exp", 3) == 0) ? 2
                    : (len == 4 && strncmp(a, "sqrt", 4) == 0) ? 3 : 0;
            if (f == 0)
                return fail(P, "an unknown function (ln, exp, sqrt)");
            P->p++;
            if (expr(res, P))
                return 1;
            skip(P);
            if (*P->p != ')')
                return fail(P, "expected ')'");
            P->p++;
            if (f == 1)
                arb_log(res, res, P->prec);        /* indeterminate unless the ball is > 0 */
            else if (f == 2)
                arb_exp(res, res, P->prec);
            else
                arb_sqrt(res, res, P->prec);       /* indeterminate if the ball reaches below 0 */
            return 0;
        }
        return name_value(res, P, a, len);
    }
    return fail(P, *P->p ? "unexpected character" : "unexpected end");
}

static int unary(arb_t res, parser *P);

static int
power(arb_t res, parser *P)
{
    if (primary(res, P))
        return 1;
    skip(P);
    if (*P->p == '^')
    {
        arb_t e;
        fmpz_t n;
        int bad;
        P->p++;
        arb_init(e);
        fmpz_init(n);
        bad = unary(e, P);          /* right-associative: a^b^c = a^(b^c) */
        if (!bad)
        {
            if (arb_is_exact(e) && arf_is_int(arb_midref(e)) && arf_cmpabs_2exp_si(arb_midref(e), 30) < 0)
            {
                arf_get_fmpz(n, arb_midref(e), ARF_RND_DOWN);
                arb_pow_fmpz(res, res, n, P->prec);
            }
            else
                arb_pow(res, res, e, P->prec);
        }
        arb_clear(e);
        fmpz_clear(n);
        return bad;
    }
    return 0;
}

static int
unary(arb_t res, parser *P)
{
    int bad;
    skip(P);
    if (++P->depth > QO_EXPR_DEPTH)
        return fail(P, "nested too deep");
    if (*P->p == '-' || *P->p == '+')
    {
        int neg = *P->p == '-';
        P->p++;
        bad = unary(res, P);
        if (!bad && neg)
            arb_neg(res, res);
    }
    else
        bad = power(res, P);
    P->depth--;
    return bad;
}

static int
term(arb_t res, parser *P)
{
    arb_t t;
    int bad;
    if (unary(res, P))
        return 1;
    arb_init(t);
    for (bad = 0; !bad;)
    {
        char op;
        skip(P);
        op = *P->p;
        if (op != '*' && op != '/')
            break;
        P->p++;
        bad = unary(t, P);
        if (!bad)
        {
            if (op == '*')
                arb_mul(res, res, t, P->prec);
            else
                arb_div(res, res, t, P->prec);     /* indeterminate if t contains 0 */
        }
    }
    arb_clear(t);
    return bad;
}

static int
expr(arb_t res, parser *P)
{
    arb_t t;
    int bad;
    if (++P->depth > QO_EXPR_DEPTH)
        return fail(P, "nested too deep");
    if (term(res, P))
        return 1;
    arb_init(t);
    for (bad = 0; !bad;)
    {
        char op;
        skip(P);
        op = *P->p;
        if (op != '+' && op != '-')
            break;
        P->p++;
        bad = term(t, P);
        if (!bad)
        {
            if (op == '+')
                arb_add(res, res, t, P->prec);
            else
                arb_sub(res, res, t, P->prec);
        }
    }
    arb_clear(t);
    P->depth--;
    return bad;
}

int
qo_expr_eval(arb_t res, const char *s, const qo_kv *vars, slong prec, char *err, size_t errlen)
{
    parser P;
    P.s = P.p = s;
    P.vars = vars;
    P.prec = prec;
    P.depth = 0;
    P.err = err;
    P.errlen = errlen;
    if (strlen(s) > QO_EXPR_MAX)
    {
        snprintf(err, errlen, "longer than %d characters", QO_EXPR_MAX);
        return 1;
    }
    if (expr(res, &P))
        return 1;
    skip(&P);
    if (*P.p != '\0')
        return fail(&P, "unexpected text");
    return 0;
}
