"""Centres per 100,000 people and workers per 1,000 people, against a hand computation."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from loaders.reference import load_reference
from loaders.sample_files import GEODATA
from sentra.filters import Filters, filter_centres
from sentra.formatting import fmt_metric
from sentra.indicators import region_metrics
from sentra.per_person import people_in, per_person

PEKALONGAN_PEOPLE = 1_034_241  # wilayah_penduduk.sql, Kabupaten Pekalongan (33.26)
JATENG_PEOPLE = 38_430_645


@pytest.fixture
def ref(layers, store):
    return load_reference(store, layers.regions)


@pytest.fixture
def centres(store, ref):
    return store.centres()


def test_regency_and_province_against_hand_computation(ref, centres):
    bundled = pd.read_csv(GEODATA / "centres.csv", dtype={"regency_code": str})
    in_pekalongan = bundled[bundled["regency_code"] == "33.26"]
    in_jateng = bundled[bundled["regency_code"].str.startswith("33.")]
    filters = Filters()
    filtered = filter_centres(centres, filters)
    regency = region_metrics(filtered, centres, ref, "regency", filters, codes=["33.26"])
    assert regency.loc["33.26", "centres_per_100k"] == pytest.approx(
        len(in_pekalongan) / PEKALONGAN_PEOPLE * 100_000
    )
    assert regency.loc["33.26", "workers_per_1000"] == pytest.approx(
        in_pekalongan["workers"].sum() / PEKALONGAN_PEOPLE * 1_000
    )
    province = region_metrics(filtered, centres, ref, "province", filters, codes=["33", "36"])
    assert province.loc["33", "centres_per_100k"] == pytest.approx(
        len(in_jateng) / JATENG_PEOPLE * 100_000
    )
    assert math.isnan(province.loc["36", "centres_per_100k"])  # Banten: no BPS count


def test_national_and_missing_population(ref):
    assert people_in(ref.population, None) == 284_973_643
    assert people_in(ref.population, "33.26") == PEKALONGAN_PEOPLE
    national = per_person(8706, 1_000_000, people_in(ref.population, None))
    assert national["centres_per_100k"] == pytest.approx(8706 / 284_973_643 * 100_000)
    assert math.isnan(per_person(5, 10, people_in(ref.population, "33.26.14"))["population"])


def test_written_the_indonesian_way():
    assert fmt_metric("centres_per_100k", 3.0549, "id") == "3,05"
    assert fmt_metric("workers_per_1000", 1234.5, "en") == "1,234.50"
