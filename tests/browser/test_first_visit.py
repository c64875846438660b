"""The first visit to a freshly started server, straight to a sub-page's link.

Streamlit takes the ``pages/`` folder beside ``app.py`` for a legacy multipage app until
``st.navigation`` has run once in the process; ``ui.context.get`` leaves that mode, and
``serving.process.configure`` still gives Arrow the allocator it names."""

from __future__ import annotations

from tools.live_server import ROOT, running_server

from .conftest import OfflinePage


def test_a_sub_page_link_is_the_first_visit_after_start(layers, browser):
    log = ROOT / "artifacts" / "streamlit-first-visit.log"
    with running_server(log) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="id-ID")
        page = OfflinePage(context.new_page())
        page.page.goto(f"{url}/profil?wilayah=33")
        page.page.get_by_role("heading", name="Jawa Tengah").first.wait_for(timeout=120_000)
        page.wait_idle(120)
        page.screenshot("first-visit-profil")
        nav = page.page.locator('[data-testid="stTopNavLink"]')
        assert nav.filter(has_text="Bandingkan").count() == 1  # app.py's navigation
        assert page.page.locator('[data-testid="stSidebarNavLink"]').count() == 0
        assert page.metric("Sentra") != ""
        page.assert_no_exception()
        context.close()
    # The page's imports ran before app.py named Arrow's allocator: configure() set it.
    assert "Arrow memory pool system" in log.read_text()
