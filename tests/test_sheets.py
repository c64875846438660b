"""Reading officials' spreadsheets as they are: title rows, two-row headers with merged
groups, a row of column numbers, totals and footnotes, in CSV, .xlsx, .xls and .ods."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from loaders.import_file import ImportFileError, read_table
from loaders.importer import report_table, validate_file
from loaders.sheets import csv_grid, decode
from sentra.sheet_grid import ColumnGrid
from sentra.sheet_layout import build_table, find_layout
from tests.officials_files import DINAS_GRID, DINAS_MERGES, TITLE, to_csv, to_ods, to_xls, to_xlsx

NOTES_SHEET = [["Catatan: data ada di lembar berikutnya."], ["Disusun oleh Bidang IKM"]]


FILES = {
    "dinas.csv": lambda: to_csv(DINAS_GRID),
    "dinas.xlsx": lambda: to_xlsx(
        {"Petunjuk": (NOTES_SHEET, []), "Data Sentra": (DINAS_GRID, DINAS_MERGES)}
    ),
    "dinas.xls": lambda: to_xls(DINAS_GRID, DINAS_MERGES),
    "dinas.ods": lambda: to_ods(DINAS_GRID),
}


@pytest.mark.parametrize("name", list(FILES))
def test_provincial_export_in_every_format(synthetic_checker, name):
    sheet, mapping, result = validate_file(FILES[name](), name, synthetic_checker)
    # The header is file rows 4-5 (groups "Lokasi", "Jumlah" over their columns).
    assert (sheet.header_row, sheet.header_rows) == (4, 2)
    assert mapping["name"] == "Nama Sentra" and mapping["regency"] == "Kabupaten/Kota"
    assert mapping["enterprises"] == "Unit Usaha" and mapping["workers"] == "Tenaga Kerja"
    assert mapping["turnover_rp"] == "Omzet (Rp/tahun)"
    assert sheet.rows == [7, 8, 9, 10]
    assert sheet.skipped == [(6, "skip_numbering"), (11, "skip_totals"), (13, "skip_note")]
    assert sheet.title.startswith(TITLE)
    assert sheet.source_note == "Dinas Perindustrian dan Perdagangan Provinsi Jawa Tengah"
    rows = result.rows.set_index("name")
    assert rows["regency_code"].to_dict() == {
        "Sentra Batik Wiradesa": "33.26",
        "Sentra Tenun Medono": "33.75",  # "Kodya Pekalongan"
        "Sentra Tahu Kalisari": "33.02",  # "KAB  BANYUMAS"
    }
    assert rows["kecamatan_code"].tolist() == ["33.26.16", "33.75.01", "33.02.17"]
    assert rows.loc["Sentra Batik Wiradesa", "turnover_rp"] == 3_200_000_000  # "Rp 3,2 M"
    assert rows.loc["Sentra Batik Wiradesa", "workers"] == 1200  # "1.200" stored as text
    assert rows.loc["Sentra Tenun Medono", "turnover_rp"] == 950_000_000  # a number cell
    assert rows.loc["Sentra Tahu Kalisari", "turnover_rp"] == 2_500_000_000
    assert (
        rows["source"].iloc[0].endswith("Dinas Perindustrian dan Perdagangan Provinsi Jawa Tengah")
    )
    report = report_table(result, "id").set_index("row")
    assert report["status"].to_dict() == {
        6: "dilewati",
        7: "sah",
        8: "sah",
        9: "sah",
        10: "galat",
        11: "dilewati",
        13: "dilewati",
    }
    # No name close to it in Central Java, the file's province: no far-away suggestions.
    assert report.loc[10, "messages"] == "Wilayah 'Kab. Antah Berantah' tidak dikenal."
    assert "jumlah" in report.loc[11, "messages"].lower()


def test_workbook_sheet_is_chosen_and_can_be_changed():
    data = FILES["dinas.xlsx"]()
    sheet = read_table(data, "dinas.xlsx")
    assert sheet.sheets == ["Petunjuk", "Data Sentra"] and sheet.sheet == "Data Sentra"
    notes = read_table(data, "dinas.xlsx", sheet="Petunjuk")
    assert notes.sheet == "Petunjuk" and "Nama Sentra" not in notes.table.columns


def test_header_row_can_be_overridden():
    data = FILES["dinas.xlsx"]()
    lower = read_table(data, "dinas.xlsx", header_row=5)
    assert lower.header_row == 5 and lower.header_rows == 1
    assert "Kabupaten/Kota" in lower.table.columns and "Nama Sentra" not in lower.table.columns
    assert lower.header_choices[4].startswith("No | Nama Sentra | Lokasi")
    assert read_table(data, "dinas.xlsx", header_row=999).header_row == 4  # out of range


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [
        ("utf-8", ",", b""),
        ("utf-8", ";", codecs.BOM_UTF8),
        ("cp1252", "\t", b""),
        ("utf-16", "\t", b""),
    ],
)
def test_csv_encodings_delimiters_and_quoted_fields(synthetic_checker, encoding, delimiter, bom):
    grid = [
        ["Daftar sentra 2024"],
        ["Nama Sentra", "Kab/Kota", "Komoditas", "Omzet"],
        ["Sentra Kopi Café", "Kab. Temanggung", "kopi, gula aren; teh", "1.250.000.000"],
        ['Sentra "Rotan" Jaya', "Kota Surakarta", "rotan", "Rp 13,9 miliar"],
    ]
    data = bom + to_csv(grid, delimiter=delimiter, encoding=encoding)
    sheet, _, result = validate_file(data, "sentra.csv", synthetic_checker)
    assert sheet.header_row == 2 and result.invalid == 0
    rows = result.rows.set_index("name")
    assert rows.loc["Sentra Kopi Café", "commodity"] == "kopi, gula aren; teh"
    assert rows.loc['Sentra "Rotan" Jaya', "turnover_rp"] == 13_900_000_000
    assert rows["regency_code"].tolist() == ["33.23", "33.72"]


def test_repeated_header_rows_from_printed_pages_are_skipped(synthetic_checker):
    header = ["No", "Nama Sentra", "Kab/Kota"]
    grid = [header, [1, "Sentra A", "Kab. Bantul"], header, [2, "Sentra B", "Kab. Sleman"]]
    sheet, _, result = validate_file(to_csv(grid), "halaman.csv", synthetic_checker)
    assert sheet.skipped == [(3, "skip_repeated_header")]
    assert result.rows["regency_code"].tolist() == ["34.02", "34.04"]


def test_a_sheet_without_any_table_says_so():
    data = to_xlsx({"Kosong": ([[None, None], [None, None]], [])})
    with pytest.raises(ImportFileError) as caught:
        read_table(data, "kosong.xlsx")
    assert caught.value.key == "file_no_rows"


def _long_export() -> list[list]:
    """A provincial export of 600 centres as offices' files come: the title and two-row
    header, a name with a line break and one with the delimiter, blank rows, a printed
    page's repeated header, rows Excel wrote short (trailing empty cells left out),
    subtotals per regency, a one-cell note mid-table, totals and the source."""
    grid = [list(row) for row in DINAS_GRID[:6]]
    for i in range(600):
        row = [i + 1, f"Sentra Batik {i}", "Kab. Pekalongan", "Wiradesa", "45", "1.200", "3,2 M"]
        if i == 5:
            row[1] = "Sentra Batik\r\nWiradesa Lor"
        if i == 6:
            row[1] = "Sentra Gerabah; Tanah Liat, Klampok"
        if i % 50 == 7:
            row[4:] = []  # Excel leaves the empty trailing cells out of later rows
        grid.append(row)
        if i % 97 == 0:
            grid.append([])
        if i == 250:
            grid.append(list(DINAS_GRID[3]))
        if i % 120 == 119:
            grid.append([None, " Sub Total Kab. Pekalongan", None, None, 5400, 144000, None])
        if i == 400:  # a no-break space before the word, as pasted from a report
            grid.append([None, "\xa0Jumlah Kab. Batang", None, None, 120, 360, None])
        if i == 333:
            grid.append(["Data bulan Juni belum masuk", None, None, None, None, None, None])
        if i == 450:  # the word after numbers (one with a no-break space), not in column B
            grid.append(["1\xa0200", " 7 ", "Total Kab. Batang", None, 120, 360, None])
    return grid + [list(row) for row in DINAS_GRID[10:]]


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1252", ";"), ("utf-8", ","), ("utf-16", "\t")]
)
def test_a_long_csv_is_read_in_columns_as_the_csv_module_reads_it(encoding, delimiter):
    """Past a few hundred rows a CSV is read by Arrow in columns; the table, its rows and
    what was skipped are exactly what Python's csv module and the row-by-row layout give."""
    data = to_csv(_long_export(), delimiter=delimiter, encoding=encoding)
    sheet, layout = _as_the_csv_module_reads_it(data, delimiter)
    assert len(sheet.rows) == 600
    assert {why for _, why in sheet.skipped} == {
        "skip_numbering",
        "skip_repeated_header",
        "skip_totals",
        "skip_note",
    }
    assert "Sentra Batik\r\nWiradesa Lor" in sheet.table["Nama Sentra"].tolist()


def test_a_long_csv_with_a_second_byte_order_mark_and_a_dotted_capital_i():
    """A byte-order mark left inside the text (a file saved twice) is no part of the first
    cell; a header written with 'İ' (Turkish-style capitals from some keyboards) repeated
    on a printed page is still a repeated header."""
    header = ["No", "NAMA SENTRA İKM", "Kab/Kota", "Komoditas"]
    grid = [header] + [[i + 1, f"Sentra {i}", "Kab. Pekalongan", "batik"] for i in range(300)]
    grid.insert(250, list(header))
    data = codecs.BOM_UTF8 + to_csv(grid, encoding="utf-8-sig")
    sheet, _ = _as_the_csv_module_reads_it(data, ";")
    assert list(sheet.table.columns) == header
    assert sheet.skipped == [(251, "skip_repeated_header")]


def test_a_csv_excel_wrote_short_keeps_its_delimiter_and_columns():
    """Old Excel leaves a row's trailing empty cells out after the first rows; with a comma
    in every row's market reach, the comma once won the guess of a semicolon file's
    delimiter, and every row came out as two cells."""
    header = ["No", "Nama Sentra", "Kab/Kota", "Pemasaran", "Omzet", "Lintang", "Bujur"]
    grid = [["DATA SENTRA IKM 2024"], header]
    for i in range(400):
        row = [i + 1, f"Sentra Batik {i}", "Kab. Pekalongan", "Ekspor (Jepang, Malaysia)"]
        row += ["3,2 M", "-6.9", "109.6"] if i < 14 else (["3,2 M"] if i % 3 else [])
        grid.append(row)
    data = to_csv(grid)
    sheet, _ = _as_the_csv_module_reads_it(data, ";")
    assert list(sheet.table.columns) == header and len(sheet.rows) == 400
    assert set(sheet.table["Pemasaran"]) == {"Ekspor (Jepang, Malaysia)"}


def _as_the_csv_module_reads_it(data: bytes, delimiter: str):
    """``read_table``'s sheet, checked against Python's csv module and the row-by-row
    layout on the same text: the same table, rows, skipped rows, title and source."""
    assert isinstance(csv_grid(data), ColumnGrid)  # the columnar path, not the fallback
    rows = list(csv.reader(io.StringIO(decode(data), newline=""), delimiter=delimiter))
    layout = find_layout(rows)
    table, keep = build_table(rows, layout)
    sheet = read_table(data, "sentra.csv")
    assert sheet.rows == [i + 1 for i in keep]
    assert sheet.skipped == [(i + 1, why) for i, why in layout.skipped if why != "blank"]
    assert (sheet.title, sheet.source_note) == (layout.title, layout.source_note)
    assert list(sheet.table.columns) == list(table.columns)
    assert sheet.table.astype(object).to_numpy().tolist() == table.to_numpy().tolist()
    return sheet, layout
