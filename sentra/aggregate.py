"""Aggregations behind the profile, compare, sector and budget pages (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from sentra.cluster_counts import bps_national
from sentra.filters import Filters
from sentra.formatting import fmt_number
from sentra.i18n import t
from sentra.indicators import Reference, budgets_of, location_quotient, no_data, region_metrics
from sentra.per_person import PER_PERSON, people_in, per_person
from sentra.schema import EXPORT_REACH, NOT_KNOWN


def scope(centres: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """Centres inside a region (province '33', regency '33.26' or kecamatan '33.26.14');
    all when None."""
    if not code:
        return centres
    if len(code) > 5:
        return centres[(centres["kecamatan_code"] == code).fillna(False).to_numpy(dtype=bool)]
    return centres[centres["regency_code"].str.startswith(code)]


def per_person_figures(
    centres: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    region: str | None,
) -> dict[str, float]:
    """Population 2025 of a province or regency (None: the nation) and the per-person
    measures of the filtered ``centres`` there; NaN for a kecamatan (no population) and
    where the counts are "no data"."""
    if region is not None and len(region) > 5:
        return per_person(0, 0, float("nan"))
    people = people_in(ref.population, region)
    if region is not None and no_data(all_centres, ref, region[:2]):
        return {"population": people, **{m: float("nan") for m in PER_PERSON}}
    inside = scope(centres, region)
    return per_person(len(inside), inside["workers"].sum(), people)


def names_list(names: list[str], lang: str) -> str:
    """'Banten, Bali dan Papua Pegunungan' / 'Banten, Bali and Papua Pegunungan'."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('list_and', lang)} {names[-1]}"


def bps_national_note(ref: Reference, lang: str, centres: pd.DataFrame | None = None) -> str:
    """What BPS 2024 counts nationally beside the mapped count of sentra: the national
    figure and the part no province has (with those provinces' names), and how many of the
    mapped sentra (of ``centres``) lie in those provinces (known centres, outside BPS's
    per-province table: the reason the mapped count and BPS's part never add up to the
    national figure); '' without a national figure."""
    bps = bps_national(ref.facts, ref.bps_2024, ref.provinces)
    if bps.national is None:
        return ""
    names = [str(ref.regions.at[p, "name"]) for p in bps.missing]
    text = t(
        "bps_national_note",
        lang,
        national=fmt_number(bps.national, lang),
        gap=fmt_number(bps.gap, lang),
        provinces=names_list(names, lang),
    )
    if centres is not None:
        there = centres["province_code"].isin(bps.missing) & (centres["kind"] == "sentra")
        if n := int(there.sum()):
            text += "; " + t("bps_national_mapped_there", lang, n=fmt_number(n, lang))
    return text


def cluster_sources(ref: Reference, lang: str) -> str:
    """The published cluster counts by region: 'Jawa Tengah (133 klaster, 2009)'."""
    facts = ref.facts
    value = pd.to_numeric(facts["value"], errors="coerce")
    codes = facts["region_code"].fillna("").astype(str)
    rows = (facts["unit"] == "klaster") & value.notna() & (codes != "")
    parts = []
    for cs, year, n in zip(codes[rows], facts["year"][rows], value[rows], strict=True):
        name = names_list([str(ref.regions["name"].get(c, c)) for c in cs.split(";")], lang)
        parts.append(f"{name} ({t('cluster_count', lang, n=fmt_number(n, lang))}, {year})")
    return names_list(parts, lang)


def mix(centres: pd.DataFrame, column: str) -> pd.Series:
    """Number of centres per value of ``column``, largest first (missing: ``NOT_KNOWN``)."""
    return centres[column].fillna(NOT_KNOWN).value_counts()


REACH_ORDER = (*EXPORT_REACH, NOT_KNOWN)  # from local to export, then not known


def reach_mix(centres: pd.DataFrame) -> pd.Series:
    """Number of centres per market reach, in ``REACH_ORDER``."""
    return mix(centres, "export_reach").reindex(REACH_ORDER).dropna().astype(int)


def budget_by_year(
    centres: pd.DataFrame, ref: Reference, filters: Filters, region: str | None = None
) -> pd.DataFrame:
    """Budget of ``centres`` inside ``region`` per year and funding source (rows: year,
    funding_source, amount_rp), regional programmes included as in ``budgets_of``."""
    budgets = budgets_of(centres, ref, filters, region)
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
    """Published facts about a region, its regency and province, or (no region) the whole
    country."""
    if not code:
        return facts[facts["scope"] == "national"]
    wanted = {code, code[:5], code[:2]}
    codes = facts["region_code"].fillna("").str.split(";")
    return facts[codes.map(lambda cs: bool(wanted & set(cs)))]


COMPARED = (
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
SHARED = ("sentra", "klaster", "enterprises", "workers", "budget_rp")
SHARES = tuple(f"{m}_share" for m in SHARED)


def shared_measures(ref: Reference) -> tuple[str, ...]:
    """The measures of ``SHARED`` whose national total is known: a share of an unknown
    total is not a number (clusters have no national count unless every province has one)."""
    return tuple(m for m in SHARED if m != "klaster" or ref.clusters_known(None))


def comparison(
    codes: list[str],
    centres: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    filters: Filters,
) -> pd.DataFrame:
    """Metrics (``COMPARED``) of regions of any level side by side, plus ``SHARES``.

    Rows: regions (in the given order). Share columns are % of the national total of the
    same (filtered) measure, so regions of different size compare fairly; NaN where that
    total is unknown (``shared_measures``).
    """
    frames = []
    for level, width in (("province", 2), ("regency", 5), ("kecamatan", 8)):
        chosen = [c for c in codes if len(c) == width]
        if chosen:
            frames.append(region_metrics(centres, all_centres, ref, level, filters, codes=chosen))
    table = pd.concat(frames).reindex(codes)
    national = region_metrics(centres, all_centres, ref, "province", filters)
    known = shared_measures(ref)
    for column in SHARED:
        total = national[column].sum()
        share = table[column] / total * 100 if total and column in known else float("nan")
        table[f"{column}_share"] = share
    return table


# -- Sektor page ----------------------------------------------------------------------------
def sector_by_province(centres: pd.DataFrame) -> pd.DataFrame:
    """Centres per (sector, province_code): rows sector, province_code, n."""
    return centres.groupby(["sector", "province_code"]).size().rename("n").reset_index()


def top_specialised(
    centres: pd.DataFrame, filters: Filters, sector: str, min_total: int = 10, n: int = 12
) -> pd.DataFrame:
    """Regencies most specialised in ``sector`` (highest LQ) among those with at least
    ``min_total`` centres, so that one centre in a tiny regency does not top the list."""
    table = location_quotient(centres, filters, sector, "regency")
    return table[table["total"] >= min_total].head(n)


# -- Anggaran page --------------------------------------------------------------------------
def budget_by_province(centres: pd.DataFrame, ref: Reference, filters: Filters) -> pd.DataFrame:
    """Budget per province and funding source (rows: province_code, funding_source,
    amount_rp), largest province total first."""
    budgets = budgets_of(centres, ref, filters).assign(
        province_code=lambda d: d["region_code"].str[:2]
    )
    table = budgets.groupby(["province_code", "funding_source"], as_index=False)["amount_rp"].sum()
    order = table.groupby("province_code")["amount_rp"].sum().sort_values(ascending=False)
    return table.set_index("province_code").loc[order.index].reset_index()


def top_funded_centres(
    centres: pd.DataFrame, ref: Reference, filters: Filters, n: int = 25
) -> pd.DataFrame:
    """The ``n`` centres that received most (rows: id, name, regency_code, amount_rp);
    regional programmes have no centre and are not in this list."""
    budgets = budgets_of(centres, ref, filters)
    per_centre = budgets[budgets["centre_id"].fillna("") != ""].groupby("centre_id")["amount_rp"]
    top = per_centre.sum().nlargest(n)
    rows = centres.set_index("id").loc[top.index, ["name", "regency_code"]]
    return rows.assign(amount_rp=top).reset_index()


def growth_and_budget(
    centres: pd.DataFrame, all_centres: pd.DataFrame, ref: Reference, filters: Filters
) -> pd.DataFrame:
    """Per province with a growth figure: budget_rp, growth_pct and centres."""
    table = region_metrics(centres, all_centres, ref, "province", filters)
    return table.dropna(subset=["growth_pct"])[["budget_rp", "growth_pct", "centres"]]
