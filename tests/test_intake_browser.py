"""The intake forms in a real browser (Playwright driving Debian's Chromium; never downloads a browser).

The intake service runs on a free loopback port, backed by a temporary Git repository with a bare
remote; the forms are served by the service itself (and, in one test, as the static site's pages from a
separate static server that submits across origins).
"""

from __future__ import annotations

import functools
import http.server
import json
import random
import threading
import urllib.parse
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest

from test_intake import (PASSWORD, STAF_PATH, branches, git, make_accounts, make_repo, uvicorn_server,
                         validate_branch)

from playwright import sync_api  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
assert CHROMIUM.exists(), "Debian's Chromium is missing: `make test` installs it (make browser)"

from kinerja.intake.forms import render_forms  # noqa: E402
from kinerja.intake.service import IntakeConfig, create_app  # noqa: E402
from kinerja.load import load_tree, yamlsafe  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*")

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[dict[str, Any]]:
    repo, remote = make_repo(tmp_path)
    config = IntakeConfig(repo=repo, accounts=make_accounts(tmp_path), remote="origin")
    with uvicorn_server(create_app(config)) as url:
        yield {"url": url, "repo": repo, "remote": remote, "tmp": tmp_path}


def open_page(browser: Any, url: str, width: int = 1000) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector("select[data-kf=unit] option[value=dinas-umum]", state="attached")
    return context, page, errors


def choose_employee(page: Any, rp: str) -> None:
    page.select_option("[data-kf=unit]", "dinas-umum")
    page.wait_for_selector("select[data-kf=employee] option[value=e-staf]", state="attached")
    page.select_option("[data-kf=employee]", "e-staf")
    page.select_option("[data-kf=reporting_period]", rp)
    page.wait_for_selector(".kf-entry[data-target=t1]")


def sign_in(page: Any) -> None:
    page.wait_for_selector("[data-kf=login]:not([hidden])")
    page.fill("[data-kf=user]", "umum")
    page.fill("[data-kf=password]", PASSWORD)
    page.click("[data-kf=login-button]")
    page.wait_for_selector("[data-kf=session]:not([hidden])")


def test_fill_the_realisation_form_and_submit_to_the_service(browser: Any, service: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, service["url"] + "/")
    try:
        choose_employee(page, "2026-06")
        page.fill(".kf-entry input[data-field=value]", "96.5")
        page.click(".kf-evidence button")
        page.fill(".kf-evidence-row [data-field=title]", "Buku agenda Juni")
        page.fill(".kf-evidence-row [data-field=url]", "https://arsip.example.go.id/agenda/2026-06")
        page.fill(".kf-entry [data-field=note]", 'Semua surat tercatat. <script>alert("x")</script>')
        page.click("[data-kf=check]")
        shown = page.inner_text("[data-kf=yaml]")
        path = STAF_PATH.format(rp="2026-06")
        assert page.inner_text("[data-kf=path]") == path
        sign_in(page)
        page.click("[data-kf=send]")
        page.wait_for_selector("[data-kf=receipt-list]")
        branch = page.inner_text("[data-kf=receipt-branch]").strip()
        assert page.inner_text("[data-kf=receipt-push]") == "Terkirim ke remote"
        assert not errors
    finally:
        context.close()
    remote = service["remote"]
    assert branch.startswith("intake/dinas-umum/e-staf/2026-06-") and branch in branches(remote)
    stored = git("show", f"{branch}:{path}", cwd=remote) + "\n"
    assert stored == shown.rstrip("\n") + "\n", "the file is exactly the YAML the form showed"
    data = yamlsafe.load_text(stored, "x")[0]
    assert data["entries"] == [{"target": "t1", "indicator": "i1", "value": Decimal("96.5"),
                                "evidence": [{"title": "Buku agenda Juni", "url": "https://arsip.example.go.id/agenda/2026-06"}],
                                "note": 'Semua surat tercatat. <script>alert("x")</script>'}]
    assert data["submitted_on"] == "2026-11-27"  # the instance's "today" (settings.yaml)
    assert validate_branch(service["repo"], branch, service["tmp"]).code == 0


def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until ``selector`` has the focus (fails if it is not reachable by keyboard)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reachable with Tab")


def arrow_to(page: Any, value: str, limit: int = 40) -> None:
    """Change the focused <select> with the arrow keys until it holds ``value``."""
    for _ in range(limit):
        if page.evaluate("() => document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value} not reached with the keyboard")


def test_keyboard_only(browser: Any, service: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, service["url"] + "/?lang=en")
    try:
        keys = page.keyboard
        tab_to(page, "[data-kf=unit]")
        arrow_to(page, "dinas-umum")
        page.wait_for_selector("select[data-kf=employee]:not([disabled]) option[value=e-staf]", state="attached")
        tab_to(page, "[data-kf=employee]")
        arrow_to(page, "e-staf")
        page.wait_for_selector("select[data-kf=reporting_period]:not([disabled])")
        tab_to(page, "[data-kf=reporting_period]")
        arrow_to(page, "2026-07")
        page.wait_for_selector(".kf-entry")
        tab_to(page, ".kf-entry input[data-field=value]")
        keys.type("94")
        tab_to(page, ".kf-evidence .kf-actions button")
        keys.press("Enter")  # adds an evidence row and moves the focus into it
        assert page.evaluate("() => document.activeElement.dataset.field") == "title"
        keys.type("Agenda Juli")
        tab_to(page, ".kf-evidence-row [data-field=url]")
        keys.type("https://arsip.example.go.id/agenda/2026-07")
        tab_to(page, ".kf-entry [data-field=note]")
        keys.type("Diisi dengan papan ketik.")
        tab_to(page, "[data-kf=check]")
        keys.press("Enter")
        page.wait_for_selector("[data-kf=output]:not([hidden])")
        assert page.evaluate("() => document.activeElement.id") == "kfr-out-title"
        page.wait_for_selector("[data-kf=login]:not([hidden])")
        tab_to(page, "[data-kf=user]")
        keys.type("umum")
        tab_to(page, "[data-kf=password]")
        keys.type(PASSWORD)
        keys.press("Enter")  # signs in, then the focus moves to the send button
        page.wait_for_function("() => document.activeElement && document.activeElement.dataset.kf === 'send'")
        keys.press("Enter")
        page.wait_for_selector("[data-kf=receipt-list]")
        assert page.evaluate("() => document.activeElement.dataset.kf") == "receipt"
        branch = page.inner_text("[data-kf=receipt-branch]").strip()
        assert not errors
    finally:
        context.close()
    content = git("show", f"{branch}:{STAF_PATH.format(rp='2026-07')}", cwd=service["remote"])
    assert "value: 94" in content and "note: Diisi dengan papan ketik." in content


def test_phone_width(browser: Any, service: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, service["url"] + "/", width=375)
    try:
        def fits() -> None:
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
            too_wide = page.evaluate("""() => Array.from(document.querySelectorAll('.kf input, .kf select, .kf textarea, .kf button'))
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > 375.5).map(e => e.outerHTML.slice(0, 80))""")
            assert too_wide == []

        fits()
        choose_employee(page, "2026-08")
        page.click(".kf-evidence button")
        fits()
        page.fill(".kf-entry input[data-field=value]", "90")
        page.fill(".kf-evidence-row [data-field=title]", "Bukti dengan judul yang cukup panjang untuk layar ponsel")
        page.fill(".kf-evidence-row [data-field=url]", "https://arsip.example.go.id/" + "sangat-panjang/" * 8)
        page.click("[data-kf=check]")
        page.wait_for_selector("[data-kf=output]:not([hidden])")
        fits()
        assert not errors
    finally:
        context.close()


def test_the_form_refuses_invalid_values(browser: Any, service: dict[str, Any]) -> None:
    context, page, errors = open_page(browser, service["url"] + "/?lang=en")
    try:
        choose_employee(page, "2026-09")
        page.click("[data-kf=check]")  # nothing filled in
        assert "Fill in at least one achievement" in page.inner_text("[data-kf=errors]")
        page.check(".kf-entry input[data-field=na]")
        page.fill(".kf-entry [data-field=not_available]", "ab")           # minLength 3 in the schema
        page.click(".kf-evidence button")
        page.fill(".kf-evidence-row [data-field=title]", "Arsip")
        page.fill(".kf-evidence-row [data-field=url]", "ftp://arsip.example.go.id/x")   # not http(s)
        page.click("[data-kf=check]")
        summary = page.inner_text("[data-kf=errors]")
        assert "K109" in summary and "at least 3 characters" in summary
        assert "K105" in summary and "http:// or https://" in summary
        assert page.get_attribute(".kf-evidence-row [data-field=url]", "aria-invalid") == "true"
        assert page.is_hidden("[data-kf=output]")
        page.click("[data-kf=errors] li[data-code=K105] a")  # the summary leads to the field
        assert page.evaluate("() => document.activeElement.dataset.field") == "url"
        # a value where "not available" is set is not taken, and a reason of three letters passes
        page.fill(".kf-entry [data-field=not_available]", "Data BPS belum terbit")
        page.fill(".kf-evidence-row [data-field=url]", "https://arsip.example.go.id/x")
        page.click("[data-kf=check]")
        assert "not_available: Data BPS belum terbit" in page.inner_text("[data-kf=yaml]")
        assert not errors
    finally:
        context.close()
    assert branches(service["repo"]) == ["main"], "nothing was submitted"


def _random_documents(seed: int, count: int) -> list[Any]:
    rnd = random.Random(seed)
    tricky = ["yes", "No", "Null", "~", "", "0x1F", "12:30", "2026-03", "2026-03-01", "- a", ": b", "a: b", "a #c",
              "#x", "'q'", '"d"', "...", "--- x", ".inf", "+1", "1e3", "0755", "=", "<<", "y", " lead", "trail ",
              "a\nb", "a\n\nb", "a \nb", "a\n b", "tab\there", "très", "emoji😀", "\u2028", "<script>alert(1)</script>"]
    words = ["surat", "agenda", "dinas", "it's", '"kutip"', "#tag", "a:b", "x,y", "[1]", "{k}", "100%", "ü"]

    def text() -> str:
        if rnd.random() < 0.4:
            return rnd.choice(tricky)
        return " ".join(rnd.choice(words) for _ in range(rnd.choice([1, 3, 12, 30, 60])))

    def entry() -> dict[str, Any]:
        e: dict[str, Any] = {"target": "t1", "indicator": text(), "value": Decimal(rnd.choice(["85.50", "90", "-3", "0.1"]))}
        if rnd.random() < 0.6:
            e["evidence"] = [{"title": text(), "url": "https://a.example/" + text().replace(" ", "-")} for _ in range(rnd.randint(0, 2))]
        e["note"] = text()
        return e

    return [{"employee": text(), "period": "2026", "entries": [entry() for _ in range(rnd.randint(0, 3))],
             "flag": rnd.random() < 0.5, "nothing": None, "empty": {}} for _ in range(count)]


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, Decimal):
        return {"__num": format(value, "f")}
    return value


def test_the_browser_writes_the_same_yaml_as_the_python_writer(browser: Any, service: dict[str, Any]) -> None:
    context, page, _ = open_page(browser, service["url"] + "/")
    try:
        docs = _random_documents(6, 300)
        produced = page.evaluate("""cases => {
            const revive = v => Array.isArray(v) ? v.map(revive)
              : (v && typeof v === 'object') ? ('__num' in v ? new KinerjaForms.Num(v.__num)
                 : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]))) : v;
            return cases.map(c => KinerjaForms.dumpYaml(revive(c)));
        }""", _encode(docs))
        numbers = page.evaluate("xs => xs.map(KinerjaForms.normalizeNumber)", ["085", "1,5", "1.50e1", ".5", "abc", "7."])
    finally:
        context.close()
    mismatches = [(yamlsafe.dump(d), js) for d, js in zip(docs, produced) if yamlsafe.dump(d) != js]
    assert not mismatches, mismatches[0]
    assert numbers == ["85", "1.5", "15.0", "0.5", None, "7"]


class _Static(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def test_static_site_pages_offer_path_a_and_submit_across_origins(browser: Any, tmp_path: Path) -> None:
    repo, remote = make_repo(tmp_path)
    site = tmp_path / "site"
    static = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Static, directory=str(site)))
    static_url = f"http://127.0.0.1:{static.server_port}"
    thread = threading.Thread(target=static.serve_forever, daemon=True)
    thread.start()
    config = IntakeConfig(repo=repo, accounts=make_accounts(tmp_path), remote="origin", allow_origins=(static_url,))
    try:
        with uvicorn_server(create_app(config)) as intake_url:
            render_forms(load_tree(repo), site / "formulir", "id",
                         {"git_host": "github", "git_repo": "bkd/kinerja", "intake_url": intake_url + "/"})
            # what the site generator does with the Markdown page: the raw HTML form inside a page
            markdown = (site / "formulir" / "realisasi.md").read_text(encoding="utf-8")
            form = markdown[markdown.index("<form"):markdown.index("</form>") + 7]
            (site / "formulir" / "realisasi").mkdir()
            (site / "formulir" / "realisasi" / "index.html").write_text(
                '<!doctype html><html lang="id"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                '<link rel="stylesheet" href="../assets/kinerja-forms.css">'
                f'<script src="../assets/kinerja-forms.js" defer></script></head><body>{form}</body></html>',
                encoding="utf-8")
            context, page, errors = open_page(browser, static_url + "/formulir/realisasi/")
            try:
                choose_employee(page, "2026-10")
                page.fill(".kf-entry input[data-field=value]", "99")
                page.click("[data-kf=check]")
                shown = page.inner_text("[data-kf=yaml]")
                href = page.get_attribute("[data-kf=path-a-link]", "href")
                assert page.inner_text("[data-kf=path-a-link]") == "Usulkan di GitHub"
                sign_in(page)
                page.click("[data-kf=send]")
                page.wait_for_selector("[data-kf=receipt-list]")
                branch = page.inner_text("[data-kf=receipt-branch]").strip()
                assert not errors
            finally:
                context.close()
    finally:
        static.shutdown()
    parts = urllib.parse.urlsplit(href)
    query = urllib.parse.parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/bkd/kinerja/new/main"
    assert query["filename"] == [STAF_PATH.format(rp="2026-10")]
    assert query["value"][0].rstrip("\n") == shown.rstrip("\n")
    assert branch in branches(remote)
    assert "value: 99" in git("show", f"{branch}:{STAF_PATH.format(rp='2026-10')}", cwd=remote)
    assert json.loads((site / "formulir" / "assets" / "kinerja-forms-data" / "index.json").read_text())["submit"]["intake_url"]


def test_contract_proposal_form_builds_on_the_existing_skp(browser: Any, service: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(service["url"] + "/usulan")
        page.wait_for_selector("select[data-kf=unit] option[value=dinas-umum]", state="attached")
        page.select_option("[data-kf=unit]", "dinas-umum")
        page.wait_for_selector("select[data-kf=position] option[value=umum-staf]", state="attached")
        page.select_option("[data-kf=position]", "umum-staf")
        page.select_option("[data-kf=period]", "2026")
        page.wait_for_selector(".kf-target[data-id=t1]")  # the holder is chosen and the SKP loaded
        assert page.input_value(".kf-target[data-id=t1] textarea[data-field=text]") == "Tercatatnya seluruh surat masuk dan keluar"
        page.click("[data-kf=add-target]")
        new = page.locator(".kf-target[data-id=t2]")
        new.locator("select[data-field=duty]").select_option("d1")   # the duty's text fills an empty RHK
        assert new.locator("textarea[data-field=text]").input_value() == "Mencatat surat masuk dan keluar"
        new.locator("textarea[data-field=text]").fill("Terarsipnya surat keluar secara elektronik")
        new.locator("select[data-field=supports]").select_option("t1")  # the superior's target
        page.click("[data-kf=check]")
        summary = page.inner_text("[data-kf=errors]")
        assert "K101" in summary and page.is_hidden("[data-kf=output]")   # the new indicator is empty
        new.locator(".kf-indicator input[data-field=text]").fill("Persentase surat keluar terarsip")
        new.locator(".kf-indicator input[data-field=unit]").fill("%")
        new.locator(".kf-indicator select[data-field=kind]").select_option("range")
        new.locator(".kf-indicator input[data-field=min]").fill("90")
        new.locator(".kf-indicator input[data-field=max]").fill("100")
        page.click("[data-kf=check]")
        shown = page.inner_text("[data-kf=yaml]")
        assert "- id: t2" in shown and "    target:\n      min: 90\n      max: 100\n" in shown
        sign_in(page)
        page.click("[data-kf=send]")
        page.wait_for_selector("[data-kf=receipt-list]")
        branch = page.inner_text("[data-kf=receipt-branch]").strip()
        assert not errors
    finally:
        context.close()
    path = "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    assert git("show", f"{branch}:{path}", cwd=service["remote"]) + "\n" == shown.rstrip("\n") + "\n"
    assert validate_branch(service["repo"], branch, service["tmp"]).code == 0
