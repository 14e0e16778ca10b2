"""A parse cache keyed by each file's path and bytes, and parallel parsing of the files that miss it.

**The key is everything a cached result depends on.** An entry is found by the SHA-1 of the file's path
(relative to the repository) and its bytes (:func:`entry_key`), inside a shard that holds a
*fingerprint* of everything else the per-file parse and check use: the cache format, the source of the
modules that make the results (:data:`RESULT_MODULES`), the versions of Python and of the parsing and
schema libraries, and what the caller adds (the size limit from ``settings.yaml``, the digest of the
schemas the check uses). A shard with another fingerprint is read as empty. So a byte-identical copy of
a file at another path (a ``.bak`` file, another unit's or period's folder), a rename or a swap of two
files never finds the other file's result: the path decides the kind, the folder ids, the problems'
locations and whether the file is data at all, and it is part of the key. A cached result is therefore
always the result a cold run would compute (``tests/test_hostile_cache.py`` checks this on random trees).

**Only ours, only whole.** The cache lives inside the Git directory (``.git/kinerja/``), never in the
working tree: its shards are pickles, and a pull request must not be able to plant one (``git add -f``
can add any working-tree file, but nothing inside ``.git``). Without a Git directory there is no cache;
when a folder on the way is a symlink, not a folder, or (on POSIX) not owned by the user running the
command, there is no cache either (:func:`cache_folder`). Shard files are opened without following
symlinks, must be regular files of the same owner, and carry a CRC-32 of each part: a truncated,
corrupted or foreign shard is ignored (read as empty) and rewritten. Any failure to read or write is
ignored and the files are parsed again: the cache is an accelerator only.

Two shapes: :class:`FolderCache` for loads of the tree (one shard per unit folder, read one at a time
in path order, so a province's cached results never sit in memory at once) and :class:`ParseCache` for
reviews (a few hundred files from Git blobs, in shards by key prefix).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import struct
import sys
import tempfile
import zlib
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Callable, Iterator, NamedTuple

VERSION = "v10"  # bump whenever what is cached changes shape (the fingerprint also covers the code)
PARALLEL_THRESHOLD = 400  # below this many misses, one process is faster than starting workers

RESULT_MODULES = ("load/__init__.py", "load/build.py", "load/cache.py", "load/layout.py", "load/yamlsafe.py",
                  "validate/schema.py", "model.py", "report.py", "errors.py", "bounds.py", "score/explain.py")
"""The modules (relative to the package) whose code makes a cached result: their source is in the
fingerprint, so a changed parser, builder or check never serves what an older one made."""
LIBRARIES = ("kinerja", "PyYAML", "jsonschema", "jsonschema-rs")

_MAGIC = b"kinerja-parse-cache\0"
_HEAD = struct.Struct("<20s20sQIQI")  # magic, fingerprint, index size and CRC-32, results size and CRC-32


def _git_dir(root: Path) -> Path | None:
    """The Git directory of the repository at ``root`` (worktrees included), or None."""
    dot_git = root / ".git"
    try:
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            line = dot_git.read_text(encoding="utf-8").strip()
            if line.startswith("gitdir:"):
                git_dir = Path(line[len("gitdir:"):].strip())
                return (git_dir if git_dir.is_absolute() else (root / git_dir)).resolve()
    except (OSError, ValueError):
        return None
    return None


def cache_folder(root: Path, *names: str) -> Path | None:
    """``<git dir>/kinerja/<names…>`` of the repository at ``root``, or None (no cache) when there is no
    Git directory or the folder is not safely ours (see :func:`own_folder`)."""
    git_dir = _git_dir(root)
    return own_folder(git_dir, "kinerja", *names) if git_dir is not None else None


def _owned(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def own_folder(base: Path, *names: str) -> Path | None:
    """``base/names…`` when every part of it below ``base`` that exists is a real folder (not a symlink)
    owned by this user, else None: a cache must neither follow a link out of the Git directory (and
    write or prune there) nor unpickle files someone else could have written."""
    folder = base
    try:
        if not folder.is_dir():
            return None
        for name in names:
            folder = folder / name
            try:
                info = folder.lstat()
            except FileNotFoundError:
                continue  # made when the first shard is written
            if not stat.S_ISDIR(info.st_mode) or not _owned(info):
                return None
    except (OSError, ValueError):
        return None
    return folder


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    """A digest of the cache format, the code that makes the cached results and the libraries it uses."""
    import importlib.metadata

    import yaml

    digest = hashlib.sha1(f"{VERSION}\0{sys.version}\0{getattr(yaml, '__with_libyaml__', False)}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for name in RESULT_MODULES:
        try:
            source = (package / name).read_bytes()
        except OSError:
            source = b"\0unreadable"
        digest.update(b"%d\0%s\0" % (len(name), name.encode()))
        digest.update(hashlib.sha1(source).digest())
    for library in LIBRARIES:
        try:
            version = importlib.metadata.version(library)
        except (importlib.metadata.PackageNotFoundError, ValueError):
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    return digest.digest()


def fingerprint(*parts: object) -> bytes:
    """What every entry of a cache depends on besides its file: :func:`code_digest` and the caller's
    ``parts`` (the size limit, the schemas' digest: reprs of plain values)."""
    digest = hashlib.sha1(code_digest())
    digest.update(repr(parts).encode("utf-8", "surrogatepass"))
    return digest.digest()


def entry_key(file: str, raw: bytes) -> bytes:
    """The key of one file's cached result: SHA-1 of its path (length-prefixed, so no path and bytes can
    be read as another's) and of its bytes under Git's blob header. 20 bytes: a province has 700,000."""
    path = file.encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(b"%d\0%s\0blob %d\0" % (len(path), path, len(raw)))
    digest.update(raw)
    return digest.digest()


def _open_own(path: Path) -> IO[bytes] | None:
    """``path`` opened for reading when it is a regular file of this user, never through a symlink."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and _owned(info):
            return os.fdopen(fd, "rb")
    except OSError:
        pass
    os.close(fd)
    return None


class Shard(NamedTuple):
    """A shard file as read: its index (key → position), its results (empty unless asked for), and its
    stamp (the sizes and checksums of its header), which tells one writing of the file from another."""

    index: dict[Any, int]
    results: list[Any]
    stamp: tuple[int, int, int, int]


def read_shard(path: Path | None, fingerprint: bytes, results: bool = True) -> Shard | None:
    """A shard file, or None when it is missing, not ours, written under another fingerprint or format,
    truncated, extended or damaged."""
    handle = _open_own(path) if path is not None else None
    if handle is None:
        return None
    try:
        with handle:
            head = handle.read(_HEAD.size)
            if len(head) != _HEAD.size:
                return None
            magic, written_for, index_size, index_crc, size, crc = _HEAD.unpack(head)
            if magic != _MAGIC or written_for != fingerprint:
                return None
            if os.fstat(handle.fileno()).st_size != _HEAD.size + index_size + size:
                return None
            index = _checked_part(handle.read(index_size), index_crc)
            payload = _checked_part(handle.read(size), crc) if results else []
    except Exception:  # unpickling damaged bytes can raise almost anything: all of it means "no cache"
        return None
    if not isinstance(index, dict) or not isinstance(payload, list) or (results and len(payload) != len(index)):
        return None
    if any(type(position) is not int or not 0 <= position < len(index) for position in index.values()):
        return None
    return Shard(index, payload, (index_size, index_crc, size, crc))


def _checked_part(raw: bytes, crc: int) -> Any:
    if zlib.crc32(raw) != crc:
        raise ValueError("damaged")
    return pickle.loads(raw)


def write_shard(path: Path, fingerprint: bytes, entries: dict[Any, Any]) -> None:
    """Write ``entries`` (key → result) as a shard file, atomically (a temporary file renamed over it)."""
    index = pickle.dumps({key: i for i, key in enumerate(entries)}, protocol=pickle.HIGHEST_PROTOCOL)
    payload = pickle.dumps(list(entries.values()), protocol=pickle.HIGHEST_PROTOCOL)
    head = _HEAD.pack(_MAGIC, fingerprint, len(index), zlib.crc32(index), len(payload), zlib.crc32(payload))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(head)
            handle.write(index)
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prefix(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:2]


class ParseCache:
    """A review's cache: key (blob id, size limit and path, joined by the caller) → parse result,
    persisted in 256 shards by a hash of the key."""

    def __init__(self, folder: Path | None, fingerprint: bytes) -> None:
        self.folder = folder  # its user's own: shards are pruned to what that user asked for
        self.fingerprint = fingerprint
        self.shards: dict[str, dict[str, Any]] = {}
        # Hashes of the keys this run used, per shard (the keys themselves would double a province's
        # hundreds of thousands of long strings); a collision only keeps a stale entry one run longer.
        self.used: dict[str, set[int]] = {}
        self.dirty: set[str] = set()

    def _path(self, prefix: str) -> Path | None:
        return self.folder / f"{prefix}.pickle" if self.folder is not None else None

    def _shard(self, prefix: str) -> dict[str, Any]:
        shard = self.shards.get(prefix)
        if shard is None:
            found = read_shard(self._path(prefix), self.fingerprint)
            shard = {} if found is None else {key: found.results[i] for key, i in found.index.items()}
            self.shards[prefix] = shard
        return shard

    def get(self, key: str) -> Any | None:
        prefix = _prefix(key)
        value = self._shard(prefix).get(key)
        if value is not None:
            self.used.setdefault(prefix, set()).add(hash(key))
        return value

    def put(self, key: str, value: Any) -> None:
        prefix = _prefix(key)
        self._shard(prefix)[key] = value
        self.used.setdefault(prefix, set()).add(hash(key))
        self.dirty.add(prefix)

    def save(self) -> None:
        """Write the shards that changed, keeping only the entries this run used (atomic renames)."""
        if self.folder is None or not self.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for prefix in sorted(self.dirty):
                used = self.used.get(prefix, set())
                write_shard(self.folder / f"{prefix}.pickle", self.fingerprint,
                            {k: v for k, v in self.shards[prefix].items() if hash(k) in used})
            _remove_other_versions(self.folder.parent)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            pass


def _parse_chunk(args: tuple[Callable[[str, bytes, int], Any], list[tuple[str, bytes]], int]) -> list[Any]:
    parse, chunk, max_bytes = args
    return [parse(file, raw, max_bytes) for file, raw in chunk]


def parse_many(parse: Callable[[str, bytes, int], Any], items: list[tuple[str, bytes]], max_bytes: int,
               workers: int | None = None) -> Iterator[Any]:
    """``parse(file, raw, max_bytes)`` over ``items``, in order, on every core when there are enough of
    them; results are handed over as they come, so the caller can use each one and let it go."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        yield from (parse(file, raw, max_bytes) for file, raw in items)
        return
    size = max(50, len(items) // (workers * 8))
    chunks = [(parse, items[i:i + size], max_bytes) for i in range(0, len(items), size)]
    try:
        import multiprocessing

        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        results = pool.map(_parse_chunk, chunks)
    except (OSError, ValueError, RuntimeError):  # no fork here: parse in this process
        yield from (parse(file, raw, max_bytes) for file, raw in items)
        return
    with pool:
        for chunk in results:
            yield from chunk


class FolderCache:
    """The full load's parse cache: one shard per unit folder, visited in path order.

    A load reads its files in path order, so the files of one unit folder come together. Each shard file
    holds a small index (:func:`entry_key` → position) and the results. While the files are read,
    :meth:`find` needs only the index of the shard at hand; while the results are placed in path order,
    :meth:`take` loads one shard's results at a time, and the shard is rewritten (only when something
    changed) as soon as the load moves past it. So at most one unit folder's cached results are in memory
    at once besides what was built from them (a digest-sharded cache holds every shard at once, and the
    wrappers it unpickles cost as much again as the province itself).

    The key holds the file's path and bytes, the shard's fingerprint everything else the result depends
    on: an entry is only ever found by the file it was made for, as it was then.
    """

    def __init__(self, folder: Path | None, fingerprint: bytes = b"", prune: bool = True) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.prune = prune  # a load of every file: drop entries (and shards) no file used any more
        self.found: tuple[str | None, dict[bytes, int]] = (None, {})
        self.stamps: dict[str, tuple[int, int, int, int]] = {}  # of each shard's index that find() used
        self.current: str | None = None
        self.keys: list[bytes] = []
        self.payload: list[Any] = []
        self.kept: dict[bytes, Any] = {}
        self.changed = False
        self.visited: set[str] = set()

    @staticmethod
    def shard_of(file: str) -> str:
        """``contracts/units/<unit>`` for a unit's files; a file on its own elsewhere (a handful)."""
        parts = file.split("/", 3)
        return "/".join(parts[:3]) if len(parts) > 3 else file

    def _path(self, shard: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha1(shard.encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".pickle")

    def find(self, file: str, key: bytes) -> int | None:
        """Where the shard of ``file`` keeps the result for this key, or None (first pass, in path order)."""
        shard = self.shard_of(file)
        if self.found[0] != shard:
            read = read_shard(self._path(shard), self.fingerprint, results=False)
            if read is not None:
                self.stamps[shard] = read.stamp
            self.found = (shard, read.index if read is not None else {})
        return self.found[1].get(key)

    def take(self, file: str, position: int) -> Any | None:
        """The cached result at ``position`` of the shard of ``file`` (second pass, in path order)."""
        self._enter(self.shard_of(file))
        if 0 <= position < len(self.payload):
            self.kept[self.keys[position]] = self.payload[position]
            return self.payload[position]
        return None

    def put(self, file: str, key: bytes, value: Any) -> None:
        """Remember a freshly parsed result (second pass, in path order)."""
        self._enter(self.shard_of(file))
        self.kept[key] = value
        self.changed = True

    def _enter(self, shard: str) -> None:
        if shard == self.current:
            return
        self._leave()
        self.found = (None, {})
        self.current = shard
        self.visited.add(shard)
        read = read_shard(self._path(shard), self.fingerprint, results=True)
        # Positions found in the first pass point into the file as it was then: if another run has
        # rewritten it since, its results are not used (the files are parsed again).
        if read is None or read.stamp != self.stamps.get(shard):
            self.payload, self.keys = [], []
            return
        self.payload = read.results
        self.keys = [b""] * len(read.index)
        for key, position in read.index.items():
            self.keys[position] = key

    def _leave(self) -> None:
        if self.current is None:
            return
        unused = len(self.kept) < len(self.payload)
        if self.changed or (self.prune and unused):
            if not self.prune:  # a partial load keeps what other files of the folder had
                for key, value in zip(self.keys, self.payload):
                    self.kept.setdefault(key, value)
            self._write(self.current, self.kept)
        self.current, self.payload, self.keys, self.kept, self.changed = None, [], [], {}, False

    def _write(self, shard: str, entries: dict[bytes, Any]) -> None:
        path = self._path(shard)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not entries:
                path.unlink(missing_ok=True)
                return
            write_shard(path, self.fingerprint, entries)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            pass

    def close(self) -> None:
        """Write the last shard; after a load of every file, remove the shards of folders that are gone."""
        self._leave()
        if self.prune and self.folder is not None and self.folder.is_dir():
            keep = {p.name for p in map(self._path, self.visited) if p is not None}
            try:
                for path in self.folder.glob("*.pickle"):
                    if path.name not in keep:
                        path.unlink(missing_ok=True)
                _remove_other_versions(self.folder.parent)
            except OSError:
                pass


def _remove_other_versions(folder: Path) -> None:
    """Remove the caches that earlier versions left in ``folder`` (``v7-…``, ``v7``; never through a link)."""
    for other in folder.iterdir():
        if other.name.startswith("v") and other.name.split("-")[0] != VERSION and not other.is_symlink() and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
