"""The read API's documentation page (Swagger UI) in chromium with no internet: it draws
from the API's own files, lists every route and runs a request from the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import SCREENSHOTS, OfflinePage
from tools.api_server import running_api
from tools.live_server import ROOT, Server


@pytest.fixture(scope="module")
def api_server(layers) -> Iterator[Server]:
    with running_api(ROOT / "artifacts" / "api-docs-server.log") as url:
        yield url


def test_docs_page_works_offline_and_runs_a_request(api_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    offline = OfflinePage(context.new_page())
    page = offline.page
    try:
        page.goto(f"{api_server}/api/docs")
        page.locator(".swagger-ui .info .title").wait_for()
        for route in ("/api/v1/wilayah/{code}", "/api/v1/sentra", "/api/v1/bandingkan"):
            page.locator(f'.opblock-summary-path[data-path="{route}"]').first.wait_for()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "api-docs.png")

        operation = page.locator("#operations-wilayah-region_summary_api_v1_wilayah__code__get")
        operation.locator(".opblock-summary").click()
        operation.get_by_role("button", name="Try it out").click()
        operation.locator('input[placeholder="code"]').fill("33")
        operation.get_by_role("button", name="Execute").click()
        body = operation.locator(".live-responses-table .highlight-code").first
        body.wait_for()
        assert "Jawa Tengah" in body.inner_text()
        page.screenshot(path=SCREENSHOTS / "api-docs-try.png", full_page=False)
        assert offline.blocked == []  # nothing was asked of the internet
    finally:
        context.close()
