"""The documents name only what exists: every module, file, function or class they put in
backticks is in the tree (in the spirit of Datasette's ``test_docs.py``)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["docs/architecture.md", "docs/data-model.md", "docs/performance.md", "README.md"]
PACKAGES = {p.name for p in ROOT.iterdir() if p.is_dir() and any(p.glob("*.py"))}
FILE_SUFFIXES = {"py", "md", "sh", "toml", "txt", "json", "csv", "sha256", "duckdb", "po", "pot"}
SCRIPTS = {"pages", "bench", "scripts"}  # run when imported: named by their files only
_TICKED = re.compile(r"`([^`\n]+)`")
# `pkg/module.py`, `pkg/`, `pkg/module.name`, `pkg.module.name`, `Class.method()`-style tails.
_REFERENCE = re.compile(r"^(?P<path>[\w./]+?)(?:\(\))?$")


def references(text: str) -> set[str]:
    """Backticked names that point into the project: they start with one of its packages."""
    found = set()
    for token in _TICKED.findall(text):
        match = _REFERENCE.match(token.strip())
        if match and re.split(r"[./]", match["path"])[0] in PACKAGES:
            found.add(match["path"])
    return found


def exists(reference: str) -> bool:
    """A file or folder of the tree, or a module and the attributes named after it."""
    if (ROOT / reference).exists():
        return True
    if reference.endswith("/") or reference.rpartition(".")[2] in FILE_SUFFIXES:
        # a file of the tree, or a file's bare name (``sentra.duckdb`` in its data folder)
        return "/" not in reference
    if reference.split("/")[0] in SCRIPTS:
        return (ROOT / reference).exists() or (ROOT / f"{reference}.py").exists()
    module_path, _, attributes = reference.partition(".py.")
    parts = (module_path.replace("/", ".") + ("." + attributes if attributes else "")).split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return (ROOT / reference).exists()


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if (ROOT / d).exists()])
def test_every_name_a_document_puts_in_backticks_exists(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    missing = sorted(r for r in references(text) if not exists(r))
    assert not missing, f"{document} names what does not exist: {missing}"


def test_the_check_sees_a_removed_name():
    text = "`sentra/map_view.explorer_map` and `ui/cached.py` and `sentra.filters.FilterSpec`"
    assert references(text) == {
        "sentra/map_view.explorer_map",
        "ui/cached.py",
        "sentra.filters.FilterSpec",
    }
    assert [exists(r) for r in sorted(references(text))] == [True, False, True]
    assert not exists("loaders/no_such_module.py")
