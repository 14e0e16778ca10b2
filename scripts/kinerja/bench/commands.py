"""``kinerja bench`` and ``kinerja generate``."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("bench")
@click.option("--employees", type=click.IntRange(10, 200_000), default=40_000, show_default=True)
@click.option("--runs", type=click.IntRange(1, 20), default=3, show_default=True, help="Runs per measure (median).")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False), default=".kinerja-cache/bench", show_default=True,
              help="Where the synthetic province is generated (and reused).")
@click.option("--check-sample", type=click.IntRange(10, 100_000), default=300, show_default=True,
              help="Files given to check-jsonschema; its time is scaled to all files.")
@click.option("--deploy/--no-deploy", default=True, show_default=True,
              help="Also measure push → published: fresh clone, install, validate + site build + check, cold and warm.")
@click.option("--install/--no-install", default=True, show_default=True,
              help="In push → published, time a new virtual environment with kinerja[site] (uses the package index).")
@click.option("--only-deploy", is_flag=True, help="Measure push → published only.")
def bench(employees: int, runs: int, seed: int, workdir: str, check_sample: int, deploy: bool, install: bool,
          only_deploy: bool) -> None:
    """Benchmark validate, score, review and the site build on a synthetic province, and push → published."""
    from . import deploy as push, one_unit_change, prepare, report, run

    folder = Path(workdir).resolve()
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
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Folder to write contracts/ into.")
def generate(employees: int, agencies: int | None, seed: int, out: str) -> None:
    """Write a deterministic synthetic province (the demo at the default size) that passes validate."""
    from ..generate import generate as make

    target = Path(out)
    if (target / "contracts" / "units").exists():
        raise click.BadParameter(f"'{target / 'contracts'}' sudah ada / already exists", param_hint="--out")
    counts = make(target, employees=employees, seed=seed, agencies=agencies)
    click.echo(f"{counts} → {target / 'contracts'}")


def register(main: click.Group) -> None:
    main.add_command(bench)
    main.add_command(generate)
