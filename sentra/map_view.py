"""The explorer map for one view (national or one region), built without Streamlit.

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

from sentra.choropleth import classify
from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import t
from sentra.indicators import Filters, Reference, region_metrics
from sentra.map_build import add_legend, base_map, centre_markers, region_layer
from sentra.markers import MAX_MARKERS, approx_count
from sentra.regional_indicators import ImportedMeasure, fmt_value

POPUP_LABELS = ("popup_commodity", "popup_reach", "popup_body", "popup_figures",
                "popup_status", "popup_approx")  # fmt: skip


class MapLayers(Protocol):
    """What the explorer needs of the boundary layers (``loaders.boundaries.BoundaryLayers``)."""

    provinces_national: gpd.GeoDataFrame

    def regencies_of(self, province_code: str) -> gpd.GeoDataFrame: ...

    def geometry_json(self, layer: str) -> dict[str, dict]: ...


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
    imported: ImportedMeasure | None = None,
) -> ExplorerMap:
    """``marker_rows`` turns the centres to show into prepared marker rows (cached upstream).
    ``imported``: the measure is an imported regional indicator (``metric`` is its key)."""
    province = selected[:2] if selected else None
    layer_name = "regencies_detail" if province else "provinces_national"
    shapes = layers.regencies_of(province) if province else layers.provinces_national
    level = "regency" if province else "province"
    table = region_metrics(filtered, centres, ref, level, filters, codes=list(shapes["code"]))
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
    fmap = base_map(basemap, shapes.total_bounds, lang)
    region_layer(
        shapes, layers.geometry_json(layer_name), fills, labels, "wilayah", highlight=selected
    ).add_to(fmap)
    note = t("source_line", lang, source=imported.source) if imported else ""
    add_legend(fmap, name, legend, note)

    if not province:
        return ExplorerMap(fmap, table, t("markers_national_note", lang))
    points = filtered[filtered["regency_code"].str.startswith(selected)]
    if len(points) > MAX_MARKERS:
        note = t("markers_too_many", lang, n=fmt_number(len(points), lang),
                 max=fmt_number(MAX_MARKERS, lang))  # fmt: skip
        return ExplorerMap(fmap, table, note)
    rows = marker_rows(points)
    if rows:
        centre_markers(rows, [t(k, lang) for k in POPUP_LABELS]).add_to(fmap)
    note = t("markers_note", lang, n=fmt_number(len(rows), lang),
             approx=fmt_number(approx_count(rows), lang))  # fmt: skip
    return ExplorerMap(fmap, table, note)
