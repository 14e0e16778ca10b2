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


@click.command("check-site")
@click.argument("site_dir", type=click.Path(file_okay=False))
@click.option("--mode", "expected", type=click.Choice(["public", "staff", "full"]), default=None,
              help="Also refuse a site built in another privacy mode (e.g. --mode public before public Pages).")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Language of messages: id (Bahasa Indonesia) or en. Default: KINERJA_LANG, else id.")
def check_site(site_dir: str, expected: str | None, lang: str | None) -> None:
    """Check a BUILT site (e.g. site/) before it is published: exit 1 unless kinerja wrote its pages.

    A site engine that ran without the kinerja plugin (a mkdocs.yml without it, or an engine that runs no
    MkDocs plugins, such as Zensical) builds the hand-written pages only: such a site has no unit pages and
    fails here, as does one missing pages kinerja wrote or built in another privacy mode than --mode.
    """
    from ..cli import resolve_lang
    from .manifest import NAME, check_site as check

    language = resolve_lang(lang)
    target = Path(site_dir)
    if not target.is_dir():
        raise click.BadParameter(f"'{target}' bukan folder / is not a folder", param_hint="SITE_DIR")
    problems = check(target, expected)
    for problem in problems:
        click.echo(f"{problem.location()}: {problem.code} {problem.message(language)}\n  {problem.hint(language)}",
                   err=True)
    if problems:
        sys.exit(1)
    click.echo(f"{target}: {NAME} ok")


def register(main: click.Group) -> None:
    """Add ``kinerja site`` and ``kinerja check-site`` to the command line (called by :mod:`kinerja.cli`)."""
    main.add_command(site)
    main.add_command(check_site)
