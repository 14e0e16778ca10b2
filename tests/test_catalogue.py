"""The error catalogue: every code has words in both languages, every code used is catalogued,
and the VS Code schema mapping covers every file kind."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kinerja import errors
from kinerja.load import layout

PACKAGE = Path(errors.__file__).resolve().parent
REPO = PACKAGE.parents[1]


def test_every_code_has_both_languages_and_a_stable_form() -> None:
    for code, kind in errors.CATALOGUE.items():
        assert re.fullmatch(r"K\d{3}", code)
        assert kind.message_id and kind.message_en and kind.name, code
        assert kind.severity in ("error", "warning")


def test_every_code_used_in_the_package_is_catalogued() -> None:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r'"(K\d{3})"', path.read_text(encoding="utf-8")))
    missing = sorted(used - set(errors.CATALOGUE))
    assert not missing, f"codes used but not in errors.py: {missing}"


def test_vscode_mapping_covers_every_kind() -> None:
    mapping = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    mapped = {Path(k).name.removesuffix(".schema.json") for k in mapping}
    assert set(layout.KINDS) <= mapped
