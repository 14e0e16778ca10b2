"""The organisation: units and positions built from the specs, scaled to the number of employees.

The demo (``employees=60``) is Sekretariat Daerah plus five agencies written by hand
(:mod:`.demo_a`, :mod:`.demo_b`). Larger numbers add generic agencies (:mod:`.generic`) at about one
OPD per 800 employees, and spread the staff over the non-head positions in proportion to their
demo counts. Every step is linear in the number of units and positions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from . import generic
from .demo_a import BKD, DISDIK, SETDA
from .demo_b import BAPPEDA, DINKES, INSPEKTORAT
from .records import Duty, Position, Unit

TOP_POSITION = "setda-sekda"
DEMO_SPECS = (SETDA, BKD, DISDIK, DINKES, BAPPEDA, INSPEKTORAT)
EMPLOYEES_PER_OPD = 800


@dataclass
class Org:
    units: list[Unit] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    unit_by_id: dict[str, Unit] = field(default_factory=dict)
    position_by_id: dict[str, Position] = field(default_factory=dict)
    head_of: dict[str, str] = field(default_factory=dict)          # unit id -> head position id
    opd_of: dict[str, str] = field(default_factory=dict)           # unit id -> its agency (root unit)
    depth: dict[str, int] = field(default_factory=dict)            # position id -> steps below the top

    def positions_of(self, unit_id: str) -> list[Position]:
        return [p for p in self.positions if p.unit == unit_id]


def build_org(employees: int, rng: random.Random, agencies: int | None = None) -> Org:
    """Units and positions for ``employees`` people (at least one per head position) in ``agencies`` OPD
    (default: one per ~EMPLOYEES_PER_OPD people; never fewer than the demo's)."""
    specs: list[dict[str, Any]] = list(DEMO_SPECS)
    opd_count = max(len(DEMO_SPECS) - 1, agencies if agencies else round(employees / EMPLOYEES_PER_OPD))
    for index in range(opd_count - (len(DEMO_SPECS) - 1)):
        specs.append(generic.agency(index, rng))
    org = Org()
    for spec in specs:
        _add_unit(org, spec, parent=None, parent_head=None if spec["id"] == "setda" else TOP_POSITION,
                  opd=spec["id"])
    _scale_staff(org, employees)
    for position in org.positions:
        _depth(org, position.id)
    return org


def _add_unit(org: Org, spec: dict[str, Any], parent: str | None, parent_head: str | None, opd: str) -> None:
    uid = spec["id"]
    record = Unit(uid, spec["name"], spec["type"], parent, short_name=spec.get("short"),
                  agreement=bool(spec["agreement"]), agreement_spec=list(spec["agreement"]))
    org.units.append(record)
    org.unit_by_id[uid] = record
    org.opd_of[uid] = opd
    head_spec = next(p for p in spec["positions"] if p["head"])
    head_id = f"{uid}-{head_spec['suffix']}"
    org.head_of[uid] = head_id
    for p in spec["positions"]:
        pid = f"{uid}-{p['suffix']}"
        if p["head"]:
            reports_to = parent_head
        elif p["reports_to"]:
            reports_to = p["reports_to"] if "-" in p["reports_to"] and p["reports_to"] in org.position_by_id \
                else f"{uid}-{p['reports_to']}"
        else:
            reports_to = head_id
        duties = [Duty(f"d{i}", text, output, unit_of_output, qty, rhk)
                  for i, (text, output, unit_of_output, qty, rhk) in enumerate(p["duties"], start=1)]
        position = Position(pid, uid, p["title"], p["cls"], p["level"], p["grade"], p["head"], reports_to,
                            p["summary"], duties, 1 if p["head"] else p["count"])
        org.positions.append(position)
        org.position_by_id[pid] = position
    for child in spec["children"]:
        _add_unit(org, child, parent=uid, parent_head=head_id, opd=opd)


def _scale_staff(org: Org, employees: int) -> None:
    """Spread ``employees`` minus the heads over the staff positions, in proportion to their counts
    (largest remainders first; ties by position order)."""
    heads = [p for p in org.positions if p.head]
    staff = [p for p in org.positions if not p.head]
    wanted = employees - len(heads)
    if wanted < 0:
        raise ValueError(f"at least {len(heads)} employees are needed (one per unit head)")
    base = sum(p.count for p in staff)
    if wanted == base or not staff:
        return
    shares = [(wanted * p.count) / base for p in staff]
    counts = [int(s) for s in shares]
    order = sorted(range(len(staff)), key=lambda i: (-(shares[i] - counts[i]), i))
    for i in order[: wanted - sum(counts)]:
        counts[i] += 1
    for position, count in zip(staff, counts):
        position.count = count


def _depth(org: Org, position_id: str) -> int:
    """Steps from the top position (memoised; the reporting line is a tree)."""
    trail: list[str] = []
    current: str | None = position_id
    while current is not None and current not in org.depth:
        trail.append(current)
        current = org.position_by_id[current].reports_to
    base = -1 if current is None else org.depth[current]
    for offset, pid in enumerate(reversed(trail), start=1):
        org.depth[pid] = base + offset
    return org.depth[position_id]
