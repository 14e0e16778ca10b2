"""Every word the generator writes, in Bahasa Indonesia (default) and English: one table.

``words(lang)`` gives a lookup; ``W(key, **values)`` fills ``{placeholders}``. A test checks that both
languages have every key. Text from the data is never put in here: it goes through
:func:`kinerja.publish.escape.text` at the point of use.
"""

from __future__ import annotations

from typing import Any, Callable

LANGUAGES = ("id", "en")

#: key -> (Bahasa Indonesia, English)
TABLE: dict[str, tuple[str, str]] = {
    # --- navigation and shared words ------------------------------------------------------------------
    "nav.home": ("Beranda", "Home"),
    "nav.units": ("Unit kerja", "Work units"),
    "nav.periods": ("Arsip periode", "Period archive"),
    "nav.methodology": ("Metodologi", "Methodology"),
    "nav.open_data": ("Data terbuka", "Open data"),
    "nav.dictionary": ("Kamus data", "Data dictionary"),
    "nav.history": ("Riwayat perubahan", "Change history"),
    "nav.take_part": ("Cara berpartisipasi", "How to take part"),
    "nav.form_realisation": ("Laporkan realisasi", "Report a realisation"),
    "nav.form_contract": ("Usulkan kontrak / perubahan", "Propose a contract / change"),
    "nav.errors": ("Kode galat", "Error codes"),
    "nav.monitoring": ("Pemantauan", "Monitoring"),
    "lang.other": ("English", "Bahasa Indonesia"),
    "lang.switch": ("Read this page in English", "Baca halaman ini dalam Bahasa Indonesia"),
    "privacy.public": ("Situs publik: per unit dan per jabatan, tanpa nama, NIP maupun predikat perorangan.",
                       "Public site: per unit and per position, without names, NIPs or individual ratings."),
    "privacy.staff": ("Situs staf: memuat nama pegawai dan NIP tersamar. Jangan disebarluaskan.",
                      "Staff site: shows employee names and masked NIPs. Do not share outside the agency."),
    "privacy.full": ("Situs internal lengkap: memuat NIP utuh. Hanya untuk penggunaan internal.",
                     "Full internal site: shows complete NIPs. For internal use only."),
    "generated": ("Dibuat otomatis dari data di repositori (tanggal acuan {today}). Setiap angka dapat diperiksa "
                  "di halaman metodologi dan diunduh di halaman data terbuka.",
                  "Generated from the data in the repository (reference date {today}). Every number can be "
                  "checked on the methodology page and downloaded from the open data page."),
    "none": ("tidak ada", "none"),
    "dash": ("-", "-"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "period": ("Periode", "Period"),
    "current": ("periode berjalan", "current period"),
    "more": ("selengkapnya", "more"),
    # --- statistics -------------------------------------------------------------------------------------
    "stat.units": ("Unit kerja", "Work units"),
    "stat.agencies": ("Perangkat daerah (OPD)", "Agencies (OPD)"),
    "stat.employees": ("Pegawai", "Employees"),
    "stat.contracts": ("SKP", "Performance contracts (SKP)"),
    "stat.assessments": ("Penilaian", "Assessments"),
    "stat.coverage": ("Cakupan realisasi", "Realisation coverage"),
    "stat.coverage_hint": ("laporan realisasi yang masuk dari yang jatuh tempo",
                           "realisation reports received of those due"),
    "stat.rated": ("Pegawai berpredikat", "Employees with a rating"),
    "stat.warnings": ("Peringatan sebaran", "Distribution warnings"),
    "stat.allowance_gross": ("TPP kotor", "Gross allowance (TPP)"),
    "stat.allowance_net": ("TPP bersih", "Net allowance (TPP)"),
    "stat.regime": ("Aturan penilaian", "Scoring regime"),
    "stat.dates": ("Masa periode", "Dates"),
    "stat.figure": ("Angka", "Figure"),
    "stat.value": ("Nilai", "Value"),
    # --- home -------------------------------------------------------------------------------------------
    "home.title": ("Kinerja {government}", "Performance of {government}"),
    "home.intro": ("Target dan capaian kinerja setiap unit kerja {government}, dihitung dari data yang disimpan "
                   "sebagai berkas di Git dan diterbitkan apa adanya.",
                   "The performance targets and results of every work unit of {government}, computed from "
                   "the data kept as files in Git and published as they are."),
    "home.glance": ("Sekilas: {period}", "At a glance: {period}"),
    "home.distribution": ("Sebaran predikat pegawai", "Distribution of employee ratings (predikat)"),
    "home.distribution_desc": ("Jumlah pegawai per predikat pada {period}.",
                               "Number of employees per rating in {period}."),
    "home.agencies": ("Perangkat daerah", "Agencies"),
    "home.archive": ("Arsip periode", "Archive of periods"),
    "home.archive_none": ("Belum ada periode lain.", "No other periods yet."),
    "home.find": ("Cari unit dengan kotak pencarian di atas, atau lihat daftar {link}.",
                  "Find a unit with the search box above, or see the list of {link}."),
    # --- units ------------------------------------------------------------------------------------------
    "units.title": ("Unit kerja", "Work units"),
    "units.intro": ("Semua perangkat daerah dan sub-unitnya. Angka untuk {period}.",
                    "Every agency and its sub-units. Figures for {period}."),
    "unit.summary": ("Ringkasan", "Summary"),
    "unit.type": ("Jenis", "Type"),
    "unit.head": ("Kepala unit (jabatan)", "Head of unit (position)"),
    "unit.parent": ("Unit induk", "Parent unit"),
    "unit.period_regime": ("Periode dan aturan", "Period and regime"),
    "unit.agreement": ("Perjanjian kinerja", "Performance agreement (perjanjian kinerja)"),
    "unit.agreement_status": ("Status: {status}; disetujui: {date}.", "Status: {status}; approved: {date}."),
    "unit.no_agreement": ("Belum ada perjanjian kinerja untuk periode ini.",
                          "No performance agreement for this period yet."),
    "unit.progress": ("Kemajuan bulanan", "Monthly progress"),
    "unit.progress_desc": ("Batang: persentase SKP unit ini yang sudah melaporkan realisasi untuk setiap periode "
                           "pelaporan yang jatuh tempo. Garis: rata-rata capaian indikator perjanjian kinerja "
                           "sampai periode itu. Garis putus-putus: 100%.",
                           "Bars: share of this unit's contracts (SKP) with a realisation report for each "
                           "reporting period due. Line: mean achievement of the agreement's indicators up to "
                           "that period. Dashed line: 100%."),
    "unit.progress_title": ("Kemajuan bulanan {unit}, {period}", "Monthly progress of {unit}, {period}"),
    "unit.progress_none": ("Belum ada periode pelaporan yang jatuh tempo.", "No reporting period is due yet."),
    "unit.chart_table": ("Data grafik sebagai tabel", "Chart data as a table"),
    "unit.distribution": ("Sebaran predikat dan pedoman", "Distribution of ratings and the guidance"),
    "unit.dist_own": ("Unit ini", "This unit"),
    "unit.dist_subtree": ("Unit ini dan sub-unitnya", "This unit and its sub-units"),
    "unit.dist_withheld": ("Tidak ditampilkan: kurang dari {n} pegawai berpredikat, sehingga sebarannya dapat "
                           "mengungkap penilaian perorangan.",
                           "Not shown: fewer than {n} employees are rated, so the distribution could reveal "
                           "individual ratings."),
    "unit.warnings_withheld": ("{count} peringatan pedoman sebaran; rinciannya tidak ditampilkan karena kurang dari {n} "
                               "pegawai berpredikat.",
                               "{count} distribution guidance warnings; the details are not shown because fewer than "
                               "{n} employees are rated."),
    "unit.dist_complement": ("… = tidak ditampilkan: kelompok kurang dari {n} pegawai berpredikat, atau angka yang "
                             "ikut disembunyikan agar angka kelompok kecil tidak dapat dihitung dengan pengurangan "
                             "(lihat {link}).",
                             "… = not shown: a group of fewer than {n} rated employees, or a figure withheld with it "
                             "so that a small group's figure cannot be had by subtraction (see {link})."),
    "home.dist_withheld": ("Sebaran predikat tingkat provinsi tidak ditampilkan: kelompoknya kurang dari {n} pegawai "
                           "berpredikat, atau tepat satu perangkat daerah disembunyikan sehingga sebarannya dapat "
                           "dihitung dengan pengurangan (lihat {link}).",
                           "The province's distribution of ratings is not shown: fewer than {n} employees are rated, "
                           "or exactly one agency is withheld, whose distribution could then be had by subtraction "
                           "(see {link})."),
    "home.allowance_withheld": ("Jumlah TPP provinsi tidak ditampilkan: tepat satu unit kerja memiliki kurang dari {n} "
                                "penerima, sehingga TPP-nya dapat dihitung dari jumlah provinsi.",
                                "The province's allowance totals are not shown: exactly one unit has fewer than {n} "
                                "recipients, whose allowance could then be had from the province's total."),
    "withheld_short": ("tidak ditampilkan (kurang dari {n} pegawai)", "not shown (fewer than {n} employees)"),
    "meth.privacy": ("Privasi dan kelompok kecil", "Privacy and small groups"),
    "meth.privacy_items": (
        "Situs publik tidak memuat nama, NIP, id pegawai, alamat surel pegawai maupun predikat perorangan. Teks "
        "bebas dari data dibersihkan: NIP dalam tata letak apa pun (spasi, spasi tak-putus, tanda hubung, garis "
        "miring, titik, karakter tak terlihat, pengelompokan apa pun dari 18 digit) dan nama dalam ejaan apa pun "
        "(huruf besar/kecil, bentuk Unicode, spasi, tanda hubung, karakter tak terlihat) diganti dengan […].|"
        "Pesan commit, nama penulis dan trailer dari Git tidak ditampilkan: riwayat publik hanya memuat tanggal, "
        "unit, jenis berkas yang berubah, jumlah persetujuan dan id commit.|"
        "Karakter pengatur arah tulisan dan karakter tak terlihat tidak diterbitkan (kinerja validate "
        "memperingatkannya: K245, K246).|"
        "Sebaran predikat dan jumlah TPP hanya ditampilkan untuk kelompok paling sedikit {n} pegawai (min_group_size); "
        "kelompok 1 sampai {n_less} pegawai disembunyikan (ditandai …).|"
        "Penyembunyian pelengkap: angka-angka terhubung oleh penjumlahan (unit dan sub-unit = unit sendiri + "
        "setiap sub-unit; provinsi = semua perangkat daerah; TPP provinsi = TPP semua unit). Bila dalam satu "
        "penjumlahan tepat satu angka disembunyikan, satu angka lain ikut disembunyikan: bagian terkecil yang "
        "berisi pegawai, atau jumlahnya; pada tingkat provinsi selalu jumlah provinsi. Karena setiap angka "
        "muncul dalam paling banyak dua penjumlahan yang membentuk pohon, tidak ada pengurangan atau kombinasi "
        "angka yang diterbitkan yang dapat mengungkap angka yang disembunyikan.|"
        "Angka tiap periode berdiri sendiri: tidak ada jumlah lintas periode yang diterbitkan. Batasnya: kelompok "
        "yang diterbitkan dengan semua anggota berpredikat sama tetap menunjukkan predikat mereka.",
        "The public site holds no names, NIPs, employee ids, employees' e-mail addresses or individual ratings. Free "
        "text from the data is scrubbed: a NIP in any layout (spaces, non-breaking spaces, dashes, slashes, dots, "
        "invisible characters, any grouping of the 18 digits) and a name in any spelling (case, Unicode forms, "
        "spaces, hyphens, invisible characters) become […].|"
        "Commit messages, author names and trailers from Git are not shown: the public history holds only the "
        "date, the unit, the kind of file changed, the number of approvals and the commit id.|"
        "Bidirectional controls and invisible characters are not published (kinerja validate warns about them: "
        "K245, K246).|"
        "Distributions of ratings and allowance (TPP) totals are shown only for groups of at least {n} employees "
        "(min_group_size); groups of 1 to {n_less} employees are withheld (marked …).|"
        "Complementary suppression: the figures are tied by sums (a unit with its sub-units = the unit's own "
        "employees + each sub-unit; the province = all agencies; the province's allowance = every unit's). When "
        "exactly one figure of a sum is withheld, one more is withheld with it: the smallest part with people in "
        "it, or the total; at the province level always the province total. As each figure appears in at most two "
        "sums and the sums form a tree, no subtraction or other combination of the published figures reveals a "
        "withheld one.|"
        "Each period stands alone: no total across periods is published. The limit: a published group whose "
        "members all have the same rating still shows their rating."),
    "unit.dist_none": ("Belum ada pegawai berpredikat.", "No employee is rated yet."),
    "unit.guidance_ok": ("Sebaran sesuai pedoman SE MenPANRB 3/2023.", "The distribution is within the guidance "
                         "(SE MenPANRB 3/2023)."),
    "unit.guidance_scope": ("Pedoman sebaran (SE MenPANRB 3/2023) diperiksa untuk perangkat daerah secara "
                            "keseluruhan; lihat halaman {link}.",
                            "The distribution guidance (SE MenPANRB 3/2023) is checked for the agency as a whole; "
                            "see the page of {link}."),
    "unit.guidance_na": ("Pedoman sebaran hanya berlaku untuk periode PermenPANRB 6/2022.",
                         "The distribution guidance applies only to PermenPANRB 6/2022 periods."),
    "unit.warning": ("Peringatan", "Warning"),
    "unit.positions": ("Jabatan, target dan hasil", "Positions, targets and results"),
    "unit.positions_public": ("Ditampilkan per jabatan. Nama, NIP dan predikat perorangan tidak diterbitkan.",
                              "Shown per position. Names, NIPs and individual ratings are not published."),
    "unit.no_positions": ("Belum ada jabatan.", "No positions yet."),
    "unit.no_contract": ("Belum ada SKP untuk periode ini.", "No performance contract (SKP) for this period yet."),
    "unit.holder": ("Pemegang jabatan {n}", "Holder {n}"),
    "unit.reports_to": ("Atasan langsung", "Reports to"),
    "unit.class_grade": ("Jenis dan kelas jabatan", "Class and grade"),
    "unit.grade": ("kelas {grade}", "grade {grade}"),
    "unit.duties": ("Uraian tugas", "Duties (uraian tugas)"),
    "unit.result_status": ("Status hasil", "Result status"),
    "unit.subunits": ("Sub-unit", "Sub-units"),
    "unit.no_subunits": ("Tidak ada sub-unit.", "No sub-units."),
    "unit.downloads": ("Unduhan", "Downloads"),
    "unit.download_json": ("Data unit ({period}) dalam JSON", "Unit data ({period}) as JSON"),
    "unit.download_csv": ("Data unit ({period}) dalam CSV", "Unit data ({period}) as CSV"),
    "unit.other_periods": ("Periode lain", "Other periods"),
    "unit.history_link": ("Riwayat perubahan data unit ini", "Change history of this unit's data"),
    "unit.employee_page": ("halaman SKP", "SKP page"),
    "unit.cpns_start": ("TMT CPNS {month}", "CPNS since {month}"),
    "unit.allowance": ("TPP unit ini: {count} pembayaran bulanan, kotor Rp{gross}, potongan Rp{deductions}, "
                       "bersih Rp{net}.",
                       "Allowance (TPP) of this unit: {count} monthly payments, gross Rp{gross}, deductions "
                       "Rp{deductions}, net Rp{net}."),
    # --- columns ----------------------------------------------------------------------------------------
    "col.unit": ("Unit", "Unit"),
    "col.type": ("Jenis", "Type"),
    "col.employees": ("Pegawai", "Employees"),
    "col.contracts": ("SKP", "SKP"),
    "col.assessments": ("Penilaian", "Assessments"),
    "col.coverage": ("Cakupan realisasi", "Realisation coverage"),
    "col.goal": ("Sasaran", "Goal"),
    "col.indicator": ("Indikator", "Indicator"),
    "col.target_text": ("Rencana hasil kerja", "Planned result"),
    "col.target": ("Target", "Target"),
    "col.realisation": ("Realisasi", "Realisation"),
    "col.achievement": ("Capaian (%)", "Achievement (%)"),
    "col.status": ("Status", "Status"),
    "col.position": ("Jabatan", "Position"),
    "col.holder": ("Pemegang", "Holder"),
    "col.predikat": ("Predikat", "Rating (predikat)"),
    "col.count": ("Jumlah", "Count"),
    "col.percent": ("Persen", "Percent"),
    "col.period": ("Periode", "Period"),
    "col.reporting_period": ("Periode pelaporan", "Reporting period"),
    "col.date": ("Tanggal", "Date"),
    "col.author": ("Oleh", "By"),
    "col.message": ("Keterangan", "Message"),
    "col.files": ("Berkas", "Files"),
    "col.approvals": ("Persetujuan", "Approvals"),
    "col.field": ("Kolom", "Field"),
    "col.required": ("Wajib", "Required"),
    "col.description": ("Keterangan", "Description"),
    "col.file": ("Berkas", "File"),
    "col.format": ("Format", "Format"),
    "col.code": ("Kode", "Code"),
    "col.what": ("Yang berubah", "What changed"),
    "col.old": ("Lama", "Old"),
    "col.new": ("Baru", "New"),
    "col.evidence": ("Bukti dukung", "Evidence"),
    "col.note": ("Catatan", "Note"),
    "col.value": ("Nilai", "Value"),
    "col.regime": ("Aturan", "Regime"),
    "col.name": ("Nama", "Name"),
    "col.nip": ("NIP", "NIP"),
    "col.missing": ("Belum masuk", "Missing"),
    "col.submitted": ("Dikirim", "Submitted"),
    "col.coverage_pct": ("Cakupan (%)", "Coverage (%)"),
    "col.achievement_mean": ("Rata-rata capaian (%)", "Mean achievement (%)"),
    "col.results": ("Hasil kerja", "Results"),
    "col.behaviour": ("Perilaku", "Behaviour"),
    "col.aspect": ("Aspek", "Aspect"),
    "col.rule": ("Aturan", "Rule"),
    "col.percent_of_perf": ("Bagian kinerja (%)", "Performance part (%)"),
    # --- statuses ---------------------------------------------------------------------------------------
    "status.complete": ("lengkap", "complete"),
    "status.incomplete": ("belum lengkap", "incomplete"),
    "status.provisional": ("sementara", "provisional"),
    "status.draft": ("draf", "draft"),
    "status.proposed": ("diajukan", "proposed"),
    "status.approved": ("disetujui", "approved"),
    "status.pending": ("menunggu keputusan", "pending"),
    "status.accepted": ("diterima", "accepted"),
    "status.partly-accepted": ("diterima sebagian", "partly accepted"),
    "status.rejected": ("ditolak", "rejected"),
    "polarity.higher": ("makin tinggi makin baik", "higher is better"),
    "polarity.lower": ("makin rendah makin baik", "lower is better"),
    # --- periods archive --------------------------------------------------------------------------------
    "periods.title": ("Arsip periode", "Period archive"),
    "periods.intro": ("Setiap periode dinilai dengan aturan yang berlaku pada masanya.",
                      "Each period is scored under the rules in force at the time."),
    "period.title": ("{name}", "{name}"),
    "period.units": ("Unit kerja pada periode ini", "Work units in this period"),
    # --- methodology ------------------------------------------------------------------------------------
    "meth.title": ("Metodologi", "Methodology"),
    "meth.intro": ("Halaman ini dibuat dari konfigurasi (periods.yaml, aturan TPP) dan dari modul penilaian: yang "
                   "tertulis di sini adalah yang dihitung. Setiap angka di situs dapat ditelusuri sampai ke "
                   "rumusnya; perintah {command} menampilkan penjabaran lengkap untuk satu pegawai.",
                   "This page is generated from the configuration (periods.yaml, allowance rules) and from the "
                   "scoring modules: what is written here is what is computed. Every number on the site can be "
                   "traced to its formula; the command {command} shows the full derivation for one employee."),
    "meth.site": ("Angka di situs ini", "The figures on this site"),
    "meth.site_items": ("Capaian indikator = realisasi / target × 100% (makin tinggi makin baik) atau "
                        "(1 + (1 − realisasi / target)) × 100% (makin rendah makin baik); target rentang: 100% "
                        "di dalam rentang. Realisasi bulanan digabung menurut kolom aggregation (last, sum, mean)."
                        "|Cakupan realisasi = laporan realisasi yang masuk / (jumlah SKP × periode pelaporan yang "
                        "sudah jatuh tempo pada tanggal acuan)."
                        "|Realisasi yang ditandai tidak tersedia tidak dihitung sebagai nol; hasilnya ditandai "
                        "belum lengkap beserta alasannya."
                        "|Sebaran predikat dihitung dari predikat pegawai; pedoman sebaran diperiksa per "
                        "perangkat daerah.",
                        "Indicator achievement = realisation / target × 100% (higher is better) or "
                        "(1 + (1 − realisation / target)) × 100% (lower is better); range targets: 100% within "
                        "the range. Monthly realisations are combined as the aggregation field says (last, sum, "
                        "mean)."
                        "|Realisation coverage = realisation reports received / (contracts × reporting periods "
                        "due on the reference date)."
                        "|A realisation marked not available is never counted as zero; the result is marked "
                        "incomplete with the reason."
                        "|The distribution counts employees per rating; the guidance is checked per agency."),
    "meth.period": ("{name} ({id})", "{name} ({id})"),
    "meth.period_facts": ("Masa {start} s.d. {end}; aturan {regime}; laporan realisasi {cadence}; dikunci "
                          "{lock}; aturan TPP: {allowance}.",
                          "From {start} to {end}; regime {regime}; realisation reports {cadence}; locked "
                          "{lock}; allowance rule: {allowance}."),
    "meth.formulas": ("Rumus", "Formulas"),
    "meth.bands": ("Rentang predikat", "Rating bands"),
    "meth.matrix": ("Matriks predikat (rating hasil kerja × rating perilaku)",
                    "Rating matrix (results rating × behaviour rating)"),
    "meth.distribution": ("Pedoman sebaran predikat (SE MenPANRB 3/2023)",
                          "Distribution guidance (SE MenPANRB 3/2023)"),
    "meth.dist_rule.max": ("paling banyak {percent}% {predikat}", "at most {percent}% {predikat}"),
    "meth.dist_rule.min": ("paling sedikit {percent}% {predikat}", "at least {percent}% {predikat}"),
    "meth.dist_rule.exists": ("harus ada {predikat}", "some {predikat} required"),
    "meth.org_rating": ("Predikat organisasi", "Organisation rating"),
    "meth.options": ("Opsi yang dikonfigurasi untuk periode ini", "Options configured for this period"),
    "meth.no_options": ("Tidak ada: dipakai nilai bawaan yang tertulis di atas.",
                        "None: the defaults written above apply."),
    "meth.unconfirmed": ("Hal yang sumbernya belum pasti", "Points where the sources are uncertain"),
    "meth.allowance": ("Aturan TPP", "Allowance (TPP) rule"),
    "meth.allowance_missing": ("Aturan TPP {rule} tidak ditemukan.", "Allowance rule {rule} not found."),
    "meth.allowance_version": ("Berlaku {start} s.d. {end}: bagian kinerja {perf}% dan disiplin {disc}%; "
                               "tidak masuk sehari dipotong {absent}%.",
                               "In force {start} to {end}: performance part {perf}% and discipline part "
                               "{disc}%; a day absent deducts {absent}%."),
    "meth.open_end": ("seterusnya", "open-ended"),
    "meth.source": ("Sumber", "Source"),
    "meth.api_link": ("Rincian teknis dan contoh perhitungan yang dapat dijalankan: {link}.",
                      "Technical details and runnable worked examples: {link}."),
    "meth.cadence.monthly": ("bulanan", "monthly"),
    "meth.cadence.quarterly": ("triwulanan", "quarterly"),
    "meth.cadence.semester": ("semesteran", "per semester"),
    "meth.cadence.annual": ("tahunan", "annual"),
    # --- open data --------------------------------------------------------------------------------------
    "od.title": ("Data terbuka", "Open data"),
    "od.intro": ("Semua angka di situs ini dapat diunduh dalam CSV dan JSON. Berkas JSON mengikuti skema hasil "
                 "penilaian; berkas data mentah mengikuti Skema JSON di bawah. Isi berkas mengikuti mode privasi "
                 "situs ini.",
                 "Every figure on this site can be downloaded as CSV and JSON. The JSON files follow the result "
                 "schema; the raw data files follow the JSON Schemas below. The files follow this site's privacy "
                 "mode."),
    "od.whole": ("Seluruh situs", "Whole site"),
    "od.whole_json": ("Semua unit, {period} (JSON)", "All units, {period} (JSON)"),
    "od.whole_csv": ("Semua unit, {period} (CSV)", "All units, {period} (CSV)"),
    "od.per_unit": ("Per unit", "Per unit"),
    "od.schemas": ("Skema JSON berkas data", "JSON Schemas of the data files"),
    "od.dictionary": ("Arti setiap kolom: {link}.", "What each field means: {link}."),
    "od.csv_note": ("CSV: UTF-8, koma sebagai pemisah, titik sebagai tanda desimal, satu baris per indikator.",
                    "CSV: UTF-8, comma-separated, decimal point, one row per indicator."),
    "dict.title": ("Kamus data", "Data dictionary"),
    "dict.intro": ("Dibuat dari keterangan di Skema JSON (schemas/) dan dari kolom berkas data terbuka.",
                   "Generated from the descriptions in the JSON Schemas (schemas/) and the columns of the open "
                   "data files."),
    "dict.csv": ("Kolom CSV data terbuka", "Columns of the open data CSV"),
    "dict.schema_file": ("Berkas: {file}", "File: {file}"),
    "csv.period": ("Id periode", "Period id"),
    "csv.unit": ("Id unit kerja", "Work unit id"),
    "csv.unit_name": ("Nama unit kerja", "Work unit name"),
    "csv.position": ("Id jabatan; kosong untuk indikator perjanjian kinerja unit",
                     "Position id; empty for the unit agreement's indicators"),
    "csv.position_title": ("Nama jabatan", "Position title"),
    "csv.holder": ("Nomor urut pemegang jabatan dalam unit (bukan identitas)",
                   "Running number of the position's holder in the unit (not an identity)"),
    "csv.target": ("Id target (SKP) atau indikator (perjanjian kinerja)", "Target id (SKP) or indicator id (agreement)"),
    "csv.indicator": ("Id indikator", "Indicator id"),
    "csv.text": ("Teks indikator", "Indicator text"),
    "csv.measure": ("Satuan", "Unit of measure"),
    "csv.goal": ("Target (angka, rentang atau teks)", "Target (number, range or text)"),
    "csv.realised": ("Realisasi gabungan", "Combined realisation"),
    "csv.achievement": ("Capaian dalam persen", "Achievement in percent"),
    "csv.status": ("Status hasil pegawai: complete, incomplete, provisional",
                   "Result status: complete, incomplete, provisional"),
    "csv.note": ("Kode dan alasan bila tidak dihitung", "Code and reason when not computed"),
    "csv.employee": ("Id pegawai (hanya situs staf)", "Employee id (staff site only)"),
    "csv.name": ("Nama pegawai (hanya situs staf)", "Employee name (staff site only)"),
    "csv.nip": ("NIP tersamar (staf) atau utuh (internal)", "NIP masked (staff) or complete (internal)"),
    "csv.predikat": ("Predikat (hanya situs staf)", "Rating (staff site only)"),
    "csv.score": ("Nilai (rezim bernilai angka)", "Score (numeric regimes)"),
    # --- errors -----------------------------------------------------------------------------------------
    "err.title": ("Kode galat", "Error codes"),
    "err.intro": ("Setiap masalah yang dilaporkan {command} memiliki kode tetap. Bagian ini menjelaskan artinya "
                  "dan cara memperbaikinya; {placeholder} diisi dengan nilai dari berkas Anda.",
                  "Every problem {command} reports has a stable code. This page says what each means and how to "
                  "fix it; {placeholder} is filled in with the values from your file."),
    "err.severity.error": ("galat", "error"),
    "err.severity.warning": ("peringatan", "warning"),
    "err.message": ("Pesan", "Message"),
    "err.hint": ("Saran", "Hint"),
    "err.family": ("Kelompok {family}", "Family {family}"),
    # --- history ----------------------------------------------------------------------------------------
    "hist.title": ("Riwayat perubahan", "Change history"),
    "hist.intro": ("Setiap perubahan data tercatat di Git: kapan, oleh siapa, mengapa, dan persetujuannya. "
                   "Perubahan target setelah periodenya dimulai ditandai.",
                   "Every change to the data is recorded in Git: when, by whom, why, and its approvals. Target "
                   "changes after their period had started are flagged."),
    "hist.intro_public": ("Setiap perubahan data tercatat di Git. Situs publik hanya menampilkan apa yang diturunkan "
                          "situs sendiri: tanggal, unit, jenis berkas yang berubah dan jumlah persetujuan; pesan "
                          "commit dan nama penulis tidak ditampilkan karena dapat memuat data pribadi. Perubahan "
                          "target setelah periodenya dimulai ditandai.",
                          "Every change to the data is recorded in Git. The public site shows only what the site "
                          "derives itself: the date, the unit, the kind of file changed and the number of "
                          "approvals; commit messages and author names are not shown, as they can hold personal "
                          "data. Target changes after their period had started are flagged."),
    "hist.flag_line_public": ("{file}: diubah {date}, setelah periode {period} dimulai ({start}).",
                              "{file}: changed on {date}, after period {period} had started ({start})."),
    "col.approval_count": ("Persetujuan (jumlah)", "Approvals (count)"),
    "col.commit": ("Commit", "Commit"),
    "hist.unavailable": ("Riwayat Git tidak tersedia untuk data ini.", "No Git history is available for this data."),
    "hist.unit_title": ("Riwayat: {unit}", "History: {unit}"),
    "hist.none": ("Belum ada perubahan tercatat.", "No recorded changes yet."),
    "hist.flags": ("Target diubah setelah periode dimulai", "Targets changed after the period had started"),
    "hist.flag_line": ("{file}: diubah {date} oleh {who}, setelah periode {period} dimulai ({start}).",
                       "{file}: changed on {date} by {who}, after period {period} had started ({start})."),
    "hist.no_flags": ("Tidak ada target yang diubah setelah periodenya dimulai.",
                      "No target was changed after its period had started."),
    "hist.flag_badge": ("diubah setelah periode dimulai", "changed after the period started"),
    "hist.changes_count": ("Perubahan", "Changes"),
    "hist.flags_count": ("Ditandai", "Flagged"),
    "hist.last": ("Terakhir", "Last change"),
    "hist.log": ("Catatan perubahan", "Change log"),
    "hist.added": ("ditambah", "added"),
    "hist.removed": ("dihapus", "removed"),
    "hist.private_file": ("berkas penilaian/keberatan (rincian hanya di situs staf)",
                          "assessment/appeal file (details on the staff site only)"),
    "hist.status.A": ("baru", "new"),
    "hist.status.M": ("diubah", "changed"),
    "hist.status.D": ("dihapus", "deleted"),
    "file.contract": ("SKP {who} ({period})", "SKP of {who} ({period})"),
    "file.agreement": ("Perjanjian kinerja ({period})", "Performance agreement ({period})"),
    "file.agreement-realisation": ("Realisasi perjanjian kinerja ({period})", "Agreement realisation ({period})"),
    "file.realisation": ("Realisasi {who} ({reporting_period})", "Realisation of {who} ({reporting_period})"),
    "file.assessment": ("Penilaian {who} ({period})", "Assessment of {who} ({period})"),
    "file.appeal": ("Keberatan {who} ({period})", "Appeal of {who} ({period})"),
    "file.positions": ("Jabatan dan uraian tugas", "Positions and duties"),
    "file.employees": ("Data pegawai", "Employees"),
    "file.other": ("{path}", "{path}"),
    "file.other_public": ("berkas lain", "another file"),
    "who.position": ("pemegang jabatan {title}", "the holder of {title}"),
    "who.unknown": ("pegawai", "an employee"),
    # --- take part --------------------------------------------------------------------------------------
    "tp.title": ("Cara berpartisipasi", "How to take part"),
    "tp.intro": ("Semua data situs ini adalah berkas YAML di repositori Git. Siapa pun yang berwenang dapat "
                 "mengusulkan perubahan; setiap perubahan diperiksa otomatis, ditinjau, lalu tercatat di riwayat.",
                 "All the data of this site are YAML files in a Git repository. Anyone entitled to can propose a "
                 "change; every change is checked automatically, reviewed, and recorded in the history."),
    "tp.propose": ("Mengusulkan perubahan target", "Proposing a change to a target"),
    "tp.propose_steps": ("Buka berkas SKP Anda: {skp}.|Ubah target atau indikatornya; jangan ubah id yang sudah "
                         "dipakai realisasi.|Jalankan {validate}; perbaiki setiap galat (kodenya dijelaskan di "
                         "halaman kode galat).|Kirim sebagai permintaan perubahan (pull/merge request) dengan alasan "
                         "perubahan; atasan langsung Anda meninjau dan menyetujuinya.|Setelah digabung, situs "
                         "diperbarui dan perubahan tampil di riwayat unit; perubahan setelah periode dimulai ditandai.",
                         "Open your contract file: {skp}.|Change the target or its indicators; do not change ids "
                         "that realisations already use.|Run {validate}; fix every error (the codes are explained on "
                         "the error codes page).|Submit it as a pull/merge request with the reason for the change; "
                         "your direct superior reviews and approves it.|Once merged, the site is rebuilt and the "
                         "change shows in the unit's history; changes after the period had started are flagged."),
    "tp.realise": ("Mengirim realisasi", "Submitting a realisation"),
    "tp.realise_steps": ("Buat satu berkas per periode pelaporan: {path}.|Isi nilai setiap indikator beserta bukti "
                         "dukung (judul dan tautan); bila data belum ada, tulis not_available dengan alasannya, "
                         "jangan menulis nol.|Jalankan {validate}, lalu kirim sebagai permintaan perubahan.",
                         "Create one file per reporting period: {path}.|Fill in each indicator's value with its "
                         "evidence (title and link); when the data is not there yet, write not_available with the "
                         "reason, never a zero.|Run {validate}, then submit it as a pull/merge request."),
    "tp.example": ("Contoh berkas realisasi", "Example realisation file"),
    "tp.questions": ("Pertanyaan tentang angka", "Questions about a figure"),
    "tp.questions_text": ("Setiap angka dapat ditelusuri: halaman metodologi menjelaskan rumusnya, halaman data "
                          "terbuka menyediakan datanya, dan riwayat menunjukkan siapa mengubah apa. Keberatan atas "
                          "penilaian diajukan dalam 14 hari (PP 30/2019 pasal 59) melalui berkas keberatan.",
                          "Every figure can be traced: the methodology page explains its formula, the open data "
                          "page provides the data, and the history shows who changed what. An appeal against an "
                          "assessment is filed within 14 days (PP 30/2019 art. 59) as an appeal file."),
    # --- staff: employees and monitoring ----------------------------------------------------------------
    "emp.title": ("SKP {name} — {period}", "SKP of {name} — {period}"),
    "emp.form": ("Sasaran Kinerja Pegawai", "Employee performance contract (SKP)"),
    "emp.employee": ("Pegawai yang dinilai", "Employee"),
    "emp.assessor": ("Pejabat penilai", "Assessor"),
    "emp.unit": ("Unit kerja", "Work unit"),
    "emp.status": ("Status SKP", "Contract status"),
    "emp.approved_on": ("Disetujui", "Approved on"),
    "emp.targets": ("Target", "Targets"),
    "emp.category.main": ("utama", "main"),
    "emp.category.additional": ("tambahan", "additional"),
    "emp.realisations": ("Realisasi", "Realisations"),
    "emp.no_realisations": ("Belum ada laporan realisasi.", "No realisation report yet."),
    "emp.assessment": ("Penilaian", "Assessment"),
    "emp.no_assessment": ("Belum ada penilaian.", "No assessment yet."),
    "emp.periodic": ("Evaluasi periodik", "Periodic evaluations"),
    "emp.feedback": ("Umpan balik", "Feedback"),
    "emp.result": ("Hasil: predikat {predikat}, status {status}.", "Result: rating {predikat}, status {status}."),
    "emp.appeal": ("Keberatan", "Appeal"),
    "emp.no_appeal": ("Tidak ada keberatan.", "No appeal."),
    "emp.appeal_text": ("Diajukan {filed}; keputusan: {decision} ({decided_on}).",
                        "Filed {filed}; decision: {decision} ({decided_on})."),
    "emp.reasons": ("Alasan", "Reasons"),
    "emp.decision_reasons": ("Alasan keputusan", "Reasons for the decision"),
    "emp.history": ("Riwayat SKP ini", "History of this contract"),
    "emp.explanation": ("Penjelasan perhitungan", "How the result was computed"),
    "emp.signatures": ("Tanda tangan", "Signatures"),
    "emp.sign_employee": ("Pegawai yang dinilai", "Employee"),
    "emp.sign_assessor": ("Pejabat penilai", "Assessor"),
    "emp.list": ("Pegawai dan SKP", "Employees and contracts"),
    "mon.title": ("Pemantauan", "Monitoring"),
    "mon.intro": ("Siapa yang belum mengirim realisasi yang sudah jatuh tempo atau belum dinilai, per {today}.",
                  "Who has not yet submitted realisations that are due or has not been assessed, as of {today}."),
    "mon.realisations": ("Realisasi yang belum masuk", "Realisations not submitted"),
    "mon.assessments": ("Belum dinilai", "Not yet assessed"),
    "mon.no_contract": ("Pegawai tanpa SKP", "Employees without a contract"),
    "mon.all_done": ("Semua lengkap.", "Everything is in."),
}

REGIME_NAMES: dict[str, tuple[str, str]] = {
    "pp46-2011": ("PP 46/2011 dan Perka BKN 1/2013 (prestasi kerja PNS)",
                  "PP 46/2011 and Perka BKN 1/2013 (work performance of civil servants)"),
    "permenpanrb-8-2021": ("PP 30/2019 dan PermenPANRB 8/2021 (sistem manajemen kinerja 2021)",
                           "PP 30/2019 and PermenPANRB 8/2021 (the 2021 performance management system)"),
    "permenpanrb-6-2022": ("PermenPANRB 6/2022 (pengelolaan kinerja ASN)",
                           "PermenPANRB 6/2022 (performance management of civil servants)"),
}

#: Per regime: the formulas, as "name = formula" lines.
REGIME_FORMULAS: dict[str, tuple[str, str]] = {
    "pp46-2011": (
        "Kuantitas = RO / TO × 100|Kualitas = RK / TK × 100|Waktu: efisiensi = 100 − RW / TW × 100; efisiensi ≤ 24%: "
        "((1,76 × TW − RW) / TW) × 100, lebih dari 24%: 76 − ((1,76 × TW − RW) / TW × 100 − 100)|Biaya: sama dengan "
        "waktu dengan TB dan RB|Nilai capaian kegiatan = jumlah aspek / 3 (atau / 4 bila ada target biaya); kegiatan "
        "tidak dilaksanakan (RO = 0) bernilai 0|Nilai SKP = rata-rata kegiatan + tugas tambahan (1-3 tugas: 1, "
        "4-6: 2, 7+: 3) + kreativitas (unit kerja 3, organisasi 6, negara 12)|Perilaku = rata-rata aspek "
        "perilaku (kepemimpinan hanya untuk jabatan struktural)|Nilai prestasi kerja = 60% × nilai SKP + 40% × "
        "perilaku, dari nilai SKP dan perilaku yang tercetak (dua desimal), seperti petugas menghitung ulang "
        "dari formulir (opsi total_from: raw memakai nilai tanpa pembulatan)",
        "Quantity = RO / TO × 100|Quality = RK / TK × 100|Time: efficiency = 100 − RW / TW × 100; efficiency ≤ 24%: "
        "((1.76 × TW − RW) / TW) × 100, above 24%: 76 − ((1.76 × TW − RW) / TW × 100 − 100)|Cost: as time, with "
        "TB and RB|Activity value = sum of the aspects / 3 (or / 4 with a cost target); an activity not carried "
        "out (RO = 0) scores 0|SKP value = mean of the activities + extra tasks (1-3 tasks: 1, 4-6: 2, 7+: 3) + "
        "creativity (unit 3, organisation 6, nation 12)|Behaviour = mean of the behaviour aspects (leadership for "
        "structural posts only)|Work performance = 60% × SKP value + 40% × behaviour, "
        "from the SKP and behaviour values as printed (two places), as an officer recomputes it from the form "
        "(option total_from: raw uses the unrounded values)"),
    "permenpanrb-8-2021": (
        "Capaian IKI = R / T × 100% (makin tinggi makin baik) atau (1 + (1 − R / T)) × 100% (makin rendah makin "
        "baik); target rentang: 100% di dalam rentang|Capaian dibulatkan ke persen bulat, lalu nilai capaian IKI "
        "menurut rentang: > 110 → 120; 101-110 → 110-120; 100 → 109; 80-99 → 70-89; 60-79 → 50-69; 0-59 → 0-49"
        "|Nilai kinerja utama = jumlah nilai tertimbang (bobot IKI utama dari SKP, berjumlah 100; tanpa bobot: "
        "bobot sama)|Nilai kinerja tambahan paling tinggi 10, dari nilai tertimbang target tambahan SKP bila "
        "berbobot, selain itu dari nilai penilai|Nilai SKP = kinerja utama + kinerja tambahan|Nilai kinerja pegawai = 70% SKP + 30% perilaku "
        "(60/40 bila perilaku dinilai rekan dan bawahan)",
        "Indicator achievement = R / T × 100% (higher is better) or (1 + (1 − R / T)) × 100% (lower is better); "
        "range targets: 100% within the range|The achievement is rounded to a whole percent, then the value by "
        "band: > 110 → 120; 101-110 → 110-120; 100 → 109; 80-99 → 70-89; 60-79 → 50-69; 0-59 → 0-49|Main "
        "value = sum of the weighted values (the SKP's weights of its main indicators, summing to 100; without "
        "weights: equal)|Additional work adds at most 10, from the weighted values of the SKP's additional "
        "targets when weighted, otherwise from the assessor's values|SKP "
        "value = main + additional|Employee value = 70% SKP + 30% behaviour (60/40 when peers and subordinates "
        "rate behaviour)"),
    "permenpanrb-6-2022": (
        "Tanpa bobot angka: pejabat penilai memberi rating hasil kerja dan rating perilaku kerja (BerAKHLAK), "
        "masing-masing Di Atas, Sesuai atau Di Bawah Ekspektasi|Predikat = matriks rating hasil kerja × rating "
        "perilaku (tabel di bawah)|Evaluasi periodik menurut siklus periode; predikat tahunan dari rating tahunan "
        "pejabat penilai, evaluasi periodik sebagai bukti|Rating hasil kerja kepala unit mengikuti predikat "
        "kinerja organisasi|Angka kredit jabatan fungsional (konversi PermenPANRB 1/2023, Perban BKN 3/2023) = "
        "persentase predikat (150/100/75/50/25%) × koefisien tahunan × bulan / 12, untuk tiap predikat periodik "
        "sebanyak bulan yang dicakupnya dan sudah lewat; setelah predikat tahunan ada, predikat tahunan "
        "menggantikannya; angka kredit dijumlahkan antarperiode dan antartahun pada jenjang yang sama (PAK)",
        "No numeric weights: the assessor rates work results and behaviour (BerAKHLAK), each Above, Meets or "
        "Below Expectations|Rating = matrix of the results rating × the behaviour rating (table below)|Periodic "
        "evaluations follow the period's cycle; the annual rating comes from the assessor's annual ratings, with "
        "the periodic ones as evidence|A unit head's results rating follows the organisation's rating|Credit "
        "points of functional positions (conversion of PermenPANRB 1/2023, Perban BKN 3/2023) = rating percentage "
        "(150/100/75/50/25%) × annual coefficient × months / 12, for each periodic rating over the months it "
        "covers that have passed; once the annual rating exists it replaces them; credit points accumulate "
        "over periods and years within the same level (PAK)"),
}

#: Per regime: where docs/regulations.md marks the sources unconfirmed, and the option that lets an agency decide.
REGIME_UNCONFIRMED: dict[str, tuple[str, str]] = {
    "pp46-2011": (
        "Poin kreativitas per tingkat manfaat (opsi creativity_points)|Kapan kepemimpinan dihitung dalam perilaku "
        "(opsi leadership)|Batas rentang predikat dan letak nilai di antara dua rentang, mis. 90,5 (opsi "
        "predikat_bands, band_semantics)",
        "Creativity points per level of benefit (option creativity_points)|When leadership counts in behaviour "
        "(option leadership)|The band limits and where a score between two bands falls, e.g. 90.5 (options "
        "predikat_bands, band_semantics)"),
    "permenpanrb-8-2021": (
        "Teks rentang 101-110 pada tabel nilai capaian IKI (opsi value_bands)|Kata predikat Kurang dan Sangat "
        "Kurang (opsi predikat_bands)|Nilai periodik bila tidak ada IKI utama yang terukur: asumsi proyek ini "
        "(opsi periodic_without_indicators)",
        "The 101-110 band of the indicator value table (option value_bands)|The wording of the Kurang and Sangat "
        "Kurang ratings (option predikat_bands)|The periodic value when no main indicator is measurable: an "
        "assumption of this project (option periodic_without_indicators)"),
    "permenpanrb-6-2022": (
        "Matriks predikat: konsensus berbagai implementasi, lampiran resmi belum terkonfirmasi (opsi matrix)"
        "|Cara predikat tahunan diturunkan dari evaluasi periodik (opsi annual_rule)|Pembulatan persentase "
        "pedoman sebaran menjadi jumlah orang di unit kecil (opsi distribution_rounding)|Rating hasil kerja kepala "
        "unit dari predikat organisasi (opsi unit_head_results)",
        "The rating matrix: the consensus of implementations; the official appendix is unconfirmed (option "
        "matrix)|How the annual rating derives from the periodic evaluations (option annual_rule)|How the "
        "guidance's percentages become head counts in small units (option distribution_rounding)|A unit head's "
        "results rating from the organisation rating (option unit_head_results)"),
}


def words(lang: str) -> Callable[..., str]:
    """The lookup for ``lang``: ``W("key", name=value)``."""
    index = 1 if lang == "en" else 0

    def W(key: str, **values: Any) -> str:
        template = TABLE[key][index]
        return template.format(**values) if values else template

    return W


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]
