"""The organisation an import works on: units, positions and employees over an :class:`Instance`.

Units are matched by name (case and spacing ignored) under their parent, or through a mapping file's
``units:`` (export name → unit id); positions by title within their unit; employees by NIP, then by
the BKN person id. New identifiers are derived from names (units, positions) or numbered (employees:
``p00001`` …, never anything personal), always unique in the whole instance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from .cleaning import acronym, slug
from .state import UNITS, Instance

ORG = "contracts/organisation.yaml"
_TYPES = [("sekretariat daerah", "sekretariat-daerah"), ("sekretariat dprd", "sekretariat-dprd"),
          ("sekretariat dewan", "sekretariat-dprd"), ("cabang dinas", "cabang-dinas"),
          ("sub bagian", "subbagian"), ("subbagian", "subbagian"), ("sub bidang", "seksi"), ("subbidang", "seksi"),
          ("badan", "badan"), ("dinas", "dinas"), ("inspektorat", "inspektorat"), ("biro", "biro"),
          ("sekretariat", "sekretariat"), ("bidang", "bidang"), ("bagian", "bagian"), ("seksi", "seksi"),
          ("upt", "uptd"), ("kecamatan", "kecamatan"), ("kelurahan", "kelurahan")]
_POSITION_KEYS = ("id", "title", "class", "level", "head", "reports_to", "grade", "summary", "duties", "skeleton")
HEAD_WORDS = ("kepala", "sekretaris", "inspektur", "camat", "lurah", "direktur", "asisten")
_LEVELS = [("ahli pertama", "ahli-pertama"), ("ahli muda", "ahli-muda"), ("ahli madya", "ahli-madya"),
           ("ahli utama", "ahli-utama"), ("pemula", "pemula"), ("terampil", "terampil"), ("mahir", "mahir"),
           ("penyelia", "penyelia")]


_RUNS = re.compile(r"\s+")


def key(name: str) -> str:
    """A name as a comparison key: lower case, single spaces."""
    return _RUNS.sub(" ", name).strip().casefold()


def unit_type(name: str) -> str:
    """The unit type from the first words of its name; ``lainnya`` when nothing fits."""
    low = key(name)
    for prefix, kind in _TYPES:
        if low.startswith(prefix):
            return kind
    return "lainnya"


def position_class(title: str, kind: str, echelon: str) -> tuple[str, str | None]:
    """(class, level) of a position from SIASN's JENIS JABATAN ID (1 structural, 2 functional, 4 staff),
    the echelon name (``II.a`` …) and the title's words."""
    low = key(title)
    level = next((lv for words, lv in _LEVELS if words in low), None)
    if kind == "2" or (not kind and level):
        return "fungsional", level
    if kind == "1" or (not kind and low.startswith(HEAD_WORDS)):
        ech = echelon.upper().strip()
        if ech.startswith(("I.", "II.", "I ", "II ")) or ech in ("I", "II"):
            return "jpt", "pratama"
        if ech.startswith("III"):
            return "administrator", None
        if ech.startswith("IV"):
            return "pengawas", None
        if low.startswith(("kepala badan", "kepala dinas", "sekretaris daerah", "inspektur ", "asisten", "staf ahli")) \
                or low == "inspektur":
            return "jpt", "pratama"
        if low.startswith(("kepala bidang", "kepala bagian", "sekretaris", "camat", "inspektur pembantu")):
            return "administrator", None
        return "pengawas", None
    return "pelaksana", None


@dataclass
class Organisation:
    """Units, positions and employees of an instance, with indexes for matching."""

    instance: Instance
    unit_map: Mapping[str, str] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    by_nip: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    by_bkn: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    new_units: list[str] = field(default_factory=list)
    new_positions: list[str] = field(default_factory=list)
    _next_employee: int = 0
    _units_by_id: dict[str, str] = field(default_factory=dict)
    _unit_names: dict[str, list[str]] = field(default_factory=dict)
    _titles: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, instance: Instance, unit_map: Mapping[str, str] | None = None) -> "Organisation":
        org = cls(instance, {key(k): v for k, v in (unit_map or {}).items()})
        data = instance.get(ORG)
        if not isinstance(data, dict):
            data = {"units": []}
            instance.put(ORG, data)
        for unit in data.get("units") or []:
            if isinstance(unit, dict) and isinstance(unit.get("id"), str):
                org.units[unit["id"]] = unit
        numbers = [0]
        for path, doc in list(instance.data.items()):
            if not path.startswith(UNITS + "/") or not isinstance(doc, dict):
                continue
            unit_id = path.split("/")[2]
            if path.endswith("/positions.yaml"):
                for pos in doc.get("positions") or []:
                    if isinstance(pos, dict) and isinstance(pos.get("id"), str):
                        org.positions[pos["id"]] = (unit_id, pos)
            elif path.endswith("/employees.yaml"):
                for emp in doc.get("employees") or []:
                    if not isinstance(emp, dict):
                        continue
                    digits = str(emp.get("nip", "")).replace(" ", "")
                    if digits:
                        org.by_nip[digits] = (unit_id, emp)
                    if emp.get("bkn_id"):
                        org.by_bkn[str(emp["bkn_id"]).upper()] = (unit_id, emp)
                    m = re.fullmatch(r"p(\d+)", str(emp.get("id", "")))
                    if m:
                        numbers.append(int(m[1]))
        org._next_employee = max(numbers) + 1
        return org

    # --- units ---------------------------------------------------------------------------------------
    def find_unit(self, name: str, parent: str | None = None) -> str | None:
        """The id of the unit called ``name`` (under ``parent`` when several share the name)."""
        mapped = self.unit_map.get(key(name))
        if mapped and mapped in self.units:
            return mapped
        if name in self.units:
            return name
        if len(self._unit_names) != len(self.units):
            self._unit_names = {}
            for unit in self.units.values():
                self._unit_names.setdefault(key(str(unit.get("name", ""))), []).append(unit["id"])
        hits = list(self._unit_names.get(key(name), ()))
        if len(hits) > 1 and parent is not None:
            hits = [h for h in hits if self.units[h].get("parent") == parent] or hits
        return hits[0] if hits else None

    def add_unit(self, name: str, parent: str | None) -> str:
        """A new unit (id from its name: the agency's initials, a sub-unit's name under its agency)."""
        base = acronym(name) if parent is None else f"{self._agency(parent)}-{slug(name, 40)}"
        unit_id = self._free(slug(base, 60), self.units)
        unit = {"id": unit_id, "name": name.strip(), "type": unit_type(name), "parent": parent}
        self.units[unit_id] = unit
        self.instance.get(ORG).setdefault("units", []).append(unit)
        self.new_units.append(unit_id)
        return unit_id

    def by_id_unit(self, employee_id: str) -> str:
        """The home unit of an employee id (from the files read)."""
        if employee_id not in self._units_by_id:
            self._units_by_id = {str(r.get("id")): u for u, r in self.by_nip.values()}
        return self._units_by_id[employee_id]

    def agency_of(self, unit_id: str) -> str:
        """The agency (OPD, the top unit) a unit belongs to."""
        return self._agency(unit_id)

    def _agency(self, unit_id: str) -> str:
        seen = 0
        while self.units.get(unit_id, {}).get("parent") and seen < 50:
            unit_id = self.units[unit_id]["parent"]
            seen += 1
        return unit_id

    @staticmethod
    def _free(base: str, taken: Mapping[str, Any]) -> str:
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate = base[:63 - len(suffix)] + suffix
            n += 1
        return candidate

    # --- positions -------------------------------------------------------------------------------------
    def unit_positions(self, unit_id: str) -> list[dict[str, Any]]:
        path = f"{UNITS}/{unit_id}/positions.yaml"
        doc = self.instance.get(path)
        if not isinstance(doc, dict):
            doc = {"unit": unit_id, "positions": []}
            self.instance.put(path, doc)
        return doc.setdefault("positions", [])

    def find_position(self, unit_id: str, title: str) -> str | None:
        titles = self._titles.get(unit_id)
        if titles is None:
            titles = self._titles[unit_id] = {}
            for pos in self.unit_positions(unit_id):
                if isinstance(pos, dict) and isinstance(pos.get("id"), str):
                    titles.setdefault(key(str(pos.get("title", ""))), pos["id"])
        return titles.get(key(title))

    def add_position(self, unit_id: str, title: str, cls: str, level: str | None, head: bool = False) -> str:
        """A skeleton position: title and class from the export; summary and duties left to the BKD."""
        pos_id = self._free(slug(f"{unit_id}-{slug(title, 50)}", 60), self.positions)
        pos: dict[str, Any] = {"id": pos_id, "title": title.strip(), "class": cls}
        if level:
            pos["level"] = level
        if head:
            pos["head"] = True
        pos["reports_to"] = None
        pos["skeleton"] = True
        self.unit_positions(unit_id).append(pos)
        self.positions[pos_id] = (unit_id, pos)
        self._titles.setdefault(unit_id, {}).setdefault(key(title), pos_id)
        self.new_positions.append(pos_id)
        return pos_id

    def head_of(self, unit_id: str) -> str | None:
        return next((p["id"] for p in self.unit_positions(unit_id) if isinstance(p, dict) and p.get("head") is True), None)

    def settle_heads(self, unit_ids: list[str]) -> None:
        """Give each unit without a head one (its structural "Kepala …" position, else a skeleton), then
        point the new positions' ``reports_to`` at their unit head (a head at its parent unit's head)."""
        for unit_id in unit_ids:
            if self.head_of(unit_id):
                continue
            ranked = {"jpt": 0, "administrator": 1, "pengawas": 2}
            candidates = [p for p in self.unit_positions(unit_id) if p.get("class") in ranked
                          and key(str(p.get("title", ""))).startswith(HEAD_WORDS)]
            if candidates:
                best = min(candidates, key=lambda p: ranked[p["class"]])
                best["head"] = True
                continue
            name = str(self.units[unit_id].get("name", unit_id))
            parent = self.units[unit_id].get("parent")
            title = f"Kepala {name}"
            if key(name).startswith("sekretariat"):
                rest = name[len("sekretariat"):].strip() or str(self.units.get(parent, {}).get("name", ""))
                title = f"Sekretaris {rest}".strip()
            cls = "jpt" if parent is None else ("administrator" if self.units.get(parent, {}).get("parent") is None
                                                else "pengawas")
            self.add_position(unit_id, title, cls, "pratama" if cls == "jpt" else None, head=True)
        new = set(self.new_positions)
        for unit_id in unit_ids:
            head = self.head_of(unit_id)
            parent = self.units[unit_id].get("parent")
            for pos in self.unit_positions(unit_id):
                if pos.get("id") not in new:
                    continue
                if pos.get("head"):
                    pos["reports_to"] = self.head_of(parent) if parent else None
                else:
                    pos["reports_to"] = head
            self._order_head_first(unit_id)

    def _order_head_first(self, unit_id: str) -> None:
        """Head first; a new position's keys in the schema's order."""
        positions = self.unit_positions(unit_id)
        positions.sort(key=lambda p: 0 if p.get("head") is True else 1)
        new = set(self.new_positions)
        for i, pos in enumerate(positions):
            if pos.get("id") in new:
                positions[i] = {k: pos[k] for k in _POSITION_KEYS if k in pos}
                self.positions[pos["id"]] = (unit_id, positions[i])

    # --- employees ---------------------------------------------------------------------------------------
    def unit_employees(self, unit_id: str) -> list[dict[str, Any]]:
        path = f"{UNITS}/{unit_id}/employees.yaml"
        doc = self.instance.get(path)
        if not isinstance(doc, dict):
            doc = {"unit": unit_id, "employees": []}
            self.instance.put(path, doc)
        return doc.setdefault("employees", [])

    def find_employee(self, nip: str, bkn_id: str = "") -> tuple[str, dict[str, Any]] | None:
        return self.by_nip.get(nip) or (self.by_bkn.get(bkn_id.upper()) if bkn_id else None)

    def new_employee_id(self) -> str:
        ident = f"p{self._next_employee:05d}"
        self._next_employee += 1
        return ident

    def add_employee(self, unit_id: str, record: dict[str, Any]) -> None:
        self.unit_employees(unit_id).append(record)
        self.by_nip[record["nip"]] = (unit_id, record)
        if record.get("bkn_id"):
            self.by_bkn[record["bkn_id"]] = (unit_id, record)

    def move_employee(self, record: dict[str, Any], old_unit: str, new_unit: str) -> None:
        """Move an employee's record to another unit's file (a transfer: the history goes along)."""
        old = self.unit_employees(old_unit)
        old[:] = [e for e in old if e is not record]
        if not old:
            self.instance.put(f"{UNITS}/{old_unit}/employees.yaml", None)
        self.unit_employees(new_unit).append(record)
        self.by_nip[str(record["nip"]).replace(" ", "")] = (new_unit, record)
        if record.get("bkn_id"):
            self.by_bkn[str(record["bkn_id"]).upper()] = (new_unit, record)
