"""Shared fixtures: real boundary and code-list files, a fresh per-run cache, the loaded layers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault(
    "SENTRA_BOUNDARIES_DIR", str(ROOT.parent / "shared" / "geodata" / "wilayah_boundaries")
)
os.environ.setdefault("SENTRA_CODES_DIR", str(ROOT.parent / "shared" / "geodata" / "wilayah_codes"))
# A fresh cache and store per test run: the cold build path is exercised every time, and
# tests never touch a developer's own data in var/.
TEST_CACHE = ROOT / "var" / "test-cache"
TEST_DATA = ROOT / "var" / "test-data"
for folder in (TEST_CACHE, TEST_DATA):
    shutil.rmtree(folder, ignore_errors=True)
os.environ["SENTRA_CACHE_DIR"] = str(TEST_CACHE)
os.environ["SENTRA_DATA_DIR"] = str(TEST_DATA)
os.environ.pop("SENTRA_DATABASE_URL", None)  # the PostgreSQL tests make their own databases


@pytest.fixture(scope="session")
def source_dir() -> Path:
    return Path(os.environ["SENTRA_BOUNDARIES_DIR"])


@pytest.fixture(scope="session")
def codes_dir() -> Path:
    return Path(os.environ["SENTRA_CODES_DIR"])


@pytest.fixture(scope="session")
def layers():
    from loaders.boundaries import load

    loaded, _origin = load()
    return loaded


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL + PostGIS cluster for the whole run. Skipped on a developer
    machine without the Debian packages; in CI (``CI`` set) a missing cluster fails."""
    from tools.pg_cluster import TEST_SETTINGS, available, running_postgres

    if not available():
        message = "PostgreSQL/PostGIS missing: apt-get install postgresql postgresql-15-postgis-3"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with running_postgres(TEST_SETTINGS) as cluster:
        yield cluster


@pytest.fixture(scope="session")
def pg_template(postgres, layers) -> str:
    """A database created and filled once (schema, geodata, PostGIS boundaries); tests get
    fast copies of it (``CREATE DATABASE … TEMPLATE``)."""
    from loaders.store import Store

    url = postgres.create_database("sentra_template")
    Store(url=url).close()
    return "sentra_template"


@pytest.fixture(scope="module")
def checker(layers):
    """The import's row checker against the real boundary layers."""
    from loaders.importer import checker_for

    return checker_for(layers)


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty store of the test's own (``SENTRA_DATA_DIR``), as the dashboard opens it."""
    monkeypatch.setenv("SENTRA_DATA_DIR", str(tmp_path))
    from loaders.store import Store

    return Store()


@pytest.fixture(autouse=True)
def server_past_its_first_run(monkeypatch):
    """AppTest resets Streamlit's legacy-``pages/`` flag before every run, as if each run
    were the first of a fresh server process; a real server leaves that mode on its first
    run (``ui.context.get``; tests/browser/test_first_visit.py covers that run)."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
