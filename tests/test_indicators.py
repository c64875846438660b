"""Indicators on the real stored data: filtering, budget totals, imported regions."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.reference import load_reference
from sentra.filters import Filters, filter_centres
from sentra.indicators import headline, region_metrics


def test_no_filter_gives_every_row_and_writes_do_not_reach_the_stored_frame(store):
    centres = store.centres()
    before = centres.copy()
    everything = filter_centres(centres, Filters())
    assert len(everything) == len(centres) == 8706
    everything.loc[everything.index[0], "name"] = "diubah"
    everything["extra"] = 1
    assert centres.equals(before)
    crafts = filter_centres(centres, Filters.of(sektor=["kerajinan"]))
    assert 0 < len(crafts) < len(centres) and set(crafts["sector"]) == {"kerajinan"}


@pytest.fixture
def stored(store, layers):
    return store, load_reference(store, layers.regions)


def test_budget_totals_reconcile_with_the_stored_rows(stored):
    store, ref = stored
    centres, everything = store.centres(), Filters()
    rows = store.table("budgets")
    in_years = rows[rows["year"].between(*everything.years)]
    assert (in_years["centre_id"].fillna("") == "").sum() > 0  # regional programmes exist
    national = headline(centres, ref, everything)["budget_rp"]
    assert national == pytest.approx(in_years["amount_rp"].sum())
    provinces = region_metrics(centres, centres, ref, "province", everything)
    assert provinces["budget_rp"].sum() == pytest.approx(national)
    for code in ("33", "34", "51"):
        inside = centres[centres["province_code"] == code]
        assert headline(inside, ref, everything, code)["budget_rp"] == pytest.approx(
            provinces.loc[code, "budget_rp"]
        )
        expected = in_years.loc[in_years["region_code"].str.startswith(code), "amount_rp"].sum()
        assert provinces.loc[code, "budget_rp"] == pytest.approx(expected)


def test_imported_rows_count_whatever_their_source_text_says(stored, fresh_store):
    store, ref = stored
    own = fresh_store.open()
    before = region_metrics(own.centres(), own.centres(), ref, "province", Filters())
    assert before.loc["51", "no_data"]  # Bali: no BPS 2024 count
    rows = pd.DataFrame(
        {
            "id": ["BALI-1", "BALI-2"],
            "name": ["Sentra Perak Celuk", "Sentra Ukir Mas"],
            "kind": "sentra",
            "sector": "kerajinan",
            "province_code": "51",
            "regency_code": "51.03",
            "source": "Dinas Koperasi dan UKM Provinsi Bali",
            "data_status": "sumber",
        }
    )
    own.import_centres(rows, "Impor Bali")
    after = own.centres()
    assert set(after.loc[after["id"].str.startswith("BALI"), "origin"]) == {"impor"}
    bali = region_metrics(after, after, ref, "province", Filters()).loc["51"]
    assert not bali["no_data"] and bali["sentra"] >= 2
