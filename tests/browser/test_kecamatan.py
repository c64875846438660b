"""Drill-down to the kecamatan in a real browser: Jawa Tengah → Kabupaten Pekalongan → Buaran."""

from __future__ import annotations

import pytest

from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser


def _click_shape_named(page, name: str) -> None:
    """Hover the shapes until the tooltip shows ``name`` (exactly), then click that one."""
    page.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    shapes = page.shapes()
    tooltip = page.map_frame().locator(".leaflet-tooltip")
    for i in range(shapes.count()):
        shapes.nth(i).hover(force=True)
        if tooltip.count() and tooltip.last.inner_text().splitlines()[0].strip() == name:
            shapes.nth(i).click(force=True)
            return
    raise AssertionError(f"no shape shows '{name}' on hover")


def test_click_kabupaten_pekalongan_shows_its_19_kecamatan(server, offline_page):
    page = offline_page.page
    page.goto(f"{server}/?wilayah=33")
    offline_page.wait_for_shapes(35)
    _click_shape_named(offline_page, "Kabupaten Pekalongan")
    offline_page.wait_for_shapes(19)
    assert "wilayah=33.26" in page.url
    page.get_by_role("heading", name="Jawa Tengah › Kabupaten Pekalongan").wait_for()
    offline_page.wait_idle()
    offline_page.screenshot("kecamatan-kabupaten-pekalongan")
    offline_page.choose("Kecamatan", "Buaran", testid="stSelectbox")
    page.get_by_role("heading", name="Jawa Tengah › Kab. Pekalongan › Kec. Buaran").wait_for()
    assert "wilayah=33.26.14" in page.url
    offline_page.wait_for_shapes(19)
    offline_page.wait_idle()
    offline_page.screenshot("kecamatan-buaran")
    page.get_by_role("button", name="← Kab. Pekalongan").click()
    page.get_by_role("heading", name="Jawa Tengah › Kabupaten Pekalongan").wait_for()
    offline_page.assert_no_exception()
    assert offline_page.blocked == []


def test_centres_at_one_kecamatan_point_spread_when_clicked(server, offline_page):
    page = offline_page.page
    page.goto(f"{server}/?wilayah=33.26.09")  # nine centres, none with own coordinates
    offline_page.wait_for_shapes(19)
    offline_page.wait_idle()
    frame = offline_page.map_frame()
    cluster = frame.locator(".marker-cluster")
    cluster.first.wait_for()
    assert cluster.count() == 1 and cluster.first.inner_text().strip() == "9"
    cluster.first.click()
    markers = frame.locator("path.leaflet-interactive:not(.sentra-region)")
    markers.nth(8).wait_for()  # nine markers (and their legs) spread around the point
    offline_page.screenshot("kecamatan-spiderfy")
    frame.locator("path.leaflet-interactive:not(.sentra-region):not([fill=none])").first.click()
    assert "titik label kecamatan" in frame.locator(".leaflet-popup-content").inner_text()
