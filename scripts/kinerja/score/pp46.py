"""Scoring under PP 46/2011 and Perka BKN 1/2013 — work performance (penilaian prestasi kerja PNS).

The regime for periods from 2014 to 2021. Every function is pure: numbers in, a :class:`Figure` out,
nothing read or written. Each SKP activity (kegiatan tugas jabatan) is scored on quantity (kuantitas),
quality (kualitas), time (waktu) and, when it has a budget, cost (biaya); the SKP value adds extra-task
(tugas tambahan) and creativity (kreativitas) points; the total weighs SKP 60% and behaviour (perilaku
kerja) 40%; the rating word (predikat) comes from bands.

Options read from :class:`~kinerja.score.explain.Options` (docs/regulations.md marks them *unconfirmed*):

``creativity_points``
    points per level of benefit; default ``{"unit-kerja": 3, "organisasi": 6, "negara": 12}``.
``leadership``
    when kepemimpinan counts in behaviour: ``"structural"`` (default: for structural posts only, and
    then it is required) or ``"when-given"`` (whenever a value is given).
``predikat_bands``
    the bands, best first, as mappings ``{"id", "min", "max"}`` (``None`` for an open end); default
    >= 91 Sangat Baik, 76-90 Baik, 61-75 Cukup, 51-60 Kurang, <= 50 Buruk.
``band_semantics``
    how a score between two bands (90.5) is placed: ``"lower-bound"`` (default: a band runs from its
    minimum up to the next band's minimum, so 90.5 is Baik), ``"upper-bound"`` (a band runs down to the
    previous band's maximum, so 90.5 is Sangat Baik) or ``"round"`` (round half up to a whole number
    first).
``total_from``
    ``"printed"`` (default: the total from the SKP and behaviour values as printed, two places) or
    ``"raw"`` (from the unrounded values).

This module also holds what the three regime modules share: :class:`ScoringInputError` (with its
stable ``K3xx`` codes in :data:`SCORING_ERRORS`) and :class:`Rating`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Sequence, Union

from kinerja.score.explain import D, Figure, Number, Options, Text, half_up

__all__ = [
    "SOURCE",
    "SCORING_ERRORS",
    "ScoringInputError",
    "Rating",
    "Amount",
    "BEHAVIOUR_ASPECTS",
    "PREDIKAT_WORDS",
    "DEFAULT_CREATIVITY_POINTS",
    "DEFAULT_PREDIKAT_BANDS",
    "BAND_SEMANTICS",
    "TOTAL_FROM",
    "aspect_quantity",
    "aspect_quality",
    "aspect_time",
    "aspect_cost",
    "activity",
    "extra_task_points",
    "creativity_points",
    "skp_value",
    "behaviour",
    "total",
    "rating",
    "predikat",
]

SOURCE = "PP 46/2011; Perka BKN 1/2013"

#: A number, or a figure whose ``value`` is used.
Amount = Union[Figure, Number]

# --------------------------------------------------------------------------------------------------
# Shared by the three regime modules
# --------------------------------------------------------------------------------------------------

#: Stable codes of the scoring-input errors: code -> (name, message template with ``{placeholders}``).
SCORING_ERRORS: Mapping[str, tuple[str, Text]] = {
    "K310": ("zero-target", Text(
        "Target '{field}' bernilai nol; nilainya tidak dapat dihitung (pembagian dengan nol).",
        "The target '{field}' is zero; the value cannot be computed (division by zero).")),
    "K311": ("negative-value", Text(
        "'{field}' bernilai negatif ({value}).",
        "'{field}' is negative ({value}).")),
    "K312": ("out-of-range", Text(
        "'{field}' bernilai {value}, di luar batas ({bound}).",
        "'{field}' is {value}, outside the bounds ({bound}).")),
    "K313": ("unknown-id", Text(
        "'{field}' berisi '{value}' yang tidak dikenal; pilihan: {allowed}.",
        "'{field}' holds '{value}', which is not known; choose one of: {allowed}.")),
    "K314": ("reversed-range", Text(
        "Rentang target terbalik: batas bawah {low} lebih besar dari batas atas {high}.",
        "The target range is reversed: the lower bound {low} is greater than the upper bound {high}.")),
    "K315": ("bad-scoring-option", Text(
        "Opsi penilaian '{option}' tidak sah: {detail}.",
        "The scoring option '{option}' is invalid: {detail}.")),
    "K317": ("nothing-to-average", Text(
        "'{field}' kosong: tidak ada nilai untuk dihitung.",
        "'{field}' is empty: there is nothing to compute from.")),
    "K318": ("missing-input", Text(
        "'{field}' wajib ada untuk perhitungan ini.",
        "'{field}' is required for this calculation.")),
}


class ScoringInputError(ValueError):
    """Raised by a scoring function when an input leaves a formula undefined (a zero target, an unknown
    rating id, a bad option); ``code`` is a stable ``K3xx`` code from :data:`SCORING_ERRORS` and
    ``params`` fill its message, so the caller can turn it into a validation problem."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        template = SCORING_ERRORS[code][1]
        shown = {k: _show(v) for k, v in params.items()}
        self.message = Text(template.id.format(**shown), template.en.format(**shown))
        super().__init__(f"{code}: {self.message.en}")


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Rating:
    """A rating (predikat, or an expectation rating) with its stable ``id``, its display ``word`` in both
    languages and the :class:`Figure` that explains it."""

    id: str
    word: Text
    figure: Figure


def amount(name: str, value: Amount) -> Decimal:
    """The number behind ``value`` (a figure gives its raw ``value``); refuses NaN and infinities."""
    number = value.value if isinstance(value, Figure) else D(value)
    if not number.is_finite():
        raise ScoringInputError("K312", field=name, value=number, bound="finite number")
    return number


def non_negative(name: str, value: Amount) -> Decimal:
    """The number behind ``value``, which must not be negative (:data:`K311 <SCORING_ERRORS>`)."""
    number = amount(name, value)
    if number < 0:
        raise ScoringInputError("K311", field=name, value=number)
    return number


def target_amount(name: str, value: Amount) -> Decimal:
    """A target (target): positive, since it divides (``K310`` when zero)."""
    number = non_negative(name, value)
    if number == 0:
        raise ScoringInputError("K310", field=name)
    return number


# --------------------------------------------------------------------------------------------------
# Aspects of an activity (aspek kegiatan)
# --------------------------------------------------------------------------------------------------

HUNDRED = Decimal(100)
FACTOR = Decimal("1.76")
EFFICIENCY_LIMIT = Decimal(24)
ON_TARGET = Decimal(76)


def aspect_quantity(target: Amount, realised: Amount) -> Figure:
    """Quantity aspect (aspek kuantitas): ``RO / TO × 100``."""
    to, ro = target_amount("TO", target), non_negative("RO", realised)
    return Figure(
        key="kuantitas",
        label=Text("Aspek kuantitas", "Quantity aspect (kuantitas)"),
        value=ro * HUNDRED / to,
        formula=Text("RO / TO × 100", "RO / TO × 100"),
        inputs=(("TO", to), ("RO", ro)),
        source=SOURCE,
    )


def aspect_quality(target: Amount, realised: Amount) -> Figure:
    """Quality aspect (aspek kualitas): ``RK / TK × 100``; both on the 0-100 scale."""
    tk, rk = target_amount("TK", target), non_negative("RK", realised)
    for name, number in (("TK", tk), ("RK", rk)):
        if number > HUNDRED:
            raise ScoringInputError("K312", field=name, value=number, bound="0-100")
    return Figure(
        key="kualitas",
        label=Text("Aspek kualitas", "Quality aspect (kualitas)"),
        value=rk * HUNDRED / tk,
        formula=Text("RK / TK × 100", "RK / TK × 100"),
        inputs=(("TK", tk), ("RK", rk)),
        source=SOURCE,
    )


def aspect_time(target: Amount, realised: Amount) -> Figure:
    """Time aspect (aspek waktu) from TW/RW, usually months, with the efficiency branches.

    Efficiency (efisiensi) ``= 100 − RW / TW × 100``. Up to and including 24%:
    ``((1.76 × TW − RW) / TW) × 100`` (on time scores 76, 24% saving the maximum 100); above 24%:
    ``76 − ((((1.76 × TW − RW) / TW) × 100) − 100)`` (25% saving scores 75).
    """
    return _efficiency_aspect("waktu", Text("waktu", "time"), "TW", "RW", target, realised)


def aspect_cost(target: Amount, realised: Amount) -> Figure:
    """Cost aspect (aspek biaya) from TB/RB in rupiah; the same branches as :func:`aspect_time`."""
    return _efficiency_aspect("biaya", Text("biaya", "cost"), "TB", "RB", target, realised)


def _efficiency_aspect(key: str, word: Text, t_name: str, r_name: str, target: Amount, realised: Amount) -> Figure:
    t, r = target_amount(t_name, target), non_negative(r_name, realised)
    efficiency = Figure(
        key=f"efisiensi_{key}",
        label=Text(f"Tingkat efisiensi {word.id}", f"Efficiency of {word.en} (efisiensi)"),
        value=HUNDRED - r * HUNDRED / t,
        formula=Text(f"100 − {r_name} / {t_name} × 100", f"100 − {r_name} / {t_name} × 100"),
        inputs=((t_name, t), (r_name, r)),
        source=SOURCE,
    )
    first = (FACTOR * t - r) * HUNDRED / t
    inner_id = f"((1,76 × {t_name} − {r_name}) / {t_name}) × 100"
    inner_en = f"((1.76 × {t_name} − {r_name}) / {t_name}) × 100"
    if efficiency.value <= EFFICIENCY_LIMIT:
        value, formula = first, Text(inner_id, inner_en)
        rule = Text("efisiensi ≤ 24%: cabang pertama", "efficiency ≤ 24%: first branch")
    else:
        value = ON_TARGET - (first - HUNDRED)
        formula = Text(f"76 − (({inner_id}) − 100)", f"76 − (({inner_en}) − 100)")
        rule = Text("efisiensi > 24%: penghematan berlebih dikurangi", "efficiency > 24%: excess saving is penalised")
    return Figure(
        key=key,
        label=Text(f"Aspek {word.id}", f"{word.en.capitalize()} aspect ({word.id})"),
        value=value,
        formula=formula,
        inputs=((t_name, t), (r_name, r), ("efisiensi", efficiency)),
        rule=rule,
        source=SOURCE,
    )


# --------------------------------------------------------------------------------------------------
# Activity (kegiatan tugas jabatan) and SKP value (nilai capaian SKP)
# --------------------------------------------------------------------------------------------------

Pair = tuple[Amount, Amount]
_ASPECT_EN = {"kuantitas": "quantity", "kualitas": "quality", "waktu": "time", "biaya": "cost"}


def activity(
    quantity: Pair,
    quality: Pair,
    time: Pair,
    cost: Pair | None = None,
    *,
    name: str = "",
) -> Figure:
    """Achievement of one SKP activity (nilai capaian kegiatan tugas jabatan).

    Each aspect is a ``(target, realised)`` pair: ``quantity=(TO, RO)``, ``quality=(TK, RK)``,
    ``time=(TW, RW)``, ``cost=(TB, RB)``. The value is the mean of the aspects, divided by 4 only when
    a cost target exists (``cost`` given with TB > 0; ``(0, 0)`` means no budget), else by 3. An
    activity not carried out (RO = 0) scores 0 and still counts in the SKP mean. Rounded half up to two
    places, as the Perka's examples print (85.50).
    """
    label = Text(f"Nilai capaian kegiatan {name}".strip(), f"Activity achievement {name}".strip())
    to, ro = target_amount("TO", quantity[0]), non_negative("RO", quantity[1])
    if ro == 0:
        return Figure(
            key="kegiatan",
            label=label,
            value=Decimal(0),
            formula=Text("kegiatan tidak dilaksanakan (RO = 0) → 0", "activity not carried out (RO = 0) → 0"),
            inputs=(("TO", to), ("RO", ro)),
            rounded=half_up(Decimal(0)),
            rule=Text("tidak dilaksanakan: nilai 0, tetap dihitung dalam rata-rata",
                      "not carried out: scores 0 and still counts in the mean"),
            source=SOURCE,
        )
    aspects = [aspect_quantity(to, ro), aspect_quality(*quality), aspect_time(*time)]
    budget = _cost_target(cost)
    if budget is not None:
        aspects.append(aspect_cost(*budget))
    names_id = " + ".join(a.key for a in aspects)
    names_en = " + ".join(_ASPECT_EN[a.key] for a in aspects)
    summed = Figure(
        key="jumlah",
        label=Text("Jumlah nilai aspek", "Sum of the aspects"),
        value=sum((a.value for a in aspects), Decimal(0)),
        formula=Text(names_id, names_en),
        inputs=tuple((a.key, a) for a in aspects),
        source=SOURCE,
    )
    divisor = len(aspects)
    value = summed.value / divisor
    return Figure(
        key="kegiatan",
        label=label,
        value=value,
        formula=Text(f"jumlah / {divisor}", f"sum / {divisor}"),
        inputs=(("jumlah", summed), ("pembagi", divisor)),
        rounded=half_up(value),
        rule=Text("ada target biaya: dibagi 4" if divisor == 4 else "tanpa target biaya: dibagi 3",
                  "a cost target exists: divided by 4" if divisor == 4 else "no cost target: divided by 3"),
        source=SOURCE,
    )


def _cost_target(cost: Pair | None) -> Pair | None:
    """The cost pair when a cost target exists; ``None`` for no budget (``None`` or TB = RB = 0)."""
    if cost is None:
        return None
    tb, rb = non_negative("TB", cost[0]), non_negative("RB", cost[1])
    if tb == 0 and rb != 0:
        raise ScoringInputError("K310", field="TB")
    return (tb, rb) if tb > 0 else None


def extra_task_points(count: int) -> Figure:
    """Extra-task points (tugas tambahan): 1-3 tasks 1 point, 4-6 tasks 2 points, 7 or more 3 points."""
    if count < 0:
        raise ScoringInputError("K311", field="tugas_tambahan", value=count)
    points = 0 if count == 0 else 1 if count <= 3 else 2 if count <= 6 else 3
    band = {0: ("tidak ada", "none"), 1: ("1-3 tugas", "1-3 tasks"), 2: ("4-6 tugas", "4-6 tasks"),
            3: ("7 tugas atau lebih", "7 tasks or more")}[points]
    return Figure(
        key="tugas_tambahan",
        label=Text("Nilai tugas tambahan", "Extra-task points (tugas tambahan)"),
        value=Decimal(points),
        formula=Text("1-3 tugas: 1; 4-6 tugas: 2; 7 atau lebih: 3", "1-3 tasks: 1; 4-6 tasks: 2; 7 or more: 3"),
        inputs=(("jumlah_tugas", count),),
        rule=Text(f"{band[0]} → {points}", f"{band[1]} → {points}"),
        source=SOURCE,
    )


#: Creativity points by level of benefit (kreativitas); unconfirmed, option ``creativity_points``.
DEFAULT_CREATIVITY_POINTS: Mapping[str, int] = {"unit-kerja": 3, "organisasi": 6, "negara": 12}

_NO_OPTIONS = Options()


def creativity_points(level: str | None, options: Options = _NO_OPTIONS) -> Figure:
    """Creativity points (kreativitas) for the level of benefit of the employee's creation.

    ``level`` is ``None`` (no creativity: 0) or a key of the option ``creativity_points`` (default
    ``unit-kerja`` 3, ``organisasi`` 6, ``negara`` 12 — unconfirmed).
    """
    table = options.get("creativity_points", DEFAULT_CREATIVITY_POINTS)
    if level is None:
        points = Decimal(0)
        rule = Text("tidak ada kreativitas → 0", "no creativity → 0")
    else:
        if level not in table:
            raise ScoringInputError("K313", field="kreativitas", value=level, allowed=sorted(table))
        points = non_negative("creativity_points", table[level])
        rule = Text(f"tingkat manfaat {level} → {points}", f"level of benefit {level} → {points}")
    return Figure(
        key="kreativitas",
        label=Text("Nilai kreativitas", "Creativity points (kreativitas)"),
        value=points,
        formula=Text("poin menurut tingkat manfaat", "points by level of benefit"),
        inputs=(("tingkat", level), ("option:creativity_points", dict(table))),
        rule=rule,
        source=SOURCE + " (poin belum terkonfirmasi)",
    )


def skp_value(
    activities: Sequence[Amount],
    extra_tasks: int = 0,
    creativity_level: str | None = None,
    options: Options = _NO_OPTIONS,
) -> Figure:
    """SKP value (nilai capaian SKP): mean of the activities + extra-task points + creativity points.

    ``activities`` are :func:`activity` figures (or numbers); their raw values are averaged. Rounded half
    up to two places.
    """
    if not activities:
        raise ScoringInputError("K317", field="kegiatan")
    parts = tuple((f"kegiatan_{i}", item) for i, item in enumerate(activities, start=1))
    mean_value = sum((amount(n, v) for n, v in parts), Decimal(0)) / len(parts)
    mean = Figure(
        key="rata_rata_kegiatan",
        label=Text("Rata-rata nilai capaian kegiatan", "Mean of the activities"),
        value=mean_value,
        formula=Text(f"jumlah nilai kegiatan / {len(parts)}", f"sum of the activities / {len(parts)}"),
        inputs=parts,
        rounded=half_up(mean_value),
        rule=Text("kegiatan yang tidak dilaksanakan tetap dihitung (nilai 0)",
                  "activities not carried out still count (score 0)"),
        source=SOURCE,
    )
    extra = extra_task_points(extra_tasks)
    creative = creativity_points(creativity_level, options)
    value = mean.value + extra.value + creative.value
    return Figure(
        key="nilai_skp",
        label=Text("Nilai capaian SKP", "SKP value (nilai capaian SKP)"),
        value=value,
        formula=Text("rata-rata kegiatan + tugas tambahan + kreativitas",
                     "mean of the activities + extra tasks + creativity"),
        inputs=(("rata_rata_kegiatan", mean), ("tugas_tambahan", extra), ("kreativitas", creative)),
        rounded=half_up(value),
        source=SOURCE,
    )


# --------------------------------------------------------------------------------------------------
# Behaviour (perilaku kerja) and total (nilai prestasi kerja)
# --------------------------------------------------------------------------------------------------

#: Behaviour aspects (aspek perilaku kerja), in the Perka's order; kepemimpinan last.
BEHAVIOUR_ASPECTS: Mapping[str, Text] = {
    "orientasi-pelayanan": Text("orientasi pelayanan", "service orientation"),
    "integritas": Text("integritas", "integrity"),
    "komitmen": Text("komitmen", "commitment"),
    "disiplin": Text("disiplin", "discipline"),
    "kerja-sama": Text("kerja sama", "cooperation"),
    "kepemimpinan": Text("kepemimpinan", "leadership"),
}
LEADERSHIP = "kepemimpinan"


def behaviour(aspects: Mapping[str, Amount], structural: bool, options: Options = _NO_OPTIONS) -> Figure:
    """Behaviour value (nilai perilaku kerja): the mean of the aspects, each 0-100.

    ``aspects`` maps ids of :data:`BEHAVIOUR_ASPECTS` (``kerja_sama`` and ``kerja sama`` are read as
    ``kerja-sama``) to values. Five aspects always; kepemimpinan as the option ``leadership`` says
    (default ``"structural"``: counted, and required, for structural posts only; a value given for a
    non-structural post is left out and the rule says so). Rounded half up to two places.
    """
    mode = options.get("leadership", "structural")
    if mode not in ("structural", "when-given"):
        raise ScoringInputError("K315", option="leadership", detail=f"'{mode}' (structural, when-given)")
    given = {_aspect_id(k): amount(str(k), v) for k, v in aspects.items()}
    for key, number in given.items():
        if key not in BEHAVIOUR_ASPECTS:
            raise ScoringInputError("K313", field="perilaku", value=key, allowed=list(BEHAVIOUR_ASPECTS))
        if not 0 <= number <= HUNDRED:
            raise ScoringInputError("K312", field=key, value=number, bound="0-100")
    counts_leadership = structural if mode == "structural" else LEADERSHIP in given
    required = [k for k in BEHAVIOUR_ASPECTS if k != LEADERSHIP or counts_leadership]
    for key in required:
        if key not in given:
            raise ScoringInputError("K318", field=key)
    used = tuple((key, given[key]) for key in required)
    value = sum((v for _, v in used), Decimal(0)) / len(used)
    ignored = LEADERSHIP in given and not counts_leadership
    rule = Text(
        f"{len(used)} aspek" + ("; kepemimpinan diabaikan (bukan jabatan struktural)" if ignored else ""),
        f"{len(used)} aspects" + ("; leadership left out (not a structural post)" if ignored else ""),
    )
    return Figure(
        key="perilaku",
        label=Text("Nilai perilaku kerja", "Behaviour value (perilaku kerja)"),
        value=value,
        formula=Text(
            "(" + " + ".join(BEHAVIOUR_ASPECTS[k].id for k, _ in used) + f") / {len(used)}",
            "(" + " + ".join(BEHAVIOUR_ASPECTS[k].en for k, _ in used) + f") / {len(used)}",
        ),
        inputs=used + (("jabatan_struktural", structural), ("option:leadership", mode)),
        rounded=half_up(value),
        rule=rule,
        source=SOURCE + " (kepemimpinan hanya untuk jabatan struktural: belum terkonfirmasi)",
    )


def _aspect_id(key: str) -> str:
    return str(key).strip().lower().replace("_", "-").replace(" ", "-")


TOTAL_FROM = ("printed", "raw")


def total(skp: Amount, behaviour: Amount, options: Options = _NO_OPTIONS) -> Figure:
    """Work performance score (nilai prestasi kerja): ``60% × SKP + 40% × behaviour``, rounded half up to
    two places. By default from the two parts as the form prints them (two places, option ``total_from``
    ``"printed"``), as an officer recomputes it by hand; ``"raw"`` uses the unrounded parts
    (docs/regulations.md §3.1)."""
    origin = options.get("total_from", "printed")
    if origin not in TOTAL_FROM:
        raise ScoringInputError("K315", option="total_from", detail=f"'{origin}' ({', '.join(TOTAL_FROM)})")
    pick = (lambda item: item.shown if isinstance(item, Figure) else item) if origin == "printed" else (lambda item: item)
    s, b = amount("nilai_skp", pick(skp)), amount("perilaku", pick(behaviour))
    value = s * 60 / HUNDRED + b * 40 / HUNDRED
    return Figure(
        key="nilai_prestasi_kerja",
        label=Text("Nilai prestasi kerja", "Work performance score (nilai prestasi kerja)"),
        value=value,
        formula=Text("60% × nilai SKP + 40% × nilai perilaku kerja", "60% × SKP value + 40% × behaviour value"),
        inputs=(("nilai_skp", skp), ("perilaku", behaviour), ("option:total_from", origin)),
        rounded=half_up(value),
        rule=Text("dari nilai SKP dan nilai perilaku yang tercetak (dua desimal)" if origin == "printed"
                  else "dari nilai SKP dan nilai perilaku tanpa pembulatan",
                  "from the SKP and behaviour values as printed (two places)" if origin == "printed"
                  else "from the unrounded SKP and behaviour values"),
        source=SOURCE,
    )


# --------------------------------------------------------------------------------------------------
# Rating word (predikat)
# --------------------------------------------------------------------------------------------------

PREDIKAT_WORDS: Mapping[str, Text] = {
    "sangat-baik": Text("Sangat Baik", "Very Good"),
    "baik": Text("Baik", "Good"),
    "cukup": Text("Cukup", "Fair"),
    "kurang": Text("Kurang", "Poor"),
    "buruk": Text("Buruk", "Bad"),
}

#: Predikat bands, best first; ``None`` is an open end. Option ``predikat_bands``.
DEFAULT_PREDIKAT_BANDS: tuple[Mapping[str, Any], ...] = (
    {"id": "sangat-baik", "min": 91, "max": None},
    {"id": "baik", "min": 76, "max": 90},
    {"id": "cukup", "min": 61, "max": 75},
    {"id": "kurang", "min": 51, "max": 60},
    {"id": "buruk", "min": None, "max": 50},
)
BAND_SEMANTICS = ("lower-bound", "upper-bound", "round")


@dataclass(frozen=True)
class _Band:
    id: str
    low: Decimal | None
    high: Decimal | None

    def describe(self) -> str:
        if self.low is None:
            return f"≤ {self.high}"
        if self.high is None:
            return f"≥ {self.low}"
        return f"{self.low}-{self.high}"


def _bands(options: Options) -> tuple[_Band, ...]:
    raw = options.get("predikat_bands", DEFAULT_PREDIKAT_BANDS)
    bands = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise ScoringInputError("K315", option="predikat_bands", detail=f"{item!r} is not a mapping")
        if item.get("id") not in PREDIKAT_WORDS:
            raise ScoringInputError("K315", option="predikat_bands", detail=f"unknown id {item.get('id')!r}")
        low, high = item.get("min"), item.get("max")
        bands.append(_Band(item["id"], None if low is None else D(low), None if high is None else D(high)))
    if not bands:
        raise ScoringInputError("K315", option="predikat_bands", detail="no band")
    return tuple(bands)


def rating(score: Amount, options: Options = _NO_OPTIONS) -> Rating:
    """The predikat for a work performance score (the published value: a figure's ``shown``).

    Bands and gap handling come from the options ``predikat_bands`` and ``band_semantics`` (default
    lower-bound: 90.5 is Baik, 50.5 is Buruk). Raises ``K315`` when no band holds the score.
    """
    published = score.shown if isinstance(score, Figure) else amount("nilai", score)
    semantics = options.get("band_semantics", "lower-bound")
    if semantics not in BAND_SEMANTICS:
        raise ScoringInputError("K315", option="band_semantics", detail=f"'{semantics}' ({', '.join(BAND_SEMANTICS)})")
    bands = _bands(options)
    placed = half_up(published, Decimal(1)) if semantics == "round" else published
    band = _place(placed, bands, upward=semantics == "upper-bound")
    word = PREDIKAT_WORDS[band.id]
    figure = Figure(
        key="predikat",
        label=Text("Predikat", "Rating (predikat)"),
        value=published,
        formula=Text("predikat menurut rentang nilai", "rating by score band"),
        inputs=(("nilai", score), ("option:band_semantics", semantics),
                ("option:predikat_band", {"id": band.id, "min": band.low, "max": band.high})),
        rule=Text(f"{word.id} ({band.describe()})", f"{word.en} — {word.id} ({band.describe()})"),
        source=SOURCE,
        word=Text(f"{word.id} (nilai {half_up(published)})", f"{word.en} ({word.id}; score {half_up(published)})"),
    )
    return Rating(id=band.id, word=word, figure=figure)


def _place(score: Decimal, bands: tuple[_Band, ...], *, upward: bool) -> _Band:
    if upward:  # a band reaches down to the maximum of the band below it
        for band in reversed(bands):
            if band.high is None or score <= band.high:
                return band
    else:  # a band reaches up to the minimum of the band above it
        for band in bands:
            if band.low is None or score >= band.low:
                return band
    raise ScoringInputError("K315", option="predikat_bands", detail=f"no band holds {score}")


def predikat(score: Amount, options: Options = _NO_OPTIONS) -> Figure:
    """The predikat as a figure (the word in ``rule``); :func:`rating` also gives the id and word."""
    return rating(score, options).figure
