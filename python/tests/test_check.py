# SPDX-License-Identifier: LGPL-3.0-or-later
"""The Python package against the C tool: the same doctored inputs give the same verdicts, kind for kind."""
import json
import os
import re
import subprocess
from collections import Counter
from fractions import Fraction

import pytest

import qtoracle

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOL = os.environ.get("QTORACLE", os.path.join(ROOT, "build", "qtoracle"))
VEC = {name: os.path.join(ROOT, "vectors", name + ".json") for name in ("landauer_ideal", "trajectory", "state", "pump")}


def c_check(vec, lines, args=()):
    """run `qtoracle check` on RESULTS lines; (passed, failed, not checked), the failure kinds, the exit status"""
    p = subprocess.run([TOOL, "check", vec, "-"] + list(args), input="".join(lines).encode(), capture_output=True)
    out = p.stdout.decode()
    m = re.search(r"(\d+) passed, (\d+) failed, (\d+) not checked", out)
    assert m, out + p.stderr.decode()
    kinds = Counter()
    for line in out.splitlines():
        if line.startswith("FAIL"):
            k = re.search(r"\b(OUTSIDE|NONFINITE|WRONG_STATUS|MALFORMED|UNKNOWN|DUPLICATE|MISSING)\b", line)
            kinds[k.group(1)] += 1
    return tuple(int(x) for x in m.groups()), kinds, p.returncode


def py_check(vec, lines, **kw):
    path = "/tmp/qtoracle-py-results.jsonl"
    with open(path, "wb") as f:
        f.write("".join(lines).encode())
    r = qtoracle.check(vec, path, **kw)
    return (r.passed, r.failed, r.not_checked), Counter(f.kind for f in r.failures), 0 if r.ok else 1


def line(cid, out, value, raw=False):
    v = value if raw else json.dumps(value)
    return '{"caseId": %s, "output": %s, "value": %s}\n' % (json.dumps(cid), json.dumps(out), v)


def doctored(vec):
    """a mix of every verdict on a real vector file"""
    v = qtoracle.load(vec)
    lines = []
    for k, (case, name, o) in enumerate(v.entries()):
        if k % 7 == 6:
            continue                                            # missing
        if o.expects_error:
            lines.append(line(case.case_id, name, "error" if k % 2 else "12.5"))
        elif o.infinite:
            lines.append(line(case.case_id, name, "inf" if o.infinite > 0 else "-inf"))
        else:
            m = o.mid
            kind = k % 6
            if kind == 0:
                lines.append(line(case.case_id, name, repr(float(m))))                 # right to double precision
            elif kind == 1:
                lines.append(line(case.case_id, name, repr(float(m) * (1 + 1e-6) + 1e-3)))  # wrong
            elif kind == 2:
                lines.append(line(case.case_id, name, repr(float(m)), raw=True))         # a JSON number
            elif kind == 3:
                lines.append(line(case.case_id, name, "nan"))
            elif kind == 4:
                lines.append(line(case.case_id, name, "%d/%d" % (m.numerator, m.denominator)))   # exact
            else:
                lines.append(line(case.case_id, name, repr(float(m)), raw=True))
    lines += ['not json\n', '{"caseId": "x", "output": "y", "value": true}\n', line("nope", "landauer.nope", "1"),
              '{"caseId": "a", "caseId": "b", "output": "c", "value": "1"}\n', '{"value": NaN}\n', '\n']
    first = next(iter(v.entries()))
    lines.append(line(first[0].case_id, first[1], "1"))       # a duplicate (or unknown if it was missing)
    return lines


OPTIONS = [
    ({}, []),
    ({"subset": True}, ["--subset"]),
    ({"rtol": "1e-12", "atol": "1e-15"}, ["--rtol", "1e-12", "--atol", "1e-15"]),
    ({"ulps": 4}, ["--ulps", "4"]),
    ({"rtol": "0"}, ["--rtol", "0"]),
]


@pytest.mark.parametrize("name", sorted(VEC))
@pytest.mark.parametrize("opt", range(len(OPTIONS)))
def test_same_verdicts_as_the_tool(name, opt):
    kw, args = OPTIONS[opt]
    lines = doctored(VEC[name])
    kw = {k: (Fraction(v) if k in ("rtol", "atol") else v) for k, v in kw.items()}
    assert py_check(VEC[name], lines, **kw) == c_check(VEC[name], lines, args)


def test_selection_same_as_the_tool():
    vec = VEC["trajectory"]
    v = qtoracle.load(vec)
    flag = next(f for c in v.cases for f in c.flags)
    lines = doctored(vec)
    assert py_check(vec, lines, cases=["qd/*"]) == c_check(vec, lines, ["--case", "qd/*"])
    assert py_check(vec, lines, outputs=["S", "sigma"]) == c_check(vec, lines, ["--output", "S", "--output", "sigma"])
    assert py_check(vec, lines, flags=[flag], subset=True) == c_check(vec, lines, ["--flag", flag, "--subset"])
    assert py_check(vec, lines, skip_flags=[flag]) == c_check(vec, lines, ["--skip-flag", flag])


def test_load_is_exact():
    v = qtoracle.load(VEC["landauer_ideal"])
    c = v.cases[0]
    assert isinstance(c.params["mu_L"], Fraction)
    o = c.outputs["landauer.particle_current"]
    assert o.lo <= o.mid <= o.hi and o.lo_f64 <= float(o.mid) <= o.hi_f64
    assert o.contains(float(o.mid)) and not o.contains(float(o.mid) + 1e-3)
    assert c.contains(float(o.mid), output="landauer.particle_current")
    assert qtoracle.exact.parse("0.1") == Fraction(1, 10) and qtoracle.exact.parse("-3/7") == Fraction(-3, 7)
    for bad in ("nan", "inf", "", "1e5000", "1/0", " 1", "0x10"):
        with pytest.raises(ValueError):
            qtoracle.exact.parse(bad)


@pytest.mark.parametrize("case", qtoracle.cases(VEC["landauer_ideal"], output="landauer.particle_current"))
def test_pytest_helper(case):
    # a "solver" that returns the certified midpoint as a double (and reports the divergent case as an error) passes
    o = case.outputs["landauer.particle_current"]
    assert case.contains("error" if o.expects_error else float(o.mid), output="landauer.particle_current")


def test_pip_install_offline(tmp_path):
    """`pip install ./python` works with no package index (the build backend needs nothing)"""
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "--no-index", "--quiet", os.path.join(ROOT, "python")], check=True)
    out = subprocess.run([str(venv / "bin" / "python"), "-c",
                          "import qtoracle, sys; v = qtoracle.load(sys.argv[1]); print(len(v))", VEC["state"]],
                         check=True, capture_output=True, cwd=str(tmp_path)).stdout
    assert int(out) > 0
