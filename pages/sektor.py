"""Sektor: sector × region treemap, and a specialisation (location quotient) map per sector."""

from __future__ import annotations

import plotly.express as px
import streamlit as st
from streamlit_folium import st_folium

from sentra import aggregate
from sentra.choropleth import classify
from sentra.formatting import fmt_number, fmt_percent
from sentra.i18n import t
from sentra.indicators import location_quotient
from sentra.map_build import add_legend, base_map, region_layer
from sentra.schema import SECTORS, label
from ui import charts, context, url_state, widgets
from ui.cached import boundary_layers, geometry_files

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
names = regions["name"].to_dict()
st.title(t("page_sectors", lang))
widgets.headline_row(ctx)
if widgets.empty_state(ctx):
    context.end_page()

source = t("source_store", lang, v=ctx.version)
counts = aggregate.sector_by_province(ctx.filtered).assign(
    sektor=lambda d: d["sector"].map(lambda c: label(SECTORS, c, lang)),
    provinsi=lambda d: d["province_code"].map(names),
)
fig = px.treemap(
    counts,
    path=[px.Constant(t("indonesia", lang)), "sektor", "provinsi"],
    values="n",
    color="sektor",
)
fig.update_traces(root_color="#f4f4f4", textinfo="label+value")
charts.show(fig, t("treemap_title", lang), source, lang, True, "sektor_treemap")

# One sector chosen in the sidebar is the natural one to look at here.
chosen = ctx.filters.get("sektor") or ()
url_state.seed("sektor_lq", SECTORS)
if len(chosen) == 1 and "sektor_lq" not in st.query_params:
    st.session_state["sektor_lq"] = chosen[0]
sector = st.selectbox(
    t("lq_sector", lang),
    list(SECTORS),
    format_func=lambda c: label(SECTORS, c, lang),
    key="sektor_lq",
    persist_state="session",
)
st.subheader(t("lq_title", lang, sector=label(SECTORS, sector, lang)))
st.caption(t("lq_explain", lang))
if chosen:
    st.caption(t("lq_sector_filter_note", lang))

lq = location_quotient(ctx.centres, ctx.filters, sector, "province")
layers = boundary_layers()
shapes = layers.provinces_national
values = lq["lq"].reindex(shapes["code"])
fills, legend = classify(
    values, lambda v: fmt_number(v, lang, 2), t("legend_zero", lang), t("legend_no_data", lang)
)
labels = {c: f"LQ {fmt_number(v, lang, 2)}" for c, v in values.items()}
fmap = base_map(shapes.total_bounds, lang, f"LQ — {label(SECTORS, sector, lang)}")
region_layer(shapes, geometry_files().url(None), fills, labels).add_to(fmap)
add_legend(fmap, f"LQ — {label(SECTORS, sector, lang)}", legend)
map_col, table_col = st.columns([3, 2])
with map_col:
    st_folium(fmap, key=f"lq-{sector}", returned_objects=[], height=420, use_container_width=True)
with table_col:
    st.markdown(f"**{t('top_regions', lang)}**")
    top = aggregate.top_specialised(ctx.centres, ctx.filters, sector)
    st.dataframe(
        {
            t("region", lang): top.index.map(names),
            label(SECTORS, sector, lang): top["in_sector"].map(lambda v: fmt_number(v, lang)),
            t("centres_count", lang): top["total"].map(lambda v: fmt_number(v, lang)),
            t("share_col", lang): (top["share"] * 100).map(lambda v: fmt_percent(v, lang, 1)),
            "LQ": top["lq"].map(lambda v: fmt_number(v, lang, 2)),
        },
        hide_index=True,
        width="stretch",
    )
