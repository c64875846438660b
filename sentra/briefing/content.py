"""The slides of a briefing and what is on them, computed by the same functions the
pages use (``sentra.indicators``, ``sentra.aggregate``, ``sentra.facts``), so a slide shows
exactly what the dashboard shows for the same view and filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import geopandas as gpd
import pandas as pd

from sentra import aggregate, counts_by_source, tables
from sentra.briefing.chart_images import counts_png
from sentra.briefing.slides import Chart, Slide, Table
from sentra.briefing.static_map import map_png
from sentra.briefing.view import View
from sentra.coverage import COVERAGE_METRIC
from sentra.facts import GLOSSARY, readable_facts, source_text
from sentra.filters import SPECS, Filters, filter_centres
from sentra.formatting import fmt_date, fmt_metric, fmt_number, fmt_percent, fmt_rupiah
from sentra.i18n import LANGUAGES, t
from sentra.indicators import (
    Reference,
    budget_years,
    budgets_of,
    centre_filters_default,
    headline,
)
from sentra.map_view import map_measure
from sentra.per_person import PER_PERSON
from sentra.regional_indicators import PREFIX, ImportedIndicators, ImportedMeasure
from sentra.schema import EXPORT_REACH, FUNDING_SOURCES, SECTORS, label
from sentra.summary import summarise

Progress = Callable[[float, str], None]
FACT_ROWS_PER_SLIDE = 7
TOP_CENTRES = 10
TOP_CENTRE_COLUMNS = (
    "name",
    "kind",
    "sector",
    "commodity",
    "regency_code",
    "enterprises",
    "workers",
    "data_status",
)


class BriefingLayers(Protocol):
    """What the briefing needs of ``loaders.boundaries.BoundaryLayers``."""

    provinces_national: gpd.GeoDataFrame

    def regencies_of(self, province_code: str, detail: bool = True) -> gpd.GeoDataFrame: ...

    def kecamatan_of(self, regency_code: str) -> gpd.GeoDataFrame: ...


@dataclass
class BriefingData:
    centres: pd.DataFrame  # all centres of ``version``
    ref: Reference
    layers: BriefingLayers
    version: int
    imported: ImportedIndicators | None = None  # imported regional indicators (map measures)
    # where each region's figures come from (``sentra.coverage``), made when a map shows it
    coverage: Callable[[], pd.DataFrame] | None = None

    def measures(self) -> list[str]:
        """The map's measures besides ``METRICS``, as the map page offers them."""
        return [COVERAGE_METRIC, *(self.imported.keys() if self.imported else [])]

    @property
    def names(self) -> pd.Series:
        return self.ref.regions["name"]


# -- shared pieces -------------------------------------------------------------------------
def region_title(view: View, names: pd.Series) -> str:
    if not view.regions:
        return t("indonesia", view.lang)
    return " · ".join(str(names[c]) for c in view.regions)


def describe_filters(filters: Filters, lang: str) -> str:
    """The chosen filters as a reader sees them: 'Sektor: Kerajinan; Tahun …: 2019–2024'."""
    parts = []
    for key, value in filters.chosen:
        spec = SPECS[key]
        if spec.kind == "choice":
            shown = ", ".join(label(spec.vocabulary, code, lang) for code in value)
        elif spec.kind == "text":
            shown = f"“{value}”"
        else:
            shown = f"{value[0]}–{value[1]}"
        parts.append(f"{t(spec.label, lang)}: {shown}")
    return "; ".join(parts) or t("brief_no_filters", lang)


def store_source(data: BriefingData, lang: str) -> str:
    return t("source_line", lang, source=t("source_store", lang, v=data.version))


def illustrative(frame: pd.DataFrame) -> bool:
    return bool((frame["data_status"] == "ilustratif").any()) if len(frame) else False


def illustrative_figures(
    metric: str,
    filtered: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    region: str | None,
    imported: ImportedMeasure | None,
) -> bool:
    """Whether the mapped figures include illustrative ones (as the briefing's map slide
    decides): the imported table's own status, the budget or growth rows, or the centres."""
    if imported is not None:
        return imported.illustrative
    if metric == COVERAGE_METRIC:  # where figures come from: no figure of its own
        return False
    area = aggregate.scope(filtered, region)
    if metric == "budget_rp":
        return illustrative(budgets_of(area, ref, filters, region))
    if metric == "growth_pct":
        growth = ref.indicators
        return illustrative(
            growth[
                (growth["indicator"] == "pertumbuhan_output_pct")
                & growth["year"].between(*filters.years)
            ]
        )
    return illustrative(area)


def note_if(flag: bool, lang: str) -> str:
    return t("brief_illustrative", lang) if flag else ""


def no_data_or(fmt: Callable[..., str], value: float, lang: str, *args: object) -> str:
    """``fmt(value, lang, *args)``, or "no data" for a missing value (never a bare dash)."""
    return t("legend_no_data", lang) if pd.isna(value) else fmt(value, lang, *args)


def growth_chart(rows: pd.DataFrame, names: pd.Series, lang: str) -> Chart:
    shown = {"": t("national", lang), **names.to_dict()}
    table = rows.pivot_table(index="year", columns="region_code", values="value", sort=True)
    order = [c for c in dict.fromkeys(rows["region_code"]) if c] + [""]
    order = [c for c in order if c in table.columns]
    return Chart(
        t("growth_over_time", lang),
        "line",
        [str(y) for y in table.index],
        [(shown[c], _values(table[c])) for c in order],
        t("growth", lang),
        "0.00",
    )


def _values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in series]


# -- slides --------------------------------------------------------------------------------
def title_slide(view: View, data: BriefingData, today: date) -> Slide:
    """Region(s), filters, date, language and data version; for one region or Indonesia
    also the profile's summary in words (the same sentences, ``sentra.summary``)."""
    lang = view.lang
    summary = ""
    if not view.is_comparison:
        filtered = filter_centres(data.centres, view.filters)
        summary = summarise(filtered, data.centres, data.ref, view.filters, view.region, lang).text
    return Slide(
        title=region_title(view, data.names),
        subtitle=t("brief_kicker", lang),
        lines=[
            t("brief_filters", lang, filters=describe_filters(view.filters, lang)),
            t("brief_date", lang, date=fmt_date(today, lang)),
            t("brief_language", lang, language=LANGUAGES[lang]),
            t("brief_data", lang, source=t("source_store", lang, v=data.version)),
        ],
        is_title=True,
        summary=summary,
    )


def map_slide(view: View, data: BriefingData, filtered: pd.DataFrame) -> Slide:
    """The chosen measure on the map of the view: provinces of Indonesia (national view and
    comparisons, compared regions outlined) or the regencies of the selected province, in
    the classes the map page draws (``sentra.map_view.map_measure``; imported indicators
    and the data's origin included), in the view's year where the measure has it."""
    lang, metric = view.lang, view.metric
    province = view.region[:2] if view.region else None
    imported = (
        data.imported.measure(metric) if data.imported and metric.startswith(PREFIX) else None
    )
    coverage = data.coverage() if metric == COVERAGE_METRIC and data.coverage else None
    measure = map_measure(
        data.layers,
        data.ref,
        data.centres,
        filtered,
        view.filters,
        province,
        metric,
        lang,
        imported,
        coverage,
    )
    fills, legend, name, note = measure.shown(view.year)
    shapes = measure.level.shapes
    if province:
        highlight, outlines = [view.region], None
    else:
        highlight = [c for c in view.regions if len(c) == 2]
        regencies = [c for c in view.regions if len(c) == 5]
        outlines = pd.concat(
            [data.layers.regencies_of(c[:2], detail=False) for c in regencies] or [shapes[:0]]
        )
        outlines = outlines[outlines["code"].isin(regencies)]
    png, aspect = map_png(
        shapes,
        fills,
        legend,
        name,
        t("boundary_credit", lang),
        highlight=highlight,
        outlines=outlines,
        context=data.layers.provinces_national if province else None,
    )
    shows_illustrative = illustrative_figures(
        metric, filtered, data.ref, view.filters, province, imported
    )
    place = data.names[view.region] if view.region else t("indonesia", lang)
    return Slide(
        title=t("brief_map_title", lang, metric=name, region=place),
        image=png,
        image_aspect=aspect,
        notes=[store_source(data, lang), *([note] if note else []), t("boundary_credit", lang)],
        illustrative_note=note_if(shows_illustrative, lang),
    )


def headline_numbers(
    view: View, data: BriefingData, scope: pd.DataFrame
) -> tuple[list[tuple[str, str]], dict[str, float], pd.DataFrame]:
    """The six headline figures of the page (label, formatted value), the raw figures and
    the budget rows behind them."""
    lang = view.lang
    h = headline(scope, data.ref, view.filters, view.region)
    y0, y1 = budget_years(data.ref, view.filters)
    numbers = [
        (t("h_sentra", lang), fmt_number(h["sentra"], lang)),
        (t("h_klaster", lang), no_data_or(fmt_number, h["klaster"], lang)),
        (t("h_enterprises", lang), fmt_number(h["enterprises"], lang)),
        (t("h_workers", lang), fmt_number(h["workers"], lang)),
        (t("h_budget", lang, y0=y0, y1=y1), fmt_rupiah(h["budget_rp"], lang)),
        (t("h_export", lang), fmt_percent(h["export_share"], lang, 1)),
    ]
    return numbers, h, budgets_of(scope, data.ref, view.filters, view.region)


def _per_person_line(view: View, data: BriefingData, scope: pd.DataFrame) -> str:
    """Population and the per-person measures, with the population's source."""
    lang = view.lang
    if view.region and len(view.region) > 5:
        return t("kecamatan_no_population", lang)
    values = aggregate.per_person_figures(scope, data.centres, data.ref, view.filters, view.region)
    parts = [f"{t('population', lang)}: {fmt_number(values['population'], lang)}"] + [
        f"{t(f'm_{m}', lang)}: {fmt_metric(m, values[m], lang)}" for m in PER_PERSON
    ]
    return " · ".join(parts) + f" ({t('population_source', lang)})"


def headline_slide(view: View, data: BriefingData, scope: pd.DataFrame, place: str) -> Slide:
    lang = view.lang
    numbers, h, budget = headline_numbers(view, data, scope)
    lines = [
        t(
            "h_budget_help",
            lang,
            total=fmt_rupiah(h["budget_rp"], lang),
            region=fmt_rupiah(h["budget_region_rp"], lang),
        )
    ]
    if not centre_filters_default(view.filters):
        lines.append(t("budget_region_excluded", lang))
    if view.filters.chosen:
        lines.append(t("brief_filters", lang, filters=describe_filters(view.filters, lang)))
    lines.append(_per_person_line(view, data, scope))
    return Slide(
        title=t("brief_headline_title", lang, region=place),
        numbers=numbers,
        lines=lines,
        notes=[store_source(data, lang)],
        illustrative_note=note_if(illustrative(scope) or illustrative(budget), lang),
    )


def sector_chart(scope: pd.DataFrame, lang: str) -> Chart:
    sectors = aggregate.mix(scope, "sector")
    return Chart(
        t("sector_mix", lang),
        "bar",
        [label(SECTORS, c, lang) for c in sectors.index],
        [(t("count", lang), _values(sectors))],
        t("count", lang),
    )


def reach_chart(scope: pd.DataFrame, lang: str) -> Chart:
    reach = aggregate.reach_mix(scope)
    return Chart(
        t("reach_mix", lang),
        "column",
        [label(EXPORT_REACH, c, lang) for c in reach.index],
        [(t("count", lang), _values(reach))],
        t("count", lang),
    )


def budget_chart(budget: pd.DataFrame, lang: str) -> Chart:
    """Budget per year (categories) and funding source (stacked series), in billion Rp."""
    table = budget.pivot_table(
        index="year", columns="funding_source", values="amount_rp", aggfunc="sum", fill_value=0
    )
    sources = [s for s in FUNDING_SOURCES if s in table.columns]
    return Chart(
        t("budget_by_year", lang),
        "stacked",
        [str(y) for y in table.index],
        [(label(FUNDING_SOURCES, s, lang), _values(table[s] / 1e9)) for s in sources],
        t("amount_billion", lang),
        "#,##0.0",
    )


def chart_slides(view: View, data: BriefingData, scope: pd.DataFrame, place: str) -> list[Slide]:
    lang = view.lang
    source = store_source(data, lang)
    budget = aggregate.budget_by_year(scope, data.ref, view.filters, view.region)
    province = (view.region or "")[:2]
    growth = aggregate.growth_series(data.ref, province, view.filters)
    growth_notes = [source]
    if published := sorted(
        {source_text(s, lang) for s in growth.loc[growth["data_status"] == "sumber", "source"]}
    ):
        growth_notes.append(t("source_line", lang, source="; ".join(published)))
    if view.region and len(view.region) == 5:
        growth_notes.append(t("growth_regency_note", lang, name=data.names[province]))
    budget_rows = budgets_of(scope, data.ref, view.filters, view.region)
    return [
        Slide(
            title=t("brief_sector_reach_title", lang, region=place),
            charts=[sector_chart(scope, lang), reach_chart(scope, lang)],
            notes=[source],
            illustrative_note=note_if(illustrative(scope), lang),
        ),
        Slide(
            title=t("brief_budget_growth_title", lang, region=place),
            charts=[budget_chart(budget, lang), growth_chart(growth, data.names, lang)],
            notes=growth_notes,
            illustrative_note=note_if(illustrative(budget_rows) or illustrative(growth), lang),
        ),
    ]


def top_centres_slide(view: View, data: BriefingData, scope: pd.DataFrame, place: str) -> Slide:
    """The largest centres by workers; names are data and stay plain text."""
    lang = view.lang
    top = scope.sort_values(["workers", "name"], ascending=[False, True]).head(TOP_CENTRES)
    shown = tables.readable(top, data.names, lang, TOP_CENTRE_COLUMNS)
    for column in (t("field_enterprises", lang), t("field_workers", lang)):
        shown[column] = shown[column].map(lambda v: fmt_number(v, lang))
    rows = [[str(v) if pd.notna(v) else "–" for v in row] for row in shown.to_numpy()]
    notes = [store_source(data, lang)]
    if len(scope) > TOP_CENTRES:
        notes.insert(
            0,
            t(
                "brief_top_more",
                lang,
                shown=fmt_number(len(top), lang),
                total=fmt_number(len(scope), lang),
            ),
        )
    return Slide(
        title=t("brief_top_title", lang, region=place),
        table=Table(list(shown.columns), rows, [3, 1.2, 2, 2, 2, 1.2, 1.2, 1.2]) if rows else None,
        lines=[] if len(top) else [t("empty_state", lang)],
        notes=notes,
        illustrative_note=note_if(illustrative(top), lang),
    )


def counts_by_source_slide(view: View) -> Slide:
    """National counts of sentra by the body that counted them (the About page's chart), as
    a picture: side by side, never added; the note on definitions and each body's sources
    under it. Published figures only."""
    lang = view.lang
    png, aspect = counts_png(counts_by_source.national_series(), lang)
    return Slide(
        title=counts_by_source.title(lang),
        image=png,
        image_aspect=aspect,
        lines=[counts_by_source.note(lang)],
        notes=counts_by_source.sources_lines(lang),
    )


def view_facts(view: View, facts: pd.DataFrame) -> pd.DataFrame:
    """Published facts about the view's regions (their provinces too), or national ones."""
    if not view.regions:
        return aggregate.facts_for(facts, None)
    frames = [aggregate.facts_for(facts, code) for code in view.regions]
    return pd.concat(frames).drop_duplicates(subset=["fact_id"])


def facts_slides(view: View, data: BriefingData, place: str) -> list[Slide]:
    """Published facts with their sources (never illustrative), a few rows per slide."""
    lang = view.lang
    facts = view_facts(view, data.ref.facts)
    title = t("brief_facts_title", lang, region=place)
    if facts.empty:
        return [Slide(title=title, lines=[t("no_facts", lang)])]
    shown = readable_facts(facts, data.names, lang)
    rows = [[str(v) for v in row] for row in shown.to_numpy()]
    pages = [rows[i : i + FACT_ROWS_PER_SLIDE] for i in range(0, len(rows), FACT_ROWS_PER_SLIDE)]
    return [
        Slide(
            title=title if len(pages) == 1 else f"{title} ({n}/{len(pages)})",
            table=Table(list(shown.columns), page, [0.7, 4, 1.6, 1.8, 3.2]),
        )
        for n, page in enumerate(pages, start=1)
    ]


def sources_slide(view: View, data: BriefingData, any_illustrative: bool) -> Slide:
    lang = view.lang
    facts = view_facts(view, data.ref.facts)
    published = {source_text(s, lang) for s in facts["source"]}
    if not view.regions:  # the national counts by body
        series = counts_by_source.national_series()
        published |= {source_text(x, lang) for s in series for x in s.sources}
    published = sorted(published)
    lines = [
        t("brief_src_data", lang, source=t("source_store", lang, v=data.version)),
        t("boundary_credit", lang),
    ]
    if published:
        lines.append(t("brief_src_facts", lang, sources="; ".join(published)))
    lines += [
        f"{t(GLOSSARY[term][0], lang)} — {t(GLOSSARY[term][1], lang)}"
        for term in ("sentra", "klaster", "lq")
    ]
    if any_illustrative:
        lines.append(t("brief_illustrative_general", lang))
    return Slide(
        title=t("brief_sources_title", lang),
        lines=lines,
        illustrative_note=note_if(any_illustrative, lang),
    )
