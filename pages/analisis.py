"""Analisis: regions like the chosen one, where centres cluster in space, and which sectors
a region could grow next."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from sentra.formatting import fmt_number
from sentra.hotspot_view import (
    BASE_MEASURES,
    EXTENTS,
    PROBLEMS,
    SECTOR_PREFIX,
    draw,
    extents_for,
    measure_label,
    measures_for,
)
from sentra.hotspots import METHODS
from sentra.i18n import markdown, t
from sentra.relatedness import MIN_CELL_MEAN
from sentra.schema import SECTORS
from sentra.similarity import BASES, SCOPES
from ui import analysis, charts, context, region_select, url_state, widgets

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
selected = region_select.selected(regions)
place = region_select.display_name(regions, selected, lang) if selected else t("indonesia", lang)

col_title, col_find = st.columns([3, 2], vertical_alignment="bottom")
col_title.title(t("an_title", lang, place=place))
region_select.search_box(regions, selected, lang, col_find)
st.caption(t("an_intro", lang))
widgets.illustrative_note(ctx, widgets.illustrative_share(ctx.filtered))
if widgets.empty_state(ctx):
    context.end_page()

# -- Wilayah serupa ------------------------------------------------------------------------
st.subheader(t("an_similar_title", lang))
if not selected:
    st.info(t("an_pick_region", lang))
else:
    url_state.seed("dasar", BASES)
    url_state.seed("lingkup", SCOPES)
    left, right = st.columns(2)
    basis = left.radio(
        t("an_basis", lang),
        list(BASES),
        format_func=lambda b: t(BASES[b], lang),
        key="dasar",
        horizontal=True,
    )
    scope = "indonesia"
    if len(selected) > 2:  # a province is compared with the other provinces
        scope = right.radio(
            t("an_scope", lang),
            list(SCOPES),
            format_func=lambda s: t(SCOPES[s], lang),
            key="lingkup",
            horizontal=True,
        )
    part = analysis.similar_part(ctx, selected, basis, scope)
    if not part.peers.has_data:
        st.warning(t("an_similar_no_data", lang, place=place))
    elif part.table.empty:
        st.info(t("an_similar_none", lang))
    else:
        profile, why = t("an_col_profile", lang), t("an_col_why", lang)
        st.dataframe(
            part.table,
            hide_index=True,
            width="stretch",
            row_height=70,  # above 4rem Streamlit wraps text: the reasons take 2–3 lines
            column_config={
                why: st.column_config.TextColumn(why, width="large"),
                profile: st.column_config.LinkColumn(
                    profile, display_text=t("an_open_profile", lang)
                ),
            },
        )
        peers = list(part.peers.table.index)
        if st.button(
            t("an_open_compare", lang, n=min(len(peers), analysis.COMPARED_PEERS)),
            icon=":material/compare_arrows:",
        ):
            analysis.open_compare(selected, peers)
    notes = [t("an_similar_method", lang)]
    if part.peers.left_out:
        left_out = part.peers.left_out
        n = fmt_number(left_out, lang)
        if basis == "ukuran":
            notes.append(t("an_similar_left_out", lang, count=left_out, n=n))
        else:
            notes.append(t("an_similar_left_out_sector", lang, count=left_out, n=n))
    if ctx.filters.get("sektor") and basis != "ukuran":
        notes.append(t("an_similar_sector_filter", lang))
    st.caption(" ".join(notes))

# -- Titik panas ---------------------------------------------------------------------------
st.subheader(t("an_hotspot_title", lang))
imported = analysis.imported_measures()
extents = extents_for(selected)
url_state.seed("cakupan", {"", *EXTENTS})
if st.session_state["cakupan"] not in extents:
    st.session_state["cakupan"] = extents[0]
url_state.seed("nilai", {*BASE_MEASURES, *(SECTOR_PREFIX + s for s in SECTORS), *imported})
url_state.seed("statistik", METHODS)
col_extent, col_measure, col_method = st.columns([1.2, 1.2, 1])
extent = col_extent.selectbox(
    t("an_extent", lang),
    extents,
    format_func=lambda e: t(EXTENTS[e], lang),
    key="cakupan",
)
measures = measures_for(extent, {key: m.level for key, m in imported.items()})
if st.session_state["nilai"] not in measures:
    st.session_state["nilai"] = measures[0]
measure = col_measure.selectbox(
    t("an_measure", lang),
    measures,
    format_func=lambda m: measure_label(m, lang, analysis.imported_names(imported)),
    key="nilai",
)
method = col_method.radio(
    t("an_method", lang),
    list(METHODS),
    format_func=lambda m: t(METHODS[m], lang),
    key="statistik",
)
view = analysis.hotspot_part(ctx, selected, extent, measure, method, imported.get(measure))
if view.result.problem:
    st.info(t(PROBLEMS[view.result.problem], lang))
else:
    title = t("map_frame_title", lang, measure=view.legend_title, place=place)
    st_folium(
        draw(view, lang, title),
        key=f"titik-{extent}-{selected}-{measure}-{method}",
        returned_objects=[],
        height=440,
        use_container_width=True,
    )
    st.caption(f"{' '.join(view.notes)} {t('boundary_credit', lang)}")
    st.markdown(view.global_moran)
with st.expander(t("an_hs_meaning_title", lang), expanded=True):
    st.markdown(markdown("analisis", lang, "hotspots"))
if not view.result.problem:
    st.markdown(f"**{t('an_hs_table', lang)}**")
    st.dataframe(view.table, hide_index=True, width="stretch", height=300)

# -- Peluang sektor ------------------------------------------------------------------------
st.subheader(t("an_opportunity_title", lang))
density = analysis.commodity_density(ctx)
column = "sector"
if density >= MIN_CELL_MEAN:
    column = st.radio(
        t("an_relatedness_of", lang),
        ["sector", "commodity"],
        format_func=lambda c: t("an_col_sector" if c == "sector" else "an_col_commodity", lang),
        horizontal=True,
        key="an_relatedness_of",
    )
else:
    st.caption(
        t(
            "an_commodity_sparse",
            lang,
            mean=fmt_number(density, lang, 2),
            min=fmt_number(MIN_CELL_MEAN, lang, 0),
        )
    )
chances = analysis.opportunity_part(ctx, selected, column)
if not selected:
    st.info(t("an_pick_region_opportunities", lang))
elif chances.table is None:
    st.warning(t("an_opportunity_no_data", lang, place=place))
else:
    st.markdown(
        t("an_strengths", lang, place=place, strengths=chances.strengths)
        if chances.strengths
        else t("an_no_strengths", lang, place=place)
    )
    st.dataframe(chances.table, hide_index=True, width="stretch")
charts.plot(chances.figure, "analisis_keterkaitan")
st.caption(t("an_heatmap_star", lang))
st.markdown(
    markdown("analisis", lang, "relatedness").format(n=fmt_number(chances.space.regencies, lang))
)
if widgets.illustrative_share(ctx.centres) > 0:
    st.caption(t("an_illustrative_method", lang))
