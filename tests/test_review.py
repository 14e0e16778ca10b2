"""Issue 5: proposals through pull requests — review summaries, approvers, locked periods, approvals.

Every test builds a real Git repository in a temporary folder from the small instance in
tests/fixtures/mini (people get Git handles and e-mails), with branches and merges by different authors
at chosen dates, and runs the real CLI as a subprocess.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINI, run_cli

from kinerja.load import load_tree
from kinerja.review import codeowners, history

BUDI = ("Budi Santoso", "budi@contoh.go.id")      # e-kepala: head of the agency, and the BKD head (bkd_unit: dinas)
SRI = ("Sri Wahyuni", "sri@contoh.go.id")         # e-kabid: e-staf's assessor
AGUS = ("Agus Salim", "agus@contoh.go.id")        # e-staf

STAFF_SKP = "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
KABID_SKP = "contracts/units/dinas-umum/2026/skp/e-kabid.yaml"
ASSESSMENT = "contracts/units/dinas-umum/2026/assessments/e-staf.yaml"
APPEAL = "contracts/units/dinas-umum/2026/appeals/e-staf.yaml"
REALISATION = "contracts/units/dinas-umum/2026/realisations/e-staf/2026-03.yaml"
STAFF = "contracts/units/dinas-umum/employees.yaml"

ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, who: tuple[str, str] = BUDI, date: str = "2026-01-25T09:00:00+07:00",
        message: bytes | None = None) -> str:
    """Run git in ``repo`` as ``who`` at ``date`` (author and committer alike)."""
    env = dict(os.environ, **ISOLATED, GIT_AUTHOR_NAME=who[0], GIT_AUTHOR_EMAIL=who[1], GIT_COMMITTER_NAME=who[0],
               GIT_COMMITTER_EMAIL=who[1], GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    proc = subprocess.run(["git", *args], cwd=repo, env=env, input=message, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout.decode(errors="replace").strip()


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit_all(repo: Path, message: str, who: tuple[str, str], date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, who=who, date=date)


def merge(repo: Path, branch: str, who: tuple[str, str], date: str, *approvers: tuple[str, str]) -> None:
    trailers = "".join(f"\nApproved-by: {name} <{email}>" for name, email in approvers)
    git(repo, "checkout", "-q", "main", who=who, date=date)
    git(repo, "merge", "-q", "--no-ff", branch, "-m", f"Merge branch '{branch}'\n{trailers}", who=who, date=date)


def cli(repo: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli(*args, cwd=repo, env=ISOLATED)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The mini instance as a Git repository: one commit on main by the BKD head, dated 25 January 2026."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    for name, handle, (_, email) in (("Budi Santoso", "budis", BUDI), ("Sri Wahyuni", "sriw", SRI),
                                     ("Agus Salim", "aguss", AGUS)):
        unit = "dinas" if handle == "budis" else "dinas-umum"
        edit(root, f"contracts/units/{unit}/employees.yaml", f"name: {name}\n",
             f"name: {name}\n    git: {handle}\n    email: {email}\n")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Data awal", BUDI, "2026-01-25T09:00:00+07:00")
    return root


def propose(repo: Path, branch: str, who: tuple[str, str], date: str, changes: dict[str, tuple[str, str]],
            message: str = "Usulan perubahan") -> None:
    git(repo, "checkout", "-q", "-b", branch, who=who, date=date)
    for rel, (old, new) in changes.items():
        edit(repo, rel, old, new)
    commit_all(repo, message, who, date)


# --- review ---------------------------------------------------------------------------------------------
def test_legitimate_change_is_summarised_and_its_approval_verified(repo: Path) -> None:
    propose(repo, "skp-e-staf", AGUS, "2026-01-28T10:00:00+07:00",
            {STAFF_SKP: ("target: 95", "target: 97")})
    result = cli(repo, "review", "--base", "main", "--head", "skp-e-staf", "--lang", "en")
    assert result.code == 0, result.out + result.err
    out = result.out
    assert "✅ **Valid**" in out
    assert "| `t1 · i1` Persentase surat yang tercatat pada hari yang sama | changed | target | 95 % | 97 % |" in out
    assert "| Sri Wahyuni | @sriw | assessor | 1 |" in out
    assert "K702" in out  # an approved contract changed after the period started: visible, not refused
    assert "lowered" not in out

    data = cli(repo, "review", "--base", "main", "--head", "skp-e-staf", "--format", "json").json()
    assert data["valid"] is True and [c["file"] for c in data["changes"]] == [STAFF_SKP]
    assert data["changes"][0]["approvers"][0]["employee"]["id"] == "e-kabid"

    merge(repo, "skp-e-staf", SRI, "2026-01-29T08:00:00+07:00", SRI)
    verified = cli(repo, "verify-approvals", "--base", "HEAD~1", "--lang", "en")
    assert verified.code == 0, verified.out
    assert "— OK" in verified.out and "approved by: Sri Wahyuni" in verified.out


def test_working_tree_change_and_its_date(repo: Path) -> None:
    edit(repo, STAFF_SKP, "target: 95", "target: 90")
    result = cli(repo, "review", "--base", "main", "--on", "2026-07-01", "--lang", "en")
    assert result.code == 0, result.err
    assert "working tree" in result.out and "date of the change 2026-07-01" in result.out
    assert "95 % | 90 % ⬇️ lowered" in result.out


def test_self_approved_change_is_refused(repo: Path) -> None:
    propose(repo, "skp-sendiri", AGUS, "2026-01-28T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 99")})
    merge(repo, "skp-sendiri", AGUS, "2026-01-28T11:00:00+07:00", AGUS)
    result = cli(repo, "verify-approvals", "--base", "HEAD~1", "--format", "json", "--lang", "en")
    assert result.code == 1
    codes = {p["code"] for c in result.json()["commits"] for p in c["problems"]}
    assert {"K707", "K706"} <= codes


def test_wrong_approver_is_named(repo: Path) -> None:
    propose(repo, "skp-salah", AGUS, "2026-01-28T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 99")})
    merge(repo, "skp-salah", BUDI, "2026-01-28T11:00:00+07:00", BUDI)
    result = cli(repo, "verify-approvals", "--base", "HEAD~1", "--lang", "en")
    assert result.code == 1
    assert "K706" in result.out and "assessor Sri Wahyuni (@sriw)" in result.out
    assert "approved by: Budi Santoso" in result.out


def test_unknown_approver_and_direct_commit(repo: Path) -> None:
    edit(repo, STAFF_SKP, "target: 95", "target: 96")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Langsung ke main\n\nApproved-by: Siapa Saja <siapa@contoh.go.id>",
        who=AGUS, date="2026-02-01T10:00:00+07:00")
    result = cli(repo, "verify-approvals", "--base", "HEAD~1", "--lang", "en")
    assert result.code == 1
    assert "K708" in result.out and "K706" in result.out


def test_target_lowered_mid_period(repo: Path) -> None:
    propose(repo, "turunkan", AGUS, "2026-06-15T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 80")})
    result = cli(repo, "review", "--base", "main", "--head", "turunkan")
    assert result.code == 0, result.out
    assert "K701" in result.out and "95 % → 80 %" in result.out and "⬇️ turun" in result.out
    assert "K702" in result.out and "setelah periode 2026 dimulai" in result.out


# --- locked periods -------------------------------------------------------------------------------------
LOCKED = "2027-03-01T10:00:00+07:00"  # the 2026 period locks on 2027-01-31
ON_LOCKED = ("--on", "2027-03-01")  # the review judges by the clock or --on, never by the commit dates


def test_change_in_a_locked_period_is_refused(repo: Path) -> None:
    propose(repo, "ubah-nilai", SRI, LOCKED, {ASSESSMENT: ("results: sesuai", "results: di-atas")})
    result = cli(repo, "review", "--base", "main", "--head", "ubah-nilai", "--lang", "en", *ON_LOCKED)
    assert result.code == 1
    assert "K703" in result.out and "locked since 2027-01-31" in result.out
    assert "no appeal decision or BKD correction" in result.out
    # The same change before the lock date passes.
    assert cli(repo, "review", "--base", "main", "--head", "ubah-nilai", "--on", "2027-01-15").code == 0


def test_change_in_a_locked_period_with_an_appeal_decision(repo: Path) -> None:
    edit(repo, APPEAL, "decision: rejected\ndecided_by: e-kepala\ndecided_on: \"2026-04-30\"\n", "decision: pending\n")
    edit(repo, APPEAL, "decision_reasons: Realisasi sudah diperhitungkan.\n", "")
    commit_all(repo, "Keberatan diajukan", AGUS, "2026-04-20T09:00:00+07:00")  # pending on main: a decision may follow
    propose(repo, "keberatan", BUDI, LOCKED, {
        ASSESSMENT: ("results: sesuai", "results: di-atas"),
        APPEAL: ("decision: pending\n", 'decision: accepted\ndecided_by: e-kepala\ndecided_on: "2027-02-20"\n'
                 "decision_reasons: Realisasi Maret belum lengkap diperhitungkan.\nchanged_rating:\n  results: di-atas\n"),
    })
    result = cli(repo, "review", "--base", "main", "--head", "keberatan", "--lang", "en", *ON_LOCKED)
    assert result.code == 0, result.out
    assert "K715" in result.out and "the appeal decision contracts/units/dinas-umum/2026/appeals/e-staf.yaml" in result.out
    assert "K703" not in result.out
    assert "| Budi Santoso | @budis | appeal assessor | 1 |" in result.out


def test_change_in_a_locked_period_with_a_correction(repo: Path) -> None:
    correction = repo / "contracts/units/dinas-umum/2026/corrections/k-001.yaml"
    correction.parent.mkdir(parents=True)
    correction.write_text('unit: dinas-umum\nperiod: "2026"\nemployee: e-staf\n'
                          "reasons: Nilai realisasi Maret salah ketik (96 tertulis 69).\n"
                          'approved_by: e-kabid\napproved_on: "2027-02-20"\n', encoding="utf-8")
    propose(repo, "koreksi", SRI, LOCKED, {REALISATION: ("value: 96", "value: 97")})
    refused = cli(repo, "review", "--base", "main", "--head", "koreksi", "--lang", "en", *ON_LOCKED)
    assert refused.code == 1 and "K710" in refused.out and "K703" in refused.out
    assert "BKD head 'e-kepala'" in refused.out

    edit(repo, "contracts/units/dinas-umum/2026/corrections/k-001.yaml", "approved_by: e-kabid", "approved_by: e-kepala")
    commit_all(repo, "Koreksi disetujui BKD", SRI, LOCKED)
    allowed = cli(repo, "review", "--base", "main", "--head", "koreksi", "--lang", "en", *ON_LOCKED)
    assert allowed.code == 0, allowed.out
    assert "K715" in allowed.out and "the correction contracts/units/dinas-umum/2026/corrections/k-001.yaml" in allowed.out
    assert "| Budi Santoso | @budis | BKD | 1 |" in allowed.out


# --- deletions, renames, many units ----------------------------------------------------------------------
def test_deleted_contract_breaks_the_cascade(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "hapus")
    (repo / KABID_SKP).unlink()
    commit_all(repo, "Hapus SKP kabid", SRI, "2026-02-02T10:00:00+07:00")
    result = cli(repo, "review", "--base", "main", "--head", "hapus", "--lang", "en")
    assert result.code == 1
    assert f"(deleted) — `{KABID_SKP}`" in result.out
    assert "| `t1` Tersusunnya rencana kerja bidang umum tepat waktu | removed |" in result.out
    assert "K704" in result.out and "e-staf (t1)" in result.out
    assert "Effects on other files" in result.out and "K205" in result.out and STAFF_SKP in result.out
    assert "| Budi Santoso | @budis | assessor | 1 |" in result.out


def test_renamed_file(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "pindah")
    moved = REALISATION.replace("2026-03", "2026-04")
    git(repo, "mv", REALISATION, moved)
    edit(repo, moved, 'reporting_period: "2026-03"', 'reporting_period: "2026-04"')
    commit_all(repo, "Realisasi April, bukan Maret", AGUS, "2026-05-02T10:00:00+07:00")
    result = cli(repo, "review", "--base", "main", "--head", "pindah", "--lang", "en")
    assert result.code == 0, result.out
    assert f"(moved from `{REALISATION}`) — `{moved}`" in result.out
    data = cli(repo, "review", "--base", "main", "--head", "pindah", "--format", "json").json()
    assert [(c["status"], c["old_path"], c["file"]) for c in data["changes"]] == [("R", REALISATION, moved)]


def add_units(repo: Path, count: int) -> list[str]:
    """``count`` more units under the agency, each with a head whose contract supports the agency head's."""
    units = []
    organisation = (repo / "contracts/organisation.yaml").read_text(encoding="utf-8")
    for i in range(1, count + 1):
        unit = f"bidang-{i}"
        units.append(unit)
        organisation += f"  - id: {unit}\n    name: Bidang {i}\n    type: bidang\n    parent: dinas\n"
        folder = repo / "contracts/units" / unit
        (folder / "2026/skp").mkdir(parents=True)
        (folder / "positions.yaml").write_text(
            f"unit: {unit}\npositions:\n  - id: b{i}-kabid\n    title: Kepala Bidang {i}\n    class: administrator\n"
            f"    head: true\n    reports_to: dinas-kepala\n    summary: Memimpin bidang {i}.\n    duties:\n"
            f"      - id: d1\n        text: Menyusun laporan bidang {i}\n        output: Laporan\n"
            "        unit_of_output: dokumen\n", encoding="utf-8")
        (folder / "employees.yaml").write_text(
            f"unit: {unit}\nemployees:\n  - id: e-b{i}\n    nip: \"19800101200501100{i}\"\n    type: pns\n"
            f"    name: Pegawai {i}\n    git: pegawai{i}\n    assignments:\n      - position: b{i}-kabid\n"
            '        from: "2020-01-01"\n        to: null\n', encoding="utf-8")
        (folder / f"2026/skp/e-b{i}.yaml").write_text(
            f'employee: e-b{i}\nposition: b{i}-kabid\nperiod: "2026"\nstatus: draft\ntargets:\n  - id: t1\n'
            f"    category: main\n    text: Tersusunnya laporan bidang {i}\n    duty: d1\n    supports: t1\n"
            "    indicators:\n      - id: i1\n        text: Jumlah laporan\n        unit: dokumen\n        target: 4\n",
            encoding="utf-8")
    (repo / "contracts/organisation.yaml").write_text(organisation, encoding="utf-8")
    return units


def test_change_spanning_many_units_is_collapsed(repo: Path) -> None:
    units = add_units(repo, 5)
    commit_all(repo, "Bidang baru", BUDI, "2026-01-26T09:00:00+07:00")
    assert cli(repo, "validate").code == 0
    git(repo, "checkout", "-q", "-b", "banyak")
    for i, unit in enumerate(units, 1):
        edit(repo, f"contracts/units/{unit}/2026/skp/e-b{i}.yaml", "target: 4", "target: 6")
    commit_all(repo, "Target laporan naik", BUDI, "2026-01-27T09:00:00+07:00")
    result = cli(repo, "review", "--base", "main", "--head", "banyak", "--lang", "en")
    assert result.code == 0, result.out
    assert result.out.count("<details>") == 5 and result.out.count("</details>") == 5
    assert "| Unit | Files | Items changed | Flags | Errors |" in result.out
    assert "<summary>Bidang 3 (`bidang-3`) — 1 file</summary>" in result.out
    assert "| Budi Santoso | @budis | assessor | 5 |" in result.out


# --- history, encodings, shallow clones ----------------------------------------------------------------------
def test_non_utf8_commit_message(repo: Path) -> None:
    propose(repo, "latin", AGUS, "2026-01-28T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 98")})
    message = "Merge: caf\xe9 r\xe9sum\xe9\n\nApproved-by: Sri Wahyuni <sri@contoh.go.id>\n".encode("latin-1")
    git(repo, "checkout", "-q", "main")
    git(repo, "-c", "i18n.commitEncoding=none", "merge", "-q", "--no-ff", "--no-commit", "latin", who=SRI)
    git(repo, "-c", "i18n.commitEncoding=none", "commit", "-q", "-F", "-", who=SRI,
        date="2026-01-29T10:00:00+07:00", message=message)
    assert b"caf\xe9" in subprocess.run(["git", "log", "-1", "--format=%B"], cwd=repo, capture_output=True).stdout
    verified = cli(repo, "verify-approvals", "--base", "HEAD~1", "--lang", "en")
    assert verified.code == 0, verified.out + verified.err
    assert "Merge: caf\ufffd r\ufffdsum\ufffd — OK" in verified.out
    shown = cli(repo, "show", "contract", "e-staf", "--period", "2026", "--at", "2026-01-30")
    assert shown.code == 0 and "target: 98" in shown.out and "caf\ufffd" in shown.out
    assert cli(repo, "review", "--base", "HEAD~1", "--head", "HEAD").code == 0


def test_contract_in_force_at_a_date(repo: Path) -> None:
    propose(repo, "draf", AGUS, "2026-02-10T10:00:00+07:00", {STAFF_SKP: ("status: approved", "status: draft")})
    edit(repo, STAFF_SKP, "target: 95", "target: 50")
    commit_all(repo, "Draf baru", AGUS, "2026-02-10T10:00:00+07:00")
    merge(repo, "draf", SRI, "2026-02-11T10:00:00+07:00", SRI)
    propose(repo, "setuju", SRI, "2026-03-01T10:00:00+07:00", {STAFF_SKP: ("status: draft", "status: approved")})
    merge(repo, "setuju", SRI, "2026-03-02T10:00:00+07:00", SRI)

    before = history.contract_at(repo, "e-staf", "2026", dt.date(2026, 2, 20))  # the draft is not in force
    assert before is not None and before.data["targets"][0]["indicators"][0]["target"] == 95
    after = history.contract_at(repo, "e-staf", "2026", dt.date(2026, 3, 2))
    assert after is not None and after.data["targets"][0]["indicators"][0]["target"] == 50
    assert history.contract_at(repo, "e-staf", "2026", dt.date(2026, 2, 20), approved_only=False).status == "draft"
    assert history.contract_at(repo, "e-staf", "2026", dt.date(2026, 1, 1)) is None

    shown = cli(repo, "show", "contract", "e-staf", "--period", "2026", "--at", "2026-02-20")
    assert shown.code == 0 and "target: 95" in shown.out and shown.out.startswith(f"# {STAFF_SKP} @ ")
    as_json = cli(repo, "show", "contract", "e-staf", "--period", "2026", "--at", "2026-03-05", "--format", "json").json()
    assert as_json["status"] == "approved" and as_json["subject"] == "Merge branch 'setuju'"
    missing = cli(repo, "show", "contract", "e-staf", "--period", "2026", "--at", "2025-12-31", "--lang", "en")
    assert missing.code == 1 and "no approved SKP" in missing.err


def test_shallow_clone_says_history_is_needed(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "HEAD")
    propose(repo, "lanjut", AGUS, "2026-01-28T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 97")})
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "lanjut", f"file://{repo}", str(shallow))
    for args in (("review", "--base", first), ("verify-approvals", "--base", first),
                 ("show", "contract", "e-staf", "--period", "2026")):
        result = cli(shallow, *args, "--lang", "en")
        assert result.code == 2, (args, result.out, result.err)
        assert "K711" in result.err and "shallow clone" in result.err and "fetch-depth: 0" in result.err


def test_usage_errors_are_clear(repo: Path, mini: Path) -> None:
    result = cli(repo, "review", "--base", "no-such-branch", "--lang", "en")
    assert result.code == 2 and "K712" in result.err and "'no-such-branch'" in result.err
    outside = cli(mini, "review", "--base", "main", "--lang", "en")
    assert outside.code == 2 and "K713" in outside.err


# --- CODEOWNERS -------------------------------------------------------------------------------------------
def test_codeowners_generated_and_stale(repo: Path) -> None:
    result = cli(repo, "codeowners")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "/contracts/units/*/positions.yaml @budis" in lines
    assert "/contracts/units/dinas-umum/*/agreement.yaml @sriw @budis" in lines
    assert "/contracts/units/dinas-umum/*/skp/ @sriw" in lines
    assert "/contracts/units/dinas-umum/*/skp/e-kabid.yaml @budis" in lines  # the head's own assessor
    assert "/contracts/units/dinas/*/skp/e-kepala.yaml" in lines  # nobody in the data: no owner, never themselves

    gitlab = cli(repo, "codeowners", "--format", "gitlab").out
    assert "[Kinerja BKD]" in gitlab and "/contracts/units/*/*/agreement.yaml @budis" in gitlab
    assert "/contracts/units/dinas-umum/*/agreement.yaml @sriw\n" in gitlab

    target = repo / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_text("* @pengelola\n", encoding="utf-8")
    assert cli(repo, "codeowners", "--output", ".github/CODEOWNERS").code == 0
    written = target.read_text(encoding="utf-8")
    assert written.startswith("* @pengelola\n") and "# END kinerja" in written
    assert codeowners.stale_codeowners(load_tree(repo)) == []

    edit(repo, STAFF, "git: sriw", "git: sri-wahyuni")
    stale = codeowners.stale_codeowners(load_tree(repo))
    assert [p.code for p in stale] == ["K705"] and stale[0].file == ".github/CODEOWNERS"
    assert "@sri-wahyuni" in stale[0].message("en") and stale[0].line is not None


# --- incremental checking ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, rel, old, new", [
    ("duty", STAFF_SKP, "duty: d1", "duty: d9"),
    ("superior", KABID_SKP, "id: t1", "id: t7"),
    ("assessor", ASSESSMENT, "assessor: e-kabid", "assessor: e-kepala"),
    ("agreement", "contracts/units/dinas/2026/agreement.yaml", "id: ik1", "id: ik2"),
    ("positions", "contracts/units/dinas-umum/positions.yaml", "reports_to: umum-kabid", "reports_to: dinas-kepala"),
])
def test_incremental_check_matches_full_validation(repo: Path, name: str, rel: str, old: str, new: str) -> None:
    """Only the reached files are loaded and checked; they get exactly the problems a full run gives them."""
    from kinerja.review import engine, gitio, trees
    from kinerja.validate import validate

    propose(repo, name, SRI, "2026-02-02T10:00:00+07:00", {rel: (old, new)})
    with gitio.open_repo(repo) as handle:
        start, head = gitio.resolve(handle, "main"), gitio.resolve(handle, name)
        changes = gitio.diff(handle, start, head, "contracts")
        sides = engine.read(changes, trees.Side(handle, repo, "", start), trees.Side(handle, repo, "", head),
                            trees.Parser(handle))
    assert sides.reached is not None and rel in sides.reached
    full = validate(load_tree(repo, cache=False))
    expected = {(p.code, p.file, p.line) for p in full.problems if p.file in sides.reached}
    assert {(p.code, p.file, p.line) for p in sides.report.problems} == expected
    assert expected, "each case breaks a rule somewhere it reaches"


def test_nothing_changed(repo: Path) -> None:
    result = cli(repo, "review", "--base", "main", "--head", "main", "--lang", "en")
    assert result.code == 0 and "No data file changed." in result.out


def test_every_option_is_documented() -> None:
    from kinerja.cli import main

    docs = (Path(__file__).resolve().parents[1] / "docs" / "proposals.md").read_text(encoding="utf-8")
    for name in ("review", "codeowners", "verify-approvals", "show"):
        command = main.commands[name]
        commands = list(command.commands.values()) if hasattr(command, "commands") else [command]
        for sub in commands:
            for param in sub.params:
                for opt in getattr(param, "opts", []):
                    if opt.startswith("--") and opt != "--help":
                        assert opt in docs, f"kinerja {name} {opt} is not in docs/proposals.md"


def test_partial_check_runs_every_rule() -> None:
    """The review's partial check (kinerja.review.check) must call every rule that a full validation calls."""
    import inspect
    import re

    from kinerja.review import check
    from kinerja.validate import rules

    called = set(re.findall(r"yield from (check_\w+)\(", inspect.getsource(rules.check_all)))
    used = set(re.findall(r"rules\.(check_\w+)\(", inspect.getsource(check)))
    assert called and called == used, called ^ used


def test_a_review_keeps_its_own_parse_cache_beside_the_full_one(repo: Path) -> None:
    """Shards are pruned to what their user read: a review (few files) must not empty the cache a full
    validation filled (every file), nor load it."""
    from kinerja.validate import load_checked

    assert load_checked(repo, workers=1).files_parsed > 10
    propose(repo, "skp-e-staf", AGUS, "2026-01-28T10:00:00+07:00", {STAFF_SKP: ("target: 95", "target: 97")})
    git(repo, "checkout", "-q", "main")
    assert cli(repo, "review", "--base", "main", "--head", "skp-e-staf").code in (0, 1)
    folders = sorted(p.name for p in (repo / ".git" / "kinerja").iterdir())
    assert folders == ["parse", "review"]
    assert load_checked(repo, workers=1).files_parsed == 0  # the full cache is whole
