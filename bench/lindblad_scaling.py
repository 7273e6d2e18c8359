# SPDX-License-Identifier: LGPL-3.0-or-later
# bench/lindblad_scaling.py -- the cost of a general Lindblad trajectory against the number of levels n: an n-level
# ladder (H = diag(0, 1, ..., n-1), one thermal bath with L = sum_k |k><k+1| (omega = 1), gamma = 1/10, beta = 1,
# rho0 the top level, t = 1; QuTiP gets the same matrices), and the same ladder with a dense H (every pair of levels
# coupled by 1/10, so that no structure is left to exploit), three ways: the whole certified record by `qtoracle eval
# lindblad.trajectory --digits 15` (whole process: every output, raised to the precision every output needs), the
# same record in-process (build/bench_lindblad_record: the library's digits loop over qt_lindblad_trajectory, from a
# fresh start each time: the fair column against QuTiP in-process) and the certified propagation alone, in-process (build/bench_lindblad_propagate: rho(t) and its integral at the 81 bits of
# a 15-digit request, by the route the library chooses, the action of L, and up to 16 levels by the dense n^2 x n^2
# exponential), against QuTiP 4.7 mesolve (double precision, use_openmp=False: QuTiP's OpenMP default stalls small
# systems on a loaded 2-core machine) with S(rho(t)) by entropy_vn, the same run.  Medians of REPEATS runs (the
# 64-level record and the dense 32-level one once; each record capped at 600 s; an output that could not be certified
# shows in the S column).  Then the same diagonal ladder between two baths at different temperatures, whose record
# needs the certified stationary state (by the blocks of its system where they cost less), against QuTiP's mesolve,
# steadystate and entropy_relative (the record's D_rel).  No timing is asserted.
# usage: /usr/bin/python3 bench/lindblad_scaling.py [QTORACLE] [REPEATS] [PROPAGATE_BENCH] [RECORD_BENCH]
import json, os, statistics, subprocess, sys, tempfile, time

qt_tool = sys.argv[1] if len(sys.argv) > 1 else "build/qtoracle"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
prop_bench = sys.argv[3] if len(sys.argv) > 3 else "build/bench_lindblad_propagate"
rec_bench = sys.argv[4] if len(sys.argv) > 4 else "build/bench_lindblad_record"
timeout = 600                   # the whole record's cap (--timeout): beyond it the row says so
try:
    import numpy as np
    import qutip
except ImportError:
    qutip = None

# the baths: (beta, gamma) each with the ladder operator at omega = 1; the second bath only for two_baths
BATHS = (("1", "1/10"), ("1/3", "1/20"))

def model(n, dense=False, two_baths=False):
    H = {"dims": [n, n], "re": [str(i) if i == j else ("1/10" if dense else "0") for i in range(n) for j in range(n)]}
    r = {"dims": [n, n], "re": [("1" if i == j == n - 1 else "0") for i in range(n) for j in range(n)]}
    L = {"dims": [n, n], "re": [("1" if j == i + 1 else "0") for i in range(n) for j in range(n)]}
    baths = [{"beta": b, "channels": [{"L": L, "gamma": g, "omega": "1", "kind": "thermal"}]}
             for b, g in BATHS[:2 if two_baths else 1]]
    return H, r, baths

def time_propagate(n, dense=False):
    out = subprocess.run([prop_bench, str(n), str(repeats)] + (["dense"] if dense else []), capture_output=True, text=True)
    if out.returncode != 0:
        return None, None
    _, chosen, dense, _ = out.stdout.split()
    return float(chosen), (None if dense == "nan" else float(dense))

def time_record_inprocess(n, reps, dense=False):
    try:
        out = subprocess.run([rec_bench, str(n), str(reps)] + (["dense"] if dense else []), capture_output=True,
                             text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout.split()[1]) if out.returncode == 0 else None

def time_qtoracle(n, d, reps, dense=False, two_baths=False, output="S"):
    H, r, b = model(n, dense, two_baths)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, obj in (("H", H), ("rho0", r), ("baths", b)):
            p = os.path.join(tmp, name + ".json")
            json.dump(obj, open(p, "w"))
            paths.append("%s=@%s" % (name, p))
        ts, S = [], None
        for _ in range(reps):
            t0 = time.perf_counter()
            out = subprocess.run([qt_tool, "eval", "lindblad.trajectory"] + paths + ["t=1", "--digits", str(d), "--json",
                                  "--timeout", str(timeout)], capture_output=True, text=True)
            ts.append(time.perf_counter() - t0)
            if out.returncode == 2:
                return None, "refused"
            if "effort cap reached" in out.stdout:
                return None, "over %d s" % timeout
            o = json.loads(out.stdout)["outputs"][output]
            S = float(o["mid"]) if o["status"] == "ok" else output + ": " + o["status"]
        return statistics.median(ts), S

def time_qutip(n, dense=False):
    if qutip is None:
        return None, None
    Hm, rm, bm = model(n, dense)
    mat = lambda o: qutip.Qobj(np.array([float(eval(x)) for x in o["re"]]).reshape(n, n))
    H, rho0, a = mat(Hm), mat(rm), mat(bm[0]["channels"][0]["L"])
    nb = 1 / np.expm1(1.0)
    c_ops = [np.sqrt(0.1 * (nb + 1)) * a, np.sqrt(0.1 * nb) * a.dag()]
    opts = qutip.Options(atol=1e-12, rtol=1e-10, use_openmp=False)
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        rho = qutip.mesolve(H, rho0, [0.0, 1.0], c_ops, [], options=opts).states[-1]
        S = qutip.entropy_vn(rho)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), S

fmt = "%-4s %10s %10s %11s %10s %10s %9s %9s %9s   %-18s %s"
g = lambda x: "%.4g" % x if x is not None else "-"
for dense, sizes in ((False, (2, 4, 8, 12, 16, 24, 32, 64)), (True, (2, 4, 8, 16, 32))):
    print("the ladder, H %s" % ("dense (every pair of levels coupled by 1/10: rho(t) dense, the stationary state a dense "
                                "solve)" if dense else "diagonal (rho(t) stays diagonal: sparse products, 1 x 1 spectral blocks)"))
    print(fmt % ("n", "record_s", "rec_in_s", "propagate_s", "dense_s", "qutip_s", "su_rec", "su_rec_in", "su_prop",
                 "S qtoracle", "S qutip"))
    for n in sizes:
        reps = 1 if n >= 32 and dense or n >= 64 else repeats
        q, S = time_qtoracle(n, 15, reps, dense)
        qi = time_record_inprocess(n, reps, dense)
        p, dn = time_propagate(n, dense)
        u, Su = time_qutip(n, dense)
        print(fmt % (n, g(q) if q is not None else S, g(qi), g(p), g(dn), g(u),
                     "%.3gx" % (u / q) if u and q else "-", "%.3gx" % (u / qi) if u and qi else "-",
                     "%.3gx" % (u / p) if u and p else "-",
                     "%.15g" % S if isinstance(S, float) else S if isinstance(S, str) and S.startswith("S:") else "-",
                     "%.15g" % Su if Su is not None else "-"))
def time_qutip_two_baths(n):
    """QuTiP: mesolve to t = 1, steadystate, entropy_relative(rho(t), rho_ss): the record's D_rel"""
    if qutip is None:
        return None, None
    Hm, rm, bm = model(n, two_baths=True)
    mat = lambda o: qutip.Qobj(np.array([float(eval(x)) for x in o["re"]]).reshape(n, n))
    H, rho0, a = mat(Hm), mat(rm), mat(bm[0]["channels"][0]["L"])
    c_ops = []
    for b, g in BATHS:
        nb = 1 / np.expm1(float(eval(b)))
        c_ops += [np.sqrt(float(eval(g)) * (nb + 1)) * a, np.sqrt(float(eval(g)) * nb) * a.dag()]
    opts = qutip.Options(atol=1e-12, rtol=1e-10, use_openmp=False)
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        rho = qutip.mesolve(H, rho0, [0.0, 1.0], c_ops, [], options=opts).states[-1]
        D = qutip.entropy_relative(rho, qutip.steadystate(H, c_ops))
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), D

print("the ladder between two baths (beta 1, gamma 1/10 and beta 1/3, gamma 1/20; H diagonal): no Gibbs reference, the")
print("record's D_rel and Sigma relative to the certified stationary state (by the blocks of its system where they cost less)")
fmt2 = "%-4s %10s %10s %9s   %-22s %s"
print(fmt2 % ("n", "record_s", "qutip_s", "su_rec", "D_rel qtoracle", "D_rel qutip"))
for n in (4, 8, 16, 24, 32, 64):
    q, D = time_qtoracle(n, 15, 1 if n >= 64 else repeats, two_baths=True, output="D_rel")
    u, Du = time_qutip_two_baths(n)
    print(fmt2 % (n, g(q) if q is not None else D, g(u), "%.3gx" % (u / q) if u and q else "-",
                  "%.15g" % D if isinstance(D, float) else D if isinstance(D, str) else "-",
                  "%.15g" % Du if Du is not None else "-"))
print("(record: whole process, every output certified to 15 digits; rec_in: the same record in-process; propagate: rho(t)")
print(" and its integral in-process at 81 bits by the chosen route; dense: the n^2 x n^2 exponential, up to 16 levels;")
print(" QuTiP: in-process mesolve + entropy_vn, not certified; su_* = speed-up = QuTiP seconds / qtoracle seconds of that")
print(" column: below 1, qtoracle is slower)")
