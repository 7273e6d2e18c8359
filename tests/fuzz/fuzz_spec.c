/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_spec.c -- a gen SPEC: loaded as JSON (duplicate keys refused, as gen loads it) and checked whole by
 * qo_spec_validate, the check gen runs before computing anything */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t je;
    char err[1024];
    json_t *root = json_loadb((const char *) data, size, JSON_REJECT_DUPLICATES, &je);
    if (root != NULL)
    {
        (void) qo_spec_validate(root, "spec", err, sizeof err);
        json_decref(root);
    }
    flint_cleanup();
    return 0;
}
