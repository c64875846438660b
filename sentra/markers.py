"""Rows for the centre markers: position, colour and escaped popup texts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sentra.escape import escape_text
from sentra.formatting import fmt_number, fmt_rupiah
from sentra.map_build import SECTOR_COLOURS
from sentra.schema import DATA_STATUSES, EXPORT_REACH, FOSTERING_BODIES, label

# Above this many points the browser gets counts per region instead of markers.
MAX_MARKERS = 5000


def marker_rows(centres: pd.DataFrame, regions: pd.DataFrame, lang: str) -> dict[str, list]:
    """Centre id → [lat, lng, colour, name, commodity, reach, body, figures, status, approx].

    Formatting every popup is slow (Babel, escaping), so callers build this once per data
    version and language and pick the rows they show.
    """
    own = centres["lat"].notna() & centres["lng"].notna()
    lat = centres["lat"].where(own, centres["regency_code"].map(regions["label_lat"]))
    lng = centres["lng"].where(own, centres["regency_code"].map(regions["label_lng"]))
    rows = {}
    for i, c in enumerate(centres.itertuples(index=False)):
        figures = " · ".join(
            (
                fmt_number(c.enterprises, lang),
                fmt_number(c.workers, lang),
                fmt_rupiah(c.turnover_rp, lang),
            )
        )
        rows[c.id] = [
            round(float(lat.iloc[i]), 5),
            round(float(lng.iloc[i]), 5),
            SECTOR_COLOURS.get(c.sector, "#999999"),
            escape_text(c.name),
            escape_text(c.commodity if isinstance(c.commodity, str) else "–"),
            _coded(EXPORT_REACH, c.export_reach, lang),
            _coded(FOSTERING_BODIES, c.fostering_body, lang),
            escape_text(figures),
            escape_text(label(DATA_STATUSES, c.data_status, lang)),
            int(not own.iloc[i]),
        ]
    return rows


def _coded(vocabulary: dict, code: object, lang: str) -> str:
    return escape_text(label(vocabulary, code, lang)) if isinstance(code, str) else "–"


def approx_count(rows: list[list]) -> int:
    return int(np.sum([r[9] for r in rows])) if rows else 0
