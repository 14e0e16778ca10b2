"""Deterministic demo-data generator: writes the ``contracts/`` tree of a fictional province.

``generate(out_dir, employees=60, seed=1)`` writes ``<out_dir>/contracts/`` and returns file counts per
kind. The default (60 employees) is the hand-written demo of Pemerintah Provinsi Contoh: Sekretariat
Daerah and five agencies (BKD, Dinas Pendidikan, Dinas Kesehatan, Bappeda, Inspektorat), three
periods (2020 under PP 46/2011, 2021 under PermenPANRB 8/2021, 2026 under PermenPANRB 6/2022), every
predikat of each regime (see :mod:`.plan` for the table), appeals, attendance and agreements.
Larger numbers make a synthetic province (about one agency per 800 employees, 3-8 sub-units each).

Only ``random.Random(seed)`` is used, never the clock; the same arguments give the same bytes. Every
step is linear in the number of employees. Existing files are overwritten, none are deleted, and an
existing ``contracts/allowance/tpp-contoh.yaml`` is never touched.

Modules: :mod:`.names` (names and titles), :mod:`.spec`, :mod:`.demo_a`, :mod:`.demo_b` and
:mod:`.generic` (organisation specs as data), :mod:`.orgspec` (units and positions), :mod:`.people`
(employees, NIPs, assignments), :mod:`.plan` (intended predikat), :mod:`.contracts` (SKP),
:mod:`.agreements`, :mod:`.realise` (realisations), :mod:`.evaluations` and :mod:`.assess`
(assessments, appeals), :mod:`.attendance`, :mod:`.basics` and :mod:`.writer`.
"""

from __future__ import annotations

import random
from pathlib import Path

from . import agreements, assess, basics, realise
from .attendance import attendance_files
from .context import PERIODS, World, index_holders
from .contracts import build_contracts, contract_doc
from .evaluations import plan_quarters
from .orgspec import build_org
from .people import build_people
from .plan import build_plan
from .readme import README
from .records import Contract
from .writer import Writer

__all__ = ["generate", "build"]


def build(employees: int = 60, seed: int = 1, agencies: int | None = None) -> World:
    """Everything in memory: organisation, people, plan, contracts and 2026 evaluations."""
    rng = random.Random(seed)
    org = build_org(employees, rng, agencies)
    people = build_people(org, employees, rng)
    first_posts = {p.id: org.position_by_id[p.assignments[0].position] for p in people.persons}
    appealable = {pid for pid, pos in first_posts.items() if org.depth[pos.id] >= 2}
    plan = build_plan(employees, [p.id for p in people.persons], appealable, rng)
    world = World(org, people, plan, rng)
    index_holders(world)
    build_contracts(world)
    world.quarters = plan_quarters(world)
    return world


def generate(out_dir: Path, employees: int = 60, seed: int = 1, agencies: int | None = None) -> dict[str, int]:
    """Write ``<out_dir>/contracts/`` for ``employees`` people in ``agencies`` OPD (default: by size);
    return the number of files per kind."""
    return write(build(employees, seed, agencies), Path(out_dir))


def write(world: World, out_dir: Path) -> dict[str, int]:
    """Write every file of ``world`` under ``<out_dir>/contracts/``; return the counts per kind."""
    w = Writer(out_dir)
    w.yaml("settings.yaml", basics.settings_doc())
    w.yaml("organisation.yaml", basics.organisation_doc(world))
    w.yaml("periods.yaml", basics.periods_doc())
    w.example_rule()
    for relative, doc in basics.positions_docs(world) + basics.employees_docs(world):
        w.yaml(relative, doc)
    for relative, doc in agreements.all_documents(world):
        w.yaml(relative, doc)
    for period in PERIODS:
        for (pid, period_id), contract in world.contracts.items():
            if period_id == period.id:
                _write_contract(world, w, contract)
    for relative, text in attendance_files(world):
        w.text(relative, text)
    w.text("README.md", README)
    return dict(sorted(w.counts.items()))


def _write_contract(world: World, w: Writer, contract: Contract) -> None:
    pid, period, unit = contract.person.id, contract.period.id, contract.position.unit
    base = f"units/{unit}/{period}"
    w.yaml(f"{base}/skp/{pid}.yaml", contract_doc(contract))
    if contract.status != "approved":
        return
    if period == "2020":
        w.yaml(f"{base}/realisations/{pid}/2020.yaml", realise.pp46_report(world, contract))
    elif period == "2021":
        w.yaml(f"{base}/realisations/{pid}/2021.yaml", realise.pm8_report(world, contract))
    else:
        for month, report in realise.monthly_reports(world, contract):
            w.yaml(f"{base}/realisations/{pid}/{month}.yaml", report)
    if contract.assessor is None:
        return                                    # the top position is assessed by nobody
    if period == "2020":
        doc = assess.pp46_assessment(world, contract)
        w.yaml(f"{base}/assessments/{pid}.yaml", doc)
        if pid in world.plan.appeal_rejected and contract.appeal_assessor is not None:
            w.yaml(f"{base}/appeals/{pid}.yaml", assess.appeal_2020(world, contract, doc))
    elif period == "2021":
        doc, after = assess.pm8_assessment(world, contract)
        w.yaml(f"{base}/assessments/{pid}.yaml", doc)
        if after is not None and contract.appeal_assessor is not None:
            w.yaml(f"{base}/appeals/{pid}.yaml", assess.appeal_2021(world, contract, doc, after))
    elif pid in world.quarters:
        w.yaml(f"{base}/assessments/{pid}.yaml", assess.pm6_assessment(world, contract))
