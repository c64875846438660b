"""Where the table sits in a sheet as officials make it: title rows, the header, a row of
column numbers, the data, totals and footnotes.

Works on a grid (a list of rows of cells: text, numbers or None) with no Streamlit and no
file formats; ``loaders.sheets`` turns files into grids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sentra.i18n import N_
from sentra.import_fields import header_field
from sentra.sheet_grid import ColumnGrid, RowGrid, as_grid

SCAN_ROWS = 40  # the header is looked for among the first rows that hold anything
_NUMBERING = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_TOTALS = re.compile(r"^(jumlah|total|sub ?total|grand total)\b")
_NOTE = re.compile(r"^(sumber|source|keterangan|ket|catatan|note|notes)\b|^\*")
_SOURCE_NOTE = re.compile(r"^\s*(sumber|source)\s*(data)?\s*[:.]\s*(.+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^[-+]?[\d.,\s]+$")


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without '.0', other numbers as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return str(value)
    return str(value).strip()


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not _NUMBER.match(value)


def _filled(row: list) -> list:
    return [v for v in row if cell_text(v)]


def _key(value: object) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", cell_text(value).lower())).strip()


def header_score(row: list) -> int:
    """How much a row looks like a header: known column names, plus years (2019, 2020, …)
    when several sit side by side as in a regional table."""
    names = sum(1 for v in row if _is_text(v) and header_field(cell_text(v)) is not None)
    years = sum(1 for v in row if _YEAR.match(cell_text(v)))
    return 2 * names + (years if years >= 2 else 0)


def is_numbering(row: list) -> bool:
    """A row of column numbers under (or over) the header: (1) (2) (3) … or 1 2 3 …"""
    cells = _filled(row)
    if len(cells) < 2 or not all(_NUMBERING.match(cell_text(v)) for v in cells):
        return False
    numbers = [int(re.sub(r"\D", "", cell_text(v))) for v in cells]
    return numbers == sorted(numbers) and numbers[0] <= 2


@dataclass
class Layout:
    """Rows are 0-based grid indexes; the page shows them 1-based, as the spreadsheet does."""

    header: int
    header_rows: int = 1  # 2 when a second header row names the columns under merged groups
    score: int = 0  # header_score of the header's names (2 per recognised column name)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason key)
    title: str = ""  # text above the header ("DATA SENTRA IKM PROVINSI …")
    source_note: str = ""  # a footnote "Sumber: …", when there is one
    candidates: list[int] = field(default_factory=list)  # rows offered as header choices


def _merge_header(upper: list, lower: list) -> list:
    """Names of a two-row header: the lower cell where there is one, else the upper."""
    width = max(len(upper), len(lower))
    up = list(upper) + [None] * (width - len(upper))
    low = list(lower) + [None] * (width - len(lower))
    return [lo if cell_text(lo) else hi for hi, lo in zip(up, low, strict=True)]


def find_layout(grid: list[list] | RowGrid | ColumnGrid, header: int | None = None) -> Layout:
    """The header (given, or the best-scoring of the first rows, alone or with the row under
    it as a two-row header) and the rows to skip."""
    grid = as_grid(grid)
    head = grid[: SCAN_ROWS * 5 + 1]  # the rows the header is guessed from, read once
    candidates = [i for i, row in enumerate(head[: SCAN_ROWS * 5]) if _filled(row)][:SCAN_ROWS]
    if not candidates:
        return Layout(0)
    if header is None:
        header, header_rows = _guess_header(head, candidates)
    else:
        header_rows = 2 if _pair_wins(grid, header) else 1
    score = header_score(_header_cells(grid, header, header_rows))
    title = " · ".join(row_text(head[i]) for i in candidates if i < header).strip()
    layout = Layout(header, header_rows, score, title=title, candidates=candidates)
    _mark_rows(grid, layout)
    return layout


def row_text(row: list) -> str:
    """A row's filled cells once each (a merged title fills every cell it spans)."""
    texts: list[str] = []
    for v in row:
        text = cell_text(v)
        if text and (not texts or texts[-1] != text):
            texts.append(text)
    return " | ".join(texts)


def _header_cells(grid: list[list], header: int, rows: int) -> list:
    if header >= len(grid):
        return []
    return _merge_header(grid[header], grid[header + 1]) if rows == 2 else grid[header]


def _pair_wins(grid: list[list], i: int) -> bool:
    """Rows i and i+1 name the columns together (groups over sub-columns)."""
    if i + 1 >= len(grid) or is_numbering(grid[i + 1]):
        return False
    pair = header_score(_merge_header(grid[i], grid[i + 1]))
    return pair > max(header_score(grid[i]), header_score(grid[i + 1]))


def _guess_header(grid: list[list], candidates: list[int]) -> tuple[int, int]:
    options = [(i, 2 if _pair_wins(grid, i) else 1) for i in candidates]
    scores = {o: header_score(_header_cells(grid, *o)) for o in options}
    best = max(options, key=lambda o: (scores[o], -o[0]))
    if scores[best] >= 2:
        return best
    # Nothing recognisable: the first wide row of mostly text (a header of unknown names).
    widest = max(len(_filled(grid[i])) for i in candidates)
    for i in candidates:
        cells = _filled(grid[i])
        texts = sum(1 for v in cells if _is_text(v))
        if len(cells) >= max(2, widest / 2) and texts >= 0.6 * len(cells):
            return i, 1
    return candidates[0], 1


def _scan(row: list) -> tuple[int, str]:
    """Number of filled cells and the first text (not number) cell, in one pass: this
    runs once per row of files up to 25 MB."""
    filled, lead = 0, ""
    for v in row:
        if v is None or v == "":
            continue
        if isinstance(v, str):
            v = v.strip()
            if not v:
                continue
            if not lead and not _NUMBER.match(v):
                lead = v
        elif isinstance(v, float) and v != v:  # NaN
            continue
        filled += 1
    return filled, lead


def _mark_rows(grid: RowGrid | ColumnGrid, layout: Layout) -> None:
    """Data rows that are not centres: numbering, repeated headers, totals, notes, blanks.
    Only the rows the grid cannot rule out are looked at one by one."""
    first = layout.header + layout.header_rows
    header = grid[layout.header]
    header_keys = [_key(v) for v in header]
    j0 = next((j for j, key in enumerate(header_keys) if key), 0)
    head_text = cell_text(header[j0]) if j0 < len(header) else ""
    head = head_text.lower()
    blanks, rows = grid.rows_to_check(first, j0, head_text)
    layout.skipped.extend((i, "blank") for i in blanks.tolist())
    totals_seen = False
    for i in rows.tolist():
        row = grid[i]
        filled, lead = _scan(row)
        if not filled:
            layout.skipped.append((i, "blank"))
            continue
        lead_key = lead.lower().lstrip("*-–. ")
        if i < first + 2 and is_numbering(row):
            layout.skipped.append((i, N_("skip_numbering")))
        elif (
            head
            and j0 < len(row)
            and isinstance(row[j0], str)
            and row[j0].strip().lower() == head
            and [_key(v) for v in row] == header_keys
        ):
            layout.skipped.append((i, N_("skip_repeated_header")))
        elif _TOTALS.match(lead_key):
            layout.skipped.append((i, N_("skip_totals")))
            totals_seen = True
        elif filled == 1 and lead and (totals_seen or _NOTE.match(lead.lower()) or len(row) > 2):
            layout.skipped.append((i, N_("skip_note")))
            source = _SOURCE_NOTE.match(lead)
            if source and not layout.source_note:
                layout.source_note = source.group(3).strip()
    layout.skipped.sort()


def header_names(grid: list[list] | RowGrid | ColumnGrid, layout: Layout) -> list[str]:
    """Column names: the header's text; unnamed columns by letter; repeats made unique."""
    grid = as_grid(grid)
    row = _header_cells(grid, layout.header, layout.header_rows)
    width = grid.width
    names: list[str] = []
    for j in range(width):
        text = re.sub(r"\s+", " ", cell_text(row[j] if j < len(row) else None))
        letter = column_letter(j)
        if not text:
            text = f"({letter})"
        elif text in names:
            text = f"{text} ({letter})"
        names.append(text)
    return names


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, as spreadsheets name columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def build_table(
    grid: list[list] | RowGrid | ColumnGrid, layout: Layout
) -> tuple[pd.DataFrame, np.ndarray]:
    """The data rows under their column names, and the grid row of each; columns with no
    name and no data are dropped. Cells stay as read (text, numbers or None → '')."""
    grid = as_grid(grid)
    names = header_names(grid, layout)
    first = layout.header + layout.header_rows
    kept = np.ones(max(len(grid) - first, 0), dtype=bool)
    kept[[i - first for i, _ in layout.skipped if i >= first]] = False
    keep = np.flatnonzero(kept) + first
    table = grid.frame(keep, len(names))
    table.columns = names
    unnamed = [n for n in names if re.fullmatch(r"\([A-Z]+\)", n)]
    empty = [n for n in unnamed if not table[n].map(cell_text).any()]
    return table.drop(columns=empty), keep
