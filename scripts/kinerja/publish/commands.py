"""The ``kinerja site`` command: validate, score and write the site's Markdown tree and assets."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_OUT = "generated/docs"


@click.command("site")
@click.option("--mode", type=click.Choice(["public", "staff", "full"]), default="public", show_default=True,
              help="Privacy mode: public (no names, no NIPs), staff (names, masked NIPs) or full (everything).")
@click.option("--out", "out", type=click.Path(), default=None,
              help=f"Folder to write: missing, empty or made by 'kinerja site' (then replaced as a whole); "
                   f"anything else is refused. Default: {DEFAULT_OUT} in the repository.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Primary language (its pages at the root; the other under en/ or id/). Default: settings.yaml.")
@click.option("--only-primary", is_flag=True, help="Write the primary language only.")
@click.option("--docs", "docs", type=click.Path(file_okay=False), default=None,
              help="Hand-written pages to copy in. Default: docs/ in the repository.")
@click.option("--no-history", is_flag=True, help="Do not read the Git history.")
def site(mode: str, out: str | None, lang: str | None, only_primary: bool, docs: str | None, no_history: bool) -> None:
    """Write the site (every page, CSV/JSON open data, SVG charts, schemas) as a Markdown tree.

    Any engine that builds a folder of Markdown can publish the result; `mkdocs build` does it through
    the `kinerja` plugin. Invalid data prints the validation report and writes nothing (exit 1).
    """
    from ..cli import load_valid, output_refused
    from ..outdir import OutputRefused
    from .site import SiteError, generate_site

    loaded, language = load_valid(lang)
    target = Path(out) if out else loaded.root / DEFAULT_OUT
    docs_dir = Path(docs) if docs else loaded.root / "docs"
    try:
        result = generate_site(loaded, None, target, mode=mode, lang=language,
                               languages=(language,) if only_primary else None, docs_dir=docs_dir,
                               history=not no_history)
    except SiteError as exc:
        click.echo(f"kinerja site: {exc}", err=True)
        sys.exit(2)
    except OutputRefused as exc:
        output_refused(exc, language)
    click.echo(f"{len(result.pages)} halaman / pages, {len(result.files)} berkas / files → {result.out_dir} "
               f"({result.seconds:.1f} s, mode {mode})")


def register(main: click.Group) -> None:
    """Add ``kinerja site`` to the command line (called by :mod:`kinerja.cli`)."""
    main.add_command(site)
