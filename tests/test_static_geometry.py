"""Region shapes as static files: written once, fetched by the browser, not in every map."""

from __future__ import annotations

import json

import pytest

from loaders.reference import load_reference
from loaders.static_assets import GEO_URL, write_geometry
from sentra.indicators import Filters, filter_centres
from sentra.map_view import draw, map_view


def features(path) -> list[dict]:
    return json.loads(path.read_text())["features"]


def test_provinces_and_each_provinces_regencies_are_written(layers, tmp_path):
    files = write_geometry(layers, tmp_path)
    folder = tmp_path / "geo" / files.key
    provinces = features(folder / "provinces.json")
    assert [f["properties"]["code"] for f in provinces] == list(layers.provinces_national["code"])
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in provinces)
    jateng = [f["properties"]["code"] for f in features(folder / "regencies-33.json")]
    assert len(jateng) == 35 and all(code.startswith("33.") for code in jateng)
    assert len(list(folder.glob("regencies-*.json"))) == 38
    assert files.url(None) == f"{GEO_URL}/{files.key}/provinces.json"
    assert files.url("33") == f"{GEO_URL}/{files.key}/regencies-33.json"


def test_complete_copy_is_kept_and_an_altered_one_replaced(layers, tmp_path):
    first = write_geometry(layers, tmp_path)
    folder = tmp_path / "geo" / first.key
    kept = (folder / "provinces.json").stat().st_mtime_ns
    assert write_geometry(layers, tmp_path) == first
    assert (folder / "provinces.json").stat().st_mtime_ns == kept
    damaged = folder / "regencies-33.json"
    damaged.write_bytes(damaged.read_bytes()[:-100])
    assert write_geometry(layers, tmp_path) == first
    assert len(features(damaged)) == 35
    assert [p.name for p in (tmp_path / "geo").iterdir()] == [first.key]  # no leftovers


@pytest.fixture
def ref(layers, store):
    return load_reference(store, layers.regions), store.centres()


@pytest.mark.parametrize("selected", [None, "33"])
def test_map_script_names_the_shapes_file_instead_of_carrying_shapes(layers, ref, selected):
    reference, centres = ref
    filters = Filters()
    view = map_view(
        layers,
        reference,
        centres,
        filter_centres(centres, filters),
        filters,
        selected,
        "sentra",
        "id",
        lambda points: [],
        lambda p: f"/shapes/{p or 'all'}.json",
    )
    script = draw(view, "id", "Peta uji").get_root().render()
    assert f'"/shapes/{selected or "all"}.json"' in script
    assert "coordinates" not in script and "MultiPolygon" not in script
    assert len(script.encode()) < 40_000
