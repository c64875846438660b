"""Peta: choropleth of a chosen measure; click a province to see its regencies and centres."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from loaders.cached import boundary_layers, marker_rows_for
from sentra.choropleth import classify
from sentra.formatting import fmt_metric
from sentra.i18n import t
from sentra.indicators import METRICS, region_metrics
from sentra.map_build import BASEMAPS, add_legend, base_map, centre_markers, region_layer
from sentra.markers import MAX_MARKERS, approx_count
from ui import context, region_select, url_state

ctx = context.get()
lang = ctx.lang
layers = boundary_layers()
regions_table = layers.regions

selected = region_select.selected(regions_table)
province = selected[:2] if selected else None
metric = url_state.seed("metrik", METRICS, "sentra")
basemap = url_state.seed("peta_dasar", BASEMAPS, "none")

title_col, back_col = st.columns([4, 1], vertical_alignment="bottom")
if selected:
    names = regions_table["name"]
    crumbs = [t("indonesia", lang), names[province]] + (
        [names[selected]] if selected != province else []
    )
    title_col.title(" › ".join(crumbs[1:]))
    back_col.button(t("back_to_indonesia", lang), on_click=region_select.go_to, args=(None,))
    scope = ctx.filtered[ctx.filtered["regency_code"].str.startswith(selected)]
else:
    title_col.title(t("app_title", lang))
    scope = ctx.filtered

# Presenters keep the controls one click away, so the map fills a 1280×720 projector.
controls = st.expander(t("view_settings", lang)) if ctx.presentation else st.container()
col_prov, col_kab, col_metric, col_base = controls.columns([1, 1, 1.2, 1])
region_select.pickers(regions_table, selected, lang, col_prov, col_kab)
metric = col_metric.selectbox(
    t("metric", lang), METRICS, format_func=lambda m: t(f"m_{m}", lang), key="metrik"
)
basemap = col_base.selectbox(
    t("basemap", lang),
    list(BASEMAPS),
    format_func=lambda b: t(f"basemap_{b}", lang),
    key="peta_dasar",
)

level = "regency" if province else "province"
layer_name = "regencies_detail" if province else "provinces_national"
shapes = layers.regencies_of(province) if province else layers.provinces_national
table = region_metrics(
    ctx.filtered, ctx.centres, ctx.ref, level, ctx.filters, codes=list(shapes["code"])
)
values = table[metric]
fills, legend = classify(
    values, lambda v: fmt_metric(metric, v, lang), t("legend_zero", lang), t("legend_no_data", lang)
)
labels = {
    code: (
        t("no_data_tooltip", lang, n=row["recorded"])
        if row["no_data"] and metric != "budget_rp"
        else f"{t(f'm_{metric}', lang)}: {fmt_metric(metric, row[metric], lang)}"
    )
    for code, row in table.iterrows()
}

fmap = base_map(basemap, shapes.total_bounds)
region_layer(
    shapes, layers.geometry_json(layer_name), fills, labels, name="wilayah", highlight=selected
).add_to(fmap)
add_legend(fmap, t(f"m_{metric}", lang), legend)
if province:
    points = scope if len(selected) == 2 else scope[scope["regency_code"] == selected]
    if 0 < len(points) <= MAX_MARKERS:
        prepared = marker_rows_for(ctx.version, lang)
        rows = [prepared[i] for i in points["id"]]
        popup_labels = [
            t(k, lang)
            for k in (
                "popup_commodity",
                "popup_reach",
                "popup_body",
                "popup_figures",
                "popup_status",
                "popup_approx",
            )
        ]
        centre_markers(rows, popup_labels).add_to(fmap)
        marker_note = t("markers_note", lang, n=len(rows), approx=approx_count(rows))
    else:
        marker_note = ""
else:
    marker_note = t("markers_national_note", lang)

result = st_folium(
    fmap,
    key=f"peta-{st.session_state.get('map_nonce', 0)}",
    returned_objects=["last_active_drawing"],
    height=470 if ctx.presentation else 460,
    use_container_width=True,
)
st.caption(f"{marker_note} {t('boundary_credit', lang)}")
context.headline_row(ctx, scope)
context.empty_state(ctx)

clicked = ((result or {}).get("last_active_drawing") or {}).get("properties", {}).get("code")
if clicked and clicked in regions_table.index and clicked != selected:
    region_select.go_to(clicked)
    st.rerun()
region_select.write_url()
url_state.write_back({"metrik": "sentra", "peta_dasar": "none"})
