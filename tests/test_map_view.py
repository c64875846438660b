"""The explorer map never sends more than MAX_MARKERS points; counts per region stand in."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.reference import load_reference
from loaders.sample_files import GEODATA
from sentra.choropleth import classify
from sentra.filters import Filters, filter_centres
from sentra.map_view import MapView, draw, map_view
from sentra.markers import MAX_MARKERS, marker_rows
from sentra.sample_data import scaled_centres
from sentra.schema import SECTORS, label


@pytest.fixture(scope="module")
def big(layers):
    bps = pd.read_csv(
        GEODATA / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
    )
    regencies = layers.regencies[["code", "name", "kind", "province_code"]]
    return scaled_centres(60_000, regencies, bps).assign(origin="impor")


@pytest.fixture
def ref(layers, store):
    return load_reference(store, layers.regions)


def _view(layers, ref, centres, selected, metric: str = "sentra") -> tuple[MapView, str]:
    """The view and its rendered map script."""
    filters = Filters()
    view = map_view(
        layers,
        ref,
        centres,
        filter_centres(centres, filters),
        filters,
        selected,
        metric,
        "id",
        lambda points: list(marker_rows(points, layers.regions, "id").values()),
        geometry_url=lambda province: f"/shapes/{province}.json",
    )
    return view, draw(view, "id", "Peta uji").get_root().render()


def test_province_with_too_many_centres_shows_counts_not_points(layers, ref, big):
    in_jateng = (big["province_code"] == "33").sum()
    assert in_jateng > MAX_MARKERS
    view, rendered = _view(layers, ref, big, "33")
    assert "FastMarkerCluster" not in rendered
    assert "lebih dari 5.000 titik" in view.note
    assert view.table["sentra"].sum() == in_jateng


def test_single_regency_shows_its_points(layers, ref, big):
    regency = "33.26"
    expected = (big["regency_code"] == regency).sum()
    assert 0 < expected <= MAX_MARKERS
    view, rendered = _view(layers, ref, big, regency)
    assert "circleMarker" in rendered
    assert f"{expected} sentra/klaster" in view.note
    # the points' colours have a key: the sectors shown, in the legend, folded
    in_regency = big[big["regency_code"] == regency]
    sectors = {label(SECTORS, c, "id") for c in in_regency["sector"].dropna().unique()}
    assert {name for _, name in view.marker_key} == sectors
    assert len({colour for colour, _ in view.marker_key}) == len(view.marker_key)
    folded = "\\u003cdetails\\u003e\\u003csummary\\u003e\\u003cb\\u003eWarna titik: sektor"
    assert folded in rendered  # the legend's HTML, as the map's script carries it


def test_a_national_map_has_no_key_for_points(layers, ref, big):
    view, rendered = _view(layers, ref, big, None)
    assert not view.markers and not view.marker_key
    assert "Warna titik" not in rendered


def test_the_map_as_a_table_has_its_regions_values_and_legend_classes(layers, ref, big):
    """The "Tabel" view: every region drawn on the map, its value as the tooltip shows it,
    its class named as in the legend; largest first, regions without data last."""
    view, rendered = _view(layers, ref, big, "33")
    assert len(view.rows) == len(view.regions) == 35
    region, value, cls = view.rows.columns
    assert (region, value, cls) == ("Wilayah", "Nilai", "Kelas (warna di peta)")
    counts = view.table["sentra"]
    top = counts.idxmax()
    assert view.rows.iloc[0][region] == layers.regions.at[top, "name"]
    assert view.rows.iloc[0][value] == f"{int(counts[top]):,}".replace(",", ".")
    assert set(view.rows[cls]) <= {label for _, label in view.legend}
    shown = {r["code"]: r["style"]["fillColor"] for r in view.regions}
    colour_of = {label: colour for colour, label in view.legend}
    class_of = view.rows.set_index(region)[cls]
    for code in view.table.index:
        assert colour_of[class_of[layers.regions.at[code, "name"]]] == shown[code]
    assert "Peta uji" in rendered


def test_regions_without_data_are_hatched_and_listed_last(layers, ref, big):
    view, rendered = _view(layers, ref, big, None, "klaster")
    no_data = [r for r in view.regions if r["style"]["fillColor"].startswith("url(#")]
    assert len(no_data) == 37  # clusters are published for Jawa Tengah only
    assert 'id="sentra-no-data"' in rendered.replace('\\"', '"')
    assert view.rows.iloc[0]["Wilayah"] == "Jawa Tengah"
    assert set(view.rows.iloc[1:]["Nilai"]) == {"Tidak ada data"}
    assert 'class="sentra-no-data"' in rendered.replace('\\"', '"')


def test_a_legend_of_counts_puts_no_number_in_two_classes():
    """'1 – 31', '32 – 75': a region with 32 centres is in one row of the legend only."""
    values = pd.Series([1, 10, 32, 50, 76, 120, 288, 1664], index=list("abcdefgh"), dtype=float)
    fills, legend = classify(values, lambda v: f"{v:.0f}", "Nol", "Tidak ada data")
    bounds = [tuple(int(p) for p in label.split(" – ")) for _, label in legend]
    for (_, high), (low, _) in zip(bounds, bounds[1:], strict=False):
        assert low == high + 1
    colour = fills["c"]
    row = next(label for fill, label in legend if fill == colour)
    low, high = (int(p) for p in row.split(" – "))
    assert low <= 32 <= high
    rates = classify(values / 7, lambda v: f"{v:.2f}", "Nol", "Tidak ada data")[1]
    assert rates[0][1].split(" – ")[1] == rates[1][1].split(" – ")[0]  # shared edges
