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
        default: return "unknown";
    }
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
