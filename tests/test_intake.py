"""The intake (issue 6): the service (TestClient and a real uvicorn), the Excel batch path, the forms'
files, the Git host links and the CLI.

Every test works on a copy of tests/fixtures/mini in a temporary Git repository with a bare remote.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import socket
import subprocess
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import MINI, REPO, run_cli

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx.*")

from kinerja.intake import accounts, hosts  # noqa: E402
from kinerja.intake.forms import FormsConfig, render_forms  # noqa: E402
from kinerja.intake.service import IntakeConfig, create_app  # noqa: E402
from kinerja.load import load_tree, yamlsafe  # noqa: E402

ORIGIN = "http://intake.test"
PASSWORD = "rahasia-123"
STAF_PATH = "contracts/units/dinas-umum/2026/realisations/e-staf/{rp}.yaml"


# --- helpers shared with test_intake_browser.py ----------------------------------------------------------
def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def make_repo(tmp: Path) -> tuple[Path, Path]:
    """A Git repository holding the mini instance on ``main``, with a bare remote ``origin``."""
    repo, remote = tmp / "repo", tmp / "remote.git"
    shutil.copytree(MINI, repo)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "mini", cwd=repo)
    git("clone", "-q", "--bare", str(repo), str(remote), cwd=tmp)
    git("remote", "add", "origin", str(remote), cwd=repo)
    return repo, remote


def make_accounts(tmp: Path) -> Path:
    path = tmp / "accounts.yaml"
    accounts.add_user(path, "umum", ["dinas-umum"], PASSWORD)
    accounts.add_user(path, "dinas", ["dinas"], PASSWORD)
    return path


def realisation(rp: str = "2026-04", value: Any = 97, note: str | None = None, employee: str = "e-staf",
                **extra: Any) -> str:
    entry: dict[str, Any] = {"target": "t1", "indicator": "i1", "value": value}
    if note is not None:
        entry["note"] = note
    entry.update(extra)
    return yamlsafe.dump({"employee": employee, "period": "2026", "reporting_period": rp,
                          "submitted_on": "2026-11-20", "entries": [entry]})


def branches(path: Path) -> list[str]:
    out = git("for-each-ref", "--format=%(refname:short)", "refs/heads", cwd=path)
    return sorted(line for line in out.splitlines() if line)


def validate_branch(repo: Path, branch: str, tmp: Path) -> Any:
    """``kinerja validate`` on a checkout of ``branch`` (a separate worktree)."""
    work = tmp / ("wt-" + re.sub(r"[^a-z0-9]+", "-", branch))
    git("worktree", "add", "-q", str(work), branch, cwd=repo)
    try:
        return run_cli("validate", cwd=work)
    finally:
        git("worktree", "remove", "--force", str(work), cwd=repo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def uvicorn_server(app: Any) -> Iterator[str]:
    """The app on a real uvicorn server on a free loopback port; stopped in ``finally``."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def login(client: Any, user: str = "umum", origin: str = ORIGIN) -> str:
    answer = client.post("/api/login", json={"user": user, "password": PASSWORD}, headers={"Origin": origin})
    assert answer.status_code == 200, answer.text
    return answer.json()["csrf"]


def submit(client: Any, csrf: str, content: str, kind: str = "realisation", origin: str = ORIGIN) -> Any:
    return client.post("/api/submit", json={"kind": kind, "content": content, "lang": "en"},
                       headers={"Origin": origin, "X-CSRF-Token": csrf})


# --- fixtures --------------------------------------------------------------------------------------------
@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    repo, remote = make_repo(tmp_path)
    return {"tmp": tmp_path, "repo": repo, "remote": remote, "accounts": make_accounts(tmp_path)}


def app_for(setup: dict[str, Path], **options: Any) -> Any:
    config = IntakeConfig(repo=setup["repo"], accounts=setup["accounts"], remote="origin", **options)
    return create_app(config)


@pytest.fixture
def client(setup: dict[str, Path]) -> Iterator[TestClient]:
    with TestClient(app_for(setup), base_url=ORIGIN) as c:
        yield c


# --- the service -----------------------------------------------------------------------------------------
def test_submission_becomes_a_branch_on_the_remote_and_validates(client: TestClient, setup: dict[str, Path]) -> None:
    repo, remote = setup["repo"], setup["remote"]
    main_before = git("rev-parse", "main", cwd=repo)
    csrf = login(client)
    answer = submit(client, csrf, realisation("2026-04", 97, note="Semua surat tercatat."))
    assert answer.status_code == 201, answer.text
    receipt = answer.json()
    branch, path = receipt["branch"], STAF_PATH.format(rp="2026-04")
    assert branch.startswith("intake/dinas-umum/e-staf/2026-04-") and receipt["file"] == path
    assert receipt["push"] == "pushed" and receipt["report"]["valid"]
    subject = git("log", "-1", "--format=%s", branch, cwd=repo)  # the unit and period, never the employee
    assert subject == f"Realisasi unit dinas-umum periode 2026-04 (kiriman {receipt['submission']})"
    assert branch in branches(remote) and branch in branches(repo)
    content = git("show", f"{branch}:{path}", cwd=remote) + "\n"
    assert content == realisation("2026-04", 97, note="Semua surat tercatat.")
    assert git("rev-parse", f"{branch}^", cwd=repo) == main_before
    # main, the checked-out branch and the working tree are untouched
    assert git("rev-parse", "main", cwd=repo) == main_before
    assert git("rev-parse", "main", cwd=remote) == main_before
    assert git("symbolic-ref", "--short", "HEAD", cwd=repo) == "main"
    assert git("status", "--porcelain", "--untracked-files=no", cwd=repo) == ""
    assert validate_branch(repo, branch, setup["tmp"]).code == 0
    # the receipt page and the audit log
    page = client.get(f"/{receipt['receipt_url']}")
    assert page.status_code == 200 and branch in page.text
    log = (repo / ".git" / "kinerja-intake" / "receipts.jsonl").read_text(encoding="utf-8")
    assert receipt["id"] in log


def test_forms_and_their_data_are_served_without_personal_data(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'data-kinerja-form="realisation"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in page.text and " on" + "click=" not in page.text
    assert 'data-kinerja-form="contract"' in client.get("/usulan").text
    assert client.get("/assets/kinerja-forms.js").status_code == 200
    index = client.get("/assets/kinerja-forms-data/index.json").json()
    assert index["rules"]["realisation"]["entries[].quality"]["maximum"] == 100
    assert index["submit"]["intake_url"] == "."
    unit = client.get("/assets/kinerja-forms-data/units/dinas-umum.json")
    assert unit.status_code == 200
    text = unit.text
    assert "Agus Salim" not in text and "199002022015031003" not in text
    assert client.get("/assets/kinerja-forms-data/units/..%2F..%2Fsettings.json").status_code == 404
    assert client.get("/assets/kinerja-forms-data/units/nope.json").status_code == 404


def test_another_units_employee_is_refused_and_nothing_is_written(client: TestClient, setup: dict[str, Path]) -> None:
    repo = setup["repo"]
    before = branches(repo)
    csrf = login(client, "umum")
    content = yamlsafe.dump({"employee": "e-kepala", "period": "2026", "reporting_period": "2026-04",
                             "entries": [{"target": "t1", "indicator": "i1", "value": 90}]})
    answer = submit(client, csrf, content)
    assert answer.status_code == 403
    assert [p["code"] for p in answer.json()["problems"]] == ["K812"]
    assert "dinas" in answer.json()["problems"][0]["message"]
    assert branches(repo) == before and branches(setup["remote"]) == ["main"]
    assert not (repo / ".git" / "kinerja-intake" / "receipts.jsonl").exists()


def test_invalid_values_are_refused_when_the_form_is_bypassed(client: TestClient, setup: dict[str, Path]) -> None:
    csrf = login(client)
    cases = {
        "K103": realisation("2026-04", "banyak"),                      # text where a number belongs
        "K109": yamlsafe.dump({"employee": "e-staf", "period": "2026", "reporting_period": "2026-04",
                               "entries": [{"target": "t1", "indicator": "i1", "not_available": "x"}]}),
        "K213": realisation("2026-04", 90).replace("target: t1", "target: t9"),
        "K233": realisation("2026-Q2", 90),                             # not a monthly reporting period
        "K003": "employee: [e-staf\n",
        "K005": "a: &x 1\nb: *x\n",
    }
    for code, content in cases.items():
        answer = submit(client, csrf, content)
        assert answer.status_code in (400, 422), (code, answer.text)
        assert code in [p["code"] for p in answer.json()["problems"]], (code, answer.text)
    assert branches(setup["repo"]) == ["main"]


def test_xss_in_a_note_is_stored_as_text_and_escaped_in_the_receipt(client: TestClient, setup: dict[str, Path]) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    csrf = login(client)
    answer = submit(client, csrf, realisation("2026-05", 91, note=payload))
    assert answer.status_code == 201, answer.text
    receipt = answer.json()
    stored = git("show", f"{receipt['branch']}:{receipt['file']}", cwd=setup["repo"])
    assert yamlsafe.load_text(stored, "x")[0]["entries"][0]["note"] == payload
    page = client.get(f"/{receipt['receipt_url']}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_path_traversal_and_bad_ids_are_refused(client: TestClient, setup: dict[str, Path]) -> None:
    csrf = login(client)
    bad = [realisation(employee="../../../etc/passwd"), realisation(employee="e-staf/../../x"),
           realisation(rp="2026-04/../../../x"), realisation(employee="E-STAF"),
           realisation().replace('period: "2026"', "period: ../2026")]
    for content in bad:
        answer = submit(client, csrf, content)
        assert answer.status_code == 400, answer.text
        assert [p["code"] for p in answer.json()["problems"]] == ["K817"]
    assert branches(setup["repo"]) == ["main"]
    assert not any(p.name == "passwd" for p in setup["tmp"].rglob("passwd"))


def test_size_limit_csrf_origin_and_sign_in(setup: dict[str, Path]) -> None:
    with TestClient(app_for(setup, login_limit=3), base_url=ORIGIN) as client:
        # not signed in
        assert submit(client, "x", realisation()).json()["problems"][0]["code"] == "K810"
        csrf = login(client)
        # oversized body: refused before it is parsed
        big = submit(client, csrf, realisation(note="x" * 300_000))
        assert big.status_code == 413 and big.json()["problems"][0]["code"] == "K814"
        # CSRF token missing or wrong, foreign or missing origin
        assert submit(client, "wrong", realisation()).status_code == 403
        assert submit(client, csrf, realisation(), origin="https://evil.example").json()["problems"][0]["code"] == "K813"
        no_origin = client.post("/api/submit", json={"kind": "realisation", "content": realisation()},
                                headers={"X-CSRF-Token": csrf})
        assert no_origin.status_code == 403
        form_post = client.post("/api/submit", data={"kind": "realisation", "content": realisation()},
                                headers={"Origin": ORIGIN, "X-CSRF-Token": csrf})
        assert form_post.status_code == 415
        # wrong passwords, then the sign-in limit
        for _ in range(3):
            wrong = client.post("/api/login", json={"user": "dinas", "password": "salah"}, headers={"Origin": ORIGIN})
            assert wrong.status_code == 401 and wrong.json()["problems"][0]["code"] == "K811"
        limited = client.post("/api/login", json={"user": "dinas", "password": PASSWORD}, headers={"Origin": ORIGIN})
        assert limited.status_code == 429 and limited.json()["problems"][0]["code"] == "K830"
        assert int(limited.headers["retry-after"]) > 0
        # the session cookie is HttpOnly and SameSite
        cookie = client.post("/api/login", json={"user": "umum", "password": PASSWORD}, headers={"Origin": ORIGIN})
        assert "httponly" in cookie.headers["set-cookie"].lower() and "samesite=strict" in cookie.headers["set-cookie"].lower()
        # sign out ends the session
        csrf = cookie.json()["csrf"]
        assert client.post("/api/logout", json={}, headers={"Origin": ORIGIN, "X-CSRF-Token": csrf}).status_code == 200
        assert client.get("/api/session").json() == {"authenticated": False}
    assert branches(setup["repo"]) == ["main"]


def test_rate_limit_per_officer(setup: dict[str, Path]) -> None:
    with TestClient(app_for(setup, rate_limit=2, push=False), base_url=ORIGIN) as client:
        csrf = login(client)
        assert submit(client, csrf, realisation("2026-04")).status_code == 201
        assert submit(client, csrf, realisation("2026-05")).status_code == 201
        third = submit(client, csrf, realisation("2026-06"))
        assert third.status_code == 429 and third.json()["problems"][0]["code"] == "K815"
        assert int(third.headers["retry-after"]) > 0


def test_twenty_concurrent_submissions_on_a_real_server_land_on_distinct_branches(setup: dict[str, Path]) -> None:
    import httpx

    repo, remote = setup["repo"], setup["remote"]
    with uvicorn_server(app_for(setup)) as url:
        with httpx.Client(base_url=url, timeout=60) as c:
            csrf = login(c, origin=url)

            def one(i: int) -> dict[str, Any]:
                rp = f"2026-{i % 12 + 1:02d}"
                answer = c.post("/api/submit", json={"kind": "realisation", "content": realisation(rp, 80 + i)},
                                headers={"Origin": url, "X-CSRF-Token": csrf})
                assert answer.status_code == 201, answer.text
                return answer.json()

            with ThreadPoolExecutor(max_workers=20) as pool:
                receipts = list(pool.map(one, range(20)))
    made = {r["branch"] for r in receipts}
    assert len(made) == 20 and len({r["commit"] for r in receipts}) == 20
    assert made <= set(branches(repo)) and made <= set(branches(remote))
    for i, receipt in enumerate(receipts):
        content = git("show", f"{receipt['branch']}:{receipt['file']}", cwd=remote)
        assert f"value: {80 + i}" in content
    assert git("status", "--porcelain", "--untracked-files=no", cwd=repo) == ""


def test_two_services_on_one_repository_lose_nothing(setup: dict[str, Path]) -> None:
    """Two service processes' worth of state (two apps, each with its own store) on one clone and one remote:
    concurrent submissions through both land on distinct branches, every one receipted once in the shared
    log, and a service starting while the other works leaves its journal alone."""
    import httpx

    repo, remote = setup["repo"], setup["remote"]
    with uvicorn_server(app_for(setup)) as first, uvicorn_server(app_for(setup)) as second:
        clients = [httpx.Client(base_url=url, timeout=60) for url in (first, second)]
        tokens = [login(c, origin=str(c.base_url).rstrip("/")) for c in clients]

        def one(i: int) -> dict[str, Any]:
            c, csrf = clients[i % 2], tokens[i % 2]
            answer = c.post("/api/submit", json={"kind": "realisation", "content": realisation(f"2026-{i % 12 + 1:02d}", 70 + i)},
                            headers={"Origin": str(c.base_url).rstrip("/"), "X-CSRF-Token": csrf})
            assert answer.status_code == 201, answer.text
            return answer.json()

        with ThreadPoolExecutor(max_workers=8) as pool:
            receipts = list(pool.map(one, range(16)))
        assert login(clients[1], origin=second) != tokens[0]  # sessions are per process
        for c in clients:
            c.close()
    made = {r["branch"] for r in receipts}
    assert len(made) == 16 and made <= set(branches(repo)) and made <= set(branches(remote))
    logged = [json.loads(line) for line in (repo / ".git" / "kinerja-intake" / "receipts.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in logged) == sorted(r["id"] for r in receipts)
    assert not list((repo / ".git" / "kinerja-intake" / "journal").iterdir())
    third = app_for(setup).state.intake  # a third start finds nothing to finish
    assert third.recovered == {"receipted": [], "dropped": [], "removed": []}


def test_remote_unreachable_keeps_the_branch_and_retry_pushes_it(setup: dict[str, Path]) -> None:
    repo, remote = setup["repo"], setup["remote"]
    away = remote.with_name("remote-away.git")
    with TestClient(app_for(setup), base_url=ORIGIN) as client:
        csrf = login(client)
        remote.rename(away)  # the remote is unreachable
        answer = submit(client, csrf, realisation("2026-07", 88))
        assert answer.status_code == 202, answer.text
        receipt = answer.json()
        assert receipt["push"] == "pending"
        notice = receipt["notices"][0]
        assert notice["code"] == "K820" and receipt["branch"] in notice["message"] and "Nothing is lost" in notice["hint"]
        assert receipt["branch"] in branches(repo)  # nothing lost locally
        failed = client.post("/api/retry", json={}, headers={"Origin": ORIGIN, "X-CSRF-Token": csrf})
        assert failed.status_code == 502 and receipt["branch"] in failed.json()["failed"]
        away.rename(remote)
        retried = client.post("/api/retry", json={}, headers={"Origin": ORIGIN, "X-CSRF-Token": csrf})
        assert retried.status_code == 200 and retried.json()["pushed"] == [receipt["branch"]]
        assert receipt["branch"] in branches(remote)
        # once more, this time retried from the command line
        remote.rename(away)
        second = submit(client, csrf, realisation("2026-08", 89)).json()
        assert second["push"] == "pending"
    away.rename(remote)
    result = run_cli("intake", "retry", "--repo", str(repo), "--remote", "origin")
    assert result.code == 0 and second["branch"] in result.out
    assert second["branch"] in branches(remote)
    assert run_cli("intake", "retry", "--repo", str(repo), "--remote", "origin").out.startswith("Tidak ada")


def test_contract_proposal_lands_on_a_branch(client: TestClient, setup: dict[str, Path]) -> None:
    csrf = login(client)
    proposal = {"employee": "e-staf", "position": "umum-staf", "period": "2026", "status": "proposed",
                "targets": [{"id": "t1", "category": "main", "text": "Tercatatnya seluruh surat masuk dan keluar",
                             "duty": "d1", "supports": "t1",
                             "indicators": [{"id": "i1", "text": "Persentase surat tercatat pada hari yang sama",
                                             "unit": "%", "target": 98, "polarity": "higher"}]}]}
    answer = submit(client, csrf, yamlsafe.dump(proposal), kind="contract")
    assert answer.status_code == 201, answer.text
    assert answer.json()["file"] == "contracts/units/dinas-umum/2026/skp/e-staf.yaml"
    assert validate_branch(setup["repo"], answer.json()["branch"], setup["tmp"]).code == 0
    vague = dict(proposal, targets=[dict(proposal["targets"][0], duty="d9")])
    refused = submit(client, csrf, yamlsafe.dump(vague), kind="contract")
    assert refused.status_code == 422 and "K204" in [p["code"] for p in refused.json()["problems"]]


def test_pull_request_is_opened_when_configured(setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    class Host(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, "auth": self.headers["Authorization"], "body": body})
            answer = json.dumps({"html_url": "https://git.example.go.id/bkd/kinerja/pulls/7"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("KINERJA_INTAKE_TOKEN", "t0ken")
        pr = hosts.PullRequestConfig("gitea", "bkd/kinerja", f"http://127.0.0.1:{server.server_port}/api/v1")
        with TestClient(app_for(setup, pull_requests=pr), base_url=ORIGIN) as client:
            receipt = submit(client, login(client), realisation("2026-09")).json()
    finally:
        server.shutdown()
    assert receipt["pull_request"] == "https://git.example.go.id/bkd/kinerja/pulls/7"
    assert seen[0]["path"] == "/api/v1/repos/bkd/kinerja/pulls" and seen[0]["auth"] == "token t0ken"
    assert seen[0]["body"]["head"] == receipt["branch"] and seen[0]["body"]["base"] == "main"


# --- the batch path --------------------------------------------------------------------------------------
def test_excel_round_trip_template_fill_import_validate(setup: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    repo, tmp = setup["repo"], setup["tmp"]
    book = tmp / "dinas-umum.xlsx"
    made = run_cli("intake", "template", "--unit", "dinas-umum", "--period", "2026", "--out", str(book), cwd=repo)
    assert made.code == 0, made.err
    wb = load_workbook(book)
    assert sorted(wb.sheetnames) == ["_kinerja", "e-kabid", "e-staf"]
    assert wb["_kinerja"].sheet_state == "hidden"
    staf = wb["e-staf"]
    assert [c.value for c in staf[4]][:7] == ["target", "indikator", "uraian", "satuan", "target", "2026-01", "2026-02"]
    assert staf["A5"].value == "t1" and staf["B5"].value == "i1" and staf["E5"].value == 95
    assert staf.data_validations.dataValidation, "numeric cells carry data validation"
    assert not any("Agus" in str(c.value) for row in staf.iter_rows() for c in row), "no names without --staff"
    staf["J5"] = 96.5        # 2026-05
    staf["K5"] = "97,5"      # 2026-06, a decimal comma
    staf["A9"], staf["B9"], staf["C9"] = "2026-05", "t1", "i1"
    staf["E9"], staf["F9"], staf["G9"] = "Buku agenda Mei", "https://arsip.example.go.id/agenda/2026-05", "Lengkap."
    wb["e-kabid"]["J5"] = 1
    filled = tmp / "filled.xlsx"
    wb.save(filled)

    # a bad cell: the error names the sheet, the column letter and the row; nothing is committed
    staf["L5"] = "banyak"
    bad = tmp / "bad.xlsx"
    wb.save(bad)
    refused = run_cli("intake", "import", str(bad), cwd=repo)
    assert refused.code == 1 and "e-staf!L5" in refused.err and "K824" in refused.err
    assert branches(repo) == ["main"]

    result = run_cli("intake", "import", str(filled), "--branch", "intake/impor-2026-05", cwd=repo)
    assert result.code == 0, result.err
    assert "intake/impor-2026-05" in result.out and "e-staf" in result.out and "e-kabid" in result.out
    log = git("log", "--format=%s", "main..intake/impor-2026-05", cwd=repo).splitlines()
    assert len(log) == 2 and all("e-staf" not in s and "e-kabid" not in s for s in log)  # no ids in subjects
    assert sorted(log) == ["Realisasi unit dinas-umum periode 2026-05 (impor 1/2)",
                           "Realisasi unit dinas-umum periode 2026-05, 2026-06 (impor 2/2)"]
    may = git("show", f"intake/impor-2026-05:{STAF_PATH.format(rp='2026-05')}", cwd=repo)
    data = yamlsafe.load_text(may, "x")[0]
    assert str(data["entries"][0]["value"]) == "96.5"
    assert data["entries"][0]["evidence"] == [{"title": "Buku agenda Mei", "url": "https://arsip.example.go.id/agenda/2026-05"}]
    assert "value: 97.5" in git("show", f"intake/impor-2026-05:{STAF_PATH.format(rp='2026-06')}", cwd=repo)
    assert validate_branch(repo, "intake/impor-2026-05", tmp).code == 0
    assert git("symbolic-ref", "--short", "HEAD", cwd=repo) == "main" and git("status", "--porcelain", "--untracked-files=no", cwd=repo) == ""


def test_import_csv_yaml_and_json_with_located_errors(setup: dict[str, Path]) -> None:
    repo, tmp = setup["repo"], setup["tmp"]
    csv_file = tmp / "realisasi.csv"
    csv_file.write_text("employee,reporting_period,target,indicator,value,not_available,evidence_title,evidence_url,note\n"
                        "e-staf,2026-09,t1,i1,93,,,,\n"
                        "e-kabid,2026-09,t1,i1,,Belum ditetapkan,,,\n", encoding="utf-8")
    yaml_file = tmp / "one.yaml"
    yaml_file.write_text(realisation("2026-10", 94), encoding="utf-8")
    json_file = tmp / "two.json"
    json_file.write_text(json.dumps({"employee": "e-staf", "period": "2026", "reporting_period": "2026-11",
                                     "entries": [{"target": "t1", "indicator": "i1", "value": 95.5}]}), encoding="utf-8")
    result = run_cli("intake", "import", str(csv_file), str(yaml_file), str(json_file), "--period", "2026", cwd=repo)
    assert result.code == 0, result.err
    branch = re.search(r"(intake-import/\S+)", result.out).group(1)
    assert validate_branch(repo, branch, tmp).code == 0
    # errors point to the file, the column letter and the row (checked through the API: no subprocess)
    from kinerja.intake.batch import BatchError, import_files
    from kinerja.intake.core import Intake
    from kinerja.intake.gitops import GitStore

    intake = Intake(GitStore(repo))
    bad_csv = tmp / "bad.csv"
    bad_csv.write_text("employee,reporting_period,target,indicator,value\ne-staf,2026-09,t1,i1,sembilan\n", encoding="utf-8")
    bad_ref = tmp / "ref.csv"
    bad_ref.write_text("employee,reporting_period,target,indicator,value\ne-staf,2026-09,t9,i1,5\n", encoding="utf-8")
    before = branches(repo)
    for file, where, code in ((bad_csv, "bad.csv!E2", "K824"), (bad_ref, "ref.csv!C2", "K213")):
        with pytest.raises(BatchError) as caught:
            import_files(intake, [file], period="2026")
        assert (where, code) in [(p.location(), p.code) for p in caught.value.problems]
    with pytest.raises(BatchError) as caught:
        import_files(intake, [yaml_file], branch="main")
    assert caught.value.problems[0].code == "K823"
    assert branches(repo) == before


# --- accounts, forms, hosts, docs -----------------------------------------------------------------------
def test_user_add_stores_only_a_salted_hash(tmp_path: Path) -> None:
    file = tmp_path / "akun.yaml"
    accounts.add_user(file, "operator-1", ["dinas"], "kata-sandi-lama")
    result = run_cli("intake", "user", "add", "operator-1", "--unit", "dinas-umum", "--unit", "dinas",
                     "--accounts", str(file), "--password-stdin", stdin="kata-sandi-panjang\n")
    assert result.code == 0, result.err
    text = file.read_text(encoding="utf-8")
    assert "kata-sandi-panjang" not in text and "scrypt$" in text
    assert file.stat().st_mode & 0o077 == 0
    store = accounts.AccountStore(file)
    assert store.verify("operator-1", "kata-sandi-panjang").units == ("dinas-umum", "dinas")
    assert store.verify("operator-1", "salah") is None and store.verify("nobody", "x") is None
    assert store.verify("operator-1", "kata-sandi-lama") is None
    with pytest.raises(accounts.AccountsError):
        accounts.add_user(file, "op2", ["dinas"], "pendek")
    listed = run_cli("intake", "user", "list", "--accounts", str(file))
    assert "operator-1\tdinas-umum, dinas" in listed.out and "scrypt" not in listed.out


def test_render_forms_writes_pages_script_and_data(tmp_path: Path) -> None:
    loaded = load_tree(MINI)
    out = tmp_path / "docs" / "formulir"
    result = render_forms(loaded, out, "id", {"git_host": "github", "git_repo": "bkd/kinerja",
                                              "intake_url": "https://intake.bkd.example.go.id/"})
    assert set(result.pages) == {"realisasi", "usulan"}
    page = (out / "realisasi.md").read_text(encoding="utf-8")
    assert page.startswith("# Laporkan realisasi") and '<form class="kf" id="kfr" data-kinerja-form="realisation"' in page
    form = page[page.index("<form"):page.index("</form>")]
    assert "\n\n" not in form, "no blank line inside the raw HTML (Markdown would end the block)"
    assert re.search(r"\son[a-z]+=", form) is None and "<script" not in page
    assert "Usulkan kontrak / perubahan" in (out / "usulan.md").read_text(encoding="utf-8")
    script = (out / "assets" / "kinerja-forms.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "eval(" not in script and "http://" not in script.replace("http://x", "")
    index = json.loads((out / "assets" / "kinerja-forms-data" / "index.json").read_text(encoding="utf-8"))
    assert index["submit"]["git"]["template"].startswith("{base}/{repo}/new/{branch}")
    assert index["rules"]["realisation"]["entries[].evidence[].url"]["pattern"].startswith("^https?://")
    assert index["rules"]["contract"]["targets[].category"]["enum"] == ["main", "additional"]
    assert index["messages"]["K106"]["message"].startswith("'{field}' bernilai")
    unit = json.loads((out / "assets" / "kinerja-forms-data" / "units" / "dinas-umum.json").read_text(encoding="utf-8"))
    assert unit["contracts"]["e-staf/2026"]["targets"][0]["indicators"][0]["unit"] == "%"
    assert unit["superiors"]["umum-staf/2026"]["employee"] == "e-kabid"
    everything = "".join(p.read_text(encoding="utf-8") for p in (out / "assets").rglob("*.json"))
    assert "Agus Salim" not in everything and "199002022015031003" not in everything
    render_forms(loaded, out, "en", FormsConfig(staff=True, page_names=("report", "propose")))
    staff = (out / "assets" / "kinerja-forms-data" / "units" / "dinas-umum.json").read_text(encoding="utf-8")
    assert "Agus Salim" in staff and "199002022015031003" not in staff
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Report a realisation")
    with pytest.raises(ValueError):
        FormsConfig.from_mapping({"git_hots": "github"})


def test_git_host_links() -> None:
    path = "contracts/units/dinas-umum/2026/realisations/e-staf/2026-03.yaml"
    content = 'employee: e-staf\nperiod: "2026"\n'
    github = hosts.new_file_url(hosts.git_link("github", "bkd/kinerja"), path, content, "Realisasi")
    assert github.startswith("https://github.com/bkd/kinerja/new/main?filename=contracts%2Funits%2F")
    assert "&value=employee%3A%20e-staf%0Aperiod%3A%20%222026%22%0A" in github
    gitlab = hosts.new_file_url(hosts.git_link("gitlab", "bkd/kinerja", "main", "https://git.bkd.go.id/"), path, content, "R")
    assert gitlab.startswith("https://git.bkd.go.id/bkd/kinerja/-/new/main?file_name=contracts%2F") and "&content=" in gitlab
    gitea = hosts.new_file_url(hosts.git_link("gitea", "bkd/kinerja", "main", "https://gitea.bkd.go.id"), path, content, "R")
    assert gitea.startswith("https://gitea.bkd.go.id/bkd/kinerja/_new/main/?filename=contracts%2F") and "&value=" in gitea
    assert hosts.git_link(None, None) is None
    with pytest.raises(ValueError):
        hosts.git_link("gitea", "bkd/kinerja")        # self-hosted: the base URL is needed
    with pytest.raises(ValueError):
        hosts.git_link("github", "../../x")


def test_every_intake_option_is_documented() -> None:
    """Like Datasette: a CLI option or a form option missing from docs/intake.md fails the build."""
    import dataclasses

    import click

    from kinerja.cli import main

    docs = (REPO / "docs" / "intake.md").read_text(encoding="utf-8")
    group = main.commands["intake"]
    assert isinstance(group, click.Group)
    stack: list[tuple[str, click.Command]] = list(group.commands.items())
    missing = []
    while stack:
        name, command = stack.pop()
        if isinstance(command, click.Group):
            stack.extend((f"{name} {n}", c) for n, c in command.commands.items())
            continue
        assert f"kinerja intake {name}" in docs, f"command 'kinerja intake {name}' is not documented"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in docs:
                    missing.append(f"{name} {opt}")
            for opt in getattr(param, "secondary_opts", []):
                if opt not in docs:
                    missing.append(f"{name} {opt}")
    missing += [f"FormsConfig.{f.name}" for f in dataclasses.fields(FormsConfig) if f"`{f.name}`" not in docs]
    assert not missing, f"not documented in docs/intake.md: {missing}"
