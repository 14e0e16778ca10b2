"""A contract (SKP) as it was in force on a date, from Git history.

A version comes into force when it lands on the main line (the first-parent line of ``rev``): the
commit date of that merge counts, not the date the proposal was written. The version in force on a day is
the latest *approved* one merged by the end of that day (``approved_only=False``: the latest of any
status); a contract deleted by then has none. The history of one contract is read in one ``git log
--raw`` pass over its path family — ``contracts/units/*/<period>/skp/<employee>.yaml``, so that a move
between units keeps its history — and only the blobs needed are read.

:func:`contract_at` is the entry point for the scorer (the version approved at the period's end) and
the site's history pages (:func:`contract_history` lists every version).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import find_root, yamlsafe
from . import gitio, trees


@dataclass(frozen=True)
class ContractVersion:
    """One version of a contract: where and when it was committed, by whom, and its content."""

    employee: str
    period: str
    path: str
    commit: str
    date: dt.datetime
    author: str
    subject: str
    raw: bytes | None
    data: Any = None

    @property
    def deleted(self) -> bool:
        """This commit deleted the contract."""
        return self.raw is None

    @property
    def status(self) -> str | None:
        return self.data.get("status") if isinstance(self.data, dict) else None


def _open(repo_path: str | Path) -> Path:
    start = Path(repo_path)
    return find_root(start) or start


def contract_history(repo_path: str | Path, employee: str, period: str, rev: str = "HEAD") -> list[ContractVersion]:
    """Every version of the contract on ``rev``'s first-parent line, newest first (deletions included)."""
    root = _open(repo_path)
    with gitio.open_repo(root) as repo:
        if gitio.is_shallow(repo):
            raise gitio.ReviewError("K711", ref=rev)
        prefix = trees.prefix_of(repo, root)
        sha = gitio.resolve(repo, rev)
        family = [f"{prefix}contracts/units/*/{period}/skp/{employee}.{ext}" for ext in ("yaml", "yml")]
        entries = gitio.path_history(repo, sha, family)
        blobs = gitio.read_blobs(repo, [e.blob for e in entries if e.blob])
    by_commit: dict[str, list[gitio.PathVersion]] = {}
    for entry in entries:
        by_commit.setdefault(entry.commit.sha, []).append(entry)
    out: list[ContractVersion] = []
    for group in by_commit.values():
        entry = next((e for e in group if e.blob), group[0])  # a move deletes one path and adds another
        raw = blobs[entry.blob] if entry.blob else None
        data = yamlsafe.load_bytes(raw, entry.path)[0] if raw is not None else None
        commit = entry.commit
        out.append(ContractVersion(employee, period, entry.path[len(prefix):], commit.sha, commit.date, commit.author,
                                   commit.subject, raw, data))
    return out


def contract_at(repo_path: str | Path, employee: str, period: str, date: dt.date, *, rev: str = "HEAD",
                approved_only: bool = True) -> ContractVersion | None:
    """The version of ``employee``'s contract for ``period`` in force on ``date`` (None: there was none).

    Raises :class:`~kinerja.review.gitio.ReviewError` when the repository, the revision or its history
    (a shallow clone) is missing.
    """
    for version in contract_history(repo_path, employee, period, rev):
        if version.date.date() > date:
            continue
        if version.deleted:
            return None
        if not approved_only or version.status == "approved":
            return version
    return None


def not_found(employee: str, period: str, date: dt.date, lang: str) -> str:
    if lang == "en":
        return f"kinerja: no approved SKP of '{employee}' for period {period} was in force on {date}."
    return f"kinerja: tidak ada SKP '{employee}' periode {period} yang disetujui dan berlaku pada {date}."


def render(version: ContractVersion, fmt: str = "yaml") -> str:
    if fmt == "json":
        return json.dumps({"employee": version.employee, "period": version.period, "path": version.path,
                           "commit": version.commit, "date": version.date.isoformat(), "author": version.author,
                           "subject": version.subject, "status": version.status, "contract": version.data},
                          ensure_ascii=False, indent=2, default=str) + "\n"
    header = (f"# {version.path} @ {version.commit[:10]} ({version.date.isoformat()}, {version.author})\n"
              f"# {version.subject}\n")
    body = (version.raw or b"").decode("utf-8", errors="replace")
    return header + body + ("" if body.endswith("\n") else "\n")
