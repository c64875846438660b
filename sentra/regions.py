"""Matching region names and codes as officials write them to Kemendagri codes."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

_PREFIXES = [
    (r"^(kabupaten administrasi|kab\.? ?adm\.?)\s+", "kabupaten "),
    (r"^(kota administrasi|kota adm\.?)\s+", "kota "),
    (r"^(kabupaten|kab)(\.\s*|\s+)", "kabupaten "),
    (r"^(kotamadya|kota madya|kodya|kota)(\.\s*|\s+)", "kota "),
]
_WORDS = {"kep": "kepulauan", "kep.": "kepulauan"}
_PROVINCE_ALIASES = {
    "diy": "34",
    "di yogyakarta": "34",
    "d i yogyakarta": "34",
    "yogyakarta": "34",
    "jogja": "34",
    "jateng": "33",
    "jabar": "32",
    "jatim": "35",
    "dki jakarta": "31",
    "jakarta": "31",
    "dki": "31",
    "ntb": "52",
    "ntt": "53",
    "sumut": "12",
    "sumbar": "13",
    "sumsel": "16",
    "kalbar": "61",
    "kalteng": "62",
    "kalsel": "63",
    "kaltim": "64",
    "kaltara": "65",
    "sulut": "71",
    "sulteng": "72",
    "sulsel": "73",
    "sultra": "74",
    "sulbar": "76",
    "babel": "19",
    "bangka belitung": "19",
    "kepri": "21",
    "nanggroe aceh darussalam": "11",
    "nad": "11",
}
_KECAMATAN_PREFIX = re.compile(r"^(kecamatan|kec|kapanewon|kemantren|distrik) ")
_DESA_PREFIX = re.compile(r"^(desa|kelurahan|kel|ds) ")


@lru_cache(maxsize=100_000)  # imports repeat the same few names and labels on every row
def normalise(text: str) -> str:
    """Lower case, single spaces, no punctuation, one form for the kind of region
    ('Kab.', 'Kab', 'Kabupaten' → 'kabupaten'; 'Kota', 'Kodya', 'Kotamadya' → 'kota')."""
    text = re.sub(r"\s+", " ", str(text).strip().lower())
    for pattern, replacement in _PREFIXES:
        text = re.sub(pattern, replacement, text)
    text = " ".join(_WORDS.get(word, word) for word in text.split(" "))
    text = re.sub(r"[.,'’`\-()]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _strip_kind(name: str) -> str:
    return re.sub(r"^(kabupaten|kota) ", "", name)


def normalise_code(text: str) -> str | None:
    """'33.26', '3326', ' 33 . 26 ' → '33.26'; '33' → '33'; anything else → None."""
    digits = re.sub(r"[\s.]", "", str(text))
    if re.fullmatch(r"\d{2}", digits):
        return digits
    if re.fullmatch(r"\d{4}", digits):
        return f"{digits[:2]}.{digits[2:]}"
    return None


@dataclass(frozen=True)
class Match:
    code: str | None
    candidates: tuple[str, ...] = ()  # more than one: ambiguous; none and no code: unknown


class RegionMatcher:
    """Built once from the regions table (code → name, kind, province_code)."""

    def __init__(self, regions: pd.DataFrame) -> None:
        self.names = regions["name"].to_dict()
        self.provinces: dict[str, str] = {}
        self.regencies: dict[str, set[str]] = {}
        self._short: dict[str, list[tuple[str, str]]] = {}  # province → [(short name, code)]
        for code, row in regions.iterrows():
            full = normalise(row["name"])
            if row["kind"] == "provinsi":
                self.provinces[full] = code
                continue
            for key in (full, _strip_kind(full)):
                self.regencies.setdefault(key, set()).add(code)
            self._short.setdefault(code[:2], []).append((_strip_kind(full), code))
        for alias, code in _PROVINCE_ALIASES.items():
            self.provinces.setdefault(alias, code)

    def province(self, text: str) -> str | None:
        if not str(text).strip():
            return None
        code = normalise_code(text)
        if code and code in self.names and len(code) == 2:
            return code
        key = normalise(text)
        return self.provinces.get(key) or self.provinces.get(re.sub(r"^(provinsi|prov) ", "", key))

    def regency(self, text: str, province_code: str | None = None) -> Match:
        """A regency/city by code or name; a province narrows an ambiguous name."""
        code = normalise_code(text)
        if code and len(code) == 5:
            return Match(code if code in self.names else None)
        found = sorted(self.regencies.get(normalise(text), set()))
        if province_code:
            found = [c for c in found if c.startswith(province_code + ".")]
        if len(found) == 1:
            return Match(found[0])
        return Match(None, tuple(found))

    def suggest(self, text: str, province_code: str | None = None, n: int = 3) -> list[str]:
        """Codes of the regencies whose names are closest to ``text`` (in the province, when
        one is known): for "did you mean …?", never used as an answer."""
        scopes = [province_code] if province_code else list(self._short)
        pool = [entry for p in scopes for entry in self._short.get(p, [])]
        key = _strip_kind(normalise(text))
        close = difflib.get_close_matches(key, {short for short, _ in pool}, n=n, cutoff=0.6)
        return [code for name in close for short, code in sorted(pool) if short == name][:n]

    def label(self, codes: list[str] | tuple[str, ...]) -> str:
        """'Kabupaten Pekalongan (33.26), Kota Pekalongan (33.75)'."""
        return ", ".join(f"{self.names[c]} ({c})" for c in codes)


def _place_key(text: str, prefix: re.Pattern) -> str:
    """'Kec. Pekalongan Barat' → 'pekalonganbarat': spaces vary ('Simbang Kulon' is
    'Simbangkulon' in the code list). Not through ``normalise``'s cache:
    83,000 desa names would push the region names out of it."""
    text = re.sub(r"[.,'’`\-()/]", " ", str(text).lower())
    return prefix.sub("", re.sub(r"\s+", " ", text).strip()).replace(" ", "")


class PlaceIndex:
    """Kecamatan and desa/kelurahan of each regency, from the 2025 code list
    (columns code, name, level, parent_code; levels 'kecamatan' and 'desa')."""

    def __init__(self, codes: pd.DataFrame) -> None:
        self._codes = codes
        self.names: dict[str, str] = {}
        self.kecamatan: dict[str, dict[str, str]] = {}  # regency → {name key: code}
        kec = codes[codes["level"] == "kecamatan"]
        for code, name, parent in zip(kec["code"], kec["name"], kec["parent_code"], strict=True):
            self.kecamatan.setdefault(parent, {})[_place_key(name, _KECAMATAN_PREFIX)] = code
            self.names[code] = name

    @cached_property
    def desa(self) -> dict[str, dict[str, set[str]]]:
        """Regency → {desa name key: its kecamatan codes}; built on first use."""
        index: dict[str, dict[str, set[str]]] = {}
        desa = self._codes[self._codes["level"] == "desa"]
        for name, parent in zip(desa["name"], desa["parent_code"], strict=True):
            key = _place_key(name, _DESA_PREFIX)
            index.setdefault(parent[:5], {}).setdefault(key, set()).add(parent)
        return index

    def find_kecamatan(self, regency_code: str, text: str) -> str | None:
        """The kecamatan code, by name (with or without 'Kec.') or by code, in the regency."""
        digits = re.sub(r"[\s.]", "", str(text))
        if re.fullmatch(r"\d{6}", digits):
            code = f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"
            return code if code[:5] == regency_code and code in self.names else None
        return self.kecamatan.get(regency_code, {}).get(_place_key(text, _KECAMATAN_PREFIX))

    def kecamatan_of_desa(self, regency_code: str, text: str) -> tuple[str, ...]:
        """Kecamatan codes holding a desa/kelurahan of that name in the regency."""
        found = self.desa.get(regency_code, {}).get(_place_key(text, _DESA_PREFIX), set())
        return tuple(sorted(found))

    def suggest_kecamatan(self, regency_code: str, text: str, n: int = 3) -> list[str]:
        names = self.kecamatan.get(regency_code, {})
        close = difflib.get_close_matches(
            _place_key(text, _KECAMATAN_PREFIX), list(names), n=n, cutoff=0.6
        )
        return [names[key] for key in close]
