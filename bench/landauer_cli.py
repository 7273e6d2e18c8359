# SPDX-License-Identifier: LGPL-3.0-or-later
"""bench/landauer_cli.py QTORACLE STARTUP DIGITS... -- whole-process seconds for the four currents of
bench/landauer_time.c: `qtoracle eval` (a fresh process: start-up, Gauss-Legendre nodes read from the library's table,
the certified value printed) against a fresh `python3 bench/landauer_mpmath.py DIGITS NAME` (start-up, mpmath import,
one cold quad at DIGITS + 10 digits).  First the start-up floor: STARTUP (bench/startup.c, a program linked against
Arb and FLINT as qtoracle is, computing one constant), `qtoracle --version`, and /bin/true, each with its page faults
(the kernel's count for the child: on a virtual machine a fault can cost microseconds, and most of a process start is
faults).  Then one line per quantity and digits: name digits qtoracle_s mpmath_s ratio floor_s ceiling (ratio =
mpmath / qtoracle, qtoracle's speed-up; ceiling = mpmath / floor, what a process that computed nothing would reach).
The speed of a virtual machine drifts between minutes, so the three commands of a line run in turns, spread evenly
(qtoracle 27 times, mpmath 9 and the floor 9; at 300 digits 5, 1 and 3); each time is the median of its runs, each
ratio the median over the mpmath runs of one run over the three runs of the other command nearest to it in time."""
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


def interleaved(cmds):
    """cmds: [(cmd, runs)], run in turns spread evenly over the whole (a command with fewer runs between the others'),
    so that each sees the same drift of the machine.  Returns the median wall seconds of each, and a function
    local(a, b): the time of command a over that of b measured locally, each run of a over the median of the three runs
    of b nearest to it in time, the median of those quotients (a drift slower than a few runs cancels)"""
    slots = sorted((((k + 0.5) / r, i) for i, (_, r) in enumerate(cmds) for k in range(r)))
    ts = [[] for _ in cmds]
    seq = []
    for _, i in slots:
        t0 = time.perf_counter()
        subprocess.run(cmds[i][0], stdout=subprocess.DEVNULL, check=True)
        t = time.perf_counter() - t0
        ts[i].append(t)
        seq.append((i, t))

    def local(a, b):
        quotients = []
        for j, (i, t) in enumerate(seq):
            if i == a:
                near = sorted((abs(k - j), u) for k, (c, u) in enumerate(seq) if c == b)[:3]
                quotients.append(t / statistics.median(u for _, u in near))
        return statistics.median(quotients)
    return [statistics.median(t) for t in ts], local


def main():
    qtoracle, startup, digits = sys.argv[1], sys.argv[2], [int(d) for d in sys.argv[3:]]
    floor, faults = seconds([startup], 21)
    print("start-up floor: a program linked against Arb computing pi %.4f s (%d page faults); qtoracle --version "
          "%.4f s (%d); /bin/true %.4f s (%d)" % ((floor, faults) + seconds([qtoracle, "--version"], 21)
                                                  + seconds(["/bin/true"], 21)), flush=True)
    print("%-20s %6s %14s %14s %10s %10s %10s" % ("quantity", "digits", "qtoracle_s", "mpmath_s", "ratio", "floor_s",
                                                   "ceiling"))
    for d in digits:
        runs = (5, 1, 3) if d >= 300 else (27, 9, 9)
        for name in NAMES:
            (q, m, f), local = interleaved([
                ([qtoracle, "eval", "landauer." + name] + PARAMS + ["--digits", str(d)], runs[0]),
                (["/usr/bin/python3", os.path.join(HERE, "landauer_mpmath.py"), str(d), name], runs[1]),
                ([startup], runs[2])])
            print("%-20s %6d %14.6g %14.6g %10.1f %10.4f %10.1f" % (name, d, q, m, local(1, 0), f, local(1, 2)),
                  flush=True)


main()
