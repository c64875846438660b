"""Files the browser fetches from the dashboard itself: Leaflet and its plugins (copied
from installed XStatic packages into ``static/vendor``) and the region shapes (written
from the cached boundary layers into ``static/geo``).

Streamlit serves ``static/`` at ``/app/static/`` (``server.enableStaticServing``), so the
map loads every script, style and shape from the dashboard and draws with no internet.
None of these files are committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shapely
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

from sentra.i18n import DEFAULT_LANGUAGE, t

if TYPE_CHECKING:
    import geopandas as gpd

    from loaders.boundaries import BoundaryLayers

STATIC_ROOT = Path(__file__).resolve().parent.parent / "static"
GEO_URL = "/app/static/geo"

# folder under static/vendor → (package data folder, files and folders to copy)
_BUNDLES = {
    "leaflet": (Path(xs_leaflet.BASE_DIR), ["leaflet.js", "leaflet.css", "images"]),
    "markercluster": (
        Path(xs_markercluster.BASE_DIR),
        ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"],
    ),
}


def ensure_static_assets(root: Path = STATIC_ROOT) -> list[Path]:
    """Copy any missing vendor file into ``root/vendor``; return the files copied."""
    copied: list[Path] = []
    for folder, (source_dir, names) in _BUNDLES.items():
        for name in names:
            source, target = source_dir / name, root / "vendor" / folder / name
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy2(source, target)
            copied.append(target)
    return copied


@dataclass(frozen=True)
class GeometryFiles:
    """Region shapes as static GeoJSON files: the provinces, each province's regencies and
    (a second set, written when first needed) each regency's kecamatan. A set's folder is
    named by a hash of its content, so changed shapes get new URLs and no browser keeps
    using a stale cached copy."""

    key: str

    def url(self, parent: str | None) -> str:
        """The file of the provinces (None), a province's regencies ('33') or a regency's
        kecamatan ('33.26')."""
        if parent is None:
            name = "provinces"
        elif len(parent) == 2:
            name = f"regencies-{parent}"
        else:
            name = f"kecamatan-{parent}"
        return f"{GEO_URL}/{self.key}/{name}.json"

    def all_regencies_url(self) -> str:
        """The file of all 514 regencies/cities at national detail (the Analisis page's
        hot spots over all Indonesia)."""
        return f"{GEO_URL}/{self.key}/all-regencies.json"


def _feature_collection(frame: gpd.GeoDataFrame) -> bytes:
    """Geometry and code only: names and values change with language and filters and
    travel with each map instead."""
    shapes = shapely.to_geojson(frame.geometry.to_numpy())
    features = ",".join(
        f'{{"type":"Feature","properties":{{"code":{json.dumps(code)}}},"geometry":{shape}}}'
        for code, shape in zip(frame["code"], shapes, strict=True)
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'.encode()


def write_geometry(layers: BoundaryLayers, root: Path = STATIC_ROOT) -> GeometryFiles:
    """The provinces, each province's regencies and all regencies at national detail as
    static files (see ``_publish``)."""
    files = {
        "provinces.json": _feature_collection(layers.provinces_national),
        "all-regencies.json": _feature_collection(layers.regencies_national),
    }
    for code in layers.provinces_national["code"]:
        files[f"regencies-{code}.json"] = _feature_collection(layers.regencies_of(code))
    return _publish(files, root)


def write_kecamatan_geometry(layers: BoundaryLayers, root: Path = STATIC_ROOT) -> GeometryFiles:
    """Each regency's kecamatan as a static file (see ``_publish``): 514 files, ~7 MB in
    all, so written when a regency is first opened rather than at start."""
    detail = layers.kecamatan_detail
    files = {
        f"kecamatan-{code}.json": _feature_collection(frame)
        for code, frame in detail.groupby("regency_code", sort=True)
    }
    return _publish(files, root)


def _publish(files: dict[str, bytes], root: Path) -> GeometryFiles:
    """Write ``files`` under ``root/geo/<hash>/`` unless a complete copy is there already.
    Written to a temporary folder and renamed, so a process that starts at the same time
    never serves half a file."""
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + data)
    found = GeometryFiles(digest.hexdigest()[:16])
    target = root / "geo" / found.key
    if all((target / n).is_file() and (target / n).read_bytes() == d for n, d in files.items()):
        return found
    staging = target.with_name(f".{found.key}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, data in files.items():
        (staging / name).write_bytes(data)
    shutil.rmtree(target, ignore_errors=True)  # incomplete or altered: replaced
    try:
        staging.rename(target)
    except OSError:  # another process renamed its identical copy first
        shutil.rmtree(staging, ignore_errors=True)
    return found


if __name__ == "__main__":
    files = ensure_static_assets()
    print(t("cli_static_ready", DEFAULT_LANGUAGE, n=len(files)))
    sys.exit(0)
