"""The MkDocs plugin ``kinerja``: a thin adapter between MkDocs and the pipeline.

On every build (``on_config``) it loads the data, validates it (invalid data fails the build with the
validation report, before anything is scored or written) and calls
:func:`kinerja.publish.generate_site`, which scores it (a public site one OPD at a time) and writes the
whole site as Markdown into ``output`` (default ``generated/docs``, git-ignored) together with copies of
the hand-written pages of ``docs_dir``. Then:

* ``on_files`` makes MkDocs build from that folder: the hand-written files are replaced by their
  copies and every generated file is added (``docs_dir`` itself stays the hand-written folder, so
  ``mkdocs serve`` watches it and regenerating never triggers another rebuild);
* the navigation is a short explicit list (home, units, periods, methodology, open data, history, how
  to take part, error codes), never every unit page: an automatic full navigation would make a build of
  600 units quadratic. Pages of the second language get that language's navigation
  (``on_page_context``) and ``lang`` attribute (``on_post_page``);
* generated pages are mostly one-line HTML blocks (tables, figures), which Python-Markdown would only
  copy through verbatim after parsing every tag: ``on_page_markdown`` sets each such block aside behind
  a placeholder comment and ``on_post_page`` puts it back into the written page (same HTML, a fraction
  of the time and memory; the data tables are therefore not in the search index, whose size would
  otherwise grow with every employee; headings, unit and page titles are);
* ``on_serve`` watches ``contracts/`` (and ``schemas/``), so ``mkdocs serve`` rebuilds when data change.

Other engines: run ``kinerja site`` and build ``generated/docs`` (it holds every page and asset).
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .load import find_root, release_memory
from .report import render_text
from .validate import load_checked, validate

log = logging.getLogger("mkdocs.plugins.kinerja")


class KinerjaConfig(base.Config):
    """Options of ``plugins: - kinerja`` in mkdocs.yml."""

    data_root = c.Type(str, default=".")
    """Folder that holds ``contracts/`` (relative to mkdocs.yml)."""
    mode = c.Choice(("public", "staff", "full"), default="public")
    """Privacy mode: ``public`` (no names, no NIPs), ``staff`` (names, masked NIPs) or ``full``."""
    lang = c.Choice(("id", "en"), default="id")
    """Primary language: its pages at the root of the site, and the language of the build report."""
    languages = c.ListOfItems(c.Choice(("id", "en")), default=["id", "en"])
    """Languages to publish; the one that is not primary goes under ``en/`` (or ``id/``)."""
    output = c.Type(str, default="generated/docs")
    """Folder (relative to mkdocs.yml) that receives the generated Markdown tree, replaced on each build:
    it must be missing, empty or made by Kinerja (``.kinerja-output``); anything else fails the build."""
    history = c.Type(bool, default=True)
    """Read the change history from Git."""
    min_group_size = c.Optional(c.Type(int))  # default: settings.yaml's min_group_size, else 5
    """Public builds withhold a predikat distribution over fewer people than this."""
    set_aside_html = c.Type(bool, default=True)
    """Set generated pages' one-line HTML blocks aside from Markdown and put them back verbatim (faster,
    far less memory; the blocks stay out of the search index). ``false`` passes them through Markdown."""
    intake = c.Type(dict, default={})
    """Options of the intake forms written into staff and full builds (``intake_url``, ``git_host``,
    ``git_repo``, …; see docs/intake.md)."""


class KinerjaPlugin(BasePlugin[KinerjaConfig]):
    """Validates, scores and generates the site on every build; fails the build on invalid data."""

    def __init__(self) -> None:
        self.out_dir: Path | None = None
        self.root: Path | None = None
        self.docs_dir: Path | None = None
        self.navigation: dict[str, list[dict[str, str]]] = {}
        self.in_nav: set[str] = set()
        self.alt_nav: dict[str, Any] = {}
        self.prefixes: dict[str, str] = {}
        self.generated: set[str] = set()
        self.set_aside: dict[str, bytes] = {}  # page → its set-aside blocks, compressed until written

    # --- build ----------------------------------------------------------------------------------------------
    def on_config(self, config: Any) -> Any:
        """Validate, score and generate; a failure stops the build with one clear message (no traceback
        unless ``KINERJA_DEBUG`` is set)."""
        try:
            config = self._generate(config)
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("KINERJA_DEBUG"):
                raise
            from .cli import missing_extra

            extra = missing_extra(exc) if isinstance(exc, ModuleNotFoundError) else None
            if extra is not None:
                from .report import Problem

                problem = Problem("K850", "mkdocs.yml", params=(("module", exc.name), ("extra", extra)))
                raise PluginError(f"kinerja: {problem.message('en')} {problem.hint('en')}") from None
            raise PluginError(f"kinerja: kesalahan internal / internal error: {type(exc).__name__}: {exc} "
                              "(KINERJA_DEBUG=1 menampilkan rinciannya / shows the details)") from None
        release_memory()  # the province and its scores are written out: MkDocs renders with the memory back
        return config

    def _generate(self, config: Any) -> Any:
        from .outdir import OutputRefused
        from .publish import SiteError, generate_site

        base_dir = Path(config.config_file_path or ".").resolve().parent
        root = find_root(base_dir / self.config.data_root)
        if root is None:
            raise PluginError(f"kinerja: no contracts/ folder under {self.config.data_root!r}")
        lang = self.config.lang
        loaded = load_checked(root)
        # Validated here, before anything is scored: a validating process forked beside the scoring would
        # hold its own copy of every page of the province it reads (reference counts write to them).
        report = validate(loaded)
        for item in report.warnings:
            log.info("%s %s %s", item.location(), item.code, item.message(lang))
        if not report.ok:
            raise PluginError("kinerja: data tidak sah / invalid data\n" + render_text(report, lang))
        self.root = root
        self.docs_dir = Path(config.docs_dir).resolve()
        self.out_dir = (base_dir / self.config.output).resolve()
        if self.out_dir == self.docs_dir or self.docs_dir in self.out_dir.parents:
            raise PluginError("kinerja: 'output' must be outside docs_dir")
        try:
            # The site scores the data itself: a public one OPD at a time, never holding a province's results.
            result = generate_site(loaded, None, self.out_dir, mode=self.config.mode, lang=lang,
                                   languages=self.config.languages, docs_dir=self.docs_dir,
                                   directory_urls=config.use_directory_urls, history=self.config.history,
                                   min_group_size=self.config.min_group_size, forms=dict(self.config.intake))
        except SiteError as exc:
            raise PluginError(f"kinerja: {exc}") from None
        except OutputRefused as exc:
            raise PluginError(f"kinerja: plugins.kinerja.output: {exc.render(lang)}") from None
        log.info("kinerja: %d pages generated in %.1f s (mode %s) → %s", len(result.pages), result.seconds,
                 self.config.mode, self.out_dir)
        self.navigation = result.navigation
        self.generated = set(result.pages) if self.config.set_aside_html else set()
        self.set_aside = {}
        self.prefixes = {language: ("" if language == lang else f"{language}/") for language in result.navigation}
        if config.nav is None:
            config.nav = result.navigation[lang]
        self.in_nav = {path for item in result.navigation[lang] for path in item.values()}
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        """Build from the generated tree: hand-written files are replaced by their copies in it."""
        assert self.out_dir is not None and self.docs_dir is not None
        docs = str(self.docs_dir)
        kept = [f for f in files if not (f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(self.docs_dir))
                and f.src_dir != docs]
        fresh = Files(kept)
        nav = self.in_nav
        for path in sorted(p for p in self.out_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(self.out_dir).as_posix()
            if rel.startswith(".") or "/." in rel:
                continue
            inclusion = InclusionLevel.INCLUDED if rel in nav or not rel.endswith(".md") else InclusionLevel.NOT_IN_NAV
            fresh.append(File(rel, str(self.out_dir), config.site_dir, config.use_directory_urls, inclusion=inclusion))
        return fresh

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        """Build each other language's compact navigation (used for its pages)."""
        from mkdocs.structure.nav import get_navigation

        self.alt_nav = {}
        for language, items in self.navigation.items():
            if not self.prefixes.get(language):
                continue
            other = copy.copy(config)
            other.nav = items
            quiet = logging.getLogger("mkdocs.structure.nav")
            level = quiet.level
            quiet.setLevel(logging.ERROR)
            try:
                alt = get_navigation(files, other)
            finally:
                quiet.setLevel(level)
            alt.homepage = nav.homepage
            for item, entry in zip(alt.items, items, strict=False):
                item.title = next(iter(entry))  # the navigation's words, not the page's first heading
            self.alt_nav[language] = alt
        return nav

    def _language_of(self, page: Any) -> str | None:
        for language, prefix in self.prefixes.items():
            if prefix and page.file.src_uri.startswith(prefix):
                return language
        return None

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        language = self._language_of(page)
        if language and language in self.alt_nav:
            context["nav"] = self.alt_nav[language]
        return context

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Set a generated page's one-line HTML blocks aside (see the module's docstring)."""
        if page.file.src_uri not in self.generated:
            return markdown
        markdown, blocks = set_aside_html(markdown)
        if blocks:
            # MkDocs renders every page before it writes any: kept as they are, a province's tables would
            # all sit in memory at once (gigabytes); compressed, about a tenth of that.
            self.set_aside[page.file.src_uri] = zlib.compress(json.dumps(blocks).encode(), 1)
        return markdown

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        packed = self.set_aside.pop(page.file.src_uri, None)
        if packed:
            output = put_back_html(output, json.loads(zlib.decompress(packed)))
        language = self._language_of(page)
        if language:
            theme_lang = config.theme.get("language") or "en"
            output = output.replace(f'<html lang="{theme_lang}"', f'<html lang="{language}"', 1)
        return output

    # --- serve ----------------------------------------------------------------------------------------------
    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """``mkdocs serve`` rebuilds when the data (contracts/) or the schemas change."""
        if self.root is not None:
            server.watch(str(self.root / "contracts"))
            if (self.root / "schemas").is_dir():
                server.watch(str(self.root / "schemas"))
        return server


# Python-Markdown copies a raw HTML block through verbatim, one top-level element per line.
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_BLOCK = frozenset("address article aside blockquote details div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
                   "header hr main nav ol p pre section table ul".split())
_PLACEHOLDER = re.compile(r"<!--kj-block-(\d+)-->")


def _top_level(line: str) -> list[str] | None:
    """The line's top-level elements if it is nothing but block-level elements, else None."""
    parts: list[str] = []
    depth = start = 0
    for found in _TAG.finditer(line):
        name = found.group(2)
        if name is None:  # a comment
            if depth == 0:
                return None
            continue
        name = name.lower()
        if depth == 0 and (found.start() != start or found.group(1) or name not in _BLOCK):
            return None  # text, a closing or an inline tag at the top level: Markdown's business
        if name not in _VOID and not found.group(0).endswith("/>"):
            depth += -1 if found.group(1) else 1
        if depth < 0:
            return None
        if depth == 0:
            parts.append(line[start:found.end()])
            start = found.end()
    return parts if parts and depth == 0 and start == len(line) else None


def set_aside_html(markdown: str) -> tuple[str, list[str]]:
    """Replace every one-line raw HTML block (a line of block-level elements only, with a blank line or the
    page's edge on both sides) by a placeholder comment; return the text and the blocks as Markdown would
    have written them."""
    lines = markdown.split("\n")
    blocks: list[str] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if not line.startswith("<") or (i and lines[i - 1].strip()) or (i < last and lines[i + 1].strip()):
            continue
        parts = _top_level(line)
        if parts is not None:
            lines[i] = f"<!--kj-block-{len(blocks)}-->"
            blocks.append("\n".join(parts))
    return "\n".join(lines), blocks


def put_back_html(html: str, blocks: list[str]) -> str:
    """The inverse of :func:`set_aside_html` on the rendered page."""
    return _PLACEHOLDER.sub(lambda found: blocks[int(found.group(1))], html)
