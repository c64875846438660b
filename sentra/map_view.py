"""The explorer map for one view (national or one region), built without Streamlit.

``map_view`` computes what the map shows (the costly part, which the page caches per
view); ``draw`` turns it into a folium map. The benchmark calls ``explorer_map``, both
in one, so it measures what a user gets when the view is not cached yet. Markers are sent
only for one province or regency and only up to ``MAX_MARKERS``; beyond that the
choropleth's counts per region stand in for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import folium
import geopandas as gpd
import pandas as pd

from sentra.choropleth import classify
from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import t
from sentra.indicators import Filters, Reference, region_metrics
from sentra.map_build import (
    RegionLayer,
    add_legend,
    base_map,
    centre_markers,
    region_entries,
)
from sentra.markers import MAX_MARKERS, approx_count

POPUP_LABELS = ("popup_commodity", "popup_reach", "popup_body", "popup_figures",
                "popup_status", "popup_approx")  # fmt: skip


class MapLayers(Protocol):
    """What the explorer needs of the boundary layers (``loaders.boundaries.BoundaryLayers``)."""

    provinces_national: gpd.GeoDataFrame

    def regencies_of(self, province_code: str) -> gpd.GeoDataFrame: ...


@dataclass(frozen=True)
class MapView:
    """What the explorer map shows for one view, without the map object. Pages compute it
    once per data version, language, region, measure and filters and share it between
    sessions (read-only); drawing a folium map from it each rerun is cheap."""

    bounds: tuple[float, float, float, float]  # minx, miny, maxx, maxy
    shapes_url: str
    regions: list[dict]  # per region: code, escaped name and value, style
    legend_title: str
    legend: list[tuple[str, str]]
    markers: list[list]  # prepared marker rows; empty when none are shown
    marker_labels: list[str]
    table: pd.DataFrame  # metrics per shown region
    note: str  # what the points on the map are (or why there are none)


@dataclass
class ExplorerMap:
    fmap: folium.Map
    table: pd.DataFrame  # metrics per shown region
    note: str  # what the points on the map are (or why there are none)


def map_view(
    layers: MapLayers,
    ref: Reference,
    centres: pd.DataFrame,
    filtered: pd.DataFrame,
    filters: Filters,
    selected: str | None,
    metric: str,
    lang: str,
    marker_rows: Callable[[pd.DataFrame], list[list]],
    geometry_url: Callable[[str | None], str],
) -> MapView:
    """``marker_rows`` turns the centres to show into prepared marker rows (cached upstream);
    ``geometry_url`` gives the static file with the shapes of a province's regencies (or,
    for None, of all provinces)."""
    province = selected[:2] if selected else None
    shapes = layers.regencies_of(province) if province else layers.provinces_national
    level = "regency" if province else "province"
    table = region_metrics(filtered, centres, ref, level, filters, codes=list(shapes["code"]))
    fills, legend = classify(
        table[metric],
        lambda v: fmt_metric(metric, v, lang),
        t("legend_zero", lang),
        t("legend_no_data", lang),
    )
    name = t(f"m_{metric}", lang)
    labels = {
        code: t("no_data_tooltip", lang, n=recorded)
        if no_data and metric != "budget_rp"
        else f"{name}: {fmt_metric(metric, value, lang)}"
        for code, value, no_data, recorded in zip(
            table.index, table[metric], table["no_data"], table["recorded"], strict=True
        )
    }
    markers: list[list] = []
    if not province:
        note = t("markers_national_note", lang)
    elif (shown := filtered["regency_code"].str.startswith(selected)).sum() > MAX_MARKERS:
        note = t("markers_too_many", lang, n=fmt_number(int(shown.sum()), lang),
                 max=fmt_number(MAX_MARKERS, lang))  # fmt: skip
    else:
        markers = marker_rows(filtered[shown])
        note = t("markers_note", lang, n=len(markers), approx=approx_count(markers))
    return MapView(
        bounds=tuple(shapes.total_bounds),
        shapes_url=geometry_url(province),
        regions=region_entries(shapes, fills, labels, highlight=selected),
        legend_title=name,
        legend=legend,
        markers=markers,
        marker_labels=[t(k, lang) for k in POPUP_LABELS],
        table=table,
        note=note,
    )


def draw(view: MapView, basemap: str, lang: str) -> folium.Map:
    """A fresh folium map of ``view`` (never share one: streamlit-folium changes it)."""
    fmap = base_map(basemap, view.bounds, lang)
    RegionLayer(view.shapes_url, view.regions).add_to(fmap)
    add_legend(fmap, view.legend_title, view.legend)
    if view.markers:
        centre_markers(view.markers, view.marker_labels).add_to(fmap)
    return fmap


def explorer_map(
    layers: MapLayers,
    ref: Reference,
    centres: pd.DataFrame,
    filtered: pd.DataFrame,
    filters: Filters,
    selected: str | None,
    metric: str,
    basemap: str,
    lang: str,
    marker_rows: Callable[[pd.DataFrame], list[list]],
    geometry_url: Callable[[str | None], str],
) -> ExplorerMap:
    """``map_view`` and ``draw`` in one, as a page without a cache would do it."""
    view = map_view(layers, ref, centres, filtered, filters, selected, metric, lang,
                    marker_rows, geometry_url)  # fmt: skip
    return ExplorerMap(draw(view, basemap, lang), view.table, view.note)
