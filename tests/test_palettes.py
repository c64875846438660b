"""The map's colours stay apart for readers with the common colour-vision deficiencies,
and "no data" never depends on colour alone."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from sentra.choropleth import NO_DATA_FILL, PALETTE, ZERO_FILL
from sentra.coverage import STATUS_COLOURS
from sentra.map_build import NO_DATA_PATTERN_ID, add_legend, base_map, region_style

DEFICIENCIES = (None, "deuteranomaly", "protanomaly", "tritanomaly")


def _seen(colour: str, deficiency: str | None) -> np.ndarray:
    """sRGB (0–1) as a reader with the full form of ``deficiency`` sees it."""
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    if deficiency is None:
        return rgb
    cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)


def _distance(a: str, b: str, deficiency: str | None) -> float:
    """CAM02-UCS ΔE: about 1 is just noticeable, 10 and more is plainly different."""
    return float(deltaE(_seen(a, deficiency), _seen(b, deficiency), input_space="sRGB1"))


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_neighbouring_classes_stay_apart(deficiency):
    steps = [ZERO_FILL, *PALETTE]
    gaps = [_distance(a, b, deficiency) for a, b in itertools.pairwise(steps)]
    assert min(gaps) >= 15, gaps


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_classes_keep_their_order_from_light_to_dark(deficiency):
    """A sequential palette reads by lightness, which every deficiency keeps."""
    lightness = [
        cspace_convert(_seen(c, deficiency), "sRGB1", "CAM02-UCS")[0] for c in [ZERO_FILL, *PALETTE]
    ]
    assert lightness == sorted(lightness, reverse=True)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_coverage_colours_are_told_apart(deficiency):
    colours = list(STATUS_COLOURS.values())
    gaps = [_distance(a, b, deficiency) for a, b in itertools.combinations(colours, 2)]
    assert min(gaps) >= 10, gaps


def test_no_data_is_hatched_on_the_map_and_in_the_legend():
    style = region_style(NO_DATA_FILL, chosen=False)
    assert style["fillColor"] == f"url(#{NO_DATA_PATTERN_ID})"
    assert region_style(PALETTE[0], chosen=False)["fillColor"] == PALETTE[0]
    fmap = base_map((100, -10, 120, 5), "id", "Peta uji")
    add_legend(fmap, "Jumlah", [(PALETTE[0], "1 – 2"), (NO_DATA_FILL, "Tidak ada data")])
    page = fmap.get_root().render()
    page = page.replace('\\"', '"').replace("\\u003c", "<").replace("\\u003e", ">")
    assert '<i class="sentra-no-data"></i>Tidak ada data' in page
    assert ".sentra-legend i.sentra-no-data{background:repeating-linear-gradient" in page
