"""What every page builder shares: the data, the scores, the privacy mode, the language, the URLs.

Page builders never format wording themselves: :meth:`Cx.w` takes the words from the translations table
(:mod:`.i18n`), escapes them, and inserts values that are already HTML (the caller escaped the data with
:func:`.escape.text`). :meth:`Cx.t` is that escaping, after the privacy scrub.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import model as m
from ..load import Loaded
from ..score import engine
from ..score.engine import EmployeeResult, ScoreRun, UnitResult
from . import escape as esc
from . import i18n, suppress
from .history import History
from .privacy import Privacy

_PLACEHOLDER = re.compile(r"\{(\w+)\}")

# --- page paths (inside the docs tree, without the language prefix) ---------------------------------------
HOME = "index.md"
UNITS = "units/index.md"
PERIODS = "periods/index.md"
METHODOLOGY = "methodology.md"
OPEN_DATA = "open-data.md"
DICTIONARY = "data-dictionary.md"
ERRORS = "errors.md"
HISTORY = "history/index.md"
TAKE_PART = "take-part.md"
MONITORING = "monitoring.md"
PEOPLE = "people/index.md"


def unit_page(unit: str, period: str, current: str | None) -> str:
    return f"units/{unit}/index.md" if period == current else f"units/{unit}/{period}.md"


def period_page(period: str) -> str:
    return f"periods/{period}.md"


def history_page(unit: str) -> str:
    return f"history/{unit}.md"


def employee_page(employee: str, period: str) -> str:
    return f"people/{employee}/{period}.md"


def data_file(period: str, unit: str | None, ext: str) -> str:
    return f"data/{period}/{unit or 'all'}.{ext}"


def chart_file(period: str, name: str, lang: str) -> str:
    return f"charts/{period}/{name}.{lang}.svg"


def dest_url(src: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs gives the file ``src``."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative(from_src: str, to_src: str, directory_urls: bool) -> str:
    """The relative link from the page ``from_src`` to the page or asset ``to_src``."""
    here = dest_url(from_src, directory_urls)
    if from_src.endswith(".md") and directory_urls:
        folder = here.rstrip("/")
    else:
        folder = posixpath.dirname(here)
    target = dest_url(to_src, directory_urls)
    rel = posixpath.relpath(target or ".", folder or ".")
    if target == "" or target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


@dataclass
class SiteData:
    """Everything the pages are made from (shared by both languages)."""

    loaded: Loaded
    run: ScoreRun
    privacy: Privacy
    history: History
    languages: tuple[str, ...]
    primary: str
    directory_urls: bool = True
    min_group: int = 5
    chart_cache: Path | None = None
    handwritten: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    current: m.Period | None = None
    by_unit: dict[tuple[str, str], list[EmployeeResult]] = field(default_factory=dict)
    children: dict[str | None, list[m.Unit]] = field(default_factory=dict)
    unit_periods: dict[str, list[str]] = field(default_factory=dict)
    positions_by_unit: dict[str, list[m.Position]] = field(default_factory=dict)
    charts: dict[str, str] = field(default_factory=dict)
    # Per period: contracts scored and their predikat, kept when the results themselves are dropped
    # part by part (a site made one OPD at a time).
    tally: dict[str, tuple[int, Counter[str]]] = field(default_factory=dict)
    plans: dict[tuple[str, str], set[Any]] = field(default_factory=dict)  # (agency, period) → withheld cells

    @property
    def province(self) -> m.Province:
        return self.loaded.province

    def prepare(self) -> None:
        """What every page needs of the province, and of :attr:`run` for all its units."""
        province = self.province
        self.today = engine.today(province)
        self.current = engine.current_period(province)
        for unit in sorted(province.units.values(), key=lambda u: (u.name.lower(), u.id)):
            self.children.setdefault(unit.parent, []).append(unit)
        for position in province.positions.values():
            self.positions_by_unit.setdefault(position.unit, []).append(position)
        self.use(self.run, list(province.units))
        self.add_tally(self.count(self.run))

    def use(self, run: ScoreRun, units: list[str]) -> None:
        """Make pages from ``run`` (all results, or one OPD's) for ``units``."""
        self.run = run
        self.by_unit = {}
        for result in run.employees.values():
            self.by_unit.setdefault((result.unit, result.period), []).append(result)
        for unit_id in units:
            periods = [p.id for p in self.periods() if self.has_data(unit_id, p.id) or p is self.current]
            self.unit_periods[unit_id] = periods

    @staticmethod
    def count(run: ScoreRun) -> dict[str, tuple[int, Counter[str]]]:
        """Per period: the contracts scored in ``run`` and their predikat."""
        out: dict[str, tuple[int, Counter[str]]] = {}
        for result in run.employees.values():
            count, predikat = out.get(result.period, (0, Counter()))
            if result.predikat:
                predikat[result.predikat] += 1
            out[result.period] = (count + 1, predikat)
        return out

    def add_tally(self, tally: dict[str, tuple[int, Counter[str]]]) -> None:
        for period, (count, predikat) in tally.items():
            known, seen = self.tally.get(period, (0, Counter()))
            self.tally[period] = (known + count, seen + predikat)

    def periods(self) -> list[m.Period]:
        """Periods that were scored, newest first."""
        return sorted((self.province.periods[p] for p in self.run.periods if p in self.province.periods),
                      key=lambda p: (p.start, p.id), reverse=True)

    def has_data(self, unit: str, period: str) -> bool:
        result = self.run.units.get((unit, period))
        return (unit, period) in self.province.agreements or bool(result and result.with_contract)

    def unit_result(self, unit: str, period: str) -> UnitResult | None:
        return self.run.units.get((unit, period))

    def results(self, unit: str, period: str) -> list[EmployeeResult]:
        return self.by_unit.get((unit, period), [])

    def agencies(self) -> list[m.Unit]:
        return self.children.get(None, [])

    def ancestors(self, unit_id: str) -> list[m.Unit]:
        out = []
        unit = self.province.units.get(unit_id)
        seen = set()
        while unit is not None and unit.parent and unit.parent not in seen:
            seen.add(unit.parent)
            unit = self.province.units.get(unit.parent)
            if unit is not None:
                out.append(unit)
        return list(reversed(out))

    def agency_of(self, unit_id: str) -> str:
        chain = self.ancestors(unit_id)
        return chain[0].id if chain else unit_id

    # --- small groups (:mod:`.suppress`) ---------------------------------------------------------------
    def withheld(self, unit: str, period: str) -> frozenset[str]:
        """The figures of a unit's period this build withholds: ``distribution`` (its own employees),
        ``subtree_distribution`` (with its sub-units), ``allowance_totals``; none outside public builds."""
        if not self.privacy.public:
            return frozenset()
        cells = self._distribution_plan(self.agency_of(unit), period)
        out = {name for name, kind in (("distribution", "own"), ("subtree_distribution", "sub"))
               if (kind, unit) in cells}
        if 0 < self._allowance_people(unit, period) < self.min_group:
            out.add("allowance_totals")
        return frozenset(out)

    def province_withheld(self, period: str) -> frozenset[str]:
        """``distribution`` and/or ``allowance`` when the province's figure of ``period`` is withheld: its
        group is small, or exactly one of its parts is withheld (the province total is the complement)."""
        if not self.privacy.public:
            return frozenset()
        out = set()
        total = sum(self.tally.get(period, (0, Counter()))[1].values())
        hidden = [a.id for a in self.agencies() if ("sub", a.id) in self._distribution_plan(a.id, period)
                  and self._rated(a.id, period, "sub")]
        if 0 < total < self.min_group or len(hidden) == 1:
            out.add("distribution")
        people = [self._allowance_people(u, p) for u, p in self.run.units if p == period]
        if 0 < sum(people) < self.min_group or sum(1 for n in people if 0 < n < self.min_group) == 1:
            out.add("allowance")
        return frozenset(out)

    def _rated(self, unit: str, period: str, kind: str) -> int:
        result = self.unit_result(unit, period)
        if result is None:
            return 0
        return sum((result.distribution if kind == "own" else result.subtree_distribution).values())

    def _allowance_people(self, unit: str, period: str) -> int:
        result = self.unit_result(unit, period)
        allowance = result.allowance if result is not None else None
        return 0 if allowance is None else (getattr(allowance, "people", 0) or allowance.count)

    def _distribution_plan(self, agency: str, period: str) -> set[Any]:
        """The withheld distribution cells of one agency's units (decided inside the agency)."""
        plan = self.plans.get((agency, period))
        if plan is None:
            counts: dict[Any, int] = {}
            relations = []
            for unit in self.province.subtree(agency):
                for kind in ("own", "sub"):
                    counts[(kind, unit)] = self._rated(unit, period, kind)
                parts = (("own", unit), *(("sub", child.id) for child in self.children.get(unit, [])))
                relations.append(suppress.Relation(("sub", unit), parts))
            plan = self.plans[(agency, period)] = suppress.plan(counts, relations, self.min_group)
        return plan


class Cx:
    """One language's view of the site: words, escaping, links."""

    def __init__(self, site: SiteData, lang: str) -> None:
        self.site = site
        self.lang = lang
        self.prefix = "" if lang == site.primary else f"{lang}/"
        self.W = i18n.words(lang)
        self.page = ""

    # --- words -------------------------------------------------------------------------------------------
    def w(self, key: str, **html_values: Any) -> str:
        """The phrase ``key`` escaped, with ``html_values`` (already escaped HTML) put in its placeholders."""
        template = i18n.TABLE[key][1 if self.lang == "en" else 0]
        return self._fill(template, html_values)

    def wl(self, key: str, **html_values: Any) -> list[str]:
        """A ``|``-separated phrase as a list of escaped items."""
        template = i18n.TABLE[key][1 if self.lang == "en" else 0]
        return [self._fill(part, html_values) for part in template.split("|")]

    def pick(self, pair: tuple[str, str]) -> str:
        return esc.text(i18n.pick(pair, self.lang))

    @staticmethod
    def _fill(template: str, values: dict[str, Any]) -> str:
        out, last = [], 0
        for match in _PLACEHOLDER.finditer(template):
            out.append(esc.text(template[last:match.start()]))
            name = match.group(1)
            out.append(str(values[name]) if name in values else esc.text(match.group(0)))
            last = match.end()
        out.append(esc.text(template[last:]))
        return "".join(out)

    # --- data ---------------------------------------------------------------------------------------------
    def t(self, value: Any) -> str:
        """Text from the data: scrubbed for the privacy mode, then escaped."""
        if value is None:
            return ""
        return esc.text(self.site.privacy.scrub(str(value)))

    def ti(self, value: Any) -> str:
        """Like :meth:`t` on one line (headings)."""
        if value is None:
            return ""
        return esc.inline(self.site.privacy.scrub(str(value)))

    def title(self, value: str) -> str:
        return esc.title(self.site.privacy.scrub(value))

    def num(self, value: Decimal | int | float | str | None, places: int | None = None) -> str:
        """A number as this language writes it (Indonesian: decimal comma)."""
        if value is None or value == "":
            return "-"
        if places is not None:
            value = f"{Decimal(str(value)):.{places}f}"
        shown = str(value)
        return shown.replace(".", ",") if self.lang != "en" else shown

    def money(self, value: Decimal | int | None) -> str:
        if value is None:
            return "-"
        whole = f"{int(Decimal(str(value)).to_integral_value()):,}"
        return whole.replace(",", ".") if self.lang != "en" else whole

    def date(self, value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return "-"
        if isinstance(value, dt.datetime):
            value = value.date()
        return value.isoformat()

    def pct(self, part: int, whole: int) -> str:
        if not whole:
            return "-"
        return self.num(Decimal(100 * part) / Decimal(whole), 1)

    def status(self, value: str | None) -> str:
        key = f"status.{value}"
        return self.w(key) if key in i18n.TABLE else self.t(value or "-")

    def predikat(self, key: str | None) -> str:
        if not key:
            return "-"
        word = engine.PREDIKAT_WORDS.get(key)
        return esc.text(word(self.lang)) if word else esc.text(key)

    def regime(self, regime: str) -> str:
        pair = i18n.REGIME_NAMES.get(regime)
        return self.pick(pair) if pair else esc.text(regime)

    # --- links --------------------------------------------------------------------------------------------
    def path(self, src: str) -> str:
        """A page path in this language."""
        return self.prefix + src

    def href(self, target: str, *, shared: bool = False) -> str:
        """Link from the current page to ``target`` (a page of this language, or a shared asset)."""
        to = target if shared else self.prefix + target
        return relative(self.page, to, self.site.directory_urls)

    def a(self, target: str, label_html: str, *, shared: bool = False, anchor: str = "", **attrs: str) -> str:
        href = self.href(target, shared=shared) + (f"#{anchor}" if anchor else "")
        return esc.link(href, label_html, **attrs)

    def unit_link(self, unit_id: str, period: str | None = None) -> str:
        unit = self.site.province.units.get(unit_id)
        label = self.t(unit.name if unit else unit_id)
        current = self.site.current.id if self.site.current else None
        return self.a(unit_page(unit_id, period or current or "", current), label)

    def other_language(self) -> str | None:
        others = [lang for lang in self.site.languages if lang != self.lang]
        return others[0] if others else None

    def switch(self) -> str:
        """A link to this page in the other language (plain HTML: no script needed)."""
        other = self.other_language()
        if other is None:
            return ""
        bare = self.page[len(self.prefix):] if self.prefix and self.page.startswith(self.prefix) else self.page
        target = bare if other == self.site.primary else f"{other}/{bare}"
        href = relative(self.page, target, self.site.directory_urls)
        label = esc.text(i18n.TABLE["lang.other"][1 if self.lang == "en" else 0])
        hint = esc.text(i18n.TABLE["lang.switch"][1 if self.lang == "en" else 0])
        return (f'<p class="kj-lang" data-search-exclude><a href="{esc.attr(href)}" hreflang="{other}" lang="{other}" '
                f'title="{hint}" data-kj-lang="{other}">{label}</a></p>')
