"""Explainable numbers: every computed value carries its derivation.

A :class:`Figure` is a number together with the formula that produced it, the inputs it used (themselves
figures or plain values), the rule it applied and the regulation it came from. The site, ``kinerja
explain`` and the JSON output all render the same tree, in Indonesian or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterator, Mapping, Union

Number = Union[Decimal, int, str]

TWO_PLACES = Decimal("0.01")


def D(value: Number | float) -> Decimal:
    """Decimal from an int, a string or a Decimal (floats go through ``str`` so 0.1 stays 0.1)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    return Decimal(value)


def plain(value: Decimal) -> str:
    """A Decimal as plain text without trailing zeros or exponent (100.000 → "100", 1E+2 → "100")."""
    if not value.is_finite():
        return str(value)
    text = format(value.normalize(), "f")
    return text


def half_up(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    """Round half up, as published tables do (5.625 -> 5.63); Python's ``round`` rounds half to even."""
    return value.quantize(places, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Text:
    """A short text in both languages (Indonesian first: it is the default)."""

    id: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True)
class Figure:
    """A computed number with its derivation.

    ``value`` is the raw result; ``rounded`` is set only where the regulation's examples round.
    ``formula`` is the formula in words and symbols; ``inputs`` names every value that went in (a
    nested :class:`Figure` or a plain value); ``rule`` says which branch or band applied and
    ``source`` cites the regulation. ``word`` is set on ratings: the text shows the word, not the
    value (a 6/2022 rating's value is only a sort rank).
    """

    key: str
    label: Text
    value: Decimal
    formula: Text
    inputs: tuple[tuple[str, Any], ...] = ()
    rounded: Decimal | None = None
    rule: Text | None = None
    source: str = ""
    word: Text | None = None  # for a rating: the word an officer reads (the value is then a sort rank or the score)

    @property
    def shown(self) -> Decimal:
        """The value as published: the rounded one when there is one."""
        return self.rounded if self.rounded is not None else self.value

    def children(self) -> Iterator[tuple[str, "Figure"]]:
        for name, item in self.inputs:
            if isinstance(item, Figure):
                yield name, item

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        """A JSON-friendly tree (Decimals as strings, so nothing is lost). Made once per language: a figure
        shared by many results (an allowance computed once for many employees) is converted once. Treat
        the tree as read-only."""
        made = self.__dict__.setdefault("_dicts", {})
        found = made.get(lang)
        if found is None:
            found = made[lang] = self._to_dict(lang)
        return found

    def _to_dict(self, lang: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "label": self.label(lang),
            "value": plain(self.value),
            "formula": self.formula(lang),
        }
        if self.rounded is not None:
            out["rounded"] = str(self.rounded)
        if self.rule is not None:
            out["rule"] = self.rule(lang)
        if self.source:
            out["source"] = self.source
        if self.word is not None:
            out["word"] = self.word(lang)
        out["inputs"] = {
            name: (item.to_dict(lang) if isinstance(item, Figure) else _plain(item))
            for name, item in self.inputs
        }
        return out


def _plain(item: Any) -> Any:
    if isinstance(item, Decimal):
        return plain(item)
    if isinstance(item, Text):
        return item.en
    if isinstance(item, Mapping):
        return {k: _plain(v) for k, v in item.items()}
    if isinstance(item, (list, tuple)):
        return [_plain(v) for v in item]
    return item


#: Input and option names as the formulas write them (Indonesian), with their English words; the text
#: of an explanation in English uses these (JSON keeps the stable names).
INPUT_NAMES_EN: Mapping[str, str] = {
    "polaritas": "polarity", "pembagi": "divisor", "persentase": "percentage", "bulan": "months",
    "jenjang": "level", "koefisien": "coefficient", "predikat": "rating", "nilai": "score",
    "nilai_skp": "SKP value", "perilaku": "behaviour", "hasil_kerja": "work results", "periode": "period",
    "ide_baru": "new idea", "kegiatan": "activities", "tugas_tambahan": "extra tasks",
    "kreativitas": "creativity", "bobot": "weight", "jumlah": "count", "predikat_organisasi":
    "organisation rating", "penilai_hasil_kerja": "assessor's results rating", "penilai_perilaku":
    "assessor's behaviour rating", "kuantitas": "quantity", "kualitas": "quality", "waktu": "time",
    "biaya": "cost", "efisiensi": "efficiency", "struktural": "structural", "capaian": "achievement",
    "nilai_utama": "main value", "nilai_tambahan": "additional value", "kinerja_tambahan": "additional work",
    "dari_bagian_tercetak": "from the printed parts", "paid_on": "paid on",
    "target_maksimal": "target is the maximum", "bobot_persen": "weight percent",
}


def input_name(name: str, lang: str) -> str:
    """An input's name in the chosen language (``option:x`` keeps its prefix)."""
    if lang != "en":
        return name
    prefix, _, rest = name.rpartition(":")
    word = INPUT_NAMES_EN.get(rest, rest)
    return f"{prefix}:{word}" if prefix else word


def printed(value: Decimal) -> str:
    """A value at the precision the forms print: at most two decimal places, rounded half up (raw values
    stay in the JSON output)."""
    if not value.is_finite():
        return str(value)
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return str(half_up(value))
    return plain(value)


def render(figure: Figure, lang: str = "id", indent: int = 0, seen: set[int] | None = None) -> list[str]:
    """Plain-text lines explaining ``figure`` and everything it was computed from. Values print at the
    forms' precision (:func:`printed`), a rating prints its word, input names are in ``lang``. Pass one
    ``seen`` set to several calls to print each shared tree once (later, one line "see above")."""
    pad = "  " * indent
    en = lang == "en"
    shown = figure.word(lang) if figure.word is not None else (
        str(figure.rounded) if figure.rounded is not None else printed(figure.value))
    if seen is not None and id(figure) in seen and figure.inputs:
        return [f"{pad}{figure.label(lang)} = {shown} ({'see above' if en else 'lihat di atas'})"]
    if seen is not None:
        seen.add(id(figure))
    lines = [f"{pad}{figure.label(lang)} = {shown}", f"{pad}  = {figure.formula(lang)}"]
    if figure.rule is not None:
        lines.append(f"{pad}  {'rule' if en else 'aturan'}: {figure.rule(lang)}")
    if figure.source:
        lines.append(f"{pad}  {'source' if en else 'sumber'}: {figure.source}")
    values = [(n, v) for n, v in figure.inputs if not isinstance(v, Figure)]
    if values:
        lines.append(pad + "  " + ", ".join(f"{input_name(n, lang)} = {_shown_input(v, lang)}" for n, v in values))
    for _, child in figure.children():
        lines.extend(render(child, lang, indent + 1, seen))
    return lines


def _shown_input(item: Any, lang: str) -> Any:
    if isinstance(item, Decimal):
        return printed(item)
    if isinstance(item, Text):
        return item(lang)
    return _plain(item)


@dataclass(frozen=True)
class Options:
    """Scoring options where the sources are uncertain (docs/regulations.md marks them *unconfirmed*).

    Each regime module reads only the keys it knows; results record the options they used.
    """

    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any) -> Any:
        return self.values.get(key, default)
