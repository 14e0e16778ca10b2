"""Officer accounts of the intake service: a small YAML (or JSON) file with hashed secrets.

::

    # Kinerja intake accounts (kinerja intake user add). Secrets are scrypt hashes, never passwords.
    users:
      sitir:
        units:
        - bkd-mutasi
        secret: scrypt$16384$8$1$<salt, base64>$<hash, base64>
        updated: "2026-11-27"

Each user has a random 16-byte salt and an scrypt hash (n=2^14, r=8, p=1). Verification compares in
constant time and spends the same work on unknown users. The file is written atomically with mode 0600;
the service re-reads it when it changes, so ``user add`` takes effect without a restart.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import layout, yamlsafe

USER_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
_DUMMY = None


class AccountsError(ValueError):
    """Raised when the accounts file or an account is invalid (the CLI shows it as K827)."""


@dataclass(frozen=True)
class Account:
    """An officer: a user name, the units they may submit for, and the hashed secret."""

    user: str
    units: tuple[str, ...]
    secret: str
    updated: str | None = None


def hash_secret(password: str, salt: bytes | None = None, n: int = SCRYPT["n"], r: int = SCRYPT["r"],
                p: int = SCRYPT["p"]) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 1024 * 1024)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${r}${p}${b64(salt)}${b64(digest)}"


def check_secret(password: str, secret: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = secret.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _dummy_secret() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_secret(secrets.token_hex(8))
    return _DUMMY


def parse(raw: bytes, file: str) -> dict[str, Account]:
    """Accounts from the file's bytes (YAML, or JSON when the name ends in .json)."""
    if file.endswith(".json"):
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise AccountsError(str(exc)) from exc
    else:
        data, problems = yamlsafe.load_bytes(raw, file)
        if problems:
            raise AccountsError(problems[0].message("en"))
    if data is None:
        return {}
    users = data.get("users") if isinstance(data, dict) else None
    if not isinstance(users, dict):
        raise AccountsError("expected 'users:' with one entry per user name")
    out: dict[str, Account] = {}
    for name, item in users.items():
        if not USER_RE.fullmatch(str(name)) or not isinstance(item, dict):
            raise AccountsError(f"invalid user entry '{name}'")
        units = item.get("units")
        if not isinstance(units, list) or not units or not all(isinstance(u, str) and re.fullmatch(layout.ID, u) for u in units):
            raise AccountsError(f"user '{name}': 'units' must be a list of unit ids")
        secret = item.get("secret")
        if not isinstance(secret, str) or not secret.startswith("scrypt$"):
            raise AccountsError(f"user '{name}': 'secret' must be an scrypt hash (use kinerja intake user add)")
        out[str(name)] = Account(str(name), tuple(units), secret, item.get("updated") if isinstance(item.get("updated"), str) else None)
    return out


def load(path: Path) -> dict[str, Account]:
    if not path.exists():
        return {}
    return parse(path.read_bytes(), path.name)


def save(path: Path, accounts: dict[str, Account]) -> None:
    """Write the accounts file atomically, readable by its owner only."""
    data = {"users": {a.user: {"units": list(a.units), "secret": a.secret, **({"updated": a.updated} if a.updated else {})}
                      for a in sorted(accounts.values(), key=lambda a: a.user)}}
    if path.name.endswith(".json"):
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = ("# Kinerja intake accounts (kinerja intake user add). Secrets are scrypt hashes, never passwords.\n"
                + yamlsafe.dump(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def add_user(path: Path, user: str, units: list[str], password: str) -> Account:
    """Create or update ``user`` (its units and its secret)."""
    if not USER_RE.fullmatch(user):
        raise AccountsError("user names hold lowercase letters, digits, '.', '_' and '-'")
    if not units or not all(re.fullmatch(layout.ID, u) for u in units):
        raise AccountsError("give at least one valid unit id (--unit)")
    if len(password) < 8:
        raise AccountsError("the password needs at least 8 characters")
    accounts = load(path)
    account = Account(user, tuple(dict.fromkeys(units)), hash_secret(password), dt.date.today().isoformat())
    accounts[user] = account
    save(path, accounts)
    return account


def remove_user(path: Path, user: str) -> bool:
    accounts = load(path)
    if user not in accounts:
        return False
    del accounts[user]
    save(path, accounts)
    return True


@dataclass
class AccountStore:
    """The accounts file as the service sees it: re-read when it changes on disk."""

    path: Path
    _stamp: tuple[float, int] | None = None
    _accounts: dict[str, Account] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def accounts(self) -> dict[str, Account]:
        with self._lock:
            try:
                stat = self.path.stat()
                stamp = (stat.st_mtime, stat.st_size)
            except OSError:
                stamp = None
            if stamp != self._stamp:
                self._accounts = load(self.path) if stamp else {}
                self._stamp = stamp
            return self._accounts

    def verify(self, user: str, password: str) -> Account | None:
        account = self.accounts().get(user)
        if account is None:
            check_secret(password, _dummy_secret())  # the same work for unknown users
            return None
        return account if check_secret(password, account.secret) else None

    def get(self, user: str) -> Account | None:
        return self.accounts().get(user)


def describe(account: Account) -> dict[str, Any]:
    return {"user": account.user, "units": list(account.units), "updated": account.updated}
