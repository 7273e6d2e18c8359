/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* qtoracle.h -- the public C API of libqtoracle. */
#ifndef QTORACLE_H
#define QTORACLE_H
#include "qtoracle/core.h"
#include "qtoracle/record.h"
#include "qtoracle/landauer.h"
#include "qtoracle/matrix.h"
#include "qtoracle/state.h"
#include "qtoracle/lindblad.h"
#include "qtoracle/davies.h"
#include "qtoracle/trajectory.h"
#include "qtoracle/pump.h"
#endif
