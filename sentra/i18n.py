"""The one translation table: every label on screen, in Bahasa Indonesia and English."""

from __future__ import annotations

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

_TEXT: dict[str, dict[str, str]] = {
    "app_title": {"id": "Peta Sentra & Klaster", "en": "Centres & Clusters Map"},
    "page_map": {"id": "Peta", "en": "Map"},
    "language": {"id": "Bahasa", "en": "Language"},
    "basemap": {"id": "Peta dasar", "en": "Basemap"},
    "basemap_none": {"id": "Tanpa peta dasar (luring)", "en": "None (offline)"},
    "basemap_osm": {"id": "OpenStreetMap (perlu internet)", "en": "OpenStreetMap (needs internet)"},
    "basemap_positron": {
        "id": "CARTO Positron (perlu internet)",
        "en": "CARTO Positron (needs internet)",
    },
    "indonesia": {"id": "Indonesia", "en": "Indonesia"},
    "back_to_indonesia": {"id": "← Kembali ke Indonesia", "en": "← Back to Indonesia"},
    "click_hint_national": {
        "id": "Klik sebuah provinsi untuk melihat kabupaten/kotanya.",
        "en": "Click a province to see its regencies and cities.",
    },
    "click_hint_province": {
        "id": "Klik sebuah kabupaten/kota untuk memilihnya.",
        "en": "Click a regency or city to select it.",
    },
    "regions_in": {"id": "{n} kabupaten/kota", "en": "{n} regencies/cities"},
    "area": {"id": "Luas", "en": "Area"},
    "selected": {"id": "Terpilih", "en": "Selected"},
    "kind_provinsi": {"id": "Provinsi", "en": "Province"},
    "kind_kabupaten": {"id": "Kabupaten", "en": "Regency"},
    "kind_kota": {"id": "Kota", "en": "City"},
    "unknown_region": {
        "id": "Wilayah '{code}' dari tautan tidak dikenal; menampilkan seluruh Indonesia.",
        "en": "Region '{code}' from the link is unknown; showing all of Indonesia.",
    },
    "boundaries_failed": {
        "id": "Batas wilayah tidak dapat dimuat.",
        "en": "The boundaries could not be loaded.",
    },
    "boundary_credit": {
        "id": "Batas wilayah: cahyadsn/wilayah_boundaries (Lisensi MIT), Kepmendagri 100.1.1-6117/2022.",
        "en": "Boundaries: cahyadsn/wilayah_boundaries (MIT licence), Kepmendagri 100.1.1-6117/2022.",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label ``key`` in ``lang`` (Indonesian when missing), with ``{placeholders}`` filled."""
    entry = _TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
