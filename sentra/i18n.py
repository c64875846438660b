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
    "url_value_ignored": {
        "id": "Nilai '{value}' untuk '{key}' di tautan tidak dikenal dan diabaikan.",
        "en": "Value '{value}' for '{key}' in the link is unknown and was ignored.",
    },
    "boundaries_failed": {
        "id": "Batas wilayah tidak dapat dimuat.",
        "en": "The boundaries could not be loaded.",
    },
    "map_attribution": {"id": "Batas wilayah: {link} (MIT)", "en": "Boundaries: {link} (MIT)"},
    "boundary_credit": {
        "id": "Batas wilayah: cahyadsn/wilayah_boundaries (Lisensi MIT), Kepmendagri 100.1.1-6117/2022.",
        "en": "Boundaries: cahyadsn/wilayah_boundaries (MIT licence), Kepmendagri 100.1.1-6117/2022.",
    },
    # -- navigation and shared chrome --
    "page_profile": {"id": "Profil wilayah", "en": "Region profile"},
    "page_compare": {"id": "Bandingkan", "en": "Compare"},
    "page_sectors": {"id": "Sektor", "en": "Sectors"},
    "page_budget": {"id": "Anggaran & pertumbuhan", "en": "Budget & growth"},
    "page_data": {"id": "Data", "en": "Data"},
    "page_about": {"id": "Tentang", "en": "About"},
    "filters": {"id": "Filter", "en": "Filters"},
    "f_kind": {"id": "Jenis", "en": "Kind"},
    "f_sector": {"id": "Sektor", "en": "Sector"},
    "f_commodity": {"id": "Cari komoditas atau nama", "en": "Search commodity or name"},
    "f_text_hint": {"id": "mis. batik, rotan", "en": "e.g. batik, rattan"},
    "f_reach": {"id": "Jangkauan pasar", "en": "Market reach"},
    "f_body": {"id": "Pembina", "en": "Fostering body"},
    "f_status": {"id": "Status", "en": "Status"},
    "f_years": {"id": "Tahun anggaran & pertumbuhan", "en": "Budget & growth years"},
    "f_data_status": {"id": "Status data", "en": "Data status"},
    "f_all": {"id": "Semua", "en": "All"},
    "f_reset": {"id": "Atur ulang filter", "en": "Reset filters"},
    "presentation": {"id": "Mode presentasi", "en": "Presentation mode"},
    "presentation_exit": {"id": "Keluar dari mode presentasi", "en": "Leave presentation mode"},
    "metric": {"id": "Ukuran di peta", "en": "Map measure"},
    "view_settings": {"id": "Wilayah, ukuran dan peta dasar", "en": "Region, measure and basemap"},
    "m_sentra": {"id": "Jumlah sentra", "en": "Number of centres"},
    "m_klaster": {"id": "Jumlah klaster", "en": "Number of clusters"},
    "m_enterprises": {"id": "Unit usaha", "en": "Enterprises"},
    "m_workers": {"id": "Tenaga kerja", "en": "Workers"},
    "m_budget_rp": {"id": "Anggaran ke sentra (Rp)", "en": "Budget to centres (Rp)"},
    "m_growth_pct": {
        "id": "Pertumbuhan output IMK rata-rata (%)",
        "en": "Average small-industry output growth (%)",
    },
    "m_export_share": {"id": "Sentra yang mengekspor (%)", "en": "Centres exporting (%)"},
    "m_density": {"id": "Kepadatan (per 1.000 km²)", "en": "Density (per 1,000 km²)"},
    "legend_zero": {"id": "Nol", "en": "Zero"},
    "legend_no_data": {"id": "Tidak ada data", "en": "No data"},
    "no_data_tooltip": {
        "id": "Tidak ada data BPS 2024 · {n} tercatat",
        "en": "No BPS 2024 data · {n} recorded",
    },
    "unit_centres": {"id": "sentra/klaster", "en": "centres/clusters"},
    "unit_units": {"id": "unit", "en": "units"},
    "unit_people": {"id": "orang", "en": "people"},
    "unit_density": {"id": "per 1.000 km²", "en": "per 1,000 km²"},
    "h_sentra": {"id": "Sentra", "en": "Centres"},
    "h_klaster": {"id": "Klaster", "en": "Clusters"},
    "h_enterprises": {"id": "Unit usaha", "en": "Enterprises"},
    "h_workers": {"id": "Tenaga kerja", "en": "Workers"},
    "h_budget": {"id": "Anggaran {y0}–{y1}", "en": "Budget {y0}–{y1}"},
    "h_budget_help": {
        "id": "{total}, termasuk {region} untuk program wilayah (APBD) tanpa sentra tertentu.",
        "en": "{total}, including {region} for regional programmes (APBD) not tied to a centre.",
    },
    "budget_region_excluded": {
        "id": "Anggaran program wilayah (APBD tanpa sentra tertentu) tidak ikut dihitung selama filter sentra aktif: tidak dapat dipilah per sektor, jenis atau pasar.",
        "en": "Regional programme budgets (APBD, not tied to a centre) are left out while a centre filter is active: they cannot be split by sector, kind or market.",
    },
    "h_export": {"id": "Mengekspor", "en": "Exporting"},
    "illustrative_note": {
        "id": "⚠️ {share} angka di halaman ini ilustratif (dibangkitkan, bukan data resmi); jumlah sentra per provinsi mengikuti BPS 2024.",
        "en": "⚠️ {share} of the figures on this page are illustrative (generated, not official); centres per province follow BPS 2024.",
    },
    "empty_state": {
        "id": "Tidak ada sentra yang cocok dengan filter ini. Longgarkan filter di sisi kiri atau klik 'Atur ulang filter'.",
        "en": "No centres match these filters. Loosen the filters on the left or click 'Reset filters'.",
    },
    "markers_note": {
        "id": "Titik: {n} sentra/klaster; {approx} tanpa koordinat sendiri diletakkan di titik label kab/kota.",
        "en": "Points: {n} centres/clusters; {approx} without their own coordinates sit at their regency's label point.",
    },
    "markers_too_many": {
        "id": "{n} sentra di sini — lebih dari {max} titik, jadi peta menampilkan jumlah per wilayah; pilih kabupaten/kota untuk melihat titiknya.",
        "en": "{n} centres here — more than {max} points, so the map shows counts per region; pick a regency or city to see them as points.",
    },
    "markers_national_note": {
        "id": "Di tingkat nasional sentra dijumlahkan per wilayah; klik provinsi untuk melihat titik-titiknya.",
        "en": "Nationally, centres are counted per region; click a province to see them as points.",
    },
    "popup_commodity": {"id": "Komoditas", "en": "Commodity"},
    "popup_reach": {"id": "Pasar", "en": "Market"},
    "popup_body": {"id": "Pembina", "en": "Fostered by"},
    "popup_figures": {
        "id": "Unit usaha · tenaga kerja · omzet/tahun",
        "en": "Enterprises · workers · turnover/year",
    },
    "popup_status": {"id": "Status data", "en": "Data status"},
    "popup_approx": {
        "id": "Lokasi perkiraan: titik label kab/kota",
        "en": "Approximate location: regency label point",
    },
    "select_province": {"id": "Provinsi", "en": "Province"},
    "select_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "whole_province": {"id": "(seluruh provinsi)", "en": "(whole province)"},
    "all_indonesia": {"id": "(seluruh Indonesia)", "en": "(all of Indonesia)"},
    "source_line": {"id": "Sumber: {source}", "en": "Source: {source}"},
    "source_store": {
        "id": "basis data Peta Sentra (versi {v})",
        "en": "Peta Sentra database (version {v})",
    },
    "chart_illustrative": {"id": "ilustratif", "en": "illustrative"},
    # -- profile --
    "profile_pick": {
        "id": "Pilih wilayah di peta atau di bawah ini.",
        "en": "Pick a region on the map or below.",
    },
    "sector_mix": {"id": "Sebaran sektor", "en": "Sector mix"},
    "reach_mix": {"id": "Jangkauan pasar", "en": "Market reach"},
    "budget_by_year": {
        "id": "Anggaran ke sentra per tahun dan sumber dana",
        "en": "Budget to centres by year and funding source",
    },
    "growth_over_time": {
        "id": "Pertumbuhan output IMK per tahun",
        "en": "Small-industry output growth by year",
    },
    "centres_list": {"id": "Daftar sentra dan klaster", "en": "Centres and clusters"},
    "facts_for_region": {
        "id": "Fakta terbitan untuk wilayah ini",
        "en": "Published facts for this region",
    },
    "no_facts": {
        "id": "Belum ada fakta terbitan untuk wilayah ini.",
        "en": "No published facts for this region yet.",
    },
    "growth_regency_note": {
        "id": "Seri pertumbuhan tersedia per provinsi; ditampilkan provinsi {name}.",
        "en": "Growth series exist per province; showing {name}.",
    },
    "count": {"id": "Jumlah", "en": "Count"},
    "year": {"id": "Tahun", "en": "Year"},
    "amount_billion": {"id": "Miliar Rp", "en": "Rp billion"},
    "funding_source": {"id": "Sumber dana", "en": "Funding source"},
    "growth": {"id": "Pertumbuhan (%)", "en": "Growth (%)"},
    "national": {"id": "Nasional", "en": "National"},
    # -- compare --
    "compare_pick": {"id": "Wilayah yang dibandingkan (2–4)", "en": "Regions to compare (2–4)"},
    "compare_need_two": {"id": "Pilih sedikitnya dua wilayah.", "en": "Pick at least two regions."},
    "compare_absolute": {"id": "Angka mutlak", "en": "Absolute"},
    "compare_normalised": {"id": "Dinormalisasi", "en": "Normalised"},
    "share_national": {"id": "Pangsa nasional (%)", "en": "Share of national total (%)"},
    "per_1000km2": {"id": "Sentra+klaster per 1.000 km²", "en": "Centres per 1,000 km²"},
    "highest": {"id": "Tertinggi disorot", "en": "Highest highlighted"},
    "indicator": {"id": "Ukuran", "en": "Measure"},
    # -- sectors --
    "treemap_title": {
        "id": "Sentra menurut sektor dan provinsi",
        "en": "Centres by sector and province",
    },
    "lq_sector": {"id": "Sektor untuk spesialisasi", "en": "Sector for specialisation"},
    "lq_sector_filter_note": {
        "id": "LQ membandingkan sektor ini dengan semua sektor, jadi filter sektor di sisi kiri tidak dipakai di sini; filter lain tetap berlaku.",
        "en": "LQ compares this sector with all sectors, so the sector filter on the left is not applied here; the other filters are.",
    },
    "share_col": {"id": "Pangsa", "en": "Share"},
    "compare_placeholder": {"id": "Pilih 2–4 wilayah", "en": "Choose 2–4 regions"},
    "lq_title": {
        "id": "Spesialisasi (location quotient) — {sector}",
        "en": "Specialisation (location quotient) — {sector}",
    },
    "lq_explain": {
        "id": "LQ = pangsa sektor di wilayah ÷ pangsa sektor nasional. LQ > 1: wilayah lebih terspesialisasi daripada rata-rata nasional.",
        "en": "LQ = the sector's share in the region ÷ its national share. LQ > 1: more specialised than the national average.",
    },
    "top_regions": {"id": "Wilayah teratas", "en": "Top regions"},
    "region": {"id": "Wilayah", "en": "Region"},
    # -- budget --
    "budget_by_region": {
        "id": "Anggaran ke sentra per provinsi dan sumber dana",
        "en": "Budget to centres by province and funding source",
    },
    "budget_per_centre": {
        "id": "Anggaran per sentra (terbesar)",
        "en": "Budget per centre (largest)",
    },
    "growth_vs_budget": {
        "id": "Pertumbuhan vs anggaran per provinsi",
        "en": "Growth vs budget by province",
    },
    "budget_total": {"id": "Anggaran (Rp)", "en": "Budget (Rp)"},
    "centres_count": {"id": "Sentra+klaster", "en": "Centres"},
    # -- data --
    "table_preview": {
        "id": "Menampilkan {shown} baris pertama dari {total}. Unduhan di bawah berisi semua baris.",
        "en": "Showing the first {shown} of {total} rows. The downloads below hold every row.",
    },
    "problems_preview": {
        "id": "Menampilkan {shown} baris bermasalah pertama dari {total}. Unduh laporan untuk semuanya.",
        "en": "Showing the first {shown} of {total} rows with problems. Download the report for all.",
    },
    "download_report": {"id": "Unduh laporan (CSV)", "en": "Download the report (CSV)"},
    "table_preview_profile": {
        "id": "Menampilkan {shown} baris pertama dari {total}. Semua baris dapat diunduh di halaman Data.",
        "en": "Showing the first {shown} of {total} rows. All rows can be downloaded on the Data page.",
    },
    "table_title": {
        "id": "Sentra dan klaster (sesuai filter)",
        "en": "Centres and clusters (filtered)",
    },
    "download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download_xlsx": {"id": "Unduh Excel", "en": "Download Excel"},
    "download_geojson": {"id": "Unduh GeoJSON", "en": "Download GeoJSON"},
    "export_too_many": {
        "id": "Excel dan GeoJSON tersedia sampai {limit} baris (sekarang {rows}). Persempit filter, atau unduh CSV untuk semua baris.",
        "en": "Excel and GeoJSON are available up to {limit} rows (now {rows}). Narrow the filters, or download CSV for all rows.",
    },
    "import_title": {"id": "Impor data Anda", "en": "Import your data"},
    "import_help": {
        "id": "CSV (koma atau titik koma, desimal koma), Excel .xlsx atau GeoJSON; maksimal {mb} MB. Kolom wajib: nama dan kab/kota.",
        "en": "CSV (comma or semicolon, decimal comma), Excel .xlsx or GeoJSON; at most {mb} MB. Required columns: name and regency/city.",
    },
    "upload": {"id": "Pilih berkas", "en": "Choose a file"},
    "mapping": {
        "id": "Pemetaan kolom (periksa dan perbaiki)",
        "en": "Column mapping (check and fix)",
    },
    "not_mapped": {"id": "— tidak dipakai —", "en": "— not used —"},
    "report_title": {"id": "Laporan validasi", "en": "Validation report"},
    "report_summary": {
        "id": "{ok} baris sah, {bad} baris bermasalah, {warn} dengan peringatan.",
        "en": "{ok} valid rows, {bad} rows with errors, {warn} with warnings.",
    },
    "import_valid": {"id": "Impor {n} baris yang sah", "en": "Import the {n} valid rows"},
    "import_cancel": {"id": "Batalkan (tidak mengimpor apa pun)", "en": "Cancel (import nothing)"},
    "import_done": {
        "id": "Tersimpan sebagai versi {v}: {n} baris diimpor.",
        "en": "Saved as version {v}: {n} rows imported.",
    },
    "import_cancelled": {
        "id": "Impor dibatalkan; data tidak berubah.",
        "en": "Import cancelled; nothing changed.",
    },
    "import_failed": {
        "id": "Impor gagal; data tersimpan tidak berubah. ({error})",
        "en": "Import failed; stored data unchanged. ({error})",
    },
    "versions_title": {"id": "Versi data", "en": "Data versions"},
    "restore": {"id": "Pulihkan versi", "en": "Restore version"},
    "restore_done": {
        "id": "Versi {old} dipulihkan sebagai versi {v}.",
        "en": "Version {old} restored as version {v}.",
    },
    "status_col": {"id": "Status", "en": "Status"},
    "row_col": {"id": "Baris", "en": "Row"},
    "messages_col": {"id": "Keterangan", "en": "Details"},
    # -- about --
    "about_title": {"id": "Tentang data dan sumber", "en": "About the data and sources"},
    "facts_title": {"id": "Fakta terbitan (dengan sumber)", "en": "Published facts (with sources)"},
    "glossary": {"id": "Glosarium", "en": "Glossary"},
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
    # -- published facts (geodata/facts.csv keeps the wording as published, in English) --
    "fact_col": {"id": "Fakta", "en": "Fact"},
    "value_col": {"id": "Nilai", "en": "Value"},
    "source_col": {"id": "Sumber", "en": "Source"},
    "unit_clusters": {"id": "klaster", "en": "clusters"},
    "unit_umkm": {"id": "UMKM", "en": "MSMEs"},
    "src_news_report": {"id": "berita", "en": "news report"},
    "src_citing": {"id": "mengutip", "en": "citing"},
    "src_via": {"id": "melalui", "en": "via"},
    "fact_sentra_ukm_national_2006": {"id": "Sentra UKM tercatat di Kemenkop UKM", "en": "Sentra UKM recorded by Kemenkop UKM"},
    "fact_sentra_budget_2007": {"id": "Rencana anggaran pengembangan sentra UKM", "en": "Planned budget for sentra UKM development"},
    "fact_sentra_priority_provinces_2007": {"id": "Provinsi yang disebut potensial dan serius mengembangkan sentra", "en": "Provinces named as potential and serious for sentra development"},
    "fact_depperindag_clusters_2007": {"id": "Klaster yang dibentuk Depperindag untuk mengembangkan UKM", "en": "Clusters formed by Depperindag to develop SMEs"},
    "fact_cluster_rattan_cirebon": {"id": "Contoh klaster Depperindag: industri rotan", "en": "Example Depperindag cluster: rattan industry"},
    "fact_cluster_wood_jepara": {"id": "Contoh klaster Depperindag: industri kayu", "en": "Example Depperindag cluster: wood industry"},
    "fact_production_centres_national_2009": {"id": "Sentra produksi di Indonesia", "en": "Production centres (sentra produksi) in Indonesia"},
    "fact_production_centres_fostered_2009": {"id": "Sentra produksi yang dibina pemerintah", "en": "Production centres fostered by government"},
    "fact_clusters_central_java_2009": {"id": "Klaster di Jawa Tengah (pariwisata; pertanian terpadu; industri)", "en": "Clusters in Central Java (tourism; integrated agriculture; industry)"},
    "fact_cluster_batik_solo_export": {"id": "Klaster batik yang menembus pasar luar negeri", "en": "Batik cluster that reached foreign markets"},
    "fact_cluster_batik_pekalongan_export": {"id": "Klaster batik yang menembus pasar luar negeri", "en": "Batik cluster that reached foreign markets"},
    "fact_cluster_jambu_demak_export": {"id": "Klaster jambu air yang menembus pasar luar negeri", "en": "Jambu (water apple) cluster that reached foreign markets"},
    "fact_batik_simbang_kulon_turnover": {"id": "Kenaikan omzet usaha batik setelah bergabung dalam klaster Simbang Kulon (Kec. Buaran)", "en": "Turnover increase of batik businesses after joining the Simbang Kulon cluster (Kec. Buaran)"},
    "fact_sentra_ikm_revitalisation_2018": {"id": "Sentra IKM sasaran revitalisasi Kemenperin (dana DAK; pangan lebih dulu; sembilan komoditas prioritas)", "en": "Sentra IKM targeted by Kemenperin revitalisation (DAK funded; food first; nine priority commodities)"},
    "fact_imk_growth_diy_q4_2017": {"id": "Pertumbuhan produksi industri mikro dan kecil, triwulan IV 2017 (y-on-y)", "en": "Micro and small industry production growth, Q4 2017 y-on-y"},
    "fact_imk_growth_national_q4_2017": {"id": "Pertumbuhan produksi industri mikro dan kecil, triwulan IV 2017 (y-on-y)", "en": "Micro and small industry production growth, Q4 2017 y-on-y"},
    "fact_umkm_cluster_size_plan": {"id": "Rencana ukuran satu klaster UMKM (skema holding Kementerian UMKM)", "en": "Planned size of an UMKM cluster (Kementerian UMKM holding scheme)"},
    "fact_sentra_industri_national_2021": {"id": "Sentra industri (BPS)", "en": "Sentra industri (BPS)"},
    "fact_sentra_industri_national_2024": {"id": "Sentra industri (BPS)", "en": "Sentra industri (BPS)"},
    # -- about page --
    "about_body": {"id": "**Peta Sentra & Klaster** menunjukkan di mana sentra produksi UKM/IKM dan klaster industri\nIndonesia berada, apa yang dibuat, seberapa jauh dipasarkan, anggaran yang diterima, dan\npertumbuhannya.\n\n**Data apa yang tampil?**\n- **Fakta terbitan** (tabel di bawah) selalu disertai sumbernya dan ditandai *bersumber*.\n- **Jumlah sentra per provinsi** mengikuti BPS 2024 (35 provinsi, 8.568 sentra dari 8.889\n  nasional). Banten, Bali dan Papua Pegunungan tidak ada dalam daftar terbitan: tampil sebagai\n  *tidak ada data*, bukan nol.\n- **30 sentra/klaster terkenal** (mis. Kampung Batik Laweyan, Sentra Perak Kotagede) nyata:\n  nama, tempat, sektor dan komoditasnya benar; angka untuknya tidak dikarang.\n- **Semua angka lain** (nama sentra contoh, unit usaha, tenaga kerja, omzet, anggaran,\n  pertumbuhan) **ilustratif**: dibangkitkan oleh `sentra/sample_data.py` agar peta menyerupai\n  negeri ini, dan ditandai *ilustratif* di data dan di layar. Impor data Anda sendiri di\n  halaman **Data** untuk menggantinya.\n\n**Batas wilayah**: 38 provinsi dan 514 kabupaten/kota dari\n[cahyadsn/wilayah_boundaries](https://github.com/cahyadsn/wilayah_boundaries) (Lisensi MIT,\n© cahya dsn), sesuai Kepmendagri 100.1.1-6117/2022. Batas provinsi adalah gabungan\nkabupaten/kotanya; bentuk disederhanakan untuk tampilan.", "en": "**Peta Sentra & Klaster** shows where Indonesia's SME/small-industry production centres and\nindustry clusters are, what they make, how far they sell, what money went to them and how\nthey grow.\n\n**What data is shown?**\n- **Published facts** (table below) always carry their source and are marked *sourced*.\n- **Centres per province** follow BPS 2024 (35 provinces, 8,568 of the national 8,889).\n  Banten, Bali and Papua Pegunungan are not in the published list: shown as *no data*, not\n  zero.\n- **30 well-known centres/clusters** (e.g. Kampung Batik Laweyan, Kotagede silver) are real:\n  name, place, sector and commodity are right; no figures are invented for them.\n- **Every other figure** (sample centre names, enterprises, workers, turnover, budgets,\n  growth) is **illustrative**: generated by `sentra/sample_data.py` so the map resembles the\n  country, and marked *illustrative* in the data and on screen. Import your own data on the\n  **Data** page to replace it.\n\n**Boundaries**: 38 provinces and 514 regencies/cities from\n[cahyadsn/wilayah_boundaries](https://github.com/cahyadsn/wilayah_boundaries) (MIT licence,\n© cahya dsn), following Kepmendagri 100.1.1-6117/2022. Province shapes are the union of their\nregencies; shapes are simplified for display."},
    "gl_sentra_term": {"id": "Sentra", "en": "Sentra"},
    "gl_sentra_text": {"id": "Konsentrasi usaha mikro/kecil yang membuat produk sejenis dengan bahan dan proses yang sama, dengan sarana pendukung (definisi BPS).", "en": "A concentration of micro and small businesses making similar products with the same inputs and processes, with supporting facilities (BPS definition)."},
    "gl_klaster_term": {"id": "Klaster", "en": "Klaster (cluster)"},
    "gl_klaster_text": {"id": "Kelompok usaha dan lembaga pendukung yang saling terkait dalam satu rantai nilai atau wilayah.", "en": "Linked businesses and support institutions in one value chain or area."},
    "gl_ikm_term": {"id": "IKM", "en": "IKM"},
    "gl_ikm_text": {"id": "Industri Kecil dan Menengah, dibina Kementerian Perindustrian.", "en": "Small and medium industry, fostered by the Ministry of Industry."},
    "gl_umkm_term": {"id": "UMKM", "en": "UMKM"},
    "gl_umkm_text": {"id": "Usaha Mikro, Kecil dan Menengah.", "en": "Micro, small and medium enterprises."},
    "gl_dak_term": {"id": "DAK", "en": "DAK"},
    "gl_dak_text": {"id": "Dana Alokasi Khusus: dana APBN untuk daerah bagi kegiatan tertentu, mis. revitalisasi sentra IKM.", "en": "Special allocation fund: central-budget money for regions for set purposes, e.g. revitalising sentra IKM."},
    "gl_apbn_term": {"id": "APBN", "en": "APBN"},
    "gl_apbn_text": {"id": "Anggaran Pendapatan dan Belanja Negara.", "en": "State budget."},
    "gl_apbd_term": {"id": "APBD", "en": "APBD"},
    "gl_apbd_text": {"id": "Anggaran Pendapatan dan Belanja Daerah.", "en": "Regional government budget."},
    "gl_lq_term": {"id": "LQ", "en": "LQ"},
    "gl_lq_text": {"id": "Kuosien lokasi (LQ): pangsa sektor di wilayah dibagi pangsa sektor nasional.", "en": "Location quotient: the sector's share in a region divided by its national share."},
    # -- issue 13: briefing export (bahan paparan) and workshop stories --
    "brief_button": {"id": "Unduh bahan paparan", "en": "Download briefing"},
    "brief_kicker": {"id": "Bahan paparan", "en": "Briefing"},
    "brief_filters": {"id": "Filter: {filters}", "en": "Filters: {filters}"},
    "brief_no_filters": {"id": "tanpa filter (semua sentra dan klaster)", "en": "none (all centres and clusters)"},
    "brief_date": {"id": "Tanggal: {date}", "en": "Date: {date}"},
    "brief_language": {"id": "Bahasa: {language}", "en": "Language: {language}"},
    "brief_data": {"id": "Data: {source}", "en": "Data: {source}"},
    "brief_map_title": {"id": "{metric} — {region}", "en": "{metric} — {region}"},
    "brief_headline_title": {"id": "Angka utama — {region}", "en": "Headline figures — {region}"},
    "brief_sector_reach_title": {"id": "Sektor dan jangkauan pasar — {region}", "en": "Sectors and market reach — {region}"},
    "brief_budget_growth_title": {"id": "Anggaran dan pertumbuhan — {region}", "en": "Budget and growth — {region}"},
    "brief_top_title": {"id": "Sentra dan klaster terbesar (menurut tenaga kerja) — {region}", "en": "Largest centres and clusters (by workers) — {region}"},
    "brief_top_more": {"id": "{shown} dari {total} sentra/klaster; daftar lengkap di halaman Data dasbor.", "en": "{shown} of {total} centres/clusters; the full list is on the dashboard's Data page."},
    "brief_facts_title": {"id": "Fakta terbitan — {region}", "en": "Published facts — {region}"},
    "brief_sources_title": {"id": "Sumber dan definisi", "en": "Sources and definitions"},
    "brief_src_data": {"id": "Sentra, anggaran dan pertumbuhan: {source}. Jumlah sentra per provinsi mengikuti BPS 2024 (via Databoks, katadata).", "en": "Centres, budgets and growth: {source}. Centres per province follow BPS 2024 (via Databoks, katadata)."},
    "brief_src_facts": {"id": "Fakta terbitan: {sources}", "en": "Published facts: {sources}"},
    "brief_illustrative": {"id": "Ilustratif: angka di slide ini dibangkitkan sebagai contoh, bukan data resmi (lihat slide terakhir).", "en": "Illustrative: the figures on this slide are generated examples, not official data (see the last slide)."},
    "brief_illustrative_general": {"id": "Angka ilustratif (nama sentra contoh, unit usaha, tenaga kerja, omzet, anggaran, pertumbuhan) dibangkitkan agar peta menyerupai negeri ini; jumlah sentra per provinsi mengikuti BPS 2024. Impor data Anda di halaman Data untuk menggantinya.", "en": "Illustrative figures (sample centre names, enterprises, workers, turnover, budgets, growth) are generated so the map resembles the country; centres per province follow BPS 2024. Import your own data on the Data page to replace them."},
    "brief_budget_per_year": {"id": "Anggaran ke sentra per tahun", "en": "Budget to centres by year"},
    "brief_compare_share_title": {"id": "Pangsa nasional dan kepadatan", "en": "Share of national total and density"},
    "brief_compare_mix_title": {"id": "Sektor dan jangkauan pasar per wilayah", "en": "Sectors and market reach by region"},
    "brief_compare_budget_title": {"id": "Anggaran dan pertumbuhan per wilayah", "en": "Budget and growth by region"},
    "brief_step_map": {"id": "Menggambar peta…", "en": "Drawing the map…"},
    "brief_step_numbers": {"id": "Menghitung angka…", "en": "Computing the figures…"},
    "brief_step_charts": {"id": "Menyusun grafik…", "en": "Building the charts…"},
    "brief_step_facts": {"id": "Menambahkan fakta dan sumber…", "en": "Adding facts and sources…"},
    "brief_step_file": {"id": "Menulis berkas…", "en": "Writing the file…"},
    "brief_help": {"id": "Slide PowerPoint 16:9 (peta, angka utama, grafik yang dapat diedit, fakta dan sumber) atau PDF A4 untuk dicetak, dari tampilan ini dengan filter yang aktif. Tanpa internet.", "en": "16:9 PowerPoint slides (map, headline figures, editable charts, facts and sources) or an A4 PDF for printing, of this view with the active filters. No internet needed."},
    "brief_prepare_pptx": {"id": "Siapkan PowerPoint (PPTX)", "en": "Prepare PowerPoint (PPTX)"},
    "brief_prepare_pdf": {"id": "Siapkan PDF", "en": "Prepare PDF"},
    "brief_save_pptx": {"id": "Simpan PPTX", "en": "Save PPTX"},
    "brief_save_pdf": {"id": "Simpan PDF", "en": "Save PDF"},
}


def t(label_key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The label in ``lang`` (Indonesian when missing), with ``{placeholders}`` filled."""
    entry = _TEXT[label_key]
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
