"""The official 2025 code list, population and area, read from the real pinned files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders import wilayah_codes
from loaders.wilayah_codes import CodesSourceError, sql_rows


@pytest.fixture
def fresh(tmp_path, monkeypatch) -> Path:
    """An empty cache and no parsed tables in memory; restored afterwards."""
    monkeypatch.setenv("SENTRA_CACHE_DIR", str(tmp_path / "cache"))
    wilayah_codes._tables.cache_clear()
    yield tmp_path
    wilayah_codes._tables.cache_clear()


@pytest.fixture
def fresh_synthetic(synthetic, fresh) -> Path:
    """``fresh``, with the synthetic code list (tests/synthetic.py) in place of the real one."""
    return fresh


@pytest.fixture
def codes_copy(fresh_synthetic, synthetic, monkeypatch) -> Path:
    """A copy of the (synthetic) code list files, to break."""
    copy = fresh_synthetic / "wilayah_codes"
    shutil.copytree(synthetic.codes / "db", copy / "db")
    monkeypatch.setenv("SENTRA_CODES_DIR", str(copy))
    return copy


@pytest.mark.slow  # the real code list
def test_counts_per_level_are_the_2025_list():
    counts = wilayah_codes.codes()["level"].value_counts().to_dict()
    assert counts == {"provinsi": 38, "kabupaten_kota": 514, "kecamatan": 7285, "desa": 83762}


@pytest.mark.slow  # the real code list
def test_codes_unique_and_children_point_at_existing_parents():
    table = wilayah_codes.codes()
    assert table["code"].is_unique
    assert (table.loc[table["level"] == "provinsi", "parent_code"] == "").all()
    children = table[table["level"] != "provinsi"]
    assert children["parent_code"].isin(set(table["code"])).all()
    by_code = table.set_index("code")
    assert by_code.loc["33.26", "name"] == "Kabupaten Pekalongan"
    assert by_code.loc["33.26.14", ["name", "parent_code"]].tolist() == ["Buaran", "33.26"]
    assert by_code.loc["11.01.02.2018", "name"] == "Pasi Kuala Ba'u"  # escaped quote in SQL


@pytest.mark.slow  # the real code list
def test_population_per_province_and_regency_adds_up():
    people = wilayah_codes.population()
    assert len(people) == 38 + 514
    assert (people["male"] + people["female"] == people["total"]).all()
    provinces = people[people.index.str.len() == 2]
    regencies = people[people.index.str.len() == 5]
    by_province = regencies.groupby(regencies.index.str[:2])["total"].sum()
    assert (by_province == provinces["total"]).all()
    assert provinces["total"].sum() == 284_973_643  # the file's own national row
    assert people.loc["33.26", "total"] == 1_034_241


@pytest.mark.slow  # the real code list
def test_official_area_codes_repaired():
    area = wilayah_codes.official_area()
    assert len(area) == 552 and area.index.is_unique
    assert set(area.index) == set(wilayah_codes.population().index)
    # Written as 31.0 and 11.1 (numbers) in the file: DKI Jakarta and Kab. Aceh Singkil.
    assert area["31"] == pytest.approx(661.53)
    assert area["11.10"] == pytest.approx(1851.615)
    assert area["53.02"] == pytest.approx(3931.747)  # "Kab Timor Tengah Selatan"


def test_second_call_is_served_from_memory_and_cache(fresh_synthetic):
    fresh = fresh_synthetic
    first = wilayah_codes.codes()
    assert wilayah_codes.codes() is first
    wilayah_codes._tables.cache_clear()
    assert len(list((fresh / "cache" / "codes").glob("*/codes.parquet"))) == 1
    assert wilayah_codes.codes().equals(first)


@pytest.mark.slow  # the real code list
def test_corrupt_cache_is_parsed_again_not_trusted(fresh):
    wilayah_codes.codes()
    wilayah_codes._tables.cache_clear()
    cached = next((fresh / "cache" / "codes").glob("*/population.parquet"))
    data = bytearray(cached.read_bytes())
    data[len(data) // 2] ^= 0xFF
    cached.write_bytes(bytes(data))
    assert wilayah_codes.population().loc["33", "total"] == 38_430_645


def test_truncated_file_is_refused_with_its_name(codes_copy):
    path = codes_copy / "db" / "wilayah_penduduk.sql"
    path.write_bytes(path.read_bytes()[:-300])
    with pytest.raises(CodesSourceError, match=r"wilayah_penduduk\.sql.*rusak.*truncated"):
        wilayah_codes.population()


def test_missing_file_is_refused_with_its_name(codes_copy):
    (codes_copy / "db" / "wilayah_luas.sql").unlink()
    with pytest.raises(CodesSourceError, match=r"wilayah_luas\.sql.*tidak ditemukan"):
        wilayah_codes.official_area()


def test_parser_reads_messy_dumps_and_refuses_cut_ones():
    text = (
        "/* header (c) 2025 */\r\n-- Provinsi A\r\nINSERT INTO wilayah (kode, nama)\r\nVALUES\r\n"
        "('11','Aceh'),\r\n( '11.01' , 'Kab. O''Neil' ),\r\n('11.02','Ba\\'u; (lama)');\r\n"
        "\r\n-- Provinsi B\r\nINSERT INTO wilayah (kode, nama) VALUES ('12','Sumatera Utara');\r\n"
    )
    columns, rows = sql_rows(text, "wilayah", "test.sql")
    assert columns == ["kode", "nama"]
    assert rows == [
        ["11", "Aceh"],
        ["11.01", "Kab. O'Neil"],
        ["11.02", "Ba'u; (lama)"],
        ["12", "Sumatera Utara"],
    ]
    with pytest.raises(CodesSourceError, match="test.sql"):
        sql_rows(text.replace("('11.02','Ba\\'u; (lama)');", "('11.02','Ba"), "wilayah", "test.sql")
    with pytest.raises(CodesSourceError, match="2 nilai"):
        sql_rows(text.replace("(kode, nama)", "(kode, nama, luas)", 1), "wilayah", "test.sql")
