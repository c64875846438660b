"""Per-region indicators, computed column-wise on the (filtered) centres.

"No data" (NaN) is kept apart from zero everywhere: a province without a published BPS
2024 count (Banten, Bali, Papua Pegunungan) has no reliable centre counts unless officials
imported their own list for it; growth series exist per province only. Cluster counts are
"no data" wherever no published figure or complete list covers the region
(``sentra.coverage``): only Central Java has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sentra.cluster_counts import cluster_known, clusters_known_in
from sentra.filters import Filters, filter_centres, member
from sentra.per_person import PER_PERSON

COUNT_METRICS = (
    "sentra",
    "klaster",
    "enterprises",
    "workers",
    "export_share",
    "density",
    *PER_PERSON,
)
METRICS = (
    "sentra",
    "klaster",
    "enterprises",
    "workers",
    "budget_rp",
    "growth_pct",
    "export_share",
    "density",
    *PER_PERSON,
)
METRIC_UNITS = {
    "sentra": "count",
    "klaster": "count",
    "enterprises": "count",
    "workers": "count",
    "budget_rp": "rupiah",
    "growth_pct": "percent",
    "export_share": "percent",
    "density": "density",
    "centres_per_100k": "per_person",
    "workers_per_1000": "per_person",
}


def budgets_of(
    centres: pd.DataFrame, ref: Reference, filters: Filters, region: str | None = None
) -> pd.DataFrame:
    """Budget rows within the filter's years: those allocated to ``centres``, plus those
    allocated to a region as a whole (APBD programmes, no centre) inside ``region`` (None:
    the whole country) — but only while no filter narrows the centres, since such money
    cannot be split by sector, kind or reach."""
    budgets = ref.budgets
    in_years = budgets["year"].between(*filters.years).to_numpy()
    wanted = member(budgets["centre_id"], centres["id"])
    if centre_filters_default(filters):
        whole_region = (budgets["centre_id"].fillna("") == "").to_numpy()
        if region:
            whole_region = whole_region & budgets["region_code"].str.startswith(region).to_numpy()
        wanted = wanted | whole_region
    return budgets[in_years & wanted]


def budget_years(ref: Reference, filters: Filters) -> tuple[int, int]:
    """The years a budget total covers: the filter's years that budget rows exist for (the
    data starts in 2019 though the slider starts in 2017), else the filter's years."""
    years = ref.budgets["year"]
    held = years[years.between(*filters.years)]
    return (int(held.min()), int(held.max())) if len(held) else filters.years


def centre_filters_default(filters: Filters) -> bool:
    """True when only the years are chosen: every centre of a region is in the selection."""
    return filters.without("tahun").is_default()


@dataclass
class Reference:
    """Tables that do not change with filters: regions, budgets, indicators, BPS counts."""

    regions: pd.DataFrame  # indexed by code: name, kind, province_code, area_km2, …
    budgets: pd.DataFrame
    indicators: pd.DataFrame
    bps_2024: pd.DataFrame
    facts: pd.DataFrame
    # code → people (provinces and regencies, 2025); empty: per-person measures are "no data"
    population: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    # region codes an office's complete list of clusters covers (``sentra.coverage``)
    complete_lists: frozenset[str] = frozenset()
    no_bps_provinces: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        provinces = self.regions.index[self.regions["kind"] == "provinsi"]
        published = set(self.bps_2024["province_code"])
        self.no_bps_provinces = frozenset(p for p in provinces if p not in published)

    @property
    def provinces(self) -> list[str]:
        return list(self.regions.index[self.regions["kind"] == "provinsi"])

    def clusters_known(self, region: str | None) -> bool:
        """Whether clusters can be counted in ``region`` (None: Indonesia)."""
        return cluster_known(region, self.facts, self.complete_lists, self.provinces)


def _region_key(codes: pd.Series, level: str) -> pd.Series:
    return codes.str[:2] if level == "province" else codes


_LEVEL_KINDS = {
    "province": {"provinsi"},
    "regency": {"kabupaten", "kota"},
    "kecamatan": {"kecamatan"},
}


def _centre_key(centres: pd.DataFrame, level: str) -> pd.Series:
    """The code of each centre's region at ``level``."""
    if level == "kecamatan":
        return centres["kecamatan_code"]
    return _region_key(centres["regency_code"], level)


def region_metrics(
    centres: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    level: str,
    filters: Filters,
    codes: list[str] | None = None,
) -> pd.DataFrame:
    """One row per region of ``level`` ('province', 'regency' or 'kecamatan'), a column per
    metric.

    ``centres`` are the filtered centres; ``all_centres`` the unfiltered ones (to tell a
    region with data from one without). Kecamatan have no growth series, no population and
    no budgets of their own: only budgets to their centres count.
    """
    kinds = _LEVEL_KINDS[level]
    regions = ref.regions[member(ref.regions["kind"], kinds)]
    if codes is not None:
        regions = regions.loc[[c for c in codes if c in regions.index]]
    key = _centre_key(centres, level)

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
    people = ref.population.reindex(regions.index).astype(float)
    out["centres_per_100k"] = total / people * PER_PERSON["centres_per_100k"]
    out["workers_per_1000"] = out["workers"] / people * PER_PERSON["workers_per_1000"]
    out["centres"] = total.astype(int)
    # a cluster count only where a published figure or a complete list covers the region
    known = clusters_known_in(out.index, ref.facts, ref.complete_lists).to_numpy()
    out.loc[~known, "klaster"] = np.nan

    budget = budgets_of(centres, ref, filters)
    if level == "kecamatan":  # through the centre the money went to
        where = pd.Series(centres["kecamatan_code"].to_numpy(), index=centres["id"].to_numpy())
        budget_key = budget["centre_id"].map(where)
    else:
        budget_key = _region_key(budget["region_code"], level)
    out["budget_rp"] = budget.groupby(budget_key)["amount_rp"].sum()
    out["budget_rp"] = out["budget_rp"].fillna(0)

    growth = ref.indicators[
        (ref.indicators["indicator"] == "pertumbuhan_output_pct")
        & ref.indicators["year"].between(*filters.years)
        & (ref.indicators["region_code"].str.len() == (2 if level == "province" else 5))
    ]
    out["growth_pct"] = growth.groupby("region_code")["value"].mean()

    unknown = member(regions["province_code"], _provinces_without_data(all_centres, ref))
    out.loc[unknown, list(COUNT_METRICS)] = np.nan
    out["no_data"] = unknown
    out["recorded"] = all_centres.groupby(_centre_key(all_centres, level)).size()
    out["recorded"] = out["recorded"].fillna(0).astype(int)
    return out


def _provinces_without_data(all_centres: pd.DataFrame, ref: Reference) -> set[str]:
    """Provinces whose counts are "no data": no BPS 2024 figure and nothing imported."""
    imported = (all_centres["origin"] == "impor").to_numpy()
    # one column and its distinct values: copying a million imported rows whole and walking
    # them in Python cost seconds of every rerun
    provinces = all_centres["province_code"][imported].unique()
    return set(ref.no_bps_provinces - set(provinces))


def no_data(all_centres: pd.DataFrame, ref: Reference, province: str) -> bool:
    """Whether a province's counts (and its regencies' and kecamatan's) are "no data"."""
    return province in _provinces_without_data(all_centres, ref)


def location_quotient(
    centres: pd.DataFrame, filters: Filters, sector: str, level: str
) -> pd.DataFrame:
    """LQ = (region's share of centres in ``sector``) / (national share in ``sector``).

    ``centres`` are all centres: every filter applies except the sector filter, which
    would leave only the sector's own centres and make every share 1.
    """
    base = filter_centres(centres, filters.without("sektor"))
    key = _region_key(base["regency_code"], level)
    in_sector = base["sector"] == sector
    national = in_sector.mean() if len(base) else np.nan
    table = pd.DataFrame({"total": base.groupby(key).size()})
    table["in_sector"] = in_sector.groupby(key).sum()
    table["share"] = table["in_sector"] / table["total"]
    table["lq"] = table["share"] / national if national else np.nan
    return table.sort_values("lq", ascending=False)


def headline(
    centres: pd.DataFrame, ref: Reference, filters: Filters, region: str | None = None
) -> dict[str, float]:
    """Totals of ``centres`` (filtered, inside ``region``; None: Indonesia) for the top of
    every page. ``budget_region_rp`` is the part allocated to regions as a whole;
    ``klaster`` is NaN ("no data") where clusters cannot be counted."""
    budget = budgets_of(centres, ref, filters, region)
    whole_region = budget["centre_id"].fillna("") == ""
    clusters = int((centres["kind"] == "klaster").sum())
    return {
        "sentra": int((centres["kind"] == "sentra").sum()),
        "klaster": clusters if ref.clusters_known(region) else np.nan,
        "enterprises": float(centres["enterprises"].sum()),
        "workers": float(centres["workers"].sum()),
        "budget_rp": float(budget["amount_rp"].sum()),
        "budget_region_rp": float(budget.loc[whole_region, "amount_rp"].sum()),
        "export_share": float((centres["export_reach"] == "ekspor").mean() * 100)
        if len(centres)
        else np.nan,
        "illustrative_share": float((centres["data_status"] == "ilustratif").mean())
        if len(centres)
        else 0.0,
    }
