/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* status.c -- certified results and their statuses. */
#include <stdarg.h>
#include <stdio.h>
#include "qtoracle/core.h"

const char *
qt_status_name(int status)
{
    switch (status)
    {
        case QT_OK: return "ok";
        case QT_UNCERTIFIED: return "could-not-certify";
        case QT_DOMAIN: return "domain-error";
        case QT_INTERNAL: return "internal-error";
        default: return "unknown";
    }
}

int
qt_status_join(int a, int b)
{
    if (a == QT_INTERNAL || b == QT_INTERNAL)
        return QT_INTERNAL;
    if (a == QT_DOMAIN || b == QT_DOMAIN)
        return QT_DOMAIN;
    if (a == QT_UNCERTIFIED || b == QT_UNCERTIFIED)
        return QT_UNCERTIFIED;
    return QT_OK;
}

int
qt_integration_fail(char *reason, int st, const char *what, slong prec)
{
    if (st == QT_INTERNAL)
        return qt_fail(reason, st, "internal error in %s: a reversed or non-finite integration interval (a bug in qtoracle; "
                       "please report it)", what);
    if (st != QT_OK)
        return qt_fail(reason, st, "%s did not reach the requested accuracy at %ld bits", what, (long) prec);
    return st;
}

void
qt_result_init(qt_result_t r)
{
    arb_init(&r->value);
    r->status = QT_OK;
    r->prec = 0;
    r->reason[0] = '\0';
}

void
qt_result_clear(qt_result_t r)
{
    arb_clear(&r->value);
}

void
qt_result_set_status(qt_result_t r, int status, const char *fmt, ...)
{
    va_list ap;
    r->status = status;
    va_start(ap, fmt);
    vsnprintf(r->reason, QT_REASON_LEN, fmt, ap);
    va_end(ap);
}

int
qt_fail(char *reason, int status, const char *fmt, ...)
{
    va_list ap;
    if (reason != NULL)
    {
        va_start(ap, fmt);
        vsnprintf(reason, QT_REASON_LEN, fmt, ap);
        va_end(ap);
    }
    return status;
}
