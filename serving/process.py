"""Settings of the dashboard's server process, in one place, each switchable by an
environment variable (read once, when the process first configures itself):

- ``SENTRA_TCP_NODELAY`` (default ``1``, off ``0``): no Nagle delay on the connections.
- ``SENTRA_RELEASE_EVERY_S`` (default ``30``, off ``0``): seconds between two releases of
  freed memory, a full collection of reference cycles and then glibc's ``malloc_trim``.
- ``SENTRA_MALLOC_TRIM`` (default ``1``, off ``0``): the trim in each release.
- ``SENTRA_GC_FREEZE`` (default ``1``, off ``0``): freeze what is alive once the process
  has warmed up, out of the cyclic collector's view.
- ``ARROW_DEFAULT_MEMORY_POOL`` (Arrow's own; default here ``system``, Arrow's own default
  ``mimalloc``): the allocator of Arrow's buffers.

What each buys, measured, is in docs/performance.md ("Process settings"); the README lists them.

``app.py`` imports this module before anything that imports pyarrow (pandas does), calls
:func:`configure` at the start of every run and :func:`warmed_up` at the end of every
complete run; only the first call of each acts. Only libraries are imported here: nothing
in these settings is Streamlit UI (``tests/test_layers.py``).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Arrow reads its allocator from this variable once, when pyarrow is first imported (a
# later change has no effect); the Streamlit server has not imported pyarrow before it
# runs app.py, and app.py imports this module first. Set by hand, the variable wins.
# Where pyarrow was imported first anyway (on a fresh server whose first visit is to a
# sub-page, Streamlit runs that page before app.py: ui.context.get), configure() sets the
# pool the variable names; its line in the log names the pool actually in force.
# With pyarrow's default, mimalloc, a server that had served 100 sessions peaked well
# higher and kept most of it: mimalloc holds on to the pages it got for Arrow buffers.
ARROW_POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"
ARROW_POOL = "system"
os.environ.setdefault(ARROW_POOL_VARIABLE, ARROW_POOL)


@dataclass(frozen=True)
class Settings:
    """What :func:`configure` sets up; the defaults are the server's."""

    # TCP_NODELAY on the listening sockets, inherited by every accepted connection.
    tcp_nodelay: bool = True
    # Seconds between two releases of freed memory (a full collection, then glibc's trim);
    # 0: none. Short enough that memory is back soon after a room leaves, long enough that
    # the releases cost nothing noticeable while sessions run.
    release_every_s: float = 30.0
    # glibc's malloc_trim after each collection: without it freed pages stay with glibc.
    malloc_trim: bool = True
    # gc.freeze once the process has warmed up (:func:`warmed_up`).
    gc_freeze: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """The settings named by the ``SENTRA_*`` variables in ``env``; unset or empty
        means the default. A value that is not understood raises ValueError naming it."""
        default = cls()
        return cls(
            tcp_nodelay=_switch(env, "SENTRA_TCP_NODELAY", default.tcp_nodelay),
            release_every_s=_seconds(env, "SENTRA_RELEASE_EVERY_S", default.release_every_s),
            malloc_trim=_switch(env, "SENTRA_MALLOC_TRIM", default.malloc_trim),
            gc_freeze=_switch(env, "SENTRA_GC_FREEZE", default.gc_freeze),
        )


def _switch(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "on", "true", "yes"):
        return True
    if value in ("0", "off", "false", "no"):
        return False
    raise ValueError(f"{name}={env[name]!r}: expected 1 (on) or 0 (off)")


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"{name}={env[name]!r}: expected seconds (0: off)")
    return seconds


def no_delay_on_listening_sockets() -> int:
    """Sets TCP_NODELAY on this process's listening TCP sockets; returns how many.

    Streamlit binds its server socket itself (``socket.socket(family)``, protocol 0), and
    asyncio only sets TCP_NODELAY on accepted sockets whose protocol is IPPROTO_TCP. Its
    uvicorn server writes a response's headers and body separately, so on a kept-alive
    connection the body waited for the browser's delayed ACK for every request after a
    connection's first (every JavaScript chunk, the map frame's Leaflet and shapes).
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


def release_freed_memory(trim: bool = True) -> int:
    """Collect reference cycles, then (``trim``) return the freed heap pages to the system.
    Returns the number of objects collected.

    A closed session leaves objects in reference cycles. With Streamlit's full collection
    after every run switched off (``runner.postScriptGC``), only the young generations run
    often, and they no longer look at a session's old objects: the cycles would stay until
    a full collection, which rarely comes. glibc keeps the pages freed objects used unless
    trimmed, even when they lie below live allocations. Frozen objects (:func:`warmed_up`)
    are not looked at."""
    collected = gc.collect()
    if trim and _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
    return collected


def _release_forever(every_s: float, trim: bool) -> None:
    while True:
        time.sleep(every_s)
        release_freed_memory(trim)


_lock = threading.Lock()
_settings: Settings | None = None
_frozen = False


def configure(settings: Settings | None = None) -> Settings:
    """Once per process (later calls do nothing and return the settings in force):
    TCP_NODELAY for the server's connections, and a background thread that releases freed
    memory every ``release_every_s`` seconds. ``settings``: from the environment if None.
    Writes one line to stderr with what is in force, Arrow's allocator included."""
    global _settings
    with _lock:
        if _settings is not None:
            return _settings
        settings = settings or Settings.from_env()
        sockets = no_delay_on_listening_sockets() if settings.tcp_nodelay else 0
        _arrow_pool_as_named()
        if settings.release_every_s > 0:
            threading.Thread(
                target=_release_forever,
                args=(settings.release_every_s, settings.malloc_trim),
                name="release-freed-memory",
                daemon=True,
            ).start()
        _settings = settings
    print(
        f"serving.process: TCP_NODELAY on {sockets} listening socket(s); "
        f"releases every {settings.release_every_s:g} s "
        f"(malloc_trim {'on' if settings.malloc_trim and _MALLOC_TRIM else 'off'}); "
        f"gc.freeze after warm-up {'on' if settings.gc_freeze else 'off'}; "
        f"Arrow memory pool {arrow_pool()}",
        file=sys.stderr,
        flush=True,
    )
    return settings


def _arrow_pool_as_named() -> None:
    """The pool ``ARROW_DEFAULT_MEMORY_POOL`` names, where pyarrow was imported before it
    was set (a pool Arrow does not know, or was not built with, is left to Arrow)."""
    import pyarrow as pa

    pools = {"system": pa.system_memory_pool, "mimalloc": pa.mimalloc_memory_pool}
    wanted = os.environ.get(ARROW_POOL_VARIABLE, "")
    if wanted in pools and pa.default_memory_pool().backend_name != wanted:
        pa.set_memory_pool(pools[wanted]())


def arrow_pool() -> str:
    """The allocator behind Arrow's default memory pool (``system``, ``mimalloc``…)."""
    import pyarrow as pa  # here, not at the top: the variable must be set before

    return pa.default_memory_pool().backend_name


def warmed_up() -> int:
    """The process has warmed up (called after each complete run of app.py; only the first
    call acts): collect, then freeze everything alive (``gc.freeze``): the imported
    libraries, the boundary layers, the centres, the cached views so far. Returns the
    number of objects frozen (0 once done, or with ``gc_freeze`` off).

    The collector then never looks at them again: a full collection over them, in every
    release or in Python's own occasional full collections, would cost far more than over
    what sessions create. Reference counting still frees them. This is the one place that
    freezes, at one moment: caches only store values, and the sessions that come later
    stay in the collector's view, so their cycles are freed by the next release after they
    close. The sessions open at this moment (as a rule only the first, whose run this is)
    stay frozen: one session's objects, once."""
    global _frozen
    settings = _settings or Settings.from_env()
    with _lock:
        if _frozen or not settings.gc_freeze:
            return 0
        _frozen = True
        started = time.perf_counter()
        gc.collect()
        gc.freeze()
        seconds = time.perf_counter() - started
        atexit.register(gc.unfreeze)  # at exit, extension modules see their objects released
        count = gc.get_freeze_count()
    print(
        f"serving.process: {count} objects frozen after warm-up ({seconds:.2f} s)",
        file=sys.stderr,
        flush=True,
    )
    return count
