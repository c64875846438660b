"""Settings of the server process (serving/process.py): no Nagle delay, memory handed back,
one freeze after warm-up, Arrow's allocator; each switchable by an environment variable."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from serving import process
from serving.process import Settings

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="/proc, glibc and Linux's socket options"
)

# A closed session's objects in reference cycles, old enough that only a full collection
# finds them, and one live allocation after them so that glibc cannot simply shrink the
# heap from its top: the shape of a server after a workshop room has left.
AFTER_A_ROOM_LEFT = textwrap.dedent("""
    import gc, sys
    from serving import process

    def rss_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

    class Session:
        def __init__(self):
            self.me = self
            self.state = bytes(4000) + b"x"

    mode = sys.argv[1]
    gc.disable()
    if mode == "warmed-up":  # the process froze what was alive before the room came
        assert process.warmed_up() > 1_000
    start = rss_mb()
    sessions = [Session() for _ in range(50_000)]
    still_open = bytes(4000) + b"y"
    del sessions
    left = rss_mb()
    collected = 0
    if mode in ("released", "warmed-up"):
        collected = process.release_freed_memory()
    elif mode == "collected-only":
        collected = process.release_freed_memory(trim=False)
    print(start, left, rss_mb(), collected)
""")


def after_a_room_left(mode: str, **env: str) -> tuple[float, float, float, int]:
    out = subprocess.run(
        [sys.executable, "-c", AFTER_A_ROOM_LEFT, mode],
        cwd=ROOT,
        env=os.environ | env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    start, left, end, collected = out.split()
    return float(start), float(left), float(end), int(collected)


@pytest.mark.parametrize("mode", ["released", "warmed-up"])
def test_memory_held_by_closed_sessions_goes_back_to_the_system(mode: str) -> None:
    start, left, end, collected = after_a_room_left(mode)
    assert left - start > 150, "the sessions should have taken ~200 MB"
    assert collected >= 50_000, "sessions that came after the freeze are collected"
    assert end - start < 0.1 * (left - start), (start, left, end)


@pytest.mark.parametrize("mode", ["not-released", "collected-only"])
def test_without_a_release_or_its_trim_the_memory_stays(mode: str) -> None:
    # The controls of the test above: it fails when the mechanism is off.
    start, left, end, collected = after_a_room_left(mode)
    assert left - start > 150
    assert collected >= (50_000 if mode == "collected-only" else 0)
    assert end - start > 0.5 * (left - start), (start, left, end)


def test_settings_from_the_environment() -> None:
    assert Settings.from_env({}) == Settings(True, 30.0, True, True)
    assert Settings.from_env({"SENTRA_TCP_NODELAY": "", "SENTRA_GC_FREEZE": " "}) == Settings()
    off = {
        "SENTRA_TCP_NODELAY": "0",
        "SENTRA_RELEASE_EVERY_S": "0",
        "SENTRA_MALLOC_TRIM": "off",
        "SENTRA_GC_FREEZE": "false",
    }
    assert Settings.from_env(off) == Settings(False, 0.0, False, False)
    assert Settings.from_env({"SENTRA_RELEASE_EVERY_S": "2.5"}).release_every_s == 2.5
    for name, value in [
        ("SENTRA_TCP_NODELAY", "2"),
        ("SENTRA_RELEASE_EVERY_S", "-1"),
        ("SENTRA_RELEASE_EVERY_S", "soon"),
        ("SENTRA_RELEASE_EVERY_S", "inf"),
    ]:
        with pytest.raises(ValueError, match=name):
            Settings.from_env({name: value})


def test_configured_once_per_process() -> None:
    first = process.configure(Settings(release_every_s=3600))
    assert process.configure(Settings(release_every_s=1)) is first  # every rerun calls it
    names = [t.name for t in threading.enumerate()]
    assert names.count("release-freed-memory") == (1 if first.release_every_s else 0)


SETTINGS_IN_FORCE = textwrap.dedent("""
    import sys, threading
    if sys.argv[1] == "pyarrow-first":
        import pyarrow
    from serving import process
    process.configure()
    import pyarrow as pa
    names = [t.name for t in threading.enumerate()]
    print(pa.default_memory_pool().backend_name, names.count("release-freed-memory"))
""")


@pytest.mark.parametrize(
    "env, order, pool, threads",
    [
        ({}, "serving-first", "system", 1),
        ({"ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}, "serving-first", "mimalloc", 1),
        ({"SENTRA_RELEASE_EVERY_S": "0"}, "serving-first", "system", 0),
        # Arrow reads the variable at its first import; imported before, configure() sets
        # the pool it names (a fresh server's first visit to a sub-page imports pyarrow
        # before app.py runs).
        ({}, "pyarrow-first", "system", 1),
        ({"ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}, "pyarrow-first", "mimalloc", 1),
    ],
)
def test_settings_in_force_in_a_fresh_process(env, order, pool, threads) -> None:
    clean = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run(
        [sys.executable, "-c", SETTINGS_IN_FORCE, order],
        cwd=ROOT,
        env=clean | env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert out.stdout.split() == [pool, str(threads)]
    assert f"Arrow memory pool {pool}" in out.stderr


def test_connections_accepted_by_a_server_socket_send_without_delay() -> None:
    # Bound as Streamlit binds its server socket: protocol 0, so asyncio leaves Nagle on.
    with socket.socket(socket.AF_INET) as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        assert not listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert process.no_delay_on_listening_sockets() >= 1
        with socket.create_connection(listening.getsockname()):
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_the_real_server_starts_with_its_settings_and_their_switches(layers, tmp_path) -> None:
    """``streamlit run app.py`` as started by hand (no ARROW_DEFAULT_MEMORY_POOL in its
    environment), and the dashboard's own start (``serving.start``) with every setting
    switched off; one person's walk each."""
    from bench.load import Outcome, Plan, walk
    from tools.live_server import PLAIN, App, running_servers

    clean = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    off = clean | {
        "SENTRA_TCP_NODELAY": "0",
        "SENTRA_RELEASE_EVERY_S": "0",
        "SENTRA_GC_FREEZE": "0",
        "ARROW_DEFAULT_MEMORY_POOL": "mimalloc",
    }
    apps = [App(tmp_path / "on.log", clean, command=PLAIN), App(tmp_path / "off.log", off)]
    # In a thread of its own: the browser tests' sync Playwright owns this thread's loop.
    with running_servers(*apps) as urls, ThreadPoolExecutor(1) as thread:
        for url in urls:
            outcome = Outcome()
            walking = walk(url, Plan(1, think=(0, 0)), outcome, random.Random(14))
            thread.submit(asyncio.run, walking).result()
            assert outcome.walks == 1, outcome.errors
    on, off = (app.log.read_text() for app in apps)
    assert (
        "TCP_NODELAY on 1 listening socket(s); releases every 30 s (malloc_trim on); "
        "gc.freeze after warm-up on; Arrow memory pool system"
    ) in on
    assert on.count("objects frozen after warm-up") == 1
    assert (
        "TCP_NODELAY on 0 listening socket(s); releases every 0 s (malloc_trim on); "
        "gc.freeze after warm-up off; Arrow memory pool mimalloc"
    ) in off
    assert "frozen" not in off


def test_the_dashboard_prepares_its_first_visit_before_anyone_arrives(layers, tmp_path) -> None:
    """``python -m serving.start`` (scripts/dashboard.sh): the home page has run once, to
    its end, before the first person's visit; with ``SENTRA_PREPARE=0`` it has not."""
    from serving.start import READY
    from tools.live_server import App, running_servers

    prepared = App(tmp_path / "prepared.log", dict(os.environ))
    unprepared = App(tmp_path / "unprepared.log", os.environ | {"SENTRA_PREPARE": "0"})
    with running_servers(prepared):  # returns once the log says READY
        text = prepared.log.read_text()
        assert text.index("objects frozen after warm-up") < text.index(READY)
    with running_servers(unprepared):
        time.sleep(3)
        text = unprepared.log.read_text()
        assert READY not in text and "frozen" not in text
