"""Reading officials' files (CSV, Excel .xlsx/.xls, LibreOffice .ods, GeoJSON) into a table.

Spreadsheets are read as officials make them: the sheet and the header row are found
(title rows, a row of column numbers, totals and footnotes are skipped and reported) and
both can be overridden. Every problem raises ``ImportFileError`` with a message key (see
``sentra.i18n``) so the page can say what is wrong in the user's language. Nothing here
touches the store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from loaders.sheets import WORKBOOKS, GridError, csv_grid, decode, default_sheet, read_workbook
from sentra.i18n import N_, TextError
from sentra.sheet_layout import Layout, build_table, find_layout, row_text

# Uploads above this are refused before parsing (also Streamlit's server.maxUploadSize).
MAX_UPLOAD_MB = 25
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
EXTENSIONS = (".csv", ".txt", ".tsv", *WORKBOOKS, ".geojson", ".json")


class ImportFileError(TextError, ValueError):
    """The file cannot be imported: ``key`` and ``params`` say why (``file_error_text``)."""


@dataclass
class Sheet:
    """One table read from a file, and where in the file it was found."""

    table: pd.DataFrame  # data rows; cells are text, or numbers as the spreadsheet holds them
    rows: list[int]  # the file's row number (1-based, as the spreadsheet shows) per table row
    header_row: int | None = None  # file row of the header (None: GeoJSON has no header row)
    header_rows: int = 1
    sheet: str | None = None  # the chosen sheet of a workbook
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (file row, reason key)
    title: str = ""  # text above the header
    source_note: str = ""  # a footnote "Sumber: …"
    header_choices: dict[int, str] = field(default_factory=dict)  # file row → its text


def read_table(
    data: bytes,
    filename: str,
    max_bytes: int | None = MAX_UPLOAD_BYTES,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Sheet:
    """The file's table. ``sheet`` and ``header_row`` (1-based file row) override the guesses.

    ``max_bytes`` guards the dashboard's uploads; the command-line import passes None.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ImportFileError(
            N_("file_bad_extension"), ext=suffix or "?", allowed=", ".join(EXTENSIONS)
        )
    if max_bytes is not None and len(data) > max_bytes:
        raise ImportFileError(N_("file_too_large"), mb=MAX_UPLOAD_MB)
    if not data or data.isspace():  # (strip would copy 25 MB)
        raise ImportFileError(N_("file_empty"))
    try:
        if suffix in (".geojson", ".json"):
            return _geojson_sheet(data)
        sheets: list[str] = []
        if suffix in WORKBOOKS:
            book = read_workbook(data)
            sheets = list(book.grids)
            if sheet not in book.grids:
                sheet = default_sheet(book)
            grid = book.grids[sheet]
        else:
            sheet, grid = None, csv_grid(data)
    except GridError as exc:
        raise ImportFileError(exc.key, **exc.params) from exc
    if header_row is not None and not 1 <= header_row <= len(grid):
        header_row = None
    layout = find_layout(grid, None if header_row is None else header_row - 1)
    return _sheet(grid, layout, sheet, sheets)


def _sheet(grid: list[list], layout: Layout, sheet: str | None, sheets: list[str]) -> Sheet:
    if not grid or layout.header >= len(grid):
        raise ImportFileError(N_("file_no_rows"))
    table, keep = build_table(grid, layout)
    if table.empty:
        raise ImportFileError(N_("file_no_rows"))
    choices = {i + 1: row_text(grid[i])[:90] for i in layout.candidates}
    return Sheet(
        table=table,
        rows=(keep + 1).tolist(),
        header_row=layout.header + 1,
        header_rows=layout.header_rows,
        sheet=sheet,
        sheets=sheets,
        skipped=[(i + 1, reason) for i, reason in layout.skipped if reason != "blank"],
        title=layout.title,
        source_note=layout.source_note,
        header_choices=choices,
    )


def _geojson_sheet(data: bytes) -> Sheet:
    try:
        doc = json.loads(decode(data))
    except (json.JSONDecodeError, GridError) as exc:
        raise ImportFileError(N_("file_bad_json"), line=getattr(exc, "lineno", 1)) from exc
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        raise ImportFileError(N_("file_not_geojson"))
    rows = []
    for feature in features:
        if not isinstance(feature, dict):
            raise ImportFileError(N_("file_not_geojson"))
        props = dict(feature.get("properties") or {})
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point" and len(geometry.get("coordinates") or []) >= 2:
            props["longitude"], props["latitude"] = geometry["coordinates"][:2]
        rows.append(props)
    table = pd.DataFrame(rows, dtype=object).fillna("")
    if table.empty:
        raise ImportFileError(N_("file_no_rows"))
    table.columns = [str(c).strip() for c in table.columns]
    return Sheet(table=table, rows=list(range(1, len(table) + 1)))
