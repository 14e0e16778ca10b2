"""Step 4 of the pipeline: write the whole site as a Markdown tree with its assets.

:func:`generate_site` takes the loaded and scored data and writes, into one folder, every page (in each
language), the open data (CSV, JSON), the charts (SVG), copies of the JSON Schemas and copies of the
hand-written pages of ``docs/``. The folder is filled beside its final place and then swapped in, so a
failure never leaves half a site. Any engine that reads a folder of Markdown can build it; the MkDocs
plugin (:mod:`kinerja.mkdocs_plugin`) only calls this and points MkDocs at the result.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..beside import Beside
from ..load import Loaded
from ..score.engine import ScoreRun
from ..validate.schema import schema_dir
from . import context as c
from . import history as git_history
from . import opendata, pages, pages_info, pages_people
from .context import Cx, SiteData
from .i18n import LANGUAGES
from .privacy import MODES, Privacy

log = logging.getLogger(__name__)

MARKER = ".kinerja-site"
"""A file in every generated folder: only a folder holding it is ever replaced."""


class SiteError(Exception):
    """Raised by :func:`generate_site` when the output folder cannot be written safely."""


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


def _handwritten(docs_dir: Path | None, out_dir: Path) -> dict[str, bytes]:
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
            path = here / name
            found[path.relative_to(docs_dir).as_posix()] = path.read_bytes()
    return found


def _intro(text: bytes | None) -> str | None:
    """A hand-written home page becomes the top of the generated home page."""
    if text is None:
        return None
    return text.decode("utf-8", errors="replace")


def generate_site(loaded: Loaded, run: ScoreRun, out_dir: Path | str, mode: str = "public", lang: str = "id", *,
                  languages: Sequence[str] | None = None, docs_dir: Path | str | None = None,
                  directory_urls: bool = True, history: bool = True, min_group_size: int = 5,
                  cache_dir: Path | str | None = None, forms: dict[str, Any] | None = None,
                  parallel_from: int = PARALLEL_FROM) -> SiteResult:
    """Write the site for ``loaded`` (validated) and ``run`` (its scores) into ``out_dir``.

    ``mode`` is the privacy mode (``public``, ``staff``, ``full``); ``lang`` the primary language (its
    pages at the root); ``languages`` every language to write (default: both, the other one under
    ``en/`` or ``id/``); ``docs_dir`` the hand-written pages copied in (a hand-written page wins over a
    generated one of the same path, except the home page, which is put on top of the generated one);
    ``directory_urls`` must match MkDocs' ``use_directory_urls`` (links inside raw HTML are written
    final). ``forms`` configures the intake forms (:mod:`kinerja.intake.forms`), written into staff and
    full builds only: their data lists employees, which a public site never shows. Returns what was
    written; raises :class:`SiteError` when ``out_dir`` is a folder this function did not create.
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
    out_dir = Path(out_dir).resolve()
    _check_target(out_dir, loaded.root)
    docs = Path(docs_dir).resolve() if docs_dir else None
    province = loaded.province
    site = SiteData(loaded=loaded, run=run, privacy=Privacy.for_mode(mode, province),
                    history=git_history.read(loaded.root, province) if history else git_history.History(False, reason="off"),
                    languages=chosen, primary=lang, directory_urls=directory_urls, min_group=min_group_size,
                    chart_cache=Path(cache_dir) if cache_dir else out_dir.parent / ".cache" / "charts",
                    handwritten=docs)
    site.prepare()
    handwritten = _handwritten(docs, out_dir)
    files = StagedTree(out_dir)
    try:
        files.update(handwritten)
        written_pages: list[str] = []
        nav: dict[str, list[dict[str, str]]] = {}
        schemas = opendata.load_schemas(loaded.root)
        args = (site, handwritten, schemas, loaded, forms or {}, mode)
        # A big province: the second language's pages are made in a forked process on the other core.
        beside = Beside(_make_languages, args, files, chosen[1:]) \
            if loaded.files_read >= parallel_from and len(chosen) > 1 else None
        for language in (chosen if beside is None else chosen[:1]):
            nav[language], written = _one_language(args, language, files)
            written_pages.extend(written)
        files.update(open_data_files(site))
        if beside is not None:
            for language, (language_nav, written, names, charts) in zip(chosen[1:], beside.result()):
                nav[language] = language_nav
                written_pages.extend(written)
                files.names.update(names)
                site.charts.update(charts)
        files.update(site.charts)
        for name in schemas:
            files[f"schemas/{name}"] = (schema_dir(loaded.root) / name).read_bytes()
        files[MARKER] = "kinerja site; generated, do not edit; replaced on every build\n"
        files.commit()
    except BaseException:
        files.discard()
        raise
    return SiteResult(out_dir, sorted(files), nav, written_pages, time.perf_counter() - started,
                      site.history.available)




def _one_language(args: tuple[Any, ...], language: str, files: "StagedTree") -> tuple[list[dict[str, str]], list[str]]:
    """One language's navigation and pages (written into ``files``)."""
    site, handwritten, schemas, loaded, forms, mode = args
    cx = Cx(site, language)
    nav = navigation(cx)
    written = _language_pages(cx, handwritten, files, schemas)
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


def _language_pages(cx: Cx, handwritten: dict[str, bytes], files: "StagedTree",
                    schemas: dict[str, dict[str, Any]]) -> list[str]:
    """Every page of one language into ``files``; returns their paths."""
    site = cx.site
    province = site.province
    current = site.current.id if site.current else None
    written: list[str] = []

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

    def unit_page(unit_id: str, period_id: str) -> str:
        text = pages.unit(cx, unit_id, period_id)
        if period_id == current:
            text += "\n" + "\n".join(pages_people.unit_history(cx, unit_id))
        return text

    intro = _intro(handwritten.get(cx.path(c.HOME)))
    emit(c.HOME, lambda: pages.home(cx, intro))
    emit(c.UNITS, lambda: pages.units_index(cx))
    emit(c.PERIODS, lambda: pages.periods_index(cx))
    for period in site.periods():
        emit(c.period_page(period.id), functools.partial(pages.period, cx, period.id), not cx.prefix)
    for unit_id in sorted(province.units):
        for period_id in site.unit_periods.get(unit_id, []):
            emit(c.unit_page(unit_id, period_id, current), functools.partial(unit_page, unit_id, period_id),
                 period_id == current and not cx.prefix)
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
        render_forms(loaded, Path(tmp), lang=cx.lang, config=config)
        written = []
        for path in sorted(Path(tmp).rglob("*")):
            if path.is_file():
                rel = cx.path(f"{FORMS}/{path.relative_to(tmp).as_posix()}")
                files[rel] = path.read_bytes()
                if rel.endswith(".md"):
                    written.append(rel)
    return written


def open_data_files(site: SiteData) -> dict[str, str]:
    """The CSV and JSON files per unit and period and for each whole period (primary language)."""
    lang = site.primary
    out: dict[str, str] = {}
    header = opendata.columns(site.privacy)
    for period in site.periods():
        documents = []
        all_rows: list[list[str]] = []
        for unit_id in sorted(site.province.units):
            result = site.unit_result(unit_id, period.id)
            if result is None or period.id not in site.unit_periods.get(unit_id, []):
                continue
            results = site.results(unit_id, period.id)
            document = opendata.unit_document(site.province, site.run, result, results, lang, site.privacy,
                                              site.min_group)
            documents.append(document)
            rows = opendata.unit_rows(site.province, result, results, lang, site.privacy)
            all_rows.extend(rows)
            out[c.data_file(period.id, unit_id, "json")] = opendata.dumps(document)
            out[c.data_file(period.id, unit_id, "csv")] = opendata.to_csv(header, rows)
        out[c.data_file(period.id, None, "json")] = opendata.dumps({"period": period.id, "privacy": site.privacy.mode,
                                                                    "units": documents})
        out[c.data_file(period.id, None, "csv")] = opendata.to_csv(header, all_rows)
    return out


def _check_target(out_dir: Path, root: Path) -> None:
    root = root.resolve()
    if out_dir == root or out_dir in root.parents or out_dir == root / "contracts" or \
            (root / "contracts") in out_dir.parents:
        raise SiteError(f"refusing to write the site over the data: {out_dir}")
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARKER).exists())):
        raise SiteError(f"{out_dir} exists and was not made by 'kinerja site'; choose an empty or new folder")


class StagedTree:
    """The site's files, each written into a staging folder beside ``out_dir`` as soon as it is made (a
    province's pages never sit in memory at once), then swapped in whole by :meth:`commit`;
    :meth:`discard` on failure leaves ``out_dir`` as it was."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-staging-", dir=out_dir.parent))
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

    def __iter__(self) -> Any:
        return iter(self.names)

    def update(self, items: Mapping[str, str | bytes]) -> None:
        for rel, content in items.items():
            self[rel] = content

    def commit(self) -> None:
        old: Path | None = None
        out_dir = self.out_dir
        try:
            if out_dir.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-old-", dir=out_dir.parent))
                old.rmdir()
                out_dir.rename(old)
            self.staging.rename(out_dir)
        except BaseException:
            if old is not None and not out_dir.exists():
                old.rename(out_dir)
                old = None
            raise
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def write_tree(out_dir: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` into a staging folder beside ``out_dir``, then swap it in."""
    tree = StagedTree(out_dir)
    try:
        tree.update(files)
        tree.commit()
    except BaseException:
        tree.discard()
        raise
