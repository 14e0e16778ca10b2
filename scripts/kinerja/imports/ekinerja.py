"""e-Kinerja BKN: "Laporan Penilaian SKP" (assessments with ratings and predikat) and "Laporan SKP" (SKP
headers); the reconciliation of Kinerja's results with e-Kinerja's, and the export of Kinerja's results
in the Laporan Penilaian layout.

Ratings are ``diatas | sesuai | dibawah`` (also spelled with a space) → ``di-atas | sesuai | di-bawah``;
``hasil_akhir`` ``sangat baik | baik | butuh perbaikan | kurang | sangat kurang`` → predikat ids; ``-``
means not assessed. Rows of an acting post (``is_skp_plt_plh_pjb`` / ``is_plt_plh`` = 1) never replace
the definitive SKP's. The period of a row is the instance's own: the mapping file's ``periods:`` maps an
e-Kinerja period name (the "Periode : …" line, e.g. ``Bulanan Mei`` or ``Periode 16 April - 15 Mei``) to a
Kinerja reporting period; without it a month name gives ``YYYY-MM`` and ``Tahunan`` the annual rating.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import click

from . import Mapping, cleaning
from .org import Organisation, key
from .outcome import ImportFailed, Ledger, Place
from .state import UNITS, Instance
from .table import Columns, Table, blank, open_table

RATINGS = {"diatas": "di-atas", "di atas": "di-atas", "sesuai": "sesuai", "dibawah": "di-bawah", "di bawah": "di-bawah"}
RATING_WORDS = {"di-atas": "diatas", "sesuai": "sesuai", "di-bawah": "dibawah"}
PREDIKAT = {"sangat baik": "sangat-baik", "baik": "baik", "butuh perbaikan": "butuh-perbaikan", "kurang": "kurang",
            "sangat kurang": "sangat-kurang"}
PREDIKAT_WORDS = {v: k for k, v in PREDIKAT.items()}
_REPORTING = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-S[12])?$")
_MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember"]
PENILAIAN = Columns(
    names={"nip": ["nip"], "bkn_id": ["id"], "results": ["hasil_kerja"], "behaviour": ["perilaku_kerja"],
           "predikat": ["hasil_akhir"], "acting": ["is_skp_plt_plh_pjb", "is_plt_plh"], "assessor_nip": ["pegawai_atasan_nip"],
           "assessed_on": ["waktu_dinilai"], "year": ["tahun_skp"], "skp_start": ["periode_awal_skp"],
           "skp_end": ["periode_akhir_skp"], "kind": ["jenis_pegawai"]},
    required=("nip", "results", "behaviour", "predikat"),
    anchors=("nip",),
)
SKP = Columns(
    names={"nip": ["nip"], "bkn_id": ["id"], "status": ["skp_status"], "acting": ["is_plt_plh", "is_skp_plt_plh_pjb"],
           "start": ["periode_awal"], "end": ["periode_akhir"], "position": ["skp_jabatan", "jabatan"],
           "unit": ["skp_unor", "unit"], "agency": ["skp_unor_induk"]},
    required=("nip", "status", "start", "end"),
    anchors=("nip",),
)
#: The Laporan Penilaian SKP columns, in the order of the export (see docs/import.md).
EXPORT_COLUMNS = ["jenis", "id", "nip", "nama", "periode_awal_skp", "periode_akhir_skp", "skp_unor_id", "skp_unor",
                  "skp_unor_induk", "skp_jabatan", "skp_jenis_jabatan", "is_skp_plt_plh_pjb", "hasil_kerja",
                  "perilaku_kerja", "hasil_akhir", "pegawai_atasan_id", "pegawai_atasan_nip", "pegawai_atasan_nama",
                  "pegawai_atasan_unor_id", "pegawai_atasan_unor", "pegawai_atasan_jabatan", "pegawai_atasan_golru",
                  "waktu_dinilai", "pegawai_penilai_id", "tahun_skp", "skp_id", "periode_id", "skp_penilaian_id",
                  "golru", "jenis_pegawai"]


@dataclass
class Rating:
    """One assessed row of e-Kinerja, cleaned."""

    place: Place
    nip: str
    employee: str
    unit: str
    results: str
    behaviour: str
    predikat: str
    assessor_nip: str
    assessed_on: dt.date | None


def period_name(table: Table) -> str:
    """The e-Kinerja period name from the metadata rows ("Periode : Bulanan Mei" → "Bulanan Mei")."""
    for row in table.metadata:
        for cell in row:
            text = cleaning.text(cell)
            m = re.match(r"(?i)^periode\s*:\s*(.+)$", text)
            if m:
                return m[1].strip()
    return ""


def reporting_period(name: str, title: str, year: int | None, mapping: Mapping) -> str | None:
    """The Kinerja reporting period of an e-Kinerja period name: mapped, a month name, or the year."""
    mapped = {key(k): v for k, v in mapping.periods.items()}.get(key(name))
    if mapped:
        return mapped
    if _REPORTING.match(name.strip()):
        return name.strip()
    low = f"{name} {title}".lower()
    year_match = re.search(r"\b(20\d{2})\b", title)
    year = year or (int(year_match[1]) if year_match else None)
    if year is None:
        return None
    if "tahunan" in low:
        return str(year)
    for i, month in enumerate(_MONTHS, start=1):
        if re.search(rf"\b{month}\b", name.lower() or low):
            return f"{year}-{i:02d}"
    for word, letter, count in (("triwulan", "Q", 4), ("semester", "S", 2)):
        m = re.search(rf"\b{word}\s+(iv|iii|ii|i|[1-4])\b", low)
        if m:
            number = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m[1], None) or int(m[1])
            if number <= count:
                return f"{year}-{letter}{number}"
    return None


def span(reporting: str) -> tuple[str, str]:
    """First and last day of a reporting period (YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn)."""
    import calendar

    year = int(reporting[:4])
    if len(reporting) == 4:
        return f"{year}-01-01", f"{year}-12-31"
    tail = reporting[5:]
    first_month, months = (int(tail), 1) if tail.isdigit() else \
        ((int(tail[1]) - 1) * 3 + 1, 3) if tail[0] == "Q" else ((int(tail[1]) - 1) * 6 + 1, 6)
    last_month = first_month + months - 1
    return (f"{year}-{first_month:02d}-01",
            f"{year}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}")


def read_ratings(table: Table, org: Organisation, ledger: Ledger) -> list[Rating]:
    """Assessed, definitive rows; acting-post, not-assessed, unknown and bad rows are skipped."""
    kept: dict[str, Rating] = {}
    for row_no, row in table.rows:
        if blank(row):
            continue
        rating = _rating(table, row_no, row, org, ledger)
        if rating is None:
            continue
        before = kept.get(rating.nip)
        if before is not None:
            newer = (rating.assessed_on or dt.date.min) >= (before.assessed_on or dt.date.min)
            loser, kept[rating.nip] = (before, rating) if newer else (rating, before)
            ledger.skip(loser.place, "K906", other=kept[rating.nip].place.row)
            continue
        kept[rating.nip] = rating
    return list(kept.values())


def _rating(table: Table, row_no: int, row: list[Any], org: Organisation, ledger: Ledger) -> Rating | None:
    get = table.get
    try:
        nip = cleaning.nip(get(row, "nip"), "pppk" if "pppk" in cleaning.text(get(row, "kind")).lower() else "pns")
    except cleaning.CellError as exc:
        ledger.skip(table.place(row_no, "nip"), exc.code, **dict(exc.params, column="nip"))
        return None
    if cleaning.text(get(row, "acting")) not in ("", "0"):
        ledger.skip(table.place(row_no, "acting"), "K911", detail=cleaning.text(get(row, "acting")))
        return None
    predikat_text = cleaning.text(get(row, "predikat")).lower()
    if predikat_text in ("", "-"):
        ledger.skip(table.place(row_no, "predikat"), "K912", value=predikat_text or "")
        return None
    values = {}
    for fieldname, table_map in (("results", RATINGS), ("behaviour", RATINGS), ("predikat", PREDIKAT)):
        raw = re.sub(r"\s+", " ", cleaning.text(get(row, fieldname)).lower())
        if raw not in table_map:
            ledger.skip(table.place(row_no, fieldname), "K921", value=raw, allowed=sorted(set(table_map)))
            return None
        values[fieldname] = table_map[raw]
    found = org.find_employee(nip, cleaning.text(get(row, "bkn_id")))
    if found is None:
        ledger.skip(table.place(row_no, "nip"), "K910")
        return None
    try:
        assessed_on = cleaning.date(get(row, "assessed_on"))
    except cleaning.CellError as exc:
        ledger.skip(table.place(row_no, "assessed_on"), exc.code, **exc.params)
        return None
    assessor_nip = cleaning.text(get(row, "assessor_nip")).replace(" ", "")
    return Rating(table.place(row_no), nip, str(found[1]["id"]), found[0], values["results"], values["behaviour"],
                  values["predikat"], assessor_nip, assessed_on)


def kinerja_period(instance: Instance, reporting: str) -> str | None:
    """The Kinerja period (periods.yaml id) that contains a reporting period."""
    first, last = span(reporting)
    for period in (instance.get("contracts/periods.yaml") or {}).get("periods") or []:
        if isinstance(period, dict) and str(period.get("start")) <= first and last <= str(period.get("end")):
            return str(period.get("id"))
    return None


def write_assessments(ratings: Iterable[Rating], period: str, reporting: str, org: Organisation,
                      ledger: Ledger) -> None:
    """Put each rating into ``assessments/<employee>.yaml``: a periodic entry, or the annual ratings."""
    instance = org.instance
    for rating in ratings:
        base = f"{UNITS}/{rating.unit}/{period}"
        contract, path = f"{base}/skp/{rating.employee}.yaml", f"{base}/assessments/{rating.employee}.yaml"
        instance.load([contract, path])
        if contract not in instance.original:
            ledger.skip(rating.place, "K923", value=period)
            continue
        doc = instance.get(path)
        created = not isinstance(doc, dict)
        if created:
            assessor = org.find_employee(rating.assessor_nip) if rating.assessor_nip else None
            if assessor is None:
                ledger.skip(Place(rating.place.file, rating.place.sheet, rating.place.row, "pegawai_atasan_nip"), "K910")
                continue
            doc = {"employee": rating.employee, "period": period, "assessor": assessor[1]["id"],
                   "date": (rating.assessed_on or dt.date.today()).isoformat()}
        before = repr(doc)
        if len(reporting) == 4:
            doc["results"], doc["behaviour_rating"] = rating.results, rating.behaviour
        else:
            periodic = doc.setdefault("periodic", [])
            entry = next((e for e in periodic if isinstance(e, dict) and e.get("reporting_period") == reporting), None)
            if entry is None:
                periodic.append({"reporting_period": reporting, "results": rating.results, "behaviour": rating.behaviour})
                periodic.sort(key=lambda e: str(e.get("reporting_period", "")))
            else:
                entry["results"], entry["behaviour"] = rating.results, rating.behaviour
        instance.put(path, doc)
        status = "imported" if created else ("unchanged" if repr(doc) == before else "updated")
        ledger.add(rating.place, status, path)


def _open(path: Path, columns: Columns, mapping: Mapping, sheet: str | None) -> Table:
    return open_table(path, columns.with_mapping(mapping.columns), sheet or mapping.sheet)


def _title(table: Table) -> str:
    return " ".join(cleaning.text(c) for row in table.metadata[:1] for c in row if c)


def resolve_periods(table: Table, mapping: Mapping, instance: Instance, period: str | None,
                    reporting: str | None) -> tuple[str, str]:
    """(Kinerja period, reporting period) of a Laporan Penilaian file, from options or its metadata."""
    name = period_name(table)
    found = reporting or reporting_period(name, _title(table), None, mapping)
    if found is None:
        raise ImportFailed("K918", Place(table.file, table.sheet, None), value=name or "(Periode : …)")
    kinerja = period or kinerja_period(instance, found)
    if kinerja is None:
        raise ImportFailed("K918", Place(table.file, table.sheet, None), value=found)
    return kinerja, found


# --- SKP headers ------------------------------------------------------------------------------------------
def check_skp(table: Table, org: Organisation, period: str, ledger: Ledger) -> None:
    """Laporan SKP: each definitive, approved SKP row is matched with the SKP file in Kinerja.

    e-Kinerja's SKP report carries no targets (RHK), so nothing is written: a row whose SKP exists in
    Kinerja is ``unchanged``; one without is listed (K923) for the unit to write; acting posts (K911)
    and rows not approved (``skp_status`` other than ``persetujuan``, K909) are skipped.
    """
    instance = org.instance
    for row_no, row in table.rows:
        if blank(row):
            continue
        try:
            nip = cleaning.nip(table.get(row, "nip"))
        except cleaning.CellError as exc:
            ledger.skip(table.place(row_no, "nip"), exc.code, **dict(exc.params, column="nip"))
            continue
        if cleaning.text(table.get(row, "acting")) not in ("", "0"):
            ledger.skip(table.place(row_no, "acting"), "K911", detail=cleaning.text(table.get(row, "acting")))
            continue
        status = cleaning.text(table.get(row, "status")).lower()
        if status != "persetujuan":
            ledger.skip(table.place(row_no, "status"), "K909", value=status, detail="not approved / belum disetujui")
            continue
        found = org.find_employee(nip, cleaning.text(table.get(row, "bkn_id")))
        if found is None:
            ledger.skip(table.place(row_no, "nip"), "K910")
            continue
        path = f"{UNITS}/{found[0]}/{period}/skp/{found[1]['id']}.yaml"
        instance.load([path])
        if path in instance.original:
            ledger.add(table.place(row_no), "unchanged", path)
        else:
            ledger.skip(table.place(row_no), "K923", value=period)


# --- reconcile and export ------------------------------------------------------------------------------------
def kinerja_ratings(loaded: Any, period: str, reporting: str) -> dict[str, tuple[str, str, str]]:
    """Kinerja's (results, behaviour, predikat) per employee id for a reporting period (or the year)."""
    from ..score import engine

    province = loaded.province
    run = engine.score(province, [period], derivations=False)
    out: dict[str, tuple[str, str, str]] = {}
    for (employee, period_id), result in run.employees.items():
        if period_id != period:
            continue
        assessment = province.assessments.get((employee, period))
        results = behaviour = ""
        if assessment is not None:
            if reporting == period or len(reporting) == 4:
                latest = assessment.periodic[-1] if assessment.periodic else None  # provisional, as the predikat
                results = assessment.results or (latest.results if latest else "")
                behaviour = assessment.behaviour_rating or (latest.behaviour if latest else "")
            else:
                entry = next((p for p in assessment.periodic if p.reporting_period == reporting), None)
                if entry is not None:
                    results, behaviour = entry.results, entry.behaviour
        predikat = result.periodic.get(reporting) if len(reporting) > 4 else result.predikat
        out[employee] = (results, behaviour, predikat or "")
    return out


def reconcile_rows(ratings: list[Rating], ours: dict[str, tuple[str, str, str]]) -> list[dict[str, str]]:
    """Per employee, each field where Kinerja differs from e-Kinerja ("" = Kinerja has nothing)."""
    rows = []
    for rating in ratings:
        mine = ours.get(rating.employee, ("", "", ""))
        for field_name, theirs, kinerja in (("hasil_kerja", rating.results, mine[0]),
                                            ("perilaku_kerja", rating.behaviour, mine[1]),
                                            ("hasil_akhir", rating.predikat, mine[2])):
            if theirs != kinerja:
                rows.append({"employee": rating.employee, "unit": rating.unit, "row": str(rating.place.row),
                             "field": field_name, "ekinerja": theirs, "kinerja": kinerja or "-"})
    return rows


def export_rows(loaded: Any, period: str, reporting: str) -> list[list[str]]:
    """Kinerja's results as Laporan Penilaian SKP rows (the columns of :data:`EXPORT_COLUMNS`)."""
    province = loaded.province
    ours = kinerja_ratings(loaded, period, reporting)
    span = province.periods[period]
    rows = []
    for employee_id in sorted(ours):
        employee = province.employees.get(employee_id)
        if employee is None:
            continue
        results, behaviour, predikat = ours[employee_id]
        contract = province.contracts.get((employee_id, period))
        position = province.positions.get(contract.position) if contract else None
        unit = province.units.get(position.unit) if position else None
        agency = unit
        while agency is not None and agency.parent:
            agency = province.units.get(agency.parent)
        assessment = province.assessments.get((employee_id, period))
        assessor = province.employees.get(assessment.assessor) if assessment else None
        values = {
            "nip": employee.nip.replace(" ", ""), "nama": employee.name,
            "periode_awal_skp": span.start.isoformat(), "periode_akhir_skp": span.end.isoformat(),
            "skp_unor": unit.name if unit else "", "skp_unor_induk": agency.name if agency else "",
            "skp_jabatan": position.title if position else "", "is_skp_plt_plh_pjb": "0",
            "hasil_kerja": RATING_WORDS.get(results, ""), "perilaku_kerja": RATING_WORDS.get(behaviour, ""),
            "hasil_akhir": PREDIKAT_WORDS.get(predikat, "-"),
            "pegawai_atasan_nip": assessor.nip.replace(" ", "") if assessor else "",
            "pegawai_atasan_nama": assessor.name if assessor else "",
            "waktu_dinilai": assessment.date.isoformat() if assessment and assessment.date else "",
            "tahun_skp": str(span.start.year), "jenis_pegawai": employee.type,
        }
        rows.append([values.get(c, "") for c in EXPORT_COLUMNS])
    return rows


def write_export(out: Path, rows: list[list[str]], government: str, reporting: str) -> None:
    """Write the Laporan Penilaian layout: metadata rows 1-6, a blank row 7, the header in row 8."""
    label = f"Tahunan {reporting}" if len(reporting) == 4 else reporting
    metadata = [[f"Laporan Penilaian SKP Periode {label} (Kinerja)"], [f"Instansi {government}"],
                [f"Periode : {label}"], ["Unor Induk : ALL"], ["Unor : ALL"],
                [f"Data ditarik pada : {dt.datetime.now():%d/%m/%Y %H.%M.%S}"], []]
    if out.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Laporan")
        for row in [*metadata, EXPORT_COLUMNS, *rows]:
            sheet.append(row)
        book.save(out)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    for row in [*metadata, EXPORT_COLUMNS, *rows]:
        writer.writerow(row)
    out.write_text(buffer.getvalue(), encoding="utf-8")


# --- commands ------------------------------------------------------------------------------------------------
def register(main: click.Group, import_group: click.Group) -> None:
    """``kinerja import ekinerja-penilaian`` / ``ekinerja-skp``, ``kinerja reconcile``, ``kinerja export``."""
    from .commands import _run, common

    @import_group.command("ekinerja-penilaian")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--period", default=None, help="Kinerja period id (default: the one containing the file's period).")
    @click.option("--reporting-period", default=None,
                  help="Kinerja reporting period (YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY) instead of the file's period name.")
    @common
    def import_penilaian(file: str, period: str | None, reporting_period: str | None, **opts: Any) -> None:
        """Import e-Kinerja's Laporan Penilaian SKP: ratings into the assessments."""

        def work(instance: Instance, ledger: Ledger, path: Path, mapping: Mapping, sheet: str | None) -> None:
            table = _open(path, PENILAIAN, mapping, sheet)
            kinerja, reporting = resolve_periods(table, mapping, instance, period, reporting_period)
            org = Organisation.read(instance, mapping.units)
            write_assessments(read_ratings(table, org, ledger), kinerja, reporting, org, ledger)

        _run("ekinerja-penilaian", file, opts, work, lambda instance: instance.load_units(("employees.yaml",)))

    @import_group.command("ekinerja-skp")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--period", required=True, help="Kinerja period id the SKPs belong to.")
    @common
    def import_skp(file: str, period: str, **opts: Any) -> None:
        """Check e-Kinerja's Laporan SKP against the SKPs in Kinerja (lists the missing ones)."""

        def work(instance: Instance, ledger: Ledger, path: Path, mapping: Mapping, sheet: str | None) -> None:
            table = _open(path, SKP, mapping, sheet)
            check_skp(table, Organisation.read(instance, mapping.units), period, ledger)

        _run("ekinerja-skp", file, opts, work, lambda instance: instance.load_units(("employees.yaml",)))

    @click.group("reconcile")
    def reconcile() -> None:
        """Compare Kinerja's results with a national record."""

    @reconcile.command("ekinerja")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--period", required=True, help="Kinerja period id.")
    @click.option("--reporting-period", default=None, help="Reporting period (default: from the file's period name).")
    @click.option("--mapping", type=click.Path(exists=True, dir_okay=False), default=None, help="Mapping file (YAML).")
    @click.option("--sheet", default=None, help="Sheet of an .xlsx file.")
    @click.option("--out", type=click.Path(dir_okay=False), default=None, help="Also write the differences as CSV.")
    @click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Language of messages.")
    def reconcile_ekinerja(file: str, period: str, reporting_period: str | None, mapping: str | None,
                           sheet: str | None, out: str | None, lang: str | None) -> None:
        """List, per employee, where Kinerja's rating or predikat differs from e-Kinerja's (exit 1 if any)."""
        from . import read_mapping
        from .commands import _lang

        language = _lang(lang)
        loaded = _load_valid(language)
        try:
            maps = read_mapping(mapping)
            instance = Instance(None)
            instance.data["contracts/periods.yaml"] = {"periods": [
                {"id": p.id, "start": p.start.isoformat(), "end": p.end.isoformat()} for p in loaded.province.periods.values()]}
            table = _open(Path(file), PENILAIAN, maps, sheet)
            _kinerja, reporting = resolve_periods(table, maps, instance, period, reporting_period)
            org = _org_from(loaded)
            ledger = Ledger(Path(file).name)
            ratings = read_ratings(table, org, ledger)
        except ImportFailed as exc:
            click.echo(exc.text(language), err=True)
            sys.exit(1)
        if period not in loaded.province.periods:
            raise click.BadParameter(f"'{period}' not in periods.yaml", param_hint="--period")
        differences = reconcile_rows(ratings, kinerja_ratings(loaded, period, reporting))
        ledger.note(f"{len(ratings)} baris dibandingkan dengan Kinerja ({reporting}).",
                    f"{len(ratings)} rows compared with Kinerja ({reporting}).")
        click.echo(ledger.summary(language), nl=False)
        for d in differences:
            click.echo(f"{d['employee']} ({d['unit']}, {Path(file).name} row {d['row']}): {d['field']}: "
                       f"e-Kinerja {d['ekinerja']} ≠ Kinerja {d['kinerja']}")
        differ = len({d["employee"] for d in differences})
        click.echo(f"{differ} employees differ ({reporting})." if language == "en" else
                   f"{differ} pegawai berbeda ({reporting}).")
        if out:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, ["employee", "unit", "row", "field", "ekinerja", "kinerja"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(differences)
            Path(out).write_text(buffer.getvalue(), encoding="utf-8")
        sys.exit(1 if differences else 0)

    @click.group("export")
    def export() -> None:
        """Write Kinerja's results in a national system's layout."""

    @export.command("ekinerja")
    @click.option("--period", required=True, help="Kinerja period id.")
    @click.option("--reporting-period", default=None, help="Reporting period (default: the whole period, annual).")
    @click.option("--out", type=click.Path(dir_okay=False), required=True, help="The file to write (.xlsx or .csv).")
    @click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Language of messages.")
    def export_ekinerja(period: str, reporting_period: str | None, out: str, lang: str | None) -> None:
        """Write Kinerja's ratings and predikat in the Laporan Penilaian SKP layout."""
        from .commands import _lang

        loaded = _load_valid(_lang(lang))
        if period not in loaded.province.periods:
            raise click.BadParameter(f"'{period}' not in periods.yaml", param_hint="--period")
        reporting = reporting_period or period
        rows = export_rows(loaded, period, reporting)
        target = Path(out)
        tmp = target.with_name(f".{target.name}.tmp{target.suffix}")
        write_export(tmp, rows, loaded.province.settings.government, reporting)
        tmp.replace(target)
        click.echo(f"{len(rows)} pegawai / employees → {out}")

    main.add_command(reconcile)
    main.add_command(export)


def _load_valid(lang: str) -> Any:
    """The instance in the current folder, validated; invalid data prints the report and exits 1."""
    from .. import report as reporting
    from ..load import find_root
    from ..validate import load_checked, validate

    root = find_root(Path.cwd())
    if root is None:
        raise click.UsageError("no contracts/ folder here / tidak ada folder contracts/ di sini")
    loaded = load_checked(root)
    result = validate(loaded)
    if not result.ok:
        click.echo(reporting.render_text(result, lang), err=True, nl=False)
        sys.exit(1)
    return loaded


def _org_from(loaded: Any) -> Organisation:
    """An :class:`Organisation` index over a loaded province (for matching NIPs to employee ids)."""
    org = Organisation(Instance(None))
    for employee in loaded.province.employees.values():
        org.by_nip[employee.nip.replace(" ", "")] = (employee.unit, {"id": employee.id, "nip": employee.nip})
    return org
