/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* record_digits.c -- the --digits guarantee for a record of outputs: raise the working
 * precision until every output is either undefined (QT_DOMAIN, an exact decision) or certified
 * to the requested digits; keep, per output, the narrowest proven enclosure (proofs/landauer.md,
 * "Records"). */
#include <string.h>
#include "qtoracle/record.h"

static int
narrower(const arb_t a, const arb_t b)
{
    if (!arb_is_finite(b) && !qt_arb_is_exact_inf(b))
        return arb_is_finite(a) || qt_arb_is_exact_inf(a);
    if (!arb_is_finite(a) && !qt_arb_is_exact_inf(a))
        return 0;
    return mag_cmp(arb_radref(a), arb_radref(b)) < 0;
}

/* an output that no higher precision will change: a domain error (undefinedness is decided exactly) or certified to
   the digits */
static int
settled(const qt_result_struct *o, slong digits)
{
    return o->status == QT_DOMAIN || o->status == QT_INTERNAL || (o->status == QT_OK && qt_arb_meets_digits(&o->value, digits));
}

int
qt_eval_digits_record(qt_record_t R, qt_record_fn fn, const void *params, slong digits)
{
    slong prec, maxprec = qt_digits_max_prec(digits), i;
    qt_record_t T;
    int have[QT_RECORD_MAXOUT], done = 0, worst = QT_OK;

    memset(have, 0, sizeof have);
    for (prec = qt_digits_start_prec(digits); prec <= maxprec && !done; prec *= 2)
    {
        qt_record_init(T);
        for (i = 0; i < QT_RECORD_MAXOUT; i++)
            T->settled[i] = have[i] && settled(R->out + i, digits);
        fn(T, params, prec);
        R->nout = T->nout;
        R->vocabulary = T->vocabulary;
        memcpy(R->name, T->name, sizeof R->name);
        memcpy(R->reference, T->reference, sizeof R->reference);
        done = 1;
        for (i = 0; i < T->nout; i++)
        {
            qt_result_struct *n = T->out + i, *o = R->out + i;
            int take = !T->settled[i] && (!have[i]
                       || (n->status == QT_DOMAIN) || (n->status == QT_INTERNAL)
                       || (n->status == QT_OK && (o->status != QT_OK || narrower(&n->value, &o->value)))
                       || (n->status != QT_OK && o->status != QT_OK && narrower(&n->value, &o->value)));
            if (take)
            {
                arb_set(&o->value, &n->value);
                o->status = n->status;
                o->prec = prec;
                memcpy(o->reason, n->reason, QT_REASON_LEN);
                have[i] = 1;
            }
            if (!settled(o, digits))
                done = 0;
        }
        qt_record_clear(T);
    }
    for (i = 0; i < R->nout; i++)
    {
        qt_result_struct *o = R->out + i;
        if (o->status == QT_OK && !qt_arb_meets_digits(&o->value, digits))
            qt_result_set_status(o, QT_UNCERTIFIED,
                "could not reach %ld digits up to %ld bits of working precision; the enclosure shown is the narrowest proven",
                (long) digits, (long) maxprec);
        if (o->status == QT_INTERNAL)
            arb_indeterminate(&o->value);
        if (o->status == QT_UNCERTIFIED || o->status == QT_INTERNAL)
            worst = qt_status_join(worst, o->status);
    }
    return worst;
}
