"""Centres as people read them: labels instead of codes, region names instead of codes.

Downloads keep the codes (they go back in through import); tables on screen use this.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sentra.i18n import t
from sentra.schema import LABELLED_COLUMNS, label

_REGION_FIELDS = {
    "province_code": "province",
    "regency_code": "regency",
    "kecamatan_code": "kecamatan",
}


def readable(
    centres: pd.DataFrame, region_names: pd.Series, lang: str, columns: Sequence[str]
) -> pd.DataFrame:
    """``columns`` of ``centres`` with labelled codes and translated headers. Meant for the
    few thousand rows a table shows: labels are looked up per distinct value."""
    shown = centres[list(columns)].copy()
    for column in shown.columns:
        if column in LABELLED_COLUMNS:
            vocabulary = LABELLED_COLUMNS[column]
            codes = shown[column].dropna().unique()
            shown[column] = shown[column].map({c: label(vocabulary, c, lang) for c in codes})
        elif column in _REGION_FIELDS:
            shown[column] = shown[column].map(region_names)
        if not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "–")
    shown.columns = [t(f"field_{_REGION_FIELDS.get(c, c)}", lang) for c in shown.columns]
    return shown
