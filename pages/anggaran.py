"""Anggaran & pertumbuhan: budget per region, year and source; per centre; growth vs budget."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from sentra import aggregate
from sentra.formatting import fmt_rupiah
from sentra.i18n import t
from sentra.schema import FUNDING_SOURCES, label
from ui import charts, context, widgets

ctx = context.get()
lang = ctx.lang
names = ctx.ref.regions["name"].to_dict()
st.title(t("page_budget", lang))
widgets.headline_row(ctx)
if widgets.empty_state(ctx):
    context.end_page()

source = t("source_store", lang, v=ctx.version)
by_province = aggregate.budget_by_province(ctx.filtered, ctx.ref, ctx.filters).assign(
    provinsi=lambda d: d["province_code"].map(names),
    sumber=lambda d: d["funding_source"].map(lambda c: label(FUNDING_SOURCES, c, lang)),
    miliar=lambda d: d["amount_rp"] / 1e9,
)
fig = charts.series(
    by_province,
    "provinsi",
    "miliar",
    "sumber",
    horizontal=True,
    x_title="",
    y_title=t("amount_billion", lang),
)
fig.update_layout(height=760)
charts.show(fig, t("budget_by_region", lang), source, lang, True, "anggaran_provinsi")

left, right = st.columns(2)
with left:
    by_year = aggregate.budget_by_year(ctx.filtered, ctx.ref, ctx.filters)
    charts.plot(charts.budget_figure(by_year, source, lang), "anggaran_tahun")
with right:
    table = aggregate.growth_and_budget(ctx.filtered, ctx.centres, ctx.ref, ctx.filters).assign(
        provinsi=lambda d: d.index.map(names), miliar=lambda d: d["budget_rp"] / 1e9
    )
    fig = px.scatter(
        table,
        x="miliar",
        y="growth_pct",
        size="centres",
        hover_name="provinsi",
        labels={
            "miliar": t("amount_billion", lang),
            "growth_pct": t("growth", lang),
            "centres": t("centres_count", lang),
        },
    )
    charts.show(fig, t("growth_vs_budget", lang), source, lang, True, "anggaran_tumbuh")

st.subheader(t("budget_per_centre", lang))
top = aggregate.top_funded_centres(ctx.filtered, ctx.ref, ctx.filters)
st.dataframe(
    {
        t("field_name", lang): top["name"],
        t("field_regency", lang): top["regency_code"].map(names),
        t("budget_total", lang): top["amount_rp"].map(lambda v: fmt_rupiah(v, lang)),
    },
    hide_index=True,
    width="stretch",
)
widgets.illustrative_note(ctx, 1.0)
