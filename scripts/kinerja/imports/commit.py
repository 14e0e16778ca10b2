"""The result of an import: checked by the project's validator, then committed on a new branch, one
commit per unit, with Git's plumbing only.

Nothing touches the user's working tree, index or checked-out branch: the commits are built in a
private temporary index (``GIT_INDEX_FILE``) read from the base commit, with ``hash-object``,
``update-index``, ``write-tree`` and ``commit-tree``; the branch is created with ``update-ref`` only if
it does not exist yet, and never on ``main``. Before any commit is made the whole resulting tree is
written to a temporary folder and validated; if it does not validate, nothing is committed.
Commit messages name the unit and counts only (no NIP, name or employee id).
"""

from __future__ import annotations

import io
import os
import re
import tarfile
import tempfile
from pathlib import Path
from typing import Iterable

from .. import report as reporting
from .state import GitFailed, GitTree, git, unit_of

PROTECTED = {"main", "master", "HEAD", "trunk", "develop", "gh-pages"}
_BRANCH_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def valid_branch(name: str) -> bool:
    """A branch name we are willing to create: simple parts, no ``..``, not a protected name."""
    parts = name.split("/")
    if not name or len(name) > 200 or name in PROTECTED:
        return False
    return all(_BRANCH_PART.fullmatch(p) and not p.endswith((".lock", ".")) for p in parts)


def materialise(tree: GitTree, changes: dict[str, bytes | None], into: Path) -> None:
    """Write the base commit's ``contracts/`` and ``schemas/`` with ``changes`` applied into ``into``."""
    wanted = [f"{tree.prefix}{p}" for p in ("contracts", "schemas") if tree.list(p)]
    if wanted:
        data = git(tree.repo, "archive", "--format=tar", tree.commit, "--", *wanted)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            for member in archive.getmembers():
                if not member.isfile():
                    continue
                name = member.name[len(tree.prefix):]
                target = into / name
                if ".." in Path(name).parts:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                extracted = archive.extractfile(member)
                if extracted is not None:
                    target.write_bytes(extracted.read())
    apply_to_folder(changes, into)


def apply_to_folder(changes: dict[str, bytes | None], into: Path) -> None:
    """Write (or remove, for None) each changed file under ``into``."""
    for path, raw in changes.items():
        target = into / path
        if raw is None:
            if target.exists():
                target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)


def validate_folder(root: Path) -> reporting.Report:
    """The project's validator on an instance folder (errors and warnings)."""
    from ..validate import load_checked, validate

    return validate(load_checked(root))


def validate_result(tree: GitTree, changes: dict[str, bytes | None]) -> reporting.Report:
    """Validate the tree the import would commit.

    When the checkout is the base commit and its data is clean, the instance folder itself is loaded
    with the changed files laid over it in memory (the parse cache stays warm); otherwise the base
    commit with the changes is written to a temporary folder and validated there.
    """
    root = tree.repo / tree.prefix if tree.prefix else tree.repo
    if _clean_at(tree):
        from ..load import discover
        from ..validate import load_checked, validate

        deleted = {p for p, raw in changes.items() if raw is None}
        files = [f for f in discover(root) if f not in deleted] if deleted else None
        overlay = {p: raw for p, raw in changes.items() if raw is not None}
        return validate(load_checked(root, files=files, overlay=overlay))
    with tempfile.TemporaryDirectory(prefix="kinerja-import-") as tmp:
        materialise(tree, changes, Path(tmp))
        return validate_folder(Path(tmp))


def _clean_at(tree: GitTree) -> bool:
    """True when HEAD is the base commit and nothing under contracts/ or schemas/ differs from it."""
    try:
        head = git(tree.repo, "rev-parse", "--verify", "HEAD").decode().strip()
        if head != tree.commit:
            return False
        status = git(tree.repo, "status", "--porcelain", "--untracked-files=all", "--ignored", "--",
                     f"{tree.prefix}contracts", f"{tree.prefix}schemas")
    except GitFailed:
        return False
    return not status.strip()


def groups(changes: dict[str, bytes | None]) -> list[tuple[str, dict[str, bytes | None]]]:
    """Changes grouped per unit: instance-wide files ("") first, then units in id order."""
    by_unit: dict[str, dict[str, bytes | None]] = {}
    for path, raw in sorted(changes.items()):
        by_unit.setdefault(unit_of(path), {})[path] = raw
    return sorted(by_unit.items(), key=lambda item: (item[0] != "", item[0]))


def commit_groups(tree: GitTree, branch: str, parts: Iterable[tuple[str, dict[str, bytes | None], str]]) -> list[str]:
    """Commit each (unit, files, message) in turn on a new ``branch`` from the base; returns the commits.

    One ``git fast-import`` process writes every commit and creates the branch at the end; it never
    touches a working tree or an index. The branch must not exist yet (fast-import is told not to
    move an existing one)."""
    if not valid_branch(branch):
        raise GitFailed(f"refusing to write branch '{branch}'")
    ref = f"refs/heads/{branch}"
    if _exists(tree.repo, ref):
        raise GitFailed(f"branch '{branch}' exists already")
    author, committer = _identity(tree.repo)
    stream = io.BytesIO()
    count = 0
    for n, (_unit, files, message) in enumerate(parts, start=1):
        text = message.encode("utf-8")
        stream.write(f"commit {ref}\nmark :{n}\nauthor {author} now\ncommitter {committer} now\n".encode())
        stream.write(b"data %d\n%s\n" % (len(text), text))
        if n == 1:
            stream.write(f"from {tree.commit}\n".encode())
        for path, raw in sorted(files.items()):
            quoted = _quote(tree.prefix + path)
            if raw is None:
                stream.write(f"D {quoted}\n".encode())
            else:
                stream.write(f"M 100644 inline {quoted}\ndata {len(raw)}\n".encode() + raw + b"\n")
        stream.write(b"\n")
        count = n
    if not count:
        return []
    marks = Path(tempfile.mkdtemp(prefix="kinerja-marks-"))
    try:
        git(tree.repo, "fast-import", "--quiet", "--date-format=now", f"--export-marks={marks / 'marks'}",
            data=stream.getvalue())
        exported = dict(line.split() for line in (marks / "marks").read_text().splitlines())
    finally:
        import shutil

        shutil.rmtree(marks, ignore_errors=True)
    return [exported[f":{n}"] for n in range(1, count + 1)]


def _quote(path: str) -> str:
    """A path for the fast-import stream (C-style quoted when it needs it)."""
    if any(c in path for c in '"\\\n') or path.startswith(" "):
        return '"' + path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return path


def _exists(repo: Path, ref: str) -> bool:
    try:
        git(repo, "rev-parse", "--verify", "--quiet", ref)
    except GitFailed:
        return False
    return True


def _identity(repo: Path) -> tuple[str, str]:
    """Author and committer ("Name <email>"): the environment's or the user's Git identity, else a neutral one."""
    def config(key: str) -> str:
        try:
            return git(repo, "config", key).decode().strip()
        except GitFailed:
            return ""

    name, email = config("user.name") or "Kinerja import", config("user.email") or "import@kinerja.invalid"
    author = f"{os.environ.get('GIT_AUTHOR_NAME', name)} <{os.environ.get('GIT_AUTHOR_EMAIL', email)}>"
    committer = f"{os.environ.get('GIT_COMMITTER_NAME', name)} <{os.environ.get('GIT_COMMITTER_EMAIL', email)}>"
    return author, committer


def open_tree(root: Path, base: str | None) -> tuple[GitTree, str]:
    """The Git tree of the instance at ``root`` and the base branch name (default: the checked-out one)."""
    top = Path(git(root, "rev-parse", "--show-toplevel").decode().strip())
    prefix = str(root.resolve().relative_to(top.resolve()))
    prefix = "" if prefix == "." else prefix + "/"
    if base is None:
        try:
            base = git(top, "symbolic-ref", "--short", "HEAD").decode().strip()
        except GitFailed as exc:
            raise GitFailed("detached HEAD: name the base branch with --base") from exc
    commit = git(top, "rev-parse", "--verify", f"{base}^{{commit}}").decode().strip()
    return GitTree(top, commit, prefix), base
