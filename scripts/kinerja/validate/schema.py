"""Schema check: each document against ``schemas/<kind>.schema.json`` (JSON Schema Draft 2020-12).

jsonschema's errors are turned into catalogue problems with plain words: a missing field, an unknown
field (with the known ones listed), a number where text belongs (quote it), a list where a mapping
belongs, a value outside the allowed ones, a date that does not exist.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from ..report import Problem, problem
from ..score.explain import Text

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"

_FORMATS = FormatChecker(formats=("date",))

_TYPE_WORDS = {
    "id": {"string": "teks", "number": "angka", "integer": "bilangan bulat", "boolean": "true/false",
           "object": "pasangan kolom: nilai", "array": "daftar", "null": "kosong (null)"},
    "en": {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true/false",
           "object": "field: value pairs", "array": "a list", "null": "empty (null)"},
}

_PATTERN_HINTS = [
    ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "Tulis tanggal sebagai \"TTTT-BB-HH\" dengan tanda kutip, mis. \"2026-01-31\".",
     "Write the date as \"YYYY-MM-DD\" in quotes, e.g. \"2026-01-31\"."),
    ("Q[1-4]", "Periode pelaporan ditulis \"2026-03\", \"2026-Q1\", \"2026-S1\" atau \"2026\".",
     "Reporting periods are written \"2026-03\", \"2026-Q1\", \"2026-S1\" or \"2026\"."),
    ("https?://", "Tautan harus diawali http:// atau https:// dan tanpa spasi.",
     "Links must start with http:// or https:// and have no spaces."),
    ("[a-z0-9][a-z0-9-]", "Id hanya berisi huruf kecil, angka dan tanda hubung, mis. bkd-mutasi.",
     "Ids hold only lowercase letters, digits and hyphens, e.g. bkd-mutasi."),
    ("[0-9][0-9 ]*", "NIP hanya berisi angka (spasi seperti tercetak boleh).",
     "A NIP holds only digits (spaces as printed are allowed)."),
]


@lru_cache(maxsize=16)
def schema_dir(root: Path | None = None) -> Path:
    if root is not None and (root / "schemas").is_dir():
        return root / "schemas"
    return SCHEMA_DIR


def read_schema(path: Path) -> bytes:
    """A schema's bytes, read like a data file: a regular file (or a link to one) inside its folder's
    parent (the repository, or the package), at most the largest size limit. A FIFO, a device or a link
    leaving the repository raises :class:`ValueError` naming the file (never a hang, never a read outside)."""
    from ..load.files import MAX_LIMIT, NotRegular, TooLarge, read_within

    try:
        return read_within(path, (path.parent.parent,), MAX_LIMIT)
    except NotRegular as exc:
        raise ValueError(f"{path.parent.name}/{path.name}: not a regular file inside the repository "
                         f"({exc.what}); not read") from None
    except TooLarge as exc:
        raise ValueError(f"{path.parent.name}/{path.name}: larger than {MAX_LIMIT} bytes; not read") from None


@lru_cache(maxsize=16)
def digest(root: Path | None = None) -> str:
    """A digest of every schema the check reads for ``root`` (its own ``schemas/`` or the packaged ones),
    taken once per process like the validators themselves: the parse cache keys checked results on it."""
    import hashlib

    folder = schema_dir(root)
    out = hashlib.sha1()
    try:
        paths = sorted(folder.glob("*.schema.json"))
    except OSError:
        paths = []
    for path in paths:
        try:
            content = hashlib.sha1(read_schema(path)).digest()
        except (OSError, ValueError):
            content = b"unreadable"
        out.update(path.name.encode("utf-8", "surrogatepass") + b"\0" + content)
    return out.hexdigest()


@lru_cache(maxsize=256)
def _schema_file(kind: str, root: Path | None) -> str | None:
    """The repository's schema of ``kind``, or the packaged one when the repository has none (or only
    something that is not a regular file): deleting a schema never switches its checks off."""
    for folder in (schema_dir(root), SCHEMA_DIR):
        path = folder / f"{kind}.schema.json"
        if path.is_file() and not path.is_symlink() or path.is_symlink() and _inside(path, folder.parent):
            return str(path)
    return None


def _inside(path: Path, root: Path) -> bool:
    """True when the link ``path`` resolves to a regular file inside ``root``."""
    try:
        target = path.resolve(strict=True)
        return target.is_file() and target.is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


try:  # a compiled validator for the pass (about 200× faster); jsonschema words the failures
    import jsonschema_rs as _fast
except ImportError:  # pragma: no cover - optional speed-up
    _fast = None


@lru_cache(maxsize=64)
def _validator(path: str) -> Draft202012Validator:
    schema = json.loads(read_schema(Path(path)))
    return Draft202012Validator(schema, format_checker=_FORMATS)


@lru_cache(maxsize=64)
def _fast_validator(path: str) -> Any:
    if _fast is None:
        return None
    schema = json.loads(read_schema(Path(path)))
    return _fast.validator_for(schema, validate_formats=True)


def validator_for(kind: str, root: Path | None = None) -> Draft202012Validator | None:
    path = _schema_file(kind, root)
    return None if path is None else _validator(path)


def check(kind: str, data: Any, file: str, root: Path | None = None) -> list[Problem]:
    """Every schema problem of one document (unlocated: lines are added by the caller)."""
    path = _schema_file(kind, root)
    if path is None:
        return []
    fast = _fast_validator(path)
    if fast is not None and fast.is_valid(data):
        return []
    validator = _validator(path)
    out: list[Problem] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        for item in _translate(error, file):
            key = (item.code, item.path)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For anyOf/oneOf, the branch that fits best (the one that got furthest)."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Prefer branches whose type matched (they went deeper); ignore the "null" branch.
        deeper = [e for e in error.context if e.validator != "type"]
        if deeper:
            yield from deeper
            return
    yield error


def _translate(error: ValidationError, file: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    instance = error.instance
    validator = error.validator
    if validator in ("anyOf", "oneOf"):
        leaves = list(_leaf_errors(error))
        if leaves and leaves[0] is not error:
            return [p for leaf in leaves for p in _translate(leaf, file)]
        expected = sorted({t for e in error.context if e.validator == "type"
                           for t in ([e.validator_value] if isinstance(e.validator_value, str) else e.validator_value)})
        return _type_problem(file, path, expected, instance, error)
    if validator == "required":
        missing = [name for name in error.validator_value if not isinstance(instance, dict) or name not in instance]
        return [problem("K101", file, path=path + (name,), field=_field(path + (name,))) for name in missing]
    if validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = sorted(set(instance) - set(known)) if isinstance(instance, dict) else []
        return [problem("K102", file, path=path + (name,), field=_field(path + (name,)), allowed=known)
                for name in extra]
    if validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return _type_problem(file, path, expected, instance, error)
    if validator == "enum":
        return [problem("K104", file, path=path, value=instance, allowed=error.validator_value)]
    if validator == "pattern":
        hint_id, hint_en = next(((i, e) for key, i, e in _PATTERN_HINTS if key in error.validator_value),
                                ("Periksa formatnya.", "Check the format."))
        return [problem("K105", file, path=path, value=instance, format_hint_id=hint_id, format_hint_en=hint_en)]
    if validator == "format":
        return [problem("K110", file, path=path, value=instance)]
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        signs = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}
        return [problem("K106", file, path=path, value=instance, bound=f"{signs[validator]} {error.validator_value}")]
    if validator == "minItems":
        return [problem("K108", file, path=path, minimum=error.validator_value)]
    if validator == "minLength" and error.validator_value == 1:
        return [problem("K109", file, path=path, detail="kosong / empty")]
    if validator == "uniqueItems":
        return [problem("K111", file, path=path)]
    return [problem("K109", file, path=path, detail=error.message)]


def _type_problem(file: str, path: tuple[Any, ...], expected: list[str], instance: Any,
                  error: ValidationError) -> list[Problem]:
    if "string" in expected and isinstance(instance, (int, Decimal)) and not isinstance(instance, bool):
        return [problem("K012", file, path=path, value=instance)]
    if expected == ["object"] and isinstance(instance, list):
        return [problem("K107", file, path=path)]
    actual = _kind_of(instance)
    words = {lang: " / ".join(_TYPE_WORDS[lang].get(t, t) for t in expected) for lang in ("id", "en")}
    # A document that is not a mapping at all is named by its type only: its content is never echoed
    # (it may be anything, e.g. a secret that found its way into the file).
    shown = f" ({_short(instance)})" if path else ""
    actual_words = {lang: f"{_TYPE_WORDS[lang].get(actual, actual)}{shown}" for lang in ("id", "en")}
    return [problem("K103", file, path=path, expected=Text(words["id"], words["en"]),
                    actual=Text(actual_words["id"], actual_words["en"]))]


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _field(path: tuple[Any, ...]) -> str:
    from ..report import format_path

    return format_path(path)
