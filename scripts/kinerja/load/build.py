"""From parsed documents to the typed domain (:class:`kinerja.model.Province`).

Construction is lenient: a record whose essential fields are missing or of the wrong type is skipped
(the schema check reports it), so that one broken field does not hide the rest of the data or cause a
flood of follow-on errors.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Callable, Iterable

from .. import model as m
from . import files


def as_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _num(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    if type(value) is int and -1000 <= value <= 1000:  # targets and realisations repeat small counts
        found = _SMALL.get(value)
        if found is None:
            found = _SMALL[value] = Decimal(value)
        return found
    return Decimal(value)


_SMALL: dict[int, Decimal] = {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _items(data: Any, key: str) -> Iterable[tuple[int, dict[str, Any]]]:
    items = data.get(key) if type(data) is dict else None
    if type(items) is not list:
        return ()
    return [pair for pair in enumerate(items) if type(pair[1]) is dict]


def _ids(item: dict[str, Any], *keys: str) -> bool:
    return all(isinstance(item.get(k), str) for k in keys)


def target_value(item: dict[str, Any]) -> m.TargetValue:
    raw = item.get("target")
    if isinstance(raw, dict):
        low, high = _num(raw.get("min")), _num(raw.get("max"))
        if low is not None and high is not None:
            return m.TargetValue(low=low, high=high)
    number = _num(raw)
    return m.TargetValue(value=number, text=_str(item.get("target_text")))


def indicator(item: dict[str, Any], source: m.Source) -> m.Indicator:
    return m.Indicator(
        id=item["id"], text=_str(item.get("text")) or "", unit=_str(item.get("unit")) or "",
        target=target_value(item), polarity=item.get("polarity") if item.get("polarity") in ("higher", "lower") else "higher",
        maximum=item.get("maximum") is True,
        aggregation=item.get("aggregation") if item.get("aggregation") in ("last", "sum", "mean") else "last",
        source=source, weight=_num(item.get("weight")))


def settings(data: Any) -> m.Settings:
    if not isinstance(data, dict):
        return m.Settings()
    phrases = data.get("vague_phrases")
    phrases = (tuple(p for p in phrases if isinstance(p, str)) if isinstance(phrases, list)
               else m.DEFAULT_VAGUE_PHRASES)
    extra = data.get("extra_vague_phrases")
    if isinstance(extra, list):
        phrases += tuple(p for p in extra if isinstance(p, str))
    max_bytes = data.get("max_file_bytes")
    appeal_days = data.get("appeal_days")
    group = data.get("min_group_size")
    return m.Settings(
        government=_str(data.get("government")) or "Pemerintah Provinsi",
        language=data.get("language") if data.get("language") in ("id", "en") else "id",
        bkd_unit=_str(data.get("bkd_unit")),
        vague_phrases=phrases,
        max_file_bytes=max_bytes if isinstance(max_bytes, int) and 0 < max_bytes <= files.MAX_LIMIT else 5 * 1024 * 1024,
        appeal_days=appeal_days if isinstance(appeal_days, int) and appeal_days > 0 else 14,
        today=as_date(data.get("today")),
        min_group_size=group if isinstance(group, int) and not isinstance(group, bool) and group >= 2 else 5,
    )


def organisation(p: m.Province, data: Any, file: str) -> None:
    for i, item in _items(data, "units"):
        if _ids(item, "id") and item["id"] not in p.units:
            p.units[item["id"]] = m.Unit(item["id"], _str(item.get("name")) or item["id"], _str(item.get("type")) or "",
                                         _str(item.get("parent")), m.Source(file, ("units", i)),
                                         _str(item.get("short_name")))


def periods(p: m.Province, data: Any, file: str) -> None:
    for i, item in _items(data, "periods"):
        start, end = as_date(item.get("start")), as_date(item.get("end"))
        if not _ids(item, "id") or start is None or end is None or item["id"] in p.periods:
            continue
        options = item.get("options") if isinstance(item.get("options"), dict) else {}
        p.periods[item["id"]] = m.Period(
            item["id"], _str(item.get("name")) or item["id"], start, end, _str(item.get("regime")) or "",
            _str(item.get("cadence")) or "annual", m.Source(file, ("periods", i)), as_date(item.get("lock_date")),
            _str(item.get("allowance_rule")), options, _str(item.get("evaluation_cadence")))


def positions(p: m.Province, data: Any, file: str, unit: str) -> None:
    for i, item in _items(data, "positions"):
        if not _ids(item, "id") or item["id"] in p.positions:
            continue
        src = m.Source(file, ("positions", i))
        duties = tuple(
            m.Duty(d["id"], _str(d.get("text")) or "", _str(d.get("output")) or "", _str(d.get("unit_of_output")) or "",
                   src.at("duties", j))
            for j, d in _items(item, "duties") if _ids(d, "id"))
        grade = item.get("grade")
        p.positions[item["id"]] = m.Position(
            item["id"], _str(item.get("title")) or item["id"], _str(item.get("class")) or "", unit,
            _str(item.get("reports_to")), _str(item.get("summary")) or "", duties, src, _str(item.get("level")),
            item.get("head") is True, grade if isinstance(grade, int) and not isinstance(grade, bool) else None,
            item.get("skeleton") is True)


def employees(p: m.Province, data: Any, file: str, unit: str) -> None:
    for i, item in _items(data, "employees"):
        if not _ids(item, "id") or item["id"] in p.employees:
            continue
        src = m.Source(file, ("employees", i))
        assignments = tuple(
            m.Assignment(a["position"], as_date(a.get("from")), as_date(a.get("to")), src.at("assignments", j))
            for j, a in _items(item, "assignments") if _ids(a, "position"))
        nip = item.get("nip")
        p.employees[item["id"]] = m.Employee(
            item["id"], str(nip) if nip is not None else "", _str(item.get("type")) or "pns",
            _str(item.get("name")) or item["id"], unit, assignments, src, _str(item.get("git")), _str(item.get("email")))


def agreement(p: m.Province, data: Any, file: str, unit: str, period: str) -> None:
    if not isinstance(data, dict):
        return
    src = m.Source(file)
    goals = tuple(
        m.Goal(g["id"], _str(g.get("text")) or "",
               tuple(indicator(ind, src.at("goals", i, "indicators", j)) for j, ind in _items(g, "indicators") if _ids(ind, "id")),
               src.at("goals", i))
        for i, g in _items(data, "goals") if _ids(g, "id"))
    p.agreements[(unit, period)] = m.Agreement(unit, period, _str(data.get("owner")) or "", _str(data.get("status")) or "draft",
                                               goals, src, as_date(data.get("approved_on")))


def _entries(data: Any, src: m.Source) -> tuple[m.RealisationEntry, ...]:
    out = []
    for i, e in _items(data, "entries"):
        key = "target" if "target" in e else "indicator"
        if not _ids(e, key):
            continue
        evidence = tuple(m.Evidence(_str(ev.get("title")) or "", _str(ev.get("url"))) for _, ev in _items(e, "evidence"))
        out.append(m.RealisationEntry(
            target=_str(e.get(key)) or "", index=i, indicator=_str(e.get("indicator")),
            value=_num(e.get("value")), value_text=_str(e.get("value_text")), quantity=_num(e.get("quantity")),
            quality=_num(e.get("quality")), time=_num(e.get("time")), cost=_num(e.get("cost")),
            not_available=_str(e.get("not_available")), evidence=evidence, note=_str(e.get("note")),
            reporting_period=_str(e.get("reporting_period"))))
    return tuple(out)


def agreement_realisation(p: m.Province, data: Any, file: str, unit: str, period: str) -> None:
    if isinstance(data, dict):
        p.agreement_realisations[(unit, period)] = m.AgreementRealisation(unit, period, _entries(data, m.Source(file)),
                                                                          m.Source(file))


def _aspect(value: Any) -> m.Aspect | None:
    if isinstance(value, dict) and _num(value.get("target")) is not None:
        return m.Aspect(_num(value.get("target")), _str(value.get("unit")))  # type: ignore[arg-type]
    return None


def contract(p: m.Province, data: Any, file: str, unit: str, period: str, employee: str) -> None:
    if not isinstance(data, dict):
        return
    src = m.Source(file)
    targets = []
    for i, t in _items(data, "targets"):
        if not _ids(t, "id"):
            continue
        tsrc = src.at("targets", i)
        targets.append(m.Target(
            id=t["id"], category=t.get("category") if t.get("category") in ("main", "additional") else "main",
            text=_str(t.get("text")) or "", duty=_str(t.get("duty")), supports=_str(t.get("supports")),
            supports_indicator=_str(t.get("supports_indicator")), source=tsrc, quantity=_aspect(t.get("quantity")),
            quality=_num(t.get("quality")), time=_aspect(t.get("time")), cost=_num(t.get("cost")),
            indicators=tuple(indicator(ind, tsrc.at("indicators", j)) for j, ind in _items(t, "indicators") if _ids(ind, "id")),
            role=_str(t.get("role"))))
    key = (_str(data.get("employee")) or employee, _str(data.get("period")) or period)
    record = m.Contract(key[0], _str(data.get("position")) or "", key[1], unit, _str(data.get("status")) or "draft",
                        tuple(targets), src, _str(data.get("assessor")), _str(data.get("appeal_assessor")),
                        as_date(data.get("approved_on")))
    p.contracts.setdefault(key, record)


def realisation(p: m.Province, data: Any, file: str, unit: str, period: str, employee: str, reporting_period: str) -> None:
    if not isinstance(data, dict):
        return
    src = m.Source(file)
    record = m.Realisation(_str(data.get("employee")) or employee, _str(data.get("period")) or period,
                           _str(data.get("reporting_period")) or reporting_period, unit, _entries(data, src), src,
                           as_date(data.get("submitted_on")))
    p.realisations.setdefault((record.employee, record.period), []).append(record)


def assessment(p: m.Province, data: Any, file: str, unit: str, period: str, employee: str) -> None:
    if not isinstance(data, dict):
        return
    behaviour = data.get("behaviour") if isinstance(data.get("behaviour"), dict) else {}
    periodic = tuple(m.PeriodicRating(r["reporting_period"], _str(r.get("results")) or "", _str(r.get("behaviour")) or "",
                                      _str(r.get("feedback")))
                     for _, r in _items(data, "periodic") if _ids(r, "reporting_period"))
    creativity = data.get("creativity") if isinstance(data.get("creativity"), dict) else {}
    new_idea = data.get("new_idea") if isinstance(data.get("new_idea"), dict) else {}
    extra = data.get("extra_tasks")
    record = m.Assessment(
        employee=_str(data.get("employee")) or employee, period=_str(data.get("period")) or period,
        assessor=_str(data.get("assessor")) or "", date=as_date(data.get("date")), unit=unit, source=m.Source(file),
        behaviour=dict(behaviour), behaviour_raters=data.get("behaviour_raters") if data.get("behaviour_raters") in ("superior", "360") else "superior",
        behaviour_rating=_str(data.get("behaviour_rating")), results=_str(data.get("results")), periodic=periodic,
        extra_tasks=tuple(x for x in extra if isinstance(x, str)) if isinstance(extra, list) else (),
        creativity_level=_str(creativity.get("level")), creativity=_str(creativity.get("description")),
        additional_work=tuple((w.get("text", ""), _num(w.get("value")) or Decimal(0)) for _, w in _items(data, "additional_work")),
        new_idea=new_idea.get("recognised") is True, new_idea_text=_str(new_idea.get("description")),
        feedback=_str(data.get("feedback")),
        structural=data.get("structural") if isinstance(data.get("structural"), bool) else None)
    p.assessments.setdefault((record.employee, record.period), record)


def appeal(p: m.Province, data: Any, file: str, unit: str, period: str, employee: str) -> None:
    if not isinstance(data, dict):
        return
    changed = data.get("changed_rating") if isinstance(data.get("changed_rating"), dict) else {}
    record = m.Appeal(
        employee=_str(data.get("employee")) or employee, period=_str(data.get("period")) or period, unit=unit,
        filed=as_date(data.get("filed")), reasons=_str(data.get("reasons")) or "",
        decision=_str(data.get("decision")) or "pending", source=m.Source(file),
        result_received=as_date(data.get("result_received")), decided_by=_str(data.get("decided_by")),
        decided_on=as_date(data.get("decided_on")), decision_reasons=_str(data.get("decision_reasons")),
        changed_rating=dict(changed))
    p.appeals.setdefault((record.employee, record.period), record)


BUILDERS: dict[str, Callable[..., None]] = {
    "organisation": organisation,
    "periods": periods,
    "positions": positions,
    "employees": employees,
    "agreement": agreement,
    "agreement-realisation": agreement_realisation,
    "contract": contract,
    "realisation": realisation,
    "assessment": assessment,
    "appeal": appeal,
}
