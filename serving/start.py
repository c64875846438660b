"""Starts the dashboard's server and prepares its first visit while it starts.

    python -m serving.start [streamlit run options, e.g. --server.port 8501]

The same as ``streamlit run app.py`` with those options, and once the server answers, the
process visits its own home page over Streamlit's websocket, as a browser would: the
libraries are imported, the boundary layers and centres loaded, the static shapes written
and the national view computed before the first person arrives, not while they wait
(a presenter opens the laptop, starts the dashboard, then the browser). When it is done the
log says so (``READY``); someone who arrives earlier simply shares the work under way.
``SENTRA_PREPARE=0`` starts without the visit (to measure what it buys).
"""

from __future__ import annotations

# First: names Arrow's allocator before anything imports pyarrow (see serving.process).
from serving import process  # noqa: F401

# isort: split
import asyncio
import os
import sys
import threading
import time
import urllib.request
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
READY = "serving.start: first visit prepared"
TIMEOUT_S = 300  # a cold start builds the boundary layers first (about half a minute)


def main(argv: list[str]) -> None:
    if os.environ.get("SENTRA_PREPARE", "1").strip() != "0":
        threading.Thread(target=_prepare, name="prepare-first-visit", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


def _prepare() -> None:
    started = time.perf_counter()
    try:
        base = _server_address(time.monotonic() + TIMEOUT_S)
        asyncio.run(asyncio.wait_for(visit(base), TIMEOUT_S))
    except Exception as exc:  # the server serves anyway; the first person waits instead
        print(f"serving.start: first visit not prepared: {exc!r}", file=sys.stderr, flush=True)
        return
    seconds = time.perf_counter() - started
    print(f"{READY} in {seconds:.1f} s", file=sys.stderr, flush=True)


def _server_address(deadline: float) -> str:
    """The server's own address (``http://host:port/base``) once its health check answers."""
    from streamlit import config
    from streamlit.runtime import Runtime

    while not Runtime.exists():  # the command line's options are in force from here on
        if time.monotonic() > deadline:
            raise TimeoutError("the server did not start")
        time.sleep(0.1)
    while True:
        host = config.get_option("server.address") or "127.0.0.1"
        host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        base = (config.get_option("server.baseUrlPath") or "").strip("/")
        url = f"http://{host}:{config.get_option('server.port')}" + (f"/{base}" if base else "")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return url
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("the server did not answer its health check")
        time.sleep(0.2)


async def visit(base: str, query: str = "") -> None:
    """One run of the home page in a fresh session, read to its end; raises if the run
    ended with an exception shown or a compile error."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    done = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
    address = base.replace("http", "ws", 1) + "/_stcore/stream"
    async with websockets.connect(address, subprotocols=["streamlit"], max_size=None) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        await ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                raise RuntimeError(fwd.delta.new_element.exception.message[:300])
            if kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("app.py did not compile")
                if fwd.script_finished in done:
                    return


if __name__ == "__main__":
    main(sys.argv[1:])
