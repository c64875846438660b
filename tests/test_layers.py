"""The layer rule of docs/architecture.md, checked on the source: what may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "sentra": {"loaders", "ui", "pages", "serving", "streamlit", "streamlit_folium", "duckdb"},
    "loaders": {"ui", "pages", "serving", "streamlit"},
    "ui": {"pages", "duckdb"},
    "pages": {"loaders", "duckdb", "psycopg"},
    # The read API: the store and the pure logic, never the dashboard's Streamlit side.
    "api": {"ui", "pages", "serving", "streamlit", "streamlit_folium", "duckdb", "psycopg"},
    # The server process: only libraries, never the dashboard's layers (it starts app.py).
    "serving": {"sentra", "loaders", "ui", "pages", "tools"},
}
# Imported before anything imports pyarrow at its top (Arrow's allocator is named there first).
FORBIDDEN_FILES = {"serving/process.py": {"streamlit", "pandas"}}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path",
    sorted(p for layer in FORBIDDEN for p in (ROOT / layer).glob("**/*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_module_imports_only_what_its_layer_may(path):
    relative = path.relative_to(ROOT)
    forbidden = FORBIDDEN[relative.parts[0]] | FORBIDDEN_FILES.get(relative.as_posix(), set())
    assert not imported_packages(path) & forbidden


def test_the_rule_sees_a_forbidden_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import duckdb\nfrom loaders.store import Store\nfrom . import x\n")
    assert imported_packages(module) == {"duckdb", "loaders"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_store_package_has_no_import_cycle():
    """Only ``loaders/store/__init__.py`` picks a backend; the base and the schema import
    no backend, and a backend imports the base and the schema, never the package."""
    package = ROOT / "loaders" / "store"
    backends = {"loaders.store.duckdb_store", "loaders.store.postgres_store"}
    for name in ("base.py", "schema.py"):
        assert not imported_modules(package / name) & (backends | {"loaders.store"})
    for backend in backends:
        path = package / f"{backend.rsplit('.', 1)[1]}.py"
        assert "loaders.store" not in imported_modules(path)
        assert imported_modules(path) & backends == set()


def test_pages_end_early_without_st_stop():
    """``st.stop()`` would end the run before ``app.py`` draws the sidebar (after the page):
    pages end with ``ui.context.end_page()``."""
    for path in sorted((ROOT / "pages").glob("*.py")):
        assert "st.stop(" not in path.read_text(encoding="utf-8"), path.name
