"""The parse cache can never change a result (issue 12, item 4).

Every case runs the pipeline in-process the way ``kinerja validate`` and ``kinerja score`` do (load with
the schema check, validate, score) once with the cache (warm) and once without it (cold), and asserts
the same validation report and the same scores; the raw load (``load_tree`` without a check, as the
intake service and ``review`` use it) is compared too. The explicit cases are the ways a cache was
poisoned or could be; the property test applies random sequences of copies, renames, ``.bak`` files,
swaps, invalid edits, deletions and restorations to the small valid instance.
"""

from __future__ import annotations

import ast
import json
import pickle
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from kinerja.load import cache as cache_module
from kinerja.load import load_tree
from kinerja.report import render_json
from kinerja.score import engine
from kinerja.score import output as score_output
from kinerja.validate import load_checked, validate

UNIT = "contracts/units/dinas-umum"
SKP_STAF = f"{UNIT}/2026/skp/e-staf.yaml"
SKP_KABID = f"{UNIT}/2026/skp/e-kabid.yaml"
REAL = f"{UNIT}/2026/realisations/e-staf/2026-03.yaml"
ASSESSMENT = f"{UNIT}/2026/assessments/e-staf.yaml"


def outcome(root: Path, cache: bool) -> tuple[str, str | None, tuple[object, ...]]:
    """The validation report (JSON), the scores (JSON, when valid) and a summary of the raw load."""
    loaded = load_checked(root, cache=cache, workers=1)
    report = validate(loaded)
    scores = None
    if report.ok:
        run = engine.score(loaded.province)
        scores = score_output.dumps([doc for _, doc in score_output.iter_unit_documents(loaded.province, run, "en")])
    raw = load_tree(root, cache=cache, workers=1)
    summary = (sorted((p.code, p.file, p.line, p.path) for p in raw.problems),
               sorted((d.kind, d.file) for d in raw.documents),
               sorted(raw.province.contracts), sorted(raw.province.realisations), sorted(raw.province.unreadable))
    return render_json(report, "en"), scores, tuple(summary)


def assert_warm_is_cold(root: Path) -> None:
    """A warm run (the cache as earlier runs left it, then updated) gives what a cold run gives."""
    warm = outcome(root, cache=True)
    assert warm == outcome(root, cache=False)
    assert outcome(root, cache=True) == warm  # and the cache this run wrote serves the next one


def new_tree(target: Path) -> Path:
    shutil.copytree(MINI, target)
    (target / ".git").mkdir()
    return target


def shards(root: Path) -> list[Path]:
    return sorted((root / ".git" / "kinerja" / "parse").glob("*/*.pickle"))


def copy(root: Path, src: str, dst: str) -> None:
    (root / dst).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / src, root / dst)


def rename(root: Path, src: str, dst: str) -> None:
    copy(root, src, dst)
    (root / src).unlink()


def swap(root: Path, a: str, b: str) -> None:
    first, second = (root / a).read_bytes(), (root / b).read_bytes()
    (root / a).write_bytes(second)
    (root / b).write_bytes(first)


def edit(root: Path, file: str, old: str, new: str) -> None:
    text = (root / file).read_text(encoding="utf-8")
    assert old in text
    (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")


# --- Explicit cases: each a sequence of steps, warm and cold compared after each -------------------------------

def _bak_copy(root: Path) -> None:
    copy(root, REAL, REAL + ".bak")  # the poisoning of the issue: the real file was read as ignored


def _bak_copy_of_invalid(root: Path) -> None:
    edit(root, REAL, "value: 96", "value: -5")
    copy(root, REAL, REAL + ".bak")


def _copy_into_other_unit(root: Path) -> None:
    copy(root, SKP_STAF, "contracts/units/dinas/2026/skp/e-staf.yaml")


def _copy_into_other_period(root: Path) -> None:
    copy(root, REAL, f"{UNIT}/2027/realisations/e-staf/2026-03.yaml")


def _copy_to_other_reporting_period(root: Path) -> None:
    copy(root, REAL, f"{UNIT}/2026/realisations/e-staf/2026-04.yaml")


def _rename(root: Path) -> None:
    rename(root, REAL, f"{UNIT}/2026/realisations/e-staf/2026-06.yaml")


def _rename_to_yml(root: Path) -> None:
    rename(root, SKP_KABID, SKP_KABID[:-len(".yaml")] + ".yml")


def _rename_to_ignored(root: Path) -> None:
    rename(root, ASSESSMENT, ASSESSMENT + "~")


def _swap_contracts(root: Path) -> None:
    swap(root, SKP_STAF, SKP_KABID)


def _copy_onto_another_employee(root: Path) -> None:
    copy(root, SKP_STAF, SKP_KABID)


def _hidden_copy(root: Path) -> None:
    copy(root, SKP_STAF, f"{UNIT}/2026/skp/.e-staf.yaml")


def _invalid_then_restored(root: Path) -> None:
    edit(root, REAL, "value: 96", "value: [")


def _attendance_twins(root: Path) -> None:
    text = "nip,days\n"
    for name in ("dinas.csv", "dinas.yaml"):  # the same bytes, read as CSV at one path and YAML at the other
        (root / "contracts/attendance/2026-03").mkdir(parents=True, exist_ok=True)
        (root / "contracts/attendance/2026-03" / name).write_text(text, encoding="utf-8")


STEPS: dict[str, list[Callable[[Path], None]]] = {
    "bak-copy": [_bak_copy],
    "bak-copy-of-invalid": [_bak_copy_of_invalid],
    "copy-into-other-unit": [_copy_into_other_unit],
    "copy-into-other-period": [_copy_into_other_period],
    "copy-to-other-reporting-period": [_copy_to_other_reporting_period],
    "rename": [_rename],
    "rename-to-yml": [_rename_to_yml],
    "rename-to-ignored": [_rename_to_ignored],
    "swap-two-files": [_swap_contracts],
    "copy-onto-another-employee": [_copy_onto_another_employee],
    "hidden-copy": [_hidden_copy],
    "invalid-edit-then-bak-then-restore": [_invalid_then_restored, _bak_copy,
                                           lambda root: shutil.copyfile(MINI / REAL, root / REAL)],
    "attendance-csv-yaml-twins": [_attendance_twins],
}


@pytest.mark.parametrize("name", sorted(STEPS))
def test_tree_change_never_served_from_cache(name: str, tmp_path: Path) -> None:
    root = new_tree(tmp_path / "mini")
    assert_warm_is_cold(root)
    for step in STEPS[name]:
        step(root)
        assert_warm_is_cold(root)


def test_bak_copy_no_longer_hides_the_real_file(tmp_path: Path) -> None:
    """The issue's case, spelled out: after a warm run, the realisation is still read and no K011 is
    reported for it."""
    root = new_tree(tmp_path / "mini")
    _bak_copy(root)
    outcome(root, cache=True)
    loaded = load_checked(root, workers=1)
    report = validate(loaded)
    assert [p.file for p in report.problems if p.code == "K011"] == [REAL + ".bak"]
    assert sorted(loaded.province.realisations) == sorted(load_checked(root, cache=False).province.realisations) != []
    assert loaded.files_parsed == 1  # only the ignored copy (never cached) was parsed again


# --- Damaged, foreign and misplaced caches ------------------------------------------------------------------

def _damage(mutate: Callable[[Path], None]) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        found = shards(root)
        assert found, "a warm run writes shards"
        for path in found:
            mutate(path)
    return run


def _truncate(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[:len(raw) // 2])


def _truncate_to_header(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:10])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x80\x05garbage" * 100)


def _flip_a_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) * 3 // 4] ^= 0x20
    path.write_bytes(bytes(raw))


def _wrong_shape(path: Path) -> None:
    path.write_bytes(pickle.dumps({b"x" * 20: "not a position"}) + pickle.dumps(["not a result"]))


def _older_format(path: Path) -> None:
    """A shard as version 7 wrote it (two pickles, no header), holding the results under wrong keys."""
    shard = cache_module.read_shard(path, _fingerprint_of(path))
    assert shard is not None
    index, payload = shard.index, shard.results
    keys = list(index)
    path.write_bytes(pickle.dumps({key: (i + 1) % len(keys) for i, key in enumerate(keys)}) + pickle.dumps(payload))


def _other_fingerprint(path: Path) -> None:
    """A well-formed shard written by another version of the code, with its results shuffled."""
    shard = cache_module.read_shard(path, _fingerprint_of(path))
    assert shard is not None
    values = shard.results[1:] + shard.results[:1]
    cache_module.write_shard(path, b"\1" * 20, dict(zip(shard.index, values)))


def _fingerprint_of(path: Path) -> bytes:
    return path.read_bytes()[20:40]


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _shard_symlink(path: Path) -> None:
    others = [p for p in sorted(path.parent.glob("*.pickle")) if p != path]
    if others:
        path.unlink()
        path.symlink_to(others[0])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated-shard": _damage(_truncate),
    "shard-cut-inside-header": _damage(_truncate_to_header),
    "empty-shard": _damage(_empty),
    "garbage-shard": _damage(_garbage),
    "flipped-byte-in-shard": _damage(_flip_a_byte),
    "pickle-of-wrong-shape": _damage(_wrong_shape),
    "shard-of-older-format": _damage(_older_format),
    "shard-of-other-code-version": _damage(_other_fingerprint),
    "shard-is-symlink": _damage(_shard_symlink),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damaged_cache_is_ignored_and_rebuilt(name: str, tmp_path: Path) -> None:
    root = new_tree(tmp_path / "mini")
    _bak_copy(root)
    cold = outcome(root, cache=False)
    assert outcome(root, cache=True) == cold
    DAMAGE[name](root)
    assert outcome(root, cache=True) == cold
    assert outcome(root, cache=True) == cold
    assert load_checked(root, workers=1).files_parsed == 1  # rebuilt: only the ignored .bak is parsed again
    for path in shards(root):
        assert not path.is_symlink()


def test_cache_of_an_older_version_is_removed(tmp_path: Path) -> None:
    root = new_tree(tmp_path / "mini")
    old = root / ".git" / "kinerja" / "parse" / "v7-5242880-checked"
    old.mkdir(parents=True)
    (old / "0123456789abcdef0123.pickle").write_bytes(pickle.dumps({}) + pickle.dumps([]))
    assert_warm_is_cold(root)
    assert not old.exists()


def test_symlinked_cache_folder_means_no_cache(tmp_path: Path) -> None:
    """``.git/kinerja`` pointing elsewhere: nothing is read, written or removed there."""
    root = new_tree(tmp_path / "mini")
    elsewhere = tmp_path / "elsewhere"
    planted = elsewhere / "parse" / f"{cache_module.VERSION}-checked" / "keep.pickle"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"not ours")
    (root / ".git" / "kinerja").symlink_to(elsewhere, target_is_directory=True)
    _bak_copy(root)
    assert_warm_is_cold(root)
    assert sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*")) == [
        "parse", f"parse/{cache_module.VERSION}-checked", f"parse/{cache_module.VERSION}-checked/keep.pickle"]
    assert load_checked(root, workers=1).files_parsed == load_checked(root, cache=False, workers=1).files_parsed


@pytest.mark.parametrize("part", ["parse", f"parse/{cache_module.VERSION}-checked"])
def test_symlinked_cache_subfolder_means_no_cache(part: str, tmp_path: Path) -> None:
    root = new_tree(tmp_path / "mini")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = root / ".git" / "kinerja" / part
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere, target_is_directory=True)
    assert_warm_is_cold(root)
    assert list(elsewhere.iterdir()) == []


def test_cache_folder_that_cannot_be_made_means_no_cache(tmp_path: Path) -> None:
    """``.git/kinerja`` is a file (so nothing can be written under it): the runs go on without a cache."""
    root = new_tree(tmp_path / "mini")
    (root / ".git" / "kinerja").write_text("not a folder", encoding="utf-8")
    _bak_copy(root)
    assert_warm_is_cold(root)
    assert (root / ".git" / "kinerja").read_text(encoding="utf-8") == "not a folder"


def test_unwritable_cache_shard_folder_is_no_crash(tmp_path: Path) -> None:
    """The version folder is a file: shards cannot be written; every run still gives the cold result."""
    root = new_tree(tmp_path / "mini")
    folder = root / ".git" / "kinerja" / "parse" / f"{cache_module.VERSION}-checked"
    folder.parent.mkdir(parents=True)
    folder.write_bytes(b"")
    _copy_into_other_unit(root)
    assert_warm_is_cold(root)


def test_size_limit_change_is_in_the_key(tmp_path: Path) -> None:
    root = new_tree(tmp_path / "mini")
    assert_warm_is_cold(root)
    with open(root / "contracts/settings.yaml", "a", encoding="utf-8") as handle:
        handle.write("max_file_bytes: 600\n")
    assert_warm_is_cold(root)
    edit(root, "contracts/settings.yaml", "max_file_bytes: 600\n", "")
    assert_warm_is_cold(root)


def test_repository_schema_edit_is_in_the_key(mini: Path, cli) -> None:
    """A repository's own ``schemas/`` decides what a checked result is: editing it must not be hidden by
    the cache (separate runs: a process takes the schemas once)."""
    (mini / ".git").mkdir()
    shutil.copytree(Path(__file__).resolve().parents[1] / "schemas", mini / "schemas")
    assert cli("validate", "--format", "json", cwd=mini).code == 0
    schema = mini / "schemas" / "realisation.schema.json"
    content = json.loads(schema.read_text(encoding="utf-8"))
    content["required"] = [*content.get("required", []), "nowhere"]
    schema.write_text(json.dumps(content), encoding="utf-8")
    warm = cli("validate", "--format", "json", cwd=mini)
    shutil.rmtree(mini / ".git" / "kinerja")
    cold = cli("validate", "--format", "json", cwd=mini)
    assert (warm.code, warm.out) == (cold.code, cold.out)
    assert cold.code == 1 and "nowhere" in cold.out


def test_partial_load_with_overlay_matches_cold(tmp_path: Path) -> None:
    """The intake service loads some files with others given in memory: the same bytes as a cached file
    at another path never stand in for it."""
    root = new_tree(tmp_path / "mini")
    outcome(root, cache=True)
    other = f"{UNIT}/2026/realisations/e-kabid/2026-03.yaml"
    overlay = {other: (root / REAL).read_bytes(), REAL + ".bak": (root / REAL).read_bytes()}
    files = [REAL, SKP_STAF, SKP_KABID, "contracts/settings.yaml", "contracts/organisation.yaml",
             "contracts/periods.yaml", f"{UNIT}/employees.yaml", f"{UNIT}/positions.yaml"]

    def partial(cache: bool) -> tuple[object, ...]:
        loaded = load_tree(root, files=files, overlay=overlay, cache=cache, workers=1)
        return (sorted((p.code, p.file) for p in loaded.problems), sorted((d.kind, d.file) for d in loaded.documents),
                sorted(loaded.province.realisations))

    assert partial(True) == partial(False)
    assert partial(True) == partial(False)


def test_review_cache_keys_the_path(tmp_path: Path) -> None:
    """``kinerja review``'s cache: the same blob at another path (``.yml`` twin) is parsed for that path,
    so its problems name the right file, in the same run and in the next one."""
    from kinerja.review.trees import Parser

    repo = SimpleNamespace(git_dir=str(tmp_path / "git"))
    (tmp_path / "git").mkdir()
    raw = b"employee: e-staf\nentries: [\n"
    first, twin = REAL, REAL[:-len(".yaml")] + ".yml"
    for parser in (Parser(repo), Parser(repo)):
        out = parser.parse_all({first: raw}, {first: "ab" * 20}, 5_000_000)
        assert [p.file for p in out[first][1]] == [first]
        out = parser.parse_all({twin: raw}, {twin: "ab" * 20}, 5_000_000)
        assert out[twin][1] and [p.file for p in out[twin][1]] == [twin]
        parser.save()


# --- Keys and fingerprint -------------------------------------------------------------------------------------

def test_entry_key_separates_path_and_bytes() -> None:
    key = cache_module.entry_key
    assert key("a/b.yaml", b"x") != key("a/b.yaml.bak", b"x")
    assert key("a/b", b"c") != key("a/bc", b"")
    assert key("a/b.yaml", b"x") == key("a/b.yaml", b"x")
    assert len(key("\udcff", b"")) == 20  # an undecodable file name is no crash


def test_fingerprint_covers_the_modules_that_make_results() -> None:
    """RESULT_MODULES holds every module of the package that the listed ones import at module level: a
    change to any of them changes the fingerprint."""
    package = Path(cache_module.__file__).resolve().parents[1]
    listed = set(cache_module.RESULT_MODULES)
    for name in sorted(listed):
        path = package / name
        if not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        here = Path(name).parent
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level:
                base = here
                for _ in range(node.level - 1):
                    base = base.parent
                targets = [node.module] if node.module else [alias.name for alias in node.names]
                for target in targets:
                    stem = base.joinpath(*target.split("."))
                    module = stem.with_suffix(".py") if (package / stem.with_suffix(".py")).exists() else stem / "__init__.py"
                    if (package / module).exists():
                        assert module.as_posix() in listed, f"{name} imports {module}"


# --- Random trees ---------------------------------------------------------------------------------------------

ORIGINAL = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*") if p.is_file())
PLACES = ("bak", "tilde", "other-unit", "other-period", "other-employee", "other-month", "yml", "hidden")


def elsewhere(file: str, how: str) -> str:
    """Another path for ``file``: an ignored one, or the same kind of file somewhere else."""
    folder, _, name = file.rpartition("/")
    swaps = {"other-unit": ("/dinas-umum/", "/dinas/"), "other-period": ("/2026/", "/2027/"),
             "other-employee": ("e-staf", "e-kabid"), "other-month": ("2026-03.yaml", "2026-04.yaml")}
    if how == "bak":
        return file + ".bak"
    if how == "tilde":
        return file + "~"
    if how == "yml":
        return file[:-len(".yaml")] + ".yml" if file.endswith(".yaml") else file + ".yaml"
    if how == "hidden":
        return f"{folder}/.{name}"
    old, new = swaps[how]
    return file.replace(old, new, 1) if old in file else file.replace(new, old, 1)


INVALID_EDITS = (("value: 96", "value: -1"), ("value: 96", "value: [1, 2"), ("employee: e-staf", "employee: e-kabid"),
                 ("\n", "\nbogus_field: 1\n"))


def mutate(root: Path, data: st.DataObject) -> None:
    files = sorted(p.relative_to(root).as_posix() for p in (root / "contracts").rglob("*") if p.is_file())
    action = data.draw(st.sampled_from(("copy", "rename", "swap", "edit", "delete", "restore", "rerun")))
    if action == "restore":
        file = data.draw(st.sampled_from(ORIGINAL))
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MINI / file, root / file)
        return
    if action == "rerun" or not files:
        return
    file = data.draw(st.sampled_from(files))
    if action in ("copy", "rename"):
        target = elsewhere(file, data.draw(st.sampled_from(PLACES)))
        if target != file:
            (copy if action == "copy" else rename)(root, file, target)
    elif action == "swap":
        swap(root, file, data.draw(st.sampled_from(files)))
    elif action == "edit":
        old, new = data.draw(st.sampled_from(INVALID_EDITS))
        text = (root / file).read_text(encoding="utf-8", errors="replace")
        (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    else:
        (root / file).unlink()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_warm_and_cold_agree_on_random_trees(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = new_tree(Path(folder) / "mini")
        outcome(root, cache=True)
        for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
            mutate(root, data)
            warm = outcome(root, cache=True)
            assert warm == outcome(root, cache=False)
        assert outcome(root, cache=True) == warm


def test_shard_rewritten_between_the_two_passes(tmp_path: Path) -> None:
    """Another run rewrites a shard after this run found positions in it: those positions are not used."""
    file, other = "contracts/units/u/2026/skp/a.yaml", "contracts/units/u/2026/skp/b.yaml"
    first, second = cache_module.entry_key(file, b"1"), cache_module.entry_key(other, b"2")
    writer = cache_module.FolderCache(tmp_path, b"f" * 20)
    writer.put(file, first, "result of a")
    writer.put(other, second, "result of b")
    writer.close()
    reader = cache_module.FolderCache(tmp_path, b"f" * 20)
    position = reader.find(file, first)
    assert position == 0
    rewriter = cache_module.FolderCache(tmp_path, b"f" * 20)
    rewriter.put(other, second, "result of b")
    rewriter.put(file, first, "result of a")
    rewriter.close()
    assert reader.take(file, position) is None
    assert cache_module.FolderCache(tmp_path, b"f" * 20).find(file, first) == 1
