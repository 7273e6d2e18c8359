#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-3.0-or-later
"""A real downstream solver for the Landauer vectors: scipy.integrate.quad in double precision, written as a careful
solver author would (breakpoints at the chemical potentials, the level and the band edges, overflow-free kernels,
relative entropies from log-occupations), with no knowledge of qtoracle's closed forms. It covers every value output of
landauer_ideal.json, landauer_box.json and landauer_lorentzian.json (fermions and bosons; the particle and energy
currents, both heat currents, the entropy current, both heat corrections, the entropy production, the outgoing-state
entropy current and the level entropy; definitions in docs/physics/landauer.md §3-§4) and prints RESULTS.jsonl.

The tolerance it is checked at is the one each vector group states (no option): that is the claim under test, that a
careful double-precision solver passes the shipped vectors. tests/clients/run_clients.sh runs it.
usage: landauer_scipy.py VECTORS.json > RESULTS.jsonl"""
import json
import math
import sys
import warnings
from fractions import Fraction

import numpy as np
from scipy import integrate, special

QUAD_WARNINGS = []  # quad's own doubts, reported on stderr beside the values (a careful solver does not hide them)


def fermi(x):
    return special.expit(-x)


def log_fermi(x):  # ln f(x) and ln(1 - f(x)), overflow-free
    return -np.logaddexp(0.0, x), -np.logaddexp(0.0, -x)


def sigma_fermi(x):  # -f ln f - (1-f) ln(1-f) as a function of x; even in x
    a = abs(x)
    return a * special.expit(-a) + math.log1p(math.exp(-a))


def sigma_of_occupation_fermi(p):
    return -special.xlogy(p, p) - special.xlogy(1.0 - p, 1.0 - p)


def bose(x):  # 1/(e^x - 1) for x > 0, overflow-free
    return math.exp(-x) / -math.expm1(-x)


def log_bose(x):  # ln n(x) and ln(1 + n(x)) for x > 0
    l1 = -math.log(-math.expm1(-x))
    return -x + l1, l1


def sigma_bose(x):  # (1+n) ln(1+n) - n ln n = x n - ln(1 - e^-x)
    return x * bose(x) - math.log(-math.expm1(-x))


def sigma_of_occupation_bose(n):
    return (1.0 + n) * math.log1p(n) - special.xlogy(n, n)


class Channel:
    def __init__(self, p):
        q = {k: float(Fraction(v)) for k, v in p.items() if k not in ("stats", "model")}
        self.boson = p["stats"] == "boson"
        self.model = p["model"]
        self.muL, self.TL, self.muR, self.TR = q["mu_L"], q["T_L"], q["mu_R"], q["T_R"]
        self.q = q
        pts = [self.muL, self.muR]
        if self.model == "lorentzian":
            self.eps0, gL, gR = q["eps0"], q["gamma_L"], q["gamma_R"]
            self.gam = (gL + gR) / 2
            pts += [self.eps0 - self.gam, self.eps0, self.eps0 + self.gam]
        if self.model == "box":
            pts += [q["E_lo"], q["E_hi"]]
        self.tau = q.get("tau", 1.0)
        lo_edge = 0.0 if self.boson else -math.inf
        Tm = max(self.TL, self.TR)
        # the integration range: the band if there is one, else the line (the half-line for bosons), split at every
        # point where an integrand changes scale; tails beyond 60 T of the outermost point are integrated to infinity
        if self.model == "box":
            self.a, self.b = q["E_lo"], q["E_hi"]
        else:
            self.a, self.b = lo_edge, math.inf
        pts = sorted(set(x for x in pts if self.a < x < self.b))
        inner = [min(pts, default=0.0) - 60 * Tm, max(pts, default=0.0) + 60 * Tm]
        if self.boson:
            inner[0] = max(inner[0], 0.0)
        self.pieces = []
        cuts = sorted(set([self.a, self.b] + [x for x in pts + inner if self.a < x < self.b]))
        self.pieces = list(zip(cuts[:-1], cuts[1:]))

    def transmission(self, E):
        if self.model == "lorentzian":
            gL, gR = self.q["gamma_L"], self.q["gamma_R"]
            d = E - self.eps0
            return gL * gR / (d * d + self.gam * self.gam)
        return self.tau

    def integrate(self, g):
        total = 0.0
        for lo, hi in self.pieces:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", integrate.IntegrationWarning)
                val, _ = integrate.quad(g, lo, hi, epsabs=1e-15, epsrel=1e-12, limit=400)
            QUAD_WARNINGS.extend(str(w.message).split(".")[0] for w in caught)
            total += val
        return total

    def x(self, E):
        return (E - self.muL) / self.TL, (E - self.muR) / self.TR

    def occ(self, E):
        xL, xR = self.x(E)
        return (bose(xL), bose(xR)) if self.boson else (fermi(xL), fermi(xR))

    def sigma(self, x):
        return sigma_bose(x) if self.boson else sigma_fermi(x)

    def rel_entropy(self, E, forward):
        """D(f_L || f_R) (forward) or D(f_R || f_L), from the log-occupations"""
        xL, xR = self.x(E)
        if not forward:
            xL, xR = xR, xL
        if self.boson:
            (lpL, l1L), (lpR, l1R) = log_bose(xL), log_bose(xR)
            p = bose(xL)
            return p * (lpL - lpR) - (1.0 + p) * (l1L - l1R)
        (lpL, l1L), (lpR, l1R) = log_fermi(xL), log_fermi(xR)
        p = fermi(xL)
        return p * (lpL - lpR) + (1.0 - p) * (l1L - l1R)

    def values(self, wanted):
        T = self.transmission
        v = {}
        IN = self.integrate(lambda E: T(E) * (self.occ(E)[0] - self.occ(E)[1])) if not self.boson or \
            "landauer.particle_current" in wanted else None
        IE = self.integrate(lambda E: E * T(E) * (self.occ(E)[0] - self.occ(E)[1]))
        IS = self.integrate(lambda E: T(E) * (self.sigma(self.x(E)[0]) - self.sigma(self.x(E)[1])))
        v["landauer.particle_current"] = IN
        v["landauer.energy_current"] = IE
        # bosons have mu = 0, so the heat currents are the energy current
        v["landauer.heat_current_R"] = IE - self.muR * IN if IN is not None else IE
        v["landauer.heat_current_L"] = IE - self.muL * IN if IN is not None else IE
        v["landauer.entropy_current"] = IS
        DLR = self.integrate(lambda E: T(E) * self.rel_entropy(E, True))
        DRL = self.integrate(lambda E: T(E) * self.rel_entropy(E, False))
        v["landauer.heat_correction_R"] = self.TR * DLR
        v["landauer.heat_correction_L"] = self.TL * DRL
        v["landauer.entropy_production"] = DLR + DRL
        sig_occ = sigma_of_occupation_bose if self.boson else sigma_of_occupation_fermi

        def reduced(E):
            fL, fR = self.occ(E)
            t = T(E)
            return sig_occ(t * fL + (1.0 - t) * fR) - self.sigma(self.x(E)[1])

        v["landauer.reduced_entropy_current_R"] = self.integrate(reduced)
        if "landauer.level_entropy" in wanted:
            gL, gR = self.q["gamma_L"], self.q["gamma_R"]
            dens = lambda E: (self.gam / math.pi) / ((E - self.eps0) ** 2 + self.gam ** 2)
            sL = self.integrate(lambda E: dens(E) * self.sigma(self.x(E)[0]))
            sR = self.integrate(lambda E: dens(E) * self.sigma(self.x(E)[1]))
            v["landauer.level_entropy"] = (gL * sL + gR * sR) / (gL + gR)
        return v


def main(paths):
    for path in paths:
        with open(path) as f:
            vec = json.load(f)
        for g in vec["testGroups"]:
            for t in g["tests"]:
                if t.get("expect") != "value":
                    continue
                wanted = set(t["outputs"])
                del QUAD_WARNINGS[:]
                vals = Channel(t["params"]).values(wanted)
                for w in sorted(set(QUAD_WARNINGS)):
                    print(f"landauer_scipy: {t['caseId']}: quad: {w}", file=sys.stderr)
                for name in t["outputs"]:
                    if vals.get(name) is not None:
                        print(json.dumps({"caseId": t["caseId"], "output": name, "value": repr(vals[name])}))


if __name__ == "__main__":
    main(sys.argv[1:])
