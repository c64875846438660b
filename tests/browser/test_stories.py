"""Briefing button and workshop stories in the real dashboard, driven in Debian's chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pptx import Presentation

from tests.browser.conftest import OfflinePage

pytestmark = pytest.mark.browser

STEPS = [
    ("/?wilayah=33", "Langkah satu", "Jawa Tengah"),
    ("/profil?wilayah=34&sektor=kerajinan", "Langkah dua", "Daerah Istimewa Yogyakarta"),
    ("/bandingkan?bandingkan=33&bandingkan=34", "Langkah tiga", "Bandingkan"),
]


def test_briefing_button_gives_the_slides_of_the_view(server, offline_page, tmp_path):
    page = offline_page.page
    page.goto(server + "/profil?wilayah=33&sektor=kerajinan")
    offline_page.wait_idle(120)
    page.get_by_role("button", name="Unduh bahan paparan").click()
    page.get_by_role("button", name="Siapkan PowerPoint (PPTX)").click()
    save = page.get_by_role("button", name="Simpan PPTX")
    save.wait_for(timeout=60_000)
    offline_page.screenshot("briefing-ready")
    with page.expect_download() as download:
        save.click()
    assert download.value.suggested_filename == "bahan-paparan-33.pptx"
    path = tmp_path / "b.pptx"
    download.value.save_as(path)
    slides = list(Presentation(str(path)).slides)
    assert len(slides) == 8
    cover = "\n".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Sektor: Kerajinan" in cover
    assert offline_page.blocked == []


def test_story_made_of_three_views_plays_from_its_link_with_the_keyboard(
    server, browser, offline_page
):
    page = offline_page.page
    page.goto(server + "/cerita")
    offline_page.wait_idle(120)
    offline_page.sign_in()  # editors make stories; a reload starts an anonymous session
    page.get_by_label("Judul cerita baru").fill("Uji <b>cerita</b>")
    page.get_by_role("button", name="Buat cerita").click()
    offline_page.wait_idle()
    for target, title, _heading in STEPS:
        page.goto(server + target)
        offline_page.wait_idle(120)
        offline_page.sign_in()
        page.get_by_text("Tambah ke cerita").click()
        page.get_by_label("Judul langkah").fill(title)
        page.get_by_label("Catatan (tampil di bawah peta)").fill(f"Catatan {title}")
        page.get_by_role("button", name="Tambahkan tampilan ini").click()
        offline_page.wait_idle()
    page.goto(server + "/cerita")
    offline_page.wait_idle(120)
    expect(page.get_by_text("3. Langkah tiga")).to_be_visible()
    offline_page.screenshot("story-editor")
    link = page.locator('[data-testid="stCode"]').inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?cerita=[\w-]+", link), link

    fresh_context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
    fresh = OfflinePage(fresh_context.new_page())
    fresh.page.goto(link)
    bar = fresh.page.locator(".st-key-story_bar")
    for number, (_target, title, heading) in enumerate(STEPS, start=1):
        if number > 1:
            fresh.page.locator("h1").first.click()  # the keys go to the page, not a widget
            fresh.page.keyboard.press("ArrowRight")
        expect(bar).to_contain_text(f"Langkah {number}/3 · {title}", timeout=90_000)
        expect(bar).to_contain_text(f"Catatan {title}")
        expect(fresh.page.locator("h1").first).to_have_text(heading, timeout=90_000)
        if number == 1:
            fresh.wait_for_shapes(35, timeout_s=120)  # the map has loaded and sent its value
        fresh.wait_idle(120)
        fresh.screenshot(f"story-step-{number}")
    assert "sektor=kerajinan" not in fresh.page.url  # step 3 has no filter of its own
    expect(fresh.page.locator('[data-testid="stSidebar"]')).to_be_hidden()  # presentation
    fresh.page.locator("h1").first.click()
    fresh.page.keyboard.press("ArrowLeft")
    expect(bar).to_contain_text("Langkah 2/3 · Langkah dua", timeout=90_000)
    expect(fresh.page.locator("h1").first).to_have_text("Daerah Istimewa Yogyakarta")
    assert "sektor=kerajinan" in fresh.page.url and "langkah=2" in fresh.page.url
    fresh.assert_no_exception()
    assert fresh.blocked == []
    fresh_context.close()
