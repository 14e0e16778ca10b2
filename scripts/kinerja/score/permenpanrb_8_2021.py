"""Scoring under PP 30/2019 and PermenPANRB 8/2021 — the 2021 performance management system.

Every function is pure: numbers in, a :class:`Figure` out. An individual performance indicator (IKI,
indikator kinerja individu) has an achievement (capaian IKI) from its target and realisation; the
achievement, rounded to a whole percent as the regulation's examples do, gives a value (nilai capaian
IKI) by band; weighted values (nilai tertimbang) add up to the main-performance value (nilai kinerja
utama), additional work (kinerja tambahan) adds at most 10, and the SKP value is their sum. The total
(nilai kinerja pegawai) weighs SKP and behaviour (perilaku kerja) 70/30, or 60/40 where peers and
subordinates rate behaviour.

Options read from :class:`~kinerja.score.explain.Options`:

``value_bands``
    the achievement-to-value bands, as mappings ``{"id", "min", "max", "from", "to"}`` on the whole
    achievement percent ``c``; the value is interpolated from ``from`` at ``min`` to ``to`` at ``max``
    (``max`` ``None`` for an open end, where the value is ``from``). Default: > 110 → 120; 101-110 →
    110-120 (unconfirmed band text); 100 → 109; 80-99 → 70-89; 60-79 → 50-69; 0-59 → 0-49.
``value_at_maximum_target``
    the value when the target is the maximum achievable and is met (default 120).
``predikat_bands``
    mappings ``{"id", "min", "new_idea"}``, best first; default Sangat Baik 110 and a recognised new
    idea, Baik 90, Cukup 70, Kurang 50, Sangat Kurang below (the last two unconfirmed in wording).
``periodic_without_indicators``
    what the periodic value is when no main indicator is measurable in the period: ``"action-plans"``
    (default: the mean of the action plans alone) or ``"error"`` (``K317``). Not in the regulation's
    text; an assumption of this project.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Sequence, Union

from kinerja.score.explain import D, Figure, Number, Options, Text, half_up
from kinerja.score.pp46 import Amount, Rating, ScoringInputError, amount, non_negative, target_amount

__all__ = [
    "SOURCE",
    "ScoringInputError",
    "Rating",
    "Range",
    "PREDIKAT_WORDS",
    "DEFAULT_VALUE_BANDS",
    "DEFAULT_PREDIKAT_BANDS",
    "ADDITIONAL_CAP",
    "achievement",
    "whole_percent",
    "achievement_value",
    "weighted_value",
    "main_value",
    "additional_value",
    "skp_value",
    "periodic_value",
    "total",
    "rating",
    "predikat",
]

SOURCE = "PP 30/2019; PermenPANRB 8/2021"
HUNDRED = Decimal(100)
ONE = Decimal(1)
ADDITIONAL_CAP = Decimal(10)
_NO_OPTIONS = Options()


@dataclass(frozen=True)
class Range:
    """A range target (target rentang), e.g. 80-90: ``low`` and ``high`` inclusive."""

    low: Number
    high: Number


Target = Union[Amount, Range]


# --------------------------------------------------------------------------------------------------
# Achievement (capaian IKI)
# --------------------------------------------------------------------------------------------------

def achievement(target: Target, realised: Amount, *, lower_is_better: bool = False) -> Figure:
    """Achievement of an indicator (capaian IKI), in percent.

    Higher is better (semakin tinggi semakin baik): ``R / T × 100%``. Lower is better (semakin rendah
    semakin baik): ``(1 + (1 − R / T)) × 100%``. A :class:`Range` target uses its upper bound when R is
    above it and its lower bound when R is below it (the polarity still applies); inside the range the
    achievement is 100%. Shown rounded half up to two places (92/90 → 102.22); a zero target raises
    :class:`ScoringInputError` ``K310``.
    """
    r = non_negative("R", realised)
    polarity = "lower-is-better" if lower_is_better else "higher-is-better"
    inputs: list[tuple[str, Any]] = []
    rule: Text | None = None
    if isinstance(target, Range):
        low, high = non_negative("T_bawah", target.low), non_negative("T_atas", target.high)
        if low > high:
            raise ScoringInputError("K314", low=low, high=high)
        inputs += [("T_bawah", low), ("T_atas", high)]
        if low <= r <= high:
            return Figure(
                key="capaian_iki",
                label=Text("Capaian IKI", "Indicator achievement (capaian IKI)"),
                value=HUNDRED,
                formula=Text("R dalam rentang target → 100%", "R within the target range → 100%"),
                inputs=tuple(inputs) + (("R", r), ("polaritas", polarity)),
                rule=Text("dalam rentang", "within the range"),
                source=SOURCE,
            )
        if r > high:
            t = target_amount("T_atas", high)
            rule = Text("R di atas rentang: T = batas atas", "R above the range: T = upper bound")
        else:
            t = target_amount("T_bawah", low)
            rule = Text("R di bawah rentang: T = batas bawah", "R below the range: T = lower bound")
    else:
        t = target_amount("T", target)
    inputs += [("T", t), ("R", r), ("polaritas", polarity)]
    if lower_is_better:
        value = (2 * t - r) * HUNDRED / t
        formula = Text("(1 + (1 − R / T)) × 100%", "(1 + (1 − R / T)) × 100%")
    else:
        value = r * HUNDRED / t
        formula = Text("R / T × 100%", "R / T × 100%")
    return Figure(
        key="capaian_iki",
        label=Text("Capaian IKI", "Indicator achievement (capaian IKI)"),
        value=value,
        formula=formula,
        inputs=tuple(inputs),
        rounded=_two_places(value),
        rule=rule,
        source=SOURCE,
    )


def whole_percent(achieved: Amount) -> Figure:
    """The achievement rounded half up to a whole percent (``c``), as the regulation's tables print it
    (97.89% → 98%) before the value bands are applied."""
    raw = amount("capaian_iki", achieved)
    return Figure(
        key="capaian_bulat",
        label=Text("Capaian IKI dibulatkan", "Achievement to a whole percent"),
        value=raw,
        formula=Text("capaian dibulatkan ke persen bulat (setengah ke atas)",
                     "achievement rounded half up to a whole percent"),
        inputs=(("capaian_iki", achieved),),
        rounded=half_up(raw, ONE),
        source=SOURCE,
    )


# --------------------------------------------------------------------------------------------------
# Value from achievement (nilai capaian IKI)
# --------------------------------------------------------------------------------------------------

PREDIKAT_WORDS: Mapping[str, Text] = {
    "sangat-baik": Text("Sangat Baik", "Very Good"),
    "baik": Text("Baik", "Good"),
    "cukup": Text("Cukup", "Fair"),
    "kurang": Text("Kurang", "Poor"),
    "sangat-kurang": Text("Sangat Kurang", "Very Poor"),
}

#: Achievement (whole percent ``c``) to value; option ``value_bands``.
DEFAULT_VALUE_BANDS: tuple[Mapping[str, Any], ...] = (
    {"id": "sangat-baik", "min": 111, "max": None, "from": 120, "to": 120},
    {"id": "sangat-baik", "min": 101, "max": 110, "from": 110, "to": 120},
    {"id": "baik", "min": 100, "max": 100, "from": 109, "to": 109},
    {"id": "cukup", "min": 80, "max": 99, "from": 70, "to": 89},
    {"id": "kurang", "min": 60, "max": 79, "from": 50, "to": 69},
    {"id": "sangat-kurang", "min": 0, "max": 59, "from": 0, "to": 49},
)


@dataclass(frozen=True)
class _ValueBand:
    id: str
    low: Decimal
    high: Decimal | None
    start: Decimal
    end: Decimal

    def holds(self, c: Decimal) -> bool:
        return c >= self.low and (self.high is None or c <= self.high)

    def value(self, c: Decimal) -> Decimal:
        if self.high is None or self.high == self.low or self.start == self.end:
            return self.start
        return self.start + (self.end - self.start) * (c - self.low) / (self.high - self.low)

    def formula(self) -> str:
        if self.high is None or self.high == self.low or self.start == self.end:
            return f"{self.start}"
        if self.low == 0 and self.start == 0:
            return f"c / {self.high} × {self.end}"
        return (f"{self.start} + ({self.end} − {self.start}) / ({self.high} − {self.low})"
                f" × (c − {self.low})")

    def describe(self) -> str:
        if self.high is None:
            return f"c ≥ {self.low}%"
        if self.high == self.low:
            return f"c = {self.low}%"
        return f"{self.low}% ≤ c ≤ {self.high}%"

    def as_data(self) -> dict[str, Any]:
        return {"id": self.id, "min": self.low, "max": self.high, "from": self.start, "to": self.end}


def _value_bands(options: Options) -> tuple[_ValueBand, ...]:
    bands = []
    for item in options.get("value_bands", DEFAULT_VALUE_BANDS):
        if not isinstance(item, Mapping):
            raise ScoringInputError("K315", option="value_bands", detail=f"{item!r} is not a mapping")
        if item.get("id") not in PREDIKAT_WORDS:
            raise ScoringInputError("K315", option="value_bands", detail=f"unknown id {item.get('id')!r}")
        try:
            high = item.get("max")
            bands.append(_ValueBand(item["id"], D(item["min"]), None if high is None else D(high),
                                    D(item["from"]), D(item["to"])))
        except (KeyError, TypeError, ArithmeticError) as exc:
            raise ScoringInputError("K315", option="value_bands", detail=repr(item)) from exc
    return tuple(bands)


def achievement_value(
    achieved: Amount,
    *,
    target_is_maximum: bool = False,
    options: Options = _NO_OPTIONS,
) -> Figure:
    """Value of an indicator's achievement (nilai capaian IKI), 0-120.

    ``achieved`` is an :func:`achievement` figure (or a percent). It is first rounded half up to a whole
    percent ``c`` (:func:`whole_percent`); then the band holding ``c`` gives the value: > 110 → 120;
    101-110 → ``110 + (120 − 110) / (110 − 101) × (c − 101)``; 100 → 109, or 120 when the target is the
    maximum achievable (``target_is_maximum``, option ``value_at_maximum_target``);
    80-99 → ``70 + (89 − 70) / (99 − 80) × (c − 80)``; 60-79 → ``50 + (69 − 50) / (79 − 60) × (c − 60)``;
    0-59 → ``c / 59 × 49``. A negative achievement (lower-is-better, R above twice the target) counts as 0%.
    Shown rounded half up to two places when the value has more.
    """
    c_figure = whole_percent(achieved)
    c = c_figure.shown
    notes: list[Text] = []
    if c < 0:
        c = Decimal(0)
        notes.append(Text("capaian negatif dihitung 0%", "a negative achievement counts as 0%"))
    maximum = D(options.get("value_at_maximum_target", 120))
    inputs: tuple[tuple[str, Any], ...] = (("c", c_figure), ("target_maksimal", target_is_maximum))
    if target_is_maximum and c >= HUNDRED:
        value = maximum
        formula = Text(f"{maximum}", f"{maximum}")
        rule = Text("target adalah nilai maksimal yang dapat dicapai dan tercapai",
                    "the target is the maximum achievable and was met")
        inputs += (("option:value_at_maximum_target", maximum),)
    else:
        band = next((b for b in _value_bands(options) if b.holds(c)), None)
        if band is None:
            raise ScoringInputError("K315", option="value_bands", detail=f"no band holds c = {c}")
        value = band.value(c)
        formula = Text(band.formula(), band.formula())
        word = PREDIKAT_WORDS[band.id]
        rule = Text(f"{band.describe()}: {word.id}", f"{band.describe()}: {word.en} ({word.id})")
        inputs += (("option:value_band", band.as_data()),)
    if notes:
        rule = Text("; ".join([rule.id] + [n.id for n in notes]), "; ".join([rule.en] + [n.en for n in notes]))
    return Figure(
        key="nilai_capaian_iki",
        label=Text("Nilai capaian IKI", "Value of the achievement (nilai capaian IKI)"),
        value=value,
        formula=formula,
        inputs=inputs,
        rounded=_two_places(value),
        rule=rule,
        source=SOURCE + " (rentang 101-110%: teks belum terkonfirmasi)",
    )


# --------------------------------------------------------------------------------------------------
# SKP value (nilai SKP), periodic value, total
# --------------------------------------------------------------------------------------------------

def weighted_value(value: Amount, weight_percent: Amount) -> Figure:
    """Weighted value (nilai tertimbang): ``value × weight / 100`` (109 × 40% = 43.6)."""
    v, w = amount("nilai", value), non_negative("bobot", weight_percent)
    if w > HUNDRED:
        raise ScoringInputError("K312", field="bobot", value=w, bound="0-100")
    result = v * w / HUNDRED
    return Figure(
        key="nilai_tertimbang",
        label=Text("Nilai tertimbang", "Weighted value (nilai tertimbang)"),
        value=result,
        formula=Text("nilai × bobot", "value × weight"),
        inputs=(("nilai", value), ("bobot_persen", w)),
        rounded=_two_places(result),
        source=SOURCE,
    )


def main_value(weighted: Sequence[Amount]) -> Figure:
    """Main-performance value (nilai kinerja utama, KU): the total of the weighted values."""
    if not weighted:
        raise ScoringInputError("K317", field="kinerja_utama")
    parts = tuple((f"kinerja_utama_{i}", item) for i, item in enumerate(weighted, start=1))
    value = sum((amount(n, v) for n, v in parts), Decimal(0))
    return Figure(
        key="nilai_kinerja_utama",
        label=Text("Nilai kinerja utama", "Main-performance value (kinerja utama)"),
        value=value,
        formula=Text("jumlah nilai tertimbang kinerja utama", "sum of the weighted main-performance values"),
        inputs=parts,
        rounded=_two_places(value),
        source=SOURCE,
    )


def additional_value(weighted: Sequence[Amount] = ()) -> Figure:
    """Additional-work value (nilai kinerja tambahan, KT): the total of its weighted values, at most 10."""
    parts = tuple((f"kinerja_tambahan_{i}", item) for i, item in enumerate(weighted, start=1))
    summed = sum((non_negative(n, v) for n, v in parts), Decimal(0))
    capped = summed > ADDITIONAL_CAP
    value = ADDITIONAL_CAP if capped else summed
    return Figure(
        key="nilai_kinerja_tambahan",
        label=Text("Nilai kinerja tambahan", "Additional-work value (kinerja tambahan)"),
        value=value,
        formula=Text("min(jumlah nilai tertimbang kinerja tambahan, 10)",
                     "min(sum of the weighted additional-work values, 10)"),
        inputs=parts + (("jumlah", summed),),
        rounded=_two_places(value),
        rule=Text("melebihi 10: dikonversi menjadi 10", "above 10: converted to 10") if capped else None,
        source=SOURCE,
    )


def skp_value(main: Sequence[Amount], additional: Sequence[Amount] = ()) -> Figure:
    """SKP value (nilai SKP) = main-performance value + additional-work value (KU + KT);
    ``(59.2 + 43.6) + 0 = 102.8``."""
    ku, kt = main_value(main), additional_value(additional)
    value = ku.value + kt.value
    return Figure(
        key="nilai_skp",
        label=Text("Nilai SKP", "SKP value (nilai SKP)"),
        value=value,
        formula=Text("nilai kinerja utama + nilai kinerja tambahan", "main-performance value + additional-work value"),
        inputs=(("kinerja_utama", ku), ("kinerja_tambahan", kt)),
        rounded=_two_places(value),
        source=SOURCE,
    )


def periodic_value(
    action_plans: Sequence[Amount],
    indicators: Sequence[Amount],
    options: Options = _NO_OPTIONS,
) -> Figure:
    """Periodic value (nilai SKP periodik) = (mean of the action-plan values + mean of the values of the
    main indicators measurable in the period) / 2.

    With no measurable indicator the option ``periodic_without_indicators`` decides (default
    ``"action-plans"``: the mean of the action plans alone).
    """
    mode = options.get("periodic_without_indicators", "action-plans")
    if mode not in ("action-plans", "error"):
        raise ScoringInputError("K315", option="periodic_without_indicators", detail=f"'{mode}' (action-plans, error)")
    plans = _mean("rencana_aksi", Text("Rata-rata nilai rencana aksi", "Mean of the action-plan values"), action_plans)
    if not indicators and mode == "action-plans":
        return Figure(
            key="nilai_skp_periodik",
            label=Text("Nilai SKP periodik", "Periodic SKP value"),
            value=plans.value,
            formula=Text("rata-rata nilai rencana aksi", "mean of the action-plan values"),
            inputs=(("rencana_aksi", plans), ("option:periodic_without_indicators", mode)),
            rounded=_two_places(plans.value),
            rule=Text("tidak ada IKI yang terukur pada periode ini", "no indicator measurable in the period"),
            source=SOURCE + " (tanpa IKI terukur: asumsi proyek)",
        )
    measured = _mean("iki", Text("Rata-rata nilai IKI terukur", "Mean of the measurable indicators"), indicators)
    value = (plans.value + measured.value) / 2
    return Figure(
        key="nilai_skp_periodik",
        label=Text("Nilai SKP periodik", "Periodic SKP value"),
        value=value,
        formula=Text("(rata-rata rencana aksi + rata-rata IKI terukur) / 2",
                     "(mean of the action plans + mean of the measurable indicators) / 2"),
        inputs=(("rencana_aksi", plans), ("iki", measured)),
        rounded=_two_places(value),
        source=SOURCE,
    )


def _mean(field: str, label: Text, items: Sequence[Amount]) -> Figure:
    if not items:
        raise ScoringInputError("K317", field=field)
    parts = tuple((f"{field}_{i}", item) for i, item in enumerate(items, start=1))
    value = sum((amount(n, v) for n, v in parts), Decimal(0)) / len(parts)
    return Figure(
        key=f"rata_rata_{field}",
        label=label,
        value=value,
        formula=Text(f"jumlah / {len(parts)}", f"sum / {len(parts)}"),
        inputs=parts,
        rounded=_two_places(value),
        source=SOURCE,
    )


_PEER_RULE = Text("perilaku dinilai rekan dan bawahan: 60/40", "behaviour rated by peers and subordinates: 60/40")
_SUPERIOR_RULE = Text("perilaku dinilai atasan: 70/30", "behaviour rated by the superior: 70/30")


def total(skp: Amount, behaviour: Amount, *, peers_rate_behaviour: bool = False) -> Figure:
    """Employee performance value (nilai kinerja pegawai): ``70% × SKP + 30% × behaviour``, or 60/40 when
    peers and subordinates rate behaviour (penilaian perilaku 360°)."""
    s, b = amount("nilai_skp", skp), amount("perilaku", behaviour)
    w_skp, w_beh = (60, 40) if peers_rate_behaviour else (70, 30)
    value = s * w_skp / HUNDRED + b * w_beh / HUNDRED
    return Figure(
        key="nilai_kinerja",
        label=Text("Nilai kinerja pegawai", "Employee performance value (nilai kinerja pegawai)"),
        value=value,
        formula=Text(f"{w_skp}% × nilai SKP + {w_beh}% × nilai perilaku kerja",
                     f"{w_skp}% × SKP value + {w_beh}% × behaviour value"),
        inputs=(("nilai_skp", skp), ("perilaku", behaviour), ("penilaian_rekan_dan_bawahan", peers_rate_behaviour)),
        rounded=_two_places(value),
        rule=_PEER_RULE if peers_rate_behaviour else _SUPERIOR_RULE,
        source=SOURCE,
    )


# --------------------------------------------------------------------------------------------------
# Rating word (predikat)
# --------------------------------------------------------------------------------------------------

#: Predikat bands, best first; option ``predikat_bands``.
DEFAULT_PREDIKAT_BANDS: tuple[Mapping[str, Any], ...] = (
    {"id": "sangat-baik", "min": 110, "new_idea": True},
    {"id": "baik", "min": 90},
    {"id": "cukup", "min": 70},
    {"id": "kurang", "min": 50},
    {"id": "sangat-kurang", "min": None},
)


def rating(score: Amount, *, new_idea: bool = False, options: Options = _NO_OPTIONS) -> Rating:
    """The predikat for a performance value (the published value: a figure's ``shown``).

    Sangat Baik needs 110-120 **and** a recognised new idea (ide baru); otherwise Baik from 90, Cukup
    70 to below 90, Kurang 50 to below 70, Sangat Kurang below 50. Each band runs from its minimum up to
    the next band's minimum.
    """
    published = score.shown if isinstance(score, Figure) else amount("nilai", score)
    chosen: Mapping[str, Any] | None = None
    for band in options.get("predikat_bands", DEFAULT_PREDIKAT_BANDS):
        if not isinstance(band, Mapping):
            raise ScoringInputError("K315", option="predikat_bands", detail=f"{band!r} is not a mapping")
        if band.get("id") not in PREDIKAT_WORDS:
            raise ScoringInputError("K315", option="predikat_bands", detail=f"unknown id {band.get('id')!r}")
        low = band.get("min")
        if (low is None or published >= D(low)) and (new_idea or not band.get("new_idea", False)):
            chosen = band
            break
    if chosen is None:
        raise ScoringInputError("K315", option="predikat_bands", detail=f"no band holds {published}")
    word = PREDIKAT_WORDS[chosen["id"]]
    low = chosen.get("min")
    edge = "terendah" if low is None else f"≥ {low}"
    edge_en = "lowest" if low is None else f"≥ {low}"
    idea = chosen.get("new_idea", False)
    figure = Figure(
        key="predikat",
        label=Text("Predikat kinerja pegawai", "Rating (predikat)"),
        value=published,
        formula=Text("predikat menurut rentang nilai; Sangat Baik hanya dengan ide baru",
                     "rating by score band; Sangat Baik only with a new idea"),
        inputs=(("nilai", score), ("ide_baru", new_idea), ("option:predikat_band", dict(chosen))),
        rule=Text(f"{word.id} ({edge}{' dan ide baru' if idea else ''})",
                  f"{word.en} — {word.id} ({edge_en}{' and a new idea' if idea else ''})"),
        source=SOURCE + " (sebutan Kurang dan Sangat Kurang belum terkonfirmasi)",
        word=Text(f"{word.id} (nilai {half_up(published)})", f"{word.en} ({word.id}; score {half_up(published)})"),
    )
    return Rating(id=str(chosen["id"]), word=word, figure=figure)


def predikat(score: Amount, *, new_idea: bool = False, options: Options = _NO_OPTIONS) -> Figure:
    """The predikat as a figure (the word in ``rule``); :func:`rating` also gives the id and word."""
    return rating(score, new_idea=new_idea, options=options).figure


def _two_places(value: Decimal) -> Decimal | None:
    """Rounded half up to two places, only when the raw value has more places than that."""
    rounded = half_up(value)
    return None if rounded == value else rounded
