"""Step 4 of the pipeline: write the whole site as a Markdown tree with its assets.

:func:`generate_site` takes the loaded and scored data and writes, into one folder, every page (in each
language), the open data (CSV, JSON), the charts (SVG), copies of the JSON Schemas and copies of the
hand-written pages of ``docs/``. The folder is filled beside its final place and then swapped in, so a
failure never leaves half a site. Any engine that reads a folder of Markdown can build it; the MkDocs
plugin (:mod:`kinerja.mkdocs_plugin`) only calls this and points MkDocs at the result.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .. import outdir
from ..beside import Beside
from ..load import Loaded
from ..load.cache import cache_folder
from ..score import engine
from ..score.engine import ScoreRun
from ..validate.schema import schema_dir
from . import context as c
from . import history as git_history
from . import manifest, opendata, pages, pages_info, pages_people
from .context import Cx, SiteData
from .i18n import LANGUAGES
from ..load.files import MAX_LIMIT, NotRegular, TooLarge, read_within
from ..load.yamlsafe import Words
from ..report import Problem, problem
from .privacy import MODES, Privacy

log = logging.getLogger(__name__)


class SiteError(Exception):
    """Raised by :func:`generate_site` for an unknown privacy mode or language."""


PARALLEL_FROM = 20_000  # files read; below this a second process costs more than it saves

@dataclass
class SiteResult:
    """What :func:`generate_site` wrote."""

    out_dir: Path
    files: list[str]
    navigation: dict[str, list[dict[str, str]]]
    pages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    history_available: bool = False


def navigation(cx: Cx) -> list[dict[str, str]]:
    """The compact navigation of one language: a handful of index pages, never every unit."""
    items = [("nav.home", c.HOME), ("nav.units", c.UNITS), ("nav.periods", c.PERIODS),
             ("nav.methodology", c.METHODOLOGY), ("nav.open_data", c.OPEN_DATA), ("nav.history", c.HISTORY),
             ("nav.take_part", c.TAKE_PART), ("nav.errors", c.ERRORS)]
    if cx.site.privacy.people:
        items += [("nav.monitoring", c.MONITORING), ("emp.list", c.PEOPLE),
                  ("nav.form_realisation", f"{FORMS}/realisasi.md"), ("nav.form_contract", f"{FORMS}/usulan.md")]
    return [{cx.W(key): cx.path(path)} for key, path in items]


def _handwritten(docs_dir: Path | None, out_dir: Path, roots: tuple[Path, ...],
                 refused: list[Problem]) -> dict[str, bytes]:
    """The hand-written files of ``docs_dir`` by relative path; a file that is not a regular file
    inside ``roots`` (a link leaving the repository, a FIFO, a device) is added to ``refused``."""
    found: dict[str, bytes] = {}
    if docs_dir is None or not docs_dir.is_dir():
        return found
    docs_dir = docs_dir.resolve()
    for folder, dirs, files in os.walk(docs_dir):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != out_dir)
        for name in sorted(files):
            if name.startswith("."):
                continue
            data = _published_bytes(here / name, roots, refused)
            if data is not None:
                found[(here / name).relative_to(docs_dir).as_posix()] = data
    return found


_REFUSED = {"outside": Words("tautan simbolik ke luar repositori", "a symbolic link leaving the repository"),
            "symlink": Words("lingkaran tautan simbolik", "a loop of symbolic links"),
            "fifo": Words("FIFO, pipa bernama", "a FIFO, a named pipe"), "socket": Words("soket", "a socket"),
            "device": Words("berkas perangkat", "a device file"), "folder": Words("folder", "a folder"),
            "special": Words("berkas khusus", "a special file")}


def _published_bytes(path: Path, roots: tuple[Path, ...], refused: list[Problem]) -> bytes | None:
    """The bytes of a hand-written page or schema to copy into the site, or None (the problem, located
    at the file and never quoting what a link points to, is added to ``refused``)."""
    where = _shown(path, roots)
    try:
        return read_within(path, roots, MAX_LIMIT)
    except NotRegular as exc:
        refused.append(problem("K018", where, what=_REFUSED.get(exc.what, _REFUSED["special"])))
    except TooLarge as exc:
        refused.append(problem("K002", where, size=exc.size, limit=MAX_LIMIT))
    except OSError as exc:
        refused.append(problem("K010", where, reason=exc.strerror or str(exc)))
    return None


def _shown(path: Path, roots: tuple[Path, ...]) -> str:
    """``path`` as the user knows it: relative to the repository when it is in it (links not resolved)."""
    absolute = Path(os.path.abspath(path))
    for root in roots:
        try:
            return absolute.relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            continue
    return str(path)


def _refuse(refused: list[Problem], lang: str) -> None:
    """Raise :class:`SiteError` listing every refused file (nothing has been written yet)."""
    if refused:
        raise SiteError("\n".join(f"{p.location()}: {p.code} {p.message(lang)}\n  {p.hint(lang)}" for p in refused))


def _intro(text: bytes | None) -> str | None:
    """A hand-written home page becomes the top of the generated home page."""
    if text is None:
        return None
    return text.decode("utf-8", errors="replace")


def generate_site(loaded: Loaded, run: ScoreRun | None, out_dir: Path | str, mode: str = "public", lang: str = "id", *,
                  languages: Sequence[str] | None = None, docs_dir: Path | str | None = None,
                  directory_urls: bool = True, history: bool = True, min_group_size: int | None = None,
                  cache_dir: Path | str | None = None, forms: dict[str, Any] | None = None,
                  parallel_from: int = PARALLEL_FROM) -> SiteResult:
    """Write the site for ``loaded`` (validated) and ``run`` (its scores) into ``out_dir``.

    With ``run=None`` the site scores the data itself. A public site is then made one OPD at a time: an
    OPD is scored in all its periods, its unit pages (each language) and open data are written, and its
    results are dropped, keeping only the unit figures the province pages need; so a province's results
    never sit in memory at once. From ``parallel_from`` files read, OPDs are made on every core (forked
    processes). Staff and full sites list everyone on their people pages, so they score everything first.

    ``mode`` is the privacy mode (``public``, ``staff``, ``full``); ``lang`` the primary language (its
    pages at the root); ``languages`` every language to write (default: both, the other one under
    ``en/`` or ``id/``); ``docs_dir`` the hand-written pages copied in (a hand-written page wins over a
    generated one of the same path, except the home page, which is put on top of the generated one);
    ``directory_urls`` must match MkDocs' ``use_directory_urls`` (links inside raw HTML are written
    final). ``min_group_size`` (default: ``min_group_size`` of ``settings.yaml``, else 5) is the smallest
    group whose distribution or allowance total a public site shows (:mod:`.suppress`). ``forms``
    configures the intake forms (:mod:`kinerja.intake.forms`), written into staff and full builds only:
    their data lists employees, which a public site never shows. Returns what was written; raises
    :class:`kinerja.outdir.OutputRefused` (nothing touched) when ``out_dir`` may not be replaced: only a
    missing or empty folder, or one made by ``kinerja site``, is.
    From ``parallel_from`` files read, the second language is made in a forked process.
    """
    started = time.perf_counter()
    if mode not in MODES:
        raise SiteError(f"unknown privacy mode {mode!r} (public, staff, full)")
    if lang not in LANGUAGES:
        raise SiteError(f"unknown language {lang!r} (id, en)")
    chosen = tuple(dict.fromkeys([lang, *(languages or LANGUAGES)]))
    if any(x not in LANGUAGES for x in chosen):
        raise SiteError(f"unknown language in {list(chosen)} (id, en)")
    docs = Path(docs_dir).resolve() if docs_dir else None
    out_dir = outdir.check_folder(out_dir, outdir.SITE, (loaded.root, *([docs] if docs else [])))
    province = loaded.province
    privacy = Privacy.for_mode(mode, province)
    by_agency = run is None and not privacy.people
    if run is None and not by_agency:
        run = engine.score(province, derivations=mode != "public")
    site = SiteData(loaded=loaded, run=run or ScoreRun(), privacy=privacy,
                    history=git_history.read(loaded.root, province) if history else git_history.History(False, reason="off"),
                    languages=chosen, primary=lang, directory_urls=directory_urls, min_group=min_group_size or province.settings.min_group_size,
                    chart_cache=Path(cache_dir) if cache_dir else cache_folder(loaded.root, "charts"),
                    handwritten=docs)
    refused: list[Problem] = []
    handwritten = _handwritten(docs, out_dir, (loaded.root, *([docs] if docs else [])), refused)
    schema_bytes = _schema_files(loaded.root, refused)
    _refuse(refused, lang)
    site.prepare()
    files = StagedTree(out_dir, (loaded.root, *([docs] if docs else [])))
    try:
        files.update(handwritten)
        written_pages: list[str] = []
        nav: dict[str, list[dict[str, str]]] = {}
        schemas = opendata.load_schemas(loaded.root)
        args = (site, handwritten, schemas, loaded, forms or {}, mode)
        if by_agency:
            written_pages.extend(_agencies(args, files, parallel_from))
        # A big province: the second language's pages are made in a forked process on the other core.
        beside = Beside(_make_languages, args, files, chosen[1:]) \
            if loaded.files_read >= parallel_from and len(chosen) > 1 and not by_agency else None
        for language in (chosen if beside is None else chosen[:1]):
            nav[language], written = _one_language(args, language, files, units=not by_agency)
            written_pages.extend(written)
        if not by_agency:
            _unit_open_data(site, files, [(u, p) for p in site.run.periods for u in sorted(province.units)])
        _period_open_data(site, files)
        if beside is not None:
            for language, (language_nav, written, names, charts) in zip(chosen[1:], beside.result()):
                nav[language] = language_nav
                written_pages.extend(written)
                files.names.update(names)
                site.charts.update(charts)
        files.update(site.charts)
        for name in schemas:
            if name in schema_bytes:
                files[f"schemas/{name}"] = _schema_copy(schema_bytes[name], site.privacy)
        files[opendata.DATAPACKAGE] = opendata.datapackage(site.privacy.mode, opendata.columns(site.privacy),
                                                             sorted(files.names))
        files[manifest.NAME] = manifest.render(mode, written_pages, chosen)  # checked in the built site
        files.commit()
    except BaseException:
        files.discard()
        raise
    return SiteResult(out_dir, sorted(files), nav, written_pages, time.perf_counter() - started,
                      site.history.available)




def _schema_files(root: Path, refused: list[Problem]) -> dict[str, bytes]:
    """The bytes of every ``schemas/*.schema.json`` the site copies (regular files inside the repository,
    or the package's own schemas); the refused ones are added to ``refused``."""
    folder = schema_dir(root)
    roots = (root,) if folder == root / "schemas" else (folder,)
    found: dict[str, bytes] = {}
    for path in sorted(folder.glob("*.schema.json")):
        data = _published_bytes(path, roots, refused)
        if data is not None:
            found[path.name] = data
    return found


def _schema_copy(raw: bytes, privacy: Privacy) -> bytes:
    """A schema as published: as it is, but in a public build with its examples scrubbed like any text
    (an example may quote an employee of this very instance, or a NIP)."""
    if not privacy.public:
        return raw
    import json

    try:
        document = json.loads(raw)
    except ValueError:
        return raw
    return (json.dumps(opendata.scrubbed(document, privacy), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _one_language(args: tuple[Any, ...], language: str, files: "StagedTree",
                  units: bool = True) -> tuple[list[dict[str, str]], list[str]]:
    """One language's navigation and pages (written into ``files``); the unit pages too unless ``units``
    is false (they were made OPD by OPD)."""
    site, handwritten, schemas, loaded, forms, mode = args
    cx = Cx(site, language)
    nav = navigation(cx)
    written = _language_pages(cx, handwritten, files, schemas, units)
    if site.privacy.people:
        written.extend(_forms(cx, loaded, files, forms, mode))
    return nav, written


def _make_languages(args: tuple[Any, ...], files: "StagedTree", languages: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Each language's navigation, pages, files written and charts drawn (run beside, or here)."""
    site = args[0]
    out = []
    for language in languages:
        before_charts, before_files = set(site.charts), set(files.names)
        nav, written = _one_language(args, language, files)  # into the same staging folder
        out.append((nav, written, files.names - before_files,
                    {k: v for k, v in site.charts.items() if k not in before_charts}))
    return out


class _AgencyDone(NamedTuple):
    """What comes back of one OPD (from a forked process): never its employees' results."""

    periods: list[str]
    period_bounds: dict[str, tuple[str, str]]
    units: dict[tuple[str, str], Any]  # its UnitResults
    unit_periods: dict[str, list[str]]
    tally: dict[str, Any]
    pages: list[str]
    names: set[str]
    charts: dict[str, str]


def _agencies(args: tuple[Any, ...], files: "StagedTree", parallel_from: int) -> list[str]:
    """Score the province one OPD at a time and make each OPD's unit pages and open data where it was
    scored (:func:`_agency`); keep of the results only what the province pages need. Returns the pages."""
    site, loaded = args[0], args[3]
    summary = ScoreRun()
    written: list[str] = []
    workers = None if loaded.files_read >= parallel_from else 1
    for part in engine.score_parts(site.province, derivations=False, workers=workers, by_agency=True,
                                   then=functools.partial(_agency, args, files)):
        summary.periods.extend(p for p in part.periods if p not in summary.periods)
        summary.period_bounds.update(part.period_bounds)
        summary.units.update(part.units)
        site.unit_periods.update(part.unit_periods)
        site.add_tally(part.tally)
        written.extend(part.pages)
        files.names.update(part.names)
        site.charts.update(part.charts)
    site.run = summary
    site.by_unit = {}
    return written


def _agency(args: tuple[Any, ...], files: "StagedTree", part: ScoreRun) -> _AgencyDone:
    """One OPD's unit pages (each language) and open data, from its scores (here or in a forked process);
    returns what the province pages need and what was written."""
    site, handwritten = args[0], args[1]
    before_charts, before_files = set(site.charts), set(files.names)
    units = sorted({unit for unit, _ in part.units})
    site.use(part, units)
    written: list[str] = []
    for language in site.languages:
        written.extend(_unit_pages(Cx(site, language), units, handwritten, files))
    _unit_open_data(site, files, [(u, p) for p in part.periods for u in units])
    return _AgencyDone(part.periods, part.period_bounds, part.units, {u: site.unit_periods[u] for u in units},
                       site.count(part), written, files.names - before_files,
                       {k: v for k, v in site.charts.items() if k not in before_charts})


def _emitter(cx: Cx, handwritten: dict[str, bytes], files: "StagedTree",
             written: list[str]) -> Callable[..., None]:
    """``emit(src, build, searched=True)``: write the page ``build()`` makes at ``src`` in this language."""

    def emit(src: str, build: Callable[[], str], searched: bool = True) -> None:
        path = cx.path(src)
        if path in handwritten and src != c.HOME:
            return  # a hand-written page of the same path wins
        cx.page = path
        text = build()
        if not searched:  # found through their current page: a smaller index, a faster build
            text = "---\nsearch:\n  exclude: true\n---\n\n" + text
        elif cx.prefix:  # the second language ranks below the first in search results
            text = "---\nsearch:\n  boost: 0.5\n---\n\n" + text
        files[path] = text
        written.append(path)

    return emit


def _unit_pages(cx: Cx, units: Sequence[str], handwritten: dict[str, bytes], files: "StagedTree") -> list[str]:
    """The pages of ``units`` (one per period with data) in one language; returns their paths."""
    site = cx.site
    current = site.current.id if site.current else None
    written: list[str] = []
    emit = _emitter(cx, handwritten, files, written)

    def unit_page(unit_id: str, period_id: str) -> str:
        text = pages.unit(cx, unit_id, period_id)
        if period_id == current:
            text += "\n" + "\n".join(pages_people.unit_history(cx, unit_id))
        return text

    for unit_id in units:
        for period_id in site.unit_periods.get(unit_id, []):
            emit(c.unit_page(unit_id, period_id, current), functools.partial(unit_page, unit_id, period_id),
                 period_id == current and not cx.prefix)
    return written


def _language_pages(cx: Cx, handwritten: dict[str, bytes], files: "StagedTree",
                    schemas: dict[str, dict[str, Any]], units: bool = True) -> list[str]:
    """Every page of one language into ``files`` (the unit pages too unless ``units`` is false); returns
    their paths."""
    site = cx.site
    province = site.province
    current = site.current.id if site.current else None
    written: list[str] = []
    emit = _emitter(cx, handwritten, files, written)
    intro = _intro(handwritten.get(cx.path(c.HOME)))
    emit(c.HOME, lambda: pages.home(cx, intro))
    emit(c.UNITS, lambda: pages.units_index(cx))
    emit(c.PERIODS, lambda: pages.periods_index(cx))
    for period in site.periods():
        emit(c.period_page(period.id), functools.partial(pages.period, cx, period.id), not cx.prefix)
    if units:
        written.extend(_unit_pages(cx, sorted(province.units), handwritten, files))
    emit(c.METHODOLOGY, lambda: pages_info.methodology(cx))
    emit(c.OPEN_DATA, lambda: pages_info.open_data(cx, schemas))
    emit(c.DICTIONARY, lambda: pages_info.dictionary(cx, schemas))
    emit(c.ERRORS, lambda: pages_info.error_codes(cx))
    emit(c.HISTORY, lambda: pages_people.history_index(cx))
    emit(c.TAKE_PART, lambda: pages_info.take_part(cx))
    if site.privacy.people:
        emit(c.PEOPLE, lambda: pages_people.people(cx))
        emit(c.MONITORING, lambda: pages_people.monitoring(cx))
        for employee_id, period_id in sorted(province.contracts):
            if period_id in site.run.periods:
                emit(c.employee_page(employee_id, period_id),
                     functools.partial(pages_people.employee, cx, employee_id, period_id),
                     period_id == current and not cx.prefix)
    return written


FORMS = "formulir"


def _forms(cx: Cx, loaded: Loaded, files: "StagedTree", options: dict[str, Any], mode: str) -> list[str]:
    """The intake forms of one language (``formulir/``), rendered by the intake step into the tree."""
    from ..intake.forms import FormsConfig, render_forms

    config = FormsConfig.from_mapping(dict(options, staff=mode in ("staff", "full")))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / FORMS
        render_forms(loaded, folder, lang=cx.lang, config=config)
        written = []
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != outdir.MARKER:
                rel = cx.path(f"{FORMS}/{path.relative_to(folder).as_posix()}")
                files[rel] = path.read_bytes()
                if rel.endswith(".md"):
                    written.append(rel)
    return written


def _unit_open_data(site: SiteData, files: "StagedTree", places: Sequence[tuple[str, str]]) -> None:
    """The CSV and JSON files of each (unit, period) in ``places`` that has results (primary language)."""
    lang = site.primary
    header = opendata.columns(site.privacy)
    for unit_id, period_id in places:
        result = site.unit_result(unit_id, period_id)
        if result is None or period_id not in site.unit_periods.get(unit_id, []):
            continue
        results = site.results(unit_id, period_id)
        document = opendata.unit_document(site.province, site.run, result, results, lang, site.privacy,
                                          site.withheld(unit_id, period_id))
        files[c.data_file(period_id, unit_id, "json")] = opendata.dumps(document)
        rows = opendata.unit_rows(site.province, result, results, lang, site.privacy)
        files[c.data_file(period_id, unit_id, "csv")] = opendata.to_csv(header, rows)


def _period_open_data(site: SiteData, files: "StagedTree") -> None:
    """Each period's files for all units, joined from the units' files already written (in unit order):
    a province's rows are never in memory at once."""
    header = opendata.to_csv(opendata.columns(site.privacy), [])
    for period in site.periods():
        units = [u for u in sorted(site.province.units) if c.data_file(period.id, u, "json") in files]
        head = opendata.dumps({"period": period.id, "privacy": site.privacy.mode, "units": []})

        def documents() -> Iterator[str]:
            yield head[:-len("]}\n")]
            for i, unit in enumerate(units):
                yield ("," if i else "") + files.read(c.data_file(period.id, unit, "json")).rstrip("\n")
            yield "]}\n"

        files.write_parts(c.data_file(period.id, None, "json"), documents())
        files.write_parts(c.data_file(period.id, None, "csv"),
                          itertools.chain([header], (files.read(c.data_file(period.id, u, "csv"))[len(header):]
                                                     for u in units)))


class StagedTree:
    """The site's files, each written into a staging folder beside ``out_dir`` as soon as it is made (a
    province's pages never sit in memory at once), then swapped in whole by :meth:`commit`;
    :meth:`discard` on failure leaves ``out_dir`` as it was (:mod:`kinerja.outdir` does both)."""

    def __init__(self, out_dir: Path, roots: Sequence[Path] = ()) -> None:
        self.out_dir = out_dir
        self.replacement = outdir.Replacement(out_dir, outdir.SITE, roots)
        self.staging = self.replacement.staging
        self.names: set[str] = set()

    def __setitem__(self, rel: str, content: str | bytes) -> None:
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        self.names.add(rel)

    def __contains__(self, rel: object) -> bool:
        return rel in self.names

    def read(self, rel: str) -> str:
        """A text file already written."""
        with open(self.staging / rel, encoding="utf-8", newline="") as handle:
            return handle.read()

    def write_parts(self, rel: str, parts: Iterable[str]) -> None:
        """A text file written piece by piece (each piece is let go once written)."""
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            for part in parts:
                handle.write(part)
        self.names.add(rel)

    def __iter__(self) -> Any:
        return iter(self.names)

    def update(self, items: Mapping[str, str | bytes]) -> None:
        for rel, content in items.items():
            self[rel] = content

    def commit(self) -> None:
        self.replacement.commit()

    def discard(self) -> None:
        self.replacement.discard()
