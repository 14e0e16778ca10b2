"""PermenPANRB 6/2022: the quarterly (results, behaviour) ratings that give each intended predikat.

Matrix (results × behaviour): di-atas×di-atas Sangat Baik; di-atas/sesuai × sesuai, sesuai×di-atas Baik;
di-bawah × sesuai/di-atas Butuh Perbaikan; di-atas/sesuai × di-bawah Kurang; di-bawah×di-bawah Sangat
Kurang. The last quarter (2026-Q3) carries the intended predikat; earlier quarters lead up to it.
"""

from __future__ import annotations

import random

from .context import QUARTERS_2026, World

Pair = tuple[str, str]
PAIRS: dict[str, tuple[Pair, ...]] = {
    "sangat-baik": (("di-atas", "di-atas"),),
    "baik": (("sesuai", "sesuai"), ("sesuai", "sesuai"), ("sesuai", "sesuai"), ("di-atas", "sesuai"),
             ("sesuai", "di-atas")),
    "butuh-perbaikan": (("di-bawah", "sesuai"), ("di-bawah", "di-atas")),
    "kurang": (("sesuai", "di-bawah"), ("di-atas", "di-bawah")),
    "sangat-kurang": (("di-bawah", "di-bawah"),),
}
#: The predikat of the quarter before, by the final predikat (choices).
LEAD_UP = {"sangat-baik": ("sangat-baik", "baik"), "baik": ("baik",), "butuh-perbaikan": ("butuh-perbaikan", "baik"),
           "kurang": ("baik", "butuh-perbaikan"), "sangat-kurang": ("butuh-perbaikan", "kurang")}

FEEDBACK = {
    "sangat-baik": ("Hasil kerja melampaui target dengan bukti dukung lengkap; pertahankan dan bagikan praktik baiknya.",
                    "Inisiatif perbaikan layanan sangat membantu unit; pertahankan."),
    "baik": ("Hasil kerja sesuai target dan dilaporkan tepat waktu.",
             "Target tercapai; lengkapi bukti dukung setiap bulan.",
             "Kinerja sesuai ekspektasi; tingkatkan koordinasi dengan tim."),
    "butuh-perbaikan": ("Beberapa keluaran terlambat; susun rencana aksi bulanan bersama atasan.",
                        "Capaian di bawah target; perlu pendampingan teknis."),
    "kurang": ("Hasil kerja tercapai, tetapi disiplin dan kerja sama perlu diperbaiki segera.",
               "Perilaku kerja belum sesuai nilai BerAKHLAK; ikuti pembinaan."),
    "sangat-kurang": ("Hasil kerja dan perilaku di bawah ekspektasi; dilakukan pembinaan intensif.",),
}


def sequence(final: str, rng: random.Random) -> list[tuple[str, Pair, str]]:
    """(quarter, (results, behaviour), feedback) for 2026-Q1..Q3 ending in ``final``."""
    q2 = rng.choice(LEAD_UP[final])
    q1 = "baik" if final != "sangat-kurang" else "butuh-perbaikan"
    out = []
    for quarter, predikat in zip(QUARTERS_2026, (q1, q2, final)):
        out.append((quarter, rng.choice(PAIRS[predikat]), rng.choice(FEEDBACK[predikat])))
    return out


def plan_quarters(world: World) -> dict[str, list[tuple[str, Pair, str]]]:
    """The 2026 periodic evaluations of everyone with an approved 2026 SKP and an assessor."""
    out = {}
    for person in world.people.persons:
        contract = world.contracts.get((person.id, "2026"))
        if contract is None or contract.assessor is None or contract.status != "approved":
            continue
        out[person.id] = sequence(world.plan.rating(person.id, "2026"), world.rng)
    return out
