"""The home map in a real browser with no route to the internet."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser


def _hover_until(page, text: str) -> int:
    page.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    shapes = page.shapes()
    tooltip = page.map_frame().locator(".leaflet-tooltip")
    for i in range(shapes.count()):
        shapes.nth(i).hover(force=True)
        try:  # a tooltip can close between two reads when the pointer crosses a border
            if text in tooltip.last.inner_text(timeout=2000):
                return i
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no shape shows '{text}' on hover")


def test_home_map_draws_38_provinces_offline(server, offline_page):
    offline_page.page.goto(server)
    offline_page.wait_for_shapes(38)
    offline_page.screenshot("home-national")
    offline_page.assert_no_exception()
    assert offline_page.blocked == []
    attribution = offline_page.map_frame().locator(".leaflet-control-attribution").inner_text()
    assert "wilayah_boundaries" in attribution and "MIT" in attribution


def test_click_province_drills_down_and_back(server, offline_page):
    page = offline_page.page
    page.goto(server)
    offline_page.wait_for_shapes(38)
    index = _hover_until(offline_page, "Jawa Tengah")
    offline_page.shapes().nth(index).click(force=True)
    offline_page.wait_for_shapes(35)
    assert "wilayah=33" in page.url
    page.get_by_role("heading", name="Jawa Tengah").wait_for()
    offline_page.screenshot("drilldown-jawa-tengah")
    page.get_by_role("button", name="Kembali ke Indonesia").click()
    offline_page.wait_for_shapes(38)
    assert "wilayah" not in page.url
    offline_page.assert_no_exception()
    assert offline_page.blocked == []


def test_the_basemap_is_chosen_on_the_map_itself_and_remembered(server, offline_page):
    """No tiles are asked for until a reader picks a basemap in the map's layer control;
    the next map (another region) starts with it. The frame is named for screen readers."""
    page = offline_page.page
    page.goto(server)
    offline_page.wait_for_shapes(38)
    assert page.locator(MAP_FRAME).get_attribute("title") == "Peta Jumlah sentra, Indonesia"
    assert offline_page.blocked == []
    frame = offline_page.map_frame()
    frame.locator(".leaflet-control-layers").hover()
    assert frame.get_by_label("Tanpa peta dasar").is_checked()
    frame.get_by_label("OpenStreetMap").check()
    page.wait_for_timeout(1000)
    assert any("tile.openstreetmap.org" in url for url in offline_page.blocked)
    page.goto(f"{server}/?wilayah=33")
    offline_page.wait_for_shapes(35)
    assert page.locator(MAP_FRAME).get_attribute("title") == "Peta Jumlah sentra, Jawa Tengah"
    assert frame.get_by_label("OpenStreetMap").is_checked()
    offline_page.assert_no_exception()
