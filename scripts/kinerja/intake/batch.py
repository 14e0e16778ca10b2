"""The batch path: an Excel template per unit and period, and the import of filled files.

The template (``kinerja intake template --unit U --period P --out FILE.xlsx``) has one sheet per
employee with an SKP in the unit for the period. The sheet's name is the employee's id (no names unless
``--staff``); a hidden sheet ``_kinerja`` records the unit, the period and which sheet is whose. Each
employee sheet holds two tables:

* **Values** (header on row 4): one row per target and indicator (under PP 46/2011 one row per aspect:
  quantity, quality, time, cost) with the columns ``target``, ``indicator``, ``text``, ``unit``,
  ``target value`` and then **one column per reporting period** of the period's cadence (``2026-01`` …
  ``2026-12``, or ``2026-Q1`` …). The value cells carry data validation (numbers, with the schema's
  bounds). A filled cell becomes that entry's value in that reporting period's realisation.
* **Remarks** (below the values): one row per remark with ``reporting period``, ``target``,
  ``indicator``, ``not available (reason)``, ``evidence title``, ``evidence URL`` and ``note``. A
  remark adds evidence and a note to the entry, or marks it not available.

``kinerja intake import FILE…`` reads filled workbooks, CSV (the columns ``employee``, ``period``,
``reporting_period``, ``target``, ``indicator``, ``value``, ``not_available``, ``evidence_title``,
``evidence_url``, ``note``; one row per entry), YAML or JSON realisation files (one document, or a
list of them), checks everything with the validator, and commits the canonical files on one branch,
one commit per employee. Problems point to the cell: ``[book.xlsx]p0012!F7`` (file, sheet, column
letter, row).

A workbook is untrusted: :mod:`kinerja.intake.sheets` bounds the archive and every sheet before a cell
is read; the hidden sheet is checked value by value against the repository (:func:`_read_meta`), and
the workbook's unit bounds which employees it may write and where (:func:`_placed`). Every file is read
in full and every sound draft validated, so one run reports all problems.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import bounds
from .. import model as m
from ..load import Loaded, layout, yamlsafe
from ..outdir import TEMPLATE, write_file
from ..report import Problem, problem
from . import sheets
from .core import Intake, Prepared, Refused
from .gitops import Author, GitError

META = "_kinerja"
HEADER_ROW = 4
ASPECTS = ("quantity", "quality", "time", "cost")
WORDS = {
    "id": {"target": "target", "indicator": "indikator", "text": "uraian", "unit": "satuan", "target_value": "target",
           "values": "Realisasi per periode pelaporan (isi angka; kosongkan bila belum dilaporkan)",
           "remarks": "Keterangan: tidak tersedia, bukti dukung, catatan (satu baris per keterangan)",
           "rp": "periode pelaporan", "na": "tidak tersedia (alasan)", "ev_title": "nama bukti", "ev_url": "tautan bukti",
           "note": "catatan", "number": "Isi angka (titik atau koma desimal).", "bad_number": "Bukan angka",
           "title": "Realisasi {employee} — {position} — periode {period} — unit {unit}"},
    "en": {"target": "target", "indicator": "indicator", "text": "text", "unit": "unit", "target_value": "target value",
           "values": "Achieved per reporting period (numbers; leave empty when not reported)",
           "remarks": "Remarks: not available, evidence, notes (one row per remark)",
           "rp": "reporting period", "na": "not available (reason)", "ev_title": "evidence title", "ev_url": "evidence URL",
           "note": "note", "number": "Enter a number.", "bad_number": "Not a number",
           "title": "Realisation {employee} — {position} — period {period} — unit {unit}"},
}
REMARK_ROWS = 20
CSV_COLUMNS = ("employee", "period", "reporting_period", "target", "indicator", "value", "not_available",
               "evidence_title", "evidence_url", "note")


class BatchError(Exception):
    """Raised by the template and import with catalogue problems (the CLI prints them, exit 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = problems


# --- template ------------------------------------------------------------------------------------------
def _rows(contract: m.Contract, regime: str) -> list[tuple[str, str, str, str, Any]]:
    """(target, indicator or aspect, text, unit, target value) rows of a contract."""
    rows = []
    for target in contract.targets:
        if regime == "pp46-2011":
            aspects = [("quantity", target.quantity.unit if target.quantity else "", target.quantity.target if target.quantity else None),
                       ("quality", "0-100", target.quality), ("time", target.time.unit if target.time else "",
                                                                 target.time.target if target.time else None)]
            if target.cost is not None:
                aspects.append(("cost", "Rp", target.cost))
            rows.extend((target.id, name, target.text, unit or "", value) for name, unit, value in aspects)
        else:
            for ind in target.indicators:
                shown: Any = ind.target.value if ind.target.value is not None else (
                    f"{ind.target.low}–{ind.target.high}" if ind.target.is_range else ind.target.text or "")
                rows.append((target.id, ind.id, ind.text, ind.unit, shown))
    return rows


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def write_template(loaded: Loaded, unit: str, period: str, out: Path, lang: str = "id", staff: bool = False) -> list[str]:
    """Write the workbook; returns the employee ids (one sheet each). ``out`` must be missing or a
    template written before (:func:`kinerja.outdir.write_file`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    province = loaded.province
    words = WORDS["en" if lang == "en" else "id"]
    if unit not in province.units:
        raise BatchError([problem("K817", "(template)", field="--unit", value=unit)])
    if period not in province.periods:
        raise BatchError([problem("K817", "(template)", field="--period", value=period)])
    the_period = province.periods[period]
    rps = the_period.reporting_periods()
    contracts = sorted((c for c in province.contracts.values() if c.unit == unit and c.period == period),
                       key=lambda c: c.employee)
    wb = Workbook()
    meta = wb.active
    meta.title = META
    meta.append(["kinerja-intake-template", 1])
    meta.append(["unit", unit])
    meta.append(["period", period])
    meta.append(["regime", the_period.regime])
    meta.append(["sheet", "employee", "position", "first_row", "last_row", "remarks_row"])
    meta.sheet_state = "hidden"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    used_names: set[str] = set()
    employees = []
    for contract in contracts:
        name = contract.employee[:31]
        n = 2
        while name in used_names:
            name = f"{contract.employee[:28]}~{n}"
            n += 1
        used_names.add(name)
        employees.append(contract.employee)
        ws = wb.create_sheet(name)
        position = province.positions.get(contract.position)
        employee = province.employees.get(contract.employee)
        title = words["title"].format(employee=contract.employee + (f" ({employee.name})" if staff and employee else ""),
                                      position=position.title if position else contract.position, period=period, unit=unit)
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        ws.cell(2, 1, words["values"])
        header = [words["target"], words["indicator"], words["text"], words["unit"], words["target_value"], *rps]
        for col, text in enumerate(header, start=1):
            cell = ws.cell(HEADER_ROW, col, text)
            cell.font = bold
        rows = _rows(contract, the_period.regime)
        first = HEADER_ROW + 1
        last = first + len(rows) - 1
        for i, (target, indicator, text, unit_name, value) in enumerate(rows):
            r = first + i
            for col, item in enumerate((target, indicator, text, unit_name, _cell_value(value)), start=1):
                ws.cell(r, col, item).protection = Protection(locked=True)
            ws.cell(r, 3).alignment = Alignment(wrap_text=True, vertical="top")
            for col in range(6, 6 + len(rps)):
                cell = ws.cell(r, col)
                cell.fill = fill
                cell.number_format = "General"
        if rows:
            for j, (_, indicator, *_rest) in enumerate(rows):
                r = first + j
                bounds = {"quality": ("between", "0", "100")}.get(indicator, ("greaterThanOrEqual", "0", None)
                                                                   if indicator in ASPECTS else ("between", "-1000000000000", "1000000000000"))
                dv = DataValidation(type="decimal", operator=bounds[0], formula1=bounds[1], formula2=bounds[2],
                                    allow_blank=True, showErrorMessage=True, errorTitle=words["bad_number"],
                                    error=words["number"], promptTitle=words["values"][:32], prompt=words["number"])
                dv.add(f"{get_column_letter(6)}{r}:{get_column_letter(5 + len(rps))}{r}")
                ws.add_data_validation(dv)
        remarks = last + 3
        ws.cell(remarks - 1, 1, words["remarks"])
        for col, text in enumerate([words["rp"], words["target"], words["indicator"], words["na"], words["ev_title"],
                                    words["ev_url"], words["note"]], start=1):
            ws.cell(remarks, col, text).font = bold
        rp_list = DataValidation(type="list", formula1='"' + ",".join(rps) + '"', allow_blank=True)
        rp_list.add(f"A{remarks + 1}:A{remarks + REMARK_ROWS}")
        ws.add_data_validation(rp_list)
        for col, width in zip("ABCDEFG", (14, 12, 48, 28, 28, 40, 40)):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 6)
        meta.append([name, contract.employee, contract.position, first, last, remarks])
    if not employees:
        raise BatchError([problem("K825", "(template)", where=f"{unit}/{period}", ref="-", period=period)])
    # Written beside ``out`` and renamed into place; an existing ``out`` is replaced only when it is a
    # template we wrote (anything else: OutputRefused, nothing touched).
    write_file(out, TEMPLATE, wb.save, (loaded.root,))
    return employees


# --- import --------------------------------------------------------------------------------------------
@dataclass
class Draft:
    """One realisation being assembled from rows, with where each value came from.

    ``unit`` is the unit of the workbook it came from (which bounds where it may be written; None for CSV,
    YAML and JSON); ``broken`` marks a draft whose rows had problems (it is not validated: its missing
    values would only repeat them).
    """

    unit: str | None
    employee: str
    period: str
    reporting_period: str
    entries: "OrderedDict[tuple[str, str | None], dict[str, Any]]" = field(default_factory=OrderedDict)
    origins: dict[tuple[Any, ...], str] = field(default_factory=dict)
    source: str = ""
    raw: dict[str, Any] | None = None   # a whole document (YAML/JSON import)
    broken: bool = False

    def entry(self, target: str, indicator: str | None) -> dict[str, Any]:
        key = (target, indicator or None)
        if key not in self.entries:
            self.entries[key] = {"target": target, **({"indicator": indicator} if indicator else {})}
        return self.entries[key]

    def data(self) -> dict[str, Any]:
        if self.raw is not None:
            return self.raw
        return {"employee": self.employee, "period": self.period, "reporting_period": self.reporting_period,
                "entries": list(self.entries.values())}

    def origin_of(self, path: tuple[str | int, ...]) -> str | None:
        """The cell a problem's field path came from (the most specific known)."""
        keys = list(self.entries)
        if len(path) >= 2 and path[0] == "entries" and isinstance(path[1], int) and path[1] < len(keys):
            key = keys[path[1]]
            for n in range(len(path), 1, -1):
                tail = path[2:n]
                found = self.origins.get((key, *tail))
                if found:
                    return found
            return self.origins.get((key,))
        return self.source or None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _refused(refusal: sheets.Refusal, where: str) -> Problem:
    """The catalogue problem for a cell that is not an acceptable number."""
    return problem(refusal.code, where, where=where, value=refusal.value, detail=refusal.detail)


# --- the template workbook ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Meta:
    """What the hidden sheet says, once every value is checked against the repository."""

    unit: str
    period: str
    reporting_periods: tuple[str, ...]
    sheets: dict[str, str]          # sheet name → employee id (only sheets whose row is sound)
    refused: frozenset[str]         # sheet names whose row in the hidden sheet was refused


@dataclass(frozen=True)
class SheetInfo:
    """One employee sheet being read: the book, the sheet, whose it is and the workbook's meta."""

    book: str
    name: str
    employee: str
    meta: Meta

    def at(self, column: int | None, row: int) -> str:
        return sheets.where(self.book, self.name, column, row)


def read_workbook(path: Path, province: m.Province, lang: str = "id") -> tuple[list[Draft], list[Problem]]:
    """The drafts of a filled template and every problem found in it (all sheets, one round).

    Nothing in the file is trusted: the archive is checked before it is opened, every sheet is read within
    bounds, the hidden sheet is checked against the repository, and each employee sheet must be one of the
    workbook unit's employees with an SKP in that unit.
    """
    problems = sheets.check_archive(path, lang)
    if problems:
        return [], problems
    wb, problems = sheets.open_workbook(path, lang)
    if wb is None:
        return [], problems
    try:
        drafts, problems = _read_template(wb, path.name, province, lang)
    finally:
        wb.close()
    return drafts, sheets.limited(problems, path.name, sheets.where(path.name), lang)


def _read_template(wb: sheets.Book, book: str, province: m.Province, lang: str) -> tuple[list[Draft], list[Problem]]:
    budget = sheets.Budget.start()
    if META not in wb.sheetnames:
        return [], [problem("K840", sheets.where(book), name=book, detail=sheets.say(
            lang, "lembar itu tidak ada", "that sheet is not there"))]
    grid = sheets.read_grid(wb, META, book, budget, lang)
    if grid.problems:
        return [], grid.problems
    meta, problems = _read_meta(grid, book, wb.sheetnames, province, lang)
    if meta is None:
        return [], problems
    drafts: list[Draft] = []
    for name in wb.sheetnames:
        if name == META or name in meta.refused:
            continue
        if name not in meta.sheets:
            place = sheets.where(book, name)
            problems.append(problem("K825", place, where=place, ref=sheets.shown(name), period=meta.period))
            continue
        info = SheetInfo(book, name, meta.sheets[name], meta)
        grid = sheets.read_grid(wb, name, book, budget, lang)
        found, errs = _read_sheet(grid, info, lang) if not grid.problems else ([], [])
        errs = grid.problems + errs + _merged(grid, info, lang)
        for d in found:
            d.broken = bool(errs)
        drafts.extend(found)
        problems.extend(errs)
    return drafts, problems


def _read_meta(grid: sheets.Grid, book: str, names: list[str], province: m.Province,
               lang: str) -> tuple[Meta | None, list[Problem]]:
    """The hidden sheet checked value by value: ``None`` when its unit or period cannot be trusted."""
    def bad(row: int, column: int, id_text: str, en_text: str) -> Problem:
        return problem("K840", sheets.where(book, META, column, row), name=book, detail=sheets.say(lang, id_text, en_text))

    problems: list[Problem] = []
    head = [(_text(grid.cell(r, 1).value), grid.cell(r, 2).value) for r in range(1, 5)]
    if head[0] != ("kinerja-intake-template", 1):
        problems.append(bad(1, 1, "penanda templat berubah", "the template marker was changed"))
    unit, period = _text(head[1][1]), _text(head[2][1])
    if head[1][0] != "unit" or not _full(layout.ID, unit) or unit not in province.units:
        problems.append(bad(2, 2, f"'{sheets.shown(unit)}' bukan unit di repositori ini",
                            f"'{sheets.shown(unit)}' is not a unit of this repository"))
    if head[2][0] != "period" or not _full(layout.ID, period) or period not in province.periods:
        problems.append(bad(3, 2, f"'{sheets.shown(period)}' bukan periode di repositori ini",
                            f"'{sheets.shown(period)}' is not a period of this repository"))
    elif head[3] != ("regime", province.periods[period].regime):
        problems.append(bad(4, 2, f"aturan penilaian periode {period} kini {province.periods[period].regime}",
                            f"the scoring regime of period {period} is now {province.periods[period].regime}"))
    if [_text(grid.cell(5, c).value) for c in range(1, 7)] != list(META_HEADER):
        problems.append(bad(5, 1, "judul kolom berubah", "the column titles were changed"))
    if problems:
        return None, problems
    the_period = province.periods[period]
    meta_sheets, refused = _meta_rows(grid, _MetaScope(book, frozenset(names), unit, period, province, lang), problems)
    return Meta(unit, period, tuple(the_period.reporting_periods()), meta_sheets, frozenset(refused)), problems


META_HEADER = ("sheet", "employee", "position", "first_row", "last_row", "remarks_row")


@dataclass(frozen=True)
class _MetaScope:
    """What a row of the hidden sheet is checked against: the workbook, its unit and period, the data."""

    book: str
    names: frozenset[str]           # the workbook's sheet names
    unit: str
    period: str
    province: m.Province
    lang: str

    def bad(self, row: int, column: int, detail: str, code: str = "K840", employee: str = "") -> Problem:
        place = sheets.where(self.book, META, column, row)
        if code == "K841":
            return problem(code, place, ref=employee, unit=self.unit, period=self.period, detail=detail)
        return problem(code, place, name=self.book, detail=detail)


def _meta_rows(grid: sheets.Grid, scope: _MetaScope, problems: list[Problem]) -> tuple[dict[str, str], set[str]]:
    """Sheet name → employee for every sound row of the hidden sheet; the names of the refused ones."""
    found: dict[str, str] = {}
    refused: set[str] = set()
    for row in range(6, len(grid.rows) + 1):
        cells = [grid.cell(row, c).value for c in range(1, 7)]
        if all(v is None for v in cells):
            continue
        name = _text(cells[0])
        trouble = _meta_row_problem(cells, row, scope, found)
        if trouble is None:
            found[name] = _text(cells[1])
        else:
            problems.append(trouble)
            refused.add(name)
    return found, refused


def _meta_row_problem(cells: list[Any], row: int, scope: _MetaScope, found: dict[str, str]) -> Problem | None:
    """Why one row of the hidden sheet (sheet, employee, position, rows) cannot be trusted, or None."""
    name, employee = _text(cells[0]), _text(cells[1])
    say = functools.partial(sheets.say, scope.lang)
    shown_name, shown_employee = sheets.shown(name), sheets.shown(employee)
    if name not in scope.names or name == META or name in found:
        return scope.bad(row, 1, say(f"lembar '{shown_name}' tidak ada atau tercatat dua kali",
                                     f"the sheet '{shown_name}' is not in the workbook or is listed twice"))
    if not _full(layout.ID, employee) or employee not in scope.province.employees:
        return scope.bad(row, 2, say(f"'{shown_employee}' bukan pegawai di repositori ini",
                                     f"'{shown_employee}' is not an employee of this repository"))
    if employee in found.values():
        return scope.bad(row, 2, say(f"pegawai '{employee}' tercatat untuk dua lembar",
                                     f"employee '{employee}' is listed for two sheets"))
    if name != employee[:31] and not name.startswith(employee[:28] + "~"):
        return scope.bad(row, 1, say(f"lembar '{shown_name}' tercatat sebagai milik '{employee}'",
                                     f"the sheet '{shown_name}' is recorded as '{employee}''s"))
    contract = scope.province.contracts.get((employee, scope.period))
    if contract is None or contract.unit != scope.unit:
        detail = say("tidak ada SKP", "there is no SKP") if contract is None else say(
            f"SKP-nya di unit {contract.unit}", f"the SKP is in unit {contract.unit}")
        return scope.bad(row, 2, detail, "K841", employee)
    if _text(cells[2]) != contract.position:
        return scope.bad(row, 3, say(f"jabatan dalam SKP kini {contract.position}",
                                     f"the SKP's position is now {contract.position}"))
    numbers = cells[3:6]
    if not all(isinstance(n, int) and not isinstance(n, bool) and HEADER_ROW < n <= sheets.MAX_ROWS for n in numbers) \
            or not numbers[0] <= numbers[1] + 1 <= numbers[2]:
        return scope.bad(row, 4, say("nomor baris tabel berubah", "the table row numbers were changed"))
    return None


def _full(pattern: str, value: str) -> bool:
    return re.fullmatch(pattern, value) is not None


def _merged(grid: sheets.Grid, info: SheetInfo, lang: str) -> list[Problem]:
    """Merged cells are refused: only the first cell of a merged range keeps its value."""
    return [problem("K844", f"{sheets.where(info.book, info.name)}!{sheets.shown(ref)}", detail=sheets.say(
        lang, f"sel digabung ({sheets.shown(ref)}); pisahkan gabungan sel (Unmerge)",
        f"merged cells ({sheets.shown(ref)}); unmerge them")) for ref in grid.merged]


def _header_words(key: str) -> set[str]:
    return {WORDS[lang][key].casefold() for lang in WORDS}


def _read_header(grid: sheets.Grid, info: SheetInfo, lang: str) -> tuple[list[tuple[int, str]], list[Problem]]:
    """The reporting-period columns of the values table, or the problems of a changed header."""
    problems: list[Problem] = []
    for column, key in enumerate(("target", "indicator", "text", "unit", "target_value"), start=1):
        text = _text(grid.cell(HEADER_ROW, column).value)
        if text.casefold() not in _header_words(key):
            problems.append(problem("K844", info.at(column, HEADER_ROW), detail=sheets.say(
                lang, f"judul kolom '{sheets.shown(text)}', seharusnya '{WORDS['id'][key]}'",
                f"the column title is '{sheets.shown(text)}', expected '{WORDS['en'][key]}'")))
    columns: list[tuple[int, str]] = []
    width = len(grid.rows[HEADER_ROW - 1]) if len(grid.rows) >= HEADER_ROW else 0
    for column in range(6, width + 1):
        text = _text(grid.cell(HEADER_ROW, column).value)
        if not text:
            continue
        if text not in info.meta.reporting_periods or text in (h for _, h in columns):
            problems.append(problem("K844", info.at(column, HEADER_ROW), detail=sheets.say(
                lang, f"'{sheets.shown(text)}' bukan periode pelaporan periode {info.meta.period} (atau tercatat dua kali)",
                f"'{sheets.shown(text)}' is not a reporting period of period {info.meta.period} (or is there twice)")))
        else:
            columns.append((column, text))
    return columns, problems


def _tables(grid: sheets.Grid) -> tuple[int, int | None]:
    """The last row of the values table (before the remarks title) and the remarks header row."""
    titles = {WORDS[lang]["remarks"].casefold() for lang in WORDS}
    headers = _header_words("rp")
    for row in range(HEADER_ROW + 1, len(grid.rows) + 1):
        text = _text(grid.cell(row, 1).value).casefold()
        if text in headers:
            return row - 1, row
        if text in titles and _text(grid.cell(row + 1, 1).value).casefold() in headers:
            return row - 1, row + 1
    return len(grid.rows), None


def _read_sheet(grid: sheets.Grid, info: SheetInfo, lang: str) -> tuple[list[Draft], list[Problem]]:
    """The drafts of one employee sheet (one per reporting period with a value) and its problems."""
    columns, problems = _read_header(grid, info, lang)
    if problems:
        return [], problems
    drafts: dict[str, Draft] = {}
    values_end, remarks = _tables(grid)
    _read_values(grid, info, columns, values_end, drafts, problems, lang)
    if remarks is not None:
        _read_remarks(grid, info, remarks, drafts, problems, lang)
    return list(drafts.values()), problems


def _draft(drafts: dict[str, Draft], info: SheetInfo, rp: str) -> Draft:
    if rp not in drafts:
        drafts[rp] = Draft(info.meta.unit, info.employee, info.meta.period, rp, source=info.at(1, HEADER_ROW))
    return drafts[rp]


def _formulas(grid: sheets.Grid, info: SheetInfo, row: int) -> list[Problem]:
    """Every formula of a row of a table: reported, never read (see :mod:`kinerja.intake.sheets`)."""
    cells = grid.rows[row - 1] if row <= len(grid.rows) else ()
    return [problem("K843", info.at(c, row), formula=sheets.shown(cell.value, 60))
            for c, cell in enumerate(cells, start=1) if cell.kind == "f"]


def _read_values(grid: sheets.Grid, info: SheetInfo, columns: list[tuple[int, str]], end: int,
                 drafts: dict[str, Draft], problems: list[Problem], lang: str) -> None:
    """The values table: one row per target and indicator (or aspect), one column per reporting period."""
    filled = [r for r in range(HEADER_ROW + 1, end + 1) if not _blank(grid, r)]
    wanted = {c for c, _ in columns}
    for row in range(HEADER_ROW + 1, (filled[-1] if filled else HEADER_ROW) + 1):
        if _blank(grid, row):
            problems.append(problem("K844", info.at(None, row), detail=sheets.say(
                lang, f"baris {row} kosong di tengah tabel nilai", f"row {row} is empty inside the values table")))
            continue
        problems.extend(_formulas(grid, info, row))
        target, indicator = _text(grid.cell(row, 1).value), _text(grid.cell(row, 2).value)
        if not target:
            problems.append(problem("K844", info.at(1, row), detail=sheets.say(
                lang, "baris berisi tetapi target (kolom A) kosong", "the row has content but no target (column A)")))
            continue
        for column, cell in enumerate(grid.rows[row - 1], start=1):
            if column > 5 and column not in wanted and not cell.blank:
                problems.append(problem("K844", info.at(column, row), detail=sheets.say(
                    lang, "nilai di kolom tanpa periode pelaporan", "a value in a column without a reporting period")))
        for column, rp in columns:
            _read_value(grid.cell(row, column), info.at(column, row), target, indicator,
                        _draft(drafts, info, rp) if not grid.cell(row, column).blank else None, problems, lang)


def _read_value(cell: sheets.Cell, place: str, target: str, indicator: str, d: Draft | None,
                problems: list[Problem], lang: str) -> None:
    """One value cell into its draft (``d`` is None for an empty cell)."""
    if d is None or cell.kind == "f":
        return
    number = sheets.cell_number(cell, lang)
    if isinstance(number, sheets.Refusal):
        problems.append(_refused(number, place))
        return
    aspect = indicator in ASPECTS
    key = (target, None if aspect else indicator or None)
    entry = d.entry(*key)
    entry[indicator if aspect else "value"] = number
    d.origins[(key, indicator if aspect else "value")] = place
    d.origins.setdefault((key,), place)


def _blank(grid: sheets.Grid, row: int) -> bool:
    return row > len(grid.rows) or all(cell.blank for cell in grid.rows[row - 1])


def _read_remarks(grid: sheets.Grid, info: SheetInfo, header: int, drafts: dict[str, Draft],
                  problems: list[Problem], lang: str) -> None:
    """The remarks table: not available, evidence and notes, one row per remark (blank rows are allowed)."""
    for row in range(header + 1, len(grid.rows) + 1):
        if _blank(grid, row):
            continue
        problems.extend(_formulas(grid, info, row))
        extra = [c for c, cell in enumerate(grid.rows[row - 1], start=1) if c > 7 and not cell.blank]
        if extra:
            problems.append(problem("K844", info.at(extra[0], row), detail=sheets.say(
                lang, "isi di luar tabel keterangan (kolom A–G)", "content outside the remarks table (columns A–G)")))
        cells = [grid.cell(row, c) for c in range(1, 8)]
        if any(c.kind == "f" for c in cells):
            continue
        _read_remark(row, [_text(c.value) for c in cells], info, drafts, problems, lang)


def _read_remark(row: int, cells: list[str], info: SheetInfo, drafts: dict[str, Draft], problems: list[Problem],
                 lang: str) -> None:
    rp, target, indicator, na, ev_title, ev_url, note = cells
    if rp not in drafts and rp not in info.meta.reporting_periods:
        problems.append(problem("K824", info.at(1, row), where=info.at(1, row), detail=sheets.say(
            lang, f"periode pelaporan '{sheets.shown(rp)}' bukan salah satu kolom periode",
            f"reporting period '{sheets.shown(rp)}' is not one of the columns")))
        return
    if not target:
        problems.append(problem("K824", info.at(2, row), where=info.at(2, row), detail=sheets.say(
            lang, "target kosong", "target is empty")))
        return
    d = _draft(drafts, info, rp)
    key = (target, indicator or None)
    if key not in d.entries and indicator == "" and any(k[0] == target for k in d.entries):
        key = next(k for k in d.entries if k[0] == target)
    entry = d.entry(*key)
    d.origins.setdefault((key,), info.at(1, row))
    if na:
        entry["not_available"] = na
        d.origins[(key, "not_available")] = info.at(4, row)
    if ev_title or ev_url:
        evidence = entry.setdefault("evidence", [])
        d.origins[(key, "evidence", len(evidence))] = info.at(5, row)
        d.origins[(key, "evidence", len(evidence), "url")] = info.at(6, row)
        evidence.append({"title": ev_title, **({"url": ev_url} if ev_url else {})})
    if note:
        entry["note"] = (entry["note"] + "\n" + note) if entry.get("note") else note
        d.origins[(key, "note")] = info.at(7, row)


# --- CSV, YAML, JSON -----------------------------------------------------------------------------------
def _read_text_file(path: Path, lang: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a CSV, YAML or JSON file, refused above :data:`sheets.MAX_TEXT_BYTES`."""
    size = path.stat().st_size
    if size > sheets.MAX_TEXT_BYTES:
        return None, [problem("K842", path.name, name=path.name, detail=sheets.say(
            lang, f"{size} byte, batasnya {sheets.MAX_TEXT_BYTES} byte", f"{size} bytes, the limit is {sheets.MAX_TEXT_BYTES} bytes"))]
    with path.open("rb") as handle:
        return handle.read(sheets.MAX_TEXT_BYTES + 1), []


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [problem("K848", name, line, column, name=name, at_line=line, at_column=column)]


def read_csv(path: Path, default_period: str | None, lang: str = "id") -> tuple[list[Draft], list[Problem]]:
    """The drafts of a CSV file (one row per entry), at most :data:`sheets.MAX_CSV_ROWS` rows."""
    raw, problems = _read_text_file(path, lang)
    if raw is None:
        return [], problems
    text, problems = _decode(raw, path.name)
    if text is None:
        return [], problems
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header_row = next(reader, None)
    if not header_row:
        return [], [problem("K829", str(path), name=path.name)]
    header = [h.strip().lower() for h in header_row]
    missing = [c for c in ("employee", "reporting_period", "target") if c not in header]
    if missing:
        return [], [problem("K826", str(path), name=path.name, detail=f"missing column(s): {', '.join(missing)}")]
    col = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    try:   # first the shape (C speed, bounded), then the meaning
        rows = list(itertools.islice(reader, sheets.MAX_CSV_ROWS + 1))
    except csv.Error as exc:
        return [], [problem("K826", f"{path.name}!{reader.line_num}", name=path.name, detail=sheets.shown(exc, 80))]
    wide = next((n for n, row in enumerate(rows, start=2) if len(row) > sheets.MAX_CSV_COLUMNS), None)
    if len(rows) > sheets.MAX_CSV_ROWS or wide is not None:
        return [], [problem("K842", f"{path.name}!{wide or len(rows) + 1}", name=path.name, detail=sheets.say(
            lang, f"lebih dari {sheets.MAX_CSV_ROWS} baris atau {sheets.MAX_CSV_COLUMNS} kolom",
            f"more than {sheets.MAX_CSV_ROWS} rows or {sheets.MAX_CSV_COLUMNS} columns"))]
    drafts: dict[tuple[str, str], Draft] = {}
    for n, row in enumerate(rows, start=2):
        if any(cell.strip() for cell in row):
            _csv_row(path.name, n, row, col, default_period, drafts, problems, lang)
    return list(drafts.values()), sheets.limited(problems, path.name, path.name, lang)


def _csv_row(name: str, n: int, row: list[str], col: dict[str, int], default_period: str | None,
             drafts: dict[tuple[str, str], Draft], problems: list[Problem], lang: str) -> None:
    """One CSV row (one entry) into its draft."""
    def get(field_name: str) -> str:
        return row[col[field_name]].strip() if field_name in col and col[field_name] < len(row) else ""

    def at(field_name: str) -> str:
        return f"{name}!{sheets.column_letter(col[field_name] + 1) if field_name in col else 'A'}{n}"

    employee, rp, target = get("employee"), get("reporting_period"), get("target")
    period = get("period") or default_period or (rp[:4] if rp else "")
    key = (employee, rp)
    if key not in drafts:
        drafts[key] = Draft(None, employee, period, rp, source=f"{name}!A{n}")
    d = drafts[key]
    indicator = get("indicator") or None
    entry = d.entry(target, indicator)
    ekey = (target, indicator)
    d.origins.setdefault((ekey,), at("target"))
    if get("value"):
        number = sheets.text_number(get("value"), lang)
        if isinstance(number, sheets.Refusal):
            problems.append(_refused(number, at("value")))
            d.broken = True
        else:
            entry["value"] = number
            d.origins[(ekey, "value")] = at("value")
    if get("not_available"):
        entry["not_available"] = get("not_available")
        d.origins[(ekey, "not_available")] = at("not_available")
    if get("evidence_title") or get("evidence_url"):
        evidence = entry.setdefault("evidence", [])
        d.origins[(ekey, "evidence", len(evidence))] = at("evidence_title")
        d.origins[(ekey, "evidence", len(evidence), "url")] = at("evidence_url")
        evidence.append({"title": get("evidence_title"), **({"url": get("evidence_url")} if get("evidence_url") else {})})
    if get("note"):
        entry["note"] = get("note")
        d.origins[(ekey, "note")] = at("note")


class _OutOfBounds(ValueError):
    """A JSON number beyond :mod:`kinerja.bounds` (raised from the parser's number hooks)."""


def _json_number(text: str) -> int | Decimal:
    why = bounds.refusal(text)
    if why is not None:
        raise _OutOfBounds(f"{sheets.shown(text)}: {why}")
    return int(text) if re.fullmatch(r"-?[0-9]+", text) else Decimal(text)


def read_documents(path: Path, lang: str = "id") -> tuple[list[dict[str, Any]], list[Problem]]:
    """Realisation documents from a YAML or JSON file (one document, or a list of them)."""
    raw, problems = _read_text_file(path, lang)
    if raw is None:
        return [], problems
    if path.suffix.lower() == ".json":
        text, problems = _decode(raw, path.name)
        if text is None:
            return [], problems
        try:
            data = json.loads(text, parse_float=_json_number, parse_int=_json_number,
                              parse_constant=lambda c: (_ for _ in ()).throw(_OutOfBounds(f"{c}: not-finite")))
        except _OutOfBounds as exc:
            return [], [problem("K845", str(path), value=str(exc).split(":")[0], detail=str(exc).rsplit(": ", 1)[-1])]
        except (ValueError, RecursionError) as exc:
            return [], [problem("K826", str(path), name=path.name, detail=sheets.shown(exc, 120))]
    else:
        data, problems = yamlsafe.load_bytes(raw, str(path))
        if problems:
            return [], problems
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(i, dict) for i in items):
        return [], [problem("K826", str(path), name=path.name, detail="expected a realisation mapping or a list of them")]
    return items, []


# --- the import ------------------------------------------------------------------------------------------
@dataclass
class ImportResult:
    branch: str
    commits: list[tuple[str, str, list[str]]]   # (employee, commit, files)
    files: list[Prepared]


def read_files(intake: Intake, paths: list[Path], period: str | None = None,
               lang: str = "id") -> tuple[list[Draft], list[Problem]]:
    """Every draft and every reading problem of ``paths`` (each file read in full, whatever the others hold)."""
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for path in paths:
        suffix = path.suffix.lower()
        if not path.is_file():
            problems.append(problem("K826", str(path), name=str(path), detail="not found"))
        elif suffix == ".xlsx":
            found, errs = read_workbook(path, intake.snapshot().province, lang)
            drafts.extend(found)
            problems.extend(errs)
        elif suffix in (".xlsm", ".xltm", ".xlsb", ".xls"):
            problems.append(problem("K847", sheets.where(path.name), name=path.name, detail=sheets.say(
                lang, f"format {suffix} (bisa berisi makro) tidak diterima", f"the {suffix} format (it may hold macros) is not accepted")))
        elif suffix == ".csv":
            found, errs = read_csv(path, period, lang)
            drafts.extend(found)
            problems.extend(errs)
        elif suffix in (".yaml", ".yml", ".json"):
            docs, errs = read_documents(path, lang)
            problems.extend(errs)
            drafts.extend(Draft(None, _text(doc.get("employee")), _text(doc.get("period")),
                                _text(doc.get("reporting_period")), source=path.name, raw=doc) for doc in docs)
        else:
            problems.append(problem("K826", str(path), name=path.name, detail=f"unknown format '{suffix}'"))
    return drafts, problems


def _placed(intake: Intake, drafts: list[Draft], problems: list[Problem]) -> list[Draft]:
    """The drafts whose place is sound: known ids, and inside the unit folder of their workbook."""
    out = []
    for d in drafts:
        try:
            unit, employee, period, _, path = intake.place("realisation", d.data())
        except Refused as exc:
            problems.extend(problem(p.code, d.source, None, None, p.path, **dict(p.params)) for p in exc.problems)
            continue
        if d.unit is not None and (unit != d.unit or not path.startswith(f"{layout.DATA_DIR}/units/{d.unit}/")):
            problems.append(problem("K841", d.source, ref=employee, unit=d.unit, period=period, detail=path))
            continue
        out.append(d)
    return out


def import_files(intake: Intake, paths: list[Path], branch: str | None = None, user: str = "kinerja-import",
                 period: str | None = None, lang: str = "id") -> ImportResult:
    """Read, check and commit; :class:`BatchError` with every problem when anything is wrong.

    Every file is read in full and every sound draft is validated even when another has problems, so one
    run reports everything; nothing is committed unless there is no problem at all.
    """
    drafts, problems = read_files(intake, paths, period, lang)
    if not drafts and not problems:
        raise BatchError([problem("K829", ", ".join(p.name for p in paths), name=", ".join(p.name for p in paths))])
    sound = _placed(intake, [d for d in drafts if not d.broken], problems)
    prepared: list[Prepared] = []
    if sound:
        items = [d.data() for d in sound]
        try:
            prepared = intake.prepare_many("realisation", items)
        except Refused as exc:
            problems.extend(_locate(exc.problems, sound, intake, items))
    if branch is not None and not _valid_branch(branch, intake):
        problems.append(problem("K823", "(import)", branch=branch))
    if problems or not prepared:
        raise BatchError(problems or [problem("K829", ", ".join(p.name for p in paths), name=", ".join(p.name for p in paths))])
    return _commit(intake, prepared, branch, user)


def _commit(intake: Intake, prepared: list[Prepared], branch: str | None, user: str) -> ImportResult:
    """One commit per employee on ``branch`` (or a new ``intake-import/…`` branch)."""
    by_employee: "OrderedDict[str, list[Prepared]]" = OrderedDict()
    for item in prepared:
        by_employee.setdefault(item.employee, []).append(item)
    name = branch or f"intake-import/{prepared[0].unit}/{prepared[0].period}-{uuid.uuid4().hex[:10]}"
    parent = intake.store.branch_commit(name)
    create = parent is None
    commits = []
    try:
        for number, (employee, files) in enumerate(by_employee.items(), start=1):
            # The subject names the unit, the periods and the import's place, never the employee.
            message = (f"Realisasi unit {files[0].unit} periode "
                       f"{', '.join(sorted(str(f.reporting_period) for f in files))} "
                       f"(impor {number}/{len(by_employee)})\n\n"
                       f"Imported-by: {user}\nVia: kinerja intake import\n")
            commit = intake.store.commit_files(name, {f.path: f.text.encode("utf-8") for f in files}, message,
                                               Author(user, f"{user}@intake.kinerja.invalid"), parent=parent, create=create)
            commits.append((employee, commit, [f.path for f in files]))
            parent, create = commit, False
    except GitError as exc:
        raise BatchError([problem("K822", "(import)", detail=str(exc))]) from exc
    return ImportResult(name, commits, prepared)


def _valid_branch(name: str, intake: Intake) -> bool:
    from .gitops import valid_branch

    return valid_branch(name, {intake.store.base})


def _locate(problems: list[Problem], drafts: list[Draft], intake: Intake, items: list[Any]) -> list[Problem]:
    """Point validator problems at the cells the values came from."""
    paths: dict[str, Draft] = {}
    for d, data in zip(drafts, items):
        try:
            _, _, _, _, path = intake.place("realisation", data)
            paths[path] = d
        except Refused:
            continue
    out = []
    for p in problems:
        d = paths.get(p.file)
        where = d.origin_of(p.path) if d is not None and d.raw is None else None
        out.append(problem(p.code, where, None, None, p.path, **dict(p.params)) if where else p)
    return out
