"""Years in motion on the real map, in Debian's chromium: the play control changes the
fills and the year without reloading anything, the year stopped on lands in the link (and
in a story step), the control works from the keyboard, and imported names stay text."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Frame, Page, expect

from loaders.import_file import read_table
from loaders.importer import checker_for, indicator_key, read_regional_sheet
from loaders.store import open_store
from loaders.stories import StoryStore
from tests.browser.conftest import OfflinePage
from tests.officials_files import to_xlsx
from tests.test_regional_tables import WIDE
from tools.live_server import ROOT, running_server

pytestmark = pytest.mark.browser

JATENG_REGENCIES = 35


def live_frame(page: Page) -> Frame:
    """The map's frame as a Playwright ``Frame`` (to run script in it)."""
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def fills(page: Page) -> list[str]:
    return (
        live_frame(page)
        .locator("path.sentra-region")
        .evaluate_all("shapes => shapes.map(s => s.getAttribute('fill'))")
    )


def open_map(offline_page: OfflinePage, url: str) -> None:
    offline_page.page.goto(url)
    offline_page.wait_idle(120)
    offline_page.wait_for_shapes(JATENG_REGENCIES, timeout_s=120)


def test_play_changes_the_fills_by_year_and_the_year_stopped_on_stays_in_the_link(
    server, browser, offline_page
):
    page = offline_page.page
    open_map(offline_page, server + "/?wilayah=33")  # sentra by founding year
    live_frame(page).evaluate("window.sentraNotReloaded = true")
    frame = offline_page.map_frame()
    label = frame.locator(".sentra-year-label")
    expect(label).to_have_text("Semua tahun")
    before = fills(page)

    play = frame.get_by_role("button", name="Putar")
    play.focus()  # keyboard: the button is focusable and Enter presses it
    page.keyboard.press("Enter")
    pause = frame.get_by_role("button", name="Jeda")
    expect(pause).to_be_focused()
    seen: dict[str, tuple[str, ...]] = {}
    for _ in range(20):
        seen[label.inner_text()] = tuple(fills(page))
        page.wait_for_timeout(250)
    years = sorted(int(y) for y in seen if y.isdigit())
    assert len(years) >= 3, seen.keys()
    assert years == list(range(years[0], years[0] + len(years)))  # one year per step
    assert len(set(seen.values())) >= 3  # the colours follow the years
    assert tuple(before) not in {seen[str(y)] for y in years}
    offline_page.screenshot("motion-playing")
    page.keyboard.press("Space")  # pause, still from the keyboard
    expect(frame.get_by_role("button", name="Putar")).to_be_visible()
    stopped = label.inner_text()
    at_stop = fills(page)
    page.wait_for_url(re.compile(rf"tahun_peta={stopped}"), timeout=30_000)
    offline_page.wait_idle()
    # the dashboard reran for the link without reloading the map
    assert live_frame(page).evaluate("window.sentraNotReloaded") is True
    assert fills(page) == at_stop
    expect(frame.locator(".sentra-legend")).to_contain_text(f"Sentra berdiri s.d. {stopped}")
    page.get_by_text("Tabel peta").click()
    expect(page.get_by_text(f"Sentra berdiri s.d. {stopped}", exact=True)).to_be_visible()
    offline_page.screenshot("motion-stopped")

    # Tab goes from the button to the year slider, with a visible focus ring; its arrows
    # change the year and the link follows once the reader rests on it
    play.focus()
    page.keyboard.press("Tab")
    slider = frame.get_by_role("slider", name="Tahun peta")
    expect(slider).to_be_focused()
    assert slider.evaluate("s => getComputedStyle(s).outlineStyle") == "solid"
    page.keyboard.press("ArrowLeft")
    earlier = str(int(stopped) - 1)
    expect(label).to_have_text(earlier)
    page.wait_for_url(re.compile(rf"tahun_peta={earlier}"), timeout=30_000)
    offline_page.wait_idle()
    chosen = fills(page)

    fresh_context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    fresh = OfflinePage(fresh_context.new_page())
    open_map(fresh, page.url)  # the link opens the map at that year
    expect(fresh.map_frame().locator(".sentra-year-label")).to_have_text(earlier)
    assert fills(fresh.page) == chosen
    fresh.map_frame().get_by_role("button", name="Semua tahun").click()  # back to every centre
    fresh.page.wait_for_url(lambda url: "tahun_peta" not in url, timeout=30_000)
    assert fills(fresh.page) == before
    fresh.assert_no_exception()
    assert fresh.blocked == [] and offline_page.blocked == []
    fresh_context.close()


def test_a_story_step_keeps_the_year_the_map_stopped_on(server, browser, offline_page):
    page = offline_page.page
    story = StoryStore(open_store()).create("Tahun bergerak")
    open_map(offline_page, server + "/?wilayah=33&metrik=budget_rp")
    offline_page.sign_in()
    frame = offline_page.map_frame()
    frame.get_by_role("slider", name="Tahun peta").focus()
    page.keyboard.press("ArrowRight")  # from all years to the first budget year
    expect(frame.locator(".sentra-year-label")).to_have_text("2019")
    page.wait_for_url(re.compile(r"tahun_peta=2019"), timeout=30_000)
    offline_page.wait_idle()
    page.get_by_text("Tambah ke cerita").click()
    page.get_by_label("Judul langkah").fill("Anggaran 2019")
    page.get_by_role("button", name="Tambahkan tampilan ini").click()
    offline_page.wait_idle()
    step = StoryStore(open_store()).get(story.story_id).steps[-1]
    assert step.params["tahun_peta"] == ["2019"] and step.params["metrik"] == ["budget_rp"]

    fresh_context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    fresh = OfflinePage(fresh_context.new_page())
    fresh.page.goto(f"{server}/?cerita={story.story_id}")
    fresh.wait_for_shapes(JATENG_REGENCIES, timeout_s=120)
    expect(fresh.map_frame().locator(".sentra-year-label")).to_have_text("2019")
    legend = fresh.map_frame().locator(".sentra-legend")
    expect(legend).to_contain_text("Anggaran ke sentra 2019 (Rp)")
    assert "tahun_peta=2019" in fresh.page.url
    fresh.screenshot("motion-story-step")
    fresh.assert_no_exception()
    fresh_context.close()


PAYLOAD = "${window.parent.document.title='X'}<img src=x onerror=alert(1)>"


def test_imported_names_and_units_stay_text_while_the_years_play(fresh_store, offline_page, layers):
    """On a server and store of its own: the indicator it imports would otherwise be a
    measure of every later test's pages (a second "Unduh CSV", a third region)."""
    sheet = read_table(to_xlsx({"Tabel": (WIDE, [])}), "xss.xlsx")
    _, result = read_regional_sheet(sheet, checker_for(layers))
    name = f"Indikator {PAYLOAD}"
    meta = {
        "key": indicator_key(name),
        "name": name,
        "unit": "<img src=x onerror=alert(2)>",
        "source": f"Sumber {PAYLOAD}",
        "level": result.level,
        "data_status": "sumber",
        "label": "xss.xlsx",
    }
    fresh_store.open().import_regional_indicator(meta, result.values)
    with running_server(ROOT / "artifacts" / "streamlit-motion-server.log") as server:
        page = offline_page.page
        open_map(offline_page, f"{server}/?wilayah=33&metrik=imp:{meta['key']}")
        title = page.title()
        frame = offline_page.map_frame()
        expect(frame.locator(".sentra-year-label")).to_have_text("2023")  # the newest year
        frame.get_by_role("button", name="Putar").click()
        expect(frame.locator(".sentra-year-label")).to_have_text("2021", timeout=10_000)
        live_frame(page).evaluate(  # Kabupaten Pekalongan's tooltip: a value with its unit
            """() => window.map.eachLayer(l => {
              if (l.feature && l.feature.properties.code === '33.26') { l.openTooltip(); }
            })"""
        )  # (the points of its centres lie over its shape, so a mouse would hover them)
        expect(frame.locator(".leaflet-tooltip")).to_contain_text("<img src=x onerror=alert(2)>")
        expect(frame.locator(".sentra-legend")).to_contain_text(f"Indikator {PAYLOAD} (20")
        offline_page.screenshot("motion-escaped")
        assert frame.locator(".sentra-legend img, .leaflet-tooltip img").count() == 0
        assert page.title() == title and offline_page.dialogs == []


def test_the_map_picture_button_gives_the_commands_png_of_the_view(server, offline_page, tmp_path):
    page = offline_page.page
    view = "/?wilayah=33&metrik=budget_rp&tahun_peta=2020&lang=en"
    open_map(offline_page, server + view)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download map picture").click()
    assert info.value.suggested_filename == "peta-33-budget_rp-2020.png"
    clicked = tmp_path / "clicked.png"
    info.value.save_as(clicked)
    command = tmp_path / "command.png"
    args = ["--wilayah", "33", "--metrik", "budget_rp", "--tahun-peta", "2020", "--lang", "en"]
    subprocess.run(
        [sys.executable, "-m", "loaders.map_image", *args, "--out", str(command)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=180,
    )
    with Image.open(clicked) as got, Image.open(command) as expected:
        assert got.size == (1920, 1080)
        assert np.array_equal(np.asarray(got), np.asarray(expected))  # the same picture
    assert offline_page.blocked == []
