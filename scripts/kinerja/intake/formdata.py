"""The data behind the forms: what the browser needs to offer choices, split per unit.

``index.json`` holds the units, the periods with their reporting periods, the rules taken from the
schemas (:func:`kinerja.intake.canonical.field_rules`), the catalogue messages the browser shows and the
interface texts. ``units/<unit>.json`` holds one unit's positions (with their duties), its employees (ids
and assignments; names only in a staff build), its contracts with their targets and indicators, the
superiors' targets and the agreement indicators a target may support. A province of 40,000 employees
therefore never sends one huge file: the browser fetches a unit's file when that unit is chosen.

No NIP is ever written; names only with ``staff=True``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .. import errors
from .. import model as m
from ..load import Loaded
from ..validate.rules import agreement_chain
from ..validate.schema import _PATTERN_HINTS
from . import canonical
from .texts import TEXTS

#: Catalogue codes the browser's checks use (same words as the CLI and the service).
BROWSER_CODES = ("K015", "K016", "K101", "K103", "K105", "K106", "K108", "K109", "K234", "K235",
                 "K810", "K811", "K812", "K813", "K814", "K815", "K816", "K817", "K818", "K819",
                 "K820", "K821", "K822")


def today(province: m.Province) -> dt.date:
    """The instance's "today" (``settings.today`` fixes it for reproducible demo builds)."""
    return province.settings.today or dt.date.today()


def jsonable(value: Any) -> Any:
    """Decimals as their text (so ``85.50`` keeps its digits), dates as ISO text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _pattern_hint(pattern: str) -> dict[str, str] | None:
    for key, hint_id, hint_en in _PATTERN_HINTS:
        if key in pattern:
            return {"id": hint_id, "en": hint_en}
    return None


def rules(folder: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in canonical.KINDS:
        flat = canonical.field_rules(kind, folder)
        for rule in flat.values():
            if "pattern" in rule:
                hint = _pattern_hint(rule["pattern"])
                if hint:
                    rule["pattern_hint"] = hint
        out[kind] = flat
    return out


def messages(lang: str) -> dict[str, dict[str, str]]:
    return {code: {"message": errors.get(code).message(lang), "hint": errors.get(code).hint(lang),
                   "severity": errors.get(code).severity}
            for code in BROWSER_CODES}


def _unit_order(province: m.Province) -> list[m.Unit]:
    """Units in tree order (each agency followed by its sub-units)."""
    children: dict[str | None, list[m.Unit]] = {}
    for unit in province.units.values():
        parent = unit.parent if unit.parent in province.units else None
        children.setdefault(parent, []).append(unit)
    out: list[m.Unit] = []
    seen: set[str] = set()

    def visit(parent: str | None, depth: int) -> None:
        for unit in children.get(parent, []):
            if unit.id not in seen:
                seen.add(unit.id)
                out.append(unit)
                visit(unit.id, depth + 1)

    visit(None, 0)
    out.extend(u for u in province.units.values() if u.id not in seen)
    return out


def _depth(province: m.Province, unit: m.Unit) -> int:
    depth, current, seen = 0, unit.parent, set()
    while current and current in province.units and current not in seen:
        seen.add(current)
        depth += 1
        current = province.units[current].parent
    return depth


def index(loaded: Loaded, lang: str = "id", staff: bool = False, submit: dict[str, Any] | None = None) -> dict[str, Any]:
    """The forms' index: units, periods, rules, messages, texts and how to submit."""
    province = loaded.province
    now = today(province)
    folder = str(loaded.root / "schemas") if (loaded.root / "schemas").is_dir() else None
    units_with_data = {c.unit for c in province.contracts.values()} | {p.unit for p in province.positions.values()}
    return {
        "version": 1,
        "lang": lang,
        "government": province.settings.government,
        "staff": staff,
        "today": now.isoformat(),
        "today_fixed": province.settings.today is not None,   # else the browser's own date is used
        "units": [{"id": u.id, "name": u.name, "parent": u.parent, "depth": _depth(province, u),
                   "has_data": u.id in units_with_data}
                  for u in _unit_order(province)],
        "periods": [{"id": p.id, "name": p.name, "regime": p.regime, "cadence": p.cadence,
                     "start": p.start.isoformat(), "end": p.end.isoformat(),
                     "lock_date": p.lock_date.isoformat() if p.lock_date else None,
                     "locked": bool(p.lock_date and now > p.lock_date),
                     "reporting_periods": p.reporting_periods()}
                    for p in sorted(province.periods.values(), key=lambda p: p.start, reverse=True)],
        "rules": rules(folder),
        "messages": messages(lang),
        "texts": TEXTS["en" if lang == "en" else "id"],
        "submit": submit or {},
    }


def _indicator(ind: m.Indicator) -> dict[str, Any]:
    target = ind.target
    return {"id": ind.id, "text": ind.text, "unit": ind.unit,
            "target": jsonable(target.value) if target.value is not None else None,
            "min": jsonable(target.low), "max": jsonable(target.high),
            "target_text": target.text if target.qualitative else None,
            "qualitative": target.qualitative, "polarity": ind.polarity, "aggregation": ind.aggregation,
            "maximum": ind.maximum}


def _target(target: m.Target) -> dict[str, Any]:
    return {"id": target.id, "category": target.category, "text": target.text, "duty": target.duty,
            "supports": target.supports, "supports_indicator": target.supports_indicator, "role": target.role,
            "quantity": {"target": jsonable(target.quantity.target), "unit": target.quantity.unit} if target.quantity else None,
            "quality": jsonable(target.quality),
            "time": {"target": jsonable(target.time.target), "unit": target.time.unit} if target.time else None,
            "cost": jsonable(target.cost),
            "indicators": [_indicator(i) for i in target.indicators]}


class _Groups:
    """Contracts, employees and realisations grouped by unit once (not once per unit)."""

    def __init__(self, province: m.Province) -> None:
        self.positions: dict[str, list[m.Position]] = {}
        for p in province.positions.values():
            self.positions.setdefault(p.unit, []).append(p)
        self.employees: dict[str, set[str]] = {}
        for e in province.employees.values():
            self.employees.setdefault(e.unit, set()).add(e.id)
            for a in e.assignments:
                position = province.positions.get(a.position)
                if position is not None:
                    self.employees.setdefault(position.unit, set()).add(e.id)
        self.contracts: dict[str, dict[str, m.Contract]] = {}
        for c in province.contracts.values():
            self.contracts.setdefault(c.unit, {})[f"{c.employee}/{c.period}"] = c


def unit(loaded: Loaded, unit_id: str, staff: bool = False, groups: _Groups | None = None) -> dict[str, Any]:
    """The data of one unit: positions, employees, contracts, superiors' targets, agreement indicators."""
    province = loaded.province
    groups = groups or _Groups(province)
    positions = groups.positions.get(unit_id, [])
    employees = [province.employees[e] for e in sorted(groups.employees.get(unit_id, ()))]
    contracts = groups.contracts.get(unit_id, {})
    reported: dict[str, list[str]] = {}
    for key, c in contracts.items():
        records = province.realisations.get((c.employee, c.period), [])
        reported[key] = sorted({r.reporting_period for r in records})
    superiors: dict[str, Any] = {}
    agreements: dict[str, Any] = {}
    for position in positions:
        for period in province.periods.values():
            holder = province.superior(position.id, period)
            key = f"{position.id}/{period.id}"
            if holder is not None:
                contract = province.contracts.get((holder.id, period.id))
                superiors[key] = {"employee": holder.id, "position": position.reports_to,
                                  "status": contract.status if contract else None,
                                  "targets": [{"id": t.id, "text": t.text} for t in contract.targets] if contract else []}
    for period in province.periods.values():
        chain = agreement_chain(province, unit_id, period.id)
        if chain:
            agreements[period.id] = [{"id": i.id, "text": i.text, "unit": a.unit}
                                     for a in chain for i in a.indicators()]
    return {
        "unit": unit_id,
        "positions": [{"id": p.id, "title": p.title, "class": p.cls, "head": p.head, "reports_to": p.reports_to,
                       "duties": [{"id": d.id, "text": d.text, "output": d.output, "unit_of_output": d.unit_of_output}
                                  for d in p.duties]}
                      for p in positions],
        "employees": [dict({"id": e.id, "assignments": [{"position": a.position,
                                                         "from": a.start.isoformat() if a.start else None,
                                                         "to": a.end.isoformat() if a.end else None}
                                                        for a in e.assignments]},
                           **({"name": e.name} if staff else {}))
                      for e in employees],
        "contracts": {key: {"employee": c.employee, "period": c.period, "position": c.position, "status": c.status,
                            "targets": [_target(t) for t in c.targets], "reported": reported.get(key, [])}
                      for key, c in sorted(contracts.items())},
        "superiors": superiors,
        "agreements": agreements,
    }


def all_units(loaded: Loaded, staff: bool = False) -> dict[str, dict[str, Any]]:
    """Every unit's data (for a static build)."""
    groups = _Groups(loaded.province)
    return {u: unit(loaded, u, staff, groups) for u in loaded.province.units}
