"""The change log of the data from Git, read in one pass.

One ``git log --raw`` over ``contracts/`` gives every commit with the files it touched and their blob
ids before and after (``--raw`` is ``--name-only`` plus the blob ids); GitPython's per-path
``iter_commits`` would cost about 0.3 s per file. Only the target files (SKP and unit agreements)
changed after their period had started are read back (through one ``git cat-file --batch`` process) to
show what changed, old → new.

The log is read as it streams, one commit at a time, and a commit keeps a sample of its files (per unit
and overall, more than a page shows) with their counts: the commit that imported a province touches
700,000 files, which would otherwise all sit in memory for as long as the site is made.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

from .. import model as m
from ..load import layout

log = logging.getLogger(__name__)

_RECORD = "\x1e"
_FIELD = "\x1f"
_FORMAT = _RECORD + _FIELD.join(["%H", "%an", "%ae", "%aI", "%cI", "%s", "%b"]) + _FIELD
TRAILERS = ("approved-by", "reviewed-by", "disetujui-oleh", "diperiksa-oleh", "acked-by", "signed-off-by")
_NULL_SHA = "0" * 40


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file touched by a commit: the path inside ``contracts/``, its kind and folder ids."""

    path: str
    status: str  # A added, M modified, D deleted
    kind: str | None
    keys: Mapping[str, str]
    old_blob: str | None = None
    new_blob: str | None = None


@dataclass(frozen=True)
class TargetChange:
    """A change to one target or indicator (old → new)."""

    what: str
    old: str | None
    new: str | None


@dataclass
class Flag:
    """A target file changed after its period had started."""

    file: FileChange
    period: str
    period_start: dt.date
    changes: list[TargetChange]


KEPT_FILES = 64  # files a commit keeps, overall and per unit (a history table names up to 8)


@dataclass
class Commit:
    sha: str
    author: str
    email: str
    authored: dt.datetime
    committed: dt.datetime
    subject: str
    trailers: list[tuple[str, str]]
    files: list[FileChange] = field(default_factory=list)  # the first KEPT_FILES files
    flags: list[Flag] = field(default_factory=list)
    file_count: int = 0
    by_unit: dict[str | None, list[FileChange]] = field(default_factory=dict)  # the first KEPT_FILES per unit
    unit_counts: dict[str | None, int] = field(default_factory=dict)
    contracts: set[tuple[str, str]] = field(default_factory=set)  # (employee, period) of every SKP touched
    targets: list[FileChange] = field(default_factory=list)  # every SKP or agreement modified (for flags)

    @property
    def short(self) -> str:
        return self.sha[:8]

    def add(self, change: FileChange) -> None:
        self.file_count += 1
        if len(self.files) < KEPT_FILES:
            self.files.append(change)
        unit = change.keys.get("unit")
        count = self.unit_counts.get(unit, 0)
        self.unit_counts[unit] = count + 1
        if count < KEPT_FILES:
            self.by_unit.setdefault(unit, []).append(change)
        if change.kind == "contract" and "employee" in change.keys:
            self.contracts.add((change.keys["employee"], change.keys.get("period", "")))
        if change.kind in ("contract", "agreement") and change.status == "M":
            self.targets.append(change)

    def files_of(self, unit: str | None) -> tuple[list[FileChange], int]:
        """A sample of the files (of ``unit``, or all with None) and how many there are."""
        if unit is None:
            return self.files, self.file_count
        return self.by_unit.get(unit, []), self.unit_counts.get(unit, 0)


@dataclass
class History:
    """Commits (newest first) and, per unit, the commits that touched its files."""

    available: bool
    commits: list[Commit] = field(default_factory=list)
    by_unit: dict[str, list[Commit]] = field(default_factory=dict)
    reason: str = ""

    def flags_of(self, unit: str) -> list[tuple[Commit, Flag]]:
        return [(c, f) for c in self.by_unit.get(unit, []) for f in c.flags if f.file.keys.get("unit") == unit]


def read(root: Path, province: m.Province) -> History:
    """The history of ``root/contracts`` (empty, with the reason, outside a Git repository)."""
    try:
        import git
    except ImportError:  # pragma: no cover - GitPython is a dependency
        return History(False, reason="GitPython")
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return History(False, reason="no-repository")
    try:
        top = Path(repo.working_tree_dir or root).resolve()
        data = (root / layout.DATA_DIR).resolve()
        try:
            prefix = data.relative_to(top).as_posix()
        except ValueError:
            return History(False, reason="outside")
        commits = _log(top, prefix)
        if commits is None:
            return History(False, reason="no-commits")
        history = History(True, commits=commits)
        for commit in history.commits:
            for unit in sorted(u for u in commit.unit_counts if u is not None):
                history.by_unit.setdefault(unit, []).append(commit)
        _flag_target_changes(repo, history, province)
        return history
    finally:
        repo.close()


def _log(top: Path, prefix: str) -> list[Commit] | None:
    """``git log --raw`` of ``prefix``, parsed as it streams; None when Git fails (no commits, say)."""
    import subprocess

    cmd = ["git", "-C", str(top), "log", "--raw", "--no-abbrev", "--no-renames", "--no-color", f"--format={_FORMAT}",
           "--", prefix]
    try:
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
            assert proc.stdout is not None
            text = io.TextIOWrapper(proc.stdout, encoding="utf-8", errors="replace", newline="")
            commits = parse_records(_records(text), prefix)
            code = proc.wait()
    except OSError:
        return None
    return commits if code == 0 else None


def _records(text: Any, size: int = 1 << 20) -> Iterator[str]:
    """The records of a stream separated by ``_RECORD``, one at a time (only each new chunk is searched:
    an import commit's record is a hundred megabytes)."""
    pieces: list[str] = []
    while chunk := text.read(size):
        first, *done = chunk.split(_RECORD)
        pieces.append(first)
        if done:
            yield "".join(pieces)
            yield from done[:-1]
            pieces = [done[-1]]
    yield "".join(pieces)


def parse_records(records: Iterable[str], prefix: str) -> list[Commit]:
    """The commits of the records of ``git log --raw --format=<ours>``."""
    commits: list[Commit] = []
    for record in records:
        if not record.strip():
            continue
        parts = record.split(_FIELD, 7)
        if len(parts) < 8:
            continue
        sha, author, email, authored, committed, subject, body, rest = parts
        commit = Commit(sha.strip(), author, email, _when(authored), _when(committed), subject.strip(),
                        _trailers(body))
        start = 0
        while start < len(rest):  # line by line without a list of them (an import has 700,000)
            end = rest.find("\n", start)
            end = len(rest) if end < 0 else end
            change = _raw_line(rest[start:end], prefix)
            if change is not None:
                commit.add(change)
            start = end + 1
        commits.append(commit)
    return commits


def _when(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _trailers(body: str) -> list[tuple[str, str]]:
    out = []
    for line in body.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in TRAILERS and value.strip():
            out.append((key.strip(), value.strip()))
    return out


def _raw_line(line: str, prefix: str) -> FileChange | None:
    if not line.startswith(":"):
        return None
    meta, _, path = line.partition("\t")
    fields = meta.split()
    if len(fields) < 5 or not path:
        return None
    old, new, status = fields[2], fields[3], fields[4][:1]
    inner = path[len(prefix) + 1:] if path.startswith(prefix + "/") else path
    place = layout.classify(inner)
    kind = place.kind if place else None
    if kind not in ("contract", "agreement"):  # only these are compared (flags); an import lists every file
        return FileChange(inner, status, kind, place.keys if place else {})
    return FileChange(inner, status, kind, place.keys, None if old == _NULL_SHA else old,
                      None if new == _NULL_SHA else new)


# --- target changes after the start of a period ---------------------------------------------------------
def _flag_target_changes(repo: Any, history: History, province: m.Province) -> None:
    cache: dict[str, Any] = {}

    def content(blob: str | None) -> Any:
        if blob is None:
            return None
        if blob not in cache:
            try:
                cache[blob] = yaml.safe_load(repo.odb.stream(bytes.fromhex(blob)).read())
            except Exception:  # noqa: BLE001 - an old version that no longer parses shows as unreadable
                cache[blob] = None
        return cache[blob]

    for commit in history.commits:
        for change in commit.targets:
            period = province.periods.get(change.keys.get("period", ""))
            if period is None or commit.committed.date() <= period.start:
                continue
            changes = (compare_contract if change.kind == "contract" else compare_agreement)(
                content(change.old_blob), content(change.new_blob))
            if changes:
                commit.flags.append(Flag(change, period.id, period.start, changes))


def _show(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def _indicators(items: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and "id" in item:
            out[str(item["id"])] = item
    return out


def _compare_indicator(prefix: str, old: Mapping[str, Any], new: Mapping[str, Any], out: list[TargetChange]) -> None:
    for key in ("text", "target", "target_text", "unit", "polarity", "aggregation"):
        if old.get(key) != new.get(key):
            out.append(TargetChange(f"{prefix} {key}", _show(old.get(key)), _show(new.get(key))))


def _compare_sets(prefix: str, old: dict[str, Any], new: dict[str, Any], out: list[TargetChange], deeper: Any) -> None:
    for key in sorted(set(old) | set(new)):
        label = f"{prefix}{key}"
        if key not in old:
            out.append(TargetChange(label, None, _show(new[key].get("text"))))
        elif key not in new:
            out.append(TargetChange(label, _show(old[key].get("text")), None))
        else:
            deeper(label, old[key], new[key], out)


def compare_contract(old: Any, new: Any) -> list[TargetChange]:
    """What changed in the targets of an SKP between two versions (status and dates are not targets)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    out: list[TargetChange] = []

    def target(label: str, a: Mapping[str, Any], b: Mapping[str, Any], acc: list[TargetChange]) -> None:
        for key in ("text", "category", "duty", "supports", "supports_indicator", "quantity", "quality", "time", "cost"):
            if a.get(key) != b.get(key):
                acc.append(TargetChange(f"{label} {key}", _show(a.get(key)), _show(b.get(key))))
        _compare_sets(f"{label}/", _indicators(a.get("indicators")), _indicators(b.get("indicators")), acc,
                      _compare_indicator)

    _compare_sets("", _indicators(old.get("targets")), _indicators(new.get("targets")), out, target)
    return out


def compare_agreement(old: Any, new: Any) -> list[TargetChange]:
    """What changed in a unit agreement's goals and indicators."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    out: list[TargetChange] = []

    def goal(label: str, a: Mapping[str, Any], b: Mapping[str, Any], acc: list[TargetChange]) -> None:
        if a.get("text") != b.get("text"):
            acc.append(TargetChange(f"{label} text", _show(a.get("text")), _show(b.get("text"))))
        _compare_sets(f"{label}/", _indicators(a.get("indicators")), _indicators(b.get("indicators")), acc,
                      _compare_indicator)

    _compare_sets("", _indicators(old.get("goals")), _indicators(new.get("goals")), out, goal)
    return out
