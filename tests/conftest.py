"""Shared fixtures: real boundary and code-list files, a fresh per-run cache, the loaded
layers, a fresh store on either backend, and a tiny synthetic source for the fast tier.

Two tiers: ``pytest -m "not slow"`` runs without the real files (../shared), without
PostgreSQL, servers or a browser, in well under a minute; ``slow`` marks everything else.
A test depending on a fixture of the real data (``REAL_DATA_FIXTURES``) is marked slow
here; tests that need the real data, a server or a database another way carry the mark.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.stores import FreshStore, database_name, forget_store_caches
from tests.synthetic import SyntheticSources, synthetic_sources

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

# Fixtures that read the real boundary or code-list files, or start PostgreSQL; a test
# depending on them through others (``checker``, ``pg_template``) is slow as well.
REAL_DATA_FIXTURES = {"layers", "source_dir", "codes_dir", "postgres"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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
    from loaders.store import open_store

    url = postgres.create_database("sentra_template")
    open_store(url=url).close()
    return "sentra_template"


@pytest.fixture(scope="module")
def checker(layers):
    """The import's row checker against the real boundary layers."""
    from loaders.importer import checker_for

    return checker_for(layers)


@pytest.fixture(scope="session")
def duckdb_template(tmp_path_factory) -> Path:
    """A DuckDB store created and filled from geodata/ once; fresh stores are copies of it
    (as PostgreSQL's are of ``pg_template``): a copy takes milliseconds, a fill most of a
    second."""
    from loaders.store import open_store

    path = tmp_path_factory.mktemp("duckdb-template") / "sentra.duckdb"
    open_store(path).close()
    return path


@pytest.fixture
def fresh_store(request, tmp_path, monkeypatch) -> Iterator[FreshStore]:
    """A new store of the test's own, as geodata/ fills a new store.

    DuckDB by default: a copy of ``duckdb_template`` in ``tmp_path``, which
    ``SENTRA_DATA_DIR`` names so that ``open_store()``, the dashboard (AppTest) and commands
    started by the test open the same store. Parametrised indirectly
    (``on_both_backends``) it is also a copy of the session's PostgreSQL template
    database. Caches of store data are forgotten before and after.
    """
    from loaders.store import ENV_DATABASE_URL, open_store

    if getattr(request, "param", "duckdb") == "duckdb":
        monkeypatch.setenv("SENTRA_DATA_DIR", str(tmp_path))
        path = tmp_path / "sentra.duckdb"
        template = request.getfixturevalue("duckdb_template")
        for name in os.listdir(template.parent):
            shutil.copyfile(template.parent / name, tmp_path / name)
        chosen = FreshStore("duckdb", {"SENTRA_DATA_DIR": str(tmp_path)}, lambda: open_store(path))
    else:
        template = request.getfixturevalue("pg_template")
        cluster = request.getfixturevalue("postgres")
        url = cluster.create_database(database_name(), template=template)
        chosen = FreshStore("postgres", {ENV_DATABASE_URL: url}, lambda: open_store(url=url))
    forget_store_caches()
    yield chosen
    for store in chosen.opened:
        store.close()
    forget_store_caches()


@pytest.fixture
def store(fresh_store):
    """The fresh store, opened."""
    return fresh_store.open()


@pytest.fixture(scope="session")
def synthetic_files(tmp_path_factory) -> SyntheticSources:
    """A tiny boundary source and code list in the real files' formats (tests/synthetic.py)."""
    return SyntheticSources.write(tmp_path_factory.mktemp("synthetic"))


@pytest.fixture
def synthetic(synthetic_files) -> Iterator[SyntheticSources]:
    """For the test's duration the loaders read the synthetic files, not ../shared."""
    with synthetic_sources(synthetic_files) as sources:
        yield sources


@pytest.fixture(scope="session")
def synthetic_layers(synthetic_files):
    """The boundary layers the real loader builds from the synthetic source."""
    from loaders.boundaries import load

    with synthetic_sources(synthetic_files):
        return load()[0]


@pytest.fixture(scope="session")
def synthetic_checker(synthetic_files, synthetic_layers):
    """The import's row checker against the synthetic layers and code list."""
    from loaders.importer import checker_for

    with synthetic_sources(synthetic_files):
        return checker_for(synthetic_layers)


@pytest.fixture(autouse=True)
def server_past_its_first_run() -> Iterator[None]:
    """AppTest resets Streamlit's legacy-``pages/`` flag before every run, as if each run
    were the first of a fresh server process; a real server leaves that mode on its first
    run (``ui.context.get``; tests/browser/test_first_visit.py covers that run). Its own
    patch context: the test's ``monkeypatch`` must be set up after the fixtures it undoes."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PagesManager, "__init__", init)
        yield
