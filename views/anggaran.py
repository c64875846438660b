"""Anggaran & pertumbuhan: budget per region, year and source; per centre; growth vs budget."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from sentra import aggregate
from sentra.formatting import fmt_rupiah
from sentra.i18n import t
from sentra.indicators import budgets_of, region_metrics
from sentra.schema import FUNDING_SOURCES, label
from ui import charts, context

ctx = context.get()
lang = ctx.lang
names = ctx.ref.regions["name"].to_dict()
st.title(t("page_budget", lang))
context.headline_row(ctx, ctx.filtered)
if context.empty_state(ctx):
    st.stop()

source = t("source_store", lang, v=ctx.version)
budgets = budgets_of(ctx.filtered, ctx.ref, ctx.filters).assign(
    provinsi=lambda d: d["region_code"].str[:2].map(names),
    sumber=lambda d: d["funding_source"].map(lambda c: label(FUNDING_SOURCES, c, lang)),
    miliar=lambda d: d["amount_rp"] / 1e9,
)

by_province = budgets.groupby(["provinsi", "sumber"], as_index=False)["miliar"].sum()
order = by_province.groupby("provinsi")["miliar"].sum().sort_values(ascending=False).index
fig = px.bar(
    by_province,
    y="provinsi",
    x="miliar",
    color="sumber",
    orientation="h",
    category_orders={"provinsi": list(order)},
    labels={"provinsi": "", "miliar": t("amount_billion", lang), "sumber": ""},
)
fig.update_layout(height=760)
charts.show(fig, t("budget_by_region", lang), source, lang, True, "anggaran_provinsi")

left, right = st.columns(2)
with left:
    by_year = aggregate.budget_by_year(ctx.filtered, ctx.ref, ctx.filters)
    charts.budget_by_year(by_year, source, lang, "anggaran_tahun")
with right:
    table = region_metrics(ctx.filtered, ctx.centres, ctx.ref, "province", ctx.filters)
    table = table.dropna(subset=["growth_pct"]).assign(
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
per_centre = budgets.groupby("centre_id")["amount_rp"].sum().nlargest(25)
centres = ctx.filtered.set_index("id").loc[per_centre.index]
st.dataframe(
    {
        t("field_name", lang): centres["name"].to_numpy(),
        t("field_regency", lang): centres["regency_code"].map(names).to_numpy(),
        t("budget_total", lang): [fmt_rupiah(v, lang) for v in per_centre],
    },
    hide_index=True,
    width="stretch",
)
context.illustrative_note(ctx, 1.0)
