"""One box to find a region: any part of a province, regency/city or kecamatan name."""

from __future__ import annotations

import pandas as pd
import pytest

from sentra.region_search import find, labels, options

REGIONS = pd.DataFrame(
    [
        ("18", "Lampung", "provinsi"),
        ("18.07", "Kabupaten Lampung Timur", "kabupaten"),
        ("18.07.09", "Pekalongan", "kecamatan"),
        ("33", "Jawa Tengah", "provinsi"),
        ("33.26", "Kabupaten Pekalongan", "kabupaten"),
        ("33.26.14", "Buaran", "kecamatan"),
        ("33.75", "Kota Pekalongan", "kota"),
        ("33.75.01", "Pekalongan Barat", "kecamatan"),
        ("33.75.02", "Pekalongan Timur", "kecamatan"),
    ],
    columns=["code", "name", "kind"],
).set_index("code")


def test_a_part_of_a_name_finds_every_level_regencies_first():
    assert find(REGIONS, "pekalongan") == ["33.26", "33.75", "18.07.09", "33.75.01", "33.75.02"]
    assert find(REGIONS, "  PEKALONGAN-barat ") == ["33.75.01"]
    assert find(REGIONS, "bua") == ["33.26.14"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Kab. Pekalongan", ["33.26"]),
        ("kabupaten pekalongan", ["33.26"]),
        ("Kota Pekalongan", ["33.75"]),
        ("kec. pekalongan", ["18.07.09", "33.75.01", "33.75.02"]),
        ("Kab. Buaran", ["33.26.14"]),  # no regency of that name: the kecamatan
    ],
)
def test_a_typed_kind_keeps_regions_of_that_kind(typed, found):
    assert find(REGIONS, typed) == found


@pytest.mark.parametrize("typed", ["", "   ", "xyz", "<script>"])
def test_nothing_typed_or_nothing_found_gives_nothing(typed):
    assert find(REGIONS, typed) == []


def test_the_box_lists_each_region_with_its_parent_and_the_chosen_provinces_kecamatan():
    shown = labels(REGIONS, "Kec. {name}")
    assert shown["33.26"] == "Kab. Pekalongan · Jawa Tengah"
    assert shown["33.75.01"] == "Kec. Pekalongan Barat · Kota Pekalongan"
    assert shown["33"] == "Jawa Tengah"
    national = options(REGIONS, None)
    assert national == ["33", "18", "18.07", "33.26", "33.75"]  # provinces, then regencies
    assert options(REGIONS, "33")[-3:] == ["33.26.14", "33.75.01", "33.75.02"]
