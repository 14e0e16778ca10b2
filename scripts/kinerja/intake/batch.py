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
one commit per employee. Problems point to the cell: ``p0012!F7`` (sheet, column letter, row).
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import model as m
from ..load import Loaded, layout, yamlsafe
from ..outdir import TEMPLATE, write_file
from ..report import Problem, problem
from . import canonical
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
    """One realisation being assembled from rows, with where each value came from."""

    unit: str | None
    employee: str
    period: str
    reporting_period: str
    entries: "OrderedDict[tuple[str, str | None], dict[str, Any]]" = field(default_factory=OrderedDict)
    origins: dict[tuple[Any, ...], str] = field(default_factory=dict)
    source: str = ""
    raw: dict[str, Any] | None = None   # a whole document (YAML/JSON import)

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


def _number(value: Any, where: str, problems: list[Problem], lang: str) -> Any:
    number = canonical.number(value if not isinstance(value, str) else value.strip())
    if number is None:
        problems.append(problem("K824", where, where=where,
                                detail=(f"'{value}' is not a number" if lang == "en" else f"'{value}' bukan angka")))
    return number


def read_workbook(path: Path, lang: str = "id") -> tuple[list[Draft], list[Problem]]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    problems: list[Problem] = []
    try:
        wb = load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one clear problem
        return [], [problem("K826", str(path), name=path.name, detail=f"{type(exc).__name__}: {exc}")]
    if META not in wb.sheetnames:
        return [], [problem("K826", str(path), name=path.name,
                            detail="no _kinerja sheet: use a workbook made by 'kinerja intake template'")]
    meta = wb[META]
    info = {str(row[0].value): row[1].value for row in meta.iter_rows(min_row=1, max_row=4)}
    unit, period = _text(info.get("unit")), _text(info.get("period"))
    sheets: dict[str, tuple[str, int, int, int]] = {}
    for row in meta.iter_rows(min_row=6, values_only=True):
        if row and row[0]:
            sheets[str(row[0])] = (_text(row[1]), int(row[3]), int(row[4]), int(row[5]))
    drafts: dict[tuple[str, str], Draft] = {}
    for name in wb.sheetnames:
        if name == META:
            continue
        if name not in sheets:
            problems.append(problem("K825", f"{path.name}!{name}", where=f"{path.name}!{name}", ref=name, period=period))
            continue
        employee, first, last, remarks = sheets[name]
        ws = wb[name]
        header = [_text(ws.cell(HEADER_ROW, c).value) for c in range(1, ws.max_column + 1)]
        rp_cols = [(c, h) for c, h in enumerate(header, start=1) if c >= 6 and re.fullmatch(layout.RP, h)]

        def draft(rp: str) -> Draft:
            key = (employee, rp)
            if key not in drafts:
                drafts[key] = Draft(unit, employee, period, rp, source=f"{name}!A{HEADER_ROW}")
            return drafts[key]

        for r in range(first, last + 1):
            target, indicator = _text(ws.cell(r, 1).value), _text(ws.cell(r, 2).value)
            if not target:
                continue
            for c, rp in rp_cols:
                value = ws.cell(r, c).value
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                where = f"{name}!{get_column_letter(c)}{r}"
                number = _number(value, where, problems, lang)
                if number is None:
                    continue
                d = draft(rp)
                if indicator in ASPECTS:
                    entry = d.entry(target, None)
                    entry[indicator] = number
                    d.origins[((target, None), indicator)] = where
                else:
                    entry = d.entry(target, indicator or None)
                    entry["value"] = number
                    d.origins[((target, indicator or None), "value")] = where
                d.origins.setdefault(((target, None if indicator in ASPECTS else indicator or None),), where)
        for r in range(remarks + 1, ws.max_row + 1):
            cells = [ws.cell(r, c).value for c in range(1, 8)]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
                continue
            rp, target, indicator, na, ev_title, ev_url, note = (_text(v) for v in cells)
            where = f"{name}!A{r}"
            if not re.fullmatch(layout.RP, rp) or rp not in [h for _, h in rp_cols]:
                problems.append(problem("K824", where, where=where,
                                        detail=f"reporting period '{rp}'" + (" is not one of the columns" if lang == "en"
                                                                             else " bukan salah satu kolom periode")))
                continue
            if not target:
                problems.append(problem("K824", f"{name}!B{r}", where=f"{name}!B{r}",
                                        detail="target is empty" if lang == "en" else "target kosong"))
                continue
            d = draft(rp)
            key = (target, indicator or None)
            if key not in d.entries and indicator == "" and any(k[0] == target for k in d.entries):
                key = next(k for k in d.entries if k[0] == target)
            entry = d.entry(*key)
            d.origins.setdefault((key,), where)
            if na:
                entry["not_available"] = na
                d.origins[(key, "not_available")] = f"{name}!D{r}"
            if ev_title or ev_url:
                evidence = entry.setdefault("evidence", [])
                item = {"title": ev_title}
                if ev_url:
                    item["url"] = ev_url
                d.origins[(key, "evidence", len(evidence))] = f"{name}!E{r}"
                d.origins[(key, "evidence", len(evidence), "url")] = f"{name}!F{r}"
                evidence.append(item)
            if note:
                entry["note"] = (entry["note"] + "\n" + note) if entry.get("note") else note
                d.origins[(key, "note")] = f"{name}!G{r}"
    return list(drafts.values()), problems


def read_csv(path: Path, default_period: str | None, lang: str = "id") -> tuple[list[Draft], list[Problem]]:
    from openpyxl.utils import get_column_letter

    problems: list[Problem] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [problem("K826", str(path), name=path.name, detail=str(exc))]
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        return [], [problem("K829", str(path), name=path.name)]
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in ("employee", "reporting_period", "target") if c not in header]
    if missing:
        return [], [problem("K826", str(path), name=path.name, detail=f"missing column(s): {', '.join(missing)}")]
    col = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    drafts: dict[tuple[str, str], Draft] = {}
    for n, row in enumerate(rows[1:], start=2):
        get = lambda name: row[col[name]].strip() if name in col and col[name] < len(row) else ""  # noqa: E731
        letter = lambda name: get_column_letter(col[name] + 1) if name in col else "A"  # noqa: E731
        if not any(cell.strip() for cell in row):
            continue
        employee, rp, target = get("employee"), get("reporting_period"), get("target")
        period = get("period") or default_period or (rp[:4] if rp else "")
        key = (employee, rp)
        if key not in drafts:
            drafts[key] = Draft(None, employee, period, rp, source=f"{path.name}!A{n}")
        d = drafts[key]
        indicator = get("indicator") or None
        entry = d.entry(target, indicator)
        ekey = (target, indicator)
        d.origins.setdefault((ekey,), f"{path.name}!{letter('target')}{n}")
        if get("value"):
            where = f"{path.name}!{letter('value')}{n}"
            number = _number(get("value"), where, problems, lang)
            if number is not None:
                entry["value"] = number
                d.origins[(ekey, "value")] = where
        if get("not_available"):
            entry["not_available"] = get("not_available")
            d.origins[(ekey, "not_available")] = f"{path.name}!{letter('not_available')}{n}"
        if get("evidence_title") or get("evidence_url"):
            evidence = entry.setdefault("evidence", [])
            d.origins[(ekey, "evidence", len(evidence))] = f"{path.name}!{letter('evidence_title')}{n}"
            d.origins[(ekey, "evidence", len(evidence), "url")] = f"{path.name}!{letter('evidence_url')}{n}"
            evidence.append({"title": get("evidence_title"), **({"url": get("evidence_url")} if get("evidence_url") else {})})
        if get("note"):
            entry["note"] = get("note")
            d.origins[(ekey, "note")] = f"{path.name}!{letter('note')}{n}"
    return list(drafts.values()), problems


def read_documents(path: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Realisation documents from a YAML or JSON file (one document, or a list of them)."""
    raw = path.read_bytes()
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
        except (UnicodeDecodeError, ValueError) as exc:
            return [], [problem("K826", str(path), name=path.name, detail=str(exc))]
    else:
        data, problems = yamlsafe.load_bytes(raw, str(path))
        if problems:
            return [], problems
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(i, dict) for i in items):
        return [], [problem("K826", str(path), name=path.name, detail="expected a realisation mapping or a list of them")]
    return items, []


@dataclass
class ImportResult:
    branch: str
    commits: list[tuple[str, str, list[str]]]   # (employee, commit, files)
    files: list[Prepared]


def import_files(intake: Intake, paths: list[Path], branch: str | None = None, user: str = "kinerja-import",
                 period: str | None = None, lang: str = "id") -> ImportResult:
    """Read, check and commit; :class:`BatchError` with every problem when anything is wrong."""
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for path in paths:
        suffix = path.suffix.lower()
        if not path.is_file():
            problems.append(problem("K826", str(path), name=str(path), detail="not found"))
        elif suffix == ".xlsx":
            found, errs = read_workbook(path, lang)
            drafts.extend(found)
            problems.extend(errs)
        elif suffix == ".csv":
            found, errs = read_csv(path, period, lang)
            drafts.extend(found)
            problems.extend(errs)
        elif suffix in (".yaml", ".yml", ".json"):
            docs, errs = read_documents(path)
            problems.extend(errs)
            drafts.extend(Draft(None, _text(doc.get("employee")), _text(doc.get("period")),
                                _text(doc.get("reporting_period")), source=path.name, raw=doc) for doc in docs)
        else:
            problems.append(problem("K826", str(path), name=path.name, detail=f"unknown format '{suffix}'"))
    if problems:
        raise BatchError(problems)
    if not drafts:
        raise BatchError([problem("K829", ", ".join(p.name for p in paths), name=", ".join(p.name for p in paths))])
    items = [d.data() for d in drafts]
    for d, data in zip(drafts, items):
        try:
            intake.place("realisation", data)
        except Refused as exc:
            problems.extend(problem(p.code, d.source, None, None, p.path, **dict(p.params)) for p in exc.problems)
    if problems:
        raise BatchError(problems)
    try:
        prepared = intake.prepare_many("realisation", items)
    except Refused as exc:
        raise BatchError(_locate(exc.problems, drafts, intake, items)) from exc
    if branch is not None and not _valid_branch(branch, intake):
        raise BatchError([problem("K823", "(import)", branch=branch)])
    by_employee: "OrderedDict[str, list[Prepared]]" = OrderedDict()
    for item in prepared:
        by_employee.setdefault(item.employee, []).append(item)
    name = branch or f"intake-import/{prepared[0].unit}/{prepared[0].period}-{uuid.uuid4().hex[:10]}"
    parent = intake.store.branch_commit(name)
    create = parent is None
    commits = []
    try:
        for employee, files in by_employee.items():
            message = (f"Realisasi {employee}: {', '.join(sorted(str(f.reporting_period) for f in files))} (impor)\n\n"
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
