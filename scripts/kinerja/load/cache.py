"""A parse cache keyed by Git blob ids, and parallel parsing of the files that miss it.

The key is the Git blob id of a file's bytes (``sha1("blob <size>\\0" + bytes)``): content-addressed,
so an entry is valid on any branch and in any clone, and a changed file simply misses. Entries hold the
parsed data and the reading problems. The cache lives inside the Git directory (``.git/kinerja/``),
never in the working tree: its shards are pickles, and a pull request must not be able to plant one
(``git add -f`` can add any working-tree file, but nothing inside ``.git``). Without a Git directory
there is no cache. It is an accelerator only: any failure to read or write it is ignored and the files
are parsed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable

VERSION = "v5"  # bump whenever what is cached changes shape
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

    def __init__(self, folder: Path | None, name: str = "parse") -> None:
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
               workers: int | None = None) -> Iterable[Any]:
    """``parse(file, raw, max_bytes)`` over ``items``, on every core when there are enough of them."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        return [parse(file, raw, max_bytes) for file, raw in items]
    size = max(50, len(items) // (workers * 8))
    chunks = [(parse, items[i:i + size], max_bytes) for i in range(0, len(items), size)]
    try:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return [result for chunk in pool.map(_parse_chunk, chunks) for result in chunk]
    except (OSError, ValueError, RuntimeError):  # no fork here: parse in this process
        return [parse(file, raw, max_bytes) for file, raw in items]
