"""Privacy modes of the published site (docs/regulations.md §5).

Individual evaluations are exempt personal information (UU 14/2008 art. 17(h)) and the NIP encodes a
birth date and sex. So:

``public`` (default)
    units and positions only: no names, no NIPs, no employee ids anywhere (pages, data files, search
    index); no individual predikat; distributions of small groups are withheld. Free text from the
    data and from Git (commit messages) is scrubbed of every employee name and NIP.
``staff``
    names and masked NIPs, per-employee pages and the monitoring page (an intranet build).
``full``
    everything, NIPs in full (internal deployments only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .. import model as m

MODES = ("public", "staff", "full")
_NIP_SHAPE = re.compile(r"(?<!\d)\d{8}[ .]?\d{6}[ .]?\d[ .]?\d{3}(?!\d)")
_WORD = re.compile(r"\w+", re.UNICODE)
REDACTED = "[…]"


def digits(nip: str) -> str:
    return "".join(ch for ch in nip if ch.isdigit())


def mask_nip(nip: str) -> str:
    """The NIP with everything but its last three digits (the sequence number) hidden."""
    number = digits(nip)
    if len(number) <= 3:
        return "*" * len(number)
    return "*" * (len(number) - 3) + number[-3:]


def bare_name(name: str) -> str:
    """The name without academic titles after the comma (``Siti Rahmawati, S.Kom.`` → ``Siti Rahmawati``)."""
    return name.split(",")[0].strip()


@dataclass
class Redactor:
    """Removes every employee name and every NIP-shaped number from free text.

    Names are found word by word (first word → candidates), so the cost grows with the text, not with
    the number of employees.
    """

    by_first: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def for_people(cls, employees: Iterable[m.Employee]) -> "Redactor":
        redactor = cls()
        for employee in employees:
            for name in {employee.name.strip(), bare_name(employee.name)}:
                words = name.split()
                if not words or (len(words) < 2 and len(name) < 6):
                    continue  # a single short word would blank ordinary words
                first = _WORD.match(name.lower())
                if first:
                    redactor.by_first.setdefault(first.group(0), []).append(name.lower())
        for names in redactor.by_first.values():
            names.sort(key=len, reverse=True)
        return redactor

    def __call__(self, value: str) -> str:
        if not value:
            return value
        out = _NIP_SHAPE.sub(REDACTED, value)
        if not self.by_first:
            return out
        lower = out.lower()
        pieces: list[str] = []
        last = 0
        for match in _WORD.finditer(lower):
            start = match.start()
            if start < last:
                continue
            for name in self.by_first.get(match.group(0), ()):
                end = start + len(name)
                if lower.startswith(name, start) and (end >= len(lower) or not lower[end].isalnum()):
                    pieces.append(out[last:start])
                    pieces.append(REDACTED)
                    last = end
                    break
        pieces.append(out[last:])
        return "".join(pieces)


@dataclass
class Privacy:
    """What a build may show, and the scrubbing of free text."""

    mode: str
    redactor: Redactor

    @classmethod
    def for_mode(cls, mode: str, province: m.Province) -> "Privacy":
        if mode not in MODES:
            raise ValueError(f"unknown privacy mode {mode!r}; expected one of {', '.join(MODES)}")
        return cls(mode, Redactor.for_people(province.employees.values()) if mode == "public" else Redactor())

    @property
    def public(self) -> bool:
        return self.mode == "public"

    @property
    def people(self) -> bool:
        """Names, employee ids, individual predikat and per-employee pages."""
        return self.mode in ("staff", "full")

    def scrub(self, value: str | None) -> str | None:
        """Free text as this build may show it: public builds drop names and NIPs, staff builds mask NIPs."""
        if value is None or self.mode == "full":
            return value
        if self.mode == "staff":
            return _NIP_SHAPE.sub(lambda match: mask_nip(match.group(0)), value)
        return self.redactor(value)

    def nip(self, employee: m.Employee) -> str | None:
        if self.mode == "full":
            return employee.nip
        if self.mode == "staff":
            return mask_nip(employee.nip)
        return None
