"""Plotly charts with title, units, source line and the illustrative mark built in."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from sentra.i18n import t
from sentra.schema import FUNDING_SOURCES, label

FONT = "Source Sans Pro, Arial, sans-serif"


def show(fig: go.Figure, title: str, source: str, lang: str, illustrative: bool, key: str) -> None:
    """Title and source (as subtitle) live in the figure itself, so the PNG download keeps them."""
    note = f" · {t('chart_illustrative', lang)}" if illustrative else ""
    fig.update_layout(
        title={
            "text": title,
            "font": {"size": 17},
            "subtitle": {
                "text": t("source_line", lang, source=source) + note,
                "font": {"size": 11, "color": "#555"},
            },
        },
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 90, "b": 110},
        legend={"orientation": "h", "y": -0.22, "yanchor": "top", "x": 0, "title": None},
        separators=",." if lang == "id" else ".,",
    )
    st.plotly_chart(
        fig,
        width="stretch",
        key=key,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": key, "scale": 2},
        },
    )


def budget_by_year(budget: pd.DataFrame, source: str, lang: str, key: str) -> None:
    """Stacked budget per year and funding source (rows: year, funding_source, amount_rp)."""
    shown = budget.assign(
        miliar=budget["amount_rp"] / 1e9,
        funding_source=budget["funding_source"].map(lambda c: label(FUNDING_SOURCES, c, lang)),
    )
    fig = px.bar(
        shown,
        x="year",
        y="miliar",
        color="funding_source",
        labels={
            "year": t("year", lang),
            "miliar": t("amount_billion", lang),
            "funding_source": t("funding_source", lang),
        },
    )
    show(fig, t("budget_by_year", lang), source, lang, True, key)
