"""The per-person row of the region profile: population, centres and workers per person."""

from __future__ import annotations

import streamlit as st

from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import t
from sentra.indicators import region_metrics
from sentra.per_person import people_in, per_person
from ui.context import PageContext

_LEVELS = {2: "province", 5: "regency"}


def per_person_row(ctx: PageContext, region: str | None) -> None:
    """Population 2025 of the region (or the nation) and the two per-person measures of the
    filtered centres, with the population's source. A kecamatan has no population figure."""
    lang = ctx.lang
    people = people_in(ctx.ref.population, region)
    level = _LEVELS.get(len(region or ""))
    if region is None:
        inside = ctx.filtered
        values = per_person(len(inside), inside["workers"].sum(), people)
    elif level:
        metrics = region_metrics(
            ctx.filtered, ctx.centres, ctx.ref, level, ctx.filters, codes=[region]
        ).iloc[0]
        values = {
            "population": people,
            **{m: metrics[m] for m in ("centres_per_100k", "workers_per_1000")},
        }
    else:
        values = per_person(0, 0, float("nan"))
    cols = st.columns(3)
    cols[0].metric(t("population", lang), fmt_number(values["population"], lang))
    for col, metric in zip(cols[1:], ("centres_per_100k", "workers_per_1000"), strict=True):
        col.metric(t(f"m_{metric}", lang), fmt_metric(metric, values[metric], lang))
    st.caption(t("population_source", lang))
