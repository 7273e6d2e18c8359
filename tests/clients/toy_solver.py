#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-3.0-or-later
"""A toy downstream solver, in double precision with the standard library only: the Landauer currents of an ideal
channel (constant transmission tau, fermions) from their closed forms, for every case of a vector file it can handle.
It writes RESULTS.jsonl for `qtoracle check --subset` (what a solver author's CI does; docs/ci.md).
usage: toy_solver.py VECTORS.json > RESULTS.jsonl"""
import json
import math
import sys
from fractions import Fraction


def currents(p):
    tau = float(Fraction(p.get("tau", "1")))
    mL, TL, mR, TR = (float(Fraction(p[k])) for k in ("mu_L", "T_L", "mu_R", "T_R"))
    pi2 = math.pi ** 2
    IN = tau * (mL - mR)
    IE = tau * ((mL * mL - mR * mR) / 2 + pi2 * (TL * TL - TR * TR) / 6)
    IS = tau * pi2 * (TL - TR) / 3
    return {
        "landauer.particle_current": IN,
        "landauer.energy_current": IE,
        "landauer.heat_current_R": IE - mR * IN,
        "landauer.heat_current_L": IE - mL * IN,
        "landauer.entropy_current": IS,
    }


def main(path):
    with open(path) as f:
        vec = json.load(f)
    for g in vec["testGroups"]:
        for t in g["tests"]:
            p = t["params"]
            if p.get("model") != "ideal" or p.get("stats") != "fermion" or t.get("expect") != "value":
                continue
            vals = currents(p)
            for name in t["outputs"]:
                if name in vals:
                    print(json.dumps({"caseId": t["caseId"], "output": name, "value": repr(vals[name])}))


if __name__ == "__main__":
    main(sys.argv[1])
