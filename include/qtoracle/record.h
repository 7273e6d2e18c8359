/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* record.h -- a record: several named outputs from one evaluation, each a certified result with its own
 * status (an output is an exact +-inf when the formula is infinite there, QT_DOMAIN when it is undefined,
 * QT_UNCERTIFIED with an honest, possibly infinite, enclosure when a sign or a separation from 0 cannot be
 * decided).  The family that fills a record names its outputs and attaches its vocabulary: the formula of each
 * output and which outputs are ratios of two others.  Records are filled by the open-system trajectories, the
 * cycles and every pump.* quantity. */
#ifndef QTORACLE_RECORD_H
#define QTORACLE_RECORD_H

#include "qtoracle/core.h"

/* the most outputs of one record (pump.steady_state of three qubits: 2 * 64 + 2) and the longest name */
#define QT_RECORD_MAXOUT 136
#define QT_RECORD_NAMELEN 16

typedef struct qt_record_vocabulary_struct qt_record_vocabulary;

typedef struct
{
    slong nout;
    char name[QT_RECORD_MAXOUT][QT_RECORD_NAMELEN];
    qt_result_struct out[QT_RECORD_MAXOUT];
    char reference[48];                    /* which reference state relative outputs use (family-defined) */
    const qt_record_vocabulary *vocabulary;     /* set by the family that fills the record (NULL: none) */
    /* set by qt_eval_digits_record before a retry at higher precision: output i already meets the requested digits
       (or is a domain error), and its earlier enclosure is kept whatever this evaluation gives; a record function may
       skip the work of such outputs (effort only) */
    int settled[QT_RECORD_MAXOUT];
}
qt_record_struct;
typedef qt_record_struct qt_record_t[1];

struct qt_record_vocabulary_struct
{
    /* the formula of output i (a static string, "" if none) */
    const char *(*formula)(const qt_record_struct *R, slong i);
    /* if output i is a ratio of two outputs: the index of its numerator, and *den that of its denominator;
       else -1 (NULL: no ratios) */
    slong (*ratio_of)(const qt_record_struct *R, slong i, slong *den);
};

/* an empty record: no outputs, no vocabulary */
void qt_record_init(qt_record_t R);
void qt_record_clear(qt_record_t R);
/* the formula of output i ("" if the family gives none) and the ratio pair of output i (-1 if none) */
const char *qt_record_formula(const qt_record_t R, slong i);
slong qt_record_ratio_of(const qt_record_t R, slong i, slong *den);
/* output i := v with a status and a reason (NULL: none) */
void qt_record_set(qt_record_t R, slong i, const arb_t v, int status, const char *reason);
/* output i := undefined (QT_DOMAIN), reason printf-style */
void qt_record_domain(qt_record_t R, slong i, const char *fmt, ...);

/* the --digits guarantee for a record: raise the working precision until every output is either undefined
 * (QT_DOMAIN, an exact decision), an internal error, or certified to the requested digits; keep, per output, the
 * narrowest proven enclosure.  Returns QT_OK, QT_UNCERTIFIED (some output short of the digits) or QT_INTERNAL. */
typedef void (*qt_record_fn)(qt_record_t R, const void *params, slong prec);
int qt_eval_digits_record(qt_record_t R, qt_record_fn fn, const void *params, slong digits);

#endif
