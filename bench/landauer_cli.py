# SPDX-License-Identifier: LGPL-3.0-or-later
"""bench/landauer_cli.py QTORACLE STARTUP DIGITS... -- whole-process seconds for the four currents of
bench/landauer_time.c: `qtoracle eval` (a fresh process: start-up, Gauss-Legendre nodes read from the library's table,
the certified value printed) against a fresh `python3 bench/landauer_mpmath.py DIGITS NAME` (start-up, mpmath import,
one cold quad at DIGITS + 10 digits).  Each time is the median of RUNS whole runs (qtoracle 15, 5 at 300 digits;
mpmath 5, at 300 digits 1: a run takes seconds; a process start varies by milliseconds from run to run here).  First the start-up floor: STARTUP (bench/startup.c, a program linked against Arb and
FLINT as qtoracle is, computing one constant), `qtoracle --version`, and /bin/true, each with its page faults (the
kernel's count for the child: on a virtual machine a fault can cost microseconds, and most of a process start is
faults).  Then one line per quantity and digits: name digits qtoracle_s mpmath_s ratio ceiling (ratio = mpmath /
qtoracle, qtoracle's speed-up; ceiling = mpmath / the floor, what a process that computed nothing would reach)."""
import os, resource, statistics, subprocess, sys, time

PARAMS = ["stats=fermion", "model=lorentzian", "eps0=0.3", "gamma_L=0.2", "gamma_R=0.6",
          "mu_L=0.4", "T_L=1.5", "mu_R=-0.2", "T_R=0.7"]
NAMES = ["particle_current", "heat_current_R", "entropy_current", "heat_correction_R"]
HERE = os.path.dirname(os.path.abspath(__file__))


def seconds(cmd, runs):
    """median wall seconds of runs fresh processes, and the median page faults of one"""
    ts, fs = [], []
    for _ in range(runs):
        f0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t0)
        fs.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - f0)
    return statistics.median(ts), statistics.median(fs)


def main():
    qtoracle, startup, digits = sys.argv[1], sys.argv[2], [int(d) for d in sys.argv[3:]]
    floor, faults = seconds([startup], 21)
    print("start-up floor: a program linked against Arb computing pi %.4f s (%d page faults); qtoracle --version "
          "%.4f s (%d); /bin/true %.4f s (%d)" % ((floor, faults) + seconds([qtoracle, "--version"], 21)
                                                  + seconds(["/bin/true"], 21)), flush=True)
    print("%-20s %6s %14s %14s %10s %10s" % ("quantity", "digits", "qtoracle_s", "mpmath_s", "ratio", "ceiling"))
    for d in digits:
        for name in NAMES:
            q, _ = seconds([qtoracle, "eval", "landauer." + name] + PARAMS + ["--digits", str(d)],
                           5 if d >= 300 else 15)
            m, _ = seconds(["/usr/bin/python3", os.path.join(HERE, "landauer_mpmath.py"), str(d), name],
                           1 if d >= 300 else 5)
            print("%-20s %6d %14.6g %14.6g %10.1f %10.1f" % (name, d, q, m, m / q, m / floor), flush=True)


main()
