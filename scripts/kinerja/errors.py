"""The error catalogue: one stable code per kind of problem, with its message in Indonesian and English.

The CLI, the site, the forms and the intake service all render problems from this catalogue, so the
same code always reads the same. ``docs/errors.md`` (the help page per code) is generated from it and a
test checks that every code is documented.

Codes by family:

* ``K0xx`` reading and parsing a file (encoding, size, YAML syntax, anchors, duplicate keys)
* ``K1xx`` schema violations (missing or unknown fields, wrong types, values out of range)
* ``K2xx`` rules across files (references, reporting lines, periods, appeals, vague duties)
* ``K3xx`` scoring inputs, ``K5xx`` allowance rules and attendance, ``K6xx`` distribution guidance
* ``K7xx`` review of changes, ``K8xx`` usage of the command line, ``K9xx`` import from national systems
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class ErrorKind:
    """One kind of problem: a stable code, a name, a message template and a hint per language."""

    code: str
    name: str
    severity: Severity
    message_id: str
    message_en: str
    hint_id: str = ""
    hint_en: str = ""

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_id

    def hint(self, lang: str) -> str:
        return self.hint_en if lang == "en" else self.hint_id


CATALOGUE: dict[str, ErrorKind] = {}


def _kind(code: str, name: str, severity: Severity, message_id: str, message_en: str,
          hint_id: str = "", hint_en: str = "") -> ErrorKind:
    kind = ErrorKind(code, name, severity, message_id, message_en, hint_id, hint_en)
    if code in CATALOGUE:  # pragma: no cover - a programming error caught by the catalogue test
        raise ValueError(f"duplicate error code {code}")
    CATALOGUE[code] = kind
    return kind


def get(code: str) -> ErrorKind:
    """The catalogue entry for ``code``; unknown codes are a programming error."""
    return CATALOGUE[code]


# --- K0xx: reading and parsing -------------------------------------------------------------------
_kind("K001", "not-utf8", "error",
      "Berkas bukan teks UTF-8 (byte tidak sah di posisi {offset}).",
      "The file is not UTF-8 text (invalid byte at offset {offset}).",
      "Simpan ulang berkas sebagai UTF-8 (di Excel/Notepad: Simpan Sebagai → UTF-8).",
      "Save the file again as UTF-8 (in Excel/Notepad: Save As → UTF-8).")
_kind("K002", "file-too-large", "error",
      "Berkas terlalu besar: {size} byte, batasnya {limit} byte.",
      "The file is too large: {size} bytes, the limit is {limit} bytes.",
      "Pecah data menjadi beberapa berkas (satu berkas per pegawai atau per unit).",
      "Split the data into several files (one file per employee or per unit).")
_kind("K003", "yaml-syntax", "error",
      "Sintaks YAML tidak sah: {problem}.",
      "Invalid YAML syntax: {problem}.",
      "Periksa indentasi, titik dua setelah nama kolom, dan tanda kutip yang belum ditutup.",
      "Check the indentation, the colon after each field name and unclosed quotes.")
_kind("K004", "tab-indentation", "error",
      "Karakter tab dipakai untuk indentasi.",
      "A tab character is used for indentation.",
      "YAML hanya menerima spasi untuk indentasi: ganti tab dengan dua spasi.",
      "YAML accepts only spaces for indentation: replace tabs with two spaces.")
_kind("K005", "anchor-or-alias", "error",
      "Anchor/alias YAML ('&' atau '*') tidak diizinkan.",
      "YAML anchors and aliases ('&' or '*') are not allowed.",
      "Tulis nilainya secara lengkap di setiap tempat; alias bisa meledakkan ukuran data.",
      "Write the value out in full at each place; aliases can blow up the size of the data.")
_kind("K006", "duplicate-key", "error",
      "Kunci '{key}' muncul dua kali (pertama di baris {first_line}).",
      "The key '{key}' appears twice (first on line {first_line}).",
      "Hapus salah satunya; YAML biasa diam-diam hanya memakai yang terakhir.",
      "Remove one of them; plain YAML silently keeps only the last one.")
_kind("K007", "empty-file", "error",
      "Berkas kosong.",
      "The file is empty.",
      "Isi berkas sesuai contoh di README atau hapus berkasnya.",
      "Fill the file in as in the README's example or delete it.")
_kind("K008", "multiple-documents", "error",
      "Berkas berisi lebih dari satu dokumen YAML ('---').",
      "The file holds more than one YAML document ('---').",
      "Satu berkas berisi satu dokumen; pindahkan dokumen lain ke berkas sendiri.",
      "One file holds one document; move the others to files of their own.")
_kind("K009", "yaml-tag", "error",
      "Tag YAML '{tag}' tidak diizinkan.",
      "The YAML tag '{tag}' is not allowed.",
      "Hapus tag yang diawali '!'; tulis nilainya sebagai teks atau angka biasa.",
      "Remove the tag starting with '!'; write the value as plain text or a number.")
_kind("K010", "unreadable", "error",
      "Berkas tidak dapat dibaca: {reason}.",
      "The file cannot be read: {reason}.",
      "Periksa izin berkas.", "Check the file's permissions.")
_kind("K011", "unknown-file", "warning",
      "Berkas ini tidak termasuk tata letak data yang dikenal dan diabaikan.",
      "This file is not part of the known data layout and is ignored.",
      "Lihat README bagian tata letak data untuk nama folder dan berkas yang benar.",
      "See the README's data layout section for the right folder and file names.")
_kind("K012", "number-where-text", "error",
      "'{field}' harus teks, tetapi tertulis sebagai angka {value}.",
      "'{field}' must be text but is written as the number {value}.",
      "Beri tanda kutip: {field}: \"{value}\" (angka panjang seperti NIP bisa berubah bila tidak dikutip).",
      "Quote it: {field}: \"{value}\" (long numbers such as a NIP can change when unquoted).")

# K013-K019 (issue 12): special files, number bounds, required files.
_kind("K013", "symbolic-link", "error",
      "Ini tautan simbolik (symlink), bukan berkas atau folder biasa; tautan tidak pernah diikuti.",
      "This is a symbolic link, not a plain file or folder; links are never followed.",
      "Simpan datanya sebagai berkas biasa di tempat ini (git rm tautannya, lalu tambahkan berkas yang "
      "sebenarnya); data di luar repositori tidak dibaca.",
      "Store the data as a plain file at this place (git rm the link, then add the real file); data "
      "outside the repository is never read.")
_kind("K014", "special-file", "error",
      "Ini {what}, bukan berkas biasa, dan tidak dibaca.",
      "This is a {what}, not a regular file, and is not read.",
      "Di bawah contracts/ hanya boleh ada berkas dan folder biasa; hapus yang ini.",
      "Only plain files and folders may be under contracts/; remove this one.")
_kind("K015", "number-too-large", "error",
      "Angka '{value}' di luar batas: {reason}.",
      "The number '{value}' is out of bounds: {reason}.",
      "Angka kinerja paling banyak {max_chars} karakter dan di bawah 10^{max_exponent}; periksa salah "
      "ketik (mis. eksponen 'e') atau tulis dalam satuan yang lebih besar.",
      "Performance figures take at most {max_chars} characters and stay below 10^{max_exponent}; check for "
      "a typo (e.g. an exponent 'e') or write it in a larger unit.")
_kind("K016", "number-too-precise", "error",
      "Angka '{value}' terlalu halus: tempat desimal terkecil yang diterima 10^{min_exponent}.",
      "The number '{value}' is too fine: the smallest place accepted is 10^{min_exponent}.",
      "Bulatkan angkanya (beberapa angka di belakang koma sudah cukup).",
      "Round the number (a few decimal places are enough).")
_kind("K017", "required-file-missing", "error",
      "Berkas wajib {name} tidak ada.",
      "The required file {name} is missing.",
      "Setiap instance memerlukan contracts/settings.yaml, contracts/organisation.yaml dan "
      "contracts/periods.yaml; buat berkasnya seperti contoh di README.",
      "Every instance needs contracts/settings.yaml, contracts/organisation.yaml and contracts/periods.yaml; "
      "create the file as in the README's example.")
_kind("K018", "published-file-refused", "error",
      "Berkas ini ({what}) tidak diterbitkan: situs hanya menyalin berkas biasa di dalam repositori.",
      "This file ({what}) is not published: the site copies only regular files inside the repository.",
      "Simpan halaman atau skema sebagai berkas biasa di dalam repositori; tautan simbolik boleh, asal "
      "menunjuk ke berkas di dalam repositori.",
      "Store the page or schema as a regular file inside the repository; a symbolic link is fine as long "
      "as it points to a file inside the repository.")


# --- K1xx: schema ----------------------------------------------------------------------------------
_kind("K101", "required", "error",
      "Kolom wajib '{field}' tidak ada.",
      "The required field '{field}' is missing.",
      "Tambahkan '{field}:' dengan nilainya.", "Add '{field}:' with its value.")
_kind("K102", "unknown-field", "error",
      "Kolom '{field}' tidak dikenal.",
      "The field '{field}' is not known.",
      "Periksa ejaannya; kolom yang dikenal: {allowed}.",
      "Check its spelling; known fields: {allowed}.")
_kind("K103", "wrong-type", "error",
      "'{field}' harus berupa {expected}, tetapi berisi {actual}.",
      "'{field}' must be {expected} but holds {actual}.",
      "Perbaiki nilainya sesuai jenis yang diminta.", "Correct the value to the expected kind.")
_kind("K104", "not-allowed-value", "error",
      "Nilai '{value}' tidak diizinkan untuk '{field}'.",
      "The value '{value}' is not allowed for '{field}'.",
      "Pilih salah satu: {allowed}.", "Choose one of: {allowed}.")
_kind("K105", "pattern", "error",
      "'{field}' berisi '{value}' yang tidak sesuai format.",
      "'{field}' holds '{value}', which does not match the format.",
      "{format_hint_id}", "{format_hint_en}")
_kind("K106", "out-of-range", "error",
      "'{field}' bernilai {value}, di luar batas ({bound}).",
      "'{field}' is {value}, outside the bounds ({bound}).",
      "Masukkan nilai dalam batas yang diizinkan.", "Enter a value within the allowed bounds.")
_kind("K107", "list-where-mapping", "error",
      "'{field}' berisi daftar (list) padahal harus berupa pasangan kolom: nilai (mapping).",
      "'{field}' holds a list where a mapping (field: value pairs) belongs.",
      "Hapus tanda '-' di depan baris-baris kolom tersebut.",
      "Remove the '-' in front of those field lines.")
_kind("K108", "too-few-items", "error",
      "'{field}' harus berisi sedikitnya {minimum} butir.",
      "'{field}' must hold at least {minimum} item(s).",
      "Tambahkan butir yang kurang.", "Add the missing items.")
_kind("K109", "schema", "error",
      "'{field}' tidak sah: {detail}.",
      "'{field}' is invalid: {detail}.",
      "Bandingkan dengan contoh di README atau skema di folder schemas/.",
      "Compare with the README's example or the schema in schemas/.")
_kind("K110", "invalid-date", "error",
      "'{field}' berisi tanggal '{value}' yang tidak ada.",
      "'{field}' holds the date '{value}', which does not exist.",
      "Tulis tanggal sebagai \"TTTT-BB-HH\", misalnya \"2026-01-31\".",
      "Write dates as \"YYYY-MM-DD\", e.g. \"2026-01-31\".")
_kind("K111", "duplicate-item", "error",
      "'{field}' memuat butir yang sama dua kali.",
      "'{field}' holds the same item twice.",
      "Hapus butir yang berulang.", "Remove the repeated item.")

# --- K2xx: rules across files ----------------------------------------------------------------------
_kind("K201", "unknown-unit", "error",
      "Unit '{ref}' tidak ada dalam organisation.yaml.",
      "The unit '{ref}' is not in organisation.yaml.",
      "Periksa id unit, atau tambahkan unit itu ke organisation.yaml.",
      "Check the unit id, or add the unit to organisation.yaml.")
_kind("K202", "unknown-position", "error",
      "Jabatan '{ref}' tidak ada dalam positions.yaml unit mana pun.",
      "The position '{ref}' is not in any unit's positions.yaml.",
      "Periksa id jabatan; daftar jabatan ada di contracts/units/<unit>/positions.yaml.",
      "Check the position id; positions are listed in contracts/units/<unit>/positions.yaml.")
_kind("K203", "unknown-employee", "error",
      "Pegawai '{ref}' tidak ada dalam employees.yaml unit mana pun.",
      "The employee '{ref}' is not in any unit's employees.yaml.",
      "Periksa id pegawai (bukan NIP) di employees.yaml.",
      "Check the employee id (not the NIP) in employees.yaml.")
_kind("K204", "unknown-duty", "error",
      "Uraian tugas '{ref}' tidak ada dalam uraian tugas jabatan '{position}'.",
      "The duty '{ref}' is not in the job description (uraian tugas) of position '{position}'.",
      "Pilih salah satu tugas jabatan: {allowed}.",
      "Choose one of the position's duties: {allowed}.")
_kind("K205", "unknown-superior-target", "error",
      "Target atasan '{ref}' tidak ada dalam SKP atasan ({assessor}) periode {period}.",
      "The superior's target '{ref}' is not in the superior's SKP ({assessor}) for period {period}.",
      "Pilih salah satu target atasan: {allowed}.",
      "Choose one of the superior's targets: {allowed}.")
_kind("K206", "duplicate-id", "error",
      "Id '{ref}' dipakai lebih dari sekali (juga di {other}).",
      "The id '{ref}' is used more than once (also in {other}).",
      "Setiap id harus unik; ganti salah satunya.", "Every id must be unique; change one of them.")
_kind("K207", "vague-duty", "error",
      "Tugas bersifat terbuka/tidak jelas: memuat '{phrase}'.",
      "The duty is open-ended: it contains '{phrase}'.",
      "Sebutkan tugasnya secara konkret beserta hasil kerjanya; tugas tambahan ditulis satu per satu.",
      "Name the duty concretely with its output; other duties are listed one by one.")
_kind("K208", "assessor-not-superior", "error",
      "Pejabat penilai '{ref}' bukan atasan langsung; menurut garis pelaporan seharusnya '{expected}'.",
      "The assessor '{ref}' is not the direct superior; by the reporting line it should be '{expected}'.",
      "Hapus kolom ini (akan diturunkan otomatis) atau perbaiki 'reports_to' jabatan.",
      "Remove the field (it is derived) or correct the position's 'reports_to'.")
_kind("K209", "self-assessment", "error",
      "Pegawai '{ref}' menilai dirinya sendiri.",
      "The employee '{ref}' assesses themselves.",
      "Penilai harus atasan langsung pegawai.", "The assessor must be the employee's direct superior.")
_kind("K210", "reporting-cycle", "error",
      "Garis pelaporan membentuk lingkaran: {cycle}.",
      "The reporting lines form a cycle: {cycle}.",
      "Perbaiki 'reports_to' salah satu jabatan agar garis berakhir di pimpinan tertinggi.",
      "Correct one position's 'reports_to' so that the line ends at the top.")
_kind("K211", "overlapping-assignments", "error",
      "Penugasan pegawai '{ref}' tumpang tindih: {first} dan {second}.",
      "The assignments of employee '{ref}' overlap: {first} and {second}.",
      "Akhiri penugasan lama ('to') sebelum penugasan baru dimulai ('from').",
      "End the old assignment ('to') before the new one starts ('from').")
_kind("K212", "overlapping-contracts", "error",
      "Pegawai '{ref}' memiliki lebih dari satu SKP untuk periode {period} (juga {other}).",
      "The employee '{ref}' has more than one SKP for period {period} (also {other}).",
      "Satu pegawai satu SKP per periode; hapus atau gabungkan.",
      "One employee, one SKP per period; remove or merge them.")
_kind("K213", "realisation-unknown-target", "error",
      "Realisasi untuk target '{ref}' yang tidak ada dalam SKP.",
      "A realisation for target '{ref}', which is not in the SKP.",
      "Target yang ada: {allowed}.", "The SKP's targets are: {allowed}.")
_kind("K214", "outside-period", "error",
      "'{ref}' berada di luar periode {period} ({start} s.d. {end}).",
      "'{ref}' lies outside period {period} ({start} to {end}).",
      "Pindahkan berkas ke periode yang benar atau perbaiki tanggalnya.",
      "Move the file to the right period or correct the date.")
_kind("K215", "appeal-late", "error",
      "Keberatan diajukan {days} hari setelah hasil diterima; batasnya {limit} hari.",
      "The appeal was filed {days} days after the result was received; the limit is {limit} days.",
      "Keberatan hanya dapat diajukan dalam {limit} hari (PP 30/2019 pasal 59).",
      "An appeal can only be filed within {limit} days (PP 30/2019 art. 59).")
_kind("K216", "appeal-wrong-decider", "error",
      "Keberatan diputus oleh '{ref}', padahal yang berwenang adalah atasan pejabat penilai '{expected}'.",
      "The appeal was decided by '{ref}' but only the appeal assessor '{expected}' may decide it.",
      "Keputusan keberatan dibuat oleh atasan pejabat penilai.",
      "Appeals are decided by the assessor's superior.")
_kind("K217", "unit-without-head", "error",
      "Unit '{ref}' tidak memiliki jabatan kepala (head: true).",
      "The unit '{ref}' has no head position (head: true).",
      "Tandai satu jabatan di positions.yaml unit ini dengan 'head: true'.",
      "Mark one position in this unit's positions.yaml with 'head: true'.")
_kind("K218", "superior-target-not-approved", "warning",
      "Target ini mendukung target atasan '{ref}' yang belum disetujui (status: {status}).",
      "This target supports the superior's target '{ref}', which is not approved yet (status: {status}).",
      "Boleh disusun dulu; periksa lagi setelah SKP atasan disetujui.",
      "Drafting is fine; check again once the superior's SKP is approved.")
_kind("K219", "unit-cycle", "error",
      "Pohon unit membentuk lingkaran: {cycle}.",
      "The unit tree forms a cycle: {cycle}.",
      "Perbaiki 'parent' salah satu unit.", "Correct one unit's 'parent'.")
_kind("K220", "unknown-period", "error",
      "Periode '{ref}' tidak ada dalam periods.yaml.",
      "The period '{ref}' is not in periods.yaml.",
      "Periksa id periode atau tambahkan periodenya.", "Check the period id or add the period.")
_kind("K221", "path-mismatch", "error",
      "Isi berkas tidak cocok dengan lokasinya: {field} '{value}', tetapi foldernya menunjuk '{expected}'.",
      "The file's content does not match its location: {field} is '{value}' but its folder says '{expected}'.",
      "Pindahkan berkas ke folder yang benar atau perbaiki kolomnya.",
      "Move the file to the right folder or correct the field.")
_kind("K222", "nip-length", "error",
      "NIP PNS harus 18 angka; '{value}' berisi {length} angka.",
      "A PNS NIP has 18 digits; '{value}' has {length}.",
      "Salin NIP dari SK; untuk PPPK isi 'type: pppk'.",
      "Copy the NIP from the decree; for PPPK staff set 'type: pppk'.")
_kind("K223", "nip-date", "error",
      "NIP '{value}' memuat {part} yang tidak sah ({detail}).",
      "The NIP '{value}' holds an invalid {part} ({detail}).",
      "Angka 1-8 adalah tanggal lahir TTTTBBHH, angka 9-14 TMT CPNS TTTTBB.",
      "Digits 1-8 are the birth date YYYYMMDD, digits 9-14 the CPNS appointment YYYYMM.")
_kind("K224", "nip-sex", "error",
      "Digit jenis kelamin NIP '{value}' adalah {digit}; harus 1 (laki-laki) atau 2 (perempuan).",
      "The sex digit of NIP '{value}' is {digit}; it must be 1 (male) or 2 (female).",
      "Periksa digit ke-15 NIP.", "Check the NIP's 15th digit.")
_kind("K225", "zero-target", "error",
      "Target '{ref}' bernilai nol; capaian tidak dapat dihitung (pembagian dengan nol).",
      "The target '{ref}' is zero; achievement cannot be computed (division by zero).",
      "Isi target lebih dari nol, atau gunakan indikator kualitatif.",
      "Set a target above zero, or use a qualitative indicator.")
_kind("K226", "aspects-not-for-regime", "error",
      "Target '{ref}' tidak memakai aspek yang diminta rezim {regime}: {detail}.",
      "The target '{ref}' does not use the aspects regime {regime} asks for: {detail}.",
      "{regime_hint_id}", "{regime_hint_en}")
_kind("K227", "unknown-indicator", "error",
      "Indikator '{ref}' tidak ada dalam {where}.",
      "The indicator '{ref}' is not in {where}.",
      "Indikator yang ada: {allowed}.", "The indicators there are: {allowed}.")
_kind("K228", "no-holder", "warning",
      "Jabatan '{ref}' tidak dipegang oleh siapa pun pada periode {period}; pejabat penilai tidak dapat ditentukan.",
      "Nobody holds position '{ref}' in period {period}; the assessor cannot be derived.",
      "Tambahkan penugasan (assignments) pejabat tersebut di employees.yaml.",
      "Add the holder's assignment in employees.yaml.")
_kind("K229", "not-assigned", "error",
      "Pegawai '{ref}' tidak menduduki jabatan '{position}' selama periode {period}.",
      "The employee '{ref}' does not hold position '{position}' during period {period}.",
      "Periksa penugasan pegawai di employees.yaml atau jabatan di SKP.",
      "Check the employee's assignments in employees.yaml or the SKP's position.")
_kind("K230", "appeal-assessor-mismatch", "error",
      "Atasan pejabat penilai '{ref}' tidak sesuai garis pelaporan; seharusnya '{expected}'.",
      "The appeal assessor '{ref}' does not match the reporting line; it should be '{expected}'.",
      "Hapus kolom ini (akan diturunkan otomatis) atau perbaiki 'reports_to'.",
      "Remove the field (it is derived) or correct 'reports_to'.")
_kind("K231", "date-order", "error",
      "'{field}' ({value}) jatuh sebelum '{other_field}' ({other}).",
      "'{field}' ({value}) comes before '{other_field}' ({other}).",
      "Perbaiki urutan tanggal.", "Correct the order of the dates.")
_kind("K232", "unit-head-duplicate", "error",
      "Unit '{ref}' memiliki lebih dari satu jabatan kepala: {positions}.",
      "The unit '{ref}' has more than one head position: {positions}.",
      "Hanya satu jabatan per unit yang bertanda 'head: true'.",
      "Only one position per unit is marked 'head: true'.")
_kind("K233", "wrong-reporting-period", "error",
      "Periode pelaporan '{ref}' tidak sesuai siklus {cadence} periode {period}; yang sah: {allowed}.",
      "The reporting period '{ref}' does not fit the {cadence} cadence of period {period}; valid: {allowed}.",
      "Gunakan salah satu periode pelaporan yang sah.", "Use one of the valid reporting periods.")
_kind("K234", "missing-realisation-value", "error",
      "Realisasi target '{ref}' tidak berisi nilai maupun 'not_available'.",
      "The realisation of target '{ref}' has neither a value nor 'not_available'.",
      "Isi nilainya, atau tulis 'not_available: <alasan>' bila data belum tersedia.",
      "Fill in the value, or write 'not_available: <reason>' if the data is not available.")
_kind("K235", "value-and-not-available", "error",
      "Realisasi target '{ref}' berisi nilai sekaligus 'not_available'.",
      "The realisation of target '{ref}' has both a value and 'not_available'.",
      "Pilih salah satu: nilai, atau 'not_available' dengan alasannya.",
      "Choose one: a value, or 'not_available' with its reason.")
_kind("K236", "assessment-not-for-regime", "error",
      "Penilaian tidak sesuai rezim {regime}: {detail}.",
      "The assessment does not fit regime {regime}: {detail}.",
      "{regime_hint_id}", "{regime_hint_en}")
_kind("K237", "no-superior", "error",
      "Jabatan '{ref}' tidak memiliki atasan (reports_to kosong), tetapi {detail}.",
      "Position '{ref}' has no superior (reports_to is empty), but {detail}.",
      "Hanya jabatan tertinggi yang boleh tanpa atasan.", "Only the top position may have no superior.")
_kind("K238", "unknown-allowance-rule", "error",
      "Aturan TPP '{ref}' tidak ada di contracts/allowance/.",
      "The allowance (TPP) rule '{ref}' is not in contracts/allowance/.",
      "Periksa nama berkas aturan TPP.", "Check the allowance rule's file name.")
_kind("K239", "target-supports-nothing", "warning",
      "Target utama '{ref}' tidak mendukung target atasan maupun indikator unit (cascading).",
      "The main target '{ref}' supports neither a superior's target nor a unit indicator (cascading).",
      "Isi 'supports' (id target atasan) atau 'supports_indicator' (id indikator perjanjian kinerja).",
      "Set 'supports' (the superior's target id) or 'supports_indicator' (the agreement's indicator id).")
_kind("K240", "unknown-target", "error",
      "Target '{ref}' tidak ada dalam SKP pegawai '{employee}' periode {period}.",
      "The target '{ref}' is not in employee '{employee}''s SKP for period {period}.",
      "Target yang ada: {allowed}.", "The SKP's targets are: {allowed}.")
_kind("K241", "no-contract", "error",
      "Pegawai '{ref}' tidak memiliki SKP untuk periode {period}.",
      "The employee '{ref}' has no SKP for period {period}.",
      "Buat SKP terlebih dulu di units/<unit>/<periode>/skp/.",
      "Create the SKP first in units/<unit>/<period>/skp/.")
_kind("K242", "decision-incomplete", "error",
      "Keputusan keberatan '{decision}' memerlukan '{field}'.",
      "The appeal decision '{decision}' needs '{field}'.",
      "Lengkapi kolom keputusan.", "Complete the decision fields.")
_kind("K243", "range-order", "error",
      "Rentang target '{ref}' terbalik: min {min} lebih besar dari max {max}.",
      "The target range of '{ref}' is reversed: min {min} is greater than max {max}.",
      "Tukar nilai min dan max.", "Swap min and max.")
_kind("K244", "overlapping-periods", "error",
      "Periode '{ref}' tumpang tindih dengan periode '{other}'.",
      "Period '{ref}' overlaps period '{other}'.",
      "Periode penilaian tidak boleh tumpang tindih.", "Assessment periods must not overlap.")

# K245-K249 (issue 12): text that could hide or forge what a reader sees.
_kind("K245", "bidi-control", "warning",
      "Teks memuat karakter pengatur arah tulisan {char} pada karakter ke-{offset}: tampilannya dapat berbeda "
      "dari isinya.",
      "The text holds the bidirectional control {char} at character {offset}: it can display differently from "
      "what it holds.",
      "Hapus karakter itu (ketik ulang teksnya). Situs tidak menerbitkannya.",
      "Delete the character (retype the text). The site does not publish it.")
_kind("K246", "invisible-character", "warning",
      "Teks memuat karakter tak terlihat {char} pada karakter ke-{offset}.",
      "The text holds the invisible character {char} at character {offset}.",
      "Hapus karakter itu (ketik ulang teksnya); karakter tak terlihat dapat menyembunyikan nama atau NIP. "
      "Situs tidak menerbitkannya.",
      "Delete the character (retype the text); invisible characters can hide a name or a NIP. The site does "
      "not publish it.")
_kind("K247", "nip-in-text", "warning",
      "Teks bebas memuat angka berbentuk NIP (18 digit) pada karakter ke-{offset}.",
      "Free text holds a NIP-shaped number (18 digits) at character {offset}.",
      "NIP adalah data pribadi: tulis NIP hanya di employees.yaml. Situs publik menyembunyikannya.",
      "A NIP is personal data: write it only in employees.yaml. The public site hides it.")


# --- K8xx: usage -----------------------------------------------------------------------------------
_kind("K801", "no-data", "error",
      "Tidak ada data di '{path}' (folder contracts/ tidak ditemukan).",
      "No data at '{path}' (no contracts/ folder found).",
      "Jalankan perintah dari folder repositori, atau sebutkan folder datanya.",
      "Run the command from the repository folder, or name the data folder.")
_kind("K802", "bad-settings", "error",
      "Pengaturan tidak sah: {detail}.",
      "Invalid settings: {detail}.",
      "Periksa contracts/settings.yaml.", "Check contracts/settings.yaml.")

# K803-K809 (issue 12): output folders that a command may not replace.
_kind("K803", "output-is-symlink", "error",
      "Keluaran '{target}' adalah tautan simbolik (symlink); Kinerja tidak menulis melalui tautan.",
      "The output '{target}' is a symbolic link; Kinerja does not write through a link.",
      "Sebutkan folder atau berkas yang sebenarnya, atau jalur baru yang belum ada.",
      "Name the real folder or file, or a new path that does not exist yet.")
_kind("K804", "output-not-a-folder", "error",
      "Keluaran '{target}' bukan folder (berkas atau berkas khusus), padahal perintah ini menulis folder.",
      "The output '{target}' is not a folder (a file or a special file), but this command writes a folder.",
      "Sebutkan folder baru atau kosong; berkas itu tidak diubah.",
      "Name a new or empty folder; that file is left untouched.")
_kind("K805", "output-not-a-file", "error",
      "Keluaran '{target}' adalah folder atau berkas khusus, padahal perintah ini menulis satu berkas.",
      "The output '{target}' is a folder or a special file, but this command writes one file.",
      "Sebutkan jalur berkas baru, misalnya '{target}/templat.xlsx'.",
      "Name a new file path, for example '{target}/template.xlsx'.")
_kind("K806", "output-protected", "error",
      "Keluaran '{target}' tidak boleh ditulis: {why}. Tidak ada yang diubah.",
      "The output '{target}' may never be written: {why}. Nothing was changed.",
      "Sebutkan jalur baru di luar data dan di luar .git, misalnya 'build/keluaran'.",
      "Name a new path outside the data and outside .git, for example 'build/output'.")
_kind("K807", "output-not-ours", "error",
      "Keluaran '{target}' sudah ada dan bukan buatan '{command}' ({names}); tidak ditimpa.",
      "The output '{target}' exists and was not made by '{command}' ({names}); it is not replaced.",
      "Sebutkan jalur baru atau folder kosong. Bila isinya memang tidak diperlukan lagi, pindahkan atau "
      "hapus sendiri, lalu jalankan lagi: Kinerja hanya mengganti keluaran buatannya sendiri (folder "
      "berpenanda .kinerja-output).",
      "Name a new path or an empty folder. If its content is no longer needed, move or delete it yourself "
      "and run again: Kinerja replaces only outputs it made (folders marked by .kinerja-output).")
_kind("K808", "output-other-command", "error",
      "Folder '{target}' dibuat oleh '{owner}', bukan oleh '{command}'; folder itu tidak ditimpa.",
      "The folder '{target}' was made by '{owner}', not by '{command}'; it is not replaced.",
      "Beri setiap perintah foldernya sendiri, misalnya 'build/skor' dan 'build/situs'.",
      "Give each command a folder of its own, for example 'build/scores' and 'build/site'.")
_kind("K809", "output-write-failed", "error",
      "Keluaran '{target}' tidak dapat ditulis: {detail}. Keluaran sebelumnya tidak diubah.",
      "The output '{target}' could not be written: {detail}. The previous output is unchanged.",
      "Periksa izin tulis folder induknya dan ruang disk, lalu jalankan lagi.",
      "Check the write permission of its parent folder and the free disk space, then run again.")


# --- K3xx: scoring inputs and notes (templates of the regime modules carry the exact wording) ------
for _code, _name, _id, _en in [
    ("K310", "zero-target", "Target bernilai nol: {detail}", "Zero target: {detail}"),
    ("K311", "negative-value", "Nilai negatif: {detail}", "Negative value: {detail}"),
    ("K312", "score-out-of-range", "Nilai di luar batas: {detail}", "Value out of range: {detail}"),
    ("K313", "unknown-rating", "Id penilaian tidak dikenal: {detail}", "Unknown rating id: {detail}"),
    ("K314", "reversed-range", "Rentang terbalik: {detail}", "Reversed range: {detail}"),
    ("K315", "bad-option", "Opsi penilaian tidak sah: {detail}", "Invalid scoring option: {detail}"),
    ("K317", "nothing-to-average", "Tidak ada nilai untuk dirata-rata: {detail}", "Nothing to average: {detail}"),
    ("K318", "missing-input", "Masukan penilaian belum ada: {detail}", "A scoring input is missing: {detail}"),
    ("K319", "unknown-regime", "Rezim penilaian tidak dikenal: {detail}", "Unknown scoring regime: {detail}"),
    ("K320", "not-available-excluded", "Realisasi tidak tersedia, dikecualikan: {detail}", "Realisation not available, excluded: {detail}"),
    ("K321", "no-realisation", "Belum ada realisasi: {detail}", "No realisation yet: {detail}"),
    ("K322", "no-assessment", "Belum ada penilaian: {detail}", "No assessment yet: {detail}"),
    ("K323", "provisional-rating", "Predikat sementara: {detail}", "Provisional rating: {detail}"),
    ("K330", "appeal-applied", "Keputusan keberatan diterapkan: {detail}", "Appeal decision applied: {detail}"),
]:
    _kind(_code, _name, "warning" if _code >= "K317" else "error", _id, _en,
          "Lihat penjelasan nilai (kinerja explain) untuk rinciannya.", "See the score's explanation (kinerja explain).")

# K380-K399 (issue 17): scoring as a BKD officer checks it (weights, additional work, NIP).
_kind("K380", "additional-work-from-assessor", "warning",
      "Kinerja tambahan diambil dari nilai penilai: {detail}.",
      "Additional work taken from the assessor's values: {detail}.",
      "Beri bobot (weight) pada setiap indikator target tambahan SKP agar kinerja tambahan dihitung dari SKP.",
      "Give every indicator of the SKP's additional targets a weight so additional work is computed from the SKP.")
_kind("K381", "main-weights-sum", "error",
      "Bobot indikator utama SKP {ref} berjumlah {total}, seharusnya 100{detail}.",
      "The main indicators' weights of SKP {ref} sum to {total}, not 100{detail}.",
      "Sesuaikan bobot (weight) indikator utama agar berjumlah 100, atau hapus semua bobot (bobot sama).",
      "Adjust the main indicators' weights to sum to 100, or remove every weight (equal weights).")
_kind("K382", "nip-implausible-age", "warning",
      "NIP {value}: umur saat TMT CPNS {age} tahun, di luar {low}-{high} tahun.",
      "NIP {value}: age at CPNS appointment {age} years, outside {low}-{high} years.",
      "Periksa tanggal lahir dan TMT CPNS pada NIP.", "Check the birth date and CPNS start in the NIP.")


# --- K5xx: allowance (TPP) rules and attendance ------------------------------------------------------
for _code, _name in [
    ("K500", "allowance-rule-shape"), ("K501", "allowance-versions-overlap"), ("K502", "allowance-split"),
    ("K503", "allowance-score-bands-overlap"), ("K504", "allowance-score-bands-gap"),
    ("K505", "allowance-time-bands-overlap"), ("K506", "allowance-time-bands-gap"),
    ("K507", "allowance-version-dates"), ("K508", "allowance-empty-band"), ("K509", "allowance-band-code"),
    ("K510", "allowance-hours-per-day"), ("K511", "allowance-no-base"), ("K512", "allowance-version-gap"),
    ("K513", "allowance-no-performance-table"), ("K514", "allowance-floor"),
    ("K520", "attendance-missing-column"), ("K521", "attendance-unknown-column"), ("K522", "attendance-bad-value"),
    ("K523", "attendance-bad-month"), ("K524", "attendance-absent-over-working-days"),
    ("K525", "attendance-duplicate"), ("K526", "attendance-empty"), ("K527", "attendance-no-employee"),
    ("K528", "attendance-field-count"), ("K529", "attendance-duplicate-column"),
    ("K530", "allowance-no-version"), ("K531", "allowance-unknown-class"), ("K532", "allowance-unknown-predikat"),
    ("K533", "attendance-unknown-band"), ("K534", "attendance-unknown-sanction"), ("K535", "attendance-basis"),
    ("K536", "attendance-unknown-employee"),
]:
    _kind(_code, _name, "warning" if _code in ("K512", "K514") else "error",
          "Aturan TPP / absensi: {detail}.", "Allowance (TPP) rule / attendance: {detail}.",
          "Periksa berkas aturan TPP (contracts/allowance/) atau ekspor absensi (contracts/attendance/).",
          "Check the TPP rule file (contracts/allowance/) or the attendance export (contracts/attendance/).")

# K560-K579 (issue 17): the allowance rule model extended (absence categories, non-absence days,
# weighted performance components).
for _code, _name in [("K560", "attendance-unknown-absence-category"), ("K561", "attendance-unknown-non-absence")]:
    _kind(_code, _name, "error",
          "Aturan TPP / absensi: {detail}.", "Allowance (TPP) rule / attendance: {detail}.",
          "Periksa kategori ketidakhadiran (absence_categories) dan hari kerja di luar kantor (non_absence) "
          "pada aturan TPP, serta kolom absent_<id> dan away_<id> pada ekspor absensi.",
          "Check the rule's absence categories (absence_categories) and non-absence days (non_absence), and "
          "the attendance export's absent_<id> and away_<id> columns.")
for _code, _name in [("K564", "attendance-missing-performance-component"),
                     ("K565", "attendance-performance-component-range")]:
    _kind(_code, _name, "error",
          "Aturan TPP / absensi: {detail}.", "Allowance (TPP) rule / attendance: {detail}.",
          "Ekspor absensi memberi setiap komponen kinerja berbobot (performance.components, from: data) "
          "dalam kolom perf_<id>, persen 0-100.",
          "The attendance export gives each weighted performance component (performance.components, "
          "from: data) in a column perf_<id>, percent 0-100.")


# --- K6xx: distribution guidance (SE MenPANRB 3/2023) -----------------------------------------------
for _code, _name in [("K601", "distribution-above-maximum"), ("K602", "distribution-below-minimum"),
                     ("K603", "distribution-missing")]:
    _kind(_code, _name, "warning", "{detail}", "{detail}",
          "Pedoman sebaran predikat (SE MenPANRB 3/2023) dapat diatur di periods.yaml (options.distribution).",
          "The distribution guidance (SE MenPANRB 3/2023) is configurable in periods.yaml (options.distribution).")

# --- K9xx: import from national systems ---
# kinerja import (SIASN, e-Kinerja BKN, attendance recaps and terminal logs), kinerja init --from-siasn,
# kinerja reconcile / export ekinerja. A row problem names the file, sheet, row and column.
_IMPORT_HINT = ("Periksa berkas ekspornya, atau petakan kolomnya dengan --mapping (lihat docs/import.md).",
                "Check the export, or map its columns with --mapping (see docs/import.md).")
for _code, _name, _sev, _id, _en, _hint in [
    ("K900", "import-unreadable", "error", "Berkas tidak dapat dibaca: {detail}.", "The file cannot be read: {detail}.",
     ("Simpan ulang sebagai .xlsx atau .csv (UTF-8).", "Save it again as .xlsx or .csv (UTF-8).")),
    ("K901", "import-no-header", "error",
     "Baris judul kolom tidak ditemukan dalam {rows} baris pertama (dicari: {names}).",
     "No header row found in the first {rows} rows (looked for: {names}).", _IMPORT_HINT),
    ("K902", "import-missing-column", "error", "Kolom wajib '{column}' tidak ada.",
     "The required column '{column}' is missing.", _IMPORT_HINT),
    ("K903", "import-bad-mapping", "error", "Berkas pemetaan tidak sah: {detail}.", "The mapping file is invalid: {detail}.",
     ("Lihat contoh berkas pemetaan di docs/import.md.", "See the example mapping file in docs/import.md.")),
    ("K904", "import-nip-number", "error",
     "NIP '{value}' tersimpan sebagai angka; angka di belakangnya sudah hilang, baris ditolak.",
     "The NIP '{value}' is stored as a number; its last digits are lost, the row is refused.",
     ("Ekspor ulang dengan kolom NIP sebagai teks (atau beri tanda ' di depan).",
      "Export again with the NIP column as text (or with a leading ').")),
    ("K905", "import-bad-nip", "error", "NIP '{value}' tidak sah: {detail}.", "The NIP '{value}' is invalid: {detail}.",
     ("NIP PNS terdiri atas 18 angka (tanggal lahir, TMT CPNS, jenis kelamin, nomor urut).",
      "A PNS NIP has 18 digits (birth date, appointment month, sex digit, serial).")),
    ("K906", "import-duplicate-nip", "warning",
     "NIP ini juga ada di baris {other}; baris itu yang dipakai (TMT jabatan atau waktu dinilai terbaru).",
     "This NIP is also in row {other}; that row is used (the latest TMT JABATAN or assessment time).",
     ("Setelah mutasi satu NIP bisa muncul dua kali; baris yang paling baru dipakai.",
      "After a transfer one NIP can appear twice; the latest row is used.")),
    ("K907", "import-unknown-unit", "error", "Unit '{value}' tidak dikenal di organisation.yaml.",
     "The unit '{value}' is not in organisation.yaml.",
     ("Impor data utama SIASN dahulu, atau petakan nama unit ke id unit di berkas pemetaan (units:).",
      "Import the SIASN master first, or map the unit name to a unit id in the mapping file (units:).")),
    ("K908", "import-bad-date", "error", "Tanggal '{value}' tidak dapat dibaca.", "The date '{value}' cannot be read.",
     ("Tanggal yang diterima: TTTT-BB-HH, HH-BB-TTTT, HH/BB/TTTT, atau tanggal Excel.",
      "Accepted dates: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, or an Excel date.")),
    ("K909", "import-bad-value", "error", "Nilai '{value}' tidak sah: {detail}.", "The value '{value}' is invalid: {detail}.",
     _IMPORT_HINT),
    ("K910", "import-unknown-employee", "error", "NIP ini tidak ada di data pegawai (employees.yaml).",
     "This NIP is not in the employee data (employees.yaml).",
     ("Impor data utama SIASN terbaru dahulu.", "Import the latest SIASN master first.")),
    ("K911", "import-acting-post", "warning", "Baris PLT/PLH ({detail}) tidak menimpa SKP definitif; dilewati.",
     "An acting-post row (PLT/PLH: {detail}) does not replace the definitive SKP; skipped.",
     ("Penugasan PLT/PLH dicatat terpisah bila diperlukan.", "Record acting posts separately if needed.")),
    ("K912", "import-not-assessed", "warning", "Belum dinilai di e-Kinerja ('{value}'); dilewati.",
     "Not assessed in e-Kinerja ('{value}'); skipped.", ("", "")),
    ("K913", "import-blank", "error", "Sel '{column}' kosong.", "The cell '{column}' is empty.", _IMPORT_HINT),
    ("K914", "import-unmapped-pin", "error", "PIN mesin '{value}' tidak ada di peta PIN→NIP.",
     "The device PIN '{value}' is not in the PIN→NIP map.",
     ("Tambahkan PIN itu ke berkas peta (--pins).", "Add that PIN to the map file (--pins).")),
    ("K915", "import-result-invalid", "error",
     "Hasil impor tidak lolos pemeriksaan; tidak ada yang di-commit ({count} masalah).",
     "The imported result does not validate; nothing was committed ({count} problems).",
     ("Perbaiki masalah yang ditampilkan (di berkas ekspor atau di repositori), lalu impor lagi.",
      "Fix the problems shown (in the export or in the repository), then import again.")),
    ("K916", "import-git", "error", "Git menolak: {detail}.", "Git refused: {detail}.",
     ("Jalankan dari repositori Git instans Kinerja; pilih nama cabang lain dengan --branch.",
      "Run it in the Kinerja instance's Git repository; choose another branch name with --branch.")),
    ("K917", "init-not-empty", "error", "Folder '{path}' tidak kosong; kinerja init tidak menimpa apa pun.",
     "The folder '{path}' is not empty; kinerja init overwrites nothing.",
     ("Sebutkan folder baru atau folder kosong.", "Name a new or an empty folder.")),
    ("K918", "import-unknown-period", "error", "Periode '{value}' tidak ada di periods.yaml.",
     "The period '{value}' is not in periods.yaml.",
     ("Tambahkan periodenya, atau petakan nama periode e-Kinerja ke periode Kinerja (periods: di berkas pemetaan).",
      "Add the period, or map the e-Kinerja period name to a Kinerja period (periods: in the mapping file).")),
    ("K919", "import-bad-time", "error", "Waktu '{value}' tidak dapat dibaca.", "The time '{value}' cannot be read.",
     ("Waktu ditulis JJ:MM atau TTTT-BB-HH JJ:MM:DD.", "Times are written HH:MM or YYYY-MM-DD HH:MM:SS.")),
    ("K920", "position-skeleton", "warning",
     "Jabatan '{ref}' dibuat dari nama jabatan saat impor; ikhtisar dan uraian tugasnya belum diisi.",
     "The position '{ref}' was created from its name by an import; its summary and duties are not written yet.",
     ("BKD melengkapi 'summary' dan 'duties' lalu menghapus 'skeleton: true'.",
      "The BKD writes 'summary' and 'duties', then removes 'skeleton: true'.")),
    ("K921", "import-unknown-rating", "error", "Nilai '{value}' tidak dikenal (yang dikenal: {allowed}).",
     "Unknown value '{value}' (known: {allowed}).", _IMPORT_HINT),
    ("K923", "import-no-contract", "error", "Pegawai ini belum memiliki SKP di Kinerja untuk periode {value}.",
     "This employee has no SKP in Kinerja for period {value}.",
     ("Unit menulis SKP-nya dahulu (units/<unit>/<periode>/skp/), lalu impor lagi.",
      "The unit writes the SKP first (units/<unit>/<period>/skp/), then import again.")),
    ("K922", "import-too-large", "error", "Berkas terlalu besar ({detail}).", "The file is too large ({detail}).",
     ("Bagi ekspornya per perangkat daerah.", "Split the export per agency.")),
]:
    _kind(_code, _name, _sev, _id, _en, _hint[0], _hint[1])

# --- K7xx: review of changes (kinerja review, codeowners, verify-approvals, show) ----------------------
_kind("K701", "target-lowered", "warning",
      "Target '{ref}' diturunkan: {old} → {new}.",
      "The target '{ref}' is lowered: {old} → {new}.",
      "Penurunan target harus disertai alasan dan disetujui {approver}; jelaskan di deskripsi usulan.",
      "A lowered target needs a reason and the approval of {approver}; explain it in the proposal.")
_kind("K702", "changed-after-start", "warning",
      "Dokumen yang sudah disetujui diubah setelah periode {period} dimulai ({start}).",
      "An approved document is changed after period {period} started ({start}).",
      "Perubahan di tengah periode tercatat dan terlihat oleh auditor; pastikan alasannya tertulis.",
      "A change mid-period is recorded and visible to auditors; make sure its reason is written down.")
_kind("K703", "period-locked", "error",
      "Periode {period} terkunci sejak {lock_date}; perubahan ini ditolak ({detail}).",
      "Period {period} is locked since {lock_date}; this change is refused ({detail}).",
      "Sertakan dalam perubahan yang sama keputusan keberatan (appeals/<pegawai>.yaml) atau berkas koreksi "
      "(corrections/<id>.yaml) yang disetujui kepala BKD.",
      "Include in the same change an appeal decision (appeals/<employee>.yaml) or a correction record "
      "(corrections/<id>.yaml) approved by the BKD head.")
_kind("K704", "cascade-broken", "error",
      "Perubahan ini memutus cascading: '{ref}' dihapus, padahal didukung oleh {dependents}.",
      "This change breaks the cascade: '{ref}' is removed but {dependents} support it.",
      "Ubah juga target bawahan yang mendukungnya dalam perubahan yang sama, atau pertahankan targetnya.",
      "Change the subordinates' targets that support it in the same change, or keep the target.")
_kind("K705", "codeowners-stale", "warning",
      "Berkas {codeowners} tidak sesuai lagi dengan data organisasi: {detail}.",
      "{codeowners} no longer matches the organisation data: {detail}.",
      "Jalankan 'kinerja codeowners --output {codeowners}' lalu commit hasilnya.",
      "Run 'kinerja codeowners --output {codeowners}' and commit the result.")
_kind("K706", "approval-missing", "error",
      "Commit {commit} mengubah berkas ini tanpa persetujuan {role} {approver}; disetujui oleh: {approved}.",
      "Commit {commit} changes this file without the approval of the {role} {approver}; approved by: {approved}.",
      "Tambahkan trailer 'Approved-by: Nama <email>' pada merge commit setelah {approver} menyetujui.",
      "Add an 'Approved-by: Name <email>' trailer to the merge commit once {approver} has approved.")
_kind("K707", "self-approval", "error",
      "Commit {commit}: '{ref}' menyetujui datanya sendiri.",
      "Commit {commit}: '{ref}' approves their own record.",
      "Tidak seorang pun menyetujui SKP, realisasi, penilaian atau keberatannya sendiri.",
      "Nobody approves their own contract, realisation, assessment or appeal.")
_kind("K708", "unknown-approver", "warning",
      "Commit {commit}: persetujuan '{value}' tidak cocok dengan pegawai mana pun.",
      "Commit {commit}: the approval '{value}' matches no employee.",
      "Tulis 'Approved-by: Nama <email>' dengan e-mail atau nama seperti di employees.yaml (kolom email/git).",
      "Write 'Approved-by: Name <email>' with the e-mail or name of employees.yaml (fields email/git).")
_kind("K709", "no-approver", "warning",
      "Tidak ada pejabat dalam data yang dapat menyetujui perubahan ini ({role}).",
      "Nobody in the data can approve this change ({role}).",
      "Persetujuan diberikan oleh pejabat di luar data (mis. PyB); catat di deskripsi usulan, atau lengkapi "
      "jabatan atasan di positions.yaml.",
      "An official outside the data approves it (e.g. the PyB); record it in the proposal, or add the "
      "superior's position to positions.yaml.")
_kind("K710", "correction-not-approved", "error",
      "Koreksi harus disetujui kepala BKD '{expected}', tetapi approved_by berisi '{ref}'.",
      "A correction must be approved by the BKD head '{expected}', but approved_by is '{ref}'.",
      "Mintakan persetujuan kepala BKD dan isi approved_by dengan id pegawainya.",
      "Ask the BKD head to approve it and set approved_by to their employee id.")
_kind("K711", "history-needed", "error",
      "Riwayat Git tidak lengkap: '{ref}' tidak ditemukan di klon dangkal (shallow clone).",
      "The Git history is incomplete: '{ref}' is not in this shallow clone.",
      "Ambil seluruh riwayat: 'git fetch --unshallow' (GitHub Actions: fetch-depth: 0; GitLab: GIT_DEPTH: 0).",
      "Fetch the whole history: 'git fetch --unshallow' (GitHub Actions: fetch-depth: 0; GitLab: GIT_DEPTH: 0).")
_kind("K712", "unknown-ref", "error",
      "Revisi Git '{ref}' tidak ditemukan atau tidak berhubungan dengan riwayat ini.",
      "The Git revision '{ref}' is not found or not related to this history.",
      "Periksa nama cabang/commit (mis. origin/main) dan ambil dulu dengan 'git fetch'.",
      "Check the branch or commit name (e.g. origin/main) and fetch it first with 'git fetch'.")
_kind("K713", "not-a-repository", "error",
      "'{path}' bukan repositori Git.",
      "'{path}' is not a Git repository.",
      "Jalankan perintah di dalam salinan (clone) repositori.",
      "Run the command inside a clone of the repository.")
_kind("K714", "approver-without-handle", "warning",
      "{name} ({role}) tidak memiliki akun Git maupun e-mail; CODEOWNERS tidak dapat mewajibkan persetujuannya.",
      "{name} ({role}) has neither a Git handle nor an e-mail; CODEOWNERS cannot require their approval.",
      "Isi kolom git (dan email) pegawai tersebut di employees.yaml.",
      "Fill in the employee's git (and email) fields in employees.yaml.")
_kind("K715", "locked-change-allowed", "warning",
      "Periode {period} terkunci sejak {lock_date}; perubahan diizinkan oleh {detail}.",
      "Period {period} is locked since {lock_date}; the change is allowed by {detail}.",
      "Periksa bahwa perubahan sesuai dengan keputusan atau koreksi tersebut.",
      "Check that the change matches that decision or correction.")

# K716-K729 (issue 12): locks without side doors.
_kind("K716", "appeal-decided-final", "error",
      "Keberatan ini sudah diputus ({decision}) dan periode {period} terkunci sejak {lock_date}; keputusannya "
      "tidak dapat diubah atau dihapus.",
      "This appeal is already decided ({decision}) and period {period} is locked since {lock_date}; its "
      "decision cannot be changed or removed.",
      "Kembalikan berkasnya. Kekeliruan keputusan diperbaiki dengan berkas koreksi baru yang disetujui kepala "
      "BKD (corrections/<id>.yaml) dalam usulan yang sama.",
      "Restore the file. A wrong decision is put right by a new correction record approved by the BKD head "
      "(corrections/<id>.yaml) in the same change.")
_kind("K717", "correction-final", "error",
      "Koreksi yang sudah disetujui pada periode {period} (terkunci sejak {lock_date}) tidak dapat diubah, "
      "dipindah atau dihapus.",
      "An approved correction of period {period} (locked since {lock_date}) cannot be changed, moved or removed.",
      "Kembalikan berkasnya dan buat koreksi baru (corrections/<id-baru>.yaml) yang disetujui kepala BKD.",
      "Restore the file and write a new correction (corrections/<new-id>.yaml) approved by the BKD head.")
_kind("K718", "appeal-late", "error",
      "Periode {period} terkunci sejak {lock_date}: keberatan baru hanya diterima dalam {limit} hari sejak "
      "hasil penilaian diterima ({received}); hari ini {day}.",
      "Period {period} is locked since {lock_date}: a new appeal is accepted only within {limit} days of "
      "receiving the assessment ({received}); today is {day}.",
      "Batas waktu keberatan sudah lewat; perubahan hanya melalui koreksi yang disetujui kepala BKD.",
      "The time limit for appeals has passed; a change needs a correction approved by the BKD head.")
_kind("K719", "appeal-not-pending", "error",
      "Keberatan baru pada periode {period} (terkunci sejak {lock_date}) harus diajukan dengan 'decision: "
      "pending'.",
      "A new appeal in period {period} (locked since {lock_date}) must be filed with 'decision: pending'.",
      "Ajukan keberatannya dulu (pending); keputusan atasan pejabat penilai menyusul dalam usulan berikutnya.",
      "File the appeal first (pending); the appeal assessor's decision follows in a later change.")
_kind("K720", "appeal-filing-changed", "error",
      "Keputusan keberatan pada periode terkunci {period} juga mengubah pengajuannya ({fields}).",
      "The appeal decision in locked period {period} also changes what was filed ({fields}).",
      "Isi hanya kolom keputusan (decision, decided_by, decided_on, decision_reasons, changed_rating); "
      "kembalikan kolom lainnya.",
      "Fill in the decision fields only (decision, decided_by, decided_on, decision_reasons, changed_rating); "
      "restore the others.")
_kind("K721", "appeal-wrong-decider", "error",
      "Keberatan pada periode terkunci {period} diputus oleh '{ref}', padahal yang berwenang '{expected}' "
      "(atasan pejabat penilai menurut data sebelum perubahan).",
      "The appeal in locked period {period} is decided by '{ref}', but '{expected}' decides it (the appeal "
      "assessor by the data before the change).",
      "Keputusan keberatan diambil oleh atasan pejabat penilai; isi decided_by dengan id pegawainya.",
      "The appeal assessor decides an appeal; set decided_by to their employee id.")
_kind("K722", "period-definition-locked", "error",
      "Periode {period} terkunci sejak {lock_date} (menurut cabang dasar); perubahan ini mengubah "
      "definisinya: {fields}.",
      "Period {period} is locked since {lock_date} (by the base branch); this change alters its definition: "
      "{fields}.",
      "Kembalikan entri periode itu di periods.yaml. Bila memang harus diubah, sertakan koreksi baru unit BKD "
      "untuk periode itu (tanpa employee) yang disetujui kepala BKD.",
      "Restore that period's entry in periods.yaml. If it must change, include a new correction of the BKD "
      "unit for that period (without employee) approved by the BKD head.")
_kind("K723", "data-symlink", "error",
      "Entri data ini adalah tautan simbolik (symlink); isinya bisa berubah tanpa perubahan pada berkas ini, "
      "jadi review tidak mengikutinya dan menolaknya.",
      "This data entry is a symbolic link; its content could change without a change to it, so the review "
      "does not follow it and refuses it.",
      "Ganti tautan dengan berkas biasa berisi datanya sendiri ('git rm' tautannya, lalu tambahkan berkasnya).",
      "Replace the link with a regular file holding its own data ('git rm' the link, then add the file).")
_kind("K724", "data-not-regular", "error",
      "Entri data ini bukan berkas biasa ({what}); review tidak membacanya dan menolaknya.",
      "This data entry is not a regular file ({what}); the review does not read it and refuses it.",
      "Di bawah contracts/ hanya boleh ada folder dan berkas biasa; hapus entri ini.",
      "Only folders and regular files may sit under contracts/; remove this entry.")


# --- K8xx: intake (forms, the intake service, batch import) ------------------------------------------
_kind("K810", "intake-login-required", "error",
      "Masuk (login) terlebih dahulu untuk mengirim.",
      "Sign in first to submit.",
      "Isi nama pengguna dan kata sandi akun intake dari pengelola BKD.",
      "Enter the intake account's user name and password given by the BKD administrator.")
_kind("K811", "intake-bad-login", "error",
      "Nama pengguna atau kata sandi salah.",
      "Wrong user name or password.",
      "Periksa huruf besar/kecil; setelah beberapa kali gagal, tunggu sebentar sebelum mencoba lagi.",
      "Check upper and lower case; after several failures, wait a while before trying again.")
_kind("K812", "intake-unit-not-allowed", "error",
      "Akun '{user}' tidak berwenang mengirim untuk unit '{unit}'.",
      "The account '{user}' may not submit for the unit '{unit}'.",
      "Akun ini hanya untuk unit: {units}. Minta pengelola BKD menambahkan unit (kinerja intake user add).",
      "This account is for the units: {units}. Ask the BKD administrator to add the unit (kinerja intake user add).")
_kind("K813", "intake-csrf", "error",
      "Permintaan ditolak: token keamanan (CSRF) atau asal halaman (Origin) tidak cocok.",
      "Request refused: the security token (CSRF) or the page's origin (Origin) does not match.",
      "Muat ulang halaman formulir, masuk lagi, lalu kirim ulang.",
      "Reload the form page, sign in again and submit once more.")
_kind("K814", "intake-too-large", "error",
      "Kiriman terlalu besar: {size} byte, batasnya {limit} byte.",
      "The submission is too large: {size} bytes, the limit is {limit} bytes.",
      "Kirim satu laporan per pegawai dan per periode pelaporan; lampirkan bukti sebagai tautan.",
      "Send one report per employee and reporting period; attach evidence as links.")
_kind("K815", "intake-rate-limited", "error",
      "Terlalu banyak permintaan dari akun atau alamat ini.",
      "Too many requests from this account or address.",
      "Coba lagi dalam {seconds} detik.", "Try again in {seconds} seconds.")
_kind("K816", "intake-bad-request", "error",
      "Kiriman tidak sah: {detail}.",
      "Invalid submission: {detail}.",
      "Kirim lewat formulir, atau periksa isi YAML-nya.",
      "Submit through the form, or check the YAML content.")
_kind("K817", "intake-bad-id", "error",
      "'{field}' berisi '{value}', yang bukan id sah atau keluar dari tata letak data.",
      "'{field}' holds '{value}', which is not a valid id or leaves the data layout.",
      "Id hanya berisi huruf kecil, angka dan tanda hubung; periode pelaporan ditulis \"2026-03\", \"2026-Q1\", \"2026-S1\" atau \"2026\".",
      "Ids hold only lowercase letters, digits and hyphens; reporting periods are written \"2026-03\", \"2026-Q1\", \"2026-S1\" or \"2026\".")
_kind("K818", "intake-unknown-employee", "error",
      "Pegawai '{ref}' tidak dikenal di repositori.",
      "The employee '{ref}' is not known in the repository.",
      "Pilih pegawai dari daftar pada formulir.", "Choose the employee from the form's list.")
_kind("K819", "intake-no-contract", "error",
      "Belum ada SKP pegawai '{ref}' untuk periode {period}; realisasi memerlukan SKP.",
      "There is no SKP of employee '{ref}' for period {period}; a realisation needs one.",
      "Usulkan SKP terlebih dahulu (formulir \"Usulkan kontrak / perubahan\").",
      "Propose the SKP first (the \"Propose a contract / change\" form).")
_kind("K820", "intake-push-failed", "warning",
      "Cabang '{branch}' tersimpan di server intake tetapi belum terkirim ke remote '{remote}': {reason}.",
      "The branch '{branch}' is saved on the intake server but not yet pushed to the remote '{remote}': {reason}.",
      "Tidak ada yang hilang. Setelah koneksi pulih jalankan 'kinerja intake retry' atau tekan \"Kirim ulang\".",
      "Nothing is lost. Once the connection is back, run 'kinerja intake retry' or press \"Retry\".")
_kind("K821", "intake-period-locked", "error",
      "Periode {period} terkunci sejak {lock_date}; perubahan tidak diterima lagi.",
      "The period {period} is locked since {lock_date}; changes are no longer accepted.",
      "Hubungi BKD bila perubahan tetap diperlukan (lewat keberatan atau perubahan manual yang ditinjau).",
      "Contact the BKD if a change is still needed (through an appeal or a reviewed manual change).")
_kind("K822", "intake-git-failed", "error",
      "Gagal menyimpan ke Git: {detail}.",
      "Could not save to Git: {detail}.",
      "Tidak ada yang ditulis. Laporkan ke pengelola layanan intake.",
      "Nothing was written. Report it to the intake service's administrator.")
_kind("K823", "intake-bad-branch", "error",
      "Nama cabang '{branch}' tidak sah atau tidak boleh dipakai.",
      "The branch name '{branch}' is invalid or may not be used.",
      "Pakai nama baru seperti intake/impor-2026-03; cabang utama (main/master) tidak pernah ditulis.",
      "Use a new name such as intake/import-2026-03; the main branch (main/master) is never written.")
_kind("K824", "import-bad-cell", "error",
      "Isi sel tidak sah: {detail}.",
      "Invalid cell content: {detail}.",
      "Perbaiki sel tersebut di lembar kerja lalu impor ulang.",
      "Correct that cell in the workbook and import again.")
_kind("K825", "import-unknown-sheet", "error",
      "'{ref}' bukan pegawai dengan SKP di unit ini untuk periode {period}.",
      "'{ref}' is not an employee with an SKP in this unit for period {period}.",
      "Nama lembar adalah id pegawai; buat ulang templat dengan 'kinerja intake template'.",
      "The sheet name is the employee id; make a fresh template with 'kinerja intake template'.")
_kind("K826", "import-unreadable", "error",
      "Berkas '{name}' tidak dapat dibaca: {detail}.",
      "The file '{name}' cannot be read: {detail}.",
      "Format yang diterima: .xlsx (templat), .csv, .yaml dan .json.",
      "Accepted formats: .xlsx (the template), .csv, .yaml and .json.")
_kind("K827", "intake-accounts", "error",
      "Berkas akun '{name}' tidak sah: {detail}.",
      "The accounts file '{name}' is invalid: {detail}.",
      "Buat atau perbarui akun dengan 'kinerja intake user add'.",
      "Create or update accounts with 'kinerja intake user add'.")
_kind("K828", "intake-pr-failed", "warning",
      "Pull request belum dibuat: {detail}.",
      "No pull request was opened: {detail}.",
      "Cabangnya sudah ada di remote; buka pull request secara manual di Git host.",
      "The branch is on the remote; open the pull request by hand on the Git host.")
_kind("K829", "import-nothing", "warning",
      "Tidak ada realisasi yang diisi di '{name}'.",
      "No realisation is filled in in '{name}'.",
      "Isi kolom periode pelaporan (angka) atau kolom tidak tersedia, lalu impor lagi.",
      "Fill in the reporting-period columns (numbers) or the not-available column, then import again.")

# K830-K839 (issue 12): the intake service under attack.
_kind("K830", "intake-login-locked-user", "error",
      "Terlalu banyak percobaan masuk yang gagal untuk akun '{user}'; akun ini tidak bisa masuk selama {seconds} detik.",
      "Too many failed sign-ins for the account '{user}'; it cannot sign in for {seconds} seconds.",
      "Tunggu lalu coba lagi. Bila kata sandi terlupa, minta pengelola BKD membuat yang baru (kinerja intake user add).",
      "Wait, then try again. If the password is forgotten, ask the BKD administrator for a new one (kinerja intake user add).")
_kind("K831", "intake-login-locked-address", "error",
      "Terlalu banyak percobaan masuk yang gagal dari alamat {address}; masuk dari alamat ini ditolak selama {seconds} detik.",
      "Too many failed sign-ins from the address {address}; sign-ins from it are refused for {seconds} seconds.",
      "Tunggu lalu coba lagi dengan nama pengguna yang benar. Bila banyak petugas memakai satu alamat (proxy), "
      "pengelola layanan dapat menyetel --trusted-proxy.",
      "Wait, then try again with the right user name. If many officers share one address (a proxy), the service's "
      "administrator can set --trusted-proxy.")
_kind("K832", "intake-stopping", "error",
      "Layanan intake sedang berhenti; kiriman ini tidak disimpan.",
      "The intake service is stopping; this submission was not saved.",
      "Tidak ada yang ditulis. Kirim ulang dalam satu atau dua menit.",
      "Nothing was written. Submit again in a minute or two.")
_kind("K833", "intake-recovered", "warning",
      "Kiriman ini diselesaikan saat layanan intake dimulai ulang (layanan terhenti di tengah penyimpanan); "
      "cabang '{branch}' dan tanda terimanya kini lengkap.",
      "This submission was completed when the intake service restarted (it had stopped while saving); "
      "the branch '{branch}' and its receipt are now complete.",
      "Periksa isinya pada tanda terima; tidak perlu mengirim ulang.",
      "Check its content on the receipt; there is no need to submit again.")
_kind("K834", "intake-number-out-of-bounds", "error",
      "Angka '{value}' pada {field} di luar batas ({reason}).",
      "The number '{value}' at {field} is out of bounds ({reason}).",
      "Angka paling banyak 40 karakter, di bawah 10^15 dan tidak lebih halus dari 10^-20; periksa isian tersebut.",
      "A number has at most 40 characters, is below 10^15 and no finer than 10^-20; check that entry.")
_kind("K836", "intake-stopped-while-saving", "error",
      "Layanan intake berhenti ketika kiriman ini sedang disimpan; kiriman ini diselesaikan atau dibatalkan "
      "saat layanan dimulai lagi.",
      "The intake service stopped while this submission was being saved; it is completed or undone when the "
      "service starts again.",
      "Setelah layanan kembali, periksa tanda terima atau cabang intake unit Anda sebelum mengirim ulang.",
      "Once the service is back, check your unit's receipts or intake branches before submitting again.")
_kind("K835", "intake-unknown-field", "error",
      "Kolom tidak dikenal dalam permintaan: {fields}.",
      "Unknown field(s) in the request: {fields}.",
      "Kolom yang diterima: {allowed}. Kirim lewat formulir layanan intake.",
      "Accepted fields: {allowed}. Submit through the intake service's form.")


# K840-K849 (issue 12): the Excel import under attack.
_kind("K840", "import-hidden-sheet", "error",
      "Lembar tersembunyi _kinerja pada '{name}' hilang atau diubah: {detail}.",
      "The hidden sheet _kinerja of '{name}' is missing or was changed: {detail}.",
      "Jangan mengubah lembar tersembunyi. Buat templat baru dengan 'kinerja intake template', salin nilainya "
      "(Tempel Spesial → Nilai), lalu impor lagi.",
      "Do not edit the hidden sheet. Make a fresh template with 'kinerja intake template', copy the values in "
      "(Paste Special → Values) and import again.")
_kind("K841", "import-other-unit", "error",
      "'{ref}' tidak termasuk unit {unit} dari buku kerja ini untuk periode {period}: {detail}.",
      "'{ref}' does not belong to unit {unit} of this workbook for period {period}: {detail}.",
      "Sebuah buku kerja hanya menulis pegawai unitnya sendiri; pakai templat unit pegawai tersebut.",
      "A workbook writes only its own unit's employees; use the template of that employee's unit.")
_kind("K842", "import-too-large", "error",
      "'{name}' melampaui batas: {detail}.",
      "'{name}' is over a limit: {detail}.",
      "Satu lembar templat berisi paling banyak beberapa ratus baris. Hapus baris/kolom di luar tabel atau "
      "pecah data menjadi beberapa berkas.",
      "A template sheet holds at most a few hundred rows. Delete rows or columns outside the tables, or split "
      "the data into several files.")
_kind("K843", "import-formula", "error",
      "Sel berisi rumus ({formula}); yang diimpor hanya nilai.",
      "The cell holds a formula ({formula}); only values are imported.",
      "Salin sel tersebut lalu Tempel Spesial → Nilai (Paste Values), simpan, dan impor lagi.",
      "Copy the cells and use Paste Special → Values, save, and import again.")
_kind("K844", "import-layout-changed", "error",
      "Tabel pada lembar ini diubah: {detail}.",
      "The table of this sheet was changed: {detail}.",
      "Setiap baris tabel nilai adalah satu target dan indikator SKP: jangan menyisipkan, mengosongkan atau "
      "menggeser baris dan kolomnya. Bila ragu, buat templat baru.",
      "Each row of the values table is one SKP target and indicator: do not insert, clear or move its rows "
      "and columns. When in doubt, make a fresh template.")
_kind("K845", "import-number-out-of-bounds", "error",
      "Angka '{value}' ditolak: {detail}.",
      "The number '{value}' is refused: {detail}.",
      "Isi capaian apa adanya dalam satuan indikatornya (paling banyak 15 digit sebelum koma).",
      "Enter the achievement as it is, in the indicator's unit (at most 15 digits before the decimal point).")
_kind("K846", "import-ambiguous-number", "error",
      "Angka '{value}' bermakna ganda: {detail}.",
      "The number '{value}' is ambiguous: {detail}.",
      "Tulis tanpa pemisah ribuan: 1000 untuk seribu, 1,5 atau 1.5 untuk satu setengah.",
      "Write it without thousand separators: 1000 for a thousand, 1,5 or 1.5 for one and a half.")
_kind("K847", "import-not-plain-xlsx", "error",
      "'{name}' bukan buku kerja .xlsx biasa: {detail}.",
      "'{name}' is not a plain .xlsx workbook: {detail}.",
      "Di Excel: Simpan Sebagai → 'Excel Workbook (*.xlsx)', tanpa kata sandi dan tanpa makro.",
      "In Excel: Save As → 'Excel Workbook (*.xlsx)', without a password and without macros.")
_kind("K848", "import-not-utf8", "error",
      "'{name}' bukan teks UTF-8: byte tidak sah di baris {at_line}, kolom {at_column}.",
      "'{name}' is not UTF-8 text: invalid byte on line {at_line}, column {at_column}.",
      "Simpan ulang sebagai 'CSV UTF-8 (Comma delimited)' (Excel) atau UTF-8 (LibreOffice, Notepad).",
      "Save it again as 'CSV UTF-8 (Comma delimited)' (Excel) or as UTF-8 (LibreOffice, Notepad).")
_kind("K849", "import-unreadable-sheet", "error",
      "Lembar ini tidak dapat dibaca setelah baris {row}: {detail}.",
      "This sheet cannot be read after row {row}: {detail}.",
      "Berkas tampaknya rusak atau dibuat oleh program lain. Buka dan simpan ulang di Excel atau LibreOffice, "
      "atau salin nilainya ke templat baru.",
      "The file looks damaged or was made by another program. Open and save it again in Excel or LibreOffice, "
      "or copy the values into a fresh template.")


# K850-K859 (issue 19): site engines and deploy
_kind("K850", "missing-extra", "error",
      "Perintah ini memerlukan paket Python '{module}' dari kinerja[{extra}], yang belum terpasang.",
      "This command needs the Python package '{module}' from kinerja[{extra}], which is not installed.",
      "Pasang: pip install 'kinerja[{extra}]' (atau 'make setup' di repositori ini untuk semuanya). "
      "'pip install kinerja' saja hanya memasang validator, penilai dan review.",
      "Install it: pip install 'kinerja[{extra}]' (or 'make setup' in this repository for everything). "
      "Plain 'pip install kinerja' installs only the validator, the scorer and the review.")
_kind("K851", "site-not-made-by-kinerja", "error",
      "Situs di '{path}' tidak berisi penanda kinerja ({marker}): plugin kinerja tidak berjalan, jadi situs ini "
      "tidak punya halaman unit. Situs ini tidak boleh diterbitkan.",
      "The site in '{path}' has no kinerja marker ({marker}): the kinerja plugin did not run, so this site has "
      "no unit pages. It must not be published.",
      "MkDocs atau ProperDocs: pastikan '- kinerja' ada di plugins: pada mkdocs.yml. Mesin yang tidak menjalankan "
      "plugin MkDocs (Zensical): jalankan 'kinerja site --out DIR' lalu build folder itu (lihat docs/site.md).",
      "MkDocs or ProperDocs: make sure '- kinerja' is under plugins: in mkdocs.yml. An engine that runs no MkDocs "
      "plugins (Zensical): run 'kinerja site --out DIR' and build that folder (see docs/site.md).")
_kind("K852", "site-pages-missing", "error",
      "{count} halaman yang ditulis kinerja tidak ada di situs '{path}', misalnya '{example}'.",
      "{count} pages that kinerja wrote are missing from the site in '{path}', e.g. '{example}'.",
      "Mesin situs tidak membangun seluruh pohon yang ditulis 'kinerja site': periksa docs_dir, exclude_docs "
      "dan use_directory_urls di konfigurasinya. Situs ini tidak boleh diterbitkan.",
      "The engine did not build the whole tree that 'kinerja site' wrote: check its docs_dir, exclude_docs and "
      "use_directory_urls. This site must not be published.")
_kind("K853", "site-wrong-mode", "error",
      "Situs di '{path}' dibangun dengan mode privasi '{mode}', bukan '{expected}'.",
      "The site in '{path}' was built in privacy mode '{mode}', not '{expected}'.",
      "Situs staf (nama, NIP tersamar) hanya untuk target yang dibatasi aksesnya: jangan terbitkan ke Pages "
      "publik. Bangun ulang dengan KINERJA_SITE_MODE=public untuk situs publik.",
      "A staff site (names, masked NIPs) belongs on an access-controlled target only: never on public Pages. "
      "Build again with KINERJA_SITE_MODE=public for the public site.")
_kind("K854", "site-manifest-unreadable", "error",
      "Penanda kinerja '{marker}' di situs '{path}' tidak dapat dibaca: {detail}.",
      "The kinerja marker '{marker}' in the site in '{path}' cannot be read: {detail}.",
      "Bangun ulang situs dari awal (hapus folder site/ lebih dulu).",
      "Build the site again from scratch (remove the site/ folder first).")
