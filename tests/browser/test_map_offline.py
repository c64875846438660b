"""The home map in a real browser with no route to the internet."""

from __future__ import annotations

import pytest

from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser


def _hover_until(page, text: str) -> int:
    page.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    shapes = page.shapes()
    tooltip = page.map_frame().locator(".leaflet-tooltip")
    for i in range(shapes.count()):
        shapes.nth(i).hover(force=True)
        if tooltip.count() and text in tooltip.last.inner_text():
            return i
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
