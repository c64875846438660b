"""Kecamatan and per-person measures on the pages, in Streamlit's AppTest."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from loaders.sample_files import GEODATA
from tests.test_pages import APP, map_script, metric, run

pytestmark = pytest.mark.usefixtures("fresh_store", "layers")

PEKALONGAN_PEOPLE = 1_034_241


def _per_100k(shown: str) -> float:
    return float(shown.replace(".", "").replace(",", "."))


def test_profile_shows_per_person_measures_with_their_source():
    at = run("profil", wilayah="33.26")
    bundled = pd.read_csv(GEODATA / "centres.csv", dtype={"regency_code": str})
    expected = (bundled["regency_code"] == "33.26").sum() / PEKALONGAN_PEOPLE * 100_000
    assert metric(at, "Penduduk 2025") == "1.034.241"
    shown = metric(at, "Sentra/klaster per 100.000 penduduk")
    assert _per_100k(shown) == pytest.approx(expected, abs=0.005)
    assert any("Kepmendagri No 300.2.2-2138" in c.value for c in at.caption)
    english = run("profil", wilayah="33.26", lang="en")
    assert metric(english, "Population 2025") == "1,034,241"


def test_per_person_measure_on_the_map_and_in_compare():
    at = run("peta", wilayah="33", metrik="centres_per_100k")
    script = map_script(at)
    assert "Sentra/klaster per 100.000 penduduk" in script
    assert "Kepmendagri No 300.2.2-2138" in script  # the legend names the population source
    compare = run("bandingkan", bandingkan=["33.26", "33.75"])
    rows = list(compare.table[0].value.index)
    assert "Tenaga kerja per 1.000 penduduk" in rows
    assert any("Kemendagri 2025" in c.value for c in compare.caption)


def _bundled() -> pd.DataFrame:
    return pd.read_csv(GEODATA / "centres.csv", dtype=str)


def test_regency_map_shows_its_kecamatan_with_breadcrumb_and_back():
    at = run("peta", wilayah="33.26")
    assert at.title[0].value == "Jawa Tengah › Kabupaten Pekalongan"
    script = map_script(at)
    assert script.count('"code": "33.26.') == 19  # its kecamatan, as a choropleth
    assert '"code": "33.25' not in script  # not the neighbouring regencies
    assert "Buaran" in script and "Kedungwuni" in script
    assert "circleMarker" in script  # and the regency's centres as points
    box = at.selectbox(key="cari_33.26")  # the province's kecamatan are listed
    assert "Kec. Buaran · Kab. Pekalongan" in box.options
    assert box.options[0] == "(seluruh Indonesia)"
    box.set_value("33.26.14").run()
    assert at.title[0].value == "Jawa Tengah › Kab. Pekalongan › Kec. Buaran"
    at.button[0].click().run()  # back: one level up
    assert at.title[0].value == "Jawa Tengah › Kabupaten Pekalongan"
    assert at.button[0].label == "← Jawa Tengah"


def test_kecamatan_on_the_map_profile_and_compare():
    bundled = _bundled()
    in_buaran = bundled[bundled["kecamatan_code"] == "33.26.14"]
    at = run("peta", wilayah="33.26.14")
    script = map_script(at)
    assert script.count('"code": "33.26.') == 19  # its regency's kecamatan, Buaran outlined
    assert int(metric(at, "Klaster")) == (in_buaran["kind"] == "klaster").sum() >= 1
    assert "Simbang Kulon" in script  # the known cluster, placed in Buaran
    profile = run("profil", wilayah="33.26.14")
    assert profile.title[0].value == "Kec. Buaran"
    assert any("Kabupaten Pekalongan, Jawa Tengah" in c.value for c in profile.caption)
    assert int(metric(profile, "Sentra")) == (in_buaran["kind"] == "sentra").sum()
    assert metric(profile, "Sentra/klaster per 100.000 penduduk") == "–"
    compare = run("bandingkan", bandingkan=["33.26.14", "33.26.13", "33.26"])
    table = compare.table[0].value
    assert list(table.columns) == ["Buaran", "Kedungwuni", "Kabupaten Pekalongan"]
    english = run("peta", wilayah="33.26.14", lang="en")
    assert english.title[0].value.endswith("› Buaran district")


def test_missing_code_list_gives_a_clear_message(tmp_path, monkeypatch):
    from loaders import wilayah_codes
    from ui import cached

    monkeypatch.setenv("SENTRA_CODES_DIR", str(tmp_path / "no-codes"))
    monkeypatch.setattr(wilayah_codes, "PARSE_VERSION", "test-unparsed")  # no cached tables
    wilayah_codes._tables.cache_clear()
    cached.reference.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=90).run()
        errors = " ".join(e.value for e in at.error)
        assert "wilayah.sql" in errors and "tidak ditemukan" in errors
        assert "SENTRA_CODES_DIR" in errors and not at.exception
    finally:
        wilayah_codes._tables.cache_clear()
        cached.reference.clear()
