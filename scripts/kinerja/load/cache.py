"""A parse cache keyed by Git blob ids, and parallel parsing of the files that miss it.

The key is the Git blob id of a file's bytes (``sha1("blob <size>\\0" + bytes)``): content-addressed,
so an entry is valid on any branch and in any clone, and a changed file simply misses. Entries hold the
parsed data and the reading problems. The cache lives inside the Git directory (``.git/kinerja/``),
never in the working tree: its shards are pickles, and a pull request must not be able to plant one
(``git add -f`` can add any working-tree file, but nothing inside ``.git``). Without a Git directory
there is no cache. It is an accelerator only: any failure to read or write it is ignored and the files
are parsed again.

Two shapes: :class:`FolderCache` for loads of the tree (one shard per unit folder, read one at a time
in path order, so a province's cached results never sit in memory at once) and :class:`ParseCache` for
reviews (a few hundred files from Git blobs, in shards by blob id).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

VERSION = "v8"  # bump whenever what is cached changes shape
PARALLEL_THRESHOLD = 400  # below this many misses, one process is faster than starting workers


def cache_folder(root: Path) -> Path | None:
    """``<git dir>/kinerja`` of the repository at ``root`` (worktrees included), or None."""
    dot_git = root / ".git"
    try:
        if dot_git.is_dir():
            return dot_git / "kinerja"
        if dot_git.is_file():
            line = dot_git.read_text(encoding="utf-8").strip()
            if line.startswith("gitdir:"):
                git_dir = Path(line[len("gitdir:"):].strip())
                return (git_dir if git_dir.is_absolute() else (root / git_dir)).resolve() / "kinerja"
    except OSError:
        return None
    return None


def blob_id(raw: bytes) -> str:
    """The id Git gives these bytes as a blob."""
    return blob_digest(raw).hex()


def blob_digest(raw: bytes) -> bytes:
    """The id Git gives these bytes as a blob, as 20 bytes (a compact cache key: a province has 700,000)."""
    digest = hashlib.sha1(b"blob %d\0" % len(raw))
    digest.update(raw)
    return digest.digest()


def _prefix(key: str | bytes) -> str:
    return key[:1].hex() if isinstance(key, bytes) else key[:2]


class ParseCache:
    """blob id → (kind-independent) parse result, persisted in shards."""

    def __init__(self, folder: Path | None, name: str) -> None:
        # One folder per user: shards are pruned to what their user asked for, so a review (a few hundred
        # files) must not share shards with a full load (hundreds of thousands).
        self.folder = folder / name / VERSION if folder is not None else None
        self.shards: dict[str, dict[Any, Any]] = {}
        # Hashes of the keys this run used, per shard (the keys themselves would double a province's
        # hundreds of thousands of long strings); a collision only keeps a stale entry one run longer.
        self.used: dict[str, set[int]] = {}
        self.dirty: set[str] = set()

    def _shard(self, prefix: str) -> dict[Any, Any]:
        shard = self.shards.get(prefix)
        if shard is None:
            shard = {}
            if self.folder is not None:
                try:
                    with open(self.folder / f"{prefix}.pickle", "rb") as handle:
                        shard = pickle.load(handle)
                except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, ImportError):
                    shard = {}
            self.shards[prefix] = shard
        return shard

    def get(self, blob: str | bytes) -> Any | None:
        prefix = _prefix(blob)
        value = self._shard(prefix).get(blob)
        if value is not None:
            self.used.setdefault(prefix, set()).add(hash(blob))
        return value

    def put(self, blob: str | bytes, value: Any) -> None:
        prefix = _prefix(blob)
        self._shard(prefix)[blob] = value
        self.used.setdefault(prefix, set()).add(hash(blob))
        self.dirty.add(prefix)

    def save(self) -> None:
        """Write the shards that changed, keeping only the entries this run used (atomic renames)."""
        if self.folder is None or not self.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for prefix in sorted(self.dirty):
                used = self.used.get(prefix, set())
                shard = {k: v for k, v in self.shards[prefix].items() if hash(k) in used}
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{prefix}-")
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(shard, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.folder / f"{prefix}.pickle")
        except OSError:
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
    holds two pickles: a small index (blob digest → position) and the results. While the files are read,
    :meth:`find` needs only the index of the shard at hand; while the results are placed in path order,
    :meth:`take` loads one shard's results at a time, and the shard is rewritten (only when something
    changed) as soon as the load moves past it. So at most one unit folder's cached results are in memory
    at once besides what was built from them (a digest-sharded cache holds every shard at once, and the
    wrappers it unpickles cost as much again as the province itself).

    Values must carry the path they were made for (``value.file``) or be checked by the caller: the key
    is the content, the shard is the place.
    """

    def __init__(self, folder: Path | None, prune: bool = True) -> None:
        self.folder = folder
        self.prune = prune  # a load of every file: drop entries (and shards) no file used any more
        self.found: tuple[str | None, dict[bytes, int]] = (None, {})
        self.current: str | None = None
        self.digests: list[bytes] = []
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
        return self.folder / (hashlib.sha1(shard.encode()).hexdigest()[:20] + ".pickle")

    def _read(self, shard: str, results: bool) -> tuple[dict[bytes, int], list[Any]]:
        path = self._path(shard)
        if path is None:
            return {}, []
        try:
            with open(path, "rb") as handle:
                index = pickle.load(handle)
                payload = pickle.load(handle) if results else []
            if not isinstance(index, dict) or not isinstance(payload, list) or (results and len(payload) != len(index)):
                return {}, []
            return index, payload
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, ImportError, TypeError):
            return {}, []

    def find(self, file: str, digest: bytes) -> int | None:
        """Where the shard of ``file`` keeps the result for these bytes, or None (first pass, in path order)."""
        shard = self.shard_of(file)
        if self.found[0] != shard:
            self.found = (shard, self._read(shard, results=False)[0])
        return self.found[1].get(digest)

    def take(self, file: str, position: int) -> Any | None:
        """The cached result at ``position`` of the shard of ``file`` (second pass, in path order)."""
        self._enter(self.shard_of(file))
        if 0 <= position < len(self.payload):
            self.kept[self.digests[position]] = self.payload[position]
            return self.payload[position]
        return None

    def put(self, file: str, digest: bytes, value: Any) -> None:
        """Remember a freshly parsed result (second pass, in path order)."""
        self._enter(self.shard_of(file))
        self.kept[digest] = value
        self.changed = True

    def _enter(self, shard: str) -> None:
        if shard == self.current:
            return
        self._leave()
        self.found = (None, {})
        self.current = shard
        self.visited.add(shard)
        index, self.payload = self._read(shard, results=True)
        self.digests = [b""] * len(index)
        for digest, position in index.items():
            if 0 <= position < len(self.digests):
                self.digests[position] = digest

    def _leave(self) -> None:
        if self.current is None:
            return
        unused = len(self.kept) < len(self.payload)
        if self.changed or (self.prune and unused):
            if not self.prune:  # a partial load keeps what other files of the folder had
                for digest, value in zip(self.digests, self.payload):
                    self.kept.setdefault(digest, value)
            self._write(self.current, self.kept)
        self.current, self.payload, self.digests, self.kept, self.changed = None, [], [], {}, False

    def _write(self, shard: str, entries: dict[bytes, Any]) -> None:
        path = self._path(shard)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not entries:
                path.unlink(missing_ok=True)
                return
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({digest: i for i, digest in enumerate(entries)}, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(list(entries.values()), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
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
                for other in self.folder.parent.iterdir():  # caches of earlier versions
                    if other.is_dir() and other.name.startswith("v") and other.name.split("-")[0] != VERSION:
                        shutil.rmtree(other, ignore_errors=True)
            except OSError:
                pass
