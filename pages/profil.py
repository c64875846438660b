"""Profil wilayah: headline numbers, sector mix, reach, budget, growth, centres and facts."""

from __future__ import annotations

import streamlit as st

from sentra import aggregate, regional_indicators
from sentra.escape import escape_markdown
from sentra.facts import readable_facts
from sentra.i18n import N_, t
from ui import charts, context, region_select, widgets
from ui.analysis import summary_of
from ui.briefing import briefing_button
from ui.per_person import per_person_row
from ui.profile_parts import profile_parts
from ui.regional import imported_indicators

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
selected = region_select.selected(regions)

col_title, col_find = st.columns([3, 2], vertical_alignment="bottom")
title = region_select.display_name(regions, selected, lang) if selected else t("indonesia", lang)
col_title.title(title)
region_select.search_box(regions, selected, lang, col_find)
st.markdown(escape_markdown(summary_of(ctx, selected).text))
if not selected:
    st.caption(t("profile_pick", lang))
elif len(selected) > 5:
    names = regions["name"]
    st.caption(t("kecamatan_in", lang, regency=names[selected[:5]], province=names[selected[:2]]))

centres = aggregate.scope(ctx.filtered, selected)
widgets.headline_row(ctx, selected)
per_person_row(ctx, selected)
briefing_button(ctx, "profil", (selected,) if selected else ())

if not widgets.empty_state(ctx) and len(centres):
    parts = profile_parts(ctx, selected)
    left, right = st.columns(2)
    with left:
        charts.plot(parts.sectors, "profil_sektor")
    with right:
        charts.plot(parts.reach, "profil_pasar")
    left, right = st.columns(2)
    with left:
        charts.plot(parts.budget, "profil_anggaran")
    with right:
        if selected and len(selected) >= 5:
            province = regions.at[selected[:2], "name"]
            st.caption(t("growth_regency_note", lang, name=province))
        charts.plot(parts.growth, "profil_tumbuh")

    st.subheader(t("centres_list", lang))
    widgets.rows_note(parts.total, lang, N_("table_preview_profile"))
    st.dataframe(parts.centres, hide_index=True, width="stretch", height=320)

st.subheader(t("facts_for_region", lang))
facts = aggregate.facts_for(ctx.ref.facts, selected)
if facts.empty:
    st.caption(t("no_facts", lang))
else:
    st.dataframe(readable_facts(facts, regions["name"], lang), hide_index=True, width="stretch")
imported = imported_indicators()
if len(imported.meta):
    st.subheader(t("imp_for_region", lang))
    if selected:
        codes = list(dict.fromkeys([selected, selected[:5], selected[:2]]))
        names = regions["name"].to_dict()
        shown = regional_indicators.readable(imported, codes, names, lang)
        st.dataframe(shown, hide_index=True, width="stretch")
    else:
        st.caption(t("profile_pick", lang))
