"""Bringing an agency's existing data in: SIASN, e-Kinerja BKN and attendance machines.

One module per source behind one small interface (:class:`SourceSpec`): the columns it expects
(header names, found in the first rows; a mapping file adds local names), a ``read`` from table rows to
records, and an ``apply`` of the records to the instance files. Every row ends in the
:class:`~.outcome.Ledger` as imported, updated, unchanged or skipped with a located reason.

``table`` reads .xlsx/.csv, ``cleaning`` cleans cells (NIP, dates), ``state`` holds the instance files
(read from a Git commit), ``org`` matches units, positions and employees, ``commit`` validates the result
and commits it on a new branch, one commit per unit. ``commands`` is the ``kinerja import`` CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .outcome import ImportFailed, Place, read_export


@dataclass(frozen=True)
class Mapping:
    """A mapping file (YAML) for columns marked LIKELY/GUESS in the docs or a local variant.

    ``columns``: field → header name (or list); ``units``: export unit name → unit id; ``periods``:
    e-Kinerja period name → Kinerja reporting period; ``sheet``; ``pins``: device PIN → NIP;
    ``working_hours``: ``{start: "07:30", end: "16:00", days: [1, 2, 3, 4, 5]}`` (ISO weekdays).
    """

    columns: dict[str, Any] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)
    pins: dict[str, str] = field(default_factory=dict)
    working_hours: dict[str, Any] = field(default_factory=dict)
    sheet: str | None = None


_KNOWN = {"columns", "units", "periods", "pins", "working_hours", "sheet"}


def read_mapping(path: str | None) -> Mapping:
    """Parse a mapping file; raise :class:`ImportFailed` (K903) on anything unexpected."""
    if not path:
        return Mapping()
    from ..load import yamlsafe

    name = Path(path).name
    raw = read_export(path, name, yamlsafe.DEFAULT_MAX_BYTES)
    data, problems = yamlsafe.load_bytes(raw, name)
    if problems:
        first = problems[0]
        raise ImportFailed("K903", Place(name, None, first.line), detail=first.message("en"))
    if data is None:
        return Mapping()
    if not isinstance(data, dict):
        raise ImportFailed("K903", Place(name), detail="the file must be a mapping (key: value)")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ImportFailed("K903", Place(name), detail=f"unknown keys {unknown}; known: {sorted(_KNOWN)}")
    out: dict[str, Any] = {}
    for key in ("columns", "units", "periods", "pins", "working_hours"):
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise ImportFailed("K903", Place(name), detail=f"'{key}' must be a mapping")
        if key == "columns":
            for field_name, names in value.items():
                ok = isinstance(names, str) or (isinstance(names, list) and all(isinstance(n, str) for n in names))
                if not ok:
                    raise ImportFailed("K903", Place(name), detail=f"columns.{field_name}: a header name or a list of names")
        elif key != "working_hours":
            value = {str(k): str(v) for k, v in value.items()}
        out[key] = value
    sheet = data.get("sheet")
    return Mapping(sheet=str(sheet) if sheet is not None else None, **out)
