"""Settings of the dashboard's server process, made once when the script first runs:
responses without Nagle's delay, Arrow's allocator, and memory handed back to the system
after people leave (issue 14; README, Performance)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import itertools
import os
import socket
import threading
import time
from collections.abc import Callable

import pyarrow as pa

# Seconds between two releases. One costs ~5 ms when nothing was freed and ~170 ms after
# 100 sessions closed (gc 47,000 objects, trim 15 ms; bench/load.py on 2 cores).
RELEASE_EVERY_S = 30.0
# Every 20th release (10 min) is deep: it also looks at the ~270,000 frozen objects
# (libraries, boundary layers, cached views), 150-600 ms on this machine.
DEEP_EVERY = 20

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
            if not os.readlink(f"/proc/self/fd/{name}").startswith("socket:"):
                continue
            copy = os.dup(int(name))
        except OSError:  # closed meanwhile
            continue
        try:
            sock = socket.socket(fileno=copy)  # family, type and protocol read from the fd
        except OSError:  # the number was reused for something else meanwhile
            os.close(copy)
            continue
        with sock, contextlib.suppress(OSError):
            if (
                sock.family in (socket.AF_INET, socket.AF_INET6)
                and sock.type == socket.SOCK_STREAM
                and sock.proto in (0, socket.IPPROTO_TCP)
                and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            ):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                count += 1
    return count


def _glibc_malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``: hands free pages anywhere in the heap back to the system.
    None where the C library is not glibc."""
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


_MALLOC_TRIM = _glibc_malloc_trim()


def release_freed_memory(deep: bool = False) -> int:
    """Collect reference cycles (a closed session leaves ~470 objects in cycles, which the
    young generations miss once they are old and Streamlit's full collection per run is
    off), then return the freed heap pages. Returns the number of objects collected.

    ``deep``: look at the frozen objects too (``ui/cached.py`` freezes everything alive when
    it keeps a new view, sessions open at that moment included), then freeze the survivors
    again. Without it a session frozen while open would keep its cycles after it closed."""
    if deep:
        gc.unfreeze()
    collected = gc.collect()
    if deep:
        gc.freeze()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
    return collected


def _release_forever(every_s: float) -> None:
    for n in itertools.count(1):
        time.sleep(every_s)
        release_freed_memory(deep=n % DEEP_EVERY == 0)


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
