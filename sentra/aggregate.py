"""Aggregations behind the profile, compare, sector and budget pages (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from sentra.indicators import Filters, Reference, budgets_of, region_metrics


def scope(centres: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """Centres inside a region (province '33' or regency '33.26'); all when None."""
    if not code:
        return centres
    return centres[centres["regency_code"].str.startswith(code)]


def mix(centres: pd.DataFrame, column: str) -> pd.Series:
    """Number of centres per value of ``column``, largest first."""
    return centres[column].fillna("–").value_counts()


def budget_by_year(centres: pd.DataFrame, ref: Reference, filters: Filters) -> pd.DataFrame:
    """Budget to the given centres per year and funding source (rows: year, source, amount)."""
    budgets = budgets_of(centres, ref, filters)
    return budgets.groupby(["year", "funding_source"], as_index=False)["amount_rp"].sum()


def growth_series(ref: Reference, region_code: str, filters: Filters) -> pd.DataFrame:
    """Yearly output growth of a province and of the nation, where published or estimated."""
    ind = ref.indicators
    rows = ind[
        (ind["indicator"] == "pertumbuhan_output_pct")
        & ind["year"].between(*filters.years)
        & ind["region_code"].isin([region_code, ""])
    ]
    return rows[["region_code", "year", "value", "data_status", "source"]].sort_values("year")


def facts_for(facts: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """Published facts about a region, its province, or (no region) the whole country."""
    if not code:
        return facts[facts["scope"] == "national"]
    wanted = {code, code[:2]}
    codes = facts["region_code"].fillna("").str.split(";")
    return facts[codes.map(lambda cs: bool(wanted & set(cs)))]


def comparison(
    codes: list[str], centres: pd.DataFrame, all_centres: pd.DataFrame, ref: Reference,
    filters: Filters,
) -> pd.DataFrame:  # fmt: skip
    """Metrics of regions of any level side by side, plus normalised versions.

    Rows: regions (in the given order). Share columns are % of the national total of the
    same (filtered) measure, so regions of different size compare fairly.
    """
    frames = []
    for level, width in (("province", 2), ("regency", 5)):
        chosen = [c for c in codes if len(c) == width]
        if chosen:
            frames.append(region_metrics(centres, all_centres, ref, level, filters, codes=chosen))
    table = pd.concat(frames).reindex(codes)
    national = region_metrics(centres, all_centres, ref, "province", filters)
    for column in ("sentra", "klaster", "enterprises", "workers", "budget_rp"):
        total = national[column].sum()
        table[f"{column}_share"] = table[column] / total * 100 if total else float("nan")
    return table
