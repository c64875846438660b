"""WCAG 2.1 A and AA rules of axe-core on every page, in the page and inside the map's frame,
at 1280 px, and on the map and the profile on a phone (390 px); keyboard focus is visible."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import OfflinePage
from tests.officials_files import to_csv
from ui import streamlit_texts

pytestmark = pytest.mark.browser

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = [
    "/",
    "/?wilayah=33.26&lang=en",
    "/profil?wilayah=33",
    "/bandingkan?bandingkan=33&bandingkan=34&bandingkan=35",
    "/sektor",
    "/analisis?wilayah=33.26",
    "/anggaran",
    "/data",
    "/tentang",
    "/cerita",
]
AXE_SCRIPT = Axe().axe_script  # the axe-core build that axe-playwright-python ships


def violations(page) -> list[str]:
    """Every axe violation in the page and in each of its frames (the map is a document of
    its own), as 'rule: target' lines."""
    found = []
    for frame in page.frames:
        frame.evaluate(AXE_SCRIPT)
        result = frame.evaluate("rules => axe.run(document, rules)", RULES)
        for rule in result["violations"]:
            found += [f"{rule['id']}: {node['target']}" for node in rule["nodes"]]
    return found


def _open(offline_page, server: str, path: str) -> None:
    offline_page.page.goto(server + path)
    offline_page.page.locator("h1").first.wait_for()
    offline_page.wait_idle()
    if offline_page.page.locator("iframe").count():
        offline_page.page.wait_for_timeout(1500)  # the map frame draws after the page


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violation_on_a_page(server, offline_page, path):
    _open(offline_page, server, path)
    assert violations(offline_page.page) == []


@pytest.mark.parametrize(
    "path", ["/?wilayah=33", "/profil?wilayah=33.26", "/analisis?wilayah=33.26"]
)
def test_no_axe_violation_on_a_phone(server, browser, path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="id-ID"
    )
    page = OfflinePage(context.new_page())
    try:
        _open(page, server, path)
        assert violations(page.page) == []
    finally:
        context.close()


def test_no_axe_violation_where_an_editor_imports(server, offline_page, tmp_path: Path):
    """Signed in, the uploader and the preview of an import are checked too (the uploader's
    button had no name a screen reader could read)."""
    _open(offline_page, server, "/data")
    offline_page.sign_in()
    assert violations(offline_page.page) == []
    sheet = tmp_path / "sentra.csv"
    sheet.write_bytes(
        to_csv(
            [
                ["Daftar sentra IKM"],
                ["Nama Sentra", "Kabupaten/Kota", "Komoditas"],
                ["Sentra Batik Simbang Kulon", "Kab. Pekalongan", "Batik"],
            ]
        )
    )
    offline_page.page.locator("input[type=file]").set_input_files(sheet)
    offline_page.page.get_by_text("Pratinjau (belum disimpan)").wait_for()
    offline_page.wait_idle()
    assert violations(offline_page.page) == []


def test_keyboard_focus_is_visible_on_every_control(server, offline_page):
    """Tab through the map page: around each control that takes the focus, the picture
    with the focus differs from the picture without it (a ring, an outline, a border)."""
    _open(offline_page, server, "/")
    page = offline_page.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(20):
        page.keyboard.press("Tab")
        box = page.evaluate(
            """() => {
              const e = document.activeElement;
              if (!e || e === document.body || e.tagName === 'IFRAME') return null;
              const r = e.getBoundingClientRect();
              return {x: r.x - 12, y: r.y - 12, width: r.width + 24, height: r.height + 24,
                      what: (e.getAttribute('aria-label') || e.innerText).slice(0, 40)};
            }"""
        )
        if box is None or box["width"] <= 24:
            continue
        what = box.pop("what")
        box["x"], box["y"] = max(box["x"], 0), max(box["y"], 0)
        focused = page.screenshot(clip=box, animations="disabled")
        page.evaluate("() => { window.sentraFocused = document.activeElement; }")
        page.evaluate("() => window.sentraFocused.blur()")
        page.wait_for_timeout(150)
        unfocused = page.screenshot(clip=box, animations="disabled")
        page.evaluate("() => window.sentraFocused.focus()")
        assert focused != unfocused, f"no visible focus on {what!r}"
        seen.append(what)
    assert len(seen) >= 10, seen


def test_the_map_table_opens_with_the_keyboard_and_reads_as_a_table(server, offline_page):
    """Someone without a mouse or who cannot tell the colours: before the map's shapes, Tab
    meets a link past them ("Lewati peta"), shown while it has focus; Enter on it and one
    more Tab reach "Tabel peta", Enter opens it, and a screen reader finds a table with
    column headers and a row per province of the map."""
    _open(offline_page, server, "/")
    page = offline_page.page
    skip = page.get_by_role("link", name="Lewati peta, langsung ke tabelnya")
    for _ in range(60):  # the sidebar, the page links, the search box, the measure
        page.keyboard.press("Tab")
        if skip.evaluate("s => s === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the link past the map")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 100  # on screen while focused
    offline_page.screenshot("map-skip-link")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    summary = page.locator("summary").filter(has_text="Tabel peta")
    assert summary.evaluate("s => s === document.activeElement")
    page.keyboard.press("Enter")
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Nilai"))
    expect(table).to_be_visible()
    headers = table.get_by_role("columnheader").all_inner_texts()
    assert headers == ["Wilayah", "Nilai", "Kelas (warna di peta)"]
    expect(table.locator("tbody").get_by_role("row")).to_have_count(38)
    offline_page.screenshot("map-table-keyboard")


NAMES_JS = """() => {
  const out = [];
  for (const e of document.querySelectorAll('[aria-label],[title],[placeholder],[data-title]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'data-title']) {
      if (e.getAttribute(a)) out.push(e.getAttribute(a));
    }
  }
  const skip = document.querySelector('[data-testid=stSkipToContent]');
  if (skip) out.push(skip.textContent);
  return out;
}"""


def _streamlit_english(names: list[str]) -> list[str]:
    return [
        n
        for n in names
        if n in streamlit_texts.EXACT or any(re.match(p, n) for p, _ in streamlit_texts.PATTERNS)
    ]


def _names_once_settled(page, sidebar: str, settled) -> list[str]:
    """The page's names once the replacement script runs in the language whose name of the
    sidebar is ``sidebar`` and ``settled(names)`` holds (new elements keep arriving while a
    page draws; each is replaced some milliseconds after it appears), or after 15 s."""
    page.wait_for_function(
        "name => window.sentraTexts && window.sentraTexts.exact.Sidebar === name", arg=sidebar
    )
    deadline = time.monotonic() + 15
    while True:
        names = [n for frame in page.frames for n in frame.evaluate(NAMES_JS)]
        if settled(names) or time.monotonic() > deadline:
            return names
        page.wait_for_timeout(250)


def test_screen_readers_hear_indonesian_and_english_comes_back(server, offline_page):
    """Streamlit's and Plotly's own names, tooltips and skip link (read out, or shown on
    hover) are Indonesian in Indonesian mode; switching to English brings theirs back."""
    page = offline_page.page
    _open(offline_page, server, "/profil?wilayah=33")  # charts, help icons, the slider
    names = _names_once_settled(page, "Bilah samping", lambda n: not _streamlit_english(n))
    assert _streamlit_english(names) == []
    assert "Langsung ke isi utama" in names and "Bantuan untuk Cari wilayah" in names
    page.get_by_label("Bahasa / Language").click()
    page.get_by_role("option", name="English").click()
    page.get_by_role("link", name="Region profile").wait_for()
    offline_page.wait_idle()
    names = _names_once_settled(page, "Sidebar", lambda n: "Langsung ke isi utama" not in n)
    assert "Skip to main content" in names and "Collapse sidebar" in names
    assert "Langsung ke isi utama" not in names
