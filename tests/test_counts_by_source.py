"""National counts of sentra by body (sentra/counts_by_source.py): one series per body and
definition, the published values as they are, never a sum of two bodies' counts."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from sentra import counts_by_source
from sentra.briefing.chart_images import counts_png
from sentra.facts import source_text

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "geodata" / "sentra_counts_by_source.csv"


def published_national_counts() -> dict[tuple[str, str, int], int]:
    """(body, what it counted, year) -> value of every national count of sentra in the file,
    read on its own (csv module), for comparison."""
    rows = csv.DictReader(CSV.open(encoding="utf-8"))
    return {
        (r["body"], r["counts"], int(r["year"])): int(r["value"])
        for r in rows
        if r["unit"] == "unit" and r["indicator"] in counts_by_source.NATIONAL_COUNTS
    }


def test_one_series_per_body_and_definition_with_the_published_values():
    series = counts_by_source.national_series()
    assert [(s.body, s.counts) for s in series] == [
        ("Kemenkop UKM", "sentra UKM"),
        ("Kemenkop UKM", "sentra produksi"),
        ("Kemenperin", "sentra IKM"),
        ("BPS", "sentra industri"),
    ]
    assert {s.body for s in series} == {"Kemenkop UKM", "Kemenperin", "BPS"}
    points = {
        (s.body, s.counts, year): value
        for s in series
        for year, value in zip(s.years, s.values, strict=True)
    }
    assert points == published_national_counts()
    assert points == {
        ("Kemenkop UKM", "sentra UKM", 2006): 1506,
        ("Kemenkop UKM", "sentra produksi", 2009): 9700,
        ("Kemenperin", "sentra IKM", 2017): 7437,
        ("Kemenperin", "sentra IKM", 2020): 10514,
        ("BPS", "sentra industri", 2020): 13762,
        ("BPS", "sentra industri", 2021): 12404,
        ("BPS", "sentra industri", 2024): 8889,
    }
    # parts of a count (Java, outside Java, food), workers and business units stay out
    assert 4443 not in points.values() and 2985 not in points.values()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_chart_shows_each_series_apart_and_never_a_total(lang):
    figure = counts_by_source.figure(lang)
    series = counts_by_source.national_series()
    assert len(figure.data) == len(series)  # no trace of a total, no merged trace
    published = set(published_national_counts().values())
    for trace, s in zip(figure.data, series, strict=True):
        assert list(trace.x) == list(s.years) and list(trace.y) == list(s.values)
        assert set(trace.y) <= published
    # 2020 has two bodies' counts: both shown, side by side, neither added to the other
    shown = [(x, y) for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)]
    assert sorted(y for x, y in shown if x == 2020) == [10514, 13762]
    assert 10514 + 13762 not in {y for _, y in shown}


def test_legend_names_body_and_definition_and_numbers_follow_the_language():
    names_id = [trace.name for trace in counts_by_source.figure("id").data]
    assert names_id == [
        "Kemenkop UKM — sentra UKM",
        "Kemenkop UKM — sentra produksi (2009, hitungan lain)",
        "Kemenperin — sentra IKM (≥5 unit usaha sejenis, PP 29/2018)",
        "BPS — sentra industri (Podes)",
    ]
    bps_id = counts_by_source.figure("id").data[-1]
    bps_en = counts_by_source.figure("en").data[-1]
    assert list(bps_id.text) == ["13.762", "12.404", "8.889"]
    assert list(bps_en.text) == ["13,762", "12,404", "8,889"]
    assert counts_by_source.figure("id").layout.separators == ",."
    assert counts_by_source.figure("en").layout.separators == ".,"
    # each point's source in its hover, in the reader's language
    assert (
        bps_id.customdata[0][1] == "Sumber: VOI, 26 Okt 2022 (Dirjen IKMA Kemenperin mengutip BPS)"
    )
    assert bps_en.customdata[0][1] == "Source: VOI, 26 Oct 2022 (Dirjen IKMA Kemenperin citing BPS)"
    assert "tidak dijumlahkan" in counts_by_source.note("id")
    assert "not added up" in counts_by_source.note("en")


def test_sources_lines_one_per_body_in_the_readers_language():
    lines = counts_by_source.sources_lines("id")
    assert [line.split(":")[0] for line in lines] == [
        "Sumber Kemenkop UKM",
        "Sumber Kemenperin",
        "Sumber BPS",
    ]
    assert "situs web Disperindag Kabupaten Lamongan (mengutip Kemenperin data 2020)" in lines[1]
    assert "lokakarya klaster di Semarang" in lines[0] and "workshop" not in " ".join(lines)


def test_a_count_without_a_legend_is_refused_not_merged():
    frame = pd.concat(
        [
            counts_by_source.read_counts(),
            pd.DataFrame(
                [[2022, "Kemenkop UKM", "UMKM", "sentra IKM nationally", 99, "unit", "x"]],
                columns=["year", "body", "counts", "indicator", "value", "unit", "source"],
            ),
        ]
    )
    with pytest.raises(ValueError, match="no legend"):
        counts_by_source.national_series(frame)


def test_briefing_picture_of_the_counts():
    png, aspect = counts_png(counts_by_source.national_series(), "id")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and aspect == pytest.approx(2.6)


@pytest.mark.parametrize(
    ("source", "lang", "shown"),
    [
        (
            "news report, 6 Apr 2009 (Kemenkop UKM, cluster workshop in Semarang)",
            "id",
            "berita, 6 Apr 2009 (Kemenkop UKM, lokakarya klaster di Semarang)",
        ),
        (
            "news report, 7 Nov 2007 (ADB SME Development TA workshop, Jakarta)",
            "id",
            "berita, 7 Nov 2007 (lokakarya ADB SME Development TA, Jakarta)",
        ),
        ("VOI, 26 Oct 2022 (Dirjen IKMA Kemenperin citing BPS)", "en", None),
        ("BPS, via Databoks (katadata), 2025", "id", "BPS, melalui Databoks (katadata), 2025"),
        ("Koran Jakarta, 17 Apr 2018 (Ditjen IKM Kemenperin)", "id", None),
    ],
)
def test_published_citations_in_the_readers_language(source, lang, shown):
    """English words translated, dates written the reader's way, English left as written."""
    assert source_text(source, lang) == (shown or source)
