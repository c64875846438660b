"""The read API as a real server (``python -m api``) on a free port, for tests, the benchmark
and the cluster."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools.live_server import ROOT, Server, _free_port, stop

READY_PATH = "/api/v1/versi"


def wait_answering(proc: subprocess.Popen, url: str, log: Path, seconds: float = 120) -> None:
    """Until ``url`` answers 200; an error with the log's end if the process ends first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                text = log.read_text(errors="replace")[-3000:] if log.exists() else ""
                raise RuntimeError(f"the API did not start; see {log}:\n{text}") from None
            time.sleep(0.3)


@contextmanager
def running_api(
    log: Path, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[Server]:
    """``python -m api`` on ``port`` (default: a free one) with ``env``; its base URL (with
    ``pid``). Stopped at the end even on errors."""
    port = port or _free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "api", "--port", str(port), "--host", "127.0.0.1"],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env or os.environ.copy(),
        )
        try:
            url = Server(f"http://127.0.0.1:{port}")
            url.pid = proc.pid
            wait_answering(proc, url + READY_PATH, log)
            yield url
        finally:
            stop(proc)
