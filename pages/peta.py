"""Peta: choropleth of a chosen measure; click a province to see its regencies, a regency to
see its kecamatan and centres."""

from __future__ import annotations

import functools

import streamlit as st
from streamlit_folium import st_folium

from sentra.coverage import COVERAGE_METRIC
from sentra.i18n import t
from sentra.indicators import METRICS
from sentra.map_motion import YearChoice
from sentra.map_view import draw, year_rows
from sentra.regional_indicators import PREFIX
from ui import context, map_year, region_select, url_state, widgets
from ui.briefing import briefing_button
from ui.cached import boundary_layers, explorer_view
from ui.map_picture import picture_button
from ui.regional import imported_indicators

ctx = context.get()
lang = ctx.lang
layers = boundary_layers()
regions_table = layers.all_regions

selected = region_select.selected(regions_table)
imported = imported_indicators()
measures = [*METRICS, COVERAGE_METRIC, *imported.keys()]
url_state.seed("metrik", measures)

title_col, back_col = st.columns([3, 1.3], vertical_alignment="bottom")
if selected:
    crumbs = [selected[:n] for n in (2, 5, 8) if n <= len(selected)]
    title_col.title(
        " › ".join(
            region_select.display_name(regions_table, c, lang, short=len(crumbs) > 2)
            for c in crumbs
        )
    )
    up = region_select.parent_of(selected)
    back = t("back_to", lang, name=region_select.short_name(regions_table, up)) if up else None
    back_col.button(
        back or t("back_to_indonesia", lang),
        help=t("back_to_help", lang, name=regions_table.at[up, "name"]) if up else None,
        on_click=region_select.go_to,
        args=(up,),
    )
else:
    title_col.title(t("app_title", lang))

# Presenters keep the controls one click away, so the map fills a 1280×720 projector.
controls = (
    st.expander(t("view_settings", lang)) if ctx.presentation else st.container(key="map_controls")
)
col_find, col_metric = controls.columns([2, 1.2])
region_select.search_box(regions_table, selected, lang, col_find)
metric = col_metric.selectbox(
    t("metric", lang),
    measures,
    format_func=lambda m: imported.row(m)["name"] if m.startswith(PREFIX) else t(f"m_{m}", lang),
    key="metrik",
    persist_state="session",
)
# an imported regional indicator: every year rides with the map (its year control)
measure = imported.measure(metric) if metric.startswith(PREFIX) else None
view = explorer_view(ctx, selected, metric, measure)
year = map_year.chosen(view.frames)
place = region_select.display_name(regions_table, selected, lang) if selected else "Indonesia"
map_key = f"peta-{st.session_state.get('map_nonce', 0)}"
widgets.skip_to("tabel-peta", t("skip_map", lang))
st_folium(
    draw(view, lang, t("map_frame_title", lang, measure=view.legend_title, place=place)),
    key=map_key,
    returned_objects=["last_active_drawing"],
    height=470 if ctx.presentation else 460,
    use_container_width=True,
    feature_group_to_add=YearChoice(year) if view.frames is not None else None,
    on_change=functools.partial(map_year.map_changed, map_key, regions_table.index),
    render=False,  # st_folium renders the map itself; a full page render first is wasted
)
st.caption(f"{view.note} {t('basemap_note', lang)} {t('boundary_credit', lang)}")
widgets.skip_target("tabel-peta")
with st.expander(t("map_table", lang)):  # the same regions, values and classes, for keyboards
    if year is None:
        widgets.plain_table(view.rows)
    else:
        st.caption(view.frames.title_of(year))
        widgets.plain_table(year_rows(view.frames, year, lang))
if measure is not None and measure.level == "regency" and not selected:
    st.caption(t("imp_level_note", lang))
widgets.headline_row(ctx, selected)
col_brief, col_picture = st.columns(2)
with col_brief:
    briefing_button(ctx, "peta", (selected,) if selected else (), metric, year)
with col_picture:
    picture_button(ctx, selected, metric, measure, year)
widgets.empty_state(ctx)
