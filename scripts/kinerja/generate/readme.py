"""``contracts/README.md``: the folder layout for unit officers, in Bahasa Indonesia and English."""

README = """\
# Data kinerja / Performance data

**ID.** Folder ini berisi seluruh data kinerja Pemerintah Provinsi Contoh (fiktif). Setiap unit kerja
mengelola foldernya sendiri di `units/<unit>/`. Setelah mengubah berkas, jalankan
`.venv/bin/kinerja validate`: setiap kesalahan ditampilkan dengan nama berkas, baris dan sarannya.

**EN.** This folder holds all performance data of the (fictional) Provinsi Contoh. Each unit owns its
folder `units/<unit>/`. After editing, run `.venv/bin/kinerja validate`: every problem is shown with
its file, line and a hint.

```
settings.yaml                    pengaturan / settings
organisation.yaml                pohon unit / the unit tree
periods.yaml                     periode, aturan penilaian, batas kunci / periods, scoring rules, lock dates
allowance/<aturan>.yaml          aturan TPP / allowance (TPP) rules
attendance/<YYYY-MM>/<opd>.csv   rekap kehadiran bulanan / monthly attendance
units/<unit>/positions.yaml      jabatan dan uraian tugas / positions and duties
units/<unit>/employees.yaml      pegawai dan riwayat jabatan / employees and assignments
units/<unit>/<periode>/agreement.yaml              perjanjian kinerja / performance agreement
units/<unit>/<periode>/agreement-realisation.yaml  capaian unit / what the unit achieved
units/<unit>/<periode>/skp/<pegawai>.yaml          SKP / individual contract
units/<unit>/<periode>/realisations/<pegawai>/<periode-laporan>.yaml  realisasi / realisation
units/<unit>/<periode>/assessments/<pegawai>.yaml  penilaian / assessment
units/<unit>/<periode>/appeals/<pegawai>.yaml      keberatan / appeal
```

- Pegawai dirujuk dengan id (mis. `p0012`), bukan NIP; NIP hanya ada di `employees.yaml`.
  Employees are referred to by id, never by NIP; the NIP stays in `employees.yaml`.
- Tanggal ditulis dengan tanda kutip: `"2026-01-15"`. Dates are quoted.
- Uraian tugas harus konkret; "tugas lain yang diperintahkan pimpinan" ditolak.
  Duties must be concrete; "other duties as assigned" is rejected.
- Data contoh ini dibuat oleh `kinerja.generate` (nama dan NIP fiktif).
  This demo data is made by `kinerja.generate` (names and NIPs are fictional).
"""
