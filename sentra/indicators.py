"""Filters and per-region indicators, computed column-wise on the current centres.

"No data" (NaN) is kept apart from zero everywhere: a province without a published BPS
2024 count (Banten, Bali, Papua Pegunungan) has no reliable centre counts unless officials
imported their own list for it; growth series exist per province only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

YEAR_RANGE = (2017, 2024)
COUNT_METRICS = ("sentra", "klaster", "enterprises", "workers", "export_share", "density")
METRICS = ("sentra", "klaster", "enterprises", "workers", "budget_rp", "growth_pct",
           "export_share", "density")  # fmt: skip
METRIC_UNITS = {
    "sentra": "count", "klaster": "count", "enterprises": "count", "workers": "count",
    "budget_rp": "rupiah", "growth_pct": "percent", "export_share": "percent",
    "density": "density",
}  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "all"."""

    kinds: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    commodity: str = ""
    reach: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    data_statuses: tuple[str, ...] = ()
    years: tuple[int, int] = YEAR_RANGE

    def is_default(self) -> bool:
        return self == Filters()


def member(values: pd.Series, allowed: pd.Series | set) -> np.ndarray:
    """``values.isin(allowed)`` through a Python set: pandas' Arrow-string isin is ~20× slower."""
    wanted = allowed if isinstance(allowed, set) else set(allowed.tolist())
    return np.fromiter((v in wanted for v in values.tolist()), dtype=bool, count=len(values))


def budgets_of(centres: pd.DataFrame, ref: Reference, filters: Filters) -> pd.DataFrame:
    """Budget rows allocated to ``centres`` within the filter's years."""
    budgets = ref.budgets
    return budgets[
        budgets["year"].between(*filters.years) & member(budgets["centre_id"], centres["id"])
    ]


def filter_centres(centres: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    mask = np.ones(len(centres), dtype=bool)
    for column, allowed in (
        ("kind", filters.kinds),
        ("sector", filters.sectors),
        ("export_reach", filters.reach),
        ("fostering_body", filters.bodies),
        ("status", filters.statuses),
        ("data_status", filters.data_statuses),
    ):
        if allowed:
            mask &= member(centres[column], set(allowed))
    if filters.commodity.strip():
        needle = filters.commodity.strip().lower()
        text = centres["commodity"].fillna("") + " " + centres["name"].fillna("")
        mask &= text.str.lower().str.contains(needle, regex=False).to_numpy()
    if mask.all():  # no copy of every row (copy-on-write keeps the original safe)
        return centres.copy(deep=False)
    return centres[mask]


@dataclass
class Reference:
    """Tables that do not change with filters: regions, budgets, indicators, BPS counts."""

    regions: pd.DataFrame  # indexed by code: name, kind, province_code, area_km2, …
    budgets: pd.DataFrame
    indicators: pd.DataFrame
    bps_2024: pd.DataFrame
    facts: pd.DataFrame
    no_bps_provinces: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        provinces = self.regions.index[self.regions["kind"] == "provinsi"]
        published = set(self.bps_2024["province_code"])
        self.no_bps_provinces = frozenset(p for p in provinces if p not in published)


def _region_key(codes: pd.Series, level: str) -> pd.Series:
    return codes.str[:2] if level == "province" else codes


def region_metrics(
    centres: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    level: str,
    filters: Filters,
    codes: list[str] | None = None,
) -> pd.DataFrame:
    """One row per region of ``level`` ('province' or 'regency'), a column per metric.

    ``centres`` are the filtered centres; ``all_centres`` the unfiltered ones (to tell a
    region with data from one without).
    """
    kind = "provinsi" if level == "province" else ("kabupaten", "kota")
    regions = ref.regions[
        member(ref.regions["kind"], {kind} if isinstance(kind, str) else set(kind))
    ]
    if codes is not None:
        regions = regions.loc[[c for c in codes if c in regions.index]]
    key = _region_key(centres["regency_code"], level)

    def per_region(values: pd.Series) -> pd.Series:
        return values.groupby(key).sum().reindex(regions.index).fillna(0).astype(float)

    out = pd.DataFrame(index=regions.index)
    out["sentra"] = per_region(centres["kind"] == "sentra")
    out["klaster"] = per_region(centres["kind"] == "klaster")
    out["enterprises"] = per_region(centres["enterprises"].fillna(0))
    out["workers"] = per_region(centres["workers"].fillna(0))
    total = out["sentra"] + out["klaster"]
    exporting = per_region(centres["export_reach"] == "ekspor")
    out["export_share"] = (exporting / total.where(total > 0)) * 100
    out["density"] = total / regions["area_km2"] * 1000
    out["centres"] = total.astype(int)

    budget = budgets_of(centres, ref, filters)
    out["budget_rp"] = budget.groupby(_region_key(budget["region_code"], level))["amount_rp"].sum()
    out["budget_rp"] = out["budget_rp"].fillna(0)

    growth = ref.indicators[
        (ref.indicators["indicator"] == "pertumbuhan_output_pct")
        & ref.indicators["year"].between(*filters.years)
        & (ref.indicators["region_code"].str.len() == (2 if level == "province" else 5))
    ]
    out["growth_pct"] = growth.groupby("region_code")["value"].mean()

    imported = all_centres[all_centres["source"].fillna("").str.startswith("Impor")]
    without = ref.no_bps_provinces - set(imported["province_code"])
    no_data = member(regions["province_code"], set(without))
    out.loc[no_data, list(COUNT_METRICS)] = np.nan
    out["no_data"] = no_data
    out["recorded"] = all_centres.groupby(_region_key(all_centres["regency_code"], level)).size()
    out["recorded"] = out["recorded"].fillna(0).astype(int)
    return out


def location_quotient(centres: pd.DataFrame, sector: str, level: str) -> pd.DataFrame:
    """LQ = (region's share of centres in ``sector``) / (national share in ``sector``)."""
    key = _region_key(centres["regency_code"], level)
    in_sector = centres["sector"] == sector
    national = in_sector.mean() if len(centres) else np.nan
    table = pd.DataFrame({"total": centres.groupby(key).size()})
    table["in_sector"] = in_sector.groupby(key).sum()
    table["share"] = table["in_sector"] / table["total"]
    table["lq"] = table["share"] / national if national else np.nan
    return table.sort_values("lq", ascending=False)


def headline(centres: pd.DataFrame, ref: Reference, filters: Filters) -> dict[str, float]:
    """National (or selection-wide) totals shown at the top of every page."""
    budget = budgets_of(centres, ref, filters)
    return {
        "sentra": int((centres["kind"] == "sentra").sum()),
        "klaster": int((centres["kind"] == "klaster").sum()),
        "enterprises": float(centres["enterprises"].sum()),
        "workers": float(centres["workers"].sum()),
        "budget_rp": float(budget["amount_rp"].sum()),
        "export_share": float((centres["export_reach"] == "ekspor").mean() * 100)
        if len(centres)
        else np.nan,
        "illustrative_share": float((centres["data_status"] == "ilustratif").mean())
        if len(centres)
        else 0.0,
    }
