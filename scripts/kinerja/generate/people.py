"""Employees: names, NIPs and assignments.

A PNS NIP is 18 digits: birth date ``YYYYMMDD``, CPNS appointment ``YYYYMM`` (at age 19 or older), the
sex digit (1 male, 2 female, matching the given name) and a 3-digit serial; it is written with spaces
(``19850312 201001 2 003``). A PPPK number uses another layout (birth date, appointment year, ``21``,
sex digit, serial), which the PNS rule does not check.

Special people are chosen by their place in the organisation, not at random, so the same ids play the
same roles whatever the seed: about 5% PPPK staff appointed on 2024-03-01, one employee in a hundred
who moved to another unit of the same agency on 2025-07-01 (old assignment ends 2025-06-30), and one
in two hundred who joined on 2026-10-01 (transferred in; their 2026 SKP is still proposed).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .names import git_handle, person_name
from .orgspec import Org
from .records import Assignment, Person, Position

MOVE_DATE = dt.date(2025, 7, 1)
JOIN_DATE = dt.date(2026, 10, 1)
PPPK_DATE = dt.date(2024, 3, 1)

#: (youngest, oldest) age in 2026 and education by class/level.
AGES = {"jpt": (47, 57), "administrator": (40, 55), "pengawas": (35, 52), "ahli-muda": (35, 52),
        "ahli-pertama": (27, 42), "terampil": (26, 45), "pelaksana": (26, 55)}
EDUCATION = {"jpt": ("master", "doctor"), "administrator": ("master",), "pengawas": ("bachelor", "master"),
             "ahli-muda": ("master", "bachelor"), "ahli-pertama": ("bachelor",), "terampil": ("diploma",),
             "pelaksana": ("bachelor", "diploma", "school")}


@dataclass
class People:
    persons: list[Person] = field(default_factory=list)
    by_id: dict[str, Person] = field(default_factory=dict)
    pppk: set[str] = field(default_factory=set)
    movers: set[str] = field(default_factory=set)
    joiners: set[str] = field(default_factory=set)


def _kind(position: Position) -> str:
    if position.cls == "fungsional":
        return position.level or "ahli-pertama"
    return position.cls


def _spread(candidates: list[int], count: int, offset: float, taken: set[int]) -> set[int]:
    """``count`` of the ``candidates`` (slot indexes) spread evenly over the list, skipping taken ones."""
    out: set[int] = set()
    total = len(candidates)
    for j in range(min(count, total - len(taken & set(candidates)))):
        i = int((j + offset) * total / count) % total
        while candidates[i] in taken:
            i = (i + 1) % total
        taken.add(candidates[i])
        out.add(candidates[i])
    return out


def build_people(org: Org, employees: int, rng: random.Random) -> People:
    slots = [(p, k) for p in org.positions for k in range(p.count)]
    staff = [i for i, (p, _) in enumerate(slots) if not p.head]
    taken: set[int] = set()
    plain = [i for i in staff if slots[i][0].cls == "pelaksana"] or staff   # movers hold staff posts
    pppk = _spread(staff, max(2, round(employees * 0.05)), 0.5, taken)
    movers = _spread(plain, max(1, employees // 100), 0.15, taken)
    joiners = _spread(staff, max(1, employees // 200), 0.8, taken)
    width = max(4, len(str(employees)))
    staff_by_opd: dict[str, list[Position]] = {}
    for p in org.positions:
        if not p.head:
            staff_by_opd.setdefault(org.opd_of[p.unit], []).append(p)
    people = People()
    nips: set[str] = set()
    for index, (position, _) in enumerate(slots):
        pid = f"p{index + 1:0{width}d}"
        sex = 1 if rng.random() < 0.55 else 2
        kind = _kind(position)
        young, old = AGES[kind]
        birth = dt.date(2026 - rng.randint(young, old), rng.randint(1, 12), rng.randint(1, 28))
        is_pppk = index in pppk
        if is_pppk:
            appointed = PPPK_DATE
        else:
            year = min(birth.year + rng.randint(22, 29), 2018)
            appointed = dt.date(max(year, birth.year + 19), rng.choice((1, 3, 4, 12)), 1)
        nip = _number(rng, birth, appointed, sex, is_pppk, nips)
        health = org.opd_of[position.unit] == "dinkes"
        name = person_name(rng, sex, rng.choice(EDUCATION[kind]), health=health)
        if is_pppk:
            assignments = [Assignment(position.id, PPPK_DATE)]
        elif index in joiners:
            assignments = [Assignment(position.id, JOIN_DATE)]
        else:
            earliest = max(appointed.replace(year=appointed.year + 1), dt.date(2014, 1, 2))
            latest = dt.date(2019, 12, 2)
            start = earliest if earliest >= latest else earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
            if index in movers:
                old = _previous_position(staff_by_opd.get(org.opd_of[position.unit], []), position)
                assignments = [Assignment(old.id, start, MOVE_DATE - dt.timedelta(days=1)),
                               Assignment(position.id, MOVE_DATE)]
            else:
                assignments = [Assignment(position.id, start)]
        person = Person(pid, nip, "pppk" if is_pppk else "pns", name, sex, position.unit, assignments,
                        git=git_handle(name, index + 1) if rng.random() < 0.6 else None)
        people.persons.append(person)
        people.by_id[pid] = person
        if is_pppk:
            people.pppk.add(pid)
        if index in movers:
            people.movers.add(pid)
        if index in joiners:
            people.joiners.add(pid)
    return people


def _number(rng: random.Random, birth: dt.date, appointed: dt.date, sex: int, pppk: bool, seen: set[str]) -> str:
    """A unique NIP (PNS) or PPPK number, written with spaces."""
    while True:
        serial = rng.randint(1, 999)
        if pppk:
            nip = f"{birth:%Y%m%d} {appointed.year}21 {sex} {serial:03d}"
        else:
            nip = f"{birth:%Y%m%d} {appointed:%Y%m} {sex} {serial:03d}"
        if nip not in seen:
            seen.add(nip)
            return nip


def _previous_position(staff: list[Position], current: Position) -> Position:
    """A staff position of the same class in another unit of the same agency (the mover's old post); else
    any other staff position of the agency. Stops at the first match, so it stays cheap."""
    fallback = None
    for p in staff:
        if p.unit != current.unit and p.cls == current.cls and p.level == current.level:
            return p
        if fallback is None and p.id != current.id:
            fallback = p
    return fallback or current
