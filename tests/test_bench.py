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


def test_bench_intake_smoke(tmp_path: Path) -> None:
    """The write-side bench on the demo size, with a SIGKILL mid-rush: the figures are printed, nothing is
    lost, the repository is sound (timings are printed, never asserted)."""
    result = run_cli("bench", "--intake", "--employees", "60", "--workdir", str(tmp_path), "--officers", "4",
                     "--submissions", "12", "--concurrency", "4", "--kill-after", "5")
    assert result.code == 0, result.err
    for line in ("ready after start", "first receipt after start", "submissions per minute", "floor",
                 "latency p50 / p95 / max", "service peak memory", "git fsck                        = ok",
                 "Excel import of one workbook", "SIGKILL after 5 receipts"):
        assert line in result.out, line
    assert "lost submissions                = 0 " in result.out, result.out
    assert "accepted / refused / unanswered = 12 / 0 / 0" in result.out, result.out
    assert "import exit" not in result.out and "note:" not in result.out, result.out
