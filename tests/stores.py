"""The fresh store the tests share (see ``fresh_store`` in conftest.py) and its backends."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

# The store backends a test runs on when it asks for ``fresh_store`` on both.
BACKENDS = ["duckdb", pytest.param("postgres", marks=pytest.mark.slow)]


def on_both_backends(metafunc: pytest.Metafunc) -> None:
    """For a test module's ``pytest_generate_tests``: every test using ``fresh_store``
    runs on DuckDB and on PostgreSQL (the latter slow)."""
    if "fresh_store" in metafunc.fixturenames:
        metafunc.parametrize("fresh_store", BACKENDS, indirect=True)


_database_names = itertools.count()


def database_name() -> str:
    """A new PostgreSQL database name for this run."""
    return f"fresh{next(_database_names)}"


@dataclass
class FreshStore:
    """One store under test, how to open it (again), and the environment that points a
    separate process (the importer, a briefing, a dashboard) at it."""

    name: str
    env: dict[str, str]
    opener: Callable[[], object]
    opened: list = field(default_factory=list)

    def open(self):
        store = self.opener()
        self.opened.append(store)
        return store

    def process_env(self) -> dict[str, str]:
        from loaders.store import ENV_DATABASE_URL

        env = {k: v for k, v in os.environ.items() if k != ENV_DATABASE_URL}
        return env | self.env


def forget_store_caches() -> None:
    """Every process-wide cache of store data (other tests' stores have versions with the
    same numbers). Nothing to forget where the dashboard's modules were never imported."""
    cached, regional = sys.modules.get("ui.cached"), sys.modules.get("ui.regional")
    if cached is not None:
        for name in (
            "data_store",
            "centres_of_version",
            "coverage_of",
            "reference",
            "reference_at",
            "_prepared_markers",
            "_per_view",
        ):
            getattr(cached, name).clear()
    if regional is not None:
        regional._load.clear()
