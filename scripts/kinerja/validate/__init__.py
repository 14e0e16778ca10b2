"""Step 2 of the pipeline: check the loaded data and report every problem.

``validate(loaded)`` runs the schema check of each document and the rules across files, then finds the
line and column of every problem in one extra pass per affected file. It returns a
:class:`~kinerja.report.Report`; it never raises on bad data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..load import Loaded, load_tree
from ..load.yamlsafe import locate_many
from ..report import Problem, Report
from . import rules, schema
from .text import check_text


def validate(loaded: Loaded) -> Report:
    """Every problem of the loaded tree: reading, schema and cross-file rules, located."""
    report = Report(files_checked=loaded.files_read)
    report.extend(loaded.problems)
    report.extend(loaded.schema_problems)
    for doc in loaded.documents:
        if doc.kind != "attendance" and not doc.checked:
            report.extend(check_document(doc.kind, doc.data, doc.file, loaded.root))
    report.extend(rules.check_all(loaded.province, loaded.documents))
    from ..review import stale_codeowners  # lazy: keeps GitPython out of a plain validate

    report.extend(stale_codeowners(loaded))
    report.problems = locate_problems(loaded, report.problems)
    return report


def check_document(kind: str, data: Any, file: str, root: Path | None = None) -> list[Problem]:
    """The problems of one document on its own: its schema, and hazards in its text (K245-K247)."""
    return schema.check(kind, data, file, root) + check_text(kind, data, file)


def load_checked(root: Path, **options: Any) -> Loaded:
    """Load the tree with the schema check done as each file is read (the lean way for a whole
    province: records are built at once and kept without their data); then call :func:`validate`."""
    return load_tree(root, check=SchemaCheck(root), **options)


class SchemaCheck:
    """The schema check bound to a repository (picklable, for the parsing workers)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, kind: str, data: Any, file: str) -> list[Problem]:
        return check_document(kind, data, file, self.root)

    def fingerprint(self) -> str:
        """The digest of the schemas this check uses: part of the parse cache's key."""
        return schema.digest(self.root)


def locate_problems(loaded: Loaded, problems: list[Problem]) -> list[Problem]:
    """Fill in line and column from the field path, composing each affected file once."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(problems):
        if item.line is None and item.file.endswith((".yaml", ".yml")):
            by_file[item.file].append(i)
    out = list(problems)
    for file, indexes in by_file.items():
        text = loaded.read_text(file)
        if text is None:
            continue
        marks = locate_many(text, [problems[i].path for i in indexes])
        for i, mark in zip(indexes, marks):
            if mark is not None:
                out[i] = replace(problems[i], line=mark.line, column=mark.column)
    return out
