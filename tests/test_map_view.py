"""The explorer map never sends more than MAX_MARKERS points; counts per region stand in."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.reference import load_reference
from loaders.sample_files import GEODATA
from sentra.filters import Filters, filter_centres
from sentra.map_view import MapView, draw, map_view
from sentra.markers import MAX_MARKERS, marker_rows
from sentra.sample_data import scaled_centres


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


def _view(layers, ref, centres, selected) -> tuple[MapView, str]:
    """The view and its rendered map script."""
    filters = Filters()
    view = map_view(
        layers,
        ref,
        centres,
        filter_centres(centres, filters),
        filters,
        selected,
        "sentra",
        "id",
        lambda points: list(marker_rows(points, layers.regions, "id").values()),
        geometry_url=lambda province: f"/shapes/{province}.json",
    )
    return view, draw(view, "none", "id").get_root().render()


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
