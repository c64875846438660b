"""The Analisis page's parts and the profile's summary, each computed once per data
version, language, filters, region and choice (``ui.cached.per_view``) and shared between
sessions (read-only); the contiguity of each set of region shapes once per process."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from pandas.util import hash_pandas_object

from sentra import relatedness, similarity
from sentra.aggregate import scope
from sentra.escape import escape_markdown
from sentra.formatting import fmt_number, fmt_percent
from sentra.hotspot_view import (
    HotspotView,
    extent_level,
    extent_parent,
    hotspot_view,
    measure_label,
    measure_values,
    value_format,
)
from sentra.hotspots import Neighbours, hotspots, queen
from sentra.i18n import t
from sentra.indicators import no_data, region_metrics
from sentra.regional_indicators import ImportedMeasure
from sentra.schema import SECTORS, label
from sentra.summary import Summary, display_name, summarise
from ui import charts, url_state
from ui.cached import boundary_layers, geometry_files, geometry_url, per_view
from ui.context import PageContext
from ui.regional import imported_indicators

PEERS = 10
COMPARED_PEERS = 3  # the compare page takes four regions: the chosen one and three peers
HEATMAP_MAX = 12  # commodities shown in the relatedness picture


def summary_of(ctx: PageContext, region: str | None) -> Summary:
    """The region in a few sentences (``sentra.summary``)."""

    def build() -> Summary:
        profiles = _profiles(ctx, similarity.level_of(region)) if region else None
        return summarise(
            ctx.filtered, ctx.centres, ctx.ref, ctx.filters, region, ctx.lang, profiles
        )

    return per_view(ctx, "summary", region, build)


# -- Wilayah serupa ------------------------------------------------------------------------
@dataclass(frozen=True)
class SimilarPart:
    peers: similarity.Peers
    table: pd.DataFrame  # readable, with a link to each peer's profile


def _metrics(ctx: PageContext, level: str) -> pd.DataFrame:
    """``region_metrics`` of every region of a level, shared by the page's sections."""
    return per_view(
        ctx,
        "an-metrics",
        level,
        lambda: region_metrics(ctx.filtered, ctx.centres, ctx.ref, level, ctx.filters),
    )


def _profiles(ctx: PageContext, level: str) -> similarity.Profiles:
    return per_view(
        ctx,
        "an-profiles",
        level,
        lambda: similarity.profiles(
            ctx.filtered, ctx.centres, ctx.ref, ctx.filters, level, _metrics(ctx, level)
        ),
    )


def similar_part(ctx: PageContext, region: str, basis: str, scope: str) -> SimilarPart:
    """The ``PEERS`` regions most like ``region``, with what makes each similar."""

    def build() -> SimilarPart:
        data = _profiles(ctx, similarity.level_of(region))
        peers = similarity.similar(data, region, basis, scope, n=PEERS)
        return SimilarPart(peers, _similar_table(ctx, data, peers))

    return per_view(ctx, "an-similar", region, build, basis, scope)


def _similar_table(
    ctx: PageContext, data: similarity.Profiles, peers: similarity.Peers
) -> pd.DataFrame:
    lang = ctx.lang
    codes = list(peers.table.index)
    table = pd.DataFrame(
        {
            "#": range(1, len(codes) + 1),
            t("region", lang): [display_name(ctx.ref, c, lang) for c in codes],
            t("an_col_profile", lang): [url_state.link("profil", wilayah=c) for c in codes],
            t("an_col_in", lang): [display_name(ctx.ref, _parent(c), lang) for c in codes],
            t("an_col_similarity", lang): [
                fmt_percent(v * 100, lang, 0) for v in peers.table["similarity"]
            ],
            t("an_col_why", lang): similarity.reasons(data, peers, lang).reindex(codes).to_list(),
        }
    )
    if table[t("an_col_in", lang)].nunique() <= 1:  # all in the region's own province
        table = table.drop(columns=t("an_col_in", lang))
    return table


def _parent(code: str) -> str | None:
    return None if len(code) == 2 else code[:2] if len(code) == 5 else code[:5]


def open_compare(region: str, peers: list[str]) -> None:
    """Bandingkan with the region and its closest peers."""
    url_state.preset("bandingkan", [region, *peers[:COMPARED_PEERS]])
    st.switch_page("pages/bandingkan.py")


# -- Titik panas ---------------------------------------------------------------------------
def extent_shapes(extent: str, parent: str | None) -> gpd.GeoDataFrame:
    """The shapes a hot-spot map tests and draws (those of its static file)."""
    layers = boundary_layers()
    if extent == "kabupaten":
        return layers.kecamatan_of(parent)
    if extent == "provinsi":
        return layers.regencies_of(parent)
    return layers.regencies_national


@st.cache_resource(show_spinner=False, max_entries=64)
def _neighbours(extent: str, parent: str | None) -> Neighbours:
    """Queen contiguity of an extent's shapes, once per process (shapes do not change)."""
    return queen(extent_shapes(extent, parent))


def hotspot_part(
    ctx: PageContext,
    region: str | None,
    extent: str,
    measure: str,
    method: str,
    imported: ImportedMeasure | None,
) -> HotspotView:
    """The hot-spot map, table and notes for one measure over one extent."""
    parent = extent_parent(extent, region)
    imported_key = (
        "" if imported is None else (imported.year, int(hash_pandas_object(imported.values).sum()))
    )

    def build() -> HotspotView:
        shapes = extent_shapes(extent, parent)
        values = measure_values(
            ctx.filtered,
            ctx.centres,
            ctx.ref,
            ctx.filters,
            extent_level(extent),
            list(shapes["code"]),
            measure,
            imported,
            # the regencies' table is shared with the similar regions; a regency's few
            # kecamatan are counted alone rather than all 7,285
            _metrics(ctx, "regency") if extent != "kabupaten" else None,
        )
        names = {measure: imported_label(imported)} if imported else {}
        result = hotspots(values, _neighbours(extent, parent), method)
        url = geometry_files().all_regencies_url() if parent is None else geometry_url(parent)
        return hotspot_view(
            result,
            shapes,
            values,
            measure_label(measure, ctx.lang, names),
            value_format(measure, ctx.lang, imported),
            url,
            region,
            ctx.lang,
        )

    return per_view(ctx, "an-hotspots", region, build, extent, measure, method, imported_key)


def imported_measures() -> dict[str, ImportedMeasure]:
    """Each imported regional indicator by its measure key, at its latest year."""
    indicators = imported_indicators()
    keys = indicators.keys()  # ImportedIndicators' own: the measure key of each indicator
    return {key: indicators.measure(key) for key in keys}


def imported_label(imported: ImportedMeasure) -> str:
    return f"{imported.name} ({imported.year})"


def imported_names(imported: dict[str, ImportedMeasure]) -> dict[str, str]:
    return {key: imported_label(m) for key, m in imported.items()}


# -- Peluang sektor ------------------------------------------------------------------------
@dataclass(frozen=True)
class OpportunityPart:
    space: relatedness.SectorSpace
    table: pd.DataFrame | None  # readable opportunities of the region (None: no region,
    # or a region whose counts are "no data")
    strengths: str  # the sectors the region is specialised in, with their LQ
    figure: go.Figure


def _label(column: str, code: str, lang: str) -> str:
    return label(SECTORS, code, lang) if column == "sector" else str(code)


def opportunity_part(ctx: PageContext, region: str | None, column: str) -> OpportunityPart:
    """Relatedness of sectors (or commodities) and, for a region, its nearest
    opportunities."""

    def build() -> OpportunityPart:
        lang = ctx.lang
        space = per_view(
            ctx,
            "an-space",
            None,
            lambda: relatedness.sector_space(ctx.centres, ctx.ref, ctx.filters, column),
            column,
        )
        table, strengths, marked = None, "", []
        if region and not no_data(ctx.centres, ctx.ref, region[:2]):
            own = scope(relatedness.base(ctx.centres, ctx.filters), region)
            found = relatedness.opportunities(space, own, column)
            held = found[found["specialised"]].sort_values("lq", ascending=False)
            marked = list(held.index)
            strengths = escape_markdown(
                ", ".join(
                    f"{_label(column, c, lang)} (LQ {fmt_number(v, lang, 2)})"
                    for c, v in held["lq"].items()
                )
            )
            table = _opportunity_table(found[~found["specialised"]], column, lang)
        return OpportunityPart(space, table, strengths, _heatmap(space, marked, column, ctx))

    return per_view(ctx, "an-opportunities", region, build, column)


def _opportunity_table(rows: pd.DataFrame, column: str, lang: str) -> pd.DataFrame:
    name = t("an_col_sector" if column == "sector" else "an_col_commodity", lang)
    return pd.DataFrame(
        {
            name: [_label(column, c, lang) for c in rows.index],
            t("an_col_density", lang): [fmt_percent(v * 100, lang, 0) for v in rows["density"]],
            t("an_col_here", lang): [fmt_number(v, lang) for v in rows["centres"]],
            "LQ": [fmt_number(v, lang, 2) for v in rows["lq"]],
            t("an_col_national", lang): [fmt_number(v, lang) for v in rows["national"]],
        }
    )


def _heatmap(
    space: relatedness.SectorSpace, marked: list[str], column: str, ctx: PageContext
) -> go.Figure:
    """The proximity matrix; the region's strengths marked ★ (not by colour alone)."""
    lang = ctx.lang
    phi = space.phi
    if len(phi) > HEATMAP_MAX:  # commodities: the strengths and the most related to them
        near = phi.loc[marked].max().drop(marked, errors="ignore").nlargest(HEATMAP_MAX)
        keep = [*marked[: HEATMAP_MAX // 2], *near.index][:HEATMAP_MAX]
        keep = keep or list(space.national.index[:HEATMAP_MAX])
        phi = phi.loc[keep, keep]
    names = [("★ " if c in marked else "") + _label(column, c, lang) for c in phi.index]
    shown = phi.to_numpy(copy=True)
    np.fill_diagonal(shown, np.nan)  # a sector's proximity to itself is 1 by definition
    text = [["" if np.isnan(v) else fmt_number(v, lang, 2) for v in row] for row in shown]
    figure = go.Figure(
        go.Heatmap(
            z=shown,
            x=names,
            y=names,
            text=text,
            texttemplate="%{text}",
            colorscale="Viridis",
            zmin=0,
            zmax=1,
            hovertemplate="%{y} — %{x}: %{text}<extra></extra>",
            colorbar={"title": {"text": "φ"}},
        ),
        layout={"yaxis": {"autorange": "reversed"}, "height": 560},
    )
    source = t("source_store", lang, v=ctx.version)
    illustrative = bool((ctx.filtered["data_status"] == "ilustratif").any())
    title = t("an_heatmap_title" if column == "sector" else "an_heatmap_title_commodity", lang)
    return charts.finish(figure, title, source, lang, illustrative)


def commodity_density(ctx: PageContext) -> float:
    """Centres per regency and commodity on average (``relatedness.cell_mean``)."""
    return per_view(
        ctx,
        "an-commodity-density",
        None,
        lambda: relatedness.cell_mean(ctx.centres, ctx.ref, ctx.filters, "commodity"),
    )
