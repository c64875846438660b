"""Geometry work on the boundary layers: repair, label points, areas and display simplification."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
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
    geometries = np.asarray(geometries, dtype=object)
    kind = shapely.get_type_id(geometries)
    out = np.empty(len(geometries), dtype=object)
    done = (kind == shapely.GeometryType.MULTIPOLYGON) & ~shapely.is_empty(geometries)
    out[done] = geometries[done]
    single = (kind == shapely.GeometryType.POLYGON) & ~shapely.is_empty(geometries)
    out[single] = shapely.multipolygons(geometries[single].reshape(-1, 1))
    for i in np.nonzero(~(done | single))[0]:
        out[i] = _as_multipolygon(geometries[i])
    return out


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


def simplify_coverage(
    geometries: np.ndarray, tolerance_deg: float, grid_deg: float, snap: bool = True
) -> np.ndarray:
    """Simplify a clean coverage so that neighbours keep sharing their borders, then round.

    ``snap=False`` rounds each vertex on its own (much faster) and snaps only the shapes
    that rounding made invalid; shared vertices round alike, so borders stay shared.
    """
    simplified = shapely.coverage_simplify(geometries, tolerance_deg)
    if snap:
        return as_multipolygons(shapely.set_precision(simplified, grid_deg))
    rounded = shapely.set_precision(simplified, grid_deg, mode="pointwise")
    broken = ~shapely.is_valid(rounded)
    rounded[broken] = shapely.set_precision(simplified[broken], grid_deg)
    return as_multipolygons(rounded)


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


def overlapping_pairs(geometries: np.ndarray, min_area_deg2: float) -> list[tuple[int, int]]:
    """Index pairs (i < j) of shapes in a layer that overlap by more than the threshold."""
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    big = shapely.area(shapely.intersection(geometries[left], geometries[right])) > min_area_deg2
    return [(int(i), int(j)) for i, j in zip(left[big], right[big], strict=True)]


def covered_share(region: shapely.Geometry, pieces: np.ndarray) -> float:
    """Share of ``region``'s area that ``pieces`` (assumed not to overlap) cover."""
    if region.is_empty or not len(pieces):
        return 0.0
    return float(shapely.area(shapely.intersection(pieces, region)).sum() / region.area)


def nest(
    parent: shapely.Geometry, children: np.ndarray, fill_max_deg2: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit child shapes (a regency's kecamatan) exactly into their parent.

    The parent's outline and every child's outline are noded together and polygonised:
    each face inside the parent goes to the first child containing it, so children are
    clipped to the parent and overlaps resolved; a face no child contains (a gap) goes to
    the neighbour sharing the longest border with it, unless it is larger than
    ``fill_max_deg2`` — then the source has no child there, and it stays uncovered.
    Faces share their edges exactly, so the result is a valid coverage. Returns the
    fitted children (empty where a child lies wholly outside the parent), the area (deg²)
    of each child's own shape that lies inside the parent, and the area left uncovered.
    """
    shapely.prepare(parent)
    lines = shapely.union_all([shapely.boundary(parent), *shapely.boundary(children)])
    faces = shapely.get_parts(shapely.polygonize([lines]))
    points = shapely.point_on_surface(faces)
    inside = shapely.contains_properly(parent, points)
    # A sliver face's "point on surface" can be a vertex on the parent's outline: decide
    # those by area instead.
    unsure = np.nonzero(shapely.dwithin(shapely.boundary(parent), points, 1e-9))[0]
    inside[unsure] = (
        shapely.area(shapely.intersection(faces[unsure], parent)) > shapely.area(faces[unsure]) / 2
    )
    faces, points = faces[inside], points[inside]
    owner = np.full(len(faces), len(children))
    face_idx, child_idx = shapely.STRtree(children).query(points, predicate="within")
    np.minimum.at(owner, face_idx, child_idx)  # the first child containing a face wins
    owner[owner == len(children)] = -1
    area = shapely.area(faces)
    inside_area = np.zeros(len(children))
    np.add.at(inside_area, child_idx, area[face_idx])
    gaps = owner < 0
    uncovered = gaps & (area > fill_max_deg2)
    _give_gaps_to_neighbours(faces, owner, np.nonzero(gaps & ~uncovered)[0])
    fitted = np.array(
        [
            _as_multipolygon(shapely.coverage_union_all(faces[owner == c]))
            for c in range(len(children))
        ],
        dtype=object,
    )
    return fitted, inside_area, float(area[uncovered].sum())


def _shared_edges(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(face a, face b, length of their common border) for every pair of adjacent faces.

    Faces from ``polygonize`` share edges vertex for vertex, so common borders are found by
    matching segments exactly, without any geometric overlay.
    """
    rings, ring_face = shapely.get_rings(faces, return_index=True)
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = coord_ring[:-1] == coord_ring[1:]
    start, end = coords[:-1][same_ring], coords[1:][same_ring]
    face = ring_face[coord_ring[:-1][same_ring]]
    swap = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    key = np.where(swap[:, None], np.hstack([end, start]), np.hstack([start, end]))
    _, segment, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    order = np.argsort(segment, kind="stable")
    segment, face = segment[order], face[order]
    length = np.hypot(*(end - start)[order].T)
    shared = counts[segment] == 2
    first = shared & np.r_[True, segment[1:] != segment[:-1]]
    a, b = face[first], face[np.nonzero(first)[0] + 1]
    return a, b, length[first]


def _give_gaps_to_neighbours(faces: np.ndarray, owner: np.ndarray, gaps: np.ndarray) -> None:
    """Each gap face joins the owned face it shares the longest border with (in place);
    gaps touching only other gaps are settled in later rounds, the rest by distance."""
    if not len(gaps):
        return
    a, b, length = _shared_edges(faces)
    pairs = pd.DataFrame(
        {"face": np.r_[a, b], "other": np.r_[b, a], "length": np.r_[length, length]}
    )
    pairs = pairs.groupby(["face", "other"], as_index=False)["length"].sum()
    pairs = pairs[np.isin(pairs["face"].to_numpy(), gaps)]
    for _ in range(10):
        todo = pairs[owner[pairs["face"].to_numpy()] < 0]
        todo = todo[owner[todo["other"].to_numpy()] >= 0]
        if todo.empty:
            break
        best = todo.loc[todo.groupby("face")["length"].idxmax()]
        owner[best["face"].to_numpy()] = owner[best["other"].to_numpy()]
    owned = np.nonzero(owner >= 0)[0]
    if not len(owned):
        return
    for g in gaps[owner[gaps] < 0]:
        owner[g] = owner[owned[np.argmin(shapely.distance(faces[owned], faces[g]))]]
