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
    # -- import: files --
    "file_bad_extension": {
        "id": "Format berkas '{ext}' tidak didukung. Gunakan {allowed}.",
        "en": "File type '{ext}' is not supported. Use {allowed}.",
    },
    "file_old_excel": {
        "id": "Berkas .xls (Excel lama) tidak didukung: simpan ulang sebagai .xlsx.",
        "en": "Old Excel .xls files are not supported: save as .xlsx.",
    },
    "file_too_large": {
        "id": "Berkas lebih besar dari batas {mb} MB. Bagi menjadi beberapa berkas.",
        "en": "The file is larger than the {mb} MB limit. Split it into several files.",
    },
    "file_empty": {"id": "Berkas kosong.", "en": "The file is empty."},
    "file_no_rows": {"id": "Berkas tidak memuat baris data.", "en": "The file holds no data rows."},
    "file_not_text": {
        "id": "Berkas ini bukan teks CSV yang dapat dibaca.",
        "en": "This file is not readable CSV text.",
    },
    "file_bad_csv": {
        "id": "CSV tidak dapat dibaca: {detail}",
        "en": "The CSV could not be read: {detail}",
    },
    "file_bad_xlsx": {
        "id": "Berkas Excel rusak atau terpotong; buka dan simpan ulang di Excel.",
        "en": "The Excel file is damaged or truncated; open and save it again in Excel.",
    },
    "file_bad_json": {
        "id": "GeoJSON tidak valid (kesalahan di baris {line}).",
        "en": "Invalid GeoJSON (error on line {line}).",
    },
    "file_not_geojson": {
        "id": "JSON ini bukan FeatureCollection GeoJSON.",
        "en": "This JSON is not a GeoJSON FeatureCollection.",
    },
    "file_missing_columns": {
        "id": "Kolom wajib belum dipetakan: {fields}.",
        "en": "Required columns are not mapped: {fields}.",
    },
    # -- import: rows --
    "v_missing": {"id": "{field} wajib diisi.", "en": "{field} is required."},
    "v_duplicate_id": {
        "id": "ID '{id}' ganda (sudah ada di baris {first}).",
        "en": "Duplicate id '{id}' (already in row {first}).",
    },
    "v_unknown_province": {
        "id": "Provinsi '{value}' tidak dikenal.",
        "en": "Unknown province '{value}'.",
    },
    "v_unknown_region": {
        "id": "Wilayah '{value}' tidak dikenal.",
        "en": "Unknown region '{value}'.",
    },
    "v_ambiguous_region": {
        "id": "'{value}' bisa berarti {candidates}; tulis 'Kab.'/'Kota' atau kodenya.",
        "en": "'{value}' may mean {candidates}; write 'Kab.'/'Kota' or the code.",
    },
    "v_region_not_in_province": {
        "id": "'{value}' tidak berada di provinsi '{province}'.",
        "en": "'{value}' is not in province '{province}'.",
    },
    "v_unknown_sector": {
        "id": "Sektor '{value}' tidak dikenal; dicatat sebagai Lainnya.",
        "en": "Unknown sector '{value}'; recorded as Other.",
    },
    "v_bad_value": {
        "id": "Nilai '{value}' tidak sah untuk {field}.",
        "en": "'{value}' is not a valid {field}.",
    },
    "v_not_number": {
        "id": "{field} '{value}' bukan angka.",
        "en": "{field} '{value}' is not a number.",
    },
    "v_negative": {
        "id": "{field} tidak boleh negatif ({value}).",
        "en": "{field} cannot be negative ({value}).",
    },
    "v_absurd": {
        "id": "{field} {value} tidak masuk akal untuk satu sentra.",
        "en": "{field} {value} is implausible for one centre.",
    },
    "v_bad_year": {
        "id": "Tahun berdiri '{value}' tidak masuk akal.",
        "en": "Year established '{value}' is implausible.",
    },
    "v_bad_coordinates": {
        "id": "Koordinat tidak lengkap atau tidak terbaca ({lat}, {lng}).",
        "en": "Coordinates incomplete or unreadable ({lat}, {lng}).",
    },
    "v_swapped_coordinates": {
        "id": "Koordinat ({lat}, {lng}) tampak tertukar: lintang dulu, lalu bujur.",
        "en": "Coordinates ({lat}, {lng}) look swapped: latitude first, then longitude.",
    },
    "v_outside_indonesia": {
        "id": "Koordinat ({lat}, {lng}) berada di luar Indonesia.",
        "en": "Coordinates ({lat}, {lng}) lie outside Indonesia.",
    },
    "v_outside_regency": {
        "id": "Koordinat berada {km} km di luar wilayah {region}.",
        "en": "Coordinates lie {km} km outside region {region}.",
    },
    # -- field names --
    "field_id": {"id": "ID", "en": "Id"},
    "field_name": {"id": "Nama", "en": "Name"},
    "field_kind": {"id": "Jenis", "en": "Kind"},
    "field_sector": {"id": "Sektor", "en": "Sector"},
    "field_commodity": {"id": "Komoditas", "en": "Commodity"},
    "field_province": {"id": "Provinsi", "en": "Province"},
    "field_regency": {"id": "Kab/Kota", "en": "Regency/city"},
    "field_lat": {"id": "Lintang", "en": "Latitude"},
    "field_lng": {"id": "Bujur", "en": "Longitude"},
    "field_enterprises": {"id": "Unit usaha", "en": "Enterprises"},
    "field_workers": {"id": "Tenaga kerja", "en": "Workers"},
    "field_turnover_rp": {"id": "Omzet (Rp/tahun)", "en": "Turnover (Rp/year)"},
    "field_export_reach": {"id": "Jangkauan pasar", "en": "Market reach"},
    "field_export_destinations": {"id": "Negara tujuan ekspor", "en": "Export destinations"},
    "field_fostering_body": {"id": "Pembina", "en": "Fostering body"},
    "field_status": {"id": "Status", "en": "Status"},
    "field_year_established": {"id": "Tahun berdiri", "en": "Year established"},
    "field_source": {"id": "Sumber", "en": "Source"},
    "field_data_status": {"id": "Status data", "en": "Data status"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label ``key`` in ``lang`` (Indonesian when missing), with ``{placeholders}`` filled."""
    entry = _TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def describe(messages: list[tuple[str, dict]], lang: str) -> str:
    """A validation report cell: each (key, params) message rendered, field names translated."""
    parts = []
    for key, params in messages:
        shown = dict(params)
        if "field" in shown:
            shown["field"] = t(f"field_{shown['field']}", lang)
        parts.append(t(key, lang, **shown))
    return " ".join(parts)
