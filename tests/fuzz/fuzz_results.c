/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_results.c -- a RESULTS.jsonl through `qtoracle check` against a shipped vector file, with options chosen by
 * the first byte (--subset, --ulps, tolerances) */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64], vec[] = "vectors/landauer_ideal.json";
    char a0[] = "--subset", a1[] = "--ulps", a2[] = "4", a3[] = "--rtol", a4[] = "1e-9";
    char *argv[8];
    int argc = 0;
    if (size < 1 || fuzz_file(path, sizeof path, data + 1, size - 1))
        return 0;
    argv[argc++] = vec;
    argv[argc++] = path;
    if (data[0] & 1)
        argv[argc++] = a0;
    if (data[0] & 2)
    {
        argv[argc++] = a1;
        argv[argc++] = a2;
    }
    else if (data[0] & 4)
    {
        argv[argc++] = a3;
        argv[argc++] = a4;
    }
    (void) qo_cmd_check(argc, argv);
    unlink(path);
    flint_cleanup();
    return 0;
}
