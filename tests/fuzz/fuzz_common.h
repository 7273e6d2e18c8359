/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* fuzz_common.h -- shared by the libFuzzer harnesses of `make fuzz` (tests/fuzz/README.md): the input as a
 * NUL-terminated string, or written to a temporary file for the commands that read files. */
#ifndef QT_FUZZ_COMMON_H
#define QT_FUZZ_COMMON_H
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "oracle.h"

static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* the input in a temporary file (its path in buf, PATH_MAX-sized); 0 on success */
static inline int
fuzz_file(char *buf, size_t len, const uint8_t *data, size_t size)
{
    int fd;
    snprintf(buf, len, "/tmp/qtoracle-fuzz-XXXXXX");
    fd = mkstemp(buf);
    if (fd < 0)
        return 1;
    if (size > 0 && write(fd, data, size) != (ssize_t) size)
    {
        close(fd);
        unlink(buf);
        return 1;
    }
    close(fd);
    return 0;
}
#endif
