"""Step 2 of the pipeline: check the loaded data and report every problem.

``validate(loaded)`` runs the schema check of each document and the rules across files, then finds the
line and column of every problem in one extra pass per affected file. It returns a
:class:`~kinerja.report.Report`; it never raises on bad data.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..load import Loaded, load_tree
from ..load.yamlsafe import locate_many
from ..report import Problem, Report
from . import rules, schema


def validate(loaded: Loaded) -> Report:
    """Every problem of the loaded tree: reading, schema and cross-file rules, located."""
    report = Report(files_checked=loaded.files_read)
    report.extend(loaded.problems)
    report.extend(loaded.schema_problems)
    for doc in loaded.documents:
        if doc.kind != "attendance" and not doc.checked:
            report.extend(schema.check(doc.kind, doc.data, doc.file, loaded.root))
    report.extend(rules.check_all(loaded.province, loaded.documents))
    from ..review import stale_codeowners  # lazy: keeps GitPython out of a plain validate

    report.extend(stale_codeowners(loaded))
    report.problems = locate_problems(loaded, report.problems)
    return report


BESIDE_THRESHOLD = 20_000  # files read; below this a second process costs more than it saves
_BESIDE: dict[str, Loaded] = {}


def _validate_beside() -> Report:
    return validate(_BESIDE["loaded"])


class PendingReport:
    """A validation report that may still be computing in another process (:func:`validate_beside`)."""

    def __init__(self, loaded: Loaded, report: Report | None = None, future: Any = None, pool: Any = None) -> None:
        self.loaded, self.report, self.future, self.pool = loaded, report, future, pool

    @property
    def ready(self) -> bool:
        return self.report is not None

    def result(self) -> Report:
        if self.report is None:
            try:
                self.report = self.future.result()
            except Exception:  # noqa: BLE001 - the other process died (memory?): validate here instead
                self.report = validate(self.loaded)
            finally:
                self.pool.shutdown()
                _BESIDE.clear()
        return self.report


def validate_beside(loaded: Loaded, threshold: int = BESIDE_THRESHOLD) -> PendingReport:
    """Start :func:`validate` in a forked process, so the caller can score meanwhile on the other core:
    the loaded tree is shared copy-on-write and only the report comes back. Small trees, one core or no
    ``fork``: validated here and now (``ready``). The caller must not publish anything before it has the
    report and found it clean, and must ask for the report before reporting an error of its own (the
    data may be invalid)."""
    if loaded.files_read < threshold or (os.cpu_count() or 1) < 2:
        return PendingReport(loaded, validate(loaded))
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _BESIDE["loaded"] = loaded
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return PendingReport(loaded, future=pool.submit(_validate_beside), pool=pool)
    except (OSError, ValueError, RuntimeError):
        _BESIDE.clear()
        return PendingReport(loaded, validate(loaded))


def load_checked(root: Path, **options: Any) -> Loaded:
    """Load the tree with the schema check done as each file is read (the lean way for a whole
    province: records are built at once and kept without their data); then call :func:`validate`."""
    return load_tree(root, check=SchemaCheck(root), **options)


class SchemaCheck:
    """The schema check bound to a repository (picklable, for the parsing workers)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, kind: str, data: Any, file: str) -> list[Problem]:
        return schema.check(kind, data, file, self.root)


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
