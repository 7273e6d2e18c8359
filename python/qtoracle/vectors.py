# SPDX-License-Identifier: LGPL-3.0-or-later
"""Load a qtoracle vector file (format v1, docs/vectors.md): cases with exact parameters and each output's certified
enclosure as Fractions and as floats."""
import json

from . import exact
from .rule import verdict


class Output:
    """One certified output of a case: status "ok" with the enclosure [lo, hi] (Fractions, exact; lo_f64, hi_f64 the
    outward-rounded doubles; mid, rad), or status "domain-error" (the solver must report an error) with its reason."""

    def __init__(self, name, o, group):
        self.name = name
        self.status = o.get("status")
        self.reason = o.get("reason")
        self.group = group
        self.raw = o
        self.lo = self.hi = self.mid = self.rad = None
        self.lo_f64 = self.hi_f64 = None
        self.infinite = None
        if self.status == "ok":
            self.lo_f64 = float(o["lo_f64"])
            self.hi_f64 = float(o["hi_f64"])
            if o["lo"] in ("inf", "-inf") and o["lo"] == o["hi"]:
                self.infinite = 1 if o["lo"] == "inf" else -1
            else:
                self.lo = exact.parse(o["lo"])
                self.hi = exact.parse(o["hi"])
                self.mid = exact.parse(o["mid"])
                self.rad = exact.parse(o["rad"])

    @property
    def expects_error(self):
        return self.status != "ok"

    def contains(self, value, rtol=None, atol=None, ulps=None):
        """True iff value passes the checking rule (the same as `qtoracle check`): a float, a Fraction or a string."""
        return verdict(self, value, rtol=rtol, atol=atol, ulps=ulps)[0] == "PASS"

    def __repr__(self):
        if self.status != "ok":
            return "Output(%s: %s)" % (self.name, self.status)
        if self.infinite:
            return "Output(%s = %sinf)" % (self.name, "-" if self.infinite < 0 else "")
        return "Output(%s in [%s, %s])" % (self.name, self.raw["lo"], self.raw["hi"])


class Case:
    """A case: caseId, flags, params (Fractions where the string is an exact number; matrices as dicts), and its
    outputs by name."""

    def __init__(self, t, group):
        self.case_id = t["caseId"]
        self.comment = t.get("comment", "")
        self.flags = tuple(t.get("flags", []))
        self.expect = t.get("expect", "value")
        self.reference = t.get("reference")
        self.group = group
        self.params = {}
        self.raw_params = t.get("params", {})
        for k, v in self.raw_params.items():
            self.params[k] = exact.parse(v) if isinstance(v, str) and exact.is_exact(v) else v
        self.outputs = {name: Output(name, o, group) for name, o in t["outputs"].items()}

    @property
    def output(self):
        """The only output of a single-output case."""
        if len(self.outputs) != 1:
            raise ValueError("case %s has %d outputs; name one" % (self.case_id, len(self.outputs)))
        return next(iter(self.outputs.values()))

    def contains(self, value, output=None, **tol):
        """True iff value passes for the named output (or the case's only output)."""
        o = self.outputs[output] if output is not None else self.output
        return o.contains(value, **tol)

    def __repr__(self):
        return "Case(%s, outputs=%s)" % (self.case_id, list(self.outputs))


class Group:
    def __init__(self, g):
        self.name = g["name"]
        self.quantities = tuple(g.get("quantities", []))
        tol = g.get("tolerance")
        self.tolerance = None
        if tol:
            self.tolerance = (exact.parse(tol["rtol"]), exact.parse(tol["atol"]))
        self.cases = [Case(t, self) for t in g["tests"]]


class Vectors:
    """A loaded vector file: groups, cases (all groups in order), family, conventions, the raw JSON."""

    def __init__(self, doc, path=None):
        self.path = path
        self.raw = doc
        self.family = doc.get("family")
        self.conventions = doc.get("conventions", {})
        self.groups = [Group(g) for g in doc["testGroups"]]
        self.cases = [c for g in self.groups for c in g.cases]
        self._index = {(c.case_id, name): o for c in self.cases for name, o in c.outputs.items()}

    def find(self, case_id, output):
        return self._index.get((case_id, output))

    def entries(self):
        """Every (case, output name, Output) in file order."""
        for c in self.cases:
            for name, o in c.outputs.items():
                yield c, name, o

    def __len__(self):
        return len(self._index)


def load(path):
    """Load a vector file from a path (or an open file)."""
    if hasattr(path, "read"):
        return Vectors(json.load(path), getattr(path, "name", None))
    with open(path) as f:
        return Vectors(json.load(f), str(path))
