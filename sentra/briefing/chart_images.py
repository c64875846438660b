"""A briefing ``Chart`` drawn by matplotlib as a PNG, for the PDF (PowerPoint gets native
charts instead), and the national counts by body as a picture for both. Tick labels are
written in the reader's locale."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from sentra.briefing.slides import Chart
from sentra.counts_by_source import CountSeries
from sentra.formatting import fmt_number
from sentra.i18n import t

COLOURS = ["#4f81bd", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"]
DPI = 160
_MARKERS = {"circle": "o", "square": "s", "triangle-up": "^", "diamond-open": "D"}


def _digits(number_format: str) -> int:
    """Decimals of an Excel number format: '#,##0' 0, '#,##0.0' 1, '0.00' 2."""
    return len(number_format.split(".")[1]) if "." in number_format else 0


def chart_png(chart: Chart, width_in: float, height_in: float, lang: str) -> bytes:
    digits = _digits(chart.number_format)

    def fmt(value: float, _pos: object = None) -> str:
        return fmt_number(value, lang, digits)

    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    ax = fig.subplots()
    n = len(chart.categories)
    positions = np.arange(n)
    values = [
        np.array([np.nan if v is None else v for v in vs], dtype=float) for _, vs in chart.series
    ]
    width = 0.8 / max(1, len(values))
    if chart.kind == "line":
        for i, ((name, _), ys) in enumerate(zip(chart.series, values, strict=True)):
            ax.plot(positions, ys, marker="o", color=COLOURS[i % len(COLOURS)], label=name)
    elif chart.kind == "stacked":
        bottom = np.zeros(n)
        for i, ((name, _), ys) in enumerate(zip(chart.series, values, strict=True)):
            ys = np.nan_to_num(ys)
            ax.bar(positions, ys, 0.7, bottom=bottom, color=COLOURS[i % len(COLOURS)], label=name)
            bottom += ys
    else:
        draw = ax.barh if chart.kind == "bar" else ax.bar
        for i, ((name, _), ys) in enumerate(zip(chart.series, values, strict=True)):
            offset = (i - (len(values) - 1) / 2) * width
            bars = draw(positions + offset, ys, width, color=COLOURS[i % len(COLOURS)], label=name)
            if len(values) == 1:
                ax.bar_label(bars, labels=[fmt(v) for v in ys], fontsize=8, padding=2)
    value_axis = ax.xaxis if chart.kind == "bar" else ax.yaxis
    value_axis.set_major_formatter(FuncFormatter(fmt))
    if chart.kind == "bar":
        ax.set_yticks(positions, chart.categories, fontsize=9)
        ax.invert_yaxis()  # largest first, at the top, as on the page
        ax.set_xlabel(chart.axis_title, fontsize=9)
        ax.grid(axis="x", color="#dddddd")
    else:
        ax.set_xticks(positions, chart.categories, fontsize=9)
        if n > 4 and max(len(c) for c in chart.categories) > 8:
            ax.tick_params(axis="x", labelrotation=25)
        ax.set_ylabel(chart.axis_title, fontsize=9)
        ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(chart.title, fontsize=11, fontweight="bold")
    if len(values) > 1:
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=min(4, len(values)),
            fontsize=8,
            frameon=False,
        )
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def counts_png(series: list[CountSeries], lang: str, width_in: float = 11.5) -> tuple[bytes, float]:
    """The About page's chart of national counts by body (``sentra.counts_by_source``):
    years on a true time axis, one line or point per body and definition, each value
    written beside its point; never a total. Returns the PNG and its width / height."""
    height_in = width_in / 2.6
    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    ax = fig.subplots()
    for s in series:
        style = s.style
        ax.plot(
            s.years,
            s.values,
            linestyle="-" if style.line else "none",
            linewidth=2,
            marker=_MARKERS.get(style.symbol, "o"),
            markersize=8,
            markerfacecolor="none" if style.symbol.endswith("-open") else style.colour,
            color=style.colour,
            label=t(style.label, lang),
        )
        for year, value in zip(s.years, s.values, strict=True):
            ax.annotate(
                fmt_number(value, lang),
                (year, value),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=9,
                color=style.colour,
            )
    years = sorted({y for s in series for y in s.years})
    ax.set_xticks(years, [str(y) for y in years], fontsize=9)
    ax.set_xlim(years[0] - 1, years[-1] + 1)
    ax.set_ylim(0, max(v for s in series for v in s.values) * 1.18)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_number(v, lang)))
    ax.set_xlabel(t("year", lang), fontsize=9)
    ax.set_ylabel(t("cbs_axis", lang), fontsize=9)
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8.5, frameon=False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue(), width_in / height_in
