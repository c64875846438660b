"""Cells as officials write them: old region names, codes with and without dots, BPS codes,
"Pekalongan" settled by another column (or reported), kecamatan and desa, market reach."""

from __future__ import annotations

import pytest

from loaders.importer import report_table, validate_file
from sentra.market_reach import parse_reach
from tests.officials_files import to_csv, to_xlsx


def _check(checker, grid, name="wilayah.csv"):
    data = to_xlsx({"Data": (grid, [])}) if name.endswith(".xlsx") else to_csv(grid)
    sheet, _, result = validate_file(data, name, checker)
    report = report_table(result, "id").set_index("row")
    placed = result.rows.set_index("name")[["regency_code", "kecamatan_code"]]
    return placed.astype(object).where(placed.notna(), None), report


def test_kodya_kab_and_bps_codes_in_a_regency_table(checker):
    grid = [
        ["No", "Nama Sentra", "Kode BPS", "Kabupaten/Kota", "Kecamatan"],
        [1, "Sentra Rencong", 1101, "SIMEULUE", None],  # BPS 1101 is Kemendagri 11.09
        [2, "Sentra Bandeng", 3374, "Kodya Semarang", "Kec. Candisari"],
        [3, "Sentra Batik", 3326, "Kab Pekalongan", "Wiradesa"],
        [4, "Sentra Lurik", 3310, "Kotamadya Klaten", None],  # no city of that name
        [5, "Sentra Kopi", 1101, None, None],  # a BPS code alone cannot be placed
    ]
    placed, report = _check(checker, grid, "bps.xlsx")
    assert placed.to_dict("index") == {
        "Sentra Rencong": {"regency_code": "11.09", "kecamatan_code": None},
        "Sentra Bandeng": {"regency_code": "33.74", "kecamatan_code": "33.74.08"},
        "Sentra Batik": {"regency_code": "33.26", "kecamatan_code": "33.26.16"},
    }
    assert report.loc[2, "messages"] == (
        "Kode 1101 bukan kode Kemendagri untuk 'SIMEULUE'; dibaca sebagai kode BPS dan dipakai "
        "namanya: Kabupaten Simeulue (11.09)."
    )
    assert report.loc[3, "status"] == "sah" and report.loc[4, "status"] == "sah"
    assert report.loc[5, "status"] == "galat" and "Kotamadya Klaten" in report.loc[5, "messages"]
    assert report.loc[6, "messages"].startswith("Kode BPS 1101 perlu nama kab/kota")


def test_kemendagri_codes_with_and_without_dots_and_a_contradiction(checker):
    grid = [
        ["Nama Sentra", "Kode Kab/Kota", "Kab/Kota"],
        ["Sentra A", "33.26", ""],
        ["Sentra B", "3375", ""],
        ["Sentra C", "", "33.72 Kota Surakarta"],
        ["Sentra D", "", "Kab. Adm. Kep. Seribu"],
        ["Sentra E", "1101", "Simeulue"],  # not headed BPS: code and name disagree
        ["Sentra F", "99.99", ""],
    ]
    placed, report = _check(checker, grid)
    assert placed["regency_code"].to_dict() == {
        "Sentra A": "33.26",
        "Sentra B": "33.75",
        "Sentra C": "33.72",
        "Sentra D": "31.01",
    }
    assert report.loc[6, "messages"].startswith(
        "Kode 1101 (Kabupaten Aceh Selatan (11.01)) tidak cocok dengan nama 'Simeulue' "
        "(Kabupaten Simeulue (11.09))."
    )
    assert report.loc[7, "messages"] == "Kode wilayah '99.99' tidak dikenal."


def test_pekalongan_is_settled_by_another_column_or_reported(checker):
    grid = [
        ["Nama Sentra", "Provinsi", "Kab/Kota", "Kecamatan", "Desa", "Lintang", "Bujur"],
        ["Batik Wiradesa", "", "Pekalongan", "Wiradesa", "", "", ""],
        ["Batik Utara", "", "Pekalongan", "Kec. Pekalongan Utara", "", "", ""],
        ["Batik Simbang", "", "Pekalongan", "", "Simbang Kulon", "", ""],
        ["Batik Kota", "", "Pekalongan", "", "", "-6,888", "109,675"],
        ["Batik Entah", "", "Pekalongan", "", "", "", ""],
        ["Batik Provinsi", "Jawa Tengah", "Pekalongan", "", "", "", ""],
        ["Batik Salah Ketik", "", "Kab. Pekalogan", "", "", "", ""],
        ["Batik Kec Salah", "", "Kab. Pekalongan", "Wiradisa", "", "", ""],
    ]
    placed, report = _check(checker, grid)
    assert placed.to_dict("index") == {
        "Batik Wiradesa": {"regency_code": "33.26", "kecamatan_code": "33.26.16"},
        "Batik Utara": {"regency_code": "33.75", "kecamatan_code": "33.75.03"},
        "Batik Simbang": {"regency_code": "33.26", "kecamatan_code": "33.26.14"},
        "Batik Kota": {"regency_code": "33.75", "kecamatan_code": None},
        "Batik Kec Salah": {"regency_code": "33.26", "kecamatan_code": None},
    }
    assert report.loc[2, "messages"] == (
        "'Pekalongan' dibaca sebagai Kabupaten Pekalongan (33.26): 'Wiradesa' hanya ada di sana."
    )
    assert "Simbang Kulon" in report.loc[4, "messages"]
    assert report.loc[5, "messages"] == (
        "Kab/kota dibaca sebagai Kota Pekalongan (33.75): koordinatnya berada di sana."
    )
    ambiguous = "'Pekalongan' bisa berarti Kabupaten Pekalongan (33.26), Kota Pekalongan (33.75)"
    assert report.loc[6, "messages"].startswith(ambiguous)
    assert report.loc[7, "messages"].startswith(ambiguous)  # both are in Central Java
    assert report.loc[8, "messages"] == (
        "Wilayah 'Kab. Pekalogan' tidak dikenal. Mungkin maksud Anda: Kabupaten Pekalongan "
        "(33.26), Kota Pekalongan (33.75), Kabupaten Pemalang (33.27)?"
    )
    assert "(mungkin: Wiradesa)" in report.loc[9, "messages"]
    assert report.loc[8:9, "status"].tolist() == ["galat", "peringatan"]
    english = report_table(validate_file(to_csv(grid), "w.csv", checker)[2], "en")
    english = english.set_index("row")["messages"]
    assert "Did you mean: Kabupaten Pekalongan (33.26)" in english[8]


@pytest.mark.parametrize(
    ("text", "reach", "countries"),
    [
        ("Ekspor (Jepang, Malaysia)", "ekspor", ("Jepang", "Malaysia")),
        ("Ekspor ke Jepang dan Korea", "ekspor", ("Jepang", "Korea Selatan")),
        ("export to Japan and USA", "ekspor", ("Jepang", "Amerika Serikat")),
        ("Pasar lokal", "lokal", ()),
        ("Dalam negeri", "nasional", ()),
        ("Nasional & Ekspor", "ekspor", ()),
        ("Lokal, Regional", "regional", ()),
        ("Antar pulau", "nasional", ()),
        ("Jepang; Belanda", "ekspor", ("Jepang", "Belanda")),
        ("Internasional (Eropa, Timur Tengah)", "ekspor", ("Eropa", "Timur Tengah")),
    ],
)
def test_market_reach_as_written(text, reach, countries):
    parsed = parse_reach(text)
    assert (parsed.reach, parsed.destinations, parsed.unknown) == (reach, countries, ())


def test_unrecognised_reach_warns_and_keeps_the_row(checker):
    grid = [
        ["Nama Sentra", "Kab/Kota", "Pemasaran", "Negara Tujuan"],
        ["Sentra A", "Kab. Bantul", "Ekspor (Jepang, Malaysia)", ""],
        ["Sentra B", "Kab. Bantul", "bebas", ""],
        ["Sentra C", "Kab. Bantul", "Nasional", "China, Wakanda"],
    ]
    _, _, result = validate_file(to_csv(grid), "pasar.csv", checker)
    rows = result.rows.set_index("name")
    assert rows["export_reach"].fillna("–").to_dict() == {
        "Sentra A": "ekspor",
        "Sentra B": "–",
        "Sentra C": "ekspor",
    }
    assert rows.loc["Sentra A", "export_destinations"] == "Jepang; Malaysia"
    assert rows.loc["Sentra C", "export_destinations"] == "Tiongkok; Wakanda"
    report = report_table(result, "id").set_index("row")
    assert report.loc[3, "messages"] == (
        "Jangkauan pasar 'bebas' tidak dikenal; baris tetap diimpor tanpa jangkauan."
    )
    assert report.loc[4, "messages"] == (
        "Negara tujuan 'Wakanda' tidak dikenal; dicatat seperti tertulis."
    )
    assert result.invalid == 0
