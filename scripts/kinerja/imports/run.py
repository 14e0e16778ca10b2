"""The steps every ``kinerja import`` shares: open the instance at its base commit, let a source change
the files, print the ledger, then (unless ``--dry-run``) validate the result and commit it per unit."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click

from .. import report as reporting
from .commit import commit_groups, groups, open_tree, validate_result
from .outcome import ImportFailed, Ledger, Place
from .state import FolderTree, GitFailed, Instance, unit_of


@dataclass(frozen=True)
class RunOptions:
    """What every import command takes."""

    root: Path
    dry_run: bool
    report: str | None
    branch: str | None
    base: str | None
    lang: str


#: A source's work: (instance, ledger) → None; it changes ``instance`` and records every row.
Work = Callable[[Instance, Ledger], None]


def execute(name: str, label: str, options: RunOptions, work: Work, loads: Callable[[Instance], None]) -> int:
    """Run one import; returns the exit code (0 done or nothing to do, 1 refused)."""
    lang = options.lang
    try:
        tree, base = open_tree(options.root, options.base)
    except GitFailed as exc:
        if not options.dry_run:
            _fail(ImportFailed("K916", Place(str(options.root)), detail=str(exc)), lang)
            return 1
        tree, base = FolderTree(options.root), None  # type: ignore[assignment]
    instance = Instance(tree)
    loads(instance)
    ledger = Ledger(label)
    try:
        work(instance, ledger)
    except ImportFailed as exc:
        _fail(exc, lang)
        return 1
    click.echo(ledger.summary(lang), nl=False)
    if options.report:
        Path(options.report).write_text(ledger.csv_text(lang), encoding="utf-8")
    changes = instance.changes()
    parts = groups(changes)
    units = [unit for unit, _ in parts if unit]
    if options.dry_run:
        click.echo(_says(lang, f"--dry-run: {len(changes)} berkas di {len(units)} unit akan berubah; tidak ada yang ditulis.",
                         f"--dry-run: {len(changes)} files in {len(units)} units would change; nothing written."))
        return 0
    if not changes:
        click.echo(_says(lang, "Tidak ada yang berubah; tidak ada commit.", "Nothing changes; no commit."))
        return 0
    result = validate_result(tree, changes)  # type: ignore[arg-type]
    if not result.ok:
        click.echo(reporting.render_text(result, lang, 20), err=True, nl=False)
        errors_count = sum(1 for p in result.problems if p.severity == "error")
        _fail(ImportFailed("K915", Place(label), count=errors_count), lang)
        return 1
    per_unit: dict[str, Counter[str]] = {}
    for outcome in ledger.outcomes:
        if outcome.target:
            per_unit.setdefault(unit_of(outcome.target), Counter())[outcome.status] += 1
    branch = options.branch or f"import/{name}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    messages = [(unit, files, _message(name, unit, files, per_unit.get(unit) if unit else ledger.counts()))
                for unit, files in parts]
    try:
        commits = commit_groups(tree, branch, messages)  # type: ignore[arg-type]
    except GitFailed as exc:
        _fail(ImportFailed("K916", Place(label), detail=str(exc)), lang)
        return 1
    click.echo(_says(lang, f"{len(commits)} commit di cabang '{branch}' (dari {base}); cabang {base} tidak diubah.",
                     f"{len(commits)} commits on branch '{branch}' (from {base}); {base} is untouched."))
    return 0


def _message(name: str, unit: str, files: dict[str, bytes | None], counts: object) -> str:
    """A commit message with the unit and counts only (never a NIP, a name or an employee id)."""
    written = sum(1 for raw in files.values() if raw is not None)
    removed = len(files) - written
    what = f"unit {unit}" if unit else "instance-wide files"
    body = f"{written} file(s) written" + (f", {removed} removed" if removed else "")
    if counts:
        body += "\nRows: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))  # type: ignore[attr-defined]
    return f"Import {name}: {what}\n\n{body}\nVia: kinerja import {name}\n"


def _fail(exc: ImportFailed, lang: str) -> None:
    click.echo(exc.text(lang), err=True)


def _says(lang: str, text_id: str, text_en: str) -> str:
    return text_en if lang == "en" else text_id
