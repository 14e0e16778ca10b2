"""The three scoring regimes: published examples, band edges, properties and explanations.

Every published number in docs/regulations.md section 3 is reproduced exactly (Decimal equality). Property tests
use hypothesis with ``derandomize=True`` so the suite is deterministic.
"""

from __future__ import annotations

import doctest
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.score import permenpanrb_6_2022 as r2022
from kinerja.score import permenpanrb_8_2021 as r2021
from kinerja.score import pp46
from kinerja.score.explain import Figure, Options, render
from kinerja.score.pp46 import SCORING_ERRORS, ScoringInputError

DETERMINISTIC = settings(derandomize=True, database=None, max_examples=300, deadline=None)
ROOT = Path(__file__).resolve().parents[1]


def d(text: str | int) -> Decimal:
    return Decimal(text)


def inputs(figure: Figure) -> dict[str, Any]:
    return dict(figure.inputs)


def child(figure: Figure, name: str) -> Figure:
    found = inputs(figure)[name]
    assert isinstance(found, Figure)
    return found


def amounts(low: str = "0", high: str = "1000000", places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=places,
                       allow_nan=False, allow_infinity=False)


# ==================================================================================================
# PP 46/2011 + Perka BKN 1/2013
# ==================================================================================================

def published_activity() -> Figure:
    """TO 1/RO 1, TK 100/RK 90, TW 12/RW 12, TB = RB = Rp 170,395,000."""
    return pp46.activity(quantity=(1, 1), quality=(100, 90), time=(12, 12), cost=(170395000, 170395000))


class TestPP46PublishedExamples:
    def test_the_four_aspects(self) -> None:
        assert pp46.aspect_quantity(1, 1).value == d(100)
        assert pp46.aspect_quality(100, 90).value == d(90)
        assert pp46.aspect_time(12, 12).value == d(76)
        assert pp46.aspect_cost(170395000, 170395000).value == d(76)

    def test_activity_sum_342_and_value_85_50_baik(self) -> None:
        act = published_activity()
        assert child(act, "jumlah").value == d(342)
        assert act.value == d("85.5")
        assert act.rounded == d("85.50") and str(act.rounded) == "85.50"
        assert inputs(act)["pembagi"] == 4
        rated = pp46.rating(act)
        assert rated.id == "baik" and rated.word.id == "Baik"

    def test_time_five_days_four_used_is_96(self) -> None:
        assert pp46.aspect_time(5, 4).value == d(96)

    def test_exactly_24_percent_efficiency_is_the_first_branch_and_scores_100(self) -> None:
        time = pp46.aspect_time(12, "9.12")
        assert time.value == d(100)
        assert child(time, "efisiensi").value == d(24)
        assert time.rule is not None and "≤ 24%" in time.rule.en

    def test_cost_24_percent_saving_is_100(self) -> None:
        assert pp46.aspect_cost(5000000, 3800000).value == d(100)

    def test_25_percent_saving_scores_75(self) -> None:
        assert pp46.aspect_time(100, 75).value == d(75)
        cost = pp46.aspect_cost(4000000, 3000000)
        assert cost.value == d(75)
        assert cost.rule is not None and "> 24%" in cost.rule.en

    def test_second_branch_keeps_its_parentheses(self) -> None:
        # 30% saving: 76 - ((((1.76*10 - 7)/10)*100) - 100) = 76 - (106 - 100) = 70
        time = pp46.aspect_time(10, 7)
        assert time.value == d(70)
        assert "76 − ((((1,76 × TW − RW) / TW) × 100) − 100)" == time.formula.id

    def test_late_delivery_stays_in_the_first_branch(self) -> None:
        assert pp46.aspect_time(12, 15).value == d(51)


class TestPP46Activity:
    def test_divisor_is_3_without_a_cost_target(self) -> None:
        act = pp46.activity(quantity=(10, 10), quality=(100, 100), time=(12, 12))
        assert inputs(act)["pembagi"] == 3
        assert act.value == d(276) / 3
        assert act.rounded == d("92.00")

    def test_zero_budget_means_no_cost_target(self) -> None:
        act = pp46.activity(quantity=(10, 10), quality=(100, 100), time=(12, 12), cost=(0, 0))
        assert inputs(act)["pembagi"] == 3

    def test_spending_without_a_budget_is_a_zero_target(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.activity(quantity=(10, 10), quality=(100, 100), time=(12, 12), cost=(0, 5))
        assert caught.value.code == "K310"

    def test_activity_not_carried_out_scores_zero_and_counts(self) -> None:
        skipped = pp46.activity(quantity=(5, 0), quality=(100, 0), time=(12, 0))
        assert skipped.value == 0 and skipped.rounded == d("0.00")
        done = published_activity()
        skp = pp46.skp_value([done, skipped])
        assert child(skp, "rata_rata_kegiatan").value == d("42.75")

    def test_half_up_rounding_of_an_activity(self) -> None:
        # 100 + 90.5 + 76 + 76 = 342.5; / 4 = 85.625 -> 85.63 (Python's round would give 85.62)
        act = pp46.activity(quantity=(1, 1), quality=(100, "90.5"), time=(12, 12), cost=(10, 10))
        assert act.value == d("85.625")
        assert act.rounded == d("85.63")

    @pytest.mark.parametrize("target", ["TO", "TK", "TW", "TB"])
    def test_zero_target_raises(self, target: str) -> None:
        pairs = {"TO": (0, 1), "TK": (0, 1), "TW": (0, 1), "TB": (0, 1)}
        functions = {"TO": pp46.aspect_quantity, "TK": pp46.aspect_quality,
                     "TW": pp46.aspect_time, "TB": pp46.aspect_cost}
        with pytest.raises(ScoringInputError) as caught:
            functions[target](*pairs[target])
        assert caught.value.code == "K310"
        assert caught.value.params["field"] == target
        assert target in caught.value.message.id and target in caught.value.message.en
        assert isinstance(caught.value, ValueError)

    def test_negative_and_out_of_range_inputs(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.aspect_quantity(10, -1)
        assert caught.value.code == "K311"
        with pytest.raises(ScoringInputError) as caught:
            pp46.aspect_quality(100, 101)
        assert caught.value.code == "K312"


class TestPP46SkpValue:
    @pytest.mark.parametrize("tasks, points", [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (25, 3)])
    def test_extra_task_points(self, tasks: int, points: int) -> None:
        assert pp46.extra_task_points(tasks).value == points

    @pytest.mark.parametrize("level, points", [(None, 0), ("unit-kerja", 3), ("organisasi", 6), ("negara", 12)])
    def test_default_creativity_points(self, level: str | None, points: int) -> None:
        figure = pp46.creativity_points(level)
        assert figure.value == points
        assert inputs(figure)["option:creativity_points"] == dict(pp46.DEFAULT_CREATIVITY_POINTS)

    def test_creativity_points_are_configurable(self) -> None:
        options = Options({"creativity_points": {"unit-kerja": 2, "organisasi": 4, "negara": 8}})
        figure = pp46.creativity_points("negara", options)
        assert figure.value == 8
        assert inputs(figure)["option:creativity_points"]["negara"] == 8

    def test_unknown_creativity_level(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.creativity_points("dunia")
        assert caught.value.code == "K313"

    def test_skp_value_adds_extra_tasks_and_creativity(self) -> None:
        act = published_activity()
        skp = pp46.skp_value([act, act], extra_tasks=5, creativity_level="unit-kerja")
        assert skp.value == d("85.5") + 2 + 3
        assert skp.rounded == d("90.50")

    def test_no_activity(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.skp_value([])
        assert caught.value.code == "K317"


FIVE = {"orientasi-pelayanan": 80, "integritas": 85, "komitmen": 90, "disiplin": 70, "kerja-sama": 75}


class TestPP46Behaviour:
    def test_five_aspects_for_a_non_structural_post(self) -> None:
        figure = pp46.behaviour(FIVE, structural=False)
        assert figure.value == d(80)
        assert inputs(figure)["option:leadership"] == "structural"

    def test_six_aspects_for_a_structural_post(self) -> None:
        figure = pp46.behaviour({**FIVE, "kepemimpinan": 86}, structural=True)
        assert figure.value == d(486) / 6
        assert figure.rounded == d("81.00")

    def test_leadership_required_for_a_structural_post(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.behaviour(FIVE, structural=True)
        assert caught.value.code == "K318"

    def test_leadership_left_out_for_a_non_structural_post_by_default(self) -> None:
        figure = pp46.behaviour({**FIVE, "kepemimpinan": 20}, structural=False)
        assert figure.value == d(80)
        assert figure.rule is not None and "left out" in figure.rule.en

    def test_leadership_when_given_option(self) -> None:
        options = Options({"leadership": "when-given"})
        figure = pp46.behaviour({**FIVE, "kepemimpinan": 20}, structural=False, options=options)
        assert figure.value == d(420) / 6
        assert inputs(figure)["option:leadership"] == "when-given"

    def test_aspect_names_are_normalised(self) -> None:
        figure = pp46.behaviour({"Orientasi_Pelayanan": 80, "integritas": 85, "komitmen": 90,
                                 "disiplin": 70, "kerja sama": 75}, structural=False)
        assert figure.value == d(80)

    def test_out_of_range_and_unknown_aspects(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.behaviour({**FIVE, "disiplin": 101}, structural=False)
        assert caught.value.code == "K312"
        with pytest.raises(ScoringInputError) as caught:
            pp46.behaviour({**FIVE, "kejujuran": 80}, structural=False)
        assert caught.value.code == "K313"

    def test_total_is_60_40(self) -> None:
        figure = pp46.total(d("85.5"), d(80))
        assert figure.value == d("83.3")
        assert figure.rounded == d("83.30")

    def test_total_rounds_half_up(self) -> None:
        figure = pp46.total(d("5.625"), d("5.625"))
        assert figure.value == d("5.625")
        assert figure.rounded == d("5.63")


class TestPP46Predikat:
    @pytest.mark.parametrize("score, expected", [
        ("100", "sangat-baik"), ("91", "sangat-baik"), ("90.99", "baik"), ("90.5", "baik"),
        ("90", "baik"), ("76", "baik"), ("75.5", "cukup"), ("75", "cukup"), ("61", "cukup"),
        ("60.5", "kurang"), ("60", "kurang"), ("51", "kurang"), ("50.5", "buruk"), ("50", "buruk"),
        ("0", "buruk"),
    ])
    def test_bands_with_lower_bound_semantics(self, score: str, expected: str) -> None:
        assert pp46.rating(d(score)).id == expected

    @pytest.mark.parametrize("semantics, score, expected", [
        ("upper-bound", "90.5", "sangat-baik"), ("upper-bound", "90", "baik"), ("upper-bound", "50.5", "kurang"),
        ("upper-bound", "75.01", "baik"), ("round", "90.5", "sangat-baik"), ("round", "90.49", "baik"),
        ("round", "50.5", "kurang"), ("lower-bound", "50.5", "buruk"),
    ])
    def test_gap_semantics_are_configurable(self, semantics: str, score: str, expected: str) -> None:
        rated = pp46.rating(d(score), Options({"band_semantics": semantics}))
        assert rated.id == expected
        assert inputs(rated.figure)["option:band_semantics"] == semantics

    def test_predikat_word_is_in_the_rule(self) -> None:
        figure = pp46.predikat(d("90.5"))
        assert figure.rule is not None and figure.rule.id.startswith("Baik")

    def test_rating_a_figure_uses_its_published_value(self) -> None:
        score = pp46.total(d("90.99"), d("91"))  # raw 90.994, published 90.99
        assert pp46.rating(score).id == "baik"
        score = pp46.total(d("90.995"), d("90.995"))  # published 91.00 (half up)
        assert score.rounded == d("91.00")
        assert pp46.rating(score).id == "sangat-baik"

    def test_bands_are_configurable(self) -> None:
        bands = [{"id": "sangat-baik", "min": 90, "max": None}, {"id": "baik", "min": 75, "max": 89.99},
                 {"id": "cukup", "min": 60, "max": 74.99}, {"id": "kurang", "min": 50, "max": 59.99},
                 {"id": "buruk", "min": None, "max": 49.99}]
        assert pp46.rating(d(90), Options({"predikat_bands": bands})).id == "sangat-baik"

    def test_bad_options(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            pp46.rating(d(80), Options({"band_semantics": "nearest"}))
        assert caught.value.code == "K315"
        with pytest.raises(ScoringInputError):
            pp46.rating(d(80), Options({"predikat_bands": [{"id": "hebat", "min": 0, "max": None}]}))


PP46_ORDER = {"buruk": 0, "kurang": 1, "cukup": 2, "baik": 3, "sangat-baik": 4}


@DETERMINISTIC
@given(amounts("0", "120"), amounts("0", "120"), st.sampled_from(pp46.BAND_SEMANTICS))
def test_pp46_predikat_is_monotone_in_the_score(a: Decimal, b: Decimal, semantics: str) -> None:
    low, high = sorted((a, b))
    options = Options({"band_semantics": semantics})
    assert PP46_ORDER[pp46.rating(low, options).id] <= PP46_ORDER[pp46.rating(high, options).id]


@DETERMINISTIC
@given(amounts("0.01", "1000"), amounts("0", "2000"))
def test_pp46_time_never_exceeds_100(target: Decimal, realised: Decimal) -> None:
    assert pp46.aspect_time(target, realised).value <= 100


# ==================================================================================================
# PP 30/2019 + PermenPANRB 8/2021
# ==================================================================================================

class Test2021Achievement:
    def test_range_80_90_realised_70_is_87_5(self) -> None:
        assert r2021.achievement(r2021.Range(80, 90), 70).value == d("87.5")

    def test_lower_is_better_range_7_8_realised_6_5_is_107(self) -> None:
        figure = r2021.achievement(r2021.Range(7, 8), "6.5", lower_is_better=True)
        assert figure.value == d(750) / 7
        assert figure.rounded == d("107.14")
        assert r2021.whole_percent(figure).rounded == d(107)
        assert figure.rule is not None and "lower bound" in figure.rule.en

    def test_lower_is_better_range_7_8_realised_9_is_87_5(self) -> None:
        figure = r2021.achievement(r2021.Range(7, 8), 9, lower_is_better=True)
        assert figure.value == d("87.5")
        assert figure.rule is not None and "upper bound" in figure.rule.en

    def test_inside_the_range_is_100(self) -> None:
        assert r2021.achievement(r2021.Range(80, 90), 85).value == 100
        assert r2021.achievement(r2021.Range(7, 8), 8, lower_is_better=True).value == 100

    def test_above_a_higher_is_better_range_uses_the_upper_bound(self) -> None:
        assert r2021.achievement(r2021.Range(80, 90), 99).value == d(110)

    def test_92_over_90_is_102_22_not_113(self) -> None:
        figure = r2021.achievement(90, 92)
        assert figure.rounded == d("102.22")
        assert r2021.whole_percent(figure).rounded == d(102)

    def test_lower_is_better_single_target(self) -> None:
        assert r2021.achievement(10, 8, lower_is_better=True).value == d(120)

    def test_zero_target_raises(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2021.achievement(0, 5)
        assert caught.value.code == "K310"
        with pytest.raises(ScoringInputError) as caught:
            r2021.achievement(r2021.Range(0, 0), 5)
        assert caught.value.code == "K310"

    def test_reversed_range_raises(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2021.achievement(r2021.Range(90, 80), 85)
        assert caught.value.code == "K314"


class Test2021Value:
    def test_85_of_85_is_100_percent_and_109(self) -> None:
        ach = r2021.achievement(85, 85)
        assert ach.value == 100
        assert r2021.achievement_value(ach).value == d(109)

    def test_93_of_95_is_98_percent_and_88(self) -> None:
        ach = r2021.achievement(95, 93)
        assert r2021.whole_percent(ach).rounded == d(98)
        value = r2021.achievement_value(ach)
        assert value.value == d(88)
        assert value.rule is not None and "Cukup" in value.rule.id

    def test_maximum_achievable_target_met_is_120(self) -> None:
        value = r2021.achievement_value(r2021.achievement(100, 100), target_is_maximum=True)
        assert value.value == d(120)
        assert inputs(value)["target_maksimal"] is True

    @pytest.mark.parametrize("c, expected", [
        ("0", "0"), ("59", "49"), ("60", "50"), ("79", "69"), ("80", "70"), ("99", "89"), ("100", "109"),
        ("101", "110"), ("110", "120"), ("111", "120"), ("250", "120"), ("99.49", "89"), ("99.5", "109"),
        ("100.5", "110"), ("110.5", "120"),
    ])
    def test_band_edges(self, c: str, expected: str) -> None:
        assert r2021.achievement_value(d(c)).value == d(expected)

    def test_interpolation_inside_a_band(self) -> None:
        value = r2021.achievement_value(d(105))
        assert value.value == d(110) + d(40) / d(9)
        assert value.rounded == d("114.44")
        assert value.formula.en == "110 + (120 − 110) / (110 − 101) × (c − 101)"
        assert r2021.achievement_value(d(30)).formula.en == "c / 59 × 49"

    def test_negative_achievement_counts_as_zero(self) -> None:
        ach = r2021.achievement(10, 25, lower_is_better=True)
        assert ach.value == d(-50)
        value = r2021.achievement_value(ach)
        assert value.value == 0
        assert value.rule is not None and "negative" in value.rule.en

    def test_value_bands_are_configurable(self) -> None:
        bands = [dict(b) for b in r2021.DEFAULT_VALUE_BANDS]
        bands[2] = {"id": "baik", "min": 100, "max": 100, "from": 100, "to": 100}
        value = r2021.achievement_value(d(100), options=Options({"value_bands": bands}))
        assert value.value == 100
        assert inputs(value)["option:value_band"]["from"] == 100


class Test2021SkpAndTotal:
    def test_weighted_value_109_at_40_percent_is_43_6(self) -> None:
        assert r2021.weighted_value(109, 40).value == d("43.6")

    def test_final_skp_59_2_plus_43_6_plus_0_is_102_8(self) -> None:
        skp = r2021.skp_value([d("59.2"), d("43.6")], [])
        assert skp.value == d("102.8")
        assert child(skp, "kinerja_tambahan").value == 0

    @pytest.mark.parametrize("parts, expected, capped", [
        ([], "0", False), (["4", "5"], "9", False), (["4", "6"], "10", False), (["6", "7"], "10", True),
        (["10.01"], "10", True),
    ])
    def test_additional_work_is_capped_at_10(self, parts: list[str], expected: str, capped: bool) -> None:
        figure = r2021.additional_value([d(p) for p in parts])
        assert figure.value == d(expected)
        assert (figure.rule is not None) is capped

    def test_skp_with_capped_additional_work(self) -> None:
        assert r2021.skp_value([d(100)], [d(6), d(7)]).value == d(110)

    def test_periodic_value(self) -> None:
        figure = r2021.periodic_value([d(100), d(90)], [d(110)])
        assert figure.value == d("102.5")

    def test_periodic_value_without_measurable_indicators(self) -> None:
        figure = r2021.periodic_value([d(100), d(90)], [])
        assert figure.value == d(95)
        assert inputs(figure)["option:periodic_without_indicators"] == "action-plans"
        with pytest.raises(ScoringInputError) as caught:
            r2021.periodic_value([d(100)], [], Options({"periodic_without_indicators": "error"}))
        assert caught.value.code == "K317"

    def test_total_70_30_and_60_40(self) -> None:
        assert r2021.total(d(100), d(90)).value == d(97)
        assert r2021.total(d(100), d(90), peers_rate_behaviour=True).value == d(96)


class Test2021Predikat:
    @pytest.mark.parametrize("score, idea, expected", [
        ("120", True, "sangat-baik"), ("110", True, "sangat-baik"), ("110", False, "baik"),
        ("109.99", True, "baik"), ("125", False, "baik"), ("90", False, "baik"), ("89.99", True, "cukup"),
        ("70", False, "cukup"), ("69.99", False, "kurang"), ("50", False, "kurang"),
        ("49.99", False, "sangat-kurang"), ("0", True, "sangat-kurang"),
    ])
    def test_band_edges(self, score: str, idea: bool, expected: str) -> None:
        rated = r2021.rating(d(score), new_idea=idea)
        assert rated.id == expected
        assert inputs(rated.figure)["ide_baru"] is idea

    def test_predikat_figure_has_the_word(self) -> None:
        figure = r2021.predikat(d(112), new_idea=True)
        assert figure.rule is not None and figure.rule.id.startswith("Sangat Baik")


ORDER_2021 = {"sangat-kurang": 0, "kurang": 1, "cukup": 2, "baik": 3, "sangat-baik": 4}


@DETERMINISTIC
@given(amounts("0.01", "100000"), amounts("0", "200000"), amounts("0", "200000"))
def test_more_realisation_never_lowers_a_higher_is_better_achievement(t: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert r2021.achievement(t, low).value <= r2021.achievement(t, high).value


@DETERMINISTIC
@given(amounts("0.01", "1000"), amounts("0.01", "1000"), amounts("0", "2000"), amounts("0", "2000"))
def test_more_realisation_never_lowers_a_higher_is_better_range_achievement(
        x: Decimal, y: Decimal, a: Decimal, b: Decimal) -> None:
    target = r2021.Range(*sorted((x, y)))
    low, high = sorted((a, b))
    assert r2021.achievement(target, low).value <= r2021.achievement(target, high).value


@DETERMINISTIC
@given(amounts("0.01", "1000"), amounts("0", "2000"), amounts("0", "2000"))
def test_more_realisation_never_raises_a_lower_is_better_achievement(t: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert (r2021.achievement(t, low, lower_is_better=True).value
            >= r2021.achievement(t, high, lower_is_better=True).value)


@DETERMINISTIC
@given(amounts("-100", "300"), amounts("-100", "300"))
def test_value_is_monotone_and_between_0_and_120(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    v_low, v_high = r2021.achievement_value(low).value, r2021.achievement_value(high).value
    assert 0 <= v_low <= v_high <= 120


@DETERMINISTIC
@given(amounts("0", "140"), amounts("0", "140"), st.booleans())
def test_2021_predikat_is_monotone_in_the_score(a: Decimal, b: Decimal, idea: bool) -> None:
    low, high = sorted((a, b))
    assert ORDER_2021[r2021.rating(low, new_idea=idea).id] <= ORDER_2021[r2021.rating(high, new_idea=idea).id]
    if r2021.rating(high, new_idea=idea).id == "sangat-baik":
        assert idea


@DETERMINISTIC
@given(st.lists(amounts("0", "15"), max_size=8))
def test_additional_work_never_adds_more_than_10(parts: list[Decimal]) -> None:
    value = r2021.additional_value(parts).value
    assert value == min(sum(parts, Decimal(0)), Decimal(10))


# ==================================================================================================
# PermenPANRB 6/2022
# ==================================================================================================

EXPECTED_MATRIX = {
    ("di-atas", "di-bawah"): "kurang", ("di-atas", "sesuai"): "baik", ("di-atas", "di-atas"): "sangat-baik",
    ("sesuai", "di-bawah"): "kurang", ("sesuai", "sesuai"): "baik", ("sesuai", "di-atas"): "baik",
    ("di-bawah", "di-bawah"): "sangat-kurang", ("di-bawah", "sesuai"): "butuh-perbaikan",
    ("di-bawah", "di-atas"): "butuh-perbaikan",
}
RATINGS = list(r2022.EXPECTATIONS)


class Test2022Matrix:
    @pytest.mark.parametrize("cell, expected", sorted(EXPECTED_MATRIX.items()))
    def test_default_matrix(self, cell: tuple[str, str], expected: str) -> None:
        rated = r2022.predikat(*cell)
        assert rated.id == expected
        assert inputs(rated.figure)["option:matrix"] == "default"

    def test_display_words(self) -> None:
        assert r2022.predikat("sesuai", "di-bawah").word.id == "Kurang/Misconduct"
        assert r2022.EXPECTATIONS["di-atas"].id == "Di Atas Ekspektasi"
        assert r2022.EXPECTATIONS["sesuai"].id == "Sesuai Ekspektasi"
        assert r2022.EXPECTATIONS["di-bawah"].id == "Di Bawah Ekspektasi"
        assert set(r2022.PREDIKAT) == {"sangat-baik", "baik", "butuh-perbaikan", "kurang", "sangat-kurang"}

    def test_matrix_is_configurable(self) -> None:
        matrix = {r: {b: "baik" for b in RATINGS} for r in RATINGS}
        rated = r2022.predikat("di-bawah", "di-bawah", Options({"matrix": matrix}))
        assert rated.id == "baik"
        assert inputs(rated.figure)["option:matrix"] == "configured"

    def test_incomplete_matrix_is_refused(self) -> None:
        matrix = {"di-atas": {"di-atas": "sangat-baik"}}
        with pytest.raises(ScoringInputError) as caught:
            r2022.predikat("di-atas", "di-atas", Options({"matrix": matrix}))
        assert caught.value.code == "K315"

    def test_unknown_rating_id(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2022.predikat("luar-biasa", "sesuai")
        assert caught.value.code == "K313"
        assert "di-atas" in caught.value.message.en

    def test_expectation_rating(self) -> None:
        rated = r2022.expectation("sesuai", dimension="perilaku")
        assert rated.word.en == "Meets Expectations" and rated.figure.value == 2


@DETERMINISTIC
@given(st.sampled_from(RATINGS), st.sampled_from(RATINGS))
def test_matrix_is_total_and_monotone(results: str, behaviour: str) -> None:
    rated = r2022.predikat(results, behaviour)
    assert rated.id in r2022.PREDIKAT
    rank = rated.figure.value
    for better in RATINGS:
        if r2022.expectation(better).figure.value >= r2022.expectation(results).figure.value:
            assert r2022.predikat(better, behaviour).figure.value >= rank
        if r2022.expectation(better).figure.value >= r2022.expectation(behaviour).figure.value:
            assert r2022.predikat(results, better).figure.value >= rank


class Test2022Evaluations:
    PERIODIC = [
        r2022.periodic_evaluation("2024-Q1", "sesuai", "sesuai"),
        r2022.periodic_evaluation("2024-Q2", "di-atas", "di-atas"),
        r2022.periodic_evaluation("2024-Q3", "di-atas", "sesuai"),
        r2022.periodic_evaluation("2024-Q4", "sesuai", "di-atas"),
    ]

    def test_periodic_evaluation_names_its_period(self) -> None:
        ev = self.PERIODIC[1]
        assert ev.rating.id == "sangat-baik"
        assert "2024-Q2" in ev.rating.figure.label.id

    def test_annual_default_is_the_assessors_input_with_evidence(self) -> None:
        annual = r2022.annual_evaluation(self.PERIODIC, "di-atas", "di-atas")
        assert annual.rating.id == "sangat-baik"
        names = [n for n, _ in annual.rating.figure.inputs]
        assert "periodik_2024-Q1" in names and "periodik_2024-Q4" in names
        assert inputs(annual.rating.figure)["option:annual_rule"] == "assessor"

    def test_annual_needs_the_assessors_input_by_default(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2022.annual_evaluation(self.PERIODIC)
        assert caught.value.code == "K318"

    def test_annual_rule_last(self) -> None:
        annual = r2022.annual_evaluation(self.PERIODIC, options=Options({"annual_rule": "last"}))
        assert (annual.results, annual.behaviour) == ("sesuai", "di-atas")
        assert annual.rating.id == "baik"

    def test_annual_rule_mode_with_ties_going_to_the_latest(self) -> None:
        annual = r2022.annual_evaluation(self.PERIODIC, options=Options({"annual_rule": "mode"}))
        # results: sesuai 2, di-atas 2 -> latest is sesuai; behaviour: sesuai 2, di-atas 2 -> di-atas
        assert (annual.results, annual.behaviour) == ("sesuai", "di-atas")

    def test_configured_rule_records_the_assessor(self) -> None:
        annual = r2022.annual_evaluation(self.PERIODIC, "di-bawah", "di-bawah",
                                         options=Options({"annual_rule": "last"}))
        assert annual.rating.id == "baik"
        assert inputs(annual.rating.figure)["penilai_hasil_kerja"] == "di-bawah"

    def test_configured_rule_needs_periods(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2022.annual_evaluation([], options=Options({"annual_rule": "mode"}))
        assert caught.value.code == "K317"

    @pytest.mark.parametrize("organisation, expected", [
        ("istimewa", "di-atas"), ("baik", "sesuai"), ("butuh-perbaikan", "di-bawah"),
        ("kurang", "di-bawah"), ("sangat-kurang", "di-bawah"),
    ])
    def test_unit_head_results_from_the_organisation(self, organisation: str, expected: str) -> None:
        assert r2022.unit_head_results(organisation).id == expected


def codes(warnings: list[r2022.DistributionWarning]) -> list[str]:
    return [w.code for w in warnings]


class Test2022Distribution:
    def test_istimewa_at_most_70_percent_sangat_baik(self) -> None:
        assert codes(r2022.distribution_warnings("istimewa", {"sangat-baik": 7, "baik": 3})) == []
        warnings = r2022.distribution_warnings("istimewa", {"sangat-baik": 8, "baik": 2})
        assert codes(warnings) == ["K601"]
        w = warnings[0]
        assert (w.count, w.total, w.allowed, w.limit_percent) == (8, 10, 7, d(70))
        assert "8 dari 10 pegawai (80%)" in w.message.id and "paling banyak 70% (7 pegawai)" in w.message.id
        assert "8 of 10 employees (80%)" in w.message.en

    def test_baik_needs_some_butuh_perbaikan_or_kurang(self) -> None:
        warnings = r2022.distribution_warnings("baik", {"sangat-baik": 3, "baik": 7})
        assert codes(warnings) == ["K603"]
        assert codes(r2022.distribution_warnings("baik", {"sangat-baik": 2, "baik": 7, "kurang": 1})) == []

    def test_butuh_perbaikan(self) -> None:
        warnings = r2022.distribution_warnings("butuh-perbaikan", {"butuh-perbaikan": 5, "sangat-baik": 2, "baik": 3})
        assert codes(warnings) == ["K602", "K601"]

    def test_kurang(self) -> None:
        ok = {"kurang": 6, "butuh-perbaikan": 1, "sangat-baik": 1, "baik": 2}
        assert codes(r2022.distribution_warnings("kurang", ok)) == []
        assert codes(r2022.distribution_warnings("kurang", {"kurang": 6, "baik": 4})) == ["K602"]

    def test_sangat_kurang(self) -> None:
        ok = {"sangat-kurang": 6, "kurang": 1, "baik": 3}
        assert codes(r2022.distribution_warnings("sangat-kurang", ok)) == []
        bad = {"sangat-kurang": 6, "sangat-baik": 1, "baik": 3}
        assert codes(r2022.distribution_warnings("sangat-kurang", bad)) == ["K602", "K601"]

    def test_small_units_floor_maxima_and_ceil_minima_by_default(self) -> None:
        # 3 employees, at most 70% -> floor(2.1) = 2; at least 60% -> ceil(1.8) = 2
        assert codes(r2022.distribution_warnings("istimewa", {"sangat-baik": 3})) == ["K601"]
        assert codes(r2022.distribution_warnings("istimewa", {"sangat-baik": 2, "baik": 1})) == []
        warnings = r2022.distribution_warnings("butuh-perbaikan", {"butuh-perbaikan": 1, "baik": 2})
        assert codes(warnings) == ["K602"] and warnings[0].allowed == 2

    def test_rounding_is_configurable(self) -> None:
        lenient = Options({"distribution_rounding": "lenient"})
        # 3 employees: at most 70% -> ceil(2.1) = 3; at least 60% -> floor(1.8) = 1
        assert codes(r2022.distribution_warnings("istimewa", {"sangat-baik": 3}, lenient)) == []
        assert r2022.distribution_warnings("butuh-perbaikan", {"butuh-perbaikan": 1, "baik": 2}, lenient) == []
        warnings = r2022.distribution_warnings("butuh-perbaikan", {"baik": 3}, lenient)
        assert codes(warnings) == ["K602"] and warnings[0].allowed == 1 and warnings[0].rounding == "lenient"
        half_up = Options({"distribution_rounding": "half-up"})
        assert codes(r2022.distribution_warnings("istimewa", {"sangat-baik": 3}, half_up)) == ["K601"]

    def test_empty_organisation_has_no_warning(self) -> None:
        assert r2022.distribution_warnings("baik", {}) == []

    def test_unknown_ids(self) -> None:
        with pytest.raises(ScoringInputError):
            r2022.distribution_warnings("hebat", {"baik": 1})
        with pytest.raises(ScoringInputError):
            r2022.distribution_warnings("baik", {"luar-biasa": 1})


class Test2022CreditPoints:
    def test_ahli_pertama_sangat_baik_is_18_75(self) -> None:
        figure = r2022.credit_points("sangat-baik", "ahli-pertama")
        assert figure.value == d("18.75") and figure.rounded == d("18.75")

    def test_two_months_baik_is_2_08(self) -> None:
        figure = r2022.credit_points("baik", "ahli-pertama", 2)
        assert figure.rounded == d("2.08")
        assert figure.value == d("12.5") * 2 / 12

    @pytest.mark.parametrize("level, coefficient", [
        ("pemula", "3.75"), ("terampil", "5"), ("mahir", "12.5"), ("penyelia", "25"),
        ("ahli-pertama", "12.5"), ("ahli-muda", "25"), ("ahli-madya", "37.5"), ("ahli-utama", "50"),
    ])
    def test_coefficients(self, level: str, coefficient: str) -> None:
        assert r2022.credit_points("baik", level).value == d(coefficient)

    @pytest.mark.parametrize("predikat, percent", [
        ("sangat-baik", 150), ("baik", 100), ("butuh-perbaikan", 75), ("kurang", 50), ("sangat-kurang", 25),
    ])
    def test_percentages(self, predikat: str, percent: int) -> None:
        assert r2022.credit_points(predikat, "ahli-utama").value == d(50) * percent / 100

    def test_months_outside_a_year(self) -> None:
        with pytest.raises(ScoringInputError) as caught:
            r2022.credit_points("baik", "ahli-muda", 13)
        assert caught.value.code == "K312"


# ==================================================================================================
# Explanations, error catalogue and the documentation page
# ==================================================================================================

def explained_figures() -> list[Figure]:
    act = published_activity()
    skp = pp46.skp_value([act], 2, "negara")
    beh = pp46.behaviour({**FIVE, "kepemimpinan": 80}, structural=True)
    ach = r2021.achievement(r2021.Range(7, 8), "6.5", lower_is_better=True)
    value = r2021.achievement_value(ach)
    skp21 = r2021.skp_value([r2021.weighted_value(value, 60), r2021.weighted_value(109, 40)], [d(3)])
    return [
        pp46.predikat(pp46.total(skp, beh)),
        pp46.aspect_time(100, 75),
        r2021.predikat(r2021.total(skp21, d(100)), new_idea=True),
        r2021.periodic_value([d(100)], [value]),
        r2022.annual_evaluation([r2022.periodic_evaluation("2024-S1", "sesuai", "sesuai")],
                                "di-atas", "sesuai").rating.figure,
        r2022.unit_head_results("istimewa").figure,
        r2022.credit_points("baik", "ahli-pertama", 2),
    ]


def walk(figure: Figure) -> list[Figure]:
    out = [figure]
    for _, child in figure.children():
        out.extend(walk(child))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_figure_trees_render_with_their_formulas(lang: str) -> None:
    for top in explained_figures():
        text = "\n".join(render(top, lang))
        for figure in walk(top):
            assert figure.formula(lang) in text
            assert figure.label(lang) in text
            assert figure.source
        json.dumps(top.to_dict(lang))


def test_formulas_are_written_in_both_languages() -> None:
    time = pp46.aspect_time(12, 12)
    assert "1,76" in time.formula.id and "1.76" in time.formula.en
    assert render(time, "id")[0].startswith("Aspek waktu")
    assert render(time, "en")[0].startswith("Time aspect")


def test_every_error_code_has_both_messages() -> None:
    for code, (name, template) in {**SCORING_ERRORS, **r2022.DISTRIBUTION_WARNINGS}.items():
        assert code.startswith("K") and len(code) == 4 and name
        assert template.id and template.en


def test_the_shared_error_and_rating_are_reexported() -> None:
    assert r2021.ScoringInputError is pp46.ScoringInputError is r2022.ScoringInputError
    assert r2021.Rating is pp46.Rating is r2022.Rating


def test_documentation_examples_run() -> None:
    page = ROOT / "docs" / "api-scoring.md"
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 20
    assert result.failed == 0
