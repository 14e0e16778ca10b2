"""Engine independence: the site builds under MkDocs + Material (the default), ProperDocs (a drop-in MkDocs
fork that runs our plugin) and Zensical (which reads mkdocs.yml but runs no MkDocs plugin: it builds the
tree of ``kinerja site --out``), each checked for the expected pages; a build in which the plugin did not
run is refused by ``kinerja check-site`` (what every deploy template runs before it publishes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from test_site import Built, built_site, make_instance

BIN = Path(sys.executable).parent
EXPECTED = ("index.html", "units/index.html", "units/dinas-umum/index.html", "units/dinas/index.html",
            "periods/2026/index.html", "en/units/dinas-umum/index.html", "methodology/index.html",
            "open-data/index.html", "data/2026/all.csv", "data/2026/all.json", "datapackage.json",
            "kinerja-site.json", "assets/kinerja.css")

# The configuration for an engine that builds the generated tree itself (docs/site.md, "Another engine").
TREE_CONFIG = """site_name: Kinerja
docs_dir: tree
site_dir: site-tree
use_directory_urls: true
theme:
  name: material
  language: id
  font: false
nav:
  - Beranda: index.md
  - Unit: units/index.md
  - Periode: periods/index.md
  - Metodologi: methodology.md
  - Data terbuka: open-data.md
extra_css:
  - assets/kinerja.css
markdown_extensions:
  - tables
  - attr_list
  - admonition
  - toc:
      permalink: true
"""


def engine(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KINERJA_SITE_MODE="public")
    env.pop("KINERJA_DEBUG", None)
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=root, env=env, capture_output=True, text=True,
                          timeout=300)


def assert_complete(site: Path) -> None:
    """The pages a reader expects, with the data in them, and the check every deploy template runs."""
    missing = [p for p in EXPECTED if not (site / p).is_file()]
    assert not missing, missing
    unit = (site / "units/dinas-umum/index.html").read_text(encoding="utf-8")
    assert "Persentase surat" in unit and "<img src=x" not in unit
    result = run_cli("check-site", str(site), "--mode", "public")
    assert result.code == 0, result.err


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_instance(tmp_path_factory.mktemp("engines") / "instance")


def test_mkdocs_material_the_default(tmp_path_factory: pytest.TempPathFactory) -> None:
    public: Built = built_site(tmp_path_factory, "public")
    assert_complete(public.site)


def test_properdocs_runs_the_plugin(instance: Path) -> None:
    result = engine(instance, "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs")
    assert result.returncode == 0, result.stderr
    assert "kinerja:" in result.stderr and "pages generated" in result.stderr
    assert_complete(instance / "site-properdocs")


def test_zensical_ignores_the_plugin_and_check_site_refuses_that_build(instance: Path) -> None:
    """Zensical builds mkdocs.yml without complaint (exit 0) but without one unit page: the check fails."""
    result = engine(instance, "zensical", "build", "-f", "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    site = instance / "site"
    assert (site / "index.html").is_file() and not (site / "units").exists()
    checked = run_cli("check-site", str(site), "--lang", "en")
    assert checked.code == 1 and "K851" in checked.err and "kinerja site --out" in checked.err


def test_zensical_builds_the_tree_of_kinerja_site(instance: Path) -> None:
    result = run_cli("site", "--out", str(instance / "tree"), cwd=instance)
    assert result.code == 0, result.err
    (instance / "zensical.yml").write_text(TREE_CONFIG, encoding="utf-8")
    result = engine(instance, "zensical", "build", "-f", "zensical.yml")
    assert result.returncode == 0, result.stderr
    assert_complete(instance / "site-tree")
