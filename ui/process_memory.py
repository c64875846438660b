"""Memory of the dashboard's server process: Arrow's allocator, and memory handed back to
the system after people leave (issue 14: within 15% of the start after 100 sessions)."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time

import pyarrow as pa

# Seconds between two releases. One costs ~5 ms when nothing was freed and ~170 ms after
# 100 sessions closed (gc 47,000 objects, trim 15 ms; bench/load.py on 2 cores).
RELEASE_EVERY_S = 30.0

_started = threading.Lock()
_thread: threading.Thread | None = None


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
    """Once per process (later calls do nothing): Arrow buffers from the system allocator,
    and a background thread that releases freed memory every ``every_s`` seconds.

    With pyarrow's default pool (mimalloc) a server that had served 100 sessions peaked
    ~190 MB higher and kept it. Without the releases it kept ~+30% after they closed: the
    sessions' objects sat in uncollected cycles and glibc kept the pages they had used."""
    global _thread
    with _started:
        if _thread is not None:
            return
        pa.set_memory_pool(pa.system_memory_pool())
        _thread = threading.Thread(
            target=_release_forever, args=(every_s,), name="release-freed-memory", daemon=True
        )
        _thread.start()
