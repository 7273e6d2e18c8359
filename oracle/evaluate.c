/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* evaluate.c -- a quantity under the --digits guarantee: its family's value or record function, called by the
 * library's digits loops. */
#include "oracle.h"

typedef struct
{
    const qo_quantity *q;
    const qo_params *p;
}
job;

static int
value_fn(arb_t res, const void *vp, slong prec, char *reason)
{
    const job *j = vp;
    qo_progress_precision((long) prec);
    return j->q->family->value(res, j->q, j->p->fp, prec, reason);
}

static void
record_fn(qt_record_t R, const void *vp, slong prec)
{
    const job *j = vp;
    qo_progress_precision((long) prec);
    j->q->family->record(R, j->q, j->p->fp, prec);
}

int
qo_evaluate(qt_result_t r, const qo_quantity *q, const qo_params *p, slong digits)
{
    job j;
    j.q = q;
    j.p = p;
    return qt_eval_digits(r, value_fn, &j, digits);
}

int
qo_evaluate_record(qt_record_t R, const qo_quantity *q, const qo_params *p, slong digits)
{
    job j;
    j.q = q;
    j.p = p;
    return qt_eval_digits_record(R, record_fn, &j, digits);
}
