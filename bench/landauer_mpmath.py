# SPDX-License-Identifier: LGPL-3.0-or-later
"""bench/landauer_mpmath.py DIGITS [NAME] -- mpmath quad (double-exponential, not certified) for the
same four integrals as bench/landauer_time.c at DIGITS + 10 working digits (10 guard digits: mpmath's own error
estimate is not a bound); prints "name digits seconds value", seconds the median of three runs.  With NAME, one
integral once (the whole-process column of bench/landauer_cli.py times this process from the outside).
Run with the system Python (/usr/bin/python3, Debian python3-mpmath)."""
import sys, time
from mpmath import mp, mpf, quad, exp, log, inf


def integrands(TL="1.5", TR="0.7"):
    """the four integrands of bench/landauer_time.c (eps0 = 0.3, gamma_L = 0.2, gamma_R = 0.6, mu_L = 0.4,
    mu_R = -0.2) at the temperatures given, and the points where quad splits the axis"""
    eps0, gL, gR = mpf("0.3"), mpf("0.2"), mpf("0.6")
    muL, muR = mpf("0.4"), mpf("-0.2")
    TL, TR = mpf(TL), mpf(TR)
    G2 = (gL + gR) ** 2 / 4

    def tr(E): return gL * gR / ((E - eps0) ** 2 + G2)
    def f(x): return 1 / (1 + exp(x)) if x > 0 else 1 - 1 / (1 + exp(-x))

    def sig(x):
        y = abs(x); t = exp(-y)
        return log(1 + t) + y * t / (1 + t)

    def sp(y): return y + log(1 + exp(-y)) if y > 0 else log(1 + exp(y))
    def kl(xp, xq): return f(xp) * (sp(xq) - sp(xp)) + f(-xp) * (sp(-xq) - sp(-xp))
    ints = {
        "particle_current": lambda E: tr(E) * (f((E - muL) / TL) - f((E - muR) / TR)),
        "heat_current_R": lambda E: (E - muR) * tr(E) * (f((E - muL) / TL) - f((E - muR) / TR)),
        "entropy_current": lambda E: tr(E) * (sig((E - muL) / TL) - sig((E - muR) / TR)),
        "heat_correction_R": lambda E: TR * tr(E) * kl((E - muL) / TL, (E - muR) / TR),
    }
    return ints, [-inf, muR, eps0, muL, inf]


def main():
    digits = int(sys.argv[1])
    mp.dps = digits + 10
    ints, pts = integrands()
    if len(sys.argv) > 2:
        print(sys.argv[2], digits, mp.nstr(quad(ints[sys.argv[2]], pts), 20))
        return
    for name, g in ints.items():
        ts = []
        for rep in range(3):                 # the median of three runs (mpmath caches its nodes after the first)
            t0 = time.perf_counter()
            v = quad(g, pts)
            ts.append(time.perf_counter() - t0)
        print(name, digits, "%.6g" % sorted(ts)[1], mp.nstr(v, 20))


if __name__ == "__main__":
    main()
