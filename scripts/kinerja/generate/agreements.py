"""Unit performance agreements (perjanjian kinerja) and what the units achieved on them."""

from __future__ import annotations

import random
from typing import Any

from .context import MONTHS_2026, PERIODS, World
from .records import Indicator, Period, Unit, number


APPROVED_ON = {"2020": "2020-01-31", "2021": "2021-01-29", "2026": "2026-01-15"}
NOT_AVAILABLE = "Survei kepuasan triwulan IV belum selesai diolah; nilai dilaporkan setelah survei ditutup."


def goals(unit: Unit) -> list[tuple[str, str, list[Indicator]]]:
    """The agreement's goals (id, text, indicators); indicator ids run ik1, ik2, ... across the goals."""
    out = []
    n = 0
    for g, (text, items) in enumerate(unit.agreement_spec, start=1):
        indicators = []
        for ind_text, ind_unit, target, polarity, aggregation in items:
            n += 1
            if isinstance(target, str):
                indicators.append(Indicator(f"ik{n}", ind_text, ind_unit, target_text=target, polarity=polarity,
                                            aggregation=aggregation))
            else:
                indicators.append(Indicator(f"ik{n}", ind_text, ind_unit, target=target, polarity=polarity,
                                            aggregation=aggregation))
        out.append((f"s{g}", text, indicators))
    return out


def agreement_doc(world: World, unit: Unit, period: Period) -> dict[str, Any]:
    return {
        "unit": unit.id, "period": period.id, "owner": world.org.head_of[unit.id], "status": "approved",
        "approved_on": APPROVED_ON[period.id],
        "goals": [{"id": gid, "text": text, "indicators": [i.as_data() for i in inds]} for gid, text, inds in goals(unit)],
    }


def realised(ind: Indicator, progress: float, rng: random.Random) -> float:
    """A plausible cumulative value at ``progress`` (0-1 of the year) near the target."""
    target = ind.target
    if isinstance(target, dict):
        low, high = float(target["min"]), float(target["max"])
        return round(low + (high - low) * (0.3 + 0.5 * progress) + rng.uniform(-0.05, 0.05), 2)
    t = float(target)
    if ind.polarity == "lower":
        return float(int(t * 0.8 * progress))                      # findings accumulate, staying under target
    if "penyerapan" in ind.text.lower():
        return round(min(100.0, t * progress * rng.uniform(0.92, 1.02)), 1)
    value = t * (0.9 + 0.12 * progress) * rng.uniform(0.995, 1.005)     # climbs to the target by October
    if ind.unit == "%":
        value = min(value, 100.0)
    return round(value, 1) if ind.unit in ("%", "poin", "nilai") else round(value, 0)


def realisation_doc(world: World, unit: Unit, period: Period) -> dict[str, Any] | None:
    """Monthly values 2026-01..2026-10 (2026) or one annual value (earlier periods)."""
    rng = world.rng
    entries: list[dict[str, Any]] = []
    all_goals = goals(unit)
    for _, _, inds in all_goals:
        for ind in inds:
            if period.id != "2026":
                if ind.target_text is not None:
                    entries.append({"indicator": ind.id, "reporting_period": period.id,
                                    "value_text": rng.choice(("A", "BB"))})
                else:
                    entries.append({"indicator": ind.id, "reporting_period": period.id,
                                    "value": number(realised(ind, 1.0, rng)),
                                    "evidence": [{"title": f"Laporan kinerja {unit.name} {period.id}",
                                                  "url": f"https://arsip.provinsi-contoh.go.id/{unit.id}/{period.id}/lkjip.pdf"}]})
                continue
            if ind.target_text is not None:
                continue                                          # announced once a year, after the period
            for m, month in enumerate(MONTHS_2026, start=1):
                entry: dict[str, Any] = {"indicator": ind.id, "reporting_period": month}
                if ind.text.lower().startswith("indeks kepuasan") and month == MONTHS_2026[-1]:
                    entry["not_available"] = NOT_AVAILABLE
                else:
                    entry["value"] = number(realised(ind, m / 12, rng))
                entries.append(entry)
    return {"unit": unit.id, "period": period.id, "entries": entries} if entries else None


def agreement_units(world: World) -> list[Unit]:
    return [u for u in world.org.units if u.agreement]


def all_documents(world: World) -> list[tuple[str, dict[str, Any]]]:
    """(path inside contracts/, data) for every agreement and agreement realisation."""
    out = []
    for unit in agreement_units(world):
        for period in PERIODS:
            out.append((f"units/{unit.id}/{period.id}/agreement.yaml", agreement_doc(world, unit, period)))
            doc = realisation_doc(world, unit, period)
            if doc is not None:
                out.append((f"units/{unit.id}/{period.id}/agreement-realisation.yaml", doc))
    return out

