/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_vectors.c -- a vector file through `qtoracle selfcheck` (every field the loader reads, the three encodings
 * of every enclosure) */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    char *argv[1];
    if (fuzz_file(path, sizeof path, data, size))
        return 0;
    argv[0] = path;
    (void) qo_cmd_selfcheck(1, argv);
    unlink(path);
    flint_cleanup();
    return 0;
}
