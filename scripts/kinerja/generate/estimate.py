"""Just enough of the two numeric regimes to aim each employee at the intended predikat.

The generator first writes realisations from a performance profile, computes the SKP value here, and
then chooses the behaviour mean that lands the total in the middle of the intended band. The real
scorer (:mod:`kinerja.score`) is the judge: ``kinerja score`` must agree with the plan.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

#: Where to aim the total inside each predikat band, kept clear of the edges: PP 46/2011 (≥91, 76-90,
#: 61-75, 51-60, ≤50) and PermenPANRB 8/2021 (≥110 with a new idea, ≥90, ≥70, ≥50, <50).
PP46_AIM = {"sangat-baik": (92.0, 97.0), "baik": (78.0, 89.0), "cukup": (63.0, 74.0), "kurang": (52.5, 59.5),
            "buruk": (40.0, 49.0)}
PM8_AIM = {"sangat-baik": (111.5, 117.0), "baik": (92.0, 108.0), "cukup": (73.0, 87.0), "kurang": (53.0, 67.0),
           "sangat-kurang": (36.0, 47.0)}
#: PermenPANRB 8/2021: an accepted appeal moves the total from just under 90 to just over it.
PM8_APPEAL_BEFORE, PM8_APPEAL_AFTER = 87.6, 92.4


def pp46_time(target: float, realised: float) -> float:
    """Time (or cost) aspect: 76 on target; up to 100 at 24% saving; penalised beyond."""
    efficiency = 100 - realised / target * 100
    base = (1.76 * target - realised) / target * 100
    return base if efficiency <= 24 else 76 - (base - 100)


def pp46_activity(qty: tuple[float, float], quality: tuple[float, float], time: tuple[float, float],
                  cost: tuple[float, float] | None = None) -> float:
    parts = [qty[1] / qty[0] * 100, quality[1] / quality[0] * 100, pp46_time(*time)]
    if cost is not None:
        parts.append(pp46_time(*cost))
    return sum(parts) / len(parts)


def pp46_extra_points(count: int) -> int:
    return 0 if count == 0 else 1 if count <= 3 else 2 if count <= 6 else 3


CREATIVITY_POINTS = {"unit": 3, "organisation": 6, "national": 12}


def aim(table: dict[str, tuple[float, float]], predikat: str, rng: Any) -> float:
    low, high = table[predikat]
    return round(rng.uniform(low, high), 1)


def pp46_behaviour_mean(skp: float, target_total: float) -> float:
    """The behaviour mean that puts ``0.6 × SKP + 0.4 × behaviour`` at ``target_total`` (0-100)."""
    return min(100.0, max(0.0, (target_total - 0.6 * skp) / 0.4))


def achievement(target: Any, realised: float, polarity: str) -> float:
    """Indicator achievement in percent (range targets use the nearer bound)."""
    if isinstance(target, dict):
        low, high = float(target["min"]), float(target["max"])
        if low <= realised <= high:
            return 100.0
        t = high if realised > high else low
    else:
        t = float(target)
    return (2 * t - realised) * 100 / t if polarity == "lower" else realised * 100 / t


def pm8_value(percent: float, maximum: bool = False) -> float:
    c = float(Decimal(str(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    c = max(c, 0.0)
    if maximum and c >= 100:
        return 120.0
    if c >= 111:
        return 120.0
    if c >= 101:
        return 110 + (120 - 110) / (110 - 101) * (c - 101)
    if c >= 100:
        return 109.0
    if c >= 80:
        return 70 + (89 - 70) / (99 - 80) * (c - 80)
    if c >= 60:
        return 50 + (69 - 50) / (79 - 60) * (c - 60)
    return c / 59 * 49


def pm8_weights(raters: str) -> tuple[float, float]:
    return (0.6, 0.4) if raters == "360" else (0.7, 0.3)


def pm8_behaviour_mean(skp: float, aim: float, raters: str) -> float:
    """The behaviour mean that puts the total at ``aim`` (0-120)."""
    w_skp, w_beh = pm8_weights(raters)
    return min(120.0, max(0.0, (aim - w_skp * skp) / w_beh))


def spread(mean: float, count: int, rng: Any, low: int = 0, high: int = 100) -> list[int]:
    """``count`` whole numbers between ``low`` and ``high`` whose mean is within 0.5 of ``mean``."""
    centre = int(round(mean))
    values = [centre + rng.choice((-3, -2, -1, 0, 1, 2, 3)) for _ in range(count)]
    values = [min(high, max(low, v)) for v in values]
    # Pull the sum back to count × mean, one step at a time (bounded: at most 3 × count steps).
    goal = int(round(mean * count))
    i = 0
    while sum(values) != goal and i < 8 * count:
        j = i % count
        if sum(values) > goal and values[j] > low:
            values[j] -= 1
        elif sum(values) < goal and values[j] < high:
            values[j] += 1
        i += 1
    return values
