"""Files to grids of cells: CSV in any of the encodings and delimiters officials' tools
write, and workbooks (.xlsx, .xlsm, .xls, .ods) through python-calamine.

A grid is a list of rows of cells (text, numbers, or None), exactly as the sheet shows
them: merged cells are filled with their value, nothing is guessed about types.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from python_calamine import CalamineError, CalamineWorkbook

from sentra.i18n import N_, TextError
from sentra.sheet_grid import ColumnGrid
from sentra.sheet_layout import SCAN_ROWS, find_layout

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
DELIMITERS = (";", ",", "\t", "|")


class GridError(TextError, ValueError):
    """The bytes are not a readable file of the kind its name says (key: message key)."""


@dataclass
class Workbook:
    grids: dict[str, list[list]]  # sheet name → grid, in the workbook's order


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's 'Unicode text'), else
    Windows-1252 (what Excel on Indonesian Windows writes as 'CSV')."""
    return _text(data).removeprefix("\ufeff")  # a second byte-order mark, as tools leave


def _text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:  # bytes cp1252 leaves undefined: not text
        raise GridError(N_("file_not_text")) from exc


def _delimiter(text: str) -> str:
    """The delimiter whose most common number of fields, over the first lines, splits the
    most: rows of that width times the splits in each (title rows and decimal commas do
    not fool it, as they can csv.Sniffer; nor does a comma in "Ekspor (Jepang, Malaysia)"
    in every row of a file whose rows Excel wrote short, trailing empty cells left out)."""
    lines = text[:50_000].splitlines()[: SCAN_ROWS * 2]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(len(r) for r in csv.reader(lines, delimiter=delimiter) if len(r) > 1)
        if not counts:
            continue
        width, rows = counts.most_common(1)[0]
        score = (rows * (width - 1), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def csv_grid(data: bytes) -> list[list] | ColumnGrid:
    """The file's rows as Python's csv module reads them; a file of more than a few
    hundred rows in Arrow columns (same cells, read in C), when Arrow can read it."""
    text = decode(data)
    if "\x00" in text:
        raise GridError(N_("file_not_text"))
    delimiter = _delimiter(text)
    head = _head_rows(text, delimiter)
    if len(head) < _HEAD_ROWS:
        return _csv_rows(text, delimiter)
    # Arrow reads rows of the usual width in columns and hands back the others one by one:
    # the usual width, not the widest, as Excel writes rows short after the first ones.
    widths = Counter(len(r) for r in head if len(r) > 1) or Counter([1])
    width = max(widths, key=lambda w: (widths[w], w))
    return _column_grid(text, delimiter, width) or _csv_rows(text, delimiter)


_HEAD_ROWS = SCAN_ROWS * 5 + 2  # the rows find_layout reads one by one


def _head_rows(text: str, delimiter: str) -> list[list]:
    """The first rows, read from the start of the text (not all 25 MB of it): a prefix
    that holds one row more than needed, so that none of those is cut."""
    size = 256 * 1024
    while True:
        rows = _csv_rows(text[:size], delimiter, limit=_HEAD_ROWS + 1)
        if len(rows) > _HEAD_ROWS or size >= len(text):
            return rows[:_HEAD_ROWS]
        size *= 4


def _csv_rows(text: str, delimiter: str, limit: int | None = None) -> list[list]:
    try:
        return list(
            itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), limit)
        )
    except csv.Error as exc:
        raise GridError(N_("file_bad_csv"), detail=str(exc)[:200]) from exc


def _column_grid(text: str, delimiter: str, width: int) -> ColumnGrid | None:
    """Arrow's CSV reader on the text: rows of ``width`` cells in columns, the others
    (titles, totals, notes) handed back one by one with their row number, which Arrow
    knows when it reads serially. None where Arrow could read the text differently from the
    csv module (a quote left open, a cell longer than the csv module takes) or cannot read
    it: the csv module then reads it, as it reads short files."""
    if '"' in text and text.count('"') % 2:  # a quote left open, or one in an unquoted cell
        return None
    odd: list[tuple[int, str]] = []

    def keep_aside(row: pa_csv.InvalidRow) -> str:
        odd.append((row.number, row.text))
        return "skip"

    names = [str(j) for j in range(width)]
    try:
        table = pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names, use_threads=False),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=keep_aside,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    limit = csv.field_size_limit()
    if any((pc.max(pc.binary_length(c)).as_py() or 0) > limit for c in table.columns):
        return None
    irregular = {}
    for number, row_text in odd:
        cells = _csv_rows(row_text, delimiter)
        if number is None or len(cells) != 1:
            return None
        irregular[number - 1] = cells[0]
    total = table.num_rows + len(irregular)
    regular = np.ones(total, dtype=bool)
    regular[list(irregular)] = False
    return ColumnGrid(table, np.flatnonzero(regular), irregular)


def _cell(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


_PLAIN = (str, float, int, bool)


def _sheet_grid(sheet) -> list[list]:
    rows = sheet.to_python(skip_empty_area=False)
    grid = [[v if v.__class__ in _PLAIN else _cell(v) for v in row] for row in rows]
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
                grid[r][c] = value
    return grid


def read_workbook(data: bytes) -> Workbook:
    """Every visible worksheet of an .xlsx/.xlsm/.xls/.ods file as a grid."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        grids = {}
        for meta in book.sheets_metadata:
            if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet"):
                grids[meta.name] = _sheet_grid(book.get_sheet_by_name(meta.name))
    except (CalamineError, ValueError, OSError) as exc:
        raise GridError(N_("file_bad_xlsx")) from exc
    except BaseException as exc:  # calamine raises Rust panics as PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise GridError(N_("file_bad_xlsx")) from exc
    if not grids:
        raise GridError(N_("file_no_rows"))
    return Workbook(grids)


def default_sheet(book: Workbook) -> str:
    """The first sheet whose header is recognisable; else the first that holds anything."""
    filled = [name for name, grid in book.grids.items() if any(any(r) for r in grid)]
    for name in filled:
        grid = book.grids[name]
        if find_layout(grid[: SCAN_ROWS * 2]).score >= 2:
            return name
    return (filled or list(book.grids))[0]
