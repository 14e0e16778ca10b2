"""Step 3 of the pipeline: score every employee and unit under the regime of its period.

Reads the validated :class:`~kinerja.model.Province` and calls the pure regime modules
(:mod:`.pp46`, :mod:`.permenpanrb_8_2021`, :mod:`.permenpanrb_6_2022`); every number it returns is a
:class:`~.explain.Figure` that explains itself. Missing inputs never become silent zeros: the result is
marked ``incomplete`` with the reason; a "not available" realisation is excluded with its reason.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Mapping

from .. import model as m
from ..load import attendance_records
from . import permenpanrb_6_2022 as r622
from . import permenpanrb_8_2021 as r821
from . import pp46
from .explain import D, Figure, Options, Text, half_up

_CREATIVITY = {"unit": "unit-kerja", "organisation": "organisasi", "national": "negara"}

PREDIKAT_ORDER = ("sangat-baik", "baik", "butuh-perbaikan", "cukup", "kurang", "buruk", "sangat-kurang")
PREDIKAT_WORDS: Mapping[str, Text] = {
    "sangat-baik": Text("Sangat Baik", "Very Good (Sangat Baik)"),
    "baik": Text("Baik", "Good (Baik)"),
    "butuh-perbaikan": Text("Butuh Perbaikan", "Needs Improvement (Butuh Perbaikan)"),
    "cukup": Text("Cukup", "Fair (Cukup)"),
    "kurang": Text("Kurang", "Poor (Kurang)"),
    "buruk": Text("Buruk", "Bad (Buruk)"),
    "sangat-kurang": Text("Sangat Kurang", "Very Poor (Sangat Kurang)"),
}


@dataclass(frozen=True)
class Note:
    """Why something was excluded or a result is incomplete (a code and its words)."""

    code: str
    text: Text


@dataclass
class IndicatorResult:
    """An indicator's target, aggregated realisation and achievement (capaian)."""

    target_id: str
    indicator_id: str
    text: str
    unit: str
    target: m.TargetValue
    polarity: str
    realised: Decimal | None = None
    realised_text: str | None = None
    achievement: Figure | None = None
    value: Figure | None = None
    note: Note | None = None
    by_period: dict[str, Decimal | None] = field(default_factory=dict)


@dataclass
class EmployeeResult:
    """One employee's result for one period."""

    employee: str
    period: str
    regime: str
    position: str
    unit: str
    status: str  # complete | incomplete | provisional
    predikat: str | None = None
    score: Figure | None = None
    rating: Figure | None = None
    figures: dict[str, Figure] = field(default_factory=dict)
    indicators: list[IndicatorResult] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    appeal_applied: bool = False
    periodic: dict[str, str] = field(default_factory=dict)  # evaluation period → predikat id (6/2022)

    @property
    def predikat_word(self) -> Text | None:
        return PREDIKAT_WORDS.get(self.predikat) if self.predikat else None


@dataclass
class UnitResult:
    """A unit's result for a period: its agreement's indicators, the distribution of predikat among its
    own employees and its whole subtree, coverage, and guidance warnings (6/2022)."""

    unit: str
    period: str
    indicators: list[IndicatorResult] = field(default_factory=list)
    distribution: Counter[str] = field(default_factory=Counter)
    subtree_distribution: Counter[str] = field(default_factory=Counter)
    employees: int = 0
    with_contract: int = 0
    with_assessment: int = 0
    realisation_coverage: dict[str, int] = field(default_factory=dict)
    warnings: list[Any] = field(default_factory=list)
    allowance: Any = None  # allowance.UnitTotals of the unit's own employees, when a TPP rule applies


@dataclass
class ScoreRun:
    """Everything :func:`score` computed."""

    employees: dict[tuple[str, str], EmployeeResult] = field(default_factory=dict)
    units: dict[tuple[str, str], UnitResult] = field(default_factory=dict)
    periods: list[str] = field(default_factory=list)
    allowance: dict[tuple[str, str], Any] = field(default_factory=dict)  # (employee, YYYY-MM) → AllowanceResult
    allowance_notes: dict[tuple[str, str], Note] = field(default_factory=dict)
    period_bounds: dict[str, tuple[str, str]] = field(default_factory=dict)  # period → first and last YYYY-MM


def options_for(period: m.Period) -> Options:
    return Options(dict(period.options))


def today(province: m.Province) -> dt.date:
    return province.settings.today or dt.date.today()


def current_period(province: m.Province) -> m.Period | None:
    """The period that holds today (or the latest one that started)."""
    now = today(province)
    started = [p for p in province.periods.values() if p.start <= now]
    holding = [p for p in started if p.contains(now)]
    pool = holding or started or list(province.periods.values())
    return max(pool, key=lambda p: p.start) if pool else None


# --- realisations --------------------------------------------------------------------------------------
def _entries_for(records: list[m.Realisation], target: str, indicator: str | None,
                 single_indicator: bool) -> list[tuple[str, m.RealisationEntry]]:
    out = []
    for record in sorted(records, key=lambda r: r.reporting_period):
        for entry in record.entries:
            if entry.target != target:
                continue
            if indicator is not None and entry.indicator not in (indicator, None if single_indicator else "\0"):
                continue
            out.append((record.reporting_period, entry))
    return out


def aggregate(values: list[Decimal], how: str) -> Decimal:
    if how == "sum":
        return sum(values, Decimal(0))
    if how == "mean":
        return sum(values, Decimal(0)) / len(values)
    return values[-1]


def _range_or_value(target: m.TargetValue) -> Any:
    if target.is_range:
        return r821.Range(target.low, target.high)  # type: ignore[arg-type]
    return target.value


#: The source an achievement cites under 6/2022: the regime names no formula, Kinerja uses 8/2021's as help.
SOURCE_622_ACHIEVEMENT = "PermenPANRB 6/2022 (rumus capaian mengikuti PermenPANRB 8/2021 sebagai bantuan)"


def indicator_result(target_id: str, ind: m.Indicator, entries: list[tuple[str, m.RealisationEntry]],
                     options: Options, with_value: bool, source: str | None = None) -> IndicatorResult:
    """Aggregate an indicator's realisations and compute its achievement (and its 8/2021 value).
    ``source`` replaces the achievement's citation (a regime other than 8/2021 cites itself)."""
    result = IndicatorResult(target_id, ind.id, ind.text, ind.unit, ind.target, ind.polarity)
    numbers: list[Decimal] = []
    missing_reason = None
    for label, entry in entries:
        result.by_period[label] = entry.value
        if entry.value is not None:
            numbers.append(entry.value)
        elif entry.value_text is not None:
            result.realised_text = entry.value_text
        elif entry.not_available:
            missing_reason = entry.not_available
    if not numbers:
        if result.realised_text is None:
            result.note = (Note("K320", Text(f"tidak tersedia: {missing_reason}", f"not available: {missing_reason}"))
                           if missing_reason else Note("K321", Text("belum ada realisasi", "no realisation yet")))
        return result
    result.realised = aggregate(numbers, ind.aggregation)
    if ind.target.qualitative:
        return result
    try:
        result.achievement = r821.achievement(_range_or_value(ind.target), result.realised,
                                              lower_is_better=ind.polarity == "lower")
        if source is not None:
            result.achievement = replace(result.achievement, source=source)
        if with_value:
            result.value = r821.achievement_value(result.achievement, target_is_maximum=ind.maximum, options=options)
    except pp46.ScoringInputError as exc:
        result.note = Note(exc.code, exc.message)
    return result


# --- one employee ----------------------------------------------------------------------------------------
def score_contract(province: m.Province, contract: m.Contract, period: m.Period) -> EmployeeResult:
    position = province.positions.get(contract.position)
    result = EmployeeResult(contract.employee, period.id, period.regime, contract.position,
                            position.unit if position else contract.unit, "incomplete")
    options = options_for(period)
    result.options = dict(period.options)
    records = province.realisations_of(contract.employee, period.id)
    assessment = province.assessments.get((contract.employee, period.id))
    appeal = province.appeals.get((contract.employee, period.id))
    if assessment is not None and appeal is not None and appeal.decision in ("accepted", "partly-accepted") \
            and appeal.changed_rating:
        assessment = _apply_appeal(assessment, appeal)
        result.appeal_applied = True
        result.notes.append(Note("K330", Text(
            f"penilaian diubah oleh keputusan keberatan tanggal {appeal.decided_on}",
            f"the rating was changed by the appeal decision of {appeal.decided_on}")))
    try:
        if period.regime == "pp46-2011":
            _score_pp46(province, result, contract, records, assessment, position, options)
        elif period.regime == "permenpanrb-8-2021":
            _score_821(result, contract, records, assessment, options)
        elif period.regime == "permenpanrb-6-2022":
            _score_622(province, result, contract, records, assessment, period, position, options)
        else:
            result.notes.append(Note("K319", Text(f"rezim '{period.regime}' tidak dikenal", f"unknown regime '{period.regime}'")))
    except pp46.ScoringInputError as exc:
        result.status = "incomplete"
        result.notes.append(Note(exc.code, exc.message))
    return result


def _apply_appeal(assessment: m.Assessment, appeal: m.Appeal) -> m.Assessment:
    from dataclasses import replace

    changed = appeal.changed_rating
    behaviour = dict(assessment.behaviour)
    if isinstance(changed.get("behaviour"), dict):
        behaviour.update(changed["behaviour"])
    return replace(assessment, behaviour=behaviour,
                   results=changed.get("results", assessment.results),
                   behaviour_rating=changed.get("behaviour_rating", assessment.behaviour_rating))


def _score_pp46(province: m.Province, result: EmployeeResult, contract: m.Contract, records: list[m.Realisation],
                assessment: m.Assessment | None, position: m.Position | None, options: Options) -> None:
    activities: list[Figure] = []
    for target in contract.targets:
        if target.category != "main" or target.quantity is None or target.time is None or target.quality is None:
            continue
        entries = [e for _, e in _entries_for(records, target.id, None, True)]
        if not entries:
            result.notes.append(Note("K321", Text(f"target {target.id}: belum ada realisasi", f"target {target.id}: no realisation yet")))
            continue
        usable = [e for e in entries if e.not_available is None]
        if not usable:
            reason = entries[-1].not_available
            result.notes.append(Note("K320", Text(f"target {target.id} dikecualikan: {reason}",
                                                  f"target {target.id} excluded: {reason}")))
            continue
        ro = sum((e.quantity or Decimal(0) for e in usable), Decimal(0))
        rk = sum((e.quality or Decimal(0) for e in usable), Decimal(0)) / len(usable)
        rw = sum((e.time or Decimal(0) for e in usable), Decimal(0))
        costs = [e.cost for e in usable if e.cost is not None]
        cost = (target.cost, sum(costs, Decimal(0))) if target.cost is not None and costs else None
        figure = pp46.activity(quantity=(target.quantity.target, ro), quality=(target.quality, rk),
                               time=(target.time.target, rw), cost=cost, name=target.text)
        result.figures[f"activity:{target.id}"] = figure
        activities.append(figure)
    if not activities:
        return
    extra = len(assessment.extra_tasks) if assessment else 0
    creativity = _CREATIVITY.get(assessment.creativity_level or "", None) if assessment else None
    skp = pp46.skp_value(activities, extra, creativity, options)
    result.figures["skp"] = skp
    result.score = skp
    if assessment is None:
        result.notes.append(Note("K322", Text("belum ada penilaian perilaku", "no behaviour assessment yet")))
        return
    structural = assessment.structural if assessment.structural is not None else bool(position and position.structural)
    behaviour = pp46.behaviour({k: v for k, v in assessment.behaviour.items()}, structural, options)
    result.figures["behaviour"] = behaviour
    total = pp46.total(skp, behaviour, options)
    result.figures["total"] = total
    rating = pp46.rating(total, options)
    result.score, result.rating, result.predikat = total, rating.figure, rating.id
    if not [n for n in result.notes if n.code == "K321"]:
        result.status = "complete"


def _score_821(result: EmployeeResult, contract: m.Contract, records: list[m.Realisation],
               assessment: m.Assessment | None, options: Options) -> None:
    main: list[tuple[m.Indicator, Figure]] = []
    extra: list[tuple[m.Indicator, Figure]] = []
    for target in contract.targets:
        for ind in target.indicators:
            entries = _entries_for(records, target.id, ind.id, len(target.indicators) == 1)
            item = indicator_result(target.id, ind, entries, options, with_value=True)
            result.indicators.append(item)
            if item.value is not None:
                (main if target.category == "main" else extra).append((ind, item.value))
            elif item.note is not None:
                result.notes.append(Note(item.note.code, Text(f"{target.id}/{ind.id}: {item.note.text.id}",
                                                              f"{target.id}/{ind.id}: {item.note.text.en}")))
    if not main:
        return
    weighted = main_weights(main)
    main_figure = r821.main_value([r821.weighted_value(v, w) for (_, v), w in zip(main, weighted)])
    additional = r821.additional_value(_additional_parts(extra, assessment, options, result))
    skp = r821.skp_value([main_figure], [additional])
    result.figures["skp"] = skp
    result.score = skp
    if assessment is None or not assessment.behaviour:
        result.notes.append(Note("K322", Text("belum ada penilaian perilaku", "no behaviour assessment yet")))
        return
    behaviour = mean_figure("perilaku", Text("Nilai perilaku kerja", "Behaviour value"),
                            [(k, D(v)) for k, v in sorted(assessment.behaviour.items())], r821.SOURCE)
    result.figures["behaviour"] = behaviour
    total = r821.total(skp, behaviour, peers_rate_behaviour=assessment.behaviour_raters == "360")
    result.figures["total"] = total
    rating = r821.rating(total, new_idea=assessment.new_idea, options=options)
    result.score, result.rating, result.predikat = total, rating.figure, rating.id
    if not [n for n in result.notes if n.code in ("K321",)]:
        result.status = "complete"


def main_weights(main: list[tuple[m.Indicator, Figure]]) -> list[Decimal]:
    """The weights (bobot, percent) of the main indicators scored: the SKP's own when every one has a
    weight (validation checks they sum to 100), else equal weights (docs/regulations.md §3.2)."""
    if all(ind.weight is not None for ind, _ in main):
        return [ind.weight for ind, _ in main]  # type: ignore[misc]
    return [Decimal(100) / len(main)] * len(main)


def _additional_parts(extra: list[tuple[m.Indicator, Figure]], assessment: m.Assessment | None,
                      options: Options, result: EmployeeResult) -> list[Figure | Decimal]:
    """The additional-work parts: by default (option ``additional_work_from: targets``) the weighted values
    of the SKP's own additional indicators when they all carry a weight; otherwise (or with
    ``assessor``) the values the assessor recorded in the assessment."""
    source = options.get("additional_work_from", "targets")
    if source not in ("targets", "assessor"):
        raise pp46.ScoringInputError("K315", option="additional_work_from", detail=f"'{source}' (targets, assessor)")
    if source == "targets" and extra and all(ind.weight is not None for ind, _ in extra):
        return [r821.weighted_value(v, ind.weight) for ind, v in extra]  # type: ignore[arg-type]
    if source == "targets" and extra:
        result.notes.append(Note("K380", Text(
            "kinerja tambahan dari nilai penilai: target tambahan SKP tidak berbobot",
            "additional work from the assessor's values: the SKP's additional targets have no weight")))
    return [v for _, v in assessment.additional_work] if assessment else []


def mean_figure(key: str, label: Text, items: list[tuple[str, Decimal]], source: str) -> Figure:
    """The mean of named values, rounded half up to two places for display."""
    total = sum((v for _, v in items), Decimal(0))
    value = total / len(items)
    names = " + ".join(name for name, _ in items)
    return Figure(key=key, label=label, value=value, rounded=half_up(value),
                  formula=Text(f"({names}) / {len(items)}", f"({names}) / {len(items)}"),
                  inputs=tuple(items), source=source)


def _score_622(province: m.Province, result: EmployeeResult, contract: m.Contract, records: list[m.Realisation],
               assessment: m.Assessment | None, period: m.Period, position: m.Position | None,
               options: Options) -> None:
    for target in contract.targets:
        for ind in target.indicators:
            entries = _entries_for(records, target.id, ind.id, len(target.indicators) == 1)
            result.indicators.append(indicator_result(target.id, ind, entries, options, with_value=False,
                                                      source=SOURCE_622_ACHIEVEMENT))
    if assessment is None:
        result.notes.append(Note("K322", Text("belum ada penilaian", "no assessment yet")))
        return
    periodic = [r622.periodic_evaluation(r.reporting_period, r.results, r.behaviour, options)
                for r in sorted(assessment.periodic, key=lambda r: r.reporting_period)]
    for evaluation in periodic:
        result.figures[f"periodic:{evaluation.period}"] = evaluation.rating.figure
        result.periodic[evaluation.period] = evaluation.rating.id
    results_rating = assessment.results
    org_ratings = period.options.get("organisation_ratings", {}) if isinstance(period.options, Mapping) else {}
    if position is not None and position.head and position.unit in org_ratings:
        head = r622.unit_head_results(org_ratings[position.unit], options)
        result.figures["unit_head_results"] = head.figure
        results_rating = head.id
    rule = options.get("annual_rule", "assessor")
    if results_rating is not None and assessment.behaviour_rating is not None or rule != "assessor":
        if rule != "assessor" and not periodic:
            result.notes.append(Note("K317", Text("belum ada evaluasi periodik", "no periodic evaluation yet")))
            return
        annual = r622.annual_evaluation(periodic, results_rating, assessment.behaviour_rating, period=period.id,
                                        options=options)
        result.rating, result.predikat = annual.rating.figure, annual.rating.id
        result.status = "complete"
    elif periodic:
        latest = periodic[-1]
        result.rating, result.predikat = latest.rating.figure, latest.rating.id
        result.status = "provisional"
        result.notes.append(Note("K323", Text(
            f"predikat sementara dari evaluasi periodik {latest.period}; penilaian tahunan belum ada",
            f"provisional rating from the periodic evaluation {latest.period}; no annual assessment yet")))
    else:
        result.notes.append(Note("K322", Text("belum ada penilaian", "no assessment yet")))
        return
    if position is not None and position.cls == "fungsional" and position.level and result.predikat:
        held = _months_held(province, contract.employee, position.id, period)
        spans = credit_spans(result, periodic, held, today(province))
        if not spans:
            return
        try:
            result.figures["credit_points"] = r622.credit_points_by_period(spans, position.level, options)
        except pp46.ScoringInputError as exc:
            result.notes.append(Note(exc.code, exc.message))


def credit_spans(result: EmployeeResult, periodic: list[r622.Evaluation], held: list[dt.date],
                 now: dt.date) -> list[r622.CreditSpan]:
    """The rated stretches that earn credit points (docs/regulations.md §3.5): the annual rating for
    every month held once it exists; before that each periodic rating for the months it covers that
    have passed (ended before ``now``) and in which the post was held."""
    if result.status == "complete":
        return [r622.CreditSpan(result.period, result.predikat or "", len(held))] if held else []
    spans = []
    for evaluation in periodic:
        start, end = m.reporting_period_bounds(evaluation.period)
        months = sum(1 for first in held if start <= first <= end and _month_end(first) < now)
        if months:
            spans.append(r622.CreditSpan(evaluation.period, evaluation.rating.id, months))
    return spans


def _month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + (first.month == 12), 1 if first.month == 12 else first.month + 1, 1)
    return following - dt.timedelta(days=1)


def _months_held(province: m.Province, employee_id: str, position_id: str, period: m.Period) -> list[dt.date]:
    """The first days of the period's months in which the employee held the position (every month of the
    period when the employee is unknown)."""
    employee = province.employees.get(employee_id)
    months = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        first = dt.date(year, month, 1)
        if employee is None or any(a.position == position_id and a.overlaps(first, first)
                                   for a in employee.assignments):
            months.append(first)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


def credit_history(province: m.Province, employee_id: str, period_id: str,
                   current_figure: Figure | None = None) -> Figure | None:
    """The PAK view: the employee's credit points of every 6/2022 period up to ``period_id`` at the
    level (jenjang) held in ``period_id``, accumulated (``None`` when there are none). ``current_figure``
    is ``period_id``'s own figure when the caller has it (not computed twice, explained once)."""
    current = province.periods.get(period_id)
    contract = province.contracts.get((employee_id, period_id))
    position = province.positions.get(contract.position) if contract else None
    if current is None or position is None or not position.level:
        return None
    years = []
    for period in sorted(province.periods.values(), key=lambda p: p.start):
        earlier = province.contracts.get((employee_id, period.id))
        held = province.positions.get(earlier.position) if earlier else None
        if period.start > current.start or earlier is None or held is None or held.level != position.level:
            continue
        figure = current_figure if period.id == period_id and current_figure is not None else \
            score_contract(province, earlier, period).figures.get("credit_points")
        if figure is not None:
            years.append((period.id, figure))
    return r622.accumulated_credit_points(years, position.level) if years else None


# --- units ------------------------------------------------------------------------------------------------
def members_by_unit(province: m.Province, period: m.Period) -> dict[str, list[m.Employee]]:
    """Employees who held a position of each unit during the period (one pass over employees)."""
    out: dict[str, list[m.Employee]] = {}
    for employee in province.employees.values():
        units = {province.positions[p].unit for p in employee.positions_during(period.start, period.end)
                 if p in province.positions}
        for unit in units:
            out.setdefault(unit, []).append(employee)
    return out


def score_unit(province: m.Province, unit_id: str, period: m.Period, run: ScoreRun,
               members: list[m.Employee] | None = None) -> UnitResult:
    result = UnitResult(unit_id, period.id)
    options = options_for(period)
    agreement = province.agreements.get((unit_id, period.id))
    realisation = province.agreement_realisations.get((unit_id, period.id))
    if agreement is not None:
        entries = list(realisation.entries) if realisation else []
        for ind in agreement.indicators():
            mine = sorted(((e.reporting_period or "", e) for e in entries if e.target == ind.id), key=lambda x: x[0])
            result.indicators.append(indicator_result(
                ind.id, ind, mine, options, with_value=False,
                source=SOURCE_622_ACHIEVEMENT if period.regime == "permenpanrb-6-2022" else None))
    labels = period.reporting_periods()
    now = today(province)
    due = [label for label in labels if m.reporting_period_bounds(label)[1] < now] or labels[:0]
    if members is None:
        members = members_by_unit(province, period).get(unit_id, [])
    result.employees = len(members)
    for label in due:
        result.realisation_coverage[label] = 0
    for employee in members:
        contract = province.contracts.get((employee.id, period.id))
        if contract is None:
            continue
        result.with_contract += 1
        if (employee.id, period.id) in province.assessments:
            result.with_assessment += 1
        reported = {r.reporting_period for r in province.realisations_of(employee.id, period.id)}
        for label in due:
            if label in reported:
                result.realisation_coverage[label] += 1
        scored = run.employees.get((employee.id, period.id))
        if scored is not None and scored.predikat:
            result.distribution[scored.predikat] += 1
    return result


def _bare(figure: Figure | None) -> Figure | None:
    return figure if figure is None or not figure.inputs else replace(figure, inputs=())


def without_derivations(run: ScoreRun) -> ScoreRun:
    """Keep every number of ``run`` and drop what only an employee's explanation needs: the inputs (the
    derivation trees) of the score, rating and SKP figures, and the allowance per employee-month (the
    unit totals stay). Indicators keep theirs (small, and published as open data). For a publication
    that shows no individual explanation (the public site); ``kinerja explain`` recomputes them."""
    for result in run.employees.values():
        result.score, result.rating = _bare(result.score), _bare(result.rating)
        result.figures = {name: _bare(f) for name, f in result.figures.items()}  # type: ignore[misc]
    for unit in run.units.values():
        if unit.allowance is not None:
            unit.allowance = replace(unit.allowance, gross=_bare(unit.allowance.gross),
                                     deductions=_bare(unit.allowance.deductions), net=_bare(unit.allowance.net))
    run.allowance.clear()
    run.allowance_notes.clear()
    run.__dict__.pop("_allowance_index", None)
    return run


def score(province: m.Province, periods: Iterable[str] | None = None, units: Iterable[str] | None = None,
          derivations: bool = True, workers: int | None = None) -> ScoreRun:
    """Score the given periods (default: all) for the given units' subtrees (default: all units).
    ``derivations=False`` drops each part's explanations as it goes (:func:`without_derivations`)."""
    return merge(score_parts(province, periods, units, derivations, workers))


def merge(parts: Iterable[ScoreRun]) -> ScoreRun:
    """One run of several parts (in their order)."""
    run = ScoreRun()
    for part in parts:
        run.periods.extend(p for p in part.periods if p not in run.periods)
        run.period_bounds.update(part.period_bounds)
        run.employees.update(part.employees)
        run.units.update(part.units)
        run.allowance.update(part.allowance)
        run.allowance_notes.update(part.allowance_notes)
    return run


def root_of(province: m.Province, unit_id: str, known: dict[str, str]) -> str:
    """The top-level unit (OPD) above ``unit_id`` (memoised in ``known``)."""
    found = known.get(unit_id)
    if found is None:
        trail, node, seen = [], unit_id, set()
        while node in province.units and province.units[node].parent in province.units and node not in seen:
            seen.add(node)
            trail.append(node)
            node = province.units[node].parent  # type: ignore[assignment]
        found = node
        for item in trail:
            known[item] = found
        known[unit_id] = found
    return found


@dataclass
class _Part:
    """What one part (a period and a top-level unit) needs, planned once per period."""

    period: m.Period
    root: str  # the top-level unit (OPD)
    contracts: list[m.Contract]
    units: list[str]
    members: dict[str, list[m.Employee]]
    attendance: list[tuple[str, Any]]
    wanted: set[str] | None
    computed: dict[tuple[Any, ...], Any]  # allowance results shared within the period (per process)


def _plan(province: m.Province, periods: Iterable[str] | None, units: Iterable[str] | None) -> list[_Part]:
    chosen = [province.periods[p] for p in (periods or sorted(province.periods)) if p in province.periods]
    wanted: set[str] | None = None
    if units:
        wanted = {u for unit in units for u in province.subtree(unit)}
    roots: dict[str, str] = {}
    plan: list[_Part] = []
    for period in chosen:
        contracts: dict[str, list[m.Contract]] = {}
        root_of_employee: dict[str, str] = {}
        for (employee_id, period_id), contract in sorted(province.contracts.items()):
            if period_id != period.id:
                continue
            position = province.positions.get(contract.position)
            if wanted is not None and (position is None or position.unit not in wanted):
                continue
            root = root_of(province, position.unit, roots) if position is not None else ""
            contracts.setdefault(root, []).append(contract)
            root_of_employee[employee_id] = root
        unit_ids: dict[str, list[str]] = {}
        for unit_id in sorted(province.units):
            if wanted is None or unit_id in wanted:
                unit_ids.setdefault(root_of(province, unit_id, roots), []).append(unit_id)
        members = members_by_unit(province, period)
        attendance = _attendance_by_root(province, period, root_of_employee)
        computed: dict[tuple[Any, ...], Any] = {}
        for root in sorted(set(contracts) | set(unit_ids)):
            plan.append(_Part(period, root, contracts.get(root, []), unit_ids.get(root, []), members,
                              attendance.get(root, []), wanted, computed))
    return plan


def _score_part(province: m.Province, part: _Part, derivations: bool) -> ScoreRun:
    period = part.period
    run = ScoreRun(periods=[period.id],
                   period_bounds={period.id: (period.start.isoformat()[:7], period.end.isoformat()[:7])})
    for contract in part.contracts:
        run.employees[(contract.employee, period.id)] = score_contract(province, contract, period)
    for unit_id in part.units:
        run.units[(unit_id, period.id)] = score_unit(province, unit_id, period, run, part.members.get(unit_id, []))
    _allowances(province, run, period, part.wanted, part.attendance, part.computed)
    _subtree_distributions(province, run, period)
    return run if derivations else without_derivations(run)


_FORKED: dict[str, Any] = {}
PARALLEL_FROM = 5_000  # contracts; below this a second process costs more than it saves


def _score_group(province: m.Province, group: list[_Part], derivations: bool) -> ScoreRun:
    if len(group) == 1:
        return _score_part(province, group[0], derivations)
    return merge(_score_part(province, part, derivations) for part in group)


def _score_forked(index: int) -> Any:
    part = _score_group(_FORKED["province"], _FORKED["plan"][index], _FORKED["derivations"])
    return _FORKED["then"](part)


def score_parts(province: m.Province, periods: Iterable[str] | None = None, units: Iterable[str] | None = None,
                derivations: bool = True, workers: int | None = None,
                then: Callable[[ScoreRun], Any] | None = None, by_agency: bool = False) -> Iterator[Any]:
    """Score one period and one top-level unit (OPD) at a time: each part is complete (its units, their
    distributions and their allowance), so a caller that writes a part and drops it never holds a
    province's results at once. :func:`score` merges the parts.

    From ``PARALLEL_FROM`` contracts the parts are scored on every core (``workers``, default all) by
    forked processes that share the province copy-on-write; they come back in the same order, so the
    result is the same (a test compares them). ``derivations=False``: see :func:`without_derivations`.
    ``then`` runs on each part where it was scored (say, to write it) and its result is yielded instead
    of the part: what comes back from another process is then only what ``then`` returns.
    ``by_agency``: a part is one OPD in every period (the site's unit pages show all of a unit's periods)."""
    then = then or (lambda part: part)
    parts = _plan(province, periods, units)
    if by_agency:
        groups: dict[str, list[_Part]] = {}
        for part in parts:
            groups.setdefault(part.root, []).append(part)
        plan = [groups[root] for root in sorted(groups)]
    else:
        plan = [[part] for part in parts]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pool = None
    if workers > 1 and len(plan) > 1 and sum(len(p.contracts) for p in parts) >= PARALLEL_FROM:
        try:
            import multiprocessing

            _FORKED.update(province=province, plan=plan, derivations=derivations, then=then)
            # A fresh process per part: pages a process touches (reference counts) become its own copies, and a
            # long-lived worker would end up with a copy of the province.
            pool = multiprocessing.get_context("fork").Pool(min(workers, len(plan)), maxtasksperchild=1)
        except (OSError, ValueError):  # no fork here: score in this process
            _FORKED.clear()
    if pool is not None:
        try:
            with pool:
                # A few parts ahead, never more: a slow consumer must not gather a province in memory.
                ahead: deque[Any] = deque()
                indexes = iter(range(len(plan)))
                for index in islice(indexes, workers + 1):
                    ahead.append(pool.apply_async(_score_forked, (index,)))
                while ahead:
                    result = ahead.popleft().get()
                    index = next(indexes, None)
                    if index is not None:
                        ahead.append(pool.apply_async(_score_forked, (index,)))
                    yield result
        finally:
            _FORKED.clear()
        return
    for group in plan:
        yield then(_score_group(province, group, derivations))


def _attendance_by_root(province: m.Province, period: m.Period,
                        root_of_employee: dict[str, str]) -> dict[str, list[tuple[str, Any]]]:
    """The period's attendance records (month, record), in file order, grouped by the employee's OPD."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for month, docs in sorted(province.attendance.items()):
        if not period.contains(dt.date.fromisoformat(month + "-01")):
            continue
        for doc in docs:
            records, problems = attendance_records(doc)
            if problems:
                continue  # reported by validate
            for record in records:
                root = root_of_employee.get(record.employee)
                if root is not None:
                    out.setdefault(root, []).append((month, record))
    return out


def _month_rating(result: EmployeeResult, month: str) -> str | None:
    """The periodic evaluation covering a month (6/2022), else the annual predikat once it exists."""
    day = dt.date.fromisoformat(month + "-01")
    for label, predikat in result.periodic.items():
        start, end = m.reporting_period_bounds(label)
        if start <= day <= end:
            return predikat
    return result.predikat if result.status == "complete" else None


def _pay_value(result: EmployeeResult, rating: str, version: Any) -> str | Decimal:
    """What the rule's performance table is read with: the predikat, or the score where the rule has only
    score bands and the regime gives a score (PP 46/2011, 8/2021)."""
    table = version.performance if version is not None else None
    if table is not None and table.by_score and not table.by_predikat and result.score is not None \
            and rating == result.predikat:
        return half_up(result.score.shown)
    return rating


def month_basis(province: m.Province, result: EmployeeResult, month: str, version: Any,
                previous: Callable[[], EmployeeResult | None]) -> tuple[str | Decimal | None, Text | None]:
    """The rating (or score) that pays ``month`` and, when it is not the month's own, why
    (the rule's ``months_before_annual``, docs/regulations.md §4): ``(None, reason)`` when the month waits."""
    own = _month_rating(result, month)
    if own is not None:
        return _pay_value(result, own, version), None
    how = version.months_before_annual if version is not None else "wait"
    day = dt.date.fromisoformat(month + "-01")
    if how == "latest-periodic":
        earlier = [(label, p) for label, p in result.periodic.items() if m.reporting_period_bounds(label)[1] < day]
        if earlier:
            label, predikat = max(earlier)
            return predikat, Text(f"predikat periodik terakhir {label} (aturan: latest-periodic), predikat tahunan belum ada",
                                  f"the latest periodic rating {label} (rule: latest-periodic); no annual rating yet")
    if how == "previous-year":
        before = previous()
        if before is not None and before.predikat is not None and before.status == "complete":
            return _pay_value(before, before.predikat, version), Text(
                f"predikat periode {before.period} (aturan: previous-year), predikat tahunan belum ada",
                f"the rating of period {before.period} (rule: previous-year); no annual rating yet")
    return None, Text(f"TPP menunggu predikat tahunan (aturan: {how})", f"TPP waits for the annual rating (rule: {how})")


def previous_result(province: m.Province, employee_id: str, period: m.Period) -> EmployeeResult | None:
    """The employee's result in the period that ended last before ``period`` starts."""
    earlier = [p for p in province.periods.values() if p.end < period.start and (employee_id, p.id) in province.contracts]
    if not earlier:
        return None
    last = max(earlier, key=lambda p: p.end)
    return score_contract(province, province.contracts[(employee_id, last.id)], last)


def _allowances(province: m.Province, run: ScoreRun, period: m.Period, wanted: set[str] | None,
                attendance: list[tuple[str, Any]], computed: dict[tuple[Any, ...], Any]) -> None:
    """Monthly allowance (TPP) per employee from the period's rule and the attendance records given."""
    from . import allowance as tpp

    if not period.allowance_rule or period.allowance_rule not in province.allowance_rules:
        return
    try:
        rule = tpp.rule_from_mapping(province.allowance_rules[period.allowance_rule].data)
    except tpp.RuleFormatError:
        return  # reported by validate
    per_unit: dict[str, list[Any]] = {}
    earlier: dict[str, EmployeeResult | None] = {}
    for month, record in attendance:
        first = dt.date.fromisoformat(month + "-01")
        result = run.employees.get((record.employee, period.id))
        if result is None or (wanted is not None and result.unit not in wanted):
            continue
        position = province.positions.get(result.position)
        key = (record.employee, month)
        version = tpp.version_for(rule, first)
        if position is None:
            run.allowance_notes[key] = Note("K322", Text(
                "TPP tidak dihitung: belum ada predikat", "TPP not computed: no predikat yet"))
            continue
        rating, basis = month_basis(province, result, month, version, lambda: _previous(province, result, period, earlier))
        if rating is None:
            run.allowance_notes[key] = Note("K322", Text(
                f"TPP tidak dihitung: belum ada predikat; {basis.id if basis else ''}",
                f"TPP not computed: no predikat yet; {basis.en if basis else ''}"))
            continue
        grade_key = f"kelas-{position.grade}" if position.grade else None
        cls = grade_key if grade_key and version is not None and version.base_for(grade_key) else position.cls
        # A pure function of these inputs: employees with the same class, predikat and attendance
        # in a month share one computation (and one explanation tree); only the name differs.
        same = (cls, rating, _attendance_key(record.attendance), month, basis)
        outcome = computed.get(same)
        if outcome is None:
            try:
                outcome = tpp.monthly_allowance(rule, cls, rating, record.attendance, month,
                                                employee=record.employee, basis=basis)
            except tpp.AllowanceError as exc:
                first_problem = exc.problems[0] if getattr(exc, "problems", None) else None
                outcome = Note(first_problem.code if first_problem else "K530",
                               first_problem.message if first_problem else Text("-", "-"))
            computed[same] = outcome
        if isinstance(outcome, Note):
            run.allowance_notes[key] = outcome
            continue
        paid = _for_employee(outcome, record.employee)
        run.allowance[key] = paid
        per_unit.setdefault(result.unit, []).append(paid)
    for unit_id, results in per_unit.items():
        unit_result = run.units.get((unit_id, period.id))
        if unit_result is not None:
            unit_result.allowance = tpp.unit_totals(results)


def _previous(province: m.Province, result: EmployeeResult, period: m.Period,
              known: dict[str, EmployeeResult | None]) -> EmployeeResult | None:
    if result.employee not in known:
        known[result.employee] = previous_result(province, result.employee, period)
    return known[result.employee]


def _for_employee(outcome: Any, employee: str) -> Any:
    """The shared allowance result with this employee's id (a shallow copy: ``dataclasses.replace`` costs
    ten times as much, and a province has hundreds of thousands of employee-months)."""
    if outcome.employee == employee:
        return outcome
    copy = object.__new__(type(outcome))
    copy.__dict__.update(outcome.__dict__)
    copy.__dict__["employee"] = employee
    return copy


def _attendance_key(attendance: Any) -> tuple[Any, ...]:
    return (attendance.working_days, str(attendance.days_absent), tuple(sorted(attendance.late.items())),
            tuple(sorted(attendance.early.items())), attendance.late_minutes, attendance.early_minutes,
            attendance.sanctions, attendance.absences, attendance.away, attendance.measures)


def _subtree_distributions(province: m.Province, run: ScoreRun, period: m.Period) -> None:
    options = options_for(period)
    org_ratings = period.options.get("organisation_ratings", {}) if isinstance(period.options, Mapping) else {}
    default_org = period.options.get("default_organisation_rating", "baik") if isinstance(period.options, Mapping) else "baik"
    for (unit_id, period_id), unit_result in run.units.items():
        if period_id != period.id:
            continue
        for member in province.subtree(unit_id):
            child = run.units.get((member, period_id))
            if child is not None:
                unit_result.subtree_distribution.update(child.distribution)
        if period.regime == "permenpanrb-6-2022" and province.units[unit_id].parent is None \
                and sum(unit_result.subtree_distribution.values()):
            rating = org_ratings.get(unit_id, default_org)
            unit_result.warnings = r622.distribution_warnings(rating, dict(unit_result.subtree_distribution), options)
