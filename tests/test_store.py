"""The DuckDB store: creation from geodata, versions, restore, and imports that fail or die."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from loaders.export import to_csv_bytes
from loaders.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("SENTRA_DATA_DIR", str(tmp_path))
    return Store()


def _new_rows(n: int, prefix: str = "T") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"{prefix}-{i}" for i in range(n)],
            "name": [f"Sentra Uji {i}" for i in range(n)],
            "kind": "sentra", "sector": "kerajinan", "commodity": "gerabah",
            "province_code": "34", "regency_code": "34.02", "enterprises": 10, "workers": 30,
            "turnover_rp": 1.5e9, "export_reach": "lokal", "fostering_body": "pemda",
            "status": "aktif", "source": "uji", "data_status": "sumber",
        }
    )  # fmt: skip


def test_created_from_geodata_as_version_one(store):
    assert store.current_version() == 1
    centres = store.centres()
    assert len(centres) == 8706
    assert centres["id"].is_unique
    assert len(store.table("budgets")) > 1000
    assert len(store.table("sentra_bps_2024")) == 35


def test_centres_come_back_in_id_order_with_schema_types(store):
    store.import_centres(_new_rows(3, prefix="A").assign(enterprises=[1, None, 3]), "uji")
    centres = store.centres()
    assert centres["id"].is_monotonic_increasing
    assert centres.loc[centres["id"] == "A-1", "enterprises"].isna().all()
    kinds = {column: str(dtype) for column, dtype in centres.dtypes.items()}
    assert kinds["enterprises"] == kinds["year_established"] == "Int32"
    assert kinds["lat"] == kinds["turnover_rp"] == "float64"
    assert kinds["name"] == kinds["regency_code"] == "str"


def test_import_adds_a_version_and_restore_brings_back_the_old_one(store):
    version = store.import_centres(_new_rows(5), "uji")
    assert version == 2 and store.current_version() == 2
    assert len(store.centres()) == 8711
    restored = store.restore(1)
    assert restored == 3
    assert len(store.centres()) == 8706
    assert list(store.versions()["version_id"]) == [3, 2, 1]
    assert len(store.centres(version_id=2)) == 8711  # history is kept


def test_rows_with_an_existing_id_replace_it(store):
    replacement = _new_rows(1).assign(id="IL-00001", name="Nama baru")
    store.import_centres(replacement, "uji")
    centres = store.centres().set_index("id")
    assert len(centres) == 8706
    assert centres.loc["IL-00001", "name"] == "Nama baru"


def test_failed_import_leaves_everything_as_it_was(store):
    before = store.centres()
    bad = _new_rows(3).assign(enterprises=["10", "sepuluh", "12"])  # not castable to INTEGER
    with pytest.raises(StoreError) as caught:
        store.import_centres(bad, "uji")
    assert isinstance(caught.value.__cause__, duckdb.ConversionException)
    assert store.current_version() == 1
    assert len(store.versions()) == 1
    pd.testing.assert_frame_equal(store.centres(), before)


def test_killed_import_process_leaves_stored_data_exactly_as_it_was(tmp_path, layers):
    env = {**os.environ, "SENTRA_DATA_DIR": str(tmp_path)}
    before = Store(tmp_path / "sentra.duckdb").centres()
    big = _new_rows(160_000, prefix="K").drop(columns=["province_code"])
    big = big.rename(columns={"regency_code": "Kab/Kota", "name": "Nama Sentra"})
    path = tmp_path / "besar.csv"
    path.write_bytes(to_csv_bytes(big))
    proc = subprocess.Popen(
        [sys.executable, "-m", "loaders.importer", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline()  # printed inside the open transaction
        assert first.startswith("ditulis"), first + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = Store(tmp_path / "sentra.duckdb")
    assert after.current_version() == 1
    assert len(after.versions()) == 1
    pd.testing.assert_frame_equal(after.centres(), before)
