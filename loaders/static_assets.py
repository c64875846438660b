"""Copy Leaflet and its plugins from installed XStatic packages into ``static/vendor``.

Streamlit serves ``static/`` at ``/app/static/`` (``server.enableStaticServing``), so the
map loads every script and style from the dashboard itself and draws with no internet.
The files come from PyPI packages at install time and are not committed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

STATIC_ROOT = Path(__file__).resolve().parent.parent / "static"

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


if __name__ == "__main__":
    files = ensure_static_assets()
    print(f"static/vendor siap ({len(files)} berkas baru)")
    sys.exit(0)
