"""Where maps get their scripts, styles and credit line: the dashboard's own static folder.

Streamlit serves ``static/`` at ``/app/static/`` (``server.enableStaticServing``);
``loaders.static_assets`` fills ``static/vendor`` from PyPI packages at install time.
"""

from __future__ import annotations

URL_ROOT = "/app/static/vendor"

LEAFLET_JS = [("leaflet", f"{URL_ROOT}/leaflet/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", f"{URL_ROOT}/leaflet/leaflet.css")]
MARKERCLUSTER_JS = [("markerclusterjs", f"{URL_ROOT}/markercluster/leaflet.markercluster.js")]
MARKERCLUSTER_CSS = [
    ("markerclustercss", f"{URL_ROOT}/markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{URL_ROOT}/markercluster/MarkerCluster.Default.css"),
]
BOUNDARY_REPOSITORY = "cahyadsn/wilayah_boundaries"
