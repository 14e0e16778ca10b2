"""The data layout: which file kind lives at which path under ``contracts/``.

One folder per unit, so that ownership maps to paths (and CODEOWNERS can follow)::

    contracts/
      settings.yaml                       settings       instance settings
      organisation.yaml                   organisation   the unit tree
      periods.yaml                        periods        periods, regimes, cadence, lock dates
      allowance/<rule>.yaml               allowance-rule TPP rules with effective dates
      attendance/<YYYY-MM>/<unit>.csv     attendance     monthly attendance export (or .yaml)
      units/<unit>/positions.yaml         positions      positions and job descriptions (anjab)
      units/<unit>/employees.yaml         employees      employees and their assignments
      units/<unit>/<period>/agreement.yaml              agreement (perjanjian kinerja)
      units/<unit>/<period>/agreement-realisation.yaml  agreement-realisation
      units/<unit>/<period>/skp/<employee>.yaml         contract (SKP)
      units/<unit>/<period>/realisations/<employee>/<reporting-period>.yaml   realisation
      units/<unit>/<period>/assessments/<employee>.yaml assessment
      units/<unit>/<period>/appeals/<employee>.yaml     appeal
      units/<unit>/<period>/corrections/<id>.yaml       correction (BKD-approved change in a locked period)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

ID = r"[a-z0-9][a-z0-9-]{0,62}"
RP = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|-S[12])?"

DATA_DIR = "contracts"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("settings", re.compile(r"settings\.ya?ml")),
    ("organisation", re.compile(r"organisation\.ya?ml")),
    ("periods", re.compile(r"periods\.ya?ml")),
    ("allowance-rule", re.compile(rf"allowance/(?P<rule>{ID})\.ya?ml")),
    ("attendance", re.compile(rf"attendance/(?P<month>[0-9]{{4}}-(?:0[1-9]|1[0-2]))/(?P<unit>{ID})\.(?:csv|ya?ml)")),
    ("positions", re.compile(rf"units/(?P<unit>{ID})/positions\.ya?ml")),
    ("employees", re.compile(rf"units/(?P<unit>{ID})/employees\.ya?ml")),
    ("agreement", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/agreement\.ya?ml")),
    ("agreement-realisation", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/agreement-realisation\.ya?ml")),
    ("contract", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/skp/(?P<employee>{ID})\.ya?ml")),
    ("realisation", re.compile(
        rf"units/(?P<unit>{ID})/(?P<period>{ID})/realisations/(?P<employee>{ID})/(?P<reporting_period>{RP})\.ya?ml")),
    ("assessment", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/assessments/(?P<employee>{ID})\.ya?ml")),
    ("appeal", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/appeals/(?P<employee>{ID})\.ya?ml")),
    ("correction", re.compile(rf"units/(?P<unit>{ID})/(?P<period>{ID})/corrections/(?P<correction>{ID})\.ya?ml")),
]

#: Kinds whose schema lives in ``schemas/<kind>.schema.json``.
KINDS = tuple(kind for kind, _ in _RULES if kind != "attendance")


@dataclass(frozen=True)
class Place:
    """What a path inside ``contracts/`` holds: its kind and the ids its folders name."""

    kind: str
    keys: dict[str, str]


def classify(relative: str) -> Place | None:
    """The kind of the file at ``relative`` (a POSIX path inside ``contracts/``), or None."""
    for kind, pattern in _RULES:
        match = pattern.fullmatch(relative)
        if match:
            return Place(kind, {k: sys.intern(v) for k, v in match.groupdict().items() if v is not None})
    return None


def path_for(kind: str, **keys: str) -> str:
    """The canonical path (inside ``contracts/``) of a file kind, e.g. for the intake service."""
    templates = {
        "contract": "units/{unit}/{period}/skp/{employee}.yaml",
        "realisation": "units/{unit}/{period}/realisations/{employee}/{reporting_period}.yaml",
        "assessment": "units/{unit}/{period}/assessments/{employee}.yaml",
        "appeal": "units/{unit}/{period}/appeals/{employee}.yaml",
        "correction": "units/{unit}/{period}/corrections/{correction}.yaml",
        "agreement": "units/{unit}/{period}/agreement.yaml",
        "agreement-realisation": "units/{unit}/{period}/agreement-realisation.yaml",
        "positions": "units/{unit}/positions.yaml",
        "employees": "units/{unit}/employees.yaml",
    }
    path = templates[kind].format(**keys)
    place = classify(path)
    if place is None or place.kind != kind:  # ids that would escape the layout
        raise ValueError(f"invalid ids for {kind}: {keys}")
    return path
