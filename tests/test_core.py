"""The pure core on small hand-made tables: numbers in and out, filters and their URL form,
colour classes, location quotient and budget totals. Runs in about a second."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sentra.choropleth import NO_DATA_FILL, ZERO_FILL, classify
from sentra.facts import fact_value
from sentra.filters import Filters, filter_centres, from_params, to_params
from sentra.formatting import fmt_number, fmt_percent, fmt_rupiah
from sentra.indicators import (
    Reference,
    budget_years,
    budgets_of,
    headline,
    location_quotient,
    region_metrics,
)
from sentra.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rp 12.500.000.000,-", 12_500_000_000),
        ("Rp12,5 M", 12_500_000_000),
        ("12,5 miliar", 12_500_000_000),
        ("1.500 juta", 1_500_000_000),
        ("1,5 jt", 1_500_000),
        ("1,250 juta", 1_250_000),  # one comma is the decimal comma: Indonesian first
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("15%", 15),
        ("17,28%", 17.28),
        ("Rp. 750.000", 750_000),
        ("1.506", 1506),
        ("13,9", 13.9),
        ("13.9", 13.9),  # a lone dot before other than three digits is a decimal point
        ("1,234,567", 1_234_567),
        ("Rp 4,1 miliar", 4_100_000_000),
        ("2 triliun", 2e12),
        (" 750 ribu ", 750_000),
        ("-", None),
        ("", None),
        (42, 42),
    ],
)
def test_numbers_as_officials_write_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["dua juta", "1.2.3,4,5", "Rp", "12 lusin", "1,5,6.7"])
def test_words_and_garbage_are_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("text", "value"), [("-6,88", -6.88), ("110.4", 110.4), ("7", 7.0)])
def test_coordinates_have_one_decimal_mark(text, value):
    assert parse_number(text, coordinate=True) == value


@pytest.mark.parametrize(
    ("formatted", "expected"),
    [
        (fmt_rupiah(13.9e9, "id"), "Rp13,9 miliar"),
        (fmt_rupiah(13.9e9, "en"), "Rp13.9 billion"),
        (fmt_rupiah(13.9e9, "id", short=True), "Rp13,9 M"),
        (fmt_rupiah(750_000, "id"), "Rp750.000"),
        (fmt_number(1506, "id"), "1.506"),
        (fmt_number(1506, "en"), "1,506"),
        (fmt_percent(17.28, "id"), "17,28%"),
        (fmt_percent(float("nan"), "id"), "–"),
        (fact_value("13900000000", "Rp", "id"), "Rp13,9 miliar"),
        (fact_value("10000-20000", "UMKM", "en"), "10,000–20,000 MSMEs"),
        (fact_value("17.28", "percent", "id"), "17,28%"),
        (fact_value("1506", "unit", "id"), "1.506 unit"),
        (fact_value(None, None, "id"), ""),
    ],
)
def test_numbers_written_the_readers_way(formatted, expected):
    assert formatted == expected


# -- filters --------------------------------------------------------------------------------
def test_filters_round_trip_through_the_url_form():
    filters = Filters.of(
        sektor=["pariwisata", "kerajinan"], komoditas=" batik ", tahun=(2019, 2023)
    )
    params = to_params(filters)
    assert params == {
        "sektor": ["kerajinan", "pariwisata"],
        "komoditas": ["batik"],
        "tahun": ["2019-2023"],
    }
    assert from_params(params) == (filters, {})


def test_defaults_and_junk_in_links_filter_nothing_and_are_reported():
    filters, ignored = from_params(
        {"sektor": ["kerajinan", "bukan"], "tahun": ["2017-2024"], "pasar": ["x"], "lain": ["1"]}
    )
    assert filters == Filters.of(sektor=["kerajinan"])
    assert ignored == {"sektor": ["bukan"], "pasar": ["x"]}
    assert from_params({"tahun": ["2030-2040"]}) == (Filters(), {"tahun": ["2030-2040"]})
    assert Filters.of(sektor=[], komoditas="  ", tahun=(2017, 2024)).is_default()


CENTRES = pd.DataFrame(
    {
        "id": [f"c{i}" for i in range(10)],
        "name": [
            "Batik A",
            "Batik B",
            "Rotan",
            "Kayu",
            "Tahu",
            "Batik C",
            "Perak",
            "Kopi",
            "Gerabah",
            "Tenun",
        ],
        "kind": ["sentra"] * 9 + ["klaster"],
        "sector": [
            "tekstil_pakaian",
            "tekstil_pakaian",
            "kayu_rotan",
            "kayu_rotan",
            "makanan_minuman",
            "tekstil_pakaian",
            "kerajinan",
            "makanan_minuman",
            "kerajinan",
            "tekstil_pakaian",
        ],
        "commodity": [
            "batik",
            "batik",
            "rotan",
            "mebel",
            "tahu",
            "batik",
            "perak",
            "kopi",
            "gerabah",
            "tenun",
        ],
        "province_code": ["33"] * 6 + ["34"] * 4,
        "regency_code": ["33.26"] * 3 + ["33.75"] * 3 + ["34.71"] * 4,
        "enterprises": [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
        "workers": [100] * 10,
        "export_reach": [
            "ekspor",
            "lokal",
            "lokal",
            "ekspor",
            "lokal",
            "nasional",
            "ekspor",
            "lokal",
            "lokal",
            "lokal",
        ],
        "fostering_body": ["pemda"] * 10,
        "status": ["aktif"] * 10,
        "data_status": ["ilustratif"] * 10,
        "origin": ["bawaan"] * 10,
    }
)


def test_filtering_by_choice_and_text():
    assert set(filter_centres(CENTRES, Filters.of(sektor=["kerajinan"]))["id"]) == {"c6", "c8"}
    batik = filter_centres(CENTRES, Filters.of(komoditas="BATIK", status_data=["ilustratif"]))
    assert list(batik["id"]) == ["c0", "c1", "c5"]
    assert len(filter_centres(CENTRES, Filters.of(tahun=(2020, 2021)))) == 10  # years: budgets


def test_location_quotient_ignores_the_sector_filter_and_matches_a_hand_computation():
    # Textiles: 4 of 10 centres nationally. Jawa Tengah (33): 3 of 6; DIY (34): 1 of 4.
    filters = Filters.of(sektor=["tekstil_pakaian"])
    lq = location_quotient(CENTRES, filters, "tekstil_pakaian", "province")
    assert lq.loc["33", "lq"] == pytest.approx((3 / 6) / (4 / 10))
    assert lq.loc["34", "lq"] == pytest.approx((1 / 4) / (4 / 10))
    # Other filters still apply: among exporters (c0, c3, c6) textiles are 1 of 3.
    exporters = location_quotient(
        CENTRES,
        Filters.of(sektor=["tekstil_pakaian"], pasar=["ekspor"]),
        "tekstil_pakaian",
        "regency",
    )
    assert exporters.loc["33.26", "lq"] == pytest.approx((1 / 1) / (1 / 3))
    assert exporters.loc["33.75", "lq"] == 0


# -- budgets --------------------------------------------------------------------------------
REGIONS = pd.DataFrame(
    {
        "name": [
            "Jawa Tengah",
            "DI Yogyakarta",
            "Kab. Pekalongan",
            "Kota Pekalongan",
            "Kota Yogyakarta",
        ],
        "kind": ["provinsi", "provinsi", "kabupaten", "kota", "kota"],
        "province_code": ["33", "34", "33", "33", "34"],
        "area_km2": [32_800.0, 3_133.0, 836.0, 45.0, 32.5],
    },
    index=pd.Index(["33", "34", "33.26", "33.75", "34.71"], name="code"),
)
BUDGETS = pd.DataFrame(
    {
        "centre_id": ["c0", "c0", "c6", "", "", "", "c2"],
        "region_code": ["33.26", "33.26", "34.71", "33", "34", "33.75", "33.26"],
        "year": [2019, 2020, 2020, 2020, 2021, 2020, 2016],
        "funding_source": ["DAK", "APBN", "DAK", "APBD", "APBD", "APBD", "DAK"],
        "amount_rp": [100.0, 200.0, 400.0, 1_000.0, 2_000.0, 4_000.0, 8_000.0],
    }
)


def _ref() -> Reference:
    return Reference(
        regions=REGIONS,
        budgets=BUDGETS,
        indicators=pd.DataFrame(columns=["region_code", "year", "indicator", "value"]),
        bps_2024=pd.DataFrame({"province_code": ["33", "34"]}),
        facts=pd.DataFrame(),
    )


def test_regional_programmes_count_wherever_budgets_are_summed():
    ref, everything = _ref(), Filters()
    # Years 2017–2024 leave out the 2016 row; regional rows (no centre) are counted.
    assert headline(CENTRES, ref, everything)["budget_rp"] == 7_700
    assert headline(CENTRES, ref, everything)["budget_region_rp"] == 7_000
    jateng = CENTRES[CENTRES["province_code"] == "33"]
    assert headline(jateng, ref, everything, "33")["budget_rp"] == 100 + 200 + 1_000 + 4_000
    kota = CENTRES[CENTRES["regency_code"] == "33.75"]
    assert headline(kota, ref, everything, "33.75")["budget_rp"] == 4_000
    provinces = region_metrics(CENTRES, CENTRES, ref, "province", everything)
    assert provinces["budget_rp"].to_dict() == {"33": 5_300, "34": 2_400}
    regencies = region_metrics(CENTRES, CENTRES, ref, "regency", everything)
    assert regencies["budget_rp"].to_dict() == {"33.26": 300, "33.75": 4_000, "34.71": 400}
    # A province's own programmes (1,000 and 2,000) belong to no regency.
    assert regencies["budget_rp"].sum() + 3_000 == provinces["budget_rp"].sum()


def test_regional_programmes_are_left_out_while_a_centre_filter_is_active():
    ref, crafts = _ref(), Filters.of(sektor=["kerajinan"])
    chosen = filter_centres(CENTRES, crafts)
    assert headline(chosen, ref, crafts)["budget_rp"] == 400
    assert budgets_of(chosen, ref, crafts)["centre_id"].tolist() == ["c6"]
    narrow_years = Filters.of(tahun=(2021, 2024))
    assert headline(CENTRES, ref, narrow_years)["budget_rp"] == 2_000


# -- colour classes -------------------------------------------------------------------------
def test_zero_and_no_data_are_their_own_classes():
    values = pd.Series({"a": 0.0, "b": np.nan, "c": 1.0, "d": 2.0, "e": 3.0, "f": 4.0})
    fills, legend = classify(values, str, "Nol", "Tidak ada data")
    assert fills["a"] == ZERO_FILL and fills["b"] == NO_DATA_FILL
    assert legend[0] == (ZERO_FILL, "Nol") and legend[-1] == (NO_DATA_FILL, "Tidak ada data")
    assert len({fills[c] for c in "cdef"}) == 4  # four values, four classes
    assert fills["c"] != fills["f"]


def test_one_distinct_value_gets_one_class():
    fills, legend = classify(pd.Series({"a": 5.0, "b": 5.0}), str, "0", "-")
    assert fills["a"] == fills["b"] and len(legend) == 1


def test_a_budget_total_is_labelled_with_the_years_it_holds():
    """The slider starts in 2017; a total of rows from 2019 on says 2019–2024, not 2017–2024."""
    ref = _ref()
    held = sorted(set(ref.budgets["year"]) & set(range(2017, 2025)))
    assert budget_years(ref, Filters()) == (held[0], held[-1])
    assert budget_years(ref, Filters.of(tahun=(2017, 2017))) == (2017, 2017)  # none: as chosen
