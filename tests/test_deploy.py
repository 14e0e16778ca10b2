"""Push → published: the deploy templates (linted with check-jsonschema's bundled schemas, and read for
what they promise), ``kinerja check-site``, the open data's Data Package, and the install extras."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, run_cli
from test_site import Built, built_site

from kinerja.publish import manifest

GITHUB = REPO / ".github" / "workflows"
FORGEJO = REPO / ".forgejo" / "workflows"
GITLAB = REPO / ".gitlab-ci.yml"


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_site(tmp_path_factory, "public")


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return built_site(tmp_path_factory, "staff")


# --- the templates ---------------------------------------------------------------------------------------------
def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with one of its bundled schemas (no network: --builtin-schema reads its own copy)."""
    exe = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run([str(exe), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True,
                          timeout=120)


def test_workflows_pass_the_bundled_schemas() -> None:
    workflows = sorted(GITHUB.glob("*.yml")) + sorted(FORGEJO.glob("*.yml"))
    assert len(workflows) >= 3
    result = check_jsonschema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_jsonschema("vendor.gitlab-ci", GITLAB)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schemas_do_refuse_a_broken_template(tmp_path: Path) -> None:
    """The lint is not a formality: a misspelt keyword fails it, in either schema."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: make\n")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1
    broken.write_text("pages:\n  script: [mkdocs build]\n  artefacts: {paths: [public]}\n")
    assert check_jsonschema("vendor.gitlab-ci", broken).returncode == 1


def _step_index(steps: list[dict], needle: str) -> int:
    for i, step in enumerate(steps):
        if needle in (step.get("run") or "") or needle in (step.get("uses") or ""):
            return i
    raise AssertionError(f"no step with {needle!r}")


@pytest.mark.parametrize("path", [GITHUB / "pages.yml", FORGEJO / "pages.yml"], ids=["github", "forgejo"])
def test_pages_workflow_validates_caches_and_checks_before_it_publishes(path: Path) -> None:
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    steps = flow["jobs"]["build"]["steps"]
    restore, build = _step_index(steps, "actions/cache/restore"), _step_index(steps, "mkdocs build --strict")
    save = _step_index(steps, "actions/cache/save")
    check = _step_index(steps, "kinerja check-site site --mode public")
    publish = _step_index(steps, "upload-pages-artifact" if "github" in str(path) else "git push")
    # the build validates first (the plugin; tests/test_site.py: invalid data fail it with the report)
    assert restore < build < save < check < publish
    assert not any(step.get("continue-on-error") for step in steps)
    for i in (restore, save):
        assert steps[i]["with"]["path"] == ".git/kinerja"
        assert "steps.tree.outputs.id" in steps[i]["with"]["key"]  # keyed by the data's tree
    assert "git rev-parse HEAD:contracts" in steps[_step_index(steps, "rev-parse")]["run"]
    assert steps[build]["env"]["KINERJA_SITE_MODE"] == "public"
    staff = flow["jobs"]["staff"]
    text = json.dumps(staff)
    assert "KINERJA_SITE_MODE" in text and "check-site staff-site --mode staff" in text
    assert "upload-pages-artifact" not in text and "deploy-pages" not in text and "git push" not in text


def test_github_deploys_with_the_pages_actions() -> None:
    flow = yaml.safe_load((GITHUB / "pages.yml").read_text(encoding="utf-8"))
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("actions/deploy-pages" in step.get("uses", "") for step in deploy["steps"])
    assert flow["permissions"] == {"contents": "read"}


def test_gitlab_pages_job() -> None:
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    pages = ci["pages"]
    script = pages["script"]
    assert script.index("mkdocs build --strict --site-dir public") < script.index("kinerja check-site public --mode public")
    assert pages["stage"] == "deploy" and ci["stages"].index("check") < ci["stages"].index("deploy")
    assert ci["validate"]["script"] == ["kinerja validate"] and "rules" not in ci["validate"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["variables"]["KINERJA_SITE_MODE"] == "public"
    assert any(".git/kinerja" in c["paths"] for c in pages["cache"])
    assert "$CI_DEFAULT_BRANCH" in pages["rules"][0]["if"]
    staff = ci["staff-site"]
    assert staff["variables"]["KINERJA_SITE_MODE"] == "staff" and staff["artifacts"]["paths"] == ["staff-site"]
    assert "public" not in json.dumps(staff["artifacts"])
    # the validate and review jobs install the validator alone
    assert "python -m pip install --quiet ." in " ".join(ci["default"]["before_script"])


# --- kinerja check-site -----------------------------------------------------------------------------------------
def _check(site: Path, *args: str) -> tuple[int, str]:
    from kinerja.cli import main

    result = CliRunner().invoke(main, ["check-site", str(site), "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_check_site_accepts_the_built_site_and_refuses_what_kinerja_did_not_write(public: Built, staff: Built,
                                                                                  tmp_path: Path) -> None:
    assert _check(public.site, "--mode", "public")[0] == 0
    assert _check(staff.site, "--mode", "staff")[0] == 0
    code, output = _check(staff.site, "--mode", "public")
    assert code == 1 and "K853" in output and "'staff'" in output
    # only the hand-written pages (a build without the plugin): no marker
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "index.html").write_text("<h1>Kinerja</h1>")
    code, output = _check(bare)
    assert code == 1 and "K851" in output and "kinerja-site.json" in output
    # a unit page lost on the way
    partial = tmp_path / "partial"
    shutil.copytree(public.site, partial)
    pages = json.loads((partial / manifest.NAME).read_text())["pages"]
    unit_page = next(p for p in pages if p.startswith("units/") and p != "units/index.md")
    for built in manifest.built_paths(unit_page):
        (partial / built).unlink(missing_ok=True)
    code, output = _check(partial)
    assert code == 1 and "K852" in output and unit_page in output
    # a marker that is not ours
    (partial / manifest.NAME).write_text("{not json")
    code, output = _check(partial)
    assert code == 1 and "K854" in output


def test_manifest_lists_the_unit_pages_and_no_person(public: Built) -> None:
    data = json.loads((public.site / manifest.NAME).read_text(encoding="utf-8"))
    assert data["mode"] == "public" and data["languages"] == ["id", "en"]
    assert any(p.startswith("units/dinas-umum/") for p in data["pages"])
    assert any(p.startswith("en/units/") for p in data["pages"])
    assert not any(e in json.dumps(data) for e in ("e-kepala", "e-kabid", "e-staf"))


# --- the Data Package -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["public", "staff"])
def test_open_data_is_a_valid_data_package(mode: str, public: Built, staff: Built, tmp_path: Path) -> None:
    from frictionless import validate

    site = {"public": public, "staff": staff}[mode].site
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    paths = {r["path"] for r in package["resources"]}
    written = {p.relative_to(site).as_posix() for p in (site / "data").rglob("*") if p.suffix in (".csv", ".json")}
    assert paths == written and written
    fields = [f["name"] for f in next(r for r in package["resources"] if r["format"] == "csv")["schema"]["fields"]]
    assert ("nip" in fields) == (mode == "staff")
    report = validate(str(site / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])[:5]
    # the schemas are checked, not just present: a number column holding text fails
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.html", "assets", "search"))
    csv_file = copy / next(r["path"] for r in package["resources"] if r["format"] == "csv")
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    if len(cells) == len(header):
        cells[header.index("achievement")] = "banyak"
        lines[1] = ",".join(cells)
        csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert not validate(str(copy / "datapackage.json")).valid


# --- install extras ---------------------------------------------------------------------------------------------
def test_a_missing_extra_names_it_instead_of_a_traceback(mini: Path, tmp_path: Path) -> None:
    """`kinerja site` without matplotlib (kinerja[site]) and `kinerja intake serve` without uvicorn
    (kinerja[intake]) say which extra to install; the validator runs without either."""
    block = "import sys\nfor m in ('matplotlib', 'uvicorn', 'starlette', 'mkdocs'): sys.modules[m] = None\n" \
            "from kinerja.cli import main\nmain()\n"
    env = dict(os.environ, KINERJA_LANG="en")
    env.pop("KINERJA_DEBUG", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", block, *args], cwd=mini, env=env, capture_output=True,
                              text=True, timeout=300)

    result = run("validate")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tree"
    result = run("site", "--out", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "K850" in result.stderr
    assert "'matplotlib'" in result.stderr and "pip install 'kinerja[site]'" in result.stderr
    assert not out.exists()
    from kinerja.cli import missing_extra

    assert missing_extra(ModuleNotFoundError("x", name="uvicorn")) == "intake"
    assert missing_extra(ModuleNotFoundError("x", name="openpyxl.styles")) == "intake"
    assert missing_extra(ModuleNotFoundError("x", name="material.plugins")) == "site"
    assert missing_extra(ModuleNotFoundError("x", name="somethingelse")) is None


def test_extras_split_the_install() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"])
    extras = project["optional-dependencies"]
    for heavy in ("mkdocs", "matplotlib", "starlette", "uvicorn", "openpyxl"):
        assert heavy not in core, heavy
    assert any(d.startswith("mkdocs-material==") for d in extras["site"])
    assert {"starlette", "uvicorn", "python-multipart"} <= {d.split(">")[0].split("=")[0] for d in extras["intake"]}
    assert "kinerja[site,intake]" in extras["test"]
    # mkdocs-material 9.8 needs Python 3.11: an install on 3.10 must be refused by pip, not fail half-way
    assert project["requires-python"].startswith(">=3.11")
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["language"] == "python" and "additional_dependencies" not in hook
