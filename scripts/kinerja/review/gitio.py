"""The Git edge of the review step: refs, diffs, trees, blobs and the log, through GitPython.

Callers open a repository with :func:`open_repo` (a context manager) so that ``repo.close()`` always
runs: GitPython keeps ``git cat-file`` processes alive until then. History is read in one pass
(one ``git log`` with ``--name-status`` or ``--raw``), trees with one ``git ls-tree -r`` and blobs
through the object database's persistent ``cat-file --batch``, never per file. Raw output is read as
bytes and decoded leniently, so a commit message that is not UTF-8 never stops a run.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError


class ReviewError(Exception):
    """Raised by the Git edge when history cannot be read (no repository, unknown ref, shallow clone).

    It carries a catalogue code (``K71x``) and the values of its message; the CLI prints it and exits 2.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class FileChange:
    """One changed path: ``status`` is A (added), M (modified), D (deleted) or R (renamed, with ``old``);
    the blob ids before and after, when known (the working tree has none), and the Git file mode after
    (``100644`` a regular file, ``120000`` a symbolic link, ``160000`` a submodule), when the diff gives it."""

    status: str
    path: str
    old: str | None = None
    old_blob: str | None = None
    new_blob: str | None = None
    new_mode: str | None = None

    @property
    def before(self) -> str | None:
        """The path in the base tree (None for an added file)."""
        return None if self.status == "A" else (self.old or self.path)

    @property
    def after(self) -> str | None:
        """The path in the head tree (None for a deleted file)."""
        return None if self.status == "D" else self.path


@dataclass(frozen=True)
class Commit:
    """A commit as the log shows it (message decoded leniently)."""

    sha: str
    parents: tuple[str, ...]
    date: dt.datetime
    author: str
    email: str
    message: str
    changes: tuple[FileChange, ...] = field(default=())

    @property
    def short(self) -> str:
        return self.sha[:10]

    @property
    def subject(self) -> str:
        return self.message.strip().splitlines()[0] if self.message.strip() else ""


def text(raw: bytes | str) -> str:
    """Bytes from Git as text: UTF-8, with anything else replaced rather than raised."""
    return raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")


@contextmanager
def open_repo(path: Path) -> Iterator[git.Repo]:
    """The repository holding ``path``, closed on exit (stops the ``cat-file`` helpers)."""
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise ReviewError("K713", path=str(path)) from None
    try:
        yield repo
    finally:
        repo.close()


def toplevel(repo: git.Repo) -> Path:
    return Path(repo.working_tree_dir or ".").resolve()


def is_shallow(repo: git.Repo) -> bool:
    try:
        return text(repo.git.rev_parse("--is-shallow-repository")).strip() == "true"
    except GitCommandError:  # pragma: no cover - git older than 2.15
        return (Path(repo.git_dir) / "shallow").exists()


def resolve(repo: git.Repo, ref: str) -> str:
    """The commit id of ``ref``; a missing ref in a shallow clone says that history is needed."""
    try:
        return text(repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")).strip()
    except GitCommandError:
        if is_shallow(repo):
            raise ReviewError("K711", ref=ref) from None
        raise ReviewError("K712", ref=ref) from None


def merge_base(repo: git.Repo, base: str, head: str) -> str:
    """Where ``head`` branched from ``base`` (what a pull request's diff starts from)."""
    try:
        return text(repo.git.merge_base(base, head)).strip()
    except GitCommandError:
        if is_shallow(repo):
            raise ReviewError("K711", ref=base) from None
        raise ReviewError("K712", ref=f"{base}…{head}") from None


def require_ancestor(repo: git.Repo, base: str, head: str, ref: str) -> None:
    """``base`` must be in ``head``'s history, and that history must be here (not cut by a shallow clone)."""
    try:
        repo.git.merge_base("--is-ancestor", base, head)
    except GitCommandError:
        raise ReviewError("K711" if is_shallow(repo) else "K712", ref=ref) from None


def _parse_name_status(tokens: list[bytes]) -> list[FileChange]:
    out: list[FileChange] = []
    i = 0
    while i < len(tokens):
        status = text(tokens[i])
        if not status:
            i += 1
            continue
        letter = status[0]
        if letter in "RC":
            old, new = text(tokens[i + 1]), text(tokens[i + 2])
            out.append(FileChange("R", new, old) if letter == "R" else FileChange("A", new))
            i += 3
        else:
            path = text(tokens[i + 1])
            out.append(FileChange("M" if letter in "MT" else letter, path))
            i += 2
    return out


def diff(repo: git.Repo, base: str, head: str | None, pathspec: str) -> list[FileChange]:
    """What changed from ``base`` to ``head`` (or to the working tree, untracked files included), with the
    blob ids on both sides: one ``git diff --raw -M`` pass."""
    args = ["--raw", "--no-abbrev", "-M", "-z", "--no-color", base]
    if head is not None:
        args.append(head)
    raw = repo.git.diff(*args, "--", pathspec, stdout_as_string=False)
    changes = _parse_diff_raw([t for t in raw.split(b"\0") if t])
    if head is None:
        untracked = repo.git.ls_files("--others", "--exclude-standard", "-z", "--", pathspec, stdout_as_string=False)
        changes += [FileChange("A", text(p)) for p in untracked.split(b"\0") if p]
    return sorted(changes, key=lambda c: c.path)


def _blob(sha: str) -> str | None:
    return None if set(sha) == {"0"} else sha


def _parse_diff_raw(tokens: list[bytes]) -> list[FileChange]:
    """``:old-mode new-mode old-sha new-sha status`` entries, each followed by its path(s)."""
    out: list[FileChange] = []
    i = 0
    while i < len(tokens):
        meta = text(tokens[i])
        if not meta.startswith(":"):
            i += 1
            continue
        _, new_mode, old_sha, new_sha, status = meta[1:].split()[:5]
        mode = None if set(new_mode) == {"0"} else new_mode
        letter = status[0]
        if letter in "RC":
            old, new = text(tokens[i + 1]), text(tokens[i + 2])
            out.append(FileChange("R", new, old, _blob(old_sha), _blob(new_sha), mode) if letter == "R"
                       else FileChange("A", new, None, None, _blob(new_sha), mode))
            i += 3
        else:
            out.append(FileChange("M" if letter in "MT" else letter, text(tokens[i + 1]), None,
                                  _blob(old_sha), _blob(new_sha), mode))
            i += 2
    return out


def read_blobs(repo: git.Repo, shas: Iterable[str]) -> dict[str, bytes]:
    """The content of blobs by id, through the persistent ``cat-file --batch`` of the object database."""
    out: dict[str, bytes] = {}
    for sha in shas:
        if sha not in out:
            out[sha] = repo.odb.stream(bytes.fromhex(sha)).read()
    return out


_FIELDS = "%x1e%H%x1f%P%x1f%cI%x1f%an%x1f%ae%x1f%B%x1f"


def _records(raw: bytes) -> list[tuple[Commit, list[bytes]]]:
    """Split ``git log --format=_FIELDS -z …`` output into commits and the NUL-separated tokens that
    follow each (its file list)."""
    out: list[tuple[Commit, list[bytes]]] = []
    for record in raw.split(b"\x1e"):
        parts = record.split(b"\x1f", 6)
        if len(parts) < 7:
            continue
        sha, parents, date, author, email, message, rest = parts
        tokens = [t.lstrip(b"\n") for t in rest.split(b"\0")]
        out.append((Commit(text(sha).strip(), tuple(text(parents).split()),
                           dt.datetime.fromisoformat(text(date).strip()), text(author), text(email), text(message)),
                    [t for t in tokens if t]))
    return out


def first_parent_log(repo: git.Repo, base: str, head: str) -> list[Commit]:
    """Every commit on ``head``'s first-parent line since ``base``, oldest first, each with the files it
    changed against its first parent (``-m --first-parent``: without ``-m`` merges list no files)."""
    raw = repo.git.log("-m", "--first-parent", "--name-status", "-M", "-z", "--no-color", "--reverse",
                       f"--format={_FIELDS}", f"{base}..{head}", stdout_as_string=False)
    return [replace(c, changes=tuple(_parse_name_status(tokens))) for c, tokens in _records(raw)]


@dataclass(frozen=True)
class PathVersion:
    """One version of a file on a first-parent line: the commit that made it and its blob (None: deleted)."""

    commit: Commit
    path: str
    blob: str | None


def path_history(repo: git.Repo, rev: str, pathspecs: list[str]) -> list[PathVersion]:
    """Every version of the files matching ``pathspecs`` (glob pathspecs) on ``rev``'s first-parent line,
    newest first, in one ``git log --raw`` pass."""
    raw = repo.git.log("-m", "--first-parent", "--raw", "--no-abbrev", "-M", "-z", "--no-color",
                       f"--format={_FIELDS}", rev, "--", *(f":(glob){p}" for p in pathspecs),
                       stdout_as_string=False)
    out: list[PathVersion] = []
    for commit_, tokens in _records(raw):
        for change in _parse_diff_raw(tokens):
            out.append(PathVersion(commit_, change.path, change.new_blob))
            if change.old:  # a move: the old path ends here
                out.append(PathVersion(commit_, change.old, None))
    return out


def commit(repo: git.Repo, sha: str) -> Commit:
    raw = repo.git.log("-1", f"--format={_FIELDS}", sha, stdout_as_string=False)
    return _records(raw)[0][0]


_TRAILER = re.compile(r"^(?:approved-by|disetujui-oleh):[ \t]*(?P<value>.+?)[ \t]*$", re.I | re.M)


def approved_by(message: str) -> list[str]:
    """The values of the ``Approved-by:`` (or ``Disetujui-oleh:``) trailers of a commit message."""
    return [m.group("value") for m in _TRAILER.finditer(message)]
