"""The write-side benchmark (``kinerja bench intake``): the month-end rush on the intake service.

On a generated province (the same one ``kinerja bench`` makes and reuses), it starts the real service
(``kinerja intake serve --no-push``) on loopback, signs in ``officers`` officers, and has them submit
``submissions`` realisations (the month after the last one each employee reported), ``concurrency`` at a
time, through the HTTP API. It prints the time from start to ready, the time of the first receipt,
submissions per minute, latency p50/p95/max, the service's peak memory (VmHWM), lost submissions
(accepted without a branch, or an intake branch without a receipt in the log) and ``git fsck``. With
``kill_after`` the service is killed (SIGKILL) once that many were accepted, restarted, and the rest
submitted: nothing accepted may be lost, and every branch must have its receipt after the restart.

Beside them, the floor: the same files written as commits with ``git hash-object``, ``git mktree``,
``git commit-tree`` and ``git update-ref`` alone (one process each, the tree built along the changed
path); and the Excel batch import of one unit's workbook for one month (``kinerja intake template``,
filled, then ``kinerja intake import``).

Each run starts from the base branch alone: the intake branches and the service's state folder of a
previous run are removed first (the province repository is the bench's own).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

PASSWORD = "bench-password-not-secret"
NEXT_MONTH = re.compile(r'reporting_period: "(\d{4})-(\d{2})"')


@dataclass
class Submission:
    """One realisation to submit: its unit, file path and YAML text."""

    unit: str
    path: str
    content: str


@dataclass
class Rush:
    """What one run of the rush measured."""

    started: float = 0.0                       # perf_counter at the service's start
    ready: float = float("nan")                # seconds from start to /healthz answering
    first: float = float("nan")                # seconds from start to the first receipt
    latencies: list[float] = field(default_factory=list)
    accepted: dict[str, dict[str, Any]] = field(default_factory=dict)   # receipt id → receipt
    refused: dict[int, int] = field(default_factory=dict)               # status → count
    unanswered: int = 0                        # connections cut (the service was killed)
    wall: float = 0.0                          # seconds from the first request to the last answer
    peak_mb: float = 0.0
    restarts: list[float] = field(default_factory=list)                 # ready seconds after each kill
    problems: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pick(root: Path, count: int) -> list[Submission]:
    """``count`` realisations for the month after each chosen employee's last report, spread evenly over
    the province (deterministic)."""
    found: list[tuple[str, Path]] = []
    units = root / "contracts" / "units"
    for unit_dir in sorted(p for p in units.iterdir() if p.is_dir()):
        for period_dir in sorted(p for p in unit_dir.iterdir() if p.is_dir()):
            reports = period_dir / "realisations"
            if not reports.is_dir():
                continue
            for employee in sorted(p for p in reports.iterdir() if p.is_dir()):
                months = sorted(employee.glob("????-??.yaml"))
                if months and not months[-1].stem.endswith("-12"):
                    found.append((unit_dir.name, months[-1]))
    if not found:
        raise SystemExit("bench intake: no monthly realisation to continue in this province")
    step = max(1, len(found) // count)
    chosen = (found[::step] + found)[:count] if count > len(found) else found[::step][:count]
    return [_next_month(unit, path, root) for unit, path in chosen]


def _next_month(unit: str, path: Path, root: Path) -> Submission:
    text = path.read_text(encoding="utf-8")
    match = NEXT_MONTH.search(text)
    assert match is not None, path
    year, month = int(match.group(1)), int(match.group(2)) + 1
    rp = f"{year}-{month:02d}"
    text = text.replace(match.group(0), f'reporting_period: "{rp}"')
    text = re.sub(r'submitted_on: "[^"]*"', f'submitted_on: "{year}-{month:02d}-28"', text)
    rel = path.relative_to(root).with_name(f"{rp}.yaml").as_posix()
    return Submission(unit, rel, text)


def write_accounts(path: Path, units: list[str], officers: int) -> list[tuple[str, list[str]]]:
    """``officers`` accounts sharing the units round-robin (each unit has at least one officer)."""
    from ..intake.accounts import Account, hash_secret, save

    count = max(1, officers)
    owned: list[list[str]] = [[] for _ in range(count)]
    for i, unit in enumerate(units):
        owned[i % count].append(unit)
    for i in range(count):
        if not owned[i]:
            owned[i].append(units[i % len(units)])
    secret = hash_secret(PASSWORD)  # one hash (its salt shared): the bench measures submissions, not sign-ins
    accounts = {f"petugas{i:03d}": Account(f"petugas{i:03d}", tuple(owned[i]), secret) for i in range(count)}
    save(path, accounts)
    return [(name, list(account.units)) for name, account in accounts.items()]


class Officer:
    """One signed-in officer: the session cookie and CSRF token."""

    def __init__(self, port: int, user: str) -> None:
        self.port, self.user = port, user
        self.origin = f"http://127.0.0.1:{port}"
        self.cookie, self.csrf = "", ""
        self.lock = threading.Lock()

    def post(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        headers = {"Content-Type": "application/json", "Origin": self.origin}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        # a connection per request: a kept-alive one may be closed by the server while idle, and a request
        # sent again could be a submission made twice
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        try:
            conn.request("POST", path, body=json.dumps(body), headers=headers)
            answer = conn.getresponse()
            raw = answer.read()
        finally:
            conn.close()
        cookie = answer.getheader("set-cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        try:
            return answer.status, json.loads(raw or b"{}")
        except ValueError:
            return answer.status, {}

    def login(self) -> None:
        status, data = self.post("/api/login", {"user": self.user, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"sign-in of {self.user}: {status} {data}")
        self.csrf = data["csrf"]


def _state(root: Path) -> Path:
    return root / ".git" / "kinerja-intake"


def reset(root: Path) -> None:
    """Remove what a previous run left: intake branches and the service's state folder."""
    refs = subprocess.run(["git", "for-each-ref", "--format=%(refname)", "refs/heads/intake/", "refs/heads/floor/",
                           "refs/heads/intake-import/"], cwd=root, check=True, capture_output=True, text=True).stdout
    if refs.strip():
        subprocess.run(["git", "update-ref", "--stdin"], cwd=root, check=True, text=True,
                       input="".join(f"delete {ref}\n" for ref in refs.split()))
    shutil.rmtree(_state(root), ignore_errors=True)


class Service:
    """``kinerja intake serve --no-push`` as a child process."""

    def __init__(self, root: Path, accounts: Path, port: int, log: Path) -> None:
        self.root, self.accounts, self.port, self.log = root, accounts, port, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 1800.0) -> float:
        """Start and wait for ``/healthz``; returns the seconds it took."""
        cmd = [sys.executable, "-m", "kinerja", "intake", "serve", "--repo", str(self.root), "--accounts",
               str(self.accounts), "--port", str(self.port), "--no-push", "--rate-limit", "1000000",
               "--log-level", "warning", "--lang", "en"]
        started = time.perf_counter()
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.root, stdout=log, stderr=log)
        while time.perf_counter() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the service exited with {self.proc.returncode}: {self.log.read_text()[-800:]}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("the service did not answer /healthz in time")

    def peak_mb(self) -> float:
        """The service's peak resident size so far (VmHWM)."""
        if self.proc is None:
            return 0.0
        try:
            with open(f"/proc/{self.proc.pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> int:
        """SIGTERM, as an operator would stop it; the exit code."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode


def rush(root: Path, work: Path, items: list[Submission], officers: int, concurrency: int,
         kill_after: int | None, echo: Callable[[str], None]) -> Rush:
    """Run the rush (see the module docstring)."""
    reset(root)
    units = sorted({item.unit for item in items})
    accounts = work / "accounts.yaml"
    table = write_accounts(accounts, units, officers)
    holders: dict[str, list[str]] = {}
    for name, owned in table:
        for unit in owned:
            holders.setdefault(unit, []).append(name)
    result = Rush()
    service = Service(root, accounts, free_port(), work / "service.log")
    result.started = time.perf_counter()
    result.ready = service.start()
    echo(f"  service ready in {result.ready:.2f} s")
    lock = threading.Lock()
    killed = threading.Event()
    pool: dict[str, Officer] = {}

    def officer(name: str) -> Officer:
        with lock:
            if name not in pool:
                pool[name] = Officer(service.port, name)
        return pool[name]

    def sign_in_all() -> None:
        with ThreadPoolExecutor(max(1, min(concurrency, len(table)))) as ex:
            list(ex.map(lambda row: officer(row[0]).login(), table))

    sign_in_all()
    counter = {"n": 0}

    def one(index: int) -> None:
        item = items[index]
        names = holders[item.unit]
        who = officer(names[index % len(names)])
        with who.lock:  # one request at a time per officer connection
            sent = time.perf_counter()
            try:
                status, data = who.post("/api/submit", {"kind": "realisation", "content": item.content, "lang": "en"})
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    result.unanswered += 1
                    if not killed.is_set() and len(result.problems) < 5:
                        result.problems.append(f"no answer: {exc!r}")
                return
            took = time.perf_counter() - sent
        with lock:
            if status in (201, 202):
                result.latencies.append(took)
                result.accepted[data["id"]] = data
                if result.first != result.first:  # nan: the first receipt
                    result.first = time.perf_counter() - result.started
                counter["n"] += 1
                if kill_after is not None and counter["n"] == kill_after and not killed.is_set():
                    killed.set()
                    result.peak_mb = max(result.peak_mb, service.peak_mb())
                    service.kill()
            else:
                result.refused[status] = result.refused.get(status, 0) + 1
                if len(result.problems) < 5:
                    result.problems.append(f"{status}: {json.dumps(data.get('problems', data))[:300]}")

    first_sent = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as ex:
        list(ex.map(one, range(len(items))))
    if killed.is_set():
        # after a restart, send again what got no answer (as an officer would press "send" again)
        answered = {r.get("file") for r in result.accepted.values()}
        again = [i for i in range(len(items)) if items[i].path not in answered]
        cut, result.unanswered = result.unanswered, 0
        restarted = time.perf_counter()
        service.start()
        result.restarts.append(time.perf_counter() - restarted)
        echo(f"  killed after {kill_after} receipts ({cut} requests cut); restarted, ready in "
             f"{result.restarts[-1]:.2f} s; {len(again)} submitted again")
        pool.clear()
        sign_in_all()
        with ThreadPoolExecutor(concurrency) as ex:
            list(ex.map(one, again))
    result.wall = time.perf_counter() - first_sent
    result.peak_mb = max(result.peak_mb, service.peak_mb())
    code = service.stop()
    if code not in (0, None):
        result.problems.append(f"the service stopped with exit code {code}")
    return result


def lost(root: Path, result: Rush) -> tuple[int, int, int]:
    """``(accepted without a branch, branches without a receipt, accepted receipts missing from the log)``."""
    from ..intake.gitops import GitStore

    store = GitStore(root, push=False)
    branches = dict(line.split(" ", 1) for line in subprocess.run(
        ["git", "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/intake/"],
        cwd=root, check=True, capture_output=True, text=True).stdout.splitlines() if line)
    logged = {item.get("id"): item for item in store.receipts()}
    no_branch = sum(1 for r in result.accepted.values() if branches.get(r.get("branch")) != r.get("commit"))
    receipted = {item.get("branch") for item in logged.values()}
    no_receipt = sum(1 for branch in branches if branch not in receipted)
    not_logged = sum(1 for rid in result.accepted if rid not in logged)
    return no_branch, no_receipt, not_logged


def fsck(root: Path) -> tuple[bool, float, str]:
    started = time.perf_counter()
    proc = subprocess.run(["git", "fsck", "--no-dangling", "--no-progress"], cwd=root, capture_output=True, text=True)
    return proc.returncode == 0, time.perf_counter() - started, (proc.stderr or proc.stdout).strip()[-300:]


def _git(root: Path, *args: str, data: str | None = None, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, input=data,
                          env={**os.environ, **(env or {})}).stdout.strip()


def floor(root: Path, items: list[Submission]) -> float:
    """Seconds to write ``items`` as one commit each on its own branch from the base, with plumbing alone
    (hash-object, ls-tree and mktree along the path, commit-tree, update-ref)."""
    env = {"GIT_AUTHOR_NAME": "Floor", "GIT_AUTHOR_EMAIL": "floor@example.invalid",
           "GIT_COMMITTER_NAME": "Floor", "GIT_COMMITTER_EMAIL": "floor@example.invalid"}
    base = _git(root, "rev-parse", "HEAD")
    started = time.perf_counter()
    for n, item in enumerate(items):
        blob = _git(root, "hash-object", "-w", "--stdin", data=item.content)
        parts = item.path.split("/")
        dirs = ["/".join(parts[:i]) for i in range(len(parts))]  # "", "contracts", …, the file's folder
        entry = f"100644 blob {blob}\t{parts[-1]}"
        for depth in range(len(dirs) - 1, -1, -1):
            listing = _git(root, "ls-tree", f"{base}:{dirs[depth]}" if dirs[depth] else f"{base}^{{tree}}") \
                if _exists(root, base, dirs[depth]) else ""
            name = entry.split("\t", 1)[1]
            rows = [row for row in listing.splitlines() if row.split("\t", 1)[1] != name] + [entry]
            tree = _git(root, "mktree", data="\n".join(rows) + "\n")
            if depth:
                entry = f"040000 tree {tree}\t{parts[depth - 1]}"
        commit = _git(root, "commit-tree", tree, "-p", base, "-m", f"floor {n}", env=env)
        _git(root, "update-ref", f"refs/heads/floor/{n}", commit, "0" * 40)
    return time.perf_counter() - started


def _exists(root: Path, commit: str, folder: str) -> bool:
    if not folder:
        return True
    return subprocess.run(["git", "cat-file", "-e", f"{commit}:{folder}"], cwd=root, capture_output=True).returncode == 0


def excel_import(root: Path, work: Path, echo: Callable[[str], None]) -> tuple[float, float, str, int, str]:
    """Template, fill (every target's value for the month after the last reported one) and import the
    workbook of the unit with the most employees; ``(template s, import s, unit, sheets, note)``."""
    from openpyxl import load_workbook

    counts: dict[tuple[str, str], int] = {}
    for skp in (root / "contracts" / "units").glob("*/*/skp/*.yaml"):
        key = (skp.parents[2].name, skp.parents[1].name)
        counts[key] = counts.get(key, 0) + 1
    (unit, period), sheets = max(counts.items(), key=lambda kv: (kv[1], kv[0][1], kv[0][0]))
    book = work / "excel" / f"{unit}.xlsx"
    shutil.rmtree(book.parent, ignore_errors=True)
    book.parent.mkdir(parents=True)
    kinerja = [sys.executable, "-m", "kinerja", "intake"]
    started = time.perf_counter()
    made = subprocess.run([*kinerja, "template", "--unit", unit, "--period", period, "--out", str(book)],
                          cwd=root, capture_output=True, text=True)
    template_s = time.perf_counter() - started
    if made.returncode != 0:
        return template_s, float("nan"), unit, sheets, f"template exit {made.returncode}: {made.stderr[-300:]}"
    wb = load_workbook(book)
    month = None
    for ws in wb.worksheets:
        if ws.title == "_kinerja":
            continue
        header = [c.value for c in ws[4]]
        reported = _last_reported(root, unit, period, ws)
        if month is None:
            month = reported
        if month is None or month not in header:
            continue
        column = header.index(month) + 1
        for row in range(5, ws.max_row + 1):
            target, indicator, planned = ws.cell(row, 1).value, ws.cell(row, 2).value, ws.cell(row, 5).value
            if target and indicator and isinstance(planned, (int, float)):
                ws.cell(row, column).value = planned
    filled = work / "excel" / f"{unit}-filled.xlsx"
    wb.save(filled)
    started = time.perf_counter()
    done = subprocess.run([*kinerja, "import", str(filled), "--branch", f"intake-import/{unit}-{month}"],
                          cwd=root, capture_output=True, text=True)
    import_s = time.perf_counter() - started
    note = f"unit {unit}, {sheets} employee sheets, month {month}"
    if done.returncode != 0:
        note += f"; import exit {done.returncode}: {done.stderr[-300:]}"
    return template_s, import_s, unit, sheets, note


def _last_reported(root: Path, unit: str, period: str, ws: Any) -> str | None:
    """The month after the last month anyone of the unit reported (from the files on disk)."""
    months = sorted(p.stem for p in (root / "contracts" / "units" / unit / period / "realisations").glob("*/????-??.yaml"))
    if not months:
        return None
    year, month = map(int, months[-1].split("-"))
    return f"{year}-{month + 1:02d}" if month < 12 else None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run(employees: int, seed: int, workdir: Path, officers: int, submissions: int, concurrency: int,
        kill_after: int | None, excel: bool, echo: Callable[[str], None]) -> dict[str, Any]:
    """The whole benchmark; the figures as a dict (printed by :func:`report`)."""
    from . import prepare

    root = prepare(workdir, employees, seed, echo)
    work = workdir / "intake"
    work.mkdir(exist_ok=True)
    items = pick(root, submissions)
    echo(f"  {len(items)} realisations to submit, {len({i.unit for i in items})} units, {officers} officers, "
         f"{concurrency} at a time")
    result = rush(root, work, items, officers, concurrency, kill_after, echo)
    no_branch, no_receipt, not_logged = lost(root, result)
    ok, fsck_s, fsck_text = fsck(root)
    reset(root)
    floor_s = floor(root, items)
    reset(root)
    figures: dict[str, Any] = {
        "employees": employees, "officers": officers, "concurrency": concurrency, "submitted": len(items),
        "ready_s": result.ready, "first_s": result.first, "accepted": len(result.accepted),
        "refused": dict(result.refused), "unanswered": result.unanswered,
        "per_minute": len(result.accepted) / result.wall * 60 if result.wall else float("nan"),
        "p50_s": percentile(result.latencies, 0.5), "p95_s": percentile(result.latencies, 0.95),
        "max_s": max(result.latencies, default=float("nan")), "peak_mb": result.peak_mb,
        "lost_no_branch": no_branch, "lost_no_receipt": no_receipt, "lost_not_logged": not_logged,
        "killed_after": kill_after, "restart_ready_s": result.restarts[0] if result.restarts else None,
        "fsck_ok": ok, "fsck_s": fsck_s, "fsck_note": "" if ok else fsck_text,
        "floor_per_minute": len(items) / floor_s * 60 if floor_s else float("nan"),
        "floor_ms": floor_s / len(items) * 1000 if items else float("nan"),
        "problems": result.problems,
    }
    if excel:
        template_s, import_s, unit, sheets, note = excel_import(root, work, echo)
        figures.update(excel_template_s=template_s, excel_import_s=import_s, excel_note=note)
        reset(root)
    return figures


def report(f: dict[str, Any]) -> str:
    """The figures, each against its target (and its floor where one exists)."""
    import platform

    lost_total = f["lost_no_branch"] + f["lost_no_receipt"] + f["lost_not_logged"]
    lines = [f"Kinerja intake benchmark: {f['employees']} employees, {f['officers']} officers, {f['submitted']} "
             f"realisations {f['concurrency']} at a time; {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}", "",
             f"  ready after start                = {f['ready_s']:8.2f} s   [≤ 10 s]",
             f"  first receipt after start       = {f['first_s']:8.2f} s",
             f"  submissions per minute          = {f['per_minute']:8.1f}     [≥ 600]  "
             f"floor {f['floor_per_minute']:.1f} (ratio {f['per_minute'] / f['floor_per_minute']:.2f})",
             f"  latency p50 / p95 / max         = {f['p50_s']:.2f} / {f['p95_s']:.2f} / {f['max_s']:.2f} s  "
             f"[p95 ≤ 2 s]  floor {f['floor_ms']:.0f} ms per commit",
             f"  service peak memory (VmHWM)     = {f['peak_mb']:8.0f} MB  [≤ 1024]",
             f"  accepted / refused / unanswered = {f['accepted']} / {sum(f['refused'].values())} / {f['unanswered']}"
             + (f"  (refused by status: {f['refused']})" if f["refused"] else ""),
             f"  lost submissions                = {lost_total}  [0] (accepted without a branch: "
             f"{f['lost_no_branch']}, branch without a receipt: {f['lost_no_receipt']}, receipt not in the log: "
             f"{f['lost_not_logged']})"]
    if f.get("killed_after") is not None:
        lines.append(f"  SIGKILL after {f['killed_after']} receipts; ready again after "
                     f"{f['restart_ready_s']:.2f} s")
    lines.append(f"  git fsck                        = {'ok' if f['fsck_ok'] else 'FAILED ' + f['fsck_note']} "
                 f"({f['fsck_s']:.1f} s)")
    if "excel_import_s" in f:
        lines.append(f"  Excel import of one workbook    = {f['excel_import_s']:8.2f} s   [≤ 30 s] "
                     f"(template {f['excel_template_s']:.2f} s; {f['excel_note']})")
    for item in f["problems"]:
        lines.append(f"  note: {item}")
    return "\n".join(lines) + "\n"
