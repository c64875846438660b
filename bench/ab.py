"""This checkout against an earlier commit, on the same machine at the same moments.

    python bench/ab.py --baseline COMMIT [--rounds 8]

Starts two dashboard servers with the bundled data — one from ``git archive COMMIT``, one
from this folder — and lets one person walk through each in turn (``bench/load.py``'s
walk: home map, sector filter, province, profile), alternating which goes first. Other
programs on a shared machine slow both alike, so the ratios mean more than the absolute
times. Per step: median wall ms and the server's CPU ms, for both, and their ratio.
Last line printed: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import STEPS, Outcome, Plan, walk  # noqa: E402
from tools.live_server import running_server  # noqa: E402


def export(commit: str, folder: Path) -> Path:
    """The project as it was at ``commit``, in ``folder`` (static/vendor is refilled there)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True
    ).stdout
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


async def alternate(servers: dict[str, tuple[str, int]], rounds: int) -> dict[str, Outcome]:
    plan = Plan(1, think=(0, 0), timeout_s=120)
    outcomes = {name: Outcome() for name in servers}
    rng = random.Random(14)
    for url, pid in servers.values():  # warm-up: fill each process's caches
        await walk(url, plan, Outcome(), rng, pid)
    names = list(servers)
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            url, pid = servers[name]
            await walk(url, plan, outcomes[name], rng, pid)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="a commit, e.g. main or 4a766ec")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sentra-ab-"))
    base_root = export(args.baseline, work / "baseline")
    with ExitStack() as stack:
        servers = {}
        for name, root in (("baseline", base_root), ("current", ROOT)):
            env = os.environ | {"SENTRA_DATA_DIR": str(work / f"data-{name}")}
            url = stack.enter_context(running_server(work / f"{name}.log", env, root))
            servers[name] = (str(url), url.pid)
        outcomes = asyncio.run(alternate(servers, args.rounds))
    result: dict[str, object] = {"baseline": args.baseline, "rounds": args.rounds}
    for step in STEPS:
        row = {}
        for measure in ("ms", "cpu_ms"):
            medians = {n: statistics.median(getattr(o, measure)[step]) for n, o in outcomes.items()}
            row[f"{measure}_baseline"] = round(medians["baseline"], 1)
            row[f"{measure}_current"] = round(medians["current"], 1)
            row[f"{measure}_ratio"] = round(medians["current"] / medians["baseline"], 2)
        result[step] = row
    result["errors"] = {n: o.errors[:3] for n, o in outcomes.items() if o.errors}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
