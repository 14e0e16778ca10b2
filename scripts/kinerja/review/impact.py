"""Which files a change reaches, and which records the rules read when they check those files.

The review checks again — and reports — only the changed files and the files that depend on them, so that
a pull request shows what it caused or touched, not the whole tree's backlog, and so that a change to one
unit is reviewed in a moment even in a province of 40,000 employees. Everything is computed from the
organisation data and the data layout (one folder per unit), as paths to list in the tree, before any of
those files is read:

* a contract → the employee's realisations, assessment and appeal for the period, and the contracts (with
  theirs) of the subordinates whose targets support it (cascading);
* an assessment → the appeal against it;
* a unit agreement → its realisation and the contracts of the unit and its sub-units for the period;
* job descriptions → the records of the holders of those positions and of the two levels below them
  (their assessors and appeal assessors change), and the unit's agreements;
* employees → their records and those of the people they assess or decide appeals for;
* settings, the unit tree and periods reach everything (None).

:func:`context` then names what checking those files reads: the superior's contract, the agreements up
the unit tree, the contract a realisation or assessment belongs to, and, for a changed contract, the same
employee's contract in every other unit (one contract per period).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from .. import model as m
from ..load import Document, layout

GLOBAL_KINDS = ("settings", "organisation", "periods")
UNITS = f"{layout.DATA_DIR}/units"
EXTENSIONS = ("yaml", "yml")


@dataclass(frozen=True)
class Touched:
    """A changed file as the impact analysis sees it: kind, folder ids and its paths on both sides."""

    kind: str
    keys: dict[str, str]
    before: str | None
    after: str | None


def personal(unit: str, period: str, employee: str) -> list[str]:
    """The paths of one employee's records for a period in a unit folder (contract, realisations,
    assessment, appeal)."""
    base = f"{UNITS}/{unit}/{period}"
    return [*(f"{base}/{folder}/{employee}.{ext}" for folder in ("skp", "assessments", "appeals") for ext in EXTENSIONS),
            f"{base}/realisations/{employee}"]


def units_under(province: m.Province, unit: str) -> set[str]:
    """A unit and every unit below it."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for u in province.units.values():
        children[u.parent].append(u.id)
    out, todo = {unit}, [unit]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def units_above(province: m.Province, unit: str) -> list[str]:
    """A unit and its ancestors, nearest first."""
    out: list[str] = []
    current: str | None = unit
    while current is not None and current not in out:
        out.append(current)
        record = province.units.get(current)
        current = record.parent if record else None
    return out


class _Org:
    """Lookups over the organisation, built once."""

    def __init__(self, *provinces: m.Province) -> None:
        self.provinces = provinces
        self.reports: dict[str, set[str]] = defaultdict(set)
        self.positions: dict[str, m.Position] = {}
        self.periods: dict[str, m.Period] = {}
        for province in provinces:
            for position in province.positions.values():
                self.positions.setdefault(position.id, position)
                if position.reports_to:
                    self.reports[position.reports_to].add(position.id)
            for period in province.periods.values():
                self.periods.setdefault(period.id, period)

    def below(self, positions: Iterable[str], depth: int) -> set[str]:
        """Positions reporting to ``positions``, down to ``depth`` levels."""
        out: set[str] = set()
        level = set(positions)
        for _ in range(depth):
            level = {sub for pos in level for sub in self.reports.get(pos, ())}
            out |= level
        return out

    def records_of_positions(self, positions: Iterable[str], periods: Iterable[str]) -> set[str]:
        """The records of everyone who held ``positions`` in ``periods``, in those positions' unit folders."""
        out: set[str] = set()
        for position_id in positions:
            position = self.positions.get(position_id)
            if position is None:
                continue
            for period_id in periods:
                period = self.periods.get(period_id)
                if period is None:
                    continue
                holders = {e.id for p in self.provinces for e in p.holders(position_id, period.start, period.end)}
                for employee in holders:
                    out.update(personal(position.unit, period_id, employee))
        return out


def position_in(doc: Document | None) -> str | None:
    """The position a contract document names, if any."""
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    value = data.get("position")
    return value if isinstance(value, str) else None


def reach(changes: Iterable[Touched], head: m.Province, base: m.Province,
          docs: Mapping[str, Document]) -> set[str] | None:
    """The paths (files or folders) whose files the change reaches; None when it reaches everything.

    ``head`` and ``base`` hold at least the organisation on both sides; ``docs`` the changed files' versions.
    """
    org = _Org(head, base)
    out: set[str] = set()
    for change in changes:
        out |= {f for f in (change.before, change.after) if f}
        kind, keys = change.kind, change.keys
        if kind in GLOBAL_KINDS:
            return None
        if kind == "contract":
            period = keys["period"]
            out.update(personal(keys["unit"], period, keys["employee"]))
            positions = {p for p in (position_in(docs.get(change.before or "")), position_in(docs.get(change.after or ""))) if p}
            out |= org.records_of_positions(org.below(positions, 1), [period])
        elif kind == "assessment":
            out.update(f"{UNITS}/{keys['unit']}/{keys['period']}/appeals/{keys['employee']}.{ext}" for ext in EXTENSIONS)
        elif kind == "agreement":
            for unit in units_under(head, keys["unit"]) | units_under(base, keys["unit"]):
                out.add(f"{UNITS}/{unit}/{keys['period']}/skp")
            out.update(f"{UNITS}/{keys['unit']}/{keys['period']}/agreement-realisation.{ext}" for ext in EXTENSIONS)
        elif kind == "positions":
            positions = {p.id for prov in (head, base) for p in prov.positions.values() if p.unit == keys["unit"]}
            out |= org.records_of_positions(positions | org.below(positions, 2), org.periods)
            out.update(f"{UNITS}/{keys['unit']}/{period}/agreement.{ext}" for period in org.periods for ext in EXTENSIONS)
        elif kind == "employees":
            people = [e for prov in (head, base) for e in prov.employees.values() if e.unit == keys["unit"]]
            held = {a.position for e in people for a in e.assignments}
            for employee in people:
                for period in org.periods.values():
                    for position_id in employee.positions_during(period.start, period.end):
                        position = org.positions.get(position_id)
                        unit = position.unit if position else employee.unit
                        out.update(personal(unit, period.id, employee.id))
            out |= org.records_of_positions(org.below(held, 2), org.periods)
    return out


def context(province: m.Province, files: set[str], changes: Iterable[Touched], units: Iterable[str]) -> set[str]:
    """The paths of the records the rules read when they check ``files`` (already in ``province``)."""
    out: set[str] = set()
    for contract in province.contracts.values():
        if contract.source.file not in files:
            continue
        period = province.periods.get(contract.period)
        position = province.positions.get(contract.position)
        if period is not None and position is not None and position.reports_to:
            superior = province.superior(contract.position, period)
            above = province.positions.get(position.reports_to)
            if superior is not None and above is not None:
                out.update(f"{UNITS}/{above.unit}/{period.id}/skp/{superior.id}.{ext}" for ext in EXTENSIONS)
        chain = units_above(province, contract.unit) + (units_above(province, position.unit) if position else [])
        for unit in set(chain):
            out.update(f"{UNITS}/{unit}/{contract.period}/agreement.{ext}" for ext in EXTENSIONS)
    for file in files:
        place = layout.classify(file[len(layout.DATA_DIR) + 1:]) if file.startswith(layout.DATA_DIR + "/") else None
        if place is None:
            continue
        keys = place.keys
        if place.kind in ("realisation", "assessment", "appeal"):
            homes = {keys["unit"]}
            employee = province.employees.get(keys["employee"])
            period = province.periods.get(keys["period"])
            if employee is not None and period is not None:
                homes |= {province.positions[p].unit for p in employee.positions_during(period.start, period.end)
                          if p in province.positions}
            for unit in homes:
                out.update(f"{UNITS}/{unit}/{keys['period']}/skp/{keys['employee']}.{ext}" for ext in EXTENSIONS)
                if place.kind == "appeal":
                    out.update(f"{UNITS}/{unit}/{keys['period']}/assessments/{keys['employee']}.{ext}" for ext in EXTENSIONS)
        elif place.kind == "agreement-realisation":
            out.update(f"{UNITS}/{keys['unit']}/{keys['period']}/agreement.{ext}" for ext in EXTENSIONS)
    every_unit = list(units)
    for change in changes:  # one contract per employee and period: look in every unit for a second one
        if change.kind == "contract" and change.after:
            keys = change.keys
            out.update(f"{UNITS}/{unit}/{keys['period']}/skp/{keys['employee']}.{ext}" for unit in every_unit
                       for ext in EXTENSIONS)
    return out


def people(province: m.Province, files: set[str], changes: Iterable[Touched]) -> set[str]:
    """The ids (positions and employees) whose holders and records checking ``files`` and naming their
    approvers reads: the positions of their contracts up two levels (assessor and appeal assessor), the
    employees they name, the unit heads of agreements, the BKD head, and one level below a changed
    contract's position (whose holders' contracts the change reaches)."""
    positions: set[str] = set()
    employees: set[str] = set()
    for (employee, _), contract in province.contracts.items():
        if contract.source.file in files:
            positions.add(contract.position)
            employees |= {employee, contract.assessor or "", contract.appeal_assessor or ""}
    for table in (province.assessments, province.appeals):
        for (employee, _), record in table.items():
            if record.source.file in files:
                employees |= {employee, getattr(record, "assessor", None) or "", getattr(record, "decided_by", None) or ""}
    for (employee, _), records in province.realisations.items():
        if any(r.source.file in files for r in records):
            employees.add(employee)
    for (unit, _), agreement in province.agreements.items():
        if agreement.source.file in files:
            positions.add(agreement.owner)
            head = province.head_of(unit)
            if head is not None:
                positions.add(head.id)
    bkd = province.head_of(province.settings.bkd_unit) if province.settings.bkd_unit else None
    if bkd is not None:
        positions.add(bkd.id)
    org = _Org(province)
    for change in changes:
        if change.kind in ("agreement", "agreement-realisation"):
            head = province.head_of(change.keys["unit"])
            if head is not None:
                positions.add(head.id)
        if change.kind == "contract" and change.after is None and change.before:
            employees.add(change.keys["employee"])
        if change.kind in ("realisation", "assessment", "appeal", "contract", "correction"):
            employees.add(change.keys.get("employee", ""))
    contracts = {c.position for c in province.contracts.values()
                 if c.source.file in {ch.after for ch in changes if ch.kind == "contract"}}
    positions |= org.below(contracts, 1)
    for _ in range(2):  # the assessor and the appeal assessor
        positions |= {province.positions[p].reports_to for p in positions
                      if p in province.positions and province.positions[p].reports_to}  # type: ignore[misc]
    return {i for i in positions | employees if i}
