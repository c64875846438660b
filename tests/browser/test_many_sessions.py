"""Twenty people open the shared link at once: all get the map, and memory comes back."""

from __future__ import annotations

import asyncio
import json
import statistics
import threading
import time

import pytest
from playwright.async_api import async_playwright

from tools.live_server import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, ROOT, memory_mb

pytestmark = pytest.mark.browser
SESSIONS = 20
RESULTS = ROOT / "artifacts" / "many_sessions.json"


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
    started = time.perf_counter()
    await page.goto(url, timeout=240_000, wait_until="commit")
    await shapes.nth(37).wait_for(timeout=240_000)
    loaded = time.perf_counter()
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
    filtered = time.perf_counter()
    errors = await page.locator('[data-testid="stException"]').count()
    await context.close()
    return {"map_s": loaded - started, "filter_s": filtered - loaded, "errors": errors}


async def _many(url: str) -> list[dict]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = await asyncio.gather(*(_one_session(browser, url, i) for i in range(SESSIONS)))
        await browser.close()
        return list(results)


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def test_twenty_concurrent_sessions(server, offline_page, capsys):
    offline_page.page.goto(server)  # warm the process-wide caches first
    offline_page.wait_for_shapes(38)
    baseline = memory_mb(server.pid)
    peak = [baseline]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            peak.append(memory_mb(server.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch)
    watcher.start()
    results: list[dict] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            results.extend(asyncio.run(_many(server)))
        except BaseException as exc:  # re-raised in the test thread below
            failures.append(exc)

    # Sync Playwright (the warm-up page) owns this thread's event loop: use another thread.
    runner = threading.Thread(target=run)
    try:
        runner.start()
        runner.join()
    finally:
        stop.set()
        watcher.join()
    if failures:
        raise failures[0]
    time.sleep(5)  # sessions end when their websockets close
    after = memory_mb(server.pid)
    maps = [r["map_s"] for r in results]
    figures = {
        "sessions": SESSIONS,
        "map_p50_s": round(statistics.median(maps), 2),
        "map_p95_s": round(_percentile(maps, 95), 2),
        "filter_p50_s": round(statistics.median(r["filter_s"] for r in results), 2),
        "rss_baseline_mb": round(baseline),
        "rss_peak_mb": round(max(peak)),
        "rss_after_mb": round(after),
    }
    RESULTS.write_text(json.dumps(figures, indent=1))
    with capsys.disabled():
        print(f"\n[figure] {json.dumps(figures)}")
    assert len(results) == SESSIONS
    assert all(r["errors"] == 0 for r in results)
    # Boundary layers are shared per process: twenty sessions must not hold twenty copies.
    assert after - baseline < 300
