"""Ten people open the shared link at once: all get the map and their filter, with no
error, and memory comes back. A correctness test: ten chromium instances on a 2-core
machine measure chromium, not the server, so no timing is reported here; the server under
many sessions is measured by ``bench/load.py`` over Streamlit's own protocol."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from playwright.async_api import async_playwright

from tools.live_server import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, memory_mb

pytestmark = pytest.mark.browser
SESSIONS = 10  # 30 and 100 sessions: bench/load.py, over the protocol (README, Performance)


async def _one_session(browser, url: str, index: int) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    await page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if "127.0.0.1" in route.request.url or route.request.url.startswith("data:")
            else route.abort()
        ),
    )
    shapes = page.frame_locator(MAP_FRAME).locator("path.sentra-region")
    await page.goto(url, timeout=240_000, wait_until="commit")
    await shapes.nth(37).wait_for(timeout=240_000)
    value = page.locator('[data-testid="stMetricValue"]').first
    before = await value.inner_text()
    sector = ["Kerajinan", "Makanan dan minuman", "Tekstil dan pakaian"][index % 3]
    widget = page.locator('[data-testid="stMultiSelect"]').filter(
        has=page.get_by_text("Sektor", exact=True)
    )
    await widget.first.click()
    await page.keyboard.type(sector)
    await page.get_by_role("option", name=sector, exact=True).first.click()
    deadline = time.monotonic() + 240
    while await value.inner_text() == before:
        assert time.monotonic() < deadline, "filter change never showed"
        await page.wait_for_timeout(200)
    errors = await page.locator('[data-testid="stException"]').count()
    await context.close()
    return {"errors": errors}


async def _many(url: str) -> list[dict]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = await asyncio.gather(*(_one_session(browser, url, i) for i in range(SESSIONS)))
        await browser.close()
        return list(results)


def test_ten_concurrent_sessions(server, offline_page):
    offline_page.page.goto(server)  # warm the process-wide caches first
    offline_page.wait_for_shapes(38)
    baseline = memory_mb(server.pid)
    results: list[dict] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            results.extend(asyncio.run(_many(server)))
        except BaseException as exc:  # re-raised in the test thread below
            failures.append(exc)

    # Sync Playwright (the warm-up page) owns this thread's event loop: use another thread.
    runner = threading.Thread(target=run)
    runner.start()
    runner.join()
    if failures:
        raise failures[0]
    time.sleep(5)  # sessions end when their websockets close
    after = memory_mb(server.pid)
    assert len(results) == SESSIONS
    assert all(r["errors"] == 0 for r in results)
    # Boundary layers are shared per process: ten sessions must not hold ten copies.
    assert after - baseline < 300
