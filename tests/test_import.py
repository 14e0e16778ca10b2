"""kinerja import (SIASN, e-Kinerja BKN, attendance), kinerja init --from-siasn, reconcile and export.

The samples in tests/fixtures/imports are synthetic files in the layouts the national systems export;
hypothesis generates more in the same layouts (shuffled and extra columns, metadata rows, Excel serial
dates, apostrophes, blank rows, CSV delimiters or .xlsx). Commands run in-process (click's runner).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import MINI, REPO
from kinerja.cli import main
from kinerja.imports import cleaning, siasn
from kinerja.imports.outcome import ImportFailed, Ledger
from kinerja.imports.table import open_table

SAMPLES = REPO / "tests" / "fixtures" / "imports"
SIASN = SAMPLES / "siasn_data_utama_partial.psv.txt"
NIPS = ["198803152015031002", "199107222019022001", "197901042005011003"]
GIT = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def invoke(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Run the CLI in-process; returns (exit code, stdout + stderr). Never a traceback."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit_all(repo: Path) -> None:
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    """A new instance from the SIASN sample, committed on main."""
    target = tmp_path / "inst"
    code, out = invoke("init", str(target), "--from-siasn", str(SIASN), "--year", "2026")
    assert code == 0, out
    commit_all(target)
    return target


def siasn_text(rows: list[dict[str, str]], header: list[str], delimiter: str = "|") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return buffer.getvalue()


def sample_rows() -> tuple[list[str], list[dict[str, str]]]:
    lines = SIASN.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("|")
    return header, [dict(zip(header, line.split("|"))) for line in lines[1:]]


# --- kinerja init -------------------------------------------------------------------------------------------
def test_init_from_siasn_validates_and_builds_a_site_without_personal_data(tmp_path: Path) -> None:
    target = tmp_path / "inst"
    code, out = invoke("init", str(target), "--from-siasn", str(SIASN), "--year", "2026",
                       "--government", "Pemerintah Kabupaten Contoh")
    assert code == 0, out
    for name in ("contracts/settings.yaml", "contracts/organisation.yaml", "contracts/periods.yaml",
                 "schemas/employees.schema.json", "mkdocs.yml", "docs/index.md"):
        assert (target / name).is_file(), name
    employees = "".join(p.read_text() for p in (target / "contracts" / "units").glob("*/employees.yaml"))
    assert all(f'"{nip}"' in employees for nip in NIPS)          # NIP kept as quoted text
    assert "DE000000000000000000000000000A01" in employees          # the BKN person id
    assert "rank: III/b" in employees and 'from: "2020-02-01"' in employees
    positions = (target / "contracts/units/bkd-bidang-pengembangan-aparatur/positions.yaml").read_text()
    assert "skeleton: true" in positions and "class: fungsional" in positions and "level: ahli-pertama" in positions
    code, out = invoke("validate", str(target))
    assert code == 0 and "K920" in out, out                          # skeletons are listed for the BKD
    env = dict(os.environ, KINERJA_SITE_MODE="public")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=target, env=env,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    site = "".join(p.read_text(errors="ignore") for p in (target / "site").rglob("*") if p.is_file()
                   and p.suffix in (".html", ".csv", ".json"))
    assert "Bidang Pengembangan Aparatur" in site
    for secret in (*NIPS, "PRASETYO", "DE000000000000000000000000000A01", "p00001"):
        assert secret not in site, secret


def test_init_refuses_a_non_empty_folder_and_scaffolds_a_minimal_instance(tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    code, out = invoke("init", str(full))
    assert code == 1 and "K917" in out and (full / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in full.iterdir()) == ["keep.txt"]
    code, out = invoke("init", str(tmp_path / "empty"), "--year", "2027", "--lang", "en")
    assert code == 0, out
    assert invoke("validate", str(tmp_path / "empty"))[0] == 0
    assert '"2027"' in (tmp_path / "empty/contracts/periods.yaml").read_text()


def test_init_with_an_unreadable_master_leaves_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n1,2\n")
    code, out = invoke("init", str(tmp_path / "x"), "--from-siasn", str(bad))
    assert code == 1 and "K901" in out and "bad.csv" in out
    assert not (tmp_path / "x").exists() and [p.name for p in tmp_path.iterdir()] == ["bad.csv"]


# --- kinerja import siasn ---------------------------------------------------------------------------------
def test_reimport_changes_nothing_and_dry_run_writes_nothing(instance: Path, tmp_path: Path) -> None:
    head = git(instance, "rev-parse", "HEAD")
    code, out = invoke("import", "siasn", str(SIASN), "--repo", str(instance), "--lang", "en")
    assert code == 0 and "0 imported, 0 updated, 3 unchanged, 0 skipped" in out and "Nothing changes" in out
    header, rows = sample_rows()
    rows.append(dict(rows[1], **{"PNS ID": "DE000000000000000000000000000A09", "NIP BARU": "'199107222019022005"}))
    changed = tmp_path / "more.csv"
    changed.write_text(siasn_text(rows, header, ";"))
    report = tmp_path / "report.csv"
    code, out = invoke("import", "siasn", str(changed), "--repo", str(instance), "--dry-run", "--report", str(report))
    assert code == 0 and "--dry-run" in out
    assert git(instance, "branch", "--list") .split() == ["*", "main"] and git(instance, "rev-parse", "HEAD") == head
    lines = list(csv.DictReader(report.open()))
    assert [line["status"] for line in lines] == ["unchanged", "unchanged", "unchanged", "imported"]


def test_import_commits_per_unit_on_a_new_branch_without_touching_the_checkout(instance: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    andi = rows[0]
    andi.update({"JABATAN NAMA": "Analis Kepegawaian Ahli Muda", "TMT JABATAN": "01-03-2026",
                 "UNOR NAMA": "Sub Bagian Umum dan Kepegawaian", "SATUAN KERJA KERJA NAMA": "Sekretariat"})
    rows.append(dict(rows[1], **{"PNS ID": "DE000000000000000000000000000A09", "NIP BARU": "'19910722 201902 2 005",
                                 "NAMA": "SARI DEWI"}))
    changed = tmp_path / "changed.psv"
    changed.write_text(siasn_text(rows, header))
    (instance / "contracts" / "NOTES.md").write_text("the user's own file")  # not clean: validated in a copy
    head = git(instance, "rev-parse", "HEAD")
    code, out = invoke("import", "siasn", str(changed), "--repo", str(instance), "--branch", "import/t1", "--lang", "en")
    assert code == 0, out
    assert "4 rows: 1 imported, 1 updated, 2 unchanged, 0 skipped" in out
    assert git(instance, "rev-parse", "HEAD") == head and git(instance, "status", "--porcelain") == "?? contracts/NOTES.md\n"
    log = git(instance, "log", "--format=%s%n%b", "main..import/t1")
    assert "Import siasn: unit bkd-bidang-pengembangan-aparatur" in log
    assert "Import siasn: unit bkd-sub-bagian-umum-dan-kepegawaian" in log
    assert git(instance, "rev-list", "--count", "main..import/t1").strip() == "2"
    for secret in (*NIPS, "199107222019022005", "ANDI", "SARI", "p0000"):
        assert secret not in log
    moved = git(instance, "show", "import/t1:contracts/units/bkd-sub-bagian-umum-dan-kepegawaian/employees.yaml")
    assert 'to: "2026-02-28"' in moved and 'from: "2026-03-01"' in moved and 'nip: "199107222019022005"' in moved
    code, out = invoke("import", "siasn", str(changed), "--repo", str(instance), "--branch", "main")
    assert code == 1 and "K916" in out


def test_an_import_that_would_not_validate_commits_nothing(instance: Path, tmp_path: Path) -> None:
    header, rows = sample_rows()
    rows[0].update({"JABATAN NAMA": "Analis Kepegawaian Ahli Muda", "TMT JABATAN": "01-01-2019"})  # before the current one
    bad = tmp_path / "overlap.psv"
    bad.write_text(siasn_text(rows, header))
    code, out = invoke("import", "siasn", str(bad), "--repo", str(instance), "--branch", "import/bad", "--lang", "en")
    assert code == 1 and "K915" in out and "K211" in out
    assert git(instance, "branch", "--list", "import/bad") == ""


def test_bad_rows_are_skipped_with_their_place(instance: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Data Utama PNS"])                      # a metadata row above the header
    header = ["NIP BARU", "NAMA", "JABATAN NAMA", "UNOR NAMA", "TMT JABATAN", "PNS ID"]
    sheet.append(header)
    sheet.append([198803152015031002, "A", "Analis", "Bidang Pengembangan Aparatur", "01-01-2020", ""])  # number
    sheet.append(["1.98803152015031E+17", "B", "Analis", "Bidang Pengembangan Aparatur", "", ""])       # scientific
    sheet.append(["19880315201503100", "C", "Analis", "Bidang Pengembangan Aparatur", "", ""])          # 17 digits
    sheet.append(["198813152015031002", "D", "Analis", "Bidang Pengembangan Aparatur", "", ""])         # month 13
    sheet.append(["\u00a0'199107222019022001 ", "E", "Pengadministrasi Perkantoran",
                  "Sub Bagian Umum dan Kepegawaian", "", ""])                                        # cleaned
    sheet.append(["199002022015031003", "F", "Analis", "Dinas Tidak Ada", "", ""])                   # unknown unit
    sheet.append(["199002022015031004", "", "Analis", "Bidang Pengembangan Aparatur", "", ""])       # no name
    sheet.append(["199002022015031005", "G", "Analis", "Bidang Pengembangan Aparatur", "32-13-2020", ""])  # date
    sheet.append(["199002022015031006", "H", "Analis", "Bidang Pengembangan Aparatur", "", "XYZ"])  # PNS ID
    sheet.append([None, None, None, None, None, None])                                               # blank: ignored
    path = tmp_path / "bad.xlsx"
    book.save(path)
    report = tmp_path / "r.csv"
    code, out = invoke("import", "siasn", str(path), "--repo", str(instance), "--dry-run", "--report", str(report),
                       "--lang", "en")
    assert code == 0, out
    got = {int(r["row"]): r for r in csv.DictReader(report.open())}
    expected = {3: "K904", 4: "K904", 5: "K905", 6: "K905", 8: "K907", 9: "K913", 10: "K908", 11: "K909"}
    assert {row: got[row]["code"] for row in expected} == expected
    assert got[7]["status"] == "updated" and got[7]["code"] == ""  # NIP cleaned; the name changed
    assert got[3]["sheet"] == "Data" and got[3]["column"] == "A (NIP BARU)"
    assert "bad.xlsx, sheet Data, row 3, column A (NIP BARU): ERROR K904" in out
    assert set(got) == set(range(3, 12))                                 # every row accounted for
    text = report.read_text()
    assert "19880315201503" not in text and "1.98803152015031E" not in text and "1988…02" in text  # masked


@pytest.mark.parametrize("content, code", [
    ("PNS ID|NAMA|UNOR NAMA\nX|Y|Z\n", "K901"),         # no NIP column: no header row is recognised
    ("just some text\nwithout a table\n", "K901"),
    ("NIP BARU|NAMA|UNOR NAMA\n1|2|3\n", "K902"),       # JABATAN NAMA missing
    ("\n" * 25 + "NIP BARU|NAMA|JABATAN NAMA|UNOR NAMA\n", "K901"),  # the header below row 20
], ids=["no-nip-column", "no-header", "missing-position-column", "header-too-low"])
def test_file_level_problems(content: str, code: str, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(content)
    with pytest.raises(ImportFailed) as caught:
        open_table(path, siasn.COLUMNS)
    assert caught.value.code == code
    assert caught.value.text("en").startswith("f.csv")


def test_a_workbook_that_is_not_one_and_a_mapping_file(tmp_path: Path, instance: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    code, out = invoke("import", "siasn", str(fake), "--repo", str(instance), "--dry-run")
    assert code == 1 and "K900" in out and "fake.xlsx" in out
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {nip: NIP BARU, name: NAMA, position: JABATAN, unit: SATKER}\n"
                       "units: {Badan Kepegawaian Daerah: bkd}\n")
    code, out = invoke("import", "siasn", str(SAMPLES / "simpeg_duk.csv"), "--repo", str(instance), "--dry-run",
                       "--mapping", str(mapping), "--lang", "en")
    assert code == 0 and "2 rows: 0 imported, 2 updated" in out, out      # a local SIMPEG layout, mapped
    mapping.write_text("colums: {}\n")
    code, out = invoke("import", "siasn", str(SIASN), "--repo", str(instance), "--mapping", str(mapping))
    assert code == 2 and "K903" in out


def test_an_export_that_is_a_fifo_or_a_device_is_refused_without_a_hang(tmp_path: Path, instance: Path) -> None:
    """The file to import is read only if it is a regular file (a link to one is followed), and bounded:
    a FIFO would block the reader and /dev/zero would read without end."""
    import os

    fifo = tmp_path / "rekap.csv"
    os.mkfifo(fifo)
    device = tmp_path / "data-utama.csv"
    device.symlink_to("/dev/zero")
    workbook = tmp_path / "data-utama.xlsx"
    os.mkfifo(workbook)
    for path in (fifo, device, workbook):
        code, out = invoke("import", "siasn", str(path), "--repo", str(instance), "--dry-run", "--lang", "en")
        assert code == 1 and "K900" in out and path.name in out and "not a regular file" in out, out
    code, out = invoke("import", "attendance", str(fifo), "--log", "--pins", str(fifo), "--month", "2026-05",
                       "--repo", str(instance), "--dry-run", "--lang", "en")
    assert code != 0 and "K900" in out and "Traceback" not in out, out


# --- generated SIASN files (hypothesis) -----------------------------------------------------------------------
_COLUMNS = ["PNS ID", "NIP BARU", "NAMA", "GOL AKHIR NAMA", "JENIS JABATAN ID", "JABATAN NAMA", "TMT JABATAN",
            "UNOR NAMA", "SATUAN KERJA INDUK NAMA"]
_EXTRA = ["NIK", "EMAIL", "AGAMA NAMA", "LOKASI KERJA NAMA"]


@st.composite
def siasn_files(draw: st.DrawFn) -> tuple[list[str], list[list[object]], dict[str, dt.date], str, int]:
    columns = draw(st.permutations(_COLUMNS + draw(st.lists(st.sampled_from(_EXTRA), unique=True))))
    people = draw(st.integers(1, 6))
    rows: list[list[object]] = []
    latest: dict[str, dt.date] = {}
    for i in range(people):
        nip = f"19{80 + i:02d}0101200501{1 + i % 2}{i:03d}"
        copies = draw(st.integers(1, 2))                             # a transfer: the same NIP twice
        for copy in range(copies):
            since = dt.date(2020 + copy, 1 + i % 12, 1 + copy)
            latest[nip] = max(latest.get(nip, since), since)
            shown = draw(st.sampled_from([nip, f"'{nip}", f" {nip}\u00a0", f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"]))
            date_cell: object = draw(st.sampled_from([since.strftime("%d-%m-%Y"), since.isoformat(),
                                                      (since - cleaning.EXCEL_EPOCH).days]))
            values = {"PNS ID": f"DE{i:030X}", "NIP BARU": shown, "NAMA": f"PEGAWAI {i}", "GOL AKHIR NAMA": "III/a",
                      "JENIS JABATAN ID": "4", "JABATAN NAMA": "Pengadministrasi Umum", "TMT JABATAN": date_cell,
                      "UNOR NAMA": "Bidang Satu", "SATUAN KERJA INDUK NAMA": "Dinas Contoh"}
            rows.append([values.get(c, "x") for c in columns])
            if draw(st.booleans()):
                rows.append([""] * len(columns))                   # blank rows between people
    metadata = draw(st.integers(0, 6))
    fmt = draw(st.sampled_from(["|", ";", ",", "\t", "xlsx"]))
    return columns, rows, latest, fmt, metadata


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(siasn_files())
def test_generated_siasn_files_read_the_same_whatever_their_shape(tmp_path_factory: pytest.TempPathFactory,
                                                                 case: tuple) -> None:
    columns, rows, latest, fmt, metadata = case
    folder = tmp_path_factory.mktemp("gen")
    if fmt == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        for i in range(metadata):
            sheet.append([f"Metadata {i}"])
        sheet.append(columns)
        for row in rows:
            sheet.append([c if c != "" else None for c in row])
        path = folder / "gen.xlsx"
        book.save(path)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=fmt, lineterminator="\n")
        for i in range(metadata):
            writer.writerow([f"Metadata {i}"])
        writer.writerow(columns)
        writer.writerows([[str(c) for c in row] for row in rows])
        path = folder / "gen.csv"
        path.write_text(buffer.getvalue())
    ledger = Ledger(path.name)
    people = siasn.read(open_table(path, siasn.COLUMNS), ledger)
    assert {p.nip: p.since for p in people} == latest
    duplicates = len(rows) - sum(1 for r in rows if not any(str(c) for c in r)) - len(latest)
    assert [o.code for o in ledger.outcomes] == ["K906"] * duplicates


# --- attendance ------------------------------------------------------------------------------------------------
def test_attendance_recap_into_the_layout_the_allowance_reads(instance: Path, tmp_path: Path) -> None:
    code, out = invoke("import", "attendance", str(SAMPLES / "rekap_presensi_bps_style.csv"), "--month", "2026-05",
                       "--repo", str(instance), "--branch", "import/att", "--lang", "en")
    assert code == 0 and "3 imported" in out, out
    text = git(instance, "show", "import/att:contracts/attendance/2026-05/bkd.csv")
    rows = {r["employee"]: r for r in csv.DictReader(io.StringIO(text))}
    assert sorted(rows) == ["p00001", "p00002", "p00003"]
    assert (rows["p00001"]["tl1"], rows["p00001"]["tl2"], rows["p00001"]["psw1"]) == ("2", "1", "1")
    assert (rows["p00003"]["absent_days"], rows["p00003"]["tl4"], rows["p00003"]["working_days"]) == ("1", "1", "21")
    git(instance, "merge", "-q", "--ff-only", "import/att")
    code, out = invoke("import", "attendance", str(SAMPLES / "rekap_presensi_bps_style.csv"), "--month", "2026-05",
                       "--repo", str(instance), "--lang", "en")
    assert code == 0 and "3 unchanged" in out and "Nothing changes" in out


def test_attendance_log_recomputes_lateness_from_the_allowance_rules_hours(instance: Path, tmp_path: Path) -> None:
    rule = (REPO / "contracts/allowance/tpp-contoh.yaml").read_text()
    rule = rule.replace('  - effective_from: "2026-01-01"\n',
                        '  - effective_from: "2026-01-01"\n    working_hours: {start: "07:30", end: "16:00", days: [1, 2, 3, 4, 5]}\n')
    (instance / "contracts/allowance").mkdir()
    (instance / "contracts/allowance/tpp-contoh.yaml").write_text(rule)
    periods = instance / "contracts/periods.yaml"
    periods.write_text(periods.read_text().rstrip("\n") + "\n  allowance_rule: tpp-contoh\n")
    git(instance, "add", "-A")
    git(instance, "commit", "-qm", "rule")
    log = tmp_path / "1_attlog.dat"
    log.write_text("      101\t2026-05-04 07:52:14\t1\t0\t1\t0\n"      # Monday: 22 minutes late
                   "      101\t2026-05-04 16:05:40\t1\t1\t1\t0\n"
                   "      102\t2026-05-04 07:20:03\t15\t0\t1\t0\n"     # no clock-out: PSW4
                   "      101\t2026-05-05 09:45:00\t1\t0\t1\t0\n"      # Tuesday: 135 minutes late, left 60 early
                   "      101\t2026-05-05 15:00:00\t1\t1\t1\t0\n"
                   "      999\t2026-05-05 07:00:00\t1\t0\t1\t0\n"      # unknown PIN
                   "      101\t2026-06-01 07:00:00\t1\t0\t1\t0\n"      # another month
                   "garbage line\n")
    pins = tmp_path / "pins.csv"
    pins.write_text("PIN;NIP\n101;'198803152015031002\n102;199107222019022001\n")
    report = tmp_path / "r.csv"
    code, out = invoke("import", "attendance", str(log), "--log", "--month", "2026-05", "--pins", str(pins),
                       "--repo", str(instance), "--branch", "import/log", "--report", str(report), "--lang", "en")
    assert code == 0, out
    rows = {r["employee"]: r for r in csv.DictReader(io.StringIO(
        git(instance, "show", "import/log:contracts/attendance/2026-05/bkd.csv")))}
    andi, siti = rows["p00001"], rows["p00002"]
    assert (andi["working_days"], andi["absent_days"], andi["tl1"], andi["tl4"], andi["psw2"]) == ("2", "0", "1", "1", "1")
    assert (andi["late_minutes"], andi["early_minutes"]) == ("22;135", "60")
    assert (siti["absent_days"], siti["psw4"]) == ("1", "1")            # Tuesday without a punch
    codes = {int(r["row"]): r["code"] for r in csv.DictReader(report.open())}
    assert (codes[6], codes[7], codes[8]) == ("K914", "K909", "K919")
    mapping = tmp_path / "map.yaml"                       # the sample log, hours from a mapping file
    mapping.write_text('working_hours: {start: "07:30", end: "16:00"}\npins: {"101": "198803152015031002", '
                       '"102": "199107222019022001"}\n')
    code, out = invoke("import", "attendance", str(SAMPLES / "zkteco_1_attlog.dat"), "--log", "--month", "2025-05",
                       "--mapping", str(mapping), "--repo", str(instance), "--dry-run", "--lang", "en")
    assert code == 0 and "3 rows: 3 imported" in out, out


# --- e-Kinerja -------------------------------------------------------------------------------------------------
@pytest.fixture
def mini_repo(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    commit_all(target)
    return target


def test_export_reconcile_and_import_ekinerja_penilaian(mini_repo: Path, tmp_path: Path) -> None:
    exported = tmp_path / "q1.csv"
    code, out = invoke("export", "ekinerja", "--period", "2026", "--reporting-period", "2026-Q1", "--out",
                       str(exported), cwd=mini_repo)
    assert code == 0, out
    lines = exported.read_text().splitlines()
    assert lines[0].startswith("Laporan Penilaian SKP") and lines[2] == "Periode : 2026-Q1" and lines[6] == ""
    assert lines[7].startswith("jenis;id;nip;nama;periode_awal_skp")
    staf = next(line for line in lines if "199002022015031003" in line)
    assert ";sesuai;sesuai;baik;" in staf
    code, out = invoke("reconcile", "ekinerja", str(exported), "--period", "2026", "--lang", "en", cwd=mini_repo)
    assert code == 0 and "1 rows compared" in out and "0 employees differ" in out, out
    changed = tmp_path / "changed.csv"
    changed.write_text("\n".join(line.replace(";sesuai;sesuai;baik;", ";diatas;sesuai;baik;") for line in lines) + "\n")
    code, out = invoke("reconcile", "ekinerja", str(changed), "--period", "2026", "--lang", "en", cwd=mini_repo)
    assert code == 1 and "e-staf" in out and "hasil_kerja: e-Kinerja di-atas ≠ Kinerja sesuai" in out
    code, out = invoke("import", "ekinerja-penilaian", str(changed), "--repo", str(mini_repo), "--branch", "import/pen",
                       "--lang", "en")
    assert code == 0 and "1 updated" in out, out
    updated = git(mini_repo, "show", "import/pen:contracts/units/dinas-umum/2026/assessments/e-staf.yaml")
    assert "results: di-atas" in updated and "Pertahankan ketelitian." in updated


def test_ekinerja_penilaian_sample_rows_each_accounted_for(mini_repo: Path, tmp_path: Path) -> None:
    text = (SAMPLES / "ekinerja_laporan_penilaian_bulanan.csv").read_text()
    header = text.splitlines()[7].split(";")
    base = dict(zip(header, text.splitlines()[8].split(";")))
    def row(**values: str) -> str:
        return ";".join(dict(base, **values).get(h, "") for h in header)
    extra = [row(nip="199002022015031003", is_skp_plt_plh_pjb="1"),                 # acting post
             row(nip="199002022015031003", hasil_akhir="-"),                         # not assessed
             row(nip="199002022015031003", hasil_kerja="luar biasa"),                # unknown rating
             row(nip="1.99002022015031E+17")]                                         # float NIP
    path = tmp_path / "bulanan.csv"
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(extra) + "\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("periods: {Bulanan Mei: 2026-Q2}\n")
    report = tmp_path / "r.csv"
    code, out = invoke("import", "ekinerja-penilaian", str(path), "--repo", str(mini_repo), "--mapping", str(mapping),
                       "--dry-run", "--report", str(report), "--lang", "en")
    assert code == 0, out
    codes = {int(r["row"]): r["code"] for r in csv.DictReader(report.open())}
    assert codes == {9: "K910", 10: "K910", 11: "K912", 12: "K911", 13: "K912", 14: "K921", 15: "K904"}
    code, out = invoke("import", "ekinerja-penilaian", str(path), "--repo", str(mini_repo), "--dry-run")
    assert code == 1 and "K918" in out                                   # May 2025: no such period here


def test_ekinerja_skp_lists_the_skps_kinerja_lacks(instance: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.csv"
    code, out = invoke("import", "ekinerja-skp", str(SAMPLES / "ekinerja_laporan_skp.psv.txt"), "--period", "2026",
                       "--repo", str(instance), "--dry-run", "--report", str(report), "--lang", "en")
    assert code == 0, out
    rows = list(csv.DictReader(report.open()))
    assert [r["code"] for r in rows] == ["K923", "K923", "K923"] and rows[0]["row"] == "5"


# --- the fast YAML writer ----------------------------------------------------------------------------------------
_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ019 -.,:/#'\"()&+_é~\u00a0")), max_size=70)


@settings(max_examples=150)
@given(st.lists(st.fixed_dictionaries({"id": _TEXT, "nip": st.text("0123456789 ", max_size=20),
                                       "n": st.one_of(st.none(), st.booleans(), st.integers(-5, 99)),
                                       "items": st.lists(st.fixed_dictionaries({"a": _TEXT, "b": st.none()}),
                                                         max_size=2)}), max_size=3))
def test_the_fast_writer_writes_what_the_projects_dumper_writes(records: list) -> None:
    from kinerja.imports import emit
    from kinerja.load import yamlsafe

    data = {"unit": "x", "employees": records}
    assert emit.dump(data) == yamlsafe.dump(data, fast=True)


def test_bad_recap_rows_are_located(instance: Path, tmp_path: Path) -> None:
    lines = (SAMPLES / "rekap_presensi_bps_style.csv").read_text().splitlines()
    header = lines[0].split(",")
    def row(**values: str) -> str:
        base = dict(zip(header, lines[1].split(",")))
        return ",".join(dict(base, **values)[h] for h in header)
    bad = [row(TL1="x"), row(TK="25"), row(NIP="199001012015031999"), row(NIP="'19880315201503100"), ""]
    path = tmp_path / "rekap.csv"
    path.write_text("REKAP PRESENSI\nBulan Mei\n\n" + "\n".join([lines[0], *bad]) + "\n")
    report = tmp_path / "r.csv"
    code, out = invoke("import", "attendance", str(path), "--month", "2026-05", "--repo", str(instance), "--dry-run",
                       "--report", str(report), "--lang", "en")
    assert code == 0, out
    got = {int(r["row"]): (r["code"], r["column"]) for r in csv.DictReader(report.open())}
    assert got == {5: ("K909", "Q (TL1)"), 6: ("K909", "E (TK)"), 7: ("K910", "A (NIP)"), 8: ("K905", "A (NIP)")}
    assert "rekap.csv, row 5, column Q (TL1): ERROR K909" in out
