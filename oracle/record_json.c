/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* record_json.c -- a record as JSON: one object per named output. */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

json_t *
qo_record_json(const qt_record_t R, slong digits, int with_formulas)
{
    json_t *outs = json_object();
    slong i;
    for (i = 0; i < R->nout; i++)
    {
        const qt_result_struct *r = R->out + i;
        json_t *o = json_object();
        char buf[32];
        json_object_set_new(o, "status", json_string(qt_status_name(r->status)));
        if (r->status != QT_OK)
            json_object_set_new(o, "reason", json_string(r->reason));
        if (r->status != QT_DOMAIN)
        {
            json_t *b = qo_ball_json(&r->value, digits);
            snprintf(buf, sizeof buf, "%ld", (long) r->prec);
            json_object_set_new(o, "prec_bits", json_string(buf));
            json_object_update(o, b);
            json_decref(b);
        }
        if (with_formulas)
        {
            const char *f = qt_record_formula(R, i);
            slong d, a = qt_record_ratio_of(R, i, &d);
            json_object_set_new(o, "formula", json_string(f));
            if (a >= 0)
            {
                json_t *pair = json_array();
                json_array_append_new(pair, json_string(R->name[a]));
                json_array_append_new(pair, json_string(R->name[d]));
                json_object_set_new(o, "ratio_of", pair);
            }
        }
        json_object_set_new(outs, R->name[i], o);
    }
    return outs;
}
