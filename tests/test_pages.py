"""Every page in Streamlit's AppTest: renders, follows filters, URL state and language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["peta", "profil", "bandingkan", "sektor", "anggaran", "data", "tentang"]


@pytest.fixture(autouse=True)
def fresh_store(tmp_path_factory, monkeypatch, layers):
    monkeypatch.setenv("SENTRA_DATA_DIR", str(tmp_path_factory.mktemp("store")))
    from loaders import cached

    for func in (cached.data_store, cached.centres_of_version, cached.reference):
        func.clear()


def run(page: str = "peta", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "peta":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def map_script(at: AppTest) -> str:
    frames = [e for e in at.main if type(e).__name__ == "UnknownElement"]
    return json.loads(frames[0].proto.json_args)["script"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = run(page)
    assert at.title


def test_headline_numbers_follow_the_filters():
    everything = run()
    assert metric(everything, "Sentra") == "8.569"
    assert metric(everything, "Klaster") == "137"
    batik = run(sektor="tekstil_pakaian")
    assert 0 < int(metric(batik, "Sentra").replace(".", "")) < 8569
    clusters = run(jenis="klaster")
    assert metric(clusters, "Sentra") == "0"


def test_empty_filter_result_shows_friendly_state():
    at = run(komoditas="tidak-ada-komoditas-seperti-ini")
    assert any("Tidak ada sentra" in i.value for i in at.info)


def test_drill_down_changes_profile_and_map():
    jateng = run("profil", wilayah="33")
    assert jateng.title[0].value == "Jawa Tengah"
    assert metric(jateng, "Klaster") == "133"
    kota = run("profil", wilayah="33.75")
    assert kota.title[0].value == "Kota Pekalongan"
    assert int(metric(kota, "Sentra").replace(".", "")) < 1547
    province_map = map_script(run("peta", wilayah="33"))
    assert "Kabupaten Pekalongan" in province_map and "circleMarker" in province_map


def test_url_parameters_restore_state():
    at = run("peta", wilayah="34", metrik="budget_rp", lang="en", sektor="kerajinan")
    assert at.title[0].value.startswith("Daerah Istimewa Yogyakarta")
    assert at.selectbox(key="metrik").value == "budget_rp"
    assert at.multiselect(key="sektor").value == ["kerajinan"]
    assert "Budget to centres" in map_script(at)


def test_junk_url_values_fall_back_with_notice():
    at = run("peta", wilayah="99.99", metrik="nonsense", sektor="bukan-sektor")
    assert at.title[0].value == "Peta Sentra & Klaster"
    notices = " ".join(w.value for w in at.warning)
    assert "99.99" in notices and "nonsense" in notices and "bukan-sektor" in notices


def test_language_switch_changes_labels():
    indonesian = run("profil", wilayah="33")
    english = run("profil", wilayah="33", lang="en")
    assert metric(indonesian, "Tenaga kerja") == metric(english, "Workers").replace(",", ".")
    assert english.subheader[0].value == "Centres and clusters"


def test_compare_page_shows_regions_side_by_side():
    at = run("bandingkan", bandingkan=["33", "34"])
    tables = at.dataframe
    assert len(tables) == 2
    assert list(tables[0].value.columns) == ["Jawa Tengah", "Daerah Istimewa Yogyakarta"]


def test_compare_page_asks_for_two_regions():
    at = run("bandingkan", bandingkan=["33"])
    assert any("dua wilayah" in i.value for i in at.info)


def test_national_map_within_size_budget():
    payload = map_script(run())
    assert len(payload.encode()) < 300_000 + 60_000  # provinces layer + styles and legend


def test_national_map_carries_38_provinces_and_drill_down_35_regencies():
    national = map_script(run())
    assert national.count('"code": "') == 38
    jateng = map_script(run("peta", wilayah="33"))
    assert jateng.count('"code": "33.') == 35
