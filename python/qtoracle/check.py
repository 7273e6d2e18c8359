# SPDX-License-Identifier: LGPL-3.0-or-later
"""The checking rule of `qtoracle check` (docs/vectors.md), verdict for verdict: with tau = atol + rtol*max(|lo|,|hi|)
a finite value x passes iff lo - tau <= x <= hi + tau, in exact arithmetic; with ulps=N, iff x lies between lo_f64
moved N doubles down and hi_f64 moved N doubles up; with no tolerance given, each group's stated tolerance."""
import fnmatch
import json
import math
from fractions import Fraction

from . import exact
from .vectors import Vectors, load

_NONFINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


class Failure:
    def __init__(self, kind, case_id, output, line, message):
        self.kind, self.case_id, self.output, self.line, self.message = kind, case_id, output, line, message

    def __repr__(self):
        return "Failure(%s, %s, %s, line %s: %s)" % (self.kind, self.case_id, self.output, self.line, self.message)


class Report:
    """passed, failed, not_checked (integers), failures (a list of Failure), not_checked_entries, summary."""

    def __init__(self):
        self.passed = self.failed = self.not_checked = 0
        self.failures = []
        self.not_checked_entries = []

    @property
    def summary(self):
        return "%d passed, %d failed, %d not checked" % (self.passed, self.failed, self.not_checked)

    @property
    def ok(self):
        return self.failed == 0

    def __repr__(self):
        return "Report(%s)" % self.summary


class _Num(str):
    """the literal text of a JSON number (read exactly, never through a float)"""


def _tolerance(output, rtol, atol, ulps):
    if rtol is None and atol is None and ulps is None and output.group is not None and output.group.tolerance:
        return output.group.tolerance
    return (Fraction(0) if rtol is None else Fraction(rtol), Fraction(0) if atol is None else Fraction(atol))


def _as_text(value):
    """a solver's value as the text the C tool reads: floats round-trip exactly (repr), Fractions as p/q"""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a value")
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        return "%d/%d" % (value.numerator, value.denominator) if value.denominator != 1 else str(value.numerator)
    return str(value)


def _ulps_between(a, b):
    import struct

    def key(x):
        i = struct.unpack("<q", struct.pack("<d", x))[0]
        return -(2 ** 63) - i if i < 0 else i
    return abs(key(a) - key(b))


def verdict(output, value, rtol=None, atol=None, ulps=None):
    """(kind, message) for one value: kind PASS, OUTSIDE, NONFINITE, WRONG_STATUS or MALFORMED."""
    v = _as_text(value)
    low = v.lower()
    if output.status != "ok":
        if low == "error" or low in _NONFINITE:
            return "PASS", ""
        return "WRONG_STATUS", "expected an error (%s), got value %s" % (output.status, v)
    if low == "error":
        return "WRONG_STATUS", "expected a value in [%s, %s], got an error" % (output.raw["lo"], output.raw["hi"])
    if output.infinite:
        pos = low in ("inf", "+inf", "infinity", "+infinity")
        neg = low in ("-inf", "-infinity")
        if (output.infinite > 0 and pos) or (output.infinite < 0 and neg):
            return "PASS", ""
        return "OUTSIDE", "the exact value is %s, got %s" % (output.raw["lo"], v)
    if low in _NONFINITE:
        return "NONFINITE", "value %s, expected [%s, %s]" % (v, output.raw["lo"], output.raw["hi"])
    try:
        x = exact.parse(v)
    except ValueError:
        return "MALFORMED", 'value "%s" is not a finite decimal number' % v
    lo, hi = output.lo, output.hi
    if ulps is not None:
        a, b = output.lo_f64, output.hi_f64
        for _ in range(int(ulps)):
            a = math.nextafter(a, -math.inf)
            b = math.nextafter(b, math.inf)
        ok = (math.isinf(a) or Fraction(a) <= x) and (math.isinf(b) or x <= Fraction(b))
        tol = "%d ulps" % ulps
    else:
        r, t = _tolerance(output, rtol, atol, ulps)
        tau = t + r * max(abs(lo), abs(hi))
        ok = lo - tau <= x <= hi + tau
        tol = "tau = %.3e" % float(tau)
    if ok:
        return "PASS", ""
    bound = lo if x < lo else hi
    bound_f64 = output.lo_f64 if x < lo else output.hi_f64
    rel = math.inf if bound == 0 else float(abs(x - bound)) / abs(float(bound))
    return "OUTSIDE", "value %s, enclosure [%s, %s]: relative error %.3e to the nearest bound, %d ulps (%s)" % (
        v, output.raw["lo"], output.raw["hi"], rel, _ulps_between(float(x), bound_f64), tol)


def _selected(case, name, cases, outputs, flags, skip_flags):
    if cases and not any(fnmatch.fnmatchcase(case.case_id, g) for g in cases):
        return False
    if outputs and name not in outputs:
        return False
    if flags and not any(f in case.flags for f in flags):
        return False
    if skip_flags and any(f in case.flags for f in skip_flags):
        return False
    return True


def _pairs_no_duplicates(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError("duplicate key %s" % k)
        d[k] = v
    return d


def _bad_constant(name):
    raise ValueError("not JSON: %s" % name)


def _parse_line(text):
    return json.loads(text, object_pairs_hook=_pairs_no_duplicates, parse_float=_Num, parse_int=_Num,
                      parse_constant=_bad_constant)


def _result_lines(results):
    """(line number, text or a dict) from a path, an open file, a list of dicts or of JSON lines"""
    if isinstance(results, (str, bytes)) or hasattr(results, "__fspath__"):
        with open(results, "rb") as f:
            data = f.read()
        for i, raw in enumerate(data.split(b"\n"), 1):
            if i == data.count(b"\n") + 1 and raw == b"":
                break
            yield i, raw.decode("utf-8", "replace")
        return
    if hasattr(results, "read"):
        for i, raw in enumerate(results, 1):
            yield i, raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        return
    for i, r in enumerate(results, 1):
        yield i, r


def check(vectors, results, rtol=None, atol=None, ulps=None, subset=False, cases=None, outputs=None, flags=None,
          skip_flags=None):
    """Check results against vectors; the same verdicts as `qtoracle check`.  vectors: a path or a loaded Vectors;
    results: a RESULTS.jsonl path, an open file, or a list of dicts {caseId, output, value}."""
    if not isinstance(vectors, Vectors):
        vectors = load(vectors)
    if ulps is not None and (rtol is not None or atol is not None):
        raise ValueError("ulps and rtol/atol are two different rules; give one")
    rep = Report()
    seen = {}
    for lineno, item in _result_lines(results):
        if isinstance(item, str):
            if "\x00" in item:
                rep.failed += 1
                rep.failures.append(Failure("MALFORMED", None, None, lineno, "the line contains a NUL byte"))
                continue
            if item.strip() == "":
                continue
            try:
                obj = _parse_line(item.strip())
            except ValueError:
                obj = None
        else:
            obj = item
        cid = obj.get("caseId") if isinstance(obj, dict) else None
        out = obj.get("output") if isinstance(obj, dict) else None
        val = obj.get("value") if isinstance(obj, dict) else None
        if not isinstance(cid, str) or isinstance(cid, _Num) or not isinstance(out, str) or isinstance(out, _Num) \
                or val is None or isinstance(val, (bool, dict, list)):
            rep.failed += 1
            rep.failures.append(Failure("MALFORMED", cid if isinstance(cid, str) else None, None, lineno,
                                        "not a JSON object with caseId, output and value"))
            continue
        o = vectors.find(cid, out)
        if o is None:
            rep.failed += 1
            rep.failures.append(Failure("UNKNOWN", cid, out, lineno, "not in the vector file"))
            continue
        if (cid, out) in seen:
            rep.failed += 1
            rep.failures.append(Failure("DUPLICATE", cid, out, lineno, "given more than once"))
            continue
        case = next(c for c in o.group.cases if c.case_id == cid)
        if not _selected(case, out, cases, outputs, flags, skip_flags):
            seen[(cid, out)] = 2
            continue
        seen[(cid, out)] = 1
        kind, msg = verdict(o, val if not isinstance(val, _Num) else str(val), rtol=rtol, atol=atol, ulps=ulps)
        if kind == "PASS":
            rep.passed += 1
        else:
            rep.failed += 1
            rep.failures.append(Failure(kind, cid, out, lineno, msg))
    for case, name, o in vectors.entries():
        s = seen.get((case.case_id, name), 0)
        if s == 1:
            continue
        if s == 0 and _selected(case, name, cases, outputs, flags, skip_flags) and not subset:
            rep.failed += 1
            rep.failures.append(Failure("MISSING", case.case_id, name, None, "no result"))
            continue
        rep.not_checked += 1
        rep.not_checked_entries.append((case.case_id, name))
    return rep
