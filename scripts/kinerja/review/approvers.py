"""Who must approve a change, derived from the organisation data (pure: no Git, no files).

* an individual contract (SKP), a realisation or an assessment: the assessor (pejabat penilai, the
  holder of the position the employee's position reports to);
* an appeal (keberatan) and its decision: the appeal assessor (atasan pejabat penilai);
* a unit agreement (perjanjian kinerja): the unit head and the BKD;
* what the unit achieved on its agreement: the unit head;
* job descriptions, employees, the unit tree, periods, settings, allowance rules, attendance and
  corrections: the BKD (the head of ``settings.bkd_unit``).

Nobody approves their own contract, realisation, assessment or appeal: when the rule would name the
employee themselves (a top position without a superior, whose fallback is the BKD head), the role is
left vacant and the review says that an approver from outside the data is needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from .. import model as m
from ..load import layout
from ..validate.rules import expected_assessors

BKD_KINDS = ("settings", "organisation", "periods", "allowance-rule", "attendance", "positions", "employees",
             "correction")

ROLE_WORDS = {
    "id": {"assessor": "pejabat penilai", "appeal-assessor": "atasan pejabat penilai", "unit-head": "kepala unit",
           "bkd": "BKD"},
    "en": {"assessor": "assessor", "appeal-assessor": "appeal assessor", "unit-head": "unit head", "bkd": "BKD"},
}


@dataclass(frozen=True)
class Role:
    """One approval a change needs: the role and who holds it (None when nobody in the data can)."""

    key: str
    employee: m.Employee | None

    def words(self, lang: str) -> str:
        return ROLE_WORDS["en" if lang == "en" else "id"][self.key]


@dataclass(frozen=True)
class Need:
    """The approvals a change to one file needs. ``subject`` is the employee whose own record it is:
    they never count as an approver."""

    file: str
    kind: str | None
    roles: tuple[Role, ...] = ()
    subject: str | None = None

    @property
    def approvers(self) -> list[m.Employee]:
        seen: dict[str, m.Employee] = {}
        for role in self.roles:
            if role.employee is not None:
                seen.setdefault(role.employee.id, role.employee)
        return list(seen.values())

    @property
    def vacant(self) -> list[Role]:
        return [r for r in self.roles if r.employee is None]

    def missing(self, approved: Iterable[str]) -> list[Role]:
        """The roles not covered by the employee ids in ``approved`` (the subject never counts)."""
        ids = set(approved) - {self.subject}
        return [r for r in self.roles if r.employee is None or r.employee.id not in ids]


def holder_on(province: m.Province, position_id: str, day: dt.date) -> m.Employee | None:
    """The holder of a position on ``day``, else the most recent holder before it, else the first after."""
    current = province.holders(position_id, day, day)
    if current:
        return max(current, key=lambda e: e.id)
    every = province.holders(position_id, dt.date.min, dt.date.max)
    if not every:
        return None

    def start(e: m.Employee) -> dt.date:
        return max(a.start or dt.date.min for a in e.assignments if a.position == position_id)

    earlier = [e for e in every if start(e) <= day]
    return max(earlier, key=start) if earlier else min(every, key=start)


def bkd_head(province: m.Province, day: dt.date) -> m.Employee | None:
    """The head of the personnel agency (settings.bkd_unit) on ``day``."""
    unit = province.settings.bkd_unit
    head = province.head_of(unit) if unit else None
    return holder_on(province, head.id, day) if head else None


def position_of(province: m.Province, employee_id: str, period: m.Period) -> str | None:
    """The position an employee held in a period (the latest assignment overlapping it)."""
    employee = province.employees.get(employee_id)
    if employee is None:
        return None
    during = [a for a in employee.assignments if a.overlaps(period.start, period.end)]
    if not during:
        return None
    return max(during, key=lambda a: (a.end or dt.date.max, a.start or dt.date.min)).position


def need_for(file: str, provinces: Sequence[m.Province], day: dt.date, position: str | None = None) -> Need:
    """The approvals a change to ``file`` (a path relative to the repository) needs.

    ``provinces`` are tried in order: the organisation before the change first (so that a change cannot
    name its own approver), then the one after it for what is new. ``position`` is the position a
    contract names, when known. ``day`` is the day of the change (for the BKD head).
    """
    place = layout.classify(file[len(layout.DATA_DIR) + 1:]) if file.startswith(layout.DATA_DIR + "/") else None
    if place is None:
        return Need(file, None)
    kind, keys = place.kind, place.keys
    first = provinces[0]
    if kind in BKD_KINDS:
        return Need(file, kind, (Role("bkd", _first(lambda p: bkd_head(p, day), provinces)),))
    if kind in ("agreement", "agreement-realisation"):
        province = next((p for p in provinces if keys["period"] in p.periods and p.head_of(keys["unit"])), first)
        period = province.periods.get(keys["period"])
        head = province.head_of(keys["unit"])
        holder = province.holder_at_end(head.id, period) if head and period else None
        if holder is None and head is not None:
            holder = holder_on(province, head.id, day)
        roles = [Role("unit-head", holder)]
        if kind == "agreement":
            roles.append(Role("bkd", _first(lambda p: bkd_head(p, day), provinces)))
        return Need(file, kind, tuple(roles))
    employee = keys["employee"]
    for province in provinces:
        period = province.periods.get(keys["period"])
        pos = position if position in province.positions else None
        if period is not None and pos is None:
            pos = position_of(province, employee, period)
        if period is None or pos is None:
            continue
        assessor, appeal = expected_assessors(province, pos, period)
        if kind == "appeal":
            role = Role("appeal-assessor", appeal) if appeal is not None else _fallback(province, day, employee)
        else:
            role = Role("assessor", assessor) if assessor is not None else _fallback(province, day, employee)
        return Need(file, kind, (role,), employee)
    return Need(file, kind, (Role("appeal-assessor" if kind == "appeal" else "assessor", None),), employee)


def _fallback(province: m.Province, day: dt.date, subject: str) -> Role:
    """A top position has no superior in the data: the BKD head approves, unless that is the subject."""
    head = bkd_head(province, day)
    return Role("bkd", head if head is not None and head.id != subject else None)


def _first(get, provinces: Sequence[m.Province]):  # type: ignore[no-untyped-def]
    for province in provinces:
        found = get(province)
        if found is not None:
            return found
    return None


def show(employee: m.Employee | None, lang: str = "id") -> str:
    """``Name (@handle)``; says so when nobody can approve or the approver has no Git handle."""
    if employee is None:
        return "tidak ada dalam data (perlu pejabat di luar data)" if lang != "en" else "nobody in the data (an official outside it)"
    handle = f"@{employee.git}" if employee.git else ("tanpa akun Git" if lang != "en" else "no Git handle")
    return f"{employee.name} ({handle})"
