"""A picture of the map, for a group chat or a poster: the map page's view (region, measure,
filters, language, and the year if one is chosen) as a PNG with title, legend, scale bar,
north arrow, sources and, where the figures are illustrative, a note saying so.

Drawn by geopandas and matplotlib with the briefing map's pieces
(``sentra.briefing.static_map``): no browser, no tiles, no internet. The colours and
classes are the map page's own (``sentra.map_view.map_measure``).
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd
from matplotlib.figure import Figure

from sentra.briefing.content import describe_filters, illustrative_figures
from sentra.briefing.static_map import legend_handles, plot_regions, scale_bar
from sentra.filters import Filters
from sentra.formatting import fmt_date
from sentra.i18n import t
from sentra.indicators import Reference
from sentra.map_view import MapLayers, MapMeasure
from sentra.regional_indicators import ImportedMeasure


@dataclass(frozen=True)
class Size:
    width_px: int
    height_px: int
    dpi: int

    @property
    def inches(self) -> tuple[float, float]:
        # a tenth of a pixel more: matplotlib truncates the page to whole pixels
        return (self.width_px + 0.1) / self.dpi, (self.height_px + 0.1) / self.dpi


# "layar": a full-HD screen or chat picture; "a3": an A3 landscape poster (420 × 297 mm)
# at 300 dpi.
SIZES = {"layar": Size(1920, 1080, 150), "a3": Size(4961, 3508, 300)}
NOTE_COLOUR = "#8a4b00"  # the illustrative note: dark orange on white (contrast 7:1)


@dataclass(frozen=True)
class Picture:
    """What the picture shows; every text already in the reader's language."""

    shapes: gpd.GeoDataFrame  # code, geometry
    fills: dict[str, str]
    legend: list[tuple[str, str]]
    legend_title: str
    title: str
    subtitle: str
    sources: list[str]
    note: str  # the illustrative note, or ""
    north: str  # the north arrow's letter
    highlight: tuple[str, ...] = ()
    context: gpd.GeoDataFrame | None = None  # drawn in grey beneath (neighbouring land)


def place_name(names: pd.Series, code: str | None, lang: str) -> str:
    """'Kec. Wiradesa, Kabupaten Pekalongan, Jawa Tengah'; 'Indonesia' for None."""
    if not code:
        return t("indonesia", lang)
    parts = [str(names[code[:n]]) for n in (5, 2) if n < len(code)]
    own = t("kecamatan_prefix", lang, name=names[code]) if len(code) > 5 else str(names[code])
    return ", ".join([own, *parts])


def picture_of(
    measure: MapMeasure,
    place: str,
    filters: Filters,
    lang: str,
    today: date,
    version: int,
    shows_illustrative: bool,
    year: int | None = None,
    highlight: Collection[str] = (),
    context: gpd.GeoDataFrame | None = None,
) -> Picture:
    """The picture of a map page's ``measure`` (one ``year`` of its frames if given)."""
    fills, legend, legend_title, note = measure.shown(year)
    subtitle = " · ".join(
        [
            t("brief_filters", lang, filters=describe_filters(filters, lang)),
            t("brief_date", lang, date=fmt_date(today, lang)),
        ]
    )
    sources = [
        t("source_line", lang, source=t("source_store", lang, v=version)),
        *([note] if note else []),
        t("boundary_credit", lang),
    ]
    return Picture(
        shapes=measure.level.shapes,
        fills=fills,
        legend=legend,
        legend_title=legend_title,
        title=t("brief_map_title", lang, metric=legend_title, region=place),
        subtitle=subtitle,
        sources=sources,
        note=t("img_illustrative", lang) if shows_illustrative else "",
        north=t("img_north", lang),
        highlight=tuple(highlight),
        context=context,
    )


def _wrap(text: str, width_in: float, points: float) -> str:
    """``text`` wrapped to about ``width_in`` inches at ``points`` (a generous average
    glyph width, so lines stay inside)."""
    return textwrap.fill(text, max(12, int(width_in * 72 / (points * 0.55))))


def _line(points: float) -> float:
    """The height of a line of ``points`` type on the screen-size page, as a fraction of the
    page (type grows with the page, so it is the same fraction at every size)."""
    return points * 1.3 / 72 / SIZES["layar"].inches[1]


def _shown_area(width: float, height: float, aspect: float) -> float:
    """How much of a ``width`` × ``height`` box a map of ``aspect`` (width/height) fills."""
    return min(width, height * aspect) * min(height, width / aspect)


def picture_png(picture: Picture, size: str = "layar") -> bytes:
    """The PNG of ``picture`` at ``size`` (``SIZES``): title above; the map with its legend
    beside it, or under it when the map is wide; sources and the illustrative note below;
    exactly the page's pixels."""
    page = SIZES[size]
    w, h = page.inches
    scale = h / SIZES["layar"].inches[1]  # type sizes grow with the page
    fig = Figure(figsize=(w, h), dpi=page.dpi)
    fig.patch.set_facecolor("white")
    margin, inner = 0.025, 0.95
    texts = [  # (text, points, weight, colour), from the top
        (_wrap(picture.title, w * inner, 22 * scale), 22, "bold", "#111111"),
        (_wrap(picture.subtitle, w * inner, 12 * scale), 12, "normal", "#333333"),
    ]
    top = 1 - margin
    for text, points, weight, colour in texts:
        fig.text(margin, top, text, ha="left", va="top", fontsize=points * scale,
                 fontweight=weight, color=colour)  # fmt: skip
        top -= len(text.splitlines()) * _line(points) + 0.015
    bottom = margin
    sources = "\n".join(_wrap(line, w * inner, 9.5 * scale) for line in picture.sources)
    fig.text(margin, bottom, sources, ha="left", va="bottom", fontsize=9.5 * scale,
             color="#333333")  # fmt: skip
    bottom += len(sources.splitlines()) * _line(9.5) + 0.01
    if picture.note:
        note = _wrap(picture.note, w * inner, 11 * scale)
        fig.text(margin, bottom, note, ha="left", va="bottom", fontsize=11 * scale,
                 fontweight="bold", color=NOTE_COLOUR)  # fmt: skip
        bottom += len(note.splitlines()) * _line(11) + 0.01
    top, bottom = top - 0.01, bottom + 0.02

    minx, miny, maxx, maxy = picture.shapes.total_bounds
    mid_lat = (miny + maxy) / 2
    aspect = (maxx - minx) * 1.04 / ((maxy - miny) * 1.06 / math.cos(math.radians(mid_lat)))
    widest = max((len(label) for _, label in picture.legend), default=1) * 11.5 * 0.55 / 72
    columns = max(1, min(len(picture.legend), 4, int(inner * w / scale / (widest + 0.7))))
    band = (math.ceil(len(picture.legend) / max(columns, 1)) + 1.6) * _line(11.5) + 0.02
    beside = _shown_area(0.70 * w, (top - bottom) * h, aspect)
    under = _shown_area(inner * w, (top - bottom - band) * h, aspect)
    legend_under = under > beside * 1.1
    if legend_under:
        ax = fig.add_axes((margin, bottom + band, inner, top - bottom - band))
    else:
        ax = fig.add_axes((margin, bottom, 0.70, top - bottom))
    plot_regions(ax, picture.shapes, picture.fills, picture.highlight, context=picture.context)
    ax.set_anchor("NW")  # the legend right beside or under it
    ax.apply_aspect()
    frame = ax.get_position()
    ax.add_artist(scale_bar(mid_lat, 11 * scale, length_fraction=0.2))
    ax.annotate(  # north is up: the map is in degrees, not rotated
        picture.north,
        xy=(0.965, 0.96),
        xytext=(0.965, 0.84),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=15 * scale,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#111111", "lw": 2.2 * scale},
        bbox={"boxstyle": "circle", "fc": "white", "ec": "#111111", "lw": 0.8 * scale},
    )
    for spine in ax.spines.values():
        spine.set_edgecolor("#999999")
    if legend_under:
        side = fig.add_axes((frame.x0, bottom, frame.width, frame.y0 - bottom - 0.01))
        title_width, place = frame.width, "upper left"
    else:
        side = fig.add_axes((frame.x1 + 0.025, frame.y0, 0.97 - frame.x1 - 0.025, frame.height))
        title_width, place = min(0.3, 0.94 - frame.x1), "upper left"
    side.axis("off")
    side.legend(
        handles=legend_handles(picture.legend),
        title=_wrap(picture.legend_title, w * title_width, 12.5 * scale),
        loc=place,
        ncols=columns if legend_under else 1,
        fontsize=11.5 * scale,
        title_fontsize=12.5 * scale,
        alignment="left",
        frameon=False,
        borderaxespad=0,
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=page.dpi)
    return out.getvalue()


def map_picture_png(
    measure: MapMeasure,
    layers: MapLayers,
    ref: Reference,
    filtered: pd.DataFrame,
    filters: Filters,
    selected: str | None,
    lang: str,
    version: int,
    today: date,
    imported: ImportedMeasure | None = None,
    year: int | None = None,
    size: str = "layar",
) -> bytes:
    """The PNG of the map page's view: its ``measure`` (``sentra.map_view.map_measure`` of
    the ``selected`` region, None for Indonesia, and the filtered centres), one ``year``
    of a measure with years, the neighbouring land in grey."""
    if not selected:
        context = None
    elif len(selected) == 2:
        context = layers.provinces_national  # the neighbouring provinces
    else:
        context = layers.regencies_of(selected[:2])  # the neighbouring regencies
    area = selected[:5] if selected else None  # a kecamatan's map shows its regency
    picture = picture_of(
        measure,
        place_name(ref.regions["name"], selected, lang),
        filters,
        lang,
        today,
        version,
        illustrative_figures(measure.metric, filtered, ref, filters, area, imported),
        year=year,
        highlight=(selected,) if selected and len(selected) > 5 else (),
        context=context,
    )
    return picture_png(picture, size)
