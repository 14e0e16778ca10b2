"""The PNS civil-service number (NIP, nomor induk pegawai) and what it encodes (docs/regulations.md §2).

An 18-digit PNS NIP is ``YYYYMMDD`` birth date, ``YYYYMM`` CPNS appointment (TMT CPNS), one sex digit
(1 male, 2 female) and a 3-digit serial. :func:`parse_nip` gives the parts, or ``None`` when the number
does not follow the layout; :func:`age_at_appointment` and :func:`plausible_age` support the validator's
warning for an implausible age at appointment. The parts are personal data (birth date, sex): they stay
in the internal tools and are never published (docs/regulations.md §5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Ages at CPNS appointment that the validator accepts without a warning (K382): the usual entry limits
#: are 18 to 35, up to 40 for some posts; Kinerja warns outside 18-40.
PLAUSIBLE_AGE = (18, 40)

SEXES = {"1": "male", "2": "female"}


@dataclass(frozen=True)
class NipParts:
    """What a PNS NIP encodes: birth date, CPNS appointment month (TMT CPNS, first day), sex, serial."""

    nip: str
    birth_date: dt.date
    cpns_start: dt.date
    sex: str  # "male" | "female"
    serial: str


def parse_nip(text: str) -> NipParts | None:
    """The parts of a PNS NIP (spaces allowed), or ``None`` when it is not 18 digits with a real birth date,
    a real appointment month not before the birth year, and a sex digit 1 or 2.

    >>> parse_nip("19850312 201001 1 004").cpns_start
    datetime.date(2010, 1, 1)
    """
    digits = text.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit() or digits[14] not in SEXES:
        return None
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
        start = dt.date(int(digits[8:12]), int(digits[12:14]), 1)
    except ValueError:
        return None
    if start.year < max(1900, birth.year):
        return None
    return NipParts(digits, birth, start, SEXES[digits[14]], digits[15:18])


def age_at_appointment(parts: NipParts) -> int:
    """Whole years of age on the first day of the CPNS appointment month."""
    birth, start = parts.birth_date, parts.cpns_start
    return start.year - birth.year - ((start.month, start.day) < (birth.month, birth.day))


def plausible_age(parts: NipParts) -> bool:
    """Whether the age at appointment lies within :data:`PLAUSIBLE_AGE`."""
    low, high = PLAUSIBLE_AGE
    return low <= age_at_appointment(parts) <= high
