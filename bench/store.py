"""What a version costs at a million centres, on both backends (DuckDB and PostgreSQL/PostGIS).

    python bench/store.py [--rows 1000000] [--changed 1000]

For each backend: a store with the bundled data plus ``--rows`` generated centres, then
an import of ``--changed`` rows (half replacing existing ids), a restore of the version
before it, and a read of the current version. The first release copied every centre into
each new version; the cost of that copy (``INSERT … SELECT`` of the whole current version,
rolled back) is timed on the same store for comparison. Each read runs in a fresh process,
so its peak memory (``VmHWM``) is its own. The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.boundaries import load  # noqa: E402
from loaders.store import GEODATA, Store, open_store  # noqa: E402
from sentra.sample_data import scaled_centres  # noqa: E402
from sentra.schema import CENTRE_COLUMNS  # noqa: E402
from tools.pg_cluster import running_postgres  # noqa: E402

_COLS = ", ".join(CENTRE_COLUMNS)
READ_SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from loaders.store import open_store
store = open_store({path!r}) if {path!r} else open_store(url={url!r})
started = time.perf_counter()
rows = len(store.centres())
seconds = time.perf_counter() - started
peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
print(rows, round(seconds, 2), round(int(peak) / 1024))
"""


def _timed(work) -> tuple[object, float]:
    started = time.perf_counter()
    result = work()
    return result, round(time.perf_counter() - started, 2)


def _read_in_fresh_process(path: str, url: str) -> dict:
    script = READ_SCRIPT.format(root=str(ROOT), path=path, url=url)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    return {"rows": int(out[0]), "read_s": float(out[1]), "read_peak_mb": int(out[2])}


def _full_copy_seconds(store: Store) -> float:
    """The first release's way: every current row copied into the new version."""
    with store._write() as con:
        started = time.perf_counter()
        version = store._rows(con, "SELECT version_id FROM current_version")[0][0]
        store._exec(
            con,
            f"INSERT INTO centres (first_version, {_COLS}) SELECT ?, {_COLS} FROM centres "
            "WHERE first_version <= ? AND (last_version IS NULL OR last_version > ?)",
            [version + 1, version, version],
        )
        seconds = time.perf_counter() - started
        raise _Rollback(seconds)


class _Rollback(Exception):
    """Leaves the timed copy uncommitted."""


def measure(store: Store, generated: pd.DataFrame, changed: int, path: str, url: str) -> dict:
    _, bulk_s = _timed(lambda: store.import_centres(generated, "benchmark"))
    rows = generated.sample(n=changed // 2, random_state=1).assign(name="Nama diperbarui")
    extra = generated.head(changed - len(rows)).assign(id=lambda f: "NEW-" + f["id"])
    before = store.stored_rows()
    outcome, import_s = _timed(lambda: store.import_centres(pd.concat([rows, extra]), "ubah"))
    version = outcome.version
    grown = store.stored_rows() - before
    _, restore_s = _timed(lambda: store.restore(version - 1))
    try:
        _full_copy_seconds(store)
    except _Rollback as done:
        copy_s = round(done.args[0], 2)
    return {
        "centres": len(generated) + 8706,
        "bulk_import_rows_per_s": round(len(generated) / bulk_s),
        f"import_{changed}_rows_s": import_s,
        "stored_rows_added_by_that_import": grown,
        "restore_s": restore_s,
        "full_copy_per_version_s": copy_s,
        **_read_in_fresh_process(path, url),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--changed", type=int, default=1_000)
    args = parser.parse_args()
    layers, _ = load()
    bps = pd.read_csv(
        GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
    )
    regencies = layers.regencies[["code", "name", "kind", "province_code"]]
    generated = scaled_centres(args.rows, regencies, bps)
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "sentra.duckdb")
        result["duckdb"] = measure(open_store(Path(path)), generated, args.changed, path, "")
    with running_postgres() as cluster:
        url = cluster.create_database("bench")
        store = open_store(url=url)
        try:
            result["postgres"] = measure(store, generated, args.changed, "", url)
        finally:
            store.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
