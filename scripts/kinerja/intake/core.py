"""What every intake path shares: check a submitted file, then commit it on a new branch.

:meth:`Intake.prepare` turns submitted data (from the service, or rows of a workbook) into the canonical
file and its place, refusing with catalogue problems when an id is not an id (nothing from the request
reaches a path unchecked: :func:`kinerja.intake.canonical.target_path` and the layout decide), when the
employee is unknown, when the officer may not submit for the unit, when the period is locked, or when the
validator finds an error in the new file. Validation is the validator itself, run on the repository with
the new file as an in-memory overlay (only the folders the file can refer to are read, so a province of
40,000 employees is not re-read for each submission).

:meth:`Intake.commit` journals the receipt-to-be, writes the file on a new branch (never the base branch),
pushes it when a remote is configured and logs the receipt; :meth:`Intake.recover` finishes what a crash
left half done. :mod:`kinerja.intake.gitops` explains how.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import threading
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from .. import model as m
from ..load import Loaded, layout, load_tree
from ..report import Problem, Report, problem
from ..validate import validate
from . import canonical
from .accounts import Account
from .formdata import today
from .gitops import TRAILER, Author, GitError, GitStore
from .hosts import PullRequestConfig, PullRequestError, open_pull_request


class Refused(Exception):
    """Raised by :meth:`Intake.prepare` and :meth:`Intake.commit`: an HTTP status and the problems."""

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.status = status
        self.problems = problems


@dataclass
class Prepared:
    """A checked submission: the canonical file, its place and the validator's report on it."""

    kind: str
    unit: str
    employee: str
    period: str
    reporting_period: str | None
    path: str                       # repository path, contracts/…
    text: str
    report: Report
    elsewhere: list[Problem] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The commit subject and pull-request title: the unit and the period, never who the file is about
        (a subject reaches places a file does not, such as a host's notifications)."""
        if self.kind == "realisation":
            return f"Realisasi unit {self.unit} periode {self.reporting_period}"
        return f"Usulan SKP unit {self.unit} periode {self.period}"


def scope_files(root: Path, units: Iterable[str]) -> list[str]:
    """The files a file of these units can refer to: the instance files, every unit's positions and
    employees, and everything under the given units' folders."""
    data = root / layout.DATA_DIR
    out: list[str] = []
    if not data.is_dir():
        return out
    for item in sorted(data.iterdir()):
        if item.is_file() and not item.name.startswith("."):
            out.append(f"{layout.DATA_DIR}/{item.name}")
    allowance = data / "allowance"
    if allowance.is_dir():
        out.extend(f"{layout.DATA_DIR}/allowance/{p.name}" for p in sorted(allowance.iterdir())
                   if p.is_file() and not p.name.startswith("."))
    units_dir = data / "units"
    if units_dir.is_dir():
        for unit_dir in sorted(units_dir.iterdir()):
            for name in ("positions.yaml", "positions.yml", "employees.yaml", "employees.yml"):
                if (unit_dir / name).is_file():
                    out.append(f"{layout.DATA_DIR}/units/{unit_dir.name}/{name}")
    for unit in sorted(set(units)):
        folder = units_dir / unit
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                if rel not in out:
                    out.append(rel)
    return out


def _load(root: Path, files: list[str] | None = None, overlay: dict[str, bytes] | None = None,
          keep_cache: bool = False) -> Loaded:
    """:func:`load_tree` as a server wants it: no worker processes (no fork inside a threaded server) and,
    for the partial loads of a submission, no parse-cache writes (they would prune it to the part)."""
    options: dict[str, Any] = {}
    if "workers" in _LOAD_OPTIONS:
        options["workers"] = 1
    if "cache" in _LOAD_OPTIONS and not keep_cache:
        options["cache"] = False
    return load_tree(root, files=files, overlay=overlay, **options)


_LOAD_OPTIONS = set(inspect.signature(load_tree).parameters)


def ancestors(province: m.Province, unit_id: str) -> list[str]:
    out, current, seen = [], province.units.get(unit_id), set()
    while current is not None and current.parent and current.parent not in seen:
        seen.add(current.parent)
        out.append(current.parent)
        current = province.units.get(current.parent)
    return out


class Intake:
    """The intake over one repository (a :class:`GitStore`), with a cached snapshot for lookups."""

    def __init__(self, store: GitStore, pull_requests: PullRequestConfig | None = None) -> None:
        self.store = store
        self.root = store.path
        self.pull_requests = pull_requests or PullRequestConfig()
        self._snapshot: tuple[str, Loaded] | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> Loaded:
        """The whole repository as loaded (cached; reloaded when the base branch moves).

        The service's checkout stays on the base branch and is only updated by ``git pull --ff-only``,
        so the files on disk are the base commit's.
        """
        with self._lock:
            base = self.store.base_commit()
            if self._snapshot is None or self._snapshot[0] != base:
                self._snapshot = (base, _load(self.root, keep_cache=True))
            return self._snapshot[1]

    # --- checking -----------------------------------------------------------------------------------
    def place(self, kind: str, data: Any) -> tuple[str, str, str, str | None, str]:
        """``(unit, employee, period, reporting_period, path)`` for ``data``, or :class:`Refused`."""
        if kind not in canonical.KINDS:
            raise Refused(400, [problem("K816", "(intake)", detail=f"kind '{kind}'")])
        if not isinstance(data, dict):
            raise Refused(400, [problem("K816", "(intake)", detail="the YAML must be a mapping (field: value)")])
        for name in ("employee", "period") + (("reporting_period",) if kind == "realisation" else ("position",)):
            value = data.get(name)
            pattern = layout.RP if name == "reporting_period" else layout.ID
            if not isinstance(value, str) or not _full(pattern, value):
                raise Refused(400, [problem("K817", "(intake)", path=(name,), field=name, value=_show(value))])
        province = self.snapshot().province
        employee_id, period_id = data["employee"], data["period"]
        employee = province.employees.get(employee_id)
        if employee is None:
            raise Refused(422, [problem("K818", "(intake)", path=("employee",), ref=employee_id)])
        if kind == "realisation":
            contract = province.contracts.get((employee_id, period_id))
            if contract is None:
                raise Refused(422, [problem("K819", "(intake)", path=("period",), ref=employee_id, period=period_id)])
            unit = contract.unit
        else:
            position = province.positions.get(data["position"])
            unit = position.unit if position is not None else employee.unit
        try:
            path = canonical.target_path(kind, data, unit)
        except canonical.BadId as exc:
            raise Refused(400, [problem("K817", "(intake)", path=(exc.field,), field=exc.field, value=_show(exc.value))]) from exc
        return unit, employee_id, period_id, data.get("reporting_period") if kind == "realisation" else None, \
            f"{layout.DATA_DIR}/{path}"

    def prepare(self, kind: str, data: Any, account: Account | None = None) -> Prepared:
        """Check one submitted file (see the module docstring); ``account=None`` skips authorisation."""
        return self.prepare_many(kind, [data], account)[0]

    def prepare_many(self, kind: str, items: list[Any], account: Account | None = None) -> list[Prepared]:
        """Check several files of one kind together (a batch import): one load, one validation."""
        places = [self.place(kind, data) for data in items]
        snapshot = self.snapshot()
        province = snapshot.province
        for unit, *_ in places:
            if account is not None and unit not in account.units:
                raise Refused(403, [problem("K812", "(intake)", user=account.user, unit=unit, units=list(account.units))])
        for unit, _, period_id, _, _ in places:
            period = province.periods.get(period_id)
            if period is not None and period.lock_date is not None and today(province) > period.lock_date:
                raise Refused(409, [problem("K821", "(intake)", path=("period",), period=period_id,
                                            lock_date=period.lock_date.isoformat())])
        texts = [canonical.dump(kind, data, self._schema_folder()) for data in items]
        overlay = {path: text.encode("utf-8") for (_, _, _, _, path), text in zip(places, texts)}
        units: set[str] = set()
        for (unit, _, _, _, _), data in zip(places, items):
            units |= self._related_units(province, kind, unit, data)
        files = scope_files(self.root, units)
        loaded = _load(self.root, files=files, overlay=overlay)
        report = validate(loaded)
        elsewhere: list[Problem] = []
        if kind == "contract":
            before = validate(_load(self.root, files=files))
            known = {(p.code, p.file, p.path) for p in before.problems}
            elsewhere = [p for p in report.problems if p.file not in overlay and (p.code, p.file, p.path) not in known]
        out: list[Prepared] = []
        refused: list[Problem] = []
        for (unit, employee_id, period_id, rp, path), text in zip(places, texts):
            own = Report([p for p in report.sorted() if p.file == path], files_checked=1)
            refused.extend(own.errors)
            out.append(Prepared(kind, unit, employee_id, period_id, rp, path, text, own, elsewhere))
        if refused:
            raise Refused(422, refused)
        return out

    def _schema_folder(self) -> str | None:
        folder = self.root / "schemas"
        return str(folder) if folder.is_dir() else None

    @staticmethod
    def _related_units(province: m.Province, kind: str, unit: str, data: dict[str, Any]) -> set[str]:
        units = {unit}
        if kind == "contract":
            units.update(ancestors(province, unit))
            position = province.positions.get(data.get("position", ""))
            if position is not None:
                superior = province.positions.get(position.reports_to or "")
                if superior is not None:
                    units.add(superior.unit)
                units.update(p.unit for p in province.positions.values() if p.reports_to == position.id)
        return units

    # --- writing ------------------------------------------------------------------------------------
    def branch_for(self, prepared: Prepared) -> str:
        short = uuid.uuid4().hex[:10]
        if prepared.kind == "realisation":
            return f"intake/{prepared.unit}/{prepared.employee}/{prepared.reporting_period}-{short}"
        return f"intake/{prepared.unit}/{prepared.employee}/skp-{prepared.period}-{short}"

    def commit(self, prepared: Prepared, user: str, lang: str = "id") -> dict[str, Any]:
        """Write ``prepared`` on a new branch, push it when configured, log and return the receipt.

        The receipt is journalled before the branch is written (:meth:`GitStore.journal`); once the store
        is stopping, nothing new is written (503, K832) and the push is left to ``retry``.
        """
        if self.store.stopping.is_set():
            raise Refused(503, [problem("K832", "(intake)")])
        receipt = self._draft(prepared, user, lang)
        branch = receipt["branch"]
        # The subject names the unit and period and an opaque submission id, never the employee.
        message = (f"{prepared.label} (kiriman {receipt['submission']})\n\nSubmitted-by: {user}\nVia: kinerja intake\n"
                   f"{TRAILER}: {receipt['id']}\n")
        with self.store.journal(receipt):
            self.store.pause_point("after-journal")
            try:
                receipt["commit"] = self.store.commit_files(branch, {prepared.path: prepared.text.encode("utf-8")},
                                                            message, Author(user, f"{user}@intake.kinerja.invalid"))
            except GitError as exc:
                raise Refused(500, [problem("K822", prepared.path, detail=str(exc))]) from exc
            self.store.pause_point("after-branch")
            self._push(receipt, lang)
            self.store.pause_point("after-push")
            self._pull_request(receipt, prepared, user, lang)
            self.store.log_receipt(receipt)
        return receipt

    def _draft(self, prepared: Prepared, user: str, lang: str) -> dict[str, Any]:
        """The receipt before the branch exists (``commit`` still None)."""
        return {
            "ok": True, "id": uuid.uuid4().hex, "submission": uuid.uuid4().hex[:12], "kind": prepared.kind,
            "user": user,
            "time": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "unit": prepared.unit, "employee": prepared.employee, "period": prepared.period,
            "reporting_period": prepared.reporting_period, "file": prepared.path,
            "branch": self.branch_for(prepared), "commit": None, "base": self.store.base,
            "remote": self.store.remote, "push": "local", "pull_request": None,
            "report": {"valid": prepared.report.ok,
                       "problems": [p.to_dict(lang) for p in prepared.report.sorted()]},
            "elsewhere": [p.to_dict(lang) for p in prepared.elsewhere],
            "notices": [], "content": prepared.text,
        }

    def _push(self, receipt: dict[str, Any], lang: str) -> None:
        """Push the receipt's branch (deferred to ``retry`` when the store is stopping)."""
        if not self.store.push_enabled:
            return
        branch = receipt["branch"]
        if self.store.stopping.is_set():
            reason: str | None = "the intake service was stopping"
            self.store.defer(branch, reason)
        else:
            reason = self.store.push(branch)
        receipt["push"] = "pushed" if reason is None else "pending"
        if reason is not None:
            receipt["notices"].append(problem("K820", receipt["file"], branch=branch, remote=self.store.remote,
                                              reason=reason).to_dict(lang))

    def recover(self, lang: str = "id") -> dict[str, list[str]]:
        """Finish or undo the submissions a crash interrupted (:meth:`GitStore.recover`)."""
        def complete(receipt: dict[str, Any]) -> dict[str, Any]:
            receipt.setdefault("notices", []).append(
                problem("K833", receipt.get("file") or "(intake)", branch=receipt["branch"]).to_dict(lang))
            self._push(receipt, lang)
            return receipt

        return self.store.recover(complete)

    def _pull_request(self, receipt: dict[str, Any], prepared: Prepared, user: str, lang: str) -> None:
        """Open the pull request of a pushed branch when a Git host is configured (K828 if it fails)."""
        branch = receipt["branch"]
        if receipt["push"] == "pushed" and self.pull_requests.host:
            token = os.environ.get(self.pull_requests.token_env, "")
            try:
                if not token:
                    raise PullRequestError(f"{self.pull_requests.token_env} is not set")
                config = replace(self.pull_requests, base_branch=self.pull_requests.base_branch or self.store.base)
                body = f"{prepared.path}\n\nSubmitted by {user} via kinerja intake."
                receipt["pull_request"] = open_pull_request(config, token, branch, prepared.label, body)
            except PullRequestError as exc:
                receipt["notices"].append(problem("K828", prepared.path, detail=str(exc)).to_dict(lang))


def _full(pattern: str, value: str) -> bool:
    import re

    return re.fullmatch(pattern, value) is not None


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "…"
