/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* arbcompat.h -- the one place that hides where Arb lives.
 *
 * Arb 2.x (Debian 12: libflint-arb-dev) installs <arb.h> at the top level and links
 * as -lflint-arb (upstream: -larb).  FLINT >= 3 ships Arb as <flint/arb.h> inside
 * -lflint.  Every qtoracle source includes this header instead of Arb directly.
 * The link flags are chosen by the Makefile (ARB_LIB).
 */
#ifndef QTORACLE_ARBCOMPAT_H
#define QTORACLE_ARBCOMPAT_H

#if defined(__has_include)
#  if __has_include(<flint/arb.h>) && __has_include(<flint/acb_calc.h>)
#    define QT_FLINT3 1
#  endif
#endif

#ifdef QT_FLINT3
#  include <flint/flint.h>
#  include <flint/fmpz.h>
#  include <flint/fmpq.h>
#  include <flint/arb.h>
#  include <flint/acb.h>
#  include <flint/acb_calc.h>
#  include <flint/acb_hypgeom.h>
#  include <flint/arb_hypgeom.h>
#  include <flint/arb_mat.h>
#  include <flint/acb_mat.h>
#  include <flint/arb_fmpz_poly.h>
#  include <flint/fmpq_mat.h>
#  include <flint/fmpz_poly_factor.h>
#  define QT_ARB_VERSION_STRING FLINT_VERSION
#else
#  include <flint/flint.h>
#  include <flint/fmpz.h>
#  include <flint/fmpq.h>
#  include <arb.h>
#  include <acb.h>
#  include <acb_calc.h>
#  include <acb_hypgeom.h>
#  include <arb_hypgeom.h>
#  include <arb_mat.h>
#  include <acb_mat.h>
#  include <arb_fmpz_poly.h>
#  include <flint/fmpq_mat.h>
#  include <flint/fmpz_poly_factor.h>
#  define QT_ARB_VERSION_STRING ARB_VERSION
#endif

#include <mpfr.h>
#include <gmp.h>

#endif
