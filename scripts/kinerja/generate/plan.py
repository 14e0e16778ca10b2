"""Who gets which predikat, and who has the special cases (appeals, new idea, creativity, ...).

The demo (60 employees) follows the table below; every other size draws from weights (mostly Baik).
"-" means no result: not employed in that period (PPPK appointed 2024-03-01; p0050 joined 2026-10-01
and its 2026 SKP is still *proposed*), or the top position (Sekretaris Daerah, assessed by nobody).
2026 is the latest periodic (2026-Q3) rating: there is no annual rating yet. 2026 keeps each agency
within the distribution guidance (at most 70% Baik, at least one Butuh Perbaikan or Kurang).

| employee | position                              | 2020 (PP 46/2011) | 2021 (8/2021)        | 2026 (6/2022)   |
|----------|---------------------------------------|-------------------|----------------------|-----------------|
| p0001    | setda-sekda (top)                     | -                 | -                    | -               |
| p0002    | setda-pengadministrasi                | baik              | baik                 | baik            |
| p0003    | setda-organisasi-kabiro               | baik              | baik                 | sangat-baik     |
| p0004    | setda-organisasi-analis               | baik              | baik (360)           | baik            |
| p0005    | setda-organisasi-pengolah             | baik              | baik                 | butuh-perbaikan |
| p0006    | bkd-kepala                            | sangat-baik       | baik                 | sangat-baik     |
| p0007    | bkd-sekretariat-sekretaris            | baik (2 extra)    | baik                 | baik            |
| p0008    | bkd-umum-kasubbag                     | baik              | baik                 | baik            |
| p0009    | bkd-umum-arsiparis                    | baik              | baik                 | baik            |
| p0010    | bkd-umum-pengadministrasi (moved)     | baik              | baik                 | baik            |
| p0011    | bkd-mutasi-kabid                      | baik              | baik (360)           | baik            |
| p0012    | bkd-mutasi-analis-muda                | sangat-baik (creativity) | sangat-baik (new idea, maximum) | sangat-baik |
| p0013    | bkd-mutasi-analis-pertama (PPPK)      | -                 | -                    | baik            |
| p0014    | bkd-mutasi-pengolah                   | cukup (appeal rejected) | baik           | kurang          |
| p0015    | bkd-mutasi-pengolah                   | baik              | baik                 | baik            |
| p0016    | bkd-pengembangan-kabid                | baik              | baik                 | baik            |
| p0017    | bkd-pengembangan-analis               | baik              | baik                 | butuh-perbaikan |
| p0018    | bkd-pengembangan-pengelola            | baik              | baik (360)           | baik (misses 2026-04, -05) |
| p0019    | disdik-kepala                         | baik              | baik                 | baik            |
| p0020    | disdik-sekretariat-sekretaris         | baik (1 extra)    | baik (additional work) | baik (additional target) |
| p0021    | disdik-sekretariat-perencana          | baik              | baik                 | sangat-baik     |
| p0022    | disdik-sekretariat-bendahara          | baik              | baik                 | baik            |
| p0023    | disdik-sekretariat-pengadministrasi   | baik              | kurang               | butuh-perbaikan |
| p0024    | disdik-sma-kabid                      | baik              | baik                 | baik            |
| p0025    | disdik-sma-pengawas-sekolah           | baik              | baik (360)           | baik            |
| p0026    | disdik-sma-pengolah                   | buruk             | sangat-kurang        | sangat-kurang   |
| p0027    | disdik-sma-pengolah                   | cukup             | baik                 | baik            |
| p0028    | disdik-gtk-kabid                      | baik              | baik                 | sangat-baik     |
| p0029    | disdik-gtk-penelaah                   | baik              | baik (cukup before the accepted appeal) | baik |
| p0030    | disdik-gtk-pranata-komputer           | baik              | baik                 | baik            |
| p0031    | dinkes-kepala                         | baik              | baik                 | baik            |
| p0032    | dinkes-sekretariat-sekretaris         | baik              | baik (360)           | sangat-baik     |
| p0033    | dinkes-sekretariat-analis-keuangan (PPPK) | -             | -                    | baik            |
| p0034    | dinkes-sekretariat-pengadministrasi   | baik              | baik                 | baik            |
| p0035    | dinkes-yankes-kabid                   | baik              | baik                 | baik            |
| p0036    | dinkes-yankes-epidemiolog             | sangat-baik       | baik                 | sangat-baik (a month not available) |
| p0037    | dinkes-rujukan-kasi                   | baik              | baik                 | baik            |
| p0038    | dinkes-rujukan-adminkes               | baik              | baik                 | butuh-perbaikan |
| p0039    | dinkes-rujukan-pengolah               | kurang            | baik (360)           | baik            |
| p0040    | dinkes-labkesda-kepala                | baik              | baik                 | baik            |
| p0041    | dinkes-labkesda-pranata-lab           | baik              | cukup                | kurang          |
| p0042    | dinkes-labkesda-pranata-lab           | baik              | baik                 | baik            |
| p0043    | dinkes-labkesda-pengadministrasi      | baik              | baik                 | baik (misses 2026-09, -10) |
| p0044    | bappeda-kepala                        | baik              | baik                 | baik            |
| p0045    | bappeda-sekretariat-sekretaris        | baik (4 extra)    | baik                 | sangat-baik     |
| p0046    | bappeda-sekretariat-pengelola-keuangan | cukup            | baik (360)           | baik            |
| p0047    | bappeda-sekretariat-pengadministrasi  | baik              | cukup                | butuh-perbaikan |
| p0048    | bappeda-perencanaan-kabid             | baik              | baik                 | baik            |
| p0049    | bappeda-perencanaan-perencana-muda    | baik              | baik                 | sangat-baik     |
| p0050    | bappeda-perencanaan-perencana-pertama (joined 2026-10-01) | - | -             | - (SKP proposed) |
| p0051    | bappeda-perencanaan-analis-data (PPPK) | -                | -                    | baik            |
| p0052    | inspektorat-inspektur                 | baik              | baik                 | baik            |
| p0053    | inspektorat-sekretariat-sekretaris    | baik              | baik (360)           | baik            |
| p0054    | inspektorat-sekretariat-pengadministrasi | kurang         | baik                 | baik            |
| p0055    | inspektorat-sekretariat-pengelola-data | baik             | baik                 | sangat-baik     |
| p0056    | inspektorat-irban1-irban              | baik              | baik                 | baik            |
| p0057    | inspektorat-irban1-auditor-muda       | baik              | baik                 | sangat-baik     |
| p0058    | inspektorat-irban1-auditor-pertama    | baik              | baik                 | baik            |
| p0059    | inspektorat-irban1-auditor-pertama    | baik              | baik                 | butuh-perbaikan |
| p0060    | inspektorat-irban1-auditor-terampil   | baik              | baik (360)           | baik            |
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

DEMO_SIZE = 60

#: id -> (2020, 2021, 2026); missing ids are Baik in every period.
DEMO_RATINGS: dict[str, tuple[str, str, str]] = {
    "p0003": ("baik", "baik", "sangat-baik"), "p0005": ("baik", "baik", "butuh-perbaikan"),
    "p0006": ("sangat-baik", "baik", "sangat-baik"), "p0012": ("sangat-baik", "sangat-baik", "sangat-baik"),
    "p0014": ("cukup", "baik", "kurang"), "p0017": ("baik", "baik", "butuh-perbaikan"),
    "p0021": ("baik", "baik", "sangat-baik"), "p0023": ("baik", "kurang", "butuh-perbaikan"),
    "p0026": ("buruk", "sangat-kurang", "sangat-kurang"), "p0027": ("cukup", "baik", "baik"),
    "p0028": ("baik", "baik", "sangat-baik"), "p0032": ("baik", "baik", "sangat-baik"),
    "p0036": ("sangat-baik", "baik", "sangat-baik"), "p0038": ("baik", "baik", "butuh-perbaikan"),
    "p0039": ("kurang", "baik", "baik"), "p0041": ("baik", "cukup", "kurang"),
    "p0045": ("baik", "baik", "sangat-baik"), "p0046": ("cukup", "baik", "baik"),
    "p0047": ("baik", "cukup", "butuh-perbaikan"), "p0049": ("baik", "baik", "sangat-baik"),
    "p0054": ("kurang", "baik", "baik"), "p0055": ("baik", "baik", "sangat-baik"),
    "p0057": ("baik", "baik", "sangat-baik"), "p0059": ("baik", "baik", "butuh-perbaikan"),
}
PERIOD_INDEX = {"2020": 0, "2021": 1, "2026": 2}

#: Weights for other sizes, per period.
WEIGHTS = {
    "2020": (("sangat-baik", 8), ("baik", 74), ("cukup", 10), ("kurang", 5), ("buruk", 3)),
    "2021": (("sangat-baik", 5), ("baik", 78), ("cukup", 10), ("kurang", 5), ("sangat-kurang", 2)),
    "2026": (("sangat-baik", 15), ("baik", 62), ("butuh-perbaikan", 13), ("kurang", 6), ("sangat-kurang", 4)),
}


@dataclass
class Plan:
    demo: bool
    ratings: dict[tuple[str, str], str] = field(default_factory=dict)
    appeal_accepted: set[str] = field(default_factory=set)      # 2021: cukup before, baik after
    appeal_rejected: set[str] = field(default_factory=set)      # 2020
    new_idea: set[str] = field(default_factory=set)             # 2021
    creativity: dict[str, str] = field(default_factory=dict)    # 2020: level
    extra_tasks: dict[str, int] = field(default_factory=dict)   # 2020: number of extra tasks
    additional_work: dict[str, float] = field(default_factory=dict)  # 2021: value
    raters_360: set[str] = field(default_factory=set)           # 2021
    maximum: set[str] = field(default_factory=set)              # 2021: an IKI with maximum: true
    additional_target: set[tuple[str, str]] = field(default_factory=set)  # (employee, period)
    missing_months: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_available: set[str] = field(default_factory=set)        # 2026: one month not available

    def rating(self, employee: str, period: str) -> str:
        return self.ratings.get((employee, period), "baik")


def demo_plan() -> Plan:
    plan = Plan(demo=True)
    for employee, values in DEMO_RATINGS.items():
        for period, index in PERIOD_INDEX.items():
            plan.ratings[(employee, period)] = values[index]
    plan.appeal_accepted = {"p0029"}
    plan.appeal_rejected = {"p0014"}
    plan.new_idea = {"p0012"}
    plan.creativity = {"p0012": "organisation"}
    plan.extra_tasks = {"p0007": 2, "p0020": 1, "p0045": 4}
    plan.additional_work = {"p0012": 5.0, "p0020": 2.0}
    plan.raters_360 = {"p0004", "p0011", "p0018", "p0025", "p0032", "p0039", "p0046", "p0053", "p0060"}
    plan.maximum = {"p0012"}
    plan.additional_target = {("p0012", "2021"), ("p0020", "2026")}
    plan.missing_months = {"p0018": ("2026-04", "2026-05"), "p0043": ("2026-09", "2026-10")}
    plan.not_available = {"p0036"}
    return plan


def random_plan(employee_ids: list[str], appealable: set[str], rng: random.Random) -> Plan:
    """A plan for a synthetic province: predikat by weight, special cases at small rates.
    ``appealable`` are the employees whose assessor has a superior (appeals need an appeal assessor)."""
    plan = Plan(demo=False)
    for period, weights in WEIGHTS.items():
        names = [n for n, _ in weights]
        cum = [w for _, w in weights]
        for employee in employee_ids:
            choice = rng.choices(names, cum)[0]
            if choice != "baik":
                plan.ratings[(employee, period)] = choice
    for employee in employee_ids:
        r = rng.random()
        if plan.rating(employee, "2021") == "sangat-baik":
            plan.new_idea.add(employee)
            plan.maximum.add(employee)
            plan.additional_work[employee] = 5.0
        if plan.rating(employee, "2020") == "sangat-baik" and r < 0.3:
            plan.creativity[employee] = rng.choice(("unit", "organisation"))
        if r < 0.1:
            plan.extra_tasks[employee] = rng.randint(1, 5)
        if 0.1 <= r < 0.25:
            plan.raters_360.add(employee)
        if 0.25 <= r < 0.3 and plan.rating(employee, "2021") == "baik":
            plan.additional_work[employee] = float(rng.randint(1, 4))
        if 0.3 <= r < 0.32:
            plan.missing_months[employee] = ("2026-04", "2026-05")
        if 0.32 <= r < 0.33:
            plan.not_available.add(employee)
        if 0.33 <= r < 0.34:
            plan.additional_target.add((employee, "2026"))
        if employee in appealable and 0.34 <= r < 0.345 and plan.rating(employee, "2021") == "baik":
            plan.appeal_accepted.add(employee)
        if employee in appealable and 0.345 <= r < 0.35:
            plan.appeal_rejected.add(employee)
            plan.ratings[(employee, "2020")] = "cukup"
    return plan


def build_plan(employees: int, employee_ids: list[str], appealable: set[str], rng: random.Random) -> Plan:
    return demo_plan() if employees == DEMO_SIZE else random_plan(employee_ids, appealable, rng)
