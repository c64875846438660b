"""The load client (bench/load.py) against a real dashboard server it starts itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD = ROOT / "bench" / "load.py"


def load(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(LOAD), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_two_sessions_walk_the_dashboard_without_errors(layers):
    done = load("--sessions", "2", "--think", "0", "0", "--settle", "1")
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    for key in (
        "sessions",
        "errors",
        "p50_ms",
        "p95_ms",
        "max_ms",
        "reruns_per_s",
        "rss_start_mb",
        "rss_peak_mb",
        "rss_end_mb",
    ):
        assert result[key] is not None, key
    assert result["sessions"] == 2
    assert result["errors"] == 0, result["error_samples"]
    assert result["completed"] == 2
    for step in ("home", "sector", "province", "profile"):
        assert 0 < result["steps"][step]["p50_ms"] <= result["max_ms"]
        assert result["steps"][step]["bytes_p50"] > 1000
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert result["reruns_per_s"] > 0
    assert 0 < result["rss_start_mb"] <= result["rss_peak_mb"]


def test_refuses_to_send_traffic_to_another_machine():
    done = load("--sessions", "1", "--url", "http://example.org:8501", timeout=60)
    assert done.returncode == 2
    assert "this machine" in done.stderr
