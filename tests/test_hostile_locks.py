"""Issue 12, item 7: locks without side doors — hostile changes to a locked period, each refused by review.

One real Git repository is built per module from tests/fixtures/mini, with a second period: ``2025``
(locked since 2026-01-31, so locked by any clock this suite runs on) next to ``2026`` (locked since
2027-01-31). On main, the 2025 appeal of e-staf is pending, the 2026 one decided, and a BKD-approved
correction exists for 2026. Each case is a branch made from main (or a working tree) and one run of
``kinerja review``, in-process through click's runner; a few run the real CLI as a subprocess. Each asserts
exit code 1, the rule's code on the named file (with a line where the file has lines), and no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from conftest import MINI, run_cli

from kinerja.cli import main

ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
UNIT = "contracts/units/dinas-umum"
PERIODS = "contracts/periods.yaml"
SETTINGS = "contracts/settings.yaml"
ASSESSMENT = f"{UNIT}/2026/assessments/e-staf.yaml"
APPEAL = f"{UNIT}/2026/appeals/e-staf.yaml"            # decided on main
PENDING = f"{UNIT}/2025/appeals/e-staf.yaml"           # pending on main
REALISATION = f"{UNIT}/2026/realisations/e-staf/2026-03.yaml"
OLD_REALISATION = f"{UNIT}/2025/realisations/e-staf/2025-03.yaml"
CORRECTION = f"{UNIT}/2026/corrections/k-001.yaml"
ON_LOCKED = ("--on", "2027-03-01")
PERIOD_2025 = ('  - id: "2025"\n    name: Tahun 2025\n    start: "2025-01-01"\n    end: "2025-12-31"\n'
               "    regime: permenpanrb-6-2022\n    cadence: monthly\n    evaluation_cadence: quarterly\n"
               '    lock_date: "2026-01-31"\n')


def git(repo: Path, *args: str, date: str = "2026-01-25T09:00:00+07:00") -> str:
    env = dict(os.environ, **ISOLATED, GIT_AUTHOR_NAME="Budi Santoso", GIT_AUTHOR_EMAIL="budi@contoh.go.id",
               GIT_COMMITTER_NAME="Budi Santoso", GIT_COMMITTER_EMAIL="budi@contoh.go.id",
               GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout.decode(errors="replace").strip()


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_base(root: Path) -> None:
    """The mini instance plus a locked 2025 period (a copy of 2026), a pending 2025 appeal, a 2026
    assessment of e-kabid (no appeal yet) and an approved 2026 correction."""
    shutil.copytree(MINI, root)
    edit(root, PERIODS, "periods:\n", "periods:\n" + PERIOD_2025)
    for unit in (root / "contracts/units").iterdir():
        for source in sorted((unit / "2026").rglob("*.yaml")):
            target = unit / "2025" / source.relative_to(unit / "2026").as_posix().replace("2026", "2025")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source.read_text(encoding="utf-8").replace("2026", "2025"), encoding="utf-8")
    edit(root, PENDING, 'decision: rejected\ndecided_by: e-kepala\ndecided_on: "2025-04-30"\n'
         "decision_reasons: Realisasi sudah diperhitungkan.\n", "decision: pending\n")
    kabid = (root / ASSESSMENT).read_text(encoding="utf-8")
    (root / f"{UNIT}/2026/assessments/e-kabid.yaml").write_text(
        kabid.replace("employee: e-staf", "employee: e-kabid").replace("assessor: e-kabid", "assessor: e-kepala"),
        encoding="utf-8")
    (root / CORRECTION).parent.mkdir(parents=True)
    (root / CORRECTION).write_text('unit: dinas-umum\nperiod: "2026"\nemployee: e-staf\n'
                                   "reasons: Nilai realisasi Maret salah ketik (96 tertulis 69).\n"
                                   'approved_by: e-kepala\napproved_on: "2027-02-20"\n', encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Data awal")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("locks") / "repo"
    build_base(root)
    return root


# --- what a case changes ----------------------------------------------------------------------------------
Change = Callable[[Path], None]


def replace_in(rel: str, old: str, new: str) -> Change:
    return lambda root: edit(root, rel, old, new)


def delete(rel: str) -> Change:
    return lambda root: (root / rel).unlink()


def move(rel: str, new_rel: str) -> Change:
    def apply(root: Path) -> None:
        (root / new_rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).rename(root / new_rel)
    return apply


def write(rel: str, text: str) -> Change:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return apply


def symlink(rel: str, target: str) -> Change:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)
    return apply


def both(*changes: Change) -> Change:
    def apply(root: Path) -> None:
        for change in changes:
            change(root)
    return apply


NEW_APPEAL = ('employee: e-kabid\nperiod: "2026"\nresult_received: "2026-04-10"\nfiled: "2026-04-20"\n'
              "reasons: Rating perilaku tidak sesuai catatan kinerja.\n")
DECISION = 'decided_by: e-kepala\ndecided_on: "2026-02-10"\ndecision_reasons: Catatan Maret diperhitungkan ulang.\n'
RAISE_ASSESSMENT = replace_in(ASSESSMENT, "results: sesuai", "results: di-atas")
RAISE_OLD_ASSESSMENT = replace_in(f"{UNIT}/2025/assessments/e-staf.yaml", "results: sesuai", "results: di-atas")


@dataclass
class Case:
    """One hostile change: what it does, how the review is run, the code it must get on which file."""

    id: str
    change: Change
    code: str
    file: str
    args: tuple[str, ...] = ON_LOCKED
    located: bool = True
    also: tuple[tuple[str, str], ...] = ()
    date: str = "2027-03-01T10:00:00+07:00"
    words: str = ""
    worktree: bool = False


CASES = [
    # (a) every file kind of a locked period is locked, appeals and corrections included
    Case("edit-locked-realisation", replace_in(REALISATION, "value: 96", "value: 99"), "K703", REALISATION,
         words="no appeal decision or BKD correction"),
    Case("delete-locked-file", delete(REALISATION), "K703", REALISATION, located=False),
    Case("rename-locked-file", move(REALISATION, REALISATION.replace("2026-03", "2026-04")), "K703",
         REALISATION.replace("2026-03", "2026-04"), located=False),
    Case("move-file-out-of-locked-period", move(REALISATION, f"{UNIT}/2027/realisations/e-staf/2026-03.yaml"), "K703",
         REALISATION, located=False),
    Case("move-file-to-another-employee", move(ASSESSMENT, f"{UNIT}/2025/assessments/e-kabid.yaml"), "K703",
         ASSESSMENT, located=False, also=(("K703", f"{UNIT}/2025/assessments/e-kabid.yaml"),)),
    Case("add-file-in-locked-period", write(f"{UNIT}/2026/realisations/e-staf/2026-05.yaml",
                                            'employee: e-staf\nperiod: "2026"\nreporting_period: "2026-05"\n'
                                            'submitted_on: "2026-06-02"\nentries: []\n'),
         "K703", f"{UNIT}/2026/realisations/e-staf/2026-05.yaml", located=False),
    Case("edit-decided-appeal", replace_in(APPEAL, "Realisasi sudah diperhitungkan.", "Realisasi diperhitungkan ulang."),
         "K716", APPEAL, words="already decided (rejected)"),
    Case("redecide-appeal-to-open-assessment", both(replace_in(APPEAL, "decision: rejected", "decision: accepted"),
                                                    RAISE_ASSESSMENT),
         "K716", APPEAL, also=(("K703", ASSESSMENT),)),
    Case("delete-decided-appeal", delete(APPEAL), "K716", APPEAL, located=False),
    Case("new-appeal-already-decided", write(f"{UNIT}/2026/appeals/e-kabid.yaml", NEW_APPEAL + "decision: accepted\n"
                                             + DECISION),
         "K719", f"{UNIT}/2026/appeals/e-kabid.yaml"),
    Case("new-appeal-too-late", write(f"{UNIT}/2026/appeals/e-kabid.yaml", NEW_APPEAL + "decision: pending\n"),
         "K718", f"{UNIT}/2026/appeals/e-kabid.yaml", words="within 14 days"),
    Case("decision-by-the-wrong-person", replace_in(PENDING, "decision: pending\n", "decision: accepted\n"
                                                    + DECISION.replace("e-kepala", "e-kabid").replace("2026-02", "2025-05")),
         "K721", PENDING, words="'e-kepala' decides it"),
    Case("decision-rewrites-the-filing",
         both(replace_in(PENDING, "decision: pending\n", "decision: accepted\n" + DECISION.replace("2026-02", "2025-05")),
              replace_in(PENDING, 'filed: "2025-04-20"', 'filed: "2025-04-21"')),
         "K720", PENDING, words="(filed)"),
    Case("pending-appeal-edited-not-decided", replace_in(PENDING, "seluruhnya.", "seluruhnya, juga April."),
         "K703", PENDING),
    Case("edit-correction-after-approval", replace_in(CORRECTION, "salah ketik", "keliru"), "K717", CORRECTION,
         located=False),
    Case("delete-correction", delete(CORRECTION), "K717", CORRECTION, located=False),
    Case("correction-edited-to-open-a-record", both(replace_in(CORRECTION, "salah ketik", "keliru"),
                                                    replace_in(REALISATION, "value: 96", "value: 69")),
         "K717", CORRECTION, located=False, also=(("K703", REALISATION),)),
    Case("attendance-of-a-locked-month", write("contracts/attendance/2026-03/dinas-umum.csv",
                                               "employee,workdays,absent_days\ne-staf,22,0\n"),
         "K703", "contracts/attendance/2026-03/dinas-umum.csv", located=False),
    # (b) the period itself, judged by the base's periods.yaml
    Case("move-lock-date-later", both(replace_in(PERIODS, 'lock_date: "2027-01-31"', 'lock_date: "2027-12-31"'),
                                      RAISE_ASSESSMENT),
         "K722", PERIODS, words="lock_date", also=(("K703", ASSESSMENT),)),
    Case("remove-lock-date", replace_in(PERIODS, '    lock_date: "2027-01-31"\n', ""), "K722", PERIODS,
         words="lock_date"),
    Case("change-regime", replace_in(PERIODS, "regime: permenpanrb-6-2022\n    cadence: monthly\n    evaluation_cadence: "
                                     'quarterly\n    lock_date: "2027', "regime: permenpanrb-8-2021\n    cadence: monthly\n"
                                     '    evaluation_cadence: quarterly\n    lock_date: "2027'),
         "K722", PERIODS, words="regime"),
    Case("change-period-end", replace_in(PERIODS, 'end: "2025-12-31"', 'end: "2026-01-31"'), "K722", PERIODS,
         words="end"),
    Case("remove-locked-period", replace_in(PERIODS, PERIOD_2025, ""), "K722", PERIODS, located=False,
         words="the period is removed"),
    # (c) links and other special entries
    Case("symlink-replaces-locked-file", both(write("contracts/units/dinas-umum/2026/draft.yaml", "x: 1\n"),
                                              symlink(REALISATION, "../../draft.yaml")),
         "K723", REALISATION, located=False, also=(("K703", REALISATION),)),
    Case("new-symlink-in-locked-period", symlink(f"{UNIT}/2026/realisations/e-staf/2026-06.yaml",
                                                 "../../../../../../../etc/hostname"),
         "K723", f"{UNIT}/2026/realisations/e-staf/2026-06.yaml", located=False),
    Case("symlinked-period-folder", symlink(f"{UNIT}/2027", "2026"), "K723", f"{UNIT}/2027", located=False),
    # (d) the day of the review: the clock or --on, never the branch
    Case("on-after-lock", RAISE_ASSESSMENT, "K703", ASSESSMENT, args=("--on", "2027-02-01")),
    Case("today-in-branch-settings", both(replace_in(SETTINGS, 'today: "2026-11-27"', 'today: "2025-06-01"'),
                                          RAISE_OLD_ASSESSMENT),
         "K703", f"{UNIT}/2025/assessments/e-staf.yaml", args=()),
    Case("commit-date-in-the-past", RAISE_OLD_ASSESSMENT, "K703", f"{UNIT}/2025/assessments/e-staf.yaml", args=(),
         date="2025-06-01T10:00:00+07:00"),
    Case("commit-date-in-the-future", RAISE_OLD_ASSESSMENT, "K703", f"{UNIT}/2025/assessments/e-staf.yaml", args=(),
         date="2099-01-01T10:00:00+07:00"),
    Case("working-tree-today-in-settings", both(replace_in(SETTINGS, 'today: "2026-11-27"', 'today: "2025-06-01"'),
                                                RAISE_OLD_ASSESSMENT),
         "K703", f"{UNIT}/2025/assessments/e-staf.yaml", args=(), worktree=True),
    Case("working-tree-symlink", symlink(f"{UNIT}/2025/realisations/e-staf/2025-03.yaml", "/dev/zero"),
         "K723", OLD_REALISATION, args=(), worktree=True, located=False),
]


def make_branch(repo: Path, case: Case) -> str:
    """The case's change committed on its own branch from main (main's working tree left as it was)."""
    branch = f"case-{case.id}"
    folder = repo.parent / branch
    git(repo, "worktree", "add", "-q", "-b", branch, str(folder), "main")
    case.change(folder)
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Usulan", date=case.date)
    git(repo, "worktree", "remove", "--force", str(folder))
    return branch


def review(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str, base: str = "main") -> tuple[int, dict, str]:
    """``kinerja review --base BASE … --format json --lang en`` in-process: exit code, the JSON, the output."""
    monkeypatch.chdir(cwd)
    for key, value in ISOLATED.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["review", "--base", base, *args, "--format", "json", "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else {}, result.output


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_change_is_refused(repo: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    if case.worktree:
        folder = repo.parent / f"wt-{case.id}"
        git(repo, "worktree", "add", "-q", "--detach", str(folder), "main")
        case.change(folder)
        code, data, output = review(folder, monkeypatch, *case.args)
    else:
        code, data, output = review(repo, monkeypatch, "--head", make_branch(repo, case), *case.args)
    assert code == 1, output
    found = [(p["code"], p["file"]) for p in data["problems"]]
    for rule, file in ((case.code, case.file), *case.also):
        assert (rule, file) in found, found
    main_problem = next(p for p in data["problems"] if (p["code"], p["file"]) == (case.code, case.file))
    assert main_problem["severity"] == "error" and main_problem["message"] and main_problem["hint"]
    assert case.words in main_problem["message"], main_problem["message"]
    if case.located:
        assert main_problem["line"] is not None, main_problem
    if not case.args:  # no --on: the clock decides, whatever the branch says
        assert data["date"] in {dt.date.today().isoformat(), (dt.date.today() - dt.timedelta(days=1)).isoformat()}


# --- controls: the allowed routes still open a locked period ------------------------------------------------
def test_allowed_routes_pass(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new_appeal = make_branch(repo, Case("new-appeal-in-time", write(f"{UNIT}/2026/appeals/e-kabid.yaml",
                                                                    NEW_APPEAL + "decision: pending\n"), "", ""))
    code, data, output = review(repo, monkeypatch, "--head", new_appeal, "--on", "2026-04-20")
    assert code == 0, output  # (before the 2026 lock: nothing to open)
    code, data, output = review(repo, monkeypatch, "--head", new_appeal, "--on", "2027-03-01")
    assert code == 1 and "K718" in output  # the same appeal after the time limit

    decided = make_branch(repo, Case("decision-by-the-appeal-assessor", both(
        replace_in(PENDING, "decision: pending\n", "decision: accepted\n" + DECISION.replace("2026-02", "2025-05")
                   + "changed_rating:\n  results: di-atas\n"),
        RAISE_OLD_ASSESSMENT), "", ""))
    code, data, output = review(repo, monkeypatch, "--head", decided, "--on", "2026-03-01")
    assert code == 0, output
    allowed = {p["file"] for p in data["problems"] if p["code"] == "K715"}
    assert allowed == {PENDING, f"{UNIT}/2025/assessments/e-staf.yaml"}

    corrected = make_branch(repo, Case("new-correction", both(
        write(f"{UNIT}/2026/corrections/k-002.yaml", 'unit: dinas-umum\nperiod: "2026"\nemployee: e-staf\n'
              "reasons: Keputusan keberatan salah tulis tanggal.\napproved_by: e-kepala\napproved_on: \"2027-02-25\"\n"),
        replace_in(APPEAL, "Realisasi sudah diperhitungkan.", "Realisasi sudah diperhitungkan seluruhnya.")), "", ""))
    code, data, output = review(repo, monkeypatch, "--head", corrected, *ON_LOCKED)
    assert code == 0, output
    assert [p["file"] for p in data["problems"] if p["code"] == "K715"] == [APPEAL]


def test_base_lock_is_what_counts_and_on_before_lock_passes(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    branch = make_branch(repo, Case("raise-before-lock", RAISE_ASSESSMENT, "", ""))
    code, data, output = review(repo, monkeypatch, "--head", branch, "--on", "2027-01-31")
    assert code == 0, output
    assert data["date"] == "2027-01-31"


def test_real_cli_names_file_rule_and_line(repo: Path) -> None:
    """The same refusals through the real command: Markdown for the request, annotations for the host."""
    branch = "case-edit-decided-appeal"
    if not git(repo, "branch", "--list", branch):
        make_branch(repo, CASES[4])
    result = run_cli("review", "--base", "main", "--head", branch, "--on", "2027-03-01", "--lang", "en",
                     cwd=repo, env=ISOLATED)
    assert result.code == 1 and "K716" in result.out and APPEAL in result.out
    annotations = run_cli("review", "--base", "main", "--head", branch, "--on", "2027-03-01", "--format", "github",
                          cwd=repo, env=ISOLATED)
    assert annotations.code == 1
    assert f"::error file={APPEAL},line=" in annotations.out and "K716" in annotations.out


def test_on_must_be_a_date(repo: Path) -> None:
    result = run_cli("review", "--base", "main", "--on", "besok", cwd=repo, env=ISOLATED)
    assert result.code == 2 and "--on" in result.err


def test_link_on_the_base_is_refused_when_its_target_changes(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link already on the base, unchanged by the branch, whose (unlocked) target the branch changes; and a
    submodule entry: both named although the diff does not show them as data."""
    link = f"{UNIT}/2026/realisations/e-staf/2026-04.yaml"
    target = f"{UNIT}/2027/draft/2026-04.yaml"
    linked = make_branch(repo, Case("linked-base", both(write(target, "value: 1\n"),
                                                        symlink(link, "../../../2027/draft/2026-04.yaml")), "", ""))
    folder = repo.parent / "change-target"
    git(repo, "worktree", "add", "-q", "-b", "change-target", str(folder), linked)
    (folder / target).write_text("value: 2\n", encoding="utf-8")
    commit = git(folder, "rev-parse", "HEAD")  # any commit id will do for a submodule entry
    git(folder, "update-index", "--add", "--cacheinfo", f"160000,{commit},{UNIT}/2026/skp/sub")
    git(folder, "add", target)
    git(folder, "commit", "-q", "-m", "Ubah target saja")  # (not -a: the submodule has no folder here)
    code, data, output = review(repo, monkeypatch, "--head", "change-target", *ON_LOCKED, base=linked)
    assert code == 1, output
    found = {(p["code"], p["file"]) for p in data["problems"]}
    assert {("K723", link), ("K724", f"{UNIT}/2026/skp/sub")} <= found, found
    assert link not in {c["file"] for c in data["changes"]}  # the link itself did not change


def test_review_warns_about_hidden_text_in_the_changed_files(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review comment carries the text checks of ``validate`` (K245-K247) for the files a change
    reaches, located: a right-to-left override, a zero-width space and a NIP in an evidence title."""
    hidden = "Buku agenda \u202eirateM\u202c 19790523\u2011200703\u20111\u2011173 sura\u200bt"
    branch = make_branch(repo, Case("hidden-text-in-realisation",
                                    replace_in(REALISATION, "Buku agenda Maret", hidden), "", ""))
    code, data, output = review(repo, monkeypatch, "--head", branch, "--on", "2026-04-20")
    found = {p["code"]: p for p in data["problems"] if p["file"] == REALISATION}
    assert {"K245", "K246", "K247"} <= set(found), data["problems"]
    assert all(found[c]["severity"] == "warning" and found[c]["line"] == 10 for c in ("K245", "K246", "K247"))
    assert "19790523" not in output and "\u202e" not in output
