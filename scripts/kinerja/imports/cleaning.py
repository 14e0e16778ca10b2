"""Cleaning cell values the way the national exports deliver them.

NIPs arrive with a leading apostrophe or backtick, spaces, dots or NBSP, and sometimes as numbers that
have already lost their last digits (an 18-digit number does not fit a spreadsheet's float): those are
refused, never "repaired". Dates arrive as ISO text, day-first text or Excel serial numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

_NIP_JUNK = re.compile(r"[\s.'`\u00a0\u2019-]")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$")
_MONTHS_ID = {name: i for i, name in enumerate(
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"], start=1)}
_LONG = re.compile(r"^(\d{1,2}) ([A-Za-z]+) (\d{4})$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
_CLEAN = re.compile(r"^[0-9A-Za-z.,/()-]+(?: [0-9A-Za-z.,/()-]+)*$")


class CellError(ValueError):
    """Raised by a cleaner: ``code`` (K9xx) and the values of its message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def text(value: Any) -> str:
    """A cell as trimmed text (NBSP and a leading apostrophe removed; ``None`` → "")."""
    if value is None:
        return ""
    if isinstance(value, str) and _CLEAN.match(value):  # the common case, fast
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out = str(value).replace("\u00a0", " ").strip()
    if out[:1] in ("'", "`"):
        out = out[1:].strip()
    return re.sub(r"\s+", " ", out)


def nip(value: Any, kind: str = "pns") -> str:
    """An 18-digit NIP as text; raises :class:`CellError` (K904 number, K905 invalid, K913 blank)."""
    if value is None or (isinstance(value, str) and not value.replace("\u00a0", "").strip()):
        raise CellError("K913")
    if isinstance(value, bool):
        raise CellError("K905", value=str(value), detail="not a number")
    if isinstance(value, (int, float)):
        raise CellError("K904", value=_show_number(value))
    raw = str(value).strip().replace("\u00a0", "")
    if _SCIENTIFIC.match(raw.lstrip("'`")):
        raise CellError("K904", value=masked(raw))
    digits = _NIP_JUNK.sub("", raw)
    if not digits.isdigit():
        raise CellError("K905", value=masked(raw), detail="only digits are allowed / hanya angka")
    if len(digits) != 18:
        raise CellError("K905", value=masked(raw), detail=f"{len(digits)} digits, 18 expected / {len(digits)} angka, seharusnya 18")
    problem = nip_rule(digits, kind)
    if problem:
        raise CellError("K905", value=masked(raw), detail=problem)
    return digits


def nip_rule(digits: str, kind: str = "pns") -> str | None:
    """Why an 18-digit NIP breaks the PNS rule (birth date, appointment month, sex digit), or None."""
    try:
        born = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return "birth date (digits 1-8) is not a date / tanggal lahir tidak sah"
    month = int(digits[12:14])
    if not (1 <= month <= 12 or (kind == "pppk" and month == 21)):
        return "appointment month (digits 13-14) / bulan TMT tidak sah"
    if int(digits[8:12]) < born.year:
        return "appointment before birth / TMT sebelum lahir"
    if digits[14] not in "12":
        return "sex digit (15) must be 1 or 2 / angka jenis kelamin harus 1 atau 2"
    return None


def _show_number(value: float | int) -> str:
    return masked(f"{value:.15g}" if isinstance(value, float) else str(value))


def masked(value: str) -> str:
    """A NIP-like value for messages and reports: its first 4 and last 2 characters only (the row and
    column say where it is)."""
    value = value.strip()
    return value if len(value) <= 6 else value[:4] + "…" + value[-2:]


def date(value: Any, day_first: bool = True) -> dt.date | None:
    """A date from ISO text, ``dd-mm-yyyy``/``dd/mm/yyyy``, ``7 Mei 2026``, an Excel serial or a datetime;
    blank → None; raises :class:`CellError` K908 otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 10000 <= value <= 99999:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError("K908", value=_show_number(value))
    raw = text(value)
    if not raw or raw == "-":
        return None
    try:
        if m := _ISO.match(raw):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(raw):
            first, second = int(m[1]), int(m[2])
            day, month = (first, second) if day_first else (second, first)
            return dt.date(int(m[3]), month, day)
        if m := _LONG.match(raw):
            month = _MONTHS_ID.get(m[2].lower())
            if month:
                return dt.date(int(m[3]), month, int(m[1]))
        if re.fullmatch(r"\d{5}(?:\.\d+)?", raw):
            return EXCEL_EPOCH + dt.timedelta(days=int(float(raw)))
    except ValueError:
        pass
    raise CellError("K908", value=raw)


def integer(value: Any, low: int = 0, high: int = 100000) -> int:
    """A whole number in [low, high]: ``3``, ``3.0``, ``"3"``; blank → 0; raises K909."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    if isinstance(value, str) and value.isdigit() and value.isascii() and low <= int(value) <= high:
        return int(value)
    if value is None or (isinstance(value, str) and not text(value)):
        return 0
    if isinstance(value, bool):
        raise CellError("K909", value=str(value), detail="not a number / bukan angka")
    try:
        number = float(value) if not isinstance(value, str) else float(text(value).replace(",", "."))
    except ValueError:
        raise CellError("K909", value=text(value), detail="not a number / bukan angka") from None
    if number != number or not number.is_integer() or not low <= number <= high:
        raise CellError("K909", value=text(value), detail=f"a whole number {low}-{high} / bilangan bulat {low}-{high}")
    return int(number)


def slug(name: str, limit: int = 40) -> str:
    """An identifier from a name: lowercase ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(out) > limit:
        cut = out[:limit + 1]
        out = cut[:cut.rfind("-")] if "-" in cut[limit // 2:] else out[:limit]
        out = out.rstrip("-")
    return out or "x"


_SMALL_WORDS = {"dan", "dan/atau", "atau", "serta", "pada", "di", "ke", "dari", "yang", "untuk", "urusan"}


def acronym(name: str) -> str:
    """The initials of a unit name's words ("Badan Kepegawaian Daerah" → "bkd")."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w and w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0] for w in words).lower()
    return initials if len(initials) >= 2 else slug(name, 20)


def rank(value: Any) -> str | None:
    """A civil-service rank (golongan/ruang) as written: ``III/b``; PPPK ``IX``; else None."""
    raw = text(value).upper().replace(" ", "")
    if re.fullmatch(r"(I|II|III|IV)/[A-E]", raw):
        head, tail = raw.split("/")
        return f"{head}/{tail.lower()}"
    if re.fullmatch(r"(GOLONGAN)?[IVX]{1,5}", raw):
        return raw.removeprefix("GOLONGAN")
    return None
