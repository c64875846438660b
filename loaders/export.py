"""Downloads of the (filtered) centres as CSV, XLSX and GeoJSON.

Text cells that begin with ``=``, ``+``, ``-``, ``@`` (or a tab/CR) get a leading apostrophe
in CSV and XLSX, so a spreadsheet shows them as text instead of running them as formulas.
CSV is written for Indonesian Excel: UTF-8 with BOM, ``;`` between fields, decimal comma.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel and GeoJSON files are built cell by cell / feature by feature, so they are offered up
# to this many centres; CSV, written in chunks, has no limit (docs/performance.md).
MAX_ROWS_XLSX_GEOJSON = 50_000


def _safe_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with formula-like text cells prefixed by an apostrophe: column operations
    rather than a Python call per cell, and only the columns that need it are copied."""
    out = frame.copy(deep=False)
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_string_dtype(values):
            risky = values.str.startswith(_FORMULA_START, na=False)
            if risky.any():
                out[column] = values.where(~risky, "'" + values)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()  # written in chunks: no second full-size text copy
    _safe_text(frame).to_csv(buffer, index=False, sep=";", decimal=",", encoding="utf-8-sig")
    return buffer.getvalue()


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "sentra") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe_text(frame).to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def to_geojson_bytes(frame: pd.DataFrame, regions: pd.DataFrame) -> bytes:
    """Points at the centre's coordinates, or at its kecamatan's label point when ``regions``
    knows its kecamatan, else at its regency's (flagged which)."""
    doc = geojson_document(frame, regions)
    return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict]:
    """Rows as dicts of Python values, "no data" as None: column by column rather than a
    Python call per cell (10,000 centres in milliseconds, not most of a second)."""
    names = list(frame.columns) if columns is None else columns
    values = [frame[name].to_numpy(dtype=object, na_value=None).tolist() for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def geojson_document(frame: pd.DataFrame, regions: pd.DataFrame) -> dict:
    """The FeatureCollection of ``to_geojson_bytes`` as a dict (a caller may add members)."""
    labels = regions[["label_lat", "label_lng"]]
    own = frame["lat"].notna() & frame["lng"].notna()
    kecamatan = frame.get("kecamatan_code", pd.Series(None, index=frame.index))
    kecamatan = kecamatan.astype("string").fillna("")
    at_kecamatan = ~own & kecamatan.map(labels["label_lat"]).notna()
    lat, lng = frame["lat"], frame["lng"]
    for fallback, code in ((~own, frame["regency_code"]), (at_kecamatan, kecamatan)):
        lat = lat.where(~fallback, code.map(labels["label_lat"]))
        lng = lng.where(~fallback, code.map(labels["label_lng"]))
    at_regency = (~own & ~at_kecamatan).to_numpy(dtype=bool).tolist()
    at_kecamatan = at_kecamatan.to_numpy(dtype=bool).tolist()
    points = zip(
        lng.to_numpy(dtype=float, na_value=np.nan).tolist(),
        lat.to_numpy(dtype=float, na_value=np.nan).tolist(),
        strict=True,
    )
    properties = records(frame, [c for c in frame.columns if c not in ("lat", "lng")])
    features = []
    for record, (x, y), regency, kecamatan_point in zip(
        properties, points, at_regency, at_kecamatan, strict=True
    ):
        record["location_is_regency_label_point"] = regency
        record["location_is_kecamatan_label_point"] = kecamatan_point
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [x, y]},
                "properties": record,
            }
        )
    return {"type": "FeatureCollection", "features": features}
