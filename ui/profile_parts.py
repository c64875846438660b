"""What the region profile shows below its headline, built once per view and shared."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from sentra import aggregate, tables
from sentra.facts import source_text
from sentra.i18n import t
from sentra.schema import EXPORT_REACH, SECTORS, label
from ui import charts
from ui.cached import per_view
from ui.context import PageContext
from ui.widgets import TABLE_ROWS

PROFILE_COLUMNS = (
    "name",
    "kind",
    "sector",
    "commodity",
    "regency_code",
    "enterprises",
    "workers",
    "turnover_rp",
    "export_reach",
    "data_status",
)


@dataclass(frozen=True)
class ProfileParts:
    """Finished charts and the readable list of centres (first ``TABLE_ROWS``) of one view."""

    sectors: go.Figure
    reach: go.Figure
    budget: go.Figure
    growth: go.Figure
    centres: pd.DataFrame
    total: int  # centres in the region, shown or not


def profile_parts(ctx: PageContext, selected: str | None) -> ProfileParts:
    """The profile's charts and table for the filtered centres in ``selected``, computed once
    per data version, language, filters and region: thirty people opening the same profile
    in a workshop share one computation."""
    return per_view(ctx, "profile", selected, lambda: _build(ctx, selected))


def _build(ctx: PageContext, selected: str | None) -> ProfileParts:
    lang, regions = ctx.lang, ctx.ref.regions
    centres = aggregate.scope(ctx.filtered, selected)
    source = t("source_store", lang, v=ctx.version)
    illustrative = bool((centres["data_status"] == "ilustratif").any())

    sectors = aggregate.mix(centres, "sector").rename(lambda c: label(SECTORS, c, lang))
    fig = charts.bars(
        sectors.index, sectors.to_numpy(), value_title=t("count", lang), horizontal=True
    )
    sector_fig = charts.finish(fig, t("sector_mix", lang), source, lang, illustrative)

    reach = aggregate.reach_mix(centres)
    fig = charts.bars(
        [label(EXPORT_REACH, c, lang) for c in reach.index],
        reach.to_numpy(),
        value_title=t("count", lang),
    )
    reach_fig = charts.finish(fig, t("reach_mix", lang), source, lang, illustrative)

    budget = aggregate.budget_by_year(centres, ctx.ref, ctx.filters, selected)
    budget_fig = charts.budget_figure(budget, source, lang)

    growth = aggregate.growth_series(ctx.ref, (selected or "")[:2], ctx.filters)
    growth["wilayah"] = growth["region_code"].map(
        lambda code: regions.at[code, "name"] if code else t("national", lang)
    )
    fig = charts.series(
        growth,
        "year",
        "value",
        "wilayah",
        kind="line",
        x_title=t("year", lang),
        y_title=t("growth", lang),
    )
    published = growth.loc[growth["data_status"] == "sumber", "source"]
    sources = "; ".join(sorted({source_text(s, lang) for s in published}))  # "citing" → "mengutip"
    growth_fig = charts.finish(
        fig,
        t("growth_over_time", lang),
        f"{source}; {sources}".strip("; "),
        lang,
        bool((growth["data_status"] == "ilustratif").any()),
    )

    shown = tables.readable(centres.head(TABLE_ROWS), regions["name"], lang, PROFILE_COLUMNS)
    return ProfileParts(sector_fig, reach_fig, budget_fig, growth_fig, shown, len(centres))
