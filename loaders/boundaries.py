"""Province, regency/city and kecamatan layers: built from the pinned source, cached as GeoParquet.

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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from loaders import wilayah_codes
from loaders.boundary_source import source_files, source_key
from loaders.pinned_source import cache_dir
from loaders.wilayah_sql import WilayahParseError, WilayahRow, parse_rows
from sentra import geometry as geo
from sentra.i18n import DEFAULT_LANGUAGE, N_, t

# Bump whenever the processing below changes: the cache key includes it.
PROCESSING_VERSION = "6"

GAP_WIDTH_DEG = 0.01

# Display detail levels: (tolerance in degrees, smallest island kept in deg², coordinate grid).
NATIONAL_REGENCIES = (0.02, 1e-3, 1e-4)
NATIONAL_PROVINCES = (0.025, 2e-3, 1e-4)
PROVINCE_DETAIL = (0.003, 0.0, 1e-5)
# Kecamatan of one regency: (tolerance in degrees, coordinate grid) and a GeoJSON budget.
KECAMATAN_DETAIL = (0.001, 1e-5)
KECAMATAN_LAYER_BUDGET = 150_000

# Overlaps between source regencies larger than this are settled by their kecamatan.
LARGE_OVERLAP_DEG2 = 0.01
# Pieces of a regency none of its kecamatan cover: given to a neighbour up to this size
# (≈12 km²); larger ones are where the source has no kecamatan, and stay uncovered.
KECAMATAN_GAP_FILL_DEG2 = 1e-3

LAYER_NAMES = (
    "provinces",
    "regencies",
    "provinces_national",
    "regencies_national",
    "regencies_detail",
)
# Read from the cache on first use only: a warm start stays as fast as without them.
LAZY_LAYER_NAMES = ("kecamatan", "kecamatan_detail")
ATTRIBUTES = ["code", "name", "kind", "province_code"]
KECAMATAN_ATTRIBUTES = [*ATTRIBUTES, "regency_code"]
REGION_COLUMNS = ["name", "kind", "province_code", "area_km2", "label_lat", "label_lng"]
_LAZY_LOCK = threading.RLock()


@dataclass
class BoundaryLayers:
    """Full-detail tables plus display layers; treat as read-only (shared across sessions)."""

    provinces: gpd.GeoDataFrame
    regencies: gpd.GeoDataFrame
    provinces_national: gpd.GeoDataFrame
    regencies_national: gpd.GeoDataFrame
    regencies_detail: gpd.GeoDataFrame
    # Kecamatan attributes indexed by code: name, kind, province_code, regency_code,
    # area_km2, label_lat, label_lng (no geometry; the layers below are read when needed).
    kecamatan_regions: pd.DataFrame
    stats: dict = field(default_factory=dict)
    # Layer name → frame, or a function that reads it (replaced by the frame on first use).
    lazy: dict[str, gpd.GeoDataFrame | Callable[[], gpd.GeoDataFrame]] = field(
        default_factory=dict, repr=False
    )

    @cached_property
    def regions(self) -> pd.DataFrame:
        """Attributes of all 552 regions of both levels, indexed by code (no geometry)."""
        columns = ["code", *REGION_COLUMNS]
        return pd.concat([self.provinces[columns], self.regencies[columns]]).set_index("code")

    @cached_property
    def all_regions(self) -> pd.DataFrame:
        """``regions`` plus the 7,285 kecamatan (with their ``regency_code``), by code."""
        return pd.concat([self.regions, self.kecamatan_regions])

    def _lazy_layer(self, name: str) -> gpd.GeoDataFrame:
        with _LAZY_LOCK:
            layer = self.lazy[name]
            if not isinstance(layer, gpd.GeoDataFrame):
                layer = self.lazy[name] = layer()
        return layer

    @property
    def kecamatan(self) -> gpd.GeoDataFrame:
        """All 7,285 kecamatan at full detail, fitted into their regency."""
        return self._lazy_layer("kecamatan")

    @property
    def kecamatan_detail(self) -> gpd.GeoDataFrame:
        """Display layer: each regency's kecamatan simplified together."""
        return self._lazy_layer("kecamatan_detail")

    def kecamatan_of(self, regency_code: str) -> gpd.GeoDataFrame:
        layer = self.kecamatan_detail
        return layer[layer["regency_code"] == regency_code]

    def regencies_of(self, province_code: str, detail: bool = True) -> gpd.GeoDataFrame:
        layer = self.regencies_detail if detail else self.regencies_national
        return layer[layer["province_code"] == province_code]


def regency_kind(code: str, name: str) -> str:
    """A second code part of 71 or above is a city (kota); the name prefix must agree."""
    is_city = int(code.split(".")[1]) >= 71
    if is_city != name.startswith("Kota"):
        raise WilayahParseError(N_("boundary_kind_mismatch"), code=code, name=name)
    return "kota" if is_city else "kabupaten"


def _read_source() -> dict[str, list[WilayahRow]]:
    """Rows per level folder of the source: 'prov', 'kab' and 'kec'."""
    levels: dict[str, list[WilayahRow]] = {"prov": [], "kab": [], "kec": []}
    for rel, path in sorted(source_files().items()):
        levels[rel.split("/")[0]].extend(parse_rows(path.read_text(encoding="utf-8"), rel))
    return levels


def _display(frame: gpd.GeoDataFrame, level: tuple[float, float, float]) -> gpd.GeoDataFrame:
    tolerance, min_island, grid = level
    geoms = frame.geometry.to_numpy()
    if min_island:
        geoms = geo.drop_small_parts(geoms, min_island)
    simplified = geo.simplify_coverage(geoms, tolerance, grid)
    return gpd.GeoDataFrame(frame[ATTRIBUTES].copy(), geometry=simplified, crs=frame.crs)


def _display_per_regency(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Each regency's kecamatan simplified as one coverage (their shared borders stay
    shared), coarser where needed to keep a regency's layer within the size budget."""
    tolerance, grid = KECAMATAN_DETAIL
    simplified = np.empty(len(frame), dtype=object)
    geoms = frame.geometry.to_numpy()
    for idx in frame.groupby("regency_code").indices.values():
        step, min_island = tolerance, 0.0
        while True:
            kept = geo.drop_small_parts(geoms[idx], min_island) if min_island else geoms[idx]
            simplified[idx] = geo.simplify_coverage(kept, step, grid, snap=False)
            if _geojson_estimate(simplified[idx]) <= KECAMATAN_LAYER_BUDGET:
                break
            step, min_island = step * 1.5, max(min_island * 4, 1e-6)
    return gpd.GeoDataFrame(frame[KECAMATAN_ATTRIBUTES].copy(), geometry=simplified, crs=frame.crs)


def _geojson_estimate(geometries: np.ndarray) -> int:
    """Bytes of the geometries as GeoJSON, plus room for names and codes per feature."""
    return int(sum(len(text) for text in shapely.to_geojson(geometries))) + 120 * len(geometries)


def _regency_shapes(
    kab_rows: list[WilayahRow], kecamatan: np.ndarray, kecamatan_codes: list[str]
) -> tuple[np.ndarray, float, list[str]]:
    """Repaired regency shapes with large source overlaps settled by the kecamatan.

    The source draws Kab. Sorong over most of Kab. Tambrauw and part of Kab. Maybrat
    (~0.44 deg²); the kecamatan there belong to Tambrauw and Maybrat, so such an overlap
    goes to the regency whose own kecamatan cover more of it, except what the other
    regency's own kecamatan cover. Returns the shapes, the source's total overlap (deg²)
    and the settled pairs ("loser>winner").
    """
    repaired = geo.repair(np.array([r.geometry for r in kab_rows], dtype=object))
    overlap = geo.overlap_area(repaired)
    codes = [r.code for r in kab_rows]
    parents = np.array([c[:5] for c in kecamatan_codes])
    settled = []
    for i, j in geo.overlapping_pairs(repaired, LARGE_OVERLAP_DEG2):
        both = shapely.intersection(repaired[i], repaired[j])
        own = [kecamatan[parents == codes[k]] for k in (i, j)]
        loser, winner = (
            (i, j) if geo.covered_share(both, own[0]) < geo.covered_share(both, own[1]) else (j, i)
        )
        # The loser keeps only what its own kecamatan cover (e.g. Klabot, Kab. Sorong).
        kept = shapely.intersection(both, shapely.union_all(own[0 if loser == i else 1]))
        repaired[loser] = _polygonal(
            shapely.difference(repaired[loser], shapely.difference(both, kept))
        )
        repaired[winner] = _polygonal(shapely.difference(repaired[winner], kept))
        settled.append(f"{codes[loser]}>{codes[winner]}")
    return repaired, overlap, settled


def _polygonal(geometry: shapely.Geometry) -> shapely.MultiPolygon:
    return geo.as_multipolygons(np.array([geometry], dtype=object))[0]


def _kecamatan_frame(
    rows: list[WilayahRow], shapes: np.ndarray, regencies: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, dict]:
    """Kecamatan fitted into their (cleaned) regency, with names from the 2025 code list.

    Returns the frame and what the source disagreed on: how many kecamatan are drawn less
    than 99% inside their regency (they are clipped to it), the kecamatan drawn wholly
    outside it, and the regencies their kecamatan leave more than 1% uncovered.
    """
    codes = np.array([r.code for r in rows])
    official = wilayah_codes.codes().set_index("code")["name"]
    fitted = np.empty(len(rows), dtype=object)
    inside = np.zeros(len(rows))
    uncovered = {}
    members = pd.Series(codes).groupby([c[:5] for c in codes]).indices
    for regency, parent in zip(regencies["code"], regencies.geometry, strict=True):
        idx = members[regency]
        fitted[idx], inside[idx], left = geo.nest(parent, shapes[idx], KECAMATAN_GAP_FILL_DEG2)
        if left / parent.area > 0.01:
            uncovered[regency] = round(left / parent.area, 3)
    share_inside = inside / shapely.area(shapes)
    # A kecamatan drawn wholly outside its regency (Klabot, 96.01.11, lies where the source
    # has no regency at all) keeps its own shape, minus land that other regencies hold.
    outside = np.nonzero(shapely.is_empty(fitted))[0]
    tree = shapely.STRtree(regencies.geometry.to_numpy())
    for i in outside:
        held = regencies.geometry.to_numpy()[tree.query(shapes[i], predicate="intersects")]
        fitted[i] = _polygonal(shapely.difference(shapes[i], shapely.union_all(held)))
    frame = gpd.GeoDataFrame(
        {
            "code": codes,
            "name": [official.get(r.code, r.name) for r in rows],
            "kind": "kecamatan",
            "province_code": [c[:2] for c in codes],
            "regency_code": [c[:5] for c in codes],
        },
        geometry=fitted,
        crs="EPSG:4326",
    )
    report = {
        "kecamatan_source_outside_regency": int((share_inside < 0.99).sum()),
        "kecamatan_source_names_differing": int(
            sum(official.get(r.code, r.name) != r.name for r in rows)
        ),
        "kecamatan_outside_regency": sorted(codes[outside].tolist()),
        "regencies_not_covered_by_kecamatan": uncovered,
    }
    return frame, report


def _with_areas_and_labels(frame: gpd.GeoDataFrame) -> None:
    frame["area_km2"] = geo.areas_km2(frame.geometry.to_numpy())
    labels = geo.label_points(frame.geometry.to_numpy())
    frame["label_lng"] = shapely.get_x(labels)
    frame["label_lat"] = shapely.get_y(labels)


def build() -> BoundaryLayers:
    """Parse, repair and simplify the pinned source (takes seconds; see ``load``)."""
    started = time.perf_counter()
    source = _read_source()
    prov_rows, kab_rows, kec_rows = source["prov"], source["kab"], source["kec"]
    invalid = sum(not r.geometry.is_valid for r in [*prov_rows, *kab_rows])
    kec_raw = np.array([r.geometry for r in kec_rows], dtype=object)
    kec_shapes = geo.repair(kec_raw)
    repaired, overlap_before, settled = _regency_shapes(
        kab_rows, kec_shapes, [r.code for r in kec_rows]
    )
    # The source overlaps some neighbours and leaves slivers between others: cleaning gives
    # every piece of land to exactly one regency, closes gaps narrower than ~1 km and makes
    # shared edges identical.
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
        raise WilayahParseError(
            N_("boundary_provinces_unmatched"),
            codes=", ".join(sorted(set(names) ^ set(provinces["code"]))),
        )
    kecamatan, kecamatan_report = _kecamatan_frame(kec_rows, kec_shapes, regencies)
    for frame in (provinces, regencies, kecamatan):
        _with_areas_and_labels(frame)
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
        kecamatan_regions=kecamatan[["code", *REGION_COLUMNS, "regency_code"]].set_index("code"),
        lazy={"kecamatan": kecamatan, "kecamatan_detail": _display_per_regency(kecamatan)},
    )
    layers.stats = {
        "invalid_geometries": invalid,
        "invalid_kecamatan_geometries": int((~shapely.is_valid(kec_raw)).sum()),
        "overlap_resolved_deg2": round(overlap_before, 4),
        "overlaps_settled_by_kecamatan": settled,
        "province_source_area_diff_max": round(float(source_diff.max()), 4),
        **kecamatan_report,
        "build_seconds": round(time.perf_counter() - started, 2),
    }
    return layers


def _cache_folder() -> Path:
    sources = f"{source_key()}:{wilayah_codes.SOURCE.key()}:{PROCESSING_VERSION}"
    key = hashlib.sha256(sources.encode()).hexdigest()[:20]
    return cache_dir() / "layers" / key


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _save(layers: BoundaryLayers, folder: Path) -> None:
    """Write all layers and a manifest of their hashes, then move the folder in place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".staging-"))
    digests = {}
    for name in (*LAYER_NAMES, *LAZY_LAYER_NAMES):
        path = staging / f"{name}.parquet"
        getattr(layers, name).to_parquet(path, index=False)
        digests[name] = _file_digest(path)
    path = staging / "kecamatan_regions.parquet"
    layers.kecamatan_regions.to_parquet(path)
    digests["kecamatan_regions"] = _file_digest(path)
    manifest = {"files": digests, "stats": layers.stats}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def _verified(folder: Path, name: str, manifest: dict) -> Path | None:
    path = folder / f"{name}.parquet"
    return path if _file_digest(path) == manifest["files"][name] else None


def _lazy_reader(folder: Path, name: str, manifest: dict) -> Callable[[], gpd.GeoDataFrame]:
    """Reads a cached layer when first needed; a file that no longer matches its hash is
    never trusted: everything is rebuilt and saved again."""

    def read() -> gpd.GeoDataFrame:
        try:
            path = _verified(folder, name, manifest)
            if path is not None:
                return gpd.read_parquet(path)
        except (OSError, ValueError):
            pass
        layers = build()
        _save(layers, folder)
        return getattr(layers, name)

    return read


def _load_cached(folder: Path) -> BoundaryLayers | None:
    """The cached layers if every file is present and matches its manifest hash."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        frames = {}
        for name in LAYER_NAMES:
            path = _verified(folder, name, manifest)
            if path is None:
                return None
            frames[name] = gpd.read_parquet(path)
        path = _verified(folder, "kecamatan_regions", manifest)
        if path is None or any(not (folder / f"{n}.parquet").is_file() for n in LAZY_LAYER_NAMES):
            return None
        return BoundaryLayers(
            **frames,
            kecamatan_regions=pd.read_parquet(path),
            stats=manifest["stats"],
            lazy={name: _lazy_reader(folder, name, manifest) for name in LAZY_LAYER_NAMES},
        )
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
        "kecamatan": len(layers.kecamatan_regions),
        **{k: v for k, v in layers.stats.items() if k != "build_seconds"},
        "bytes_provinces_geojson": geojson_bytes(layers.provinces_national, props),
        "bytes_regencies_geojson": geojson_bytes(layers.regencies_national, props),
        "bytes_regencies_naive": geojson_bytes(layers.regencies, props),
        "bytes_kecamatan_geojson_max": max(
            geojson_bytes(frame, props)
            for _, frame in layers.kecamatan_detail.groupby("regency_code")
        ),
        "build_seconds": layers.stats["build_seconds"],
    }


def main() -> int:
    started = time.perf_counter()
    try:
        layers, origin = load()
    except Exception as exc:  # shown to a presenter preparing offline: message, no traceback
        print(t("cli_failed", DEFAULT_LANGUAGE, error=exc), file=sys.stderr)
        return 1
    result = summary(layers)
    result["loaded_from"] = origin
    result["load_seconds"] = round(time.perf_counter() - started, 2)
    print(t("cli_boundaries_ready", DEFAULT_LANGUAGE, **result, folder=_cache_folder()))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
