"""National counts of sentra by the body that counted them, side by side and never added.

``geodata/sentra_counts_by_source.csv`` (a copy of ``../shared/data``) holds what Kemenkop UKM,
Kemenperin and BPS published over the years. Each body counts something else — Kemenkop UKM
*sentra UKM*, Kemenperin *sentra IKM* (at least five units making similar products in one
place, PP 29/2018), BPS *sentra industri* per village from the village census (Podes) — so
every series keeps its body, its definition and its sources, and no figure is ever the sum
of two bodies' counts. The chart is a plotly figure for the About page; the briefing draws
the same series (``sentra.briefing.chart_images.counts_png``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from sentra.facts import source_text
from sentra.formatting import fmt_number
from sentra.i18n import N_, t

COUNTS_FILE = Path(__file__).resolve().parent.parent / "geodata" / "sentra_counts_by_source.csv"
FONT = "Source Sans Pro, Arial, sans-serif"

# The rows that are national counts of sentra (unit "unit"); the file's other rows are
# parts of a count (Java, food), workers or business units and are not charted.
NATIONAL_COUNTS = frozenset(
    {
        "sentra UKM recorded nationally",
        "production centres in Indonesia",
        "sentra IKM nationally",
        "sentra industri nationally (publication Sentra Industri Indonesia 2020)",
        "sentra industri nationally",
    }
)


@dataclass(frozen=True)
class Style:
    label: str  # text key of the legend entry: body and definition
    colour: str  # Okabe–Ito, one colour per body
    symbol: str  # plotly marker symbol
    line: bool  # joined by a line (one body's count over the years) or a point alone


# (body, what it counted) -> how its series is drawn, in legend order.
STYLES: dict[tuple[str, str], Style] = {
    ("Kemenkop UKM", "sentra UKM"): Style(N_("cbs_kemenkop_ukm"), "#E69F00", "circle", True),
    ("Kemenkop UKM", "sentra produksi"): Style(
        N_("cbs_kemenkop_produksi"), "#E69F00", "diamond-open", False
    ),
    ("Kemenperin", "sentra IKM"): Style(N_("cbs_kemenperin"), "#0072B2", "square", True),
    ("BPS", "sentra industri"): Style(N_("cbs_bps"), "#009E73", "triangle-up", True),
}
BODIES = ("Kemenkop UKM", "Kemenperin", "BPS")


@dataclass(frozen=True)
class CountSeries:
    """One body's national count under one definition, as published (never combined)."""

    body: str
    counts: str  # what was counted, as the file says: "sentra IKM"
    years: tuple[int, ...]
    values: tuple[int, ...]
    sources: tuple[str, ...]  # one per value, as published (English words and all)

    @property
    def style(self) -> Style:
        return STYLES[(self.body, self.counts)]


@functools.cache
def read_counts(path: Path = COUNTS_FILE) -> pd.DataFrame:
    """The file as published: year, body, counts, indicator, value, unit, source."""
    return pd.read_csv(path, dtype={"value": "int64", "year": "int64"})


def national_series(frame: pd.DataFrame | None = None) -> list[CountSeries]:
    """The national counts of sentra, one series per body and definition, in legend order."""
    frame = read_counts() if frame is None else frame
    rows = frame[(frame["unit"] == "unit") & frame["indicator"].isin(NATIONAL_COUNTS)]
    unknown = set(zip(rows["body"], rows["counts"], strict=True)) - set(STYLES)
    if unknown:  # a new body or definition needs its own legend text, never a merge
        raise ValueError(f"no legend for the counts of {sorted(unknown)}")
    series = []
    for body, counts in STYLES:
        part = rows[(rows["body"] == body) & (rows["counts"] == counts)].sort_values("year")
        if len(part) and part["year"].duplicated().any():
            raise ValueError(f"{body} ({counts}): two national counts for one year")
        if len(part):
            series.append(
                CountSeries(
                    body,
                    counts,
                    tuple(int(y) for y in part["year"]),
                    tuple(int(v) for v in part["value"]),
                    tuple(part["source"]),
                )
            )
    return series


def title(lang: str) -> str:
    return t("cbs_title", lang)


def note(lang: str) -> str:
    """Why the series are not added: the bodies' definitions."""
    return t("cbs_note", lang)


def sources_lines(lang: str, series: list[CountSeries] | None = None) -> list[str]:
    """One line per body: its sources, in the reader's language."""
    series = national_series() if series is None else series
    lines = []
    for body in BODIES:
        sources = [
            source_text(source, lang) for s in series if s.body == body for source in s.sources
        ]
        if sources:
            shown = "; ".join(dict.fromkeys(sources))
            lines.append(t("cbs_sources_of", lang, body=body, sources=shown))
    return lines


@functools.cache
def figure(lang: str) -> go.Figure:
    """The chart: one trace per body and definition, values written in the reader's locale,
    each point's source in its hover. Shared between sessions: read only."""
    series = national_series()
    traces = []
    for s in series:
        values = [fmt_number(v, lang) for v in s.values]
        sources = [t("source_line", lang, source=source_text(x, lang)) for x in s.sources]
        traces.append(
            go.Scatter(
                x=list(s.years),
                y=list(s.values),
                name=t(s.style.label, lang),
                mode="lines+markers+text" if s.style.line else "markers+text",
                line={"color": s.style.colour, "width": 2.5},
                marker={"symbol": s.style.symbol, "size": 11, "color": s.style.colour},
                text=values,
                textposition="top center",
                textfont={"color": s.style.colour, "size": 12},
                customdata=list(zip(values, sources, strict=True)),
                hovertemplate="%{fullData.name}<br>%{x}: %{customdata[0]} "
                + t("unit_units", lang)
                + "<br>%{customdata[1]}<extra></extra>",
            )
        )
    years = sorted({y for s in series for y in s.years})
    top = max(v for s in series for v in s.values)
    layout = {
        "title": {
            "text": title(lang),
            "font": {"size": 17},
            "subtitle": {"text": t("cbs_subtitle", lang), "font": {"size": 11, "color": "#555"}},
        },
        "xaxis": {
            "title": {"text": t("year", lang)},
            "tickmode": "array",
            "tickvals": years,
            "range": [years[0] - 1, years[-1] + 1],
        },
        "yaxis": {
            "title": {"text": t("cbs_axis", lang)},
            "range": [0, top * 1.18],
            "tickformat": ",d",
        },
        "font": {"family": FONT, "size": 13},
        "margin": {"l": 10, "r": 10, "t": 90, "b": 40},
        "legend": {"orientation": "h", "y": -0.18, "yanchor": "top", "x": 0, "title": None},
        "separators": ",." if lang == "id" else ".,",
        "hovermode": "closest",
    }
    return go.Figure(traces, layout=layout)
