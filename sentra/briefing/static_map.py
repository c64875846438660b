"""The map of a briefing as a PNG: the dashboard's choropleth drawn by geopandas and
matplotlib, with legend, scale bar and boundary credit — no browser, no tiles, no internet.

Colours and legend are the dashboard map's (``sentra.choropleth.classify``, or the map
page's measure with its years).
Figures are built without pyplot (no global state), so server threads can draw at once.
"""

from __future__ import annotations

import io
import math
from collections.abc import Collection, Mapping

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib_scalebar.scalebar import ScaleBar
from PIL import Image

from sentra.choropleth import NO_DATA_FILL, NO_DATA_HATCH

SEA = "#e8f0f6"
LAND = "#f4f4f1"
BORDER = "#4d4d4d"
HIGHLIGHT = "#d62728"
METRES_PER_DEGREE = 111_320  # along the equator; times cos(latitude) for longitude
DPI = 150


def map_png(
    shapes: gpd.GeoDataFrame,
    fills: Mapping[str, str],
    legend: list[tuple[str, str]],
    legend_title: str,
    credit: str,
    highlight: Collection[str] = (),
    outlines: gpd.GeoDataFrame | None = None,
    context: gpd.GeoDataFrame | None = None,
) -> tuple[bytes, float]:
    """PNG bytes and width/height ratio of ``shapes`` (``code`` column) in their ``fills``
    (code → colour, as the dashboard's map colours them), with the ``legend`` (colour,
    label) beside it. ``highlight`` codes of ``shapes`` get a red outline; ``outlines``
    (code, geometry) are extra red outlines, e.g. regencies compared on a province map;
    ``context`` is drawn in grey beneath (the neighbouring provinces around a province map,
    so land is not mistaken for sea)."""
    minx, miny, maxx, maxy = shapes.total_bounds
    mid_lat = (miny + maxy) / 2
    stretch = 1 / math.cos(math.radians(mid_lat))  # what geopandas' aspect does
    aspect = (maxx - minx) / ((maxy - miny) * stretch)
    width = 9.0  # the map itself; the legend goes to its right
    fig = Figure(figsize=(width, max(3.0, min(width / aspect, 7.0))), dpi=DPI)
    ax = fig.subplots()
    fig.patch.set_facecolor("white")
    plot_regions(ax, shapes, fills, highlight, outlines, context)
    ax.legend(  # beside the map, so it never hides land
        handles=legend_handles(legend),
        title=legend_title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=12,
        title_fontsize=13,
        frameon=False,
    )
    ax.add_artist(scale_bar(mid_lat, 11))
    ax.text(
        0.0,
        -0.01,
        credit,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=10,
        color="#333333",
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.05)
    with Image.open(io.BytesIO(out.getvalue())) as image:
        return out.getvalue(), image.width / image.height


def plot_regions(
    ax: Axes,
    shapes: gpd.GeoDataFrame,
    fills: Mapping[str, str],
    highlight: Collection[str] = (),
    outlines: gpd.GeoDataFrame | None = None,
    context: gpd.GeoDataFrame | None = None,
) -> None:
    """``shapes`` (``code`` column) on ``ax`` in their ``fills`` (code → colour; missing:
    "no data", hatched as on the dashboard's map), over the sea, with ``context`` in grey
    beneath and red outlines for ``highlight`` codes and ``outlines``; fitted to the shapes."""
    colours = [fills.get(code, NO_DATA_FILL) for code in shapes["code"]]
    minx, miny, maxx, maxy = shapes.total_bounds
    ax.set_facecolor(SEA)
    if context is not None:
        context.plot(ax=ax, color=LAND, edgecolor="#bbbbbb", linewidth=0.4)
    shapes.plot(ax=ax, color=colours, edgecolor=BORDER, linewidth=0.4)
    missing = shapes[[colour == NO_DATA_FILL for colour in colours]]
    if len(missing):  # "no data" hatched as well as grey, as on the dashboard's map
        missing.plot(ax=ax, facecolor="none", edgecolor=NO_DATA_HATCH, hatch="///", linewidth=0)
    chosen = shapes[shapes["code"].isin(list(highlight))]
    if len(chosen):
        chosen.boundary.plot(ax=ax, color=HIGHLIGHT, linewidth=2.2)
    if outlines is not None and len(outlines):
        outlines.boundary.plot(ax=ax, color=HIGHLIGHT, linewidth=1.8)
    pad_x, pad_y = (maxx - minx) * 0.02, (maxy - miny) * 0.03
    ax.set_xlim(minx - pad_x, maxx + pad_x)
    ax.set_ylim(miny - pad_y, maxy + pad_y)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def legend_handles(legend: list[tuple[str, str]]) -> list[Patch]:
    """Legend rows (colour, label) as patches, "no data" hatched."""
    return [
        Patch(
            facecolor=c,
            edgecolor="#777777",
            hatch="///" if c == NO_DATA_FILL else None,
            label=text,
        )
        for c, text in legend
    ]


def scale_bar(mid_lat: float, fontsize: float, length_fraction: float = 0.18) -> ScaleBar:
    """A scale bar in kilometres for a map in degrees around latitude ``mid_lat``."""
    return ScaleBar(
        METRES_PER_DEGREE * math.cos(math.radians(mid_lat)),
        units="m",
        location="lower left",
        length_fraction=length_fraction,
        box_alpha=0.8,
        rotation="horizontal-only",
        font_properties={"size": fontsize},
        scale_formatter=_kilometres,
    )


def _kilometres(value: float, unit: str) -> str:
    """Distances in m and km as people read them: '1000 km', never '1 Mm'."""
    return f"{value * 1000:g} km" if unit == "Mm" else f"{value:g} {unit}"
