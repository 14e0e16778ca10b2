"""Git for the intake: new branches built from objects, pushes, and the list of pushes still owed.

A submission never touches the working tree or the checked-out branch: the commit is built with Git's
plumbing through GitPython (a private temporary index read from the base commit, the new blobs added,
``write-tree``, ``commit-tree``) and the branch is created with ``update-ref`` *only if it does not exist
yet*. Concurrent submissions therefore cannot clobber each other, and ``main`` is never written; an
existing branch (batch import with ``--branch``) only ever moves forward (compare-and-swap on its tip),
so history is never rewritten. Pushes are plain (never forced).

When a push fails the branch stays in the local repository and is recorded in
``<git-dir>/kinerja-intake/pending.json``; :meth:`GitStore.retry` (``kinerja intake retry`` or the
service's ``POST /api/retry``) pushes what is pending. Every receipt is appended to
``<git-dir>/kinerja-intake/receipts.jsonl``, the service's audit log.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import git

PROTECTED = {"main", "master", "HEAD", "trunk", "develop", "gh-pages"}
BRANCH_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
ZERO = "0" * 40
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class GitError(Exception):
    """Raised by :class:`GitStore` when Git refuses (the service answers K822, the CLI exits 1)."""


@dataclass(frozen=True)
class Author:
    name: str
    email: str


def valid_branch(name: str, protected: set[str] | None = None) -> bool:
    """A branch name we are willing to write: simple parts, no ``..``, not a protected branch."""
    parts = name.split("/")
    if not name or len(name) > 200 or any(not BRANCH_PART.fullmatch(p) or p.endswith((".lock", ".")) for p in parts):
        return False
    return name not in (PROTECTED | (protected or set()))


def _lock_for(path: str) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path, threading.Lock())


class GitStore:
    """The service's repository: base branch, remote, pending pushes and the receipt log."""

    def __init__(self, path: Path, base: str | None = None, remote: str | None = None, push: bool = True) -> None:
        try:
            self.repo = git.Repo(path)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            raise GitError(f"not a Git repository: {path}") from exc
        self.path = Path(self.repo.working_tree_dir or path)
        if base is None:
            try:
                base = self.repo.active_branch.name
            except TypeError as exc:  # detached HEAD
                raise GitError("the repository has a detached HEAD; name the base branch (--base)") from exc
        self.base = base
        self.remote = remote
        self.push_enabled = push and remote is not None
        self.state = Path(self.repo.git_dir) / "kinerja-intake"
        self.state.mkdir(parents=True, exist_ok=True)
        if remote is not None and remote not in [r.name for r in self.repo.remotes]:
            raise GitError(f"no remote named '{remote}' in {self.path} (git remote -v)")

    # --- reading (plain git commands: GitPython's shared cat-file process is not thread-safe) ---------
    def _rev(self, ref: str) -> str | None:
        try:
            return self.repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
        except git.GitCommandError:
            return None

    def base_commit(self) -> str:
        commit = self._rev(f"refs/heads/{self.base}")
        if commit is None:
            raise GitError(f"base branch '{self.base}' not found")
        return commit

    def branch_commit(self, branch: str) -> str | None:
        return self._rev(f"refs/heads/{branch}")

    def show(self, commit: str, path: str) -> bytes | None:
        try:
            return self.repo.git.show(f"{commit}:{path}", stdout_as_string=False)
        except git.GitCommandError:
            return None

    def branches(self, prefix: str = "") -> list[str]:
        out = self.repo.git.for_each_ref("--format=%(refname:short)", "refs/heads")
        return sorted(name for name in out.splitlines() if name.startswith(prefix))

    # --- writing ------------------------------------------------------------------------------------
    def commit_files(self, branch: str, files: dict[str, bytes], message: str, author: Author,
                     parent: str | None = None, create: bool = True) -> str:
        """Commit ``files`` (repository path → bytes) on ``branch`` and return the commit id.

        ``create=True``: the branch must not exist (it is made from ``parent`` or the base branch).
        ``create=False``: the branch moves forward from its current tip ``parent`` (compare-and-swap).
        Every step is a separate ``git`` process with a private index, so submissions run in parallel.
        """
        if not valid_branch(branch, {self.base}):
            raise GitError(f"refusing to write branch '{branch}'")
        for path in files:
            if path.startswith("/") or ".." in path.split("/") or not path.startswith("contracts/"):
                raise GitError(f"refusing to write '{path}'")
        parent = parent or self.base_commit()
        g = self.repo.git
        env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
               "GIT_COMMITTER_NAME": "Kinerja intake", "GIT_COMMITTER_EMAIL": "intake@kinerja.invalid"}
        try:
            with tempfile.TemporaryDirectory(prefix="kinerja-index-") as tmp:
                env["GIT_INDEX_FILE"] = os.path.join(tmp, "index")
                g.read_tree(parent, env=env)
                for n, (path, data) in enumerate(sorted(files.items())):
                    blob_file = os.path.join(tmp, f"blob-{n}")
                    with open(blob_file, "wb") as handle:
                        handle.write(data)
                    blob = g.hash_object("-w", "--no-filters", blob_file)
                    g.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
                tree = g.write_tree(env=env)
                commit = g.commit_tree(tree, "-p", parent, "-m", message, env=env)
            g.update_ref("-m", "kinerja intake", f"refs/heads/{branch}", commit, ZERO if create else parent)
        except git.GitCommandError as exc:
            raise GitError(_short(exc)) from exc
        return commit

    # --- pushing ------------------------------------------------------------------------------------
    def push(self, branch: str, timeout: float = 60.0) -> str | None:
        """Push ``branch`` to the remote; returns None on success, else the reason (and records it)."""
        if not self.push_enabled:
            return None
        env = {"GIT_TERMINAL_PROMPT": "0"}
        if "GIT_SSH_COMMAND" not in os.environ:
            env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=15"
        try:
            self.repo.git.push(self.remote, f"refs/heads/{branch}:refs/heads/{branch}", env=env,
                               kill_after_timeout=timeout)
        except git.GitCommandError as exc:
            reason = _short(exc)
            self._pending_update(add={branch: {"remote": self.remote, "since": _now(), "error": reason}})
            return reason
        self._pending_update(remove=[branch])
        return None

    def pending(self) -> dict[str, Any]:
        with self._locked("pending"):
            return self._pending_read()

    def retry(self) -> tuple[list[str], dict[str, str]]:
        """Push every pending branch; returns (pushed, failed: branch → reason)."""
        pushed: list[str] = []
        failed: dict[str, str] = {}
        for branch in sorted(self.pending()):
            if self.branch_commit(branch) is None:
                self._pending_update(remove=[branch])
                continue
            reason = self.push(branch)
            if reason is None:
                pushed.append(branch)
            else:
                failed[branch] = reason
        return pushed, failed

    # --- receipts -------------------------------------------------------------------------------------
    def log_receipt(self, receipt: dict[str, Any]) -> None:
        line = json.dumps(receipt, ensure_ascii=False, default=str)
        with self._locked("receipts"):
            with (self.state / "receipts.jsonl").open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")

    def receipts(self) -> Iterator[dict[str, Any]]:
        path = self.state / "receipts.jsonl"
        if not path.exists():
            return
        with self._locked("receipts"):
            lines = path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            try:
                yield json.loads(line)
            except ValueError:
                continue

    # --- state files ----------------------------------------------------------------------------------
    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        lock_path = self.state / f"{name}.lock"
        with _lock_for(str(lock_path)):
            with lock_path.open("a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _pending_read(self) -> dict[str, Any]:
        path = self.state / "pending.json"
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _pending_update(self, add: dict[str, Any] | None = None, remove: list[str] | None = None) -> None:
        with self._locked("pending"):
            data = self._pending_read()
            data.update(add or {})
            for branch in remove or []:
                data.pop(branch, None)
            path = self.state / "pending.json"
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(tmp, path)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _short(exc: git.GitCommandError) -> str:
    text = (exc.stderr or exc.stdout or str(exc)).strip()
    text = re.sub(r"^\s*stderr:\s*", "", text)
    lines = [line.strip(" '") for line in text.splitlines() if line.strip(" '")]
    return " ".join(lines)[-300:] or f"git exited with {exc.status}"
