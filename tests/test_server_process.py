"""Settings of the server process: no Nagle delay, memory handed back (ui/server_process.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pyarrow as pa
import pytest

from ui import server_process

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="/proc, glibc and Linux's socket options"
)

# A closed session's objects in reference cycles, old enough that only a full collection
# finds them, and one live allocation after them so that glibc cannot simply shrink the
# heap from its top: the shape of a server after a workshop room has left.
AFTER_A_ROOM_LEFT = textwrap.dedent("""
    import gc, sys
    from ui import server_process

    def rss_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

    class Session:
        def __init__(self):
            self.me = self
            self.state = bytes(4000) + b"x"

    gc.disable()
    start = rss_mb()
    sessions = [Session() for _ in range(50_000)]
    if sys.argv[1] == "frozen":  # a view was cached (ui/cached.py) while they were open
        gc.freeze()
    still_open = bytes(4000) + b"y"
    del sessions
    left = rss_mb()
    collected = server_process.release_freed_memory()
    if sys.argv[1] == "frozen":
        assert collected < 1_000, "frozen objects are out of an ordinary release's view"
        collected = server_process.release_freed_memory(deep=True)
    print(start, left, rss_mb(), collected)
""")


@pytest.mark.parametrize("when", ["closed", "frozen"])
def test_memory_held_by_closed_sessions_goes_back_to_the_system(when: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", AFTER_A_ROOM_LEFT, when],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    start, left, end, collected = (float(x) for x in out.split())
    assert left - start > 150, "the sessions should have taken ~200 MB"
    assert collected >= 50_000
    assert end - start < 0.1 * (left - start), (start, left, end)


def test_configured_once_per_process_with_arrow_on_the_system_allocator() -> None:
    server_process.configure(every_s=3600)
    server_process.configure(every_s=3600)  # every rerun of app.py calls it
    assert pa.default_memory_pool().backend_name == "system"
    names = [t.name for t in threading.enumerate()]
    assert names.count("release-freed-memory") == 1


def test_connections_accepted_by_a_server_socket_send_without_delay() -> None:
    # Bound as Streamlit binds its server socket: protocol 0, so asyncio leaves Nagle on.
    with socket.socket(socket.AF_INET) as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        assert not listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert server_process.no_delay_on_listening_sockets() >= 1
        with socket.create_connection(listening.getsockname()):
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
