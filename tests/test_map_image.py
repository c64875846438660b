"""The map picture: the page's layout on hand-made shapes (fast), and the command on the
real boundaries and store, run as a user runs it (slow)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from PIL import Image
from shapely.geometry import box

from loaders.reference import load_reference
from sentra.choropleth import PALETTE, ZERO_FILL
from sentra.filters import Filters, filter_centres
from sentra.map_image import Picture, picture_png, place_name
from sentra.map_view import map_measure

ROOT = Path(__file__).resolve().parent.parent


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixels(png: bytes, colour: str) -> int:
    """How many pixels of ``png`` have exactly ``colour``."""
    with Image.open(io.BytesIO(png)) as image:
        rgb = np.asarray(image.convert("RGB"))
    return int((rgb == np.array(_rgb(colour))).all(axis=2).sum())


def _squares() -> Picture:
    shapes = gpd.GeoDataFrame(
        {"code": ["a", "b", "c"]},
        geometry=[box(110, -8, 111, -7), box(111, -8, 112, -7), box(112, -8, 113, -7)],
        crs="EPSG:4326",
    )
    return Picture(
        shapes=shapes,
        fills={"a": ZERO_FILL, "b": PALETTE[0], "c": PALETTE[-1]},
        legend=[(ZERO_FILL, "Nol"), (PALETTE[0], "1 – 2"), (PALETTE[-1], "2 – 9")],
        legend_title="Jumlah sentra",
        title="Jumlah sentra — Kabupaten Contoh",
        subtitle="Filter: tanpa filter · Tanggal: 1 Januari 2027",
        sources=["Sumber: uji", "Batas wilayah: uji"],
        note="Ilustratif: angka contoh.",
        north="U",
    )


@pytest.mark.parametrize(
    ("size", "pixels", "dpi"), [("layar", (1920, 1080), 150), ("a3", (4961, 3508), 300)]
)
def test_the_picture_has_the_size_asked_for_and_every_class_drawn(size, pixels, dpi):
    png = picture_png(_squares(), size)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == pixels
        assert round(image.info["dpi"][0]) == dpi
    for colour in (ZERO_FILL, PALETTE[0], PALETTE[-1]):  # on the map and in the legend
        assert _pixels(png, colour) > 1000 * (dpi / 150) ** 2


def test_dollar_signs_in_typed_text_are_drawn_as_written():
    """A filter typed as '$\\x$' or an imported name with '$' is text, not mathematics
    (matplotlib would refuse the first and typeset the second)."""
    picture = replace(
        _squares(),
        subtitle="Filter: komoditas $\\x$ · Tanggal: 1 Januari 2027",
        legend_title="Omzet (Rp$) a$b$c",
    )
    with Image.open(io.BytesIO(picture_png(picture))) as image:
        assert image.size == (1920, 1080)


def test_place_names_carry_their_parents():
    names = pd.Series(
        {"33": "Jawa Tengah", "33.26": "Kabupaten Pekalongan", "33.26.14": "Wiradesa"}
    )
    assert place_name(names, "33.26.14", "id") == (
        "Kec. Wiradesa, Kabupaten Pekalongan, Jawa Tengah"
    )
    assert place_name(names, "33.26", "en") == "Kabupaten Pekalongan, Jawa Tengah"
    assert place_name(names, None, "en") == "Indonesia"


# -- the command ----------------------------------------------------------------------------
@pytest.fixture
def store(fresh_store, layers):
    """The test's own store: the command (another process) opens the same one."""
    return fresh_store.open()


def map_image(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / "peta.png"
    done = subprocess.run(
        [sys.executable, "-m", "loaders.map_image", *args, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return done, out


def _measure(layers, store, selected, metric, lang="id"):
    centres = store.centres()
    ref = load_reference(store, layers.all_regions)
    filters = Filters()
    return map_measure(
        layers, ref, centres, filter_centres(centres, filters), filters, selected, metric, lang
    )


def test_command_draws_a_regency_in_full_hd_with_the_map_pages_classes(tmp_path, store, layers):
    done, out = map_image(tmp_path, "--wilayah", "33.26")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["width"], result["height"]) == (1920, 1080)
    assert result["out"] == str(out) and result["bytes"] == out.stat().st_size
    measure = _measure(layers, store, "33.26", "sentra")  # its kecamatan, as on the page
    assert len(measure.legend) >= 3
    for colour, _label in measure.legend:
        assert _pixels(out.read_bytes(), colour) > 200, colour


def test_command_draws_one_year_of_a_province_in_english(tmp_path, store, layers):
    args = ["--wilayah", "33", "--metrik", "budget_rp", "--tahun-peta", "2020", "--lang", "en"]
    done, out = map_image(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (1920, 1080)
    frames = _measure(layers, store, "33", "budget_rp", "en").frames
    in_2020 = set(frames.fills[2020])
    for colour in in_2020:  # the 2020 frame's classes, on the scale of all years
        assert _pixels(out.read_bytes(), colour) > 200, colour


def test_command_draws_an_a3_poster_of_indonesia_with_a_filter(tmp_path, store):
    done, out = map_image(tmp_path, "--ukuran", "a3", "--sektor", "kerajinan")
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (4961, 3508) and round(image.info["dpi"][0]) == 300


def test_command_refuses_unknown_values_in_the_readers_language(tmp_path, store):
    done, out = map_image(tmp_path, "--wilayah", "99.99", "--sektor", "kerajinan")
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.strip() == "Nilai tidak dikenal: --wilayah 99.99"
    english, _ = map_image(tmp_path, "--metrik", "klaster", "--tahun-peta", "2020", "--lang", "en")
    assert english.returncode == 2  # clusters have no years
    assert "Unknown values: --tahun-peta 2020" in english.stderr
