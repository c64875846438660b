"""Process-wide caches: a new version stored by anyone shows on the next rerun."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def sentra_shown(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Sentra")


def test_an_import_elsewhere_shows_on_the_next_rerun(tmp_path, monkeypatch, layers):
    monkeypatch.setenv("SENTRA_DATA_DIR", str(tmp_path))
    from loaders.store import Store
    from ui import cached

    cached.data_store.clear()
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert sentra_shown(at) == "8.569"
    at.run()  # nothing changed: the version is not asked of the database again
    assert sentra_shown(at) == "8.569"

    # Another Store object stands for another process: only the database file is shared.
    row = {"id": "BARU-1", "name": "Sentra Gerabah Baru", "kind": "sentra",
           "sector": "kerajinan", "province_code": "33", "regency_code": "33.01",
           "data_status": "sumber", "status": "aktif", "source": "uji"}  # fmt: skip
    Store(tmp_path / "sentra.duckdb").import_centres(pd.DataFrame([row]), "satu lagi")
    at.run()
    assert sentra_shown(at) == "8.570"
    cached.data_store.clear()
