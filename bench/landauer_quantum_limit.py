# SPDX-License-Identifier: LGPL-3.0-or-later
"""bench/landauer_quantum_limit.py QTORACLE -- what mpmath's quad gets right, and what it only says it gets right.

For the Lorentzian level of bench/landauer_time.c (eps0 = 0.3, gamma_L = 0.2, gamma_R = 0.6, mu_L = 0.4,
mu_R = -0.2), mpmath quad at D working digits on the same integrals (split at mu_R, eps0, mu_L, as the timing bench
does; one row without the split points) against qtoracle's certified enclosure at D + 15 digits.  Columns: mpmath's
own error estimate and the true error (both relative to the certified value), the digits that are really right, and the working digits mpmath needs
before it has D right digits (tried: D, D + 5, D + 10, D + 20, D + 40).  The first rows are the timing bench's case
(T_L = 1.5, T_R = 0.7) with its 10 guard digits; the rest the quantum limit T_L = T_R -> 0.
Run with the system Python (/usr/bin/python3, Debian python3-mpmath)."""
import os, subprocess, sys
from mpmath import mp, mpf, quad, inf, log10
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from landauer_mpmath import integrands                    # the same integrands as the timing bench

Q = sys.argv[1]


def integrand(name, TL, TR):
    ints, pts = integrands(TL, TR)
    return ints[name], pts


def certified(name, TL, TR, digits):
    out = subprocess.run([Q, "eval", "landauer." + name, "stats=fermion", "model=lorentzian", "eps0=0.3",
                          "gamma_L=0.2", "gamma_R=0.6", "mu_L=0.4", "mu_R=-0.2", "T_L=" + TL, "T_R=" + TR,
                          "--digits", str(digits)], capture_output=True, text=True, check=True).stdout
    return out.split("=", 1)[1].split("+/-")[0].strip()


def mpmath_value(name, TL, TR, dps, splits):
    mp.dps = dps
    g, pts = integrand(name, TL, TR)
    v, e = quad(g, pts if splits else [-inf, inf], error=True)
    return v, e


def right_digits(v, ref):
    mp.dps = 80
    rel = abs(v - ref) / abs(ref)
    return rel, (99 if rel == 0 else int(-log10(rel)))


CASES = [("particle_current", "1.5", "0.7", 50, 10, True), ("entropy_current", "1.5", "0.7", 50, 10, True),
         ("heat_correction_R", "1.5", "0.7", 50, 10, True),
         ("heat_correction_R", "1/1000", "1/1000", 15, 0, True), ("entropy_current", "1/1000000", "1/1000000", 15, 0, True),
         ("heat_correction_R", "1/1000000", "1/1000000", 25, 0, True), ("entropy_current", "1/100000", "1/100000", 15, 0, False)]

print("%-18s %-10s %3s %5s %11s %11s %6s %s" % ("quantity", "T_L=T_R", "D", "dps", "mpmath_est", "true_rel",
                                                  "right", "dps for D right digits"))
for name, TL, TR, D, guard, splits in CASES:
    mp.dps = 80
    ref = mpf(certified(name, TL, TR, D + 15))
    v, e = mpmath_value(name, TL, TR, D + guard, splits)
    rel, right = right_digits(v, ref)
    need = "more than D + 40"
    for extra in (0, 5, 10, 20, 40):
        w, _ = mpmath_value(name, TL, TR, D + extra, splits)
        if right_digits(w, ref)[1] >= D:
            need = "D + %d" % extra
            break
    mp.dps = 80
    temps = TL if TL == TR else TL + "," + TR
    print("%-18s %-10s %3d %5d %11s %11s %6d %s%s" % (name, temps, D, D + guard, mp.nstr(abs(e) / abs(ref), 2),
                                                    mp.nstr(rel, 2), min(right, 99), need,
                                                    "" if splits else "   (no split points)"), flush=True)
