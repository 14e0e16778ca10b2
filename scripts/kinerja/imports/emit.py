"""A fast YAML writer for the files imports write (employees, positions, organisation): the same text as
:func:`kinerja.load.yamlsafe.dump`, without PyYAML's Python representer for the common values.

Mappings and lists in block style (lists inside a mapping not indented, as PyYAML writes them),
integers, booleans, null, and strings that are plain-safe (letters first, no ``:``, ``#`` or quotes) or
digit-first ones double-quoted (NIPs, dates): everything else (long or unusual strings, floats) goes
makes the whole document go through ``yamlsafe.dump`` itself, so the text is always what the project's
dumper writes.
"""

from __future__ import annotations

import re
from typing import Any

from ..load import yamlsafe

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _.,/()&+\-]*(?<![ ])$")
_QUOTED = re.compile(r"^[0-9][0-9A-Za-z .:/\-]*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_RESERVED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}
_MAX = 60


class _Unusual(Exception):
    """A value this writer leaves to the project's dumper (the whole document then goes there)."""


def dump(data: Any) -> str:
    """YAML text of ``data`` (a mapping at the top)."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        try:
            _mapping(data, "", out)
            return "".join(out)
        except _Unusual:
            pass
    return yamlsafe.dump(data, fast=True)


def _scalar(value: Any) -> str | None:
    """The scalar's text, or None when the project's dumper must decide."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and len(value) <= _MAX:
        if _PLAIN.match(value) and value.lower() not in _RESERVED and "  " not in value:
            return value
        if _QUOTED.match(value) and not value.endswith(" ") and ": " not in value:
            return f'"{value}"'
    return None


def _mapping(data: dict[str, Any], indent: str, out: list[str], first_prefix: str | None = None) -> None:
    for i, (key, value) in enumerate(data.items()):
        if not isinstance(key, str) or not _KEY.match(key) or key.lower() in _RESERVED:
            raise _Unusual(key)
        lead = first_prefix if (i == 0 and first_prefix is not None) else indent
        if isinstance(value, dict) and value:
            out.append(f"{lead}{key}:\n")
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list) and value:
            out.append(f"{lead}{key}:\n")
            _sequence(value, indent, out)
        elif isinstance(value, (dict, list)):
            out.append(f"{lead}{key}: {'{}' if isinstance(value, dict) else '[]'}\n")
        else:
            text = _scalar(value)
            if text is None:
                raise _Unusual(key)
            out.append(f"{lead}{key}: {text}\n")


def _sequence(items: list[Any], indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + "  ", out, first_prefix=f"{indent}- ")
            continue
        text = _scalar(item)
        if text is None or isinstance(item, (dict, list)):
            raise _Unusual(item)
        out.append(f"{indent}- {text}\n")
