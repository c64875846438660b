"""Start the read API: ``python -m api --port 8502 [--host 127.0.0.1]``.

The store is the one the environment names, as for the dashboard (the DuckDB file in
``SENTRA_DATA_DIR``, or ``SENTRA_DATABASE_URL``); the boundary layers and code list are read
from the cache ``python -m loaders.boundaries`` prepares. Both are loaded before the server
listens, so the first request is answered at full speed.
"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from api.app import PREFIX, create_app
from api.data import DataSource
from loaders.pinned_source import SourceFileError
from loaders.store import StoreError
from sentra.i18n import t


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m api", description=__doc__.split("\n\n")[0])
    cli.add_argument("--port", type=int, default=8502)
    cli.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: local only)"
    )
    args = cli.parse_args(argv)
    try:
        source = DataSource()
    except (SourceFileError, StoreError) as exc:
        print(t("cli_failed", "id", error=exc.text("id")), file=sys.stderr)
        print(t("cli_failed", "en", error=exc.text("en")), file=sys.stderr)
        return 1
    print(f"API: http://{args.host}:{args.port}{PREFIX}/docs", flush=True)
    uvicorn.run(
        create_app(source),
        host=args.host,
        port=args.port,
        proxy_headers=True,
        server_header=False,
        log_level="info",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
