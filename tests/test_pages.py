"""Every page in Streamlit's AppTest: renders, follows filters, URL state and language."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from sentra.map_build import NO_DATA_PATTERN_ID

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["peta", "profil", "bandingkan", "sektor", "analisis", "anggaran", "data", "tentang"]


# Each test on a store of its own (``fresh_store`` also forgets every cache of store data).
pytestmark = pytest.mark.usefixtures("fresh_store", "layers")


def run(page: str = "peta", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "peta":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def map_script(at: AppTest) -> str:
    frames = [e for e in at.main if type(e).__name__ == "UnknownElement"]
    return json.loads(frames[0].proto.json_args)["script"]


def map_table(at: AppTest) -> pd.DataFrame:
    """The map's table view ("Tabel peta"), a plain HTML table on the page, as read back."""
    body = next(h.proto.body for h in at.get("html") if "sentra-table" in h.proto.body)
    return pd.read_html(io.StringIO(body), keep_default_na=False)[0].astype(str)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = run(page)
    assert at.title


def test_headline_numbers_follow_the_filters():
    everything = run()
    assert metric(everything, "Sentra") == "8.569"
    # only Central Java has a published number of clusters: nationally it is unknown (the
    # old "137" added Central Java's 133 to four known examples elsewhere)
    assert metric(everything, "Klaster") == "Tidak ada data"
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


def test_long_tables_show_their_first_rows_and_say_so():
    data = run("data")
    assert len(data.dataframe[0].value) == 2000
    assert any("2.000 baris pertama dari 8.706" in c.value for c in data.caption)
    jateng = run("profil", wilayah="33")
    shown = len(jateng.dataframe[0].value)
    total = sum(int(metric(jateng, k).replace(".", "")) for k in ("Sentra", "Klaster"))
    assert shown == min(total, 2000)
    small = run("data", jenis="klaster", lang="en")
    assert len(small.dataframe[0].value) == 137
    assert not any("first" in c.value for c in small.caption)


def test_data_table_reads_as_labels_and_names_not_codes():
    table = run("data", jenis="klaster", sektor="tekstil_pakaian").dataframe[0].value
    assert list(table.columns[:4]) == ["ID", "Nama", "Jenis", "Sektor"]
    assert set(table["Jenis"]) == {"Klaster"} and set(table["Sektor"]) == {"Tekstil dan pakaian"}
    assert set(table["Provinsi"]) == {"Jawa Tengah"}
    assert "Kabupaten Pekalongan" in set(table["Kab/Kota"])
    english = run("data", jenis="klaster", lang="en").dataframe[0].value
    assert {"Kind", "Regency/city", "Data status"} <= set(english.columns)
    assert set(english["Kind"]) == {"Cluster"}


def test_compare_page_shows_regions_side_by_side():
    at = run("bandingkan", bandingkan=["33", "34"])
    tables = at.table
    assert len(tables) == 2
    assert list(tables[0].value.columns) == ["Jawa Tengah", "Daerah Istimewa Yogyakarta"]


def test_explorer_headline_sets_the_mapped_count_beside_bps_national_count():
    captions = [c.value for c in run().caption]
    note = next(c for c in captions if c.startswith("BPS 2024"))
    assert note == (
        "BPS 2024: 8.889 nasional; 321 di Banten, Bali dan Papua Pegunungan tanpa rincian "
        "provinsi; 1 sentra di peta berada di provinsi itu (sentra terkenal, di luar tabel BPS "
        "per provinsi)"
    )  # 8.569 mapped = 8.568 of BPS's provinces + 1 known centre in Bali
    english = [c.value for c in run(lang="en").caption]
    assert any(
        c.startswith(
            "BPS 2024: 8,889 nationally; 321 in Banten, Bali and Papua Pegunungan"
            " without a per-province figure"
        )
        for c in english
    )
    assert metric(run(lang="en"), "Centres") == "8,569"
    assert not any("BPS 2024: 8.889" in c.value for c in run(wilayah="33").caption)


def test_compare_page_has_no_cluster_count_outside_central_java_and_no_national_share():
    at = run("bandingkan", bandingkan=["33", "35"])
    absolute, shares = (d.value for d in at.table)
    assert absolute.loc["Jumlah klaster"].to_list() == ["133", "Tidak ada data"]
    assert absolute.loc["Jumlah sentra", "Jawa Timur"] == "1.664"
    assert not any(label.startswith("Jumlah klaster") for label in shares.index)
    assert any(label.startswith("Jumlah sentra") for label in shares.index)
    captions = " ".join(c.value for c in at.caption)
    assert "Pangsa nasional klaster tidak ditampilkan" in captions
    assert "Jawa Tengah (133 klaster, 2009)" in captions
    english = run("bandingkan", bandingkan=["33", "35"], lang="en")
    absolute = english.table[0].value
    assert absolute.loc["Number of clusters"].to_list() == ["133", "No data"]
    assert "No national share of clusters" in " ".join(c.value for c in english.caption)


def test_profile_outside_central_java_has_no_cluster_count():
    assert metric(run("profil", wilayah="35"), "Klaster") == "Tidak ada data"
    assert metric(run("profil", wilayah="32.09", lang="en"), "Clusters") == "No data"
    assert metric(run("profil", wilayah="33.26"), "Klaster") != "Tidak ada data"


def test_cluster_map_shows_no_data_outside_central_java():
    script = map_script(run(metrik="klaster"))
    regions = {r["code"]: r for r in json.loads(_regions_json(script))}
    assert regions["35"]["value"] == "Jumlah klaster: Tidak ada data"
    assert regions["35"]["style"]["fillColor"] == f"url(#{NO_DATA_PATTERN_ID})"  # hatched
    assert regions["33"]["value"] == "Jumlah klaster: 133"
    assert "wilayah lain berarsir abu-abu: tidak ada data" in script


def _regions_json(script: str) -> str:
    """The list of region entries in the map's script (``RegionLayer``)."""
    start = script.index('[{"code": ')
    depth = 0
    for i, ch in enumerate(script[start:], start):
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if depth == 0:
            return script[start : i + 1]
    raise AssertionError("no region entries")


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


def test_excel_and_geojson_wait_for_a_narrower_filter_on_very_large_data(layers):
    from loaders.sample_files import GEODATA
    from loaders.store import open_store
    from sentra.sample_data import scaled_centres

    bps = pd.read_csv(GEODATA / "sentra_industri_by_province_2024.csv", dtype=str)
    bps["sentra_industri"] = bps["sentra_industri"].astype(int)
    regencies = layers.regencies[["code", "name", "kind", "province_code"]]
    # additions take the places of the ~8,500 illustrative centres: 60,000 leave > 50,000
    open_store().import_centres(scaled_centres(60_000, regencies, bps), "besar")

    def enabled(at: AppTest) -> dict[str, bool]:
        buttons = at.get("download_button")
        return {b.proto.label: not b.proto.disabled for b in buttons}

    everything = run("data")
    assert enabled(everything) == {"Unduh CSV": True, "Unduh Excel": False, "Unduh GeoJSON": False}
    assert any("sampai 50.000 baris" in c.value for c in everything.caption)
    clusters = run("data", jenis="klaster")
    assert all(enabled(clusters).values())
    assert not any("50.000" in c.value for c in clusters.caption)


def test_specialisation_still_works_with_a_sector_chosen_in_the_sidebar():
    at = run("sektor", sektor="kerajinan")
    assert at.selectbox(key="sektor_lq").value == "kerajinan"
    top = at.dataframe[0].value
    lq = top["LQ"].str.replace(",", ".").astype(float)
    assert len(top) >= 5 and (lq > 1).all()
    assert any("filter sektor di sisi kiri tidak dipakai" in c.value for c in at.caption)


@pytest.mark.parametrize("page", ["bandingkan", "anggaran", "sektor", "data"])
def test_the_link_keeps_filters_chosen_on_any_page(page):
    at = run(page, komoditas="tidak-ada-komoditas-seperti-ini")  # pages that stop early
    at.multiselect(key="sektor").select("kerajinan").run()
    at.slider(key="tahun").set_value((2019, 2023)).run()
    assert at.query_params["sektor"] == "kerajinan"
    assert at.query_params["tahun"] == "2019-2023"
    at.multiselect(key="sektor").unselect("kerajinan").run()
    assert "sektor" not in at.query_params


def test_facts_read_in_the_readers_language_and_format():
    indonesian = run("tentang").table[0].value
    assert "Rp13,9 miliar" in set(indonesian["Nilai"]) and "1.506 unit" in set(indonesian["Nilai"])
    assert "Rencana anggaran pengembangan sentra UKM" in set(indonesian["Fakta"])
    assert not indonesian.isna().any().any()
    english = run("tentang", lang="en").table[0].value
    assert "Rp13.9 billion" in set(english["Value"])


@pytest.mark.parametrize(
    ("lang", "title", "bps", "note"),
    [
        (
            "id",
            "Jumlah sentra nasional menurut badan yang menghitung",
            "BPS — sentra industri (Podes)",
            "tidak dijumlahkan",
        ),
        (
            "en",
            "National counts of sentra by the body that counted them",
            "BPS — sentra industri (village census, Podes)",
            "not added up",
        ),
    ],
)
def test_about_page_shows_each_bodys_count_side_by_side(lang, title, bps, note):
    at = run("tentang", lang=lang)
    [spec] = [
        json.loads(e.proto.spec)
        for e in at.get("plotly_chart")
        if json.loads(e.proto.spec)["layout"]["title"]["text"] == title
    ]
    traces = {d["name"]: d for d in spec["data"]}
    assert len(traces) == 4 and bps in traces
    assert traces[bps]["text"] == (
        ["13.762", "12.404", "8.889"] if lang == "id" else ["13,762", "12,404", "8,889"]
    )
    assert any(note in c.value for c in at.caption)


def test_long_category_names_under_bars_are_wrapped_not_tilted():
    """On a phone plotly tilts names that do not fit side by side, and tilted names ran
    into the legend and off the chart: they are wrapped; the categories stay as named."""
    at = run("bandingkan", bandingkan=["33.04", "33.75", "34.04"])
    specs = {
        spec["layout"]["title"]["text"]: spec
        for spec in (json.loads(e.proto.spec) for e in at.get("plotly_chart"))
    }
    density = next(v for k, v in specs.items() if k.startswith("Sentra+klaster per 1.000"))
    names = ["Kabupaten Banjarnegara", "Kota Pekalongan", "Kabupaten Sleman"]  # whole words
    assert density["data"][0]["x"] == names
    axis = density["layout"]["xaxis"]
    assert axis["ticktext"] == [name.replace(" ", "<br>") for name in names]
    assert axis["tickvals"] == names and axis["automargin"] is True


def test_data_page_says_when_the_store_fails_for_versions_and_restore(monkeypatch, fresh_store):
    """The version list and a restore's preview that fail show the store's message, no
    traceback."""
    from loaders.store import StoreError
    from sentra.i18n import t
    from tests.editors import add_test_editor, sign_in
    from ui import data_io

    def failing_list(lang):
        raise StoreError("store_failed", detail="disk I/O error")

    listing = data_io.versions_table
    monkeypatch.setattr(data_io, "versions_table", failing_list)
    shown = [e.value for e in run("data").error]
    assert shown == [t("store_failed", "id", detail="disk I/O error")]

    monkeypatch.setattr(data_io, "versions_table", listing)
    monkeypatch.setattr(data_io, "version_ids", lambda: [1, 7])  # 7: gone since listed
    add_test_editor(fresh_store.open())
    at = sign_in(run("data"))
    assert not at.exception
    assert [e.value for e in at.error] == [t("store_no_version", "id", version=7)]
    assert not [b for b in at.button if b.label.startswith(t("restore", "id"))]


def test_map_table_lists_every_region_of_the_map_with_its_value_and_class():
    national = map_table(run("peta"))
    assert list(national.columns) == ["Wilayah", "Nilai", "Kelas (warna di peta)"]
    assert len(national) == 38 and national["Wilayah"].is_unique
    assert national.set_index("Wilayah").at["Jawa Tengah", "Nilai"] != ""
    english = map_table(run("peta", wilayah="33", lang="en"))
    assert list(english.columns) == ["Region", "Value", "Class (colour on the map)"]
    assert len(english) == 35
