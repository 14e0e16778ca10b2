"""The public pages: home, units, unit pages, period archive.

Each builder takes a :class:`~.context.Cx` whose ``page`` is the page being written and returns its
Markdown. Headings are Markdown (for the table of contents); everything that holds data is a raw HTML
block built with :mod:`.escape`.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterable

from .. import model as m
from ..nip import parse_nip
from ..score import engine, pp46
from ..score import permenpanrb_6_2022 as r622
from ..score import permenpanrb_8_2021 as r821
from ..score.engine import EmployeeResult, IndicatorResult, UnitResult
from . import charts
from . import context as c
from . import escape as esc
from .context import Cx

#: The predikat ids each regime uses, best first.
REGIME_PREDIKAT = {
    "pp46-2011": tuple(pp46.PREDIKAT_WORDS),
    "permenpanrb-8-2021": tuple(r821.PREDIKAT_WORDS),
    "permenpanrb-6-2022": tuple(r622.PREDIKAT),
}
SHORT_PREDIKAT = {key: word.id for key, word in engine.PREDIKAT_WORDS.items()}


# --- shared pieces ---------------------------------------------------------------------------------------------
def heading(cx: Cx, title_html: str) -> list[str]:
    """The first heading, the language switch and (on staff builds) the privacy banner."""
    parts = [f"# {title_html}\n", esc.block(cx.switch()) if cx.switch() else ""]
    if cx.site.privacy.people:
        parts.append(notice(cx, "warning", cx.w(f"privacy.{cx.site.privacy.mode}")))
    return parts


def notice(cx: Cx, kind: str, body_html: str, title_html: str | None = None) -> str:
    head = f'<p class="admonition-title">{title_html}</p>' if title_html else ""
    return esc.block(f'<div class="admonition {esc.attr(kind)}">{head}<p>{body_html}</p></div>')


def facts(rows: Iterable[tuple[str, str, str]], cls: str = "kj-facts") -> str:
    """A two-column table of (label html, value html, data key)."""
    body = "".join(f'<tr><th scope="row">{label}</th>{esc.cell(value, key=key)}</tr>' for label, value, key in rows)
    return esc.block(f'<div class="kj-scroll"><table class="{cls}"><tbody>{body}</tbody></table></div>')


def ul(items: Iterable[str], cls: str = "") -> str:
    inner = "".join(f"<li>{item}</li>" for item in items)
    return esc.block(f'<ul class="{esc.attr(cls)}">{inner}</ul>' if cls else f"<ul>{inner}</ul>")


def para(html: str, cls: str = "") -> str:
    return esc.block(f'<p class="{esc.attr(cls)}">{html}</p>' if cls else f"<p>{html}</p>")


def target_shown(cx: Cx, target: m.TargetValue) -> str:
    if target.is_range:
        return f"{cx.num(target.low)}–{cx.num(target.high)}"
    if target.value is not None:
        return cx.num(target.value)
    return cx.t(target.text or "-")


def realised_shown(cx: Cx, item: IndicatorResult) -> str:
    if item.realised is not None:
        return cx.num(item.realised)
    if item.realised_text:
        return cx.t(item.realised_text)
    return "-"


def note_shown(cx: Cx, item: IndicatorResult) -> str:
    if item.note is None:
        return "✓" if item.achievement is not None or item.realised_text else "-"
    return f'<span class="kj-note">{esc.text(item.note.code)}: {cx.t(item.note.text(cx.lang))}</span>'


def achievement_shown(cx: Cx, item: IndicatorResult) -> str:
    return "-" if item.achievement is None else cx.num(item.achievement.shown)


def coverage(result: UnitResult | None) -> tuple[int, int]:
    """(reports received, reports due) of a unit's contracts."""
    if result is None:
        return 0, 0
    due = len(result.realisation_coverage) * result.with_contract
    return sum(result.realisation_coverage.values()), due


# --- province at a glance --------------------------------------------------------------------------------------
def totals(cx: Cx, period: m.Period) -> dict[str, object]:
    """The province's figures for ``period`` (the same numbers ``kinerja score`` gives, summed)."""
    site = cx.site
    units = [r for (u, p), r in site.run.units.items() if p == period.id]
    employees = {e.id for e in site.province.employees.values() if e.positions_during(period.start, period.end)}
    contracts, dist = site.tally.get(period.id, (0, Counter()))
    received = sum(coverage(r)[0] for r in units)
    due = sum(coverage(r)[1] for r in units)
    gross = [r.allowance.gross.shown for r in units if r.allowance is not None]
    net = [r.allowance.net.shown for r in units if r.allowance is not None]
    return {
        "units": len(site.province.units),
        "agencies": len(site.agencies()),
        "employees": len(employees),
        "contracts": contracts,
        "assessments": sum(r.with_assessment for r in units),
        "received": received,
        "due": due,
        "distribution": dist,
        "warnings": sum(len(r.warnings) for r in units),
        "gross": sum(gross, Decimal(0)) if gross else None,
        "net": sum(net, Decimal(0)) if net else None,
    }


def glance(cx: Cx, period: m.Period, chart_name: str) -> list[str]:
    figures = totals(cx, period)
    rows = [
        (cx.w("stat.regime"), cx.regime(period.regime), "regime"),
        (cx.w("stat.dates"), f"{cx.date(period.start)} – {cx.date(period.end)}", "dates"),
        (cx.w("stat.units"), str(figures["units"]), "units"),
        (cx.w("stat.agencies"), str(figures["agencies"]), "agencies"),
        (cx.w("stat.employees"), str(figures["employees"]), "employees"),
        (cx.w("stat.contracts"), str(figures["contracts"]), "contracts"),
        (cx.w("stat.assessments"), str(figures["assessments"]), "assessments"),
        (cx.w("stat.coverage"),
         f'{cx.pct(figures["received"], figures["due"])}% ({figures["received"]}/{figures["due"]}; '
         f'{cx.w("stat.coverage_hint")})', "coverage"),
        (cx.w("stat.rated"), str(sum(figures["distribution"].values())), "rated"),  # type: ignore[attr-defined]
        (cx.w("stat.warnings"), str(figures["warnings"]), "warnings"),
    ]
    hidden = cx.site.province_withheld(period.id)
    if figures["gross"] is not None and "allowance" not in hidden:
        rows.append((cx.w("stat.allowance_gross"), "Rp" + cx.money(figures["gross"]), "allowance-gross"))  # type: ignore[arg-type]
        rows.append((cx.w("stat.allowance_net"), "Rp" + cx.money(figures["net"]), "allowance-net"))  # type: ignore[arg-type]
    parts = [f"## {cx.w('home.glance', period=cx.ti(period.name))} {{#glance}}\n", facts(rows, "kj-facts kj-glance")]
    if figures["gross"] is not None and "allowance" in hidden:
        parts.append(para(cx.w("home.allowance_withheld", n=str(cx.site.min_group)), "kj-small"))
    dist: Counter[str] = figures["distribution"]  # type: ignore[assignment]
    parts.append(f"## {cx.w('home.distribution')} {{#distribution}}\n")
    if "distribution" in hidden:
        return parts + [para(cx.w("home.dist_withheld", n=str(cx.site.min_group), link=cx.a(c.METHODOLOGY,
                                                                                            cx.w("nav.methodology"),
                                                                                            anchor="privacy")))]
    parts.extend(distribution_block(cx, period, dist, chart_name, cx.w("home.distribution"),
                                    cx.w("home.distribution_desc", period=cx.t(period.name))))
    return parts


def distribution_block(cx: Cx, period: m.Period, dist: Counter[str], chart_name: str, title_html: str,
                       desc_html: str) -> list[str]:
    keys = list(REGIME_PREDIKAT.get(period.regime, engine.PREDIKAT_ORDER))
    keys += [k for k in dist if k not in keys]
    counts = [dist.get(k, 0) for k in keys]
    total = sum(counts)
    if not total:
        return [para(cx.w("unit.dist_none"))]
    svg_path = c.chart_file(period.id, chart_name, cx.lang)
    cx.site.charts[svg_path] = chart_svg(cx, charts.distribution_chart(keys, counts, [SHORT_PREDIKAT.get(k, k) for k in keys]),
                                         title_html, desc_html, f"dist-{period.id}")
    rows = [[cx.predikat(k), esc.cell(str(n), key=f"dist-{k}", numeric=True), esc.cell(cx.pct(n, total), numeric=True)]
            for k, n in zip(keys, counts, strict=True)]
    table = esc.table([cx.W("col.predikat"), cx.W("col.count"), cx.W("col.percent")], rows)
    return [figure(cx, svg_path, title_html, desc_html), esc.block(table)]


def chart_svg(cx: Cx, chart: charts.Chart, title_html: str, desc_html: str, ident: str) -> str:
    import html

    svg = charts.draw(chart, cx.site.chart_cache)
    return charts.label(svg, html.unescape(title_html), html.unescape(desc_html), ident)


def figure(cx: Cx, svg_path: str, title_html: str, desc_html: str) -> str:
    src = cx.href(svg_path, shared=True)
    return esc.block(f'<figure class="kj-chart"><img src="{esc.attr(src)}" alt="{title_html}. {desc_html}" '
                     f'loading="lazy"><figcaption><strong>{title_html}</strong><br>{desc_html}</figcaption></figure>')


def agencies_table(cx: Cx, period: m.Period) -> str:
    rows = []
    for unit in cx.site.agencies():
        members = cx.site.province.subtree(unit.id)
        results = [cx.site.unit_result(u, period.id) for u in members]
        employees = sum(r.employees for r in results if r)
        contracts = sum(r.with_contract for r in results if r)
        received = sum(coverage(r)[0] for r in results)
        due = sum(coverage(r)[1] for r in results)
        own = cx.site.unit_result(unit.id, period.id)
        warnings = len(own.warnings) if own else 0
        rows.append([cx.unit_link(unit.id, period.id if period.id in cx.site.unit_periods.get(unit.id, []) else None),
                     esc.cell(str(len(members)), numeric=True), esc.cell(str(employees), numeric=True),
                     esc.cell(str(contracts), numeric=True), esc.cell(cx.pct(received, due), numeric=True),
                     esc.cell(str(warnings), numeric=True)])
    return esc.block(esc.table([cx.W("col.unit"), cx.W("stat.units"), cx.W("col.employees"), cx.W("col.contracts"),
                                cx.W("col.coverage") + " (%)", cx.W("stat.warnings")], rows))


def home(cx: Cx, intro: str | None) -> str:
    site = cx.site
    government = site.province.settings.government
    parts: list[str] = []
    if intro:
        parts.append(intro.rstrip() + "\n")
        parts.append(esc.block(cx.switch()) if cx.switch() else "")
    else:
        parts.extend(heading(cx, cx.title(cx.W("home.title", government=government))))
    parts.append(notice(cx, "info" if site.privacy.public else "warning", cx.w(f"privacy.{site.privacy.mode}")))
    parts.append(para(cx.w("home.intro", government=cx.t(government))))
    parts.append(para(cx.w("home.find", link=cx.a(c.UNITS, cx.w("nav.units")))))
    period = site.current
    if period is not None:
        parts.extend(glance(cx, period, "distribution"))
        parts.append(f"## {cx.w('home.agencies')} {{#agencies}}\n")
        parts.append(agencies_table(cx, period))
    parts.append(f"## {cx.w('home.archive')} {{#archive}}\n")
    others = [p for p in site.periods() if p is not period]
    if others:
        parts.append(ul(cx.a(c.period_page(p.id), cx.t(p.name)) + f" — {cx.regime(p.regime)}" for p in others))
    else:
        parts.append(para(cx.w("home.archive_none")))
    parts.append(para(cx.w("generated", today=cx.date(site.today)), "kj-small"))
    return "\n".join(p for p in parts if p)


# --- units index ----------------------------------------------------------------------------------------------
def units_index(cx: Cx) -> str:
    site = cx.site
    period = site.current
    parts = heading(cx, cx.w("units.title"))
    if period is not None:
        parts.append(para(cx.w("units.intro", period=cx.t(period.name))))

    def tree(parent: str | None) -> str:
        items = []
        for unit in site.children.get(parent, []):
            result = site.unit_result(unit.id, period.id) if period else None
            count = f' <span class="kj-muted">({result.employees} {cx.w("col.employees").lower()})</span>' if result else ""
            sub = tree(unit.id)
            items.append(f"<li>{cx.unit_link(unit.id)}{count}{sub}</li>")
        return f"<ul>{''.join(items)}</ul>" if items else ""

    parts.append(esc.block(f'<nav class="kj-tree" aria-label="{esc.attr(cx.W("units.title"))}">{tree(None)}</nav>'))
    return "\n".join(p for p in parts if p)


# --- one unit in one period ---------------------------------------------------------------------------------------
def unit(cx: Cx, unit_id: str, period_id: str) -> str:
    site = cx.site
    province = site.province
    u = province.units[unit_id]
    period = province.periods[period_id]
    result = site.unit_result(unit_id, period_id)
    parts = heading(cx, cx.title(u.name))
    chain = site.ancestors(unit_id)
    if chain:
        parts.append(para(" › ".join(cx.unit_link(a.id, period_id if period_id in site.unit_periods.get(a.id, []) else None)
                                      for a in chain), "kj-crumbs"))
    head = next((p for p in site.positions_by_unit.get(unit_id, []) if p.head), None)
    received, due = coverage(result)
    rows = [
        (cx.w("period"), cx.t(period.name) + (f' <span class="kj-muted">({cx.w("current")})</span>'
                                              if site.current is period else ""), "period"),
        (cx.w("stat.regime"), cx.regime(period.regime), "regime"),
        (cx.w("unit.type"), cx.t(u.type), "type"),
        (cx.w("unit.head"), cx.t(head.title) if head else "-", "head"),
    ]
    if u.parent:
        rows.append((cx.w("unit.parent"), cx.unit_link(u.parent), "parent"))
    if result is not None:
        rows += [
            (cx.w("stat.employees"), str(result.employees), "employees"),
            (cx.w("stat.contracts"), str(result.with_contract), "contracts"),
            (cx.w("stat.assessments"), str(result.with_assessment), "assessments"),
            (cx.w("stat.coverage"), f"{cx.pct(received, due)}% ({received}/{due})", "coverage"),
        ]
        if result.allowance is not None and "allowance_totals" not in site.withheld(unit_id, period_id):
            rows.append((cx.w("stat.allowance_net"), "Rp" + cx.money(result.allowance.net.shown), "allowance-net"))
        elif result.allowance is not None:
            rows.append((cx.w("stat.allowance_net"), cx.w("withheld_short", n=str(site.min_group)), "allowance-net"))
    parts.append(f"## {cx.w('unit.summary')} {{#summary}}\n")
    parts.append(facts(rows))
    others = [p for p in site.unit_periods.get(unit_id, []) if p != period_id]
    if others:
        parts.append(para(cx.w("unit.other_periods") + ": " + ", ".join(
            cx.a(c.unit_page(unit_id, p, site.current.id if site.current else None), cx.t(province.periods[p].name))
            for p in others)))
    parts.extend(agreement_section(cx, unit_id, period))
    parts.extend(progress_section(cx, unit_id, period, result))
    parts.extend(distribution_section(cx, unit_id, period, result))
    parts.extend(positions_section(cx, unit_id, period))
    parts.append(f"## {cx.w('unit.subunits')} {{#subunits}}\n")
    children = site.children.get(unit_id, [])
    if children:
        parts.append(ul(cx.unit_link(child.id, period_id if period_id in site.unit_periods.get(child.id, []) else None)
                        for child in children))
    else:
        parts.append(para(cx.w("unit.no_subunits")))
    parts.append(f"## {cx.w('unit.downloads')} {{#downloads}}\n")
    period_name = cx.t(period.name)
    current = site.current.id if site.current else ""
    parts.append(ul([
        cx.a(c.data_file(period_id, unit_id, "json"), cx.w("unit.download_json", period=period_name), shared=True),
        cx.a(c.data_file(period_id, unit_id, "csv"), cx.w("unit.download_csv", period=period_name), shared=True),
        cx.a(c.unit_page(unit_id, current, current), cx.w("unit.history_link"), anchor="history"),
    ]))
    return "\n".join(p for p in parts if p)


def agreement_section(cx: Cx, unit_id: str, period: m.Period) -> list[str]:
    province = cx.site.province
    parts = [f"## {cx.w('unit.agreement')} {{#agreement}}\n"]
    agreement = province.agreements.get((unit_id, period.id))
    result = cx.site.unit_result(unit_id, period.id)
    if agreement is None:
        return parts + [para(cx.w("unit.no_agreement"))]
    parts.append(para(cx.w("unit.agreement_status", status=cx.status(agreement.status),
                           date=cx.date(agreement.approved_on))))
    by_id = {i.indicator_id: i for i in (result.indicators if result else [])}
    rows = []
    for goal in agreement.goals:
        for number, ind in enumerate(goal.indicators):
            item = by_id.get(ind.id)
            goal_cell = cx.t(goal.text) if number == 0 else ""
            rows.append([goal_cell, cx.t(ind.text),
                         esc.cell(f"{target_shown(cx, ind.target)} {cx.t(ind.unit)}", key=f"target-{ind.id}"),
                         esc.cell(realised_shown(cx, item) if item else "-", key=f"realised-{ind.id}", numeric=True),
                         esc.cell(achievement_shown(cx, item) if item else "-", key=f"achievement-{ind.id}",
                                  numeric=True),
                         note_shown(cx, item) if item else "-"])
    parts.append(esc.block(esc.table([cx.W("col.goal"), cx.W("col.indicator"), cx.W("col.target"),
                                      cx.W("col.realisation"), cx.W("col.achievement"), cx.W("col.status")], rows)))
    return parts


def cumulative_achievements(cx: Cx, unit_id: str, period: m.Period, labels: list[str]) -> list[float | None]:
    """Mean achievement of the agreement's indicators using the realisations up to each label."""
    province = cx.site.province
    agreement = province.agreements.get((unit_id, period.id))
    realisation = province.agreement_realisations.get((unit_id, period.id))
    if agreement is None or realisation is None:
        return [None] * len(labels)
    options = engine.options_for(period)
    out: list[float | None] = []
    for label in labels:
        end = m.reporting_period_bounds(label)[1]
        values = []
        for ind in agreement.indicators():
            upto = sorted(((e.reporting_period or "", e) for e in realisation.entries
                           if e.target == ind.id and e.reporting_period
                           and m.reporting_period_bounds(e.reporting_period)[1] <= end), key=lambda x: x[0])
            if not upto:
                continue
            item = engine.indicator_result(ind.id, ind, upto, options, with_value=False)
            if item.achievement is not None:
                values.append(float(item.achievement.shown))
        out.append(round(sum(values) / len(values), 1) if values else None)
    return out


def progress_section(cx: Cx, unit_id: str, period: m.Period, result: UnitResult | None) -> list[str]:
    parts = [f"## {cx.w('unit.progress')} {{#progress}}\n"]
    labels = list(result.realisation_coverage) if result else []
    if not labels:
        return parts + [para(cx.w("unit.progress_none"))]
    assert result is not None
    shares = [charts.percent(result.realisation_coverage[x], result.with_contract) for x in labels]
    achieved = cumulative_achievements(cx, unit_id, period, labels)
    unit_name = cx.site.province.units[unit_id].name
    title_html = cx.w("unit.progress_title", unit=cx.t(unit_name), period=cx.t(period.name))
    desc_html = cx.w("unit.progress_desc")
    svg_path = c.chart_file(period.id, unit_id, cx.lang)
    cx.site.charts[svg_path] = chart_svg(cx, charts.progress_chart(labels, shares, achieved), title_html, desc_html,
                                         f"progress-{unit_id}")
    parts.append(figure(cx, svg_path, title_html, desc_html))
    rows = [[esc.text(label), esc.cell(str(result.realisation_coverage[label]), numeric=True),
             esc.cell(cx.num(share, 1) if share is not None else "-", numeric=True),
             esc.cell(cx.num(a, 1) if a is not None else "-", numeric=True)]
            for label, share, a in zip(labels, shares, achieved, strict=True)]
    table = esc.table([cx.W("col.reporting_period"), cx.W("col.submitted"), cx.W("col.coverage_pct"),
                       cx.W("col.achievement_mean")], rows)
    parts.append(esc.block(f'<details class="kj-fallback" data-search-exclude><summary>{cx.w("unit.chart_table")}</summary>{table}</details>'))
    return parts


def distribution_section(cx: Cx, unit_id: str, period: m.Period, result: UnitResult | None) -> list[str]:
    site = cx.site
    parts = [f"## {cx.w('unit.distribution')} {{#distribution}}\n"]
    if result is None:
        return parts + [para(cx.w("unit.dist_none"))]
    sub_total = sum(result.subtree_distribution.values())
    hidden = site.withheld(unit_id, period.id)
    hide_own, hide_sub = "distribution" in hidden, "subtree_distribution" in hidden
    if not sub_total:
        parts.append(para(cx.w("unit.dist_none")))
    elif hide_own and hide_sub:
        parts.append(para(cx.w("unit.dist_withheld", n=str(site.min_group))))
    else:
        keys = list(REGIME_PREDIKAT.get(period.regime, engine.PREDIKAT_ORDER))
        keys += [k for k in result.subtree_distribution if k not in keys]
        rows = []
        for key in keys:
            own = "…" if hide_own else str(result.distribution.get(key, 0))
            sub = "…" if hide_sub else str(result.subtree_distribution.get(key, 0))
            share = "…" if hide_sub else cx.pct(result.subtree_distribution.get(key, 0), sub_total)
            rows.append([cx.predikat(key), esc.cell(own, key=f"own-{key}", numeric=True),
                         esc.cell(sub, key=f"sub-{key}", numeric=True), esc.cell(share, numeric=True)])
        parts.append(esc.block(esc.table([cx.W("col.predikat"), cx.W("unit.dist_own"), cx.W("unit.dist_subtree"),
                                          cx.W("col.percent")], rows)))
        if hide_own or hide_sub:
            parts.append(para(cx.w("unit.dist_complement", n=str(site.min_group),
                                   link=cx.a(c.METHODOLOGY, cx.w("nav.methodology"), anchor="privacy")), "kj-small"))
    if period.regime != "permenpanrb-6-2022":
        parts.append(para(cx.w("unit.guidance_na"), "kj-small"))
    elif site.province.units[unit_id].parent is not None:
        agency = site.agency_of(unit_id)
        parts.append(para(cx.w("unit.guidance_scope", link=cx.unit_link(agency, period.id if period.id in
                                                                           site.unit_periods.get(agency, []) else None))))
    elif result.warnings and hide_sub:
        parts.append(notice(cx, "warning", cx.w("unit.warnings_withheld", count=str(len(result.warnings)),
                                                 n=str(site.min_group)), cx.w("unit.warning")))
    elif result.warnings:
        for warning in result.warnings:
            parts.append(notice(cx, "warning", f"{esc.text(warning.code)}: {esc.text(warning.message(cx.lang))}",
                                cx.w("unit.warning")))
    elif sub_total:
        parts.append(notice(cx, "success", cx.w("unit.guidance_ok")))
    return parts


def _position_order(position: m.Position) -> tuple[int, int, str, str]:
    rank = {"jpt": 0, "administrator": 1, "pengawas": 2, "fungsional": 3, "pelaksana": 4}
    return (0 if position.head else 1, rank.get(position.cls, 5), position.title.lower(), position.id)


def positions_section(cx: Cx, unit_id: str, period: m.Period) -> list[str]:
    site = cx.site
    parts = [f"## {cx.w('unit.positions')} {{#positions}}\n"]
    if site.privacy.public:
        parts.append(para(cx.w("unit.positions_public"), "kj-small"))
    positions = sorted(site.positions_by_unit.get(unit_id, []), key=_position_order)
    if not positions:
        return parts + [para(cx.w("unit.no_positions"))]
    results: dict[str, list[EmployeeResult]] = {}
    for result in sorted(site.results(unit_id, period.id), key=lambda r: r.employee):
        results.setdefault(result.position, []).append(result)
    for position in positions:
        parts.append(f"### {cx.ti(position.title)} {{#pos-{position.id}}}\n")
        parts.append(position_facts(cx, position))
        group = results.get(position.id, [])
        if not group:
            parts.append(para(cx.w("unit.no_contract"), "kj-muted"))
        for number, result in enumerate(group, start=1):
            parts.extend(holder_block(cx, result, number if len(group) > 1 else None))
    return parts


def position_facts(cx: Cx, position: m.Position) -> str:
    province = cx.site.province
    bits = [cx.t(position.cls) + (", " + cx.w("unit.grade", grade=str(position.grade))
                                  if position.grade is not None else "")]
    if position.reports_to:
        boss = province.positions.get(position.reports_to)
        if boss is not None:
            current = cx.site.current.id if cx.site.current else ""
            bits.append(cx.w("unit.reports_to") + ": " + cx.a(c.unit_page(boss.unit, current, current),
                                                               cx.t(boss.title), anchor=f"pos-{boss.id}"))
    html = f'<p class="kj-muted">{" · ".join(bits)}</p>'
    if position.summary:
        html += f"<p>{cx.t(position.summary)}</p>"
    if position.duties:
        duties = "".join(f"<li>{cx.t(d.text)} → {cx.t(d.output)}</li>" for d in position.duties)
        html += f'<details class="kj-duties" data-search-exclude><summary>{cx.w("unit.duties")}</summary><ol>{duties}</ol></details>'
    return esc.block(html)


def holder_block(cx: Cx, result: EmployeeResult, number: int | None) -> list[str]:
    site = cx.site
    province = site.province
    contract = province.contracts.get((result.employee, result.period))
    parts = []
    label = []
    if site.privacy.people:
        employee = province.employees.get(result.employee)
        if employee is not None:
            label.append(f"<strong>{esc.text(employee.name)}</strong>")
            nip = site.privacy.nip(employee)
            if nip:
                label.append(f'<span class="kj-nip">NIP {esc.text(nip)}</span>')
                parsed = parse_nip(employee.nip or "")  # the appointment month, for the officer's PAK view
                if parsed is not None:
                    label.append(cx.w("unit.cpns_start", month=parsed.cpns_start.isoformat()[:7]))
        label.append(f'{cx.w("col.predikat")}: {cx.predikat(result.predikat)}')
        label.append(cx.a(c.employee_page(result.employee, result.period), cx.w("unit.employee_page")))
    elif number is not None:
        label.append(f"<strong>{cx.w('unit.holder', n=str(number))}</strong>")
    label.append(f'{cx.w("unit.result_status")}: {cx.status(result.status)}')
    parts.append(para(" · ".join(label), "kj-holder"))
    if result.indicators:
        rows = []
        for item in result.indicators:
            target = contract.target(item.target_id) if contract else None
            rows.append([cx.t(target.text) if target else esc.text(item.target_id), cx.t(item.text),
                         f"{target_shown(cx, item.target)} {cx.t(item.unit)}",
                         esc.cell(realised_shown(cx, item), numeric=True),
                         esc.cell(achievement_shown(cx, item), numeric=True), note_shown(cx, item)])
        parts.append(esc.block(esc.table([cx.W("col.target_text"), cx.W("col.indicator"), cx.W("col.target"),
                                          cx.W("col.realisation"), cx.W("col.achievement"), cx.W("col.status")], rows)))
    elif contract is not None:
        rows = []
        for target in contract.targets:
            aspects = []
            if target.quantity is not None:
                aspects.append(f"{cx.num(target.quantity.target)} {cx.t(target.quantity.unit or '')}")
            if target.quality is not None:
                aspects.append(f"{cx.num(target.quality)}%")
            if target.time is not None:
                aspects.append(f"{cx.num(target.time.target)} {cx.t(target.time.unit or '')}")
            if target.cost is not None:
                aspects.append("Rp" + cx.money(target.cost))
            figure_ = result.figures.get(f"activity:{target.id}")
            rows.append([cx.t(target.text), " · ".join(aspects) or "-",
                         esc.cell("-" if figure_ is None else cx.num(figure_.shown), numeric=True)])
        parts.append(esc.block(esc.table([cx.W("col.target_text"), cx.W("col.target"), cx.W("col.value")], rows)))
    notes = [n for n in result.notes if site.privacy.people or n.code not in ("K322", "K323", "K330", "K317")]
    if notes:
        parts.append(ul((f'<span class="kj-note">{esc.text(n.code)}: {cx.t(n.text(cx.lang))}</span>' for n in notes),
                        "kj-notes"))
    return parts


# --- period archive -----------------------------------------------------------------------------------------------
def periods_index(cx: Cx) -> str:
    site = cx.site
    parts = heading(cx, cx.w("periods.title"))
    parts.append(para(cx.w("periods.intro")))
    rows = []
    for period in site.periods():
        name = cx.a(c.period_page(period.id), cx.t(period.name))
        if period is site.current:
            name += f' <span class="kj-muted">({cx.w("current")})</span>'
        rows.append([name, cx.regime(period.regime), f"{cx.date(period.start)} – {cx.date(period.end)}"])
    parts.append(esc.block(esc.table([cx.W("col.period"), cx.W("col.regime"), cx.W("stat.dates")], rows)))
    return "\n".join(p for p in parts if p)


def period(cx: Cx, period_id: str) -> str:
    site = cx.site
    period_ = site.province.periods[period_id]
    parts = heading(cx, cx.title(period_.name))
    parts.extend(glance(cx, period_, f"distribution-{period_id}" if period_ is not site.current else "distribution"))
    parts.append(f"## {cx.w('period.units')} {{#units}}\n")
    current = site.current.id if site.current else None
    rows = []
    for unit in sorted(site.province.units.values(), key=lambda u: (site.agency_of(u.id), u.parent is not None,
                                                                     u.name.lower())):
        if period_id not in site.unit_periods.get(unit.id, []):
            continue
        result = site.unit_result(unit.id, period_id)
        received, due = coverage(result)
        rows.append([cx.a(c.unit_page(unit.id, period_id, current), cx.t(unit.name)),
                     esc.cell(str(result.employees if result else 0), numeric=True),
                     esc.cell(str(result.with_contract if result else 0), numeric=True),
                     esc.cell(cx.pct(received, due), numeric=True)])
    parts.append(esc.block(esc.table([cx.W("col.unit"), cx.W("col.employees"), cx.W("col.contracts"),
                                      cx.W("col.coverage") + " (%)"], rows)))
    return "\n".join(p for p in parts if p)
