"""Sektor: sector × region treemap, and a specialisation (location quotient) map per sector."""

from __future__ import annotations

import plotly.express as px
import streamlit as st
from streamlit_folium import st_folium

from sentra.choropleth import classify
from sentra.formatting import fmt_number
from sentra.i18n import t
from sentra.indicators import location_quotient
from sentra.map_build import add_legend, base_map, region_layer
from sentra.schema import SECTORS, label
from ui import charts, context, url_state
from ui.cached import boundary_layers, geometry_files

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
names = regions["name"].to_dict()
st.title(t("page_sectors", lang))
context.headline_row(ctx, ctx.filtered)
if context.empty_state(ctx):
    st.stop()

source = t("source_store", lang, v=ctx.version)
counts = (
    ctx.filtered.groupby(["sector", "province_code"])
    .size()
    .rename("n")
    .reset_index()
    .assign(
        sektor=lambda d: d["sector"].map(lambda c: label(SECTORS, c, lang)),
        provinsi=lambda d: d["province_code"].map(names),
    )
)
fig = px.treemap(
    counts,
    path=[px.Constant(t("indonesia", lang)), "sektor", "provinsi"],
    values="n",
    color="sektor",
)
fig.update_traces(root_color="#f4f4f4", textinfo="label+value")
charts.show(fig, t("treemap_title", lang), source, lang, True, "sektor_treemap")

sector = url_state.seed("sektor_lq", SECTORS, "tekstil_pakaian")
sector = st.selectbox(
    t("lq_sector", lang),
    list(SECTORS),
    format_func=lambda c: label(SECTORS, c, lang),
    key="sektor_lq",
)
url_state.write_back({"sektor_lq": "tekstil_pakaian"})
st.subheader(t("lq_title", lang, sector=label(SECTORS, sector, lang)))
st.caption(t("lq_explain", lang))

lq = location_quotient(ctx.filtered, sector, "province")
layers = boundary_layers()
shapes = layers.provinces_national
values = lq["lq"].reindex(shapes["code"])
fills, legend = classify(
    values, lambda v: fmt_number(v, lang, 2), t("legend_zero", lang), t("legend_no_data", lang)
)
labels = {c: f"LQ {fmt_number(v, lang, 2)}" for c, v in values.items()}
fmap = base_map("none", shapes.total_bounds, lang)
region_layer(shapes, geometry_files().url(None), fills, labels).add_to(fmap)
add_legend(fmap, f"LQ — {label(SECTORS, sector, lang)}", legend)
map_col, table_col = st.columns([3, 2])
with map_col:
    st_folium(fmap, key=f"lq-{sector}", returned_objects=[], height=420, use_container_width=True)
with table_col:
    st.markdown(f"**{t('top_regions', lang)}**")
    top = location_quotient(ctx.filtered, sector, "regency")
    top = top[top["total"] >= 10].head(12)
    shown = top.assign(
        wilayah=top.index.map(names),
        lq=top["lq"].map(lambda v: fmt_number(v, lang, 2)),
        share=(top["share"] * 100).map(lambda v: fmt_number(v, lang, 1) + "%"),
    )[["wilayah", "in_sector", "total", "share", "lq"]]
    shown.columns = [
        t("region", lang),
        label(SECTORS, sector, lang),
        t("centres_count", lang),
        "%",
        "LQ",
    ]
    st.dataframe(shown, hide_index=True, width="stretch")
