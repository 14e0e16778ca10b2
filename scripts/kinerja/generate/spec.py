"""Small helpers to write organisation specs as data (see :mod:`.demo_a`, :mod:`.demo_b`, :mod:`.generic`).

A unit spec is a dict ``{id, name, type, short?, agreement?, positions, children}``; a position spec is
made by :func:`pos`; a duty is a tuple ``(text, output, unit_of_output, annual quantity, RHK text)``;
an agreement is a list of goals ``(goal text, [indicator tuples])`` where an indicator tuple is
``(text, unit, target, polarity, aggregation)`` and ``target`` is a number, a ``{"min", "max"}`` range or
a string (a qualitative target such as predikat "A").
"""

from __future__ import annotations

from typing import Any

DutyTuple = tuple[str, str, str, int, str]


def pos(suffix: str, title: str, cls: str, grade: int, summary: str, duties: list[DutyTuple], *,
        level: str | None = None, count: int = 1, head: bool = False, reports_to: str | None = None) -> dict[str, Any]:
    """A position spec; its id is ``<unit id>-<suffix>``. ``reports_to`` (a suffix in the same unit or a
    full id) defaults to the unit head, or for a head to the parent unit's head."""
    return {"suffix": suffix, "title": title, "cls": cls, "grade": grade, "summary": summary,
            "duties": duties, "level": level, "count": count, "head": head, "reports_to": reports_to}


def head(suffix: str, title: str, cls: str, grade: int, summary: str, duties: list[DutyTuple],
         level: str | None = None) -> dict[str, Any]:
    return pos(suffix, title, cls, grade, summary, duties, level=level, head=True)


def unit(uid: str, name: str, utype: str, positions: list[dict[str, Any]], children: list[dict[str, Any]] | None = None,
         agreement: list[Any] | None = None, short: str | None = None) -> dict[str, Any]:
    return {"id": uid, "name": name, "type": utype, "positions": positions, "children": children or [],
            "agreement": agreement or [], "short": short}


# Duties shared by the secretariats of every agency (each agency writes them for itself).
def secretary_duties(agency: str) -> list[DutyTuple]:
    return [
        (f"Mengoordinasikan penyusunan rencana strategis, rencana kerja dan anggaran {agency}",
         "Dokumen Renstra, Renja dan RKA", "dokumen", 3,
         f"Tersusunnya dokumen perencanaan dan anggaran {agency} tepat waktu"),
        (f"Mengendalikan penatausahaan keuangan dan barang milik daerah {agency}",
         "Laporan keuangan dan barang milik daerah", "laporan", 4,
         f"Tertibnya penatausahaan keuangan dan barang milik daerah {agency}"),
        (f"Menyusun laporan kinerja instansi pemerintah {agency}",
         "Laporan kinerja instansi pemerintah (LKjIP)", "dokumen", 1,
         f"Tersedianya laporan kinerja {agency} yang akuntabel"),
    ]


def admin_duties() -> list[DutyTuple]:
    return [
        ("Mencatat surat masuk dan surat keluar pada aplikasi persuratan dinas", "Register surat", "register", 12,
         "Tercatatnya seluruh surat masuk dan keluar pada aplikasi persuratan"),
        ("Menyiapkan bahan rapat dan menyusun notulen rapat pimpinan", "Notulen rapat", "notulen", 24,
         "Tersedianya bahan dan notulen rapat pimpinan"),
        ("Menata arsip aktif unit kerja sesuai klasifikasi arsip", "Berkas arsip aktif tertata", "berkas", 120,
         "Tertatanya arsip aktif unit kerja sesuai klasifikasi"),
    ]


def finance_duties() -> list[DutyTuple]:
    return [
        ("Membukukan transaksi penerimaan dan pengeluaran kas pada buku kas umum", "Buku kas umum", "laporan", 12,
         "Terbukukannya seluruh transaksi kas tepat waktu"),
        ("Menyusun laporan pertanggungjawaban bendahara pengeluaran", "Laporan pertanggungjawaban bendahara",
         "laporan", 12, "Tersusunnya laporan pertanggungjawaban bendahara setiap bulan"),
    ]
