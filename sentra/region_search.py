"""Finding a region by any part of its name: "pekalongan" finds Kabupaten and Kota
Pekalongan and the kecamatan Pekalongan Barat, Timur, Utara and Selatan.

Pure: a table of regions in (index: code; ``name``, ``kind``), codes out.
"""

from __future__ import annotations

import re

import pandas as pd

LEVEL_ORDER = {"provinsi": 0, "kabupaten": 1, "kota": 1, "kecamatan": 2}
_PREFIX = re.compile(r"^(kabupaten|kab\.?|kota|kec\.?|kecamatan|provinsi|prov\.?)\s+")
_PUNCT = re.compile(r"[^\w]+")
_KIND_OF_PREFIX = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kota": "kota",
    "kec": "kecamatan",
    "kecamatan": "kecamatan",
    "provinsi": "provinsi",
    "prov": "provinsi",
}


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces ("Kab. Pekalongan" → "kab pekalongan")."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _bare(text: str) -> str:
    return _PREFIX.sub("", text.lower().strip()).strip()


def find(regions: pd.DataFrame, text: str, limit: int = 12) -> list[str]:
    """Codes of the regions whose name holds ``text`` (with or without "Kab."/"Kota"/"Kec.";
    typed, such a prefix keeps regions of that kind when there are any), exact names first,
    then names that start with it, provinces before regencies before kecamatan, then by
    name."""
    query = normalise(_bare(text))
    if not query:
        return []
    full = regions["name"].map(normalise)
    bare = regions["name"].map(lambda n: normalise(_bare(n)))
    typed = normalise(text)
    hit = full.str.contains(typed, regex=False) | bare.str.contains(query, regex=False)
    prefix = _PREFIX.match(text.lower().strip())
    kind = _KIND_OF_PREFIX.get(prefix[1].rstrip(".")) if prefix else None
    if kind and (hit & (regions["kind"] == kind)).any():
        hit &= regions["kind"] == kind
    found = regions[hit]
    if found.empty:
        return []
    rank = pd.DataFrame(
        {
            "exact": ~((full[hit] == typed) | (bare[hit] == query)),
            "starts": ~bare[hit].str.startswith(query),
            "level": found["kind"].map(LEVEL_ORDER).fillna(3),
            "name": found["name"],
        }
    )
    return list(rank.sort_values(["exact", "starts", "level", "name"]).index[:limit])


def labels(regions: pd.DataFrame, kecamatan_prefix: str) -> dict[str, str]:
    """Each region's name with its parent, as the search box lists it: "Jawa Tengah",
    "Kab. Pekalongan · Jawa Tengah", "Kec. Buaran · Kab. Pekalongan" (``kecamatan_prefix``:
    "Kec. {name}" in the reader's language)."""
    names = regions["name"].str.replace("Kabupaten ", "Kab. ", regex=False)
    out = {}
    for code, kind, name in zip(regions.index, regions["kind"], names, strict=True):
        if kind == "provinsi":
            out[code] = name
        elif kind == "kecamatan":
            out[code] = f"{kecamatan_prefix.format(name=name)} · {names.get(code[:5], '')}"
        else:
            out[code] = f"{name} · {names.get(code[:2], '')}"
    return out


def options(regions: pd.DataFrame, province: str | None) -> list[str]:
    """What the box lists: every province and regency/city, and the kecamatan of
    ``province`` (all 7,285 kecamatan would add ~250 KB to every rerun; others are found
    by typing their name, ``find``)."""
    kind = regions["kind"]
    shown = kind.isin(["provinsi", "kabupaten", "kota"])
    if province:
        shown |= (kind == "kecamatan") & regions.index.str.startswith(province + ".")
    chosen = regions[shown]
    order = chosen.assign(level=chosen["kind"].map(LEVEL_ORDER)).sort_values(["level", "name"])
    return list(order.index)
