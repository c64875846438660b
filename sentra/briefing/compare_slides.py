"""Slides of a comparison: the compare page's two tables, then charts with one series per
region, so every region is drawn on the same scale."""

from __future__ import annotations

from functools import partial

import pandas as pd

from sentra import aggregate
from sentra.briefing.content import (
    BriefingData,
    growth_chart,
    illustrative,
    no_data_or,
    note_if,
    store_source,
)
from sentra.briefing.slides import Chart, Slide, Table
from sentra.briefing.view import View
from sentra.formatting import fmt_metric, fmt_percent
from sentra.i18n import t
from sentra.indicators import budgets_of
from sentra.schema import EXPORT_REACH, SECTORS, label


def comparison_table(view: View, data: BriefingData, filtered: pd.DataFrame) -> pd.DataFrame:
    """``aggregate.comparison`` for the view: the numbers of the compare page."""
    return aggregate.comparison(list(view.regions), filtered, data.centres, data.ref, view.filters)


def _per_region(values: dict[str, pd.Series], order: list[str]) -> list[tuple[str, list]]:
    return [(name, [float(s.get(k, 0)) for k in order]) for name, s in values.items()]


def slides(view: View, data: BriefingData, filtered: pd.DataFrame) -> list[Slide]:
    lang = view.lang
    names = data.names
    region_names = [str(names[c]) for c in view.regions]
    table = comparison_table(view, data, filtered)
    scopes = {code: aggregate.scope(filtered, code) for code in view.regions}
    source = store_source(data, lang)
    shows_illustrative = any(illustrative(s) for s in scopes.values()) or any(
        illustrative(budgets_of(s, data.ref, view.filters, c)) for c, s in scopes.items()
    )
    note = note_if(shows_illustrative, lang)

    shared = aggregate.shared_measures(data.ref)  # shares of a known national total only
    absolute = Table(
        [t("indicator", lang), *region_names],
        [
            [t(f"m_{m}", lang), *(no_data_or(partial(fmt_metric, m), v, lang) for v in table[m])]
            for m in aggregate.COMPARED
        ],
        [2.6] + [1.0] * len(region_names),
    )
    share_table = Table(
        [t("indicator", lang), *region_names],
        [
            [
                f"{t('m_' + m, lang)} — {t('share_national', lang)}",
                *(no_data_or(fmt_percent, v, lang, 2) for v in table[f"{m}_share"]),
            ]
            for m in shared
        ],
        [2.6] + [1.0] * len(region_names),
    )
    shares = [f"{m}_share" for m in shared]
    share_notes = []
    if "klaster" not in shared:
        published = aggregate.cluster_sources(data.ref, lang)
        share_notes.append(t("compare_no_cluster_share", lang, published=published))
    share_chart = Chart(
        t("share_national", lang),
        "column",
        [t(f"m_{m}", lang) for m in shared],
        [
            (
                name,
                [None if pd.isna(v) else float(v) for v in table.loc[code, shares]],
            )
            for code, name in zip(view.regions, region_names, strict=True)
        ],
        t("share_national", lang),
        "0.00",
    )
    density_chart = Chart(
        t("per_1000km2", lang),
        "column",
        region_names,
        [(t("per_1000km2", lang), [None if pd.isna(v) else float(v) for v in table["density"]])],
        t("per_1000km2", lang),
        "#,##0.0",
    )
    sector_mix = {names[c]: aggregate.mix(s, "sector") for c, s in scopes.items()}
    sectors = list(
        pd.concat(sector_mix.values()).groupby(level=0).sum().sort_values(ascending=False).index
    )
    sector_chart = Chart(
        t("sector_mix", lang),
        "bar",
        [label(SECTORS, c, lang) for c in sectors],
        _per_region(sector_mix, sectors),
        t("count", lang),
    )
    reach_mix = {names[c]: aggregate.reach_mix(s) for c, s in scopes.items()}
    reach = [c for c in aggregate.REACH_ORDER if any(c in m.index for m in reach_mix.values())]
    reach_chart = Chart(
        t("reach_mix", lang),
        "column",
        [label(EXPORT_REACH, c, lang) for c in reach],
        _per_region(reach_mix, reach),
        t("count", lang),
    )
    budget = {
        names[c]: aggregate.budget_by_year(s, data.ref, view.filters, c)
        .groupby("year")["amount_rp"]
        .sum()
        / 1e9
        for c, s in scopes.items()
    }
    years = sorted(set().union(*(b.index for b in budget.values())))
    budget_chart = Chart(
        t("brief_budget_per_year", lang),
        "column",
        [str(y) for y in years],
        _per_region(budget, years),
        t("amount_billion", lang),
        "#,##0.0",
    )
    provinces = list(dict.fromkeys(c[:2] for c in view.regions))
    growth = pd.concat(
        [aggregate.growth_series(data.ref, p, view.filters) for p in provinces]
    ).drop_duplicates(subset=["region_code", "year"])
    return [
        Slide(
            title=f"{t('page_compare', lang)}: {t('compare_absolute', lang)}",
            table=absolute,
            notes=[source],
            illustrative_note=note,
        ),
        Slide(
            title=f"{t('page_compare', lang)}: {t('compare_normalised', lang)}",
            table=share_table,
            notes=[source, *share_notes],
            illustrative_note=note,
        ),
        Slide(
            title=t("brief_compare_share_title", lang),
            charts=[share_chart, density_chart],
            notes=[source],
            illustrative_note=note,
        ),
        Slide(
            title=t("brief_compare_mix_title", lang),
            charts=[sector_chart, reach_chart],
            notes=[source],
            illustrative_note=note,
        ),
        Slide(
            title=t("brief_compare_budget_title", lang),
            charts=[budget_chart, growth_chart(growth, names, lang)],
            notes=[source],
            illustrative_note=note_if(shows_illustrative or illustrative(growth), lang),
        ),
    ]
