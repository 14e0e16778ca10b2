"""Individual contracts (SKP) per period, under the period's regime.

Cascading: a unit head whose unit has an agreement (the Sekretaris Daerah, every OPD head, and the
heads of sub-units with their own agreement) writes one target per goal of that agreement with
``supports_indicator``, and one per remaining duty (at the top of an agency supporting the agreement's
other indicators, in a sub-unit supporting the assessor's targets). Everybody else writes one target
per duty of the position, each supporting a target of the assessor's SKP of the same period
(``supports``). SKPs are built top-down, so the assessor's targets exist when a subordinate needs them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .agreements import goals
from .context import PERIODS, World
from .records import Contract, Indicator, Period, Person, Position, Target

COSTS = (75_000_000, 120_000_000, 170_395_000, 250_000_000)
ADDITIONAL = (
    ("Terlaksananya tugas sebagai sekretaris tim penilai kinerja pegawai", "Jumlah rapat tim penilai yang difasilitasi",
     "rapat", 4),
    ("Terlaksananya tugas sebagai anggota tim percepatan penyerapan anggaran", "Jumlah laporan tim percepatan yang disusun",
     "laporan", 4),
    ("Terlaksananya tugas sebagai narasumber sosialisasi aplikasi e-Kinerja", "Jumlah sesi sosialisasi yang dibawakan",
     "sesi", 3),
)


def lcfirst(text: str) -> str:
    """``Dokumen rencana`` → ``dokumen rencana``; acronyms (``LKjIP``, ``RKPD``) stay as written."""
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def build_contracts(world: World) -> None:
    order = {p.id: i for i, p in enumerate(world.people.persons)}
    for period in PERIODS:
        pairs = [(person, world.held[(period.id, person.id)]) for person in world.people.persons
                 if (period.id, person.id) in world.held]
        pairs.sort(key=lambda pair: (world.org.depth[pair[1].id], order[pair[0].id]))
        for person, position in pairs:
            world.contracts[(person.id, period.id)] = _contract(world, person, position, period, order[person.id])


def _contract(world: World, person: Person, position: Position, period: Period, index: int) -> Contract:
    superior = world.position(position.reports_to) if position.reports_to else None
    assessor = world.holder.get((period.id, superior.id)) if superior else None
    appeal = world.holder.get((period.id, superior.reports_to)) if superior and superior.reports_to else None
    unit = world.org.unit_by_id[position.unit]
    superior_contract = world.contracts.get((assessor.id, period.id)) if assessor else None
    supported = [t.id for t in superior_contract.targets if t.category == "main"] if superior_contract else []
    if position.head and unit.agreement:
        targets = _agreement_targets(unit, position, period)
        rest = position.duties[len(targets):]
        if rest and supported and unit.parent is not None:
            targets += _duty_targets(world, person, position, period, rest, len(targets), supported=supported)
        elif rest:
            targets += _duty_targets(world, person, position, period, rest, len(targets),
                                     indicators=_leftover_indicators(unit, targets))
    elif supported:
        targets = _duty_targets(world, person, position, period, position.duties, 0, supported=supported, index=index)
    else:
        raise ValueError(f"{person.id} ({position.id}, {period.id}): the assessor has no SKP to support")
    if (person.id, period.id) in world.plan.additional_target and period.regime != "pp46-2011":
        text, ind_text, ind_unit, qty = ADDITIONAL[index % len(ADDITIONAL)]
        targets.append(Target(f"t{len(targets) + 1}", text, category="additional",
                              indicators=[Indicator("i1", ind_text, ind_unit, qty, aggregation="sum")]))
    joined_late = person.id in world.people.joiners and period.id == "2026"
    day = min(28, 8 + 3 * world.org.depth[position.id] + world.rng.randint(0, 3))
    return Contract(person, position, period, assessor, appeal, targets,
                    status="proposed" if joined_late else "approved",
                    approved_on=None if joined_late else dt.date(period.start.year, 1, day))


def _agreement_targets(unit: Any, position: Position, period: Period) -> list[Target]:
    """One target per goal of the unit's agreement that has numeric indicators (their copies as IKI)."""
    targets = []
    for gid, text, indicators in goals(unit):
        numeric = [i for i in indicators if i.target_text is None]
        if not numeric:
            continue
        duty = position.duties[len(targets) % len(position.duties)]
        target = Target(f"t{len(targets) + 1}", text, duty=duty.id, supports_indicator=numeric[0].id)
        if period.regime == "pp46-2011":
            target.quantity = (duty.qty, duty.unit)
        else:
            target.indicators = [Indicator(f"i{k}", i.text, i.unit, i.target, polarity=i.polarity,
                                           aggregation=i.aggregation) for k, i in enumerate(numeric, start=1)]
        targets.append(target)
    return targets


def _leftover_indicators(unit: Any, targets: list[Target]) -> list[str]:
    """Agreement indicators no goal target points at yet (qualitative ones included), else all of them."""
    used = {t.supports_indicator for t in targets}
    every = [i.id for _, _, inds in goals(unit) for i in inds]
    return [i for i in every if i not in used] or every


def _duty_targets(world: World, person: Person, position: Position, period: Period, duties: list[Any], start: int,
                  supported: list[str] | None = None, indicators: list[str] | None = None,
                  index: int = 0) -> list[Target]:
    """One target per duty, each supporting a superior target (``supported``, rotated by ``index``) or
    an agreement indicator (``indicators``)."""
    targets = []
    for k, duty in enumerate(duties):
        target = Target(f"t{start + k + 1}", duty.rhk, duty=duty.id)
        if supported:
            target.supports = supported[(k + index) % len(supported)]
        else:
            target.supports_indicator = indicators[k % len(indicators)]  # type: ignore[index]
        first = start + k == 0
        if period.regime == "pp46-2011":
            target.quantity = (duty.qty, duty.unit)
            if first and position.cls == "administrator":
                target.cost = COSTS[index % len(COSTS)]
        else:
            target.indicators = [Indicator("i1", f"Jumlah {lcfirst(duty.output)}", duty.unit, duty.qty,
                                           aggregation="sum")]
            if first:
                target.indicators.append(Indicator(
                    "i2", f"Persentase {lcfirst(duty.output)} yang diselesaikan tepat waktu", "%", 100,
                    aggregation="last", maximum=person.id in world.plan.maximum and period.id == "2021"))
        targets.append(target)
    return targets


def contract_doc(contract: Contract) -> dict[str, Any]:
    doc: dict[str, Any] = {"employee": contract.person.id, "position": contract.position.id,
                           "period": contract.period.id}
    if contract.assessor is not None:
        doc["assessor"] = contract.assessor.id
    if contract.appeal_assessor is not None:
        doc["appeal_assessor"] = contract.appeal_assessor.id
    doc["status"] = contract.status
    if contract.approved_on is not None:
        doc["approved_on"] = contract.approved_on.isoformat()
    doc["targets"] = [_target_doc(t) for t in contract.targets]
    return doc


def _target_doc(target: Target) -> dict[str, Any]:
    out: dict[str, Any] = {"id": target.id, "category": target.category, "text": target.text}
    if target.duty:
        out["duty"] = target.duty
    if target.supports:
        out["supports"] = target.supports
    if target.supports_indicator:
        out["supports_indicator"] = target.supports_indicator
    if target.quantity is not None:
        out["quantity"] = {"target": target.quantity[0], "unit": target.quantity[1]}
        out["quality"] = 100
        out["time"] = {"target": 12, "unit": "bulan"}
        if target.cost is not None:
            out["cost"] = target.cost
    if target.indicators:
        out["indicators"] = [i.as_data() for i in target.indicators]
    return out
