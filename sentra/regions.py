"""Matching region names and codes as officials write them to Kemendagri codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

_PREFIXES = [
    (r"^(kabupaten administrasi|kab\.? adm\.?)\s+", "kabupaten "),
    (r"^(kota administrasi|kota adm\.?)\s+", "kota "),
    (r"^(kabupaten|kab)(\.\s*|\s+)", "kabupaten "),
    (r"^(kotamadya|kota madya|kodya|kota)(\.\s*|\s+)", "kota "),
]
_PROVINCE_ALIASES = {
    "diy": "34", "di yogyakarta": "34", "yogyakarta": "34", "jogja": "34", "jateng": "33",
    "jabar": "32", "jatim": "35", "dki jakarta": "31", "jakarta": "31", "dki": "31",
    "ntb": "52", "ntt": "53", "sumut": "12", "sumbar": "13", "sumsel": "16", "kalbar": "61",
    "kalteng": "62", "kalsel": "63", "kaltim": "64", "kaltara": "65", "sulut": "71",
    "sulteng": "72", "sulsel": "73", "sultra": "74", "sulbar": "76", "babel": "19",
    "kepri": "21",
}  # fmt: skip


@lru_cache(maxsize=100_000)  # imports repeat the same few names and labels on every row
def normalise(text: str) -> str:
    """Lower case, single spaces, no punctuation except the prefix forms handled below."""
    text = re.sub(r"\s+", " ", str(text).strip().lower())
    for pattern, replacement in _PREFIXES:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"[.,'’`\-]", " ", text)
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
        for code, row in regions.iterrows():
            full = normalise(row["name"])
            if row["kind"] == "provinsi":
                self.provinces[full] = code
                continue
            for key in (full, _strip_kind(full)):
                self.regencies.setdefault(key, set()).add(code)
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
