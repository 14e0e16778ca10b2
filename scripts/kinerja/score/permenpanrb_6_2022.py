"""Scoring under PermenPANRB 6/2022 — performance management of ASN (the national e-Kinerja, 2022 on).

No numeric weights: the assessor (pejabat penilai) rates work results (hasil kerja) and behaviour
(perilaku kerja, the seven BerAKHLAK values) each as Di Atas, Sesuai or Di Bawah Ekspektasi, and the
predikat comes from a matrix of the two. Every function is pure. Figures here carry a *rank* as their
``value`` (expectations 3/2/1, predikat 5..1, for sorting and monotone checks only), except credit
points, which are numbers.

Options read from :class:`~kinerja.score.explain.Options`:

``matrix``
    the predikat matrix as ``{results: {behaviour: predikat}}`` over the expectation ids; default
    :data:`DEFAULT_MATRIX` (the consensus of implementations; the official appendix is unconfirmed).
``annual_rule``
    how the annual rating derives from the periodic ones: ``"assessor"`` (default: the assessor's own
    annual ratings, with the periodic ones attached as evidence), ``"last"`` (the last period's ratings)
    or ``"mode"`` (per dimension the most frequent periodic rating, ties going to the latest period).
``unit_head_results``
    organisation rating -> the unit head's results rating; default Istimewa → Di Atas, Baik → Sesuai,
    Butuh Perbaikan, Kurang and Sangat Kurang → Di Bawah (this project's reading of "a unit head's
    results rating is the unit's organisational rating").
``distribution``
    the guidance of SE MenPANRB 3/2023 per organisation rating, as lists of rules
    ``{"kind": "max" | "min" | "exists", "predikat": [ids], "percent": p}``; default
    :data:`DEFAULT_DISTRIBUTION`.
``distribution_rounding``
    how a percentage becomes a head count in small units: ``"strict"`` (default: floor for maxima,
    ceiling for minima — the same as comparing exact percentages), ``"lenient"`` (ceiling for maxima,
    floor for minima) or ``"half-up"`` (both rounded half up).
``credit_coefficients``, ``credit_percentages``
    annual coefficients per functional level and percentages per predikat for credit points; defaults
    per PermenPANRB 1/2023 (:data:`CREDIT_COEFFICIENTS`, :data:`CREDIT_PERCENTAGES`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Mapping, Sequence

from kinerja.score.explain import D, Figure, Number, Options, Text, half_up
from kinerja.score.pp46 import Rating, ScoringInputError, amount, non_negative

__all__ = [
    "SOURCE",
    "ScoringInputError",
    "Rating",
    "Evaluation",
    "DistributionWarning",
    "EXPECTATIONS",
    "DIMENSIONS",
    "PREDIKAT",
    "ORGANISATION_RATINGS",
    "DEFAULT_MATRIX",
    "DEFAULT_UNIT_HEAD_RESULTS",
    "DEFAULT_DISTRIBUTION",
    "DISTRIBUTION_WARNINGS",
    "CREDIT_COEFFICIENTS",
    "CREDIT_PERCENTAGES",
    "expectation",
    "predikat",
    "periodic_evaluation",
    "annual_evaluation",
    "unit_head_results",
    "distribution_warnings",
    "credit_points",
    "CreditSpan",
    "credit_points_by_period",
    "accumulated_credit_points",
    "CREDIT_SOURCE",
]

SOURCE = "PermenPANRB 6/2022"
_NO_OPTIONS = Options()

#: Expectation ratings (rating hasil kerja / perilaku kerja): stable id -> display words.
EXPECTATIONS: Mapping[str, Text] = {
    "di-atas": Text("Di Atas Ekspektasi", "Above Expectations"),
    "sesuai": Text("Sesuai Ekspektasi", "Meets Expectations"),
    "di-bawah": Text("Di Bawah Ekspektasi", "Below Expectations"),
}
_EXPECTATION_RANK = {"di-atas": 3, "sesuai": 2, "di-bawah": 1}

#: Predikat kinerja pegawai: stable id -> display words, best first.
PREDIKAT: Mapping[str, Text] = {
    "sangat-baik": Text("Sangat Baik", "Very Good"),
    "baik": Text("Baik", "Good"),
    "butuh-perbaikan": Text("Butuh Perbaikan", "Needs Improvement"),
    "kurang": Text("Kurang/Misconduct", "Poor/Misconduct"),
    "sangat-kurang": Text("Sangat Kurang", "Very Poor"),
}
_PREDIKAT_RANK = {"sangat-baik": 5, "baik": 4, "butuh-perbaikan": 3, "kurang": 2, "sangat-kurang": 1}

#: Predikat kinerja organisasi (the organisation's rating).
ORGANISATION_RATINGS: Mapping[str, Text] = {
    "istimewa": Text("Istimewa", "Outstanding"),
    "baik": Text("Baik", "Good"),
    "butuh-perbaikan": Text("Butuh Perbaikan", "Needs Improvement"),
    "kurang": Text("Kurang", "Poor"),
    "sangat-kurang": Text("Sangat Kurang", "Very Poor"),
}

#: results rating -> behaviour rating -> predikat (consensus of implementations; unconfirmed).
DEFAULT_MATRIX: Mapping[str, Mapping[str, str]] = {
    "di-atas": {"di-bawah": "kurang", "sesuai": "baik", "di-atas": "sangat-baik"},
    "sesuai": {"di-bawah": "kurang", "sesuai": "baik", "di-atas": "baik"},
    "di-bawah": {"di-bawah": "sangat-kurang", "sesuai": "butuh-perbaikan", "di-atas": "butuh-perbaikan"},
}


def _known(field: str, value: str, table: Mapping[str, Any]) -> str:
    if value not in table:
        raise ScoringInputError("K313", field=field, value=value, allowed=list(table))
    return value


#: The two rated dimensions: work results (hasil kerja) and behaviour (perilaku kerja).
DIMENSIONS: Mapping[str, Text] = {
    "hasil_kerja": Text("Rating hasil kerja", "Results rating (hasil kerja)"),
    "perilaku": Text("Rating perilaku kerja", "Behaviour rating (perilaku kerja)"),
}


def expectation(value: str, *, dimension: str = "hasil_kerja") -> Rating:
    """An expectation rating (rating hasil kerja or rating perilaku kerja) for its id; ``dimension``
    is ``"hasil_kerja"`` or ``"perilaku"``. The figure's value is the rank (Di Atas 3 … Di Bawah 1)."""
    _known("dimensi", dimension, DIMENSIONS)
    key = _known(dimension, value, EXPECTATIONS)
    word = EXPECTATIONS[key]
    return Rating(key, word, Figure(
        key=f"rating_{dimension}",
        label=DIMENSIONS[dimension],
        value=Decimal(_EXPECTATION_RANK[key]),
        formula=Text("penilaian pejabat penilai", "the assessor's rating"),
        inputs=((dimension, key),),
        rule=Text(word.id, word.en),
        source=SOURCE,
        word=Text(word.id, f"{word.en} ({word.id})"),
    ))


def _matrix(options: Options) -> tuple[Mapping[str, Mapping[str, str]], str]:
    matrix = options.get("matrix", None)
    if matrix is None:
        return DEFAULT_MATRIX, "default"
    for results in EXPECTATIONS:
        row = matrix.get(results) if isinstance(matrix, Mapping) else None
        for behaviour in EXPECTATIONS:
            cell = row.get(behaviour) if isinstance(row, Mapping) else None
            if cell not in PREDIKAT:
                raise ScoringInputError("K315", option="matrix", detail=f"cell {results} × {behaviour} is {cell!r}")
    return matrix, "configured"


def predikat(results: str, behaviour: str, options: Options = _NO_OPTIONS) -> Rating:
    """The predikat (predikat kinerja pegawai) from the results and behaviour ratings via the matrix.

    The figure's value is the predikat's rank (Sangat Baik 5 … Sangat Kurang 1).
    """
    _known("hasil_kerja", results, EXPECTATIONS)
    _known("perilaku", behaviour, EXPECTATIONS)
    matrix, origin = _matrix(options)
    key = matrix[results][behaviour]
    word = PREDIKAT[key]
    figure = Figure(
        key="predikat",
        label=Text("Predikat kinerja pegawai", "Employee rating (predikat kinerja pegawai)"),
        value=Decimal(_PREDIKAT_RANK[key]),
        formula=Text("matriks rating hasil kerja × rating perilaku kerja",
                     "matrix of the results rating × the behaviour rating"),
        inputs=(("hasil_kerja", results), ("perilaku", behaviour), ("option:matrix", origin)),
        rule=Text(f"{EXPECTATIONS[results].id} × {EXPECTATIONS[behaviour].id} → {word.id}",
                  f"{EXPECTATIONS[results].en} × {EXPECTATIONS[behaviour].en} → {word.en} ({word.id})"),
        source=SOURCE + " (matriks: konsensus implementasi, lampiran resmi belum terkonfirmasi)",
        word=Text(word.id, f"{word.en} ({word.id})"),
    )
    return Rating(key, word, figure)


# --------------------------------------------------------------------------------------------------
# Periodic and annual evaluations (evaluasi kinerja periodik dan tahunan)
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Evaluation:
    """One evaluation (evaluasi kinerja): the period, the two expectation ratings and the predikat."""

    period: str
    results: str
    behaviour: str
    rating: Rating


def periodic_evaluation(period: str, results: str, behaviour: str, options: Options = _NO_OPTIONS) -> Evaluation:
    """A periodic evaluation (monthly, quarterly or per semester, as the agency chose); the period is
    named in the figure's label."""
    base = predikat(results, behaviour, options)
    figure = replace(
        base.figure,
        key="predikat_periodik",
        label=Text(f"Predikat kinerja periode {period}", f"Rating for period {period}"),
        inputs=base.figure.inputs + (("periode", period),),
    )
    return Evaluation(period, results, behaviour, Rating(base.id, base.word, figure))


ANNUAL_RULES = ("assessor", "last", "mode")


def annual_evaluation(
    periodic: Sequence[Evaluation],
    results: str | None = None,
    behaviour: str | None = None,
    *,
    period: str = "tahunan",
    options: Options = _NO_OPTIONS,
) -> Evaluation:
    """The annual evaluation (evaluasi kinerja tahunan).

    With the default option ``annual_rule`` ``"assessor"`` the annual ratings are the assessor's input
    (``results``, ``behaviour``, both required, ``K318`` if missing) and the periodic evaluations are
    attached as evidence. With ``"last"`` or ``"mode"`` they derive from ``periodic`` (in period order);
    assessor ratings given anyway are recorded but not used.
    """
    rule_name = options.get("annual_rule", "assessor")
    if rule_name not in ANNUAL_RULES:
        raise ScoringInputError("K315", option="annual_rule", detail=f"'{rule_name}' ({', '.join(ANNUAL_RULES)})")
    if rule_name == "assessor":
        if results is None:
            raise ScoringInputError("K318", field="hasil_kerja")
        if behaviour is None:
            raise ScoringInputError("K318", field="perilaku")
        chosen = (results, behaviour)
        how = Text("rating tahunan dari pejabat penilai; rating periodik sebagai bukti",
                   "annual ratings from the assessor; periodic ratings as evidence")
    else:
        if not periodic:
            raise ScoringInputError("K317", field="evaluasi_periodik")
        if rule_name == "last":
            chosen = (periodic[-1].results, periodic[-1].behaviour)
            how = Text("aturan instansi: rating periode terakhir", "agency rule: the last period's ratings")
        else:
            chosen = (_mode([e.results for e in periodic]), _mode([e.behaviour for e in periodic]))
            how = Text("aturan instansi: rating periodik terbanyak (seri: periode terakhir)",
                       "agency rule: the most frequent periodic rating (ties: the latest period)")
        if results is not None or behaviour is not None:
            how = Text(how.id + "; rating dari pejabat penilai dicatat, tidak dipakai",
                       how.en + "; the assessor's ratings are recorded, not used")
    base = predikat(chosen[0], chosen[1], options)
    evidence = tuple((f"periodik_{e.period}", e.rating.figure) for e in periodic)
    assessor = (("penilai_hasil_kerja", results), ("penilai_perilaku", behaviour)) if rule_name != "assessor" else ()
    figure = Figure(
        key="predikat_tahunan",
        label=Text("Predikat kinerja tahunan", "Annual rating (predikat tahunan)"),
        value=base.figure.value,
        formula=base.figure.formula,
        inputs=base.figure.inputs + (("option:annual_rule", rule_name),) + assessor + evidence,
        rule=Text(f"{base.figure.rule.id if base.figure.rule else ''}; {how.id}",
                  f"{base.figure.rule.en if base.figure.rule else ''}; {how.en}"),
        source=base.figure.source + ("" if rule_name == "assessor" else " (aturan tahunan: konfigurasi instansi)"),
        word=base.figure.word,
    )
    return Evaluation(period, chosen[0], chosen[1], Rating(base.id, base.word, figure))


def _mode(values: Sequence[str]) -> str:
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in reversed(values) if counts[v] == top)


DEFAULT_UNIT_HEAD_RESULTS: Mapping[str, str] = {
    "istimewa": "di-atas",
    "baik": "sesuai",
    "butuh-perbaikan": "di-bawah",
    "kurang": "di-bawah",
    "sangat-kurang": "di-bawah",
}


def unit_head_results(organisation_rating: str, options: Options = _NO_OPTIONS) -> Rating:
    """A unit head's results rating (rating hasil kerja pimpinan unit kerja) from the unit's own
    organisational rating (predikat kinerja organisasi), via the option ``unit_head_results``."""
    _known("predikat_organisasi", organisation_rating, ORGANISATION_RATINGS)
    table = options.get("unit_head_results", DEFAULT_UNIT_HEAD_RESULTS)
    key = table.get(organisation_rating)
    if key not in EXPECTATIONS:
        raise ScoringInputError("K315", option="unit_head_results", detail=f"{organisation_rating} → {key!r}")
    word = EXPECTATIONS[key]
    org = ORGANISATION_RATINGS[organisation_rating]
    return Rating(key, word, Figure(
        key="rating_hasil_kerja",
        label=Text("Rating hasil kerja pimpinan unit", "Unit head's results rating"),
        value=Decimal(_EXPECTATION_RANK[key]),
        formula=Text("rating hasil kerja = predikat kinerja organisasi unit",
                     "results rating = the unit's organisational rating"),
        inputs=(("predikat_organisasi", organisation_rating),
                ("option:unit_head_results", {organisation_rating: key})),
        rule=Text(f"organisasi {org.id} → {word.id}", f"organisation {org.en} ({org.id}) → {word.en}"),
        source=SOURCE,
        word=Text(word.id, f"{word.en} ({word.id})"),
    ))


# --------------------------------------------------------------------------------------------------
# Distribution guidance (kurva distribusi, SE MenPANRB 3/2023)
# --------------------------------------------------------------------------------------------------

#: Warning codes of the distribution check: code -> (name, message template).
DISTRIBUTION_WARNINGS: Mapping[str, tuple[str, Text]] = {
    "K601": ("distribution-above-maximum", Text(
        "Predikat {predikat}: {count} dari {total} pegawai ({percent}%); organisasi berpredikat "
        "{organisation} paling banyak {limit}% ({allowed} pegawai).",
        "Predikat {predikat}: {count} of {total} employees ({percent}%); an organisation rated "
        "{organisation} allows at most {limit}% ({allowed} employees).")),
    "K602": ("distribution-below-minimum", Text(
        "Predikat {predikat}: {count} dari {total} pegawai ({percent}%); organisasi berpredikat "
        "{organisation} paling sedikit {limit}% ({allowed} pegawai).",
        "Predikat {predikat}: {count} of {total} employees ({percent}%); an organisation rated "
        "{organisation} needs at least {limit}% ({allowed} employees).")),
    "K603": ("distribution-missing", Text(
        "Organisasi berpredikat {organisation} seharusnya memiliki pegawai berpredikat {predikat}; "
        "tidak ada satu pun.",
        "An organisation rated {organisation} should have employees rated {predikat}; there are none.")),
}

#: Guidance per organisation rating (SE MenPANRB 3/2023); option ``distribution``.
DEFAULT_DISTRIBUTION: Mapping[str, tuple[Mapping[str, Any], ...]] = {
    "istimewa": (
        {"kind": "max", "predikat": ["sangat-baik"], "percent": 70},
    ),
    "baik": (
        {"kind": "max", "predikat": ["baik"], "percent": 70},
        {"kind": "exists", "predikat": ["butuh-perbaikan", "kurang"]},
    ),
    "butuh-perbaikan": (
        {"kind": "min", "predikat": ["butuh-perbaikan"], "percent": 60},
        {"kind": "max", "predikat": ["sangat-baik"], "percent": 10},
    ),
    "kurang": (
        {"kind": "min", "predikat": ["kurang"], "percent": 60},
        {"kind": "min", "predikat": ["butuh-perbaikan"], "percent": 10},
        {"kind": "max", "predikat": ["sangat-baik"], "percent": 10},
    ),
    "sangat-kurang": (
        {"kind": "min", "predikat": ["sangat-kurang"], "percent": 60},
        {"kind": "min", "predikat": ["kurang", "butuh-perbaikan"], "percent": 10},
        {"kind": "max", "predikat": ["sangat-baik"], "percent": 0},
    ),
}
ROUNDINGS = ("strict", "lenient", "half-up")
_KIND_CODE = {"max": "K601", "min": "K602", "exists": "K603"}


@dataclass(frozen=True)
class DistributionWarning:
    """A departure from the distribution guidance: a stable ``code`` (K601 above a maximum, K602 below a
    minimum, K603 a required predikat absent), the filled ``message`` and the numbers behind it."""

    code: str
    message: Text
    organisation: str
    predikat: tuple[str, ...]
    count: int
    total: int
    limit_percent: Decimal | None
    allowed: int | None
    rounding: str


def distribution_warnings(
    organisation_rating: str,
    counts: Mapping[str, int],
    options: Options = _NO_OPTIONS,
) -> list[DistributionWarning]:
    """Check the spread of predikat in an organisation against SE MenPANRB 3/2023.

    ``counts`` maps predikat ids to head counts (missing ids count 0). Returns one warning per rule
    broken, in the rule order; an empty organisation gives none. Limits become head counts per the
    option ``distribution_rounding`` (default ``"strict"``: floor for maxima, ceiling for minima).
    """
    _known("predikat_organisasi", organisation_rating, ORGANISATION_RATINGS)
    rounding = options.get("distribution_rounding", "strict")
    if rounding not in ROUNDINGS:
        raise ScoringInputError("K315", option="distribution_rounding", detail=f"'{rounding}' ({', '.join(ROUNDINGS)})")
    for key, count in counts.items():
        _known("jumlah_per_predikat", key, PREDIKAT)
        non_negative(key, count)
    total = sum(counts.values())
    rules = options.get("distribution", DEFAULT_DISTRIBUTION).get(organisation_rating, ())
    warnings: list[DistributionWarning] = []
    if total == 0:
        return warnings
    org_word = ORGANISATION_RATINGS[organisation_rating]
    for item in rules:
        kind = item.get("kind")
        if kind not in _KIND_CODE:
            raise ScoringInputError("K315", option="distribution", detail=f"unknown kind {kind!r}")
        keys = tuple(_known("distribution.predikat", k, PREDIKAT) for k in item.get("predikat", ()))
        count = sum(counts.get(k, 0) for k in keys)
        names = Text(" dan/atau ".join(PREDIKAT[k].id for k in keys), " and/or ".join(PREDIKAT[k].id for k in keys))
        if kind == "exists":
            if count == 0:
                warnings.append(DistributionWarning(
                    "K603", _fill("K603", names, org_word, {}), organisation_rating, keys, 0, total,
                    None, None, rounding))
            continue
        limit = D(item["percent"])
        allowed = _head_count(total, limit, kind, rounding)
        broken = count > allowed if kind == "max" else count < allowed
        if broken:
            numbers = {"count": count, "total": total, "limit": _pct(limit),
                       "percent": _pct(Decimal(count) * 100 / total), "allowed": allowed}
            code = _KIND_CODE[kind]
            warnings.append(DistributionWarning(
                code, _fill(code, names, org_word, numbers), organisation_rating, keys, count, total,
                limit, allowed, rounding))
    return warnings


def _head_count(total: int, percent: Decimal, kind: str, rounding: str) -> int:
    exact = Decimal(total) * percent / 100
    if rounding == "half-up":
        mode = ROUND_HALF_UP
    elif (kind == "max") == (rounding == "strict"):
        mode = ROUND_FLOOR
    else:
        mode = ROUND_CEILING
    return int(exact.quantize(Decimal(1), rounding=mode))


def _pct(value: Decimal) -> Text:
    shown = half_up(value, Decimal("0.1")).normalize()
    text = f"{shown:f}"
    return Text(text.replace(".", ","), text)


def _fill(code: str, names: Text, organisation: Text, numbers: Mapping[str, Any]) -> Text:
    template = DISTRIBUTION_WARNINGS[code][1]
    plain = {k: v for k, v in numbers.items() if not isinstance(v, Text)}
    id_values = {**plain, **{k: v.id for k, v in numbers.items() if isinstance(v, Text)}}
    en_values = {**plain, **{k: v.en for k, v in numbers.items() if isinstance(v, Text)}}
    english = template.en.format(predikat=names.en, organisation=f"{organisation.id}", **en_values)
    return Text(
        template.id.format(predikat=names.id, organisation=organisation.id, **id_values),
        re.sub(r"(?<![\d.])1 employees\b", "1 employee", english),  # Indonesian has no plural
    )


# --------------------------------------------------------------------------------------------------
# Credit points for functional posts (angka kredit, PermenPANRB 1/2023)
# --------------------------------------------------------------------------------------------------

#: Annual credit-point coefficients per functional level (koefisien angka kredit tahunan), per
#: PermenPANRB 1/2023: skill levels (keterampilan) and expert levels (keahlian).
CREDIT_COEFFICIENTS: Mapping[str, Decimal] = {
    "pemula": Decimal("3.75"),
    "terampil": Decimal("5"),
    "mahir": Decimal("12.5"),
    "penyelia": Decimal("25"),
    "ahli-pertama": Decimal("12.5"),
    "ahli-muda": Decimal("25"),
    "ahli-madya": Decimal("37.5"),
    "ahli-utama": Decimal("50"),
}

#: Percentage of the coefficient earned per predikat, per PermenPANRB 1/2023.
CREDIT_PERCENTAGES: Mapping[str, Decimal] = {
    "sangat-baik": Decimal(150),
    "baik": Decimal(100),
    "butuh-perbaikan": Decimal(75),
    "kurang": Decimal(50),
    "sangat-kurang": Decimal(25),
}


def credit_points(
    predikat_id: str,
    level: str,
    months: Number = 12,
    options: Options = _NO_OPTIONS,
) -> Figure:
    """Credit points (angka kredit) of a functional post for a rated period:
    ``predikat percentage × annual coefficient × months / 12``, rounded half up to two places
    (Ahli Pertama, Sangat Baik, 12 months: 150% × 12.5 = 18.75; Baik for 2 months: 2.08)."""
    percentages = options.get("credit_percentages", CREDIT_PERCENTAGES)
    coefficients = options.get("credit_coefficients", CREDIT_COEFFICIENTS)
    _known("predikat", predikat_id, percentages)
    _known("jenjang", level, coefficients)
    m = non_negative("bulan", months)
    if m > 12:
        raise ScoringInputError("K312", field="bulan", value=m, bound="0-12")
    pct, coefficient = amount("persentase", percentages[predikat_id]), amount("koefisien", coefficients[level])
    value = pct * coefficient * m / (100 * 12)
    return Figure(
        key="angka_kredit",
        label=Text("Angka kredit", "Credit points (angka kredit)"),
        value=value,
        formula=Text("persentase predikat × koefisien tahunan × bulan / 12",
                     "predikat percentage × annual coefficient × months / 12"),
        inputs=(("predikat", predikat_id), ("persentase", pct), ("jenjang", level), ("koefisien", coefficient),
                ("bulan", m)),
        rounded=half_up(value),
        rule=Text(f"{PREDIKAT.get(predikat_id, Text(predikat_id, predikat_id)).id} → {pct}%",
                  f"{PREDIKAT.get(predikat_id, Text(predikat_id, predikat_id)).en} → {pct}%"),
        source=CREDIT_SOURCE,
    )


_THREE = Decimal("0.001")

#: Where the credit-point conversion comes from (docs/regulations.md §3.5).
CREDIT_SOURCE = "PermenPANRB 1/2023; Perban BKN 3/2023 (konversi predikat kinerja ke angka kredit)"


@dataclass(frozen=True)
class CreditSpan:
    """One rated stretch of a year for credit points: a periodic (or the annual) rating's label, its
    predikat id and the months it counts for (months it covers that have passed and in which the
    employee held the functional post)."""

    label: str
    predikat: str
    months: int


def credit_points_by_period(spans: Sequence[CreditSpan], level: str, options: Options = _NO_OPTIONS) -> Figure:
    """Credit points of a year from its rated stretches (docs/regulations.md §3.5): each periodic rating
    earns ``percentage × coefficient × months / 12`` for the months it covers that have passed; the
    year's figure is the sum of the parts. One span with the annual rating gives
    the annual figure. Months over all spans may not exceed 12 (K312). The parts print with three places
    (3.125 is not rounded away); the year's figure is the exact sum rounded half up to two places."""
    if not spans:
        raise ScoringInputError("K317", field="periode")
    parts = []
    for span in spans:
        part = credit_points(span.predikat, level, span.months, options)
        parts.append((span.label, replace(part, key=f"angka_kredit:{span.label}", rounded=half_up(part.value, _THREE),
                                          label=Text(f"Angka kredit {span.label}", f"Credit points {span.label}"))))
    months = sum(span.months for span in spans)
    if months > 12:
        raise ScoringInputError("K312", field="bulan", value=months, bound="0-12")
    value = sum((part.value for _, part in parts), Decimal(0))
    names = " + ".join(label for label, _ in parts)
    return Figure(
        key="angka_kredit",
        label=Text("Angka kredit", "Credit points (angka kredit)"),
        value=value,
        formula=Text(f"jumlah angka kredit per periode: {names}", f"sum of the credit points per period: {names}"),
        inputs=tuple(parts),
        rounded=half_up(value),
        rule=Text(f"{months} bulan dinilai; tiap predikat dihitung untuk bulan yang dicakupnya dan sudah lewat",
                  f"{months} months rated; each predikat counts for the months it covers that have passed"),
        source=CREDIT_SOURCE,
    )


def accumulated_credit_points(years: Sequence[tuple[str, Figure]], level: str) -> Figure:
    """The accumulation of credit points over periods and years (the PAK view): the sum of each period's
    figure as printed, for one functional level (jenjang). ``years`` pairs a period id with its figure."""
    if not years:
        raise ScoringInputError("K317", field="periode")
    value = sum((figure.shown for _, figure in years), Decimal(0))
    names = " + ".join(name for name, _ in years)
    return Figure(
        key="angka_kredit_kumulatif",
        label=Text(f"Angka kredit kumulatif ({level})", f"Accumulated credit points ({level})"),
        value=value,
        formula=Text(f"jumlah angka kredit periode {names}", f"sum of the credit points of {names}"),
        inputs=tuple(years),
        rounded=half_up(value),
        rule=Text("akumulasi untuk penetapan angka kredit (PAK) pada jenjang yang sama",
                  "accumulated for the credit-point decision (PAK) within the same level"),
        source=CREDIT_SOURCE,
    )
