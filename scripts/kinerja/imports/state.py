"""The instance files an import reads and changes, read from a Git commit (or a folder), never from the
user's working tree when a commit is given.

:class:`Instance` keeps each file's original bytes and its parsed data; after the sources have changed
the data, :meth:`Instance.changes` gives only the files whose *data* differ (so a re-import of the same
export changes nothing, comments of untouched files included).
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from ..load.yamlsafe import DEFAULT_MAX_BYTES
from . import emit
from .outcome import read_export

UNITS = "contracts/units"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc,valid-type]
    """libyaml's parser with YAML 1.2's plain scalars: no timestamps, only true/false as booleans.

    The instance files were checked by the project's strict loader when they were validated, and the
    result of every import is validated again before it is committed; this loader only has to read
    them fast and the same way (an import reads a province's employee files)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def parse(raw: bytes) -> Any:
    """Parsed YAML of an instance file, or None when it cannot be read (the validator says why)."""
    try:
        return yaml.load(raw, Loader=_Loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None


class GitFailed(Exception):
    """Raised by the Git helpers with Git's own words."""


def git(repo: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    """Run ``git -C repo args`` and return its output; raise :class:`GitFailed` on failure."""
    import os

    full_env = dict(os.environ, **(env or {}))
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True, env=full_env,
                              check=False)
    except OSError as exc:
        raise GitFailed(f"git cannot run: {exc}") from exc
    if done.returncode != 0:
        raise GitFailed(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0] if done.stderr else
                        f"git {args[0]} failed")
    return done.stdout


@dataclass
class GitTree:
    """Files of one commit of a repository; ``prefix`` is the instance folder inside it ("" at the top)."""

    repo: Path
    commit: str
    prefix: str = ""

    def list(self, under: str) -> list[str]:
        out = git(self.repo, "ls-tree", "-r", "--name-only", "-z", self.commit, "--", self.prefix + under)
        return [p[len(self.prefix):] for p in out.decode("utf-8").split("\0") if p]

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        wanted = list(paths)
        if not wanted:
            return {}
        request = "".join(f"{self.commit}:{self.prefix}{p}\n" for p in wanted).encode("utf-8")
        out = git(self.repo, "cat-file", "--batch", data=request)
        found: dict[str, bytes] = {}
        pos = 0
        for path in wanted:
            end = out.index(b"\n", pos)
            head = out[pos:end].split()
            pos = end + 1
            if len(head) == 2 and head[1] == b"missing":
                continue
            size = int(head[2])
            found[path] = out[pos:pos + size]
            pos += size + 1
        return found


@dataclass
class FolderTree:
    """Files of an instance folder on disk (used when there is no commit to read, e.g. ``kinerja init``)."""

    root: Path

    def list(self, under: str) -> list[str]:
        base = self.root / under
        if not base.is_dir():
            return [under] if base.is_file() else []
        return sorted(str(p.relative_to(self.root)) for p in base.rglob("*") if p.is_file())

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        found = {}
        for path in paths:
            file = self.root / path
            if os.path.lexists(file):
                found[path] = read_export(file, path, DEFAULT_MAX_BYTES, follow=False)
        return found


@dataclass
class Instance:
    """Instance files: original bytes, parsed data (mutable), and the files written as text (CSV)."""

    tree: Any
    original: dict[str, bytes] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    pristine: dict[str, bytes] = field(default_factory=dict)  # the parsed data as loaded, pickled

    def load(self, paths: Iterable[str]) -> None:
        """Read and parse ``paths`` that are not loaded yet (YAML files)."""
        todo = [p for p in paths if p not in self.original and p not in self.data]
        for path, raw in self.tree.read_many(todo).items():
            self.original[path] = raw
            if path.endswith((".yaml", ".yml")):
                parsed = parse(raw)
                self.data[path] = parsed
                self.pristine[path] = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)

    def load_units(self, names: Iterable[str] = ("positions.yaml", "employees.yaml")) -> None:
        """Read every unit's ``positions.yaml`` and ``employees.yaml``, plus the organisation."""
        wanted = tuple(names)
        paths = [p for p in self.tree.list(UNITS) if p.count("/") == 3 and p.rsplit("/", 1)[1] in wanted]
        self.load(["contracts/organisation.yaml", "contracts/settings.yaml", "contracts/periods.yaml", *paths])

    def get(self, path: str) -> Any:
        return self.data.get(path)

    def put(self, path: str, data: Any) -> None:
        self.data[path] = data

    def put_text(self, path: str, text: str) -> None:
        self.texts[path] = text

    def changes(self, dump: Callable[[Any], str] | None = None) -> dict[str, bytes | None]:
        """Files whose content differs from the original: path → new bytes (None: the file goes)."""
        dumper = dump or emit.dump
        out: dict[str, bytes | None] = {}
        for path, data in self.data.items():
            if path in self.pristine and pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL) == self.pristine[path]:
                continue
            if data is None:
                if path in self.original:
                    out[path] = None
                continue
            raw = dumper(data).encode("utf-8")
            if self.original.get(path) != raw and (path not in self.original or parse(self.original[path]) != data):
                out[path] = raw
        for path, text in self.texts.items():
            raw = text.encode("utf-8")
            if self.original.get(path) != raw:
                out[path] = raw
        return out


def unit_of(path: str) -> str:
    """The unit a changed file belongs to ("" for instance-wide files such as organisation.yaml)."""
    parts = path.split("/")
    if len(parts) >= 3 and parts[1] == "units":
        return parts[2]
    if len(parts) >= 4 and parts[1] == "attendance":
        return parts[3].rsplit(".", 1)[0]
    return ""
