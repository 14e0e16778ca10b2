"""Static, accessible SVG charts drawn at build time with matplotlib (no JavaScript on the page).

Every chart is deterministic: the Agg backend, text kept as text (``svg.fonttype: none``), no date in
the metadata and a fixed hash salt, so the same data gives the same bytes. The picture itself holds
only numbers and period labels; its title and description (in the page's language) are written into
the SVG's ``<title>`` and ``<desc>`` afterwards, and the page shows the same numbers as a table.

Drawing costs tens of milliseconds per chart, so drawn charts are kept in a cache folder keyed by a
hash of their data (a rebuild on ``mkdocs serve`` redraws only what changed).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from markupsafe import escape

CACHE_VERSION = "2"
BAR = "#3f6ea6"
LINE = "#b5452f"
PREDIKAT_COLOURS = {
    "sangat-baik": "#1b7a3d",
    "baik": "#5c9e3a",
    "butuh-perbaikan": "#d7a21a",
    "cukup": "#d7a21a",
    "kurang": "#d3661f",
    "buruk": "#b5452f",
    "sangat-kurang": "#8e2a1e",
}
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


@dataclass(frozen=True)
class Series:
    """Bars (``kind='bar'``) or a line with markers (``kind='line'``); ``None`` values are gaps."""

    kind: str
    values: tuple[float | None, ...]
    colours: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    """What to draw: labels on the x axis, one or two series, the y axis range and a reference line."""

    labels: tuple[str, ...]
    series: tuple[Series, ...]
    y_max: float = 100.0
    reference: float | None = None
    unit: str = "%"

    def key(self) -> str:
        data = json.dumps([CACHE_VERSION, self.labels, [(s.kind, s.values, s.colours) for s in self.series],
                           self.y_max, self.reference, self.unit], sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:24]


def _draw(chart: Chart) -> str:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rcParams
    from matplotlib.figure import Figure

    rcParams["svg.fonttype"] = "none"
    rcParams["svg.hashsalt"] = "kinerja"
    rcParams["font.family"] = "sans-serif"
    rcParams["font.size"] = 9
    if chart.series and chart.series[0].kind == "barh":
        return _draw_barh(chart, Figure)
    figure = Figure(figsize=(6.0, 2.6))  # one size: the page scales every chart alike
    figure.subplots_adjust(left=0.12, right=0.98, bottom=0.2, top=0.95)
    axes = figure.add_subplot()
    xs = list(range(len(chart.labels)))
    for series in chart.series:
        if series.kind == "bar":
            heights = [v if v is not None else 0.0 for v in series.values]
            colours = list(series.colours) or [BAR] * len(xs)
            axes.bar(xs, heights, color=colours, width=0.7)
        else:
            points = [(x, v) for x, v in zip(xs, series.values, strict=True) if v is not None]
            if points:
                axes.plot([p[0] for p in points], [p[1] for p in points], color=LINE, marker="o", linewidth=1.5,
                          markersize=4)
    if chart.reference is not None:
        axes.axhline(chart.reference, color="#777777", linewidth=0.8, linestyle="--")
    axes.set_xticks(xs, list(chart.labels))
    pad = max(0.6, (6 - len(xs)) / 2)  # few periods (annual, semester): narrow bars in the middle
    axes.set_xlim(-pad, len(xs) - 1 + pad)
    axes.set_ylim(0, chart.y_max)
    axes.set_ylabel(chart.unit)
    axes.spines[["top", "right"]].set_visible(False)
    if len(chart.labels) > 8:
        axes.tick_params(axis="x", labelsize=7)
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def _draw_barh(chart: Chart, figure_class: type) -> str:
    """Horizontal bars: long category names (predikat) stay readable."""
    from matplotlib.ticker import MaxNLocator

    series = chart.series[0]
    rows = len(chart.labels)
    figure = figure_class(figsize=(6.0, 0.9 + 0.32 * rows))
    figure.subplots_adjust(left=0.26, right=0.95, bottom=0.8 / (0.9 + 0.32 * rows), top=0.97)
    axes = figure.add_subplot()
    ys = list(range(rows))
    values = [v if v is not None else 0.0 for v in series.values]
    axes.barh(ys, values, color=list(series.colours) or [BAR] * rows, height=0.65)
    axes.set_yticks(ys, list(chart.labels))
    axes.invert_yaxis()
    axes.set_xlim(0, chart.y_max)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(chart.unit)
    axes.spines[["top", "right"]].set_visible(False)
    for y, value in zip(ys, values, strict=True):
        axes.text(value + chart.y_max * 0.01, y, f"{value:g}", va="center", fontsize=8)
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return out.getvalue()


def draw(chart: Chart, cache: Path | None = None) -> str:
    """The chart's SVG text (from the cache when it was drawn before)."""
    if cache is not None:
        path = cache / f"{chart.key()}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    svg = _draw(chart)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # processes may draw the same chart at once
        try:
            tmp.write_text(svg, encoding="utf-8")
            tmp.replace(path)
        except OSError:  # an accelerator only: the chart is drawn again next time
            tmp.unlink(missing_ok=True)
    return svg


def label(svg: str, title: str, description: str, ident: str) -> str:
    """Give the SVG an accessible name: ``role="img"``, ``<title>`` and ``<desc>`` (escaped); drop the
    XML prologue and the RDF metadata block."""
    start = svg.find("<svg")
    if start < 0:
        return svg
    match = _SVG_OPEN.search(svg, start)
    if match is None:
        return svg
    attrs = re.sub(r'\s+xmlns:(?:dc|cc|rdf)="[^"]*"', "", match.group(1))
    opening = (f'<svg{attrs} role="img" aria-labelledby="{ident}-title {ident}-desc">'
               f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>')
    return opening + _METADATA.sub("", svg[match.end():])


def percent(part: float, whole: float) -> float | None:
    return None if not whole else round(100.0 * part / whole, 1)


def progress_chart(labels: Sequence[str], coverage: Sequence[float | None], achievement: Sequence[float | None]) -> Chart:
    """Monthly progress of a unit: realisation coverage as bars, indicator achievement as a line."""
    highest = max([100.0] + [v for v in list(coverage) + list(achievement) if v is not None])
    series = [Series("bar", tuple(coverage))]
    if any(v is not None for v in achievement):
        series.append(Series("line", tuple(achievement)))
    return Chart(tuple(short_label(x) for x in labels), tuple(series), y_max=min(200.0, highest * 1.1),
                 reference=100.0)


def distribution_chart(keys: Sequence[str], counts: Sequence[int], short: Sequence[str]) -> Chart:
    """Employees per predikat, as bars coloured by predikat."""
    top = max([1] + list(counts))
    return Chart(tuple(short), (Series("barh", tuple(float(c) for c in counts),
                                       tuple(PREDIKAT_COLOURS.get(k, BAR) for k in keys)),),
                 y_max=top * 1.15, unit="n")  # the axis reads "n": the number of employees


def short_label(reporting_period: str) -> str:
    """``2026-03`` → ``03``; ``2026-Q1`` → ``Q1``; a year stays a year."""
    return reporting_period[5:] if len(reporting_period) > 4 else reporting_period
