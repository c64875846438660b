"""The Analisis page's hot-spot map, its table and the sentences under it, without
Streamlit: which regions a measure is tested over, its values, and the folium map of the
classes ``sentra.hotspots`` finds. Every string on the map passes ``escape_text``
(``sentra.map_build``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from sentra.choropleth import NO_DATA_FILL
from sentra.filters import Filters
from sentra.formatting import fmt_number
from sentra.hotspots import (
    ALPHA,
    CLASS_COLOURS,
    CLASS_LABELS,
    METHOD_CLASSES,
    METHODS,
    PERMUTATIONS,
    Hotspots,
)
from sentra.i18n import N_, t
from sentra.indicators import Reference, region_metrics
from sentra.map_build import RegionLayer, add_legend, base_map, region_entries
from sentra.regional_indicators import PREFIX, ImportedMeasure, fmt_value
from sentra.schema import SECTORS, label

# Which regions are tested: the regencies of the chosen region's province or of all
# Indonesia, or the kecamatan of its regency.
EXTENTS = {
    "provinsi": N_("an_extent_province"),
    "indonesia": N_("an_extent_indonesia"),
    "kabupaten": N_("an_extent_regency"),
}
PROBLEMS = {"too_few": N_("an_hs_too_few"), "no_variation": N_("an_hs_no_variation")}
SECTOR_PREFIX = "sektor:"
ISLANDS_LISTED = 5  # more islands than this are named in the table only
BASE_MEASURES = {
    "centres": N_("an_m_centres"),
    "centres_per_100k": N_("an_m_per_100k"),
    "workers": N_("an_m_workers"),
}


def extents_for(region: str | None) -> list[str]:
    """The extents open to a selection, the natural one first."""
    if not region:
        return ["indonesia"]
    if len(region) == 2:
        return ["provinsi", "indonesia"]
    if len(region) > 5:
        return ["kabupaten", "provinsi", "indonesia"]
    return ["provinsi", "indonesia", "kabupaten"]


def extent_parent(extent: str, region: str | None) -> str | None:
    """The province (regencies), the regency (kecamatan) or None (all regencies)."""
    if extent == "provinsi" and region:
        return region[:2]
    if extent == "kabupaten" and region:
        return region[:5]
    return None


def extent_level(extent: str) -> str:
    return "kecamatan" if extent == "kabupaten" else "regency"


def measures_for(extent: str, imported: dict[str, str]) -> list[str]:
    """Measure keys open to an extent: kecamatan have no population and no imported
    indicator. ``imported``: key → level of each imported indicator."""
    measures = list(BASE_MEASURES)
    if extent == "kabupaten":
        measures.remove("centres_per_100k")
    measures += [SECTOR_PREFIX + s for s in SECTORS]
    if extent != "kabupaten":
        measures += [key for key, level in imported.items() if level == "regency"]
    return measures


def measure_label(measure: str, lang: str, imported_names: dict[str, str]) -> str:
    if measure in BASE_MEASURES:
        return t(BASE_MEASURES[measure], lang)
    if measure.startswith(SECTOR_PREFIX):
        sector = label(SECTORS, measure.removeprefix(SECTOR_PREFIX), lang)
        return t("an_m_sector", lang, sector=sector)
    return imported_names.get(measure, measure)


def measure_values(
    filtered: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    level: str,
    codes: list[str],
    measure: str,
    imported: ImportedMeasure | None = None,
    metrics: pd.DataFrame | None = None,
) -> pd.Series:
    """The measure per region of ``codes`` at ``level``, as the map page computes it
    (``region_metrics``; ``metrics``: its table for the whole level, when the caller has
    it already); NaN where the counts are "no data" or an indicator has no value."""
    if measure.startswith(PREFIX):
        values = imported.values if imported is not None else pd.Series(dtype=float)
        return values.reindex(codes).astype(float)
    if metrics is None:
        metrics = region_metrics(filtered, all_centres, ref, level, filters, codes=codes)
    else:
        metrics = metrics.reindex(codes)
    unknown = metrics["no_data"].to_numpy(dtype=bool)
    if measure.startswith(SECTOR_PREFIX):
        sector = measure.removeprefix(SECTOR_PREFIX)
        in_sector = filtered[filtered["sector"] == sector]
        key = in_sector["kecamatan_code" if level == "kecamatan" else "regency_code"]
        values = key.value_counts().reindex(metrics.index, fill_value=0).astype(float)
    elif measure == "centres":
        values = metrics["centres"].astype(float)
    else:
        values = metrics[measure].astype(float)
    values[unknown] = float("nan")
    return values


def value_format(
    measure: str, lang: str, imported: ImportedMeasure | None = None
) -> Callable[[float], str]:
    if imported is not None and measure.startswith(PREFIX):
        return lambda v: fmt_value(v, imported.unit, lang)
    digits = 2 if measure == "centres_per_100k" else 0
    return lambda v: fmt_number(v, lang, digits)


@dataclass(frozen=True)
class HotspotView:
    """What the hot-spot map and table show for one measure and extent (read-only)."""

    bounds: tuple[float, float, float, float]
    shapes_url: str
    regions: list[dict]  # per region: code, escaped name and value, style
    legend_title: str
    legend: list[tuple[str, str]]
    table: pd.DataFrame  # readable, significant regions first
    notes: list[str]  # method and weights, islands, regions left out
    global_moran: str  # Global Moran's I in one sentence ('' when nothing was tested)
    result: Hotspots


def _p(value: float, lang: str) -> str:
    return fmt_number(value, lang, 3)


def notes(result: Hotspots, names: pd.Series, lang: str) -> list[str]:
    """The sentences under the map: how it was tested, which regions were joined or left
    out."""
    lines = [
        t(
            "an_hs_method",
            lang,
            method=t(METHODS[result.method], lang),
            permutations=fmt_number(PERMUTATIONS, lang),
            alpha=fmt_number(ALPHA, lang, 2),
        )
    ]
    if len(result.islands) > ISLANDS_LISTED:  # each is named in the table
        lines.append(t("an_hs_islands_many", lang, n=fmt_number(len(result.islands), lang)))
    elif result.islands:
        joined = [f"{names[a]} → {names[b]}" for a, b in sorted(result.islands.items())]
        lines.append(
            t(
                "an_hs_islands",
                lang,
                count=len(joined),
                n=fmt_number(len(joined), lang),
                joined="; ".join(joined),
            )
        )
    else:
        lines.append(t("an_hs_no_islands", lang))
    if result.left_out:
        lines.append(
            t("an_hs_left_out", lang, count=result.left_out, n=fmt_number(result.left_out, lang))
        )
    return lines


def global_sentence(result: Hotspots, lang: str) -> str:
    """Global Moran's I and its p-value, and what they say, in one sentence."""
    if pd.isna(result.moran_i):
        return ""
    if result.moran_p > ALPHA:
        key = N_("an_moran_none")
    else:
        key = N_("an_moran_alike") if result.moran_i > 0 else N_("an_moran_unlike")
    return t(
        key,
        lang,
        i=fmt_number(result.moran_i, lang, 3),
        p=_p(result.moran_p, lang),
        permutations=fmt_number(PERMUTATIONS, lang),
    )


def hotspot_view(
    result: Hotspots,
    shapes: gpd.GeoDataFrame,
    values: pd.Series,
    measure_name: str,
    fmt: Callable[[float], str],
    shapes_url: str,
    highlight: str | None,
    lang: str,
) -> HotspotView:
    """The map entries (class colour, name, class, value and p-value on hover), legend with
    the number of regions per class, the readable table and the notes. ``shapes``: the
    regions of the extent (code, name, geometry); ``values`` the measure for each."""
    table = result.table
    no_data = t("legend_no_data", lang)
    fills: dict[str, str] = {}
    labels: dict[str, str] = {}
    for code in shapes["code"]:
        if code not in table.index:
            labels[code] = f"{measure_name}: {no_data}"
            continue
        row = table.loc[code]
        fills[code] = CLASS_COLOURS[row["cls"]]
        labels[code] = t(
            "an_hs_tooltip",
            lang,
            cls=t(CLASS_LABELS[row["cls"]], lang),
            measure=measure_name,
            value=fmt(row["value"]),
            p=_p(row["p_value"], lang),
        )
    counts = table["cls"].value_counts()
    legend = [
        (CLASS_COLOURS[c], f"{t(CLASS_LABELS[c], lang)} ({fmt_number(counts.get(c, 0), lang)})")
        for c in METHOD_CLASSES[result.method]
    ]
    missing = len(shapes) - len(table)
    if missing:
        legend.append((NO_DATA_FILL, f"{no_data} ({fmt_number(missing, lang)})"))
    names = shapes.set_index("code")["name"]
    order = {c: i for i, c in enumerate(METHOD_CLASSES[result.method])}
    ranked = table.assign(_order=table["cls"].map(order)).sort_values(
        ["_order", "p_value"], kind="stable"
    )
    statistic = t("an_col_local_i" if result.method == "moran" else "an_col_gi_z", lang)
    readable = pd.DataFrame(
        {
            t("region", lang): ranked.index.map(names),
            measure_name: ranked["value"].map(fmt),
            t("an_col_class", lang): ranked["cls"].map(lambda c: t(CLASS_LABELS[c], lang)),
            statistic: ranked["statistic"].map(lambda v: fmt_number(v, lang, 3)),
            t("an_col_p", lang): ranked["p_value"].map(lambda v: _p(v, lang)),
            t("an_col_neighbours", lang): [
                t("an_joined_to", lang, n=fmt_number(k, lang), name=names[result.islands[c]])
                if c in result.islands
                else fmt_number(k, lang)
                for c, k in zip(ranked.index, ranked["neighbours"], strict=True)
            ],
        }
    ).reset_index(drop=True)
    return HotspotView(
        bounds=tuple(shapes.total_bounds),
        shapes_url=shapes_url,
        regions=region_entries(shapes, fills, labels, highlight=highlight),
        legend_title=f"{t(METHODS[result.method], lang)} — {measure_name}",
        legend=legend,
        table=readable,
        notes=notes(result, names, lang),
        global_moran=global_sentence(result, lang),
        result=result,
    )


def draw(view: HotspotView, lang: str, title: str) -> folium.Map:
    """A fresh folium map of ``view`` (never share one: streamlit-folium changes it)."""
    fmap = base_map(view.bounds, lang, title)
    RegionLayer(view.shapes_url, view.regions).add_to(fmap)
    note = t("an_hs_legend_note", lang, alpha=fmt_number(ALPHA, lang, 2))
    add_legend(fmap, view.legend_title, view.legend, note)
    return fmap
