# SPDX-License-Identifier: LGPL-3.0-or-later
"""Exact numbers as qtoracle reads them: decimals ("-0.125", "1e-3", "+.5") and rationals ("3/7") become Fractions,
never passing through a binary float.  The grammar and the limits are those of the C library (ref/core/exact.c)."""
import re
from fractions import Fraction

MAX_EXP = 4000
_DECIMAL = re.compile(r"^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$")
_RATIONAL = re.compile(r"^([+-]?)(\d+)/(\d+)$")


def parse(s):
    """The exact value of a decimal or rational string; ValueError if it is not one (NaN, inf, empty, junk, white
    space, a zero denominator, a decimal exponent beyond +-4000)."""
    if not isinstance(s, str) or s == "" or len(s) > 20000 or any(c.isspace() for c in s):
        raise ValueError("not an exact number: %r" % (s,))
    m = _RATIONAL.match(s)
    if m:
        den = int(m.group(3))
        if den == 0:
            raise ValueError("zero denominator: %r" % s)
        v = Fraction(int(m.group(2)), den)
        return -v if m.group(1) == "-" else v
    m = _DECIMAL.match(s)
    if not m:
        raise ValueError("not an exact number: %r" % s)
    mant = m.group(2)
    ex = int(m.group(3)) if m.group(3) else 0
    if abs(ex) > MAX_EXP:
        raise ValueError("decimal exponent beyond +-%d: %r" % (MAX_EXP, s))
    if "." in mant:
        ip, fp = mant.split(".")
    else:
        ip, fp = mant, ""
    digits = int((ip + fp) or "0")
    ex -= len(fp)
    v = Fraction(digits * 10 ** ex) if ex >= 0 else Fraction(digits, 10 ** -ex)
    return -v if m.group(1) == "-" else v


def is_exact(s):
    try:
        parse(s)
        return True
    except ValueError:
        return False
