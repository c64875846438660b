"""Years in motion: a map measure's value per region and year, classed on one colour scale
over all years, so that playing the years changes the colours only where values change.

Measures with years: budgets (per budget year), growth (per year), centres by founding
year (the sentra founded by then) and imported regional indicators. The map's year control
(``sentra.map_motion``) switches between the frames in the browser; the map table and the
map picture show one frame. Nothing here knows Streamlit or folium.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from sentra.choropleth import classify
from sentra.filters import Filters
from sentra.i18n import N_, t
from sentra.indicators import Reference, budgets_of

YEARLY_METRICS = ("sentra", "budget_rp", "growth_pct")
FOUNDING_FRAMES = 35  # frames of centres by founding year; earlier years count in the first
YEAR_TOKEN = "%YEAR%"  # where a frame's year goes in its title (replaced in the browser too)
YEAR_PARAM = "tahun_peta"  # the URL parameter of the map's year
# Title of one year's frame and what a year's value means, per measure.
YEAR_TITLES = {
    "sentra": N_("year_title_sentra"),
    "budget_rp": N_("year_title_budget_rp"),
    "growth_pct": N_("year_title_growth_pct"),
}
YEAR_NOTES = {
    "sentra": N_("year_note_sentra"),
    "budget_rp": N_("year_note_budget_rp"),
    "growth_pct": N_("year_note_growth_pct"),
}


@dataclass(frozen=True)
class Yearly:
    """Values per region (rows, codes) and year (columns); NaN is "no data"."""

    values: pd.DataFrame
    undated: int = 0  # centres left out for want of a founding year


def _key(codes: pd.Series, level: str) -> pd.Series:
    return codes.str[:2] if level == "province" else codes


def founding_counts(
    filtered: pd.DataFrame, level: str, table: pd.DataFrame, frames: int = FOUNDING_FRAMES
) -> Yearly | None:
    """Sentra founded up to each year, per region of ``table`` (``region_metrics`` of the
    same view: its ``no_data`` regions stay "no data"). The last ``frames`` years up to the
    newest founding are frames; the first counts every earlier one too."""
    sentra = filtered[(filtered["kind"] == "sentra").to_numpy()]
    key = sentra["kecamatan_code"] if level == "kecamatan" else _key(sentra["regency_code"], level)
    inside = key.isin(table.index).to_numpy()
    founded = pd.to_numeric(sentra["year_established"], errors="coerce")[inside]
    dated = founded.notna().to_numpy()
    if founded.nunique() < 2:
        return None
    last = int(founded.max())
    first = max(int(founded.min()), last - frames + 1)
    years = list(range(first, last + 1))
    per_year = (
        founded[dated]
        .clip(lower=first)
        .astype(int)
        .groupby(key[inside][dated].to_numpy())
        .value_counts()
        .unstack(fill_value=0)
        .reindex(index=table.index, columns=years, fill_value=0)
    )
    values = per_year.cumsum(axis=1).astype(float)
    values.loc[table["no_data"].to_numpy(dtype=bool)] = float("nan")
    return Yearly(values, undated=int((~dated).sum()))


def budget_by_year(
    filtered: pd.DataFrame, ref: Reference, filters: Filters, level: str, table: pd.DataFrame
) -> Yearly | None:
    """Budget per region and budget year, counted as ``region_metrics`` counts its total
    (regional programmes included while no centre filter is active): the years add up to
    the map's total. Years are those with any budget row within the filter's years."""
    in_years = ref.budgets["year"].between(*filters.years)
    years = sorted(int(y) for y in ref.budgets.loc[in_years, "year"].unique())
    if len(years) < 2:
        return None
    budget = budgets_of(filtered, ref, filters)
    if level == "kecamatan":  # through the centre the money went to
        where = pd.Series(filtered["kecamatan_code"].to_numpy(), index=filtered["id"].to_numpy())
        key = budget["centre_id"].map(where)
    else:
        key = _key(budget["region_code"], level)
    values = (
        budget["amount_rp"]
        .groupby([key.to_numpy(), budget["year"].to_numpy()])
        .sum()
        .unstack(fill_value=0.0)
        .reindex(index=table.index, columns=years, fill_value=0.0)
    )
    return Yearly(values.astype(float))


def growth_by_year(
    ref: Reference, filters: Filters, level: str, table: pd.DataFrame
) -> Yearly | None:
    """Output growth per region and year within the filter's years (provinces and
    regencies with a series; kecamatan have none). Their mean is the map's value."""
    if level == "kecamatan":
        return None
    ind = ref.indicators
    rows = ind[
        (ind["indicator"] == "pertumbuhan_output_pct")
        & ind["year"].between(*filters.years)
        & (ind["region_code"].str.len() == (2 if level == "province" else 5))
    ]
    years = sorted(int(y) for y in rows["year"].unique())
    if len(years) < 2:
        return None
    values = rows.pivot_table(index="region_code", columns="year", values="value", aggfunc="mean")
    return Yearly(values.reindex(index=table.index, columns=years).astype(float))


def imported_by_year(by_year: pd.DataFrame | None, table: pd.DataFrame) -> Yearly | None:
    """An imported indicator's values (region × year); absent regions are "no data"."""
    if by_year is None or by_year.shape[1] < 2:
        return None
    years = sorted(int(y) for y in by_year.columns)
    return Yearly(by_year.reindex(index=table.index, columns=years).astype(float))


@dataclass(frozen=True)
class YearFrames:
    """A measure's frames: per region and year its value, fill and text, with one legend
    for every year. ``title`` holds ``YEAR_TOKEN`` where the year goes; ``total`` says the
    map without a chosen year shows something else (a sum, a mean, all centres), to which
    the reader can return; without it, that map is the last year's frame."""

    years: tuple[int, ...]
    values: pd.DataFrame  # code × year, NaN: no data
    fills: pd.DataFrame  # code × year colour
    texts: pd.DataFrame  # code × year value as shown
    names: pd.Series  # code → region name, in map order
    legend: list[tuple[str, str]]
    title: str
    note: str
    total: bool
    total_label: str  # the year control's label for the map without a chosen year
    # code → the tooltip a region keeps in every year (one without data: why)
    fixed: dict[str, str] = field(default_factory=dict)

    def title_of(self, year: int) -> str:
        return self.title.replace(YEAR_TOKEN, str(year))

    def has(self, year: object) -> bool:
        return str(year) in {str(y) for y in self.years}


def year_frames(
    yearly: Yearly,
    names: pd.Series,
    fmt: Callable[[float], str],
    title: str,
    note: str,
    total_label: str,
    lang: str,
    total: bool = True,
) -> YearFrames:
    """Classes over every region and year together (``sentra.choropleth.classify`` on the
    pooled values): the legend is the same whichever year is shown."""
    values = yearly.values
    pooled = values.stack()  # NaN kept: "no data" is a class of its own
    fills, legend = classify(pooled, fmt, t("legend_zero", lang), t("legend_no_data", lang))
    no_data = t("legend_no_data", lang)
    shown = {v: fmt(v) for v in pd.unique(pooled.dropna())}  # each distinct value once
    texts = values.apply(lambda col: col.map(lambda v: no_data if pd.isna(v) else shown[v]))
    fill_frame = pd.Series(fills, dtype=object).reindex(pooled.index).unstack()
    return YearFrames(
        years=tuple(int(y) for y in values.columns),
        values=values,
        fills=fill_frame.reindex(index=values.index, columns=values.columns),
        texts=texts,
        names=names.reindex(values.index),
        legend=legend,
        title=title,
        note=note,
        total=total,
        total_label=total_label,
    )


def parse_year(value: object, frames: YearFrames | None) -> int | None:
    """The year ``value`` names (a URL's text) if the frames have it, else None."""
    if frames is None or value in (None, ""):
        return None
    return int(str(value)) if frames.has(value) else None
