"""Attendance → ``contracts/attendance/<YYYY-MM>/<agency>.csv`` (the layout the allowance rules read).

Two inputs: the monthly recap ("rekap presensi": ``NIP, Nama, HK, HD, TK, …, PSW1..PSW4, HT, TL1..TL4``)
and a terminal's raw log (ZKTeco ``attlog``: ``PIN <tab> YYYY-MM-DD HH:MM:SS <tab> verify <tab> status``)
with a PIN → NIP map. From a log, lateness and early leave are recomputed from the first and last
punch of each working day against the working hours of the allowance rule in force (or the mapping
file's ``working_hours``) and counted in the rule's TL/PSW bands; a working day without any punch is a
day absent. Employees are found by NIP; each agency (OPD) gets one file per month; rows of employees
not in the import are kept as they were.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import click

from . import Mapping, cleaning
from .org import Organisation
from .outcome import ImportFailed, Ledger, Place, read_export
from .table import MAX_BYTES, Columns, Table, blank, decode

HEADER = ["employee", "month", "working_days", "absent_days", "tl1", "tl2", "tl3", "tl4",
          "psw1", "psw2", "psw3", "psw4", "sanction", "late_minutes", "early_minutes"]
_COUNTS = ["tl1", "tl2", "tl3", "tl4", "psw1", "psw2", "psw3", "psw4"]
RECAP = Columns(
    names={"nip": ["NIP", "NIP BARU"], "name": ["NAMA"], "working_days": ["HK", "JHK"], "absent_days": ["TK"],
           **{c: [c.upper()] for c in _COUNTS}},
    required=("nip", "working_days", "absent_days", *_COUNTS),
    anchors=("tl1", "psw1"),
)
DEFAULT_BANDS = ((1, 31), (31, 61), (61, 91), (91, None))
_LOG_LINE = re.compile(r"^\s*(\S+)\s+(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?(?:\s+(\S+))?(?:\s+(\S+))?")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass
class Month:
    """One employee's month: the counts the allowance rule needs."""

    working_days: int = 0
    absent_days: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTS, 0))
    late: list[int] = field(default_factory=list)
    early: list[int] = field(default_factory=list)


# --- recap ---------------------------------------------------------------------------------------------
def read_recap(table: Table, org: Organisation, ledger: Ledger) -> list[tuple[Place, str, Month]]:
    """Rows of a recap as (place, employee id, month); bad or unknown rows are skipped in the ledger."""
    out = []
    for row_no, row in table.rows:
        if blank(row):
            continue
        employee = _employee(table, row_no, row, org, ledger)
        if employee is None:
            continue
        try:
            month = Month(cleaning.integer(table.get(row, "working_days"), 0, 31),
                          cleaning.integer(table.get(row, "absent_days"), 0, 31))
            for name in _COUNTS:
                month.counts[name] = cleaning.integer(table.get(row, name), 0, 31)
        except cleaning.CellError as exc:
            bad = next(n for n in ("working_days", "absent_days", *_COUNTS)
                       if _fails(table.get(row, n)))
            ledger.skip(table.place(row_no, bad), exc.code, **exc.params)
            continue
        if month.absent_days > month.working_days:
            ledger.skip(table.place(row_no, "absent_days"), "K909", value=month.absent_days,
                        detail=f"TK > HK ({month.working_days})")
            continue
        out.append((table.place(row_no), employee, month))
    return out


def _fails(value: Any) -> bool:
    try:
        cleaning.integer(value, 0, 31)
    except cleaning.CellError:
        return True
    return False


def _employee(table: Table, row_no: int, row: list[Any], org: Organisation, ledger: Ledger) -> str | None:
    try:
        nip = cleaning.nip(table.get(row, "nip"))
    except cleaning.CellError as exc:
        ledger.skip(table.place(row_no, "nip"), exc.code, **dict(exc.params, column="NIP"))
        return None
    found = org.find_employee(nip)
    if found is None:
        ledger.skip(table.place(row_no, "nip"), "K910")
        return None
    return str(found[1]["id"])


# --- terminal log ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hours:
    """The working day: start, end (minutes after midnight), weekdays, and the TL/PSW band limits."""

    start: int
    end: int
    days: tuple[int, ...]
    late_bands: tuple[tuple[int, int | None], ...] = DEFAULT_BANDS
    early_bands: tuple[tuple[int, int | None], ...] = DEFAULT_BANDS


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")[:2]
    return int(hours) * 60 + int(minutes)


def hours_for(month: str, mapping: Mapping, instance: Any) -> Hours:
    """Working hours: the mapping file's ``working_hours``, else those of the allowance rule in force."""
    version = _rule_version(month, instance)
    wanted = mapping.working_hours or (version or {}).get("working_hours")
    if not isinstance(wanted, dict) or "start" not in wanted or "end" not in wanted:
        raise ImportFailed("K903", Place("working_hours"),
                           detail="no working hours: add working_hours (start, end, days) to the allowance rule "
                                  "in force or to the mapping file / jam kerja belum ada")
    try:
        start, end = _minutes(str(wanted["start"])), _minutes(str(wanted["end"]))
        days = tuple(int(d) for d in wanted.get("days", (1, 2, 3, 4, 5)))
    except (ValueError, TypeError) as exc:
        raise ImportFailed("K903", Place("working_hours"), detail=f"start/end HH:MM, days 1-7 ({exc})") from exc
    deductions = (version or {}).get("deductions") or {}
    return Hours(start, end, days, _bands(deductions.get("lateness")), _bands(deductions.get("early_leave")))


def _bands(items: Any) -> tuple[tuple[int, int | None], ...]:
    if not isinstance(items, list) or len(items) != 4:
        return DEFAULT_BANDS
    try:
        return tuple((int(b["from_minutes"]), int(b["to_minutes"]) if b.get("to_minutes") is not None else None)
                     for b in items)
    except (KeyError, TypeError, ValueError):
        return DEFAULT_BANDS


def _rule_version(month: str, instance: Any) -> dict[str, Any] | None:
    """The allowance rule version (raw mapping) in force on the month's first day, if any."""
    first = f"{month}-01"
    periods = (instance.get("contracts/periods.yaml") or {}).get("periods") or []
    for period in periods:
        if not isinstance(period, dict) or not period.get("allowance_rule"):
            continue
        if str(period.get("start")) <= first <= str(period.get("end")):
            path = f"contracts/allowance/{period['allowance_rule']}.yaml"
            instance.load([path])
            rule = instance.get(path) or {}
            for version in rule.get("versions") or []:
                if str(version.get("effective_from")) <= first <= str(version.get("effective_to") or "9999"):
                    return version
    return None


def read_pins(path: str | None, mapping: Mapping) -> dict[str, str]:
    """PIN → NIP from a CSV (columns ``pin`` and ``nip``, any delimiter) and the mapping file's ``pins``."""
    pins = {k.strip(): v for k, v in mapping.pins.items()}
    if path:
        from .table import open_table

        table = open_table(Path(path), Columns({"pin": ["PIN", "AC-NO.", "NO"], "nip": ["NIP", "NIP BARU"]},
                                               ("pin", "nip"), ("pin",)))
        for row_no, row in table.rows:
            if not blank(row):
                pins[cleaning.text(table.get(row, "pin"))] = cleaning.text(table.get(row, "nip"))
    return pins


def read_log(path: Path, month: str, pins: dict[str, str], hours: Hours, org: Organisation,
             ledger: Ledger) -> list[tuple[Place, str, Month]]:
    """Recompute each mapped employee's month from the punches of a raw terminal log."""
    name = path.name
    text = decode(read_export(path, name, MAX_BYTES), name)
    punches: dict[str, dict[dt.date, list[int]]] = {}
    places: dict[str, list[Place]] = {}
    employees: dict[str, str] = {}
    first_day = last_day = None
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        place = Place(name, None, line_no)
        m = _LOG_LINE.match(line)
        if m is None:
            ledger.skip(place, "K919", value=line.strip()[:40])
            continue
        pin, day_text, time_text = m[1], m[2], m[3]
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            ledger.skip(place, "K919", value=f"{day_text} {time_text}")
            continue
        if day_text[:7] != month:
            ledger.skip(place, "K909", value=day_text, detail=f"outside --month {month} / di luar bulan {month}")
            continue
        employee = employees.get(pin) or _pin_employee(pin, pins, org, place, ledger)
        if employee is None:
            continue
        employees[pin] = employee
        punches.setdefault(employee, {}).setdefault(day, []).append(_minutes(time_text))
        places.setdefault(employee, []).append(place)
        first_day = min(first_day or day, day)
        last_day = max(last_day or day, day)
    out = []
    for employee, days in punches.items():
        result = _month_from_punches(days, (first_day, last_day), hours)  # type: ignore[arg-type]
        for place in places[employee]:
            out.append((place, employee, result))
    return out


def _pin_employee(pin: str, pins: dict[str, str], org: Organisation, place: Place, ledger: Ledger) -> str | None:
    nip_text = pins.get(pin.strip())
    if nip_text is None:
        ledger.skip(place, "K914", value=pin)
        return None
    try:
        found = org.find_employee(cleaning.nip(nip_text))
    except cleaning.CellError as exc:
        ledger.skip(place, exc.code, **exc.params)
        return None
    if found is None:
        ledger.skip(place, "K910")
        return None
    return str(found[1]["id"])


def _band(minutes: int, bands: Iterable[tuple[int, int | None]]) -> int | None:
    for i, (low, high) in enumerate(bands):
        if minutes >= low and (high is None or minutes < high):
            return i
    return None


def _month_from_punches(days: dict[dt.date, list[int]], span: tuple[dt.date, dt.date], hours: Hours) -> Month:
    """Working days from the first to the last day the log covers; per day: the first and last punch
    against the working hours (no punch before midday: TL4; none after: PSW4; none at all: absent)."""
    result = Month()
    day = span[0]
    while day <= span[1]:
        current, day = day, day + dt.timedelta(days=1)
        if current.isoweekday() not in hours.days:
            continue
        result.working_days += 1
        times = sorted(days.get(current, []))
        if not times:
            result.absent_days += 1
            continue
        first, last = times[0], times[-1]
        late = first - hours.start if first < (hours.start + hours.end) // 2 else None
        early = hours.end - last if len(times) > 1 and last > (hours.start + hours.end) // 2 else None
        if late is None:  # no punch in the morning: no clock-in record
            result.counts["tl4"] += 1
        elif late > 0:
            band = _band(late, hours.late_bands)
            if band is not None:
                result.counts[f"tl{band + 1}"] += 1
                result.late.append(late)
        if early is None:  # no punch in the afternoon: no clock-out record
            result.counts["psw4"] += 1
        elif early > 0:
            band = _band(early, hours.early_bands)
            if band is not None:
                result.counts[f"psw{band + 1}"] += 1
                result.early.append(early)
    return result


# --- writing -----------------------------------------------------------------------------------------------
def write(rows: list[tuple[Place, str, Month]], month: str, org: Organisation, ledger: Ledger) -> None:
    """Merge the months into each agency's file for ``month`` and record every row's outcome."""
    by_file: dict[str, list[tuple[Place, str, Month]]] = {}
    for place, employee, result in rows:
        unit = org.by_id_unit(employee)
        by_file.setdefault(f"contracts/attendance/{month}/{org.agency_of(unit)}.csv", []).append((place, employee, result))
    for path, items in sorted(by_file.items()):
        org.instance.load([path])
        existing = _existing(org.instance.original.get(path))
        before = {k: list(v) for k, v in existing.items()}
        for _place, employee, result in items:
            existing[employee] = _line(employee, month, result)
        for place, employee, _result in items:
            old = before.get(employee)
            status = "imported" if old is None else ("unchanged" if old == existing[employee] else "updated")
            ledger.add(place, status, path)
        org.instance.put_text(path, _csv(existing))


def _existing(raw: bytes | None) -> dict[str, list[str]]:
    if not raw:
        return {}
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig")))
    header = [h.strip().lower() for h in next(reader, [])]
    rows = {}
    for cells in reader:
        if cells and any(c.strip() for c in cells):
            record = dict(zip(header, cells))
            rows[record.get("employee", "")] = [record.get(h, "") for h in HEADER]
    return rows


def _line(employee: str, month: str, result: Month) -> list[str]:
    return [employee, month, str(result.working_days), str(result.absent_days),
            *(str(result.counts[c]) for c in _COUNTS), "", ";".join(map(str, result.late)),
            ";".join(map(str, result.early))]


def _csv(rows: dict[str, list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for employee in sorted(rows):
        writer.writerow(rows[employee])
    return out.getvalue()


# --- command -------------------------------------------------------------------------------------------------
def register(main: click.Group, import_group: click.Group) -> None:
    """``kinerja import attendance``."""
    from .commands import _run, common

    @import_group.command("attendance")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--month", required=True, help="The month of the recap or log (YYYY-MM).")
    @click.option("--log", "is_log", is_flag=True,
                  help="FILE is a terminal's raw log (ZKTeco attlog: PIN, date-time, verify, status), not a recap.")
    @click.option("--pins", type=click.Path(exists=True, dir_okay=False), default=None,
                  help="PIN → NIP map for --log (CSV with columns pin and nip; or pins: in the mapping file).")
    @common
    def import_attendance(file: str, month: str, is_log: bool, pins: str | None, **opts: Any) -> None:
        """Import a monthly attendance recap (TL1-TL4, PSW1-PSW4, TK) or a terminal log."""
        from .table import open_table

        if not _MONTH.match(month):
            raise click.BadParameter("YYYY-MM", param_hint="--month")

        def work(instance: Any, ledger: Ledger, path: Path, mapping: Mapping, sheet: str | None) -> None:
            org = Organisation.read(instance, mapping.units)
            if is_log:
                rows = read_log(path, month, read_pins(pins, mapping), hours_for(month, mapping, instance), org, ledger)
            else:
                table = open_table(path, RECAP.with_mapping(mapping.columns), sheet)
                rows = read_recap(table, org, ledger)
            write(rows, month, org, ledger)

        _run("attendance", file, opts, work, lambda instance: instance.load_units(("employees.yaml",)))
