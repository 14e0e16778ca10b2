"""``kinerja init DIR``: a new, valid instance (settings, organisation, periods, units with positions and
employees, schemas, mkdocs.yml), empty with one unit, or from a SIASN employee master.

The instance is built in a temporary folder beside DIR and validated there; only a valid instance is
moved into place. DIR must not exist or be empty: nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from .outcome import ImportFailed, Ledger, Place

_MKDOCS = """site_name: {site_name}
docs_dir: docs                # hand-written pages; the generated ones are added by the kinerja plugin
strict: true
theme:
  name: material
  language: id
  font: false                 # no Google Fonts: nothing is fetched from another host
plugins:
  - search:
      lang: en
  - kinerja:
      data_root: .            # the folder that holds contracts/
      mode: !ENV [KINERJA_SITE_MODE, public]   # public | staff | full
      lang: id
      languages: [id, en]
      output: generated/docs  # rewritten on every build; keep it out of Git
{extra_css}markdown_extensions:
  - tables
  - attr_list
  - admonition
  - toc:
      permalink: true
"""
_INDEX = """# Kinerja {government}

Data kinerja {government}: perjanjian kinerja, SKP, realisasi dan penilaian.

Performance data of {government}: agreements, contracts (SKP), realisations and assessments.
"""
_BKD_WORDS = ("kepegawaian", "bkd", "bkpsdm", "bkpp", "sumber daya manusia")


def _period(year: int) -> dict[str, Any]:
    return {"id": str(year), "name": f"Tahun {year}", "start": f"{year}-01-01", "end": f"{year}-12-31",
            "regime": "permenpanrb-6-2022", "cadence": "monthly", "evaluation_cadence": "quarterly",
            "lock_date": f"{year + 1}-01-31"}


def _bkd_unit(units: list[dict[str, Any]]) -> str | None:
    agencies = [u for u in units if u.get("parent") is None]
    for unit in agencies:
        if any(word in str(unit.get("name", "")).lower() for word in _BKD_WORDS):
            return unit["id"]
    return agencies[0]["id"] if agencies else None


def _empty_or_missing(target: Path) -> bool:
    return not target.exists() or (target.is_dir() and not any(target.iterdir()))


def build(staging: Path, government: str, year: int, siasn_file: Path | None, mapping: Any,
          sheet: str | None, ledger: Ledger) -> None:
    """Write the instance into ``staging`` (raises :class:`ImportFailed` for an unreadable master)."""
    from . import siasn
    from .org import Organisation
    from .state import FolderTree, Instance
    from .table import open_table

    instance = Instance(FolderTree(staging))
    org = Organisation.read(instance, mapping.units)
    if siasn_file is not None:
        table = open_table(siasn_file, siasn.COLUMNS.with_mapping(mapping.columns), sheet)
        siasn.apply(siasn.read(table, ledger), org, ledger, True, dt.date(year, 1, 1))
    if not org.units:
        unit = org.add_unit("Badan Kepegawaian Daerah", None)
        org.settle_heads([unit])
    units = instance.get("contracts/organisation.yaml")["units"]
    settings = {"government": government, "language": "id", "bkd_unit": _bkd_unit(units), "extra_vague_phrases": []}
    instance.put("contracts/settings.yaml", settings)
    instance.put("contracts/periods.yaml", {"periods": [_period(year)]})
    from .commit import apply_to_folder

    apply_to_folder(instance.changes(), staging)
    _scaffold(staging, government)


def _scaffold(staging: Path, government: str) -> None:
    """Schemas, mkdocs.yml, the home page, .gitignore and the stylesheet where the package has it."""
    from ..validate.schema import schema_dir

    shutil.copytree(schema_dir(None), staging / "schemas")
    css = Path(__file__).resolve().parents[3] / "docs" / "assets" / "kinerja.css"
    extra = ""
    (staging / "docs").mkdir(exist_ok=True)
    if css.is_file():
        (staging / "docs" / "assets").mkdir()
        shutil.copy(css, staging / "docs" / "assets" / "kinerja.css")
        extra = "extra_css:\n  - assets/kinerja.css\n"
    safe = government.replace("\n", " ")
    site_name = json.dumps(f"Kinerja {safe}", ensure_ascii=False)  # a JSON string is a YAML string
    (staging / "mkdocs.yml").write_text(_MKDOCS.format(site_name=site_name, extra_css=extra), encoding="utf-8")
    (staging / "docs" / "index.md").write_text(_INDEX.format(government=safe), encoding="utf-8")
    (staging / ".gitignore").write_text("site/\ngenerated/\n.venv/\n.kinerja-cache/\n", encoding="utf-8")


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--from-siasn", "siasn_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Build the units, positions and employees from a SIASN employee master (.xlsx or .csv).")
@click.option("--government", default="Pemerintah Daerah", show_default=True,
              help="The government's name (settings.yaml, site title).")
@click.option("--year", type=int, default=None, help="The first period's year (default: this year).")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Mapping file (YAML) for the SIASN master's column and unit names.")
@click.option("--sheet", default=None, help="Sheet of an .xlsx master (default: the first).")
@click.option("--report", type=click.Path(dir_okay=False), default=None, help="Write the per-row report (CSV).")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Language of messages.")
def init(directory: str, siasn_file: str | None, government: str, year: int | None, mapping: str | None,
         sheet: str | None, report: str | None, lang: str | None) -> None:
    """Create a new instance in DIRECTORY (which must not exist or be empty)."""
    from . import read_mapping
    from .commands import _lang
    from .commit import validate_folder
    from .. import report as reporting

    language = _lang(lang)
    target = Path(directory)
    if not _empty_or_missing(target):
        click.echo(ImportFailed("K917", Place(directory), path=directory).text(language), err=True)
        sys.exit(1)
    ledger = Ledger(Path(siasn_file).name if siasn_file else directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent.resolve()))
    try:
        try:
            build(staging, government, year or dt.date.today().year, Path(siasn_file) if siasn_file else None,
                  read_mapping(mapping), sheet, ledger)
        except ImportFailed as exc:
            click.echo(exc.text(language), err=True)
            sys.exit(1)
        if siasn_file:
            click.echo(ledger.summary(language), nl=False)
        if report:
            Path(report).write_text(ledger.csv_text(language), encoding="utf-8")
        result = validate_folder(staging)
        if not result.ok:
            click.echo(reporting.render_text(result, language, 20), err=True, nl=False)
            click.echo(ImportFailed("K915", Place(directory), count=len(result.errors)).text(language), err=True)
            sys.exit(1)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    warnings = len(result.warnings)
    click.echo(f"{directory}: new valid instance ({warnings} warnings: see kinerja validate)." if language == "en" else
               f"{directory}: instans baru yang sah ({warnings} peringatan: lihat kinerja validate).")
