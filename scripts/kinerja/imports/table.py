"""Reading an export as a table: ``.xlsx`` (first sheet, or a named one) or delimited text.

The header row is found by its names within the first rows (never by a fixed row number) and columns
are mapped by header name, so shuffled, extra or renamed columns (through a mapping file) are fine.
A delimited file's delimiter is the one among ``,`` ``;`` ``|`` and tab with which a header row is
found. Every row comes with its place (file, sheet, row number, column letter) for the messages.
"""

from __future__ import annotations

import csv
import io
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from .outcome import ImportFailed, Place, read_export

#: How many rows from the top may hold metadata before the header row.
HEADER_WITHIN = 20
DELIMITERS = ("|", ";", "\t", ",")
MAX_BYTES = 512 * 1024 * 1024
_SPACES = re.compile(r"\s+")


def normalise_header(name: Any) -> str:
    """A header cell as a key: upper case, trimmed, ``_`` and runs of spaces (NBSP too) as one space."""
    text = "" if name is None else str(name)
    text = text.replace("\ufeff", "").replace("\u00a0", " ").replace("_", " ")
    return _SPACES.sub(" ", text).strip().upper()


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA`` (the spreadsheet's name of a column)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Columns:
    """What a source expects: each field with the header names it accepts, and which are required."""

    names: Mapping[str, Sequence[str]]
    required: Sequence[str]
    #: At least one of these must be in a row for it to count as the header row.
    anchors: Sequence[str] = ()

    def with_mapping(self, mapping: Mapping[str, Any]) -> "Columns":
        """The columns with a mapping file's ``columns:`` (field → header name or list of names) first."""
        names = {k: list(v) for k, v in self.names.items()}
        for key, value in mapping.items():
            extra = [value] if isinstance(value, str) else list(value)
            names[key] = [*extra, *names.get(key, [])]
        return Columns(names, self.required, self.anchors)


@dataclass
class Table:
    """An export opened for reading: its header and an iterator over its data rows."""

    file: str
    sheet: str | None
    header_row: int
    header: list[str]
    index: dict[str, int]
    rows: Iterator[tuple[int, list[Any]]]
    metadata: list[list[Any]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)

    def place(self, row: int, fieldname: str | None = None) -> Place:
        """Where a cell is: file, sheet, row, and column (letter and header) of ``fieldname``."""
        column = None
        if fieldname is not None and fieldname in self.index:
            pos = self.index[fieldname]
            column = f"{column_letter(pos)} ({self.header[pos]})"
        elif fieldname is not None:
            column = fieldname
        return Place(self.file, self.sheet, row, column)

    def get(self, row: Sequence[Any], fieldname: str) -> Any:
        pos = self.index.get(fieldname)
        if pos is None or pos >= len(row):
            return None
        return row[pos]


def open_table(path: Path, columns: Columns, sheet: str | None = None, display: str | None = None) -> Table:
    """Open ``path`` (.xlsx or delimited text) and find its header row; raise :class:`ImportFailed`."""
    name = display or path.name
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _regular_export(path, name)
        return _open_xlsx(path, columns, sheet, name)
    raw = read_export(path, name, MAX_BYTES)
    if raw[:2] == b"PK":
        raise ImportFailed("K900", Place(name), detail="an .xlsx workbook with another extension: rename it to .xlsx")
    return _open_text(decode(raw, name), columns, name)


def decode(raw: bytes, name: str) -> str:
    """Text of an export: UTF-8 (with or without BOM), else Windows-1252 as spreadsheets save it."""
    if b"\x00" in raw[:4096]:
        raise ImportFailed("K900", Place(name), detail="binary content (not a text or .xlsx export)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _match_header(cells: Sequence[Any], columns: Columns) -> dict[str, int] | None:
    """The field → position map if ``cells`` is the header row (all required fields present)."""
    found: dict[str, int] = {}
    keys = [normalise_header(c) for c in cells]
    for fieldname, names in columns.names.items():
        for wanted in names:
            key = normalise_header(wanted)
            if key in keys:
                found[fieldname] = keys.index(key)
                break
    if columns.anchors and not any(a in found for a in columns.anchors):
        return None
    return found if found else None


def _best_header(rows: Sequence[Sequence[Any]], columns: Columns) -> tuple[int, dict[str, int]] | None:
    """The first row (0-based) that maps every required field, else the one that maps most anchors."""
    fallback: tuple[int, dict[str, int]] | None = None
    for i, cells in enumerate(rows[:HEADER_WITHIN]):
        found = _match_header(cells, columns)
        if found is None:
            continue
        if all(r in found for r in columns.required):
            return i, found
        if fallback is None or len(found) > len(fallback[1]):
            fallback = (i, found)
    return fallback


def _missing(table_name: str, sheet: str | None, row: int, found: dict[str, int], columns: Columns) -> None:
    missing = [r for r in columns.required if r not in found]
    if missing:
        raise ImportFailed("K902", Place(table_name, sheet, row),
                           column=" / ".join(columns.names[missing[0]]), more=missing)


def _no_header(name: str, sheet: str | None, columns: Columns) -> ImportFailed:
    wanted = ", ".join(columns.names[a][0] for a in (columns.anchors or columns.required))
    return ImportFailed("K901", Place(name, sheet), rows=HEADER_WITHIN, names=wanted)


def _open_text(text: str, columns: Columns, name: str) -> Table:
    head = text.splitlines()[:HEADER_WITHIN]
    best: tuple[str, int, dict[str, int]] | None = None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO("\n".join(head)), delimiter=delimiter))
        hit = _best_header(rows, columns)
        if hit is None or len(hit[1]) < 2:
            continue
        complete = all(r in hit[1] for r in columns.required)
        if best is None or (complete and not all(r in best[2] for r in columns.required)) or len(hit[1]) > len(best[2]):
            best = (delimiter, hit[0], hit[1])
        if complete:
            break
    if best is None:
        raise _no_header(name, None, columns)
    delimiter, at, found = best
    _missing(name, None, at + 1, found, columns)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    metadata = []
    header: list[str] = []
    for i, cells in enumerate(reader):
        if i < at:
            metadata.append(list(cells))
        else:
            header = list(cells)
            break
    rows = ((n, cells) for n, cells in enumerate(reader, start=at + 2))
    return Table(name, None, at + 1, [str(h).strip() for h in header], found, rows, metadata,
                 _extra(header, found))


def _extra(header: Sequence[Any], found: dict[str, int]) -> list[str]:
    used = set(found.values())
    return [str(h) for i, h in enumerate(header) if i not in used and str(h or "").strip()]


def _regular_export(path: Path, name: str) -> None:
    """Refuse (K900, K922) a workbook that is not a regular file within the size limit, before openpyxl
    opens it (a FIFO would block it)."""
    try:
        info = path.resolve().stat()
    except OSError as exc:
        raise ImportFailed("K900", Place(name), detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailed("K900", Place(name), detail="not a regular file")
    if info.st_size > MAX_BYTES:
        raise ImportFailed("K922", Place(name), detail=f"{info.st_size} bytes > {MAX_BYTES}")


def _open_xlsx(path: Path, columns: Columns, sheet: str | None, name: str) -> Table:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise ImportFailed("K900", Place(name), detail=f"not a readable .xlsx workbook ({type(exc).__name__})") from exc
    try:
        ws = book[sheet] if sheet else book.worksheets[0]
    except (KeyError, IndexError) as exc:
        raise ImportFailed("K900", Place(name, sheet), detail=f"no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)})") from exc
    rows_iter = ws.iter_rows(values_only=True)
    head: list[list[Any]] = []
    for cells in rows_iter:
        head.append(list(cells))
        if len(head) >= HEADER_WITHIN:
            break
    hit = _best_header(head, columns)
    if hit is None:
        raise _no_header(name, ws.title, columns)
    at, found = hit
    _missing(name, ws.title, at + 1, found, columns)

    def rest() -> Iterator[tuple[int, list[Any]]]:
        for n, cells in enumerate(head[at + 1:], start=at + 2):
            yield n, cells
        for n, cells in enumerate(rows_iter, start=len(head) + 1):
            yield n, list(cells)
        book.close()

    header = ["" if h is None else str(h).strip() for h in head[at]]
    return Table(name, ws.title, at + 1, header, found, rest(), head[:at], _extra(header, found))


def blank(row: Sequence[Any]) -> bool:
    """A row with nothing in it (spaces and NBSP count as nothing)."""
    return all(c is None or (isinstance(c, str) and not c.replace("\u00a0", " ").strip()) for c in row)
