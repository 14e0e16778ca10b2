"""The published site (kinerja.publish and the MkDocs plugin): generator, escaping, privacy, history,
charts, the CLI and a real ``mkdocs build --strict``.

The site of the test instance is built once per session (:func:`built_site`); the browser tests in
``test_site_browser.py`` use the same build.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI, REPO, run_cli

# --- the test instance ------------------------------------------------------------------------------------------
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_LINK = "[x](javascript:alert(1))"
PAYLOAD_TARGET = f"Tercatatnya surat {SCRIPT} {MD_LINK} {{: onclick=alert(1)}}"
PAYLOAD_INDICATOR = f"Persentase surat {IMG} tercatat"
PAYLOAD_UNIT = "Bidang Umum </title><b>tebal</b>"
EMPLOYEES = {  # id: (name, NIP as written)
    "e-kepala": ("Budi Santoso", "19700101 199503 1 001"),
    "e-kabid": ("Sri Wahyuni", "198001012005012002"),
    "e-staf": ("Agus Salim", "199002022015031003"),
}
GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}


def _git(repo: Path, *args: str, date: str | None = None, author: tuple[str, str] | None = None) -> None:
    env = dict(os.environ, **GIT_ENV)
    name, email = author or ("Admin Kinerja", "admin@example.go.id")
    env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)


HANDWRITTEN = ("index.md", "site.md", "api-scoring.md", "regulations.md", "assets")


def copy_docs(target: Path) -> None:
    """The hand-written pages the site links to (other pages may quote the fixture's ids as examples)."""
    target.mkdir(parents=True)
    for name in HANDWRITTEN:
        source = REPO / "docs" / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)


def make_instance(target: Path) -> Path:
    """The mini instance with XSS payloads in its texts, a hand-written docs/, mkdocs.yml, and a Git
    history in which a target changes after its period started (committed by an employee, with an
    employee's name in the message)."""
    shutil.copytree(MINI, target)
    copy_docs(target / "docs")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    org = target / "contracts/organisation.yaml"
    org.write_text(org.read_text().replace("name: Bidang Umum", f'name: "{PAYLOAD_UNIT}"'))
    skp = target / "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    text = skp.read_text()
    text = text.replace("text: Tercatatnya seluruh surat masuk dan keluar", f'text: "{PAYLOAD_TARGET}"')
    text = text.replace("text: Persentase surat yang tercatat pada hari yang sama", f'text: "{PAYLOAD_INDICATOR}"')
    skp.write_text(text)
    real = target / "contracts/units/dinas-umum/2026/realisations/e-staf/2026-03.yaml"
    real.write_text(real.read_text().replace("note: Semua surat tercatat.",
                                             'note: "Catatan [klik](javascript:alert(1)) <b>tebal</b>"'))
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "Data awal", date="2025-12-15T09:00:00+07:00")
    skp.write_text(skp.read_text().replace("target: 95", "target: 97"))
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "Naikkan target Agus Salim (NIP 199002022015031003)\n\nApproved-by: Budi Santoso",
         date="2026-02-10T10:00:00+07:00", author=("Sri Wahyuni", "sri@example.go.id"))
    return target


def mkdocs(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=full, capture_output=True, text=True,
                          timeout=300)


@dataclass
class Built:
    root: Path
    site: Path
    log: str


_BUILT: dict[str, Built] = {}


def built_site(factory: pytest.TempPathFactory, mode: str = "public") -> Built:
    """The test instance built with ``mkdocs build --strict`` (once per session and mode)."""
    if mode not in _BUILT:
        root = make_instance(factory.mktemp(f"site-{mode}") / "instance")
        result = mkdocs(root, "build", "--strict", env={"KINERJA_SITE_MODE": mode})
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        _BUILT[mode] = Built(root, root / "site", result.stderr)
    return _BUILT[mode]


@pytest.fixture(scope="session")
def public(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_site(tmp_path_factory, "public")


@pytest.fixture(scope="session")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_site(tmp_path_factory, "staff")


def all_text(site: Path) -> dict[str, str]:
    """Every text file of a built site, raw and with HTML and JSON escapes undone."""
    out = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".svg", ".xml", ".txt", ".js", ".md"):
            raw = path.read_text(encoding="utf-8", errors="replace")
            decoded = html.unescape(raw)
            if path.suffix == ".json":
                try:
                    decoded += "\n" + json.dumps(json.loads(raw), ensure_ascii=False)
                except ValueError:
                    pass
            out[path.relative_to(site).as_posix()] = raw + "\n" + decoded
    return out


# --- escaping ---------------------------------------------------------------------------------------------------
def test_text_leaves_no_markup_and_no_markdown() -> None:
    from kinerja.publish import escape as esc

    for payload in (SCRIPT, IMG, MD_LINK, "**bold** _it_ `code` # h {: #x} | a | ![i](x)"):
        out = esc.text(payload)
        assert not set(re.sub(r"&#\d+;", "", out)) & set("<>[]()`*_{}|#!&"), out
        assert html.unescape(out) == payload  # reads the same
    assert esc.text("a\nb") == "a<br>b"
    assert "\u2039" in esc.title("</title>") and "<" not in esc.title("</title>")


def test_only_http_links_from_the_data_are_live() -> None:
    from kinerja.publish import escape as esc

    assert esc.safe_url("https://arsip.example.go.id/a?b=1") == "https://arsip.example.go.id/a?b=1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "/relative", "http://x\" onx=1",
                "vbscript:x", None, 3):
        assert esc.safe_url(bad) is None
    assert "href" not in esc.data_link("javascript:alert(1)", "klik")


def test_relative_links_follow_mkdocs_urls() -> None:
    from kinerja.publish.context import relative

    assert relative("units/a/index.md", "units/b/index.md", True) == "../b/"
    assert relative("units/a/index.md", "units/a/2025.md", True) == "2025/"
    assert relative("index.md", "units/index.md", True) == "units/"
    assert relative("en/units/a/index.md", "units/a/index.md", True) == "../../../units/a/"
    assert relative("units/a/2025.md", "data/2025/a.json", True) == "../../../data/2025/a.json"
    assert relative("units/a/index.md", "index.md", True) == "../../"
    assert relative("units/a/index.md", "units/b/index.md", False) == "../b/index.html"
    assert relative("index.md", "methodology.md", False) == "methodology.html"


# --- privacy ----------------------------------------------------------------------------------------------------
def test_nip_masking_and_scrubbing() -> None:
    from kinerja.model import Employee, Source
    from kinerja.publish.privacy import Redactor, mask_nip

    assert mask_nip("19850312 201001 2 003") == "*" * 15 + "003"
    people = [Employee("p1", "19850312 201001 2 003", "pns", "Siti Rahmawati, S.Kom.", "u", (), Source("x"))]
    scrub = Redactor.for_people(people)
    text = scrub("Diubah oleh Siti Rahmawati (NIP 19850312 201001 2 003) dan siti rahmawati, S.Kom. lagi")
    assert "Siti" not in text and "siti" not in text and "1985" not in text
    assert scrub("Rahmawati sendiri tetap") == "Rahmawati sendiri tetap"


def test_every_phrase_exists_in_both_languages() -> None:
    from kinerja.publish import i18n

    for key, (indonesian, english) in i18n.TABLE.items():
        assert indonesian and english, key
        assert sorted(re.findall(r"\{(\w+)\}", indonesian)) == sorted(re.findall(r"\{(\w+)\}", english)), key
        assert indonesian.count("|") == english.count("|"), key


# --- the generator ----------------------------------------------------------------------------------------------
def _load(root: Path):
    from kinerja.load import load_tree
    from kinerja.score import engine

    loaded = load_tree(root)
    return loaded, engine.score(loaded.province)


def test_generate_site_writes_the_tree_atomically(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kinerja.publish import SiteError, generate_site, pages

    loaded, run = _load(mini)
    out = tmp_path / "gen" / "docs"
    result = generate_site(loaded, run, out, history=False)
    files = set(result.files)
    for expected in ("index.md", "units/index.md", "units/dinas/index.md", "units/dinas-umum/index.md",
                     "en/units/dinas/index.md", "methodology.md", "open-data.md", "data-dictionary.md", "errors.md",
                     "history/index.md", "take-part.md", "data/2026/all.csv", "data/2026/all.json",
                     "data/2026/dinas.json", "data/2026/dinas-umum.csv", "charts/2026/dinas-umum.id.svg",
                     "charts/2026/distribution.en.svg", "schemas/contract.schema.json"):
        assert expected in files, expected
    assert not any(f.startswith("people/") or f == "monitoring.md" for f in files)  # staff pages only in staff mode
    before = (out / "index.md").read_text()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "methodology", broken, raising=False)
    from kinerja.publish import pages_info

    monkeypatch.setattr(pages_info, "methodology", broken)
    with pytest.raises(RuntimeError):
        generate_site(loaded, run, out, history=False)
    assert (out / "index.md").read_text() == before  # the old tree is intact
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".docs-")] == []  # no staging left over
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(SiteError):
        generate_site(loaded, run, foreign, history=False)
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_navigation_is_compact() -> None:
    from kinerja.load import load_tree
    from kinerja.publish import generate_site  # noqa: F401 - the module must import
    from kinerja.publish.context import Cx, SiteData
    from kinerja.publish.history import History
    from kinerja.publish.privacy import Privacy
    from kinerja.publish.site import navigation
    from kinerja.score import engine

    loaded = load_tree(MINI)
    site = SiteData(loaded, engine.score(loaded.province), Privacy.for_mode("public", loaded.province),
                    History(False), ("id", "en"), "id")
    site.prepare()
    nav = navigation(Cx(site, "id"))
    assert len(nav) <= 10 and not any("units/" in p and p != "units/index.md" for item in nav for p in item.values())
    assert [p for item in navigation(Cx(site, "en")) for p in item.values()][0] == "en/index.md"


def test_charts_are_deterministic_accessible_svg(tmp_path: Path) -> None:
    from kinerja.publish import charts

    chart = charts.progress_chart(["2026-01", "2026-02", "2026-03"], [50.0, None, 100.0], [None, 80.0, 101.0])
    first, second = charts.draw(chart), charts.draw(chart)
    assert first == second and "<svg" in first and "Date" not in first
    cached = charts.draw(chart, tmp_path)
    assert cached == first and list(tmp_path.glob("*.svg"))
    labelled = charts.label(first, "Judul <b>", "Keterangan & data", "c1")
    assert '<title id="c1-title">Judul &lt;b&gt;</title>' in labelled and 'role="img"' in labelled
    assert "<script" not in labelled and "http://" not in labelled.replace("http://www.w3.org", "")


def test_history_flags_a_target_changed_after_the_period_started(tmp_path: Path) -> None:
    from kinerja.load import load_tree
    from kinerja.publish import history

    root = make_instance(tmp_path / "inst")
    province = load_tree(root).province
    log = history.read(root, province)
    assert log.available and len(log.commits) == 2
    flags = log.flags_of("dinas-umum")
    assert len(flags) == 1
    commit, flag = flags[0]
    assert commit.author == "Sri Wahyuni" and flag.period == "2026"
    assert [(c.what, c.old, c.new) for c in flag.changes] == [("t1/i1 target", "95", "97")]
    assert commit.trailers == [("Approved-by", "Budi Santoso")]
    assert history.read(tmp_path, province).available is False  # not a repository: no history, no error


# --- the CLI ------------------------------------------------------------------------------------------------------
def test_cli_site_writes_and_invalid_data_writes_nothing(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "tree"
    result = run_cli("site", "--out", str(out), "--no-history", cwd=mini)
    assert result.code == 0, result.err
    assert (out / "units/dinas/index.md").is_file() and (out / "en/index.md").is_file()
    skp = mini / "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    skp.write_text(skp.read_text().replace("target: 95", "target: 0"))
    other = tmp_path / "other"
    result = run_cli("site", "--out", str(other), cwd=mini)
    assert result.code == 1 and "K225" in result.err
    assert not other.exists()
    result = run_cli("site", "--out", str(mini / "contracts"), cwd=mini)
    assert result.code != 0


def test_every_option_is_documented() -> None:
    from kinerja.mkdocs_plugin import KinerjaConfig
    from kinerja.publish.commands import site

    page = (REPO / "docs" / "site.md").read_text(encoding="utf-8")
    for name in KinerjaConfig._schema:  # type: ignore[attr-defined]
        assert f"`{name[0]}`" in page, name[0]
    for param in site.params:
        for opt in param.opts:
            assert f"`{opt}`" in page, opt


# --- the real build -----------------------------------------------------------------------------------------------
def test_mkdocs_build_is_strict_and_complete(public: Built) -> None:
    site = public.site
    for page in ("index.html", "units/index.html", "units/dinas/index.html", "units/dinas-umum/index.html",
                 "en/units/dinas-umum/index.html", "methodology/index.html", "open-data/index.html",
                 "data-dictionary/index.html", "errors/index.html", "history/index.html", "take-part/index.html",
                 "site/index.html", "api-scoring/index.html", "search/search_index.json", "data/2026/all.csv",
                 "charts/2026/dinas.id.svg", "schemas/contract.schema.json", "assets/kinerja.css"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text()
    primary = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S)
    assert primary is not None
    pages = re.findall(r'href="([^"#][^"]*)"', primary.group(0))  # the table of contents links start with #
    assert 5 <= len(pages) <= 10, pages
    assert "units/dinas-umum/" not in primary.group(0)  # unit pages are reached through index pages
    english = (site / "en/units/dinas/index.html").read_text()
    assert '<html lang="en"' in english and "Work units" in english and "Methodology" in english


def test_no_link_is_broken(public: Built) -> None:
    broken = []
    for page in public.site.rglob("*.html"):
        if page.name == "404.html":
            continue
        for url in re.findall(r'(?:href|src)="([^"#?]*)', page.read_text()):
            url = html.unescape(url)
            if not url or re.match(r"^[a-z]+:", url):
                continue
            target = (page.parent / url).resolve()
            if url.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(public.site).as_posix(), url))
    assert broken == []


def test_public_site_has_no_name_no_nip_no_employee_id(public: Built) -> None:
    needles = set()
    for employee_id, (name, nip) in EMPLOYEES.items():
        digits = nip.replace(" ", "")
        needles |= {employee_id, name, nip, digits, f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"}
    leaks = [(file, needle) for file, text in all_text(public.site).items() for needle in needles if needle in text]
    assert leaks == []
    assert "sri@example.go.id" not in "".join(all_text(public.site).values())


def visible_text(markup: str) -> str:
    """The text a reader sees (tags dropped, character references decoded)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(markup)
    return "".join(parser.parts)


def test_data_from_the_data_is_rendered_as_text(public: Built) -> None:
    for path in public.site.rglob("*.html"):
        text = path.read_text()
        assert "<script>alert" not in text, path
        assert not re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", text), path  # no event handler attribute anywhere
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", text, re.I), path
        assert "<b>tebal</b>" not in text, path
    unit = (public.site / "units/dinas-umum/index.html").read_text()
    seen = visible_text(unit)
    for payload in (SCRIPT, IMG, MD_LINK, "{: onclick=alert(1)}", "</title><b>tebal</b>"):
        assert payload in seen, payload
    title = re.search(r"<title>(.*?)</title>", unit, re.S)
    assert title is not None and "<" not in title.group(1)


def test_history_is_on_the_unit_page_by_position(public: Built) -> None:
    unit = html.unescape((public.site / "units/dinas-umum/index.html").read_text())
    assert "diubah setelah periode dimulai" in unit
    assert "pemegang jabatan Kepala Bidang Umum" in unit  # the author, by position
    assert "Naikkan target […]" in unit  # the name in the commit message is scrubbed
    flag = unit[unit.index("history-flags"):]
    assert "95" in flag and "97" in flag


def test_methodology_errors_and_dictionary_are_generated(public: Built) -> None:
    from kinerja import errors

    method = html.unescape((public.site / "methodology/index.html").read_text())
    assert "Matriks predikat" in method and "Sesuai Ekspektasi" in method and "sumbernya belum pasti" in method
    codes = html.unescape((public.site / "errors/index.html").read_text())
    for code in errors.CATALOGUE:
        assert f'id="{code.lower()}"' in codes, code
    dictionary = html.unescape((public.site / "data-dictionary/index.html").read_text())
    assert "Rencana hasil kerja (RHK) atau kegiatan." in dictionary
    english = html.unescape((public.site / "en/data-dictionary/index.html").read_text())
    assert "The planned work result (RHK) or activity." in english


def test_open_data_follows_the_privacy_mode(public: Built, staff: Built) -> None:
    doc = json.loads((public.site / "data/2026/dinas-umum.json").read_text())
    holders = [h for p in doc["positions"] for h in p["holders"]]
    assert holders and all(set(h) == {"status", "indicators"} for h in holders)
    assert doc["distribution"] is None  # fewer than min_group_size people rated
    staff_doc = json.loads((staff.site / "data/2026/dinas-umum.json").read_text())
    names = {h["name"] for p in staff_doc["positions"] for h in p["holders"]}
    assert names == {"Sri Wahyuni", "Agus Salim"}
    nips = {h["nip"] for p in staff_doc["positions"] for h in p["holders"]}
    assert nips == {"*" * 15 + "002", "*" * 15 + "003"}
    rows = (public.site / "data/2026/all.csv").read_text().splitlines()
    assert rows[0].startswith("period,unit,unit_name,position")


def test_staff_site_has_employee_pages_with_masked_nips(staff: Built) -> None:
    page = html.unescape((staff.site / "people/e-staf/2026/index.html").read_text())
    assert "Agus Salim" in page and "*" * 15 + "003" in page
    assert "199002022015031003" not in "".join(all_text(staff.site).values())
    assert "Capaian IKI" in page  # the explanation of the score
    assert "https://arsip.example.go.id/agenda/2026-03" in page
    assert "Riwayat SKP ini" in page and "Naikkan target Agus Salim" in page  # the contract's own history
    monitoring = html.unescape((staff.site / "monitoring/index.html").read_text())
    assert "Budi Santoso" in monitoring  # no realisation submitted
    assert "Naikkan target Agus Salim" in html.unescape((staff.site / "units/dinas-umum/index.html").read_text())


def test_invalid_data_fails_the_build_with_the_report(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(MINI, root)
    copy_docs(root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    skp = root / "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    skp.write_text(skp.read_text().replace("duty: d1", "duty: d9"))
    result = mkdocs(root, "build", "--strict")
    assert result.returncode != 0
    assert "K204" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "site").exists() and not (root / "generated").exists()


def test_the_demo_builds(tmp_path: Path) -> None:
    """The repository's own data (the demo province) builds with --strict."""
    root = tmp_path / "demo"
    root.mkdir()
    for name in ("contracts", "docs", "schemas"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (root / "site" / "index.html").is_file()
    from kinerja.load import load_tree
    from kinerja.publish.privacy import bare_name

    needles = set()
    for employee in load_tree(root).province.employees.values():
        digits = "".join(ch for ch in employee.nip if ch.isdigit())
        needles |= {employee.name, bare_name(employee.name), employee.nip, digits}
    texts = all_text(root / "site")
    assert [(f, n) for f, text in texts.items() for n in needles if n in text] == []


def test_intake_forms_only_in_staff_builds(mini: Path, tmp_path: Path) -> None:
    """The forms' data lists employees, so a public site never carries them; a staff site has both forms."""
    from kinerja.publish import generate_site

    loaded, run = _load(mini)
    public_site = generate_site(loaded, run, tmp_path / "public", history=False)
    assert not [f for f in public_site.files if "formulir/" in f]
    staff_site = generate_site(loaded, run, tmp_path / "staff", mode="staff", history=False,
                               forms={"git_host": "github", "git_repo": "bkd/kinerja"})
    assert {"formulir/realisasi.md", "formulir/usulan.md", "en/formulir/realisasi.md"} <= set(staff_site.files)
    page = (tmp_path / "staff" / "formulir" / "realisasi.md").read_text(encoding="utf-8")
    assert "<form" in page
    assert any(list(entry.values())[0] == "formulir/realisasi.md" for entry in staff_site.navigation["id"])


def test_html_set_aside_gives_the_same_pages_as_markdown(public: Built, staff: Built) -> None:
    """The plugin sets generated pages' one-line HTML blocks aside from Markdown and puts them back: for
    every generated page, the HTML must be exactly what Markdown itself would have made."""
    import markdown
    from mkdocs.config import load_config

    from kinerja.mkdocs_plugin import put_back_html, set_aside_html

    config = load_config(str(public.root / "mkdocs.yml"))
    pages = [p for built in (public, staff) for p in sorted((built.root / "generated" / "docs").rglob("*.md"))]
    assert len(pages) > 20
    set_aside = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        expected = md.convert(text)
        md.reset()
        skeleton, blocks = set_aside_html(text)
        set_aside += len(blocks)
        assert put_back_html(md.convert(skeleton), blocks) == expected, path
    assert set_aside > 100  # the tables, charts and notes really are set aside


def test_set_aside_leaves_markdown_and_multi_line_html_alone() -> None:
    from kinerja.mkdocs_plugin import set_aside_html

    text = ("# T\n\n<div>a</div>\n\n<span>inline</span>\n\n<details>\n<summary>s</summary>\n</details>\n\n| a |\n|---|\n"
            "\n<p>a</p><p>b</p>\n\n<p>a</p> tail\n\n<p>unclosed\n")
    skeleton, blocks = set_aside_html(text)
    assert blocks == ["<div>a</div>", "<p>a</p>\n<p>b</p>"]
    assert "<p>a</p> tail" in skeleton and "<p>unclosed" in skeleton
    assert "<span>inline</span>" in skeleton and "<details>\n<summary>" in skeleton


def test_second_language_in_a_forked_process_gives_the_same_tree(tmp_path: Path) -> None:
    from kinerja.publish import generate_site

    loaded, run = _load(REPO)
    trees = []
    for name, parallel_from in (("one", 10**9), ("two", 0)):
        out = tmp_path / name / "docs"
        result = generate_site(loaded, run, out, mode="staff", history=False, parallel_from=parallel_from,
                               cache_dir=tmp_path / name / "charts")
        trees.append((result.navigation, result.pages,
                      {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}))
    assert trees[0][0] == trees[1][0] and trees[0][1] == trees[1][1]
    assert trees[0][2] == trees[1][2] and len(trees[0][2]) > 100


def test_public_site_needs_no_derivations(tmp_path: Path) -> None:
    """The public build drops the explanation trees while scoring (memory): the pages must not change."""
    from kinerja.load import load_tree
    from kinerja.publish import generate_site
    from kinerja.score import engine

    loaded = load_tree(REPO)
    trees = []
    for name, derivations in (("full", True), ("lean", False)):
        run = engine.score(loaded.province, derivations=derivations)
        out = tmp_path / name / "docs"
        generate_site(loaded, run, out, history=False, cache_dir=tmp_path / name / "charts")
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0] == trees[1] and len(trees[0]) > 100
    lean = engine.score(loaded.province, derivations=False)
    assert not lean.allowance and all(not f.inputs for r in lean.employees.values() for f in r.figures.values())


def test_public_site_made_one_agency_at_a_time_gives_the_same_tree(tmp_path: Path, monkeypatch: Any) -> None:
    """``run=None``: each OPD is scored and its pages and open data written, in this process or in forked
    ones, and its results dropped; the tree must equal the one made from the whole run."""
    from kinerja.load import load_tree
    from kinerja.publish import generate_site
    from kinerja.score import engine

    loaded = load_tree(REPO)
    assert len({engine.root_of(loaded.province, u, {}) for u in loaded.province.units}) > 1  # several OPDs
    assert len(loaded.province.periods) > 1
    trees = []
    for name, run, parallel_from in (("whole", engine.score(loaded.province, derivations=False), 10**9),
                                     ("here", None, 10**9), ("forked", None, 0)):
        if name == "forked":
            monkeypatch.setattr(engine, "PARALLEL_FROM", 0)  # fork even for the demo's few contracts
        out = tmp_path / name / "docs"
        result = generate_site(loaded, run, out, history=False, parallel_from=parallel_from,
                               cache_dir=tmp_path / name / "charts")
        trees.append((result.navigation, sorted(result.pages),
                      {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}))
    assert trees[0] == trees[1] == trees[2] and len(trees[0][2]) > 100
    assert any(name.startswith("data/") and name.endswith("/all.csv") for name in trees[0][2])



def test_git_log_records_read_as_they_stream_equal_a_split_of_the_whole() -> None:
    """The history reads ``git log`` in chunks; a record may span many chunks (an import commit)."""
    import io

    from kinerja.publish.history import _RECORD, _records

    raw = _RECORD + "x\n" * 40 + _RECORD + "y" + _RECORD + _RECORD + "z" * 50
    for size in (1, 3, 7, 64, 10_000):
        assert list(_records(io.StringIO(raw), size)) == raw.split(_RECORD)
