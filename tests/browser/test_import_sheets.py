"""An official's own spreadsheet through the real upload widget, in chromium: the header
row found below the title, the report in Indonesian, the import; then a regional table
imported as an indicator and shown on the map with its source."""

from __future__ import annotations

import re

import pytest

from loaders.store import open_store
from tests.browser.conftest import OfflinePage
from tests.officials_files import DINAS_GRID, DINAS_MERGES, to_xlsx
from tests.test_regional_tables import WIDE

pytestmark = pytest.mark.browser

ENGLISH_LEFTOVERS = ("Drag and drop", "200MB", "Browse files", "Upload", "None", "version_id")


def _upload(offline_page: OfflinePage, path) -> None:
    page = offline_page.page
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    offline_page.wait_idle()


def test_provincial_sheet_and_regional_table_through_the_upload_widget(
    server, offline_page, tmp_path
):
    page = offline_page.page
    page.goto(server + "/data")
    offline_page.wait_idle()
    # anonymous: no uploader, no restore button
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.get_by_role("button", name=re.compile("^Pulihkan")).count() == 0
    offline_page.sign_in()
    path = tmp_path / "Data Sentra IKM Jateng 2024.xlsx"
    path.write_bytes(
        to_xlsx(
            {
                "Petunjuk": ([["Lihat lembar berikut"]], []),
                "Data Sentra": (DINAS_GRID, DINAS_MERGES),
            }
        )
    )
    before = open_store().current_version()
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.scroll_into_view_if_needed()
    for english in ("Drag and drop file here", "Limit 200MB per file", "Browse files"):
        assert not page.get_by_text(english).first.is_visible(), english  # ours show instead
    offline_page.screenshot("import-uploader")
    _upload(offline_page, path)
    page.get_by_text("Judul kolom diambil dari baris 4–5; 4 baris data di bawahnya.").wait_for()
    page.get_by_text("3 baris sah, 1 baris bermasalah, 0 dengan peringatan.").wait_for()
    report = page.locator('[data-testid="stDataFrame"]').nth(1)
    report.scroll_into_view_if_needed()
    offline_page.wait_idle()
    shot = offline_page.screenshot("import-sheet-report")
    assert shot.stat().st_size > 10_000
    text = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    for word in ENGLISH_LEFTOVERS:
        assert word not in text, word
    page.get_by_role("button", name=re.compile("^Simpan: 3 baru")).click()
    offline_page.wait_idle()
    page.get_by_text(f"Tersimpan sebagai versi {before + 1}: 3 baru").wait_for()
    stored = open_store().centres().set_index("name")
    assert stored.loc["Sentra Batik Wiradesa", "kecamatan_code"] == "33.26.16"

    # A regional table, imported as a named indicator and shown on the map.
    page.get_by_text("Tabel per wilayah (satu angka per wilayah dan tahun)").click()
    offline_page.wait_idle()
    table = tmp_path / "Tabel 4.1 Jumlah Sentra IKM.xlsx"
    table.write_bytes(to_xlsx({"Tabel 4.1": (WIDE, [(0, 0, 0, 5)])}))
    _upload(offline_page, table)
    page.get_by_text("5 wilayah (kabupaten/kota, kolom 'Kabupaten/Kota')").wait_for()
    page.get_by_label("Nama indikator").fill("Jumlah sentra IKM")
    page.get_by_label("Satuan").fill("unit")
    page.get_by_label("Satuan").press("Enter")
    offline_page.wait_idle()
    offline_page.screenshot("import-regional-report")
    page.get_by_role("button", name="Impor 24 nilai sebagai indikator").click()
    offline_page.wait_idle()
    page.get_by_text("Indikator 'Jumlah sentra IKM' tersimpan").wait_for()
    page.goto(server + "/?wilayah=33&metrik=imp%3Ajumlah_sentra_ikm")
    offline_page.wait_for_shapes(35)
    legend = offline_page.map_frame().locator(".sentra-legend").inner_text()
    assert "Jumlah sentra IKM (2023)" in legend and "Tidak ada data" in legend
    assert "BPS Provinsi Jawa Tengah" in legend
    offline_page.screenshot("map-imported-indicator")
