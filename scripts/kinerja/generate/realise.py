"""Realisation reports (realisasi) with evidence: one annual report in 2020 and 2021, monthly in 2026.

Values follow a performance profile per intended predikat; the SKP value they give is estimated
(:mod:`.estimate`) so that the assessment can aim the total at the intended band.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import estimate as est
from .contracts import lcfirst
from .context import MONTHS_2026, World
from .records import Contract, Indicator, Target, number

URL = "https://arsip.provinsi-contoh.go.id"
#: PP 46/2011: quantity ratio, quality range, months taken (of 12), cost ratio.
PP46_PROFILE = {"sangat-baik": (1.0, (97, 100), 10, 0.9), "baik": (1.0, (86, 95), 12, 1.0),
                "cukup": (0.8, (70, 75), 13, 1.0), "kurang": (0.6, (62, 68), 14, 1.05),
                "buruk": (0.4, (52, 58), 15, 1.1)}
#: PermenPANRB 8/2021: realised / target by intended predikat (an appeal case sits just under Baik).
PM8_RATIO = {"sangat-baik": 1.15, "baik": 1.0, "cukup": 0.9, "kurang": 0.7, "sangat-kurang": 0.45, "appeal": 0.95}
#: PermenPANRB 6/2022: monthly pace by the quarter's results rating.
PACE = {"di-atas": 1.12, "sesuai": 1.0, "di-bawah": 0.75}
NOTES = ("Dua berkas dikembalikan untuk dilengkapi.", "Menunggu tanda tangan pimpinan.",
         "Selesai lebih cepat dari jadwal.", "Sebagian data kabupaten/kota terlambat diterima.",
         "Dikerjakan bersama tim lintas bidang.")
NOT_AVAILABLE = "Data dari kabupaten/kota belum diterima hingga batas pelaporan; dilaporkan bulan berikutnya."


def _evidence(contract: Contract, target: Target, label: str) -> list[dict[str, str]]:
    duty = contract.position.duty(target.duty) if target.duty else None
    title = lcfirst(duty.output) if duty else lcfirst(target.text)
    folder = contract.period.id if label == contract.period.id else f"{contract.period.id}/{label}"
    return [{"title": f"Bukti {title} {label}",
             "url": f"{URL}/{contract.position.unit}/{folder}/{contract.person.id}-{target.id}.pdf"}]



def value_for(ind: Indicator, ratio: float) -> float | int:
    """The realised value at ``ratio`` of the target (polarity and ranges respected)."""
    t = ind.target
    if isinstance(t, dict):
        low, high = float(t["min"]), float(t["max"])
        v = (low + high) / 2 if ratio == 1 else high * ratio if ratio > 1 else low * ratio
        return round(v, 2)
    t = float(t)
    v = t * (2 - ratio) if ind.polarity == "lower" else t * ratio
    if ind.unit == "%":
        return round(min(v, 100.0), 1)
    if ind.aggregation == "sum" or ind.polarity == "lower":
        r = round(v)
        if ratio > 1 and ind.polarity != "lower":
            r = max(r, int(t) + 1)
        elif ratio <= 0.9 and ind.polarity != "lower" and r >= t >= 2:
            r = int(t) - 1
        return int(r)
    return round(v, 1)


def _submitted(year: int, month: int, day: int) -> str:
    return dt.date(year, month, day).isoformat()


def pp46_report(world: World, contract: Contract) -> dict[str, Any]:
    rng, pid = world.rng, contract.person.id
    ratio, (q_low, q_high), months, cost_ratio = PP46_PROFILE[world.plan.rating(pid, "2020")]
    entries, activities = [], []
    for target in contract.targets:
        to = target.quantity[0]
        ro = max(1, round(to * ratio))
        rk = rng.randint(q_low, q_high)
        entry: dict[str, Any] = {"target": target.id, "quantity": ro, "quality": rk, "time": months}
        cost = None
        if target.cost is not None:
            entry["cost"] = int(target.cost * cost_ratio)
            cost = (target.cost, entry["cost"])
        entry["evidence"] = _evidence(contract, target, "2020")
        entries.append(entry)
        activities.append(est.pp46_activity((to, ro), (100, rk), (12, months), cost))
    extra = est.pp46_extra_points(world.plan.extra_tasks.get(pid, 0))
    creative = est.CREATIVITY_POINTS.get(world.plan.creativity.get(pid, ""), 0)
    world.skp[(pid, "2020")] = sum(activities) / len(activities) + extra + creative
    return {"employee": pid, "period": "2020", "reporting_period": "2020",
            "submitted_on": _submitted(2021, 1, rng.randint(4, 6)), "entries": entries}


def pm8_report(world: World, contract: Contract) -> dict[str, Any]:
    rng, pid = world.rng, contract.person.id
    key = "appeal" if pid in world.plan.appeal_accepted else world.plan.rating(pid, "2021")
    entries, values = [], []
    for target in contract.targets:
        for ind in target.indicators:
            ratio = PM8_RATIO[key] if target.category == "main" else 1.0
            if key == "baik" and target.category == "main":
                ratio = rng.choice((1.0, 1.0, 1.0, 1.04, 0.97))
            v = number(value_for(ind, ratio))
            entries.append({"target": target.id, "indicator": ind.id, "value": v,
                            "evidence": _evidence(contract, target, "2021")})
            if target.category == "main":
                values.append(est.pm8_value(est.achievement(ind.target, float(v), ind.polarity), ind.maximum))
    additional = min(10.0, world.plan.additional_work.get(pid, 0.0))
    world.skp[(pid, "2021")] = sum(values) / len(values) + additional
    return {"employee": pid, "period": "2021", "reporting_period": "2021",
            "submitted_on": _submitted(2022, 1, rng.randint(4, 7)), "entries": entries}


def monthly_reports(world: World, contract: Contract) -> list[tuple[str, dict[str, Any]]]:
    """(month, report) for 2026-01..2026-10, skipping the months the plan says were missed."""
    rng, pid = world.rng, contract.person.id
    quarters = {q: pair for q, pair, _ in world.quarters.get(pid, [])}
    missing = set(world.plan.missing_months.get(pid, ()))
    na_month = "2026-08" if pid in world.plan.not_available else None
    out = []
    cumulative: dict[tuple[str, str], float] = {}
    for m, month in enumerate(MONTHS_2026, start=1):
        quarter = f"2026-Q{(m - 1) // 3 + 1}"
        pace = PACE[quarters.get(quarter, ("sesuai", "sesuai"))[0]]
        entries = []
        for target in contract.targets:
            for ind in target.indicators:
                entry: dict[str, Any] = {"target": target.id, "indicator": ind.id}
                if month == na_month and target is contract.targets[-1] and ind is target.indicators[0]:
                    entry["not_available"] = NOT_AVAILABLE
                    entries.append(entry)
                    continue
                entry["value"] = number(_monthly_value(ind, m, pace, cumulative, (target.id, ind.id), rng))
                if ind is target.indicators[0]:
                    entry["evidence"] = _evidence(contract, target, month)
                if rng.random() < 0.08:
                    entry["note"] = rng.choice(NOTES)
                entries.append(entry)
        if month in missing:
            continue
        report = {"employee": pid, "period": "2026", "reporting_period": month,
                  "submitted_on": _submitted(2026, m + 1, rng.randint(1, 6)), "entries": entries}
        out.append((month, report))
    return out


def _monthly_value(ind: Indicator, m: int, pace: float, cumulative: dict[tuple[str, str], float],
                   key: tuple[str, str], rng: Any) -> float | int:
    if ind.aggregation == "sum":
        # Integer increments that add up to about pace × target × m / 12 by month m.
        before = cumulative.get(key, 0.0)
        total = before + float(ind.target) * pace / 12 * rng.uniform(0.85, 1.15)
        cumulative[key] = total
        return int(total) - int(before)
    if isinstance(ind.target, dict):
        low, high = float(ind.target["min"]), float(ind.target["max"])
        return round(low + (high - low) * min(1.0, 0.3 + 0.06 * m * pace) + rng.uniform(-0.03, 0.03), 2)
    t = float(ind.target)
    if ind.polarity == "lower":
        return float(int(t * (2 - pace) * 0.8 * m / 12))
    if "penyerapan" in ind.text.lower():
        return round(min(100.0, t * m / 12 * pace * rng.uniform(0.95, 1.02)), 1)
    v = t * pace * rng.uniform(0.96, 1.02)
    return round(min(v, 100.0), 1) if ind.unit == "%" else round(v, 1)
