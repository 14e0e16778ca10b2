"""Every command and every option of the CLI is documented (README.md or docs/*.md), datasette-style."""

from __future__ import annotations

import click

from conftest import REPO
from kinerja.cli import main


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, full + " "))
    return found


def test_every_command_and_option_is_documented() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").glob("*.md")))
    missing = []
    for name, command in _commands(main):
        if f"kinerja {name}" not in text:
            missing.append(f"kinerja {name}")
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help",) and opt not in text:
                    missing.append(f"kinerja {name} {opt}")
    assert not missing, missing
