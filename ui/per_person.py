"""The per-person row of the region profile: population, centres and workers per person."""

from __future__ import annotations

import streamlit as st

from sentra.aggregate import per_person_figures
from sentra.formatting import fmt_metric, fmt_number
from sentra.i18n import t
from sentra.per_person import PER_PERSON
from ui.context import PageContext


def per_person_row(ctx: PageContext, region: str | None) -> None:
    """Population 2025 of the region (or the nation) and the two per-person measures of the
    filtered centres, with the population's source. A kecamatan has no population figure."""
    lang = ctx.lang
    values = per_person_figures(ctx.filtered, ctx.centres, ctx.ref, ctx.filters, region)
    cols = st.columns(3)
    cols[0].metric(t("population", lang), fmt_number(values["population"], lang))
    for col, metric in zip(cols[1:], PER_PERSON, strict=True):
        col.metric(t(f"m_{metric}", lang), fmt_metric(metric, values[metric], lang))
    kecamatan = region is not None and len(region) > 5
    st.caption(t("kecamatan_no_population" if kecamatan else "population_source", lang))
