"""Drill-down to the kecamatan in a real browser: Jawa Tengah → Kabupaten Pekalongan → Buaran."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from loaders.store import open_store
from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser


def _click_shape_named(page, name: str) -> None:
    """Hover the shapes until the tooltip shows ``name`` (exactly), then click that one. The
    events go to the shape itself: a cluster of centres drawn over its middle would take a
    pointer's."""
    page.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    shapes = page.shapes()
    tooltip = page.map_frame().locator(".leaflet-tooltip")
    for i in range(shapes.count()):
        shapes.nth(i).dispatch_event("mouseover")
        try:  # a tooltip may go as the pointer moves on
            text = tooltip.last.inner_text(timeout=3000) if tooltip.count() else ""
        except PlaywrightTimeoutError:
            text = ""
        if text and text.splitlines()[0].strip() == name:
            shapes.nth(i).dispatch_event("click")
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
    offline_page.choose("Cari wilayah", "Kec. Buaran · Kab. Pekalongan", testid="stSelectbox")
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
    centres = open_store().centres()  # the server's store: earlier tests may have imported
    here = centres[centres["kecamatan_code"] == "33.26.09"]
    assert len(here) > 1 and here["lat"].isna().all()  # none with coordinates of its own
    page = offline_page.page
    page.goto(f"{server}/?wilayah=33.26.09")
    offline_page.wait_for_shapes(19)
    offline_page.wait_idle()
    frame = offline_page.map_frame()
    cluster = frame.locator(".marker-cluster")
    cluster.first.wait_for()
    assert cluster.count() == 1 and cluster.first.inner_text().strip() == str(len(here))
    cluster.first.click()
    markers = frame.locator("path.leaflet-interactive:not(.sentra-region)")
    markers.nth(len(here) - 1).wait_for()  # every marker (and its leg) around the point
    offline_page.screenshot("kecamatan-spiderfy")
    frame.locator("path.leaflet-interactive:not(.sentra-region):not([fill=none])").first.click()
    assert "titik label kecamatan" in frame.locator(".leaflet-popup-content").inner_text()


@pytest.mark.parametrize(
    ("lang", "label", "several", "barat"),
    [
        ("id", "Cari wilayah", "Beberapa wilayah cocok", "Kec. Pekalongan Barat · Kota Pekalongan"),
        ("en", "Find a region", "Several regions", "Pekalongan Barat district · Kota Pekalongan"),
    ],
)
def test_one_box_finds_any_region_by_a_typed_name(
    server, offline_page, lang, label, several, barat
):
    page = offline_page.page
    page.goto(f"{server}/?lang={lang}")
    offline_page.wait_for_shapes(38)
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text(label, exact=True)
    )
    box.first.click()
    page.keyboard.type("pekalongan")
    # Streamlit's English "Add: pekalongan" is not shown; ours says what Enter does
    creatable = page.locator('[data-key="__creatable__"] > div').first
    shown = creatable.evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]"
    )
    assert shown[0] == "0px" and ("cari di semua" if lang == "id" else "search every") in shown[1]
    offline_page.screenshot(f"search-typing-{lang}")
    page.keyboard.press("Enter")
    offline_page.wait_idle()
    page.get_by_text(several).wait_for()
    offered = page.locator('[data-testid="stButtonGroup"] button').all_inner_texts()
    assert offered[:2] == ["Kab. Pekalongan · Jawa Tengah", "Kota Pekalongan · Jawa Tengah"]
    assert barat in offered and len(offered) == 7
    offline_page.screenshot(f"search-several-{lang}")
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text=barat).click()
    page.get_by_role(
        "heading", name=re.compile("› Kota Pekalongan › .*Pekalongan Barat")
    ).wait_for()
    assert "wilayah=33.75.01" in page.url

    box.first.click()  # a kecamatan of another province, one of its name: selected at once
    page.keyboard.type("kedungwuni")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=re.compile("› Kab. Pekalongan › .*Kedungwuni")).wait_for()
    assert "wilayah=33.26" in page.url
