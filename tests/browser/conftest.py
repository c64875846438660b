"""A real dashboard server and Debian's chromium, with every non-local request blocked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("SENTRA_CHROMIUM", "/usr/bin/chromium")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


class Server(str):
    """The server's base URL, carrying the process id (for memory measurements)."""

    pid: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(layers) -> Iterator[Server]:
    """``streamlit run app.py`` on a free port; stopped at the end even when tests fail."""
    port = _free_port()
    log = (ROOT / "artifacts").joinpath("streamlit-server.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=os.environ.copy(),
        )
        url = Server(f"http://127.0.0.1:{port}")
        url.pid = proc.pid
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"streamlit did not start; see {log}") from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


class OfflinePage:
    """A page whose requests may only reach the local server; others are blocked and kept."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in (
            "127.0.0.1",
            "localhost",
        ):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def map_frame(self):
        return self.page.frame_locator(MAP_FRAME)

    def shapes(self):
        return self.map_frame().locator("path.sentra-region")

    def wait_for_shapes(self, count: int, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while self.shapes().count() != count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} shapes, have {self.shapes().count()}")
            self.page.wait_for_timeout(250)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def assert_no_exception(self) -> None:
        assert self.page.locator('[data-testid="stException"]').count() == 0

    def wait_idle(self, timeout_s: float = 60) -> None:
        """Until Streamlit shows no running script and no stale elements for a while."""
        busy = '[data-testid="stStatusWidget"], [data-stale="true"]'
        deadline = time.monotonic() + timeout_s
        quiet = 0
        while quiet < 4:
            if time.monotonic() > deadline:
                raise AssertionError("Streamlit kept running")
            self.page.wait_for_timeout(250)
            quiet = quiet + 1 if self.page.locator(busy).count() == 0 else 0

    def metric(self, label: str) -> str:
        box = self.page.locator('[data-testid="stMetric"]').filter(
            has=self.page.get_by_text(label, exact=True)
        )
        return box.first.locator('[data-testid="stMetricValue"]').inner_text()

    def choose(self, label: str, option: str, testid: str = "stMultiSelect") -> None:
        """Open a select/multiselect by its label, type the option and pick it."""
        widget = self.page.locator(f'[data-testid="{testid}"]').filter(
            has=self.page.get_by_text(label, exact=True)
        )
        widget.first.click()
        self.page.keyboard.type(option)
        self.page.get_by_role("option", name=option, exact=True).first.click()
        self.page.keyboard.press("Escape")
        self.wait_idle()


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[OfflinePage]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 720}, locale="id-ID", accept_downloads=True
    )
    page = OfflinePage(context.new_page())
    yield page
    page.assert_no_exception()
    context.close()
