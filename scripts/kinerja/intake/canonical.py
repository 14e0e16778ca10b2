"""The canonical shape of a file the intake writes, and the form rules taken from the JSON Schemas.

Whatever path a realisation or a contract proposal takes (browser form, intake service, Excel import),
it ends as the same text: keys in the schema's order, strings trimmed, empty optional values left out,
then :func:`kinerja.load.yamlsafe.dump`. The browser builds the same text in JavaScript
(``assets/kinerja-forms.js``); a browser test compares the two.

:func:`field_rules` flattens a schema into the rules the forms check before anything is sent (required
fields, number ranges, lengths, patterns, allowed values) with their labels in both languages, so there is
no second, hand-written set of rules.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import bounds
from ..load import layout, yamlsafe
from ..validate.schema import read_schema, schema_dir

#: The file kinds the intake writes.
KINDS = ("realisation", "contract")


@lru_cache(maxsize=16)
def load_schema(kind: str, folder: str | None = None) -> dict[str, Any]:
    """The JSON Schema of ``kind`` (from the repository's ``schemas/`` when it has one)."""
    base = Path(folder) if folder else schema_dir(None)
    return json.loads(read_schema(base / f"{kind}.schema.json"))  # bounded; never a FIFO or a link out


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` merged in (the referring node's own keys win)."""
    seen = 0
    while "$ref" in node and seen < 10:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            break
        target: Any = schema
        for part in ref[2:].split("/"):
            target = target[part]
        merged = dict(target)
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node = merged
        seen += 1
    return node


# --- canonical data ------------------------------------------------------------------------------------
def canonical(kind: str, data: Any, folder: str | None = None) -> Any:
    """``data`` in canonical form: keys in schema order, strings trimmed, empty optional values dropped.

    Unknown keys are kept (after the known ones) so that the validator still reports them.
    """
    schema = load_schema(kind, folder)
    return _canon(schema, schema, data)


def _canon(schema: dict[str, Any], node: dict[str, Any], value: Any) -> Any:
    node = _resolve(schema, node)
    if isinstance(value, dict):
        props = node.get("properties", {})
        if not props:
            for branch in node.get("oneOf", []) + node.get("anyOf", []):
                branch = _resolve(schema, branch)
                if branch.get("type") == "object":
                    props = branch.get("properties", {})
                    break
        out: dict[str, Any] = {}
        for key in list(props) + [k for k in value if k not in props]:
            if key not in value:
                continue
            item = _canon(schema, props.get(key, {}), value[key])
            if _empty(item):
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        items = node.get("items", {})
        out_list = [_canon(schema, items, v) for v in value]
        return [v for v in out_list if not _empty(v)]
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return "\n".join(line.rstrip() for line in text.split("\n"))
    if isinstance(value, (float, Decimal)) or (isinstance(value, int) and not isinstance(value, bool)):
        # From JSON or a spreadsheet: keep the digits the user saw; bounded (see :func:`number`).
        found = number(value)
        return found if found is not None else str(value)  # inf/NaN: the validator names it
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def number(value: Any) -> int | Decimal | None:
    """A number as the loader would read it back: ``int`` when whole, else ``Decimal``; None when it is
    not a number.

    Every number passes :mod:`kinerja.bounds` first, on its text, before it is ever written out in full:
    ``1.0e999999999`` would take minutes and gigabytes as digits. A number beyond the bounds is kept as
    the unexpanded :class:`~decimal.Decimal` it is; :func:`kinerja.load.yamlsafe.dump` writes it in
    exponent form and the loader refuses it with a located K015 or K016, like any file that holds it.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if abs(value) < bounds.MAX_MAGNITUDE else Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        if bounds.float_refusal(value) is not None:
            return Decimal(repr(value))
        if value.is_integer():
            return int(value)
        value = Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", ".") if value.count(",") == 1 and "." not in value else value.strip()
        if not re.fullmatch(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", text):
            return None
        value = Decimal(text)
    if isinstance(value, Decimal):
        if bounds.decimal_refusal(value) is not None:
            return value  # never expanded: see above
        if value == value.to_integral_value() and "." not in format(value, "f"):
            return int(value)
        text = format(value, "f")
        return Decimal(text)
    return None


def dump(kind: str, data: Any, folder: str | None = None) -> str:
    """The canonical YAML text of a file of ``kind``."""
    return yamlsafe.dump(canonical(kind, data, folder))


def target_path(kind: str, data: Any, unit: str) -> str:
    """The path inside ``contracts/`` for ``data``; :class:`ValueError` names the first bad id."""
    fields = {"realisation": ("employee", "period", "reporting_period"),
              "contract": ("employee", "period")}[kind]
    keys = {"unit": unit}
    for name in fields:
        value = data.get(name) if isinstance(data, dict) else None
        if not isinstance(value, str) or not re.fullmatch(layout.RP if name == "reporting_period" else layout.ID, value):
            raise BadId(name, value)
        keys[name] = value
    if not re.fullmatch(layout.ID, unit):
        raise BadId("unit", unit)
    try:
        return layout.path_for(kind, **keys)
    except ValueError as exc:  # the layout refuses what would escape it
        raise BadId("path", str(keys)) from exc


class BadId(ValueError):
    """Raised by :func:`target_path` for an id that is not an id (or would leave the layout)."""

    def __init__(self, field: str, value: Any) -> None:
        super().__init__(f"{field}: {value!r}")
        self.field = field
        self.value = value


# --- form rules ----------------------------------------------------------------------------------------
RULE_KEYS = ("type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
             "pattern", "enum", "minItems", "format")


def field_rules(kind: str, folder: str | None = None) -> dict[str, dict[str, Any]]:
    """Every field of the schema of ``kind`` as ``{"entries[].value": {rules…, label, required}}``."""
    schema = load_schema(kind, folder)
    out: dict[str, dict[str, Any]] = {}
    _walk(schema, schema, "", out, required=True)
    return out


def _walk(schema: dict[str, Any], node: dict[str, Any], path: str, out: dict[str, dict[str, Any]],
          required: bool) -> None:
    node = _resolve(schema, node)
    rule: dict[str, Any] = {k: node[k] for k in RULE_KEYS if k in node}
    if "oneOf" in node:
        branches = [_resolve(schema, b) for b in node["oneOf"]]
        rule["type"] = [b.get("type") for b in branches]
        for b in branches:
            if b.get("type") == "object":
                for name, sub in b.get("properties", {}).items():
                    _walk(schema, sub, f"{path}.{name}", out, name in b.get("required", []))
    rule["required"] = required
    rule["label"] = {"en": node.get("description", ""), "id": node.get("x-description-id", node.get("description", ""))}
    if path:
        out[path] = rule
    for name, sub in node.get("properties", {}).items():
        _walk(schema, sub, f"{path}.{name}" if path else name, out, name in node.get("required", []))
    if "items" in node:
        _walk(schema, node["items"], f"{path}[]", out, required=True)
