"""``/sentra``: the centres under the dashboard's filters, a page at a time, as JSON, CSV or
GeoJSON. CSV and GeoJSON are the Data page's own downloads (``loaders.export``): the same
columns, the same neutralised formula cells, the same points for centres without
coordinates."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import pandas as pd
from fastapi import APIRouter, Query, Request, Response

from api.errors import ApiError
from api.models import CentrePage, ok
from api.params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    FilterParams,
    Source,
    Versi,
    decode_cursor,
    encode_cursor,
    region_code,
)
from api.responses import ReadView, read_view, respond, to_json
from loaders.export import geojson_document, records, to_csv_bytes
from sentra import aggregate
from sentra.filters import Filters, filter_centres, to_params
from sentra.i18n import N_

router = APIRouter(tags=["sentra"])
MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}


def _page(
    view: ReadView,
    filters: Filters,
    wilayah: str | None,
    limit: int,
    offset: int,
    after: str | None,
) -> tuple[pd.DataFrame, int, str | None]:
    """The centres of one page, how many match in all, and the cursor of the next page."""
    matching = aggregate.scope(filter_centres(view.data.centres, filters), wilayah)
    if after is not None:  # the stored order is by id: the page starts after the cursor's id
        offset = int(matching["id"].searchsorted(after, side="right"))
    page = matching.iloc[offset : offset + limit]
    more = offset + limit < len(matching)
    return page, len(matching), encode_cursor(str(page["id"].iloc[-1])) if more else None


def _next_url(request: Request, view: ReadView, cursor: str | None) -> str | None:
    """The next page's address (path and query): the same query on the same version, from
    the cursor."""
    if cursor is None:
        return None
    kept = [
        (k, v)
        for k, v in request.query_params.multi_items()
        if k not in ("cursor", "offset", "versi")
    ]
    query = urlencode([*kept, ("versi", str(view.version)), ("cursor", cursor)])
    return f"{request.url.path}?{query}"


@router.get("/sentra", response_model=None, responses=ok(CentrePage), summary="Centres")
def centres(
    request: Request,
    source: Source,
    filters: FilterParams,
    wilayah: Annotated[
        str | None,
        Query(description="Only centres inside this province, regency or kecamatan code."),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Centres per page, at most {MAX_LIMIT:,}.")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int | None, Query(ge=0, description="Skip this many centres.")] = None,
    cursor: Annotated[
        str | None,
        Query(description="`next_cursor` of the page before (pages stay whole across imports)."),
    ] = None,
    format: Annotated[
        Literal["json", "csv", "geojson"],
        Query(
            description="`json` (default), `csv` (the Data page's download: `;` between "
            "fields, decimal comma, UTF-8 with BOM) or `geojson`."
        ),
    ] = "json",
    versi: Versi = None,
) -> Response:
    """Centres in the stored order (by id), filtered with the dashboard's URL keys. The
    answer's `total`, `next_cursor` and `next` page through all of them; CSV and GeoJSON
    carry them in the `X-Total-Count` and `Link` headers (GeoJSON also as members)."""
    if wilayah is not None:
        region_code(wilayah, source.regions)
    if offset is not None and cursor is not None:
        raise ApiError(422, N_("api_offset_and_cursor"))
    after = decode_cursor(cursor) if cursor is not None else None
    view = read_view(source, versi)
    headers: dict[str, str] = {}

    def build() -> Any:
        page, total, next_cursor = _page(view, filters, wilayah, limit, offset or 0, after)
        link = _next_url(request, view, next_cursor)
        headers["X-Total-Count"] = str(total)
        if link is not None:
            headers["Link"] = f'<{link}>; rel="next"'
        about = {
            "versi": view.version,
            "filters": to_params(filters),
            "wilayah": wilayah,
            "total": total,
            "limit": limit,
            "offset": None if after is not None else offset or 0,
            "next_cursor": next_cursor,
            "next": link,
        }
        if format == "csv":
            return to_csv_bytes(page)
        if format == "geojson":  # already Python values: no second walk through them
            return to_json(geojson_document(page, source.regions) | about, clean=False)
        return to_json(about | {"data": records(page)}, clean=False)

    response = respond(request, view, build, MEDIA[format])
    response.headers.update(headers)
    if format == "csv" and response.status_code == 200:
        response.headers["Content-Disposition"] = f'inline; filename="sentra-v{view.version}.csv"'
    return response
