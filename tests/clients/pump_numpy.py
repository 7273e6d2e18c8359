#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-3.0-or-later
"""A real downstream solver for the one-qubit pumping vectors, in numpy double precision as a solver author would
write it from docs/physics/pumping.md §1-§2: the Davies generator built on numpy.linalg.eigh as a 4x4 superoperator,
the stationary state by a least-squares null vector (or the Gibbs state at equal temperatures, with its derivative
from the Daleckii-Krein formula), the Drazin inverse as a bordered least-squares solve on traceless operators, the
geometric coefficients Lambda_{a,k} = -tr(H D_a L^+ d_k rho0), and the rotor Omega_a = d_x Lambda_{a,z} -
d_z Lambda_{a,x} by a five-point central difference of Lambda. It covers every one-qubit case of pump.lambda and
pump.curvature in the files it is given (Lambda per bath, S0 and the sum rules; Omega per bath and its sum) and
prints RESULTS.jsonl, checked at each group's stated tolerance.
usage: pump_numpy.py VECTORS.json... > RESULTS.jsonl"""
import json
import math
import sys
from fractions import Fraction

import numpy as np

SX = np.array([[0, 1], [1, 0]], dtype=complex)
SY = np.array([[0, -1j], [1j, 0]], dtype=complex)
SZ = np.array([[1, 0], [0, -1]], dtype=complex)
I2 = np.eye(2, dtype=complex)
H_STEP = 4e-3  # five-point stencil with one Richardson step (h, h/2): truncation ~ h^6, rounding ~ 1e-16/h


def num(s):
    return float(Fraction(s))


def matrix(m):
    n = m["dims"][0]
    re = np.array([num(x) for x in m["re"]]).reshape(n, n)
    im = np.array([num(x) for x in m.get("im", ["0"] * (n * n))]).reshape(n, n)
    return re + 1j * im


def derivative(f, h=None):
    """f'(0) by the five-point central stencil with one Richardson step (h and h/2)"""
    h = H_STEP if h is None else h

    def five(k):
        return (-f(2 * k) + 8 * f(k) - 8 * f(-k) + f(-2 * k)) / (12 * k)

    return (16 * five(h / 2) - five(h)) / 15


def rate(gamma, T, w):
    """Ohmic rate for a transition giving energy w to the bath: gamma w / (1 - e^{-w/T}), gamma T at w = 0"""
    if w == 0.0:
        return gamma * T
    return gamma * w / -math.expm1(-w / T)


def sop_left(A):  # vec(A X) for row-major vec
    return np.kron(A, I2)


def sop_right(B):  # vec(X B)
    return np.kron(I2, B.T)


class Qubit:
    def __init__(self, p):
        self.s = 0.5 if p.get("convention", "pauli") == "spin" else 1.0
        T = num(p["T"])
        b = num(p.get("b", "1"))
        layout = p.get("coupling", "default")
        cL = {"default": 1.0, "b_on_R": 1.0, "b_on_L": 1.0, "crossed": 1.0}[layout]
        cR = {"default": 1.0, "b_on_R": 1.0, "b_on_L": 1.0, "crossed": b}[layout]
        self.baths = [(cL * SX, num(p["gamma_L"]), num(p.get("T_L", p["T"]))),
                      (cR * SZ, num(p["gamma_R"]), num(p.get("T_R", p["T"])))]
        for k in ("3", "4"):
            if f"A_{k}" in p:
                self.baths.append((matrix(p[f"A_{k}"]), num(p[f"gamma_{k}"]), num(p.get(f"T_{k}", p["T"]))))
        self.names = ["L", "R", "3", "4"][:len(self.baths)]
        self.T = T
        self.equal_T = all(t == T for (_, _, t) in self.baths)

    def H(self, bx, bz):
        return self.s * (bx * SX + bz * SZ)

    def dissipators(self, H):
        """the Davies dissipator of each bath as a 4x4 superoperator, on the eigen-decomposition of H"""
        E, V = np.linalg.eigh(H)
        P = [np.outer(V[:, n], V[:, n].conj()) for n in range(2)]
        out = []
        for (A, g, T) in self.baths:
            D = np.zeros((4, 4), dtype=complex)
            parts = {}
            for n in range(2):
                for m in range(2):
                    w = E[m] - E[n]
                    key = round(w, 12) if n != m else 0.0
                    parts.setdefault(key, np.zeros((2, 2), dtype=complex))
                    parts[key] = parts[key] + P[n] @ A @ P[m]
            for w, Aw in parts.items():
                AdA = Aw.conj().T @ Aw
                D += rate(g, T, w) * (sop_left(Aw) @ sop_right(Aw.conj().T) - 0.5 * sop_left(AdA) - 0.5 * sop_right(AdA))
            out.append(D)
        return out

    def generator(self, H):
        Ds = self.dissipators(H)
        return -1j * (sop_left(H) - sop_right(H)) + sum(Ds), Ds

    def stationary(self, bx, bz):
        H = self.H(bx, bz)
        if self.equal_T:
            E, V = np.linalg.eigh(H)
            w = np.exp(-(E - E.min()) / self.T)
            return (V * (w / w.sum())) @ V.conj().T
        L, _ = self.generator(H)
        M = np.vstack([L, I2.reshape(1, 4)])
        rhs = np.zeros(5, dtype=complex)
        rhs[4] = 1.0
        x = np.linalg.lstsq(M, rhs, rcond=None)[0]
        return x.reshape(2, 2)

    def d_stationary(self, bx, bz, k):
        """d rho0 / d B_k: Daleckii-Krein at equal temperatures, a five-point stencil otherwise"""
        H = self.H(bx, bz)
        dH = self.s * (SX if k == 0 else SZ)
        if self.equal_T:
            E, V = np.linalg.eigh(H)
            g = np.exp(-(E - E.min()) / self.T)
            Z = g.sum()
            dHe = V.conj().T @ dH @ V
            F = np.empty((2, 2))
            for m in range(2):
                for n in range(2):
                    F[m, n] = (g[m] - g[n]) / (E[m] - E[n]) if abs(E[m] - E[n]) > 1e-12 else -g[m] / self.T
            dG = V @ (dHe * F) @ V.conj().T
            rho = (V * (g / Z)) @ V.conj().T
            return (dG - rho * np.trace(dG).real) / Z
        return derivative(lambda u: self.stationary(bx + (u if k == 0 else 0), bz + (u if k == 1 else 0)))

    def drazin_solve(self, L, Y):
        """X with L X = Y, tr X = 0 (Y traceless)"""
        M = np.vstack([L, I2.reshape(1, 4)])
        rhs = np.concatenate([Y.reshape(4), [0.0]])
        return np.linalg.lstsq(M, rhs, rcond=None)[0].reshape(2, 2)

    def lambdas(self, bx, bz):
        H = self.H(bx, bz)
        L, Ds = self.generator(H)
        out = []
        for D in Ds:
            row = []
            for k in range(2):
                X = self.drazin_solve(L, self.d_stationary(bx, bz, k))
                DX = (D @ X.reshape(4)).reshape(2, 2)
                row.append(-np.trace(H @ DX).real)
            out.append(row)
        return out

    def entropy_and_TdS(self, bx, bz):
        H = self.H(bx, bz)
        E, V = np.linalg.eigh(H)
        p = np.exp(-(E - E.min()) / self.T)
        p /= p.sum()
        S = -float(np.sum(p * np.log(p)))
        TdS = []
        for k in range(2):
            dE = np.real(np.einsum("in,ij,jn->n", V.conj(), self.s * (SX if k == 0 else SZ), V))
            dp = -p * (dE - np.dot(p, dE)) / self.T
            TdS.append(float(np.dot(E, dp)))  # T dS = sum_n E_n dp_n
        return S, TdS


def lambda_values(p):
    q = Qubit(p)
    bx, bz = num(p["Bx"]), num(p["Bz"])
    lam = q.lambdas(bx, bz)
    v = {}
    for name, row in zip(q.names, lam):
        v[f"Lambda_{name}_x"], v[f"Lambda_{name}_z"] = row
    if q.equal_T:
        S, TdS = q.entropy_and_TdS(bx, bz)
        v["S0"] = S
        v["sum_rule_x"] = sum(r[0] for r in lam) + TdS[0]
        v["sum_rule_z"] = sum(r[1] for r in lam) + TdS[1]
    else:
        v["S0"] = v["sum_rule_x"] = v["sum_rule_z"] = "error"  # S0 and the sum rule are defined at equal T only
    return v


def curvature_values(p):
    q = Qubit(p)
    bx, bz = num(p["Bx"]), num(p["Bz"])
    dx = derivative(lambda u: np.array(q.lambdas(bx + u, bz)))
    dz = derivative(lambda u: np.array(q.lambdas(bx, bz + u)))
    om = dx[:, 1] - dz[:, 0]
    v = {f"Omega_{n}": float(o) for n, o in zip(q.names, om)}
    v["sum_rule"] = float(sum(om))
    return v


def main(paths):
    for path in paths:
        with open(path) as f:
            vec = json.load(f)
        for g in vec["testGroups"]:
            qty = g.get("quantities", [""])[0]
            for t in g["tests"]:
                p = t["params"]
                if t.get("expect") != "value" or p.get("n_qubits") != "1" or "Bx" not in p:
                    continue
                if qty == "pump.lambda":
                    vals = lambda_values(p)
                elif qty == "pump.curvature":
                    vals = curvature_values(p)
                else:
                    continue
                for name in t["outputs"]:
                    if name in vals:
                        x = vals[name]
                        print(json.dumps({"caseId": t["caseId"], "output": name,
                                          "value": x if isinstance(x, str) else repr(float(x))}))


if __name__ == "__main__":
    main(sys.argv[1:])
