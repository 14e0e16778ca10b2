"""Tests for the TPP (tambahan penghasilan pegawai, regional performance allowance) rule schema,
the example rule file and the pure engine in ``kinerja.score.allowance``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from kinerja.score.allowance import (
    AllowanceError,
    AllowanceRule,
    Attendance,
    RuleFormatError,
    RuleProblem,
    attendance_from_csv,
    attendance_from_mapping,
    check_attendance,
    check_rule,
    monthly_allowance,
    rule_from_mapping,
    sanction_is_active,
    unit_totals,
    version_for,
)
from kinerja.score.explain import Figure, render

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schemas" / "allowance-rule.schema.json"
EXAMPLE_PATH = ROOT / "contracts" / "allowance" / "tpp-contoh.yaml"


# --------------------------------------------------------------------------------------------------
# Fixtures and helpers


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    return _example()


@pytest.fixture(scope="module")
def rule(example_data: dict[str, Any]) -> AllowanceRule:
    return rule_from_mapping(example_data)


def _example() -> dict[str, Any]:
    data: Any = yaml.safe_load(EXAMPLE_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def codes(problems: list[RuleProblem]) -> list[str]:
    return [p.code for p in problems]


def simple_rule(**version_overrides: Any) -> dict[str, Any]:
    """A small one-version rule mapping (base 1,000,000, split 60/40, 5% a day, TL/PSW bands)."""
    version: dict[str, Any] = {
        "effective_from": "2024-01-01",
        "base": {"by_class": {"pelaksana": 1000000}, "by_grade": {"kelas-7": 4000100}},
        "split": {"performance": 60, "discipline": 40},
        "performance": {
            "by_predikat": {"baik": 100, "butuh-perbaikan": 80, "sangat-kurang": 0},
            "by_score": [
                {"min": 0, "max": 76, "percent": 50},
                {"min": 76, "max": 91, "percent": 90},
                {"min": 91, "max": 120, "percent": 100},
            ],
        },
        "deductions": {
            "absent_day": 5,
            "lateness": [
                {"code": "TL1", "from_minutes": 1, "to_minutes": 31, "percent": 0.5},
                {"code": "TL2", "from_minutes": 31, "to_minutes": 61, "percent": 1},
                {"code": "TL3", "from_minutes": 61, "to_minutes": 91, "percent": 1.25},
                {"code": "TL4", "from_minutes": 91, "percent": 1.5},
            ],
            "early_leave": [
                {"code": "PSW1", "from_minutes": 1, "to_minutes": 31, "percent": 0.5},
                {"code": "PSW2", "from_minutes": 31, "to_minutes": 61, "percent": 1},
                {"code": "PSW3", "from_minutes": 61, "to_minutes": 91, "percent": 1.25},
                {"code": "PSW4", "from_minutes": 91, "percent": 1.5},
            ],
            "sanctions": {"teguran-lisan": {"percent": 10, "months": 1}},
        },
        "deductions_apply_to": "discipline",
        "caps": {"floor": 0, "max_deduction_percent": 100},
    }
    version.update(version_overrides)
    return {
        "id": "tpp-uji",
        "title": "TPP uji",
        "source": {"regulation": "Pengelolaan Keuangan Daerah", "number": "PP 12/2019", "article": "Pasal 58"},
        "versions": [version],
    }


def walk(node: Any, where: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema in a JSON Schema document."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            if key in ("properties", "patternProperties", "$defs"):
                for name, sub in value.items():
                    yield from walk(sub, f"{where}.{key}.{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                yield from walk(value, f"{where}.{key}")
            elif key in ("allOf", "anyOf", "oneOf"):
                for i, sub in enumerate(value):
                    yield from walk(sub, f"{where}.{key}[{i}]")


# --------------------------------------------------------------------------------------------------
# Schema and example file


def test_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://kinerja.example/schemas/allowance-rule.schema.json"
    assert schema["title"] and schema["description"] and schema["x-description-id"]
    validator = Draft202012Validator(schema)
    assert schema["examples"]
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []
        assert check_rule(rule_from_mapping(example)) == []


def test_schema_closes_every_object_and_describes_every_property(schema: dict[str, Any]) -> None:
    for where, sub in walk(schema):
        if sub.get("type") == "object":
            assert sub.get("additionalProperties") is False, where
        for name, prop in sub.get("properties", {}).items():
            assert prop.get("description"), f"{where}.{name} lacks description"
            assert prop.get("x-description-id"), f"{where}.{name} lacks x-description-id"


def test_example_file_validates_against_schema(schema: dict[str, Any], example_data: dict[str, Any]) -> None:
    errors = sorted(Draft202012Validator(schema).iter_errors(example_data), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_example_file_loads_and_passes_checks(rule: AllowanceRule) -> None:
    assert rule.id == "tpp-provinsi-contoh"
    assert len(rule.versions) == 3  # the third (2027) shows weighted performance components
    assert check_rule(rule) == []
    first, second, third = rule.versions
    assert [c.weight for c in third.performance.components] == [60, 20, 20]
    assert first.deductions.time_basis == "bands" and second.deductions.time_basis == "hours"
    assert second.deductions.per_hour() == Decimal(1)


def test_example_file_style() -> None:
    text = EXAMPLE_PATH.read_text(encoding="utf-8")
    assert "Provinsi Contoh" in text
    assert "[ilustratif]" in text and "[sumber]" in text
    yaml11_bools = {"y", "n", "yes", "no", "on", "off", "true", "false"}
    for token in yaml.scan(text):
        assert not isinstance(token, (yaml.AnchorToken, yaml.AliasToken)), token
        if isinstance(token, yaml.ScalarToken) and token.plain and token.value.lower() in yaml11_bools:
            assert token.value in ("true", "false"), f"non-canonical boolean {token.value!r}"
    data = yaml.safe_load(text)
    for version in data["versions"]:
        assert isinstance(version["effective_from"], str)
        assert isinstance(version.get("effective_to", ""), str)


def test_schema_rejects_unquoted_dates_and_unknown_keys(schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema)
    data = _example()
    data["versions"][0]["effective_from"] = date(2020, 1, 1)  # what YAML gives for an unquoted date
    data["versions"][0]["caps"]["bonus"] = 1
    data["versions"][1]["performance"]["by_predikat"]["istimewa"] = 100
    messages = [e.message for e in validator.iter_errors(data)]
    assert len(messages) >= 3


# --------------------------------------------------------------------------------------------------
# Reading a rule


def test_rule_from_mapping_reports_shape_errors_with_paths() -> None:
    data = simple_rule()
    data["versions"][0]["effective_from"] = date(2024, 1, 1)
    data["versions"][0]["split"]["bonus"] = 5
    data["versions"][0]["deductions_apply_to"] = "gaji"
    data["versions"][0]["performance"]["by_predikat"]["istimewa"] = 100
    with pytest.raises(RuleFormatError) as info:
        rule_from_mapping(data)
    paths = {p.path for p in info.value.problems}
    assert {p.code for p in info.value.problems} == {"K500"}
    assert "versions[0].effective_from" in paths
    assert "versions[0].split.bonus" in paths
    assert "versions[0].deductions_apply_to" in paths
    assert "versions[0].performance.by_predikat.istimewa" in paths


def test_rule_from_mapping_rejects_non_mapping() -> None:
    with pytest.raises(RuleFormatError):
        rule_from_mapping([1, 2, 3])  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# Effective dates


def test_effective_date_selection(rule: AllowanceRule) -> None:
    assert version_for(rule, "2019-12-31") is None
    v2020 = version_for(rule, "2020-01-01")
    assert v2020 is not None and v2020.effective_from == date(2020, 1, 1)
    v_end = version_for(rule, date(2025, 12, 31))
    assert v_end is v2020
    v2026 = version_for(rule, "2026-01")
    assert v2026 is not None and v2026.effective_from == date(2026, 1, 1)
    assert version_for(rule, "2026-12-31") is v2026
    v2027 = version_for(rule, "2040-06-15")
    assert v2027 is not None and v2027.effective_from == date(2027, 1, 1)
    # The month's first day decides: the same attendance gives different rules' numbers.
    att = Attendance(working_days=20, days_absent=Decimal(1))
    dec = monthly_allowance(rule, "pelaksana", "baik", att, "2025-12")
    jan = monthly_allowance(rule, "pelaksana", "baik", att, "2026-01")
    assert dec.effective_from == date(2020, 1, 1) and jan.effective_from == date(2026, 1, 1)
    assert dec.deduction_total.value == Decimal(160000)  # 4% of 4,000,000
    assert jan.deduction_total.value == Decimal(225000)  # 5% of 4,500,000


def test_no_version_in_force_is_an_error(rule: AllowanceRule) -> None:
    with pytest.raises(AllowanceError) as info:
        monthly_allowance(rule, "pelaksana", "baik", Attendance(20), "2019-05")
    assert codes(list(info.value.problems)) == ["K530"]


def test_overlapping_versions_are_reported() -> None:
    data = _example()
    data["versions"][0]["effective_to"] = "2026-03-31"
    problems = check_rule(rule_from_mapping(data))
    assert codes(problems) == ["K501"]
    assert problems[0].path == "versions[1].effective_from"
    # An open-ended older version overlaps every later one.
    del data["versions"][0]["effective_to"]
    assert "K501" in codes(check_rule(rule_from_mapping(data)))


def test_version_gap_is_a_warning_and_inverted_dates_an_error() -> None:
    data = _example()
    data["versions"][0]["effective_to"] = "2025-06-30"
    problems = check_rule(rule_from_mapping(data))
    assert codes(problems) == ["K512"] and problems[0].severity == "warning"
    data["versions"][0]["effective_to"] = "2019-06-30"
    assert "K507" in codes(check_rule(rule_from_mapping(data)))


# --------------------------------------------------------------------------------------------------
# Rule checks


def test_split_must_sum_to_100() -> None:
    data = simple_rule(split={"performance": 70, "discipline": 40})
    problems = check_rule(rule_from_mapping(data))
    assert codes(problems) == ["K502"]
    assert problems[0].path == "versions[0].split"
    assert "110" in problems[0].message("en") and "110" in problems[0].message("id")


def test_score_band_overlap_and_gap() -> None:
    overlap = simple_rule()
    overlap["versions"][0]["performance"]["by_score"][1]["min"] = 70
    assert codes(check_rule(rule_from_mapping(overlap))) == ["K503"]
    gap = simple_rule()
    gap["versions"][0]["performance"]["by_score"][1]["min"] = 80
    assert codes(check_rule(rule_from_mapping(gap))) == ["K504"]
    empty = simple_rule()
    empty["versions"][0]["performance"]["by_score"] = [{"min": 10, "max": 10, "percent": 50}]
    assert "K508" in codes(check_rule(rule_from_mapping(empty)))


def test_minute_band_overlap_gap_and_open_end() -> None:
    data = simple_rule()
    lateness = data["versions"][0]["deductions"]["lateness"]
    lateness[1]["from_minutes"] = 25
    assert codes(check_rule(rule_from_mapping(data))) == ["K505"]
    data = simple_rule()
    data["versions"][0]["deductions"]["early_leave"][2]["from_minutes"] = 65
    problems = check_rule(rule_from_mapping(data))
    assert codes(problems) == ["K506"] and "early_leave" in problems[0].path
    data = simple_rule()
    del data["versions"][0]["deductions"]["lateness"][1]["to_minutes"]
    assert "K509" in codes(check_rule(rule_from_mapping(data)))
    data = simple_rule()
    data["versions"][0]["deductions"]["lateness"][3]["code"] = "TL1"
    assert "K509" in codes(check_rule(rule_from_mapping(data)))


def test_hours_basis_needs_hours_per_day_and_base_and_performance_needed() -> None:
    data = simple_rule()
    data["versions"][0]["deductions"]["time_basis"] = "hours"
    assert codes(check_rule(rule_from_mapping(data))) == ["K510"]
    data = simple_rule(base={}, performance={})
    assert sorted(codes(check_rule(rule_from_mapping(data)))) == ["K511", "K513"]


# --------------------------------------------------------------------------------------------------
# Deductions


def test_absent_days_deduction_with_reason(rule: AllowanceRule) -> None:
    res = monthly_allowance(rule, "pelaksana", "baik", Attendance(21, Decimal(2)), "2024-05", employee="A")
    assert res.gross.value == Decimal(4000000)
    assert res.performance.value == Decimal(2160000)  # 4,000,000 × 60% × 90%
    assert res.discipline.value == Decimal(1600000)
    (absent,) = res.deductions
    assert absent.value == Decimal(320000)  # 2 × 4% of the whole allowance (deductions_apply_to: total)
    assert absent.rule is not None
    assert absent.rule("id") == "2 hari tidak masuk × 4%"
    assert absent.rule("en") == "2 day(s) absent × 4%"
    assert res.net.value == Decimal(2160000 + 1600000 - 320000)
    text = "\n".join(render(res.net, "id"))
    assert "2 hari tidak masuk × 4%" in text
    assert "tpp-provinsi-contoh (2020-01-01); Permentan 68/Permentan/OT.140/11/2012" in text


@pytest.mark.parametrize(
    ("minutes", "code", "percent"),
    [
        (1, "TL1", "0.5"),
        (30, "TL1", "0.5"),
        (31, "TL2", "1"),
        (60, "TL2", "1"),
        (61, "TL3", "1.25"),
        (90, "TL3", "1.25"),
        (91, "TL4", "1.5"),
        (480, "TL4", "1.5"),
    ],
)
def test_each_lateness_band(minutes: int, code: str, percent: str) -> None:
    rule = rule_from_mapping(simple_rule())
    by_minutes = monthly_allowance(rule, "pelaksana", "baik", Attendance(20, late_minutes=(minutes,)), "2024-03")
    by_count = monthly_allowance(rule, "pelaksana", "baik", Attendance(20, late={code: 1}), "2024-03")
    for res in (by_minutes, by_count):
        (item,) = res.deductions
        assert item.key == f"tpp.deduction.{code}"
        # discipline part is 400,000; the deduction is percent of it
        assert item.value == Decimal(400000) * Decimal(percent) / 100
        assert item.rule is not None and code in item.rule("id") and code in item.rule("en")
    assert by_minutes.net.value == by_count.net.value


def test_zero_minutes_is_not_late_and_counts_add_up() -> None:
    rule = rule_from_mapping(simple_rule())
    on_time = monthly_allowance(rule, "pelaksana", "baik", Attendance(20, late_minutes=(0,)), "2024-03")
    assert on_time.deductions == () and on_time.net.value == Decimal(1000000)
    several = monthly_allowance(
        rule, "pelaksana", "baik", Attendance(20, late={"TL1": 3}, late_minutes=(10, 45)), "2024-03"
    )
    items = {f.key: f for f in several.deductions}
    assert items["tpp.deduction.TL1"].value == Decimal(400000) * Decimal("2.0") / 100  # 4 × 0.5%
    assert items["tpp.deduction.TL2"].value == Decimal(4000)  # 1 × 1%


@pytest.mark.parametrize(("code", "percent"), [("PSW1", "0.5"), ("PSW2", "1"), ("PSW3", "1.25"), ("PSW4", "1.5")])
def test_each_early_leave_band(code: str, percent: str) -> None:
    rule = rule_from_mapping(simple_rule())
    res = monthly_allowance(rule, "pelaksana", "baik", Attendance(20, early={code: 2}), "2024-03")
    (item,) = res.deductions
    assert item.value == Decimal(400000) * 2 * Decimal(percent) / 100
    assert item.rule is not None and "pulang sebelum waktunya" in item.rule("id")


def test_sanction_deduction(rule: AllowanceRule) -> None:
    res = monthly_allowance(rule, "pelaksana", "baik", Attendance(21, sanctions=("teguran-tertulis",)), "2023-02")
    (item,) = res.deductions
    assert item.value == Decimal(1200000)  # 30% of 4,000,000
    assert item.rule is not None and "Teguran tertulis" in item.rule("id")
    v2026 = version_for(rule, "2026-02")
    assert v2026 is not None
    res = monthly_allowance(
        rule, "pelaksana", "baik", Attendance(21, sanctions=("potong-tunjangan-6-bulan",)), "2026-02"
    )
    assert res.deduction_total.value == Decimal(1125000)  # 25% of 4,500,000 (PP 94/2021)


def test_sanction_months(rule: AllowanceRule) -> None:
    v = version_for(rule, "2026-01")
    assert v is not None
    assert sanction_is_active(v, "potong-tunjangan-6-bulan", "2026-01", "2026-06")
    assert not sanction_is_active(v, "potong-tunjangan-6-bulan", "2026-01", "2026-07")
    assert not sanction_is_active(v, "potong-tunjangan-6-bulan", "2026-03", "2026-02")
    assert sanction_is_active(v, "potong-tunjangan-12-bulan", "2026-05", "2027-04")
    assert not sanction_is_active(v, "tidak-ada", "2026-01", "2026-01")
    v2020 = version_for(rule, "2021-01")
    assert v2020 is not None and sanction_is_active(v2020, "pemberhentian-banding", "2021-01", "2024-01")


def test_dki_style_two_hours_late_cuts_two_percent(rule: AllowanceRule) -> None:
    """DKI: 1 day = 5% = 5 hours, so 2 hours late cuts 2% of the total allowance."""
    res = monthly_allowance(rule, "pelaksana", "baik", Attendance(21, late_minutes=(45, 75)), "2026-04")
    (item,) = res.deductions
    assert item.key == "tpp.deduction.late-hours"
    percent = dict(item.inputs)["percent"]
    assert isinstance(percent, Figure) and percent.value == Decimal(2)
    assert item.value == Decimal(90000)  # 2% of 4,500,000
    assert item.rule is not None and "120 menit" in item.rule("id") and "2 jam" in item.rule("id")
    half_hour = monthly_allowance(rule, "pelaksana", "baik", Attendance(21, early_minutes=(30,)), "2026-04")
    assert half_hour.deduction_total.value == Decimal(22500)  # 0.5%


def test_discipline_only_deductions() -> None:
    rule = rule_from_mapping(simple_rule())
    res = monthly_allowance(rule, "pelaksana", "baik", Attendance(20, Decimal(2)), "2024-03")
    assert res.performance.value == Decimal(600000)
    assert res.deduction_total.value == Decimal(40000)  # 2 × 5% of the 400,000 discipline part
    assert res.discipline.value == Decimal(360000)
    assert res.net.value == Decimal(960000)


def test_rounding_half_up_keeps_raw() -> None:
    rule = rule_from_mapping(simple_rule())
    # kelas-7 base 4,000,100: discipline part 1,600,040; TL1 0.5% of it = 8,000.2 -> 8,000;
    # 1.25% = 20,000.5 -> 20,001 (half up)
    res = monthly_allowance(rule, "kelas-7", "baik", Attendance(20, late={"TL3": 1}), "2024-03")
    (item,) = res.deductions
    assert item.value == Decimal("20000.5")
    assert item.rounded == Decimal(20001)
    assert res.net.value == Decimal(4000100) - Decimal("20000.5")
    assert res.net.rounded == Decimal(3980100)  # 3,980,099.5 rounds half up


# --------------------------------------------------------------------------------------------------
# Caps


def test_cap_at_100_percent_and_never_negative_total() -> None:
    data = simple_rule(deductions_apply_to="total")
    rule = rule_from_mapping(data)
    res = monthly_allowance(rule, "pelaksana", "butuh-perbaikan", Attendance(22, Decimal(22)), "2024-03")
    assert res.deduction_percent.value == Decimal(100)  # 22 × 5% = 110% capped at 100%
    assert res.deduction_percent.rule is not None and "110" in res.deduction_percent.rule("id")
    # before deductions: 480,000 + 400,000 = 880,000; 100% of gross would be 1,000,000
    assert res.deduction_total.value == Decimal(880000)
    assert res.deduction_total.rule is not None
    assert res.net.value == Decimal(0)


def test_cap_on_discipline_part() -> None:
    rule = rule_from_mapping(simple_rule())
    res = monthly_allowance(
        rule, "pelaksana", "baik", Attendance(22, Decimal(22), sanctions=("teguran-lisan",)), "2024-03"
    )
    assert res.discipline.value == Decimal(0)
    assert res.net.value == res.performance.value == Decimal(600000)


def test_lower_max_deduction_and_floor() -> None:
    data = simple_rule(deductions_apply_to="total", caps={"floor": 0, "max_deduction_percent": 50})
    res = monthly_allowance(rule_from_mapping(data), "pelaksana", "baik", Attendance(22, Decimal(20)), "2024-03")
    assert res.deduction_total.value == Decimal(500000)
    data = simple_rule(deductions_apply_to="total", caps={"floor": 700000, "max_deduction_percent": 100})
    res = monthly_allowance(rule_from_mapping(data), "pelaksana", "baik", Attendance(22, Decimal(20)), "2024-03")
    assert res.net.value == Decimal(700000)
    # a floor does not raise an allowance that performance alone already put below it
    res = monthly_allowance(
        rule_from_mapping(data), "pelaksana", "sangat-kurang", Attendance(22, Decimal(20)), "2024-03"
    )
    assert res.net.value == Decimal(400000) and res.deduction_total.value == Decimal(0)


# --------------------------------------------------------------------------------------------------
# Performance part and errors


def test_performance_by_score_band_lower_bound_semantics(rule: AllowanceRule) -> None:
    assert (
        monthly_allowance(rule, "pelaksana", Decimal("90.5"), Attendance(20), "2021-06").performance_percent.value == 90
    )
    assert monthly_allowance(rule, "pelaksana", 91, Attendance(20), "2021-06").performance_percent.value == 100
    assert monthly_allowance(rule, "pelaksana", 120, Attendance(20), "2021-06").performance_percent.value == 100
    assert monthly_allowance(rule, "pelaksana", 50.5, Attendance(20), "2021-06").performance_percent.value == 50
    with pytest.raises(AllowanceError) as info:
        monthly_allowance(rule, "pelaksana", 130, Attendance(20), "2021-06")
    assert codes(list(info.value.problems)) == ["K532"]


def test_computation_errors_are_located(rule: AllowanceRule) -> None:
    cases: list[tuple[str, Any, Attendance, str, str]] = [
        ("camat", "baik", Attendance(20), "2024-01", "K531"),
        ("pelaksana", "istimewa", Attendance(20), "2024-01", "K532"),
        ("pelaksana", "cukup", Attendance(20), "2026-01", "K532"),  # no Cukup under the 2026 table
        ("pelaksana", "baik", Attendance(20, late={"TL9": 1}), "2024-01", "K533"),
        ("pelaksana", "baik", Attendance(20, sanctions=("skorsing",)), "2024-01", "K534"),
        ("pelaksana", "baik", Attendance(20, late={"TL1": 1}), "2026-01", "K535"),
        ("pelaksana", "baik", Attendance(20, Decimal(21)), "2024-01", "K524"),
        ("pelaksana", "baik", Attendance(20), "Maret 2024", "K523"),
    ]
    for cls, perf, att, month, code in cases:
        with pytest.raises(AllowanceError) as info:
            monthly_allowance(rule, cls, perf, att, month)
        assert code in codes(list(info.value.problems)), (cls, perf, att, month)
        for problem in info.value.problems:
            assert problem.message("id") and problem.message("en") and problem.path


def test_check_attendance_is_empty_for_fitting_input(rule: AllowanceRule) -> None:
    v = version_for(rule, "2024-01")
    assert v is not None
    assert (
        check_attendance(v, Attendance(20, Decimal(1), {"TL1": 2}, {"PSW4": 1}, (5,), (95,), ("teguran-lisan",))) == []
    )


def test_result_to_dict_is_json_and_bilingual(rule: AllowanceRule) -> None:
    res = monthly_allowance(rule, "jpt", "sangat-baik", Attendance(20, Decimal(1)), "2024-01", employee="E1")
    for lang in ("id", "en"):
        out = res.to_dict(lang)
        json.dumps(out)
        assert out["net"] == str(res.net.shown)
        assert out["explanation"]["value"] == str(res.net.value)
    assert res.to_dict("en")["explanation"]["label"] == "Net allowance"
    assert res.to_dict("id")["explanation"]["label"] == "TPP bersih"


def test_unit_totals(rule: AllowanceRule) -> None:
    results = [
        monthly_allowance(rule, "pelaksana", "baik", Attendance(20, Decimal(1)), "2024-01", employee="A"),
        monthly_allowance(rule, "pengawas", "sangat-baik", Attendance(20), "2024-01", employee="B"),
        monthly_allowance(rule, "kelas-9", 80, Attendance(20, late={"TL2": 2}), "2024-01", employee="C"),
    ]
    totals = unit_totals(results)
    assert totals.count == 3
    assert totals.gross.value == sum(r.gross.value for r in results)
    assert totals.deductions.value == sum(r.deduction_total.value for r in results)
    assert totals.net.value == sum(r.net.value for r in results)
    assert totals.net.rounded == sum(r.net.shown for r in results)
    assert [name for name, _ in totals.net.inputs] == ["A 2024-01", "B 2024-01", "C 2024-01"]  # employee and month: unique names
    json.dumps(totals.to_dict("en"))
    empty = unit_totals([])
    assert empty.count == 0 and empty.net.value == 0


# --------------------------------------------------------------------------------------------------
# Properties


VARIANTS = [
    simple_rule(),
    simple_rule(deductions_apply_to="total"),
    simple_rule(deductions_apply_to="total", caps={"floor": 0, "max_deduction_percent": 60}),
    simple_rule(caps={"floor": 150000, "max_deduction_percent": 100}),
]

attendances = st.builds(
    Attendance,
    working_days=st.just(22),
    days_absent=st.decimals(min_value=0, max_value=22, places=1),
    late=st.dictionaries(st.sampled_from(["TL1", "TL2", "TL3", "TL4"]), st.integers(0, 30), max_size=4),
    early=st.dictionaries(st.sampled_from(["PSW1", "PSW2", "PSW3", "PSW4"]), st.integers(0, 30), max_size=4),
    late_minutes=st.lists(st.integers(0, 600), max_size=25).map(tuple),
    early_minutes=st.lists(st.integers(0, 600), max_size=25).map(tuple),
    sanctions=st.lists(st.just("teguran-lisan"), max_size=1).map(tuple),
)
performance_inputs = st.one_of(
    st.sampled_from(["baik", "butuh-perbaikan", "sangat-kurang"]),
    st.decimals(min_value=0, max_value=120, places=2),
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    variant=st.sampled_from(range(len(VARIANTS))),
    cls=st.sampled_from(["pelaksana", "kelas-7"]),
    perf=performance_inputs,
    att=attendances,
)
def test_deductions_never_make_the_allowance_negative_and_net_at_most_gross(
    variant: int, cls: str, perf: Any, att: Attendance
) -> None:
    rule = rule_from_mapping(VARIANTS[variant])
    res = monthly_allowance(rule, cls, perf, att, "2024-07")
    assert res.net.value >= 0
    assert res.net.value <= res.gross.value
    assert res.net.shown <= res.gross.shown
    assert res.deduction_total.value >= 0
    assert res.discipline.value >= 0
    assert res.deduction_percent.value <= rule.versions[0].caps.max_deduction_percent
    assert all(item.value >= 0 for item in res.deductions)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    perf=st.sampled_from(["sangat-baik", "baik", "butuh-perbaikan", "kurang", "sangat-kurang"]),
    att=st.builds(
        Attendance,
        working_days=st.just(22),
        days_absent=st.integers(0, 22).map(Decimal),
        late_minutes=st.lists(st.integers(0, 600), max_size=30).map(tuple),
        early_minutes=st.lists(st.integers(0, 600), max_size=30).map(tuple),
    ),
)
def test_example_rule_hours_basis_properties(perf: str, att: Attendance) -> None:
    rule = rule_from_mapping(_example())
    res = monthly_allowance(rule, "administrator", perf, att, "2026-09")
    assert 0 <= res.net.value <= res.gross.value


@settings(derandomize=True, max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('employ,month;absent_dystl1234psw\n"0123456789-x ')), max_size=300))
def test_csv_parser_never_raises(text: str) -> None:
    _records, problems = attendance_from_csv(text)
    for problem in problems:
        assert problem.row is not None and problem.row >= 1
        assert problem.code.startswith("K52")


# --------------------------------------------------------------------------------------------------
# Attendance parsers

HEADER = "employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4,sanction"


def test_csv_parses_a_good_export() -> None:
    text = (
        "\ufeff"
        + HEADER
        + "\n"
        + "199001012015031001,2026-03,21,2,1,0,0,1,0,0,0,0,teguran-lisan\n"
        + "\n"
        + "P-0002,2026-03,21,0,,,,,1,,,,\n"
    )
    records, problems = attendance_from_csv(text)
    assert problems == []
    assert [r.employee for r in records] == ["199001012015031001", "P-0002"]
    first = records[0].attendance
    assert first.working_days == 21 and first.days_absent == Decimal(2)
    assert first.late == {"TL1": 1, "TL4": 1} and first.early == {}
    assert first.sanctions == ("teguran-lisan",)
    assert records[1].attendance.early == {"PSW1": 1}
    assert records[0].month == "2026-03"


def test_csv_semicolons_decimal_comma_and_minutes() -> None:
    text = (
        "Employee;Month;Working_Days;Absent_Days;TL1;TL2;TL3;TL4;PSW1;PSW2;PSW3;PSW4;late_minutes;early_minutes\n"
        "A;2026-04;20;1,5;0;0;0;0;0;0;0;0;45 75;\n"
    )
    records, problems = attendance_from_csv(text)
    assert problems == []
    (rec,) = records
    assert rec.attendance.days_absent == Decimal("1.5")
    assert rec.attendance.late_minutes == (45, 75)


def test_csv_bad_number_is_located() -> None:
    text = HEADER + "\nA,2026-03,21,0,0,0,0,0,0,0,0,0,\nB,2026-03,21,0,0,dua,0,0,0,0,0,0,\n"
    records, problems = attendance_from_csv(text)
    assert [r.employee for r in records] == ["A"]
    (problem,) = problems
    assert (problem.code, problem.row, problem.column) == ("K522", 3, "tl2")
    assert problem.path == "row 3, column tl2"
    assert "dua" in problem.message("en")


def test_csv_unknown_column_is_located() -> None:
    text = HEADER + ",lembur\nA,2026-03,21,0,0,0,0,0,0,0,0,0,,3\n"
    records, problems = attendance_from_csv(text)
    (problem,) = problems
    assert (problem.code, problem.row, problem.column) == ("K521", 1, "lembur")
    assert len(records) == 1  # the known columns still parse


def test_csv_missing_column_is_located() -> None:
    text = HEADER.replace(",psw4", "") + "\nA,2026-03,21,0,0,0,0,0,0,0,0,\n"
    records, problems = attendance_from_csv(text)
    assert records == []
    (problem,) = problems
    assert (problem.code, problem.row, problem.column) == ("K520", 1, "psw4")


def test_csv_other_row_errors() -> None:
    text = (
        HEADER
        + "\nA,2026-13,21,0,0,0,0,0,0,0,0,0,"
        + "\nB,2026-03,21,25,0,0,0,0,0,0,0,0,"
        + "\nC,2026-03,21,0,0,0,0,0,0,0,0,0,"
        + "\nC,2026-03,21,0,0,0,0,0,0,0,0,0,"
        + "\nD,2026-03,21"
        + "\n,2026-03,21,0,0,0,0,0,0,0,0,0,"
        + "\nE,2026-03,,0,0,0,0,0,0,0,0,0,"
        + "\nF,2026-03,21,-1,0,0,0,0,0,0,0,0,"
        + "\nG,2026-03,21,0,0,0,0,0,0,0,0,0,Teguran Lisan!"
        + "\n"
    )
    records, problems = attendance_from_csv(text)
    found = [(p.code, p.row, p.column) for p in problems]
    assert ("K523", 2, "month") in found
    assert ("K524", 3, "absent_days") in found
    assert ("K525", 5, "employee") in found
    assert ("K528", 6, None) in found
    assert ("K527", 7, "employee") in found
    assert ("K522", 8, "working_days") in found
    assert ("K522", 9, "absent_days") in found
    assert ("K522", 10, "sanction") in found
    assert [r.employee for r in records] == ["C"]


def test_csv_empty_input() -> None:
    records, problems = attendance_from_csv("")
    assert records == [] and codes(problems) == ["K526"]


def test_attendance_from_mapping() -> None:
    data = yaml.safe_load(
        """
attendance:
  - employee: "A"
    month: "2026-03"
    working_days: 21
    absent_days: 1.5
    late: {TL1: 2}
    early: {PSW2: 1}
    late_minutes: [45]
    sanctions: [teguran-lisan]
  - employee: "B"
    month: "2026-3"
    working_days: 21
  - employee: "C"
    month: "2026-03"
    working_days: "dua puluh"
    late: {XX1: 1}
    lembur: 3
"""
    )
    records, problems = attendance_from_mapping(data)
    assert [r.employee for r in records] == ["A"]
    att = records[0].attendance
    assert att.days_absent == Decimal("1.5") and att.late == {"TL1": 2} and att.late_minutes == (45,)
    found = {(p.code, p.row, p.column) for p in problems}
    assert ("K523", 2, "month") in found
    assert ("K522", 3, "working_days") in found
    assert ("K522", 3, "late.XX1") in found
    assert ("K521", 3, "lembur") in found
    assert attendance_from_mapping("nonsense")[1][0].code == "K526"
    rule = rule_from_mapping(_example())
    res = monthly_allowance(rule, "pelaksana", "baik", att, "2025-03")  # band counts need the band version
    assert res.deduction_total.value > 0
    with pytest.raises(AllowanceError):
        monthly_allowance(rule, "pelaksana", "baik", att, records[0].month)  # 2026 counts hours: K535


def test_rows_that_differ_only_in_the_employee_are_parsed_once_and_duplicates_still_found() -> None:
    header = "employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4\n"
    text = header + "A,2024-01,20,0,0,0,0,0,0,0,0,0\nB,2024-01,20,0,0,0,0,0,0,0,0,0\nA,2024-01,20,0,0,0,0,0,0,0,0,0\n" \
        "C,2024-01,20,x,0,0,0,0,0,0,0,0\n"
    records, problems = attendance_from_csv(text)
    assert [r.employee for r in records] == ["A", "B"]
    assert records[0].attendance is records[1].attendance  # one parse, shared
    assert sorted((p.code, p.row) for p in problems) == [("K522", 5), ("K525", 4)]
