"""Git for the intake: new branches built from objects, pushes, and the list of pushes still owed.

A submission never touches the working tree or the checked-out branch: the commit is built from objects
(the new blobs, and new trees only along the changed paths, the rest of the base tree shared; then
``commit-tree``) and the branch is created with ``update-ref`` *only if it does not exist
yet*. Concurrent submissions therefore cannot clobber each other, and ``main`` is never written; an
existing branch (batch import with ``--branch``) only ever moves forward (compare-and-swap on its tip),
so history is never rewritten. Pushes are plain (never forced).

When a push fails the branch stays in the local repository and is recorded in
``<git-dir>/kinerja-intake/pending.json``; :meth:`GitStore.retry` (``kinerja intake retry`` or the
service's ``POST /api/retry``) pushes what is pending. Every receipt is appended to
``<git-dir>/kinerja-intake/receipts.jsonl``, the service's audit log.

Crash safety (the receipt journal): before a submission writes its branch, its receipt-to-be is written
to ``<git-dir>/kinerja-intake/journal/<id>.json`` (atomically, and held under an exclusive ``flock`` while
the submission runs); the branch's commit carries the trailer ``Intake-Receipt: <id>``. The entry is
removed once the receipt is in the log. Private working folders live in ``<git-dir>/kinerja-intake/tmp/``, each
folder held under a ``flock`` while in use. :meth:`GitStore.recover` (run when the service starts) takes
every entry nobody holds: a branch without its receipt is receipted (and pushed), a journal entry whose
branch was never written is dropped, and temporary folders nobody holds are removed. A ``SIGKILL`` at
any point therefore leaves, after the next start, neither an unreceipted branch nor a temporary file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterator

import git

PROTECTED = {"main", "master", "HEAD", "trunk", "develop", "gh-pages"}
BRANCH_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
ZERO = "0" * 40
TRAILER = "Intake-Receipt"
_PLACE = re.compile(r"contracts/units/(?P<unit>[^/]+)/(?P<period>[^/]+)/"
                    r"(?:realisations/(?P<employee>[^/]+)/(?P<rp>[^/]+)|skp/(?P<skp_employee>[^/]+))\.yaml")
PAUSE_ENV = "KINERJA_TEST_PAUSE"   # test hook: the name of a step to pause at (see GitStore.pause_point)
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
        self.journal_dir = self.state / "journal"
        self.tmp = self.state / "tmp"
        for folder in (self.state, self.journal_dir, self.tmp):
            folder.mkdir(parents=True, exist_ok=True)
        self.stopping = threading.Event()   # set when the service stops: no new writes, no pushes
        self._objects: git.Repo | None = None   # tree reads (see _read)
        self._objects_lock = threading.Lock()
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
        The blobs and the trees along the changed paths are written in this process (the other trees of
        the base are shared, never read); ``commit-tree`` and ``update-ref`` are ``git`` processes.
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
            with self.private_dir():
                blobs = {tuple(path.split("/")): self._store(b"blob", data) for path, data in sorted(files.items())}
                root = self._tree_with(self._tree_of(parent), blobs)
                self.pause_point("in-index")
                commit = g.commit_tree(root.hex(), "-p", parent, "-m", message, env=env)
            g.update_ref("-m", "kinerja intake", f"refs/heads/{branch}", commit, ZERO if create else parent)
        except (git.GitCommandError, ValueError) as exc:
            raise GitError(_short(exc) if isinstance(exc, git.GitCommandError) else str(exc)) from exc
        return commit

    # --- trees along the changed paths ------------------------------------------------------------------
    def _store(self, kind: bytes, data: bytes) -> bytes:
        """Write one object into the object database (in this process); its binary id."""
        from io import BytesIO

        from gitdb.base import IStream

        return self.repo.odb.store(IStream(kind, len(data), BytesIO(data))).binsha

    def _read(self, binsha: bytes) -> tuple[bytes, bytes]:
        """``(type, data)`` of an object, through one ``git cat-file --batch`` kept for tree reads (its own
        Repo and lock: GitPython's persistent process is not thread-safe)."""
        with self._objects_lock:
            if self._objects is None:
                self._objects = git.Repo(self.repo.git_dir)
            stream = self._objects.odb.stream(binsha)
            return stream.type, stream.read()

    def _tree_of(self, commit: str) -> bytes:
        kind, data = self._read(bytes.fromhex(commit))
        if kind != b"commit" or not data.startswith(b"tree "):
            raise ValueError(f"{commit} is not a commit")
        return bytes.fromhex(data[5:45].decode("ascii"))

    def _tree_with(self, tree: bytes | None, files: dict[tuple[str, ...], bytes]) -> bytes:
        """The id of ``tree`` (None: empty) with ``files`` (path parts → blob id) written in: only the trees
        along the changed paths are read and written, never the whole base tree (704,253 files in the
        40,000-employee province)."""
        from git.objects.fun import tree_entries_from_data, tree_to_stream

        entries: dict[str, tuple[bytes, int, str]] = {}
        if tree is not None:
            kind, data = self._read(tree)
            if kind != b"tree":
                raise ValueError("not a tree")
            entries = {name: (sha, mode, name) for sha, mode, name in tree_entries_from_data(data)}
        groups: dict[str, dict[tuple[str, ...], bytes]] = {}
        for parts, blob in files.items():
            name = parts[0]
            if name in ("", ".", "..") or name.lower() == ".git" or "\0" in name:
                raise ValueError(f"refusing the path part '{name}'")
            if len(parts) == 1:
                entries[name] = (blob, 0o100644, name)
            else:
                groups.setdefault(name, {})[parts[1:]] = blob
        for name, inner in groups.items():
            old = entries.get(name)
            sub = old[0] if old is not None and old[1] == 0o040000 else None
            entries[name] = (self._tree_with(sub, inner), 0o040000, name)
        ordered = sorted(entries.values(), key=lambda e: e[2].encode("utf-8") + (b"/" if e[1] == 0o040000 else b""))
        chunks: list[bytes] = []
        tree_to_stream(ordered, chunks.append)
        return self._store(b"tree", b"".join(chunks))

    @contextmanager
    def private_dir(self) -> Iterator[str]:
        """A temporary folder under ``<state>/tmp``, locked while in use (so :meth:`recover` keeps off)."""
        path = tempfile.mkdtemp(prefix="index-", dir=self.tmp)
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)
            os.close(fd)

    def pause_point(self, step: str) -> None:
        """Test hook: with ``KINERJA_TEST_PAUSE=<step>`` say so on stderr and wait until the store stops
        (with ``<step>:hold``, for ever: a submission stuck where no stop can reach it).

        A test can then kill the process at a known step (SIGKILL) or stop it (SIGTERM) without racing.
        """
        name, _, mode = os.environ.get(PAUSE_ENV, "").partition(":")
        if name == step:
            print(f"kinerja-test-paused: {step}", file=sys.stderr, flush=True)
            (threading.Event() if mode == "hold" else self.stopping).wait()

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

    def defer(self, branch: str, reason: str) -> None:
        """Record ``branch`` as owed to the remote without trying now (the service is stopping)."""
        self._pending_update(add={branch: {"remote": self.remote, "since": _now(), "error": reason}})

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
        """Append ``receipt`` to the log (after a line cut short by a crash, on a line of its own)."""
        line = json.dumps(receipt, ensure_ascii=False, default=str)
        with self._locked("receipts"):
            with (self.state / "receipts.jsonl").open("a+b") as handle:
                handle.seek(0, os.SEEK_END)
                if handle.tell():
                    handle.seek(-1, os.SEEK_END)
                    if handle.read(1) != b"\n":
                        handle.write(b"\n")
                handle.write(line.encode("utf-8") + b"\n")
                handle.flush()
                os.fsync(handle.fileno())

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

    # --- the receipt journal ---------------------------------------------------------------------------
    @contextmanager
    def journal(self, draft: dict[str, Any]) -> Iterator[None]:
        """Journal ``draft`` (a receipt-to-be with ``id`` and ``branch``) while the block writes its branch.

        The entry is written atomically and already locked when it appears. It is removed when the block
        ends, unless the block failed after the branch was written: then :meth:`recover` receipts it.
        """
        path = self.journal_dir / f"{draft['id']}.json"
        handle = _write_locked(path, json.dumps(draft, ensure_ascii=False, default=str))
        try:
            yield
        except BaseException:
            if self.branch_commit(draft["branch"]) is None:
                path.unlink(missing_ok=True)
            raise
        else:
            path.unlink(missing_ok=True)
        finally:
            handle.close()

    def recover(self, complete: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> dict[str, list[str]]:
        """Finish what a crash left (see the module docstring); returns what was done, by kind.

        ``complete(draft) -> receipt`` finishes a journalled receipt once its branch exists (the default
        records the commit, pushes, and keeps the draft's other fields).
        """
        done: dict[str, list[str]] = {"receipted": [], "dropped": [], "removed": []}
        done["removed"] = self._remove_stale_files()
        logged = {item.get("id") for item in self.receipts()}
        busy: set[str] = set()
        for path in sorted(self.journal_dir.glob("*.json")):
            handle = _try_lock(path)
            if handle is None:
                busy.add(path.stem)
                continue
            with handle:
                self._recover_entry(path, logged, done, complete)
        orphans = [item for item in self._trailer_branches() if item[2] not in logged and item[2] not in busy]
        if orphans:  # read the log again: a process that just finished has logged its receipt meanwhile
            logged |= {item.get("id") for item in self.receipts()}
        for branch, commit, receipt_id in orphans:
            if receipt_id not in logged:
                self._finish(self._draft_from_commit(branch, commit, receipt_id), commit, complete)
                logged.add(receipt_id)
                done["receipted"].append(branch)
        return done

    def _recover_entry(self, path: Path, logged: set[Any], done: dict[str, list[str]],
                       complete: Callable[[dict[str, Any]], dict[str, Any]] | None) -> None:
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
            branch = draft["branch"]
        except (ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            done["removed"].append(path.name)
            return
        commit = self.branch_commit(branch) if isinstance(branch, str) else None
        if draft.get("id") not in logged:
            if commit is None:
                done["dropped"].append(str(branch))
            else:
                self._finish(draft, commit, complete)
                logged.add(draft.get("id"))
                done["receipted"].append(branch)
        path.unlink(missing_ok=True)

    def _finish(self, draft: dict[str, Any], commit: str,
                complete: Callable[[dict[str, Any]], dict[str, Any]] | None) -> None:
        receipt = dict(draft, commit=commit)
        if complete is not None:
            receipt = complete(receipt)
        elif self.push_enabled:
            reason = self.push(receipt["branch"])
            receipt["push"] = "pushed" if reason is None else "pending"
        self.log_receipt(receipt)

    def _remove_stale_files(self) -> list[str]:
        """Temporary folders and files of the state folder that no running process holds."""
        removed: list[str] = []
        for item in sorted(self.tmp.iterdir()):
            try:  # never follow a link, never block on a FIFO
                fd = os.open(item, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
            except OSError:
                item.unlink(missing_ok=True)
                removed.append(item.name)
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue  # a running process holds it
            try:
                shutil.rmtree(item) if item.is_dir() else item.unlink()
                removed.append(item.name)
            finally:
                os.close(fd)
        for item in sorted(self.journal_dir.glob("*.tmp")):
            handle = _try_lock(item)
            if handle is not None:
                with handle:
                    item.unlink(missing_ok=True)
                removed.append(item.name)
        with self._locked("pending"):
            if (self.state / "pending.tmp").exists():
                (self.state / "pending.tmp").unlink()
                removed.append("pending.tmp")
        return removed

    def _trailer_branches(self) -> list[tuple[str, str, str]]:
        """``(branch, commit, receipt id)`` of every local branch whose tip carries the receipt trailer."""
        out = self.repo.git.for_each_ref(
            f"--format=%(refname:short)%00%(objectname)%00%(trailers:key={TRAILER},valueonly,separator=%x20)",
            "refs/heads/intake/")
        found = []
        for line in out.splitlines():
            parts = line.split("\0")
            if len(parts) == 3 and re.fullmatch(r"[0-9a-f]{32}", parts[2].strip()):
                found.append((parts[0], parts[1], parts[2].strip()))
        return found

    def _draft_from_commit(self, branch: str, commit: str, receipt_id: str) -> dict[str, Any]:
        """A receipt rebuilt from the commit alone (its journal entry is gone)."""
        g = self.repo.git
        author, when = g.show("-s", "--format=%an%x00%cI", commit).split("\0")
        files = [f for f in g.diff_tree("--no-commit-id", "--name-only", "-r", f"{commit}^", commit).splitlines() if f]
        path = files[0] if files else None
        content = self.show(commit, path) if path else None
        place = _PLACE.fullmatch(path or "")
        found = place.groupdict() if place else {}
        return {"ok": True, "id": receipt_id, "kind": "realisation" if found.get("rp") else "contract",
                "user": author, "time": when.strip(), "unit": found.get("unit"), "employee": found.get("employee") or found.get("skp_employee"),
                "period": found.get("period"), "reporting_period": found.get("rp"),
                "file": path, "branch": branch, "base": self.base, "remote": self.remote, "push": "local",
                "pull_request": None, "report": {"valid": None, "problems": []}, "elsewhere": [], "notices": [],
                "content": content.decode("utf-8", "replace") if content is not None else None}

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


def _write_locked(path: Path, text: str) -> IO[bytes]:
    """Write ``text`` to ``path`` atomically; the returned open handle holds an exclusive lock on it."""
    tmp = path.with_name(path.name + ".tmp")
    handle = tmp.open("wb")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        handle.close()
        tmp.unlink(missing_ok=True)
        raise
    return handle


def _try_lock(path: Path) -> IO[bytes] | None:
    """``path`` opened and exclusively locked, or None when another process (or thread) holds it."""
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _short(exc: git.GitCommandError) -> str:
    text = (exc.stderr or exc.stdout or str(exc)).strip()
    text = re.sub(r"^\s*stderr:\s*", "", text)
    lines = [line.strip(" '") for line in text.splitlines() if line.strip(" '")]
    return " ".join(lines)[-300:] or f"git exited with {exc.status}"
