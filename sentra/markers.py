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

    A centre without its own coordinates sits at its kecamatan's label point when
    ``regions`` (label points by code) knows its kecamatan, else at its regency's; ``approx``
    says which: 0 own coordinates, 1 regency, 2 kecamatan. Formatting every popup is slow
    (Babel, escaping), so callers build this once per data version and language and pick
    the rows they show.
    """
    own = (centres["lat"].notna() & centres["lng"].notna()).to_numpy()
    places = regions[["label_lat", "label_lng"]]
    at_regency = places.reindex(centres["regency_code"]).to_numpy()
    kecamatan = centres.get("kecamatan_code", pd.Series(None, index=centres.index))
    at_kecamatan = places.reindex(kecamatan.astype("string").fillna("")).to_numpy()
    in_kecamatan = ~own & ~np.isnan(at_kecamatan[:, 0])
    point = np.where(in_kecamatan[:, None], at_kecamatan, at_regency)
    point = np.where(own[:, None], centres[["lat", "lng"]].to_numpy(dtype=float), point)
    approx = np.where(own, 0, np.where(in_kecamatan, 2, 1))
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
            round(float(point[i, 0]), 5),
            round(float(point[i, 1]), 5),
            SECTOR_COLOURS.get(c.sector, "#999999"),
            escape_text(c.name),
            escape_text(c.commodity if isinstance(c.commodity, str) else "–"),
            _coded(EXPORT_REACH, c.export_reach, lang),
            _coded(FOSTERING_BODIES, c.fostering_body, lang),
            escape_text(figures),
            escape_text(label(DATA_STATUSES, c.data_status, lang)),
            int(approx[i]),
        ]
    return rows


def _coded(vocabulary: dict, code: object, lang: str) -> str:
    return escape_text(label(vocabulary, code, lang)) if isinstance(code, str) else "–"


def approx_counts(rows: list[list]) -> tuple[int, int]:
    """How many rows sit at a kecamatan's label point, and how many at a regency's."""
    kinds = np.array([r[9] for r in rows], dtype=int)
    return int((kinds == 2).sum()), int((kinds == 1).sum())
