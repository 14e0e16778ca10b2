"""The periods and the shared state of one generator run (organisation, people, plan, who holds what)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .orgspec import Org
from .people import People
from .plan import Plan
from .records import Contract, Period, Person, Position

D = dt.date
PERIODS: tuple[Period, ...] = (
    Period("2020", "Tahun 2020", D(2020, 1, 1), D(2020, 12, 31), "pp46-2011", "annual", D(2021, 3, 31)),
    Period("2021", "Tahun 2021", D(2021, 1, 1), D(2021, 12, 31), "permenpanrb-8-2021", "annual", D(2022, 3, 31)),
    Period("2026", "Tahun 2026", D(2026, 1, 1), D(2026, 12, 31), "permenpanrb-6-2022", "monthly", D(2027, 1, 31),
           evaluation_cadence="quarterly", allowance_rule="tpp-contoh"),
)
TODAY = D(2026, 11, 27)
#: Months of 2026 with realisations and attendance (the year is in progress).
MONTHS_2026: tuple[str, ...] = tuple(f"2026-{m:02d}" for m in range(1, 11))
QUARTERS_2026: tuple[str, ...] = ("2026-Q1", "2026-Q2", "2026-Q3")


@dataclass
class World:
    org: Org
    people: People
    plan: Plan
    rng: random.Random
    holder: dict[tuple[str, str], Person] = field(default_factory=dict)        # (period, position) -> holder
    held: dict[tuple[str, str], Position] = field(default_factory=dict)        # (period, person) -> position
    contracts: dict[tuple[str, str], Contract] = field(default_factory=dict)   # (person, period) -> SKP
    quarters: dict[str, list] = field(default_factory=dict)                   # 2026 periodic evaluations
    skp: dict[tuple[str, str], float] = field(default_factory=dict)            # estimated SKP value
    behaviour: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict)  # chosen values
    misses: list[str] = field(default_factory=list)                             # plan targets not reached

    def position(self, pid: str) -> Position:
        return self.org.position_by_id[pid]


def index_holders(world: World) -> None:
    """Who holds each position at each period's end (the rule of ``Province.holder_at_end``: the holder
    whose assignment in the period ends last, ties by id) and which position each person holds in each
    period (the last one that overlaps it). One pass over all assignments."""
    best: dict[tuple[str, str], tuple[dt.date, str]] = {}
    for person in world.people.persons:
        for period in PERIODS:
            last = None
            for a in person.assignments:
                if a.start <= period.end and (a.end is None or a.end >= period.start):
                    last = a
                    key = (period.id, a.position)
                    rank = (min(a.end or period.end, period.end), person.id)
                    if key not in best or rank > best[key]:
                        best[key] = rank
                        world.holder[key] = person
            if last is not None:
                world.held[(period.id, person.id)] = world.position(last.position)
