"""Monthly attendance exports per agency: ``contracts/attendance/<YYYY-MM>/<opd>.csv``.

Columns as :func:`kinerja.score.allowance.attendance_from_csv` reads them. The 2026 rule version of
``tpp-contoh`` counts lateness and early leave by the hour (``time_basis: hours``), so the band counts
(tl1..tl4, psw1..psw4) stay 0 and each occurrence is listed in minutes (``late_minutes``,
``early_minutes``, e.g. ``15;40``). Most rows are clean; a few have days absent or lateness, and one
employee carries a written reprimand (teguran tertulis, 2 months) in May and June.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io

from .context import MONTHS_2026, World

COLUMNS = ("employee", "month", "working_days", "absent_days", "tl1", "tl2", "tl3", "tl4",
           "psw1", "psw2", "psw3", "psw4", "sanction", "late_minutes", "early_minutes")
SANCTION = ("teguran-tertulis", ("2026-05", "2026-06"))


def working_days(month: str) -> int:
    """Monday to Friday in the month (national holidays are not modelled)."""
    year, mon = int(month[:4]), int(month[5:])
    days = calendar.monthrange(year, mon)[1]
    return sum(1 for d in range(1, days + 1) if dt.date(year, mon, d).weekday() < 5)


def _sanctioned(world: World) -> str | None:
    """The employee with the worst 2026 rating (first in order), who carries the reprimand."""
    for rating in ("sangat-kurang", "kurang"):
        for person in world.people.persons:
            if world.plan.rating(person.id, "2026") == rating and person.id in world.quarters:
                return person.id
    return None


def attendance_files(world: World) -> list[tuple[str, str]]:
    """(path inside contracts/, CSV text) for every agency and month of 2026 so far."""
    rng = world.rng
    sanctioned = _sanctioned(world)
    by_opd: dict[str, list[str]] = {}
    for person in world.people.persons:
        position = world.held.get(("2026", person.id))
        if position is not None:
            by_opd.setdefault(world.org.opd_of[position.unit], []).append(person.id)
    starts = {p.id: max(a.start for a in p.assignments) for p in world.people.persons}
    out = []
    for month in MONTHS_2026:
        first = dt.date.fromisoformat(month + "-01")
        days = working_days(month)
        for opd, members in by_opd.items():
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(COLUMNS)
            for pid in members:
                if starts[pid] > first:
                    continue                      # not yet in post this month
                absent = rng.choice((1, 1, 2)) if rng.random() < 0.06 else 0
                late = sorted(rng.randint(3, 95) for _ in range(rng.randint(1, 3))) if rng.random() < 0.12 else []
                early = [rng.randint(10, 70)] if rng.random() < 0.04 else []
                sanction = SANCTION[0] if pid == sanctioned and month in SANCTION[1] else ""
                writer.writerow((pid, month, days, absent, 0, 0, 0, 0, 0, 0, 0, 0, sanction,
                                 ";".join(map(str, late)), ";".join(map(str, early))))
            out.append((f"attendance/{month}/{opd}.csv", buffer.getvalue()))
    return out
