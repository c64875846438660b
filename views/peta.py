"""Peta: choropleth of a chosen measure; click a province to see its regencies and centres."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from sentra.i18n import t
from sentra.indicators import METRICS
from sentra.map_build import BASEMAPS
from sentra.map_view import draw
from ui import context, region_select, url_state
from ui.cached import boundary_layers, explorer_view

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

map_key = f"peta-{st.session_state.get('map_nonce', 0)}"


def on_click() -> None:
    """A click on a region selects it before the page runs: one run, not two."""
    value = st.session_state.get(map_key) or {}
    clicked = ((value.get("last_active_drawing") or {}).get("properties") or {}).get("code")
    if clicked and clicked in regions_table.index and clicked != selected:
        region_select.go_to(clicked)


view = explorer_view(ctx, selected, metric)
st_folium(
    draw(view, basemap, lang),
    key=map_key,
    returned_objects=["last_active_drawing"],
    on_change=on_click,
    height=470 if ctx.presentation else 460,
    use_container_width=True,
    render=False,  # st_folium renders the map itself; a full page render first is wasted
)
st.caption(f"{view.note} {t('boundary_credit', lang)}")
context.headline_row(ctx, scope)
context.empty_state(ctx)
region_select.write_url()
url_state.write_back({"metrik": "sentra", "peta_dasar": "none"})
