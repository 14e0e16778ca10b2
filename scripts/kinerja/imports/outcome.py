"""Every row accounted for: the outcome of each row of an import, the summary and the CSV report.

A row is ``imported`` (a new record), ``updated`` (a record changed), ``unchanged`` or ``skipped`` with a
reason (a catalogue code from ``kinerja.errors``, K9xx). Problems that stop a whole file (no header, a
missing column, an unreadable file) are raised as :class:`ImportFailed`. The report never holds a NIP or
a name: a row is identified by its place in the file.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import errors

STATUSES = ("imported", "updated", "unchanged", "skipped")
_LABEL_ID = {"imported": "baru", "updated": "diperbarui", "unchanged": "tetap", "skipped": "dilewati"}


@dataclass(frozen=True)
class Place:
    """Where something is in an export: file, sheet (xlsx), row (1-based, as the spreadsheet shows it), column."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def text(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        parts = [self.file]
        if self.sheet:
            parts.append(f"lembar {self.sheet}")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        return ", ".join(parts)


def render(code: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    """The catalogue message and hint of ``code`` filled with ``params``."""
    kind = errors.get(code)
    values = {k: (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for k, v in params.items()}
    try:
        message = kind.message(lang).format(**values)
    except (KeyError, IndexError):
        message = kind.message(lang)
    try:
        hint = kind.hint(lang).format(**values)
    except (KeyError, IndexError):
        hint = kind.hint(lang)
    return message, hint


def read_export(path: Path | str, name: str, limit: int, follow: bool = True) -> bytes:
    """The bytes of a file an import reads, at most ``limit``: a regular file only (a FIFO, device or folder
    is refused, so nothing hangs or reads without end). ``follow``: the file the user named on the command
    line may be a link to their export; a file of the instance (``follow=False``) may not.
    Raises :class:`ImportFailed` (K900 unreadable, K922 too large) at the file."""
    from ..load.files import NotRegular, TooLarge, read_regular

    try:
        return read_regular(Path(path).resolve() if follow else path, limit)
    except NotRegular as exc:
        raise ImportFailed("K900", Place(name), detail=f"not a regular file ({exc.what})") from None
    except TooLarge as exc:
        raise ImportFailed("K922", Place(name), detail=f"{exc.size} bytes > {limit}") from None
    except OSError as exc:
        raise ImportFailed("K900", Place(name), detail=exc.strerror or str(exc)) from None


class ImportFailed(Exception):
    """Raised by a reader when a whole file cannot be imported (the command prints it and exits 1)."""

    def __init__(self, code: str, place: Place, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.place = place
        self.params = params

    def text(self, lang: str) -> str:
        message, hint = render(self.code, self.params, lang)
        label = "GALAT" if lang != "en" else "ERROR"
        out = f"{self.place.text(lang)}: {label} {self.code} {message}"
        return out + (f"\n    {'saran' if lang != 'en' else 'hint'}: {hint}" if hint else "")


@dataclass(frozen=True)
class Outcome:
    """What happened to one row (or one record derived from it)."""

    place: Place
    status: str
    target: str = ""          # the file it went to (never a NIP or a name)
    code: str = ""            # K9xx for skipped rows and warnings
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str) -> str:
        return render(self.code, dict(self.params), lang)[0] if self.code else ""


@dataclass
class Ledger:
    """The outcomes of one import, in row order."""

    source: str
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def note(self, text_id: str, text_en: str) -> None:
        """A line for the summary (Indonesian, English)."""
        self.notes.append((text_id, text_en))

    def add(self, place: Place, status: str, target: str = "", code: str = "", **params: Any) -> None:
        self.outcomes.append(Outcome(place, status, target, code, tuple(params.items())))

    def skip(self, place: Place, code: str, **params: Any) -> None:
        self.add(place, "skipped", "", code, **params)

    def ordered(self) -> list[Outcome]:
        """The outcomes in file and row order (rows skipped while reading come first otherwise)."""
        return sorted(self.outcomes, key=lambda o: (o.place.file, o.place.sheet or "", o.place.row or 0))

    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def changed(self) -> bool:
        counts = self.counts()
        return bool(counts["imported"] or counts["updated"])

    def summary(self, lang: str, limit: int = 20) -> str:
        """The printed summary: counts, then the skipped rows and warnings with their place."""
        counts = self.counts()
        if lang == "en":
            head = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
        else:
            head = ", ".join(f"{counts[s]} {_LABEL_ID[s]}" for s in STATUSES)
        lines = [f"{self.source}: {sum(counts.values())} {'rows' if lang == 'en' else 'baris'}: {head}"]
        flagged = [o for o in self.ordered() if o.code]
        for o in flagged[:limit]:
            severity = errors.get(o.code).severity
            label = ("GALAT" if severity == "error" else "PERINGATAN") if lang != "en" else severity.upper()
            lines.append(f"  {o.place.text(lang)}: {label} {o.code} {o.message(lang)}")
        if len(flagged) > limit:
            rest = len(flagged) - limit
            lines.append(f"  … {rest} {'more (see --report)' if lang == 'en' else 'lagi (lihat --report)'}")
        lines.extend(f"  {note[1] if lang == 'en' else note[0]}" for note in self.notes)
        return "\n".join(lines) + "\n"

    def csv_text(self, lang: str) -> str:
        """The CSV report: one line per outcome (file, sheet, row, column, status, target, code, message)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "sheet", "row", "column", "status", "target", "code", "message"])
        for o in self.ordered():
            writer.writerow([o.place.file, o.place.sheet or "", o.place.row or "", o.place.column or "", o.status,
                             o.target, o.code, o.message(lang)])
        return out.getvalue()


def merge(ledgers: Iterable[Ledger]) -> Ledger:
    """One ledger of several (each keeps its outcomes, in order)."""
    items = list(ledgers)
    merged = Ledger(" + ".join(ledger.source for ledger in items))
    for ledger in items:
        merged.outcomes.extend(ledger.outcomes)
        merged.notes.extend(ledger.notes)
    return merged
