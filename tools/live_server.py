"""A real dashboard server and Debian's chromium, for browser tests and the benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the load client uses this module without a browser
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SENTRA_CHROMIUM", "/usr/bin/chromium")
# streamlit-folium's frame (its title is the map's name for screen readers, set by the map).
MAP_FRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Server(str):
    """The server's base URL, carrying the process id (for memory measurements)."""

    pid: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# How the dashboard is started (scripts/dashboard.sh): ``streamlit run app.py`` that also
# prepares its first visit; and any other app (the benchmark's floor).
DASHBOARD = ("-m", "serving.start")
PLAIN = ("-m", "streamlit", "run", "app.py")


@dataclass(frozen=True)
class App:
    """A Streamlit app to serve: ``root/app.py`` with ``env``, logging to ``log``; the
    dashboard (``DASHBOARD``) is waited for until its first visit is prepared."""

    log: Path
    env: dict[str, str] | None = None
    root: Path = ROOT
    command: tuple[str, ...] = DASHBOARD


def wait_healthy(
    proc: subprocess.Popen, url: str, log: Path, what: str = "streamlit", seconds: float = 60
) -> None:
    """Until ``url``'s Streamlit health check answers (directly or through HAProxy); an
    error naming ``what`` and its log if ``proc`` ends or time runs out first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start; see {log}") from None
            time.sleep(0.3)


@contextmanager
def running_servers(*apps: App) -> Iterator[list[Server]]:
    """Each app on a free port, started side by side; all stopped at the end even on
    errors."""
    with ExitStack() as stack:
        started = []
        for app in apps:
            port = _free_port()
            app.log.parent.mkdir(parents=True, exist_ok=True)
            out = stack.enter_context(app.log.open("w"))
            command = [
                sys.executable,
                *app.command,
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
            ]
            proc = subprocess.Popen(
                command,
                cwd=app.root,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=app.env or os.environ.copy(),
            )
            stack.callback(stop, proc)
            url = Server(f"http://127.0.0.1:{port}")
            url.pid = proc.pid
            started.append((proc, url, app))
        for proc, url, app in started:
            wait_healthy(proc, url, app.log)
            if app.command == DASHBOARD and (app.env or os.environ).get("SENTRA_PREPARE") != "0":
                wait_prepared(proc, app.log)
        yield [url for _, url, _ in started]


def wait_prepared(proc: subprocess.Popen, log: Path, seconds: float = 300) -> None:
    """Until the dashboard's log says its first visit is prepared (``serving.start``); an
    error with the log's end if it failed, the process ended or time ran out."""
    from serving.start import READY

    deadline = time.monotonic() + seconds
    while True:
        text = log.read_text(errors="replace")
        if READY in text:
            return
        if "first visit not prepared" in text or proc.poll() is not None:
            raise RuntimeError(f"the dashboard's first visit failed:\n{text[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the dashboard's first visit was not prepared; see {log}")
        time.sleep(0.3)


def stop(proc: subprocess.Popen) -> None:
    """Terminate, and kill after 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextmanager
def running_server(
    log: Path, env: dict[str, str] | None = None, root: Path = ROOT
) -> Iterator[Server]:
    """``streamlit run app.py`` in ``root`` on a free port; stopped at the end even on errors."""
    with running_servers(App(log, env, root)) as (url,):
        yield url


def memory_mb(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory now (``VmRSS``) or at its peak so far (``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


def launch_chromium(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_idle(page: Page, timeout_s: float = 60) -> None:
    """Until Streamlit shows no running script and no stale elements for a while."""
    busy = '[data-testid="stStatusWidget"], [data-stale="true"]'
    deadline = time.monotonic() + timeout_s
    quiet = 0
    while quiet < 4:
        if time.monotonic() > deadline:
            raise AssertionError("Streamlit kept running")
        page.wait_for_timeout(250)
        quiet = quiet + 1 if page.locator(busy).count() == 0 else 0
