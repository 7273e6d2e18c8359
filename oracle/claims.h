/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* claims.h -- a claims file read and validated whole (claims_read.c; format: docs/claims.md); internal to the tool */
#ifndef QO_CLAIMS_H
#define QO_CLAIMS_H
#include "oracle.h"

#define QO_CLAIMS_MAX_POINTS 10000
#define QO_CLAIMS_MAX 10000

enum { QO_CLAIM_PRINTED, QO_CLAIM_PM, QO_CLAIM_RELATION };

/* one claim: what is claimed of which output, at the points of its (possibly list-valued) parameters */
typedef struct
{
    const char *id;
    const qo_quantity *q;
    const char *output;          /* record output, or NULL for a single-value quantity */
    int kind;                    /* QO_CLAIM_* */
    const char *value;           /* as printed (QO_CLAIM_PRINTED, QO_CLAIM_PM) */
    fmpq_t a, b;                 /* the claimed interval */
    int rel;
    const char *bound;
    json_t *points;              /* one params object per point */
    json_t *swept;               /* the names of the list-valued parameters */
}
qo_claim;

/* the claims of one file; the strings point into root */
typedef struct
{
    json_t *root;
    qo_claim *c;
    size_t n;
}
qo_claims;

/* read PATH and validate every claim, every point's parameters and bound, before anything is evaluated;
   0, or 1 and a message naming the file, the claim and the field in err (nothing to clear then) */
int qo_claims_read(qo_claims *cs, const char *path, char *err, size_t errlen);
void qo_claims_clear(qo_claims *cs);

#endif
