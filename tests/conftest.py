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
