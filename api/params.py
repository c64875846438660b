"""The query parameters: the dashboard's URL keys, checked before anything is read.

The filters are the sidebar's own table (``sentra.filters.FILTERS``): the same keys, the same
vocabularies, read by the same ``from_params``. Nothing from a parameter reaches SQL: codes
must be known codes, the text filter is searched in memory (``filter_centres``) and may hold
only letters, digits, spaces and a few marks, and a parameter a route does not take is an
error rather than silently ignored (a misspelt ``sector=`` would otherwise return every
centre).
"""

from __future__ import annotations

import base64
import binascii
import inspect
import re
from collections.abc import Sequence
from typing import Annotated, Literal

import pandas as pd
from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from api.data import DataSource
from api.errors import ApiError, listed
from sentra.filters import FILTERS, MAX_TEXT, SPECS, YEAR_RANGE, Filters, from_params
from sentra.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from sentra.schema import label

NATIONAL = "indonesia"  # the code of the whole country in /wilayah/{code}
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 1_000
MAX_COMPARED = 4
LEVELS = {"provinsi": 2, "kabupaten": 5, "kecamatan": 8}  # tingkat → code length
# Letters and digits of any script, spaces and . , ( ) / & - (no "--"): enough for commodity
# and centre names ("batik tulis", "Kopi (Arabika)", "Tahu/tempe"), nothing of SQL or HTML.
_SAFE_TEXT = re.compile(r"[\w .,()/&-]*")
_CURSOR = re.compile(r"[A-Za-z0-9_-]{1,400}")


# -- parameters a route does not take ------------------------------------------------------
def _query_names(dependant: Dependant) -> frozenset[str]:
    """The query parameters of a route and of everything it depends on."""
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


def _route_params(route: APIRoute) -> frozenset[str]:
    names = getattr(route, "_query_names", None)
    if names is None:
        names = route._query_names = _query_names(route.dependant)  # type: ignore[attr-defined]
    return names


def known_params_only(request: Request) -> None:
    """Refuse a parameter the route does not take (router dependency)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _route_params(route)
    unknown = sorted({key for key in request.query_params if key not in allowed})
    if unknown:
        shown = [key if len(key) <= 40 else key[:37] + "…" for key in unknown]
        raise ApiError(
            422, N_("api_unknown_param"), names=listed(shown), allowed=listed(sorted(allowed))
        )


# -- the sidebar filters -------------------------------------------------------------------
def _filter_description(key: str) -> str:
    spec = SPECS[key]
    if spec.kind == "choice":
        codes = "; ".join(
            f"`{c}` ({label(spec.vocabulary, c, 'id')} / {label(spec.vocabulary, c, 'en')})"
            for c in spec.vocabulary
        )
        return f"Repeat for several (`?{key}=a&{key}=b`): {codes}."
    if spec.kind == "text":
        return (
            f"Search in {' and '.join(spec.columns)}, as the sidebar's text box (at most "
            f"{MAX_TEXT} characters: letters, digits, spaces and . , ( ) / & -)."
        )
    return (
        f"Budget and growth years, `YYYY-YYYY` within {YEAR_RANGE[0]}–{YEAR_RANGE[1]} "
        "(centres have no year)."
    )


def _filter_parameter(key: str) -> inspect.Parameter:
    spec = SPECS[key]
    if spec.kind == "choice":
        annotation: object = list[Literal[tuple(spec.vocabulary)]] | None  # type: ignore[misc]
    else:
        annotation = str | None
    return inspect.Parameter(
        key,
        inspect.Parameter.KEYWORD_ONLY,
        default=Query(None, description=_filter_description(key)),
        annotation=annotation,
    )


def _filters(request: Request, **_values: object) -> Filters:
    """The sidebar filters from the query, read by ``sentra.filters.from_params``."""
    raw = {spec.key: request.query_params.getlist(spec.key) for spec in FILTERS}
    for spec in FILTERS:
        values = raw[spec.key]
        if spec.kind != "choice" and len(values) > 1:
            raise ApiError(422, N_("api_one_value"), key=spec.key)
        if spec.kind == "text" and values:
            check_text(spec.key, values[0])
    filters, ignored = from_params({k: v for k, v in raw.items() if v})
    for key, bad in ignored.items():
        if SPECS[key].kind == "years":
            raise ApiError(
                422, N_("api_bad_years"), value=bad[0][:40], y0=YEAR_RANGE[0], y1=YEAR_RANGE[1]
            )
        allowed = listed(SPECS[key].vocabulary or ())
        raise ApiError(422, N_("api_bad_value"), key=key, values=listed(bad), allowed=allowed)
    return filters


_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        *(_filter_parameter(spec.key) for spec in FILTERS),
    ]
)
FilterParams = Annotated[Filters, Depends(_filters)]


def check_text(key: str, value: str) -> str:
    if len(value) > MAX_TEXT or not _SAFE_TEXT.fullmatch(value) or "--" in value:
        raise ApiError(422, N_("api_text_refused"), key=key, n=MAX_TEXT)
    return value


def _source(request: Request) -> DataSource:
    return request.app.state.source


Source = Annotated[DataSource, Depends(_source)]


# -- regions, language, versions -----------------------------------------------------------
def region_code(code: str, regions: pd.DataFrame, status: int = 422) -> str:
    """A known province, regency or kecamatan code (``33``, ``33.26``, ``33.26.14``)."""
    if code not in regions.index:
        raise ApiError(status, N_("api_unknown_region"), code=code[:40])
    return code


def level_of(code: str) -> str:
    return {2: "provinsi", 5: "kabupaten", 8: "kecamatan"}[len(code)]


Lang = Annotated[
    Literal[tuple(LANGUAGES)],  # type: ignore[valid-type]
    Query(description="Language of labels and sources: `id` (default) or `en`."),
]
DEFAULT_LANG = DEFAULT_LANGUAGE
Versi = Annotated[
    int | None,
    Query(
        ge=1,
        description="Data version to read (`GET /api/v1/versi` lists them); default: the "
        "current one.",
    ),
]


# -- pages of centres ----------------------------------------------------------------------
def encode_cursor(centre_id: str) -> str:
    return base64.urlsafe_b64encode(centre_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    if not _CURSOR.fullmatch(cursor):
        raise ApiError(422, N_("api_bad_cursor"))
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ApiError(422, N_("api_bad_cursor")) from None


def compared_codes(codes: Sequence[str], regions: pd.DataFrame) -> list[str]:
    """2–4 distinct known region codes of any level, in the order given."""
    chosen = list(dict.fromkeys(codes))
    if not 2 <= len(chosen) <= MAX_COMPARED:
        raise ApiError(422, N_("api_compare_count"), max=MAX_COMPARED, n=len(chosen))
    return [region_code(c, regions) for c in chosen]
