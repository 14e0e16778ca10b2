"""Period locks and changes mid-period (pure: documents and provinces in, problems out).

After a period's ``lock_date`` its contracts, realisations, assessments, agreement and agreement
realisation are closed. A change to them is refused (K703) unless the *same* change carries

* an appeal decision (``appeals/<employee>.yaml`` whose ``decision`` is no longer ``pending``) for that
  employee and period, or
* a correction record (``corrections/<id>.yaml``) for that unit and period — and that employee, when it
  names one — whose ``approved_by`` is the BKD head (K710 otherwise).

An allowed change is still flagged (K715) so the reviewer sees why it passed. A change to an approved
contract or agreement after its period started is flagged too (K702): auditors want every mid-period
change of a target visible.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from .. import model as m
from ..load import Document
from ..report import Problem, problem
from ..score.explain import Text
from .approvers import bkd_head
from .impact import Touched

LOCKABLE = ("contract", "realisation", "assessment", "agreement", "agreement-realisation")
TARGET_KINDS = ("contract", "agreement")


def _period(period_id: str, provinces: tuple[m.Province, ...]) -> m.Period | None:
    return next((p.periods[period_id] for p in provinces if period_id in p.periods), None)


def check(touched: list[Touched], head_docs: Mapping[str, Document], base_docs: Mapping[str, Document],
          base: m.Province, head: m.Province, day: dt.date) -> list[Problem]:
    """Lock and timing problems of one change made on ``day``. Lock dates come from the organisation
    before the change (a change cannot unlock itself), then from after it for a new period."""
    provinces = (base, head)
    out: list[Problem] = []
    appeals: dict[tuple[str, str], tuple[str, str]] = {}
    corrections: dict[tuple[str, str], list[tuple[str | None, str]]] = {}
    bkd = bkd_head(base, day) or bkd_head(head, day)
    for change in touched:
        doc = head_docs.get(change.after or "")
        data = doc.data if doc is not None and isinstance(doc.data, dict) else None
        if data is None:
            continue
        if change.kind == "appeal":
            appeals[(change.keys["employee"], change.keys["period"])] = (change.after or "", str(data.get("decision", "pending")))
        elif change.kind == "correction":
            approved_by = data.get("approved_by")
            if bkd is None or approved_by != bkd.id:
                out.append(problem("K710", change.after or "", path=("approved_by",), ref=approved_by or "-",
                                   expected=bkd.id if bkd else "-"))
                continue
            employee = data.get("employee") if isinstance(data.get("employee"), str) else None
            corrections.setdefault((change.keys["unit"], change.keys["period"]), []).append((employee, change.after or ""))
    for change in touched:
        if change.kind not in LOCKABLE:
            continue
        file = change.after or change.before or ""
        period = _period(change.keys["period"], provinces)
        if period is None:
            continue
        if change.kind in TARGET_KINDS and change.before and day > period.start:
            old = base_docs.get(change.before)
            if old is not None and isinstance(old.data, dict) and old.data.get("status") == "approved":
                out.append(problem("K702", file, path=("status",) if change.after else (), period=period.id,
                                   start=period.start))
        if period.lock_date is None or day <= period.lock_date:
            continue
        employee = change.keys.get("employee")
        allowed, detail = _allowed(change.keys["unit"], period.id, employee, appeals, corrections)
        out.append(problem("K715" if allowed else "K703", file, period=period.id, lock_date=period.lock_date,
                           detail=detail))
    return out


def _allowed(unit: str, period: str, employee: str | None, appeals: Mapping[tuple[str, str], tuple[str, str]],
             corrections: Mapping[tuple[str, str], list[tuple[str | None, str]]]) -> tuple[bool, Text]:
    """Whether the change may pass the lock, and what allows it or why it is refused."""
    for names, file in corrections.get((unit, period), []):
        if names is None or names == employee:
            return True, Text(f"koreksi {file}", f"the correction {file}")
    if employee is not None and (employee, period) in appeals:
        file, decision = appeals[(employee, period)]
        if decision != "pending":
            return True, Text(f"keputusan keberatan {file} ({decision})", f"the appeal decision {file} ({decision})")
        return False, Text(f"keberatan {file} belum diputus", f"the appeal {file} is still pending")
    return False, Text("tanpa keputusan keberatan atau koreksi BKD", "no appeal decision or BKD correction comes with it")
