/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* record.c -- records of named outputs (record.h): init, clear, the vocabulary hooks, setting one output. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "qtoracle/record.h"

void
qt_record_init(qt_record_t R)
{
    slong i;
    memset(R, 0, sizeof *R);
    for (i = 0; i < QT_RECORD_MAXOUT; i++)
        qt_result_init(R->out + i);
}

void
qt_record_clear(qt_record_t R)
{
    slong i;
    for (i = 0; i < QT_RECORD_MAXOUT; i++)
        qt_result_clear(R->out + i);
}

const char *
qt_record_formula(const qt_record_t R, slong i)
{
    const char *f;
    if (R->vocabulary == NULL || R->vocabulary->formula == NULL || i < 0 || i >= R->nout)
        return "";
    f = R->vocabulary->formula(R, i);
    return f ? f : "";
}

slong
qt_record_ratio_of(const qt_record_t R, slong i, slong *den)
{
    *den = -1;
    if (R->vocabulary == NULL || R->vocabulary->ratio_of == NULL || i < 0 || i >= R->nout)
        return -1;
    return R->vocabulary->ratio_of(R, i, den);
}

void
qt_record_set(qt_record_t R, slong i, const arb_t v, int status, const char *reason)
{
    arb_set(&R->out[i].value, v);
    R->out[i].status = status;
    snprintf(R->out[i].reason, QT_REASON_LEN, "%s", reason ? reason : "");
}

void
qt_record_domain(qt_record_t R, slong i, const char *fmt, ...)
{
    va_list ap;
    arb_indeterminate(&R->out[i].value);
    R->out[i].status = QT_DOMAIN;
    va_start(ap, fmt);
    vsnprintf(R->out[i].reason, QT_REASON_LEN, fmt, ap);
    va_end(ap);
}
