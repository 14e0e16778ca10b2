"""Issue 2's bad inputs: each gives a located, plain-language error with its code, exit 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

STAFF = "contracts/units/dinas-umum/employees.yaml"
STAFF_SKP = "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
POSITIONS = "contracts/units/dinas-umum/positions.yaml"
APPEAL = "contracts/units/dinas-umum/2026/appeals/e-staf.yaml"
ASSESSMENT = "contracts/units/dinas-umum/2026/assessments/e-staf.yaml"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def problems(root: Path, *extra: str) -> list[dict]:
    result = run_cli("validate", "--format", "json", "--lang", "en", *extra, cwd=root)
    assert result.code == 1, result.out + result.err
    return result.json()["problems"]


def find(found: list[dict], code: str, file: str) -> dict:
    matches = [p for p in found if p["code"] == code and p["file"] == file]
    assert matches, f"no {code} in {file}: " + "; ".join(f"{p['code']} {p['file']}:{p['line']}" for p in found)
    return matches[0]


def test_demo_fixture_is_valid(mini: Path) -> None:
    result = run_cli("validate", cwd=mini)
    assert result.code == 0, result.out
    assert "Data sah." in result.out


# --- reading and parsing -----------------------------------------------------------------------------
def test_broken_yaml_syntax(mini: Path) -> None:
    edit(mini, STAFF, "    name: Agus Salim", "    name: [Agus Salim")
    item = find(problems(mini), "K003", STAFF)
    assert item["line"] == line_of(mini, STAFF, "name: [Agus Salim") + 1  # the parser notices on the next line
    assert "YAML" in item["message"]


def test_alias_bomb(mini: Path) -> None:
    bomb = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))
    (mini / STAFF).write_text("l0: &l0 [lol]\n" + bomb, encoding="utf-8")
    item = find(problems(mini), "K005", STAFF)
    assert item["line"] == 2


def test_duplicate_key(mini: Path) -> None:
    edit(mini, STAFF, "    name: Agus Salim", "    name: Agus Salim\n    name: Agus Salim Jr")
    item = find(problems(mini), "K006", STAFF)
    assert item["line"] == line_of(mini, STAFF, "Agus Salim Jr")
    assert "twice" in item["message"]


def test_tab_indentation(mini: Path) -> None:
    edit(mini, STAFF, "    name: Agus Salim", "\tname: Agus Salim")
    item = find(problems(mini), "K004", STAFF)
    assert item["line"] == line_of(mini, STAFF, "\tname: Agus Salim")


def test_empty_file(mini: Path) -> None:
    (mini / STAFF_SKP).write_text("", encoding="utf-8")
    assert find(problems(mini), "K007", STAFF_SKP)["line"] == 1


def test_list_where_mapping_belongs(mini: Path) -> None:
    path = mini / STAFF_SKP
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(["- " + lines[0]] + ["  " + line for line in lines[1:]]) + "\n", encoding="utf-8")
    found = problems(mini)
    item = find(found, "K107", STAFF_SKP)
    assert item["line"] == 1
    assert not [p for p in found if p["code"] == "K241"]  # no follow-on noise for the broken SKP


def test_non_utf8_bytes(mini: Path) -> None:
    path = mini / STAFF
    path.write_bytes(path.read_bytes().replace(b"Agus Salim", b"Agus Sal\xedm"))
    item = find(problems(mini), "K001", STAFF)
    assert item["line"] == line_of(mini, STAFF, "Agus Sal")


def test_fifty_megabyte_file(mini: Path) -> None:
    path = mini / STAFF_SKP
    with path.open("ab") as handle:
        handle.write(b"#" * (50 * 1024 * 1024))
    item = find(problems(mini), "K002", STAFF_SKP)
    assert "bytes" in item["message"]


# --- NIP ---------------------------------------------------------------------------------------------------
def test_unquoted_nip(mini: Path) -> None:
    edit(mini, STAFF, 'nip: "199002022015031003"', "nip: 199002022015031003")
    item = find(problems(mini), "K012", STAFF)
    assert item["line"] == line_of(mini, STAFF, "nip: 199002022015031003")
    assert "Quote it" in item["hint"]


def test_nip_with_17_digits(mini: Path) -> None:
    edit(mini, STAFF, '"199002022015031003"', '"19900202201503100"')
    item = find(problems(mini), "K222", STAFF)
    assert item["line"] == line_of(mini, STAFF, "19900202201503100")


def test_nip_birth_month_13(mini: Path) -> None:
    edit(mini, STAFF, '"199002022015031003"', '"199013022015031003"')
    assert find(problems(mini), "K223", STAFF)["line"] == line_of(mini, STAFF, "199013022015031003")


def test_nip_sex_digit_3(mini: Path) -> None:
    edit(mini, STAFF, '"199002022015031003"', '"199002022015033003"')
    assert find(problems(mini), "K224", STAFF)["line"] == line_of(mini, STAFF, "199002022015033003")


def test_pppk_number_is_not_checked_by_the_pns_rule(mini: Path) -> None:
    edit(mini, STAFF, '    nip: "199002022015031003"\n    type: pns', '    nip: "1990020220230310031"\n    type: pppk')
    assert run_cli("validate", cwd=mini).code == 0


# --- references ----------------------------------------------------------------------------------------
def test_unknown_unit(mini: Path) -> None:
    edit(mini, "contracts/organisation.yaml", "    parent: dinas", "    parent: dinas-hilang")
    item = find(problems(mini), "K201", "contracts/organisation.yaml")
    assert item["line"] == line_of(mini, "contracts/organisation.yaml", "dinas-hilang")


def test_unknown_position(mini: Path) -> None:
    edit(mini, STAFF, "position: umum-staf", "position: umum-stafff")
    assert find(problems(mini), "K202", STAFF)["line"] == line_of(mini, STAFF, "umum-stafff")


def test_unknown_duty(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    duty: d1", "    duty: d9")
    item = find(problems(mini), "K204", STAFF_SKP)
    assert item["line"] == line_of(mini, STAFF_SKP, "duty: d9")
    assert "d1" in item["hint"]


def test_unknown_superior_target(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    supports: t1", "    supports: t7")
    assert find(problems(mini), "K205", STAFF_SKP)["line"] == line_of(mini, STAFF_SKP, "supports: t7")


def test_vague_duty(mini: Path) -> None:
    edit(mini, POSITIONS, "text: Mencatat surat masuk dan keluar",
         "text: Melaksanakan tugas lain yang diperintahkan pimpinan")
    item = find(problems(mini), "K207", POSITIONS)
    assert item["line"] == line_of(mini, POSITIONS, "tugas lain yang diperintahkan pimpinan")


@pytest.mark.parametrize("phrase", ["tugas-tugas lain", "dan lain-lain", "dll"])
def test_vague_phrases_from_the_default_list(mini: Path, phrase: str) -> None:
    edit(mini, POSITIONS, "text: Mencatat surat masuk dan keluar", f"text: Mencatat surat, arsip, {phrase}")
    assert find(problems(mini), "K207", POSITIONS)


def test_vague_phrase_list_is_configurable(mini: Path) -> None:
    (mini / "contracts/settings.yaml").write_text(
        (mini / "contracts/settings.yaml").read_text() + "extra_vague_phrases:\n  - sesuai arahan\n", encoding="utf-8")
    edit(mini, POSITIONS, "text: Mencatat surat masuk dan keluar", "text: Mencatat surat sesuai arahan")
    assert find(problems(mini), "K207", POSITIONS)


def test_assessor_not_the_superior(mini: Path) -> None:
    edit(mini, STAFF_SKP, "assessor: e-kabid", "assessor: e-kepala")
    item = find(problems(mini), "K208", STAFF_SKP)
    assert item["line"] == line_of(mini, STAFF_SKP, "assessor: e-kepala")
    assert "e-kabid" in item["message"]


def test_self_assessment(mini: Path) -> None:
    edit(mini, ASSESSMENT, "assessor: e-kabid", "assessor: e-staf")
    assert find(problems(mini), "K209", ASSESSMENT)["line"] == line_of(mini, ASSESSMENT, "assessor: e-staf")


def test_reporting_cycle(mini: Path) -> None:
    edit(mini, "contracts/units/dinas/positions.yaml", "reports_to: null", "reports_to: umum-staf")
    found = problems(mini)
    item = next(p for p in found if p["code"] == "K210")
    assert item["file"] in ("contracts/units/dinas/positions.yaml", POSITIONS)
    assert item["line"] == line_of(mini, item["file"], "reports_to:")
    assert "→" in item["message"]


def test_overlapping_assignments(mini: Path) -> None:
    edit(mini, STAFF, '        from: "2020-01-01"\n        to: null\n  - id: e-staf',
         '        from: "2020-01-01"\n        to: null\n  - id: e-staf')
    edit(mini, STAFF, '      - position: umum-staf\n        from: "2020-01-01"\n        to: null',
         '      - position: umum-staf\n        from: "2020-01-01"\n        to: "2025-12-31"\n'
         '      - position: umum-kabid\n        from: "2025-06-01"\n        to: null')
    item = find(problems(mini), "K211", STAFF)
    assert item["line"] == line_of(mini, STAFF, "2025-06-01")


def test_realisation_outside_its_period(mini: Path) -> None:
    old = mini / "contracts/units/dinas-umum/2026/realisations/e-staf/2026-03.yaml"
    rel = "contracts/units/dinas-umum/2026/realisations/e-staf/2025-12.yaml"
    (mini / rel).write_text(old.read_text().replace('"2026-03"', '"2025-12"'), encoding="utf-8")
    item = find(problems(mini), "K214", rel)
    assert item["line"] == line_of(mini, rel, "reporting_period:")


def test_appeal_after_14_days(mini: Path) -> None:
    edit(mini, APPEAL, 'filed: "2026-04-20"', 'filed: "2026-04-25"')
    item = find(problems(mini), "K215", APPEAL)
    assert item["line"] == line_of(mini, APPEAL, "filed:")
    assert "15 days" in item["message"]


def test_appeal_decided_by_the_wrong_person(mini: Path) -> None:
    edit(mini, APPEAL, "decided_by: e-kepala", "decided_by: e-kabid")
    item = find(problems(mini), "K216", APPEAL)
    assert item["line"] == line_of(mini, APPEAL, "decided_by:")


# --- the run as a whole ----------------------------------------------------------------------------------
def test_every_problem_in_one_run(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    duty: d1", "    duty: d9")
    edit(mini, APPEAL, "decided_by: e-kepala", "decided_by: e-kabid")
    edit(mini, STAFF, '"199002022015031003"', '"199002022015033003"')
    codes = {p["code"] for p in problems(mini)}
    assert {"K204", "K216", "K224"} <= codes


def test_text_report_in_both_languages(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    duty: d1", "    duty: d9")
    indonesian = run_cli("validate", cwd=mini)
    english = run_cli("validate", "--lang", "en", cwd=mini)
    assert indonesian.code == english.code == 1
    assert f"{STAFF_SKP}:" in indonesian.out and "GALAT K204" in indonesian.out and "saran:" in indonesian.out
    assert "ERROR K204" in english.out and "job description" in english.out


def test_github_annotations(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    duty: d9" if False else "    duty: d1", "    duty: d9")
    result = run_cli("validate", "--format", "github", cwd=mini)
    assert result.code == 1
    line = line_of(mini, STAFF_SKP, "duty: d9")
    assert f"::error file={STAFF_SKP},line={line}," in result.out


def test_usage_error_exits_2(mini: Path) -> None:
    assert run_cli("validate", "--format", "xml", cwd=mini).code == 2
    assert run_cli("validate", "no/such/path", cwd=mini).code == 2


def test_no_data_folder_exits_2(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert "contracts/" in result.err


def test_paths_limit_the_report(mini: Path) -> None:
    edit(mini, STAFF_SKP, "    duty: d1", "    duty: d9")
    edit(mini, APPEAL, "decided_by: e-kepala", "decided_by: e-kabid")
    result = run_cli("validate", "--format", "json", STAFF_SKP, cwd=mini)
    files = {p["file"] for p in result.json()["problems"]}
    assert files == {STAFF_SKP}


def _git_instance(mini: Path) -> None:
    import subprocess

    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": __import__("os").environ["PATH"]}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "data"]):
        subprocess.run(cmd, cwd=mini, check=True, env=env, capture_output=True)


def test_parse_cache_skips_unchanged_files_and_sees_every_change(mini: Path) -> None:
    """The cache lives in .git/kinerja, keyed by blob id: a second run parses nothing, a changed file is
    parsed again (and its new problem found), a broken cache is ignored."""
    from kinerja.validate import load_checked, validate

    _git_instance(mini)
    first = load_checked(mini, workers=1)
    assert first.files_parsed == first.files_read - 1 > 10  # settings.yaml is read first, outside the cache
    shards = list((mini / ".git" / "kinerja").rglob("*.pickle"))
    assert shards and not (mini / "contracts" / ".kinerja").exists()
    again = load_checked(mini, workers=1)
    assert again.files_parsed == 0 and validate(again).ok
    skp = next((mini / "contracts" / "units").glob("*/*/skp/*.yaml"))
    skp.write_text(skp.read_text(encoding="utf-8").replace("status:", "statuz:", 1), encoding="utf-8")
    changed = load_checked(mini, workers=1)
    assert changed.files_parsed == 1
    report = validate(changed)
    assert not report.ok and {p.file for p in report.errors} == {skp.relative_to(mini).as_posix()}
    for shard in (mini / ".git" / "kinerja").rglob("*.pickle"):
        shard.write_bytes(b"not a pickle")
    broken = load_checked(mini, workers=1)
    assert broken.files_parsed == broken.files_read - 1 and not validate(broken).ok


def test_parse_cache_one_shard_per_unit_folder_pruned_and_equal_to_a_cold_load(mini: Path) -> None:
    """The full load's cache keeps one shard per unit folder and reads them one at a time: a warm load
    builds the same province as a cold one; a partial load keeps the other files' entries; a unit folder
    that is gone loses its shard."""
    import shutil

    from kinerja.load import load_tree
    from kinerja.validate import load_checked

    _git_instance(mini)
    cold = load_checked(mini, workers=1)
    warm = load_checked(mini, workers=1)
    assert warm.files_parsed == 0
    assert warm.province == cold.province
    assert [(d.kind, d.file, d.keys, d.data) for d in warm.documents] == \
        [(d.kind, d.file, d.keys, d.data) for d in cold.documents]
    folder = next((mini / ".git" / "kinerja" / "parse").iterdir())
    units = sorted(p.name for p in (mini / "contracts" / "units").iterdir() if p.is_dir())
    shards = sorted(folder.glob("*.pickle"))
    assert len(shards) >= len(units)
    one = sorted(str(p.relative_to(mini).as_posix()) for p in (mini / "contracts" / "units" / units[0]).rglob("*.yaml"))
    assert load_tree(mini, files=one[:1], check=None).files_read == 1  # a different cache (unchecked): no effect
    load_checked(mini, files=one[:1], workers=1)
    assert load_checked(mini, workers=1).files_parsed == 0  # the partial load kept the rest of its folder
    shutil.rmtree(mini / "contracts" / "units" / units[-1])
    load_checked(mini, workers=1)
    assert len(list(folder.glob("*.pickle"))) == len(shards) - 1


def _exit_in_child(parent: int) -> int:
    import os

    if os.getpid() != parent:
        os._exit(3)  # the forked process dies (say, out of memory)
    return 42


def test_work_beside_ends_its_process_when_done_and_survives_its_death() -> None:
    """The forked process of ``Beside`` exits as soon as its result is written (a lingering fork keeps
    copies of the pages it touched); if it dies, the result is computed here instead."""
    import os
    import time

    from kinerja.beside import Beside

    done = Beside(sum, [1, 2, 3])
    deadline = time.monotonic() + 30
    while done.process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not done.process.is_alive() and not done.ready  # gone before anyone asked for the result
    assert done.result() == 6 and done.ready and done.path is None
    died = Beside(_exit_in_child, os.getpid())
    assert died.result() == 42 and died.process.exitcode == 3
    assert Beside(sum, [4], fork=False).ready
