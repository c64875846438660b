"""An imported regional table on the pages (AppTest): a map measure with its source and
"no data" for absent regions, in the region profile, side by side in a comparison."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from pptx import Presentation

from loaders.briefing import load_data
from loaders.import_file import read_table
from loaders.importer import checker_for, indicator_key, read_regional_sheet
from sentra.briefing.build import build_briefing
from sentra.briefing.story_slides import story_briefing
from sentra.briefing.view import View
from sentra.filters import Filters
from sentra.stories import Story, step_of
from tests.officials_files import to_xlsx
from tests.test_briefing import ROOT, briefing, title_of
from tests.test_pages import map_table, run
from tests.test_regional_tables import WIDE

TODAY = date(2025, 1, 13)


@pytest.fixture(autouse=True)
def store_with_indicator(fresh_store, layers):
    """A store of its own holding one imported regional indicator."""
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
    return meta, result.values


def test_imported_indicator_is_a_map_measure_with_source_and_no_data():
    at = run("peta", wilayah="33", metrik="imp:jumlah_sentra_ikm")
    frames = [e for e in at.main if type(e).__name__ == "UnknownElement"]
    script = json.loads(frames[0].proto.json_args)["script"]
    assert "Jumlah sentra IKM (2023)" in script
    assert "Jumlah sentra IKM (2023): 47 unit" in script  # Kabupaten Pekalongan
    assert "Tidak ada data" in script  # the 30 regencies the table does not name
    assert "Sumber: BPS Provinsi Jawa Tengah, Jawa Tengah Dalam Angka 2024" in script
    assert '"years": [2019, 2020, 2021, 2022, 2023]' in script  # every year rides along
    in_2021 = run("peta", wilayah="33", metrik="imp:jumlah_sentra_ikm", tahun_peta="2021")
    args = json.loads(
        next(e for e in in_2021.main if type(e).__name__ == "UnknownElement").proto.json_args
    )
    assert 'sentraYears.choose("2021")' in args["feature_group"]  # the live map shows 2021
    assert any(c.value == "Jumlah sentra IKM (2021)" for c in in_2021.caption)
    rows = map_table(in_2021).set_index("Wilayah")["Nilai"]
    assert rows["Kabupaten Pekalongan"] == "44 unit"
    assert rows["Kabupaten Magelang"] == "Tidak ada data"  # "-" in the 2021 column
    national = run("peta", metrik="imp:jumlah_sentra_ikm")
    assert any("per kabupaten/kota" in c.value for c in national.caption)


def test_imported_indicator_in_profile_and_compare():
    profile = run("profil", wilayah="33.26")
    table = profile.dataframe[-1].value
    assert table.iloc[0].tolist() == [
        "Jumlah sentra IKM",
        "47 unit",
        "Tidak ada data",
        "2023",  # the newest value
        "BPS Provinsi Jawa Tengah, Jawa Tengah Dalam Angka 2024",
    ]
    compare = run("bandingkan", bandingkan=["33.26", "33.75", "34.04"], lang="en")
    table = compare.table[-1].value
    assert table.iloc[0, 1:4].tolist() == ["47 unit", "20 unit", "No data"]


def test_a_reimported_indicator_is_briefed_anew(store_with_indicator, fresh_store):
    """Re-importing an indicator changes its figures but not the centres' version: a
    briefing built before is not handed out again."""
    at = run("peta", wilayah="33", metrik="imp:jumlah_sentra_ikm")
    prepare = next(b for b in at.button if b.key == "brief_prepare_pptx")
    at = prepare.click().run(timeout=120)
    assert [b.key for b in at.get("download_button")].count("brief_save_pptx") == 1
    meta, values = store_with_indicator
    fresh_store.open().import_regional_indicator(meta, values.assign(value=values["value"] * 2))
    at = at.run(timeout=120)
    assert "brief_save_pptx" not in [b.key for b in at.get("download_button")]
    assert any(b.key == "brief_prepare_pptx" for b in at.button)


def test_the_maps_briefing_is_prepared_for_every_measure_it_offers():
    """An imported indicator and the data's origin are measures of the map; its briefing
    once failed on both (a KeyError where the slides expected a built-in measure)."""
    for metrik in ("imp:jumlah_sentra_ikm", "asal_data"):
        at = run("peta", wilayah="33", metrik=metrik, tahun_peta="2021")
        prepare = next(b for b in at.button if b.key == "brief_prepare_pptx")
        at = prepare.click().run(timeout=120)
        assert not at.exception, (metrik, [e.value for e in at.exception])
        assert any(b.key == "brief_save_pptx" for b in at.get("download_button")), metrik


def test_a_briefing_and_a_story_show_the_year_the_map_stopped_on():
    """The map slide of a view (and of a story step made on the map) shows the measure in
    the year chosen on the map, on the map's scale over all years."""
    data = load_data()
    slides = {
        year: build_briefing(
            View("peta", ("33",), Filters(), "imp:jumlah_sentra_ikm", "id", year), data, TODAY
        ).slides[1]
        for year in (2021, 2023, None)
    }
    assert slides[2021].title == "Jumlah sentra IKM (2021) — Jawa Tengah"
    assert any("Jawa Tengah Dalam Angka 2024" in note for note in slides[2021].notes)
    assert slides[None].title == "Jumlah sentra IKM (2023) — Jawa Tengah"  # as the map opens
    assert slides[2021].image != slides[2023].image  # Pekalongan 44 → 47 unit, one scale
    params = {"wilayah": ["33"], "metrik": ["imp:jumlah_sentra_ikm"], "tahun_peta": ["2021"]}
    step = step_of("peta", params, "", "", data.version, set(params))
    story = story_briefing(Story("lokakarya", "Lokakarya", (step,)), data, "en", TODAY)
    assert story.slides[1].title == "Jumlah sentra IKM (2021) — Jawa Tengah"
    origin = View("peta", ("33",), Filters(), "asal_data", "id")
    assert build_briefing(origin, data, TODAY).slides[1].title.startswith("Asal angka")


def test_the_briefing_command_takes_the_maps_measures_and_year(tmp_path):
    """``python -m loaders.briefing`` draws an imported indicator in one year, as the map's
    briefing button does; a malformed year or a measure it does not know is refused by
    name."""
    out = briefing(tmp_path, "pptx", "--metrik", "imp:jumlah_sentra_ikm", "--tahun-peta", "2021")
    slides = list(Presentation(str(out)).slides)
    assert title_of(slides[1]) == "Jumlah sentra IKM (2021) — Indonesia"
    for wrong in (["--tahun-peta", "21a"], ["--metrik", "imp:tidak_ada"]):
        done = subprocess.run(
            [sys.executable, "-m", "loaders.briefing", *wrong, "--format", "pdf", "--out", "x"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 2 and " ".join(wrong) in done.stderr, done.stderr
