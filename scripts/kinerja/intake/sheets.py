"""Reading untrusted workbooks and CSV files within bounds: the guard in front of the batch import.

A workbook comes from someone we do not control. It is a zip archive of XML that can lie about
everything: its size once unpacked (a zip bomb), its number of sheets, rows and columns (a sheet's
``dimension`` says what its author wants), the types of its cells (``<v>NaN</v>`` in a number cell), and
its hidden sheet. This module bounds every step before :mod:`kinerja.intake.batch` gives the cells a
meaning:

* :func:`check_archive` looks at the file before any XML is parsed: its size on disk, its first bytes (an
  encrypted workbook or an old ``.xls`` is an OLE2 file, not a zip), the number of entries, the declared
  unpacked size of each entry and of all of them (Python's zip reader never unpacks more than an entry
  declares, so the declared sizes bound the work), macros, and the number of worksheets.
* :func:`read_grid` reads a sheet with openpyxl in ``read_only`` mode (streamed, nothing kept but the
  rows asked for) and ``data_only=False`` (a formula stays a formula, so it can be reported): at most
  :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns with content and :data:`MAX_CELLS` cells parsed
  per sheet, :data:`MAX_FILE_CELLS` cells and :data:`MAX_SECONDS` seconds per file, whatever the sheet's
  own dimension claims.
* :func:`cell_number` turns a cell into a number through :mod:`kinerja.bounds`, and refuses text whose
  magnitude is a guess (``1.000`` and ``1,000`` are a thousand in one country and one in another).
* :func:`where` writes a place as Excel does (``[book.xlsx]e-staf!F7``) with sheet names made harmless
  for a terminal (:func:`shown`).

Formulas are refused rather than read from the cached values a file may carry: a workbook written by a
program that does not calculate has no cached value (the cell would be read as empty, silently), and the
cached value is stored apart from the formula, so a crafted file can show one figure in Excel (which
recalculates on opening) and hand another to the import.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from .. import bounds
from ..report import Problem, problem
from . import canonical

#: Largest workbook on disk (a unit of 300 employees with a year of monthly values is about 2 MB).
MAX_FILE_BYTES = 20 * 2**20
#: Largest unpacked size of one zip entry, and of all of them together (the zip-bomb bound).
MAX_ENTRY_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 256 * 2**20
#: Most entries in the archive, and most worksheets (one per employee of a unit, plus the hidden sheet).
MAX_ENTRIES = 5000
MAX_SHEETS = 1000
#: Most rows and columns read per sheet (a real sheet has a few hundred rows and at most 17 columns).
MAX_ROWS = 2000
MAX_COLUMNS = 60
#: Most cells parsed per sheet, empty ones included (bounds a sheet of very wide rows).
MAX_CELLS = 200_000
#: Most cells parsed in one file (a unit of 1,000 employees with 20 rows of 17 columns has 340,000).
MAX_FILE_CELLS = 1_000_000
#: Most seconds spent on one file, and most problems collected from it (the rest are counted).
MAX_SECONDS = 120.0
MAX_PROBLEMS = 500
#: CSV, YAML and JSON: largest file and most CSV rows and columns.
MAX_TEXT_BYTES = 32 * 2**20
MAX_CSV_ROWS = 20_000
MAX_CSV_COLUMNS = 30

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MACRO_PARTS = re.compile(r"(?i)(^|/)(vbaProject\.bin|vbaData\.xml|macrosheets/|activeX/)")
SHEET_RE = re.compile(rb"<(?:\w+:)?sheet\s")
_PLAIN = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_ONE_COMMA = re.compile(r"([-+]?)([0-9]+),([0-9]+)")
_GROUPED = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+){2,}")


def say(lang: str, id_text: str, en_text: str) -> str:
    """The text in the user's language (details inside catalogue messages)."""
    return en_text if lang == "en" else id_text


def shown(text: Any, limit: int = 40) -> str:
    """``text`` safe for a terminal and a report: control and format characters escaped, length capped."""
    out = []
    for char in str(text):
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    joined = "".join(out)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def column_letter(column: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB`` (Excel's column letters)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def where(book: str, sheet: str | None = None, column: int | None = None, row: int | None = None) -> str:
    """An Excel place: ``[book.xlsx]sheet!F7``, ``[book.xlsx]sheet!7`` (a row) or ``[book.xlsx]sheet``."""
    out = f"[{shown(book, 80)}]"
    if sheet is None:
        return out
    out += shown(sheet)
    if row is not None:
        out += "!" + (column_letter(column) if column else "") + str(row)
    return out


# --- the archive -----------------------------------------------------------------------------------------
def check_archive(path: Path, lang: str = "id") -> list[Problem]:
    """Problems that make ``path`` unsafe to open as a workbook (empty when it may be opened)."""
    name, place = path.name, where(path.name)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return [problem("K842", place, name=name, detail=say(
            lang, f"{size} byte, batasnya {MAX_FILE_BYTES} byte", f"{size} bytes, the limit is {MAX_FILE_BYTES} bytes"))]
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE2_MAGIC:
        return [problem("K847", place, name=name, detail=say(
            lang, "berkas terenkripsi (berkata sandi) atau format lama .xls",
            "an encrypted (password-protected) file or the old .xls format"))]
    if not head.startswith(ZIP_MAGIC):
        return [problem("K847", place, name=name, detail=say(
            lang, "bukan arsip .xlsx (zip)", "not an .xlsx (zip) archive"))]
    try:
        with zipfile.ZipFile(path) as archive:
            found = _entry_problems(archive.infolist(), name, place, lang)
            if not found:
                found = _sheet_count_problems(archive, name, place, lang)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as exc:
        return [problem("K847", place, name=name, detail=say(lang, "arsip zip rusak", "a damaged zip archive")
                        + f" ({shown(type(exc).__name__)})")]
    return found


def _sheet_count_problems(archive: zipfile.ZipFile, name: str, place: str, lang: str) -> list[Problem]:
    """More sheets listed in ``xl/workbook.xml`` than :data:`MAX_SHEETS` (each may point to one part)."""
    try:
        listed = len(SHEET_RE.findall(archive.read("xl/workbook.xml")))
    except KeyError:
        return []   # not a workbook at all: openpyxl says so when it is opened
    if listed <= MAX_SHEETS:
        return []
    return [problem("K842", place, name=name, detail=say(
        lang, f"{listed} lembar, batasnya {MAX_SHEETS}", f"{listed} sheets, the limit is {MAX_SHEETS}"))]


def _entry_problems(entries: list[zipfile.ZipInfo], name: str, place: str, lang: str) -> list[Problem]:
    """The zip-bomb, macro and sheet-count checks on the archive's table of contents."""
    if len(entries) > MAX_ENTRIES:
        return [problem("K842", place, name=name, detail=say(
            lang, f"{len(entries)} entri zip, batasnya {MAX_ENTRIES}", f"{len(entries)} zip entries, the limit is {MAX_ENTRIES}"))]
    out: list[Problem] = []
    big = [e for e in entries if e.file_size > MAX_ENTRY_BYTES]
    total = sum(e.file_size for e in entries)
    if big or total > MAX_TOTAL_BYTES:
        largest = max(entries, key=lambda e: e.file_size)
        out.append(problem("K842", place, name=name, detail=say(
            lang, f"{total} byte setelah dibuka (bagian terbesar {shown(largest.filename)}: {largest.file_size} byte; "
                  f"batasnya {MAX_ENTRY_BYTES} per bagian dan {MAX_TOTAL_BYTES} seluruhnya)",
            f"{total} bytes unpacked (largest part {shown(largest.filename)}: {largest.file_size} bytes; the limits are "
            f"{MAX_ENTRY_BYTES} per part and {MAX_TOTAL_BYTES} in all)")))
    macros = [e.filename for e in entries if MACRO_PARTS.search(e.filename)]
    if macros:
        out.append(problem("K847", place, name=name, detail=say(
            lang, f"berisi makro ({shown(macros[0])})", f"it contains macros ({shown(macros[0])})")))
    sheets = [e for e in entries if e.filename.startswith("xl/worksheets/") and e.filename.endswith(".xml")]
    if len(sheets) > MAX_SHEETS:
        out.append(problem("K842", place, name=name, detail=say(
            lang, f"{len(sheets)} lembar, batasnya {MAX_SHEETS}", f"{len(sheets)} sheets, the limit is {MAX_SHEETS}")))
    return out


@dataclass
class Book:
    """An opened workbook: its archive, shared strings and date styles, and its sheets by name (part path
    and visibility). No sheet is parsed until :func:`read_grid` asks for it."""

    archive: zipfile.ZipFile
    strings: Any
    epoch: Any
    date_formats: Any
    timedelta_formats: Any
    parts: dict[str, tuple[str, str]]

    @property
    def sheetnames(self) -> list[str]:
        return list(self.parts)

    def close(self) -> None:
        self.archive.close()


def open_workbook(path: Path, lang: str = "id") -> tuple[Book | None, list[Problem]]:
    """The workbook's table of contents (openpyxl's reader up to, not including, its worksheets), or the
    problem that stops it from opening. openpyxl's own read-only worksheets would each parse their whole
    sheet on opening when the sheet has no ``dimension`` element; this reads none of them."""
    import warnings

    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = ExcelReader(path, read_only=True, data_only=False, keep_links=False)
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            parts = {sheet.name: (rel.target, sheet.state or "visible") for sheet, rel in reader.parser.find_sheets()}
        wb = reader.wb
        return Book(reader.archive, reader.shared_strings, wb.epoch, wb._date_formats, wb._timedelta_formats, parts), []
    except Exception as exc:  # noqa: BLE001 - whatever a crafted file raises is one clear problem
        if reader is not None:
            reader.archive.close()
        return None, [problem("K847", where(path.name), name=path.name, detail=say(
            lang, "tidak dapat dibuka sebagai buku kerja", "it cannot be opened as a workbook")
            + f" ({shown(type(exc).__name__)}: {shown(exc, 80)})")]


# --- the cells -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as read: its value and openpyxl's type (``n`` number, ``s`` text, ``f`` formula,
    ``b`` boolean, ``d`` date, ``e`` error value)."""

    value: Any
    kind: str

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None, "n")


@dataclass
class Grid:
    """The cells of one sheet (row 1 is ``rows[0]``), cut at the bounds, and what stopped the reading."""

    rows: list[tuple[Cell, ...]]
    problems: list[Problem]
    merged: list[str] = field(default_factory=list)

    def cell(self, row: int, column: int) -> Cell:
        if row < 1 or row > len(self.rows):
            return EMPTY
        cells = self.rows[row - 1]
        return cells[column - 1] if 0 < column <= len(cells) else EMPTY


@dataclass
class Budget:
    """What one file may still cost, shared by its sheets: a deadline and a number of cells to parse."""

    deadline: float
    cells: int = MAX_FILE_CELLS

    @classmethod
    def start(cls) -> "Budget":
        return cls(time.monotonic() + MAX_SECONDS, MAX_FILE_CELLS)


def read_grid(book: Book, sheet: str, label: str, budget: Budget, lang: str = "id") -> Grid:
    """The cells of ``sheet`` within :data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS` and the
    file's ``budget`` (``label`` is the file's name in messages).

    The sheet's XML is streamed with openpyxl's own parser (``data_only=False``: formulas stay formulas),
    row by row as the file has them (a row numbered 999999999 is one row, not a gap to fill); the merged
    ranges come at its end.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: dict[int, tuple[Cell, ...]] = {}
    seen = parsed = 0
    try:
        with book.archive.open(book.parts[sheet][0]) as source:
            parser = WorkSheetParser(source, book.strings, data_only=False, epoch=book.epoch,
                                     date_formats=book.date_formats, timedelta_formats=book.timedelta_formats)
            for number, cells in parser.parse():
                seen, parsed, budget.cells = seen + 1, parsed + len(cells), budget.cells - len(cells)
                stop = _over_bounds(number, cells, seen, parsed, budget)
                if stop is not None:
                    column, id_text, en_text = stop
                    return Grid(_dense(rows), [problem("K842", where(label, sheet, column, number), name=shown(sheet),
                                                       detail=say(lang, id_text, en_text))])
                if any(c["value"] is not None for c in cells):
                    rows[number] = _row(cells)
            merged = [str(m.ref) for m in (parser.merged_cells.mergeCell if parser.merged_cells else ())]
    except Exception as exc:  # noqa: BLE001 - a crafted cell (e.g. <v>NaN</v>) makes openpyxl raise
        last = max(rows, default=0)
        return Grid(_dense(rows), [problem("K849", where(label, sheet, None, last + 1), row=last,
                                           detail=f"{shown(type(exc).__name__)}: {shown(exc, 80)}")])
    return Grid(_dense(rows), [], merged[:50])


def _dense(rows: dict[int, tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [rows.get(n, ()) for n in range(1, max(rows, default=0) + 1)]


def _row(cells: list[dict[str, Any]]) -> tuple[Cell, ...]:
    """A row's cells by column (1 … the last one with a value, at most :data:`MAX_COLUMNS`)."""
    width = max((c["column"] for c in cells if c["value"] is not None and c["column"] <= MAX_COLUMNS), default=0)
    out = [EMPTY] * width
    for c in cells:
        if c["value"] is not None and c["column"] <= width:
            out[c["column"] - 1] = _cell(c["value"], c["data_type"])
    return tuple(out)


def _over_bounds(number: int, cells: list[dict[str, Any]], seen: int, parsed: int,
                 budget: Budget) -> tuple[int | None, str, str] | None:
    """Why reading stops at row ``number`` (the column, if one is to blame, and the detail), or None."""
    if (number > MAX_ROWS and any(c["value"] is not None for c in cells)) or seen > 4 * MAX_ROWS:
        return None, f"lebih dari {MAX_ROWS} baris terisi", f"more than {MAX_ROWS} rows in use"
    wide = [c for c in cells if c["column"] > MAX_COLUMNS and c["value"] is not None]
    if wide:
        return wide[0]["column"], f"lebih dari {MAX_COLUMNS} kolom terisi", f"more than {MAX_COLUMNS} columns in use"
    if parsed > MAX_CELLS:
        return None, f"lebih dari {MAX_CELLS} sel", f"more than {MAX_CELLS} cells"
    if budget.cells < 0:
        return None, f"berkas berisi lebih dari {MAX_FILE_CELLS} sel", f"the file has more than {MAX_FILE_CELLS} cells"
    if time.monotonic() > budget.deadline:
        return None, f"membaca lebih dari {MAX_SECONDS:.0f} detik", f"reading took more than {MAX_SECONDS:.0f} seconds"
    return None


def _cell(value: Any, kind: str) -> Cell:
    if kind == "f" and not isinstance(value, str):   # an array formula object
        value = str(getattr(value, "text", value))
    if kind == "s" and not isinstance(value, str):   # rich text
        value = str(value)
    return Cell(value, kind or "n")


# --- numbers ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refusal:
    """Why a cell is not a number: the catalogue code, the value as shown and the detail."""

    code: str
    value: str
    detail: str


def cell_number(cell: Cell, lang: str = "id") -> int | Decimal | Refusal:
    """The number in ``cell`` as the loader would read it back, or why it is refused."""
    value, shown_value = cell.value, shown(cell.value)
    if cell.kind == "e":
        return Refusal("K824", shown_value, say(lang, f"nilai galat Excel {shown_value}", f"the Excel error value {shown_value}"))
    if isinstance(value, bool):
        return Refusal("K824", shown_value, say(lang, f"{shown_value} bukan angka", f"{shown_value} is not a number"))
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return Refusal("K824", shown_value, say(lang, f"'{shown_value}' adalah tanggal/waktu, bukan angka; format sel sebagai Angka",
                                                f"'{shown_value}' is a date or time, not a number; format the cell as Number"))
    if isinstance(value, int):
        if abs(value) >= bounds.MAX_MAGNITUDE:
            return _out_of_bounds("too-large", shown_value, lang)
        return value
    if isinstance(value, float):
        why = bounds.float_refusal(value)
        if why is not None:
            return _out_of_bounds(why, shown_value, lang)
        number = canonical.number(value)
        return number if number is not None else _out_of_bounds("not-finite", shown_value, lang)
    if isinstance(value, str):
        return text_number(value, lang)
    return Refusal("K824", shown_value, say(lang, f"'{shown_value}' bukan angka", f"'{shown_value}' is not a number"))


def text_number(text: str, lang: str = "id") -> int | Decimal | Refusal:
    """A number written as text: a decimal point, or a single decimal comma; never a guess at magnitude.

    >>> text_number("95,5"), text_number("0,125"), text_number("1e3")
    (Decimal('95.5'), Decimal('0.125'), 1000)
    >>> [r.code for r in (text_number("1.000"), text_number("1,000"), text_number("1.234.567"))]
    ['K846', 'K846', 'K846']
    """
    clean = text.strip().replace("\u00a0", "").replace(" ", "") if len(text) <= 200 else text
    value = shown(text)
    if len(clean) > bounds.MAX_CHARS:
        return _out_of_bounds("too-long", value, lang)
    if _GROUPED.fullmatch(clean) or (clean.count(".") == 1 and "," not in clean and _thousands(clean, ".")):
        return Refusal("K846", value, say(
            lang, "pemisah ribuan atau desimal? Tulis 1000 untuk seribu atau 1,5 untuk satu setengah",
            "a thousands separator or a decimal point? Write 1000 for a thousand or 1.5 for one and a half"))
    comma = _ONE_COMMA.fullmatch(clean)
    if comma:
        if _thousands(clean, ","):
            return Refusal("K846", value, say(
                lang, "pemisah ribuan atau koma desimal? Tulis 1000 untuk seribu atau 1,5 untuk satu setengah",
                "a thousands separator or a decimal comma? Write 1000 for a thousand or 1,5 for one and a half"))
        clean = f"{comma.group(1)}{comma.group(2)}.{comma.group(3)}"
    if not _PLAIN.fullmatch(clean):
        return Refusal("K824", value, say(lang, f"'{value}' bukan angka", f"'{value}' is not a number"))
    why = bounds.refusal(clean)
    if why is not None:
        return _out_of_bounds(why, value, lang)
    number = canonical.number(clean)
    return number if number is not None else Refusal("K824", value, say(lang, f"'{value}' bukan angka",
                                                                        f"'{value}' is not a number"))


def _thousands(text: str, separator: str) -> bool:
    """True for ``1.000`` or ``12,500``: one separator, exactly three digits after it, a non-zero integer part."""
    whole, _, part = text.lstrip("+-").partition(separator)
    return len(part) == 3 and part.isdigit() and whole.isdigit() and len(whole) <= 3 and whole.lstrip("0") != ""


def _out_of_bounds(why: str, value: str, lang: str) -> Refusal:
    words = {
        "too-long": ("terlalu panjang", "too long"),
        "too-large": ("terlalu besar", "too large"),
        "too-precise": ("terlalu banyak angka di belakang koma", "too many decimal places"),
        "not-finite": ("bukan angka terhingga (NaN atau tak hingga)", "not a finite number (NaN or infinity)"),
    }[why]
    return Refusal("K845", value, say(lang, *words))


def limited(problems: Iterable[Problem], name: str, place: str, lang: str = "id") -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` problems of one file, then one that says how many were left out."""
    out: list[Problem] = []
    extra = 0
    for item in problems:
        if len(out) < MAX_PROBLEMS:
            out.append(item)
        else:
            extra += 1
    if extra:
        out.append(problem("K842", place, name=name, detail=say(
            lang, f"lebih dari {MAX_PROBLEMS} masalah; {extra} lagi tidak ditampilkan",
            f"more than {MAX_PROBLEMS} problems; {extra} more are not shown")))
    return out
