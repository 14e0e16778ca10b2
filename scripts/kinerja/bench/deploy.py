"""Push → published, measured: what a CI runner does after a merge to main (the deploy templates' steps).

A fresh clone of the merged branch (full history: the site reads it), an install into a new virtual
environment (optional: it depends on the network and the pip cache), then ``mkdocs build --strict`` of
the public site (the kinerja plugin validates first, so the templates run no separate validate) and
``kinerja check-site``, twice:

* **cold**: no parse cache (a first run, or an evicted cache), then the cache saved (a tar, as
  ``actions/cache`` makes one);
* **warm**: the cache of the commit before the merge restored from that tar, on the merged tree (one
  unit's file changed), as the templates restore the newest cache when the tree's own is not there.

Upload and deployment to the Pages service are not measured (they depend on the host); the site's
size is printed instead.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Callable

Step = tuple[str, float, str]  # (what, seconds, note)


def _timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``cmd``; its seconds and, when it failed, the end of its output."""
    from . import _run

    seconds, _, _, proc = _run(cmd, cwd, env)
    return seconds, "" if proc.returncode == 0 else f"exit {proc.returncode}: {(proc.stderr or proc.stdout)[-300:]}"


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def install(workdir: Path, echo: Callable[[str], None]) -> tuple[list[Step], Path]:
    """A new virtual environment with ``kinerja[site]`` from a wheel of this package (the dependencies from
    the package index, through pip's cache, as setup-python's ``cache: pip`` gives a runner)."""
    from . import REPO

    venv = workdir / "deploy-venv"
    wheels = workdir / "deploy-wheels"
    for folder in (venv, wheels):
        shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("kinerja-*.whl"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    seconds, note = _timed([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"kinerja[site] @ {wheel.as_uri()}"],
                           workdir)
    seconds = time.perf_counter() - started
    echo(f"  install (venv + pip install kinerja[site]): {seconds:.1f} s, {_size_mb(venv):.0f} MB {note}")
    return [("install (venv + pip install 'kinerja[site]')", seconds, f"{_size_mb(venv):.0f} MB {note}".strip())], venv


def _publish(clone: Path, python: str, label: str, echo: Callable[[str], None]) -> list[Step]:
    """Validate and build the public site, check it: what the templates run before the upload."""
    env = {"KINERJA_SITE_MODE": "public", "NO_MKDOCS_2_WARNING": "1"}
    steps: list[Step] = []
    for what, cmd in (("mkdocs build --strict (validates, then builds)",
                       [python, "-m", "mkdocs", "build", "--strict", "-q"]),
                      ("kinerja check-site --mode public", [python, "-m", "kinerja", "check-site", "site", "--mode",
                                                            "public"])):
        seconds, note = _timed(cmd, clone, env)
        steps.append((f"{label}: {what}", seconds, note))
        echo(f"  {label}: {what}: {seconds:.1f} s {note}")
    return steps


def measure(root: Path, workdir: Path, base: str, head: str, with_install: bool,
            echo: Callable[[str], None]) -> list[Step]:
    """Every step of push → published, cold and warm (see the module's docstring)."""
    python = sys.executable
    steps: list[Step] = []
    if with_install:
        installed, venv = install(workdir, echo)
        steps += installed
        python = str(venv / "bin" / "python")
    clone = workdir / "deploy-clone"
    cache_tar = workdir / "deploy-cache.tar"
    # cold: the commit before the merge, no cache
    shutil.rmtree(clone, ignore_errors=True)
    seconds, note = _timed(["git", "clone", "-q", "--no-local", "--branch", base, str(root), str(clone)], workdir)
    steps.append(("fresh clone (full history)", seconds, note))
    echo(f"  fresh clone: {seconds:.1f} s {note}")
    steps += _publish(clone, python, "cold", echo)
    started = time.perf_counter()
    with tarfile.open(cache_tar, "w") as tar:
        tar.add(clone / ".git" / "kinerja", arcname="kinerja")
    steps.append(("cold: save the parse cache (tar)", time.perf_counter() - started,
                  f"{cache_tar.stat().st_size / 1e6:.0f} MB"))
    # warm: the merged tree, with that cache restored
    shutil.rmtree(clone)
    subprocess.run(["git", "clone", "-q", "--no-local", "--branch", head, str(root), str(clone)], check=True)
    started = time.perf_counter()
    with tarfile.open(cache_tar) as tar:
        tar.extractall(clone / ".git", filter="data")
    steps.append(("warm: restore the parse cache (untar)", time.perf_counter() - started, ""))
    steps += _publish(clone, python, "warm", echo)
    steps.append(("the public site (to upload)", 0.0, f"{_size_mb(clone / 'site'):.0f} MB"))
    return steps


def report(steps: list[Step]) -> list[str]:
    """The push → published table and the cold and warm totals (target: warm ≤ 5 minutes)."""
    lines = ["", "push → published (a runner after a merge; upload and deployment not included):"]
    for what, seconds, note in steps:
        lines.append(f"  {what:52} {seconds:8.1f} s  {note}")
    shared = sum(s for w, s, _ in steps if w.startswith(("install", "fresh clone")))
    cold = shared + sum(s for w, s, _ in steps if w.startswith("cold"))
    warm = shared + sum(s for w, s, _ in steps if w.startswith("warm"))
    installed = any(w.startswith("install") for w, _, _ in steps)
    scope = "clone + install + " if installed else "clone + "
    lines += [f"  total cold ({scope}build + check + save)             {cold:8.1f} s",
              f"  total warm ({scope}restore + build + check)          {warm:8.1f} s  [≤ 300 s]"]
    if not installed:
        lines.append("  (install not measured: --no-install)")
    return lines
