"""Where a count of clusters exists, shares of known totals only, and BPS 2024's national
count beside the mapped one: pure functions on small tables (no boundaries, no server)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sentra import aggregate
from sentra.cluster_counts import bps_national, cluster_known, cluster_published, clusters_known_in
from sentra.filters import Filters
from sentra.indicators import Reference, headline, region_metrics
from tests.test_core import BUDGETS, CENTRES, REGIONS

FACTS = pd.DataFrame(
    {
        "fact_id": [
            "depperindag_clusters_2007",
            "cluster_rattan_cirebon",
            "clusters_central_java_2009",
            "sentra_industri_national_2024",
        ],
        "year": [2007, 2007, 2009, 2024],
        "scope": ["national", "regency", "province", "national"],
        "region_code": ["", "32.09", "33", ""],
        "indicator": ["clusters formed", "example cluster", "clusters", "sentra industri (BPS)"],
        "value": ["25", "", "133", "100"],
        "unit": ["klaster", "", "klaster", "unit"],
        "source": ["news", "news", "news", "BPS"],
    }
)


BPS_ONE = pd.DataFrame({"province_code": ["33"], "sentra_industri": [90]})
BPS_BOTH = pd.DataFrame({"province_code": ["33", "34"], "sentra_industri": [60, 30]})


def _ref(complete_lists: frozenset[str] = frozenset(), bps: pd.DataFrame = BPS_BOTH) -> Reference:
    return Reference(
        regions=REGIONS,
        budgets=BUDGETS,
        indicators=pd.DataFrame(columns=["region_code", "year", "indicator", "value"]),
        bps_2024=bps,
        facts=FACTS,
        complete_lists=complete_lists,
    )


def test_only_a_regional_published_count_of_clusters_covers_a_region():
    # 25 clusters formed by one ministry is not a national count of clusters; an example
    # cluster without a figure (rattan in Cirebon) is no count either
    assert cluster_published(FACTS) == {"33"}
    assert cluster_published(pd.DataFrame()) == frozenset()


@pytest.mark.parametrize(
    ("code", "lists", "known"),
    [
        ("33", (), True),
        ("33.26", (), True),  # inside Central Java: the published total, distributed
        ("33.26.14", (), True),
        ("35", (), False),
        ("32.09", (), False),
        ("35.07", ("35.07",), True),  # an office's complete list
        ("35.07.01", ("35.07",), True),
        ("35", ("35.07",), False),  # one regency's list says nothing of the province
        (None, (), False),  # the nation: not every province has a count
        (None, ("34",), True),
    ],
)
def test_cluster_known(code, lists, known):
    assert cluster_known(code, FACTS, frozenset(lists), provinces=["33", "34"]) is known


def test_clusters_known_in_many_regions_at_once():
    known = clusters_known_in(["33", "33.75", "34", "34.71"], FACTS, frozenset({"34.71"}))
    assert known.to_dict() == {"33": True, "33.75": True, "34": False, "34.71": True}


def test_cluster_counts_are_no_data_where_no_figure_covers_the_region():
    ref, everything = _ref(), Filters()
    provinces = region_metrics(CENTRES, CENTRES, ref, "province", everything)
    assert provinces.at["33", "klaster"] == 0  # known, and none in this table
    assert np.isnan(provinces.at["34", "klaster"])  # one cluster listed, but no count
    assert provinces.at["34", "sentra"] == 3 and provinces.at["34", "centres"] == 4
    regencies = region_metrics(CENTRES, CENTRES, ref, "regency", everything)
    assert regencies["klaster"].isna().to_dict() == {"33.26": False, "33.75": False, "34.71": True}
    listed = region_metrics(CENTRES, CENTRES, _ref(frozenset({"34"})), "province", everything)
    assert listed.at["34", "klaster"] == 1


def test_headline_clusters_are_no_data_nationally_and_outside_covered_regions():
    ref, everything = _ref(), Filters()
    assert np.isnan(headline(CENTRES, ref, everything)["klaster"])
    assert headline(CENTRES, ref, everything)["sentra"] == 9
    diy = CENTRES[CENTRES["province_code"] == "34"]
    assert np.isnan(headline(diy, ref, everything, "34")["klaster"])
    assert headline(diy, _ref(frozenset({"34"})), everything, "34")["klaster"] == 1
    assert headline(diy, _ref(frozenset({"33", "34"})), everything)["klaster"] == 1


def test_no_national_share_of_clusters_while_the_national_total_is_unknown():
    ref, everything = _ref(), Filters()
    assert "klaster" not in aggregate.shared_measures(ref)
    table = aggregate.comparison(["33", "34"], CENTRES, CENTRES, ref, everything)
    assert table["klaster_share"].isna().all()
    assert table["sentra_share"].to_list() == pytest.approx([600 / 9, 300 / 9])
    assert np.isnan(table.at["34", "klaster"]) and table.at["33", "klaster"] == 0
    every_province = _ref(frozenset({"33", "34"}))
    assert "klaster" in aggregate.shared_measures(every_province)
    table = aggregate.comparison(["33", "34"], CENTRES, CENTRES, every_province, everything)
    assert table["klaster_share"].to_list() == pytest.approx([0, 100])


def test_bps_national_count_against_its_per_province_table():
    bps = bps_national(FACTS, BPS_ONE, ["33", "34"])
    assert (bps.national, bps.per_province, bps.missing, bps.gap) == (100, 90, ("34",), 10)
    assert bps_national(FACTS, BPS_BOTH, ["33", "34"]).missing == ()
    assert bps_national(pd.DataFrame(), BPS_ONE, ["33"]).gap is None


def test_bps_national_note_in_both_languages():
    ref = _ref(bps=BPS_ONE)
    assert aggregate.bps_national_note(ref, "id") == (
        "BPS 2024: 100 nasional; 10 di DI Yogyakarta tanpa rincian provinsi"
    )
    assert aggregate.bps_national_note(ref, "en") == (
        "BPS 2024: 100 nationally; 10 in DI Yogyakarta without a per-province figure"
    )
    # a known sentra in the province without a figure is named, so the sums are explained
    centres = pd.DataFrame(
        {"province_code": ["33", "34", "34"], "kind": ["sentra"] * 2 + ["klaster"]}
    )
    assert aggregate.bps_national_note(ref, "id", centres).endswith(
        "; 1 sentra di peta berada di provinsi itu (sentra terkenal, di luar tabel BPS per "
        "provinsi)"
    )
    assert aggregate.names_list(["Banten", "Bali", "Papua Pegunungan"], "id") == (
        "Banten, Bali dan Papua Pegunungan"
    )
    assert aggregate.names_list(["Banten", "Bali", "Papua Pegunungan"], "en") == (
        "Banten, Bali and Papua Pegunungan"
    )
    assert aggregate.cluster_sources(ref, "id") == "Jawa Tengah (133 klaster, 2009)"
    assert aggregate.cluster_sources(ref, "en") == "Jawa Tengah (133 clusters, 2009)"


def test_the_real_tables_give_the_published_national_figures():
    """geodata/: 8.889 nationally, 8.568 in the per-province table, Banten, Bali and Papua
    Pegunungan without a figure (the codes of the 38 provinces of 2025)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "geodata"
    facts = pd.read_csv(root / "facts.csv", dtype=str)
    table = pd.read_csv(root / "sentra_industri_by_province_2024.csv", dtype={"province_code": str})
    provinces = [*table["province_code"], "36", "51", "95"]
    bps = bps_national(facts, table, provinces)
    assert (bps.national, bps.per_province, bps.gap) == (8889, 8568, 321)
    assert bps.missing == ("36", "51", "95")
    assert cluster_published(facts) == {"33"}
