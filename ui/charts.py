"""Plotly charts with title, units, source line and the illustrative mark built in."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from sentra.i18n import t
from sentra.schema import FUNDING_SOURCES, label

FONT = "Source Sans Pro, Arial, sans-serif"


def _hover(x_title: str, y_title: str, horizontal: bool = False) -> str:
    """Hover text of one trace of a group: its name, then category and value with titles."""
    category, value = ("%{y}", "%{x}") if horizontal else ("%{x}", "%{y}")
    shown = f"{x_title}: {category}" if x_title else category
    return f"%{{fullData.name}}<br>{shown}<br>{y_title}: {value}<extra></extra>"


def bars(
    categories: Sequence,
    values: Sequence[float],
    *,
    value_title: str,
    horizontal: bool = False,
    text: Sequence[str] | None = None,
) -> go.Figure:
    """One bar per category, in the order given (horizontal: the first on top).

    Charts are built from graph objects with their whole layout given at once: a
    plotly.express figure and each ``update_*`` call cost server time on every rerun
    (docs/performance.md)."""
    value_axis = {"title": {"text": value_title}}
    if horizontal:
        bar = go.Bar(
            x=values,
            y=categories,
            orientation="h",
            text=text,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
        return go.Figure(bar, layout={"xaxis": value_axis, "yaxis": {"autorange": "reversed"}})
    bar = go.Bar(x=categories, y=values, text=text, hovertemplate="%{x}: %{y}<extra></extra>")
    return go.Figure(bar, layout={"yaxis": value_axis})


def series(
    frame: pd.DataFrame,
    x: str,
    y: str,
    group: str,
    *,
    x_title: str,
    y_title: str,
    kind: str = "bar",
    barmode: str = "relative",
    horizontal: bool = False,
) -> go.Figure:
    """One trace per value of ``group`` (in order of first appearance), as stacked or grouped
    bars (``barmode``) or lines with markers (``kind="line"``); the legend names the groups.
    Categories keep the frame's order (horizontal: the first on top)."""
    traces = []
    hover = _hover(x_title, y_title, horizontal)
    for name, part in frame.groupby(group, sort=False, observed=True):
        xs, ys = part[x].to_numpy(), part[y].to_numpy()
        if kind == "line":
            trace = go.Scatter(x=xs, y=ys, mode="lines+markers", name=str(name))
        elif horizontal:
            trace = go.Bar(x=ys, y=xs, orientation="h", name=str(name))
        else:
            trace = go.Bar(x=xs, y=ys, name=str(name))
        traces.append(trace.update(hovertemplate=hover))
    categories = {
        "title": {"text": x_title},
        "categoryorder": "array",
        "categoryarray": list(dict.fromkeys(frame[x])),
    }
    values = {"title": {"text": y_title}}
    if horizontal:
        axes = {"xaxis": values, "yaxis": categories | {"autorange": "reversed"}}
    else:
        axes = {"xaxis": categories, "yaxis": values}
    return go.Figure(traces, layout={"barmode": barmode, **axes})


def finish(fig: go.Figure, title: str, source: str, lang: str, illustrative: bool) -> go.Figure:
    """The figure with its title and source (as subtitle) inside it, so the PNG download
    keeps them. A new figure with the whole layout, not ``update_layout`` (see ``bars``).
    Plotly does not wrap titles: they are wrapped here at a phone's width (a chart 390 px
    wide holds ~44 characters of the title, ~60 of the source), and "illustrative" comes
    first."""
    note = f"{t('chart_illustrative', lang)} · " if illustrative else ""
    title_lines = textwrap.wrap(title, 44) or [""]
    source_lines = textwrap.wrap(note + t("source_line", lang, source=source), 60) or [""]
    frame = {
        "title": {
            "text": "<br>".join(title_lines),
            "font": {"size": 17},
            "subtitle": {
                "text": "<br>".join(source_lines),
                "font": {"size": 11, "color": "#555"},
            },
        },
        "font": {"family": FONT, "size": 13},
        "margin": {
            "l": 10,
            "r": 10,
            "t": 76 + 20 * (len(title_lines) - 1) + 14 * len(source_lines),
            "b": 110,
        },
        "legend": {"orientation": "h", "y": -0.22, "yanchor": "top", "x": 0, "title": None},
        "separators": ",." if lang == "id" else ".,",
    }
    layout = fig.layout.to_plotly_json()
    frame["xaxis"] = layout.get("xaxis", {}) | _wrapped_ticks(fig) | {"automargin": True}
    frame["yaxis"] = layout.get("yaxis", {}) | {"automargin": True}
    return go.Figure(fig.data, layout=layout | frame)


TICK_WIDTH = 10  # characters of a category name per line under a vertical chart


def _wrapped_ticks(fig: go.Figure) -> dict:
    """Category names under vertical bars, wrapped at spaces: plotly tilts names that do
    not fit side by side, and on a phone tilted names run into the legend and off the
    chart. The categories themselves (hover, downloads) stay as they are."""
    names = list(
        dict.fromkeys(
            value
            for trace in fig.data
            if isinstance(trace, go.Bar) and trace.orientation != "h" and trace.x is not None
            for value in trace.x
        )
    )
    if not all(isinstance(name, str) for name in names):  # years, say: plotly's own ticks
        return {}
    if not any(len(name) > TICK_WIDTH for name in names):
        return {}
    wrap = functools.partial(
        textwrap.wrap, width=TICK_WIDTH, break_long_words=False, break_on_hyphens=False
    )
    text = ["<br>".join(wrap(name)) for name in names]
    return {"tickmode": "array", "tickvals": names, "ticktext": text}


def plot(fig: go.Figure, key: str) -> None:
    """A finished figure on the page (read only: figures may be shared between sessions)."""
    st.plotly_chart(
        fig,
        width="stretch",
        key=key,
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": key, "scale": 2},
        },
    )


def show(fig: go.Figure, title: str, source: str, lang: str, illustrative: bool, key: str) -> None:
    plot(finish(fig, title, source, lang, illustrative), key)


def budget_figure(budget: pd.DataFrame, source: str, lang: str) -> go.Figure:
    """Stacked budget per year and funding source (rows: year, funding_source, amount_rp)."""
    shown = budget.assign(
        miliar=budget["amount_rp"] / 1e9,
        funding_source=budget["funding_source"].map(lambda c: label(FUNDING_SOURCES, c, lang)),
    )
    fig = series(
        shown,
        "year",
        "miliar",
        "funding_source",
        x_title=t("year", lang),
        y_title=t("amount_billion", lang),
    )
    return finish(fig, t("budget_by_year", lang), source, lang, True)
