"""Source integrity, the cache and the offline-preparation command, on real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import boundaries
from loaders.boundary_source import BoundarySourceError, pinned_files, source_files

ROOT = Path(__file__).resolve().parent.parent
VICTIM = "kab/wilayah_boundaries_kab_33.sql"


@pytest.fixture
def source_copy(tmp_path, source_dir, monkeypatch) -> Path:
    copy = tmp_path / "wilayah_boundaries"
    shutil.copytree(source_dir / "db", copy / "db")
    monkeypatch.setenv("SENTRA_BOUNDARIES_DIR", str(copy))
    return copy


@pytest.fixture
def synthetic_source_copy(tmp_path, synthetic, monkeypatch) -> Path:
    """A copy of the synthetic source (tests/synthetic.py), checked against its own sums."""
    copy = tmp_path / "wilayah_boundaries"
    shutil.copytree(synthetic.boundaries / "db", copy / "db")
    monkeypatch.setenv("SENTRA_BOUNDARIES_DIR", str(copy))
    return copy


def test_pinned_list_covers_every_province_regency_and_kecamatan_file():
    pins = pinned_files()
    assert sum(p.startswith("prov/") for p in pins) == 8
    assert sum(p.startswith("kab/") for p in pins) == 38
    assert sum(p.startswith("kec/") for p in pins) == 38


def test_truncated_file_is_refused_with_its_name(synthetic_source_copy):
    source_copy = synthetic_source_copy
    path = source_copy / "db" / VICTIM
    path.write_bytes(path.read_bytes()[:-500])
    with pytest.raises(BoundarySourceError, match=r"wilayah_boundaries_kab_33\.sql.*rusak"):
        source_files()


def test_altered_file_is_refused_with_its_name(synthetic_source_copy):
    source_copy = synthetic_source_copy
    path = source_copy / "db" / VICTIM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kota Pekalongan", "Kota Pekalongann"), encoding="utf-8")
    with pytest.raises(BoundarySourceError, match=r"kab_33\.sql"):
        source_files()


def test_missing_file_is_refused_with_its_name(synthetic_source_copy):
    source_copy = synthetic_source_copy
    (source_copy / "db" / VICTIM).unlink()
    with pytest.raises(BoundarySourceError, match=r"kab_33\.sql.*tidak ditemukan"):
        source_files()


@pytest.fixture
def cache_copy(layers, tmp_path, monkeypatch) -> Path:
    """A copy of the session's built cache (building one from scratch takes most of a minute)."""
    copy = tmp_path / "cache"
    shutil.copytree(Path(os.environ["SENTRA_CACHE_DIR"]), copy)
    monkeypatch.setenv("SENTRA_CACHE_DIR", str(copy))
    return copy


@pytest.fixture
def synthetic_cache_copy(synthetic, synthetic_layers, tmp_path, monkeypatch) -> Path:
    """A copy of the cache built from the synthetic source (a second or so to build)."""
    copy = tmp_path / "cache"
    shutil.copytree(synthetic.cache, copy)
    monkeypatch.setenv("SENTRA_CACHE_DIR", str(copy))
    return copy


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_corrupt_cache_file_is_rebuilt_not_trusted(cache_copy):
    assert boundaries.load()[1] == "cache"
    _flip_a_byte(next((cache_copy / "layers").glob("*/regencies_national.parquet")))
    rebuilt, origin = boundaries.load()
    assert origin == "build"
    assert len(rebuilt.regencies_national) == 514
    assert boundaries.load()[1] == "cache"


def test_corrupt_kecamatan_layer_read_later_is_rebuilt_not_trusted(cache_copy):
    _flip_a_byte(next((cache_copy / "layers").glob("*/kecamatan_detail.parquet")))
    layers, origin = boundaries.load()
    assert origin == "cache"  # the kecamatan layers are read on first use
    assert len(layers.kecamatan_detail) == 7285
    assert len(boundaries.load()[0].kecamatan_detail) == 7285  # saved again, now intact


def test_processing_version_change_makes_the_cache_stale(synthetic_cache_copy, monkeypatch):
    current = boundaries._cache_folder()
    assert boundaries._load_cached(current) is not None
    monkeypatch.setattr(boundaries, "PROCESSING_VERSION", "test-next")
    assert boundaries._cache_folder() != current
    assert boundaries._load_cached(boundaries._cache_folder()) is None


def test_command_prints_summary_json_as_last_line(layers):
    result = subprocess.run(
        [sys.executable, "-m", "loaders.boundaries"],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["provinces"] == 38
    assert summary["regencies"] == 514
    assert summary["kecamatan"] == 7285
    assert 0 < summary["bytes_kecamatan_geojson_max"] <= 150_000
    assert summary["invalid_geometries"] > 100
    assert summary["bytes_regencies_geojson"] <= 1_000_000
    assert summary["bytes_provinces_geojson"] <= 300_000
    assert summary["loaded_from"] == "cache"
    assert summary["build_seconds"] > 0


def test_command_reports_a_broken_source_without_traceback(source_copy, tmp_path):
    (source_copy / "db" / VICTIM).write_text("truncated", encoding="utf-8")
    env = {**os.environ, "SENTRA_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "loaders.boundaries"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "kab_33.sql" in result.stderr
    assert "Traceback" not in result.stderr
