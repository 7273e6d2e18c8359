/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* vectors_io.h -- a vector file as a flat list of (caseId, output, enclosure). */
#ifndef QTORACLE_VECTORS_IO_H
#define QTORACLE_VECTORS_IO_H
#include "oracle.h"

typedef struct
{
    const char *caseId, *output, *status;
    const char *mid, *rad, *lo, *hi, *lo_f64, *hi_f64;   /* NULL unless status is ok */
    json_t *flags;             /* the case's flags (an array of strings, or NULL) */
    json_t *group;             /* the test group (its "tolerance", if any) */
    int seen;
}
qo_vec_entry;

typedef struct
{
    json_t *root;
    qo_vec_entry *e;
    size_t n, alloc;
}
qo_vecs;

int qo_vecs_load(qo_vecs *v, const char *path, char *err, size_t errlen);
/* the same from a parsed file (root is owned by v from here on; path names it in messages) */
int qo_vecs_from_json(qo_vecs *v, json_t *root, const char *path, char *err, size_t errlen);
void qo_vecs_clear(qo_vecs *v);
qo_vec_entry *qo_vecs_find(qo_vecs *v, const char *caseId, const char *output);
int qo_vecs_has_case(qo_vecs *v, const char *caseId);
#endif
