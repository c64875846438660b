"""Plotly charts with title, units, source line and the illustrative mark built in."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from sentra.i18n import t

FONT = "Source Sans Pro, Arial, sans-serif"


def show(fig: go.Figure, title: str, source: str, lang: str, illustrative: bool, key: str) -> None:
    """Title and source go into the figure itself, so the PNG download keeps them."""
    note = f" · {t('chart_illustrative', lang)}" if illustrative else ""
    fig.update_layout(
        title={"text": title, "font": {"size": 17}},
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 80, "b": 60},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "title": None},
        separators=",." if lang == "id" else ".,",
    )
    fig.add_annotation(
        text=t("source_line", lang, source=source) + note,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-55,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font={"size": 11, "color": "#555"},
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
