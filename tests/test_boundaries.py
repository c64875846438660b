"""The boundary layers built from the real pinned source files."""

from __future__ import annotations

import shapely

from loaders.boundaries import geojson_bytes
from sentra.geometry import INDONESIA_BOUNDS, overlap_area

MB = 1_000_000


def test_counts_and_unique_codes(layers):
    assert len(layers.provinces) == 38
    assert len(layers.regencies) == 514
    assert layers.provinces["code"].is_unique
    assert layers.regencies["code"].is_unique


def test_every_regency_code_starts_with_its_province_code(layers):
    provinces = set(layers.provinces["code"])
    for code, parent in zip(
        layers.regencies["code"], layers.regencies["province_code"], strict=True
    ):
        assert code.startswith(parent + "."), code
        assert parent in provinces


def test_geometries_valid_polygonal_and_inside_indonesia(layers):
    minx, miny, maxx, maxy = INDONESIA_BOUNDS
    for frame in (layers.provinces, layers.regencies):
        assert frame.is_valid.all()
        assert set(frame.geom_type) == {"MultiPolygon"}
        bx0, by0, bx1, by1 = frame.total_bounds
        assert minx <= bx0 and bx1 <= maxx and miny <= by0 and by1 <= maxy


def test_label_points_lie_inside_their_region(layers):
    for frame in (layers.provinces, layers.regencies):
        points = shapely.points(frame["label_lng"], frame["label_lat"])
        assert shapely.contains(frame.geometry.to_numpy(), points).all()


def test_areas_are_plausible_km2(layers):
    area = layers.provinces.set_index("code")["area_km2"]
    # Published figures: Jawa Tengah ≈ 34,337 km², DKI Jakarta ≈ 661 km² (land).
    assert 33_000 < area["33"] < 36_000
    assert 550 < area["31"] < 800
    assert 1_800_000 < area.sum() < 2_000_000


def test_each_regency_lies_within_its_province(layers):
    provinces = layers.provinces.set_index("code").geometry
    for _, row in layers.regencies.iterrows():
        inside = row.geometry.intersection(provinces[row["province_code"]]).area
        assert inside / row.geometry.area >= 0.99, row["name"]


def test_regencies_cover_their_province(layers):
    provinces = layers.provinces.set_index("code").geometry
    for code, group in layers.regencies.groupby("province_code"):
        union = shapely.union_all(group.geometry.to_numpy())
        assert abs(union.area - provinces[code].area) / provinces[code].area < 0.01, code


def test_pekalongan_city_and_regency_are_distinct(layers):
    regions = layers.regions
    assert regions.loc["33.26", "name"] == "Kabupaten Pekalongan"
    assert regions.loc["33.26", "kind"] == "kabupaten"
    assert regions.loc["33.75", "name"] == "Kota Pekalongan"
    assert regions.loc["33.75", "kind"] == "kota"
    kab = layers.regencies.set_index("code").geometry
    assert kab["33.26"].intersection(kab["33.75"]).area < 1e-6


def test_source_overlaps_were_resolved(layers):
    # The raw source has Kab. Sorong overlapping Kab. Tambrauw by ~0.4 deg².
    assert layers.stats["overlap_resolved_deg2"] > 0.4
    assert overlap_area(layers.regencies.geometry.to_numpy()) < 1e-6


def test_display_layers_valid_and_neighbours_share_borders(layers):
    for frame in (
        layers.provinces_national,
        layers.regencies_national,
        layers.regencies_detail,
    ):
        geoms = frame.geometry.to_numpy()
        assert frame.is_valid.all()
        assert (~shapely.is_empty(geoms)).all()
        assert overlap_area(geoms) < 1e-6
    # Shared borders stay shared: Jawa Tengah and DI Yogyakarta still touch along a line.
    prov = layers.provinces_national.set_index("code").geometry
    assert prov["33"].intersection(prov["34"]).length > 1.0


def test_national_display_keeps_each_regions_largest_part(layers):
    full = layers.regencies.set_index("code").geometry
    shown = layers.regencies_national.set_index("code").geometry
    for code, geometry in full.items():
        largest = max(shapely.get_parts(geometry), key=lambda p: p.area)
        assert shown[code].intersects(largest.representative_point()), code


def test_display_sizes_within_budget(layers):
    props = ["code", "name"]
    assert geojson_bytes(layers.regencies_national, props) <= 1.0 * MB
    assert geojson_bytes(layers.provinces_national, props) <= 300_000
    assert geojson_bytes(layers.regencies, props) > 5 * MB  # the unsimplified layer


def test_province_detail_keeps_small_islands(layers):
    # Kepulauan Seribu (31.01) is all small islands: kept whole at province detail.
    detail = layers.regencies_detail.set_index("code").geometry["31.01"]
    assert len(shapely.get_parts(detail)) > 10
