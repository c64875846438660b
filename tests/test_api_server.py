"""The read API as users run it: ``python -m api`` in its own process on the real boundaries,
reached over HTTP on both store backends (slow: real files, a server, PostgreSQL)."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from contextlib import suppress
from email.message import Message
from urllib.parse import urlparse

import pytest

from tests.stores import on_both_backends
from tools.api_server import running_api
from tools.live_server import ROOT

pytestmark = pytest.mark.slow
ROUTES = (
    "/api/v1/wilayah?induk=33",
    "/api/v1/wilayah/33?sektor=kerajinan&tahun=2019-2022",
    "/api/v1/wilayah/33.26/sektor",
    "/api/v1/wilayah/33.26/pasar",
    "/api/v1/wilayah/33.26.14/anggaran",
    "/api/v1/wilayah/33/pertumbuhan",
    "/api/v1/sentra?wilayah=33.26&limit=5",
    "/api/v1/sentra?wilayah=33.26&limit=5&format=csv",
    "/api/v1/sentra?wilayah=33.26&limit=5&format=geojson",
    "/api/v1/bandingkan?wilayah=33&wilayah=34",
    "/api/v1/indikator",
    "/api/v1/fakta?wilayah=33",
    "/api/v1/versi",
    "/api/openapi.json",
    "/api/docs",
)


def pytest_generate_tests(metafunc):
    on_both_backends(metafunc)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def _raw(base: str, data: bytes) -> bytes:
    """Send ``data`` as the request and read what the server answers (it may stop reading)."""
    address = urlparse(base)
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        with suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(data)  # the server may answer and close before reading it all
        chunks = []
        with suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
    return b"".join(chunks)


def test_the_real_server_answers_every_route_and_refuses_what_it_must(fresh_store, layers):
    store = fresh_store.open()
    before = (store.versions().drop(columns=["created_at"]).to_json(), store.stored_rows())
    log = ROOT / "artifacts" / f"api-server-{fresh_store.name}.log"
    with running_api(log, fresh_store.process_env()) as base:
        for route in ROUTES:
            status, headers, body = _get(base + route)
            assert status == 200, (route, body[:300])
            if route.startswith("/api/v1/"):
                assert headers["X-Data-Version"] == "1" and headers["ETag"]
                again, _, empty = _get(base + route, {"If-None-Match": headers["ETag"]})
                assert again == 304 and empty == b"", route
        summary = json.loads(_get(base + "/api/v1/wilayah/33")[2])
        assert summary["figures"]["sentra"]["value"] == 1547  # BPS 2024's Jawa Tengah
        assert summary["figures"]["klaster"]["value"] == 133

        connection = http.client.HTTPConnection(urlparse(base).netloc, timeout=30)
        connection.request("HEAD", "/api/v1/versi")
        head = connection.getresponse()
        assert head.status == 200 and head.read() == b""
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            connection.request(method, "/api/v1/sentra", body=b"{}")
            refused = connection.getresponse()
            assert refused.status == 405 and b"read-only" in refused.read()
        connection.close()

        for hostile in (
            "/api/v1/sentra?komoditas=%27%20OR%201%3D1--",
            "/api/v1/wilayah/33%27%3B%20DROP%20TABLE%20centres%3B--",
            "/api/v1/sentra?limit=-1",
            "/api/v1/sentra?sektor=%3Cscript%3E",
        ):
            status, _, body = _get(base + hostile)
            assert 400 <= status < 500 and json.loads(body)["detail"]
        # 10 MB of query string: the server reads 16 KB of a request line, then answers 4xx
        answer = _raw(base, b"GET /api/v1/sentra?komoditas=" + b"x" * 10_000_000 + b" HTTP/1.1\r\n")
        assert answer.startswith(b"HTTP/1.1 4"), answer[:200]
        status, _, body = _get(base + "/api/v1/sentra?komoditas=" + "x" * 9_000)
        assert status == 414 and "8192" in json.loads(body)["detail"]
        assert _get(base + "/api/v1/versi")[0] == 200  # and it still serves
    assert (store.versions().drop(columns=["created_at"]).to_json(), store.stored_rows()) == before
