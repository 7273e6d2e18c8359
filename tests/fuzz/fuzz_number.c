/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_number.c -- the exact-number parsers: qt_exact_parse (every parameter) and qo_parse_value (results and vector
 * files): accept or refuse with a message, never crash or hang */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size), err[256];
    fmpq_t a, b;
    fmpq_init(a);
    fmpq_init(b);
    (void) qt_exact_parse(a, s, err, sizeof err);
    (void) qo_parse_value(b, s);
    fmpq_clear(a);
    fmpq_clear(b);
    free(s);
    flint_cleanup();
    return 0;
}
