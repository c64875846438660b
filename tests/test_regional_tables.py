"""Regional tables as officials hold them (BPS "Dalam Angka", Dinas reports): one figure per
region and year, imported as a named, versioned indicator; absent regions have no data."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.import_file import read_table
from loaders.importer import indicator_key, read_regional_sheet, report_table
from loaders.store import StoreError
from sentra.accounts import Account
from tests.officials_files import to_csv, to_xlsx

TITLE = "Jumlah Sentra IKM menurut Kabupaten/Kota di Provinsi Jawa Tengah, 2019–2023"
WIDE = [
    [TITLE, None, None, None, None, None],
    [None] * 6,
    ["Kabupaten/Kota", "2019", "2020", "2021", "2022", "2023*"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["Cilacap", 12, 14, 15, 15, 17],
    ["Magelang", 20, 21, "-", 24, 26],  # BPS style: the regency, the city written "Kota …"
    ["Kota Magelang", 3, 3, 4, 4, 4],
    ["Pekalongan", 41, 43, 44, 46, 47],
    ["Kota Pekalongan", 18, 18, 19, 19, 20],
    ["Kab. Antah", 1, 1, 1, 1, 1],
    ["Jawa Tengah", 94, 99, 82, 108, 114],  # the province total
    [
        "Sumber: BPS Provinsi Jawa Tengah, Jawa Tengah Dalam Angka 2024",
        None,
        None,
        None,
        None,
        None,
    ],
]


def test_wide_regency_table_2019_2023(synthetic_checker, store):
    sheet = read_table(to_xlsx({"Tabel 4.1": (WIDE, [(0, 0, 0, 5)])}), "ikm.xlsx")
    assert sheet.header_row == 3 and sheet.title == TITLE
    assert sheet.source_note == "BPS Provinsi Jawa Tengah, Jawa Tengah Dalam Angka 2024"
    layout, result = read_regional_sheet(sheet, synthetic_checker)
    assert layout.region == "Kabupaten/Kota"
    assert layout.years == {"2019": 2019, "2020": 2020, "2021": 2021, "2022": 2022, "2023*": 2023}
    assert result.level == "regency"
    values = result.values.set_index(["region_code", "year"])["value"]
    assert sorted(set(result.values["region_code"])) == [
        "33.01",
        "33.08",
        "33.26",
        "33.71",
        "33.75",
    ]
    assert values[("33.08", 2022)] == 24 and ("33.08", 2021) not in values  # "-": no data
    assert values[("33.71", 2019)] == 3 and values[("33.26", 2023)] == 47
    assert len(result.values) == 5 * 5 - 1 and result.no_data_cells == 1
    report = report_table(result, "id").set_index("row")
    assert report["status"].to_dict() == {
        4: "dilewati",
        5: "sah",
        6: "peringatan",
        7: "sah",
        8: "peringatan",
        9: "sah",
        10: "galat",
        11: "dilewati",
        12: "dilewati",
    }
    assert report.loc[6, "messages"] == (
        "'Magelang' dibaca sebagai Kabupaten Magelang (33.08): kotanya tertulis sendiri di "
        "tabel ini."
    )
    assert "Kab. Antah" in report.loc[10, "messages"]
    assert "jumlah seluruh tabel" in report.loc[11, "messages"]

    meta = {
        "key": indicator_key("Jumlah sentra IKM"),
        "name": "Jumlah sentra IKM",
        "unit": "unit",
        "source": sheet.source_note,
        "level": result.level,
        "data_status": "sumber",
        "label": "ikm.xlsx",
    }
    first = store.import_regional_indicator(meta, result.values)
    second = store.import_regional_indicator(meta, result.values.head(3))
    listed = store.regional_indicators()
    assert listed["indicator_version"].tolist() == [second]  # the newest version is shown
    assert listed.loc[0, "key"] == "jumlah_sentra_ikm" and listed.loc[0, "years"] == [2019]
    assert len(store.regional_values(first)) == 24
    assert store.regional_indicator_versions()["indicator_version"].tolist() == [second, first]


def test_long_and_single_year_province_tables(synthetic_checker):
    long = [
        ["Provinsi", "Tahun", "Nilai produksi (Rp)"],
        ["Jawa Tengah", 2022, "Rp 1,2 triliun"],
        ["Jawa Tengah", 2023, "1,4 triliun"],
        ["DI Yogyakarta", 2023, "350 miliar"],
        ["INDONESIA", 2023, "9 triliun"],
    ]
    layout, result = read_regional_sheet(read_table(to_csv(long), "nilai.csv"), synthetic_checker)
    assert (layout.year_column, layout.value_column) == ("Tahun", "Nilai produksi (Rp)")
    assert result.level == "province"
    assert result.values.to_dict("records") == [
        {"region_code": "33", "year": 2022, "value": 1.2e12},
        {"region_code": "33", "year": 2023, "value": 1.4e12},
        {"region_code": "34", "year": 2023, "value": 3.5e11},
    ]
    assert report_table(result, "en").set_index("row").loc[5, "status"] == "skipped"

    single = [["Provinsi", "Jumlah sentra"], ["Bali", "120"], ["Banten", "1.506"]]
    layout, result = read_regional_sheet(
        read_table(to_csv(single), "satu.csv"), synthetic_checker, year=2024
    )
    assert layout.value_column == "Jumlah sentra"
    assert result.values["value"].tolist() == [120, 1506]
    assert set(result.values["year"]) == {2024}


def test_an_editor_imports_tables_only_for_its_regions_and_never_over_anothers(fresh_store):
    """A table naming regions outside the editor's is refused; so is a one-regency table
    under the name of the admin's national table (everyone else would get "no data")."""
    store = fresh_store.open()
    admin = Account("pusat", "admin")
    office = Account("dinas-pekalongan", "editor", ("33.26",))
    meta = {"key": "penduduk", "name": "Penduduk", "unit": "orang", "source": "BPS"}
    meta |= {"level": "regency", "data_status": "sumber", "label": "penduduk.csv"}
    national = pd.DataFrame(
        {"region_code": ["33.26", "33.02"], "year": [2023, 2023], "value": [1e6, 2e6]}
    )
    store.import_regional_indicator(meta, national, admin)
    before = store.regional_indicator_versions()
    with pytest.raises(StoreError):
        store.import_regional_indicator(meta, national.head(1), office)
    with pytest.raises(StoreError):
        store.import_regional_indicator(meta | {"key": "lain"}, national, office)
    pd.testing.assert_frame_equal(store.regional_indicator_versions(), before)
    assert store.indicator_owned_elsewhere("penduduk", office)
    mine = store.import_regional_indicator(meta | {"key": "lain"}, national.head(1), office)
    newest = store.regional_indicator_versions().iloc[0]
    assert (newest["indicator_version"], newest["account"]) == (mine, "dinas-pekalongan")
    assert not store.indicator_owned_elsewhere("lain", office)
