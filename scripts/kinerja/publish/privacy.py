"""Privacy modes of the published site (docs/regulations.md §5).

Individual evaluations are exempt personal information (UU 14/2008 art. 17(h)) and the NIP encodes a
birth date and sex. So:

``public`` (default)
    units and positions only: no names, no NIPs, no employee ids anywhere (pages, data files, search
    index); no individual predikat; distributions and allowance totals of small groups are withheld with
    complementary suppression (:mod:`.suppress`). Free text from the data is scrubbed of every employee
    name, e-mail address, employee id and NIP, whatever its spelling (:class:`Redactor`); text from Git
    (commit messages, author names) is not shown at all.
``staff``
    names and masked NIPs, per-employee pages and the monitoring page (an intranet build).
``full``
    everything, NIPs in full (internal deployments only).

Every mode drops invisible characters (zero-width, bidirectional overrides) from free text: they can
hide or reorder what a reader sees (:mod:`kinerja.plaintext`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .. import model as m
from ..plaintext import INVISIBLE, KNOWN_MIN, digits, nip_runs
from ..plaintext import strip as strip_invisible

MODES = ("public", "staff", "full")
REDACTED = "[…]"

# Characters a name may be spelled with between its words (after folding, they all read as one space).
_NAME_SEPARATORS = frozenset("._/\\·-‐‑‒–—―−﹘﹣－_")
_ASCII_SEPARATORS = re.compile(r"[._/\\\-\t\n\r\x0b\x0c\x1c-\x1f]")


def mask_nip(nip: str) -> str:
    """The NIP with everything but its last three digits (the sequence number) hidden."""
    number = digits(nip)
    if len(number) <= 3:
        return "*" * len(number)
    return "*" * (len(number) - 3) + number[-3:]


def bare_name(name: str) -> str:
    """The name without academic titles after the comma (``Siti Rahmawati, S.Kom.`` → ``Siti Rahmawati``)."""
    return name.split(",")[0].strip()


# --- NIPs ---------------------------------------------------------------------------------------------------------
def replace_nips(value: str, by: Callable[[str], str], known: frozenset[str] = frozenset()) -> str:
    """``value`` with every NIP (any spelling) replaced by ``by(digits)``."""
    pieces, last = [], 0
    for start, end, number in nip_runs(value, known):
        pieces.append(value[last:start])
        pieces.append(by(number))
        last = end
    if not pieces:
        return value
    pieces.append(value[last:])
    return "".join(pieces)


# --- names ------------------------------------------------------------------------------------------------------
def fold(value: str) -> tuple[str, list[int] | None]:
    """``value`` folded for matching names, with the offset in ``value`` of every folded character.

    Compatibility forms (NFKD: full-width letters, ligatures), accents dropped, case folded, invisible and
    other format characters dropped, and every run of whitespace, dashes, dots, slashes and underscores
    read as one space. The offsets are None when they are the identity (folding kept every character)."""
    if value.isascii():  # the common case, without a loop in Python
        folded = _ASCII_SEPARATORS.sub(" ", value.lower())
        if "  " not in folded:
            return folded, None
    out: list[str] = []
    origin: list[int] = []
    for offset, ch in enumerate(value):
        if ch in INVISIBLE or unicodedata.category(ch) == "Cf":
            continue
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                if folded.isspace() or folded in _NAME_SEPARATORS:
                    if out and out[-1] == " ":
                        continue
                    folded = " "
                out.append(folded)
                origin.append(offset)
    return "".join(out), origin


_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Redactor:
    """Removes every employee name, e-mail address, employee id and NIP from free text.

    Names are matched on the folded text (:func:`fold`), so ``SITI\u00a0Rahmawati``, ``Siti-Rahmawati`` or
    ``Si\u200bti Rahmawati`` are found as well as ``Siti Rahmawati``. Terms are found word by word (first
    word → candidates), so the cost grows with the text, not with the number of employees.
    """

    by_first: dict[str, list[str]] = field(default_factory=dict)
    numbers: frozenset[str] = frozenset()

    @classmethod
    def for_people(cls, employees: Iterable[m.Employee]) -> "Redactor":
        redactor = cls()
        numbers = set()
        for employee in employees:
            terms = {employee.name.strip(), bare_name(employee.name), employee.email or "", employee.id}
            for term in terms:
                redactor.add(term)
            number = digits(employee.nip or "")
            if len(number) >= KNOWN_MIN:
                numbers.add(number)
        redactor.numbers = frozenset(numbers)
        for names in redactor.by_first.values():
            names.sort(key=len, reverse=True)
        return redactor

    def add(self, term: str) -> None:
        """Redact ``term`` (a name, an id, an address) wherever it appears folded; a single short word is
        left alone (it would blank ordinary words)."""
        folded = fold(term)[0].strip()
        if len(folded) < 3 or (" " not in folded and len(folded) < 5 and not any(ch.isdigit() for ch in folded)):
            return
        first = _WORD.match(folded)
        if first and folded not in self.by_first.setdefault(first.group(0), []):
            self.by_first[first.group(0)].append(folded)

    def __call__(self, value: str) -> str:
        if not value:
            return value
        out = replace_nips(value, lambda _: REDACTED, self.numbers)
        if not self.by_first:
            return out
        folded, origin = fold(out)
        spans: list[tuple[int, int]] = []
        last = 0
        for match in _WORD.finditer(folded):
            start = match.start()
            if start < last:
                continue
            for name in self.by_first.get(match.group(0), ()):
                end = start + len(name)
                if folded.startswith(name, start) and (end >= len(folded) or not folded[end].isalnum()):
                    spans.append((start, end) if origin is None else (origin[start], origin[end - 1] + 1))
                    last = end
                    break
        if not spans:
            return out
        pieces, at = [], 0
        for start, end in spans:
            pieces.append(out[at:start])
            pieces.append(REDACTED)
            at = end
        pieces.append(out[at:])
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
        """Free text as this build may show it: public builds drop names, ids and NIPs, staff builds mask
        NIPs; every build drops invisible characters."""
        if value is None:
            return value
        if self.mode == "full":
            return strip_invisible(value)
        if self.mode == "staff":
            return strip_invisible(replace_nips(value, mask_nip))
        return strip_invisible(self.redactor(value))

    def nip(self, employee: m.Employee) -> str | None:
        if self.mode == "full":
            return employee.nip
        if self.mode == "staff":
            return mask_nip(employee.nip)
        return None
