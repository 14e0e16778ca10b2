"""Open data: the CSV and JSON files of the site and the data dictionary from the JSON Schemas.

What a file may hold depends on the privacy mode. The public files are built field by field from a
list of what may be published (never by deleting fields from the full result), so a field added to the
scores later stays out of the public data until it is added here.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from .. import model as m
from ..score import engine
from ..score import output as out
from ..score.engine import EmployeeResult, IndicatorResult, ScoreRun, UnitResult
from .privacy import Privacy

DATA_VERSION = "1"


def _ind(item: IndicatorResult, lang: str, privacy: Privacy) -> dict[str, Any]:
    data = out.indicator_dict(item, lang)
    data["text"] = privacy.scrub(data["text"])
    if data.get("realised_text"):
        data["realised_text"] = privacy.scrub(data["realised_text"])
    if data.get("note"):
        data["note"] = {"code": data["note"]["code"], "text": privacy.scrub(data["note"]["text"])}
    return data


def distribution(counts: Mapping[str, int]) -> dict[str, int]:
    return {k: counts[k] for k in engine.PREDIKAT_ORDER if counts.get(k)}


def holders(results: Iterable[EmployeeResult]) -> dict[str, list[EmployeeResult]]:
    """Results by position, in a stable order that reveals nothing (position, then employee id)."""
    grouped: dict[str, list[EmployeeResult]] = {}
    for result in sorted(results, key=lambda r: (r.position, r.employee)):
        grouped.setdefault(result.position, []).append(result)
    return grouped


def unit_document(province: m.Province, run: ScoreRun, unit: UnitResult, results: list[EmployeeResult],
                  lang: str, privacy: Privacy, withheld: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The JSON document of one unit and period, as this build may publish it; the fields named in
    ``withheld`` (small groups and their complements, :mod:`.suppress`) are null and listed in ``withheld``.
    The distribution guidance warnings count heads: they go with the subtree distribution."""
    period = province.periods[unit.period]
    doc: dict[str, Any] = {
        "$schema": out.RESULT_SCHEMA_ID,
        "kinerja_open_data": DATA_VERSION,
        "privacy": privacy.mode,
        "unit": unit.unit,
        "unit_name": privacy.scrub(province.units[unit.unit].name),
        "parent": province.units[unit.unit].parent,
        "period": unit.period,
        "regime": period.regime,
        "employees_count": unit.employees,
        "coverage": {
            "with_contract": unit.with_contract,
            "with_assessment": unit.with_assessment,
            "realisations": dict(unit.realisation_coverage),
        },
        "distribution": None if "distribution" in withheld else distribution(unit.distribution),
        "subtree_distribution": None if "subtree_distribution" in withheld else distribution(unit.subtree_distribution),
        "warnings": [] if "subtree_distribution" in withheld else
        [{"code": w.code, "text": privacy.scrub(w.message(lang))} for w in unit.warnings],
        "indicators": [_ind(i, lang, privacy) for i in unit.indicators],
        "allowance_totals": None,
    }
    if withheld:
        doc["withheld"] = sorted(withheld)
    if unit.allowance is not None and "allowance_totals" not in withheld:
        doc["allowance_totals"] = {"count": unit.allowance.count, "gross": str(unit.allowance.gross.shown),
                                   "deductions": str(unit.allowance.deductions.shown),
                                   "net": str(unit.allowance.net.shown)}
    positions = []
    for position_id, group in holders(results).items():
        position = province.positions.get(position_id)
        entry: dict[str, Any] = {"position": position_id,
                                 "title": privacy.scrub(position.title) if position else position_id,
                                 "holders": []}
        for result in group:
            holder: dict[str, Any] = {"status": result.status,
                                      "indicators": [_ind(i, lang, privacy) for i in result.indicators]}
            if privacy.people:
                employee = province.employees.get(result.employee)
                full = out.employee_dict(result, lang)
                holder = dict(full, name=employee.name if employee else None,
                              nip=privacy.nip(employee) if employee else None,
                              allowance=out.allowance_rows(run, result, lang))
            entry["holders"].append(holder)
        positions.append(entry)
    doc["positions"] = positions
    return scrubbed(doc, privacy) if privacy.public else doc


def scrubbed(value: Any, privacy: Privacy) -> Any:
    """Every string of a document (keys and values) as this build may publish it (:meth:`Privacy.scrub`):
    the last guard, whatever field a later change adds."""
    if isinstance(value, str):
        return privacy.scrub(value)
    if isinstance(value, dict):
        return {scrubbed(k, privacy): scrubbed(v, privacy) for k, v in value.items()}
    if isinstance(value, list):
        return [scrubbed(v, privacy) for v in value]
    return value


PUBLIC_COLUMNS = ["period", "unit", "unit_name", "position", "position_title", "holder", "target", "indicator",
                  "text", "measure", "goal", "realised", "achievement", "status", "note"]
PEOPLE_COLUMNS = ["employee", "name", "nip", "predikat", "score"]


def unit_rows(province: m.Province, unit: UnitResult, results: list[EmployeeResult], lang: str,
              privacy: Privacy) -> list[list[str]]:
    """CSV rows: one per indicator of the unit agreement (position empty) and of every contract."""
    name = privacy.scrub(province.units[unit.unit].name) or ""
    rows: list[list[str]] = []
    nobody = [""] * len(PEOPLE_COLUMNS) if privacy.people else []  # the unit's own rows fill every column
    for item in unit.indicators:
        rows.append(_row(unit.period, unit.unit, name, "", "", "", item, "", privacy, lang) + nobody)
    for position_id, group in holders(results).items():
        position = province.positions.get(position_id)
        for number, result in enumerate(group, start=1):
            extra: list[str] = []
            if privacy.people:
                employee = province.employees.get(result.employee)
                word = result.predikat_word
                extra = [result.employee, employee.name if employee else "",
                         (privacy.nip(employee) or "") if employee else "", word(lang) if word else "",
                         "" if result.score is None else str(result.score.shown)]
            items = result.indicators or [None]
            for item in items:
                row = _row(unit.period, unit.unit, name, position_id,
                           (privacy.scrub(position.title) or "") if position else position_id,
                           str(number), item, result.status, privacy, lang)
                rows.append(row + extra)
    if not privacy.public:
        return rows
    return [[privacy.scrub(value) or "" for value in row] for row in rows]


def _row(period: str, unit: str, name: str, position: str, title: str, holder: str, item: IndicatorResult | None,
         status: str, privacy: Privacy, lang: str) -> list[str]:
    if item is None:
        return [period, unit, name, position, title, holder, "", "", "", "", "", "", "", status, ""]
    realised = "" if item.realised is None else str(item.realised)
    if not realised and item.realised_text:
        realised = privacy.scrub(item.realised_text) or ""
    return [period, unit, name, position, title, holder, item.target_id, item.indicator_id,
            privacy.scrub(item.text) or "", privacy.scrub(item.unit) or "", privacy.scrub(item.target.show()) or "",
            realised,
            "" if item.achievement is None else str(item.achievement.shown), status,
            "" if item.note is None else f"{item.note.code}: {privacy.scrub(item.note.text(lang))}"]


def columns(privacy: Privacy) -> list[str]:
    return PUBLIC_COLUMNS + (PEOPLE_COLUMNS if privacy.people else [])


def to_csv(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_neutral(v) for v in row])
    return buffer.getvalue()


def _neutral(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: such text cells get a leading quote."""
    if value and value[0] in "=+-@\t\r" and not _number(value):
        return "'" + value
    return value


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # one line: the C encoder


# --- data dictionary -------------------------------------------------------------------------------------------
def schema_fields(schema: Mapping[str, Any], lang: str) -> list[tuple[str, str, str, str]]:
    """(field path, type, required, description) for every property of a schema, depth first."""
    defs = schema.get("$defs", {})
    rows: list[tuple[str, str, str, str]] = []

    def resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = defs.get(ref.split("/")[-1], {})
            merged = dict(target)
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            return merged
        return node

    def kind(node: Mapping[str, Any]) -> str:
        node = resolve(node)
        if "enum" in node:
            return " | ".join(str(v) for v in node["enum"])
        value = node.get("type")
        if isinstance(value, list):
            return " | ".join(str(v) for v in value)
        if value:
            return str(value)
        for key in ("oneOf", "anyOf"):
            if key in node:
                return " | ".join(kind(option) for option in node[key])
        return "-"

    def describe(node: Mapping[str, Any]) -> str:
        node = resolve(node)
        if lang != "en" and node.get("x-description-id"):
            return str(node["x-description-id"])
        return str(node.get("description", ""))

    def walk(node: Mapping[str, Any], prefix: str, depth: int) -> None:
        node = resolve(node)
        if depth > 6:
            return
        required = set(node.get("required", []))
        for name, child in (node.get("properties") or {}).items():
            path = f"{prefix}{name}"
            rows.append((path, kind(child), "✓" if name in required else "", describe(child)))
            child = resolve(child)
            if child.get("type") == "object" or "properties" in child:
                walk(child, path + ".", depth + 1)
            items = child.get("items")
            if isinstance(items, Mapping):
                walk(items, path + "[].", depth + 1)

    walk(schema, "", 0)
    return rows


def load_schemas(root: Path) -> dict[str, dict[str, Any]]:
    """Every ``schemas/*.schema.json`` of the repository (else the package's own), by file name."""
    from ..load.files import MAX_LIMIT, NotRegular, TooLarge, read_within
    from ..validate.schema import schema_dir

    folder = schema_dir(root)
    found: dict[str, dict[str, Any]] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.schema.json")):
            try:  # only a regular file inside the repository (the site refuses the others, located)
                found[path.name] = json.loads(read_within(path, (path.parent.parent,), MAX_LIMIT))
            except (NotRegular, TooLarge, OSError, ValueError):
                continue
    return found


# --- Data Package (datapackage.json) ---------------------------------------------------------------------------
DATAPACKAGE = "datapackage.json"
LICENSES = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
             "path": "https://creativecommons.org/licenses/by/4.0/"}]
_FIELD_TYPES = {"holder": "integer", "achievement": "number", "score": "number"}
_FIELD_TEXT = {
    "period": "Period id (periods.yaml)", "unit": "Unit id (organisation.yaml)", "unit_name": "Unit name",
    "position": "Position id; empty on a row of the unit's own agreement",
    "position_title": "Position title", "holder": "Holder number within the position (1, 2, …), never a person",
    "target": "Target id", "indicator": "Indicator id", "text": "Indicator text", "measure": "Unit of measure",
    "goal": "Target value as written in the SKP", "realised": "Realised value (or the realisation's text)",
    "achievement": "Achievement in percent", "status": "Status of the contract", "note": "Note: code and text",
    "employee": "Employee id (staff and full builds only)", "name": "Name (staff and full builds only)",
    "nip": "NIP as this build may show it (staff: masked)", "predikat": "Rating (predikat)",
    "score": "Score (staff and full builds only)",
}


def table_schema(header: list[str]) -> dict[str, Any]:
    """The Frictionless Table Schema of the CSV files with ``header`` (empty cells are missing values)."""
    return {"fields": [{"name": name, "type": _FIELD_TYPES.get(name, "string"),
                        "description": _FIELD_TEXT.get(name, "")} for name in header],
            "missingValues": [""]}


def _resource_name(rel: str) -> str:
    """A Data Package resource name (lower-case letters, digits, '-', '_', '.') for a data file path."""
    stem = rel.removeprefix("data/").replace("/", "-")
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in stem.lower())


def datapackage(mode: str, header: list[str], names: Iterable[str]) -> str:
    """``datapackage.json`` describing the open-data files among ``names`` (paths in the site tree): every
    CSV with its table schema (``header``: :func:`columns` of the build), every JSON with the result schema it follows, and the licence."""
    schema = table_schema(header)
    resources: list[dict[str, Any]] = []
    for rel in sorted(names):
        if not rel.startswith("data/") or not rel.endswith((".csv", ".json")):
            continue
        ext = rel.rsplit(".", 1)[1]
        resource: dict[str, Any] = {"name": _resource_name(rel), "path": rel, "format": ext, "encoding": "utf-8"}
        if ext == "csv":
            resource.update(type="table", mediatype="text/csv", schema=schema)
        else:
            resource.update(type="json", mediatype="application/json",
                            description=f"One document per unit and period; JSON Schema {out.RESULT_SCHEMA_ID}")
        resources.append(resource)
    package = {"name": "kinerja-open-data", "title": "Kinerja: open data", "version": DATA_VERSION,
               "description": f"Targets, realisations and achievements by unit and period ({mode} build).",
               "licenses": LICENSES, "resources": resources}
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"
