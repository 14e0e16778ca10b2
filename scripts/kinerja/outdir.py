"""Output folders and files that never destroy what Kinerja did not make.

Every command that writes a folder (``kinerja score --output``, ``kinerja site --out``, ``kinerja
generate --out``, ``kinerja bench --workdir``, the MkDocs plugin's ``output``, the intake forms) or a
file (``kinerja intake template --out``) goes through this module:

* A folder is written only when it is missing, empty, or was made by the same command: it then holds
  the marker file :data:`MARKER` naming the command and the names it wrote at its top level. A marked
  folder that holds other names too (a ``.git``, someone's notes) is refused like a foreign one.
* The output is staged in a folder beside the target and swapped in with two renames; a failure at
  any moment (``SystemExit`` and ``KeyboardInterrupt`` included) leaves the previous output as it was.
* Refused, whatever they hold: a symbolic link, a file where a folder is expected (or the reverse),
  the current folder and its ancestors, a repository or data root and its ancestors, anything inside
  ``.git`` or inside a data folder ``contracts/``. A forged marker cannot open these.
* Outputs made by earlier versions (before the marker) are recognised by their content
  (:attr:`Owner.legacy`) and replaced like marked ones.

A refusal raises :class:`OutputRefused`, which carries a catalogued :class:`~kinerja.report.Problem`
(K803-K809); nothing has been touched when it is raised. The CLI prints it and exits 2, the MkDocs
plugin turns it into a build error.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .report import Problem, problem

MARKER = ".kinerja-output"
"""The marker file at the top of every output folder; it names the command that made the folder."""
MARKER_LIMIT = 64 * 1024
"""A marker larger than this is not ours."""
DATA_NAMES = ("organisation.yaml", "settings.yaml", "periods.yaml", "units")
"""A folder named ``contracts`` holding one of these is a data folder."""
STAGING = ".kinerja-staging-"
OLD = ".kinerja-old-"


@dataclass(frozen=True)
class Words:
    """A short text in both languages, as a message parameter."""

    id: str
    en: str


@dataclass(frozen=True)
class Owner:
    """A command that owns its output: its name (as in ``kinerja <command>``), the names it may add
    later inside a folder it made (``later``), and how its output looked before the marker existed
    (``legacy``: a test on the existing folder or file; an output that passes is accepted as ours)."""

    command: str
    legacy: Callable[[Path], bool] = field(default=lambda path: False)
    later: frozenset[str] = frozenset()


class OutputRefused(Exception):
    """Raised by every function here when the target may not be written; nothing was touched."""

    def __init__(self, item: Problem) -> None:
        super().__init__(item.message("en"))
        self.problem = item

    def render(self, lang: str = "id") -> str:
        """The message and what to do, in ``lang``."""
        return f"{self.problem.code} {self.problem.message(lang)}\n{self.problem.hint(lang)}"


# --- the owners: one entry per command that writes an output -------------------------------------------
def _legacy_scores(folder: Path) -> bool:
    """``kinerja score --output`` before the marker: scores.csv, allowance.csv, one folder of JSON per period."""
    names = {p.name for p in folder.iterdir()}
    if "scores.csv" not in names:
        return False
    for path in folder.iterdir():
        if path.name in ("scores.csv", "allowance.csv") and _regular(path):
            continue
        if not (_plain_dir(path) and all(_regular(f) and f.suffix == ".json" for f in path.iterdir())):
            return False
    return True


def _legacy_site(folder: Path) -> bool:
    """``kinerja site`` and the plugin before the marker wrote ``.kinerja-site``."""
    return _regular(folder / ".kinerja-site")


def _legacy_forms(folder: Path) -> bool:
    """The intake forms before the marker: Markdown pages and ``assets/`` with the script, style and data."""
    for path in folder.iterdir():
        if path.name == "assets" and _plain_dir(path):
            if not {p.name for p in path.iterdir()} <= {"kinerja-forms.js", "kinerja-forms.css", "kinerja-forms-data"}:
                return False
        elif not (_regular(path) and path.suffix == ".md"):
            return False
    return True


def _legacy_bench(folder: Path) -> bool:
    """The bench's work folder before the marker: a generated province (``province/.bench.json``) and
    the folders the bench writes beside it."""
    names = {p.name for p in folder.iterdir()}
    return _regular(folder / "province" / ".bench.json") and names <= set(BENCH.later)


def _is_template(path: Path) -> bool:
    """An Excel workbook written by ``kinerja intake template`` (its hidden sheet ``_kinerja``)."""
    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("xl/workbook.xml")
            if info.file_size > MARKER_LIMIT * 16:
                return False
            return b'name="_kinerja"' in book.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False


SCORE = Owner("score", legacy=_legacy_scores)
SITE = Owner("site", legacy=_legacy_site)
GENERATE = Owner("generate")
FORMS = Owner("forms", legacy=_legacy_forms)
BENCH = Owner("bench", legacy=_legacy_bench,
              later=frozenset({"province", "scores", "site", "plain", "plain-site", "generated"}))
TEMPLATE = Owner("intake template", legacy=_is_template)
IMPORT_BENCH = Owner("bench import", later=frozenset({"siasn.psv", "siasn-changed.psv", "rekap.csv", "instance",
                                                      "init.csv"}))


# --- checks ---------------------------------------------------------------------------------------------
def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _plain_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _absolute(target: Path | str) -> Path:
    """``target`` made absolute with its parent resolved, its last part kept (so a link there shows)."""
    path = Path(os.path.abspath(target))
    return path if path.parent == path else path.parent.resolve() / path.name


def _top(start: Path, *names: str) -> Path | None:
    """The nearest folder from ``start`` upwards that holds one of ``names``."""
    for folder in (start, *start.parents):
        if any(os.path.lexists(folder / name) for name in names):
            return folder
    return None


def _refuse(code: str, target: Path, **params: object) -> OutputRefused:
    return OutputRefused(problem(code, str(target), target=str(target), **params))


CURRENT = Words("itu folder saat ini atau memuatnya", "it is the current folder or holds it")
GIVEN = Words("itu folder data atau repositori atau memuatnya", "it is the data or repository folder or holds it")
ABOVE = ((("contracts",), Words("itu root data (berisi contracts/) atau memuatnya",
                                "it is a data root (it holds contracts/) or holds one")),
         ((".git",), Words("itu root repositori Git atau memuatnya", "it is a Git repository root or holds one")))


def _guarded(roots: Iterable[Path | str]) -> list[tuple[Path, Words]]:
    """The folders that no output may be, contain or replace: the current folder, the given roots, and
    the repository and data roots above each of them."""
    here = Path.cwd().resolve()
    found = [(here, CURRENT)]
    for root in [here, *(Path(r).resolve() for r in roots)]:
        found.append((root, GIVEN))
        for names, words in ABOVE:
            top = _top(root, *names)
            if top is not None:
                found.append((top, words))
    return found


def _protected(target: Path, roots: Iterable[Path | str]) -> Words | None:
    """Why ``target`` may never be written, or None."""
    if target.parent == target:
        return Words("itu root sistem berkas", "it is the file system root")
    if ".git" in target.parts:
        return Words("letaknya di dalam .git", "it is inside .git")
    for folder in (target, *target.parents):
        if folder.name == "contracts" and any(os.path.lexists(folder / n) for n in DATA_NAMES):
            return Words("letaknya di dalam folder data contracts/", "it is inside a data folder contracts/")
    for guarded, words in _guarded(roots):
        if target == guarded or target in guarded.parents:
            return words
        if target.parent == guarded and target.name == "contracts":
            return Words("itu folder data contracts/", "it is the data folder contracts/")
    return None


def _marker(folder: Path) -> dict[str, object] | None:
    """The marker of ``folder`` (command and names), or None when it has none that is ours."""
    path = folder / MARKER
    if not _regular(path):
        return None
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MARKER_LIMIT + 1)
        data = json.loads(raw) if len(raw) <= MARKER_LIMIT else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("command"), str) or \
            not isinstance(data.get("entries"), list):
        return None
    return data


def _sample(names: Iterable[str]) -> Words:
    """What a refused folder holds: its first names, for the message."""
    items = sorted(names)
    shown = ", ".join(items[:5]) + (f", … (+{len(items) - 5})" if len(items) > 5 else "")
    return Words(f"berisi: {shown}", f"it holds: {shown}")


def check_folder(target: Path | str, owner: Owner, roots: Iterable[Path | str] = ()) -> Path:
    """Return ``target`` (absolute) when ``owner`` may replace it; else raise :class:`OutputRefused`."""
    path = _absolute(target)
    command = f"kinerja {owner.command}"
    if path.is_symlink():
        raise _refuse("K803", path)
    if os.path.lexists(path) and not path.is_dir():
        raise _refuse("K804", path)
    why = _protected(path, roots)
    if why is not None:
        raise _refuse("K806", path, why=why)
    if not path.exists():
        return path
    try:
        names = {p.name for p in path.iterdir()}
        mark = _marker(path)
        legacy = bool(names) and mark is None and owner.legacy(path)
    except OSError as exc:
        raise _failed(path, exc) from None
    if not names or legacy:
        return path
    if mark is None:
        raise _refuse("K807", path, command=command, names=_sample(names))
    if mark["command"] != owner.command:
        raise _refuse("K808", path, command=command, owner=f"kinerja {mark['command']}")
    ours = {MARKER, *owner.later, *(str(n) for n in mark["entries"])}  # type: ignore[union-attr]
    extra = {n for n in names - ours if STAGING not in n and OLD not in n}  # a crash's leftovers are ours
    if extra:
        raise _refuse("K807", path, command=command, names=_sample(extra))
    return path


def _write_marker(folder: Path, owner: Owner, entries: Iterable[str]) -> None:
    text = json.dumps({"command": owner.command,
                       "note": f"made by 'kinerja {owner.command}'; replaced as a whole on every run: "
                               "keep nothing of your own here",
                       "entries": sorted(set(entries) - {MARKER})}, indent=1)
    (folder / MARKER).write_text(text + "\n", encoding="utf-8")


def _failed(target: Path, exc: OSError) -> OutputRefused:
    return _refuse("K809", target, detail=exc.strerror or type(exc).__name__)


# --- replacing a folder ------------------------------------------------------------------------------
class Replacement:
    """A staging folder beside ``target`` to fill; :meth:`commit` swaps it in, :meth:`discard` drops it.

    ``target`` is checked when made and again at the swap. The previous output is intact until the
    swap, and put back if the swap fails."""

    def __init__(self, target: Path | str, owner: Owner, roots: Iterable[Path | str] = ()) -> None:
        self.owner = owner
        self.roots = tuple(roots)
        self.target = check_folder(target, owner, self.roots)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}{STAGING}",
                                                 dir=self.target.parent))
        except OSError as exc:
            raise _failed(self.target, exc) from None

    def commit(self) -> Path:
        """Mark the staged folder as ours and swap it in place of ``target``; returns ``target``."""
        old: Path | None = None
        target = self.target
        try:
            target = check_folder(self.target, self.owner, self.roots)
            entries = [p.name for p in self.staging.iterdir()]
            _write_marker(self.staging, self.owner, entries)
            if os.path.lexists(target):
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}{OLD}", dir=target.parent))
                old.rmdir()
                os.rename(target, old)
            os.rename(self.staging, target)
        except BaseException as exc:
            if old is not None and not os.path.lexists(target):
                os.rename(old, target)
                old = None
            self.discard()
            if isinstance(exc, OSError):
                raise _failed(target, exc) from None
            raise
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        return target

    def discard(self) -> None:
        """Remove the staging folder (the target is left as it was)."""
        shutil.rmtree(self.staging, ignore_errors=True)


@contextlib.contextmanager
def replacing(target: Path | str, owner: Owner, roots: Iterable[Path | str] = ()) -> Iterator[Path]:
    """A staging folder to fill; on success it replaces ``target`` at once, on any failure it is removed
    and ``target`` is left as it was."""
    replacement = Replacement(target, owner, roots)
    try:
        yield replacement.staging
    except BaseException:
        replacement.discard()
        raise
    replacement.commit()


def claim(target: Path | str, owner: Owner, roots: Iterable[Path | str] = ()) -> Path:
    """A work folder that ``owner`` keeps and reuses (the bench's): checked like an output, made when
    missing, and marked as ``owner``'s (its names are ``owner.later``). Returns it, absolute."""
    path = check_folder(target, owner, roots)
    try:
        path.mkdir(parents=True, exist_ok=True)
        if _marker(path) is None:
            _write_marker(path, owner, ())
    except OSError as exc:
        raise _failed(path, exc) from None
    return path


# --- writing a file --------------------------------------------------------------------------------
def check_file(target: Path | str, owner: Owner, roots: Iterable[Path | str] = ()) -> Path:
    """Return ``target`` (absolute) when ``owner`` may write it: missing, or a regular file that
    ``owner.legacy`` recognises as its own; else raise :class:`OutputRefused`."""
    path = _absolute(target)
    if path.is_symlink():
        raise _refuse("K803", path)
    if os.path.lexists(path) and not _regular(path):
        raise _refuse("K805", path)
    why = _protected(path, roots)
    if why is not None:
        raise _refuse("K806", path, why=why)
    if os.path.lexists(path) and not _legacy_file(owner, path):
        raise _refuse("K807", path, command=f"kinerja {owner.command}",
                      names=Words("berkas lain, bukan buatan Kinerja", "another file, not one Kinerja wrote"))
    return path


def _legacy_file(owner: Owner, path: Path) -> bool:
    try:
        return owner.legacy(path)
    except OSError:
        return False


def write_file(target: Path | str, owner: Owner, write: Callable[[Path], object],
               roots: Iterable[Path | str] = ()) -> Path:
    """Check ``target``, let ``write`` fill a temporary file beside it, then rename it into place."""
    path = check_file(target, owner, roots)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}{STAGING}", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _failed(path, exc) from None
    temporary = Path(name)
    try:
        write(temporary)
        check_file(path, owner, roots)
        os.replace(temporary, path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _failed(path, exc) from None
        raise
    return path
