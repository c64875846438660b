"""A real dashboard server and Debian's chromium, with every non-local request blocked."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from loaders.store import open_store
from tests.editors import EDITOR_NAME, EDITOR_PASSWORD, add_test_editor
from tools.live_server import (
    MAP_FRAME,
    ROOT,
    Server,
    launch_chromium,
    running_server,
    wait_idle,
)

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every browser test drives a real server and chromium: slow as well as ``browser``."""
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server(layers) -> Iterator[Server]:
    add_test_editor(open_store())
    with running_server(ROOT / "artifacts" / "streamlit-server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        instance = launch_chromium(pw)
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
        wait_idle(self.page, timeout_s)

    def sign_in(self) -> None:
        """Sign in on the sidebar as the test editor (this browser session only: a reload
        starts a new, anonymous one)."""
        page = self.page
        page.get_by_text("Masuk (editor)").click()
        page.get_by_label("Nama akun", exact=True).fill(EDITOR_NAME)
        page.get_by_label("Kata sandi", exact=True).fill(EDITOR_PASSWORD)
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.get_by_text("Masuk sebagai").wait_for()
        self.wait_idle()

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
