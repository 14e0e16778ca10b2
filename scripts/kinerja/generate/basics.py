"""The instance files: settings, organisation, periods, and per unit its positions and employees."""

from __future__ import annotations

from typing import Any

from .context import PERIODS, TODAY, World


def settings_doc() -> dict[str, Any]:
    return {"government": "Pemerintah Provinsi Contoh", "language": "id", "bkd_unit": "bkd",
            "extra_vague_phrases": [], "today": TODAY.isoformat()}


def organisation_doc(world: World) -> dict[str, Any]:
    units = []
    for u in world.org.units:
        item: dict[str, Any] = {"id": u.id, "name": u.name}
        if u.short_name:
            item["short_name"] = u.short_name
        item["type"] = u.type
        item["parent"] = u.parent
        units.append(item)
    return {"units": units}


def periods_doc() -> dict[str, Any]:
    out = []
    for p in PERIODS:
        item: dict[str, Any] = {"id": p.id, "name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat(),
                                "regime": p.regime, "cadence": p.cadence}
        if p.evaluation_cadence:
            item["evaluation_cadence"] = p.evaluation_cadence
        item["lock_date"] = p.lock_date.isoformat()
        if p.allowance_rule:
            item["allowance_rule"] = p.allowance_rule
        out.append(item)
    return {"periods": out}


def positions_docs(world: World) -> list[tuple[str, dict[str, Any]]]:
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for p in world.org.positions:
        item: dict[str, Any] = {"id": p.id, "title": p.title, "class": p.cls}
        if p.level:
            item["level"] = p.level
        if p.head:
            item["head"] = True
        item["reports_to"] = p.reports_to
        item["grade"] = p.grade
        item["summary"] = p.summary
        item["duties"] = [{"id": d.id, "text": d.text, "output": d.output, "unit_of_output": d.unit}
                          for d in p.duties]
        by_unit.setdefault(p.unit, []).append(item)
    return [(f"units/{unit}/positions.yaml", {"unit": unit, "positions": items}) for unit, items in by_unit.items()]


def employees_docs(world: World) -> list[tuple[str, dict[str, Any]]]:
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for person in world.people.persons:
        item: dict[str, Any] = {"id": person.id, "nip": person.nip, "type": person.type, "name": person.name}
        if person.git:
            item["git"] = person.git
        item["assignments"] = [{"position": a.position, "from": a.start.isoformat(),
                                "to": a.end.isoformat() if a.end else None} for a in person.assignments]
        by_unit.setdefault(person.unit, []).append(item)
    return [(f"units/{unit}/employees.yaml", {"unit": unit, "employees": items}) for unit, items in by_unit.items()]
