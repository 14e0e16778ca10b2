"""The review as a pull-request comment (Markdown), as JSON, or as GitHub annotations.

The Markdown is written for people: the verdict first, then who must approve, then per unit each changed
contract, agreement or job description with a table of what changed (old → new) and its flags. A change
over many units gets one overview table and a collapsed ``<details>`` section per unit, and the comment
stays under the hosts' size limits (GitHub: 65,536 characters).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .. import report as reporting
from . import approvers as ap
from .engine import ChangedFile, Review

COLLAPSE_UNITS = 3
"""More units than this: one overview table and a collapsed section per unit."""
LIMIT = 60_000
"""Above this many characters the tables are left out (GitHub comments stop at 65,536)."""
PER_FILE = 15
"""Problems shown per file; the rest are counted."""

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Kinerja — ringkasan perubahan", "files_in": "{files} di {units}",
        "day": "tanggal perubahan", "valid": "✅ **Sah**: tidak ada galat pada {n} berkas yang diperiksa",
        "invalid": "❌ **Melanggar aturan**: {errors} galat", "warnings": "{n} peringatan",
        "approvals": "Persetujuan yang diperlukan", "approver": "Penyetuju", "handle": "Akun Git",
        "role": "Peran", "for": "Berkas", "whole": "Seluruh instansi", "item": "Butir", "change": "Perubahan",
        "field": "Kolom", "old": "Lama", "new": "Baru", "lowered": "⬇️ turun", "needs": "Perlu persetujuan",
        "A": "baru", "M": "diubah", "D": "dihapus", "R": "dipindah dari {old}", "added": "ditambah",
        "removed": "dihapus", "changed": "diubah", "other": "Dampak pada berkas lain",
        "more": "… dan {n} masalah lagi", "nothing": "Tidak ada berkas data yang berubah.",
        "unit": "Unit", "targets": "Butir berubah", "flags": "Tanda", "errors": "Galat",
        "truncated": "_Tabel perubahan tidak ditampilkan karena terlalu panjang; jalankan `kinerja review` di komputer Anda._",
        "contract": "SKP", "agreement": "Perjanjian kinerja", "agreement-realisation": "Realisasi perjanjian kinerja",
        "positions": "Jabatan dan uraian tugas", "employees": "Pegawai", "realisation": "Realisasi",
        "assessment": "Penilaian", "appeal": "Keberatan", "correction": "Koreksi", "settings": "Pengaturan",
        "organisation": "Struktur organisasi", "periods": "Periode", "allowance-rule": "Aturan TPP",
        "attendance": "Absensi", "None": "Berkas lain", "period": "periode", "whole_tree": "seluruh data diperiksa",
        "none_needed": "Tidak ada persetujuan khusus yang diperlukan.",
    },
    "en": {
        "title": "Kinerja — review summary", "files_in": "{files} in {units}",
        "day": "date of the change", "valid": "✅ **Valid**: no errors in the {n} files checked",
        "invalid": "❌ **Breaks a rule**: {errors} errors", "warnings": "{n} warnings",
        "approvals": "Approvals needed", "approver": "Approver", "handle": "Git handle", "role": "Role",
        "for": "Files", "whole": "Whole instance", "item": "Item", "change": "Change", "field": "Field",
        "old": "Old", "new": "New", "lowered": "⬇️ lowered", "needs": "Needs the approval of",
        "A": "added", "M": "changed", "D": "deleted", "R": "moved from {old}", "added": "added",
        "removed": "removed", "changed": "changed", "other": "Effects on other files",
        "more": "… and {n} more problems", "nothing": "No data file changed.",
        "unit": "Unit", "targets": "Items changed", "flags": "Flags", "errors": "Errors",
        "truncated": "_The tables of changes are left out because they are too long; run `kinerja review` locally._",
        "contract": "SKP (contract)", "agreement": "Performance agreement", "agreement-realisation": "Agreement realisation",
        "positions": "Positions and job descriptions", "employees": "Employees", "realisation": "Realisation",
        "assessment": "Assessment", "appeal": "Appeal", "correction": "Correction", "settings": "Settings",
        "organisation": "Unit tree", "periods": "Periods", "allowance-rule": "Allowance (TPP) rule",
        "attendance": "Attendance", "None": "Other file", "period": "period", "whole_tree": "the whole data checked",
        "none_needed": "No particular approval is needed.",
    },
}

ICONS = {"error": "❌", "warning": "⚠️"}


def cell(value: Any, limit: int | None = 120) -> str:
    """Text safe inside a Markdown table cell (and outside HTML), cut at ``limit`` characters."""
    text = str(value if value is not None else "")
    text = text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _count(n: int, noun: str, lang: str) -> str:
    """``3 berkas`` / ``1 file``, ``3 files`` (Indonesian nouns have no plural)."""
    if lang != "en":
        return f"{n} {'berkas' if noun == 'file' else noun}"
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _files_in(files: int, units: int, lang: str) -> str:
    return _words(lang)["files_in"].format(files=_count(files, "file", lang), units=_count(units, "unit", lang))


def _words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "id"]


def _title(item: ChangedFile, review: Review, lang: str) -> str:
    w = _words(lang)
    label = w.get(str(item.kind), w["None"])
    keys = item.keys
    parts = [f"**{label}**"]
    if "employee" in keys:
        person = review.province.employees.get(keys["employee"]) or review.base_province.employees.get(keys["employee"])
        parts.append(f"`{keys['employee']}`" + (f" — {cell(person.name)}" if person else ""))
    if "reporting_period" in keys:
        parts.append(keys["reporting_period"])
    if "correction" in keys:
        parts.append(f"`{keys['correction']}`")
    if "period" in keys:
        parts.append(f"{w['period']} {keys['period']}")
    status = w[item.change.status].format(old=f"`{item.change.old}`")
    return " · ".join(parts) + f" ({status}) — `{item.file}`"


def _unit_name(review: Review, unit: str | None, lang: str) -> str:
    if unit is None:
        return _words(lang)["whole"]
    record = review.province.units.get(unit) or review.base_province.units.get(unit)
    return f"{cell(record.name)} (`{unit}`)" if record else f"`{unit}`"


def _problem_line(item: reporting.Problem, lang: str) -> str:
    where = f"{item.file}:{item.line}" if item.line else item.file
    path = f" [{reporting.format_path(item.path)}]" if item.path else ""
    return f"- {ICONS[item.severity]} `{where}` **{item.code}**{path} {cell(item.message(lang), None)}"


def _file_section(item: ChangedFile, review: Review, lang: str, tables: bool) -> list[str]:
    w = _words(lang)
    lines = [f"#### {_title(item, review, lang)}", ""]
    if item.rows and tables:
        lines += [f"| {w['item']} | {w['change']} | {w['field']} | {w['old']} | {w['new']} |", "|---|---|---|---|---|"]
        for row in item.rows:
            label = f"`{row.item}`" + (f" {cell(row.label)}" if row.label else "")
            new = cell(row.new) + (f" {w['lowered']}" if row.lowered else "")
            lines.append(f"| {label} | {w[row.change]} | {cell(row.field)} | {cell(row.old)} | {new} |")
        lines.append("")
    problems = review.problems_by_file.get(item.file, [])
    for found in problems[:PER_FILE]:
        lines.append(_problem_line(found, lang))
    if len(problems) > PER_FILE:
        lines.append(f"- {w['more'].format(n=len(problems) - PER_FILE)}")
    if item.need.roles:
        who = "; ".join(f"{ap.show(r.employee, lang)} — {r.words(lang)}" for r in item.need.roles)
        lines.append(f"- {w['needs']}: {who}")
    lines.append("")
    return lines


def _units(review: Review) -> dict[str | None, list[ChangedFile]]:
    groups: dict[str | None, list[ChangedFile]] = {}
    for item in sorted(review.files, key=lambda f: (f.unit or "", f.file)):
        groups.setdefault(item.unit, []).append(item)
    return groups


def markdown(review: Review, lang: str = "id") -> str:
    text = _markdown(review, lang, tables=True)
    if len(text) > LIMIT:
        text = _markdown(review, lang, tables=False)
    if len(text) > LIMIT:
        text = text[:LIMIT] + "\n\n…\n"
    return text


def _markdown(review: Review, lang: str, tables: bool) -> str:
    w = _words(lang)
    report = review.report
    groups = _units(review)
    head = f"`{review.head[:10]}`" if review.head else "working tree"
    lines = [f"## {w['title']}", "",
             f"`{review.start[:10]}` → {head} · {_files_in(len(review.files), len(groups), lang)}"
             f" · {w['day']} {review.day.isoformat()}" + (f" · {w['whole_tree']}" if review.whole_tree else ""), ""]
    if report.ok:
        verdict = w["valid"].format(n=report.files_checked)
    else:
        verdict = w["invalid"].format(errors=len(report.errors))
    if report.warnings:
        verdict += ", " + w["warnings"].format(n=len(report.warnings))
    lines += [verdict, ""]
    if not review.files:
        return "\n".join(lines + [w["nothing"], ""])
    lines += _approvals(review, lang)
    many = len(groups) > COLLAPSE_UNITS
    if many:
        lines += _overview(review, groups, lang)
    for unit, items in groups.items():
        body: list[str] = []
        for item in items:
            body += _file_section(item, review, lang, tables)
        if many:
            errors = sum(1 for i in items for p in review.problems_by_file.get(i.file, []) if p.severity == "error")
            summary = f"{_unit_name(review, unit, lang)} — {_count(len(items), 'file', lang)}" + (f", ❌ {errors}" if errors else "")
            lines += ["<details>", f"<summary>{summary}</summary>", "", *body, "</details>", ""]
        else:
            lines += [f"### {_unit_name(review, unit, lang)}", "", *body]
    if not tables:
        lines += [w["truncated"], ""]
    lines += _others(review, lang)
    return "\n".join(lines).rstrip() + "\n"


def _approvals(review: Review, lang: str) -> list[str]:
    w = _words(lang)
    rows = review.approvers()
    lines = [f"### {w['approvals']}", ""]
    if not rows:
        return lines + [w["none_needed"], ""]
    lines += [f"| {w['approver']} | {w['handle']} | {w['role']} | {w['for']} |", "|---|---|---|---|"]
    for employee, roles, files in sorted(rows, key=lambda r: (r[0] is None, r[0].name if r[0] else "")):
        name = cell(employee.name) if employee else ap.show(None, lang)
        handle = f"@{employee.git}" if employee and employee.git else "—"
        lines.append(f"| {name} | {handle} | {', '.join(r.words(lang) for r in roles)} | {len(files)} |")
    return lines + [""]


def _overview(review: Review, groups: dict[str | None, list[ChangedFile]], lang: str) -> list[str]:
    w = _words(lang)
    lines = [f"| {w['unit']} | {w['for']} | {w['targets']} | {w['flags']} | {w['errors']} |", "|---|---|---|---|---|"]
    for unit, items in groups.items():
        problems = [p for i in items for p in review.problems_by_file.get(i.file, [])]
        flags = Counter(p.code for p in problems if p.code.startswith("K7"))
        errors = sum(1 for p in problems if p.severity == "error")
        shown = ", ".join(f"{code}×{n}" for code, n in sorted(flags.items())) or "—"
        lines.append(f"| {_unit_name(review, unit, lang)} | {len(items)} | {sum(len(i.rows) for i in items)} | {shown} | {errors or '—'} |")
    return lines + [""]


def _others(review: Review, lang: str) -> list[str]:
    w = _words(lang)
    changed = {i.file for i in review.files}
    others = [p for p in review.report.sorted() if p.file not in changed]
    if not others:
        return []
    lines = [f"### {w['other']}", ""]
    lines += [_problem_line(p, lang) for p in others[:PER_FILE * 2]]
    if len(others) > PER_FILE * 2:
        lines.append(f"- {w['more'].format(n=len(others) - PER_FILE * 2)}")
    return lines + [""]


def as_json(review: Review, lang: str = "id") -> str:
    def person(e: Any) -> dict[str, Any] | None:
        return None if e is None else {"id": e.id, "name": e.name, "git": e.git, "email": e.email}

    data = {
        "base": review.base, "merge_base": review.start, "head": review.head, "date": review.day.isoformat(),
        "valid": review.report.ok, "errors": len(review.report.errors), "warnings": len(review.report.warnings),
        "files_checked": review.report.files_checked, "whole_tree": review.whole_tree,
        "changes": [{
            "file": item.file, "status": item.change.status, "old_path": item.change.old, "kind": item.kind,
            "keys": item.keys,
            "rows": [{"item": r.item, "label": r.label, "change": r.change, "field": r.field, "old": r.old,
                      "new": r.new, "lowered": r.lowered} for r in item.rows],
            "approvers": [{"role": r.key, "employee": person(r.employee)} for r in item.need.roles],
            "problems": [p.to_dict(lang) for p in review.problems_by_file.get(item.file, [])],
        } for item in review.files],
        "approvers": [{"employee": person(e), "roles": [r.key for r in roles], "files": files}
                      for e, roles, files in review.approvers()],
        "problems": [p.to_dict(lang) for p in review.report.sorted()],
        "seconds": round(review.seconds, 3),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def github(review: Review, lang: str = "id") -> str:
    """GitHub Actions annotations for the review's problems (paths relative to the repository)."""
    report = review.report
    if review.prefix:
        from dataclasses import replace

        report = reporting.Report([replace(p, file=review.prefix + p.file) for p in report.problems],
                                  report.files_checked)
    return reporting.render_github(report, lang)


RENDERERS = {"markdown": markdown, "json": as_json, "github": github}
