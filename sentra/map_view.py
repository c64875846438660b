"""The explorer map for one view (national or one region), built without Streamlit.

Drill-down: Indonesia shows provinces, a province its regencies, a regency (or one of its
kecamatan) the regency's kecamatan.

``map_measure`` computes the measure per region as the map colours it, and per year for
a measure with years (shared with the map picture, ``sentra.map_image``); ``map_view``
adds what the explorer map shows besides (the costly part, which the page caches per
view); ``draw`` turns it into a folium map. The benchmark calls both, so it measures what
a user gets when the view is not cached yet. Markers are sent only for one province or
regency and only up to ``MAX_MARKERS``; beyond that the choropleth's counts per region
stand in for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

import folium
import geopandas as gpd
import pandas as pd

from sentra.aggregate import cluster_sources, scope
from sentra.choropleth import NO_DATA_FILL, classify
from sentra.coverage import COVERAGE_METRIC, coverage_style
from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import N_, t
from sentra.indicators import Filters, Reference, region_metrics
from sentra.map_build import (
    RegionLayer,
    add_legend,
    add_points_key,
    base_map,
    centre_markers,
    region_entries,
    sector_key,
)
from sentra.map_motion import YearControl, control_data
from sentra.map_years import (
    YEAR_NOTES,
    YEAR_TITLES,
    YEAR_TOKEN,
    YearFrames,
    budget_by_year,
    founding_counts,
    growth_by_year,
    imported_by_year,
    year_frames,
)
from sentra.markers import MAX_MARKERS, approx_counts
from sentra.per_person import PER_PERSON
from sentra.regional_indicators import ImportedMeasure, fmt_value
from sentra.schema import SECTORS, label

POPUP_LABELS = (
    N_("popup_commodity"),
    N_("popup_reach"),
    N_("popup_body"),
    N_("popup_figures"),
    N_("popup_status"),
    N_("popup_approx"),
    N_("popup_approx_kecamatan"),
)


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


@dataclass(frozen=True)
class MapMeasure:
    """The measure of one view per region, as the map colours it: shared by the explorer
    map and the map picture (``sentra.map_image``), so both show the same classes."""

    metric: str
    level: MapLevel
    table: pd.DataFrame  # metrics per shown region (``region_metrics``)
    name: str  # the legend's title
    fills: dict[str, str]
    legend: list[tuple[str, str]]
    legend_note: str  # source of an imported or per-person measure
    values: dict[str, str]  # code → value as shown
    labels: dict[str, str]  # code → tooltip under the region's name
    frames: YearFrames | None = None  # the measure per year (``sentra.map_years``)

    def shown(self, year: int | None) -> tuple[dict[str, str], list[tuple[str, str]], str, str]:
        """Fills, legend, title and note of the map in ``year`` where the measure has that
        year (one scale over all years), else of the map without a chosen year."""
        frames = self.frames
        if year is not None and frames is not None and frames.has(year):
            return frames.fills[year].to_dict(), frames.legend, frames.title_of(year), frames.note
        return self.fills, self.legend, self.name, self.legend_note


def map_measure(
    layers: MapLayers,
    ref: Reference,
    centres: pd.DataFrame,
    filtered: pd.DataFrame,
    filters: Filters,
    selected: str | None,
    metric: str,
    lang: str,
    imported: ImportedMeasure | None = None,
    coverage: pd.DataFrame | None = None,
) -> MapMeasure:
    """``imported``: the measure is an imported regional indicator (``metric`` is its
    key); ``coverage`` (``sentra.coverage.coverage``) is drawn when ``metric`` is
    ``COVERAGE_METRIC``."""
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
    legend_note = t("source_line", lang, source=imported.source) if imported else ""
    if metric in PER_PERSON:
        legend_note = t(
            "kecamatan_no_population" if view.level == "kecamatan" else "population_source", lang
        )
    if metric == "klaster" and table[metric].isna().any():
        legend_note = t("klaster_map_note", lang, published=cluster_sources(ref, lang))
    frames = _frames(filtered, ref, filters, view, table, metric, imported, fmt, legend_note, lang)
    if metric == COVERAGE_METRIC:  # where the figures come from, per region
        fills, legend, labels = coverage_style(coverage, list(table.index), lang)
        values = labels
    elif frames is not None and not frames.total:  # the newest year, on the years' scale
        year = frames.years[-1]
        fills, legend = frames.fills[year].to_dict(), frames.legend
        values = frames.texts[year].to_dict()
    else:
        fills, legend = classify(
            table[metric], fmt, t("legend_zero", lang), t("legend_no_data", lang)
        )
        values = {
            code: t("legend_no_data", lang) if pd.isna(value) else fmt(value)
            for code, value in table[metric].items()
        }
    if metric != COVERAGE_METRIC:
        labels = {
            code: (t("legend_no_data", lang) if imported else t("no_data_tooltip", lang, n=n))
            if no_data and metric != "budget_rp"
            else f"{name}: {values[code]}"
            for code, no_data, n in zip(
                table.index, table["no_data"], table["recorded"], strict=True
            )
        }
    if frames is not None and imported is None:  # a region without data says why, every year
        no_data = table["no_data"].to_numpy(dtype=bool) & (metric != "budget_rp")
        frames = replace(frames, fixed={c: labels[c] for c in table.index[no_data]})
    return MapMeasure(metric, view, table, name, fills, legend, legend_note, values, labels, frames)


def _frames(
    filtered: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    view: MapLevel,
    table: pd.DataFrame,
    metric: str,
    imported: ImportedMeasure | None,
    fmt: Callable[[float], str],
    legend_note: str,
    lang: str,
) -> YearFrames | None:
    """The measure per year, when it has years (``sentra.map_years``)."""
    names = view.shapes.set_index("code")["name"]
    one_scale = t("year_one_scale", lang)
    if imported is not None:
        yearly = imported_by_year(imported.by_year, table)
        if yearly is None:
            return None
        title = f"{imported.name} ({YEAR_TOKEN})"
        note = f"{legend_note} {one_scale}"
        return year_frames(yearly, names, fmt, title, note, "", lang, total=False)
    if metric == "sentra":
        yearly = founding_counts(filtered, view.level, table)
    elif metric == "budget_rp":
        yearly = budget_by_year(filtered, ref, filters, view.level, table)
    elif metric == "growth_pct":
        yearly = growth_by_year(ref, filters, view.level, table)
    else:
        return None
    if yearly is None:
        return None
    first = yearly.values.columns[0]
    note = t(YEAR_NOTES[metric], lang, first=first)
    if yearly.undated:
        note += " " + t(
            "year_undated", lang, count=yearly.undated, n=fmt_number(yearly.undated, lang)
        )
    title = t(YEAR_TITLES[metric], lang, year=YEAR_TOKEN)
    return year_frames(yearly, names, fmt, title, f"{note} {one_scale}", t("year_all", lang), lang)


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
    legend_note: str  # source of an imported or per-person measure
    markers: list[list]  # prepared marker rows; empty when none are shown
    marker_labels: list[str]
    marker_key: list[tuple[str, str]]  # (colour, sector name) of the points shown
    table: pd.DataFrame  # metrics per shown region
    rows: pd.DataFrame  # the map as a table: region, value and class as the legend names it
    note: str  # what the points on the map are (or why there are none)
    frames: YearFrames | None = None  # the measure per year (``sentra.map_years``)
    year_control: dict | None = None  # what the map's year control sends (``map_motion``)


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
    imported: ImportedMeasure | None = None,
    coverage: pd.DataFrame | None = None,
) -> MapView:
    """``marker_rows`` turns the centres to show into prepared marker rows (cached upstream);
    ``geometry_url`` gives the static file with the shapes of a province's regencies, of a
    regency's kecamatan (by its code) or, for None, of all provinces; the other arguments
    as for ``map_measure``."""
    measure = map_measure(
        layers, ref, centres, filtered, filters, selected, metric, lang, imported, coverage
    )
    view, table = measure.level, measure.table
    shapes = view.shapes
    markers: list[list] = []
    if not selected:
        note = t("markers_national_note", lang)
    elif len(points := scope(filtered, selected)) > MAX_MARKERS:
        note = t(
            "markers_too_many",
            lang,
            n=fmt_number(len(points), lang),
            max=fmt_number(MAX_MARKERS, lang),
        )
    else:
        markers = marker_rows(points)
        at_kecamatan, at_regency = approx_counts(markers)
        note = t(
            "markers_note_places",
            lang,
            n=fmt_number(len(markers), lang),
            kec=fmt_number(at_kecamatan, lang),
            kab=fmt_number(at_regency, lang),
        )
    return MapView(
        bounds=view.bounds,
        shapes_url=geometry_url(view.parent),
        regions=region_entries(shapes, measure.fills, measure.labels, highlight=selected),
        legend_title=measure.name,
        legend=measure.legend,
        legend_note=measure.legend_note,
        markers=markers,
        marker_labels=[t(k, lang) for k in POPUP_LABELS],
        marker_key=[
            (colour, label(SECTORS, code, lang))
            for colour, code in sector_key(row[2] for row in markers)
        ],
        table=table,
        rows=map_rows(
            shapes, table.get(metric), measure.values, measure.fills, measure.legend, lang
        ),
        note=note,
        frames=measure.frames,
        year_control=None
        if measure.frames is None
        else control_data(measure.frames, selected, lang),
    )


def map_rows(
    shapes: pd.DataFrame,
    order: pd.Series | None,
    values: dict[str, str],
    fills: dict[str, str],
    legend: list[tuple[str, str]],
    lang: str,
) -> pd.DataFrame:
    """The map as a table, for readers who cannot tell its colours or use a mouse: each
    region (largest value first, no data last), its value as the map shows it and its class
    named as in the legend."""
    class_of = {colour: label for colour, label in legend}
    rows = pd.DataFrame(
        {
            t("region", lang): list(shapes["name"]),
            t("map_table_value", lang): [values.get(c, "") for c in shapes["code"]],
            t("map_table_class", lang): [
                class_of.get(fills.get(c, NO_DATA_FILL), t("legend_no_data", lang))
                for c in shapes["code"]
            ],
        },
        index=list(shapes["code"]),
    )
    if order is not None:
        rows["_order"] = order.reindex(rows.index)
        rows = rows.sort_values("_order", ascending=False, kind="stable").drop(columns="_order")
    return rows.reset_index(drop=True)


def year_rows(frames: YearFrames, year: int, lang: str) -> pd.DataFrame:
    """The map as a table (``map_rows``) for one year of ``frames``."""
    shapes = pd.DataFrame({"code": frames.names.index, "name": frames.names.to_numpy()})
    return map_rows(
        shapes,
        frames.values[year],
        frames.texts[year].to_dict(),
        frames.fills[year].to_dict(),
        frames.legend,
        lang,
    )


def draw(view: MapView, lang: str, title: str) -> folium.Map:
    """A fresh folium map of ``view`` (never share one: streamlit-folium changes it);
    ``title`` names it for screen readers."""
    fmap = base_map(view.bounds, lang, title, bottom_control=view.year_control is not None)
    regions = RegionLayer(view.shapes_url, view.regions).add_to(fmap)
    add_legend(fmap, view.legend_title, view.legend, view.legend_note)
    if view.markers:
        centre_markers(view.markers, view.marker_labels).add_to(fmap)
        add_points_key(fmap, t("marker_key", lang), view.marker_key)
    if view.year_control is not None:  # after the legend, which it rewrites per year
        YearControl(regions, view.year_control).add_to(fmap)
    return fmap
