"""The Analisis page and the summary in words, in Streamlit's AppTest on the real data: the
three sections render for Kab. Pekalongan, choices live in the URL, a click opens the
compare page on the region and its closest peers, and every number of the summary equals
what the pages show (profile headline, Analisis tables, the Sektor page's LQ)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from loaders.import_file import read_table
from loaders.importer import checker_for, indicator_key, read_regional_sheet
from loaders.reference import load_reference
from loaders.store import open_store
from sentra.briefing.build import build_briefing
from sentra.briefing.content import BriefingData
from sentra.briefing.view import View
from sentra.filters import Filters, filter_centres
from sentra.formatting import fmt_number
from sentra.indicators import location_quotient
from sentra.summary import summarise
from tests.officials_files import to_xlsx
from tests.test_pages import map_script, metric, run
from tests.test_regional_tables import WIDE

pytestmark = pytest.mark.usefixtures("fresh_store", "layers")


def analisis(**params: str | list[str]) -> AppTest:
    return run("analisis", **params)


def frame(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_analisis_shows_three_sections_and_a_drawn_map_for_kab_pekalongan():
    at = analisis(wilayah="33.26")
    assert at.title[0].value == "Analisis: Kabupaten Pekalongan"
    assert [s.value for s in at.subheader[:3]] == [
        "Wilayah serupa",
        "Titik panas",
        "Peluang sektor",
    ]
    peers = frame(at, "Kemiripan")
    assert len(peers) == 10 and "Kabupaten Pekalongan" not in set(peers["Wilayah"])
    assert "Di" not in peers.columns  # all in Jawa Tengah: the same province by default
    assert peers["Profil"].str.fullmatch(r"profil\?wilayah=33\.\d\d").all()
    script = map_script(at)
    assert "Kabupaten Brebes" in script and "Tinggi" in script  # classes on hover
    tested = frame(at, "Kelas")
    assert len(tested) == 35  # every regency of Jawa Tengah has data
    moran = next(m.value for m in at.markdown if m.value.startswith("Moran's I global"))
    assert "999 permutasi" in moran
    notes = " ".join(c.value for c in at.caption)
    assert "ketetanggaan sisi atau sudut" in notes and "taraf signifikansi 0,05" in notes
    assert "ilustratif" in notes  # the relatedness illustrates the method
    opportunities = frame(at, "Kepadatan keterkaitan")
    assert (
        len(opportunities) >= 1 and opportunities["Kepadatan keterkaitan"].str.endswith("%").all()
    )
    assert len(at.get("plotly_chart")) == 1


def test_analisis_in_english_has_english_labels():
    at = analisis(wilayah="33.26", lang="en")
    assert [s.value for s in at.subheader[:3]] == [
        "Similar regions",
        "Hot spots",
        "Sector opportunities",
    ]
    assert {"Similarity", "Why similar", "Profile"} <= set(frame(at, "Similarity").columns)
    assert frame(at, "Similarity")["Profile"].str.endswith("&lang=en").all()
    assert any(m.value.startswith("Global Moran's I") for m in at.markdown)


def test_choices_live_in_the_link():
    at = analisis(
        wilayah="33.26", dasar="sektor", lingkup="indonesia", statistik="gi", nilai="workers"
    )
    assert at.radio(key="dasar").value == "sektor"
    assert at.radio(key="lingkup").value == "indonesia"
    assert at.radio(key="statistik").value == "gi"
    assert at.selectbox(key="nilai").value == "workers"
    peers = frame(at, "Kemiripan")
    assert len(set(peers["Di"])) > 1  # from all over Indonesia
    assert set(frame(at, "Kelas")["Kelas"]) <= {"Titik panas", "Titik dingin", "Tidak signifikan"}
    assert at.query_params["statistik"] == "gi" and at.query_params["dasar"] == "sektor"


def test_kecamatan_hot_spots_and_all_indonesia():
    kecamatan = analisis(wilayah="33.26", cakupan="kabupaten")
    assert len(frame(kecamatan, "Kelas")) == 19  # the kecamatan of Kab. Pekalongan
    # no population per kecamatan: per-person measures are not offered there
    assert "centres_per_100k" not in kecamatan.selectbox(key="nilai").options
    national = analisis(wilayah="33.26", cakupan="indonesia", nilai="centres_per_100k")
    tested = frame(national, "Kelas")
    assert 450 < len(tested) < 514  # regencies of provinces without data are left out
    notes = " ".join(c.value for c in national.caption)
    assert "tanpa tetangga darat (pulau) dihubungkan ke wilayah terdekat" in notes
    assert "tanpa data tidak diuji" in notes


def test_one_click_opens_compare_with_the_region_and_its_three_closest_peers():
    at = analisis(wilayah="33.26")
    peers = frame(at, "Kemiripan")
    at.button[0].click().run()
    assert not at.exception
    assert at.multiselect(key="bandingkan").value[0] == "33.26"
    assert len(at.multiselect(key="bandingkan").value) == 4
    assert at.title[0].value == "Bandingkan"
    assert len(peers) == 10


def test_national_view_asks_for_a_region_and_still_maps_all_regencies():
    at = analisis()
    assert at.title[0].value == "Analisis: Indonesia"
    assert at.selectbox(key="cakupan").value == "indonesia"
    assert any("Pilih wilayah" in i.value for i in at.info)
    assert "all-regencies.json" in map_script(at)


# -- the summary in words ---------------------------------------------------------------------
def test_profile_summary_numbers_equal_the_pages():
    profile = run("profil", wilayah="33.26")
    text = profile.markdown[0].value.replace("\\", "")
    sentra = metric(profile, "Sentra")
    export = metric(profile, "Mengekspor")
    assert text.startswith(
        f"Kabupaten Pekalongan: {sentra} sentra dan {metric(profile, 'Klaster')} klaster."
    )
    assert f"{export} menjangkau ekspor" in text
    province = run("profil", wilayah="33")
    assert f"rata-rata Jawa Tengah ({metric(province, 'Mengekspor')})" in text
    page = analisis(wilayah="33.26")
    peers = list(frame(page, "Kemiripan")["Wilayah"][:2])
    assert text.endswith(f"Mirip dengan {peers[0]} dan {peers[1]}.")
    # the LQ of the largest sector: the Analisis table's and the Sektor page's function
    store = open_store()
    centres = store.centres(store.current_version())
    lq = location_quotient(centres, Filters(), "makanan_minuman", "regency").at["33.26", "lq"]
    assert f"LQ {fmt_number(lq, 'id', 2)})" in text
    row = frame(page, "Kepadatan keterkaitan").set_index("Sektor").loc["Makanan dan minuman"]
    assert row["LQ"] == fmt_number(lq, "id", 2)


def test_profile_summary_in_english_and_for_a_kecamatan():
    english = run("profil", wilayah="33.26", lang="en")
    text = english.markdown[0].value.replace("\\", "")
    assert text.startswith(f"Kabupaten Pekalongan: {metric(english, 'Centres')} centres")
    assert "reach export markets" in text and "Similar to" in text
    kecamatan = run("profil", wilayah="33.26.14").markdown[0].value.replace("\\", "")
    assert kecamatan.startswith("Kec. Buaran:") and "rata-rata Kabupaten Pekalongan" in kecamatan


def test_a_kecamatan_with_one_centre_reads_in_the_singular(layers):
    store = open_store()
    centres = store.centres(store.current_version())
    ref = load_reference(store, layers.all_regions)
    counts = centres["kecamatan_code"].value_counts()
    one = str(counts[counts == 1].index[0])
    english = summarise(centres, centres, ref, Filters(), one, "en").text
    assert ": 1 centre." in english and "(1 centre or cluster, LQ " in english
    indonesian = summarise(centres, centres, ref, Filters(), one, "id").text
    assert ": 1 sentra." in indonesian and "(1 sentra dan klaster, LQ " in indonesian
    buaran = summarise(centres, centres, ref, Filters(), "33.26.14", "en").text
    assert buaran.startswith("Buaran district: 0 centres and 1 cluster.")  # Simbang Kulon


def test_briefing_title_slide_carries_the_same_summary(layers):
    store = open_store()
    version = store.current_version()
    centres = store.centres(version)
    ref = load_reference(store, layers.all_regions)
    view = View("profil", ("33.26",), Filters(), "sentra", "id")
    briefing = build_briefing(view, BriefingData(centres, ref, layers, version), date(2026, 12, 6))
    expected = summarise(filter_centres(centres, Filters()), centres, ref, Filters(), "33.26", "id")
    assert briefing.slides[0].summary == expected.text
    assert "Mirip dengan" in briefing.slides[0].summary


def test_an_imported_regency_indicator_is_a_hot_spot_measure(fresh_store, layers):
    sheet = read_table(to_xlsx({"Tabel": (WIDE, [])}), "ikm.xlsx")
    _, result = read_regional_sheet(sheet, checker_for(layers))
    meta = {
        "key": indicator_key("Jumlah sentra IKM"),
        "name": "Jumlah sentra IKM",
        "unit": "unit",
        "source": sheet.source_note,
        "level": result.level,
        "data_status": "sumber",
        "label": "ikm.xlsx",
    }
    fresh_store.open().import_regional_indicator(meta, result.values)
    at = analisis(wilayah="33.26", nilai="imp:jumlah_sentra_ikm")
    assert at.selectbox(key="nilai").value == "imp:jumlah_sentra_ikm"
    tested = frame(at, "Kelas")
    assert len(tested) == 5 and "47 unit" in set(tested["Jumlah sentra IKM (2023)"])
    assert "30 wilayah tanpa data tidak diuji" in " ".join(c.value for c in at.caption)
    # kecamatan have no imported indicator: the measure falls back to the centres
    kecamatan = analisis(wilayah="33.26", nilai="imp:jumlah_sentra_ikm", cakupan="kabupaten")
    assert kecamatan.selectbox(key="nilai").value == "centres"
