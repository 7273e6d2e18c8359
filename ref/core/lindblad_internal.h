/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* lindblad_internal.h -- shared between the Lindblad files of ref/core only. */
#ifndef QTORACLE_LINDBLAD_INTERNAL_H
#define QTORACLE_LINDBLAD_INTERNAL_H

#include "qtoracle/lindblad.h"

/* the exact-zero pattern of a list of n x n matrices M[0..nm), line by line: for each i, the indices a with M_ai
   (by_row: M_ia) not an exact zero for some M of the list, idx[start[i] .. start[i + 1]) (lindblad_pattern.c) */
typedef struct
{
    slong *start, *idx;
}
_qt_nz_lists;

void _qt_nz_lists_init(_qt_nz_lists *p, const acb_mat_struct *M, slong nm, int by_row, slong n);
void _qt_nz_lists_clear(_qt_nz_lists *p);

/* solves A x = b, A proven nonsingular: preconditioned by an approximate inverse of the midpoint (which overestimates
   much less than plain LU on wide complex parameter balls), else plain LU; a 1 x 1 system by one division.  Returns
   0 if A is not proven nonsingular (lindblad_solve.c) */
int _qt_acb_mat_solve_certified(acb_mat_t x, const acb_mat_t A, const acb_mat_t b, slong prec);

#endif
