"""Market reach as officials write it: "Ekspor (Jepang, Malaysia)", "Ekspor ke Jepang dan
Korea", "Pasar lokal", "Dalam negeri", "Nasional & Ekspor" → a reach and the countries.

Country names come from babel's territory names in Indonesian and English (ISO 3166), so
"Japan" and "Jepang" are one country, stored under its Indonesian name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

ORDER = ("lokal", "regional", "nasional", "ekspor")  # a wider reach includes the narrower
_REACH_WORDS = {
    "lokal": [
        "lokal",
        "pasar lokal",
        "setempat",
        "lokal setempat",
        "dalam kabupaten",
        "dalam kota",
        "dalam kecamatan",
        "desa",
        "pasar desa",
        "local",
        "kabupaten",
        "lokal kabupaten",
    ],
    "regional": [
        "regional",
        "dalam provinsi",
        "antar kabupaten",
        "antarkabupaten",
        "antar kota",
        "se provinsi",
        "provinsi",
        "pasar regional",
        "regional provinsi",
    ],
    "nasional": [
        "nasional",
        "dalam negeri",
        "domestik",
        "antar provinsi",
        "antarprovinsi",
        "antar pulau",
        "antarpulau",
        "seluruh indonesia",
        "indonesia",
        "national",
        "domestic",
        "pasar nasional",
        "luar provinsi",
        "luar daerah",
    ],
    "ekspor": [
        "ekspor",
        "eksport",
        "export",
        "luar negeri",
        "internasional",
        "mancanegara",
        "international",
        "abroad",
        "pasar ekspor",
        "pasar internasional",
    ],
}
# Names people use that ISO's lists do not hold (value: the stored Indonesian name).
_COUNTRY_ALIASES = {
    "korea": "Korea Selatan",
    "korsel": "Korea Selatan",
    "usa": "Amerika Serikat",
    "us": "Amerika Serikat",
    "as": "Amerika Serikat",
    "amerika": "Amerika Serikat",
    "amerika serikat": "Amerika Serikat",
    "uk": "Inggris Raya",
    "inggris": "Inggris Raya",
    "england": "Inggris Raya",
    "china": "Tiongkok",
    "cina": "Tiongkok",
    "rrt": "Tiongkok",
    "rrc": "Tiongkok",
    "uea": "Uni Emirat Arab",
    "uae": "Uni Emirat Arab",
    "saudi": "Arab Saudi",
    "saudi arabia": "Arab Saudi",
    "hongkong": "Hong Kong",
    "hong kong": "Hong Kong",
    "timur tengah": "Timur Tengah",
    "middle east": "Timur Tengah",
    "holland": "Belanda",
    "eropa": "Eropa",
    "europe": "Eropa",
    "asean": "ASEAN",
}
_SPLIT = re.compile(r"\s*(?:[,;/&+()\[\]]|\bdan\b|\band\b|\bserta\b|\bke\b|\bto\b|\s-\s)\s*")


@dataclass(frozen=True)
class Reach:
    reach: str | None  # one of ORDER, or None when nothing was recognised
    destinations: tuple[str, ...] = ()  # countries (Indonesian names), as recognised
    unknown: tuple[str, ...] = ()  # parts that are neither a reach nor a known country


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]+", " ", text.lower())).strip()


@cache
def _reach_index() -> dict[str, str]:
    return {_key(w): reach for reach, words in _REACH_WORDS.items() for w in words}


@cache
def _country_index() -> dict[str, str]:
    indonesian = Locale("id").territories
    english = Locale("en").territories
    index: dict[str, str] = {}
    for code, name in indonesian.items():
        if code in ("ID", "ZZ", "001") or code.isdigit() and code not in ("150", "142"):
            continue
        shown = re.sub(r"\s+DAK\s+Tiongkok$", "", name)  # "Hong Kong DAK Tiongkok"
        for alias in (name, shown, english.get(code, "")):
            if alias:
                index.setdefault(_key(alias), shown)
    for alias, name in _COUNTRY_ALIASES.items():
        index[_key(alias)] = name
    return index


def country(text: str) -> str | None:
    """The stored (Indonesian) name of a country written in Indonesian or English."""
    return _country_index().get(_key(text))


@lru_cache(maxsize=20_000)
def parse_reach(text: str) -> Reach:
    """The widest reach named in ``text`` and the countries in it. Countries alone mean
    export; a reach word with unknown extra words still counts."""
    reaches: set[str] = set()
    destinations: list[str] = []
    unknown: list[str] = []
    for part in _SPLIT.split(text):
        key = _key(part)
        if not key:
            continue
        if key in _reach_index():
            reaches.add(_reach_index()[key])
            continue
        found = country(key)
        if found is None:
            # "pasar ekspor jepang": a reach word in front of a country
            words = key.split(" ")
            for cut in range(len(words) - 1, 0, -1):
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                if head in _reach_index() and country(tail):
                    reaches.add(_reach_index()[head])
                    found = country(tail)
                    break
        if found:
            if found not in destinations:
                destinations.append(found)
        else:
            unknown.append(part.strip())
    if destinations:
        reaches.add("ekspor")
    reach = max(reaches, key=ORDER.index) if reaches else None
    return Reach(reach, tuple(destinations), tuple(unknown))
