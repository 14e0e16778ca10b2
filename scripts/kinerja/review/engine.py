"""``kinerja review``: what a change does, who must approve it, and whether it breaks a rule.

Git is read in a few passes: the merge base, one ``git diff --raw -M`` (paths and blob ids on both
sides), ``git ls-tree`` for the paths needed and the blobs through one ``cat-file`` process. The head is
read from its blobs (or the working tree when no head is given), incrementally: the organisation, the
changed files, the files they reach and what those refer to (:mod:`.impact`); only the reached files are
checked again and reported (:mod:`.check`), together with the review's own flags: lowered targets,
changes after a period started or in a locked period (:mod:`.locks`), a broken cascade. Approvers come
from the organisation data *before* the change (:mod:`.approvers`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .. import model as m
from ..load import Document, Loaded, layout, missing_required
from ..report import Problem, Report, problem
from ..score.explain import Text
from ..validate import locate_problems, validate
from ..validate.rules import agreement_chain
from . import check, diffing, gitio, impact, locks, trees
from .approvers import Need, Role, need_for


@dataclass
class ChangedFile:
    """One changed data file: its change, kind and folder ids, the rows of its table, who must approve."""

    change: gitio.FileChange
    kind: str | None
    keys: dict[str, str]
    rows: list[diffing.Row]
    need: Need

    @property
    def file(self) -> str:
        return self.change.after or self.change.before or self.change.path

    @property
    def unit(self) -> str | None:
        return self.keys.get("unit")


@dataclass
class Review:
    """The outcome of one review: the changed files, the problems that concern them, the day of the change."""

    base: str
    start: str
    head: str | None
    day: dt.date
    files: list[ChangedFile]
    report: Report
    province: m.Province
    base_province: m.Province
    whole_tree: bool = False
    seconds: float = 0.0
    prefix: str = ""
    problems_by_file: dict[str, list[Problem]] = field(default_factory=dict)

    def approvers(self) -> list[tuple[m.Employee | None, list[Role], list[str]]]:
        """Each approver once: the employee (None for a vacant role), their roles and the files."""
        table: dict[str, tuple[m.Employee | None, list[Role], list[str]]] = {}
        for item in self.files:
            for role in item.need.roles:
                key = role.employee.id if role.employee else f"-{role.key}"
                entry = table.setdefault(key, (role.employee, [], []))
                if role.key not in [r.key for r in entry[1]]:
                    entry[1].append(role)
                if item.file not in entry[2]:
                    entry[2].append(item.file)
        return list(table.values())


def _strip(changes: Iterable[gitio.FileChange], prefix: str) -> list[gitio.FileChange]:
    """Changes of data files, with data paths (the prefix of the data root removed; notes such as
    ``contracts/README.md`` and changes outside the data root left out)."""
    return [replace(c, path=c.path[len(prefix):], old=c.old[len(prefix):] if c.old else None)
            for c in changes if c.path.startswith(prefix) and trees.is_data(c.path)]


@dataclass
class Sides:
    """What the review read: the changed files' versions on both sides, the organisation before the change,
    the head side as loaded, and the files whose problems are reported (None: every file)."""

    old_docs: dict[str, Document]
    new_docs: dict[str, Document]
    base: m.Province
    head: Loaded
    reached: set[str] | None
    report: Report
    touched: list[impact.Touched]


def run(root: Path, base: str, head: str | None = None, on: dt.date | None = None) -> Review:
    """Review the change from ``base`` (where ``head`` branched from it) to ``head`` or the working tree."""
    started = time.perf_counter()
    with gitio.open_repo(root) as repo:
        prefix = trees.prefix_of(repo, root)
        base_sha = gitio.resolve(repo, base)
        head_sha = gitio.resolve(repo, head) if head else None
        start = gitio.merge_base(repo, base_sha, head_sha or gitio.resolve(repo, "HEAD"))
        changes = _strip(gitio.diff(repo, start, head_sha, prefix + layout.DATA_DIR), prefix)
        parser = trees.Parser(repo)
        head_side = trees.Side(repo, root, prefix, head_sha)
        irregular = head_side.irregular()
        sides = read(changes, trees.Side(repo, root, prefix, start), head_side, parser)
        parser.save()
    review = assess(changes, sides, day_of_review(on), irregular)
    review.base, review.start, review.head, review.prefix = base_sha, start, head_sha, prefix
    review.seconds = time.perf_counter() - started
    return review


def day_of_review(on: dt.date | None) -> dt.date:
    """The day a change is judged on: ``--on`` when given, else the clock's date. Never the change's own
    commit dates (anyone can set them) nor ``today`` in settings.yaml (the branch can set it; on the base it
    pins demo builds of the site, and a stale one would keep every period open forever)."""
    return on or dt.date.today()


def read(changes: list[gitio.FileChange], base: trees.Side, head: trees.Side, parser: trees.Parser) -> Sides:
    """Load what the review needs, in steps: the organisation (every unit's positions; employees only where
    they matter, see :class:`trees.People`) and the changed files; the files they reach
    (:func:`impact.reach`); the records those files refer to (:func:`impact.context`). Then check the
    reached files (:mod:`.check`). A change to settings, the unit tree or periods reaches every file."""
    assembly = trees.Assembly(head, parser)
    organisation = head.org()
    missing = missing_required({*organisation, *head.skip})  # a deleted settings, unit tree or periods file
    assembly.problems.extend(missing)
    staff = {p: s for p, s in organisation.items() if (trees.place_of(p) or layout.Place("", {})).kind == "employees"}
    assembly.add({p: s for p, s in organisation.items() if p not in staff})
    organisation_changed = any(trees.is_org(p) for c in changes for p in (c.before, c.after) if p)
    people = None if organisation_changed else trees.People(staff, head.read(staff))
    if people is None:
        assembly.add(staff)
    touched = [impact.Touched(place.kind, dict(place.keys), c.before, c.after) for c in changes
               for place in [_place(c)] if place]

    def add_people(files: set[str]) -> None:
        if people is not None:
            assembly.add(people.mentioning(impact.people(assembly.province, files, touched)), people.raw)

    afters = {c.after for c in changes if c.after}
    assembly.add({c.after: c.new_blob for c in changes if c.after})
    add_people(afters)
    new_docs = {d.file: d for d in assembly.documents if d.file in afters}
    old_docs = trees.documents_of(base, parser, {c.before: c.old_blob for c in changes if c.before},
                                  assembly.max_bytes)
    base_province = assembly.province
    if organisation_changed:
        before = trees.Assembly(base, parser)
        before.add(base.org())
        base_province = before.province
    reached = impact.reach(touched, assembly.province, base_province, {**old_docs, **new_docs})
    if reached is None:
        assembly.add(head.everything())
        loaded = assembly.loaded()
        return Sides(old_docs, new_docs, base_province, loaded, None, validate(loaded), touched)
    listed = head.list(reached)
    files = set(listed) | afters | {p.file for p in missing}
    assembly.add(listed)
    add_people(files)
    assembly.add(head.list(impact.context(assembly.province, files, touched, head.units())))
    loaded = assembly.loaded()
    return Sides(old_docs, new_docs, base_province, loaded, files,
                 check.validate_part(loaded, files, organisation_changed), touched)


def _place(change: gitio.FileChange) -> layout.Place | None:
    return trees.place_of(change.path) or (trees.place_of(change.old) if change.old else None)


def assess(changes: list[gitio.FileChange], sides: Sides, day: dt.date,
           irregular: dict[str, str] | None = None) -> Review:
    """The review of ``changes`` from what was read (no Git here); ``irregular`` names the entries under the
    data root that are not regular files (never read, always refused)."""
    head = sides.head
    provinces = (sides.base, head.province)
    files: list[ChangedFile] = []
    for change in changes:
        place = _place(change)
        kind = place.kind if place else None
        keys = dict(place.keys) if place else {}
        old_doc = sides.old_docs.get(change.before or "")
        new_doc = sides.new_docs.get(change.after or "")
        rows = diffing.diff(kind, old_doc, new_doc) if kind else []
        files.append(ChangedFile(change, kind, keys, rows, _need(change, kind, old_doc, new_doc, provinces, day)))
    flags = locks.check(sides.touched, sides.new_docs, sides.old_docs, sides.base, head.province, day)
    flags += _cascade(files, head.province)
    for item in files:
        flags += _item_flags(item)
    special = irregular or {}
    unlocatable = [f for f in flags if f.file in special]  # never read to find a line: it is not a regular file
    problems = (sides.report.problems + locate_problems(head, [f for f in flags if f.file not in special])
                + unlocatable + locks.irregular(special))
    out = Report(problems=problems, files_checked=sides.report.files_checked)
    review = Review("", "", None, day, files, out, head.province, sides.base, whole_tree=sides.reached is None)
    for item in out.sorted():
        review.problems_by_file.setdefault(item.file, []).append(item)
    return review


def _need(change: gitio.FileChange, kind: str | None, old: Document | None, new: Document | None,
          provinces: tuple[m.Province, ...], day: dt.date) -> Need:
    """Approvers by the organisation before the change; a contract's position as it was (and, if the change
    moves it, as it becomes: both assessors must agree)."""
    file = change.after or change.before or change.path
    before, after = impact.position_in(old), impact.position_in(new)
    need = need_for(file, provinces, day, before or after)
    if kind == "contract" and before and after and before != after:
        more = need_for(file, provinces, day, after)
        roles = list(need.roles) + [r for r in more.roles if r not in need.roles]
        need = Need(need.file, need.kind, tuple(roles), need.subject)
    return need


def _item_flags(item: ChangedFile) -> list[Problem]:
    out: list[Problem] = []
    names = ", ".join(e.name for e in item.need.approvers) or "-"
    for row in item.rows:
        if row.lowered:
            out.append(problem("K701", item.file, path=row.path, ref=row.item, old=row.old, new=row.new,
                               approver=names))
    for role in item.need.vacant:
        out.append(problem("K709", item.file, role=Text(role.words("id"), role.words("en"))))
    return out


def _cascade(files: list[ChangedFile], head: m.Province) -> list[Problem]:
    """Targets or agreement indicators removed while a subordinate's target in the head tree still supports
    them (and, for an indicator, no other agreement up the unit tree offers it)."""
    supports: dict[tuple[str, str], list[tuple[m.Contract, m.Target]]] = defaultdict(list)
    indicators: dict[tuple[str, str], list[tuple[m.Contract, m.Target]]] = defaultdict(list)
    for contract in head.contracts.values():
        for target in contract.targets:
            if target.supports:
                supports[(contract.period, target.supports)].append((contract, target))
            if target.supports_indicator:
                indicators[(contract.period, target.supports_indicator)].append((contract, target))
    out: list[Problem] = []
    for item in files:
        removed = sorted({row.item for row in item.rows if row.change == "removed" and " · " not in row.item})
        if item.kind not in ("contract", "agreement") or not removed:
            continue
        period = head.periods.get(item.keys["period"])
        if period is None:
            continue
        for ref in removed:
            if item.kind == "contract":
                users = [(c, t) for c, t in supports.get((period.id, ref), ())
                         if _assessor_id(head, c, period) == item.keys["employee"]]
            else:
                units = impact.units_under(head, item.keys["unit"])
                users = [(c, t) for c, t in indicators.get((period.id, ref), ()) if c.unit in units
                         and ref not in {i.id for a in agreement_chain(head, c.unit, period.id) for i in a.indicators()}]
            if users:
                out.append(problem("K704", item.file, ref=ref, dependents=[f"{c.employee} ({t.id})" for c, t in users]))
    return out


def _assessor_id(province: m.Province, contract: m.Contract, period: m.Period) -> str | None:
    superior = province.superior(contract.position, period)
    return superior.id if superior else None
