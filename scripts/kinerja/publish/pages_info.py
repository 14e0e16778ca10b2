"""Reference pages: methodology (from the configuration), open data, data dictionary, error codes, how to
take part."""

from __future__ import annotations

from typing import Any, Mapping

import yaml

from .. import errors
from ..score import engine, pp46
from ..score import permenpanrb_6_2022 as r622
from ..score import permenpanrb_8_2021 as r821
from . import context as c
from . import escape as esc
from . import i18n
from .context import Cx
from .opendata import columns, schema_fields
from .pages import heading, para, ul


def pre(value: str) -> str:
    """A preformatted block whose lines survive a raw HTML block (newlines as character references)."""
    return "<pre><code>" + "&#10;".join(esc.text(line) for line in value.splitlines()) + "</code></pre>"


def _words(table: Mapping[str, Any], key: str, lang: str) -> str:
    word = table.get(key)
    if word is None:
        return esc.text(key)
    return esc.text(word(lang) if callable(word) else str(word))


# --- methodology ----------------------------------------------------------------------------------------------
def methodology(cx: Cx) -> str:
    site = cx.site
    parts = heading(cx, cx.w("meth.title"))
    parts.append(para(cx.w("meth.intro", command="<code>kinerja explain</code>")))
    if site.handwritten is not None and (site.handwritten / "api-scoring.md").is_file():
        parts.append(para(cx.w("meth.api_link", link=cx.a("api-scoring.md", "Scoring API", shared=True))))
    parts.append(f"## {cx.w('meth.site')} {{#site}}\n")
    parts.append(ul(cx.wl("meth.site_items")))
    if site.privacy.public:
        parts.append(f"## {cx.w('meth.privacy')} {{#privacy}}\n")
        parts.append(ul(cx.wl("meth.privacy_items", n=str(site.min_group), n_less=str(max(site.min_group - 1, 1)))))
    for period in site.periods():
        parts.extend(period_method(cx, period))
    return "\n".join(p for p in parts if p)


def period_method(cx: Cx, period: Any) -> list[str]:
    pid = period.id
    options = engine.options_for(period)
    cadence_key = f"meth.cadence.{period.cadence}"
    cadence = cx.w(cadence_key) if cadence_key in i18n.TABLE else esc.text(period.cadence)
    parts = [f"## {cx.w('meth.period', name=cx.ti(period.name), id=esc.inline(pid))} {{#period-{pid}}}\n",
             para(cx.w("meth.period_facts", start=cx.date(period.start), end=cx.date(period.end),
                       regime=cx.regime(period.regime), cadence=cadence, lock=cx.date(period.lock_date),
                       allowance=esc.text(period.allowance_rule or cx.W("none"))))]
    parts.append(f"### {cx.w('meth.formulas')} {{#formulas-{pid}}}\n")
    formulas = i18n.REGIME_FORMULAS.get(period.regime)
    if formulas:
        parts.append(ul(esc.text(item) for item in i18n.pick(formulas, cx.lang).split("|")))
    if period.regime == "pp46-2011":
        parts.append(f"### {cx.w('meth.bands')} {{#bands-{pid}}}\n")
        bands = options.get("predikat_bands", pp46.DEFAULT_PREDIKAT_BANDS)
        rows = [[_words(pp46.PREDIKAT_WORDS, b.get("id"), cx.lang), cx.num(b.get("min")), cx.num(b.get("max"))]
                for b in bands]
        parts.append(esc.block(esc.table([cx.W("col.predikat"), "min", "max"], rows)))
        parts.append(para("band_semantics: " + esc.text(options.get("band_semantics", "lower-bound")), "kj-small"))
    elif period.regime == "permenpanrb-8-2021":
        parts.append(f"### {cx.w('meth.bands')} {{#bands-{pid}}}\n")
        values = options.get("value_bands", r821.DEFAULT_VALUE_BANDS)
        rows = [[esc.text(b.get("id")), cx.num(b.get("min")), cx.num(b.get("max")), cx.num(b.get("from")),
                 cx.num(b.get("to"))] for b in values]
        parts.append(esc.block(esc.table(["id", "min %", "max %", "from", "to"], rows)))
        bands = options.get("predikat_bands", r821.DEFAULT_PREDIKAT_BANDS)
        rows = [[_words(r821.PREDIKAT_WORDS, b.get("id"), cx.lang), cx.num(b.get("min")),
                 cx.W("yes") if b.get("new_idea") else ""] for b in bands]
        parts.append(esc.block(esc.table([cx.W("col.predikat"), "min", "new_idea"], rows)))
    elif period.regime == "permenpanrb-6-2022":
        parts.append(f"### {cx.w('meth.matrix')} {{#matrix-{pid}}}\n")
        matrix = options.get("matrix", None) or r622.DEFAULT_MATRIX
        expectations = list(r622.EXPECTATIONS)
        rows = []
        for results in expectations:
            row = [f"<strong>{_words(r622.EXPECTATIONS, results, cx.lang)}</strong>"]
            for behaviour in expectations:
                cell_value = matrix.get(results, {}).get(behaviour) if isinstance(matrix, Mapping) else None
                row.append(_words(r622.PREDIKAT, cell_value or "-", cx.lang))
            rows.append(row)
        header = [cx.W("col.results") + " ↓ / " + cx.W("col.behaviour") + " →"]
        header += [i18n.pick((r622.EXPECTATIONS[k].id, r622.EXPECTATIONS[k].en), cx.lang) for k in expectations]
        parts.append(esc.block(esc.table(header, rows)))
        parts.append(f"### {cx.w('meth.distribution')} {{#distribution-{pid}}}\n")
        guidance = options.get("distribution", r622.DEFAULT_DISTRIBUTION)
        rows = []
        for org, rules in guidance.items():
            described = []
            for rule in rules:
                names = " / ".join(_words(r622.PREDIKAT, k, cx.lang) for k in rule.get("predikat", ()))
                key = f"meth.dist_rule.{rule.get('kind')}"
                if key in i18n.TABLE:
                    described.append(cx.w(key, percent=cx.num(rule.get("percent")), predikat=names))
            rows.append([_words(r622.ORGANISATION_RATINGS, org, cx.lang), "; ".join(described)])
        parts.append(esc.block(esc.table([cx.W("meth.org_rating"), cx.W("col.rule")], rows)))
        parts.append(para("distribution_rounding: " + esc.text(options.get("distribution_rounding", "strict")) +
                          " · annual_rule: " + esc.text(options.get("annual_rule", "assessor")), "kj-small"))
    parts.append(f"### {cx.w('meth.options')} {{#options-{pid}}}\n")
    if period.options:
        dumped = yaml.safe_dump(_plain(dict(period.options)), allow_unicode=True, sort_keys=True)
        parts.append(esc.block(pre(dumped)))
    else:
        parts.append(para(cx.w("meth.no_options")))
    unconfirmed = i18n.REGIME_UNCONFIRMED.get(period.regime)
    if unconfirmed:
        parts.append(f"### {cx.w('meth.unconfirmed')} {{#unconfirmed-{pid}}}\n")
        parts.append(ul(esc.text(item) for item in i18n.pick(unconfirmed, cx.lang).split("|")))
    if period.allowance_rule:
        parts.append(f"### {cx.w('meth.allowance')} {{#allowance-{pid}}}\n")
        parts.extend(allowance_rule(cx, period.allowance_rule))
    return parts


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def allowance_rule(cx: Cx, rule_id: str) -> list[str]:
    from ..score import allowance as tpp

    doc = cx.site.province.allowance_rules.get(rule_id)
    if doc is None:
        return [para(cx.w("meth.allowance_missing", rule=esc.text(rule_id)))]
    try:
        rule = tpp.rule_from_mapping(doc.data)
    except (tpp.RuleFormatError, ValueError, TypeError):
        return [para(cx.w("meth.allowance_missing", rule=esc.text(rule_id)))]
    parts = [para(f"<strong>{cx.t(rule.title)}</strong> ({esc.text(rule.id)})")]
    source = rule.source
    parts.append(para(f"{cx.w('meth.source')}: {cx.t(source.short())} — {cx.t(source.regulation)}"
                      + (f" · {esc.data_link(source.url, source.url)}" if source.url else "")))
    if rule.note:
        parts.append(para(cx.t(rule.note), "kj-small"))
    for version in rule.versions:
        end = cx.date(version.effective_to) if version.effective_to else cx.w("meth.open_end")
        text = cx.w("meth.allowance_version", start=cx.date(version.effective_from), end=end,
                    perf=cx.num(version.split.performance), disc=cx.num(version.split.discipline),
                    absent=cx.num(version.deductions.absent_day))
        parts.append(para(text))
        if version.performance.by_predikat:
            rows = [[cx.predikat(k), esc.cell(cx.num(v), numeric=True)]
                    for k, v in version.performance.by_predikat.items()]
            parts.append(esc.block(esc.table([cx.W("col.predikat"), cx.W("col.percent_of_perf")], rows)))
        if version.performance.by_score:
            rows = [[f"{cx.num(b.min)} – {cx.num(b.max)}", esc.cell(cx.num(b.percent), numeric=True)]
                    for b in version.performance.by_score]
            parts.append(esc.block(esc.table([cx.W("col.value"), cx.W("col.percent_of_perf")], rows)))
        if version.source is not None:
            parts.append(para(f"{cx.w('meth.source')}: {cx.t(version.source.short())} — {cx.t(version.source.regulation)}",
                              "kj-small"))
    return parts


# --- open data ------------------------------------------------------------------------------------------------
def open_data(cx: Cx, schemas: Mapping[str, Mapping[str, Any]]) -> str:
    site = cx.site
    parts = heading(cx, cx.w("od.title"))
    parts.append(para(cx.w("od.intro")))
    parts.append(para(cx.w("od.dictionary", link=cx.a(c.DICTIONARY, cx.w("nav.dictionary")))))
    parts.append(para(cx.w("od.csv_note"), "kj-small"))
    parts.append(f"## {cx.w('od.whole')} {{#whole}}\n")
    rows = []
    for period in site.periods():
        name = cx.t(period.name)
        rows.append([name, cx.a(c.data_file(period.id, None, "json"), "JSON", shared=True),
                     cx.a(c.data_file(period.id, None, "csv"), "CSV", shared=True)])
    parts.append(esc.block(esc.table([cx.W("col.period"), "JSON", "CSV"], rows)))
    parts.append(f"## {cx.w('od.per_unit')} {{#per-unit}}\n")
    rows = []
    for unit in sorted(site.province.units.values(), key=lambda u: (u.name.lower(), u.id)):
        for period_id in site.unit_periods.get(unit.id, []):
            rows.append([cx.unit_link(unit.id, period_id), cx.t(site.province.periods[period_id].name),
                         cx.a(c.data_file(period_id, unit.id, "json"), "JSON", shared=True),
                         cx.a(c.data_file(period_id, unit.id, "csv"), "CSV", shared=True)])
    table = esc.table([cx.W("col.unit"), cx.W("col.period"), "JSON", "CSV"], rows)
    parts.append(esc.block(f"<div data-search-exclude>{table}</div>"))
    parts.append(f"## {cx.w('od.schemas')} {{#schemas}}\n")
    items = []
    for name, schema in schemas.items():
        label = schema.get("x-title-id") if cx.lang != "en" and schema.get("x-title-id") else schema.get("title", name)
        items.append(cx.a(f"schemas/{name}", esc.text(name), shared=True) + f" — {esc.text(label)}")
    parts.append(ul(items))
    return "\n".join(p for p in parts if p)


def dictionary(cx: Cx, schemas: Mapping[str, Mapping[str, Any]]) -> str:
    parts = heading(cx, cx.w("dict.title"))
    parts.append(para(cx.w("dict.intro")))
    parts.append(f"## {cx.w('dict.csv')} {{#csv}}\n")
    rows = [[f"<code>{esc.text(col)}</code>", cx.w(f"csv.{col}")] for col in columns(cx.site.privacy)]
    parts.append(esc.block(esc.table([cx.W("col.field"), cx.W("col.description")], rows)))
    for name, schema in schemas.items():
        kind = name.replace(".schema.json", "")
        label = schema.get("x-title-id") if cx.lang != "en" and schema.get("x-title-id") else schema.get("title", name)
        parts.append(f"## {esc.inline(label)} {{#schema-{kind}}}\n")
        description = schema.get("x-description-id") if cx.lang != "en" and schema.get("x-description-id") \
            else schema.get("description", "")
        parts.append(para(cx.w("dict.schema_file", file=cx.a(f"schemas/{name}", esc.text(name), shared=True))
                          + (f" — {esc.text(description)}" if description else "")))
        rows = [[f"<code>{esc.text(path)}</code>", esc.text(kind_), esc.text(req), esc.text(desc)]
                for path, kind_, req, desc in schema_fields(schema, cx.lang)]
        parts.append(esc.block(esc.table([cx.W("col.field"), cx.W("col.format"), cx.W("col.required"),
                                          cx.W("col.description")], rows)))
    return "\n".join(p for p in parts if p)


# --- error codes ----------------------------------------------------------------------------------------------
def error_codes(cx: Cx) -> str:
    parts = heading(cx, cx.w("err.title"))
    parts.append(para(cx.w("err.intro", command="<code>kinerja validate</code>", placeholder="<code>&#123;…&#125;</code>")))
    family = None
    for code in sorted(errors.CATALOGUE):
        kind = errors.CATALOGUE[code]
        if code[:2] != family:
            family = code[:2]
            parts.append(f"## {cx.w('err.family', family=esc.inline(family + 'xx'))} {{#family-{family.lower()}}}\n")
        parts.append(f"### {esc.inline(code)} — {esc.inline(kind.name)} {{#{code.lower()}}}\n")
        rows = [
            (cx.w("col.status"), cx.w(f"err.severity.{kind.severity}"), "severity"),
            (cx.w("err.message"), esc.text(kind.message(cx.lang)), "message"),
        ]
        if kind.hint(cx.lang):
            rows.append((cx.w("err.hint"), esc.text(kind.hint(cx.lang)), "hint"))
        body = "".join(f'<tr><th scope="row">{label}</th>{esc.cell(value, key=key)}</tr>' for label, value, key in rows)
        parts.append(esc.block(f'<div class="kj-scroll"><table class="kj-facts"><tbody>{body}</tbody></table></div>'))
    return "\n".join(p for p in parts if p)


# --- how to take part -----------------------------------------------------------------------------------------
EXAMPLE_REALISATION = """employee: <pegawai>
period: "2026"
reporting_period: "2026-03"
submitted_on: "2026-04-02"
entries:
  - target: t1
    indicator: i1
    value: 85
    evidence:
      - title: SK penempatan
        url: https://arsip.example.go.id/sk/123
  - target: t2
    not_available: Data BPS belum terbit
"""


def take_part(cx: Cx) -> str:
    validate = "<code>kinerja validate</code>"
    parts = heading(cx, cx.w("tp.title"))
    parts.append(para(cx.w("tp.intro")))
    parts.append(f"## {cx.w('tp.propose')} {{#propose}}\n")
    steps = cx.wl("tp.propose_steps", skp="<code>contracts/units/&lt;unit&gt;/&lt;periode&gt;/skp/&lt;pegawai&gt;.yaml</code>",
                  validate=validate)
    parts.append(esc.block("<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"))
    parts.append(f"## {cx.w('tp.realise')} {{#realise}}\n")
    steps = cx.wl("tp.realise_steps", validate=validate,
                  path="<code>contracts/units/&lt;unit&gt;/&lt;periode&gt;/realisations/&lt;pegawai&gt;/"
                       "&lt;periode-pelaporan&gt;.yaml</code>")
    parts.append(esc.block("<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"))
    parts.append(f"### {cx.w('tp.example')} {{#example}}\n")
    parts.append(esc.block(pre(EXAMPLE_REALISATION)))
    parts.append(f"## {cx.w('tp.questions')} {{#questions}}\n")
    parts.append(para(cx.w("tp.questions_text")))
    parts.append(para(" · ".join([cx.a(c.METHODOLOGY, cx.w("nav.methodology")), cx.a(c.OPEN_DATA, cx.w("nav.open_data")),
                                  cx.a(c.HISTORY, cx.w("nav.history")), cx.a(c.ERRORS, cx.w("nav.errors"))])))
    return "\n".join(p for p in parts if p)
