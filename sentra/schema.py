"""The data model: tables, columns, units and allowed values (documented in docs/data-model.md)."""

from __future__ import annotations

# Fixed sector list: code → (Bahasa Indonesia, English).
SECTORS: dict[str, tuple[str, str]] = {
    "makanan_minuman": ("Makanan dan minuman", "Food and drink"),
    "tekstil_pakaian": ("Tekstil dan pakaian", "Textiles and apparel"),
    "kulit_alas_kaki": ("Kulit dan alas kaki", "Leather and footwear"),
    "kayu_rotan": ("Kayu dan rotan", "Wood and rattan"),
    "kerajinan": ("Kerajinan", "Crafts"),
    "logam_mesin": ("Logam dan mesin", "Metal and machinery"),
    "pertanian_terpadu": ("Pertanian terpadu", "Integrated agriculture"),
    "pariwisata": ("Pariwisata", "Tourism"),
    "kimia_bahan_bangunan": ("Kimia dan bahan bangunan", "Chemicals and building materials"),
    "lainnya": ("Lainnya", "Other"),
}
KINDS: dict[str, tuple[str, str]] = {
    "sentra": ("Sentra", "Centre"),
    "klaster": ("Klaster", "Cluster"),
}
EXPORT_REACH: dict[str, tuple[str, str]] = {
    "lokal": ("Lokal", "Local"),
    "regional": ("Regional", "Regional"),
    "nasional": ("Nasional", "National"),
    "ekspor": ("Ekspor", "Export"),
}
FOSTERING_BODIES: dict[str, tuple[str, str]] = {
    "kemenperin": ("Kemenperin", "Ministry of Industry"),
    "kemenkop_ukm": ("Kemenkop UKM", "Ministry of Cooperatives and SMEs"),
    "pemda": ("Pemda", "Local government"),
    "bank_indonesia": ("Bank Indonesia", "Bank Indonesia"),
    "lainnya": ("Lainnya", "Other"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "aktif": ("Aktif", "Active"),
    "tidak_aktif": ("Tidak aktif", "Inactive"),
}
DATA_STATUSES: dict[str, tuple[str, str]] = {
    "sumber": ("Bersumber", "Sourced"),
    "ilustratif": ("Ilustratif", "Illustrative"),
}
# Where a stored row came from, set by the store (never read from a file): the bundled data
# or an official's import. Kept apart from the free-text ``source``, which files may carry.
ORIGINS: dict[str, tuple[str, str]] = {
    "bawaan": ("Data bawaan", "Bundled data"),
    "impor": ("Impor", "Imported"),
}
# Centre columns that hold a code from one of the vocabularies above.
CODED_COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "kind": KINDS,
    "sector": SECTORS,
    "export_reach": EXPORT_REACH,
    "fostering_body": FOSTERING_BODIES,
    "status": STATUSES,
    "data_status": DATA_STATUSES,
}
# Stored centre columns shown as labels: the coded ones plus the store's own ``origin``.
LABELLED_COLUMNS = {**CODED_COLUMNS, "origin": ORIGINS}
FUNDING_SOURCES: dict[str, tuple[str, str]] = {
    "APBN": ("APBN", "State budget (APBN)"),
    "DAK": ("DAK", "Special allocation fund (DAK)"),
    "APBD": ("APBD", "Regional budget (APBD)"),
    "lainnya": ("Lainnya", "Other"),
}

# centres: column → DuckDB type. Money in rupiah, counts in units, coordinates WGS84 degrees.
CENTRE_COLUMNS: dict[str, str] = {
    "id": "VARCHAR",
    "name": "VARCHAR",
    "kind": "VARCHAR",
    "sector": "VARCHAR",
    "commodity": "VARCHAR",
    "province_code": "VARCHAR",
    "regency_code": "VARCHAR",
    "kecamatan_code": "VARCHAR",
    "lat": "DOUBLE",
    "lng": "DOUBLE",
    "enterprises": "INTEGER",
    "workers": "INTEGER",
    "turnover_rp": "DOUBLE",
    "export_reach": "VARCHAR",
    "export_destinations": "VARCHAR",
    "fostering_body": "VARCHAR",
    "status": "VARCHAR",
    "year_established": "INTEGER",
    "source": "VARCHAR",
    "data_status": "VARCHAR",
}
STORED_CENTRE_COLUMNS: dict[str, str] = {**CENTRE_COLUMNS, "origin": "VARCHAR"}

BUDGET_COLUMNS: dict[str, str] = {
    "centre_id": "VARCHAR",  # empty for an allocation to a region as a whole
    "region_code": "VARCHAR",  # province (33) or regency (33.26) code
    "year": "INTEGER",
    "funding_source": "VARCHAR",
    "programme": "VARCHAR",
    "amount_rp": "DOUBLE",
    "source": "VARCHAR",
    "data_status": "VARCHAR",
}

INDICATOR_COLUMNS: dict[str, str] = {
    "region_code": "VARCHAR",  # '' for national
    "centre_id": "VARCHAR",
    "year": "INTEGER",
    "indicator": "VARCHAR",
    "value": "DOUBLE",
    "unit": "VARCHAR",
    "source": "VARCHAR",
    "data_status": "VARCHAR",
}
# Copies of ../shared/data: published figures with their sources, and BPS 2024 sentra counts.
FACT_COLUMNS: dict[str, str] = {
    "fact_id": "VARCHAR",
    "year": "INTEGER",
    "scope": "VARCHAR",
    "region_code": "VARCHAR",
    "indicator": "VARCHAR",
    "value": "VARCHAR",
    "unit": "VARCHAR",
    "source": "VARCHAR",
}
BPS_2024_COLUMNS: dict[str, str] = {
    "province_code": "VARCHAR",
    "province_name": "VARCHAR",
    "year": "INTEGER",
    "sentra_industri": "INTEGER",
}
# Regional tables imported by officials as named indicators (one figure per region and
# year). Each import is a new version of its indicator (same key); the newest is shown.
REGIONAL_INDICATOR_COLUMNS: dict[str, str] = {
    "indicator_version": "INTEGER",  # unique over all regional indicators
    "key": "VARCHAR",  # from the name, e.g. 'jumlah_sentra_ikm'
    "name": "VARCHAR",  # as the official named it
    "unit": "VARCHAR",  # free text: 'unit', 'Rp', '%', 'orang'
    "source": "VARCHAR",  # required: where the figures come from
    "level": "VARCHAR",  # 'province' or 'regency'
    "data_status": "VARCHAR",  # 'sumber' or 'ilustratif'
    "created_at": "TIMESTAMP",
    "label": "VARCHAR",  # the file it came from
    "rows": "INTEGER",
    "account": "VARCHAR",  # who imported it (None: the command line or a test)
}
REGIONAL_VALUE_COLUMNS: dict[str, str] = {
    "indicator_version": "INTEGER",
    "region_code": "VARCHAR",
    "year": "INTEGER",
    "value": "DOUBLE",  # in the indicator's unit; a region without a row has no data
}


# What ``sentra.aggregate.mix`` counts a missing value as, in a chart or a table.
NOT_KNOWN = "–"
_NOT_KNOWN_LABEL = ("Tidak diketahui", "Not known")


def label(vocabulary: dict[str, tuple[str, ...]], code: str, lang: str) -> str:
    """Display label of a code in a vocabulary; "not known" for ``NOT_KNOWN``; the code
    itself when unknown."""
    entry = _NOT_KNOWN_LABEL if code == NOT_KNOWN else vocabulary.get(code)
    if entry is None:
        return code
    return entry[1] if lang == "en" else entry[0]
