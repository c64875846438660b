"""``/bandingkan``, ``/indikator``, ``/fakta``, ``/versi``: the compare page's tables, the
imported regional indicators, the published facts and the data versions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Path, Query, Request, Response

from api.errors import ApiError, listed
from api.models import Comparison, FactList, IndicatorList, IndicatorValues, VersionList, ok
from api.params import (
    DEFAULT_LANG,
    NATIONAL,
    FilterParams,
    Lang,
    Source,
    Versi,
    compared_codes,
    level_of,
    region_code,
)
from api.responses import read_view, respond
from loaders.export import records
from sentra import aggregate
from sentra.facts import fact_numbers, source_text
from sentra.filters import filter_centres, to_params
from sentra.i18n import N_, t
from sentra.regional_indicators import ImportedIndicators

router = APIRouter()
_YEARS = re.compile(r"(\d{4})(?:-(\d{4}))?")


@router.get(
    "/bandingkan",
    response_model=None,
    responses=ok(Comparison),
    summary="Compare 2–4 regions",
    tags=["bandingkan"],
)
def compare(
    request: Request,
    source: Source,
    filters: FilterParams,
    wilayah: Annotated[
        list[str],
        Query(description="2–4 region codes of any level: `?wilayah=33&wilayah=34`."),
    ],
    versi: Versi = None,
) -> Response:
    """The compare page's tables: each region's measures and its share of the national
    total of the same filtered measure, and the imported indicators side by side."""
    codes = compared_codes(wilayah, source.regions)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        data = view.data
        filtered = filter_centres(data.centres, filters)
        table = aggregate.comparison(codes, filtered, data.centres, data.ref, filters)
        rows = []
        for code in codes:
            row = table.loc[code]
            measures = {m: row[m] for m in aggregate.COMPARED}
            measures["export_share"] = row["export_share"] / 100
            shares = {m: row[f"{m}_share"] / 100 for m in aggregate.SHARED}
            rows.append(
                {
                    "code": code,
                    "name": str(source.regions.at[code, "name"]),
                    "level": level_of(code),
                    **measures,
                    "national_share": shares,
                }
            )
        return {
            "versi": view.version,
            "filters": to_params(filters),
            "data": rows,
            "indicators": _imported_side_by_side(source.imported(view.snapshot), codes),
        }

    return respond(request, view, build)


def _imported_side_by_side(imported: ImportedIndicators, codes: list[str]) -> list[dict]:
    frame = imported.for_regions(codes)
    return [
        {
            "key": key,
            "name": row["name"],
            "unit": row["unit"],
            "source": row["source"],
            "years": list(row["years"]),
            "values": {code: row[code] for code in codes},
        }
        for key, (_, row) in zip(imported.meta["key"], frame.iterrows(), strict=True)
    ]


def _meta(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "key": row["key"],
        "name": row["name"],
        "unit": row["unit"] or "",
        "source": row["source"],
        "level": row["level"],
        "data_status": row["data_status"],
        "years": [int(y) for y in row["years"]],
        "indicator_version": int(row["indicator_version"]),
        "created_at": row["created_at"],
    }


@router.get(
    "/indikator",
    response_model=None,
    responses=ok(IndicatorList),
    summary="Imported regional indicators",
    tags=["indikator"],
)
def indicators(request: Request, source: Source, versi: Versi = None) -> Response:
    """The regional tables officials imported (the newest version of each), with their
    unit, source and years: map measures, and rows of the profile and the comparison."""
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        meta = source.imported(view.snapshot).meta
        return {"versi": view.version, "data": [_meta(row) for _, row in meta.iterrows()]}

    return respond(request, view, build)


@router.get(
    "/indikator/{key}",
    response_model=None,
    responses=ok(IndicatorValues),
    summary="An imported indicator's values",
    tags=["indikator"],
)
def indicator_values(
    request: Request,
    source: Source,
    key: Annotated[str, Path(description="The indicator's key, as `/indikator` lists it.")],
    wilayah: Annotated[
        list[str] | None,
        Query(description="Only these regions and the regions inside them (repeatable)."),
    ] = None,
    tahun: Annotated[
        str | None, Query(description="One year `2023` or a range `2019-2023`.")
    ] = None,
    versi: Versi = None,
) -> Response:
    """Every value of one imported indicator: region, year and value in its unit. A region
    without a value has no data (it is not listed), never zero."""
    codes = [region_code(c, source.regions) for c in wilayah or []]
    years = _year_range(tahun) if tahun is not None else None
    view = read_view(source, versi)
    imported = source.imported(view.snapshot)
    if key not in set(imported.meta["key"]):
        raise ApiError(
            404, N_("api_unknown_indicator"), key=key[:40], known=listed(imported.meta["key"])
        )

    def build() -> dict[str, Any]:
        row = imported.row(key)
        values = imported.values[imported.values["indicator_version"] == row["indicator_version"]]
        if codes:
            inside = values["region_code"].map(
                lambda c: any(c == w or c.startswith(w + ".") for w in codes)
            )
            values = values[inside.astype(bool)]
        if years is not None:
            values = values[values["year"].between(*years)]
        table = pd.DataFrame(
            {
                "region_code": values["region_code"].astype(str),
                "name": values["region_code"].map(source.regions["name"]),
                "year": values["year"].astype(int),
                "value": values["value"].astype(float),
            }
        )
        meta = _meta({**row.to_dict(), "key": key})
        return {"versi": view.version, "indicator": meta, "data": records(table)}

    return respond(request, view, build)


def _year_range(text: str) -> tuple[int, int]:
    match = _YEARS.fullmatch(text)
    if not match:
        raise ApiError(422, N_("api_bad_year"), value=text[:40])
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first > last:
        raise ApiError(422, N_("api_bad_year"), value=text[:40])
    return first, last


@router.get(
    "/fakta", response_model=None, responses=ok(FactList), summary="Published facts", tags=["fakta"]
)
def facts(
    request: Request,
    source: Source,
    wilayah: Annotated[
        str | None,
        Query(
            description="Facts about this region, its regency and its province (as the "
            "profile lists them); `indonesia`: national facts. Default: all."
        ),
    ] = None,
    lang: Lang = DEFAULT_LANG,
    versi: Versi = None,
) -> Response:
    """Published figures with their sources, as published (value and unit)."""
    if wilayah is not None and wilayah != NATIONAL:
        region_code(wilayah, source.regions)
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        table = view.data.ref.facts
        if wilayah is not None:
            table = aggregate.facts_for(table, None if wilayah == NATIONAL else wilayah)
        rows = []
        for _, fact in table.iterrows():
            numbers = fact_numbers(fact["value"])
            codes = fact["region_code"] if isinstance(fact["region_code"], str) else ""
            rows.append(
                {
                    "fact_id": fact["fact_id"],
                    "description": t(f"fact_{fact['fact_id']}", lang),
                    "year": fact["year"],
                    "scope": fact["scope"],
                    "region_codes": [c for c in codes.split(";") if c],
                    "value": numbers[0] if numbers else None,
                    "value_max": numbers[1] if len(numbers) > 1 else None,
                    "unit": fact["unit"],
                    "source": source_text(fact["source"], lang),
                }
            )
        return {"versi": view.version, "data": rows}

    return respond(request, view, build)


@router.get(
    "/versi",
    response_model=None,
    responses=ok(VersionList),
    summary="Data versions",
    tags=["versi"],
)
def versions(request: Request, source: Source, versi: Versi = None) -> Response:
    """Every stored version of the centres, newest first: when, what kind (bundled, import,
    restore), who and which office, which file (name and SHA-256), what changed. With
    `versi`, that version alone."""
    view = read_view(source, versi)

    def build() -> dict[str, Any]:
        table = source.version_table(view.snapshot).drop(columns=["summary"])
        if view.pinned:
            table = table[table["version_id"] == view.version]
        return {"versi": view.version, "current": view.snapshot.current, "data": records(table)}

    return respond(request, view, build)
