"""The map page's "Unduh gambar peta": the view on screen as a PNG (``sentra.map_image``),
built only when the button is pressed."""

from __future__ import annotations

import functools
import re
from datetime import date

import streamlit as st

from sentra.coverage import COVERAGE_METRIC
from sentra.i18n import t
from sentra.map_image import map_picture_png
from sentra.map_view import map_measure
from sentra.regional_indicators import ImportedMeasure
from ui.cached import boundary_layers, coverage_of
from ui.context import PageContext


def picture_png(
    ctx: PageContext,
    selected: str | None,
    metric: str,
    imported: ImportedMeasure | None,
    year: int | None,
) -> bytes:
    """The PNG of the map page's view, 1920×1080, in the reader's language."""
    layers = boundary_layers()
    measure = map_measure(
        layers,
        ctx.ref,
        ctx.centres,
        ctx.filtered,
        ctx.filters,
        selected,
        metric,
        ctx.lang,
        imported,
        coverage_of(ctx.version) if metric == COVERAGE_METRIC else None,
    )
    return map_picture_png(
        measure,
        layers,
        ctx.ref,
        ctx.filtered,
        ctx.filters,
        selected,
        ctx.lang,
        ctx.version,
        date.today(),
        imported=imported,
        year=year,
    )


def picture_button(
    ctx: PageContext,
    selected: str | None,
    metric: str,
    imported: ImportedMeasure | None,
    year: int | None,
) -> None:
    name = "-".join(str(p) for p in ("peta", selected or "indonesia", metric, year) if p)
    st.download_button(
        t("img_button", ctx.lang),
        data=functools.partial(picture_png, ctx, selected, metric, imported, year),
        file_name=re.sub(r"[^\w.-]+", "-", name) + ".png",
        mime="image/png",
        help=t("img_help", ctx.lang),
        icon=":material/image:",
        on_click="ignore",
        key="map_picture",
    )
