"""The ``kinerja import`` group, ``kinerja init`` and ``kinerja reconcile`` / ``kinerja export`` (registered
through the same hook as the other steps: :func:`register`)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import Mapping, read_mapping
from .outcome import ImportFailed
from .run import RunOptions, execute

LANG_HELP = "Language of messages: id (Bahasa Indonesia) or en. Default: id (or KINERJA_LANG)."


def _lang(option: str | None) -> str:
    import os

    if option in ("id", "en"):
        return option
    return "en" if os.environ.get("KINERJA_LANG") == "en" else "id"


def _root(repo: str | None) -> Path:
    from ..load import find_root

    start = Path(repo) if repo else Path.cwd()
    root = find_root(start)
    if root is None:
        raise click.BadParameter(f"no contracts/ folder at or above '{start}' / tidak ada folder contracts/",
                                 param_hint="--repo")
    return root


def common(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every import subcommand takes."""
    options = [
        click.option("--dry-run", is_flag=True, help="Read and report everything; write nothing."),
        click.option("--report", type=click.Path(dir_okay=False), default=None,
                     help="Write the per-row report (CSV: file, sheet, row, column, status, target, code, message)."),
        click.option("--mapping", type=click.Path(exists=True, dir_okay=False), default=None,
                     help="Mapping file (YAML): column names, unit names, period names of a local variant."),
        click.option("--sheet", default=None, help="Sheet of an .xlsx file (default: the first)."),
        click.option("--branch", default=None, help="Name of the new branch (default: import/<source>-<date-time>)."),
        click.option("--base", default=None, help="Branch to start from (default: the checked-out branch)."),
        click.option("--repo", type=click.Path(file_okay=False), default=None,
                     help="The instance folder (default: the current one)."),
        click.option("--lang", type=click.Choice(["id", "en"]), default=None, help=LANG_HELP),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run(name: str, file: str, opts: dict[str, Any], work: Callable[..., None],
         loads: Callable[..., None] | None = None) -> None:
    """Shared plumbing of the subcommands: options, the mapping file, the table, exit code."""
    lang = _lang(opts.get("lang"))
    try:
        mapping = read_mapping(opts.get("mapping"))
    except ImportFailed as exc:
        click.echo(exc.text(lang), err=True)
        sys.exit(2)
    run = RunOptions(_root(opts.get("repo")), opts["dry_run"], opts.get("report"), opts.get("branch"),
                     opts.get("base"), lang)
    path = Path(file)
    sheet = opts.get("sheet") or mapping.sheet
    code = execute(name, path.name, run, lambda instance, ledger: work(instance, ledger, path, mapping, sheet),
                   loads or (lambda instance: instance.load_units()))
    sys.exit(code)


@click.group(name="import")
def import_group() -> None:
    """Bring an agency's data in from SIASN, e-Kinerja BKN and attendance machines (onto a new branch)."""


@import_group.command("siasn")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--create-units", is_flag=True,
              help="Create units that are not in organisation.yaml yet (default: list them as skipped).")
@common
def import_siasn(file: str, create_units: bool, **opts: Any) -> None:
    """Import the SIASN employee master (units, employees, positions, assignments, rank)."""
    from . import siasn
    from .org import Organisation
    from .table import open_table

    def work(instance: Any, ledger: Any, path: Path, mapping: Mapping, sheet: str | None) -> None:
        table = open_table(path, siasn.COLUMNS.with_mapping(mapping.columns), sheet)
        org = Organisation.read(instance, mapping.units)
        people = siasn.read(table, ledger)
        siasn.apply(people, org, ledger, create_units, dt.date.today())

    _run("siasn", file, opts, work)


def register(main: click.Group) -> None:
    """Add ``import``, ``init``, ``reconcile`` and ``export`` to the CLI."""
    from . import init as init_module

    main.add_command(import_group)
    main.add_command(init_module.init)
    for extra in _extras():
        extra(main, import_group)


def _extras() -> list[Callable[[click.Group, click.Group], None]]:
    """Sources that register their own subcommands (attendance, e-Kinerja)."""
    from . import attendance, ekinerja

    return [attendance.register, ekinerja.register]
