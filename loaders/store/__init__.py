"""The store: every read and write of centres, versions, budgets, indicators and accounts.

``open_store()`` picks the backend from the environment: a shared PostgreSQL/PostGIS database
when ``SENTRA_DATABASE_URL`` is set, else the embedded DuckDB file. ``open_store(path)`` is
always a DuckDB file and ``open_store(url=…)`` a PostgreSQL database. The base class
(``base.py``) knows no backend; each backend imports the base, and only this module imports
the backends.
"""

from __future__ import annotations

import os
from pathlib import Path

from loaders.store.base import (
    ENV_DATA_DIR,
    ENV_DATABASE_URL,
    GEODATA,
    Store,
    StoreBusyError,
    StoreError,
    default_path,
)

__all__ = [
    "ENV_DATABASE_URL",
    "ENV_DATA_DIR",
    "GEODATA",
    "Store",
    "StoreBusyError",
    "StoreError",
    "default_path",
    "open_store",
]


def open_store(path: Path | None = None, *, url: str | None = None) -> Store:
    """The store the environment names, or the DuckDB file ``path``, or the database ``url``."""
    url = url or (None if path else os.environ.get(ENV_DATABASE_URL))
    if url:
        from loaders.store.postgres_store import PostgresStore

        return PostgresStore(url=url)
    from loaders.store.duckdb_store import DuckDBStore

    return DuckDBStore(path)
