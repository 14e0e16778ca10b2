"""Fictional Indonesian names: given names by sex, family names and academic titles.

Names are combined at random from common Indonesian (Javanese, Sundanese, Minang, Batak, Bugis, Malay,
Balinese, Manadonese and Arabic-derived) given names; any likeness to a real person is coincidence.
The sex digit of a PNS NIP (1 male, 2 female) is chosen to match the given name.
"""

from __future__ import annotations

import random

MALE: tuple[str, ...] = (
    "Agus", "Ahmad", "Andi", "Arief", "Bambang", "Budi", "Dedi", "Dimas", "Eko", "Fajar", "Fauzan",
    "Gilang", "Hendra", "Heru", "Ilham", "Imam", "Irfan", "Joko", "Kurniawan", "Lukman", "Made",
    "Muhammad", "Nanang", "Nyoman", "Putu", "Rahmat", "Reza", "Rizki", "Rudi", "Sigit", "Slamet",
    "Taufik", "Teguh", "Wahyu", "Yusuf", "Zainal", "Asep", "Ujang", "Dadang", "Cecep", "Hasan",
    "Syahrul", "Ridwan", "Fikri", "Bayu", "Yoga", "Hari", "Danu", "Gede", "Ketut", "Arif", "Hafiz",
)
FEMALE: tuple[str, ...] = (
    "Ani", "Ayu", "Dewi", "Dian", "Endang", "Fitri", "Indah", "Intan", "Kartika", "Lestari", "Lina",
    "Maya", "Nur", "Nurul", "Putri", "Rina", "Ratna", "Rini", "Siti", "Sri", "Tuti", "Wulan", "Yanti",
    "Yuni", "Anisa", "Citra", "Dwi", "Eka", "Fadilah", "Hana", "Kadek", "Komang", "Lia", "Mega",
    "Novi", "Nining", "Neneng", "Euis", "Ratih", "Sari", "Tika", "Umi", "Vina", "Widya", "Yulia",
    "Zahra", "Aisyah", "Kurnia", "Melati", "Puspita",
)
MIDDLE_MALE: tuple[str, ...] = ("Adi", "Agung", "Dwi", "Eko", "Hadi", "Nur", "Tri", "Wira", "Surya", "Bagus")
MIDDLE_FEMALE: tuple[str, ...] = ("Ayu", "Dwi", "Nur", "Puspa", "Sri", "Tri", "Kusuma", "Ratna", "Indah", "Wulan")
FAMILY: tuple[str, ...] = (
    "Saputra", "Saputri", "Wijaya", "Pratama", "Hidayat", "Nugroho", "Setiawan", "Santoso", "Kusuma",
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Hutapea", "Sitompul", "Pane", "Tanjung",
    "Permana", "Suryana", "Gunawan", "Kurniasih", "Rahmawati", "Handayani", "Wulandari", "Susanti",
    "Hakim", "Syahputra", "Firmansyah", "Ramadhan", "Maulana", "Hasibuan", "Manurung", "Sinaga",
    "Tambunan", "Pohan", "Daulay", "Rangkuti", "Mokoginta", "Lumban Tobing", "Pattimura", "Wenas",
    "Sumarno", "Sulistyo", "Prasetyo", "Hartono", "Rusdi", "Effendi", "Mahendra", "Anggraini",
)
FEMALE_ONLY_FAMILY = {"Saputri", "Kurniasih", "Rahmawati", "Handayani", "Wulandari", "Susanti", "Anggraini"}

#: Academic titles by level of education; prefix titles (Dr., Ir.) go before the name.
BACHELOR: tuple[str, ...] = ("S.E.", "S.H.", "S.Sos.", "S.Kom.", "S.Pd.", "S.T.", "S.Si.", "S.AP.",
                             "S.IP.", "S.Ak.", "S.Psi.")
MASTER: tuple[str, ...] = ("M.Si.", "M.M.", "M.AP.", "M.Pd.", "M.T.", "M.H.", "M.E.", "M.PA.")
DIPLOMA: tuple[str, ...] = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")
HEALTH_BACHELOR: tuple[str, ...] = ("S.KM.", "S.Kep.", "S.Farm.", "S.Gz.", "S.E.", "S.Kom.")
HEALTH_MASTER: tuple[str, ...] = ("M.Kes.", "M.KM.", "MARS", "M.Epid.")
HEALTH_DIPLOMA: tuple[str, ...] = ("A.Md.Kes.", "A.Md.AK.", "A.Md.Kep.")
DOCTOR_PREFIX = "Dr."
HEALTH_PREFIX = "dr."
ENGINEER_PREFIX = "Ir."


def person_name(rng: random.Random, sex: int, education: str, health: bool = False) -> str:
    """A full name with titles. ``education`` is one of doctor, master, bachelor, diploma, school."""
    given = rng.choice(MALE if sex == 1 else FEMALE)
    parts = [given]
    if rng.random() < 0.45:
        parts.append(rng.choice(MIDDLE_MALE if sex == 1 else MIDDLE_FEMALE))
    family_pool = [f for f in FAMILY if sex == 2 or f not in FEMALE_ONLY_FAMILY]
    if rng.random() < 0.85:
        parts.append(rng.choice(family_pool))
    name = " ".join(dict.fromkeys(parts))          # no repeated word (e.g. "Dwi Dwi")
    prefix = ""
    if health and education in ("master", "doctor", "bachelor") and rng.random() < 0.5:
        prefix = HEALTH_PREFIX + " "
    elif education == "doctor":
        prefix = DOCTOR_PREFIX + " "
    elif education == "master" and rng.random() < 0.1:
        prefix = ENGINEER_PREFIX + " "
    bachelor = HEALTH_BACHELOR if health else BACHELOR
    master = HEALTH_MASTER if health else MASTER
    if prefix in ("dr. ", "Ir. "):                  # the prefix replaces the bachelor's title
        suffix = rng.choice(master) if education in ("doctor", "master") else ""
    elif education in ("doctor", "master"):
        suffix = f"{rng.choice(bachelor)}, {rng.choice(master)}"
    elif education == "bachelor":
        suffix = rng.choice(bachelor)
    elif education == "diploma":
        suffix = rng.choice(HEALTH_DIPLOMA if health else DIPLOMA)
    else:
        suffix = ""
    return f"{prefix}{name}, {suffix}" if suffix else f"{prefix}{name}"


def git_handle(name: str, serial: int) -> str:
    """A Git host handle from the name (letters only) and a serial number, e.g. ``sitir12``."""
    words = [w for w in name.split(",")[0].replace(".", " ").split() if w not in ("Dr", "dr", "Ir")]
    first = "".join(ch for ch in words[0].lower() if ch.isalpha()) if words else "pegawai"
    last = "".join(ch for ch in words[-1].lower() if ch.isalpha())[:1] if len(words) > 1 else ""
    return f"{first}{last}{serial}"
