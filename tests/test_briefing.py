"""Briefing export: the real command writes PPTX and PDF files, read back with python-pptx,
pdftotext and pdftoppm, and compared with what the dashboard pages show (AppTest)."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
NOTE_ID = "Ilustratif: angka di slide ini"
HOSTILE = [
    "<script>alert('x')</script> Sentra & \"Kutip\"",
    '=HYPERLINK("http://x";"klik") ${window.title} `tik` \\ garis',
]


@pytest.fixture
def store_dir(fresh_store, layers) -> Path:
    """A store of the test's own, shared by AppTest (in process) and the command."""
    return Path(fresh_store.env["SENTRA_DATA_DIR"])


def briefing(tmp_path: Path, fmt: str, *args: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    done = subprocess.run(
        [sys.executable, "-m", "loaders.briefing", *args, "--format", fmt, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["out"] == str(out)
    return out


def page(name: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"pages/{name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _array(value) -> list:
    """A plotly trace array: a list, or a typed array {'dtype', 'bdata'} as plotly sends it."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def page_charts(at: AppTest) -> dict[str, list[dict]]:
    """Chart title → traces (name, x, y) of every plotly chart on the page."""
    charts = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        charts[spec["layout"]["title"]["text"]] = [
            {"name": d.get("name"), "x": _array(d["x"]), "y": _array(d["y"])} for d in spec["data"]
        ]
    return charts


def slide_charts(slide) -> dict[str, list[tuple[str, list, list]]]:
    """Chart title → series (name, categories, values) of the slide's native charts."""
    found = {}
    for shape in slide.shapes:
        if shape.has_chart:
            chart = shape.chart
            categories = list(chart.plots[0].categories)
            found[chart.chart_title.text_frame.text] = [
                (s.name, categories, list(s.values)) for s in chart.plots[0].series
            ]
    return found


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def title_of(slide) -> str:
    return next(s.text_frame.text for s in slide.shapes if s.name == "Title")


def test_province_slides_show_the_numbers_of_the_profile_page(store_dir, tmp_path):
    filters = {"pembina": "kemenperin", "tahun": "2019-2024"}
    shown = page("profil", wilayah="33", **filters)
    path = briefing(
        tmp_path, "pptx", "--wilayah", "33", "--pembina", "kemenperin", "--tahun", "2019-2024"
    )
    slides = list(Presentation(str(path)).slides)
    titles = [title_of(s) for s in slides]
    assert titles == [
        "Jawa Tengah",
        "Jumlah sentra — Jawa Tengah",
        "Angka utama — Jawa Tengah",
        "Sektor dan jangkauan pasar — Jawa Tengah",
        "Anggaran dan pertumbuhan — Jawa Tengah",
        "Sentra dan klaster terbesar (menurut tenaga kerja) — Jawa Tengah",
        "Fakta terbitan — Jawa Tengah",
        "Sumber dan definisi",
    ]
    assert "Pembina: Kemenperin; Tahun anggaran & pertumbuhan: 2019–2024" in slide_text(slides[0])
    assert any(s.shape_type == 13 for s in slides[1].shapes)  # the map picture

    # Headline figures: the page's headline row (the budget in full, as in the metric's help;
    # the per-person row under it is not on this slide yet).
    numbers = slide_text(slides[2])
    for metric in list(shown.metric)[:6]:
        if not metric.label.startswith("Anggaran"):
            assert f"{metric.label}\n" in numbers or metric.label in numbers
            assert metric.value in numbers, (metric.label, metric.value)
    assert "Rp202,9 miliar" in numbers  # the page's metric reads Rp202,9 M

    on_page = page_charts(shown)
    on_slides = {**slide_charts(slides[3]), **slide_charts(slides[4])}
    sectors = on_page["Sebaran sektor"][0]
    [(_, categories, values)] = on_slides["Sebaran sektor"]
    assert categories == sectors["y"] and values == [float(v) for v in sectors["x"]]
    reach = on_page["Jangkauan pasar"][0]
    [(_, categories, values)] = on_slides["Jangkauan pasar"]
    assert categories == reach["x"] and values == [float(v) for v in reach["y"]]
    budget = on_slides["Anggaran ke sentra per tahun dan sumber dana"]
    for trace in on_page["Anggaran ke sentra per tahun dan sumber dana"]:
        name, years, values = next(s for s in budget if s[0] == trace["name"])
        by_year = dict(zip(years, values, strict=True))
        for year, value in zip(trace["x"], trace["y"], strict=True):
            assert by_year[str(year)] == pytest.approx(value)
    growth = on_slides["Pertumbuhan output IMK per tahun"]
    for trace in on_page["Pertumbuhan output IMK per tahun"]:
        name, years, values = next(s for s in growth if s[0] == trace["name"])
        by_year = {y: v for y, v in zip(years, values, strict=True) if v is not None}
        assert by_year == pytest.approx(
            {str(y): v for y, v in zip(trace["x"], trace["y"], strict=True)}
        )


def test_illustrative_note_on_every_slide_with_illustrative_figures(store_dir, tmp_path):
    slides = list(Presentation(str(briefing(tmp_path, "pptx", "--wilayah", "34"))).slides)
    for slide in slides:
        text = slide_text(slide)
        figures = any(s.has_chart or s.shape_type == 13 for s in slide.shapes) or (
            title_of(slide).startswith(("Angka utama", "Sentra dan klaster terbesar"))
        )
        if figures:
            assert NOTE_ID in text, title_of(slide)
        if title_of(slide).startswith("Fakta terbitan"):  # published, with sources
            assert NOTE_ID not in text and "Koran Jakarta" in text
    # Only the real, well-known centres: their sector mix is not illustrative.
    real = list(
        Presentation(
            str(briefing(tmp_path, "pptx", "--wilayah", "34", "--status_data", "sumber"))
        ).slides
    )
    mix = next(s for s in real if title_of(s).startswith("Sektor dan jangkauan"))
    assert NOTE_ID not in slide_text(mix)


def test_comparison_slides_match_the_compare_page(store_dir, tmp_path):
    shown = page("bandingkan", bandingkan=["33", "34"], lang="en")
    path = briefing(tmp_path, "pptx", "--wilayah", "33", "--wilayah", "34", "--lang", "en")
    slides = list(Presentation(str(path)).slides)
    assert title_of(slides[0]) == "Jawa Tengah · Daerah Istimewa Yogyakarta"
    table_slide = next(s for s in slides if title_of(s) == "Compare: Absolute")
    grid = next(s.table for s in table_slide.shapes if s.has_table)
    cells = [[c.text for c in row.cells] for row in grid.rows]
    page_table = shown.table[0].value
    assert cells[0][1:] == list(page_table.columns)
    for row in cells[1:]:
        assert row[1:] == list(page_table.loc[row[0]]), row[0]
    shares = page_charts(shown)["Share of national total (%)"]
    [charts] = [slide_charts(s) for s in slides if "Share of national total (%)" in slide_charts(s)]
    for trace in shares:
        name, categories, values = next(
            s for s in charts["Share of national total (%)"] if s[0] == trace["name"]
        )
        assert categories == trace["x"] and values == pytest.approx(trace["y"])
    sector = charts_on(slides, "Sector mix")
    assert [name for name, _, _ in sector] == ["Jawa Tengah", "Daerah Istimewa Yogyakarta"]


def charts_on(slides, title: str) -> list:
    return next(slide_charts(s)[title] for s in slides if title in slide_charts(s))


def test_hostile_centre_names_stay_text_in_slides_and_pdf(store_dir, tmp_path):
    from loaders.store import open_store

    rows = pd.DataFrame(
        {
            "id": ["HOSTILE-1", "HOSTILE-2"],
            "name": HOSTILE,
            "commodity": "batik",
            "kind": "sentra",
            "sector": "kerajinan",
            "province_code": "34",
            "regency_code": "34.02",
            "workers": [900_000, 800_000],
            "enterprises": 10,
            "data_status": "sumber",
            "status": "aktif",
            "source": "uji keamanan",
        }
    )
    open_store().import_centres(rows, "uji nama")
    deck = Presentation(str(briefing(tmp_path, "pptx", "--wilayah", "34.02")))
    top = next(s for s in deck.slides if title_of(s).startswith("Sentra dan klaster terbesar"))
    grid = next(s.table for s in top.shapes if s.has_table)
    assert [grid.cell(1, 0).text, grid.cell(2, 0).text] == HOSTILE
    pdf = briefing(tmp_path, "pdf", "--wilayah", "34.02")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "<script>alert('x')</script>" in text and "${window.title}" in text


def test_pdf_has_a_page_per_slide_in_a4_landscape_and_english(store_dir, tmp_path):
    pdf = briefing(tmp_path, "pdf", "--wilayah", "33", "--lang", "en", "--sektor", "kerajinan")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+8\n", info) and "841.89 x 595.28 pts (A4)" in info  # landscape
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Headline figures — Jawa Tengah" in text and "Sector: Crafts" in text
    assert "Sources and definitions" in text and "Angka" not in text
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    from PIL import Image

    with Image.open(next(tmp_path.glob("page*.png"))) as image:
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
    assert colours and len(colours) > 50  # the map page holds a drawn map, not a blank


def test_filters_matching_nothing_give_a_briefing_that_says_so(store_dir, tmp_path):
    path = briefing(tmp_path, "pptx", "--wilayah", "33", "--komoditas", "tidak-ada-seperti-ini")
    slides = list(Presentation(str(path)).slides)
    texts = {title_of(s): slide_text(s) for s in slides}
    assert "Sentra\n0" in texts["Angka utama — Jawa Tengah"].replace("\n\n", "\n")
    assert texts["Sektor dan jangkauan pasar — Jawa Tengah"].count("Tidak ada data") == 2
    assert (
        "Tidak ada sentra yang cocok"
        in texts["Sentra dan klaster terbesar (menurut tenaga kerja) — Jawa Tengah"]
    )


def test_unknown_region_is_refused_with_a_clear_message(store_dir, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders.briefing",
            "--wilayah",
            "99.99",
            "--format",
            "pptx",
            "--out",
            str(tmp_path / "x.pptx"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "--wilayah 99.99" in done.stderr
    assert not (tmp_path / "x.pptx").exists()


def test_briefing_clusters_are_no_data_outside_central_java_and_have_no_national_share(
    store_dir, tmp_path
):
    path = briefing(tmp_path, "pptx", "--wilayah", "33", "--wilayah", "35")
    slides = list(Presentation(str(path)).slides)
    texts = {title_of(s): slide_text(s) for s in slides}
    absolute = next(s for s in slides if title_of(s) == "Bandingkan: Angka mutlak")
    grid = next(s.table for s in absolute.shapes if s.has_table)
    rows = {row.cells[0].text: [c.text for c in row.cells][1:] for row in grid.rows}
    assert rows["Jumlah klaster"] == ["133", "Tidak ada data"]
    shares_text = texts["Bandingkan: Dinormalisasi"]
    assert "Jumlah klaster — Pangsa nasional" not in shares_text
    assert "Jumlah sentra — Pangsa nasional" in shares_text
    assert "Pangsa nasional klaster tidak ditampilkan" in shares_text
    national = briefing(tmp_path, "pptx", "--lang", "en")
    headline = next(
        slide_text(s)
        for s in Presentation(str(national)).slides
        if title_of(s).startswith("Headline figures")
    )
    assert "Clusters\nNo data" in headline.replace("\n\n", "\n")


def test_national_briefing_shows_each_bodys_count_side_by_side(store_dir, tmp_path):
    """Indonesia's briefing carries the About page's chart of national counts by body as a
    picture, with the note that they are not added and each body's sources; a region's
    briefing does not (its slide titles are listed above)."""
    slides = list(Presentation(str(briefing(tmp_path, "pptx"))).slides)
    [counts] = [
        s for s in slides if title_of(s) == "Jumlah sentra nasional menurut badan yang menghitung"
    ]
    assert any(shape.shape_type == 13 for shape in counts.shapes)  # the chart, as a picture
    text = slide_text(counts)
    assert "tidak dijumlahkan" in text and NOTE_ID not in text  # published figures only
    assert "Sumber BPS: VOI, 26 Okt 2022 (Dirjen IKMA Kemenperin mengutip BPS)" in text
    assert "Sumber Kemenperin: industry.co.id, 18 Apr 2017" in text
    sources = slide_text(next(s for s in slides if title_of(s) == "Sumber dan definisi"))
    assert "industry.co.id, 18 Apr 2017 (Dirjen IKM Kemenperin, Surabaya)" in sources
    pdf = briefing(tmp_path, "pdf", "--lang", "en")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "National counts of sentra by the body that counted them" in text
    assert "not added up" in text and "BPS sources: VOI, 26 Oct 2022" in text
