/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/startup.c -- the start-up floor of a whole-process run (bench/landauer_cli.py): a program linked against Arb
 * and FLINT as qtoracle is (Debian's FLINT brings MPFR, GMP, NTL, gf2x and libstdc++) that computes one constant and
 * exits.  No process that computes with Arb starts faster on the same machine. */
#include <arb.h>

int
main(void)
{
    arb_t x;
    arb_init(x);
    arb_const_pi(x, 64);
    arb_clear(x);
    flint_cleanup();
    return 0;
}
