"""Filtering the centres: the unfiltered case shares the data without exposing it."""

from __future__ import annotations

from loaders.store import Store
from sentra.filters import Filters, filter_centres


def test_no_filter_gives_every_row_and_writes_do_not_reach_the_stored_frame(tmp_path):
    centres = Store(tmp_path / "sentra.duckdb").centres()
    before = centres.copy()
    everything = filter_centres(centres, Filters())
    assert len(everything) == len(centres) == 8706
    everything.loc[everything.index[0], "name"] = "diubah"
    everything["extra"] = 1
    assert centres.equals(before)
    crafts = filter_centres(centres, Filters.of(sektor=["kerajinan"]))
    assert 0 < len(crafts) < len(centres) and set(crafts["sector"]) == {"kerajinan"}
