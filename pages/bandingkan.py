"""Bandingkan: 2–4 regions of any level side by side, absolute and normalised."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sentra import aggregate, regional_indicators
from sentra.formatting import fmt_metric, fmt_number, fmt_percent
from sentra.i18n import t
from ui import charts, context, url_state, widgets
from ui.briefing import briefing_button
from ui.regional import imported_indicators

ctx = context.get()
lang = ctx.lang
regions = ctx.ref.regions
names = regions["name"].to_dict()
# Each province, then its regencies by name, each followed by its kecamatan.
ordered = sorted(
    regions.index,
    key=lambda c: (c[:2], names[c[:5]] if len(c) > 2 else "", len(c), names[c]),
)


def _label(code: str) -> str:
    parent = code[:2] if len(code) == 5 else code[:5]
    return names[code] if len(code) == 2 else f"{names[code]} ({names[parent]})"


url_state.seed_list("bandingkan", set(regions.index))
st.title(t("page_compare", lang))
codes = st.multiselect(
    t("compare_pick", lang),
    ordered,
    key="bandingkan",
    max_selections=4,
    format_func=_label,
    placeholder=t("compare_placeholder", lang),
)
if len(codes) < 2:
    st.info(t("compare_need_two", lang))
    context.end_page()

table = aggregate.comparison(codes, ctx.filtered, ctx.centres, ctx.ref, ctx.filters)
briefing_button(ctx, "bandingkan", tuple(codes))
columns = [names[c] for c in codes]


def _rows(metrics: tuple[str, ...], formatter) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw and formatted values, a row per metric; a missing value reads "no data" (so the
    table's download has it too, not a bare dash)."""
    values = table[list(metrics)].T
    values.columns = columns
    no_data = t("legend_no_data", lang)
    shown = values.apply(
        lambda row: row.map(lambda v: no_data if pd.isna(v) else formatter(row.name, v)), axis=1
    )
    return values, shown


def _highlight(values: pd.DataFrame, shown: pd.DataFrame):
    """The highest of each row, where every region has a figure (the only known value of a
    row is not the highest)."""
    numbers = values.astype(float)
    best = numbers.eq(numbers.max(axis=1), axis=0) & numbers.notna().all(axis=1).to_numpy()[:, None]
    return shown.style.apply(
        lambda _: best.map(lambda b: "background-color:#fde0a6;font-weight:600" if b else ""),
        axis=None,
    )


st.subheader(t("compare_absolute", lang))
values, shown = _rows(aggregate.COMPARED, lambda m, v: fmt_metric(m, v, lang))
shown.index = values.index = [t(f"m_{m}", lang) for m in aggregate.COMPARED]
# st.table, not st.dataframe: its cells wrap, so a phone shows every region's column
st.table(_highlight(values, shown))
st.caption(t("population_source", lang))
published = aggregate.cluster_sources(ctx.ref, lang)
if table["klaster"].isna().any():
    st.caption(t("klaster_no_data_help", lang, published=published))
st.subheader(t("compare_normalised", lang))
shared = aggregate.shared_measures(ctx.ref)  # a share of an unknown total is not a number
values, shown = _rows(tuple(f"{m}_share" for m in shared), lambda m, v: fmt_percent(v, lang, 2))
shown.index = values.index = [f"{t('m_' + m, lang)} — {t('share_national', lang)}" for m in shared]
st.table(_highlight(values, shown))
st.caption(t("highest", lang))
if "klaster" not in shared:
    st.caption(t("compare_no_cluster_share", lang, published=published))
widgets.illustrative_note(ctx, widgets.illustrative_share(ctx.filtered))
imported = imported_indicators()
if len(imported.meta):
    st.subheader(t("ind_title", lang))
    shown = regional_indicators.readable(imported, codes, names, lang)
    st.table(shown, hide_index=True)

long = table[[f"{m}_share" for m in shared]].rename(
    columns=lambda m: t(f"m_{m.removesuffix('_share')}", lang)
)
long.index = columns
long = long.reset_index(names=t("region", lang)).melt(id_vars=t("region", lang))
fig = charts.series(
    long,
    "variable",
    "value",
    t("region", lang),
    barmode="group",
    x_title="",
    y_title=t("share_national", lang),
)
source = t("source_store", lang, v=ctx.version)
charts.show(fig, t("share_national", lang), source, lang, True, "bandingkan_pangsa")

density = table["density"].rename(index=names)
fig = charts.bars(
    density.index,
    density.to_numpy(),
    value_title=t("per_1000km2", lang),
    text=[fmt_number(v, lang, 1) for v in density],
)
charts.show(fig, t("per_1000km2", lang), source, lang, True, "bandingkan_padat")
