"""Demo organisation, part 1: Sekretariat Daerah, Badan Kepegawaian Daerah, Dinas Pendidikan.

Duties are concrete (each with its output and unit of output); agreement indicators come from
published Indonesian performance agreements (the team's shared notes, ``samples/real-indicators.md``).
"""

from __future__ import annotations

from .spec import admin_duties, finance_duties, head, pos, secretary_duties, unit

SETDA = unit("setda", "Sekretariat Daerah", "sekretariat-daerah", short="Setda", agreement=[
    ("Meningkatnya akuntabilitas kinerja pemerintah provinsi", [
        ("Nilai SAKIP Pemerintah Provinsi", "nilai", 75, "higher", "last"),
        ("Predikat SAKIP Pemerintah Provinsi", "predikat", "A", "higher", "last"),
    ]),
    ("Meningkatnya profesionalitas aparatur sipil negara daerah", [
        ("Indeks Profesionalitas ASN", "poin", 70, "higher", "last"),
    ]),
    ("Meningkatnya kualitas kebijakan daerah", [
        ("Persentase rancangan peraturan gubernur yang diharmonisasi tepat waktu", "%", 90, "higher", "last"),
    ]),
], positions=[
    head("sekda", "Sekretaris Daerah", "jpt", 17, level="madya",
         summary="Membantu gubernur menyusun kebijakan dan mengoordinasikan perangkat daerah serta pelayanan administratif.",
         duties=[
             ("Mengoordinasikan penyusunan kebijakan daerah dan rancangan peraturan gubernur",
              "Rancangan peraturan gubernur yang telah diharmonisasi", "rancangan", 24,
              "Terkoordinasinya penyusunan kebijakan daerah"),
             ("Mengoordinasikan perangkat daerah dalam pelaksanaan dan evaluasi perjanjian kinerja",
              "Laporan evaluasi kinerja perangkat daerah", "laporan", 4,
              "Meningkatnya akuntabilitas kinerja perangkat daerah"),
             ("Membina administrasi dan aparatur sipil negara pada perangkat daerah",
              "Laporan pembinaan ASN perangkat daerah", "laporan", 2,
              "Meningkatnya profesionalitas aparatur sipil negara daerah"),
         ]),
    pos("pengadministrasi", "Pengadministrasi Persuratan Pimpinan", "pelaksana", 6,
        "Mengelola administrasi persuratan dan jadwal kegiatan Sekretaris Daerah.", [
            ("Mengagendakan surat masuk dan surat keluar Sekretaris Daerah", "Agenda surat pimpinan", "register", 12,
             "Teragendanya seluruh surat Sekretaris Daerah"),
            ("Menyusun jadwal kegiatan harian Sekretaris Daerah", "Jadwal kegiatan pimpinan", "jadwal", 52,
             "Tersusunnya jadwal kegiatan pimpinan setiap pekan"),
        ]),
], children=[
    unit("setda-organisasi", "Biro Organisasi", "biro", positions=[
        head("kabiro", "Kepala Biro Organisasi", "jpt", 14, level="pratama",
             summary="Memimpin penyusunan kebijakan kelembagaan, ketatalaksanaan dan analisis jabatan perangkat daerah.",
             duties=[
                 ("Mengoordinasikan penyusunan analisis jabatan dan analisis beban kerja perangkat daerah",
                  "Dokumen analisis jabatan dan beban kerja", "dokumen", 5,
                  "Tersedianya analisis jabatan dan beban kerja seluruh perangkat daerah"),
                 ("Mengevaluasi kelembagaan perangkat daerah", "Laporan evaluasi kelembagaan", "laporan", 1,
                  "Terwujudnya kelembagaan perangkat daerah yang tepat fungsi"),
                 ("Mengoordinasikan evaluasi SAKIP dan reformasi birokrasi perangkat daerah",
                  "Laporan evaluasi SAKIP perangkat daerah", "laporan", 2,
                  "Meningkatnya nilai SAKIP perangkat daerah"),
             ]),
        pos("analis", "Analis Kebijakan Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Menyusun analisis kebijakan kelembagaan dan ketatalaksanaan.", duties=[
                ("Menyusun analisis jabatan perangkat daerah", "Dokumen analisis jabatan", "dokumen", 6,
                 "Tersusunnya analisis jabatan perangkat daerah yang mutakhir"),
                ("Menyusun rekomendasi evaluasi jabatan dan kelas jabatan", "Rekomendasi kelas jabatan",
                 "rekomendasi", 4, "Tersedianya rekomendasi kelas jabatan berbasis evaluasi jabatan"),
                ("Menyusun naskah kebijakan penyederhanaan proses bisnis", "Naskah kebijakan proses bisnis",
                 "naskah", 2, "Tersusunnya naskah kebijakan penyederhanaan proses bisnis"),
            ]),
        pos("pengolah", "Pengolah Data Kelembagaan", "pelaksana", 7,
            "Menghimpun dan memutakhirkan data jabatan perangkat daerah.", [
                ("Menghimpun data jabatan dan pemangku jabatan perangkat daerah", "Rekapitulasi data jabatan",
                 "rekap", 12, "Terhimpunnya data jabatan perangkat daerah setiap bulan"),
                ("Memutakhirkan peta jabatan perangkat daerah pada aplikasi anjab", "Peta jabatan mutakhir",
                 "peta jabatan", 30, "Mutakhirnya peta jabatan perangkat daerah pada aplikasi anjab"),
            ]),
    ]),
])

BKD = unit("bkd", "Badan Kepegawaian Daerah", "badan", short="BKD", agreement=[
    ("Meningkatnya sistem informasi manajemen kepegawaian", [
        ("Persentase penempatan aparatur sesuai kompetensinya", "%", 90, "higher", "last"),
        ("Persentase kelengkapan administrasi kepegawaian", "%", 85, "higher", "last"),
    ]),
    ("Meningkatnya kinerja sumber daya aparatur", [
        ("Indeks kepuasan aparatur", "poin", 85, "higher", "last"),
        ("Persentase penanganan kasus-kasus disiplin aparatur", "%", 85, "higher", "last"),
    ]),
    ("Meningkatnya akuntabilitas kinerja Badan Kepegawaian Daerah", [
        ("Predikat SAKIP Badan Kepegawaian Daerah", "predikat", "A", "higher", "last"),
    ]),
], positions=[
    head("kepala", "Kepala Badan Kepegawaian Daerah", "jpt", 15, level="pratama",
         summary="Memimpin perumusan dan pelaksanaan kebijakan manajemen aparatur sipil negara daerah.", duties=[
             ("Merumuskan kebijakan teknis manajemen aparatur sipil negara daerah",
              "Kebijakan teknis manajemen ASN", "dokumen", 4,
              "Tersedianya kebijakan teknis manajemen ASN berbasis sistem merit"),
             ("Mengendalikan pelaksanaan mutasi, promosi dan pengembangan kompetensi pegawai",
              "Laporan pengendalian manajemen ASN", "laporan", 4,
              "Terkendalinya pelaksanaan mutasi, promosi dan pengembangan kompetensi"),
             ("Mengevaluasi capaian kinerja Badan Kepegawaian Daerah", "Laporan evaluasi kinerja badan", "laporan", 4,
              "Meningkatnya akuntabilitas kinerja badan"),
         ]),
], children=[
    unit("bkd-sekretariat", "Sekretariat Badan Kepegawaian Daerah", "sekretariat", positions=[
        head("sekretaris", "Sekretaris Badan Kepegawaian Daerah", "administrator", 12,
             "Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian badan.", secretary_duties("badan")),
    ], children=[
        unit("bkd-umum", "Subbagian Umum dan Kepegawaian", "subbagian", positions=[
            head("kasubbag", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", 9,
                 "Memimpin pengelolaan urusan umum, kearsipan dan kepegawaian internal badan.", [
                     ("Mengelola administrasi persuratan dan kearsipan badan", "Arsip surat yang tertata", "berkas", 12,
                      "Tertibnya administrasi persuratan dan kearsipan badan"),
                     ("Menyusun rencana kebutuhan dan pemeliharaan barang milik daerah badan",
                      "Dokumen rencana kebutuhan barang", "dokumen", 2,
                      "Tersedianya rencana kebutuhan barang yang tepat waktu"),
                     ("Memproses usulan kenaikan pangkat dan kenaikan gaji berkala pegawai badan",
                      "Usulan kenaikan pangkat dan gaji berkala", "usulan", 20,
                      "Terprosesnya usulan kenaikan pangkat dan gaji berkala pegawai badan"),
                 ]),
            pos("arsiparis", "Arsiparis Terampil", "fungsional", 7, level="terampil",
                summary="Melaksanakan pemberkasan dan penataan arsip badan.", duties=[
                    ("Melakukan pemberkasan arsip aktif", "Berkas arsip aktif", "berkas", 120,
                     "Terberkasnya arsip aktif badan"),
                    ("Menyusun daftar arsip inaktif untuk dipindahkan ke unit kearsipan", "Daftar arsip inaktif",
                     "daftar", 4, "Tersusunnya daftar arsip inaktif setiap triwulan"),
                ]),
            pos("pengadministrasi", "Pengadministrasi Umum", "pelaksana", 6,
                "Melaksanakan administrasi persuratan dan rapat badan.", admin_duties()[:2]),
        ]),
    ]),
    unit("bkd-mutasi", "Bidang Mutasi dan Promosi", "bidang", agreement=[
        ("Meningkatnya kesesuaian penempatan pegawai", [
            ("Persentase penempatan aparatur sesuai kompetensinya", "%", 90, "higher", "last"),
            ("Persentase usulan mutasi yang diselesaikan paling lama 14 hari kerja", "%", 95, "higher", "last"),
        ]),
    ], positions=[
        head("kabid", "Kepala Bidang Mutasi dan Promosi", "administrator", 12,
             "Memimpin pelaksanaan mutasi dan promosi pegawai.", [
                 ("Menyusun rencana kebutuhan mutasi dan promosi pegawai", "Dokumen rencana mutasi", "dokumen", 2,
                  "Tersusunnya rencana mutasi dan promosi berbasis kebutuhan jabatan"),
                 ("Memproses penetapan keputusan mutasi pegawai", "Keputusan mutasi pegawai", "keputusan", 300,
                  "Terlaksananya penempatan pegawai sesuai kompetensi"),
                 ("Menyelenggarakan seleksi terbuka jabatan pimpinan tinggi pratama",
                  "Laporan hasil seleksi terbuka", "laporan", 2,
                  "Terlaksananya seleksi terbuka JPT pratama yang transparan"),
             ]),
        pos("analis-muda", "Analis Sumber Daya Manusia Aparatur Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Menganalisis kesesuaian kompetensi pegawai dengan jabatan.", duties=[
                ("Menganalisis kesesuaian kompetensi pegawai dengan persyaratan jabatan",
                 "Laporan analisis kesesuaian kompetensi", "laporan", 4,
                 "Tersedianya analisis kesesuaian kompetensi pegawai"),
                ("Menyusun rekomendasi penempatan pegawai berdasarkan profil kompetensi", "Rekomendasi penempatan",
                 "rekomendasi", 40, "Tersusunnya rekomendasi penempatan berbasis profil kompetensi"),
            ]),
        pos("analis-pertama", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", 8,
            level="ahli-pertama", summary="Memverifikasi usulan mutasi dan menyusun konsep keputusannya.", duties=[
                ("Memverifikasi berkas usulan mutasi pegawai", "Berkas usulan mutasi terverifikasi", "berkas", 240,
                 "Terverifikasinya berkas usulan mutasi pegawai"),
                ("Menyusun konsep keputusan mutasi pegawai", "Konsep keputusan mutasi", "konsep", 240,
                 "Tersusunnya konsep keputusan mutasi tepat waktu"),
            ]),
        pos("pengolah", "Pengolah Data Mutasi Pegawai", "pelaksana", 7, count=2,
            summary="Memutakhirkan data jabatan pegawai dan merekapitulasi mutasi.", duties=[
                ("Memutakhirkan data jabatan pegawai pada sistem informasi kepegawaian",
                 "Data jabatan pegawai yang mutakhir", "data", 600,
                 "Mutakhirnya data jabatan pegawai pada sistem informasi kepegawaian"),
                ("Menyusun rekapitulasi bulanan mutasi pegawai", "Rekapitulasi mutasi", "rekap", 12,
                 "Tersedianya rekapitulasi mutasi pegawai setiap bulan"),
            ]),
    ]),
    unit("bkd-pengembangan", "Bidang Pengembangan Kompetensi Aparatur", "bidang", positions=[
        head("kabid", "Kepala Bidang Pengembangan Kompetensi Aparatur", "administrator", 12,
             "Memimpin perencanaan dan penyelenggaraan pengembangan kompetensi pegawai.", [
                 ("Menyusun rencana pengembangan kompetensi pegawai", "Dokumen rencana pengembangan kompetensi",
                  "dokumen", 1, "Tersusunnya rencana pengembangan kompetensi pegawai"),
                 ("Mengoordinasikan penyelenggaraan pelatihan teknis dan fungsional",
                  "Laporan penyelenggaraan pelatihan", "laporan", 6,
                  "Meningkatnya jumlah pegawai yang mengikuti pelatihan teknis"),
                 ("Mengevaluasi dampak pelatihan terhadap kinerja alumni", "Laporan evaluasi pasca pelatihan",
                  "laporan", 2, "Tersedianya evaluasi pasca pelatihan"),
             ]),
        pos("analis", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "fungsional", 8, level="ahli-pertama",
            summary="Menganalisis kebutuhan pelatihan dan menyusun kurikulum.", duties=[
                ("Menganalisis kebutuhan pelatihan pegawai", "Dokumen analisis kebutuhan pelatihan", "dokumen", 2,
                 "Tersedianya analisis kebutuhan pelatihan pegawai"),
                ("Menyusun kurikulum pelatihan teknis", "Kurikulum pelatihan", "kurikulum", 4,
                 "Tersusunnya kurikulum pelatihan teknis"),
            ]),
        pos("pengelola", "Pengelola Pelatihan dan Pengembangan", "pelaksana", 7,
            summary="Menyiapkan administrasi peserta pelatihan dan merekap hasilnya.", duties=[
                ("Menyiapkan administrasi peserta pelatihan", "Daftar peserta pelatihan terverifikasi", "daftar", 12,
                 "Tersedianya daftar peserta pelatihan yang terverifikasi"),
                ("Menghimpun laporan hasil pelatihan peserta", "Rekapitulasi hasil pelatihan", "rekap", 12,
                 "Terhimpunnya hasil pelatihan peserta setiap bulan"),
            ]),
    ]),
])

DISDIK = unit("disdik", "Dinas Pendidikan", "dinas", short="Disdik", agreement=[
    ("Meningkatnya akses pendidikan menengah", [
        ("Angka partisipasi kasar SMA, SMK dan SLB", "%", 88, "higher", "last"),
    ]),
    ("Meningkatnya mutu pendidik", [
        ("Persentase guru yang memenuhi kualifikasi S1/D-IV", "%", 98, "higher", "last"),
        ("Persentase guru SMA yang bersertifikat pendidik", "%", 80, "higher", "last"),
    ]),
    ("Pengelolaan anggaran yang optimal", [
        ("Persentase penyerapan anggaran", "%", 95, "higher", "last"),
    ]),
], positions=[
    head("kepala", "Kepala Dinas Pendidikan", "jpt", 15, level="pratama",
         summary="Memimpin penyelenggaraan urusan pendidikan menengah dan pendidikan khusus.", duties=[
             ("Merumuskan kebijakan teknis penyelenggaraan pendidikan menengah dan khusus",
              "Kebijakan teknis pendidikan", "dokumen", 3, "Tersedianya kebijakan teknis pendidikan menengah"),
             ("Mengendalikan penyaluran bantuan operasional sekolah daerah", "Laporan penyaluran BOSDA", "laporan", 4,
              "Tersalurkannya bantuan operasional sekolah daerah tepat sasaran"),
             ("Mengevaluasi mutu layanan pendidikan menengah", "Laporan evaluasi mutu pendidikan", "laporan", 2,
              "Meningkatnya mutu layanan pendidikan menengah"),
         ]),
], children=[
    unit("disdik-sekretariat", "Sekretariat Dinas Pendidikan", "sekretariat", positions=[
        head("sekretaris", "Sekretaris Dinas Pendidikan", "administrator", 12,
             "Mengoordinasikan perencanaan, keuangan, umum dan kepegawaian dinas.", secretary_duties("dinas")),
        pos("perencana", "Perencana Ahli Pertama", "fungsional", 8, level="ahli-pertama",
            summary="Menyusun rancangan rencana kerja dan memantau capaian indikator dinas.", duties=[
                ("Menyusun rancangan rencana kerja dinas", "Rancangan rencana kerja", "dokumen", 1,
                 "Tersusunnya rancangan rencana kerja dinas"),
                ("Menghimpun data capaian indikator kinerja dinas", "Laporan capaian indikator", "laporan", 4,
                 "Tersedianya data capaian indikator kinerja setiap triwulan"),
            ]),
        pos("bendahara", "Bendahara Pengeluaran", "pelaksana", 8,
            "Menatausahakan pengeluaran kas dinas.", finance_duties()),
        pos("pengadministrasi", "Pengadministrasi Perkantoran", "pelaksana", 6,
            "Melaksanakan administrasi persuratan dan kearsipan dinas.", [admin_duties()[0], admin_duties()[2]]),
    ]),
    unit("disdik-sma", "Bidang Pembinaan SMA", "bidang", positions=[
        head("kabid", "Kepala Bidang Pembinaan SMA", "administrator", 12,
             "Memimpin pembinaan kurikulum, penilaian dan sarana prasarana SMA.", [
                 ("Menyusun petunjuk teknis pembinaan kurikulum SMA", "Petunjuk teknis kurikulum", "dokumen", 2,
                  "Tersedianya petunjuk teknis pembinaan kurikulum SMA"),
                 ("Mengoordinasikan pelaksanaan asesmen nasional tingkat SMA", "Laporan pelaksanaan asesmen",
                  "laporan", 1, "Terlaksananya asesmen nasional SMA"),
                 ("Memantau pemenuhan standar sarana dan prasarana SMA", "Laporan pemantauan sarana prasarana",
                  "laporan", 4, "Meningkatnya pemenuhan standar sarana prasarana SMA"),
             ]),
        pos("pengawas-sekolah", "Pengawas Sekolah Ahli Muda", "fungsional", 10, level="ahli-muda",
            summary="Melaksanakan supervisi akademik dan menilai kinerja kepala SMA binaan.", duties=[
                ("Melaksanakan supervisi akademik guru SMA binaan", "Laporan supervisi akademik", "laporan", 8,
                 "Meningkatnya mutu pembelajaran di SMA binaan"),
                ("Menilai kinerja kepala SMA binaan", "Laporan penilaian kinerja kepala sekolah", "laporan", 2,
                 "Tersedianya penilaian kinerja kepala SMA binaan"),
            ]),
        pos("pengolah", "Pengolah Data Pendidikan", "pelaksana", 7, count=2,
            summary="Memutakhirkan data pokok pendidikan dan merekapitulasi hasil asesmen.", duties=[
                ("Memvalidasi data pokok pendidikan SMA", "Data pokok pendidikan tervalidasi", "sekolah", 120,
                 "Tervalidasinya data pokok pendidikan SMA"),
                ("Menyusun rekapitulasi hasil asesmen SMA per kabupaten/kota", "Rekapitulasi hasil asesmen",
                 "dokumen", 2, "Tersedianya rekapitulasi hasil asesmen SMA"),
            ]),
    ]),
    unit("disdik-gtk", "Bidang Guru dan Tenaga Kependidikan", "bidang", positions=[
        head("kabid", "Kepala Bidang Guru dan Tenaga Kependidikan", "administrator", 12,
             "Memimpin pembinaan karier, kesejahteraan dan kualifikasi guru.", [
                 ("Menyusun rencana kebutuhan guru dan tenaga kependidikan", "Dokumen kebutuhan guru", "dokumen", 1,
                  "Terpetakannya kebutuhan guru dan tenaga kependidikan"),
                 ("Mengendalikan penyaluran tunjangan profesi guru", "Laporan penyaluran tunjangan profesi",
                  "laporan", 4, "Tersalurkannya tunjangan profesi guru tepat waktu"),
                 ("Mengoordinasikan peningkatan kualifikasi akademik guru", "Laporan peningkatan kualifikasi",
                  "laporan", 2, "Meningkatnya guru yang memenuhi kualifikasi akademik"),
             ]),
        pos("penelaah", "Penelaah Teknis Kebijakan", "pelaksana", 7,
            summary="Menelaah usulan tunjangan profesi dan menyusun peta kebutuhan guru.", duties=[
                ("Menelaah usulan sertifikasi dan tunjangan profesi guru", "Berkas usulan tunjangan terverifikasi",
                 "berkas", 600, "Terverifikasinya usulan tunjangan profesi guru"),
                ("Menyusun peta kebutuhan guru SMA per kabupaten/kota", "Peta kebutuhan guru", "dokumen", 1,
                 "Tersusunnya peta kebutuhan guru SMA"),
            ]),
        pos("pranata-komputer", "Pranata Komputer Terampil", "fungsional", 7, level="terampil",
            summary="Mengelola basis data dan aplikasi layanan guru.", duties=[
                ("Memutakhirkan basis data guru dan tenaga kependidikan", "Basis data guru mutakhir", "pembaruan", 12,
                 "Mutakhirnya basis data guru setiap bulan"),
                ("Memelihara aplikasi layanan guru", "Laporan pemeliharaan aplikasi", "laporan", 12,
                 "Tersedianya aplikasi layanan guru tanpa gangguan"),
            ]),
    ]),
])
