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
    # Process settings: only libraries (never the dashboard's layers or Streamlit).
    "serving": {"sentra", "loaders", "ui", "pages", "tools", "streamlit"},
}


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
    layer = path.relative_to(ROOT).parts[0]
    assert not imported_packages(path) & FORBIDDEN[layer]


def test_the_rule_sees_a_forbidden_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import duckdb\nfrom loaders.store import Store\nfrom . import x\n")
    assert imported_packages(module) == {"duckdb", "loaders"}
