"""The one translation table: every label on screen, in Bahasa Indonesia and English."""

from __future__ import annotations

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

_TEXT: dict[str, dict[str, str]] = {
    "app_title": {"id": "Peta Sentra & Klaster", "en": "Centres & Clusters Map"},
    "page_map": {"id": "Peta", "en": "Map"},
    "basemap": {"id": "Peta dasar", "en": "Basemap"},
    "basemap_help": {
        "id": "Tanpa peta dasar, peta tetap dapat dipakai tanpa internet (luring). "
        "OpenStreetMap dan CARTO Positron memerlukan internet untuk memuat petak peta.",
        "en": "Without a basemap the map works without the internet (offline). "
        "OpenStreetMap and CARTO Positron need the internet to load their map tiles.",
    },
    "basemap_none": {"id": "Tanpa peta dasar", "en": "No basemap"},
    "basemap_osm": {"id": "OpenStreetMap", "en": "OpenStreetMap"},
    "basemap_positron": {"id": "CARTO Positron", "en": "CARTO Positron"},
    "indonesia": {"id": "Indonesia", "en": "Indonesia"},
    "back_to_indonesia": {"id": "← Kembali ke Indonesia", "en": "← Back to Indonesia"},
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
    "unit_units": {"id": "unit", "en": "units"},
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
        "id": "CSV (koma, titik koma atau tab), Excel .xlsx/.xls, LibreOffice .ods atau GeoJSON; maksimal {mb} MB. Kolom wajib: nama dan kab/kota (nama atau kode). Baris judul, nomor kolom dan baris jumlah dikenali sendiri.",
        "en": "CSV (comma, semicolon or tab), Excel .xlsx/.xls, LibreOffice .ods or GeoJSON; at most {mb} MB. Required columns: name and regency/city (name or code). Title rows, column numbers and totals rows are recognised.",
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
        "id": "Berkas Excel rusak atau terpotong; buka dan simpan ulang di Excel atau LibreOffice.",
        "en": "The Excel file is damaged or truncated; open and save it again in Excel or LibreOffice.",
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
    "field_origin": {"id": "Asal data", "en": "Origin"},
    # -- published facts (geodata/facts.csv keeps the wording as published, in English) --
    "fact_col": {"id": "Fakta", "en": "Fact"},
    "value_col": {"id": "Nilai", "en": "Value"},
    "source_col": {"id": "Sumber", "en": "Source"},
    "unit_clusters": {"id": "klaster", "en": "clusters"},
    "unit_umkm": {"id": "UMKM", "en": "MSMEs"},
    "src_news_report": {"id": "berita", "en": "news report"},
    "src_citing": {"id": "mengutip", "en": "citing"},
    "src_via": {"id": "melalui", "en": "via"},
    "fact_sentra_ukm_national_2006": {
        "id": "Sentra UKM tercatat di Kemenkop UKM",
        "en": "Sentra UKM recorded by Kemenkop UKM",
    },
    "fact_sentra_budget_2007": {
        "id": "Rencana anggaran pengembangan sentra UKM",
        "en": "Planned budget for sentra UKM development",
    },
    "fact_sentra_priority_provinces_2007": {
        "id": "Provinsi yang disebut potensial dan serius mengembangkan sentra",
        "en": "Provinces named as potential and serious for sentra development",
    },
    "fact_depperindag_clusters_2007": {
        "id": "Klaster yang dibentuk Depperindag untuk mengembangkan UKM",
        "en": "Clusters formed by Depperindag to develop SMEs",
    },
    "fact_cluster_rattan_cirebon": {
        "id": "Contoh klaster Depperindag: industri rotan",
        "en": "Example Depperindag cluster: rattan industry",
    },
    "fact_cluster_wood_jepara": {
        "id": "Contoh klaster Depperindag: industri kayu",
        "en": "Example Depperindag cluster: wood industry",
    },
    "fact_production_centres_national_2009": {
        "id": "Sentra produksi di Indonesia",
        "en": "Production centres (sentra produksi) in Indonesia",
    },
    "fact_production_centres_fostered_2009": {
        "id": "Sentra produksi yang dibina pemerintah",
        "en": "Production centres fostered by government",
    },
    "fact_clusters_central_java_2009": {
        "id": "Klaster di Jawa Tengah (pariwisata; pertanian terpadu; industri)",
        "en": "Clusters in Central Java (tourism; integrated agriculture; industry)",
    },
    "fact_cluster_batik_solo_export": {
        "id": "Klaster batik yang menembus pasar luar negeri",
        "en": "Batik cluster that reached foreign markets",
    },
    "fact_cluster_batik_pekalongan_export": {
        "id": "Klaster batik yang menembus pasar luar negeri",
        "en": "Batik cluster that reached foreign markets",
    },
    "fact_cluster_jambu_demak_export": {
        "id": "Klaster jambu air yang menembus pasar luar negeri",
        "en": "Jambu (water apple) cluster that reached foreign markets",
    },
    "fact_batik_simbang_kulon_turnover": {
        "id": "Kenaikan omzet usaha batik setelah bergabung dalam klaster Simbang Kulon (Kec. Buaran)",
        "en": "Turnover increase of batik businesses after joining the Simbang Kulon cluster (Kec. Buaran)",
    },
    "fact_sentra_ikm_revitalisation_2018": {
        "id": "Sentra IKM sasaran revitalisasi Kemenperin (dana DAK; pangan lebih dulu; sembilan komoditas prioritas)",
        "en": "Sentra IKM targeted by Kemenperin revitalisation (DAK funded; food first; nine priority commodities)",
    },
    "fact_imk_growth_diy_q4_2017": {
        "id": "Pertumbuhan produksi industri mikro dan kecil, triwulan IV 2017 (y-on-y)",
        "en": "Micro and small industry production growth, Q4 2017 y-on-y",
    },
    "fact_imk_growth_national_q4_2017": {
        "id": "Pertumbuhan produksi industri mikro dan kecil, triwulan IV 2017 (y-on-y)",
        "en": "Micro and small industry production growth, Q4 2017 y-on-y",
    },
    "fact_umkm_cluster_size_plan": {
        "id": "Rencana ukuran satu klaster UMKM (skema holding Kementerian UMKM)",
        "en": "Planned size of an UMKM cluster (Kementerian UMKM holding scheme)",
    },
    "fact_sentra_industri_national_2021": {
        "id": "Sentra industri (BPS)",
        "en": "Sentra industri (BPS)",
    },
    "fact_sentra_industri_national_2024": {
        "id": "Sentra industri (BPS)",
        "en": "Sentra industri (BPS)",
    },
    # -- about page --
    "about_body": {
        "id": "**Peta Sentra & Klaster** menunjukkan di mana sentra produksi UKM/IKM dan klaster industri\nIndonesia berada, apa yang dibuat, seberapa jauh dipasarkan, anggaran yang diterima, dan\npertumbuhannya.\n\n**Data apa yang tampil?**\n- **Fakta terbitan** (tabel di bawah) selalu disertai sumbernya dan ditandai *bersumber*.\n- **Jumlah sentra per provinsi** mengikuti BPS 2024 (35 provinsi, 8.568 sentra dari 8.889\n  nasional). Banten, Bali dan Papua Pegunungan tidak ada dalam daftar terbitan: tampil sebagai\n  *tidak ada data*, bukan nol.\n- **30 sentra/klaster terkenal** (mis. Kampung Batik Laweyan, Sentra Perak Kotagede) nyata:\n  nama, tempat, sektor dan komoditasnya benar; angka untuknya tidak dikarang.\n- **Semua angka lain** (nama sentra contoh, unit usaha, tenaga kerja, omzet, anggaran,\n  pertumbuhan) **ilustratif**: dibangkitkan oleh `sentra/sample_data.py` agar peta menyerupai\n  negeri ini, dan ditandai *ilustratif* di data dan di layar. Impor data Anda sendiri di\n  halaman **Data** untuk menggantinya.\n\n**Batas wilayah**: 38 provinsi dan 514 kabupaten/kota dari\n[cahyadsn/wilayah_boundaries](https://github.com/cahyadsn/wilayah_boundaries) (Lisensi MIT,\n© cahya dsn), sesuai Kepmendagri 100.1.1-6117/2022. Batas provinsi adalah gabungan\nkabupaten/kotanya; bentuk disederhanakan untuk tampilan.",
        "en": "**Peta Sentra & Klaster** shows where Indonesia's SME/small-industry production centres and\nindustry clusters are, what they make, how far they sell, what money went to them and how\nthey grow.\n\n**What data is shown?**\n- **Published facts** (table below) always carry their source and are marked *sourced*.\n- **Centres per province** follow BPS 2024 (35 provinces, 8,568 of the national 8,889).\n  Banten, Bali and Papua Pegunungan are not in the published list: shown as *no data*, not\n  zero.\n- **30 well-known centres/clusters** (e.g. Kampung Batik Laweyan, Kotagede silver) are real:\n  name, place, sector and commodity are right; no figures are invented for them.\n- **Every other figure** (sample centre names, enterprises, workers, turnover, budgets,\n  growth) is **illustrative**: generated by `sentra/sample_data.py` so the map resembles the\n  country, and marked *illustrative* in the data and on screen. Import your own data on the\n  **Data** page to replace it.\n\n**Boundaries**: 38 provinces and 514 regencies/cities from\n[cahyadsn/wilayah_boundaries](https://github.com/cahyadsn/wilayah_boundaries) (MIT licence,\n© cahya dsn), following Kepmendagri 100.1.1-6117/2022. Province shapes are the union of their\nregencies; shapes are simplified for display.",
    },
    "gl_sentra_term": {"id": "Sentra", "en": "Sentra"},
    "gl_sentra_text": {
        "id": "Konsentrasi usaha mikro/kecil yang membuat produk sejenis dengan bahan dan proses yang sama, dengan sarana pendukung (definisi BPS).",
        "en": "A concentration of micro and small businesses making similar products with the same inputs and processes, with supporting facilities (BPS definition).",
    },
    "gl_klaster_term": {"id": "Klaster", "en": "Klaster (cluster)"},
    "gl_klaster_text": {
        "id": "Kelompok usaha dan lembaga pendukung yang saling terkait dalam satu rantai nilai atau wilayah.",
        "en": "Linked businesses and support institutions in one value chain or area.",
    },
    "gl_ikm_term": {"id": "IKM", "en": "IKM"},
    "gl_ikm_text": {
        "id": "Industri Kecil dan Menengah, dibina Kementerian Perindustrian.",
        "en": "Small and medium industry, fostered by the Ministry of Industry.",
    },
    "gl_umkm_term": {"id": "UMKM", "en": "UMKM"},
    "gl_umkm_text": {
        "id": "Usaha Mikro, Kecil dan Menengah.",
        "en": "Micro, small and medium enterprises.",
    },
    "gl_dak_term": {"id": "DAK", "en": "DAK"},
    "gl_dak_text": {
        "id": "Dana Alokasi Khusus: dana APBN untuk daerah bagi kegiatan tertentu, mis. revitalisasi sentra IKM.",
        "en": "Special allocation fund: central-budget money for regions for set purposes, e.g. revitalising sentra IKM.",
    },
    "gl_apbn_term": {"id": "APBN", "en": "APBN"},
    "gl_apbn_text": {"id": "Anggaran Pendapatan dan Belanja Negara.", "en": "State budget."},
    "gl_apbd_term": {"id": "APBD", "en": "APBD"},
    "gl_apbd_text": {
        "id": "Anggaran Pendapatan dan Belanja Daerah.",
        "en": "Regional government budget.",
    },
    "gl_lq_term": {"id": "LQ", "en": "LQ"},
    "gl_lq_text": {
        "id": "Kuosien lokasi (LQ): pangsa sektor di wilayah dibagi pangsa sektor nasional.",
        "en": "Location quotient: the sector's share in a region divided by its national share.",
    },
    # -- issue 11: officials' own spreadsheets (import developer) --
    "status_ok": {"id": "sah", "en": "valid"},
    "status_error": {"id": "galat", "en": "error"},
    "status_warning": {"id": "peringatan", "en": "warning"},
    "status_skipped": {"id": "dilewati", "en": "skipped"},
    "skip_numbering": {
        "id": "Baris nomor kolom (1), (2), (3)…; dilewati.",
        "en": "Row of column numbers (1), (2), (3)…; skipped.",
    },
    "skip_repeated_header": {
        "id": "Judul kolom yang diulang; dilewati.",
        "en": "Repeated column headers; skipped.",
    },
    "skip_totals": {
        "id": "Baris jumlah/total, bukan sentra; dilewati.",
        "en": "Totals row, not a centre; skipped.",
    },
    "skip_note": {
        "id": "Baris keterangan atau judul bagian; dilewati.",
        "en": "Note or section heading; skipped.",
    },
    "field_regency_code": {"id": "Kode kab/kota", "en": "Regency/city code"},
    "field_kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "field_desa": {"id": "Desa/kelurahan", "en": "Village (desa/kelurahan)"},
    "field_kecamatan_code": {"id": "Kode kecamatan", "en": "District (kecamatan) code"},
    "v_unknown_region_suggest": {
        "id": "Wilayah '{value}' tidak dikenal. Mungkin maksud Anda: {suggestions}?",
        "en": "Unknown region '{value}'. Did you mean: {suggestions}?",
    },
    "v_unknown_code": {
        "id": "Kode wilayah '{value}' tidak dikenal.",
        "en": "Unknown region code '{value}'.",
    },
    "v_unknown_code_name_used": {
        "id": "Kode wilayah '{value}' tidak dikenal; dipakai nama kab/kota.",
        "en": "Unknown region code '{value}'; the regency name was used.",
    },
    "v_name_not_matched_code_used": {
        "id": "Nama '{value}' tidak dikenali; dipakai kodenya: {region}.",
        "en": "Name '{value}' not recognised; its code was used: {region}.",
    },
    "v_bps_code": {
        "id": "Kode {code} bukan kode Kemendagri untuk '{value}'; dibaca sebagai kode BPS dan dipakai namanya: {region}.",
        "en": "Code {code} is not the Kemendagri code of '{value}'; read as a BPS code and the name used: {region}.",
    },
    "v_bps_code_needs_name": {
        "id": "Kode BPS {code} perlu nama kab/kota di sampingnya (kode BPS dan Kemendagri berbeda di banyak provinsi).",
        "en": "BPS code {code} needs the regency name beside it (BPS and Kemendagri codes differ in many provinces).",
    },
    "v_code_name_mismatch": {
        "id": "Kode {code} ({code_region}) tidak cocok dengan nama '{value}' ({region}). Jika kolom itu berisi kode BPS, beri judul 'Kode BPS'.",
        "en": "Code {code} ({code_region}) does not match the name '{value}' ({region}). If the column holds BPS codes, head it 'Kode BPS'.",
    },
    "v_resolved_by_place": {
        "id": "'{value}' dibaca sebagai {region}: '{place}' hanya ada di sana.",
        "en": "'{value}' read as {region}: '{place}' exists only there.",
    },
    "v_resolved_by_coordinates": {
        "id": "Kab/kota dibaca sebagai {region}: koordinatnya berada di sana.",
        "en": "Regency read as {region}: its coordinates lie there.",
    },
    "v_unknown_kecamatan": {
        "id": "Kecamatan '{value}' tidak ada di {region}; lokasi tetap tingkat kab/kota.",
        "en": "District '{value}' is not in {region}; located at regency level.",
    },
    "v_unknown_kecamatan_suggest": {
        "id": "Kecamatan '{value}' tidak ada di {region} (mungkin: {suggestions}); lokasi tetap tingkat kab/kota.",
        "en": "District '{value}' is not in {region} (did you mean: {suggestions}); located at regency level.",
    },
    "v_unknown_desa": {
        "id": "Desa/kelurahan '{value}' tidak ada di {region}.",
        "en": "Village '{value}' is not in {region}.",
    },
    "v_unknown_reach": {
        "id": "Jangkauan pasar '{value}' tidak dikenal; baris tetap diimpor tanpa jangkauan.",
        "en": "Market reach '{value}' not recognised; the row is imported without a reach.",
    },
    "v_unknown_reach_part": {
        "id": "'{value}' di jangkauan pasar tidak dikenal sebagai negara; diabaikan.",
        "en": "'{value}' in the market reach is not a known country; ignored.",
    },
    "v_unknown_country": {
        "id": "Negara tujuan '{value}' tidak dikenal; dicatat seperti tertulis.",
        "en": "Destination '{value}' is not a known country; kept as written.",
    },
    "field_region": {
        "id": "Wilayah (provinsi atau kab/kota)",
        "en": "Region (province or regency/city)",
    },
    "r_no_region": {
        "id": "Baris tanpa nama wilayah; dilewati.",
        "en": "Row without a region name; skipped.",
    },
    "r_total_row": {
        "id": "'{value}' adalah jumlah seluruh tabel, bukan satu wilayah; dilewati.",
        "en": "'{value}' is the table's total, not one region; skipped.",
    },
    "r_plain_is_regency": {
        "id": "'{value}' dibaca sebagai {region}: kotanya tertulis sendiri di tabel ini.",
        "en": "'{value}' read as {region}: the city has its own row in this table.",
    },
    "r_not_number": {
        "id": "Nilai '{value}' di kolom {column} bukan angka.",
        "en": "Value '{value}' in column {column} is not a number.",
    },
    "r_bad_year": {"id": "Tahun '{value}' tidak terbaca.", "en": "Year '{value}' cannot be read."},
    "r_duplicate_region": {
        "id": "{region} muncul lebih dari sekali untuk tahun yang sama.",
        "en": "{region} appears more than once for the same year.",
    },
    "imp_kind": {"id": "Isi berkas", "en": "The file holds"},
    "imp_kind_centres": {"id": "Daftar sentra/klaster", "en": "A list of centres/clusters"},
    "imp_kind_regional": {
        "id": "Tabel per wilayah (satu angka per wilayah dan tahun)",
        "en": "A regional table (one figure per region and year)",
    },
    "imp_regional_help": {
        "id": "Misalnya 'Jumlah sentra IKM per kabupaten/kota 2019–2023' dari BPS Dalam Angka atau laporan Dinas: kolom wilayah lalu satu kolom per tahun, atau kolom tahun dan nilai. Maksimal {mb} MB. Wilayah yang tidak ada di tabel ditampilkan 'tidak ada data', bukan nol.",
        "en": "For example 'Number of IKM centres per regency 2019–2023' from BPS Dalam Angka or a Dinas report: a region column and one column per year, or year and value columns. At most {mb} MB. Regions not in the table show as 'no data', never zero.",
    },
    "upload_drop": {
        "id": "Seret berkas ke sini — CSV, Excel, ODS atau GeoJSON, maks. {mb} MB",
        "en": "Drop a file here — CSV, Excel, ODS or GeoJSON, up to {mb} MB",
    },
    "upload_button": {"id": "Pilih berkas", "en": "Choose a file"},
    "imp_sheet": {"id": "Lembar kerja", "en": "Worksheet"},
    "imp_header_row": {"id": "Baris judul kolom", "en": "Header row"},
    "imp_row": {"id": "Baris {n}: {text}", "en": "Row {n}: {text}"},
    "imp_found": {
        "id": "Judul kolom diambil dari baris {rows}; {n} baris data di bawahnya.",
        "en": "Column headers taken from row {rows}; {n} data rows below.",
    },
    "imp_found_sheet": {"id": " Lembar: '{sheet}'.", "en": " Worksheet: '{sheet}'."},
    "imp_title": {"id": "Judul tabel: {title}", "en": "Table title: {title}"},
    "imp_missing_fields": {
        "id": "Kolom wajib belum dipetakan: {fields}. Pilih kolomnya di 'Pemetaan kolom' di atas, atau ubah baris judul kolom.",
        "en": "Required columns are not mapped: {fields}. Pick their columns under 'Column mapping' above, or change the header row.",
    },
    "ind_name": {"id": "Nama indikator", "en": "Indicator name"},
    "ind_unit": {"id": "Satuan", "en": "Unit"},
    "ind_unit_hint": {"id": "mis. unit, orang, Rp, %", "en": "e.g. unit, people, Rp, %"},
    "ind_source": {"id": "Sumber (wajib)", "en": "Source (required)"},
    "ind_source_hint": {
        "id": "mis. BPS Provinsi Jawa Tengah, Dalam Angka 2024",
        "en": "e.g. BPS Jawa Tengah, Dalam Angka 2024",
    },
    "ind_year": {"id": "Tahun (tabel satu tahun)", "en": "Year (single-year table)"},
    "ind_year_help": {
        "id": "Dipakai hanya bila tabel tidak memuat tahun di judul kolom atau di kolom tahun.",
        "en": "Used only when the table has no years in its headers or a year column.",
    },
    "ind_illustrative": {
        "id": "Angka ini perkiraan/ilustratif (bukan data resmi)",
        "en": "These figures are estimates/illustrative (not official)",
    },
    "ind_summary": {
        "id": "{regions} wilayah ({level}, kolom '{column}'), tahun {years}; {bad} baris bermasalah; {empty} sel kosong atau '-' dicatat sebagai tidak ada data.",
        "en": "{regions} regions ({level}, column '{column}'), years {years}; {bad} rows with errors; {empty} empty or '-' cells recorded as no data.",
    },
    "ind_level_province": {"id": "provinsi", "en": "provinces"},
    "ind_level_regency": {"id": "kabupaten/kota", "en": "regencies/cities"},
    "ind_level_none": {"id": "wilayah tidak dikenali", "en": "no region recognised"},
    "ind_need_source": {
        "id": "Isi sumbernya: angka tanpa sumber tidak ditampilkan sebagai fakta.",
        "en": "Fill in the source: figures without a source are not shown as facts.",
    },
    "ind_import": {
        "id": "Impor {n} nilai sebagai indikator",
        "en": "Import {n} values as an indicator",
    },
    "ind_done": {
        "id": "Indikator '{name}' tersimpan (versi indikator {v}); pilih di 'Ukuran di peta'.",
        "en": "Indicator '{name}' saved (indicator version {v}); pick it under 'Map measure'.",
    },
    "ind_title": {"id": "Indikator wilayah yang diimpor", "en": "Imported regional indicators"},
    "ind_download_pick": {"id": "Unduh indikator", "en": "Download an indicator"},
    "ind_col_name": {"id": "Indikator", "en": "Indicator"},
    "ind_col_unit": {"id": "Satuan", "en": "Unit"},
    "ind_col_source": {"id": "Sumber", "en": "Source"},
    "ver_import": {"id": "Impor {file}", "en": "Import of {file}"},
    "ver_restore": {"id": "Pemulihan versi {v}", "en": "Restore of version {v}"},
    "ver_bundled": {"id": "Data bawaan", "en": "Bundled data"},
    "ver_col_version": {"id": "Versi", "en": "Version"},
    "ver_col_when": {"id": "Waktu (UTC)", "en": "Time (UTC)"},
    "ver_col_what": {"id": "Asal", "en": "Origin"},
    "ver_col_rows": {"id": "Baris", "en": "Rows"},
    "ver_col_current": {"id": "Dipakai", "en": "In use"},
    "imp_for_region": {
        "id": "Indikator impor untuk wilayah ini (dengan sumber)",
        "en": "Imported indicators for this region (with sources)",
    },
    "imp_level_note": {
        "id": "Indikator ini tersedia per kabupaten/kota: pilih provinsi untuk melihatnya.",
        "en": "This indicator exists per regency/city: pick a province to see it.",
    },
    # -- issue 13: briefing export (bahan paparan) and workshop stories --
    "brief_button": {"id": "Unduh bahan paparan", "en": "Download briefing"},
    "brief_kicker": {"id": "Bahan paparan", "en": "Briefing"},
    "brief_filters": {"id": "Filter: {filters}", "en": "Filters: {filters}"},
    "brief_no_filters": {
        "id": "tanpa filter (semua sentra dan klaster)",
        "en": "none (all centres and clusters)",
    },
    "brief_date": {"id": "Tanggal: {date}", "en": "Date: {date}"},
    "brief_language": {"id": "Bahasa: {language}", "en": "Language: {language}"},
    "brief_data": {"id": "Data: {source}", "en": "Data: {source}"},
    "brief_map_title": {"id": "{metric} — {region}", "en": "{metric} — {region}"},
    "brief_headline_title": {"id": "Angka utama — {region}", "en": "Headline figures — {region}"},
    "brief_sector_reach_title": {
        "id": "Sektor dan jangkauan pasar — {region}",
        "en": "Sectors and market reach — {region}",
    },
    "brief_budget_growth_title": {
        "id": "Anggaran dan pertumbuhan — {region}",
        "en": "Budget and growth — {region}",
    },
    "brief_top_title": {
        "id": "Sentra dan klaster terbesar (menurut tenaga kerja) — {region}",
        "en": "Largest centres and clusters (by workers) — {region}",
    },
    "brief_top_more": {
        "id": "{shown} dari {total} sentra/klaster; daftar lengkap di halaman Data dasbor.",
        "en": "{shown} of {total} centres/clusters; the full list is on the dashboard's Data page.",
    },
    "brief_facts_title": {"id": "Fakta terbitan — {region}", "en": "Published facts — {region}"},
    "brief_sources_title": {"id": "Sumber dan definisi", "en": "Sources and definitions"},
    "brief_src_data": {
        "id": "Sentra, anggaran dan pertumbuhan: {source}. Jumlah sentra per provinsi mengikuti BPS 2024 (via Databoks, katadata).",
        "en": "Centres, budgets and growth: {source}. Centres per province follow BPS 2024 (via Databoks, katadata).",
    },
    "brief_src_facts": {"id": "Fakta terbitan: {sources}", "en": "Published facts: {sources}"},
    "brief_illustrative": {
        "id": "Ilustratif: angka di slide ini dibangkitkan sebagai contoh, bukan data resmi (lihat slide terakhir).",
        "en": "Illustrative: the figures on this slide are generated examples, not official data (see the last slide).",
    },
    "brief_illustrative_general": {
        "id": "Angka ilustratif (nama sentra contoh, unit usaha, tenaga kerja, omzet, anggaran, pertumbuhan) dibangkitkan agar peta menyerupai negeri ini; jumlah sentra per provinsi mengikuti BPS 2024. Impor data Anda di halaman Data untuk menggantinya.",
        "en": "Illustrative figures (sample centre names, enterprises, workers, turnover, budgets, growth) are generated so the map resembles the country; centres per province follow BPS 2024. Import your own data on the Data page to replace them.",
    },
    "brief_budget_per_year": {
        "id": "Anggaran ke sentra per tahun",
        "en": "Budget to centres by year",
    },
    "brief_compare_share_title": {
        "id": "Pangsa nasional dan kepadatan",
        "en": "Share of national total and density",
    },
    "brief_compare_mix_title": {
        "id": "Sektor dan jangkauan pasar per wilayah",
        "en": "Sectors and market reach by region",
    },
    "brief_compare_budget_title": {
        "id": "Anggaran dan pertumbuhan per wilayah",
        "en": "Budget and growth by region",
    },
    "brief_step_map": {"id": "Menggambar peta…", "en": "Drawing the map…"},
    "brief_step_numbers": {"id": "Menghitung angka…", "en": "Computing the figures…"},
    "brief_step_charts": {"id": "Menyusun grafik…", "en": "Building the charts…"},
    "brief_step_facts": {"id": "Menambahkan fakta dan sumber…", "en": "Adding facts and sources…"},
    "brief_step_file": {"id": "Menulis berkas…", "en": "Writing the file…"},
    "brief_help": {
        "id": "Slide PowerPoint 16:9 (peta, angka utama, grafik yang dapat diedit, fakta dan sumber) atau PDF A4 untuk dicetak, dari tampilan ini dengan filter yang aktif. Tanpa internet.",
        "en": "16:9 PowerPoint slides (map, headline figures, editable charts, facts and sources) or an A4 PDF for printing, of this view with the active filters. No internet needed.",
    },
    "brief_prepare_pptx": {"id": "Siapkan PowerPoint (PPTX)", "en": "Prepare PowerPoint (PPTX)"},
    "brief_prepare_pdf": {"id": "Siapkan PDF", "en": "Prepare PDF"},
    "brief_save_pptx": {"id": "Simpan PPTX", "en": "Save PPTX"},
    "brief_save_pdf": {"id": "Simpan PDF", "en": "Save PDF"},
    "page_stories": {"id": "Cerita", "en": "Stories"},
    "story_page_title": {"id": "Cerita lokakarya", "en": "Workshop stories"},
    "story_page_help": {
        "id": "Sebuah cerita adalah urutan tampilan (halaman, wilayah, filter, ukuran, bahasa) dengan judul dan catatan singkat. Buka tampilan yang diinginkan, lalu tambahkan dari kotak 'Tambah ke cerita' di sisi kiri. Putar dalam mode presentasi dengan tombol atau panah papan ketik.",
        "en": "A story is an ordered list of views (page, region, filters, measure, language), each with a title and a short note. Open the view you want, then add it from the 'Add to a story' box on the left. Play it in presentation mode with the buttons or the arrow keys.",
    },
    "story_new_title": {"id": "Judul cerita baru", "en": "New story title"},
    "story_new_hint": {
        "id": "mis. Lokakarya klaster batik Jawa Tengah",
        "en": "e.g. Central Java batik cluster workshop",
    },
    "story_create": {"id": "Buat cerita", "en": "Create story"},
    "story_none_yet": {
        "id": "Belum ada cerita. Buat cerita di halaman Cerita.",
        "en": "No stories yet. Create one on the Stories page.",
    },
    "story_pick": {"id": "Cerita", "en": "Story"},
    "story_link": {"id": "Tautan untuk memutar cerita ini", "en": "Link that plays this story"},
    "story_rename": {"id": "Judul cerita", "en": "Story title"},
    "story_save_title": {"id": "Simpan judul", "en": "Save title"},
    "story_no_steps": {
        "id": "Cerita ini belum punya langkah. Buka sebuah tampilan dan tambahkan dari kotak 'Tambah ke cerita' di sisi kiri.",
        "en": "This story has no steps yet. Open a view and add it from the 'Add to a story' box on the left.",
    },
    "story_up": {"id": "Naikkan", "en": "Move up"},
    "story_down": {"id": "Turunkan", "en": "Move down"},
    "story_delete_step": {"id": "Hapus langkah", "en": "Delete step"},
    "story_edit_step": {"id": "Ubah judul dan catatan", "en": "Edit title and note"},
    "story_save_step": {"id": "Simpan langkah", "en": "Save step"},
    "story_play": {"id": "Putar dalam mode presentasi", "en": "Play in presentation mode"},
    "story_export": {
        "id": "Unduh cerita sebagai slide atau PDF",
        "en": "Download the story as slides or PDF",
    },
    "story_export_help": {
        "id": "Satu slide per langkah (peta, angka utama dan catatan), sebagai PowerPoint 16:9 atau PDF A4. Tanpa internet.",
        "en": "One slide per step (map, headline figures and note), as 16:9 PowerPoint or an A4 PDF. No internet needed.",
    },
    "story_delete": {"id": "Hapus cerita", "en": "Delete story"},
    "story_delete_confirm": {
        "id": "Ya, hapus '{title}' beserta semua langkahnya",
        "en": "Yes, delete '{title}' and all its steps",
    },
    "story_add_title": {"id": "Tambah ke cerita", "en": "Add to a story"},
    "step_title": {"id": "Judul langkah", "en": "Step title"},
    "step_title_hint": {
        "id": "kosong: nama halaman dan wilayah",
        "en": "empty: page and region name",
    },
    "step_note": {"id": "Catatan (tampil di bawah peta)", "en": "Note (shown under the map)"},
    "step_note_hint": {"id": "pesan utama untuk peserta", "en": "the key message for participants"},
    "story_add_step": {"id": "Tambahkan tampilan ini", "en": "Add this view"},
    "story_step_added": {
        "id": "Langkah {n} ditambahkan ke '{story}'.",
        "en": "Step {n} added to '{story}'.",
    },
    "story_full": {
        "id": "Cerita ini sudah penuh (50 langkah).",
        "en": "This story is full (50 steps).",
    },
    "story_unknown": {
        "id": "Cerita '{id}' dari tautan tidak ditemukan atau belum punya langkah.",
        "en": "Story '{id}' from the link was not found or has no steps.",
    },
    "story_previous": {"id": "Langkah sebelumnya (panah kiri)", "en": "Previous step (left arrow)"},
    "story_next": {"id": "Langkah berikutnya (panah kanan)", "en": "Next step (right arrow)"},
    "story_stop": {"id": "Selesai", "en": "End"},
    "story_step_of": {"id": "Langkah {n}/{total}", "en": "Step {n}/{total}"},
    "story_data_changed": {
        "id": "Data telah berubah sejak cerita ini dibuat: angka yang tampil berasal dari data versi {v} saat ini.",
        "en": "The data has changed since this story was made: the figures shown come from the current data, version {v}.",
    },
    "story_kicker": {"id": "Cerita lokakarya", "en": "Workshop story"},
    "story_steps": {"id": "{n} langkah", "en": "{n} steps"},
    # Issue 12, kecamatan (kec branch): placement of centres, drill-down, per-person measures.
    "popup_approx_kecamatan": {
        "id": "Lokasi perkiraan: titik label kecamatan",
        "en": "Approximate location: kecamatan label point",
    },
    "markers_note_places": {
        "id": "Titik: {n} sentra/klaster; tanpa koordinat sendiri, {kec} diletakkan di titik label kecamatannya dan {kab} di titik label kab/kota. Klik kelompok titik untuk memisahkannya.",
        "en": "Points: {n} centres/clusters; without their own coordinates, {kec} sit at their kecamatan's label point and {kab} at their regency's. Click a group of points to spread it.",
    },
    "m_centres_per_100k": {
        "id": "Sentra/klaster per 100.000 penduduk",
        "en": "Centres per 100,000 people",
    },
    "m_workers_per_1000": {
        "id": "Tenaga kerja per 1.000 penduduk",
        "en": "Workers per 1,000 people",
    },
    "population": {"id": "Penduduk 2025", "en": "Population 2025"},
    "population_source": {
        "id": "Penduduk: Kemendagri 2025 (Kepmendagri No 300.2.2-2138 Tahun 2025), per provinsi dan kabupaten/kota, via cahyadsn/wilayah",
        "en": "Population: Ministry of Home Affairs 2025 (Kepmendagri No 300.2.2-2138/2025), per province and regency, via cahyadsn/wilayah",
    },
    "select_kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "whole_regency": {"id": "(semua)", "en": "(all)"},
    "kecamatan_prefix": {"id": "Kec. {name}", "en": "{name} district"},
    "back_to": {"id": "← {name}", "en": "← {name}"},
    "back_to_help": {"id": "Kembali ke {name}", "en": "Back to {name}"},
    "kecamatan_in": {
        "id": "Kecamatan di {regency}, {province}",
        "en": "A district (kecamatan) of {regency}, {province}",
    },
    "kecamatan_no_population": {
        "id": "Penduduk per kecamatan tidak diterbitkan bersama daftar kode, jadi ukuran per penduduk hanya ada untuk provinsi dan kabupaten/kota.",
        "en": "Population per kecamatan is not published with the code list, so per-person measures exist for provinces and regencies only.",
    },
    "about_kecamatan": {
        "id": "**Kecamatan dan penduduk**: 7.285 kecamatan dari sumber batas yang sama, dicocokkan ke kabupaten/kotanya; nama dan kode mengikuti daftar kode wilayah Kepmendagri No 300.2.2-2138 Tahun 2025 dari [cahyadsn/wilayah](https://github.com/cahyadsn/wilayah) (Lisensi MIT, © cahya dsn), yang juga memberi **jumlah penduduk 2025** per provinsi dan kabupaten/kota (untuk ukuran per penduduk). Sentra tanpa koordinat sendiri diletakkan di titik label kecamatannya (atau kab/kota bila kecamatannya tidak diketahui) — bukan lokasi persisnya. Sentra contoh (ilustratif) disebar ke kecamatan dengan bobot jumlah desa/kelurahan.",
        "en": "**Kecamatan and population**: 7,285 kecamatan (districts) from the same boundary source, fitted into their regency; names and codes follow the 2025 region code list (Kepmendagri No 300.2.2-2138/2025) from [cahyadsn/wilayah](https://github.com/cahyadsn/wilayah) (MIT licence, © cahya dsn), which also gives the **2025 population** per province and regency (for the per-person measures). Centres without their own coordinates sit at their kecamatan's label point (or their regency's when the kecamatan is not known) — not their exact location. Sample (illustrative) centres are spread over kecamatan weighted by their number of desa/kelurahan.",
    },
    # Issue 15 (shared PostgreSQL store): the store busy or unreachable.
    "store_unavailable": {
        "id": "Basis data tidak dapat dipakai saat ini: sedang dipakai proses lain atau tidak dapat dihubungi. Coba lagi sebentar lagi; bila tetap gagal, hubungi pengelola server.",
        "en": "The database cannot be used right now: it is busy in another process or cannot be reached. Try again shortly; if it keeps failing, contact the server administrator.",
    },
    "imp_placement": {
        "id": "Baris tanpa koordinat: {kec} tercatat dengan kecamatannya, {regency} hanya dengan kab/kota.",
        "en": "Rows without coordinates: {kec} are recorded with their kecamatan, {regency} with their regency only.",
    },
}


def t(label_key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The label in ``lang`` (Indonesian when missing), with ``{placeholders}`` filled."""
    entry = _TEXT[label_key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
