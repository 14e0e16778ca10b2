"""``kinerja bench`` and ``kinerja generate``."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("bench")
@click.option("--employees", type=click.IntRange(10, 200_000), default=40_000, show_default=True)
@click.option("--runs", type=click.IntRange(1, 20), default=3, show_default=True, help="Runs per measure (median).")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--workdir", type=click.Path(), default=".kinerja-cache/bench", show_default=True,
              help="Where the synthetic province is generated (and reused): missing, empty or made by "
                   "'kinerja bench'; anything else is refused.")
@click.option("--check-sample", type=click.IntRange(10, 100_000), default=300, show_default=True,
              help="Files given to check-jsonschema; its time is scaled to all files.")
@click.option("--intake", is_flag=True,
              help="Benchmark the write side instead: the intake service under a month-end rush, its floor "
                   "and the Excel import of one unit's workbook.")
@click.option("--officers", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="With --intake: officers signed in (the units shared among them).")
@click.option("--submissions", type=click.IntRange(1, 1_000_000), default=300, show_default=True,
              help="With --intake: realisations submitted through the HTTP API.")
@click.option("--concurrency", type=click.IntRange(1, 1_000), default=50, show_default=True,
              help="With --intake: submissions in flight at a time.")
@click.option("--kill-after", type=click.IntRange(1, 1_000_000), default=None,
              help="With --intake: kill the service (SIGKILL) after this many receipts, restart it and submit "
                   "again what got no answer.")
@click.option("--excel/--no-excel", default=True, show_default=True,
              help="With --intake: also time the Excel import of one unit's workbook for a month.")
@click.option("--deploy/--no-deploy", default=True, show_default=True,
              help="Also measure push → published: fresh clone, install, validate + site build + check, cold and warm.")
@click.option("--install/--no-install", default=True, show_default=True,
              help="In push → published, time a new virtual environment with kinerja[site] (uses the package index).")
@click.option("--only-deploy", is_flag=True, help="Measure push → published only.")
def bench(employees: int, runs: int, seed: int, workdir: str, check_sample: int, intake: bool, officers: int,
          submissions: int, concurrency: int, kill_after: int | None, excel: bool, deploy: bool, install: bool,
          only_deploy: bool) -> None:
    """Benchmark validate, score, review and the site build on a synthetic province, and push → published
    (with --intake: the intake service)."""
    from ..outdir import BENCH, claim
    from . import deploy as push, one_unit_change, prepare, report, run

    folder = claim(workdir, BENCH)
    if intake:
        from . import intake as write_side

        figures = write_side.run(employees, seed, folder, officers, submissions, concurrency, kill_after, excel,
                                 click.echo)
        click.echo(write_side.report(figures), nl=False)
        return
    if not only_deploy:
        results = run(employees, runs, folder, seed, check_sample, click.echo)
        click.echo(report(results, employees), nl=False)
    if deploy or only_deploy:
        root = prepare(folder, employees, seed, click.echo)
        base, head = one_unit_change(root)
        steps = push.measure(root, folder, base, head, install, click.echo)
        click.echo("\n".join(push.report(steps)) + "\n", nl=False)


@click.command("generate")
@click.option("--employees", type=click.IntRange(10, 200_000), default=60, show_default=True)
@click.option("--units", "agencies", type=click.IntRange(1, 2_000), default=None,
              help="Number of agencies (OPD), each with its sub-units. Default: one per ~800 employees.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--out", type=click.Path(), required=True,
              help="Folder to write contracts/ into: missing, empty or made by 'kinerja generate' (then replaced "
                   "as a whole); anything else is refused.")
def generate(employees: int, agencies: int | None, seed: int, out: str) -> None:
    """Write a deterministic synthetic province (the demo at the default size) that passes validate."""
    from ..generate import generate as make
    from ..outdir import GENERATE, replacing

    with replacing(out, GENERATE) as staging:
        counts = make(staging, employees=employees, seed=seed, agencies=agencies)
    click.echo(f"{counts} → {Path(out) / 'contracts'}")


def register(main: click.Group) -> None:
    main.add_command(bench)
    main.add_command(generate)
