"""Officials' files in (CSV, XLSX, GeoJSON) and the dataset out, with real files and store."""

from __future__ import annotations

import io
import json
import time

import openpyxl
import pandas as pd
import pytest

from loaders.export import to_csv_bytes, to_geojson_bytes, to_xlsx_bytes
from loaders.import_file import MAX_UPLOAD_BYTES, ImportFileError
from loaders.importer import report_table, validate_file
from loaders.sheets import csv_grid
from sentra.escape import escape_text
from sentra.sheet_grid import ColumnGrid
from tests.officials_files import to_csv, to_xlsx

XSS = "<img src=x onerror=alert(1)>"


def _messages(result, lang="id") -> list[str]:
    return report_table(result, lang)["messages"].tolist()


def test_semicolon_csv_with_decimal_commas_in_windows_1252(synthetic_checker):
    text = (
        "Nama Sentra;Kab/Kota;Komoditas;Omzet;Jumlah Unit Usaha;Tenaga Kerja;Lintang;Bujur\n"
        "Sentra Gerabah Kasongan;Kab. Bantul;gerabah;Rp 2.500.000.000;120;360;-7,8480;110,3360\n"
        "Sentra Tahu Café;Kota Yogyakarta;tahu;13,9 miliar;1.506;4.200;;\n"
    )
    _, mapping, result = validate_file(text.encode("cp1252"), "sentra.csv", synthetic_checker)
    assert mapping["turnover_rp"] == "Omzet" and mapping["regency"] == "Kab/Kota"
    assert result.invalid == 0
    rows = result.rows.set_index("name")
    assert rows.loc["Sentra Gerabah Kasongan", "turnover_rp"] == 2_500_000_000
    assert rows.loc["Sentra Gerabah Kasongan", "lat"] == pytest.approx(-7.848)
    assert rows.loc["Sentra Tahu Café", "turnover_rp"] == 13_900_000_000
    assert rows.loc["Sentra Tahu Café", "enterprises"] == 1506
    assert rows.loc["Sentra Tahu Café", "regency_code"] == "34.71"


def test_xlsx_with_indonesian_headers(synthetic_checker, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "No",
            "Nama Sentra",
            "Provinsi",
            "Kabupaten/Kota",
            "Sektor",
            "Komoditi",
            "Jumlah Unit Usaha",
            "Tenaga Kerja",
            "Omzet (Rp/tahun)",
            "Pemasaran",
            "Pembina",
            "Tahun Berdiri",
        ]
    )
    sheet.append(
        [
            1,
            "Sentra Batik Pesindon",
            "Jawa Tengah",
            "Kota Pekalongan",
            "Tekstil dan pakaian",
            "batik",
            45,
            180,
            3_200_000_000,
            "Ekspor",
            "Kemenperin",
            1990,
        ]
    )
    sheet.append(
        [
            2,
            "Sentra Rotan Tegalwangi",
            "Jawa Barat",
            "Kab. Cirebon",
            "kayu dan rotan",
            "rotan",
            "60",
            "250",
            "4,1 miliar",
            "nasional",
            "Pemda",
            "1985",
        ]
    )
    path = tmp_path / "sentra.xlsx"
    book.save(path)
    _, _, result = validate_file(path.read_bytes(), path.name, synthetic_checker)
    assert result.invalid == 0, _messages(result)
    rows = result.rows.set_index("name")
    batik = rows.loc["Sentra Batik Pesindon"]
    assert (batik["regency_code"], batik["sector"], batik["export_reach"]) == (
        "33.75",
        "tekstil_pakaian",
        "ekspor",
    )
    assert rows.loc["Sentra Rotan Tegalwangi", "turnover_rp"] == 4_100_000_000
    assert rows.loc["Sentra Rotan Tegalwangi", "fostering_body"] == "pemda"


def test_ambiguous_and_unknown_regions_are_reported_not_guessed(synthetic_checker):
    text = (
        "nama,kab/kota,provinsi\n"
        "A,Pekalongan,\n"
        "B,Pekalongan,Jawa Tengah\n"
        "C,Kabupaten Antah Berantah,\n"
        "D,Kota Pekalongan,\n"
        "E,Sleman,Jawa Timur\n"
    )
    _, _, result = validate_file(text.encode(), "wilayah.csv", synthetic_checker)
    report = report_table(result, "id").set_index("row")  # rows as the file numbers them
    assert "Kabupaten Pekalongan (33.26)" in report.loc[2, "messages"]
    assert "Kota Pekalongan (33.75)" in report.loc[2, "messages"]
    assert report.loc[3, "status"] == "galat"  # a province does not settle Kab vs Kota
    assert "tidak dikenal" in report.loc[4, "messages"]
    assert report.loc[5, "status"] == "sah"
    assert "tidak berada di provinsi" in report.loc[6, "messages"]
    assert result.invalid == 4 and result.rows["name"].tolist() == ["D"]
    english = report_table(result, "en").set_index("row")
    assert "Unknown region" in english.loc[4, "messages"]
    assert english.loc[3, "status"] == "error"


def test_bad_numbers_coordinates_and_duplicate_ids(synthetic_checker):
    text = (
        "id;nama;kab/kota;unit usaha;tenaga kerja;lintang;bujur;tahun berdiri\n"
        "X1;Neg;Kab. Bantul;-5;10;;;\n"
        "X2;Huge;Kab. Bantul;9000000;10;;;\n"
        "X1;Dup;Kab. Bantul;5;10;;;\n"
        "X4;Far;Kab. Bantul;5;10;-6,2;106,8;\n"
        "X5;Abroad;Kab. Bantul;5;10;35,6;139,7;\n"
        "X6;Swapped;Kab. Bantul;5;10;110,33;-7,88;\n"
        "X7;;Kab. Bantul;5;10;;;\n"
        "X8;Future;Kab. Bantul;5;10;;;2999\n"
        "X9;Near edge;Kab. Bantul;5;10;-7,88;110,33;2001\n"
    )
    _, _, result = validate_file(text.encode(), "angka.csv", synthetic_checker)
    report = report_table(result, "id").set_index("row")["messages"]
    assert "negatif" in report[2]
    assert "tidak masuk akal" in report[3]
    assert "ganda" in report[4] and "baris 2" in report[4]
    assert "km di luar wilayah 34.02" in report[5]
    assert "di luar Indonesia" in report[6]
    assert "tertukar" in report[7]
    assert "Nama wajib diisi" in report[8]
    assert "Tahun berdiri" in report[9]
    assert result.rows["id"].tolist() == ["X9"]


def test_geojson_points_import_with_coordinates(synthetic_checker):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [110.40, -7.83]},
                "properties": {"Nama Sentra": "Sentra Perak", "Kab/Kota": "Kota Yogyakarta"},
            },
        ],
    }
    _, _, result = validate_file(json.dumps(doc).encode(), "titik.geojson", synthetic_checker)
    assert result.invalid == 0
    assert result.rows.loc[0, ["lat", "lng"]].tolist() == [-7.83, 110.40]


def test_geojson_properties_of_any_json_type_are_read_as_text(synthetic_checker):
    """A property holding a list, an object, a boolean or null (GeoJSON from other tools)
    is a cell like any other: text, or empty, never a crash."""

    def feature(name: object, commodity: object, workers: object) -> dict:
        props = {"Nama Sentra": name, "Kab/Kota": "Kota Yogyakarta", "Komoditas": commodity}
        point = {"type": "Point", "coordinates": [110.40, -7.83]}
        return {"type": "Feature", "geometry": point, "properties": props | {"Tenaga": workers}}

    doc = {
        "type": "FeatureCollection",
        "features": [
            feature(["Sentra", "Perak"], True, 12),
            feature({"nama": "Sentra Batik"}, 1, None),
            feature("Sentra Kulit", None, True),
        ],
    }
    _, _, result = validate_file(json.dumps(doc).encode(), "sifat.geojson", synthetic_checker)
    assert result.rows["name"].tolist()[:2] == ["['Sentra', 'Perak']", "{'nama': 'Sentra Batik'}"]
    assert result.rows["commodity"].tolist()[:2] == ["True", "1"]  # True and 1 stay apart
    assert pd.isna(result.rows.loc[2, "commodity"])


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"", "kosong.csv", "file_empty"),
        (b"nama,kab\n", "header.csv", "file_no_rows"),
        (b"a,b\n1,2\n", "data.pdf", "file_bad_extension"),
        (b"a,b\n1,2\n", "data.xls", "file_bad_xlsx"),
        (b"PK\x03\x04 truncated", "rusak.ods", "file_bad_xlsx"),
        (b"PK\x03\x04 truncated", "rusak.xlsx", "file_bad_xlsx"),
        (b'{"type": "FeatureCollection", "features": [', "rusak.geojson", "file_bad_json"),
        (b'{"a": 1}', "bukan.json", "file_not_geojson"),
        (b"x" * (MAX_UPLOAD_BYTES + 1), "besar.csv", "file_too_large"),
    ],
)
def test_broken_files_get_a_clear_message(synthetic_checker, data, name, key):
    with pytest.raises(ImportFileError) as caught:
        validate_file(data, name, synthetic_checker)
    assert caught.value.key == key


def test_truncated_real_xlsx_is_refused(synthetic_checker, tmp_path):
    data = to_xlsx_bytes(pd.DataFrame({"Nama Sentra": ["A"], "Kab/Kota": ["Kab. Bantul"]}))
    with pytest.raises(ImportFileError) as caught:
        validate_file(data[: len(data) // 2], "potong.xlsx", synthetic_checker)
    assert caught.value.key == "file_bad_xlsx"


def test_garbage_csv_is_refused_without_traceback(synthetic_checker):
    import random

    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(200_000))
    with pytest.raises(ImportFileError):
        validate_file(garbage, "sampah.csv", synthetic_checker)


def test_export_round_trip_csv_and_xlsx(checker, store):
    current = store.centres()
    sample = current[current["province_code"] == "34"].head(50).copy()
    for data, name in ((to_csv_bytes(sample), "ekspor.csv"), (to_xlsx_bytes(sample), "e.xlsx")):
        table, mapping, result = validate_file(data, name, checker)
        assert result.invalid == 0, _messages(result)
        back = result.rows.set_index("id").loc[sample["id"]]
        assert back["name"].tolist() == sample["name"].tolist()
        assert back["regency_code"].tolist() == sample["regency_code"].tolist()
        assert back["turnover_rp"].fillna(-1).tolist() == sample["turnover_rp"].fillna(-1).tolist()
        assert back["enterprises"].fillna(-1).astype(int).tolist() == (
            sample["enterprises"].fillna(-1).astype(int).tolist()
        )


def test_export_geojson_places_centres_without_coordinates_at_label_points(store, layers):
    sample = store.centres().head(20)
    doc = json.loads(to_geojson_bytes(sample, layers.regions))
    assert len(doc["features"]) == 20
    first = doc["features"][0]
    assert first["properties"]["location_is_regency_label_point"] is True
    label = layers.regions.loc[first["properties"]["regency_code"]]
    assert first["geometry"]["coordinates"] == [label["label_lng"], label["label_lat"]]


def test_formulas_are_neutralised_in_csv_and_xlsx():
    frame = pd.DataFrame(
        {
            "name": ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "Aman"],
            "enterprises": [1, 2, -3, 4, 5],
        }
    )
    csv_text = to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'+1+1" in csv_text and "'@SUM" in csv_text
    assert ";-3" in csv_text  # numbers stay numbers
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    names = [sheet.cell(row=r, column=1) for r in range(2, 7)]
    assert all(cell.data_type == "s" for cell in names)
    assert [c.value for c in names][:4] == ["'" + v for v in frame["name"][:4]]


def test_html_in_names_is_stored_as_text(synthetic_checker, store):
    text = f'nama,kab/kota,komoditas\n"{XSS}",Kab. Bantul,"<script>alert(2)</script> & \'x\'"\n'
    _, _, result = validate_file(text.encode(), "xss.csv", synthetic_checker)
    store.import_centres(result.rows.assign(id="XSS-1"), "xss")
    stored = store.centres().set_index("id").loc["XSS-1"]
    assert stored["name"] == XSS
    assert escape_text(stored["name"]) == "&lt;img src=x onerror=alert(1)&gt;"


def test_import_of_50000_rows(checker, store, capsys):
    n = 50_000
    frame = pd.DataFrame(
        {
            "Nama Sentra": [f"Sentra Uji {i}" for i in range(n)],
            "Kab/Kota": ["Kab. Sleman", "Kota Pekalongan", "3326", "Kab. Bantul"] * (n // 4),
            "Omzet": ["1.250.000.000"] * n,
            "Jumlah Unit Usaha": ["25"] * n,
            "Lintang": [""] * n,
            "Bujur": [""] * n,
        }
    )
    data = to_csv_bytes(frame)
    started = time.perf_counter()
    _, _, result = validate_file(data, "besar.csv", checker)
    before = store.centres()
    imported = store.import_centres(result.rows, "besar")
    seconds = time.perf_counter() - started
    assert result.invalid == 0 and imported.version == 2
    # each addition takes the place of an illustrative sentra of its regency, else of its
    # province (Jawa Tengah, DI Yogyakarta), until those run out; clusters stay
    illustrative = before[
        (before["data_status"] == "ilustratif")
        & before["province_code"].isin(["33", "34"])
        & (before["kind"] == "sentra")
    ]
    assert imported.plan.counts()["retired"] == len(illustrative)
    assert len(store.centres()) == 8706 + n - len(illustrative)
    with capsys.disabled():
        print(f"\n[figure] import 50,000 rows: {seconds:.2f} s ({n / seconds:,.0f} rows/s)")


def _messy_sheet(rows: int) -> list[list]:
    """An office's sheet with a bit of everything a check can say, cycling over the rows:
    names padded with spaces, a missing name, a repeated id, regions as written (padded,
    ambiguous, unknown, in another province), unknown sectors, numbers as text and as
    numbers, invalid and negative ones, market reach with an unknown country,
    coordinates outside Indonesia, and a column that is empty throughout."""
    header = ["ID", "Nama Sentra", "Kab/Kota", "Provinsi", "Sektor", "Unit Usaha", "Omzet"]
    header += ["Pemasaran", "Lintang", "Bujur", "Pembina"]
    regions = [
        ("Kab. Bantul", ""),
        ("  Kab. Bantul ", "DI Yogyakarta"),
        ("Pekalongan", ""),
        ("Kota Pekalongan", "Jawa Tengah"),
        ("Kabupaten Antah Berantah", ""),
        ("Sleman", "Jawa Timur"),
    ]
    grid = [["DATA SENTRA"], header]
    for i in range(rows):
        regency, province = regions[i % 6]
        grid.append(
            [
                "S1" if i % 41 == 0 else f"S{i}",
                "" if i % 37 == 0 else (" Sentra Padded " if i % 5 == 0 else f"Sentra {i}"),
                regency,
                province,
                ["batik", "pangan", "xyz", ""][i % 4],
                ["45", 45, "1.200", "abc", "-5", ""][i % 6],
                ["Rp 3,2 M", "13,9 miliar", "", 950_000_000][i % 4],
                ["Ekspor (Jepang, Malaysia)", "lokal", "", "Ekspor (Narnia)"][i % 4],
                ["", "-7,8480", "35.6"][i % 3],
                ["", "110,3360", "139.7"][i % 3],
                "",
            ]
        )
    return grid


def test_a_long_csv_and_the_same_workbook_are_checked_alike(synthetic_checker):
    """A CSV of a few hundred rows is read by Arrow and checked from its columns; the same
    sheet saved as a workbook is read cell by cell. The centres kept, their types and
    every row's messages are the same."""
    grid = _messy_sheet(420)
    data = to_csv(grid)
    assert isinstance(csv_grid(data), ColumnGrid)
    _, _, from_csv = validate_file(data, "sentra.csv", synthetic_checker)
    _, _, from_xlsx = validate_file(to_xlsx({"Data": (grid, [])}), "sentra.xlsx", synthetic_checker)
    from_xlsx.rows["source"] = from_xlsx.rows["source"].str.replace(".xlsx", ".csv")
    pd.testing.assert_frame_equal(from_csv.rows, from_xlsx.rows)
    pd.testing.assert_frame_equal(from_csv.report, from_xlsx.report)
    assert (from_csv.invalid, from_csv.warnings) == (from_xlsx.invalid, from_xlsx.warnings)
    assert 0 < from_csv.invalid < 420 and from_csv.warnings > 0
    kept = from_csv.rows
    assert "Sentra Padded" in set(kept["name"])  # stripped, as every other cell
    assert kept["fostering_body"].isna().all() and kept["enterprises"].dtype == "float64"
    said = {key for messages in from_csv.report["messages"] for key, _ in messages}
    assert {"v_missing", "v_duplicate_id", "v_ambiguous_region", "v_unknown_sector"} <= said
    assert {"v_not_number", "v_negative", "v_unknown_reach_part", "v_outside_indonesia"} <= said


def test_sector_words_offices_write_are_read(synthetic_checker):
    """'Tekstil', 'Furnitur', 'Bahan bangunan', 'Pangan': Kemenperin's groups and trades,
    not "Lainnya"."""
    grid = [["Nama Sentra", "Kab/Kota", "Sektor"]] + [
        [f"Sentra {i}", "Kota Yogyakarta", word]
        for i, word in enumerate(["Tekstil", "Furnitur", "Bahan bangunan", "PANGAN", "Mebel"])
    ]
    _, _, result = validate_file(to_csv(grid), "sektor.csv", synthetic_checker)
    assert result.rows["sector"].tolist() == [
        "tekstil_pakaian",
        "kayu_rotan",
        "kimia_bahan_bangunan",
        "makanan_minuman",
        "kayu_rotan",
    ]
    assert result.warnings == 0
