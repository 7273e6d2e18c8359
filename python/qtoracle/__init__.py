# SPDX-License-Identifier: LGPL-3.0-or-later
"""qtoracle: certified reference values for quantum thermodynamics, from Python.

    import qtoracle
    vec = qtoracle.load("vectors/landauer_ideal.json")
    for case in vec.cases:
        value = my_solver(**case.params)            # Fractions; float(...) them for a double-precision solver
        assert case.contains(value, output="landauer.particle_current")
    report = qtoracle.check(vec, "RESULTS.jsonl")  # the same verdicts as `qtoracle check`

The pytest helper `qtoracle.cases(path, output=...)` parametrizes a test over a file's cases."""
from .vectors import load, Vectors, Case, Output, Group
from .check import check, verdict, Report, Failure
from . import exact

__version__ = "0.1.0"


def cases(path, output=None, quantity=None):
    """pytest parameters: one per case that has the output (or any output of the quantity's groups), with the case's
    caseId as its id:  @pytest.mark.parametrize("case", qtoracle.cases(path, output="landauer.entropy_current"))"""
    vec = load(path)
    chosen = []
    for g in vec.groups:
        if quantity is not None and quantity not in g.quantities:
            continue
        for c in g.cases:
            if output is None or output in c.outputs:
                chosen.append(c)
    try:
        import pytest
        return [pytest.param(c, id=c.case_id) for c in chosen]
    except ImportError:
        return chosen
