"""Bounds on numbers that come from outside: the one place that says how big a number may be.

Every number a person or a file gives us (the safe YAML loader, the forms' canonical writer, the Excel
and CSV readers) passes :func:`refusal` before anything else is done with it. The bounds are far beyond
any performance figure (a province's budget in rupiah is about 10^13; percentages, counts and months are
small), and small enough that every later step is cheap: ``Decimal("1.0e999999999")`` is created in
microseconds but written out in minutes, and ``int("9" * 5000)`` raises inside Python.

The check looks at the text first, so a hostile value is refused in microseconds whatever its size.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Literal

#: The most characters a number may take as written (sign, digits, point and exponent included).
MAX_CHARS = 40
#: Numbers at or above 10^MAX_EXPONENT are refused (10^15: a hundred times a province's budget).
MAX_EXPONENT = 15
MAX_MAGNITUDE = 10 ** MAX_EXPONENT
#: The finest place a number may have: 10^-20 (a spreadsheet's binary floats print 17 digits).
MIN_EXPONENT = -20

Refusal = Literal["too-long", "too-large", "too-precise", "not-finite"]

_NUMBER_RE = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


def refusal(text: str) -> Refusal | None:
    """Why the number written as ``text`` is refused, or None when it is within bounds.

    ``text`` is a number as written in YAML, a form or a cell (``85``, ``-2.5``, ``1.0e3``); text that is
    not a number at all is not this function's business and gives None.

    >>> refusal("95.5") is None, refusal("1.0e999999999"), refusal("9" * 5000), refusal("1e-30")
    (True, 'too-large', 'too-long', 'too-precise')
    >>> refusal("1e15"), refusal("999999999999999")
    ('too-large', None)
    >>> refusal("0.0e-999999999"), refusal("0.000"), refusal("0")
    ('too-precise', None, None)
    """
    text = text.strip()
    if len(text) > MAX_CHARS:
        return "too-long"
    if not _NUMBER_RE.match(text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        return None
    return decimal_refusal(value)


def decimal_refusal(value: Decimal) -> Refusal | None:
    """Why an already-made :class:`~decimal.Decimal` is refused, or None."""
    if not value.is_finite():
        return "not-finite"
    if value == 0:  # no digits, but an exponent: format(Decimal("0.0e-999999999"), "f") is a gigabyte of zeros
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        return "too-large" if exponent >= MAX_EXPONENT else "too-precise" if exponent < MIN_EXPONENT else None
    if value.adjusted() >= MAX_EXPONENT:  # no arithmetic: 1e999999999 would overflow the context
        return "too-large"
    # The smallest place the value uses: its exponent once trailing zeros are dropped.
    _, digits, exponent = value.as_tuple()
    trailing = len(digits) - len(bytes(digits).rstrip(b"\0"))
    if isinstance(exponent, int) and exponent + trailing < MIN_EXPONENT:
        return "too-precise"
    return None


def float_refusal(value: float) -> Refusal | None:
    """Why a binary float (from JSON or a spreadsheet cell) is refused, or None."""
    if not math.isfinite(value):
        return "not-finite"
    return decimal_refusal(Decimal(repr(value)))


def is_within_bounds(value: object) -> bool:
    """True for an int, float, Decimal or numeric text within the bounds (booleans are not numbers)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < MAX_MAGNITUDE
    if isinstance(value, float):
        return float_refusal(value) is None
    if isinstance(value, Decimal):
        return decimal_refusal(value) is None
    if isinstance(value, str):
        return refusal(value) is None
    return False
