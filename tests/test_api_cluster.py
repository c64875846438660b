"""The read API behind the cluster's HAProxy (``scripts/cluster.sh``): ``/api`` reaches the
API, everything else the dashboards, and a client over its request rate gets 429 in the
API's JSON form (slow: PostgreSQL, a dashboard, the API and HAProxy)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from email.message import Message

import pytest

from tools.cluster import running_cluster
from tools.live_server import ROOT, _free_port

pytestmark = pytest.mark.slow
RATE = 20  # requests per client in 10 s, for this test


def _get(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_haproxy_routes_api_requests_to_the_api_and_limits_each_client(postgres, pg_template):
    url = postgres.create_database("cluster_api", template=pg_template)
    folder = ROOT / "artifacts" / "cluster-api"
    with running_cluster(1, _free_port(), folder, database_url=url, api_rate=RATE) as cluster:
        status, headers, body = _get(f"{cluster.url}/api/v1/wilayah/33")
        assert status == 200 and json.loads(body)["figures"]["sentra"]["value"] == 1547
        assert _get(f"{cluster.url}/api/docs")[0] == 200
        assert _get(f"{cluster.url}/_stcore/health")[2] == b"ok"  # the dashboard, as before
        answers = [_get(f"{cluster.url}/api/v1/versi") for _ in range(RATE + 5)]
        limited = [a for a in answers if a[0] == 429]
        assert limited and all(a[0] in (200, 429) for a in answers)
        status, headers, body = limited[0]
        assert headers["Retry-After"] == "10"
        assert headers["Content-Type"] == "application/json"
        detail = json.loads(body)["detail"]
        assert detail.startswith("Terlalu banyak permintaan") and "(Too many requests" in detail
        log = cluster.haproxy_log.read_text()
        assert re.search(r"dashboard api/a1 .*\"GET /api/v1/wilayah/33 ", log)
        assert re.search(r"dashboard dashboards/d1 .*\"GET /_stcore/health ", log)
