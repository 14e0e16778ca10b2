"""The built site in a real browser: Playwright drives Debian's Chromium (never a downloaded browser)
against the site served by http.server on a free loopback port.

Checked: the figures on the home and a unit page equal what ``kinerja score`` computes, the language
switch, search, charts, no console error, no request to any host but 127.0.0.1, and the XSS payloads of
the test instance shown as text. Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import REPO, run_cli
from test_site import IMG, MD_LINK, SCRIPT, Built, built_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"

assert Path(CHROMIUM).exists(), "Debian's Chromium is missing: `make test` installs it (make browser)"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_site(tmp_path_factory, "public")


@pytest.fixture(scope="module")
def base_url(built: Built) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


class Watched:
    """A page whose console errors, dialogs and requests to other hosts are recorded."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.context.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url == self.base:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(f"{self.base}/{path}", wait_until="load")  # images (the charts) included
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"site-{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], self.foreign


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url)
    try:
        yield page
    finally:
        page.close()


@pytest.fixture(scope="module")
def scores(built: Built) -> list[dict[str, Any]]:
    result = run_cli("score", "--format", "json", cwd=built.root)
    assert result.code == 0, result.err
    return result.json()


def cell(page: Any, key: str) -> str:
    return page.locator(f'[data-k="{key}"]').first.inner_text().strip()


def test_home_shows_the_figures_kinerja_score_computes(watched: Watched, scores: list[dict[str, Any]]) -> None:
    page = watched.open("")
    current = [d for d in scores if d["period"] == "2026"]
    contracts = sum(d["coverage"]["with_contract"] for d in current)
    assert cell(page, "contracts") == str(contracts) == str(sum(len(d["employees"]) for d in current))
    assert cell(page, "assessments") == str(sum(d["coverage"]["with_assessment"] for d in current))
    assert cell(page, "employees") == str(sum(d["employees_count"] for d in current))
    received = sum(sum(d["coverage"]["realisations"].values()) for d in current)
    due = sum(len(d["coverage"]["realisations"]) * d["coverage"]["with_contract"] for d in current)
    assert f"({received}/{due};" in cell(page, "coverage")
    predikat = Counter(e["predikat"] for d in current for e in d["employees"] if e["predikat"])
    assert 0 < sum(predikat.values()) < 5  # too few rated for the public site: the distribution is withheld
    assert page.locator('[data-k^="dist-"]').count() == 0
    assert "Sebaran predikat tingkat provinsi tidak ditampilkan" in page.inner_text("article")
    assert cell(page, "units") == str(len(scores))
    watched.shot("home")
    page = watched.open("units/dinas-umum/")
    chart = page.locator("figure.kj-chart img").first
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "Kemajuan bulanan" in (chart.get_attribute("alt") or "")


def test_unit_page_figures_and_payloads_as_text(watched: Watched, scores: list[dict[str, Any]]) -> None:
    page = watched.open("units/dinas-umum/")
    unit = next(d for d in scores if d["unit"] == "dinas-umum" and d["period"] == "2026")
    assert cell(page, "employees") == str(unit["employees_count"])
    assert cell(page, "contracts") == str(unit["coverage"]["with_contract"])
    assert cell(page, "assessments") == str(unit["coverage"]["with_assessment"])
    staff = next(e for e in unit["employees"] if e["position"] == "umum-staf")
    achievement = staff["indicators"][0]["achievement"]
    body = page.locator("article").inner_text()
    assert achievement.replace(".", ",") in body  # Indonesian decimal comma
    for payload in (SCRIPT, IMG, MD_LINK):
        assert payload in body, payload
    assert page.evaluate("() => document.querySelectorAll('article script, article img[onerror]').length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('a')].filter(a => a.protocol === 'javascript:').length") == 0
    svg = page.locator("figure.kj-chart img").first
    assert svg.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator("details.kj-fallback table").count() == 1  # the chart's table fallback
    assert "diubah setelah periode dimulai" in body
    watched.shot("unit")


def test_language_switch(watched: Watched) -> None:
    page = watched.open("units/dinas/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("#ringkasan, #summary").first.inner_text().startswith("Ringkasan")
    page.locator('a[data-kj-lang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/units/dinas/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#summary").inner_text().startswith("Summary")
    assert page.locator(".md-nav--primary").inner_text().count("Work units") == 1
    watched.shot("unit-en")
    page.locator('a[data-kj-lang="id"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/units/dinas/") and "/en/" not in page.url


def test_search_finds_a_unit_by_name(watched: Watched) -> None:
    page = watched.open("")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Dinas Uji", delay=30)  # as a person types
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    links = page.locator(".md-search-result__item a").evaluate_all("items => items.map(a => a.pathname)")
    assert links[0] == "/units/dinas/", links  # the Indonesian unit page first, the English one below
    watched.shot("search")


def test_every_page_kind_loads_cleanly(watched: Watched) -> None:
    for path in ("units/", "periods/", "methodology/", "open-data/", "data-dictionary/", "history/", "take-part/",
                 "errors/", "en/", "en/methodology/"):
        page = watched.open(path)
        assert page.locator("article h1").count() == 1, path
    watched.shot("methodology")
