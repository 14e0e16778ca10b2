"""Shared fixtures: a small valid instance copied to a temporary folder, and the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"

os.environ.setdefault("HYPOTHESIS_PROFILE", "ci")
try:
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
    settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None) -> Result:
    """Run the real ``kinerja`` command (as ``python -m kinerja``) and capture its output."""
    full_env = dict(os.environ)
    full_env.pop("KINERJA_DEBUG", None)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "kinerja", *args], cwd=cwd, env=full_env, input=stdin,
                          capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small valid instance in tests/fixtures/mini."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def cli():
    return run_cli
