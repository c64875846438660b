"""A tiny stand-in for the real sources (../shared), written in their own file formats.

Six provinces (Java, Banten, Bali) with sixteen regencies/cities drawn as rectangles near where they
really are, each cut into kecamatan cells, and a matching 2025-style code list with
population and area. Codes and names are the real ones; the shapes and numbers are not.
The real loaders read it unchanged: ``synthetic_sources`` points them at these files (and
at their own SHA256SUMS) for as long as it is active, with a cache of its own.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import shapely

PROVINCES = {
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "Daerah Istimewa Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
}
# The source's province files group provinces (Java in prov_3, Banten and Bali in prov_4).
PROVINCE_FILES = {"3": ["32", "33", "34", "35"], "4": ["36", "51"]}
PEKALONGAN_KECAMATAN = [
    "Kandangserang",
    "Paninggaran",
    "Lebakbarang",
    "Petungkriyono",
    "Talun",
    "Doro",
    "Karanganyar",
    "Kajen",
    "Kesesi",
    "Sragi",
    "Bojong",
    "Wonopringgo",
    "Kedungwuni",
    "Buaran",
    "Tirto",
    "Wiradesa",
    "Siwalan",
    "Karangdadap",
    "Wonokerto",
]
# code → name, (west, south, east, north) in degrees, kecamatan (code suffix, name).
REGENCIES = {
    "32.09": (
        "Kabupaten Cirebon",
        (108.30, -6.90, 108.70, -6.60),
        [("01", "Waled"), ("14", "Talun")],
    ),
    "33.01": (
        "Kabupaten Cilacap",
        (108.60, -7.80, 109.00, -7.60),
        [("01", "Kedungreja"), ("21", "Cilacap Selatan")],
    ),
    "33.02": (
        "Kabupaten Banyumas",
        (109.00, -7.60, 109.40, -7.30),
        [("01", "Lumbir"), ("02", "Wangon"), ("17", "Cilongok")],
    ),
    "33.08": (
        "Kabupaten Magelang",
        (110.00, -7.50, 110.30, -7.40),
        [("01", "Salaman"), ("02", "Borobudur")],
    ),
    "33.21": (
        "Kabupaten Demak",
        (110.50, -7.00, 110.80, -6.80),
        [("01", "Mranggen"), ("11", "Demak")],
    ),
    "33.23": (
        "Kabupaten Temanggung",
        (110.00, -7.40, 110.30, -7.10),
        [("01", "Bulu"), ("03", "Temanggung")],
    ),
    "33.26": (
        "Kabupaten Pekalongan",
        (109.40, -7.25, 109.80, -6.90),
        [(f"{i:02d}", name) for i, name in enumerate(PEKALONGAN_KECAMATAN, start=1)],
    ),
    "33.71": (
        "Kota Magelang",
        (110.30, -7.50, 110.40, -7.40),
        [("01", "Magelang Selatan"), ("02", "Magelang Utara")],
    ),
    "33.72": (
        "Kota Surakarta",
        (110.77, -7.60, 110.87, -7.53),
        [("01", "Laweyan"), ("03", "Pasar Kliwon")],
    ),
    "33.75": (
        "Kota Pekalongan",
        (109.62, -6.90, 109.72, -6.84),
        [("01", "Pekalongan Barat"), ("02", "Pekalongan Timur"), ("03", "Pekalongan Utara")],
    ),
    "34.02": (
        "Kabupaten Bantul",
        (110.10, -8.20, 110.60, -7.84),
        [("01", "Srandakan"), ("03", "Kretek")],
    ),
    "34.04": (
        "Kabupaten Sleman",
        (110.10, -7.74, 110.60, -7.50),
        [("01", "Gamping"), ("02", "Godean")],
    ),
    "34.71": (
        "Kota Yogyakarta",
        (110.34, -7.84, 110.44, -7.74),
        [("01", "Tegalrejo"), ("02", "Jetis")],
    ),
    "35.78": (
        "Kota Surabaya",
        (112.60, -7.35, 112.85, -7.20),
        [("01", "Karang Pilang"), ("03", "Rungkut")],
    ),
    "36.71": (
        "Kota Tangerang",
        (106.55, -6.25, 106.70, -6.12),
        [("01", "Tangerang"), ("05", "Cipondoh")],
    ),
    "51.71": (
        "Kota Denpasar",
        (115.15, -8.75, 115.28, -8.60),
        [("01", "Denpasar Selatan"), ("03", "Denpasar Barat")],
    ),
}
DESA = {"33.26.14.1008": "Simbangkulon", "33.26.14.2007": "Simbangwetan"}
KECAMATAN_COUNT = sum(len(kecamatan) for _, _, kecamatan in REGENCIES.values())


def kecamatan_boxes() -> Iterator[tuple[str, str, tuple[float, float, float, float]]]:
    """(code, name, box) of every kecamatan: its regency cut into a grid of cells, the last
    cell of a short last row reaching the east edge."""
    for code, (_, (west, south, east, north), kecamatan) in REGENCIES.items():
        cols = math.ceil(math.sqrt(len(kecamatan)))
        rows = math.ceil(len(kecamatan) / cols)
        width, height = (east - west) / cols, (north - south) / rows
        for i, (suffix, name) in enumerate(kecamatan):
            col, row = i % cols, i // cols
            right = east if i == len(kecamatan) - 1 else west + (col + 1) * width
            box = (west + col * width, north - (row + 1) * height, right, north - row * height)
            yield f"{code}.{suffix}", name, box


def _path(geometry: shapely.Geometry) -> str:
    """The source's ``path``: a MultiPolygon as polygons of rings of [lat, lng] points."""
    polygons = getattr(geometry, "geoms", [geometry])
    return json.dumps(
        [
            [[[round(y, 6), round(x, 6)] for x, y in ring.coords]]
            for ring in (polygon.exterior for polygon in polygons)
        ],
        separators=(",", ":"),
    )


def _boundary_rows(rows: list[tuple[str, str, shapely.Geometry]]) -> str:
    values = []
    for code, name, shape in rows:
        label = shape.representative_point()
        # Spacing inside a row varies in the real files: so it does here.
        values.append(f"('{code}','{name}',{label.y},{label.x}, '{_path(shape)}')")
    return (
        "/*\n synthetic test data in the format of cahyadsn/wilayah_boundaries\n*/\n"
        "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n"
        + ",\n".join(values)
        + ";\n"
    )


def _sums(folder: Path) -> Path:
    """SHA256SUMS of every file under ``folder/db`` (paths relative to db/), as the real
    folders carry; the loaders check each file against it."""
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(folder / 'db')}"
        for path in sorted((folder / "db").rglob("*.sql"))
    ]
    sums = folder / "SHA256SUMS"
    sums.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sums


def write_boundaries(folder: Path) -> Path:
    """The boundary source: prov/, kab/ and kec/ files; returns its SHA256SUMS."""
    boxes = {code: shapely.box(*box) for code, (_, box, _) in REGENCIES.items()}
    provinces = [
        (code, name, shapely.union_all([b for c, b in boxes.items() if c[:2] == code]))
        for code, name in PROVINCES.items()
    ]
    files = {
        f"prov/wilayah_boundaries_prov_{number}.sql": [p for p in provinces if p[0] in members]
        for number, members in PROVINCE_FILES.items()
    }
    for province in PROVINCES:
        files[f"kab/wilayah_boundaries_kab_{province}.sql"] = [
            (code, name, boxes[code])
            for code, (name, _, _) in REGENCIES.items()
            if code[:2] == province
        ]
        files[f"kec/wilayah_boundaries_kec_{province}.sql"] = [
            (code, name, shapely.box(*box))
            for code, name, box in kecamatan_boxes()
            if code[:2] == province
        ]
    for rel, rows in files.items():
        path = folder / "db" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_boundary_rows(rows), encoding="utf-8")
    return _sums(folder)


def population_of(code: str) -> tuple[int, int]:
    """Made-up (male, female) for a regency, the same on every run."""
    seed = int(code.replace(".", ""))
    return 100_000 + seed % 9_973 * 31, 100_500 + seed % 7_919 * 37


def write_codes(folder: Path) -> Path:
    """The code list (four levels), population and area files; returns its SHA256SUMS."""
    codes = [
        *PROVINCES.items(),
        *((code, name) for code, (name, _, _) in REGENCIES.items()),
        *((code, name) for code, name, _ in kecamatan_boxes()),
        *DESA.items(),
    ]
    people = {code: population_of(code) for code in REGENCIES}
    for province in PROVINCES:
        members = [v for c, v in people.items() if c[:2] == province]
        people[province] = (sum(m for m, _ in members), sum(f for _, f in members))
    people = dict(sorted(people.items()))
    total = [sum(v[0] for c, v in people.items() if "." not in c)]
    total.append(sum(v[1] for c, v in people.items() if "." not in c))
    names = dict(codes)

    def literal(text: str) -> str:
        return "'" + text.replace("'", "\\'") + "'"

    wilayah = ",\n".join(f"({literal(c)},{literal(n)})" for c, n in codes)
    penduduk = ",\n".join(
        [f"('0','INDONESIA','{total[0]}','{total[1]}','{sum(total)}')"]
        + [
            f"({literal(c)},{literal(names[c])},'{m}','{f}','{m + f}')"
            for c, (m, f) in people.items()
        ]
    )
    # The area file writes codes as numbers (31.0 is 31, 11.1 is 11.10), as the real one.
    luas = ",\n".join(
        f"({c if '.' in c else c + '.0'},{literal(names[c])},{round(1000 + i * 12.5, 3)})"
        for i, c in enumerate(people)
    )
    files = {
        "wilayah.sql": "-- synthetic\nINSERT INTO wilayah (kode, nama) VALUES\n" + wilayah + ";\n",
        "wilayah_penduduk.sql": "INSERT INTO wilayah_penduduk(kode, nama, pria, wanita, total) "
        "VALUES\n" + penduduk + ";\n",
        "wilayah_luas.sql": "INSERT INTO wilayah_luas(kode,nama,luas) VALUES\n" + luas + ";\n",
    }
    for rel, text in files.items():
        path = folder / "db" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return _sums(folder)


@dataclass(frozen=True)
class SyntheticSources:
    boundaries: Path  # a folder like ../shared/geodata/wilayah_boundaries
    codes: Path  # a folder like ../shared/geodata/wilayah_codes
    cache: Path  # the loaders' cache while the synthetic sources are active

    @classmethod
    def write(cls, folder: Path) -> SyntheticSources:
        write_boundaries(folder / "wilayah_boundaries")
        write_codes(folder / "wilayah_codes")
        return cls(folder / "wilayah_boundaries", folder / "wilayah_codes", folder / "cache")


@contextmanager
def synthetic_sources(sources: SyntheticSources) -> Iterator[SyntheticSources]:
    """While active, the loaders read the synthetic files, checked against their own
    SHA256SUMS, and cache what they derive in ``sources.cache``; afterwards the real
    sources (and a fresh in-memory code list) are back."""
    from loaders import boundary_source, wilayah_codes

    wilayah_codes._tables.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            boundary_source,
            "SOURCE",
            replace(boundary_source.SOURCE, sums_file=sources.boundaries / "SHA256SUMS"),
        )
        patch.setattr(
            wilayah_codes,
            "SOURCE",
            replace(wilayah_codes.SOURCE, sums_file=sources.codes / "SHA256SUMS"),
        )
        patch.setenv(boundary_source.ENV_DIR, str(sources.boundaries))
        patch.setenv(wilayah_codes.ENV_DIR, str(sources.codes))
        patch.setenv("SENTRA_CACHE_DIR", str(sources.cache))
        try:
            yield sources
        finally:
            wilayah_codes._tables.cache_clear()
