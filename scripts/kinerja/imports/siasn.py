"""SIASN employee master ("data utama" PNS/PPPK) → units, skeleton positions, employees, assignments.

Column names follow the SIASN download (``PNS ID``, ``NIP BARU``, ``NAMA``, ``GOL AKHIR NAMA``,
``JABATAN NAMA``, ``UNOR NAMA``, …); the work-unit hierarchy is ``SATUAN KERJA INDUK NAMA`` (the
agency, OPD) → ``SATUAN KERJA KERJA NAMA`` → ``UNOR NAMA`` (the person's unit). A NIP that appears twice
(after a transfer) is imported once, from the row with the latest ``TMT JABATAN``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from . import cleaning
from .org import Organisation, key, position_class
from .outcome import Ledger, Place
from .state import UNITS
from .table import Columns, Table, blank

NAME = "siasn"
COLUMNS = Columns(
    names={
        "nip": ["NIP BARU", "NIPBARU", "NIP"],
        "bkn_id": ["PNS ID", "ID PNS"],
        "name": ["NAMA", "NAMA PEGAWAI"],
        "front_title": ["GELAR DEPAN"],
        "back_title": ["GELAR BELAKANG"],
        "kind": ["JENIS PEGAWAI NAMA", "STATUS CPNS PNS"],
        "rank": ["GOL AKHIR NAMA", "GOLRU", "GOLONGAN"],
        "position": ["JABATAN NAMA", "JABATAN"],
        "position_kind": ["JENIS JABATAN ID"],
        "echelon": ["ESELON NAMA", "ESELON"],
        "since": ["TMT JABATAN"],
        "unit": ["UNOR NAMA", "UNIT KERJA", "UNOR"],
        "agency": ["SATUAN KERJA INDUK NAMA", "UNOR INDUK NAMA", "SATKER INDUK"],
        "work_unit": ["SATUAN KERJA KERJA NAMA", "SATKER"],
    },
    required=("nip", "name", "position", "unit"),
    anchors=("nip",),
)
_BKN_ID = re.compile(r"^[0-9A-Fa-f]{32}$")


@dataclass
class Person:
    """One row of the master, cleaned."""

    place: Place
    nip: str
    bkn_id: str
    name: str
    kind: str
    rank: str | None
    position: str
    position_kind: str
    echelon: str
    since: dt.date | None
    unit: str
    agency: str
    work_unit: str


def read(table: Table, ledger: Ledger) -> list[Person]:
    """The rows as :class:`Person`; bad rows go to the ledger as skipped (with their place)."""
    people: list[Person] = []
    for row_no, row in table.rows:
        if blank(row):
            continue
        person = _person(table, row_no, row, ledger)
        if person is not None:
            people.append(person)
    return _latest_per_nip(people, ledger)


def _person(table: Table, row_no: int, row: list[Any], ledger: Ledger) -> Person | None:
    get = table.get
    kind_text = cleaning.text(get(row, "kind")).upper()
    kind = "pppk" if "PPPK" in kind_text else "pns"
    try:
        nip = cleaning.nip(get(row, "nip"), kind)
    except cleaning.CellError as exc:
        params = dict(exc.params, column="NIP BARU")
        ledger.skip(table.place(row_no, "nip"), exc.code, **params)
        return None
    for fieldname in ("name", "position", "unit"):
        if not cleaning.text(get(row, fieldname)):
            ledger.skip(table.place(row_no, fieldname), "K913", column=table.header[table.index[fieldname]])
            return None
    try:
        since = cleaning.date(get(row, "since"))
    except cleaning.CellError as exc:
        ledger.skip(table.place(row_no, "since"), exc.code, **exc.params)
        return None
    bkn_id = cleaning.text(get(row, "bkn_id")).upper()
    if bkn_id and not _BKN_ID.match(bkn_id):
        ledger.skip(table.place(row_no, "bkn_id"), "K909", value=bkn_id, detail="PNS ID: 32 hexadecimal characters / 32 karakter heksadesimal")
        return None
    name = cleaning.text(get(row, "name"))
    front, back = cleaning.text(get(row, "front_title")), cleaning.text(get(row, "back_title"))
    full = " ".join(p for p in (front, name) if p) + (f", {back}" if back else "")
    unit = cleaning.text(get(row, "unit"))
    return Person(table.place(row_no), nip, bkn_id, full, kind, cleaning.rank(get(row, "rank")),
                  cleaning.text(get(row, "position")), cleaning.text(get(row, "position_kind")),
                  cleaning.text(get(row, "echelon")), since, unit,
                  cleaning.text(get(row, "agency")) or unit, cleaning.text(get(row, "work_unit")))


def _latest_per_nip(people: list[Person], ledger: Ledger) -> list[Person]:
    """One row per NIP: the latest TMT JABATAN (then the later row); the others are skipped (K906)."""
    best: dict[str, Person] = {}
    for person in people:
        kept = best.get(person.nip)
        if kept is None:
            best[person.nip] = person
            continue
        newer = (person.since or dt.date.min) >= (kept.since or dt.date.min)
        loser, winner = (kept, person) if newer else (person, kept)
        best[person.nip] = winner
        ledger.skip(loser.place, "K906", other=winner.place.row)
    chosen = {id(p) for p in best.values()}
    return [p for p in people if id(p) in chosen]


def apply(people: Iterable[Person], org: Organisation, ledger: Ledger, create_units: bool, today: dt.date) -> list[str]:
    """Put the people into the organisation; returns the units touched (for heads and commits)."""
    touched: list[str] = []
    for person in people:
        unit_id = _unit(person, org, create_units)
        if unit_id is None:
            ledger.skip(Place(person.place.file, person.place.sheet, person.place.row, "UNOR NAMA"), "K907",
                        value=person.unit)
            continue
        if unit_id not in touched:
            touched.append(unit_id)
        status = _employee(person, unit_id, org, today)
        ledger.add(person.place, status, f"{UNITS}/{unit_id}/employees.yaml")
    unknown = {dict(o.params).get("value") for o in ledger.outcomes if o.code == "K907"}
    if unknown:
        names = ", ".join(sorted(str(u) for u in unknown)[:10])
        ledger.note(f"{len(unknown)} unit tidak dikenal: {names}", f"{len(unknown)} unknown units: {names}")
    for unit_id in org.new_units:
        if unit_id not in touched:
            touched.append(unit_id)
    org.settle_heads(touched)
    if org.new_positions:
        count = len(org.new_positions)
        ledger.note(f"{count} jabatan kerangka baru (skeleton: true), untuk dilengkapi BKD.",
                    f"{count} new skeleton positions (skeleton: true), for the BKD to complete.")
    return touched


def _unit(person: Person, org: Organisation, create: bool) -> str | None:
    """The unit of a person: the UNOR under its work unit under its agency (created when allowed)."""
    direct = org.unit_map.get(key(person.unit))
    if direct:
        return direct if direct in org.units else None
    chain = [person.agency]
    if person.work_unit and key(person.work_unit) not in (key(person.agency), key(person.unit)):
        chain.append(person.work_unit)
    if key(person.unit) != key(person.agency):
        chain.append(person.unit)
    parent: str | None = None
    for name in chain:
        found = org.find_unit(name, parent)
        if found is None:
            if not create:
                return None
            found = org.add_unit(name, parent)
        parent = found
    return parent


def _employee(person: Person, unit_id: str, org: Organisation, today: dt.date) -> str:
    """Create or update the employee; returns imported, updated or unchanged."""
    title = person.position
    pos_id = org.find_position(unit_id, title)
    if pos_id is None:
        cls, level = position_class(title, person.position_kind, person.echelon)
        pos_id = org.add_position(unit_id, title, cls, level)
    since = (person.since or today).isoformat()
    found = org.find_employee(person.nip, person.bkn_id)
    if found is None:
        record: dict[str, Any] = {"id": org.new_employee_id(), "nip": person.nip}
        if person.bkn_id:
            record["bkn_id"] = person.bkn_id
        record.update({"type": person.kind, "name": person.name})
        if person.rank:
            record["rank"] = person.rank
        record["assignments"] = [{"position": pos_id, "from": since, "to": None}]
        org.add_employee(unit_id, record)
        return "imported"
    old_unit, record = found
    before = repr(record)
    if old_unit != unit_id:
        org.move_employee(record, old_unit, unit_id)
    for field_name, value in (("bkn_id", person.bkn_id), ("name", person.name), ("rank", person.rank)):
        if value and record.get(field_name) != value:
            record[field_name] = value
    _assign(record, pos_id, since)
    return "unchanged" if repr(record) == before and old_unit == unit_id else "updated"


def _assign(record: dict[str, Any], pos_id: str, since: str) -> None:
    """Make ``pos_id`` the current assignment from ``since``, closing the one before it."""
    assignments = record.setdefault("assignments", [])
    current = [a for a in assignments if isinstance(a, dict) and a.get("to") is None]
    if any(a.get("position") == pos_id for a in current):
        return
    start = dt.date.fromisoformat(since)
    for a in current:
        begun = str(a.get("from", ""))
        end = start - dt.timedelta(days=1)
        a["to"] = max(end.isoformat(), begun) if begun else end.isoformat()
    assignments.append({"position": pos_id, "from": since, "to": None})
