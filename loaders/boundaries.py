"""Province and regency/city layers: built from the pinned source, cached as GeoParquet.

Run ``python -m loaders.boundaries`` once (e.g. before a workshop) to download, build
and cache everything; the dashboard then needs no internet. The last line printed is
a JSON object with counts, sizes and timings.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from loaders.boundary_source import source_files, source_key
from loaders.pinned_source import cache_dir
from loaders.wilayah_sql import WilayahRow, parse_rows
from sentra import geometry as geo

# Bump whenever the processing below changes: the cache key includes it.
PROCESSING_VERSION = "5"

GAP_WIDTH_DEG = 0.01

# Display detail levels: (tolerance in degrees, smallest island kept in deg², coordinate grid).
NATIONAL_REGENCIES = (0.02, 1e-3, 1e-4)
NATIONAL_PROVINCES = (0.025, 2e-3, 1e-4)
PROVINCE_DETAIL = (0.003, 0.0, 1e-5)

LAYER_NAMES = (
    "provinces",
    "regencies",
    "provinces_national",
    "regencies_national",
    "regencies_detail",
)
ATTRIBUTES = ["code", "name", "kind", "province_code"]


@dataclass
class BoundaryLayers:
    """Full-detail tables plus display layers; treat as read-only (shared across sessions)."""

    provinces: gpd.GeoDataFrame
    regencies: gpd.GeoDataFrame
    provinces_national: gpd.GeoDataFrame
    regencies_national: gpd.GeoDataFrame
    regencies_detail: gpd.GeoDataFrame
    stats: dict = field(default_factory=dict)

    @cached_property
    def regions(self) -> pd.DataFrame:
        """Attributes of all 552 regions of both levels, indexed by code (no geometry)."""
        columns = [*ATTRIBUTES, "area_km2", "label_lat", "label_lng"]
        return pd.concat([self.provinces[columns], self.regencies[columns]]).set_index("code")

    def geometry_json(self, layer: str) -> dict[str, dict]:
        """Code → GeoJSON geometry of a display layer, built once (maps reuse it every run)."""
        cache = self.__dict__.setdefault("_geometry_json", {})
        if layer not in cache:
            frame = getattr(self, layer)
            cache[layer] = {
                code: shapely.geometry.mapping(geometry)
                for code, geometry in zip(frame["code"], frame.geometry, strict=True)
            }
        return cache[layer]

    def regencies_of(self, province_code: str, detail: bool = True) -> gpd.GeoDataFrame:
        layer = self.regencies_detail if detail else self.regencies_national
        return layer[layer["province_code"] == province_code]


def regency_kind(code: str, name: str) -> str:
    """A second code part of 71 or above is a city (kota); the name prefix must agree."""
    is_city = int(code.split(".")[1]) >= 71
    if is_city != name.startswith("Kota"):
        raise ValueError(f"Kode {code} dan nama '{name}' tidak sepakat tentang jenis wilayah")
    return "kota" if is_city else "kabupaten"


def _read_source() -> tuple[list[WilayahRow], list[WilayahRow]]:
    provinces: list[WilayahRow] = []
    regencies: list[WilayahRow] = []
    for rel, path in sorted(source_files().items()):
        rows = parse_rows(path.read_text(encoding="utf-8"), rel)
        (provinces if rel.startswith("prov/") else regencies).extend(rows)
    return provinces, regencies


def _display(frame: gpd.GeoDataFrame, level: tuple[float, float, float]) -> gpd.GeoDataFrame:
    tolerance, min_island, grid = level
    geoms = frame.geometry.to_numpy()
    if min_island:
        geoms = geo.drop_small_parts(geoms, min_island)
    simplified = geo.simplify_coverage(geoms, tolerance, grid)
    return gpd.GeoDataFrame(frame[ATTRIBUTES].copy(), geometry=simplified, crs=frame.crs)


def build() -> BoundaryLayers:
    """Parse, repair and simplify the pinned source (takes seconds; see ``load``)."""
    started = time.perf_counter()
    prov_rows, kab_rows = _read_source()
    raw = np.array([r.geometry for r in kab_rows], dtype=object)
    invalid = int((~shapely.is_valid(raw)).sum()) + sum(not r.geometry.is_valid for r in prov_rows)
    repaired = geo.repair(raw)
    overlap_before = geo.overlap_area(repaired)
    # The source overlaps some neighbours (e.g. Kab. Sorong and Kab. Tambrauw) and leaves
    # slivers between others: cleaning gives every piece of land to exactly one regency,
    # closes gaps narrower than ~1 km and makes shared edges identical.
    cleaned = geo.as_multipolygons(shapely.coverage_clean(repaired, gap_width=GAP_WIDTH_DEG))
    regencies = gpd.GeoDataFrame(
        {
            "code": [r.code for r in kab_rows],
            "name": [r.name for r in kab_rows],
            "kind": [regency_kind(r.code, r.name) for r in kab_rows],
            "province_code": [r.code[:2] for r in kab_rows],
        },
        geometry=cleaned,
        crs="EPSG:4326",
    )
    # Provinces are the union of their regencies: the source's own province polygons are
    # simplified independently and disagree with the regencies by up to ~2% of area.
    names = {r.code: r.name for r in prov_rows}
    grouped = regencies.groupby("province_code").geometry.apply(
        lambda s: shapely.coverage_union_all(s.to_numpy())
    )
    provinces = gpd.GeoDataFrame(
        {
            "code": list(grouped.index),
            "name": [names[c] for c in grouped.index],
            "kind": "provinsi",
            "province_code": list(grouped.index),
        },
        geometry=geo.as_multipolygons(grouped.to_numpy()),
        crs="EPSG:4326",
    )
    if set(names) != set(provinces["code"]):
        raise ValueError(
            f"Provinsi tanpa kabupaten/kota: {sorted(set(names) ^ set(provinces['code']))}"
        )
    for frame in (provinces, regencies):
        frame["area_km2"] = geo.areas_km2(frame.geometry.to_numpy())
        labels = geo.label_points(frame.geometry.to_numpy())
        frame["label_lng"] = shapely.get_x(labels)
        frame["label_lat"] = shapely.get_y(labels)
    source_areas = geo.areas_km2(np.array([r.geometry for r in prov_rows], dtype=object))
    source_diff = (
        np.abs(
            provinces.set_index("code")["area_km2"].reindex([r.code for r in prov_rows]).to_numpy()
            - source_areas
        )
        / source_areas
    )
    layers = BoundaryLayers(
        provinces=provinces,
        regencies=regencies,
        provinces_national=_display(provinces, NATIONAL_PROVINCES),
        regencies_national=_display(regencies, NATIONAL_REGENCIES),
        regencies_detail=_display(regencies, PROVINCE_DETAIL),
    )
    layers.stats = {
        "invalid_geometries": invalid,
        "overlap_resolved_deg2": round(overlap_before, 4),
        "province_source_area_diff_max": round(float(source_diff.max()), 4),
        "build_seconds": round(time.perf_counter() - started, 2),
    }
    return layers


def _cache_folder() -> Path:
    key = hashlib.sha256(f"{source_key()}:{PROCESSING_VERSION}".encode()).hexdigest()[:20]
    return cache_dir() / "layers" / key


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _save(layers: BoundaryLayers, folder: Path) -> None:
    """Write all layers and a manifest of their hashes, then move the folder in place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".staging-"))
    digests = {}
    for name in LAYER_NAMES:
        path = staging / f"{name}.parquet"
        getattr(layers, name).to_parquet(path, index=False)
        digests[name] = _file_digest(path)
    manifest = {"files": digests, "stats": layers.stats}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def _load_cached(folder: Path) -> BoundaryLayers | None:
    """The cached layers if every file is present and matches its manifest hash."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        frames = {}
        for name in LAYER_NAMES:
            path = folder / f"{name}.parquet"
            if _file_digest(path) != manifest["files"][name]:
                return None
            frames[name] = gpd.read_parquet(path)
        return BoundaryLayers(**frames, stats=manifest["stats"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load() -> tuple[BoundaryLayers, str]:
    """Layers from the cache (rebuilt when missing, stale or corrupt) and where they came from."""
    folder = _cache_folder()
    cached = _load_cached(folder)
    if cached is not None:
        return cached, "cache"
    layers = build()
    _save(layers, folder)
    return layers, "build"


def geojson_bytes(frame: gpd.GeoDataFrame, columns: list[str]) -> int:
    """Size of a layer as GeoJSON text with the given properties."""
    return len(frame[[*columns, "geometry"]].to_json(drop_id=True).encode("utf-8"))


def summary(layers: BoundaryLayers) -> dict:
    """Counts and display sizes, for the command line and the benchmark."""
    props = ["code", "name"]
    return {
        "provinces": len(layers.provinces),
        "regencies": len(layers.regencies),
        **{k: v for k, v in layers.stats.items() if k != "build_seconds"},
        "bytes_provinces_geojson": geojson_bytes(layers.provinces_national, props),
        "bytes_regencies_geojson": geojson_bytes(layers.regencies_national, props),
        "bytes_regencies_naive": geojson_bytes(layers.regencies, props),
        "build_seconds": layers.stats["build_seconds"],
    }


def main() -> int:
    started = time.perf_counter()
    try:
        layers, origin = load()
    except Exception as exc:  # shown to a presenter preparing offline: message, no traceback
        print(f"GAGAL / FAILED: {exc}", file=sys.stderr)
        return 1
    result = summary(layers)
    result["loaded_from"] = origin
    result["load_seconds"] = round(time.perf_counter() - started, 2)
    print(
        f"Siap: {result['provinces']} provinsi, {result['regencies']} kabupaten/kota "
        f"({origin}), disimpan di {_cache_folder()}"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
