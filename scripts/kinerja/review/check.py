"""Validation of part of the tree: the files a change reaches, checked as ``kinerja validate`` would.

:func:`kinerja.validate.validate` checks every loaded document and every record; a review loads only the
organisation, the files the change reaches and the records those files refer to (:mod:`.impact`), and
checks the reached files alone: their schema and the hazards in their text (K245-K247), and the rules across files that report on them. The
organisation's own rules (job descriptions, employees) run only when the change touches it. Problems are
kept for the reached files only, and located.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..load import Loaded
from ..report import Problem, Report
from ..validate import check_document, locate_problems, rules


def validate_part(loaded: Loaded, files: set[str], organisation_changed: bool) -> Report:
    """Every problem of ``files`` (paths in ``loaded``), checked against everything ``loaded`` holds."""
    province = loaded.province
    documents = loaded.documents
    found: list[Problem] = [p for p in loaded.problems if p.file in files]
    for doc in documents:
        if doc.file in files and doc.kind != "attendance":
            found.extend(check_document(doc.kind, doc.data, doc.file, loaded.root))
    checks: list[Iterable[Problem]] = [
        rules.check_duplicates(documents), rules.check_units(province, documents), rules.check_periods(province),
        rules.check_agreements(province), rules.check_contracts(province), rules.check_realisations(province),
        rules.check_assessments(province), rules.check_appeals(province), rules.check_allowance(province),
    ]
    if organisation_changed:
        checks += [rules.check_positions(province), rules.check_employees(province)]
    found.extend(_within(files, checks))
    return Report(problems=locate_problems(loaded, found), files_checked=len(files))


def _within(files: set[str], checks: Iterable[Iterable[Problem]]) -> Iterator[Problem]:
    for check in checks:
        yield from (p for p in check if p.file in files)
