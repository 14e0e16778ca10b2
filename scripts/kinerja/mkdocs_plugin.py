"""The MkDocs plugin ``kinerja``: a thin adapter between MkDocs and the pipeline.

For now it validates the data before the build and fails the build with the report when the data is
invalid, so that a broken repository never publishes a site.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .load import find_root, load_tree
from .report import render_text
from .validate import validate

log = logging.getLogger("mkdocs.plugins.kinerja")


class KinerjaConfig(base.Config):
    """Options of ``plugins: - kinerja`` in mkdocs.yml."""

    data_root = c.Type(str, default=".")
    """Folder that holds ``contracts/`` (relative to mkdocs.yml)."""
    lang = c.Choice(("id", "en"), default="id")
    """Language of the validation report in the build log."""


class KinerjaPlugin(BasePlugin[KinerjaConfig]):
    """Validates the data on every build; fails the build on errors."""

    def on_config(self, config: Any) -> Any:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        root = find_root(base_dir / self.config.data_root)
        if root is None:
            raise PluginError(f"kinerja: no contracts/ folder under {self.config.data_root!r}")
        loaded = load_tree(root)
        report = validate(loaded)
        for item in report.warnings:
            log.info("%s %s %s", item.location(), item.code, item.message(self.config.lang))
        if not report.ok:
            raise PluginError("kinerja: data tidak sah / invalid data\n" + render_text(report, self.config.lang))
        self.loaded = loaded
        return config
