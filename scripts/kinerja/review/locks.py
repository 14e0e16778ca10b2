"""Period locks and changes mid-period (pure: documents and provinces in, problems out).

After a period's ``lock_date`` **every** file of that period is closed: contracts, realisations,
assessments, appeals, corrections, the agreement and its realisation (``units/<unit>/<period>/…``) and
the attendance of its months. Whether a period is locked is judged by the data *before* the change (a
change cannot unlock itself) on the day of the review (the clock or ``--on``, never a date the change
carries). Only these routes open a locked period, each in the *same* change:

* a **new appeal** (``appeals/<employee>.yaml`` that did not exist), filed ``pending`` within the appeal
  time limit counted up to the day of the review (K718 late, K719 not pending);
* the **decision of a pending appeal**: the appeal was ``pending`` before the change, only the decision
  fields are filled in (K720 otherwise) and ``decided_by`` is the appeal assessor by the organisation before
  the change (K721 otherwise). That decision opens the employee's records of that period;
* a **new correction** (``corrections/<id>.yaml``) for that unit and period — and that employee, when it
  names one — whose ``approved_by`` is the BKD head (K710 otherwise). It opens the unit's files of the
  period (or that employee's), decided appeals included.

Anything else is refused (K703). Records of the routes are final once the period is locked: a decided
appeal (K716) is opened only by a correction, an approved correction never (K717; write a new one). The
period itself is locked too: changing a locked period's dates, lock date, regime, cadence, allowance rule or
options in ``periods.yaml``, or removing it, is refused (K722) unless a new correction of the BKD unit for
that period, naming no employee, comes with it. A data entry that is a symbolic link, a submodule or another
special file is refused wherever it lies (K723, K724): its content could change without a change to it.

An allowed change is still flagged (K715) so the reviewer sees why it passed. A change to an approved
contract or agreement after its period started is flagged too (K702): auditors want every mid-period
change of a target visible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from .. import model as m
from ..load import Document, layout
from ..report import Problem, problem
from ..score.explain import Text
from .approvers import bkd_head, need_for
from .impact import Touched

LOCKABLE = ("contract", "realisation", "assessment", "agreement", "agreement-realisation", "appeal", "correction",
            "attendance")
"""Every file kind that belongs to a period (attendance through its month)."""
TARGET_KINDS = ("contract", "agreement")
FILING_FIELDS = ("employee", "period", "result_received", "filed", "reasons")
"""What an appellant wrote; a decision fills in the other fields only."""
PERIOD_FIELDS = ("start", "end", "regime", "cadence", "evaluation_cadence", "lock_date", "allowance_rule", "options")
"""What a locked period's entry in periods.yaml may not change (its display name may)."""


@dataclass
class Routes:
    """What the change itself carries that may open a locked period."""

    decisions: dict[tuple[str, str], str] = field(default_factory=dict)
    """(employee, period) → the appeal decided in this change."""
    corrections: dict[tuple[str, str], list[tuple[str | None, str]]] = field(default_factory=dict)
    """(unit, period) → (employee named or None, file) of each new BKD-approved correction."""

    def opening(self, unit: str, period: str, employee: str | None, decisions: bool = True) -> Text | None:
        """What opens a file of ``unit``/``period`` (of ``employee``) in this change, if anything."""
        for names, file in self.corrections.get((unit, period), []):
            if names is None or names == employee:
                return Text(f"koreksi {file}", f"the correction {file}")
        if decisions and employee is not None and (employee, period) in self.decisions:
            file = self.decisions[(employee, period)]
            return Text(f"keputusan keberatan {file}", f"the appeal decision {file}")
        return None


@dataclass
class Context:
    """What every lock rule reads: both organisations, the changed documents, the day of the review."""

    base: m.Province
    head: m.Province
    head_docs: Mapping[str, Document]
    base_docs: Mapping[str, Document]
    day: dt.date
    routes: Routes = field(default_factory=Routes)

    @property
    def provinces(self) -> tuple[m.Province, m.Province]:
        return (self.base, self.head)

    def data(self, docs: Mapping[str, Document], file: str | None) -> dict[str, Any] | None:
        doc = docs.get(file or "")
        return doc.data if doc is not None and isinstance(doc.data, dict) else None

    def periods_of(self, change: Touched) -> list[m.Period]:
        """The periods a file belongs to: by its folder, or by its month for attendance (the organisation
        before the change first, then after it for a new period)."""
        if "period" in change.keys:
            found = next((p.periods[change.keys["period"]] for p in self.provinces
                          if change.keys["period"] in p.periods), None)
            return [found] if found is not None else []
        month = change.keys.get("month")
        if month is None:
            return []
        first = dt.date(int(month[:4]), int(month[5:7]), 1)
        seen = {p.id: p for prov in reversed(self.provinces) for p in prov.periods.values() if p.contains(first)}
        return list(seen.values())

    def locked(self, period: m.Period) -> bool:
        return period.lock_date is not None and self.day > period.lock_date


def check(touched: list[Touched], head_docs: Mapping[str, Document], base_docs: Mapping[str, Document],
          base: m.Province, head: m.Province, day: dt.date) -> list[Problem]:
    """Lock and timing problems of one change judged on ``day``."""
    cx = Context(base, head, head_docs, base_docs, day)
    touched = [part for change in touched for part in _split_move(change)]
    out = _corrections(touched, cx)
    for change in touched:  # appeals first: a decision made in this change opens its employee's records
        if change.kind == "appeal":
            out += _appeal(change, cx)
    for change in touched:
        if change.kind == "periods":
            out += _periods(change, cx)
        elif change.kind in LOCKABLE and change.kind != "appeal":
            out += _record(change, cx)
    return out


def _split_move(change: Touched) -> list[Touched]:
    """A move to another kind or other folder ids (another period, unit or employee) is judged as the removal
    of the old file and the addition of the new one: moving a file out of a locked period is not a way out."""
    if not change.before or not change.after or change.before == change.after:
        return [change]
    old = layout.classify(change.before[len(layout.DATA_DIR) + 1:]) if change.before.startswith(layout.DATA_DIR + "/") else None
    if old is None or (old.kind == change.kind and old.keys == change.keys):
        return [change]
    return [Touched(old.kind, dict(old.keys), change.before, None), Touched(change.kind, change.keys, None, change.after)]


def _corrections(touched: list[Touched], cx: Context) -> list[Problem]:
    """K710 for a correction not approved by the BKD head; the new approved ones become routes."""
    out: list[Problem] = []
    bkd = bkd_head(cx.base, cx.day) or bkd_head(cx.head, cx.day)
    for change in touched:
        data = cx.data(cx.head_docs, change.after) if change.kind == "correction" else None
        if data is None:
            continue
        approved_by = data.get("approved_by")
        if bkd is None or approved_by != bkd.id:
            out.append(problem("K710", change.after or "", path=("approved_by",), ref=approved_by or "-",
                               expected=bkd.id if bkd else "-"))
            continue
        if change.before is None:
            employee = data.get("employee") if isinstance(data.get("employee"), str) else None
            cx.routes.corrections.setdefault((change.keys["unit"], change.keys["period"]), []).append(
                (employee, change.after or ""))
    return out


def _record(change: Touched, cx: Context) -> list[Problem]:
    """K702 for an approved target document changed mid-period; K703/K717/K715 in a locked period."""
    file = change.after or change.before or ""
    periods = cx.periods_of(change)
    out: list[Problem] = []
    if change.kind in TARGET_KINDS and change.before and periods and cx.day > periods[0].start:
        old = cx.data(cx.base_docs, change.before)
        if old is not None and old.get("status") == "approved":
            out.append(problem("K702", file, path=("status",) if change.after else (), period=periods[0].id,
                               start=periods[0].start))
    period = next((p for p in periods if cx.locked(p)), None)
    if period is None:
        return out
    if change.kind == "correction":
        if change.before is not None:  # an approved correction is final: write a new one
            out.append(problem("K717", file, period=period.id, lock_date=period.lock_date))
        return out
    out.append(_verdict(file, period, cx.routes.opening(change.keys["unit"], period.id, change.keys.get("employee"))))
    return out


def _verdict(file: str, period: m.Period, opened: Text | None) -> Problem:
    """K715 naming what opens the locked file, else K703."""
    if opened is not None:
        return problem("K715", file, period=period.id, lock_date=period.lock_date, detail=opened)
    return problem("K703", file, period=period.id, lock_date=period.lock_date,
                   detail=Text("tanpa keputusan keberatan atau koreksi BKD",
                               "no appeal decision or BKD correction comes with it"))


def _appeal(change: Touched, cx: Context) -> list[Problem]:
    """An appeal in a locked period: a new pending one in time, or the decision of a pending one."""
    period = next((p for p in cx.periods_of(change) if cx.locked(p)), None)
    if period is None:
        return []
    file = change.after or change.before or ""
    employee = change.keys["employee"]
    new, old = cx.data(cx.head_docs, change.after), cx.data(cx.base_docs, change.before)
    by_correction = cx.routes.opening(change.keys["unit"], period.id, employee, decisions=False)
    if by_correction is not None:
        return [_verdict(file, period, by_correction)]
    if change.before is None and new is not None:
        return [_new_appeal(file, new, period, employee, cx)]
    if old is not None and old.get("decision", "pending") != "pending":
        return [problem("K716", file, path=("decision",) if new is not None else (), period=period.id,
                        lock_date=period.lock_date, decision=str(old.get("decision")))]
    if new is None or old is None or change.before != change.after:
        return [_verdict(file, period, None)]  # deleted, moved, or unreadable on one side
    if new.get("decision", "pending") == "pending":
        return [_verdict(file, period, None)]
    changed = [f for f in FILING_FIELDS if old.get(f) != new.get(f)]
    if changed:
        return [problem("K720", file, path=(changed[0],), period=period.id, lock_date=period.lock_date,
                        fields=", ".join(changed))]
    need = need_for(file, cx.provinces, cx.day)
    expected = need.roles[0].employee if need.roles else None
    if expected is not None and new.get("decided_by") != expected.id:
        return [problem("K721", file, path=("decided_by",), period=period.id, lock_date=period.lock_date,
                        ref=str(new.get("decided_by") or "-"), expected=expected.id)]
    cx.routes.decisions[(employee, period.id)] = file
    detail = Text(f"keputusan keberatan {file} ({new.get('decision')})",
                  f"the appeal decision {file} ({new.get('decision')})")
    return [_verdict(file, period, detail)]


def _new_appeal(file: str, data: dict[str, Any], period: m.Period, employee: str, cx: Context) -> Problem:
    """A new appeal in a locked period: filed pending, within the time limit counted to the review's day."""
    if data.get("decision", "pending") != "pending":
        return problem("K719", file, path=("decision",), period=period.id, lock_date=period.lock_date)
    assessment = cx.head.assessments.get((employee, period.id)) or cx.base.assessments.get((employee, period.id))
    received = _date(data.get("result_received")) or (assessment.date if assessment is not None else None)
    limit = cx.base.settings.appeal_days
    if received is None or (cx.day - received).days > limit:
        return problem("K718", file, path=("result_received",) if received else (), period=period.id,
                       lock_date=period.lock_date, received=received or "-", day=cx.day, limit=limit)
    return _verdict(file, period, Text(f"keberatan baru dalam {limit} hari sejak {received}",
                                       f"a new appeal within {limit} days of {received}"))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _periods(change: Touched, cx: Context) -> list[Problem]:
    """K722 for each period locked before the change whose definition the change alters or removes."""
    file = change.after or change.before or ""
    entries = (cx.data(cx.head_docs, change.after) or {}).get("periods")
    entries = entries if isinstance(entries, list) else []
    bkd_unit = cx.base.settings.bkd_unit
    out: list[Problem] = []
    for period in cx.base.periods.values():
        if not cx.locked(period):
            continue
        new = cx.head.periods.get(period.id)
        fields = [f for f in PERIOD_FIELDS if new is None or getattr(period, f) != getattr(new, f)]
        if not fields:
            continue
        index = next((i for i, e in enumerate(entries) if isinstance(e, dict) and str(e.get("id")) == period.id), None)
        path: tuple[str | int, ...] = ("periods", index, fields[0]) if index is not None else ()
        what = Text(", ".join(fields), ", ".join(fields)) if new is not None else Text("periode dihapus", "the period is removed")
        opened = cx.routes.opening(bkd_unit, period.id, None, decisions=False) if bkd_unit else None
        if opened is not None:
            out.append(problem("K715", file, path=path, period=period.id, lock_date=period.lock_date, detail=opened))
        else:
            out.append(problem("K722", file, path=path, period=period.id, lock_date=period.lock_date, fields=what))
    return out


def irregular(entries: Mapping[str, str]) -> list[Problem]:
    """K723 for each symbolic link and K724 for each other special entry under the data root."""
    out: list[Problem] = []
    for path, what in sorted(entries.items()):
        if what == "symlink":
            out.append(problem("K723", path))
        else:
            out.append(problem("K724", path, what=what))
    return out
