"""Generic agencies for a synthetic province (used when ``employees`` asks for more OPD than the demo has).

Each agency has a secretariat, 2-6 fields (bidang) named after its real-world topics and sometimes a
technical implementation unit (UPTD), so 3-8 sub-units. Duties are written from the topic, so they
stay concrete (no open-ended "other duties").
"""

from __future__ import annotations

import random
from typing import Any

from .spec import admin_duties, finance_duties, head, pos, secretary_duties, unit

#: (id, name, type, short name, topics of its fields, UPTD name or "")
AGENCIES: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    ("dishub", "Dinas Perhubungan", "dinas", "Dishub", ("Lalu Lintas Angkutan Jalan", "Pelayaran", "Perkeretaapian", "Keselamatan Transportasi"), "Pengujian Kendaraan Bermotor"),
    ("dinsos", "Dinas Sosial", "dinas", "Dinsos", ("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial", "Pemberdayaan Sosial"), "Panti Sosial Bina Laras"),
    ("disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", "dinas", "Disnakertrans", ("Pelatihan dan Produktivitas", "Penempatan Tenaga Kerja", "Hubungan Industrial", "Pengawasan Ketenagakerjaan", "Transmigrasi"), "Balai Latihan Kerja"),
    ("dlh", "Dinas Lingkungan Hidup", "dinas", "DLH", ("Tata Lingkungan", "Pengendalian Pencemaran", "Pengelolaan Sampah dan Limbah B3", "Penaatan Hukum Lingkungan"), "Laboratorium Lingkungan"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "dinas", "DPUPR", ("Bina Marga", "Sumber Daya Air", "Penataan Ruang", "Jasa Konstruksi", "Cipta Karya"), "Pengelolaan Jalan dan Jembatan"),
    ("disperkim", "Dinas Perumahan dan Kawasan Permukiman", "dinas", "Disperkim", ("Perumahan", "Kawasan Permukiman", "Prasarana Sarana Utilitas"), ""),
    ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "dinas", "DPMD", ("Pemerintahan Desa", "Pemberdayaan Kelembagaan Masyarakat", "Ekonomi Desa"), ""),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", "Disdukcapil", ("Pendaftaran Penduduk", "Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan"), ""),
    ("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "dinas", "DP3A", ("Pengarusutamaan Gender", "Perlindungan Perempuan", "Pemenuhan Hak Anak"), "Perlindungan Perempuan dan Anak"),
    ("distan", "Dinas Tanaman Pangan dan Hortikultura", "dinas", "Distan", ("Tanaman Pangan", "Hortikultura", "Prasarana dan Sarana Pertanian", "Penyuluhan Pertanian"), "Balai Benih Induk"),
    ("disbun", "Dinas Perkebunan", "dinas", "Disbun", ("Produksi Perkebunan", "Pengolahan dan Pemasaran Hasil Perkebunan", "Perlindungan Perkebunan"), "Proteksi Tanaman Perkebunan"),
    ("disnak", "Dinas Peternakan dan Kesehatan Hewan", "dinas", "Disnak", ("Produksi Peternakan", "Kesehatan Hewan", "Kesehatan Masyarakat Veteriner"), "Pembibitan Ternak"),
    ("dkp", "Dinas Kelautan dan Perikanan", "dinas", "DKP", ("Perikanan Tangkap", "Perikanan Budidaya", "Pengelolaan Ruang Laut", "Daya Saing Produk Perikanan"), "Pelabuhan Perikanan"),
    ("dishut", "Dinas Kehutanan", "dinas", "Dishut", ("Perencanaan dan Pemanfaatan Hutan", "Perlindungan Hutan", "Rehabilitasi Hutan dan Lahan", "Penyuluhan Kehutanan"), "Taman Hutan Raya"),
    ("desdm", "Dinas Energi dan Sumber Daya Mineral", "dinas", "DESDM", ("Energi", "Ketenagalistrikan", "Mineral dan Batubara", "Geologi dan Air Tanah"), ""),
    ("disperindag", "Dinas Perindustrian dan Perdagangan", "dinas", "Disperindag", ("Perindustrian", "Perdagangan Dalam Negeri", "Perdagangan Luar Negeri", "Perlindungan Konsumen", "Metrologi Legal"), "Pengawasan Barang Beredar"),
    ("diskumkm", "Dinas Koperasi dan Usaha Kecil", "dinas", "Diskumkm", ("Kelembagaan Koperasi", "Pemberdayaan Usaha Kecil", "Pengawasan Koperasi"), ""),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", "DPMPTSP", ("Promosi Penanaman Modal", "Pelayanan Perizinan", "Pengendalian Penanaman Modal"), ""),
    ("disparbud", "Dinas Pariwisata dan Kebudayaan", "dinas", "Disparbud", ("Destinasi Pariwisata", "Pemasaran Pariwisata", "Kebudayaan", "Ekonomi Kreatif"), "Museum Daerah"),
    ("dispora", "Dinas Pemuda dan Olahraga", "dinas", "Dispora", ("Kepemudaan", "Olahraga Prestasi", "Sarana Prasarana Olahraga"), "Pusat Pendidikan dan Latihan Olahraga Pelajar"),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "dinas", "Diskominfo", ("Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Persandian dan Keamanan Informasi", "Statistik Sektoral"), ""),
    ("dispusip", "Dinas Perpustakaan dan Kearsipan", "dinas", "Dispusip", ("Layanan Perpustakaan", "Pengembangan Koleksi", "Pengelolaan Arsip"), ""),
    ("dkpp", "Dinas Ketahanan Pangan", "dinas", "DKPP", ("Ketersediaan Pangan", "Distribusi dan Cadangan Pangan", "Konsumsi dan Keamanan Pangan"), ""),
    ("satpolpp", "Satuan Polisi Pamong Praja", "dinas", "Satpol PP", ("Penegakan Peraturan Daerah", "Ketertiban Umum", "Perlindungan Masyarakat"), ""),
    ("bapenda", "Badan Pendapatan Daerah", "badan", "Bapenda", ("Pajak Daerah", "Retribusi dan Pendapatan Lain", "Pengendalian dan Evaluasi Pendapatan"), "Pengelolaan Pendapatan Daerah Wilayah I"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "badan", "BPKAD", ("Anggaran", "Perbendaharaan", "Akuntansi", "Pengelolaan Aset"), ""),
    ("bpsdm", "Badan Pengembangan Sumber Daya Manusia", "badan", "BPSDM", ("Pengembangan Kompetensi Manajerial", "Pengembangan Kompetensi Teknis", "Sertifikasi Kompetensi"), ""),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "badan", "BPBD", ("Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi"), "Pusat Pengendalian Operasi"),
    ("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "badan", "Kesbangpol", ("Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri", "Ketahanan Ekonomi, Sosial dan Budaya"), ""),
    ("brida", "Badan Riset dan Inovasi Daerah", "badan", "BRIDA", ("Riset Pemerintahan", "Riset Pembangunan", "Inovasi Daerah"), ""),
    ("setdprd", "Sekretariat DPRD", "sekretariat-dprd", "Setwan", ("Persidangan dan Perundang-undangan", "Fasilitasi Penganggaran dan Pengawasan", "Kehumasan dan Protokol"), ""),
    ("dbmtr", "Dinas Bina Marga dan Tata Ruang", "dinas", "DBMTR", ("Pembangunan Jalan", "Pemeliharaan Jalan", "Tata Ruang"), "Peralatan dan Perbekalan"),
    ("dpsda", "Dinas Sumber Daya Air", "dinas", "DSDA", ("Irigasi", "Sungai dan Pantai", "Air Baku dan Danau"), "Pengelolaan Sumber Daya Air Wilayah Sungai"),
    ("disekraf", "Dinas Pemberdayaan Ekonomi Kreatif", "dinas", "Disekraf", ("Aplikasi dan Pengembangan Permainan", "Desain dan Kriya", "Kuliner dan Fesyen"), ""),
    ("bakorwil", "Badan Koordinasi Wilayah", "badan", "Bakorwil", ("Pemerintahan dan Kesejahteraan", "Perekonomian dan Pembangunan"), ""),
)


def _topic_duties(topic: str) -> list[tuple[str, str, str, int, str]]:
    t = topic.lower()
    return [
        (f"Menyusun kebijakan teknis bidang {t}", f"Dokumen kebijakan teknis {t}", "dokumen", 2,
         f"Tersedianya kebijakan teknis {t}"),
        (f"Mengendalikan pelaksanaan program {t}", f"Laporan pengendalian program {t}", "laporan", 4,
         f"Terkendalinya pelaksanaan program {t}"),
        (f"Mengevaluasi capaian indikator kinerja {t}", f"Laporan evaluasi kinerja {t}", "laporan", 2,
         f"Meningkatnya capaian kinerja {t}"),
    ]


def _staff(topic: str) -> list[dict[str, Any]]:
    t = topic.lower()
    return [
        pos("analis-muda", "Analis Kebijakan Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary=f"Menyusun analisis kebijakan {t}.", duties=[
                (f"Menyusun kajian kebijakan {t}", f"Kajian kebijakan {t}", "kajian", 2, f"Tersedianya kajian kebijakan {t}"),
                (f"Menyusun rekomendasi perbaikan program {t}", f"Rekomendasi program {t}", "rekomendasi", 4,
                 f"Tersusunnya rekomendasi perbaikan program {t}")]),
        pos("analis-pertama", "Analis Kebijakan Ahli Pertama", "fungsional", 8, level="ahli-pertama",
            summary=f"Menghimpun bahan analisis kebijakan {t}.", duties=[
                (f"Menghimpun data pelaksanaan program {t}", f"Data pelaksanaan program {t}", "laporan", 12,
                 f"Terhimpunnya data program {t} setiap bulan"),
                (f"Menyusun bahan evaluasi triwulanan {t}", f"Bahan evaluasi {t}", "laporan", 4,
                 f"Tersusunnya bahan evaluasi {t} setiap triwulan")]),
        pos("penelaah", "Penelaah Teknis Kebijakan", "pelaksana", 7, count=2,
            summary=f"Menelaah usulan dan laporan kegiatan {t}.", duties=[
                (f"Menelaah usulan kegiatan {t} dari kabupaten/kota", f"Telaah usulan {t}", "telaah", 24,
                 f"Tertelaahnya usulan kegiatan {t}"),
                (f"Menyusun rekapitulasi laporan kegiatan {t}", f"Rekapitulasi kegiatan {t}", "rekap", 12,
                 f"Tersedianya rekapitulasi kegiatan {t} setiap bulan")]),
        pos("pengolah", "Pengolah Data dan Informasi", "pelaksana", 7, count=2,
            summary=f"Mengolah data dan memutakhirkan sistem informasi {t}.", duties=[
                (f"Memutakhirkan basis data {t}", f"Basis data {t} mutakhir", "pembaruan", 12,
                 f"Mutakhirnya basis data {t} setiap bulan"),
                (f"Menyajikan data statistik {t}", f"Publikasi data {t}", "publikasi", 4,
                 f"Tersajinya data statistik {t} setiap triwulan")]),
        pos("pranata-komputer", "Pranata Komputer Terampil", "fungsional", 7, level="terampil",
            summary=f"Memelihara aplikasi layanan {t}.", duties=[
                (f"Memelihara aplikasi layanan {t}", f"Laporan pemeliharaan aplikasi {t}", "laporan", 12,
                 f"Tersedianya aplikasi layanan {t} tanpa gangguan"),
                ("Mencadangkan basis data aplikasi unit kerja", "Cadangan basis data", "cadangan", 52,
                 "Tersedianya cadangan basis data setiap pekan")]),
    ]


def agency(index: int, rng: random.Random) -> dict[str, Any]:
    """The ``index``-th generic agency (0-based) with 3-8 sub-units; names repeat with a roman numeral
    when the list is exhausted."""
    base, round_ = AGENCIES[index % len(AGENCIES)], index // len(AGENCIES)
    aid, name, atype, short, topics, uptd = base
    if round_:
        aid, name, short = f"{aid}-{round_ + 1}", f"{name} {_roman(round_ + 1)}", f"{short} {_roman(round_ + 1)}"
    subunits = rng.randint(3, 8)
    fields = max(1, subunits - 1 - (1 if uptd else 0))
    agency_word = "badan" if atype == "badan" else "dinas"
    children = [unit(f"{aid}-sekretariat", f"Sekretariat {name}", "sekretariat", positions=[
        head("sekretaris", f"Sekretaris {name}", "administrator", 12,
             f"Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian {agency_word}.", secretary_duties(agency_word)),
        pos("bendahara", "Bendahara Pengeluaran", "pelaksana", 8, "Menatausahakan pengeluaran kas.", finance_duties()),
        pos("pengadministrasi", "Pengadministrasi Umum", "pelaksana", 6, "Melaksanakan administrasi persuratan.",
            admin_duties(), count=2),
    ])]
    for i in range(fields):
        topic = topics[i % len(topics)] + (f" {_roman(i // len(topics) + 1)}" if i >= len(topics) else "")
        children.append(unit(f"{aid}-bidang-{i + 1}", f"Bidang {topic}", "bidang", positions=[
            head("kabid", f"Kepala Bidang {topic}", "administrator", 12, f"Memimpin pelaksanaan urusan {topic.lower()}.",
                 _topic_duties(topic)),
            *_staff(topic),
        ]))
    if uptd and len(children) < subunits:
        children.append(unit(f"{aid}-uptd", f"UPTD {uptd}", "uptd", positions=[
            head("kepala", f"Kepala UPTD {uptd}", "administrator", 11, f"Memimpin pelayanan teknis {uptd.lower()}.",
                 _topic_duties(uptd)[:2]),
            *_staff(uptd)[2:4],
        ]))
    first = topics[0].lower()
    return unit(aid, name, atype, short=short, agreement=[
        (f"Meningkatnya kinerja urusan {first}", [
            (f"Persentase capaian target program {first}", "%", 90, "higher", "last"),
            (f"Indeks kepuasan masyarakat terhadap layanan {short}", "poin", 85, "higher", "last"),
        ]),
        ("Pengelolaan anggaran yang optimal", [("Persentase penyerapan anggaran", "%", 95, "higher", "last")]),
    ], positions=[
        head("kepala", f"Kepala {name}", "jpt", 15, level="pratama",
             summary=f"Memimpin penyelenggaraan urusan {', '.join(t.lower() for t in topics[:2])}.",
             duties=_topic_duties(topics[0])),
    ], children=children)


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out
