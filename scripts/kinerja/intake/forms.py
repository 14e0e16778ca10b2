"""The two intake forms, rendered for the static site and for the intake service.

:func:`render_forms` writes, into a folder of the site's ``docs``::

    realisasi.md                         "Laporkan realisasi" (a Markdown page holding a raw HTML <form>)
    usulan.md                            "Usulkan kontrak / perubahan"
    assets/kinerja-forms.js              the one script (no external scripts, no inline handlers)
    assets/kinerja-forms.css
    assets/kinerja-forms-data/index.json units, periods, schema rules, messages, texts, submit settings
    assets/kinerja-forms-data/units/<unit>.json   one unit's positions, employees, contracts

The script finds its data next to itself (``kinerja-forms-data/`` beside the script's URL), so the
pages can sit at any depth. The site generator adds the script and the style sheet to the pages (for
MkDocs: ``extra_javascript`` / ``extra_css``), or passes ``asset_url`` so each page links them itself.

The forms build the YAML in the browser in the canonical shape of :func:`kinerja.load.yamlsafe.dump`,
offer it for download, and submit it by Path A (a "propose on the Git host" link) or Path B (the intake
service), as configured in :class:`FormsConfig`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from markupsafe import Markup, escape

from ..load import Loaded
from ..outdir import FORMS, replacing
from . import formdata, hosts
from .texts import TEXTS

ASSETS = Path(__file__).resolve().parent / "assets"
SCRIPT = "kinerja-forms.js"
STYLE = "kinerja-forms.css"
DATA_DIR = "kinerja-forms-data"


@dataclass
class FormsConfig:
    """How the forms are built and where they submit. Every option is optional.

    ``staff``: show employees' names (a staff build; never the NIP). ``intake_url``: the intake service's
    address for Path B (e.g. ``https://intake.bkd.example.go.id/``); None hides Path B. ``git_host``
    (github | gitlab | gitea | forgejo), ``git_repo`` (owner/name), ``git_branch``, ``git_base_url`` and
    ``git_url_template``: Path A; no host hides it. ``asset_url``: when set, each page links the script and
    style sheet itself from this URL (the ``assets`` folder as seen from the pages). ``page_names``: the
    file names (without ``.md``) of the realisation and contract pages.
    """

    staff: bool = False
    intake_url: str | None = None
    git_host: str | None = None
    git_repo: str | None = None
    git_branch: str = "main"
    git_base_url: str | None = None
    git_url_template: str | None = None
    asset_url: str | None = None
    page_names: tuple[str, str] = ("realisasi", "usulan")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> "FormsConfig":
        """From a plain mapping (e.g. the site plugin's options); unknown keys are refused."""
        values = dict(values or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown intake form option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "page_names" in values:
            values["page_names"] = tuple(values["page_names"])
        return cls(**values)

    def submit(self) -> dict[str, Any]:
        """The submit settings the browser reads from ``index.json``."""
        return {"intake_url": self.intake_url,
                "git": hosts.git_link(self.git_host, self.git_repo, self.git_branch, self.git_base_url,
                                      self.git_url_template)}


@dataclass
class RenderedForms:
    """What :func:`render_forms` wrote (paths inside ``out_dir``)."""

    pages: dict[str, Path] = field(default_factory=dict)
    javascript: Path | None = None
    css: Path | None = None
    data: list[Path] = field(default_factory=list)

    def moved(self, old: Path, new: Path) -> RenderedForms:
        """The same paths once the folder ``old`` is renamed ``new``."""
        def move(path: Path) -> Path:
            return new / path.relative_to(old)

        return RenderedForms({name: move(p) for name, p in self.pages.items()},
                             move(self.javascript) if self.javascript else None,
                             move(self.css) if self.css else None, [move(p) for p in self.data])


def _t(lang: str, key: str) -> Markup:
    return escape(TEXTS["en" if lang == "en" else "id"][key])


def _field(prefix: str, name: str, label: Markup, control: str) -> str:
    return f'<div class="kf-field"><label for="{prefix}-{name}">{label}</label>{control}</div>'


def _select(prefix: str, name: str, lang: str, disabled: bool = True) -> str:
    return (f'<select id="{prefix}-{name}" name="{name}" data-kf="{name}" required aria-required="true"'
            f'{" disabled" if disabled else ""}><option value="">{_t(lang, "choose")}</option></select>')


def _output(prefix: str, lang: str) -> str:
    t = lambda key: _t(lang, key)  # noqa: E731
    return "".join([
        f'<div class="kf-errors" data-kf="errors" tabindex="-1" hidden><h3 id="{prefix}-errors-title">{t("errors_title")}</h3><ul></ul></div>',
        f'<div class="kf-actions"><button type="submit" class="kf-primary" data-kf="check">{t("check")}</button></div>',
        f'<section class="kf-output" data-kf="output" hidden aria-labelledby="{prefix}-out-title">',
        f'<h3 id="{prefix}-out-title" tabindex="-1">{t("step_output")}</h3>',
        f'<p>{t("output_file")}: <code data-kf="path"></code></p>',
        f'<pre class="kf-yaml" aria-label="{t("output_title")}"><code data-kf="yaml"></code></pre>',
        f'<p class="kf-actions"><a class="kf-button" data-kf="download" download href="#">{t("download")}</a></p>',
        '<div data-kf="path-a" hidden><p class="kf-actions"><a class="kf-button" data-kf="path-a-link" '
        'target="_blank" rel="noopener noreferrer" href="#"></a></p><p class="kf-note" data-kf="path-a-help"></p></div>',
        '<div data-kf="path-b" hidden>',
        f'<fieldset class="kf-login" data-kf="login" hidden><legend>{t("login_title")}</legend>',
        _field(prefix, "user", t("user"),
               f'<input id="{prefix}-user" name="user" data-kf="user" autocomplete="username" autocapitalize="none" spellcheck="false">'),
        _field(prefix, "password", t("password"),
               f'<input id="{prefix}-password" name="password" type="password" data-kf="password" autocomplete="current-password">'),
        f'<p class="kf-actions"><button type="button" data-kf="login-button">{t("login")}</button></p></fieldset>',
        '<p class="kf-note" data-kf="session" hidden></p>',
        f'<p class="kf-actions"><button type="button" class="kf-primary" data-kf="send">{t("path_b")}</button> '
        f'<button type="button" data-kf="logout" hidden>{t("logout")}</button></p>',
        f'<p class="kf-note">{t("path_b_help")}</p></div>',
        '<div class="kf-receipt" data-kf="receipt" role="status" aria-live="polite" tabindex="-1" hidden></div>',
        '</section>',
    ])


def realisation_form(lang: str = "id") -> str:
    """The "Laporkan realisasi" form (an HTML fragment without blank lines, safe inside Markdown)."""
    p, t = "kfr", (lambda key: _t(lang, key))
    return "\n".join([
        f'<form class="kf" id="{p}" data-kinerja-form="realisation" lang="{escape(lang)}" novalidate>',
        f'<p class="kf-intro">{t("intro_realisation")}</p>',
        f'<noscript><p class="kf-warn">{t("noscript")}</p></noscript>',
        f'<p class="kf-status" data-kf="status" role="status" aria-live="polite">{t("loading")}</p>',
        f'<fieldset class="kf-step"><legend>{t("step_choose")}</legend>',
        _field(p, "unit", t("unit"), _select(p, "unit", lang, disabled=False)),
        _field(p, "employee", t("employee"), _select(p, "employee", lang)),
        _field(p, "period", t("period"), _select(p, "period", lang)),
        _field(p, "reporting_period", t("reporting_period"), _select(p, "reporting_period", lang)),
        '<p class="kf-note" data-kf="choose-note" hidden></p>',
        '</fieldset>',
        f'<fieldset class="kf-step"><legend>{t("step_entries")}</legend>',
        f'<div data-kf="entries"><p class="kf-note">{t("entries_empty")}</p></div>',
        _field(p, "submitted_on", t("submitted_on"),
               f'<input type="date" id="{p}-submitted_on" name="submitted_on" data-kf="submitted_on" data-rule="submitted_on">'),
        '</fieldset>',
        _output(p, lang),
        '</form>',
    ])


def contract_form(lang: str = "id") -> str:
    """The "Usulkan kontrak / perubahan" form (an HTML fragment)."""
    p, t = "kfc", (lambda key: _t(lang, key))
    return "\n".join([
        f'<form class="kf" id="{p}" data-kinerja-form="contract" lang="{escape(lang)}" novalidate>',
        f'<p class="kf-intro">{t("intro_contract")}</p>',
        f'<noscript><p class="kf-warn">{t("noscript")}</p></noscript>',
        f'<p class="kf-status" data-kf="status" role="status" aria-live="polite">{t("loading")}</p>',
        f'<fieldset class="kf-step"><legend>{t("step_contract")}</legend>',
        _field(p, "unit", t("unit"), _select(p, "unit", lang, disabled=False)),
        _field(p, "position", t("position"), _select(p, "position", lang)),
        _field(p, "period", t("period"), _select(p, "period", lang)),
        _field(p, "employee", t("holder"), _select(p, "employee", lang)),
        _field(p, "status", t("status"),
               f'<select id="{p}-status" name="status" data-kf="status-select">'
               f'<option value="proposed">{t("status_proposed")}</option><option value="draft">{t("status_draft")}</option></select>'),
        '<p class="kf-note" data-kf="choose-note" hidden></p>',
        '</fieldset>',
        f'<fieldset class="kf-step"><legend>{t("step_targets")}</legend>',
        f'<div data-kf="targets"><p class="kf-note">{t("targets_empty")}</p></div>',
        f'<p class="kf-actions"><button type="button" data-kf="add-target" disabled>{t("add_target")}</button></p>',
        '</fieldset>',
        _output(p, lang),
        '</form>',
    ])


def _page(title: Markup, form: str, config: FormsConfig) -> str:
    head = ""
    if config.asset_url:
        base = escape(config.asset_url.rstrip("/"))
        head = (f'<link rel="stylesheet" href="{base}/{STYLE}">\n'
                f'<script src="{base}/{SCRIPT}" defer></script>\n')
    return f"# {title}\n\n{head}{form}\n"


def write_assets(out: Path) -> tuple[Path, Path]:
    """Copy the script and the style sheet into ``out`` (a folder)."""
    out.mkdir(parents=True, exist_ok=True)
    js, css = out / SCRIPT, out / STYLE
    shutil.copyfile(ASSETS / SCRIPT, js)
    shutil.copyfile(ASSETS / STYLE, css)
    return js, css


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def render_forms(loaded: Loaded, out_dir: Path, lang: str = "id",
                 config: FormsConfig | Mapping[str, Any] | None = None) -> RenderedForms:
    """Write the two form pages, the script, the style sheet and the forms' data into ``out_dir``.

    ``loaded`` is the output of :func:`kinerja.load.load_tree` (valid data is expected; the forms only
    offer what the data holds). Returns the paths written. ``out_dir`` is replaced as a whole, and only
    when it is missing, empty or made by this function (:mod:`kinerja.outdir`; else
    :class:`~kinerja.outdir.OutputRefused`); nothing outside it is touched.
    """
    if not isinstance(config, FormsConfig):
        config = FormsConfig.from_mapping(config)
    out_dir = Path(out_dir)
    with replacing(out_dir, FORMS, (loaded.root,)) as staging:
        written = _render_into(staging, loaded, lang, config)
    return written.moved(staging, out_dir)


def _render_into(folder: Path, loaded: Loaded, lang: str, config: FormsConfig) -> RenderedForms:
    """Write the forms into ``folder`` (a new, empty staging folder)."""
    result = RenderedForms()
    real_name, contract_name = config.page_names
    pages = {real_name: _page(_t(lang, "title_realisation"), realisation_form(lang), config),
             contract_name: _page(_t(lang, "title_contract"), contract_form(lang), config)}
    for name, text in pages.items():
        path = folder / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        result.pages[name] = path
    assets = folder / "assets"
    result.javascript, result.css = write_assets(assets)
    data = assets / DATA_DIR
    (data / "units").mkdir(parents=True)
    index = formdata.index(loaded, lang, config.staff, config.submit())
    (data / "index.json").write_text(dumps(index), encoding="utf-8")
    result.data.append(data / "index.json")
    for unit_id, unit_data in formdata.all_units(loaded, config.staff).items():
        path = data / "units" / f"{unit_id}.json"
        path.write_text(dumps(unit_data), encoding="utf-8")
        result.data.append(path)
    return result


def service_page(kind: str, lang: str, root: str = "") -> str:
    """A whole HTML page with one form, as the intake service serves it (``root``: the app's relative root)."""
    title = _t(lang, "title_realisation" if kind == "realisation" else "title_contract")
    form = realisation_form(lang) if kind == "realisation" else contract_form(lang)
    return page_shell(title, form, lang, root)


def page_shell(title: Markup | str, body: str, lang: str, root: str = "") -> str:
    """The intake service's page frame: no inline script or style (a strict CSP applies)."""
    t = lambda key: _t(lang, key)  # noqa: E731
    query = "?lang=en" if lang == "en" else ""
    return "\n".join([
        "<!doctype html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f'<link rel="stylesheet" href="{root}assets/{STYLE}">',
        f'<script src="{root}assets/{SCRIPT}" defer></script>',
        "</head>",
        '<body class="kf-page">',
        f'<header class="kf-header"><nav aria-label="{t("home")}"><a href="{root}./{query}">{t("title_realisation")}</a> '
        f'<a href="{root}usulan{query}">{t("title_contract")}</a></nav></header>',
        f'<main id="main"><h1>{escape(title)}</h1>',
        body,
        "</main>",
        "</body>",
        "</html>",
        "",
    ])
