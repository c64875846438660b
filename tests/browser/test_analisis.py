"""The Analisis page in chromium: the hot-spot map draws offline, a region's class reads
on hover, one click opens Bandingkan with the region and its three closest peers; seen in
both languages at a laptop's and a phone's width (screenshots in artifacts/screenshots/)."""

from __future__ import annotations

import pytest

from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser

VIEW = "analisis?wilayah=33.26"


def open_analisis(server: str, offline_page, query: str = "") -> None:
    offline_page.page.goto(f"{server}/{VIEW}{query}")
    offline_page.wait_for_shapes(35)  # the regencies of Jawa Tengah
    offline_page.wait_idle()


def test_analisis_draws_its_map_offline_and_names_each_class(server, offline_page):
    page = offline_page.page
    open_analisis(server, offline_page)
    for name in ("Wilayah serupa", "Titik panas", "Peluang sektor"):
        assert page.get_by_role("heading", name=name).count() == 1
    frame = offline_page.map_frame()
    assert "Tinggi–Tinggi (titik panas)" in frame.locator(".sentra-legend").inner_text()
    map_frame = page.locator(MAP_FRAME)
    map_frame.evaluate("frame => frame.scrollIntoView({block: 'center'})")
    box = map_frame.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # Central Java
    page.mouse.move(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2 + 3)
    tooltip = frame.locator(".leaflet-tooltip").first
    tooltip.wait_for()
    assert " · p = " in tooltip.inner_text()  # the class is in words, not colour alone
    assert "Moran's I global" in page.locator("body").inner_text()
    assert not offline_page.blocked, offline_page.blocked
    offline_page.screenshot("analisis-id-1280")


def test_one_click_opens_compare_with_three_closest_peers(server, offline_page):
    page = offline_page.page
    open_analisis(server, offline_page)
    page.get_by_role("button", name="Bandingkan dengan 3 yang paling mirip").click()
    page.wait_for_url("**/bandingkan?**")
    offline_page.wait_idle()
    assert page.url.count("bandingkan=") == 4 and "bandingkan=33.26" in page.url
    assert page.get_by_role("heading", name="Bandingkan").count() == 1


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [1280, 390])
def test_analisis_seen_in_both_languages_and_widths(server, offline_page, lang, width):
    page = offline_page.page
    page.set_viewport_size({"width": width, "height": 900})
    open_analisis(server, offline_page, "&lang=en" if lang == "en" else "")
    heading = "Analysis: Kabupaten Pekalongan" if lang == "en" else "Analisis: Kabupaten Pekalongan"
    assert page.get_by_role("heading", name=heading).count() == 1
    offline_page.screenshot(f"analisis-{lang}-{width}")
