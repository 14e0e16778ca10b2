"""Hostile workbooks and CSV files for ``kinerja intake import`` (issue 12, item 9).

Every kind is a parametrised case: a file made from a real template with openpyxl (or written byte by
byte where openpyxl would refuse to write it), imported through the real ``kinerja`` command. Each case
asserts the exit code, the code and place of the message (``[book.xlsx]sheet!F7``: file, sheet, column
letter, row), that there is no traceback and that no branch or commit was made. The import is read-only
until it commits, so all cases share one repository; the cases run the command in-process (click's
runner) and :func:`test_all_hostile_files_in_one_real_run` runs the real subprocess once with every
hostile file at once (all problems in one round, output bounded).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from conftest import MINI, run_cli
from kinerja.cli import main
from kinerja.intake import sheets
from kinerja.intake.batch import write_template
from kinerja.load import load_tree

BOOK_SHEETS = {"_kinerja": "xl/worksheets/sheet1.xml", "e-kabid": "xl/worksheets/sheet2.xml",
               "e-staf": "xl/worksheets/sheet3.xml"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@dataclass
class Setup:
    repo: Path
    tmp: Path
    base: Path          # a filled template of dinas-umum, 2026 (valid: it imports)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    from openpyxl import load_workbook

    tmp = tmp_path_factory.mktemp("hostile-excel")
    repo = tmp / "repo"
    shutil.copytree(MINI, repo)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "mini", cwd=repo)
    template = tmp / "template.xlsx"
    write_template(load_tree(repo), "dinas-umum", "2026", template)
    wb = load_workbook(template)
    wb["e-staf"]["J5"] = 96.5          # 2026-05
    wb["e-staf"]["K5"] = "97,5"        # 2026-06: a decimal comma
    wb["e-kabid"]["J5"] = 1
    base = tmp / "base.xlsx"
    wb.save(base)
    return Setup(repo, tmp, base)


# --- making hostile files --------------------------------------------------------------------------------
def edited(edit: Callable) -> Callable[[Setup, Path], None]:
    """A maker that loads the base workbook, applies ``edit(wb)`` and saves it to the case's file."""
    def make(s: Setup, out: Path) -> None:
        from openpyxl import load_workbook

        wb = load_workbook(s.base)
        edit(wb)
        wb.save(out)
    return make


def patched(sheet: str, old: bytes, new: bytes, first: Callable | None = None) -> Callable[[Setup, Path], None]:
    """A maker that rewrites part of one sheet's XML (for values openpyxl would never write)."""
    def make(s: Setup, out: Path) -> None:
        source = s.base
        if first is not None:
            source = out.with_suffix(".pre.xlsx")
            edited(first)(s, source)
        rewrite(source, out, {BOOK_SHEETS[sheet]: lambda xml: xml.replace(old, new, 1)})
    return make


def rewrite(source: Path, out: Path, changes: dict[str, Callable[[bytes], bytes]],
            extra: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in changes:
                data = changes[item.filename](data)
                assert data != zin.read(item.filename), f"the patch of {item.filename} changed nothing"
            zout.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def million_rows(s: Setup, out: Path) -> None:
    """The e-staf sheet replaced by one of 1,000,000 rows (written as XML: cheap to make)."""
    rows = "".join(f'<row r="{i}"><c r="F{i}"><v>1</v></c></row>' for i in range(5, 1_000_001))
    head = ('<row r="4"><c r="A4" t="inlineStr"><is><t>target</t></is></c></row>')
    xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main"><sheetData>{head}{rows}</sheetData></worksheet>').encode()
    with zipfile.ZipFile(s.base) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, xml if item.filename == BOOK_SHEETS["e-staf"] else zin.read(item.filename))


def zip_bomb(s: Setup, out: Path) -> None:
    """A real workbook with one more part that unpacks to 65 MiB of zeros (from about 65 KB)."""
    shutil.copy(s.base, out)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zout, zout.open("xl/media/bomb.bin", "w") as part:
        chunk = bytes(1 << 20)
        for _ in range(65):
            part.write(chunk)


def lying_zip(s: Setup, out: Path) -> None:
    """An entry whose declared unpacked size (2 GiB) is far above the limit, as a bomb's would be."""
    data = bytearray(s.base.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    central = int.from_bytes(data[end + 16:end + 20], "little")
    data[central + 24:central + 28] = (2**31).to_bytes(4, "little")   # uncompressed size of the first entry
    out.write_bytes(bytes(data))


def too_many_sheets(s: Setup, out: Path) -> None:
    """The workbook part lists more sheets than the limit (each may point to the same part)."""
    listed = b"".join(b'<sheet name="s%d" sheetId="%d" r:id="rId2"/>' % (n, n + 10) for n in range(sheets.MAX_SHEETS))
    rewrite(s.base, out, {"xl/workbook.xml": lambda xml: xml.replace(b"</sheets>", listed + b"</sheets>", 1)})


def with_macros(s: Setup, out: Path) -> None:
    rewrite(s.base, out, {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA"})


def sparse_far_row(s: Setup, out: Path) -> None:
    rewrite(s.base, out, {BOOK_SHEETS["e-staf"]: lambda xml: xml.replace(
        b"</sheetData>", b'<row r="999999999"><c r="F999999999"><v>1</v></c></row></sheetData>', 1)})


def write(data: bytes) -> Callable[[Setup, Path], None]:
    def make(s: Setup, out: Path) -> None:
        out.write_bytes(data)
    return make


def set_cells(sheet: str, **cells: object) -> Callable:
    def edit(wb) -> None:  # noqa: ANN001 - an openpyxl workbook
        for ref, value in cells.items():
            wb[sheet][ref] = value
    return edit


def rename(old: str, new: str, meta_row: int | None = None, employee: str | None = None) -> Callable:
    def edit(wb) -> None:  # noqa: ANN001
        wb[old].title = new
        if meta_row is not None:
            wb["_kinerja"][f"A{meta_row}"] = new
            wb["_kinerja"][f"B{meta_row}"] = employee or new
    return edit


def add_sheet_for_other_unit(wb) -> None:  # noqa: ANN001
    copy = wb.copy_worksheet(wb["e-staf"])
    copy.title = "e-kepala"
    wb["_kinerja"].append(["e-kepala", "e-kepala", "dinas-kepala", 5, 5, 8])


def swap_employees(wb) -> None:  # noqa: ANN001
    wb["_kinerja"]["B6"], wb["_kinerja"]["B7"] = "e-staf", "e-kabid"


def insert_blank_row(wb) -> None:  # noqa: ANN001
    wb["e-staf"].insert_rows(5)


def clear_target(wb) -> None:  # noqa: ANN001
    wb["e-staf"]["A5"] = None
    wb["e-staf"]["B5"] = None


def merge(wb) -> None:  # noqa: ANN001
    wb["e-staf"].merge_cells("L5:M5")


def delete_meta(wb) -> None:  # noqa: ANN001
    del wb["_kinerja"]


MILLION_CSV = ("employee,reporting_period,target,indicator,value\n" + "e-staf,2026-09,t1,i1,1\n" * 1_000_000).encode()


@dataclass(frozen=True)
class Case:
    """One kind of hostile input: how to make it, and the code and place its message must carry."""

    id: str
    make: Callable[[Setup, Path], None]
    code: str
    place: str          # a substring of the message's location; {book} is the file's name
    suffix: str = ".xlsx"


CASES = [
    # the hidden sheet
    Case("hidden-sheet-deleted", edited(delete_meta), "K840", "[{book}]"),
    Case("hidden-unit-unknown-path", edited(set_cells("_kinerja", B2="../../../etc")), "K840", "[{book}]_kinerja!B2"),
    Case("hidden-unit-another-unit", edited(set_cells("_kinerja", B2="dinas")), "K841", "[{book}]_kinerja!B6"),
    Case("hidden-period-tampered", edited(set_cells("_kinerja", B3="2099")), "K840", "[{book}]_kinerja!B3"),
    Case("hidden-period-not-text", edited(set_cells("_kinerja", B3=dt.datetime(2026, 1, 1))), "K840", "[{book}]_kinerja!B3"),
    Case("hidden-regime-changed", edited(set_cells("_kinerja", B4="pp46-2011")), "K840", "[{book}]_kinerja!B4"),
    Case("hidden-marker-changed", edited(set_cells("_kinerja", A1="something-else")), "K840", "[{book}]_kinerja!A1"),
    Case("hidden-employees-swapped", edited(swap_employees), "K840", "[{book}]_kinerja!A6"),
    Case("hidden-employee-unknown", edited(set_cells("_kinerja", B7="../../x")), "K840", "[{book}]_kinerja!B7"),
    Case("hidden-row-numbers-text", edited(set_cells("_kinerja", D7="5; DROP")), "K840", "[{book}]_kinerja!D7"),
    Case("hidden-position-changed", edited(set_cells("_kinerja", C7="umum-kabid")), "K840", "[{book}]_kinerja!C7"),
    # the unit bounds what a workbook writes
    Case("other-units-employee-as-sheet", edited(add_sheet_for_other_unit), "K841", "[{book}]_kinerja!B8"),
    Case("unlisted-sheet", edited(rename("e-staf", "e-kepala")), "K825", "[{book}]e-kepala"),
    Case("path-traversal-sheet-name", edited(rename("e-staf", ".. etc passwd", 7, "../../etc/passwd")), "K840",
         "[{book}]_kinerja!B7"),
    Case("path-traversal-header-cell", edited(set_cells("e-staf", F4="2026-01/../../../../tmp/x")), "K844", "[{book}]e-staf!F4"),
    Case("control-characters-in-sheet-name", edited(rename("e-staf", "e-staf\u202e\u200b")), "K825",
         "[{book}]e-staf\\u202e\\u200b"),
    # size, rows, columns, time
    Case("million-rows", million_rows, "K842", "[{book}]e-staf!2001"),
    Case("row-999999999", sparse_far_row, "K842", "[{book}]e-staf!999999999"),
    Case("wide-sheet", edited(set_cells("e-staf", XFD5=1)), "K842", "[{book}]e-staf!XFD5"),
    Case("zip-bomb", zip_bomb, "K842", "[{book}]"),
    Case("zip-declared-size-lie", lying_zip, "K842", "[{book}]"),
    Case("too-many-sheets", too_many_sheets, "K842", "[{book}]"),
    Case("file-too-large", write(b"PK\x03\x04" + bytes(sheets.MAX_FILE_BYTES)), "K842", "[{book}]"),
    # not a plain workbook
    Case("not-a-zip", write(b"employee,period\nthis is not a workbook\n"), "K847", "[{book}]"),
    Case("encrypted-workbook", write(sheets.OLE2_MAGIC + bytes(4096)), "K847", "[{book}]"),
    Case("damaged-zip", write(b"PK\x03\x04" + b"\x00" * 200), "K847", "[{book}]"),
    Case("xlsm-file", lambda s, out: shutil.copy(s.base, out), "K847", "[{book}]", ".xlsm"),
    Case("macros-inside-xlsx", with_macros, "K847", "[{book}]"),
    # cells
    Case("formula-value", edited(set_cells("e-staf", L5="=J5+K5")), "K843", "[{book}]e-staf!L5"),
    Case("formula-remark", edited(set_cells("e-staf", A9="2026-05", B9="t1", G9='=CONCAT("a";"b")')), "K843",
         "[{book}]e-staf!G9"),
    Case("blank-row-in-values", edited(insert_blank_row), "K844", "[{book}]e-staf!5"),
    Case("values-without-target", edited(clear_target), "K844", "[{book}]e-staf!A5"),
    Case("value-in-column-without-period", edited(set_cells("e-staf", S5=5)), "K844", "[{book}]e-staf!S5"),
    Case("merged-cells", edited(merge), "K844", "[{book}]e-staf!L5:M5"),
    Case("huge-number", edited(set_cells("e-staf", L5=1e300)), "K845", "[{book}]e-staf!L5"),
    Case("huge-integer", edited(set_cells("e-staf", L5=10**20)), "K845", "[{book}]e-staf!L5"),
    Case("5000-digit-text", edited(set_cells("e-staf", L5="9" * 5000)), "K845", "[{book}]e-staf!L5"),
    Case("tiny-number", edited(set_cells("e-staf", L5=1e-30)), "K845", "[{book}]e-staf!L5"),
    Case("infinity-xml", patched("e-staf", b"<v>12345</v>", b"<v>1e999</v>", set_cells("e-staf", L5=12345)),
         "K845", "[{book}]e-staf!L5"),
    Case("nan-xml", patched("e-staf", b"<v>12345</v>", b"<v>NaN</v>", set_cells("e-staf", L5=12345)),
         "K849", "[{book}]e-staf!5"),
    Case("nan-text", edited(set_cells("e-staf", L5="NaN")), "K824", "[{book}]e-staf!L5"),
    Case("text-in-number-cell", edited(set_cells("e-staf", L5="banyak")), "K824", "[{book}]e-staf!L5"),
    Case("date-in-number-cell", edited(set_cells("e-staf", L5=dt.datetime(2026, 7, 1))), "K824", "[{book}]e-staf!L5"),
    Case("boolean-in-number-cell", edited(set_cells("e-staf", L5=True)), "K824", "[{book}]e-staf!L5"),
    Case("excel-error-value", edited(set_cells("e-staf", L5="#DIV/0!")), "K824", "[{book}]e-staf!L5"),
    Case("thousands-dot", edited(set_cells("e-staf", L5="1.000")), "K846", "[{book}]e-staf!L5"),
    Case("thousands-comma", edited(set_cells("e-staf", L5="1,000")), "K846", "[{book}]e-staf!L5"),
    Case("grouped-number", edited(set_cells("e-staf", L5="1.234.567,5")), "K846", "[{book}]e-staf!L5"),
    # CSV and JSON
    Case("csv-million-rows", write(MILLION_CSV), "K842", "{book}!20002", ".csv"),
    Case("csv-too-large", write(b"employee,reporting_period,target\n" + b"x" * sheets.MAX_TEXT_BYTES), "K842",
         "{book}", ".csv"),
    Case("csv-wrong-encoding", write("employee,reporting_period,target,indicator,value,note\n"
                                     "e-staf,2026-09,t1,i1,93,Surat diterima tepat waktu\n"
                                     "e-staf,2026-10,t1,i1,94,Catatan caf\u00e9\n".encode("latin-1")),
         "K848", "{book}:3:", ".csv"),
    Case("csv-ambiguous-number", write(b"employee,reporting_period,target,indicator,value\ne-staf,2026-09,t1,i1,\"1,000\"\n"),
         "K846", "{book}!E2", ".csv"),
    Case("json-huge-exponent", write(b'{"employee": "e-staf", "period": "2026", "reporting_period": "2026-09", '
                                     b'"entries": [{"target": "t1", "indicator": "i1", "value": 1.0e999999999}]}'),
         "K845", "{book}", ".json"),
]


def _location_of(output: str, code: str) -> list[str]:
    """The places printed before `` GALAT <code>`` / `` ERROR <code>``."""
    return re.findall(rf"^(.*?): (?:GALAT|ERROR) {code}\b", output, flags=re.MULTILINE)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_refused_with_a_located_message(setup: Setup, case: Case) -> None:
    out = setup.tmp / f"{case.id}{case.suffix}"
    if not out.exists():
        case.make(setup, out)
    before = git("for-each-ref", "--format=%(refname) %(objectname)", cwd=setup.repo)
    result = CliRunner().invoke(main, ["intake", "import", str(out), "--repo", str(setup.repo), "--period", "2026",
                                       "--lang", "en"])
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert isinstance(result.exception, SystemExit), result.exception   # no crash inside the command
    assert "Traceback" not in output
    place = case.place.format(book=out.name)
    places = _location_of(result.stderr, case.code)
    assert any(place in p for p in places), f"{case.code} at {place} not in:\n{result.stderr[:3000]}"
    assert len(result.stderr.splitlines()) < 80, "the output is bounded"
    assert git("for-each-ref", "--format=%(refname) %(objectname)", cwd=setup.repo) == before, "nothing committed"


def test_all_hostile_files_in_one_real_run(setup: Setup) -> None:
    """The real command, once, with every hostile file: each is reported, exit 1, nothing committed."""
    files = []
    for case in CASES:
        out = setup.tmp / f"{case.id}{case.suffix}"
        if not out.exists():
            case.make(setup, out)
        files.append(out)
    result = run_cli("intake", "import", *map(str, files), "--period", "2026", "--lang", "en", cwd=setup.repo)
    assert result.code == 1
    assert "Traceback" not in result.err
    for code in {case.code for case in CASES}:
        assert f"ERROR {code} " in result.err, code
    total = int(re.search(r"^(\d+) problems; nothing was committed", result.err, flags=re.MULTILINE).group(1))
    assert total >= len(CASES)                     # every file's problems, in one round
    assert "more with code" in result.err          # the first ten of a code, then a count
    assert len(result.err.splitlines()) < 400
    assert git("for-each-ref", "--format=%(refname)", cwd=setup.repo) == "refs/heads/main"


def test_a_sound_workbook_still_imports_and_reads_decimal_commas(setup: Setup) -> None:
    """The guards refuse what is hostile and nothing else: the base workbook imports, 97,5 is 97.5."""
    from openpyxl import load_workbook

    repo = setup.tmp / "sound-repo"
    git("clone", "-q", str(setup.repo), str(repo), cwd=setup.tmp)
    wb = load_workbook(setup.base)
    wb["e-staf"]["L5"] = "0,125"       # a decimal comma with three decimals and a zero integer part
    wb["e-staf"]["M5"] = " 98 "
    sound = setup.tmp / "sound.xlsx"
    wb.save(sound)
    result = run_cli("intake", "import", str(sound), "--branch", "intake/impor-sound", cwd=repo)
    assert result.code == 0, result.err
    path = "contracts/units/dinas-umum/2026/realisations/e-staf/{}.yaml"
    assert "value: 97.5" in git("show", f"intake/impor-sound:{path.format('2026-06')}", cwd=repo)
    assert "value: 0.125" in git("show", f"intake/impor-sound:{path.format('2026-07')}", cwd=repo)
    assert "value: 98" in git("show", f"intake/impor-sound:{path.format('2026-08')}", cwd=repo)


def test_every_problem_of_a_workbook_comes_back_in_one_round(setup: Setup) -> None:
    """Problems on two sheets and in the hidden sheet are all reported by one import."""
    from openpyxl import load_workbook

    from kinerja.intake.batch import read_workbook

    wb = load_workbook(setup.base)
    wb["e-staf"]["L5"] = "=1+1"
    wb["e-staf"]["M5"] = "1.000"
    wb["e-kabid"]["L5"] = "banyak"
    wb["e-kabid"].insert_rows(5)
    wb["_kinerja"]["D6"] = "x"            # e-kabid's row in the hidden sheet
    many = setup.tmp / "many.xlsx"
    wb.save(many)
    drafts, problems = read_workbook(many, load_tree(setup.repo).province, "en")
    found = {(p.code, p.location()) for p in problems}
    assert ("K843", "[many.xlsx]e-staf!L5") in found
    assert ("K846", "[many.xlsx]e-staf!M5") in found
    assert ("K840", "[many.xlsx]_kinerja!D6") in found
    assert all(d.broken for d in drafts if d.employee == "e-staf")


def test_cell_numbers_are_bounded_and_never_change_magnitude() -> None:
    from decimal import Decimal

    cell = sheets.Cell
    assert sheets.cell_number(cell("95,5", "s")) == Decimal("95.5")
    assert sheets.cell_number(cell(95.5, "n")) == Decimal("95.5")
    assert sheets.cell_number(cell(1000.0, "n")) == 1000
    assert sheets.cell_number(cell("1 000", "s")) == 1000
    for text in ("1.000", "1,000", "12.500", "1.234,5", "1,234.5", "1.000.000"):
        refused = sheets.cell_number(cell(text, "s"))
        assert isinstance(refused, sheets.Refusal) and refused.code == "K846", text
    for value in (float("inf"), float("nan"), 1e16, 10**15, "1e999999999", "9" * 50):
        refused = sheets.cell_number(cell(value, "n" if not isinstance(value, str) else "s"))
        assert isinstance(refused, sheets.Refusal) and refused.code == "K845", value
    assert sheets.shown("a\u202eb\x1b[31m") == "a\\u202eb\\u001b[31m"
    assert sheets.where("b.xlsx", "e-staf", 28, 7) == "[b.xlsx]e-staf!AB7"


def test_reading_is_bounded_in_memory_and_work(setup: Setup) -> None:
    """The million-row sheet: reading stops after the row limit (counts, not time, are asserted)."""
    out = setup.tmp / "million-rows.xlsx"
    if not out.exists():
        million_rows(setup, out)
    book, problems = sheets.open_workbook(out)
    assert book is not None and not problems
    try:
        grid = sheets.read_grid(book, "e-staf", out.name, sheets.Budget(float("inf")))
    finally:
        book.close()
    assert len(grid.rows) <= sheets.MAX_ROWS
    assert [p.code for p in grid.problems] == ["K842"]


@pytest.mark.parametrize("limit, detail", [("MAX_FILE_CELLS", "cells"), ("MAX_SECONDS", "seconds")])
def test_the_file_budget_stops_reading_with_a_located_error(setup: Setup, monkeypatch: pytest.MonkeyPatch,
                                                            limit: str, detail: str) -> None:
    """The per-file cell budget and deadline (set tiny here, no clock is asserted) stop with K842."""
    from kinerja.intake.batch import read_workbook

    monkeypatch.setattr(sheets, limit, -1.0 if limit == "MAX_SECONDS" else 10)
    drafts, problems = read_workbook(setup.base, load_tree(setup.repo).province, "en")
    assert [p.code for p in problems] == ["K842"] and not drafts
    assert problems[0].location().startswith("[base.xlsx]_kinerja!") and detail in problems[0].message("en")
