"""Demo organisation, part 2: Dinas Kesehatan, Bappeda, Inspektorat Daerah."""

from __future__ import annotations

from .spec import admin_duties, finance_duties, head, pos, secretary_duties, unit

DINKES = unit("dinkes", "Dinas Kesehatan", "dinas", short="Dinkes", agreement=[
    ("Meningkatnya mutu pelayanan kesehatan rujukan", [
        ("Persentase rumah sakit rujukan provinsi yang terakreditasi paripurna", "%", 90, "higher", "last"),
        ("Indeks kepuasan masyarakat terhadap layanan laboratorium kesehatan daerah", "poin", 85, "higher", "last"),
    ]),
    ("Meningkatnya derajat kesehatan masyarakat", [
        ("Persentase kabupaten/kota yang mencapai imunisasi dasar lengkap", "%", 95, "higher", "last"),
    ]),
    ("Pengelolaan anggaran yang optimal", [
        ("Persentase penyerapan anggaran", "%", 95, "higher", "last"),
    ]),
], positions=[
    head("kepala", "Kepala Dinas Kesehatan", "jpt", 15, level="pratama",
         summary="Memimpin penyelenggaraan urusan kesehatan provinsi.", duties=[
             ("Merumuskan kebijakan teknis pelayanan kesehatan dan kesehatan masyarakat",
              "Kebijakan teknis kesehatan", "dokumen", 3, "Tersedianya kebijakan teknis kesehatan"),
             ("Mengoordinasikan penanggulangan kejadian luar biasa penyakit", "Laporan penanggulangan KLB", "laporan",
              4, "Tertanggulanginya kejadian luar biasa penyakit"),
             ("Membina fasilitas pelayanan kesehatan rujukan provinsi", "Laporan pembinaan fasilitas kesehatan",
              "laporan", 4, "Meningkatnya mutu fasilitas pelayanan kesehatan rujukan"),
         ]),
], children=[
    unit("dinkes-sekretariat", "Sekretariat Dinas Kesehatan", "sekretariat", positions=[
        head("sekretaris", "Sekretaris Dinas Kesehatan", "administrator", 12,
             "Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian dinas.", secretary_duties("dinas")),
        pos("analis-keuangan", "Analis Keuangan Pusat dan Daerah Ahli Pertama", "fungsional", 8,
            level="ahli-pertama", summary="Menyusun laporan realisasi dan menelaah rencana anggaran dinas.", duties=[
                ("Menyusun laporan realisasi anggaran dinas", "Laporan realisasi anggaran", "laporan", 12,
                 "Tersedianya laporan realisasi anggaran setiap bulan"),
                ("Menelaah kewajaran rencana kebutuhan anggaran bidang", "Telaah rencana anggaran", "dokumen", 6,
                 "Tersedianya telaah rencana anggaran bidang"),
            ]),
        pos("pengadministrasi", "Pengadministrasi Umum", "pelaksana", 6,
            "Melaksanakan administrasi persuratan dan rapat dinas.", admin_duties()[:2]),
    ]),
    unit("dinkes-yankes", "Bidang Pelayanan Kesehatan", "bidang", agreement=[
        ("Meningkatnya mutu pelayanan kesehatan rujukan", [
            ("Persentase rumah sakit rujukan provinsi yang terakreditasi paripurna", "%", 90, "higher", "last"),
            ("Persentase puskesmas yang terakreditasi", "%", 85, "higher", "last"),
        ]),
    ], positions=[
        head("kabid", "Kepala Bidang Pelayanan Kesehatan", "administrator", 12,
             "Memimpin pembinaan mutu pelayanan kesehatan primer dan rujukan.", [
                 ("Menyusun standar pelayanan kesehatan rujukan", "Standar pelayanan rujukan", "dokumen", 1,
                  "Tersedianya standar pelayanan kesehatan rujukan"),
                 ("Memfasilitasi akreditasi rumah sakit dan puskesmas", "Laporan fasilitasi akreditasi", "laporan", 4,
                  "Meningkatnya fasilitas kesehatan yang terakreditasi"),
                 ("Mengevaluasi mutu layanan kesehatan rujukan", "Laporan evaluasi mutu layanan", "laporan", 2,
                  "Tersedianya evaluasi mutu layanan kesehatan rujukan"),
             ]),
        pos("epidemiolog", "Epidemiolog Kesehatan Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Melaksanakan surveilans dan penyelidikan epidemiologi.", duties=[
                ("Menganalisis situasi penyakit menular berbasis data surveilans", "Laporan surveilans", "laporan", 12,
                 "Tersedianya analisis situasi penyakit menular setiap bulan"),
                ("Melakukan penyelidikan epidemiologi kejadian luar biasa", "Laporan penyelidikan epidemiologi",
                 "laporan", 4, "Terselidikinya setiap kejadian luar biasa"),
            ]),
    ], children=[
        unit("dinkes-rujukan", "Seksi Pelayanan Kesehatan Rujukan", "seksi", positions=[
            head("kasi", "Kepala Seksi Pelayanan Kesehatan Rujukan", "pengawas", 9,
                 "Memimpin verifikasi mutu dan kapasitas rumah sakit rujukan.", [
                     ("Memverifikasi kesiapan rumah sakit menghadapi survei akreditasi",
                      "Laporan verifikasi kesiapan akreditasi", "laporan", 8,
                      "Siapnya rumah sakit rujukan menghadapi survei akreditasi"),
                     ("Menyusun data kapasitas tempat tidur rumah sakit rujukan", "Data kapasitas tempat tidur",
                      "laporan", 12, "Tersedianya data kapasitas tempat tidur setiap bulan"),
                 ]),
            pos("adminkes", "Administrator Kesehatan Ahli Pertama", "fungsional", 8, level="ahli-pertama",
                summary="Menganalisis mutu layanan rumah sakit dan menyiapkan bahan sosialisasi.", duties=[
                    ("Menganalisis laporan indikator mutu layanan rumah sakit", "Laporan analisis mutu layanan",
                     "laporan", 12, "Tersedianya analisis indikator mutu rumah sakit"),
                    ("Menyusun bahan sosialisasi standar pelayanan rujukan", "Bahan sosialisasi", "paket", 4,
                     "Tersosialisasinya standar pelayanan rujukan"),
                ]),
            pos("pengolah", "Pengolah Data Pelayanan Kesehatan", "pelaksana", 7,
                summary="Menghimpun data pelayanan rumah sakit rujukan.", duties=[
                    ("Menghimpun laporan bulanan pelayanan rumah sakit rujukan", "Rekapitulasi pelayanan rumah sakit",
                     "rekap", 12, "Terhimpunnya laporan pelayanan rumah sakit setiap bulan"),
                    ("Memutakhirkan data fasilitas kesehatan pada aplikasi", "Data fasilitas kesehatan mutakhir",
                     "fasilitas", 60, "Mutakhirnya data fasilitas kesehatan"),
                ]),
        ]),
    ]),
    unit("dinkes-labkesda", "UPTD Laboratorium Kesehatan Daerah", "uptd", positions=[
        head("kepala", "Kepala UPTD Laboratorium Kesehatan Daerah", "administrator", 11,
             "Memimpin pelayanan pemeriksaan laboratorium kesehatan masyarakat dan klinik.", [
                 ("Mengelola pelayanan pemeriksaan laboratorium kesehatan", "Laporan pelayanan laboratorium",
                  "laporan", 12, "Terlaksananya pelayanan laboratorium sesuai standar"),
                 ("Menjamin mutu hasil pemeriksaan melalui pemantapan mutu eksternal",
                  "Sertifikat pemantapan mutu eksternal", "sertifikat", 2,
                  "Terjaminnya mutu hasil pemeriksaan laboratorium"),
             ]),
        pos("pranata-lab", "Pranata Laboratorium Kesehatan Terampil", "fungsional", 7, level="terampil", count=2,
            summary="Melakukan pemeriksaan sampel dan memelihara peralatan laboratorium.", duties=[
                ("Melakukan pemeriksaan sampel kimia klinik dan mikrobiologi", "Hasil pemeriksaan sampel", "sampel",
                 2400, "Terperiksanya sampel laboratorium tepat waktu"),
                ("Memelihara dan mengkalibrasi peralatan laboratorium", "Catatan pemeliharaan alat", "laporan", 12,
                 "Terpeliharanya peralatan laboratorium"),
            ]),
        pos("pengadministrasi", "Pengadministrasi Layanan Laboratorium", "pelaksana", 6,
            summary="Meregistrasi sampel dan menyerahkan hasil pemeriksaan.", duties=[
                ("Meregistrasi sampel dan pelanggan laboratorium", "Register sampel", "register", 12,
                 "Teregistrasinya seluruh sampel laboratorium"),
                ("Menyerahkan hasil pemeriksaan kepada pelanggan", "Tanda terima hasil pemeriksaan", "berkas", 2400,
                 "Tersampaikannya hasil pemeriksaan kepada pelanggan"),
            ]),
    ]),
])

BAPPEDA = unit("bappeda", "Badan Perencanaan Pembangunan Daerah", "badan", short="Bappeda", agreement=[
    ("Meningkatnya kualitas perencanaan pembangunan daerah", [
        ("Persentase program RPJMD yang terakomodasi dalam RKPD", "%", 95, "higher", "last"),
        ("Indeks Demokrasi Indonesia Provinsi", "poin", {"min": 69.1, "max": 69.5}, "higher", "last"),
    ]),
    ("Meningkatnya kualitas pengendalian dan evaluasi pembangunan", [
        ("Persentase rekomendasi evaluasi RKPD yang ditindaklanjuti", "%", 80, "higher", "last"),
    ]),
], positions=[
    head("kepala", "Kepala Badan Perencanaan Pembangunan Daerah", "jpt", 15, level="pratama",
         summary="Memimpin perencanaan, pengendalian dan evaluasi pembangunan daerah.", duties=[
             ("Mengoordinasikan penyusunan RPJMD dan RKPD provinsi", "Dokumen RKPD", "dokumen", 1,
              "Tersusunnya RKPD yang selaras dengan RPJMD"),
             ("Mengendalikan dan mengevaluasi pelaksanaan rencana pembangunan daerah", "Laporan evaluasi RKPD",
              "laporan", 4, "Terkendalinya pelaksanaan rencana pembangunan daerah"),
             ("Mengoordinasikan musyawarah perencanaan pembangunan provinsi", "Berita acara musrenbang", "dokumen", 1,
              "Terlaksananya musrenbang provinsi"),
         ]),
], children=[
    unit("bappeda-sekretariat", "Sekretariat Bappeda", "sekretariat", positions=[
        head("sekretaris", "Sekretaris Badan Perencanaan Pembangunan Daerah", "administrator", 12,
             "Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian badan.", secretary_duties("badan")),
        pos("pengelola-keuangan", "Pengelola Keuangan", "pelaksana", 7,
            "Menatausahakan keuangan badan.", finance_duties()),
        pos("pengadministrasi", "Pengadministrasi Umum", "pelaksana", 6,
            "Melaksanakan administrasi persuratan dan kearsipan badan.", [admin_duties()[0], admin_duties()[2]]),
    ]),
    unit("bappeda-perencanaan", "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan", "bidang", positions=[
        head("kabid", "Kepala Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan", "administrator", 12,
             "Memimpin penyusunan rencana dan evaluasi pembangunan daerah.", [
                 ("Menyusun rancangan awal RKPD", "Rancangan awal RKPD", "dokumen", 1, "Tersusunnya rancangan awal RKPD"),
                 ("Mengendalikan pelaksanaan program prioritas daerah", "Laporan pengendalian program prioritas",
                  "laporan", 4, "Terkendalinya program prioritas daerah"),
                 ("Menyusun laporan evaluasi capaian RPJMD", "Laporan evaluasi RPJMD", "laporan", 1,
                  "Tersedianya evaluasi capaian RPJMD"),
             ]),
        pos("perencana-muda", "Perencana Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Menyusun kajian dan rancangan rencana pembangunan.", duties=[
                ("Menyusun kajian kebijakan perencanaan pembangunan daerah", "Kajian perencanaan", "kajian", 2,
                 "Tersedianya kajian kebijakan perencanaan"),
                ("Menyelaraskan program perangkat daerah dengan sasaran RPJMD", "Matriks keselarasan program",
                 "dokumen", 2, "Selarasnya program perangkat daerah dengan RPJMD"),
            ]),
        pos("perencana-pertama", "Perencana Ahli Pertama", "fungsional", 8, level="ahli-pertama",
            summary="Menghimpun data dan menyusun bahan evaluasi pembangunan.", duties=[
                ("Menghimpun data capaian indikator makro pembangunan", "Data indikator makro", "laporan", 4,
                 "Tersedianya data indikator makro setiap triwulan"),
                ("Menyusun bahan evaluasi triwulanan pelaksanaan RKPD", "Bahan evaluasi RKPD", "laporan", 4,
                 "Tersusunnya bahan evaluasi RKPD setiap triwulan"),
            ]),
        pos("analis-data", "Pengolah Data Perencanaan", "pelaksana", 7,
            summary="Mengolah data perencanaan dan memutakhirkan aplikasi perencanaan.", duties=[
                ("Mengolah data usulan musrenbang kabupaten/kota", "Rekapitulasi usulan musrenbang", "rekap", 2,
                 "Terolahnya usulan musrenbang kabupaten/kota"),
                ("Memutakhirkan data program dan kegiatan pada aplikasi perencanaan", "Data program mutakhir",
                 "pembaruan", 12, "Mutakhirnya data program pada aplikasi perencanaan"),
            ]),
    ]),
])

INSPEKTORAT = unit("inspektorat", "Inspektorat Daerah", "inspektorat", short="Inspektorat", agreement=[
    ("Meningkatnya kualitas pengawasan internal", [
        ("Jumlah temuan berulang hasil pemeriksaan", "temuan", 5, "lower", "last"),
        ("Persentase hasil temuan yang ditindaklanjuti", "%", 90, "higher", "last"),
    ]),
    ("Meningkatnya maturitas sistem pengendalian intern", [
        ("Level maturitas SPIP pemerintah provinsi", "level", 3, "higher", "last"),
    ]),
], positions=[
    head("inspektur", "Inspektur Daerah", "jpt", 15, level="pratama",
         summary="Memimpin pengawasan internal atas penyelenggaraan pemerintahan daerah.", duties=[
             ("Merumuskan program kerja pengawasan tahunan", "Program kerja pengawasan tahunan", "dokumen", 1,
              "Tersusunnya program kerja pengawasan berbasis risiko"),
             ("Mengendalikan audit kinerja dan audit keuangan perangkat daerah", "Laporan hasil audit", "laporan", 40,
              "Terlaksananya audit perangkat daerah sesuai program kerja"),
             ("Memantau tindak lanjut hasil pemeriksaan", "Laporan pemantauan tindak lanjut", "laporan", 2,
              "Meningkatnya penyelesaian tindak lanjut hasil pemeriksaan"),
         ]),
], children=[
    unit("inspektorat-sekretariat", "Sekretariat Inspektorat", "sekretariat", positions=[
        head("sekretaris", "Sekretaris Inspektorat", "administrator", 12,
             "Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian inspektorat.",
             secretary_duties("inspektorat")),
        pos("pengadministrasi", "Pengadministrasi Umum", "pelaksana", 6,
            "Melaksanakan administrasi persuratan dan rapat inspektorat.", admin_duties()[:2]),
        pos("pengelola-data", "Pengelola Data Hasil Pengawasan", "pelaksana", 7,
            summary="Menghimpun data temuan dan tindak lanjut hasil pengawasan.", duties=[
                ("Memutakhirkan data temuan dan tindak lanjut pada aplikasi pengawasan", "Data temuan mutakhir",
                 "pembaruan", 12, "Mutakhirnya data temuan dan tindak lanjut"),
                ("Menyusun rekapitulasi status tindak lanjut per perangkat daerah", "Rekapitulasi tindak lanjut",
                 "rekap", 4, "Tersedianya rekapitulasi tindak lanjut setiap triwulan"),
            ]),
    ]),
    unit("inspektorat-irban1", "Inspektur Pembantu Wilayah I", "bidang", positions=[
        head("irban", "Inspektur Pembantu Wilayah I", "administrator", 12,
             "Memimpin audit, reviu dan evaluasi pada perangkat daerah wilayah I.", [
                 ("Merencanakan penugasan audit pada perangkat daerah wilayah I", "Program kerja audit", "dokumen", 10,
                  "Tersusunnya program kerja audit wilayah I"),
                 ("Mengendalikan mutu pelaksanaan audit dan reviu", "Laporan hasil audit yang direviu", "laporan", 20,
                  "Terkendalinya mutu laporan hasil audit"),
             ]),
        pos("auditor-muda", "Auditor Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Mengendalikan teknis audit sebagai ketua tim.", duties=[
                ("Memimpin tim audit kinerja perangkat daerah", "Laporan hasil audit kinerja", "laporan", 8,
                 "Tersusunnya laporan hasil audit kinerja"),
                ("Mereviu laporan keuangan perangkat daerah", "Laporan hasil reviu", "laporan", 6,
                 "Terreviunya laporan keuangan perangkat daerah"),
            ]),
        pos("auditor-pertama", "Auditor Ahli Pertama", "fungsional", 8, level="ahli-pertama", count=2,
            summary="Melaksanakan pengujian dan menyusun kertas kerja audit.", duties=[
                ("Melaksanakan pengujian bukti audit pada perangkat daerah", "Kertas kerja audit", "kertas kerja", 40,
                 "Tersusunnya kertas kerja audit yang memadai"),
                ("Menyusun konsep temuan dan rekomendasi audit", "Konsep temuan audit", "konsep", 12,
                 "Tersusunnya konsep temuan dan rekomendasi audit"),
            ]),
        pos("auditor-terampil", "Auditor Terampil", "fungsional", 7, level="terampil",
            summary="Mengumpulkan dan menata dokumen audit.", duties=[
                ("Mengumpulkan dokumen dan data audit", "Dokumen audit terkumpul", "berkas", 40,
                 "Terkumpulnya dokumen audit tepat waktu"),
                ("Menata arsip kertas kerja audit", "Arsip kertas kerja tertata", "berkas", 12,
                 "Tertatanya arsip kertas kerja audit"),
            ]),
    ]),
])

DEMO_OPD = (DINKES, BAPPEDA, INSPEKTORAT)
