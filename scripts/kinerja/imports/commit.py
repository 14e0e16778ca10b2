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
ZERO = "0" * 40
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
    """Validate the tree the import would commit, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="kinerja-import-") as tmp:
        materialise(tree, changes, Path(tmp))
        return validate_folder(Path(tmp))


def groups(changes: dict[str, bytes | None]) -> list[tuple[str, dict[str, bytes | None]]]:
    """Changes grouped per unit: instance-wide files ("") first, then units in id order."""
    by_unit: dict[str, dict[str, bytes | None]] = {}
    for path, raw in sorted(changes.items()):
        by_unit.setdefault(unit_of(path), {})[path] = raw
    return sorted(by_unit.items(), key=lambda item: (item[0] != "", item[0]))


def commit_groups(tree: GitTree, branch: str, parts: Iterable[tuple[str, dict[str, bytes | None], str]]) -> list[str]:
    """Commit each (unit, files, message) in turn on a new ``branch`` from the base; returns the commits."""
    if not valid_branch(branch):
        raise GitFailed(f"refusing to write branch '{branch}'")
    if _exists(tree.repo, f"refs/heads/{branch}"):
        raise GitFailed(f"branch '{branch}' exists already")
    env = _identity(tree.repo)
    commits: list[str] = []
    parent = tree.commit
    with tempfile.TemporaryDirectory(prefix="kinerja-index-") as tmp:
        env["GIT_INDEX_FILE"] = os.path.join(tmp, "index")
        git(tree.repo, "read-tree", parent, env=env)
        for n, (_unit, files, message) in enumerate(parts):
            info = _index_info(tree, files, Path(tmp) / f"g{n}")
            git(tree.repo, "update-index", "--index-info", data=info.encode("utf-8"), env=env)
            new_tree = git(tree.repo, "write-tree", env=env).decode().strip()
            parent = git(tree.repo, "commit-tree", new_tree, "-p", parent, "-m", message, env=env).decode().strip()
            commits.append(parent)
    if commits:
        git(tree.repo, "update-ref", "-m", "kinerja import", f"refs/heads/{branch}", commits[-1], ZERO)
    return commits


def _index_info(tree: GitTree, files: dict[str, bytes | None], folder: Path) -> str:
    """``update-index --index-info`` lines: blobs written with one ``hash-object --stdin-paths``."""
    folder.mkdir()
    written = [(p, raw) for p, raw in sorted(files.items()) if raw is not None]
    blob_files = []
    for i, (_path, raw) in enumerate(written):
        blob = folder / f"b{i}"
        blob.write_bytes(raw or b"")
        blob_files.append(str(blob))
    shas: list[str] = []
    if blob_files:
        out = git(tree.repo, "hash-object", "-w", "--no-filters", "--stdin-paths",
                  data=("\n".join(blob_files) + "\n").encode("utf-8"))
        shas = out.decode().split()
    lines = [f"100644 {sha}\t{tree.prefix}{path}" for (path, _raw), sha in zip(written, shas)]
    lines += [f"0 {ZERO}\t{tree.prefix}{path}" for path, raw in sorted(files.items()) if raw is None]
    return "\n".join(lines) + "\n"


def _exists(repo: Path, ref: str) -> bool:
    try:
        git(repo, "rev-parse", "--verify", "--quiet", ref)
    except GitFailed:
        return False
    return True


def _identity(repo: Path) -> dict[str, str]:
    """Author and committer: the user's Git identity, or a neutral one when none is configured."""
    env: dict[str, str] = {}
    try:
        name = git(repo, "config", "user.name").decode().strip()
    except GitFailed:
        name = ""
    if not name and "GIT_AUTHOR_NAME" not in os.environ:
        env.update(GIT_AUTHOR_NAME="Kinerja import", GIT_COMMITTER_NAME="Kinerja import",
                   GIT_AUTHOR_EMAIL="import@kinerja.invalid", GIT_COMMITTER_EMAIL="import@kinerja.invalid")
    return env


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
