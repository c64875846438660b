"""Colour classes for choropleth maps, with zero and "no data" kept apart in the legend."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

# Five classes of viridis (light to dark), chosen because its neighbouring classes stay
# furthest apart when deuteranopia, protanopia and tritanopia are simulated (colorspacious,
# CAM02-UCS ΔE ≥ 15, against 8.5 for ColorBrewer YlGnBu and 6.4 for Blues; checked in
# tests/test_palettes.py). Zero and no data get their own fills; no data is also hatched.
PALETTE = ["#bddf26", "#38b977", "#25848e", "#3e4a89", "#440154"]
ZERO_FILL = "#ffffe0"
NO_DATA_FILL = "#d9d9d9"
NO_DATA_HATCH = "#7a7a7a"  # the stripes over NO_DATA_FILL


def classify(
    values: pd.Series, fmt: Callable[[float], str], zero_label: str, no_data_label: str
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Fill colour per code and legend rows (colour, label), quantile classes above zero."""
    fills: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    positive = values[values > 0].dropna()
    if len(positive):
        qs = np.unique(
            np.quantile(positive, np.linspace(0, 1, min(len(PALETTE), len(positive)) + 1))
        )
        if len(qs) == 1:
            qs = np.array([qs[0], qs[0]])
        bins = np.clip(np.searchsorted(qs, positive, side="right") - 1, 0, len(qs) - 2)
        colours = PALETTE[-(len(qs) - 1) :] if len(qs) - 1 < len(PALETTE) else PALETTE
        for code, b in zip(positive.index, bins, strict=True):
            fills[code] = colours[b]
        whole = bool((positive == np.round(positive)).all())
        for i in range(len(qs) - 1):
            legend.append((colours[i], _class_label(qs, i, whole, fmt)))
    if ((values == 0) & values.notna()).any():
        fills.update({code: ZERO_FILL for code in values[values == 0].index})
        legend.insert(0, (ZERO_FILL, zero_label))
    if values.isna().any():
        fills.update({code: NO_DATA_FILL for code in values[values.isna()].index})
        legend.append((NO_DATA_FILL, no_data_label))
    return fills, legend


def _class_label(edges: np.ndarray, i: int, whole: bool, fmt: Callable[[float], str]) -> str:
    """Class ``i`` holds edges[i] up to, not including, edges[i + 1] (the last includes its
    upper edge). Counts are whole numbers: '1 – 31', '32 – 75', so no number is in two
    rows of the legend; other measures keep the shared edges ('0,5 – 1,2')."""
    low, high = edges[i], edges[i + 1]
    if not whole:
        return f"{fmt(low)} – {fmt(high)}"
    last = i == len(edges) - 2
    low, high = np.ceil(low), np.floor(high) if last else np.ceil(high) - 1
    return fmt(low) if high <= low else f"{fmt(low)} – {fmt(high)}"
