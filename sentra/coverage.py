"""Where a region's figures come from: an office's complete list, the BPS 2024 count, or the
illustrative fill — per province, regency and kecamatan, for the map and the Data page.

- ``dinas``: an office's complete list covers the region (file, date and office named);
  a province or regency is ``dinas`` when complete lists cover all of it.
- ``bps``: a province's count is BPS 2024's; its centres, and so the split over its regencies
  and kecamatan, are illustrative. ``dinas_parts`` says how many of its parts are covered.
- ``ilustratif``: a regency or kecamatan of such a province: its count is a share of the
  province's BPS figure, spread illustratively.
- ``none``: no published count (Banten, Bali, Papua Pegunungan): only known centres.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from babel.dates import format_date

from sentra.choropleth import NO_DATA_FILL
from sentra.formatting import LOCALES, fmt_number
from sentra.i18n import N_, t

STATUS_LABELS = {
    "dinas": N_("cov_dinas"),
    "bps": N_("cov_bps"),
    "ilustratif": N_("cov_illustrative"),
    "none": N_("cov_none"),
}
# Okabe–Ito colours: told apart with the common colour-vision deficiencies; every region's
# tooltip and the legend say the status in words as well.
STATUS_COLOURS = {
    "dinas": "#009E73",
    "bps": "#56B4E9",
    "ilustratif": "#E69F00",
    "none": NO_DATA_FILL,
}
COVERAGE_METRIC = "asal_data"
COVERAGE_LABEL = N_("m_asal_data")  # the measure's name, as t(f"m_{metric}") finds it
_LEVEL_OF_KIND = {
    "provinsi": "province",
    "kabupaten": "regency",
    "kota": "regency",
    "kecamatan": "kecamatan",
}


def coverage(regions: pd.DataFrame, bps_provinces: set[str], lists: pd.DataFrame) -> pd.DataFrame:
    """Per region code (``regions``' index: name, kind, province_code): ``level``,
    ``status``, ``parts`` and ``dinas_parts`` (all and covered regencies of a province or
    kecamatan of a regency), and for a region covered by one import the ``file_name``,
    ``created_at``, ``office`` and ``account`` of that import (``complete_lists`` rows)."""
    codes = pd.Series(regions.index.astype(str), index=regions.index)
    level = regions["kind"].map(_LEVEL_OF_KIND)
    declared = dict(zip(lists["region_code"], lists["declared_in"], strict=True))
    parent = codes.where(level != "kecamatan", codes.str[:5]).where(
        level != "regency", codes.str[:2]
    )
    # A kecamatan is covered by its own list or its regency's.
    source = codes.map(declared).where(level == "kecamatan")
    source = source.fillna(parent.map(declared).where(level == "kecamatan"))
    # A regency by its own list, or when every one of its kecamatan is covered.
    kecamatan_covered = source.notna() & (level == "kecamatan")
    parts = parent[level == "kecamatan"].value_counts()
    covered_parts = parent[kecamatan_covered].value_counts()
    whole = codes.map(parts).gt(0) & codes.map(covered_parts).eq(codes.map(parts))
    regency = level == "regency"
    source[regency] = codes[regency].map(declared)
    by_parts = regency & source.isna() & whole
    source[by_parts] = codes[by_parts].map(
        source[kecamatan_covered].groupby(parent[kecamatan_covered]).first()
    )
    table = pd.DataFrame({"level": level, "declared_in": source})
    table["parts"] = codes.map(parts).fillna(0).astype(int)
    table["dinas_parts"] = codes.map(covered_parts).fillna(0).astype(int)
    # A province when every one of its regencies is covered.
    regency_covered = regency & source.notna()
    province = level == "province"
    province_parts = parent[regency].value_counts()
    covered_regencies = parent[regency_covered].value_counts()
    table.loc[province, "parts"] = codes[province].map(province_parts).fillna(0).astype(int)
    table.loc[province, "dinas_parts"] = (
        codes[province].map(covered_regencies).fillna(0).astype(int)
    )
    province_whole = province & (table["parts"] > 0) & (table["parts"] == table["dinas_parts"])
    in_bps = regions["province_code"].astype("string").fillna(codes).isin(bps_provinces)
    in_bps |= codes.isin(bps_provinces)
    status = pd.Series("none", index=regions.index)
    status[in_bps] = "ilustratif"
    status[in_bps & province] = "bps"
    status[source.notna() | province_whole] = "dinas"
    table["status"] = status
    meta = lists.drop_duplicates("declared_in").set_index("declared_in")
    for column in ("file_name", "created_at", "office", "account"):
        table[column] = table["declared_in"].map(meta[column]) if len(meta) else None
    return table


def describe(row: pd.Series, lang: str) -> str:
    """One region's source as a sentence part: 'data dinas (kab.csv, 2 Des 2026, Dinas …)',
    'BPS 2024 (jumlah saja); 1 dari 35 kabupaten/kota data dinas', 'ilustratif'."""
    text = t(STATUS_LABELS[row["status"]], lang)
    if row["status"] == "dinas":
        when = row.get("created_at")
        day = (
            format_date(pd.Timestamp(when).to_pydatetime(), "d MMM y", locale=LOCALES[lang])
            if isinstance(when, (datetime, pd.Timestamp)) and not pd.isna(when)
            else "–"
        )
        who = row.get("office") or row.get("account") or t("cov_no_account", lang)
        return t("cov_dinas_detail", lang, file=row.get("file_name") or "–", date=day, who=who)
    if row["dinas_parts"]:
        return (
            text
            + "; "
            + t(
                "cov_parts",
                lang,
                n=fmt_number(row["dinas_parts"], lang),
                of=fmt_number(row["parts"], lang),
            )
        )
    return text


def coverage_style(
    table: pd.DataFrame, codes: list[str], lang: str
) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    """Fill per code, legend rows (colour, label) and the tooltip text per code."""
    shown = table.reindex(codes)
    statuses = shown["status"].fillna("none")
    fills = {code: STATUS_COLOURS[s] for code, s in statuses.items()}
    legend = [
        (STATUS_COLOURS[s], t(STATUS_LABELS[s], lang)) for s in STATUS_LABELS if s in set(statuses)
    ]
    labels = {
        code: describe(row, lang) if isinstance(row["status"], str) else t("cov_none", lang)
        for code, row in shown.iterrows()
    }
    return fills, legend, labels


def source_of(table: pd.DataFrame, region: str | None, lang: str) -> str:
    """``describe`` for a region; for Indonesia (None), the regencies with an office's list."""
    if region is not None:
        return describe(table.loc[region], lang)
    regencies = table[table["level"] == "regency"]
    text = t("cov_national", lang)
    covered = int((regencies["status"] == "dinas").sum())
    if covered:
        text += "; " + t(
            "cov_parts", lang, n=fmt_number(covered, lang), of=fmt_number(len(regencies), lang)
        )
    return text
