"""Shared fixtures: real boundary files, a fresh per-run cache, the loaded layers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault(
    "SENTRA_BOUNDARIES_DIR", str(ROOT.parent / "shared" / "geodata" / "wilayah_boundaries")
)
# A fresh cache per test run, so the cold build path is exercised every time.
TEST_CACHE = ROOT / "var" / "test-cache"
shutil.rmtree(TEST_CACHE, ignore_errors=True)
os.environ["SENTRA_CACHE_DIR"] = str(TEST_CACHE)


@pytest.fixture(scope="session")
def source_dir() -> Path:
    return Path(os.environ["SENTRA_BOUNDARIES_DIR"])


@pytest.fixture(scope="session")
def layers():
    from loaders.boundaries import load

    loaded, _origin = load()
    return loaded
