"""One dashboard process against two behind HAProxy, both on one PostgreSQL store, in one run.

    python bench/cluster_load.py [--sessions 30] [--think 1 3]

Starts a throwaway PostgreSQL/PostGIS cluster and ``tools/cluster.py`` with two dashboard
processes behind HAProxy, warms both processes with one walk each, then runs the same
session walk of ``bench/load.py`` (the load client) twice: against one process directly,
and against HAProxy's one URL, which spreads the sessions over both. Reported per run:
sessions, completed walks, errors, p50/p95/max in ms, reruns per second, the CPU seconds
each dashboard process used and how many websockets (sessions, plus the load client's own
warm-up walk) went to each. The last line printed is a JSON object, also written to
``bench/cluster_load.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import Plan, measure  # noqa: E402
from loaders.store import open_store  # noqa: E402
from tools.cluster import Cluster, running_cluster  # noqa: E402
from tools.live_server import _free_port  # noqa: E402
from tools.pg_cluster import running_postgres  # noqa: E402

KEPT = (
    "sessions",
    "completed",
    "errors",
    "error_samples",
    "p50_ms",
    "p95_ms",
    "max_ms",
    "reruns_per_s",
    "wall_s",
)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def sessions_per_process(cluster: Cluster) -> dict[str, int]:
    log = cluster.haproxy_log.read_text()
    return {
        name: len(re.findall(rf"dashboards/{name} .*\"GET /_stcore/stream", log))
        for name in cluster.dashboards
    }


def run(cluster: Cluster, url: str, plan: Plan) -> dict:
    cpu = {name: cpu_seconds(server.pid) for name, server in cluster.dashboards.items()}
    streams = sessions_per_process(cluster)
    (result,) = measure([plan], url)
    after = sessions_per_process(cluster)
    split = {name: after[name] - streams[name] for name in after}
    if url != cluster.url:  # straight to one process, HAProxy not involved
        split = {
            name: plan.sessions if url == server else 0
            for name, server in cluster.dashboards.items()
        }
    return {key: result[key] for key in KEPT} | {
        "cpu_s": {
            name: round(cpu_seconds(server.pid) - cpu[name], 1)
            for name, server in cluster.dashboards.items()
        },
        "websockets_per_process": split,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0))
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    plan = Plan(args.sessions, 1, tuple(sorted(args.think)), 180, 2, args.seed)
    warm = Plan(1, 1, (0, 0), 180, 0, args.seed)
    load_before = os.getloadavg()
    with running_postgres() as pg:
        database_url = pg.create_database("sentra")
        open_store(url=database_url).close()
        folder = ROOT / "artifacts" / "cluster-load"
        with running_cluster(2, _free_port(), folder, database_url) as cluster:
            for server in cluster.dashboards.values():
                measure([warm], server)  # every process loads its caches before timing
            one = run(cluster, cluster.dashboards["d1"], plan)
            two = run(cluster, cluster.url, plan)
    result = {
        "backend": "postgres",
        "cores": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "think_s": list(plan.think),
        "one_process": one,
        "two_processes_haproxy": two,
        "reruns_per_s_ratio": round(two["reruns_per_s"] / one["reruns_per_s"], 2),
    }
    (ROOT / "bench" / "cluster_load.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
