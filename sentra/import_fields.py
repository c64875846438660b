"""The fields an import fills and the column headers officials use for them."""

from __future__ import annotations

import re
from functools import lru_cache

# Import fields: schema columns, except that regions arrive as text (name or code).
FIELDS = [
    "id",
    "name",
    "kind",
    "sector",
    "commodity",
    "province",
    "regency",
    "regency_code",
    "kecamatan",
    "desa",
    "lat",
    "lng",
    "enterprises",
    "workers",
    "turnover_rp",
    "export_reach",
    "export_destinations",
    "fostering_body",
    "status",
    "year_established",
    "source",
    "data_status",
]
# A centre needs a name and a regency, written as a name or as a code.
REQUIRED = ("name",)
REGENCY_FIELDS = ("regency", "regency_code")
NUMBER_FIELDS = ("lat", "lng", "enterprises", "workers", "turnover_rp", "year_established")
SYNONYMS: dict[str, list[str]] = {
    "id": ["id", "id sentra", "kode sentra", "no id", "kode"],
    "name": [
        "nama sentra",
        "nama klaster",
        "nama sentra klaster",
        "nama",
        "name",
        "sentra",
        "nama sentra ikm",
        "nama kelompok",
        "nama sentra ikm klaster",
        "nama sentra umkm",
    ],
    "kind": ["jenis", "tipe", "kind", "sentra klaster", "jenis sentra"],
    "sector": [
        "sektor",
        "bidang",
        "subsektor",
        "sector",
        "bidang usaha",
        "kelompok industri",
        "cabang industri",
    ],
    "commodity": [
        "komoditas",
        "komoditi",
        "produk",
        "produk unggulan",
        "commodity",
        "product",
        "jenis produk",
        "komoditas produk",
    ],
    "province": ["provinsi", "prov", "province", "nama provinsi"],
    "regency": [
        "kab kota",
        "kabupaten kota",
        "kabupaten",
        "kota",
        "kab",
        "regency",
        "city",
        "wilayah",
        "nama kabupaten kota",
        "nama kab kota",
        "kabupaten kotamadya",
        "kab kodya",
        "regency city",
        "lokasi kab kota",
    ],
    "regency_code": [
        "kode kab kota",
        "kode kabupaten kota",
        "kode wilayah",
        "kode kemendagri",
        "kode bps",
        "kode kab",
        "kode kabupaten",
        "kode kota",
        "regency code",
        "kode dagri",
        "kode bps kab kota",
        "kode wilayah bps",
        "kabupaten kota kode",
    ],
    "kecamatan": [
        "kecamatan",
        "kec",
        "nama kecamatan",
        "kapanewon",
        "kemantren",
        "distrik",
        "district",
        "lokasi kecamatan",
        "kode kecamatan",
        "kecamatan code",
    ],
    "desa": [
        "desa",
        "kelurahan",
        "desa kelurahan",
        "kelurahan desa",
        "desa kel",
        "kel desa",
        "nama desa",
        "village",
    ],
    "lat": ["lat", "latitude", "lintang", "koordinat lintang", "koordinat y", "y"],
    "lng": ["lng", "lon", "long", "longitude", "bujur", "koordinat bujur", "koordinat x", "x"],
    "enterprises": [
        "jumlah unit usaha",
        "unit usaha",
        "jumlah ukm",
        "jumlah ikm",
        "jumlah usaha",
        "jumlah umkm",
        "enterprises",
        "jumlah pelaku usaha",
        "jumlah unit",
        "jumlah anggota",
        "jumlah perajin",
        "jumlah pengrajin",
    ],
    "workers": [
        "tenaga kerja",
        "jumlah tenaga kerja",
        "tk",
        "pekerja",
        "workers",
        "jumlah pekerja",
        "jumlah tk",
        "penyerapan tenaga kerja",
    ],
    "turnover_rp": [
        "omzet",
        "omset",
        "omzet per tahun",
        "omzet tahunan",
        "nilai produksi",
        "turnover",
        "omzet rp",
        "turnover rp",
        "nilai penjualan",
        "omzet rp tahun",
    ],
    "export_reach": [
        "jangkauan pasar",
        "pemasaran",
        "pasar",
        "jangkauan",
        "export reach",
        "wilayah pemasaran",
        "daerah pemasaran",
        "tujuan pemasaran",
        "jangkauan pemasaran",
    ],
    "export_destinations": [
        "negara tujuan",
        "tujuan ekspor",
        "negara tujuan ekspor",
        "destinations",
        "export destinations",
    ],
    "fostering_body": ["pembina", "instansi pembina", "lembaga pembina", "fostering body"],
    "status": ["status", "status aktif", "keaktifan"],
    "year_established": [
        "tahun berdiri",
        "berdiri",
        "tahun",
        "year established",
        "tahun pembentukan",
    ],
    "source": ["sumber", "sumber data", "source", "keterangan sumber"],
    "data_status": ["status data", "data status"],
}
_FIELD_OF = {synonym: f for f in FIELDS for synonym in SYNONYMS[f]}


@lru_cache(maxsize=4096)
def header_key(header: str) -> str:
    """'Omzet (Rp/tahun)' → 'omzet': lower case, no brackets' content, words only."""
    text = re.sub(r"\(.*?\)", " ", str(header).lower())
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def header_field(header: str) -> str | None:
    """The field a column header names, if it is one officials use."""
    key = header_key(header)
    if key in _FIELD_OF:
        return _FIELD_OF[key]
    whole = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", str(header).lower())).strip()
    return _FIELD_OF.get(whole)


def suggest_mapping(columns: list[str]) -> dict[str, str | None]:
    """Field → the file's column that most likely holds it (None when nothing fits)."""
    keys = {column: header_key(column) for column in columns}
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for fieldname in FIELDS:
        choice = None
        for synonym in SYNONYMS[fieldname]:
            choice = next((c for c, k in keys.items() if c not in used and k == synonym), None)
            if choice:
                break
        mapping[fieldname] = choice
        if choice:
            used.add(choice)
    return mapping


def missing_fields(mapping: dict[str, str | None]) -> list[str]:
    """Required fields the mapping leaves empty (the regency as one field: name or code)."""
    missing = [f for f in REQUIRED if not mapping.get(f)]
    if not any(mapping.get(f) for f in REGENCY_FIELDS):
        missing.append("regency")
    return missing


# Centre columns an import field fills, where the names differ.
_COLUMNS_OF = {
    "province": ("province_code",),
    "regency": ("regency_code", "province_code"),
    "regency_code": ("regency_code", "province_code"),
    "kecamatan": ("kecamatan_code",),
    "desa": ("kecamatan_code",),
}


def provided_columns(mapping: dict[str, str | None]) -> set[str]:
    """The centre columns a file's mapped fields give values for (the rest of a matched
    centre stays as stored)."""
    columns: set[str] = set()
    for field, column in mapping.items():
        if column:
            columns.update(_COLUMNS_OF.get(field, (field,)))
    return columns
