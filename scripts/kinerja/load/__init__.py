"""Step 1 of the pipeline: read every data file once, safely, and build the domain.

``load_tree(root)`` walks ``contracts/``, classifies each file by its path (:mod:`.layout`), parses it with
the one safe loader (:mod:`.yamlsafe`) and builds a :class:`kinerja.model.Province`. Problems found
while reading are returned in the result, never raised.
"""

from __future__ import annotations

import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .. import model as m
from ..report import Problem, problem
from . import build, layout, yamlsafe
from .cache import VERSION as CACHE_VERSION
from .cache import FolderCache, cache_folder, entry_key, fingerprint, parse_many
from .files import FolderCheck, NotRegular, TooLarge, kind_of, read_regular


@dataclass(slots=True)
class Document:
    """One parsed data file: its kind, path (relative to the repository, POSIX), folder ids and data.

    When the load was given a checker, per-employee records (SKP, realisation, assessment, appeal) are
    checked and built into the domain as they are read and keep only their header fields as ``data``
    (``slim``): a province's hundreds of thousands of files then never sit in memory twice.
    """

    kind: str
    file: str
    keys: dict[str, str]
    data: Any
    checked: bool = False
    slim: bool = False
    memo: Any = None  # derived once on demand (the records of an attendance export)


RECORD_KINDS = ("contract", "realisation", "assessment", "appeal")
HEADER_FIELDS = ("unit", "period", "employee", "reporting_period")

Checker = Callable[[str, Any, str], list[Problem]]
"""``check(kind, data, file)`` → schema problems (the validate step's schema check, injected)."""


@dataclass(frozen=True, slots=True)
class Record:
    """A record file already checked and built: what the parse cache keeps instead of its data.

    Slotted, with its folder ids as a tuple and None for an empty header: a province has 700,000 of
    these, and each one unpickled from the cache used to cost as much again as the record it carries."""

    kind: str
    names: tuple[str, ...]  # the folder ids' names (one shared tuple per kind) ...
    values: tuple[str, ...]  # ... and values
    header: dict[str, Any] | None  # the header fields that disagree with the folders (or name the unit)
    schema_problems: tuple[Problem, ...]
    built: tuple[tuple[str, tuple[str, str], Any], ...]  # (province field, key, record)
    unreadable: bool = False
    file: str = ""  # the same string object as the records' sources: one copy per file in memory


class RecordDocument:
    """A checked record's entry in :attr:`Loaded.documents`: what the cross-file rules read of it (kind,
    file, folder ids and the header fields that disagree with the folders, as ``data``), in a third of a
    :class:`Document`'s memory. Its record itself is in the province."""

    __slots__ = ("kind", "file", "names", "values", "data")
    checked = True
    slim = True
    memo = None

    def __init__(self, kind: str, file: str, names: tuple[str, ...], values: tuple[str, ...], data: dict[str, Any]) -> None:
        self.kind, self.file, self.names, self.values, self.data = kind, file, names, values, data

    @property
    def keys(self) -> dict[str, str]:
        return dict(zip(self.names, self.values))


AnyDocument = Document | RecordDocument  # what ``Loaded.documents`` holds

_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _split_keys(keys: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = tuple(keys)
    return _NAMES.setdefault(names, names), tuple(keys.values())


_SKIP, _MISS, _AGAIN = -1, -2, -3  # a file's place in the first pass: not read, not in the cache, parse again
_RECORD_FIELDS = ("contracts", "realisations", "assessments", "appeals")
_NO_HEADER: dict[str, Any] = {}  # shared by every record whose header agrees with its folders (read-only)


def _record(doc: Document, check: Checker) -> Record:
    """Check a record document and build it (no other file is needed to build a record)."""
    if not isinstance(doc.data, dict):
        return Record(doc.kind, *_split_keys(doc.keys), None, tuple(check(doc.kind, doc.data, doc.file)), (), True,
                      doc.file)
    province = m.Province()
    build.BUILDERS[doc.kind](province, doc.data, doc.file, **doc.keys)
    built = tuple((name, key, value) for name in _RECORD_FIELDS for key, value in getattr(province, name).items())
    # The rules read a record's header only where it disagrees with its folders (K221, K212) and whether
    # it names its unit (K201's location): keep just that.
    header = {k: doc.data[k] for k in HEADER_FIELDS
              if k in doc.data and (k == "unit" or doc.keys.get(k) != doc.data[k])}
    return Record(doc.kind, *_split_keys(doc.keys), header or None, tuple(check(doc.kind, doc.data, doc.file)), built,
                  False, doc.file)


def _place(province: m.Province, record: Record) -> None:
    if record.unreadable:
        province.unreadable.add((record.kind, *record.values))
    for name, key, value in record.built:
        if name == "realisations":
            province.realisations.setdefault(key, []).extend(value)
        else:
            getattr(province, name).setdefault(key, value)


@dataclass
class Loaded:
    """The output of the load step."""

    root: Path
    province: m.Province
    documents: list[AnyDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    overlay: Mapping[str, bytes] = field(default_factory=dict)
    files_read: int = 0
    schema_problems: list[Problem] = field(default_factory=list)
    files_parsed: int = 0  # the files the parse cache did not have (parsed and checked in this run)

    def read_text(self, file: str) -> str | None:
        """The text of a file (from the overlay if it was given in memory), for locating problems."""
        raw = self.overlay.get(file)
        if raw is None:
            raw, _ = read_file(self.root, file, self.province.settings.max_file_bytes, {})
            if raw is None:
                return None
        return raw.decode("utf-8", errors="replace")


def find_root(start: Path) -> Path | None:
    """The repository folder: ``start`` or the nearest parent that holds ``contracts/``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / layout.DATA_DIR).is_dir():
            return folder
    if start.name == layout.DATA_DIR and start.is_dir():
        return start.parent
    return None


def discover(root: Path, refused: list[Problem] | None = None) -> list[str]:
    """Every regular file under ``contracts/`` as a path relative to ``root`` (sorted; hidden files and
    Markdown notes such as ``contracts/README.md`` are skipped).

    Symbolic links (to files or folders, inside or outside the repository), FIFOs, sockets and devices
    are not listed: each becomes a K013 or K014 problem in ``refused``, and a linked folder is not
    entered. A data root that is itself a link gives one K013 and no files."""
    out: list[Problem] = [] if refused is None else refused
    data = root / layout.DATA_DIR
    if data.is_symlink():
        out.append(problem("K013", layout.DATA_DIR))
        return []
    found: list[str] = []
    stack = [layout.DATA_DIR]
    while stack:
        rel = stack.pop()
        try:
            entries = sorted(os.scandir(root / rel), key=lambda e: e.name)
        except OSError as exc:
            out.append(problem("K010", rel, reason=exc.strerror or str(exc)))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = f"{rel}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif entry.name.lower().endswith(".md") and not entry.is_symlink():
                continue  # notes for officers
            elif entry.is_file(follow_symlinks=False):
                found.append(path)
            else:
                out.append(_refusal(path, _entry_kind(entry)))
        stack.extend(reversed(folders))
    return sorted(found)


def _entry_kind(entry: os.DirEntry[str]) -> str:
    try:
        return kind_of(entry.stat(follow_symlinks=False).st_mode)
    except OSError:
        return "special"


_SPECIAL = {"fifo": ("FIFO (pipa bernama)", "FIFO (named pipe)"), "socket": ("soket", "socket"),
            "device": ("berkas perangkat", "device file"), "folder": ("folder", "folder"),
            "special": ("berkas khusus", "special file")}


def _refusal(file: str, what: str) -> Problem:
    """The problem for a data path that is not a regular file (K013 for a link, else K014)."""
    if what == "symlink":
        return problem("K013", file)
    return problem("K014", file, what=yamlsafe.Words(*_SPECIAL.get(what, _SPECIAL["special"])))


def _inner(file: str) -> str:
    return file[len(layout.DATA_DIR) + 1:]


def read_file(root: Path, file: str, max_bytes: int, overlay: Mapping[str, bytes],
              folders: FolderCheck | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one data file (from ``overlay`` when it is there), or the problem that refused it.

    Only regular files are read, never through a link, and never more than ``max_bytes`` (see
    :mod:`.files`); ``folders`` remembers the folders already seen not to be links."""
    if file in overlay:
        raw = overlay[file]
        if len(raw) > max_bytes:
            return None, [problem("K002", file, size=len(raw), limit=max_bytes)]
        return raw, []
    linked = (folders or FolderCheck(root)).link_on_the_way(file)
    if linked is not None:
        return None, [_refusal(file, "symlink")]
    try:
        return read_regular(root / file, max_bytes), []
    except NotRegular as exc:
        return None, [_refusal(file, exc.what)]
    except TooLarge as exc:  # rejected before (or while) reading, let alone parsing
        return None, [problem("K002", file, size=exc.size, limit=max_bytes)]
    except OSError as exc:
        return None, [problem("K010", file, reason=exc.strerror or str(exc))]


def parse_document(file: str, raw: bytes, max_bytes: int) -> tuple[Document | None, list[Problem]]:
    """Classify and parse one file's bytes (used by the loader and the intake service alike)."""
    place = layout.classify(_inner(file)) if file.startswith(layout.DATA_DIR + "/") else None
    if place is None:
        return None, [problem("K011", file)]
    if place.kind == "attendance" and file.endswith(".csv"):
        text, problems = yamlsafe.decode(raw, file)
        return (Document(place.kind, file, place.keys, text) if text is not None else None), problems
    data, problems = yamlsafe.load_bytes(raw, file, max_bytes)
    if data is None:
        return None, problems
    return Document(place.kind, file, place.keys, data), problems


class _Parse:
    """What the cache stores for one file: its document or its checked record, and reading problems.

    Called with ``raw=None`` it reads the file itself (a cold load then never holds a province's bytes
    in one process) and also returns the cache key of what it read (:func:`.cache.entry_key`); else None."""

    def __init__(self, check: Checker | None, root: Path) -> None:
        self.check = check
        self.root = root
        self.folders: FolderCheck | None = None  # made where it is used (one per process)

    def __getstate__(self) -> dict[str, Any]:
        return {"check": self.check, "root": self.root, "folders": None}

    def __call__(self, file: str, raw: bytes | None, max_bytes: int) -> tuple[tuple[Any, list[Problem]], bytes | None]:
        digest = None
        if raw is None:
            if self.folders is None:
                self.folders = FolderCheck(self.root)
            raw, problems = read_file(self.root, file, max_bytes, {}, self.folders)
            if raw is None:
                return (None, problems), None
            digest = entry_key(file, raw)
        doc, problems = parse_document(file, raw, max_bytes)
        if doc is not None and self.check is not None and doc.kind in RECORD_KINDS:
            return (_record(doc, self.check), tuple(problems)), digest
        return (doc, tuple(problems)), digest


def load_tree(root: Path, files: Iterable[str] | None = None, overlay: Mapping[str, bytes] | None = None,
              cache: bool = True, workers: int | None = None, check: Checker | None = None) -> Loaded:
    """Read and build everything under ``root/contracts`` (plus in-memory ``overlay`` files).

    Each file is read once; its Git blob id keys a parse cache (inside ``.git``), so unchanged files
    are not parsed again; the files that miss are parsed on every core. With ``check`` (the validate
    step's schema check), every document is checked as it is read, and per-employee records are built
    at once and kept without their data (see :class:`Document`).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()  # millions of acyclic objects: collecting while building them only costs time
    try:
        loaded = _load_tree(root, files, overlay, cache, workers, check)
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()  # what was loaded lives as long as the run: keep later collections away from it
    return loaded


def release_memory() -> None:
    """Give back what earlier loads kept once nothing uses it any more: undo :func:`load_tree`'s freeze,
    collect, and return freed heap pages to the system where the C library can (glibc's malloc_trim)."""
    import ctypes
    import gc

    gc.unfreeze()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused by this process instead
        pass


def _load_tree(root: Path, files: Iterable[str] | None, overlay: Mapping[str, bytes] | None, cache: bool,
               workers: int | None, check: Checker | None) -> Loaded:
    overlay = dict(overlay or {})
    loaded = Loaded(root=root, province=m.Province(), overlay=overlay)
    found = discover(root, loaded.problems) if files is None else files
    names = sorted(set(found) | set(overlay))
    for refused in loaded.problems:  # links and special files: their place counts as unreadable
        _mark_unreadable(loaded.province, refused.file)
    if files is None:
        loaded.problems.extend(missing_required(names, loaded.problems))
    folders = FolderCheck(root)

    settings_file = next((f for f in names if f in (f"{layout.DATA_DIR}/settings.yaml", f"{layout.DATA_DIR}/settings.yml")), None)
    max_bytes = yamlsafe.DEFAULT_MAX_BYTES
    documents: list[AnyDocument] = []
    if settings_file is not None:
        raw, problems = read_file(root, settings_file, max_bytes, overlay, folders)
        loaded.problems.extend(problems)
        if raw is not None:
            doc, problems = parse_document(settings_file, raw, max_bytes)
            loaded.problems.extend(problems)
            if doc is not None:
                documents.append(doc)
                loaded.province.settings = build.settings(doc.data)
                max_bytes = loaded.province.settings.max_file_bytes
        loaded.files_read += 1
    else:
        loaded.province.settings = build.settings({})
    store = _parse_cache(root, cache, check, max_bytes, prune=files is None)

    # First pass, in path order: read each file and ask its folder's cache shard whether these bytes
    # were parsed before (positions in an array, not objects: a province has 700,000 files).
    hits = array("q", [_SKIP]) * len(names)
    misses: list[tuple[str, bytes | None]] = []
    digests: list[bytes] = []
    for index, file in enumerate(names):
        if file == settings_file:
            continue
        raw, problems = read_file(root, file, max_bytes, overlay, folders)
        loaded.files_read += 1
        if raw is None:
            loaded.problems.extend(problems)
            _mark_unreadable(loaded.province, file)
            continue
        digest = entry_key(file, raw)  # the path is part of the key: a copy elsewhere never stands in
        position = store.find(file, digest)
        if position is not None:
            hits[index] = position
        else:  # the bytes are read again where they are parsed, unless they only exist here
            hits[index] = _MISS
            misses.append((file, raw if file in overlay else None))
            digests.append(digest)
    loaded.files_parsed = len(misses)
    # Second pass, in path order: each result is placed as it comes (from the cache one folder at a
    # time, or from the processes parsing the misses) and then let go.
    parsed = zip(digests, parse_many(_Parse(check, root), misses, max_bytes, workers))
    parse_here = _Parse(check, root)
    for index, file in enumerate(names):
        position = hits[index]
        if position == _SKIP:
            continue
        found = store.take(file, position) if position != _MISS else None
        if found is not None and not _fits(found, file):  # never, unless the shard was damaged
            found, position = None, _AGAIN
        if found is None:
            if position == _MISS:
                digest, (found, read_digest) = next(parsed)
            else:  # a cache entry that does not fit (or could not be read): parse it here
                loaded.files_parsed += 1
                found, read_digest = parse_here(file, overlay.get(file), max_bytes)
                digest = None
            digest = read_digest or digest  # the key of what was parsed (the file may have changed in between)
            if digest is not None and (found[0] is not None or not found[1] or found[1][0].code != "K010"):
                store.put(file, digest, found)
        item, problems = found
        if problems:
            loaded.problems.extend(_at(problems, file))
        if isinstance(item, Record):
            _place(loaded.province, item)
            loaded.schema_problems.extend(item.schema_problems)
            documents.append(RecordDocument(item.kind, item.file if item.file == file else file, item.names,
                                            item.values, item.header or _NO_HEADER))
            continue
        doc = item
        if doc is not None and doc.file != file:  # the same bytes at another path
            doc = Document(doc.kind, file, dict(doc.keys), doc.data)
        if doc is not None:
            if check is not None and doc.kind not in ("attendance", "settings"):
                loaded.schema_problems.extend(check(doc.kind, doc.data, doc.file))
                doc.checked = True
            documents.append(doc)
        elif problems and problems[0].code != "K011":
            _mark_unreadable(loaded.province, file)
    store.close()
    loaded.documents = documents
    build_province(loaded.province, [d for d in documents if not d.slim])
    return loaded


#: The files every instance has (K017 when one is missing): each as its ``.yaml`` name.
REQUIRED = tuple(f"{layout.DATA_DIR}/{name}.yaml" for name in ("settings", "organisation", "periods"))


def missing_required(names: Iterable[str], refused: Iterable[Problem] = ()) -> list[Problem]:
    """K017 for each required file that is neither ``.yaml`` nor ``.yml`` among ``names`` (nor already
    refused as a link or special file: that problem says enough). Used by the loader and by
    ``kinerja review``, which lists the files of a commit itself."""
    present = set(names) | {p.file for p in refused}
    if layout.DATA_DIR in present:  # the data root itself was refused
        return []
    return [problem("K017", file, name=file) for file in REQUIRED
            if file not in present and file.removesuffix(".yaml") + ".yml" not in present]


def _parse_cache(root: Path, cache: bool, check: Checker | None, max_bytes: int, prune: bool) -> FolderCache:
    """The load's parse cache: its fingerprint holds what a file's result depends on besides its path and
    bytes (the size limit and, for a checked load, the schemas: ``check.fingerprint()``). A check that
    cannot say what it depends on gets no cache."""
    if not cache or (check is not None and not hasattr(check, "fingerprint")):
        return FolderCache(None)
    folder = cache_folder(root, "parse", f"{CACHE_VERSION}-{'raw' if check is None else 'checked'}")
    if folder is None:
        return FolderCache(None)
    return FolderCache(folder, fingerprint(max_bytes, None if check is None else check.fingerprint()), prune=prune)


def _fits(found: Any, file: str) -> bool:
    """Whether a cached result has the shape a parse gives and was made for this path (its key says so
    already: this only keeps a damaged entry from being used)."""
    if type(found) is not tuple or len(found) != 2 or type(found[1]) is not tuple:
        return False
    item = found[0]
    if isinstance(item, Record):
        return item.file == file
    return (item is None or isinstance(item, Document)) and _same_place(item, file)


def _same_place(doc: Any, file: str) -> bool:
    """A cached document may be reused only where the path gives the same kind and folder ids."""
    place = layout.classify(_inner(file)) if file.startswith(layout.DATA_DIR + "/") else None
    if isinstance(doc, Record):
        return place is not None and place.kind == doc.kind and place.keys == doc.keys
    if doc is None:
        return place is not None
    return place is not None and place.kind == doc.kind and place.keys == doc.keys


def _at(problems: list[Problem], file: str) -> list[Problem]:
    from dataclasses import replace

    return [p if p.file == file else replace(p, file=file) for p in problems]


def attendance_records(doc: Document) -> tuple[list[Any], list[Any]]:
    """The records and problems of an attendance export, parsed once per document (CSV or YAML)."""
    cached = doc.memo
    if cached is None:
        from ..score.allowance import attendance_from_csv, attendance_from_mapping

        cached = attendance_from_csv(doc.data) if isinstance(doc.data, str) else attendance_from_mapping(doc.data)
        doc.memo = cached
    return cached


def _mark_unreadable(province: m.Province, file: str) -> None:
    place = layout.classify(_inner(file)) if file.startswith(layout.DATA_DIR + "/") else None
    if place is not None:
        province.unreadable.add((place.kind, *place.keys.values()))


def build_province(province: m.Province, documents: Iterable[Document]) -> None:
    """Fill ``province`` from parsed documents (lenient: broken records are skipped)."""
    order = {kind: i for i, kind in enumerate(layout.KINDS + ("attendance",))}
    for doc in sorted(documents, key=lambda d: (order.get(d.kind, 99), d.file)):
        builder = build.BUILDERS.get(doc.kind)
        if builder is not None and not isinstance(doc.data, dict):
            province.unreadable.add((doc.kind, *doc.keys.values()))
        elif builder is not None:
            builder(province, doc.data, doc.file, **doc.keys)
        elif doc.kind == "allowance-rule":
            province.allowance_rules[doc.keys["rule"]] = doc
        elif doc.kind == "attendance":
            province.attendance.setdefault(doc.keys["month"], []).append(doc)
