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
    assert files == ["2026/dinas-umum.json", "2026/dinas.json", "allowance.csv", "scores.csv"]
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
    out = tmp_path / "scores"
    out.mkdir()
    (out / "stale.json").write_text("{}")
    assert run_cli("score", "--output", str(out), cwd=mini).code == 0
    assert not (out / "stale.json").exists() and (out / "scores.csv").exists()
