"""Years in motion, on small hand-made tables: values per region and year, one colour scale
over all years, and the year control's map script (escaped, every year in one payload)."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from sentra.choropleth import NO_DATA_FILL, PALETTE, ZERO_FILL
from sentra.filters import Filters, filter_centres
from sentra.indicators import Reference, region_metrics
from sentra.map_build import RegionLayer, base_map, region_entries
from sentra.map_motion import YearChoice, YearControl, control_data
from sentra.map_years import (
    YEAR_TOKEN,
    Yearly,
    budget_by_year,
    founding_counts,
    growth_by_year,
    imported_by_year,
    parse_year,
    year_frames,
)
from tests.test_core import BUDGETS, CENTRES, REGIONS

# Regencies 33.26 (c0–c2), 33.75 (c3–c5) and 34.71 (c6–c8 sentra, c9 a klaster).
FOUNDED = [2001, 2003, None, 1990, 2003, 2004, 2002, 2002, 2004, 2001]
GROWTH = pd.DataFrame(
    {
        "region_code": ["33", "33", "34", "33", "33.26"],
        "year": [2019, 2020, 2019, 2016, 2019],
        "indicator": ["pertumbuhan_output_pct"] * 5,
        "value": [4.0, 6.0, 3.0, 100.0, 7.0],
    }
)


def _ref(bps: tuple[str, ...] = ("33", "34")) -> Reference:
    return Reference(
        regions=REGIONS,
        budgets=BUDGETS,
        indicators=GROWTH,
        bps_2024=pd.DataFrame({"province_code": list(bps)}),
        facts=pd.DataFrame(),
    )


def _centres() -> pd.DataFrame:
    return CENTRES.assign(year_established=FOUNDED)


def _table(level: str, ref: Reference, filters: Filters | None = None) -> pd.DataFrame:
    centres, filters = _centres(), filters or Filters()
    return region_metrics(filter_centres(centres, filters), centres, ref, level, filters)


def test_centres_by_founding_year_count_the_sentra_founded_by_each_year():
    ref = _ref(bps=("33",))  # DIY has no BPS count: its regencies stay "no data"
    table = _table("regency", ref)
    yearly = founding_counts(_centres(), "regency", table)
    values = yearly.values
    assert list(values.columns) == list(range(1990, 2005))
    assert values.loc["33.26", [2000, 2001, 2002, 2003, 2004]].tolist() == [0, 1, 1, 2, 2]
    assert values.loc["33.75", [1990, 2002, 2003, 2004]].tolist() == [1, 1, 2, 3]
    assert values.loc["34.71"].isna().all()
    assert yearly.undated == 1  # c2: founded when, nobody wrote down
    # the last year plus the undated ones is the map's count of sentra
    assert values.loc["33.26", 2004] + 1 == table.loc["33.26", "sentra"]
    assert values.loc["33.75", 2004] == table.loc["33.75", "sentra"]


def test_the_first_founding_frame_counts_every_earlier_centre():
    table = _table("regency", _ref())
    yearly = founding_counts(_centres(), "regency", table, frames=5)
    assert list(yearly.values.columns) == [2000, 2001, 2002, 2003, 2004]
    assert yearly.values.loc["33.75", 2000] == 1  # founded in 1990
    assert yearly.values.loc["34.71"].tolist() == [0, 0, 2, 2, 3]  # the klaster c9 is not a sentra
    assert founding_counts(_centres().assign(year_established=2001), "regency", table) is None


def test_budget_years_add_up_to_the_map_total_with_and_without_centre_filters():
    ref = _ref()
    for level, expected in (
        ("province", {"33": [100, 5_200, 0], "34": [0, 400, 2_000]}),
        ("regency", {"33.26": [100, 200, 0], "33.75": [0, 4_000, 0], "34.71": [0, 400, 0]}),
    ):
        table = _table(level, ref)
        yearly = budget_by_year(_centres(), ref, Filters(), level, table)
        assert list(yearly.values.columns) == [2019, 2020, 2021]  # 2016 is outside 2017–2024
        assert {c: row.tolist() for c, row in yearly.values.iterrows()} == expected
        assert yearly.values.sum(axis=1).to_dict() == table["budget_rp"].to_dict()
    crafts = Filters.of(sektor=["kerajinan"])  # regional programmes left out, as in the total
    table = _table("province", ref, crafts)
    chosen = filter_centres(_centres(), crafts)
    yearly = budget_by_year(chosen, ref, crafts, "province", table)
    assert yearly.values.loc["34"].tolist() == [0, 400, 0]
    assert yearly.values.sum(axis=1).to_dict() == table["budget_rp"].to_dict()
    narrow = Filters.of(tahun=(2021, 2024))  # one budget year left: nothing to play
    assert budget_by_year(_centres(), ref, narrow, "province", _table("province", ref)) is None


def test_growth_per_year_has_the_map_value_as_its_mean():
    ref = _ref()
    table = _table("province", ref)
    yearly = growth_by_year(ref, Filters(), "province", table)
    assert list(yearly.values.columns) == [2019, 2020]
    assert yearly.values.loc["33"].tolist() == [4.0, 6.0]
    assert yearly.values.loc["34", 2019] == 3.0 and np.isnan(yearly.values.loc["34", 2020])
    assert yearly.values.mean(axis=1).to_dict() == table["growth_pct"].to_dict()
    assert growth_by_year(ref, Filters(), "kecamatan", table) is None


def test_imported_values_of_absent_regions_are_no_data():
    table = _table("regency", _ref())
    by_year = pd.DataFrame({2022: [5.0, 1.0], 2023: [6.0, np.nan]}, index=["33.26", "99.99"])
    values = imported_by_year(by_year, table).values
    assert values.loc["33.26"].tolist() == [5.0, 6.0]
    assert values.loc[["33.75", "34.71"]].isna().all().all()
    assert "99.99" not in values.index
    assert imported_by_year(by_year[[2023]], table) is None  # one year: nothing to play


def _frames(values: pd.DataFrame):
    names = pd.Series({"a": "Kab. A", "b": "Kab. B", "c": "Kab. C"})
    title = f"Nilai {YEAR_TOKEN}"
    return year_frames(Yearly(values), names, lambda v: f"{v:g}", title, "satu", "Semua", "id")


def test_one_colour_scale_over_all_years():
    values = pd.DataFrame(
        {2020: [1.0, 2.0, 0.0], 2021: [10.0, 20.0, np.nan], 2022: [100.0, 200.0, 2.0]},
        index=["a", "b", "c"],
    )
    frames = _frames(values)
    assert frames.years == (2020, 2021, 2022)
    # the same value has the same colour whatever its year; larger values are darker
    assert frames.fills.at["b", 2020] == frames.fills.at["c", 2022]
    assert PALETTE.index(frames.fills.at["a", 2020]) < PALETTE.index(frames.fills.at["b", 2022])
    assert frames.fills.at["c", 2020] == ZERO_FILL
    assert frames.fills.at["c", 2021] == NO_DATA_FILL
    assert frames.texts.at["c", 2021] == "Tidak ada data" and frames.texts.at["b", 2022] == "200"
    labels = [label for _, label in frames.legend]
    assert labels[0] == "Nol" and labels[-1] == "Tidak ada data"
    # whole numbers: the first class starts at 1, the last ends at 200, no number in two
    assert frames.legend[1][1].split(" – ")[0] == "1" and frames.legend[-2][1].endswith(" – 200")
    assert frames.title_of(2021) == "Nilai 2021"
    assert parse_year("2021", frames) == 2021
    assert parse_year("2019", frames) is None and parse_year("", frames) is None


PAYLOADS = ("<img src=x onerror=alert(1)>", "${window.parent.document.title='X'}", "`\\")


def test_the_year_control_sends_every_year_once_and_escapes_every_text():
    values = pd.DataFrame({2020: [1.0, 2.0, 3.0], 2021: [2.0, 3.0, 4.0]}, index=["a", "b", "c"])
    names = pd.Series({"a": PAYLOADS[0], "b": PAYLOADS[1], "c": PAYLOADS[2]})
    frames = year_frames(
        Yearly(values), names, lambda v: f"{v:g} {PAYLOADS[0]}", f"{PAYLOADS[1]} {YEAR_TOKEN}",
        PAYLOADS[2], "Semua", "id",
    )  # fmt: skip
    fmap = base_map((110.0, -8.0, 111.0, -7.0), "id", "Peta uji")
    shapes = pd.DataFrame({"code": list(names.index), "name": list(names)})
    fills = frames.fills[2021].to_dict()
    layer = RegionLayer("/geo/x.json", region_entries(shapes, fills, {})).add_to(fmap)
    YearControl(layer, control_data(frames, "b", "en")).add_to(fmap)
    YearChoice(2021).add_to(fmap)
    html = fmap.get_root().render()
    for payload in PAYLOADS:
        assert payload not in html
    data = json.loads(re.search(r"\}\)\(map_\w+, region_layer_\w+, (\{.*\})\);", html)[1])
    assert data["years"] == [2020, 2021] and data["codes"] == ["a", "b", "c"]
    assert len(data["frames"]) == 2 and all(len(frame) == 3 for frame in data["frames"])
    highlighted = data["styles"][data["frames"][0][1][0]]
    assert highlighted["weight"] == 3.5  # the selected region keeps its outline every year
    assert data["texts"]["play"] == "Play" and data["texts"]["total"] == "Semua"
    assert 'window.sentraYears.choose("2021")' in html
