# SPDX-License-Identifier: LGPL-3.0-or-later
"""`qtoracle check` in Python: a solver's RESULTS.jsonl (or a list of results) against a vector file, the same
verdicts and the same report as the C tool; the rule for one value is rule.verdict."""
import fnmatch
import json

from .rule import verdict, _Num
from .vectors import Vectors, load


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
