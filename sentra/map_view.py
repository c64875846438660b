"""The explorer map for one view (national or one region), built without Streamlit.

Drill-down: Indonesia shows provinces, a province its regencies, a regency (or one of its
kecamatan) the regency's kecamatan.

The map page and the benchmark both call ``explorer_map`` so that what is measured is what
users get. Markers are sent only for one province or regency and only up to
``MAX_MARKERS``; beyond that the choropleth's counts per region stand in for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import folium
import geopandas as gpd
import pandas as pd

from sentra.aggregate import scope
from sentra.choropleth import classify
from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import t
from sentra.indicators import Filters, Reference, region_metrics
from sentra.map_build import add_legend, base_map, centre_markers, region_layer
from sentra.markers import MAX_MARKERS, approx_counts
from sentra.per_person import PER_PERSON
from sentra.regional_indicators import ImportedMeasure, fmt_value

POPUP_LABELS = ("popup_commodity", "popup_reach", "popup_body", "popup_figures",
                "popup_status", "popup_approx", "popup_approx_kecamatan")  # fmt: skip


class MapLayers(Protocol):
    """What the explorer needs of the boundary layers (``loaders.boundaries.BoundaryLayers``)."""

    provinces_national: gpd.GeoDataFrame

    def regencies_of(self, province_code: str) -> gpd.GeoDataFrame: ...

    def kecamatan_of(self, regency_code: str) -> gpd.GeoDataFrame: ...


@dataclass(frozen=True)
class MapLevel:
    """What a map of a selection shows: whose shapes (the children of ``parent``, None for
    Indonesia), at which level, and the bounds the map zooms to."""

    shapes: gpd.GeoDataFrame
    parent: str | None
    level: str
    bounds: tuple[float, float, float, float]


def map_level(layers: MapLayers, selected: str | None) -> MapLevel:
    """Indonesia → its provinces; a province → its regencies; a regency → its kecamatan;
    a kecamatan → its regency's kecamatan, zoomed to it."""
    if not selected:
        shapes = layers.provinces_national
        return MapLevel(shapes, None, "province", tuple(shapes.total_bounds))
    if len(selected) == 2:
        shapes = layers.regencies_of(selected)
        return MapLevel(shapes, selected, "regency", tuple(shapes.total_bounds))
    shapes = layers.kecamatan_of(selected[:5])
    chosen = shapes[shapes["code"] == selected] if len(selected) > 5 else shapes
    return MapLevel(shapes, selected[:5], "kecamatan", tuple(chosen.total_bounds))


@dataclass
class ExplorerMap:
    fmap: folium.Map
    table: pd.DataFrame  # metrics per shown region
    note: str  # what the points on the map are (or why there are none)


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
    imported: ImportedMeasure | None = None,
) -> ExplorerMap:
    """``marker_rows`` turns the centres to show into prepared marker rows (cached upstream);
    ``imported``: the measure is an imported regional indicator (``metric`` is its key);
    ``geometry_url`` gives the static file with the shapes of a province's regencies, of a
    regency's kecamatan (by its code) or, for None, of all provinces."""
    view = map_level(layers, selected)
    shapes = view.shapes
    table = region_metrics(filtered, centres, ref, view.level, filters, codes=list(shapes["code"]))
    if imported is not None:  # absent regions: NaN, "no data" (never zero)
        table[metric] = imported.values.reindex(table.index).astype(float)
        table["no_data"] = table[metric].isna()

        def fmt(v: float) -> str:
            return fmt_value(v, imported.unit, lang)

        name = f"{imported.name} ({imported.year})"
    else:

        def fmt(v: float) -> str:
            return fmt_metric(metric, v, lang)

        name = t(f"m_{metric}", lang)
    fills, legend = classify(table[metric], fmt, t("legend_zero", lang), t("legend_no_data", lang))
    labels = {
        code: (t("legend_no_data", lang) if imported else t("no_data_tooltip", lang, n=recorded))
        if no_data and metric != "budget_rp"
        else f"{name}: {fmt(value)}"
        for code, value, no_data, recorded in zip(
            table.index, table[metric], table["no_data"], table["recorded"], strict=True
        )
    }
    fmap = base_map(basemap, view.bounds, lang)
    region_layer(shapes, geometry_url(view.parent), fills, labels, highlight=selected).add_to(fmap)
    note = t("source_line", lang, source=imported.source) if imported else ""
    if metric in PER_PERSON:
        note = t(
            "kecamatan_no_population" if view.level == "kecamatan" else "population_source", lang
        )
    add_legend(fmap, name, legend, note)

    if not selected:
        return ExplorerMap(fmap, table, t("markers_national_note", lang))
    points = scope(filtered, selected)
    if len(points) > MAX_MARKERS:
        note = t("markers_too_many", lang, n=fmt_number(len(points), lang),
                 max=fmt_number(MAX_MARKERS, lang))  # fmt: skip
        return ExplorerMap(fmap, table, note)
    rows = marker_rows(points)
    if rows:
        centre_markers(rows, [t(k, lang) for k in POPUP_LABELS]).add_to(fmap)
    at_kecamatan, at_regency = approx_counts(rows)
    note = t("markers_note_places", lang, n=fmt_number(len(rows), lang),
             kec=fmt_number(at_kecamatan, lang), kab=fmt_number(at_regency, lang))  # fmt: skip
    return ExplorerMap(fmap, table, note)
