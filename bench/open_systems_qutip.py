# SPDX-License-Identifier: LGPL-3.0-or-later
# bench/open_systems_qutip.py -- the same work as bench/open_systems_time.c in double precision
# with QuTiP 4.7 (Debian python3-qutip, run by /usr/bin/python3): rho(t) by mesolve, S by
# entropy_vn, rho_dot from the Liouvillian, S_dot = -tr(rho_dot ln rho) with ln rho from numpy's eigh (QuTiP 4.7 has no logm), J_j per bath,
# sigma = S_dot - sum_j beta_j J_j and the three temperature ratios.  Not certified.
# Prints "seconds S sigma beta_A beta_R beta_E".
import json, sys, time
from fractions import Fraction
import numpy as np
import qutip as qt

def num(s):
    return float(Fraction(s))

def mat(o):
    n = o["dims"][0]
    re = np.array([num(x) for x in o["re"]]).reshape(n, n)
    im = np.array([num(x) for x in o.get("im", ["0"] * (n * n))]).reshape(n, n)
    return qt.Qobj(re + 1j * im)

spec = json.load(open("vectors/specs/trajectory.json"))
case = [c for g in spec["groups"] for c in g["cases"] if c["caseId"] == "lb/two-qubits/random/t=1"][0]
p = case["params"]
H, rho0, t = mat(p["H"]), mat(p["rho0"]), num(p["t"])
baths = []
for b in p["baths"]:
    beta = num(b["beta"])
    ops = []
    for c in b["channels"]:
        L, g = mat(c["L"]), num(c["gamma"])
        if c.get("kind", "thermal") == "thermal":
            nb = 1.0 / np.expm1(beta * num(c["omega"]))
            ops += [np.sqrt(g * (nb + 1)) * L, np.sqrt(g * nb) * L.dag()]
        else:
            ops += [np.sqrt(g) * L]
    baths.append((beta, ops))
c_ops = [o for _, ops in baths for o in ops]

def work():
    rho = qt.mesolve(H, rho0, [0.0, t], c_ops, [], options=qt.Options(atol=1e-12, rtol=1e-10)).states[-1]
    S = qt.entropy_vn(rho)
    rhodot = qt.vector_to_operator(qt.liouvillian(H, c_ops) * qt.operator_to_vector(rho))
    w, v = np.linalg.eigh(rho.full())
    rd = rhodot.full()
    Sdot = -np.real(np.trace(rd @ (v @ np.diag(np.log(w)) @ v.conj().T)))
    Js = [(qt.vector_to_operator(qt.liouvillian(0 * H, ops) * qt.operator_to_vector(rho)) * H).tr().real for _, ops in baths]
    J = sum(Js)
    sigma = Sdot - sum(b * Jj for (b, _), Jj in zip(baths, Js))
    # eigenvalue heat and energy-entropy rate
    Hf = H.full()
    pdot = np.array([np.real(v[:, k].conj() @ rd @ v[:, k]) for k in range(len(w))])
    QdotR = sum(pdot[k] * np.real(v[:, k].conj() @ Hf @ v[:, k]) for k in range(len(w)))
    e, u = np.linalg.eigh(Hf)
    pE = np.array([np.real(u[:, k].conj() @ rho.full() @ u[:, k]) for k in range(len(e))])
    pEd = np.array([np.real(u[:, k].conj() @ rd @ u[:, k]) for k in range(len(e))])
    SEdot = -sum(pEd * np.log(pE))
    return S, sigma, Sdot / J, Sdot / QdotR, SEdot / J

reps, t0 = 0, time.perf_counter()
while True:
    r = work()
    reps += 1
    el = time.perf_counter() - t0
    if el > 1.0:
        break
print("%.6g %s" % (el / reps, " ".join("%.17g" % x for x in r)))
