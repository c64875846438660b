"""Files shaped like a provincial industry office's export, written with the project's own
libraries (csv, openpyxl, xlwt, pandas' ODF writer) in every format the import reads.

A grid is a list of rows; ``None`` is an empty cell. ``merges`` are 0-based inclusive
(first_row, first_col, last_row, last_col) ranges, as spreadsheets merge cells.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import xlwt

Merge = tuple[int, int, int, int]

TITLE = "DATA SENTRA IKM PROVINSI JAWA TENGAH"
# Rows 1-2 title, 3 blank, 4-5 two-row header with merged groups, 6 column numbers,
# 7-10 centres, 11 totals, 12 blank, 13 footnote (file rows, as a spreadsheet shows them).
DINAS_GRID: list[list] = [
    [TITLE, None, None, None, None, None, None],
    ["Keadaan 31 Desember 2024", None, None, None, None, None, None],
    [None] * 7,
    ["No", "Nama Sentra", "Lokasi", None, "Jumlah", None, "Omzet (Rp/tahun)"],
    [None, None, "Kabupaten/Kota", "Kecamatan", "Unit Usaha", "Tenaga Kerja", None],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    [1, "Sentra Batik Wiradesa", "Kab. Pekalongan", "Wiradesa", "45", "1.200", "Rp 3,2 M"],
    [2, "Sentra Tenun Medono", "Kodya Pekalongan", "Pekalongan Barat", 30, 90, 950_000_000],
    [3, "Sentra Tahu Kalisari", "KAB  BANYUMAS", "Cilongok", "120", "360", "2,5 miliar"],
    [4, "Sentra Gerabah; Tanah Liat", "Kab. Antah Berantah", None, 12, 20, "900 jt"],
    [None, "JUMLAH", None, None, 207, 1670, 6_650_000_000],
    [None] * 7,
    [
        "Sumber: Dinas Perindustrian dan Perdagangan Provinsi Jawa Tengah",
        None,
        None,
        None,
        None,
        None,
        None,
    ],
]
DINAS_MERGES: list[Merge] = [(0, 0, 0, 6), (3, 2, 3, 3), (3, 4, 3, 5), (3, 6, 4, 6)]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def to_csv(grid: list[list], delimiter: str = ";", encoding: str = "cp1252") -> bytes:
    """As Excel on Indonesian Windows saves 'CSV': CRLF lines, quotes where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in grid:
        writer.writerow([_text(v) for v in row])
    return buffer.getvalue().encode(encoding)


def to_xlsx(sheets: dict[str, tuple[list[list], list[Merge]]]) -> bytes:
    """One worksheet per entry; merged cells keep their value in the top-left cell only."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (grid, merges) in sheets.items():
        sheet = book.create_sheet(name)
        for row in grid:
            sheet.append(list(row))
        for r0, c0, r1, c1 in merges:
            sheet.merge_cells(
                start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_xls(grid: list[list], merges: list[Merge]) -> bytes:
    """An Excel 97-2003 workbook (BIFF8), as older office PCs still save."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    merged_cells = set()
    for r0, c0, r1, c1 in merges:
        sheet.write_merge(r0, r1, c0, c1, grid[r0][c0])
        merged_cells |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None and (r, c) not in merged_cells:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_ods(grid: list[list]) -> bytes:
    """A LibreOffice Calc document (OpenDocument), written through pandas' ODF writer."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(grid, dtype=object).to_excel(
            writer, sheet_name="Lembar1", header=False, index=False
        )
    return buffer.getvalue()
