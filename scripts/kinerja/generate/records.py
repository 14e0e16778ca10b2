"""Plain records the generator builds before it writes YAML (kept separate from :mod:`kinerja.model`,
which is what the loader reads back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Unit:
    id: str
    name: str
    type: str
    parent: str | None
    short_name: str | None = None
    agreement: bool = False          # has its own perjanjian kinerja
    agreement_spec: list[Any] = field(default_factory=list)  # goals: [(goal text, [indicator tuples])]


@dataclass
class Duty:
    id: str
    text: str                        # uraian tugas
    output: str                      # hasil kerja
    unit: str                        # satuan hasil
    qty: int                         # annual quantity (target volume)
    rhk: str                         # rencana hasil kerja written from this duty


@dataclass
class Position:
    id: str
    unit: str
    title: str
    cls: str
    level: str | None
    grade: int
    head: bool
    reports_to: str | None
    summary: str
    duties: list[Duty]
    count: int = 1                   # holders in 2026 (staff positions may have several)

    @property
    def structural(self) -> bool:
        return self.cls in ("jpt", "administrator", "pengawas")

    def duty(self, duty_id: str) -> Duty | None:
        return next((d for d in self.duties if d.id == duty_id), None)


@dataclass
class Assignment:
    position: str
    start: dt.date
    end: dt.date | None = None


@dataclass
class Person:
    id: str
    nip: str
    type: str                        # pns | pppk
    name: str
    sex: int                         # 1 male, 2 female
    unit: str                        # the employees.yaml this person is listed in (current unit)
    assignments: list[Assignment]
    git: str | None = None


@dataclass(frozen=True)
class Period:
    id: str
    name: str
    start: dt.date
    end: dt.date
    regime: str
    cadence: str
    lock_date: dt.date
    evaluation_cadence: str | None = None
    allowance_rule: str | None = None


@dataclass
class Indicator:
    id: str
    text: str
    unit: str
    target: Any = None               # number or {"min": .., "max": ..}
    target_text: str | None = None
    polarity: str = "higher"
    aggregation: str = "last"
    maximum: bool = False

    def as_data(self, with_aggregation: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text, "unit": self.unit}
        if self.target_text is not None:
            out["target_text"] = self.target_text
        else:
            out["target"] = self.target
        out["polarity"] = self.polarity
        if self.maximum:
            out["maximum"] = True
        if with_aggregation:
            out["aggregation"] = self.aggregation
        return out


@dataclass
class Target:
    """One SKP target (RHK) with either PP 46/2011 aspects or indicators (IKI)."""

    id: str
    text: str
    category: str = "main"
    duty: str | None = None
    supports: str | None = None
    supports_indicator: str | None = None
    quantity: tuple[int, str] | None = None
    cost: int | None = None
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Contract:
    person: Person
    position: Position
    period: Period
    assessor: Person | None
    appeal_assessor: Person | None
    targets: list[Target]
    status: str = "approved"
    approved_on: dt.date | None = None


def number(value: float) -> float | int:
    """Whole numbers as integers (``100`` rather than ``100.0``)."""
    return int(value) if float(value).is_integer() else value
