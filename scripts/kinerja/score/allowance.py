"""TPP (tambahan penghasilan pegawai, regional performance allowance) and tukin (tunjangan kinerja,
central performance allowance): rules as data, and a pure engine that computes one employee-month.

Every region sets its own allowance rule by regulation and changes it often (docs/regulations.md §4), so a
rule is a file with dated versions (``contracts/allowance/*.yaml``, schema
``schemas/allowance-rule.schema.json``), never code. This module reads no file: callers parse YAML,
JSON or CSV text themselves and pass the mapping or the text in.

The computation, for one version of a rule (versi aturan):

* ``gross`` (pagu TPP, allowance ceiling) is the base amount of the position class or grade;
* the performance part (bagian kinerja) is ``gross × split.performance%`` times the percentage its
  predikat or score earns;
* the discipline part (bagian disiplin) is ``gross × split.discipline%``;
* deductions (potongan) are percentages: per day absent (tidak masuk kerja), per lateness band
  (TL, terlambat) or early-leave band (PSW, pulang sebelum waktunya), or per hour late/early where the
  rule counts hours (DKI style: 1 day = 5% = 5 hours), and per active disciplinary sanction (hukuman
  disiplin). Their sum is capped at ``caps.max_deduction_percent``;
* ``deductions_apply_to: discipline`` takes that percentage of the discipline part only;
  ``total`` takes it of the gross allowance (as "x% dari jumlah tunjangan kinerja sebulan" reads);
* deductions never take the allowance below ``caps.floor`` (rupiah, normally 0), so the net
  (TPP bersih, net allowance) is never negative and never above gross.

Every amount is a :class:`~kinerja.score.explain.Figure` carrying its derivation; rupiah amounts keep
their raw value and are rounded half up to whole rupiah for display.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace, dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NamedTuple

from .. import bounds
from .explain import D, Figure, Text, half_up

__all__ = [
    "POSITION_CLASSES",
    "PREDIKAT_IDS",
    "PREDIKAT_NAMES",
    "AllowanceError",
    "AllowanceResult",
    "AllowanceRule",
    "Attendance",
    "AttendanceRecord",
    "Caps",
    "Citation",
    "Deductions",
    "MinuteBand",
    "PerformanceTable",
    "RuleFormatError",
    "RuleProblem",
    "RuleVersion",
    "Sanction",
    "ScoreBand",
    "Split",
    "UnitTotals",
    "attendance_from_csv",
    "attendance_from_mapping",
    "check_attendance",
    "check_rule",
    "monthly_allowance",
    "rule_from_mapping",
    "sanction_is_active",
    "unit_totals",
    "version_for",
]

#: Position classes (kelas jabatan) a base amount may be keyed by; grades use ``kelas-N``.
POSITION_CLASSES: tuple[str, ...] = ("jpt", "administrator", "pengawas", "pelaksana", "fungsional")

#: Predikat ids used across the project (PP 46/2011, PP 30/2019 and PermenPANRB 6/2022 words).
PREDIKAT_IDS: tuple[str, ...] = (
    "sangat-baik",
    "baik",
    "cukup",
    "kurang",
    "buruk",
    "butuh-perbaikan",
    "sangat-kurang",
)

PREDIKAT_NAMES: Mapping[str, Text] = {
    "sangat-baik": Text("Sangat Baik", "Very Good"),
    "baik": Text("Baik", "Good"),
    "cukup": Text("Cukup", "Fair"),
    "kurang": Text("Kurang", "Poor"),
    "buruk": Text("Buruk", "Bad"),
    "butuh-perbaikan": Text("Butuh Perbaikan", "Needs Improvement"),
    "sangat-kurang": Text("Sangat Kurang", "Very Poor"),
}

GRADE_KEY = re.compile(r"^kelas-[1-9][0-9]?$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
LATENESS_CODE = re.compile(r"^TL[1-9]$")
EARLY_CODE = re.compile(r"^PSW[1-9]$")

RUPIAH = Decimal(1)
HUNDRED = Decimal(100)
ZERO = Decimal(0)

Severity = Literal["error", "warning"]
ApplyTo = Literal["discipline", "total"]
TimeBasis = Literal["bands", "hours"]


# --------------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True)
class RuleProblem:
    """A problem (masalah) found in a rule file or in attendance input, with a stable code.

    ``path`` locates it in the rule (``versions[1].split``) or the input (``row 3, column tl2``);
    parsers of tabular input also fill ``row`` (1 = the header row, as a spreadsheet counts) and
    ``column``. Codes: K500-K519 rule file, K520-K529 attendance input, K530-K539 computation.
    """

    code: str
    path: str
    message: Text
    severity: Severity = "error"
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        return f"{self.code} {self.path}: {self.message('en')}"


class RuleFormatError(ValueError):
    """Raised by :func:`rule_from_mapping` when the mapping is not a rule (aturan tidak terbaca)."""

    def __init__(self, problems: Sequence[RuleProblem]) -> None:
        self.problems: tuple[RuleProblem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class AllowanceError(ValueError):
    """Raised by :func:`monthly_allowance` when the inputs cannot be computed (TPP tak terhitung)."""

    def __init__(self, problems: Sequence[RuleProblem]) -> None:
        self.problems: tuple[RuleProblem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------------------------------
# The rule as data


@dataclass(frozen=True)
class Citation:
    """A citation (rujukan) of the regulation a rule or version follows."""

    regulation: str
    number: str
    article: str = ""
    url: str = ""
    note: str = ""

    def short(self) -> str:
        """Number and article (``PP 12/2019 Pasal 58``)."""
        return f"{self.number} {self.article}".strip()

    def cite(self) -> str:
        """One line: number, article and name (``PP 12/2019 Pasal 58 — Pengelolaan Keuangan Daerah``)."""
        head = f"{self.number} {self.article}".strip()
        text = f"{head} — {self.regulation}" if self.regulation else head
        return f"{text} <{self.url}>" if self.url else text


@dataclass(frozen=True)
class Split:
    """The split (pembagian) of the allowance into a performance part and a discipline part, in percent."""

    performance: Decimal
    discipline: Decimal


@dataclass(frozen=True)
class ScoreBand:
    """A score band (rentang nilai): ``min <= score < max`` earns ``percent`` of the performance part.

    The highest band also includes its ``max`` (lower-bound semantics, as docs/regulations.md §3.1 states:
    a score between published bands belongs to the lower one).
    """

    min: Decimal
    max: Decimal
    percent: Decimal


@dataclass(frozen=True)
class MinuteBand:
    """A lateness (TL, terlambat) or early-leave (PSW, pulang sebelum waktunya) band.

    It covers ``from_minutes <= minutes < to_minutes``; ``to_minutes`` None means no upper bound (the
    last band, e.g. TL4 "91 minutes or more, or no attendance record").
    """

    code: str
    from_minutes: int
    to_minutes: int | None
    percent: Decimal

    def contains(self, minutes: int) -> bool:
        return minutes >= self.from_minutes and (self.to_minutes is None or minutes < self.to_minutes)

    def span(self, lang: str) -> str:
        unit = "menit" if lang != "en" else "min"
        if self.to_minutes is None:
            return f"≥ {self.from_minutes} {unit}"
        return f"{self.from_minutes}–<{self.to_minutes} {unit}"


@dataclass(frozen=True)
class Sanction:
    """A disciplinary sanction (hukuman disiplin) that cuts ``percent`` for ``months`` months.

    ``months`` None: for as long as the sanction stands (e.g. dismissal under appeal).
    """

    id: str
    percent: Decimal
    months: int | None
    label: str = ""
    label_en: str = ""

    def name(self, lang: str) -> str:
        if lang == "en":
            return self.label_en or self.label or self.id
        return self.label or self.id


@dataclass(frozen=True)
class PerformanceComponent:
    """One weighted component of the performance part (komponen kinerja): ``from_`` ``"rating"`` (the
    predikat or score read in the table) or ``"data"`` (a percentage in the attendance export, column
    ``perf_<id>``, such as daily-report compliance or a behaviour score)."""

    id: str
    from_: str
    weight: Decimal
    label: str = ""
    label_en: str = ""

    def name(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label) or self.label or self.id


@dataclass(frozen=True)
class PerformanceTable:
    """The percentage of the performance part earned (persentase bagian kinerja), by predikat or score;
    with ``components`` the weighted sum of several components, one of them the table's."""

    by_predikat: Mapping[str, Decimal] = field(default_factory=dict)
    by_score: tuple[ScoreBand, ...] = ()
    components: tuple[PerformanceComponent, ...] = ()


@dataclass(frozen=True)
class AbsenceCategory:
    """A category of absence with its own rate (kategori ketidakhadiran: sakit, izin, tanpa keterangan):
    ``percent_per_day`` after ``free_days`` days that cost nothing, the category's total at most
    ``max_percent`` (``None``: no cap of its own) (docs/regulations.md §4)."""

    id: str
    percent_per_day: Decimal
    free_days: Decimal = ZERO
    max_percent: Decimal | None = None
    label: str = ""
    label_en: str = ""

    def name(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label) or self.label or self.id


@dataclass(frozen=True)
class NonAbsence:
    """Working days away from the office that are not absence (flexible working under PermenPANRB
    4/2025, official travel): recorded and shown, never deducted."""

    id: str
    label: str = ""
    label_en: str = ""
    source: str = ""

    def name(self, lang: str) -> str:
        return (self.label_en if lang == "en" else self.label) or self.label or self.id


@dataclass(frozen=True)
class Deductions:
    """Deduction rates (tarif potongan), all in percent.

    ``time_basis`` ``bands`` counts lateness and early leave per TL/PSW band; ``hours`` converts their
    minutes with ``hours_per_day`` (1 day absent = ``absent_day`` % = ``hours_per_day`` hours).
    """

    absent_day: Decimal
    lateness: tuple[MinuteBand, ...] = ()
    early_leave: tuple[MinuteBand, ...] = ()
    sanctions: Mapping[str, Sanction] = field(default_factory=dict)
    time_basis: TimeBasis = "bands"
    hours_per_day: Decimal | None = None
    absence_categories: Mapping[str, AbsenceCategory] = field(default_factory=dict)
    non_absence: Mapping[str, NonAbsence] = field(default_factory=dict)

    def per_hour(self) -> Decimal | None:
        """Percent per hour under the hours basis (DKI: 5% / 5 hours = 1% per hour)."""
        if self.hours_per_day is None or self.hours_per_day <= 0:
            return None
        return self.absent_day / self.hours_per_day


@dataclass(frozen=True)
class Caps:
    """Caps (batas): the net never falls below ``floor`` rupiah; at most ``max_deduction_percent`` is cut."""

    floor: Decimal = ZERO
    max_deduction_percent: Decimal = HUNDRED


@dataclass(frozen=True)
class RuleVersion:
    """One dated version of a rule (versi aturan), in force ``effective_from``..``effective_to`` inclusive."""

    effective_from: date
    effective_to: date | None
    base_by_class: Mapping[str, int]
    base_by_grade: Mapping[str, int]
    split: Split
    performance: PerformanceTable
    deductions: Deductions
    deductions_apply_to: ApplyTo
    caps: Caps
    source: Citation | None = None
    note: str = ""
    index: int = 0
    months_before_annual: str = "wait"  # wait | previous-year | latest-periodic (docs/regulations.md §4)

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def base_for(self, key: str) -> int | None:
        if key in self.base_by_class:
            return self.base_by_class[key]
        return self.base_by_grade.get(key)


@dataclass(frozen=True)
class AllowanceRule:
    """An allowance rule (aturan TPP/tukin): identity, citation and its dated versions."""

    id: str
    title: str
    source: Citation
    versions: tuple[RuleVersion, ...]
    note: str = ""

    def cite(self, version: RuleVersion | None = None) -> str:
        """The source line for figures computed under ``version``: this rule file and version, and the
        regulation it follows (the version's own citation, else the rule's), e.g.
        ``tpp-provinsi-contoh (2026-01-01); Pergub DKI Jakarta 409/2016``. Numbers a file marks as
        illustrative are the file's, not the regulation's: the rule id comes first for that reason."""
        citation = version.source if version is not None and version.source is not None else self.source
        where = self.id if version is None else f"{self.id} ({version.effective_from.isoformat()})"
        return f"{where}; {citation.short()}"


# --------------------------------------------------------------------------------------------------
# Reading a parsed mapping


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


class _Reader:
    """Reads a parsed mapping, collecting K500 problems with their paths instead of raising."""

    def __init__(self) -> None:
        self.problems: list[RuleProblem] = []

    def fail(self, path: str, id_text: str, en_text: str) -> None:
        self.problems.append(RuleProblem("K500", path, Text(id_text, en_text)))

    def obj(
        self, data: Any, path: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> Mapping[str, Any] | None:
        if not isinstance(data, Mapping):
            self.fail(path or "$", "harus berupa pemetaan (mapping)", "must be a mapping")
            return None
        req = tuple(required)
        allowed = set(req) | set(optional)
        for key in data:
            if key not in allowed:
                self.fail(_join(path, key), "kunci tidak dikenal", "unknown key")
        for key in req:
            if key not in data:
                self.fail(_join(path, key), "kunci wajib tidak ada", "required key is missing")
        return data

    def text(self, data: Any, path: str, default: str | None = None) -> str:
        if data is None and default is not None:
            return default
        if not isinstance(data, str) or not data.strip():
            self.fail(path, "harus berupa teks yang tidak kosong", "must be a non-empty string")
            return default or ""
        return data

    def number(self, data: Any, path: str, low: Decimal | None = ZERO, high: Decimal | None = None) -> Decimal:
        if isinstance(data, bool) or not isinstance(data, (int, float, Decimal, str)):
            self.fail(path, "harus berupa angka", "must be a number")
            return ZERO
        try:
            value = D(data)
        except (InvalidOperation, ValueError):
            self.fail(path, "harus berupa angka", "must be a number")
            return ZERO
        if not value.is_finite():
            self.fail(path, "harus berupa angka terhingga", "must be a finite number")
            return ZERO
        if low is not None and value < low:
            self.fail(path, f"tidak boleh kurang dari {low}", f"must not be below {low}")
        if high is not None and value > high:
            self.fail(path, f"tidak boleh lebih dari {high}", f"must not exceed {high}")
        return value

    def integer(self, data: Any, path: str, low: int = 0) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail(path, "harus berupa bilangan bulat", "must be an integer")
            return 0
        if data < low:
            self.fail(path, f"tidak boleh kurang dari {low}", f"must not be below {low}")
        return data

    def day(self, data: Any, path: str) -> date | None:
        if not isinstance(data, str) or not ISO_DATE.match(data):
            self.fail(
                path,
                'harus berupa tanggal ISO bertanda kutip ("2026-01-01")',
                'must be a quoted ISO date ("2026-01-01")',
            )
            return None
        try:
            return date.fromisoformat(data)
        except ValueError:
            self.fail(path, "tanggal tidak ada di kalender", "not a calendar date")
            return None


def _citation(reader: _Reader, data: Any, path: str) -> Citation:
    m = reader.obj(data, path, ("regulation", "number"), ("article", "url", "note"))
    if m is None:
        return Citation("", "")
    return Citation(
        regulation=reader.text(m.get("regulation"), f"{path}.regulation"),
        number=reader.text(m.get("number"), f"{path}.number"),
        article=reader.text(m.get("article"), f"{path}.article", "") if "article" in m else "",
        url=reader.text(m.get("url"), f"{path}.url", "") if "url" in m else "",
        note=reader.text(m.get("note"), f"{path}.note", "") if "note" in m else "",
    )


def _amounts(reader: _Reader, data: Any, path: str, key_ok: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    if not isinstance(data, Mapping):
        reader.fail(path, "harus berupa pemetaan (mapping)", "must be a mapping")
        return out
    for key, value in data.items():
        if not isinstance(key, str) or not key_ok(key):
            reader.fail(f"{path}.{key}", "kunci kelas/jabatan tidak dikenal", "unknown class or grade key")
            continue
        out[key] = reader.integer(value, f"{path}.{key}", low=0)
    return out


def _minute_bands(reader: _Reader, data: Any, path: str, code_re: re.Pattern[str]) -> tuple[MinuteBand, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        reader.fail(path, "harus berupa daftar", "must be a list")
        return ()
    bands: list[MinuteBand] = []
    for i, item in enumerate(data):
        p = f"{path}[{i}]"
        m = reader.obj(item, p, ("code", "from_minutes", "percent"), ("to_minutes",))
        if m is None:
            continue
        code = reader.text(m.get("code"), f"{p}.code")
        if code and not code_re.match(code):
            reader.fail(f"{p}.code", f"kode pita tidak sah: {code}", f"invalid band code: {code}")
        to = m.get("to_minutes")
        bands.append(
            MinuteBand(
                code=code,
                from_minutes=reader.integer(m.get("from_minutes"), f"{p}.from_minutes"),
                to_minutes=None if to is None else reader.integer(to, f"{p}.to_minutes"),
                percent=reader.number(m.get("percent"), f"{p}.percent", ZERO, HUNDRED),
            )
        )
    return tuple(bands)


def _slug_items(reader: _Reader, data: Any, path: str) -> list[tuple[str, str, Any]]:
    """The (id, path, value) of a mapping keyed by lowercase slugs; other keys are reported."""
    if data is None:
        return []
    if not isinstance(data, Mapping):
        reader.fail(path, "harus berupa pemetaan", "must be a mapping")
        return []
    out = []
    for key, item in data.items():
        if not isinstance(key, str) or not SLUG.match(key):
            reader.fail(f"{path}.{key}", "id harus huruf kecil-tanda hubung", "the id must be a lowercase slug")
            continue
        out.append((key, f"{path}.{key}", item))
    return out


def _absence_categories(reader: _Reader, data: Any, path: str) -> dict[str, AbsenceCategory]:
    out: dict[str, AbsenceCategory] = {}
    for key, p, item in _slug_items(reader, data, path):
        c = reader.obj(item, p, ("percent_per_day",), ("free_days", "max_percent", "label", "label_en"))
        if c is None:
            continue
        out[key] = AbsenceCategory(
            id=key,
            percent_per_day=reader.number(c.get("percent_per_day"), f"{p}.percent_per_day", ZERO, HUNDRED),
            free_days=reader.number(c.get("free_days"), f"{p}.free_days", ZERO, Decimal(31)) if "free_days" in c else ZERO,
            max_percent=reader.number(c.get("max_percent"), f"{p}.max_percent", ZERO, HUNDRED) if "max_percent" in c else None,
            label=reader.text(c.get("label"), f"{p}.label", "") if "label" in c else "",
            label_en=reader.text(c.get("label_en"), f"{p}.label_en", "") if "label_en" in c else "",
        )
    return out


def _non_absence(reader: _Reader, data: Any, path: str) -> dict[str, NonAbsence]:
    out: dict[str, NonAbsence] = {}
    for key, p, item in _slug_items(reader, data, path):
        c = reader.obj(item, p, (), ("label", "label_en", "source"))
        if c is None:
            continue
        out[key] = NonAbsence(key, *(reader.text(c.get(f), f"{p}.{f}", "") if f in c else ""
                                     for f in ("label", "label_en", "source")))
    return out


def _components(reader: _Reader, data: Any, path: str) -> tuple[PerformanceComponent, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        reader.fail(path, "harus berupa daftar", "must be a list")
        return ()
    out = []
    for i, item in enumerate(data):
        p = f"{path}[{i}]"
        c = reader.obj(item, p, ("id", "from", "weight"), ("label", "label_en"))
        if c is None:
            continue
        ident = c.get("id")
        if not isinstance(ident, str) or not SLUG.match(ident):
            reader.fail(f"{p}.id", "id harus huruf kecil-tanda hubung", "the id must be a lowercase slug")
            continue
        if c.get("from") not in ("rating", "data"):
            reader.fail(f"{p}.from", "harus 'rating' atau 'data'", "must be 'rating' or 'data'")
            continue
        out.append(PerformanceComponent(ident, str(c["from"]), reader.number(c.get("weight"), f"{p}.weight", ZERO, HUNDRED),
                                        reader.text(c.get("label"), f"{p}.label", "") if "label" in c else "",
                                        reader.text(c.get("label_en"), f"{p}.label_en", "") if "label_en" in c else ""))
    total = sum((c.weight for c in out), ZERO)
    if out and total != HUNDRED:
        reader.fail(path, f"bobot komponen berjumlah {_fmt(total, 'id')}, seharusnya 100",
                    f"the components' weights sum to {_fmt(total)}, not 100")
    if out and sum(1 for c in out if c.from_ == "rating") != 1:
        reader.fail(path, "tepat satu komponen harus from: rating", "exactly one component must be from: rating")
    return tuple(out)


BEFORE_ANNUAL = ("wait", "previous-year", "latest-periodic")


def _before_annual(reader: _Reader, value: Any, path: str) -> str:
    if value not in BEFORE_ANNUAL:
        reader.fail(path, f"harus salah satu dari {', '.join(BEFORE_ANNUAL)}", f"must be one of {', '.join(BEFORE_ANNUAL)}")
        return "wait"
    return str(value)


def _version(reader: _Reader, data: Any, index: int) -> RuleVersion | None:
    path = f"versions[{index}]"
    m = reader.obj(
        data,
        path,
        ("effective_from", "base", "split", "performance", "deductions", "deductions_apply_to", "caps"),
        ("effective_to", "source", "note", "working_hours", "months_before_annual"),
    )
    if m is None:
        return None
    start = reader.day(m.get("effective_from"), f"{path}.effective_from")
    end = reader.day(m["effective_to"], f"{path}.effective_to") if "effective_to" in m else None

    by_class: dict[str, int] = {}
    by_grade: dict[str, int] = {}
    base = reader.obj(m.get("base", {}), f"{path}.base", (), ("by_class", "by_grade"))
    if base is not None:
        if "by_class" in base:
            by_class = _amounts(reader, base["by_class"], f"{path}.base.by_class", lambda k: k in POSITION_CLASSES)
        if "by_grade" in base:
            by_grade = _amounts(reader, base["by_grade"], f"{path}.base.by_grade", GRADE_KEY.match)

    split = Split(ZERO, ZERO)
    s = reader.obj(m.get("split", {}), f"{path}.split", ("performance", "discipline"))
    if s is not None:
        split = Split(
            reader.number(s.get("performance"), f"{path}.split.performance", ZERO, HUNDRED),
            reader.number(s.get("discipline"), f"{path}.split.discipline", ZERO, HUNDRED),
        )

    by_predikat: dict[str, Decimal] = {}
    by_score: list[ScoreBand] = []
    perf = reader.obj(m.get("performance", {}), f"{path}.performance", (), ("by_predikat", "by_score", "components"))
    if perf is not None:
        table = perf.get("by_predikat")
        if table is not None:
            if not isinstance(table, Mapping):
                reader.fail(f"{path}.performance.by_predikat", "harus berupa pemetaan", "must be a mapping")
            else:
                for key, value in table.items():
                    if key not in PREDIKAT_IDS:
                        reader.fail(
                            f"{path}.performance.by_predikat.{key}",
                            f"predikat tidak dikenal (yang sah: {', '.join(PREDIKAT_IDS)})",
                            f"unknown predikat (known: {', '.join(PREDIKAT_IDS)})",
                        )
                        continue
                    by_predikat[key] = reader.number(value, f"{path}.performance.by_predikat.{key}", ZERO, HUNDRED)
        bands = perf.get("by_score")
        if bands is not None:
            if not isinstance(bands, list):
                reader.fail(f"{path}.performance.by_score", "harus berupa daftar", "must be a list")
            else:
                for i, item in enumerate(bands):
                    p = f"{path}.performance.by_score[{i}]"
                    b = reader.obj(item, p, ("min", "max", "percent"))
                    if b is None:
                        continue
                    by_score.append(
                        ScoreBand(
                            reader.number(b.get("min"), f"{p}.min", None),
                            reader.number(b.get("max"), f"{p}.max", None),
                            reader.number(b.get("percent"), f"{p}.percent", ZERO, HUNDRED),
                        )
                    )

    deductions = Deductions(ZERO)
    dp = f"{path}.deductions"
    d = reader.obj(
        m.get("deductions", {}),
        dp,
        ("absent_day",),
        ("lateness", "early_leave", "sanctions", "time_basis", "hours_per_day", "absence_categories",
         "non_absence"),
    )
    if d is not None:
        sanctions: dict[str, Sanction] = {}
        raw = d.get("sanctions")
        if raw is not None:
            if not isinstance(raw, Mapping):
                reader.fail(f"{dp}.sanctions", "harus berupa pemetaan", "must be a mapping")
            else:
                for sid, item in raw.items():
                    p = f"{dp}.sanctions.{sid}"
                    if not isinstance(sid, str) or not SLUG.match(sid):
                        reader.fail(
                            p, "id hukuman harus huruf kecil-tanda hubung", "sanction id must be a lowercase slug"
                        )
                        continue
                    sm = reader.obj(item, p, ("percent",), ("months", "label", "label_en"))
                    if sm is None:
                        continue
                    months = sm.get("months")
                    sanctions[sid] = Sanction(
                        id=sid,
                        percent=reader.number(sm.get("percent"), f"{p}.percent", ZERO, HUNDRED),
                        months=None if months is None else reader.integer(months, f"{p}.months", low=1),
                        label=reader.text(sm.get("label"), f"{p}.label", "") if "label" in sm else "",
                        label_en=reader.text(sm.get("label_en"), f"{p}.label_en", "") if "label_en" in sm else "",
                    )
        basis = d.get("time_basis", "bands")
        if basis not in ("bands", "hours"):
            reader.fail(f"{dp}.time_basis", "harus 'bands' atau 'hours'", "must be 'bands' or 'hours'")
            basis = "bands"
        hours = d.get("hours_per_day")
        deductions = Deductions(
            absent_day=reader.number(d.get("absent_day"), f"{dp}.absent_day", ZERO, HUNDRED),
            lateness=_minute_bands(reader, d.get("lateness"), f"{dp}.lateness", LATENESS_CODE),
            early_leave=_minute_bands(reader, d.get("early_leave"), f"{dp}.early_leave", EARLY_CODE),
            sanctions=sanctions,
            time_basis=basis,
            hours_per_day=None
            if hours is None
            else reader.number(hours, f"{dp}.hours_per_day", Decimal("0.5"), Decimal(24)),
            absence_categories=_absence_categories(reader, d.get("absence_categories"), f"{dp}.absence_categories"),
            non_absence=_non_absence(reader, d.get("non_absence"), f"{dp}.non_absence"),
        )

    raw_apply = m.get("deductions_apply_to")
    apply_to: ApplyTo = "discipline"
    if raw_apply == "total":
        apply_to = "total"
    elif raw_apply != "discipline":
        reader.fail(f"{path}.deductions_apply_to", "harus 'discipline' atau 'total'", "must be 'discipline' or 'total'")

    caps = Caps()
    c = reader.obj(m.get("caps", {}), f"{path}.caps", ("floor", "max_deduction_percent"))
    if c is not None:
        caps = Caps(
            floor=D(reader.integer(c.get("floor"), f"{path}.caps.floor", low=0)),
            max_deduction_percent=reader.number(
                c.get("max_deduction_percent"), f"{path}.caps.max_deduction_percent", ZERO, HUNDRED
            ),
        )

    if start is None:
        return None
    return RuleVersion(
        effective_from=start,
        effective_to=end,
        base_by_class=by_class,
        base_by_grade=by_grade,
        split=split,
        performance=PerformanceTable(by_predikat, tuple(by_score),
                                     _components(reader, perf.get("components") if perf else None, f"{path}.performance.components")),
        deductions=deductions,
        deductions_apply_to=apply_to,
        caps=caps,
        source=_citation(reader, m["source"], f"{path}.source") if "source" in m else None,
        note=reader.text(m.get("note"), f"{path}.note", "") if "note" in m else "",
        index=index,
        months_before_annual=_before_annual(reader, m.get("months_before_annual", "wait"), f"{path}.months_before_annual"),
    )


def rule_from_mapping(data: Mapping[str, Any]) -> AllowanceRule:
    """Build an :class:`AllowanceRule` (aturan TPP) from an already-parsed mapping (YAML or JSON).

    Shape errors (missing keys, wrong types, unquoted dates) are collected with their paths and raised
    together as :class:`RuleFormatError` (code K500). Semantic checks are :func:`check_rule`'s job.
    """
    reader = _Reader()
    m = reader.obj(data, "", ("id", "title", "source", "versions"), ("note",))
    if m is None:
        raise RuleFormatError(reader.problems)
    rule_id = reader.text(m.get("id"), "id")
    if rule_id and not SLUG.match(rule_id):
        reader.fail("id", "id harus huruf kecil-tanda hubung", "id must be a lowercase slug")
    title = reader.text(m.get("title"), "title")
    source = _citation(reader, m.get("source", {}), "source")
    note = reader.text(m.get("note"), "note", "") if "note" in m else ""
    versions: list[RuleVersion] = []
    raw_versions = m.get("versions", [])
    if not isinstance(raw_versions, list) or not raw_versions:
        reader.fail("versions", "harus berupa daftar yang tidak kosong", "must be a non-empty list")
    else:
        for i, item in enumerate(raw_versions):
            v = _version(reader, item, i)
            if v is not None:
                versions.append(v)
    if reader.problems:
        raise RuleFormatError(reader.problems)
    return AllowanceRule(id=rule_id, title=title, source=source, versions=tuple(versions), note=note)


# --------------------------------------------------------------------------------------------------
# Checking a rule


def _fmt(value: Decimal | int, lang: str = "en") -> str:
    """A plain number: no exponent, no trailing zeros; Indonesian uses the decimal comma."""
    d = D(value)
    text = format(d.normalize(), "f") if d != d.to_integral_value() else format(d.to_integral_value(), "f")
    return text.replace(".", ",") if lang != "en" else text


def _rp(value: Decimal, lang: str) -> str:
    """Rupiah, rounded half up to whole rupiah (Rp 4.000.000 in Indonesian, Rp 4,000,000 in English)."""
    whole = int(half_up(value, RUPIAH))
    text = f"{abs(whole):,}"
    if lang != "en":
        text = text.replace(",", ".")
    return f"{'-' if whole < 0 else ''}Rp {text}"


def _problem(code: str, path: str, id_text: str, en_text: str, severity: Severity = "error") -> RuleProblem:
    return RuleProblem(code, path, Text(id_text, en_text), severity)


def _check_minute_bands(bands: Sequence[MinuteBand], path: str) -> list[RuleProblem]:
    out: list[RuleProblem] = []
    seen: set[str] = set()
    for i, band in enumerate(bands):
        if band.code in seen:
            out.append(_problem("K509", f"{path}[{i}].code", f"kode {band.code} ganda", f"duplicate code {band.code}"))
        seen.add(band.code)
        if band.to_minutes is not None and band.to_minutes <= band.from_minutes:
            out.append(
                _problem(
                    "K508",
                    f"{path}[{i}]",
                    f"pita {band.code} kosong: to_minutes harus lebih dari from_minutes",
                    f"band {band.code} is empty: to_minutes must exceed from_minutes",
                )
            )
    order = sorted(range(len(bands)), key=lambda k: bands[k].from_minutes)
    for pos, k in enumerate(order):
        band = bands[k]
        if band.to_minutes is None and pos != len(order) - 1:
            out.append(
                _problem(
                    "K509",
                    f"{path}[{k}].to_minutes",
                    f"hanya pita terakhir yang boleh tanpa batas atas ({band.code})",
                    f"only the last band may be open-ended ({band.code})",
                )
            )
        if pos == 0:
            continue
        prev = bands[order[pos - 1]]
        if prev.to_minutes is None:
            continue
        if band.from_minutes < prev.to_minutes:
            out.append(
                _problem(
                    "K505",
                    f"{path}[{k}]",
                    f"pita {band.code} tumpang tindih dengan {prev.code} (mulai {band.from_minutes} < {prev.to_minutes})",
                    f"band {band.code} overlaps {prev.code} (starts at {band.from_minutes} < {prev.to_minutes})",
                )
            )
        elif band.from_minutes > prev.to_minutes:
            out.append(
                _problem(
                    "K506",
                    f"{path}[{k}]",
                    f"celah antara {prev.code} dan {band.code}: menit {prev.to_minutes}–{band.from_minutes - 1} tidak tercakup",
                    f"gap between {prev.code} and {band.code}: minutes {prev.to_minutes}–{band.from_minutes - 1} are not covered",
                )
            )
    return out


def _check_score_bands(bands: Sequence[ScoreBand], path: str) -> list[RuleProblem]:
    out: list[RuleProblem] = []
    for i, band in enumerate(bands):
        if band.max <= band.min:
            out.append(
                _problem(
                    "K508",
                    f"{path}[{i}]",
                    "rentang kosong: max harus lebih dari min",
                    "empty band: max must exceed min",
                )
            )
    order = sorted(range(len(bands)), key=lambda k: (bands[k].min, bands[k].max))
    for pos in range(1, len(order)):
        prev, band, k = bands[order[pos - 1]], bands[order[pos]], order[pos]
        if band.min < prev.max:
            out.append(
                _problem(
                    "K503",
                    f"{path}[{k}]",
                    f"rentang nilai {_fmt(band.min, 'id')}–{_fmt(band.max, 'id')} tumpang tindih dengan {_fmt(prev.min, 'id')}–{_fmt(prev.max, 'id')}",
                    f"score band {_fmt(band.min)}–{_fmt(band.max)} overlaps {_fmt(prev.min)}–{_fmt(prev.max)}",
                )
            )
        elif band.min > prev.max:
            out.append(
                _problem(
                    "K504",
                    f"{path}[{k}]",
                    f"celah nilai antara {_fmt(prev.max, 'id')} dan {_fmt(band.min, 'id')} (rentang berlaku min ≤ nilai < max)",
                    f"score gap between {_fmt(prev.max)} and {_fmt(band.min)} (bands cover min ≤ score < max)",
                )
            )
    return out


def check_rule(rule: AllowanceRule) -> list[RuleProblem]:
    """Semantic checks of a rule (pemeriksaan aturan); an empty list means none found.

    K501 overlapping effective dates; K502 split not summing to 100; K503/K504 score-band overlap/gap;
    K505/K506 lateness or early-leave band overlap/gap; K507 a version ending before it starts; K508
    an empty band; K509 a duplicate code or an open-ended band that is not the last; K510 hours basis
    without ``hours_per_day``; K511 no base amount; K512 (warning) a gap between versions; K513 no
    performance table; K514 (warning) a floor above the smallest base amount.
    """
    out: list[RuleProblem] = []
    for v in rule.versions:
        path = f"versions[{v.index}]"
        if v.effective_to is not None and v.effective_to < v.effective_from:
            out.append(
                _problem(
                    "K507",
                    f"{path}.effective_to",
                    f"berakhir ({v.effective_to.isoformat()}) sebelum mulai berlaku ({v.effective_from.isoformat()})",
                    f"ends ({v.effective_to.isoformat()}) before it starts ({v.effective_from.isoformat()})",
                )
            )
        total = v.split.performance + v.split.discipline
        if total != HUNDRED:
            out.append(
                _problem(
                    "K502",
                    f"{path}.split",
                    f"kinerja {_fmt(v.split.performance, 'id')}% + disiplin {_fmt(v.split.discipline, 'id')}% = {_fmt(total, 'id')}%, harus 100%",
                    f"performance {_fmt(v.split.performance)}% + discipline {_fmt(v.split.discipline)}% = {_fmt(total)}%, must be 100%",
                )
            )
        if not v.base_by_class and not v.base_by_grade:
            out.append(_problem("K511", f"{path}.base", "tidak ada besaran TPP", "no base amount"))
        if not v.performance.by_predikat and not v.performance.by_score:
            out.append(
                _problem(
                    "K513",
                    f"{path}.performance",
                    "tidak ada tabel persentase kinerja (by_predikat atau by_score)",
                    "no performance table (by_predikat or by_score)",
                )
            )
        out.extend(_check_score_bands(v.performance.by_score, f"{path}.performance.by_score"))
        out.extend(_check_minute_bands(v.deductions.lateness, f"{path}.deductions.lateness"))
        out.extend(_check_minute_bands(v.deductions.early_leave, f"{path}.deductions.early_leave"))
        if v.deductions.time_basis == "hours" and v.deductions.per_hour() is None:
            out.append(
                _problem(
                    "K510",
                    f"{path}.deductions.hours_per_day",
                    "time_basis 'hours' memerlukan hours_per_day",
                    "time_basis 'hours' needs hours_per_day",
                )
            )
        amounts = list(v.base_by_class.values()) + list(v.base_by_grade.values())
        if amounts and v.caps.floor > min(amounts):
            out.append(
                _problem(
                    "K514",
                    f"{path}.caps.floor",
                    "batas bawah lebih besar dari besaran TPP terkecil",
                    "floor exceeds the smallest base amount",
                    "warning",
                )
            )
    ordered = sorted(rule.versions, key=lambda v: v.effective_from)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.effective_to is None or a.effective_to >= b.effective_from:
                until = "seterusnya" if a.effective_to is None else a.effective_to.isoformat()
                until_en = "open-ended" if a.effective_to is None else a.effective_to.isoformat()
                out.append(
                    _problem(
                        "K501",
                        f"versions[{b.index}].effective_from",
                        f"tumpang tindih dengan versions[{a.index}] ({a.effective_from.isoformat()} s.d. {until})",
                        f"overlaps versions[{a.index}] ({a.effective_from.isoformat()} to {until_en})",
                    )
                )
        if i + 1 < len(ordered) and a.effective_to is not None:
            nxt = ordered[i + 1]
            if nxt.effective_from > a.effective_to + timedelta(days=1):
                out.append(
                    _problem(
                        "K512",
                        f"versions[{nxt.index}].effective_from",
                        f"tidak ada versi yang berlaku dari {(a.effective_to + timedelta(days=1)).isoformat()} sampai {(nxt.effective_from - timedelta(days=1)).isoformat()}",
                        f"no version is in force from {(a.effective_to + timedelta(days=1)).isoformat()} to {(nxt.effective_from - timedelta(days=1)).isoformat()}",
                        "warning",
                    )
                )
    return out


def _as_date(when: date | str) -> date:
    if isinstance(when, date):
        return when
    m = MONTH.match(when)
    if m:
        return date(int(m.group(1)), int(m.group(2)), 1)
    return date.fromisoformat(when)


def version_for(rule: AllowanceRule, when: date | str) -> RuleVersion | None:
    """The version in force (versi yang berlaku) on ``when`` (a date, ``YYYY-MM-DD`` or ``YYYY-MM``,
    the latter meaning the first day of that month); None when no version covers it. Where versions
    overlap (:func:`check_rule` reports K501) the one that started last wins."""
    day = _as_date(when)
    found = [v for v in rule.versions if v.covers(day)]
    if not found:
        return None
    return max(found, key=lambda v: (v.effective_from, v.index))


def sanction_is_active(version: RuleVersion, sanction_id: str, imposed_month: str, month: str) -> bool:
    """Whether a sanction (hukuman disiplin) imposed in ``imposed_month`` still cuts in ``month``
    (both ``YYYY-MM``): for its ``months`` months starting with the month it was imposed."""
    sanction = version.deductions.sanctions.get(sanction_id)
    start, now = _as_date(imposed_month), _as_date(month)
    if sanction is None or now < start:
        return False
    if sanction.months is None:
        return True
    elapsed = (now.year - start.year) * 12 + (now.month - start.month)
    return elapsed < sanction.months


# --------------------------------------------------------------------------------------------------
# Attendance (kehadiran) for one employee-month


@dataclass(frozen=True)
class Attendance:
    """One employee-month of attendance (rekap kehadiran pegawai sebulan).

    ``late``/``early`` count occurrences per band code (``TL1``..``TL4``, ``PSW1``..``PSW4``) as an
    attendance system exports them; ``late_minutes``/``early_minutes`` list each occurrence in
    minutes instead (classified into bands, or summed where the rule counts hours). ``sanctions``
    holds the ids of the disciplinary sanctions active this month.
    """

    working_days: int
    days_absent: Decimal = ZERO
    late: Mapping[str, int] = field(default_factory=dict)
    early: Mapping[str, int] = field(default_factory=dict)
    late_minutes: tuple[int, ...] = ()
    early_minutes: tuple[int, ...] = ()
    sanctions: tuple[str, ...] = ()
    absences: tuple[tuple[str, Decimal], ...] = ()  # (absence category, days), as the rule names them
    away: tuple[tuple[str, Decimal], ...] = ()  # (non-absence kind, days): flexible working, official travel
    measures: tuple[tuple[str, Decimal], ...] = ()  # (performance component, percent 0-100), columns perf_<id>

    def days_away_from_office(self) -> Decimal:
        """Every day not at the office: absent (any category) and non-absence days."""
        return self.days_absent + sum((d for _, d in self.absences + self.away), ZERO)


class AttendanceRecord(NamedTuple):
    """One parsed row: employee id (NIP or staff id), month ``YYYY-MM``, attendance."""

    employee: str
    month: str
    attendance: Attendance


CSV_REQUIRED: tuple[str, ...] = (
    "employee",
    "month",
    "working_days",
    "absent_days",
    "tl1",
    "tl2",
    "tl3",
    "tl4",
    "psw1",
    "psw2",
    "psw3",
    "psw4",
)
CSV_OPTIONAL: tuple[str, ...] = ("sanction", "late_minutes", "early_minutes")
#: Optional columns named after the rule's ids: ``absent_<category>`` (days absent in an absence
#: category, e.g. ``absent_sakit``) and ``away_<kind>`` (non-absence days, e.g. ``away_flexible-working``).
CSV_CATEGORY_COLUMN = re.compile(r"^(absent|away|perf)_([a-z0-9][a-z0-9-]*)$")
LIST_SPLIT = re.compile(r"[;|\s]+")


def _located(code: str, row: int, column: str | None, id_text: str, en_text: str) -> RuleProblem:
    path = f"row {row}" + (f", column {column}" if column else "")
    return RuleProblem(code, path, Text(id_text, en_text), "error", row, column)


def _beyond_bounds(text: str, row: int, column: str, problems: list[RuleProblem]) -> bool:
    """True (with a K522 problem) when the number written as ``text`` is beyond :mod:`kinerja.bounds`;
    checked on the text, before ``int()`` or ``Decimal()`` sees it."""
    reason = bounds.refusal(text)
    if reason is None:
        return False
    shown = text if len(text) <= 24 else text[:23] + "…"
    problems.append(_located("K522", row, column, f"angka di luar batas ({reason}): {shown!r}",
                             f"number out of bounds ({reason}): {shown!r}"))
    return True


def _count(raw: str, row: int, column: str, problems: list[RuleProblem], low: int = 0) -> int | None:
    text = raw.strip()
    if _beyond_bounds(text, row, column, problems):
        return None
    if text == "":
        if low > 0:
            problems.append(_located("K522", row, column, "nilai wajib diisi", "a value is required"))
            return None
        return 0
    if not re.fullmatch(r"[0-9]+", text):
        problems.append(
            _located(
                "K522",
                row,
                column,
                f"bukan bilangan bulat tak negatif: {text!r}",
                f"not a non-negative whole number: {text!r}",
            )
        )
        return None
    value = int(text)
    if value < low:
        problems.append(_located("K522", row, column, f"minimal {low}", f"must be at least {low}"))
        return None
    return value


def _days(raw: str, row: int, column: str, problems: list[RuleProblem]) -> Decimal | None:
    text = raw.strip().replace(",", ".")
    if text == "":
        return ZERO
    if _beyond_bounds(text, row, column, problems):
        return None
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
        problems.append(
            _located(
                "K522",
                row,
                column,
                f"bukan jumlah hari yang sah: {raw.strip()!r}",
                f"not a valid number of days: {raw.strip()!r}",
            )
        )
        return None
    return Decimal(text)


def _minutes(raw: str, row: int, column: str, problems: list[RuleProblem]) -> tuple[int, ...] | None:
    text = raw.strip()
    if not text:
        return ()
    out: list[int] = []
    for part in LIST_SPLIT.split(text):
        if _beyond_bounds(part, row, column, problems):
            return None
        if not re.fullmatch(r"[0-9]+", part):
            problems.append(
                _located(
                    "K522",
                    row,
                    column,
                    f"daftar menit tidak sah: {part!r} (contoh: 15;40)",
                    f"invalid list of minutes: {part!r} (example: 15;40)",
                )
            )
            return None
        out.append(int(part))
    return tuple(out)


def _ids(raw: str, row: int, column: str, problems: list[RuleProblem]) -> tuple[str, ...] | None:
    text = raw.strip()
    if not text:
        return ()
    out = tuple(part for part in LIST_SPLIT.split(text) if part)
    for part in out:
        if not SLUG.match(part):
            problems.append(
                _located(
                    "K522",
                    row,
                    column,
                    f"id hukuman disiplin tidak sah: {part!r}",
                    f"invalid sanction id: {part!r}",
                )
            )
            return None
    return out


def attendance_from_csv(text: str) -> tuple[list[AttendanceRecord], list[RuleProblem]]:
    """Parse attendance (rekap kehadiran) exported as CSV text; never raises on bad input.

    Columns (case-insensitive, any order): ``employee, month (YYYY-MM), working_days, absent_days,
    tl1..tl4, psw1..psw4`` required; ``sanction`` (ids separated by ``;``, ``|`` or spaces),
    ``late_minutes`` and ``early_minutes`` (each occurrence in minutes, e.g. ``15;40``) optional.
    A header with more ``;`` than ``,`` is read as semicolon-separated (spreadsheet exports with the
    decimal comma); ``absent_days`` accepts ``1,5``. Returns the rows that parsed, and problems with
    row (the header is row 1) and column: K520 missing column, K521 unknown column, K522 bad value,
    K523 bad month, K524 more days absent than working days, K525 duplicate employee-month, K526 no
    header, K527 empty employee, K528 wrong number of fields, K529 duplicate column.
    """
    problems: list[RuleProblem] = []
    records: list[AttendanceRecord] = []
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        problems.append(_located("K526", 1, None, "tidak ada baris judul kolom", "no header row"))
        return records, problems
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows)]
    index: dict[str, int] = {}
    for pos, name in enumerate(header):
        if name in index:
            problems.append(_located("K529", 1, name, "kolom ganda", "duplicate column"))
            continue
        if name not in CSV_REQUIRED and name not in CSV_OPTIONAL and not CSV_CATEGORY_COLUMN.match(name):
            problems.append(
                _located(
                    "K521",
                    1,
                    name or f"#{pos + 1}",
                    f"kolom tidak dikenal (yang dikenal: {', '.join(CSV_REQUIRED + CSV_OPTIONAL)})",
                    f"unknown column (known: {', '.join(CSV_REQUIRED + CSV_OPTIONAL)})",
                )
            )
            continue
        index[name] = pos
    missing = [name for name in CSV_REQUIRED if name not in index]
    for name in missing:
        problems.append(_located("K520", 1, name, "kolom wajib tidak ada", "required column is missing"))
    if missing:
        return records, problems

    seen: dict[tuple[str, str], int] = {}
    employee_at = index["employee"]
    parsed_rows: dict[tuple[str, ...], tuple[str, Attendance]] = {}
    for row_no, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                _located(
                    "K528",
                    row_no,
                    None,
                    f"{len(row)} kolom, seharusnya {len(header)}",
                    f"{len(row)} fields, expected {len(header)}",
                )
            )
            continue

        def cell(name: str, row: list[str] = row) -> str:
            pos = index.get(name)
            return row[pos] if pos is not None else ""

        before = len(problems)
        employee = cell("employee").strip()
        # Rows that differ only in the employee (a month of full attendance, say) parse to the same
        # month and attendance: parse each distinct rest of a row once and share the result.
        rest = tuple(row[:employee_at] + row[employee_at + 1:])
        known = parsed_rows.get(rest)
        if known is not None and employee and (employee, known[0]) not in seen:
            seen[(employee, known[0])] = row_no
            records.append(AttendanceRecord(employee, known[0], known[1]))
            continue
        if not employee:
            problems.append(_located("K527", row_no, "employee", "pegawai tidak diisi", "employee is empty"))
        month = cell("month").strip()
        if not MONTH.match(month):
            problems.append(
                _located(
                    "K523", row_no, "month", f"bulan harus YYYY-MM: {month!r}", f"month must be YYYY-MM: {month!r}"
                )
            )
        working = _count(cell("working_days"), row_no, "working_days", problems, low=1)
        absent = _days(cell("absent_days"), row_no, "absent_days", problems)
        late = {f"TL{i}": _count(cell(f"tl{i}"), row_no, f"tl{i}", problems) for i in range(1, 5)}
        early = {f"PSW{i}": _count(cell(f"psw{i}"), row_no, f"psw{i}", problems) for i in range(1, 5)}
        late_minutes = _minutes(cell("late_minutes"), row_no, "late_minutes", problems)
        early_minutes = _minutes(cell("early_minutes"), row_no, "early_minutes", problems)
        sanctions = _ids(cell("sanction"), row_no, "sanction", problems)
        absences, away, measures = _category_days(index, cell, row_no, problems)
        if working is not None and absent is not None and absent > working:
            problems.append(
                _located(
                    "K524",
                    row_no,
                    "absent_days",
                    f"hari tidak masuk ({_fmt(absent, 'id')}) melebihi hari kerja ({working})",
                    f"days absent ({_fmt(absent)}) exceed working days ({working})",
                )
            )
        key = (employee, month)
        if employee and key in seen:
            problems.append(
                _located(
                    "K525",
                    row_no,
                    "employee",
                    f"pegawai dan bulan yang sama sudah ada di baris {seen[key]}",
                    f"same employee and month already on row {seen[key]}",
                )
            )
        if len(problems) > before:
            continue
        seen[key] = row_no
        assert working is not None and absent is not None
        assert late_minutes is not None and early_minutes is not None and sanctions is not None
        attendance = Attendance(
            working_days=working,
            days_absent=absent,
            late={k: v for k, v in late.items() if v},
            early={k: v for k, v in early.items() if v},
            late_minutes=late_minutes,
            early_minutes=early_minutes,
            sanctions=sanctions,
            absences=absences,
            away=away,
            measures=measures,
        )
        parsed_rows[rest] = (month, attendance)
        records.append(AttendanceRecord(employee, month, attendance))
    return records, problems


def _category_days(index: Mapping[str, int], cell: Any, row_no: int,
                   problems: list[RuleProblem]) -> tuple[tuple[tuple[str, Decimal], ...], ...]:
    """The days per absence category (``absent_<id>``) and per non-absence kind (``away_<id>``) of a row,
    and the percentages of performance components (``perf_<id>``)."""
    found: dict[str, list[tuple[str, Decimal]]] = {"absent": [], "away": [], "perf": []}
    for name in sorted(index):
        match = CSV_CATEGORY_COLUMN.match(name) if name not in CSV_REQUIRED else None
        if match is None or not cell(name).strip():
            continue
        days = _days(cell(name), row_no, name, problems)
        if days is not None and (days or match.group(1) == "perf"):
            found[match.group(1)].append((match.group(2), days))
    return tuple(found["absent"]), tuple(found["away"]), tuple(found["perf"])


MAPPING_KEYS: tuple[str, ...] = (
    "employee",
    "month",
    "working_days",
    "absent_days",
    "late",
    "early",
    "late_minutes",
    "early_minutes",
    "sanctions",
)


def attendance_from_mapping(data: Any) -> tuple[list[AttendanceRecord], list[RuleProblem]]:
    """Parse attendance (rekap kehadiran) from already-parsed YAML/JSON; never raises on bad input.

    Accepts a list of entries or ``{"attendance": [...]}``; each entry has ``employee``, ``month``
    (``YYYY-MM``), ``working_days``, optional ``absent_days``, ``late`` (``{TL1: 2, ...}``), ``early``
    (``{PSW1: 1, ...}``), ``late_minutes``/``early_minutes`` (lists) and ``sanctions`` (list of ids).
    Problems carry ``row`` = the entry's position (1-based) and ``column`` = the key, with the same
    codes as :func:`attendance_from_csv`.
    """
    problems: list[RuleProblem] = []
    records: list[AttendanceRecord] = []
    items = data.get("attendance") if isinstance(data, Mapping) else data
    if not isinstance(items, list):
        problems.append(
            RuleProblem(
                "K526",
                "attendance",
                Text("harus berupa daftar entri kehadiran", "must be a list of attendance entries"),
            )
        )
        return records, problems
    seen: dict[tuple[str, str], int] = {}
    for pos, item in enumerate(items, start=1):

        def bad(code: str, column: str | None, id_text: str, en_text: str, pos: int = pos) -> None:
            path = f"attendance[{pos - 1}]" + (f".{column}" if column else "")
            problems.append(RuleProblem(code, path, Text(id_text, en_text), "error", pos, column))

        if not isinstance(item, Mapping):
            bad("K526", None, "entri harus berupa pemetaan", "entry must be a mapping")
            continue
        before = len(problems)
        for key in item:
            if key not in MAPPING_KEYS:
                bad("K521", str(key), "kunci tidak dikenal", "unknown key")
        for key in ("employee", "month", "working_days"):
            if key not in item:
                bad("K520", key, "kunci wajib tidak ada", "required key is missing")

        def whole(value: Any, column: str, low: int = 0) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                bad("K522", column, f"harus bilangan bulat ≥ {low}", f"must be a whole number ≥ {low}")
                return 0
            return value

        employee = item.get("employee")
        if "employee" in item and (
            not isinstance(employee, (str, int)) or isinstance(employee, bool) or not str(employee).strip()
        ):
            bad("K527", "employee", "pegawai tidak diisi", "employee is empty")
        month = item.get("month")
        if "month" in item and (not isinstance(month, str) or not MONTH.match(month)):
            bad("K523", "month", f"bulan harus YYYY-MM: {month!r}", f"month must be YYYY-MM: {month!r}")
        working = whole(item.get("working_days"), "working_days", 1) if "working_days" in item else 0
        absent = ZERO
        if "absent_days" in item:
            raw = item["absent_days"]
            if isinstance(raw, bool) or not isinstance(raw, (int, float, str, Decimal)):
                bad("K522", "absent_days", "harus berupa angka", "must be a number")
            else:
                try:
                    absent = D(raw)
                    if not absent.is_finite() or absent < 0:
                        raise InvalidOperation
                except (InvalidOperation, ValueError):
                    bad("K522", "absent_days", "harus angka ≥ 0", "must be a number ≥ 0")
                    absent = ZERO
        counts: dict[str, dict[str, int]] = {"late": {}, "early": {}}
        for key, pattern in (("late", LATENESS_CODE), ("early", EARLY_CODE)):
            raw = item.get(key, {})
            if not isinstance(raw, Mapping):
                bad("K522", key, "harus berupa pemetaan kode → jumlah", "must map codes to counts")
                continue
            for code, n in raw.items():
                if not isinstance(code, str) or not pattern.match(code):
                    bad("K522", f"{key}.{code}", f"kode pita tidak sah: {code}", f"invalid band code: {code}")
                    continue
                value = whole(n, f"{key}.{code}")
                if value:
                    counts[key][code] = value
        lists: dict[str, tuple[int, ...]] = {"late_minutes": (), "early_minutes": ()}
        for key in lists:
            raw = item.get(key, [])
            if not isinstance(raw, list):
                bad("K522", key, "harus berupa daftar menit", "must be a list of minutes")
                continue
            lists[key] = tuple(whole(n, f"{key}[{i}]") for i, n in enumerate(raw))
        raw_s = item.get("sanctions", [])
        if isinstance(raw_s, str):
            raw_s = [raw_s]
        sanctions: tuple[str, ...] = ()
        if not isinstance(raw_s, list) or not all(isinstance(s, str) and SLUG.match(s) for s in raw_s):
            bad("K522", "sanctions", "harus berupa daftar id hukuman disiplin", "must be a list of sanction ids")
        else:
            sanctions = tuple(raw_s)
        if len(problems) == before and absent > working:
            bad(
                "K524",
                "absent_days",
                f"hari tidak masuk ({_fmt(absent, 'id')}) melebihi hari kerja ({working})",
                f"days absent ({_fmt(absent)}) exceed working days ({working})",
            )
        key_pair = (str(employee), str(month))
        if len(problems) == before and key_pair in seen:
            bad(
                "K525",
                "employee",
                f"pegawai dan bulan yang sama sudah ada di entri {seen[key_pair]}",
                f"same employee and month already in entry {seen[key_pair]}",
            )
        if len(problems) > before:
            continue
        seen[key_pair] = pos
        records.append(
            AttendanceRecord(
                str(employee).strip(),
                str(month),
                Attendance(
                    working_days=working,
                    days_absent=absent,
                    late=counts["late"],
                    early=counts["early"],
                    late_minutes=lists["late_minutes"],
                    early_minutes=lists["early_minutes"],
                    sanctions=sanctions,
                ),
            )
        )
    return records, problems


def _check_categories(version: RuleVersion, attendance: Attendance) -> list[RuleProblem]:
    """K560 an absence category, K561 a non-absence kind the version does not define; K524 more days away
    from the office (absent in any category or away) than working days."""
    out: list[RuleProblem] = []
    ded = version.deductions
    for code, kinds, known, what_id, what_en in (
            ("K560", attendance.absences, ded.absence_categories, "kategori ketidakhadiran", "absence category"),
            ("K561", attendance.away, ded.non_absence, "jenis hari kerja di luar kantor", "non-absence kind")):
        for kind, _ in kinds:
            if kind not in known:
                out.append(_problem(code, f"attendance.{kind}", f"{what_id} {kind!r} tidak ada dalam aturan ini "
                                    f"({', '.join(known) or '-'})",
                                    f"{what_en} {kind!r} is not defined by this rule ({', '.join(known) or '-'})"))
    away = attendance.days_away_from_office()
    if (attendance.absences or attendance.away) and away > attendance.working_days:
        out.append(_problem("K524", "attendance.days_absent",
                            f"hari di luar kantor ({_fmt(away, 'id')}) melebihi {attendance.working_days} hari kerja",
                            f"days away from the office ({_fmt(away)}) exceed {attendance.working_days} working days"))
    return out


def check_attendance(version: RuleVersion, attendance: Attendance) -> list[RuleProblem]:
    """Whether ``attendance`` can be computed under ``version`` (kecocokan data kehadiran).

    K524 more days absent than working days; K533 a band code the version does not define; K534 an
    unknown sanction; K535 band counts where the version counts hours (minutes are needed).
    """
    out: list[RuleProblem] = _check_categories(version, attendance)
    if attendance.days_absent < 0 or attendance.days_absent > attendance.working_days:
        out.append(
            _problem(
                "K524",
                "attendance.days_absent",
                f"hari tidak masuk ({_fmt(attendance.days_absent, 'id')}) di luar 0..{attendance.working_days} hari kerja",
                f"days absent ({_fmt(attendance.days_absent)}) outside 0..{attendance.working_days} working days",
            )
        )
    ded = version.deductions
    for name, counts, bands in (("late", attendance.late, ded.lateness), ("early", attendance.early, ded.early_leave)):
        live = {code: n for code, n in counts.items() if n}
        if not live:
            continue
        if ded.time_basis == "hours":
            out.append(
                _problem(
                    "K535",
                    f"attendance.{name}",
                    "aturan ini menghitung per jam: berikan menit (late_minutes/early_minutes), bukan jumlah per pita",
                    "this rule counts hours: give minutes (late_minutes/early_minutes), not counts per band",
                )
            )
            continue
        known = {b.code for b in bands}
        for code in live:
            if code not in known:
                out.append(
                    _problem(
                        "K533",
                        f"attendance.{name}.{code}",
                        f"kode {code} tidak ada dalam aturan ini",
                        f"code {code} is not defined by this rule",
                    )
                )
    for sid in attendance.sanctions:
        if sid not in ded.sanctions:
            out.append(
                _problem(
                    "K534",
                    f"attendance.sanctions.{sid}",
                    f"hukuman disiplin {sid!r} tidak ada dalam aturan ini",
                    f"sanction {sid!r} is not defined by this rule",
                )
            )
    return out


# --------------------------------------------------------------------------------------------------
# The computation


@dataclass(frozen=True)
class AllowanceResult:
    """One employee-month of allowance (TPP sebulan), every amount a :class:`Figure`.

    ``deductions`` lists each deduction (potongan) before the caps, each with its reason;
    ``deduction_total`` is what was actually taken after the caps; ``net`` = ``performance`` +
    ``discipline`` when deductions cut the discipline part, ``performance`` + discipline part −
    ``deduction_total`` when they cut the total.
    """

    rule_id: str
    effective_from: date
    month: str
    position_class: str
    employee: str
    gross: Figure
    performance_percent: Figure
    performance: Figure
    discipline: Figure
    deductions: tuple[Figure, ...]
    deduction_percent: Figure
    deduction_total: Figure
    net: Figure

    def figures(self) -> tuple[Figure, ...]:
        return (
            self.gross,
            self.performance,
            self.discipline,
            *self.deductions,
            self.deduction_total,
            self.net,
        )

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "effective_from": self.effective_from.isoformat(),
            "month": self.month,
            "position_class": self.position_class,
            "employee": self.employee,
            "gross": str(self.gross.shown),
            "performance": str(self.performance.shown),
            "discipline": str(self.discipline.shown),
            "deductions": [{"key": f.key, "label": f.label(lang), "amount": str(f.shown)} for f in self.deductions],
            "deduction_total": str(self.deduction_total.shown),
            "net": str(self.net.shown),
            # The net amount's tree holds every part above with its derivation: written once, not per part.
            "explanation": self.net.to_dict(lang),
        }


def _money(
    key: str,
    label: Text,
    value: Decimal,
    formula: Text,
    inputs: tuple[tuple[str, Any], ...],
    source: str,
    rule: Text | None = None,
) -> Figure:
    return Figure(key, label, value, formula, inputs, half_up(value, RUPIAH), rule, source)


def _month_text(month: date | str) -> str:
    if isinstance(month, date):
        return f"{month.year:04d}-{month.month:02d}"
    if MONTH.match(month):
        return month
    day = date.fromisoformat(month)
    return f"{day.year:04d}-{day.month:02d}"


def _performance_percent(version: RuleVersion, value: str | Decimal | float, source: str) -> Figure:
    table = version.performance
    label = Text("Persentase bagian kinerja", "Performance part percentage")
    if isinstance(value, str):
        if value not in table.by_predikat:
            raise AllowanceError(
                [
                    _problem(
                        "K532",
                        "predikat",
                        f"predikat {value!r} tidak ada dalam tabel aturan ({', '.join(table.by_predikat) or 'kosong'})",
                        f"predikat {value!r} is not in the rule's table ({', '.join(table.by_predikat) or 'empty'})",
                    )
                ]
            )
        pct = table.by_predikat[value]
        name = PREDIKAT_NAMES.get(value, Text(value, value))
        return Figure(
            "tpp.performance.percent",
            label,
            pct,
            Text(f"predikat {name.id} → {_fmt(pct, 'id')}%", f"predikat {name.en} → {_fmt(pct)}%"),
            (("predikat", value),),
            None,
            Text(f"tabel predikat: {name.id} = {_fmt(pct, 'id')}%", f"predikat table: {name.en} = {_fmt(pct)}%"),
            source,
        )
    score = D(value)
    bands = sorted(table.by_score, key=lambda b: b.min)
    chosen: ScoreBand | None = None
    for i, band in enumerate(bands):
        top = i == len(bands) - 1
        if band.min <= score < band.max or (top and score == band.max):
            chosen = band
            break
    if chosen is None:
        raise AllowanceError(
            [
                _problem(
                    "K532",
                    "score",
                    f"nilai {_fmt(score, 'id')} di luar semua rentang nilai aturan",
                    f"score {_fmt(score)} is outside every score band of the rule",
                )
            ]
        )
    span_id = f"{_fmt(chosen.min, 'id')} ≤ nilai < {_fmt(chosen.max, 'id')}"
    span_en = f"{_fmt(chosen.min)} ≤ score < {_fmt(chosen.max)}"
    return Figure(
        "tpp.performance.percent",
        label,
        chosen.percent,
        Text(
            f"nilai {_fmt(score, 'id')} → {_fmt(chosen.percent, 'id')}%",
            f"score {_fmt(score)} → {_fmt(chosen.percent)}%",
        ),
        (("score", score),),
        None,
        Text(f"rentang {span_id}", f"band {span_en}"),
        source,
    )


def _weighted_performance(components: Sequence[PerformanceComponent], rating: Figure, att: Attendance,
                          source: str) -> Figure:
    """The performance percentage as the weighted sum of the rule's components (docs/regulations.md §4):
    the rating's table percentage for the ``rating`` component, the export's ``perf_<id>`` for the others."""
    measures = dict(att.measures)
    parts: list[tuple[str, Any]] = []
    value = ZERO
    for component in components:
        if component.from_ == "rating":
            pct: Decimal | Figure = rating
            raw = rating.value
        elif component.id in measures:
            raw = pct = measures[component.id]
            if not ZERO <= raw <= HUNDRED:
                raise AllowanceError([_problem("K565", f"attendance.perf_{component.id}",
                                               f"persentase {component.name('id')} {_fmt(raw, 'id')} di luar 0-100",
                                               f"percentage {component.name('en')} {_fmt(raw)} outside 0-100")])
        else:
            raise AllowanceError([_problem("K564", f"attendance.perf_{component.id}",
                                           f"absensi tidak memuat komponen kinerja {component.name('id')} (kolom perf_{component.id})",
                                           f"the attendance lacks the performance component {component.name('en')} (column perf_{component.id})")])
        value += raw * component.weight / HUNDRED
        parts.append((f"{component.id} ({_fmt(component.weight)}%)", pct))
    names_id = " + ".join(f"{c.name('id')} × {_fmt(c.weight, 'id')}%" for c in components)
    names_en = " + ".join(f"{c.name('en')} × {_fmt(c.weight)}%" for c in components)
    return Figure("tpp.performance.percent", Text("Persentase bagian kinerja", "Performance part percentage"),
                  value, Text(names_id, names_en), tuple(parts), half_up(value),
                  Text("komponen kinerja berbobot", "weighted performance components"), source)


def _percent_items(version: RuleVersion, att: Attendance, source: str) -> list[tuple[str, Text, Figure]]:
    """Each deduction as (code, reason, percent figure)."""
    ded = version.deductions
    items: list[tuple[str, Text, Figure]] = []

    def add(code: str, name: Text, reason: Text, pct: Decimal, inputs: tuple[tuple[str, Any], ...]) -> None:
        fig = Figure(
            f"tpp.deduction.{code}.percent",
            Text(f"Persentase potongan {name.id}", f"Deduction percentage, {name.en}"),
            pct,
            reason,
            inputs,
            None,
            None,
            source,
        )
        items.append((code, reason, fig))

    if att.days_absent > 0 and ded.absent_day > 0:
        n = att.days_absent
        add(
            "absent",
            Text("tidak masuk kerja", "days absent"),
            Text(
                f"{_fmt(n, 'id')} hari tidak masuk × {_fmt(ded.absent_day, 'id')}%",
                f"{_fmt(n)} day(s) absent × {_fmt(ded.absent_day)}%",
            ),
            n * ded.absent_day,
            (("days_absent", n), ("percent_per_day", ded.absent_day)),
        )

    for category_id, days in att.absences:
        category = ded.absence_categories[category_id]
        charged = max(ZERO, days - category.free_days)
        pct = charged * category.percent_per_day
        capped = category.max_percent is not None and pct > category.max_percent
        if capped:
            pct = category.max_percent  # type: ignore[assignment]
        free_id = f", {_fmt(category.free_days, 'id')} hari pertama bebas" if category.free_days else ""
        free_en = f", first {_fmt(category.free_days)} day(s) free" if category.free_days else ""
        cap_id = f", paling banyak {_fmt(category.max_percent, 'id')}%" if capped else ""
        cap_en = f", at most {_fmt(category.max_percent)}%" if capped else ""  # type: ignore[arg-type]
        add(
            f"absence-{category_id}",
            Text(category.name("id"), category.name("en")),
            Text(f"{category.name('id')}: {_fmt(days, 'id')} hari{free_id} → {_fmt(charged, 'id')} × "
                 f"{_fmt(category.percent_per_day, 'id')}%{cap_id}",
                 f"{category.name('en')}: {_fmt(days)} day(s){free_en} → {_fmt(charged)} × "
                 f"{_fmt(category.percent_per_day)}%{cap_en}"),
            pct,
            (("days", days), ("free_days", category.free_days), ("percent_per_day", category.percent_per_day),
             ("max_percent", category.max_percent)),
        )
    for kind_id, days in att.away:
        kind = ded.non_absence[kind_id]
        add(
            f"away-{kind_id}",
            Text(kind.name("id"), kind.name("en")),
            Text(f"{kind.name('id')}: {_fmt(days, 'id')} hari, bukan ketidakhadiran → 0%",
                 f"{kind.name('en')}: {_fmt(days)} day(s), not absence → 0%"),
            ZERO,
            (("days", days), ("source", kind.source)),
        )

    for kind, counts, minutes, bands, what_id, what_en in (
        ("late", att.late, att.late_minutes, ded.lateness, "terlambat", "late"),
        ("early", att.early, att.early_minutes, ded.early_leave, "pulang sebelum waktunya", "early leave"),
    ):
        if ded.time_basis == "hours":
            per_hour = ded.per_hour()
            total = sum(minutes)
            if per_hour is None or total <= 0:
                continue
            hours = D(total) / 60
            hpd = ded.hours_per_day or Decimal(1)
            add(
                f"{kind}-hours",
                Text(f"{what_id} (per jam)", f"{what_en} (per hour)"),
                Text(
                    f"{what_id} {total} menit = {_fmt(half_up(hours), 'id')} jam × {_fmt(half_up(per_hour, Decimal('0.0001')), 'id')}% per jam"
                    f" (1 hari = {_fmt(hpd, 'id')} jam = {_fmt(ded.absent_day, 'id')}%)",
                    f"{what_en} {total} min = {_fmt(half_up(hours))} h × {_fmt(half_up(per_hour, Decimal('0.0001')))}% per hour"
                    f" (1 day = {_fmt(hpd)} h = {_fmt(ded.absent_day)}%)",
                ),
                hours * per_hour,
                (("minutes", total), ("hours_per_day", hpd), ("percent_per_day", ded.absent_day)),
            )
            continue
        tally: dict[str, int] = {code: n for code, n in counts.items() if n}
        for m in minutes:
            for band in bands:
                if band.contains(m):
                    tally[band.code] = tally.get(band.code, 0) + 1
                    break
        for band in sorted(bands, key=lambda b: b.from_minutes):
            n_band = tally.get(band.code, 0)
            if not n_band or band.percent == 0:
                continue
            add(
                band.code,
                Text(f"{what_id} {band.code}", f"{what_en} {band.code}"),
                Text(
                    f"{n_band}× {band.code} ({what_id} {band.span('id')}) × {_fmt(band.percent, 'id')}%",
                    f"{n_band}× {band.code} ({what_en} {band.span('en')}) × {_fmt(band.percent)}%",
                ),
                n_band * band.percent,
                (("count", n_band), ("percent_each", band.percent)),
            )

    for sid in att.sanctions:
        sanction = ded.sanctions[sid]
        if sanction.percent == 0:
            continue
        months_id = "" if sanction.months is None else f", {sanction.months} bulan"
        months_en = "" if sanction.months is None else f", {sanction.months} month{'' if sanction.months == 1 else 's'}"
        add(
            f"sanction-{sid}",
            Text(f"hukuman disiplin {sanction.name('id')}", f"sanction {sanction.name('en')}"),
            Text(
                f"hukuman disiplin {sanction.name('id')}{months_id} × {_fmt(sanction.percent, 'id')}%",
                f"disciplinary sanction {sanction.name('en')}{months_en} × {_fmt(sanction.percent)}%",
            ),
            sanction.percent,
            (("sanction", sid), ("months", sanction.months)),
        )
    return items


def monthly_allowance(
    rule: AllowanceRule,
    position_class: str,
    predikat_or_score: str | Decimal | float,
    attendance: Attendance,
    month: date | str,
    *,
    employee: str = "",
    basis: Text | None = None,
) -> AllowanceResult:
    """Compute one employee-month of allowance (TPP/tukin sebulan) under the version in force.

    ``position_class`` is a class (``pelaksana``) or a grade key (``kelas-7``); ``predikat_or_score``
    is a predikat id (``"baik"``) looked up in ``by_predikat`` or a number looked up in ``by_score``;
    ``month`` is ``YYYY-MM`` (or a date), whose first day selects the version. Raises
    :class:`AllowanceError` (with located problems) when no version is in force, the class, predikat
    or score is unknown, or the attendance does not fit the rule (:func:`check_attendance`).
    """
    try:
        month_text = _month_text(month)
    except ValueError:
        raise AllowanceError(
            [_problem("K523", "month", f"bulan harus YYYY-MM: {month!r}", f"month must be YYYY-MM: {month!r}")]
        ) from None
    version = version_for(rule, month_text)
    if version is None:
        raise AllowanceError(
            [
                _problem(
                    "K530",
                    "month",
                    f"tidak ada versi aturan {rule.id} yang berlaku pada {month_text}",
                    f"no version of rule {rule.id} is in force in {month_text}",
                )
            ]
        )
    source = rule.cite(version)
    base = version.base_for(position_class)
    if base is None:
        known = ", ".join([*version.base_by_class, *version.base_by_grade])
        raise AllowanceError(
            [
                _problem(
                    "K531",
                    "position_class",
                    f"kelas jabatan {position_class!r} tidak ada dalam besaran TPP ({known})",
                    f"position class {position_class!r} has no base amount ({known})",
                )
            ]
        )
    errors = [p for p in check_attendance(version, attendance) if p.severity == "error"]
    if errors:
        raise AllowanceError(errors)

    since = version.effective_from.isoformat()
    gross = _money(
        "tpp.gross",
        Text("TPP kotor (pagu)", "Gross allowance (ceiling)"),
        D(base),
        Text(
            f"besaran TPP {position_class} (versi berlaku {since})",
            f"base amount for {position_class} (version from {since})",
        ),
        (("position_class", position_class), ("effective_from", since)),
        source,
    )
    sp, sd = version.split.performance, version.split.discipline
    pct = _performance_percent(version, predikat_or_score, source)
    if version.performance.components:
        pct = _weighted_performance(version.performance.components, pct, attendance, source)
    if basis is not None:  # which rating pays the month, when it is not the month's own (months_before_annual)
        pct = replace(pct, inputs=pct.inputs + (("paid_on", basis),))
    perf_max = gross.value * sp / HUNDRED
    performance = _money(
        "tpp.performance",
        Text("Bagian kinerja", "Performance part"),
        perf_max * pct.value / HUNDRED,
        Text(
            f"{_rp(gross.value, 'id')} × {_fmt(sp, 'id')}% × {_fmt(pct.value, 'id')}%",
            f"{_rp(gross.value, 'en')} × {_fmt(sp)}% × {_fmt(pct.value)}%",
        ),
        (("gross", gross), ("split_performance", sp), ("percent", pct)),
        source,
    )
    disc_max = _money(
        "tpp.discipline.max",
        Text("Bagian disiplin sebelum potongan", "Discipline part before deductions"),
        gross.value * sd / HUNDRED,
        Text(f"{_rp(gross.value, 'id')} × {_fmt(sd, 'id')}%", f"{_rp(gross.value, 'en')} × {_fmt(sd)}%"),
        (("gross", gross), ("split_discipline", sd)),
        source,
    )

    on_discipline = version.deductions_apply_to == "discipline"
    base_fig = disc_max if on_discipline else gross
    base_id = "bagian disiplin" if on_discipline else "TPP kotor"
    base_en = "discipline part" if on_discipline else "gross allowance"
    items = _percent_items(version, attendance, source)
    deductions: list[Figure] = []
    for code, reason, pfig in items:
        deductions.append(
            _money(
                f"tpp.deduction.{code}",
                Text(f"Potongan: {reason.id}", f"Deduction: {reason.en}"),
                base_fig.value * pfig.value / HUNDRED,
                Text(
                    f"{_fmt(half_up(pfig.value, Decimal('0.0001')), 'id')}% × {base_id} {_rp(base_fig.value, 'id')}",
                    f"{_fmt(half_up(pfig.value, Decimal('0.0001')))}% × {base_en} {_rp(base_fig.value, 'en')}",
                ),
                (("percent", pfig), ("base", base_fig)),
                source,
                reason,
            )
        )

    raw_pct = sum((p.value for _, _, p in items), ZERO)
    cap = version.caps.max_deduction_percent
    capped_pct = min(raw_pct, cap)
    pct_rule = None
    if raw_pct > cap:
        pct_rule = Text(
            f"jumlah {_fmt(raw_pct, 'id')}% dibatasi {_fmt(cap, 'id')}% per bulan",
            f"sum {_fmt(raw_pct)}% capped at {_fmt(cap)}% a month",
        )
    deduction_percent = Figure(
        "tpp.deduction.percent",
        Text("Jumlah persentase potongan", "Total deduction percentage"),
        capped_pct,
        Text(
            " + ".join(_fmt(p.value, "id") + "%" for _, _, p in items) or "0%",
            " + ".join(_fmt(p.value) + "%" for _, _, p in items) or "0%",
        ),
        tuple((code, p) for code, _, p in items) + (("max_deduction_percent", cap),),
        None,
        pct_rule,
        source,
    )

    before = performance.value + disc_max.value
    wanted = base_fig.value * capped_pct / HUNDRED
    limit_floor = max(before - version.caps.floor, ZERO)
    limits = [limit_floor] + ([disc_max.value] if on_discipline else [])
    applied = min([wanted, *limits])
    total_rule = None
    if applied < wanted:
        total_rule = Text(
            f"potongan {_rp(wanted, 'id')} dibatasi agar TPP tidak di bawah {_rp(version.caps.floor, 'id')}"
            + (" dan bagian disiplin tidak negatif" if on_discipline else ""),
            f"deduction {_rp(wanted, 'en')} limited so the allowance stays at or above {_rp(version.caps.floor, 'en')}"
            + (" and the discipline part is not negative" if on_discipline else ""),
        )
    deduction_total = _money(
        "tpp.deduction.total",
        Text("Jumlah potongan", "Total deductions"),
        applied,
        Text(
            f"{_fmt(capped_pct, 'id')}% × {base_id} {_rp(base_fig.value, 'id')}",
            f"{_fmt(capped_pct)}% × {base_en} {_rp(base_fig.value, 'en')}",
        ),
        (("percent", deduction_percent), ("base", base_fig), ("floor", version.caps.floor)),
        source,
        total_rule,
    )
    if on_discipline:
        discipline = _money(
            "tpp.discipline",
            Text("Bagian disiplin", "Discipline part"),
            disc_max.value - applied,
            Text(
                f"{_rp(disc_max.value, 'id')} − potongan {_rp(applied, 'id')}",
                f"{_rp(disc_max.value, 'en')} − deductions {_rp(applied, 'en')}",
            ),
            (("discipline_max", disc_max), ("deductions", deduction_total)),
            source,
        )
        net_value = performance.value + discipline.value
        net_formula = Text(
            f"bagian kinerja {_rp(performance.value, 'id')} + bagian disiplin {_rp(discipline.value, 'id')}",
            f"performance part {_rp(performance.value, 'en')} + discipline part {_rp(discipline.value, 'en')}",
        )
        net_inputs: tuple[tuple[str, Any], ...] = (("performance", performance), ("discipline", discipline))
    else:
        discipline = disc_max
        net_value = before - applied
        net_formula = Text(
            f"bagian kinerja {_rp(performance.value, 'id')} + bagian disiplin {_rp(disc_max.value, 'id')} − potongan {_rp(applied, 'id')}",
            f"performance part {_rp(performance.value, 'en')} + discipline part {_rp(disc_max.value, 'en')} − deductions {_rp(applied, 'en')}",
        )
        net_inputs = (("performance", performance), ("discipline", disc_max), ("deductions", deduction_total))
    net = _money(
        "tpp.net",
        Text("TPP bersih", "Net allowance"),
        net_value,
        net_formula,
        net_inputs,
        source,
        Text(
            f"potongan dikenakan pada {base_id}; paling banyak {_fmt(cap, 'id')}%; tidak di bawah {_rp(version.caps.floor, 'id')}",
            f"deductions cut the {base_en}; at most {_fmt(cap)}%; never below {_rp(version.caps.floor, 'en')}",
        ),
    )
    return AllowanceResult(
        rule_id=rule.id,
        effective_from=version.effective_from,
        month=month_text,
        position_class=position_class,
        employee=employee,
        gross=gross,
        performance_percent=pct,
        performance=performance,
        discipline=discipline,
        deductions=tuple(deductions),
        deduction_percent=deduction_percent,
        deduction_total=deduction_total,
        net=net,
    )


@dataclass(frozen=True)
class UnitTotals:
    """Totals for a unit (jumlah per unit kerja): gross, deductions and net, each a :class:`Figure`.

    ``value`` sums the raw amounts; ``rounded`` sums the amounts as paid (each rounded to whole
    rupiah), so a published table adds up.
    """

    count: int
    gross: Figure
    deductions: Figure
    net: Figure
    people: int = 0  # distinct employees summed (``count`` counts employee-months); a site withholds small groups

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "count": self.count,
            "gross": self.gross.to_dict(lang),
            "deductions": self.deductions.to_dict(lang),
            "net": self.net.to_dict(lang),
        }


def unit_totals(results: Iterable[AllowanceResult]) -> UnitTotals:
    """Sum gross, deductions and net over a unit's results (jumlah TPP unit kerja)."""
    items = list(results)

    def total(key: str, label: Text, pick: Any) -> Figure:
        figs: list[Figure] = [pick(r) for r in items]
        names = [f"{r.employee} {r.month}" if r.employee else f"#{i + 1}" for i, r in enumerate(items)]
        return Figure(
            key,
            label,
            sum((f.value for f in figs), ZERO),
            Text(f"jumlah {len(figs)} pegawai", f"sum over {len(figs)} employees"),
            tuple(zip(names, figs)),
            sum((f.shown for f in figs), ZERO),
        )

    return UnitTotals(
        count=len(items),
        people=len({r.employee or f"#{i}" for i, r in enumerate(items)}),
        gross=total("tpp.unit.gross", Text("Jumlah TPP kotor", "Total gross allowance"), lambda r: r.gross),
        deductions=total(
            "tpp.unit.deductions", Text("Jumlah potongan", "Total deductions"), lambda r: r.deduction_total
        ),
        net=total("tpp.unit.net", Text("Jumlah TPP bersih", "Total net allowance"), lambda r: r.net),
    )
