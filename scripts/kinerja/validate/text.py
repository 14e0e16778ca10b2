"""Free text that could hide or forge what a reader sees (K245, K246) or publish a NIP (K247).

Every string of a document (values and keys) is searched once for bidirectional controls and invisible
characters, and every string but an employee's ``nip`` field for a number laid out as a NIP. These are
warnings: the site drops invisible characters and hides NIPs (``kinerja.publish.privacy``); the warning
tells the author where the character is, so it can be removed at its source.
"""

from __future__ import annotations

from typing import Any

from ..plaintext import BIDI, describe, find, nip_runs
from ..report import Problem, problem

_NIP_FIELDS = {"employees": "nip"}


def check_text(kind: str, data: Any, file: str) -> list[Problem]:
    """The K245/K246/K247 warnings of one document (unlocated: the caller adds lines from the paths)."""
    out: list[Problem] = []
    skip = _NIP_FIELDS.get(kind)
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            _string(node, path, file, out, nip_allowed=bool(path) and path[-1] == skip)
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str):
                    _string(key, path, file, out, nip_allowed=False)
                stack.append((value, path + (key,)))
        elif isinstance(node, list):
            stack.extend((item, path + (i,)) for i, item in enumerate(node))
    out.reverse()
    return out


def _string(value: str, path: tuple[str | int, ...], file: str, out: list[Problem], *, nip_allowed: bool) -> None:
    seen: set[str] = set()
    for offset, ch in find(value):
        code = "K245" if ch in BIDI else "K246"
        if code not in seen:  # the first of each kind per string; deleting it shows the next
            seen.add(code)
            out.append(problem(code, file, path=path, char=describe(ch), offset=offset + 1))
    if not nip_allowed:
        for start, _end, _number in nip_runs(value):
            out.append(problem("K247", file, path=path, offset=start + 1))
            break
