/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* versions.c -- library versions for provenance blocks. */
#include <stdio.h>
#include "qtoracle/core.h"

const char *qt_version_arb(void) { return QT_ARB_VERSION_STRING; }
const char *qt_version_flint(void) { return FLINT_VERSION; }
const char *qt_version_mpfr(void) { return MPFR_VERSION_STRING; }

const char *
qt_version_gmp(void)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", __GNU_MP_VERSION, __GNU_MP_VERSION_MINOR,
             __GNU_MP_VERSION_PATCHLEVEL);
    return buf;
}
