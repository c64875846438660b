"""``/wilayah``: the regions, a region's headline figures and the tables behind its profile.

Every number comes from the functions the profile page uses, on the same filtered centres:
``sentra.indicators.headline`` and ``sentra.aggregate`` (``scope``, ``per_person_figures``,
``mix``, ``reach_mix``, ``budget_by_year``, ``growth_series``), ``sentra.coverage``.
"""

from __future__ import annotations

from typing import Annotated, Any

import numpy as np
import pandas as pd
from fastapi import APIRouter, Path, Query, Request, Response

from api.errors import ApiError
from api.models import (
    BudgetTable,
    GrowthTable,
    Level,
    ReachTable,
    RegionList,
    RegionSummary,
    SectorTable,
    ok,
)
from api.params import (
    DEFAULT_LANG,
    LEVELS,
    NATIONAL,
    FilterParams,
    Lang,
    Source,
    Versi,
    level_of,
    region_code,
)
from api.responses import ReadView, read_view, respond
from loaders.export import records
from sentra import aggregate
from sentra.aggregate import bps_national_note, cluster_sources
from sentra.coverage import source_of
from sentra.facts import source_text
from sentra.filters import Filters, filter_centres, to_params
from sentra.i18n import N_, t
from sentra.indicators import budgets_of, centre_filters_default, headline
from sentra.per_person import PER_PERSON
from sentra.schema import EXPORT_REACH, SECTORS, label

router = APIRouter(tags=["wilayah"])
PER_PERSON_UNITS = {
    "centres_per_100k": "centres per 100,000 people",
    "workers_per_1000": "workers per 1,000 people",
}
CodePath = Annotated[
    str,
    Path(
        description="Province `33`, regency/city `33.26`, kecamatan `33.26.14` (2025 codes), "
        "or `indonesia`."
    ),
]


def _parent(code: str) -> str | None:
    return None if len(code) == 2 else code[: len(code) - 3]


def region_ref(regions: pd.DataFrame, code: str | None, lang: str) -> dict[str, Any]:
    if code is None:
        return {
            "code": NATIONAL,
            "name": t("indonesia", lang),
            "level": "nasional",
            "parent_code": None,
        }
    name = str(regions.at[code, "name"])
    return {"code": code, "name": name, "level": level_of(code), "parent_code": _parent(code)}


def _region(code: str, source: Source) -> str | None:
    """None for Indonesia; 404 for an unknown code."""
    return None if code == NATIONAL else region_code(code, source.regions, status=404)


@router.get("/wilayah", response_model=None, responses=ok(RegionList), summary="Regions of a level")
def regions_list(
    request: Request,
    source: Source,
    tingkat: Annotated[
        Level | None,
        Query(description="`provinsi` (default), `kabupaten` (regencies and cities), `kecamatan`."),
    ] = None,
    induk: Annotated[
        str | None,
        Query(description="Only the regions inside this code (a province or a regency)."),
    ] = None,
    versi: Versi = None,
) -> Response:
    """Code, name, parent, population 2025 and area of every region of a level."""
    view = read_view(source, versi)
    regions = source.regions
    if induk is not None:
        region_code(induk, regions)
        if tingkat is None:
            tingkat = "kabupaten" if len(induk) == 2 else "kecamatan"
        if LEVELS[tingkat] <= len(induk):
            raise ApiError(422, N_("api_bad_parent"), code=induk, level=tingkat)
    level = tingkat or "provinsi"

    def build() -> dict[str, Any]:
        codes = regions.index.astype(str)
        chosen = regions[np.asarray(codes.str.len() == LEVELS[level])]
        if induk is not None:
            chosen = chosen[chosen.index.str.startswith(induk + ".")]
        chosen = chosen.sort_index()
        table = pd.DataFrame(
            {
                "code": chosen.index,
                "name": chosen["name"].to_numpy(),
                "kind": chosen["kind"].to_numpy(),
                "level": level,
                "parent_code": [_parent(c) for c in chosen.index],
                "province_code": [c[:2] for c in chosen.index],
                "population": source.reference.population.reindex(chosen.index).to_numpy(),
                "area_km2": chosen["area_km2"].to_numpy(),
                "label_lat": chosen["label_lat"].to_numpy(),
                "label_lng": chosen["label_lng"].to_numpy(),
            }
        )
        rows = records(table)
        return {
            "versi": view.version,
            "tingkat": level,
            "induk": induk,
            "count": len(rows),
            "data": rows,
        }

    return respond(request, view, build)


def _status(frame: pd.DataFrame) -> str | None:
    """``ilustratif`` when any row behind a figure is; None when no row is."""
    if frame.empty:
        return None
    return "ilustratif" if bool((frame["data_status"] == "ilustratif").any()) else "sumber"


def summary(view: ReadView, region: str | None, filters: Filters, lang: str) -> dict[str, Any]:
    """The profile's headline and per-person figures, each with its unit, source and data
    status, the region's coverage and the notes the page shows beside them."""
    data, regions = view.data, view.source.regions
    filtered = filter_centres(data.centres, filters)
    inside = aggregate.scope(filtered, region)
    h = headline(inside, data.ref, filters, region)
    people = aggregate.per_person_figures(filtered, data.centres, data.ref, filters, region)
    budget = budgets_of(inside, data.ref, filters, region)
    store = t("source_store", lang, v=view.version)
    covered = source_of(data.coverage, region, lang)
    counts = f"{store}; {covered}"
    kecamatan = region is not None and len(region) > 5
    population_source = t("kecamatan_no_population" if kecamatan else "population_source", lang)
    clusters_unknown = pd.isna(h["klaster"])
    clusters_help = (
        t("klaster_no_data_help", lang, published=cluster_sources(data.ref, lang))
        if clusters_unknown
        else ""
    )

    statuses = {
        "centres": _status(inside),
        "budget": _status(budget),
        "region_budget": _status(budget[budget["centre_id"].fillna("") == ""]),
    }

    def figure(value: float, unit: str, text: str, rows: str) -> dict[str, Any]:
        """A figure; its data status is that of the ``rows`` behind it (None: no value)."""
        status = None if pd.isna(value) else statuses[rows]
        return {"value": value, "unit": unit, "source": text, "data_status": status}

    export = h["export_share"] / 100 if not pd.isna(h["export_share"]) else float("nan")
    no_people = pd.isna(people["population"])
    figures = {
        "sentra": figure(h["sentra"], "count", counts, "centres"),
        "klaster": figure(
            h["klaster"], "count", clusters_help if clusters_unknown else counts, "centres"
        ),
        "enterprises": figure(h["enterprises"], "count", counts, "centres"),
        "workers": figure(h["workers"], "people", counts, "centres"),
        "budget_rp": figure(h["budget_rp"], "rupiah", store, "budget"),
        "budget_region_rp": figure(h["budget_region_rp"], "rupiah", store, "region_budget"),
        "export_share": figure(export, "fraction", counts, "centres"),
        "population": {
            "value": people["population"],
            "unit": "people",
            "source": population_source,
            "data_status": None if no_people else "sumber",
        },
    }
    for metric in PER_PERSON:
        text = f"{counts}; {population_source}"
        figures[metric] = figure(people[metric], PER_PERSON_UNITS[metric], text, "centres")
    notes = []
    if region is None and (bps := bps_national_note(data.ref, lang, filtered)):
        notes.append(bps)
    if not centre_filters_default(filters):
        notes.append(t("budget_region_excluded", lang))
    if clusters_unknown:
        notes.append(clusters_help)
    status = "nasional" if region is None else str(data.coverage.at[region, "status"])
    return {
        "versi": view.version,
        "region": region_ref(regions, region, lang),
        "filters": to_params(filters),
        "figures": figures,
        "illustrative_share": h["illustrative_share"],
        "coverage": {"status": status, "text": covered},
        "notes": notes,
    }


@router.get(
    "/wilayah/{code}",
    response_model=None,
    responses=ok(RegionSummary),
    summary="A region's headline figures",
)
def region_summary(
    request: Request,
    source: Source,
    code: CodePath,
    filters: FilterParams,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """The profile's headline figures (centres, clusters, enterprises, workers, budget,
    export share, population and per-person measures) under the dashboard's filters, each
    with its unit, source and data status."""
    region = _region(code, source)
    view = read_view(source, versi)
    return respond(request, view, lambda: summary(view, region, filters, lang))


def _scoped(view: ReadView, region: str | None, filters: Filters) -> pd.DataFrame:
    return aggregate.scope(filter_centres(view.data.centres, filters), region)


def _table(view: ReadView, region: str | None, filters: Filters, lang: str, rows: list) -> dict:
    return {
        "versi": view.version,
        "region": region_ref(view.source.regions, region, lang),
        "filters": to_params(filters),
        "data": rows,
    }


@router.get(
    "/wilayah/{code}/sektor", response_model=None, responses=ok(SectorTable), summary="Sector mix"
)
def region_sectors(
    request: Request,
    source: Source,
    code: CodePath,
    filters: FilterParams,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """Centres per sector, largest first: the profile's sector chart."""
    region = _region(code, source)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        mix = aggregate.mix(_scoped(view, region, filters), "sector")
        rows = [
            {"sector": c, "label": label(SECTORS, c, lang), "centres": int(n)}
            for c, n in mix.items()
        ]
        return _table(view, region, filters, lang, rows)

    return respond(request, view, build)


@router.get(
    "/wilayah/{code}/pasar", response_model=None, responses=ok(ReachTable), summary="Market reach"
)
def region_reach(
    request: Request,
    source: Source,
    code: CodePath,
    filters: FilterParams,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """Centres per market reach, from local to export: the profile's reach chart."""
    region = _region(code, source)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        reach = aggregate.reach_mix(_scoped(view, region, filters))
        rows = [
            {"export_reach": c, "label": label(EXPORT_REACH, c, lang), "centres": int(n)}
            for c, n in reach.items()
        ]
        return _table(view, region, filters, lang, rows)

    return respond(request, view, build)


@router.get(
    "/wilayah/{code}/anggaran",
    response_model=None,
    responses=ok(BudgetTable),
    summary="Budget by year",
)
def region_budget(
    request: Request,
    source: Source,
    code: CodePath,
    filters: FilterParams,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """Budget per year and funding source in the filter's years: the profile's budget chart.
    Allocations to a region as a whole count only while no centre filter is active."""
    region = _region(code, source)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        scoped = _scoped(view, region, filters)
        table = aggregate.budget_by_year(scoped, view.data.ref, filters, region)
        answer = _table(view, region, filters, lang, records(table))
        answer["regional_programmes_included"] = centre_filters_default(filters)
        return answer

    return respond(request, view, build)


@router.get(
    "/wilayah/{code}/pertumbuhan",
    response_model=None,
    responses=ok(GrowthTable),
    summary="Output growth over time",
)
def region_growth(
    request: Request,
    source: Source,
    code: CodePath,
    filters: FilterParams,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """Yearly output growth of the region's province and of the nation in the filter's
    years: the profile's growth chart (published per province only)."""
    region = _region(code, source)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        province = (region or "")[:2]
        growth = aggregate.growth_series(view.data.ref, province, filters)
        table = growth.rename(columns={"value": "growth_pct"}).assign(
            source=[source_text(s, lang) for s in growth["source"]]
        )
        answer = _table(view, region, filters, lang, records(table))
        answer["series_of"] = province or None
        return answer

    return respond(request, view, build)
