"""Writing the files: YAML through :func:`kinerja.load.yamlsafe.dump` (it quotes dates and NIPs), CSV as
text, and a count per file kind."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from ..load.layout import classify
from ..load.yamlsafe import dump

EXAMPLE_RULE = Path(__file__).resolve().parents[3] / "contracts" / "allowance" / "tpp-contoh.yaml"


class Writer:
    """Writes files under ``<out_dir>/contracts`` and counts them by kind."""

    def __init__(self, out_dir: Path) -> None:
        self.root = Path(out_dir) / "contracts"
        self.counts: Counter[str] = Counter()
        self._dirs: set[Path] = set()

    def _path(self, relative: str) -> Path:
        path = self.root / relative
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        return path

    def _count(self, relative: str) -> None:
        place = classify(relative)
        self.counts[place.kind if place else relative.rsplit("/", 1)[-1].split(".")[0].lower()] += 1

    def yaml(self, relative: str, data: Any, header: str = "") -> None:
        self._path(relative).write_text(header + dump(data, fast=True), encoding="utf-8")
        self._count(relative)

    def text(self, relative: str, text: str) -> None:
        self._path(relative).write_text(text, encoding="utf-8")
        self._count(relative)

    def example_rule(self) -> None:
        """Copy the documented example TPP rule when the target has none (never overwrite it)."""
        target = self.root / "allowance" / "tpp-contoh.yaml"
        if not target.exists() and EXAMPLE_RULE.exists() and EXAMPLE_RULE != target.resolve():
            self._path("allowance/tpp-contoh.yaml")
            shutil.copyfile(EXAMPLE_RULE, target)
            self.counts["allowance-rule"] += 1
