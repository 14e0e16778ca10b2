"""Problems found in the data, collected as values, and the reporters that print them.

Validation never raises on bad data: each problem becomes a :class:`Problem` in a :class:`Report`.
Reporters (``text``, ``json``, ``github``) render the same report; the wording comes from the error
catalogue (:mod:`kinerja.errors`) so machine-readable output stays apart from the words.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from . import errors


def format_path(path: Iterable[str | int]) -> str:
    """A field path as users read it: ``targets[2].duty``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, line, column, field path), its code and the values in its message."""

    code: str
    file: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def kind(self) -> errors.ErrorKind:
        return errors.get(self.code)

    @property
    def severity(self) -> str:
        return self.kind.severity

    def _fill(self, template: str, lang: str) -> str:
        values = {k: _show(v, lang) for k, v in self.params}
        values.setdefault("field", format_path(self.path) or "(dokumen)" if lang != "en" else
                          format_path(self.path) or "(document)")
        try:
            return template.format(**values)
        except (KeyError, IndexError):  # a missing value never hides the problem itself
            return template

    def message(self, lang: str = "id") -> str:
        return self._fill(self.kind.message(lang), lang)

    def hint(self, lang: str = "id") -> str:
        return self._fill(self.kind.hint(lang), lang)

    def location(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.kind.name,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": format_path(self.path),
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


def _show(value: Any, lang: str = "id") -> str:
    if hasattr(value, "en") and hasattr(value, "id") and not isinstance(value, (str, tuple)):
        return str(value.en if lang == "en" else value.id)  # a bilingual text
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(str(v) for v in value) if isinstance(value, (set, frozenset)) else [str(v) for v in value]
        if len(items) > 12:
            items = items[:12] + ["…"]
        return ", ".join(items) if items else "-"
    return str(value)


def problem(code: str, file: str, line: int | None = None, column: int | None = None,
            path: Iterable[str | int] = (), **params: Any) -> Problem:
    """Shorthand used by every checker."""
    return Problem(code, file, line, column, tuple(path), tuple(params.items()))


@dataclass
class Report:
    """All problems of one run, plus how many files were checked."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    def add(self, item: Problem) -> None:
        self.problems.append(item)

    def extend(self, items: Iterable[Problem]) -> None:
        self.problems.extend(items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))


LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {"error": "GALAT", "warning": "PERINGATAN", "hint": "saran", "more": "… dan {n} lagi dengan kode {code} (pakai --all untuk melihat semua)",
           "summary": "{files} berkas diperiksa: {errors} galat, {warnings} peringatan.",
           "ok": "Data sah.", "by_code": "Menurut kode:"},
    "en": {"error": "ERROR", "warning": "WARNING", "hint": "hint", "more": "… and {n} more with code {code} (use --all to see them all)",
           "summary": "{files} files checked: {errors} errors, {warnings} warnings.",
           "ok": "The data is valid.", "by_code": "By code:"},
}


def render_text(report: Report, lang: str = "id", per_code: int | None = 20) -> str:
    """Human-readable report: each problem with its place and a hint, then counts by code."""
    words = LABELS["en" if lang == "en" else "id"]
    lines: list[str] = []
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for item in report.sorted():
        if per_code is not None and shown[item.code] >= per_code:
            hidden[item.code] += 1
            continue
        shown[item.code] += 1
        path = f" [{format_path(item.path)}]" if item.path else ""
        lines.append(f"{item.location()}: {words[item.severity]} {item.code}{path} {item.message(lang)}")
        hint = item.hint(lang)
        if hint:
            lines.append(f"    {words['hint']}: {hint}")
    for code, count in sorted(hidden.items()):
        lines.append(words["more"].format(n=count, code=code))
    counts = Counter(p.code for p in report.problems)
    if counts:
        lines.append("")
        lines.append(words["by_code"])
        for code, count in sorted(counts.items()):
            lines.append(f"  {code} {errors.get(code).name}: {count}")
    lines.append("")
    lines.append(words["summary"].format(files=report.files_checked, errors=len(report.errors),
                                         warnings=len(report.warnings)))
    if report.ok:
        lines.append(words["ok"])
    return "\n".join(lines) + "\n"


def render_json(report: Report, lang: str = "id") -> str:
    data = {
        "valid": report.ok,
        "files_checked": report.files_checked,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [p.to_dict(lang) for p in report.sorted()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(report: Report, lang: str = "id") -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…::message``)."""
    lines = []
    for item in report.sorted():
        props = [f"file={_gh_escape(item.file, True)}"]
        if item.line is not None:
            props.append(f"line={item.line}")
        if item.column is not None:
            props.append(f"col={item.column}")
        props.append(f"title={_gh_escape(item.code + ' ' + item.kind.name, True)}")
        message = item.message(lang)
        if item.path:
            message = f"[{format_path(item.path)}] {message}"
        level = "error" if item.severity == "error" else "warning"
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(message + ' — ' + item.hint(lang))}")
    words = LABELS["en" if lang == "en" else "id"]
    lines.append(words["summary"].format(files=report.files_checked, errors=len(report.errors),
                                         warnings=len(report.warnings)))
    return "\n".join(lines) + "\n"


REPORTERS = {"text": render_text, "json": render_json, "github": render_github}
