"""Benchmark of the imports (not a test): ``python -m kinerja.bench.imports [--rows 40000] [--workdir DIR]``.

Generates a synthetic SIASN employee master (pipe-separated, the SIASN layout) of ``--rows`` employees in
about 50 agencies, and the matching monthly attendance recap of the whole province, then times, each as
a separate ``kinerja`` process with its peak memory (the largest process, ru_maxrss):

1. ``kinerja init DIR --from-siasn`` (read, build every unit, position and employee, validate, write);
2. ``kinerja import siasn`` of a changed master into that instance in Git (about 1% transfers and
   new posts): read, match, validate the resulting tree, one commit per unit;
3. ``kinerja import attendance`` of the province's monthly recap (one commit per agency).

Targets (issue 15): 40,000 SIASN rows ≤ 60 s, the province's monthly recap ≤ 30 s, memory < 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

AGENCY_WORDS = ["Pendidikan", "Kesehatan", "Pekerjaan Umum", "Perhubungan", "Sosial", "Pertanian", "Perikanan",
                "Pariwisata", "Perindustrian", "Perdagangan", "Koperasi", "Lingkungan Hidup", "Kebudayaan",
                "Kependudukan", "Pemuda dan Olahraga", "Ketahanan Pangan", "Perpustakaan", "Kearsipan",
                "Komunikasi dan Informatika", "Tenaga Kerja", "Penanaman Modal", "Pemberdayaan Masyarakat",
                "Perumahan", "Kehutanan", "Energi", "Peternakan"]
UNITS = ["Sekretariat", "Bidang Perencanaan", "Bidang Pelayanan", "Bidang Pengendalian", "Bidang Pembinaan",
         "Bidang Pengembangan"]
POSTS = [("Analis Kebijakan Ahli Muda", "2"), ("Pengadministrasi Umum", "4"), ("Pranata Komputer Ahli Pertama", "2"),
         ("Pengelola Data", "4"), ("Perencana Ahli Pertama", "2"), ("Bendahara", "4"), ("Pengolah Data", "4")]
HEADER = ["PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TANGGAL LAHIR", "JENIS KELAMIN",
          "JENIS PEGAWAI NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "JENIS JABATAN ID",
          "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA", "TMT JABATAN", "UNOR ID", "UNOR NAMA",
          "INSTANSI INDUK NAMA", "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA NAMA"]
RECAP = ["NIP", "Nama", "HK", "HD", "TK", "TL", "TB", "PD", "DK", "KN", "PSW", "PSW1", "PSW2", "PSW3", "PSW4", "HT",
         "TL1", "TL2", "TL3", "TL4", "CB", "CL", "CM", "CP", "CS", "KJK_HT", "KJK_PC", "KJK"]


def agencies() -> list[str]:
    names = []
    for kind in ("Dinas", "Badan"):
        names += [f"{kind} {word}" for word in AGENCY_WORDS]
    return names[:50]


def person(i: int, rng: random.Random, shift: int = 0) -> list[str]:
    """One synthetic row; ``shift`` moves a person to another post (a transfer)."""
    agency = agencies()[i % 50]
    unit = UNITS[(i // 50 + shift) % len(UNITS)]
    head = (i // 50) % 97 == 0
    title, kind = ((f"Kepala {unit} {agency}", "1") if head and unit != "Sekretariat" else POSTS[(i + shift) % len(POSTS)])
    born = f"19{70 + i % 30:02d}{1 + (i // 28000) % 12:02d}{1 + (i // 1000) % 28:02d}"   # unique with the serial
    nip = f"{born}{2000 + i % 20}{1 + i % 12:02d}{1 + i % 2}{i % 1000:03d}"
    since = f"{1 + i % 28:02d}-{1 + (i + shift) % 12:02d}-{2015 + (i + shift) % 10}"
    return [f"{i:032X}", nip, "", f"PEGAWAI {i}", "", "S.E.", "", "M", "PNS", "32", "III/b", "01-04-2019", kind,
            "", "", title, since, "", f"{unit} {agency}" if unit != "Sekretariat" else f"Sekretariat {agency}",
            "Pemerintah Provinsi Contoh", agency, ""]


def write_master(path: Path, rows: int, shift_every: int = 0) -> list[str]:
    rng = random.Random(15)
    nips = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="|", lineterminator="\n")
        writer.writerow(HEADER)
        for i in range(rows):
            row = person(i, rng, 1 if shift_every and i % shift_every == 0 else 0)
            nips.append(row[1])
            writer.writerow(row)
    return nips


def write_recap(path: Path, nips: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for line in ("REKAP PRESENSI", "Bulan: Mei 2026", "", "", "", ""):
            writer.writerow([line])
        writer.writerow(RECAP)
        for i, nip in enumerate(nips):
            late = i % 4
            writer.writerow([nip, f"PEGAWAI {i}", 21, 21 - i % 2, i % 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, late, late, 0, 0,
                             0, 0, 0, 0, 0, 0, 15 * late, 0, 15 * late])


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of it and its workers, peak MB of the largest process so far) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kinerja", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"kinerja {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, after.ru_maxrss / 1024


def _work_folder(workdir: str) -> Path:
    """The bench's own work folder: refused (exit 2) unless missing, empty or made by this bench; what
    an earlier run of it wrote there is removed, nothing else."""
    from ..outdir import IMPORT_BENCH, OutputRefused, claim

    try:
        work = claim(workdir, IMPORT_BENCH)
    except OutputRefused as exc:
        print(exc.render("en"), file=sys.stderr)
        raise SystemExit(2) from None
    for name in IMPORT_BENCH.later:
        path = work / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif os.path.lexists(path):
            path.unlink()
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=40000)
    parser.add_argument("--workdir", default=".kinerja-cache/bench-import")
    args = parser.parse_args()
    work = _work_folder(args.workdir)
    master, changed, recap = work / "siasn.psv", work / "siasn-changed.psv", work / "rekap.csv"
    nips = write_master(master, args.rows)
    write_master(changed, args.rows, shift_every=100)
    write_recap(recap, nips)
    inst = work / "instance"
    results = []
    seconds, cpu, peak = timed(["init", str(inst), "--from-siasn", str(master), "--year", "2026",
                              "--report", str(work / "init.csv")], work)
    results.append(("kinerja init --from-siasn", args.rows, seconds, cpu, peak, 60))
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "init"]):
        subprocess.run(["git", *step], cwd=inst, check=True, env=env)
    seconds, cpu, peak = timed(["import", "siasn", str(changed), "--repo", str(inst), "--branch", "bench/siasn"], inst)
    results.append(("kinerja import siasn (1% transfers)", args.rows, seconds, cpu, peak, 60))
    seconds, cpu, peak = timed(["import", "attendance", str(recap), "--month", "2026-05", "--repo", str(inst),
                              "--branch", "bench/attendance"], inst)
    results.append(("kinerja import attendance (monthly recap)", args.rows, seconds, cpu, peak, 30))
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load average {load:.1f} at the end (figures are wall-clock; CPU is all processes)")
    print(f"{'measure':44} {'rows':>7} {'seconds':>8} {'CPU s':>7} {'peak MB':>8}  target")
    for name, rows, seconds, cpu, peak, target in results:
        verdict = "ok" if seconds <= target and peak < 1024 else "MISSED"
        print(f"{name:44} {rows:>7} {seconds:>8.1f} {cpu:>7.1f} {peak:>8.0f}  ≤ {target} s, < 1024 MB: {verdict}")


if __name__ == "__main__":
    main()
