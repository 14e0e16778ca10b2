"""Machine-readable score results (described by ``schemas/score-result.schema.json``) and their text.

One JSON document per unit and period, and one combined CSV; the same dictionaries feed the site.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
from typing import Any, Iterable, Iterator

from .. import model as m
from .engine import EmployeeResult, IndicatorResult, ScoreRun, UnitResult, credit_history
from .explain import Figure, half_up, plain, render

RESULT_SCHEMA_ID = "https://kinerja.example/schemas/score-result.schema.json"


def _num(figure: Figure | None) -> str | None:
    """A score as the forms print it: two decimal places, rounded half up (the raw value is kept apart)."""
    if figure is None:
        return None
    return str(half_up(figure.shown))


def indicator_dict(item: IndicatorResult, lang: str) -> dict[str, Any]:
    return {
        "target": item.target_id,
        "indicator": item.indicator_id,
        "text": item.text,
        "unit": item.unit,
        "goal": item.target.show(),
        "polarity": item.polarity,
        "realised": None if item.realised is None else plain(item.realised),
        "realised_text": item.realised_text,
        "by_period": {k: (None if v is None else plain(v)) for k, v in item.by_period.items()},
        "achievement": _num(item.achievement),
        "value": _num(item.value),
        "note": None if item.note is None else {"code": item.note.code, "text": item.note.text(lang)},
        "explanation": [f.to_dict(lang) for f in (item.achievement, item.value) if f is not None],
    }


def employee_dict(result: EmployeeResult, lang: str) -> dict[str, Any]:
    word = result.predikat_word
    return {
        "employee": result.employee,
        "period": result.period,
        "regime": result.regime,
        "position": result.position,
        "unit": result.unit,
        "status": result.status,
        "predikat": result.predikat,
        "predikat_word": word(lang) if word else None,
        "score": _num(result.score),
        "score_raw": None if result.score is None else plain(result.score.value),
        "appeal_applied": result.appeal_applied,
        "notes": [{"code": n.code, "text": n.text(lang)} for n in result.notes],
        "options": {k: v for k, v in result.options.items()},
        "indicators": [indicator_dict(i, lang) for i in result.indicators],
        "figures": {name: fig.to_dict(lang) for name, fig in result.figures.items()},
        "rating": None if result.rating is None else result.rating.to_dict(lang),
    }


def unit_dict(province: m.Province, unit: UnitResult, employees: Iterable[EmployeeResult], lang: str,
              run: ScoreRun | None = None) -> dict[str, Any]:
    period = province.periods[unit.period]
    employees = list(employees)
    return {
        "$schema": RESULT_SCHEMA_ID,
        "unit": unit.unit,
        "unit_name": province.units[unit.unit].name,
        "period": unit.period,
        "regime": period.regime,
        "employees_count": unit.employees,
        "coverage": {
            "with_contract": unit.with_contract,
            "with_assessment": unit.with_assessment,
            "realisations": dict(unit.realisation_coverage),
        },
        "distribution": dict(sorted(unit.distribution.items())),
        "subtree_distribution": dict(sorted(unit.subtree_distribution.items())),
        "warnings": [{"code": w.code, "text": w.message(lang)} for w in unit.warnings],
        "indicators": [indicator_dict(i, lang) for i in unit.indicators],
        "allowance_totals": None if unit.allowance is None else unit.allowance.to_dict(lang),
        "employees": [dict(employee_dict(e, lang), allowance=allowance_rows(run, e, lang) if run else [])
                      for e in employees],
    }


def _by_employee(run: ScoreRun) -> dict[str, list[tuple[str, Any]]]:
    index = run.__dict__.get("_allowance_index")
    if index is None:
        index = {}
        for (employee, month), item in sorted([*run.allowance.items(), *run.allowance_notes.items()]):
            index.setdefault(employee, []).append((month, item))
        run.__dict__["_allowance_index"] = index
    return index


def allowance_rows(run: ScoreRun, result: EmployeeResult, lang: str) -> list[dict[str, Any]]:
    """The employee's monthly allowance (TPP) within the result's period, with notes for months not paid."""
    period = run.period_bounds.get(result.period)
    rows = []
    for month, item in _by_employee(run).get(result.employee, []):
        if period is not None and not period[0] <= month <= period[1]:
            continue
        if hasattr(item, "to_dict"):
            rows.append(item.to_dict(lang))
        else:
            rows.append({"month": month, "note": {"code": item.code, "text": item.text(lang)}})
    return rows


ALLOWANCE_COLUMNS = ["month", "unit", "employee", "rule", "gross", "performance", "discipline", "deductions", "net",
                     "reasons"]


def _unit_of(run: ScoreRun, employee: str, month: str) -> str:
    for period, (start, end) in run.period_bounds.items():
        if start <= month <= end:
            result = run.employees.get((employee, period))
            return result.unit if result else ""
    return ""


def allowance_rows_csv(run: ScoreRun, lang: str) -> list[tuple[tuple[str, str], list[str]]]:
    """The rows of ``allowance.csv`` with their sort key (month, employee)."""
    rows = []
    for (employee, month), paid in run.allowance.items():
        rows.append(((month, employee), [month, _unit_of(run, employee, month), employee, paid.rule_id,
                                         str(paid.gross.shown), str(paid.performance.shown),
                                         str(paid.discipline.shown), str(paid.deduction_total.shown),
                                         str(paid.net.shown), "; ".join(d.label(lang) for d in paid.deductions)]))
    return rows


def write_csv(columns: list[str], rows: Iterable[tuple[Any, list[str]]]) -> str:
    """A CSV text: the header, then the rows sorted by their keys."""
    return join_csv(columns, csv_lines(rows))


def csv_lines(rows: Iterable[tuple[Any, list[str]]]) -> list[tuple[Any, str]]:
    """Each row as its CSV line, with its sort key: a few hundred thousand rows kept as text are a
    fraction of their cells as separate strings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    out = []
    for key, row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        out.append((key, buffer.getvalue()))
    return out


def join_csv(columns: list[str], lines: Iterable[tuple[Any, str]]) -> str:
    """The CSV text from :func:`csv_lines` (of any number of parts), sorted by key."""
    return "".join(merged_csv(columns, [sorted(lines, key=_key)]))


def merged_csv(columns: list[str], parts: Iterable[Iterable[tuple[Any, str]]]) -> Iterator[str]:
    """The CSV text, piece by piece, from parts of :func:`csv_lines` each already sorted by key: the
    same text as :func:`join_csv` of them all (equal keys keep the parts' order), without holding it."""
    yield csv_lines([(None, columns)])[0][1]
    for _, line in heapq.merge(*parts, key=_key):
        yield line


def _key(item: tuple[Any, str]) -> Any:
    return item[0]


def allowance_csv(run: ScoreRun, lang: str) -> str:
    return write_csv(ALLOWANCE_COLUMNS, allowance_rows_csv(run, lang))


def unit_documents(province: m.Province, run: ScoreRun, lang: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Every unit document at once (for small runs and the site); see :func:`iter_unit_documents`."""
    return dict(iter_unit_documents(province, run, lang))


def iter_unit_documents(province: m.Province, run: ScoreRun, lang: str) -> Iterator[tuple[tuple[str, str], dict[str, Any]]]:
    """The unit documents one at a time, so a province's results never sit in memory as JSON at once."""
    by_unit: dict[tuple[str, str], list[EmployeeResult]] = {}
    for result in run.employees.values():
        by_unit.setdefault((result.unit, result.period), []).append(result)
    for key, unit in sorted(run.units.items()):
        yield key, unit_dict(province, unit, by_unit.get(key, []), lang, run)


CSV_COLUMNS = ["period", "unit", "employee", "position", "regime", "status", "predikat", "score", "score_raw",
               "skp", "behaviour", "credit_points", "appeal_applied", "notes"]


def score_rows_csv(run: ScoreRun, lang: str) -> list[tuple[tuple[str, str, str], list[str]]]:
    """The rows of ``scores.csv`` with their sort key (period, unit, employee)."""
    rows = []
    for (employee, period), r in run.employees.items():
        rows.append(((period, r.unit, employee), [
            period, r.unit, employee, r.position, r.regime, r.status, r.predikat or "",
            _num(r.score) or "", "" if r.score is None else plain(r.score.value),
            _num(r.figures.get("skp")) or "", _num(r.figures.get("behaviour")) or "",
            _num(r.figures.get("credit_points")) or "", "yes" if r.appeal_applied else "",
            "; ".join(n.text(lang) for n in r.notes)]))
    return rows


def combined_csv(run: ScoreRun, lang: str) -> str:
    return write_csv(CSV_COLUMNS, score_rows_csv(run, lang))


def table(run: ScoreRun, lang: str) -> str:
    head = ("periode", "unit", "pegawai", "status", "predikat", "nilai") if lang != "en" else \
           ("period", "unit", "employee", "status", "predikat", "score")
    rows = [head]
    for (employee, period), r in sorted(run.employees.items(), key=lambda kv: (kv[0][1], kv[1].unit, kv[0][0])):
        word = r.predikat_word
        rows.append((period, r.unit, employee, r.status, word(lang) if word else "-", _num(r.score) or "-"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    text = "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows) + "\n"
    warnings = warning_lines(run, lang)
    if warnings:
        text += "\n" + ("Distribution warnings (SE MenPANRB 3/2023):" if lang == "en"
                        else "Peringatan sebaran predikat (SE MenPANRB 3/2023):") + "\n" + "\n".join(warnings) + "\n"
    return text


def warning_lines(run: ScoreRun, lang: str) -> list[str]:
    """One line per distribution warning of the run's units: period, unit, code and message."""
    return [f"{period} {unit_id} {w.code}: {w.message(lang)}"
            for (unit_id, period), unit in sorted(run.units.items()) for w in unit.warnings]


def explanation(province: m.Province, result: EmployeeResult, lang: str) -> str:
    """The text of ``kinerja explain``: every number of one employee's result with its derivation."""
    en = lang == "en"
    word = result.predikat_word
    lines = [
        f"{'Employee' if en else 'Pegawai'}: {result.employee} — {province.positions[result.position].title if result.position in province.positions else result.position}",
        f"{'Period' if en else 'Periode'}: {result.period} ({result.regime})",
        f"Status: {result.status}",
        f"Predikat: {word(lang) if word else '-'}",
        "",
    ]
    for item in result.indicators:
        realised = item.realised if item.realised is not None else (item.realised_text or "-")
        lines.append(f"- {item.target_id}/{item.indicator_id} {item.text}: target {item.target.show()} {item.unit}, "
                     f"{'realised' if en else 'realisasi'} {realised}")
        shown: set[int] = set()  # the value's tree holds the achievement: print it once
        for fig in (item.achievement, item.value):
            if fig is not None:
                lines.extend("    " + line for line in render(fig, lang, seen=shown))
        if item.note is not None:
            lines.append(f"    {item.note.code}: {item.note.text(lang)}")
    if result.indicators:
        lines.append("")
    seen: set[int] = set()
    for name, fig in result.figures.items():
        if name == "total" or (name == "skp" and "total" in result.figures and result.regime != "permenpanrb-6-2022"):
            continue
        lines.extend(render(fig, lang, seen=seen))
        lines.append("")
    top = result.figures.get("total")
    if top is not None:
        lines.extend(render(top, lang, seen=seen))
        lines.append("")
    if result.rating is not None and result.regime != "permenpanrb-6-2022":
        lines.extend(render(result.rating, lang, seen=seen))
        lines.append("")
    current = result.figures.get("credit_points")
    history = credit_history(province, result.employee, result.period, current) if current is not None else None
    if history is not None:
        lines.extend(render(history, lang, seen=seen))
        lines.append("")
    for note in result.notes:
        lines.append(f"{note.code}: {note.text(lang)}")
    return "\n".join(lines).rstrip() + "\n"


def dumps(data: Any, compact: bool = False) -> str:
    """JSON text; ``compact`` writes one line with json's C encoder (indenting falls back to the pure-Python
    encoder, about 10× slower: at province size that is minutes)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
