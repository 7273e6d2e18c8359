# SPDX-License-Identifier: LGPL-3.0-or-later
# bench/lindblad_scaling.py -- the cost of a general Lindblad trajectory against the number of levels n: an n-level
# ladder (H = diag(0, 1, ..., n-1), one thermal bath with L = sum_k |k><k+1| (omega = 1), gamma = 1/10, beta = 1,
# rho0 the top level, t = 1; QuTiP gets the same matrices), certified by `qtoracle eval lindblad.trajectory --digits 15` (whole process, the dense n^2 x n^2
# Liouvillian exponential) against QuTiP 4.7 mesolve (double precision, use_openmp=False: QuTiP's OpenMP default
# stalls small systems on a loaded 2-core machine) with S(rho(t)) by entropy_vn, the same run.  Medians of REPEATS
# runs; n beyond qtoracle's budget (QT_LIOUVILLE_MAX_DIM = 16) is shown as refused.  No timing is asserted anywhere.
# usage: /usr/bin/python3 bench/lindblad_scaling.py [QTORACLE] [REPEATS]
import json, os, statistics, subprocess, sys, tempfile, time

qt_tool = sys.argv[1] if len(sys.argv) > 1 else "build/qtoracle"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
try:
    import numpy as np
    import qutip
except ImportError:
    qutip = None

def model(n):
    H = {"dims": [n, n], "re": [str(i if i == j else 0) for i in range(n) for j in range(n)]}
    r = {"dims": [n, n], "re": [("1" if i == j == n - 1 else "0") for i in range(n) for j in range(n)]}
    L = {"dims": [n, n], "re": [("1" if j == i + 1 else "0") for i in range(n) for j in range(n)]}
    baths = [{"beta": "1", "channels": [{"L": L, "gamma": "1/10", "omega": "1", "kind": "thermal"}]}]
    return H, r, baths

def time_qtoracle(n, d):
    H, r, b = model(n)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, obj in (("H", H), ("rho0", r), ("baths", b)):
            p = os.path.join(tmp, name + ".json")
            json.dump(obj, open(p, "w"))
            paths.append("%s=@%s" % (name, p))
        ts, S = [], None
        for _ in range(repeats):
            t0 = time.perf_counter()
            out = subprocess.run([qt_tool, "eval", "lindblad.trajectory"] + paths + ["t=1", "--digits", str(d), "--json"],
                                 capture_output=True, text=True)
            ts.append(time.perf_counter() - t0)
            if out.returncode == 2:
                return None, "refused"
            S = float(json.loads(out.stdout)["outputs"]["S"]["mid"])
        return statistics.median(ts), S

def time_qutip(n):
    if qutip is None:
        return None, None
    Hm, rm, bm = model(n)
    mat = lambda o: qutip.Qobj(np.array([float(x) for x in o["re"]]).reshape(n, n))
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

print("%-4s %16s %16s %14s   %-22s %s" % ("n", "qtoracle_s(15d)", "qutip_s(double)", "qtoracle speed-up", "S qtoracle", "S qutip"))
for n in (2, 4, 8, 12, 16, 24, 32, 64):
    q, S = time_qtoracle(n, 15)
    u, Su = time_qutip(n)
    if q is None:
        print("%-4d %16s %16s %14s   %-22s %s" % (n, "refused (> 16)", "%.4g" % u if u else "-", "-", "-",
                                                 "%.15g" % Su if Su is not None else "-"))
    else:
        print("%-4d %16.4g %16s %14s   %-22s %s" % (n, q, "%.4g" % u if u else "-", "%.3gx" % (u / q) if u else "-",
                                                 "%.15g" % S, "%.15g" % Su if Su is not None else "-"))
print("(qtoracle: whole process, certified to 15 digits; QuTiP: in-process mesolve + entropy_vn, not certified;")
print(" speed-up = QuTiP seconds / qtoracle seconds: below 1, qtoracle is slower)")
