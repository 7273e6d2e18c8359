# SPDX-License-Identifier: LGPL-3.0-or-later
"""bench/landauer_cli.py QTORACLE DIGITS... -- whole-process seconds for the four currents of bench/landauer_time.c:
`qtoracle eval` (a fresh process: start-up, Gauss-Legendre nodes read from the library's table, the certified value printed) against
a fresh `python3 bench/landauer_mpmath.py DIGITS NAME` (start-up, mpmath import, one cold quad at DIGITS + 10 digits).
Each time is the median of RUNS whole runs (3; mpmath at 300 digits: 1, a run takes seconds).  Prints one line per
quantity and digits: name digits qtoracle_s mpmath_s ratio (ratio = mpmath / qtoracle, qtoracle's speed-up)."""
import os, statistics, subprocess, sys, time

PARAMS = ["stats=fermion", "model=lorentzian", "eps0=0.3", "gamma_L=0.2", "gamma_R=0.6",
          "mu_L=0.4", "T_L=1.5", "mu_R=-0.2", "T_R=0.7"]
NAMES = ["particle_current", "heat_current_R", "entropy_current", "heat_correction_R"]
HERE = os.path.dirname(os.path.abspath(__file__))


def seconds(cmd, runs):
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    qtoracle, digits = sys.argv[1], [int(d) for d in sys.argv[2:]]
    for d in digits:
        for name in NAMES:
            q = seconds([qtoracle, "eval", "landauer." + name] + PARAMS + ["--digits", str(d)], 5)
            m = seconds(["/usr/bin/python3", os.path.join(HERE, "landauer_mpmath.py"), str(d), name], 1 if d >= 300 else 3)
            print("%-20s %6d %14.6g %14.6g %10.1f" % (name, d, q, m, m / q), flush=True)


main()
