"""Scoring as a BKD officer checks it (issue 17): credit points per period and their accumulation,
PP 46/2011 totals from the printed parts, and explanations an officer can read."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from kinerja.score import engine, output, pp46
from kinerja.score import permenpanrb_6_2022 as r2022
from kinerja.score.explain import Figure, Options, Text, render

PREDIKAT_BEST_FIRST = ("sangat-baik", "baik", "butuh-perbaikan", "kurang", "sangat-kurang")


@pytest.fixture(scope="module")
def demo():
    from kinerja.load import load_tree

    return load_tree(REPO).province


# --- credit points (docs/regulations.md §3.5) -------------------------------------------------------------
def test_each_periodic_rating_counts_for_its_own_months() -> None:
    spans = [r2022.CreditSpan("2026-Q1", "baik", 3), r2022.CreditSpan("2026-Q2", "baik", 3),
             r2022.CreditSpan("2026-Q3", "sangat-baik", 3)]
    year = r2022.credit_points_by_period(spans, "ahli-muda")
    assert year.value == Decimal("21.875") and year.shown == Decimal("21.88")
    assert [part.shown for _, part in year.inputs] == [Decimal("6.250"), Decimal("6.250"), Decimal("9.375")]
    assert "9" in year.rule.en  # nine months rated, said in the rule


def test_a_year_of_monthly_ratings_equals_the_annual_figure_when_all_agree() -> None:
    months = [r2022.CreditSpan(f"2025-{m:02d}", "baik", 1) for m in range(1, 13)]
    assert r2022.credit_points_by_period(months, "ahli-pertama").shown == Decimal("12.50")
    annual = r2022.credit_points_by_period([r2022.CreditSpan("2025", "baik", 12)], "ahli-pertama")
    assert annual.shown == Decimal("12.50")


def test_more_than_twelve_months_or_no_span_is_refused() -> None:
    with pytest.raises(r2022.ScoringInputError) as error:
        r2022.credit_points_by_period([r2022.CreditSpan("a", "baik", 7), r2022.CreditSpan("b", "baik", 6)], "ahli-muda")
    assert error.value.code == "K312"
    with pytest.raises(r2022.ScoringInputError) as error:
        r2022.credit_points_by_period([], "ahli-muda")
    assert error.value.code == "K317"


def test_accumulation_sums_the_printed_yearly_figures() -> None:
    y1 = r2022.credit_points_by_period([r2022.CreditSpan("2024", "baik", 12)], "ahli-pertama")
    y2 = r2022.credit_points_by_period([r2022.CreditSpan("2025", "sangat-baik", 12)], "ahli-pertama")
    total = r2022.accumulated_credit_points([("2024", y1), ("2025", y2)], "ahli-pertama")
    assert total.shown == Decimal("31.25")
    assert [name for name, _ in total.inputs] == ["2024", "2025"]


@given(st.sampled_from(sorted(r2022.CREDIT_COEFFICIENTS)), st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, len(PREDIKAT_BEST_FIRST) - 2)), min_size=1, max_size=4),
    st.integers(0, 3))
def test_a_better_rating_never_lowers_credit_points(level: str, quarters: list[tuple[int, int]], which: int) -> None:
    spans = [r2022.CreditSpan(f"Q{i}", PREDIKAT_BEST_FIRST[rank + 1], months) for i, (months, rank) in enumerate(quarters)]
    if not any(s.months for s in spans):
        return
    worse = r2022.credit_points_by_period(spans, level)
    index = which % len(spans)
    better_word = PREDIKAT_BEST_FIRST[PREDIKAT_BEST_FIRST.index(spans[index].predikat) - 1]
    better = list(spans)
    better[index] = dataclasses.replace(spans[index], predikat=better_word)
    improved = r2022.credit_points_by_period(better, level)
    assert improved.value >= worse.value
    assert improved.shown >= worse.shown
    assert Decimal(0) <= improved.value <= r2022.CREDIT_COEFFICIENTS[level] * Decimal("1.5")


def test_demo_year_in_progress_counts_only_passed_rated_months(demo) -> None:
    """p0012, Ahli Muda, 2026: Q1 and Q2 Baik, Q3 Sangat Baik, today 2026-11-27 → 21.88, not 37.50."""
    result = engine.score_contract(demo, demo.contracts[("p0012", "2026")], demo.periods["2026"])
    figure = result.figures["credit_points"]
    assert result.status == "provisional"
    assert figure.shown == Decimal("21.88")
    assert [name for name, _ in figure.inputs] == ["2026-Q1", "2026-Q2", "2026-Q3"]


def test_months_not_passed_earn_nothing(demo) -> None:
    """The same employee seen on 2026-08-15: only Q1, Q2 and July count (Q3's August has not ended)."""
    earlier = dataclasses.replace(demo, settings=dataclasses.replace(demo.settings, today=dt.date(2026, 8, 15)))
    result = engine.score_contract(earlier, earlier.contracts[("p0012", "2026")], earlier.periods["2026"])
    figure = result.figures["credit_points"]
    assert [(name, part.inputs[-1][1]) for name, part in figure.inputs] == [
        ("2026-Q1", 3), ("2026-Q2", 3), ("2026-Q3", 1)]
    assert figure.shown == Decimal("15.63")  # 6.25 + 6.25 + 150% × 25 / 12 = 15.625


def test_annual_rating_replaces_the_periodic_ones(demo) -> None:
    """With an annual rating (here derived by the period's rule "last") the year counts as one span."""
    period = demo.periods["2026"]
    annual = dataclasses.replace(period, options={**dict(period.options), "annual_rule": "last"})
    result = engine.score_contract(demo, demo.contracts[("p0012", "2026")], annual)
    assert result.status == "complete" and result.predikat == "sangat-baik"
    figure = result.figures["credit_points"]
    assert [(name, part.inputs[-1][1]) for name, part in figure.inputs] == [("2026", 12)]
    assert figure.shown == Decimal("37.50")


def test_explain_shows_the_accumulation_for_the_pak(demo) -> None:
    result = engine.score_contract(demo, demo.contracts[("p0012", "2026")], demo.periods["2026"])
    text = output.explanation(demo, result, "en")
    assert "Accumulated credit points (ahli-muda)" in text
    history = engine.credit_history(demo, "p0012", "2026")
    assert history is not None
    periods = [name for name, _ in history.inputs]
    assert periods[-1] == "2026" and periods == sorted(periods)
    assert history.shown == sum((f.shown for _, f in history.inputs), Decimal(0))


# --- PP 46/2011 totals (docs/regulations.md §3.1) -----------------------------------------------------------
def _printed(raw: str) -> Figure:
    value = Decimal(raw)
    return Figure("x", Text("x", "x"), value, Text("", ""), rounded=value.quantize(Decimal("0.01")))


def test_pp46_total_from_the_printed_parts_by_default() -> None:
    assert pp46.total(_printed("75.724"), _printed("80.334")).shown == Decimal("77.56")
    assert pp46.total(_printed("75.724"), _printed("80.334"), Options({"total_from": "raw"})).shown == Decimal("77.57")
    with pytest.raises(pp46.ScoringInputError) as error:
        pp46.total(Decimal(1), Decimal(1), Options({"total_from": "rounded"}))
    assert error.value.code == "K315"


def test_pp46_total_near_91_follows_the_printed_form() -> None:
    """Printed 90.99 and 91.00 give 90.994 → 90.99 (Baik) by hand; the raw parts could give 91.00."""
    skp, behaviour = _printed("90.994"), _printed("91.004")
    by_hand = pp46.total(skp, behaviour)
    raw = pp46.total(skp, behaviour, Options({"total_from": "raw"}))
    assert by_hand.shown == Decimal("90.99") and pp46.rating(by_hand).id == "baik"
    assert raw.shown == Decimal("91.00") and pp46.rating(raw).id == "sangat-baik"


# --- explanations ----------------------------------------------------------------------------------------
def test_ratings_print_their_word_not_a_rank() -> None:
    evaluation = r2022.periodic_evaluation("2026-Q1", "di-atas", "sesuai")
    assert render(evaluation.rating.figure, "en")[0] == "Rating for period 2026-Q1 = Good (Baik)"
    assert render(evaluation.rating.figure, "id")[0] == "Predikat kinerja periode 2026-Q1 = Baik"
    assert evaluation.rating.figure.to_dict("en")["value"] == "4"  # the rank stays in the data


def test_text_prints_at_form_precision_and_json_keeps_raw() -> None:
    figure = Figure("x", Text("x", "x"), Decimal(1) / Decimal(3), Text("f", "f"))
    assert render(figure, "en")[0] == "x = 0.33"
    assert figure.to_dict("en")["value"].startswith("0.3333333")


def test_input_names_are_english_under_en() -> None:
    lines = "\n".join(render(r2022.credit_points("baik", "ahli-pertama", 2), "en"))
    assert "months = 2" in lines and "level = ahli-pertama" in lines
    assert "bulan" not in lines and "jenjang" not in lines


def test_a_shared_tree_prints_once() -> None:
    shared = pp46.aspect_time(5, 4)
    parent = Figure("p", Text("p", "p"), Decimal(1), Text("f", "f"), inputs=(("a", shared),))
    seen: set[int] = set()
    first = render(parent, "en", seen=seen)
    again = render(parent, "en", seen=seen)
    assert any("Efficiency" in line for line in first)
    assert again == ["p = 1 (see above)"]


def test_demo_explanations_read_cleanly_in_both_languages(demo) -> None:
    """Every demo employee's explanation: no long raw numbers, the rank of a rating never shown as the value."""
    import re

    run = engine.score(demo)
    for (employee, period), result in run.employees.items():
        for lang in ("id", "en"):
            text = output.explanation(demo, result, lang)
            assert not re.search(r"\d\.\d{4,}", text), (employee, period, lang)
            assert not re.search(r"(Rating for period|Predikat kinerja periode) \S+ = \d", text)


def test_distribution_warnings_appear_in_the_table_and_use_correct_plurals() -> None:
    run = engine.ScoreRun()
    unit = engine.UnitResult("dinas", "2026")
    unit.warnings = r2022.distribution_warnings("baik", {"baik": 1})
    run.units[("dinas", "2026")] = unit
    text = output.table(run, "en")
    assert "Distribution warnings" in text
    assert "2026 dinas K601: Predikat Baik: 1 of 1 employee (100%)" in text
    assert "1 employees" not in text
    assert output.warning_lines(run, "id")[0].startswith("2026 dinas K601: Predikat Baik: 1 dari 1 pegawai")


# --- PermenPANRB 8/2021 weights and additional targets (docs/regulations.md §3.2) ----------------------------
def _weighted_contract(demo, main_weights, additional_weight=None):
    contract = demo.contracts[("p0012", "2021")]
    weights = iter(main_weights)
    targets = []
    for target in contract.targets:
        if target.category == "main":
            indicators = tuple(dataclasses.replace(i, weight=next(weights)) for i in target.indicators)
        else:
            indicators = tuple(dataclasses.replace(i, weight=additional_weight) for i in target.indicators)
        targets.append(dataclasses.replace(target, indicators=indicators))
    return dataclasses.replace(contract, targets=tuple(targets))


def test_main_indicators_use_the_skp_weights(demo) -> None:
    equal = engine.score_contract(demo, demo.contracts[("p0012", "2021")], demo.periods["2021"])
    weighted = engine.score_contract(demo, _weighted_contract(demo, [Decimal(20), Decimal(20), Decimal(60)]),
                                     demo.periods["2021"])
    values = [i.value.value for i in weighted.indicators if i.target_id != "t3"]
    main = weighted.figures["skp"].inputs[0][1]
    assert main.value == values[0] * Decimal("0.2") + values[1] * Decimal("0.2") + values[2] * Decimal("0.6")
    assert main.value != equal.figures["skp"].inputs[0][1].value or len(set(values)) == 1


def test_additional_targets_count_from_the_skp_when_weighted(demo) -> None:
    unweighted = engine.score_contract(demo, demo.contracts[("p0012", "2021")], demo.periods["2021"])
    assert any(n.code == "K380" for n in unweighted.notes)  # the assessor's typed number, said so
    result = engine.score_contract(demo, _weighted_contract(demo, [None, None, None], Decimal(5)),
                                   demo.periods["2021"])
    assert not any(n.code == "K380" for n in result.notes)
    extra = next(i for i in result.indicators if i.target_id == "t3")
    additional = result.figures["skp"].inputs[1][1]
    assert additional.value == min(Decimal(10), extra.value.value * Decimal("0.05"))
    assessor_only = dataclasses.replace(demo.periods["2021"], options={"additional_work_from": "assessor"})
    typed = engine.score_contract(demo, _weighted_contract(demo, [None, None, None], Decimal(5)), assessor_only)
    assert typed.figures["skp"].inputs[1][1].value == Decimal(5)


def test_main_weights_must_sum_to_100(demo) -> None:
    from kinerja.validate.rules import _check_main_weights

    assert list(_check_main_weights(_weighted_contract(demo, [Decimal(20), Decimal(20), Decimal(60)]))) == []
    assert list(_check_main_weights(demo.contracts[("p0012", "2021")])) == []
    wrong = list(_check_main_weights(_weighted_contract(demo, [Decimal(20), Decimal(20), Decimal(50)])))
    partial = list(_check_main_weights(_weighted_contract(demo, [Decimal(50), Decimal(50), None])))
    assert [p.code for p in wrong + partial] == ["K381", "K381"]
    assert dict(wrong[0].params)["total"] == "90" and "i1" in dict(partial[0].params)["detail"]


# --- the allowance rule model (docs/regulations.md §4) -------------------------------------------------------
def _example_rule():
    import yaml

    from kinerja.score import allowance as tpp

    data = yaml.safe_load((REPO / "contracts" / "allowance" / "tpp-contoh.yaml").read_text(encoding="utf-8"))
    return tpp.rule_from_mapping(data)


def test_the_example_rule_validates_against_the_schema() -> None:
    import json

    import yaml
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "schemas" / "allowance-rule.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((REPO / "contracts" / "allowance" / "tpp-contoh.yaml").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    version = _example_rule().versions[-1]
    assert set(version.deductions.absence_categories) == {"sakit", "izin"}
    assert version.months_before_annual == "latest-periodic"


def test_each_absence_category_has_its_rate_free_days_and_cap() -> None:
    """Version 2026: sick 2% a day after 2 free days, at most 10%; leave with permission 3% a day; no
    notice (absent_days) 5% a day; flexible working never deducted. Gross fungsional Rp 6,500,000,
    deductions from the total."""
    from kinerja.score import allowance as tpp

    rule = _example_rule()

    def net(**kw):
        att = tpp.Attendance(working_days=21, **kw)
        return tpp.monthly_allowance(rule, "fungsional", "baik", att, "2026-03")

    sick3 = net(absences=(("sakit", Decimal(3)),))
    assert sick3.deduction_percent.value == Decimal(2)  # (3 − 2) × 2%
    assert sick3.net.value == Decimal(6500000) * Decimal("0.98")
    assert net(absences=(("sakit", Decimal(2)),)).deduction_percent.value == 0  # free days
    assert net(absences=(("sakit", Decimal(15)),)).deduction_percent.value == Decimal(10)  # capped
    assert net(absences=(("izin", Decimal(2)),)).deduction_percent.value == Decimal(6)
    assert net(days_absent=Decimal(2)).deduction_percent.value == Decimal(10)
    away = net(away=(("fleksibel", Decimal(4)), ("dinas-luar", Decimal(3))))
    assert away.net.value == Decimal(6500000) and away.deduction_percent.value == 0
    assert any("not absence" in f.label.en for f in away.deductions)


def test_unknown_categories_and_too_many_days_are_refused() -> None:
    from kinerja.score import allowance as tpp

    version = _example_rule().versions[-1]
    att = tpp.Attendance(working_days=5, days_absent=Decimal(2), absences=(("cuti-besar", Decimal(1)),),
                         away=(("wfh", Decimal(1)), ("fleksibel", Decimal(3))))
    assert sorted(p.code for p in tpp.check_attendance(version, att)) == ["K524", "K560", "K561"]


def test_attendance_csv_reads_category_columns() -> None:
    from kinerja.score import allowance as tpp

    text = ("employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4,absent_sakit,away_fleksibel\n"
            "A,2026-03,21,0,0,0,0,0,0,0,0,0,3,2\nB,2026-03,21,0,0,0,0,0,0,0,0,0,x,\n")
    records, problems = tpp.attendance_from_csv(text)
    assert records[0].attendance.absences == (("sakit", Decimal(3)),)
    assert records[0].attendance.away == (("fleksibel", Decimal(2)),)
    assert [(p.code, p.row, p.column) for p in problems] == [("K522", 3, "absent_sakit")]


@given(st.integers(0, 21), st.integers(0, 21), st.integers(0, 21), st.integers(0, 3),
       st.sampled_from(["sakit", "izin", "none"]))
def test_more_absence_never_raises_the_allowance(sick: int, leave: int, none: int, extra: int, where: str) -> None:
    from kinerja.score import allowance as tpp

    rule = _RULE.get("rule") or _RULE.setdefault("rule", _example_rule())

    def paid(s: int, l: int, n: int) -> Decimal:
        att = tpp.Attendance(working_days=70, days_absent=Decimal(n),
                             absences=tuple((c, Decimal(d)) for c, d in (("sakit", s), ("izin", l)) if d))
        return tpp.monthly_allowance(rule, "pelaksana", "baik", att, "2026-05").net.value

    before = paid(sick, leave, none)
    after = paid(sick + extra * (where == "sakit"), leave + extra * (where == "izin"), none + extra * (where == "none"))
    assert Decimal(0) <= after <= before


_RULE: dict = {}


def test_score_bands_pay_pp46_periods_and_the_months_before_annual_rule_is_stated(demo) -> None:
    """A rule with score bands only pays a PP 46/2011 period from the score (no K532); a month before
    the annual rating is paid as the version's months_before_annual says, and says so."""
    from kinerja.score import allowance as tpp

    rule = _example_rule()
    first = rule.versions[0]
    bands_only = dataclasses.replace(first, performance=dataclasses.replace(first.performance, by_predikat={}))
    result = engine.score_contract(demo, demo.contracts[("p0012", "2020")], demo.periods["2020"])
    value, basis = engine.month_basis(demo, result, "2020-03", bands_only, lambda: None)
    assert value == Decimal("92.17") and basis is None
    paid = tpp.monthly_allowance(dataclasses.replace(rule, versions=(bands_only,) + rule.versions[1:]),
                                 "fungsional", value, tpp.Attendance(working_days=21), "2020-03")
    assert paid.performance_percent.value == Decimal(100)

    later = engine.score_contract(demo, demo.contracts[("p0012", "2026")], demo.periods["2026"])
    version = rule.versions[-1]
    assert engine.month_basis(demo, later, "2026-05", version, lambda: None) == ("baik", None)
    value, basis = engine.month_basis(demo, later, "2026-10", version, lambda: None)
    assert value == "sangat-baik" and "2026-Q3" in basis.en and "latest-periodic" in basis.en
    waiting = dataclasses.replace(version, months_before_annual="wait")
    assert engine.month_basis(demo, later, "2026-10", waiting, lambda: None)[0] is None
    previous = dataclasses.replace(version, months_before_annual="previous-year")
    value, basis = engine.month_basis(demo, later, "2026-10", previous, lambda: result)
    assert value == "sangat-baik" and "2020" in basis.en


# --- NIP (docs/regulations.md §2) ---------------------------------------------------------------------------
def test_nip_parts() -> None:
    from kinerja.nip import age_at_appointment, parse_nip, plausible_age

    parts = parse_nip("19850312 201001 2 004")
    assert parts is not None
    assert (parts.birth_date, parts.cpns_start, parts.sex, parts.serial) == (
        dt.date(1985, 3, 12), dt.date(2010, 1, 1), "female", "004")
    assert age_at_appointment(parts) == 24 and plausible_age(parts)
    young = parse_nip("199503122010011004")  # CPNS at 14
    assert young is not None and age_at_appointment(young) == 14 and not plausible_age(young)
    for bad in ("19850312201001300", "198502302010011004", "198503122010131004", "198503121980011004", "x" * 18):
        assert parse_nip(bad) is None, bad


def test_implausible_age_at_appointment_is_a_located_warning() -> None:
    from kinerja import errors
    from kinerja.validate.rules import check_nip

    source = next(iter(_demo_sources()))
    found = list(check_nip("199503122010011004", source))
    assert [p.code for p in found] == ["K382"]
    assert dict(found[0].params)["age"] == 14 and errors.get("K382").severity == "warning"
    assert list(check_nip("198503122010011004", source)) == []


def _demo_sources():
    from kinerja import model as m

    yield m.Source("contracts/units/bkd/employees.yaml", ("employees", 0))


def test_weighted_performance_components() -> None:
    """Version 2027 of the example: SKP result 60%, daily-report compliance 20%, behaviour 20%."""
    from kinerja.score import allowance as tpp

    rule = _example_rule()
    att = tpp.Attendance(working_days=21, measures=(("laporan-harian", Decimal(90)), ("perilaku", Decimal(80))))
    paid = tpp.monthly_allowance(rule, "fungsional", "butuh-perbaikan", att, "2027-02")
    assert paid.performance_percent.value == Decimal(82)  # 60% × 80 + 20% × 90 + 20% × 80
    assert paid.net.value == Decimal(5681000)  # 6,500,000 × 70% × 82% + 6,500,000 × 30%
    with pytest.raises(tpp.AllowanceError) as error:
        tpp.monthly_allowance(rule, "fungsional", "baik", tpp.Attendance(working_days=21), "2027-02")
    assert error.value.problems[0].code == "K564"
    with pytest.raises(tpp.AllowanceError) as error:
        tpp.monthly_allowance(rule, "fungsional", "baik", tpp.Attendance(
            working_days=21, measures=(("laporan-harian", Decimal(190)), ("perilaku", Decimal(80)))), "2027-02")
    assert error.value.problems[0].code == "K565"
    records, problems = tpp.attendance_from_csv(
        "employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4,perf_laporan-harian,perf_perilaku\n"
        "A,2027-02,20,0,0,0,0,0,0,0,0,0,90,80\n")
    assert problems == [] and records[0].attendance.measures == (("laporan-harian", Decimal(90)), ("perilaku", Decimal(80)))


def test_component_weights_must_sum_to_100() -> None:
    from kinerja.score import allowance as tpp

    import yaml

    data = yaml.safe_load((REPO / "contracts" / "allowance" / "tpp-contoh.yaml").read_text(encoding="utf-8"))
    data["versions"][-1]["performance"]["components"][0]["weight"] = 50
    with pytest.raises(tpp.RuleFormatError) as error:
        tpp.rule_from_mapping(data)
    assert any("sum to 90" in p.message.en for p in error.value.problems)
