"""folium maps of regions, built from cached layers; no Streamlit here.

Every string placed on a map passes ``escape_text``. Scripts and styles come from the
dashboard's own static folder (see ``loaders.static_assets``), so maps draw offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from jinja2 import Template

from loaders.boundary_source import ATTRIBUTION
from loaders.static_assets import LEAFLET_CSS, LEAFLET_JS
from sentra.escape import escape_text

NO_DATA_FILL = "#f2f2f2"
BORDER = "#4d4d4d"
# Sea colour behind the shapes when no basemap is chosen; readable tooltips on a projector.
_MAP_CSS = (
    "<style>.leaflet-container{background:#e8f0f6;font-family:sans-serif}"
    ".leaflet-tooltip{font-size:14px}</style>"
)


@dataclass(frozen=True)
class Basemap:
    tiles: str | None
    attribution: str | None = None


BASEMAPS: dict[str, Basemap] = {
    "none": Basemap(None),
    "osm": Basemap("OpenStreetMap"),
    "positron": Basemap("CartoDB positron"),
}


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet comes from the dashboard, not from a CDN."""

    default_js = LEAFLET_JS
    default_css = LEAFLET_CSS


class _Attribution(MacroElement):
    """Adds a line to Leaflet's attribution control (shown even without a basemap)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


def base_map(basemap: str, bounds: Sequence[float]) -> folium.Map:
    """An empty map fitted to ``bounds`` (minx, miny, maxx, maxy) with the chosen basemap."""
    choice = BASEMAPS.get(basemap, BASEMAPS["none"])
    fmap = OfflineMap(
        location=[(bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2],
        tiles=choice.tiles,
        zoom_control=True,
        control_scale=True,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    _Attribution(ATTRIBUTION).add_to(fmap)
    fmap.get_root().header.add_child(Element(_MAP_CSS))
    return fmap


def region_layer(
    regions: gpd.GeoDataFrame,
    fills: dict[str, str],
    labels: dict[str, str],
    name: str,
) -> folium.GeoJson:
    """Regions as one GeoJSON layer: fill colour per code, tooltip with name and value.

    ``fills`` maps region code → colour (missing codes get the no-data fill); ``labels``
    maps code → the already formatted value shown under the name on hover.
    """
    frame = regions[["code", "name", "geometry"]].copy()
    frame["name"] = frame["name"].map(escape_text)
    frame["value"] = frame["code"].map(lambda c: escape_text(labels.get(c, "")))
    frame["fill"] = frame["code"].map(lambda c: fills.get(c, NO_DATA_FILL))

    def style(feature: dict) -> dict:
        return {
            "fillColor": feature["properties"]["fill"],
            "color": BORDER,
            "weight": 0.8,
            "fillOpacity": 0.85,
        }

    return folium.GeoJson(
        frame.to_json(drop_id=True),
        name=name,
        style_function=style,
        highlight_function=lambda _: {"weight": 2.5, "color": "#111111"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "value"], aliases=["", ""], labels=False, sticky=True
        ),
        zoom_on_click=False,
    )
