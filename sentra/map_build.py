"""folium maps of regions, built from cached layers; no Streamlit here.

Every string placed on a map passes ``escape_text``. Scripts and styles come from the
dashboard's own static folder (see ``loaders.static_assets``), so maps draw offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import folium
import folium.plugins
import pandas as pd
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.template import tojavascript
from jinja2 import Template

from sentra.choropleth import NO_DATA_FILL, NO_DATA_HATCH
from sentra.escape import escape_text
from sentra.i18n import N_, t
from sentra.map_assets import (
    BOUNDARY_REPOSITORY,
    LEAFLET_CSS,
    LEAFLET_JS,
    MARKERCLUSTER_CSS,
    MARKERCLUSTER_JS,
)

BORDER = "#4d4d4d"
# "No data" is hatched, not only grey: told apart from the palette's light classes without
# colour. The shapes fill with an SVG pattern (Leaflet writes fillColor into the SVG's fill),
# the legend's swatch with the same stripes in CSS.
NO_DATA_PATTERN_ID = "sentra-no-data"
_NO_DATA_SVG = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    f'<pattern id="{NO_DATA_PATTERN_ID}" patternUnits="userSpaceOnUse" width="7" height="7" '
    'patternTransform="rotate(45)">'
    f'<rect width="7" height="7" fill="{NO_DATA_FILL}"/>'
    f'<rect width="2" height="7" fill="{NO_DATA_HATCH}"/></pattern></defs></svg>'
)
NO_DATA_SWATCH = f"repeating-linear-gradient(45deg,{NO_DATA_HATCH} 0 2px,{NO_DATA_FILL} 2px 5px)"
# Sea colour behind the shapes when no basemap is chosen; readable tooltips on a projector.
_MAP_CSS = (
    "<style>.leaflet-container{background:#e8f0f6;font-family:sans-serif}"
    ".leaflet-tooltip{font-size:14px}"
    # .sentra-legend: the measure's legend (the year control rewrites it); .sentra-key: the
    # points' colours, below it
    ".sentra-legend,.sentra-key{background:rgba(255,255,255,.92);padding:6px 9px;"
    "border-radius:4px;font-size:13px;line-height:18px;box-shadow:0 0 4px rgba(0,0,0,.3);"
    "max-width:260px}"
    ".sentra-legend i,.sentra-key i{width:16px;height:12px;float:left;margin:3px 6px 0 0;"
    "border:1px solid #777}.sentra-legend-note{margin-top:4px;font-size:11px;color:#555}"
    f".sentra-legend i.sentra-no-data{{background:{NO_DATA_SWATCH}}}"
    # A phone: Leaflet's attribution (folium sets the map's text to 1rem) would run over the
    # scale bar and the year control on two lines; in small print it keeps to the right.
    "@media (max-width:520px){.leaflet-control-attribution{font-size:10px;line-height:1.3;"
    "max-width:58%}.sentra-legend,.sentra-key{font-size:11px;line-height:15px;padding:4px 6px}"
    ".sentra-legend i,.sentra-key i{width:13px;height:10px;margin-top:2px}}</style>"
)


# Basemaps offered in the map's own layer control; "none" (no tiles) works offline and is
# where every map starts until the reader picks another (remembered by the browser).
BASEMAPS: dict[str, str | None] = {
    "none": None,
    "osm": "OpenStreetMap",
    "satelit": "Esri.WorldImagery",  # CARTO's light tiles need an API key since 2026
}
BASEMAP_LABELS = {
    "none": N_("basemap_none"),
    "osm": N_("basemap_osm"),
    "satelit": N_("basemap_satellite"),
}


class _Verbatim(Element):
    """Text added to the map page as it is. branca wraps each rendered part of a map in an
    Element, which compiles it as a Jinja template: for a province's marker data that was
    hundreds of KB compiled on every rerun."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def _render_verbatim(element: MacroElement, kwargs: dict) -> None:
    """What ``MacroElement.render`` (and ``JSCSSMixin``'s links) do, without compiling."""
    figure = element.get_root()
    for name, url in getattr(element, "default_js", ()):
        figure.header.add_child(JavascriptLink(url), name=name)
    for name, url in getattr(element, "default_css", ()):
        figure.header.add_child(CssLink(url), name=name)
    macros = element._template.module.__dict__
    for part in ("header", "html", "script"):
        if part in macros:
            text = macros[part](element, kwargs)
            getattr(figure, part).add_child(_Verbatim(text), name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)


class _VerbatimMacro(MacroElement):
    def render(self, **kwargs) -> None:
        _render_verbatim(self, kwargs)


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet comes from the dashboard, not from a CDN, and that lets a
    phone's reader zoom the page (folium's header says ``user-scalable=no``, against WCAG
    1.4.4 Resize text)."""

    default_js = LEAFLET_JS
    default_css = LEAFLET_CSS

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        header = self.get_root().header._children[self.get_name()]
        text = header._template_str.replace("maximum-scale=1.0, user-scalable=no", "")
        header._template_str, header._template = text, Template(text)


class _Attribution(_VerbatimMacro):
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


class _MetricScale(_VerbatimMacro):
    """Leaflet's scale bar in kilometres only (folium's ``control_scale`` adds miles)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )


class _Controls(_VerbatimMacro):
    """Leaflet's zoom buttons and its attribution prefix with their titles in the reader's
    language (Leaflet writes "Zoom in" and "A JavaScript library for interactive maps")."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map, texts) {
  L.control.zoom({zoomInTitle: texts.zoom_in, zoomOutTitle: texts.zoom_out}).addTo(map);
  var link = document.createElement('a');
  link.href = 'https://leafletjs.com';
  link.title = texts.leaflet;
  link.textContent = 'Leaflet';
  map.attributionControl.setPrefix(link.outerHTML);
})({{ this._parent.get_name() }}, {{ this.texts|tojson }});
{% endmacro %}"""
    )

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._name = "Controls"
        self.texts = {
            "zoom_in": t("map_zoom_in", lang),
            "zoom_out": t("map_zoom_out", lang),
            "leaflet": t("map_leaflet_title", lang),
        }


class _BasemapChoice(_VerbatimMacro):
    """Leaflet's layer control for the basemaps; the reader's choice is kept in the
    browser (localStorage), so the next map of the dashboard starts with it."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map, layers, names) {
  var KEY = 'sentra-peta-dasar', chosen = null, base = {};
  for (var k in layers) { base[names[k]] = layers[k]; }
  try { chosen = window.localStorage.getItem(KEY); } catch (e) {}
  (layers[chosen] || layers.none).addTo(map);
  var control = L.control.layers(base, null, {position: 'topleft'}).addTo(map);
  var toggle = control.getContainer().querySelector('.leaflet-control-layers-toggle');
  toggle.title = names.title;
  toggle.setAttribute('aria-label', names.title);
  map.on('baselayerchange', function (e) {
    for (var k in layers) {
      if (layers[k] === e.layer) { try { window.localStorage.setItem(KEY, k); } catch (err) {} }
    }
  });
})({{ this._parent.get_name() }}, {
{%- for key, layer in this.layers.items() %}{{ key|tojson }}: {{ layer }},{% endfor -%}
}, {{ this.names|tojson }});
{% endmacro %}"""
    )

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._name = "BasemapChoice"
        self.names = {key: t(label, lang) for key, label in BASEMAP_LABELS.items()}
        self.names["title"] = t("map_basemaps", lang)
        tiles = {
            key: f"L.tileLayer({json.dumps(layer.tiles)}, {tojavascript(layer.options)})"
            for key, tiles_name in BASEMAPS.items()
            if tiles_name is not None
            for layer in [folium.TileLayer(tiles_name)]
        }
        self.layers = {"none": "L.layerGroup()", **tiles}


class _FrameTitle(_VerbatimMacro):
    """Names the map for screen readers: the dashboard's frame around it and the map itself."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function(map,title){var c=map.getContainer();c.setAttribute('role','region');"
        "c.setAttribute('aria-label',title);"
        "try{if(window.frameElement){window.frameElement.title=title;}}catch(e){}})"
        "({{ this._parent.get_name() }},{{ this.title|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, title: str) -> None:
        super().__init__()
        self._name = "FrameTitle"
        self.title = title


def base_map(
    bounds: Sequence[float], lang: str, title: str, bottom_control: bool = False
) -> folium.Map:
    """An empty map fitted to ``bounds`` (minx, miny, maxx, maxy), with the basemaps in its
    layer control and ``title`` as its name for screen readers; ``bottom_control``: a
    control will sit at the bottom (the year control), so the regions are fitted above it."""
    fmap = OfflineMap(
        location=[(bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2],
        tiles=None,
        zoom_control=False,  # ours, with titles in the reader's language (_Controls)
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    # Without a tile layer Leaflet has no maxZoom, which marker clustering needs.
    fmap.options["maxZoom"] = 18
    fmap.fit_bounds(
        [[bounds[1], bounds[0]], [bounds[3], bounds[2]]],
        padding_bottom_right=(0, 70) if bottom_control else None,
    )
    link = (
        f'<a href="https://github.com/{BOUNDARY_REPOSITORY}" target="_blank">'
        f"{BOUNDARY_REPOSITORY}</a>"
    )
    _Attribution(t("map_attribution", lang, link=link)).add_to(fmap)
    _MetricScale().add_to(fmap)
    _Controls(lang).add_to(fmap)
    _BasemapChoice(lang).add_to(fmap)
    _FrameTitle(title).add_to(fmap)
    fmap.get_root().header.add_child(_Verbatim(_MAP_CSS))
    return fmap


class RegionLayer(_VerbatimMacro):
    """Regions drawn from a static GeoJSON file that the browser fetches once and then
    keeps in its cache; only this view's names, values and styles ride in the map script
    (the shapes in every rerun were most of its size and of the time to build it)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  if (!document.getElementById({{ this.pattern_id|tojson }})) {
    var defs = document.createElement('div');
    defs.innerHTML = {{ this.pattern|tojson }};
    document.body.appendChild(defs.firstChild);
  }
  var regions = {};
  {{ this.regions|tojson }}.forEach(function (r) { regions[r.code] = r; });
  var layer = L.geoJson(null, {
    filter: function (f) { return f.properties.code in regions; },
    style: function (f) { return regions[f.properties.code].style; },
    onEachFeature: function (f, shape) {
      var r = regions[f.properties.code];
      shape.bindTooltip('<b>' + r.name + '</b><br>' + r.value, {sticky: true});
      shape.on({
        mouseover: function (e) { e.target.setStyle({{ this.hover|tojson }}); },
        mouseout: function (e) { layer.resetStyle(e.target); }
      });
    }
  }).addTo(map);
  fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })
    .then(function (data) { layer.addData(data); });
  layer.sentraRegions = regions;  // the year control (sentra.map_motion) restyles them
  return layer;
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, url: str, regions: list[dict]) -> None:
        super().__init__()
        self._name = "RegionLayer"
        self.url = url
        self.regions = regions
        self.hover = {"weight": 2.5, "color": "#111111"}
        self.pattern_id, self.pattern = NO_DATA_PATTERN_ID, _NO_DATA_SVG


def region_style(fill: str, chosen: bool) -> dict[str, object]:
    no_data = fill == NO_DATA_FILL
    style: dict[str, object] = {
        "className": "sentra-region",  # lets tests and styles tell regions from markers
        "fillColor": f"url(#{NO_DATA_PATTERN_ID})" if no_data else fill,
        "color": "#d62728" if chosen else ("#8c8c8c" if no_data else BORDER),
        "weight": 3.5 if chosen else 0.8,
        "fillOpacity": 0.85,
    }
    if no_data:
        style["dashArray"] = "4 3"
    return style


def region_entries(
    regions: pd.DataFrame,
    fills: dict[str, str],
    labels: dict[str, str],
    highlight: str | None = None,
) -> list[dict]:
    """What ``RegionLayer`` needs per region: code, escaped name and value, style.

    ``regions`` has ``code`` and ``name``; ``fills`` maps code → colour (missing codes get
    the no-data fill); ``labels`` maps code → the already formatted value shown under the
    name on hover; ``highlight`` is drawn with a heavy outline.
    """
    return [
        {
            "code": code,
            "name": escape_text(region_name),
            "value": escape_text(labels.get(code, "")),
            "style": region_style(fills.get(code, NO_DATA_FILL), code == highlight),
        }
        for code, region_name in zip(regions["code"], regions["name"], strict=True)
    ]


def region_layer(
    regions: pd.DataFrame,
    url: str,
    fills: dict[str, str],
    labels: dict[str, str],
    highlight: str | None = None,
) -> RegionLayer:
    """Regions as one layer whose shapes come from the static GeoJSON file at ``url``
    (features with a ``code`` property); the other arguments as for ``region_entries``."""
    return RegionLayer(url, region_entries(regions, fills, labels, highlight))


class _Legend(_VerbatimMacro):
    """A legend box drawn inside the map (so it is in every screenshot and slide)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function(){var c=L.control({position:'topright'});"
        "c.onAdd=function(){var d=L.DomUtil.create('div',{{ this.css_class|tojson }});"
        "d.innerHTML={{ this.html|tojson }};return d;};"
        "c.addTo({{ this._parent.get_name() }});})();"
        "{% endmacro %}"
    )

    def __init__(self, html: str, css_class: str = "sentra-legend") -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.css_class = css_class


def _swatch(colour: str) -> str:
    if colour == NO_DATA_FILL:
        return '<i class="sentra-no-data"></i>'
    return f'<i style="background:{escape_text(colour)}"></i>'


def legend_html(
    title: str, rows: list[tuple[str, str]], note: str = "", folded: bool = False
) -> str:
    """The legend's content; rows are (colour, label); every text is escaped here.
    ``folded``: only the title shows until it is opened (a click, or Enter on it)."""
    items = "".join(f"<div>{_swatch(colour)}{escape_text(text)}</div>" for colour, text in rows)
    foot = f'<div class="sentra-legend-note">{escape_text(note)}</div>' if note else ""
    if folded:
        return f"<details><summary><b>{escape_text(title)}</b></summary>{items}{foot}</details>"
    return f"<b>{escape_text(title)}</b>{items}{foot}"


def add_legend(fmap: folium.Map, title: str, rows: list[tuple[str, str]], note: str = "") -> None:
    """Legend rows are (colour, label); every text is escaped here."""
    _Legend(legend_html(title, rows, note)).add_to(fmap)


def add_points_key(fmap: folium.Map, title: str, rows: list[tuple[str, str]]) -> None:
    """The key to the points' colours, folded, in a box of its own below the legend."""
    _Legend(legend_html(title, rows, folded=True), "sentra-key").add_to(fmap)


def sector_key(colours: Iterable[str]) -> list[tuple[str, str]]:
    """(colour, sector code) of the sectors whose colour is among ``colours``, in the
    order of ``SECTOR_COLOURS``: the key to the points a map shows."""
    shown = set(colours)
    return [(colour, code) for code, colour in SECTOR_COLOURS.items() if colour in shown]


# Sector colours for markers (ColorBrewer Paired + grey for "other").
SECTOR_COLOURS = {
    "makanan_minuman": "#e31a1c",
    "tekstil_pakaian": "#6a3d9a",
    "kulit_alas_kaki": "#b15928",
    "kayu_rotan": "#33a02c",
    "kerajinan": "#ff7f00",
    "logam_mesin": "#1f78b4",
    "pertanian_terpadu": "#b2df8a",
    "pariwisata": "#fb9a99",
    "kimia_bahan_bangunan": "#cab2d6",
    "lainnya": "#999999",
}

# Each data row: [lat, lng, colour, name, commodity, reach, body, figures, status, approx]
# (approx: 0 own coordinates, 1 regency label point, 2 kecamatan label point).
# Every text in a row is escaped before it is sent, so building HTML from them is safe.
_MARKER_CALLBACK = """
function (row) {
  var L_ = %(labels)s;
  var m = L.circleMarker(new L.LatLng(row[0], row[1]), {
      radius: 7, color: '#222', weight: 1, fillColor: row[2], fillOpacity: 0.9});
  var html = '<b>' + row[3] + '</b><br>' + L_[0] + ': ' + row[4] + '<br>' + L_[1] + ': '
      + row[5] + '<br>' + L_[2] + ': ' + row[6] + '<br>' + L_[3] + ': ' + row[7]
      + '<br>' + L_[4] + ': ' + row[8] + (row[9] ? '<br><i>' + L_[4 + row[9]] + '</i>' : '');
  m.bindPopup(html, {maxWidth: 320});
  m.bindTooltip(row[3]);
  return m;
}
"""


class _CentreCluster(folium.plugins.FastMarkerCluster):
    default_js = MARKERCLUSTER_JS
    default_css = MARKERCLUSTER_CSS

    def render(self, **kwargs) -> None:
        _render_verbatim(self, kwargs)


def centre_markers(rows: list[list], labels: list[str]) -> folium.plugins.FastMarkerCluster:
    """Clustered circle markers; ``rows`` as described above (already checked and rounded
    by ``sentra.markers``), ``labels`` the 7 popup labels. Markers at the same point (a
    kecamatan's label point) spread apart when their cluster is clicked (markercluster's
    spiderfy), so each can be read."""
    callback = _MARKER_CALLBACK % {"labels": json.dumps([escape_text(x) for x in labels])}
    layer = _CentreCluster([], callback=callback, name="sentra", options={"maxClusterRadius": 45})
    layer.data = rows  # folium would check every row again, on every rerun
    return layer
