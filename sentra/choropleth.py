"""Colour classes for choropleth maps, with zero and "no data" kept apart in the legend."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

# ColorBrewer YlGnBu, 5 classes; zero and no-data get their own colours.
PALETTE = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
ZERO_FILL = "#ffffe0"
NO_DATA_FILL = "#d9d9d9"


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
        for i in range(len(qs) - 1):
            legend.append((colours[i], f"{fmt(qs[i])} – {fmt(qs[i + 1])}"))
    if ((values == 0) & values.notna()).any():
        fills.update({code: ZERO_FILL for code in values[values == 0].index})
        legend.insert(0, (ZERO_FILL, zero_label))
    if values.isna().any():
        fills.update({code: NO_DATA_FILL for code in values[values.isna()].index})
        legend.append((NO_DATA_FILL, no_data_label))
    return fills, legend
