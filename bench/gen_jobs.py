# SPDX-License-Identifier: LGPL-3.0-or-later
# bench/gen_jobs.py -- `qtoracle gen SPEC --jobs 2` against the same gen in one process (--jobs 1), whole process, wall
# seconds, on specs of the repository: pump_rotor_map (cases of similar cost), landauer_lorentzian and trajectory
# (one case takes most of the time, so two workers cannot halve it). Medians of REPEATS runs, the two settings
# alternated; the two files are compared byte for byte in every run. No timing is asserted.
# usage: /usr/bin/python3 bench/gen_jobs.py [QTORACLE] [REPEATS]
import filecmp, os, statistics, subprocess, sys, tempfile, time

qt_tool = sys.argv[1] if len(sys.argv) > 1 else "build/qtoracle"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
specs = ["pump_rotor_map", "landauer_lorentzian", "trajectory"]
env = dict(os.environ, QTORACLE_GIT_COMMIT="bench", QTORACLE_GIT_DIRTY="false")

def run(spec, jobs, out):
    t0 = time.perf_counter()
    subprocess.run([qt_tool, "gen", "vectors/specs/%s.json" % spec, "-o", out, "--jobs", str(jobs)], check=True,
                   env=env)
    return time.perf_counter() - t0

print("gen of a vector spec, wall seconds, medians of %d runs (cores: %d)" % (repeats, os.cpu_count() or 0))
print("%-22s %8s %12s %12s %10s" % ("spec", "cases", "--jobs 1 s", "--jobs 2 s", "speed-up"))
with tempfile.TemporaryDirectory() as tmp:
    for spec in specs:
        one, two = [], []
        a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
        for _ in range(repeats):
            one.append(run(spec, 1, a))
            two.append(run(spec, 2, b))
            if not filecmp.cmp(a, b, shallow=False):
                sys.exit("gen --jobs 2 of %s differs from gen in one process" % spec)
        with open("vectors/specs/%s.json" % spec) as f:
            ncases = f.read().count('"caseId"')
        s1, s2 = statistics.median(one), statistics.median(two)
        print("%-22s %8d %12.2f %12.2f %9.2fx" % (spec, ncases, s1, s2, s1 / s2))
print("(speed-up = seconds with --jobs 1 / seconds with --jobs 2, the same files byte for byte)")
