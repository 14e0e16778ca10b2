"""Path B: the intake service (``kinerja intake serve``), a small Starlette application.

Officers open the service's own pages (``/`` for realisations, ``/usulan`` for contract proposals), or the
forms on the static site when it is allowed as an origin. A submission is ``POST /api/submit`` with JSON
``{"kind": "realisation" | "contract", "content": "<the YAML>", "lang": "id"}`` and:

1. the body is at most ``max_body`` bytes (413, K814), is JSON (415/400, K816) with only the known fields
   (400, K835), and every number in it is within :mod:`kinerja.bounds` (422, K834), checked on the text
   before it is converted;
2. the officer is signed in (401, K810): ``POST /api/login`` checks the accounts file (scrypt hashes)
   and sets an HttpOnly session cookie; failed sign-ins lock out the user name (429, K830) and the client
   address (429, K831) for a while (:mod:`kinerja.intake.limits`; ``X-Forwarded-For`` counts only behind
   a trusted proxy);
3. the request comes from an allowed origin and carries the session's CSRF token in ``X-CSRF-Token``
   (403, K813); submissions per officer are rate limited (429, K815);
4. the YAML is parsed with the safe loader and checked by :class:`kinerja.intake.core.Intake`: ids and
   path (400, K817), unit authorisation (403, K812), lock date (409, K821), the validator (422);
5. the canonical file is committed on a new branch and pushed; the answer is the receipt (201, or 202
   when the push is still pending: K820), also kept in the receipt log and shown at ``/receipt/<id>``.
   The submission is journalled first, so a crash is finished or undone at the next start
   (:meth:`kinerja.intake.gitops.GitStore.recover`); once the service is stopping no new branch is
   written (503, K832) and in-flight pushes are deferred to ``retry``.

Every page is sent with a strict Content-Security-Policy (scripts and styles only from the service).
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from markupsafe import escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import bounds
from ..load import layout, yamlsafe
from ..report import Problem, format_path, problem
from . import formdata, forms
from .accounts import Account, AccountStore
from .core import Intake, Refused
from .gitops import GitStore
from .hosts import PullRequestConfig
from .limits import ClientAddress, Lockout, Network, address_key
from .texts import NUMBER_REFUSALS, REQUEST_BODY, TEXTS

COOKIE = "kinerja_intake"
RECEIPT_ID = re.compile(r"[0-9a-f]{32}")
RECENT_RECEIPTS = 1000
MAX_SHOWN = 24  # characters of a refused value shown back
FIELDS = {  # the fields each POST accepts
    "login": {"user", "password", "lang"},
    "logout": {"lang"},
    "submit": {"kind", "content", "lang"},
    "retry": {"lang"},
}


@dataclass
class IntakeConfig:
    """The intake service's settings (every ``kinerja intake serve`` option maps to one field)."""

    repo: Path
    accounts: Path
    remote: str | None = None
    push: bool = True
    base: str | None = None               # the base branch; default: the branch checked out in ``repo``
    lang: str = "id"
    max_body: int = 256 * 1024            # bytes per request
    rate_limit: int = 60                  # submissions per officer per ``rate_window`` seconds
    rate_window: float = 600.0
    login_limit: int = 10                 # failed sign-ins of one user name per ``rate_window`` …
    login_address_limit: int = 30         # … and from one address, before a lockout of ``login_lockout``
    login_lockout: float = 900.0          # seconds a user name or address is locked out
    trusted_proxies: tuple[Network, ...] = ()  # peers whose X-Forwarded-For is believed (default: none)
    session_ttl: float = 8 * 3600.0       # seconds of inactivity before a session ends
    public_url: str | None = None         # e.g. https://intake.bkd.example.go.id (its origin is trusted)
    allow_origins: tuple[str, ...] = ()   # other origins allowed to submit (the static site), with CORS
    cookie_secure: bool | None = None     # default: when public_url is https
    cookie_samesite: str = "strict"       # strict | lax | none (none needs HTTPS)
    staff: bool = False                   # show names in the forms (then the form data needs a sign-in)
    pull_requests: PullRequestConfig = field(default_factory=PullRequestConfig)


@dataclass
class Session:
    user: str
    csrf: str
    expires: float


class RateLimiter:
    """A sliding-window counter per key."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.hits: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def retry_after(self, key: str, record: bool = True) -> int:
        """0 when allowed (and counted when ``record``), else the seconds to wait."""
        now = time.monotonic()
        with self.lock:
            hits = self.hits[key]
            while hits and now - hits[0] > self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, int(self.window - (now - hits[0])) + 1)
            if record:
                hits.append(now)
            return 0

    def record(self, key: str) -> None:
        with self.lock:
            self.hits[key].append(time.monotonic())


class OutOfBounds(ValueError):
    """Raised while parsing JSON when a number is beyond :mod:`kinerja.bounds`."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text, self.reason = text, reason


def _bounded_int(text: str) -> int:
    reason = bounds.refusal(text)
    if reason:
        raise OutOfBounds(text, reason)
    return int(text)


def _bounded_float(text: str) -> float:
    reason = bounds.refusal(text)
    if reason:
        raise OutOfBounds(text, reason)
    return float(text)


def _no_constant(text: str) -> float:
    raise OutOfBounds(text, "not-finite")


def parse_json(text: str) -> Any:
    """``json.loads`` that refuses numbers beyond the bounds on their text, before converting them."""
    return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float, parse_constant=_no_constant)


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def number_problems(data: Any, path: tuple[str | int, ...] = ()) -> list[Problem]:
    """K834 for every number of loaded YAML that is beyond the bounds (before the canonical writer)."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in number_problems(v, path + (str(k),))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in number_problems(v, path + (i,))]
    if isinstance(data, bool) or not isinstance(data, (int, float, Decimal)) or bounds.is_within_bounds(data):
        return []
    text = str(data)  # an int here came from text the loader accepted, so str() is cheap
    reason = bounds.decimal_refusal(data) if isinstance(data, Decimal) else bounds.refusal(text)
    shown = _shown(text)
    field = format_path(path) or "content"
    return [problem("K834", "(intake)", path=path, value=shown, field=field,
                    reason=NUMBER_REFUSALS[reason or "too-large"])]


class TooLarge(Exception):
    """Raised while reading a body beyond the size limit."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


class SecurityHeaders:
    """Pure ASGI middleware: CSP and friends on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app
        csp = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
               "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"]
        self.headers = [(b"content-security-policy", "; ".join(csp).encode()),
                        (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                        (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin")]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in self.headers if h[0] not in names]
            await send(message)

        await self.app(scope, receive, wrapped)


class IntakeApp:
    """The service's state and handlers; :func:`create_app` wires them into Starlette."""

    def __init__(self, config: IntakeConfig) -> None:
        self.config = config
        self.lang = "en" if config.lang == "en" else "id"
        self.store = GitStore(config.repo, base=config.base, remote=config.remote, push=config.push)
        self.intake = Intake(self.store, config.pull_requests)
        self.accounts = AccountStore(config.accounts)
        self.accounts.accounts()  # a broken accounts file stops the start, not the first sign-in
        self.sessions: dict[str, Session] = {}
        self.sessions_lock = threading.Lock()
        self.submissions = RateLimiter(config.rate_limit, config.rate_window)
        self.user_lockout = Lockout(config.login_limit, config.rate_window, config.login_lockout)
        self.address_lockout = Lockout(config.login_address_limit, config.rate_window, config.login_lockout)
        self.busy = 0                       # submissions in flight
        self.idle = threading.Condition()
        self.recovered = self.intake.recover(self.lang)
        self.receipts: dict[str, dict[str, Any]] = {}
        self.trusted = {o.rstrip("/").lower() for o in config.allow_origins}
        if config.public_url:
            self.trusted.add(_origin(config.public_url))
        secure = config.cookie_secure
        self.cookie_secure = secure if secure is not None else bool(config.public_url and config.public_url.startswith("https"))
        self._data_cache: tuple[str, dict[str, Any], dict[str, Any]] | None = None
        self._data_lock = threading.Lock()

    # --- helpers ------------------------------------------------------------------------------------
    def request_lang(self, request: Request, body: dict[str, Any] | None = None) -> str:
        lang = (body or {}).get("lang") if isinstance(body, dict) else None
        if lang in ("id", "en"):
            return lang
        if request.query_params.get("lang") in ("id", "en"):
            return request.query_params["lang"]
        return self.lang

    def refuse(self, status: int, problems: list[Problem], lang: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"ok": False, "status": status, "problems": [p.to_dict(lang) for p in problems]},
                            status_code=status, headers=dict(headers or {}, **{"Cache-Control": "no-store"}))

    def session_of(self, request: Request) -> Session | None:
        token = request.cookies.get(COOKIE)
        if not token:
            return None
        now = time.monotonic()
        with self.sessions_lock:
            session = self.sessions.get(token)
            if session is None or session.expires < now:
                self.sessions.pop(token, None)
                return None
            session.expires = now + self.config.session_ttl
            return session

    def origin_ok(self, request: Request) -> bool:
        origin = request.headers.get("origin") or _origin(request.headers.get("referer", ""))
        if not origin or origin == "null":
            return False
        own = f"{request.url.scheme}://{request.url.netloc}".lower()
        return origin.rstrip("/").lower() in self.trusted | {own}

    async def read_body(self, request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.config.max_body:
            raise TooLarge(int(declared))
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.config.max_body:
                raise TooLarge(size)
            chunks.append(chunk)
        return b"".join(chunks)

    async def json_body(self, request: Request, allowed: set[str]) -> dict[str, Any]:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            raise Refused(415, [problem("K816", "(intake)", detail="Content-Type must be application/json")])
        raw = await self.read_body(request)
        try:
            data = parse_json(raw.decode("utf-8") or "{}")
        except OutOfBounds as exc:
            raise Refused(422, [problem("K834", "(intake)", value=_shown(exc.text), field=REQUEST_BODY,
                                        reason=NUMBER_REFUSALS[exc.reason])]) from exc
        except RecursionError as exc:
            raise Refused(400, [problem("K816", "(intake)", detail="JSON nested too deeply")]) from exc
        except (UnicodeDecodeError, ValueError) as exc:
            raise Refused(400, [problem("K816", "(intake)", detail=f"invalid JSON ({_shown(str(exc))})")]) from exc
        if not isinstance(data, dict):
            raise Refused(400, [problem("K816", "(intake)", detail="expected a JSON object")])
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise Refused(400, [problem("K835", "(intake)", fields=", ".join(_shown(f) for f in unknown[:5]),
                                        allowed=", ".join(sorted(allowed)))])
        return data

    async def guarded(self, request: Request, handler: Callable[[dict[str, Any], Session | None, str], Awaitable[Response]],
                      fields: str, need_session: bool = True) -> Response:
        """The common checks of every POST: origin, size, JSON with ``FIELDS[fields]``, session, CSRF;
        then the handler."""
        lang = self.request_lang(request)
        try:
            if not self.origin_ok(request):
                return self.refuse(403, [problem("K813", "(intake)")], lang)
            body = await self.json_body(request, FIELDS[fields])
            lang = self.request_lang(request, body)
            session = self.session_of(request)
            if need_session:
                if session is None:
                    return self.refuse(401, [problem("K810", "(intake)")], lang)
                token = request.headers.get("x-csrf-token", "")
                if not secrets.compare_digest(token.encode(), session.csrf.encode()):
                    return self.refuse(403, [problem("K813", "(intake)")], lang)
            return await handler(body, session, lang)
        except TooLarge as exc:
            return self.refuse(413, [problem("K814", "(intake)", size=exc.size, limit=self.config.max_body)], lang)
        except Refused as exc:
            return self.refuse(exc.status, exc.problems, lang)

    # --- pages and data -----------------------------------------------------------------------------
    async def page_realisation(self, request: Request) -> Response:
        return HTMLResponse(forms.service_page("realisation", self.request_lang(request)))

    async def page_contract(self, request: Request) -> Response:
        return HTMLResponse(forms.service_page("contract", self.request_lang(request)))

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in (forms.SCRIPT, forms.STYLE):
            return Response(status_code=404)
        media = "text/javascript" if name.endswith(".js") else "text/css"
        return FileResponse(forms.ASSETS / name, media_type=media, headers={"Cache-Control": "no-cache"})

    def form_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        with self._data_lock:
            base = self.store.base_commit()
            if self._data_cache is None or self._data_cache[0] != base:
                loaded = self.intake.snapshot()
                index = formdata.index(loaded, self.lang, self.config.staff, {"intake_url": ".", "git": None})
                self._data_cache = (base, index, formdata.all_units(loaded, self.config.staff))
            return self._data_cache[1], self._data_cache[2]

    async def data_index(self, request: Request) -> Response:
        if self.config.staff and self.session_of(request) is None:
            return self.refuse(401, [problem("K810", "(intake)")], self.request_lang(request))
        index, _ = await run_in_threadpool(self.form_data)
        lang = self.request_lang(request)
        if lang != index["lang"]:
            index = dict(index, lang=lang, texts=TEXTS[lang], messages=formdata.messages(lang))
        return JSONResponse(index, headers={"Cache-Control": "no-cache"})

    async def data_unit(self, request: Request) -> Response:
        if self.config.staff and self.session_of(request) is None:
            return self.refuse(401, [problem("K810", "(intake)")], self.request_lang(request))
        unit = request.path_params["unit"]
        if not re.fullmatch(layout.ID, unit):
            return Response(status_code=404)
        _, units = await run_in_threadpool(self.form_data)
        if unit not in units:
            return Response(status_code=404)
        return JSONResponse(units[unit], headers={"Cache-Control": "no-cache"})

    # --- sessions -------------------------------------------------------------------------------------
    def session_json(self, session: Session | None) -> dict[str, Any]:
        if session is None:
            return {"authenticated": False}
        account = self.accounts.get(session.user)
        return {"authenticated": True, "user": session.user, "units": list(account.units) if account else [],
                "csrf": session.csrf}

    async def api_session(self, request: Request) -> Response:
        return JSONResponse(self.session_json(self.session_of(request)), headers={"Cache-Control": "no-store"})

    async def api_login(self, request: Request) -> Response:
        async def handler(body: dict[str, Any], _: Session | None, lang: str) -> Response:
            user, password = body.get("user"), body.get("password")
            if not isinstance(user, str) or not isinstance(password, str) or len(user) > 64 or len(password) > 1024:
                return self.refuse(400, [problem("K816", "(intake)", detail="user and password")], lang)
            address = request.client.host if request.client else "-"
            locked = self.login_locked(user, address, lang)
            if locked is not None:  # checked before the password: a locked-out guess learns nothing
                return self.refuse(429, locked[1], lang, {"Retry-After": str(locked[0])})
            account = await run_in_threadpool(self.accounts.verify, user, password)
            if account is None:
                self.user_lockout.fail(user.lower())
                self.address_lockout.fail(address_key(address))
                now_locked = self.login_locked(user, address, lang)
                return self.refuse(401, [problem("K811", "(intake)")] + (now_locked[1] if now_locked else []), lang)
            self.user_lockout.clear(user.lower())
            token = secrets.token_urlsafe(32)
            now = time.monotonic()
            session = Session(account.user, secrets.token_urlsafe(32), now + self.config.session_ttl)
            with self.sessions_lock:
                for stale in [t for t, s in self.sessions.items() if s.expires < now]:
                    del self.sessions[stale]
                self.sessions[token] = session
            response = JSONResponse(self.session_json(session), headers={"Cache-Control": "no-store"})
            response.set_cookie(COOKIE, token, httponly=True, secure=self.cookie_secure,
                                samesite=self.config.cookie_samesite, path="/")
            return response

        return await self.guarded(request, handler, "login", need_session=False)

    def login_locked(self, user: str, address: str, lang: str) -> tuple[int, list[Problem]] | None:
        """``(seconds, [K831 or K830])`` when the address or the user name is locked out, else None."""
        wait = self.address_lockout.locked(address_key(address))
        if wait:
            return wait, [problem("K831", "(intake)", address=address, seconds=wait)]
        wait = self.user_lockout.locked(user.lower())
        if wait:
            return wait, [problem("K830", "(intake)", user=_shown(user), seconds=wait)]
        return None

    async def api_logout(self, request: Request) -> Response:
        async def handler(body: dict[str, Any], session: Session | None, lang: str) -> Response:
            token = request.cookies.get(COOKIE)
            with self.sessions_lock:
                self.sessions.pop(token or "", None)
            response = JSONResponse({"authenticated": False}, headers={"Cache-Control": "no-store"})
            response.delete_cookie(COOKIE, path="/")
            return response

        return await self.guarded(request, handler, "logout")

    # --- submissions -----------------------------------------------------------------------------------
    async def api_submit(self, request: Request) -> Response:
        async def handler(body: dict[str, Any], session: Session | None, lang: str) -> Response:
            assert session is not None
            wait = self.submissions.retry_after(session.user)
            if wait:
                return self.refuse(429, [problem("K815", "(intake)", seconds=wait)], lang, {"Retry-After": str(wait)})
            account = self.accounts.get(session.user)
            if account is None:  # removed from the accounts file since signing in
                return self.refuse(401, [problem("K810", "(intake)")], lang)
            kind, content = body.get("kind"), body.get("content")
            if kind not in ("realisation", "contract") or not isinstance(content, str):
                return self.refuse(400, [problem("K816", "(intake)", detail="'kind' and 'content' (the YAML text)")], lang)
            try:
                receipt = await run_in_threadpool(self.submit_counted, kind, content, account, lang)
            except asyncio.CancelledError:  # a stop's grace period is over; the thread cannot be interrupted
                return self.refuse(503, [problem("K836", "(intake)")], lang)
            self.receipts[receipt["id"]] = receipt
            while len(self.receipts) > RECENT_RECEIPTS:  # older ones are read back from the receipt log
                self.receipts.pop(next(iter(self.receipts)))
            public = {k: v for k, v in receipt.items() if k != "content"}
            public["receipt_url"] = f"receipt/{receipt['id']}"
            return JSONResponse(public, status_code=202 if receipt["push"] == "pending" else 201,
                                headers={"Cache-Control": "no-store"})

        return await self.guarded(request, handler, "submit")

    def submit_counted(self, kind: str, content: str, account: Account, lang: str) -> dict[str, Any]:
        """:meth:`submit`, counted as in flight (see :meth:`wait_idle`)."""
        with self.idle:
            self.busy += 1
        try:
            return self.submit(kind, content, account, lang)
        finally:
            with self.idle:
                self.busy -= 1
                self.idle.notify_all()

    def submit(self, kind: str, content: str, account: Account, lang: str) -> dict[str, Any]:
        """Load, check and commit one submitted file; the receipt (also in the receipt log)."""
        try:
            data, problems = yamlsafe.load_bytes(content.encode("utf-8"), "(intake)", self.config.max_body)
        except (ValueError, RecursionError) as exc:  # the loader reports what it knows; never a traceback
            raise Refused(422, [problem("K816", "(intake)", detail="the YAML content cannot be read")]) from exc
        problems = problems or number_problems(data)
        if problems:
            raise Refused(422, problems)
        prepared = self.intake.prepare(kind, data, account)
        return self.intake.commit(prepared, account.user, lang)

    def stop(self) -> None:
        """No new branches from now on; paused or pushing submissions finish without pushing."""
        self.store.stopping.set()

    def wait_idle(self, timeout: float) -> int:
        """Wait up to ``timeout`` seconds for the submissions in flight; returns how many still run."""
        deadline = time.monotonic() + timeout
        with self.idle:
            while self.busy and time.monotonic() < deadline:
                self.idle.wait(max(0.01, deadline - time.monotonic()))
            return self.busy

    async def api_retry(self, request: Request) -> Response:
        async def handler(body: dict[str, Any], session: Session | None, lang: str) -> Response:
            pushed, failed = await run_in_threadpool(self.store.retry)
            return JSONResponse({"ok": not failed, "pushed": pushed, "failed": failed,
                                 "problems": [problem("K820", "(intake)", branch=b, remote=self.store.remote, reason=r).to_dict(lang)
                                              for b, r in failed.items()]},
                                status_code=200 if not failed else 502, headers={"Cache-Control": "no-store"})

        return await self.guarded(request, handler, "retry")

    def find_receipt(self, receipt_id: str) -> dict[str, Any] | None:
        if receipt_id in self.receipts:
            return self.receipts[receipt_id]
        for item in self.store.receipts():
            if item.get("id") == receipt_id:
                return item
        return None

    async def receipt_page(self, request: Request) -> Response:
        lang = self.request_lang(request)
        session = self.session_of(request)
        receipt_id = request.path_params["receipt"]
        if session is None:
            return HTMLResponse(forms.page_shell(TEXTS[lang]["receipt_title"],
                                                 f'<p class="kf-warn">{escape(problem("K810", "-").message(lang))}</p>',
                                                 lang, "../"), status_code=401)
        receipt = await run_in_threadpool(self.find_receipt, receipt_id) if RECEIPT_ID.fullmatch(receipt_id) else None
        account = self.accounts.get(session.user)
        if receipt is None or account is None or (receipt.get("user") != session.user and receipt.get("unit") not in account.units):
            return HTMLResponse(forms.page_shell(TEXTS[lang]["receipt_title"], "<p>404</p>", lang, "../"), status_code=404)
        return HTMLResponse(receipt_html(receipt, lang))

    async def health(self, request: Request) -> Response:
        return JSONResponse({"ok": True, "base": self.store.base, "remote": self.store.remote,
                             "pending": len(self.store.pending())})


def receipt_html(receipt: dict[str, Any], lang: str) -> str:
    """The receipt as a page: every value escaped, the file shown as text."""
    t = TEXTS["en" if lang == "en" else "id"]
    state = {"pushed": t["receipt_pushed"], "pending": t["receipt_pending"]}.get(receipt.get("push"), t["receipt_local"])
    rows = [(t["receipt_file"], receipt.get("file")), (t["receipt_branch"], receipt.get("branch")),
            (t["receipt_commit"], receipt.get("commit")), (t["receipt_user"], receipt.get("user")),
            (t["receipt_time"], receipt.get("time")), ("Remote", state)]
    parts = ['<section class="kf kf-receipt-page">', '<dl class="kf-receipt-list">']
    for label, value in rows:
        parts.append(f"<dt>{escape(label)}</dt><dd><code>{escape(value or '-')}</code></dd>")
    pr = receipt.get("pull_request")
    if isinstance(pr, str) and pr.startswith(("https://", "http://")):
        parts.append(f'<dt>{escape(t["receipt_pr"])}</dt><dd><a href="{escape(pr)}" rel="noopener noreferrer">{escape(pr)}</a></dd>')
    parts.append("</dl>")
    problems = (receipt.get("report") or {}).get("problems") or []
    parts.append(f"<h2>{escape(t['receipt_report'])}</h2>")
    if problems:
        parts.append('<ul class="kf-problems">' + "".join(
            f"<li>{escape(p.get('code'))} {escape(p.get('message'))} — {escape(p.get('hint'))}</li>" for p in problems) + "</ul>")
    else:
        parts.append(f"<p>{escape(t['valid'])}</p>")
    for notice in receipt.get("notices") or []:
        parts.append(f'<p class="kf-note">{escape(notice.get("code"))} {escape(notice.get("message"))} — {escape(notice.get("hint"))}</p>')
    parts.append(f"<h2>{escape(t['receipt_content'])}</h2>")
    parts.append(f'<pre class="kf-yaml"><code>{escape(receipt.get("content") or "")}</code></pre>')
    parts.append("</section>")
    return forms.page_shell(t["receipt_title"], "\n".join(parts), lang, "../")


def create_app(config: IntakeConfig) -> Starlette:
    """The intake service as an ASGI application (testable with Starlette's TestClient)."""
    state = IntakeApp(config)
    routes = [
        Route("/", state.page_realisation),
        Route("/usulan", state.page_contract),
        Route("/assets/kinerja-forms-data/index.json", state.data_index),
        Route("/assets/kinerja-forms-data/units/{unit}.json", state.data_unit),
        Route("/assets/{name}", state.asset),
        Route("/api/session", state.api_session),
        Route("/api/login", state.api_login, methods=["POST"]),
        Route("/api/logout", state.api_logout, methods=["POST"]),
        Route("/api/submit", state.api_submit, methods=["POST"]),
        Route("/api/retry", state.api_retry, methods=["POST"]),
        Route("/receipt/{receipt}", state.receipt_page),
        Route("/healthz", state.health),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]
    middleware = [Middleware(ClientAddress, proxies=config.trusted_proxies), Middleware(SecurityHeaders)]
    if config.allow_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=[o.rstrip("/") for o in config.allow_origins],
                                     allow_credentials=True, allow_methods=["GET", "POST"],
                                     allow_headers=["Content-Type", "X-CSRF-Token"], max_age=600))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.intake = state
    return app
