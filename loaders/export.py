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


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    text = _safe_text(frame).to_csv(index=False, sep=";", decimal=",")
    return text.encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "sentra") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _safe_text(frame).to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def to_geojson_bytes(frame: pd.DataFrame, regions: pd.DataFrame) -> bytes:
    """Points at the centre's coordinates, or at its regency's label point (flagged)."""
    labels = regions[["label_lat", "label_lng"]]
    own = frame["lat"].notna() & frame["lng"].notna()
    lat = frame["lat"].where(own, frame["regency_code"].map(labels["label_lat"]))
    lng = frame["lng"].where(own, frame["regency_code"].map(labels["label_lng"]))
    props = frame.drop(columns=["lat", "lng"]).astype(object).where(frame.notna(), None)
    features = []
    for i, record in enumerate(props.to_dict(orient="records")):
        record = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in record.items()}
        record["location_is_regency_label_point"] = not bool(own.iloc[i])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lng.iloc[i], lat.iloc[i]]},
                "properties": record,
            }
        )
    doc = {"type": "FeatureCollection", "features": features}
    return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
