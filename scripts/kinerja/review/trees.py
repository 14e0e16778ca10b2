"""The data on one side of a change, read from Git (a commit's blobs) or the working tree, a piece at a time.

A review reads only what it needs: the organisation files, the changed files, the files they reach and the
records the rules read when checking those. :class:`Side` lists and reads files under chosen paths (one
``git ls-tree`` per batch of paths, blobs through one ``cat-file`` process); :class:`Assembly` parses them
once (a commit's files are remembered by blob id, so both sides share what did not change) and grows one
:class:`~kinerja.model.Province` step by step, the way :func:`kinerja.load.load_tree` builds it at once.

The data root (the folder holding ``contracts/``) may sit below the repository's top; Git paths carry
that prefix, data paths do not.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Mapping

import git

from .. import model as m
from ..load import Document, Loaded, build, build_province, layout, parse_document, yamlsafe
from ..load.cache import VERSION as CACHE_VERSION
from ..load.cache import ParseCache, fingerprint, own_folder, parse_many
from ..report import Problem
from . import gitio

ORG_KINDS = ("settings", "organisation", "periods", "positions", "employees")
"""The files that say who holds which office: enough to know who approves, and read for every review."""
_TOP_FILES = tuple(f"{layout.DATA_DIR}/{name}.{ext}" for name in ("settings", "organisation", "periods")
                   for ext in ("yaml", "yml"))
_BATCH = 2000
REGULAR_MODES = (b"100644", b"100755")
"""Git modes of regular files; ``120000`` (a symbolic link) and ``160000`` (a submodule) are never read."""


def place_of(file: str) -> layout.Place | None:
    """The kind and folder ids of a data path (``contracts/…``), or None."""
    return layout.classify(file[len(layout.DATA_DIR) + 1:]) if file.startswith(layout.DATA_DIR + "/") else None


def is_data(file: str) -> bool:
    """A data file as :func:`~kinerja.load.discover` sees them: not hidden, not a note (``*.md``)."""
    name = file.rsplit("/", 1)[-1]
    return not name.startswith(".") and not name.lower().endswith(".md") and "/." not in file


def is_org(file: str) -> bool:
    place = place_of(file)
    return place is not None and place.kind in ORG_KINDS


def prefix_of(repo: git.Repo, root: Path) -> str:
    """The data root's path inside the repository, with a trailing slash ('' at the top)."""
    rel = root.resolve().relative_to(gitio.toplevel(repo)).as_posix()
    return "" if rel == "." else rel + "/"


def _regular(path: Path) -> bool:
    """A regular file in the working tree, not followed through a symbolic link."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file of the working tree; None for anything else (never through a link,
    never blocking on a FIFO)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read()


def _what(mode: int) -> str:
    """What a special entry of the working tree is, in a word."""
    for test, word in ((stat.S_ISLNK, "symlink"), (stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device")):
        if test(mode):
            return word
    return "special"


class Side:
    """The files of one side of a change: ``commit``'s tree, or the working tree when it is None.

    Only regular files are listed or read: a symbolic link, a submodule, a FIFO or a device under the data
    root is never followed (:meth:`irregular` names them, so that the review refuses them)."""

    def __init__(self, repo: git.Repo, root: Path, prefix: str, commit: str | None) -> None:
        self.repo, self.root, self.prefix, self.commit = repo, root, prefix, commit
        self.skip: set[str] = set()

    def irregular(self) -> dict[str, str]:
        """Every entry under the data root that is not a regular file or folder (data path → ``symlink``,
        ``submodule``, ``fifo``, ``socket`` or ``device``); they are left out of every later read."""
        found = self._irregular_in_tree() if self.commit is not None else self._irregular_on_disk()
        found = {path: what for path, what in found.items() if is_data(path)}
        self.skip |= set(found)
        return found

    def _irregular_in_tree(self) -> dict[str, str]:
        raw = self.repo.git.ls_tree("-r", "-z", "--full-tree", self.commit, "--", self.prefix + layout.DATA_DIR,
                                    stdout_as_string=False)
        out: dict[str, str] = {}
        for entry in raw.split(b"\0"):
            meta, _, path = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) == 3 and parts[0] not in REGULAR_MODES:
                out[gitio.text(path)[len(self.prefix):]] = "submodule" if parts[1] == b"commit" else "symlink"
        return out

    def _irregular_on_disk(self) -> dict[str, str]:
        out: dict[str, str] = {}
        top = self.root / layout.DATA_DIR
        if top.is_symlink():
            return {layout.DATA_DIR: "symlink"}
        todo = [layout.DATA_DIR]
        while todo:
            rel = todo.pop()
            try:
                entries = list(os.scandir(self.root / rel))
            except OSError:
                continue
            for entry in entries:  # (the kind comes from the directory listing: no stat per file)
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    todo.append(f"{rel}/{entry.name}")
                elif not entry.is_file(follow_symlinks=False):
                    out[f"{rel}/{entry.name}"] = _what(entry.stat(follow_symlinks=False).st_mode)
        return out

    def list(self, paths: Iterable[str]) -> dict[str, str | None]:
        """The data files at or under ``paths`` (data paths of files or folders), each with its blob id
        (None in the working tree)."""
        wanted = sorted(set(paths))
        if self.commit is None:
            return self._walk(wanted)
        out: dict[str, str | None] = {}
        for i in range(0, len(wanted), _BATCH):
            batch = [self.prefix + p for p in wanted[i:i + _BATCH]]
            raw = self.repo.git.ls_tree("-r", "-z", "--full-tree", self.commit, "--", *batch, stdout_as_string=False)
            for entry in raw.split(b"\0"):
                meta, _, path = entry.partition(b"\t")
                parts = meta.split()
                if len(parts) == 3 and parts[0] in REGULAR_MODES:
                    name = gitio.text(path)[len(self.prefix):]
                    if is_data(name) and name not in self.skip:
                        out[name] = gitio.text(parts[2])
        return out

    def _walk(self, paths: list[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for rel in paths:
            path = self.root / rel
            if _regular(path):
                if is_data(rel) and rel not in self.skip:
                    out[rel] = None
            elif path.is_dir() and not path.is_symlink():
                for folder, dirs, files in os.walk(path):  # (os.walk does not enter linked folders)
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    base = Path(folder).relative_to(self.root).as_posix()
                    out.update({f"{base}/{name}": None for name in files
                                if is_data(name) and _regular(Path(folder) / name)})
        return {path: sha for path, sha in out.items() if path not in self.skip}

    def units(self) -> list[str]:
        """The unit folders under ``contracts/units/``."""
        folder = f"{layout.DATA_DIR}/units"
        if self.commit is None:
            path = self.root / folder
            return sorted(p.name for p in path.iterdir() if p.is_dir()) if path.is_dir() else []
        raw = self.repo.git.ls_tree("-z", "--full-tree", self.commit, "--", f"{self.prefix}{folder}/",
                                    stdout_as_string=False)
        out = []
        for entry in raw.split(b"\0"):
            meta, _, path = entry.partition(b"\t")
            if meta.split()[1:2] == [b"tree"]:
                out.append(gitio.text(path).rsplit("/", 1)[-1])
        return sorted(out)

    def org(self) -> dict[str, str | None]:
        """The organisation files: settings, unit tree, periods, and each unit's positions and employees."""
        unit_files = [f"{layout.DATA_DIR}/units/{unit}/{name}.{ext}" for unit in self.units()
                      for name in ("positions", "employees") for ext in ("yaml", "yml")]
        return self.list([*_TOP_FILES, *unit_files])

    def everything(self) -> dict[str, str | None]:
        return self.list([layout.DATA_DIR])

    def read(self, files: Mapping[str, str | None]) -> dict[str, bytes]:
        """The bytes of ``files`` (data path → blob id, or None to read the working tree); an irregular
        entry (see :meth:`irregular`) or anything in the working tree that is not a regular file is left out."""
        files = {path: sha for path, sha in files.items() if path not in self.skip}
        blobs = gitio.read_blobs(self.repo, [sha for sha in files.values() if sha])
        out: dict[str, bytes] = {}
        for path, sha in files.items():
            if sha:
                out[path] = blobs[sha]
            else:
                data = _read_regular(self.root / path)
                if data is not None:
                    out[path] = data
        return out


class Parser:
    """Parses data files once. A commit's files are remembered by path, blob id and size limit, in this
    run and across runs in a cache inside the Git directory (``<git-dir>/kinerja/``): a pull request
    cannot commit files there, so the cache cannot be planted; the same bytes at another path are parsed
    again. Misses are parsed on every core."""

    def __init__(self, repo: git.Repo | None = None) -> None:
        # Its own folder: shards are pruned to what their user asked for, so a review (a few hundred
        # files) must not share shards with a full load (hundreds of thousands).
        folder = own_folder(Path(repo.git_dir), "kinerja", "review", CACHE_VERSION) if repo is not None else None
        self.store = ParseCache(folder, fingerprint("review"))

    def parse_all(self, files: Mapping[str, bytes], blobs: Mapping[str, str | None],
                  max_bytes: int) -> dict[str, tuple[Document | None, list[Problem]]]:
        """``(document, problems)`` of each file, from the cache where its blob id is known."""
        out: dict[str, tuple[Document | None, list[Problem]]] = {}
        misses: list[tuple[str, bytes]] = []
        for path, raw in files.items():
            sha = blobs.get(path)
            hit = self.store.get(_key(sha, max_bytes, path)) if sha else None
            if hit is not None and _fits(hit, path):
                out[path] = hit
            else:
                misses.append((path, raw))
        for (path, _), result in zip(misses, parse_many(parse_document, misses, max_bytes)):
            out[path] = result
            sha = blobs.get(path)
            if sha:
                self.store.put(_key(sha, max_bytes, path), result)
        return out

    def save(self) -> None:
        self.store.save()


def _key(sha: str, max_bytes: int, path: str) -> str:
    """A parse result's key: the blob, the size limit and the path (which decides kind, ids and where
    its problems are)."""
    return f"{sha}:{max_bytes}:{path}"


def _fits(hit: object, path: str) -> bool:
    """A remembered result has the shape a parse gives and was made for this path (the key says so
    already: this only keeps a damaged entry from being used)."""
    if type(hit) is not tuple or len(hit) != 2 or not isinstance(hit[1], (list, tuple)):
        return False
    doc = hit[0]
    place = place_of(path)
    return place is not None and (doc is None or (isinstance(doc, Document) and doc.file == path
                                                  and place.kind == doc.kind and place.keys == doc.keys))


class Assembly:
    """A province grown from parsed files, step by step; :meth:`loaded` gives what the validator reads."""

    def __init__(self, side: Side, parser: Parser) -> None:
        self.side, self.parser = side, parser
        self.province = m.Province()
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self.raw: dict[str, bytes] = {}
        self.files: set[str] = set()
        self.max_bytes = yamlsafe.DEFAULT_MAX_BYTES

    def add(self, files: Mapping[str, str | None], raw: Mapping[str, bytes] | None = None) -> list[Document]:
        """Read (unless ``raw`` holds the bytes), parse and add the ``files`` not added yet."""
        new = {path: sha for path, sha in files.items() if path not in self.files}
        if not new:
            return []
        known = raw or {}
        raw = {**{p: known[p] for p in new if p in known}, **self.side.read({p: s for p, s in new.items() if p not in known})}
        settings = [p for p in raw if (place_of(p) or layout.Place("", {})).kind == "settings"]
        if settings:
            doc, _ = self.parser.parse_all({settings[0]: raw[settings[0]]}, new, yamlsafe.DEFAULT_MAX_BYTES)[settings[0]]
            if doc is not None:
                self.province.settings = build.settings(doc.data)
                self.max_bytes = self.province.settings.max_file_bytes
        parsed = self.parser.parse_all(raw, new, self.max_bytes)
        added: list[Document] = []
        for path in sorted(new):
            self.files.add(path)
            if path not in parsed:
                continue
            self.raw[path] = raw[path]
            doc, problems = parsed[path]
            self.problems.extend(problems)
            if doc is None:
                place = place_of(path)
                if place is not None and problems and problems[0].code != "K011":
                    self.province.unreadable.add((place.kind, *place.keys.values()))
                continue
            added.append(doc)
        self.documents.extend(added)
        build_province(self.province, [d for d in added if d.kind != "settings"])
        if any(d.kind == "employees" for d in added):
            self.province.__dict__.pop("_holders", None)  # the province caches who holds what: drop it as it grows
        return added

    def loaded(self) -> Loaded:
        """What the validator reads, as :func:`~kinerja.load.load_tree` would have built it from these files:
        documents in path order and the records rebuilt in that order (where two files claim the same
        record, the same one wins); the organisation is shared, not rebuilt."""
        documents = sorted(self.documents, key=lambda d: d.file)
        p = self.province
        province = m.Province(settings=p.settings, units=p.units, periods=p.periods, positions=p.positions,
                              employees=p.employees, unreadable=set(p.unreadable))
        build_province(province, [d for d in documents if d.kind not in ORG_KINDS])
        return Loaded(root=self.side.root, province=province, documents=documents, problems=list(self.problems),
                      overlay=self.raw, files_read=len(self.files))


class People:
    """Every employees file's bytes, so that only the files mentioning the positions and employees a review
    needs are parsed. A file mentions an id when the id appears in it as a whole word: a superset of the
    files that hold that employee or an assignment to that position, found at the speed of ``bytes.find``."""

    LIMIT = 64
    """Above this many ids at once every file is taken (the change is wide anyway)."""

    def __init__(self, files: Mapping[str, str | None], raw: Mapping[str, bytes]) -> None:
        self.files = dict(files)
        self.raw = dict(raw)

    def mentioning(self, ids: Iterable[str]) -> dict[str, str | None]:
        wanted = sorted({i for i in ids if i})
        if len(wanted) > self.LIMIT:
            return dict(self.files)
        out: dict[str, str | None] = {}
        for path, data in self.raw.items():
            if any(_mentions(data, ident.encode()) for ident in wanted):
                out[path] = self.files.get(path)
        return out


_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789-_")


def _mentions(data: bytes, ident: bytes) -> bool:
    start = data.find(ident)
    while start >= 0:
        end = start + len(ident)
        if (start == 0 or data[start - 1] not in _WORD) and (end == len(data) or data[end] not in _WORD):
            return True
        start = data.find(ident, start + 1)
    return False


def documents_of(side: Side, parser: Parser, files: Mapping[str, str | None], max_bytes: int) -> dict[str, Document]:
    """Parsed documents of ``files`` on their own (old versions of changed files, say), by path."""
    parsed = parser.parse_all(side.read(files), files, max_bytes)
    return {path: doc for path, (doc, _) in parsed.items() if doc is not None}
