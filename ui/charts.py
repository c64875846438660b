"""Plotly charts with title, units, source line and the illustrative mark built in."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from sentra.i18n import t

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
