#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-3.0-or-later
"""A real downstream solver for the open-systems vectors, built on QuTiP 4.7 in double precision as a QuTiP user
would write it: entropy_vn and entropy_relative for the state quantities, mesolve for the trajectories (the Davies
qubit, the general Lindblad route, the frequency ramp with time-dependent collapse operators), steadystate for the
reference state where the Gibbs state is not a fixed point, and a brentq root of <sigma_z>(t) for t*. Every bookkeeping term is computed from rho(t) and rho_dot(t) by the definitions of
docs/physics/open_systems.md §2 (the conventions block of vectors/trajectory.json), not from the closed forms.

Decisions a double-precision code has to make, each stated where it is made: an eigenvalue below ZERO_EIG is an exact
zero (S_dot = +inf when it is being populated); a denominator below ZERO_DEN is exactly zero (the ratio temperatures
are then reported as an error); eigenvalues of rho closer than SIMPLE_GAP are degenerate (Qdot_R is then an error).
Not covered: the damped mode (a truncated Fock space puts eigenvalues below 1e-20 into rho, which the zero rule above
misreads; a solver for it needs the truncation argument the vectors' FockTail flag warns about) and the non-Markovian
Fano-Anderson model. Checked at each group's stated tolerance, skipping the flag Relaxed (ratios of numbers near
1e-17, beyond any double-precision trajectory). usage: open_qutip.py VECTORS.json > RESULTS.jsonl"""
import json
import math
import sys
from fractions import Fraction

import numpy as np
import qutip as qt
from scipy import integrate, optimize

# QuTiP drops matrix entries below 1e-12 after each operation (auto_tidyup): that turns the 3.4e-14 Gibbs eigenvalue
# of qr/fast/t=10 into an exact zero and D_rel into +inf (flag TinyEigenvalue); a careful user switches it off
qt.settings.auto_tidyup = False
ZERO_EIG = 1e-13
ZERO_DEN = 1e-13
SIMPLE_GAP = 1e-9
# mesolve's tolerances: a careful user's (QuTiP's defaults, atol 1e-8 and rtol 1e-6, miss most groups' tolerance;
# at atol 1e-13, rtol 1e-11 the ratio temperatures of the two-qubit cases are off by 1e-9 relative)
OPTS = qt.Options(atol=1e-15, rtol=1e-13, nsteps=1000000)
NSTEPS_T = 4000  # time points for the heat integrals (Simpson)


def num(s):
    return float(Fraction(s))


def matrix(m):
    n = m["dims"][0]
    re = np.array([num(x) for x in m["re"]]).reshape(n, n)
    im = np.array([num(x) for x in m.get("im", ["0"] * (n * n))]).reshape(n, n)
    return qt.Qobj(re + 1j * im)


def dissipator(L, rho):
    LdL = L.dag() * L
    return L * rho * L.dag() - 0.5 * (LdL * rho + rho * LdL)


def log_weights(p, d):
    """-sum_k d_k ln p_k with the exact-zero rule: a zero eigenvalue being populated gives +inf, an unpopulated one 0"""
    total = 0.0
    for pk, dk in zip(p, d):
        if pk < ZERO_EIG:
            if dk > ZERO_EIG:
                return math.inf
            if dk < -ZERO_EIG:
                return math.nan  # a negative eigenvalue in the making: not a state
            continue
        total -= dk * math.log(pk)
    return total


def eig(rho):
    p, U = np.linalg.eigh(rho.full())
    return p, U


def entropy_and_rate(rho, rho_dot):
    p, U = eig(rho)
    d = np.real(np.einsum("ik,ij,jk->k", U.conj(), rho_dot.full(), U))
    S = -sum(x * math.log(x) for x in p if x >= ZERO_EIG)
    return S, log_weights(p, d), p, U, d


def energy_blocks(H):
    """projectors onto the eigenspaces of H (eigenvalues within 1e-12 are one level)"""
    E, V = np.linalg.eigh(H.full())
    blocks, cur = [], [0]
    for k in range(1, len(E)):
        if abs(E[k] - E[cur[0]]) <= 1e-12 * max(1.0, abs(E[k])):
            cur.append(k)
        else:
            blocks.append(cur)
            cur = [k]
    blocks.append(cur)
    return [qt.Qobj(V[:, b] @ V[:, b].conj().T) for b in blocks]


def dephase(rho, projs):
    return sum((P * rho * P for P in projs[1:]), projs[0] * rho * projs[0])


def rel_entropy(rho, sigma):
    """D(rho || sigma) for a reference sigma of full rank by construction (a Gibbs or stationary state): tol far below
    qutip's default 1e-12, which would call the 3.4e-14 Gibbs eigenvalue of qr/fast/t=10 a zero and return +inf
    (flag TinyEigenvalue)"""
    return qt.entropy_relative(rho, sigma, tol=1e-300)


def ratio(a, b):
    if abs(b) < ZERO_DEN or math.isinf(b) or math.isnan(a) or math.isnan(b):
        return "error"
    return a / b


def gibbs(H, beta):
    r = (-beta * H).expm()
    return r / r.tr()


class Lindblad:
    """rho_dot = -i[H(t), rho] + sum_k r_k(t) D[L_k] rho; channels (bath, L, rate(t)); baths' betas"""

    def __init__(self, H, channels, betas, H_dot=None):
        self.H, self.channels, self.betas = H, channels, betas  # H(t) -> Qobj, rate(t) -> float
        self.H_dot = H_dot
        self._adj = {}

    def c_ops(self, t):
        return [math.sqrt(r(t)) * L for (_, L, r) in self.channels if r(t) > 0]

    def bath_part(self, j, rho, t):
        out = 0 * rho
        for (b, L, r) in self.channels:
            if b == j and r(t) > 0:
                out += r(t) * dissipator(L, rho)
        return out

    def bath_adjoint(self, j, t):
        """D_j^dagger(H(t)) = sum_k r_k (L^* H L - 1/2 {L^* L, H}), so that J_j = tr(H D_j(rho)) = <D_j^dagger(H), rho>"""
        key = (j, t if self.time_dependent else 0.0)
        if key not in self._adj:
            H = self.H(t).full()
            out = np.zeros_like(H)
            for (b, L, r) in self.channels:
                if b == j and r(t) > 0:
                    Lm = L.full()
                    Ld = Lm.conj().T
                    out += r(t) * (Ld @ H @ Lm - 0.5 * (Ld @ Lm @ H + H @ Ld @ Lm))
            self._adj[key] = out
        return self._adj[key]

    def rho_dot(self, rho, t):
        H = self.H(t)
        out = -1j * (H * rho - rho * H)
        for j in range(len(self.betas)):
            out += self.bath_part(j, rho, t)
        return out

    def evolve(self, rho0, t, n=NSTEPS_T):
        """states on an even grid of n + 1 points over [0, t]"""
        tl = np.linspace(0.0, t, n + 1) if t > 0 else np.array([0.0])
        if t == 0:
            return tl, [rho0]
        if self.time_dependent:
            Hs = [[qt.sigmaz() * 0.5, lambda s, args: self.omega(s)]]
            cs = [[math.sqrt(1.0) * L, (lambda r: (lambda s, args: math.sqrt(r(s))))(r)] for (_, L, r) in
                  self.channels]
            res = qt.mesolve(Hs, rho0, tl, cs, [], options=OPTS)
        else:
            res = qt.mesolve(self.H(0), rho0, tl, self.c_ops(0), [], options=OPTS)
        return tl, res.states

    time_dependent = False


def bath_fixes_gibbs(model, j, beta, t):
    return model.bath_part(j, gibbs(model.H(t), beta), t).norm() < 1e-12


def trajectory_record(model, rho0, t, driven=False):
    tl, states = model.evolve(rho0, t)
    rho = states[-1]
    H = model.H(t)
    rd = model.rho_dot(rho, t)
    S, S_dot, p, U, d = entropy_and_rate(rho, rd)
    projs = energy_blocks(H)
    rho_E = dephase(rho, projs)
    S_E, S_E_dot, _, _, _ = entropy_and_rate(rho_E, dephase(rd, projs))
    v = {"S": S, "S_dot": S_dot, "S_E": S_E, "S_E_dot": S_E_dot, "C_rel": S_E - S}
    v["C_rel_dot"] = S_E_dot - S_dot
    v["E"] = qt.expect(H, rho)
    nb = len(model.betas)
    Js = [(model.bath_part(j, rho, t) * H).tr().real for j in range(nb)]
    v["J"] = (rd * H).tr().real
    # heats: integrals of the per-bath currents along the trajectory (Simpson on the grid of evolve)
    if t > 0:
        # J_j(s) = tr(H D_j(rho(s))) = <D_j^dagger(H), rho(s)>: one adjoint per grid point, one dot product per state
        Jt = np.array([[np.vdot(model.bath_adjoint(j, ts), s.full()).real for j in range(nb)]
                       for s, ts in zip(states, tl)])
        Qs = [integrate.simpson(Jt[:, j], x=tl) for j in range(nb)]
    else:
        Qs = [0.0] * nb
    v["Q"] = sum(Qs) if driven else v["E"] - qt.expect(model.H(0), rho0)
    # the reference state: the Gibbs state when every bath has one beta and it is a fixed point, else the stationary
    # state (qutip.steadystate); for a driven generator, the instantaneous Gibbs state
    one_beta = len(set(model.betas)) == 1
    all_fix = all(bath_fixes_gibbs(model, j, model.betas[j], t) for j in range(nb))
    if one_beta and all_fix:
        ref_t, ref_0 = gibbs(H, model.betas[0]), gibbs(model.H(0), model.betas[0])
    else:
        ref_t = ref_0 = qt.steadystate(model.H(0), model.c_ops(0))
    v["D_rel"] = rel_entropy(rho, ref_t)
    if all_fix:
        v["sigma"] = S_dot - sum(b * J for b, J in zip(model.betas, Js))
        v["Pi_d"] = S_E_dot - sum(b * J for b, J in zip(model.betas, Js))
    else:
        v["sigma"] = v["Pi_d"] = "error"  # Spohn's sigma needs each bath to fix its Gibbs state
    v["Pi_c"] = -v["C_rel_dot"]
    logs = [math.log(x) if x >= ZERO_EIG else 0.0 for x in p]
    comm = 1j * (H * rho - rho * H)
    dcomm = np.real(np.einsum("ik,ij,jk->k", U.conj(), comm.full(), U))
    v["dS_interior"] = float(sum(c * l for c, l in zip(dcomm, logs)))
    v["dS_exterior"] = log_weights(p, np.real(np.einsum("ik,ij,jk->k", U.conj(), (rd - (-1j) * (H * rho - rho * H)).full(), U)))
    hk = np.real(np.einsum("ik,ij,jk->k", U.conj(), H.full(), U))
    simple = all(abs(p[k + 1] - p[k]) > SIMPLE_GAP for k in range(len(p) - 1) if p[k + 1] >= ZERO_EIG)
    v["Qdot_R"] = float(np.dot(d, hk)) if simple else "error"
    v["beta_A"] = ratio(S_dot, v["J"])
    v["beta_R"] = ratio(S_dot, v["Qdot_R"]) if simple else "error"
    v["beta_E"] = ratio(S_E_dot, v["J"])
    v["Sigma"] = rel_entropy(rho0, ref_0) - v["D_rel"]
    for j in range(nb):
        v[f"J_{j + 1}"] = Js[j]
        v[f"Q_{j + 1}"] = Qs[j]
    return v, rho, rd


def fix_ratio_infinities(v):
    """x/0 with x = +-inf is not a number, but inf/finite is: repair what plain division gets wrong"""
    for name, num_, den in (("beta_A", "S_dot", "J"), ("beta_E", "S_E_dot", "J"), ("beta_R", "S_dot", "Qdot_R")):
        a, b = v.get(num_), v.get(den)
        if isinstance(a, float) and math.isinf(a) and isinstance(b, float) and abs(b) >= ZERO_DEN:
            v[name] = math.copysign(math.inf, a) * math.copysign(1.0, b)


def qubit_ops():
    sm = qt.sigmam()  # |g><e| with basis(2, 0) = |e> (sigma_z |e> = +|e>)
    return sm, sm.dag(), qt.sigmaz()


def bloch(x, y, z):
    return 0.5 * (qt.qeye(2) + x * qt.sigmax() + y * qt.sigmay() + z * qt.sigmaz())


def qubit_davies(p):
    w, beta, g, gphi = (num(p[k]) for k in ("omega", "beta", "gamma", "gamma_phi"))
    nbar = 1.0 / math.expm1(beta * w)
    sm, sp, sz = qubit_ops()
    H = 0.5 * w * sz
    chans = [(0, sm, lambda t: g * (nbar + 1)), (0, sp, lambda t: g * nbar), (0, sz, lambda t: gphi / 2)]
    model = Lindblad(lambda t: H, chans, [beta])
    rho0 = bloch(num(p["x0"]), num(p["y0"]), num(p["z0"]))
    return model, rho0


def tstar(model, rho0):
    """the time <sigma_z> crosses 0 from |e>, by a root of the mesolve trajectory"""
    def z(t):
        res = qt.mesolve(model.H(0), rho0, [0.0, t], model.c_ops(0), [qt.sigmaz()], options=OPTS)
        return res.expect[0][-1]
    hi = 1.0
    while z(hi) > 0:
        hi *= 2
    return optimize.brentq(z, 0.0, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps)


def lindblad_general(p):
    H = matrix(p["H"])
    chans, betas = [], []
    for j, bath in enumerate(p["baths"]):
        beta = num(bath["beta"]) if "beta" in bath else math.nan
        betas.append(beta)
        for c in bath["channels"]:
            L, g = matrix(c["L"]), num(c["gamma"])
            if c.get("kind", "thermal") == "thermal":
                nbar = 1.0 / math.expm1(beta * num(c["omega"]))
                chans.append((j, L, (lambda r: lambda t: r)(g * (nbar + 1))))
                chans.append((j, L.dag(), (lambda r: lambda t: r)(g * nbar)))
            else:
                chans.append((j, L, (lambda r: lambda t: r)(g)))
    return Lindblad(lambda t: H, chans, betas), matrix(p["rho0"])


def qubit_ramp(p):
    w0, w1, beta, g, gphi = (num(p[k]) for k in ("omega0", "omega1", "beta", "gamma", "gamma_phi"))
    sm, sp, sz = qubit_ops()
    omega = lambda t: w0 + w1 * t
    nbar = lambda t: 1.0 / math.expm1(beta * omega(t))
    chans = [(0, sm, lambda t: g * (nbar(t) + 1)), (0, sp, lambda t: g * nbar(t)), (0, sz, lambda t: gphi / 2)]
    model = Lindblad(lambda t: 0.5 * omega(t) * sz, chans, [beta])
    model.time_dependent, model.omega = True, omega
    return model, bloch(num(p["x0"]), num(p["y0"]), num(p["z0"])), (w1, beta, omega)


def ramp_record(p):
    model, rho0, (w1, beta, omega) = qubit_ramp(p)
    t = num(p["t"])
    v, rho, rd = trajectory_record(model, rho0, t, driven=True)
    z = qt.expect(qt.sigmaz(), rho)
    F = lambda s: -math.log(2 * math.cosh(beta * omega(s) / 2)) / beta
    v["W_dot"] = 0.5 * w1 * z
    # W = integral of tr(rho H_dot): on the same grid as the heats
    tl, states = model.evolve(rho0, t)
    v["W"] = integrate.simpson([0.5 * w1 * qt.expect(qt.sigmaz(), s) for s in states], x=tl) if t > 0 else 0.0
    v["F_dot"] = -0.5 * w1 * math.tanh(beta * omega(t) / 2)
    v["Delta_F"] = F(t) - F(0.0)
    v["Sigma"] = v["Sigma"] + beta * (v["W"] - v["Delta_F"])
    # d/dt D(rho_t || rho_eq(t)) = -S_dot - tr(rho_dot ln rho_eq) - tr(rho d/dt ln rho_eq), ln rho_eq = -beta (H - F)
    v["D_rel_dot"] = -v["S_dot"] + beta * v["J"] + beta * (v["W_dot"] - v["F_dot"])
    return v


def state_values(p, outputs):
    rho = matrix(p["rho"])
    v = {}
    v["state.von_neumann_entropy"] = qt.entropy_vn(rho)
    v["state.purity"] = (rho * rho).tr().real
    if "H" in p:
        H = matrix(p["H"])
        projs = energy_blocks(H)
        v["state.energy"] = qt.expect(H, rho)
        deph = qt.entropy_vn(dephase(rho, projs))
        v["state.coherence"] = deph - qt.entropy_vn(rho)
        if p.get("definition") == "outcome":
            pe = [(P * rho).tr().real for P in projs]
            v["state.energy_entropy"] = -sum(x * math.log(x) for x in pe if x > 0)
        else:
            v["state.energy_entropy"] = deph
    if "sigma" in p:
        v["state.relative_entropy"] = qt.entropy_relative(rho, matrix(p["sigma"]))
    return v


def case_values(qty, p, outputs):
    if qty.startswith("state."):
        return state_values(p, outputs)
    if qty == "qubit_davies.tstar":
        model, rho0 = qubit_davies(p)
        return {"qubit_davies.tstar": tstar(model, rho0)}
    if qty == "qubit_davies.trajectory":
        model, rho0 = qubit_davies(p)
        t = tstar(model, rho0) if p["t"] == "tstar" else num(p["t"])
        v = trajectory_record(model, rho0, t)[0]
    elif qty == "lindblad.trajectory":
        model, rho0 = lindblad_general(p)
        v = trajectory_record(model, rho0, num(p["t"]))[0]
    elif qty == "qubit_ramp.trajectory":
        v = ramp_record(p)
    else:
        return None
    fix_ratio_infinities(v)
    return v


def emit(case_id, name, x):
    if isinstance(x, str):
        s = x
    else:
        s = repr(float(np.real(x)))
    print(json.dumps({"caseId": case_id, "output": name, "value": s}))


def main(paths):
    for path in paths:
        with open(path) as f:
            vec = json.load(f)
        for g in vec["testGroups"]:
            qtys = g.get("quantities", [])
            for t in g["tests"]:
                if t.get("expect") != "value":
                    continue
                qty = qtys[0] if len(qtys) == 1 else next(iter(t["outputs"]))
                vals = case_values(qty, t["params"], t["outputs"])
                if vals is None:
                    continue
                for name in t["outputs"]:
                    if name in vals:
                        emit(t["caseId"], name, vals[name])
                sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
