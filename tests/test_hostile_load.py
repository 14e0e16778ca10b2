"""Hostile input for the load layer (issue 12, items 2, 3 and 5): special files, numbers, required files.

Each kind is one parametrised case. The command-line runs are batched: one tree holds every hostile file
at once and ``kinerja validate`` (text, JSON and GitHub formats), ``kinerja score --output`` and
``mkdocs build --strict`` each run over it once (every problem must be reported in that one run); the
cases then read those runs. Every run has a timeout, so a FIFO or ``/dev/zero`` that hangs the reader
fails the test instead of the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, REPO
from kinerja import bounds
from kinerja.intake import canonical
from kinerja.load import files, load_tree, yamlsafe

TIMEOUT = 180  # seconds for one CLI run; a hang fails the test, never the suite
SECRET = "S3CRET-d0-not-echo"  # in files outside the repository and in non-mapping documents

UNIT = "contracts/units/dinas-umum"
REAL = f"{UNIT}/2026/realisations/e-staf"
SKP = f"{UNIT}/2026/skp"


@dataclass(frozen=True)
class Kind:
    """One hostile input in the batched tree: the file, the code it must give, and where."""

    id: str
    file: str
    code: str
    line: int | None = None
    field: str = ""


def _realisation(month: str, entry: str) -> str:
    return (f'employee: e-staf\nperiod: "2026"\nreporting_period: "2026-{month}"\nentries:\n'
            f"  - target: t1\n    indicator: i1\n{entry}\n")


NUMBERS = [  # (id, month, entry line, code)
    ("zero-with-exponent-minus-999999999", "Q1", "    value: 0.0e-999999999", "K016"),
    ("five-thousand-digit-integer", "04", "    value: " + "9" * 5000, "K015"),
    ("exponent-999999999", "05", "    value: 1.0e999999999", "K015"),
    ("exponent-400", "06", "    value: 1.0e400", "K015"),
    ("negative-exponent-999999999", "07", "    value: 1.0e-999999999", "K016"),
    ("tiny-exponent", "08", "    value: 2.5e-30", "K016"),
    ("forty-one-characters", "09", "    value: 0." + "0" * 38 + "1", "K015"),
    ("at-the-bound-10e15", "10", "    value: 1000000000000000", "K015"),
    ("negative-huge", "11", "    value: -9.9e99", "K015"),
]
SIGNS = [  # fields that cannot be negative (the schema says minimum: 0)
    ("negative-quantity", "12", "    quantity: -3", "K106", "entries[0].quantity"),
    ("negative-cost", "01", "    cost: -150000", "K106", "entries[0].cost"),
    ("negative-time", "02", "    time: -1", "K106", "entries[0].time"),
]


def _kinds() -> list[Kind]:
    kinds = [
        Kind("symlink-outside-repo", f"{SKP}/e-out.yaml", "K013"),
        Kind("symlink-inside-repo", f"{SKP}/e-in.yaml", "K013"),
        Kind("symlink-to-dev-zero", f"{UNIT}/2026/appeals/e-zero.yaml", "K013"),
        Kind("symlink-dangling", f"{SKP}/e-dangling.yaml", "K013"),
        Kind("symlink-to-folder-as-file", "contracts/allowance/linked.yaml", "K013"),
        Kind("symlinked-unit-folder", "contracts/units/linked", "K013"),
        Kind("symlinked-period-folder", f"{UNIT}/2027", "K013"),
        Kind("symlinked-attendance-csv", "contracts/attendance/2026-03/dinas.csv", "K013"),
        Kind("fifo", f"{UNIT}/2026/assessments/e-fifo.yaml", "K014"),
        Kind("unix-socket", f"{SKP}/e-sock.yaml", "K014"),
        Kind("file-over-size-limit", f"{SKP}/e-huge.yaml", "K002"),
        Kind("top-level-text-with-secret", f"{SKP}/e-text.yaml", "K103", 1),
        Kind("top-level-list-with-secret", f"{SKP}/e-list.yaml", "K107", 1),
        Kind("unquoted-nip-is-k012-not-k015", f"{UNIT}/employees.yaml", "K012", 4, "employees[0].nip"),
        Kind("attendance-csv-huge-number", "contracts/attendance/2026-03/dinas-umum.csv", "K522", 2),
    ]
    kinds += [Kind(name, f"{REAL}/2026-{month}.yaml", code, 7, "entries[0].value") for name, month, _, code in NUMBERS]
    kinds += [Kind(name, f"{REAL}/2026-{month}.yaml", code, 7, field) for name, month, _, code, field in SIGNS]
    return kinds


KINDS = _kinds()


def _symlink(target: str | Path, link: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)


def make_hostile(root: Path, outside: Path) -> None:
    """Every hostile file of :data:`KINDS` in one copy of the mini instance (``outside`` is a folder
    outside the repository whose files a link points at)."""
    shutil.copytree(MINI, root)
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"api_key: {SECRET}\n")
    (outside / "2026" / "skp").mkdir(parents=True)
    (outside / "2026" / "skp" / "e-staf.yaml").write_text(f"employee: {SECRET}\n")
    _symlink(outside / "secret.yaml", root / SKP / "e-out.yaml")
    _symlink("../../employees.yaml", root / SKP / "e-in.yaml")
    _symlink("/dev/zero", root / UNIT / "2026/appeals/e-zero.yaml")
    _symlink("/nonexistent/kinerja-target.yaml", root / SKP / "e-dangling.yaml")
    _symlink("../units", root / "contracts/allowance/linked.yaml")
    _symlink(outside, root / "contracts/units/linked")
    _symlink(outside / "2026", root / UNIT / "2027")
    _symlink(outside / "secret.yaml", root / "contracts/attendance/2026-03/dinas.csv")
    os.mkfifo(root / UNIT / "2026/assessments/e-fifo.yaml")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / SKP / "e-sock.yaml"))
    server.close()
    with open(root / SKP / "e-huge.yaml", "wb") as handle:  # sparse: 6 MB on paper, nothing on disk
        handle.truncate(6 * 1024 * 1024)
    (root / SKP / "e-text.yaml").write_text(f"password {SECRET} and more private text\n")
    (root / SKP / "e-list.yaml").write_text(f"- {SECRET}\n- another {SECRET}\n")
    staff = root / f"{UNIT}/employees.yaml"
    text = staff.read_text()
    nip_line = next(line for line in text.splitlines() if "nip:" in line)
    staff.write_text(text.replace(nip_line, nip_line.replace('"', ""), 1))  # 18 digits, unquoted
    (root / "contracts/attendance/2026-03/dinas-umum.csv").write_text(
        "employee,month,working_days,absent_days,tl1,tl2,tl3,tl4,psw1,psw2,psw3,psw4\n"
        f"e-staf,2026-03,{'9' * 5000},0,0,0,0,0,0,0,0,0\n")
    for _, month, entry, _ in NUMBERS:
        (root / f"{REAL}/2026-{month}.yaml").write_text(_realisation(month, entry))
    for _, month, entry, _, _ in SIGNS:
        (root / f"{REAL}/2026-{month}.yaml").write_text(_realisation(month, entry))


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("KINERJA_DEBUG", None)
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)


@dataclass
class Runs:
    root: Path
    text: subprocess.CompletedProcess[str]
    json: subprocess.CompletedProcess[str]
    github: subprocess.CompletedProcess[str]
    score: subprocess.CompletedProcess[str]
    site: subprocess.CompletedProcess[str]

    @property
    def problems(self) -> list[dict[str, Any]]:
        return json.loads(self.json.stdout)["problems"]

    def everything(self) -> str:
        return "\n".join(r.stdout + r.stderr for r in (self.text, self.json, self.github, self.score, self.site))


def _with_site(root: Path) -> None:
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("security"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")


def _all_runs(root: Path) -> Runs:
    _with_site(root)
    validate = ["kinerja", "validate", "--lang", "en", "--all", "--format"]
    return Runs(root, run([*validate, "text"], root), run([*validate, "json"], root), run([*validate, "github"], root),
                run(["kinerja", "score", "--output", "scores", "--lang", "en"], root),
                run(["mkdocs", "build", "--strict"], root))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("hostile")
    make_hostile(base / "repo", base / "outside")
    return _all_runs(base / "repo")


@pytest.fixture(scope="module")
def no_required(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("required") / "repo"
    shutil.copytree(MINI, root)
    for name in ("organisation", "periods", "settings"):
        (root / f"contracts/{name}.yaml").unlink()
    return _all_runs(root)


def _no_partial_output(runs: Runs) -> None:
    for result in (runs.text, runs.json, runs.github, runs.score, runs.site):
        assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    assert runs.text.returncode == runs.json.returncode == runs.github.returncode == 1
    assert runs.score.returncode == 1 and not (runs.root / "scores").exists()
    assert runs.site.returncode != 0
    assert not (runs.root / "site").exists() and not (runs.root / "generated").exists()


@pytest.mark.parametrize("kind", KINDS, ids=[k.id for k in KINDS])
def test_hostile_file_is_refused_located_in_one_run(hostile: Runs, kind: Kind) -> None:
    matches = [p for p in hostile.problems if p["file"] == kind.file and p["code"] == kind.code]
    assert matches, [(p["file"], p["code"]) for p in hostile.problems if p["file"] == kind.file]
    if kind.line is not None:
        assert matches[0]["line"] == kind.line
    if kind.field:
        assert matches[0]["path"] == kind.field
    assert f"{kind.file}" in hostile.text.stdout and kind.code in hostile.text.stdout
    assert f"file={kind.file}" in hostile.github.stdout.replace("%2C", ",")
    _no_partial_output(hostile)
    assert kind.code in hostile.score.stderr and kind.code in hostile.site.stderr


def test_nothing_outside_the_repository_and_no_non_mapping_content_is_echoed(hostile: Runs) -> None:
    assert SECRET not in hostile.everything()
    assert "K015" not in {p["code"] for p in hostile.problems if p["file"] == f"{UNIT}/employees.yaml"}


def test_a_refused_number_is_shown_shortened(hostile: Runs) -> None:
    shown = next(p for p in hostile.problems if p["file"] == f"{REAL}/2026-04.yaml")
    assert len(shown["message"]) < 200 and "9" * 30 not in shown["message"]


def test_a_link_is_reported_when_only_its_folder_is_validated(hostile: Runs) -> None:
    """``kinerja validate <folder>`` shows the problems under the folder: a link belongs where it is, not
    where it points (outside the repository, or to another folder)."""
    result = run(["kinerja", "validate", "--format", "json", SKP], hostile.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    shown = {(p["code"], p["file"]) for p in json.loads(result.stdout)["problems"]}
    assert {("K013", f"{SKP}/e-out.yaml"), ("K013", f"{SKP}/e-in.yaml"), ("K014", f"{SKP}/e-sock.yaml")} <= shown
    assert all(file.startswith(SKP + "/") for _, file in shown)


REQUIRED = ["contracts/organisation.yaml", "contracts/periods.yaml", "contracts/settings.yaml"]


@pytest.mark.parametrize("file", REQUIRED, ids=[f"missing-{Path(f).stem}" for f in REQUIRED])
def test_a_missing_required_file_is_an_error(no_required: Runs, file: str) -> None:
    assert [p for p in no_required.problems if p["code"] == "K017" and p["file"] == file]
    assert f"{file}: ERROR K017" in no_required.text.stdout
    _no_partial_output(no_required)
    assert "K017" in no_required.score.stderr and "K017" in no_required.site.stderr


def test_the_data_root_itself_may_not_be_a_link(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    shutil.copytree(MINI / "contracts", real)
    (tmp_path / "repo").mkdir()
    os.symlink(real, tmp_path / "repo" / "contracts")
    loaded = load_tree(tmp_path / "repo", cache=False)
    assert [(p.code, p.file) for p in loaded.problems] == [("K013", "contracts")]
    assert loaded.files_read == 0 and not loaded.province.employees


# --- the reader itself, in process ------------------------------------------------------------------------
def test_reader_refuses_devices_fifos_and_links_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    os.symlink(tmp_path / "fifo", tmp_path / "link")
    for path, what in (("/dev/zero", "device"), ("/dev/null", "device"), (tmp_path / "fifo", "fifo"),
                       (tmp_path / "link", "symlink"), (tmp_path, "folder")):
        with pytest.raises(files.NotRegular) as refused:
            files.read_regular(path, 1024)
        assert refused.value.what == what


def test_reader_never_reads_past_the_limit_whatever_the_size_says(tmp_path: Path) -> None:
    with pytest.raises(files.TooLarge):  # procfs says size 0 and then gives more
        files.read_regular("/proc/self/status", 16)
    (tmp_path / "ok.yaml").write_bytes(b"a: 1\n" * 100)
    assert files.read_regular(tmp_path / "ok.yaml", 500) == b"a: 1\n" * 100
    with pytest.raises(files.TooLarge):
        files.read_regular(tmp_path / "ok.yaml", 499)


def test_a_link_on_the_way_to_a_named_file_is_refused(tmp_path: Path) -> None:
    """Callers that name files (the intake service's partial loads) get the same refusal."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    outside = tmp_path / "outside"
    shutil.move(str(root / UNIT), outside)
    os.symlink(outside, root / UNIT)
    loaded = load_tree(root, files=[f"{SKP}/e-staf.yaml"], cache=False)
    assert [(p.code, p.file) for p in loaded.problems] == [("K013", f"{SKP}/e-staf.yaml")]


# --- numbers: the loader, the canonical writer and the forms' mirror ------------------------------------
@pytest.mark.parametrize("text", ["9" * 5000, "1.0e999999999", "-1.0e999999999", "1.0e-999999999", "1.0e400",
                                  "9" * 1_000_000], ids=["5000-digits", "e+999999999", "negative-e+999999999",
                                                         "e-999999999", "e400", "a-million-digits"])
def test_the_loader_refuses_a_hostile_number_at_once(text: str) -> None:
    started = time.perf_counter()
    data, problems = yamlsafe.load_text(f"a:\n  b: [1, {text}]\n", "f.yaml")
    elapsed = time.perf_counter() - started
    assert data is None and [(p.code, p.line, p.column, p.path) for p in problems] == \
        [("K015" if "e-" not in text else "K016", 2, 10, ("a", "b", 1))]
    print(f"refused {len(text)} characters in {elapsed * 1000:.2f} ms")  # a figure, not a timed assertion


@pytest.mark.parametrize("value", ["1.0e999999999", "9" * 5000, "1e-30", 1e300, 10 ** 40],
                         ids=["text-e+999999999", "text-5000-digits", "text-e-30", "float-1e300", "int-10e40"])
def test_the_canonical_writer_never_expands_a_hostile_number(value: Any) -> None:
    written = yamlsafe.dump({"value": canonical.number(value)})
    assert len(written) < 6000
    data, problems = yamlsafe.load_text(written, "intake.yaml")
    assert {p.code for p in problems} <= {"K015", "K016"} and problems and problems[0].path == ("value",)


def test_the_forms_mirror_the_bounds() -> None:
    script = (Path(canonical.__file__).parent / "assets" / "kinerja-forms.js").read_text(encoding="utf-8")
    assert (f"var BOUNDS = {{ maxChars: {bounds.MAX_CHARS}, maxExponent: {bounds.MAX_EXPONENT}, "
            f"minExponent: {bounds.MIN_EXPONENT} }};") in script


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the forms' script")
def test_the_forms_refuse_exactly_what_python_refuses(tmp_path: Path) -> None:
    cases = ["95.5", "1.0e999999999", "9" * 5000, "1e-30", "1e15", "999999999999999", "0.00000000000000000001",
             "0.000000000000000000001", "-9.9e14", "1.000e14", "100000000000000.0", ".5e-20", "0e999", "7.",
             "1e-20", "10e-21", "0.0e-999999999", "0.0e15", "0.0e14", "0." + "0" * 21, "abc", "", "1,5", "-0.0", "+12", "0." + "0" * 38 + "1", "1" + "0" * 14 + "e0"]
    cases += [f"{m}e{e}" for m in ("1", "9.99", "0.001", "123.4500") for e in range(-25, 20, 3)]
    script = (Path(canonical.__file__).parent / "assets" / "kinerja-forms.js").read_text(encoding="utf-8")
    runner = tmp_path / "run.js"
    runner.write_text("var window = {}; var document = {readyState: 'loading', addEventListener: function () {}};\n"
                      + script +
                      "\nconsole.log(JSON.stringify(JSON.parse(process.argv[2]).map(window.KinerjaForms.numberRefusal)));\n")
    result = subprocess.run(["node", str(runner), json.dumps(cases)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [bounds.refusal(c) for c in cases]


# --- fuzzing: the loader and the canonical writer on any number ------------------------------------------
from hypothesis import given, strategies as st  # noqa: E402 - kept beside the properties that use it

_MANTISSA = st.from_regex(r"\A[-+]?(?:[0-9]{1,60}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})\Z")
_NUMBER = st.one_of(_MANTISSA, st.tuples(_MANTISSA, st.integers(-10**12, 10**12)).map(lambda t: f"{t[0]}e{t[1]}"))


@given(_NUMBER)
def test_fuzz_the_loader_gives_a_bounded_number_or_a_located_refusal(text: str) -> None:
    data, problems = yamlsafe.load_text(f"value: {text}\n", "f.yaml")
    if problems:
        assert [(p.code, p.line, p.column, p.path) for p in problems] in (
            [("K015", 1, 8, ("value",))], [("K016", 1, 8, ("value",))]), (text, problems)
        assert data is None or "." not in text and "e" not in text  # a long plain integer may stay (for K012)
    else:
        value = data["value"]
        assert isinstance(value, str) or bounds.is_within_bounds(value), text  # "1e5" is text to the loader


@given(st.one_of(_NUMBER, st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**50, 10**50)))
def test_fuzz_the_canonical_writer_round_trips_or_the_loader_refuses(value: Any) -> None:
    number = canonical.number(value)
    if number is None:
        return
    written = yamlsafe.dump({"value": number})
    data, problems = yamlsafe.load_text(written, "intake.yaml")
    if problems:
        assert {p.code for p in problems} <= {"K015", "K016"} and not bounds.is_within_bounds(number)
    else:
        assert data["value"] == number


PUBLISHED_REFUSED = {  # a hand-written page or schema the site copies: kind -> file, K018 wording (en)
    "docs-link-outside": ("docs/leak.md", "symbolic link leaving the repository"),
    "docs-link-dev-zero": ("docs/zero.md", "symbolic link leaving the repository"),
    "docs-fifo": ("docs/pipe.md", "FIFO"),
    "docs-link-loop": ("docs/loop.md", "loop of symbolic links"),
    "schema-link-outside": ("schemas/leak.schema.json", "symbolic link leaving the repository"),
}


def test_the_site_copies_only_regular_files_inside_the_repository(tmp_path: Path) -> None:
    """docs/ and schemas/ are copied into the site: a link leaving the repository (a secret, /dev/zero),
    a FIFO (which would hang the build) or a loop is refused, located, in one run, nothing written and
    nothing echoed; a link to a file inside the repository (a README linked into docs/) is published."""
    root, outside = tmp_path / "repo", tmp_path / "outside"
    shutil.copytree(MINI, root)
    _with_site(root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    outside.mkdir()
    (outside / "secret.md").write_text(f"api_key: {SECRET}\n")
    (outside / "leak.schema.json").write_text(json.dumps({"description": SECRET}))
    (root / "README.md").write_text("# Linked readme\n")
    _symlink(outside / "secret.md", root / "docs/leak.md")
    _symlink("/dev/zero", root / "docs/zero.md")
    _symlink("loop.md", root / "docs/loop.md")
    os.mkfifo(root / "docs/pipe.md")
    _symlink(outside / "leak.schema.json", root / "schemas/leak.schema.json")
    _symlink("../README.md", root / "docs/readme.md")
    site = ["kinerja", "site", "--lang", "en", "--only-primary", "--no-history", "--out", "out/site"]
    refused = run(site, root)
    text = refused.stdout + refused.stderr
    assert refused.returncode == 2 and "Traceback" not in text and SECRET not in text, text
    for file, what in PUBLISHED_REFUSED.values():
        assert f"{file}: K018 This file (a {what}" in text, text
    assert not (root / "out").exists()
    for file, _ in PUBLISHED_REFUSED.values():
        (root / file).unlink()
    published = run(site, root)
    assert published.returncode == 0, published.stderr[-2000:]
    assert (root / "out/site/readme.md").read_text() == "# Linked readme\n"
    assert sorted(p.name for p in (root / "out").iterdir()) == ["site"]  # the chart cache is not beside it


def test_review_refuses_a_change_that_deletes_a_required_file(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``kinerja review`` lists a commit's files itself (not through the loader): a change deleting
    settings.yaml, organisation.yaml or periods.yaml is K017 at that file, in the working tree and on a
    branch, exit 1, never 'valid'. A change that deletes nothing required still passes."""
    from click.testing import CliRunner

    from kinerja.cli import main

    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    isolated = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Budi",
                "GIT_AUTHOR_EMAIL": "budi@contoh.go.id", "GIT_COMMITTER_NAME": "Budi",
                "GIT_COMMITTER_EMAIL": "budi@contoh.go.id"}
    for key, value in isolated.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(root)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    def review(*args: str) -> tuple[int, list[tuple[str, str]]]:
        result = CliRunner().invoke(main, ["review", "--base", "main", *args, "--format", "json", "--lang", "en"])
        assert "Traceback" not in result.output and not isinstance(result.exception, (TypeError, KeyError))
        return result.exit_code, [(p["code"], p["file"]) for p in json.loads(result.stdout)["problems"]]

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Data awal")
    for file in REQUIRED:
        (root / file).unlink()
        code, found = review()
        assert code == 1 and ("K017", file) in found, found
        git("checkout", "-q", "--", file)
    git("checkout", "-q", "-b", "delete-organisation")
    git("rm", "-q", "contracts/organisation.yaml")
    git("commit", "-q", "-m", "Hapus")
    code, found = review("--head", "delete-organisation")
    assert code == 1 and ("K017", "contracts/organisation.yaml") in found
    git("checkout", "-q", "main")
    code, found = review()
    assert code == 0 and not any(c == "K017" for c, _ in found)


def test_a_schema_that_is_a_fifo_or_a_link_to_a_device_does_not_hang_validate(tmp_path: Path) -> None:
    """The repository's schemas/ are read like data files (bounded, never through a link leaving the
    repository): a FIFO or a link to /dev/zero there used to hang ``kinerja validate`` (the schema digest
    read it to the end)."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, capture_output=True)  # the parse cache's digest
    os.mkfifo(root / "schemas/pipe.schema.json")
    (root / "schemas/realisation.schema.json").unlink()
    _symlink("/dev/zero", root / "schemas/realisation.schema.json")
    result = run(["kinerja", "validate", "--lang", "en"], root)  # a hang fails on the TIMEOUT
    assert "Traceback" not in result.stdout + result.stderr and result.returncode in (0, 1), result.stderr[-2000:]


@pytest.mark.parametrize("how", ["deleted", "fifo", "link-to-device"])
def test_a_repository_schema_that_is_gone_falls_back_to_the_packaged_one(tmp_path: Path, how: str) -> None:
    """Deleting (or replacing) the repository's own schema of a kind never switches its checks off: the
    packaged schema of that kind applies, so an invalid realisation is still refused at its line."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    schema = root / "schemas/realisation.schema.json"
    schema.unlink()
    if how == "fifo":
        os.mkfifo(schema)
    elif how == "link-to-device":
        _symlink("/dev/zero", schema)
    real = next((root / "contracts").rglob("realisations/*/*.yaml"))
    real.write_text(real.read_text(encoding="utf-8") + "unexpected_field: 1\n", encoding="utf-8")
    result = run(["kinerja", "validate", "--lang", "en", "--format", "json"], root)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr[-2000:]
    found = json.loads(result.stdout)
    problems = found["problems"] if isinstance(found, dict) else found
    hits = [p for p in problems if p["file"].endswith(real.name) and p["code"].startswith("K1")]
    assert hits and all(p["line"] for p in hits), problems
