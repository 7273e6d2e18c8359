# SPDX-License-Identifier: LGPL-3.0-or-later
"""The checking rule of `qtoracle check` (docs/vectors.md), verdict for verdict: with tau = atol + rtol*max(|lo|,|hi|)
a finite value x passes iff lo - tau <= x <= hi + tau, in exact arithmetic; with ulps=N, iff x lies between lo_f64
moved N doubles down and hi_f64 moved N doubles up; with no tolerance given, each group's stated tolerance."""
import math
from fractions import Fraction

from . import exact

_NONFINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


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
