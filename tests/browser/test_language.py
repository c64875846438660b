"""Every page in Bahasa Indonesia has no English left on screen, and every page is seen in
both languages (a screenshot each, in artifacts/screenshots/)."""

from __future__ import annotations

import re

import pytest

from sentra.i18n import catalogue, markdown, t
from tools.live_server import MAP_FRAME

pytestmark = pytest.mark.browser

# Views with most of their texts on screen: regions chosen, tables and charts drawn.
VIEWS = {
    "peta": "peta?wilayah=33",
    "profil": "profil?wilayah=33.26",
    "bandingkan": "bandingkan?bandingkan=33&bandingkan=34",
    "sektor": "sektor?sektor=kerajinan",
    "analisis": "analisis?wilayah=33.26",
    "anggaran": "anggaran",
    "data": "data",
    "tentang": "tentang",
    "cerita": "cerita",
}
# Seen on screen in Indonesian mode before (Streamlit's own texts and raw values included).
KNOWN_LEAKS = [
    "Page not found",
    "Choose options",
    "Choose an option",
    "Drag and drop",
    "200MB per file",
    "Browse files",
    "version_id",
    "created_at",
    "is_current",
    "None",
    "NaN",
    "No results",
    "Limit 200MB",
]


def english_only_texts() -> set[str]:
    """Our English labels that no Indonesian label contains (placeholders cut off)."""
    long_texts = {
        lang: [markdown("tentang", lang, s) for s in ("body", "kecamatan")] for lang in ("id", "en")
    }
    indonesian = " ".join([*catalogue("id").values(), *long_texts["id"]])
    found = set()
    for text in [*catalogue("en").values(), *long_texts["en"]]:
        for part in re.split(r"\{[^}]*\}|[*\n]", text):
            part = part.strip(" .,:;—–()")
            if len(part) >= 12 and " " in part and part not in indonesian:
                found.add(part)
    return found


def open_view(server: str, offline_page, path: str) -> None:
    page = offline_page.page
    page.goto(f"{server}/{path}")
    if path.startswith("peta"):  # "/peta" leads to the home page, keeping the link's view
        offline_page.wait_for_shapes(35)
        assert "wilayah=33" in page.url and "/peta" not in page.url
    offline_page.wait_idle()
    page.wait_for_timeout(1500)  # charts and the map frame settle
    offline_page.wait_idle()


def page_text(offline_page) -> str:
    texts = [offline_page.page.locator("body").inner_text()]
    if offline_page.page.locator(MAP_FRAME).count():
        texts.append(offline_page.map_frame().locator("body").inner_text())
    return "\n".join(texts)


@pytest.mark.parametrize("view", VIEWS)
def test_no_english_left_in_indonesian_mode(server, offline_page, view):
    open_view(server, offline_page, VIEWS[view])
    text = page_text(offline_page)
    offline_page.screenshot(f"bahasa-id-{view}")
    leaks = [word for word in KNOWN_LEAKS if re.search(rf"\b{re.escape(word)}\b", text)]
    leaks += [label for label in english_only_texts() if label in text]
    leaks += re.findall(r"\b\d+ (?:mi|ft)\b", text)  # imperial units on the scale bar
    assert not leaks, leaks
    if view == "peta":
        assert re.search(r"\b\d+ k?m\b", text), "the scale bar, in metres or kilometres"


@pytest.mark.parametrize("view", VIEWS)
def test_every_page_in_english(server, offline_page, view):
    page = offline_page.page
    joiner = "&" if "?" in VIEWS[view] else "?"
    open_view(server, offline_page, f"{VIEWS[view]}{joiner}lang=en")
    offline_page.screenshot(f"bahasa-en-{view}")
    assert page.get_by_role("link", name="Map", exact=True).count() == 1


def _empty_dropdown_text(offline_page) -> str:
    """What the open, empty dropdown shows in place of Streamlit's own text."""
    return offline_page.page.evaluate(
        """() => {
            const span = document.querySelector("[role=listbox][data-empty] [role=option] span");
            return span ? getComputedStyle(span, "::after").content : "";
        }"""
    )


def test_a_search_matching_nothing_says_so_in_indonesian(server, offline_page):
    """Streamlit's "No results" (multiselect and select box alike) is replaced by ours."""
    page = offline_page.page
    open_view(server, offline_page, "data")
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
    page.keyboard.type("zzqxw")
    page.get_by_role("listbox").wait_for()
    offline_page.screenshot("bahasa-id-no-results")
    assert not page.get_by_text("No results").is_visible()
    assert "No results" not in page_text(offline_page)
    assert _empty_dropdown_text(offline_page) == f'"{t("no_results", "id")}"'
    page.keyboard.press("Escape")
