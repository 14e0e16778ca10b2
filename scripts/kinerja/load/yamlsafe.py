"""The one safe YAML loader shared by the validator, the scorer, the site and the intake service.

Built on PyYAML's C parser (``CParser``) with a resolver of our own:

* anchors and aliases are refused (an alias bomb loads cheaply and explodes later);
* duplicate keys are an error (PyYAML silently keeps the last);
* YAML 1.1 surprises are removed: only ``true``/``false`` are booleans, integers are decimal
  (``010`` stays the text ``"010"``), ``12:30`` and dates stay strings (the schema checks dates),
  decimals load as :class:`decimal.Decimal` so 0.1 stays exactly 0.1;
* explicit tags (``!!python/object``, ``!foo``) are refused;
* bytes that are not UTF-8 and files over the size limit are rejected before parsing;
* numbers beyond :mod:`kinerja.bounds` (``9`` written 5,000 times, ``1.0e999999999``, ``1e-30``) are
  refused from their text, before ``int()`` or ``Decimal()`` sees them, with the field they are in.

Problems are returned, never raised: :func:`load_bytes` gives ``(data, problems)``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import yaml

from .. import bounds
from ..report import Problem, problem

try:  # libyaml's parser (PyYAML exports it from yaml._yaml, not from yaml); fall back rather than crash
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - pyyaml without libyaml
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner
    from yaml.composer import Composer as _Composer

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"

_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_ALIAS_RE = re.compile(r"(?:^|[\s\[{,:-])(\*[^\s,\[\]{}]+)", re.M)
_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


class _Resolver(yaml.resolver.BaseResolver):
    """Implicit types: decimal int, decimal float, true/false, null/~/empty. Nothing else."""

    yaml_implicit_resolvers: dict = {}


_Resolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
_Resolver.add_implicit_resolver(INT, _INT_RE, list("-+0123456789"))
_Resolver.add_implicit_resolver(FLOAT, _FLOAT_RE, list("-+0123456789."))
_Resolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


if _Parser.__module__.startswith("yaml._yaml") or _Parser.__name__ == "CParser":
    class _Composer(_Parser, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _Resolver.__init__(self)
else:  # pragma: no cover
    class _Composer(_Reader, _Scanner, _Parser, yaml.composer.Composer, _Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


class _Refused(Exception):
    def __init__(self, item: Problem) -> None:
        super().__init__(item.code)
        self.problem = item


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is dropped) or a located K001 problem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [problem("K001", file, line, column, offset=exc.start)]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def load_bytes(raw: bytes, file: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Any, list[Problem]]:
    """Parse one YAML file's bytes. Returns ``(data, problems)``; ``data`` is None when unusable. The one
    problem that leaves ``data`` usable is an integer of at most 40 digits beyond the bounds (K015): it
    is kept so that the schema can say "quote it" where text belongs (an unquoted NIP)."""
    if len(raw) > max_bytes:
        return None, [problem("K002", file, size=len(raw), limit=max_bytes)]
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    return load_text(text, file)


def load_text(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text with the safe rules; see the module docstring."""
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [problem("K007", file, 1, 1)]
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "expected a single document" in str(exc):
            return None, [problem("K008", file, *_mark(mark))]
        return None, [problem("K003", file, *_mark(mark), problem=exc.problem or str(exc))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        text_problem = f"{exc.problem or ''}"
        if "'\\t'" in text_problem or "\\t" in text_problem or _tab_at(text, mark):
            return None, [problem("K004", file, *_mark(mark))]
        context = f"{exc.context}, " if exc.context else ""
        return None, [problem("K003", file, *_mark(mark), problem=context + text_problem)]
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "mark", None)
        return None, [problem("K003", file, *_mark(mark), problem=str(getattr(exc, "reason", exc)))]
    finally:
        dispose = getattr(composer, "dispose", None)
        if dispose:
            dispose()
    if node is None:
        return None, [problem("K007", file, 1, 1)]
    found = _Found()
    try:
        data = _construct(node, file, set(), found)
    except _Refused as refused:  # an alias: stop before anything can expand
        item = refused.problem
        if item.code == "K005":
            alias = _ALIAS_RE.search(text)
            if alias:
                line = text.count("\n", 0, alias.start(1)) + 1
                column = alias.start(1) - (text.rfind("\n", 0, alias.start(1)) + 1) + 1
                item = problem("K005", file, line, column)
        return None, [item]
    if found:
        return None, _with_fields(node, found + found.soft)
    if found.soft:
        return data, _with_fields(node, found.soft)
    return data, []


class _Found(list):  # type: ignore[type-arg]
    """The problems of one document; ``soft`` ones (an integer over the bounds) leave its data usable."""

    def __init__(self) -> None:
        super().__init__()
        self.soft: list[Problem] = []


def _tab_at(text: str, mark: Any) -> bool:
    if mark is None:
        return False
    lines = text.splitlines()
    if 0 <= mark.line < len(lines):
        line = lines[mark.line]
        return "\t" in line[: len(line) - len(line.lstrip())] or line[mark.column:mark.column + 1] == "\t"
    return False


def _mark(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


_DECIMALS: dict[str, Decimal] = {}  # Decimals are immutable: the same text gives one shared object


def _construct(node: yaml.Node, file: str, seen: set[int], found: _Found) -> Any:
    if id(node) in seen:
        raise _Refused(problem("K005", file, *_mark(node.start_mark)))
    seen.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if tag == STR:
            # Ids, codes and periods repeat across hundreds of thousands of files: share one string each.
            return sys.intern(value) if len(value) <= 100 else value
        if tag == INT:
            if len(value) > _SAFE_INT_CHARS and _refused(value, node, file, found):
                if len(value) > bounds.MAX_CHARS:
                    return None
                # Too large but short: int() is cheap. The refusal is kept apart (``soft``) and the
                # document kept, so that where text belongs (an unquoted NIP) the schema's K012 "quote
                # it" can say more (the validator then drops this K015).
                found.soft.append(found.pop())
            return int(value)
        if tag == FLOAT:
            number = _DECIMALS.get(value)
            if number is None:
                if (len(value) > _SAFE_INT_CHARS or "e" in value or "E" in value) and _refused(value, node, file, found):
                    return None
                number = Decimal(value)
                if len(_DECIMALS) < 100_000:
                    _DECIMALS[value] = number
            return number
        if tag == BOOL:
            return value == "true"
        if tag == NULL:
            return None
        raise _Refused(problem("K009", file, *_mark(node.start_mark), tag=tag))
    if isinstance(node, yaml.SequenceNode):
        if tag != SEQ:
            raise _Refused(problem("K009", file, *_mark(node.start_mark), tag=tag))
        return [_construct(child, file, seen, found) for child in node.value]
    if isinstance(node, yaml.MappingNode):
        if tag != MAP:
            raise _Refused(problem("K009", file, *_mark(node.start_mark), tag=tag))
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (isinstance(key_node, yaml.ScalarNode)
                                                             and key_node.value == "<<" and key_node.tag != STR):
                raise _Refused(problem("K005", file, *_mark(key_node.start_mark)))
            key = _construct(key_node, file, seen, found)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                key = str(key)
            key = sys.intern(str(key))
            if key in out:
                found.append(problem("K006", file, *_mark(key_node.start_mark), key=key,
                                     first_line=first_line[key]))
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, file, seen, found)
        return out
    raise _Refused(problem("K003", file, *_mark(node.start_mark), problem="unknown node"))  # pragma: no cover


#: An integer or a plain decimal of at most this many characters is within bounds whatever its digits:
#: below 10^15, finest place 10^-14 (the full check of :func:`kinerja.bounds.refusal` is for the rest).
_SAFE_INT_CHARS = bounds.MAX_EXPONENT
_SHOWN_CHARS = 24  # of a refused number, the message shows at most this much of its text


def _refused(text: str, node: yaml.Node, file: str, found: _Found) -> bool:
    """Record a located problem and return True when the number written as ``text`` is out of bounds."""
    reason = bounds.refusal(text)
    if reason is None:
        return False
    shown = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"
    line, column = _mark(node.start_mark)
    if reason == "too-precise":
        found.append(problem("K016", file, line, column, value=shown, min_exponent=bounds.MIN_EXPONENT))
    else:
        found.append(problem("K015", file, line, column, value=shown, reason=_REASONS[reason],
                             max_chars=bounds.MAX_CHARS, max_exponent=bounds.MAX_EXPONENT))
    return True


@dataclass(frozen=True)
class Words:
    """A message parameter worded in both languages (the reporters pick one)."""

    id: str
    en: str


_REASONS = {
    "too-long": Words(f"lebih dari {bounds.MAX_CHARS} karakter", f"more than {bounds.MAX_CHARS} characters"),
    "too-large": Words(f"10^{bounds.MAX_EXPONENT} atau lebih", f"10^{bounds.MAX_EXPONENT} or more"),
    "not-finite": Words("bukan angka terhingga", "not a finite number"),
}


def _with_fields(root: yaml.Node, found: list[Problem]) -> list[Problem]:
    """``found`` with the field path of each number refusal (looked up only when there is one)."""
    if not any(p.code in ("K015", "K016") for p in found):
        return found
    paths: dict[tuple[int | None, int | None], tuple[str | int, ...]] = {}
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            paths.setdefault(_mark(node.start_mark), path)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, path + (i,)) for i, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend((value, path + (str(key.value),)) for key, value in node.value)
    return [replace(p, path=paths.get((p.line, p.column), ())) if p.code in ("K015", "K016") else p for p in found]


def locate(text: str, path: tuple[str | int, ...]) -> Mark | None:
    """Line and column of the value at ``path`` (or of its nearest existing parent)."""
    return locate_many(text, [path])[0]


def locate_many(text: str, paths: list[tuple[str | int, ...]]) -> list[Mark | None]:
    """Marks for many paths of one file. Only called for files with problems, so the node tree is
    rebuilt on demand instead of being kept for every file."""
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.YAMLError:
        return [None] * len(paths)
    finally:
        dispose = getattr(composer, "dispose", None)
        if dispose:
            dispose()
    return [_locate_node(root, path) for path in paths]


def _locate_node(root: Any, path: tuple[str | int, ...]) -> Mark | None:
    best = root
    key_mark = None
    for part in path:
        nxt = None
        if isinstance(best, yaml.MappingNode) and isinstance(part, str):
            for key_node, value_node in best.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                    nxt, key_mark = value_node, key_node.start_mark
                    break
        elif isinstance(best, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(best.value):
            nxt, key_mark = best.value[part], None
        if nxt is None:
            break
        best = nxt
    if best is None:
        return None
    use_key = key_mark is not None and isinstance(best, (yaml.MappingNode, yaml.SequenceNode))
    mark = key_mark if use_key else best.start_mark
    return Mark(mark.line + 1, mark.column + 1)


def dump(data: Any, fast: bool = False) -> str:
    """Canonical YAML for files we write (intake, generator): block style, keys in the given order.

    The reference is PyYAML's Python emitter (the forms' script ports it character for character);
    ``fast=True`` uses libyaml's emitter, which writes the same text for plain data such as the
    generator's (a test compares the demo both ways) and is several times faster.
    """
    return yaml.dump(_plain(data), Dumper=_FastDumper if fast else _Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # never write anchors
        return True


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Quote anything our loader would not read back as the same text (numbers, dates, yes/no, ...).
    style = None
    if "\n" in value:
        style = "|"
    elif (_INT_RE.match(value) or _FLOAT_RE.match(value) or value in ("true", "false", "null", "~", "")
          or re.match(r"^[0-9]", value) or value.lower() in ("yes", "no", "on", "off", "y", "n")):
        style = '"'
    return dumper.represent_scalar(STR, value, style=style)


def _decimal_presenter(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    if not value.is_finite():
        return dumper.represent_scalar(STR, str(value), style='"')  # read back as text: the schema refuses it
    if bounds.decimal_refusal(value) is not None:  # never written out digit by digit (1e999999999)
        return dumper.represent_scalar(FLOAT, _exponent_form(value))
    text = format(value, "f")
    if "." not in text:
        return dumper.represent_scalar(INT, text)
    return dumper.represent_scalar(FLOAT, text)


def _exponent_form(value: Decimal) -> str:
    """``value`` as ``d.ddde+N``: a float to the loader (which then refuses it as out of bounds), however
    large its exponent, in time linear in its digits."""
    sign, digits, _ = value.as_tuple()
    text = "".join(map(str, digits))
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}e{value.adjusted():+d}"


def _int_presenter(dumper: yaml.SafeDumper, value: int) -> yaml.Node:
    if abs(value) >= bounds.MAX_MAGNITUDE:  # str() of a 5,000-digit int raises; write it as a Decimal
        return _decimal_presenter(dumper, Decimal(value))
    return dumper.represent_int(value)


for _dumper in (_Dumper, _FastDumper):
    _dumper.add_representer(int, _int_presenter)
    _dumper.add_representer(str, _str_presenter)
    _dumper.add_representer(Decimal, _decimal_presenter)


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(v) for v in data]
    return data
