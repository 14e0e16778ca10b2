"""The domain: typed, immutable records of performance management, with no I/O.

Names follow the domain (Indonesian term beside the English one): :class:`Unit` (unit kerja / OPD),
:class:`Position` (jabatan), :class:`Duty` (uraian tugas), :class:`Employee` (pegawai),
:class:`Agreement` (perjanjian kinerja), :class:`Contract` (SKP), :class:`Realisation` (realisasi),
:class:`Assessment` (penilaian), :class:`Appeal` (keberatan). Every record remembers where it came
from (:class:`Source`) so rules can point at the file and field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

Path = tuple[str | int, ...]

#: Phrases that make a duty open-ended (the default of ``settings.yaml``'s ``vague_phrases``);
#: checked by :mod:`kinerja.validate.vague`.
DEFAULT_VAGUE_PHRASES: tuple[str, ...] = (
    "tugas lain yang diperintahkan pimpinan",
    "tugas lain yang diberikan pimpinan",
    "tugas lain yang diberikan atasan",
    "tugas lain yang diperintahkan atasan",
    "tugas-tugas lain",
    "tugas kedinasan lain",
    "dan lain-lain",
    "dan lain lain",
    "dll",
    "dsb",
    "other duties as assigned",
    "other tasks assigned",
    "any other duties",
    "and so on",
    "etc",
)

REGIMES = ("pp46-2011", "permenpanrb-8-2021", "permenpanrb-6-2022")
STRUCTURAL_CLASSES = ("jpt", "administrator", "pengawas")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: the file (relative to the repository) and the field path inside it."""

    file: str
    path: Path = ()

    def at(self, *more: str | int) -> "Source":
        path = self.path + more
        return Source(self.file, _PATHS.setdefault(path, path))


# Field paths repeat in every file (("entries", 0), ("targets", 1), ...): one shared tuple each.
_PATHS: dict[tuple[str | int, ...], tuple[str | int, ...]] = {}


@dataclass(frozen=True, slots=True)
class Settings:
    """Instance settings (contracts/settings.yaml)."""

    government: str = "Pemerintah Provinsi"
    language: str = "id"
    bkd_unit: str | None = None
    vague_phrases: tuple[str, ...] = ()
    max_file_bytes: int = 5 * 1024 * 1024
    appeal_days: int = 14
    today: dt.date | None = None
    min_group_size: int = 5  # public site: smallest group whose distribution or allowance total is shown


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit (unit kerja): an agency (OPD) or one of its sub-units."""

    id: str
    name: str
    type: str
    parent: str | None
    source: Source
    short_name: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """An assessment period (periode penilaian) and the rules in force for it."""

    id: str
    name: str
    start: dt.date
    end: dt.date
    regime: str
    cadence: str
    source: Source
    lock_date: dt.date | None = None
    allowance_rule: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    evaluation_cadence: str | None = None

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def evaluation_periods(self) -> list[str]:
        """The periods of periodic evaluations (PermenPANRB 6/2022)."""
        return self.reporting_periods(self.evaluation_cadence or self.cadence)

    def reporting_periods(self, cadence: str | None = None) -> list[str]:
        """The reporting periods of the cadence: ``2026-01`` …, ``2026-Q1`` …, ``2026-S1`` … or ``2026``."""
        cadence = cadence or self.cadence
        out: list[str] = []
        if cadence == "annual":
            return [str(self.start.year)] if self.start.year == self.end.year else [self.id]
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            if cadence == "monthly":
                out.append(f"{year:04d}-{month:02d}")
            elif cadence == "quarterly":
                label = f"{year:04d}-Q{(month - 1) // 3 + 1}"
                if label not in out:
                    out.append(label)
            elif cadence == "semester":
                label = f"{year:04d}-S{(month - 1) // 6 + 1}"
                if label not in out:
                    out.append(label)
            month += 1
            if month > 12:
                year, month = year + 1, 1
        return out


def reporting_period_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last day of a reporting period label."""
    year = int(label[:4])
    if len(label) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    rest = label[5:]
    if rest.startswith("Q"):
        first = (int(rest[1]) - 1) * 3 + 1
        last = first + 2
    elif rest.startswith("S"):
        first = (int(rest[1]) - 1) * 6 + 1
        last = first + 5
    else:
        first = last = int(rest)
    end = dt.date(year + (last == 12), 1 if last == 12 else last + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end


@dataclass(frozen=True, slots=True)
class Duty:
    """A duty of a job description (uraian tugas) with its output (hasil kerja)."""

    id: str
    text: str
    output: str
    unit_of_output: str
    source: Source


@dataclass(frozen=True, slots=True)
class Position:
    """A position (jabatan) with its job description (anjab)."""

    id: str
    title: str
    cls: str
    unit: str
    reports_to: str | None
    summary: str
    duties: tuple[Duty, ...]
    source: Source
    level: str | None = None
    head: bool = False
    grade: int | None = None
    skeleton: bool = False  # created by an import from its name; summary and duties still to write

    @property
    def structural(self) -> bool:
        return self.cls in STRUCTURAL_CLASSES

    def duty(self, duty_id: str) -> Duty | None:
        return next((d for d in self.duties if d.id == duty_id), None)


@dataclass(frozen=True, slots=True)
class Assignment:
    """An employee holding a position from a date, to a date or open-ended."""

    position: str
    start: dt.date | None
    end: dt.date | None
    source: Source

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        if self.start is None:
            return False
        return self.start <= end and (self.end is None or self.end >= start)


@dataclass(frozen=True, slots=True)
class Employee:
    """An employee (pegawai, PNS or PPPK). ``nip`` is personal data and is never published by default."""

    id: str
    nip: str
    type: str
    name: str
    unit: str
    assignments: tuple[Assignment, ...]
    source: Source
    git: str | None = None
    email: str | None = None

    def positions_during(self, start: dt.date, end: dt.date) -> list[str]:
        return [a.position for a in self.assignments if a.overlaps(start, end)]


@dataclass(frozen=True, slots=True)
class TargetValue:
    """A numeric target or a range ``[low, high]``; ``text`` for a qualitative target."""

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    text: str | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None

    @property
    def qualitative(self) -> bool:
        return self.value is None and self.low is None

    def show(self) -> str:
        if self.is_range:
            return f"{self.low}–{self.high}"
        if self.value is not None:
            return str(self.value)
        return self.text or "-"


@dataclass(frozen=True, slots=True)
class Indicator:
    """An indicator (indikator kinerja) of a unit agreement or an individual target (IKI)."""

    id: str
    text: str
    unit: str
    target: TargetValue
    polarity: str
    maximum: bool
    aggregation: str
    source: Source
    weight: Decimal | None = None  # bobot in percent (PermenPANRB 8/2021); None: equal weights


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal (sasaran) of a unit agreement."""

    id: str
    text: str
    indicators: tuple[Indicator, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Agreement:
    """A unit's performance agreement (perjanjian kinerja) for a period."""

    unit: str
    period: str
    owner: str
    status: str
    goals: tuple[Goal, ...]
    source: Source
    approved_on: dt.date | None = None

    def indicators(self) -> list[Indicator]:
        return [i for g in self.goals for i in g.indicators]


@dataclass(frozen=True, slots=True)
class Aspect:
    """A PP 46/2011 aspect target: quantity, time (with a unit) or quality/cost (unit-less)."""

    target: Decimal
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A target of a contract (SKP): an RHK or, under PP 46/2011, an activity (kegiatan tugas jabatan)."""

    id: str
    category: str
    text: str
    duty: str | None
    supports: str | None
    supports_indicator: str | None
    source: Source
    quantity: Aspect | None = None
    quality: Decimal | None = None
    time: Aspect | None = None
    cost: Decimal | None = None
    indicators: tuple[Indicator, ...] = ()
    role: str | None = None

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)


@dataclass(frozen=True, slots=True)
class Contract:
    """An individual performance contract (SKP, sasaran kinerja pegawai) for one period."""

    employee: str
    position: str
    period: str
    unit: str
    status: str
    targets: tuple[Target, ...]
    source: Source
    assessor: str | None = None
    appeal_assessor: str | None = None
    approved_on: dt.date | None = None

    def target(self, target_id: str) -> Target | None:
        return next((t for t in self.targets if t.id == target_id), None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Evidence (bukti dukung)."""

    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RealisationEntry:
    """What was achieved on one target (and indicator) in one reporting period."""

    target: str
    index: int  # its place under ``entries`` in its file (a Source each would cost a province 100+ MB)
    indicator: str | None = None
    value: Decimal | None = None
    value_text: str | None = None
    quantity: Decimal | None = None
    quality: Decimal | None = None
    time: Decimal | None = None
    cost: Decimal | None = None
    not_available: str | None = None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None
    reporting_period: str | None = None

    @property
    def has_value(self) -> bool:
        return any(v is not None for v in (self.value, self.value_text, self.quantity, self.quality,
                                           self.time, self.cost))

    def source_in(self, report: Source) -> Source:
        """Where this entry is, given the source of the report that holds it."""
        return report.at("entries", self.index)


@dataclass(frozen=True, slots=True)
class Realisation:
    """A realisation report (laporan realisasi) of one employee for one reporting period."""

    employee: str
    period: str
    reporting_period: str
    unit: str
    entries: tuple[RealisationEntry, ...]
    source: Source
    submitted_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AgreementRealisation:
    """What a unit achieved on its agreement's indicators."""

    unit: str
    period: str
    entries: tuple[RealisationEntry, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class PeriodicRating:
    """A periodic evaluation under PermenPANRB 6/2022."""

    reporting_period: str
    results: str
    behaviour: str
    feedback: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """The assessor's assessment (penilaian kinerja) of an employee for a period."""

    employee: str
    period: str
    assessor: str
    date: dt.date | None
    unit: str
    source: Source
    behaviour: Mapping[str, Any] = field(default_factory=dict)
    behaviour_raters: str = "superior"
    behaviour_rating: str | None = None
    results: str | None = None
    periodic: tuple[PeriodicRating, ...] = ()
    extra_tasks: tuple[str, ...] = ()
    creativity_level: str | None = None
    creativity: str | None = None
    additional_work: tuple[tuple[str, Decimal], ...] = ()
    new_idea: bool = False
    new_idea_text: str | None = None
    feedback: str | None = None
    structural: bool | None = None


@dataclass(frozen=True, slots=True)
class Appeal:
    """An appeal (keberatan) against an assessment."""

    employee: str
    period: str
    unit: str
    filed: dt.date | None
    reasons: str
    decision: str
    source: Source
    result_received: dt.date | None = None
    decided_by: str | None = None
    decided_on: dt.date | None = None
    decision_reasons: str | None = None
    changed_rating: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Province:
    """Everything loaded: the whole data of one instance, indexed by id.

    Built once by :mod:`kinerja.load`; the validator, the scorer and the site read it and never change it.
    """

    settings: Settings = field(default_factory=Settings)
    units: dict[str, Unit] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    employees: dict[str, Employee] = field(default_factory=dict)
    agreements: dict[tuple[str, str], Agreement] = field(default_factory=dict)
    agreement_realisations: dict[tuple[str, str], AgreementRealisation] = field(default_factory=dict)
    contracts: dict[tuple[str, str], Contract] = field(default_factory=dict)
    realisations: dict[tuple[str, str], list[Realisation]] = field(default_factory=dict)
    assessments: dict[tuple[str, str], Assessment] = field(default_factory=dict)
    appeals: dict[tuple[str, str], Appeal] = field(default_factory=dict)
    allowance_rules: dict[str, Any] = field(default_factory=dict)
    attendance: dict[str, Any] = field(default_factory=dict)
    unreadable: set[tuple[str, ...]] = field(default_factory=set)
    """Files that exist but could not be read, as (kind, *folder ids): rules do not report them missing."""

    # --- derived views, computed on demand -------------------------------------------------------
    def children(self, unit_id: str) -> list[Unit]:
        return [self.units[c] for c in self._children_index().get(unit_id, [])]

    def subtree(self, unit_id: str) -> list[str]:
        """The unit and all its sub-units, depth first, children in id order."""
        index = self._children_index()
        out, stack = [], [unit_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(index.get(current, [])))
        return out

    def _children_index(self) -> dict[str | None, list[str]]:
        cached = self.__dict__.get("_children")
        if cached is None:
            cached = {}
            for unit_id in sorted(self.units):
                cached.setdefault(self.units[unit_id].parent, []).append(unit_id)
            self.__dict__["_children"] = cached
        return cached

    def head_of(self, unit_id: str) -> Position | None:
        return next((p for p in self.positions.values() if p.unit == unit_id and p.head), None)

    def holders(self, position_id: str, start: dt.date, end: dt.date) -> list[Employee]:
        """Employees holding ``position_id`` at any time between ``start`` and ``end``."""
        return [e for e in self._holders_index().get(position_id, ())
                if any(a.position == position_id and a.overlaps(start, end) for a in e.assignments)]

    def _holders_index(self) -> dict[str, list[Employee]]:
        cached = self.__dict__.get("_holders")
        if cached is None:
            cached = {}
            for employee in self.employees.values():
                for position in {a.position for a in employee.assignments}:
                    cached.setdefault(position, []).append(employee)
            self.__dict__["_holders"] = cached
        return cached

    def superior(self, position_id: str, period: Period) -> Employee | None:
        """The assessor (pejabat penilai): the holder of the ``reports_to`` position at the period's end
        (or the latest holder during the period)."""
        position = self.positions.get(position_id)
        if position is None or position.reports_to is None:
            return None
        return self.holder_at_end(position.reports_to, period)

    def holder_at_end(self, position_id: str, period: Period) -> Employee | None:
        holders = self.holders(position_id, period.start, period.end)
        if not holders:
            return None

        def last_day(e: Employee) -> dt.date:
            ends = [a.end or period.end for a in e.assignments
                    if a.position == position_id and a.overlaps(period.start, period.end)]
            return min(max(ends), period.end)

        return max(holders, key=lambda e: (last_day(e), e.id))

    def realisations_of(self, employee_id: str, period_id: str) -> list[Realisation]:
        return self.realisations.get((employee_id, period_id), [])


def _fast_pickling() -> None:
    """Frozen slotted dataclasses unpickle through ``dataclasses``' Python ``__setstate__`` (a call to
    ``fields()`` per object); the parse cache holds hundreds of thousands of them. Pickle them as a call
    of the class with the field values instead (about a third faster to load)."""
    import dataclasses

    for value in list(globals().values()):
        if isinstance(value, type) and dataclasses.is_dataclass(value) and hasattr(value, "__slots__") \
                and value.__module__ == __name__:
            names = tuple(f.name for f in dataclasses.fields(value) if f.init)
            if len(names) != len(dataclasses.fields(value)):
                continue

            def reduce(self: Any, names: tuple[str, ...] = names) -> tuple[Any, tuple[Any, ...]]:
                return type(self), tuple(getattr(self, name) for name in names)

            value.__reduce__ = reduce  # type: ignore[method-assign]


_fast_pickling()
