/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qt_internal.h -- the one door from the tests into the library's internal headers.  The pump tests check routes that
 * lie below the public API against independent references, so they need the internal declarations of ref/pump:
 * the level scan of lemma P9 (iv) (qt_pump_pieces_levels_simple, protocol pieces), the axis models and their tail
 * envelopes (P23, P26), the exact model matrices (model_exact.c), the field-frame pieces (P18, P31), the population
 * solve and the Gibbs populations (P9, P19), the eigen-decomposition (P9), the product factors (P16) and the kind of
 * model (model_kind.c).  No other test file includes a header from ref/. */
#ifndef QT_INTERNAL_H
#define QT_INTERNAL_H

#include "qtoracle/qtoracle.h"
#include "../ref/pump/pump_internal.h"

#endif
