"""Profil wilayah: headline numbers, sector mix, reach, budget, growth, centres and facts."""

from __future__ import annotations

import streamlit as st

from sentra import aggregate, regional_indicators, tables
from sentra.facts import readable_facts
from sentra.i18n import t
from sentra.schema import EXPORT_REACH, SECTORS, label
from ui import charts, context, region_select, widgets
from ui.briefing import briefing_button
from ui.per_person import per_person_row
from ui.regional import imported_indicators

PROFILE_COLUMNS = ("name", "kind", "sector", "commodity", "regency_code", "enterprises",
                   "workers", "turnover_rp", "export_reach", "data_status")  # fmt: skip

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
selected = region_select.selected(regions)

col_title, col_prov, col_kab, col_kec = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
title = region_select.display_name(regions, selected, lang) if selected else t("indonesia", lang)
col_title.title(title)
region_select.pickers(regions, selected, lang, col_prov, col_kab, col_kec)
if not selected:
    st.caption(t("profile_pick", lang))
elif len(selected) > 5:
    names = regions["name"]
    st.caption(t("kecamatan_in", lang, regency=names[selected[:5]], province=names[selected[:2]]))

centres = aggregate.scope(ctx.filtered, selected)
widgets.headline_row(ctx, selected)
per_person_row(ctx, selected)
briefing_button(ctx, "profil", (selected,) if selected else ())
source = t("source_store", lang, v=ctx.version)
illustrative = bool((centres["data_status"] == "ilustratif").any())

if not widgets.empty_state(ctx) and len(centres):
    left, right = st.columns(2)
    with left:
        sectors = aggregate.mix(centres, "sector").rename(lambda c: label(SECTORS, c, lang))
        fig = charts.bars(sectors.index, sectors.to_numpy(), value_title=t("count", lang),
                          horizontal=True)  # fmt: skip
        charts.show(fig, t("sector_mix", lang), source, lang, illustrative, "profil_sektor")
    with right:
        reach = aggregate.mix(centres, "export_reach").reindex([*EXPORT_REACH, "–"]).dropna()
        fig = charts.bars([label(EXPORT_REACH, c, lang) for c in reach.index], reach.to_numpy(),
                          value_title=t("count", lang))  # fmt: skip
        charts.show(fig, t("reach_mix", lang), source, lang, illustrative, "profil_pasar")

    left, right = st.columns(2)
    with left:
        budget = aggregate.budget_by_year(centres, ctx.ref, ctx.filters, selected)
        charts.budget_by_year(budget, source, lang, "profil_anggaran")
    with right:
        province = (selected or "")[:2]
        growth = aggregate.growth_series(ctx.ref, province, ctx.filters)
        growth["wilayah"] = growth["region_code"].map(
            lambda code: regions.at[code, "name"] if code else t("national", lang)
        )
        fig = charts.series(growth, "year", "value", "wilayah", kind="line",
                            x_title=t("year", lang), y_title=t("growth", lang))  # fmt: skip
        if selected and len(selected) >= 5:
            st.caption(t("growth_regency_note", lang, name=regions.at[province, "name"]))
        sources = "; ".join(sorted(set(growth.loc[growth["data_status"] == "sumber", "source"])))
        charts.show(
            fig,
            t("growth_over_time", lang),
            f"{source}; {sources}".strip("; "),
            lang,
            bool((growth["data_status"] == "ilustratif").any()),
            "profil_tumbuh",
        )

    st.subheader(t("centres_list", lang))
    rows = widgets.table_rows(centres, lang, "table_preview_profile")
    shown = tables.readable(rows, regions["name"], lang, PROFILE_COLUMNS)
    st.dataframe(shown, hide_index=True, width="stretch", height=320)

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
