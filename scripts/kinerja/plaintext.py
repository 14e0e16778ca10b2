"""Hazards in free text: characters that show nothing or reorder what a reader sees, and NIPs written in
any layout (a core module: validate warns about them, publish removes them).

Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069, the marks U+200E,
U+200F, U+061C) make text display in another order than it is stored ("Trojan Source"); zero-width
spaces and joiners, the word joiner, invisible operators, the byte-order mark inside text, the soft
hyphen and the Hangul fillers show nothing and can split a name or a number so that a search for it
fails. ``kinerja validate`` warns about each one (K245, K246) and the site drops them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Iterator

#: Bidirectional embeddings, overrides, isolates and marks.
BIDI = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C, 0x200E, 0x200F])
#: Characters that show nothing.
ZERO_WIDTH = frozenset(chr(c) for c in [*range(0x200B, 0x200E), *range(0x2060, 0x2065), 0xFEFF, 0x00AD, 0x180E,
                                        0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0])
INVISIBLE = BIDI | ZERO_WIDTH
_TABLE = {ord(ch): None for ch in INVISIBLE}


def strip(value: str) -> str:
    """``value`` without bidirectional controls and zero-width characters."""
    return value.translate(_TABLE)


def find(value: str) -> Iterator[tuple[int, str]]:
    """(offset, character) of every invisible character in ``value``."""
    if value.isascii():
        return
    for offset, ch in enumerate(value):
        if ch in INVISIBLE:
            yield offset, ch


def describe(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"


# --- NIPs in any layout -----------------------------------------------------------------------------------------
# A NIP is 18 digits; people write it with any separator (spaces, non-breaking spaces, dashes, slashes,
# dots, zero-width characters) and any grouping. A "number run" is digits joined by such separators.
_SEPARATORS = "\\s\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff\u00ad\u180e" \
              "._/\\\\·\u2010-\u2015\u2212\ufe58\ufe63\uff0d\uff0e\uff0f'\u2019-"
NUMBER_RUN = re.compile(f"\\d+(?:[{_SEPARATORS}]{{1,8}}\\d+)*")
NIP_DIGITS = 18
KNOWN_MIN = 10  # known numbers shorter than this are not searched for inside longer runs


_NOT_DIGIT = re.compile(r"[^0-9]")
_DIGIT = re.compile(r"\d")


def digits(value: str) -> str:
    """The decimal digits of ``value`` (any script's digits, as ASCII)."""
    if value.isascii():
        return _NOT_DIGIT.sub("", value)
    return "".join(str(unicodedata.digit(ch)) for ch in value if ch.isdigit())


def _date(text: str) -> bool:
    try:
        dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]) if len(text) > 6 else 1)
    except ValueError:
        return False
    return text[:2] in ("19", "20")


def nip_shaped(number: str) -> bool:
    """True for 18 digits laid out as a PNS NIP: birth date, CPNS year and month, sex digit, sequence."""
    return len(number) == NIP_DIGITS and _date(number[:8]) and _date(number[8:14]) and number[14] in "12"


def nip_runs(value: str, known: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of every number run of ``value`` that is or holds a NIP.

    A run of exactly 18 digits is taken for a NIP whatever its layout; a longer run when it holds a known
    employee number or 18 digits shaped like a NIP; any run that equals a known employee number."""
    if not _DIGIT.search(value):
        return
    for match in NUMBER_RUN.finditer(value):
        number = digits(match.group(0))
        if len(number) == NIP_DIGITS or number in known:
            yield match.start(), match.end(), number
        elif len(number) > NIP_DIGITS and (any(k in number for k in known if len(k) >= KNOWN_MIN)
                                           or any(nip_shaped(number[i:i + NIP_DIGITS])
                                                  for i in range(len(number) - NIP_DIGITS + 1))):
            yield match.start(), match.end(), number
