"""Assessments (penilaian) and appeals (keberatan).

The assessor is the SKP's assessor (the holder of ``reports_to`` at the period's end); the top position
is assessed by nobody. Behaviour values are chosen so that the total lands in the intended band.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import estimate as est
from .context import World
from .records import Contract

PP46_KEYS = ("orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama", "kepemimpinan")
PM8_KEYS = ("orientasi_pelayanan", "komitmen", "inisiatif_kerja", "kerja_sama", "kepemimpinan")
BERAKHLAK = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")
EXTRA_TASKS = ("Anggota panitia pengadaan barang dan jasa badan", "Sekretaris tim penyusun standar operasional prosedur",
               "Narasumber bimbingan teknis aplikasi kepegawaian", "Anggota tim verifikasi usulan formasi",
               "Pendamping tim audit Badan Pemeriksa Keuangan", "Anggota tim penilai angka kredit")
CREATIVITY = "Menyusun aplikasi pemantauan usulan mutasi berbasis formulir daring yang dipakai seluruh bidang badan."
NEW_IDEA = ("Merancang peta kompetensi pegawai berbasis data SIASN sehingga rekomendasi penempatan disusun "
            "dalam 3 hari, bukan 14 hari; ditetapkan sebagai inovasi badan.")
ADDITIONAL_WORK = ("Menjadi narasumber sosialisasi e-Kinerja bagi perangkat daerah",
                   "Menyusun pedoman penyusunan matriks peran hasil")


def _behaviour(keys: tuple[str, ...], structural: bool, mean: float, world: World, high: int) -> dict[str, int]:
    used = keys if structural else keys[:-1]       # kepemimpinan only for structural posts
    return dict(zip(used, est.spread(mean, len(used), world.rng, 0, high)))


def _date(year: int, month: int, first: int, last: int, world: World) -> dt.date:
    return dt.date(year, month, world.rng.randint(first, last))


def pp46_assessment(world: World, contract: Contract) -> dict[str, Any]:
    pid, plan = contract.person.id, world.plan
    rating = plan.rating(pid, "2020")
    skp = world.skp[(pid, "2020")]
    mean = est.pp46_behaviour_mean(skp, est.aim(est.PP46_AIM, rating, world.rng))
    behaviour = _behaviour(PP46_KEYS, contract.position.structural, mean, world, 100)
    total = 0.6 * skp + 0.4 * sum(behaviour.values()) / len(behaviour)
    _check(world, pid, "2020", total, {"sangat-baik": (91, 999), "baik": (76, 91), "cukup": (61, 76),
                                       "kurang": (51, 61), "buruk": (0, 51)}[rating])
    date = _date(2021, 1, 6, 12, world)
    doc: dict[str, Any] = {"employee": pid, "period": "2020", "assessor": contract.assessor.id,
                           "date": date.isoformat(), "behaviour": behaviour}
    tasks = plan.extra_tasks.get(pid, 0)
    if tasks:
        doc["extra_tasks"] = [EXTRA_TASKS[(i + len(pid)) % len(EXTRA_TASKS)] for i in range(tasks)]
    if pid in plan.creativity:
        doc["creativity"] = {"level": plan.creativity[pid], "description": CREATIVITY}
    doc["feedback"] = "Pertahankan kinerja." if rating in ("sangat-baik", "baik") else "Perlu pembinaan dan rencana perbaikan."
    return doc


def pm8_assessment(world: World, contract: Contract) -> tuple[dict[str, Any], dict[str, int] | None]:
    """The 2021 assessment and, for an accepted appeal, the behaviour values after the appeal."""
    pid, plan = contract.person.id, world.plan
    rating = plan.rating(pid, "2021")
    raters = "360" if pid in plan.raters_360 else "superior"
    skp = world.skp[(pid, "2021")]
    appeal = pid in plan.appeal_accepted
    aim = est.PM8_APPEAL_BEFORE if appeal else est.aim(est.PM8_AIM, rating, world.rng)
    structural = contract.position.structural
    behaviour = _behaviour(PM8_KEYS, structural, est.pm8_behaviour_mean(skp, aim, raters), world, 120)
    w_skp, w_beh = est.pm8_weights(raters)
    total = w_skp * skp + w_beh * sum(behaviour.values()) / len(behaviour)
    bands = {"sangat-baik": (110, 999), "baik": (90, 999), "cukup": (70, 90), "kurang": (50, 70), "sangat-kurang": (0, 50)}
    after = None
    if appeal:
        _check(world, pid, "2021 before appeal", total, bands["cukup"])
        after = _behaviour(PM8_KEYS, structural, est.pm8_behaviour_mean(skp, est.PM8_APPEAL_AFTER, raters), world, 120)
        total = w_skp * skp + w_beh * sum(after.values()) / len(after)
    _check(world, pid, "2021", total, bands[rating])
    date = _date(2022, 1, 10, 14, world)
    doc: dict[str, Any] = {"employee": pid, "period": "2021", "assessor": contract.assessor.id,
                           "date": date.isoformat(), "behaviour": behaviour}
    if raters == "360":
        doc["behaviour_raters"] = "360"
    if pid in plan.additional_work:
        doc["additional_work"] = [{"text": ADDITIONAL_WORK[len(pid) % 2], "value": plan.additional_work[pid]}]
    if pid in plan.new_idea:
        doc["new_idea"] = {"recognised": True, "description": NEW_IDEA}
    return doc, after


def pm6_assessment(world: World, contract: Contract) -> dict[str, Any]:
    pid = contract.person.id
    quarters = world.quarters[pid]
    periodic = [{"reporting_period": q, "results": r, "behaviour": b, "feedback": f} for q, (r, b), f in quarters]
    last_behaviour = quarters[-1][1][1]
    rng = world.rng
    if last_behaviour == "di-atas":
        values = ["di-atas" if rng.random() < 0.75 else "sesuai" for _ in BERAKHLAK]
    elif last_behaviour == "sesuai":
        values = ["sesuai" if rng.random() < 0.85 else "di-atas" for _ in BERAKHLAK]
    else:
        values = ["di-bawah" if rng.random() < 0.6 else "sesuai" for _ in BERAKHLAK]
    return {"employee": pid, "period": "2026", "assessor": contract.assessor.id,
            "date": _date(2026, 10, 5, 9, world).isoformat(), "periodic": periodic,
            "behaviour": dict(zip(BERAKHLAK, values)), "feedback": quarters[-1][2]}


def appeal_2021(world: World, contract: Contract, assessment: dict[str, Any], after: dict[str, int]) -> dict[str, Any]:
    received = dt.date.fromisoformat(assessment["date"])
    filed = received + dt.timedelta(days=world.rng.randint(5, 10))
    return {"employee": contract.person.id, "period": "2021", "result_received": received.isoformat(),
            "filed": filed.isoformat(),
            "reasons": ("Penilaian perilaku belum mempertimbangkan keterlibatan saya dalam tim verifikasi tunjangan "
                        "profesi guru semester II; bukti surat tugas terlampir."),
            "decision": "accepted", "decided_by": contract.appeal_assessor.id,
            "decided_on": (filed + dt.timedelta(days=12)).isoformat(),
            "decision_reasons": "Bukti surat tugas dan laporan tim diterima; nilai perilaku kerja disesuaikan.",
            "changed_rating": {"behaviour": after}}


def appeal_2020(world: World, contract: Contract, assessment: dict[str, Any]) -> dict[str, Any]:
    received = dt.date.fromisoformat(assessment["date"])
    filed = received + dt.timedelta(days=world.rng.randint(6, 12))
    return {"employee": contract.person.id, "period": "2020", "result_received": received.isoformat(),
            "filed": filed.isoformat(),
            "reasons": "Realisasi kuantitas kegiatan belum memperhitungkan berkas yang diselesaikan pada bulan Desember.",
            "decision": "rejected", "decided_by": contract.appeal_assessor.id,
            "decided_on": (filed + dt.timedelta(days=14)).isoformat(),
            "decision_reasons": ("Berkas Desember telah dihitung dalam realisasi; register surat keluar menunjukkan "
                                 "jumlah yang sama. Penilaian tetap.")}


def _check(world: World, pid: str, label: str, total: float, band: tuple[float, float]) -> None:
    if not band[0] + 0.3 <= total < band[1] - 0.3:
        world.misses.append(f"{pid} {label}: total {total:.2f} outside {band}")
