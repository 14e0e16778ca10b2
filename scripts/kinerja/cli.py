"""The ``kinerja`` command line: a thin layer over the pipeline (load → validate → score → publish).

Exit codes: 0 valid / done, 1 invalid data, 2 usage error. Never a traceback: an unexpected failure
prints one line asking for a report (set ``KINERJA_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NoReturn

import click

from . import report as reporting
from .load import Loaded, find_root
from .outdir import SCORE, OutputRefused, Replacement
from .validate import load_checked, validate as run_validate

LANG_HELP = "Language of messages: id (Bahasa Indonesia) or en. Default: settings.yaml, else id."


# The import name of each package an extra brings (pyproject.toml), so a missing one names its extra.
EXTRAS = {"matplotlib": "site", "mkdocs": "site", "material": "site", "jinja2": "site",
          "starlette": "intake", "uvicorn": "intake", "multipart": "intake", "python_multipart": "intake",
          "openpyxl": "intake"}


def missing_extra(exc: ModuleNotFoundError) -> str | None:
    """The extra (``site``, ``intake``) whose package is missing, or None for any other missing module."""
    top = (exc.name or "").split(".")[0]
    return EXTRAS.get(top)


class KinerjaGroup(click.Group):
    """A group that turns unexpected exceptions into one clear line and exit code 3."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except OutputRefused as exc:
            output_refused(exc, resolve_lang(None))
        except KeyboardInterrupt:  # pragma: no cover
            click.echo("Dihentikan / interrupted.", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("KINERJA_DEBUG"):
                raise
            extra = missing_extra(exc) if isinstance(exc, ModuleNotFoundError) else None
            if extra is not None:  # an install without the extra this command needs
                problem = reporting.Problem("K850", "kinerja", params=(("module", exc.name), ("extra", extra)))
                lang = resolve_lang(None)
                click.echo(f"kinerja: {problem.code} {problem.message(lang)}\n{problem.hint(lang)}", err=True)
                sys.exit(2)
            click.echo(f"kinerja: kesalahan internal / internal error: {type(exc).__name__}: {exc}\n"
                       "Laporkan ke pengelola dengan perintah yang dijalankan; KINERJA_DEBUG=1 menampilkan rinciannya. / "
                       "Please report it with the command you ran; KINERJA_DEBUG=1 shows the details.", err=True)
            sys.exit(3)


@click.group(cls=KinerjaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kinerja")
def main() -> None:
    """Kinerja: performance management as code (SKP, realisasi, penilaian, TPP)."""


def resolve_lang(option: str | None, loaded: Loaded | None = None) -> str:
    if option in ("id", "en"):
        return option
    env = os.environ.get("KINERJA_LANG")
    if env in ("id", "en"):
        return env
    if loaded is not None:
        return loaded.province.settings.language
    return "id"


def load_repository(paths: tuple[str, ...]) -> tuple[Loaded, list[Path]]:
    """Load the instance that holds ``paths`` (default: the current folder)."""
    targets = [Path(p) for p in paths] or [Path.cwd()]
    for target in targets:
        if not target.exists():
            raise click.BadParameter(f"'{target}' tidak ada / does not exist", param_hint="PATH")
    start = targets[0] if targets[0].is_dir() else targets[0].parent
    root = find_root(start)
    if root is None:
        msg = reporting.Problem("K801", str(start), params=(("path", str(start)),))
        click.echo(msg.message(resolve_lang(None)) + "\n" + msg.hint(resolve_lang(None)), err=True)
        sys.exit(2)
    return load_checked(root), [t.resolve() for t in targets]


def _within(file: str, root: Path, targets: list[Path]) -> bool:
    # The file's own links are not followed: a refused link (K013) belongs where it is, not where it points.
    path = Path(os.path.normpath(root.resolve() / file))
    return any(path == t or t in path.parents for t in targets)


def format_option(choices: list[str], default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


lang_option = click.option("--lang", type=click.Choice(["id", "en"]), default=None, help=LANG_HELP)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@format_option(["text", "json", "github"], "text")
@lang_option
@click.option("--all", "show_all", is_flag=True, help="Show every problem (text format shows 20 per code by default).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
def validate(paths: tuple[str, ...], fmt: str, lang: str | None, show_all: bool, strict: bool) -> None:
    """Check the data and report every problem.

    PATH is the repository folder (default: the current one) or files and folders inside contracts/;
    everything is loaded (references cross files) but only problems under the given paths are shown.
    """
    loaded, targets = load_repository(paths)
    report = run_validate(loaded)
    if paths and not any(t == loaded.root.resolve() for t in targets):
        report.problems = [p for p in report.problems if _within(p.file, loaded.root, targets)]
    language = resolve_lang(lang, loaded)
    if fmt == "text":
        click.echo(reporting.render_text(report, language, None if show_all else 20), nl=False)
    else:
        click.echo(reporting.REPORTERS[fmt](report, language), nl=False)
    failed = not report.ok or (strict and report.warnings)
    sys.exit(1 if failed else 0)


def load_valid(lang: str | None) -> tuple[Loaded, str]:
    """Load the repository in the current folder; on invalid data print the report and exit 1."""
    loaded, _ = load_repository(())
    language = resolve_lang(lang, loaded)
    report = run_validate(loaded)
    if not report.ok:
        click.echo(reporting.render_text(report, language), err=True, nl=False)
        sys.exit(1)
    return loaded, language


def output_refused(exc: OutputRefused, lang: str) -> NoReturn:
    """Print why an output may not be written (nothing was touched) and exit 2."""
    click.echo(f"kinerja: {exc.render(lang)}", err=True)
    sys.exit(2)


@main.command()
@click.option("--period", "periods", multiple=True, help="Period id (repeatable). Default: every period.")
@click.option("--unit", "units", multiple=True, help="Unit id: score it and its sub-units (repeatable).")
@format_option(["table", "json", "csv"], "table")
@click.option("--output", type=click.Path(), default=None,
              help="Write one JSON file per unit and period plus scores.csv into this folder.")
@lang_option
def score(periods: tuple[str, ...], units: tuple[str, ...], fmt: str, output: str | None, lang: str | None) -> None:
    """Score every employee and unit under the regime of its period.

    Invalid data prints the validation report and writes no scores (exit 1).
    """
    from .score import engine, output as out

    from .validate import validate

    loaded, _ = load_repository(())
    language = resolve_lang(lang, loaded)
    # Validated first, here: nothing is scored, written or printed from invalid data. (A validating
    # process forked beside the scoring would hold its own copy of every page of the province it reads.)
    report = validate(loaded)
    if not report.ok:
        click.echo(reporting.render_text(report, language), err=True, nl=False)
        sys.exit(1)

    province = loaded.province
    for period in periods:
        if period not in province.periods:
            raise click.BadParameter(f"'{period}' tidak ada di periods.yaml / not in periods.yaml", param_hint="--period")
    for unit in units:
        if unit not in province.units:
            raise click.BadParameter(f"'{unit}' tidak ada di organisation.yaml / not in organisation.yaml", param_hint="--unit")
    if output:
        try:
            counts = _write_scores(Replacement(output, SCORE, (loaded.root,)), province, periods, units, language)
        except OutputRefused as exc:
            output_refused(exc, language)
        click.echo(f"{counts[0]} pegawai / employees, {counts[1]} unit-periode → {output}")
        return
    run = engine.score(province, periods or None, units or None)
    if fmt == "json":
        click.echo(out.dumps([doc for _, doc in out.iter_unit_documents(province, run, language)]), nl=False)
    elif fmt == "csv":
        click.echo(out.combined_csv(run, language), nl=False)
        for line in out.warning_lines(run, language):  # the CSV stays one table; warnings go beside it
            click.echo(line, err=True)
    else:
        click.echo(out.table(run, language), nl=False)


def _write_scores(replacement: Replacement, province: Any, periods: tuple[str, ...], units: tuple[str, ...],
                  language: str) -> tuple[int, int]:
    """Score into the staging folder of ``replacement`` (one JSON per unit and period, scores.csv and
    allowance.csv), then swap it in; on any failure the previous output is left as it was. Returns
    the number of employees and of unit-periods."""
    from .score import engine, output as out

    staging = replacement.staging
    try:
        spill = staging / ".rows"  # each part's CSV rows, sorted, merged into one file at the end
        spill.mkdir()

        def write_part(part: Any) -> tuple[str, str, int, int]:
            # Runs where the part was scored (another process for a big province): only names come back.
            for (unit, period), doc in out.iter_unit_documents(province, part, language):
                path = staging / period / f"{unit}.json"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(out.dumps(doc, compact=True), encoding="utf-8")
            return (_spill(spill, out.csv_lines(out.score_rows_csv(part, language))),
                    _spill(spill, out.csv_lines(out.allowance_rows_csv(part, language))),
                    len(part.employees), len(part.units))

        spilled: list[tuple[str, str]] = []
        counts = [0, 0]
        for rows, allowance, employees, unit_periods in engine.score_parts(
                province, periods or None, units or None, then=write_part):
            spilled.append((rows, allowance))
            counts[0] += employees
            counts[1] += unit_periods
        for name, columns, which in (("scores.csv", out.CSV_COLUMNS, 0), ("allowance.csv", out.ALLOWANCE_COLUMNS, 1)):
            with open(staging / name, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(out.merged_csv(columns, [_unspill(Path(pair[which])) for pair in spilled]))
        for path in spill.iterdir():  # the spilled rows are merged: the folder goes before the swap
            path.unlink()
        spill.rmdir()
    except BaseException:
        replacement.discard()
        raise
    replacement.commit()
    return counts[0], counts[1]


def _spill(folder: Path, lines: list[tuple[Any, str]]) -> str:
    """Write rows (key, CSV line), sorted by key, to a file of their own; return its path."""
    import pickle
    import tempfile

    fd, path = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(fd, "wb") as handle:
        for row in sorted(lines, key=lambda item: item[0]):
            pickle.dump(row, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _unspill(path: Path) -> Iterator[tuple[Any, str]]:
    """The rows of :func:`_spill`, one at a time."""
    import pickle

    with open(path, "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


@main.command()
@click.argument("employee")
@click.option("--period", required=True, help="Period id.")
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(employee: str, period: str, lang: str | None, fmt: str) -> None:
    """Explain every number of EMPLOYEE's result (employee id) for a period."""
    from .score import engine, output as out
    from .score.explain import render

    loaded, language = load_valid(lang)
    province = loaded.province
    if period not in province.periods:
        raise click.BadParameter(f"'{period}' tidak ada di periods.yaml / not in periods.yaml", param_hint="--period")
    contract = province.contracts.get((employee, period))
    if contract is None:
        raise click.BadParameter(f"tidak ada SKP '{employee}' periode {period} / no SKP for '{employee}' in {period}",
                                 param_hint="EMPLOYEE")
    result = engine.score_contract(province, contract, province.periods[period])
    run = engine.score(province, [period], [result.unit])
    if fmt == "json":
        history = engine.credit_history(province, employee, period) if "credit_points" in result.figures else None
        click.echo(out.dumps(dict(out.employee_dict(result, language),
                                  allowance=out.allowance_rows(run, result, language),
                                  credit_points_accumulated=None if history is None else history.to_dict(language))),
                   nl=False)
        return
    click.echo(out.explanation(province, result, language), nl=False)
    for (employee_id, month), paid in sorted(run.allowance.items()):
        if employee_id == employee:
            click.echo(f"\nTPP {month}:")
            seen: set[int] = set()
            for figure in paid.figures():
                click.echo("\n".join(render(figure, language, seen=seen)))
    for (employee_id, month), note in sorted(run.allowance_notes.items()):
        if employee_id == employee:
            click.echo(f"\nTPP {month}: {note.code} {note.text(language)}")


def _register_steps() -> None:
    """The steps beside the core (publish, review, intake) add their own commands, the way plugins
    register through one hook: each has ``<step>/commands.py`` with ``register(main)``."""
    import importlib
    import importlib.util

    for step in ("publish", "review", "intake", "bench", "imports"):
        name = f"kinerja.{step}.commands"
        if importlib.util.find_spec(f"kinerja.{step}") and importlib.util.find_spec(name):
            importlib.import_module(name).register(main)


_register_steps()

if __name__ == "__main__":  # pragma: no cover
    main()
