"""Rules across files: references, reporting lines, periods, cascading, appeals and open-ended duties.

Each ``check_*`` function reads the typed :class:`~kinerja.model.Province` (and, for duplicates, the raw
documents) and yields problems. Nothing here raises on bad data and nothing is quadratic in the number
of files: lookups go through dictionaries built once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any, Iterable, Iterator

from .. import model as m
from ..nip import PLAUSIBLE_AGE, age_at_appointment, parse_nip, plausible_age
from ..load import AnyDocument, attendance_records
from ..report import Problem, problem
from .vague import vague_phrase

PP46_BEHAVIOUR = ("orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama", "kepemimpinan")
PM8_BEHAVIOUR = ("orientasi_pelayanan", "komitmen", "inisiatif_kerja", "kerja_sama", "kepemimpinan")
BERAKHLAK = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")
EXPECTATIONS = ("di-atas", "sesuai", "di-bawah")

REGIME_HINTS = {
    "pp46-2011": ("Di PP 46/2011 setiap kegiatan memakai quantity, quality dan time (cost opsional), tanpa indicators.",
                  "Under PP 46/2011 each activity uses quantity, quality and time (cost optional), no indicators."),
    "permenpanrb-8-2021": ("Di PermenPANRB 8/2021 setiap RHK memakai indicators (IKI) dengan target, tanpa quantity/quality/time/cost.",
                           "Under PermenPANRB 8/2021 each RHK uses indicators (IKI) with targets, no quantity/quality/time/cost."),
    "permenpanrb-6-2022": ("Di PermenPANRB 6/2022 setiap RHK memakai indicators (IKI), tanpa quantity/quality/time/cost.",
                           "Under PermenPANRB 6/2022 each RHK uses indicators (IKI), no quantity/quality/time/cost."),
}


def _p(code: str, source: m.Source, *more: str | int, **params: Any) -> Problem:
    return problem(code, source.file, path=source.path + tuple(more), **params)


def check_all(province: m.Province, documents: list[AnyDocument]) -> Iterator[Problem]:
    """Every cross-file problem."""
    yield from check_duplicates(documents)
    yield from check_units(province, documents)
    yield from check_periods(province)
    yield from check_positions(province)
    yield from check_employees(province)
    yield from check_agreements(province)
    yield from check_contracts(province)
    yield from check_realisations(province)
    yield from check_assessments(province)
    yield from check_appeals(province)
    yield from check_allowance(province)


# --- allowance rules and attendance ---------------------------------------------------------------------
def _rule_path(path: str) -> tuple[str | int, ...]:
    """``versions[0].split`` → ``("versions", 0, "split")``."""
    import re

    out: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        out.append(int(index) if index else name)
    return tuple(out)


def check_allowance(province: m.Province) -> Iterator[Problem]:
    from ..score import allowance as tpp

    for rule_id, doc in sorted(province.allowance_rules.items()):
        try:
            rule = tpp.rule_from_mapping(doc.data)
        except tpp.RuleFormatError as exc:
            for item in exc.problems:
                yield problem(item.code, doc.file, path=_rule_path(item.path), detail=item.message)
            continue
        for item in tpp.check_rule(rule):
            yield problem(item.code, doc.file, path=_rule_path(item.path), detail=item.message)
    for month, docs in sorted(province.attendance.items()):
        for doc in docs:
            records, problems = attendance_records(doc)
            for item in problems:
                yield problem(item.code, doc.file, item.row, None, (item.column,) if item.column else (),
                              detail=item.message)
            for record in records:
                if record.employee not in province.employees:
                    yield problem("K536", doc.file, path=("employee",), detail=f"{record.employee}")


# --- duplicates and folder/content agreement (read from the raw documents) -------------------------
def check_duplicates(documents: list[AnyDocument]) -> Iterator[Problem]:
    lists = {"organisation": ("units", "id"), "periods": ("periods", "id"), "positions": ("positions", "id"),
             "employees": ("employees", "id")}
    seen: dict[tuple[str, str], str] = {}
    nips: dict[str, str] = {}
    for doc in documents:
        data = doc.data if isinstance(doc.data, dict) else {}
        if doc.kind in lists:
            key, field = lists[doc.kind]
            items = data.get(key) if isinstance(data.get(key), list) else []
            for i, item in enumerate(items):
                if not isinstance(item, dict) or not isinstance(item.get(field), str):
                    continue
                ident = (doc.kind, item[field])
                where = f"{doc.file} ({key}[{i}])"
                if ident in seen:
                    yield problem("K206", doc.file, path=(key, i, field), ref=item[field], other=seen[ident])
                else:
                    seen[ident] = where
                if doc.kind == "employees" and isinstance(item.get("nip"), str) and item["nip"].strip():
                    nip = item["nip"].replace(" ", "")
                    if nip in nips:
                        yield problem("K206", doc.file, path=(key, i, "nip"), ref=_mask(nip), other=nips[nip])
                    else:
                        nips[nip] = where
        if not data:
            continue
        keys = doc.keys
        for field in ("unit", "period", "employee", "reporting_period"):
            if field in keys and isinstance(data.get(field), str) and data[field] != keys[field]:
                yield problem("K221", doc.file, path=(field,), field=field, value=data[field], expected=keys[field])
    contracts: dict[tuple[str, str], str] = {}
    for doc in documents:
        if doc.kind == "contract" and isinstance(doc.data, dict):
            keys = doc.keys
            key = (str(doc.data.get("employee", keys["employee"])), str(doc.data.get("period", keys["period"])))
            if key in contracts:
                yield problem("K212", doc.file, path=("employee",), ref=key[0], period=key[1], other=contracts[key])
            else:
                contracts[key] = doc.file


def _mask(nip: str) -> str:
    return nip[:4] + "*" * max(0, len(nip) - 7) + nip[-3:] if len(nip) > 7 else "***"


def _dup_ids(items: Iterable[Any], source_of: Any, label: str = "id") -> Iterator[Problem]:
    seen: dict[str, Any] = {}
    for item in items:
        ident = getattr(item, label)
        if ident in seen:
            src = source_of(item)
            yield _p("K206", src, "id", ref=ident, other=format_source(source_of(seen[ident])))
        else:
            seen[ident] = item


def format_source(source: m.Source) -> str:
    from ..report import format_path

    return f"{source.file} ({format_path(source.path)})" if source.path else source.file


# --- organisation -------------------------------------------------------------------------------------
def check_units(province: m.Province, documents: list[AnyDocument]) -> Iterator[Problem]:
    for unit in province.units.values():
        if unit.parent is not None and unit.parent not in province.units:
            yield _p("K201", unit.source, "parent", ref=unit.parent)
    yield from _cycles({u.id: u.parent for u in province.units.values()}, "K219",
                       lambda uid: province.units[uid].source.at("parent"))
    heads: dict[str, list[m.Position]] = defaultdict(list)
    for position in province.positions.values():
        if position.head:
            heads[position.unit].append(position)
    for unit in province.units.values():
        if not heads.get(unit.id):
            yield _p("K217", unit.source, "id", ref=unit.id)
        elif len(heads[unit.id]) > 1:
            for extra in heads[unit.id][1:]:
                yield _p("K232", extra.source, "head", ref=unit.id, positions=[p.id for p in heads[unit.id]])
    for doc in documents:
        unit = doc.keys.get("unit")
        if unit is not None and doc.kind != "attendance" and unit not in province.units and province.units:
            yield problem("K201", doc.file, path=("unit",) if isinstance(doc.data, dict) and "unit" in doc.data else (),
                          ref=unit)


def _cycles(edges: dict[str, str | None], code: str, source_of: Any) -> Iterator[Problem]:
    """Report each cycle of a parent/reports-to graph once (linear: every node is walked once)."""
    state: dict[str, int] = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        trail: list[str] = []
        node: str | None = start
        while node is not None and node in edges and not state.get(node):
            state[node] = 1
            trail.append(node)
            node = edges[node]
        if node is not None and state.get(node) == 1 and node in trail:
            cycle = trail[trail.index(node):]
            first = min(cycle)
            yield _p(code, source_of(first), cycle=" → ".join(cycle + [cycle[0]]))
        for visited in trail:
            state[visited] = 2


def check_periods(province: m.Province) -> Iterator[Problem]:
    periods = sorted(province.periods.values(), key=lambda p: p.start)
    for period in periods:
        if period.end < period.start:
            yield _p("K231", period.source, "end", field="end", value=period.end, other_field="start", other=period.start)
        if period.lock_date is not None and period.lock_date < period.end:
            yield _p("K231", period.source, "lock_date", field="lock_date", value=period.lock_date,
                     other_field="end", other=period.end)
        if period.allowance_rule and period.allowance_rule not in province.allowance_rules:
            yield _p("K238", period.source, "allowance_rule", ref=period.allowance_rule)
    for before, after in zip(periods, periods[1:]):
        if after.start <= before.end:
            yield _p("K244", after.source, "start", ref=after.id, other=before.id)


# --- positions and employees ----------------------------------------------------------------------
def check_positions(province: m.Province) -> Iterator[Problem]:
    phrases = province.settings.vague_phrases
    for position in province.positions.values():
        if position.reports_to is not None and position.reports_to not in province.positions:
            yield _p("K202", position.source, "reports_to", ref=position.reports_to)
        if position.skeleton:
            yield _p("K920", position.source, "skeleton", ref=position.id)
        yield from _dup_ids(position.duties, lambda d: d.source)
        for duty in position.duties:
            for field, text in (("text", duty.text), ("output", duty.output)):
                phrase = vague_phrase(text, phrases)
                if phrase:
                    yield _p("K207", duty.source, field, phrase=phrase)
                    break
    yield from _cycles({p.id: p.reports_to for p in province.positions.values()}, "K210",
                       lambda pid: province.positions[pid].source.at("reports_to"))


def check_nip(nip: str, source: m.Source) -> Iterator[Problem]:
    """The PNS NIP rule: 18 digits, a real birth date, a real appointment month, sex digit 1 or 2."""
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        yield _p("K222", source, "nip", value=nip, length=len(digits))
        return
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        yield _p("K223", source, "nip", value=nip, part="tanggal lahir / birth date", detail=digits[0:8])
        birth = None
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12 or year < 1900:
        yield _p("K223", source, "nip", value=nip, part="TMT CPNS / appointment", detail=digits[8:14])
    elif birth is not None and year < birth.year:
        yield _p("K223", source, "nip", value=nip, part="TMT CPNS / appointment", detail=f"{digits[8:14]} < {digits[0:4]}")
    if digits[14] not in "12":
        yield _p("K224", source, "nip", value=nip, digit=digits[14])
    parts = parse_nip(digits)
    if parts is not None and not plausible_age(parts):
        low, high = PLAUSIBLE_AGE
        yield _p("K382", source, "nip", value=nip, age=age_at_appointment(parts), low=low, high=high)


def check_employees(province: m.Province) -> Iterator[Problem]:
    for employee in province.employees.values():
        if employee.type == "pns" and employee.nip:
            yield from check_nip(employee.nip, employee.source)
        for assignment in employee.assignments:
            if assignment.position not in province.positions:
                yield _p("K202", assignment.source, "position", ref=assignment.position)
            if assignment.start and assignment.end and assignment.end < assignment.start:
                yield _p("K231", assignment.source, "to", field="to", value=assignment.end, other_field="from",
                         other=assignment.start)
        ordered = sorted((a for a in employee.assignments if a.start), key=lambda a: a.start)  # type: ignore[arg-type, return-value]
        for before, after in zip(ordered, ordered[1:]):
            if before.end is None or before.end >= after.start:  # type: ignore[operator]
                yield _p("K211", after.source, "from", ref=employee.id,
                         first=f"{before.position} ({before.start} – {before.end or '…'})",
                         second=f"{after.position} ({after.start} – {after.end or '…'})")


# --- unit agreements --------------------------------------------------------------------------------
def _check_indicator(ind: m.Indicator) -> Iterator[Problem]:
    t = ind.target
    if t.is_range and t.low is not None and t.high is not None and t.low > t.high:
        yield _p("K243", ind.source, "target", ref=ind.id, min=t.low, max=t.high)
    if t.value is not None and t.value == 0:
        yield _p("K225", ind.source, "target", ref=ind.id)
    if t.is_range and (t.low == 0 and ind.polarity == "higher" or t.high == 0):
        yield _p("K225", ind.source, "target", ref=ind.id)
    if t.qualitative and not t.text:
        yield _p("K101", ind.source, field="target")


def agreement_chain(province: m.Province, unit_id: str, period_id: str) -> list[m.Agreement]:
    """The agreements of a unit and its ancestors for a period (nearest first)."""
    out, seen = [], set()
    current: str | None = unit_id
    while current is not None and current not in seen:
        seen.add(current)
        agreement = province.agreements.get((current, period_id))
        if agreement is not None:
            out.append(agreement)
        unit = province.units.get(current)
        current = unit.parent if unit else None
    return out


def check_agreements(province: m.Province) -> Iterator[Problem]:
    for (unit_id, period_id), agreement in province.agreements.items():
        if period_id not in province.periods:
            yield _p("K220", agreement.source, "period", ref=period_id)
        if agreement.owner not in province.positions:
            yield _p("K202", agreement.source, "owner", ref=agreement.owner)
        yield from _dup_ids(agreement.goals, lambda g: g.source)
        yield from _dup_ids(agreement.indicators(), lambda i: i.source)
        for ind in agreement.indicators():
            yield from _check_indicator(ind)
            phrase = vague_phrase(ind.text, province.settings.vague_phrases)
            if phrase:
                yield _p("K207", ind.source, "text", phrase=phrase)
    for (unit_id, period_id), record in province.agreement_realisations.items():
        agreement = province.agreements.get((unit_id, period_id))
        known = {i.id for i in agreement.indicators()} if agreement else set()
        period = province.periods.get(period_id)
        for entry in record.entries:
            if entry.target and entry.target not in known:
                yield _p("K227", entry.source_in(record.source), "indicator", ref=entry.target, where=f"agreement {unit_id}/{period_id}",
                         allowed=sorted(known))
            yield from _check_value_presence(entry, entry.target, record.source)
        yield from _check_reporting_periods(
            province, period, ((e.source_in(record.source).at("reporting_period"), e.reporting_period) for e in record.entries
                               if getattr(e, "reporting_period", None)))


def _check_value_presence(entry: m.RealisationEntry, ref: str, report: m.Source) -> Iterator[Problem]:
    if entry.not_available is not None and entry.has_value:
        yield _p("K235", entry.source_in(report), "not_available", ref=ref)
    elif entry.not_available is None and not entry.has_value:
        yield _p("K234", entry.source_in(report), ref=ref)


def _check_reporting_periods(province: m.Province, period: m.Period | None,
                             items: Iterable[tuple[m.Source, str]], evaluation: bool = False) -> Iterator[Problem]:
    if period is None:
        return
    valid = period.evaluation_periods() if evaluation else period.reporting_periods()
    for source, label in items:
        if label in valid:
            continue
        try:
            start, end = m.reporting_period_bounds(label)
        except ValueError:
            start = end = None
        if start is None or end < period.start or start > period.end:
            yield _p("K214", source, ref=label, period=period.id, start=period.start, end=period.end)
        else:
            cadence = (period.evaluation_cadence or period.cadence) if evaluation else period.cadence
            yield _p("K233", source, ref=label, cadence=cadence, period=period.id, allowed=valid)


# --- contracts (SKP) ----------------------------------------------------------------------------------
def expected_assessors(province: m.Province, position_id: str, period: m.Period) -> tuple[m.Employee | None, m.Employee | None]:
    """The assessor and the appeal assessor by the reporting line (the holders at the period's end)."""
    assessor = province.superior(position_id, period)
    position = province.positions.get(position_id)
    appeal = province.superior(position.reports_to, period) if position and position.reports_to else None
    return assessor, appeal


def check_contracts(province: m.Province) -> Iterator[Problem]:
    phrases = province.settings.vague_phrases
    for (employee_id, period_id), contract in province.contracts.items():
        src = contract.source
        period = province.periods.get(period_id)
        position = province.positions.get(contract.position)
        employee = province.employees.get(employee_id)
        if period is None:
            yield _p("K220", src, "period", ref=period_id)
        if employee is None:
            yield _p("K203", src, "employee", ref=employee_id)
        if position is None:
            yield _p("K202", src, "position", ref=contract.position)
        elif position.unit != contract.unit:
            yield _p("K221", src, "position", field="position.unit", value=position.unit, expected=contract.unit)
        if period is None or position is None:
            continue
        if employee is not None and contract.position not in employee.positions_during(period.start, period.end):
            yield _p("K229", src, "position", ref=employee_id, position=contract.position, period=period_id)
        assessor, appeal = expected_assessors(province, contract.position, period)
        if position.reports_to is not None and assessor is None:
            yield _p("K228", src, "position", ref=position.reports_to, period=period_id)
        if contract.assessor is not None:
            if contract.assessor == employee_id:
                yield _p("K209", src, "assessor", ref=employee_id)
            elif position.reports_to is None:
                yield _p("K237", src, "assessor", ref=position.id, detail="SKP menyebut pejabat penilai / the SKP names an assessor")
            elif assessor is not None and contract.assessor != assessor.id:
                yield _p("K208", src, "assessor", ref=contract.assessor, expected=assessor.id)
        if contract.appeal_assessor is not None and appeal is not None and contract.appeal_assessor != appeal.id:
            yield _p("K230", src, "appeal_assessor", ref=contract.appeal_assessor, expected=appeal.id)
        superior_contract = province.contracts.get((assessor.id, period_id)) if assessor else None
        indicators = {i.id for a in agreement_chain(province, position.unit, period_id) for i in a.indicators()}
        yield from _dup_ids(contract.targets, lambda t: t.source)
        if period.regime == "permenpanrb-8-2021":
            yield from _check_main_weights(contract)
        for target in contract.targets:
            yield from _check_target(province, contract, target, position, period, assessor, superior_contract,
                                     indicators, phrases)


def _check_main_weights(contract: m.Contract) -> Iterator[Problem]:
    """PermenPANRB 8/2021: when the SKP weighs its main indicators (bobot), every one has a weight and
    they sum to 100 (docs/regulations.md §3.2); without any weight they weigh the same."""
    main = [ind for t in contract.targets if t.category == "main" for ind in t.indicators]
    weights = [ind.weight for ind in main if ind.weight is not None]
    if not weights:
        return
    total = sum(weights, Decimal(0))
    missing = [ind.id for ind in main if ind.weight is None]
    if total != 100 or missing:
        detail = f"; tanpa bobot / no weight: {', '.join(missing)}" if missing else ""
        yield _p("K381", contract.source, "targets", ref=f"{contract.employee}/{contract.period}",
                 total=format(total.normalize(), "f"), detail=detail)


def _check_target(province: m.Province, contract: m.Contract, target: m.Target, position: m.Position,
                  period: m.Period, assessor: m.Employee | None, superior_contract: m.Contract | None,
                  indicators: set[str], phrases: tuple[str, ...]) -> Iterator[Problem]:
    src = target.source
    if target.duty is None:
        if target.category == "main":
            yield _p("K101", src, "duty", field="duty")
    elif position.duty(target.duty) is None:
        yield _p("K204", src, "duty", ref=target.duty, position=position.id, allowed=[d.id for d in position.duties])
    phrase = vague_phrase(target.text, phrases)
    if phrase:
        yield _p("K207", src, "text", phrase=phrase)
    if target.supports is not None:
        if superior_contract is None or superior_contract.target(target.supports) is None:
            allowed = [t.id for t in superior_contract.targets] if superior_contract else []
            yield _p("K205", src, "supports", ref=target.supports, assessor=assessor.id if assessor else "-",
                     period=period.id, allowed=allowed)
        elif superior_contract.status != "approved":
            yield _p("K218", src, "supports", ref=target.supports, status=superior_contract.status)
    if target.supports_indicator is not None and target.supports_indicator not in indicators:
        yield _p("K227", src, "supports_indicator", ref=target.supports_indicator,
                 where=f"perjanjian kinerja / agreement {position.unit} {period.id}", allowed=sorted(indicators))
    if (target.category == "main" and target.supports is None and target.supports_indicator is None
            and position.reports_to is not None):
        yield _p("K239", src, "id", ref=target.id)
    yield from _check_aspects(target, period)


def _check_aspects(target: m.Target, period: m.Period) -> Iterator[Problem]:
    regime = period.regime
    hint_id, hint_en = REGIME_HINTS.get(regime, ("", ""))
    src = target.source
    if regime == "pp46-2011":
        missing = [name for name in ("quantity", "quality", "time") if getattr(target, name) is None]
        if target.indicators:
            yield _p("K226", src, "indicators", ref=target.id, regime=regime, detail="indicators",
                     regime_hint_id=hint_id, regime_hint_en=hint_en)
        if missing:
            yield _p("K226", src, ref=target.id, regime=regime, detail="-" + ", -".join(missing),
                     regime_hint_id=hint_id, regime_hint_en=hint_en)
        if target.quality is not None and target.quality == 0:
            yield _p("K225", src, "quality", ref=target.id)
        if target.cost is not None and target.cost == 0:
            yield _p("K225", src, "cost", ref=target.id)
    elif regime in ("permenpanrb-8-2021", "permenpanrb-6-2022"):
        extra = [name for name in ("quantity", "quality", "time", "cost") if getattr(target, name) is not None]
        if extra:
            yield _p("K226", src, extra[0], ref=target.id, regime=regime, detail=", ".join(extra),
                     regime_hint_id=hint_id, regime_hint_en=hint_en)
        if not target.indicators:
            yield _p("K226", src, ref=target.id, regime=regime, detail="-indicators",
                     regime_hint_id=hint_id, regime_hint_en=hint_en)
        yield from _dup_ids(target.indicators, lambda i: i.source)
        for ind in target.indicators:
            yield from _check_indicator(ind)


# --- realisations --------------------------------------------------------------------------------------
def check_realisations(province: m.Province) -> Iterator[Problem]:
    for (employee_id, period_id), records in province.realisations.items():
        period = province.periods.get(period_id)
        contract = province.contracts.get((employee_id, period_id))
        for record in records:
            src = record.source
            if employee_id not in province.employees:
                yield _p("K203", src, "employee", ref=employee_id)
            if period is None:
                yield _p("K220", src, "period", ref=period_id)
                continue
            yield from _check_reporting_periods(province, period, [(src.at("reporting_period"), record.reporting_period)])
            if contract is None:
                if not _unreadable_contract(province, employee_id, period_id):
                    yield _p("K241", src, "employee", ref=employee_id, period=period_id)
                continue
            seen: set[tuple[str, str | None]] = set()
            for entry in record.entries:
                target = contract.target(entry.target)
                if target is None:
                    yield _p("K213", entry.source_in(src), "target", ref=entry.target, allowed=[t.id for t in contract.targets])
                    continue
                indicator_id = entry.indicator
                if target.indicators:
                    if indicator_id is None and len(target.indicators) == 1:
                        indicator_id = target.indicators[0].id
                    if indicator_id is None or target.indicator(indicator_id) is None:
                        yield _p("K227", entry.source_in(src), "indicator", ref=indicator_id or "-",
                                 where=f"target {target.id}", allowed=[i.id for i in target.indicators])
                key = (entry.target, indicator_id)
                if key in seen:
                    yield _p("K206", entry.source_in(src), "target", ref=f"{entry.target}/{indicator_id or ''}".rstrip("/"),
                             other=src.file)
                seen.add(key)
                yield from _check_value_presence(entry, entry.target, src)
                if period.regime == "pp46-2011" and entry.not_available is None:
                    missing = [n for n in ("quantity", "quality", "time") if getattr(entry, n) is None]
                    if missing and entry.has_value:
                        yield _p("K226", entry.source_in(src), ref=entry.target, regime=period.regime,
                                 detail="-" + ", -".join(missing), regime_hint_id=REGIME_HINTS[period.regime][0],
                                 regime_hint_en=REGIME_HINTS[period.regime][1])


def _unreadable_contract(province: m.Province, employee_id: str, period_id: str) -> bool:
    return any(key[0] == "contract" and key[-1] == employee_id and key[-2] == period_id for key in province.unreadable)


# --- assessments and appeals ---------------------------------------------------------------------------
def check_assessments(province: m.Province) -> Iterator[Problem]:
    for (employee_id, period_id), assessment in province.assessments.items():
        src = assessment.source
        period = province.periods.get(period_id)
        contract = province.contracts.get((employee_id, period_id))
        if employee_id not in province.employees:
            yield _p("K203", src, "employee", ref=employee_id)
        if period is None:
            yield _p("K220", src, "period", ref=period_id)
            continue
        if contract is None:
            if not _unreadable_contract(province, employee_id, period_id):
                yield _p("K241", src, "employee", ref=employee_id, period=period_id)
            continue
        if assessment.assessor == employee_id:
            yield _p("K209", src, "assessor", ref=employee_id)
        else:
            assessor, _ = expected_assessors(province, contract.position, period)
            if assessor is not None and assessment.assessor != assessor.id:
                yield _p("K208", src, "assessor", ref=assessment.assessor, expected=assessor.id)
            elif assessment.assessor not in province.employees and assessor is not None:
                yield _p("K203", src, "assessor", ref=assessment.assessor)
        yield from _check_assessment_regime(assessment, period)
        yield from _check_reporting_periods(
            province, period, ((src.at("periodic", i, "reporting_period"), r.reporting_period)
                               for i, r in enumerate(assessment.periodic)), evaluation=True)


def _check_assessment_regime(assessment: m.Assessment, period: m.Period) -> Iterator[Problem]:
    regime = period.regime
    src = assessment.source
    hints = {
        "pp46-2011": ("Perilaku PP 46/2011: " + ", ".join(PP46_BEHAVIOUR) + " (angka 0-100).",
                      "PP 46/2011 behaviour: " + ", ".join(PP46_BEHAVIOUR) + " (numbers 0-100)."),
        "permenpanrb-8-2021": ("Perilaku PermenPANRB 8/2021: " + ", ".join(PM8_BEHAVIOUR) + " (angka).",
                               "PermenPANRB 8/2021 behaviour: " + ", ".join(PM8_BEHAVIOUR) + " (numbers)."),
        "permenpanrb-6-2022": ("Perilaku BerAKHLAK: " + ", ".join(BERAKHLAK) + " (di-atas/sesuai/di-bawah).",
                               "BerAKHLAK behaviour: " + ", ".join(BERAKHLAK) + " (di-atas/sesuai/di-bawah)."),
    }
    hint_id, hint_en = hints.get(regime, ("", ""))
    allowed = {"pp46-2011": PP46_BEHAVIOUR, "permenpanrb-8-2021": PM8_BEHAVIOUR, "permenpanrb-6-2022": BERAKHLAK}.get(regime, ())
    numeric = regime != "permenpanrb-6-2022"

    def bad(detail: str, *where: str | int) -> Problem:
        return _p("K236", src, *where, regime=regime, detail=detail, regime_hint_id=hint_id, regime_hint_en=hint_en)

    for key, value in assessment.behaviour.items():
        if key not in allowed:
            yield bad(f"behaviour.{key}", "behaviour", key)
        elif numeric and not isinstance(value, (int, Decimal)):
            yield bad(f"behaviour.{key} = {value}", "behaviour", key)
        elif not numeric and value not in EXPECTATIONS:
            yield bad(f"behaviour.{key} = {value}", "behaviour", key)
    if regime == "permenpanrb-6-2022":
        for name in ("extra_tasks", "creativity_level", "additional_work"):
            if getattr(assessment, name):
                yield bad(name.replace("_level", ""), name.replace("_level", ""))
        if assessment.results is None and not assessment.periodic:
            yield bad("-results, -periodic")
    else:
        if not assessment.behaviour:
            yield bad("-behaviour")
        if assessment.results is not None or assessment.periodic:
            yield bad("results/periodic", "results" if assessment.results is not None else "periodic")
        if regime == "pp46-2011" and (assessment.additional_work or assessment.new_idea):
            yield bad("additional_work/new_idea")
        if regime == "permenpanrb-8-2021" and (assessment.extra_tasks or assessment.creativity_level):
            yield bad("extra_tasks/creativity")


def check_appeals(province: m.Province) -> Iterator[Problem]:
    limit = province.settings.appeal_days
    for (employee_id, period_id), appeal in province.appeals.items():
        src = appeal.source
        period = province.periods.get(period_id)
        assessment = province.assessments.get((employee_id, period_id))
        contract = province.contracts.get((employee_id, period_id))
        if period is None:
            yield _p("K220", src, "period", ref=period_id)
            continue
        if assessment is None or contract is None:
            broken = _unreadable_contract(province, employee_id, period_id) or any(
                key[0] == "assessment" and key[-1] == employee_id and key[-2] == period_id for key in province.unreadable)
            if not broken:
                yield _p("K241", src, "employee", ref=employee_id, period=period_id)
            continue
        received = appeal.result_received or assessment.date
        if appeal.filed is not None and received is not None:
            days = (appeal.filed - received).days
            if days > limit:
                yield _p("K215", src, "filed", days=days, limit=limit)
            elif days < 0:
                yield _p("K231", src, "filed", field="filed", value=appeal.filed, other_field="result_received",
                         other=received)
        if appeal.decision != "pending":
            for field in ("decided_by", "decided_on"):
                if getattr(appeal, field) is None:
                    yield _p("K242", src, decision=appeal.decision, field=field)
        if appeal.decided_by is not None:
            _, expected = expected_assessors(province, contract.position, period)
            if expected is not None and appeal.decided_by != expected.id:
                yield _p("K216", src, "decided_by", ref=appeal.decided_by, expected=expected.id)
            elif appeal.decided_by == employee_id:
                yield _p("K209", src, "decided_by", ref=employee_id)
        if appeal.decided_on is not None and appeal.filed is not None and appeal.decided_on < appeal.filed:
            yield _p("K231", src, "decided_on", field="decided_on", value=appeal.decided_on, other_field="filed",
                     other=appeal.filed)
