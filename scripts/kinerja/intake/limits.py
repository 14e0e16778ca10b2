"""Who is asking and how often: the client's address (trusted proxies only) and the sign-in lockout.

The service sees the socket's peer address. ``X-Forwarded-For`` is believed only when that peer is one
of the configured trusted proxies (``--trusted-proxy``, addresses or networks); then the client is the
right-most address in the header that is not itself a trusted proxy. Reached directly, the header is
ignored, so rotating it changes nothing.

Failed sign-ins are counted per user name and per address in a sliding window; at the limit the user
name (or the address) is locked out for a period. IPv6 addresses count per /64 network (one host usually
holds a whole /64). Each table keeps at most ``max_keys`` entries: expired ones go first, then the least
recently used, so a flood of names or addresses costs bounded memory.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_proxies(values: Iterable[str]) -> tuple[Network, ...]:
    """Networks from ``127.0.0.1``, ``10.0.0.0/8`` or comma-separated lists of them (ValueError if bad)."""
    out: list[Network] = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                out.append(ipaddress.ip_network(part.strip(), strict=False))
    return tuple(out)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(text: str, proxies: tuple[Network, ...]) -> bool:
    address = _address(text)
    return address is not None and any(address in net for net in proxies)


def client_address(peer: str, forwarded: list[str], proxies: tuple[Network, ...]) -> str:
    """The client's address: ``peer``, or from ``X-Forwarded-For`` when ``peer`` is a trusted proxy."""
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            address = _address(hop)
            return str(address) if address is not None else peer
    return peer


class ClientAddress:
    """Pure ASGI middleware: ``scope["client"]`` (and the scheme) as :func:`client_address` says."""

    def __init__(self, app: Any, proxies: tuple[Network, ...] = ()) -> None:
        self.app, self.proxies = app, proxies

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket"):
            peer = scope["client"][0] if scope.get("client") else "-"
            if self.proxies and _trusted(peer, self.proxies):
                headers = [(k.lower(), v.decode("latin-1")) for k, v in scope.get("headers", [])]
                forwarded = [v for k, v in headers if k == b"x-forwarded-for"]
                scope = dict(scope, client=(client_address(peer, forwarded, self.proxies), 0))
                proto = [v.strip().lower() for k, v in headers if k == b"x-forwarded-proto"]
                if proto and proto[-1] in ("http", "https"):
                    scope["scheme"] = proto[-1]
        await self.app(scope, receive, send)


def address_key(address: str) -> str:
    """The key an address is counted under: itself, or its /64 network for IPv6."""
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed.ipv4_mapped if isinstance(parsed, ipaddress.IPv6Address) else parsed or address)


@dataclass
class _Entry:
    failures: deque[float] = field(default_factory=deque)
    until: float = 0.0


class Lockout:
    """``limit`` failures of one key within ``window`` seconds lock it for ``lock`` seconds."""

    def __init__(self, limit: int, window: float, lock: float, max_keys: int = 10_000) -> None:
        self.limit, self.window, self.lock, self.max_keys = max(1, limit), window, lock, max(1, max_keys)
        self.table: OrderedDict[str, _Entry] = OrderedDict()
        self.guard = threading.Lock()

    def locked(self, key: str) -> int:
        """Seconds until ``key`` may try again (0: now)."""
        now = time.monotonic()
        with self.guard:
            entry = self.table.get(key)
            return max(1, int(entry.until - now) + 1) if entry is not None and entry.until > now else 0

    def fail(self, key: str) -> int:
        """Count a failure of ``key``; returns the seconds it is now locked for (0: not locked)."""
        now = time.monotonic()
        with self.guard:
            entry = self.table.pop(key, None) or _Entry()
            self.table[key] = entry  # most recently used last
            while entry.failures and now - entry.failures[0] > self.window:
                entry.failures.popleft()
            entry.failures.append(now)
            if len(entry.failures) >= self.limit:
                entry.until, entry.failures = now + self.lock, deque()
            self._trim(now)
            return max(1, int(entry.until - now) + 1) if entry.until > now else 0

    def clear(self, key: str) -> None:
        """Forget ``key`` (after a successful sign-in)."""
        with self.guard:
            self.table.pop(key, None)

    def _trim(self, now: float) -> None:
        if len(self.table) <= self.max_keys:
            return
        for key in [k for k, e in self.table.items()
                    if e.until <= now and (not e.failures or now - e.failures[-1] > self.window)]:
            del self.table[key]
        while len(self.table) > self.max_keys:
            self.table.popitem(last=False)
