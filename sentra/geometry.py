"""Geometry work on the boundary layers: repair, label points, areas and display simplification."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

# Indonesia's extent with a margin (lon/lat degrees): every shape and centre must fall inside.
INDONESIA_BOUNDS = (94.0, -11.5, 141.5, 6.5)

# World Cylindrical Equal Area: areas in m² without distortion near the equator.
EQUAL_AREA_CRS = "EPSG:6933"


def repair(geometries: np.ndarray) -> np.ndarray:
    """Make every geometry valid, keeping only its polygonal parts (as MultiPolygons)."""
    fixed = shapely.make_valid(geometries, method="structure", keep_collapsed=False)
    return as_multipolygons(fixed)


def as_multipolygons(geometries: np.ndarray) -> np.ndarray:
    """Each geometry's polygonal parts as one MultiPolygon (lines and points are dropped)."""
    return np.array([_as_multipolygon(g) for g in geometries], dtype=object)


def _as_multipolygon(geometry: shapely.Geometry) -> shapely.MultiPolygon:
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, shapely.Polygon)]
    nested = [q for p in parts for q in shapely.get_parts(p)]
    return shapely.MultiPolygon([p for p in nested if not p.is_empty])


def areas_km2(geometries: np.ndarray) -> np.ndarray:
    """Area in km², computed in an equal-area projection."""
    series = gpd.GeoSeries(geometries, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)
    return series.area.to_numpy() / 1e6


def label_points(geometries: np.ndarray) -> np.ndarray:
    """A point inside each shape: the pole of inaccessibility of its largest part."""
    points = []
    for geometry in geometries:
        largest = max(shapely.get_parts(geometry), key=lambda p: p.area)
        point = shapely.ops.polylabel(largest, tolerance=0.005)
        if not largest.contains(point):  # degenerate slivers: fall back to a guaranteed point
            point = shapely.point_on_surface(largest)
        points.append(point)
    return np.array(points, dtype=object)


def drop_small_parts(geometries: np.ndarray, min_area_deg2: float) -> np.ndarray:
    """Remove islands smaller than the threshold, never a region's largest part."""
    kept = []
    for geometry in geometries:
        parts = list(shapely.get_parts(geometry))
        largest = max(parts, key=lambda p: p.area)
        kept.append(
            shapely.MultiPolygon([p for p in parts if p is largest or p.area >= min_area_deg2])
        )
    return np.array(kept, dtype=object)


def simplify_coverage(geometries: np.ndarray, tolerance_deg: float, grid_deg: float) -> np.ndarray:
    """Simplify a clean coverage so that neighbours keep sharing their borders, then round."""
    simplified = shapely.coverage_simplify(geometries, tolerance_deg)
    return as_multipolygons(shapely.set_precision(simplified, grid_deg))


def overlap_area(geometries: np.ndarray) -> float:
    """Total area (deg²) where two shapes of a layer overlap; 0 for a clean coverage."""
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    pairs = left < right
    if not pairs.any():
        return 0.0
    return float(
        shapely.area(shapely.intersection(geometries[left[pairs]], geometries[right[pairs]])).sum()
    )
