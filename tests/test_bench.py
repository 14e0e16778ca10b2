"""The benchmark runs end to end on a small province (a smoke test: figures are printed, never asserted)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def test_bench_smoke(tmp_path: Path) -> None:
    result = run_cli("bench", "--employees", "60", "--runs", "1", "--workdir", str(tmp_path), "--check-sample", "20",
                     "--no-install")  # the install step needs the package index: not in a test
    assert result.code == 0, result.err
    for line in ("parse floor (PyYAML C loader)", "validate", "score", "review (one-unit change)",
                 "site build (public)", "plain MkDocs floor", "check-jsonschema (extrapolated)",
                 "validate + score / parse floor", "peak memory",
                 # push → published, cold and warm
                 "push → published", "fresh clone (full history)", "cold: mkdocs build --strict",
                 "cold: save the parse cache (tar)", "warm: restore the parse cache (untar)",
                 "warm: kinerja check-site --mode public", "total warm", "install not measured"):
        assert line in result.out, line
    assert "exit " not in result.out, result.out  # every measured command succeeded
