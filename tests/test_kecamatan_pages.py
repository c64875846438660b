"""Kecamatan and per-person measures on the pages, in Streamlit's AppTest."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.sample_files import GEODATA
from tests.test_pages import fresh_store, map_script, metric, run  # noqa: F401 (fixture)

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
    rows = list(compare.dataframe[0].value.index)
    assert "Tenaga kerja per 1.000 penduduk" in rows
    assert any("Kemendagri 2025" in c.value for c in compare.caption)
