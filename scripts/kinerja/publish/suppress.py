"""Small groups withheld, and enough else withheld that no subtraction gives them back.

A public site publishes figures over groups of people: the predikat distribution of a unit's own
employees and of its whole subtree, the province's distribution, a unit's allowance (TPP) totals and the
province's. A figure over fewer than ``min_group_size`` people (but at least one) is withheld (*primary
suppression*). That alone is not enough: the published figures are tied by sums, and a withheld figure
could be had by subtraction, say a sub-unit's distribution as its parent's subtree minus the parent's own
employees minus the other sub-units. So for every sum, *complementary suppression* withholds a second
figure whenever exactly one figure of the sum is withheld.

The sums (each a :class:`Relation`, ``total = part + part + …``):

* for every unit: ``subtree(unit) = own(unit) + subtree(child) + …``;
* for the province: ``province = subtree(agency) + …`` over the agencies (OPD);
* for the allowance: ``province allowance = allowance(unit) + …`` over every unit.

Figures over nobody are known to be empty (headcounts are public), so they never count as withheld.

**Why one more figure per sum suffices.** Each figure appears in at most two sums (as the total of its
own unit's sum and as a part of its parent's), and the sums form a tree (the unit tree). Take any
combination of the equations that an outsider could form; the sums it uses form a forest, and each leaf
sum of it holds at least two withheld figures, of which at most one is shared with the rest. So every
combination leaves at least two withheld figures with non-zero weight, and no single withheld figure is
ever determined. :func:`determined` checks this by exact linear algebra; the tests run it on random trees.

Per unit sum the second figure is the smallest published part with people in it (it loses the least),
else the total; in the province's sums it is always the province total, which is decided last: that keeps
each agency's decisions inside the agency, so a site made one OPD at a time withholds exactly the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Hashable, Iterable, Mapping, Sequence

Cell = Hashable


@dataclass(frozen=True)
class Relation:
    """``total = sum(parts)``: one sum between published figures."""

    total: Cell
    parts: tuple[Cell, ...]

    @property
    def terms(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


def primary(counts: Mapping[Cell, int], minimum: int) -> set[Cell]:
    """The figures over fewer than ``minimum`` people (but at least one)."""
    return {cell for cell, count in counts.items() if 0 < count < minimum}


def _hidden(relation: Relation, counts: Mapping[Cell, int], withheld: set[Cell]) -> list[Cell]:
    return [cell for cell in relation.terms if cell in withheld and counts.get(cell, 0) > 0]


def complete(counts: Mapping[Cell, int], relations: Sequence[Relation], withheld: Iterable[Cell],
             *, total_first: bool = False) -> set[Cell]:
    """``withheld`` grown until no relation has exactly one withheld figure with people in it."""
    out = set(withheld)
    changed = True
    while changed:
        changed = False
        for relation in relations:
            if len(_hidden(relation, counts, out)) != 1:
                continue
            choice = _complement(relation, counts, out, total_first)
            if choice is not None:
                out.add(choice)
                changed = True
    return out


def _complement(relation: Relation, counts: Mapping[Cell, int], withheld: set[Cell], total_first: bool) -> Cell | None:
    total_free = relation.total not in withheld and counts.get(relation.total, 0) > 0
    if total_first and total_free:
        return relation.total
    parts = sorted((counts.get(cell, 0), repr(cell), i) for i, cell in enumerate(relation.parts)
                   if cell not in withheld and counts.get(cell, 0) > 0)
    if parts:
        return relation.parts[parts[0][2]]
    return relation.total if total_free else None


def plan(counts: Mapping[Cell, int], relations: Sequence[Relation], minimum: int, *,
         total_first: bool = False) -> set[Cell]:
    """Every figure to withhold: the small ones and their complements."""
    return complete(counts, relations, primary(counts, minimum), total_first=total_first)


def determined(relations: Sequence[Relation], withheld: Iterable[Cell], counts: Mapping[Cell, int]) -> set[Cell]:
    """The withheld figures (with people in them) that the published ones determine by the relations.

    Exact Gaussian elimination over the unknowns: a withheld figure is determined when its unit vector
    lies in the row space of the relations restricted to the unknowns. Cubic: for tests and small trees.
    """
    unknown = sorted({c for c in withheld if counts.get(c, 0) > 0}, key=repr)
    index = {cell: i for i, cell in enumerate(unknown)}
    rows: list[list[Fraction]] = []
    for relation in relations:
        row = [Fraction(0)] * len(unknown)
        for sign, cell in [(1, relation.total), *((-1, part) for part in relation.parts)]:
            if cell in index:
                row[index[cell]] += sign
        if any(row):
            rows.append(row)
    basis = _echelon(rows, len(unknown))
    return {cell for cell, i in index.items() if _in_span(basis, i, len(unknown))}


def _echelon(rows: list[list[Fraction]], width: int) -> list[tuple[int, list[Fraction]]]:
    """A reduced row echelon basis of ``rows``: (pivot column, row)."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = _reduce(basis, row)
        pivot = next((j for j in range(width) if row[j] != 0), None)
        if pivot is None:
            continue
        row = [x / row[pivot] for x in row]
        basis = [(p, [a - b[pivot] * c for a, c in zip(b, row)]) if b[pivot] != 0 else (p, b) for p, b in basis]
        basis.append((pivot, row))
    return basis


def _reduce(basis: list[tuple[int, list[Fraction]]], row: list[Fraction]) -> list[Fraction]:
    row = list(row)
    for pivot, base in basis:
        if row[pivot] != 0:
            factor = row[pivot]
            row = [a - factor * b for a, b in zip(row, base)]
    return row


def _in_span(basis: list[tuple[int, list[Fraction]]], column: int, width: int) -> bool:
    unit = [Fraction(0)] * width
    unit[column] = Fraction(1)
    return not any(_reduce(basis, unit))
