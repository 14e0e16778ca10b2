"""Outputs never destroy (issue 12, item 1): every command that writes a folder or a file refuses what it
did not make, names it and says what to do (exit 2), and touches nothing; it writes a missing, empty or
own output, atomically.

Three layers, cheapest first: the module :mod:`kinerja.outdir` on every hostile kind (in process); every
command on every refused case through the real click command line run in process (``CliRunner``); and a
few real ``kinerja`` and ``mkdocs build`` processes, run side by side, for the cases that matter most.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from conftest import MINI, Result, run_cli
from kinerja import errors, outdir
from kinerja.cli import main
from kinerja.outdir import MARKER, OutputRefused

SENTINEL = b"do not lose me \x00\xff\n"
COMMANDS = ("score", "site", "generate", "bench")  # the commands that write a folder


# --- helpers ---------------------------------------------------------------------------------------------------
def snapshot(top: Path) -> dict[str, Any]:
    """Everything under ``top`` (links not followed): type, bytes or link target; the parse cache aside."""
    found: dict[str, Any] = {}
    for here, dirs, files in os.walk(top):
        for name in dirs + files:
            path = Path(here) / name
            rel = path.relative_to(top).as_posix()
            if rel.startswith(".git/kinerja") or "/.git/kinerja" in rel:
                continue
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path))
            elif path.is_file():
                found[rel] = ("file", path.read_bytes())
            elif path.is_dir():
                found[rel] = ("dir",)
            else:
                found[rel] = ("other",)
        dirs[:] = [d for d in dirs if not (Path(here) / d).is_symlink()]
    return found


def make_repo(top: Path) -> Path:
    """The mini instance with a (bare-bones) Git directory and a hand-written page."""
    repo = top / "repo"
    shutil.copytree(MINI, repo)
    (repo / ".git" / "objects").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "notes.txt").write_bytes(SENTINEL)
    return repo


def foreign(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "keep.txt").write_bytes(SENTINEL)
    return path


def marked(path: Path, command: str, entries: list[str] | None = None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).write_text(json.dumps({"command": command, "entries": entries or []}))
    return path


def template_book(path: Path, hidden_sheet: str = "_kinerja") -> Path:
    """A minimal .xlsx whose workbook names ``hidden_sheet`` (what the template check reads)."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/workbook.xml", f'<workbook><sheets><sheet name="{hidden_sheet}"/></sheets></workbook>')
    return path


def hint_of(code: str, target: Path, lang: str = "id") -> str:
    kind = errors.get(code)
    return (kind.hint_en if lang == "en" else kind.hint_id).replace("{target}", str(target))


# --- 1. the module on every hostile kind --------------------------------------------------------------------
# Each kind: (id, owner, builds the target in (repo, tmp) and returns it, the expected code, file output?)
Kind = tuple[str, outdir.Owner, Callable[[Path, Path], Path | str], str, bool]


def _link(target: Path, name: Path) -> Path:
    name.symlink_to(target)
    return name


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _big_marker(path: Path) -> Path:
    path.mkdir()
    (path / MARKER).write_text(json.dumps({"command": "score", "entries": ["x" * 70_000]}))
    return path


def _marker_link(path: Path, tmp: Path) -> Path:
    path.mkdir()
    (tmp / "real-marker").write_text(json.dumps({"command": "score", "entries": []}))
    (path / "data.csv").write_bytes(SENTINEL)
    (path / MARKER).symlink_to(tmp / "real-marker")
    return path


def _legacy_with_notes(path: Path) -> Path:
    path.mkdir()
    (path / "scores.csv").write_text("old")
    (path / "notes.txt").write_bytes(SENTINEL)
    return path


def _other_data(tmp: Path) -> Path:
    other = tmp / "other-instance"
    (other / "contracts").mkdir(parents=True)
    (other / "contracts" / "organisation.yaml").write_text("units: []\n")
    return other / "contracts" / "units" / "out"


KINDS: list[Kind] = [
    ("repository-root", outdir.SCORE, lambda repo, tmp: repo, "K806", False),
    ("current-folder-dot", outdir.SCORE, lambda repo, tmp: ".", "K806", False),
    ("current-folder-dot-slash-dot-dot", outdir.SITE, lambda repo, tmp: "./contracts/..", "K806", False),
    ("ancestor-of-data-root", outdir.SITE, lambda repo, tmp: repo.parent, "K806", False),
    ("file-system-root", outdir.GENERATE, lambda repo, tmp: "/", "K806", False),
    ("git-folder", outdir.SCORE, lambda repo, tmp: repo / ".git", "K806", False),
    ("inside-git", outdir.SITE, lambda repo, tmp: repo / ".git" / "objects" / "out", "K806", False),
    ("contracts-folder", outdir.GENERATE, lambda repo, tmp: repo / "contracts", "K806", False),
    ("inside-contracts", outdir.SCORE, lambda repo, tmp: repo / "contracts" / "units" / "new", "K806", False),
    ("inside-another-data-folder", outdir.FORMS, lambda repo, tmp: _other_data(tmp), "K806", False),
    ("forged-marker-in-repository-root", outdir.SCORE,
     lambda repo, tmp: marked(repo, "score", ["contracts", ".git", "notes.txt"]), "K806", False),
    ("forged-marker-in-contracts", outdir.SITE, lambda repo, tmp: marked(repo / "contracts", "site"), "K806", False),
    ("symlink-to-empty-folder", outdir.SCORE, lambda repo, tmp: _link((tmp / "empty").resolve(), tmp / "ln"),
     "K803", False),
    ("dangling-symlink", outdir.SITE, lambda repo, tmp: _link(tmp / "nowhere", tmp / "ln"), "K803", False),
    ("symlink-to-own-output", outdir.SCORE, lambda repo, tmp: _link(marked(tmp / "own", "score"), tmp / "ln"),
     "K803", False),
    ("symlink-to-repository", outdir.BENCH, lambda repo, tmp: _link(repo, tmp / "ln"), "K803", False),
    ("file-where-folder", outdir.SCORE, lambda repo, tmp: repo / "notes.txt", "K804", False),
    ("fifo-where-folder", outdir.GENERATE, lambda repo, tmp: _fifo(tmp / "pipe"), "K804", False),
    ("foreign-folder", outdir.SITE, lambda repo, tmp: foreign(tmp / "mine"), "K807", False),
    ("foreign-file-named-like-a-staging-leftover", outdir.SCORE,
     lambda repo, tmp: _plus(tmp / "f", ".out.kinerja-staging-1"), "K807", False),
    ("foreign-hidden-file-only", outdir.GENERATE, lambda repo, tmp: _hidden(tmp / "dot"), "K807", False),
    ("own-marker-plus-git", outdir.GENERATE,
     lambda repo, tmp: _plus(marked(tmp / "gen", "generate", ["contracts"]), ".git"), "K807", False),
    ("own-marker-plus-notes", outdir.SITE,
     lambda repo, tmp: _plus(marked(tmp / "site", "site", ["index.md"]), "notes.txt"), "K807", False),
    ("marker-of-another-command", outdir.SITE, lambda repo, tmp: marked(tmp / "scores", "score"), "K808", False),
    ("marker-not-json", outdir.SCORE, lambda repo, tmp: _garbage_marker(tmp / "g"), "K807", False),
    ("marker-too-large", outdir.SCORE, lambda repo, tmp: _big_marker(tmp / "big"), "K807", False),
    ("marker-is-a-symlink", outdir.SCORE, lambda repo, tmp: _marker_link(tmp / "m", tmp), "K807", False),
    ("old-score-output-plus-notes", outdir.SCORE, lambda repo, tmp: _legacy_with_notes(tmp / "s"), "K807", False),
    ("old-site-marker-is-a-folder", outdir.SITE, lambda repo, tmp: _plus(tmp / "old", ".kinerja-site", True),
     "K807", False),
    ("name-too-long-for-the-staging-folder", outdir.SCORE, lambda repo, tmp: tmp / ("x" * 250), "K809", False),
    ("workbook-is-a-folder", outdir.TEMPLATE, lambda repo, tmp: foreign(tmp / "book.xlsx"), "K805", True),
    ("workbook-is-the-repository", outdir.TEMPLATE, lambda repo, tmp: repo, "K805", True),
    ("workbook-is-a-symlink", outdir.TEMPLATE,
     lambda repo, tmp: _link(template_book(tmp / "real.xlsx"), tmp / "book.xlsx"), "K803", True),
    ("workbook-is-a-fifo", outdir.TEMPLATE, lambda repo, tmp: _fifo(tmp / "book.xlsx"), "K805", True),
    ("workbook-over-a-foreign-file", outdir.TEMPLATE, lambda repo, tmp: repo / "notes.txt", "K807", True),
    ("workbook-over-another-workbook", outdir.TEMPLATE,
     lambda repo, tmp: template_book(tmp / "other.xlsx", "Sheet1"), "K807", True),
    ("workbook-inside-contracts", outdir.TEMPLATE, lambda repo, tmp: repo / "contracts" / "t.xlsx", "K806", True),
    ("workbook-inside-git", outdir.TEMPLATE, lambda repo, tmp: repo / ".git" / "t.xlsx", "K806", True),
]


def _hidden(path: Path) -> Path:
    path.mkdir()
    (path / ".env").write_bytes(SENTINEL)
    return path


def _plus(path: Path, name: str, folder: bool = False) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    if folder:
        foreign(path / name)
    else:
        (path / name).write_bytes(SENTINEL)
    return path


def _garbage_marker(path: Path) -> Path:
    path.mkdir()
    (path / MARKER).write_text("made by me, honest")
    (path / "data.csv").write_bytes(SENTINEL)
    return path


@pytest.mark.parametrize("kind", KINDS, ids=[k[0] for k in KINDS])
def test_module_refuses_and_touches_nothing(kind: Kind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name, owner, build, code, is_file = kind
    repo = make_repo(tmp_path)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(repo)
    target = build(repo, tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(OutputRefused) as caught:
        if is_file:
            outdir.write_file(target, owner, lambda path: path.write_bytes(b"new"), (repo,))
        else:
            with outdir.replacing(target, owner, (repo,)) as staging:
                (staging / "new.txt").write_text("new")
    item = caught.value.problem
    assert item.code == code, (name, item.code, item.message("en"))
    shown = Path(os.path.abspath(target))
    shown = shown if shown.parent == shown else shown.parent.resolve() / shown.name
    for lang in ("id", "en"):
        text = caught.value.render(lang)
        assert str(shown) in text and hint_of(code, shown, lang) in text
    assert snapshot(tmp_path) == before, "nothing is touched"


@pytest.mark.parametrize("owner", [outdir.SCORE, outdir.SITE, outdir.GENERATE, outdir.FORMS, outdir.BENCH],
                         ids=lambda o: o.command)
def test_module_writes_missing_empty_and_own_folders(owner: outdir.Owner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing, empty = tmp_path / "a" / "b" / "out", tmp_path / "empty"
    empty.mkdir()
    for target in (missing, empty, missing):  # the third run replaces the first one's output (its own)
        with outdir.replacing(target, owner) as staging:
            (staging / "part").mkdir()
            (staging / "part" / "file.txt").write_text(str(target))
        assert (target / "part" / "file.txt").read_text() == str(target)
        mark = json.loads((target / MARKER).read_text())
        assert mark["command"] == owner.command and mark["entries"] == ["part"]
    assert sorted(p.name for p in missing.parent.iterdir()) == ["out"], "no staging or old folder is left"


def test_module_accepts_outputs_of_earlier_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    scores = tmp_path / "scores"
    (scores / "2026").mkdir(parents=True)
    (scores / "2026" / "dinas.json").write_text("{}")
    (scores / "scores.csv").write_text("old")
    (scores / "allowance.csv").write_text("old")
    site = _plus(tmp_path / "site", ".kinerja-site")
    (site / "index.md").write_text("old")
    forms = tmp_path / "forms"
    (forms / "assets" / "kinerja-forms-data").mkdir(parents=True)
    (forms / "realisasi.md").write_text("old")
    (forms / "assets" / "kinerja-forms.js").write_text("old")
    bench = tmp_path / "bench"
    (bench / "province").mkdir(parents=True)
    (bench / "province" / ".bench.json").write_text("{}")
    (bench / "scores").mkdir()
    book = template_book(tmp_path / "book.xlsx")
    for target, owner in ((scores, outdir.SCORE), (site, outdir.SITE), (forms, outdir.FORMS)):
        with outdir.replacing(target, owner) as staging:
            (staging / "new.txt").write_text("new")
        assert sorted(p.name for p in target.iterdir()) == [MARKER, "new.txt"]
    assert outdir.claim(bench, outdir.BENCH) == bench and (bench / MARKER).is_file()
    assert (bench / "province" / ".bench.json").is_file(), "a claimed work folder keeps its content"
    outdir.write_file(book, outdir.TEMPLATE, lambda path: path.write_bytes(b"new"))
    assert book.read_bytes() == b"new"
    # the old marker alone does not make a folder ours for another command
    with pytest.raises(OutputRefused):
        outdir.check_folder(_plus(tmp_path / "old-site", ".kinerja-site"), outdir.SCORE)


# --- crashes: the previous output stays whole ----------------------------------------------------------------
def _previous(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "out"
    with outdir.replacing(out, outdir.SCORE) as staging:
        (staging / "scores.csv").write_bytes(SENTINEL)
    return out, snapshot(tmp_path)


@pytest.mark.parametrize("crash", [RuntimeError("boom"), KeyboardInterrupt(), SystemExit(1)],
                         ids=["error-while-staging", "interrupt-while-staging", "exit-while-staging"])
def test_a_crash_while_staging_leaves_the_previous_output(crash: BaseException, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out, before = _previous(tmp_path)
    with pytest.raises(type(crash)):
        with outdir.replacing(out, outdir.SCORE) as staging:
            (staging / "scores.csv").write_text("half")
            raise crash
    assert snapshot(tmp_path) == before


def test_a_failing_swap_puts_the_previous_output_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out, before = _previous(tmp_path)
    real = os.rename
    calls: list[str] = []

    def rename(src: Any, dst: Any) -> None:
        calls.append(str(src))
        if len(calls) == 2:  # the staging folder moving in place of the old output
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(outdir.os, "rename", rename)
    with pytest.raises(OutputRefused) as caught:
        with outdir.replacing(out, outdir.SCORE) as staging:
            (staging / "scores.csv").write_text("new")
    assert caught.value.problem.code == "K809" and "No space left" in caught.value.render("en")
    assert snapshot(tmp_path) == before


def test_a_file_dropped_in_during_the_run_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The target is checked again at the swap: a foreign file that appeared meanwhile stops it."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    with pytest.raises(OutputRefused) as caught:
        with outdir.replacing(out, outdir.SITE) as staging:
            (staging / "index.md").write_text("new")
            foreign(out)
    assert caught.value.problem.code == "K807"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and (out / "keep.txt").read_bytes() == SENTINEL


def test_a_failing_workbook_write_leaves_the_previous_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    book = template_book(tmp_path / "book.xlsx")
    before = snapshot(tmp_path)

    def half(path: Path) -> None:
        path.write_bytes(b"PK half")
        raise OSError(5, "Input/output error")

    with pytest.raises(OutputRefused) as caught:
        outdir.write_file(book, outdir.TEMPLATE, half)
    assert caught.value.problem.code == "K809"
    assert snapshot(tmp_path) == before


def test_a_crash_inside_score_and_generate_leaves_their_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands themselves (in process): the scoring or the generator fails half-way."""
    from kinerja.generate import writer
    from kinerja.score import output

    repo = make_repo(tmp_path)
    monkeypatch.chdir(repo)
    runner = CliRunner()
    scores, province = tmp_path / "scores", tmp_path / "province"
    assert runner.invoke(main, ["score", "--output", str(scores)]).exit_code == 0
    assert runner.invoke(main, ["generate", "--out", str(province)]).exit_code == 0
    before = snapshot(tmp_path)
    calls = {"n": 0}
    real_yaml = writer.Writer.yaml

    def broken_yaml(self: Any, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 5:
            raise RuntimeError("disk gone")
        real_yaml(self, *args, **kwargs)

    monkeypatch.setattr(output, "merged_csv", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("disk gone")))
    monkeypatch.setattr(writer.Writer, "yaml", broken_yaml)
    for args in (["score", "--output", str(scores)], ["generate", "--out", str(province)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 3 and "disk gone" in result.stderr and "Traceback" not in result.output
    assert snapshot(tmp_path) == before


# --- 2. every command on every refused case, through the command line (in process) ------------------------
def _cases(repo: Path, tmp: Path) -> list[tuple[str, list[str], Path, str]]:
    """(id, arguments, the path the message must name, the expected code) for each command and case."""
    cases = []
    for command in COMMANDS:
        option = {"score": "--output", "site": "--out", "generate": "--out", "bench": "--workdir"}[command]
        extra = {"site": ["--no-history"], "generate": ["--employees", "10"], "bench": ["--employees", "10"]}
        other = "site" if command == "score" else "score"
        targets = {
            "repository-root": (str(repo), repo, "K806"),
            "dot": (".", repo, "K806"),
            "foreign-folder": (str(foreign(tmp / f"foreign-{command}")), tmp / f"foreign-{command}", "K807"),
            "git": (".git", repo / ".git", "K806"),
            "contracts": ("contracts/units", repo / "contracts" / "units", "K806"),
            "symlink": (str(_link(tmp / "empty", tmp / f"ln-{command}")), tmp / f"ln-{command}", "K803"),
            "file": ("notes.txt", repo / "notes.txt", "K804"),
            "other-command": (str(marked(tmp / f"made-by-{other}", other)), tmp / f"made-by-{other}", "K808"),
        }
        for case, (value, shown, code) in targets.items():
            cases.append((f"{command}-{case}", [command, option, value, *extra.get(command, [])], shown, code))
    book = {"repository-root": (str(repo), repo, "K805"), "dot": (".", repo, "K805"),
            "foreign-file": ("notes.txt", repo / "notes.txt", "K807"),
            "git": (".git/t.xlsx", repo / ".git" / "t.xlsx", "K806"),
            "contracts": ("contracts/t.xlsx", repo / "contracts" / "t.xlsx", "K806"),
            "symlink": (str(_link(tmp / "nowhere.xlsx", tmp / "ln.xlsx")), tmp / "ln.xlsx", "K803"),
            "folder": (str(foreign(tmp / "folder.xlsx")), tmp / "folder.xlsx", "K805")}
    for case, (value, shown, code) in book.items():
        cases.append((f"intake-template-{case}",
                      ["intake", "template", "--unit", "dinas-umum", "--period", "2026", "--out", value], shown, code))
    return cases


def test_every_command_refuses_every_hostile_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(repo)
    cases = _cases(repo, tmp_path)
    assert len(cases) == 39
    before = snapshot(tmp_path)
    runner = CliRunner()
    failures = []
    for case, args, shown, code in cases:
        result = runner.invoke(main, args)
        err = result.stderr
        checks = {"exit 2": result.exit_code == 2, "code": code in err, "names the path": str(shown) in err,
                  "says what to do": hint_of(code, shown) in err,
                  "no traceback": "Traceback" not in result.output and isinstance(result.exception, SystemExit)}
        failures += [f"{case}: {what}\n{err}" for what, ok in checks.items() if not ok]
    assert not failures, "\n".join(failures)
    assert snapshot(tmp_path) == before, "nothing is touched"


# --- 3. real processes: the cases that matter most, side by side ----------------------------------------------
def _plugin_config(repo: Path, name: str, output: str) -> str:
    (repo / name).write_text(f"site_name: t\ndocs_dir: docs\nplugins:\n  - kinerja:\n      data_root: .\n"
                             f"      history: false\n      output: {output}\n", encoding="utf-8")
    return name


def _mkdocs(repo: Path, config: str) -> Result:
    env = {k: v for k, v in os.environ.items() if k != "KINERJA_DEBUG"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", "../site-" + config],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def test_real_commands_refuse_the_repository_and_a_foreign_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "docs").mkdir()
    (repo / "docs" / "about.md").write_text("# About\n")
    mine = foreign(tmp_path / "mine")
    runs: list[tuple[str, Callable[[], Result], Path, str]] = [
        ("score --output .", lambda: run_cli("score", "--output", ".", cwd=repo), repo, "K806"),
        ("site --out <repository>", lambda: run_cli("site", "--out", str(repo), cwd=repo), repo, "K806"),
        ("generate --out <foreign>", lambda: run_cli("generate", "--out", str(mine), cwd=repo), mine, "K807"),
        ("bench --workdir <foreign>", lambda: run_cli("bench", "--workdir", str(mine), cwd=repo), mine, "K807"),
        ("intake template --out .git", lambda: run_cli("intake", "template", "--unit", "dinas-umum", "--period",
                                                        "2026", "--out", ".git", cwd=repo), repo / ".git", "K805"),
        ("plugin output: <foreign>", lambda: _mkdocs(repo, _plugin_config(repo, "a.yml", str(mine))), mine, "K807"),
        ("plugin output: .", lambda: _mkdocs(repo, _plugin_config(repo, "b.yml", ".")), repo, "K806"),
        ("plugin output: contracts", lambda: _mkdocs(repo, _plugin_config(repo, "c.yml", "contracts")),
         repo / "contracts", "K806"),
    ]
    for name in ("a.yml", "b.yml", "c.yml"):  # written before the snapshot
        _plugin_config(repo, name, "x")
    before = snapshot(tmp_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda run: run[1](), runs))
    for (name, _, shown, code), result in zip(runs, results):
        assert result.code in ((1,) if name.startswith("plugin") else (2,)), (name, result.err)
        assert code in result.err and str(shown) in result.err and hint_of(code, shown) in result.err, (name, result.err)
        assert "Traceback" not in result.err, name
    after = snapshot(tmp_path)
    for name in ("a.yml", "b.yml", "c.yml"):
        before.pop(f"repo/{name}"), after.pop(f"repo/{name}")
    assert after == before, "nothing is touched (the repository, .git, the sentinels)"


def _sequence(repo: Path, out: Path, owner: str, args: list[str], option: str, check: str) -> list[str]:
    """Run one command into a missing output, then (``kinerja score`` only: the module test covers every
    command) into an empty folder, then into its own output again: a stale file planted inside is gone
    after. Returns what went wrong."""
    if owner == "intake template":
        targets = [out / "book.xlsx"] * 2
    elif owner == "score":
        (out / f"empty-{owner}").mkdir(parents=True)
        targets = [out / owner, out / f"empty-{owner}", out / owner]
    else:
        targets = [out / owner, out / owner]
    problems = []
    for step, target in enumerate(targets):
        stale = target / check.split("/")[0] / "stale.txt"
        if step and target == targets[0] and check:
            stale.write_text("stale")
        result = run_cli(*args, option, str(target), cwd=repo)
        if result.code != 0 or not (target / check if check else target).is_file():
            problems.append(f"{owner} {step} {target}: {result.code} {result.err}")
        elif target.is_dir() and (json.loads((target / MARKER).read_text())["command"] != owner or stale.exists()):
            problems.append(f"{owner} {step} {target}: wrong marker, or the stale file is left")
    return problems


def test_real_commands_write_missing_empty_and_own_outputs(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    out = tmp_path / "out"
    jobs = [("score", ["score"], "--output", "2026/dinas.json"),
            ("site", ["site", "--no-history", "--only-primary"], "--out", "units/dinas/index.md"),
            ("generate", ["generate"], "--out", "contracts/organisation.yaml"),
            ("intake template", ["intake", "template", "--unit", "dinas-umum", "--period", "2026"], "--out", "")]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = [p for problems in pool.map(lambda job: _sequence(repo, out, *job), jobs) for p in problems]
    assert not found, "\n".join(found)
    assert zipfile.is_zipfile(out / "book.xlsx")
    # nothing beside the outputs: no staging left over, and no chart cache (it lives in .git/kinerja)
    assert sorted(p.name for p in out.iterdir()) == \
        ["book.xlsx", "empty-score", "generate", "score", "site"], "no staging left over"


def test_import_bench_refuses_a_foreign_work_folder_and_clears_only_its_own(tmp_path: Path) -> None:
    """The import benchmark's --workdir is checked like every output: a folder with someone else's file is
    refused (exit 2) and survives byte for byte; in its own folder only what it wrote before is removed."""
    from kinerja.bench.imports import _work_folder
    from kinerja.outdir import IMPORT_BENCH, MARKER

    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        _work_folder(str(foreign))
    assert stopped.value.code == 2
    assert sorted(p.name for p in foreign.iterdir()) == ["keep.txt"]
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"

    own = _work_folder(str(tmp_path / "bench"))
    assert (own / MARKER).is_file()
    (own / "instance").mkdir()
    (own / "instance" / "x.yaml").write_text("x: 1\n", encoding="utf-8")
    (own / "siasn.psv").write_text("old", encoding="utf-8")
    assert _work_folder(str(own)) == own
    assert sorted(p.name for p in own.iterdir()) == [MARKER]
    assert "instance" in IMPORT_BENCH.later
