/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* cmd_list.c -- qtoracle list [--json] */
#include <stdio.h>
#include <string.h>
#include "oracle.h"

int
qo_cmd_list(int argc, char **argv)
{
    int i, as_json = 0;
    for (i = 0; i < argc; i++)
    {
        if (strcmp(argv[i], "--json") == 0)
            as_json = 1;
        else
        {
            qo_error("list: unknown option \"%s\" (usage: qtoracle list [--json])", argv[i]);
            return QO_EXIT_USAGE;
        }
    }
    if (as_json)
    {
        json_t *arr = json_array();
        char *s;
        for (i = 0; qo_quantity_at(i) != NULL; i++)
        {
            const qo_quantity *q = qo_quantity_at(i);
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(q->name));
            json_object_set_new(o, "parameters", json_string(qo_quantity_params(q)));
            json_object_set_new(o, "units", json_string(q->units));
            json_object_set_new(o, "formula", json_string(q->formula));
            json_object_set_new(o, "summary", json_string(q->summary));
            json_array_append_new(arr, o);
        }
        s = json_dumps(arr, JSON_INDENT(1) | JSON_ENSURE_ASCII);
        puts(s);
        free(s);
        json_decref(arr);
        return QO_EXIT_OK;
    }
    for (i = 0; qo_quantity_at(i) != NULL; i++)
    {
        const qo_quantity *q = qo_quantity_at(i);
        printf("%s\n    %s\n    parameters: %s\n    units: %s\n    formula: %s\n",
               q->name, q->summary, qo_quantity_params(q), q->units, q->formula);
    }
    return QO_EXIT_OK;
}
