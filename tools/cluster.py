"""Several dashboard processes and the read API behind HAProxy on one shared PostgreSQL/PostGIS
store.

On one machine for testing, this is the shape of a multi-machine deployment: a database
server, N ``streamlit run app.py`` processes, the read API (``python -m api``), and HAProxy
in front with one URL for users: ``/api`` goes to the API, with a per-client rate limit,
everything else to the dashboards.
On several machines only the addresses change (the database URL each process gets, and the
``server`` lines of the HAProxy configuration).

    python -m tools.cluster --processes 2 --port 8600   # runs until SIGTERM / Ctrl-C

``scripts/cluster.sh start|stop`` wraps this. Streamlit keeps each session (and its uploads)
in one process, so HAProxy pins a browser to a process with a cookie it inserts on the first
page load; websockets pass through (``timeout tunnel``). All processes share one cookie
secret, so a browser moved to another process (its own stopped) keeps working.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from api.errors import rate_limited
from loaders.store import ENV_DATABASE_URL, open_store
from tools.api_server import running_api
from tools.live_server import ROOT, Server, running_server, stop, wait_healthy
from tools.pg_cluster import running_postgres

COOKIE = "SENTRA_SERVER"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"

HAPROXY_CONFIG = """\
global
    log stdout format raw local0 info
    maxconn 4096

defaults
    mode http
    log global
    option httplog
    option logasap            # log each request as it starts (websockets last for hours)
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h         # an open websocket (a browser session) may idle this long
    timeout http-keep-alive 10s

frontend dashboard
    bind {bind}
    use_backend api if {{ path /api }} || {{ path_beg /api/ }}
    default_backend dashboards

backend api
    # At most {rate} requests per client address in 10 s (a stick table counts them); more
    # get 429 in the API's own JSON form. Behind another proxy, track its X-Forwarded-For.
    stick-table type ip size 100k expire 60s store http_req_rate(10s)
    http-request track-sc0 src
    {limit_rule}
    option httpchk GET /api/v1/versi
{api_servers}

backend dashboards
    balance leastconn
    # Streamlit sessions live in one process: pin each browser with a cookie set on the
    # first page load (the websocket upgrade reply does not carry it).
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


API_RATE = 100  # requests per client in 10 s


@dataclass
class Cluster:
    url: str  # the one URL for users: HAProxy
    dashboards: dict[str, Server]  # HAProxy server name → that process's own URL and pid
    database_url: str
    haproxy_log: Path
    api: Server | None = None  # the read API's own URL (HAProxy routes /api to it)


def haproxy_config(
    bind: str, dashboards: dict[str, str], api: dict[str, str], rate: int = API_RATE
) -> str:
    """``dashboards`` and ``api``: server name → host:port. On other machines, their
    addresses."""
    lines = [
        f"    server {name} {address} check inter 2s cookie {name}"
        for name, address in dashboards.items()
    ]
    api_lines = [f"    server {name} {address} check inter 2s" for name, address in api.items()]
    return HAPROXY_CONFIG.format(
        bind=bind,
        cookie=COOKIE,
        servers="\n".join(lines),
        api_servers="\n".join(api_lines),
        rate=rate,
        limit_rule=(
            "http-request return status 429 content-type application/json "
            f"hdr Retry-After 10 string {json.dumps(rate_limited())} "
            f"if {{ sc_http_req_rate(0) gt {rate} }}"
        ),
    )


@contextmanager
def running_haproxy(config: str, port: int, folder: Path) -> Iterator[Path]:
    """HAProxy in the foreground with ``config``; its log file. Stopped at the end."""
    path = folder / "haproxy.cfg"
    path.write_text(config)
    subprocess.run([HAPROXY, "-c", "-q", "-f", str(path)], check=True)
    log = folder / "haproxy.log"
    with log.open("w") as out:
        proc = subprocess.Popen([HAPROXY, "-db", "-f", str(path)], stdout=out, stderr=out)
        try:
            wait_healthy(proc, f"http://127.0.0.1:{port}", log, "HAProxy", seconds=30)
            yield log
        finally:
            stop(proc)


@contextmanager
def running_cluster(
    processes: int,
    port: int,
    folder: Path,
    database_url: str | None = None,
    api_rate: int = API_RATE,
) -> Iterator[Cluster]:
    """PostgreSQL (a throwaway cluster unless ``database_url`` is given), ``processes``
    dashboards on their own ports, the read API and HAProxy on ``port``; all stopped at
    the end."""
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        if database_url is None:
            database_url = stack.enter_context(running_postgres()).create_database("sentra")
        open_store(url=database_url).close()  # schema, data and boundaries once, before N processes
        env = os.environ | {
            ENV_DATABASE_URL: database_url,
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        }
        dashboards = {
            f"d{n}": stack.enter_context(running_server(folder / f"dashboard-d{n}.log", env))
            for n in range(1, processes + 1)
        }
        api = stack.enter_context(running_api(folder / "api.log", env))
        config = haproxy_config(
            f"127.0.0.1:{port}",
            {name: url.split("//")[1] for name, url in dashboards.items()},
            {"a1": api.split("//")[1]},
            api_rate,
        )
        log = stack.enter_context(running_haproxy(config, port, folder))
        yield Cluster(f"http://127.0.0.1:{port}", dashboards, database_url, log, api)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--folder", type=Path, default=ROOT / "var" / "cluster")
    parser.add_argument("--database-url", help="an existing database (default: a throwaway one)")
    parser.add_argument(
        "--api-rate", type=int, default=API_RATE, help="API requests per client in 10 s"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # as Ctrl-C: stop everything
    with running_cluster(
        args.processes, args.port, args.folder, args.database_url, args.api_rate
    ) as cluster:
        names = ", ".join(f"{n} {s} (pid {s.pid})" for n, s in cluster.dashboards.items())
        api = f"{cluster.url}/api/docs → {cluster.api} (pid {cluster.api.pid})"
        print(f"Siap / ready: {cluster.url} → {names}; API {api}", flush=True)
        with suppress(KeyboardInterrupt):
            signal.pause()
    print("Berhenti / stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
