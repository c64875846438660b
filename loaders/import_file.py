"""Reading officials' files (CSV, XLSX, GeoJSON) into a table of text cells.

Every problem raises ``ImportFileError`` with a message key (see ``sentra.i18n``) so the
page can say what is wrong in the user's language. Nothing here touches the store.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import PurePath

import pandas as pd

# Uploads above this are refused before parsing (also Streamlit's server.maxUploadSize).
MAX_UPLOAD_MB = 25
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
EXTENSIONS = (".csv", ".txt", ".xlsx", ".geojson", ".json")


class ImportFileError(ValueError):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def read_table(
    data: bytes, filename: str, max_bytes: int | None = MAX_UPLOAD_BYTES
) -> pd.DataFrame:
    """The file's rows as text cells (no type guessing), columns as written in the header.

    ``max_bytes`` guards the dashboard's uploads; the command-line import passes None.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        key = "file_old_excel" if suffix == ".xls" else "file_bad_extension"
        raise ImportFileError(key, ext=suffix or "?", allowed=", ".join(EXTENSIONS))
    if max_bytes is not None and len(data) > max_bytes:
        raise ImportFileError("file_too_large", mb=MAX_UPLOAD_MB)
    if not data.strip():
        raise ImportFileError("file_empty")
    if suffix == ".xlsx":
        table = _read_xlsx(data)
    elif suffix in (".geojson", ".json"):
        table = _read_geojson(data)
    else:
        table = _read_csv(data)
    table = table.dropna(how="all")
    if table.empty:
        raise ImportFileError("file_no_rows")
    table.columns = [str(c).strip() for c in table.columns]
    return table.fillna("").astype(str).reset_index(drop=True)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("file_not_text")


def _read_csv(data: bytes) -> pd.DataFrame:
    text = _decode(data)
    if "\x00" in text:
        raise ImportFileError("file_not_text")
    sample = text[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        delimiter = max(";,\t", key=sample.count)
    try:
        return pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
            skip_blank_lines=True, on_bad_lines="error",
        )  # fmt: skip
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise ImportFileError("file_bad_csv", detail=str(exc)[:200]) from exc


def _read_xlsx(data: bytes) -> pd.DataFrame:
    try:
        return pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise ImportFileError("file_bad_xlsx") from exc


def _read_geojson(data: bytes) -> pd.DataFrame:
    try:
        doc = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ImportFileError("file_bad_json", line=exc.lineno) from exc
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        raise ImportFileError("file_not_geojson")
    rows = []
    for feature in features:
        if not isinstance(feature, dict):
            raise ImportFileError("file_not_geojson")
        props = dict(feature.get("properties") or {})
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point" and len(geometry.get("coordinates") or []) >= 2:
            props["longitude"], props["latitude"] = geometry["coordinates"][:2]
        rows.append(props)
    return pd.DataFrame(rows)
