"""`kinerja score` and `kinerja explain` on a real instance: outputs, schema, errors, atomic writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from conftest import REPO, run_cli

RESULT_SCHEMA = json.loads((REPO / "schemas" / "score-result.schema.json").read_text(encoding="utf-8"))


def test_score_writes_one_json_per_unit_and_a_csv(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores"
    result = run_cli("score", "--output", str(out), cwd=mini)
    assert result.code == 0, result.err
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [".kinerja-output", "2026/dinas-umum.json", "2026/dinas.json", "allowance.csv", "scores.csv"]
    validator = Draft202012Validator(RESULT_SCHEMA)
    for path in out.glob("2026/*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(doc)) == [], path
    rows = list(csv.DictReader(io.StringIO((out / "scores.csv").read_text(encoding="utf-8"))))
    staff = next(r for r in rows if r["employee"] == "e-staf")
    assert staff["predikat"] == "baik" and staff["status"] == "provisional"
    head = next(r for r in rows if r["employee"] == "e-kepala")
    assert head["status"] == "incomplete" and head["predikat"] == ""  # never a silent zero
    assert "penilaian" in head["notes"]


def test_achievement_is_computed_from_the_realisation(mini: Path) -> None:
    docs = run_cli("score", "--format", "json", cwd=mini).json()
    unit = next(d for d in docs if d["unit"] == "dinas-umum")
    staff = next(e for e in unit["employees"] if e["employee"] == "e-staf")
    indicator = staff["indicators"][0]
    assert indicator["realised"] == "96" and indicator["achievement"] == "101.05"


def test_not_available_is_excluded_with_its_reason(mini: Path) -> None:
    path = mini / "contracts/units/dinas-umum/2026/realisations/e-staf/2026-03.yaml"
    path.write_text(path.read_text().replace("    value: 96\n", "    not_available: Server arsip sedang rusak\n"))
    docs = run_cli("score", "--format", "json", "--lang", "en", cwd=mini).json()
    staff = next(e for d in docs for e in d["employees"] if e["employee"] == "e-staf")
    assert staff["indicators"][0]["achievement"] is None
    assert "Server arsip sedang rusak" in staff["indicators"][0]["note"]["text"]


def test_invalid_data_prints_the_report_and_writes_no_scores(mini: Path, tmp_path: Path) -> None:
    skp = mini / "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    skp.write_text(skp.read_text().replace("target: 95", "target: 0"))
    out = tmp_path / "scores"
    result = run_cli("score", "--output", str(out), cwd=mini)
    assert result.code == 1
    assert "K225" in result.err
    assert not out.exists()


def test_unknown_period_is_a_usage_error(mini: Path) -> None:
    assert run_cli("score", "--period", "1999", cwd=mini).code == 2
    assert run_cli("explain", "e-staf", "--period", "1999", cwd=mini).code == 2
    assert run_cli("explain", "nobody", "--period", "2026", cwd=mini).code == 2


def test_explain_prints_formula_inputs_and_source_in_both_languages(mini: Path) -> None:
    english = run_cli("explain", "e-staf", "--period", "2026", "--lang", "en", cwd=mini)
    assert english.code == 0
    assert "R / T × 100%" in english.out and "T = 95, R = 96" in english.out and "PermenPANRB" in english.out
    indonesian = run_cli("explain", "e-staf", "--period", "2026", cwd=mini)
    assert "Pegawai: e-staf" in indonesian.out and "Periode: 2026" in indonesian.out


def test_period_without_a_regime_is_an_error(mini: Path) -> None:
    periods = mini / "contracts/periods.yaml"
    periods.write_text(periods.read_text().replace("    regime: permenpanrb-6-2022\n", ""))
    result = run_cli("score", cwd=mini)
    assert result.code == 1 and "K101" in result.err and "regime" in result.err


def test_existing_output_is_replaced_whole(mini: Path, tmp_path: Path) -> None:
    # An output of an earlier version (no marker yet; only what `score --output` writes) is ours.
    out = tmp_path / "scores"
    (out / "2025").mkdir(parents=True)
    (out / "2025" / "stale.json").write_text("{}")
    (out / "scores.csv").write_text("old")
    assert run_cli("score", "--output", str(out), cwd=mini).code == 0
    assert not (out / "2025").exists() and (out / "scores.csv").read_text() != "old"
    assert (out / ".kinerja-output").is_file()


def _with_allowance(mini: Path) -> Path:
    rule = mini / "contracts/allowance/tpp-contoh.yaml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    rule.write_text((REPO / "contracts/allowance/tpp-contoh.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    periods = mini / "contracts/periods.yaml"
    periods.write_text(periods.read_text() + "    allowance_rule: tpp-contoh\n")
    return rule


def test_allowance_rule_with_overlapping_dates_is_an_error(mini: Path) -> None:
    rule = _with_allowance(mini)
    rule.write_text(rule.read_text().replace('effective_to: "2025-12-31"', 'effective_to: "2026-06-30"'))
    result = run_cli("validate", "--format", "json", cwd=mini)
    assert result.code == 1
    found = [p for p in result.json()["problems"] if p["code"] == "K501"]
    assert found and found[0]["file"] == "contracts/allowance/tpp-contoh.yaml" and found[0]["line"]


def _attendance(mini: Path, row: str) -> None:
    attendance = mini / "contracts/attendance/2026-02/dinas-umum.csv"
    attendance.parent.mkdir(parents=True)
    attendance.write_text("employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4,sanction\n"
                          + row + "\n", encoding="utf-8")


def test_monthly_allowance_from_attendance(mini: Path) -> None:
    _with_allowance(mini)
    _attendance(mini, "e-staf,2026-02,20,2,0,0,0,0,0,0,0,0,")
    assert run_cli("validate", cwd=mini).code == 0
    docs = run_cli("score", "--format", "json", "--lang", "en", cwd=mini).json()
    staff = next(e for d in docs for e in d["employees"] if e["employee"] == "e-staf")
    (month,) = [row for row in staff["allowance"] if row.get("month") == "2026-02"]
    gross, net = month["gross"], month["net"]
    assert 0 < float(net) < float(gross)
    assert month["explanation"]["rounded"] == net  # the tree behind the net amount, written once
    assert "performance" in month["explanation"]["inputs"]
    assert any("2" in d["label"] for d in month["deductions"])  # the two days absent are named
    unit = next(d for d in docs if d["unit"] == "dinas-umum")
    assert unit["allowance_totals"]["count"] == 1


def test_attendance_for_an_unknown_employee_is_reported(mini: Path) -> None:
    _with_allowance(mini)
    _attendance(mini, "e-hantu,2026-02,20,x,0,0,0,0,0,0,0,0,")
    result = run_cli("validate", "--format", "json", cwd=mini)
    codes = {p["code"] for p in result.json()["problems"]}
    assert result.code == 1 and "K522" in codes


def test_generator_reproduces_the_committed_demo(tmp_path: Path) -> None:
    assert run_cli("generate", "--out", str(tmp_path)).code == 0
    ours = {p.relative_to(REPO / "contracts").as_posix(): p.read_bytes()
            for p in (REPO / "contracts").rglob("*") if p.is_file()}
    made = {p.relative_to(tmp_path / "contracts").as_posix(): p.read_bytes()
            for p in (tmp_path / "contracts").rglob("*") if p.is_file()}
    assert made == ours


def test_demo_is_valid_and_every_predikat_occurs() -> None:
    assert run_cli("validate", "--strict", cwd=REPO).code == 0
    rows = list(csv.DictReader(io.StringIO(run_cli("score", "--format", "csv", cwd=REPO).out)))
    by_regime: dict[str, set[str]] = {}
    for row in rows:
        by_regime.setdefault(row["regime"], set()).add(row["predikat"])
    assert {"sangat-baik", "baik", "cukup", "kurang", "buruk"} <= by_regime["pp46-2011"]
    assert {"sangat-baik", "baik", "cukup", "kurang", "sangat-kurang"} <= by_regime["permenpanrb-8-2021"]
    assert {"sangat-baik", "baik", "butuh-perbaikan", "kurang", "sangat-kurang"} <= by_regime["permenpanrb-6-2022"]


def test_fast_and_reference_emitters_agree_on_the_demo() -> None:
    from kinerja.load import yamlsafe

    for path in sorted((REPO / "contracts" / "units").rglob("*.yaml"))[:200]:
        data, problems = yamlsafe.load_bytes(path.read_bytes(), str(path))
        assert not problems
        assert yamlsafe.dump(data) == yamlsafe.dump(data, fast=True), path


def test_demo_scores_match_the_reviewed_golden_file() -> None:
    """Every demo employee's status, predikat and numbers, as reviewed against the generator's plan
    (scripts/kinerja/generate/plan.py). Regenerate deliberately with
    `kinerja score --format csv --lang en > tests/golden/demo-scores.csv` and review the diff."""
    golden = (REPO / "tests" / "golden" / "demo-scores.csv").read_text(encoding="utf-8")
    assert run_cli("score", "--format", "csv", "--lang", "en", cwd=REPO).out == golden


def test_parts_scored_in_forked_processes_equal_the_sequential_run() -> None:
    from kinerja.load import load_tree
    from kinerja.score import engine, output

    province = load_tree(REPO).province
    old = engine.PARALLEL_FROM
    try:
        engine.PARALLEL_FROM = 10**9
        one = engine.score(province)
        engine.PARALLEL_FROM = 0
        two = engine.score(province, workers=2)
    finally:
        engine.PARALLEL_FROM = old
    assert len(one.employees) > 100
    assert output.combined_csv(one, "id") == output.combined_csv(two, "id")
    assert output.allowance_csv(one, "id") == output.allowance_csv(two, "id")
    assert output.unit_documents(province, one, "en") == output.unit_documents(province, two, "en")
