"""Settings of the dashboard's server process, made once when the script first runs:
responses without Nagle's delay, Arrow's allocator, and memory handed back to the system
after people leave (issue 14; README, Performance)."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import socket
import threading
import time

import pyarrow as pa

# Seconds between two releases. One costs ~5 ms when nothing was freed and ~170 ms after
# 100 sessions closed (gc 47,000 objects, trim 15 ms; bench/load.py on 2 cores).
RELEASE_EVERY_S = 30.0

_started = threading.Lock()
_thread: threading.Thread | None = None


def no_delay_on_listening_sockets() -> int:
    """Sets TCP_NODELAY on this process's listening TCP sockets; returns how many.

    Streamlit binds its server socket itself (``socket.socket(family)``, protocol 0), and
    asyncio only sets TCP_NODELAY on accepted sockets whose protocol is IPPROTO_TCP. Its
    uvicorn server writes a response's headers and body separately, so on a kept-alive
    connection the body waited for the browser's delayed ACK: ~40 ms for every request
    after a connection's first (every JavaScript chunk, the map frame's Leaflet and shapes).
    Linux hands the option on from the listening socket to every connection it accepts."""
    if not os.path.isdir("/proc/self/fd"):  # not Linux: nothing known to mend
        return 0
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            fd = int(name)
            if not os.readlink(f"/proc/self/fd/{name}").startswith("socket:"):
                continue
            sock = socket.socket(fileno=os.dup(fd))  # family and type read from the fd
        except OSError:  # closed meanwhile, or not ours to read
            continue
        with sock:
            if (
                sock.family in (socket.AF_INET, socket.AF_INET6)
                and sock.type == socket.SOCK_STREAM
                and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            ):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                count += 1
    return count


def _malloc_trim() -> None:
    """glibc's ``malloc_trim(0)``: free pages anywhere in the heap go back to the system.
    A no-op where the C library is not glibc."""
    name = ctypes.util.find_library("c")
    if name:
        trim = getattr(ctypes.CDLL(name), "malloc_trim", None)
        if trim is not None:
            trim(0)


def release_freed_memory() -> int:
    """Collect reference cycles (a closed session leaves ~470 objects in cycles, which the
    young generations miss once they are old and Streamlit's full collection per run is
    off), then return the freed heap pages. Returns the number of objects collected."""
    collected = gc.collect()
    _malloc_trim()
    return collected


def _release_forever(every_s: float) -> None:
    while True:
        time.sleep(every_s)
        release_freed_memory()


def configure(every_s: float = RELEASE_EVERY_S) -> None:
    """Once per process (later calls do nothing): TCP_NODELAY for the server's
    connections, Arrow buffers from the system allocator, and a background thread that
    releases freed memory every ``every_s`` seconds.

    With pyarrow's default pool (mimalloc) a server that had served 100 sessions peaked
    ~190 MB higher and kept it. Without the releases it kept ~+30% after they closed: the
    sessions' objects sat in uncollected cycles and glibc kept the pages they had used."""
    global _thread
    with _started:
        if _thread is not None:
            return
        no_delay_on_listening_sockets()
        pa.set_memory_pool(pa.system_memory_pool())
        _thread = threading.Thread(
            target=_release_forever, args=(every_s,), name="release-freed-memory", daemon=True
        )
        _thread.start()
