"""A person's paths through the dashboard in a real browser, with no route to the internet."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from loaders.store import open_store
from tests.browser.conftest import OfflinePage
from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser

HOSTILE = [
    "<img src=x onerror=\"window.parent.__xss='img'\">",
    "<script>window.parent.__xss='script'</script>",
    "${window.parent.document.title='XSS'}",
    'Sentra "Kutip" & Saudara `tik` \\ garis',
]


def _number(text: str) -> int:
    return int(text.replace(".", "").replace(",", ""))


def test_sector_filter_changes_headline_numbers_and_map(server, offline_page):
    page = offline_page.page
    page.goto(server)
    offline_page.wait_for_shapes(38)
    before = _number(offline_page.metric("Sentra"))
    legend_before = offline_page.map_frame().locator(".sentra-legend").inner_text()
    offline_page.choose("Sektor", "Kerajinan")
    offline_page.wait_for_shapes(38)
    after = _number(offline_page.metric("Sentra"))
    assert 0 < after < before
    assert "sektor=kerajinan" in page.url
    assert offline_page.map_frame().locator(".sentra-legend").inner_text() != legend_before
    offline_page.screenshot("filter-kerajinan")


def test_compare_jawa_tengah_and_yogyakarta(server, offline_page):
    page = offline_page.page
    page.goto(server)
    offline_page.wait_idle()
    page.get_by_role("link", name="Bandingkan").click()
    offline_page.wait_idle()
    offline_page.choose("Wilayah yang dibandingkan (2–4)", "Jawa Tengah")
    offline_page.choose("Wilayah yang dibandingkan (2–4)", "Daerah Istimewa Yogyakarta")
    page.get_by_text("Angka mutlak").wait_for()
    tables = page.locator('[data-testid="stTable"]')
    tables.nth(1).wait_for()
    page.locator('[data-testid="stPlotlyChart"]').nth(1).wait_for()
    assert tables.count() == 2
    headers = tables.first.locator("th").all_inner_texts()
    assert "Jawa Tengah" in headers and "Daerah Istimewa Yogyakarta" in headers
    assert "bandingkan=33" in page.url and "bandingkan=34" in page.url
    offline_page.screenshot("compare-jateng-diy")


def test_language_switch(server, offline_page):
    page = offline_page.page
    page.goto(server)
    offline_page.wait_for_shapes(38)
    offline_page.choose("Bahasa / Language", "English", testid="stSelectbox")
    page.get_by_role("heading", name="Centres & Clusters Map").wait_for()
    assert page.get_by_role("link", name="Compare").count() == 1
    assert "lang=en" in page.url
    offline_page.screenshot("language-english")


def test_copied_link_opens_the_same_view_in_a_fresh_browser(server, browser, offline_page):
    page = offline_page.page
    page.goto(server)
    offline_page.wait_for_shapes(38)
    offline_page.choose("Sektor", "Tekstil dan pakaian")
    offline_page.choose("Ukuran di peta", "Sentra yang mengekspor (%)", testid="stSelectbox")
    offline_page.choose("Cari wilayah", "Jawa Tengah", testid="stSelectbox")
    offline_page.wait_for_shapes(35)
    link = page.url
    headline = offline_page.metric("Sentra")
    fresh = browser.new_context(viewport={"width": 1280, "height": 720})
    other = OfflinePage(fresh.new_page())
    other.page.goto(link)
    other.wait_for_shapes(35)
    assert other.page.get_by_role("heading", name="Jawa Tengah").count() == 1
    assert other.metric("Sentra") == headline
    legend = other.map_frame().locator(".sentra-legend").inner_text()
    assert "mengekspor" in legend
    other.screenshot("copied-link")
    fresh.close()


def test_on_a_phone_the_map_comes_right_after_the_title_and_the_search_box(server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID", is_mobile=True, has_touch=True
    )
    phone = OfflinePage(context.new_page())
    try:
        phone.page.goto(server + "/?wilayah=33")
        phone.wait_for_shapes(35)
        sidebar = phone.page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_attribute("data-collapsed") == "true"  # starts collapsed
        box = phone.page.locator(MAP_FRAME).bounding_box()
        assert box["y"] < 400 and box["width"] > 340, box
        phone.screenshot("phone-390x844")
        phone.assert_no_exception()
    finally:
        context.close()


def test_presentation_mode_hides_sidebar_and_widens_map(server, offline_page):
    page = offline_page.page
    page.goto(server + "/?wilayah=33")
    offline_page.wait_for_shapes(35)
    page.get_by_text("Mode presentasi").click()
    offline_page.wait_idle()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    box = page.locator(MAP_FRAME).bounding_box()
    assert box["width"] > 1200 and box["y"] + box["height"] <= 720
    offline_page.screenshot("presentation-1280x720")
    page.get_by_text("Keluar dari mode presentasi").click()
    offline_page.wait_idle()
    assert page.locator('[data-testid="stSidebar"]').is_visible()


def _upload(offline_page, server: str, path: Path) -> None:
    page = offline_page.page
    page.goto(server + "/data")
    offline_page.wait_idle()
    offline_page.sign_in()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    offline_page.wait_idle()
    page.locator('[data-testid="stFileUploader"]').scroll_into_view_if_needed()


def test_import_small_csv_shows_report_and_stores_a_version(server, offline_page, tmp_path):
    before = open_store().current_version()
    path = tmp_path / "sentra_saya.csv"
    path.write_text(
        "Nama Sentra;Kab/Kota;Komoditas;Omzet;Jumlah Unit Usaha\n"
        "Sentra Gerabah Uji;Kab. Bantul;gerabah;2,5 miliar;40\n"
        "Sentra Batik Uji;Pekalongan;batik;1.200.000.000;25\n"
        "Sentra Kopi Uji;Kota Antah;kopi;900 juta;12\n",
        encoding="utf-8",
    )
    _upload(offline_page, server, path)
    page = offline_page.page
    page.get_by_text("1 baris sah, 2 baris bermasalah").wait_for()
    offline_page.screenshot("import-report")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh laporan (CSV)").click()
    report = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(report), delimiter=";"))
    assert [r["Baris"] for r in rows] == ["3", "4"], rows  # rows as the file numbers them
    assert "Kota Pekalongan (33.75)" in rows[0]["Keterangan"]
    assert "tidak dikenal" in rows[1]["Keterangan"]
    page.get_by_text("Pratinjau (belum disimpan)").wait_for()
    page.get_by_role("button", name=re.compile("^Simpan: 1 baru")).click()
    offline_page.wait_idle()
    page.get_by_text(f"Tersimpan sebagai versi {before + 1}").wait_for()
    assert open_store().current_version() == before + 1
    names = set(open_store().centres()["name"])
    assert "Sentra Gerabah Uji" in names and "Sentra Batik Uji" not in names


BAD_FILES = {
    "kosong.csv": (b"", "Berkas kosong"),
    "laporan.pdf": (b"%PDF-1.4 bukan tabel", "tidak didukung"),
    "rusak.xlsx": (b"PK\x03\x04" + b"\x00" * 200, "Berkas Excel rusak"),
    "rusak.geojson": (b'{"type": "FeatureCollection", "features": [', "GeoJSON tidak valid"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_uploads_get_a_clear_message_and_change_nothing(server, offline_page, tmp_path, name):
    data, message = BAD_FILES[name]
    before = open_store().versions()
    path = tmp_path / name
    path.write_bytes(data)
    _upload(offline_page, server, path)
    offline_page.page.get_by_text(message).first.wait_for()
    pd.testing.assert_frame_equal(open_store().versions(), before)


def test_ten_megabytes_of_garbage_csv_is_refused(server, offline_page, tmp_path):
    import random

    rng = random.Random(3)
    path = tmp_path / "sampah.csv"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(10 * 1024 * 1024)))
    before = open_store().versions()
    _upload(offline_page, server, path)
    page = offline_page.page
    page.locator('[data-testid="stAlertContentError"]').first.wait_for()
    pd.testing.assert_frame_equal(open_store().versions(), before)
    offline_page.screenshot("upload-garbage")


def test_file_over_the_size_limit_is_refused(server, offline_page, tmp_path):
    path = tmp_path / "besar.csv"
    path.write_bytes(b"nama;kab/kota\n" + b"Sentra;Kab. Bantul\n" * 1_500_000)  # ~28 MB
    _upload(offline_page, server, path)
    page = offline_page.page
    page.get_by_text("Berkas lebih besar dari batas 25 MB").wait_for()
    assert page.get_by_text("Laporan validasi").count() == 0
    offline_page.screenshot("upload-too-large")


def test_downloads_open_and_neutralise_formulas(server, offline_page, tmp_path):
    formula = '=HYPERLINK("http://contoh.invalid","klik")'
    rows = pd.DataFrame(
        {
            "id": ["FORMULA-1"],
            "name": [formula],
            "kind": ["sentra"],
            "sector": ["kerajinan"],
            "province_code": ["65"],
            "regency_code": ["65.71"],
            "data_status": ["sumber"],
            "status": ["aktif"],
            "source": ["uji"],
        }
    )
    open_store().import_centres(rows, "uji formula")
    page = offline_page.page
    page.goto(server + "/data?komoditas=HYPERLINK")
    offline_page.wait_idle()
    files = {}
    for kind in ("csv", "xlsx", "geojson"):
        with page.expect_download() as info:
            page.get_by_role(
                "button", name=f"Unduh {'Excel' if kind == 'xlsx' else kind.upper()}"
            ).click()
        files[kind] = tmp_path / info.value.suggested_filename
        info.value.save_as(files[kind])
    text = files["csv"].read_text(encoding="utf-8-sig")
    row = next(
        r for r in csv.DictReader(io.StringIO(text), delimiter=";") if r["id"] == "FORMULA-1"
    )
    assert row["name"] == "'" + formula
    sheet = openpyxl.load_workbook(files["xlsx"]).active
    header = [c.value for c in sheet[1]]
    cell = next(
        r[header.index("name")] for r in sheet.iter_rows(min_row=2) if r[0].value == "FORMULA-1"
    )
    assert cell.data_type == "s" and cell.value == "'" + formula
    doc = json.loads(files["geojson"].read_text(encoding="utf-8"))
    assert any(f["properties"]["name"] == formula for f in doc["features"])


def test_hostile_names_render_as_text_everywhere(server, offline_page, layers):
    rows = pd.DataFrame(
        {
            "id": [f"XSS-{i}" for i in range(len(HOSTILE))],
            "name": HOSTILE,
            "commodity": HOSTILE[::-1],
            "kind": "sentra",
            "sector": "kerajinan",
            "province_code": "65",
            "regency_code": "65.02",
            "data_status": "sumber",
            "status": "aktif",
            "source": "uji keamanan",
        }
    )
    open_store().import_centres(rows, "uji xss")
    page = offline_page.page
    page.goto(server + "/?wilayah=65.02")
    offline_page.wait_for_shapes(len(layers.kecamatan_of("65.02")))  # the regency's kecamatan
    frame = next(f for f in page.frames if "st_folium" in f.url)
    # Render every marker's own popup and tooltip content the way Leaflet shows them.
    opened = frame.evaluate(
        """() => {
            const texts = [];
            window.map.eachLayer(l => {
              if (!l.zoomToShowLayer) return;
              for (const m of l.getLayers()) {
                const popup = L.popup().setLatLng(m.getLatLng())
                  .setContent(m.getPopup().getContent()).openOn(window.map);
                texts.push(popup.getElement().querySelector('.leaflet-popup-content').innerText);
                L.tooltip({permanent: true}).setLatLng(m.getLatLng())
                  .setContent(m.getTooltip().getContent()).addTo(window.map);
              }
            });
            return texts;
        }"""
    )
    page.wait_for_timeout(500)
    assert len(opened) >= len(HOSTILE), opened
    assert any("<img src=x" in t for t in opened)
    assert any("${window.parent.document.title" in t for t in opened)
    assert page.evaluate("window.__xss") is None
    assert page.title() != "XSS" and frame.evaluate("document.title") != "XSS"
    assert frame.locator(".leaflet-popup-content img, .leaflet-tooltip img").count() == 0
    assert offline_page.dialogs == []
    offline_page.screenshot("hostile-popup")
    page.goto(server + "/profil?wilayah=65.02")
    offline_page.wait_idle()
    assert page.evaluate("window.__xss") is None and offline_page.dialogs == []


def test_junk_url_parameters_fall_back_with_a_notice(server, offline_page):
    page = offline_page.page
    page.goto(server + "/?wilayah=<b>99</b>&metrik=drop table&sektor=zzz&tahun=1900-3000")
    offline_page.wait_for_shapes(38)
    notices = page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts()
    assert len(notices) >= 3
    page.goto(server + "/halaman-tidak-ada")
    offline_page.wait_idle()
    offline_page.screenshot("unknown-page")
