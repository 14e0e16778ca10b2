"""Host-neutral approvals: ``Approved-by: Name <email>`` trailers on merge commits, checked against the data.

For agencies on plain self-hosted Git, where no platform enforces CODEOWNERS: whoever merges writes one
trailer per approver, e.g. ::

    Merge branch 'skp-e-staf-2026'

    Approved-by: Sri Wahyuni <sri.wahyuni@contoh.go.id>

:func:`verify` walks ``head``'s first-parent line since ``base`` in one ``git log -m --first-parent
--name-status`` pass (without ``-m`` a merge lists no files) and checks each commit's data files against
the approvers the organisation data *before* that commit names. The organisation is read again only after
a commit that changes it. A trailer is matched to an employee by e-mail, then Git handle, then name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..report import LABELS, Problem, problem
from ..score.explain import Text
from . import gitio, trees
from .approvers import need_for, show

_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]+)>\s*$")


@dataclass
class CommitCheck:
    """One commit on the first-parent line: its data files, who approved it, what is wrong."""

    commit: gitio.Commit
    files: list[str]
    approved: list[m.Employee] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Verification:
    """The outcome of ``kinerja verify-approvals``."""

    base: str
    head: str
    checks: list[CommitCheck]
    language: str = "id"

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.checks for p in c.problems]

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


class Directory:
    """Employees by e-mail, Git handle and name, to read ``Approved-by`` trailers."""

    def __init__(self, province: m.Province) -> None:
        self.by_email: dict[str, m.Employee] = {}
        self.by_handle: dict[str, m.Employee] = {}
        names: dict[str, list[m.Employee]] = {}
        for employee in province.employees.values():
            if employee.email:
                self.by_email.setdefault(employee.email.casefold(), employee)
            if employee.git:
                self.by_handle.setdefault(employee.git.casefold(), employee)
            for name in {employee.name, employee.name.split(",")[0]}:
                names.setdefault(" ".join(name.casefold().split()), []).append(employee)
        self.by_name = {k: v[0] for k, v in names.items() if len({e.id for e in v}) == 1}

    def find(self, value: str) -> m.Employee | None:
        match = _ADDRESS.match(value)
        name, email = (match.group("name"), match.group("email")) if match else (value, None)
        if email and email.strip().casefold() in self.by_email:
            return self.by_email[email.strip().casefold()]
        handle = name.strip().lstrip("@").casefold()
        if handle in self.by_handle:
            return self.by_handle[handle]
        return self.by_name.get(" ".join(name.strip().strip('"').casefold().split()))


def verify(root: Path, base: str, head: str = "HEAD") -> Verification:
    """Check every commit on ``head``'s first-parent line since ``base``."""
    with gitio.open_repo(root) as repo:
        prefix = trees.prefix_of(repo, root)
        base_sha, head_sha = gitio.resolve(repo, base), gitio.resolve(repo, head)
        gitio.require_ancestor(repo, base_sha, head_sha, base)
        commits = gitio.first_parent_log(repo, base_sha, head_sha)
        parser = trees.Parser(repo)
        org = _organisation(trees.Side(repo, root, prefix, base_sha), parser)
        checks: list[CommitCheck] = []
        for commit in commits:
            files = sorted({f[len(prefix):] for c in commit.changes for f in (c.after, c.before)
                            if f and f.startswith(prefix) and trees.place_of(f[len(prefix):])})
            checks.append(check_commit(commit, files, org))
            if any(trees.is_org(f) for f in files):  # the next commit is judged by the organisation after this one
                org = _organisation(trees.Side(repo, root, prefix, commit.sha), parser)
        parser.save()
    return Verification(base_sha, head_sha, checks, org.settings.language)


def _organisation(side: trees.Side, parser: trees.Parser) -> m.Province:
    assembly = trees.Assembly(side, parser)
    assembly.add(side.org())
    return assembly.province


def check_commit(commit: gitio.Commit, files: list[str], province: m.Province) -> CommitCheck:
    """The approvals of one commit's data ``files``, by the organisation before it (``province``)."""
    check = CommitCheck(commit, files)
    if not files:
        return check
    directory = Directory(province)
    unknown: list[str] = []
    for value in gitio.approved_by(commit.message):
        employee = directory.find(value)
        if employee is None:
            unknown.append(value)
        elif employee.id not in {e.id for e in check.approved}:
            check.approved.append(employee)
    ids = {e.id for e in check.approved}
    names = ", ".join(e.name for e in check.approved) or "-"
    day = commit.date.date()
    for file in files:
        need = need_for(file, (province,), day)
        if need.subject is not None and need.subject in ids:
            check.problems.append(problem("K707", file, commit=commit.short, ref=need.subject))
        for role in need.missing(ids):
            role_words = Text(role.words("id"), role.words("en"))
            if role.employee is None:
                check.problems.append(problem("K709", file, role=role_words))
            else:
                check.problems.append(problem("K706", file, commit=commit.short, role=role_words,
                                              approver=show(role.employee), approved=names))
    for value in unknown:
        check.problems.append(problem("K708", files[0], commit=commit.short, value=value))
    return check


def render(result: Verification, lang: str = "id", fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps({
            "base": result.base, "head": result.head, "ok": result.ok,
            "commits": [{"commit": c.commit.sha, "date": c.commit.date.isoformat(), "author": c.commit.author,
                         "subject": c.commit.subject, "files": c.files,
                         "approved_by": [{"id": e.id, "name": e.name} for e in c.approved],
                         "problems": [p.to_dict(lang) for p in c.problems]} for c in result.checks],
        }, ensure_ascii=False, indent=2) + "\n"
    words = LABELS["en" if lang == "en" else "id"]
    en = lang == "en"
    lines: list[str] = []
    for check in result.checks:
        if not check.files:
            continue
        state = "OK" if not check.problems else ("✗" if any(p.severity == "error" for p in check.problems) else "!")
        lines.append(f"{check.commit.short} {check.commit.date.date()} {check.commit.subject} — {state}")
        approved = ", ".join(e.name for e in check.approved) or "-"
        count = len(check.files)
        lines.append(f"    {'approved by' if en else 'disetujui oleh'}: {approved}; "
                     + (f"{count} data file{'s' if count != 1 else ''}" if en else f"{count} berkas data"))
        for item in check.problems:
            lines.append(f"    {item.file}: {words[item.severity]} {item.code} {item.message(lang)}")
    data_commits = sum(1 for c in result.checks if c.files)
    errors = sum(1 for p in result.problems if p.severity == "error")
    warnings = len(result.problems) - errors
    if en:
        lines.append(f"{len(result.checks)} commit(s) checked, {data_commits} changing data: {errors} error(s), {warnings} warning(s).")
        lines.append("Every change had its approvals." if result.ok else "Some changes lack their approvals.")
    else:
        lines.append(f"{len(result.checks)} commit diperiksa ({data_commits} mengubah data): {errors} galat, {warnings} peringatan.")
        lines.append("Setiap perubahan telah disetujui." if result.ok else "Ada perubahan tanpa persetujuan yang diperlukan.")
    return "\n".join(lines) + "\n"
