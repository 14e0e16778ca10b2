"""What changed inside a file: targets, indicators, duties and records added, removed or changed.

Pure functions over two versions of a parsed document (:class:`kinerja.load.Document`, None when the
file did not exist on that side). Each difference is a :class:`Row` (old → new); a numeric target that
became easier to reach is marked ``lowered``: a smaller target where higher is better, a larger one where
lower is better, and under PP 46/2011 less quantity or quality, more time or more cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Mapping, TypeVar

from .. import model as m
from ..load import Document, build

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One difference. ``item`` names what changed (``t1``, ``t1 · i1``, ``umum-staf · d2``); ``label``
    is its text; ``change`` is added, removed or changed; ``field`` the field that changed."""

    item: str
    label: str
    change: str
    field: str = ""
    old: str = ""
    new: str = ""
    lowered: bool = False
    path: tuple[str | int, ...] = ()
    """Where the new value is in the file (for locating flags)."""


def records(doc: Document | None) -> m.Province:
    """The typed records of one document, built into a province of their own."""
    province = m.Province()
    if doc is not None and isinstance(doc.data, dict):
        builder = build.BUILDERS.get(doc.kind)
        if builder is not None:
            builder(province, doc.data, doc.file, **doc.keys)
    return province


def diff(kind: str, old: Document | None, new: Document | None) -> list[Row]:
    """The rows of a change to a file of ``kind`` (empty for kinds without a table)."""
    differ = DIFFERS.get(kind)
    return differ(records(old), records(new)) if differ else []


# --- numbers -----------------------------------------------------------------------------------------
def _show_target(value: m.TargetValue, unit: str = "") -> str:
    shown = value.show()
    return f"{shown} {unit}".strip() if not value.qualitative else shown


def _level(value: m.TargetValue, polarity: str) -> Decimal | None:
    """The level a target asks for: its value, or the bound of a range that must be reached."""
    if value.value is not None:
        return value.value
    if value.is_range:
        return value.low if polarity == "higher" else value.high
    return None


def target_lowered(old: m.TargetValue, new: m.TargetValue, polarity: str) -> bool:
    before, after = _level(old, polarity), _level(new, polarity)
    if before is None or after is None:
        return False
    return after < before if polarity == "higher" else after > before


def _keyed(items: Iterable[T], key: str = "id") -> dict[str, T]:
    out: dict[str, T] = {}
    for item in items:
        out.setdefault(getattr(item, key), item)
    return out


def _indicator_rows(prefix: str, old: Iterable[m.Indicator], new: Iterable[m.Indicator]) -> list[Row]:
    rows: list[Row] = []
    before, after = _keyed(old), _keyed(new)
    for ident in list(before) + [i for i in after if i not in before]:
        item = f"{prefix} · {ident}" if prefix else ident
        a, b = before.get(ident), after.get(ident)
        if a is None and b is not None:
            rows.append(Row(item, b.text, "added", "target", "", _show_target(b.target, b.unit)))
        elif b is None and a is not None:
            rows.append(Row(item, a.text, "removed", "target", _show_target(a.target, a.unit), ""))
        elif a is not None and b is not None:
            if a.target != b.target or a.unit != b.unit:
                rows.append(Row(item, b.text, "changed", "target", _show_target(a.target, a.unit),
                                _show_target(b.target, b.unit), target_lowered(a.target, b.target, b.polarity),
                                b.source.path + ("target",)))
            for field in ("text", "polarity", "aggregation", "maximum"):
                if getattr(a, field) != getattr(b, field):
                    rows.append(Row(item, b.text, "changed", field, _plain(getattr(a, field)), _plain(getattr(b, field))))
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, m.Aspect):
        return f"{value.target} {value.unit or ''}".strip()
    return str(value)


# --- contracts (SKP) -------------------------------------------------------------------------------------
_ASPECTS = {"quantity": "higher", "quality": "higher", "time": "lower", "cost": "lower"}


def _aspect_value(value: Any) -> Decimal | None:
    return value.target if isinstance(value, m.Aspect) else value


def diff_contracts(old: m.Province, new: m.Province) -> list[Row]:
    a = next(iter(old.contracts.values()), None)
    b = next(iter(new.contracts.values()), None)
    rows: list[Row] = []
    if a is not None and b is not None:
        for field in ("position", "status", "assessor"):
            if getattr(a, field) != getattr(b, field):
                rows.append(Row("SKP", "", "changed", field, _plain(getattr(a, field)), _plain(getattr(b, field))))
    before = _keyed(a.targets) if a else {}
    after = _keyed(b.targets) if b else {}
    for ident in list(before) + [t for t in after if t not in before]:
        x, y = before.get(ident), after.get(ident)
        if x is None and y is not None:
            rows.append(Row(ident, y.text, "added", "", "", _target_summary(y)))
            continue
        if y is None and x is not None:
            rows.append(Row(ident, x.text, "removed", "", _target_summary(x), ""))
            continue
        assert x is not None and y is not None
        for field in ("text", "category", "duty", "supports", "supports_indicator", "role"):
            if getattr(x, field) != getattr(y, field):
                rows.append(Row(ident, y.text, "changed", field, _plain(getattr(x, field)), _plain(getattr(y, field))))
        for field, polarity in _ASPECTS.items():
            p, q = getattr(x, field), getattr(y, field)
            if p != q:
                pv, qv = _aspect_value(p), _aspect_value(q)
                lowered = pv is not None and qv is not None and (qv < pv if polarity == "higher" else qv > pv)
                rows.append(Row(ident, y.text, "changed", field, _plain(p), _plain(q), lowered, y.source.path + (field,)))
        rows.extend(_indicator_rows(ident, x.indicators, y.indicators))
    return rows


def _target_summary(target: m.Target) -> str:
    if target.indicators:
        return "; ".join(f"{i.id}: {_show_target(i.target, i.unit)}" for i in target.indicators)
    parts = [f"{name} {_plain(getattr(target, name))}" for name in _ASPECTS if getattr(target, name) is not None]
    return ", ".join(parts)


# --- unit agreements ---------------------------------------------------------------------------------------
def diff_agreements(old: m.Province, new: m.Province) -> list[Row]:
    a = next(iter(old.agreements.values()), None)
    b = next(iter(new.agreements.values()), None)
    rows: list[Row] = []
    if a is not None and b is not None:
        for field in ("owner", "status"):
            if getattr(a, field) != getattr(b, field):
                rows.append(Row("PK", "", "changed", field, _plain(getattr(a, field)), _plain(getattr(b, field))))
        goals_a, goals_b = _keyed(a.goals), _keyed(b.goals)
        for ident in goals_a.keys() & goals_b.keys():
            if goals_a[ident].text != goals_b[ident].text:
                rows.append(Row(ident, goals_b[ident].text, "changed", "text", goals_a[ident].text, goals_b[ident].text))
    rows.extend(_indicator_rows("", a.indicators() if a else [], b.indicators() if b else []))
    return rows


# --- job descriptions (anjab) and other id-keyed lists ------------------------------------------------------
def diff_positions(old: m.Province, new: m.Province) -> list[Row]:
    rows: list[Row] = []
    before, after = old.positions, new.positions
    for ident in list(before) + [p for p in after if p not in before]:
        x, y = before.get(ident), after.get(ident)
        if x is None and y is not None:
            rows.append(Row(ident, y.title, "added", "", "", f"{len(y.duties)} uraian tugas / duties"))
            continue
        if y is None and x is not None:
            rows.append(Row(ident, x.title, "removed", "", f"{len(x.duties)} uraian tugas / duties", ""))
            continue
        assert x is not None and y is not None
        for field in ("title", "cls", "reports_to", "head", "grade", "summary", "level"):
            if getattr(x, field) != getattr(y, field):
                rows.append(Row(ident, y.title, "changed", "class" if field == "cls" else field,
                                _plain(getattr(x, field)), _plain(getattr(y, field))))
        duties_x, duties_y = _keyed(x.duties), _keyed(y.duties)
        for duty in list(duties_x) + [d for d in duties_y if d not in duties_x]:
            p, q = duties_x.get(duty), duties_y.get(duty)
            item = f"{ident} · {duty}"
            if p is None and q is not None:
                rows.append(Row(item, q.text, "added", "", "", q.output))
            elif q is None and p is not None:
                rows.append(Row(item, p.text, "removed", "", p.output, ""))
            elif p is not None and q is not None:
                for field in ("text", "output", "unit_of_output"):
                    if getattr(p, field) != getattr(q, field):
                        rows.append(Row(item, q.text, "changed", field, getattr(p, field), getattr(q, field)))
    return rows


def _records_rows(before: Mapping[str, Any], after: Mapping[str, Any], label: str, fields: tuple[str, ...]) -> list[Row]:
    rows: list[Row] = []
    for ident in list(before) + [k for k in after if k not in before]:
        x, y = before.get(ident), after.get(ident)
        if x is None:
            rows.append(Row(ident, getattr(y, label), "added"))
        elif y is None:
            rows.append(Row(ident, getattr(x, label), "removed"))
        else:
            for field in fields:
                if getattr(x, field) != getattr(y, field):
                    rows.append(Row(ident, getattr(y, label), "changed", field, _records_value(getattr(x, field)),
                                    _records_value(getattr(y, field))))
    return rows


def _records_value(value: Any) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], m.Assignment):
        return "; ".join(f"{a.position} {a.start or '…'}–{a.end or '…'}" for a in value)
    return _plain(value)


def diff_employees(old: m.Province, new: m.Province) -> list[Row]:
    return _records_rows(old.employees, new.employees, "name", ("name", "type", "git", "email", "assignments"))


def diff_units(old: m.Province, new: m.Province) -> list[Row]:
    return _records_rows(old.units, new.units, "name", ("name", "type", "parent"))


def diff_periods(old: m.Province, new: m.Province) -> list[Row]:
    return _records_rows(old.periods, new.periods, "name",
                         ("start", "end", "regime", "cadence", "evaluation_cadence", "lock_date", "allowance_rule"))


DIFFERS = {
    "contract": diff_contracts,
    "agreement": diff_agreements,
    "positions": diff_positions,
    "employees": diff_employees,
    "organisation": diff_units,
    "periods": diff_periods,
}
