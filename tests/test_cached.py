"""Process-wide caches: a new version stored by anyone shows on the next rerun; map views
are shared between sessions but never across filters, languages or versions."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from sentra.formatting import fmt_number

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def sentra_shown(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Sentra")


def jateng_on_map(at: AppTest) -> str:
    """The value under Jawa Tengah's name on the national map."""
    frame = next(e for e in at.main if type(e).__name__ == "UnknownElement")
    script = json.loads(frame.proto.json_args)["script"]
    entry = r'"code": "33", "name": "Jawa Tengah", "style": \{[^}]*\}, "value": "([^"]*)"'
    return re.search(entry, script)[1]


# Each test on a store of its own (``fresh_store`` also forgets every cache of store data).
pytestmark = pytest.mark.usefixtures("fresh_store", "layers")


def run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_import_elsewhere_shows_on_the_next_rerun(fresh_store):
    at = run()
    assert sentra_shown(at) == "8.569"
    assert jateng_on_map(at) == "Jumlah sentra: 1.547"
    at.run()  # nothing changed: the version is not asked of the database again
    assert sentra_shown(at) == "8.569"

    # Another Store object stands for another process: only the database file is shared.
    row = {
        "id": "BARU-1",
        "name": "Sentra Gerabah Baru",
        "kind": "sentra",
        "sector": "kerajinan",
        "province_code": "33",
        "regency_code": "33.01",
        "data_status": "sumber",
        "status": "aktif",
        "source": "uji",
    }
    other = fresh_store.open()
    stored = other.centres()
    cilacap = int(((stored["regency_code"] == "33.01") & (stored["kind"] == "sentra")).sum())
    assert cilacap > 1
    # the office's complete list of Kab. Cilacap: its one centre replaces the earlier ones
    other.import_centres(pd.DataFrame([row]), "satu lagi", complete=True)
    at.run()
    assert sentra_shown(at) == fmt_number(8569 - cilacap + 1, "id")
    assert jateng_on_map(at) == f"Jumlah sentra: {fmt_number(1547 - cilacap + 1, 'id')}"


def test_map_views_follow_filters_and_language():
    everything = jateng_on_map(run())
    crafts = jateng_on_map(run(sektor="kerajinan"))
    assert everything == "Jumlah sentra: 1.547" and crafts != everything
    assert crafts.startswith("Jumlah sentra: ")
    assert jateng_on_map(run(sektor="kerajinan")) == crafts  # another session, same view
    assert jateng_on_map(run()) == everything
    assert jateng_on_map(run(lang="en")) == "Number of centres: 1,547"


def test_caches_only_store_values():
    """Keeping new views, markers or centres does not freeze the collector (it did once,
    freezing the sessions open at that moment too); serving.process freezes once, after the
    process's first complete run."""
    run()  # the process's first complete run may freeze, once
    frozen = gc.get_freeze_count()
    jateng_on_map(run(lang="en", sektor="kerajinan"))  # new views and markers kept
    assert gc.get_freeze_count() == frozen
